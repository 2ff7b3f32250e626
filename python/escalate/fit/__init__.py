"""Fit Escalate's incident rates and lower ladder steps to the incident catalogue
(escalate-fit-rates is the command).

  assumptions  incident types, eras, priors, judgement multipliers, series used
  catalogue    reading and validating data/*.csv and the base config (EscalateError)
  exposure     rows of an engine type, era windows, yearly counts and exposures
  poisson      one Poisson rate: Jeffreys-Gamma posterior, over-dispersion, predictive
  rates        every type x era: accidental/deliberate split, CSIS series, phase gammas
  ladder       response steps (>= protest, >= countermeasure) as Beta posteriors
  heldout      fit to a date, predict the later years, score against naive rates
  report       number formatting and the printed/Markdown tables
  fragment     the fitted TOML config fragment and its header
  commands     the fit and heldout commands

The names below are the fit's library interface (tests use them)."""
from .assumptions import CATALOGUE_TYPES, ENGINE_TYPES, VICTIM  # noqa: F401
from .catalogue import EscalateError, read_counts, read_incidents  # noqa: F401
from .heldout import heldout  # noqa: F401
from .poisson import fit_rate, gamma_interval, gamma_posterior, predictive  # noqa: F401
from .rates import deliberate_share, fit_all, split_counts  # noqa: F401

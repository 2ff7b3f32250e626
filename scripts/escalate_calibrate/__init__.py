"""Escalate's model against the public record (scripts/condition.py and
scripts/predictive_check.py are the commands).

  runs        running the engine (with a shorter horizon when asked) and reading results
  record      what the catalogue observed in a window: counts, answers by rung, per year
  likelihood  per-draw log-likelihood of the record: counts, "no war", answers
  estimate    weighted (self-normalised) estimates, their intervals, weighted quantiles
  publish     atomic HDF5 output
  predictive  the posterior predictive check: per-year bands and flags
  figure      the predictive check's figure

The fit itself is scripts/escalate_fit (fit_rates.py); this package reads it."""

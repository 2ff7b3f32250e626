"""What the rate fit assumes: incident types and their victim side, phase-eras, priors,
the over-dispersion rule, the judgement multipliers of unobserved phases, the catalogue's
columns and codes, and which published series are used. Each is stated in the output and
in the fitted config's header."""
import datetime as dt

ENGINE_TYPES = [
    "stray-missile", "airspace-violation", "close-encounter", "infrastructure-sabotage",
    "cyber-attack", "strike-attributed-to-nato", "nato-deployment", "nuclear-signalling",
]
CATALOGUE_TYPES = ENGINE_TYPES + ["other"]   # `other` is fitted and printed, never written
# The phases an incident rate is given for (and their order in a config's arrays) are the
# engine's: escalate.names.rate_phases() reads them from `escalate names --json`.

# The engine's direction of each type (victim side); rows coded the other way round are
# not incidents of that engine type (the engine's type has a fixed victim). Checked
# against the base config when it can be read.
VICTIM = {t: "nato" for t in CATALOGUE_TYPES}
VICTIM["strike-attributed-to-nato"] = "russia"
VICTIM["nato-deployment"] = "russia"

# Phase-eras. The model's phase since 2022 is "spiral" (index 3) and 2014-2021 "deep"
# (index 2), following the seed paper (Yang Lei & Zhang Lixia, "The formation and
# escalation of the Russia-NATO security dilemma after the Cold War").
CATALOGUE_START = dt.date(2014, 1, 1)
SPIRAL_START = dt.date(2022, 1, 1)

# Types born of the full-scale war in Ukraine: no exposure before 24 Feb 2022.
WAR_START = dt.date(2022, 2, 24)
WAR_BORN = {"stray-missile", "strike-attributed-to-nato"}

# Jeffreys prior for a Poisson rate, Gamma(1/2, 0) (improper; the posterior is proper as
# soon as the exposure is positive): posterior Gamma(n + 1/2, E).
PRIOR_SHAPE = 0.5
PRIOR_RATE = 0.0
# Jeffreys prior for a proportion: Beta(1/2, 1/2).
BETA_PRIOR = 0.5

# Over-dispersion rule: widen when the Pearson dispersion test of the yearly counts
# rejects a constant Poisson rate at this level (lenient: 3-8 yearly counts give the
# test little power).
DISPERSION_P = 0.10

# Phases the catalogue does not observe, as multiples of an observed era's gamma (same
# shape, so the same relative uncertainty). Modeller's judgement: dormant and activated
# at a quarter and a half of deep, the typical ratio of the baseline's hand-set rates.
UNOBSERVED_FROM_DEEP = {"dormant": 0.25, "activated": 0.5}
# War-born types: the catalogue's deep era (2014-2021) had no full-scale war, so every
# non-spiral phase is a multiple of spiral. The war, not the phase, drives them: a
# trajectory that starts in deep in 2022 still has the war next door (the baseline's own
# deep/spiral ratios for these types run 0.33-0.67), hence half; dormant and activated
# are near zero (a gamma cannot be exactly 0).
UNOBSERVED_FROM_SPIRAL = {"dormant": 0.01, "activated": 0.01, "deep": 0.5}

LEVEL = 0.90
INCIDENT_COLUMNS = ["id", "date", "type", "victim", "suspect", "victim_state_nato_member",
                    "final_attribution", "response_rung"]
COUNT_COLUMNS = ["series", "incident_type", "year", "period_start", "period_end", "count",
                 "count_qualifier"]
ATTRIBUTIONS = {"deliberate", "accidental", "contested", "unknown"}
RUNGS = ["none", "protest", "countermeasure", "strike", "war"]

# Published series used for a rate (README: "Sabotage: ... Use yearly_counts.csv for
# rates"): CSIS counts Russian sabotage attacks in Europe (2023: 12, 2024: 34, about 50
# from 1 Jan 2022 to 18 Mar 2025). They are attacks attributed to Russia, so they give
# the spiral-era *deliberate* rate; the accidental rate stays the catalogue's.
SERIES_FOR_RATE = {("infrastructure-sabotage", "spiral", "deliberate"):
                   "csis_russian_sabotage_attacks_europe"}

# Published series compared with the catalogue (not used for a rate), with the reason.
COMPLETENESS = [
    ("close-encounter", "eln_close_encounters_total", None,
     "ELN encounters, near-routine to high-risk; not used (none after 2017)"),
    ("infrastructure-sabotage", "csis_russian_sabotage_attacks_europe", None,
     "CSIS attacks in Europe; used for the spiral deliberate rate"),
    ("airspace-violation", "estonia_airspace_violations_russian_aircraft", "Estonia",
     "Estonia only, vs catalogue rows in Estonia; not used"),
]
NOT_USED = [
    ("nato_air_policing_scrambles_*", "airspace-violation",
     "intercepts of aircraft in international airspace, not violations of a member's "
     "airspace: no mapping to an engine type"),
    ("iiss_suspected_russian_sabotage_europe*", "infrastructure-sabotage",
     "a second count of the same population as CSIS (2024 'more than 30'); yearly "
     "figures come from one weak blog"),
    ("baltic_gnss_*, lithuania_pilot_gnss_*", "other", "GNSS interference: no engine type"),
]

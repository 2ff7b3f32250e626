"""Escalate's model against the public record (escalate-condition and
escalate-predictive-check are the commands).

  runs        running the engine (with a shorter horizon when asked) and reading results
  record      what the catalogue observed in a window: counts, answers by rung, per year
  likelihood  per-draw log-likelihood of the record: counts, "no war", answers
  estimate    weighted (self-normalised) estimates, their intervals, weighted quantiles
  publish     atomic HDF5 output
  predictive  the posterior predictive check: per-year bands and flags
  figure      the predictive check's figure

The fit itself is escalate.fit (escalate-fit-rates); this package reads it."""

"""Forecasts of yearly incident counts and their scores (walk-forward validation,
docs/calibration.md): the naive forecasts a calibrated model must beat
(`naive`), proper scores for integer outcomes (`scores`), the record's series
(`series`), the posterior file's predictive draws (`posterior`) and the walk-forward
pipeline (`walk_forward`)."""

"""The commands of the package (console entry points escalate-plot, escalate-fit-rates, ...)."""

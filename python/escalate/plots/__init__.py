"""Figures from Escalate result, comparison and sweep files (escalate-plot is the command)."""

"""Figures from Escalate result, comparison and sweep files (scripts/plot.py is the command)."""

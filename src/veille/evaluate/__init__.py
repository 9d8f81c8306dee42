"""Evaluation: gold-set readers and scorers."""

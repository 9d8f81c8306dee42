"""Evaluation: gold-set readers and scorers (ACLED CSV, PLOVER, POPCORN, GeoWebNews/LGL XML, incidents)."""

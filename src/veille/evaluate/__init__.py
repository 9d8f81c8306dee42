"""Gold-set readers and scorers: ACLED CSV, PLOVER GSR records, POPCORN JSON."""

"""Gold-set readers and scorers."""

"""Runners: local (this process or a process pool) and Dask (a LocalCluster or an existing cluster)."""

"""Runners: the local one here; a Dask one for clusters comes with the scale-out issue."""

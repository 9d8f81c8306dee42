"""Incident resolution: link events from different reports of one happening into Incidents."""

from veille.resolve.clustering import cluster_reports
from veille.resolve.incidents import resolve_events

__all__ = ["cluster_reports", "resolve_events"]

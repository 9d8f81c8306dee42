"""Near-duplicate detection: syndicated copies of one report linked to its first copy."""

from veille.dedupe.near_duplicates import duplicate_of, link_near_duplicates

__all__ = ["duplicate_of", "link_near_duplicates"]

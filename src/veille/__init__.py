"""veille: conflict reports in, sourced and geocoded events out."""

__version__ = "0.1.0"

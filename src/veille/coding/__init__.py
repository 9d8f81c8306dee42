"""Event coding: mentions in, ACLED- and PLOVER-coded Event records out."""

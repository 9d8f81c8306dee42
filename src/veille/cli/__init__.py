"""The `veille` command line. Each module of this package registers its commands on `app`."""

from veille.cli.app import app
from veille.cli import core  # noqa: F401  (registers extract, run, demo, failures, export, version)
from veille.cli import train  # noqa: F401  (registers train)

__all__ = ["app"]

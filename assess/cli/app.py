"""The typer application and what every command shares: error handling, common options.

Only typer is imported at start-up; each command imports the library it needs when it runs, so
`assess --help` stays fast and never loads WeasyPrint.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import typer

from assess import __version__
from assess.core.errors import AssessError

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="assess",
    help="Data-security impact assessments of third-party channels (Zalo OA, Facebook pages, "
    "Telegram bots…) used by Vietnamese public bodies.\n\n"
    "Typical use: [bold]assess init[/] → fill in the proposal → [bold]assess validate[/] → "
    "[bold]assess score[/] → [bold]assess report[/].",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
checklist_app = typer.Typer(
    help="Checklists for policy teams: list, show, lint, diff two versions, release one.",
    no_args_is_help=True,
    rich_markup_mode="rich")
app.add_typer(checklist_app, name="checklist")


def guarded(func: F) -> F:
    """Turn our own errors into messages on stderr and exit status 2 — never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AssessError as exc:
            err = stderr()
            for line in exc.messages():
                err.print(f"error: {line}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def stderr() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def stdout() -> Any:
    from rich.console import Console

    return Console()


ProposalArg = Annotated[Path, typer.Argument(help="The proposal YAML file.")]
LangOpt = Annotated[
    str,
    typer.Option("--lang", "-l", help="Language of the output: vi (Vietnamese) or en (English).",
                 envvar="ASSESS_LANG", case_sensitive=False),
]
ChecklistDirs = Annotated[
    list[Path] | None,
    typer.Option("--checklists", help="Extra folder of checklists (<dir>/<id>/<version>.yaml), "
                 "searched before the built-in ones. Repeatable; also ASSESS_CHECKLISTS.",
                 file_okay=False),
]


def lang_of(value: str) -> Literal["vi", "en"]:
    low = value.lower()
    if low not in ("vi", "en"):
        raise typer.BadParameter(f"'{value}' is not a language; expected vi or en",
                                 param_hint="--lang")
    return "vi" if low == "vi" else "en"


def catalog(dirs: list[Path] | None) -> Any:
    from assess.checklists.catalog import Catalog

    return Catalog(dirs or [])


def _version(value: bool) -> None:
    if value:
        typer.echo(f"assess {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Data-security impact assessments of third-party channels."""


def env_flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0", "false")

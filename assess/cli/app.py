"""The typer application and what every command shares: error handling, common options.

Only typer is imported at start-up; each command imports the library it needs when it runs, so
`assess --help` stays fast and never loads WeasyPrint.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup, TyperOption

from assess import __version__
from assess.core.errors import AssessError, ExitStatus, exit_table
from assess.core.i18n.messages import msg, plain, speaking

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("assess")


def _flags_without_metavar(params: list[Any]) -> list[Any]:
    """A flag takes no value, so its help shows none (typer would print `<bool>`)."""
    for p in params:
        if isinstance(p, TyperOption) and p.is_bool_flag:
            p.metavar = ""
    return params


class Command(TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:
        return _flags_without_metavar(super().get_params(ctx))


class Group(TyperGroup):
    def get_params(self, ctx: Any) -> list[Any]:
        return _flags_without_metavar(super().get_params(ctx))

    def main(self, args: Any = None, prog_name: str | None = None,  # type: ignore[override]
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        """Click's usage errors (an unknown option, a missing argument, a value a type refuses)
        said like every other problem, in the reader's language: typer prints click's English
        words otherwise."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        import sys

        from assess.cli.usage import abort_class, click_module, say_usage_error

        errors = click_module().exceptions
        argv = list(sys.argv[1:] if args is None else args)
        try:
            rv = super().main(argv, prog_name, complete_var, False, **extra)
        except errors.ClickException as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # `assess` alone: its help
                exc.show()
            else:
                with speaking(argv_lang(argv)):
                    say_usage_error(exc, stderr())
            sys.exit(exc.exit_code)
        except abort_class():
            with speaking(argv_lang(argv)):
                stderr().print(msg("cli.interrupted").render())
            sys.exit(130)
        sys.exit(rv if isinstance(rv, int) else 0)


class App(typer.Typer):
    """typer.Typer whose commands and groups print flags without a metavar."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cls=Group, rich_markup_mode="rich", no_args_is_help=True,
                         context_settings={"help_option_names": ["-h", "--help"]}, **kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Callable[[F], F]:
        kwargs.setdefault("cls", Command)
        return super().command(*args, **kwargs)


app = App(
    name="assess",
    help="Data-security impact assessments of third-party channels (Zalo OA, Facebook pages, "
    "Telegram bots…) used by Vietnamese public bodies.\n\n"
    "Typical use: [bold]assess init[/] → fill in the proposal → [bold]assess validate[/] → "
    "[bold]assess score[/] → [bold]assess report[/].",
    epilog="Exit status:\n\n" + exit_table().replace("\n", "\n\n"),
    pretty_exceptions_enable=False,
)
checklist_app = App(
    help="Checklists for policy teams: list, show, lint, diff two versions, release one.")
app.add_typer(checklist_app, name="checklist")
platform_app = App(
    help="Platform profiles (Zalo OA, Facebook Page, Telegram bot…): the operator's part of a "
    "proposal, vetted and released like checklists — list, show, lint, release.")
app.add_typer(platform_app, name="platform")
legal_app = App(
    help="The legal register for policy teams: which laws, decrees and circulars a checklist "
    "may cite, which are in force on a day, and which controls rest on law that has ended.")
app.add_typer(legal_app, name="legal")
workspace_app = App(
    help="The review workspace's database, for its administrator: migrate the schema, add "
    "organisations and accounts, erase a person's account data, verify the event log, back up "
    "and restore.")
app.add_typer(workspace_app, name="workspace")


def _say_errors(exc: AssessError) -> None:
    err = stderr()
    for line in exc.messages():
        err.print(msg("cli.error", text=plain(line)).render())


def argv_lang(argv: list[str]) -> Literal["vi", "en"]:
    """The language asked for on a command line that could not be parsed: its `--lang` (or
    `-l`), else ASSESS_LANG, else Vietnamese."""
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg in ("--lang", "-l") and i + 1 < len(argv) else (
            arg.partition("=")[2] if arg.startswith("--lang=") else None)
        if value is not None and value.strip().lower() in ("vi", "en"):
            return "en" if value.strip().lower() == "en" else "vi"
    return env_lang()


def env_lang() -> Literal["vi", "en"]:
    """The language of a command without `--lang`: ASSESS_LANG, else Vietnamese."""
    return "en" if os.environ.get("ASSESS_LANG", "").strip().lower() == "en" else "vi"


def guarded(func: F) -> F:
    """Turn our own errors into messages on stderr and exit status 2 — never a traceback; every
    message in the command's language (its `--lang`)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = kwargs.get("lang")
        with speaking(lang_of(lang) if isinstance(lang, (Language, str)) else env_lang()):
            try:
                return func(*args, **kwargs)
            except AssessError as exc:
                _say_errors(exc)
                raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def stderr() -> Any:
    """The console for messages (`outputs.terminal.console`: control characters shown)."""
    from assess.outputs.terminal.console import console

    return console(stderr=True, soft_wrap=True)


def stdout() -> Any:
    from assess.outputs.terminal.console import console

    return console()


ProposalArg = Annotated[Path, typer.Argument(
    help="The proposal YAML file, or - to read it from standard input.")]


class Language(StrEnum):
    vi = "vi"
    en = "en"


class Gate(StrEnum):
    reject = "reject"
    conditional = "conditional"


def gate_fails(gate: Gate | None, verdicts: Iterable[str]) -> bool:
    """Whether any verdict is as bad as `--fail-on` says (an exception judged as computed)."""
    bad = {Gate.reject: ("reject",), Gate.conditional: ("reject", "conditional")}
    return gate is not None and any(v in bad[gate] for v in verdicts)


def fail_on_option(what: str) -> Any:
    """The `--fail-on` option, its help naming `what` is judged ('the verdict', 'any verdict')."""
    return typer.Option("--fail-on", help=f"Exit with status 1 if {what} is this bad: 'reject', "
                        "or 'conditional' (conditional or reject).", case_sensitive=False)


LangOpt = Annotated[
    Language,
    typer.Option("--lang", "-l", help="Language of the output: vi (Vietnamese) or en (English).",
                 envvar="ASSESS_LANG", case_sensitive=False),
]
ChecklistOpt = Annotated[str | None, typer.Option(
    "--checklist", "-c", help="Assess against this checklist (ID@VERSION, ID@latest or a file) "
    "instead of the one the proposal names.")]
ChecklistDirs = Annotated[
    list[Path] | None,
    typer.Option("--checklists", help="Extra folder of checklists (<dir>/<id>/<version>.yaml), "
                 "searched before the built-in ones. Repeatable; also ASSESS_CHECKLISTS.",
                 file_okay=False),
]


PlatformDirs = Annotated[
    list[Path] | None,
    typer.Option("--platforms", help="Extra folder of platform profiles "
                 "(<dir>/<id>/<version>.yaml), searched before the built-in ones. Repeatable; "
                 "also ASSESS_PLATFORMS.", file_okay=False),
]


def lang_of(value: Language | str) -> Literal["vi", "en"]:
    return "en" if Language(value) is Language.en else "vi"


def catalog(dirs: list[Path] | None) -> Any:
    from assess.checklists.catalog import Catalog

    return Catalog(dirs or [])


def platform_catalog(dirs: list[Path] | None) -> Any:
    from assess.checklists.catalog import PLATFORMS, Catalog

    return Catalog(dirs or [], PLATFORMS)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"assess {__version__}")
        raise typer.Exit()


_state = {"debug": False}


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only warnings and errors.")
                     ] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True,
                                         help="Also say what each stage does (debug messages).")] = 0,
    debug: Annotated[bool, typer.Option("--debug", help="On an internal error, print the "
                                        "traceback.", envvar="ASSESS_DEBUG")] = False,
) -> None:
    """Data-security impact assessments of third-party channels."""
    _state["debug"] = debug
    configure_logging(logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO)


class _Visible(logging.Formatter):
    """A note may quote a certificate's or a file's name: shown, never obeyed."""

    def format(self, record: logging.LogRecord) -> str:
        from assess.core.text import visible

        return visible(super().format(record))


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever standard error is when a note is written, not when the command
    started: a caller that swaps it (a test runner, an embedding tool) and closes the old one
    gets no 'I/O operation on closed file' from a later library call."""

    @property
    def stream(self) -> Any:
        import sys

        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        pass


def configure_logging(level: int) -> None:
    """Progress and notes go to standard error through `logging`, so -q and -v apply to all."""
    handler = _Stderr()
    handler.setFormatter(_Visible("%(message)s"))
    root_log = logging.getLogger("assess")
    root_log.handlers[:] = [handler]
    root_log.setLevel(level)
    root_log.propagate = False


def run() -> None:
    """The console script: our errors exit 2 (in `guarded`); anything else is a bug, exit 3."""
    import signal

    # Output piped to a reader that stops early (`| head`): end quietly as every Unix tool does
    # (killed by SIGPIPE, status 141), not with Python's BrokenPipeError as a failed gate.
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    with speaking(env_lang()):
        try:
            app()
        except AssessError as exc:  # raised outside a command (a callback)
            _say_errors(exc)
            raise SystemExit(exc.exit_code) from None
        except KeyboardInterrupt:
            stderr().print(msg("cli.interrupted").render())
            raise SystemExit(130) from None
        except Exception as exc:
            if _state["debug"]:
                import traceback

                traceback.print_exc()
            stderr().print(msg("cli.internal", kind=type(exc).__name__, detail=plain(str(exc)),
                               version=__version__,
                               hint=plain("") if _state["debug"] else msg("cli.internal.hint")
                               ).render())
            raise SystemExit(ExitStatus.INTERNAL) from None


def env_flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0", "false")

"""Click's usage errors in the reader's language.

An unknown option, a missing argument or a value an option's type refuses is found by click while
it parses the command line, before the command (and its `--lang`) runs; click words it in
English. Each kind is said again here from the exception's own fields — the option's name, the
parameter, the value — so it reads like every other problem: `lỗi: …`, then where to find help.
A message click builds that is not known here is shown as click wrote it.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType
from typing import Any

from assess.core.i18n.messages import Msg, either, msg, plain


def click_module() -> ModuleType:
    """The click that typer parses with: its own copy (typer ≥ 0.2x vendors it as
    `typer._click`) or the click package."""
    import typer.core

    found = getattr(typer.core, "_click", None)
    return found if isinstance(found, ModuleType) else importlib.import_module("click")

_TYPE_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?P<value>'.*') is not one of (?P<choices>.+)\.$", re.S), "usage.not_one_of"),
    (re.compile(r"^(?:(?:File|Path|Directory|file|path|directory) )?(?P<path>'.*') does not "
                r"exist\.$"), "usage.no_such_path"),
    (re.compile(r"^(?:File|Path|Directory|file|path|directory) (?P<path>'.*') is a file\.$"),
     "usage.is_a_file"),
    (re.compile(r"^(?:File|Path|Directory|file|path|directory) (?P<path>'.*') is a directory\.$"),
     "usage.is_a_directory"),
    (re.compile(r"^(?:File|Path|Directory|file|path|directory) (?P<path>'.*') is not readable\.$"),
     "usage.not_readable"),
    (re.compile(r"^(?P<value>'.*') is not a valid integer\.$"), "usage.not_integer"),
    (re.compile(r"^(?P<value>'.*') is not a valid float\.$"), "usage.not_number"),
    (re.compile(r"^(?P<value>'.*') is not a valid boolean\.$"), "usage.not_boolean"),
    (re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)$"), "usage.extra"),
    (re.compile(r"^No such command (?P<name>'[^']*')\. Did you mean (?P<close>'[^']*')\?$"),
     "usage.no_command_close"),
    (re.compile(r"^No such command (?P<name>'.*')\.$"), "usage.no_command"),
    (re.compile(r"^Option (?P<name>'.*') requires an argument\.$"), "usage.needs_value"),
    (re.compile(r"^Option (?P<name>'.*') requires (?P<n>\d+) arguments\.$"), "usage.needs_values"),
    (re.compile(r"^Option (?P<name>'.*') does not take a value\.$"), "usage.takes_no_value"),
    (re.compile(r"^Missing command\.$"), "usage.no_command_given"),
]
"""Click's own sentences we say again, matched on its English text."""


def abort_class() -> type[BaseException]:
    """What click raises on ^C or end of input at a prompt (typer ≥ 0.2x has its own)."""
    import typer.core

    found = getattr(typer.core, "Abort", None)
    if isinstance(found, type) and issubclass(found, BaseException):
        return found
    return click_module().exceptions.Abort  # type: ignore[no-any-return]


def _words(text: str) -> Msg:
    """One of click's sentences in the reader's language, or as click wrote it."""
    text = text.strip().removeprefix("Value error, ")  # how typer passes a type's refusal on
    for pattern, key in _TYPE_WORDS:
        m = pattern.match(text)
        if m is not None:
            return msg(key, **m.groupdict())
    return plain(text)


def _hint(exc: Any) -> str:
    hint = exc.param_hint
    if hint is None and exc.param is not None:
        try:  # click's signature; typer's own parameters take no context
            hint = exc.param.get_error_hint(exc.ctx)
        except TypeError:
            hint = exc.param.get_error_hint()
    if isinstance(hint, (list, tuple)):
        hint = " / ".join(f"'{h}'" for h in hint)
    return str(hint or "").split(" (env var:")[0]  # which variable is said by --help


def problem(exc: Any) -> Msg:
    """What is wrong with the command line (a click exception), as a message."""
    click = click_module().exceptions
    if isinstance(exc, click.NoSuchOption):
        near = exc.possibilities or []
        if near:
            return msg("usage.no_option_close", name=exc.option_name, close=either(list(near)))
        return msg("usage.no_option", name=exc.option_name)
    if isinstance(exc, click.MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "")
        key = {"argument": "usage.missing_argument", "option": "usage.missing_option"}.get(
            kind, "usage.missing_parameter")
        return msg(key, name=_hint(exc))
    if isinstance(exc, click.BadParameter):
        hint = _hint(exc)
        said = _words(exc.message)
        return msg("usage.bad_value", hint=hint, detail=said) if hint else said
    if isinstance(exc, click.FileError):
        return msg("usage.cannot_open", file=exc.ui_filename, detail=plain(str(exc.message)))
    return _words(exc.format_message() if not isinstance(exc, click.UsageError) else exc.message)


def say_usage_error(exc: Any, console: Any) -> None:
    """The usage line, the problem, and where the help is."""
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        usage = ctx.get_usage().removeprefix("Usage:").strip()
        console.print(msg("usage.line", usage=usage).render(), soft_wrap=True)
    console.print(msg("cli.error", text=problem(exc)).render(), soft_wrap=True)
    if ctx is not None:
        console.print(msg("usage.help", command=ctx.command_path).render(), soft_wrap=True)


__all__ = ["abort_class", "click_module", "problem", "say_usage_error"]

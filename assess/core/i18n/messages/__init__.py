"""Messages to users, in both languages, rendered in the language of the command that shows them.

A library function cannot know who reads its error: the CLI decides (`--lang`, else `ASSESS_LANG`,
else Vietnamese). So every message is built as a `Msg` — a key into the word tables below and
its parameters — and turned into text only when shown, in the language `speaking` set. The
tables are one module per area, each (Vietnamese, English) by key, like the report's words: a
translator reads one file, and a test checks that both halves name the same parameters.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from assess.core.i18n import Lang, decimal
from assess.core.i18n.messages import (
    checklists,
    documents,
    files,
    general,
    legal,
    outputs,
    questionnaire,
    signatures,
    skeleton,
    workflows,
    workspace,
)

_TABLES = (general.MESSAGES, files.MESSAGES, documents.MESSAGES, checklists.MESSAGES,
           signatures.MESSAGES, questionnaire.MESSAGES, skeleton.MESSAGES, workflows.MESSAGES,
           outputs.MESSAGES, legal.MESSAGES, workspace.MESSAGES)


def _merged() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for table in _TABLES:
        twice = out.keys() & table.keys()
        if twice:  # pragma: no cover - a programming error, caught by any test run
            raise RuntimeError(f"message keys defined twice: {sorted(twice)}")
        out.update(table)
    return out


MESSAGES: Mapping[str, tuple[str, str]] = _merged()
"""Every message key -> (Vietnamese, English) template for `str.format`."""

_LANG: ContextVar[Lang] = ContextVar("assess_lang", default="vi")


def current() -> Lang:
    """The language messages are shown in now."""
    return _LANG.get()


@contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """Show messages in `lang` inside the block (a command's `--lang`)."""
    token = _LANG.set(lang)
    try:
        yield
    finally:
        _LANG.reset(token)


class _Number:
    """A number in a message: `{n:,}` or `{x:.1f}` written as the reader writes numbers
    (`core.i18n.decimal`: 1.000 and 52,2 in Vietnamese, 1,000 and 52.2 in English)."""

    __slots__ = ("lang", "value")

    def __init__(self, value: float, lang: Lang) -> None:
        self.value, self.lang = value, lang

    def __format__(self, spec: str) -> str:
        return decimal(self.value, self.lang, spec)

    def __str__(self) -> str:
        return str(self.value)


@dataclass(frozen=True, slots=True)
class Msg:
    """One message: a key of `MESSAGES` and its parameters, rendered when shown."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: Lang | None = None) -> str:
        lang = lang or current()
        if self.key == "plain":
            return str(dict(self.params)["text"])
        vi, en = MESSAGES[self.key]
        return (vi if lang == "vi" else en).format(**{k: _param(v, lang) for k, v in self.params})

    def __str__(self) -> str:
        return self.render()


def _param(value: Any, lang: Lang) -> Any:
    if isinstance(value, Msg):
        return value.render(lang)
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return value[0] if lang == "vi" else value[1]  # a (vi, en) pair from a word table
    if isinstance(value, list):
        return ", ".join(str(_param(v, lang)) for v in value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _Number(value, lang)
    return value


def msg(key: str, /, **params: Any) -> Msg:
    """The message `key` with `params`; an unknown key fails here, where it is written."""
    if key not in MESSAGES:
        raise KeyError(f"no message {key!r} in assess.core.i18n.messages")
    return Msg(key, tuple(params.items()))


def either(items: list[str]) -> tuple[str, str]:
    """'a' or 'b' in both languages: the alternatives of a 'did you mean'."""
    quoted = [f"'{i}'" for i in items]
    return " hoặc ".join(quoted), " or ".join(quoted)


def plain(text: str) -> Msg:
    """A text that is the same in both languages: a value as written, a name, another
    program's own words."""
    return Msg("plain", (("text", text),))


def fields(template: str) -> set[str]:
    """The parameters a template names (a test compares the two halves of every entry)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template)
            if name}


__all__ = ["MESSAGES", "Msg", "current", "either", "fields", "msg", "plain", "speaking"]

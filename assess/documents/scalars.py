"""What a YAML scalar means, decided once, by the field it fills.

YAML 1.1 guesses a plain scalar's type from its spelling: `NO` (Norway) becomes false, `yes` (an
answer) true, `150.000` (Vietnamese for 150,000) the float 150.0 and then the integer 150,
`2026-02-30` a traceback. The reader (`yamlsource`) keeps plain scalars as written (`Plain`),
quoted ones as text, and checks explicit tags itself; `conform` then gives each plain scalar the
type of the model field it fills, so a text field takes `NO` as written and only a number field
reads `150000` as a number. A quoted value is text: `"no"` never becomes a boolean, nor `"1"` a
number. Every value that cannot be what its field needs is one located problem, never a
traceback, and text with control characters (which fake terminal output and make PDF/A metadata
invalid XML) is refused wherever it appears.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import types
import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from assess.core.i18n.fields import described
from assess.core.i18n.messages import Msg, msg
from assess.core.text import first_unsafe, folded
from assess.documents.limits import MAX_TEXT, items_limit, text_limit

Path_ = tuple[str | int, ...]

MAX_INT_DIGITS = 18
"""No count, day or weight needs more; a longer number is a mistake (or an attack on Python's
4,300-digit limit for converting text to integers)."""


class Plain(str):
    """A plain (unquoted, untagged) YAML scalar, as written; its type is its field's."""

    __slots__ = ()


_BOOL = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}
_INT = re.compile(rf"[-+]?[0-9]{{1,{MAX_INT_DIGITS}}}")
_FLOAT = re.compile(r"[-+]?([0-9]{1,18}(\.[0-9]{0,18})?|\.[0-9]{1,18})([eE][-+]?[0-9]{1,3})?")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_NULLS = {"", "~", "null", "Null", "NULL"}

_TAG = "tag:yaml.org,2002:"


_DAY_FIRST = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")
"""A date as Vietnamese write it, day first: 01/12/2026, 1.12.2026, 01-12-2026."""


def _real(y: int, mo: int, d: int) -> Msg | None:
    """Why (y, mo, d) is no date, or None if it is one."""
    if y == 0:
        return msg("value.no_year_0")
    if not 1 <= mo <= 12:
        return msg("value.no_month", month=mo)
    last = ((dt.date(y + (mo == 12), mo % 12 + 1, 1)) - dt.timedelta(days=1)).day
    return None if 1 <= d <= last else msg("value.month_days", month=mo, year=str(y), last=last)


def _date(text: str) -> tuple[dt.date | None, Msg | None]:
    m = _DATE.fullmatch(text)
    if m is None:
        vn = _DAY_FIRST.fullmatch(text.strip())
        if vn is not None:  # refused, not guessed: 01/02/2026 is 2 January to an English reader
            d, mo, y = (int(g) for g in vn.groups())
            if _real(y, mo, d) is None:
                return None, msg("value.day_first", value=shown(text),
                                 iso=f"{y:04d}-{mo:02d}-{d:02d}", day=d, month=mo, year=str(y))
        return None, msg("value.date", value=shown(text))
    y, mo, d = (int(g) for g in m.groups())
    why = _real(y, mo, d)
    if why is None:
        return dt.date(y, mo, d), None
    return None, msg("value.not_a_date", text=text, why=why)


def tagged(tag: str, text: str) -> tuple[Any, Msg | None]:
    """An explicitly tagged scalar (`!!int 5`): its value, or what is wrong with it."""
    name = tag.removeprefix(_TAG) if tag.startswith(_TAG) else None
    if name == "str":
        return str(text), None
    if name == "null":
        return None, None if text in _NULLS else msg("tag.null", value=shown(text))
    if name == "bool":
        b = _BOOL.get(text.lower())
        return (b, None) if b is not None else (None, msg("tag.bool", value=shown(text)))
    if name == "int":
        return (int(text), None) if _INT.fullmatch(text) else (
            None, msg("tag.int", value=shown(text), digits=MAX_INT_DIGITS))
    if name == "float":
        return (float(text), None) if _FLOAT.fullmatch(text) and math.isfinite(float(text)) \
            else (None, msg("tag.float", value=shown(text)))
    if name == "timestamp":
        day, problem = _date(text)
        return day, problem and msg("tag.timestamp", problem=problem)
    return None, msg("yaml.tag", tag=repr(tag))


def shown(value: Any) -> str:
    """A value as a message quotes it: its repr, cut at 60 characters (an integer past Python's
    digit limit cannot even be printed, so it is described)."""
    try:
        text = repr(str(value) if isinstance(value, str) else value)
    except ValueError:
        text = "a number too long to show"
    return text if len(text) <= 60 else text[:57] + "..."


def _unsafe(text: str, key: bool = False) -> Msg | None:
    """The problem of a text (or, with `key`, a key) holding an unsafe character."""
    bad = first_unsafe(text)
    return bad and msg("value.unsafe_key" if key else "value.unsafe", what=bad)


def _text(value: str, what: str | None = None, limit: int = MAX_TEXT) -> tuple[str, Msg | None]:
    bad = _unsafe(value)
    if bad:
        return value, bad
    if not value.strip():
        return value, msg("value.blank_expected", what=described(what)) if what else msg(
            "value.blank")
    if len(value) > limit:
        rest = msg("value.too_long.text" if limit == MAX_TEXT else "value.too_long.name")
        return value, msg("value.too_long", length=len(value), limit=limit, rest=rest)
    return str(value), None


_WORDS = {bool: ("value.kind.bool", "true"), int: ("value.kind.int", "150000"),
          float: ("value.kind.float", "0.5")}


def _to(value: Any, kind: Any, what: str | None, limit: int = MAX_TEXT
        ) -> tuple[Any, Msg | None]:
    """`value` made the scalar type `kind`, or what is wrong with it (`what`: the field's
    description, for a blank; `limit`: its length, for a text)."""
    if kind is str:
        return _text(value, what, limit) if isinstance(value, str) else (value, None)
    if kind is dt.date:
        if isinstance(value, str):  # a quoted date is still a date: editors quote them
            return _date(value)
        if isinstance(value, dt.datetime):
            return value, msg("value.datetime")
        return value, None
    if not isinstance(value, str):  # an explicit tag's value: pydantic checks the rest
        if kind is int and isinstance(value, float):
            return value, msg("value.float_for_int", value=repr(value))
        return value, None
    parsed, problem = _parse(value, kind)
    if problem is None and not isinstance(value, Plain):
        wanted, example = _WORDS[kind]
        return value, msg("value.quoted", value=shown(value), wanted=msg(wanted),
                          example=example)
    return parsed, problem


_GROUPED = re.compile(r"[0-9]{1,3}(?:([., \u00a0\u202f])[0-9]{3})(?:\1[0-9]{3})*")
"""A whole number with its thousands grouped: 150.000 (Vietnamese), 150,000, 150 000."""


def parse_text(text: str, kind: type) -> tuple[Any, Msg | None]:
    """A text as the scalar type `kind` (bool, int, float or date), read as a plain YAML value
    filling such a field is, with the same message when it cannot be: a spreadsheet cell typed
    by hand gets the YAML file's words ("write 150000", "write 2026-12-01")."""
    if kind is dt.date:
        return _date(text)
    return _parse(text, kind)


def _parse(text: str, kind: Any) -> tuple[Any, Msg | None]:
    if kind is bool:
        b = _BOOL.get(text.lower())
        if b is not None:
            return b, None
        guess = _BOOL_VI.get(folded(text))
        if guess is not None:
            return text, msg("value.bool_vi", value=shown(text), guess=guess)
        return text, msg("value.bool", value=shown(text))
    if kind is int:
        if _INT.fullmatch(text):
            return int(text), None
        if _GROUPED.fullmatch(text.strip()):
            digits = re.sub(r"[^0-9]", "", text)
            return text, msg("value.grouped", value=shown(text), digits=digits)
        return text, msg("value.int", value=shown(text), digits=MAX_INT_DIGITS)
    if _FLOAT.fullmatch(text) and math.isfinite(number := float(text)):
        return number, None
    return text, msg("value.float", value=shown(text))


def _scalar_kind(tp: Any) -> Any:
    """The scalar type a field wants (str, bool, int, float, date), or None for a container."""
    if tp in (str, bool, int, float, dt.date):
        return tp
    if isinstance(tp, type) and issubclass(tp, Enum):
        return str
    if typing.get_origin(tp) is typing.Literal:
        args = typing.get_args(tp)
        if all(isinstance(a, str) for a in args):
            return str
        if all(isinstance(a, bool) for a in args):
            return bool
        if all(isinstance(a, int) and not isinstance(a, bool) for a in args):
            return int
    return None


def _members(tp: Any) -> list[Any]:
    """The alternatives of a field's type, without Annotated wrappers and without None."""
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        out = []
        for a in typing.get_args(tp):
            if a is not type(None):
                out.extend(_members(a))
        return out
    return [tp]


def _plainify(value: Any, path: Path_, problems: list[tuple[Path_, Msg]]) -> Any:
    """A value no field describes (pydantic reports the field): plain Python, text checked."""
    if isinstance(value, dict):
        return {k: _plainify(v, (*path, k), problems) for k, v in value.items()}
    if isinstance(value, list):
        return [_plainify(v, (*path, i), problems) for i, v in enumerate(value)]
    if isinstance(value, str):
        bad = _unsafe(value)
        if bad:
            problems.append((path, bad))
        return str(value)
    return value


def _fields(model: type[BaseModel]) -> dict[str, tuple[Any, str | None]]:
    cached = _FIELDS.get(model)
    if cached is None:
        cached = {}
        for name, info in model.model_fields.items():
            cached[name] = (info.annotation, info.description)
            if info.alias:
                cached[info.alias] = cached[name]
        _FIELDS[model] = cached
    return cached


_FIELDS: dict[type[BaseModel], dict[str, tuple[Any, str | None]]] = {}


def _described(tp: Any, what: str | None) -> str | None:
    """An item type's own description (`Evidence`), else its field's."""
    if typing.get_origin(tp) is typing.Annotated:
        for meta in typing.get_args(tp)[1:]:
            if isinstance(meta, FieldInfo) and meta.description:
                return meta.description
    return what


def _conform(value: Any, tp: Any, path: Path_, problems: list[tuple[Path_, Msg]],
             what: str | None = None) -> Any:
    if value is None:
        return None
    if isinstance(value, (list, dict)):
        limit = items_limit(path[-1] if path else None)
        if len(value) > limit:
            problems.append((path, msg("value.too_many", count=len(value), limit=limit)))
            return _plainify(value, path, [])
    what = _described(tp, what)
    members = _members(tp)
    if isinstance(value, dict):
        model = next((m for m in members if isinstance(m, type) and issubclass(m, BaseModel)),
                     None)
        if model is not None:
            fields = _fields(model)
            return {k: (_conform(v, fields[k][0], (*path, k), problems, fields[k][1])
                        if k in fields else _plainify(v, (*path, k), problems))
                    for k, v in value.items()}
        mapping = next((m for m in members if typing.get_origin(m) is dict), None)
        if mapping is not None:
            _, item = typing.get_args(mapping)
            out = {}
            for k, v in value.items():
                bad = _unsafe(k, key=True)
                if bad:
                    problems.append(((*path, k), bad))
                out[k] = _conform(v, item, (*path, k), problems, what)
            return out
        return _plainify(value, path, problems)
    if isinstance(value, list):
        seq = next((m for m in members if typing.get_origin(m) is list), None)
        if seq is not None:
            (item,) = typing.get_args(seq)
            return [_conform(v, item, (*path, i), problems, what) for i, v in enumerate(value)]
        return _plainify(value, path, problems)
    kinds = [k for k in map(_scalar_kind, members) if k is not None]
    if not kinds:  # a field that wants a mapping, given one string (a text): as written
        if isinstance(value, str):
            text, problem = _text(value, what, text_limit(path))
            return _report(text, problem, path, problems)
        return value
    if isinstance(value, str):
        if kinds[0] is not str and _optional(tp) and folded(value) in UNKNOWN_WORDS:
            return None  # "I do not know": what the field leaves unsaid, read at its worst
        choices = _choices(members)
        if choices:
            return _report(*_choice(value, choices), path, problems)
    result, problem = _to(value, kinds[0], what, text_limit(path))
    return _report(result, problem, path, problems)


UNKNOWN_WORDS = {"unknown", "chưa rõ", "không rõ", "không biết"}
"""What an officer writes who does not know a count or a yes/no (retention, whether a node
keeps data): the field's empty value, which the engine reads as the worst case."""

_BOOL_VI = {"có": "true", "không": "false", "đúng": "true", "sai": "false"}

_SYNONYMS: dict[str, str] = {
    "đạt": "met", "không đạt": "not-met", "chưa đạt": "not-met", "một phần": "partial",
    "đạt một phần": "partial", "chưa rõ": "unknown", "không rõ": "unknown",
    "không áp dụng": "not-applicable", "not met": "not-met", "not applicable": "not-applicable",
    "n/a": "not-applicable", "na": "not-applicable", "công khai": "public",
    "nội bộ": "internal", "cá nhân": "personal", "nhạy cảm": "sensitive-personal",
    "cá nhân nhạy cảm": "sensitive-personal", "sensitive": "sensitive-personal",
    "không": "none", "không mã hóa": "none",
}
"""Words an officer may write for a choice, in Vietnamese or loosely in English: each only
suggested ('did you mean'), never taken: the file must say what it means."""


def _optional(tp: Any) -> bool:
    """Whether a field may be left empty (None): only then does 'unknown' empty it."""
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in \
        typing.get_args(tp)


def _choices(members: list[Any]) -> tuple[str, ...]:
    """The words a choice field (an enum or a literal of texts) allows; () for a free text."""
    out: list[str] = []
    for m in members:
        if isinstance(m, type) and issubclass(m, Enum):
            out += [str(e.value) for e in m]
        elif typing.get_origin(m) is typing.Literal:
            out += [a for a in typing.get_args(m) if isinstance(a, str)]
        elif m is not type(None):
            return ()
    return tuple(out)


def _choice(value: str, choices: tuple[str, ...]) -> tuple[str, Msg | None]:
    """A choice as written, case aside (`Met`, `TLS` are `met`, `tls`); a word that is not one
    gets a 'did you mean' (Vietnamese words too); any other is left to the schema's message."""
    bad = _unsafe(value)
    if bad:
        return value, bad
    said = folded(value)
    for c in choices:
        if c.casefold() == said:
            return c, None
    guess = _SYNONYMS.get(said)
    if guess is None:
        close = difflib.get_close_matches(said, choices, n=1, cutoff=0.75)
        guess = close[0] if close else None
    if guess is None or guess not in choices:
        return str(value), None  # pydantic names the choices
    return value, msg("value.choice", value=shown(value), guess=guess, choices=", ".join(choices))


def _report(value: Any, problem: Msg | None, path: Path_,
            problems: list[tuple[Path_, Msg]]) -> Any:
    if problem:
        problems.append((path, problem))
        return str(value) if isinstance(value, str) else value
    return value


def conform(data: Any, model: type[BaseModel]) -> tuple[Any, list[tuple[Path_, Msg]]]:
    """`data` with every scalar given its field's type, and the (path, message) of each value
    that cannot be what its field needs. Pure; pydantic then validates the rest."""
    problems: list[tuple[Path_, Msg]] = []
    return _conform(data, model, (), problems), problems

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
import math
import re
import types
import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from assess.core.text import first_unsafe
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


def _date(text: str) -> tuple[dt.date | None, str | None]:
    m = _DATE.fullmatch(text)
    if m is None:
        return None, f"got {shown(text)}; expected a date written YYYY-MM-DD, e.g. 2026-12-01"
    y, mo, d = (int(g) for g in m.groups())
    try:
        return dt.date(y, mo, d), None
    except ValueError:
        if y == 0:
            why = "there is no year 0"
        elif not 1 <= mo <= 12:
            why = f"there is no month {mo}"
        else:
            last = ((dt.date(y + (mo == 12), mo % 12 + 1, 1)) - dt.timedelta(days=1)).day
            why = f"month {mo} of {y} has {last} days"
        return None, f"{text} is not a date ({why}); expected a real date written YYYY-MM-DD"


def tagged(tag: str, text: str) -> tuple[Any, str | None]:
    """An explicitly tagged scalar (`!!int 5`): its value, or what is wrong with it."""
    name = tag.removeprefix(_TAG) if tag.startswith(_TAG) else None
    if name == "str":
        return str(text), None
    if name == "null":
        return None, None if text in _NULLS else f"!!null {shown(text)}: expected nothing or ~"
    if name == "bool":
        b = _BOOL.get(text.lower())
        return (b, None) if b is not None else (
            None, f"!!bool {shown(text)}: expected true or false")
    if name == "int":
        return (int(text), None) if _INT.fullmatch(text) else (
            None, f"!!int {shown(text)}: expected a whole number of at most {MAX_INT_DIGITS} "
            "digits, e.g. 150000")
    if name == "float":
        return (float(text), None) if _FLOAT.fullmatch(text) and math.isfinite(float(text)) \
            else (None, f"!!float {shown(text)}: expected a number such as 0.5 or 12")
    if name == "timestamp":
        day, problem = _date(text)
        return day, problem and f"!!timestamp: {problem}"
    return None, f"unsupported YAML tag {tag!r}; expected plain values"


def shown(value: Any) -> str:
    """A value as a message quotes it: its repr, cut at 60 characters (an integer past Python's
    digit limit cannot even be printed, so it is described)."""
    try:
        text = repr(str(value) if isinstance(value, str) else value)
    except ValueError:
        text = "a number too long to show"
    return text if len(text) <= 60 else text[:57] + "..."


def _unsafe(text: str, subject: str = "") -> str | None:
    """The problem of a text (or, `subject` 'the key ', a key) holding an unsafe character."""
    bad = first_unsafe(text)
    return bad and f"{subject}contains {bad}; remove it (control characters are not allowed in text)"


def _text(value: str, what: str | None = None, limit: int = MAX_TEXT) -> tuple[str, str | None]:
    bad = _unsafe(value)
    if bad:
        return value, bad
    if not value.strip():
        return value, f"is blank; expected: {what}" if what else "is blank; write the value"
    if len(value) > limit:
        rest = ("put the rest in a document and cite it here" if limit == MAX_TEXT else
                "a name or title is a line; put the details in a description")
        return value, f"is {len(value):,} characters long; at most {limit:,} are allowed: {rest}"
    return str(value), None


_WORDS = {bool: ("true or false", "true"), int: ("a whole number", "150000"),
          float: ("a number", "0.5")}


def _to(value: Any, kind: Any, what: str | None, limit: int = MAX_TEXT
        ) -> tuple[Any, str | None]:
    """`value` made the scalar type `kind`, or what is wrong with it (`what`: the field's
    description, for a blank; `limit`: its length, for a text)."""
    if kind is str:
        return _text(value, what, limit) if isinstance(value, str) else (value, None)
    if kind is dt.date:
        if isinstance(value, str):  # a quoted date is still a date: editors quote them
            return _date(value)
        if isinstance(value, dt.datetime):
            return value, "expected a date without a time, written YYYY-MM-DD"
        return value, None
    if not isinstance(value, str):  # an explicit tag's value: pydantic checks the rest
        if kind is int and isinstance(value, float):
            return value, f"got {value!r}; expected a whole number, e.g. 150000"
        return value, None
    parsed, problem = _parse(value, kind)
    if problem is None and not isinstance(value, Plain):
        wanted, example = _WORDS[kind]
        return value, (f"got {shown(value)} in quotes, which makes it text; expected "
                       f"{wanted} without quotes, e.g. {example}")
    return parsed, problem


def _parse(text: str, kind: Any) -> tuple[Any, str | None]:
    if kind is bool:
        b = _BOOL.get(text.lower())
        return (b, None) if b is not None else (text, f"got {shown(text)}; expected true or "
                                                "false")
    if kind is int:
        if _INT.fullmatch(text):
            return int(text), None
        return text, (f"got {shown(text)}; expected a whole number written with digits only "
                      f"(no dot, comma or space), at most {MAX_INT_DIGITS} digits, e.g. 150000")
    if _FLOAT.fullmatch(text) and math.isfinite(number := float(text)):
        return number, None
    return text, f"got {shown(text)}; expected a number such as 0.5 or 12"


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


def _plainify(value: Any, path: Path_, problems: list[tuple[Path_, str]]) -> Any:
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


def _conform(value: Any, tp: Any, path: Path_, problems: list[tuple[Path_, str]],
             what: str | None = None) -> Any:
    if value is None:
        return None
    if isinstance(value, (list, dict)):
        limit = items_limit(path[-1] if path else None)
        if len(value) > limit:
            problems.append((path, f"has {len(value):,} entries; at most {limit:,} are allowed "
                             "(a limit that keeps assessing it bounded: split the proposal, or "
                             "group similar elements into one)"))
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
                bad = _unsafe(k, "the key ")
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
    result, problem = _to(value, kinds[0], what, text_limit(path))
    return _report(result, problem, path, problems)


def _report(value: Any, problem: str | None, path: Path_,
            problems: list[tuple[Path_, str]]) -> Any:
    if problem:
        problems.append((path, problem))
        return str(value) if isinstance(value, str) else value
    return value


def conform(data: Any, model: type[BaseModel]) -> tuple[Any, list[tuple[Path_, str]]]:
    """`data` with every scalar given its field's type, and the (path, message) of each value
    that cannot be what its field needs. Pure; pydantic then validates the rest."""
    problems: list[tuple[Path_, str]] = []
    return _conform(data, model, (), problems), problems

"""Turn pydantic's validation errors into located, readable problems.

Pydantic knows the field path; the YAML source knows the line of every path; the model knows what
each field expects (its description). Joining the three is what makes an error actionable.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from assess.core.errors import Problem
from assess.documents.models.common import RELEASE_REF
from assess.documents.scalars import shown
from assess.documents.yamlsource import Path_, Source, format_path


def _unwrap(tp: Any) -> Any:
    """Strip Annotated/Optional so we can walk into the model type."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def _field(model: type[BaseModel], key: str) -> Any:
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return info
    return None


def walk(model: type[BaseModel], path: Path_) -> tuple[Any, Any]:
    """The annotation of the value at `path` and the field info that declares it (or None)."""
    current: Any = model
    info: Any = None
    for part in path:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = _field(current, str(part))
            if info is None:
                return None, None
            current = info.annotation
            continue
        origin = typing.get_origin(current)
        args = typing.get_args(current)
        if origin is list and args:
            current = args[0]
        elif origin is dict and len(args) == 2:
            current = args[1]
        else:
            return None, None
    return _unwrap(current), info


PATTERNS = {
    r"^[A-Z]{2}$": "a two-letter ISO 3166 country code in capitals, e.g. VN, SG, US",
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$": "a semantic version such as 1.0.0",
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$": "an id of letters, digits, '.', '_' or '-', e.g. zalo-oa",
    r"^[A-Z][A-Z0-9]*-\d{2,3}$": "a control id: domain prefix, dash, number, e.g. RES-01",
    r"^[A-Z][A-Z0-9]*$": "a domain prefix in capitals, e.g. RES",
    RELEASE_REF: "id@version with a version number, e.g. vn-third-party-channel@1.0.0 or "
    "zalo-oa@1.0.0 (a document names released versions, never files; a checklist file is given "
    "on the command line instead: --checklist PATH)",
    r"^[0-9a-f]{64}$": "a SHA-256 digest: 64 lowercase hexadecimal digits",
    r"\S": "the document that proves it, not a blank: its name, number and date",
}
"""What each pattern used in the models means, in words (a regex is no help to a province)."""


def _field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _message(model: type[BaseModel], err: Any) -> tuple[Path_, str]:
    loc: Path_ = tuple(err["loc"])
    kind = err["type"]
    if kind == "missing":
        _, info = walk(model, loc)
        expected = f": {info.description}" if info is not None and info.description else ""
        return loc[:-1], f"missing required field '{loc[-1]}'{expected}"
    if kind == "extra_forbidden":
        holder, _ = walk(model, loc[:-1])
        is_model = isinstance(holder, type) and issubclass(holder, BaseModel)
        known = _field_names(holder) if is_model else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return loc, (f"unknown field '{loc[-1]}'; {hint}expected one of: {', '.join(known)}")
    msg = err["msg"]
    msg = msg[0].lower() + msg[1:]
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        wanted = PATTERNS.get(pattern, f"text matching {pattern}")
        msg = f"got {shown(err['input'])}; expected {wanted}"
    elif kind == "value_error":  # our own validators: their message is already the whole text
        msg = str(err.get("ctx", {}).get("error", msg))
    elif kind in ("literal_error", "enum"):
        msg = f"got {shown(err['input'])}; {msg.replace('input should be', 'expected')}"
    elif "input" in err and not isinstance(err["input"], (dict, list)):
        msg = f"{msg} (got {shown(err['input'])})"
    return loc, msg


def problems_from(exc: ValidationError, model: type[BaseModel], source: Source,
                  skip: typing.Collection[Path_] = ()) -> list[Problem]:
    """One problem per pydantic error, sorted by line, each with its YAML line and path; none
    at or under a path in `skip` (already reported)."""
    out = []
    for err in exc.errors(include_url=False):
        loc, msg = _message(model, err)
        if any(loc[:len(s)] == s for s in skip):
            continue
        out.append(Problem(source.name, source.line_of(loc), format_path(loc), msg))
    out.sort(key=lambda p: (p.line or 0, p.field))
    return out


def nearest(word: str, known: list[str] | set[str] | typing.Iterable[str], n: int = 3) -> str:
    """'(known: a, b, c)' with the closest ids first — what a user needs to fix a typo."""
    pool = sorted(set(known))
    close = difflib.get_close_matches(word, pool, n=n, cutoff=0.5)
    if close:
        return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    if not pool:
        return "none are defined"
    shown = ", ".join(pool[:8]) + (", …" if len(pool) > 8 else "")
    return f"known: {shown}"

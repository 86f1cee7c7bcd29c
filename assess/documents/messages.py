"""Turn pydantic's validation errors into located, readable problems.

Pydantic knows the field path; the YAML source knows the line of every path; the model knows what
each field expects (its description). Joining the three is what makes an error actionable.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from assess.core.errors import Problem
from assess.core.i18n.fields import described
from assess.core.i18n.messages import Msg, either, msg, plain
from assess.core.text import unaccented
from assess.documents.models.common import DOC_NUMBER, RELEASE_REF, SYMBOL
from assess.documents.models.legal import ARTICLE, CLAUSE, POINT, REGISTER_ID
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
    r"^[A-Z]{2}$": "pattern.country",
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$": "pattern.version",
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$": "pattern.id",
    r"^[A-Z][A-Z0-9]*-\d{2,3}$": "pattern.control",
    r"^[A-Z][A-Z0-9]*$": "pattern.domain",
    RELEASE_REF: "pattern.release",
    r"^[0-9a-f]{64}$": "pattern.sha256",
    r"\S": "pattern.evidence",
    SYMBOL: "pattern.symbol",
    DOC_NUMBER: "pattern.doc_number",
    REGISTER_ID: "pattern.register_id",
    ARTICLE: "pattern.article",
    CLAUSE: "pattern.clause",
    POINT: "pattern.point",
}
"""What each pattern used in the models means, in words (a regex is no help to a province)."""

_PYDANTIC = {
    "int_type": "pyd.int", "int_parsing": "pyd.int", "int_from_float": "pyd.int_fraction",
    "bool_type": "pyd.bool", "bool_parsing": "pyd.bool", "string_type": "pyd.string",
    "float_type": "pyd.float", "float_parsing": "pyd.float", "finite_number": "pyd.finite",
    "list_type": "pyd.list", "dict_type": "pyd.dict", "model_type": "pyd.dict",
    "model_attributes_type": "pyd.dict", "date_type": "pyd.date", "date_parsing": "pyd.date",
    "greater_than_equal": "pyd.ge", "less_than_equal": "pyd.le", "greater_than": "pyd.gt",
    "less_than": "pyd.lt", "string_too_short": "pyd.string_too_short",
    "string_too_long": "pyd.string_too_long", "too_short": "pyd.too_short",
    "too_long": "pyd.too_long",
}
"""Pydantic's error types we say in the reader's language (its own English stays for the rest)."""


def _slug(text: str) -> str:
    """An id made from a name as written: 'Lạng Sơn Zalo' -> 'lang-son-zalo'."""
    ascii_text = unaccented(text).lower()
    return re.sub(r"[^a-z0-9._]+", "-", ascii_text).strip("-._")


def _instead(key: str | None, value: Any) -> str | None:
    """The value to write instead of one that does not fit its pattern, where it is plain: an
    id from a name, a country code in capitals or from a country's name."""
    if not isinstance(value, str):
        return None
    if key == "pattern.id":
        slug = _slug(value)
        return slug if slug and slug != value else None
    if key == "pattern.symbol":
        upper = re.sub(r"\s+", "", value.upper()).removeprefix("BC-")
        return upper if upper != value and re.fullmatch(SYMBOL, upper) else None
    if key == "pattern.doc_number":
        digits = value.strip().lstrip("0")
        return digits if digits != value and re.fullmatch(DOC_NUMBER, digits) else None
    if key == "pattern.country":
        from assess.documents.models.common import country_code

        return country_code(value)
    return None


def _field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _pydantic(kind: str, err: Any) -> Msg:
    """Pydantic's own complaint, in the reader's language where we know its type."""
    ctx = err.get("ctx", {})
    key = _PYDANTIC.get(kind)
    if key is None:
        text = err["msg"]
        return plain(text[0].lower() + text[1:])
    return msg(key, **{k: ctx.get(k, "") for k in ("ge", "le", "gt", "lt")
                       if k in ctx}, **{k: int(ctx[k]) for k in ("min_length", "max_length")
                                        if k in ctx})


def _message(model: type[BaseModel], err: Any) -> tuple[Path_, Msg]:
    loc: Path_ = tuple(err["loc"])
    kind = err["type"]
    if kind == "missing":
        _, info = walk(model, loc)
        if info is not None and info.description:
            return loc[:-1], msg("pyd.missing_described", field=str(loc[-1]),
                                 description=described(info.description))
        return loc[:-1], msg("pyd.missing", field=str(loc[-1]))
    if kind == "extra_forbidden":
        holder, _ = walk(model, loc[:-1])
        is_model = isinstance(holder, type) and issubclass(holder, BaseModel)
        known = _field_names(holder) if is_model else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        if close:
            return loc, msg("pyd.extra_close", field=str(loc[-1]), close=close[0],
                            known=", ".join(known))
        return loc, msg("pyd.extra", field=str(loc[-1]), known=", ".join(known))
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        key = PATTERNS.get(pattern)
        instead = _instead(key, err["input"])
        if instead is not None:
            return loc, msg("pyd.got_write", value=shown(err["input"]), wanted=msg(str(key)),
                            instead=instead)
        wanted = msg(key) if key else msg("pattern.other", pattern=pattern)
        return loc, msg("pyd.got_expected", value=shown(err["input"]), wanted=wanted)
    if kind == "value_error":  # our own validators: their message is already the whole text
        error = err.get("ctx", {}).get("error")
        said = error.args[0] if error is not None and error.args else None
        return loc, said if isinstance(said, Msg) else plain(str(error if error else err["msg"]))
    if kind in ("literal_error", "enum"):
        expected = str(err.get("ctx", {}).get("expected", ""))
        if " or " not in expected and "," not in expected:  # one value only: say it
            return loc, msg("pyd.choice_one", value=shown(err["input"]), expected=expected)
        return loc, msg("pyd.choice", value=shown(err["input"]), expected=expected)
    text = _pydantic(kind, err)
    if "input" in err and err["input"] is None:
        return loc, msg("pyd.got_nothing", text=text)
    if "input" in err and not isinstance(err["input"], (dict, list)):
        return loc, msg("pyd.got", text=text, value=shown(err["input"]))
    return loc, text


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


def nearest(word: str, known: list[str] | set[str] | typing.Iterable[str], n: int = 3) -> Msg:
    """'did you mean …?' with the closest ids first, or the known ones — what a user needs to
    fix a typo."""
    pool = sorted(set(known))
    close = difflib.get_close_matches(word, pool, n=n, cutoff=0.5)
    if close:
        return msg("near.close", ids=either(close))
    if not pool:
        return msg("near.none")
    return msg("near.known", ids=", ".join(pool[:8]) + (", …" if len(pool) > 8 else ""))

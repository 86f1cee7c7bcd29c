"""Parsed YAML into typed documents, with every schema problem located.

Knows nothing of catalogs or of the engine: loading a proposal together with its checklist (and
checking names the engine defines) is `assess.checklists.loading`, one layer up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from assess.core.errors import InputError, Problem
from assess.core.i18n.messages import msg
from assess.documents.messages import problems_from
from assess.documents.models import KINDS
from assess.documents.scalars import conform
from assess.documents.yamlsource import Source, format_path

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Loaded(Generic[M]):
    """A validated document with the source it came from (name, bytes' hash, line map)."""

    doc: M
    source: Source
    unreleased: bool = False
    """A checklist or profile that is not a released version of its catalog: a draft, or a
    file named on the command line. Every output says so."""


def kind_of(source: Source) -> str:
    """The document's `kind`, or a located problem saying which kinds exist."""
    data = source.data
    if not isinstance(data, dict):
        raise InputError.single(source.name, msg("doc.not_mapping"), line=1)
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        problem = msg("doc.no_kind", kinds=", ".join(KINDS)) if kind is None else msg(
            "doc.unknown_kind", kind=repr(kind), kinds=", ".join(KINDS))
        raise InputError.single(source.name, problem, line=source.line_of(("kind",)),
                                field="kind")
    return str(kind)


def parse_model(source: Source, model: type[M]) -> M:
    """Validate parsed YAML as `model`, turning every schema error into a located problem: first
    each scalar takes its field's type (`scalars.conform`), then pydantic checks the rest. A value
    already refused is not reported again by pydantic."""
    data, refused = conform(source.data, model)
    problems = [Problem(source.name, source.line_of(path), format_path(path), message)
                for path, message in refused]
    try:
        doc = model.model_validate(data)
    except ValidationError as exc:
        problems += problems_from(exc, model, source, skip={path for path, _ in refused})
    else:
        if not problems:
            return doc
    raise InputError(sorted(problems, key=lambda p: (p.line or 0, p.field)))


def typed(source: Source, model: type[M]) -> M:
    kind = kind_of(source)
    expected = next(k for k, m in KINDS.items() if m is model)
    if kind != expected:
        raise InputError.single(source.name, msg("doc.wrong_kind", kind=kind, expected=expected),
                                line=source.line_of(("kind",)), field="kind")
    return parse_model(source, model)


def raise_problems(problems: list[Problem]) -> None:
    """Raise every problem at once, in file and line order; nothing when there is none."""
    if problems:
        raise InputError(sorted(problems, key=lambda p: (p.file, p.line or 0)))


__all__ = ["KINDS", "Loaded", "kind_of", "parse_model", "raise_problems", "typed"]

"""Load documents from disk into validated models, with every problem located.

The only stage (besides writing outputs) that touches the disk. Each loader collects every schema
problem of a document at once; cross-reference problems follow once the schema holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from assess.checklists.catalog import Catalog
from assess.core.errors import InputError, NotFoundError, Problem
from assess.documents import yamlsource
from assess.documents.messages import nearest, problems_from
from assess.documents.models import Checklist, Proposal, Review
from assess.documents.references import check_answers, check_checklist, check_proposal, check_review
from assess.documents.yamlsource import Source

M = TypeVar("M", bound=BaseModel)
KINDS: dict[str, type[BaseModel]] = {"checklist": Checklist, "proposal": Proposal,
                                     "review": Review}


@dataclass(frozen=True, slots=True)
class Loaded(Generic[M]):
    """A validated document with the source it came from (name, bytes' hash, line map)."""

    doc: M
    source: Source


def _kind_of(source: Source) -> str:
    data = source.data
    if not isinstance(data, dict):
        raise InputError.single(source.name, "expected a YAML mapping with 'kind' at the top",
                                line=1)
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        problem = "missing 'kind'" if kind is None else f"unknown kind {kind!r}"
        raise InputError.single(source.name, f"{problem}; expected one of: {', '.join(KINDS)}",
                                line=source.line_of(("kind",)), field="kind")
    return str(kind)


def parse_model(source: Source, model: type[M]) -> M:
    """Validate parsed YAML as `model`, turning every schema error into a located problem."""
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        raise InputError(problems_from(exc, model, source)) from None


def _typed(source: Source, model: type[M]) -> M:
    kind = _kind_of(source)
    expected = next(k for k, m in KINDS.items() if m is model)
    if kind != expected:
        raise InputError.single(source.name, f"this is a {kind}; expected a {expected}",
                                line=source.line_of(("kind",)), field="kind")
    return parse_model(source, model)


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise InputError(sorted(problems, key=lambda p: (p.file, p.line or 0)))


def load_checklist(path: Path | str | Source) -> Loaded[Checklist]:
    source = path if isinstance(path, Source) else yamlsource.read(path)
    cl = _typed(source, Checklist)
    _raise(check_checklist(cl, source))
    return Loaded(cl, source)


def read_status(path: Path) -> str | None:
    """A checklist file's `status` without validating the rest (for `@latest`)."""
    try:
        data: Any = yamlsource.read(path).data
    except InputError:
        return None
    return data.get("status") if isinstance(data, dict) else None


def resolve_checklist(ref: str, catalog: Catalog, *, where: Source | None = None,
                      field: str = "checklist") -> Loaded[Checklist]:
    """Load the checklist `ref` names; a bad ref inside a document is located in that document."""
    try:
        path = catalog.resolve(ref)
    except NotFoundError as exc:
        if where is None:
            raise
        raise InputError.single(where.name, str(exc), line=where.line_of((field,)),
                                field=field) from None
    loaded = load_checklist(path)
    want_id, _, want_version = ref.partition("@")
    if not ref.endswith((".yaml", ".yml")) and loaded.doc.id != want_id:
        raise InputError.single(path, f"file declares id '{loaded.doc.id}'; expected "
                                f"'{want_id}' (the folder name)", line=loaded.source.line_of(
                                    ("id",)), field="id")
    if want_version not in ("", "latest") and loaded.doc.version != want_version and (
            not ref.endswith((".yaml", ".yml"))):
        raise InputError.single(path, f"file declares version '{loaded.doc.version}'; expected "
                                f"'{want_version}' (the file name)",
                                line=loaded.source.line_of(("version",)), field="version")
    return loaded


def load_proposal(path: Path | str | Source, catalog: Catalog | None = None, *,
                  checklist: str | None = None) -> tuple[Loaded[Proposal], Loaded[Checklist]]:
    """A proposal and the checklist it is assessed against (its own, unless `checklist` is given).

    Answers are checked against that checklist, so a typo in a control id is caught here.
    """
    catalog = catalog or Catalog()
    source = path if isinstance(path, Source) else yamlsource.read(path)
    proposal = _typed(source, Proposal)
    problems = check_proposal(proposal, source)
    if checklist is None:
        cl = resolve_checklist(proposal.checklist, catalog, where=source)
        problems += check_answers(proposal, source, cl.doc)
    else:
        cl = resolve_checklist(checklist, catalog)
        if cl.doc.id == proposal.checklist.partition("@")[0] and cl.doc.version == (
                proposal.checklist.partition("@")[2]):
            problems += check_answers(proposal, source, cl.doc)
    _raise(problems)
    return Loaded(proposal, source), cl


def load_review(path: Path | str, checklist: Checklist | None = None,
                proposal: Loaded[Proposal] | None = None) -> Loaded[Review]:
    """A review; given the proposal it refers to, a changed proposal file is refused."""
    source = yamlsource.read(path)
    review = _typed(source, Review)
    problems = check_review(review, source, checklist)
    if proposal is not None:
        if review.proposal.id != proposal.doc.id:
            problems.append(Problem(source.name, source.line_of(("proposal", "id")), "proposal.id",
                                    f"review is of proposal '{review.proposal.id}'; expected "
                                    f"'{proposal.doc.id}' ({proposal.source.name})"))
        elif review.proposal.sha256 != proposal.source.sha256:
            problems.append(Problem(
                source.name, source.line_of(("proposal", "sha256")), "proposal.sha256",
                f"the proposal file {proposal.source.name} has changed since this review was "
                f"written (its SHA-256 is {proposal.source.sha256[:12]}…, the review names "
                f"{review.proposal.sha256[:12]}…); expected the reviewed file — review it again"))
    _raise(problems)
    return Loaded(review, source)


def validate_file(path: Path | str, catalog: Catalog | None = None) -> str:
    """Validate any document by its `kind`; returns the kind. Raises InputError."""
    source = yamlsource.read(path)
    kind = _kind_of(source)
    if kind == "checklist":
        load_checklist(source)
    elif kind == "proposal":
        load_proposal(source, catalog)
    else:
        review = _typed(source, Review)
        _raise(check_review(review, source, None))
    return kind


__all__ = ["KINDS", "Loaded", "load_checklist", "load_proposal", "load_review", "nearest",
           "resolve_checklist", "validate_file"]

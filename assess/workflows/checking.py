"""Everything `assess validate` can check about a review, in one run.

A review is checked against the proposal it pins (by SHA-256) and that proposal's checklist: the
controls its overrides and conditions name, and whether its decision needs a rationale or an
exception — which only scoring can tell. Fixing a review used to take three runs (schema, then
references, then decision); here every problem found is reported at once: the schema's, the
references' (read from the raw document when the schema fails, so a typo in a control id is not
hidden behind a bad date), and the decision's whenever the review is well-formed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from assess.checklists.catalog import Catalog
from assess.checklists.loading import Inputs, load_inputs, load_review
from assess.core.errors import InputError, Problem
from assess.core.i18n.messages import msg
from assess.documents import yamlsource
from assess.documents.loading import Loaded, typed
from assess.documents.messages import nearest
from assess.documents.models import Review
from assess.documents.models.review import Decision, Override
from assess.documents.references import check_decision
from assess.documents.scalars import conform
from assess.documents.yamlsource import Path_, Source, format_path
from assess.engine.evaluate import evaluate

M = TypeVar("M", bound=BaseModel)

MAX_SIBLINGS = 200
"""How many YAML files beside a review are read to find the proposal it pins: enough for a
dossier folder, bounded for a folder of thousands."""


@dataclass(frozen=True, slots=True)
class ReviewCheck:
    """What validating a review found: its problems (every one, all files) and the proposal it
    was checked against, or None when no proposal with its SHA-256 was given or beside it."""

    problems: list[Problem]
    proposal: Path | None


def pinned_sha(review: Source) -> str | None:
    """The SHA-256 a review pins its proposal by, read from the raw document."""
    pin = review.data.get("proposal", {}) if isinstance(review.data, dict) else {}
    sha = pin.get("sha256") if isinstance(pin, dict) else None
    return sha if isinstance(sha, str) else None


def pinned_proposal(review: Source, candidates: list[Path]) -> Path | None:
    """The file, among `candidates` and then the YAML files beside the review, whose SHA-256 is
    the one the review pins: the proposal it was written for."""
    sha = pinned_sha(review)
    if sha is None:
        return None
    import hashlib

    beside: list[Path] = []
    if review.name not in ("<stdin>", "-"):
        folder = Path(review.name).parent
        beside = sorted(p for p in folder.glob("*.yaml") if p.resolve() != Path(
            review.name).resolve())[:MAX_SIBLINGS]
    for path in [*candidates, *beside]:
        try:
            if path.is_file() and path.stat().st_size <= yamlsource.MAX_BYTES and hashlib.sha256(
                    path.read_bytes()).hexdigest() == sha:
                return path
        except OSError:
            continue
    return None


def _raw_references(source: Source, controls: set[str], ref: str) -> list[Problem]:
    """The control ids a review names, read from its raw data: checked even when its schema
    fails elsewhere."""
    data = source.data if isinstance(source.data, dict) else {}
    out = []
    overrides = data.get("overrides")
    if isinstance(overrides, dict):
        for key in overrides:
            if isinstance(key, str) and key not in controls:
                at: Path_ = ("overrides", key)
                out.append(Problem(source.name, source.line_of(at), format_path(at), msg(
                    "ref.no_control", control=key, checklist=ref, near=nearest(key, controls))))
    conditions = data.get("conditions")
    if isinstance(conditions, list):
        for i, cond in enumerate(conditions):
            control = cond.get("control") if isinstance(cond, dict) else None
            if isinstance(control, str) and control not in controls:
                at = ("conditions", i, "control")
                out.append(Problem(source.name, source.line_of(at), format_path(at), msg(
                    "ref.unknown", what=msg("noun.control"), value=control,
                    near=nearest(control, controls))))
    return out


def _piece(raw: Any, model: type[M]) -> M | None:
    """One part of a review (an override, the decision) if it is well-formed on its own."""
    data, refused = conform(raw, model)
    if refused:
        return None
    try:
        return model.model_validate(data)
    except ValidationError:
        return None


def _salvaged(source: Source, controls: set[str], day: dt.date) -> Review | None:
    """What of a review that fails its schema the decision check can still use: its decision
    and the overrides that are well-formed and name a control (the rest is reported already);
    None without a well-formed decision."""
    data = source.data if isinstance(source.data, dict) else {}
    decision = _piece(data.get("decision"), Decision) if isinstance(
        data.get("decision"), dict) else None
    if decision is None:
        return None
    raw = data.get("overrides")
    overrides = {k: o for k, v in raw.items() if k in controls and (o := _piece(v, Override))
                 is not None} if isinstance(raw, dict) else {}
    frame = Review.model_validate({  # stands in for the parts the decision check never reads
        "kind": "review", "schema_version": 1, "proposal": {"id": "x", "sha256": "0" * 64},
        "reviewer": {"organization": "-", "name": "-", "role": "-"}, "reviewed_on": day})
    return frame.model_copy(update={"overrides": overrides, "decision": decision})


def check_review_file(review: Path | str, proposal: Path | None, catalog: Catalog,
                      platforms: Catalog) -> ReviewCheck:
    """Every problem of a review checked against `proposal` (None: its schema only)."""
    source = yamlsource.read(review)
    if proposal is None:
        try:
            typed(source, Review)
        except InputError as exc:
            return ReviewCheck(exc.problems, None)
        return ReviewCheck([], None)
    inputs: Inputs = load_inputs(proposal, catalog, platforms=platforms)  # its own problems first
    cl = inputs.checklist
    controls = {c.id for c in cl.doc.controls()}
    try:
        doc = typed(source, Review)
    except InputError as exc:
        found = [*exc.problems, *_raw_references(source, controls, cl.doc.ref)]
        salvaged = _salvaged(source, controls, inputs.proposal.doc.submitted_on)
        if salvaged is not None:  # the decision, with the overrides that are well-formed
            a = evaluate(inputs.proposal, cl, Loaded(salvaged, source), inputs.platform)
            found += check_decision(salvaged, source, a.computed_verdict.value,
                                    failing_blockers=a.failing_blockers(),
                                    raised=a.raised_by_review())
        seen: set[tuple[int | None, str]] = set()
        unique = [p for p in found if (p.line, p.field) not in seen
                  and not seen.add((p.line, p.field))]  # type: ignore[func-returns-value]
        return ReviewCheck(sorted(unique, key=lambda p: (p.line or 0, p.field)), proposal)
    problems: list[Problem] = []
    try:
        load_review(review, cl.doc, inputs.proposal)
    except InputError as exc:
        problems += exc.problems
    pinned = not any(p.field.startswith("proposal.") for p in problems)
    if pinned:  # the decision, as scoring sees it: the overrides of controls that exist
        known = doc.model_copy(update={"overrides": {
            k: v for k, v in doc.overrides.items() if k in controls}})
        a = evaluate(inputs.proposal, cl, Loaded(known, source), inputs.platform)
        problems += check_decision(doc, source, a.computed_verdict.value,
                                   failing_blockers=a.failing_blockers(),
                                   raised=a.raised_by_review())
    return ReviewCheck(sorted(problems, key=lambda p: (p.line or 0, p.field)), proposal)


@dataclass(frozen=True, slots=True)
class Checked:
    """One file as `assess validate` checked it: its kind, and for a review the proposal it was
    checked against (None: its schema only, no proposal with its SHA-256 was found)."""

    kind: str
    against: Path | None = None
    pinned: str | None = None
    """For a review, the SHA-256 it pins its proposal by."""


def validate_path(path: Path | str, catalog: Catalog, platforms: Catalog, *,
                  others: Sequence[Path] = (), proposal: Path | None = None) -> Checked:
    """Validate any document by its kind, everything at once; a review against `proposal`, else
    the proposal among `others` (the other files of the run) or beside it that it pins.
    Raises InputError with every problem found."""
    from assess.checklists.loading import validate_file

    source = yamlsource.read(path)
    kind = validate_file(source, catalog, platforms) if _kind(source) != "review" else "review"
    if kind != "review":
        return Checked(kind)
    against = proposal or pinned_proposal(source, [Path(o) for o in others if str(o) != str(path)])
    found = check_review_file(path, against, catalog, platforms)
    if found.problems:
        raise InputError(found.problems)
    return Checked("review", against, pinned_sha(source))


def _kind(source: Source) -> str | None:
    data = source.data
    kind = data.get("kind") if isinstance(data, dict) else None
    return kind if isinstance(kind, str) else None


__all__ = ["MAX_SIBLINGS", "Checked", "ReviewCheck", "check_review_file", "pinned_proposal", "pinned_sha",
           "validate_path"]

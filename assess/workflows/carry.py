"""Carrying a review's overrides to a resubmitted proposal.

An override is a reviewer's judgement of what they saw. It is carried only where the control's
inputs are what they were — the province's answer, its evidence and note, the rule's result,
the profile's answer, the facts that make it apply — and flagged for re-review where any of
them changed: a province that edits an answer after review cannot keep the reviewer's
judgement of the old one. Where the old inputs cannot be known (a hand-written override with no
`basis`, and no previous proposal to compute it from), the override is flagged too: not knowing
is never taken as "unchanged".

The CLI (`assess review carry`) and the workspace (a resubmitted version) both use `plan`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assess.documents.models.common import Status
from assess.documents.models.review import Override, Review
from assess.documents.writing import to_yaml
from assess.engine.result import Assessment, ControlResult

INPUTS = ("applicable", "missing_facts", "declared", "evidence", "note", "rule", "rule_status",
          "profile_status", "contradicted", "unconfirmed", "status")
"""What the engine saw for a control before any review: a change to one of these is a change
to what the reviewer judged."""


def inputs_of(c: ControlResult) -> dict[str, Any]:
    """The control's inputs as plain values (from a self-assessment: no review applied)."""
    out: dict[str, Any] = {}
    for name in INPUTS:
        value = getattr(c, name)
        out[name] = value.value if isinstance(value, Status) else value
    return out


def basis(c: ControlResult) -> str:
    """SHA-256 of the control's inputs, as an override records them."""
    text = json.dumps(inputs_of(c), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Flag:
    """An override not carried: the reviewer must look at the control again."""

    control: str
    status: Status
    rationale: str
    changed: list[tuple[str, Any, Any]] = field(default_factory=list)
    """(input, before, after) where the previous assessment is known; empty when only the
    hash differs or nothing recorded the old inputs."""
    known: bool = True
    """False when the override's inputs at review time were never recorded."""
    gone: bool = False
    """True when the control is no longer in the new proposal's checklist."""


@dataclass(frozen=True, slots=True)
class Plan:
    carried: dict[str, Override]
    flagged: list[Flag]


def plan(overrides: Mapping[str, Override], new: Assessment,
         old: Assessment | None = None) -> Plan:
    """Which of `overrides` (written on an earlier version) hold for the self-assessment `new`.

    An override's own `basis` is compared first; without one, the previous self-assessment
    `old` supplies it; with neither, the override is flagged.
    """
    now = {c.id: c for c in new.controls}
    before = {c.id: c for c in old.controls} if old is not None else {}
    carried: dict[str, Override] = {}
    flagged: list[Flag] = []
    for cid, o in sorted(overrides.items()):
        c = now.get(cid)
        if c is None:
            flagged.append(Flag(cid, o.status, o.rationale, gone=True))
            continue
        was = o.basis or (basis(before[cid]) if cid in before else None)
        if was is None:
            flagged.append(Flag(cid, o.status, o.rationale, known=False))
        elif was == basis(c):
            carried[cid] = o.model_copy(update={"basis": was})
        else:
            diff = []
            if cid in before and basis(before[cid]) == was:
                a, b = inputs_of(before[cid]), inputs_of(c)
                diff = [(k, a[k], b[k]) for k in INPUTS if a[k] != b[k]]
            flagged.append(Flag(cid, o.status, o.rationale, diff))
    return Plan(carried, flagged)


def carried_review(old: Review, new: Assessment, result: Plan,
                   today: dt.date | None = None) -> Review:
    """The review of the new proposal: the same reviewer, the carried overrides and the
    conditions; no decision (a resubmission is decided afresh)."""
    return old.model_copy(update={
        "proposal": old.proposal.model_copy(update={"id": new.proposal.id,
                                                    "sha256": new.proposal.sha256}),
        "reviewed_on": today or dt.date.today(),
        "overrides": result.carried, "decision": None})


def _one_line(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return " ".join(str(text).split())


def review_text(review: Review, result: Plan, words: Mapping[str, str]) -> str:
    """`review` as YAML the CLI reads, the flagged overrides listed as comments above it: they
    count for nothing until the reviewer writes them again."""
    out: list[str] = []
    if result.flagged:
        out.append(f"# {words['flagged']}")
        for f in result.flagged:
            why = (words["gone"] if f.gone else words["unknown"] if not f.known else
                   "; ".join(f"{k}: {_one_line(a)} → {_one_line(b)}" for k, a, b in f.changed)
                   or words["changed"])
            out.append(f"#   {f.control}: {f.status.value} — {_one_line(f.rationale)}")
            out.append(f"#     {why}")
    out.append(to_yaml(review).rstrip())
    return "\n".join(out) + "\n"


__all__ = ["INPUTS", "Flag", "Plan", "basis", "carried_review", "inputs_of", "plan",
           "review_text"]

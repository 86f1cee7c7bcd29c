"""The Assessment: the one typed result every output renders (terminal, JSON, HTML, PDF).

Outputs never recompute anything: every figure they show is a field here, and every figure
carries the ids of the controls that produced it. These are plain dataclasses, not pydantic
models: they are built from already-validated documents, thousands of times a second in batch
scoring, and pydantic serialises them to JSON just the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from dataclasses import dataclass, field
from functools import cache

from pydantic import TypeAdapter

from assess.models import LegalBasis, Proposal, Scoring, Severity, Status, Text, Verdict

ControlSource = Literal["declared", "rule", "review", "default"]
FindingKind = Literal["not-met", "partial", "unknown", "rule", "contradiction", "hygiene",
                      "declared-na"]


def doc(text: str) -> Any:
    """A field with no default whose description reaches the JSON Schema."""
    return field(metadata={"description": text})



@dataclass(slots=True, kw_only=True)
class DocRef:
    id: str
    version: str | None = None
    sha256: str
    title: Text | None = None
    file: str | None = None


@dataclass(slots=True, kw_only=True)
class FactResult:
    name: str
    value: bool
    text: Text
    because: list[str] = doc("Elements that make the fact true.")


@dataclass(slots=True, kw_only=True)
class ControlResult:
    id: str
    domain: str
    title: Text
    requirement: Text
    severity: Severity
    blocker: bool
    owner: str
    applicable: bool
    missing_facts: list[str] = doc("applies_if facts that are false (why N/A).")
    status: Status = doc("Final status used for scoring.")
    source: ControlSource = doc("Who decided the final status: declared, rule, review, or "
                           "default (no answer: unknown).")
    declared: Status | None = doc("The province's answer, if any.")
    rule: str | None = None
    rule_status: Status | None = None
    review_status: Status | None = None
    review_rationale: str | None = None
    weight: float = doc("Severity weight; counts only when applicable.")
    value: float | None = doc("Status value earned; None when not applicable.")
    evidence: list[str] = field(default_factory=list)
    note: str | None = None
    evidence_expected: Text
    legal_basis: list[LegalBasis]
    remediation: Text


@dataclass(slots=True, kw_only=True)
class DomainResult:
    id: str
    title: Text
    weight: float
    score: float | None = doc("0–100; None when no control of the domain applies.")
    earned: float = doc("Σ weight·value over applicable controls.")
    possible: float = doc("Σ weight over applicable controls.")
    controls: list[str] = doc("Ids of the applicable controls counted.")


@dataclass(slots=True, kw_only=True)
class Reason:
    code: Literal["blocker-failed", "blocker-partial", "score", "review-decision"]
    text: Text
    controls: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class RiskResult:
    impact: int 
    likelihood: int 
    rating: Literal["low", "medium", "high", "critical"]
    impact_because: Text
    likelihood_controls: list[str] = doc("Failed controls that set the likelihood.")


@dataclass(slots=True, kw_only=True)
class Finding:
    id: str = doc("Stable id: control id, RULE@element, CONTRA@control or NA@control.")
    kind: FindingKind
    severity: Severity
    blocker: bool = False
    control: str | None
    message: Text
    path: list[str] = field(default_factory=list)
    data: list[str] = field(default_factory=list)
    remediation: Text | None = None


@dataclass(slots=True, kw_only=True)
class ExposureEntry:
    """One data item in one zone it reaches: the zone's operator sees it there."""

    data: str
    data_class: str
    operator: str
    zone: str
    country: str
    trust: str
    at_rest: bool = doc("True if a datastore of the zone keeps the item.")
    e2e: bool = doc("True if the zone's nodes only relay the item end-to-end encrypted, so its "
                    "operator cannot read it.")
    path: list[str] = doc("Nodes from where the item originates to the first node of the zone "
                          "that can read it (or, if none can, the first it reaches).")
    nodes: list[str] = field(default_factory=list, metadata={
        "description": "Nodes of the zone the item reaches, in the order it reaches them."})
    stored_at: list[str] = field(default_factory=list, metadata={
        "description": "Datastores of the zone that keep the item."})


@dataclass(slots=True, kw_only=True)
class SelfAssessment:
    """The province's own result, kept beside the reviewed one."""

    verdict: Verdict
    score: float
    risk: RiskResult
    statuses: dict[str, Status]


@dataclass(slots=True, kw_only=True)
class ReviewInfo:
    reviewer: dict[str, Any]
    reviewed_on: dt.date
    sha256: str
    conditions: list[dict[str, Any]]
    decision: dict[str, Any] | None
    overridden: list[str]


@dataclass(slots=True, kw_only=True)
class Tool:
    name: str = "assess"
    version: str


@dataclass(slots=True, kw_only=True)
class Assessment:
    """Everything an output shows, computed once."""

    tool: Tool
    as_of: dt.date = doc("Date the assessment speaks for (from the inputs).")
    checklist: DocRef
    proposal: DocRef
    verdict: Verdict
    computed_verdict: Verdict = doc("Verdict from the controls, before any "
                                      "reviewer decision.")
    verdict_reasons: list[Reason]
    score: float = doc("Overall score 0–100: domain scores weighted by domain weight.")
    thresholds: dict[str, float]
    scoring: Scoring = doc("The checklist's scoring model, as used: severity "
                             "weights, status values, thresholds and the risk matrix (so every "
                             "output can say how its figures were computed).")
    risk: RiskResult
    domains: list[DomainResult]
    controls: list[ControlResult]
    findings: list[Finding]
    facts: list[FactResult]
    exposure: list[ExposureEntry] = field(default_factory=list)
    counts: dict[str, int] = doc("Applicable controls per final status.")
    scope: Proposal = doc("The proposal as submitted (channel, services, data, "
                            "zones, nodes, flows, answers).")
    self_assessment: SelfAssessment | None = None
    review: ReviewInfo | None = None

    def to_json(self) -> str:
        return _adapter().dump_json(self, indent=2, by_alias=True).decode("utf-8")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = _adapter().dump_python(self, mode="json", by_alias=True)
        return data


@cache
def _adapter() -> TypeAdapter[Assessment]:
    return TypeAdapter(Assessment)

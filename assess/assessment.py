"""The Assessment: the one typed result every output renders (terminal, JSON, HTML, PDF).

Outputs never recompute anything: every figure they show is a field here, and every figure
carries the ids of the controls that produced it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assess.models import LegalBasis, Proposal, Scoring, Severity, Status, Text, Verdict

ControlSource = Literal["declared", "rule", "review", "default"]


class Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class DocRef(Out):
    id: str
    version: str | None = None
    sha256: str
    title: Text | None = None
    file: str | None = None


class FactResult(Out):
    name: str
    value: bool
    text: Text
    because: list[str] = Field(description="Elements that make the fact true.")


class ControlResult(Out):
    id: str
    domain: str
    title: Text
    requirement: Text
    severity: Severity
    blocker: bool
    owner: str
    applicable: bool
    missing_facts: list[str] = Field(description="applies_if facts that are false (why N/A).")
    status: Status = Field(description="Final status used for scoring.")
    source: ControlSource = Field(description="Who decided the final status: declared, rule, review, or "
                           "default (no answer: unknown).")
    declared: Status | None = Field(description="The province's answer, if any.")
    rule: str | None = None
    rule_status: Status | None = None
    review_status: Status | None = None
    review_rationale: str | None = None
    weight: float = Field(description="Severity weight; counts only when applicable.")
    value: float | None = Field(description="Status value earned; None when not applicable.")
    evidence: list[str] = Field(default_factory=list)
    note: str | None = None
    evidence_expected: Text
    legal_basis: list[LegalBasis]
    remediation: Text


class DomainResult(Out):
    id: str
    title: Text
    weight: float
    score: float | None = Field(description="0–100; None when no control of the domain applies.")
    earned: float = Field(description="Σ weight·value over applicable controls.")
    possible: float = Field(description="Σ weight over applicable controls.")
    controls: list[str] = Field(description="Ids of the applicable controls counted.")


class Reason(Out):
    code: Literal["blocker-failed", "blocker-partial", "score", "review-decision"]
    text: Text
    controls: list[str] = Field(default_factory=list)


class RiskResult(Out):
    impact: int = Field(ge=1, le=4)
    likelihood: int = Field(ge=1, le=4)
    rating: Literal["low", "medium", "high", "critical"]
    impact_because: Text
    likelihood_controls: list[str] = Field(description="Failed controls that set the likelihood.")


class Finding(Out):
    id: str = Field(description="Stable id: control id, RULE@element, or CONTRA@control.")
    kind: Literal["not-met", "partial", "unknown", "rule", "contradiction", "hygiene"]
    severity: Severity
    blocker: bool = False
    control: str | None
    message: Text
    path: list[str] = Field(default_factory=list)
    data: list[str] = Field(default_factory=list)
    remediation: Text | None = None


class ExposureEntry(Out):
    data: str
    data_class: str
    operator: str
    zone: str
    country: str
    trust: str
    at_rest: bool
    e2e: bool = Field(description="True if every path to this operator is end-to-end encrypted.")
    path: list[str]


class SelfAssessment(Out):
    """The province's own result, kept beside the reviewed one."""

    verdict: Verdict
    score: float
    risk: RiskResult
    statuses: dict[str, Status]


class ReviewInfo(Out):
    reviewer: dict[str, Any]
    reviewed_on: dt.date
    sha256: str
    conditions: list[dict[str, Any]]
    decision: dict[str, Any] | None
    overridden: list[str]


class Tool(Out):
    name: str = "assess"
    version: str


class Assessment(Out):
    """Everything an output shows, computed once."""

    tool: Tool
    as_of: dt.date = Field(description="Date the assessment speaks for (from the inputs).")
    checklist: DocRef
    proposal: DocRef
    verdict: Verdict
    computed_verdict: Verdict = Field(description="Verdict from the controls, before any "
                                      "reviewer decision.")
    verdict_reasons: list[Reason]
    score: float = Field(description="Overall score 0–100: domain scores weighted by domain weight.")
    thresholds: dict[str, float]
    scoring: Scoring = Field(description="The checklist's scoring model, as used: severity "
                             "weights, status values, thresholds and the risk matrix (so every "
                             "output can say how its figures were computed).")
    risk: RiskResult
    domains: list[DomainResult]
    controls: list[ControlResult]
    findings: list[Finding]
    facts: list[FactResult]
    exposure: list[ExposureEntry] = Field(default_factory=list)
    counts: dict[str, int] = Field(description="Applicable controls per final status.")
    scope: Proposal = Field(description="The proposal as submitted (channel, services, data, "
                            "zones, nodes, flows, answers).")
    self_assessment: SelfAssessment | None = None
    review: ReviewInfo | None = None

    def to_json(self) -> str:
        return self.model_dump_json(indent=2, by_alias=True)

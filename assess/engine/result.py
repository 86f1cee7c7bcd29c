"""The Assessment: the one typed result every output renders (terminal, JSON, HTML, PDF).

Outputs never recompute anything: every figure they show is a field here, and every figure
carries the ids of the controls that produced it. These are plain dataclasses, not pydantic
models: they are built from already-validated documents, thousands of times a second in batch
scoring, and pydantic serialises them to JSON just the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import Field, TypeAdapter

from assess.core.text import json_escaped
from assess.documents.models import LegalBasis, Proposal, Scoring, Severity, Status, Text, Verdict
from assess.documents.models.review import Condition, Decision, Reviewer
from assess.engine.issuer import Issuer

ControlSource = Literal["declared", "profile", "rule", "review", "default"]
FindingKind = Literal["not-met", "partial", "unknown", "rule", "contradiction", "hygiene", "declared-na",
                      "unconfirmed", "presumed", "settled"]


_STATUS_RANK = {Status.not_met: 0, Status.unknown: 1, Status.partial: 2, Status.met: 3,
                Status.not_applicable: 4}
"""How far a reviewer lifts a control: not applicable takes it out of the result entirely."""


@dataclass(slots=True, kw_only=True)
class DocRef:
    id: str
    version: str | None = None
    sha256: str
    title: Text | None = None
    file: str | None = None
    unreleased: Annotated[bool, Field(description="A checklist or profile that is not a "
                                      "released version: a draft, or a file given on the "
                                      "command line. Every output says so.")] = False


@dataclass(slots=True, kw_only=True)
class FactResult:
    name: str
    value: bool
    text: Text
    because: Annotated[list[str], Field(description="Elements that make the fact true.")]


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
    missing_facts: Annotated[list[str], Field(description="applies_if facts that are false (why N/A).")]
    status: Annotated[Status, Field(description="Final status used for scoring.")]
    source: Annotated[
        ControlSource,
        Field(
            description="Who decided the final status: declared, rule, review, or "
            "default (no answer: unknown)."
        ),
    ]
    declared: Annotated[Status | None, Field(description="The province's answer, if any.")]
    contradicted: Annotated[bool, Field(
        description="The declared answer is better than what the data flows or the control's "
        "facts show: the worse one counts, and this is itself a finding.")] = False
    unconfirmed: Annotated[bool, Field(
        description="A blocker whose graph rule passes counts only when the province answers "
        "met with evidence (or a platform profile supplies the elements): unknown until then.")] = False
    rule: str | None = None
    rule_status: Status | None = None
    profile_status: Annotated[Status | None, Field(
        description="The platform profile's answer for this checklist version, if any.")] = None
    review_status: Status | None = None
    review_rationale: str | None = None
    weight: Annotated[float, Field(description="Severity weight; counts only when applicable.")]
    value: Annotated[float | None, Field(description="Status value earned; None when not applicable.")]
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
    score: Annotated[float | None, Field(description="0–100; None when no control of the domain applies.")]
    earned: Annotated[float, Field(description="Σ weight·value over applicable controls.")]
    possible: Annotated[float, Field(description="Σ weight over applicable controls.")]
    controls: Annotated[list[str], Field(description="Ids of the applicable controls counted.")]


@dataclass(slots=True, kw_only=True)
class Reason:
    code: Literal["blocker-failed", "blocker-partial", "score", "review-decision", "risk-cap",
                  "abroad-cap", "review-exception"]
    text: Text
    controls: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class RiskResult:
    impact: int
    likelihood: int
    rating: Literal["low", "medium", "high", "critical"]
    impact_because: Text
    likelihood_controls: Annotated[list[str], Field(description="Failed controls that set the likelihood.")]


@dataclass(slots=True, kw_only=True)
class FindingHit:
    """One place where a rule fails, kept whole inside the finding that groups it."""

    id: Annotated[str, Field(description="Stable id of the place: RULE@element, where element "
                             "is a node id, a flow from->to, zone:ID or service:ID->undrawn.")]
    path: Annotated[list[str], Field(description="Node ids the data took to get there (empty "
                                     "where nothing drawn leads there).")]
    data: list[str]
    message: Text


@dataclass(slots=True, kw_only=True)
class Finding:
    """One finding per control's status, contradiction, or rule and control: a rule that fails
    in many places for one control is one finding listing them all (`hits`), so a drawing
    with many flows lengthens a finding, not the list."""

    id: Annotated[
        str, Field(description="Stable id: control id, RULE@control (a hygiene rule, which "
                   "decides no control: RULE), CONTRA@control, NA@control, PROFILE@control, "
                   "UNCONFIRMED@control or RESIDENCY@channel.")
    ]
    kind: FindingKind
    severity: Annotated[Severity, Field(description="The worst of its hits'.")]
    blocker: bool = False
    control: str | None
    message: Text
    hits: Annotated[list[FindingHit], Field(description="The rule's hits this finding groups, in "
                                            "the rule's order (for a contradiction: the hits of "
                                            "the rule it contradicts).")] = field(
        default_factory=list)
    data: Annotated[list[str], Field(description="Data items of its hits, without repeats.")] = \
        field(default_factory=list)
    remediation: Text | None = None

    @property
    def paths(self) -> list[list[str]]:
        """The hits' paths, one per hit (empty where nothing drawn leads there)."""
        return [h.path for h in self.hits]


@dataclass(slots=True, kw_only=True)
class ExposureEntry:
    """One data item in one zone it reaches: the zone's operator sees it there."""

    data: str
    data_class: str
    operator: str
    zone: str
    country: str
    trust: str
    at_rest: Annotated[bool, Field(description="True if a datastore of the zone keeps the item.")]
    e2e: Annotated[
        bool,
        Field(
            description="True if the zone's nodes only relay the item end-to-end encrypted, so its "
            "operator cannot read it."
        ),
    ]
    path: list[str] = field(
        metadata={
            "description": "Nodes from where the item originates to the first node of the zone that "
            "reads it over a flow (else where it rests or starts; if none can read it, the first it "
            "reaches)."
        }
    )
    stored_at: list[str] = field(
        default_factory=list, metadata={"description": "Datastores of the zone that keep the item."}
    )
    own: bool = field(
        default=False, metadata={"description": "True if the zone is people's own devices (untrusted, "
        "only actors in it): they hold what they send and receive themselves, no operator does."}
    )


@dataclass(slots=True, kw_only=True)
class SelfAssessment:
    """The province's own result, kept beside the reviewed one."""

    verdict: Verdict
    score: float
    risk: RiskResult
    statuses: dict[str, Status]


@dataclass(slots=True, kw_only=True)
class ReviewInfo:
    reviewer: Reviewer
    reviewed_on: dt.date
    sha256: str
    conditions: list[Condition]
    decision: Decision | None
    overridden: list[str]


@dataclass(slots=True, kw_only=True)
class ReassessedControl:
    """A control the answers miss because the checklist changed since they were given."""

    id: str
    change: Literal["added", "removed", "renamed", "changed"] = field(
        metadata={
            "description": "added (no answer yet), removed (its answer is ignored), renamed "
            "(answered under its old id), changed (a change that may change the answer)."
        }
    )
    fields: list[str] = field(
        default_factory=list,
        metadata={"description": "For 'changed': what changed — requirement, applies_if, rule."},
    )
    renamed_from: str | None = None
    answered: str | None = field(
        default=None, metadata={"description": "The province's answer for the older version, if any."}
    )
    status: str | None = field(
        default=None, metadata={"description": "Status in this assessment; None for a removed control."}
    )


@dataclass(slots=True, kw_only=True)
class Reassessment:
    """A proposal answered against one checklist version and assessed against another."""

    answered: str = field(metadata={"description": "Checklist the answers were given for (id@version)."})
    assessed: Annotated[str, Field(description="Checklist assessed against (id@version).")]
    bump: str | None = field(
        metadata={
            "description": "Version bump the changes between the two need (major, minor, patch, "
            "none); None when the answered version could not be found."
        }
    )
    controls: list[ReassessedControl] = field(
        metadata={"description": "Controls added, removed, renamed or changed since the answers were given."}
    )


@dataclass(slots=True, kw_only=True)
class Tool:
    name: str = "assess"
    version: str


@dataclass(slots=True, kw_only=True)
class Assessment:
    """Everything an output shows, computed once."""

    tool: Tool
    issuer: Annotated[Issuer, Field(
        description="Who issues the report and who signs it (header, number, signature block); "
        "what a signature's certificate is compared with.")]
    as_of: Annotated[dt.date, Field(description="Date the assessment speaks for (from the inputs).")]
    checklist: DocRef
    proposal: DocRef
    verdict: Verdict
    computed_verdict: Annotated[
        Verdict, Field(description="Verdict from the controls, before any reviewer decision.")
    ]
    verdict_reasons: list[Reason]
    exception: Annotated[bool, Field(
        description="The verdict is a reviewer's exception: better than the controls allow, "
        "decided with a rationale and a legal authority.")] = False
    score: Annotated[
        float, Field(description="Overall score 0–100: domain scores weighted by domain weight.")
    ]
    thresholds: dict[str, float]
    scoring: Annotated[
        Scoring,
        Field(
            description="The checklist's scoring model, as used: severity "
            "weights, status values, thresholds and the risk matrix (so every "
            "output can say how its figures were computed)."
        ),
    ]
    risk: RiskResult
    domains: list[DomainResult]
    controls: list[ControlResult]
    findings: list[Finding]
    facts: list[FactResult]
    exposure: list[ExposureEntry] = field(default_factory=list)
    counts: Annotated[dict[str, int], Field(description="Applicable controls per final status.")]
    scope: Annotated[
        Proposal,
        Field(
            description="The proposal as submitted (channel, services, data, zones, nodes, "
            "flows, answers), with the platform profile's zones, nodes and flows joined in."
        ),
    ]
    platform: Annotated[DocRef | None, Field(
        description="The platform profile the proposal runs on, if it names one.")] = None
    from_profile: Annotated[list[str], Field(
        description="Zone and node ids in scope that come from the platform profile.")] = field(
        default_factory=list)
    self_assessment: SelfAssessment | None = None
    review: ReviewInfo | None = None
    reassessment: Reassessment | None = None

    @property
    def verdict_key(self) -> str:
        """The word for the verdict: an exception is titled as one, never as a plain approval."""
        return f"{self.verdict.value}.exception" if self.exception else self.verdict.value

    @property
    def gate_verdict(self) -> Verdict:
        """What a CI gate judges: an exception counts as the verdict the controls give."""
        return self.computed_verdict if self.exception else self.verdict

    def failing_blockers(self) -> list[str]:
        return [c.id for c in self.controls if c.applicable and c.blocker
                and c.status in (Status.not_met, Status.unknown)]

    def raised_by_review(self) -> list[str]:
        """Overrides that put a blocker or a rule-decided control above the engine's status, or
        take a control that applies out of the result (not applicable)."""
        if self.review is None or self.self_assessment is None:
            return []
        own = self.self_assessment.statuses
        return [c.id for c in self.controls if c.id in self.review.overridden and c.id in own
                and (c.blocker or c.rule or (c.status is Status.not_applicable
                                             and not c.missing_facts))
                and _STATUS_RANK[c.status] > _STATUS_RANK[own[c.id]]]

    def input_files(self) -> list[str]:
        """The files this assessment read: proposal, checklist and platform profile."""
        refs = (self.proposal, self.checklist, self.platform)
        return [r.file for r in refs if r is not None and r.file]

    def to_json(self) -> str:
        """The assessment as JSON, with nothing a terminal would obey (`core.text`)."""
        return json_escaped(_adapter().dump_json(self, indent=2, by_alias=True).decode("utf-8"))

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = _adapter().dump_python(self, mode="json", by_alias=True)
        return data


@cache
def _adapter() -> TypeAdapter[Assessment]:
    return TypeAdapter(Assessment)

"""The checklist document: versioned, bilingual controls plus the scoring rules as data."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from assess.core import semver
from assess.documents.models.common import Id, Severity, Status, Strict, Text, Verdict
from assess.documents.models.legal import ARTICLE, CLAUSE, POINT, Confirmation, InstrumentType, RegisterId

ControlId = str
RiskLevel = Literal["low", "medium", "high", "critical"]


class LegalBasis(Strict):
    """One citation of Vietnamese law: a legal-register id and the provision cited.

    Checklists from 2.0.0 write `ref` with `article`, `clause` and `point`; the released 1.x
    files wrote the instrument's name and number (`document`, `number`, an `article` such as
    '20(6)(a)'), which the loader reads through the register without editing them. Once loaded,
    every citation carries both: the register id, and the name and number the register gives."""

    ref: RegisterId | None = Field(None, description="Register id of the instrument cited, e.g. "
                                   "'decree-356-2025' (assess legal status lists them).")
    document: Text | None = Field(None, description="Name of the instrument (checklists 1.x; "
                                  "filled from the register otherwise).")
    number: str | None = Field(None, min_length=1, description="Official number and symbol "
                               "(checklists 1.x; filled from the register otherwise).")
    type: InstrumentType | None = Field(None, description="Kind of instrument (filled from the "
                                        "register).")
    article: str | None = Field(
        None, pattern=ARTICLE,
        description="Article cited, e.g. '20', or a range '17–18'; checklists 1.x may append "
        "the clause and point, '20(6)(a)'.")
    clause: str | None = Field(None, pattern=CLAUSE, description="Clause (khoản), e.g. '6'.")
    point: str | None = Field(None, pattern=POINT, description="Point (điểm), e.g. 'a'.")
    note: Text | None = Field(None, description="What the cited provision requires, in a sentence.")
    status: Confirmation | None = Field(
        None, description="'to-confirm' when the provision's content is not yet checked against "
        "an official text; absent: the register's status of the instrument. A citation of an "
        "instrument the register has 'to-confirm' is to confirm whatever this says.")


class Control(Strict):
    """One requirement a proposal must meet."""

    id: ControlId = Field(pattern=r"^[A-Z][A-Z0-9]*-\d{2,3}$",
                          description="Stable id forever: domain prefix, dash, number (e.g. RES-01).")
    title: Text = Field(description="Short name of the control.")
    requirement: Text = Field(description="What must be true: the question the proposal answers.")
    guidance: Text = Field(description="How a reviewer checks it.")
    severity: Severity = Field(description="How bad a failure is: critical, high, medium or low.")
    blocker: bool = Field(False, description="If true, failing it rejects the proposal whatever "
                          "the score (a partial answer caps the verdict at conditional).")
    applies_if: list[str] = Field(
        default_factory=list,
        description="Names of facts that must all be true for the control to apply; "
        "empty means it always applies.")
    legal_basis: list[LegalBasis] = Field(default_factory=list,
                                          description="Legal provisions the control rests on.")
    evidence: Text = Field(description="What proof is expected.")
    rule: str | None = Field(None, description="Id of the data-flow graph rule that decides this "
                             "control's status from the proposal's flows, if any.")
    remediation: Text = Field(description="What to do when the control is not met.")
    owner: Literal["province", "operator", "shared"] = Field(
        description="Who must act and hold the evidence: the province, the channel's operator, "
        "or both.")


class Domain(Strict):
    """A group of controls with its weight in the overall score."""

    id: str = Field(pattern=r"^[A-Z][A-Z0-9]*$", description="Domain prefix, e.g. RES.")
    title: Text = Field(description="Name of the domain.")
    weight: float = Field(gt=0, description="Weight of this domain's score in the overall score.")
    controls: list[Control] = Field(min_length=1, description="The domain's controls.")


class Thresholds(Strict):
    """Minimum overall score for each verdict (blockers aside)."""

    approve: float = Field(ge=0, le=100, description="Score at or above which a proposal is approved.")
    conditional: float = Field(ge=0, le=100, description="Score at or above which (and below "
                               "'approve') a proposal is approved with conditions; below it, rejected.")


class Impact(Strict):
    """How the impact level (1–4) is derived from the data and its subjects."""

    class_levels: dict[Literal["public", "internal", "personal", "sensitive-personal"], int] = Field(
        description="Impact level (1–4) of each data class; the most sensitive class used wins.")
    subjects_step_up: int = Field(
        gt=0, description="Number of data subjects at or above which impact rises one level (max 4).")


class Risk(Strict):
    """The 4×4 impact × likelihood matrix."""

    impact: Impact = Field(description="How impact is derived.")
    likelihood_levels: dict[Severity, int] = Field(
        description="Likelihood level (1–4) implied by a failed control of each severity; the "
        "highest failed control wins, 1 when nothing failed.")
    partial_step_down: int = Field(
        1, ge=0, le=3, description="A partially met control implies this many levels less.")
    matrix: list[list[Literal["low", "medium", "high", "critical"]]] = Field(
        min_length=4, max_length=4,
        description="Rating per impact level (rows, 1→4) and likelihood level (columns, 1→4).")


class Scoring(Strict):
    """Everything that turns statuses into a score and a verdict: data, so it can be versioned."""

    severity_weights: dict[Severity, float] = Field(description="Weight of a control of each severity.")
    status_values: dict[Literal["met", "partial", "not-met", "unknown"], float] = Field(
        description="Value (0–1) each status earns; not-applicable controls are left out.")
    thresholds: Thresholds = Field(description="Verdict thresholds on the overall score (0–100).")
    risk: Risk = Field(description="Risk rating matrix.")
    approve_max_risk: Literal["low", "medium", "high", "critical"] | None = Field(
        None, description="Highest risk rating an approval may carry; above it the verdict is at "
        "best 'conditional'. Absent: no cap (checklists 1.x, so their verdicts do not change).")


class Checklist(Strict):
    """A versioned checklist (`kind: checklist`)."""

    kind: Literal["checklist"] = Field(description="Always 'checklist'.")
    schema_version: Literal[1] = Field(description="Version of this document format; currently 1.")
    id: Id = Field(description="Checklist id, the folder name under checklists/.")
    version: str = Field(pattern=semver.PATTERN, description="Semantic version, e.g. 1.0.0.")
    status: Literal["draft", "released"] = Field(description="'released' versions never change.")
    title: Text = Field(description="Title of the checklist.")
    description: Text | None = Field(None, description="What the checklist is for and its scope.")
    effective_from: dt.date = Field(description="Date from which this version applies.")
    publisher: Text = Field(description="Body that publishes the checklist.")
    scoring: Scoring = Field(description="Scoring model.")
    domains: list[Domain] = Field(min_length=1, description="Domains with their controls.")

    def controls(self) -> list[Control]:
        return [c for d in self.domains for c in d.controls]

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"


__all__ = ["Checklist", "Control", "Domain", "LegalBasis", "Scoring", "Status",
           "Verdict"]

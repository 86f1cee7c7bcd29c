"""The review document: a ministry reviewer's re-assessment of a proposal."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from assess.documents.models.common import (
    DOC_NUMBER,
    SYMBOL,
    Authority,
    Id,
    LocalText,
    Status,
    Strict,
)


class ProposalRef(Strict):
    """Which proposal file is reviewed; a changed file does not match its hash."""

    id: Id = Field(description="Proposal id.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the proposal file.")


class Reviewer(Strict):
    """Who reviews."""

    organization: LocalText = Field(description="Reviewing body, e.g. 'Bộ Thông tin và Truyền "
                                    "thông' (the parent body in the report's header).")
    unit: LocalText | None = Field(None, description="Unit of that body that issues the review, "
                                   "e.g. 'Cục An toàn thông tin' (the issuing body in the header).")
    name: str = Field(min_length=1, description="Reviewer's full name.")
    role: LocalText = Field(description="Reviewer's position, as it stands above the signature.")
    place: str | None = Field(None, description="Place in the report's date line, e.g. 'Hà Nội'; "
                              "taken from the organisation's name when not given.")
    authority: Authority | None = Field(
        None, description="Signing for another: TM., KT. (a deputy for the head), TL., TUQ. or "
        "Q. (acting); with it, `head`.")
    head: LocalText | None = Field(
        None, description="With `authority`: whom the reviewer signs for, e.g. 'Cục trưởng' "
        "(printed 'KT. CỤC TRƯỞNG' above the reviewer's own position).")
    symbol: str | None = Field(
        None, pattern=SYMBOL, description="The issuing body's official abbreviation in the "
        "report's symbol 'Số: 12/BC-<symbol>', e.g. 'CATTT'; made from the initials of its "
        "name when not given.")
    number: str | None = Field(
        None, pattern=DOC_NUMBER, description="The appraisal report's registration number, "
        "digits only; left blank for the records office to fill in when not given.")
    recipients: list[LocalText] = Field(
        default_factory=list, description="'Nơi nhận' lines before 'Lưu: VT', e.g. 'Bộ trưởng "
        "(để báo cáo)'; the submitting body is always the first.")
    drafting_unit: str | None = Field(
        None, pattern=SYMBOL, description="Abbreviation of the unit that drafted the review, "
        "in the line 'Lưu: VT, <unit>.', e.g. 'QLATTT'.")


class Override(Strict):
    """The reviewer's own status for a control, with the reason."""

    status: Status = Field(description="Status the reviewer assigns.")
    rationale: str = Field(min_length=1, description="Why the reviewer sets this status "
                           "(required: an override without a reason is refused).")
    basis: str | None = Field(
        None, pattern=r"^[0-9a-f]{64}$", description="SHA-256 of what the engine saw for this "
        "control when the override was written (answer, evidence, rule and facts), so `assess "
        "review carry` can tell whether a resubmitted proposal changed them; written by the tool.")


CONDITION_ID = r"^[A-Z][A-Z0-9]{0,9}-[0-9]{1,4}$"


class Condition(Strict):
    """A condition attached to approval."""

    id: str | None = Field(None, pattern=CONDITION_ID, description="Stable id that events and "
                           "later reviews use to name this condition, e.g. 'DK-1'.")
    text: LocalText = Field(description="What must be done.")
    control: str | None = Field(None, description="Control it concerns, if any.")
    owner: str | None = Field(None, min_length=1, max_length=200, description="Who must do it: "
                              "a unit of the province, e.g. 'Sở Khoa học và Công nghệ'.")
    due: dt.date | None = Field(None, description="Deadline.")
    status: Literal["open", "met", "waived"] = Field(
        "open", description="open (still to do), met (done, as the reviewer accepts) or waived "
        "(no longer required, by the reviewer's decision).")


class Decision(Strict):
    """The reviewer's decision, if they state one."""

    verdict: Literal["approve", "conditional", "reject"] = Field(description="Decided verdict.")
    rationale: str | None = Field(None, description="Required when it differs from the computed "
                                  "verdict.")
    exception: bool = Field(False, description="true for a decision better than the controls "
                            "allow — against failing blockers, or with overrides that raise a "
                            "rule's result or a blocker: the report then titles it an exception "
                            "and lists what was overridden. Needs a rationale and an authority.")
    authority: str | None = Field(None, description="The legal authority an exception relies on, "
                                  "e.g. the decision or article that allows it (required with "
                                  "exception: true).")


class Review(Strict):
    """A reviewer's re-assessment (`kind: review`)."""

    kind: Literal["review"] = Field(description="Always 'review'.")
    schema_version: Literal[1] = Field(description="Version of this document format; currently 1.")
    proposal: ProposalRef = Field(description="The reviewed proposal.")
    reviewer: Reviewer = Field(description="The reviewer.")
    reviewed_on: dt.date = Field(description="Date of the review.")
    overrides: dict[str, Override] = Field(default_factory=dict,
                                           description="Reviewer's status per control id.")
    conditions: list[Condition] = Field(default_factory=list, description="Conditions of approval.")
    decision: Decision | None = Field(None, description="The reviewer's decision.")

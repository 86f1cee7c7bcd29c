"""The report's typed view model: what the template prints, already worded and formatted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup

from assess.core.i18n import Lang


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    cls: str = ""
    badge: str | None = None
    """A short mark printed after the text (e.g. 'blocker')."""


@dataclass(frozen=True, slots=True)
class Table:
    """A table: header texts, one CSS class per column (for widths), rows of cells."""

    head: list[str]
    cols: list[str]
    rows: list[list[Cell]]
    cls: str = ""


@dataclass(frozen=True, slots=True)
class Pair:
    label: str
    value: str
    cls: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    anchor: str
    label: str
    """Numbered title as printed, e.g. 'I. Tóm tắt và kết luận'."""


@dataclass(frozen=True, slots=True)
class Header:
    parent: str | None
    body: str
    number: str
    nation: str
    motto: str
    place_date: str
    kind: str
    title: str
    subject: str


@dataclass(frozen=True, slots=True)
class Summary:
    verdict: str
    verdict_cls: str
    score: str
    risk: str
    risk_cls: str
    reasons: list[str]
    facts: list[Pair]


@dataclass(frozen=True, slots=True)
class Citation:
    text: str
    to_confirm: str | None


@dataclass(frozen=True, slots=True)
class FindingView:
    id: str
    severity: str
    severity_cls: str
    blocker: str | None
    kind: str
    message: str
    control: str | None
    control_id: str | None
    requirement: str | None
    legal: list[Citation]
    legal_note: str | None
    """What stands in the legal-basis row of a control that cites no law: good practice."""
    paths: list[str]
    """The data paths of the finding's hits, one line each, as printed (node names)."""
    more_paths: str | None
    """How many more paths the finding has than the report prints, or None."""
    data: str | None
    evidence_label: str
    evidence: list[str]
    remediation: str | None


@dataclass(frozen=True, slots=True)
class LegendItem:
    """One entry of the diagram's legend: a small picture (SVG made by assess.outputs.diagram from
    constants, cleaned) and what it means."""

    swatch: Markup
    text: str


@dataclass(frozen=True, slots=True)
class ReviewView:
    """The review beside the self-assessment: verdicts compared, the reviewer's overrides, who
    reviewed and when, the decision and the conditions."""

    compare: Table
    overrides: Table
    reviewer: list[Pair]
    conditions: Table


@dataclass(frozen=True, slots=True)
class Signature:
    authority: str | None
    """'KT. CỤC TRƯỞNG' when the signer signs for another (Decree 30/2020 Art. 13)."""
    position: str
    hint: str
    name: str
    recipients_title: str
    recipients: list[str]


@dataclass(frozen=True, slots=True)
class Meta:
    """What the PDF's metadata says (title, author = issuing body, subject, language, dates)."""

    title: str
    author: str
    subject: str
    keywords: str
    lang: str
    created: str
    generator: str


@dataclass(frozen=True, slots=True)
class ReportView:
    lang: Lang
    meta: Meta
    words: Mapping[str, str]
    header: Header
    toc: list[Section]
    sections: Mapping[str, Section]
    summary: Summary
    scope: list[Pair]
    services: Table
    inventory: Table
    subjects: Table
    zones: Table
    facts: list[Pair]
    diagram: Markup | None
    """The data-flow SVG, cleaned and sized for its page."""
    diagram_wide: bool
    """True when the diagram is shown larger on a landscape page."""
    diagram_scale: float
    diagram_note: str
    """What stands where the diagram would be when there is none, and why."""
    """The scale the diagram is shown at (1 = Graphviz's own size: 10 pt node names)."""
    diagram_legend: list[LegendItem]
    flows: Table
    exposure: Table
    exposure_legend: list[Pair]
    domains: Table
    domain_chart: Markup
    risk_chart: Markup
    risk_notes: list[Pair]
    findings: list[FindingView]
    to_confirm: list[str]
    """The citations printed with the to-confirm mark, listed once in Annex II."""
    review: ReviewView | None
    closing: str
    signature: Signature
    controls: Table
    identity: list[Pair]
    method: str
    method_tables: list[Table] = field(default_factory=list)

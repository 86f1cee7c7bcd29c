"""The national picture: one row per assessed proposal, domain scores by province, and which
operator in which country holds how many people's data.

Pure over assessments already made (the same objects every output renders), the catalog (is
there a newer release of the checklist?) and the legal register (has any instrument the
checklist cites ended on the day?). No output is drawn here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from assess.checklists.catalog import Catalog
from assess.checklists.loading import resolve_checklist
from assess.core import semver
from assess.core.errors import AssessError
from assess.core.text import vietnamese_order
from assess.documents.loading import Loaded
from assess.documents.models import LegalRegister
from assess.engine.result import Assessment
from assess.legal.checks import controls_law

PEOPLE_DATA = ("personal", "sensitive-personal")


@dataclass(frozen=True, slots=True)
class Row:
    """One proposal as the ministry's overview shows it."""

    proposal: str
    file: str | None
    province: dict[str, str]
    """The submitting body as the proposal names it ('UBND tỉnh Cao Bằng')."""
    place: dict[str, str]
    """Its short name, for tables ('Cao Bằng')."""
    channel: dict[str, str]
    platform: str | None
    checklist: str
    state: Literal["self-assessed", "reviewed"]
    self_verdict: str
    reviewed_verdict: str | None
    verdict: str
    """The verdict in force: the reviewed one when reviewed ('approve.exception' for an
    exception), else the province's own."""
    score: float
    risk: str
    failing_blockers: tuple[str, ...]
    conditions_open: int
    conditions_overdue: int
    newer_checklist: str | None
    """A released version of the checklist newer than the one assessed against."""
    law_ended: tuple[str, ...]
    """Register ids the checklist cites that are no longer in force on the day."""
    domains: dict[str, float]

    @property
    def superseded(self) -> bool:
        return self.newer_checklist is not None or bool(self.law_ended)


@dataclass(slots=True)
class Exposure:
    """How many people's data one operator in one country stores or can read, across the
    country's proposals (each proposal counted once per operator, its data subjects summed)."""

    operator: str
    country: str
    personal: int = 0
    sensitive: int = 0
    proposals: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Portfolio:
    on: dt.date
    rows: list[Row]
    domains: list[tuple[str, dict[str, str]]]
    """The heat map's columns: domain id and name, in checklist order."""
    exposure: list[Exposure]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "portfolio", "on": self.on.isoformat(),
                "domains": [{"id": d, "name": n} for d, n in self.domains],
                "rows": [{**asdict(r), "superseded": r.superseded} for r in self.rows],
                "exposure": [asdict(e) for e in self.exposure]}


_PREFIXES = ("UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân ", "tỉnh ", "Tỉnh ", "thành phố ",
             "Thành phố ")
_SUFFIXES = (" Provincial People's Committee", " City People's Committee", " People's Committee")


def short(name: dict[str, str]) -> dict[str, str]:
    """'UBND tỉnh Cao Bằng' → 'Cao Bằng', 'Hà Nội City People's Committee' → 'Hà Nội'; any
    other body's name as it is."""
    vi = name["vi"]
    for prefix in _PREFIXES:
        vi = vi.removeprefix(prefix)
    en = name["en"]
    for suffix in _SUFFIXES:
        en = en.removesuffix(suffix)
    return {"vi": vi or name["vi"], "en": en or name["en"]}


def _text(value: Any) -> dict[str, str]:
    return {"vi": value.vi, "en": value.en or value.vi} if value is not None else {"vi": "", "en": ""}


def _newer(a: Assessment, catalog: Catalog) -> str | None:
    version = a.checklist.version
    if version is None:
        return None
    try:
        latest = resolve_checklist(f"{a.checklist.id}@latest", catalog)
    except AssessError:  # the checklist is not in this catalog (a file given by hand)
        return None
    newer = semver.parse(latest.doc.version) > semver.parse(version)
    return f"{latest.doc.id}@{latest.doc.version}" if newer else None


def _law_ended(a: Assessment, catalog: Catalog, register: Loaded[LegalRegister],
               on: dt.date) -> tuple[str, ...]:
    ref = f"{a.checklist.id}@{a.checklist.version}" if a.checklist.version else None
    if ref is None:
        return ()
    try:
        cl = resolve_checklist(ref, catalog, register=register)
    except AssessError:
        return ()
    return tuple(dict.fromkeys(g for c in controls_law(cl.doc, register.doc, on) for g in c.gone))


def row(a: Assessment, on: dt.date, catalog: Catalog, register: Loaded[LegalRegister]) -> Row:
    reviewed = a.review is not None
    self_verdict = a.self_assessment.verdict.value if a.self_assessment else a.verdict.value
    conditions = a.review.conditions if a.review else []
    still = [c for c in conditions if c.status == "open"]
    return Row(
        proposal=a.proposal.id, file=a.proposal.file,
        province=_text(a.scope.submitted_by.organization),
        place=short(_text(a.scope.submitted_by.organization)), channel=_text(a.scope.channel.name),
        platform=f"{a.platform.id}@{a.platform.version}" if a.platform else None,
        checklist=f"{a.checklist.id}@{a.checklist.version}",
        state="reviewed" if reviewed else "self-assessed", self_verdict=self_verdict,
        reviewed_verdict=a.verdict.value if reviewed else None, verdict=a.verdict_key,
        score=float(a.score), risk=a.risk.rating, failing_blockers=tuple(a.failing_blockers()),
        conditions_open=len(still),
        conditions_overdue=sum(1 for c in still if c.due is not None and c.due < on),
        newer_checklist=_newer(a, catalog), law_ended=_law_ended(a, catalog, register, on),
        domains={d.id: float(d.score) for d in a.domains if d.score is not None})


def _exposure(assessments: Sequence[Assessment]) -> list[Exposure]:
    found: dict[tuple[str, str], Exposure] = {}
    for a in assessments:
        people = sum(g.count for g in a.scope.data_subjects)
        held: dict[tuple[str, str], set[str]] = {}
        for e in a.exposure:
            # The citizens' own devices hold their own data, not others': no operator's holding.
            if e.data_class in PEOPLE_DATA and e.trust != "untrusted" and (e.at_rest or not e.e2e):
                held.setdefault((e.operator, e.country), set()).add(e.data_class)
        for key, classes in held.items():
            entry = found.setdefault(key, Exposure(*key))
            entry.personal += people
            entry.sensitive += people if "sensitive-personal" in classes else 0
            entry.proposals.append(a.proposal.id)
    return sorted(found.values(), key=lambda e: (-e.personal, -e.sensitive, e.operator,
                                                 e.country))


def build(assessments: Sequence[Assessment], *, on: dt.date, catalog: Catalog,
          register: Loaded[LegalRegister]) -> Portfolio:
    """The portfolio of `assessments` as it stands on `on`, rows by place in Vietnamese
    dictionary order, then proposal."""
    rows = sorted((row(a, on, catalog, register) for a in assessments),
                  key=lambda r: (vietnamese_order(r.place["vi"]), r.proposal))
    domains: dict[str, dict[str, str]] = {}
    for a in assessments:
        for d in a.domains:
            domains.setdefault(d.id, _text(d.title))
    return Portfolio(on, rows, list(domains.items()), _exposure(assessments))


__all__ = ["Exposure", "Portfolio", "Row", "build", "row"]

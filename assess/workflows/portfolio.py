"""The national picture: one row per assessed proposal, domain scores by province, and which
operator in which country holds how many people's data.

Pure over assessments already made (the same objects every output renders), the catalog (is
there a newer release of the checklist?) and the legal register (has any instrument the
checklist cites ended on the day?). No output is drawn here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, TypeVar

from assess.checklists.catalog import PLATFORMS, Catalog
from assess.checklists.loading import resolve_checklist, resolve_platform
from assess.core import semver
from assess.core.errors import AssessError
from assess.core.i18n import LANGS
from assess.core.text import vietnamese_order
from assess.documents.loading import Loaded
from assess.documents.models import LegalRegister
from assess.engine.result import Assessment, DocRef
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
    newer_platform: str | None = None
    """A released version of the platform profile newer than the one assessed against."""
    assessed_on: dt.date | None = None
    """The day the assessment speaks for: the review's, else the proposal's submission."""
    update_due: dt.date | None = None
    """Six months later, counted from no earlier than the law's entry into force: the update Law
    91/2025 Art. 22 asks for (sooner on specified changes)."""
    thresholds: dict[str, float] = field(default_factory=dict)
    """The checklist's own approve and conditional thresholds (the heat map's colours)."""
    key: str | None = None
    """The caller's name for where the assessment comes from, so that a row links back to it
    (the workspace's '/dossiers/12'); None from files, which `file` names."""

    def update_is_due(self, on: dt.date) -> bool:
        """The six-monthly update is due on `on`; a rejected channel is not in use: it has
        nothing to update, only to redo."""
        return (self.update_due is not None and self.update_due <= on
                and not self.verdict.startswith("reject"))

    @property
    def superseded(self) -> bool:
        return (self.newer_checklist is not None or self.newer_platform is not None
                or bool(self.law_ended))


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
                "rows": [_plain({**asdict(r), "superseded": r.superseded}) for r in self.rows],
                "exposure": [asdict(e) for e in self.exposure]}


def _plain(value: Any) -> Any:
    """A dataclass's dict as JSON holds it: days as YYYY-MM-DD, tuples as lists."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


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
    return _pair(vi or name["vi"], en or name["en"])


def _pair(vi: str, en: str) -> dict[str, str]:
    """A text in both languages, as the outputs read it (a proposal's words, not a word table:
    those live in assess.core.i18n)."""
    return {LANGS[0]: vi, LANGS[1]: en}


def _text(value: Any) -> dict[str, str]:
    return _pair(value.vi, value.en or value.vi) if value is not None else _pair("", "")


UPDATE_MONTHS = 6
"""Law 91/2025/QH15 Art. 22: an impact assessment is updated every six months (at once on the
changes it lists); Decree 356/2025 Art. 20's details are still to confirm (legal-vn.md)."""


UPDATE_LAW = "law-91-2025"


def _law_from(register: Loaded[LegalRegister]) -> dt.date:
    """The day the update duty starts: Law 91/2025's entry into force, from the register (an
    assessment made before it is counted from then, not from its own day)."""
    inst = register.doc.by_id().get(UPDATE_LAW)
    return inst.in_force if inst is not None and inst.in_force else dt.date.min


def months_later(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day (31 Aug + 6 months = 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _newer(ref: DocRef | None, catalog: Catalog,
           resolve: Callable[[str, Catalog], Loaded[Any]]) -> str | None:
    """The id@version of a released version newer than `ref`, if the catalog has one."""
    if ref is None or ref.version is None:
        return None
    try:
        latest = resolve(f"{ref.id}@latest", catalog)
    except AssessError:  # not in this catalog (a file given by hand)
        return None
    newer = semver.parse(latest.doc.version) > semver.parse(ref.version)
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
    # A repealed instrument kept beside its replacement is fine (`ControlLaw.in_force`): only
    # a control left with no citation in force calls for a re-assessment.
    return tuple(dict.fromkeys(g for c in controls_law(cl.doc, register.doc, on)
                               if not c.in_force for g in c.gone))


_T = TypeVar("_T")


class Asked:
    """What the rows of one portfolio ask the catalogs and the register, asked once per
    checklist or profile version: reading a catalog's lock files is most of a row's cost, and
    34 provinces answer two or three versions between them."""

    def __init__(self, on: dt.date, catalog: Catalog, register: Loaded[LegalRegister],
                 platforms: Catalog | None) -> None:
        self.on, self.catalog, self.register = on, catalog, register
        self.platforms = platforms or Catalog(shelf=PLATFORMS)
        self._known: dict[tuple[str, str, str | None], Any] = {}

    def _once(self, what: str, ref: DocRef | None, make: Callable[[], _T]) -> _T:
        key = (what, ref.id if ref else "", ref.version if ref else None)
        if key not in self._known:
            self._known[key] = make()
        found: _T = self._known[key]
        return found

    def newer_checklist(self, a: Assessment) -> str | None:
        return self._once("checklist", a.checklist,
                          lambda: _newer(a.checklist, self.catalog, resolve_checklist))

    def newer_platform(self, a: Assessment) -> str | None:
        return self._once("platform", a.platform,
                          lambda: _newer(a.platform, self.platforms, resolve_platform))

    def law_ended(self, a: Assessment) -> tuple[str, ...]:
        return self._once("law", a.checklist,
                          lambda: _law_ended(a, self.catalog, self.register, self.on))


def row(a: Assessment, on: dt.date, catalog: Catalog, register: Loaded[LegalRegister],
        platforms: Catalog | None = None, key: str | None = None,
        asked: Asked | None = None) -> Row:
    ask = asked or Asked(on, catalog, register, platforms)
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
        newer_checklist=ask.newer_checklist(a), law_ended=ask.law_ended(a),
        domains={d.id: float(d.score) for d in a.domains if d.score is not None},
        newer_platform=ask.newer_platform(a),
        assessed_on=a.as_of, update_due=months_later(max(a.as_of, _law_from(register)),
                                                     UPDATE_MONTHS),
        thresholds=dict(a.thresholds), key=key)


@dataclass(frozen=True, slots=True)
class Holding:
    """What one proposal's operators hold: for each operator and country the classes of
    people's data it stores or can read, and how many people the proposal serves."""

    proposal: str
    people: int
    held: tuple[tuple[tuple[str, str], frozenset[str]], ...]


def holding(a: Assessment) -> Holding:
    held: dict[tuple[str, str], set[str]] = {}
    for e in a.exposure:
        # People's own devices hold their own data, not others': no operator's holding. Any
        # other zone counts, an untrusted one included (marking a system untrusted must not
        # take its operator out of the national picture).
        if e.data_class in PEOPLE_DATA and not e.own and (e.at_rest or not e.e2e):
            held.setdefault((e.operator, e.country), set()).add(e.data_class)
    return Holding(a.proposal.id, sum(g.count for g in a.scope.data_subjects),
                   tuple((k, frozenset(v)) for k, v in held.items()))


def _exposure(holdings: Sequence[Holding]) -> list[Exposure]:
    found: dict[tuple[str, str], Exposure] = {}
    for h in holdings:
        for key, classes in h.held:
            entry = found.setdefault(key, Exposure(*key))
            entry.personal += h.people
            entry.sensitive += h.people if "sensitive-personal" in classes else 0
            entry.proposals.append(h.proposal)
    return sorted(found.values(), key=lambda e: (-e.personal, -e.sensitive, e.operator,
                                                 e.country))


def _keys(assessments: Sequence[Assessment], keys: Sequence[str | None] | None
          ) -> Sequence[str | None]:
    if keys is not None and len(keys) != len(assessments):
        raise ValueError("one key per assessment")
    return keys if keys is not None else [None] * len(assessments)


def build(assessments: Sequence[Assessment], *, on: dt.date, catalog: Catalog,
          register: Loaded[LegalRegister], platforms: Catalog | None = None,
          keys: Sequence[str | None] | None = None) -> Portfolio:
    """The portfolio of `assessments` as it stands on `on`, rows by place in Vietnamese
    dictionary order, then proposal; `keys` (one per assessment) name where each comes from."""
    return assemble(on, in_order(counted(assessments, on=on, catalog=catalog, register=register,
                                         platforms=platforms, keys=keys)))


def in_order(found: Sequence[Counted]) -> list[Counted]:
    """By place in Vietnamese dictionary order, then proposal."""
    return sorted(found, key=lambda c: (vietnamese_order(c.row.place["vi"]), c.row.proposal))


def assemble(on: dt.date, found: Sequence[Counted]) -> Portfolio:
    """A portfolio of what was counted, its rows in the order given, with the heat map's
    columns and the operators' exposure of those rows."""
    domains: dict[str, dict[str, str]] = {}
    for c in found:
        for d, title in c.domains:
            domains.setdefault(d, title)
    return Portfolio(on, [c.row for c in found], list(domains.items()),
                     _exposure([c.holding for c in found]))


@dataclass(frozen=True, slots=True)
class Overdue:
    """An open condition past its day."""

    proposal: str
    place: dict[str, str]
    id: str | None
    text: dict[str, str]
    control: str | None
    owner: str | None
    due: dt.date
    days: int
    key: str | None = None
    """Where the assessment comes from, as `Row.key`."""


@dataclass(frozen=True, slots=True)
class Counted:
    """What the portfolio and the due list keep of one assessment: its row, what its
    operators hold, its domains' names, its conditions past their day. A few kilobytes where
    the assessment is hundreds, so a workspace can keep every dossier's in memory."""

    row: Row
    holding: Holding
    domains: tuple[tuple[str, dict[str, str]], ...]
    late: tuple[Overdue, ...]


def count(a: Assessment, on: dt.date, catalog: Catalog, register: Loaded[LegalRegister],
          platforms: Catalog | None = None, key: str | None = None,
          asked: Asked | None = None) -> Counted:
    late = tuple(Overdue(a.proposal.id, short(_text(a.scope.submitted_by.organization)), c.id,
                         _text(c.text), c.control, c.owner, c.due, (on - c.due).days, key)
                 for c in (a.review.conditions if a.review is not None else [])
                 if c.status == "open" and c.due is not None and c.due < on)
    return Counted(row(a, on, catalog, register, platforms, key, asked), holding(a),
                   tuple((d.id, _text(d.title)) for d in a.domains), late)


def counted(assessments: Sequence[Assessment], *, on: dt.date, catalog: Catalog,
            register: Loaded[LegalRegister], platforms: Catalog | None = None,
            keys: Sequence[str | None] | None = None) -> list[Counted]:
    """Each assessment counted, in the order given (the catalogs asked once per version)."""
    asked = Asked(on, catalog, register, platforms)
    return [count(a, on, catalog, register, platforms, k, asked)
            for a, k in zip(assessments, _keys(assessments, keys), strict=True)]


@dataclass(slots=True)
class Due:
    """What is due on a day: conditions past their day, assessments due for their six-monthly
    update, and assessments a newer checklist or profile, or ended law, calls to re-assess."""

    on: dt.date
    conditions: list[Overdue]
    updates: list[Row]
    changed: list[Row]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "due", "on": self.on.isoformat(),
                "conditions": [_plain(asdict(c)) for c in self.conditions],
                "updates": [_plain({**asdict(r), "superseded": r.superseded})
                            for r in self.updates],
                "changed": [_plain({**asdict(r), "superseded": r.superseded})
                            for r in self.changed]}


def due(assessments: Sequence[Assessment], *, on: dt.date, catalog: Catalog,
        register: Loaded[LegalRegister], platforms: Catalog | None = None,
        keys: Sequence[str | None] | None = None) -> Due:
    return due_of(on, counted(assessments, on=on, catalog=catalog, register=register,
                              platforms=platforms, keys=keys))


def due_of(on: dt.date, found: Sequence[Counted]) -> Due:
    """What is due on `on` among what was counted (on that day)."""
    rows = [c.row for c in in_order(found)]
    late = [o for c in found for o in c.late]
    late.sort(key=lambda c: (-c.days, vietnamese_order(c.place["vi"]), c.id or ""))
    updates = sorted((r for r in rows if r.update_is_due(on)),
                     key=lambda r: (r.update_due or on, vietnamese_order(r.place["vi"])))
    return Due(on, late, updates, [r for r in rows if r.superseded])


__all__ = ["UPDATE_MONTHS", "Asked", "Counted", "Due", "Exposure", "Holding", "Overdue", "Portfolio", "Row",
           "assemble", "build", "count", "counted", "due", "due_of", "holding", "in_order",
           "months_later", "row"]

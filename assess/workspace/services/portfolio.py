"""The national picture in the workspace: the portfolio and what is due, over the dossiers the
actor may see (every one for the ministry, its own for a province).

Each dossier stands by its latest version: the reviewed assessment once decided — its review
file as it stands today, so a condition met yesterday is not counted open — else the province's
own. The rows, heat map and exposure are `workflows.portfolio`'s, the same objects the CLI and
the PDF render; each row keeps the dossier's address as its key, so the page links back.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from assess.checklists.catalog import PLATFORMS, Catalog
from assess.core.memo import by_name
from assess.core.text import vietnamese_order
from assess.documents.loading import Loaded
from assess.documents.models import LegalRegister
from assess.workflows import portfolio as work
from assess.workflows.portfolio import Counted, Due, Portfolio, Row
from assess.workspace.services import decisions, dossiers
from assess.workspace.services.access import Actor
from assess.workspace.storage import blobs
from assess.workspace.storage.database import Database
from assess.workspace.storage.schema import Decision, Dossier, Organisation, Version


@dataclass(frozen=True, slots=True)
class Entry:
    """A dossier as the portfolio counts it."""

    key: str
    """Its address in the workspace ('/dossiers/12'): the row's key."""
    dossier: int
    title: str
    organisation: str
    organisation_name: str
    state: str
    """The dossier's state in the workspace (draft … decided)."""
    version: int
    number: int
    counted: Counted
    """Its row, holdings and late conditions as of the day asked."""


@functools.cache
def _register() -> Loaded[LegalRegister]:
    from assess.legal.register import load_register

    return load_register()


def catalogs() -> dict[str, Any]:
    """What a stored version is assessed against: the shipped checklists, profiles and
    register (the same the upload is validated with)."""
    return {"catalog": Catalog(), "register": _register(), "platforms": Catalog(shelf=PLATFORMS)}


@by_name(4096, named_by=5)  # (proposal sha, file name, review sha, day, key)
def _counted(sha: str, name: str, review: str, on: dt.date, key: str,
             make: Callable[[], Counted]) -> Counted:
    return make()


def entries(db: Database, actor: Actor | None, on: dt.date) -> tuple[list[Entry], int]:
    """The dossiers `actor` may see that hold a version, counted as of `on`, and how many
    hold none yet. What is counted is kept per version, review and day: a few kilobytes each,
    so a page over every dossier does not depend on the assessments' own (larger) caches."""
    asked = work.Asked(on, **catalogs())
    with db.sessions() as s:
        q = select(Dossier, Organisation.name).join(
            Organisation, Organisation.id == Dossier.organisation_id).order_by(Dossier.id)
        if actor is not None and actor.province:
            q = q.where(Dossier.organisation_id == actor.organisation_id)
        found = s.execute(q).all()
        latest = {v.dossier_id: v for v in s.execute(
            select(Version).where(Version.dossier_id.in_([d.id for d, _ in found]))
            .order_by(Version.number)).scalars()}
        decided = set(s.execute(select(Decision.version_id).where(
            Decision.version_id.in_([v.id for v in latest.values()]))).scalars())
        out, waiting = [], 0
        for d, name in found:
            v = latest.get(d.id)
            if v is None:
                waiting += 1
                continue
            key = f"/dossiers/{d.id}"
            raw = decisions.review_file(db, actor, v.id) if v.id in decided else None

            def make(v: Version = v, key: str = key, reviewed: bool = raw is not None
                     ) -> Counted:
                a = (decisions.current(db, actor, v.id) if reviewed else None) \
                    or dossiers.stored_assessment(s, v)
                return work.count(a, on, asked.catalog, asked.register, asked.platforms, key,
                                  asked)

            c = _counted(v.proposal_sha, v.filename, blobs.sha256(raw) if raw else "", on, key,
                         make)
            out.append(Entry(key, d.id, d.title, d.organisation_id, name, d.state, v.id,
                             v.number, c))
    return out, waiting


RISKS = ("low", "medium", "high", "critical")
VERDICTS = ("approve", "conditional", "reject")
ATTENTION = ("blockers", "overdue", "superseded", "update")
"""What a reviewer may narrow the portfolio to: failing blockers, overdue conditions, to
re-assess (newer checklist or profile, ended law), update due (six months)."""


@dataclass(frozen=True, slots=True)
class Filters:
    """What the portfolio is narrowed to; an empty field keeps everything."""

    organisation: str = ""
    platform: str = ""
    verdict: str = ""
    state: str = ""
    risk: str = ""
    attention: str = ""

    @property
    def any(self) -> bool:
        return any((self.organisation, self.platform, self.verdict, self.state, self.risk,
                    self.attention))

    def keeps(self, e: Entry, r: Row, on: dt.date) -> bool:
        needs = {"": True, "blockers": bool(r.failing_blockers),
                 "overdue": r.conditions_overdue > 0, "superseded": r.superseded,
                 "update": r.update_is_due(on)}
        return ((not self.organisation or e.organisation == self.organisation)
                and (not self.platform or (r.platform or "").partition("@")[0] == self.platform)
                and (not self.verdict or r.verdict.partition(".")[0] == self.verdict)
                and (not self.state or e.state == self.state)
                and (not self.risk or r.risk == self.risk)
                and needs.get(self.attention, False))


_SORTS: dict[str, Callable[[Row, Entry], Any]] = {
    "place": lambda r, e: (vietnamese_order(r.place["vi"]), r.proposal, e.dossier),
    "platform": lambda r, e: (r.platform or "", vietnamese_order(r.place["vi"])),
    "state": lambda r, e: (dossiers.STATES.index(e.state), vietnamese_order(r.place["vi"])),
    "verdict": lambda r, e: (VERDICTS.index(r.verdict.partition(".")[0]), -r.score),
    "score": lambda r, e: (r.score, vietnamese_order(r.place["vi"])),
    "risk": lambda r, e: (RISKS.index(r.risk), -r.score),
    "failing_blockers": lambda r, e: (len(r.failing_blockers), -r.score),
    "conditions_open": lambda r, e: (r.conditions_open, r.conditions_overdue),
    "conditions_overdue": lambda r, e: (r.conditions_overdue, r.conditions_open),
    "superseded": lambda r, e: (r.superseded, len(r.law_ended)),
    "update_due": lambda r, e: (r.update_due or dt.date.max, vietnamese_order(r.place["vi"])),
}
SORTS = tuple(_SORTS)


@dataclass(frozen=True, slots=True)
class Overview:
    portfolio: Portfolio
    """The rows kept, in the order asked; the heat map and exposure of those rows."""
    entries: dict[str, Entry]
    """Every dossier counted, by key (the rows' links)."""
    total: int
    """Dossiers holding a version, before the filters."""
    waiting: int
    """Dossiers without a version yet (nothing to assess)."""
    organisations: list[tuple[str, str]]
    platforms: list[str]


def overview(db: Database, actor: Actor | None, on: dt.date, filters: Filters | None = None,
             sort: str = "place", descending: bool = False) -> Overview:
    """The portfolio of what `actor` may see, narrowed by `filters` and sorted by `sort` (a
    key of SORTS; an unknown one sorts by place)."""
    filters = filters or Filters()
    found, waiting = entries(db, actor, on)
    by_key = {e.key: e for e in found}
    kept = [c for c in work.in_order([e.counted for e in found])
            if filters.keeps(by_key[str(c.row.key)], c.row, on)]
    order = _SORTS.get(sort, _SORTS["place"])
    kept.sort(key=lambda c: order(c.row, by_key[str(c.row.key)]), reverse=descending)
    return Overview(work.assemble(on, kept), by_key, len(found), waiting,
                    sorted({(e.organisation, e.organisation_name) for e in found},
                           key=lambda o: vietnamese_order(o[1])),
                    sorted({(e.counted.row.platform or "").partition("@")[0]
                            for e in found} - {""}))


def due_of(db: Database, actor: Actor | None, on: dt.date) -> tuple[Due, dict[str, Entry]]:
    """What is due on `on` among the dossiers `actor` may see, and the dossiers by key."""
    found, _ = entries(db, actor, on)
    return work.due_of(on, [e.counted for e in found]), {e.key: e for e in found}


__all__ = ["ATTENTION", "RISKS", "SORTS", "VERDICTS", "Entry", "Filters", "Overview",
           "catalogs", "due_of", "entries", "overview"]

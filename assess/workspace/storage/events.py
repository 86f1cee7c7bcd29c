"""The append-only event log, each entry chained to the one before by SHA-256.

An entry's hash covers its number, time, actor, action, object, the hashes before and after,
its detail and the previous entry's hash: changing, removing or reordering any entry breaks
every link after it, which `verify` finds. Entries are written in the transaction of the change
they record, after taking the chain head's row lock, so concurrent writers (threads, or several
processes on one PostgreSQL) line up instead of forking the chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assess.workspace.storage.schema import ChainHead, Event

GENESIS = "0" * 64


def now() -> dt.datetime:
    """The current moment in UTC, to the microsecond (what is stored and hashed)."""
    return dt.datetime.now(dt.UTC)


def _moment(at: dt.datetime) -> str:
    """One spelling of a moment for the hash, whatever timezone the database hands back."""
    if at.tzinfo is None:  # SQLite returns naive datetimes: they were stored in UTC
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(detail: Mapping[str, Any]) -> str:
    return json.dumps(detail, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest(seq: int, at: dt.datetime, actor_id: int | None, action: str, object_type: str,
           object_id: str, dossier_id: int | None, before_sha: str | None, after_sha: str | None,
           detail: str, prev: str) -> str:
    fields = [seq, _moment(at), actor_id, action, object_type, object_id, dossier_id, before_sha,
              after_sha, detail, prev]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
                          .encode()).hexdigest()


def record(session: Session, *, actor_id: int | None, action: str, object_type: str,
           object_id: str | int, dossier_id: int | None = None, before_sha: str | None = None,
           after_sha: str | None = None, detail: Mapping[str, Any] | None = None) -> Event:
    """Append one event in `session`'s transaction (the caller commits it with its change)."""
    head = session.execute(select(ChainHead).where(ChainHead.id == 1).with_for_update()).scalar_one()
    at = now()
    text = canonical(detail or {})
    seq = head.seq + 1
    h = digest(seq, at, actor_id, action, object_type, str(object_id), dossier_id, before_sha,
               after_sha, text, head.hash)
    ev = Event(seq=seq, at=at, actor_id=actor_id, action=action, object_type=object_type,
               object_id=str(object_id), dossier_id=dossier_id, before_sha=before_sha,
               after_sha=after_sha, detail=text, prev=head.hash, hash=h)
    session.add(ev)
    head.seq, head.hash = seq, h
    session.flush()
    return ev


@dataclass(frozen=True, slots=True)
class Break:
    """Where the chain does not hold: the entry's number and what is wrong with it."""

    seq: int
    reason: str
    """'hash' (the entry is not what was hashed), 'link' (it does not follow the one before),
    'gap' (an entry is missing before it) or 'head' (the last entry is not the recorded head)."""


@dataclass(frozen=True, slots=True)
class ChainCheck:
    events: int
    head: str
    breaks: list[Break]

    @property
    def ok(self) -> bool:
        return not self.breaks


def _all(session: Session, batch: int = 1000) -> Iterator[Event]:
    last = 0
    while True:
        rows = session.execute(select(Event).where(Event.seq > last).order_by(Event.seq)
                               .limit(batch)).scalars().all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq


def verify(session: Session) -> ChainCheck:
    """Recompute every hash and link, in order, in batches (a log of millions fits)."""
    breaks: list[Break] = []
    prev, expected, n = GENESIS, 1, 0
    for ev in _all(session):
        n += 1
        if ev.seq != expected:
            breaks.append(Break(ev.seq, "gap"))
        if ev.prev != prev:
            breaks.append(Break(ev.seq, "link"))
        if digest(ev.seq, ev.at, ev.actor_id, ev.action, ev.object_type, ev.object_id,
                  ev.dossier_id, ev.before_sha, ev.after_sha, ev.detail, ev.prev) != ev.hash:
            breaks.append(Break(ev.seq, "hash"))
        prev, expected = ev.hash, ev.seq + 1
    head = session.get(ChainHead, 1)
    if head is None or head.hash != prev or head.seq != expected - 1:
        breaks.append(Break(expected - 1, "head"))
    return ChainCheck(n, prev, breaks)


__all__ = ["GENESIS", "Break", "ChainCheck", "canonical", "digest", "now", "record", "verify"]

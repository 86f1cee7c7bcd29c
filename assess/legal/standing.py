"""Whether an instrument is law on a given day, from the register's facts alone.

Four states: in force, not yet in force, ended, or unknown (no day of entry into force is
recorded). Each says whether the facts behind it are confirmed. An ending with no recorded day is
taken to run from the day its replacement is known to exist — its day of issue or entry into
force, or else the day the register last checked its facts, when it was reported — and is always
to confirm: a checklist re-sources a citation early rather than rest on law that may have gone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from assess.documents.models.legal import Instrument, LegalRegister

State = Literal["in-force", "not-yet", "ended", "unknown"]
STATES: tuple[State, ...] = ("in-force", "not-yet", "ended", "unknown")

@dataclass(frozen=True, slots=True)
class Standing:
    state: State
    confirmed: bool
    """The facts this state rests on are confirmed (the instrument's, and its ending's)."""
    since: dt.date | None = None
    """In force from / not in force until / ended on; None where no day is recorded."""
    by: tuple[str, ...] = field(default=())
    """For an ended instrument: the register ids of those that end it."""

    @property
    def in_force(self) -> bool:
        return self.state == "in-force"


def exists_from(inst: Instrument, checked_on: dt.date) -> dt.date:
    """The first day `inst` is known to exist: issued or in force, else when it was reported."""
    known = [d for d in (inst.issued, inst.in_force) if d is not None]
    return min(known) if known else checked_on


def end_day(inst: Instrument, register: dict[str, Instrument], checked_on: dt.date
            ) -> tuple[dt.date | None, bool]:
    """The day `inst` stops being law and whether that day is recorded (not derived)."""
    end = inst.ended
    if end is None:
        return None, False
    if end.day is not None:
        return end.day, True
    days = [exists_from(register[b], checked_on) for b in end.by if b in register]
    return (max(days) if days else None), False


def standing(inst: Instrument, on: dt.date, register: dict[str, Instrument],
             checked_on: dt.date) -> Standing:
    confirmed = inst.status == "confirmed"
    if inst.in_force is None:
        if inst.issued is not None and inst.issued > on:
            return Standing("not-yet", confirmed, None)
        return Standing("unknown", False, None)
    if on < inst.in_force:
        return Standing("not-yet", confirmed, inst.in_force)
    end, recorded = end_day(inst, register, checked_on)
    if inst.ended is not None and end is not None and on >= end:
        return Standing("ended", confirmed and recorded and inst.ended.status == "confirmed",
                        end if recorded else None, tuple(inst.ended.by))
    return Standing("in-force", confirmed, inst.in_force)


def standings(reg: LegalRegister, on: dt.date) -> dict[str, Standing]:
    by_id = reg.by_id()
    return {i.id: standing(i, on, by_id, reg.checked_on) for i in reg.instruments}


__all__ = ["STATES", "Standing", "State", "end_day", "exists_from", "standing", "standings"]

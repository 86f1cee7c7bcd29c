"""What a checklist's controls rest on, on a given day: for lint at release time (a control none
of whose citations is in force is an error) and for `assess legal status`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assess.documents.models import Checklist, Text
from assess.documents.models.legal import LegalRegister
from assess.legal.standing import Standing, standings


@dataclass(frozen=True, slots=True)
class ControlLaw:
    """One control's citations and how each instrument stands on the day."""

    control: str
    path: tuple[str | int, ...]
    cited: tuple[tuple[str, Standing], ...]
    """(register id, standing), each instrument once, in the order first cited."""

    @property
    def in_force(self) -> bool:
        """At least one citation is in force: a repealed one kept beside its replacement is fine."""
        return any(s.in_force for _, s in self.cited)

    @property
    def gone(self) -> tuple[str, ...]:
        """Cited instruments that are no longer in force on the day."""
        return tuple(ref for ref, s in self.cited if s.state == "ended")

    @property
    def not_in_force(self) -> tuple[tuple[str, str], ...]:
        """Cited instruments not in force on the day, with why: ended, not yet in force, or
        with no known day of entry into force."""
        return tuple((ref, s.state) for ref, s in self.cited if not s.in_force)

    @property
    def replaced_by(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(b for _, s in self.cited if s.state == "ended" for b in s.by))


def controls_law(cl: Checklist, reg: LegalRegister, on: dt.date) -> list[ControlLaw]:
    """Every control that cites law (citations resolved: `legal.citations`), in checklist order."""
    stand = standings(reg, on)
    out = []
    for di, d in enumerate(cl.domains):
        for ci, c in enumerate(d.controls):
            refs = list(dict.fromkeys(lb.ref for lb in c.legal_basis if lb.ref))
            if refs:
                out.append(ControlLaw(c.id, ("domains", di, "controls", ci, "legal_basis"),
                                      tuple((r, stand[r]) for r in refs if r in stand)))
    return out


def to_confirm(cl: Checklist) -> list[str]:
    """Register ids the checklist cites with a to-confirm status, each once."""
    return list(dict.fromkeys(lb.ref for c in cl.controls() for lb in c.legal_basis
                              if lb.ref and lb.status == "to-confirm"))




@dataclass(frozen=True, slots=True)
class InstrumentLine:
    id: str
    type: str
    number: str
    title: Text
    state: str
    confirmed: bool
    since: dt.date | None
    by: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChecklistLaw:
    ref: str
    controls: tuple[ControlLaw, ...]
    """Controls citing at least one instrument not in force on the day."""


@dataclass(frozen=True, slots=True)
class LegalStatus:
    """What `assess legal status` shows, as one object: the terminal and --json render it."""

    on: dt.date
    checked_on: dt.date
    register: str
    instruments: tuple[InstrumentLine, ...]
    checklists: tuple[ChecklistLaw, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "on": self.on.isoformat(), "register": self.register,
            "checked_on": self.checked_on.isoformat(),
            "instruments": [{
                "id": i.id, "type": i.type, "number": i.number,
                "title": i.title.model_dump(), "state": i.state,
                "confirmed": i.confirmed, "since": i.since.isoformat() if i.since else None,
                "by": list(i.by)} for i in self.instruments],
            "checklists": [{"ref": c.ref, "controls": [{
                "id": law.control, "no_longer_in_force": list(law.gone),
                "not_in_force": [{"id": r, "state": st} for r, st in law.not_in_force],
                "rests_only_on_them": not law.in_force} for law in c.controls]}
                for c in self.checklists]}


def legal_status(reg: LegalRegister, register_file: str, on: dt.date,
                 checklists: list[Checklist]) -> LegalStatus:
    """The register's standing on `on`, and for each checklist (citations resolved) the
    controls that cite law not in force that day: ended, not yet in force, or with no known
    day of entry into force (as lint counts them)."""
    stand = standings(reg, on)
    lines = tuple(InstrumentLine(i.id, i.type, i.number, i.title, s.state, s.confirmed, s.since,
                                 s.by) for i in reg.instruments for s in (stand[i.id],))
    laws = tuple(ChecklistLaw(cl.ref, tuple(law for law in controls_law(cl, reg, on)
                                            if law.not_in_force)) for cl in checklists)
    return LegalStatus(on, reg.checked_on, register_file, lines, laws)


__all__ = ["ChecklistLaw", "ControlLaw", "InstrumentLine", "LegalStatus", "controls_law",
           "legal_status", "to_confirm"]

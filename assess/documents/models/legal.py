"""The legal register (`kind: legal-register`): every instrument a checklist may cite, and when
it is law.

A citation in a checklist names an instrument by its register id; what the instrument is called,
its number, and whether it is in force on a given day are the register's, recorded once, so a
policy team sees at a glance which controls rest on law that has ended.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from assess.documents.models.common import Strict, Text

REGISTER_ID = r"^[a-z]+-[a-z0-9]+(?:-[a-z0-9]+)*$"
ARTICLE = r"^\d+(?:\s*[–-]\s*\d+)?(?:\(\d+\))?(?:\([a-zđ]\))?$"
CLAUSE = r"^\d+$"
POINT = r"^[a-zđ]$"
RegisterId = Annotated[str, Field(
    pattern=REGISTER_ID, max_length=64,
    description="Register id: the type and the number, e.g. 'decree-356-2025', 'law-91-2025'.")]
InstrumentType = Literal["law", "decree", "circular", "decision", "resolution", "standard"]
Confirmation = Literal["confirmed", "to-confirm"]


class Ending(Strict):
    """How an instrument stops being law: the day, and the instruments that end or replace it."""

    day: dt.date | None = Field(
        None, description="The day it stops being in force; absent when no source gives it (it "
        "is then taken to end, to confirm, from the day its replacement is known to exist: its "
        "issue, or else the register's checked_on).")
    by: list[RegisterId] = Field(
        default_factory=list, description="Register ids of the instruments that end or replace it.")
    provision: str | None = Field(
        None, description="The provision of the ending instrument that ends it, e.g. 'Art. 42'.")
    transition: Text | None = Field(
        None, description="A transition rule: what still applies after the day, and to what.")
    status: Confirmation = Field(
        description="'confirmed' if an official text says so; 'to-confirm' if only secondary "
        "sources report it.")


class Instrument(Strict):
    """One legal instrument: a law, decree, circular, decision, resolution or standard."""

    id: RegisterId
    type: InstrumentType = Field(description="Kind of instrument; decides how a citation is "
                                 "written ('Nghị định số …', 'Luật … số …').")
    number: str = Field(min_length=1, max_length=40,
                        description="Official number and symbol, e.g. '356/2025/NĐ-CP'.")
    title: Text = Field(description="Name, as a citation prints it after its kind.")
    issuer: Text | None = Field(None, description="The body that issued it.")
    issued: dt.date | None = Field(None, description="Day it was passed or signed; absent when "
                                   "no source gives it.")
    in_force: dt.date | None = Field(None, description="Day it comes into force; absent when no "
                                     "source gives it (it then counts as not in force).")
    ended: Ending | None = Field(None, description="How it stopped being law, if it has or will.")
    status: Confirmation = Field(
        description="Whether its existence, number and dates are checked against an official "
        "text ('confirmed') or reported by secondary sources only ('to-confirm').")
    source: str = Field(min_length=1, description="Where these facts come from.")
    note: Text | None = Field(None, description="What matters about it for a checklist author.")
    aliases: list[str] = Field(
        default_factory=list, description="Numbers as released checklists wrote them, when they "
        "differ from `number` (read through this mapping; released files never change).")


class LegalRegister(Strict):
    """The register (`kind: legal-register`)."""

    kind: Literal["legal-register"] = Field(description="Always 'legal-register'.")
    schema_version: Literal[1] = Field(description="Version of this document format; currently 1.")
    checked_on: dt.date = Field(description="Day the register's facts were last checked.")
    instruments: list[Instrument] = Field(min_length=1, description="Every instrument a "
                                          "checklist may cite.")

    def by_id(self) -> dict[str, Instrument]:
        return {i.id: i for i in self.instruments}


__all__ = ["ARTICLE", "CLAUSE", "POINT", "REGISTER_ID", "Confirmation", "Ending", "Instrument",
           "InstrumentType", "LegalRegister", "RegisterId"]

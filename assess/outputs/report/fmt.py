"""Formatting rules of the report: Decree 30/2020 dates, places, document symbols, citations.

Pure functions of their arguments; each rule is tested on its own.
"""

from __future__ import annotations

import datetime as dt

from assess.core.i18n import Lang, decimal
from assess.core.i18n.report import w
from assess.documents.models import LegalBasis
from assess.engine.issuer import abbreviation, place_of
from assess.legal.formatting import citation_text, provision, unbroken
from assess.outputs.report.model import Citation

__all__ = ["abbreviation", "citation", "count_text", "date_text", "number_text", "place_of",
           "provision", "unbroken"]

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def date_text(d: dt.date, lang: Lang) -> str:
    """Decree 30/2020: 'ngày 05 tháng 9 năm 2019' — a leading zero for days below 10 and for
    months 1 and 2 only; English keeps the order: '05 September 2019'."""
    if lang == "vi":
        month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
        return f"ngày {d.day:02d} tháng {month} năm {d.year}"
    return f"{d.day:02d} {EN_MONTHS[d.month - 1]} {d.year}"


def number_text(d: float, lang: Lang, spec: str = ".1f") -> str:
    """A score or a weight as the Assessment's own texts write it ('57,5' in Vietnamese, '57.5'
    in English), so the two never disagree."""
    return decimal(d, lang, spec)


def count_text(n: int, lang: Lang) -> str:
    """A count with thousands grouped: '21.000' in Vietnamese, '21,000' in English."""
    return decimal(n, lang, ",")


def citation(lb: LegalBasis, lang: Lang) -> Citation:
    """A citation as the report prints it (`legal.formatting.citation_text`), a to-confirm one
    saying so."""
    return Citation(citation_text(lb, lang),
                    w("to_confirm", lang) if lb.status == "to-confirm" else None)

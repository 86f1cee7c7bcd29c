"""Formatting rules of the report: Decree 30/2020 dates, places, document symbols, citations.

Pure functions of their arguments; each rule is tested on its own.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from assess.core.i18n import Lang, decimal
from assess.core.i18n.report import w
from assess.documents.models import LegalBasis
from assess.outputs.report.model import Citation

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
_PLACE = re.compile(r"\b(?:tỉnh|thành phố|TP\.)\s+(.+)$", re.IGNORECASE)
_CUT = re.compile(r"\s+(?:tỉnh|thành phố|TP\.|huyện|quận|thị xã|xã|phường)\s.*$", re.IGNORECASE)


def date_text(d: dt.date, lang: Lang) -> str:
    """Decree 30/2020: 'ngày 05 tháng 9 năm 2019' — a leading zero for days below 10 and for
    months 1 and 2 only; English keeps the order: '05 September 2019'."""
    if lang == "vi":
        month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
        return f"ngày {d.day:02d} tháng {month} năm {d.year}"
    return f"{d.day:02d} {EN_MONTHS[d.month - 1]} {d.year}"


def place_of(organization: str) -> str:
    """The place a body issues from: the province or city in its name, else Hà Nội (central
    bodies sit in the capital)."""
    m = _PLACE.search(organization.strip())
    return m.group(1).strip() if m else "Hà Nội"


def _ascii_upper(ch: str) -> str:
    if ch in "đĐ":
        return "D"
    return unicodedata.normalize("NFD", ch)[0].upper()


def abbreviation(body: str) -> str:
    """The symbol of a body for the document number: initials of its name before the place,
    'và' left out, acronyms kept ('Sở Thông tin và Truyền thông' -> 'STTTT',
    'UBND tỉnh Bắc Giang' -> 'UBND')."""
    name = _CUT.sub("", " " + body.strip()).strip() or body.strip()
    out = []
    for word in name.split():
        clean = word.strip(".,;:()")
        if not clean or clean.lower() == "và":
            continue
        if len(clean) > 1 and clean.isupper():
            out.append("".join(_ascii_upper(c) for c in clean if c.isalnum()))
        elif clean[0].isalnum():
            out.append(_ascii_upper(clean[0]))
    return "".join(out) or "X"


def number_text(d: float, lang: Lang, spec: str = ".1f") -> str:
    """A score or a weight as the Assessment's own texts write it ('57,5' in Vietnamese, '57.5'
    in English), so the two never disagree."""
    return decimal(d, lang, spec)


def count_text(n: int, lang: Lang) -> str:
    """A count with thousands grouped: '21.000' in Vietnamese, '21,000' in English."""
    return decimal(n, lang, ",")


def citation(lb: LegalBasis, lang: Lang) -> Citation:
    """'Document (number), Điều N: note' / '…, Art. N: …'; a to-confirm citation says so."""
    doc = lb.document.get(lang)
    text = doc if lb.number in doc or lb.number.replace("ND", "NĐ") in doc else \
        f"{doc} ({lb.number})"
    if lb.article:
        text += ", " + w("article", lang, n=lb.article)
    if lb.note:
        text += ": " + lb.note.get(lang)
    return Citation(text, w("to_confirm", lang) if lb.status == "to-confirm" else None)



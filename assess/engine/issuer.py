"""Who issues the report and who signs it: the document's own identity, from the inputs.

The report prints it (header, number and symbol, signature block, "Nơi nhận"), and `assess sign`
and `assess verify` compare a certificate with it, so it is worked out once, here, and carried in
the Assessment (and so in the `assessment.json` every report embeds).

A self-assessment is issued by the submitting body (its unit when it names one); a reviewed
report by the reviewing body (its unit when it names one) as the ministry's appraisal result.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import Field

from assess.documents.models import LocalText, Proposal
from assess.documents.models.common import Authority, _LocalText
from assess.documents.models.review import Review

_PLACE = re.compile(r"\b(?:tỉnh|thành phố|TP\.)\s+(.+)$", re.IGNORECASE)
_CUT = re.compile(r"\s+(?:tỉnh|thành phố|TP\.|huyện|quận|thị xã|xã|phường)\s.*$", re.IGNORECASE)

SELF_SIGNER = _LocalText(vi="Người lập báo cáo", en="Prepared by")
"""The position printed for a self-assessment that names no signer: its contact prepared it."""


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
    """The symbol of a body for the document number when it gives none: initials of its name
    before the place, 'và' left out, acronyms kept ('Sở Thông tin và Truyền thông' -> 'STTTT',
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


@dataclass(slots=True, kw_only=True)
class SignerInfo:
    name: Annotated[str, Field(description="Full name printed under the signature: the one a "
                               "personal signature's certificate must name.")]
    position: LocalText
    authority: Annotated[Authority | None, Field(
        description="TM., KT., TL., TUQ. or Q. when signing for another (Decree 30/2020 "
        "Art. 13).")] = None
    head: Annotated[LocalText | None, Field(
        description="Whom the signer signs for, with `authority`.")] = None
    prepared: Annotated[bool, Field(
        description="True when no signer is named: the contact person who prepared the "
        "self-assessment signs it.")] = False


@dataclass(slots=True, kw_only=True)
class Issuer:
    role: Annotated[Literal["province", "ministry"], Field(
        description="province: the submitting body's self-assessment; ministry: the reviewing "
        "body's appraisal result.")]
    parent: Annotated[LocalText | None, Field(
        description="The body the issuing body belongs to (first line of the header).")] = None
    body: Annotated[LocalText, Field(
        description="The issuing body: the one an organisation signature's certificate must "
        "name.")]
    symbol: Annotated[str, Field(description="Its abbreviation in 'Số: …/BC-<symbol>'.")]
    symbol_given: Annotated[bool, Field(
        description="False when the symbol was made from the body's initials.")] = False
    number: Annotated[str | None, Field(
        description="Registration number; None leaves it blank for the records office.")] = None
    place: str
    signer: SignerInfo
    recipients: list[LocalText] = field(default_factory=list)
    drafting_unit: str | None = None

    @property
    def number_text(self) -> str:
        """The number as Decree 30/2020 prints it: a leading zero below 10."""
        if self.number is None:
            return ""
        return f"{int(self.number):02d}" if int(self.number) < 10 else str(int(self.number))


def issuer_of(p: Proposal, review: Review | None) -> Issuer:
    """The report's identity: the reviewing body's for a reviewed report, else the submitter's."""
    if review is not None:
        r = review.reviewer
        body = r.unit or r.organization
        return Issuer(
            role="ministry", parent=r.organization if r.unit else None, body=body,
            symbol=r.symbol or abbreviation(body.vi), symbol_given=r.symbol is not None,
            number=r.number, place=r.place or place_of(r.organization.vi),
            signer=SignerInfo(name=r.name, position=r.role, authority=r.authority, head=r.head),
            recipients=list(r.recipients), drafting_unit=r.drafting_unit)
    s = p.submitted_by
    body = s.unit or s.organization
    signer = (SignerInfo(name=s.signer.name, position=s.signer.position,
                         authority=s.signer.authority, head=s.signer.head)
              if s.signer is not None else
              SignerInfo(name=s.contact.name, position=SELF_SIGNER, prepared=True))
    return Issuer(
        role="province", parent=s.organization if s.unit else None, body=body,
        symbol=s.symbol or abbreviation(body.vi), symbol_given=s.symbol is not None,
        number=s.number, place=s.place or place_of(s.organization.vi), signer=signer,
        recipients=list(s.recipients), drafting_unit=s.drafting_unit)

"""Shared building blocks of the input documents."""

from __future__ import annotations

import functools
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from assess.core.i18n import Lang
from assess.core.i18n.messages import msg
from assess.core.text import unaccented

RELEASE_REF = (r"^[A-Za-z0-9][A-Za-z0-9._-]*@(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\."
               r"(0|[1-9][0-9]*)$")
"""How a document names a checklist or a profile: id@version, a released version by its
number, never a file (a file would skip the catalog's identity checks and its release lock)."""

Id = Annotated[
    str,
    Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=80,
          description="Identifier: letters, digits, '.', '_' or '-', starting with a letter or digit."),
]


class Strict(BaseModel):
    """Base of every input model: unknown fields are errors, values are not coerced silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Text(Strict):
    """A text written in both languages; a formal checklist must have both."""

    vi: str = Field(min_length=1, description="Vietnamese text, with full diacritics.")
    en: str = Field(min_length=1, description="English text, faithful to the Vietnamese.")

    def get(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en


def _plain_string_is_vietnamese(value: Any) -> Any:
    return {"vi": value} if isinstance(value, str) else value


class _LocalText(Strict):
    vi: str = Field(min_length=1, description="Text in Vietnamese (the language of record).")
    en: str | None = Field(None, description="Optional English translation for English reports.")

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" and self.en else self.vi


LocalText = Annotated[_LocalText, BeforeValidator(_plain_string_is_vietnamese)]
"""Text a province writes: a plain string (Vietnamese), or `{vi, en}` when it offers both."""


AUTHORITIES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")
"""Decree 30/2020 Art. 13: who signs for whom — on behalf of a collective body (TM.), a deputy
for the head (KT.), by order of (TL.), by authorisation of (TUQ.), acting (Q.)."""
Authority = Literal["TM.", "KT.", "TL.", "TUQ.", "Q."]
SYMBOL = r"^[A-ZĐ0-9]+(?:[.&-][A-ZĐ0-9]+)*$"
"""An issuing body's official abbreviation in a document symbol: capitals and digits ('A05',
'UBND', 'TTHCC'), the body's own choice (Decree 30/2020 Appendix I); without the document
type's 'BC-', which the report writes itself (`references` refuses it)."""
DOC_NUMBER = r"^0*[1-9][0-9]{0,6}$"
"""A document's registration number: digits only, not zero (a leading zero below 10 is added
when printed)."""


class Signer(Strict):
    """Who signs the document, as its signature block prints it (Decree 30/2020 Art. 13)."""

    name: str = Field(min_length=1, description="Full name of the person who signs, as their "
                      "digital signature certificate names them.")
    position: LocalText = Field(description="Their position, e.g. 'Giám đốc' or 'Phó Cục "
                                "trưởng'.")
    authority: Authority | None = Field(
        None, description="Signing for another: TM. (on behalf of a collective body), KT. (a "
        "deputy for the head), TL., TUQ. or Q. (acting); with it, `head`.")
    head: LocalText | None = Field(
        None, description="With `authority`: whom the signer signs for — the head's position "
        "('Cục trưởng' for KT. Cục trưởng) or, for TM., the collective body ('Ủy ban nhân dân').")


LEVELS = ("low", "medium", "high", "critical")
"""Severity and risk levels, lowest first: the one order every rank, check and sort uses."""


_LEVEL_RANK = {level: i for i, level in enumerate(LEVELS)}


def level_rank(level: str) -> int:
    """0 for low … 3 for critical (a dict lookup: findings are sorted by it on every run)."""
    return _LEVEL_RANK[level]


class Severity(StrEnum):
    critical = "critical"
    high = "high"
    medium = "medium"
    low = "low"


class Status(StrEnum):
    met = "met"
    partial = "partial"
    not_met = "not-met"
    not_applicable = "not-applicable"
    unknown = "unknown"


class DataClass(StrEnum):
    public = "public"
    internal = "internal"
    personal = "personal"
    sensitive_personal = "sensitive-personal"

    @property
    def is_personal(self) -> bool:
        return self in (DataClass.personal, DataClass.sensitive_personal)


class Verdict(StrEnum):
    approve = "approve"
    conditional = "conditional"
    reject = "reject"


Evidence = Annotated[str, Field(pattern=r"\S", description="A document that proves the claim: its "
                                "name, number and date, e.g. 'Hợp đồng số 14/2026/HĐ, Điều 5'.")]
"""One piece of evidence: never blank (a blank entry would pass for proof)."""

@functools.cache
def _iso_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes, read once, and only when a code is checked (`--help` and
    `schema` never import pycountry)."""
    import pycountry

    return frozenset(c.alpha_2 for c in pycountry.countries)


def country_code(written: str) -> str | None:
    """The ISO 3166 code an officer meant: `vn` for VN, or a country's name in English or
    Vietnamese without its accents ('Việt Nam', 'Singapore'); None if none is clear."""
    text = written.strip()
    if len(text) == 2 and text.isalpha() and text.upper() in _iso_codes():
        return text.upper()
    import pycountry

    flat = unaccented(text)
    for candidate in (flat, flat.replace(" ", "")):
        try:
            found = pycountry.countries.lookup(candidate)
        except LookupError:
            continue
        return str(found.alpha_2)
    return None


def iso_country(code: str) -> str:
    """A two-letter code must name a country ISO 3166-1 assigns: `XX` and `VM` are typos. `ZZ`
    (CLDR's 'Unknown Region') is how an unknown location travels; it is never Vietnam."""
    if len(code) == 2 and code.isupper() and code != "ZZ" and code not in _iso_codes():
        raise ValueError(msg("value.country", code=repr(code)))
    return code


Country = Annotated[
    str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 country code, e.g. VN, SG, US."),
    AfterValidator(iso_country)]

"""Who the report prints as its signer and its issuing body, read from the report itself.

`sign` and `verify` compare a certificate with what the report prints, and read it from the PDF
in hand, never from a proposal beside it: the attached `assessment.json` records the report's
`issuer` (`issuer.signer.name`: the person printed under the signature; `issuer.body.vi`: the
issuing body in the header), the very data the signature block was rendered from.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from assess.core.i18n.messages import Msg, msg, plain
from assess.core.text import name_key

log = logging.getLogger(__name__)

ASSESSMENT = "assessment.json"
"""Name of the attached assessment, as `assess report` embeds it."""

Role = Literal["personal", "organisation"]
"""A signature's role: the competent signer's own, or the issuing body's (its seal)."""
FIELDS: dict[Role, str] = {"personal": "assess-signature", "organisation": "assess-seal"}
"""The signature field of each role: `verify` tells a signature's role by its field."""


def role_of(field: str) -> Role | None:
    """The role of the signature in `field`; None for a field `assess sign` never makes."""
    return next((role for role, name in FIELDS.items() if name == field), None)


@dataclass(frozen=True, slots=True)
class Printed:
    """What the report prints about who signs it; None where it says nothing."""

    signer: str | None
    body: str | None
    unshown: dict[Role, str] = field(default_factory=dict)
    """Names the attached assessment.json records but the pages do not print: an attachment
    that is not the one the report was rendered with (swapped in an update before signing)."""

    def expected(self, role: Role) -> str | None:
        return self.signer if role == "personal" else self.body


_PDFIUM = threading.Lock()
"""PDFium may be called from one thread at a time in a process, whatever the document (its
documentation): the workspace verifies uploads in request threads."""


def page_text(data: bytes) -> str | None:
    """All text of the PDF's pages without whitespace (so a digest or a name broken across
    lines still matches); None when it cannot be read.

    PDFium reads a 22-page report's text in under a tenth of a second, 20 times faster than
    pypdf did (most of `assess verify`'s time). It writes a hyphen where a line broke as
    U+FFFE: read as the hyphen it is."""
    import pypdfium2 as pdfium

    parts: list[str] = []
    try:
        with _PDFIUM:
            doc = pdfium.PdfDocument(data)
            try:
                for index in range(len(doc)):
                    page = doc[index]
                    textpage = page.get_textpage()
                    parts.append(textpage.get_text_bounded())
                    textpage.close()
                    page.close()
            finally:
                doc.close()
    except Exception as exc:  # a damaged PDF: the signature checks say what is wrong
        log.debug("%s", msg("signatures.doc.text_debug", detail=plain(str(exc))))
        return None
    return re.sub(r"\s+", "", "".join(parts).replace("\ufffe", "-"))


@contextlib.contextmanager
def quiet(logger: str) -> Iterator[None]:
    """A library's logger held at errors: pyHanko warns about harmless oddities (a
    stamp's text shrunk to fit its box), which are not ours to print."""
    target = logging.getLogger(logger)
    level = target.level
    target.setLevel(logging.ERROR)
    try:
        yield
    finally:
        target.setLevel(level)


def _on_pages(name: str, text: str | None) -> bool:
    """Whether the pages print `name` (case, spaces and tone placement aside)."""
    if text is None:
        return False
    return name_key(name).replace(" ", "") in name_key(text)


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def printed(files: dict[str, bytes], text: str | None) -> Printed | None:
    """The signer and body `assessment.json` records and the pages (`text`, from `page_text`)
    print, or None without a readable assessment.json. A name the pages do not print is not
    expected of anyone: it is in `unshown`, and no certificate can match it. An English report
    prints the body's English name; a certificate still names it in Vietnamese."""
    data = files.get(ASSESSMENT)
    if data is None:
        return None
    try:
        a = json.loads(data)
    except ValueError:
        return None
    issuer = a.get("issuer") if isinstance(a, dict) else None
    if not isinstance(issuer, dict):
        return Printed(None, None)
    signer, body = issuer.get("signer"), issuer.get("body")
    names: dict[Role, str | None] = {
        "personal": _text(signer.get("name")) if isinstance(signer, dict) else None,
        "organisation": _text(body.get("vi")) if isinstance(body, dict) else None}
    english = _text(body.get("en")) if isinstance(body, dict) else None
    unshown: dict[Role, str] = {
        role: n for role, n in names.items() if n is not None and not _on_pages(n, text)
        and not (role == "organisation" and english and _on_pages(english, text))}
    shown = {role: None if role in unshown else n for role, n in names.items()}
    return Printed(shown["personal"], shown["organisation"], unshown)


def who(role: Role) -> Msg:
    """The role in words: 'the signer' or 'the issuing body' (`signatures.who.*`)."""
    return msg(f"signatures.who.{role}")


__all__ = ["ASSESSMENT", "FIELDS", "Printed", "Role", "page_text", "printed", "quiet", "role_of", "who"]

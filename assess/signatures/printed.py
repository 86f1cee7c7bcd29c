"""Who the report prints as its signer and its issuing body, read from the report itself.

`sign` and `verify` compare a certificate with what the report prints, and read it from the PDF
in hand, never from a proposal beside it: the attached `assessment.json` records the report's
`issuer` (`issuer.signer.name`: the person printed under the signature; `issuer.body.vi`: the
issuing body in the header), the very data the signature block was rendered from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from assess.core.i18n.messages import Msg, msg

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

    def expected(self, role: Role) -> str | None:
        return self.signer if role == "personal" else self.body


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def printed(files: dict[str, bytes]) -> Printed | None:
    """The signer and body `assessment.json` records, or None without a readable one."""
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
    return Printed(_text(signer.get("name")) if isinstance(signer, dict) else None,
                   _text(body.get("vi")) if isinstance(body, dict) else None)


def who(role: Role) -> Msg:
    """The role in words: 'the signer' or 'the issuing body' (`signatures.who.*`)."""
    return msg(f"signatures.who.{role}")


__all__ = ["ASSESSMENT", "FIELDS", "Printed", "Role", "printed", "role_of", "who"]

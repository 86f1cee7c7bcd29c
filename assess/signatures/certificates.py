"""What a certificate may sign, and why a chain fails, in words a reviewer can act on.

Path validation (pyhanko-certvalidator) answers yes or no with an ETSI sub-indication such as
OUT_OF_BOUNDS_NO_POE; a reviewer needs "the certificate "X" expired on 2026-01-31". It also
follows RFC 5280 in never checking a trust anchor's own dates, so a signer under an expired CA
verified. This module says, for `sign` and `verify` alike:

- which certificates may sign a report: key usage digitalSignature or nonRepudiation, and an
  extended key usage, when the certificate has one, for documents (document signing, e-mail
  protection, Adobe's or Microsoft's document signing, or any). A TLS server certificate may
  not (RFC 5280 §4.2.1.12 binds the extended key usage even when it is not critical);
- that every certificate of the chain, the trust root included, is valid at the time the
  signature states and now (a B-B signature's time is the signer's claim: no timestamp proves
  it, so a certificate expired since cannot be accepted on that claim);
- the first problem of a chain that fails, named;
- whether a certificate names the person or the body the report prints (`names_person`,
  `names_body`), and the time of a signature as Vietnam writes it (`vietnam_time`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Literal

from asn1crypto import x509
from pyhanko.sign.validation.settings import KeyUsageConstraints

from assess.core.i18n.messages import Msg, msg, plain
from assess.core.text import name_key, visible

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")
"""Vietnam's time (UTC+7, no daylight saving): every time a signature shows is in it."""
DEMO_MARK = " - TEST ONLY"
"""What `demo_ca` appends to a common name; left out when a demo certificate's name is compared
(the demo's organisation says TEST ONLY too, and the stamp keeps the mark)."""
DEMO_ORGANIZATION = "assess demo - TEST ONLY, NOT TRUSTED"
"""The organisation of every certificate `demo_ca` makes."""

DOCUMENT_PURPOSES = frozenset({
    "1.3.6.1.5.5.7.3.36",  # id-kp-documentSigning (RFC 9336); asn1crypto has no name for it
    "email_protection", "adobe_authentic_documents_trust", "microsoft_document_signing",
})
"""Extended key usages that allow signing a document."""

SIGNING_USAGE = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"},
                                    match_all_key_usages=False)
"""The key usage pyHanko enforces when validating. The extended key usage is `usage_problem`'s:
given to pyHanko, a certificate without the extension fails path validation as a whole."""

_PURPOSE_WORDS = frozenset({"server_auth", "client_auth", "code_signing", "time_stamping",
                            "ocsp_signing"})
"""Extended key usages named in words (`signatures.purpose.*`); any other by its own name."""
Role = Literal["certificate", "signer", "root", "ca"]
"""What a certificate is to the chain (`signatures.role.*`): the signer's, a certificate
authority's, the trust root's, or a certificate as such."""
When = Literal["today", "signed", "now"]
"""The moment a certificate is checked at (`signatures.when.*`)."""


def joined(problems: Sequence[Msg]) -> Msg:
    """Problems as one message, separated by semicolons (in either language)."""
    out = problems[-1]
    for head in reversed(problems[:-1]):
        out = msg("signatures.then", head=head, tail=out)
    return out


def subject_name(subject: x509.Name) -> str:
    """A name's common name (the whole name without one), safe to print and to stamp."""
    cn = subject.native.get("common_name")
    return visible(str(cn) if cn else str(subject.human_friendly), one_line=True)


def name(cert: x509.Certificate) -> str:
    """The certificate's subject, as `subject_name` shows it."""
    return subject_name(cert.subject)


def vietnam_time(at: dt.datetime) -> str:
    """`at` in Vietnam time with its offset shown: `2026-12-02 14:03:11 +07:00` (a naive time
    is taken as UTC, as PDF and CMS times are)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return f"{at.astimezone(VIETNAM):%Y-%m-%d %H:%M:%S} +07:00"


def _attribute(cert: x509.Certificate, key: str) -> list[str]:
    value = cert.subject.native.get(key)
    values = value if isinstance(value, list) else [] if value is None else [value]
    return [str(v) for v in values]


def _compared(cert: x509.Certificate, value: str) -> str:
    """A name as compared: folded (NFC, case, spaces), a demo certificate's mark left out."""
    demo = _attribute(cert, "organization_name") + _attribute(cert, "organizational_unit_name")
    if DEMO_ORGANIZATION in demo and value.endswith(DEMO_MARK):
        value = value.removesuffix(DEMO_MARK)
    return name_key(value)


def names_person(cert: x509.Certificate, person: str) -> bool:
    """Whether the certificate's common name is `person` (the signer the report prints): a
    personal certificate names its holder there (Decree 68/2024/ND-CP)."""
    return any(_compared(cert, cn) == name_key(person)
               for cn in _attribute(cert, "common_name"))


def names_body(cert: x509.Certificate, body: str) -> bool:
    """Whether the certificate's common name is `body` (the issuing body the report prints).
    Only the common name: a personal certificate names its holder's employer as organisation,
    and a member of staff is not the body's seal."""
    return any(_compared(cert, cn) == name_key(body) for cn in _attribute(cert, "common_name"))


def same_key(a: x509.Certificate, b: x509.Certificate) -> bool:
    """Whether two certificates certify one key: a seal made with the signer's own key is no
    second signature."""
    return bool(a.public_key.dump() == b.public_key.dump())


def usage_problem(cert: x509.Certificate) -> Msg | None:
    """Why `cert` may not sign a document; None when it may."""
    ku = set(cert.key_usage_value.native) if cert.key_usage_value is not None else set()
    if cert.key_usage_value is not None and not ku & {"digital_signature", "non_repudiation"}:
        shown = ", ".join(sorted(k.replace("_", " ") for k in ku))
        return msg("signatures.cert.key_usage", name=name(cert),
                   usages=shown or msg("signatures.none"))
    eku_value = cert.extended_key_usage_value
    if eku_value is not None:
        eku = set(eku_value.native)
        if "any_extended_key_usage" not in eku and not eku & DOCUMENT_PURPOSES:
            purposes = [msg(f"signatures.purpose.{e}") if e in _PURPOSE_WORDS
                        else plain(e.replace("_", " ")) for e in eku]
            return msg("signatures.cert.purpose", name=name(cert),
                       purposes=sorted(purposes, key=lambda m: m.render("en")))
    return None


def _dates(cert: x509.Certificate) -> tuple[dt.datetime, dt.datetime]:
    validity = cert["tbs_certificate"]["validity"]
    return validity["not_before"].native, validity["not_after"].native


def date_problem(cert: x509.Certificate, at: dt.datetime, when: When,
                 role: Role = "certificate") -> Msg | None:
    """Why `cert` is not valid at `at` ('when' names that moment); None when it is."""
    start, end = _dates(cert)
    said = {"role": msg(f"signatures.role.{role}"), "name": name(cert),
            "when": msg(f"signatures.when.{when}"), "at": f"{at:%Y-%m-%d}"}
    if at > end:
        return msg("signatures.cert.expired", end=f"{end:%Y-%m-%d}", **said)
    if at < start:
        return msg("signatures.cert.not_yet", start=f"{start:%Y-%m-%d}", **said)
    return None


def _same(a: x509.Certificate, b: x509.Certificate) -> bool:
    return bool(a.subject == b.subject and a.public_key.dump() == b.public_key.dump())


def chain(signer: x509.Certificate, others: Iterable[x509.Certificate],
          roots: Sequence[x509.Certificate]) -> tuple[list[x509.Certificate], bool]:
    """The signer's chain by issuer name, up to a trust root if one issued it: (certificates
    from the signer up, whether it ends at a root). No signature is checked here: path
    validation does that; this only finds what to name."""
    pool = [c for c in others if not _same(c, signer)]
    path = [signer]
    current = signer
    for _ in range(16):  # a chain longer than this is not one a reviewer should accept
        root = next((r for r in roots if _same(r, current)), None)
        if root is not None:
            return path, True
        root = next((r for r in roots if r.subject == current.issuer), None)
        if root is not None:
            return [*path, root], True
        up = next((c for c in pool if c.subject == current.issuer and c not in path), None)
        if up is None or current.self_signed in ("maybe", "yes"):
            return path, False
        path.append(up)
        current = up
    return path, False


def chain_problems(signer: x509.Certificate, others: Iterable[x509.Certificate],
                   roots: Sequence[x509.Certificate] | None, signed_at: dt.datetime | None,
                   now: dt.datetime) -> list[Msg]:
    """Every reason the signer's chain cannot be accepted, first the most basic; empty when
    usage, dates and the way up to a root all hold. `roots` None: no trust roots to reach (a
    key about to sign), only usage and dates are checked."""
    path, rooted = chain(signer, others, roots or ())
    out: list[Msg] = []
    problem = usage_problem(signer)
    if problem:
        out.append(problem)
    moments: list[tuple[dt.datetime, When]] = (
        [(now, "today")] if signed_at is None else [(signed_at, "signed"), (now, "now")])
    for i, cert in enumerate(path):
        role: Role = ("signer" if i == 0 else
                      "root" if rooted and i == len(path) - 1 else "ca")
        for at, when in moments:
            problem = date_problem(cert, at, when, role)
            if problem:
                out.append(problem)
                break
    if not rooted and roots is not None:
        top = path[-1]
        out.append(msg("signatures.cert.no_root", top=name(top),
                       issuer=subject_name(top.issuer)))
    return out

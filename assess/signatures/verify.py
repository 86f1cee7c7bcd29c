"""Verify a signed report: the signature, what it covers, who signed, and what the report carries.

A report verifies when every check passes:

- it has a signature, every signature is intact (the signed bytes are unchanged) and valid
  (the signature value matches the signer's certificate);
- the last signature covers the whole file: nothing was added after it (earlier signatures may
  only be followed by further signatures);
- every signer's certificate chains to one of the trust roots given (offline: nothing is
  fetched; revocation is checked against the CRLs the file embeds, PAdES B-LT, if any);
- each signature's certificate names what the report prints for its role, told by its field:
  the personal signature (`assess-signature`) the signer printed under it, the organisation
  signature (`assess-seal`) the issuing body — a report signed by someone else does not verify
  (`accept_mismatch` turns that into a warning, still shown, for a signature made so on
  purpose), and a seal needs the signer's signature before it;
- a signature's RFC 3161 timestamp, if it has one, is intact and its authority's certificate
  chains to a trust root; the time shown is the timestamp's, else the signer's claim, in
  Vietnam time;
- the attachments the report embeds — `assessment.json`, the proposal, the checklist, the platform
  profile it names (and the review) — are there, and each input's SHA-256 is the one
  `assessment.json` records and the report prints in its identity annex.

Nothing here raises for a bad signature: every failure is a check that says what is wrong.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from asn1crypto import x509
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from assess.core.errors import InputError
from assess.core.files import MAX_KEY_BYTES, read_regular
from assess.core.i18n import Lang, t
from assess.core.i18n.messages import Msg, current, msg, plain
from assess.core.text import visible
from assess.signatures.certificates import (
    SIGNING_USAGE,
    chain_problems,
    joined,
    names_body,
    names_person,
    same_key,
    subject_name,
    vietnam_time,
)
from assess.signatures.certificates import name as certificate_name
from assess.signatures.printed import (
    ASSESSMENT,
    Printed,
    Role,
    page_text,
    printed,
    quiet,
    role_of,
    who,
)
from assess.signatures.sign import entry, name_tree

log = logging.getLogger(__name__)

@dataclass(frozen=True, slots=True)
class Check:
    """One thing verified, and whether it holds."""

    ok: bool
    subject: Msg
    """What was checked: a word (`signatures.subject.*`) or an attached file's name (`plain`)."""
    text: Msg
    warning: bool = False
    """Holds only because the reader accepted it (`accept_mismatch`): shown as a warning."""

    def render(self, lang: Lang | None = None) -> str:
        lang = lang or current()
        return f"{self.subject.render(lang)}: {self.text.render(lang)}"

    def __str__(self) -> str:
        return self.render()


def _subject(key: str) -> Msg:
    return msg(f"signatures.subject.{key}")


def _error(exc: Exception) -> dict[str, Any]:
    """An exception's kind and its first 200 characters: another program's words."""
    return {"kind": type(exc).__name__, "detail": plain(str(exc)[:200])}


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    """One signature of the PDF and its checks."""

    field: str
    signer: str
    signed_at: dt.datetime | None
    """The signer's claimed time, or the timestamp's when the signature has one."""
    checks: list[Check]
    role: Role | None = None
    """personal or organisation, from the field; None for a field `assess sign` never makes."""
    timestamped: bool = False

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)


@dataclass(slots=True)
class Verification:
    """Everything verified about one PDF."""

    file: str
    signatures: list[SignatureCheck] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    """Checks of the document as a whole: the signature's presence, attachments, printed digests."""

    @property
    def failures(self) -> list[Check]:
        return [c for s in self.signatures for c in s.checks if not c.ok] + [
            c for c in self.checks if not c.ok]

    @property
    def warnings(self) -> list[Check]:
        return [c for s in self.signatures for c in s.checks if c.warning] + [
            c for c in self.checks if c.warning]

    @property
    def ok(self) -> bool:
        return bool(self.signatures) and not self.failures


def load_trust_roots(paths: Sequence[Path]) -> list[x509.Certificate]:
    """Certificates from PEM (one or more) or DER files."""
    out: list[x509.Certificate] = []
    for path in paths:
        data = read_regular(path, MAX_KEY_BYTES)
        try:
            certs = list(load_certs_from_pemder_data(data))
            for cert in certs:
                _ = cert.native  # asn1crypto parses lazily: a PKCS#12 file fails only here
        except Exception:  # asn1crypto raises ValueError, TypeError or its own errors
            certs = []
        if not certs:
            raise InputError.single(path, msg("signatures.trust.no_certificate"))
        out.extend(certs)
    return out


def _short(sha: str) -> str:
    return sha[:12] + "…"


def _der_length(data: bytes) -> int | None:
    """Length of the DER value at the start of `data` (a SEQUENCE), or None if not one."""
    if len(data) < 2 or data[0] != 0x30:
        return None
    if data[1] < 0x80:
        return 2 + data[1]
    size = data[1] & 0x7F
    if not 0 < size <= 4 or len(data) < 2 + size:
        return None
    return 2 + size + int.from_bytes(data[2:2 + size], "big")


def _padding_ok(contents: bytes) -> bool:
    """The room reserved for the signature holds the signature, then only zeros.

    The signed byte ranges leave out that room (it holds the signature itself), so a change to
    its padding escapes the digest; it is a change after signing all the same."""
    length = _der_length(contents)
    return length is None or not any(contents[length:])


def _signature_checks(status: PdfSignatureStatus, *, last: bool, trusted: bool,
                      padding_ok: bool = True, chain: Sequence[Msg] = (),
                      crls: bool = False) -> list[Check]:
    """`chain`: what `certificates.chain_problems` finds wrong with the signer's chain."""
    out: list[Check] = []
    integrity, coverage, certificate = (_subject("integrity"), _subject("coverage"),
                                        _subject("certificate"))
    if not padding_ok:
        out.append(Check(False, integrity, msg("signatures.check.padding")))
    elif status.intact and status.valid:
        out.append(Check(True, integrity, msg("signatures.check.intact",
                                              digest=str(status.md_algorithm),
                                              mechanism=str(status.pkcs7_signature_mechanism))))
    elif not status.intact:
        out.append(Check(False, integrity, msg("signatures.check.changed")))
    else:
        out.append(Check(False, integrity, msg("signatures.check.invalid")))
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        out.append(Check(True, coverage, msg("signatures.check.whole_file")))
    elif (last and status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
          and status.docmdp_ok and status.modification_level == ModificationLevel.LTA_UPDATES):
        out.append(Check(True, coverage, msg("signatures.check.validation_data")))
    elif last or status.coverage != SignatureCoverageLevel.ENTIRE_REVISION:
        out.append(Check(False, coverage, msg("signatures.check.not_whole_file")))
    elif status.docmdp_ok and status.modification_level is not None and (
            status.modification_level <= ModificationLevel.FORM_FILLING):
        out.append(Check(True, coverage, msg("signatures.check.later_signatures")))
    else:
        out.append(Check(False, coverage, msg("signatures.check.changed_beyond")))
    if not trusted:
        out.append(Check(False, certificate, msg("signatures.check.no_trust")))
    elif chain:
        out.append(Check(False, certificate, joined(chain)))
    elif status.validation_path is not None and status.trust_problem_indic is None:
        anchor = subject_name(status.validation_path.trust_anchor.authority.name)
        out.append(Check(True, certificate, msg(
            "signatures.check.chained_crl" if crls else "signatures.check.chained",
            anchor=anchor)))
    elif status.revoked:
        out.append(Check(False, certificate, msg("signatures.check.revoked")))
    else:
        why = status.trust_problem_indic
        indication = (msg("signatures.check.why",
                          indication=str(why.standard_name).lower().replace("_", " "))
                      if why else plain(""))
        out.append(Check(False, certificate, msg("signatures.check.untrusted", why=indication)))
    return out


def _match(role: Role | None, cert: x509.Certificate, report: Printed | None,
           accept: bool, personal: list[x509.Certificate]) -> Check:
    """Whether the certificate names what the report prints for the signature's role.
    `accept` forgives only a personal signature by someone else (`sign --accept-mismatch`):
    never a seal, a field `assess sign` does not make, or a name the pages do not print.
    `personal`: the certificates of the personal signatures before this one."""
    if role is None:
        return Check(False, _subject("role"), msg("signatures.match.failed",
                                                  problem=msg("signatures.match.no_role")))
    subject = _subject(f"who_{role}")
    expected = report.expected(role) if report is not None else None
    if role == "organisation" and not personal:
        return Check(False, subject, msg("signatures.match.seal_alone"))
    if role == "organisation" and any(same_key(cert, c) for c in personal):
        return Check(False, subject, msg("signatures.match.seal_own_key"))
    if report is not None and role in report.unshown:
        return Check(False, subject, msg("signatures.match.failed", problem=msg(
            "signatures.match.unshown", who=who(role), name=report.unshown[role])))
    if expected is None:
        text = msg(f"signatures.match.unknown_{role}")
    elif (names_person if role == "personal" else names_body)(cert, expected):
        return Check(True, subject, msg("signatures.match.ok", who=who(role), printed=expected))
    else:
        text = msg(f"signatures.match.{role}", cert=certificate_name(cert), printed=expected)
    if accept and role == "personal":
        return Check(True, subject, msg("signatures.match.accepted_verify", problem=text),
                     warning=True)
    return Check(False, subject, msg("signatures.match.failed", problem=text))


def _timestamp_check(status: PdfSignatureStatus, trusted: bool) -> Check | None:
    ts = status.timestamp_validity
    if ts is None:
        return None
    subject = _subject("timestamp")
    said = {"at": vietnam_time(ts.timestamp), "tsa": certificate_name(ts.signing_cert)}
    if not (ts.intact and ts.valid):
        return Check(False, subject, msg("signatures.timestamp.invalid", **said))
    if not trusted:
        return Check(True, subject, msg("signatures.timestamp.unchecked", **said))
    if ts.trusted and ts.validation_path is not None:
        anchor = subject_name(ts.validation_path.trust_anchor.authority.name)
        return Check(True, subject, msg("signatures.timestamp.ok", anchor=anchor, **said))
    return Check(False, subject, msg("signatures.timestamp.untrusted", **said))


@dataclass(frozen=True, slots=True)
class _Dss:
    """The long-term validation data a PDF embeds (its document security store)."""

    certs: list[x509.Certificate]
    crls: list[Any]


def _dss(reader: PdfFileReader) -> _Dss | None:
    from asn1crypto import crl as asn1_crl
    from pyhanko.sign.validation.dss import DocumentSecurityStore

    try:
        dss = DocumentSecurityStore.read_dss(reader)
        return _Dss(list(dss.load_certs()), [
            asn1_crl.CertificateList.load(ref.get_object().data) for ref in dss.crls])
    except Exception:  # none (NoDSSFoundError), or damaged: as good as none, and said so
        return None


def _signatures(reader: PdfFileReader, roots: list[x509.Certificate],
                report: Printed | None = None, accept_mismatch: bool = False,
                dss: _Dss | None = None) -> list[SignatureCheck]:
    context = ValidationContext(trust_roots=roots, allow_fetching=False,
                                revocation_mode="soft-fail",
                                other_certs=dss.certs if dss else [],
                                crls=dss.crls if dss else [])
    now = dt.datetime.now(dt.UTC)
    sigs = list(reader.embedded_signatures)
    out: list[SignatureCheck] = []
    personal: list[x509.Certificate] = []
    for i, sig in enumerate(sigs):
        field = visible(str(sig.field_name), True)
        role = role_of(str(sig.field_name))
        try:
            with quiet("pyhanko"), quiet("pyhanko_certvalidator"):
                status = validate_pdf_signature(sig, context, key_usage_settings=SIGNING_USAGE)
            problems = chain_problems(status.signing_cert, sig.other_embedded_certs, roots,
                                      status.signer_reported_dt, now) if roots else []
        except Exception as exc:  # a damaged signature can fail anywhere in pyHanko or asn1crypto
            out.append(SignatureCheck(field, "?", None, [Check(
                False, _subject("signature"), msg("signatures.check.unreadable", **_error(exc)))],
                role))
            continue
        contents = sig.sig_object.raw_get("/Contents")
        checks = _signature_checks(status, last=i == len(sigs) - 1, trusted=bool(roots),
                                   padding_ok=_padding_ok(bytes(contents)), chain=problems,
                                   crls=bool(dss and dss.crls))
        checks.append(_match(role, status.signing_cert, report, accept_mismatch, personal))
        stamp = _timestamp_check(status, bool(roots))
        if stamp is not None:
            checks.append(stamp)
        ts = status.timestamp_validity
        out.append(SignatureCheck(
            field, certificate_name(status.signing_cert),
            ts.timestamp if ts is not None else status.signer_reported_dt, checks, role,
            ts is not None))
        if role == "personal":
            personal.append(status.signing_cert)
    return out


def _ltv_check(dss: _Dss | None) -> Check:
    if dss is None:
        return Check(True, _subject("ltv"), msg("signatures.ltv.absent"))
    return Check(True, _subject("ltv"), msg("signatures.ltv.present", certs=len(dss.certs),
                                            crls=len(dss.crls)))


def _attachments(reader: PdfFileReader) -> tuple[dict[str, bytes], list[Check], set[str]]:
    """Embedded files by name (PDF /EmbeddedFiles name tree), the problems found, and the
    names of the files that could not be read."""
    files: dict[str, bytes] = {}
    problems: list[Check] = []
    unreadable: set[str] = set()
    for name, spec in name_tree(entry(entry(reader.root, "/Names"), "/EmbeddedFiles")):
        if spec is None:
            problems.append(Check(False, plain(name), msg("signatures.attach.dangling")))
            unreadable.add(name)
            continue
        try:
            data = spec["/EF"]["/F"].data
        except Exception as exc:  # missing keys, a damaged stream (zlib), a bad filter…
            problems.append(Check(False, plain(name), msg("signatures.attach.unreadable",
                                                          **_error(exc))))
            unreadable.add(name)
            continue
        if name in files:
            problems.append(Check(False, plain(name), msg("signatures.attach.twice")))
        files[name] = data
    return files, problems, unreadable - set(files)


def _verdict(value: str) -> tuple[str, str]:
    """The verdict an assessment records: its word in Vietnamese, its value in English."""
    word = t(value, "vi")
    return (word[:1].lower() + word[1:] if word != value else value), value


def _document_checks(files: dict[str, bytes], unreadable: set[str],
                     text: str | None) -> list[Check]:
    if ASSESSMENT in unreadable:
        return []  # already said: cannot read it
    if ASSESSMENT not in files:
        return [Check(False, plain(ASSESSMENT), msg(
            "signatures.doc.no_assessment",
            attached=", ".join(sorted(files)) or msg("signatures.attach.nothing")))]
    try:
        a: Any = json.loads(files[ASSESSMENT])
        proposal, checklist, review = a["proposal"], a["checklist"], a.get("review")
        wanted: list[tuple[Msg, str | None, Any]] = [
            (_subject("proposal"), Path(proposal.get("file") or "").name or None,
             proposal["sha256"]),
            (_subject("checklist"), f"{checklist['id']}-{checklist['version']}.yaml",
             checklist["sha256"])]
        platform = a.get("platform")
        if platform:
            wanted.append((_subject("platform"), f"{platform['id']}-{platform['version']}.yaml",
                           platform["sha256"]))
        if review:
            wanted.append((_subject("review"), None, review["sha256"]))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return [Check(False, plain(ASSESSMENT), msg("signatures.doc.bad_assessment",
                                                    detail=plain(repr(exc))))]
    out = [Check(True, plain(ASSESSMENT), msg(
        "signatures.doc.assessment", proposal=plain(str(proposal.get("id"))),
        checklist=plain(f"{checklist.get('id')}@{checklist.get('version')}"),
        verdict=_verdict(str(a.get("verdict")))))]
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    used = {ASSESSMENT}
    for what, name, sha in wanted:
        if name is None:  # known by its digest only: the review
            name = next((n for n, d in sorted(digests.items()) if d == sha and n not in used),
                        None)
            if name is None:
                out.append(Check(False, what, msg("signatures.doc.missing_by_digest", what=what,
                                                  sha=_short(sha))))
                continue
        used.add(name)
        if name in unreadable:
            continue
        file = plain(name)
        if name not in files:
            out.append(Check(False, file, msg("signatures.doc.missing", what=what,
                                              sha=_short(sha))))
        elif digests[name] != sha:
            out.append(Check(False, file, msg("signatures.doc.other_file", what=what,
                                              found=_short(digests[name]), sha=_short(sha))))
        else:
            printed = (msg("signatures.doc.printed") if text is not None and sha in text
                       else plain(""))
            out.append(Check(True, file, msg("signatures.doc.matches", what=what,
                                             sha=_short(sha), printed=printed)))
        if text is not None and sha not in text:
            out.append(Check(False, file, msg("signatures.doc.not_printed", what=what,
                                              sha=_short(sha))))
    if text is None:
        out.append(Check(False, _subject("text"), msg("signatures.doc.no_text")))
    for name in sorted(set(files) - used):
        out.append(Check(True, plain(name), msg("signatures.doc.extra")))
    return out


def verify_pdf(data: bytes, trust_roots: Sequence[x509.Certificate], *,
               name: str = "report.pdf", accept_mismatch: bool = False) -> Verification:
    """Every check of a signed report (see the module's docstring)."""
    result = Verification(name)
    try:
        reader = PdfFileReader(io.BytesIO(data))
        sigs = list(reader.embedded_signatures)
    except Exception as exc:  # damaged beyond reading: that is the verdict, not a crash
        result.checks.append(Check(False, plain("PDF"), msg("signatures.doc.unreadable",
                                                            **_error(exc))))
        return result
    try:
        files, problems, unreadable = _attachments(reader)
    except Exception as exc:  # a damaged PDF can fail anywhere in pyHanko: that is a verdict
        files, unreadable = {}, set()
        problems = [Check(False, _subject("attachments"), msg("signatures.doc.unreadable",
                                                               **_error(exc)))]
    dss = _dss(reader) if sigs else None
    text = page_text(data)
    if not sigs:
        result.checks.append(Check(False, _subject("signature"), msg("signatures.doc.unsigned")))
    else:
        result.signatures = _signatures(reader, list(trust_roots), printed(files, text),
                                        accept_mismatch, dss)
        result.checks.append(_ltv_check(dss))
    result.checks += problems
    result.checks += _document_checks(files, unreadable, text)
    return result


__all__ = ["ASSESSMENT", "Check", "SignatureCheck", "Verification", "load_trust_roots",
           "verify_pdf"]

"""Verify a signed report: the signature, what it covers, who signed, and what the report carries.

A report verifies when every check passes:

- it has a signature, every signature is intact (the signed bytes are unchanged) and valid
  (the signature value matches the signer's certificate);
- the last signature covers the whole file: nothing was added after it (earlier signatures may
  only be followed by further signatures);
- every signer's certificate chains to one of the trust roots given (offline: revocation is not
  checked, and no certificate is fetched);
- the attachments the report embeds — `assessment.json`, the proposal, the checklist, the platform
  profile it names (and the review) — are there, and each input's SHA-256 is the one
  `assessment.json` records and the report prints in its identity annex.

Nothing here raises for a bad signature: every failure is a check that says what is wrong.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import logging
import re
from collections.abc import Iterator, Sequence
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
from assess.core.text import visible
from assess.signatures.certificates import SIGNING_USAGE, chain_problems, subject_name
from assess.signatures.certificates import name as certificate_name
from assess.signatures.sign import entry, name_tree

log = logging.getLogger(__name__)

ASSESSMENT = "assessment.json"
"""Name of the attached assessment, as `assess report` embeds it."""


@dataclass(frozen=True, slots=True)
class Check:
    """One thing verified, and whether it holds."""

    ok: bool
    subject: str
    text: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.text}"


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    """One signature of the PDF and its checks."""

    field: str
    signer: str
    signed_at: dt.datetime | None
    checks: list[Check]

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
            raise InputError.single(path, "no certificate in it; expected a CA certificate "
                                    "(PEM or DER; a .p12 key file is not one)")
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
                      padding_ok: bool = True, chain: Sequence[str] = ()) -> list[Check]:
    """`chain`: what `certificates.chain_problems` finds wrong with the signer's chain."""
    out: list[Check] = []
    if not padding_ok:
        out.append(Check(False, "integrity", "the signature's field was changed after signing "
                         "(bytes after the signature value)"))
    elif status.intact and status.valid:
        out.append(Check(True, "integrity", "the signed bytes are unchanged and the signature "
                         f"value is correct ({status.md_algorithm}, "
                         f"{status.pkcs7_signature_mechanism})"))
    elif not status.intact:
        out.append(Check(False, "integrity", "the document was changed after it was signed: "
                         "the signed bytes no longer match the signature"))
    else:
        out.append(Check(False, "integrity", "the signature value does not match the signer's "
                         "certificate"))
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        out.append(Check(True, "coverage", "the signature covers the whole file: nothing was "
                         "added after signing"))
    elif last or status.coverage != SignatureCoverageLevel.ENTIRE_REVISION:
        out.append(Check(False, "coverage", "the signature does not cover the whole file: the "
                         "document was changed after it was signed"))
    elif status.docmdp_ok and status.modification_level is not None and (
            status.modification_level <= ModificationLevel.FORM_FILLING):
        out.append(Check(True, "coverage", "later revisions only add signatures"))
    else:
        out.append(Check(False, "coverage", "the document was changed after this signature "
                         "beyond adding signatures"))
    if not trusted:
        out.append(Check(False, "certificate", "not checked: no trust root given; expected "
                         "--trust CA.pem with the certificate authority you trust"))
    elif chain:
        out.append(Check(False, "certificate", "; ".join(chain)))
    elif status.validation_path is not None and status.trust_problem_indic is None:
        anchor = subject_name(status.validation_path.trust_anchor.authority.name)
        out.append(Check(True, "certificate", f"chains to the trust root \"{anchor}\" "
                         "(revocation not checked: offline)"))
    elif status.revoked:
        out.append(Check(False, "certificate", "the signer's certificate is revoked"))
    else:
        why = status.trust_problem_indic
        out.append(Check(False, "certificate", "the signer's certificate does not chain to a "
                         "trust root given with --trust"
                         + (f" ({str(why.standard_name).lower().replace('_', ' ')})"
                            if why else "")))
    return out


def _signatures(reader: PdfFileReader, roots: list[x509.Certificate]) -> list[SignatureCheck]:
    context = ValidationContext(trust_roots=roots, allow_fetching=False,
                                revocation_mode="soft-fail")
    now = dt.datetime.now(dt.UTC)
    sigs = list(reader.embedded_signatures)
    out: list[SignatureCheck] = []
    for i, sig in enumerate(sigs):
        try:
            with _quiet("pyhanko"), _quiet("pyhanko_certvalidator"):
                status = validate_pdf_signature(sig, context, key_usage_settings=SIGNING_USAGE)
            problems = chain_problems(status.signing_cert, sig.other_embedded_certs, roots,
                                      status.signer_reported_dt, now) if roots else []
        except Exception as exc:  # a damaged signature can fail anywhere in pyHanko or asn1crypto
            out.append(SignatureCheck(visible(str(sig.field_name), True), "?", None, [Check(
                False, "signature", f"cannot be read or validated ({type(exc).__name__}: "
                f"{str(exc)[:200]})")]))
            continue
        contents = sig.sig_object.raw_get("/Contents")
        out.append(SignatureCheck(
            visible(str(sig.field_name), True), certificate_name(status.signing_cert),
            status.signer_reported_dt,
            _signature_checks(status, last=i == len(sigs) - 1, trusted=bool(roots),
                              padding_ok=_padding_ok(bytes(contents)), chain=problems)))
    return out


def _attachments(reader: PdfFileReader) -> tuple[dict[str, bytes], list[Check]]:
    """Embedded files by name (PDF /EmbeddedFiles name tree)."""
    files: dict[str, bytes] = {}
    problems: list[Check] = []
    for name, spec in name_tree(entry(entry(reader.root, "/Names"), "/EmbeddedFiles")):
        if spec is None:
            problems.append(Check(False, name, "cannot read the attached file: its reference "
                                  "points at no object in the PDF (a damaged or edited file)"))
            continue
        try:
            data = spec["/EF"]["/F"].data
        except Exception as exc:  # missing keys, a damaged stream (zlib), a bad filter…
            problems.append(Check(False, name, "cannot read the attached file "
                                  f"({type(exc).__name__}: {str(exc)[:200]})"))
            continue
        if name in files:
            problems.append(Check(False, name, "attached twice; expected one file per name"))
        files[name] = data
    return files, problems


@contextlib.contextmanager
def _quiet(logger: str) -> Iterator[None]:
    """pypdf warns through logging about harmless oddities; they are not ours to print."""
    target = logging.getLogger(logger)
    level = target.level
    target.setLevel(logging.ERROR)
    try:
        yield
    finally:
        target.setLevel(level)


def _printed_text(data: bytes) -> str | None:
    """All text of the PDF without whitespace (so a digest broken across lines still matches)."""
    from pypdf import PdfReader

    try:
        with _quiet("pypdf"):
            reader = PdfReader(io.BytesIO(data))
            text = "".join(page.extract_text() or "" for page in reader.pages)
    except Exception as exc:  # a damaged PDF: the signature checks say what is wrong
        log.debug("cannot extract text: %s", exc)
        return None
    return re.sub(r"\s+", "", text)


def _document_checks(files: dict[str, bytes], unreadable: set[str],
                     text: str | None) -> list[Check]:
    if ASSESSMENT in unreadable:
        return []  # already said: cannot read it
    if ASSESSMENT not in files:
        return [Check(False, ASSESSMENT, "not attached; expected the assessment JSON that "
                      "'assess report' embeds (attached: "
                      + (", ".join(sorted(files)) or "nothing") + ")")]
    try:
        a: Any = json.loads(files[ASSESSMENT])
        proposal, checklist, review = a["proposal"], a["checklist"], a.get("review")
        wanted = [("proposal", Path(proposal.get("file") or "").name or None, proposal["sha256"]),
                  ("checklist", f"{checklist['id']}-{checklist['version']}.yaml",
                   checklist["sha256"])]
        platform = a.get("platform")
        if platform:
            wanted.append(("platform profile", f"{platform['id']}-{platform['version']}.yaml",
                           platform["sha256"]))
        if review:
            wanted.append(("review", None, review["sha256"]))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return [Check(False, ASSESSMENT, f"not an assessment 'assess report' wrote ({exc!r})")]
    out = [Check(True, ASSESSMENT, f"attached (proposal {proposal.get('id')}, checklist "
                 f"{checklist.get('id')}@{checklist.get('version')}, verdict "
                 f"{a.get('verdict')})")]
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    used = {ASSESSMENT}
    for what, name, sha in wanted:
        if name is None:  # known by its digest only: the review
            name = next((n for n, d in sorted(digests.items()) if d == sha and n not in used),
                        None)
            if name is None:
                out.append(Check(False, what, f"not attached; expected the {what} file whose "
                                 f"SHA-256 {ASSESSMENT} records ({_short(sha)})"))
                continue
        used.add(name)
        if name in unreadable:
            continue
        if name not in files:
            out.append(Check(False, name, f"not attached; expected the {what} file (SHA-256 "
                             f"{_short(sha)} in {ASSESSMENT})"))
        elif digests[name] != sha:
            out.append(Check(False, name, f"the attached {what} is not the one assessed: its "
                             f"SHA-256 is {_short(digests[name])}, {ASSESSMENT} records "
                             f"{_short(sha)}"))
        else:
            printed = " and the report prints" if text is not None and sha in text else ""
            out.append(Check(True, name, f"the {what}: SHA-256 {_short(sha)}, as {ASSESSMENT} "
                             f"records{printed}"))
        if text is not None and sha not in text:
            out.append(Check(False, name, f"the report does not print the {what}'s SHA-256 "
                             f"{_short(sha)}; expected it in the identity annex"))
    if text is None:
        out.append(Check(False, "text", "cannot read the report's text to find the printed "
                         "SHA-256 digests"))
    for name in sorted(set(files) - used):
        out.append(Check(True, name, "also attached (not an input the assessment records; "
                         "not checked)"))
    return out


def verify_pdf(data: bytes, trust_roots: Sequence[x509.Certificate], *,
               name: str = "report.pdf") -> Verification:
    """Every check of a signed report (see the module's docstring)."""
    result = Verification(name)
    try:
        reader = PdfFileReader(io.BytesIO(data))
        sigs = list(reader.embedded_signatures)
    except Exception as exc:  # damaged beyond reading: that is the verdict, not a crash
        result.checks.append(Check(False, "PDF", f"cannot be read ({type(exc).__name__}: "
                                   f"{str(exc)[:200]})"))
        return result
    if not sigs:
        result.checks.append(Check(False, "signature", "the PDF has no digital signature"))
    else:
        result.signatures = _signatures(reader, list(trust_roots))
    try:
        files, problems = _attachments(reader)
    except Exception as exc:  # a damaged PDF can fail anywhere in pyHanko: that is a verdict
        files, problems = {}, [Check(False, "attachments", "cannot be read (" + type(exc).__name__
                                     + f": {str(exc)[:200]})")]
    result.checks += problems
    unreadable = {c.subject for c in problems} - set(files)
    result.checks += _document_checks(files, unreadable, _printed_text(data))
    return result


__all__ = ["ASSESSMENT", "Check", "SignatureCheck", "Verification", "load_trust_roots",
           "verify_pdf"]

"""Sign a report: a PAdES baseline signature made with pyHanko, placed in its signature block.

A Vietnamese electronic document carries the competent signer's own digital signature and then
the issuing body's (its seal). So a report is signed in one of two roles:

- **personal** (field `assess-signature`): the certificate's common name must be the signer the
  report prints (`issuer.signer.name` of its attached assessment.json); a mismatch, or a report
  that names no signer, is refused unless the caller accepts it (`accept_mismatch`), and then
  every verification shows it;
- **organisation** (field `assess-seal`): only after a personal signature; the certificate's
  common name or organisation must be the issuing body the report prints (`issuer.body.vi`);
  a mismatch is always refused.

Where the personal signature goes, first match wins:

1. an empty signature field named `assess-signature`, if the PDF has one;
2. a new visible field over the box the report marks with two element ids, which WeasyPrint
   writes as named destinations: `assess-signature` (the box's top-left corner) and
   `assess-signature-end` (its bottom-right corner; without it the box is `DEFAULT_BOX` in size);
3. an invisible signature (a field with an empty rectangle).

The seal goes over the left third of the same box, overlapping the signer's signature as a
stamped seal overlaps the handwritten one (Decree 30/2020/ND-CP Appendix I; the exact positions
of the two images are TO CONFIRM with the Government Office's guidance), or is invisible when
the report marks no box.

The signing time (in the signature and on the stamps) is Vietnam time, +07:00. Optional, on
request: an RFC 3161 timestamp from a time-stamping authority (PAdES B-T), and the chain's
certificates and CRLs embedded in a document security store (PAdES B-LT).

The signature is an incremental update: the report's own bytes stay as they are, and with them
its PDF/A-3b conformance. What the update adds keeps to PDF/A too: the appearance's font is the
report's own Liberation Serif, embedded (subset); the widget is printable and locked; pyHanko
updates the XMP metadata together with the Info dictionary.

Only the commands `sign` and `verify` import this module (pyHanko is heavy).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import string
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Literal

from asn1crypto import crl as asn1_crl
from asn1crypto import x509 as asn1_x509
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.api import FontEngine, FontEngineFactory
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext

from assess.core.errors import InputError
from assess.core.files import MAX_KEY_BYTES, read_regular
from assess.core.i18n import words
from assess.core.i18n.messages import msg, plain
from assess.core.i18n.signature import STAMP
from assess.core.resources import data_dir
from assess.core.text import visible
from assess.signatures.certificates import (
    VIETNAM,
    chain_problems,
    joined,
    names_body,
    names_person,
    same_key,
)
from assess.signatures.certificates import name as certificate_name
from assess.signatures.printed import FIELDS, Printed, Role, page_text, printed, quiet, who

log = logging.getLogger(__name__)

FIELD = FIELDS["personal"]
"""Name of the personal signature's field, and of the element id that marks the box's top-left
corner."""
SEAL = FIELDS["organisation"]
"""Name of the organisation signature's (the seal's) field."""
SEAL_REACH = 45
"""How far (points: 16 mm) the seal reaches left of the signer's box, into the margin of the
signature column: a text stamp cannot overlap another as a red seal image does, so both are
set flush right — the signer's in the right two-thirds of its box, the seal's ending where the
signer's begins — and the two fields overlap by the box's left third without their texts
colliding."""
BOX_END = "assess-signature-end"
"""Element id that marks the box's bottom-right corner."""
DEFAULT_BOX = (170.0, 62.0)
"""Width and height (points: 60 × 22 mm) of the box when only its top-left corner is marked."""
FONT = "fonts/LiberationSerif-Regular.ttf"
"""The appearance's font, under the templates folder: the one the report is set in."""

Placement = Literal["field", "box", "invisible"]


@dataclass(frozen=True, slots=True)
class Signed:
    """A signed PDF and where its signature went."""

    pdf: bytes
    signer: str
    placement: Placement
    page: int | None
    """1-based page of a visible signature."""
    role: Role = "personal"
    field: str = FIELD
    matches: bool = True
    """Whether the certificate names what the report prints (False only when accepted)."""
    signed_at: dt.datetime | None = None
    timestamped: bool = False
    ltv: bool = False


@dataclass(frozen=True, slots=True)
class Ltv:
    """What long-term validation data (PAdES B-LT) is collected from: the roots the chain
    (and the timestamp's) ends at, CRLs given as files, and whether the CRLs the certificates
    point to may be fetched."""

    roots: list[asn1_x509.Certificate]
    crls: list[asn1_crl.CertificateList]
    fetch: bool


def read_password_file(path: Path) -> bytes:
    """The password in `path`: its bytes, without one trailing line break."""
    data = read_regular(path, MAX_KEY_BYTES)
    return data.removesuffix(b"\n").removesuffix(b"\r")


def _open_pkcs12(data: bytes, password: bytes | None) -> signers.SimpleSigner | None:
    try:
        signer: signers.SimpleSigner = signers.SimpleSigner.load_pkcs12_data(
            data, (), passphrase=password)
    except Exception:  # pyHanko wraps every failure (wrong password, bad file) as ValueError
        return None
    return signer


def _usable(path: Path | str, signer: signers.Signer) -> signers.Signer:
    """`signer` if its certificate may sign today; otherwise the reason, as an input error."""
    cert = signer.signing_cert
    if cert is None:
        raise InputError.single(path, msg("signatures.key.no_certificate"))
    found = chain_problems(cert, signer.cert_registry, None, None, dt.datetime.now(dt.UTC))
    if found:
        raise InputError.single(path, msg("signatures.key.cannot_sign", problems=joined(found)))
    return signer


def is_pkcs12(path: Path) -> bool:
    """Whether `path` holds a PKCS#12 structure at all (before any password is tried)."""
    from asn1crypto import pkcs12

    try:
        _ = pkcs12.Pfx.load(read_regular(path, MAX_KEY_BYTES))["auth_safe"].native
    except Exception:  # asn1crypto raises ValueError, TypeError or its own errors
        return False
    return True


def load_key(path: Path, password: bytes | None) -> signers.SimpleSigner:
    """The signing key and certificate chain of a PKCS#12 file (.p12/.pfx). `password` None:
    a file without one (tried as no password, then as the empty one)."""
    data = read_regular(path, MAX_KEY_BYTES)
    tries = [password] if password is not None else [None, b""]
    signer = next((s for p in tries if (s := _open_pkcs12(data, p)) is not None), None)
    if signer is None:
        raise InputError.single(path, msg("signatures.key.cannot_open"))
    _usable(path, signer)
    return signer


def open_without_password(path: Path) -> signers.SimpleSigner | None:
    """The key of a PKCS#12 file that has no password; None when it needs one."""
    data = read_regular(path, MAX_KEY_BYTES)
    signer = next((s for p in (None, b"") if (s := _open_pkcs12(data, p)) is not None), None)
    return None if signer is None else _usable(path, signer)  # type: ignore[return-value]


@contextlib.contextmanager
def token_key(lib: Path, token: str, key: str, pin: str) -> Iterator[signers.Signer]:
    """The signing key `key` (and its certificate, labelled alike) on the PKCS#11 token
    labelled `token`, through the module `lib` (a USB token's driver, or SoftHSM2); the
    session stays open while the caller signs."""
    try:
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session
    except ImportError:
        raise InputError.single("--pkcs11-lib", msg("signatures.token.no_module")) from None
    try:
        session = open_pkcs11_session(str(lib), token_criteria=TokenCriteria(label=token),
                                      user_pin=pin)
    except Exception as exc:  # python-pkcs11 and pyHanko raise their own kinds
        raise InputError.single(lib, msg("signatures.token.cannot_open", token=token,
                                         detail=plain(_said(exc)))) from None
    try:
        try:
            signer = PKCS11Signer(session, key_label=key, cert_label=key,
                                  other_certs_to_pull=None)
            _ = signer.signing_cert, signer.cert_registry
        except Exception as exc:  # no such key or certificate on the token
            raise InputError.single("--key-label", msg(
                "signatures.token.no_key", key=key, token=token,
                detail=plain(_said(exc)))) from None
        yield _usable(f"{token}/{key}", signer)
    finally:
        with contextlib.suppress(Exception):
            session.close()


def _said(exc: BaseException) -> str:
    """An exception in a line: its own words, or its kind when it has none."""
    return visible(str(exc) or type(exc).__name__, one_line=True)[:200]


def signer_name(signer: signers.Signer) -> str:
    """The certificate's common name, or its whole subject when it has none."""
    return "?" if signer.signing_cert is None else certificate_name(signer.signing_cert)


def resolve(obj: Any) -> Any:
    """The object an indirect reference points to; any other object as it is."""
    if isinstance(obj, generic.IndirectObject):
        try:
            return obj.get_object()  # type: ignore[no-untyped-call]
        except Exception:  # dangling (PdfError), in a damaged object stream (zlib.error), …
            return None  # reads as nothing; the caller says what is missing
    return obj


def entry(obj: Any, key: str) -> Any:
    """`obj[key]` with indirect references resolved, or None (pyHanko's `.get` resolves none)."""
    obj = resolve(obj)
    if not isinstance(obj, generic.DictionaryObject) or key not in obj:
        return None
    return resolve(obj.raw_get(key))


def name_tree(node: Any) -> Iterator[tuple[str, Any]]:
    """(name, value) pairs of a PDF name tree (`/Names` leaves under `/Kids`), values resolved."""
    seen: set[int] = set()
    stack = [node]
    while stack and len(seen) < 10_000:
        current = resolve(stack.pop())
        if id(current) in seen or not isinstance(current, generic.DictionaryObject):
            continue
        seen.add(id(current))
        names = entry(current, "/Names")
        if isinstance(names, generic.ArrayObject):
            for i in range(0, len(names) - 1, 2):
                key, value = resolve(names.raw_get(i)), resolve(names.raw_get(i + 1))
                if isinstance(key, str):
                    yield str(key), value
                elif isinstance(key, bytes):
                    yield key.decode("latin-1"), value
        kids = entry(current, "/Kids")
        if isinstance(kids, generic.ArrayObject):
            stack.extend(kids.raw_get(i) for i in reversed(range(len(kids))))


def _page_refs(reader: PdfFileReader) -> list[int]:
    """Object numbers of the pages, in order."""
    out: list[int] = []
    stack: list[Any] = [reader.root.raw_get("/Pages")]
    while stack:
        ref = stack.pop()
        node = resolve(ref)
        if entry(node, "/Type") == "/Pages":
            kids = node["/Kids"]
            stack.extend(reversed([kids.raw_get(i) for i in range(len(kids))]))
        elif isinstance(ref, generic.IndirectObject):
            out.append(ref.idnum)
    return out


def _number(value: Any) -> float | None:
    """A PDF number (pyHanko's are int or Decimal subclasses) as a float; None if not one."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    return float(value)


def _destinations(reader: PdfFileReader) -> dict[str, tuple[int, float, float]]:
    """Named destinations of the /XYZ kind: name -> (page object number, left, top)."""
    out: dict[str, tuple[int, float, float]] = {}
    for name, value in name_tree(entry(entry(reader.root, "/Names"), "/Dests")):
        dest = entry(value, "/D") if isinstance(value, generic.DictionaryObject) else value
        if not isinstance(dest, generic.ArrayObject) or len(dest) < 4 or dest[1] != "/XYZ":
            continue
        page = dest.raw_get(0)
        left, top = _number(dest[2]), _number(dest[3])
        if isinstance(page, generic.IndirectObject) and left is not None and top is not None:
            out[name] = (page.idnum, left, top)
    return out


def signature_box(reader: PdfFileReader) -> tuple[int, tuple[int, int, int, int]] | None:
    """The 0-based page and rectangle (x1, y1, x2, y2) the report marks for the signature."""
    dests = _destinations(reader)
    if FIELD not in dests:
        return None
    page, left, top = dests[FIELD]
    pages = _page_refs(reader)
    if page not in pages:
        return None
    end = dests.get(BOX_END)
    if end is not None and end[0] == page and end[1] > left and end[2] < top:
        right, bottom = end[1], end[2]
    else:
        right, bottom = left + DEFAULT_BOX[0], top - DEFAULT_BOX[1]
    return pages.index(page), (round(left), round(bottom), round(right), round(top))


class _Writer(IncrementalPdfFileWriter):
    """Leaves the Info dictionary and the XMP metadata as the report wrote them.

    pyHanko updates both on every revision, but writes a different Producer to each (Info:
    "WeasyPrint …; pyHanko …", XMP: "pyHanko …"), which PDF/A forbids. Left alone, they stay
    equivalent, and the signed revision adds only the signature and its appearance.
    """

    def _update_meta(self) -> None:
        return None


def _fields(reader: PdfFileReader) -> dict[str, bool]:
    """The PDF's signature fields: name -> whether it is signed."""
    return {name: value is not None
            for name, value, _ref in fields.enumerate_sig_fields(reader, filled_status=None)}


def attached(reader: PdfFileReader) -> dict[str, bytes]:
    """The embedded files that can be read, by name (`verify` says what cannot)."""
    out: dict[str, bytes] = {}
    for name, spec in name_tree(entry(entry(reader.root, "/Names"), "/EmbeddedFiles")):
        with contextlib.suppress(Exception):  # damaged: verify says so; sign only reads names
            out.setdefault(name, spec["/EF"]["/F"].data)
    return out


@cache
def _font_program(chars: str) -> bytes:
    """The report's font, cut down to `chars` and rescaled to 1000 units per em.

    pyHanko (0.38) writes glyph widths in the font's own units, which a PDF reader takes as
    thousandths of an em: right only for fonts of 1000 units per em (Liberation has 2048), so
    the font is rescaled first. Cutting it down first makes the rescaling cheap.
    """
    font = TTFont(data_dir("templates") / FONT)
    if "FFTM" in font:  # FontForge's timestamps: fontTools cannot subset them and says so
        del font["FFTM"]
    options = subset.Options()
    options.layout_features = ["*"]
    options.notdef_outline = True
    cutter = subset.Subsetter(options=options)
    cutter.populate(text=chars)
    cutter.subset(font)
    scale_upem(font, 1000)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


class _ReportFont(FontEngineFactory):
    """Makes pyHanko embed the report's font (a subset) in the signature's appearance."""

    def __init__(self, chars: str, size: int) -> None:
        self.chars = "".join(sorted(set(chars + string.printable)))
        self.size = size

    def create_font_engine(self, writer: BasePdfFileWriter,
                           obj_stream: generic.StreamObject | None = None) -> FontEngine:
        return GlyphAccumulator(writer=writer, font_handle=io.BytesIO(_font_program(self.chars)),
                                font_size=self.size, obj_stream=obj_stream)


def _stamp(lang: str, role: Role, who_: str, left: int = 2) -> tuple[TextStampStyle, str]:
    """The stamp's style and its time format (Vietnam time, written by the caller); `left`:
    the room kept free on its left (the seal's, on a signer's stamp)."""
    stamp = words(STAMP, "en" if lang.startswith("en") else "vi")
    template, ts_format = stamp[role], stamp["time"]
    size = 9
    return TextStampStyle(
        stamp_text=template, border_width=0, background=None,
        text_box_style=TextBoxStyle(font=_ReportFont(template + who_, size), font_size=size),
        inner_content_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MAX, y_align=AxisAlignment.ALIGN_MID,
            margins=Margins(left=left, right=2, top=2, bottom=2),
            inner_content_scaling=InnerScaling.SHRINK_TO_FIT)), ts_format


class _VietnamTimeSigner(signers.PdfSigner):
    """States the signing time the caller chose (Vietnam time) instead of pyHanko's own
    reading of the clock in the machine's zone, so the signature and its stamp agree."""

    def __init__(self, *args: Any, at: dt.datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.at = at

    def init_signing_session(self, pdf_out: BasePdfFileWriter,
                             existing_fields_only: bool = False) -> Any:
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self.at
        return session


def _check_before_seal(name: str, reader: PdfFileReader, cert: asn1_x509.Certificate) -> None:
    """A seal confirms the document the signer signed: refused when anything was changed or
    added after the personal signature, and when it would be made with the signer's own key."""
    for sig in reader.embedded_signatures:
        if sig.field_name != FIELD:
            continue
        if sig.evaluate_signature_coverage() != SignatureCoverageLevel.ENTIRE_FILE:
            raise InputError.single(name, msg("signatures.pdf.changed_since", field=FIELD))
        if same_key(sig.signer_cert, cert):
            raise InputError.single(name, msg("signatures.match.refused", problem=msg(
                "signatures.match.seal_own_key"), hint=plain("")))


def _check_name(name: str, role: Role, cert: asn1_x509.Certificate, report: Printed | None,
                accept_mismatch: bool) -> bool:
    """Whether the certificate names what the report prints for `role`; raises when it does
    not and that is not accepted (never for a seal, nor for a name the pages do not print)."""
    expected = report.expected(role) if report is not None else None
    holder = certificate_name(cert)
    if report is not None and role in report.unshown:
        raise InputError.single(name, msg("signatures.match.refused", problem=msg(
            "signatures.match.unshown", who=who(role), name=report.unshown[role]),
            hint=plain("")))
    if expected is None:
        problem = msg(f"signatures.match.unknown_{role}")
    elif (names_person if role == "personal" else names_body)(cert, expected):
        return True
    else:
        problem = msg(f"signatures.match.{role}", cert=holder, printed=expected)
    if role == "organisation" or not accept_mismatch:
        hint = (msg("signatures.match.hint") if role == "personal" else plain(""))
        raise InputError.single(name, msg("signatures.match.refused", problem=problem, hint=hint))
    log.warning("%s", msg("signatures.match.accepted", problem=problem))
    return False


def _placement(reader: PdfFileReader, role: Role, existing: dict[str, bool]
               ) -> tuple[Placement, int | None, fields.SigFieldSpec | None]:
    field = FIELDS[role]
    if role == "personal" and field in existing:
        return "field", None, None
    found = signature_box(reader)
    if found is None:
        return "invisible", None, fields.SigFieldSpec(field)
    index, (x1, y1, x2, y2) = found
    if role == "organisation":  # the seal over the left third of the signer's box
        x1, x2 = x1 - SEAL_REACH, x1 + max(1, (x2 - x1) // 3)
    return "box", index + 1, fields.SigFieldSpec(field, on_page=index, box=(x1, y1, x2, y2))


def open_reader(data: bytes, name: str) -> PdfFileReader:
    """The PDF in `data` for reading; an input error naming `name` if it is none."""
    try:
        reader = PdfFileReader(io.BytesIO(data))
        _ = reader.root
    except Exception as exc:  # pyHanko and its parser raise many kinds
        raise InputError.single(name, msg("signatures.pdf.unreadable",
                                          detail=plain(str(exc)))) from None
    return reader


def sign_pdf(data: bytes, signer: signers.Signer, *, name: str = "report.pdf",
             role: Role = "personal", accept_mismatch: bool = False,
             timestamper: TimeStamper | None = None, ltv: Ltv | None = None,
             tsa: str = "--tsa-url") -> Signed:
    """`data` signed by `signer` in `role` (PAdES, SHA-256; B-T with `timestamper`, B-LT with
    `ltv`), as an incremental update. `tsa` names the timestamp's source in messages."""
    try:
        writer = _Writer(io.BytesIO(data))
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        raise InputError.single(name, msg("signatures.pdf.unreadable",
                                          detail=plain(str(exc)))) from None
    reader = writer.prev
    if reader.encrypted:
        raise InputError.single(name, msg("signatures.pdf.encrypted"))
    existing = _fields(reader)
    if existing.get(SEAL):
        raise InputError.single(name, msg("signatures.pdf.sealed", field=SEAL))
    if existing.get(FIELDS[role]):
        raise InputError.single(name, msg("signatures.pdf.already_signed", field=FIELDS[role]))
    if role == "organisation" and not existing.get(FIELD):
        raise InputError.single(name, msg("signatures.pdf.seal_first", field=FIELD))
    cert = signer.signing_cert
    if cert is None:  # a signer's key without its certificate never got this far
        raise InputError.single(name, msg("signatures.key.no_certificate"))
    if role == "organisation":
        _check_before_seal(name, reader, cert)
    report = printed(attached(reader), page_text(data))
    matches = _check_name(name, role, cert, report, accept_mismatch)
    who_ = signer_name(signer)
    shown = who_  # the stamp names the certificate's holder, as it is
    placement, page, spec = _placement(reader, role, existing)
    lang = str(entry(reader.root, "/Lang") or "vi")
    keep = (spec.box[2] - spec.box[0]) // 3 + 2 if (
        role == "personal" and spec is not None and spec.box is not None) else 2
    style, ts_format = _stamp(lang, role, shown, keep)
    at = dt.datetime.now(VIETNAM).replace(microsecond=0)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELDS[role], md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        embed_validation_info=ltv is not None,
        validation_context=None if ltv is None else ValidationContext(
            trust_roots=ltv.roots, crls=ltv.crls, allow_fetching=ltv.fetch,
            revocation_mode="require"))
    pdf_signer = _VietnamTimeSigner(meta, signer=signer, stamp_style=style, new_field_spec=spec,
                                    timestamper=timestamper, at=at)
    out = io.BytesIO()
    try:
        with quiet("pyhanko.pdf_utils.layout"):
            pdf_signer.sign_pdf(writer, output=out, appearance_text_params={
                "signer": shown, "time": f"{at:{ts_format}}"})
    except Exception as exc:  # what the TSA, the CRLs or the token said; nothing is written
        raise _signing_error(exc, tsa, timestamper is not None, ltv is not None) from None
    log.info("%s", msg("signatures.signed", file=name, signer=who_,
                       placement=msg(f"signatures.placement.{placement}")))
    return Signed(out.getvalue(), who_, placement, page, role, FIELDS[role], matches, at,
                  timestamper is not None, ltv is not None)


def _signing_error(exc: Exception, tsa: str, timestamped: bool, ltv: bool) -> InputError:
    """Why signing failed, as the input to change: the TSA, the validation data, the key."""
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError

    chain = [exc, *(e for e in (exc.__cause__, exc.__context__) if e is not None)]
    detail = plain("; ".join(dict.fromkeys(_said(e) for e in chain)))
    if timestamped and any(isinstance(e, TimestampRequestError) for e in chain):
        return InputError.single(tsa, msg("signatures.tsa.failed", detail=detail))
    if ltv:
        return InputError.single("--ltv", msg("signatures.ltv.failed", detail=detail))
    return InputError.single("--key", msg("signatures.key.failed", detail=detail))


__all__ = ["BOX_END", "DEFAULT_BOX", "FIELD", "SEAL", "Ltv", "Signed", "attached", "entry",
           "is_pkcs12", "load_key", "name_tree", "open_reader", "open_without_password", "read_password_file",
           "resolve", "sign_pdf", "signature_box", "signer_name", "token_key"]

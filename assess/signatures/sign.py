"""Sign a report: a PAdES baseline (B-B) signature made with pyHanko, placed in its signature block.

Where the signature goes, first match wins:

1. an empty signature field named `assess-signature`, if the PDF has one;
2. a new visible field over the box the report marks with two element ids, which WeasyPrint
   writes as named destinations: `assess-signature` (the box's top-left corner) and
   `assess-signature-end` (its bottom-right corner; without it the box is `DEFAULT_BOX` in size);
3. an invisible signature (a field with an empty rectangle).

The signature is an incremental update: the report's own bytes stay as they are, and with them
its PDF/A-3b conformance. What the update adds keeps to PDF/A too: the appearance's font is the
report's own Liberation Serif, embedded (subset); the widget is printable and locked; pyHanko
updates the XMP metadata together with the Info dictionary.

Only the commands `sign` and `verify` import this module (pyHanko is heavy).
"""

from __future__ import annotations

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
from pyhanko.stamp import TextStampStyle

from assess.core.errors import InputError
from assess.core.files import MAX_KEY_BYTES, read_regular
from assess.core.i18n import words
from assess.core.i18n.messages import msg, plain
from assess.core.i18n.signature import STAMP
from assess.core.resources import data_dir
from assess.signatures.certificates import chain_problems, joined
from assess.signatures.certificates import name as certificate_name

log = logging.getLogger(__name__)

FIELD = "assess-signature"
"""Name of the signature field, and of the element id that marks the box's top-left corner."""
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


def read_password_file(path: Path) -> bytes:
    """The password in `path`: its bytes, without one trailing line break."""
    data = read_regular(path, MAX_KEY_BYTES)
    return data.removesuffix(b"\n").removesuffix(b"\r")


def load_key(path: Path, password: bytes) -> signers.SimpleSigner:
    """The signing key and certificate chain of a PKCS#12 file (.p12/.pfx)."""
    data = read_regular(path, MAX_KEY_BYTES)
    try:
        signer: signers.SimpleSigner = signers.SimpleSigner.load_pkcs12_data(
            data, (), passphrase=password or None)
    except Exception:  # pyHanko wraps every failure (wrong password, bad file) as ValueError
        raise InputError.single(path, msg("signatures.key.cannot_open")) from None
    cert = signer.signing_cert
    if cert is None:
        raise InputError.single(path, msg("signatures.key.no_certificate"))
    found = chain_problems(cert, signer.cert_registry, None, None, dt.datetime.now(dt.UTC))
    if found:
        raise InputError.single(path, msg("signatures.key.cannot_sign", problems=joined(found)))
    return signer


def signer_name(signer: signers.SimpleSigner) -> str:
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


def _existing_field(reader: PdfFileReader) -> bool | None:
    """None if the PDF has no field named FIELD, else whether that field is already signed."""
    for name, value, _ref in fields.enumerate_sig_fields(reader, filled_status=None):
        if name == FIELD:
            return value is not None
    return None


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


def _stamp(lang: str, signer: str) -> TextStampStyle:
    stamp = words(STAMP, "en" if lang.startswith("en") else "vi")
    template, ts_format = stamp["text"], stamp["time"]
    size = 9
    return TextStampStyle(
        stamp_text=template, timestamp_format=ts_format, border_width=0, background=None,
        text_box_style=TextBoxStyle(font=_ReportFont(template + signer, size), font_size=size),
        inner_content_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MID, y_align=AxisAlignment.ALIGN_MID,
            margins=Margins(left=2, right=2, top=2, bottom=2),
            inner_content_scaling=InnerScaling.SHRINK_TO_FIT))


def sign_pdf(data: bytes, signer: signers.SimpleSigner, *, name: str = "report.pdf") -> Signed:
    """`data` signed by `signer` (PAdES B-B, SHA-256), as an incremental update."""
    try:
        writer = _Writer(io.BytesIO(data))
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        raise InputError.single(name, msg("signatures.pdf.unreadable",
                                          detail=plain(str(exc)))) from None
    reader = writer.prev
    if reader.encrypted:
        raise InputError.single(name, msg("signatures.pdf.encrypted"))
    who = signer_name(signer)
    existing = _existing_field(reader)
    if existing:
        raise InputError.single(name, msg("signatures.pdf.already_signed", field=FIELD))
    placement: Placement
    page: int | None = None
    spec = None
    if existing is not None:
        placement = "field"
    elif (found := signature_box(reader)) is not None:
        placement, (index, box) = "box", found
        page = index + 1
        spec = fields.SigFieldSpec(FIELD, on_page=index, box=box)
    else:
        placement = "invisible"
        spec = fields.SigFieldSpec(FIELD)
    lang = entry(reader.root, "/Lang")
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES)
    pdf_signer = signers.PdfSigner(
        meta, signer=signer, stamp_style=_stamp(str(lang or "vi"), who), new_field_spec=spec)
    out = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=out)
    log.info("%s", msg("signatures.signed", file=name, signer=who,
                       placement=msg(f"signatures.placement.{placement}")))
    return Signed(out.getvalue(), who, placement, page)


__all__ = ["BOX_END", "DEFAULT_BOX", "FIELD", "Signed", "entry", "load_key", "name_tree",
           "read_password_file", "resolve", "sign_pdf", "signature_box", "signer_name"]

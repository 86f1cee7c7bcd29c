"""The formal report (issue 5): layout texts, fonts, attachments, reproducibility, safety, CLI.

PDFs are checked by extracted text (poppler's pdftotext), embedded fonts and attachments rather
than by bytes, except where determinism is the point. Renders are shared per module: each PDF of
an example costs a few seconds.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
import shutil
import subprocess
import sys
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assess.cli import app
from assess.core.i18n import Lang
from assess.documents.models import LegalBasis, Text
from tests import goldens
from tests.helpers import DATA, base_proposal, dump

MINI = DATA / "checklists"
OK = DATA / "proposal-ok.yaml"
EXAMPLE = goldens.EXAMPLES / "bac-giang-zalo-2019.yaml"
POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdffonts") is not None
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (make setup installs it)")
needs_example = pytest.mark.skipif(not EXAMPLE.exists(), reason="examples/ not present")


@dataclass
class Render:
    assessment: Any
    html: str
    pdf: bytes
    fetcher: Any


def render(proposal: Path, lang: Lang = "vi", *, review: Path | None = None,
           dirs: tuple[Path, ...] = ()) -> Render:
    from assess.outputs.report import embedded_files, render_pdf
    from assess.outputs.report.pdf import TemplateFetcher
    from assess.workflows.pipeline import assess_files

    a = assess_files(proposal, review=review, checklist_dirs=dirs)
    files = embedded_files(a, lang, review=review)
    fetcher = TemplateFetcher()
    html, pdf = render_pdf(a, lang, attachments=files, fetcher=fetcher)
    return Render(a, html, pdf, fetcher)


def pdf_text(pdf: bytes, tmp: Path, *, first: int | None = None, last: int | None = None,
             layout: bool = False) -> str:
    path = tmp / "doc.pdf"
    path.write_bytes(pdf)
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    mode = ["-layout"] if layout else []
    out = subprocess.run(["pdftotext", *mode, *pages, str(path), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return unicodedata.normalize("NFC", out)


def inflated(pdf: bytes) -> bytes:
    """The PDF with every Flate stream decompressed after it (object streams hide the
    dictionaries, the XMP metadata is compressed)."""
    parts = [pdf]
    for m in re.finditer(rb"stream\r?\n", pdf):
        with contextlib.suppress(zlib.error):
            parts.append(zlib.decompressobj().decompress(pdf[m.end():m.end() + 5_000_000]))
    return b"\n".join(parts)


def flat(text: str) -> str:
    """Text with runs of white space made one space (pdftotext lays columns out with many)."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def example_vi() -> Render:
    if not EXAMPLE.exists():
        pytest.skip("examples/ not present")
    return render(EXAMPLE, "vi")


@pytest.fixture(scope="module")
def example_en() -> Render:
    if not EXAMPLE.exists():
        pytest.skip("examples/ not present")
    return render(EXAMPLE, "en")


@pytest.fixture(scope="module")
def small() -> Render:
    return render(OK, "vi", dirs=(MINI,))


# ---- layout and content -------------------------------------------------------------------------

@needs_poppler
def test_vietnamese_report_has_the_decree_30_layout_and_key_content(example_vi: Render,
                                                                    tmp_path: Path) -> None:
    a = example_vi.assessment
    text = flat(pdf_text(example_vi.pdf, tmp_path))
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "UBND TỈNH BẮC GIANG", "TRUNG TÂM HÀNH CHÍNH CÔNG", "/BC-TTHCC",
        "Bắc Giang, ngày 20 tháng 9 năm 2019", "BÁO CÁO", "MỤC LỤC",
        "I. Tóm tắt và kết luận", "Chấp thuận có điều kiện", "Căn cứ kết luận",
        "III. Sơ đồ và luồng dữ liệu", "IV. Ma trận tiếp cận dữ liệu", "VII. Các phát hiện",
        "Căn cứ pháp lý", "Điều 29", "Khắc phục", "Nơi nhận:", "GIÁM ĐỐC",
        "Trần Văn Quý", "Lưu: VT, KSTTHC.", "Phụ lục I. Kết quả từng kiểm soát",
        "Phụ lục II. Định danh và phương pháp tính điểm",
        a.checklist.sha256, a.proposal.sha256, f"assess {a.tool.version}",
    ]:
        assert expected in text, expected
    assert f"{a.score:.1f}/100".replace(".", ",") in text  # the Vietnamese decimal comma
    # the letters a wrong font or encoding loses first: ư ơ ạ ầ ễ ự đ
    for word in ("Người", "Nơi nhận", "Phạm vi", "Phần mềm", "diễn", "Lưu trữ", "đánh giá"):
        assert word in text, word


@needs_poppler
def test_english_report_keeps_the_structure_in_english(example_en: Render,
                                                       tmp_path: Path) -> None:
    text = flat(pdf_text(example_en.pdf, tmp_path))
    for expected in ["SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness",
                     "BẮC GIANG PUBLIC ADMINISTRATION CENTRE", "No. ",
                     "Bắc Giang, 20 September 2019", "REPORT", "CONTENTS",
                     "I. Summary and verdict", "Approve with conditions", "Legal basis",
                     "Article 29", "Remediation", "Recipients:", "DIRECTOR",
                     "Annex I. Result of every control"]:
        assert expected in text, expected
    assert "Điều 29" not in text and "Nơi nhận" not in text


@needs_poppler
def test_page_numbers_are_at_the_top_from_page_2_and_the_contents_has_them(
        example_vi: Render, tmp_path: Path) -> None:
    first = pdf_text(example_vi.pdf, tmp_path, first=1, last=1).split()
    assert first[0] != "1"
    for page in (2, 3):
        assert pdf_text(example_vi.pdf, tmp_path, first=page, last=page).split()[0] == str(page)
    toc = pdf_text(example_vi.pdf, tmp_path, first=1, last=1, layout=True)
    numbers = [int(m) for m in re.findall(r"^\s*(?:[IVX]+\.|Phụ lục [IVX]+\.).*?\.{3,}\s*(\d+)\s*$",
                                          toc, re.MULTILINE)]
    assert len(numbers) >= 9 and numbers == sorted(numbers) and numbers[0] == 1


@needs_poppler
def test_fonts_are_the_shipped_serif_embedded_and_subset(example_vi: Render,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(example_vi.pdf)
    rows = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                          text=True).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        name, *_, emb, sub, uni, _obj, _gen = row.split()
        assert re.match(r"^[A-Z]{6}\+Assess-Serif", name), row
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row
    fetched = example_vi.fetcher.requested
    assert sorted(Path(u).name for u in fetched) == sorted(
        f"LiberationSerif-{s}.ttf" for s in ("Regular", "Bold", "Italic", "BoldItalic"))


def test_shipped_font_covers_vietnamese_and_has_its_licence() -> None:
    from fontTools.ttLib import TTFont

    from assess.core.resources import data_dir

    fonts = data_dir("templates") / "fonts"
    assert "SIL Open Font License" in (fonts / "LICENSE.txt").read_text(encoding="utf-8")
    letters = "ăâđêôơưĂÂĐÊÔƠƯạầễỹựữờấệộổẫẻẽ“”–—…→×≥·■●○"
    for style in ("Regular", "Bold", "Italic", "BoldItalic"):
        cmap = TTFont(fonts / f"LiberationSerif-{style}.ttf").getBestCmap()
        assert [c for c in letters if ord(c) not in cmap] == [], style


@needs_poppler
def test_pdf_is_pdfa3b_with_metadata(example_vi: Render, tmp_path: Path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(example_vi.pdf)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    assert re.search(r"^Title:\s+Báo cáo: Đánh giá tác động", info, re.MULTILINE)
    assert re.search(r"^Author:\s+Trung tâm Hành chính công tỉnh Bắc Giang$", info, re.MULTILINE)
    assert re.search(r"^Subject:\s+Hồ sơ: ", info, re.MULTILINE)
    assert re.search(r"^CreationDate:\s+Fri Sep 20 00:00:00 2019 UTC", info, re.MULTILINE)
    assert re.search(r"^Page size:\s+595.\d+ x 841.\d+ pts \(A4\)", info, re.MULTILINE)
    raw = inflated(example_vi.pdf)
    assert b'pdfaid:part="3"' in raw and b'pdfaid:conformance="B"' in raw
    assert b"/Lang (vi)" in raw and b"/OutputIntents" in raw


@needs_poppler
def test_attachments_are_the_assessment_and_the_inputs_byte_for_byte(
        example_vi: Render, tmp_path: Path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(example_vi.pdf)
    out = tmp_path / "att"
    out.mkdir()
    subprocess.run(["pdfdetach", "-saveall", "-o", str(out), str(path)], check=True,
                   capture_output=True)
    a = example_vi.assessment
    got = {p.name: p.read_bytes() for p in out.iterdir()}
    assert a.platform is not None and a.platform.file is not None
    assert got == {
        "assessment.json": a.to_json().encode("utf-8"),
        EXAMPLE.name: EXAMPLE.read_bytes(),
        f"{a.checklist.id}-{a.checklist.version}.yaml": Path(a.checklist.file).read_bytes(),
        f"{a.platform.id}-{a.platform.version}.yaml": Path(a.platform.file).read_bytes(),
    }
    assert hashlib.sha256(got[EXAMPLE.name]).hexdigest() == a.proposal.sha256
    raw = inflated(example_vi.pdf)
    assert raw.count(b"/AFRelationship /Source") == 3
    assert raw.count(b"/AFRelationship /Data") == 1


def test_findings_carry_control_legal_basis_evidence_and_remediation(example_vi: Render) -> None:
    html = example_vi.html
    findings = re.findall(r'<div class="finding sev-(\w+)">', html)
    assert findings, "no findings rendered"
    order = ["critical", "high", "medium", "low"]
    assert [order.index(s) for s in findings] == sorted(order.index(s) for s in findings)
    assert html.count('class="finding ') == len(example_vi.assessment.findings)
    assert "Căn cứ pháp lý" in html and "Khắc phục" in html and "Bằng chứng" in html


def test_to_confirm_citations_are_marked() -> None:
    from assess.outputs.report.fmt import citation

    lb = LegalBasis(document=Text(vi="Luật An ninh mạng", en="Law on Cybersecurity"),
                    number="116/2025/QH15", article="26(3)", status="to-confirm")
    vi, en = citation(lb, "vi"), citation(lb, "en")
    wj = "\u2060"  # the number never breaks across lines
    assert vi.text == f"khoản 3 Điều 26 Luật An ninh mạng số 116/{wj}2025/{wj}QH15"
    assert vi.to_confirm == "cần xác nhận"
    assert en.text == f"Article 26(3) of the Law on Cybersecurity (No. 116/{wj}2025/{wj}QH15)"
    assert en.to_confirm == "to confirm"
    confirmed = lb.model_copy(update={"status": "confirmed", "article": None})
    assert citation(confirmed, "vi").to_confirm is None


def test_an_empty_proposal_still_renders_every_section() -> None:
    from assess.checklists.loading import load_checklist
    from assess.documents.loading import Loaded, parse_model
    from assess.documents.models import Proposal
    from assess.documents.yamlsource import parse
    from assess.engine.evaluate import evaluate
    from assess.outputs.report import render_html
    from tests.helpers import DATA, dump

    doc = base_proposal()
    for key in ("zones", "nodes", "flows", "services", "data", "data_subjects"):
        doc[key] = []
    doc["answers"] = {}
    # Loading refuses a proposal that draws no system of the channel; the renderer must still
    # cope with whatever an Assessment holds, so this one is evaluated without that check.
    source = parse(dump(doc), "proposal.yaml")
    a = evaluate(Loaded(parse_model(source, Proposal), source),
                 load_checklist(DATA / "checklists" / "mini" / "1.0.0.yaml"))
    html = render_html(a, "en")
    assert "No diagram (the proposal declares no nodes or flows)." in html
    for anchor in ("summary", "scope", "flows", "exposure", "domains", "risk", "findings",
                   "annex-controls", "annex-identity"):
        assert f'id="{anchor}"' in html


# ---- formatting rules ---------------------------------------------------------------------------

@pytest.mark.parametrize(("day", "vi", "en"), [
    (dt.date(2019, 9, 5), "ngày 05 tháng 9 năm 2019", "05 September 2019"),
    (dt.date(2026, 2, 14), "ngày 14 tháng 02 năm 2026", "14 February 2026"),
    (dt.date(2026, 1, 1), "ngày 01 tháng 01 năm 2026", "01 January 2026"),
    (dt.date(2026, 12, 31), "ngày 31 tháng 12 năm 2026", "31 December 2026"),
])
def test_dates_follow_decree_30(day: dt.date, vi: str, en: str) -> None:
    from assess.outputs.report.fmt import date_text

    assert date_text(day, "vi") == vi
    assert date_text(day, "en") == en


@pytest.mark.parametrize(("org", "place", "symbol"), [
    ("UBND tỉnh Bắc Giang", "Bắc Giang", "UBND"),
    ("Ủy ban nhân dân thành phố Hà Nội", "Hà Nội", "UBND"),
    ("Sở Thông tin và Truyền thông tỉnh Quảng Trị", "Quảng Trị", "STTTT"),
    ("Trung tâm Hành chính công tỉnh Bắc Giang", "Bắc Giang", "TTHCC"),
    ("Cục An toàn thông tin", "Hà Nội", "CATTT"),
    ("Bộ Khoa học và Công nghệ", "Hà Nội", "BKHCN"),
])
def test_place_and_document_symbol_come_from_the_body_name(org: str, place: str,
                                                          symbol: str) -> None:
    from assess.outputs.report.fmt import abbreviation, place_of

    assert place_of(org) == place
    assert abbreviation(org) == symbol


def test_signature_block_marks_the_box_assess_sign_fills(small: Render) -> None:
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    from assess.signatures.sign import signature_box

    found = signature_box(PdfFileReader(io.BytesIO(small.pdf)))
    assert found is not None
    _page, (x1, y1, x2, y2) = found
    assert abs(x2 - x1 - 170) <= 1 and abs(y2 - y1 - 62) <= 1  # 60 × 22 mm, rounded to points
    assert x1 > 595 / 2 - 20  # in the right-hand column, under the signer's position


# ---- reproducibility ----------------------------------------------------------------------------

@pytest.mark.fresh_pdf
def test_the_same_inputs_give_the_same_bytes(small: Render) -> None:
    again = render(OK, "vi", dirs=(MINI,))
    assert again.pdf == small.pdf


def test_source_date_epoch_dates_the_document(small: Render,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from assess.outputs.report import creation_time

    assert b"/CreationDate (D:20260301000000" in small.pdf
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert creation_time(small.assessment) == dt.datetime(2023, 11, 14, 22, 13, 20,
                                                          tzinfo=dt.UTC)
    dated = render(OK, "vi", dirs=(MINI,))
    assert b"/CreationDate (D:20231114221320" in dated.pdf
    assert dated.pdf != small.pdf


# ---- safety -------------------------------------------------------------------------------------

HOSTILE = {
    "script": "<script>alert(1)</script>",
    "img": '<img src="file:///etc/passwd">',
    "http": "http://example.com/x.png",
    "css": "url(http://example.com/y.png) url('file:///etc/shadow')",
    "link": '<link rel="stylesheet" href="http://example.com/s.css">',
    "svg": '<svg onload="alert(1)"><image href="file:///etc/hostname"/></svg>',
    "style": '</style><style>@import "http://example.com/z.css";</style>',
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Render:
    doc = base_proposal()
    doc["title"] = HOSTILE["script"]
    doc["submitted_by"]["organization"] = HOSTILE["img"]
    doc["submitted_by"]["contact"]["name"] = HOSTILE["svg"]
    doc["channel"]["url"] = HOSTILE["http"]
    doc["channel"]["name"] = HOSTILE["style"]
    doc["data"][0]["name"] = HOSTILE["css"]
    doc["services"][0]["description"] = HOSTILE["link"]
    doc["zones"][1]["name"] = HOSTILE["img"]
    doc["nodes"][1]["name"] = HOSTILE["script"]
    doc["answers"]["RES-02"]["note"] = HOSTILE["svg"]
    doc["answers"]["RES-02"]["evidence"] = [HOSTILE["link"], HOSTILE["css"]]
    path = tmp_path_factory.mktemp("hostile") / "hostile.yaml"
    path.write_bytes(dump(doc))
    return render(path, "vi", dirs=(MINI,))


def test_markup_from_inputs_is_escaped_and_nothing_outside_templates_is_fetched(
        hostile: Render) -> None:
    from assess.core.resources import data_dir

    html = hostile.html
    for tag in ("<script", "<img", "<link", "<image", "<iframe"):
        assert tag not in html
    assert html.count("<style>") == 1  # the report's own stylesheet only
    assert "onload=" not in html.replace("onload=&#34;", "").replace("onload=&quot;", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    root = data_dir("templates").resolve().as_uri() + "/"
    assert hostile.fetcher.requested, "the fonts should have been fetched"
    assert all(u.startswith(root + "fonts/") for u in hostile.fetcher.requested)
    assert hostile.fetcher.refused == []
    requested = " ".join(hostile.fetcher.requested)
    assert "example.com" not in requested and "/etc/" not in requested


@needs_poppler
def test_hostile_text_is_printed_as_text(hostile: Render, tmp_path: Path) -> None:
    text = flat(pdf_text(hostile.pdf, tmp_path))
    assert "<script>alert(1)</script>" in text
    assert "http://example.com/x.png" in text


def test_the_fetcher_refuses_everything_but_template_files(tmp_path: Path) -> None:
    from assess.core.resources import data_dir
    from assess.outputs.report.pdf import TemplateFetcher

    root = data_dir("templates").resolve()
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    fetcher = TemplateFetcher()
    font = (root / "fonts" / "LiberationSerif-Regular.ttf").as_uri()
    assert fetcher.fetch(font).read()[:4] == b"\x00\x01\x00\x00"
    for url in ["file:///etc/passwd", outside.as_uri(), "http://example.com/x.png",
                "https://example.com/x.png", "data:text/css,body{}", "ftp://example.com/x",
                root.as_uri() + "/../pyproject.toml", root.as_uri() + "/fonts/../../README.md",
                root.as_uri() + "/fonts", "file://example.com" + str(root / "report.css"),
                root.as_uri() + "/%2e%2e/pyproject.toml"]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 11


def test_markup_that_reached_the_renderer_would_still_fetch_nothing(tmp_path: Path) -> None:
    """Defence in depth: even unescaped markup cannot make WeasyPrint read a file or the net."""
    from assess.outputs.report.pdf import TemplateFetcher, write_pdf

    fetcher = TemplateFetcher()
    html = ('<html><head><link rel="stylesheet" href="http://example.com/s.css">'
            '<style>@import url("file:///etc/passwd"); body { background: '
            'url(http://example.com/b.png) }</style></head><body><p>x</p>'
            '<img src="file:///etc/passwd"><img src="http://example.com/x.png">'
            '<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/hostname"/></svg>'
            '</body></html>')
    pdf = write_pdf(html, created=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), fetcher=fetcher)
    assert pdf.startswith(b"%PDF")
    assert fetcher.refused and set(fetcher.refused) == set(fetcher.requested)


def test_diagram_svg_is_cleaned_before_it_is_inlined() -> None:
    from assess.outputs.report.charts import clean_svg

    dirty = ('<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
             '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
             '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
             'width="100pt" height="50pt" onload="x()"><script>x()</script>'
             '<a xlink:href="http://example.com"><text font-family="Times">kept</text></a>'
             '<image xlink:href="file:///etc/passwd"/><rect style="fill:url(http://e.com/p)"/>'
             '<foreignObject><div>x</div></foreignObject><!-- note --></svg>')
    clean = clean_svg(dirty)
    for bad in ("script", "<a", "image", "example.com", "file:", "foreignObject", "onload",
                "url(", "DOCTYPE", "note"):
        assert bad not in clean, bad
    assert "kept" in clean and 'font-family="Assess Serif"' in clean


def test_charts_escape_their_labels() -> None:
    from assess.outputs.report.charts import Bar, Threshold, domain_bars

    svg = domain_bars([Bar("<script>x</script>", 50.0, "50.0")], [Threshold(80, "<b>")], "t&")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&lt;b&gt;" in svg
    assert "<title>t&amp;</title>" in svg


# ---- review ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> Render:
    sha = hashlib.sha256(OK.read_bytes()).hexdigest()
    review = {
        "kind": "review", "schema_version": 1, "proposal": {"id": "test-ok", "sha256": sha},
        "reviewer": {"organization": {"vi": "Cục An toàn thông tin",
                                      "en": "Authority of Information Security"},
                     "name": "Trần Văn Bình",
                     "role": {"vi": "Chuyên viên thẩm định", "en": "Reviewing officer"}},
        "reviewed_on": "2026-04-02",
        "overrides": {"RES-01": {"status": "met", "rationale": "Đã đối chiếu văn bản của VNG."},
                      "RES-02": {"status": "met", "rationale": "Phụ lục hợp đồng đã ký."}},
        "conditions": [{"text": "Ký phụ lục bảo vệ dữ liệu", "control": "RES-02",
                        "due": "2026-06-30"},
                       {"id": "DK-2", "text": "Tập huấn cán bộ", "owner": "Sở Nội vụ",
                        "status": "met"}],
        "decision": {"verdict": "conditional", "rationale": "Chờ phụ lục."},
    }
    path = tmp_path_factory.mktemp("review") / "review.yaml"
    path.write_bytes(dump(review))
    return render(OK, "vi", review=path, dirs=(MINI,))


@needs_poppler
def test_a_reviewed_report_is_issued_and_signed_by_the_reviewer(reviewed: Render,
                                                               tmp_path: Path) -> None:
    text = flat(pdf_text(reviewed.pdf, tmp_path))
    for expected in ["CỤC AN TOÀN THÔNG TIN", "/BC-CATTT", "Hà Nội, ngày 02 tháng 4 năm 2026",
                     "II. Kết quả thẩm định", "Tự đánh giá của đơn vị đề xuất",
                     "Điều chỉnh của người thẩm định", "Phụ lục hợp đồng đã ký.",
                     "Người thẩm định và điều kiện kèm theo", "Ký phụ lục bảo vệ dữ liệu",
                     "30/06/2026", "CHUYÊN VIÊN THẨM ĐỊNH", "Trần Văn Bình",
                     "UBND tỉnh Thử Nghiệm (kèm kết quả thẩm định)"]:
        assert expected in text, expected
    assert "Điều kiện kèm theo VIII" not in text and "VIII. Điều kiện" not in text
    assert b"(review.yaml)" in inflated(reviewed.pdf)


def _view(r: Render, lang: Lang = "vi") -> Any:
    from assess.outputs.report import diagram
    from assess.outputs.report.view import build_view

    return build_view(r.assessment, lang, diagram=diagram(r.assessment, lang),
                      created=dt.datetime(2026, 4, 2, tzinfo=dt.UTC))


def _texts(rows: list[list[Any]]) -> list[list[str]]:
    return [[c.text for c in row] for row in rows]


def test_review_section_comes_right_after_the_summary(reviewed: Render, small: Render) -> None:
    labels = [s.label for s in _view(reviewed).toc]
    assert labels[:3] == ["I. Tóm tắt và kết luận", "II. Kết quả thẩm định",
                          "III. Phạm vi đánh giá"]
    assert labels[-3:] == ["VIII. Các phát hiện", "Phụ lục I. Kết quả từng kiểm soát",
                           "Phụ lục II. Định danh và phương pháp tính điểm"]
    html = reviewed.html
    assert html.index('id="summary"') < html.index('id="review"') < html.index('id="scope"')
    assert '<a href="#review">II. Kết quả thẩm định</a>' in html
    plain = _view(small)
    assert plain.review is None and "review" not in plain.sections
    assert 'id="review"' not in small.html and "Tự đánh giá của đơn vị đề xuất" not in small.html


def test_verdicts_are_compared_side_by_side_with_the_computed_verdict_when_overruled(
        reviewed: Render) -> None:
    a = reviewed.assessment
    assert a.computed_verdict.value == "approve" and a.verdict.value == "conditional"
    compare = _view(reviewed).review.compare
    assert compare.head == ["Nội dung", "Tự đánh giá của đơn vị đề xuất", "Kết quả thẩm định"]
    rows = {r[0].text: r[1:] for r in compare.rows}
    own = a.self_assessment
    assert [c.text for c in rows["Kết luận"]] == ["Chấp thuận", "Chấp thuận có điều kiện"]
    assert rows["Kết luận"][1].cls == "v-conditional changed"
    assert [c.text for c in rows["Điểm"]] == [f"{own.score:.1f}/100".replace(".", ","),
                                              f"{a.score:.1f}/100".replace(".", ",")]
    from assess.core.i18n import t

    risk = rows["Mức rủi ro (tác động × khả năng)"]
    assert [c.text for c in risk] == [
        f"{t(r.rating, 'vi')} (tác động {r.impact} × khả năng {r.likelihood})"
        for r in (own.risk, a.risk)]
    assert risk[0].cls == f"r-{own.risk.rating}"
    assert [c.text for c in rows["Số kiểm soát đạt một phần"]] == ["1", "0"]
    assert "changed" in rows["Số kiểm soát đạt một phần"][1].cls
    assert sum(int(rows[k][0].text) for k in rows if k.startswith("Số kiểm soát")) == \
        len(a.controls)
    assert [c.text for c in rows["Kết luận tính theo tiêu chí"]] == ["—", "Chấp thuận"]
    assert [c.text for c in rows["Lý do quyết định của người thẩm định"]] == ["—", "Chờ phụ lục."]
    english = _view(reviewed, "en").review.compare
    assert english.head == ["Item", "Self-assessment", "Review"]


def test_overrides_show_before_and_after_with_blockers_marked_and_changes_highlighted(
        reviewed: Render) -> None:
    review = _view(reviewed).review
    assert review.overrides.head == ["Kiểm soát", "Tên", "Trước thẩm định", "Sau thẩm định",
                                     "Lý do"]
    res01, res02 = review.overrides.rows
    assert _texts([res01, res02]) == [
        ["RES-01", res01[1].text, "Đạt", "Đạt", "Đã đối chiếu văn bản của VNG."],
        ["RES-02", res02[1].text, "Đạt một phần", "Đạt", "Phụ lục hợp đồng đã ký."]]
    assert res01[0].badge == "bắt buộc" and res02[0].badge is None
    assert "changed" not in res01[3].cls and res02[3].cls == "st-met changed"
    html = reviewed.html
    assert '<td class="id">RES-01 <span class="badge blocker">bắt buộc</span></td>' in html
    assert '<td class="st-met changed">Đạt</td>' in html


def test_reviewer_decision_and_dated_conditions_are_listed(reviewed: Render) -> None:
    review = _view(reviewed).review
    assert [(p.label, p.value) for p in review.reviewer] == [
        ("Người thẩm định", "Trần Văn Bình"), ("Chức vụ", "Chuyên viên thẩm định"),
        ("Cơ quan", "Cục An toàn thông tin"), ("Ngày thẩm định", "02/04/2026"),
        ("Quyết định của người thẩm định", "Chấp thuận có điều kiện. Chờ phụ lục.")]
    assert _texts(review.conditions.rows) == [
        ["1", "Ký phụ lục bảo vệ dữ liệu", "RES-02", "—", "30/06/2026"],
        ["DK-2", "Tập huấn cán bộ — đã đáp ứng", "—", "Sở Nội vụ", "—"]]
    english = _view(reviewed, "en").review
    assert english.reviewer[1].value == "Reviewing officer"
    assert english.conditions.head == ["#", "Condition", "Control", "Responsible", "Due"]


def test_the_diagram_is_sized_for_its_page_with_a_legend_under_it(small: Render) -> None:
    view = _view(small)
    assert 0.7 <= view.diagram_scale <= 1.0
    width = float(re.search(r'<svg[^>]*\bwidth="([\d.]+)pt"', str(view.diagram)).group(1))
    assert width <= 165 / 25.4 * 72 + 0.01
    assert [e.text for e in view.diagram_legend][:3] == ["Tác nhân", "Tiến trình",
                                                        "Kho dữ liệu"]
    assert small.html.count('<span class="lg"><svg') == len(view.diagram_legend)
    assert "#n trên một luồng là số thứ tự của luồng trong bảng" in small.html


# ---- goldens ------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", goldens.cases(), ids=lambda c: c.name)
def test_html_matches_its_golden(case: goldens.Case) -> None:
    assert case.golden.exists(), f"{case.golden} missing: run `make goldens`"
    fresh = goldens.render(case)
    assert fresh == case.golden.read_text(encoding="utf-8"), (
        f"{case.golden.name} differs from a fresh render; if the change is intended, run "
        "`make goldens` (python -m tests.goldens) and review the diff")


def test_template_computes_nothing() -> None:
    """The template only prints and loops: no arithmetic, filters or calls on data."""
    from assess.core.resources import data_dir

    source = (data_dir("templates") / "report.html.j2").read_text(encoding="utf-8")
    expressions = re.findall(r"{{(.*?)}}|{%(.*?)%}", source, re.DOTALL)
    for out, stmt in expressions:
        code = out or stmt
        assert "|" not in code, code
        assert not re.search(r"[+*/]|\s-\s|\w\(", code.replace("loop.index0", "")
                             .replace("table(", "").replace("pairs(", "")
                             .replace("heading(", "").replace("macro ", "")), code


# ---- command line -------------------------------------------------------------------------------

def test_cli_writes_pdf_and_html(tmp_path: Path) -> None:
    pdf, html = tmp_path / "r.pdf", tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", str(OK), "--checklists", str(MINI), "-o",
                                      str(pdf), "--html", str(html), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF-1.7")
    assert '<html lang="en">' in html.read_text(encoding="utf-8")
    assert f"wrote {pdf}" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "r.pdf"]


def test_cli_help_has_examples() -> None:
    result = CliRunner().invoke(app, ["report", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and "--review" in result.output


@pytest.mark.parametrize("change", ["dangling-flow", "bad-lang", "missing-folder",
                                    "changed-review"])
def test_cli_bad_input_exits_2_and_writes_nothing(tmp_path: Path, change: str) -> None:
    doc = base_proposal()
    out = tmp_path / "out"
    out.mkdir()
    args = ["--checklists", str(MINI), "-o", str(out / "r.pdf"), "--html", str(out / "r.html")]
    if change == "dangling-flow":
        doc["flows"][0]["to"] = "nowhere"
    proposal = tmp_path / "p.yaml"
    proposal.write_bytes(dump(doc))
    if change == "bad-lang":
        args += ["--lang", "fr"]
    if change == "missing-folder":
        args[args.index("--html") + 1] = str(tmp_path / "nope" / "r.html")
    if change == "changed-review":
        review = tmp_path / "review.yaml"
        review.write_bytes(dump({
            "kind": "review", "schema_version": 1,
            "proposal": {"id": "test-ok", "sha256": "0" * 64},
            "reviewer": {"organization": "Cục", "name": "A", "role": "B"},
            "reviewed_on": "2026-04-02"}))
        args += ["--review", str(review)]
    result = CliRunner().invoke(app, ["report", str(proposal), *args])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert list(out.iterdir()) == []
    if change == "dangling-flow":
        assert "p.yaml" in result.output and "flows[0].to" in result.output


def test_cli_render_failure_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import assess.outputs.report
    from assess.core.errors import OutputError

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OutputError("renderer failed")

    monkeypatch.setattr(assess.outputs.report, "render_pdf", broken)
    result = CliRunner().invoke(app, ["report", str(OK), "--checklists", str(MINI), "-o",
                                      str(tmp_path / "r.pdf")])
    assert result.exit_code == 2 and "renderer failed" in result.output
    assert list(tmp_path.iterdir()) == []


def test_help_and_report_module_do_not_load_weasyprint() -> None:
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom assess.cli import app\n"
            "import assess.outputs.report, assess.outputs.report.view, assess.outputs.report.html\n"
            "r = CliRunner().invoke(app, ['report', '--help'])\nassert r.exit_code == 0\n"
            "print('weasyprint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout.strip()
    assert out == "False"

"""The report's own identity (issue 14, part 1): number and symbol, signer and authority prefix,
'Nơi nhận' with the drafting unit, and the reviewed report titled as the appraisal result."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from assess.engine.issuer import issuer_of
from tests.helpers import DATA, assess_dict, base_proposal, flat, run_cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BAC_GIANG = EXAMPLES / "bac-giang-zalo-2019.yaml"
REVIEW = EXAMPLES / "bac-giang-zalo-2019.review.yaml"


def _review(**reviewer: Any) -> dict[str, Any]:
    import hashlib

    from tests.helpers import dump

    doc = base_proposal()
    who = {"organization": "Bộ Khoa học và Công nghệ", "unit": "Cục An toàn thông tin",
           "name": "Lê Thị Hoa", "role": "Phó Cục trưởng", **reviewer}
    return {"kind": "review", "schema_version": 1,
            "proposal": {"id": doc["id"], "sha256": hashlib.sha256(dump(doc)).hexdigest()},
            "reviewer": who, "reviewed_on": "2026-11-20"}


def _text(html: str) -> str:
    """The HTML's text, tags dropped and spaces (non-breaking ones too) folded."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " ").split())


def _html(doc: dict[str, Any], review: dict[str, Any] | None = None, lang: str = "vi") -> str:
    from assess.outputs.report import render_html

    return render_html(assess_dict(doc, review), lang)  # type: ignore[arg-type]


def test_a_quick_self_assessment_keeps_sensible_defaults() -> None:
    """No symbol, number or signer: initials make the symbol, the number is left for the
    records office, the contact signs as the one who prepared it, the reviewer receives it."""
    doc = base_proposal()
    issuer = assess_dict(doc).issuer
    assert issuer is not None and issuer.role == "province" and issuer.number is None
    assert issuer.signer.prepared and issuer.signer.name == doc["submitted_by"]["contact"]["name"]
    text = _text(_html(doc))
    assert re.search(r"Số: +/BC-" + issuer.symbol, text), text[:400]
    assert "NGƯỜI LẬP BÁO CÁO" in text
    assert "Nơi nhận: - Cơ quan thẩm định (kèm hồ sơ); - Lưu: VT." in text


def test_the_province_names_its_signer_symbol_number_and_recipients() -> None:
    doc = base_proposal()
    doc["submitted_by"].update({
        "symbol": "TTPVHCC", "number": "7", "drafting_unit": "KSTTHC",
        "signer": {"name": "Phạm Văn An", "position": "Phó Giám đốc", "authority": "KT.",
                   "head": {"vi": "Giám đốc", "en": "Director"}},
        "recipients": ["Bộ Khoa học và Công nghệ (để thẩm định)", "UBND tỉnh (để báo cáo)."]})
    text = _text(_html(doc))
    assert "Số: 07/BC-TTPVHCC" in text  # Decree 30/2020: a leading zero below 10
    assert "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" in text and "Phạm Văn An" in text
    assert "NGƯỜI LẬP BÁO CÁO" not in text
    assert ("- Bộ Khoa học và Công nghệ (để thẩm định); - UBND tỉnh (để báo cáo); "
            "- Lưu: VT, KSTTHC.") in text
    english = _text(_html(doc, lang="en"))
    assert "No. 07/BC-TTPVHCC" in english and "KT. DIRECTOR" in english


def test_the_reviewed_report_is_the_ministrys_appraisal_result() -> None:
    doc = base_proposal()
    review = _review(authority="KT.", head="Cục trưởng", symbol="CATTT", number="125",
                     recipients=["Bộ trưởng (để báo cáo)"], drafting_unit="QLATTT")
    a = assess_dict(doc, review)
    assert a.issuer is not None and a.issuer.role == "ministry"
    assert a.issuer.body.vi == "Cục An toàn thông tin"
    text = _text(_html(doc, review))
    assert "Số: 125/BC-CATTT" in text
    assert "Kết quả thẩm định đánh giá tác động an toàn dữ liệu" in text
    assert "KT. CỤC TRƯỞNG PHÓ CỤC TRƯỞNG" in text
    submitter = doc["submitted_by"]["organization"]
    assert (f"Nơi nhận: - {submitter} (kèm kết quả thẩm định); - Bộ trưởng (để báo cáo); "
            "- Lưu: VT, QLATTT.") in text
    own = _text(_html(doc))
    assert "Kết quả thẩm định" not in own.split("MỤC LỤC")[0]


def test_acting_signer_prints_the_position_once() -> None:
    doc = base_proposal()
    review = _review(authority="Q.", head="Cục trưởng", role="Cục trưởng")
    text = _text(_html(doc, review))
    assert "Q. CỤC TRƯỞNG (Chữ ký số)" in text and "CỤC TRƯỞNG CỤC TRƯỞNG" not in text


@pytest.mark.parametrize(("where", "fields", "expected"), [
    ("proposal", {"authority": "KT."}, "submitted_by.signer.authority: 'KT.' needs whom it signs"),
    ("proposal", {"head": "Giám đốc"}, "submitted_by.signer.head: head is used only with authority"),
    ("review", {"authority": "TL."}, "reviewer.authority: 'TL.' needs whom it signs"),
    ("review", {"head": "Cục trưởng"}, "reviewer.head: head is used only with authority"),
])
def test_half_an_authority_is_refused_with_what_to_write(tmp_path: Path, where: str,
                                                         fields: dict[str, str],
                                                         expected: str) -> None:
    from tests.helpers import dump

    doc = base_proposal()
    if where == "proposal":
        doc["submitted_by"]["signer"] = {"name": "Phạm Văn An", "position": "Phó Giám đốc",
                                         **fields}
    proposal = tmp_path / "p.yaml"
    proposal.write_bytes(dump(doc))
    args = ["validate", str(proposal), "--checklists", str(DATA / "checklists"),
            "--platforms", str(DATA / "platforms")]
    if where == "review":
        review = _review(**fields)
        (tmp_path / "r.yaml").write_bytes(dump(review))
        args = ["validate", str(tmp_path / "r.yaml"), "--proposal", str(proposal),
                "--checklists", str(DATA / "checklists"), "--platforms", str(DATA / "platforms")]
    result = run_cli(*args)
    code, out = result.exit_code, flat(result.output)
    assert code == 2, out
    assert expected in " ".join(out.split()), out


@pytest.mark.parametrize(("field", "value"), [("symbol", "bc-x"), ("number", "12a"),
                                              ("number", "0"), ("number", "000"),
                                              ("drafting_unit", "Phòng A")])
def test_a_symbol_or_number_a_records_office_would_refuse(tmp_path: Path, field: str,
                                                          value: str) -> None:
    from tests.helpers import dump

    doc = base_proposal()
    doc["submitted_by"][field] = value
    (tmp_path / "p.yaml").write_bytes(dump(doc))
    result = run_cli("validate", str(tmp_path / "p.yaml"), "--checklists",
                     str(DATA / "checklists"), "--platforms", str(DATA / "platforms"))
    code, out = result.exit_code, flat(result.output)
    assert code == 2 and f"submitted_by.{field}" in out, out


def test_issuer_of_the_examples() -> None:
    from assess.workflows.pipeline import assess_files

    own = assess_files(BAC_GIANG).issuer
    reviewed = assess_files(BAC_GIANG, review=REVIEW).issuer
    assert own is not None and reviewed is not None
    assert (own.symbol, own.signer.name, own.signer.prepared) == ("TTHCC", "Trần Văn Quý", False)
    assert (reviewed.symbol, reviewed.number_text, reviewed.signer.authority,
            reviewed.signer.name) == ("CATTT", "125", "KT.", "Lương Minh Đức")
    assert issuer_of(assess_files(BAC_GIANG).scope, None).body.vi == own.body.vi


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (make setup)")
def test_pdftotext_of_the_reviewed_bac_giang_report(tmp_path: Path) -> None:
    """What a records office reads first: the symbol and number on one line, the KT. line."""

    out = tmp_path / "bg.pdf"
    result = run_cli("report", str(BAC_GIANG), "--review", str(REVIEW), "-o", str(out),
                     "--lang", "vi")
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert re.search(r"^\s*Số: 125/BC-CATTT\s*$", text, re.MULTILINE), text[:800]
    assert re.search(r"KT\. CỤC TRƯỞNG", text) and re.search(r"PHÓ CỤC TRƯỞNG", text)
    assert "Lưu: VT, QLATTT." in text


@pytest.mark.parametrize(("value", "expected"), [
    ("ttpvhcc", "got 'ttpvhcc'; expected the body's abbreviation in capitals and digits, no "
     "spaces, e.g. TTPVHCC or A05: write TTPVHCC"),
    ("BC-TTPVHCC", "'BC-TTPVHCC' already has 'BC-' (the document type, which the report "
     "writes: 'No. …/BC-TTPVHCC'); write TTPVHCC"),
])
def test_a_symbol_says_what_to_write_instead(tmp_path: Path, value: str, expected: str) -> None:
    from tests.helpers import dump

    doc = base_proposal()
    doc["submitted_by"]["symbol"] = value
    (tmp_path / "p.yaml").write_bytes(dump(doc))
    result = run_cli("validate", str(tmp_path / "p.yaml"), "--checklists",
                     str(DATA / "checklists"), "--platforms", str(DATA / "platforms"))
    assert result.exit_code == 2 and expected in flat(result.output), result.output

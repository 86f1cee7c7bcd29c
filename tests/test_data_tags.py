"""The data inventory's tags: `identity-document-image` on an item not classed
sensitive-personal is one located error saying what to write (Decree 356/2025 Art. 4 lists images
of identity documents as sensitive personal data), on the command line as in any proposal file;
an unknown tag is located with the tags there are."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import DATA, base_proposal, dump, output_lines, run_cli

ID = "identity-document-image"


def _misclassified(tmp_path: Path, cls: str = "personal") -> Path:
    doc = base_proposal()
    doc["data"].append({"id": "cccd", "name": "Ảnh căn cước công dân", "class": cls,
                        "tags": [ID]})
    path = tmp_path / "p.yaml"
    path.write_bytes(dump(doc))
    return path


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_tagged_item_not_classed_sensitive_is_one_located_error(tmp_path: Path,
                                                                  lang: str) -> None:
    path = _misclassified(tmp_path)
    written = path.read_text("utf-8").splitlines()
    line = max(i for i, text in enumerate(written, 1) if text.strip() == "class: personal")
    assert "Ảnh căn cước" in written[line - 2]  # the tagged item's own class
    result = run_cli("validate", str(path), "--checklists", str(DATA / "checklists"),
                     "--lang", lang)
    assert result.exit_code == 2
    lines = output_lines(result)
    assert len(lines) == 1, lines
    expected = (
        f"error: {path}:{line}: data[2].class: data item 'cccd' is tagged "
        "identity-document-image (images of identity documents) but classed 'personal'; images "
        "of identity documents are sensitive personal data (Decree 356/2025/ND-CP, Art. 4): "
        "write class: sensitive-personal" if lang == "en" else
        f"lỗi: {path}:{line}: data[2].class: dữ liệu 'cccd' có thẻ identity-document-image "
        "(hình ảnh giấy tờ tùy thân) nhưng được phân loại là 'personal'; hình ảnh giấy tờ tùy "
        "thân là dữ liệu cá nhân nhạy cảm (Điều 4 Nghị định số 356/2025/NĐ-CP): hãy ghi class: "
        "sensitive-personal")
    assert lines == [expected]


def test_a_tagged_item_classed_sensitive_loads(tmp_path: Path) -> None:
    path = _misclassified(tmp_path, "sensitive-personal")
    result = run_cli("validate", str(path), "--checklists", str(DATA / "checklists"))
    assert result.exit_code == 0, result.output


def test_an_unknown_tag_is_located_and_names_the_tags(tmp_path: Path) -> None:
    path = _misclassified(tmp_path, "sensitive-personal")
    path.write_text(path.read_text("utf-8").replace(ID, "id-card-photo"), "utf-8")
    result = run_cli("validate", str(path), "--checklists", str(DATA / "checklists"))
    assert result.exit_code == 2
    (line,) = output_lines(result)
    assert "data[2].tags[0]: got 'id-card-photo'; expected 'identity-document-image'" in line

"""The spreadsheet questionnaire: export → (edit, or a real spreadsheet program) → import gives the
same assessment; a bad workbook gets one message per problem, located at its cell, exit 2, and no
output file."""

from __future__ import annotations

import os
import shutil
import subprocess
import typing
import uuid
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from assess.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*.yaml")
                  if not p.name.endswith(".review.yaml"))
BAC_GIANG = ROOT / "examples" / "bac-giang-zalo-2019.yaml"
ANSWERS = "Trả lời"


def _run(*args: str) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


def _export(tmp: Path, proposal: Path | None = BAC_GIANG, name: str = "form.xlsx",
            *extra: str) -> Path:
    out = tmp / name
    args = ["questionnaire", "export", "-o", out, *extra]
    if proposal is not None:
        args += ["--proposal", proposal]
    result = _run(*args)
    assert result.exit_code == 0, result.output
    return out


def _import(xlsx: Path, out: Path) -> Any:
    return _run("questionnaire", "import", xlsx, "-o", out)


def _comparable(proposal: Path) -> dict[str, Any]:
    """The assessment of `proposal`, without the source file's identity (hash, path)."""
    from assess.workflows.pipeline import assess_files

    data = assess_files(proposal).to_dict()
    data["proposal"] = {k: v for k, v in data["proposal"].items() if k not in ("sha256", "file")}
    return data


def _row_of(ws: Any, control: str) -> int:
    for row in ws.iter_rows(min_row=4, max_col=1):
        if row[0].value == control:
            return int(row[0].row)
    raise AssertionError(control)


def _edit(xlsx: Path, change: typing.Callable[[Any], None], name: str = "edited.xlsx") -> Path:
    wb = openpyxl.load_workbook(xlsx)
    change(wb)
    out = xlsx.with_name(name)
    wb.save(out)
    return out


def _refused(result: Any, out: Path, *expected: str) -> list[str]:
    """Exit 2, no traceback, no output; each expected text in its own message line."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and not out.exists()
    lines = [line for line in result.output.splitlines() if line.strip()]
    for text in expected:
        assert any(text in line for line in lines), (text, result.output)
    return lines


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from assess.checklists.loading import load_inputs
    from assess.workflows.questionnaire.export import export_workbook

    i = load_inputs(BAC_GIANG)
    path = tmp_path_factory.mktemp("form") / "bac-giang.xlsx"
    path.write_bytes(export_workbook(i.checklist.doc, i.proposal.doc, i.proposal.source))
    return path


# -- round trip --------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_comes_back_with_the_same_assessment(example: Path, tmp_path: Path) -> None:
    from assess.checklists.loading import load_inputs

    xlsx = _export(tmp_path, example)
    out = tmp_path / "back.yaml"
    result = _import(xlsx, out)
    assert result.exit_code == 0, result.output
    assert load_inputs(out).proposal.doc == load_inputs(example).proposal.doc
    assert _comparable(out) == _comparable(example)
    assert _run("validate", out).exit_code == 0


def _soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        reason = "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {reason}")
        print(f"SKIPPED: {reason}")
        pytest.skip(reason)
    return found


def _resave(soffice: str, xlsx: Path, outdir: Path, to: str = "xlsx") -> Path:
    """The workbook opened and saved again by LibreOffice, in a fresh profile of its own."""
    profile = Path("/tmp") / f"assess-lo-{uuid.uuid4().hex}"
    try:
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", to, "--outdir", str(outdir), str(xlsx)],
                       check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = outdir / f"{xlsx.stem}.{to}"
    assert out.exists()
    return out


def test_a_workbook_saved_again_by_libreoffice_gives_the_same_assessment(
        form: Path, tmp_path: Path) -> None:
    soffice = _soffice()
    assert soffice is not None
    (tmp_path / "lo").mkdir()
    resaved = _resave(soffice, form, tmp_path / "lo")
    assert resaved.read_bytes() != form.read_bytes()
    out = tmp_path / "back.yaml"
    result = _import(resaved, out)
    assert result.exit_code == 0, result.output
    assert _comparable(out) == _comparable(BAC_GIANG)


# -- what the workbook holds -------------------------------------------------------------------


def _fields(model: Any, prefix: str = "") -> set[str]:
    """Every leaf field of a pydantic model, by YAML name ('submitted_by.contact.name')."""
    import pydantic

    out: set[str] = set()
    for name, info in model.model_fields.items():
        key = prefix + (info.alias or name)
        inner = [a for a in typing.get_args(info.annotation) or (info.annotation,)
                 if isinstance(a, type) and issubclass(a, pydantic.BaseModel)]
        metadata = typing.get_args(info.annotation)
        local = any("LocalText" in repr(a) or "_LocalText" in repr(a) for a in
                    (info.annotation, *metadata))
        if local:
            out |= {f"{key}.vi", f"{key}.en"}
        elif inner and typing.get_origin(info.annotation) is not list:
            out |= _fields(inner[0], key + ".")
        else:
            out.add(key)
    return out


def test_every_field_of_the_proposal_has_a_column_or_a_row() -> None:
    from assess.documents.models import Proposal
    from assess.documents.models.proposal import (
        DataItem,
        DataSubjects,
        Flow,
        Node,
        Operator,
        Service,
        Zone,
    )
    from assess.workflows.questionnaire.layout import LIST_SHEETS, PROPOSAL_ROWS

    top = _fields(Proposal) - {"kind", "schema_version"} - {s.key for s in LIST_SHEETS}
    answers = {k for k in top if k.startswith("answers.")}
    assert answers == {"answers.status", "answers.evidence", "answers.note"}
    assert top - answers == {c.key for c in PROPOSAL_ROWS}
    models = {"operators": Operator, "services": Service, "data_subjects": DataSubjects,
              "data": DataItem, "zones": Zone, "nodes": Node, "flows": Flow}
    for sheet in LIST_SHEETS:
        assert _fields(models[sheet.key]) == {c.key for c in sheet.columns}, sheet.key


def test_the_workbook_locks_the_questions_and_opens_the_answers(form: Path) -> None:
    wb = openpyxl.load_workbook(form)
    assert wb.sheetnames[:2] == ["Hướng dẫn", "Hồ sơ"] and ANSWERS in wb.sheetnames
    lists = wb["Danh mục"]
    assert lists.sheet_state == "hidden" and lists["A1"].value == "assess-questionnaire/1"
    ws = wb[ANSWERS]
    assert ws.protection.sheet and ws.column_dimensions["A"].hidden
    assert [ws.cell(row=3, column=c).value for c in range(1, 7)] == [
        "id", "control", "question", "status", "evidence", "note"]
    assert ws.cell(row=1, column=4).value == "Trạng thái" and ws.cell(row=2, column=4).value == \
        "Status"
    r = _row_of(ws, "RES-01")
    assert ws.cell(row=r, column=4).value == "met — Đạt"
    for col in (1, 2, 3, 7, 8, 9, 10):
        assert ws.cell(row=r, column=col).protection.locked, col
    for col in (4, 5, 6):
        assert not ws.cell(row=r, column=col).protection.locked, col
    assert "Nghị định" in ws.cell(row=r, column=9).value
    (status,) = [dv for dv in ws.data_validations.dataValidation if "D" in str(dv.sqref)]
    assert status.type == "list" and "'Danh mục'!" in status.formula1
    ids = [c.value for (c,) in ws.iter_rows(min_row=4, max_col=1) if c.value]
    assert len(ids) == 63 and ws.freeze_panes == "C4"
    data = wb["Dữ liệu"]
    assert data.cell(row=3, column=4).value == "class" and data.freeze_panes
    assert any("'Danh mục'!" in dv.formula1 for dv in data.data_validations.dataValidation)


def test_a_blank_workbook_has_the_questions_only(tmp_path: Path) -> None:
    xlsx = _export(tmp_path, None, "blank.xlsx", "--checklist", "vn-third-party-channel@latest")
    wb = openpyxl.load_workbook(xlsx)
    ws = wb[ANSWERS]
    rows = [r for r in ws.iter_rows(min_row=4) if r[0].value]
    assert rows and all(r[3].value is None and r[4].value is None for r in rows)
    assert all(c.value is None for r in wb["Luồng"].iter_rows(min_row=4) for c in r)
    head = {r[2].value: r[3].value for r in wb["Hồ sơ"].iter_rows(min_row=2)}
    assert head["checklist"] == "vn-third-party-channel@1.1.0" and head["id"] is None
    out = tmp_path / "p.yaml"
    lines = _refused(_import(xlsx, out), out, "Hồ sơ!D2: id:")
    assert len(lines) > 3  # every missing field at once


def test_export_never_overwrites_its_input(tmp_path: Path) -> None:
    copy = tmp_path / "p.yaml"
    copy.write_bytes(BAC_GIANG.read_bytes())
    result = _run("questionnaire", "export", "--proposal", copy, "-o", copy, "--force")
    assert result.exit_code == 2 and copy.read_bytes() == BAC_GIANG.read_bytes()
    xlsx = _export(tmp_path)
    result = _run("questionnaire", "import", xlsx, "-o", xlsx, "--force")
    assert result.exit_code == 2 and "is an input" in result.output
    assert _run("questionnaire", "export", "-o", tmp_path / "x.xlsx").exit_code == 2


def test_help_teaches_with_examples() -> None:
    for command in ("export", "import"):
        result = _run("questionnaire", command, "--help")
        assert result.exit_code == 0 and "Examples:" in result.output
        assert "assess questionnaire" in result.output and "--lang" in result.output


# -- bad workbooks -----------------------------------------------------------------------------


def test_a_deleted_answer_row_leaves_its_control_unanswered(form: Path, tmp_path: Path,
                                                           caplog: Any) -> None:
    def delete(wb: Any) -> None:
        ws = wb[ANSWERS]
        ws.delete_rows(_row_of(ws, "ACC-01"))

    out = tmp_path / "p.yaml"
    result = _import(_edit(form, delete), out)
    assert result.exit_code == 0, result.output
    assert "no row for 1 controls (ACC-01)" in result.output
    from assess.checklists.loading import load_inputs

    doc = load_inputs(out).proposal.doc
    assert "ACC-01" not in doc.answers and "ACC-02" in doc.answers


def test_rows_are_matched_by_id_not_by_position(form: Path, tmp_path: Path) -> None:
    def shuffle(wb: Any) -> None:  # swap two answer rows' contents, ids included
        ws = wb[ANSWERS]
        a, b = _row_of(ws, "RES-01"), _row_of(ws, "ACC-02")
        for col in range(1, 11):
            x, y = ws.cell(row=a, column=col), ws.cell(row=b, column=col)
            x.value, y.value = y.value, x.value

    out = tmp_path / "p.yaml"
    assert _import(_edit(form, shuffle), out).exit_code == 0
    assert _comparable(out) == _comparable(BAC_GIANG)


def test_an_unknown_id_in_the_hidden_column(form: Path, tmp_path: Path) -> None:
    def rename(wb: Any) -> None:
        ws = wb[ANSWERS]
        ws.cell(row=_row_of(ws, "RES-02"), column=1, value="RES-99")

    out = tmp_path / "p.yaml"
    row = _row_of(openpyxl.load_workbook(form)[ANSWERS], "RES-02")
    lines = _refused(_import(_edit(form, rename), out), out, f"{ANSWERS}!A{row}: ")
    assert len(lines) == 1 and "RES-99" in lines[0]


@pytest.mark.parametrize("change", ["rename", "delete"])
def test_a_renamed_or_missing_sheet(form: Path, tmp_path: Path, change: str) -> None:
    def edit(wb: Any) -> None:
        if change == "rename":
            wb["Luồng"].title = "Luong"
        else:
            del wb["Luồng"]

    out = tmp_path / "p.yaml"
    lines = _refused(_import(_edit(form, edit), out), out, "sheet 'Luồng' is missing")
    assert len(lines) == 1
    assert ("found instead: Luong" in lines[0]) == (change == "rename")


@pytest.mark.parametrize(("typed", "meant"), [
    ("đạt", "met — Đạt"), ("Không Đạt", "not-met — Không đạt"), ("khong dat", "not-met — Không đạt"),
    ("một phần", "partial — Đạt một phần"), ("CHƯA RÕ", "unknown — Chưa rõ"),
    ("mett", "met — Đạt"), ("not applicable", "not-applicable — Không áp dụng")])
def test_a_status_typed_by_hand_is_refused_with_did_you_mean(
        form: Path, tmp_path: Path, typed: str, meant: str) -> None:
    row = _row_of(openpyxl.load_workbook(form)[ANSWERS], "RES-01")

    def type_in(wb: Any) -> None:
        wb[ANSWERS].cell(row=row, column=4, value=typed)

    out = tmp_path / "p.yaml"
    lines = _refused(_import(_edit(form, type_in), out), out,
                     f"{ANSWERS}!D{row}: status: '{typed}' is not one of the values "
                     f"(did you mean '{meant}'?)")
    assert len(lines) == 1


@pytest.mark.parametrize("typed", ["MET", "met", " Met — đạt ", "not-met"])
def test_a_status_word_is_read_in_any_case(form: Path, tmp_path: Path, typed: str) -> None:
    row = _row_of(openpyxl.load_workbook(form)[ANSWERS], "RES-01")
    out = tmp_path / "p.yaml"
    result = _import(_edit(form, lambda wb: wb[ANSWERS].cell(row=row, column=4, value=typed)), out)
    assert result.exit_code == 0, result.output


def test_a_merged_cell_in_the_answers(form: Path, tmp_path: Path) -> None:
    row = _row_of(openpyxl.load_workbook(form)[ANSWERS], "RES-03")
    out = tmp_path / "p.yaml"
    result = _import(_edit(form, lambda wb: wb[ANSWERS].merge_cells(f"D{row}:E{row}")), out)
    lines = _refused(result, out, f"{ANSWERS}!D{row}: cells D{row}:E{row} are merged")
    assert len(lines) == 1


def test_every_bad_cell_at_once_in_sheet_order(form: Path, tmp_path: Path) -> None:
    def spoil(wb: Any) -> None:
        head = wb["Hồ sơ"]
        for r in head.iter_rows(min_row=2):
            if r[2].value == "submitted_on":
                r[3].value = "20/09/2019"
        wb["Chủ thể dữ liệu"]["C4"] = "hai mươi nghìn"
        wb["Dữ liệu"]["D5"] = "secret"
        wb["Luồng"]["B4"] = "nowhere"

    out = tmp_path / "p.yaml"
    lines = _refused(_import(_edit(form, spoil), out), out)
    assert len(lines) == 3, lines  # the flow's node is checked once the types hold
    assert ("Hồ sơ!D13: submitted_on: got '20/09/2019'; expected a date written YYYY-MM-DD "
            "(year-month-day): write 2019-09-20 (day 20, month 9, year 2019)") in lines[0]
    assert ("Chủ thể dữ liệu!C4: count: got 'hai mươi nghìn'; expected a whole number written "
            "with digits only") in lines[1]
    assert "Dữ liệu!D5: class: 'secret' is not one of the values" in lines[2]


def test_a_reference_problem_is_located_at_its_cell(form: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.yaml"
    result = _import(_edit(form, lambda wb: wb["Luồng"].cell(row=4, column=2, value="nowhere")),
                     out)
    lines = _refused(result, out, "Luồng!B4: to: ")
    assert len(lines) == 1 and "nowhere" in lines[0]


def test_a_formula_is_not_a_value(form: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.yaml"
    result = _import(_edit(form, lambda wb: wb["Dữ liệu"].cell(row=4, column=1,
                                                               value="=1+1")), out)
    lines = _refused(result, out, "Dữ liệu!A4: id: the cell holds a formula (=1+1)")
    assert len(lines) == 1


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize("case", ["xlsm", "vba", "not-zip", "zip-not-xlsx", "ratio", "total",
                                  "too-big", "corrupt"])
def test_a_file_that_is_not_a_plain_workbook(form: Path, tmp_path: Path, case: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    members = {i.filename: zipfile.ZipFile(form).read(i) for i in zipfile.ZipFile(form).infolist()}
    bad = tmp_path / "bad.xlsx"
    if case == "xlsm":
        bad = tmp_path / "bad.xlsm"
        bad.write_bytes(form.read_bytes())
        expected = "macro-enabled workbook"
    elif case == "vba":
        _zip(bad, {**members, "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 100})
        expected = "the workbook contains macros (xl/vbaProject.bin)"
    elif case == "not-zip":
        bad.write_text("id,status\nRES-01,met\n", encoding="utf-8")
        expected = "not an .xlsx workbook (not a zip file)"
    elif case == "zip-not-xlsx":
        _zip(bad, {"readme.txt": b"hello"})
        expected = "a zip file without a workbook"
    elif case == "ratio":
        _zip(bad, {**members, "xl/media/bomb.xml": b"\0" * (4 * 1024 * 1024)})
        expected = "member xl/media/bomb.xml decompresses to"
    elif case == "total":
        import assess.workflows.questionnaire.reading as reading

        monkeypatch.setattr(reading, "MAX_UNZIPPED_BYTES", 10_000)
        bad.write_bytes(form.read_bytes())
        expected = "expected at most 10,000 bytes (a zip bomb?)"
    elif case == "too-big":
        with bad.open("wb") as fh:
            fh.truncate(21 * 1024 * 1024)
        expected = "expected at most 20,971,520 bytes"
    else:
        _zip(bad, {**members, "xl/workbook.xml": b"<not xml"})
        expected = "cannot be read as an .xlsx workbook"
    out = tmp_path / "p.yaml"
    lines = _refused(_import(bad, out), out, expected)
    assert len(lines) == 1 and lines[0].count(str(bad)) == 1


def test_messages_are_vietnamese_by_default(form: Path, tmp_path: Path, vietnamese: None) -> None:
    row = _row_of(openpyxl.load_workbook(form)[ANSWERS], "RES-01")
    out = tmp_path / "p.yaml"
    result = _import(_edit(form, lambda wb: wb[ANSWERS].cell(row=row, column=4, value="đạt")), out)
    _refused(result, out, f"{ANSWERS}!D{row}: status: 'đạt' không phải giá trị hợp lệ (có phải "
             "là 'met — Đạt'?); cần một trong: met — Đạt, partial — Đạt một phần")
    result = _run("questionnaire", "import", form, "-o", out, "--lang", "en")
    assert result.exit_code == 0 and "wrote" in result.output


def test_the_word_tables_are_whole() -> None:
    from assess.core.i18n.messages import fields
    from assess.core.i18n.messages.questionnaire import MESSAGES
    from assess.workflows.questionnaire.layout import ANSWER_COLUMNS, CHOICE_LISTS, LIST_SHEETS, PROPOSAL_ROWS

    for key, (vi, en) in MESSAGES.items():
        assert key.startswith("questionnaire.") and fields(vi) == fields(en), key
    for col in (*PROPOSAL_ROWS, *(c for s in LIST_SHEETS for c in s.columns), *ANSWER_COLUMNS):
        vi, en = col.header
        assert vi and en
    for choice in CHOICE_LISTS:
        assert all(choice.read(e) == v for e, v in zip(choice.entries(), choice.values,
                                                        strict=True))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_number_typed_with_thousands_dots_gets_the_yaml_files_words(
        form: Path, tmp_path: Path, lang: str) -> None:
    """A cell typed by hand is read as the YAML file reads its value: the same message."""
    out = tmp_path / "p.yaml"
    spoilt = _edit(form, lambda wb: wb["Chủ thể dữ liệu"].cell(row=4, column=3, value="21.000"))
    result = CliRunner().invoke(app, ["questionnaire", "import", str(spoilt), "-o", str(out),
                                      "--lang", lang], env={"COLUMNS": "300"})
    assert result.exit_code == 2 and not out.exists()
    expected = ("lỗi: Chủ thể dữ liệu!C4: count: ghi là '21.000'; số phải viết liền, không có "
                "dấu phân cách hàng nghìn: hãy ghi 21000" if lang == "vi" else
                "error: Chủ thể dữ liệu!C4: count: got '21.000'; a number is written without "
                "thousands separators: write 21000")
    assert expected in " ".join(result.output.split())

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
import yaml
from typer.testing import CliRunner

from assess.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*.yaml")
                  if not p.name.endswith(".review.yaml"))
BAC_GIANG = ROOT / "examples" / "bac-giang-zalo-2019.yaml"
ANSWERS = "Trả lời"


def _run(*args: object) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


def _export(tmp: Path, proposal: Path | None = BAC_GIANG, name: str = "form.xlsx",
            *extra: object) -> Path:
    out = tmp / name
    args: list[object] = ["questionnaire", "export", "-o", out, *extra]
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
        assert _fields(models[sheet.key]) == {c.field for c in sheet.columns}, sheet.key


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
    assert head["checklist"] == "vn-third-party-channel@2.0.0" and head["id"] is None
    out = tmp_path / "p.yaml"
    lines = _refused(_import(xlsx, out), out, "Hồ sơ!D2: id:")
    assert len(lines) > 3  # every missing field at once


def test_a_blank_workbook_names_every_missing_field_at_its_own_cell_in_one_run(
        tmp_path: Path) -> None:
    """A section left wholly blank is still a (empty) mapping, so each of its missing fields is
    said at its own row; the channel's operator too, though the schema fails elsewhere."""
    xlsx = _export(tmp_path, None, "blank.xlsx", "--checklist", "vn-third-party-channel@latest")
    out = tmp_path / "p.yaml"
    lines = _refused(_import(xlsx, out), out)
    assert [line.split(": ")[1:3] for line in lines] == [
        ["Hồ sơ!D2", "id"], ["Hồ sơ!D3", "title.vi"], ["Hồ sơ!D5", "submitted_by.organization.vi"],
        ["Hồ sơ!D9", "submitted_by.contact.name"], ["Hồ sơ!D24", "submitted_on"],
        ["Hồ sơ!D26", "channel.name.vi"], ["Hồ sơ!D29", "channel.operator"],
        ["Hồ sơ!D31", "channel.kind"], ["Hồ sơ!D32", "channel.exclusive"]], lines
    assert "Hồ sơ!D9: submitted_by.contact.name: missing required field 'name'" in lines[3]
    assert "Hồ sơ!D29: channel.operator: missing 'operator'" in lines[6]


def _mini_form(tmp: Path) -> Path:
    """tests/data/proposal-ok.yaml (no platform profile: the channel names its operator)."""
    return _export(tmp, ROOT / "tests" / "data" / "proposal-ok.yaml", "ok.xlsx",
                   "--checklists", ROOT / "tests" / "data" / "checklists")


def _blank_rows(*keys: str) -> typing.Callable[[Any], None]:
    def blank(wb: Any) -> None:
        for r in wb["Hồ sơ"].iter_rows(min_row=2):
            if r[2].value in keys:
                r[3].value = None
    return blank


@pytest.mark.parametrize(("key", "expected"), [
    ("submitted_by.contact.name",
     "error: Hồ sơ!D9: submitted_by.contact.name: missing required field 'name'"),
    ("channel.operator", "error: Hồ sơ!D29: channel.operator: missing 'operator'")])
def test_a_missing_field_is_said_at_its_own_cell_and_name(tmp_path: Path, key: str,
                                                          expected: str) -> None:
    out = tmp_path / "p.yaml"
    result = _run("questionnaire", "import", _edit(_mini_form(tmp_path), _blank_rows(key)), "-o",
                  out, "--checklists", ROOT / "tests" / "data" / "checklists")
    lines = _refused(result, out, expected)
    assert len(lines) == 1, lines


def test_a_problem_is_never_glued_onto_another_fields_name(tmp_path: Path) -> None:
    """The contact's rows deleted: the missing contact is said of submitted_by.contact at the
    section's first row, not as 'submitted_by.organization.vi.contact'."""
    def delete(wb: Any) -> None:
        ws = wb["Hồ sơ"]
        for r in reversed(list(ws.iter_rows(min_row=2))):
            if str(r[2].value).startswith("submitted_by.contact."):
                ws.delete_rows(r[2].row)

    out = tmp_path / "p.yaml"
    result = _run("questionnaire", "import", _edit(_mini_form(tmp_path), delete), "-o", out,
                  "--checklists", ROOT / "tests" / "data" / "checklists")
    lines = _refused(result, out, "error: Hồ sơ!D5: submitted_by.contact: missing required "
                     "field 'contact'")
    assert len(lines) == 1, lines


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
    assert "warning: Trả lời: no row for control ACC-01: it is left unanswered" in result.output
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
    assert ("Hồ sơ!D24: submitted_on: got '20/09/2019'; expected a date written YYYY-MM-DD "
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
    _refused(result, out, f"{ANSWERS}!D{row}: status: 'đạt' không có trong danh sách (có phải "
             "là 'met — Đạt'?); các giá trị hợp lệ: met — Đạt, partial — Đạt một phần")
    result = _run("questionnaire", "import", form, "-o", out, "--lang", "en")
    assert result.exit_code == 0 and "wrote" in result.output


def test_the_word_tables_are_whole() -> None:
    from assess.core.i18n.messages import fields
    from assess.core.i18n.messages.questionnaire import MESSAGES
    from assess.workflows.questionnaire.layout import ANSWER_COLUMNS, CHOICE_LISTS, LIST_SHEETS, PROPOSAL_ROWS

    for key, (vi, en) in MESSAGES.items():
        assert key.startswith("questionnaire.") and fields(vi) == fields(en), key
    columns: list[Any] = [*PROPOSAL_ROWS, *(c for s in LIST_SHEETS for c in s.columns),
                          *ANSWER_COLUMNS]
    for col in columns:
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


# -- what a user test found --------------------------------------------------------------------


def test_the_optional_columns_are_the_optional_fields() -> None:
    """'unknown' empties a number or yes/no cell exactly where the YAML file lets it: the
    columns marked optional are the int/bool fields that may be None."""
    from assess.documents.models.proposal import Node, Service
    from assess.documents.scalars import _optional
    from assess.workflows.questionnaire.layout import LIST_SHEETS

    models: dict[str, Any] = {"services": Service, "nodes": Node}
    marked = {(s.key, c.key) for s in LIST_SHEETS for c in s.columns if c.optional}
    assert marked == {("nodes", "retention_days"), ("nodes", "retains")}
    for sheet, key in marked:
        assert _optional(models[sheet].model_fields[key].annotation)
    assert not _optional(Service.model_fields["reaches_province_systems"].annotation)


@pytest.mark.parametrize(("cell", "typed"), [("H6", "unknown"), ("H6", "Chưa rõ"),
                                             ("I6", "UNKNOWN"), ("I6", "chưa rõ")])
def test_unknown_in_an_optional_number_or_yes_no_cell_leaves_the_field_out(
        form: Path, tmp_path: Path, cell: str, typed: str) -> None:
    from assess.checklists.loading import load_inputs

    ws = openpyxl.load_workbook(form)["Nút"]
    key = ws[f"{cell[0]}3"].value
    assert key == {"H": "retention_days", "I": "retains"}[cell[0]]
    node = ws["A6"].value
    out = tmp_path / "p.yaml"
    result = _import(_edit(form, lambda wb: wb["Nút"].__setitem__(cell, typed)), out)
    assert result.exit_code == 0, result.output
    (got,) = [n for n in load_inputs(out).proposal.doc.nodes if n.id == node]
    assert getattr(got, key) is None


def test_unknown_in_a_required_number_cell_is_refused(form: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.yaml"
    spoilt = _edit(form, lambda wb: wb["Chủ thể dữ liệu"].__setitem__("C4", "unknown"))
    lines = _refused(_import(spoilt, out), out, "Chủ thể dữ liệu!C4: count: got 'unknown'")
    assert len(lines) == 1, lines


def test_a_formula_in_a_status_cell_is_said_once(form: Path, tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(form)[ANSWERS]
    row = _row_of(ws, "RES-01")
    assert ws.cell(row=row, column=5).value  # the row has evidence
    out = tmp_path / "p.yaml"
    result = _import(_edit(form, lambda wb: wb[ANSWERS].cell(row=row, column=4,
                                                              value="=A1")), out)
    lines = _refused(result, out, f"{ANSWERS}!D{row}: status: the cell holds a formula (=A1)")
    assert len(lines) == 1, lines


@pytest.mark.parametrize("name", ["phieu.csv", "phieu2"])
def test_export_refuses_a_name_not_ending_in_xlsx(tmp_path: Path, name: str,
                                                  vietnamese: None) -> None:
    out = tmp_path / name
    result = _run("questionnaire", "export", "--checklist", "vn-third-party-channel@latest",
                  "-o", out)
    _refused(result, out, f"lỗi: {out}: tên tệp không có đuôi .xlsx; bảng tính được ghi dạng "
             ".xlsx: cần một tên có đuôi .xlsx, ví dụ -o phieu.xlsx")
    result = _run("questionnaire", "export", "--checklist", "vn-third-party-channel@latest",
                  "-o", out, "--lang", "en")
    _refused(result, out, f"error: {out}: the name does not end in .xlsx; the workbook is "
             "written as .xlsx: expected a name ending in .xlsx, e.g. -o phieu.xlsx")
    assert list(tmp_path.iterdir()) == []
    assert _run("questionnaire", "export", "--checklist", "vn-third-party-channel@latest",
                "-o", tmp_path / "PHIEU.XLSX").exit_code == 0


def test_answers_are_written_in_the_checklists_order_whatever_the_sheets(
        form: Path, tmp_path: Path) -> None:
    import yaml

    def reverse(wb: Any) -> None:  # the sheet sorted backwards: whole rows, ids included
        ws = wb[ANSWERS]
        rows = [r[0].row for r in ws.iter_rows(min_row=4, max_col=1) if r[0].value]
        values = [[ws.cell(row=r, column=c).value for c in range(1, 11)] for r in rows]
        for r, vals in zip(rows, reversed(values), strict=True):
            for c, v in enumerate(vals, start=1):
                ws.cell(row=r, column=c).value = v

    out = tmp_path / "p.yaml"
    result = _import(_edit(form, reverse), out)
    assert result.exit_code == 0, result.output
    written = list(yaml.safe_load(out.read_text(encoding="utf-8"))["answers"])
    original = yaml.safe_load(BAC_GIANG.read_text(encoding="utf-8"))["answers"]
    from assess.checklists.loading import load_inputs

    order = [c.id for c in load_inputs(BAC_GIANG).checklist.doc.controls() if c.id in original]
    assert written == order
    assert _comparable(out) == _comparable(BAC_GIANG)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_deleted_answer_rows_are_a_warning_in_the_singular_and_the_plural(
        form: Path, tmp_path: Path, lang: str, vietnamese: None) -> None:
    def delete(*controls: str) -> typing.Callable[[Any], None]:
        def edit(wb: Any) -> None:
            ws = wb[ANSWERS]
            for c in controls:
                ws.delete_rows(_row_of(ws, c))
        return edit

    expected = {
        ("vi", 1): "cảnh báo: Trả lời: không có dòng cho kiểm soát ACC-01: kiểm soát này chưa "
                   "được trả lời",
        ("vi", 2): "cảnh báo: Trả lời: không có dòng cho 2 kiểm soát (ACC-01, ACC-02): các kiểm "
                   "soát này chưa được trả lời",
        ("en", 1): "warning: Trả lời: no row for control ACC-01: it is left unanswered",
        ("en", 2): "warning: Trả lời: no row for 2 controls (ACC-01, ACC-02): they are left "
                   "unanswered"}
    for controls in (("ACC-01",), ("ACC-01", "ACC-02")):
        out = tmp_path / f"p{len(controls)}.yaml"
        result = CliRunner().invoke(app, ["questionnaire", "import",
                                          str(_edit(form, delete(*controls))), "-o", str(out),
                                          "--lang", lang], env={"COLUMNS": "300"})
        assert result.exit_code == 0, result.output
        assert expected[lang, len(controls)] in " ".join(result.output.split()), result.output


def test_the_yaml_header_is_in_the_commands_language(form: Path, tmp_path: Path,
                                                      vietnamese: None) -> None:
    good = form.with_name("good.xlsx")
    good.write_bytes(form.read_bytes())
    out = tmp_path / "vi.yaml"
    assert _import(good, out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith(
        "# Tệp do assess questionnaire import tạo ra từ good.xlsx.\n"
        "# Kiểm tra bằng: assess validate <tệp này>; chấm điểm bằng: assess score <tệp này>\n"
        "kind: proposal\n")
    out = tmp_path / "en.yaml"
    assert _run("questionnaire", "import", good, "-o", out, "--lang", "en").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith(
        "# Written by assess questionnaire import from good.xlsx.\n"
        "# Check it with: assess validate <this file>; score it with: assess score <this file>\n"
        "kind: proposal\n")


def test_a_missing_status_names_the_valid_values(form: Path, tmp_path: Path,
                                                  vietnamese: None) -> None:
    row = _row_of(openpyxl.load_workbook(form)[ANSWERS], "RES-01")
    out = tmp_path / "p.yaml"
    result = _import(_edit(form, lambda wb: wb[ANSWERS].__setitem__(f"D{row}", None)), out)
    lines = _refused(result, out, f"lỗi: {ANSWERS}!D{row}: status: có bằng chứng hoặc ghi chú "
                     "nhưng chưa có trạng thái; các giá trị hợp lệ: met — Đạt, partial — ")
    assert len(lines) == 1, lines


def _set_rows(**values: object) -> typing.Callable[[Any], None]:
    def fill(wb: Any) -> None:
        for r in wb["Hồ sơ"].iter_rows(min_row=2):
            if r[2].value in values:
                r[3].value = values[r[2].value]
    return fill


def test_the_signer_and_recipients_come_from_the_proposal_sheet(tmp_path: Path) -> None:
    """The document's identity is the province's to write too: a signer signing for the head,
    recipients a line each (English line i translating Vietnamese line i)."""
    out = tmp_path / "p.yaml"
    fill = _set_rows(**{
        "submitted_by.symbol": "TTPVHCC", "submitted_by.number": 7,
        "submitted_by.signer.name": "Phạm Văn An", "submitted_by.signer.position.vi": "Phó Giám đốc",
        "submitted_by.signer.authority": "kt.", "submitted_by.signer.head.vi": "Giám đốc",
        "submitted_by.recipients.vi": "Bộ Khoa học và Công nghệ (để thẩm định)\nUBND tỉnh",
        "submitted_by.recipients.en": "Ministry of Science and Technology (for review)\n"
                                      "UBND tỉnh"})  # the same again: no translation
    result = _run("questionnaire", "import", _edit(_mini_form(tmp_path), fill), "-o", out,
                  "--checklists", ROOT / "tests" / "data" / "checklists")
    assert result.exit_code == 0, result.output
    by = yaml.safe_load(out.read_text("utf-8"))["submitted_by"]
    assert by["symbol"] == "TTPVHCC" and by["number"] == "7"
    assert by["signer"] == {"name": "Phạm Văn An", "position": "Phó Giám đốc", "authority": "KT.",
                            "head": "Giám đốc"}
    assert by["recipients"] == [{"vi": "Bộ Khoa học và Công nghệ (để thẩm định)",
                                 "en": "Ministry of Science and Technology (for review)"},
                                "UBND tỉnh"]


def test_a_signer_without_a_position_is_said_at_its_cell(tmp_path: Path) -> None:
    out = tmp_path / "p.yaml"
    fill = _set_rows(**{"submitted_by.signer.name": "Phạm Văn An"})
    result = _run("questionnaire", "import", _edit(_mini_form(tmp_path), fill), "-o", out,
                  "--checklists", ROOT / "tests" / "data" / "checklists")
    lines = _refused(result, out, "submitted_by.signer.position")
    assert len(lines) == 1, lines


def test_an_english_recipient_without_its_vietnamese_line_is_said(tmp_path: Path) -> None:
    out = tmp_path / "p.yaml"
    fill = _set_rows(**{"submitted_by.recipients.vi": "Bộ Khoa học và Công nghệ",
                        "submitted_by.recipients.en": "Ministry of Science\nGovernment Office"})
    result = _run("questionnaire", "import", _edit(_mini_form(tmp_path), fill), "-o", out,
                  "--checklists", ROOT / "tests" / "data" / "checklists")
    lines = _refused(result, out, "submitted_by.recipients.en: 2 English lines and 1 "
                     "Vietnamese ones")
    assert len(lines) == 1, lines


def test_recipients_missing_an_english_line_are_not_paired_silently(tmp_path: Path) -> None:
    """Three Vietnamese lines, two English: which one is untranslated cannot be guessed."""
    out = tmp_path / "p.yaml"
    fill = _set_rows(**{"submitted_by.recipients.vi": "A\nB\nC",
                        "submitted_by.recipients.en": "Ministry of Science\nGovernment Office"})
    result = _run("questionnaire", "import", _edit(_mini_form(tmp_path), fill), "-o", out,
                  "--checklists", ROOT / "tests" / "data" / "checklists")
    _refused(result, out, "submitted_by.recipients.en: 2 English lines and 3 Vietnamese ones")


# -- data tags: a yes/no column per tag ---------------------------------------------------------

QUANG_TRI = ROOT / "examples" / "quang-tri-zalo-services.yaml"
TAG = "identity-document-image"


def _tagged_example(tmp: Path) -> Path:
    """The Quảng Trị example with its ID-card photos tagged as images of identity documents."""
    text = QUANG_TRI.read_text("utf-8")
    photos = "      en: Photos of the applicant's or parents' ID cards\n    class: sensitive-personal\n"
    assert text.count(photos) == 1
    path = tmp / "quang-tri-tagged.yaml"
    path.write_text(text.replace(photos, photos + f"    tags: [{TAG}]\n"), "utf-8")
    return path


def _tag_column(ws: Any) -> int:
    return next(c.column for c in ws[3] if c.value == f"tags.{TAG}")


def test_a_tagged_item_comes_back_with_its_tag(tmp_path: Path) -> None:
    from assess.checklists.loading import load_inputs

    example = _tagged_example(tmp_path)
    xlsx = _export(tmp_path, example)
    ws = openpyxl.load_workbook(xlsx)["Dữ liệu"]
    col = _tag_column(ws)
    assert ws.cell(row=1, column=col).value == "Ảnh giấy tờ tùy thân (căn cước, hộ chiếu…)?"
    assert ws.cell(row=2, column=col).value == ("Image of an identity document (ID card, "
                                                "passport…)?")
    cells = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=col).value
             for r in range(4, 4 + len(load_inputs(example).proposal.doc.data))}
    assert cells.pop("id-image") == "true — Có"
    assert set(cells.values()) == {"false — Không"}
    out = tmp_path / "back.yaml"
    result = _import(xlsx, out)
    assert result.exit_code == 0, result.output
    back = load_inputs(out).proposal.doc
    assert back == load_inputs(example).proposal.doc
    assert [d.id for d in back.data if d.tags] == ["id-image"]
    assert _comparable(out) == _comparable(example)


def test_a_tag_typed_yes_by_hand_is_taken_and_its_class_is_checked_at_the_class_cell(
        tmp_path: Path) -> None:
    """'true' in the column tags the item; an item tagged but classed personal is refused at
    its class cell, saying what to write; a word that is not yes or no is refused at its cell
    with the entry it may mean."""
    xlsx = _export(tmp_path, _tagged_example(tmp_path))
    ws = openpyxl.load_workbook(xlsx)["Dữ liệu"]
    col, rows = _tag_column(ws), {ws.cell(row=r, column=1).value: r for r in range(4, 12)}
    letter = openpyxl.utils.get_column_letter(col)
    certificate = rows["birth-cert-image"]

    def tag_by_hand(wb: Any) -> None:
        wb["Dữ liệu"][f"{letter}{certificate}"] = "TRUE"

    out = tmp_path / "p.yaml"
    lines = _refused(_import(_edit(xlsx, tag_by_hand), out), out)
    assert lines == [f"error: Dữ liệu!D{certificate}: class: data item 'birth-cert-image' is "
                     f"tagged {TAG} (images of identity documents) but classed 'personal'; "
                     "images of identity documents are sensitive personal data (Decree "
                     "356/2025/ND-CP, Art. 4): write class: sensitive-personal"]

    def spoil(wb: Any) -> None:
        tag_by_hand(wb)
        wb["Dữ liệu"][f"D{certificate}"] = "sensitive-personal"
        wb["Dữ liệu"][f"{letter}{rows['disability-cert']}"] = "có"

    lines = _refused(_import(_edit(xlsx, spoil), out), out)
    assert lines == [f"error: Dữ liệu!{letter}{rows['disability-cert']}: tags.{TAG}: 'có' is not "
                     "one of the values (did you mean 'true — Có'?); expected one of: true — Có, "
                     "false — Không"]

    def tag_two(wb: Any) -> None:
        tag_by_hand(wb)
        wb["Dữ liệu"][f"D{certificate}"] = "sensitive-personal"

    result = _import(_edit(xlsx, tag_two), out)
    assert result.exit_code == 0, result.output
    data = {d["id"]: d for d in yaml.safe_load(out.read_text("utf-8"))["data"]}
    assert data["birth-cert-image"]["tags"] == [TAG] and "tags" not in data["disability-cert"]

"""What an honest officer writes (issue 13, part 2): each YAML trap gets its exact message in
Vietnamese (the default) and in English (--lang en), or is read as the officer meant it when
that is unambiguous and can only make the result worse or equal."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from assess.cli import app
from assess.engine.result import Assessment
from assess.workflows.pipeline import assess_files
from tests.helpers import DATA

CHECKLISTS = ["--checklists", str(DATA / "checklists")]
GOOD = (DATA / "proposal-ok.yaml").read_text(encoding="utf-8")


def _write(tmp_path: Path, old: str, new: str) -> Path:
    assert old in GOOD, old
    p = tmp_path / "p.yaml"
    p.write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    return p


def _validate(p: Path, lang: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", str(p), *CHECKLISTS, "--lang", lang],
                                env={"COLUMNS": "300"})
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.output.replace(str(p), "p.yaml").split())


TRAPS = {
    "thousands-dot": (
        "count: 1000", "count: 150.000",
        "lỗi: p.yaml:22: data_subjects[0].count: ghi là '150.000'; số phải viết liền, không có "
        "dấu phân cách hàng nghìn: hãy ghi 150000",
        "error: p.yaml:22: data_subjects[0].count: got '150.000'; a number is written without "
        "thousands separators: write 150000"),
    "thousands-comma": (
        "count: 1000", "count: 1,500,000",
        "lỗi: p.yaml:22: data_subjects[0].count: ghi là '1,500,000'; số phải viết liền, không "
        "có dấu phân cách hàng nghìn: hãy ghi 1500000",
        "error: p.yaml:22: data_subjects[0].count: got '1,500,000'; a number is written without "
        "thousands separators: write 1500000"),
    "day-first-date": (
        "submitted_on: 2026-03-01", "submitted_on: 01/12/2026",
        "lỗi: p.yaml:8: submitted_on: ghi là '01/12/2026'; ngày phải viết theo dạng YYYY-MM-DD "
        "(năm-tháng-ngày): hãy ghi 2026-12-01 (ngày 1, tháng 12, năm 2026)",
        "error: p.yaml:8: submitted_on: got '01/12/2026'; expected a date written YYYY-MM-DD "
        "(year-month-day): write 2026-12-01 (day 1, month 12, year 2026)"),
    "day-first-impossible": (
        "submitted_on: 2026-03-01", "submitted_on: 31/02/2026",
        "lỗi: p.yaml:8: submitted_on: ghi là '31/02/2026'; cần một ngày theo dạng YYYY-MM-DD, "
        "ví dụ 2026-12-01",
        "error: p.yaml:8: submitted_on: got '31/02/2026'; expected a date written YYYY-MM-DD, "
        "e.g. 2026-12-01"),
    "status-dat": (
        "RES-01: {status: met,", "RES-01: {status: đạt,",
        "lỗi: p.yaml:41: answers.RES-01.status: ghi là 'đạt'; có phải ý là 'met'? Các giá trị "
        "hợp lệ: met, partial, not-met, not-applicable, unknown",
        "error: p.yaml:41: answers.RES-01.status: got 'đạt'; did you mean 'met'? Expected one "
        "of: met, partial, not-met, not-applicable, unknown"),
    "status-khong-dat": (
        "RES-01: {status: met,", "RES-01: {status: Không đạt,",
        "lỗi: p.yaml:41: answers.RES-01.status: ghi là 'Không đạt'; có phải ý là 'not-met'? Các "
        "giá trị hợp lệ: met, partial, not-met, not-applicable, unknown",
        "error: p.yaml:41: answers.RES-01.status: got 'Không đạt'; did you mean 'not-met'? "
        "Expected one of: met, partial, not-met, not-applicable, unknown"),
    "status-mot-phan": (
        "RES-02: {status: partial,", "RES-02: {status: một phần,",
        "lỗi: p.yaml:42: answers.RES-02.status: ghi là 'một phần'; có phải ý là 'partial'?",
        "error: p.yaml:42: answers.RES-02.status: got 'một phần'; did you mean 'partial'?"),
    "status-chua-ro": (
        "RES-02: {status: partial,", "RES-02: {status: chưa rõ,",
        "lỗi: p.yaml:42: answers.RES-02.status: ghi là 'chưa rõ'; có phải ý là 'unknown'?",
        "error: p.yaml:42: answers.RES-02.status: got 'chưa rõ'; did you mean 'unknown'?"),
    "status-typo": (
        "RES-02: {status: partial,", "RES-02: {status: parital,",
        "lỗi: p.yaml:42: answers.RES-02.status: ghi là 'parital'; có phải ý là 'partial'?",
        "error: p.yaml:42: answers.RES-02.status: got 'parital'; did you mean 'partial'?"),
    "bool-co": (
        "authenticated: false, purpose", "authenticated: có, purpose",
        "lỗi: p.yaml:36: flows[0].authenticated: ghi là 'có'; có phải ý là true? Trường này "
        "nhận true (có) hoặc false (không)",
        "error: p.yaml:36: flows[0].authenticated: got 'có'; did you mean true? This field "
        "takes true or false"),
    "country-lowercase": (
        "operator_country: VN", "operator_country: vn",
        "lỗi: p.yaml:13: channel.operator_country: ghi là 'vn'; cần mã quốc gia ISO 3166 gồm hai "
        "chữ in hoa, ví dụ VN, SG, US: hãy ghi VN",
        "error: p.yaml:13: channel.operator_country: got 'vn'; expected a two-letter ISO 3166 "
        "country code in capitals, e.g. VN, SG, US: write VN"),
    "country-name": (
        "operator_country: VN", "operator_country: Việt Nam",
        "lỗi: p.yaml:13: channel.operator_country: ghi là 'Việt Nam'; cần mã quốc gia ISO 3166 "
        "gồm hai chữ in hoa, ví dụ VN, SG, US: hãy ghi VN",
        "error: p.yaml:13: channel.operator_country: got 'Việt Nam'; expected a two-letter ISO "
        "3166 country code in capitals, e.g. VN, SG, US: write VN"),
    "id-from-a-name": (
        "id: test-ok", "id: Lạng Sơn Zalo",
        "lỗi: p.yaml:3: id: ghi là 'Lạng Sơn Zalo'; cần một mã gồm chữ cái không dấu, chữ số, "
        "'.', '_' hoặc '-', ví dụ zalo-oa: hãy ghi lang-son-zalo",
        "error: p.yaml:3: id: got 'Lạng Sơn Zalo'; expected an id of letters, digits, '.', '_' "
        "or '-', e.g. zalo-oa: write lang-son-zalo"),
    "one-choice": (
        "schema_version: 1", "schema_version: 2",
        "lỗi: p.yaml:2: schema_version: ghi là 2; hãy ghi 1",
        "error: p.yaml:2: schema_version: got 2; expected 1"),
    "unknown-count-required": (
        "count: 1000", "count: unknown",
        "lỗi: p.yaml:22: data_subjects[0].count: ghi là 'unknown'; cần một số nguyên chỉ gồm "
        "chữ số",
        "error: p.yaml:22: data_subjects[0].count: got 'unknown'; expected a whole number "
        "written with digits only"),
}


@pytest.mark.parametrize("case", sorted(TRAPS))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_trap_has_its_message_in_both_languages(tmp_path: Path, case: str, lang: str
                                                     ) -> None:
    old, new, vi, en = TRAPS[case]
    code, out = _validate(_write(tmp_path, old, new), lang)
    assert code == 2, out
    assert (vi if lang == "vi" else en) in out, out
    assert out.count("p.yaml:") == 1, out  # one message per problem


@pytest.mark.usefixtures("vietnamese")
def test_vietnamese_is_the_default(tmp_path: Path) -> None:
    p = _write(tmp_path, "count: 1000", "count: 150.000")
    result = CliRunner().invoke(app, ["validate", str(p), *CHECKLISTS])
    assert result.exit_code == 2
    assert "hãy ghi 150000" in result.output and "write 150000" not in result.output


ACCEPTED = {
    # (old, new, what the document then says)
    "yes-in-a-choice": ('encrypted_at_rest: "yes"', "encrypted_at_rest: yes",
                        lambda p: p.nodes[2].encrypted_at_rest == "yes"),
    "norway": ("operator_country: VN", "operator_country: NO",
               lambda p: p.channel.operator_country == "NO"),
    "status-capitalised": ("RES-02: {status: partial,", "RES-02: {status: Partial,",
                           lambda p: p.answers["RES-02"].status == "partial"),
    "status-shouted": ("RES-01: {status: met,", "RES-01: {status: NOT-MET,",
                       lambda p: p.answers["RES-01"].status == "not-met"),
    "encryption-capitals": ("encryption: tls, authenticated: false", "encryption: TLS, "
                            "authenticated: false", lambda p: p.flows[0].encryption == "tls"),
    "retention-unknown": ("retention_days: 90", "retention_days: unknown",
                          lambda p: p.nodes[2].retention_days is None),
    "retention-chua-ro": ("retention_days: 90", "retention_days: chưa rõ",
                          lambda p: p.nodes[2].retention_days is None),
    "retention-chua-ro-decomposed": (  # as macOS writes it: each mark a character of its own
        "retention_days: 90", "retention_days: " + __import__("unicodedata").normalize(
            "NFD", "Chưa  Rõ"), lambda p: p.nodes[2].retention_days is None),
}


@pytest.mark.parametrize("case", sorted(ACCEPTED))
def test_what_is_unambiguous_is_read_as_meant(tmp_path: Path, case: str) -> None:
    from assess.checklists.catalog import Catalog
    from assess.checklists.loading import load_inputs

    old, new, holds = ACCEPTED[case]
    p = _write(tmp_path, old, new)
    code, out = _validate(p, "en")
    assert code == 0, out
    assert holds(load_inputs(p, Catalog([DATA / "checklists"])).proposal.doc)


def test_unknown_is_read_at_its_worst_never_better_than_leaving_it_out(tmp_path: Path) -> None:
    """'retention_days: unknown' is the field left out: the same findings and verdict as
    omitting it, and never better than a stated retention (the example's own store)."""
    example = (DATA.parent.parent / "examples" / "bac-ninh-zalo-notifications.yaml").read_text(
        encoding="utf-8")
    assert example.count("    retention_days: 365\n") == 1

    def run(new: str) -> Assessment:
        p = tmp_path / "p.yaml"
        p.write_text(example.replace("    retention_days: 365\n", new), encoding="utf-8")
        return assess_files(p)

    stated, unknown = run("    retention_days: 365\n"), run("    retention_days: unknown\n")
    omitted = run("")
    assert [f.id for f in unknown.findings] == [f.id for f in omitted.findings]
    assert (unknown.score, unknown.verdict) == (omitted.score, omitted.verdict)
    assert len(unknown.findings) > len(stated.findings)
    assert unknown.score <= stated.score


SYNTAX = {
    # text, the line the message names, the Vietnamese explanation it gives
    "unclosed-bracket": ("kind: proposal\nid: [x\n", 2, "thiếu dấu ',' giữa các mục hoặc thiếu "
                         "dấu đóng ngoặc ']'"),
    "unclosed-quote": ("kind: proposal\nid: x\ntitle: \"abc\n", 3, "tệp kết thúc giữa chừng"),
    "two-documents": ("kind: proposal\n---\nid: x\n", 2, "tệp có nhiều hơn một tài liệu"),
    "tab": ("kind: proposal\nchannel:\n\tname: x\n", 3, "YAML không cho thụt lề bằng phím Tab"),
}


@pytest.mark.parametrize("case", sorted(SYNTAX))
def test_a_syntax_error_names_the_line_where_the_fault_begins(tmp_path: Path, case: str) -> None:
    text, line, vi = SYNTAX[case]
    p = tmp_path / "p.yaml"
    p.write_text(text, encoding="utf-8")
    code, out = _validate(p, "vi")
    assert code == 2 and out.startswith(f"lỗi: p.yaml:{line}: lỗi cú pháp YAML: {vi}"), out


@pytest.mark.parametrize(("head", "vi", "en"), [
    (b"PK\x03\x04", "đây là một bảng tính (hoặc tệp nén), không phải tệp YAML; phiếu khảo sát "
     "được đọc bằng: assess questionnaire import p.yaml -o ho-so.yaml",
     "this is a workbook (or a zip file), not a YAML file; a questionnaire is read with: assess "
     "questionnaire import p.yaml -o proposal.yaml"),
    (b"%PDF-1.7\n", "đây là một tệp PDF, không phải tệp YAML",
     "this is a PDF, not a YAML file; a signed report is checked with: assess verify p.yaml"),
])
def test_a_workbook_or_a_pdf_given_as_yaml_is_named_as_such(tmp_path: Path, head: bytes, vi: str,
                                                            en: str) -> None:
    p = tmp_path / "p.yaml"
    p.write_bytes(head + b"\x00\xc1" * 10)
    assert _validate(p, "vi")[0] == 2 and vi in _validate(p, "vi")[1]
    assert en in _validate(p, "en")[1]

"""Reading and writing files, and what `report` and the diagram say, in the reader's language:
Vietnamese by default, English with --lang en. Exit status 2 for each refusal, never a
traceback."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assess.cli import app
from assess.core import semver
from assess.core.i18n.messages import fields, speaking
from assess.core.i18n.messages import files as files_table
from tests.helpers import DATA

PROPOSAL = DATA / "proposal-ok.yaml"
CHECKLISTS = ["--checklists", str(DATA / "checklists")]
LANGS = {"vi": [], "en": ["--lang", "en"]}


def _run(lang: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, *LANGS[lang]], env={"COLUMNS": "250"})
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / PROPOSAL.name
    target.write_bytes(PROPOSAL.read_bytes())
    return target


def test_both_halves_of_every_entry_name_the_same_parameters() -> None:
    for key, (vi, en) in files_table.MESSAGES.items():
        assert key.split(".")[0] in ("files", "engine"), key
        assert fields(vi) == fields(en), key
        assert vi.strip() and en.strip(), key


# --- reading --------------------------------------------------------------------------------

@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_folder_is_not_a_file_to_read(tmp_path: Path, lang: str) -> None:
    code, output = _run(lang, "validate", str(tmp_path))
    assert code == 2
    assert output.strip() == {
        "vi": f"lỗi: {tmp_path}: là một thư mục; cần một tệp thông thường",
        "en": f"error: {tmp_path}: is a folder; expected a regular file",
    }[lang]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_named_pipe_is_not_a_file_to_read(tmp_path: Path, lang: str) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    code, output = _run(lang, "validate", str(fifo))
    assert code == 2
    assert output.strip() == {
        "vi": f"lỗi: {fifo}: là một đường ống có tên (FIFO); cần một tệp thông thường",
        "en": f"error: {fifo}: is a named pipe (FIFO); expected a regular file",
    }[lang]


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_file_over_the_limit_is_refused_with_its_size(tmp_path: Path, lang: str) -> None:
    key = tmp_path / "key.p12"
    key.write_bytes(b"x")
    password = tmp_path / "password"
    password.write_bytes(b"p" * (1024 * 1024 + 1))
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.7\n")
    code, output = _run(lang, "sign", str(report), "--key", str(key), "--password-file",
                        str(password))
    assert code == 2
    assert output.strip() == {
        "vi": f"lỗi: {password}: tệp có dung lượng 1.048.577 byte; cần tệp không quá "
              "1.048.576 byte",
        "en": f"error: {password}: file is 1,048,577 bytes; expected at most 1,048,576 bytes",
    }[lang]


# --- writing --------------------------------------------------------------------------------

@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_output_that_would_overwrite_an_input(tmp_path: Path, lang: str) -> None:
    proposal = _copy(tmp_path)
    code, output = _run(lang, "report", str(proposal), *CHECKLISTS, "-o", str(proposal))
    assert code == 2
    assert output.strip() == {
        "vi": f"lỗi: {proposal}: là tệp đầu vào của lần chạy này ({proposal}); cần đặt tên khác "
              "cho tệp kết quả",
        "en": f"error: {proposal}: is an input of this run ({proposal}); expected another name "
              "for the output",
    }[lang]


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_output_in_a_missing_folder(tmp_path: Path, lang: str) -> None:
    target = tmp_path / "nope" / "r.pdf"
    code, output = _run(lang, "report", str(PROPOSAL), *CHECKLISTS, "-o", str(target))
    assert code == 2
    assert output.strip() == {
        "vi": f"lỗi: {target}: thư mục {target.parent} không tồn tại",
        "en": f"error: {target}: folder {target.parent} does not exist",
    }[lang]


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_existing_output_without_force(tmp_path: Path, lang: str) -> None:
    target = tmp_path / "exists.yaml"
    target.write_text("kept\n", encoding="utf-8")
    code, output = _run(lang, "init", "-o", str(target))
    assert code == 2
    assert output.strip() == {
        "vi": f"lỗi: {target}: tệp đã có; hãy chọn tên khác hoặc dùng --force",
        "en": f"error: {target}: already exists; choose another name or use --force",
    }[lang]
    assert target.read_text(encoding="utf-8") == "kept\n"


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_html_may_not_take_the_pdfs_name(tmp_path: Path, lang: str) -> None:
    pdf = tmp_path / "r.pdf"
    code, output = _run(lang, "report", str(PROPOSAL), *CHECKLISTS, "-o", str(pdf), "--html",
                        str(pdf))
    assert code == 2
    assert output.strip() == {
        "vi": f"lỗi: {pdf}: trùng tên với tệp PDF; cần đặt tên khác cho tệp HTML",
        "en": f"error: {pdf}: is also the PDF's name; expected another name for the HTML",
    }[lang]


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_report_says_what_it_wrote(tmp_path: Path, lang: str) -> None:
    pdf, html = tmp_path / "r.pdf", tmp_path / "r.html"
    checklist = tmp_path / "draft.yaml"  # a file outside the catalog: unreleased
    checklist.write_bytes((DATA / "checklists" / "mini" / "1.0.0.yaml").read_bytes())
    code, output = _run(lang, "report", str(PROPOSAL), "--checklist", str(checklist), "-o",
                        str(pdf), "--html", str(html))
    assert code == 0, output
    line = output.strip().splitlines()[-1]
    pdf_, html_ = re.escape(str(pdf)), re.escape(str(html))
    pattern = {
        "vi": rf"đã ghi {pdf_} \(\d{{2,3}}\.\d{{3}} byte; chấp thuận, điểm \d+,\d\) và {html_}; "
              r"CHƯA BAN HÀNH: mini@1\.0\.0 \(bản nháp hoặc tệp ngoài danh mục: không dùng cho "
              r"kết luận chính thức\)",
        "en": rf"wrote {pdf_} \(\d{{2,3}},\d{{3}} bytes; approve, score \d+\.\d\) and {html_}; "
              r"UNRELEASED: mini@1\.0\.0 \(a draft or a file outside the catalog: not for a "
              r"formal decision\)",
    }[lang]
    assert re.fullmatch(pattern, line), line


@pytest.mark.usefixtures("vietnamese")
def test_report_refuses_standard_input_in_vietnamese() -> None:
    code, output = _run("vi", "report", "-")
    assert code == 2
    assert "báo cáo đính kèm chính tệp hồ sơ; cần đường dẫn của tệp, không phải - (đầu vào " \
        "chuẩn)" in " ".join(re.sub(r"[│╭╮╰╯─]", " ", output).split())


# --- the diagram ----------------------------------------------------------------------------

@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_graphviz_missing(tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name == "dot"
                        else real(name, *a, **k))
    code, output = _run(lang, "graph", str(PROPOSAL), *CHECKLISTS, "-o", str(tmp_path / "g.svg"))
    assert code == 2
    assert output.strip() == {
        "vi": "lỗi: không tìm thấy chương trình 'dot' của Graphviz trong PATH; hãy cài Graphviz "
              "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz) hoặc dùng "
              "--format dot",
        "en": "error: Graphviz's 'dot' program was not found on PATH; install Graphviz "
              "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz) or use "
              "--format dot",
    }[lang]


# --- library errors, rendered where they are shown ------------------------------------------

def test_a_bad_version_says_so_in_both_languages() -> None:
    with pytest.raises(ValueError) as caught:
        semver.parse("1.0")
    for lang, text in (("vi", "không phải phiên bản: '1.0'; cần dạng MAJOR.MINOR.PATCH, ví dụ "
                              "1.0.0"),
                       ("en", "not a version: '1.0'; expected MAJOR.MINOR.PATCH such as 1.0.0")):
        with speaking(lang):  # type: ignore[arg-type]
            assert str(caught.value) == text


def test_an_unwritable_output_says_the_systems_words(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder refuses the temporary file (as it does for a user without write access; the
    refusal is simulated, so the test runs as root too, as in CI)."""
    import tempfile

    from assess.core.errors import OutputError
    from assess.core.files import write_atomic

    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "out.txt"

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, "x")
    assert not target.exists()
    assert caught.value.message.render("vi").startswith(
        f"{target}: không ghi được vào thư mục {folder} (")
    assert caught.value.message.render("vi").endswith("); cần một thư mục bạn được phép ghi")
    assert caught.value.message.render("en").endswith("); expected a folder you may write to")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_report_and_sign_never_turn_someone_elses_file_into_a_pdf(tmp_path: Path,
                                                                   lang: str) -> None:
    """An earlier PDF is replaced (a report rendered again); a YAML file or a workbook is not."""
    from tests.helpers import DATA

    victim = tmp_path / "ho-so-khac.yaml"
    victim.write_text("kind: proposal\n", encoding="utf-8")
    before = victim.read_bytes()
    run = CliRunner().invoke(app, ["report", str(DATA / "proposal-ok.yaml"),
                                   "--checklists", str(DATA / "checklists"),
                                   "-o", str(victim), "--lang", lang], env={"COLUMNS": "300"})
    assert run.exit_code == 2 and victim.read_bytes() == before
    said = " ".join(run.output.split())
    assert said == (f"lỗi: {victim} đã có và không phải tệp PDF do assess ghi trước đó: tệp này "
                    "không bị ghi đè; hãy chọn tên khác (hoặc tự xóa tệp đó nếu thật sự không "
                    "cần)" if lang == "vi" else
                    f"error: {victim} exists and is not a PDF written earlier: it is not "
                    "replaced; choose another name (or delete that file yourself if it is really "
                    "not needed)"), said
    other = tmp_path / "phieu.xlsx"
    other.write_bytes(b"PK\x03\x04 a workbook")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"%PDF-1.7 an earlier report")
    assert CliRunner().invoke(app, ["demo-ca", "-o", str(tmp_path / "ca")]).exit_code == 0
    signed = CliRunner().invoke(app, [
        "sign", str(pdf), "--key", str(tmp_path / "ca" / "TEST-ONLY-signer.p12"),
        "--password-file", str(tmp_path / "ca" / "TEST-ONLY-signer.password"), "-o", str(other),
        "--lang", lang])
    assert signed.exit_code == 2 and other.read_bytes() == b"PK\x03\x04 a workbook"
    assert ("không phải tệp PDF do assess ghi trước đó" if lang == "vi" else
            "is not a PDF written earlier") in signed.output
    again = CliRunner().invoke(app, ["report", str(DATA / "proposal-ok.yaml"),
                                     "--checklists", str(DATA / "checklists"),
                                     "-o", str(pdf)])
    assert again.exit_code == 0 and pdf.read_bytes().startswith(b"%PDF-1.")
    assert b"an earlier report" not in pdf.read_bytes()

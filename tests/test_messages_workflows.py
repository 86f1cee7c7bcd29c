"""Messages of the workflows and their commands in both languages: `migrate`, `validate`,
`checklist release`, `review init`, `graph`, `schema` and the listings.

Vietnamese by default, English with `--lang en`; the same exit status in both; never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assess.core.i18n.messages import fields
from assess.core.i18n.messages.workflows import MESSAGES
from tests.conftest import DATA, MINI_DIR
from tests.helpers import flat
from tests.helpers import output_lines as _lines
from tests.helpers import run_cli as _run
from tests.versions import catalog_with_v2

OK = DATA / "proposal-ok.yaml"
MINI = (MINI_DIR / "mini" / "1.0.0.yaml").read_text(encoding="utf-8")


@pytest.fixture
def v2(tmp_path: Path) -> Path:
    """A catalog with mini 1.0.0 and 2.0.0 (added, removed and renamed controls)."""
    return catalog_with_v2(tmp_path / "cat")


def test_every_entry_names_the_same_parameters_in_both_languages() -> None:
    for key, (vi, en) in MESSAGES.items():
        assert key.startswith(("workflows.", "cli.")), key
        assert fields(vi) == fields(en), key
        assert vi.strip() and en.strip(), key


# ── migrate ──


@pytest.mark.usefixtures("vietnamese")
def test_migrate_reports_what_it_wrote_in_vietnamese(tmp_path: Path, v2: Path) -> None:
    out = tmp_path / "new.yaml"
    result = _run("migrate", str(OK), "--to", "mini@2.0.0", "-o", str(out), "--checklists",
                  str(v2))
    assert result.exit_code == 0, result.output
    assert flat(result.output) == (
        f"đã ghi {out}: mini@1.0.0 → mini@2.0.0; giữ nguyên 3 câu trả lời, 3 kiểm soát mới thêm "
        "với trạng thái unknown (RES-04, ENC-04, LOG-01); 0 kiểm soát đã bỏ; đổi mã RES-02 → "
        "RES-03; 1 kiểm soát có câu hỏi đã thay đổi, đặt lại unknown để trả lời lại (ENC-02)")


def test_migrate_reports_what_it_wrote_in_english(tmp_path: Path, v2: Path) -> None:
    out = tmp_path / "new.yaml"
    result = _run("migrate", str(OK), "--to", "mini@2.0.0", "-o", str(out), "--checklists",
                  str(v2), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert flat(result.output) == (
        f"wrote {out}: mini@1.0.0 → mini@2.0.0; 3 answers kept, 3 added as unknown (RES-04, "
        "ENC-04, LOG-01); 0 removed; renamed RES-02 → RES-03; 1 whose question changed, set back "
        "to unknown to answer again (ENC-02)")


@pytest.mark.parametrize(("lang", "expected"), [
    ("vi", "lỗi: {path}: đã trả lời theo mini@1.0.0; không có gì để chuyển đổi"),
    ("en", "error: {path}: already answers mini@1.0.0; nothing to migrate"),
])
def test_migrating_to_the_version_answered_is_refused(tmp_path: Path, v2: Path, lang: str,
                                                      expected: str) -> None:
    out = tmp_path / "same.yaml"
    result = _run("migrate", str(OK), "--to", "mini@1.0.0", "-o", str(out), "--checklists",
                  str(v2), "--lang", lang)
    assert result.exit_code == 2
    assert _lines(result) == [expected.format(path=OK)]
    assert not out.exists()


# ── validate ──


@pytest.mark.usefixtures("vietnamese")
def test_validate_says_each_file_is_valid_in_vietnamese() -> None:
    result = _run("validate", str(OK), str(MINI_DIR / "mini" / "1.0.0.yaml"), "--checklists",
                  str(MINI_DIR))
    assert result.exit_code == 0, result.output
    assert _lines(result) == [f"hợp lệ: {OK} (hồ sơ)",
                              f"hợp lệ: {MINI_DIR / 'mini' / '1.0.0.yaml'} (bộ tiêu chí)"]


def test_validate_says_ok_in_english() -> None:
    result = _run("validate", str(OK), "--checklists", str(MINI_DIR), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert _lines(result) == [f"ok: {OK} (proposal)"]


@pytest.mark.parametrize(("lang", "expected"), [
    ("vi", "lỗi: {path}:1: id: tệp khai báo id 'mini'; cần là 'other' (tên thư mục)"),
    ("en", "error: {path}:1: id: file declares id 'mini'; expected 'other' (the folder name)"),
])
def test_a_proposal_naming_a_misfiled_checklist_fails_validate(tmp_path: Path, lang: str,
                                                               expected: str) -> None:
    cat = tmp_path / "cat"
    (cat / "other").mkdir(parents=True)
    path = cat / "other" / "1.0.0.yaml"
    path.write_text(MINI, encoding="utf-8")
    proposal = tmp_path / "p.yaml"
    proposal.write_text(OK.read_text("utf-8").replace("checklist: mini@1.0.0",
                                                      "checklist: other@1.0.0"), encoding="utf-8")
    result = _run("validate", str(proposal), "--checklists", str(cat), "--lang", lang)
    assert result.exit_code == 2
    line = MINI.splitlines().index("id: mini") + 1
    assert _lines(result) == [expected.format(path=path).replace(":1:", f":{line}:")]


# ── checklist release ──


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    folder = tmp_path / "mini"
    folder.mkdir()
    (folder / "1.0.0.yaml").write_text(MINI.replace("status: released", "status: draft"),
                                       encoding="utf-8")
    return folder


def _files(folder: Path) -> str:
    return ", ".join(str(folder / f) for f in ("1.0.0.yaml", "releases.lock", "CHANGELOG.md"))


@pytest.mark.usefixtures("vietnamese")
def test_release_dry_run_and_release_in_vietnamese(draft: Path) -> None:
    args = ["checklist", "release", "mini@1.0.0", "--checklists", str(draft.parent), "--date",
            "2026-12-01"]
    dry = _run(*args, "--dry-run")
    assert dry.exit_code == 0, dry.output
    lines = _lines(dry)
    assert all(line.startswith("cảnh báo: ") for line in lines[:-1]), lines
    assert lines[-1].startswith("chạy thử: mini@1.0.0 sẽ được phát hành (SHA-256 ")
    assert lines[-1].endswith(f"); sẽ ghi {_files(draft)}")
    done = _run(*args)
    assert done.exit_code == 0, done.output
    last = _lines(done)[-1]
    assert last.startswith("đã phát hành mini@1.0.0: SHA-256 ")
    assert last.endswith(f"; đã ghi {_files(draft)}")


def test_release_dry_run_and_release_in_english(draft: Path) -> None:
    args = ["checklist", "release", "mini@1.0.0", "--checklists", str(draft.parent), "--date",
            "2026-12-01", "--lang", "en"]
    dry = _run(*args, "--dry-run")
    assert dry.exit_code == 0, dry.output
    lines = _lines(dry)
    assert all(line.startswith("warning: ") for line in lines[:-1]), lines
    assert lines[-1].startswith("dry run: mini@1.0.0 would be released (SHA-256 ")
    assert lines[-1].endswith(f"); would write {_files(draft)}")
    done = _run(*args)
    assert done.exit_code == 0, done.output
    last = _lines(done)[-1]
    assert last.startswith("released mini@1.0.0: SHA-256 ")
    assert last.endswith(f"; wrote {_files(draft)}")


@pytest.mark.parametrize(("lang", "args", "expected"), [
    ("vi", ["checklist", "release", "mini"], "'mini'; cần ID@VERSION chỉ bản nháp cần phát hành"),
    ("en", ["checklist", "release", "mini"], "'mini'; expected ID@VERSION naming the draft"),
    ("vi", ["checklist", "release", "mini@1.0.0", "--date", "1/12/2026"],
     "'1/12/2026'; cần một ngày dạng YYYY-MM-DD"),
    ("en", ["checklist", "release", "mini@1.0.0", "--date", "1/12/2026"],
     "'1/12/2026'; expected a date as YYYY-MM-DD"),
    ("vi", ["schema"], "hãy nêu một KIND để in, hoặc đưa -o DIR để ghi tất cả"),
    ("en", ["schema"], "name a KIND to print, or give -o DIR to write them all"),
    ("vi", ["checklist", "diff", "a", "b", "--json", "--markdown"],
     "hãy chọn một trong hai: --json hoặc --markdown"),
    ("en", ["checklist", "diff", "a", "b", "--json", "--markdown"],
     "choose one of --json and --markdown"),
])
def test_a_refused_command_line_value_is_explained(lang: str, args: list[str],
                                                   expected: str) -> None:
    result = _run(*args, "--lang", lang)
    assert result.exit_code == 2
    assert expected in flat(result.output), result.output


# ── review init, graph: what was written ──


@pytest.mark.parametrize(("lang", "expected"), [
    ("vi", "đã ghi {out} (bản thẩm định hồ sơ test-ok, 5 kiểm soát; tự đánh giá: chấp thuận, "
           "điểm 88,9)"),
    ("en", "wrote {out} (review of test-ok, 5 controls; self-assessed approve, score 88.9)"),
])
def test_review_init_says_what_it_wrote(tmp_path: Path, lang: str, expected: str) -> None:
    out = tmp_path / "review.yaml"
    result = _run("review", "init", str(OK), "-o", str(out), "--checklists", str(MINI_DIR),
                  "--lang", lang)
    assert result.exit_code == 0, result.output
    assert flat(result.output) == expected.format(out=out)


@pytest.mark.parametrize(("lang", "expected"), [
    ("vi", "đã ghi {out} (dot)"), ("en", "wrote {out} (dot)")])
def test_graph_says_what_it_wrote(tmp_path: Path, lang: str, expected: str) -> None:
    out = tmp_path / "flows.dot"
    result = _run("graph", str(OK), "--checklists", str(MINI_DIR), "-o", str(out),
                  "--lang", lang)
    assert result.exit_code == 0, result.output
    assert flat(result.output) == expected.format(out=out)


# ── listings ──


@pytest.mark.parametrize(("lang", "head"), [
    ("vi", ["mã", "phiên bản", "trạng thái", "tệp"]), ("en", ["id", "version", "status", "file"])])
def test_checklist_list_heads_its_columns_in_the_language_asked(lang: str,
                                                                head: list[str]) -> None:
    result = _run("checklist", "list", "--checklists", str(MINI_DIR), "--lang", lang)
    assert result.exit_code == 0, result.output
    header = next(line for line in result.output.splitlines() if "┃" in line)
    assert [cell.strip() for cell in header.strip("┃ ").split("┃")] == head

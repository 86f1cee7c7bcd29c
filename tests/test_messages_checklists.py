"""Messages of the checklists area in both languages: lint findings, releases, the catalog.

A policy team reads every finding of `assess checklist lint` / `platform lint` and every refusal
of `release` in Vietnamese by default, and in English with `--lang en`; the exit status is the
same in both, and no traceback is ever printed.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from assess.checklists.content import error_message
from assess.checklists.lint import lint_file
from assess.checklists.lock import read_lock_with_problems
from assess.core.errors import InputError, Problem
from assess.core.i18n.messages import fields, msg, plain, speaking
from assess.core.i18n.messages.checklists import MESSAGES
from tests.conftest import DATA, MINI_DIR
from tests.helpers import flat
from tests.helpers import output_lines as _lines
from tests.helpers import run_cli as _run
from tests.versions import NEW_CONTROL

MINI = (MINI_DIR / "mini" / "1.0.0.yaml").read_text(encoding="utf-8")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def unlocked(tmp_path: Path) -> Path:
    """mini 1.0.0 saying released, in a catalog folder without its lock."""
    path = tmp_path / "cat" / "mini" / "1.0.0.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(MINI, encoding="utf-8")
    return path


def _line(path: Path, text: str) -> int:
    return path.read_text("utf-8").splitlines().index(text) + 1


def test_every_entry_names_the_same_parameters_in_both_languages() -> None:
    for key, (vi, en) in MESSAGES.items():
        assert key.startswith("checklists."), key
        assert fields(vi) == fields(en), key
        assert (vi.strip() and en.strip() and vi != en) or "{" in vi, key


# ── checklist lint ──


@pytest.mark.usefixtures("vietnamese")
def test_lint_findings_are_vietnamese_by_default(unlocked: Path) -> None:
    result = _run("checklist", "lint", str(unlocked))
    assert result.exit_code == 2
    lines = _lines(result)
    assert lines[0] == (
        f"lỗi: {unlocked}:{_line(unlocked, 'status: released')}: status: phiên bản 1.0.0 ghi là "
        "đã phát hành nhưng chưa được ghi trong releases.lock; cần có SHA-256 của tệp trong đó "
        "— hãy ghi bằng `assess checklist release mini@1.0.0`")
    assert lines[1] == (
        f"cảnh báo: {unlocked}:{_line(unlocked, '      - id: RES-02')}: "
        "domains[0].controls[1].id: kiểm soát RES-02 không nêu căn cứ pháp lý; cần ít nhất một "
        "điều khoản trong legal_basis (chỉ để trống nếu kiểm soát chỉ là thực hành tốt)")
    assert lines[-1] == "Đã kiểm tra 1 tệp bộ tiêu chí: 1 lỗi, 4 cảnh báo"


def test_lint_findings_are_english_with_lang_en(unlocked: Path) -> None:
    result = _run("checklist", "lint", str(unlocked), "--lang", "en")
    assert result.exit_code == 2
    lines = _lines(result)
    assert lines[0] == (
        f"error: {unlocked}:{_line(unlocked, 'status: released')}: status: version 1.0.0 says "
        "released but is not recorded in releases.lock; expected its SHA-256 there — record it "
        "with `assess checklist release mini@1.0.0`")
    assert lines[1] == (
        f"warning: {unlocked}:{_line(unlocked, '      - id: RES-02')}: "
        "domains[0].controls[1].id: control RES-02 cites no legal basis; expected at least one "
        "provision in legal_basis (leave it empty only for good practice)")
    assert lines[-1] == "1 checklist file checked: 1 error, 4 warnings"


@pytest.mark.parametrize(("lang", "expected"), [
    ("vi", "lỗi: {path}:{line}: domains[0].controls[0].rule: quy tắc 'plaintext-hop' chỉ báo "
           "phát hiện, không quyết định kiểm soát nào; cần một quy tắc quyết định kiểm soát, "
           "hoặc không dùng quy tắc"),
    ("en", "error: {path}:{line}: domains[0].controls[0].rule: rule 'plaintext-hop' only "
           "reports hygiene findings and decides no control; expected a deciding rule, or no "
           "rule"),
])
def test_a_content_rule_reads_in_the_language_asked(tmp_path: Path, lang: str,
                                                    expected: str) -> None:
    from assess.engine.vocabulary import RULES

    hygiene = next(rid for rid, rule in RULES.items() if not rule.decides)
    expected = expected.replace("plaintext-hop", hygiene)
    path = tmp_path / "mini" / "1.0.0.yaml"
    path.parent.mkdir()
    text = MINI.replace("status: released", "status: draft").replace(
        "        rule: G-RES-STORE\n", f"        rule: {hygiene}\n", 1)
    path.write_text(text, encoding="utf-8")
    result = _run("checklist", "lint", str(path), "--strict", "--lang", lang)
    assert result.exit_code == 2
    line = _line(path, f"        rule: {hygiene}")
    assert expected.format(path=path, line=line) in _lines(result)


def test_lint_of_a_folder_without_checklists_says_so_in_both_languages(tmp_path: Path,
                                                                         ) -> None:
    vi = _run("checklist", "lint", str(tmp_path), "--lang", "vi")
    en = _run("checklist", "lint", str(tmp_path), "--lang", "en")
    assert vi.exit_code == en.exit_code == 2
    assert _lines(vi) == [f"lỗi: {tmp_path}: thư mục này không có tệp bộ tiêu chí nào "
                          "(<id>/<version>.yaml)"]
    assert _lines(en) == [f"error: {tmp_path}: no checklist files (<id>/<version>.yaml) in this "
                          "folder"]


# ── checklist release ──


@pytest.fixture
def bumped(tmp_path: Path) -> Path:
    """mini 1.0.0 released and locked, and a draft 1.0.1 adding a control (a minor change)."""
    from assess.checklists.release import lock_text

    folder = tmp_path / "mini"
    folder.mkdir()
    (folder / "1.0.0.yaml").write_text(MINI, encoding="utf-8")
    (folder / "releases.lock").write_text(lock_text("mini", {"1.0.0": sha(folder / "1.0.0.yaml")}),
                                          encoding="utf-8")
    draft = MINI.replace("version: 1.0.0", "version: 1.0.1").replace(
        "status: released", "status: draft") + NEW_CONTROL
    (folder / "1.0.1.yaml").write_text(draft, encoding="utf-8")
    return folder


@pytest.mark.usefixtures("vietnamese")
def test_a_release_refused_for_its_bump_is_explained_in_vietnamese(bumped: Path) -> None:
    result = _run("checklist", "release", "mini@1.0.1", "--checklists", str(bumped.parent),
                  "--date", "2026-12-01")
    assert result.exit_code == 2
    out = flat(result.output)
    assert re.search(
        r"lỗi: \S+/mini/1\.0\.1\.yaml:\d+: version: phiên bản 1\.0\.1 là mức tăng patch so với "
        r"bản phát hành trước 1\.0\.0, nhưng các thay đổi cần mức tăng minor \(ENC-04 added: "
        r".+\); cần phiên bản 1\.1\.0 trở lên — xem `assess checklist diff mini@1\.0\.0 "
        r"mini@1\.0\.1`", out), out
    assert not (bumped / "CHANGELOG.md").exists()


def test_a_release_refused_for_its_bump_is_explained_in_english(bumped: Path) -> None:
    result = _run("checklist", "release", "mini@1.0.1", "--checklists", str(bumped.parent),
                  "--date", "2026-12-01", "--lang", "en")
    assert result.exit_code == 2
    out = flat(result.output)
    assert re.search(
        r"error: \S+/mini/1\.0\.1\.yaml:\d+: version: version 1\.0\.1 is a patch bump over the "
        r"previous release 1\.0\.0, but the changes need a minor bump \(ENC-04 added: .+\); "
        r"expected version 1\.1\.0 or higher — see `assess checklist diff mini@1\.0\.0 "
        r"mini@1\.0\.1`", out), out


@pytest.mark.parametrize(("lang", "expected"), [
    ("vi", "lỗi: mini@1.0.0 đã được phát hành ({path}, SHA-256 {sha}… như ghi trong "
           "releases.lock)"),
    ("en", "error: mini@1.0.0 is already released ({path}, SHA-256 {sha}… as recorded in "
           "releases.lock)"),
])
def test_releasing_a_released_version_is_refused(bumped: Path, lang: str, expected: str) -> None:
    path = bumped / "1.0.0.yaml"
    result = _run("checklist", "release", "mini@1.0.0", "--checklists", str(bumped.parent),
                  "--lang", lang)
    assert result.exit_code == 2
    assert _lines(result) == [expected.format(path=path, sha=sha(path)[:12])]


# ── the lock ──


def test_a_broken_lock_entry_is_a_located_message_in_both_languages(tmp_path: Path) -> None:
    (tmp_path / "releases.lock").write_text('"1.0": "abc"\n"1.0.0": "xyz"\n', encoding="utf-8")
    _, problems, _ = read_lock_with_problems(tmp_path)
    assert [p.render("vi") for p in problems] == [
        f"{tmp_path / 'releases.lock'}:1: 1.0: cần một phiên bản như 1.0.0 (đặt trong dấu ngoặc "
        "kép)",
        f"{tmp_path / 'releases.lock'}:2: 1.0.0: cần SHA-256 của tệp: 64 chữ số thập lục phân "
        "viết thường"]
    assert [p.render("en") for p in problems] == [
        f"{tmp_path / 'releases.lock'}:1: 1.0: expected a version such as 1.0.0 (quoted)",
        f"{tmp_path / 'releases.lock'}:2: 1.0.0: expected the file's SHA-256 as 64 lower-case "
        "hex digits"]


# ── the catalog ──


@pytest.mark.parametrize(("lang", "expected"), [
    ("vi", "lỗi: bộ tiêu chí 'mini' không có phiên bản 9.9.9 (hiện có: 1.0.0)"),
    ("en", "error: checklist 'mini' has no version 9.9.9 (have: 1.0.0)"),
])
def test_a_version_not_in_the_catalog_names_those_that_are(lang: str, expected: str) -> None:
    result = _run("checklist", "show", "mini@9.9.9", "--checklists", str(MINI_DIR),
                  "--lang", lang)
    assert result.exit_code == 2
    assert _lines(result) == [expected]


@pytest.mark.parametrize(("lang", "expected"), [
    ("vi", "lỗi: {path}: không có tệp bộ tiêu chí này"),
    ("en", "error: {path}: no such checklist file"),
])
def test_a_missing_checklist_file_is_named(tmp_path: Path, lang: str, expected: str) -> None:
    path = tmp_path / "nope.yaml"
    result = _run("checklist", "show", str(path), "--lang", lang)
    assert result.exit_code == 2
    assert _lines(result) == [expected.format(path=path)]


# ── platform lint ──


@pytest.fixture
def stale_profile(tmp_path: Path) -> Path:
    """The demo profile, last checked long ago, answering a control its checklist lacks."""
    shutil.copytree(DATA / "platforms" / "demo-chat", tmp_path / "demo-chat")
    path = tmp_path / "demo-chat" / "1.0.0.yaml"
    text = path.read_text("utf-8").replace("checked_on: 2026-11-01", "checked_on: 2020-01-01")
    path.write_text(text.replace("  mini@1.0.0:\n", "  mini@1.0.0:\n    XYZ-99:\n"
                                 "      status: met\n      evidence: [\"x\"]\n"
                                 "      certainty: confirmed\n      sources: [terms]\n"),
                    encoding="utf-8")
    return path


@pytest.mark.usefixtures("vietnamese")
def test_platform_lint_speaks_vietnamese_by_default(stale_profile: Path) -> None:
    result = _run("platform", "lint", str(stale_profile), "--checklists", str(MINI_DIR))
    assert result.exit_code == 2
    lines = _lines(result)
    assert re.fullmatch(
        rf"cảnh báo: {re.escape(str(stale_profile))}:8: checked_on: thông tin được kiểm tra lần "
        r"cuối cách đây \d+ ngày \(2020-01-01\); cần kiểm tra lại theo nguồn ít nhất mỗi năm "
        r"một lần, trong một phiên bản mới", lines[0]), lines
    assert (f"lỗi: {stale_profile}:{_line(stale_profile, '    XYZ-99:')}: "
            "answers.mini@1.0.0.XYZ-99: không có kiểm soát 'XYZ-99' trong bộ tiêu chí "
            "mini@1.0.0; cần một mã kiểm soát của phiên bản đó") in lines, lines
    assert lines[-1] == "Đã kiểm tra 1 tệp hồ sơ nền tảng: 1 lỗi, 1 cảnh báo"


def test_platform_lint_speaks_english_with_lang_en(stale_profile: Path) -> None:
    result = _run("platform", "lint", str(stale_profile), "--checklists", str(MINI_DIR),
                  "--lang", "en")
    assert result.exit_code == 2
    lines = _lines(result)
    assert re.fullmatch(
        rf"warning: {re.escape(str(stale_profile))}:8: checked_on: facts last checked \d+ days "
        r"ago \(2020-01-01\); expected a re-check against the sources at least yearly, in a new "
        r"version", lines[0]), lines
    assert (f"error: {stale_profile}:{_line(stale_profile, '    XYZ-99:')}: "
            "answers.mini@1.0.0.XYZ-99: no control 'XYZ-99' in checklist mini@1.0.0; expected a "
            "control id of that version") in lines, lines
    assert lines[-1] == "1 platform profile file checked: 1 error, 1 warning"


# ── library level: a message is rendered only when shown ──


def test_an_issue_renders_in_the_language_shown_now(unlocked: Path) -> None:
    issue = next(i for i in lint_file(unlocked).issues if i.level == "warning")
    with speaking("vi"):
        assert str(issue).startswith("cảnh báo: ") and "kiểm soát RES-02" in str(issue)
    with speaking("en"):
        assert str(issue).startswith("warning: ") and "control RES-02" in str(issue)
    assert issue.render("vi", level="error").startswith("lỗi: ")


def test_an_error_quoted_in_a_finding_keeps_each_problem_and_its_language() -> None:
    exc = InputError([Problem("a.yaml", 3, "id", msg("checklists.lock.bad_version")),
                      Problem("b.yaml", None, "", plain("as written"))])
    quoted = error_message(exc)
    assert quoted.render("vi") == ("a.yaml:3: id: cần một phiên bản như 1.0.0 (đặt trong dấu "
                                   "ngoặc kép)\nb.yaml: as written")
    assert quoted.render("en") == "a.yaml:3: id: expected a version such as 1.0.0 (quoted)\n" \
                                  "b.yaml: as written"

"""Immutable releases: the lock, the bump check, and `assess checklist release`."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assess.checklists.lint import lint, lint_file
from assess.checklists.release import ReleaseError, lock_text, mark_released, plan_release, read_lock
from assess.cli import app
from assess.core.errors import InputError
from assess.documents.yamlsource import parse
from tests.conftest import MINI_DIR
from tests.versions import NEW_CONTROL

MINI = (MINI_DIR / "mini" / "1.0.0.yaml").read_text(encoding="utf-8")
TODAY = dt.date(2026, 12, 1)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def version_text(version: str, *, status: str = "draft", add: bool = False,
                 remove: bool = False) -> str:
    text = MINI.replace("version: 1.0.0", f"version: {version}")
    text = text.replace("status: released", f"status: {status}   # draft until released")
    if add:
        text += NEW_CONTROL
    if remove:
        text = text[: text.index("      - id: ENC-03")]
    return text


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A catalog folder with mini 1.0.0 released and recorded in the lock."""
    d = tmp_path / "mini"
    d.mkdir()
    (d / "1.0.0.yaml").write_text(MINI, encoding="utf-8")
    (d / "releases.lock").write_text(lock_text("mini", {"1.0.0": sha(d / "1.0.0.yaml")}),
                                     encoding="utf-8")
    return d


def errors(path: Path) -> list[str]:
    return [f"{i.problem.field}: {i.problem.message.render('en')}" for i in lint_file(path).issues
            if i.level == "error"]


def release(runner: CliRunner, folder: Path, ref: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["checklist", "release", ref, "--checklists",
                                 str(folder.parent), "--date", TODAY.isoformat(), *args])
    return result.exit_code, result.output


# ── the lock ──


def test_a_recorded_release_passes(folder: Path) -> None:
    assert errors(folder / "1.0.0.yaml") == []


def test_a_released_file_that_changed_fails(folder: Path) -> None:
    path = folder / "1.0.0.yaml"
    recorded = sha(path)
    path.write_text(MINI.replace("weight: 2", "weight: 3"), encoding="utf-8")
    (message,) = errors(path)
    assert message == (f"version: the file changed after its release: its SHA-256 is now "
                       f"{sha(path)[:12]}…, releases.lock records {recorded[:12]}…; expected "
                       "the released bytes — a released version never changes: restore it and "
                       "put the change in a new version")


def test_even_a_comment_changed_in_a_released_file_fails(folder: Path) -> None:
    path = folder / "1.0.0.yaml"
    path.write_text(MINI.replace("# A small", "# A tiny"), encoding="utf-8")
    assert errors(path)[0].startswith("version: the file changed after its release")


def test_a_released_version_missing_from_the_lock_fails(folder: Path) -> None:
    (folder / "releases.lock").unlink()
    assert errors(folder / "1.0.0.yaml") == [
        "status: version 1.0.0 says released but is not recorded in releases.lock; expected its "
        "SHA-256 there — record it with `assess checklist release mini@1.0.0`"]


def test_the_lock_naming_a_draft_or_a_missing_file_fails(folder: Path) -> None:
    draft = folder / "1.1.0.yaml"
    draft.write_text(version_text("1.1.0"), encoding="utf-8")
    (folder / "releases.lock").write_text(lock_text("mini", {
        "1.0.0": sha(folder / "1.0.0.yaml"), "1.1.0": sha(draft), "0.9.0": "0" * 64}),
        encoding="utf-8")
    assert errors(draft) == ["status: releases.lock records 1.1.0 as released but the file says "
                             "status: draft; expected the released file"]
    report = lint([folder / "1.0.0.yaml", draft])
    lock_report = report.files[-1]
    assert lock_report.file.endswith("releases.lock")
    (issue,) = lock_report.issues
    assert issue.problem.line == 5 and issue.problem.message.render("en") == (
        "version 0.9.0 is recorded as released but 0.9.0.yaml is missing; expected the released "
        "file (a released version is never removed)")


def test_a_malformed_lock_is_located(folder: Path) -> None:
    (folder / "releases.lock").write_text('"1.0.0": not-a-hash\n"v2": ' + "a" * 64 + "\n",
                                          encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_lock(folder)
    assert [str(p).split(": ", 1)[1] for p in exc.value.problems] == [
        "1.0.0: expected the file's SHA-256 as 64 lower-case hex digits",
        "v2: expected a version such as 1.0.0 (quoted)"]
    assert [p.line for p in exc.value.problems] == [1, 2]


# ── the version bump ──


def test_too_small_a_bump_warns_on_a_draft_and_fails_a_release(folder: Path,
                                                               runner: CliRunner) -> None:
    draft = folder / "1.0.1.yaml"
    draft.write_text(version_text("1.0.1", remove=True), encoding="utf-8")
    (issue,) = [i for i in lint_file(draft).issues if i.problem.field == "version"]
    assert issue.level == "warning" and issue.problem.message.render("en").startswith(
        "version 1.0.1 is a patch bump over the previous release 1.0.0, but the changes need a "
        "major bump (ENC-03 removed: removed: answers to it are dropped and past results change)"
        "; expected version 2.0.0 or higher")
    code, out = release(runner, folder, "mini@1.0.1")
    assert code == 2 and "is a patch bump over the previous release 1.0.0" in out
    assert "status: draft" in draft.read_text("utf-8")  # nothing written
    assert read_lock(folder) == {"1.0.0": sha(folder / "1.0.0.yaml")}
    assert not (folder / "CHANGELOG.md").exists()


def test_a_released_file_with_too_small_a_bump_fails_lint(folder: Path) -> None:
    path = folder / "1.1.0.yaml"
    path.write_text(version_text("1.1.0", status="released", remove=True), encoding="utf-8")
    (folder / "releases.lock").write_text(lock_text("mini", {
        "1.0.0": sha(folder / "1.0.0.yaml"), "1.1.0": sha(path)}), encoding="utf-8")
    (message,) = errors(path)
    assert message.startswith("version: version 1.1.0 is a minor bump over the previous release "
                              "1.0.0, but the changes need a major bump")


def test_the_bump_is_checked_against_the_highest_release_below(folder: Path) -> None:
    (folder / "1.1.0.yaml").write_text(version_text("1.1.0", status="draft", add=True),
                                       encoding="utf-8")  # a draft: not a release to compare to
    two = folder / "1.2.0.yaml"
    two.write_text(version_text("1.2.0", add=True), encoding="utf-8")
    assert [i for i in lint_file(two).issues if i.problem.field == "version"] == []


# ── releasing ──


def test_release_marks_released_records_the_hash_and_writes_the_changelog(
        folder: Path, runner: CliRunner) -> None:
    draft = folder / "1.1.0.yaml"
    before = version_text("1.1.0", add=True)
    draft.write_text(before, encoding="utf-8")
    code, out = release(runner, folder, "mini@1.1.0")
    assert code == 0, out
    after = draft.read_text("utf-8")
    assert after == before.replace("status: draft   # draft until released",
                                   "status: released   # draft until released")
    assert read_lock(folder) == {"1.0.0": sha(folder / "1.0.0.yaml"), "1.1.0": sha(draft)}
    assert f"released mini@1.1.0: SHA-256 {sha(draft)}" in out
    log = (folder / "CHANGELOG.md").read_text("utf-8")
    assert log.startswith("# Changelog — mini\n\nReleases of the checklist `mini`, newest first.")
    assert ("## 1.1.0 — released 2026-12-01, effective from 2026-01-01\n\nCompared with "
            "mini@1.0.0: needs a **minor** version bump.") in log
    assert "### Controls added\n\n- **ENC-04** Key rotation (ENC; medium) — *minor*" in log
    report = lint([folder / "1.0.0.yaml", draft])
    assert report.errors() == 0, [str(i) for i in report.issues()]


def test_a_second_release_goes_on_top_of_the_changelog(folder: Path, runner: CliRunner) -> None:
    (folder / "1.1.0.yaml").write_text(version_text("1.1.0", add=True), encoding="utf-8")
    assert release(runner, folder, "mini@1.1.0")[0] == 0
    text = version_text("2.0.0", add=True).replace("approve: 80", "approve: 85")
    (folder / "2.0.0.yaml").write_text(text, encoding="utf-8")
    code, out = release(runner, folder, "mini@2.0.0")
    assert code == 0, out
    log = (folder / "CHANGELOG.md").read_text("utf-8")
    assert log.index("## 2.0.0") < log.index("## 1.1.0") and log.count("# Changelog") == 1
    assert "`thresholds.approve`: `80` → `85` — *major*" in log
    assert list(read_lock(folder)) == ["1.0.0", "1.1.0", "2.0.0"]


def test_a_baseline_already_released_is_recorded_unchanged(tmp_path: Path,
                                                            runner: CliRunner) -> None:
    folder = tmp_path / "mini"
    folder.mkdir()
    path = folder / "1.0.0.yaml"
    path.write_text(MINI, encoding="utf-8")
    before = path.read_bytes()
    code, out = release(runner, folder, "mini@1.0.0")
    assert code == 0, out
    assert path.read_bytes() == before and read_lock(folder) == {"1.0.0": sha(path)}
    assert "recorded mini@1.0.0" in out
    assert ("## 1.0.0 — released 2026-12-01, effective from 2026-01-01\n\nFirst release: 5 "
            "controls in 2 domains (2 blockers).") in (folder / "CHANGELOG.md").read_text("utf-8")


def test_releasing_twice_is_refused(folder: Path, runner: CliRunner) -> None:
    code, out = release(runner, folder, "mini@1.0.0")
    assert code == 2 and "mini@1.0.0 is already released" in out


def test_dry_run_writes_nothing(folder: Path, runner: CliRunner) -> None:
    draft = folder / "1.1.0.yaml"
    draft.write_text(version_text("1.1.0", add=True), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, out = release(runner, folder, "mini@1.1.0", "--dry-run")
    assert code == 0 and "dry run: mini@1.1.0 would be released" in out
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_draft_with_lint_errors_is_refused_and_nothing_written(folder: Path,
                                                                 runner: CliRunner) -> None:
    draft = folder / "1.1.0.yaml"
    draft.write_text(version_text("1.1.0").replace("rule: G-ENC-BOUNDARY", "rule: G-NOPE"),
                     encoding="utf-8")
    code, out = release(runner, folder, "mini@1.1.0")
    assert code == 2 and "unknown rule 'G-NOPE'" in out
    assert "status: draft" in draft.read_text("utf-8") and "1.1.0" not in read_lock(folder)


def test_strict_release_refuses_warnings(folder: Path) -> None:
    draft = folder / "1.1.0.yaml"
    draft.write_text(version_text("1.1.0", add=True), encoding="utf-8")  # no legal basis: warns
    assert plan_release(draft, today=TODAY).warnings
    with pytest.raises(InputError, match="cites no legal basis"):
        plan_release(draft, today=TODAY, strict=True)


def test_release_needs_an_explicit_version(folder: Path, runner: CliRunner) -> None:
    for ref in ("mini", "mini@latest"):
        code, out = release(runner, folder, ref)
        assert code == 2 and "expected ID@VERSION" in out


def test_release_outside_the_catalog_layout_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "draft.yaml"
    path.write_text(version_text("1.1.0"), encoding="utf-8")
    with pytest.raises(ReleaseError, match=r"a release must live at <id>/<version>\.yaml"):
        plan_release(path, today=TODAY)


def test_mark_released_changes_only_the_status_line() -> None:
    text = version_text("1.1.0")
    out = mark_released(parse(text.encode(), "x.yaml"))
    assert out.splitlines()[5] == "status: released   # draft until released"
    assert [a for a, b in zip(text.splitlines(), out.splitlines(), strict=True) if a != b] == [
        "status: draft   # draft until released"]
    with pytest.raises(InputError, match="cannot find 'status: draft'"):
        mark_released(parse(MINI.encode(), "x.yaml"))


def test_an_existing_entry_is_kept_and_a_new_one_goes_below_the_intro(
        tmp_path: Path, runner: CliRunner) -> None:
    folder = tmp_path / "mini"
    folder.mkdir()
    (folder / "1.0.0.yaml").write_text(MINI, encoding="utf-8")
    intro = ("# Changelog — mini\n\nReleased versions are immutable.\n\n"
             "## 1.0.0 — effective 2026-01-01\n\nFirst release, written by hand.\n")
    (folder / "CHANGELOG.md").write_text(intro, encoding="utf-8")
    code, out = release(runner, folder, "mini@1.0.0")
    assert code == 0 and "already has an entry for 1.0.0; left as it is" in out
    assert (folder / "CHANGELOG.md").read_text("utf-8") == intro
    (folder / "1.1.0.yaml").write_text(version_text("1.1.0", add=True), encoding="utf-8")
    assert release(runner, folder, "mini@1.1.0")[0] == 0
    log = (folder / "CHANGELOG.md").read_text("utf-8")
    assert log.startswith("# Changelog — mini\n\nReleased versions are immutable.\n\n## 1.1.0 — ")
    assert log.endswith("\n\n## 1.0.0 — effective 2026-01-01\n\nFirst release, written by hand.\n")


def test_the_built_in_checklists_pass_lint_and_match_their_lock() -> None:
    from assess.checklists.catalog import Catalog
    from assess.checklists.lint import targets

    report = lint(targets([], Catalog()))
    assert report.errors() == 0, [str(i) for i in report.issues() if i.level == "error"]
    folder = Catalog().resolve("vn-third-party-channel@1.0.0").parent
    lock = read_lock(folder)
    assert {"1.0.0", "1.1.0"} <= set(lock)
    for version, recorded in lock.items():
        assert sha(folder / f"{version}.yaml") == recorded, version


def test_the_built_in_1_1_0_is_a_minor_release_adding_two_controls() -> None:
    from assess.checklists.catalog import Catalog
    from assess.checklists.diff import diff
    from assess.checklists.loading import resolve_checklist

    cat = Catalog()
    d = diff(resolve_checklist("vn-third-party-channel@1.0.0", cat).doc,
             resolve_checklist("vn-third-party-channel@1.1.0", cat).doc)
    assert d.bump == "minor" and d.added == ["RES-07", "ACC-11"]
    assert d.removed == [] and d.changed == {}

"""Checklist references (issue 12, class 5): a proposal names a checklist or a profile by
id@version only; a checklist file is taken only from the command line (--checklist PATH), and
whatever is not a released version of its catalog is marked unreleased in every output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assess.cli import app
from assess.documents.scalars import shown
from assess.workflows.pipeline import assess_files
from tests.helpers import DATA

GOOD = (DATA / "proposal-ok.yaml").read_text(encoding="utf-8")
MINI = DATA / "checklists" / "mini" / "1.0.0.yaml"
CHECKLISTS = ["--checklists", str(DATA / "checklists")]
MARK_VI = "CHƯA BAN HÀNH: bản nháp hoặc tệp ngoài danh mục"
MARK_EN = "UNRELEASED: a draft or a file outside the catalog"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "250"})
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.mark.parametrize("ref", [f"mini@{MINI}", "mini@../x.yaml", "mini@latest", "mini",
                                 "mini@1.0", "mini@01.0.0"])
def test_a_proposal_names_a_checklist_by_id_and_version_only(tmp_path: Path, ref: str) -> None:
    p = tmp_path / "p.yaml"
    p.write_text(GOOD.replace("checklist: mini@1.0.0", f"checklist: {ref}"), encoding="utf-8")
    code, out = _run("validate", str(p), *CHECKLISTS)
    assert code == 2, out
    assert out.replace(str(p), "p.yaml").startswith(
        f"error: p.yaml:9: checklist: got {shown(ref)}; expected id@version with a version number, "
        "e.g. vn-third-party-channel@1.0.0 or zalo-oa@1.0.0 (a document names released "
        "versions, never files; a checklist file is given on the command line instead: "
        "--checklist PATH)"), out


def test_a_proposal_names_a_profile_by_id_and_version_only(tmp_path: Path) -> None:
    p = tmp_path / "p.yaml"
    p.write_text(GOOD.replace("  operator: VNG\n", "  platform: demo-chat@x/1.0.0.yaml\n", 1),
                 encoding="utf-8")
    code, out = _run("validate", str(p), *CHECKLISTS)
    assert code == 2
    assert "channel.platform: got 'demo-chat@x/1.0.0.yaml'; expected id@version" in out


def test_a_file_in_a_document_is_refused_even_past_the_schema(tmp_path: Path) -> None:
    """The loader's own guard, for callers that build documents without the schema's pattern
    (the profile's answers, reassessment): a ref that names a file is never resolved."""
    from assess.checklists.catalog import Catalog
    from assess.checklists.loading import resolve_checklist
    from assess.core.errors import NotFoundError

    with pytest.raises(NotFoundError, match="names a file; a document names a checklist by "
                       r"id@version \(a checklist file is given on the command line instead"):
        resolve_checklist(str(MINI), Catalog([DATA / "checklists"]), file_ok=False)


@pytest.mark.usefixtures("vietnamese")
def test_a_checklist_file_from_the_command_line_is_marked_unreleased_everywhere(
        tmp_path: Path) -> None:
    copy = tmp_path / "my-checklist.yaml"
    shutil.copy(MINI, copy)  # the very same text, status: released; but not from the catalog
    p = tmp_path / "p.yaml"
    p.write_text(GOOD, encoding="utf-8")
    code, out = _run("score", str(p), *CHECKLISTS, "--checklist", str(copy))
    assert code == 0, out
    assert f"mini@1.0.0 — {MARK_VI}" in out
    code, out = _run("score", str(p), *CHECKLISTS, "--checklist", str(copy), "--lang", "en")
    assert f"mini@1.0.0 — {MARK_EN}" in out
    code, out = _run("score", str(p), *CHECKLISTS, "--checklist", str(copy), "--json")
    assert json.loads(out)["checklist"]["unreleased"] is True
    html = tmp_path / "r.html"
    code, out = _run("report", str(p), *CHECKLISTS, "--checklist", str(copy), "-o",
                     str(tmp_path / "r.pdf"), "--html", str(html))
    assert code == 0, out
    assert html.read_text(encoding="utf-8").count(MARK_VI) == 2  # summary and identity annex


def test_a_released_version_is_not_marked_and_a_draft_is(tmp_path: Path) -> None:
    p = tmp_path / "p.yaml"
    p.write_text(GOOD, encoding="utf-8")
    a = assess_files(p, checklist_dirs=[DATA / "checklists"])
    assert a.checklist.unreleased is False
    code, out = _run("score", str(p), *CHECKLISTS)
    assert code == 0 and "CHƯA BAN HÀNH" not in out
    drafts = tmp_path / "checklists" / "mini"
    drafts.mkdir(parents=True)
    (drafts / "1.0.0.yaml").write_text(MINI.read_text(encoding="utf-8").replace(
        "status: released", "status: draft"), encoding="utf-8")
    a = assess_files(p, checklist_dirs=[tmp_path / "checklists"])
    assert a.checklist.unreleased is True


@pytest.mark.usefixtures("vietnamese")
def test_a_draft_profile_is_marked(tmp_path: Path) -> None:
    from tests.helpers import dump, on_platform

    p = tmp_path / "p.yaml"
    p.write_bytes(dump(on_platform()))
    code, out = _run("score", str(p), *CHECKLISTS, "--platforms", str(DATA / "platforms"))
    assert code in (0, 1), out
    assert f"demo-chat@1.0.0 — {MARK_VI}" in out  # demo-chat 1.0.0 is a draft


def test_a_released_version_edited_since_its_release_is_refused(tmp_path: Path) -> None:
    shelf = tmp_path / "checklists"
    shutil.copytree(Path("assess/data/checklists"), shelf)
    target = shelf / "vn-third-party-channel" / "1.0.0.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("approve: 80", "approve: 10", 1)
                      if "approve: 80" in target.read_text(encoding="utf-8")
                      else target.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    code, out = _run("score", "examples/bac-ninh-zalo-notifications.yaml", "--checklists",
                     str(shelf))
    assert code == 2, out
    assert (f"error: {target}: this file's SHA-256 is ") in out
    assert "releases.lock records" in out
    assert ("for the released version 1.0.0: a released checklist was edited; restore it (git "
            "checkout) or release the change as a new version") in out.replace("\n", " ")

"""Re-assessment: a proposal answered for mini 1.0.0, scored against mini 2.0.0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assess.cli import app
from assess.core.errors import InputError
from assess.workflows.pipeline import assess_files
from tests.helpers import DATA, base_proposal, dump
from tests.versions import catalog_with_v2

OK = DATA / "proposal-ok.yaml"


@pytest.fixture
def cat(tmp_path: Path) -> Path:
    return catalog_with_v2(tmp_path / "cat")


def test_scoring_against_a_newer_version_lists_what_the_answers_miss(cat: Path) -> None:
    a = assess_files(OK, checklist="mini@2.0.0", checklist_dirs=[cat])
    r = a.reassessment
    assert r is not None and (r.answered, r.assessed, r.bump) == ("mini@1.0.0", "mini@2.0.0",
                                                                  "major")
    rows = {c.id: (c.change, c.fields, c.renamed_from, c.answered, c.status) for c in r.controls}
    assert rows == {
        "RES-04": ("added", [], None, None, "unknown"),
        "ENC-04": ("added", [], None, None, "unknown"),
        "LOG-01": ("added", [], None, None, "unknown"),
        "RES-03": ("renamed", [], "RES-02", "partial", "unknown"),
        "ENC-02": ("changed", ["requirement"], None, "met", "met"),
        "ENC-03": ("removed", [], None, None, None),
    }
    assert a.checklist.version == "2.0.0"


def test_own_checklist_means_no_reassessment(cat: Path) -> None:
    assert assess_files(OK, checklist_dirs=[cat]).reassessment is None
    assert assess_files(OK, checklist="mini@1.0.0", checklist_dirs=[cat]).reassessment is None


def test_answers_are_still_checked_against_the_version_they_were_given_for(
        cat: Path, tmp_path: Path) -> None:
    doc = base_proposal()
    doc["answers"]["ENC-09"] = {"status": "met"}
    path = tmp_path / "p.yaml"
    path.write_bytes(dump(doc))
    with pytest.raises(InputError, match=r"no control 'ENC-09' in checklist mini@1\.0\.0"):
        assess_files(path, checklist="mini@2.0.0", checklist_dirs=[cat])


def test_an_answered_version_that_is_gone_still_lists_unanswered_controls(
        cat: Path, tmp_path: Path) -> None:
    doc = base_proposal()
    doc["checklist"] = "mini@0.5.0"
    path = tmp_path / "p.yaml"
    path.write_bytes(dump(doc))
    r = assess_files(path, checklist="mini@2.0.0", checklist_dirs=[cat]).reassessment
    assert r is not None and r.bump is None
    assert [(c.id, c.change) for c in r.controls] == [
        ("RES-04", "added"), ("RES-03", "added"), ("ENC-04", "added"), ("LOG-01", "added"),
        ("RES-02", "removed")]


@pytest.mark.usefixtures("vietnamese")
def test_score_shows_the_reassessment_table_and_json(cat: Path, runner: CliRunner) -> None:
    args = ["score", str(OK), "--checklist", "mini@2.0.0", "--checklists", str(cat)]
    wide = {"COLUMNS": "200"}
    result = runner.invoke(app, [*args, "--lang", "en"], env=wide)
    assert result.exit_code == 0, result.output
    for text in ("Re-assessment: answered for mini@1.0.0 → assessed against mini@2.0.0",
                 "new — unanswered", "renamed from RES-02", "changed: requirement",
                 "removed — answer ignored", "assess migrate <proposal> --to mini@2.0.0"):
        assert text in result.output, text
    vi = runner.invoke(app, args, env=wide)
    assert "Đánh giá lại: trả lời theo mini@1.0.0 → đánh giá theo mini@2.0.0" in vi.output
    data = json.loads(runner.invoke(app, [*args, "--json"]).output)
    assert data["reassessment"]["bump"] == "major"
    assert {c["id"] for c in data["reassessment"]["controls"]} == {
        "RES-04", "ENC-04", "LOG-01", "RES-03", "ENC-02", "ENC-03"}
    own = json.loads(runner.invoke(app, ["score", str(OK), "--json", "--checklists",
                                         str(cat)]).output)
    assert own["reassessment"] is None

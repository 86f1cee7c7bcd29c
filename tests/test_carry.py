"""Carrying a review to a resubmitted proposal: an override holds only while what it judged is
unchanged; everything else is flagged and counts for nothing until a reviewer writes it again."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from assess.cli import app
from assess.documents.models.common import Status
from assess.documents.models.review import Override
from assess.workflows import carry
from tests.helpers import DATA, assess_dict, base_proposal, dump

CHECKLISTS = ["--checklists", str(DATA / "checklists")]
OVERRIDES = {
    "RES-02": Override(status=Status.met, rationale="Phụ lục hợp đồng đã ký."),
    "ENC-02": Override(status=Status.partial, rationale="Chưa thấy cấu hình TLS của cổng."),
}


def _basis(doc: dict[str, Any]) -> dict[str, Override]:
    """The overrides as a reviewer writes them on `doc`: each pinned to what it judged."""
    own = {c.id: c for c in assess_dict(doc).controls}
    return {k: o.model_copy(update={"basis": carry.basis(own[k])}) for k, o in OVERRIDES.items()}


def test_an_unchanged_control_keeps_its_override_and_a_changed_one_is_flagged() -> None:
    old = base_proposal()
    new = base_proposal()
    new["title"] = "Tiêu đề mới"  # not an input of any control
    new["answers"]["RES-02"] = {"status": "met", "evidence": ["Phụ lục số 3"]}
    result = carry.plan(_basis(old), assess_dict(new))
    assert sorted(result.carried) == ["ENC-02"]
    [flag] = result.flagged
    assert flag.control == "RES-02" and flag.known and flag.changed == []  # only hashes known
    with_old = carry.plan(OVERRIDES, assess_dict(new), assess_dict(old))
    [flag] = with_old.flagged
    assert ("declared", "partial", "met") in flag.changed
    assert ("evidence", [], ["Phụ lục số 3"]) in flag.changed


def test_an_override_whose_inputs_were_never_recorded_is_flagged_not_carried() -> None:
    result = carry.plan(OVERRIDES, assess_dict(base_proposal()))
    assert result.carried == {}
    assert [(f.control, f.known) for f in result.flagged] == [("ENC-02", False), ("RES-02", False)]


ANSWERS = st.sampled_from(["met", "partial", "not-met", "unknown", None])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(control=st.sampled_from(sorted(OVERRIDES)), status=ANSWERS,
       evidence=st.booleans())
def test_no_change_to_an_answer_keeps_the_reviewers_judgement_of_the_old_one(
        control: str, status: str | None, evidence: bool) -> None:
    """Whatever the province changes in a control's answer, the override on it is not carried:
    the verdict of the new version cannot rest on a judgement of the old one."""
    old = base_proposal()
    new = base_proposal()
    before = old["answers"].get(control)
    after = None if status is None else {"status": status, **(
        {"evidence": ["Tài liệu mới"]} if evidence else {})}
    if after == before:
        return
    if after is None:
        del new["answers"][control]
    else:
        new["answers"][control] = after
    a = assess_dict(new)
    result = carry.plan(_basis(old), a)
    assert control not in result.carried
    reviewed = carry.carried_review(_review(old), a, result)
    assert control not in reviewed.overrides


def _review(doc: dict[str, Any]) -> Any:
    from assess.documents.models.review import Review

    a = assess_dict(doc)
    return Review.model_validate({
        "kind": "review", "schema_version": 1,
        "proposal": {"id": a.proposal.id, "sha256": a.proposal.sha256},
        "reviewer": {"organization": "Bộ Khoa học và Công nghệ", "name": "Phạm Văn Minh",
                     "role": "Chuyên viên"},
        "reviewed_on": "2026-12-01", "overrides": {k: o.model_dump(mode="json") for k, o in
                                                    _basis(doc).items()},
        "conditions": [{"id": "DK-1", "text": "Ký phụ lục", "control": "RES-02"}],
        "decision": {"verdict": "conditional", "rationale": "Chờ phụ lục."}})


# ── the command, as a reviewer runs it ───────────────────────────────────────────────────────


def _files(tmp_path: Path, runner: CliRunner) -> tuple[Path, Path, Path]:
    v1, v2, r1 = tmp_path / "v1.yaml", tmp_path / "v2.yaml", tmp_path / "r1.yaml"
    v1.write_bytes(dump(base_proposal()))
    changed = base_proposal()
    changed["answers"]["RES-02"] = {"status": "met"}
    v2.write_bytes(dump(changed))
    out = runner.invoke(app, ["review", "init", str(v1), "-o", str(r1), *CHECKLISTS])
    assert out.exit_code == 0, out.output
    text = r1.read_text(encoding="utf-8").replace("overrides: {}\n", "overrides:\n", 1)
    for cid, o in OVERRIDES.items():  # what a reviewer does: uncomment, keep the basis
        text = re.sub(rf'  # {cid}:\n  #   status: \S+\n  #   rationale: ""[^\n]*\n  #   basis: ',
                      f'  {cid}:\n    status: {o.status.value}\n    rationale: "{o.rationale}"\n'
                      "    basis: ", text, count=1)
    r1.write_text(text, encoding="utf-8")
    assert yaml.safe_load(text)["overrides"]["ENC-02"]["basis"]
    return v1, v2, r1


@pytest.mark.usefixtures("vietnamese")
def test_review_carry_writes_a_review_of_the_new_file_that_scores(
        runner: CliRunner, tmp_path: Path) -> None:
    v1, v2, r1 = _files(tmp_path, runner)
    r2 = tmp_path / "r2.yaml"
    out = runner.invoke(app, ["review", "carry", str(r1), str(v2), "-o", str(r2), *CHECKLISTS])
    assert out.exit_code == 0, out.output
    assert "1 ghi đè được mang sang; 1 cần thẩm định lại: RES-02" in out.output
    text = r2.read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    assert list(doc["overrides"]) == ["ENC-02"] and "decision" not in doc
    assert text.startswith("# CẦN THẨM ĐỊNH LẠI") and "#   RES-02: met — Phụ lục" in text
    scored = runner.invoke(app, ["score", str(v2), "--review", str(r2), "--json",
                                 *CHECKLISTS])
    assert scored.exit_code == 0, scored.output
    with_old = runner.invoke(app, ["review", "carry", str(r1), str(v2), "--previous", str(v1),
                                   "-o", "-", *CHECKLISTS])
    assert "declared: partial → met" in with_old.output


@pytest.mark.usefixtures("vietnamese")
def test_review_carry_refuses_a_previous_file_the_review_did_not_pin_and_its_own_inputs(
        runner: CliRunner, tmp_path: Path) -> None:
    _, v2, r1 = _files(tmp_path, runner)
    out = runner.invoke(app, ["review", "carry", str(r1), str(v2), "--previous", str(v2),
                              "-o", str(tmp_path / "r2.yaml"), *CHECKLISTS])
    assert out.exit_code == 2 and "không phải tệp mà" in out.output
    assert not (tmp_path / "r2.yaml").exists()
    before = r1.read_bytes()
    out = runner.invoke(app, ["review", "carry", str(r1), str(v2), "-o", str(r1), *CHECKLISTS])
    assert out.exit_code == 2 and r1.read_bytes() == before

"""`assess validate` checks everything at once (issue 13, part 3): a review is checked against
the proposal it pins — found among the files given, beside it, or named with --proposal — with
its schema, its references and its decision reported in one run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assess.cli import app
from tests.helpers import DATA

EXAMPLES = DATA.parent.parent / "examples"

PROPOSAL = EXAMPLES / "bac-giang-zalo-2019.yaml"
REVIEW = (EXAMPLES / "bac-giang-zalo-2019.review.yaml").read_text(encoding="utf-8")
DECISION = REVIEW[REVIEW.index("decision:\n"):]


def _dossier(tmp_path: Path, review: str) -> tuple[Path, Path]:
    proposal = tmp_path / "bac-giang.yaml"
    shutil.copyfile(PROPOSAL, proposal)
    r = tmp_path / "review.yaml"
    r.write_text(review, encoding="utf-8")
    return proposal, r


def _validate(*args: str, lang: str = "en") -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", *args, "--lang", lang], env={"COLUMNS": "400"})
    assert "Traceback" not in result.output
    return result.exit_code, result.output


BROKEN = REVIEW.replace("    control: ACC-02\n", "    control: ACC-22\n").replace(
    DECISION, "decision:\n  verdict: approve\n")


def test_a_review_beside_its_proposal_is_checked_with_it_every_problem_at_once(
        tmp_path: Path) -> None:
    _, review = _dossier(tmp_path, BROKEN)
    code, out = _validate(str(review))
    assert code == 2, out
    lines = [line for line in out.splitlines() if line.startswith("error:")]
    assert any("conditions[2].control: unknown control 'ACC-22'; did you mean 'ACC-02'" in line
               for line in lines), out
    assert any("decision.rationale: the decision 'approve' differs from the computed verdict "
               "'conditional'; expected a rationale saying why" in line for line in lines), out
    assert any("decision.exception:" in line and "allowed only as an exception" in line
               for line in lines), out


def test_the_same_in_vietnamese(tmp_path: Path) -> None:
    _, review = _dossier(tmp_path, BROKEN)
    code, out = _validate(str(review), lang="vi")
    assert code == 2
    assert "conditions[2].control: không có kiểm soát 'ACC-22'; có phải ý là 'ACC-02'" in out
    assert ("decision.rationale: quyết định 'approve' khác với kết luận công cụ tính được "
            "'conditional'; cần ghi lý do (rationale)") in out


def test_a_schema_error_does_not_hide_a_wrong_control_id(tmp_path: Path) -> None:
    broken = REVIEW.replace("reviewed_on: 2019-11-15", "reviewed_on: 15/11/2019").replace(
        "  RES-05:\n    status: not-met", "  RES-55:\n    status: not-met")
    _, review = _dossier(tmp_path, broken)
    code, out = _validate(str(review))
    assert code == 2
    assert "reviewed_on: got '15/11/2019'; expected a date written YYYY-MM-DD (year-month-day): " \
           "write 2019-11-15" in out
    assert "overrides.RES-55: no control 'RES-55' in checklist vn-third-party-channel@" in out


def test_a_review_is_checked_against_the_proposal_given_with_it(tmp_path: Path) -> None:
    proposal, review = _dossier(tmp_path, BROKEN)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    moved = elsewhere / "review.yaml"
    review.rename(moved)
    code, out = _validate(str(proposal), str(moved))
    assert code == 2 and "unknown control 'ACC-22'" in out
    code, out = _validate(str(moved), "--proposal", str(proposal))
    assert code == 2 and "unknown control 'ACC-22'" in out


def test_a_review_without_its_proposal_says_what_was_not_checked(tmp_path: Path) -> None:
    review = tmp_path / "review.yaml"
    review.write_text(BROKEN, encoding="utf-8")
    code, out = _validate(str(review))
    assert code == 0, out
    flat = " ".join(out.split())
    assert ("review.yaml (review): schema only — no proposal with SHA-256 1e254f4085c6… was "
            "given or found beside it, so its controls, conditions and decision were not checked: "
            "assess validate review.yaml --proposal PROPOSAL") in flat.replace(str(tmp_path) + "/", "")


def test_the_example_review_validates_with_its_proposal() -> None:
    code, out = _validate(str(EXAMPLES / "bac-giang-zalo-2019.review.yaml"))
    assert code == 0, out
    assert "(review, checked with bac-giang-zalo-2019.yaml)" in out, out


@pytest.mark.usefixtures("vietnamese")
def test_the_default_language_is_vietnamese(tmp_path: Path) -> None:
    _, review = _dossier(tmp_path, BROKEN)
    result = CliRunner().invoke(app, ["validate", str(review)])
    assert result.exit_code == 2 and "không có kiểm soát 'ACC-22'" in result.output


def test_a_schema_error_does_not_hide_the_decision_either(tmp_path: Path) -> None:
    """A bad date, an override with a bad status, a wrong control id and a decision better than
    the computed verdict without a reason: all of it in one run."""
    broken = BROKEN.replace("reviewed_on: 2019-11-15", "reviewed_on: 15/11/2019").replace(
        "  RES-05:\n    status: not-met", "  RES-55:\n    status: not-met").replace(
        "  ACC-05:\n    status: not-met", "  ACC-05:\n    status: khong dat")
    _, review = _dossier(tmp_path, broken)
    code, out = _validate(str(review))
    assert code == 2
    flat = " ".join(out.split())
    for part in ("reviewed_on: got '15/11/2019'", "overrides.RES-55: no control 'RES-55'",
                 "overrides.ACC-05.status: got 'khong dat'", "conditions[2].control: unknown "
                 "control 'ACC-22'", "decision.rationale: the decision 'approve' differs",
                 "decision.exception:"):
        assert part in flat, (part, out)
    assert out.count("decision.rationale") == 1

"""`assess checklist lint`: each rule, located messages, exit codes, --strict."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from assess.checklists.content import has_diacritics
from assess.checklists.lint import FileReport, lint, lint_file
from assess.cli import app
from tests.conftest import DATA, MINI_DIR

BASE: dict[str, Any] = yaml.safe_load((MINI_DIR / "mini" / "1.0.0.yaml").read_text("utf-8"))
LEGAL = [{"document": {"vi": "Luật Bảo vệ dữ liệu cá nhân", "en": "Law on Personal Data "
                       "Protection"}, "number": "91/2025/QH15", "article": "30",
          "status": "confirmed"}]


def clean() -> dict[str, Any]:
    """The mini checklist with a legal basis on every control: no warning at all."""
    doc = copy.deepcopy(BASE)
    for d in doc["domains"]:
        for c in d["controls"]:
            c.setdefault("legal_basis", copy.deepcopy(LEGAL))
    return doc


def ctrl(doc: dict[str, Any], cid: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for d in doc["domains"] for c in d["controls"] if c["id"] == cid)
    return found


def write(folder: Path, doc: dict[str, Any], name: str | None = None, *,
          lock: bool = True) -> Path:
    """`<folder>/<id>/<version>.yaml`, recorded in releases.lock when released and `lock`."""
    path = folder / str(doc["id"]) / (name or f"{doc['version']}.yaml")
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")
    path.write_bytes(raw)
    if lock and doc.get("status") == "released":
        (path.parent / "releases.lock").write_text(
            f'"{doc["version"]}": "{hashlib.sha256(raw).hexdigest()}"\n', encoding="utf-8")
    return path


def issues(tmp_path: Path, edit: Callable[[dict[str, Any]], None]) -> list[str]:
    doc = clean()
    edit(doc)
    report = lint_file(write(tmp_path, doc))
    return [f"{i.level}: {i.problem.field}: {i.problem.message.render('en')}" for i in report.issues]


def test_a_clean_checklist_has_no_issue(tmp_path: Path) -> None:
    report = lint_file(write(tmp_path, clean()))
    assert report.issues == [] and report.ref == "mini@1.0.0"


def test_every_issue_is_located_file_line_field(tmp_path: Path) -> None:
    doc = clean()
    del ctrl(doc, "ENC-02")["legal_basis"]
    path = write(tmp_path, doc)
    (issue,) = lint_file(path).issues
    line = path.read_text("utf-8").splitlines().index("  - id: ENC-02") + 1
    assert str(issue) == (f"warning: {path}:{line}: domains[1].controls[1].id: control ENC-02 "
                          "cites no legal basis; expected at least one provision in legal_basis "
                          "(leave it empty only for good practice)")


# ── ids and names ──


def test_duplicate_control_id_and_wrong_domain_prefix_are_errors(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        ctrl(doc, "ENC-02")["id"] = "ENC-01"
        ctrl(doc, "ENC-03")["id"] = "RES-03"

    found = issues(tmp_path, edit)
    assert any(i.startswith("error: domains[1].controls[1].id: duplicate control id 'ENC-01'")
               for i in found)
    assert ("error: domains[1].controls[2].id: control 'RES-03' is in domain 'ENC'; expected "
            "an id starting with 'ENC-'") in found


def test_file_name_and_folder_must_match_version_and_id(tmp_path: Path) -> None:
    doc = clean()
    report = lint_file(write(tmp_path, doc, "1.0.1.yaml", lock=False))
    assert any(i.level == "error" and "file declares version '1.0.0' but is named '1.0.1.yaml'"
               in i.problem.message.render("en") for i in report.issues)
    other = tmp_path / "other" / "1.0.0.yaml"
    other.parent.mkdir()
    other.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert any(i.level == "error" and "file declares id 'mini' but is in folder 'other'"
               in i.problem.message.render("en") for i in lint_file(other).issues)


def test_a_file_outside_the_catalog_layout_is_a_warning(tmp_path: Path) -> None:
    doc = clean()
    doc["status"] = "draft"
    path = write(tmp_path, doc, "my-draft.yaml")
    (issue,) = lint_file(path).issues
    assert issue.level == "warning" and issue.problem.message.render("en").startswith(
        "file name 'my-draft.yaml' is outside the catalog layout <id>/<version>.yaml")


# ── rules and facts ──


def test_unknown_rule_and_fact_are_errors_a_repeated_fact_a_warning(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        ctrl(doc, "ENC-02")["rule"] = "G-NOPE"
        ctrl(doc, "ENC-02")["applies_if"] = ["processes_personal_dat"]
        ctrl(doc, "ENC-03")["applies_if"] = ["processes_sensitive_data"] * 2

    found = issues(tmp_path, edit)
    assert any(i.startswith("error: domains[1].controls[1].rule: unknown rule 'G-NOPE'")
               for i in found)
    assert any(i.startswith("error: domains[1].controls[1].applies_if[0]: unknown fact "
                            "'processes_personal_dat'; did you mean 'processes_personal_data'")
               for i in found)
    assert ("warning: domains[1].controls[2].applies_if[1]: fact 'processes_sensitive_data' is "
            "listed twice; expected each fact once") in found


def test_a_hygiene_rule_decides_no_control(tmp_path: Path) -> None:
    found = issues(tmp_path, lambda doc: ctrl(doc, "ENC-02").update(rule="G-INV-UNUSED"))
    assert found == ["error: domains[1].controls[1].rule: rule 'G-INV-UNUSED' only reports "
                     "hygiene findings and decides no control; expected a deciding rule, or "
                     "no rule"]


# ── texts ──


def test_blank_text_is_an_error(tmp_path: Path) -> None:
    found = issues(tmp_path, lambda doc: ctrl(doc, "ENC-02")["guidance"].update(en="   "))
    assert found == ["error: domains[1].controls[1].guidance.en: is blank; expected: English "
                     "text, faithful to the Vietnamese."]


def test_same_text_in_both_languages_is_a_warning(tmp_path: Path) -> None:
    found = issues(tmp_path, lambda doc: ctrl(doc, "ENC-02")["title"].update(
        vi="Key management", en="Key  management"))
    assert found == ["warning: domains[1].controls[1].title.vi: the vi and en texts are the same "
                     "('Key management'); expected a Vietnamese text and its English "
                     "translation"]


def test_vietnamese_without_diacritics_is_a_warning_short_codes_are_not(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        ctrl(doc, "ENC-02")["requirement"]["vi"] = "Khoa duoc quan ly theo quy trinh."
        ctrl(doc, "ENC-01")["evidence"]["vi"] = "TLS 1.2"

    found = issues(tmp_path, edit)
    assert found == ["warning: domains[1].controls[1].requirement.vi: the vi text has no "
                     "Vietnamese diacritics ('Khoa duoc quan ly theo quy trinh.'); expected "
                     "Vietnamese written with its diacritics"]


@pytest.mark.parametrize(("text", "marked"), [("Mã hóa", True), ("đi", True), ("Ma hoa", False),
                                              ("Điều 30", True), ("TLS 1.3", False)])
def test_diacritics(text: str, marked: bool) -> None:
    assert has_diacritics(text) is marked


# ── legal basis, severity, scoring ──


def test_no_legal_basis_is_a_warning(tmp_path: Path) -> None:
    found = issues(tmp_path, lambda doc: ctrl(doc, "RES-02").pop("legal_basis"))
    assert found == ["warning: domains[0].controls[1].id: control RES-02 cites no legal basis; "
                     "expected at least one provision in legal_basis (leave it empty only for "
                     "good practice)"]


def test_blocker_of_low_severity_is_a_warning(tmp_path: Path) -> None:
    found = issues(tmp_path, lambda doc: ctrl(doc, "ENC-02").update(blocker=True,
                                                                     severity="low"))
    assert found == ["warning: domains[1].controls[1].blocker: control ENC-02 is a blocker of "
                     "low severity; expected a blocker to be at least medium (failing it "
                     "rejects the proposal)"]


def test_severity_weights_negative_zero_and_out_of_order(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        doc["scoring"]["severity_weights"] = {"critical": 8, "high": 10, "medium": 0, "low": -1}

    found = issues(tmp_path, edit)
    assert "error: scoring.severity_weights.low: weight -1 is negative; expected 0 or more" in found
    assert ("warning: scoring.severity_weights.medium: weight of 'medium' (0) is below that of "
            "'low' (-1); expected weights ordered low ≤ medium ≤ high ≤ critical") not in found
    assert ("warning: scoring.severity_weights.critical: weight of 'critical' (8) is below that "
            "of 'high' (10); expected weights ordered low ≤ medium ≤ high ≤ critical") in found
    assert ("warning: domains[1].controls[1].severity: control ENC-02 never counts: severity "
            "'medium' weighs 0 in scoring.severity_weights") in found


def test_status_values_out_of_order_are_errors_unknown_above_not_met_a_warning(
        tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        doc["scoring"]["status_values"] = {"met": 0.4, "partial": 0.5, "not-met": 0,
                                           "unknown": 0.2}

    found = issues(tmp_path, edit)
    assert found == [
        "error: scoring.status_values.met: value of 'met' (0.4) is below that of 'partial' "
        "(0.5); expected values ordered not-met ≤ partial ≤ met",
        "warning: scoring.status_values.unknown: unknown earns 0.2, more than not-met (0); "
        "expected an unanswered control to earn no more than a failed one"]


def test_thresholds_out_of_order_error_equal_warning(tmp_path: Path) -> None:
    found = issues(tmp_path, lambda doc: doc["scoring"]["thresholds"].update(approve=40))
    assert found == ["error: scoring.thresholds: approve (40.0) is below conditional (50.0); "
                     "expected approve ≥ conditional"]
    found = issues(tmp_path, lambda doc: doc["scoring"]["thresholds"].update(approve=50))
    assert found == ["warning: scoring.thresholds: approve and conditional are both 50; no "
                     "score is ever 'conditional' — expected approve above conditional"]


def test_impact_and_likelihood_levels_missing_or_out_of_order(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        doc["scoring"]["risk"]["impact"]["class_levels"] = {"public": 2, "internal": 1,
                                                            "personal": 3}
        del doc["scoring"]["risk"]["likelihood_levels"]["low"]

    found = issues(tmp_path, edit)
    assert found == [
        "warning: scoring.risk.impact.class_levels: no impact level for sensitive-personal; "
        "they count as level 1 — expected every class",
        "warning: scoring.risk.impact.class_levels.internal: impact level of 'internal' (1) is "
        "below that of 'public' (2); expected impact levels ordered public ≤ internal ≤ "
        "personal ≤ sensitive-personal",
        "warning: scoring.risk.likelihood_levels: no likelihood level for low; they count as "
        "level 1 — expected every severity"]


def test_risk_matrix_must_not_decrease(tmp_path: Path) -> None:
    found = issues(tmp_path, lambda doc: doc["scoring"]["risk"]["matrix"][3].__setitem__(
        3, "low"))
    assert found == ["warning: scoring.risk.matrix[3][3]: rating 'low' at impact 4, likelihood 4 "
                     "is lower than a cell of lower impact or likelihood; expected ratings that "
                     "never decrease to the right or down"]


# ── documents that do not load ──


def test_schema_errors_are_reported_and_other_files_still_linted(tmp_path: Path) -> None:
    doc = clean()
    ctrl(doc, "ENC-02")["severity"] = "huge"
    bad = write(tmp_path, doc)
    good_doc = clean()
    good_doc["id"] = "other"
    good = write(tmp_path, good_doc)
    report = lint([bad, good])
    assert report.files[0].issues[0].level == "error"
    assert "domains[1].controls[1].severity" in str(report.files[0].issues[0])
    assert report.files[1].issues == [] and report.files[1].ref == "other@1.0.0"


def test_a_proposal_is_not_a_checklist(tmp_path: Path) -> None:
    report: FileReport = lint_file(DATA / "proposal-ok.yaml")
    (issue,) = report.issues
    assert issue.level == "error" and issue.problem.message.render("en") == (
        "this is a proposal; expected kind: checklist")


# ── the command ──


def run(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["checklist", "lint", *args])
    return result.exit_code, result.output


def test_cli_exit_0_when_clean_2_on_errors(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, clean())
    code, out = run(runner, str(path))
    assert (code, out) == (0, "1 checklist file checked: 0 errors, 0 warnings\n")
    doc = clean()
    ctrl(doc, "ENC-02")["rule"] = "G-NOPE"
    code, out = run(runner, str(write(tmp_path, doc)))
    assert code == 2 and out.startswith("error: ") and out.endswith(
        "1 checklist file checked: 1 error, 0 warnings\n")


def test_cli_warnings_pass_unless_strict(runner: CliRunner, tmp_path: Path) -> None:
    doc = clean()
    del ctrl(doc, "ENC-02")["legal_basis"]
    path = str(write(tmp_path, doc))
    code, out = run(runner, path)
    assert code == 0 and out.startswith("warning: ") and "0 errors, 1 warning\n" in out
    code, out = run(runner, path, "--strict")
    assert code == 2 and out.startswith("error: ") and "1 error, 0 warnings\n" in out


def test_cli_lints_a_folder_a_ref_and_by_default_the_whole_catalog(runner: CliRunner,
                                                                  tmp_path: Path) -> None:
    write(tmp_path, clean())
    doc = clean()
    doc["version"], doc["status"] = "1.1.0", "draft"
    write(tmp_path, doc)
    code, out = run(runner, str(tmp_path))
    assert code == 0 and "2 checklist files checked" in out
    code, out = run(runner, "mini@1.1.0", "--checklists", str(tmp_path))
    assert code == 0 and "1 checklist file checked" in out
    code, out = run(runner, "--checklists", str(tmp_path))
    assert "vn-third-party-channel" in out or "checklist files checked" in out
    assert int(out.rsplit("\n", 2)[-2].split()[0]) >= 3  # ours and the built-in one


def test_cli_help_has_examples(runner: CliRunner) -> None:
    for command in (["checklist", "lint"], ["checklist", "diff"], ["checklist", "release"],
                    ["migrate"], ["schema"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0 and "Example" in result.output, command

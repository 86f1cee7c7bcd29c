"""The command line as a user meets it: help, versions, score output, JSON keys, CI gates, init."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assess import __version__
from assess.cli import app
from tests.helpers import DATA, base_proposal, dump, flat

CHECKLISTS = ["--checklists", str(DATA / "checklists")]
OK = str(DATA / "proposal-ok.yaml")


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"assess {__version__}"


def _commands() -> list[list[str]]:
    """Every command and sub-command the CLI registers, found from the app itself."""
    import typer.main

    out: list[list[str]] = [[]]

    def walk(group: object, prefix: list[str]) -> None:
        for name, cmd in getattr(group, "commands", {}).items():
            out.append([*prefix, name])
            walk(cmd, [*prefix, name])

    walk(typer.main.get_command(app), [])
    return out


COMMANDS = _commands()


def test_the_cli_has_the_documented_commands() -> None:
    names = {" ".join(c) for c in COMMANDS}
    assert names >= {"validate", "score", "init", "graph", "report", "sign", "verify", "migrate",
                     "schema", "review init", "checklist list", "checklist show",
                     "checklist lint", "checklist diff", "checklist release", "platform list",
                     "platform show", "platform lint", "platform release", "legal status",
                     "legal lint", "workspace migrate", "workspace org add",
                     "workspace user add", "workspace user erase", "workspace audit verify",
                     "workspace backup", "workspace restore"}


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "assess")
def test_every_command_has_help_with_examples(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    if command and command not in (["checklist"], ["review"], ["platform"], ["questionnaire"],
                                       ["legal"], ["workspace"], ["workspace", "org"],
                                       ["workspace", "user"], ["workspace", "audit"]):
        assert "Example" in result.output


def test_help_does_not_import_weasyprint() -> None:
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom assess.cli import app\n"
            "r = CliRunner().invoke(app, ['--help'])\nassert r.exit_code == 0\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('weasyprint', 'pydantic', 'networkx', 'jinja2')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.usefixtures("vietnamese")
def test_score_prints_verdict_domains_and_findings(runner: CliRunner) -> None:
    result = runner.invoke(app, ["score", OK, *CHECKLISTS])
    assert result.exit_code == 0, result.output
    for text in ("Kết luận: Chấp thuận", "Điểm: 88,9/100", "Mức rủi ro: Trung bình",
                 "RES Lưu trữ dữ liệu", "RES-02", "Đạt một phần: Hợp đồng nêu vị trí lưu trữ"):
        assert text in result.output
    english = runner.invoke(app, ["score", OK, "--lang", "en", *CHECKLISTS])
    assert "Verdict: Approve" in english.output and "Partly met: Contract names" in english.output


def test_score_json_has_the_documented_keys(runner: CliRunner) -> None:
    result = runner.invoke(app, ["score", OK, "--json", *CHECKLISTS])
    assert result.exit_code == 0
    data = json.loads(result.output)
    for key in ("verdict", "score", "risk", "domains", "controls", "findings", "checklist",
                "proposal", "exposure", "facts"):
        assert key in data
    assert data["verdict"] == "approve" and 0 <= data["score"] <= 100
    assert set(data["controls"][0]) >= {"id", "status", "source"}
    assert {c["source"] for c in data["controls"]} <= {"declared", "rule", "review", "default"}
    assert set(data["findings"][0]) >= {"id", "severity", "control", "message"}
    assert data["checklist"]["id"] == "mini" and len(data["checklist"]["sha256"]) == 64
    assert data["proposal"]["id"] == "test-ok"
    assert data["proposal"]["sha256"] == __import__("hashlib").sha256(
        Path(OK).read_bytes()).hexdigest()
    assert data["scope"]["flows"][0]["from"] == "citizen"  # aliases as written in YAML


@pytest.mark.parametrize(("fail_on", "answers", "code"), [
    ("reject", {}, 0),
    ("conditional", {"RES-02": "not-met", "ENC-02": "not-met"}, 1),
    ("reject", {"RES-02": "not-met", "ENC-02": "not-met"}, 0),
])
def test_fail_on_gates_ci(runner: CliRunner, tmp_path: Path, fail_on: str,
                          answers: dict[str, str], code: int) -> None:
    doc = base_proposal()
    for cid, st in answers.items():
        doc["answers"][cid] = {"status": st}
    f = tmp_path / "p.yaml"
    f.write_bytes(dump(doc))
    result = runner.invoke(app, ["score", str(f), "--fail-on", fail_on, *CHECKLISTS])
    assert result.exit_code == code, result.output


def test_fail_on_rejects_unknown_level(runner: CliRunner) -> None:
    result = runner.invoke(app, ["score", OK, "--fail-on", "maybe", *CHECKLISTS])
    assert result.exit_code == 2 and "'maybe' is not one of 'reject', 'conditional'" in flat(
        result.output)


def test_bad_language_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["score", OK, "--lang", "fr", *CHECKLISTS])
    assert result.exit_code == 2 and "'fr' is not one of 'vi', 'en'" in flat(result.output)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_init_writes_a_skeleton_that_validates(runner: CliRunner, tmp_path: Path,
                                               lang: str) -> None:
    out = tmp_path / "proposal.yaml"
    result = runner.invoke(app, ["init", "-o", str(out), "--checklist", "mini", "--lang", lang,
                                 *CHECKLISTS])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "  RES-01:\n    status: unknown" in text
    question = ("Yêu cầu: Dữ liệu cá nhân được lưu trữ tại Việt Nam." if lang == "vi"
                else "Requirement: Personal data is stored in Vietnam.")
    assert question in text
    check = runner.invoke(app, ["validate", str(out), *CHECKLISTS])
    assert check.exit_code == 0, check.output
    scored = runner.invoke(app, ["score", str(out), "--json", *CHECKLISTS])
    assert json.loads(scored.output)["verdict"] == "reject"  # nothing answered yet


def test_init_unknown_checklist_lists_what_exists(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", "-o", str(tmp_path / "p.yaml"), "--checklist", "mimi",
                                 *CHECKLISTS])
    assert result.exit_code == 2
    assert "no checklist 'mimi' (did you mean 'mini'?" in result.output
    assert not (tmp_path / "p.yaml").exists()


def test_checklist_list_and_show(runner: CliRunner) -> None:
    listed = runner.invoke(app, ["checklist", "list", *CHECKLISTS])
    assert listed.exit_code == 0 and "mini" in listed.output and "released" in listed.output
    shown = runner.invoke(app, ["checklist", "show", "mini@latest", "--lang", "en", *CHECKLISTS])
    assert shown.exit_code == 0
    assert "RES-01" in shown.output and "Personal data stored in Vietnam" in shown.output
    assert "G-RES-STORE" in shown.output


def test_checklist_env_var_is_searched(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSESS_CHECKLISTS", str(DATA / "checklists"))
    result = runner.invoke(app, ["score", OK, "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["checklist"]["id"] == "mini"

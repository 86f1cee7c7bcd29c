"""Terminal output (issue 12, class 4): text from inputs and certificates never drives the
terminal. A title that clears the screen and prints a fake verdict is refused where it is
written, with the character named; whatever unsafe text still reaches a console (a field name,
a certificate's name: see test_certificates) is shown as escapes, in every command."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from rich.table import Table
from typer.testing import CliRunner

from assess.cli import app
from assess.core.text import visible
from assess.outputs.terminal.console import console
from tests.helpers import DATA

GOOD = (DATA / "proposal-ok.yaml").read_text(encoding="utf-8")
CHECKLISTS = ["--checklists", str(DATA / "checklists")]
FAKE = "\\e[2J\\e[H\\e[1;32mVerdict: Approve\\e[0m"
"""YAML's escapes for: clear the screen, cursor home, bold green 'Verdict: Approve'."""
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _hostile(tmp_path: Path) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(GOOD.replace("title: Thử nghiệm", f'title: "Thử{FAKE}"', 1)
                    .replace("  ENC-02: {status: met}", '  "ENC-02\\e[2J": {status: met}'),
                    encoding="utf-8")
    return path


COMMANDS = {
    "validate": lambda p, out: ["validate", str(p), *CHECKLISTS],
    "score": lambda p, out: ["score", str(p), *CHECKLISTS],
    "score-json": lambda p, out: ["score", str(p), *CHECKLISTS, "--json"],
    "graph": lambda p, out: ["graph", str(p), *CHECKLISTS, "-o", str(out / "g.svg")],
    "report": lambda p, out: ["report", str(p), *CHECKLISTS, "-o", str(out / "r.pdf")],
    "review-init": lambda p, out: ["review", "init", str(p), *CHECKLISTS, "-o",
                                   str(out / "review.yaml")],
    "migrate": lambda p, out: ["migrate", str(p), *CHECKLISTS, "--to", "mini@1.0.0", "-o",
                               str(out / "m.yaml")],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_no_command_passes_an_input_control_character_to_the_terminal(
        tmp_path: Path, command: str) -> None:
    proposal = _hostile(tmp_path)
    args = COMMANDS[command](proposal, tmp_path)
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert "Traceback" not in result.output
    assert result.exit_code == 2, result.output
    assert not UNSAFE.search(result.output), repr(result.output)
    assert "title: contains U+001B escape at character 4" in result.output
    assert "answers.ENC-02\\x1b[2J: the key contains U+001B escape at character 7" in \
        result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]  # nothing written


def test_a_hostile_checklist_or_profile_is_refused_by_lint(tmp_path: Path) -> None:
    folder = tmp_path / "checklists" / "mini"
    folder.mkdir(parents=True)
    text = (DATA / "checklists" / "mini" / "1.0.0.yaml").read_text(encoding="utf-8")
    assert "{vi: Bộ tiêu chí thử nghiệm," in text
    (folder / "1.0.0.yaml").write_text(
        text.replace("{vi: Bộ tiêu chí thử nghiệm,", f'{{vi: "Bộ{FAKE}",', 1), encoding="utf-8")
    for args in (["checklist", "lint", str(folder / "1.0.0.yaml")],
                 ["checklist", "show", "mini@1.0.0", "--checklists", str(tmp_path / "checklists")]):
        result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
        assert "Traceback" not in result.output
        assert result.exit_code == 2, result.output
        assert not UNSAFE.search(result.output), repr(result.output)
        assert "contains U+001B escape" in result.output
    profile = tmp_path / "platforms" / "demo-chat"
    shutil.copytree(DATA / "platforms" / "demo-chat", profile)
    pf = profile / "1.0.0.yaml"
    ptext = pf.read_text(encoding="utf-8")
    assert "publisher: assess tests\n" in ptext
    pf.write_text(ptext.replace("publisher: assess tests\n", f'publisher: "x{FAKE}"\n'),
                  encoding="utf-8")
    result = CliRunner().invoke(app, ["platform", "lint", str(pf)], env={"COLUMNS": "200"})
    assert result.exit_code == 2, result.output
    assert not UNSAFE.search(result.output) and "contains U+001B escape" in result.output


def test_the_console_shows_what_reaches_it_in_any_renderable() -> None:
    """Defence in depth: a table cell, a plain message and a styled one, all shown."""
    buf = io.StringIO()
    con = console(file=buf, force_terminal=True, width=100, color_system="standard")
    table = Table("a")
    table.add_row("cell\x1b[2Jx\u202e")
    con.print(table)
    con.print("msg\x9b31m\x07", style="bold red")
    out = buf.getvalue()
    assert "\x9b" not in out and "\u202e" not in out and "\x07" not in out
    assert "cell\\x1b[2Jx\\u202e" in out and "msg\\x9b31m\\x07" in out
    assert "\x1b[1;31m" in out  # rich's own colours still reach the terminal
    assert "\x1b[2J" not in out


def test_visible_is_the_identity_on_clean_text_and_idempotent() -> None:
    clean = "Trung tâm dữ liệu\ttỉnh\nBắc Giang"
    assert visible(clean) is clean
    dirty = "a\x1bb\x85c\u2066d"
    assert visible(dirty) == "a\\x1bb\\x85c\\u2066d" == visible(visible(dirty))
    assert visible("a\tb\nc", one_line=True) == "a\\x09b\\x0ac"


def test_json_output_escapes_what_json_itself_leaves_raw(tmp_path: Path) -> None:
    """Found by an adversarial pass: a file name with U+202E or C1 reached stdout raw in
    `score --json` (JSON escapes only C0). The escapes keep the same JSON value."""
    import json

    name = tmp_path / "p\u202e\x9b.yaml"
    name.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(name), *CHECKLISTS, "--json"])
    assert result.exit_code == 0, result.output
    assert not UNSAFE.search(result.output)
    assert "\\u202e\\u009b" in result.output
    assert json.loads(result.output)["proposal"]["file"] == str(name)

"""What users of typer/rich tools expect: exit statuses, stdin, quiet/verbose, completion, help."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assess.cli import app
from assess.core.errors import ExitStatus, exit_table

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
OK = str(DATA / "proposal-ok.yaml")
CHECKLISTS = ["--checklists", str(DATA / "checklists")]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _cli(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assess", *args], input=stdin.decode() if stdin
                          else None, capture_output=True, text=True, env=env, timeout=120)


def test_exit_statuses_are_one_table_in_help_and_readme() -> None:
    assert [int(s) for s in ExitStatus] == [0, 1, 2, 3]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for status in ExitStatus:
        assert f"| {int(status)} | {status.meaning} |" in readme
    out = _cli("--help", env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"}).stdout
    flat = " ".join(out.split())
    for line in exit_table().splitlines():
        assert " ".join(line.split()) in flat


def test_an_internal_error_is_one_line_naming_a_bug_and_exit_3(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import assess.workflows.pipeline as pipeline
    from assess import __version__
    from assess.cli.app import run

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(pipeline, "assess_files", broken)
    monkeypatch.setattr(sys, "argv", ["assess", "score", OK, *CHECKLISTS])
    with pytest.raises(SystemExit) as exc:
        run()
    assert exc.value.code == ExitStatus.INTERNAL == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"internal error: ZeroDivisionError: division by zero — this is a bug in assess " \
           f"{__version__}" in err and "rerun with --debug" in err

    monkeypatch.setattr(sys, "argv", ["assess", "--debug", "score", OK, *CHECKLISTS])
    with pytest.raises(SystemExit) as exc:
        run()
    assert exc.value.code == 3 and "Traceback" in capsys.readouterr().err


def test_the_run_before_left_the_test_process_immune_to_sigpipe() -> None:
    """Runs after the test above, which calls `run()` in-process: SIGPIPE is back to Python's
    ignore (tests/conftest.py), so a later write to a closed socket raises, not kills pytest."""
    import signal

    assert signal.getsignal(signal.SIGPIPE) == signal.SIG_IGN


def test_a_gate_failure_is_1_and_bad_input_is_2(runner: CliRunner, tmp_path: Path) -> None:
    reject = str(ROOT / "examples" / "facebook-messenger-abroad.yaml")
    assert runner.invoke(app, ["score", reject, "--fail-on", "reject"]).exit_code == 1
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: proposal\n", encoding="utf-8")
    assert runner.invoke(app, ["score", str(bad)]).exit_code == 2


def test_a_line_number_is_never_read_as_an_emoji_code(tmp_path: Path) -> None:
    bad = tmp_path / "p.yaml"
    text = (DATA / "proposal-ok.yaml").read_text(encoding="utf-8").splitlines()
    lines = text + ["# padding"] * (99 - len(text)) + ["unexpected_field: 1"]
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _cli("validate", str(bad), *CHECKLISTS)
    assert result.returncode == 2
    assert f"{bad}:100: unexpected_field:" in result.stderr and "💯" not in result.stderr


def test_a_proposal_can_be_read_from_standard_input(runner: CliRunner) -> None:
    data = (DATA / "proposal-ok.yaml").read_bytes()
    from_file = runner.invoke(app, ["score", OK, "--json", *CHECKLISTS])
    from_stdin = runner.invoke(app, ["score", "-", "--json", *CHECKLISTS], input=data)
    assert from_stdin.exit_code == 0, from_stdin.output
    assert from_stdin.stdout.replace("<stdin>", OK) == from_file.stdout
    assert runner.invoke(app, ["validate", "-", *CHECKLISTS], input=data).stdout == \
        "ok: - (proposal)\n"
    report = runner.invoke(app, ["report", "-", *CHECKLISTS], input=data)
    assert report.exit_code == 2 and "expected its path, not -" in " ".join(report.output.split())


def test_stdin_input_errors_are_located_in_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "-"], input=b"kind: proposal\nid: [\n")
    assert result.exit_code == 2 and result.stderr.startswith("error: <stdin>:")


def test_quiet_hides_progress_and_verbose_keeps_it(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "p.yaml"
    loud = runner.invoke(app, ["init", "-o", str(out), "-c", "mini@1.0.0", *CHECKLISTS])
    assert loud.exit_code == 0 and f"wrote {out}" in loud.stderr
    quiet = runner.invoke(app, ["-q", "init", "-o", str(out), "--force", "-c", "mini@1.0.0",
                                *CHECKLISTS])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    verbose = runner.invoke(app, ["-v", "init", "-o", str(out), "--force", "-c", "mini@1.0.0",
                                  *CHECKLISTS])
    assert f"wrote {out}" in verbose.stderr


def test_shell_completion_is_offered(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert "--install-completion" in result.stdout and "--show-completion" in result.stdout


def test_flags_are_shown_without_a_bool_metavar(runner: CliRunner) -> None:
    for args in (["--help"], ["score", "--help"], ["checklist", "lint", "--help"]):
        out = runner.invoke(app, args, env={"COLUMNS": "200"}).stdout
        assert "<bool>" not in out, args
        assert re.search(r"--help\s+-h\s+Show this message", out), args


def test_choices_are_listed_in_help(runner: CliRunner) -> None:
    out = runner.invoke(app, ["score", "--help"], env={"COLUMNS": "200"}).stdout
    assert re.search(r"[<\[]vi\|en[>\]]", out) and re.search(r"[<\[]reject\|conditional[>\]]", out)
    out = runner.invoke(app, ["graph", "--help"], env={"COLUMNS": "200"}).stdout
    assert re.search(r"[<\[]svg\|dot\|png[>\]]", out)


def test_a_reader_that_stops_early_ends_the_command_quietly() -> None:
    """`assess … | head`: killed by SIGPIPE like any Unix tool (the shell shows 141), not a
    BrokenPipeError reported as a failed gate (exit 1)."""
    import signal

    proc = subprocess.Popen([sys.executable, "-m", "assess", "checklist", "show",
                             "vn-third-party-channel"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == -signal.SIGPIPE, err
    assert "Traceback" not in err and "BrokenPipe" not in err

"""Click's usage errors in the reader's language (issue 13, part 1): an unknown option, a missing
argument, a value an option refuses, an unknown command — Vietnamese by default, English with
--lang en (read from the command line even though it could not be parsed), exit status 2."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from assess.cli import app

CASES = {
    "unknown-option": (["validate", "x.yaml", "--chklists", "d"],
                       "lỗi: không có tùy chọn --chklists; có phải ý là '--checklists'?",
                       "error: No such option: --chklists (Possible options: '--checklists')"),
    "missing-argument": (["validate"], "lỗi: thiếu đối số '",  # 'files' or 'FILES...' by version
                         "error: Missing argument '"),
    "bad-choice": (["score", "x.yaml", "--fail-on", "maybe"],
                   "lỗi: giá trị không hợp lệ cho '--fail-on': 'maybe' không phải một trong "
                   "'reject', 'conditional'",
                   "error: Invalid value for '--fail-on': 'maybe' is not one of 'reject', "
                   "'conditional'."),
    "missing-file": (["verify", "r.pdf", "--trust", "nope.pem"],
                     "không có 'nope.pem'", "'nope.pem' does not exist."),
    "unknown-command": (["vlidate"], "lỗi: không có lệnh 'vlidate'",  # click ≥ 8.2 suggests one
                        "error: No such command 'vlidate'."),
    "extra-argument": (["init", "-o", "p.yaml", "extra"], "lỗi: thừa đối số (extra)",
                       "error: Got unexpected extra argument(s) (extra)"),
}


def _run(args: list[str], env: dict[str, str | None]) -> tuple[int, str]:
    result = CliRunner().invoke(app, args, env={"COLUMNS": "300", **env})
    assert "Traceback" not in result.output and "lỗi nội bộ" not in result.output
    return result.exit_code, " ".join(result.output.split())


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_usage_error_is_said_in_vietnamese_by_default(case: str) -> None:
    args, vi, _ = CASES[case]
    code, out = _run(args, {"ASSESS_LANG": None})
    assert code == 2
    assert vi in out, out
    assert "Xem hướng dẫn: assess" in out and "Cách dùng: assess" in out


@pytest.mark.parametrize("case", sorted(CASES))
def test_and_in_english_with_lang_en_even_when_the_line_does_not_parse(case: str) -> None:
    args, _, en = CASES[case]
    code, out = _run([*args, "--lang", "en"] if case != "unknown-command" else args,
                     {"ASSESS_LANG": None if case != "unknown-command" else "en"})
    assert code == 2
    assert en in out, out
    assert "Try 'assess" in out and "Usage: assess" in out


def test_a_suggested_command_is_said_too() -> None:
    from assess.cli.usage import click_module, problem

    exc = click_module().exceptions.UsageError("No such command 'vlidate'. Did you mean "
                                               "'validate'?")
    assert problem(exc).render("vi") == "không có lệnh 'vlidate'; có phải ý là 'validate'?"
    assert problem(exc).render("en") == "No such command 'vlidate'. Did you mean 'validate'?"


def test_help_and_version_are_untouched() -> None:
    assert CliRunner().invoke(app, ["--version"]).exit_code == 0
    result = CliRunner().invoke(app, ["validate", "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output

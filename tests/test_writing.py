"""Writing outputs (issue 12, class 2): an output never replaces an input, a device or a pipe is
written to and never replaced, an unwritable folder is one message with exit status 2, a pair
of outputs is written whole or not at all, and a killed run's temporary file is cleaned up."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assess.cli import app
from assess.core import files
from tests.helpers import DATA

PROPOSAL = DATA / "proposal-ok.yaml"
CHECKLISTS = ["--checklists", str(DATA / "checklists")]


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _copy(tmp_path: Path, source: Path = PROPOSAL) -> Path:
    target = tmp_path / source.name
    target.write_bytes(source.read_bytes())
    return target


def test_report_refuses_to_write_over_its_proposal_before_any_work(tmp_path: Path) -> None:
    proposal = _copy(tmp_path)
    before = proposal.read_bytes()
    code, out = _invoke("report", str(proposal), *CHECKLISTS, "-o", str(proposal))
    assert code == 2
    assert f"{proposal}: is an input of this run ({proposal}); expected another name" in out
    assert "rendering" not in out
    assert proposal.read_bytes() == before


def test_every_output_option_refuses_an_input(tmp_path: Path) -> None:
    proposal = _copy(tmp_path)
    checklist = DATA / "checklists" / "mini" / "1.0.0.yaml"
    review = tmp_path / "review.yaml"
    review.write_text("kind: review\n", encoding="utf-8")
    through_link = tmp_path / "link.yaml"
    through_link.symlink_to(proposal)
    cases = [
        ["report", str(proposal), *CHECKLISTS, "--html", str(proposal)],
        ["report", str(proposal), *CHECKLISTS, "--review", str(review), "-o", str(review)],
        ["report", str(proposal), "--checklist", str(checklist), "-o", str(checklist)],
        ["graph", str(proposal), *CHECKLISTS, "-o", str(through_link)],
        ["review", "init", str(proposal), *CHECKLISTS, "-o", str(proposal), "--force"],
        ["migrate", str(proposal), *CHECKLISTS, "-o", str(proposal), "--force"],
    ]
    for args in cases:
        code, out = _invoke(*args)
        assert code == 2, (args, out)
        assert "is an input of this run" in out, (args, out)
    assert proposal.read_bytes() == PROPOSAL.read_bytes()
    assert checklist.is_file()


def test_sign_refuses_to_write_over_the_report_or_the_key(tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    key = tmp_path / "k.p12"
    key.write_bytes(b"key")
    password = tmp_path / "pw"
    password.write_text("x\n", encoding="utf-8")
    for target in (pdf, key, password):
        code, out = _invoke("sign", str(pdf), "--key", str(key), "--password-file",
                            str(password), "-o", str(target))
        assert code == 2, out
        assert f"{target}: is an input of this run" in out
    assert key.read_bytes() == b"key"
    assert pdf.read_bytes() == b"%PDF-1.7\n"


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A private copy of /dev/null (minor 3) or /dev/full (minor 7): a test that failed would
    replace it, never the system's. Making one needs root (CAP_MKNOD); without it the system's
    own device is used, which a process that is not root cannot replace."""
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except PermissionError:
        if os.geteuid() == 0:
            raise
        return Path("/dev") / name
    return node


def test_a_device_is_written_to_and_never_replaced(tmp_path: Path) -> None:
    null = _device(tmp_path, "null", 3)
    code, out = _invoke("graph", str(PROPOSAL), *CHECKLISTS, "--format", "dot", "-o", str(null))
    assert code == 0, out
    assert stat.S_ISCHR(os.stat(null).st_mode)
    assert not any(p.name.startswith(".null.") for p in null.parent.iterdir())


def test_a_full_device_is_one_message(tmp_path: Path) -> None:
    full = _device(tmp_path, "full", 7)
    code, out = _invoke("graph", str(PROPOSAL), *CHECKLISTS, "--format", "dot", "-o", str(full))
    assert code == 2
    assert f"{full}: cannot write (No space left on device)" in out
    assert stat.S_ISCHR(os.stat(full).st_mode)


def test_a_named_pipe_is_written_as_a_stream(tmp_path: Path) -> None:
    pipe = tmp_path / "out.dot"
    os.mkfifo(pipe)
    reader = subprocess.Popen(["cat", str(pipe)], stdout=subprocess.PIPE)
    try:
        code, out = _invoke("graph", str(PROPOSAL), *CHECKLISTS, "--format", "dot", "-o",
                            str(pipe))
        got, _ = reader.communicate(timeout=30)
    finally:  # a pipe replaced by a file would leave the reader waiting for ever
        reader.kill()
        reader.wait()
    assert code == 0, out
    assert got.startswith(b"digraph")
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_an_unwritable_folder_is_one_message(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    """As root a folder's mode does not stop a write, so the refusal is the system's own (/sys)
    where it can be, else simulated where the temporary file is made."""
    folder = Path("/sys")
    if os.access(folder, os.W_OK) and os.geteuid() != 0:  # pragma: no cover - unusual system
        folder = tmp_path
    real = files.tempfile.mkstemp

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        if Path(str(kwargs.get("dir"))) == folder:
            raise PermissionError(13, "Permission denied")
        return real(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    code, out = _invoke("graph", str(PROPOSAL), *CHECKLISTS, "--format", "dot", "-o",
                        str(folder / "out.dot"))
    assert code == 2
    assert f"{folder}/out.dot: cannot write in folder {folder} (" in out
    assert "expected a folder you may write to" in out


def test_a_pair_is_written_whole_or_not_at_all(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    pdf, html = tmp_path / "r.pdf", tmp_path / "r.html"
    real = files.os.replace

    def fail_html(src: str, dst: str | Path) -> None:
        if Path(dst) == html:
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(files.os, "replace", fail_html)
    code, out = _invoke("report", str(PROPOSAL), *CHECKLISTS, "-o", str(pdf), "--html",
                        str(html))
    assert code == 2, out
    assert f"{html}: cannot write (No space left on device)" in out
    assert not pdf.exists() and not html.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_killed_runs_temporary_file_is_cleaned_up_by_the_next_run(tmp_path: Path) -> None:
    """A run killed between writing its temporary file and renaming it leaves `.NAME.PID.*.tmp`;
    the next run writing NAME removes it if PID is gone, and leaves a live run's alone."""
    out = tmp_path / "flows.dot"
    killed = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                            capture_output=True, text=True, check=True).stdout.strip()
    stale = tmp_path / f".flows.dot.{killed}.abcd.tmp"
    stale.write_text("half", encoding="utf-8")
    live = tmp_path / f".flows.dot.{os.getppid()}.efgh.tmp"
    live.write_text("in progress", encoding="utf-8")
    code, text = _invoke("graph", str(PROPOSAL), *CHECKLISTS, "--format", "dot", "-o", str(out))
    assert code == 0, text
    assert out.read_text(encoding="utf-8").startswith("digraph")
    assert not stale.exists()
    assert live.exists()


def test_a_folder_as_output_is_refused(tmp_path: Path) -> None:
    code, out = _invoke("graph", str(PROPOSAL), *CHECKLISTS, "--format", "dot", "-o",
                        str(tmp_path))
    assert code == 2
    assert f"{tmp_path}: is a folder; expected a file name" in out


def test_a_named_pipe_nobody_reads_is_refused_not_waited_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by an adversarial pass: `-o FIFO` with no reader blocked for ever."""
    from assess.core import files

    monkeypatch.setattr(files, "PIPE_WAIT", 0.2)
    pipe = tmp_path / "out.pdf"
    os.mkfifo(pipe)
    code, out = _invoke("graph", str(PROPOSAL), *CHECKLISTS, "--format", "dot", "-o", str(pipe))
    assert code == 2
    assert (f"error: {pipe}: no process opened this named pipe for reading within 0.2 s; start "
            "the reader first, or write to a file") in out.replace("\n", " ")
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_migrate_refuses_to_write_over_a_checklist_it_reads(tmp_path: Path) -> None:
    """Found by an adversarial pass: `migrate -o CHECKLIST --force` replaced the checklist."""
    import shutil

    shelf = tmp_path / "cl"
    shutil.copytree(Path(__file__).parent.parent / "assess" / "data" / "checklists", shelf)
    target = shelf / "vn-third-party-channel" / "1.1.0.yaml"
    before = target.read_bytes()
    code, out = _invoke("migrate", "examples/bac-ninh-zalo-notifications.yaml", "--checklists",
                        str(shelf), "--to", "vn-third-party-channel@1.1.0", "-o", str(target),
                        "--force")
    assert code == 2, out
    assert f"error: {target}: is an input of this run" in out, out
    assert target.read_bytes() == before

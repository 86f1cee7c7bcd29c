"""Reading inputs (issue 12, class 1): only regular files are read, never past a limit, and every
other kind of path is one located message with exit status 2, never a traceback or a hang.

Each case goes through a real command: `validate` for YAML, `verify` and `sign` for the PDF,
the key, the password file and the trust roots."""

from __future__ import annotations

import errno
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assess.cli import app
from assess.core import files

Case = tuple[str, str]


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "s.yaml"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    yield path
    sock.close()


def _loop(tmp_path: Path) -> Path:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    return tmp_path / "a.yaml"


def _through_file(tmp_path: Path) -> Path:
    (tmp_path / "plain.yaml").write_text("kind: proposal\n", encoding="utf-8")
    return tmp_path / "plain.yaml" / "x.yaml"


def _too_long(tmp_path: Path) -> Path:
    return tmp_path / ("x" * 300 + ".yaml")


def test_a_symlink_loop_is_refused(tmp_path: Path) -> None:
    code, out = _invoke("validate", str(_loop(tmp_path)))
    assert code == 2
    assert "a.yaml: is a symbolic link that loops (or too many links deep); expected a file" in out


def test_a_path_through_a_regular_file_is_refused(tmp_path: Path) -> None:
    code, out = _invoke("validate", str(_through_file(tmp_path)))
    assert code == 2
    assert ("x.yaml: part of the path is a file, not a folder; expected the path of a file"
            in out)


def test_a_name_too_long_is_refused(tmp_path: Path) -> None:
    code, out = _invoke("validate", str(_too_long(tmp_path)))
    assert code == 2
    assert "the name is too long for this system; expected a shorter path" in out


def test_a_fifo_is_refused_without_waiting_for_a_writer(fifo: Path) -> None:
    code, out = _invoke("validate", str(fifo))
    assert code == 2
    assert "pipe.yaml: is a named pipe (FIFO); expected a regular file" in out


def test_a_socket_is_refused(unix_socket: Path) -> None:
    code, out = _invoke("validate", str(unix_socket))
    assert code == 2
    assert "s.yaml: is a socket or a device without a reader; expected a regular file" in out


def test_dev_zero_is_refused_by_every_reader(tmp_path: Path) -> None:
    """Read without limit by validate, sign and verify before: a device is not a file."""
    expected = "/dev/zero: is a device; expected a regular file"
    for args in (["validate", "/dev/zero"], ["verify", "/dev/zero"],
                 ["verify", "/dev/zero", "--trust", "/dev/zero"]):
        code, out = _invoke(*args)
        assert code == 2, (args, out)
        assert expected in out, (args, out)


def test_proc_self_mem_is_refused(tmp_path: Path) -> None:
    """A regular file to `stat`, of size 0, that cannot be read from its start."""
    code, out = _invoke("validate", "/proc/self/mem")
    assert code == 2
    assert "/proc/self/mem: cannot read it (Input/output error)" in out


def test_an_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root a mode of 000 still reads, so the refusal is simulated at the open."""
    path = tmp_path / "p.yaml"
    path.write_text("kind: proposal\n", encoding="utf-8")
    real_open = os.open

    def refuse(p: str | os.PathLike[str], *args: int) -> int:
        if Path(p) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(p))
        return real_open(p, *args)

    monkeypatch.setattr(files.os, "open", refuse)
    code, out = _invoke("validate", str(path))
    assert code == 2
    assert "p.yaml: permission denied; expected a file you may read" in out


def test_the_limit_holds_while_reading(tmp_path: Path) -> None:
    """A file whose size `stat` does not tell (/proc, one still growing) is cut at the limit."""
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * 2000)
    with pytest.raises(files.InputError) as caught:
        files.read_regular(Path("/proc/self/maps"), 10)
    assert "file is over 10 bytes; expected at most 10 bytes" in caught.value.messages()[0]
    with pytest.raises(files.InputError) as caught:
        files.read_regular(path, 1000)
    assert "file is 2,000 bytes; expected at most 1,000 bytes" in caught.value.messages()[0]
    assert files.read_regular(path, 2000) == b"#" * 2000


def test_sign_refuses_a_device_as_key_or_password(tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    password = tmp_path / "pw"
    password.write_text("secret\n", encoding="utf-8")
    for args in (["sign", str(pdf), "--key", "/dev/zero", "--password-file", str(password)],
                 ["sign", str(pdf), "--key", str(pdf), "--password-file", "/dev/zero"]):
        code, out = _invoke(*args)
        assert code == 2, (args, out)
        assert "/dev/zero: is a device; expected a regular file" in out, (args, out)

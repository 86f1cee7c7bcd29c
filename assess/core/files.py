"""Reading inputs and writing outputs: only regular files are read, never past a limit, and a
failed run never leaves a partial file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from assess.core.errors import InputError, OutputError
from assess.core.i18n.messages import Msg, msg, plain

MAX_PDF_BYTES = 64 * 1024 * 1024
"""The largest report PDF sign and verify read: far above any report the limits allow."""
MAX_KEY_BYTES = 1024 * 1024
"""The largest key, certificate or password file read."""
_CHUNK = 1 << 20
_REFUSED = {
    errno.ENOENT: "files.no_such_file",
    errno.EISDIR: "files.is_folder",
    errno.ELOOP: "files.link_loop",
    errno.ENOTDIR: "files.path_not_folder",
    errno.ENAMETOOLONG: "files.name_too_long",
    errno.EACCES: "files.permission_denied",
    errno.EPERM: "files.permission_denied",
    errno.ENXIO: "files.no_reader",
}
"""Why a path cannot be opened, for the errors a user can cause (any other says its own)."""


def _not_regular(mode: int) -> Msg:
    kind = ("folder" if stat.S_ISDIR(mode) else "fifo" if stat.S_ISFIFO(mode)
            else "socket" if stat.S_ISSOCK(mode) else "device" if (
                stat.S_ISCHR(mode) or stat.S_ISBLK(mode)) else "other")
    return msg(f"files.not_regular.{kind}")


def _os_words(exc: OSError) -> Msg:
    """The system's own words for `exc` (the same in both languages: the system chose them)."""
    return plain(str(exc.strerror or exc))


def _why(exc: OSError) -> Msg:
    key = _REFUSED.get(exc.errno or 0)
    return msg(key) if key else msg("files.cannot_read", why=_os_words(exc))


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of a regular file, at most `limit` of them; anything else is an InputError
    naming the file and saying what to give instead.

    Opened without blocking (a FIFO with no writer would hang) and checked on the open file
    (a path swapped after a check cannot slip a device in); the limit is enforced while
    reading, since a size from `stat` says nothing of /proc or a file still growing."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError.single(name, _why(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError.single(name, _not_regular(info.st_mode))
        if info.st_size > limit:
            raise InputError.single(name, msg("files.too_large", size=info.st_size, limit=limit))
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, min(_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise InputError.single(name, msg("files.over_limit", limit=limit))
    except OSError as exc:
        raise InputError.single(name, _why(exc)) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def refuse_inputs(outputs: Iterable[Path | str | None],
                  inputs: Iterable[Path | str | None]) -> None:
    """Refuse, before any work, an output that names one of the run's inputs: `report -o
    proposal.yaml` must not destroy the proposal it reads."""
    given = [Path(i) for i in inputs if i is not None and str(i) != "-"]
    for out in outputs:
        if out is None:
            continue
        for i in given:
            if _same(Path(out), i):
                raise OutputError(msg("files.output_is_input", output=str(out), input=str(i)))


PDF = (b"%PDF-",)
"""What a PDF output may replace: an earlier PDF (a report rendered again, a signature redone)."""
HTML = (b"<!DOCTYPE html", b"<!doctype html", b"<html")
"""What an HTML output may replace: an earlier HTML page."""


def refuse_replacing(target: Path | str | None, kinds: tuple[bytes, ...],
                     what: tuple[str, str]) -> None:
    """Refuse, before any work, to replace an existing file that is not an output of the same
    kind: `report -o ho-so.yaml` or `sign -o phieu.xlsx` must not turn someone's file into a
    PDF. A device, a pipe or a missing file is fine; an earlier PDF is replaced as before."""
    if target is None or str(target) == "-":
        return
    path = Path(target)
    try:
        if not path.is_file():
            return
        with path.open("rb") as f:
            head = f.read(16).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return  # the write itself says why it cannot
    if not head.startswith(kinds):
        raise OutputError(msg("files.not_replaced", target=str(path), what=what))


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where they would be
        return a.resolve(strict=False) == b.resolve(strict=False)


def _stream(target: Path, mode: int) -> bool:
    """True for an existing output that is written to, never replaced: a device (/dev/null,
    /dev/stdout) or a named pipe. A folder or a socket is refused."""
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISBLK(mode):
        return True
    if stat.S_ISDIR(mode):
        raise OutputError(msg("files.output_folder", target=str(target)))
    if stat.S_ISSOCK(mode):
        raise OutputError(msg("files.output_socket", target=str(target)))
    return False


PIPE_WAIT = 5.0
"""Seconds to wait for a process to open a named pipe for reading before refusing it."""


def _open_stream(target: Path) -> int:
    """A device or pipe opened for writing. A named pipe nobody reads would block the open
    forever: it is tried without blocking until a reader comes, for PIPE_WAIT seconds."""
    deadline = time.monotonic() + PIPE_WAIT
    while True:
        try:
            return os.open(target, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO:
                raise OutputError(msg("files.cannot_write", target=str(target),
                                      why=_os_words(exc))) from None
            if time.monotonic() > deadline:
                raise OutputError(msg("files.pipe_no_reader", target=str(target),
                                      seconds=PIPE_WAIT)) from None
            time.sleep(0.02)


def _write_stream(target: Path, data: bytes) -> None:
    fd = _open_stream(target)
    try:
        os.set_blocking(fd, True)
        with open(fd, "wb", closefd=True) as fh:
            fh.write(data)
    except OSError as exc:
        raise OutputError(msg("files.cannot_write", target=str(target),
                              why=_os_words(exc))) from None


_TMP = ".tmp"


def _temp_prefix(target: Path) -> str:
    """Temporary files carry the writer's process id, so a later run can tell its own
    leftovers (a process killed between writing and renaming) from another run's in progress."""
    return f".{target.name}.{os.getpid()}."


def _clean_stale(parent: Path, target: Path) -> None:
    """Remove the temporary files of `target` that a killed run of ours left behind."""
    head = f".{target.name}."
    uid = os.getuid() if hasattr(os, "getuid") else None
    with contextlib.suppress(OSError):
        for entry in os.scandir(parent):
            name = entry.name
            if not (name.startswith(head) and name.endswith(_TMP)):
                continue
            pid = name[len(head):].split(".", 1)[0]
            if not pid.isdigit() or _alive(int(pid)):
                continue
            with contextlib.suppress(OSError):
                if uid is None or entry.stat(follow_symlinks=False).st_uid == uid:
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours, from before: this process writes one temporary file at a time
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stage(target: Path, data: bytes, overwrite: bool) -> str | None:
    """Write `data` to a temporary file beside `target` and return its path, or write it
    straight to a device or pipe and return None."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OutputError(msg("files.cannot_write", target=str(target),
                              why=_os_words(exc))) from None
    if mode is not None and _stream(target, mode):
        _write_stream(target, data)
        return None
    if mode is not None and not overwrite:
        raise OutputError(msg("files.exists", target=str(target)))
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(msg("files.no_folder", target=str(target), folder=str(parent)))
    _clean_stale(parent, target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=_TMP, dir=parent)
    except OSError as exc:
        raise OutputError(msg("files.cannot_write_in", target=str(target), folder=str(parent),
                              why=_os_words(exc))) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(msg("files.cannot_write", target=str(target),
                              why=_os_words(exc))) from None
    return tmp


def write_atomic(path: Path | str, content: bytes | str, *, overwrite: bool = True) -> Path:
    """Write to a temporary file beside `path`, then rename it into place; a device or a named
    pipe (`-o /dev/stdout`) is written to as a stream, never replaced by a file."""
    return write_all_atomic([(Path(path), content)], overwrite=overwrite)[0]


def write_all_atomic(items: Sequence[tuple[Path, bytes | str]], *, overwrite: bool = True
                     ) -> list[Path]:
    """Write several outputs of one run, all or none: every temporary file is written before any
    is renamed into place, so a failure leaves no half of a pair (a PDF without its HTML)."""
    staged: list[tuple[str, Path]] = []
    placed: list[Path] = []
    try:
        for target, content in items:
            data = content.encode("utf-8") if isinstance(content, str) else content
            tmp = _stage(target, data, overwrite)
            if tmp is not None:
                staged.append((tmp, target))
        for tmp, target in staged:
            try:
                os.replace(tmp, target)
            except OSError as exc:
                for done in placed:  # all or none
                    with contextlib.suppress(OSError):
                        os.unlink(done)
                raise OutputError(msg("files.cannot_write", target=str(target),
                                      why=_os_words(exc))) from None
            placed.append(target)
    finally:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return [target for target, _ in items]

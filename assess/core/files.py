"""Reading inputs and writing outputs: only regular files are read, never past a limit, and a
failed run never leaves a partial file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from assess.core.errors import InputError, OutputError

MAX_PDF_BYTES = 64 * 1024 * 1024
"""The largest report PDF sign and verify read: far above any report the limits allow."""
MAX_KEY_BYTES = 1024 * 1024
"""The largest key, certificate or password file read."""
_CHUNK = 1 << 20
_REFUSED = {
    errno.ENOENT: "no such file",
    errno.EISDIR: "is a folder; expected a file",
    errno.ELOOP: "is a symbolic link that loops (or too many links deep); expected a file",
    errno.ENOTDIR: "part of the path is a file, not a folder; expected the path of a file",
    errno.ENAMETOOLONG: "the name is too long for this system; expected a shorter path",
    errno.EACCES: "permission denied; expected a file you may read",
    errno.EPERM: "permission denied; expected a file you may read",
    errno.ENXIO: "is a socket or a device without a reader; expected a regular file",
}
"""Why a path cannot be opened, for the errors a user can cause (any other says its own)."""


def _not_regular(mode: int) -> str:
    kind = ("a folder" if stat.S_ISDIR(mode) else "a named pipe (FIFO)" if stat.S_ISFIFO(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "a device" if (
                stat.S_ISCHR(mode) or stat.S_ISBLK(mode)) else "not a regular file")
    return f"is {kind}; expected a regular file"


def _why(exc: OSError) -> str:
    return _REFUSED.get(exc.errno or 0) or f"cannot read it ({exc.strerror or exc})"


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
            raise InputError.single(
                name, f"file is {info.st_size:,} bytes; expected at most {limit:,} bytes")
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, min(_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise InputError.single(
                    name, f"file is over {limit:,} bytes; expected at most {limit:,} bytes")
    except OSError as exc:
        raise InputError.single(name, _why(exc)) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def write_atomic(path: Path | str, content: bytes | str, *, overwrite: bool = True) -> Path:
    """Write to a temporary file beside `path`, then rename it into place."""
    target = Path(path)
    if not overwrite and target.exists():
        raise OutputError(f"{target}: already exists; choose another name or use --force")
    data = content.encode("utf-8") if isinstance(content, str) else content
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{target}: folder {parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"{target}: cannot write ({exc.strerror})") from None
    return target

"""Writing outputs atomically: a failed run never leaves a partial file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from assess.core.errors import OutputError


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

"""Consistent snapshots: SQLite's online backup API, `pg_dump` / `pg_restore` for PostgreSQL.

A restore goes only into an empty database, so it can never mix two histories; afterwards the
event chain is verified by the caller (`assess workspace restore` does).
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from assess.core.errors import AssessError
from assess.core.i18n.messages import msg, plain
from assess.workspace.storage.database import Database, is_empty

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(AssessError):
    """Why a backup or restore cannot be made (a message for the user, no traceback)."""


def postgres_tool(name: str) -> str:
    """`pg_dump` or `pg_restore`: on PATH, else Debian's versioned folder (newest first)."""
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(
            Path(p).parent.name) if Path(p).parent.name.isdigit() else 0, reverse=True):
        if os.access(os.path.join(folder, name), os.X_OK):
            return os.path.join(folder, name)
    raise BackupError(msg("workspace.backup.no_tool", tool=name))


def libpq_url(url: str) -> str:
    """The SQLAlchemy URL as libpq reads it (no '+psycopg' driver suffix)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def sqlite_file(db: Database) -> str:
    path = make_url(db.url).database
    if not path:
        raise BackupError(msg("workspace.backup.memory"))
    return path


def _staged(target: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(fd)
    return Path(name)


def backup(db: Database, target: Path) -> Path:
    """Write a snapshot of `db` to `target`, atomically (nothing partial on failure)."""
    staged = _staged(target)
    try:
        if db.sqlite:
            src = sqlite3.connect(sqlite_file(db))
            dst = sqlite3.connect(staged)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
        else:
            run = subprocess.run([postgres_tool("pg_dump"), "--format=custom", "--no-owner",
                                  f"--file={staged}", f"--dbname={libpq_url(db.url)}"],
                                 capture_output=True, text=True, check=False)
            if run.returncode:
                raise BackupError(msg("workspace.backup.tool_failed", tool="pg_dump",
                                           why=plain(run.stderr.strip()[:500])))
        os.replace(staged, target)
    finally:
        staged.unlink(missing_ok=True)
    return target


def restore(db: Database, source: Path) -> None:
    """Load a snapshot made by `backup` into `db`, which must be empty."""
    head = source.read_bytes()[:16]
    if not is_empty(db):
        raise BackupError(msg("workspace.backup.not_empty"))
    if db.sqlite:
        if not head.startswith(SQLITE_MAGIC):
            raise BackupError(msg("workspace.backup.not_backup", file=str(source), kind="SQLite"))
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(sqlite_file(db))
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        return
    if not head.startswith(PG_MAGIC):
        raise BackupError(msg("workspace.backup.not_backup", file=str(source), kind="pg_dump"))
    run = subprocess.run([postgres_tool("pg_restore"), "--no-owner", "--exit-on-error",
                          f"--dbname={libpq_url(db.url)}", str(source)],
                         capture_output=True, text=True, check=False)
    if run.returncode:
        raise BackupError(msg("workspace.backup.tool_failed", tool="pg_restore",
                                       why=plain(run.stderr.strip()[:500])))


__all__ = ["BackupError", "backup", "libpq_url", "postgres_tool", "restore"]

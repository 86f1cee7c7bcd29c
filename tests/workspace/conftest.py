"""Databases for the workspace tests: a throwaway PostgreSQL server and SQLite files.

The workspace must behave the same on SQLite (a single user's machine) and PostgreSQL (a shared
server), so its tests run against both. PostgreSQL is a real server started from Debian's
binaries in a temporary folder, listening only on a unix socket there: no TCP port, no shared
state with any other server on the machine, nothing left behind.
"""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

SUPERUSER = "assess"
"""The superuser role `initdb -U` creates; trust authentication lets any OS user connect as it."""

SERVER_USER = "postgres"
"""The unprivileged OS user the server runs as when the tests run as root (PostgreSQL refuses
root). Debian's postgresql package creates it."""

NOT_FOUND = "PostgreSQL binaries (initdb, pg_ctl) not found; install Debian's postgresql package"

# A unix socket's path is at most 107 bytes; the server adds "/.s.PGSQL.5432" to its folder.
SOCKET_PATH_LIMIT = 107 - len("/.s.PGSQL.5432")


def unavailable(reason: str) -> None:
    """Skip on a developer's machine, fail in CI: in CI the PostgreSQL tests must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is required in CI: {reason}", pytrace=False)
    print(f"Skipping the PostgreSQL tests: {reason}")
    pytest.skip(reason)


def postgres_bin_dir() -> Path | None:
    """The folder holding initdb and pg_ctl: from PATH, else Debian's highest installed version.

    Symbolic links on PATH are followed so that createdb and friends come from the same version.
    """
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        folder = Path(initdb).resolve().parent
        if (folder / "pg_ctl").exists():
            return folder

    def version(folder: str) -> tuple[int, ...]:
        number = Path(folder).parent.name
        return tuple(int(part) for part in re.findall(r"\d+", number))

    folders = [f for f in glob.glob("/usr/lib/postgresql/*/bin") if Path(f, "initdb").exists()]
    folders = [f for f in folders if Path(f, "pg_ctl").exists()]
    return Path(max(folders, key=version)) if folders else None


def as_server_user() -> list[str]:
    """The command prefix that runs the server's binaries as an unprivileged user when we are root."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        unavailable(f"running as root and there is no unprivileged {SERVER_USER!r} user to run the server")
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", SERVER_USER, "--"]
    unavailable("running as root and runuser is missing to run the server as an unprivileged user")
    return []  # pragma: no cover - unavailable() never returns


def chown_tree(root: Path, user: str) -> None:
    """Hand the folder to the server's user: initdb and the server write in it."""
    shutil.chown(root, user, user)
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            shutil.chown(Path(folder, name), user, user)


@dataclass(frozen=True)
class PostgresServer:
    """A running throwaway server: where its socket is, who to connect as, and fresh databases."""

    socket_dir: Path
    user: str
    bin_dir: Path

    def url(self, database: str) -> str:
        """The SQLAlchemy URL for psycopg 3 over the unix socket."""
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.socket_dir}"

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        """An autocommit connection to the `postgres` database: CREATE/DROP DATABASE need one."""
        return psycopg.connect(host=str(self.socket_dir), user=self.user, dbname="postgres", autocommit=True)

    def create_database(self, name: str | None = None) -> str:
        """Create an empty database with a unique name (unless given) and return its name."""
        name = name or f"assess_test_{uuid.uuid4().hex[:12]}"
        with self.admin() as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return name

    def drop_database(self, name: str) -> None:
        """Drop the database, ending any connection a test left open."""
        with self.admin() as connection:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            connection.execute(drop)


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a server binary, keeping its output for the error message if it fails."""
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole session (starting one takes about a second); each test
    gets its own database on it (`postgres_url`)."""
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        unavailable(NOT_FOUND)
        return
    prefix = as_server_user()

    tmp = Path(tempfile.mkdtemp(prefix="assess-pg-"))
    if len(str(tmp / "sock")) > SOCKET_PATH_LIMIT:  # a long TMPDIR: fall back to /tmp
        shutil.rmtree(tmp)
        tmp = Path(tempfile.mkdtemp(prefix="assess-pg-", dir="/tmp"))
    data, sock, log = tmp / "data", tmp / "sock", tmp / "log"
    sock.mkdir()
    tmp.chmod(0o755)
    sock.chmod(0o755)
    if prefix:
        chown_tree(tmp, SERVER_USER)

    initdb = [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust"]
    initdb += ["-E", "UTF8"]
    pg_ctl = [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data)]
    started = False
    try:
        # --no-sync: the data are thrown away, so initdb need not wait for the disk.
        done = run([*initdb, "--locale=C.UTF-8", "--no-sync"], cwd=tmp)
        if done.returncode != 0:
            shutil.rmtree(data, ignore_errors=True)
            done = run([*initdb, "--no-locale", "--no-sync"], cwd=tmp)
        if done.returncode != 0:
            pytest.fail(f"initdb failed:\n{done.stdout}\n{done.stderr}", pytrace=False)

        # Only the private socket (no TCP); no waiting for the disk, as the data are thrown away.
        options = f"-k {sock} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
        options += " -c full_page_writes=off"
        done = run([*pg_ctl, "-o", options, "-w", "-l", str(log), "start"], cwd=tmp)
        if done.returncode != 0:
            server_log = log.read_text(errors="replace") if log.exists() else ""
            pytest.fail(f"pg_ctl start failed:\n{done.stdout}\n{done.stderr}\n{server_log}", pytrace=False)
        started = True
        yield PostgresServer(socket_dir=sock, user=SUPERUSER, bin_dir=bin_dir)
    finally:
        if started:
            run([*pg_ctl, "-m", "fast", "-w", "stop"], cwd=tmp)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    name = postgres_server.create_database()
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.drop_database(name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite database file for one test, in its temporary folder."""
    return f"sqlite:///{tmp_path}/workspace.db"


@pytest.fixture(params=["sqlite", "postgresql"], ids=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each test that takes it runs once on SQLite and once on PostgreSQL."""
    fixture = {"sqlite": "sqlite_url", "postgresql": "postgres_url"}[request.param]
    url: str = request.getfixturevalue(fixture)
    return url

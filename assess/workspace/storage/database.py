"""Opening the workspace's database: an SQLite file by default, PostgreSQL by URL; migrations.

SQLite serves one process; its writes are made `BEGIN IMMEDIATE` so two requests that both read
the chain head cannot both write after it (the second waits instead of failing half-way); its
reads are plain (deferred) transactions, which WAL lets run beside a write.
PostgreSQL serves several stateless processes; the chain head's row lock orders their events.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_FILE = "assess-workspace.db"
ENV_URL = "ASSESS_DATABASE_URL"
MIGRATIONS = "assess.workspace.storage:migrations"
WRITE = "assess_write"
"""The execution option `transaction()` sets: on SQLite, its BEGIN takes the write lock."""


def default_url(folder: Path | None = None) -> str:
    """`ASSESS_DATABASE_URL`, else an SQLite file in `folder` (the current folder)."""
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        return url
    return f"sqlite:///{(folder or Path.cwd()) / DEFAULT_FILE}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # let SQLAlchemy's "begin" below open transactions
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # A write takes the lock at its start; a read (WAL) neither waits for nor blocks one.
        write = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


@dataclass
class Database:
    """An engine and its sessions; `transaction()` is the only way the services write."""

    url: str
    engine: Engine
    maker: sessionmaker[Session]
    _shared: ContextVar[Session | None] = field(
        default_factory=lambda: ContextVar("assess_read_session", default=None), repr=False)

    @property
    def sqlite(self) -> bool:
        return is_sqlite(self.url)

    def sessions(self) -> AbstractContextManager[Session]:
        """A session to read with: the request's own inside `reading()`, else a new one."""
        shared = self._shared.get()
        return nullcontext(shared) if shared is not None else self.maker()

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Every read inside shares one session: a page's dozen service calls check out one
        connection and see one snapshot, instead of a session (and on PostgreSQL a pool
        round trip) each. Writes still get their own transaction (below)."""
        session = self.maker()
        token = self._shared.set(session)
        try:
            yield
        finally:
            self._shared.reset(token)
            session.close()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: the change and the event recording it commit together or not at all."""
        shared = self._shared.get()
        if shared is not None:
            # The request's read session gives its connection back first: holding one while
            # waiting for another deadlocks a full pool; and its next read sees this write.
            shared.commit()
        with self.maker() as session, session.begin():
            session.connection(execution_options={WRITE: True})  # SQLite: BEGIN IMMEDIATE
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None, *, migrate: bool = True) -> Database:
    """Connect (creating an SQLite file if needed) and bring the schema up to date."""
    url = url or default_url()
    if is_sqlite(url):
        # As many connections as page threads (40), so reads do not queue for one.
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10},
                               pool_size=10, max_overflow=30)
        _sqlite_pragmas(engine)
    else:
        # A thread pool (40 threads) serves pages, each holding one read connection while it
        # runs: enough that pages do not queue for one, and two processes stay under
        # PostgreSQL's default of 100 connections.
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=35)
    db = Database(url, engine, sessionmaker(engine, expire_on_commit=False))
    if migrate:
        upgrade(db)
    return db


def alembic_config(db: Database) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    cfg.attributes["engine"] = db.engine
    return cfg


def upgrade(db: Database, revision: str = "head") -> None:
    """Apply the migrations the database does not have yet (Alembic; batch mode on SQLite)."""
    from alembic import command

    command.upgrade(alembic_config(db), revision)


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(db: Database) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(db)).get_current_head()


def is_empty(db: Database) -> bool:
    return not inspect(db.engine).get_table_names()


__all__ = ["DEFAULT_FILE", "ENV_URL", "Database", "current_revision", "default_url", "head_revision",
           "is_empty", "is_sqlite", "open_database", "upgrade"]

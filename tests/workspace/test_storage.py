"""The workspace's storage on SQLite and on a real PostgreSQL: migrations, append-only tables
enforced by the database, the hash chain (and what breaks it), backup and restore."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from assess.workspace.storage import backup as snapshots
from assess.workspace.storage import blobs, events
from assess.workspace.storage.database import (
    Database,
    current_revision,
    head_revision,
    open_database,
    upgrade,
)


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = open_database(database_url)
    yield database
    database.close()


def _log(db: Database, n: int) -> None:
    for i in range(n):
        with db.transaction() as s:
            events.record(s, actor_id=None, action="test.event", object_type="thing",
                          object_id=i, detail={"i": i, "text": "Bắc Ninh"})


def test_migrates_to_head_and_again_is_a_no_op(db: Database) -> None:
    assert current_revision(db) == head_revision(db) == "0004"
    open_database(db.url).close()  # a second start migrates nothing and fails nothing
    assert current_revision(db) == "0004"


def test_an_older_database_with_a_history_upgrades_and_its_chain_holds(database_url: str) -> None:
    old = open_database(database_url, migrate=False)
    try:
        upgrade(old, "0001")
        _log(old, 3)
        upgrade(old)
        assert current_revision(old) == head_revision(old)
        with old.sessions() as s:
            assert events.verify(s).events == 3
        _log(old, 1)
        with old.sessions() as s:
            assert events.verify(s).ok
    finally:
        old.close()


def test_chain_verifies_and_finds_each_kind_of_tampering(db: Database) -> None:
    _log(db, 5)
    with db.sessions() as s:
        check = events.verify(s)
    assert check.ok and check.events == 5
    # Tampering needs the append-only trigger out of the way, as an attacker at the SQL prompt
    # with the owner's rights would do; verify must still see it.
    with db.engine.begin() as conn:
        if db.sqlite:
            conn.execute(text("DROP TRIGGER events_no_update"))
            conn.execute(text("DROP TRIGGER events_no_delete"))
        else:
            conn.execute(text("ALTER TABLE events DISABLE TRIGGER events_append_only"))
        conn.execute(text("UPDATE events SET detail = :d WHERE seq = 2"), {"d": '{"i":99}'})
        conn.execute(text("DELETE FROM events WHERE seq = 4"))
    with db.sessions() as s:
        reasons = {(b.seq, b.reason) for b in events.verify(s).breaks}
    assert (2, "hash") in reasons
    assert (5, "gap") in reasons and (5, "link") in reasons


def test_removing_the_last_events_is_found(db: Database) -> None:
    _log(db, 3)
    with db.engine.begin() as conn:
        if db.sqlite:
            conn.execute(text("DROP TRIGGER events_no_delete"))
        else:
            conn.execute(text("ALTER TABLE events DISABLE TRIGGER events_append_only"))
        conn.execute(text("DELETE FROM events WHERE seq = 3"))
    with db.sessions() as s:
        assert [b.reason for b in events.verify(s).breaks] == ["head"]


@pytest.mark.parametrize("table, change", [
    ("events", "UPDATE events SET action = 'x'"),
    ("events", "DELETE FROM events"),
    ("blobs", "UPDATE blobs SET media_type = 'x'"),
    ("blobs", "DELETE FROM blobs"),
])
def test_the_database_refuses_to_change_append_only_tables(db: Database, table: str,
                                                          change: str) -> None:
    _log(db, 1)
    with db.transaction() as s:
        blobs.put(s, b"kind: proposal\n", "application/yaml")
    with pytest.raises(DBAPIError), db.engine.begin() as conn:
        conn.execute(text(change))
    with db.sessions() as s:
        assert events.verify(s).ok


def test_blobs_are_keyed_by_sha256_and_stored_once(db: Database) -> None:
    data = "kind: proposal\ntitle: Bắc Ninh\n".encode()
    with db.transaction() as s:
        a = blobs.put(s, data, "application/yaml")
        b = blobs.put(s, data, "application/yaml")
    assert a == b == blobs.sha256(data)
    with db.sessions() as s:
        assert blobs.get(s, a) == data
        assert blobs.get(s, "0" * 64) is None


def test_concurrent_writers_keep_one_chain(db: Database) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda _: _log(db, 5), range(4)))
    with db.sessions() as s:
        check = events.verify(s)
    assert check.ok and check.events == 20


def test_backup_restores_into_an_empty_database_with_its_chain(db: Database, tmp_path: Path,
                                                              request: pytest.FixtureRequest
                                                              ) -> None:
    _log(db, 4)
    target = snapshots.backup(db, tmp_path / "snapshot.bak")
    assert not list(tmp_path.glob(".*partial"))
    server = None if db.sqlite else request.getfixturevalue("postgres_server")
    name = None if server is None else server.create_database()
    fresh = open_database(f"sqlite:///{tmp_path / 'restored.db'}" if server is None
                          else server.url(name), migrate=False)
    try:
        snapshots.restore(fresh, target)
        with fresh.sessions() as s:
            check = events.verify(s)
        assert check.ok and check.events == 4
        assert current_revision(fresh) == head_revision(fresh)
        with pytest.raises(snapshots.BackupError):  # never into a database with a history
            snapshots.restore(fresh, target)
        with pytest.raises(DBAPIError), fresh.engine.begin() as conn:  # still append-only
            conn.execute(text("DELETE FROM events"))
    finally:
        fresh.close()
        if server is not None and name is not None:
            server.drop_database(name)


def test_reads_inside_reading_share_one_session_and_see_a_write_made_meanwhile(
        db: Database) -> None:
    with db.sessions() as a, db.sessions() as b:
        assert a is not b  # outside a request every call gets its own
    with db.reading():
        with db.sessions() as a, db.sessions() as b:
            assert a is b
            before = a.scalar(text("SELECT count(*) FROM events"))
        _log(db, 1)  # a write in the same request, on its own transaction
        with db.sessions() as s:
            assert s is a and s.scalar(text("SELECT count(*) FROM events")) == before + 1
    with db.sessions() as s:
        assert s is not a


def test_a_write_inside_reading_does_not_wait_for_a_second_connection(db: Database) -> None:
    """With every connection in use, a page that read and then writes must not hold its read
    connection while it waits for another (the pool would never free one)."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker

    engine = create_engine(db.url, pool_size=1, max_overflow=0, pool_timeout=2)
    one = Database(db.url, engine, sessionmaker(engine, expire_on_commit=False))
    try:
        with one.reading():
            with one.sessions() as s:
                before = s.scalar(text("SELECT count(*) FROM events"))
            _log(one, 1)
            with one.sessions() as s:
                assert s.scalar(text("SELECT count(*) FROM events")) == before + 1
    finally:
        one.close()

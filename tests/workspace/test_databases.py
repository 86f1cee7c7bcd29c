"""The database fixtures work: both URLs connect, and PostgreSQL is a real shared server."""

from __future__ import annotations

import sqlalchemy as sa


def test_database_url_connects_and_creates_tables(database_url: str) -> None:
    """Every workspace test relies on a database it can query and change the schema of."""
    engine = sa.create_engine(database_url)
    try:
        with engine.begin() as connection:
            assert connection.execute(sa.text("select 1")).scalar_one() == 1
            connection.execute(sa.text("create table probe (id integer primary key, name text)"))
            connection.execute(sa.text("insert into probe (id, name) values (1, 'one')"))
            assert connection.execute(sa.text("select name from probe")).scalar_one() == "one"
            connection.execute(sa.text("drop table probe"))
        assert "probe" not in sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_postgres_connections_see_each_others_commits(postgres_url: str) -> None:
    """Concurrency tests need separate sessions on one server, not one connection in disguise."""
    engine = sa.create_engine(postgres_url)
    try:
        with engine.connect() as first, engine.connect() as second:
            first.execute(sa.text("create table shared (id integer primary key)"))
            first.commit()
            first.execute(sa.text("insert into shared (id) values (1)"))
            assert second.execute(sa.text("select count(*) from shared")).scalar_one() == 0
            second.rollback()
            first.commit()
            assert second.execute(sa.text("select count(*) from shared")).scalar_one() == 1
            second.execute(sa.text("insert into shared (id) values (2)"))
            second.commit()
            assert first.execute(sa.text("select id from shared order by id")).scalars().all() == [1, 2]
    finally:
        engine.dispose()

"""Alembic's environment: the engine comes from `database.alembic_config`, never from an ini file."""

from __future__ import annotations

from alembic import context

from assess.workspace.storage.schema import Base

engine = context.config.attributes["engine"]
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=engine.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()

"""The first schema: organisations, accounts, blobs, dossiers, versions, the event log.

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

APPEND_ONLY = ("blobs", "versions", "events")
GENESIS = "0" * 64


def _utc() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_organisations"))
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("organisation_id", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("erased_at", _utc(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"],
                                name="fk_users_organisation_id_organisations"))
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_blobs"))
    op.create_table(
        "dossiers",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("organisation_id", sa.String(64), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("state", sa.String(24), nullable=False),
        sa.Column("created_by", sa.Integer, nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_dossiers"),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"],
                                name="fk_dossiers_organisation_id_organisations"),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name="fk_dossiers_created_by_users"))
    op.create_index("ix_dossiers_organisation_id", "dossiers", ["organisation_id"])
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("dossier_id", sa.Integer, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("proposal_sha", sa.String(64), nullable=False),
        sa.Column("upload_sha", sa.String(64), nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("created_by", sa.Integer, nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_versions"),
        sa.UniqueConstraint("dossier_id", "number", name="uq_versions_number"),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"],
                                name="fk_versions_dossier_id_dossiers"),
        sa.ForeignKeyConstraint(["proposal_sha"], ["blobs.sha256"],
                                name="fk_versions_proposal_sha_blobs"),
        sa.ForeignKeyConstraint(["upload_sha"], ["blobs.sha256"],
                                name="fk_versions_upload_sha_blobs"),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name="fk_versions_created_by_users"))
    op.create_index("ix_versions_dossier_id", "versions", ["dossier_id"])
    op.create_table(
        "events",
        sa.Column("seq", sa.Integer, autoincrement=False, nullable=False),
        sa.Column("at", _utc(), nullable=False),
        sa.Column("actor_id", sa.Integer, nullable=True),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("object_type", sa.String(32), nullable=False),
        sa.Column("object_id", sa.String(64), nullable=False),
        sa.Column("dossier_id", sa.Integer, nullable=True),
        sa.Column("before_sha", sa.String(64), nullable=True),
        sa.Column("after_sha", sa.String(64), nullable=True),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("prev", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_events"),
        sa.UniqueConstraint("hash", name="uq_events_hash"))
    op.create_index("ix_events_dossier_id", "events", ["dossier_id"])
    chain = op.create_table(
        "chain_head",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_chain_head"))
    op.bulk_insert(chain, [{"id": 1, "seq": 0, "hash": GENESIS}])
    _append_only()


def _append_only() -> None:
    """The database itself refuses to change or remove what was written to these tables."""
    dialect = op.get_context().dialect.name
    if dialect == "postgresql":
        op.execute("CREATE FUNCTION assess_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$")
    for table in APPEND_ONLY:
        if dialect == "sqlite":
            for what in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{what.lower()} BEFORE {what} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END")
        elif dialect == "postgresql":
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION assess_append_only()")


def downgrade() -> None:
    for table in ("chain_head", "events", "versions", "dossiers", "blobs", "users", "organisations"):
        op.drop_table(table)
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS assess_append_only()")

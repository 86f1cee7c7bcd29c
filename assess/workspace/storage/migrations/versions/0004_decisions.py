"""The decision on a version, its conditions and their status updates; overrides carried to a
resubmission name the override they repeat; the cache of rendered report PDFs.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = ("decisions", "conditions", "condition_updates", "signed_reports")


def _utc() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    # A plain ADD COLUMN (no batch copy): SQLite keeps the table and its append-only triggers.
    op.add_column("overrides", sa.Column("carried_from", sa.Integer, nullable=True))
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("version_id", sa.Integer, nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("rationale", sa.Text, nullable=True),
        sa.Column("exception", sa.Boolean, nullable=False),
        sa.Column("authority", sa.Text, nullable=True),
        sa.Column("review_sha", sa.String(64), nullable=False),
        sa.Column("author_id", sa.Integer, nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_decisions"),
        sa.UniqueConstraint("version_id", name="uq_decisions_version_id"),
        sa.ForeignKeyConstraint(["version_id"], ["versions.id"],
                                name="fk_decisions_version_id_versions"),
        sa.ForeignKeyConstraint(["review_sha"], ["blobs.sha256"],
                                name="fk_decisions_review_sha_blobs"),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"], name="fk_decisions_author_id_users"))
    op.create_table(
        "conditions",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("decision_id", sa.Integer, nullable=False),
        sa.Column("ref", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("control_id", sa.String(64), nullable=True),
        sa.Column("owner", sa.String(200), nullable=True),
        sa.Column("due", sa.Date, nullable=True),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_conditions"),
        sa.UniqueConstraint("decision_id", "ref", name="uq_conditions_ref"),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"],
                                name="fk_conditions_decision_id_decisions"))
    op.create_index("ix_conditions_decision_id", "conditions", ["decision_id"])
    op.create_table(
        "condition_updates",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("condition_id", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("author_id", sa.Integer, nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_condition_updates"),
        sa.ForeignKeyConstraint(["condition_id"], ["conditions.id"],
                                name="fk_condition_updates_condition_id_conditions"),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"],
                                name="fk_condition_updates_author_id_users"))
    op.create_index("ix_condition_updates_condition_id", "condition_updates", ["condition_id"])
    op.create_table(
        "signed_reports",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("version_id", sa.Integer, nullable=False),
        sa.Column("rendered_sha", sa.String(64), nullable=False),
        sa.Column("signed_sha", sa.String(64), nullable=False),
        sa.Column("sealed_sha", sa.String(64), nullable=True),
        sa.Column("signer", sa.String(300), nullable=False),
        sa.Column("author_id", sa.Integer, nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_signed_reports"),
        sa.ForeignKeyConstraint(["version_id"], ["versions.id"],
                                name="fk_signed_reports_version_id_versions"),
        sa.ForeignKeyConstraint(["rendered_sha"], ["blobs.sha256"],
                                name="fk_signed_reports_rendered_sha_blobs"),
        sa.ForeignKeyConstraint(["signed_sha"], ["blobs.sha256"],
                                name="fk_signed_reports_signed_sha_blobs"),
        sa.ForeignKeyConstraint(["sealed_sha"], ["blobs.sha256"],
                                name="fk_signed_reports_sealed_sha_blobs"),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"],
                                name="fk_signed_reports_author_id_users"))
    op.create_index("ix_signed_reports_version_id", "signed_reports", ["version_id"])
    op.create_table(
        "renders",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("version_id", sa.Integer, nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("pdf_sha", sa.String(64), nullable=True),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("requested_at", _utc(), nullable=False),
        sa.Column("done_at", _utc(), nullable=True),
        sa.PrimaryKeyConstraint("key", name="pk_renders"),
        sa.ForeignKeyConstraint(["version_id"], ["versions.id"],
                                name="fk_renders_version_id_versions"),
        sa.ForeignKeyConstraint(["pdf_sha"], ["blobs.sha256"], name="fk_renders_pdf_sha_blobs"))
    op.create_index("ix_renders_version_id", "renders", ["version_id"])
    dialect = op.get_context().dialect.name
    for table in TABLES:  # append-only, as the review's other tables
        if dialect == "sqlite":
            for what in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{what.lower()} BEFORE {what} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END")
        elif dialect == "postgresql":
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION assess_append_only()")


def downgrade() -> None:
    op.drop_table("renders")
    for table in reversed(TABLES):
        op.drop_table(table)
    with op.batch_alter_table("overrides") as batch:
        batch.drop_column("carried_from")

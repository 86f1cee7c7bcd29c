"""The workspace's tables (SQLAlchemy 2 declarative), the single description Alembic migrates to.

Three tables are append-only — blobs, versions and events — and the database itself refuses an
UPDATE or DELETE of them (triggers created by the migrations), so a submitted version cannot be
changed by a bug, a script or a hand at the SQL prompt any more than by the application.
Personal data of an account lives only in `users`: events name an account by its number, so
erasing a person (`accounts.erase`) rewrites one row and leaves the chain intact.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {"ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
          "ck": "ck_%(table_name)s_%(constraint_name)s",
          "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
          "pk": "pk_%(table_name)s"}
"""Constraint names fixed in advance: Alembic's batch mode on SQLite can only alter what it can
name."""

APPEND_ONLY = ("blobs", "versions", "events", "comments", "overrides", "decisions", "conditions",
               "condition_updates", "signed_reports")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UTC(DateTime):
    """A moment, always stored in UTC (timezone-aware on the way in and out)."""

    cache_ok = True

    def __init__(self) -> None:
        super().__init__(timezone=True)


class Organisation(Base):
    """A province (its submitters see only its dossiers) or the ministry's body."""

    __tablename__ = "organisations"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    """'province' or 'ministry'."""
    created_at: Mapped[dt.datetime] = mapped_column(UTC())


class User(Base):
    """An account. The only table holding personal data (username, name)."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id"))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTC())
    erased_at: Mapped[dt.datetime | None] = mapped_column(UTC(), nullable=True)


class Blob(Base):
    """A document's exact bytes, addressed by their SHA-256 (the hash a review pins)."""

    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(100))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(UTC())


class Dossier(Base):
    """One proposal's life: its versions, reviews and decision. `state` moves only together with
    the event that records the move, in the same transaction."""

    __tablename__ = "dossiers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    state: Mapped[str] = mapped_column(String(24))
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTC())


class Version(Base):
    """One uploaded proposal of a dossier; never changed once written (a resubmission is a new
    version)."""

    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("dossier_id", "number", name="uq_versions_number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    proposal_sha: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    """The proposal YAML, exactly the bytes `assess` reads from a file."""
    upload_sha: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    """What was uploaded: the same YAML, or the questionnaire workbook it was read from."""
    filename: Mapped[str] = mapped_column(String(255))
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTC())


class Comment(Base):
    """A note on a version, on one control or on the whole (control None); by either side."""

    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    control_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTC())


class OverrideNote(Base):
    """A reviewer's status for one control of a version, with the reason. The latest for a
    control is the one that counts; earlier ones stay, as the record of the review."""

    __tablename__ = "overrides"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    control_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    rationale: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTC())
    carried_from: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """The override of the previous version this one repeats, when it was carried to a
    resubmission because the control's inputs did not change (None: written by a reviewer)."""


class Decision(Base):
    """The reviewer's decision on a version, once: the review file it makes (the same YAML the
    CLI reads, stored as a blob) is what the report is rendered from."""

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), unique=True)
    verdict: Mapped[str] = mapped_column(String(16))
    rationale: Mapped[str | None] = mapped_column(Text, nullable=True)
    exception: Mapped[bool] = mapped_column(Boolean, default=False)
    authority: Mapped[str | None] = mapped_column(Text, nullable=True)
    review_sha: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTC())


class Condition(Base):
    """A condition of a decision, named by a stable id ('DK-1') that events and the review file
    use; its status is the latest of its updates (open until one says otherwise)."""

    __tablename__ = "conditions"
    __table_args__ = (UniqueConstraint("decision_id", "ref", name="uq_conditions_ref"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"), index=True)
    ref: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    control_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    owner: Mapped[str | None] = mapped_column(String(200), nullable=True)
    due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    """A calendar day in Vietnam (Asia/Ho_Chi_Minh): overdue from the day after."""
    created_at: Mapped[dt.datetime] = mapped_column(UTC())


class ConditionUpdate(Base):
    """A change of a condition's status, with what the person who made it says."""

    __tablename__ = "condition_updates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    condition_id: Mapped[int] = mapped_column(ForeignKey("conditions.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTC())


class Render(Base):
    """A report PDF rendered (or being rendered) for a set of inputs: a cache, keyed by the
    hashes of everything the PDF is made from, so it is rendered once whoever asks and however
    many processes serve. Not a record: its state moves, and the PDF itself is a blob."""

    __tablename__ = "renders"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    lang: Mapped[str] = mapped_column(String(2))
    state: Mapped[str] = mapped_column(String(16))
    """'pending', 'done' or 'failed'."""
    pdf_sha: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"), nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    requested_at: Mapped[dt.datetime] = mapped_column(UTC())
    done_at: Mapped[dt.datetime | None] = mapped_column(UTC(), nullable=True)


class SignedReport(Base):
    """A decided version's report as the reviewer signed it (verified to be the rendered PDF
    plus their personal signature) and, when the server holds the issuing body's key, sealed."""

    __tablename__ = "signed_reports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    rendered_sha: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    signed_sha: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    sealed_sha: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"), nullable=True)
    signer: Mapped[str] = mapped_column(String(300))
    """The personal certificate's holder, as the certificate names them."""
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTC())


class Event(Base):
    """One entry of the append-only log, chained to the one before by `prev` → `hash`."""

    __tablename__ = "events"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(UTC())
    actor_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """An account's number, never its name (so erasing a person leaves the chain whole)."""
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(64))
    dossier_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    before_sha: Mapped[str | None] = mapped_column(String(64), nullable=True)
    after_sha: Mapped[str | None] = mapped_column(String(64), nullable=True)
    detail: Mapped[str] = mapped_column(Text)
    """Canonical JSON (sorted keys), part of what the hash covers."""
    prev: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class WebSession(Base):
    """A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a
    copy of the database signs no one in. A new row at every login (no fixation), ended at
    logout; the CSRF token every form of the session carries lives here too."""

    __tablename__ = "web_sessions"
    token_sha: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTC())
    seen_at: Mapped[dt.datetime] = mapped_column(UTC())
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTC(), nullable=True)


class LoginFailure(Base):
    """A wrong password, counted per account name and per address for the login rate limit. A
    table, not memory, so the limit holds across the processes sharing one database; the key is
    a hash, so no account name is kept here."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTC(), index=True)


class ChainHead(Base):
    """The last event's number and hash, one row: locking it serialises writers of the log across
    processes sharing one PostgreSQL."""

    __tablename__ = "chain_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


__all__ = [
    "APPEND_ONLY",
    "UTC",
    "Base",
    "Blob",
    "ChainHead",
    "Comment",
    "Condition",
    "ConditionUpdate",
    "Decision",
    "Dossier",
    "Event",
    "LoginFailure",
    "Organisation",
    "OverrideNote",
    "Render",
    "User",
    "Version",
    "WebSession",
]

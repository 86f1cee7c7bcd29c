"""The review of a version: comments per control (either side), the reviewer's overrides with a
required rationale, and sending the dossier back for changes.

Everything here is appended, never edited: a second override of a control supersedes the first,
and both stay, so the record shows how the review went and not only where it ended.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from assess.core.errors import InputError, Problem
from assess.core.i18n.messages import msg
from assess.documents.messages import nearest
from assess.documents.models.common import Status
from assess.workflows import carry as carrying
from assess.workspace.services import dossiers
from assess.workspace.services.access import Actor, Role, require
from assess.workspace.storage import blobs, events
from assess.workspace.storage.database import Database
from assess.workspace.storage.schema import Comment, OverrideNote

MAX_TEXT = 10_000
UNDER_REVIEW = (dossiers.SUBMITTED, dossiers.RESUBMITTED)


@dataclass(frozen=True, slots=True)
class Override:
    control_id: str
    status: Status
    rationale: str
    author_id: int
    carried: bool = False
    """Repeated from the previous version, whose control's inputs did not change."""


def text_field(field: str, value: str) -> str:
    text = value.strip()
    if not text:
        raise InputError([Problem(f"--{field}", None, "", msg("workspace.empty_text"))])
    if len(text) > MAX_TEXT:
        raise InputError([Problem(f"--{field}", None, "", msg("workspace.long_text", n=MAX_TEXT))])
    return text


def _control(db: Database, actor: Actor | None, version_id: int, control_id: str) -> None:
    known = [c.id for c in dossiers.assessment(db, actor, version_id).controls]
    if control_id not in known:
        raise InputError([Problem("--control", None, "", msg(
            "workspace.no_control", control=control_id, near=nearest(control_id, known)))])


def comment(db: Database, actor: Actor, version_id: int, body: str,
            control_id: str | None = None) -> Comment:
    """A comment on a version (on one control, or the whole when `control_id` is None)."""
    text = text_field("body", body)
    with db.sessions() as s:
        dossiers.version_row(s, actor, version_id)
    if control_id is not None:
        _control(db, actor, version_id, control_id)
    with db.transaction() as s:
        v, d = dossiers.version_row(s, actor, version_id)
        c = Comment(version_id=v.id, control_id=control_id, author_id=actor.user_id, body=text,
                    created_at=events.now())
        s.add(c)
        s.flush()
        events.record(s, actor_id=actor.user_id, action="comment.add", object_type="comment",
                      object_id=c.id, dossier_id=d.id, after_sha=blobs.sha256(
                          text.encode()), detail={"version": v.number, "control": control_id})
    return c


def override(db: Database, actor: Actor, version_id: int, control_id: str, status: str,
             rationale: str) -> OverrideNote:
    """The reviewer's own status for a control of a version under review, with its reason."""
    with db.sessions() as s:  # what another province may not see is 'not found', before roles
        dossiers.version_row(s, actor, version_id)
    require(actor, "override", Role.REVIEWER)
    try:
        value = Status(status)
    except ValueError:
        raise InputError([Problem("--status", None, "", msg(
            "workspace.bad_status", status=status, allowed=", ".join(s.value for s in Status)))]
        ) from None
    why = text_field("rationale", rationale)
    with db.sessions() as s:
        _, d = dossiers.version_row(s, actor, version_id)
        dossiers.check_state(d.state, UNDER_REVIEW, "override")
    _control(db, actor, version_id, control_id)
    with db.transaction() as s:
        v, d = dossiers.version_row(s, actor, version_id)
        dossiers.check_state(d.state, UNDER_REVIEW, "override")
        return dossiers.record_override(s, v, d, control_id, value.value, why,
                                        author_id=actor.user_id, actor_id=actor.user_id)


def overrides_of(db: Database, actor: Actor | None, version_id: int) -> dict[str, Override]:
    """The override that counts for each control of a version (the latest one)."""
    with db.sessions() as s:
        v, _ = dossiers.version_row(s, actor, version_id)
        return {cid: Override(cid, Status(o.status), o.rationale, o.author_id,
                              o.carried_from is not None)
                for cid, o in dossiers.latest_overrides(s, v).items()}


def flagged(db: Database, actor: Actor | None, version_id: int) -> list[carrying.Flag]:
    """The previous version's overrides not carried to this one: a reviewer must look again."""
    with db.sessions() as s:
        v, _ = dossiers.version_row(s, actor, version_id)
        plan = dossiers.carry_plan(s, v)
    return plan.flagged if plan is not None else []


def comments_of(db: Database, actor: Actor | None, version_id: int) -> list[Comment]:
    with db.sessions() as s:
        dossiers.version_row(s, actor, version_id)
        return list(s.execute(select(Comment).where(Comment.version_id == version_id)
                              .order_by(Comment.id)).scalars())


def request_changes(db: Database, actor: Actor, dossier_id: int, note: str) -> str:
    """Send a dossier under review back to its province, saying why."""
    with db.transaction() as s:
        d = dossiers.dossier_row(s, actor, dossier_id)  # 'not found' before roles
        require(actor, "request_changes", Role.REVIEWER)
        text = text_field("note", note)
        dossiers.check_state(d.state, UNDER_REVIEW, "request_changes")
        before, d.state = d.state, dossiers.CHANGES
        events.record(s, actor_id=actor.user_id, action="dossier.request_changes",
                      object_type="dossier", object_id=d.id, dossier_id=d.id,
                      after_sha=blobs.sha256(text.encode()),
                      detail={"from": before, "to": d.state, "note": text})
        return d.state


__all__ = ["MAX_TEXT", "Override", "comment", "comments_of", "flagged", "override",
           "overrides_of", "request_changes", "text_field"]

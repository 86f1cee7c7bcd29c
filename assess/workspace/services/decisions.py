"""The decision on a version under review, and the conditions it attaches.

A decision is made into the review file the CLI reads (`kind: review`: the stored overrides,
the reviewer, the conditions, the decision), and that file goes through the CLI's own checks —
its schema, its references, and `check_decision`, which refuses a better verdict than the
controls allow unless it is an exception with a rationale and an authority. So the workspace
cannot decide what `assess score --review` would refuse, and the report is rendered from the
same bytes either way.

Conditions keep a stable id ('DK-1'); a change of status is a new row and an event, never an
edit, and the review file exported later carries each condition's current status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from assess.checklists.loading import Inputs
from assess.core.errors import InputError, NotFoundError, Problem
from assess.core.i18n.messages import msg
from assess.core.memo import by_name
from assess.documents import yamlsource
from assess.documents.loading import Loaded, raise_problems, typed
from assess.documents.models.review import Review
from assess.documents.references import check_decision, check_review
from assess.documents.writing import to_yaml
from assess.engine.evaluate import evaluate
from assess.engine.result import Assessment
from assess.workflows import carry
from assess.workspace.services import dossiers, reviews
from assess.workspace.services.access import Actor, Forbidden, Role, require
from assess.workspace.storage import blobs, events
from assess.workspace.storage.database import Database
from assess.workspace.storage.schema import (
    Condition,
    ConditionUpdate,
    Decision,
    Dossier,
    Organisation,
    User,
    Version,
)

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
VERDICTS = ("approve", "conditional", "reject")
CONDITION_STATUSES = ("open", "met", "waived")
REVIEW_NAME = "review.yaml"
MAX_CONDITIONS = 50


def today() -> dt.date:
    """Today in Vietnam: the review's date and what due dates are counted against."""
    return dt.datetime.now(VIETNAM).date()


@dataclass(frozen=True, slots=True)
class ConditionIn:
    """A condition as the reviewer writes it on the form."""

    text: str
    control: str | None = None
    owner: str | None = None
    due: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ConditionView:
    id: int
    ref: str
    text: str
    control: str | None
    owner: str | None
    due: dt.date | None
    status: str
    overdue: bool
    updates: list[ConditionUpdate] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DecisionView:
    decision: Decision
    conditions: list[ConditionView]


# Form fields by the review file's path, so a problem is said where the reviewer typed.
_FIELDS = {("decision", "rationale"): "rationale", ("decision", "authority"): "authority",
           ("decision", "exception"): "exception", ("decision", "verdict"): "verdict",
           ("reviewer", "role"): "position", ("reviewer", "unit"): "unit"}


def _on_form(problems: Sequence[Problem]) -> InputError:
    out = []
    for p in problems:
        parts = p.field.split(".")
        name = _FIELDS.get((parts[0], parts[1])) if len(parts) >= 2 else None
        if name is None and parts[0] == "conditions" and len(parts) >= 2 and parts[1].isdigit():
            name = f"{msg('workspace.condition_n', n=int(parts[1]) + 1)}" + (
                f" · {parts[2]}" if len(parts) > 2 else "")
        out.append(Problem(str(msg("workspace.decision_form")), None, name or p.field, p.message))
    return InputError(out)


def _latest(s: Session, v: Version) -> bool:
    newest = s.execute(select(Version.id).where(Version.dossier_id == v.dossier_id)
                       .order_by(Version.number.desc()).limit(1)).scalar_one()
    return newest == v.id


def _document(db: Database, actor: Actor, v: Version, *, verdict: str, rationale: str,
              position: str, unit: str, exception: bool, authority: str,
              conditions: Sequence[ConditionIn]) -> dict[str, Any]:
    """The review file's content, from the stored overrides and the form."""
    a = dossiers.assessment(db, actor, v.id)
    own = {c.id: c for c in a.controls}
    with db.sessions() as s:
        user = s.get(User, actor.user_id)
        org = s.get(Organisation, actor.organisation_id)
        assert user is not None and org is not None
        name, org_name = user.name, org.name
    overrides = {cid: {"status": o.status.value, "rationale": o.rationale,
                       "basis": carry.basis(own[cid])}
                 for cid, o in reviews.overrides_of(db, actor, v.id).items() if cid in own}
    reviewer: dict[str, Any] = {"organization": org_name, "name": name, "role": position.strip()}
    if unit.strip():
        reviewer["unit"] = unit.strip()
    decision: dict[str, Any] = {"verdict": verdict}
    if rationale.strip():
        decision["rationale"] = rationale.strip()
    if exception:
        decision["exception"] = True
    if authority.strip():
        decision["authority"] = authority.strip()
    return {
        "kind": "review", "schema_version": 1,
        "proposal": {"id": a.proposal.id, "sha256": v.proposal_sha},
        "reviewer": reviewer, "reviewed_on": today(), "overrides": overrides,
        "conditions": [{"id": f"DK-{i}", "text": c.text.strip(),
                        **({"control": c.control} if c.control else {}),
                        **({"owner": c.owner.strip()} if c.owner and c.owner.strip() else {}),
                        **({"due": c.due} if c.due else {})}
                       for i, c in enumerate(conditions, 1)],
        "decision": decision}


def checked_review(inputs: Inputs, raw: bytes, name: str = REVIEW_NAME) -> Loaded[Review]:
    """A review file through the CLI's checks against what it reviews: schema, references,
    and the decision against the computed verdict (an exception needs its rationale and
    authority). InputError with each problem at its line."""
    source = yamlsource.parse(raw, name)
    review = typed(source, Review)
    raise_problems(check_review(review, source, inputs.checklist.doc))
    loaded = Loaded(review, source)
    a = evaluate(inputs.proposal, inputs.checklist, loaded, inputs.platform)
    raise_problems(check_decision(review, source, a.computed_verdict.value,
                                  failing_blockers=a.failing_blockers(),
                                  raised=a.raised_by_review()))
    return loaded


def record_decision(s: Session, v: Version, d: Dossier, review: Review, review_sha: str, *,
                    author_id: int, note: str | None = None,
                    detail: dict[str, Any] | None = None) -> Decision:
    """The decision of `review` on `v`, its conditions (a status other than open recorded as an
    update saying `note`), the dossier decided and the event, in the caller's transaction."""
    decision = review.decision
    assert decision is not None
    dec = Decision(version_id=v.id, verdict=decision.verdict, rationale=decision.rationale,
                   exception=decision.exception, authority=decision.authority,
                   review_sha=review_sha, author_id=author_id, created_at=events.now())
    s.add(dec)
    s.flush()
    refs = []
    for i, c in enumerate(review.conditions, 1):
        row = Condition(decision_id=dec.id, ref=c.id or f"DK-{i}", text=c.text.vi,
                        control_id=c.control, owner=c.owner, due=c.due, created_at=events.now())
        s.add(row)
        s.flush()
        refs.append(row.ref)
        if c.status != "open":
            s.add(ConditionUpdate(condition_id=row.id, status=c.status, note=note or c.status,
                                  author_id=author_id, created_at=events.now()))
    before, d.state = d.state, dossiers.DECIDED
    events.record(s, actor_id=author_id, action="dossier.decide", object_type="decision",
                  object_id=dec.id, dossier_id=d.id, before_sha=v.proposal_sha,
                  after_sha=review_sha, detail={
                      "from": before, "to": d.state, "version": v.number,
                      "verdict": dec.verdict, "exception": dec.exception, "conditions": refs,
                      **(detail or {})})
    return dec


def decide(db: Database, actor: Actor, version_id: int, *, verdict: str, rationale: str = "",
           position: str, unit: str = "", exception: bool = False, authority: str = "",
           conditions: Sequence[ConditionIn] = ()) -> Decision:
    """Decide the latest version of a dossier under review; the dossier is then decided.
    Raises InputError with each problem at its form field (nothing stored)."""
    with db.sessions() as s:  # 'not found' before roles
        v, d = dossiers.version_row(s, actor, version_id)
    require(actor, "decide", Role.REVIEWER)
    with db.sessions() as s:
        v, d = dossiers.version_row(s, actor, version_id)
        dossiers.check_state(d.state, reviews.UNDER_REVIEW, "decide")
        if not _latest(s, v):
            raise Forbidden(msg("workspace.not_latest", number=v.number))
    if verdict not in VERDICTS:
        raise InputError([Problem(str(msg("workspace.decision_form")), None, "verdict", msg(
            "workspace.bad_verdict", verdict=verdict, allowed=", ".join(VERDICTS)))])
    if len(conditions) > MAX_CONDITIONS:
        raise InputError([Problem(str(msg("workspace.decision_form")), None, "conditions", msg(
            "workspace.many_conditions", n=MAX_CONDITIONS))])
    doc = _document(db, actor, v, verdict=verdict, rationale=rationale, position=position,
                    unit=unit, exception=exception, authority=authority, conditions=conditions)
    raw = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=96).encode("utf-8")
    try:
        review = checked_review(dossiers.inputs_of(db, actor, v.id), raw).doc
    except InputError as exc:
        raise _on_form(exc.problems) from None
    with db.transaction() as s:
        v, d = dossiers.version_row(s, actor, version_id)
        dossiers.check_state(d.state, reviews.UNDER_REVIEW, "decide")
        sha = blobs.put(s, raw, dossiers.YAML_TYPE)
        dec = record_decision(s, v, d, review, sha, author_id=actor.user_id)
    return dec


def decision_of(db: Database, actor: Actor | None, version_id: int) -> DecisionView | None:
    """The decision on a version with its conditions as they stand (None when undecided)."""
    with db.sessions() as s:
        dossiers.version_row(s, actor, version_id)
        dec = s.execute(select(Decision).where(Decision.version_id == version_id)
                        ).scalar_one_or_none()
        if dec is None:
            return None
        rows = s.execute(select(Condition).where(Condition.decision_id == dec.id)
                         .order_by(Condition.id)).scalars().all()
        updates = s.execute(select(ConditionUpdate).where(ConditionUpdate.condition_id.in_(
            [c.id for c in rows])).order_by(ConditionUpdate.id)).scalars().all()
    day = today()
    views = []
    for c in rows:
        mine = [u for u in updates if u.condition_id == c.id]
        status = next((u.status for u in reversed(mine) if u.status), "open")
        views.append(ConditionView(c.id, c.ref, c.text, c.control_id, c.owner, c.due, status,
                                   status == "open" and c.due is not None and c.due < day, mine))
    return DecisionView(dec, views)


def _condition_row(s: Session, actor: Actor | None, condition_id: int
                   ) -> tuple[Condition, Version, Dossier]:
    """A condition with its version and dossier, or 'not found' (as for a version)."""
    c = s.get(Condition, condition_id)
    dec = s.get(Decision, c.decision_id) if c is not None else None
    if c is None or dec is None:
        raise NotFoundError(msg("workspace.not_found", what=msg("workspace.noun.condition"),
                                id=str(condition_id)))
    v, d = dossiers.version_row(s, actor, dec.version_id)
    return c, v, d


def update_condition(db: Database, actor: Actor, condition_id: int, note: str,
                     status: str | None = None) -> str:
    """A note on a condition, by either side; a reviewer may also change its status (a province
    reports what it did, the ministry says whether that meets the condition)."""
    text = reviews.text_field("note", note)
    with db.transaction() as s:
        c, v, d = _condition_row(s, actor, condition_id)  # 'not found' before roles
        if status is not None:
            require(actor, "condition_status", Role.REVIEWER)
            if status not in CONDITION_STATUSES:
                raise InputError([Problem(c.ref, None, "status", msg(
                    "workspace.bad_status", status=status, allowed=", ".join(CONDITION_STATUSES)))])
        current = s.execute(select(ConditionUpdate.status).where(
            ConditionUpdate.condition_id == c.id).order_by(ConditionUpdate.id.desc()).limit(1)
        ).scalar_one_or_none() or "open"
        after = status or current
        u = ConditionUpdate(condition_id=c.id, status=after, note=text, author_id=actor.user_id,
                            created_at=events.now())
        s.add(u)
        s.flush()
        events.record(s, actor_id=actor.user_id, action="condition.update",
                      object_type="condition", object_id=c.id, dossier_id=d.id,
                      after_sha=blobs.sha256(text.encode()),
                      detail={"condition": c.ref, "from": current, "to": after,
                              "version": v.number})
        return after


def version_of_condition(db: Database, actor: Actor | None, condition_id: int) -> int:
    """The version a condition was decided on ('not found' to whoever may not see it)."""
    with db.sessions() as s:
        _, v, _ = _condition_row(s, actor, condition_id)
        return v.id


def review_file(db: Database, actor: Actor | None, version_id: int) -> bytes | None:
    """The decided review as the CLI reads it, each condition with its current status (the
    stored file itself while every condition is still open)."""
    view = decision_of(db, actor, version_id)
    if view is None:
        return None
    with db.sessions() as s:
        raw = blobs.get(s, view.decision.review_sha)
    assert raw is not None
    review = typed(yamlsource.parse(raw, REVIEW_NAME), Review)
    if [c.status for c in review.conditions] == [c.status for c in view.conditions]:
        return raw  # nothing moved since: the very bytes decided (or imported)
    review = review.model_copy(update={"conditions": [  # rows were stored in the file's order
        c.model_copy(update={"id": row.ref, "status": row.status})
        for c, row in zip(review.conditions, view.conditions, strict=True)]})
    return to_yaml(review).encode("utf-8")


@by_name(128)  # (proposal, review_sha); the readers run only on a miss
def _reviewed(proposal: tuple[str, str], review_sha: str, inputs: Callable[[], Inputs],
              review: Callable[[], bytes]) -> Assessment:
    loaded = inputs()
    source = yamlsource.parse(review(), REVIEW_NAME)
    return evaluate(loaded.proposal, loaded.checklist, Loaded(typed(source, Review), source),
                    loaded.platform)


def reviewed(db: Database, actor: Actor | None, version_id: int) -> Assessment | None:
    """The assessment after the decided review (None when undecided), once per pair of
    hashes."""
    with db.sessions() as s:
        v, _ = dossiers.version_row(s, actor, version_id)
        dec = s.execute(select(Decision).where(Decision.version_id == version_id)
                        ).scalar_one_or_none()
        if dec is None:
            return None
        review_sha = dec.review_sha
        return _reviewed((v.proposal_sha, v.filename), review_sha,
                         lambda: dossiers.stored_inputs(s, v),
                         lambda: blobs.get(s, review_sha) or b"")

def current(db: Database, actor: Actor | None, version_id: int) -> Assessment | None:
    """The assessment after the decided review with each condition's status as it stands
    today (the review file `review_file` exports), once per pair of hashes; None when
    undecided."""
    raw = review_file(db, actor, version_id)
    if raw is None:
        return None
    with db.sessions() as s:
        v, _ = dossiers.version_row(s, actor, version_id)
        return _reviewed((v.proposal_sha, v.filename), blobs.sha256(raw),
                         lambda: dossiers.stored_inputs(s, v), lambda: raw)


__all__ = [
    "CONDITION_STATUSES",
    "VERDICTS",
    "ConditionIn",
    "ConditionView",
    "DecisionView",
    "checked_review",
    "current",
    "decide",
    "decision_of",
    "record_decision",
    "review_file",
    "reviewed",
    "today",
    "update_condition",
    "version_of_condition",
]

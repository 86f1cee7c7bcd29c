"""Dossiers and their versions: create, upload (validated by the CLI's own loader), submit, read.

A version is stored only when its proposal validates: the uploader sees every located problem
and nothing half-accepted is kept. The proposal's YAML bytes are the blob a review pins by
SHA-256, so a dossier exported from here is the same files the CLI reads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assess.checklists.catalog import PLATFORMS, Catalog
from assess.checklists.loading import Inputs, load_inputs
from assess.core.errors import InputError, NotFoundError
from assess.core.i18n.messages import msg
from assess.core.memo import by_name
from assess.documents import yamlsource
from assess.documents.models.common import Status
from assess.documents.models.proposal import Proposal
from assess.documents.models.review import Override as ReviewOverride
from assess.engine.evaluate import evaluate
from assess.engine.result import Assessment
from assess.workflows import carry as carrying
from assess.workflows.compare import Changes, compare
from assess.workspace.services.access import Actor, Forbidden, Role, require, sees, visible
from assess.workspace.storage import blobs, events
from assess.workspace.storage.database import Database
from assess.workspace.storage.schema import Dossier, Event, Organisation, OverrideNote, Version

MAX_UPLOAD = 20 * 1024 * 1024
"""The largest upload read (a questionnaire workbook's own limit); the web layer refuses a larger
body before reading it whole."""
YAML_TYPE = "application/yaml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

DRAFT, SUBMITTED, CHANGES, RESUBMITTED, DECIDED = (
    "draft", "submitted", "changes-requested", "resubmitted", "decided")
STATES = (DRAFT, SUBMITTED, CHANGES, RESUBMITTED, DECIDED)
UPLOADABLE = (DRAFT, CHANGES)
"""A new version may be uploaded while the province holds the dossier: before it is submitted,
and after changes are requested."""


@dataclass(frozen=True, slots=True)
class DossierView:
    id: int
    organisation_id: str
    title: str
    state: str
    versions: list[Version]


def create_dossier(db: Database, actor: Actor, title: str) -> Dossier:
    require(actor, "create_dossier", Role.SUBMITTER)
    with db.transaction() as s:
        d = Dossier(organisation_id=actor.organisation_id, title=title.strip(), state=DRAFT,
                    created_by=actor.user_id, created_at=events.now())
        s.add(d)
        s.flush()
        events.record(s, actor_id=actor.user_id, action="dossier.create", object_type="dossier",
                      object_id=d.id, dossier_id=d.id, detail={"state": DRAFT})
    return d


def dossier_row(s: Session, actor: Actor | None, dossier_id: int) -> Dossier:
    """The dossier's row, or 'not found' when it does not exist or `actor` may not see it."""
    d = s.get(Dossier, dossier_id)
    if d is None:
        raise NotFoundError(msg("workspace.not_found", what=msg("workspace.noun.dossier"),
                                id=str(dossier_id)))
    visible(actor, d.organisation_id, "dossier", dossier_id)
    return d


def get_dossier(db: Database, actor: Actor | None, dossier_id: int) -> DossierView:
    with db.sessions() as s:
        d = dossier_row(s, actor, dossier_id)
        versions = list(s.execute(select(Version).where(Version.dossier_id == d.id)
                                  .order_by(Version.number)).scalars())
        return DossierView(d.id, d.organisation_id, d.title, d.state, versions)


def list_dossiers(db: Database, actor: Actor | None) -> list[Dossier]:
    """The dossiers `actor` may see: a province's own, every one for the ministry."""
    with db.sessions() as s:
        q = select(Dossier).order_by(Dossier.id)
        if actor is not None and actor.province:
            q = q.where(Dossier.organisation_id == actor.organisation_id)
        return list(s.execute(q).scalars())


def proposal_bytes(data: bytes, filename: str) -> tuple[bytes, str]:
    """The proposal YAML an upload stands for, and the upload's media type; InputError with
    every located problem (cells of a workbook, lines of a YAML file) otherwise."""
    name = PurePath(filename).name or "proposal.yaml"
    if len(data) > MAX_UPLOAD:
        raise InputError.single(name, msg("workspace.upload_too_large", name=name, limit=MAX_UPLOAD))
    suffix = PurePath(name).suffix.lower()
    if suffix == ".xlsx":
        from assess.workflows.questionnaire.reading import import_workbook

        imported = import_workbook(name, raw=data,
                                   output_name=PurePath(name).with_suffix(".yaml").name)
        return imported.text.encode("utf-8"), XLSX_TYPE
    if suffix not in (".yaml", ".yml"):
        raise InputError.single(name, msg("workspace.upload_kind", name=name))
    load_inputs(yamlsource.parse(data, name), Catalog(), platforms=Catalog(shelf=PLATFORMS))
    return data, YAML_TYPE


def upload(db: Database, actor: Actor, dossier_id: int, data: bytes, filename: str) -> Version:
    """A new version of a dossier the province holds; raises InputError (nothing stored) when
    the proposal does not validate."""
    require(actor, "upload", Role.SUBMITTER)
    with db.sessions() as s:  # look before the (slow) validation, outside the write lock
        d = dossier_row(s, actor, dossier_id)
        check_state(d.state, UPLOADABLE, "upload")
    proposal, media = proposal_bytes(data, filename)
    with db.transaction() as s:
        d = dossier_row(s, actor, dossier_id)
        check_state(d.state, UPLOADABLE, "upload")
        last = s.execute(select(Version).where(Version.dossier_id == d.id)
                         .order_by(Version.number.desc()).limit(1)).scalar_one_or_none()
        key = blobs.sha256(proposal)
        if last is not None and last.proposal_sha == key:
            raise InputError.single(PurePath(filename).name, msg("workspace.unchanged",
                                                                 number=last.number))
        blobs.put(s, proposal, YAML_TYPE)
        upload_sha = blobs.put(s, data, media) if media != YAML_TYPE else key
        number = (s.execute(select(func.max(Version.number)).where(
            Version.dossier_id == d.id)).scalar() or 0) + 1
        v = Version(dossier_id=d.id, number=number, proposal_sha=key, upload_sha=upload_sha,
                    filename=PurePath(filename).name[:255], created_by=actor.user_id,
                    created_at=events.now())
        s.add(v)
        s.flush()
        events.record(s, actor_id=actor.user_id, action="version.upload", object_type="version",
                      object_id=v.id, dossier_id=d.id,
                      before_sha=last.proposal_sha if last else None, after_sha=key,
                      detail={"number": number, "filename": v.filename, "media_type": media})
    return v


def check_state(state: str, allowed: tuple[str, ...], action: str) -> None:
    if state not in allowed:
        raise Forbidden(msg("workspace.wrong_state", state=state,
                            action=msg(f"workspace.action.{action}"), allowed=", ".join(allowed)))


def submit(db: Database, actor: Actor, dossier_id: int) -> str:
    """Send the latest version to the ministry: draft → submitted, changes-requested →
    resubmitted. The version itself is never touched again."""
    require(actor, "submit", Role.SUBMITTER)
    with db.transaction() as s:
        d = dossier_row(s, actor, dossier_id)
        check_state(d.state, UPLOADABLE, "submit")
        last = s.execute(select(Version).where(Version.dossier_id == d.id)
                         .order_by(Version.number.desc()).limit(1)).scalar_one_or_none()
        if last is None:
            raise Forbidden(msg("workspace.no_version"))
        before, d.state = d.state, SUBMITTED if d.state == DRAFT else RESUBMITTED
        events.record(s, actor_id=actor.user_id, action="dossier.submit", object_type="dossier",
                      object_id=d.id, dossier_id=d.id, after_sha=last.proposal_sha,
                      detail={"from": before, "to": d.state, "version": last.number})
        if d.state == RESUBMITTED:
            _carry(s, d, last)
        return d.state


def previous_version(s: Session, v: Version) -> Version | None:
    return s.execute(select(Version).where(Version.dossier_id == v.dossier_id,
                                           Version.number < v.number)
                     .order_by(Version.number.desc()).limit(1)).scalar_one_or_none()


def latest_overrides(s: Session, v: Version) -> dict[str, OverrideNote]:
    """The override that counts for each control of a version (the latest one); `v` is a row
    `version_row` has already let the actor see."""
    rows = s.execute(select(OverrideNote).where(OverrideNote.version_id == v.id)
                     .order_by(OverrideNote.id)).scalars()
    return {o.control_id: o for o in rows}


def record_override(s: Session, v: Version, d: Dossier, control_id: str, status: str,
                    rationale: str, *, author_id: int, actor_id: int | None,
                    action: str = "override.set", carried_from: int | None = None,
                    detail: dict[str, Any] | None = None) -> OverrideNote:
    """An override of `v` and the event recording it, in the caller's transaction: by a
    reviewer, carried to a resubmission, or imported from a review file."""
    o = OverrideNote(version_id=v.id, control_id=control_id, status=status, rationale=rationale,
                     author_id=author_id, created_at=events.now(), carried_from=carried_from)
    s.add(o)
    s.flush()
    events.record(s, actor_id=actor_id, action=action, object_type="override", object_id=o.id,
                  dossier_id=d.id, detail={"version": v.number, "control": control_id,
                                           "status": status, **(detail or {})})
    return o


def carry_plan(s: Session, v: Version) -> carrying.Plan | None:
    """Which overrides of the version before `v` hold for `v` (None for a first version)."""
    before = previous_version(s, v)
    if before is None:
        return None
    old = {cid: ReviewOverride(status=Status(o.status), rationale=o.rationale)
           for cid, o in latest_overrides(s, before).items()}
    return carrying.plan(old, _assessment(*_stored(s, v)), _assessment(*_stored(s, before)))


def _carry(s: Session, d: Dossier, v: Version) -> None:
    """On resubmission, the previous version's overrides whose controls' inputs did not change
    are written again on `v`, each naming the one it repeats; the others wait for a reviewer
    (`carry_plan` lists them on the page)."""
    plan = carry_plan(s, v)
    if plan is None or not plan.carried:
        return
    before = previous_version(s, v)
    assert before is not None
    old = latest_overrides(s, before)
    for cid in sorted(plan.carried):
        o = old[cid]
        record_override(s, v, d, cid, o.status, o.rationale, author_id=o.author_id,
                        actor_id=None, carried_from=o.id, action="override.carry",
                        detail={"from_version": before.number, "from_override": o.id})


def blob_of(db: Database, actor: Actor | None, sha: str) -> bytes:
    """A stored document, to whoever may see a version that holds it (else 'not found')."""
    with db.sessions() as s:
        owners = s.execute(select(Dossier.organisation_id).join(Version, Version.dossier_id ==
                                                                 Dossier.id)
                           .where((Version.proposal_sha == sha) | (Version.upload_sha == sha))
                           ).scalars().all()
        data = blobs.get(s, sha)
        if data is None or not any(sees(actor, o) for o in owners):
            raise NotFoundError(msg("workspace.not_found", what=msg("workspace.noun.blob"),
                                    id=sha[:12]))
        return data


def version_row(s: Session, actor: Actor | None, version_id: int) -> tuple[Version, Dossier]:
    """A version and its dossier, or 'not found' when either does not exist or `actor` may not
    see them."""
    v = s.get(Version, version_id)
    if v is None:
        raise NotFoundError(msg("workspace.not_found", what=msg("workspace.noun.version"),
                                id=str(version_id)))
    return v, dossier_row(s, actor, v.dossier_id)


@by_name(256)  # (sha, name); `read` runs only on a miss
def _inputs(sha: str, name: str, read: Callable[[], bytes]) -> Inputs:
    return load_inputs(yamlsource.parse(read(), name), Catalog(), platforms=Catalog(shelf=PLATFORMS))


@by_name(256)
def _assessment(sha: str, name: str, read: Callable[[], bytes]) -> Assessment:
    inputs = _inputs(sha, name, read)
    return evaluate(inputs.proposal, inputs.checklist, None, inputs.platform)


def cached_inputs(digest: str, data: bytes, name: str) -> Inputs:
    """The inputs of proposal bytes already in hand (an upload being checked, a decision),
    `digest` being their SHA-256; no object is looked up, so nothing to authorise."""
    return _inputs(digest, name, lambda: data)


def _stored(s: Session, v: Version) -> tuple[str, str, Callable[[], bytes]]:
    """A version's proposal as a cache key; the blob is read from the database only when the
    process has not parsed it yet, so a cached page does not pull the proposal's bytes."""
    sha = v.proposal_sha
    return sha, v.filename, lambda: blobs.get(s, sha) or b""


def stored_inputs(s: Session, v: Version) -> Inputs:
    """What a stored version is assessed from, parsed once per process."""
    return _inputs(*_stored(s, v))


def stored_assessment(s: Session, v: Version) -> Assessment:
    """The self-assessment of a version already found (and authorised) in session `s`."""
    return _assessment(*_stored(s, v))


def assessment(db: Database, actor: Actor | None, version_id: int) -> Assessment:
    """The self-assessment of a version, computed once per proposal hash and process (a
    version never changes, so neither does its assessment)."""
    with db.sessions() as s:
        v, _ = version_row(s, actor, version_id)
        return _assessment(*_stored(s, v))


def inputs_of(db: Database, actor: Actor | None, version_id: int) -> Inputs:
    """What the version is assessed from: its proposal, checklist and platform profile."""
    with db.sessions() as s:
        v, _ = version_row(s, actor, version_id)
        return stored_inputs(s, v)


def proposal_of(db: Database, actor: Actor | None, version_id: int) -> Proposal:
    with db.sessions() as s:
        v, _ = version_row(s, actor, version_id)
        return stored_inputs(s, v).proposal.doc


def changes(db: Database, actor: Actor | None, version_id: int
            ) -> tuple[Version | None, Changes | None]:
    """The version before this one and what changed since it (None, None for a first version)."""
    with db.sessions() as s:
        v, _ = version_row(s, actor, version_id)
        before = previous_version(s, v)
        if before is None:
            return None, None
        old, new = stored_inputs(s, before).proposal.doc, stored_inputs(s, v).proposal.doc
    return before, compare(old, new)


def events_of(db: Database, actor: Actor | None, dossier_id: int) -> list[Event]:
    """The dossier's history, oldest first."""
    with db.sessions() as s:
        d = dossier_row(s, actor, dossier_id)
        return list(s.execute(select(Event).where(Event.dossier_id == d.id)
                              .order_by(Event.seq)).scalars())


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One dossier as a list shows it: its latest version's self-assessment beside its state."""

    dossier: Dossier
    organisation: str
    """The organisation's name."""
    latest: Version | None
    assessment: Assessment | None


@dataclass(frozen=True, slots=True)
class Filters:
    """What the reviewers' queue is narrowed to; an empty field keeps everything."""

    organisation: str = ""
    platform: str = ""
    verdict: str = ""
    state: str = ""

    def keeps(self, row: QueueRow) -> bool:
        a = row.assessment
        return ((not self.organisation or row.dossier.organisation_id == self.organisation)
                and (not self.state or row.dossier.state == self.state)
                and (not self.platform or (a is not None and platform_of(a) == self.platform))
                and (not self.verdict or (a is not None and a.verdict.value == self.verdict)))


def platform_of(a: Assessment) -> str:
    """The platform's id as the proposal names it ('' when it names none)."""
    return a.scope.channel.platform or ""


def queue(db: Database, actor: Actor | None, filters: Filters | None = None) -> list[QueueRow]:
    """The dossiers `actor` may see, newest first, with what `filters` keeps: a province its
    own, the ministry every one."""
    filters = filters or Filters()
    with db.sessions() as s:
        q = select(Dossier, Organisation.name).join(
            Organisation, Organisation.id == Dossier.organisation_id).order_by(Dossier.id.desc())
        if actor is not None and actor.province:
            q = q.where(Dossier.organisation_id == actor.organisation_id)
        latest = {v.dossier_id: v for v in s.execute(select(Version).order_by(Version.number))
                  .scalars()}
        rows = []
        for d, name in s.execute(q).all():
            v = latest.get(d.id)
            rows.append(QueueRow(d, name, v, _assessment(*_stored(s, v)) if v else None))
    return [r for r in rows if filters.keeps(r)]


__all__ = [
    "CHANGES",
    "DECIDED",
    "DRAFT",
    "MAX_UPLOAD",
    "RESUBMITTED",
    "STATES",
    "SUBMITTED",
    "DossierView",
    "Filters",
    "QueueRow",
    "assessment",
    "blob_of",
    "cached_inputs",
    "carry_plan",
    "changes",
    "check_state",
    "create_dossier",
    "dossier_row",
    "events_of",
    "get_dossier",
    "inputs_of",
    "latest_overrides",
    "list_dossiers",
    "platform_of",
    "previous_version",
    "proposal_bytes",
    "proposal_of",
    "queue",
    "record_override",
    "stored_assessment",
    "stored_inputs",
    "submit",
    "upload",
    "version_row",
]

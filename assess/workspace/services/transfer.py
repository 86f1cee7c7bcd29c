"""A dossier out as the files the CLI uses, and the CLI's files in as a dossier.

Export: a zip with, per version, the proposal exactly as stored (the bytes its review pins), the
uploaded workbook when there was one, the review file once decided, the assessment JSON, the
signed report; the dossier's events as JSON, and a SHA256SUMS list. `assess score vN/<proposal>
--review vN/review.yaml` and `assess verify vN/report.signed.pdf` work on what it holds.

Import: a proposal, its review and its signed report made with the CLI become a dossier; each
file is stored byte for byte (so its hash is what it was), and each is checked as the
workspace's own would be: the proposal validated, the review's decision through the CLI's
checks, the signed report through `assess verify` and against the imported files.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from assess.core.errors import InputError, Problem
from assess.core.i18n.messages import msg
from assess.documents import yamlsource
from assess.documents.loading import typed
from assess.documents.models.review import Review
from assess.signatures.printed import ASSESSMENT
from assess.signatures.sign import attached, open_reader
from assess.signatures.verify import Verification, verify_pdf
from assess.workspace.services import decisions, dossiers, signing
from assess.workspace.services.access import Actor, Role
from assess.workspace.services.reports import PDF_TYPE
from assess.workspace.storage import blobs, events
from assess.workspace.storage.database import Database
from assess.workspace.storage.schema import (
    SignedReport,
)

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _name(filename: str, default: str) -> str:
    """A name fit for a zip entry: the last part of `filename`, in safe characters."""
    base = _SAFE.sub("-", PurePath(filename).name).strip(".-")
    return base or default


def _event(e: Any) -> dict[str, Any]:
    return {"seq": e.seq, "at": e.at.isoformat(), "actor_id": e.actor_id, "action": e.action,
            "object_type": e.object_type, "object_id": e.object_id,
            "before_sha": e.before_sha, "after_sha": e.after_sha,
            "detail": json.loads(e.detail), "prev": e.prev, "hash": e.hash}


def export_dossier(db: Database, actor: Actor | None, dossier_id: int,
                   config: signing.Signing) -> bytes:
    """The dossier as a zip of the CLI's files ('not found' to whoever may not see it)."""
    view = dossiers.get_dossier(db, actor, dossier_id)
    files: dict[str, bytes] = {}
    listed = []
    for v in view.versions:
        folder = f"v{v.number}"
        with db.sessions() as s:
            proposal = blobs.get(s, v.proposal_sha) or b""
            upload = blobs.get(s, v.upload_sha) if v.upload_sha != v.proposal_sha else None
        name = _name(PurePath(v.filename).with_suffix(".yaml").name, "proposal.yaml")
        entry: dict[str, Any] = {"number": v.number, "proposal": f"{folder}/{name}",
                                 "proposal_sha256": v.proposal_sha}
        files[entry["proposal"]] = proposal
        if upload is not None:
            entry["upload"] = f"{folder}/{_name(v.filename, 'upload.xlsx')}"
            files[entry["upload"]] = upload
        review = decisions.review_file(db, actor, v.id)
        a = decisions.reviewed(db, actor, v.id) or dossiers.assessment(db, actor, v.id)
        files[f"{folder}/assessment.json"] = a.to_json().encode("utf-8")
        if review is not None:
            entry["review"] = f"{folder}/review.yaml"
            files[entry["review"]] = review
        signed = signing.signed_of(db, actor, v.id, config)
        if signed is not None:
            entry["signed_report"] = f"{folder}/report.signed.pdf"
            files[entry["signed_report"]] = signing.signed_pdf(db, actor, v.id, config)
        listed.append(entry)
    history = [_event(e) for e in dossiers.events_of(db, actor, dossier_id)]
    files["events.json"] = json.dumps(history, ensure_ascii=False, indent=2).encode("utf-8")
    files["dossier.json"] = json.dumps({
        "id": view.id, "title": view.title, "organisation": view.organisation_id,
        "state": view.state, "versions": listed}, ensure_ascii=False, indent=2).encode("utf-8")
    sums = "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n"
                   for name, data in sorted(files.items()))
    files["SHA256SUMS"] = sums.encode("ascii")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


@dataclass(frozen=True, slots=True)
class Upload:
    """A file given to the import: its name (for messages) and its bytes."""

    name: str
    data: bytes


def import_files(db: Database, *, submitter: Actor, reviewer: Actor | None, title: str,
                 proposal: Upload, review: Upload | None = None,
                 signed: Upload | None = None, config: signing.Signing | None = None
                 ) -> int:
    """A new dossier of `submitter`'s province from CLI files; its number. With a review, the
    reviewer's overrides and decision are recorded as theirs; with a signed report too, it is
    kept as the decision's signed report. Every problem is said before anything is stored
    beyond what a failing step would leave: the dossier is created only once all files check."""
    problems: list[Problem] = []
    if (review is not None or signed is not None) and reviewer is None:
        problems.append(Problem("--reviewer", None, "", msg("workspace.import_reviewer")))
    if signed is not None and review is None:
        problems.append(Problem(signed.name, None, "", msg("workspace.import_signed_alone")))
    if reviewer is not None and reviewer.role is not Role.REVIEWER:
        problems.append(Problem("--reviewer", None, "", msg("workspace.import_not_reviewer")))
    if problems:
        raise InputError(problems)
    data, _ = dossiers.proposal_bytes(proposal.data, proposal.name)  # every located problem
    doc = None
    if review is not None:
        doc = typed(yamlsource.parse(review.data, review.name), Review)
        if doc.proposal.sha256 != blobs.sha256(data):
            raise InputError.single(review.name, msg(
                "checklists.review.changed", file=proposal.name,
                sha=blobs.sha256(data)[:12], named=doc.proposal.sha256[:12]))
        inputs = dossiers.cached_inputs(blobs.sha256(data), data, proposal.name)
        doc = decisions.checked_review(inputs, review.data, review.name).doc  # before storing
    decided, who = review, None
    if signed is not None and review is not None:
        decided, who = _check_signed(signed, Upload(proposal.name, data), review,
                                     config or signing.Signing())
    d = dossiers.create_dossier(db, submitter, title)
    v = dossiers.upload(db, submitter, d.id, proposal.data, proposal.name)
    if review is None or doc is None:
        return d.id
    assert reviewer is not None
    dossiers.submit(db, submitter, d.id)
    with db.transaction() as s:
        v, dd = dossiers.version_row(s, reviewer, v.id)
        imported = {"imported": review.name[:200]}
        for cid, o in doc.overrides.items():
            dossiers.record_override(s, v, dd, cid, o.status.value, o.rationale,
                                     author_id=reviewer.user_id, actor_id=reviewer.user_id,
                                     detail=imported)
        if doc.decision is None:
            return d.id
        assert decided is not None
        sha = blobs.put(s, decided.data, dossiers.YAML_TYPE)  # what the signed report attaches
        decisions.record_decision(s, v, dd, doc, sha, author_id=reviewer.user_id,
                                  note=str(msg("workspace.imported_status")), detail=imported)
        if signed is not None:
            kept = blobs.put(s, signed.data, PDF_TYPE)
            assert who is not None
            report = SignedReport(version_id=v.id, rendered_sha=kept, signed_sha=kept,
                                  sealed_sha=kept if any(x.role == "organisation"
                                                         for x in who.signatures) else None,
                                  signer=(who.signatures[0].signer if who.signatures
                                          else "?")[:300],
                                  author_id=reviewer.user_id, created_at=events.now())
            s.add(report)
            s.flush()
            events.record(s, actor_id=reviewer.user_id, action="report.import",
                          object_type="report", object_id=report.id, dossier_id=dd.id,
                          after_sha=kept, detail={"version": v.number,
                                                  "imported": signed.name[:200]})
    return d.id


def _unstated(raw: bytes, name: str) -> dict[str, Any] | None:
    """A review's content with its conditions' statuses left out (None if it is no review)."""
    try:
        doc = typed(yamlsource.parse(raw, name), Review)
    except InputError:
        return None
    return doc.model_copy(update={"conditions": [
        c.model_copy(update={"status": "open"}) for c in doc.conditions]}).model_dump(mode="json")


def _check_signed(signed: Upload, proposal: Upload, review: Upload,
                  config: signing.Signing) -> tuple[Upload, Verification]:
    """A signed report of exactly these files, whose signatures verify; the review it
    attaches (the review given, or the one decided that the given one only moves conditions
    of: an export writes their statuses as they stand)."""
    checked = verify_pdf(signed.data, list(config.trust_roots), name=signed.name)
    why = [c.render() for c in checked.failures]
    if not checked.signatures:
        why.append(str(msg("signatures.doc.unsigned")))
    files = attached(open_reader(signed.data, signed.name))
    sums = {hashlib.sha256(data).hexdigest(): (name, data) for name, data in files.items()
            if name != ASSESSMENT}
    if blobs.sha256(proposal.data) not in sums:
        why.append(str(msg("workspace.import_not_attached", file=proposal.name)))
    decided = review if blobs.sha256(review.data) in sums else None
    if decided is None:
        wanted = _unstated(review.data, review.name)
        decided = next((Upload(name, data) for name, data in sums.values()
                        if name.endswith((".yaml", ".yml")) and wanted is not None
                        and _unstated(data, name) == wanted), None)
    if decided is None:
        why.append(str(msg("workspace.import_not_attached", file=review.name)))
    if why:
        raise InputError([Problem(signed.name, None, "", msg("workspace.signed_refused", why=w))
                          for w in why])
    assert decided is not None
    return decided, checked


__all__ = ["Upload", "export_dossier", "import_files"]

"""Report PDFs rendered off the request path and kept by the hashes of what they are made from.

Rendering takes seconds (Graphviz, then WeasyPrint), far over what a page may take, so a page
asks for a report and a worker renders it: a thread pool in the server's process. The `renders`
row is both the cache and the claim: its key is the SHA-256 of every input (proposal, review,
checklist, profile, language, tool version), the first request inserts it, and a second request
— from this process or another sharing the PostgreSQL database — finds it and waits instead of
rendering again. A render whose process died is taken up again once it is `STALE`.

The PDF is the CLI's own (`render_pdf` with the same attachments `assess report` embeds, from
the stored bytes), so `assess verify` and any PDF reader see the same document either way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from assess import __version__
from assess.core.errors import AssessError, NotFoundError
from assess.core.i18n import Lang
from assess.core.i18n.messages import msg, speaking
from assess.engine.result import Assessment
from assess.workspace.services import decisions, dossiers
from assess.workspace.services.access import Actor
from assess.workspace.storage import blobs, events
from assess.workspace.storage.database import Database
from assess.workspace.storage.schema import Decision, Render, Version

log = logging.getLogger(__name__)

PDF_TYPE = "application/pdf"
STALE = dt.timedelta(minutes=10)
"""A render still pending after this long is taken to have died with its process."""


@dataclass(frozen=True, slots=True)
class Report:
    """Where a version's report stands: not asked for, pending, done (with its PDF) or failed."""

    state: str
    key: str
    reviewed: bool
    pdf_sha: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class _Inputs:
    version: Version
    review_sha: str | None
    a: Assessment
    key: str


def _aware(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


class Renderer:
    """The worker: `workers` threads rendering for one database."""

    def __init__(self, db: Database, workers: int = 1) -> None:
        self.db = db
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="assess-render")
        self.running: dict[str, Future[None]] = {}

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)

    def _inputs(self, actor: Actor | None, version_id: int, lang: Lang) -> _Inputs:
        with self.db.sessions() as s:
            v, _ = dossiers.version_row(s, actor, version_id)
            dec = s.execute(select(Decision).where(Decision.version_id == v.id)
                            ).scalar_one_or_none()
        review_sha = dec.review_sha if dec is not None else None
        a = (decisions.reviewed(self.db, actor, version_id) if dec is not None
             else dossiers.assessment(self.db, actor, version_id))
        assert a is not None
        parts = [v.proposal_sha, review_sha or "", a.checklist.sha256,
                 a.platform.sha256 if a.platform else "", lang, __version__]
        key = hashlib.sha256("|".join(parts).encode()).hexdigest()
        return _Inputs(v, review_sha, a, key)

    def status(self, actor: Actor | None, version_id: int, lang: Lang) -> Report:
        """Where the report of a version in `lang` stands ('not found' to whoever may not see
        the version)."""
        inputs = self._inputs(actor, version_id, lang)
        with self.db.sessions() as s:
            row = s.get(Render, inputs.key)
            if row is None:
                return Report("none", inputs.key, inputs.review_sha is not None)
            return Report(row.state, row.key, inputs.review_sha is not None, row.pdf_sha,
                          row.error)

    def request(self, actor: Actor | None, version_id: int, lang: Lang) -> Report:
        """Ask for the report: rendered once per set of inputs; asking again while it renders,
        or once it is done, changes nothing (a failed or dead render is tried again)."""
        inputs = self._inputs(actor, version_id, lang)
        start = False
        try:
            with self.db.transaction() as s:
                row = s.get(Render, inputs.key)
                if row is None:
                    s.add(Render(key=inputs.key, version_id=inputs.version.id, lang=lang,
                                 state="pending", requested_at=events.now()))
                    start = True
                elif row.state == "failed" or (
                        row.state == "pending" and inputs.key not in self.running
                        and events.now() - _aware(row.requested_at) > STALE):
                    row.state, row.error, row.requested_at = "pending", None, events.now()
                    start = True
        except IntegrityError:  # another process inserted the same key first: it renders
            start = False
        if start:
            self.running[inputs.key] = self.pool.submit(self._render, actor, version_id, lang,
                                                        inputs.key)
        return self.status(actor, version_id, lang)

    def _render(self, actor: Actor | None, version_id: int, lang: Lang, key: str) -> None:
        from assess.outputs.report import embedded_files, render_pdf

        try:
            inputs = self._inputs(actor, version_id, lang)
            with self.db.sessions() as s:
                proposal = blobs.get(s, inputs.version.proposal_sha)
                review = blobs.get(s, inputs.review_sha) if inputs.review_sha else None
            with speaking(lang):
                files = embedded_files(inputs.a, lang, proposal=proposal, review_data=review)
                _, pdf = render_pdf(inputs.a, lang, attachments=files)
            with self.db.transaction() as s:
                sha = blobs.put(s, pdf, PDF_TYPE)
                row = s.get(Render, key)
                if row is not None:
                    row.state, row.pdf_sha, row.done_at = "done", sha, events.now()
        except Exception as exc:  # a render that fails says why on the page, and may be retried
            log.exception("render %s failed", key[:12])
            why = exc.message.render(lang) if isinstance(exc, AssessError) else type(exc).__name__
            with self.db.transaction() as s:
                row = s.get(Render, key)
                if row is not None:
                    row.state, row.error, row.done_at = "failed", why[:2000], events.now()
        finally:
            self.running.pop(key, None)

    def pdf(self, actor: Actor | None, version_id: int, lang: Lang) -> tuple[bytes, Report]:
        """The rendered PDF ('not found' until it is done, or to whoever may not see it)."""
        report = self.status(actor, version_id, lang)
        with self.db.sessions() as s:
            data = blobs.get(s, report.pdf_sha) if report.pdf_sha else None
        if report.state != "done" or data is None:
            raise NotFoundError(msg("workspace.not_found", what=msg("workspace.noun.report"),
                                    id=str(version_id)))
        return data, report


__all__ = ["PDF_TYPE", "STALE", "Renderer", "Report"]

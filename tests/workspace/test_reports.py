"""Report PDFs rendered by the workspace's worker: the CLI's own PDF from the stored bytes,
rendered once per set of inputs, the reviewed one after a decision, and only to whoever may see
the version."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from pypdf import PdfReader

from assess.core.errors import NotFoundError
from assess.workspace.services import decisions, dossiers, reports
from assess.workspace.services.access import Actor, Role
from assess.workspace.storage.database import Database, open_database
from tests.workspace.world import PROPOSAL, organisations, person, wait


@pytest.fixture
def world(database_url: str) -> Iterator[tuple[Database, Actor, Actor, Actor]]:
    db = open_database(database_url)
    organisations(db)
    yield (db, person(db, "bn.tran", "bac-ninh", Role.SUBMITTER),
           person(db, "qt.le", "quang-tri", Role.SUBMITTER),
           person(db, "rv.pham", "bo-kh-cn", Role.REVIEWER))
    db.close()


def _attachments(pdf: bytes) -> dict[str, bytes]:
    reader = PdfReader(io.BytesIO(pdf))
    return {name: data[0] for name, data in reader.attachments.items()}


def test_the_self_assessment_then_the_reviewed_report(world: tuple[Database, Actor, Actor, Actor]
                                                      ) -> None:
    db, bac_ninh, quang_tri, reviewer = world
    d = dossiers.create_dossier(db, bac_ninh, "Zalo OA thông báo")
    v = dossiers.upload(db, bac_ninh, d.id, PROPOSAL.read_bytes(), PROPOSAL.name)
    renderer = reports.Renderer(db)
    try:
        assert renderer.status(bac_ninh, v.id, "vi").state == "none"
        with pytest.raises(NotFoundError):
            renderer.request(quang_tri, v.id, "vi")
        with pytest.raises(NotFoundError):
            renderer.pdf(bac_ninh, v.id, "vi")  # not rendered yet
        first = renderer.request(bac_ninh, v.id, "vi")
        assert first.state in ("pending", "done") and not first.reviewed
        again = renderer.request(reviewer, v.id, "vi")  # the same inputs: the same render
        assert again.key == first.key
        done = wait(renderer, bac_ninh, v.id)
        assert done.state == "done", done.error
        pdf, _ = renderer.pdf(reviewer, v.id, "vi")
        assert pdf.startswith(b"%PDF-")
        files = _attachments(pdf)
        assert files[PROPOSAL.name] == PROPOSAL.read_bytes()  # the stored bytes, as uploaded
        assert "assessment.json" in files and "review.yaml" not in files
        assert renderer.request(bac_ninh, v.id, "vi").pdf_sha == done.pdf_sha  # not again
        with pytest.raises(NotFoundError):
            renderer.pdf(quang_tri, v.id, "vi")

        dossiers.submit(db, bac_ninh, d.id)
        decisions.decide(db, reviewer, v.id, verdict="conditional", rationale="Chờ phụ lục.",
                         position="Chuyên viên thẩm định",
                         conditions=[decisions.ConditionIn("Ký phụ lục", "RES-01")])
        after = renderer.status(bac_ninh, v.id, "vi")
        assert after.reviewed and after.state == "none" and after.key != first.key
        renderer.request(reviewer, v.id, "vi")
        reviewed = wait(renderer, reviewer, v.id)
        assert reviewed.state == "done", reviewed.error
        pdf, _ = renderer.pdf(bac_ninh, v.id, "vi")
        files = _attachments(pdf)
        assert files["review.yaml"] == decisions.review_file(db, reviewer, v.id)
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        assert "Ký phụ lục" in text and "DK-1" in text
    finally:
        renderer.close()

"""The files a report PDF carries: the assessment JSON and the input documents, byte for byte.

Read here, at the edge (the CLI calls `embedded_files`), never in a template. Each input is
checked against the SHA-256 the Assessment recorded, so the PDF cannot carry a file that differs
from the one that was assessed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from assess.core.errors import InputError
from assess.core.files import read_regular
from assess.core.i18n import Lang
from assess.core.i18n.messages import msg
from assess.core.i18n.report import w
from assess.documents.yamlsource import MAX_BYTES
from assess.engine.result import Assessment


@dataclass(frozen=True, slots=True)
class Embedded:
    """One file attached to the PDF (PDF/A-3 associated file)."""

    name: str
    data: bytes
    description: str
    relationship: str
    """PDF/A-3 AFRelationship: Source (an input) or Data (the result)."""


def _read(path: str | Path, sha256: str) -> bytes:
    data = read_regular(path, MAX_BYTES)  # read again to attach it: it must be what was assessed
    if hashlib.sha256(data).hexdigest() != sha256:
        raise InputError.single(str(path), msg("outputs.changed", sha=sha256[:12]))
    return data


def embedded_files(a: Assessment, lang: Lang, *, review: str | Path | None = None,
                   proposal: bytes | None = None, review_data: bytes | None = None
                   ) -> list[Embedded]:
    """The assessment JSON, the proposal, the checklist, the platform profile it names (and the
    review) as PDF attachments: everything needed to assess it again. `proposal` and
    `review_data` are the bytes when they were not read from a file (the workspace's blobs):
    the recorded names are then only names, never paths to read."""
    out = [Embedded("assessment.json", a.to_json().encode("utf-8"), w("attach_json", lang),
                    "Data")]
    if proposal is not None:
        if hashlib.sha256(proposal).hexdigest() != a.proposal.sha256:
            raise InputError.single(a.proposal.file or "proposal", msg(
                "outputs.changed", sha=a.proposal.sha256[:12]))
        out.append(Embedded(Path(a.proposal.file or "proposal.yaml").name, proposal,
                            w("attach_proposal", lang), "Source"))
    elif a.proposal.file:
        out.append(Embedded(Path(a.proposal.file).name, _read(a.proposal.file, a.proposal.sha256),
                            w("attach_proposal", lang), "Source"))
    if a.checklist.file:
        out.append(Embedded(f"{a.checklist.id}-{a.checklist.version}.yaml",
                            _read(a.checklist.file, a.checklist.sha256),
                            w("attach_checklist", lang), "Source"))
    if a.platform is not None and a.platform.file:
        out.append(Embedded(f"{a.platform.id}-{a.platform.version}.yaml",
                            _read(a.platform.file, a.platform.sha256),
                            w("attach_platform", lang), "Source"))
    if (review is not None or review_data is not None) and a.review is not None:
        name = Path(review).name if review is not None else "review.yaml"
        if name in {e.name for e in out}:
            name = "review-" + name
        if review_data is not None:
            if hashlib.sha256(review_data).hexdigest() != a.review.sha256:
                raise InputError.single(name, msg("outputs.changed", sha=a.review.sha256[:12]))
            data = review_data
        else:
            assert review is not None
            data = _read(review, a.review.sha256)
        out.append(Embedded(name, data, w("attach_review", lang), "Source"))
    return out

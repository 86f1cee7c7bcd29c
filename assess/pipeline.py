"""The whole job as library calls: files in, Assessment out (no printing, no writing)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from assess.assessment import Assessment
from assess.catalog import Catalog
from assess.evaluate import evaluate
from assess.loading import load_proposal, load_review


def assess_files(proposal: Path | str, *, checklist: str | None = None,
                 review: Path | str | None = None,
                 checklist_dirs: Iterable[Path | str] = ()) -> Assessment:
    """Load, validate and evaluate; raises InputError/NotFoundError with located messages."""
    p, cl = load_proposal(proposal, Catalog(checklist_dirs), checklist=checklist)
    rv = load_review(review, cl.doc, p) if review is not None else None
    return evaluate(p, cl, rv)

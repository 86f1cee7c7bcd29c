"""The whole job as library calls: files in, Assessment out (no printing, no writing)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from assess.checklists.catalog import PLATFORMS, Catalog
from assess.checklists.loading import load_inputs, load_review
from assess.core.errors import InputError
from assess.documents.references import check_decision
from assess.engine.evaluate import evaluate
from assess.engine.result import Assessment


def assess_files(proposal: Path | str, *, checklist: str | None = None,
                 review: Path | str | None = None,
                 checklist_dirs: Iterable[Path | str] = (),
                 platform_dirs: Iterable[Path | str] = ()) -> Assessment:
    """Load, validate and evaluate; raises InputError/NotFoundError with located messages."""
    catalog = Catalog(checklist_dirs)
    inputs = load_inputs(proposal, catalog, checklist=checklist,
                         platforms=Catalog(platform_dirs, PLATFORMS))
    p, cl = inputs.proposal, inputs.checklist
    rv = load_review(review, cl.doc, p) if review is not None else None
    a = evaluate(p, cl, rv, inputs.platform)
    if rv is not None and (problems := check_decision(
            rv.doc, rv.source, a.computed_verdict.value, failing_blockers=a.failing_blockers(),
            raised=a.raised_by_review())):
        raise InputError(problems)
    if checklist is not None:  # answered for another version? say what the answers miss
        from assess.workflows.reassess import reassess

        a.reassessment = reassess(p, cl, a, catalog)
    return a

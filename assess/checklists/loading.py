"""Documents loaded against the catalog: a proposal with the checklist it names, a review with
its proposal, a checklist with the names the engine knows.

The only stage (besides writing outputs) that reads the disk. Each loader collects every schema
problem of a document at once; cross-reference problems follow once the schema holds.
"""

from __future__ import annotations

from pathlib import Path

from assess.checklists.catalog import Catalog
from assess.core.errors import InputError, NotFoundError, Problem
from assess.documents import yamlsource
from assess.documents.loading import Loaded, kind_of, raise_problems, typed
from assess.documents.models import Checklist, Proposal, Review
from assess.documents.references import check_answers, check_checklist, check_proposal, check_review
from assess.documents.yamlsource import Source
from assess.engine.vocabulary import fact_names, rule_ids


def load_checklist(path: Path | str | Source) -> Loaded[Checklist]:
    source = path if isinstance(path, Source) else yamlsource.read(path)
    cl = typed(source, Checklist)
    raise_problems(check_checklist(cl, source, facts=fact_names(), rules=rule_ids()))
    return Loaded(cl, source)


def resolve_checklist(ref: str, catalog: Catalog, *, where: Source | None = None,
                      field: str = "checklist") -> Loaded[Checklist]:
    """Load the checklist `ref` names; a bad ref inside a document is located in that document."""
    try:
        path = catalog.resolve(ref)
    except NotFoundError as exc:
        if where is None:
            raise
        raise InputError.single(where.name, str(exc), line=where.line_of((field,)),
                                field=field) from None
    loaded = load_checklist(path)
    want_id, _, want_version = ref.partition("@")
    if not ref.endswith((".yaml", ".yml")) and loaded.doc.id != want_id:
        raise InputError.single(path, f"file declares id '{loaded.doc.id}'; expected "
                                f"'{want_id}' (the folder name)", line=loaded.source.line_of(
                                    ("id",)), field="id")
    if want_version not in ("", "latest") and loaded.doc.version != want_version and (
            not ref.endswith((".yaml", ".yml"))):
        raise InputError.single(path, f"file declares version '{loaded.doc.version}'; expected "
                                f"'{want_version}' (the file name)",
                                line=loaded.source.line_of(("version",)), field="version")
    return loaded


def load_proposal(path: Path | str | Source, catalog: Catalog | None = None, *,
                  checklist: str | None = None) -> tuple[Loaded[Proposal], Loaded[Checklist]]:
    """A proposal and the checklist it is assessed against (its own, unless `checklist` is given).

    Answers are checked against that checklist, so a typo in a control id is caught here.
    """
    catalog = catalog or Catalog()
    source = path if isinstance(path, Source) else yamlsource.read(path)
    proposal = typed(source, Proposal)
    problems = check_proposal(proposal, source)
    if checklist is None:
        cl = resolve_checklist(proposal.checklist, catalog, where=source)
        problems += check_answers(proposal, source, cl.doc)
    else:
        cl = resolve_checklist(checklist, catalog)
        if cl.doc.id == proposal.checklist.partition("@")[0] and cl.doc.version == (
                proposal.checklist.partition("@")[2]):
            problems += check_answers(proposal, source, cl.doc)
    raise_problems(problems)
    return Loaded(proposal, source), cl


def load_review(path: Path | str, checklist: Checklist | None = None,
                proposal: Loaded[Proposal] | None = None) -> Loaded[Review]:
    """A review; given the proposal it refers to, a changed proposal file is refused."""
    source = yamlsource.read(path)
    review = typed(source, Review)
    problems = check_review(review, source, checklist)
    if proposal is not None:
        if review.proposal.id != proposal.doc.id:
            problems.append(Problem(source.name, source.line_of(("proposal", "id")), "proposal.id",
                                    f"review is of proposal '{review.proposal.id}'; expected "
                                    f"'{proposal.doc.id}' ({proposal.source.name})"))
        elif review.proposal.sha256 != proposal.source.sha256:
            problems.append(Problem(
                source.name, source.line_of(("proposal", "sha256")), "proposal.sha256",
                f"the proposal file {proposal.source.name} has changed since this review was "
                f"written (its SHA-256 is {proposal.source.sha256[:12]}…, the review names "
                f"{review.proposal.sha256[:12]}…); expected the reviewed file — review it again"))
    raise_problems(problems)
    return Loaded(review, source)


def validate_file(path: Path | str, catalog: Catalog | None = None) -> str:
    """Validate any document by its `kind`; returns the kind. Raises InputError."""
    source = yamlsource.read(path)
    kind = kind_of(source)
    if kind == "checklist":
        load_checklist(source)
    elif kind == "proposal":
        load_proposal(source, catalog)
    else:
        review = typed(source, Review)
        raise_problems(check_review(review, source, None))
    return kind


__all__ = ["load_checklist", "load_proposal", "load_review", "resolve_checklist", "validate_file"]

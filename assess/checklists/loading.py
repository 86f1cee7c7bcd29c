"""Documents loaded against the catalog: a proposal with the checklist it names, a review with
its proposal, a checklist with the names the engine knows.

The only stage (besides writing outputs) that reads the disk. Each loader collects every schema
problem of a document at once; cross-reference problems follow once the schema holds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from assess.checklists.catalog import PLATFORMS, Catalog
from assess.core.errors import InputError, NotFoundError, Problem
from assess.core.files import read_regular
from assess.core.i18n.messages import msg
from assess.core.memo import by_name
from assess.documents import yamlsource
from assess.documents.loading import Loaded, kind_of, raise_problems, typed
from assess.documents.models import Checklist, LegalRegister, Platform, Proposal, Review
from assess.documents.references import (
    check_answers,
    check_checklist,
    check_platform,
    check_proposal,
    check_review,
)
from assess.documents.yamlsource import Source
from assess.engine.vocabulary import fact_names, rule_ids
from assess.legal.citations import resolve_citations
from assess.legal.register import load_register


def _bytes(path: Path | str | Source) -> bytes | None:
    """A file's bytes, to name its parse by their hash; None for a Source or standard input."""
    if isinstance(path, Source) or str(path) == yamlsource.STDIN:
        return None
    return read_regular(path, yamlsource.MAX_BYTES)


def load_checklist(path: Path | str | Source,
                   register: Loaded[LegalRegister] | None = None) -> Loaded[Checklist]:
    """A checklist with every citation resolved against the legal register (the one in use,
    unless `register` is given): an instrument the register does not know is a located error.

    Parsed once per process for the same file, bytes and register: a batch assesses 34 proposals
    against one checklist, whose parse was two thirds of each scoring."""
    reg = register or load_register()
    raw = _bytes(path)
    if raw is None:
        source = path if isinstance(path, Source) else yamlsource.read(path)
        return _checked_checklist(source, reg)
    return _parsed_checklist(str(path), hashlib.sha256(raw).hexdigest(), reg.source.sha256,
                             raw, reg)


@by_name(32, named_by=3)  # (file, its SHA-256, the register's SHA-256)
def _parsed_checklist(name: str, sha: str, register_sha: str, raw: bytes,
                      reg: Loaded[LegalRegister]) -> Loaded[Checklist]:
    return _checked_checklist(yamlsource.parse(raw, name), reg)


def _checked_checklist(source: Source, reg: Loaded[LegalRegister]) -> Loaded[Checklist]:
    cl = typed(source, Checklist)
    raise_problems(check_checklist(cl, source, facts=fact_names(), rules=rule_ids()))
    cl, problems = resolve_citations(cl, source, reg.doc, reg.source.name)
    raise_problems(problems)
    return Loaded(cl, source)


def _path(ref: str, catalog: Catalog, where: Source | None, field: tuple[str, ...],
          file_ok: bool) -> Path:
    """The file `ref` names in the catalog; a file path only when `file_ok` (the command line),
    never from inside a document. A bad ref inside a document is located in that document."""
    try:
        if catalog.is_file_ref(ref) and not file_ok:
            instead = msg("checklists.ref.instead.checklist" if catalog.shelf.kind == "checklist"
                          else "checklists.ref.instead.platform")
            raise NotFoundError(msg("checklists.ref.file", ref=ref, noun=catalog.shelf.what,
                                    instead=instead))
        return catalog.resolve(ref)
    except NotFoundError as exc:
        if where is None:
            raise
        raise InputError.single(where.name, exc.message, line=where.line_of(field),
                                field=".".join(field)) from None


def resolve_checklist(ref: str, catalog: Catalog, *, where: Source | None = None,
                      field: str = "checklist", file_ok: bool = True,
                      register: Loaded[LegalRegister] | None = None) -> Loaded[Checklist]:
    """Load the checklist `ref` names, marked unreleased unless it is a released version of the
    catalog. `file_ok=False` for a ref written inside a document, which may not name a file;
    its citations are read through `register` (default: the one in use)."""
    path = _path(ref, catalog, where, (field,), file_ok)
    loaded = load_checklist(path, register)
    _check_identity(ref, path, loaded.doc.id, loaded.doc.version, loaded.source)
    return Loaded(loaded.doc, loaded.source, unreleased=not catalog.is_released(path, loaded.source.sha256))


def _check_identity(ref: str, path: Path, doc_id: str, version: str, source: Source) -> None:
    """The file the catalog found under `ref` says it is that id and version."""
    if ref.endswith((".yaml", ".yml")):
        return
    want_id, _, want_version = ref.partition("@")
    if doc_id != want_id:
        raise InputError.single(path, msg("checklists.identity.id", found=doc_id, want=want_id),
                                line=source.line_of(("id",)), field="id")
    if want_version not in ("", "latest") and version != want_version:
        raise InputError.single(path, msg("checklists.identity.version", found=version,
                                          want=want_version),
                                line=source.line_of(("version",)), field="version")


def load_platform(path: Path | str | Source) -> Loaded[Platform]:
    """A platform profile, parsed once per process for the same file and bytes."""
    raw = _bytes(path)
    if raw is None:
        return _checked_platform(path if isinstance(path, Source) else yamlsource.read(path))
    return _parsed_platform(str(path), hashlib.sha256(raw).hexdigest(), raw)


@by_name(32)  # (file, its SHA-256)
def _parsed_platform(name: str, sha: str, raw: bytes) -> Loaded[Platform]:
    return _checked_platform(yamlsource.parse(raw, name))


def _checked_platform(source: Source) -> Loaded[Platform]:
    pf = typed(source, Platform)
    raise_problems(check_platform(pf, source))
    return Loaded(pf, source)


def resolve_platform(ref: str, catalog: Catalog, *, where: Source | None = None,
                     field: tuple[str, ...] = ("channel", "platform"),
                     file_ok: bool = True) -> Loaded[Platform]:
    """Load the profile `ref` names, checked to be the file the catalog serves under it, and
    marked unreleased unless it is a released version."""
    path = _path(ref, catalog, where, field, file_ok)
    loaded = load_platform(path)
    _check_identity(ref, path, loaded.doc.id, loaded.doc.version, loaded.source)
    return Loaded(loaded.doc, loaded.source, unreleased=not catalog.is_released(path, loaded.source.sha256))


@dataclass(frozen=True, slots=True)
class Inputs:
    """What one assessment reads: the proposal, its checklist and, if it names one, its profile."""

    proposal: Loaded[Proposal]
    checklist: Loaded[Checklist]
    platform: Loaded[Platform] | None = None


def load_inputs(path: Path | str | Source, catalog: Catalog | None = None, *,
                checklist: str | None = None, platforms: Catalog | None = None) -> Inputs:
    """A proposal, the checklist it is assessed against (its own, unless `checklist` is given)
    and the platform profile it names.

    Answers are checked against that checklist, so a typo in a control id is caught here; the
    drawing is checked against the profile, so redrawing the platform's part is caught too.
    """
    catalog = catalog or Catalog()
    source = path if isinstance(path, Source) else yamlsource.read(path)
    proposal = typed(source, Proposal)
    pf = None
    if proposal.channel.platform is not None:
        pf = resolve_platform(proposal.channel.platform, platforms or Catalog(shelf=PLATFORMS),
                              where=source, file_ok=False)
    problems = check_proposal(proposal, source, pf.doc if pf else None)
    if checklist is None:
        cl = resolve_checklist(proposal.checklist, catalog, where=source, file_ok=False)
        problems += check_answers(proposal, source, cl.doc)
    else:
        cl = resolve_checklist(checklist, catalog)
        if cl.doc.id == proposal.checklist.partition("@")[0] and cl.doc.version == (
                proposal.checklist.partition("@")[2]):
            problems += check_answers(proposal, source, cl.doc)
    raise_problems(problems)
    return Inputs(Loaded(proposal, source), cl, pf)


def load_proposal(path: Path | str | Source, catalog: Catalog | None = None, *,
                  checklist: str | None = None) -> tuple[Loaded[Proposal], Loaded[Checklist]]:
    """`load_inputs` without the profile, for callers that only read the documents."""
    inputs = load_inputs(path, catalog, checklist=checklist)
    return inputs.proposal, inputs.checklist


def load_review(path: Path | str, checklist: Checklist | None = None,
                proposal: Loaded[Proposal] | None = None) -> Loaded[Review]:
    """A review; given the proposal it refers to, a changed proposal file is refused."""
    source = yamlsource.read(path)
    review = typed(source, Review)
    problems = check_review(review, source, checklist)
    if proposal is not None:
        if review.proposal.id != proposal.doc.id:
            problems.append(Problem(source.name, source.line_of(("proposal", "id")), "proposal.id",
                                    msg("checklists.review.other_proposal",
                                        found=review.proposal.id, want=proposal.doc.id,
                                        file=proposal.source.name)))
        elif review.proposal.sha256 != proposal.source.sha256:
            problems.append(Problem(
                source.name, source.line_of(("proposal", "sha256")), "proposal.sha256",
                msg("checklists.review.changed", file=proposal.source.name,
                    sha=proposal.source.sha256[:12], named=review.proposal.sha256[:12])))
    raise_problems(problems)
    return Loaded(review, source)


def validate_file(path: Path | str | Source, catalog: Catalog | None = None,
                  platforms: Catalog | None = None) -> str:
    """Validate any document by its `kind`; returns the kind. Raises InputError."""
    source = path if isinstance(path, Source) else yamlsource.read(path)
    kind = kind_of(source)
    if kind == "checklist":
        load_checklist(source)
    elif kind == "platform":
        load_platform(source)
    elif kind == "proposal":
        load_inputs(source, catalog, platforms=platforms)
    elif kind == "legal-register":
        load_register(source)
    else:
        review = typed(source, Review)
        raise_problems(check_review(review, source, None))
    return kind


__all__ = ["Inputs", "load_checklist", "load_inputs", "load_platform", "load_proposal",
           "load_review", "resolve_checklist", "resolve_platform", "validate_file"]

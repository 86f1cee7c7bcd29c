"""Citations resolved against the register: a checklist's `legal_basis` entries name an
instrument by register id (checklists 2.0.0 on) or, in the released 1.x files, by name and
number — read here through the register's numbers and aliases, the files left untouched.

A resolved citation carries the register's id, kind, name and number, and the article, clause and
point apart; every output formats it from those fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assess.core.errors import Problem
from assess.core.i18n.messages import Msg, msg
from assess.documents.messages import nearest
from assess.documents.models import Checklist, Control, LegalBasis
from assess.documents.models.legal import Instrument, LegalRegister
from assess.documents.yamlsource import Source, format_path
from assess.legal.register import number_key

_OLD_ARTICLE = re.compile(r"(?P<article>\d+(?:\s*[–-]\s*\d+)?)(?:\((?P<clause>\d+)\))?"
                          r"(?:\((?P<point>[a-zđ])\))?")


_FIELD = {"no_ref": "", "point_without_clause": "point", "clause_without_article": "clause",
          "number_mismatch": "number"}
"""Where each kind of problem is located in the citation ('' : the citation itself)."""


class _Index:
    def __init__(self, reg: LegalRegister) -> None:
        self.by_id = reg.by_id()
        self.by_number: dict[str, Instrument] = {}
        for inst in reg.instruments:
            for n in (inst.number, *inst.aliases):
                self.by_number.setdefault(number_key(n), inst)


def resolve(lb: LegalBasis, index: _Index) -> LegalBasis | str:
    """The citation with the register's facts filled in, or why it cannot be (a message key's
    fields are in the returned problem: see `resolve_citations`)."""
    if lb.ref is None and (lb.document is None or lb.number is None):
        return "no_ref"
    if lb.point is not None and lb.clause is None:
        return "point_without_clause"
    if lb.clause is not None and lb.article is None:
        return "clause_without_article"
    if lb.ref is not None:
        inst = index.by_id.get(lb.ref)
        if inst is None:
            return "unknown_ref"
        if lb.number is not None and number_key(lb.number) not in {
                number_key(n) for n in (inst.number, *inst.aliases)}:
            return "number_mismatch"
    else:
        assert lb.number is not None  # the model requires ref or number
        found = index.by_number.get(number_key(lb.number))
        if found is None:
            return "unknown_number"
        inst = found
    article, clause, point = lb.article, lb.clause, lb.point
    if article is not None and clause is None:
        m = _OLD_ARTICLE.fullmatch(article.strip())
        if m is not None:
            article, clause, point = m["article"], m["clause"], m["point"]
    status = "to-confirm" if "to-confirm" in (inst.status, lb.status) else "confirmed"
    return lb.model_copy(update={
        "ref": inst.id, "document": inst.title, "number": inst.number, "type": inst.type,
        "article": article, "clause": clause, "point": point, "status": status})


def _citations(cl: Checklist) -> Iterator[tuple[tuple[str | int, ...], LegalBasis]]:
    for di, d in enumerate(cl.domains):
        for ci, c in enumerate(d.controls):
            for k, lb in enumerate(c.legal_basis):
                yield ("domains", di, "controls", ci, "legal_basis", k), lb


def resolve_citations(cl: Checklist, source: Source, reg: LegalRegister,
                      register_file: str) -> tuple[Checklist, list[Problem]]:
    """`cl` with every citation resolved, and a located problem for each that cannot be."""
    index = _Index(reg)
    problems: list[Problem] = []
    resolved: dict[tuple[int, int], list[LegalBasis]] = {}
    for path, lb in _citations(cl):
        out = resolve(lb, index)
        if isinstance(out, str):
            where = _FIELD.get(out, "ref" if lb.ref is not None else "number")
            field = (*path, where) if where else path
            problems.append(Problem(source.name, source.line_of(field), format_path(field), msg(
                f"legal.cite.{out}", ref=lb.ref or "", number=lb.number or "",
                point=lb.point or "", clause=lb.clause or "",
                register=register_file, near=_near(lb, index))))
            continue
        resolved.setdefault((int(path[1]), int(path[3])), []).append(out)
    if problems:
        return cl, problems
    domains = [d.model_copy(update={"controls": [
        _with(c, resolved.get((di, ci), [])) for ci, c in enumerate(d.controls)]})
        for di, d in enumerate(cl.domains)]
    return cl.model_copy(update={"domains": domains}), []


def _with(c: Control, citations: list[LegalBasis]) -> Control:
    return c.model_copy(update={"legal_basis": citations}) if c.legal_basis else c


def _near(lb: LegalBasis, index: _Index) -> Msg:
    """The register ids (or, for a number, the numbers) closest to what the citation wrote."""
    if lb.ref is not None:
        return nearest(lb.ref, index.by_id)
    return nearest(lb.number or "", [i.number for i in index.by_id.values()])


__all__ = ["resolve", "resolve_citations"]

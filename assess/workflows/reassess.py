"""Re-assessment: a proposal answered against one checklist version, assessed against another.

The assessment then says what the answers do not cover: controls added since (unanswered, so
`unknown` unless a rule or an inapplicable fact decides them), controls removed (their answers are
ignored), controls renamed (answered under their old id), and controls whose requirement,
applicability or rule changed — the changes that may change an answer (`diff.ANSWER_FIELDS`).
`assess migrate` rewrites the proposal for the new version.
"""

from __future__ import annotations

from assess.checklists.catalog import Catalog
from assess.checklists.diff import ANSWER_FIELDS, Diff, diff
from assess.checklists.loading import resolve_checklist
from assess.core.errors import InputError, NotFoundError
from assess.documents.loading import Loaded
from assess.documents.models import Checklist, Proposal
from assess.documents.references import check_answers
from assess.engine.result import Assessment, ReassessedControl, Reassessment


def answered_checklist(proposal: Loaded[Proposal], assessed: Loaded[Checklist],
                       catalog: Catalog) -> Loaded[Checklist] | None:
    """The checklist the proposal names, when it is not the one assessed against; its answers
    are checked against it (a typo in a control id is an error here too). None when the
    proposal is assessed against its own checklist, or when its own cannot be found."""
    ref = proposal.doc.checklist
    if ref == assessed.doc.ref:
        return None
    try:
        own = resolve_checklist(ref, catalog, file_ok=False)
    except NotFoundError:
        return None
    if own.source.sha256 == assessed.source.sha256:
        return None
    problems = check_answers(proposal.doc, proposal.source, own.doc)
    if problems:
        raise InputError(problems)
    return own


def reassessment(proposal: Proposal, assessed: Checklist, a: Assessment,
                 answered: Checklist | None) -> Reassessment | None:
    """What the proposal's answers miss when assessed against `assessed` (pure)."""
    if answered is None:
        if proposal.checklist == assessed.ref:
            return None
        return _without_diff(proposal, assessed, a)
    d = diff(answered, assessed)
    return _from_diff(proposal, a, d)


def _status(a: Assessment) -> dict[str, str]:
    return {c.id: c.status.value for c in a.controls}


def _from_diff(proposal: Proposal, a: Assessment, d: Diff) -> Reassessment:
    answers = proposal.answers
    now = _status(a)
    rows: list[ReassessedControl] = []
    for cid in d.added:
        rows.append(ReassessedControl(id=cid, change="added", status=now.get(cid)))
    for old, new in d.renamed.items():
        answer = answers.get(old)
        rows.append(ReassessedControl(id=new, change="renamed", renamed_from=old,
                                      answered=answer.status.value if answer else None,
                                      status=now.get(new)))
    for cid, changes in d.changed.items():
        fields = sorted({c.field for c in changes if c.field in ANSWER_FIELDS
                         and c.bump == "major"})
        if fields and cid not in d.renamed.values():
            answer = answers.get(cid)
            rows.append(ReassessedControl(id=cid, change="changed", fields=fields,
                                          answered=answer.status.value if answer else None,
                                          status=now.get(cid)))
    for cid in d.removed:
        answer = answers.get(cid)
        rows.append(ReassessedControl(id=cid, change="removed",
                                      answered=answer.status.value if answer else None))
    return Reassessment(answered=d.old, assessed=d.new, bump=d.bump, controls=rows)


def _without_diff(proposal: Proposal, assessed: Checklist, a: Assessment) -> Reassessment:
    """The answered version cannot be found: compare the answers with the controls only."""
    ids = {c.id for c in assessed.controls()}
    now = _status(a)
    rows = [ReassessedControl(id=c.id, change="added", status=now.get(c.id))
            for c in assessed.controls() if c.id not in proposal.answers]
    rows += [ReassessedControl(id=cid, change="removed", answered=ans.status.value)
             for cid, ans in proposal.answers.items() if cid not in ids]
    return Reassessment(answered=proposal.checklist, assessed=assessed.ref, bump=None,
                        controls=rows)


def reassess(proposal: Loaded[Proposal], assessed: Loaded[Checklist], a: Assessment,
             catalog: Catalog) -> Reassessment | None:
    """The re-assessment section of `a`, or None when the proposal's own checklist was used."""
    own = answered_checklist(proposal, assessed, catalog)
    return reassessment(proposal.doc, assessed.doc, a, own.doc if own else None)


__all__ = ["answered_checklist", "reassess", "reassessment"]

"""The report's findings: each finding of the Assessment once, worded for the report.

A rule's finding already groups every place the rule fails for its control (engine.evaluate),
so the report prints it once with all its data paths, up to `SHOWN_PATHS`; a control's
requirement, legal basis, evidence and remediation are printed with its first finding only.
"""

from __future__ import annotations

from assess.core.i18n import Lang, t
from assess.core.i18n.report import w
from assess.engine.result import Assessment, ControlResult, Finding, FindingHit
from assess.outputs.report.fmt import citation, count_text
from assess.outputs.report.model import FindingView

SHOWN_PATHS = 20
"""Data paths printed per finding: a drawing with hundreds of unencrypted flows gives one
finding with hundreds of paths; past this many the report counts the rest (all are in the
attached assessment.json), so its length stays bounded by the checklist, not the drawing."""


class _Names:
    """Names by id in the report's language: the report prints names, not ids."""

    def __init__(self, a: Assessment, lang: Lang) -> None:
        s = a.scope
        self.lang = lang
        self.nodes = {n.id: n.name.get(lang) for n in s.nodes}
        self.data = {d.id: d.name.get(lang) for d in s.data}
        self.zones = {z.id: z.name.get(lang) for z in s.zones}
        self.services = {x.id: x.name.get(lang) for x in s.services}

    def place(self, hit: FindingHit) -> str:
        """A hit's path as 'A → B → C'; where nothing drawn leads there, what it names (a
        zone, a data item, or a service whose flow is not drawn)."""
        if hit.path:
            return " → ".join(self.nodes.get(n, n) for n in hit.path)
        element = hit.id.partition("@")[2]
        source, arrow, target = element.partition("->")
        if arrow and target == "undrawn":
            return f"{self._element(source)} → {w('undrawn', self.lang)}"
        return self._element(element)

    def _element(self, e: str) -> str:
        if e.startswith("zone:"):
            return self.zones.get(e[5:], e[5:])
        if e.startswith("service:"):
            return self.services.get(e[8:], e[8:])
        if e == "inventory":
            return w("inventory", self.lang)
        return self.nodes.get(e) or self.data.get(e) or e

    def data_list(self, ids: list[str]) -> str:
        return ", ".join(self.data.get(i, i) for i in ids)


def findings(a: Assessment, lang: Lang) -> list[FindingView]:
    """Every finding, in the Assessment's order; a control's texts with its first finding."""
    names = _Names(a, lang)
    controls = {c.id: c for c in a.controls}
    first: dict[str, str] = {}
    out = []
    for f in a.findings:
        c = controls.get(f.control) if f.control else None
        earlier = first.get(c.id) if c is not None else None
        if c is not None and earlier is None:
            first[c.id] = f.id
        out.append(_finding(f, c, names, lang, earlier))
    return out


def to_confirm(a: Assessment, lang: Lang) -> list[str]:
    """The to-confirm citations the findings print, each once, in the order printed."""
    controls = {c.id: c for c in a.controls}
    cited = (controls[f.control] for f in a.findings if f.control in controls)
    out = dict.fromkeys(cit.text for c in cited for cit in
                        (citation(lb, lang) for lb in c.legal_basis) if cit.to_confirm)
    return list(out)


def _finding(f: Finding, c: ControlResult | None, names: _Names, lang: Lang,
             earlier: str | None) -> FindingView:
    """One finding; `earlier`: the id of the control's first finding, which printed its
    requirement, legal basis, evidence and remediation (this one points to it instead)."""
    evidence = list(c.evidence) if c and c.evidence else []
    label = w("evidence", lang)
    if not evidence and c is not None:
        evidence, label = [c.evidence_expected.get(lang)], w("evidence_expected", lang)
    if c is not None and c.note:
        evidence.append(f"{w('note', lang)}: {c.note}")
    if c is not None and c.review_rationale:
        evidence.append(f"{w('rationale', lang)}: {c.review_rationale}")
    paths = [names.place(h) for h in f.hits[:SHOWN_PATHS]]
    hidden = len(f.hits) - len(paths)
    control = f"{c.id} — {c.title.get(lang)}" if c and c.id != f.id else None
    shown = c is not None and earlier is None
    if c is not None and earlier is not None:
        control = f"{c.id} — {c.title.get(lang)} ({w('as_in', lang, id=earlier)})"
    return FindingView(
        id=f.id, severity=t(f.severity.value, lang), severity_cls=f.severity.value,
        blocker=w("blocker_mark", lang) if f.blocker else None, kind=w("kind_" + f.kind, lang),
        message=f.message.get(lang), control=control, control_id=c.id if c else None,
        requirement=c.requirement.get(lang) if c and shown else None,
        legal=[citation(lb, lang) for lb in c.legal_basis] if c and shown else [],
        legal_note=w("good_practice", lang) if c and shown and not c.legal_basis else None,
        paths=paths,
        more_paths=w("more_paths", lang, n=count_text(hidden, lang)) if hidden > 0 else None,
        data=names.data_list(f.data) or None,
        evidence_label=label if shown else "", evidence=evidence if shown else [],
        remediation=f.remediation.get(lang) if f.remediation and (shown or c is None) else None)

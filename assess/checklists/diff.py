"""What changed between two checklist versions, and which semantic-version bump it needs.

`diff(old, new)` is a pure function of two validated checklists; it returns a typed `Diff`: a
flat list of `Change`s (controls added, removed, renamed, changed field by field; domain, scoring
and identity changes), each with its before/after values, a one-line reason and the bump it needs.
The whole diff needs the largest of its changes' bumps. Rendering lives in `assess.outputs.terminal.diff`.

How changes are classified — the question is always *what happens to a proposal already answered
against the old version*:

**major** — an answer given to the old version may no longer mean the same thing, or the same
answers may now give a worse result:

- a control removed, or renamed (its id changed: answers are keyed by id; a control that keeps
  its requirement under a new id — e.g. moved to another domain — is reported as *renamed*);
- the `requirement` text changed in either language. The requirement is the question the
  province answers, so any change of its words is a change of meaning; we do not guess at
  "substantial". Changes of whitespace, letter case and punctuation only are wording (patch);
- `blocker` false → true; `severity` changed in *either* direction (the control's weight in its
  domain changes, and lowering the weight of a control a proposal met lowers its score);
- `applies_if` narrowed (a fact added) or widened (a fact removed): the set of proposals the
  control applies to changes, so an answer may become needed, or be dropped;
- `rule` added, changed or removed: who decides the status (the data flows or the declaration)
  changes, and the rule wins over the declared answer;
- a domain removed, or its weight changed (either way: weights are relative); a control moved to
  another domain under the same id;
- scoring made stricter: a threshold raised, a status value lowered, a severity weight changed
  (either way), an impact or likelihood level or a risk-matrix rating raised, the data-subject
  step-up lowered, the partial step-down lowered;
- the checklist's `id` or `schema_version` changed.

**minor** — something new to answer, or a relaxation: every existing answer keeps its meaning
and the same answers give the same or a better result (new controls are unanswered, and a
re-assessment lists them):

- a control or a domain added (even a blocking control: re-assessment lists it as unanswered);
- `blocker` true → false; a threshold lowered; a status value raised; an impact or likelihood
  level or a risk-matrix rating lowered; the step-up raised; the step-down raised;
  `approve_max_risk` raised or removed;
- a control's `owner` changed (who must act and hold the evidence; nothing is scored on it);
- a new optional field filled in (the checklist's `description`).

**patch** — nothing a result depends on: wording of `title`, `guidance`, `evidence`,
`remediation` (and of `requirement` in whitespace, case or punctuation only), domain titles,
the checklist's title, description, publisher and `effective_from`, and legal-basis citations.

`version` and `status` are the release machinery itself and are never reported.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from assess.core.semver import BUMPS, Bump, bump_rank, next_version, version_bump
from assess.documents.models import Checklist, Control, Domain, Scoring
from assess.documents.models.common import LEVELS, level_rank

Area = Literal["checklist", "scoring", "domain", "control", "platform"]
ANSWER_FIELDS = ("requirement", "applies_if", "rule")
"""Fields of a control whose change may change a province's answer (used by re-assessment)."""


def max_bump(bumps: Iterable[Bump]) -> Bump:
    return max(bumps, key=bump_rank, default="none")


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between the two versions."""

    area: Area
    target: str
    """Control id, domain id, 'scoring' or the checklist id."""
    kind: str
    """What happened: added, removed, renamed, changed, raised, lowered, narrowed, widened…"""
    field: str
    """Which field, as a dotted path ('' for a whole control or domain)."""
    bump: Bump
    why: str
    """Why this bump, in one sentence."""
    before: Any = None
    after: Any = None


@dataclass(frozen=True, slots=True)
class Diff:
    """Every change from `old` to `new`, in checklist order."""

    old: str
    new: str
    old_version: str
    new_version: str
    changes: tuple[Change, ...] = field(default_factory=tuple)

    @property
    def bump(self) -> Bump:
        """The semantic-version bump the whole change needs."""
        return max_bump(c.bump for c in self.changes)

    def controls(self, kind: str) -> list[str]:
        return [c.target for c in self.changes if c.area == "control" and c.kind == kind
                and c.field == ""]

    @property
    def added(self) -> list[str]:
        return self.controls("added")

    @property
    def removed(self) -> list[str]:
        return self.controls("removed")

    @property
    def renamed(self) -> dict[str, str]:
        """Old id -> new id of controls that kept their requirement under a new id."""
        return {str(c.before): str(c.after) for c in self.changes
                if c.area == "control" and c.kind == "renamed"}

    @property
    def changed(self) -> dict[str, list[Change]]:
        """Changes of the controls present in both versions, by control id."""
        out: dict[str, list[Change]] = {}
        for c in self.changes:
            if c.area == "control" and c.field:
                out.setdefault(c.target, []).append(c)
        return out

    def of_area(self, area: Area) -> list[Change]:
        return [c for c in self.changes if c.area == area]

    def to_dict(self) -> dict[str, Any]:
        return {"old": self.old, "new": self.new, "bump": self.bump,
                "version_bump": version_bump(self.old_version, self.new_version),
                "suggested_version": next_version(self.old_version, self.bump),
                "summary": {"added": self.added, "removed": self.removed,
                            "renamed": self.renamed, "changed": sorted(self.changed)},
                "changes": [asdict(c) for c in self.changes]}


# ── comparing ─────────────────────────────────────────────────────────────────────────────────


def _json(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    return value


def _words(text: str) -> str:
    """Text reduced to its words: Unicode-normalised, case-folded, no punctuation or spacing."""
    return " ".join(re.sub(r"[\W_]+", " ", unicodedata.normalize("NFC", text).casefold()).split())


class ChangeCollector:
    def __init__(self) -> None:
        self.changes: list[Change] = []

    def add(self, area: Area, target: str, kind: str, fld: str, bump: Bump, why: str,
            before: Any = None, after: Any = None) -> None:
        self.changes.append(Change(area, target, kind, fld, bump, why, _json(before), _json(after)))

    def ordered(self, area: Area, target: str, fld: str, before: float, after: float, *,
                stricter_when_higher: bool, what: str, shown: tuple[Any, Any] | None = None
                ) -> None:
        """A number where one direction is stricter (major) and the other looser (minor).

        `shown` replaces the numbers in the report when they stand for something else (ranks).
        """
        if before == after:
            return
        raised = after > before
        stricter = raised == stricter_when_higher
        self.add(area, target, "raised" if raised else "lowered", fld,
                 "major" if stricter else "minor",
                 f"{what} {'raised' if raised else 'lowered'}: "
                 + ("stricter — the same answers can give a worse result" if stricter
                    else "looser — the same answers give the same or a better result"),
                 *(shown or (before, after)))


_WORDING = {
    "title": "the title is wording",
    "guidance": "how a reviewer checks it is wording",
    "evidence": "the evidence expected is wording",
    "remediation": "the remediation is wording",
}


def _control(c: ChangeCollector, old: Control, new: Control, old_domain: str, new_domain: str) -> None:
    cid = new.id
    if old_domain != new_domain:
        c.add("control", cid, "moved", "domain", "major",
              "moved to another domain: its weight in the overall score changes",
              old_domain, new_domain)
    for name in ("title", "requirement", "guidance", "evidence", "remediation"):
        a, b = getattr(old, name), getattr(new, name)
        if a == b:
            continue
        if name == "requirement" and any(_words(a.get(lang)) != _words(b.get(lang))
                                         for lang in ("vi", "en")):
            c.add("control", cid, "changed", name, "major",
                  "the requirement's words changed: it is the question the province answers, "
                  "so an answer may no longer hold", a, b)
        else:
            why = _WORDING.get(name, "only whitespace, case or punctuation changed")
            c.add("control", cid, "reworded", name, "patch", why, a, b)
    if old.severity != new.severity:
        raised = level_rank(new.severity) > level_rank(old.severity)
        c.add("control", cid, "raised" if raised else "lowered", "severity", "major",
              "severity raised: failing it weighs more" if raised else
              "severity lowered: its weight changes, so a proposal that met it can score lower",
              old.severity.value, new.severity.value)
    if old.blocker != new.blocker:
        if new.blocker:
            c.add("control", cid, "raised", "blocker", "major",
                  "now a blocker: failing it rejects the proposal whatever the score", False, True)
        else:
            c.add("control", cid, "lowered", "blocker", "minor",
                  "no longer a blocker: the same answers give the same or a better verdict",
                  True, False)
    a_facts, b_facts = set(old.applies_if), set(new.applies_if)
    if a_facts != b_facts:
        added, removed = sorted(b_facts - a_facts), sorted(a_facts - b_facts)
        kind = "narrowed" if added and not removed else "widened" if removed and not added \
            else "changed"
        c.add("control", cid, kind, "applies_if", "major",
              f"applicability {kind}: the proposals it applies to change, so an answer may "
              "become needed or be dropped", old.applies_if, new.applies_if)
    if old.rule != new.rule:
        kind = "added" if old.rule is None else "removed" if new.rule is None else "changed"
        why = {"added": "now decided from the data flows, whatever the province declared",
               "removed": "no longer decided from the data flows: the declared answer decides",
               "changed": "decided by a different data-flow rule"}[kind]
        c.add("control", cid, kind, "rule", "major", f"rule {kind}: {why}", old.rule, new.rule)
    if old.legal_basis != new.legal_basis:
        c.add("control", cid, "changed", "legal_basis", "patch",
              "legal-basis citations change no answer or score", old.legal_basis, new.legal_basis)
    if old.owner != new.owner:
        c.add("control", cid, "changed", "owner", "minor",
              "who must act and hold the evidence changed; nothing is scored on it",
              old.owner, new.owner)


def _controls(c: ChangeCollector, old: Checklist, new: Checklist) -> None:
    old_at = {ctrl.id: (d.id, ctrl) for d in old.domains for ctrl in d.controls}
    new_at = {ctrl.id: (d.id, ctrl) for d in new.domains for ctrl in d.controls}
    removed = [cid for cid in old_at if cid not in new_at]
    added = [cid for cid in new_at if cid not in old_at]
    renamed: dict[str, str] = {}
    for cid in removed:
        req = old_at[cid][1].requirement
        for nid in added:
            if nid not in renamed.values() and _same_text(req, new_at[nid][1].requirement):
                renamed[cid] = nid
                break
    for cid in removed:
        if cid in renamed:
            nid = renamed[cid]
            c.add("control", nid, "renamed", "", "major",
                  f"id changed from {cid} (same requirement): answers are keyed by id",
                  cid, nid)
            _control(c, old_at[cid][1], new_at[nid][1], old_at[cid][0], new_at[nid][0])
        else:
            c.add("control", cid, "removed", "", "major",
                  "removed: answers to it are dropped and past results change",
                  _outline(*old_at[cid]), None)
    for nid in added:
        if nid not in renamed.values():
            c.add("control", nid, "added", "", "minor",
                  "new control: existing answers keep their meaning; it is unanswered until "
                  "re-assessed", None, _outline(*new_at[nid]))
    for cid, (domain, ctrl) in new_at.items():
        if cid in old_at:
            _control(c, old_at[cid][1], ctrl, old_at[cid][0], domain)


def _outline(domain: str, ctrl: Control) -> dict[str, Any]:
    return {"domain": domain, "title": ctrl.title, "severity": ctrl.severity.value,
            "blocker": ctrl.blocker}


def _same_text(a: Any, b: Any) -> bool:
    return all(_words(a.get(lang)) == _words(b.get(lang)) for lang in ("vi", "en"))


def _domains(c: ChangeCollector, old: Checklist, new: Checklist) -> None:
    old_d: dict[str, Domain] = {d.id: d for d in old.domains}
    new_d: dict[str, Domain] = {d.id: d for d in new.domains}
    for did, d in old_d.items():
        if did not in new_d:
            c.add("domain", did, "removed", "", "major",
                  "domain removed, with its controls", d.title, None)
    for did, d in new_d.items():
        if did not in old_d:
            c.add("domain", did, "added", "", "minor", "new domain, with new controls",
                  None, d.title)
            continue
        o = old_d[did]
        if o.weight != d.weight:
            c.add("domain", did, "raised" if d.weight > o.weight else "lowered", "weight",
                  "major", "domain weight changed: weights are relative, so the overall score "
                  "of the same answers can go down", o.weight, d.weight)
        if o.title != d.title:
            c.add("domain", did, "reworded", "title", "patch", "a domain's title is wording",
                  o.title, d.title)


def _scoring(c: ChangeCollector, old: Scoring, new: Scoring) -> None:
    def each(fld: str, a: dict[Any, float], b: dict[Any, float], default: float | None,
             what: str, stricter_when_higher: bool | None) -> None:
        for key in list(a) + [k for k in b if k not in a]:
            x, y = a.get(key, default), b.get(key, default)
            name = f"{fld}.{getattr(key, 'value', key)}"
            if x == y:
                continue
            if x is None or y is None or stricter_when_higher is None:
                c.add("scoring", "scoring", "changed", name, "major",
                      f"{what} changed: the same answers can score lower", x, y)
            else:
                c.ordered("scoring", "scoring", name, x, y, what=what,
                          stricter_when_higher=stricter_when_higher)

    each("severity_weights", dict(old.severity_weights), dict(new.severity_weights), None,
         "a severity weight", None)
    each("status_values", dict(old.status_values), dict(new.status_values), None,
         "a status value", False)
    c.ordered("scoring", "scoring", "thresholds.approve", old.thresholds.approve,
              new.thresholds.approve, stricter_when_higher=True, what="the approve threshold")
    c.ordered("scoring", "scoring", "thresholds.conditional", old.thresholds.conditional,
              new.thresholds.conditional, stricter_when_higher=True,
              what="the conditional threshold")
    if old.approve_max_risk != new.approve_max_risk:
        def cap_rank(cap: str | None) -> int:  # no cap: looser than any
            return len(LEVELS) if cap is None else level_rank(cap)

        c.ordered("scoring", "scoring", "approve_max_risk", cap_rank(old.approve_max_risk),
                  cap_rank(new.approve_max_risk), stricter_when_higher=False,
                  what="the highest risk an approval may carry",
                  shown=(old.approve_max_risk, new.approve_max_risk))
    r, s = old.risk, new.risk
    each("risk.impact.class_levels", dict(r.impact.class_levels), dict(s.impact.class_levels), 1,
         "an impact level", True)
    c.ordered("scoring", "scoring", "risk.impact.subjects_step_up", r.impact.subjects_step_up,
              s.impact.subjects_step_up, stricter_when_higher=False,
              what="the data-subject step-up")
    each("risk.likelihood_levels", dict(r.likelihood_levels), dict(s.likelihood_levels), 1,
         "a likelihood level", True)
    c.ordered("scoring", "scoring", "risk.partial_step_down", r.partial_step_down,
              s.partial_step_down, stricter_when_higher=False, what="the partial step-down")
    for i, (row_a, row_b) in enumerate(zip(r.matrix, s.matrix, strict=False)):
        for j, (x, y) in enumerate(zip(row_a, row_b, strict=False)):
            if x != y:
                c.ordered("scoring", "scoring", f"risk.matrix[{i + 1}][{j + 1}]",
                          level_rank(x), level_rank(y), stricter_when_higher=True,
                          what=f"the risk rating at impact {i + 1}, likelihood {j + 1}",
                          shown=(x, y))


def _identity(c: ChangeCollector, old: Checklist, new: Checklist) -> None:
    target = new.id
    if old.id != new.id:
        c.add("checklist", target, "changed", "id", "major",
              "a different checklist: every answer's meaning is in question", old.id, new.id)
    if old.schema_version != new.schema_version:
        c.add("checklist", target, "changed", "schema_version", "major",
              "a different document format", old.schema_version, new.schema_version)
    wording: list[tuple[str, Callable[[Checklist], Any]]] = [
        ("title", lambda x: x.title), ("publisher", lambda x: x.publisher),
        ("effective_from", lambda x: x.effective_from.isoformat())]
    for name, get in wording:
        if get(old) != get(new):
            what = "date it takes effect" if name == "effective_from" else name
            c.add("checklist", target, "changed", name, "patch",
                  f"the checklist's {what} changes no answer or score", get(old), get(new))
    if old.description != new.description:
        if old.description is None:
            c.add("checklist", target, "added", "description", "minor",
                  "a new optional field filled in", None, new.description)
        else:
            c.add("checklist", target, "changed", "description", "patch",
                  "the checklist's description changes no answer or score",
                  old.description, new.description)


def diff(old: Checklist, new: Checklist) -> Diff:
    """Every change from `old` to `new`: identity, scoring, domains, then controls."""
    c = ChangeCollector()
    _identity(c, old, new)
    _scoring(c, old.scoring, new.scoring)
    _domains(c, old, new)
    _controls(c, old, new)
    return Diff(old=old.ref, new=new.ref, old_version=old.version, new_version=new.version,
                changes=tuple(c.changes))


__all__ = ["ANSWER_FIELDS", "BUMPS", "Bump", "Change", "Diff", "bump_rank", "diff", "max_bump",
           "next_version", "version_bump"]

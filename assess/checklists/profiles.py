"""Platform profiles as a policy team keeps them: content lint and what changed between versions.

Profiles sit on their own shelf (`platforms/<id>/<version>.yaml`) and go through the same lock,
lint and release machinery as checklists (`lint`, `release_checks`, `release`); this module
holds only what is particular to a profile:

- lint: the cross-references of `check_platform`; every text in both languages; answers keyed
  to checklist versions that exist, for controls that exist there and that the operator owns or
  shares (a province-owned control is the province's to answer: warning); facts not re-checked
  for more than a year (warning).
- diff: **major** when a proposal written for the old version may no longer load or mean the
  same — an entry point removed, the operator's id or the channel kind changed; **minor** when
  any fact changes (zones, nodes, flows, operators, sub-processors, filings, answers): results
  may change, in either direction, for a proposal moved to the new version; **patch** for
  wording, notes and sources only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assess.checklists.catalog import Catalog
from assess.checklists.content import Issue, Out, check_texts, error_message
from assess.checklists.diff import ChangeCollector, Diff
from assess.core.errors import AssessError
from assess.core.i18n.messages import msg
from assess.documents.models import Platform
from assess.documents.references import check_platform
from assess.documents.yamlsource import Source

STALE_DAYS = 365
"""After this long without a re-check against sources, a profile's facts may be out of date."""


def lint_platform(pf: Platform, source: Source, *, catalog: Catalog | None = None,
                  today: dt.date | None = None) -> list[Issue]:
    out = Out(source)
    out.issues += [Issue("error", p) for p in check_platform(pf, source)]
    check_texts(out, pf)
    _check_answers(out, pf, catalog or Catalog())
    age = ((today or dt.date.today()) - pf.checked_on).days
    if age > STALE_DAYS:
        out.warn(("checked_on",), msg("checklists.lint.stale", age=age,
                                      date=pf.checked_on.isoformat()))
    return out.issues


def _check_answers(out: Out, pf: Platform, catalog: Catalog) -> None:
    from assess.checklists.loading import resolve_checklist

    for ref, answers in pf.answers.items():
        try:
            cl = resolve_checklist(ref, catalog, file_ok=False).doc
        except AssessError as exc:
            out.error(("answers", ref), msg("checklists.lint.answers_unloadable", ref=ref,
                                            why=error_message(exc)))
            continue
        controls = {c.id: c for c in cl.controls()}
        for cid in answers:
            ctrl = controls.get(cid)
            if ctrl is None:
                out.error(("answers", ref, cid), msg("checklists.lint.no_control", id=cid,
                                                     ref=ref))
            elif ctrl.owner == "province":
                out.warn(("answers", ref, cid), msg("checklists.lint.province_control", id=cid))


_WORDING = frozenset({"title", "description", "note", "sources", "checked_on", "publisher",
                      "name", "role", "purpose"})
"""Fields that are wording or provenance: a change of them alone is a patch."""


def _strip(value: Any) -> Any:
    """The facts of a dumped profile, without the wording and provenance fields."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in _WORDING}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def diff_platforms(old: Platform, new: Platform) -> Diff:
    c = ChangeCollector()
    before = old.model_dump(mode="json", by_alias=True, exclude={"version", "status"})
    after = new.model_dump(mode="json", by_alias=True, exclude={"version", "status"})
    gone = sorted({n.id for n in old.nodes if n.entry} - {n.id for n in new.nodes if n.entry})
    for node in gone:
        c.add("platform", node, "removed", "nodes", "major", "an entry point removed: a "
              "proposal connecting to it no longer loads", node, None)
    for name in ("operator", "channel_kind", "id", "schema_version"):
        if before[name] != after[name]:
            c.add("platform", new.id, "changed", name, "major", f"{name} changed: a proposal "
                  "written for the old version may no longer load or mean the same",
                  before[name], after[name])
    for name in sorted(set(before) | set(after)):
        if name in ("operator", "channel_kind", "id", "schema_version"):
            continue
        b, a = before.get(name), after.get(name)
        if b == a:
            continue
        if _strip(b) != _strip(a) and name not in _WORDING:
            c.add("platform", new.id, "changed", name, "minor", "facts changed: results may "
                  "change for a proposal moved to this version", b, a)
        else:
            c.add("platform", new.id, "changed", name, "patch", "wording or sources only", b, a)
    return Diff(old.ref, new.ref, old.version, new.version, tuple(c.changes))


def first_release(pf: Platform) -> str:
    unknown = sum(1 for z in pf.zones if z.country == "unknown")
    return (f"First release: operator {pf.operator_record().name}, {len(pf.zones)} zones "
            f"({unknown} with an unknown location), {len(pf.nodes)} nodes, answers for "
            f"{len(pf.answers)} checklist versions.")


__all__ = ["diff_platforms", "first_release", "lint_platform"]

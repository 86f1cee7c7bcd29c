"""What changed between two versions of a proposal: answers, data, zones, nodes and flows.

The reviewer of a resubmission reads this before anything else: which answers the province
changed (and to what), and which parts of the drawing moved. Elements are matched by id (flows,
which have none, by their two ends), so a reordered list is no change at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from assess.documents.models.proposal import Flow, Proposal

Kind = Literal["answer", "service", "data", "zone", "node", "flow", "channel"]
How = Literal["added", "removed", "changed"]


@dataclass(frozen=True, slots=True)
class Change:
    kind: Kind
    key: str
    """The element's id (a control's for an answer; 'from → to' for a flow)."""
    how: How
    fields: list[str] = field(default_factory=list)
    """The fields that differ, for a changed element."""
    before: str | None = None
    """An answer's status before (None when it was not answered)."""
    after: str | None = None


@dataclass(frozen=True, slots=True)
class Changes:
    changes: list[Change]

    def of(self, kind: Kind) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]

    @property
    def answers(self) -> dict[str, Change]:
        return {c.key: c for c in self.of("answer")}

    def __bool__(self) -> bool:
        return bool(self.changes)


def _dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


def _diff_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    return sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))


def _elements(kind: Kind, old: Mapping[str, BaseModel], new: Mapping[str, BaseModel]
              ) -> Iterable[Change]:
    for key in old.keys() | new.keys():
        if key not in new:
            yield Change(kind, key, "removed")
        elif key not in old:
            yield Change(kind, key, "added")
        else:
            differ = _diff_fields(_dump(old[key]), _dump(new[key]))
            if differ:
                yield Change(kind, key, "changed", differ)


def _flows(flows: list[Flow]) -> dict[str, Flow]:
    out: dict[str, Flow] = {}
    for f in flows:
        key = f"{f.source} → {f.target}"
        n = 1
        while key in out:  # two flows between the same nodes: told apart by their order
            n += 1
            key = f"{f.source} → {f.target} ({n})"
        out[key] = f
    return out


def compare(old: Proposal, new: Proposal) -> Changes:
    """Every difference that matters to a review, answers first, each group in id order."""
    out: list[Change] = []
    for cid in sorted(old.answers.keys() | new.answers.keys()):
        a, b = old.answers.get(cid), new.answers.get(cid)
        if a is None or b is None:
            out.append(Change("answer", cid, "added" if a is None else "removed",
                              before=a.status.value if a else None,
                              after=b.status.value if b else None))
            continue
        differ = _diff_fields(_dump(a), _dump(b))
        if differ:
            out.append(Change("answer", cid, "changed", differ, a.status.value, b.status.value))
    channel = _diff_fields(_dump(old.channel), _dump(new.channel))
    if channel:
        out.append(Change("channel", "channel", "changed", channel))
    groups: list[tuple[Kind, Mapping[str, BaseModel], Mapping[str, BaseModel]]] = [
        ("service", {s.id: s for s in old.services}, {s.id: s for s in new.services}),
        ("data", {d.id: d for d in old.data}, {d.id: d for d in new.data}),
        ("zone", {z.id: z for z in old.zones}, {z.id: z for z in new.zones}),
        ("node", {n.id: n for n in old.nodes}, {n.id: n for n in new.nodes}),
        ("flow", _flows(old.flows), _flows(new.flows)),
    ]
    for kind, before, after in groups:
        out.extend(sorted(_elements(kind, before, after), key=lambda c: c.key))
    return Changes(out)


__all__ = ["Change", "Changes", "compare"]

"""Exposure matrix: for every data item, which operators can read it, where, and along which path.

"Who sees what" is a reachability question, not a neighbourhood one: a phone number typed into a
Zalo OA reaches the province's portal through Zalo's servers, so both operators are exposed even
though the citizen never talks to the portal. Reachability is computed per data item over the
flows that carry it, once per graph; the graph rules reuse the same trees to show how data got to
the flow or store they flag, so a whole assessment stays linear in flows.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from assess.engine.graph import Columns, FlowGraph
from assess.engine.result import ExposureEntry

MAX_PATH = 32
"""Longest path a hit or an exposure entry carries (the hops nearest to it are kept): enough for
any real data-flow diagram, and it keeps the output linear on pathological chains."""

_SOURCES = frozenset({"actor", "external"})
"""Kinds that produce data: they originate what they send even when it also comes back to them."""


@dataclass(frozen=True, slots=True)
class Spread:
    """How one data item spreads: a breadth-first tree over the flows that carry it."""

    origins: tuple[str, ...]
    """Where the item starts: nodes that send it without receiving it, actors and external
    systems that send it, and stores that keep it with no flow bringing it in."""
    parent: dict[str, str | None]
    """Every node the item reaches (in the order it reaches them) -> the node it came from."""
    relays: frozenset[str]
    """Nodes that only pass the item on end-to-end encrypted: the rest of `parent` can read it."""
    ends: frozenset[str]
    """Nodes the item flows into and goes no further: where an end-to-end channel terminates."""

    def path(self, node: str) -> tuple[str, ...]:
        """From an origin to `node` (its last MAX_PATH hops); just `(node,)` if never reached."""
        out: list[str] = []
        cur: str | None = node
        while cur is not None and len(out) < MAX_PATH:
            out.append(cur)
            cur = self.parent.get(cur)
        out.reverse()
        return tuple(out)


class Index:
    """The graph's columns (`graph.Columns`) with what the walks of the rules and the matrix
    add to them: per data item, the flows that carry it and who keeps it, and its spread,
    walked on first use.

    Every object that outlives a walk makes the cycle collector rescan the whole proposal
    sooner: so flows stay columns, not 50k tuples, and each walk's scaffolding is dropped after
    it.
    """

    def __init__(self, cols: Columns, personal: frozenset[str], sensitive: frozenset[str]
                 ) -> None:
        self._personal, self._sensitive = personal, sensitive
        self.kind, self.zone, self.country = cols.kind, cols.zone, cols.country
        self.operator, self.trust = cols.operator, cols.trust
        self.stores, self.presumed = cols.stores, cols.presumed
        self.at_rest, self.retention = cols.at_rest, cols.retention
        self.src, self.dst, self.enc, self.auth = cols.src, cols.dst, cols.enc, cols.auth
        self.data, self.capped = cols.data, cols.capped
        self._ends: dict[str, list[str]] = {}
        """data -> [from, to, from, to, …] of every flow carrying it."""
        self._e2e: dict[str, list[bool]] = {}
        """data -> whether each of those flows is end-to-end encrypted."""
        ends, e2es = self._ends, self._e2e
        for u, v, enc, data in zip(self.src, self.dst, self.enc, self.data, strict=True):
            e2e = enc == "e2e"
            for d in data:
                if d in e2es:
                    ends[d] += (u, v)
                    e2es[d].append(e2e)
                else:
                    ends[d], e2es[d] = [u, v], [e2e]
        self._holders: dict[str, list[str]] = {}
        for n, kept in self.stores.items():
            for d in kept:
                self._holders.setdefault(d, []).append(n)
        self._spreads: dict[str, Spread] = {}
        self._own: frozenset[str] | None = None

    def own_zones(self) -> frozenset[str]:
        """Zones of people's own devices: untrusted, with only actors in them. A zone with any
        software, store or external system in it is somebody's system, whatever its trust."""
        found = self._own
        if found is None:
            others = {self.zone[n] for n, k in self.kind.items() if k != "actor"}
            found = self._own = frozenset(
                self.zone[n] for n, t in self.trust.items()
                if t == "untrusted" and self.zone[n] not in others)
        return found

    def used(self) -> set[str]:
        """Data items some flow carries or some datastore keeps."""
        return set(self._e2e) | set(self._holders)

    def personal(self, data: Iterable[str]) -> list[str]:
        return [d for d in data if d in self._personal]

    def sensitive(self, data: Iterable[str]) -> list[str]:
        return [d for d in data if d in self._sensitive]

    def holders(self, data: str) -> list[str]:
        """Datastores keeping the item, in the proposal's order."""
        return self._holders.get(data, [])

    def spread(self, data: str) -> Spread:
        found = self._spreads.get(data)
        if found is None:
            found = self._spreads[data] = self._walk(data)
        return found

    def _walk(self, data: str) -> Spread:
        out: dict[str, list[tuple[str, bool]]] = {}
        only_e2e_in: dict[str, bool] = {}
        pairs = iter(self._ends.get(data, ()))
        for u, v, e2e in zip(pairs, pairs, self._e2e.get(data, ()), strict=True):
            out.setdefault(u, []).append((v, e2e))
            only_e2e_in[v] = only_e2e_in.get(v, True) and e2e
        holders = self.holders(data)
        seeds = [n for n in out if n not in only_e2e_in or self.kind[n] in _SOURCES]
        seeds += [n for n in holders if n not in only_e2e_in and n not in out]
        parent: dict[str, str | None] = {}
        _bfs(seeds, out, parent)
        for n in out:  # a loop no flow enters: start it where its first flow starts
            if n not in parent:
                seeds.append(n)
                _bfs([n], out, parent)
        relays, ends = _relays_and_ends(out, only_e2e_in, {*seeds, *holders})
        return Spread(tuple(seeds), parent, relays, ends)


def _relays_and_ends(out: dict[str, list[tuple[str, bool]]], only_e2e_in: dict[str, bool],
                     holds_plaintext: set[str]) -> tuple[frozenset[str], frozenset[str]]:
    relays, ends = [], []
    for n, only_e2e in only_e2e_in.items():
        succ = out.get(n)
        if succ is None:
            ends.append(n)
        elif only_e2e and n not in holds_plaintext and all(e2e for _, e2e in succ):
            relays.append(n)
    return frozenset(relays), frozenset(ends)


def _bfs(seeds: list[str], out: dict[str, list[tuple[str, bool]]],
         parent: dict[str, str | None]) -> None:
    queue = deque(s for s in seeds if s not in parent)
    for s in queue:
        parent[s] = None
    while queue:
        u = queue.popleft()
        for v, _ in out.get(u, ()):
            if v not in parent:
                parent[v] = u
                queue.append(v)


def index(fg: FlowGraph) -> Index:
    """The graph's index, shared by the rules and the exposure matrix: built once per graph
    (kept in its memo; a FlowGraph never changes after `graph.build`)."""
    found = fg.memo.get("index")
    if found is None:
        found = fg.memo["index"] = Index(fg.cols, fg.personal_ids, fg.sensitive_ids)
    return cast(Index, found)


def _firsts(ix: Index, sp: Spread) -> tuple[dict[str, str], dict[str, str]]:
    """Per zone, the first node the item reaches, and the node its path should lead to: the
    first that reads it over a flow, else the first that reads it at all (where it rests or
    starts). Iterating backwards lets the earliest-reached node win each zone."""
    zone, parent, relays = ix.zone, sp.parent, sp.relays
    first = {zone[n]: n for n in reversed(parent)}
    target = {zone[n]: n for n in reversed(parent) if n not in relays}
    target.update({zone[n]: n for n in reversed(parent)
                   if parent[n] is not None and n not in relays})
    return first, target


def _entries(fg: FlowGraph, ix: Index, data: str, sp: Spread) -> list[ExposureEntry]:
    first, target = _firsts(ix, sp)
    stored: dict[str, list[str]] = {}
    for n in ix.holders(data):
        stored.setdefault(ix.zone[n], []).append(n)
    cls = fg.classes[data].value
    own = ix.own_zones()
    out = []
    for z, n in first.items():
        reader = target.get(z)
        out.append(ExposureEntry(
            data=data, data_class=cls, operator=ix.operator[n], zone=z, country=ix.country[n],
            trust=ix.trust[n], at_rest=z in stored, e2e=reader is None,
            path=list(sp.path(reader or n)), stored_at=stored.get(z, []), own=z in own))
    return out


def exposure_matrix(fg: FlowGraph) -> list[ExposureEntry]:
    """One entry per (data item, zone it reaches), sorted by data, operator and zone.

    The zone's operator can read the item unless it only relays it end-to-end encrypted
    (`e2e`): an operator that stores it, receives or sends it under TLS or in clear, originates
    it, or is where an end-to-end flow ends, holds the plaintext.
    """
    ix = index(fg)
    out: list[ExposureEntry] = []
    for d in fg.proposal.data:
        out += _entries(fg, ix, d.id, ix.spread(d.id))
    out.sort(key=lambda e: (e.data, e.operator, e.zone))
    return out

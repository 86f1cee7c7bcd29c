"""Exposure matrix: for every data item, which operators can read it, where, and along which path.

"Who sees what" is a reachability question, not a neighbourhood one: a phone number typed into a
Zalo OA reaches the province's portal through Zalo's servers, so both operators are exposed even
though the citizen never talks to the portal. Reachability is computed per data item over the
flows that carry it, once per graph; the graph rules reuse the same trees to show how data got to
the flow or store they flag, so a whole assessment stays linear in flows.
"""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from assess.assessment import ExposureEntry
from assess.graph import FlowGraph

MAX_PATH = 32
"""Longest path a hit or an exposure entry carries (the hops nearest to it are kept): enough for
any real data-flow diagram, and it keeps the output linear on pathological chains."""

_SOURCES = frozenset({"actor", "external"})
"""Kinds that produce data: they originate what they send even when it also comes back to them."""


@dataclass(frozen=True, slots=True)
class Spread:
    """How one data item spreads: a breadth-first tree over the flows that carry it."""

    origins: tuple[str, ...]
    parent: dict[str, str | None]
    """Every node the item reaches (in the order it reaches them) -> the node it came from."""
    relays: frozenset[str]
    """Nodes that only pass the item on end-to-end encrypted: the rest of `parent` can read it."""
    ends: frozenset[str]
    """Nodes the item flows into and goes no further: where an end-to-end channel terminates."""

    def reaches(self, node: str) -> bool:
        return node in self.parent

    def reads(self, node: str) -> bool:
        return node in self.parent and node not in self.relays

    def path(self, node: str) -> tuple[str, ...]:
        """From an origin to `node` (its last MAX_PATH hops); just `(node,)` if never reached."""
        out: list[str] = []
        cur: str | None = node
        while cur is not None and len(out) < MAX_PATH:
            out.append(cur)
            cur = self.parent.get(cur)
        out.reverse()
        return tuple(out)


class Reach:
    """Which flows carry which data item, indexed once per graph; spreads are walked on demand.

    Holds only ids and strings (never the graph), so it can live in a weak cache keyed by it.
    """

    def __init__(self, g: nx.DiGraph) -> None:
        self._rank = {n: i for i, n in enumerate(g.nodes)}
        self._kind: dict[str, str] = {n: a["kind"] for n, a in g.nodes(data=True)}
        self._out: dict[str, dict[str, list[tuple[str, bool]]]] = {}
        self._in: dict[str, dict[str, bool]] = {}
        """data -> receiving node -> True while every inbound flow of it is end-to-end."""
        self._holders: dict[str, set[str]] = {}
        for u, v, a in g.edges(data=True):
            e2e = a["encryption"] == "e2e"
            for d in a["data"]:
                self._out.setdefault(d, {}).setdefault(u, []).append((v, e2e))
                inbound = self._in.setdefault(d, {})
                inbound[v] = inbound.get(v, True) and e2e
        for n, a in g.nodes(data=True):
            for d in a["stores"]:
                self._holders.setdefault(d, set()).add(n)
        self._spreads: dict[str, Spread] = {}

    def spread(self, data: str) -> Spread:
        found = self._spreads.get(data)
        if found is None:
            found = self._spreads[data] = self._walk(data)
        return found

    def holders(self, data: str) -> list[str]:
        """Datastores keeping the item, in the proposal's order."""
        return self._sorted(self._holders.get(data, ()))

    def _sorted(self, nodes: Iterable[str]) -> list[str]:
        return sorted(nodes, key=self._rank.__getitem__)

    def _walk(self, data: str) -> Spread:
        out = self._out.get(data, {})
        inbound = self._in.get(data, {})
        holders = self._holders.get(data, set())
        seeds = self._sorted({n for n in out if n not in inbound or self._kind[n] in _SOURCES}
                             | {n for n in holders if n not in inbound})
        parent: dict[str, str | None] = {}
        _bfs(seeds, out, parent)
        origins = list(seeds)
        for n in self._sorted(out):  # a loop no flow enters: start it at its first node
            if n not in parent:
                origins.append(n)
                _bfs([n], out, parent)
        first = set(origins)
        relays = frozenset(
            n for n, only_e2e in inbound.items()
            if only_e2e and n in out and n not in holders and n not in first
            and all(e2e for _, e2e in out[n]))
        ends = frozenset(n for n in inbound if n not in out)
        return Spread(tuple(origins), parent, relays, ends)


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


_CACHE: weakref.WeakKeyDictionary[nx.DiGraph, Reach] = weakref.WeakKeyDictionary()


def reach(fg: FlowGraph) -> Reach:
    """The reachability index of a graph, shared by the rules and the exposure matrix.

    Cached by graph identity: a FlowGraph is never changed after `graph.build`.
    """
    found = _CACHE.get(fg.g)
    if found is None:
        found = _CACHE[fg.g] = Reach(fg.g)
    return found


@dataclass(slots=True)
class _Seen:
    """What one data item does inside one zone, gathered while walking its spread."""

    first: str
    reader: str | None = None
    nodes: list[str] = field(default_factory=list)
    stored_at: list[str] = field(default_factory=list)


def _zones(fg: FlowGraph, data: str, sp: Spread) -> dict[str, _Seen]:
    nodes = fg.g.nodes
    seen: dict[str, _Seen] = {}
    for n in sp.parent:
        z = seen.setdefault(nodes[n]["zone"], _Seen(first=n))
        z.nodes.append(n)
        if z.reader is None and sp.reads(n):
            z.reader = n
    for n in reach(fg).holders(data):
        seen[nodes[n]["zone"]].stored_at.append(n)
    return seen


def _entries(fg: FlowGraph, data: str, sp: Spread) -> list[ExposureEntry]:
    nodes = fg.g.nodes
    out = []
    for zone, z in _zones(fg, data, sp).items():
        a = nodes[z.first]
        out.append(ExposureEntry(
            data=data, data_class=fg.classes[data].value, operator=a["operator"], zone=zone,
            country=a["country"], trust=a["trust"], at_rest=bool(z.stored_at),
            e2e=z.reader is None, path=list(sp.path(z.reader or z.first)), nodes=z.nodes,
            stored_at=z.stored_at))
    return out


def exposure_matrix(fg: FlowGraph) -> list[ExposureEntry]:
    """One entry per (data item, zone it reaches), sorted by data, operator and zone.

    The zone's operator can read the item unless it only relays it end-to-end encrypted
    (`e2e`): an operator that stores it, receives or sends it under TLS or in clear, originates
    it, or is where an end-to-end flow ends, holds the plaintext.
    """
    r = reach(fg)
    out: list[ExposureEntry] = []
    for d in fg.proposal.data:
        out += _entries(fg, d.id, r.spread(d.id))
    out.sort(key=lambda e: (e.data, e.operator, e.zone))
    return out

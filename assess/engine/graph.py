"""The proposal as a directed data-flow graph, built once and read by facts, rules and exposure.

Nodes carry their zone's country, operator and trust and what they keep; edges carry the data
items, encryption and authentication. Scoring reads the graph as flat columns (`Columns`), which
cost no Python call per element to walk and make no reference cycles for the collector to chase;
the same graph as a networkx DiGraph (`FlowGraph.g`) is built only when an analysis asks for it.
Later stages only read the graph, so it is built once per assessment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from assess.documents.channel import channel_zones, unplaced, used
from assess.documents.models import DataClass, Proposal, Zone
from assess.engine.join import Joined, join

if TYPE_CHECKING:  # networkx costs a third of a second to import; scoring never needs it
    import networkx as nx

HOME_COUNTRY = "VN"
_CLASS = {c.value: c for c in DataClass}


@dataclass(slots=True)
class Columns:
    """The drawing read once into flat columns, for the many walks of facts, rules and exposure.

    Flat because of two costs that grow faster than the graph: networkx views cost a Python
    call per element, and attribute dicts scattered over memory stop fitting in the CPU's cache
    at tens of thousands of flows, where parallel lists of interned strings do not."""

    kind: dict[str, str]
    zone: dict[str, str]
    country: dict[str, str]
    operator: dict[str, str]
    trust: dict[str, str]
    """Per node, in the drawing's order (the zones' pseudo-stores last)."""
    stores: dict[str, tuple[str, ...]]
    """Nodes that keep something -> what they keep (declared and presumed)."""
    presumed: dict[str, tuple[str, ...]]
    """Nodes that keep something -> what they are presumed to keep (not drawn)."""
    at_rest: dict[str, str | None]
    retention: dict[str, int | None]
    """Per node: encrypted at rest, retention days, as they count (None: unknown)."""
    proven: dict[str, bool]
    """Per node: it carries evidence for what it declares."""
    src: list[str]
    dst: list[str]
    enc: list[str]
    auth: list[bool]
    data: list[tuple[str, ...]]
    capped: list[bool]
    flow: list[int]
    """One entry per flow, grouped by sender in node order: from, to, encryption,
    authenticated, data, whether a platform profile lowered its encryption, its index in the
    joined proposal."""


@dataclass(frozen=True, slots=True)
class FlowGraph:
    """The joined drawing as flat columns plus the lookups every rule needs; `g` is the same
    drawing as a networkx DiGraph, built on first use for analyses and tools."""

    cols: Columns
    classes: dict[str, DataClass]
    proposal: Proposal
    used: frozenset[str]
    """Data ids that some flow, store or service uses (the rest is inventory noise)."""
    personal_ids: frozenset[str]
    sensitive_ids: frozenset[str]
    scope: tuple[str, ...]
    """What puts personal data with the channel: `service:<id>` for each service using it, else
    `data:<id>` for each personal item of the inventory (see `assess.engine.facts`)."""
    receivers: frozenset[str] = frozenset()
    """The channel's systems: they receive the channel's personal data, drawn or not."""
    platform: str | None = None
    """The platform profile joined in (id@version), if any."""
    from_profile: frozenset[str] = frozenset()
    """Node and zone ids that come from the platform profile, not the province's drawing."""
    unknowns: frozenset[str] = frozenset()
    """What the profile leaves unknown about its nodes (`node:at_rest`, `node:retention`)."""
    channel: frozenset[str] = frozenset()
    """The personal data with the channel (`channel_data`), read by the build and the rules."""
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """What the layers above derive from the graph once (the exposure index, the networkx
    view): a FlowGraph never changes after `build`, so neither do they."""

    @property
    def g(self) -> nx.DiGraph:
        """The drawing as a networkx DiGraph, for analyses and tools: node attributes kind,
        zone, country, operator, trust, stores, presumed, encrypted_at_rest, retention_days,
        proven; edge attributes index, data, encryption, authenticated, capped. Scoring reads
        `cols`, which holds the same."""
        found = self.memo.get("nx")
        if found is None:
            found = self.memo["nx"] = _nx(self.cols)
        return cast("nx.DiGraph", found)

    def personal(self, data_ids: tuple[str, ...] | list[str] | frozenset[str]) -> list[str]:
        personal = self.personal_ids
        return [d for d in data_ids if d in personal]

    def sensitive(self, data_ids: tuple[str, ...] | list[str] | frozenset[str]) -> list[str]:
        sensitive = self.sensitive_ids
        return [d for d in data_ids if d in sensitive]


def _nx(c: Columns) -> nx.DiGraph:
    import networkx as nx

    g = nx.DiGraph()
    for n, kind in c.kind.items():
        g.add_node(n, kind=kind, zone=c.zone[n], country=c.country[n], operator=c.operator[n],
                   trust=c.trust[n], stores=c.stores.get(n, ()), presumed=c.presumed.get(n, ()),
                   encrypted_at_rest=c.at_rest[n], retention_days=c.retention[n],
                   proven=c.proven[n])
    for u, v, enc, auth, data, capped, i in zip(c.src, c.dst, c.enc, c.auth, c.data, c.capped,
                                                 c.flow, strict=True):
        g.add_edge(u, v, index=i, data=data, encryption=enc, authenticated=auth, capped=capped)
    return g


def _citizen_side(kind: str, trust: str, channel_zone: bool) -> bool:
    """A citizen's own device: a person in an untrusted zone keeps what they receive by right —
    unless the zone is the channel operator's (its staff are not the citizen)."""
    return trust == "untrusted" and kind == "actor" and not channel_zone


def channel_data(proposal: Proposal, personal: frozenset[str],
                 in_use: set[str] | None = None) -> set[str]:
    """The personal data citizens put with the channel: the services', or else the inventory's;
    with the services', any personal item the proposal places nowhere (`channel.unplaced`)."""
    served = {d for s in proposal.services for d in s.data if d in personal}
    return served | (unplaced(proposal, in_use) & personal) if served else set(personal)


def _keeping(proposal: Proposal, zones: dict[str, Zone], personal: frozenset[str],
             receivers: frozenset[str], served: frozenset[str]
             ) -> dict[str, tuple[tuple[str, ...], tuple[str, ...], str | None, int | None]]:
    """Per node: what it keeps (declared and presumed), what is presumed, and the encryption at
    rest and retention that count.

    Outside the state's systems the drawing is a claim about someone else's servers (DESIGN,
    "Who supplies the facts"): a node there that receives personal data is presumed to keep it,
    in its zone, with encryption at rest and retention unknown — unless the node says otherwise
    with evidence. A claim that makes things worse ('no', no retention) always counts.
    """
    # What a node can read: data reaching it other than end-to-end, and end-to-end data it does
    # not pass on end-to-end (it is where the encryption ends). A pure end-to-end relay holds
    # ciphertext only, as the exposure matrix says.
    # A sender holds what it sends, unless it only relays ciphertext it was sent end-to-end:
    # outside the state's systems, that is presumed kept as well as what it receives.
    relays = {(f.source, d) for f in proposal.flows if f.encryption == "e2e" for d in f.data}
    e2e_in = {(f.target, d) for f in proposal.flows if f.encryption == "e2e" for d in f.data}
    received: dict[str, set[str]] = {}
    drawn: dict[str, set[str]] = {}
    sent: dict[str, set[str]] = {}
    for f in proposal.flows:
        target, e2e = f.target, f.encryption == "e2e"
        drawn.setdefault(target, set()).update(f.data)
        mine = personal.intersection(f.data)
        received.setdefault(target, set()).update(
            mine if not e2e else (d for d in mine if (target, d) not in relays))
        sent.setdefault(f.source, set()).update(
            mine if not e2e else (d for d in mine if (f.source, d) not in e2e_in))
    # Citizens use the channel for every service: its systems receive the services' data
    # whether or not a flow is drawn to them (scope comes from the services, not the drawing);
    # with no service using personal data, the inventory is what the channel carries.
    for r in receivers:  # what a drawn flow brings (end-to-end, say) is as drawn
        received.setdefault(r, set()).update(served - drawn.get(r, set()))
    ours = channel_zones(proposal)
    out: dict[str, tuple[tuple[str, ...], tuple[str, ...], str | None, int | None]] = {}
    for n in proposal.nodes:
        trust = zones[n.zone].trust
        declared = tuple(n.stores)
        if trust == "government" or _citizen_side(n.kind, trust, n.zone in ours):
            if n.kind == "datastore":  # a store keeps what it is sent, drawn in `stores` or not
                declared += tuple(sorted(received.get(n.id, set()) - set(declared)))
            out[n.id] = (declared, (), n.encrypted_at_rest, n.retention_days)
            continue
        proven = bool(n.evidence)
        presumed = () if (n.retains is False and proven) else tuple(
            sorted((received.get(n.id, set()) | sent.get(n.id, set())) - set(declared)))
        at_rest = n.encrypted_at_rest if (proven or n.encrypted_at_rest == "no") else None
        out[n.id] = (declared + presumed, presumed, at_rest,
                     n.retention_days if proven else None)
    return out


def _unshown(proposal: Proposal, zones: dict[str, Zone], keeping: dict[str, Any],
             personal: frozenset[str]) -> list[Zone]:
    """Zones, other than the state's own in Vietnam, where the drawing shows no personal data.

    A zone the province declares is there for a reason; if the drawing shows none of the
    channel's personal data reaching or kept there, the data is presumed kept there, its
    protection unknown — so removing the one system drawn in a zone, or the data from it, does
    not take the data out of the zone. Not a zone of only citizens' own devices in Vietnam (the
    drawing cannot tell a zone abroad that had a system from one of citizens abroad), nor one
    whose every system shows with evidence what it keeps. A zone of the state's abroad counts
    too: for where citizens' data is, the state's own systems abroad are abroad."""
    shown = {proposal_node.zone for proposal_node in proposal.nodes
             if set(keeping[proposal_node.id][0]) & personal}
    zone_of = {n.id: n.zone for n in proposal.nodes}
    shown |= {zone_of[f.target] for f in proposal.flows if personal & set(f.data)}
    members: dict[str, list[Any]] = {}
    for n in proposal.nodes:
        members.setdefault(n.zone, []).append(n)
    out = []
    for z in proposal.zones:
        if (z.trust == "government" and z.country == HOME_COUNTRY) or z.id in shown:
            continue
        nodes = members.get(z.id, [])
        systems = [n for n in nodes if n.kind != "actor"]
        people_at_home = nodes and not systems and z.trust == "untrusted" and z.country == (
            HOME_COUNTRY)
        if people_at_home or (systems and all(n.evidence for n in systems)):
            continue
        out.append(z)
    return out


def build(proposal: Proposal | Joined) -> FlowGraph:
    """Build the graph from a proposal whose references are already checked (joined with its
    platform profile, when it names one: see `assess.engine.join`)."""
    joined = proposal if isinstance(proposal, Joined) else join(proposal, None)
    proposal = joined.proposal
    zones = {z.id: z for z in proposal.zones}
    classes = {d.id: _CLASS[d.data_class] for d in proposal.data}
    personal = frozenset(d for d, c in classes.items() if c.is_personal)
    in_use = used(proposal)
    held = frozenset(channel_data(proposal, personal, in_use))
    keeping = _keeping(proposal, zones, personal, joined.receivers, held)
    names = {o.id: o.name for o in proposal.operators}
    cols = Columns({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, [], [], [], [], [], [], [])
    for n in proposal.nodes:
        z = zones[n.zone]
        nid = n.id
        cols.kind[nid], cols.zone[nid], cols.country[nid] = n.kind, z.id, z.country
        cols.operator[nid] = names.get(z.operator, z.operator)
        cols.trust[nid], cols.proven[nid] = z.trust, bool(n.evidence)
        stores, presumed, cols.at_rest[nid], cols.retention[nid] = keeping[nid]
        if stores:
            cols.stores[nid], cols.presumed[nid] = stores, presumed
    # Grouped by sender in node order, each sender's flows in the drawing's order: the order a
    # DiGraph's adjacency gives, so paths and hits read the same whichever view is walked.
    by_sender: dict[str, list[int]] = {}
    for i, f in enumerate(proposal.flows):
        by_sender.setdefault(f.source, []).append(i)
    flows, capped = proposal.flows, joined.capped
    for sender in cols.kind:
        for i in by_sender.get(sender, ()):
            f = flows[i]
            cols.src.append(sender)
            cols.dst.append(f.target)
            cols.enc.append(f.encryption)
            cols.auth.append(f.authenticated)
            cols.data.append(tuple(f.data))
            cols.capped.append(i in capped)
            cols.flow.append(i)
    kept = tuple(sorted(held))
    for z in _unshown(proposal, zones, keeping, personal) if held else ():
        nid = f"zone:{z.id}"
        cols.kind[nid], cols.zone[nid], cols.country[nid] = "datastore", z.id, z.country
        cols.operator[nid] = names.get(z.operator, z.operator)
        cols.trust[nid], cols.proven[nid] = z.trust, False
        cols.stores[nid] = cols.presumed[nid] = kept
        cols.at_rest[nid] = cols.retention[nid] = None
    services = tuple(f"service:{s.id}" for s in proposal.services if personal & set(s.data))
    scope = services or tuple(f"data:{d}" for d in sorted(personal))
    return FlowGraph(cols, classes, proposal, frozenset(in_use), personal,
                     frozenset(d for d, c in classes.items() if c is DataClass.sensitive_personal),
                     scope, joined.receivers, joined.platform.ref if joined.platform else None,
                     joined.profile_nodes | joined.profile_zones, joined.unknowns, held)

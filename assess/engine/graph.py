"""The proposal as a directed data-flow graph, built once and read by facts, rules and exposure.

Nodes carry their zone's country, operator and trust; edges carry the data items (with their
class), encryption, authentication and purpose. Later stages only read the graph, so it is built
once per assessment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from assess.documents.channel import channel_zones
from assess.documents.models import DataClass, Proposal, Zone
from assess.engine.join import Joined, join

HOME_COUNTRY = "VN"
_CLASS = {c.value: c for c in DataClass}


@dataclass(frozen=True, slots=True)
class FlowGraph:
    """A networkx DiGraph plus the lookups every rule needs."""

    g: nx.DiGraph
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

    def personal(self, data_ids: tuple[str, ...] | list[str] | frozenset[str]) -> list[str]:
        personal = self.personal_ids
        return [d for d in data_ids if d in personal]

    def sensitive(self, data_ids: tuple[str, ...] | list[str] | frozenset[str]) -> list[str]:
        sensitive = self.sensitive_ids
        return [d for d in data_ids if d in sensitive]


def _citizen_side(kind: str, trust: str, channel_zone: bool) -> bool:
    """A citizen's own device: a person in an untrusted zone keeps what they receive by right —
    unless the zone is the channel operator's (its staff are not the citizen)."""
    return trust == "untrusted" and kind == "actor" and not channel_zone


def channel_data(proposal: Proposal, personal: frozenset[str]) -> set[str]:
    """The personal data citizens put with the channel: the services', or else the inventory's."""
    served = {d for s in proposal.services for d in s.data if d in personal}
    return served or set(personal)


def _keeping(proposal: Proposal, zones: dict[str, Zone], personal: frozenset[str],
             receivers: frozenset[str]
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
    relays = {(f.source, d) for f in proposal.flows if f.encryption == "e2e" for d in f.data}
    received: dict[str, set[str]] = {}
    drawn: dict[str, set[str]] = {}
    for f in proposal.flows:
        target = f.target
        drawn.setdefault(target, set()).update(f.data)
        if f.encryption != "e2e":
            received.setdefault(target, set()).update(personal.intersection(f.data))
        else:
            received.setdefault(target, set()).update(
                d for d in f.data if d in personal and (target, d) not in relays)
    # Citizens use the channel for every service: its systems receive the services' data
    # whether or not a flow is drawn to them (scope comes from the services, not the drawing);
    # with no service using personal data, the inventory is what the channel carries.
    served = channel_data(proposal, personal)
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
            sorted(received.get(n.id, set()) - set(declared)))
        at_rest = n.encrypted_at_rest if (proven or n.encrypted_at_rest == "no") else None
        out[n.id] = (declared + presumed, presumed, at_rest,
                     n.retention_days if proven else None)
    return out


def _unshown(proposal: Proposal, zones: dict[str, Zone], keeping: dict[str, Any],
             personal: frozenset[str]) -> list[Zone]:
    """Zones outside the state's systems where the drawing shows no personal data at all.

    A zone the province declares is there for a reason; if the drawing shows none of the
    channel's personal data reaching or kept there, the data is presumed kept there, its
    protection unknown — so removing the one system drawn in a zone, or the data from it, does
    not take the data out of the zone. Not a zone of only citizens' own devices in Vietnam (the
    drawing cannot tell a zone abroad that had a system from one of citizens abroad), nor one
    whose every system shows with evidence what it keeps."""
    shown = {proposal_node.zone for proposal_node in proposal.nodes
             if set(keeping[proposal_node.id][0]) & personal}
    zone_of = {n.id: n.zone for n in proposal.nodes}
    shown |= {zone_of[f.target] for f in proposal.flows if personal & set(f.data)}
    members: dict[str, list[Any]] = {}
    for n in proposal.nodes:
        members.setdefault(n.zone, []).append(n)
    out = []
    for z in proposal.zones:
        if z.trust == "government" or z.id in shown:
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
    keeping = _keeping(proposal, zones, personal, joined.receivers)
    names = {o.id: o.name for o in proposal.operators}
    g = nx.DiGraph()
    for n in proposal.nodes:
        z = zones[n.zone]
        stores, presumed, at_rest, retention = keeping[n.id]
        g.add_node(n.id, kind=n.kind, zone=z.id, country=z.country,
                   operator=names.get(z.operator, z.operator),
                   trust=z.trust, stores=stores, presumed=presumed, encrypted_at_rest=at_rest,
                   retention_days=retention, proven=bool(n.evidence))
    for i, f in enumerate(proposal.flows):
        g.add_edge(f.source, f.target, index=i, data=tuple(f.data), encryption=f.encryption,
                   authenticated=f.authenticated, capped=i in joined.capped)
    held = sorted(channel_data(proposal, personal))
    for z in _unshown(proposal, zones, keeping, personal) if held else ():
        g.add_node(f"zone:{z.id}", kind="datastore", zone=z.id, country=z.country,
                   operator=names.get(z.operator, z.operator), trust=z.trust,
                   stores=tuple(held), presumed=tuple(held), encrypted_at_rest=None,
                   retention_days=None, proven=False)
    used = {d for f in proposal.flows for d in f.data}
    used.update(d for n in proposal.nodes for d in n.stores)
    used.update(d for s in proposal.services for d in s.data)
    services = tuple(f"service:{s.id}" for s in proposal.services if personal & set(s.data))
    scope = services or tuple(f"data:{d}" for d in sorted(personal))
    return FlowGraph(g, classes, proposal, frozenset(used), personal,
                     frozenset(d for d, c in classes.items() if c is DataClass.sensitive_personal),
                     scope, joined.receivers, joined.platform.ref if joined.platform else None,
                     joined.profile_nodes | joined.profile_zones, joined.unknowns)

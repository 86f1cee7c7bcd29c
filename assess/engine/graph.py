"""The proposal as a directed data-flow graph, built once and read by facts, rules and exposure.

Nodes carry their zone's country, operator and trust; edges carry the data items (with their
class), encryption, authentication and purpose. Later stages only read the graph, so it is built
once per assessment.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from assess.documents.models import DataClass, Proposal

HOME_COUNTRY = "VN"


@dataclass(frozen=True, slots=True)
class FlowGraph:
    """A networkx DiGraph plus the lookups every rule needs."""

    g: nx.DiGraph
    classes: dict[str, DataClass]
    proposal: Proposal
    used: frozenset[str]
    """Data ids that some flow, store or service uses (the rest is inventory noise)."""

    def personal(self, data_ids: tuple[str, ...] | list[str] | frozenset[str]) -> list[str]:
        return [d for d in data_ids if self.classes[d].is_personal]

    def sensitive(self, data_ids: tuple[str, ...] | list[str] | frozenset[str]) -> list[str]:
        return [d for d in data_ids if self.classes[d] is DataClass.sensitive_personal]


def build(proposal: Proposal) -> FlowGraph:
    """Build the graph from a proposal whose references are already checked."""
    zones = {z.id: z for z in proposal.zones}
    g = nx.DiGraph()
    for n in proposal.nodes:
        z = zones[n.zone]
        g.add_node(n.id, kind=n.kind, zone=z.id, country=z.country, operator=z.operator,
                   trust=z.trust, stores=tuple(n.stores), encrypted_at_rest=n.encrypted_at_rest,
                   retention_days=n.retention_days)
    for i, f in enumerate(proposal.flows):
        g.add_edge(f.source, f.target, index=i, data=tuple(f.data), encryption=f.encryption,
                   authenticated=f.authenticated)
    classes = {d.id: d.cls for d in proposal.data}
    used = {d for f in proposal.flows for d in f.data}
    used.update(d for n in proposal.nodes for d in n.stores)
    used.update(d for s in proposal.services for d in s.data)
    return FlowGraph(g, classes, proposal, frozenset(used))

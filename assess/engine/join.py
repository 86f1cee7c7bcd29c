"""The proposal with its platform profile joined in: one drawing, with the profile's part marked.

Everything downstream (graph, facts, rules, exposure, renderers) reads the joined proposal, so
it needs no notion of profiles beyond the set of elements that came from one. What the join
adds is the trust model's part (DESIGN, "Who supplies the facts"):

- the profile's zones, nodes and internal flows, as the profile states them; an unknown
  location becomes `ZZ` (never Vietnam) and an unknown retention stays unknown;
- what reaches the platform is what citizens do through the channel — every service's data,
  and any item of the inventory the proposal places nowhere — plus whatever the drawing sends
  to or from an entry point: a flow left undrawn cannot keep data away from the platform;
- a drawn flow into or out of an entry point counts as no better encrypted than the profile
  says connections to it are (`inbound`); such a flow is marked, so the rule that finds it says
  the profile left it unknown.
"""

from __future__ import annotations

from dataclasses import dataclass

from assess.core.i18n.messages import msg
from assess.documents.channel import channel_nodes, unplaced
from assess.documents.models import Flow, Node, Proposal, Zone
from assess.documents.models.platform import UNKNOWN_COUNTRY, Platform
from assess.documents.models.proposal import Operator

_ENC_RANK = {"none": 0, "unknown": 0, "tls": 1, "e2e": 2}
"""How much a flow's encryption protects: unknown protects no more than none."""


@dataclass(frozen=True, slots=True)
class Joined:
    proposal: Proposal
    """The proposal with the profile's part added and the channel's operator filled in."""
    platform: Platform | None
    profile_nodes: frozenset[str]
    profile_zones: frozenset[str]
    receivers: frozenset[str]
    """Nodes that receive every service's data because citizens use the channel through them."""
    capped: frozenset[int]
    """Indexes of flows whose encryption the profile lowered to what it knows."""
    unknowns: frozenset[str] = frozenset()
    """`node:at_rest` and `node:retention` for what the profile leaves unknown about its nodes."""


def _country(c: str) -> str:
    return UNKNOWN_COUNTRY if c == "unknown" else c


def _without_profile(p: Proposal) -> Joined:
    ch = p.channel
    if ch.operator_country is None:
        country = next((o.country for o in p.operators if o.id == ch.operator), UNKNOWN_COUNTRY)
        p = p.model_copy(update={"channel": ch.model_copy(update={"operator_country": country})})
    return Joined(p, None, frozenset(), frozenset(), frozenset(channel_nodes(p)), frozenset())


@dataclass(frozen=True, slots=True)
class _Side:
    """What a profile contributes to every proposal on it, converted once per profile."""

    platform: Platform
    zones: tuple[Zone, ...]
    operators: tuple[Operator, ...]
    nodes: tuple[tuple[Node, bool], ...]
    """Each profile node as a proposal node, and whether it is drawn keeping what it receives."""
    inbound: dict[str, str]
    ours: frozenset[str]
    receivers: frozenset[str]
    unknowns: frozenset[str]
    operator: tuple[str, str]
    carrying: dict[tuple[str, ...], tuple[list[Node], list[Flow]]]
    """What the profile's nodes and internal flows become for the data a proposal brings:
    the same for every proposal whose citizens bring the same data, so converted once."""

    def carry(self, carried: tuple[str, ...]) -> tuple[list[Node], list[Flow]]:
        found = self.carrying.get(carried)
        if found is None:
            data = list(carried)
            nodes = [n.model_copy(update={"stores": data}) if keeps else n
                     for n, keeps in self.nodes]
            flows = [Flow.model_construct(source=f.source, target=f.target, data=data,
                                          encryption=f.encryption,
                                          authenticated=f.authenticated, purpose=None)
                     for f in self.platform.flows] if data else []
            if len(self.carrying) >= 64:
                self.carrying.clear()
            found = self.carrying[carried] = (nodes, flows)
        return found


_SIDES: dict[int, _Side] = {}


def _side(pf: Platform) -> _Side:
    """Cached by identity: a loaded profile is immutable, and batch scoring joins it many times."""
    hit = _SIDES.get(id(pf))
    if hit is not None and hit.platform is pf:
        return hit
    evidence = [f"hồ sơ nền tảng {pf.ref} / platform profile {pf.ref}"]
    nodes = tuple((Node.model_validate({
        "id": n.id, "name": n.name.model_dump(), "kind": n.kind, "zone": n.zone,
        "encrypted_at_rest": n.encrypted_at_rest, "retention_days": n.retention_days,
        "retains": False if n.keeps == "no" else None, "evidence": evidence}),
        n.keeps != "no" and n.kind == "datastore") for n in pf.nodes)
    # A process that may keep what it receives is left to the presumption (graph._keeping),
    # which the profile's evidence list keeps from adding anything beyond what reaches it.
    zones = tuple(Zone.model_validate({"id": z.id, "name": z.name.model_dump(),
                                       "country": _country(z.country), "operator": z.operator,
                                       "trust": z.trust}) for z in pf.zones)
    operators = tuple(Operator(id=o.id, name=o.name, country=_country(o.country))
                      for o in pf.operators)
    unknowns = {f"{n.id}:at_rest" for n in pf.nodes if n.encrypted_at_rest == "unknown"}
    unknowns |= {f"{n.id}:retention" for n in pf.nodes
                 if n.retention_days is None and not n.until_deleted}
    op = pf.operator_record()
    side = _Side(pf, zones, operators, nodes, {n.id: n.inbound for n in pf.nodes if n.entry},
                 frozenset(n.id for n in pf.nodes), frozenset(n.id for n in pf.nodes if n.entry),
                 frozenset(unknowns), (op.id, _country(op.country)), {})
    if len(_SIDES) >= 16:
        _SIDES.clear()
    _SIDES[id(pf)] = side
    return side


def join(p: Proposal, pf: Platform | None) -> Joined:
    """The proposal as one drawing; pure. References must already be checked against `pf`."""
    if pf is None:
        if p.channel.platform is not None:
            raise ValueError(msg("engine.join.profile_missing", platform=p.channel.platform))
        return _without_profile(p)
    if p.channel.platform != pf.ref:
        raise ValueError(msg("engine.join.other_profile", platform=str(p.channel.platform),
                             profile=str(pf.ref)))
    side = _side(pf)
    ours, inbound = side.ours, side.inbound
    reached: set[str] = {d for s in p.services for d in s.data} | unplaced(p)
    for f in p.flows:
        if f.source in ours or f.target in ours:
            reached.update(f.data)
    carried = tuple(sorted(reached))
    flows: list[Flow] = []
    capped: set[int] = set()
    for i, f in enumerate(p.flows):
        if f.source in inbound or f.target in inbound:
            limit = min((inbound[x] for x in (f.source, f.target) if x in inbound),
                        key=_ENC_RANK.__getitem__)
            if _ENC_RANK[limit] < _ENC_RANK[f.encryption]:
                f = f.model_copy(update={"encryption": limit})
                capped.add(i)
        flows.append(f)
    their_nodes, their_flows = side.carry(carried)
    flows += their_flows
    nodes = [*p.nodes, *their_nodes]
    op_id, op_country = side.operator
    channel = p.channel.model_copy(update={"operator": op_id, "operator_country": op_country})
    joined = p.model_copy(update={"channel": channel, "zones": [*p.zones, *side.zones],
                                  "nodes": nodes, "flows": flows,
                                  "operators": [*p.operators, *side.operators]})
    return Joined(joined, pf, ours, frozenset(z.id for z in side.zones), side.receivers,
                  frozenset(capped), side.unknowns)

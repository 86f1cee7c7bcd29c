"""Which part of a proposal's drawing is the channel: the operator's zones and the systems in them.

Operators are named by id (`operators[]`, or the platform profile's), so the channel's zones are
the zones whose `operator` is the channel's operator id. Older proposals name operators by text;
an exact match then counts, and where nothing matches, every system outside the state's zones is
taken to be the channel — the worst reading, so naming operators loosely can never help.
"""

from __future__ import annotations

from assess.documents.models.proposal import Proposal


def by_id(p: Proposal) -> bool:
    """True if the proposal names its operators by id."""
    return bool(p.operators)


def channel_zones(p: Proposal) -> set[str]:
    """Ids of the drawn zones run by the channel's operator (by id, or exact text in older
    proposals)."""
    op = p.channel.operator
    return {z.id for z in p.zones if op is not None and z.operator == op}


def channel_nodes(p: Proposal) -> list[str]:
    """The drawn systems (not people) citizens' service data reaches by using the channel.

    Without a platform profile these are the non-actor nodes of the operator's zones; in an older
    proposal where no zone's operator matches the channel's, every non-actor node outside the
    government's zones (the province cannot shrink what the channel holds by naming it loosely).
    """
    zones = channel_zones(p)
    nodes = [n.id for n in p.nodes if n.zone in zones and n.kind != "actor"]
    if nodes or by_id(p):
        return nodes
    trust = {z.id: z.trust for z in p.zones}
    return [n.id for n in p.nodes if n.kind != "actor" and trust.get(n.zone) != "government"]


def used(p: Proposal) -> set[str]:
    """Data ids some service, flow or store of the proposal uses."""
    out = {d for s in p.services for d in s.data}
    out.update(d for f in p.flows for d in f.data)
    out.update(d for n in p.nodes for d in n.stores)
    return out


def unplaced(p: Proposal, in_use: set[str] | None = None) -> set[str]:
    """Items of the inventory that nothing in the proposal places (`used`). The proposal says
    it processes them but not where, so they are taken to be with the channel, like a
    service's data: removing the last flow that showed an item cannot make it vanish from the
    assessment."""
    taken = used(p) if in_use is None else in_use
    return {d.id for d in p.data if d.id not in taken}

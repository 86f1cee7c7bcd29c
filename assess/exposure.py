"""Exposure matrix: for every data item, which operators can read it, and where."""

from __future__ import annotations

from assess.assessment import ExposureEntry
from assess.graph import FlowGraph


def exposure_matrix(fg: FlowGraph) -> list[ExposureEntry]:
    """Each (data item, operator) pair where the data is seen in transit or at rest."""
    nodes = fg.g.nodes
    seen: dict[tuple[str, str], ExposureEntry] = {}
    # At rest: every datastore exposes what it stores to its zone's operator.
    for n, a in nodes(data=True):
        for d in a["stores"]:
            key = (d, a["operator"])
            seen[key] = ExposureEntry(
                data=d, data_class=fg.classes[d].value, operator=a["operator"], zone=a["zone"],
                country=a["country"], trust=a["trust"], at_rest=True, e2e=False, path=[n])
    # In transit: the receiving node's operator reads data unless the flow is end-to-end.
    for u, v, a in fg.g.edges(data=True):
        b = nodes[v]
        for d in a["data"]:
            key = (d, b["operator"])
            e2e = a["encryption"] == "e2e"
            prev = seen.get(key)
            if prev is None:
                seen[key] = ExposureEntry(
                    data=d, data_class=fg.classes[d].value, operator=b["operator"],
                    zone=b["zone"], country=b["country"], trust=b["trust"], at_rest=False,
                    e2e=e2e, path=[u, v])
            elif prev.e2e and not e2e:
                seen[key] = prev.model_copy(update={"e2e": False, "path": [u, v]})
    return sorted(seen.values(), key=lambda e: (e.data, e.operator))

"""What the findings flag on the diagram: which flows and nodes they name, and the colour each
flagged flow is drawn in.

Read from the ids of the findings' hits alone (`RULE@u->v`, `RULE@node`), so the diagram can never disagree
with the findings it illustrates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from assess.documents.models import Proposal
from assess.engine.result import Finding
from assess.outputs.diagram.style import BLUE, GREY, ORANGE, RED

EdgeKind = Literal["plain", "abroad", "other"]


@dataclass(slots=True)
class Flags:
    """Which flows and nodes findings name, and why: what the diagram colours."""

    edges: dict[tuple[str, str], set[EdgeKind]] = field(default_factory=dict)
    nodes: set[str] = field(default_factory=set)


_EDGE_KINDS: dict[str, EdgeKind] = {"G-ENC-BOUNDARY": "plain", "G-RES-XFER": "abroad"}


def flags(findings: Iterable[Finding], p: Proposal) -> Flags:
    """Read the `RULE@u->v` and `RULE@node` ids of rule findings' hits; hygiene findings name no
    drawn element."""
    keys = {(f.source, f.target) for f in p.flows}
    node_ids = {n.id for n in p.nodes}
    out = Flags()
    for f in findings:
        if f.kind != "rule":
            continue
        for hit in f.hits:
            rule, _, element = hit.id.partition("@")
            u, arrow, v = element.partition("->")
            if arrow and (u, v) in keys:
                out.edges.setdefault((u, v), set()).add(_EDGE_KINDS.get(rule, "other"))
            elif not arrow and element in node_ids:
                out.nodes.add(element)
    return out


def edge_color(kinds: set[EdgeKind]) -> str:
    return RED if "plain" in kinds else BLUE if "abroad" in kinds else ORANGE if kinds \
        else GREY


def edge_style(kinds: set[EdgeKind]) -> str:
    if not kinds:
        return f'color="{GREY}"'
    color = edge_color(kinds)
    style = ', style="dashed"' if "abroad" in kinds else ""
    return f'color="{color}", penwidth=2.5{style}'

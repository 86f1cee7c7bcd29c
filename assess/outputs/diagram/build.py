"""The diagram as DOT source: zones as clusters, nodes, flows as labelled edges, findings in colour.

Edge labels carry the flow's number (its row in the report's flows table) and its data ids
three to a line, a count past six; flows between the same two nodes share one edge. Names wrap
evenly. Past MAX_NODES nodes the graph is collapsed to one box per zone. Graph identifiers are
generated (`n0`, `z1`), never taken from input, and every text from the proposal reaches DOT
only through `text.esc`. The source is a pure function of the input (no timestamps, no random
ids).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from assess.core.i18n import Lang, t
from assess.core.i18n import country as country_word
from assess.core.i18n.diagram import w
from assess.documents.models import Proposal
from assess.engine.result import Assessment
from assess.outputs.diagram.findings import EdgeKind, Flags, edge_color, edge_style, flags
from assess.outputs.diagram.key import legend, legend_label
from assess.outputs.diagram.style import (
    EDGE_SIZE,
    GREY,
    MARGIN,
    MAX_NODES,
    NAME_SIZE,
    RED,
    SHAPE,
    SMALL_SIZE,
    TITLE_SIZE,
    ZONE_SIZE,
    ZONE_STYLE,
)
from assess.outputs.diagram.text import FONT, Line, html_label, wrap

RankDir = Literal["LR", "TB"]

_NAME_WIDTH = 118.0
"""Node names wrap at this width (points at NAME_SIZE, bold): narrow nodes, short ranks."""
_ZONE_WIDTH = 190.0
_TITLE_WIDTH = 480.0
_IDS_PER_LINE = 3
_MAX_IDS = 6
"""A flow or store with more data items than this shows their number (the flows table and the
inventory list them), not a wall of ids."""


@dataclass(frozen=True, slots=True)
class Layout:
    """How dot is asked to lay the graph out: the direction of its ranks, and whether ranks
    are assigned over the whole graph (newrank) or cluster by cluster (more compact when zones
    are chains, less when flows cross zones back and forth)."""

    rankdir: RankDir = "LR"
    newrank: bool = False
    spread: bool = False
    """Wider gaps between nodes and ranks: room for dot to set labels apart."""


_SPACING = {("LR", False): "nodesep=0.25, ranksep=0.35", ("TB", False): "nodesep=0.2, ranksep=0.25",
            ("LR", True): "nodesep=0.5, ranksep=0.5", ("TB", True): "nodesep=0.6, ranksep=0.5"}
"""Inches between nodes of a rank and between ranks."""


# -- labels -------------------------------------------------------------------------------------

def _id_rows(items: Sequence[str], prefix: str = "") -> list[str]:
    """Data ids a few to a line, the first line after `prefix`."""
    rows = [", ".join(items[i:i + _IDS_PER_LINE]) for i in range(0, len(items), _IDS_PER_LINE)]
    rows = rows or [""]
    return [(prefix if i == 0 else "") + row + ("," if i < len(rows) - 1 else "")
            for i, row in enumerate(rows)]


def _zone_label(z_name: str, country: str, operator: str, trust: str, lang: Lang,
                extra: str = "") -> str:
    lines = [Line(t, ZONE_SIZE, bold=True) for t in wrap(z_name, _ZONE_WIDTH, ZONE_SIZE,
                                                         bold=True)]
    lines.append(Line(f"{country_word(country, lang)} · {operator} · {t('trust.' + trust, lang)}",
                      SMALL_SIZE + 1))
    if extra:
        lines.append(Line(extra, SMALL_SIZE + 1))
    return html_label(lines, ZONE_STYLE[trust][0] + "c8")  # a little see-through: flows under it show


def _node_label(p: Proposal, i: int, lang: Lang) -> str:
    n = p.nodes[i]
    lines = [Line(t, NAME_SIZE, bold=True)
             for t in wrap(n.name.get(lang), _NAME_WIDTH, NAME_SIZE, bold=True)]
    lines.append(Line(n.id, SMALL_SIZE))
    if n.kind == "datastore":
        state = w(n.encrypted_at_rest or "unknown", lang)
        keep = (w("days", lang).format(n=n.retention_days) if n.retention_days is not None
                else w("no_limit", lang))
        stores = list(n.stores)
        if len(stores) > _MAX_IDS:
            lines.append(Line(f"{w('stores', lang)}: "
                              f"{w('items', lang).format(n=len(stores))}", SMALL_SIZE))
        else:
            lines += [Line(t, SMALL_SIZE) for t in _id_rows(stores, f"{w('stores', lang)}: ")]
        lines.append(Line(f"{w('at_rest', lang)}: {state} · {keep}", SMALL_SIZE))
    return html_label(lines)


def _edge_lines(head: str, data: Sequence[str], lang: Lang, color: str | None) -> list[Line]:
    lines = [Line(head, EDGE_SIZE, bold=True, color=color)]
    if len(data) > _MAX_IDS:
        return [*lines, Line(w("items", lang).format(n=len(data)), EDGE_SIZE, color=color)]
    return lines + [Line(t, EDGE_SIZE, color=color) for t in _id_rows(data)]


def _title(p: Proposal, lang: Lang, collapsed: bool) -> list[Line]:
    text = f"{w('title', lang)} — {p.title.get(lang)} ({p.id})"
    lines = [Line(t, TITLE_SIZE, bold=True) for t in wrap(text, _TITLE_WIDTH, TITLE_SIZE,
                                                          bold=True)]
    if collapsed:
        note = w("collapsed", lang).format(n=len(p.nodes), max=MAX_NODES)
        lines.append(Line(note, SMALL_SIZE + 2, italic=True))
    return lines


def _zone_attrs(trust: str) -> str:
    fill, border, style = ZONE_STYLE[trust]
    return f'style="{style},filled", fillcolor="{fill}", color="{border}"'


# -- the graph ----------------------------------------------------------------------------------

def _header(layout: Layout) -> list[str]:
    sep = _SPACING[layout.rankdir, layout.spread]
    # dot 2.43 switches to global ranking when `newrank` is set at all, even to false
    newrank = "newrank=true, " if layout.newrank else ""
    return [
        "digraph dfd {",
        f'  graph [fontname="{FONT}", fontsize={NAME_SIZE:g}, rankdir={layout.rankdir}, {sep}, '
        f'{newrank}margin=0, pad=0.05];',
        f'  node [fontname="{FONT}", fontsize={NAME_SIZE:g}, color="{GREY}", '
        'fillcolor="white"];',
        f'  edge [fontname="{FONT}", fontsize={EDGE_SIZE:g}, arrowsize=0.7];',
    ]


def _node(p: Proposal, i: int, ident: str, fl: Flags, lang: Lang) -> str:
    n = p.nodes[i]
    shape, style = SHAPE[n.kind]
    flagged = f', color="{RED}", penwidth=2.5' if n.id in fl.nodes else ""
    return (f'{ident} [shape={shape}, style="{style}", margin="{MARGIN[n.kind]}"{flagged}, '
            f'label={_node_label(p, i, lang)}];')


def _profiled(a: Assessment, lang: Lang) -> dict[str, str]:
    """Zone id -> the line saying it comes from the platform profile, for the profile's zones."""
    if a.platform is None:
        return {}
    line = w("from_profile", lang).format(ref=f"{a.platform.id}@{a.platform.version}")
    return {z: line for z in a.from_profile}


def _detailed(p: Proposal, fl: Flags, lang: Lang, profiled: dict[str, str]) -> list[str]:
    nid = {n.id: f"n{i}" for i, n in enumerate(p.nodes)}
    members: dict[str, list[int]] = {}
    for i, n in enumerate(p.nodes):
        members.setdefault(n.zone, []).append(i)
    lines: list[str] = []
    for zi, z in enumerate(p.zones):
        if z.id not in members:
            continue
        label = _zone_label(z.name.get(lang), z.country, p.operator_name(z.operator), z.trust,
                            lang, profiled.get(z.id, ""))
        lines += [f"  subgraph cluster_z{zi} {{",
                  f"    graph [{_zone_attrs(z.trust)}, peripheries=1, labeljust=l, label={label}];"]
        lines += [f"    {_node(p, i, nid[p.nodes[i].id], fl, lang)}" for i in members[z.id]]
        lines.append("  }")
    lines += _edges([_Flow(nid[f.source], nid[f.target], f"#{k} · {w(f.encryption, lang)}",
                           f.target, list(f.data), fl.edges.get((f.source, f.target), set()))
                     for k, f in enumerate(p.flows, 1)], lang)
    return lines


@dataclass(frozen=True, slots=True)
class _Flow:
    """One flow (or, collapsed, one bundle of flows between two zones) to draw."""

    u: str
    v: str
    """DOT ids of its ends."""
    head: str
    """First line of its label: '#3 · TLS'."""
    to: str
    """The id its target shows (node or zone id): names the direction when a pair of nodes
    exchanges flows both ways on one edge."""
    data: list[str]
    kinds: set[EdgeKind]


def _edges(flows: Sequence[_Flow], lang: Lang) -> list[str]:
    """DOT edges: one per pair of nodes, in the order of their first flow. Several flows between
    the same two nodes share the edge (arrowheads at both ends when they go both ways), each
    flow's lines in its own colour: dot would otherwise pull a two-way pair onto one rank or
    stack the labels of parallel edges on one spot."""
    groups: dict[frozenset[str], list[_Flow]] = {}
    for f in flows:
        groups.setdefault(frozenset((f.u, f.v)), []).append(f)
    out = []
    for group in groups.values():
        first = group[0]
        both = any(f.u != first.u for f in group)
        lines: list[Line] = []
        for f in group:
            color = edge_color(f.kinds) if f.kinds else "#000000"
            head = f"{f.head} → {f.to}" if both else f.head
            lines += _edge_lines(head, f.data, lang, color)
        kinds: set[EdgeKind] = set().union(*(f.kinds for f in group))
        way = ", dir=both" if both else ""
        out.append(f"  {first.u} -> {first.v} [label={html_label(lines)}, {edge_style(kinds)}{way}];")
    return out


# -- collapsed to zones -------------------------------------------------------------------------

@dataclass(slots=True)
class _Bundle:
    """The flows between two zones, drawn as one edge when the diagram is collapsed."""

    data: dict[str, None] = field(default_factory=dict)
    encryptions: dict[str, None] = field(default_factory=dict)
    kinds: set[EdgeKind] = field(default_factory=set)
    count: int = 0


def _bundles(p: Proposal, fl: Flags) -> dict[tuple[str, str], _Bundle]:
    zone_of = {n.id: n.zone for n in p.nodes}
    out: dict[tuple[str, str], _Bundle] = {}
    for f in p.flows:
        key = (zone_of[f.source], zone_of[f.target])
        if key[0] == key[1]:
            continue
        b = out.setdefault(key, _Bundle())
        b.data.update(dict.fromkeys(f.data))
        b.encryptions[f.encryption] = None
        b.kinds |= fl.edges.get((f.source, f.target), set())
        b.count += 1
    return out


def _collapsed(p: Proposal, fl: Flags, lang: Lang, profiled: dict[str, str]) -> list[str]:
    zid = {z.id: f"z{i}" for i, z in enumerate(p.zones)}
    counts: dict[str, int] = {}
    for n in p.nodes:
        counts[n.zone] = counts.get(n.zone, 0) + 1
    flagged_zones = {n.zone for n in p.nodes if n.id in fl.nodes}
    lines = []
    for z in p.zones:
        extra = " · ".join(x for x in (w("nodes", lang).format(n=counts.get(z.id, 0)),
                                        profiled.get(z.id, "")) if x)
        label = _zone_label(z.name.get(lang), z.country, p.operator_name(z.operator), z.trust,
                            lang, extra)
        flagged = f', color="{RED}", penwidth=2.5' if z.id in flagged_zones else ""
        lines.append(f"  {zid[z.id]} [shape=box, {_zone_attrs(z.trust)}{flagged}, label={label}];")
    bundles = []
    for (zu, zv), b in _bundles(p, fl).items():
        head = ", ".join(w(e, lang) for e in b.encryptions)
        if b.count > 1:
            head += f" · {w('flows', lang).format(n=b.count)}"
        bundles.append(_Flow(zid[zu], zid[zv], head, zv, list(b.data), b.kinds))
    return lines + _edges(bundles, lang)


def edges_drawn(a: Assessment) -> int:
    """How many edges the diagram would draw: its flows, or collapsed, the zone pairs."""
    p = a.scope
    if len(p.nodes) > MAX_NODES:
        return len(_bundles(p, flags(a.findings, p)))
    return len(p.flows)


def to_dot(a: Assessment, lang: Lang, *, layout: Layout = Layout(),
           standalone: bool = True) -> str:
    """The diagram as DOT source; collapsed to one node per zone past MAX_NODES nodes.

    `standalone` (for `assess graph`) adds the title above and the legend below; the report
    prints both itself (its heading, and a legend row under the figure) and leaves them out.
    """
    return to_dots(a, lang, (layout,), standalone=standalone)[0]


def to_dots(a: Assessment, lang: Lang, layouts: Sequence[Layout], *,
            standalone: bool = True) -> list[str]:
    """The diagram as DOT source in each of `layouts` (see `to_dot`). The labels, measured and
    wrapped word by word, are the same in every layout: they are made once, only the header
    differs."""
    p = a.scope
    collapsed = len(p.nodes) > MAX_NODES
    fl = flags(a.findings, p)
    profiled = _profiled(a, lang)
    body = _collapsed(p, fl, lang, profiled) if collapsed else _detailed(p, fl, lang, profiled)
    if standalone:
        title = html_label(_title(p, lang, collapsed))
        legend_table = legend_label(legend(a, lang), lang, numbered=not collapsed)
        body = [f"  graph [labelloc=b, label={legend_table}];",
                "  subgraph cluster_title {",
                f"    graph [peripheries=0, labelloc=t, label={title}];",
                *("  " + line for line in body), "  }"]
    tail = "\n".join([*body, "}"]) + "\n"
    return ["\n".join(_header(layout)) + "\n" + tail for layout in layouts]

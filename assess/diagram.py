"""The data-flow diagram of an assessment: zones as boundaries, flagged flows and stores in colour.

Drawn from the Assessment alone (its `scope` and `findings`), so the diagram can never disagree
with the findings it illustrates. We write DOT and let Graphviz's `dot` lay it out: hand-rolled
layout would be worse and slower. Every text from the proposal is untrusted, so it only ever
reaches DOT inside HTML-like labels, escaped; graph identifiers are generated (`n0`, `z1`), never
taken from input. The output is a pure function of the input (no timestamps, no random ids), so
the PDF that embeds the SVG is byte-reproducible.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from assess.assessment import Assessment, Finding
from assess.errors import AssessError
from assess.models import Lang, Proposal

Format = Literal["svg", "dot", "png"]

MAX_NODES = 60
"""Past this many nodes a diagram is unreadable on an A4 page: draw one box per zone instead."""
FONT = "Liberation Serif"
"""The report ships Liberation Serif and renders the SVG with it; it shares Times metrics, so the
layout fits the text whether or not this machine has the font installed."""
DOT_TIMEOUT = 60.0
_MAX_DATA_IDS = 6
_WRAP = 28

_RED, _BLUE, _ORANGE = "#c62828", "#1565c0", "#ef6c00"
_ZONE_STYLE = {  # fill, border, style
    "government": ("#e8f5e9", "#2e7d32", "solid"),
    "third-party": ("#fff8e1", "#f9a825", "solid"),
    "untrusted": ("#f5f5f5", "#757575", "dashed"),
}
_SHAPE = {"actor": ('box', "rounded,filled"), "process": ("ellipse", "filled"),
          "datastore": ("cylinder", "filled"), "external": ("box3d", "filled")}

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Sơ đồ luồng dữ liệu", "Data-flow diagram"),
    "collapsed": ("thu gọn theo vùng: {n} nút, quá {max}", "collapsed to zones: {n} nodes, over {max}"),
    "legend": ("Chú giải", "Legend"),
    "actor": ("Tác nhân (hộp bo góc)", "Actor (rounded box)"),
    "process": ("Tiến trình (elip)", "Process (ellipse)"),
    "datastore": ("Kho dữ liệu (hình trụ)", "Datastore (cylinder)"),
    "external": ("Hệ thống ngoài (hộp 3 chiều)", "External system (3-D box)"),
    "government": ("nhà nước", "government"),
    "third-party": ("bên thứ ba", "third party"),
    "untrusted": ("không tin cậy", "untrusted"),
    "zone": ("Vùng {trust}", "{Trust} zone"),
    "plain": ("Dữ liệu cá nhân không mã hóa qua ranh giới", "Personal data unencrypted across a "
              "boundary"),
    "abroad": ("Chuyển ra nước ngoài (nét đứt)", "Transfer abroad (dashed)"),
    "other": ("Luồng có phát hiện khác", "Flow with another finding"),
    "flagged": ("Nút có phát hiện (viền đỏ)", "Node with a finding (red border)"),
    "none": ("không mã hóa", "unencrypted"),
    "tls": ("TLS", "TLS"),
    "e2e": ("đầu-cuối", "end-to-end"),
    "stores": ("lưu", "stores"),
    "at_rest": ("mã hóa lưu trữ", "encrypted at rest"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "unknown": ("chưa rõ", "unknown"),
    "days": ("{n} ngày", "{n} days"),
    "no_limit": ("không thời hạn", "no time limit"),
    "nodes": ("{n} nút", "{n} nodes"),
    "flows": ("{n} luồng", "{n} flows"),
}


def _w(key: str, lang: Lang) -> str:
    vi, en = _WORDS[key]
    return vi if lang == "vi" else en


class DiagramError(AssessError):
    """Graphviz is missing or could not draw the diagram; says what to do about it."""


# -- escaping ---------------------------------------------------------------------------------

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def esc(text: str) -> str:
    """Text for an HTML-like DOT label: NFC (precomposed Vietnamese renders with any font),
    characters XML forbids dropped, markup escaped, line breaks kept as <BR/>."""
    clean = _NOT_XML.sub("", unicodedata.normalize("NFC", text))
    return "<BR/>".join(html.escape(line, quote=True) for line in clean.splitlines())


def _wrapped(text: str, width: int = _WRAP) -> str:
    """Long names broken into lines, so one verbose name cannot stretch the whole layout."""
    lines = [w for line in text.splitlines() for w in textwrap.wrap(line, width) or [""]]
    return esc("\n".join(lines))


def _ids(items: Iterable[str]) -> str:
    items = list(items)
    shown = ", ".join(items[:_MAX_DATA_IDS])
    return shown + (f" +{len(items) - _MAX_DATA_IDS}" if len(items) > _MAX_DATA_IDS else "")


# -- what the findings flag -------------------------------------------------------------------

_EdgeKind = Literal["plain", "abroad", "other"]


@dataclass(slots=True)
class Flags:
    """Which flows and nodes findings name, and why: what the diagram colours."""

    edges: dict[tuple[str, str], set[_EdgeKind]] = field(default_factory=dict)
    nodes: set[str] = field(default_factory=set)


_EDGE_KINDS: dict[str, _EdgeKind] = {"G-ENC-BOUNDARY": "plain", "G-RES-XFER": "abroad"}


def flags(findings: Iterable[Finding], p: Proposal) -> Flags:
    """Read `RULE@u->v` and `RULE@node` finding ids; hygiene findings name no drawn element."""
    keys = {(f.source, f.target) for f in p.flows}
    node_ids = {n.id for n in p.nodes}
    out = Flags()
    for f in findings:
        if f.kind != "rule":
            continue
        rule, _, element = f.id.partition("@")
        u, arrow, v = element.partition("->")
        if arrow and (u, v) in keys:
            out.edges.setdefault((u, v), set()).add(_EDGE_KINDS.get(rule, "other"))
        elif not arrow and element in node_ids:
            out.nodes.add(element)
    return out


def _edge_style(kinds: set[_EdgeKind]) -> str:
    if not kinds:
        return 'color="#424242"'
    color = _RED if "plain" in kinds else _BLUE if "abroad" in kinds else _ORANGE
    style = ', style="dashed"' if "abroad" in kinds else ""
    return f'color="{color}", fontcolor="{color}", penwidth=2.5{style}'


# -- DOT --------------------------------------------------------------------------------------

def _zone_label(z_name: str, country: str, operator: str, trust: str, lang: Lang,
                extra: str = "") -> str:
    second = f"{country} · {operator} · {_w(trust, lang)}"
    more = f"<BR/>{esc(extra)}" if extra else ""
    return f"<<B>{_wrapped(z_name)}</B><BR/><FONT POINT-SIZE=\"9\">{esc(second)}{more}</FONT>>"


def _node_label(p: Proposal, i: int, lang: Lang) -> str:
    n = p.nodes[i]
    lines = [f"<B>{_wrapped(n.name.get(lang))}</B>", f'<FONT POINT-SIZE="8">{esc(n.id)}</FONT>']
    if n.kind == "datastore":
        state = _w(n.encrypted_at_rest or "unknown", lang)
        keep = (_w("days", lang).format(n=n.retention_days) if n.retention_days is not None
                else _w("no_limit", lang))
        detail = f"{_w('stores', lang)}: {_ids(n.stores)}\n{_w('at_rest', lang)}: {state} · {keep}"
        lines.append(f'<FONT POINT-SIZE="8">{esc(detail)}</FONT>')
    return "<" + "<BR/>".join(lines) + ">"


def _edge_label(data: Iterable[str], encryptions: Iterable[str], lang: Lang, count: int = 0) -> str:
    enc = ", ".join(_w(e, lang) for e in dict.fromkeys(encryptions))
    text = f"{_ids(data)}\n{enc}"
    if count > 1:
        text += f" · {_w('flows', lang).format(n=count)}"
    return f'<<FONT POINT-SIZE="8">{esc(text)}</FONT>>'


def _title(p: Proposal, lang: Lang, collapsed: bool) -> str:
    text = f"{_w('title', lang)} — {p.title.get(lang)} ({p.id})"
    label = f"<B>{_wrapped(text, 90)}</B>"
    if collapsed:
        note = _w("collapsed", lang).format(n=len(p.nodes), max=MAX_NODES)
        label += f"<BR/><I>{esc(note)}</I>"
    return f"<{label}>"


def _zone_attrs(trust: str) -> str:
    fill, border, style = _ZONE_STYLE[trust]
    return f'style="{style},filled", fillcolor="{fill}", color="{border}"'


def _legend(lang: Lang) -> str:
    def row(text: str, fill: str, border: str) -> str:
        return (f'<TR><TD BGCOLOR="{fill}" COLOR="{border}" BORDER="1" WIDTH="24" HEIGHT="10" '
                f'FIXEDSIZE="TRUE"></TD><TD ALIGN="LEFT">{esc(text)}</TD></TR>')

    rows = [f'<TR><TD COLSPAN="2"><B>{esc(_w("legend", lang))}</B></TD></TR>']
    rows += [f'<TR><TD COLSPAN="2" ALIGN="LEFT">{esc(_w(k, lang))}</TD></TR>'
             for k in ("actor", "process", "datastore", "external")]
    for trust, (fill, border, _) in _ZONE_STYLE.items():
        word = _w(trust, lang)
        rows.append(row(_w("zone", lang).format(trust=word, Trust=word.capitalize()), fill, border))
    rows += [row(_w("plain", lang), _RED, _RED), row(_w("abroad", lang), _BLUE, _BLUE),
             row(_w("other", lang), _ORANGE, _ORANGE), row(_w("flagged", lang), "white", _RED)]
    return (f'  legend [shape=plaintext, margin=0, fontsize=8, label=<<TABLE BORDER="1" '
            f'CELLBORDER="0" CELLSPACING="1" CELLPADDING="2" BGCOLOR="white">{"".join(rows)}'
            "</TABLE>>];")


def _header(p: Proposal, lang: Lang, collapsed: bool) -> list[str]:
    return [
        "digraph dfd {",
        f'  graph [fontname="{FONT}", fontsize=12, rankdir=LR, labelloc=t, nodesep=0.35, '
        f'ranksep=0.6, label={_title(p, lang, collapsed)}];',
        f'  node [fontname="{FONT}", fontsize=10, color="#424242", fillcolor="white"];',
        f'  edge [fontname="{FONT}", fontsize=8, arrowsize=0.7];',
    ]


def _node(p: Proposal, i: int, ident: str, fl: Flags, lang: Lang) -> str:
    n = p.nodes[i]
    shape, style = _SHAPE[n.kind]
    flagged = f', color="{_RED}", penwidth=2.5' if n.id in fl.nodes else ""
    return f'{ident} [shape={shape}, style="{style}"{flagged}, label={_node_label(p, i, lang)}];'


def _detailed(p: Proposal, fl: Flags, lang: Lang) -> list[str]:
    nid = {n.id: f"n{i}" for i, n in enumerate(p.nodes)}
    members: dict[str, list[int]] = {}
    for i, n in enumerate(p.nodes):
        members.setdefault(n.zone, []).append(i)
    lines: list[str] = []
    for zi, z in enumerate(p.zones):
        if z.id not in members:
            continue
        label = _zone_label(z.name.get(lang), z.country, z.operator, z.trust, lang)
        lines += [f"  subgraph cluster_z{zi} {{",
                  f"    graph [{_zone_attrs(z.trust)}, label={label}];"]
        lines += [f"    {_node(p, i, nid[p.nodes[i].id], fl, lang)}" for i in members[z.id]]
        lines.append("  }")
    for f in p.flows:
        style = _edge_style(fl.edges.get((f.source, f.target), set()))
        lines.append(f"  {nid[f.source]} -> {nid[f.target]} "
                     f"[label={_edge_label(f.data, [f.encryption], lang)}, {style}];")
    return lines


@dataclass(slots=True)
class _Bundle:
    """The flows between two zones, drawn as one edge when the diagram is collapsed."""

    data: dict[str, None] = field(default_factory=dict)
    encryptions: dict[str, None] = field(default_factory=dict)
    kinds: set[_EdgeKind] = field(default_factory=set)
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


def _collapsed(p: Proposal, fl: Flags, lang: Lang) -> list[str]:
    zid = {z.id: f"z{i}" for i, z in enumerate(p.zones)}
    counts: dict[str, int] = {}
    for n in p.nodes:
        counts[n.zone] = counts.get(n.zone, 0) + 1
    flagged_zones = {n.zone for n in p.nodes if n.id in fl.nodes}
    lines = []
    for z in p.zones:
        extra = _w("nodes", lang).format(n=counts.get(z.id, 0))
        label = _zone_label(z.name.get(lang), z.country, z.operator, z.trust, lang, extra)
        flagged = f', color="{_RED}", penwidth=2.5' if z.id in flagged_zones else ""
        lines.append(f"  {zid[z.id]} [shape=box, {_zone_attrs(z.trust)}{flagged}, label={label}];")
    for (zu, zv), b in _bundles(p, fl).items():
        label = _edge_label(b.data, b.encryptions, lang, b.count)
        lines.append(f"  {zid[zu]} -> {zid[zv]} [label={label}, {_edge_style(b.kinds)}];")
    return lines


def to_dot(a: Assessment, lang: Lang) -> str:
    """The diagram as DOT source; collapsed to one node per zone past MAX_NODES nodes."""
    p = a.scope
    collapsed = len(p.nodes) > MAX_NODES
    fl = flags(a.findings, p)
    body = _collapsed(p, fl, lang) if collapsed else _detailed(p, fl, lang)
    return "\n".join([*_header(p, lang, collapsed), *body, _legend(lang), "}"]) + "\n"


# -- Graphviz ---------------------------------------------------------------------------------

def run_dot(source: str, fmt: Literal["svg", "png"]) -> bytes:
    """Lay out DOT with Graphviz's `dot` (no shell, bounded time)."""
    exe = shutil.which("dot")
    if exe is None:
        raise DiagramError("Graphviz's 'dot' program was not found on PATH; install Graphviz "
                           "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install "
                           "graphviz) or use --format dot")
    try:
        done = subprocess.run([exe, f"-T{fmt}"], input=source.encode("utf-8"), capture_output=True,
                              timeout=DOT_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise DiagramError(f"Graphviz took more than {DOT_TIMEOUT:g} s to draw the diagram; "
                           "expected a smaller graph") from None
    except OSError as exc:
        raise DiagramError(f"cannot run Graphviz's 'dot' ({exe}): {exc.strerror}") from None
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiagramError("Graphviz could not draw the diagram: "
                           + ("; ".join(why[:3]) or f"exit status {done.returncode}"))
    return done.stdout


def to_svg(a: Assessment, lang: Lang) -> str:
    return run_dot(to_dot(a, lang), "svg").decode("utf-8")


def to_png(a: Assessment, lang: Lang) -> bytes:
    return run_dot(to_dot(a, lang), "png")


def render(a: Assessment, lang: Lang, fmt: Format) -> str | bytes:
    """The diagram in `fmt`: text for svg and dot, bytes for png."""
    if fmt == "dot":
        return to_dot(a, lang)
    if fmt == "svg":
        return to_svg(a, lang)
    return to_png(a, lang)

"""The data-flow diagram of an assessment: zones as boundaries, flagged flows and stores in colour.

Drawn from the Assessment alone (its `scope` and `findings`), so the diagram can never disagree
with the findings it illustrates. We write DOT and let Graphviz's `dot` lay it out: hand-rolled
layout would be worse and slower. Every text from the proposal is untrusted, so it only ever
reaches DOT inside HTML-like labels, escaped; graph identifiers are generated (`n0`, `z1`), never
taken from input. The output is a pure function of the input (no timestamps, no random ids), so
the PDF that embeds the SVG is byte-reproducible.

Legibility on an A4 page is the design constraint. Edge labels carry the flow's number (its row
in the report's flows table) and its data ids three to a line, a count past six; flows between
the same two nodes share one edge. Names wrap evenly. The legend is drawn outside the graph
(under it with `assess graph`; the report prints its own row). Several layouts (left to right
and top to bottom, cluster-by-cluster or global ranking, tight or loose) are made and the one
an A4 page shows largest without two labels drawn over each other is kept. Graphviz measures
text with hinted metrics, which make bold text up to 4 % narrower than the shipped font draws
it: every label is given a minimum width measured here from the shipped font files, and every
line of text is re-anchored on its middle, so no text leaves its box.
"""

from __future__ import annotations

import functools
import html
import math
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Literal

from assess.assessment import Assessment, Finding
from assess.errors import AssessError
from assess.models import Lang, Proposal
from assess.resources import data_dir

Format = Literal["svg", "dot", "png"]
RankDir = Literal["LR", "TB"]

MAX_NODES = 60
"""Past this many nodes a diagram is unreadable on an A4 page: draw one box per zone instead."""
FONT = "Liberation Serif"
"""The report ships Liberation Serif and renders the SVG with it; labels are sized from the
shipped font files (see `text_width`), so the layout fits the text whatever font Graphviz finds."""
FONT_FILES = {(False, False): "LiberationSerif-Regular.ttf",
              (True, False): "LiberationSerif-Bold.ttf",
              (False, True): "LiberationSerif-Italic.ttf",
              (True, True): "LiberationSerif-BoldItalic.ttf"}
DOT_TIMEOUT = 60.0
_WORKERS = 4
"""Layouts drawn at once (each by its own `dot` process)."""

MM = 72 / 25.4
PAGES: dict[str, tuple[float, float]] = {
    "portrait": (165 * MM, 200 * MM),
    "landscape": (257 * MM, 128 * MM),
}
"""Room for the diagram on an A4 page of the report (points): the text width of the page less
report.css's margins; the height leaves the section heading, the legend and the caption room."""
_LANDSCAPE_COST = 1.05
"""A landscape page breaks the reading: it must show a drawing this much larger to be used."""

NAME_SIZE, SMALL_SIZE, EDGE_SIZE, ZONE_SIZE, TITLE_SIZE = 10.0, 8.0, 8.5, 11.0, 12.0
_NAME_WIDTH = 118.0
"""Node names wrap at this width (points at NAME_SIZE, bold): narrow nodes, short ranks."""
_ZONE_WIDTH = 190.0
_TITLE_WIDTH = 480.0
_IDS_PER_LINE = 3
_MAX_IDS = 6
"""A flow or store with more data items than this shows their number (the flows table and the
inventory list them), not a wall of ids."""
_SLACK = 1.03
"""Labels are given 3 % more than the shipped font's advance widths: kerning only narrows."""

_RED, _BLUE, _ORANGE, _GREY = "#c62828", "#1565c0", "#ef6c00", "#424242"
_ZONE_STYLE = {  # fill, border, style
    "government": ("#e8f5e9", "#2e7d32", "solid"),
    "third-party": ("#fff8e1", "#f9a825", "solid"),
    "untrusted": ("#f5f5f5", "#757575", "dashed"),
}
_SHAPE = {"actor": ("box", "rounded,filled"), "process": ("ellipse", "filled"),
          "datastore": ("cylinder", "filled"), "external": ("box3d", "filled")}
_MARGIN = {"actor": "0.08,0.03", "process": "0.04,0.02", "datastore": "0.08,0.1",
           "external": "0.1,0.08"}
"""Inches around a label: a cylinder's caps and a 3-D box's top face need height."""

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Sơ đồ luồng dữ liệu", "Data-flow diagram"),
    "collapsed": ("thu gọn theo vùng: {n} nút, quá {max}", "collapsed to zones: {n} nodes, over {max}"),
    "legend": ("Chú giải", "Legend"),
    "actor": ("Tác nhân", "Actor"),
    "process": ("Tiến trình", "Process"),
    "datastore": ("Kho dữ liệu", "Datastore"),
    "external": ("Hệ thống ngoài", "External system"),
    "actor_shape": ("Tác nhân (hộp bo góc)", "Actor (rounded box)"),
    "process_shape": ("Tiến trình (elip)", "Process (ellipse)"),
    "datastore_shape": ("Kho dữ liệu (hình trụ)", "Datastore (cylinder)"),
    "external_shape": ("Hệ thống ngoài (hộp 3 chiều)", "External system (3-D box)"),
    "government": ("nhà nước", "government"),
    "third-party": ("bên thứ ba", "third party"),
    "untrusted": ("không tin cậy", "untrusted"),
    "zone": ("Vùng {trust}", "{Trust} zone"),
    "plain": ("Dữ liệu cá nhân không mã hóa qua ranh giới", "Personal data unencrypted across a "
              "boundary"),
    "abroad": ("Chuyển ra nước ngoài (nét đứt)", "Transfer abroad (dashed)"),
    "other": ("Luồng có phát hiện khác", "Flow with another finding"),
    "flagged": ("Nút có phát hiện (viền đỏ)", "Node with a finding (red border)"),
    "numbered": ("#n: số thứ tự của luồng trong bảng các luồng dữ liệu",
                 "#n: the flow's number in the table of data flows"),
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
    "items": ("{n} mục dữ liệu", "{n} data items"),
}


def _w(key: str, lang: Lang) -> str:
    vi, en = _WORDS[key]
    return vi if lang == "vi" else en


class DiagramError(AssessError):
    """Graphviz is missing or could not draw the diagram; says what to do about it."""


# -- text: escaping and measuring ------------------------------------------------------------

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """NFC (precomposed Vietnamese renders with any font), characters XML forbids dropped."""
    return _NOT_XML.sub("", unicodedata.normalize("NFC", text))


def esc(text: str) -> str:
    """Text for an HTML-like DOT label: cleaned, markup escaped, line breaks kept as <BR/>."""
    return "<BR/>".join(html.escape(line, quote=True) for line in clean(text).splitlines())


@functools.cache
def _advances(bold: bool, italic: bool) -> tuple[dict[int, int], float] | None:
    """Advance widths by code point and units per em of the shipped font (None if missing)."""
    path = data_dir("templates") / "fonts" / FONT_FILES[bold, italic]
    try:
        from fontTools.ttLib import TTFont

        font = TTFont(str(path), lazy=True)
        hmtx = font["hmtx"]
        widths = {cp: hmtx[glyph][0] for cp, glyph in font.getBestCmap().items()}
        return widths, float(font["head"].unitsPerEm)
    except (OSError, ImportError, KeyError):
        return None


def text_width(text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width in points of one line as the shipped font draws it (sum of advances; a character
    the font lacks counts one em, a fallback font's widest likely glyph)."""
    metrics = _advances(bold, italic)
    if metrics is None:
        return 0.6 * size * len(text)
    widths, upm = metrics
    return sum(widths.get(ord(ch), int(upm)) for ch in text) * size / upm


def _graphviz_width(text: str, size: float, *, bold: bool, italic: bool) -> float:
    """The width Graphviz (through Pango) gave a line: advances hinted to whole pixels at
    96 dpi. Within a point of what `dot -Tjson` reports for the examples."""
    metrics = _advances(bold, italic)
    if metrics is None:
        return 0.6 * size * len(text)
    widths, upm = metrics
    px = size * 96 / 72 / upm
    return sum(round(widths.get(ord(ch), int(upm)) * px) for ch in text) * 72 / 96


_OVERLONG = 1.4
"""A word up to this many line widths keeps its line to itself; a longer one is cut."""


def _pieces(word: str, width: float, size: float, bold: bool) -> list[str]:
    """A word too long for a line broken after its hyphens, and a part still far too long
    (only a pathological name has one) cut where it fills a line."""
    if text_width(word, size, bold=bold) <= width:
        return [word]
    parts = [p + "-" for p in word.split("-")]
    parts[-1] = parts[-1][:-1]
    out: list[str] = []
    for part in parts:
        if out and text_width(out[-1] + part, size, bold=bold) <= width:
            out[-1] += part
        elif text_width(part, size, bold=bold) <= width * _OVERLONG:
            out.append(part)
        else:
            piece = ""
            for ch in part:
                if piece and text_width(piece + ch, size, bold=bold) > width:
                    out.append(piece)
                    piece = ""
                piece += ch
            out.append(piece)
    return [p for p in out if p]


def _wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """Words broken into lines no wider than `width` points (a longer word is cut, so no name
    however written can stretch the layout), as evenly as that many lines allow: 'Người dân
    dùng / ứng dụng Zalo', not 'Người dân dùng ứng dụng / Zalo'."""
    lines = _greedy(text, width, size, bold)
    if len(lines) < 2:
        return lines
    low, high = 0.0, width
    for _ in range(12):  # the narrowest width that still needs no more lines
        mid = (low + high) / 2
        if len(_greedy(text, mid, size, bold)) <= len(lines):
            high = mid
        else:
            low = mid
    return _greedy(text, high, size, bold)


def _greedy(text: str, width: float, size: float, bold: bool) -> list[str]:
    """Each line filled with as many words as fit in `width` points."""
    lines: list[str] = []
    for para in clean(text).splitlines() or [""]:
        line = ""
        for whole in para.split():
            for word in _pieces(whole, width, size, bold):
                trial = f"{line} {word}" if line else word
                if line and text_width(trial, size, bold=bold) > width:
                    lines.append(line)
                    line = word
                else:
                    line = trial
        lines.append(line)
    return lines


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a label in one font."""

    text: str
    size: float
    bold: bool = False
    italic: bool = False
    color: str | None = None
    """A colour of this module's (never from input); None: the element's own."""

    def markup(self) -> str:
        text = esc(self.text)
        if self.bold:
            text = f"<B>{text}</B>"
        if self.italic:
            text = f"<I>{text}</I>"
        color = f' COLOR="{self.color}"' if self.color else ""
        return f'<FONT POINT-SIZE="{self.size:g}"{color}>{text}</FONT>'

    def width(self) -> float:
        return text_width(clean(self.text), self.size, bold=self.bold, italic=self.italic)


def _cell(lines: Sequence[Line], extra: str = "") -> str:
    """A table cell holding `lines`, at least as wide as the shipped font draws them."""
    need = math.ceil(max((ln.width() for ln in lines), default=0.0) * _SLACK + 1)
    body = "<BR/>".join(ln.markup() for ln in lines)
    return f'<TD WIDTH="{need}"{extra}>{body}</TD>'


def _label(lines: Sequence[Line], background: str | None = None) -> str:
    """An HTML-like label: `lines` centred, in a borderless one-cell table of measured width
    (on `background`, when given)."""
    fill = f' BGCOLOR="{background}"' if background else ""
    return (f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"{fill}><TR>'
            f"{_cell(lines)}</TR></TABLE>>")


def _id_rows(items: Sequence[str], prefix: str = "") -> list[str]:
    """Data ids a few to a line, the first line after `prefix`."""
    rows = [", ".join(items[i:i + _IDS_PER_LINE]) for i in range(0, len(items), _IDS_PER_LINE)]
    rows = rows or [""]
    return [(prefix if i == 0 else "") + row + ("," if i < len(rows) - 1 else "")
            for i, row in enumerate(rows)]


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


def _edge_color(kinds: set[_EdgeKind]) -> str:
    return _RED if "plain" in kinds else _BLUE if "abroad" in kinds else _ORANGE if kinds \
        else _GREY


def _edge_style(kinds: set[_EdgeKind]) -> str:
    if not kinds:
        return f'color="{_GREY}"'
    color = _edge_color(kinds)
    style = ', style="dashed"' if "abroad" in kinds else ""
    return f'color="{color}", penwidth=2.5{style}'


# -- DOT --------------------------------------------------------------------------------------

def _zone_label(z_name: str, country: str, operator: str, trust: str, lang: Lang,
                extra: str = "") -> str:
    lines = [Line(t, ZONE_SIZE, bold=True) for t in _wrap(z_name, _ZONE_WIDTH, ZONE_SIZE,
                                                          bold=True)]
    lines.append(Line(f"{country} · {operator} · {_w(trust, lang)}", SMALL_SIZE + 1))
    if extra:
        lines.append(Line(extra, SMALL_SIZE + 1))
    return _label(lines, _ZONE_STYLE[trust][0] + "c8")  # a little see-through: flows under it show


def _node_label(p: Proposal, i: int, lang: Lang) -> str:
    n = p.nodes[i]
    lines = [Line(t, NAME_SIZE, bold=True)
             for t in _wrap(n.name.get(lang), _NAME_WIDTH, NAME_SIZE, bold=True)]
    lines.append(Line(n.id, SMALL_SIZE))
    if n.kind == "datastore":
        state = _w(n.encrypted_at_rest or "unknown", lang)
        keep = (_w("days", lang).format(n=n.retention_days) if n.retention_days is not None
                else _w("no_limit", lang))
        stores = list(n.stores)
        if len(stores) > _MAX_IDS:
            lines.append(Line(f"{_w('stores', lang)}: "
                              f"{_w('items', lang).format(n=len(stores))}", SMALL_SIZE))
        else:
            lines += [Line(t, SMALL_SIZE) for t in _id_rows(stores, f"{_w('stores', lang)}: ")]
        lines.append(Line(f"{_w('at_rest', lang)}: {state} · {keep}", SMALL_SIZE))
    return _label(lines)


def _edge_lines(head: str, data: Sequence[str], lang: Lang, color: str | None) -> list[Line]:
    lines = [Line(head, EDGE_SIZE, bold=True, color=color)]
    if len(data) > _MAX_IDS:
        return [*lines, Line(_w("items", lang).format(n=len(data)), EDGE_SIZE, color=color)]
    return lines + [Line(t, EDGE_SIZE, color=color) for t in _id_rows(data)]


def _title(p: Proposal, lang: Lang, collapsed: bool) -> list[Line]:
    text = f"{_w('title', lang)} — {p.title.get(lang)} ({p.id})"
    lines = [Line(t, TITLE_SIZE, bold=True) for t in _wrap(text, _TITLE_WIDTH, TITLE_SIZE,
                                                            bold=True)]
    if collapsed:
        note = _w("collapsed", lang).format(n=len(p.nodes), max=MAX_NODES)
        lines.append(Line(note, SMALL_SIZE + 2, italic=True))
    return lines


def _zone_attrs(trust: str) -> str:
    fill, border, style = _ZONE_STYLE[trust]
    return f'style="{style},filled", fillcolor="{fill}", color="{border}"'


# -- legend -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One item of the diagram's legend: what it means and a small SVG picture of it."""

    key: str
    text: str
    swatch: str
    """A small standalone SVG (made here from constants: no input text)."""


def _swatch(body: str) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="24pt" height="12pt" '
            f'viewBox="0 0 24 12">{body}</svg>')


def _swatches() -> dict[str, str]:
    grey = f'fill="white" stroke="{_GREY}" stroke-width="1"'
    out = {
        "actor": _swatch(f'<rect x="2" y="2" width="20" height="8" rx="3" {grey}/>'),
        "process": _swatch(f'<ellipse cx="12" cy="6" rx="10" ry="4.5" {grey}/>'),
        "datastore": _swatch(f'<path d="M3 3.5v5c0 1.6 18 1.6 18 0v-5c0-1.6-18-1.6-18 0'
                             f'c0 1.6 18 1.6 18 0" {grey}/>'),
        "external": _swatch(f'<path d="M2 4h17v7H2zM2 4l3-3h17l-3 3M19 11l3-3V1" {grey}/>'),
        "flagged": _swatch(f'<rect x="2" y="2" width="20" height="8" rx="1" fill="white" '
                           f'stroke="{_RED}" stroke-width="2"/>'),
    }
    for trust, (fill, border, style) in _ZONE_STYLE.items():
        dash = ' stroke-dasharray="3,2"' if style == "dashed" else ""
        out[trust] = _swatch(f'<rect x="1" y="1" width="22" height="10" fill="{fill}" '
                             f'stroke="{border}" stroke-width="1"{dash}/>')
    for key, color in (("plain", _RED), ("abroad", _BLUE), ("other", _ORANGE)):
        dash = ' stroke-dasharray="4,2"' if key == "abroad" else ""
        out[key] = _swatch(f'<path d="M1 6h17" stroke="{color}" stroke-width="2.2"{dash}/>'
                           f'<path d="M17 2.5L23 6l-6 3.5z" fill="{color}"/>')
    return out


def legend(a: Assessment, lang: Lang) -> list[LegendEntry]:
    """The legend of what this diagram draws: its node kinds (not when collapsed to zones), its
    zones' trust levels, the kinds of flagged flows and flagged nodes it has."""
    p = a.scope
    fl = flags(a.findings, p)
    collapsed = len(p.nodes) > MAX_NODES
    used_zones = {n.zone for n in p.nodes}
    trusts = [z.trust for z in p.zones if collapsed or z.id in used_zones]
    kinds = set().union(*fl.edges.values()) if fl.edges else set()
    keys = ([] if collapsed else [k for k in _SHAPE if any(n.kind == k for n in p.nodes)])
    keys += [t for t in _ZONE_STYLE if t in trusts]
    keys += [k for k in ("plain", "abroad", "other") if k in kinds]
    if fl.nodes:
        keys.append("flagged")
    pictures = _swatches()
    out = []
    for k in keys:
        if k in _ZONE_STYLE:
            word = _w(k, lang)
            text = _w("zone", lang).format(trust=word, Trust=word.capitalize())
        else:
            text = _w(k, lang)
        out.append(LegendEntry(k, text, pictures[k]))
    return out


def _legend_label(entries: Sequence[LegendEntry], lang: Lang, numbered: bool) -> str:
    """The legend as a compact table for `assess graph`: a few items to a row."""
    per_row = 4
    cells: list[str] = []
    fills = {k: (fill, border) for k, (fill, border, _) in _ZONE_STYLE.items()}
    fills |= {"plain": (_RED, _RED), "abroad": (_BLUE, _BLUE), "other": (_ORANGE, _ORANGE),
              "flagged": ("white", _RED)}
    for e in entries:
        text = _w(e.key + "_shape", lang) if e.key in _SHAPE else e.text
        if e.key in fills:
            fill, border = fills[e.key]
            swatch = (f'<TD BGCOLOR="{fill}" COLOR="{border}" BORDER="1" WIDTH="22" HEIGHT="9" '
                      'FIXEDSIZE="TRUE"></TD>')
        else:
            swatch = '<TD WIDTH="22" HEIGHT="9" FIXEDSIZE="TRUE"></TD>'
        cells.append(swatch + _cell([Line(text, SMALL_SIZE + 1)], ' ALIGN="LEFT"'))
    rows = ["".join(cells[i:i + per_row]) for i in range(0, len(cells), per_row)]
    width = 2 * per_row
    head = _cell([Line(_w("legend", lang), SMALL_SIZE + 1, bold=True)],
                 f' COLSPAN="{width}" ALIGN="LEFT"')
    body = "".join(f"<TR>{r}</TR>" for r in rows)
    if numbered:
        body += "<TR>" + _cell([Line(_w("numbered", lang), SMALL_SIZE + 1)],
                               f' COLSPAN="{width}" ALIGN="LEFT"') + "</TR>"
    return (f'<<TABLE BORDER="1" COLOR="#9e9e9e" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1" '
            f'BGCOLOR="white"><TR>{head}</TR>{body}</TABLE>>')


# -- the graph ----------------------------------------------------------------------------------

def _header(layout: Layout) -> list[str]:
    sep = _SPACING[layout.rankdir, layout.spread]
    # dot 2.43 switches to global ranking when `newrank` is set at all, even to false
    newrank = "newrank=true, " if layout.newrank else ""
    return [
        "digraph dfd {",
        f'  graph [fontname="{FONT}", fontsize={NAME_SIZE:g}, rankdir={layout.rankdir}, {sep}, '
        f'{newrank}margin=0, pad=0.05];',
        f'  node [fontname="{FONT}", fontsize={NAME_SIZE:g}, color="{_GREY}", '
        'fillcolor="white"];',
        f'  edge [fontname="{FONT}", fontsize={EDGE_SIZE:g}, arrowsize=0.7];',
    ]


def _node(p: Proposal, i: int, ident: str, fl: Flags, lang: Lang) -> str:
    n = p.nodes[i]
    shape, style = _SHAPE[n.kind]
    flagged = f', color="{_RED}", penwidth=2.5' if n.id in fl.nodes else ""
    return (f'{ident} [shape={shape}, style="{style}", margin="{_MARGIN[n.kind]}"{flagged}, '
            f'label={_node_label(p, i, lang)}];')


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
                  f"    graph [{_zone_attrs(z.trust)}, peripheries=1, labeljust=l, label={label}];"]
        lines += [f"    {_node(p, i, nid[p.nodes[i].id], fl, lang)}" for i in members[z.id]]
        lines.append("  }")
    lines += _edges([_Flow(nid[f.source], nid[f.target], f"#{k} · {_w(f.encryption, lang)}",
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
    kinds: set[_EdgeKind]


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
            color = _edge_color(f.kinds) if f.kinds else "#000000"
            head = f"{f.head} → {f.to}" if both else f.head
            lines += _edge_lines(head, f.data, lang, color)
        kinds: set[_EdgeKind] = set().union(*(f.kinds for f in group))
        way = ", dir=both" if both else ""
        out.append(f"  {first.u} -> {first.v} [label={_label(lines)}, {_edge_style(kinds)}{way}];")
    return out


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
    bundles = []
    for (zu, zv), b in _bundles(p, fl).items():
        head = ", ".join(_w(e, lang) for e in b.encryptions)
        if b.count > 1:
            head += f" · {_w('flows', lang).format(n=b.count)}"
        bundles.append(_Flow(zid[zu], zid[zv], head, zv, list(b.data), b.kinds))
    return lines + _edges(bundles, lang)


@dataclass(frozen=True, slots=True)
class Layout:
    """How dot is asked to lay the graph out: the direction of its ranks, and whether ranks
    are assigned over the whole graph (newrank) or cluster by cluster (more compact when zones
    are chains, less when flows cross zones back and forth)."""

    rankdir: RankDir = "LR"
    newrank: bool = False
    spread: bool = False
    """Wider gaps between nodes and ranks: room for dot to set labels apart."""


LAYOUTS = tuple(Layout(rankdir, newrank, spread) for spread in (False, True)
                for newrank in (False, True) for rankdir in ("LR", "TB"))
"""Tried in this order; of those whose labels do not collide, the first shown largest on an
A4 page is kept."""
_SPACING = {("LR", False): "nodesep=0.25, ranksep=0.35", ("TB", False): "nodesep=0.2, ranksep=0.25",
            ("LR", True): "nodesep=0.5, ranksep=0.5", ("TB", True): "nodesep=0.6, ranksep=0.5"}
"""Inches between nodes of a rank and between ranks."""


def to_dot(a: Assessment, lang: Lang, *, layout: Layout = Layout(),
           standalone: bool = True) -> str:
    """The diagram as DOT source; collapsed to one node per zone past MAX_NODES nodes.

    `standalone` (for `assess graph`) adds the title above and the legend below; the report
    prints both itself (its heading, and a legend row under the figure) and leaves them out.
    """
    p = a.scope
    collapsed = len(p.nodes) > MAX_NODES
    fl = flags(a.findings, p)
    body = _collapsed(p, fl, lang) if collapsed else _detailed(p, fl, lang)
    lines = _header(layout)
    if standalone:
        title = _label(_title(p, lang, collapsed))
        legend_label = _legend_label(legend(a, lang), lang, numbered=not collapsed)
        lines += [f"  graph [labelloc=b, label={legend_label}];",
                  "  subgraph cluster_title {",
                  f"    graph [peripheries=0, labelloc=t, label={title}];",
                  *("  " + line for line in body), "  }"]
    else:
        lines += body
    return "\n".join([*lines, "}"]) + "\n"


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


SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'


def finish_svg(svg: str) -> tuple[str, int]:
    """Graphviz's SVG made right for any renderer, and how many labels collide in it.

    Each line of text is re-anchored on its middle (Graphviz writes where it starts, from its
    own hinted widths, so a renderer whose widths differ would push it off centre and out of its
    box); zone labels are moved above the flows, on their own background, so no flow is drawn
    through a zone's name. The count is of pairs of lines from different elements (nodes,
    flows, zones) whose boxes, in the shipped font, overlap: dot can stack two flows' labels on
    one spot, and a layout that does is not kept if another does not (see `draw`)."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(svg.encode("utf-8"))
    graph = root.find(f"{{{SVG_NS}}}g")
    if graph is None:
        return _XML_HEAD + ET.tostring(root, encoding="unicode") + "\n", 0
    boxes: list[tuple[int, float, float, float, float]] = []
    for owner, element in enumerate(graph):
        for el in element.iter(f"{{{SVG_NS}}}text"):
            if "x" not in el.attrib or "y" not in el.attrib:
                continue
            size = float(el.get("font-size", "14"))
            bold, italic = el.get("font-weight") == "bold", el.get("font-style") == "italic"
            x, y = float(el.attrib["x"]), float(el.attrib["y"])
            if el.get("text-anchor") == "start":
                x += _graphviz_width(el.text or "", size, bold=bold, italic=italic) / 2
                el.set("x", f"{x:.2f}")
                el.set("text-anchor", "middle")
            half = text_width(el.text or "", size, bold=bold, italic=italic) / 2
            boxes.append((owner, x - half, y - 0.75 * size, x + half, y + 0.2 * size))
    labels = ET.SubElement(graph, f"{{{SVG_NS}}}g", {"class": "zone-labels"})
    for cluster in [g for g in graph if g.get("class") == "cluster"]:
        parts = [c for c in cluster if c.tag != f"{{{SVG_NS}}}title"]
        if parts and parts[0].tag in (f"{{{SVG_NS}}}polygon", f"{{{SVG_NS}}}path"):
            parts = parts[1:]  # the zone's border stays below the flows; the rest is its label
        for part in parts:
            cluster.remove(part)
            labels.append(part)
    return _XML_HEAD + ET.tostring(root, encoding="unicode") + "\n", _collisions(boxes)


_GAP = 2.0
"""Points that must separate lines of two different labels, or they read as one."""


def _collisions(boxes: Sequence[tuple[int, float, float, float, float]]) -> int:
    """Pairs of text boxes of different owners closer than _GAP (or overlapping)."""
    ordered = sorted(boxes, key=lambda b: b[1])
    count = 0
    for i, (owner, _x0, y0, x1, y1) in enumerate(ordered):
        for other, u0, v0, _u1, v1 in ordered[i + 1:]:
            if u0 >= x1 + _GAP:
                break
            if other != owner and v0 < y1 + _GAP and y0 < v1 + _GAP:
                count += 1
    return count


_SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([0-9.]+)pt"[^>]*?\bheight="([0-9.]+)pt"')


def svg_size(svg: str) -> tuple[float, float]:
    """Width and height in points of an SVG Graphviz wrote."""
    m = _SIZE.search(svg)
    if m is None:
        raise DiagramError("Graphviz wrote an SVG without a size in points")
    return float(m.group(1)), float(m.group(2))


@dataclass(frozen=True, slots=True)
class Fit:
    """How a drawing of `size` points fits the report's A4 pages: the page that shows it
    largest and the scale it is shown at there (never above 1)."""

    page: Literal["portrait", "landscape"]
    scale: float


def fit(size: tuple[float, float]) -> Fit:
    """The page (portrait unless landscape shows it over 5 % larger) and the scale."""
    width, height = size

    def scale(page: str) -> float:
        room_w, room_h = PAGES[page]
        return min(1.0, room_w / max(width, 1.0), room_h / max(height, 1.0))

    upright, wide = scale("portrait"), scale("landscape")
    return Fit("landscape", wide) if wide > upright * _LANDSCAPE_COST else Fit("portrait", upright)


@dataclass(frozen=True, slots=True)
class Drawing:
    """A laid-out diagram: the DOT source, the SVG Graphviz made from it, and how it fits."""

    dot: str
    svg: str
    layout: Layout
    size: tuple[float, float]
    fit: Fit
    collisions: int
    """Pairs of labels drawn over each other (0 unless every layout has some)."""


def _worth(d: Drawing) -> float:
    return d.fit.scale / (_LANDSCAPE_COST if d.fit.page == "landscape" else 1.0)


def _better(d: Drawing, than: Drawing) -> bool:
    """Fewer colliding labels, else shown larger (a landscape page counted 5 % smaller)."""
    if d.collisions != than.collisions:
        return d.collisions < than.collisions
    return _worth(d) > _worth(than) + 1e-9


def _attempt(source: str) -> bytes | DiagramError:
    try:
        return run_dot(source, "svg")
    except DiagramError as exc:
        return exc


def draw(a: Assessment, lang: Lang, *, standalone: bool = True) -> Drawing:
    """Lay the diagram out in each of LAYOUTS; keep the one with the fewest colliding labels
    (none, nearly always) that an A4 page shows largest, the first on a tie. A layout dot
    cannot make (its global ranking fails on some clustered graphs) is passed over; if none can
    be made, the first error is raised. Deterministic: every layout is a pure function of the
    input."""
    sources = [to_dot(a, lang, layout=layout, standalone=standalone) for layout in LAYOUTS]
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:  # dot runs in its own processes
        outputs = list(pool.map(_attempt, sources))
    best: Drawing | None = None
    for layout, source, output in zip(LAYOUTS, sources, outputs, strict=True):
        if isinstance(output, DiagramError):
            continue
        svg, collisions = finish_svg(output.decode("utf-8"))
        size = svg_size(svg)
        drawing = Drawing(source, svg, layout, size, fit(size), collisions)
        if best is None or _better(drawing, best):
            best = drawing
    if best is None:
        raise next(o for o in outputs if isinstance(o, DiagramError))
    return best


def to_svg(a: Assessment, lang: Lang, *, standalone: bool = True) -> str:
    return draw(a, lang, standalone=standalone).svg


def to_png(a: Assessment, lang: Lang) -> bytes:
    return run_dot(draw(a, lang).dot, "png")


def render(a: Assessment, lang: Lang, fmt: Format) -> str | bytes:
    """The diagram in `fmt`: text for svg and dot, bytes for png. DOT is the source of the
    layout an SVG would use when Graphviz is installed, else the left-to-right one."""
    if fmt == "dot":
        return draw(a, lang).dot if shutil.which("dot") else to_dot(a, lang)
    if fmt == "svg":
        return to_svg(a, lang)
    return to_png(a, lang)

"""The diagram's key (its legend): only what this diagram draws, explained.

Two forms of the same entries: `legend` gives each a small SVG picture, for the report's own
legend row under the figure; `legend_label` is the compact DOT table `assess graph` draws under
the graph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assess.core.i18n import Lang, t
from assess.core.i18n.diagram import w
from assess.engine.result import Assessment
from assess.outputs.diagram.findings import flags
from assess.outputs.diagram.style import BLUE, GREY, MAX_NODES, ORANGE, RED, SHAPE, SMALL_SIZE, ZONE_STYLE
from assess.outputs.diagram.text import Line, cell


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
    grey = f'fill="white" stroke="{GREY}" stroke-width="1"'
    out = {
        "actor": _swatch(f'<rect x="2" y="2" width="20" height="8" rx="3" {grey}/>'),
        "process": _swatch(f'<ellipse cx="12" cy="6" rx="10" ry="4.5" {grey}/>'),
        "datastore": _swatch(f'<path d="M3 3.5v5c0 1.6 18 1.6 18 0v-5c0-1.6-18-1.6-18 0'
                             f'c0 1.6 18 1.6 18 0" {grey}/>'),
        "external": _swatch(f'<path d="M2 4h17v7H2zM2 4l3-3h17l-3 3M19 11l3-3V1" {grey}/>'),
        "flagged": _swatch(f'<rect x="2" y="2" width="20" height="8" rx="1" fill="white" '
                           f'stroke="{RED}" stroke-width="2"/>'),
    }
    for trust, (fill, border, style) in ZONE_STYLE.items():
        dash = ' stroke-dasharray="3,2"' if style == "dashed" else ""
        out[trust] = _swatch(f'<rect x="1" y="1" width="22" height="10" fill="{fill}" '
                             f'stroke="{border}" stroke-width="1"{dash}/>')
    for key, color in (("plain", RED), ("abroad", BLUE), ("other", ORANGE)):
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
    keys = ([] if collapsed else [k for k in SHAPE if any(n.kind == k for n in p.nodes)])
    keys += [t for t in ZONE_STYLE if t in trusts]
    keys += [k for k in ("plain", "abroad", "other") if k in kinds]
    if fl.nodes:
        keys.append("flagged")
    pictures = _swatches()
    out = []
    for k in keys:
        if k in ZONE_STYLE:
            word = t("trust." + k, lang)
            text = w("zone", lang).format(trust=word, Trust=word.capitalize())
        else:
            text = w(k, lang)
        out.append(LegendEntry(k, text, pictures[k]))
    return out


def legend_label(entries: Sequence[LegendEntry], lang: Lang, numbered: bool) -> str:
    """The legend as a compact table for `assess graph`: a few items to a row."""
    per_row = 4
    cells: list[str] = []
    fills = {k: (fill, border) for k, (fill, border, _) in ZONE_STYLE.items()}
    fills |= {"plain": (RED, RED), "abroad": (BLUE, BLUE), "other": (ORANGE, ORANGE),
              "flagged": ("white", RED)}
    for e in entries:
        text = w(e.key + "_shape", lang) if e.key in SHAPE else e.text
        if e.key in fills:
            fill, border = fills[e.key]
            swatch = (f'<TD BGCOLOR="{fill}" COLOR="{border}" BORDER="1" WIDTH="22" HEIGHT="9" '
                      'FIXEDSIZE="TRUE"></TD>')
        else:
            swatch = '<TD WIDTH="22" HEIGHT="9" FIXEDSIZE="TRUE"></TD>'
        cells.append(swatch + cell([Line(text, SMALL_SIZE + 1)], ' ALIGN="LEFT"'))
    rows = ["".join(cells[i:i + per_row]) for i in range(0, len(cells), per_row)]
    width = 2 * per_row
    head = cell([Line(w("legend", lang), SMALL_SIZE + 1, bold=True)],
                f' COLSPAN="{width}" ALIGN="LEFT"')
    body = "".join(f"<TR>{r}</TR>" for r in rows)
    if numbered:
        body += "<TR>" + cell([Line(w("numbered", lang), SMALL_SIZE + 1)],
                              f' COLSPAN="{width}" ALIGN="LEFT"') + "</TR>"
    return (f'<<TABLE BORDER="1" COLOR="#9e9e9e" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1" '
            f'BGCOLOR="white"><TR>{head}</TR>{body}</TABLE>>')

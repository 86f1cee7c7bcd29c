"""What the diagram looks like: sizes, colours and shapes (its words are `assess.core.i18n.diagram`).

Shared by the DOT graph (`build`) and its legend (`key`), so a node kind or a trust level looks
the same in both. Every colour here is a constant of this package, never from input.
"""

from __future__ import annotations

MAX_NODES = 60
"""Past this many nodes a diagram is unreadable on an A4 page: draw one box per zone instead."""
MAX_EDGES = 150
"""Past this many edges (flows, or collapsed, connections between zones) no layout is legible
on a page, and `dot`'s time grows past any budget: the diagram is not drawn, and says why."""

NAME_SIZE, SMALL_SIZE, EDGE_SIZE, ZONE_SIZE, TITLE_SIZE = 10.0, 8.0, 8.5, 11.0, 12.0

RED, BLUE, ORANGE, GREY = "#c62828", "#1565c0", "#ef6c00", "#424242"
ZONE_STYLE = {  # fill, border, style
    "government": ("#e8f5e9", "#2e7d32", "solid"),
    "third-party": ("#fff8e1", "#f9a825", "solid"),
    "untrusted": ("#f5f5f5", "#757575", "dashed"),
}
SHAPE = {"actor": ("box", "rounded,filled"), "process": ("ellipse", "filled"),
         "datastore": ("cylinder", "filled"), "external": ("box3d", "filled")}
MARGIN = {"actor": "0.08,0.03", "process": "0.04,0.02", "datastore": "0.08,0.1",
          "external": "0.1,0.08"}
"""Inches around a label: a cylinder's caps and a 3-D box's top face need height."""

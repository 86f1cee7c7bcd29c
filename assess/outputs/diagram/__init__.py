"""The data-flow diagram of an assessment: zones as boundaries, flagged flows and stores in colour.

Drawn from the Assessment alone (its `scope` and `findings`), so the diagram can never disagree
with the findings it illustrates. Legibility on an A4 page is the design constraint. The work is
split by stage:

- `text`: label text cleaned, escaped, measured with the shipped font files and wrapped;
- `style` and `findings`: the sizes, colours, shapes and words, and what the findings flag;
- `key`: the legend, only of what this diagram draws;
- `build`: the DOT source (zones, nodes, edges, collapse to zones, title and legend);
- `layout`: `dot` run on several layouts, the one that reads best on A4 kept, errors.

The names below are the package's public interface; callers import them from here.
"""

from __future__ import annotations

from assess.outputs.diagram.build import Layout, to_dot, to_dots
from assess.outputs.diagram.findings import Flags, flags
from assess.outputs.diagram.key import LegendEntry, legend
from assess.outputs.diagram.layout import (
    LAYOUTS,
    PAGES,
    DiagramBudgetError,
    DiagramError,
    Drawing,
    Fit,
    Format,
    draw,
    finish_svg,
    fit,
    render,
    run_dot,
    svg_size,
    to_png,
    to_svg,
)
from assess.outputs.diagram.style import MAX_NODES
from assess.outputs.diagram.text import clean, esc, text_width

__all__ = [
    "LAYOUTS",
    "MAX_NODES",
    "PAGES",
    "DiagramBudgetError",
    "DiagramError",
    "Drawing",
    "Fit",
    "Flags",
    "Format",
    "Layout",
    "LegendEntry",
    "clean",
    "draw",
    "esc",
    "finish_svg",
    "fit",
    "flags",
    "legend",
    "render",
    "run_dot",
    "svg_size",
    "text_width",
    "to_dot",
    "to_dots",
    "to_png",
    "to_svg",
]

"""Laying the diagram out with Graphviz's `dot`, and keeping the layout that reads best on A4.

We write DOT and let `dot` lay it out: hand-rolled layout would be worse and slower. Several
layouts (left to right and top to bottom, cluster-by-cluster or global ranking, tight or loose)
are made and the one an A4 page shows largest without two labels drawn over each other is kept.
Every line of text in Graphviz's SVG is re-anchored on its middle, so no text leaves its box
whatever font the renderer measures with. The output is a pure function of the input, so the
PDF that embeds the SVG is byte-reproducible.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal

from assess.core.errors import AssessError
from assess.core.i18n import Lang
from assess.core.i18n.messages import msg, plain
from assess.engine.result import Assessment
from assess.outputs.diagram.build import Layout, edges_drawn, to_dot, to_dots
from assess.outputs.diagram.style import MAX_EDGES, MAX_NODES
from assess.outputs.diagram.text import graphviz_width, text_width, unguard

Format = Literal["svg", "dot", "png"]

DOT_TIMEOUT = 60.0
"""Seconds all of one diagram's layouts may take together."""
DOT_MEMORY = 1 << 30
"""Bytes of address space one `dot` process may use (where `prlimit` can enforce it)."""
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

LAYOUTS = tuple(Layout(rankdir, newrank, spread) for spread in (False, True)
                for newrank in (False, True) for rankdir in ("LR", "TB"))
"""Tried in this order; of those whose labels do not collide, the first shown largest on an
A4 page is kept."""


class DiagramError(AssessError):
    """Graphviz is missing or could not draw the diagram; says what to do about it."""


class DiagramBudgetError(DiagramError):
    """The diagram is too large to draw, or `dot` ran out of its time or memory: the report
    goes on without it (and says so); `assess graph` says why."""


# -- Graphviz ---------------------------------------------------------------------------------

def run_dot(source: str, fmt: Literal["svg", "png"], timeout: float = DOT_TIMEOUT) -> bytes:
    """Lay out DOT with Graphviz's `dot`: no shell, bounded in time and, through util-linux's
    `prlimit` where there is one, in memory."""
    exe = shutil.which("dot")
    if exe is None:
        raise DiagramError(msg("outputs.dot_missing"))
    limit = shutil.which("prlimit")
    args = [limit, f"--as={DOT_MEMORY}", "--", exe] if limit else [exe]
    try:
        done = subprocess.run([*args, f"-T{fmt}"], input=source.encode("utf-8"),
                              capture_output=True, timeout=max(timeout, 0.1), check=False)
    except subprocess.TimeoutExpired:
        raise DiagramBudgetError(msg("outputs.dot_timeout", seconds=DOT_TIMEOUT)) from None
    except OSError as exc:
        raise DiagramError(msg("outputs.dot_cannot_run", exe=exe,
                               why=plain(str(exc.strerror)))) from None
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()
        if done.returncode < 0 or any("memory" in line.lower() for line in why):
            raise DiagramBudgetError(msg("outputs.dot_memory", mib=DOT_MEMORY >> 20))
        said = "; ".join(why[:3])
        raise DiagramError(msg("outputs.dot_failed", why=plain(said) if said else msg(
            "outputs.dot_exit", code=done.returncode)))
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
            if el.text:
                el.text = unguard(el.text)
            if "x" not in el.attrib or "y" not in el.attrib:
                continue
            size = float(el.get("font-size", "14"))
            bold, italic = el.get("font-weight") == "bold", el.get("font-style") == "italic"
            x, y = float(el.attrib["x"]), float(el.attrib["y"])
            if el.get("text-anchor") == "start":
                x += graphviz_width(el.text or "", size, bold=bold, italic=italic) / 2
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
        raise DiagramError(msg("outputs.svg_no_size"))
    return float(m.group(1)), float(m.group(2))


# -- choosing a layout --------------------------------------------------------------------------

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


def _attempt(source: str, deadline: float) -> bytes | DiagramError:
    try:
        return run_dot(source, "svg", deadline - time.monotonic())
    except DiagramError as exc:
        return exc


def too_large(a: Assessment) -> DiagramBudgetError | None:
    """Why the diagram is not drawn at all (too many edges to lay out legibly), or None."""
    edges = edges_drawn(a)
    if edges <= MAX_EDGES:
        return None
    what = msg("outputs.too_large.zones" if len(a.scope.nodes) > MAX_NODES
               else "outputs.too_large.flows")
    return DiagramBudgetError(msg("outputs.too_large", edges=edges, what=what, max=MAX_EDGES))


def _unbeatable(d: Drawing) -> bool:
    """No labels collide and the page shows it at full size: no later layout can be better."""
    return d.collisions == 0 and _worth(d) >= 1.0 - 1e-9


def draw(a: Assessment, lang: Lang, *, standalone: bool = True) -> Drawing:
    """Lay the diagram out in each of LAYOUTS; keep the one with the fewest colliding labels
    (none, nearly always) that an A4 page shows largest, the first on a tie. A layout dot
    cannot make (its global ranking fails on some clustered graphs) is passed over; if none can
    be made, the first error is raised. Deterministic: every layout is a pure function of the
    input.

    The layouts are made _WORKERS at a time, in order; once one is unbeatable (no collision,
    full size on a portrait page) the rest are not made, since a later layout wins only by
    being strictly better — the same drawing as making them all, for half the `dot` runs on
    a diagram that fits its page."""
    problem = too_large(a)
    if problem is not None:
        raise problem
    sources = to_dots(a, lang, LAYOUTS, standalone=standalone)
    deadline = time.monotonic() + DOT_TIMEOUT  # one budget for all layouts, not one each
    best: Drawing | None = None
    first_error: DiagramError | None = None
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:  # dot runs in its own processes
        for start in range(0, len(LAYOUTS), _WORKERS):
            if best is not None and _unbeatable(best):
                break
            batch = sources[start:start + _WORKERS]
            outputs = list(pool.map(lambda s: _attempt(s, deadline), batch))
            for layout, source, output in zip(LAYOUTS[start:], batch, outputs, strict=False):
                if isinstance(output, DiagramError):
                    first_error = first_error or output
                    continue
                svg, collisions = finish_svg(output.decode("utf-8"))
                size = svg_size(svg)
                drawing = Drawing(source, svg, layout, size, fit(size), collisions)
                if best is None or _better(drawing, best):
                    best = drawing
    if best is None:
        assert first_error is not None
        raise first_error
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

"""Vector charts for the report, generated as SVG text (no raster images, no browser).

Every piece of text that reaches an SVG goes through `escape`/`quoteattr`, so a domain title
written as `<script>` stays text. `clean_svg` makes an SVG produced elsewhere (the Graphviz
diagram) safe to inline: no scripts, no links, no external references.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from assess.core.i18n.messages import msg
from assess.core.resources import data_dir

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
FONT = "Assess Serif"
RATING_FILL = {"low": "#d9ead3", "medium": "#fff2b3", "high": "#f9cb9c", "critical": "#ea9999"}
BAND_FILL = {"good": "#6aa84f", "fair": "#e6b428", "poor": "#cc4125", "none": "#cccccc"}


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    score: float | None
    text: str


@dataclass(frozen=True, slots=True)
class Threshold:
    value: float
    label: str
    text: str = ""
    """The value as the report's language writes it ('85', '72,5'); empty: the value as is."""


def _svg(width: float, height: float, body: list[str], title: str) -> str:
    return (f'<svg xmlns="{SVG_NS}" viewBox="0 0 {width:g} {height:g}" width="{width:g}" '
            f'height="{height:g}" font-family={quoteattr(FONT)} role="img">'
            f"<title>{escape(title)}</title>" + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, *, size: float = 11, anchor: str = "start",
          weight: str = "normal", fill: str = "#000") -> str:
    return (f'<text x="{x:g}" y="{y:g}" font-size="{size:g}" text-anchor="{anchor}" '
            f'font-weight="{weight}" fill="{fill}">{escape(text)}</text>')


def _band(score: float, thresholds: list[Threshold]) -> str:
    top = max((t.value for t in thresholds), default=100.0)
    low = min((t.value for t in thresholds), default=0.0)
    return "good" if score >= top else "fair" if score >= low else "poor"


@functools.cache
def _advances() -> tuple[dict[int, float], float]:
    """Advance widths (em) of the shipped regular face, by code point, and a fallback width."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(data_dir("templates") / "fonts" / "LiberationSerif-Regular.ttf"),
                  lazy=True)
    units = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    widths = {cp: metrics[name][0] / units for cp, name in font.getBestCmap().items()}
    return widths, 0.5


def text_width(text: str, size: float) -> float:
    """The width of `text` set in the shipped serif at `size` (SVG user units = points)."""
    widths, fallback = _advances()
    return sum(widths.get(ord(ch), fallback) for ch in unicodedata.normalize("NFC", text)) * size


def wrap(text: str, width: float, size: float) -> list[str]:
    """`text` broken at spaces into lines no wider than `width` (a word wider than a line
    keeps its own line), as even as the fewest lines allow: a long domain title is shown whole,
    never cut with '…', and never leaves one word alone on its last line."""
    lines = _greedy(text, width, size)
    low, high = max(text_width(word, size) for word in text.split() or [""]), width
    while high - low > 1:  # balanced: the narrowest width that needs no more lines
        middle = (low + high) / 2
        if len(_greedy(text, middle, size)) > len(lines):
            low = middle
        else:
            high = middle
    return _greedy(text, high, size) if len(lines) > 1 else lines


def _greedy(text: str, width: float, size: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(lines[-1] + " " + word, size) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _lines(x: float, y: float, lines: list[str], *, size: float, leading: float,
           anchor: str) -> str:
    """Lines of text, the first with its baseline at `y`."""
    spans = "".join(f'<tspan x="{x:g}" dy="{0 if i == 0 else leading:g}">{escape(line)}</tspan>'
                    for i, line in enumerate(lines))
    return (f'<text x="{x:g}" y="{y:g}" font-size="{size:g}" text-anchor="{anchor}" '
            f'font-weight="normal" fill="#000">{spans}</text>')


def domain_bars(bars: list[Bar], thresholds: list[Threshold], title: str) -> str:
    """Horizontal bars, one per domain, on a 0–100 axis with the verdict thresholds drawn; a
    label too long for its column wraps, and its row grows to hold it."""
    label_w, plot_w, right, row = 200.0, 320.0, 50.0, 22.0
    size, leading = 11.0, 12.5
    top, bottom = 36.0, 24.0
    width = label_w + plot_w + right
    labels = [wrap(b.label, label_w - 12, size) for b in bars]
    heights = [max(row, leading * len(lines) + 9.5) for lines in labels]
    plot_h = sum(heights)
    height = top + plot_h + bottom
    x0 = label_w

    def x(v: float) -> float:
        return x0 + plot_w * max(0.0, min(100.0, v)) / 100

    body = [f'<rect x="{x0:g}" y="{top:g}" width="{plot_w:g}" height="{plot_h:g}" '
            'fill="none" stroke="#999" stroke-width="0.6"/>']
    for tick in (0, 25, 50, 75, 100):
        body.append(f'<line x1="{x(tick):g}" y1="{top + plot_h:g}" x2="{x(tick):g}" '
                    f'y2="{top + plot_h + 4:g}" stroke="#999" stroke-width="0.6"/>')
        body.append(_text(x(tick), top + plot_h + 15, str(tick), size=9, anchor="middle"))
    y = top
    for b, lines, h in zip(bars, labels, heights, strict=True):
        middle = y + h / 2
        first = middle + 4 - leading * (len(lines) - 1) / 2
        body.append(_lines(label_w - 6, first, lines, size=size, leading=leading, anchor="end"))
        if b.score is not None:
            fill = BAND_FILL[_band(b.score, thresholds)]
            body.append(f'<rect x="{x0:g}" y="{middle - 7:g}" width="{x(b.score) - x0:g}" '
                        f'height="14" fill="{fill}"/>')
        body.append(_text(width - 4, middle + 4, b.text, anchor="end",
                          fill="#000" if b.score is not None else "#666"))
        y += h
    for k, th in enumerate(sorted(thresholds, key=lambda t: t.value)):
        xx = x(th.value)
        body.append(f'<line x1="{xx:g}" y1="{top - 2:g}" x2="{xx:g}" y2="{top + plot_h:g}" '
                    'stroke="#333" stroke-width="0.8" stroke-dasharray="3,2"/>')
        body.append(_text(xx, top - 6 - 12 * k, f"{th.label} {th.text or f'{th.value:g}'}",
                          size=10, anchor="middle"))
    return _svg(width, height, body, title)


def risk_matrix(matrix: list[list[str]], rating_text: dict[str, str], *, impact: int,
                likelihood: int, axis_impact: str, axis_likelihood: str, here: str, title: str,
                self_cell: tuple[int, int] | None = None, self_label: str = "") -> str:
    """The 4×4 impact × likelihood grid, impact 4 at the top; the result's cell is marked.

    With a review, `self_cell` (impact, likelihood) marks the submitter's own result too.
    """
    cell_w, cell_h, left, top = 96.0, 46.0, 62.0, 10.0
    n = len(matrix)
    width = left + cell_w * n + 10
    height = top + cell_h * n + 46
    body: list[str] = []
    for row in range(n):
        imp = n - row
        y = top + row * cell_h
        body.append(_text(left - 10, y + cell_h / 2 + 4, str(imp), size=12, anchor="end",
                          weight="bold"))
        for col in range(n):
            lik = col + 1
            rating = matrix[imp - 1][lik - 1]
            xx = left + col * cell_w
            body.append(f'<rect x="{xx:g}" y="{y:g}" width="{cell_w:g}" height="{cell_h:g}" '
                        f'fill="{RATING_FILL.get(rating, "#fff")}" stroke="#fff" '
                        'stroke-width="2"/>')
            body.append(_text(xx + cell_w / 2, y + 18, rating_text.get(rating, rating), size=12,
                              anchor="middle", fill="#333"))
            if self_cell == (imp, lik) and (imp, lik) != (impact, likelihood):
                body.append(f'<rect x="{xx + 3:g}" y="{y + 3:g}" width="{cell_w - 6:g}" '
                            f'height="{cell_h - 6:g}" fill="none" stroke="#000" '
                            'stroke-width="1.2" stroke-dasharray="4,2"/>')
                body.append(f'<circle cx="{xx + 14:g}" cy="{y + 31:g}" r="5" fill="#fff" '
                            'stroke="#000" stroke-width="1.2"/>')
                body.append(_text(xx + 23, y + 35, self_label, size=10, fill="#000"))
            if (imp, lik) == (impact, likelihood):
                body.append(f'<rect x="{xx + 1.5:g}" y="{y + 1.5:g}" width="{cell_w - 3:g}" '
                            f'height="{cell_h - 3:g}" fill="none" stroke="#000" '
                            'stroke-width="3"/>')
                body.append(f'<circle cx="{xx + 14:g}" cy="{y + 31:g}" r="5" fill="#000"/>')
                body.append(_text(xx + 23, y + 35, here, size=10, weight="bold"))
    for col in range(n):
        body.append(_text(left + col * cell_w + cell_w / 2, top + n * cell_h + 15, str(col + 1),
                          size=12, anchor="middle", weight="bold"))
    body.append(_text(left + n * cell_w / 2, top + n * cell_h + 36, axis_likelihood, size=12,
                      anchor="middle"))
    mid = top + n * cell_h / 2
    body.append(f'<text x="0" y="0" font-size="12" text-anchor="middle" '
                f'transform="translate(14 {mid:g}) rotate(-90)">{escape(axis_impact)}</text>')
    return _svg(width, height, body, title)


_DROP = {"script", "foreignObject", "image", "use", "style", "iframe", "object", "embed",
         "audio", "video", "feImage", "animate", "set"}
_URL = re.compile(r"url\s*\(|javascript:|data:|file:|https?:", re.IGNORECASE)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def clean_svg(svg: str, size: tuple[float, float] | None = None) -> str:
    """An SVG made elsewhere, made safe to inline: drops scripts, embedded images and styles,
    links and any attribute that could reference something outside the document; sets the
    shipped font (the diagram's labels were sized from it). With `size` (points), the SVG is
    shown at that width and height (its viewBox scales the drawing)."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(svg.encode("utf-8"))
    if _local(root.tag) != "svg":
        raise ValueError(msg("outputs.not_svg"))
    for parent in list(root.iter()):
        for child in list(parent):
            name = _local(child.tag) if isinstance(child.tag, str) else ""
            if name in _DROP or not name:
                parent.remove(child)
            elif name == "a":  # unwrap links, keep what they contain
                index = list(parent).index(child)
                parent.remove(child)
                for k, grandchild in enumerate(list(child)):
                    parent.insert(index + k, grandchild)
    for el in root.iter():
        for attr in list(el.attrib):
            name = _local(attr)
            if name == "href" or name.startswith("on") or _URL.search(el.attrib[attr]):
                del el.attrib[attr]
        if "font-family" in el.attrib:
            el.attrib["font-family"] = FONT
    root.attrib["font-family"] = FONT
    if size is not None:
        root.attrib["width"] = f"{size[0]:.2f}pt"
        root.attrib["height"] = f"{size[1]:.2f}pt"
    return ET.tostring(root, encoding="unicode")

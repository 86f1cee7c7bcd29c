"""Label text: cleaned, escaped, measured with the shipped font files and wrapped to a width.

Graphviz measures text with hinted metrics, which make bold text up to 4 % narrower than the
shipped font draws it: every label is given a minimum width measured here from the shipped
Liberation Serif files, so no text leaves its box whatever font Graphviz finds. Every text from
the proposal is untrusted, so it only reaches DOT through `esc`, inside HTML-like labels.
"""

from __future__ import annotations

import functools
import html
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from assess.core.resources import data_dir

FONT = "Liberation Serif"
"""The report ships Liberation Serif and renders the SVG with it; labels are sized from the
shipped font files (see `text_width`), so the layout fits the text whatever font Graphviz finds."""
FONT_FILES = {(False, False): "LiberationSerif-Regular.ttf",
              (True, False): "LiberationSerif-Bold.ttf",
              (False, True): "LiberationSerif-Italic.ttf",
              (True, True): "LiberationSerif-BoldItalic.ttf"}

_SLACK = 1.03
"""Labels are given 3 % more than the shipped font's advance widths: kerning only narrows."""


# -- escaping -----------------------------------------------------------------------------------

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """NFC (precomposed Vietnamese renders with any font), characters XML forbids dropped."""
    return _NOT_XML.sub("", unicodedata.normalize("NFC", text))


GUARD = "\u2060"
"""WORD JOINER, put after every backslash of a label: Graphviz expands backslash-G, -N, -E (the
graph's, node's, edge's name) even in HTML-like labels and even written as an entity; with the
joiner between, it leaves them alone. `unguard` takes it out of the SVG again."""


def esc(text: str) -> str:
    """Text for an HTML-like DOT label: cleaned, markup escaped, Graphviz's escapes disarmed,
    line breaks kept as <BR/>."""
    return "<BR/>".join(html.escape(line, quote=True).replace("\\", "\\" + GUARD)
                        for line in clean(text).splitlines())


def unguard(text: str) -> str:
    """A label's text as written, without the guards `esc` put in."""
    return text.replace("\\" + GUARD, "\\")


# -- measuring ----------------------------------------------------------------------------------

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


def graphviz_width(text: str, size: float, *, bold: bool, italic: bool) -> float:
    """The width Graphviz (through Pango) gave a line: advances hinted to whole pixels at
    96 dpi. Within a point of what `dot -Tjson` reports for the examples."""
    metrics = _advances(bold, italic)
    if metrics is None:
        return 0.6 * size * len(text)
    widths, upm = metrics
    px = size * 96 / 72 / upm
    return sum(round(widths.get(ord(ch), int(upm)) * px) for ch in text) * 72 / 96


# -- wrapping -----------------------------------------------------------------------------------

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


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
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


# -- label markup -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Line:
    """One line of a label in one font."""

    text: str
    size: float
    bold: bool = False
    italic: bool = False
    color: str | None = None
    """A colour of this package's (never from input); None: the element's own."""

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


def cell(lines: Sequence[Line], extra: str = "") -> str:
    """A table cell holding `lines`, at least as wide as the shipped font draws them."""
    need = math.ceil(max((ln.width() for ln in lines), default=0.0) * _SLACK + 1)
    body = "<BR/>".join(ln.markup() for ln in lines)
    return f'<TD WIDTH="{need}"{extra}>{body}</TD>'


def html_label(lines: Sequence[Line], background: str | None = None) -> str:
    """An HTML-like label: `lines` centred, in a borderless one-cell table of measured width
    (on `background`, when given)."""
    fill = f' BGCOLOR="{background}"' if background else ""
    return (f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"{fill}><TR>'
            f"{cell(lines)}</TR></TABLE>>")

"""The portfolio as a PDF/A in the report's type: the rows, then the heat map and the exposure as
vector charts (inline SVG, every text escaped by the template). Rendered by the report's own
`write_pdf`, so it fetches nothing outside the package's templates either."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from assess import __version__
from assess.core.i18n import Lang, country, decimal, t
from assess.outputs.portfolio import _FILLS, _again, _band, _cell, day, w
from assess.workflows.portfolio import Portfolio, Row

HEAT_ROWS = 34
"""Places per heat-map page (one line each, 4.4 mm: one landscape page)."""
BARS = 15
"""Operators shown in the exposure chart, the largest first."""
FILLS = {band: f"#{rgb.lower()}" for band, rgb in _FILLS.items()}
"""The heat map's colours, the workbook's (SVG presentation attributes: WeasyPrint does not
apply the page's style sheet inside an inline SVG)."""
TABLE = ("place", "platform", "state", "verdict", "score", "risk", "failing_blockers",
         "conditions_open", "conditions_overdue", "superseded")


@dataclass(slots=True)
class _Heat:
    left: float = 38.0
    top: float = 8.0
    cell: float = 14.0
    line: float = 4.4
    columns: list[dict[str, Any]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def width(self) -> float:
        return self.left + self.cell * len(self.columns) + 1

    @property
    def height(self) -> float:
        return self.top + self.line * len(self.rows) + 1


def _heat(p: Portfolio, lang: Lang) -> list[_Heat]:
    charts = []
    for start in range(0, max(len(p.rows), 1), HEAT_ROWS):
        h = _Heat()
        h.columns = [{"id": d, "x": h.left + i * h.cell} for i, (d, _) in enumerate(p.domains)]
        for k, r in enumerate(p.rows[start:start + HEAT_ROWS]):
            h.rows.append({"place": _cell(r, "place", lang), "key": r.key,
                           "y": h.top + k * h.line, "cells": [
                {"x": c["x"], "band": _band(r.domains.get(c["id"]), r.thresholds),
                 "text": decimal(r.domains[c["id"]], lang, ".0f") if c["id"] in r.domains
                 else "—"} for c in h.columns]})
        charts.append(h)
    return charts


def _exposure(p: Portfolio, lang: Lang) -> dict[str, Any]:
    shown = p.exposure[:BARS]
    left, span, line = 95.0, 140.0, 6.0
    top = max((e.personal for e in shown), default=0) or 1
    bars = [{"who": f"{e.operator} ({country(e.country, lang)})", "y": 2 + i * line,
             "personal": span * e.personal / top, "sensitive": span * e.sensitive / top,
             "label": decimal(e.personal, lang, ",") + (
                 f" ({decimal(e.sensitive, lang, ',')})" if e.sensitive else "")}
            for i, e in enumerate(shown)]
    more = len(p.exposure) - len(shown)
    return {"left": left, "line": line, "bars": bars, "width": left + span + 30,
            "height": 4 + line * len(bars),
            "more": w("more_operators", lang).format(n=more) if more > 0 else ""}


def cell(r: Row, key: str, lang: Lang) -> str:
    """A row's field as the tables print it: the reasons to re-assess spelled out, days as a
    reader writes them (the CSV keeps ISO dates for machines)."""
    if key == "superseded":
        return _again(r, lang)
    value = getattr(r, key)
    return day(value, lang) if isinstance(value, dt.date) else _cell(r, key, lang)


def view(p: Portfolio, lang: Lang = "vi") -> dict[str, Any]:
    verdicts = [r.verdict.partition(".")[0] for r in p.rows]
    counts = [{"cls": v, "n": verdicts.count(v), "label": t(v, lang)}
              for v in ("approve", "conditional", "reject")]
    counts.append({"cls": "", "n": sum(r.superseded for r in p.rows),
                   "label": w("superseded_count", lang)})
    counts.append({"cls": "", "n": sum(r.conditions_overdue for r in p.rows),
                   "label": w("conditions_overdue", lang)})
    rows = []
    for r in p.rows:
        cells = []
        for key in TABLE:
            text = cell(r, key, lang)
            cls = ("num" if key in ("score", "conditions_open", "conditions_overdue")
                   else f"v-{r.verdict.partition('.')[0]}" if key == "verdict" else "")
            cells.append({"text": text, "cls": cls})
        rows.append(cells)
    return {"lang": lang, "title": w("title", lang), "fills": FILLS,
            "as_of": w("as_of", lang).format(day=p.on.strftime("%d/%m/%Y")),
            "created": dt.datetime.combine(p.on, dt.time(), dt.UTC).isoformat(),
            "generator": f"assess {__version__}", "counts": counts,
            "head": [w(k, lang) for k in TABLE], "rows": rows, "heat": _heat(p, lang),
            "exposure": _exposure(p, lang),
            "words": {k: w(k, lang) for k in ("rows", "heat", "heat_note", "exposure",
                                              "exposure_note", "personal", "sensitive")}}


def render_html(p: Portfolio, lang: Lang = "vi") -> str:
    from assess.outputs.report.html import environment

    return environment().get_template("portfolio.html.j2").render(v=view(p, lang))


def portfolio_pdf(p: Portfolio, lang: Lang = "vi") -> bytes:
    from assess.outputs.report.pdf import write_pdf

    return write_pdf(render_html(p, lang), created=dt.datetime.combine(p.on, dt.time(), dt.UTC))


__all__ = ["cell", "portfolio_pdf", "render_html", "view"]

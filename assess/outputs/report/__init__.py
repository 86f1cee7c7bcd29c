"""The formal report: Assessment -> view model -> HTML (Jinja2) -> PDF/A-3b (WeasyPrint).

Light to import: WeasyPrint and Graphviz are loaded only when a report is actually rendered.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assess.core.errors import InputError
from assess.core.i18n import Lang
from assess.core.i18n.messages import msg
from assess.engine.result import Assessment
from assess.outputs.report.files import Embedded, embedded_files

if TYPE_CHECKING:
    from pathlib import Path

    from assess.outputs.diagram import DiagramBudgetError, Drawing
    from assess.outputs.report.pdf import TemplateFetcher


def creation_time(a: Assessment) -> dt.datetime:
    """When the document says it was made: SOURCE_DATE_EPOCH if set, else the assessment's own
    date (from the inputs) at midnight UTC — never the clock, so renders are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise InputError.single("SOURCE_DATE_EPOCH", msg("outputs.source_date_epoch",
                                                             value=epoch[:40])) from None
    return dt.datetime.combine(a.as_of, dt.time(), dt.UTC)


def diagram(a: Assessment, lang: Lang) -> Drawing | DiagramBudgetError | None:
    """The data-flow diagram laid out for an A4 page, without the title and legend the report
    prints itself; None when the proposal declares no nodes; the reason when it is too large to
    draw within its budget (the report then says so where the diagram would be)."""
    if not a.scope.nodes:
        return None
    from assess.outputs.diagram import DiagramBudgetError, draw

    try:
        return draw(a, lang, standalone=False)
    except DiagramBudgetError as exc:
        return exc


def render_html(a: Assessment, lang: Lang, *, created: dt.datetime | None = None,
                attachments: Sequence[Embedded] = ()) -> str:
    """The report as HTML (what the PDF is made from)."""
    return _html(a, lang, created or creation_time(a), attachments, diagram(a, lang))


def _html(a: Assessment, lang: Lang, created: dt.datetime, attachments: Sequence[Embedded],
          drawing: Drawing | DiagramBudgetError | None) -> str:
    from assess.outputs.report.html import render
    from assess.outputs.report.view import build_view

    view = build_view(a, lang, diagram=drawing, created=created,
                      attachments=[e.name for e in attachments])
    return render(view)


def render_pdf(a: Assessment, lang: Lang, *, attachments: Sequence[Embedded] = (),
               fetcher: TemplateFetcher | None = None) -> tuple[str, bytes]:
    """The report as (HTML, PDF/A-3b bytes) with `attachments` embedded.

    Graphviz lays the diagram out in its own processes while this one imports WeasyPrint
    (most of a second): the two overlap instead of following each other."""
    from concurrent.futures import ThreadPoolExecutor

    created = creation_time(a)
    with ThreadPoolExecutor(max_workers=1) as pool:
        drawing = pool.submit(diagram, a, lang)
        from assess.outputs.report.pdf import write_pdf

        html = _html(a, lang, created, attachments, drawing.result())
    return html, write_pdf(html, created=created, attachments=attachments, fetcher=fetcher)


def report_pdf(a: Assessment, lang: Lang, review: Path | None = None) -> bytes:
    """The PDF `assess report` writes for `a`, with the same attachments (a batch's renderer)."""
    return render_pdf(a, lang, attachments=embedded_files(a, lang, review=review))[1]


def warm_renderer() -> None:
    """Import WeasyPrint and load the report's fonts once: a batch worker does this before its
    first report, so no report pays for it."""
    from assess.outputs.report.pdf import write_pdf

    write_pdf('<p style="font-family: serif">Đ</p>', created=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))


__all__ = ["Embedded", "creation_time", "embedded_files", "render_html", "render_pdf",
           "report_pdf", "warm_renderer"]

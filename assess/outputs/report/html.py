"""The report as HTML: Jinja2 with autoescape on and StrictUndefined, templates from the package.

Autoescape covers every value the view holds; the only markup passed through is the SVG the
report builds itself (charts) or cleans (diagram), wrapped in `Markup` by the view builder.
"""

from __future__ import annotations

import functools

import jinja2

from assess.core.resources import data_dir
from assess.outputs.report.model import ReportView

TEMPLATE = "report.html.j2"


@functools.cache
def environment() -> jinja2.Environment:
    """One environment per process (templates are compiled once)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(view: ReportView) -> str:
    """The report's HTML; a missing field is an error (StrictUndefined), never an empty cell."""
    return environment().get_template(TEMPLATE).render(v=view)

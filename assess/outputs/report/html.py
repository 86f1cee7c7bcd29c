"""The report as HTML: Jinja2 with autoescape on and StrictUndefined, templates from the package.

Autoescape covers every value the view holds; the only markup passed through is the SVG the
report builds itself (charts) or cleans (diagram), wrapped in `Markup` by the view builder.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket

from assess.core.resources import data_dir
from assess.outputs.report.model import ReportView

TEMPLATE = "report.html.j2"
OPTIONS: dict[str, Any] = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True,
                           "keep_trailing_newline": True}
"""How the templates are compiled (with StrictUndefined, which applies when they render)."""


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """The templates as Jinja compiled them, kept between runs in the user's cache folder: a
    tenth of a second of every report otherwise. Jinja keys each by the template's path and
    checks it against the checksum of the template's source, so an edited template is compiled
    again; the file names also carry Jinja's version and the options compiled with, which
    change the code made from the same source. Nothing in it comes from a user's input. A
    cache that cannot be read or written is done without, silently."""

    def __init__(self, folder: Path) -> None:
        tag = hashlib.sha256(repr((jinja2.__version__, sorted(OPTIONS.items())))
                             .encode("utf-8")).hexdigest()[:16]
        super().__init__(str(folder), f"{tag}-%s.jinja")

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a file cut short or overwritten: compiled again (and rewritten)
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # read-only, full, gone: compiled again next time
            super().dump_bytecode(bucket)


def cache_folder() -> Path | None:
    """$XDG_CACHE_HOME/assess/templates, else ~/.cache/assess/templates, made if need be; None
    where there is none to be had (no home folder, a read-only one)."""
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    try:
        root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
        folder = root / "assess" / "templates"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: Path.home() without a home
        return None
    return folder


@functools.cache
def environment() -> jinja2.Environment:
    """One environment per process (templates are compiled once, or read compiled)."""
    folder = cache_folder()
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        undefined=jinja2.StrictUndefined,
        bytecode_cache=CompiledTemplates(folder) if folder is not None else None,
        **OPTIONS,
    )


def render(view: ReportView) -> str:
    """The report's HTML; a missing field is an error (StrictUndefined), never an empty cell."""
    return environment().get_template(TEMPLATE).render(v=view)

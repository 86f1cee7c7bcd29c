"""Shared fixtures: the small test checklist, the repository's examples, a CLI runner."""

from __future__ import annotations

import os
import signal
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

# Compiled report templates are cached in the user's cache folder (outputs.report.html): the
# tests keep theirs in a folder of their own, never in the home of whoever runs them.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="assess-tests-cache-")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"
MINI_DIR = DATA / "checklists"


@pytest.fixture(autouse=True)
def sigpipe_kept():  # type: ignore[no-untyped-def]
    """`assess.cli.app.run` makes SIGPIPE fatal, as a console script should; a test calling it
    in-process must not leave pytest so, or the next write to a closed socket kills the whole
    run (CI once ended at 97% with make's 'Broken pipe', pytest killed by the signal)."""
    before = signal.getsignal(signal.SIGPIPE)
    yield
    if signal.getsignal(signal.SIGPIPE) != before:
        signal.signal(signal.SIGPIPE, before)


_PDFS: dict[tuple[object, ...], bytes] = {}


@pytest.fixture(autouse=True)
def pdfs_rendered_once(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """WeasyPrint's rendering, the suite's largest cost, done once per distinct input in a run:
    the same HTML, date, attachments and package templates give the same bytes (a test proves
    it, marked `fresh_pdf` to render every time, as are the tests of the renderer itself).
    A custom fetcher is never shared."""
    if request.node.get_closest_marker("fresh_pdf"):
        yield
        return
    from assess.outputs.report import pdf

    real = pdf.write_pdf

    def once(html: str, *, created: object, attachments: Sequence[Any] = (),
             fetcher: object = None) -> bytes:
        if fetcher is not None:
            return real(html, created=created, attachments=attachments, fetcher=fetcher)
        key = (html, created, os.environ.get("SOURCE_DATE_EPOCH"),
               tuple((e.name, e.data, e.description, e.relationship) for e in attachments))
        if key not in _PDFS:
            _PDFS[key] = real(html, created=created, attachments=attachments)
        return _PDFS[key]

    monkeypatch.setattr(pdf, "write_pdf", once)
    yield


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def mini_catalog():  # type: ignore[no-untyped-def]
    from assess.checklists.catalog import Catalog

    return Catalog([MINI_DIR])


@pytest.fixture
def ok_proposal() -> Path:
    return DATA / "proposal-ok.yaml"


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Tests compare messages in English unless they ask for Vietnamese (`vietnamese`): the
    command line's default language is Vietnamese, tested by the tests that use that fixture."""
    from assess.core.i18n.messages import speaking

    monkeypatch.setenv("ASSESS_LANG", "en")
    with speaking("en"):
        yield


@pytest.fixture
def vietnamese(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The user's default: no ASSESS_LANG, so every output and message is Vietnamese."""
    from assess.core.i18n.messages import speaking

    monkeypatch.delenv("ASSESS_LANG", raising=False)
    with speaking("vi"):
        yield

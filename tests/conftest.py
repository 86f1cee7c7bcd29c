"""Shared fixtures: the small test checklist, the repository's examples, a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"
MINI_DIR = DATA / "checklists"


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

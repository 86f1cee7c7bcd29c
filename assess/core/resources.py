"""Where the package's own data lives: inside the wheel, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """`checklists`, `templates` or `schemas`: the folder shipped inside the package."""
    return _PKG / "data" / name

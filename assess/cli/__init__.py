"""Command-line interface. Thin: each command parses options, calls the library, prints."""

from __future__ import annotations

import warnings

# typer 0.16 (the lowest supported) calls a click helper that click 8.2 deprecates, on import: a
# library's note to its own developers, never something a user of `assess` can act on.
warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"typer(\.|$)")
# pypdf 4.0 (the lowest supported) imports a cipher newer cryptography releases have moved.
warnings.filterwarnings("ignore", message=r"ARC4 has been moved", module=r"pypdf(\.|$)")

from assess.cli import (  # noqa: E402, F401  (register the commands)
    checklists,
    core,
    graph,
    legal,
    platforms,
    questionnaire,
    report,
    review,
    signing,
    versioning,
)
from assess.cli.app import app, run  # noqa: E402


def main() -> None:
    run()


__all__ = ["app", "main"]

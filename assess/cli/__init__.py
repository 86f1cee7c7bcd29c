"""Command-line interface. Thin: each command parses options, calls the library, prints."""

from __future__ import annotations

import warnings

# typer 0.16 (the lowest supported) calls a click helper that click 8.2 deprecates, on import: a
# library's note to its own developers, never something a user of `assess` can act on.
warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"typer(\.|$)")

from assess.cli import (  # noqa: E402, F401  (register the commands)
    batch,
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
    workspace,
)
from assess.cli.app import app, run  # noqa: E402


def main() -> None:
    """The console script (and `python -m assess`): the command, then the process ends."""
    try:
        run()
    finally:
        _no_collection_at_exit()


def _no_collection_at_exit() -> None:
    """Python collects garbage once more as it shuts down, walking every object still alive:
    after a report that is WeasyPrint's, pydantic's and every module's (a third of a second).
    Nothing is left to do with them but free them, which the process's end does: moved out of
    the collector's sight (`gc.freeze`), they are not walked. Only here, where the process
    ends; `run` (which tests call in-process) leaves the collector as it found it."""
    import gc

    gc.freeze()


__all__ = ["app", "main"]

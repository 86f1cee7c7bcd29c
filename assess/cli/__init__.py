"""Command-line interface. Thin: each command parses options, calls the library, prints."""

from __future__ import annotations

from assess.cli import checklists, core, graph, platforms, questionnaire, report, review, signing, versioning  # noqa: F401  (register the commands)
from assess.cli.app import app, run


def main() -> None:
    run()


__all__ = ["app", "main"]

"""`assess graph`: the data-flow diagram on its own, for a reviewer's slides or a quick look."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

import typer

from assess.cli.app import (
    ChecklistDirs,
    ChecklistOpt,
    LangOpt,
    Language,
    PlatformDirs,
    ProposalArg,
    app,
    guarded,
    lang_of,
    log,
)
from assess.core.i18n.messages import msg

Format = Literal["svg", "dot", "png"]


class FormatChoice(StrEnum):
    svg = "svg"
    dot = "dot"
    png = "png"


_SUFFIX: dict[str, Format] = {".svg": "svg", ".dot": "dot", ".gv": "dot", ".png": "png"}


def _format_of(value: FormatChoice | None, output: Path | None) -> Format:
    """An explicit --format wins; else the output's suffix says it; else SVG."""
    if value is None:
        return _SUFFIX.get(output.suffix.lower(), "svg") if output else "svg"
    return _SUFFIX["." + value.value]


@app.command("graph", epilog="Examples:\n\n  assess graph proposal.yaml -o flows.svg\n\n"
             "  assess graph proposal.yaml --format png -o flows.png --lang en\n\n"
             "  assess graph proposal.yaml --format dot | dot -Tpdf -o flows.pdf")
@guarded
def graph_command(
    proposal: ProposalArg,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the diagram here (atomically) instead of to standard "
        "output.")] = None,
    fmt: Annotated[FormatChoice | None, typer.Option(
        "--format", "-f", help="svg, dot (Graphviz source) or png; by default the output's "
        "suffix, else svg.", case_sensitive=False)] = None,
    lang: LangOpt = Language.vi,
    checklist: ChecklistOpt = None,
    checklists: ChecklistDirs = None,
    platforms: PlatformDirs = None,
) -> None:
    """Draw the data-flow diagram: zones as boundaries, findings in colour.

    Flows and stores named by findings are coloured (red: personal data unencrypted across a
    boundary; dashed blue: transfer abroad).

    Past 60 nodes the diagram is collapsed to one box per zone.
    svg and png need Graphviz's 'dot' program; --format dot does not.
    """
    language = lang_of(lang)
    kind = _format_of(fmt, output)
    if kind == "png" and output is None and sys.stdout.isatty():
        raise typer.BadParameter(str(msg("cli.graph.binary")), param_hint="--format")
    from assess.core.files import refuse_inputs
    from assess.outputs.diagram import render
    from assess.workflows.pipeline import assess_files

    refuse_inputs([output], [proposal, checklist])
    a = assess_files(proposal, checklist=checklist, checklist_dirs=checklists or [],
                     platform_dirs=platforms or [])
    refuse_inputs([output], a.input_files())
    content = render(a, language, kind)
    if output is None:
        typer.echo(content, nl=isinstance(content, str) and not content.endswith("\n"))
        return
    from assess.core.files import write_atomic

    write_atomic(output, content)
    log.info("%s", msg("cli.graph.wrote", output=str(output), kind=kind))

"""review: what a ministry reviewer runs to re-assess a province's proposal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assess.cli.app import ChecklistDirs, LangOpt, Language, PlatformDirs, app, guarded, lang_of, log
from assess.core.i18n.messages import msg

review_app = typer.Typer(
    help="Review a province's proposal: write a review pinned to the proposal file, then score "
    "or report with [bold]--review[/].", no_args_is_help=True, rich_markup_mode="rich")
app.add_typer(review_app, name="review")


@review_app.command("init", epilog="Examples:\n\n"
                    "  assess review init examples/bac-giang-zalo-2019.yaml -o review.yaml\n\n"
                    "  assess score examples/bac-giang-zalo-2019.yaml --review review.yaml")
@guarded
def init(
    proposal: Annotated[Path, typer.Argument(help="The proposal YAML file to review.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the review.")],
    checklist: Annotated[str | None, typer.Option(
        "--checklist", "-c", help="Show the engine's statuses against this checklist (ID@VERSION, "
        "ID@latest or a file) instead of the one the proposal names; score with the same "
        "option.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    lang: LangOpt = Language.vi,
    checklists: ChecklistDirs = None,
    platforms: PlatformDirs = None,
) -> None:
    """Write a review skeleton for PROPOSAL, pinned to its id and SHA-256.

    Every control is listed as a comment with the province's answer and the engine's status,
    ready to become an override (status + rationale). The skeleton validates as written; a
    review of a proposal file that has changed since is refused.
    """
    language = lang_of(lang)
    from assess.cli.writing import refuse_schema_name, write_with_schema
    from assess.core.files import refuse_inputs
    from assess.core.i18n import t
    from assess.workflows.pipeline import assess_files
    from assess.workflows.review_skeleton import review_skeleton
    from assess.workflows.skeleton import is_stream

    beside = refuse_schema_name(output, "review")
    refuse_inputs([output, beside], [proposal, checklist])
    a = assess_files(proposal, checklist=checklist, checklist_dirs=checklists or [],
                     platform_dirs=platforms or [])
    refuse_inputs([output], a.input_files())
    text = review_skeleton(a, language, proposal_path=str(proposal),
                           file=None if is_stream(output) else output.name)
    write_with_schema(output, text, "review", force=force)  # and the file $schema names
    verdict = a.verdict.value
    log.info("%s", msg("cli.review.wrote", output=str(output), id=a.proposal.id,
                       n=len(a.controls), verdict=(t(verdict, "vi").lower(), verdict),
                       score=float(a.score)))

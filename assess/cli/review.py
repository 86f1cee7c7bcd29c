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


@review_app.command("carry", epilog="Examples:\n\n"
                    "  assess review carry review-v1.yaml proposal-v2.yaml -o review-v2.yaml\n\n"
                    "  assess review carry review-v1.yaml proposal-v2.yaml --previous "
                    "proposal-v1.yaml -o review-v2.yaml")
@guarded
def carry(
    old_review: Annotated[Path, typer.Argument(help="The review of the earlier version.")],
    proposal: Annotated[Path, typer.Argument(help="The resubmitted proposal YAML file.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the new review "
                                         "('-': standard output).")],
    previous: Annotated[Path | None, typer.Option(
        "--previous", help="The version OLD_REVIEW reviewed: compares the inputs of overrides "
        "that carry no basis, and says what changed.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    lang: LangOpt = Language.vi,
    checklists: ChecklistDirs = None,
    platforms: PlatformDirs = None,
) -> None:
    """Carry OLD_REVIEW's overrides to PROPOSAL, a resubmitted version of what it reviewed.

    An override is carried where the control's inputs (answer, evidence, note, rule result,
    profile answer, facts) are what they were when it was written; otherwise it is listed at the
    top of the new review as a comment, to review again, and counts for nothing. Conditions and
    the reviewer are kept; the decision is not (a resubmission is decided afresh).
    """
    from assess.checklists.loading import load_review
    from assess.core.errors import InputError
    from assess.core.files import refuse_inputs, write_atomic
    from assess.core.i18n import words
    from assess.core.i18n.skeleton import CARRY
    from assess.workflows import carry as carrying
    from assess.workflows.pipeline import assess_files

    language = lang_of(lang)
    refuse_inputs([output], [old_review, proposal, previous])
    rv = load_review(old_review)
    new = assess_files(proposal, checklist_dirs=checklists or [], platform_dirs=platforms or [])
    old = None
    if previous is not None:
        old = assess_files(previous, checklist_dirs=checklists or [],
                           platform_dirs=platforms or [])
        if old.proposal.sha256 != rv.doc.proposal.sha256:
            raise InputError.single(str(previous), msg(
                "cli.review.not_previous", file=str(previous), review=str(old_review),
                named=rv.doc.proposal.sha256[:12], sha=old.proposal.sha256[:12]))
    result = carrying.plan(rv.doc.overrides, new, old)
    text = carrying.review_text(carrying.carried_review(rv.doc, new, result), result,
                                words(CARRY, language))
    if str(output) == "-":
        typer.echo(text, nl=False)
    else:
        write_atomic(output, text, overwrite=force)
    flagged = [f.control for f in result.flagged]
    log.info("%s", msg("cli.review.carried", output=str(output), carried=len(result.carried),
                       flagged=len(flagged), controls=f": {', '.join(flagged)}" if flagged else ""))

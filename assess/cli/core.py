"""validate, score, init: what a province runs while preparing a proposal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assess.cli.app import (
    ChecklistDirs,
    ChecklistOpt,
    Gate,
    LangOpt,
    Language,
    PlatformDirs,
    ProposalArg,
    app,
    catalog,
    fail_on_option,
    gate_fails,
    guarded,
    lang_of,
    log,
    platform_catalog,
    stderr,
    stdout,
)
from assess.core.errors import ExitStatus
from assess.core.i18n import t


@app.command(epilog="Examples:\n\n  assess validate proposal.yaml\n\n"
             "  assess validate examples/*.yaml my-checklists/*/*.yaml")
@guarded
def validate(
    files: Annotated[list[Path], typer.Argument(help="YAML files: checklists, proposals, "
                                                "reviews or platform profiles (recognised by "
                                                "their 'kind').")],
    checklists: ChecklistDirs = None,
    platforms: PlatformDirs = None,
    proposal: Annotated[Path | None, typer.Option(
        "--proposal", "-p", help="The proposal a review is checked against (by default: the "
        "file among FILES, or beside the review, whose SHA-256 the review pins).")] = None,
    lang: LangOpt = Language.vi,
) -> None:
    """Check documents: schema, references between ids, and the checklist a proposal names.

    A review is checked with the proposal it pins: the controls its overrides and conditions
    name, and whether its decision needs a rationale or an exception. Every problem of a file
    is printed at once, as file:line: field: message. Exit status 2 if any file has one.
    """
    from assess.core.errors import AssessError
    from assess.core.i18n.messages import msg, plain
    from assess.workflows.checking import validate_path

    cat, shelf = catalog(checklists), platform_catalog(platforms)
    out, err = stdout(), stderr()
    failed = 0
    for f in files:
        try:
            checked = validate_path(f, cat, shelf, others=files, proposal=proposal)
        except AssessError as exc:
            failed += 1
            for line in exc.messages():
                err.print(str(msg("cli.error", text=plain(line))))
            continue
        if checked.kind == "review" and checked.against is None:
            sha = f"{checked.pinned[:12]}…" if checked.pinned else "?"
            out.print(str(msg("cli.validate.schema_only", file=str(f), sha=sha)),
                      soft_wrap=True)
        elif checked.against is not None:
            out.print(str(msg("cli.validate.with", file=str(f), proposal=checked.against.name)),
                      soft_wrap=True)
        else:
            out.print(str(msg("cli.validate.ok", file=str(f), kind=(
                t(f"kind.{checked.kind}", "vi"), checked.kind))), soft_wrap=True)
    if failed:
        raise typer.Exit(ExitStatus.INPUT)


@app.command(epilog="Examples:\n\n  assess score examples/bac-giang-zalo-2019.yaml\n\n"
             "  assess score proposal.yaml --json > assessment.json\n\n"
             "  assess score proposal.yaml --fail-on conditional   # CI gate\n\n"
             "  assess score proposal.yaml --checklist vn-third-party-channel@latest")
@guarded
def score(
    proposal: ProposalArg,
    checklist: ChecklistOpt = None,
    review: Annotated[Path | None, typer.Option(
        "--review", "-r", help="A reviewer's review YAML: its overrides and decision apply.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the assessment as JSON.")] = False,
    fail_on: Annotated[Gate | None, fail_on_option("the verdict")] = None,
    lang: LangOpt = Language.vi,
    checklists: ChecklistDirs = None,
    platforms: PlatformDirs = None,
) -> None:
    """Score a proposal: verdict, score, risk rating, domain scores and findings.

    Controls that name a graph rule are decided from the proposal's data flows; the province's
    answers decide the rest. Exit status 1 with --fail-on when the verdict is that bad.
    """
    language = lang_of(lang)
    from assess.workflows.pipeline import assess_files

    a = assess_files(proposal, checklist=checklist, review=review,
                     checklist_dirs=checklists or [],
                     platform_dirs=platforms or [])
    if as_json:
        typer.echo(a.to_json())
    else:
        from assess.outputs.terminal.assessment import print_assessment

        print_assessment(a, language)
    if gate_fails(fail_on, [a.gate_verdict.value]):
        raise typer.Exit(ExitStatus.GATE)


@app.command(epilog="Examples:\n\n  assess init -o proposal.yaml\n\n"
             "  assess init --checklist vn-third-party-channel@1.0.0 --lang en -o proposal.yaml")
@guarded
def init(
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the skeleton "
                                         "('-' for standard output).")],
    checklist: Annotated[str, typer.Option(
        "--checklist", "-c", help="Checklist to answer: ID, ID@VERSION or ID@latest.")
    ] = "vn-third-party-channel@latest",
    platform: Annotated[str | None, typer.Option(
        "--platform", "-p", help="The vetted platform profile the channel runs on: ID, "
        "ID@VERSION or ID@latest (see `assess platform list`). The skeleton then names it and "
        "leaves the platform's part of the drawing to it.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    lang: LangOpt = Language.vi,
    checklists: ChecklistDirs = None,
    platforms: PlatformDirs = None,
) -> None:
    """Write a proposal skeleton for a province to fill in.

    Every control is listed under 'answers' as 'unknown', with its question, guidance and
    expected evidence as comments; every other field of a proposal is there too, the optional
    ones commented out with what to write. The skeleton validates as written. Its first line
    names ./proposal.schema.json for editors, a relative path that survives e-mail, and that file
    is written beside it (recreate it with `assess schema proposal -o .`). With --platform, the
    channel names the profile (its operator, zones, what it keeps) and the comments list the
    profile's entry points the province's flows connect to; without it, the operator's zone and
    system are drawn for the province to correct.
    """
    language = lang_of(lang)
    from assess.checklists.loading import resolve_checklist, resolve_platform
    from assess.cli.writing import refuse_schema_name, write_with_schema
    from assess.core.files import refuse_inputs
    from assess.core.i18n.messages import msg
    from assess.workflows.skeleton import is_stream, skeleton

    cl = resolve_checklist(checklist, catalog(checklists))
    loaded = resolve_platform(platform, platform_catalog(platforms)) if platform else None
    beside = refuse_schema_name(output, "proposal")
    refuse_inputs([output, beside], [cl.source.name, loaded.source.name if loaded else None])
    pf = loaded.doc if loaded else None
    text = skeleton(cl.doc, language, platform=pf, file=None if is_stream(output) else output.name)
    where = msg("skeleton.stdout") if str(output) == "-" else msg("skeleton.file", file=str(output))
    schema = write_with_schema(output, text, "proposal", force=force)  # and $schema's file
    count = len(cl.doc.controls())
    log.info("%s", msg("skeleton.wrote_on", where=where, n=count, checklist=cl.doc.ref,
                       platform=pf.ref) if pf else
             msg("skeleton.wrote", where=where, n=count, checklist=cl.doc.ref))
    if schema is not None:
        log.info("%s", msg("skeleton.wrote_schema", file=str(schema)))

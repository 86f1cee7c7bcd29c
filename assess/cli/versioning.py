"""checklist lint / diff / release, migrate, schema: what a policy team runs to version checklists."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer

from assess.cli.app import (
    ChecklistDirs,
    LangOpt,
    Language,
    ProposalArg,
    app,
    catalog,
    checklist_app,
    guarded,
    lang_of,
    log,
    stderr,
    stdout,
)
from assess.core.i18n.messages import Msg, current, msg, plain

_PLAIN = {"markup": False, "highlight": False, "soft_wrap": True}


@checklist_app.command(epilog="Examples:\n\n  assess checklist lint\n\n"
                       "  assess checklist lint assess/data/checklists/vn-third-party-channel/1.1.0.yaml\n\n"
                       "  assess checklist lint my-checklists/ --strict   # CI gate")
@guarded
def lint(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Checklist files, checklist folders (<id>/), folders of them, or ID / ID@VERSION. "
        "Default: every checklist of the catalog.", show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    checklists: ChecklistDirs = None,
    lang: LangOpt = Language.vi,
) -> None:
    """Check checklists beyond their schema, and their release lock.

    Ids, texts in both languages, legal basis, scoring sanity, rules and facts, file names, and
    the release lock: a released file must not change, and a version bump must be at least what
    its diff against the previous release needs.

    Prints every problem as level: file:line: field: message. Exit status 2 if there is an
    error (or, with --strict, a warning).
    """
    lint_shelf(paths, catalog(checklists), strict)


def lint_shelf(paths: list[str] | None, cat: Any, strict: bool, checklists: Any = None) -> None:
    """`checklist lint` and `platform lint`: every issue, a count, exit 2 on an error."""
    from assess.checklists.lint import lint as run
    from assess.checklists.lint import targets

    report = run(targets(paths or [], cat), checklists)
    out = stdout()
    for issue in report.issues():
        out.print(issue.render(level="error" if strict else None), **_PLAIN)
    errors, warnings = report.errors(strict=strict), report.warnings(strict=strict)
    files = sum(1 for f in report.files if f.ref is not None)
    out.print(str(msg("cli.lint.summary",
                      files=_count(files, "cli.lint.files.one", "cli.lint.files.many",
                                   noun=cat.shelf.what),
                      errors=_count(errors, "cli.lint.errors.one", "cli.lint.errors.many"),
                      warnings=_count(warnings, "cli.lint.warnings.one",
                                      "cli.lint.warnings.many"))), **_PLAIN)
    if errors:
        raise typer.Exit(2)


@checklist_app.command(epilog="Examples:\n\n  assess checklist diff vn-third-party-channel@1.0.0 "
                       "vn-third-party-channel@1.1.0\n\n"
                       "  assess checklist diff old.yaml new.yaml --json\n\n"
                       "  assess checklist diff mini@1.0.0 mini@1.1.0 --markdown >> CHANGELOG.md")
@guarded
def diff(
    old: Annotated[str, typer.Argument(help="The older version: ID@VERSION or a file.")],
    new: Annotated[str, typer.Argument(help="The newer version: ID@VERSION or a file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the diff as JSON.")] = False,
    as_markdown: Annotated[bool, typer.Option(
        "--markdown", help="Print a Markdown changelog entry.")] = False,
    lang: LangOpt = Language.vi,
    checklists: ChecklistDirs = None,
) -> None:
    """Show what changed between two checklist versions, and the version bump it needs.

    Controls added, removed, renamed and changed (wording, severity, blocker, rule,
    applicability, legal basis…), domains and scoring; each change says whether it needs a
    major, minor or patch bump, and why.
    """
    if as_json and as_markdown:
        raise typer.BadParameter(str(msg("cli.diff.one_format")), param_hint="--json")
    language = lang_of(lang)
    from assess.checklists.diff import diff as compute
    from assess.checklists.loading import resolve_checklist

    cat = catalog(checklists)
    d = compute(resolve_checklist(old, cat).doc, resolve_checklist(new, cat).doc)
    if as_json:
        import json

        typer.echo(json.dumps(d.to_dict(), indent=2, ensure_ascii=False))
    elif as_markdown:
        from assess.checklists.changelog import markdown

        typer.echo(markdown(d, language), nl=False)
    else:
        from assess.outputs.terminal.diff import print_diff

        print_diff(d, language)


@checklist_app.command(epilog="Examples:\n\n  assess checklist release vn-third-party-channel@1.1.0"
                       "\n\n  assess checklist release mini@1.1.0 --checklists my-checklists "
                       "--dry-run")
@guarded
def release(
    ref: Annotated[str, typer.Argument(help="The draft to release, as ID@VERSION.")],
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Check and show what would change; write nothing.")] = False,
    date: Annotated[str | None, typer.Option(
        "--date", help="Release date for the changelog, YYYY-MM-DD (default: today).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Refuse on lint warnings too.")
                      ] = False,
    checklists: ChecklistDirs = None,
    lang: LangOpt = Language.vi,
) -> None:
    """Release a draft checklist version: checks, status, lock and changelog.

    Lints the draft, checks its version bump against the previous release, changes its status
    to released (comments kept), records its SHA-256 in releases.lock and prepends the diff to
    CHANGELOG.md. Nothing is written unless every check passes.

    A file that already says released but is not in the lock yet is recorded as it is.
    """
    release_from_shelf(ref, catalog(checklists), dry_run=dry_run, date=date, strict=strict)


def release_from_shelf(ref: str, cat: Any, *, dry_run: bool, date: str | None,
                       strict: bool, checklists: Any = None) -> None:
    """`checklist release` and `platform release`: plan, show, then write (unless dry run)."""
    if "@" not in ref or ref.endswith("@latest"):
        raise typer.BadParameter(str(msg("cli.release.bad_ref", ref=ref)), param_hint="REF")
    try:
        today = dt.date.fromisoformat(date) if date else dt.date.today()
    except ValueError:
        raise typer.BadParameter(str(msg("cli.release.bad_date", date=date)),
                                 param_hint="--date") from None
    from assess.checklists.kinds import KINDS
    from assess.checklists.release import plan_release, write_release

    rel = plan_release(cat.resolve(ref), today=today, strict=strict,
                       kind=KINDS[cat.shelf.kind], checklists=checklists)
    err = stderr()
    for issue in rel.warnings:
        err.print(issue.render(level="warning"), **_PLAIN)
    if rel.diff is not None:
        from assess.outputs.terminal.diff import print_diff

        print_diff(rel.diff, current())
    what = "recorded" if rel.recorded_only else "released"
    files = [str(p) for p in rel.files]
    if dry_run:
        err.print(str(msg(f"cli.release.dry_run.{what}", ref=rel.ref, sha=rel.sha256,
                          files=files)), **_PLAIN)
        return
    write_release(rel)
    err.print(str(msg(f"cli.release.done.{what}", ref=rel.ref, sha=rel.sha256, files=files)),
              **_PLAIN)


@app.command(epilog="Examples:\n\n  assess migrate proposal.yaml --to vn-third-party-channel@1.1.0"
             " -o proposal-1.1.0.yaml\n\n  assess migrate proposal.yaml -o new.yaml   # to the "
             "latest release\n\n  assess score proposal.yaml --checklist "
             "vn-third-party-channel@1.1.0   # see first what changes")
@guarded
def migrate(
    proposal: ProposalArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the result.")],
    to: Annotated[str | None, typer.Option(
        "--to", help="Checklist version to answer: ID@VERSION (default: the latest release of "
        "the proposal's checklist).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    lang: LangOpt = Language.vi,
    checklists: ChecklistDirs = None,
) -> None:
    """Rewrite a proposal for another checklist version, keeping its answers and comments.

    New controls are added as 'unknown' with their questions as comments, answers to removed
    controls are dropped, renamed controls keep their answer. The result is validated.
    """
    language = lang_of(lang)
    from assess.core.files import refuse_inputs, write_atomic
    from assess.workflows.migrate import migrate as run

    refuse_inputs([output], [proposal])
    mig = run(proposal, to, catalog(checklists), language)
    refuse_inputs([output], [proposal, *mig.read])
    write_atomic(output, mig.text, overwrite=force)
    log.info("%s", msg(
        "cli.migrate.wrote", output=str(output), old=mig.old, new=mig.new, kept=mig.kept,
        added=msg("cli.migrate.added", n=len(mig.added), ids=_ids(mig.added)),
        removed=msg("cli.migrate.removed", n=len(mig.removed), ids=_ids(mig.removed)),
        renamed=msg("cli.migrate.renamed", pairs=", ".join(
            f"{a} → {b}" for a, b in mig.renamed.items())) if mig.renamed else plain(""),
        again=msg("cli.migrate.again", n=len(mig.again), ids=_ids(mig.again))
        if mig.again else plain(""),
        ruled=msg("cli.migrate.ruled", ids=", ".join(mig.ruled)) if mig.ruled else plain("")))


def _ids(ids: list[str]) -> Msg:
    """' (A-01, B-02)' after a count, or nothing when there is none."""
    return msg("cli.migrate.ids", ids=", ".join(ids)) if ids else plain("")


def _count(n: int, one: str, many: str, **params: Any) -> Msg:
    """'1 error', '2 errors': the message `one` for one, `many` for any other count."""
    return msg(one if n == 1 else many, n=n, **params)


@app.command(epilog="Examples:\n\n  assess schema -o schemas\n\n  assess schema proposal > "
             "proposal.schema.json")
@guarded
def schema(
    kind: Annotated[str | None, typer.Argument(
        help="checklist, proposal, review or platform (default: all of them, with -o).")
    ] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Folder to write <kind>.schema.json into.", file_okay=False)
    ] = None,
    lang: LangOpt = Language.vi,
) -> None:
    """Print or write the JSON Schema of the input documents, generated from the models.

    Put '# yaml-language-server: $schema=<path to the schema>' on the first line of a YAML file
    and editors check and complete it as it is typed.
    """
    from assess.documents import schemas
    if kind is not None and kind not in schemas.KINDS:
        raise typer.BadParameter(str(msg("cli.schema.bad_kind", kind=kind,
                                         kinds=", ".join(schemas.KINDS))), param_hint="KIND")
    if output is None:
        if kind is None:
            raise typer.BadParameter(str(msg("cli.schema.no_kind")), param_hint="KIND")
        typer.echo(schemas.text(kind), nl=False)
        return
    if output.exists() and not output.is_dir():
        from assess.core.errors import OutputError

        raise OutputError(msg("cli.schema.not_folder", output=str(output)))
    output.mkdir(parents=True, exist_ok=True)
    written = schemas.write(output, [kind] if kind else list(schemas.KINDS))
    log.info("%s", msg("cli.schema.wrote", files=[str(p) for p in written]))

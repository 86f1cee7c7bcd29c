"""platform list / show / lint / release: browse and keep the vetted platform profiles."""

from __future__ import annotations

from typing import Annotated

import typer

from assess.cli.app import (
    ChecklistDirs,
    LangOpt,
    Language,
    PlatformDirs,
    catalog,
    guarded,
    lang_of,
    platform_app,
    platform_catalog,
    stdout,
)
from assess.cli.checklists import status_text
from assess.cli.versioning import lint_shelf, release_from_shelf
from assess.core.i18n.messages import msg


@platform_app.command("list", epilog="Example:\n\n  assess platform list")
@guarded
def list_(platforms: PlatformDirs = None, lang: LangOpt = Language.vi) -> None:
    """List every platform profile version found: operator, status, where it lives."""
    from rich.table import Table
    from rich.text import Text

    from assess.checklists.catalog import read_status

    cat = platform_catalog(platforms)
    table = Table(*(str(msg(f"cli.list.{c}")) for c in ("id", "version", "status", "file")))
    for pid in cat.ids():
        for entry in cat.versions(pid):
            table.add_row(Text(pid), Text(entry.version),
                          Text(status_text(read_status(entry.path))),
                          Text(str(entry.path)))
    stdout().print(table)


@platform_app.command("show", epilog="Examples:\n\n  assess platform show zalo-oa\n\n"
                      "  assess platform show facebook-page@1.0.0 --lang en")
@guarded
def show(
    ref: Annotated[str, typer.Argument(help="ID, ID@VERSION, ID@latest or a file.")],
    lang: LangOpt = Language.vi,
    platforms: PlatformDirs = None,
) -> None:
    """Show a profile: operator, zones and where they are, what each system keeps, encryption,
    retention, sub-processors, filings and answers — each fact with its certainty and sources.

    'unknown' means no public source says; it counts against a proposal, never for it.
    """
    language = lang_of(lang)
    from assess.checklists.loading import resolve_platform
    from assess.outputs.terminal.platform import print_platform

    print_platform(resolve_platform(ref, platform_catalog(platforms)), language)


@platform_app.command(epilog="Examples:\n\n  assess platform lint\n\n"
                      "  assess platform lint my-platforms/ --strict   # CI gate")
@guarded
def lint(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Profile files, profile folders (<id>/), folders of them, or ID / ID@VERSION. "
        "Default: every profile of the catalog.", show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    platforms: PlatformDirs = None,
    checklists: ChecklistDirs = None,
    lang: LangOpt = Language.vi,
) -> None:
    """Check platform profiles beyond their schema, and their release lock.

    Ids and references, sources cited for every fact that is not unknown, texts in both
    languages, answers keyed to checklist versions and controls that exist, facts not
    re-checked for a year, file names, and the release lock (a released profile never changes;
    a version bump must be at least what its diff against the previous release needs).

    Prints every problem as level: file:line: field: message. Exit status 2 if there is an
    error (or, with --strict, a warning).
    """
    lint_shelf(paths, platform_catalog(platforms), strict, catalog(checklists))


@platform_app.command(epilog="Examples:\n\n  assess platform release zalo-oa@1.1.0\n\n"
                      "  assess platform release zalo-oa@1.1.0 --dry-run")
@guarded
def release(
    ref: Annotated[str, typer.Argument(help="The draft to release, as ID@VERSION.")],
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Check and show what would change; write nothing.")] = False,
    date: Annotated[str | None, typer.Option(
        "--date", help="Release date for the changelog, YYYY-MM-DD (default: today).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Refuse on lint warnings too.")
                      ] = False,
    platforms: PlatformDirs = None,
    checklists: ChecklistDirs = None,
    lang: LangOpt = Language.vi,
) -> None:
    """Release a draft profile version: checks, status, lock and changelog — as for checklists.

    A new version is needed for any change: proposals name ID@VERSION, so a released profile's
    facts never change under an assessment. Entry points removed or the operator changed need a
    major bump, any other fact a minor one, wording and sources a patch.
    """
    release_from_shelf(ref, platform_catalog(platforms), dry_run=dry_run, date=date,
                       strict=strict, checklists=catalog(checklists))

"""batch: many proposals at once, in parallel, with a progress bar; bad files skipped, said."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Annotated, Any

import typer

from assess.cli.app import (
    ChecklistDirs,
    Gate,
    LangOpt,
    Language,
    PlatformDirs,
    app,
    fail_on_option,
    gate_fails,
    guarded,
    lang_of,
    log,
    stderr,
)
from assess.cli.workspace import DatabaseOpt
from assess.core.errors import ExitStatus, InputError
from assess.core.i18n import t
from assess.core.i18n.messages import msg, plain

if TYPE_CHECKING:
    from assess.core.i18n import Lang
    from assess.engine.result import Assessment
    from assess.workflows.batch import Job, Outcome, Settings
    from assess.workspace.storage.database import Database


ProposalsArg = Annotated[list[str], typer.Argument(
    help="Folders (every *.yaml proposal in them), files or quoted glob patterns such as "
    "'ho-so/**/*.yaml'. A proposal's review (with its conditions) is used when "
    "<name>.review.yaml sits beside it.", show_default=False, metavar="FOLDER|FILE|PATTERN")]


SourcesArg = Annotated[list[str] | None, typer.Argument(
    help="Folders (every *.yaml proposal in them), files or quoted glob patterns such as "
    "'ho-so/**/*.yaml'; or none, with --workspace. A proposal's review (with its conditions) "
    "is used when <name>.review.yaml sits beside it.", show_default=False,
    metavar="[FOLDER|FILE|PATTERN]...")]
WorkspaceOpt = Annotated[bool, typer.Option(
    "--workspace", help="Read the workspace's dossiers instead of files: each by its latest "
    "version, the reviewed verdict once decided (conditions as they stand today). The "
    "database is --database-url's.")]


def _on(what: str) -> Any:
    return typer.Option("--on", help=f"The day {what}, YYYY-MM-DD (default: today).",
                        show_default=False, metavar="YYYY-MM-DD")


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@app.command(epilog="Examples:\n\n  assess batch examples/portfolio -o reports/portfolio\n\n"
             "  assess batch examples/portfolio -o reports/portfolio --report --jobs 2\n\n"
             "  assess batch 'ho-so/*.yaml' ho-so-khac/ --fail-on reject   # CI gate")
@guarded
def batch(
    paths: ProposalsArg,
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Folder for the results, made if missing: <name>.json (the "
        "assessment) for each proposal, <name>.pdf with --report, and batch.json, the index.")
    ] = Path("reports/batch"),
    report: Annotated[bool, typer.Option(
        "--report", help="Also write each proposal's formal PDF report, as `assess report` "
        "does.")] = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Proposals worked on at once, each in its own process "
        "(default: the CPU cores this process may use).", show_default=False)] = None,
    fail_on: Annotated[Gate | None, fail_on_option("any verdict")] = None,
    lang: LangOpt = Language.vi,
    checklists: ChecklistDirs = None,
    platforms: PlatformDirs = None,
) -> None:
    """Assess many proposals: each validated and scored, and reported with --report.

    A file with problems is reported (file, line and field, as everywhere) and skipped; the
    others go on. Each proposal's results are written as soon as it is done, each file whole or
    not at all. Exit status 3 if assess itself failed on a file (a bug; the others are still
    done), else 2 if any file had problems, 1 with --fail-on when a verdict is that bad, 0
    otherwise.
    """
    from assess.workflows import batch as work

    language = lang_of(lang)
    found, missing = work.discover(paths)
    if missing:
        raise InputError(missing)
    if not found:
        raise typer.BadParameter(str(msg("cli.batch.nothing")), param_hint="PATHS")
    render = warm = None
    if report:
        from assess.outputs.report import report_pdf, warm_renderer

        render, warm = report_pdf, warm_renderer
    settings = work.Settings(out=output, lang=language, render=render, warm=warm,
                             checklist_dirs=tuple(checklists or ()),
                             platform_dirs=tuple(platforms or ()))
    work.check_outputs(found, settings)
    workers = min(jobs or _cores(), len(found))
    outcomes, seconds = _run(found, settings, workers, language)
    index = work.write_index(outcomes, settings)
    _portfolio(outcomes, settings, checklists)
    _summary(outcomes, seconds, index)
    if any(o.internal for o in outcomes):
        raise typer.Exit(ExitStatus.INTERNAL)
    if any(not o.ok for o in outcomes):
        raise typer.Exit(ExitStatus.INPUT)
    if gate_fails(fail_on, [o.gate_verdict for o in outcomes if o.gate_verdict]):
        raise typer.Exit(ExitStatus.GATE)


def _run(found: list[Job], settings: Settings, workers: int, language: Lang
         ) -> tuple[list[Outcome], float]:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from assess.workflows import batch as work

    err = stderr()
    err.print(msg("cli.batch.starting", n=len(found), jobs=workers, out=str(settings.out),
                  reports=msg("cli.batch.with_reports") if settings.render else plain("")
                  ).render())
    start = time.perf_counter()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), TimeRemainingColumn(), console=err,
                  transient=True, auto_refresh=False) as bar:  # no thread: the pool forks
        task = bar.add_task(msg("cli.batch.progress").render(), total=len(found))

        def done(o: Outcome) -> None:
            if o.ok:
                bar.console.print(msg(
                    "cli.batch.done_one", name=o.job.name, verdict=t(o.verdict or "", language),
                    score=o.score or 0.0, risk=t(o.risk or "", language), seconds=o.seconds
                ).render(), highlight=False)
            else:
                _say_skipped(bar.console, o.job.name, o.problems)
            bar.advance(task)
            bar.refresh()

        outcomes = work.run(found, settings, workers=workers, done=done)
    return outcomes, time.perf_counter() - start


def _portfolio(outcomes: list[Outcome], settings: Settings, checklists: list[Path] | None
               ) -> None:
    """The run's portfolio, as `assess portfolio` makes it, as of today."""
    from assess.core.files import write_all_atomic
    from assess.outputs.portfolio import serialize
    from assess.workflows import batch as work
    from assess.workflows.portfolio import build

    result = build([o.assessment for o in outcomes if o.assessment is not None],
                   on=dt.date.today(), **_catalogs(checklists, list(settings.platform_dirs)))
    names = work.PORTFOLIO + ((work.PORTFOLIO_PDF,) if settings.render is not None else ())
    write_all_atomic([(settings.out / name, serialize(result, Path(name).suffix, settings.lang))
                      for name in names])


def _say_skipped(console: Any, name: str, problems: list[str]) -> None:
    """A proposal left out, and each of its problems on a line of its own (batch, portfolio
    and due say it alike)."""
    console.print(msg("cli.batch.failed_one", name=name).render(), highlight=False)
    for line in problems:
        console.print(msg("cli.error", text=plain(line)).render(), highlight=False)


def _summary(outcomes: list[Outcome], seconds: float, index: Path) -> None:
    verdicts = [o.gate_verdict for o in outcomes if o.ok]
    failed = sum(not o.ok for o in outcomes)
    log.info("%s", msg(
        "cli.batch.summary", done=len(verdicts), n=len(outcomes), seconds=seconds,
        approve=verdicts.count("approve"), conditional=verdicts.count("conditional"),
        reject=verdicts.count("reject"), index=str(index),
        failed=msg("cli.batch.failed", n=failed) if failed else plain("")))


@app.command(epilog="Examples:\n\n  assess portfolio examples/portfolio\n\n"
             "  assess portfolio examples/portfolio -o reports/portfolio.csv\n\n"
             "  assess portfolio examples/portfolio --on 2027-01-01 -o reports/portfolio.json\n\n"
             "  assess portfolio --workspace --database-url sqlite:///assess-workspace.db "
             "-o tong-hop.xlsx")
@guarded
def portfolio(
    paths: SourcesArg = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the portfolio to this file instead of the terminal: .pdf "
        "(the report's type, the charts as vector graphics), .xlsx (a workbook: the rows, the "
        "heat map, the exposure), .csv (one row per proposal, a column per domain score) or "
        ".json.",
        show_default=False)] = None,
    on: Annotated[str | None, _on("the portfolio speaks for (overdue conditions, the law in "
                                  "force)")] = None,
    lang: LangOpt = Language.vi,
    checklists: ChecklistDirs = None,
    platforms: PlatformDirs = None,
    workspace: WorkspaceOpt = False,
    database_url: DatabaseOpt = None,
) -> None:
    """The national picture: every proposal's verdict, score, risk, failing blockers and
    conditions, whether it must be re-assessed (a newer checklist, or cited law no longer in
    force), and which operator in which country holds how many people's data.

    A file with problems is reported and left out; the portfolio of the others is still made,
    and the exit status is then 2.
    """
    from assess.core.files import refuse_inputs, refuse_replacing, write_all_atomic
    from assess.outputs.portfolio import print_portfolio, serialize
    from assess.workflows import batch as work
    from assess.workflows import portfolio as build

    language = lang_of(lang)
    day = _day(on)
    if output is not None and output.suffix.lower() not in (".csv", ".json", ".xlsx", ".pdf"):
        raise typer.BadParameter(str(msg("cli.portfolio.format", output=str(output))),
                                 param_hint="--output")
    asked = _sources(paths, workspace)
    found = _found(asked) if asked else []
    if output is not None:
        refuse_inputs([output], [p for j in found for p in (j.proposal, j.review)])
        refuse_replacing(output, work.RUN_KINDS[output.suffix.lower()], ("tệp", "file"))
    failed = 0
    if workspace:
        with _workspace(database_url) as (db, counted):
            result = counted.overview(db, None, day).portfolio  # the console: every dossier
    else:
        assessments, failed = _assessed(found, checklists, platforms)
        result = build.build(assessments, on=day, **_catalogs(checklists, platforms))
    if output is None:
        print_portfolio(result, language)
    else:
        write_all_atomic([(output, serialize(result, output.suffix.lower(), language))])
        log.info("%s", msg("cli.portfolio.wrote", output=str(output), n=len(result.rows)))
    if failed:
        raise typer.Exit(ExitStatus.INPUT)


def _day(on: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(on) if on else dt.date.today()
    except ValueError:
        raise typer.BadParameter(str(msg("cli.portfolio.day", value=on)),
                                 param_hint="--on") from None


def _sources(paths: list[str] | None, workspace: bool) -> list[str]:
    """The files asked for; none with --workspace, and some without it."""
    if bool(paths) == workspace:
        raise typer.BadParameter(str(msg("cli.portfolio.source")), param_hint="--workspace")
    return paths or []


@contextmanager
def _workspace(database_url: str | None) -> Iterator[tuple[Database, ModuleType]]:
    """The workspace's database and the service that counts its dossiers, as its pages do."""
    from assess.cli.workspace import _database
    from assess.workspace.services import portfolio as counted

    with _database(database_url) as db:
        yield db, counted


def _found(paths: list[str]) -> list[Job]:
    from assess.workflows import batch as work

    found, missing = work.discover(paths)
    if missing:
        raise InputError(missing)
    return found


def _assessed(found: list[Job], checklists: list[Path] | None, platforms: list[Path] | None
              ) -> tuple[list[Assessment], int]:
    """Each proposal assessed in this process (a second's work for 34); a file with problems
    is said, as `batch` says it, and left out."""
    from assess.workflows.pipeline import assess_files

    assessments, failed = [], 0
    err = stderr()
    for job in found:
        try:
            assessments.append(assess_files(job.proposal, review=job.review,
                                            checklist_dirs=checklists or [],
                                            platform_dirs=platforms or []))
        except InputError as exc:
            failed += 1
            _say_skipped(err, job.name, exc.messages())
    return assessments, failed


def _catalogs(checklists: list[Path] | None, platforms: list[Path] | None) -> dict[str, Any]:
    from assess.checklists.catalog import PLATFORMS, Catalog
    from assess.legal.register import load_register

    return {"catalog": Catalog(checklists or []), "register": load_register(),
            "platforms": Catalog(platforms or [], PLATFORMS)}


@app.command(epilog="Examples:\n\n  assess due examples/portfolio examples/bac-giang-zalo-2019.yaml\n\n"
             "  assess due examples/portfolio --on 2027-06-30 --json > due.json\n\n"
             "  assess due --workspace")
@guarded
def due(
    paths: SourcesArg = None,
    on: Annotated[str | None, _on("to look from")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print what is due as JSON.")] = False,
    lang: LangOpt = Language.vi,
    checklists: ChecklistDirs = None,
    platforms: PlatformDirs = None,
    workspace: WorkspaceOpt = False,
    database_url: DatabaseOpt = None,
) -> None:
    """What is due: open conditions past their day (with their owner), assessments due for
    their six-monthly update (Law 91/2025 Art. 22: six months after the review, or after the
    submission when there is none), and assessments to redo because a newer checklist or
    platform profile is released or a law the checklist cites is no longer in force.

    A file with problems is reported and left out; the exit status is then 2.
    """
    import json

    from assess.outputs.portfolio import render_due
    from assess.outputs.terminal.console import SafeConsole
    from assess.workflows import portfolio as build

    language = lang_of(lang)
    day = _day(on)
    asked = _sources(paths, workspace)
    found = _found(asked) if asked else []
    failed = 0
    if workspace:
        with _workspace(database_url) as (db, counted):
            result = counted.due_of(db, None, day)[0]  # the console: every dossier
    else:
        assessments, failed = _assessed(found, checklists, platforms)
        result = build.due(assessments, on=day, **_catalogs(checklists, platforms))
    if as_json:
        from assess.core.text import json_escaped

        typer.echo(json_escaped(json.dumps(result.to_dict(), ensure_ascii=False, indent=2)))
    else:
        SafeConsole().print(render_due(result, language))
    if failed:
        raise typer.Exit(ExitStatus.INPUT)

"""report: the formal PDF (Decree 30/2020 layout), optionally with a reviewer's review."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
    stderr,
)
from assess.core.i18n import t
from assess.core.i18n.messages import msg, plain

if TYPE_CHECKING:
    from assess.core.i18n import Lang
    from assess.engine.result import Assessment


def default_output(proposal: Path, lang: str, review: Path | None) -> Path:
    """reports/<proposal>[.review][.en].pdf, or the current folder when there is no reports/."""
    name = proposal.stem + (".review" if review else "") + (".en" if lang == "en" else "") + ".pdf"
    folder = Path("reports")
    return folder / name if folder.is_dir() else Path(name)


@app.command(epilog="Examples:\n\n  assess report examples/bac-giang-zalo-2019.yaml\n\n"
             "  assess report proposal.yaml --lang en -o report-en.pdf --html report-en.html\n\n"
             "  assess report proposal.yaml --review review.yaml -o reviewed.pdf")
@guarded
def report(
    proposal: ProposalArg,
    review: Annotated[Path | None, typer.Option(
        "--review", "-r", help="A reviewer's review YAML: the report is then the reviewer's, "
        "with their overrides, conditions and decision.")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Where to write the PDF (default: reports/<proposal>.pdf, or "
        "./<proposal>.pdf when there is no reports/ folder).")] = None,
    html: Annotated[Path | None, typer.Option(
        "--html", help="Also write the HTML the PDF is made from.")] = None,
    checklist: ChecklistOpt = None,
    lang: LangOpt = Language.vi,
    checklists: ChecklistDirs = None,
    platforms: PlatformDirs = None,
) -> None:
    """Write the formal report (PDF/A-3b, Decree 30/2020 layout).

    Verdict, scope, data-flow diagram, exposure, scores, risk, findings with legal basis and
    annexes — with the assessment JSON and the input files attached.

    The same inputs give the same bytes (dates come from the inputs; SOURCE_DATE_EPOCH, if set,
    dates the document). Nothing is written if anything fails.
    """
    language = lang_of(lang)
    if str(proposal) == "-":
        raise typer.BadParameter(str(msg("outputs.report.stdin")), param_hint="PROPOSAL")
    from assess.core.collector import collector_paused

    # The command's work, then the process ends: the collector's passes would find next to
    # nothing to free (see `collector_paused`), nor its first pass after.
    with collector_paused(examine_after=False):
        target, pdf, a = _report(proposal, review, output, html, checklist, language,
                                 checklists, platforms)
    unreleased = [f"{r.id}@{r.version}" for r in (a.checklist, a.platform)
                  if r is not None and r.unreleased]
    verdict = t(a.verdict.value, "vi")
    log.info("%s", msg(
        "outputs.report.wrote", target=str(target), size=len(pdf),
        verdict=(verdict[:1].lower() + verdict[1:], a.verdict.value), score=float(a.score),
        html=msg("outputs.report.wrote_html", html=str(html)) if html else plain(""),
        unreleased=msg("outputs.report.unreleased", refs=unreleased) if unreleased else plain("")))


def _report(proposal: Path, review: Path | None, output: Path | None, html: Path | None,
            checklist: str | None, language: Lang, checklists: list[Path] | None,
            platforms: list[Path] | None) -> tuple[Path, bytes, Assessment]:
    """Check the outputs, assess, render, write; the target, the PDF and the assessment."""
    from assess.core.errors import OutputError
    from assess.core.files import HTML, PDF, refuse_inputs, refuse_replacing, write_all_atomic
    from assess.outputs.report import embedded_files, render_pdf
    from assess.workflows.pipeline import assess_files

    target = output or default_output(proposal, language, review)
    outputs = [target, html]
    refuse_inputs(outputs, [proposal, review, checklist])  # before any work
    refuse_replacing(target, PDF, ("tệp PDF", "PDF"))
    refuse_replacing(html, HTML, ("trang HTML", "HTML page"))
    if html is not None and Path(html) == Path(target):
        raise OutputError(msg("outputs.report.html_is_pdf", html=str(html)))
    for path in (target, html):
        if path is not None and not (path.parent if str(path.parent) else Path(".")).is_dir():
            raise OutputError(msg("files.no_folder", target=str(path), folder=str(path.parent)))
    a = assess_files(proposal, checklist=checklist, review=review,
                     checklist_dirs=checklists or [],
                     platform_dirs=platforms or [])
    refuse_inputs(outputs, a.input_files())
    files = embedded_files(a, language, review=review)
    # Rendering takes seconds (minutes for a 1,000-control checklist): say what is happening.
    with stderr().status(str(msg("outputs.report.rendering", n=len(a.controls)))):
        page, pdf = render_pdf(a, language, attachments=files)
    write_all_atomic([(target, pdf)] + ([(html, page)] if html is not None else []))
    return target, pdf, a

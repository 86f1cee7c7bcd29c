"""questionnaire: the proposal as a spreadsheet, for officials who never open a YAML file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assess.cli.app import (
    App,
    ChecklistDirs,
    LangOpt,
    Language,
    PlatformDirs,
    app,
    guarded,
    lang_of,
    log,
)

questionnaire_app = App(
    help="The proposal as a bilingual Excel workbook: export the checklist's questions (and a "
    "proposal's answers) to .xlsx, fill it in with Excel or LibreOffice, import it back as a "
    "proposal YAML that [bold]assess validate[/] accepts.")
app.add_typer(questionnaire_app, name="questionnaire")


@questionnaire_app.command("export", epilog="Examples:\n\n"
                           "  assess questionnaire export --checklist "
                           "vn-third-party-channel@latest -o phieu.xlsx\n\n"
                           "  assess questionnaire export --proposal "
                           "examples/bac-giang-zalo-2019.yaml -o bac-giang.xlsx")
@guarded
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the workbook "
                                         "(a name ending in .xlsx).")],
    proposal: Annotated[Path | None, typer.Option(
        "--proposal", "-p", help="Pre-fill every sheet and answer from this proposal YAML "
        "(checked first, like assess validate).")] = None,
    checklist: Annotated[str | None, typer.Option(
        "--checklist", "-c", help="The checklist whose questions the answers sheet lists "
        "(ID@VERSION or ID@latest); default: the one --proposal names.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    lang: LangOpt = Language.vi,
    checklists: ChecklistDirs = None,
    platforms: PlatformDirs = None,
) -> None:
    """Write a questionnaire workbook: instructions, the proposal's parts, and one answer row
    per control of the checklist.

    Vietnamese first, English beside it. Cells to fill in are unlocked (pale yellow); the
    questions, guidance, expected evidence and legal basis are locked. Dropdowns offer the
    statuses and classes, but import checks every value again whatever the dropdowns allowed.
    """
    lang_of(lang)
    from assess.checklists.catalog import PLATFORMS, Catalog
    from assess.checklists.loading import load_inputs, resolve_checklist
    from assess.core.errors import InputError
    from assess.core.files import refuse_inputs, write_atomic
    from assess.core.i18n.messages import msg, plain
    from assess.workflows.questionnaire.export import export_workbook

    if output.suffix.lower() != ".xlsx":  # written as .xlsx whatever the name says
        raise InputError.single(str(output), msg("questionnaire.output_suffix"))
    refuse_inputs([output], [proposal, checklist])
    catalog = Catalog(checklists or [])
    doc = source = None
    if proposal is not None:
        inputs = load_inputs(proposal, catalog, checklist=checklist,
                             platforms=Catalog(platforms or [], PLATFORMS))
        doc, source, cl = inputs.proposal.doc, inputs.proposal.source, inputs.checklist
    elif checklist is not None:
        cl = resolve_checklist(checklist, catalog)
    else:
        raise InputError.single("--checklist", msg("questionnaire.checklist_needed"))
    refuse_inputs([output], [cl.source.name])
    data = export_workbook(cl.doc, doc, source)
    write_atomic(output, data, overwrite=force)
    prefilled = msg("questionnaire.prefilled", proposal=plain(str(proposal))) if proposal \
        else plain("")
    log.info("%s", msg("questionnaire.exported", file=plain(str(output)),
                       n=len(cl.doc.controls()), checklist=plain(cl.doc.ref), prefilled=prefilled))


@questionnaire_app.command("import", epilog="Examples:\n\n"
                           "  assess questionnaire import phieu.xlsx -o ho-so.yaml\n\n"
                           "  assess validate ho-so.yaml && assess score ho-so.yaml")
@guarded
def import_(
    workbook: Annotated[Path, typer.Argument(help="The filled-in workbook (.xlsx).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the proposal "
                                         "YAML.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    lang: LangOpt = Language.vi,
    checklists: ChecklistDirs = None,
    platforms: PlatformDirs = None,
) -> None:
    """Read a questionnaire workbook back as a proposal YAML.

    Every cell is checked again (spreadsheet programs drop dropdowns on save) and the proposal
    is validated as assess validate does; each problem is named by its cell, e.g.
    Trả lời!D14: status: …, all at once, and nothing is written unless everything holds.
    Rows are matched by id, never by position; a deleted answer row leaves that control
    unanswered (and is said so).
    """
    lang_of(lang)
    from assess.checklists.catalog import PLATFORMS, Catalog
    from assess.core.files import refuse_inputs, write_atomic
    from assess.core.i18n.messages import msg, plain
    from assess.core.i18n.questionnaire import SHEETS
    from assess.workflows.questionnaire.reading import import_workbook

    refuse_inputs([output], [workbook])
    result = import_workbook(workbook, catalog=Catalog(checklists or []),
                             platforms=Catalog(platforms or [], PLATFORMS),
                             output_name=str(output))
    refuse_inputs([output], [result.inputs.checklist.source.name])
    write_atomic(output, result.text, overwrite=force)
    if result.rowless:
        shown = ", ".join(result.rowless[:10]) + (", …" if len(result.rowless) > 10 else "")
        many = "many" if len(result.rowless) > 1 else "one"
        log.warning("%s", msg("questionnaire.warning", text=msg(
            f"questionnaire.unanswered.{many}", sheet=plain(SHEETS["answers"][0]),
            n=len(result.rowless), ids=plain(shown))))
    p = result.inputs.proposal.doc
    log.info("%s", msg("questionnaire.imported", file=plain(str(output)), id=plain(p.id),
                       n=len(p.answers)))

"""checklist list / show: browse the available checklists."""

from __future__ import annotations

from typing import Annotated

import typer

from assess.cli.app import ChecklistDirs, LangOpt, catalog, checklist_app, guarded, lang_of, stdout


@checklist_app.command("list", epilog="Example:\n\n  assess checklist list")
@guarded
def list_(checklists: ChecklistDirs = None) -> None:
    """List every checklist version found, with its status and where it lives."""
    from rich.table import Table
    from rich.text import Text

    from assess.checklists.catalog import read_status

    cat = catalog(checklists)
    table = Table("id", "version", "status", "file")
    for cid in cat.ids():
        for entry in cat.versions(cid):
            table.add_row(Text(cid), Text(entry.version),
                          Text(read_status(entry.path) or "invalid"), Text(str(entry.path)))
    stdout().print(table)


@checklist_app.command("show", epilog="Examples:\n\n  assess checklist show "
                       "vn-third-party-channel\n\n  assess checklist show "
                       "vn-third-party-channel@1.0.0 --lang en")
@guarded
def show(
    ref: Annotated[str, typer.Argument(help="ID, ID@VERSION, ID@latest or a file.")],
    lang: LangOpt = "vi",
    checklists: ChecklistDirs = None,
) -> None:
    """Show a checklist: identity, scoring model, and every control by domain."""
    language = lang_of(lang)
    from assess.checklists.loading import resolve_checklist
    from assess.outputs.terminal.checklist import print_checklist

    cl = resolve_checklist(ref, catalog(checklists))
    print_checklist(cl, language)

"""checklist list / show: browse the available checklists."""

from __future__ import annotations

from typing import Annotated

import typer

from assess.cli.app import ChecklistDirs, LangOpt, Language, catalog, checklist_app, guarded, lang_of, stdout
from assess.core.i18n.messages import msg


def status_text(status: str | None) -> str:
    """A version's status as the list shows it: its word, or that the file does not load."""
    from assess.core.i18n import t
    from assess.core.i18n.messages import current

    return t(f"doc.{status}", current()) if status else str(msg("cli.list.invalid"))


@checklist_app.command("list", epilog="Example:\n\n  assess checklist list")
@guarded
def list_(checklists: ChecklistDirs = None, lang: LangOpt = Language.vi) -> None:
    """List every checklist version found, with its status and where it lives."""
    from rich.table import Table
    from rich.text import Text

    from assess.checklists.catalog import read_status

    cat = catalog(checklists)
    table = Table(*(str(msg(f"cli.list.{c}")) for c in ("id", "version", "status", "file")))
    for cid in cat.ids():
        for entry in cat.versions(cid):
            table.add_row(Text(cid), Text(entry.version),
                          Text(status_text(read_status(entry.path))),
                          Text(str(entry.path)))
    stdout().print(table)


@checklist_app.command("show", epilog="Examples:\n\n  assess checklist show "
                       "vn-third-party-channel\n\n  assess checklist show "
                       "vn-third-party-channel@1.0.0 --lang en")
@guarded
def show(
    ref: Annotated[str, typer.Argument(help="ID, ID@VERSION, ID@latest or a file.")],
    lang: LangOpt = Language.vi,
    checklists: ChecklistDirs = None,
) -> None:
    """Show a checklist: identity, scoring model, and every control by domain."""
    language = lang_of(lang)
    from assess.checklists.loading import resolve_checklist
    from assess.outputs.terminal.checklist import print_checklist

    cl = resolve_checklist(ref, catalog(checklists))
    print_checklist(cl, language)


@checklist_app.command("vocabulary", epilog="Examples:\n\n  assess checklist vocabulary\n\n"
                       "  assess checklist vocabulary vn-third-party-channel@1.1.0 --lang en\n\n"
                       "  assess checklist vocabulary --markdown > VOCABULARY.md")
@guarded
def vocabulary(
    ref: Annotated[str | None, typer.Argument(
        help="Also show which controls of this checklist name each fact and rule.")] = None,
    as_markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown instead of a "
                                              "table.")] = False,
    lang: LangOpt = Language.en,
    checklists: ChecklistDirs = None,
) -> None:
    """Every fact (applies_if) and graph rule (rule) a checklist may name, and what each means."""
    language = lang_of(lang)
    from assess.checklists.vocabulary import markdown, terms

    cl = None
    if ref is not None:
        from assess.checklists.loading import resolve_checklist

        cl = resolve_checklist(ref, catalog(checklists)).doc
    if as_markdown:
        typer.echo(markdown(language, cl), nl=False)
        return
    from rich.table import Table
    from rich.text import Text

    columns = ("kind", "name", "meaning", "role", *(("used_by",) if cl else ()))
    table = Table(*(str(msg(f"cli.vocabulary.{c}")) for c in columns))
    for x in terms(language, cl):
        table.add_row(Text(str(msg(f"cli.vocabulary.{x.kind}"))), Text(x.name), Text(x.text), Text(x.detail),
                      *((Text(", ".join(x.used_by) or "—"),) if cl else ()))
    stdout().print(table)

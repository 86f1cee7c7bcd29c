"""legal status / lint: the legal register — which instruments are law on a day, and which
controls of the checklists rest on law that has ended."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Annotated

import typer

from assess.cli.app import ChecklistDirs, LangOpt, Language, catalog, guarded, lang_of, stdout
from assess.cli.app import legal_app as app
from assess.core.i18n.messages import msg

RegisterOpt = Annotated[Path | None, typer.Option(
    "--register", help="A legal register file to use instead of the packaged one (also "
    "ASSESS_LEGAL_REGISTER).", show_default=False)]


@app.command(epilog="Examples:\n\n  assess legal status\n\n"
             "  assess legal status --on 2026-12-01\n\n"
             "  assess legal status --checklist vn-third-party-channel@1.1.0 --json")
@guarded
def status(
    on: Annotated[str | None, typer.Option(
        "--on", help="The day, YYYY-MM-DD (default: today).", show_default=False)] = None,
    checklist: Annotated[list[str] | None, typer.Option(
        "--checklist", "-c", help="A checklist to check, ID@VERSION (repeatable). Default: every "
        "version of every checklist in the catalog.", show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the status as JSON.")] = False,
    register: RegisterOpt = None,
    checklists: ChecklistDirs = None,
    lang: LangOpt = Language.vi,
) -> None:
    """Show every instrument of the legal register as it stands on a day — in force, not yet
    in force, no longer in force, or with no known day of entry into force — and, for each
    checklist, the controls that cite law no longer in force that day.

    'to confirm' marks what only secondary sources report: check it against the official
    gazette (congbao.chinhphu.vn, vbpl.vn) before relying on it. A control marked 'rests only
    on law no longer in force' needs a new checklist version citing current law.
    """
    language = lang_of(lang)
    day = dt.date.today() if on is None else _day(on)
    from assess.checklists.loading import load_checklist, resolve_checklist
    from assess.legal.checks import legal_status
    from assess.legal.register import load_register

    reg = load_register(register)
    cat = catalog(checklists)
    if checklist:
        loaded = [resolve_checklist(ref, cat, register=reg) for ref in checklist]
    else:
        loaded = [load_checklist(e.path, reg) for cid in cat.ids() for e in cat.versions(cid)]
    result = legal_status(reg.doc, reg.source.name, day, [c.doc for c in loaded])
    if as_json:
        typer.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return
    from assess.outputs.terminal.legal import print_status

    print_status(result, language, stdout())


def _day(value: str) -> dt.date:
    """A day written YYYY-MM-DD that exists; what is wrong with it otherwise."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise typer.BadParameter(str(msg("legal.status.bad_date", value=repr(value))),
                                 param_hint="--on")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(str(msg("legal.status.no_day", value=value.strip())),
                                 param_hint="--on") from None


@app.command(epilog="Examples:\n\n  assess legal lint\n\n  assess legal lint my-register.yaml")
@guarded
def lint(
    path: Annotated[Path | None, typer.Argument(
        help="The register file (default: the one in use).", show_default=False)] = None,
    lang: LangOpt = Language.vi,
) -> None:
    """Check a legal register: its schema, ids and numbers unique, every ending naming
    instruments of the register, no day before the one it follows.

    Prints every problem as file:line: field: message; exit status 2 if there is one.
    """
    from assess.legal.register import default_path, load_register

    reg = load_register(path or default_path())
    stdout().print(msg("legal.lint.ok", file=reg.source.name,
                       n=len(reg.doc.instruments)).render(lang_of(lang)))

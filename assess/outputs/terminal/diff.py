"""A checklist diff as a rich table for the terminal (the words come from `changelog`)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text as RichText

from assess.checklists.changelog import clip, describe, headline, show, text_change
from assess.checklists.diff import Diff
from assess.core.i18n import Lang
from assess.outputs.terminal.console import SafeConsole

BUMP_STYLE = {"major": "bold red", "minor": "yellow", "patch": "dim", "none": "dim"}


def table(d: Diff, lang: Lang = "vi", width: int = 70) -> Group:
    t = Table(title=f"{d.old} → {d.new}", title_justify="left", show_lines=False)
    t.add_column("bump")
    t.add_column("where", no_wrap=True)
    t.add_column("change")
    t.add_column("before → after")
    for c in d.changes:
        where = c.target if c.area in ("control", "domain") else c.area
        before, after = show(c.before, lang, c.after), show(c.after, lang, c.before)
        words = text_change(c, lang)
        if words is not None:
            values = RichText(f"{words[0]}: " if words[0] != lang else "", style="dim")
            for kind, run in words[1]:  # git's word-diff marks, for terminals without colour
                mark = {"same": "{}", "old": "[-{}-]", "new": "{{+{}+}}"}[kind]
                values.append(mark.format(run) + " ",
                              style={"same": "", "old": "red", "new": "green"}[kind])
        elif c.area == "control" and not c.field:
            values = RichText(before if c.kind == "removed" else after if c.kind == "added"
                              else f"{before} → {after}")
        else:
            values = RichText(f"{clip(before, width // 2)} → {clip(after, width // 2)}")
        t.add_row(RichText(c.bump, style=BUMP_STYLE[c.bump]), RichText(where),
                  RichText(describe(c)), values)
    return Group(t, RichText(headline(d), style=BUMP_STYLE[d.bump]))


def print_diff(d: Diff, lang: Lang = "vi", console: Console | None = None) -> None:
    (console or SafeConsole()).print(table(d, lang))









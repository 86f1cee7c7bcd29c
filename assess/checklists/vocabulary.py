"""The reference of what a checklist may name: facts (`applies_if`) and graph rules (`rule`).

Generated from the engine's own tables, so it cannot fall behind them: `assess checklist
vocabulary` prints it, and `assess/data/checklists/README.md` is this text (a test keeps it fresh).
"""

from __future__ import annotations

from dataclasses import dataclass

from assess.core.i18n import Lang, t, words
from assess.core.i18n.vocabulary import VOCABULARY
from assess.documents.models import Checklist
from assess.engine.vocabulary import FACTS, RULES


@dataclass(frozen=True, slots=True)
class Term:
    kind: str
    """'fact' or 'rule'."""
    name: str
    text: str
    detail: str
    """For a rule: its severity, and whether it decides controls or only reports."""
    used_by: tuple[str, ...]
    """Controls of the given checklist that name it."""


def terms(lang: Lang = "en", checklist: Checklist | None = None) -> list[Term]:
    """Every fact, then every rule, in the engine's order."""
    controls = checklist.controls() if checklist else []
    v = words(VOCABULARY, lang)
    out = [Term("fact", name, fd.text.get(lang), "",
                tuple(c.id for c in controls if name in c.applies_if))
           for name, fd in FACTS.items()]
    out += [Term("rule", rid, rule.title.get(lang),
                 f"{t(rule.severity.value, lang)}; {v['decides' if rule.decides else 'reports']}",
                 tuple(c.id for c in controls if c.rule == rid))
            for rid, rule in RULES.items()]
    return out


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def markdown(lang: Lang = "en", checklist: Checklist | None = None) -> str:
    """The reference as Markdown: one table of facts, one of rules (and, given a checklist, the
    controls that name each)."""
    v = words(VOCABULARY, lang)
    items = terms(lang, checklist)

    def table(columns: list[str], kind: str) -> list[str]:
        columns = [*columns, v["used_by"]] if checklist else columns
        out = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        for x in items:
            if x.kind == kind:
                cells = [f"`{x.name}`", _md(x.text), *([_md(x.detail)] if kind == "rule" else []),
                         *([", ".join(x.used_by) or "—"] if checklist else [])]
                out.append("| " + " | ".join(cells) + " |")
        return out

    note = v["note"] + (f" ({checklist.ref})" if checklist else "")
    lines = [v["title"], "", note, "", v["facts"], "", v["facts_note"], "",
             *table([v["fact"], v["meaning"]], "fact"), "", v["rules"], "", v["rules_note"], "",
             *table([v["rule"], v["checks"], v["role"]], "rule")]
    return "\n".join(lines) + "\n"


__all__ = ["Term", "markdown", "terms"]

"""A checklist diff in words: values shown in one line, word-level text changes, the headline,
and the Markdown changelog entry that `assess checklist release` writes. Plain text only, so
release writing and the terminal table share it without the checklists layer importing a renderer.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import TYPE_CHECKING, Any, Literal

from assess.checklists.diff import Area, Change, Diff
from assess.core.i18n import Lang
from assess.core.semver import next_version, version_bump

if TYPE_CHECKING:
    from assess.checklists.kinds import DocKind


def _text(value: Any, lang: Lang) -> str:
    if isinstance(value, dict) and "vi" in value and "en" in value:
        return str(value[lang])
    return ""


def show(value: Any, lang: Lang, other: Any = None) -> str:
    """A before/after value in one line: a text in `lang` (or the language that changed)."""
    if value is None:
        return "—"
    if isinstance(value, dict) and "vi" in value and "en" in value:
        if isinstance(other, dict) and other.get(lang) == value.get(lang):
            alt: Lang = "en" if lang == "vi" else "vi"
            if other.get(alt) != value.get(alt):
                return f"{alt}: {value[alt]}"
        return str(value[lang])
    if isinstance(value, dict) and "title" in value:
        extra = f"{value.get('severity')}" + (", blocker" if value.get("blocker") else "")
        return f"{_text(value['title'], lang)} ({value.get('domain')}; {extra})"
    if isinstance(value, list):
        if value and all(isinstance(v, dict) and ("number" in v or "ref" in v) for v in value):
            return "; ".join(_citation(v) for v in value)
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _citation(v: dict[str, Any]) -> str:
    """'91/2025/QH15 art. 20(6)(a)': the number where the citation gives one (checklists 1.x, or
    resolved through the register), else its register id (a 2.x file read as written)."""
    art = f" art. {v['article']}" if v.get("article") else ""
    art += "".join(f"({v[k]})" for k in ("clause", "point") if v.get(k))
    name = v.get("number") or v.get("ref")
    return f"{name}{art}" + (" (to confirm)" if v.get("status") == "to-confirm" else "")


def clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


Segment = tuple[Literal["same", "old", "new"], str]


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and "vi" in value and "en" in value and "title" not in value


def text_change(c: Change, lang: Lang, context: int = 4) -> tuple[str, list[Segment]] | None:
    """For a changed text: the language shown and its words as same/old/new runs, long
    unchanged runs shortened to their first and last `context` words."""
    if not (_is_text(c.before) and _is_text(c.after)):
        return None
    alt: Lang = "en" if lang == "vi" else "vi"
    shown = lang if c.before[lang] != c.after[lang] or c.before[alt] == c.after[alt] else alt
    a, b = str(c.before[shown]).split(), str(c.after[shown]).split()
    out: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            words = a[i1:i2]
            if len(words) > 2 * context:
                words = [*(words[:context] if out else []), "…",
                         *(words[-context:] if i2 < len(a) else [])]
            out.append(("same", " ".join(words)))
            continue
        if i2 > i1:
            out.append(("old", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("new", " ".join(b[j1:j2])))
    if all(kind == "same" for kind, _ in out):  # whitespace only
        out = [("same", "(whitespace only)")]
    return shown, out


def describe(c: Change) -> str:
    if c.area == "control" and not c.field:
        return c.kind
    return f"{c.field} {c.kind}" if c.field else c.kind


def headline(d: Diff) -> str:
    """'mini@1.0.0 → mini@1.1.0: 1 added, …; needs a minor bump (1.0.0 → 1.1.0)'."""
    parts = [f"{len(d.added)} added", f"{len(d.removed)} removed"]
    if d.renamed:
        parts.append(f"{len(d.renamed)} renamed")
    parts.append(f"{len(d.changed)} changed")
    other = len(d.of_area("scoring")) + len(d.of_area("domain")) + len(d.of_area("checklist"))
    text = f"{d.old} → {d.new}: controls {', '.join(parts)}; {other} other change" + (
        "s" if other != 1 else "")
    if d.bump == "none":
        return text + "; nothing that needs a new version"
    have = version_bump(d.old_version, d.new_version)
    return (text + f"; needs a {d.bump} version bump ({d.old_version} → "
            f"{next_version(d.old_version, d.bump)} at least; this is a {have} bump)")


_AREA_TITLE = {"checklist": "Checklist", "scoring": "Scoring", "domain": "Domains",
               "control": "Controls", "platform": "Profile"}


def _md(text: str) -> str:
    """Text safe inside a Markdown list item: no line breaks, markup characters escaped."""
    out = " ".join(text.split())
    for ch in "\\`*_[]<>|~":
        out = out.replace(ch, "\\" + ch)
    return out


def _md_value(value: Any, lang: Lang, other: Any) -> str:
    if value is None:
        return "—"
    if _is_text(value) or (isinstance(value, dict) and "title" in value):
        return _md(clip(show(value, lang, other), 120))
    return "`" + show(value, lang, other).replace("`", "'") + "`"


def _md_change(c: Change, lang: Lang) -> str:
    words = text_change(c, lang)
    if words is None:
        return f"{_md_value(c.before, lang, c.after)} → {_md_value(c.after, lang, c.before)}"
    marks = {"same": "{}", "old": "~~{}~~", "new": "**{}**"}
    prefix = f"({words[0]}) " if words[0] != lang else ""
    return prefix + " ".join(marks[kind].format(_md(run)) for kind, run in words[1])


def markdown(d: Diff, lang: Lang = "en", *, heading: str | None = None) -> str:
    """A changelog entry: a heading, the required bump, then the changes by kind."""
    lines = [f"## {heading or d.new}", ""]
    if d.bump == "none":
        lines += [f"No change from {d.old} that needs a new version.", ""]
        return "\n".join(lines)
    lines += [f"Compared with {d.old}: needs a **{d.bump}** version bump. Controls added: "
              f"{len(d.added)}, removed: {len(d.removed)}, renamed: {len(d.renamed)}, "
              f"changed: {len(d.changed)}.", ""]

    def section(title: str, items: list[str]) -> None:
        if items:
            lines.extend([f"### {title}", "", *items, ""])

    def item(c: Change, label: str) -> str:
        return f"- {label} — *{c.bump}*: {_md(c.why)}"

    controls = d.of_area("control")
    section("Controls added", [
        f"- **{c.target}** {_md(show(c.after, lang))} — *{c.bump}*"
        for c in controls if c.kind == "added" and not c.field])
    section("Controls removed", [
        f"- **{c.target}** {_md(show(c.before, lang))} — *{c.bump}*"
        for c in controls if c.kind == "removed" and not c.field])
    section("Controls renamed", [item(c, f"**{c.before}** → **{c.after}**")
                                 for c in controls if c.kind == "renamed"])
    section("Controls changed", [item(c, f"**{c.target}** `{c.field}`: {_md_change(c, lang)}")
                                 for c in controls if c.field])
    areas: tuple[Area, ...] = ("domain", "scoring", "checklist", "platform")
    for area in areas:
        section(_AREA_TITLE[area], [
            item(c, f"{'**' + c.target + '** ' if area == 'domain' else ''}"
                 f"`{c.field or c.kind}`: {_md_change(c, lang)}")
            for c in d.of_area(area)])
    return "\n".join(lines)


def changelog_entry(doc: Any, d: Diff | None, today: dt.date, kind: DocKind | None = None
                    ) -> str:
    """`doc` is a checklist or a platform profile, as `kind` says (a checklist by default)."""
    from assess.checklists.kinds import CHECKLIST

    kind = kind or CHECKLIST
    since = "effective from" if kind is CHECKLIST else "facts checked on"
    heading = f"{doc.version} — released {today.isoformat()}, {since} " \
              f"{kind.effective(doc).isoformat()}"
    if d is not None:
        return markdown(d, "en", heading=heading)
    return "\n".join([f"## {heading}", "", kind.first_release(doc), ""])


def prepend_changelog(existing: str | None, checklist_id: str, entry: str,
                      noun: str = "checklist", command: str = "checklist") -> str:
    """The changelog with `entry` first, below the file's title."""
    if not existing:
        return (f"# Changelog — {checklist_id}\n\nReleases of the {noun} `{checklist_id}`, "
                f"newest first. Each entry is written by `assess {command} release` from the "
                "diff against the previous release.\n\n" + entry.rstrip("\n") + "\n")
    match = re.search(r"^## ", existing, flags=re.MULTILINE)
    cut = match.start() if match else len(existing)
    head = existing[:cut].rstrip("\n") + "\n\n" if existing[:cut].strip() else ""
    rest = existing[cut:]
    return head + entry.rstrip("\n") + "\n" + ("\n" + rest if rest else "")


def has_entry(changelog: str, version: str) -> bool:
    """True if the changelog has a heading for `version` already ('## 1.0.0 …')."""
    return re.search(rf"^## {re.escape(version)}(?![\w.])", changelog, flags=re.MULTILINE) is not None


__all__ = ["Segment", "changelog_entry", "clip", "describe", "has_entry", "headline", "markdown",
           "prepend_changelog", "show", "text_change"]

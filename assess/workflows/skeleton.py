"""`assess init`: a proposal skeleton that teaches as it is filled in.

Written as text (not dumped) so each control's question, guidance and expected evidence can sit
beside its answer as comments. Values go through `yaml.safe_dump`, so any checklist text is safe.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import yaml

from assess.core.i18n import Lang, pick, t, words
from assess.core.i18n.skeleton import (
    ANSWERS,
    BODY,
    HEAD,
    LABELS,
    OWN_CHANNEL,
    OWN_DRAWING,
    PLATFORM_CHANNEL,
    PLATFORM_DRAWING,
    RUN,
    SCHEMA,
    SENSITIVE,
)
from assess.documents.models import Checklist, Control, Domain, Platform


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _comment(label: str, text: str, width: int = 96) -> list[str]:
    lines: list[str] = []
    for para in text.strip().splitlines() or [""]:
        wrapped = textwrap.wrap(para, width=width - 4 - len(label)) or [""]
        for i, chunk in enumerate(wrapped):
            prefix = f"{label}: " if i == 0 else " " * (len(label) + 2)
            lines.append(f"{prefix}{chunk}".rstrip())
    return lines


def domain_banner(domain: Domain, lang: Lang) -> str:
    """The comment text that opens a domain's answers."""
    return f"═══ {domain.id} — {_one_line(domain.title.get(lang))} ═══"


def control_comments(c: Control, lang: Lang) -> list[str]:
    """The comment lines (without '# ') above a control's answer: what it asks and how."""
    labels = words(LABELS, lang)
    severity = t(c.severity.value, lang).lower()
    head = f"{c.id} — {_one_line(c.title.get(lang))} ({labels['severity']}: {severity}"
    out = [f"{head}{'; ' + labels['blocker'] if c.blocker else ''})"]
    out += _comment(labels["question"], c.requirement.get(lang))
    out += _comment(labels["guidance"], c.guidance.get(lang))
    out += _comment(labels["evidence"], c.evidence.get(lang))
    if c.applies_if:
        out.append(f"{labels['applies']}: {', '.join(c.applies_if)}")
    if c.rule:
        out.append(f"{labels['rule']} {c.rule}")
    return out


SCHEMA_FILE = {"proposal": "proposal.schema.json", "review": "review.schema.json"}
"""The schema file a skeleton's `$schema` line names, by document kind."""


# The `$schema` line must survive the file being e-mailed, copied to a share or opened on another
# machine, so it never names the installation (an absolute `file://` path into site-packages means
# nothing on the reviewer's computer, and leaks the writer's folders). It names a file *beside*
# the document, by a relative path (`./proposal.schema.json`): `assess init` writes that file next
# to the skeleton (`schema_beside`), a recipient who got only the YAML recreates it with
# `assess schema proposal -o .`, and a folder moved as a whole keeps working. A public URL was the
# other candidate; it was not chosen: many provincial networks are offline or filtered, and a
# URL would pin one hosted copy whose version may differ from the tool that checks the file. The
# editor's check is a convenience: `assess validate` remains the authority either way.
def schema_ref(kind: str = "proposal") -> str:
    """The portable `$schema` reference of a skeleton of `kind`: a file in the same folder."""
    return f"./{SCHEMA_FILE[kind]}"


def schema_line(schema: str) -> str:
    """The first line that lets YAML-aware editors check and complete the file."""
    return f"# yaml-language-server: $schema={schema}"


def schema_note(kind: str, lang: Lang, *, stream: bool = False) -> str:
    """The header's comment on the `$schema` line: what it is for and where its file is (beside
    the written file, or to be created where a skeleton sent to standard output is saved)."""
    return pick(SCHEMA["stream" if stream else "beside"], lang).format(
        schema=SCHEMA_FILE[kind], kind=kind)


def is_stream(output: Path) -> bool:
    """True for an output that is not a file in a folder: `-` (standard output), a device such as
    /dev/stdout, or a named pipe. Nothing is written beside it."""
    if str(output) == "-":
        return True
    try:
        return output.exists() and not output.is_file() and not output.is_dir()
    except OSError:
        return False


def schema_beside(output: Path, kind: str) -> tuple[Path, str] | None:
    """The schema file to write beside `output` (its path and text), or None when `output` is a
    stream or a file of the same content is already there. Writing it is the caller's."""
    from assess.documents import schemas

    if is_stream(output):
        return None
    target = output.parent / SCHEMA_FILE[kind]
    if target.name == output.name:  # never over the document itself (the CLI refuses the name)
        return None
    text = schemas.text(kind)
    try:
        if target.read_text(encoding="utf-8") == text:
            return None
    except (OSError, UnicodeDecodeError):
        pass
    return target, text


_SAFE_NAME = re.compile(r"[\w.@%+=:,/-]+")


def file_label(name: str | None) -> str | None:
    """A file name as a command line in a comment may show it: quoted when it has spaces, None
    (neutral words instead) when it has a character a one-line comment cannot hold."""
    if not name or any(ch in name for ch in '"`$\\') or not name.isprintable():
        return None
    return name if _SAFE_NAME.fullmatch(name) else f'"{name}"'


def _scalar(value: str) -> str:
    return yaml.safe_dump(value).strip().removesuffix("...").strip()


def skeleton(cl: Checklist, lang: Lang, *, today: dt.date | None = None,
             file: str | None = "proposal.yaml", schema: str | None = None,
             platform: Platform | None = None) -> str:
    """The proposal skeleton's text for checklist `cl`, in `lang`. Its first line names the JSON
    Schema for editors (`schema`, by default `./proposal.schema.json`, the file `assess init`
    writes beside it); its header names the file (`file`; None for standard output, which gets
    neutral words). Every field of the proposal is present, the optional ones commented out
    with what to write. On a platform profile the channel names it and the drawing leaves the
    platform's part to it."""
    labels = words(LABELS, lang)
    if platform is None:
        channel, drawing, entry = pick(OWN_CHANNEL, lang), pick(OWN_DRAWING, lang), "oa"
    else:
        entries = [n.id for n in platform.nodes if n.entry]
        op = platform.operator_record()
        channel = pick(PLATFORM_CHANNEL, lang).format(
            platform=_scalar(platform.ref), kind=platform.channel_kind,
            operator=f"{op.name}, {op.country}",
            operator_id=f"{_scalar(op.id):<21} # ", country=f"{_scalar(op.country):<13} # ",
            entries=", ".join(entries))
        drawing, entry = pick(PLATFORM_DRAWING, lang), entries[0]
    body = pick(BODY, lang).format(today=(today or dt.date.today()).isoformat(),
                                   checklist=_scalar(cl.ref), channel=channel, drawing=drawing,
                                   entry=entry, sensitive=pick(SENSITIVE, lang))
    label = file_label(file)
    run = (pick(RUN["file"], lang).format(file=label) if label is not None
           else pick(RUN["stream"], lang))
    head = pick(HEAD, lang).format(run=run, schema=schema_note(
        "proposal", lang, stream=file is None))
    out = [schema_line(schema or schema_ref("proposal")), head, body,
           "answers:", f"  # {labels['statuses']}",
           *(f"  # {line}" for line in pick(ANSWERS, lang).splitlines())]
    for domain in cl.domains:
        out.append("")
        out.append(f"  # {domain_banner(domain, lang)}")
        for c in domain.controls:
            out.append("")
            out += [f"  # {line}".rstrip() for line in control_comments(c, lang)]
            out.append(f"  {c.id}:")
            out.append("    status: unknown")
            out.append('    # note: "…"')  # inside the answer, so `assess migrate` keeps it with it
            out.append("    evidence: []")
    return "\n".join(out) + "\n"

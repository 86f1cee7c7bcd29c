"""`assess init`: a proposal skeleton that teaches as it is filled in.

Written as text (not dumped) so each control's question, guidance and expected evidence can sit
beside its answer as comments. Values go through `yaml.safe_dump`, so any checklist text is safe.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import yaml

from assess.core.i18n import Lang, pick, words
from assess.core.i18n.skeleton import (
    BODY,
    HEAD,
    LABELS,
    OWN_CHANNEL,
    OWN_DRAWING,
    PLATFORM_CHANNEL,
    PLATFORM_DRAWING,
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
    head = f"{c.id} — {_one_line(c.title.get(lang))} ({labels['severity']}: {c.severity.value}"
    out = [f"{head}{'; ' + labels['blocker'] if c.blocker else ''})"]
    out += _comment(labels["question"], c.requirement.get(lang))
    out += _comment(labels["guidance"], c.guidance.get(lang))
    out += _comment(labels["evidence"], c.evidence.get(lang))
    if c.applies_if:
        out.append(f"{labels['applies']}: {', '.join(c.applies_if)}")
    if c.rule:
        out.append(f"{labels['rule']} {c.rule}")
    return out


def schema_line(schema: str) -> str:
    """The first line that lets YAML-aware editors check and complete the file."""
    return f"# yaml-language-server: $schema={schema}"


def default_schema() -> str:
    """The packaged proposal schema, as a file URI (works wherever the file is saved)."""
    from assess.core.resources import data_dir

    return (data_dir("schemas") / "proposal.schema.json").resolve().as_uri()


def _scalar(value: str) -> str:
    return yaml.safe_dump(value).strip().removesuffix("...").strip()


def skeleton(cl: Checklist, lang: Lang, *, today: dt.date | None = None,
             file: str = "proposal.yaml", schema: str | None = None,
             platform: Platform | None = None) -> str:
    """The proposal skeleton's text for checklist `cl`, in `lang`; its first line names the
    JSON Schema (`schema`, by default the packaged one) for editors. On a platform profile the
    channel names it and the drawing leaves the platform's part to it."""
    labels = words(LABELS, lang)
    if platform is None:
        channel, drawing, entry = pick(OWN_CHANNEL, lang), pick(OWN_DRAWING, lang), "oa"
    else:
        entries = [n.id for n in platform.nodes if n.entry]
        op = platform.operator_record()
        channel = pick(PLATFORM_CHANNEL, lang).format(
            platform=_scalar(platform.ref), kind=platform.channel_kind,
            operator=f"{op.name}, {op.country}", entries=", ".join(entries))
        drawing, entry = pick(PLATFORM_DRAWING, lang), entries[0]
    body = pick(BODY, lang).format(today=(today or dt.date.today()).isoformat(),
                                   checklist=_scalar(cl.ref), channel=channel, drawing=drawing,
                                   entry=entry)
    out = [schema_line(schema or default_schema()), pick(HEAD, lang).format(file=file), body,
           "answers:", f"  # {labels['statuses']}"]
    for domain in cl.domains:
        out.append("")
        out.append(f"  # {domain_banner(domain, lang)}")
        for c in domain.controls:
            out.append("")
            out += [f"  # {line}".rstrip() for line in control_comments(c, lang)]
            out.append(f"  {c.id}:")
            out.append("    status: unknown")
            out.append("    evidence: []")
    return "\n".join(out) + "\n"

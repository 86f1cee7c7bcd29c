"""`assess review init`: a review skeleton pinned to one proposal file.

The skeleton names the proposal by id and by the SHA-256 of its bytes, so a review cannot be
applied to a file that changed after it was reviewed. Every control is listed — as comments —
with the province's answer and the status the engine computed, ready to be turned into an
override. Nothing is overridden as written, so the skeleton validates and scores unchanged.

Written as text (not dumped) for the comments; values from inputs only ever appear inside
comments (one line each) or as ids and digests, which the schema already restricts.
"""

from __future__ import annotations

import datetime as dt
import textwrap

from assess.core.i18n import Lang, decimal, t, words
from assess.core.i18n.skeleton import REVIEW
from assess.engine.result import Assessment, ControlResult
from assess.workflows.carry import basis
from assess.workflows.skeleton import file_label, schema_line, schema_note, schema_ref


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _wrap(text: str, indent: str, width: int = 96) -> list[str]:
    """`text` as comment lines starting with `indent` + '# ', wrapped, never empty."""
    prefix = f"{indent}# "
    lines = textwrap.wrap(_one_line(text), width=width - len(prefix),
                          subsequent_indent="  ") or [""]
    return [f"{prefix}{line}".rstrip() for line in lines]


def _answer(c: ControlResult, w: dict[str, str]) -> str:
    if c.declared is None:
        return f"{w['answer']}: {w['no_answer']}"
    text = f"{w['answer']}: {c.declared.value}"
    if c.evidence:
        text += f" — {w['evidence']}: " + "; ".join(_one_line(e) for e in c.evidence)
    if c.note:
        text += f" — {w['note']}: {_one_line(c.note)}"
    return text


def _engine(c: ControlResult, w: dict[str, str]) -> str:
    if not c.applicable and c.missing_facts:
        why = f"{w['na_facts']} {', '.join(c.missing_facts)}"
    elif c.source == "rule" and c.rule:
        why = f"{w['by_rule']} {c.rule}"
    elif c.source == "declared":
        why = w["by_answer"]
    else:
        why = w["by_default"]
    text = f"{w['engine']}: {c.status.value} ({why})"
    if c.contradicted and c.applicable:
        text += f" — {w['contra']}"
    return text


def _control(c: ControlResult, lang: Lang, w: dict[str, str]) -> list[str]:
    head = f"{c.id} — {_one_line(c.title.get(lang))} ({t(c.severity.value, lang).lower()}"
    head += f"; {w['blocker']})" if c.blocker else ")"
    return [
        "", *_wrap(head, "  "), *_wrap(_answer(c, w), "  "), *_wrap(_engine(c, w), "  "),
        f"  # {c.id}:",
        f"  #   status: {c.status.value}",
        f"  #   rationale: \"\"          # {w['rationale']}",
        f"  #   basis: {basis(c)}",
    ]


def review_skeleton(a: Assessment, lang: Lang, *, proposal_path: str,
                    today: dt.date | None = None, file: str | None = "review.yaml",
                    schema: str | None = None) -> str:
    """The review skeleton's text for the self-assessment `a` (no review applied), in `lang`.
    Its first line names the JSON Schema for editors by a portable relative path (`schema`, by
    default `./review.schema.json`, which `assess review init` writes beside it, as `assess
    init` does for a proposal); `file` is its own name (None: standard output, neutral words)."""
    w = words(REVIEW, lang)
    title = a.proposal.title.get(lang) if a.proposal.title else a.proposal.id
    name = file_label(file) or w["this_file"]
    out = [
        schema_line(schema or schema_ref("review")),
        *_wrap(f"{w['head']} {a.proposal.id}: {title}", ""),
        *_wrap(f"{w['file']}: {proposal_path}", ""),
        *_wrap(w["pinned"], ""),
        *_wrap(f"{w['self']}: {t(a.verdict.value, lang).lower()}, {w['score']} {decimal(a.score, lang)}/100 "
               f"({a.checklist.id}@{a.checklist.version})", ""),
        f"# {w['run']}:  assess validate {name}  {w['and']}  "
        f"assess score {_one_line(proposal_path)} --review {name}",
        *schema_note("review", lang, stream=file is None).splitlines(),
        "kind: review",
        "schema_version: 1",
        "proposal:",
        f"  id: {a.proposal.id}",
        f"  sha256: {a.proposal.sha256}   # {w['sha']}",
        "reviewer:",
        f"  organization: \"{w['org']}\"",
        f"  # unit: \"…\"            # {w['unit']}",
        f"  name: \"{w['name']}\"",
        f"  role: \"{w['role']}\"",
        f"  # place: \"Hà Nội\"      # {w['place']}",
        f"  # authority: KT.         # {w['signer_authority']}",
        f"  # head: \"Cục trưởng\"    # {w['signer_head']}",
        f"  # symbol: \"CATTT\"       # {w['symbol']}",
        f"  # number: \"12\"          # {w['number']}",
        f"  # recipients: [\"Bộ trưởng (để báo cáo)\"]   # {w['recipients']}",
        f"  # drafting_unit: \"QLATTT\"   # {w['drafting_unit']}",
        f"reviewed_on: {(today or dt.date.today()).isoformat()}",
        "overrides: {}",
        *_wrap(w["overrides"], "  "),
        f"  # {w['statuses']}",
        *_wrap(w["basis"], "  "),
    ]
    titles = {d.id: d.title.get(lang) for d in a.domains}
    domain = None
    for c in a.controls:
        if c.domain != domain:
            domain = c.domain
            out += ["", f"  # ═══ {domain} — {_one_line(titles.get(domain, ''))} ═══"]
        out += _control(c, lang, w)
    out += [
        "",
        "conditions: []",
        *_wrap(w["conditions"], ""),
        f"#   - text: \"{w['cond_text']}\"",
        "#     control: null",
        "#     due: null                  # YYYY-MM-DD",
        "",
        "decision: null",
        *_wrap(w["decision"], ""),
        f"#   verdict: {a.verdict.value}       # approve | conditional | reject — "
        f"{w['computed']}: " + (f"{t(a.verdict.value, lang).lower()} ({a.verdict.value})"
                                 if lang == "vi" else a.verdict.value),
        f"#   rationale: \"\"            # {w['why']}",
        f"#   exception: false          # {w['exception']}",
        f"#   authority: null           # {w['authority']}",
    ]
    return "\n".join(out) + "\n"

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

from assess.core.i18n import Lang
from assess.engine.result import Assessment, ControlResult

_W: dict[str, dict[str, str]] = {
    "vi": {
        "head": "Thẩm định hồ sơ",
        "file": "Tệp hồ sơ",
        "pinned": "Bản thẩm định gắn với đúng nội dung tệp hồ sơ qua SHA-256: nếu tệp hồ sơ bị "
                  "sửa, bản thẩm định bị từ chối và phải thẩm định lại.",
        "self": "Kết quả tự đánh giá",
        "score": "điểm",
        "run": "Điền các mục, rồi chạy",
        "and": "và",
        "sha": "SHA-256 của tệp hồ sơ — không sửa",
        "org": "Bộ Khoa học và Công nghệ",
        "name": "Họ và tên người thẩm định",
        "role": "Chuyên viên",
        "unit": "đơn vị trực thuộc thực hiện thẩm định, ví dụ Cục …",
        "place": "nơi ghi ở dòng ngày tháng của báo cáo",
        "overrides": "Sửa trạng thái một kiểm soát: xóa \"{}\" ở dòng trên, bỏ \"# \" ở ba dòng "
                     "của kiểm soát đó, chọn trạng thái và ghi lý do (bắt buộc).",
        "statuses": "Trạng thái: met | partial | not-met | not-applicable | unknown",
        "answer": "Tỉnh trả lời",
        "no_answer": "không trả lời",
        "evidence": "bằng chứng",
        "note": "ghi chú",
        "engine": "Công cụ tính",
        "by_rule": "từ luồng dữ liệu, quy tắc",
        "by_answer": "theo trả lời của tỉnh",
        "by_default": "chưa có trả lời",
        "na_facts": "không áp dụng vì không thỏa",
        "contra": "KHÁC với trả lời của tỉnh",
        "blocker": "BẮT BUỘC",
        "rationale": "lý do (bắt buộc)",
        "conditions": "Điều kiện kèm theo (nếu có): xóa \"[]\" ở dòng trên và bỏ \"# \" ở các "
                      "dòng dưới; control và due là tùy chọn.",
        "cond_text": "Nội dung điều kiện",
        "decision": "Kết luận của người thẩm định (tùy chọn): xóa \"null\" ở dòng trên và bỏ "
                    "\"# \" ở hai dòng dưới.",
        "computed": "công cụ tính được",
        "why": "bắt buộc nếu khác kết luận công cụ tính được",
    },
    "en": {
        "head": "Review of proposal",
        "file": "Proposal file",
        "pinned": "This review is pinned to the proposal file's exact content by its SHA-256: "
                  "if the file is edited, the review is refused and must be redone.",
        "self": "Self-assessment",
        "score": "score",
        "run": "Fill in the sections, then run",
        "and": "and",
        "sha": "SHA-256 of the proposal file — do not edit",
        "org": "Ministry of Science and Technology",
        "name": "Reviewer's full name",
        "role": "Officer",
        "unit": "the body's unit that carries out the review, e.g. a department",
        "place": "the place written on the report's date line",
        "overrides": "To change a control's status: delete the \"{}\" above, remove the \"# \" "
                     "from that control's three lines, choose the status and give the reason "
                     "(required).",
        "statuses": "Status: met | partial | not-met | not-applicable | unknown",
        "answer": "Province's answer",
        "no_answer": "no answer",
        "evidence": "evidence",
        "note": "note",
        "engine": "Engine",
        "by_rule": "from the data flows, rule",
        "by_answer": "from the province's answer",
        "by_default": "no answer",
        "na_facts": "not applicable: not true that",
        "contra": "DIFFERS from the province's answer",
        "blocker": "BLOCKER",
        "rationale": "reason (required)",
        "conditions": "Conditions of approval (if any): delete the \"[]\" above and remove the "
                      "\"# \" from the lines below; control and due are optional.",
        "cond_text": "What must be done",
        "decision": "The reviewer's decision (optional): delete the \"null\" above and remove "
                    "the \"# \" from the two lines below.",
        "computed": "computed",
        "why": "required if it differs from the computed verdict",
    },
}


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
    if c.source == "rule" and c.declared is not None and c.declared is not c.status and (
            c.applicable):
        text += f" — {w['contra']}"
    return text


def _control(c: ControlResult, lang: Lang, w: dict[str, str]) -> list[str]:
    head = f"{c.id} — {_one_line(c.title.get(lang))} ({c.severity.value}"
    head += f"; {w['blocker']})" if c.blocker else ")"
    return [
        "", *_wrap(head, "  "), *_wrap(_answer(c, w), "  "), *_wrap(_engine(c, w), "  "),
        f"  # {c.id}:",
        f"  #   status: {c.status.value}",
        f"  #   rationale: \"\"          # {w['rationale']}",
    ]


def review_skeleton(a: Assessment, lang: Lang, *, proposal_path: str,
                    today: dt.date | None = None, file: str = "review.yaml") -> str:
    """The review skeleton's text for the self-assessment `a` (no review applied), in `lang`."""
    w = _W[lang]
    title = a.proposal.title.get(lang) if a.proposal.title else a.proposal.id
    out = [
        *_wrap(f"{w['head']} {a.proposal.id}: {title}", ""),
        *_wrap(f"{w['file']}: {proposal_path}", ""),
        *_wrap(w["pinned"], ""),
        *_wrap(f"{w['self']}: {a.verdict.value}, {w['score']} {a.score:.1f}/100 "
               f"({a.checklist.id}@{a.checklist.version})", ""),
        f"# {w['run']}:  assess validate {file}  {w['and']}  "
        f"assess score {_one_line(proposal_path)} --review {file}",
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
        f"reviewed_on: {(today or dt.date.today()).isoformat()}",
        "overrides: {}",
        *_wrap(w["overrides"], "  "),
        f"  # {w['statuses']}",
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
        f"{w['computed']}: {a.verdict.value}",
        f"#   rationale: \"\"            # {w['why']}",
    ]
    return "\n".join(out) + "\n"

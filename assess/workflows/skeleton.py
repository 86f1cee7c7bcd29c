"""`assess init`: a proposal skeleton that teaches as it is filled in.

Written as text (not dumped) so each control's question, guidance and expected evidence can sit
beside its answer as comments. Values go through `yaml.safe_dump`, so any checklist text is safe.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import yaml

from assess.core.i18n import Lang
from assess.documents.models import Checklist, Control, Domain

_LABELS = {
    "vi": {"question": "Yêu cầu", "guidance": "Cách kiểm tra", "evidence": "Bằng chứng cần có",
           "severity": "Mức độ", "blocker": "BẮT BUỘC — không đạt là không chấp thuận",
           "owner": "Bên chịu trách nhiệm", "applies": "Chỉ áp dụng khi",
           "rule": "Được tính từ luồng dữ liệu theo quy tắc",
           "statuses": "Trạng thái: met | partial | not-met | not-applicable | unknown"},
    "en": {"question": "Requirement", "guidance": "How it is checked",
           "evidence": "Evidence expected", "severity": "Severity",
           "blocker": "BLOCKER — failing it rejects the proposal", "owner": "Owner",
           "applies": "Applies only if", "rule": "Decided from the data flows by rule",
           "statuses": "Status: met | partial | not-met | not-applicable | unknown"},
}

_HEAD = {
    "vi": """\
# Hồ sơ đề xuất sử dụng kênh của bên thứ ba để cung cấp dịch vụ công.
# Điền từng mục, rồi chạy:  assess validate {file}  và  assess score {file}
# Các giá trị trong ngoặc kép là ví dụ: thay bằng thông tin thật của hồ sơ.
""",
    "en": """\
# A proposal to deliver public services through a third-party channel.
# Fill in each section, then run:  assess validate {file}  and  assess score {file}
# Quoted values are examples: replace them with the proposal's real details.
""",
}

_BODY = {
    "vi": """\
kind: proposal
schema_version: 1
id: ho-so-moi                       # mã hồ sơ: chữ thường, số, dấu gạch ngang
title: "Cung cấp thông tin thủ tục hành chính qua kênh …"
submitted_by:
  organization: "UBND tỉnh …"
  unit: "Trung tâm Phục vụ hành chính công"
  contact:
    name: "Họ và tên người liên hệ"
    email: null
    phone: null
submitted_on: {today}
checklist: {checklist}
channel:
  name: "Tài khoản chính thức … trên …"
  operator: "Tên doanh nghiệp vận hành nền tảng"
  operator_country: VN              # mã quốc gia ISO 3166, ví dụ VN, SG, US
  kind: official-account            # official-account | social-page | chat-bot | mini-app | saas-form | other
  exclusive: false                  # true nếu người dân CHỈ có thể dùng dịch vụ qua kênh này
services: []
# - id: tra-cuu-ho-so
#   name: "Tra cứu tình trạng hồ sơ"
#   data: [ma-ho-so, so-dien-thoai]
data_subjects: []
# - category: "Người dân, doanh nghiệp có thủ tục hành chính"
#   count: 50000
data: []
# - id: so-dien-thoai
#   name: "Số điện thoại người dân"
#   class: personal                 # public | internal | personal | sensitive-personal
zones: []
# - id: nen-tang
#   name: "Máy chủ của nền tảng"
#   country: VN
#   operator: "Tên doanh nghiệp"
#   trust: third-party              # government | third-party | untrusted
nodes: []
# - id: oa
#   name: "Tài khoản chính thức"
#   kind: process                   # actor | process | datastore | external
#   zone: nen-tang
# - id: kho-tin-nhan
#   name: "Kho lưu tin nhắn"
#   kind: datastore
#   zone: nen-tang
#   stores: [so-dien-thoai]
#   encrypted_at_rest: unknown      # yes | no | unknown
#   retention_days: 365
flows: []
# - from: nguoi-dan
#   to: oa
#   data: [so-dien-thoai]
#   encryption: tls                 # none | tls | e2e | unknown
#   authenticated: false
#   purpose: "Người dân gửi câu hỏi"
""",
    "en": """\
kind: proposal
schema_version: 1
id: new-proposal                    # proposal id: lower case letters, digits, dashes
title: "Procedure information through the … channel"
submitted_by:
  organization: "People's Committee of … Province"
  unit: "Public Administration Service Centre"
  contact:
    name: "Contact person's full name"
    email: null
    phone: null
submitted_on: {today}
checklist: {checklist}
channel:
  name: "… official account on …"
  operator: "Company that runs the platform"
  operator_country: VN              # ISO 3166 country code, e.g. VN, SG, US
  kind: official-account            # official-account | social-page | chat-bot | mini-app | saas-form | other
  exclusive: false                  # true if citizens can ONLY get the service through this channel
services: []
# - id: status-lookup
#   name: "Application status lookup"
#   data: [application-no, phone]
data_subjects: []
# - category: "Citizens and businesses with applications"
#   count: 50000
data: []
# - id: phone
#   name: "Citizen's phone number"
#   class: personal                 # public | internal | personal | sensitive-personal
zones: []
# - id: platform
#   name: "Platform servers"
#   country: VN
#   operator: "Company name"
#   trust: third-party              # government | third-party | untrusted
nodes: []
# - id: oa
#   name: "Official account"
#   kind: process                   # actor | process | datastore | external
#   zone: platform
# - id: message-store
#   name: "Message store"
#   kind: datastore
#   zone: platform
#   stores: [phone]
#   encrypted_at_rest: unknown      # yes | no | unknown
#   retention_days: 365
flows: []
# - from: citizen
#   to: oa
#   data: [phone]
#   encryption: tls                 # none | tls | e2e | unknown
#   authenticated: false
#   purpose: "Citizen asks a question"
""",
}


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
    words = _LABELS[lang]
    head = f"{c.id} — {_one_line(c.title.get(lang))} ({words['severity']}: {c.severity.value}"
    out = [f"{head}{'; ' + words['blocker'] if c.blocker else ''})"]
    out += _comment(words["question"], c.requirement.get(lang))
    out += _comment(words["guidance"], c.guidance.get(lang))
    out += _comment(words["evidence"], c.evidence.get(lang))
    if c.applies_if:
        out.append(f"{words['applies']}: {', '.join(c.applies_if)}")
    if c.rule:
        out.append(f"{words['rule']} {c.rule}")
    return out


def schema_line(schema: str) -> str:
    """The first line that lets YAML-aware editors check and complete the file."""
    return f"# yaml-language-server: $schema={schema}"


def default_schema() -> str:
    """The packaged proposal schema, as a file URI (works wherever the file is saved)."""
    from assess.core.resources import data_dir

    return (data_dir("schemas") / "proposal.schema.json").resolve().as_uri()


def skeleton(cl: Checklist, lang: Lang, *, today: dt.date | None = None,
             file: str = "proposal.yaml", schema: str | None = None) -> str:
    """The proposal skeleton's text for checklist `cl`, in `lang`; its first line names the
    JSON Schema (`schema`, by default the packaged one) for editors."""
    words = _LABELS[lang]
    out = [schema_line(schema or default_schema()),
           _HEAD[lang].format(file=file),
           _BODY[lang].format(today=(today or dt.date.today()).isoformat(),
                              checklist=yaml.safe_dump(cl.ref).strip().removesuffix("...").strip()),
           "answers:", f"  # {words['statuses']}"]
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

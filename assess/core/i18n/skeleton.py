"""The words of the files `assess` writes for people to fill in: the proposal skeleton
(`assess init`), the review skeleton (`assess review init`) and the notes `assess migrate` adds.

Every table is (Vietnamese, English) by key; `assess.core.i18n.words` gives one language's half.
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    'question': (
        "Yêu cầu",
        "Requirement",
    ),
    'guidance': (
        "Cách kiểm tra",
        "How it is checked",
    ),
    'evidence': (
        "Bằng chứng cần có",
        "Evidence expected",
    ),
    'severity': (
        "Mức độ",
        "Severity",
    ),
    'blocker': (
        "BẮT BUỘC — không đạt là không chấp thuận",
        "BLOCKER — failing it rejects the proposal",
    ),
    'owner': (
        "Bên chịu trách nhiệm",
        "Owner",
    ),
    'applies': (
        "Chỉ áp dụng khi",
        "Applies only if",
    ),
    'rule': (
        "Được tính từ luồng dữ liệu theo quy tắc",
        "Decided from the data flows by rule",
    ),
    'statuses': (
        "Trạng thái: met | partial | not-met | not-applicable | unknown",
        "Status: met | partial | not-met | not-applicable | unknown",
    ),
}
"""The labels of the comments above each control's answer in a proposal skeleton."""

REVIEW: dict[str, tuple[str, str]] = {
    'head': (
        "Thẩm định hồ sơ",
        "Review of proposal",
    ),
    'file': (
        "Tệp hồ sơ",
        "Proposal file",
    ),
    'pinned': (
        "Bản thẩm định gắn với đúng nội dung tệp hồ sơ qua SHA-256: nếu tệp hồ sơ bị sửa, bản thẩm định bị "
        "từ chối và phải thẩm định lại.",
        "This review is pinned to the proposal file's exact content by its SHA-256: if the file is edited, "
        "the review is refused and must be redone.",
    ),
    'self': (
        "Kết quả tự đánh giá",
        "Self-assessment",
    ),
    'score': (
        "điểm",
        "score",
    ),
    'run': (
        "Điền các mục, rồi chạy",
        "Fill in the sections, then run",
    ),
    'and': (
        "và",
        "and",
    ),
    'sha': (
        "SHA-256 của tệp hồ sơ — không sửa",
        "SHA-256 of the proposal file — do not edit",
    ),
    'org': (
        "Bộ Khoa học và Công nghệ",
        "Ministry of Science and Technology",
    ),
    'name': (
        "Họ và tên người thẩm định",
        "Reviewer's full name",
    ),
    'role': (
        "Chuyên viên",
        "Officer",
    ),
    'unit': (
        "đơn vị trực thuộc thực hiện thẩm định, ví dụ Cục …",
        "the body's unit that carries out the review, e.g. a department",
    ),
    'place': (
        "nơi ghi ở dòng ngày tháng của báo cáo",
        "the place written on the report's date line",
    ),
    'overrides': (
        'Sửa trạng thái một kiểm soát: xóa "{}" ở dòng trên, bỏ "# " ở ba dòng của kiểm soát đó, chọn '
        'trạng thái và ghi lý do (bắt buộc).',
        "To change a control's status: delete the \"{}\" above, remove the \"# \" from that control's "
        "three lines, choose the status and give the reason (required).",
    ),
    'statuses': (
        "Trạng thái: met | partial | not-met | not-applicable | unknown",
        "Status: met | partial | not-met | not-applicable | unknown",
    ),
    'answer': (
        "Tỉnh trả lời",
        "Province's answer",
    ),
    'no_answer': (
        "không trả lời",
        "no answer",
    ),
    'evidence': (
        "bằng chứng",
        "evidence",
    ),
    'note': (
        "ghi chú",
        "note",
    ),
    'engine': (
        "Công cụ tính",
        "Engine",
    ),
    'by_rule': (
        "từ luồng dữ liệu, quy tắc",
        "from the data flows, rule",
    ),
    'by_answer': (
        "theo trả lời của tỉnh",
        "from the province's answer",
    ),
    'by_default': (
        "chưa có trả lời",
        "no answer",
    ),
    'na_facts': (
        "không áp dụng vì không thỏa",
        "not applicable: not true that",
    ),
    'contra': (
        "KHÁC với trả lời của tỉnh",
        "DIFFERS from the province's answer",
    ),
    'blocker': (
        "BẮT BUỘC",
        "BLOCKER",
    ),
    'rationale': (
        "lý do (bắt buộc)",
        "reason (required)",
    ),
    'conditions': (
        'Điều kiện kèm theo (nếu có): xóa "[]" ở dòng trên và bỏ "# " ở các dòng dưới; control và due là '
        'tùy chọn.',
        'Conditions of approval (if any): delete the "[]" above and remove the "# " from the lines below; '
        'control and due are optional.',
    ),
    'cond_text': (
        "Nội dung điều kiện",
        "What must be done",
    ),
    'decision': (
        'Kết luận của người thẩm định (tùy chọn): xóa "null" ở dòng trên và bỏ "# " ở các dòng dưới.',
        "The reviewer's decision (optional): delete the \"null\" above and remove the \"# \" from the "
        "lines below.",
    ),
    'computed': (
        "công cụ tính được",
        "computed",
    ),
    'why': (
        "bắt buộc nếu khác kết luận công cụ tính được",
        "required if it differs from the computed verdict",
    ),
    'exception': (
        "true chỉ khi quyết định trái với kiểm soát bắt buộc không đạt hoặc nâng kết quả của quy tắc: "
        "phải có lý do và căn cứ pháp lý",
        "true only to decide against failing blockers or to lift a rule's result: needs a rationale "
        "and an authority",
    ),
    'authority': (
        "căn cứ pháp lý của quyết định ngoại lệ (văn bản, điều khoản)",
        "the legal authority an exception relies on (document, article)",
    ),
}
"""The review skeleton's comments and placeholders."""

MIGRATE: dict[str, tuple[str, str]] = {
    'new': (
        "MỚI trong {ref}",
        "NEW in {ref}",
    ),
    'was': (
        "trước đây là {old} trong {ref}",
        "was {old} in {ref}",
    ),
}
"""The notes `assess migrate` writes beside new and renamed controls."""

HEAD = (
    """\
# Hồ sơ đề xuất sử dụng kênh của bên thứ ba để cung cấp dịch vụ công.
# Điền từng mục, rồi chạy:  assess validate {file}  và  assess score {file}
# Các giá trị trong ngoặc kép là ví dụ: thay bằng thông tin thật của hồ sơ.
""",
    """\
# A proposal to deliver public services through a third-party channel.
# Fill in each section, then run:  assess validate {file}  and  assess score {file}
# Quoted values are examples: replace them with the proposal's real details.
""",
)
"""The proposal skeleton's opening comment; `{file}` is the file's name."""

BODY = (
    """\
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
{channel}services: []
# - id: tra-cuu-ho-so
#   name: "Tra cứu tình trạng hồ sơ"
#   data: [ma-ho-so, so-dien-thoai]
#   reaches_province_systems: true  # false nếu cán bộ chỉ làm việc trên trang quản trị của nền tảng
data_subjects: []
# - category: "Người dân, doanh nghiệp có thủ tục hành chính"
#   count: 50000
data: []
# - id: so-dien-thoai
#   name: "Số điện thoại người dân"
#   class: personal                 # public | internal | personal | sensitive-personal
{drawing}flows: []
# - from: nguoi-dan
#   to: {entry}
#   data: [so-dien-thoai]
#   encryption: tls                 # none | tls | e2e | unknown
#   authenticated: false
#   purpose: "Người dân gửi câu hỏi"
""",
    """\
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
{channel}services: []
# - id: status-lookup
#   name: "Application status lookup"
#   data: [application-no, phone]
#   reaches_province_systems: true  # false if officers only work in the platform's own console
data_subjects: []
# - category: "Citizens and businesses with applications"
#   count: 50000
data: []
# - id: phone
#   name: "Citizen's phone number"
#   class: personal                 # public | internal | personal | sensitive-personal
{drawing}flows: []
# - from: citizen
#   to: {entry}
#   data: [phone]
#   encryption: tls                 # none | tls | e2e | unknown
#   authenticated: false
#   purpose: "Citizen asks a question"
""",
)
"""The proposal skeleton up to its answers; `{today}` and `{checklist}` are filled in."""


OWN_CHANNEL = (
    """\
channel:
  name: "Tài khoản chính thức … trên …"
  operator: nen-tang                # mã của đơn vị vận hành trong operators
  kind: official-account            # official-account | social-page | chat-bot | mini-app | saas-form | other
  exclusive: false                  # true nếu người dân CHỈ có thể dùng dịch vụ qua kênh này
# Nền tảng đã có hồ sơ thẩm định (xem `assess platform list`)? Dùng `assess init --platform …`.
operators:
  - id: nen-tang
    name: "Tên doanh nghiệp vận hành nền tảng"
    country: VN                     # nơi thành lập doanh nghiệp, mã ISO 3166: VN, SG, US…
""",
    """\
channel:
  name: "… official account on …"
  operator: platform                # the operator's id in operators
  kind: official-account            # official-account | social-page | chat-bot | mini-app | saas-form | other
  exclusive: false                  # true if citizens can ONLY get the service through this channel
# Is there a vetted profile of the platform (see `assess platform list`)? Use `assess init --platform …`.
operators:
  - id: platform
    name: "Company that runs the platform"
    country: VN                     # where the company is established, ISO 3166: VN, SG, US…
""",
)
"""The channel of a proposal drawn without a platform profile."""

PLATFORM_CHANNEL = (
    """\
channel:
  name: "Tài khoản chính thức … trên …"
  platform: {platform}         # hồ sơ nền tảng đã thẩm định: đơn vị vận hành, vùng, nơi lưu
  kind: {kind}
  exclusive: false                  # true nếu người dân CHỈ có thể dùng dịch vụ qua kênh này
# Đơn vị vận hành ({operator}) và các vùng, nút của nền tảng lấy từ hồ sơ, không vẽ lại ở dưới.
# Nút của nền tảng mà luồng dữ liệu của tỉnh nối vào: {entries}
""",
    """\
channel:
  name: "… official account on …"
  platform: {platform}         # vetted platform profile: operator, zones, where data is kept
  kind: {kind}
  exclusive: false                  # true if citizens can ONLY get the service through this channel
# The operator ({operator}) and the platform's zones and nodes come from the profile: do not
# draw them below. Platform nodes the province's flows connect to: {entries}
""",
)
"""The channel of a proposal on a platform profile."""

OWN_DRAWING = (
    """\
zones:
  - id: nen-tang
    name: "Máy chủ của nền tảng"
    country: VN                     # nơi đặt máy chủ và dữ liệu (mã ISO 3166)
    operator: nen-tang              # mã trong operators
    trust: third-party              # government | third-party | untrusted
nodes:
  - id: oa
    name: "Tài khoản chính thức"
    kind: process                   # actor | process | datastore | external
    zone: nen-tang
# - id: kho-tin-nhan
#   name: "Kho lưu tin nhắn"
#   kind: datastore
#   zone: nen-tang
#   stores: [so-dien-thoai]
#   encrypted_at_rest: unknown      # yes | no | unknown
#   retention_days: 365
#   evidence: ["Hợp đồng với đơn vị vận hành, Điều …"]   # ngoài vùng nhà nước: thiếu bằng chứng thì
#                                   # mã hóa và thời hạn lưu không được tính; nút nhận dữ liệu cá nhân
#                                   # bị coi là có lưu, trừ khi ghi retains: false kèm bằng chứng
""",
    """\
zones:
  - id: platform
    name: "Platform servers"
    country: VN                     # where its servers and data are (ISO 3166 code)
    operator: platform              # an id from operators
    trust: third-party              # government | third-party | untrusted
nodes:
  - id: oa
    name: "Official account"
    kind: process                   # actor | process | datastore | external
    zone: platform
# - id: message-store
#   name: "Message store"
#   kind: datastore
#   zone: platform
#   stores: [phone]
#   encrypted_at_rest: unknown      # yes | no | unknown
#   retention_days: 365
#   evidence: ["Contract with the operator, Art. …"]   # outside a government zone, encryption and
#                                   # retention count only with evidence; a node that receives
#                                   # personal data is presumed to keep it unless retains: false
#                                   # is backed by evidence
""",
)
"""The drawing of a proposal without a profile: the operator's zone and system, drawn."""

PLATFORM_DRAWING = (
    """\
zones: []
# - id: may-chu-tinh
#   name: "Hệ thống của tỉnh"
#   country: VN
#   operator: tinh                  # mã trong operators (thêm operators nếu vẽ vùng của tỉnh)
#   trust: government
nodes: []
# - id: nguoi-dan
#   name: "Người dân"
#   kind: actor
#   zone: internet
""",
    """\
zones: []
# - id: province-systems
#   name: "Province systems"
#   country: VN
#   operator: province              # an id from operators (add operators to draw your zones)
#   trust: government
nodes: []
# - id: citizen
#   name: "Citizen"
#   kind: actor
#   zone: internet
""",
)
"""The drawing of a proposal on a profile: only the province's own part."""

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
    'this_file': (
        "<tệp thẩm định>",
        "<review file>",
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
    'signer_authority': (
        "ký thay: TM., KT., TL., TUQ. hoặc Q., kèm head",
        "signing for another: TM., KT., TL., TUQ. or Q., with head",
    ),
    'signer_head': (
        "người được ký thay, in 'KT. CỤC TRƯỞNG'",
        "whom the reviewer signs for, printed 'KT. DIRECTOR GENERAL'",
    ),
    'symbol': (
        "chữ viết tắt tên cơ quan trong 'Số: …/BC-…' (mặc định: chữ cái đầu)",
        "the body's abbreviation in 'No. …/BC-…' (default: its initials)",
    ),
    'number': (
        "số văn bản do văn thư cấp (mặc định: để trống)",
        "the number the records office gives (default: left blank)",
    ),
    'recipients': (
        "nơi nhận sau cơ quan đề xuất, trước dòng 'Lưu: VT'",
        "recipients after the submitting body, before 'Lưu: VT'",
    ),
    'drafting_unit': (
        "đơn vị soạn thảo, in ở dòng 'Lưu: VT, …'",
        "the drafting unit, printed in 'Lưu: VT, …'",
    ),
    'overrides': (
        'Sửa trạng thái một kiểm soát: xóa "{}" ở dòng trên, bỏ "# " ở các dòng của kiểm soát đó, chọn '
        'trạng thái và ghi lý do (bắt buộc).',
        "To change a control's status: delete the \"{}\" above, remove the \"# \" from that control's "
        "lines, choose the status and give the reason (required).",
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
    'basis': (
        "basis: dấu vân tay đầu vào của tiêu chí (câu trả lời, bằng chứng, kết quả quy tắc, dữ "
        "kiện) lúc viết bản này; giữ nguyên để assess review carry nhận ra khi hồ sơ nộp lại "
        "thay đổi tiêu chí",
        "basis: fingerprint of the control's inputs (answer, evidence, rule result, facts) when "
        "this file was written; keep it so assess review carry can tell when a resubmission "
        "changes the control",
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
    'again': (
        "Câu hỏi của {id} đã thay đổi trong {ref}: cần trả lời lại (trước đây: {was})",
        "The question of {id} changed in {ref}: answer it again (it was: {was})",
    ),
}
"""The notes `assess migrate` writes beside new and renamed controls."""

CARRY: dict[str, tuple[str, str]] = {
    'flagged': (
        "CẦN THẨM ĐỊNH LẠI — các ghi đè dưới đây KHÔNG được mang sang vì đầu vào của tiêu chí đã "
        "thay đổi hoặc không rõ; chúng không được tính. Xem lại tiêu chí rồi ghi lại ghi đè "
        "(status, rationale) trong overrides nếu vẫn giữ:",
        "TO REVIEW AGAIN — the overrides below were NOT carried because the control's inputs "
        "changed or are unknown; they count for nothing. Look at the control again and write the "
        "override (status, rationale) under overrides if it still holds:",
    ),
    'changed': (
        "đầu vào đã thay đổi (câu trả lời, bằng chứng, kết quả quy tắc hoặc dữ kiện)",
        "its inputs changed (answer, evidence, rule result or facts)",
    ),
    'unknown': (
        "không rõ đầu vào lúc thẩm định (ghi đè không có basis); dùng --previous để so sánh",
        "its inputs at review time are unknown (the override has no basis); use --previous to "
        "compare",
    ),
    'gone': (
        "tiêu chí không còn trong bộ tiêu chí của đề xuất mới",
        "the control is no longer in the new proposal's checklist",
    ),
}
"""The notes `assess review carry` (and the workspace) write above overrides not carried."""

HEAD = (
    """\
# Hồ sơ đề xuất sử dụng kênh của bên thứ ba để cung cấp dịch vụ công.
# {run}
# Các giá trị trong ngoặc kép là ví dụ: thay bằng thông tin thật của hồ sơ.
# Dòng bắt đầu bằng "# " là hướng dẫn, hoặc một trường tùy chọn: muốn dùng trường đó, bỏ "# " ở
# đầu dòng (mục đang ghi "[]" thì xóa cả "[]"). Trường tùy chọn không ghi thì báo cáo để trống.
# Văn bản (title, name, description, purpose…) viết tiếng Việt; muốn báo cáo tiếng Anh
# (--lang en) có bản dịch, viết {{vi: "…", en: "…"}}.
{schema}""",
    """\
# A proposal to deliver public services through a third-party channel.
# {run}
# Quoted values are examples: replace them with the proposal's real details.
# A line starting with "# " is guidance, or an optional field: to use the field, remove the "# "
# at the start of its lines (where a section says "[]", delete the "[]" too). An optional field
# left out is left empty in the report.
# Texts (title, name, description, purpose…) are in Vietnamese; to give the English report
# (--lang en) a translation, write {{vi: "…", en: "…"}}.
{schema}""",
)
"""The proposal skeleton's opening comment; `{run}` is one of RUN, `{schema}` SCHEMA's lines."""

RUN: dict[str, tuple[str, str]] = {
    'file': (
        "Điền từng mục, rồi chạy:  assess validate {file}  và  assess score {file}",
        "Fill in each section, then run:  assess validate {file}  and  assess score {file}",
    ),
    'stream': (
        "Lưu thành một tệp .yaml, điền từng mục, rồi chạy:  assess validate <tệp>  và  "
        "assess score <tệp>",
        "Save it as a .yaml file, fill in each section, then run:  assess validate <file>  and  "
        "assess score <file>",
    ),
}
"""How the header tells the officer to check the file: by its name, or (written to standard
output, not yet a file) in neutral words."""

SCHEMA: dict[str, tuple[str, str]] = {
    'beside': (
        "# Dòng đầu tiên để trình soạn thảo (VS Code…) kiểm tra tệp ngay khi gõ, theo tệp\n"
        "# {schema} đặt cùng thư mục: gửi tệp này thì gửi kèm tệp đó, hoặc tạo lại\n"
        "# trong thư mục của tệp này:  assess schema {kind} -o .\n",
        "# The first line lets an editor (VS Code…) check this file as it is typed, with\n"
        "# {schema} in the same folder: send that file along with this one, or recreate\n"
        "# it in this file's folder:  assess schema {kind} -o .\n",
    ),
    'stream': (
        "# Dòng đầu tiên để trình soạn thảo (VS Code…) kiểm tra tệp ngay khi gõ, theo tệp\n"
        "# {schema} đặt cùng thư mục; tạo tệp đó trong thư mục lưu tệp này:\n"
        "#   assess schema {kind} -o .\n",
        "# The first line lets an editor (VS Code…) check this file as it is typed, with\n"
        "# {schema} in the same folder; create that file in the folder you save this one in:\n"
        "#   assess schema {kind} -o .\n",
    ),
}
"""What the `$schema` line is for and where its file is (see `workflows.skeleton`)."""

ANSWERS: tuple[str, str] = (
    "Mỗi kiểm soát: status (trạng thái); evidence (tài liệu chứng minh: tên, số, ngày, điều\n"
    "khoản); note (tùy chọn: giải thích bằng lời của tỉnh, in ở báo cáo).",
    "Each control: status; evidence (the documents that prove it: name, number, date, article);\n"
    "note (optional: an explanation in the province's words, printed in the report).",
)
"""The line above the answers that says what each answer's fields hold."""

SENSITIVE = (
    """\
  # class — public: công khai | internal: nội bộ cơ quan | personal: dữ liệu cá nhân |
  # sensitive-personal: dữ liệu cá nhân nhạy cảm. Điều 4 Nghị định số 356/2025/NĐ-CP liệt kê
  # dữ liệu cá nhân nhạy cảm, trong đó có:
  #   - dữ liệu về sức khỏe;
  #   - dữ liệu sinh trắc học;
  #   - dữ liệu vị trí;
  #   - dữ liệu theo dõi hành vi trên mạng xã hội, dịch vụ truyền thông trực tuyến;
  #   - hình ảnh giấy tờ tùy thân.
  # Dữ liệu thuộc một trong các loại đó thì ghi class: sensitive-personal. Điều 4 còn liệt kê
  # các loại khác: đối chiếu văn bản trước khi chọn personal.
  # Hình ảnh giấy tờ tùy thân (căn cước, hộ chiếu, giấy phép lái xe…) ghi thêm dòng
  # "tags: [identity-document-image]": mạng xã hội không được yêu cầu cung cấp các ảnh đó
  # (Điều 29 Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15).
""",
    """\
  # class — public: public information | internal: internal to the agency | personal: personal
  # data | sensitive-personal: sensitive personal data. Decree 356/2025/ND-CP, Art. 4, lists
  # sensitive personal data; the list includes:
  #   - health data;
  #   - biometric data;
  #   - location data;
  #   - behaviour-tracking data on social networks and online communication services;
  #   - images of identity documents.
  # Data of any of these kinds is class: sensitive-personal. Art. 4 lists other kinds too: check
  # the decree before choosing personal.
  # Images of identity documents (ID card, passport, driving licence…) also get the line
  # "tags: [identity-document-image]": social networks may not demand them (Law on Personal
  # Data Protection No. 91/2025/QH15, Art. 29).
""",
)
"""Where a data item's class is chosen: what each class means, and the sensitive categories of
Decree 356/2025 Art. 4 (as reference/legal-vn.md records them; the list is not exhaustive)."""

BODY = (
    """\
kind: proposal
schema_version: 1
id: ho-so-moi                       # mã hồ sơ: chữ thường, số, dấu gạch ngang
title: "Cung cấp thông tin thủ tục hành chính qua kênh …"
submitted_by:
  organization: "UBND tỉnh …"
  unit: "Trung tâm Phục vụ hành chính công"   # đơn vị trực tiếp vận hành dịch vụ (tùy chọn)
  contact:
    name: "Họ và tên người liên hệ"
    email: null                     # thư điện tử của người liên hệ (tùy chọn)
    phone: null                     # số điện thoại của người liên hệ (tùy chọn)
  # place: "…"                      # địa danh ở dòng ngày tháng của báo cáo (mặc định: theo tên tổ chức)
  # symbol: "TTPVHCC"               # tên cơ quan viết tắt trong 'Số: …/BC-TTPVHCC' (mặc định: chữ cái đầu)
  # number: "12"                    # số văn bản do văn thư cấp (mặc định: để trống cho văn thư điền)
  # signer:                         # người ký (mặc định: người liên hệ ký là người lập báo cáo)
  #   name: "Họ và tên người ký"
  #   position: "Phó Giám đốc"      # chức vụ của người ký
  #   authority: KT.                # ký thay: TM., KT., TL., TUQ., Q. (kèm head)
  #   head: "Giám đốc"              # người hoặc tập thể được ký thay: in 'KT. GIÁM ĐỐC'
  # recipients: ["Bộ Khoa học và Công nghệ"]   # nơi nhận trước 'Lưu: VT' (mặc định: cơ quan thẩm định)
  # drafting_unit: "KSTTHC"         # đơn vị soạn thảo, in ở dòng 'Lưu: VT, KSTTHC.'
submitted_on: {today}
checklist: {checklist}
{channel}services: []
  # - id: tra-cuu-ho-so
  #   name: "Tra cứu tình trạng hồ sơ"
  #   description: "Người dân nhập mã hồ sơ để xem hồ sơ đang ở bước nào"   # người dân làm gì qua dịch vụ
  #   data: [so-dien-thoai]         # mã các dữ liệu dịch vụ dùng (trong mục data)
  #   reaches_province_systems: true  # false nếu cán bộ chỉ làm việc trên trang quản trị của nền tảng
data_subjects: []
  # - category: "Người dân, doanh nghiệp có thủ tục hành chính"
  #   count: 50000                  # số người ước tính, viết liền (50000, không viết 50.000)
data: []
  # - id: so-dien-thoai
  #   name: "Số điện thoại người dân"
  #   class: personal               # public | internal | personal | sensitive-personal (xem dưới)
  #   description: "Số di động người dân nhập khi gửi câu hỏi"   # dữ liệu gồm những trường nào
  #   tags: []                      # [identity-document-image] nếu là ảnh giấy tờ tùy thân (xem dưới)
{sensitive}{drawing}flows: []
  # - from: nguoi-dan
  #   to: {entry}
  #   data: [so-dien-thoai]
  #   encryption: tls               # none | tls: mã hóa khi truyền | e2e: mã hóa đầu cuối | unknown
  #   authenticated: false          # true nếu bên nhận xác thực được bên gửi (tài khoản, khóa API)
  #   purpose: "Người dân gửi câu hỏi"   # vì sao dữ liệu đi theo luồng này (tùy chọn)
  # Với encryption, unknown (chưa rõ) được tính như none (không mã hóa) cho đến khi có bằng chứng.
""",
    """\
kind: proposal
schema_version: 1
id: new-proposal                    # proposal id: lower case letters, digits, dashes
title: "Procedure information through the … channel"
submitted_by:
  organization: "People's Committee of … Province"
  unit: "Public Administration Service Centre"   # the unit that runs the service (optional)
  contact:
    name: "Contact person's full name"
    email: null                     # the contact person's e-mail (optional)
    phone: null                     # the contact person's phone number (optional)
  # place: "…"                      # the place on the report's date line (default: from organization)
  # symbol: "PASC"                  # the body's abbreviation in 'No. …/BC-PASC' (default: its initials)
  # number: "12"                    # the number the records office gives (default: left blank for it)
  # signer:                         # who signs (default: the contact person, as the one who prepared it)
  #   name: "Signer's full name"
  #   position: "Deputy Director"   # the signer's position
  #   authority: KT.                # signing for another: TM., KT., TL., TUQ., Q. (with head)
  #   head: "Director"              # whom the signer signs for: printed 'KT. DIRECTOR'
  # recipients: ["Ministry of Science and Technology"]   # before 'Lưu: VT' (default: the reviewer)
  # drafting_unit: "KSTTHC"         # the drafting unit, printed in 'Lưu: VT, KSTTHC.'
submitted_on: {today}
checklist: {checklist}
{channel}services: []
  # - id: status-lookup
  #   name: "Application status lookup"
  #   description: "Citizens enter their application number to see its stage"   # what citizens do through it
  #   data: [phone]                 # ids of the data it uses (from the data section)
  #   reaches_province_systems: true  # false if officers only work in the platform's own console
data_subjects: []
  # - category: "Citizens and businesses with applications"
  #   count: 50000                  # estimated number of people, digits only (50000, not 50,000)
data: []
  # - id: phone
  #   name: "Citizen's phone number"
  #   class: personal               # public | internal | personal | sensitive-personal (see below)
  #   description: "Mobile number citizens give when they ask a question"   # what the data contains
  #   tags: []                      # [identity-document-image] for images of identity documents (see below)
{sensitive}{drawing}flows: []
  # - from: citizen
  #   to: {entry}
  #   data: [phone]
  #   encryption: tls               # none | tls: encrypted in transit | e2e: end-to-end | unknown
  #   authenticated: false          # true if the receiver authenticates the sender (account, API key)
  #   purpose: "Citizen asks a question"   # why the data moves (optional)
  # For encryption, unknown (not known) counts as none (unencrypted) until evidence shows otherwise.
""",
)
"""The proposal skeleton up to its answers; `{today}`, `{checklist}`, `{channel}`, `{sensitive}`,
`{drawing}` and `{entry}` are filled in."""


OWN_CHANNEL = (
    """\
channel:
  name: "Tài khoản chính thức … trên …"
  operator: nen-tang                # mã của đơn vị vận hành trong operators
  # operator_country: VN            # không cần ghi: lấy từ operators
  kind: official-account            # official-account | social-page | chat-bot | mini-app | saas-form | other
  exclusive: false                  # true nếu người dân CHỈ có thể dùng dịch vụ qua kênh này
  # url: "https://…"                # địa chỉ công khai của kênh (báo cáo in dạng chữ)
  # platform: null                  # nền tảng có hồ sơ thẩm định? Dùng  assess init --platform …
operators:
  - id: nen-tang
    name: "Tên doanh nghiệp vận hành nền tảng"
    country: VN                     # nơi thành lập doanh nghiệp, mã ISO 3166: VN, SG, US…
  # - id: nguoi-dan
  #   name: "Người dân"
  #   country: VN
""",
    """\
channel:
  name: "… official account on …"
  operator: platform                # the operator's id in operators
  # operator_country: VN            # not needed: taken from operators
  kind: official-account            # official-account | social-page | chat-bot | mini-app | saas-form | other
  exclusive: false                  # true if citizens can ONLY get the service through this channel
  # url: "https://…"                # the channel's public address (the report prints it as text)
  # platform: null                  # a vetted platform profile? Use  assess init --platform …
operators:
  - id: platform
    name: "Company that runs the platform"
    country: VN                     # where the company is established, ISO 3166: VN, SG, US…
  # - id: citizens
  #   name: "Citizens"
  #   country: VN
""",
)
"""The channel of a proposal drawn without a platform profile."""

PLATFORM_CHANNEL = (
    """\
channel:
  name: "Tài khoản chính thức … trên …"
  platform: {platform}         # hồ sơ nền tảng đã thẩm định: đơn vị vận hành, vùng, nơi lưu
  # operator: {operator_id}không cần ghi: lấy từ hồ sơ nền tảng
  # operator_country: {country}không cần ghi: lấy từ hồ sơ nền tảng
  kind: {kind}
  exclusive: false                  # true nếu người dân CHỈ có thể dùng dịch vụ qua kênh này
  # url: "https://…"                # địa chỉ công khai của kênh (báo cáo in dạng chữ)
# Đơn vị vận hành ({operator}) và các vùng, nút của nền tảng lấy từ hồ sơ, không vẽ lại ở dưới.
# Nút của nền tảng mà luồng dữ liệu của tỉnh nối vào: {entries}
operators: []                       # chỉ các bên của phần tỉnh tự vẽ (tỉnh, người dân)
  # - id: tinh
  #   name: "UBND tỉnh …"
  #   country: VN
  # - id: nguoi-dan
  #   name: "Người dân"
  #   country: VN
""",
    """\
channel:
  name: "… official account on …"
  platform: {platform}         # vetted platform profile: operator, zones, where data is kept
  # operator: {operator_id}not needed: taken from the profile
  # operator_country: {country}not needed: taken from the profile
  kind: {kind}
  exclusive: false                  # true if citizens can ONLY get the service through this channel
  # url: "https://…"                # the channel's public address (the report prints it as text)
# The operator ({operator}) and the platform's zones and nodes come from the profile: do not
# draw them below. Platform nodes the province's flows connect to: {entries}
operators: []                       # only those of the part the province draws (province, citizens)
  # - id: province
  #   name: "People's Committee of … Province"
  #   country: VN
  # - id: citizens
  #   name: "Citizens"
  #   country: VN
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
    # trust — government: của nhà nước | third-party: doanh nghiệp theo hợp đồng | untrusted: Internet
    trust: third-party
  # - id: thiet-bi-nguoi-dan
  #   name: "Thiết bị của người dân"
  #   country: VN
  #   operator: nguoi-dan
  #   trust: untrusted
nodes:
  - id: oa
    name: "Tài khoản chính thức"
    kind: process                   # actor (người) | process (phần mềm) | datastore (kho) | external
    zone: nen-tang
    # retains — ngoài vùng nhà nước: false nếu nút không giữ dữ liệu nhận được; không ghi: coi là có lưu
    # retains: false
    # evidence: ["Hợp đồng với đơn vị vận hành, Điều …"]   # tài liệu chứng minh retains
  # - id: nguoi-dan
  #   name: "Người dân"
  #   kind: actor
  #   zone: thiet-bi-nguoi-dan
  # - id: kho-tin-nhan
  #   name: "Kho lưu tin nhắn"
  #   kind: datastore
  #   zone: nen-tang
  #   stores: [so-dien-thoai]       # mã các dữ liệu lưu trong kho
  #   encrypted_at_rest: unknown    # yes | no | unknown
  #   retention_days: 365           # số ngày lưu trước khi xóa
  #   evidence: ["Hợp đồng với đơn vị vận hành, Điều …"]
  # Ngoài vùng nhà nước, retains, encrypted_at_rest và retention_days chỉ được tính khi có bằng
  # chứng (evidence); nút nhận dữ liệu cá nhân bị coi là có lưu, mã hóa và thời hạn lưu chưa rõ.
""",
    """\
zones:
  - id: platform
    name: "Platform servers"
    country: VN                     # where its servers and data are (ISO 3166 code)
    operator: platform              # an id from operators
    # trust — government: the state's own | third-party: a contracted operator | untrusted: internet
    trust: third-party
  # - id: citizen-devices
  #   name: "Citizens' devices"
  #   country: VN
  #   operator: citizens
  #   trust: untrusted
nodes:
  - id: oa
    name: "Official account"
    kind: process                   # actor (a person) | process (software) | datastore | external
    zone: platform
    # retains — outside a government zone: false if the node keeps nothing it receives; left out: keeps it
    # retains: false
    # evidence: ["Contract with the operator, Art. …"]   # the documents proving retains
  # - id: citizen
  #   name: "Citizen"
  #   kind: actor
  #   zone: citizen-devices
  # - id: message-store
  #   name: "Message store"
  #   kind: datastore
  #   zone: platform
  #   stores: [phone]               # ids of the data kept in it
  #   encrypted_at_rest: unknown    # yes | no | unknown
  #   retention_days: 365           # days kept before deletion
  #   evidence: ["Contract with the operator, Art. …"]
  # Outside a government zone, retains, encrypted_at_rest and retention_days count only with
  # evidence; a node that receives personal data is presumed to keep it, encryption at rest and
  # retention unknown.
""",
)
"""The drawing of a proposal without a profile: the operator's zone and system, drawn."""

PLATFORM_DRAWING = (
    """\
zones: []
  # - id: may-chu-tinh
  #   name: "Hệ thống của tỉnh"
  #   country: VN
  #   operator: tinh                # mã trong operators
  #   trust: government             # government: của nhà nước | third-party: doanh nghiệp | untrusted
  # - id: thiet-bi-nguoi-dan
  #   name: "Thiết bị của người dân"
  #   country: VN
  #   operator: nguoi-dan
  #   trust: untrusted
nodes: []
  # - id: nguoi-dan
  #   name: "Người dân"
  #   kind: actor                   # actor (người) | process (phần mềm) | datastore (kho) | external
  #   zone: thiet-bi-nguoi-dan
  # - id: kho-ho-so
  #   name: "Cơ sở dữ liệu hồ sơ của tỉnh"
  #   kind: datastore
  #   zone: may-chu-tinh
  #   stores: [so-dien-thoai]       # mã các dữ liệu lưu trong kho
  #   encrypted_at_rest: unknown    # yes | no | unknown
  #   retention_days: 365           # số ngày lưu trước khi xóa
  # retains và evidence chỉ dùng cho nút ngoài vùng nhà nước (các nút của nền tảng lấy từ hồ sơ).
""",
    """\
zones: []
  # - id: province-systems
  #   name: "Province systems"
  #   country: VN
  #   operator: province            # an id from operators
  #   trust: government             # government: the state's own | third-party: contracted | untrusted
  # - id: citizen-devices
  #   name: "Citizens' devices"
  #   country: VN
  #   operator: citizens
  #   trust: untrusted
nodes: []
  # - id: citizen
  #   name: "Citizen"
  #   kind: actor                   # actor (a person) | process (software) | datastore | external
  #   zone: citizen-devices
  # - id: case-db
  #   name: "Province case database"
  #   kind: datastore
  #   zone: province-systems
  #   stores: [phone]               # ids of the data kept in it
  #   encrypted_at_rest: unknown    # yes | no | unknown
  #   retention_days: 365           # days kept before deletion
  # retains and evidence are only for nodes outside a government zone (the platform's come from
  # the profile).
""",
)
"""The drawing of a proposal on a profile: only the province's own part."""

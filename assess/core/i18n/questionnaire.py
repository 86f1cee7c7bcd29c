"""The words of the spreadsheet questionnaire (`assess questionnaire export`): sheet names,
column headers, choice words and the instructions sheet.

Every table is (Vietnamese, English) by key. A sheet's name is its Vietnamese half (what the
workbook shows and what import looks for); a column is headed by both halves and by its YAML
name, which is what import maps it by.
"""

from __future__ import annotations

SHEETS: dict[str, tuple[str, str]] = {
    "guide": ("Hướng dẫn", "Instructions"),
    "proposal": ("Hồ sơ", "Proposal"),
    "operators": ("Đơn vị vận hành", "Operators"),
    "services": ("Dịch vụ", "Services"),
    "data_subjects": ("Chủ thể dữ liệu", "Data subjects"),
    "data": ("Dữ liệu", "Data inventory"),
    "zones": ("Vùng", "Zones"),
    "nodes": ("Nút", "Nodes"),
    "flows": ("Luồng", "Flows"),
    "answers": ("Trả lời", "Answers"),
    "lists": ("Danh mục", "Lists"),
}
"""Sheet names: the workbook's sheet is named by the Vietnamese half."""

FIELDS: dict[str, tuple[str, str]] = {
    # the proposal sheet (one value per row)
    "id": ("Mã", "Id"),
    "title.vi": ("Tiêu đề (tiếng Việt)", "Title (Vietnamese)"),
    "title.en": ("Tiêu đề (tiếng Anh)", "Title (English)"),
    "submitted_by.organization.vi": ("Cơ quan đề xuất (tiếng Việt)",
                                     "Submitting body (Vietnamese)"),
    "submitted_by.organization.en": ("Cơ quan đề xuất (tiếng Anh)", "Submitting body (English)"),
    "submitted_by.unit.vi": ("Đơn vị vận hành dịch vụ (tiếng Việt)",
                             "Unit running the service (Vietnamese)"),
    "submitted_by.unit.en": ("Đơn vị vận hành dịch vụ (tiếng Anh)",
                             "Unit running the service (English)"),
    "submitted_by.contact.name": ("Người liên hệ", "Contact person"),
    "submitted_by.contact.email": ("Thư điện tử", "E-mail"),
    "submitted_by.contact.phone": ("Số điện thoại", "Telephone"),
    "submitted_by.place": ("Địa danh ghi ở dòng ngày tháng", "Place on the report's date line"),
    "submitted_by.symbol": ("Chữ viết tắt tên cơ quan trong ký hiệu 'Số: …/BC-…'",
                            "Body's abbreviation in 'No. …/BC-…'"),
    "submitted_by.number": ("Số văn bản (văn thư cấp; để trống nếu chưa có)",
                            "Document number (from the records office; blank if none yet)"),
    "submitted_by.signer.name": ("Người ký (họ và tên; trống: người liên hệ ký là người lập)",
                                 "Signer (full name; blank: the contact signs as preparer)"),
    "submitted_by.signer.position.vi": ("Chức vụ người ký (tiếng Việt)",
                                        "Signer's position (Vietnamese)"),
    "submitted_by.signer.position.en": ("Chức vụ người ký (tiếng Anh)",
                                        "Signer's position (English)"),
    "submitted_by.signer.authority": ("Ký thay (TM., KT., TL., TUQ., Q.; tùy chọn)",
                                      "Signing for another (TM., KT., TL., TUQ., Q.; optional)"),
    "submitted_by.signer.head.vi": ("Ký thay cho (chức vụ người đứng đầu, tiếng Việt)",
                                    "Signing for (the head's position, Vietnamese)"),
    "submitted_by.signer.head.en": ("Ký thay cho (tiếng Anh)", "Signing for (English)"),
    "submitted_by.recipients.vi": ("Nơi nhận (tiếng Việt; mỗi dòng một nơi; trống: cơ quan "
                                   "thẩm định)", "Recipients (Vietnamese; one per line; blank: "
                                   "the reviewing authority)"),
    "submitted_by.recipients.en": ("Nơi nhận (tiếng Anh; dòng thứ i dịch dòng thứ i)",
                                   "Recipients (English; line i translates line i)"),
    "submitted_by.drafting_unit": ("Đơn vị soạn thảo (viết tắt, in ở dòng 'Lưu: VT, …')",
                                   "Drafting unit (abbreviation, in 'Lưu: VT, …')"),
    "submitted_on": ("Ngày đề xuất (YYYY-MM-DD)", "Submitted on (YYYY-MM-DD)"),
    "checklist": ("Bộ tiêu chí (id@version) — không sửa", "Checklist (id@version) — do not edit"),
    "channel.name.vi": ("Tên kênh (tiếng Việt)", "Channel name (Vietnamese)"),
    "channel.name.en": ("Tên kênh (tiếng Anh)", "Channel name (English)"),
    "channel.platform": ("Hồ sơ nền tảng (id@version)", "Platform profile (id@version)"),
    "channel.operator": ("Đơn vị vận hành kênh (mã)", "Channel operator (id)"),
    "channel.operator_country": ("Quốc gia của đơn vị vận hành (mã ISO, ví dụ VN)",
                                 "Operator's country (ISO code, e.g. VN)"),
    "channel.kind": ("Loại kênh", "Kind of channel"),
    "channel.exclusive": ("Kênh duy nhất để nhận dịch vụ?", "Only way to get the service?"),
    "channel.url": ("Địa chỉ công khai của kênh", "Public address of the channel"),
    # columns of the list sheets
    "name": ("Tên", "Name"),
    "name.vi": ("Tên (tiếng Việt)", "Name (Vietnamese)"),
    "name.en": ("Tên (tiếng Anh)", "Name (English)"),
    "description.vi": ("Mô tả (tiếng Việt)", "Description (Vietnamese)"),
    "description.en": ("Mô tả (tiếng Anh)", "Description (English)"),
    "country": ("Quốc gia (mã ISO)", "Country (ISO code)"),
    "data": ("Dữ liệu (mã, cách nhau bằng dấu phẩy)", "Data (ids, comma-separated)"),
    "reaches_province_systems": ("Chuyển dữ liệu vào hệ thống của tỉnh?",
                                 "Reaches the province's systems?"),
    "category.vi": ("Nhóm chủ thể (tiếng Việt)", "Category (Vietnamese)"),
    "category.en": ("Nhóm chủ thể (tiếng Anh)", "Category (English)"),
    "count": ("Số lượng ước tính", "Estimated count"),
    "class": ("Phân loại", "Class"),
    "tags.identity-document-image": ("Ảnh giấy tờ tùy thân (căn cước, hộ chiếu…)?",
                                     "Image of an identity document (ID card, passport…)?"),
    "operator": ("Đơn vị vận hành (mã)", "Operator (id)"),
    "trust": ("Mức tin cậy", "Trust"),
    "kind": ("Loại", "Kind"),
    "zone": ("Vùng (mã)", "Zone (id)"),
    "stores": ("Dữ liệu lưu trữ (mã, cách nhau bằng dấu phẩy)", "Stores (data ids, comma-separated)"),
    "encrypted_at_rest": ("Mã hóa khi lưu trữ?", "Encrypted at rest?"),
    "retention_days": ("Thời gian lưu (ngày)", "Retention (days)"),
    "retains": ("Có lưu lại dữ liệu nhận được?", "Keeps what it receives?"),
    "evidence": ("Bằng chứng (mỗi dòng một tài liệu)", "Evidence (one document per line)"),
    "from": ("Từ nút (mã)", "From node (id)"),
    "to": ("Đến nút (mã)", "To node (id)"),
    "flow_data": ("Dữ liệu truyền (mã, cách nhau bằng dấu phẩy)", "Data carried (ids, comma-separated)"),
    "encryption": ("Mã hóa khi truyền", "Encryption in transit"),
    "authenticated": ("Bên gửi được xác thực?", "Sender authenticated?"),
    "purpose.vi": ("Mục đích (tiếng Việt)", "Purpose (Vietnamese)"),
    "purpose.en": ("Mục đích (tiếng Anh)", "Purpose (English)"),
    # the answers sheet
    "control": ("Kiểm soát", "Control"),
    "question": ("Yêu cầu", "Requirement"),
    "status": ("Trạng thái", "Status"),
    "note": ("Ghi chú", "Note"),
    "guidance": ("Cách kiểm tra", "How it is checked"),
    "expected": ("Bằng chứng cần có", "Evidence expected"),
    "legal_basis": ("Căn cứ pháp lý", "Legal basis"),
    "severity": ("Mức độ, bên chịu trách nhiệm", "Severity, owner"),
}
"""Column (or row) headers by the field's YAML name."""

LABELS: dict[str, tuple[str, str]] = {
    "field": ("Trường", "Field"),
    "yaml": ("Tên trong YAML", "YAML name"),
    "value": ("Giá trị", "Value"),
    "blocker": ("BẮT BUỘC — không đạt là không chấp thuận", "BLOCKER — failing it rejects"),
    "rule": ("tính từ luồng dữ liệu theo quy tắc", "decided from the data flows by rule"),
    "owner.province": ("tỉnh", "province"),
    "owner.operator": ("đơn vị vận hành", "operator"),
    "owner.shared": ("tỉnh và đơn vị vận hành", "province and operator"),
    "article": ("Điều", "Art."),
    "to_confirm": ("cần xác nhận", "to be confirmed"),
    "title": ("Phiếu đánh giá tác động an toàn dữ liệu khi cung cấp dịch vụ công qua kênh của bên thứ ba",
              "Questionnaire: data-security impact assessment of a third-party channel"),
}
"""Other words of the sheets."""

CHOICES: dict[str, tuple[str, str]] = {
    "true": ("Có", "Yes"),
    "false": ("Không", "No"),
    "yes": ("Có", "Yes"),
    "no": ("Không", "No"),
    "unknown": ("Chưa rõ", "Unknown"),
    "TM.": ("thay mặt tập thể", "on behalf of a collective body"),
    "KT.": ("cấp phó ký thay người đứng đầu", "a deputy signing for the head"),
    "TL.": ("thừa lệnh", "by order of"),
    "TUQ.": ("thừa ủy quyền", "by authorisation of"),
    "Q.": ("quyền (tạm giữ chức vụ)", "acting"),
    "official-account": ("Tài khoản chính thức (OA)", "Official account"),
    "social-page": ("Trang mạng xã hội", "Social page"),
    "chat-bot": ("Chatbot", "Chat bot"),
    "mini-app": ("Ứng dụng nhỏ (mini app)", "Mini app"),
    "saas-form": ("Biểu mẫu trực tuyến (SaaS)", "SaaS form"),
    "other": ("Khác", "Other"),
    "actor": ("Người dùng", "Actor"),
    "process": ("Phần mềm xử lý", "Process"),
    "datastore": ("Kho dữ liệu", "Datastore"),
    "external": ("Hệ thống bên ngoài", "External system"),
    "none": ("Không mã hóa", "None"),
    "tls": ("TLS (mã hóa đường truyền)", "TLS (in transit)"),
    "e2e": ("Mã hóa đầu-cuối", "End-to-end"),
}
"""The words shown beside the values of a dropdown that the report's words do not have
(statuses, data classes and trust levels come from `assess.core.i18n.WORDS`)."""

ALIASES: dict[str, tuple[str, ...]] = {
    "met": ("đạt", "dat", "yes", "có"),
    "partial": ("một phần", "mot phan", "đạt một phần", "dat mot phan", "partly met",
                "partly", "một phần đạt"),
    "not-met": ("không đạt", "khong dat", "not met", "no", "chưa đạt", "chua dat"),
    "not-applicable": ("không áp dụng", "khong ap dung", "n/a", "na", "not applicable"),
    "unknown": ("chưa rõ", "chua ro", "không rõ", "khong ro", "?"),
    "true": ("có", "co", "yes", "đúng", "x"),
    "false": ("không", "khong", "no", "sai"),
}
"""What a person may type for a value, read back only to say 'did you mean …?' (never taken
as the value: a dropdown's value is its YAML word)."""

GUIDE: tuple[tuple[str, str], ...] = (
    ("Phiếu này là hồ sơ đề xuất sử dụng kênh bên thứ ba, dạng bảng tính. Điền các trang tính "
     "theo thứ tự, rồi gửi lại tệp (.xlsx) cho đơn vị thẩm định.",
     "This workbook is a proposal to use a third-party channel, as a spreadsheet. Fill in the "
     "sheets in order, then send the file (.xlsx) back to the reviewing body."),
    ("Hồ sơ: thông tin chung của hồ sơ và của kênh. Mỗi dòng là một trường, điền ở cột Giá trị.",
     "Hồ sơ (Proposal): the proposal's and the channel's identity. One field per row; fill in "
     "the Value column."),
    ("Đơn vị vận hành, Dịch vụ, Chủ thể dữ liệu, Dữ liệu, Vùng, Nút, Luồng: mỗi dòng một mục. "
     "Các mục tham chiếu nhau bằng mã (cột Mã), ví dụ một luồng đi từ nút có mã 'oa' đến nút "
     "có mã 'his'.",
     "Operators, Services, Data subjects, Data, Zones, Nodes, Flows: one item per row. Items "
     "refer to each other by id (the Id column), e.g. a flow goes from node 'oa' to node 'his'."),
    ("Trả lời: mỗi dòng một kiểm soát của bộ tiêu chí. Chọn Trạng thái trong danh sách, ghi "
     "Bằng chứng (mỗi dòng một tài liệu: tên, số, ngày) và Ghi chú. Các cột khác chỉ để đọc.",
     "Trả lời (Answers): one control of the checklist per row. Choose the Status from the list, "
     "write the Evidence (one document per line: name, number, date) and a Note. The other "
     "columns are for reading only."),
    ("Trạng thái: met — Đạt; partial — Đạt một phần; not-met — Không đạt; not-applicable — "
     "Không áp dụng; unknown — Chưa rõ. Để trống cả dòng nếu chưa trả lời.",
     "Status: met; partial (partly met); not-met; not-applicable; unknown. Leave the whole row "
     "empty when there is no answer yet."),
    ("Ngày ghi theo dạng YYYY-MM-DD (ví dụ 2026-03-15). Số ghi bằng chữ số, không có dấu phân "
     "cách hàng nghìn. Danh sách mã cách nhau bằng dấu phẩy.",
     "Dates as YYYY-MM-DD (e.g. 2026-03-15). Numbers in digits, without thousands separators. "
     "Lists of ids separated by commas."),
    ("Không đổi tên, xóa hoặc thêm trang tính; không gộp ô. Các dòng được nhận biết theo mã, "
     "không theo vị trí: có thể sắp xếp lại dòng. Xóa một dòng của trang Trả lời nghĩa là "
     "kiểm soát đó chưa được trả lời.",
     "Do not rename, delete or add sheets; do not merge cells. Rows are matched by id, not by "
     "position: rows may be reordered. Deleting a row of the Answers sheet leaves that control "
     "unanswered."),
    ("Đọc lại thành tệp YAML và kiểm tra: assess questionnaire import phieu.xlsx -o ho-so.yaml, "
     "rồi assess validate ho-so.yaml và assess score ho-so.yaml. Mọi giá trị được kiểm tra "
     "lại khi đọc; lỗi được báo theo ô, ví dụ Trả lời!D14.",
     "Read it back as YAML and check it: assess questionnaire import form.xlsx -o proposal.yaml, "
     "then assess validate proposal.yaml and assess score proposal.yaml. Every value is checked "
     "again on import; problems are reported by cell, e.g. Trả lời!D14."),
)
"""The instructions sheet, one paragraph per row: Vietnamese, then English beside it."""

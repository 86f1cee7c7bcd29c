"""The report's own words in both languages (shared interface words live in assess.core.i18n)."""

from __future__ import annotations

from assess.core.i18n import Lang, pick, t

WORDS: dict[str, tuple[str, str]] = {
    # Decree 30/2020 header and closing
    "nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
    "motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "number_line": ("Số: {number}/BC-{symbol}", "No. {number}/BC-{symbol}"),
    "doc_kind": ("BÁO CÁO", "REPORT"),
    "doc_title": ("Đánh giá tác động an toàn dữ liệu khi cung cấp dịch vụ công qua kênh {channel}",
                  "Data-security impact assessment of public services through {channel}"),
    "doc_title_review": ("Kết quả thẩm định đánh giá tác động an toàn dữ liệu khi cung cấp dịch vụ "
                         "công qua kênh {channel}",
                         "Appraisal result: data-security impact assessment of public services "
                         "through {channel}"),
    "doc_subject": ("Hồ sơ: {title}", "Proposal: {title}"),
    "sign_here": ("(Chữ ký số)", "(Digital signature)"),
    "recipients": ("Nơi nhận:", "Recipients:"),
    "to_reviewer": ("Cơ quan thẩm định (kèm hồ sơ);", "The reviewing authority (with the file);"),
    "to_submitter": ("{org} (kèm kết quả thẩm định);", "{org} (with the review);"),
    "archive": ("Lưu: VT.", "File: records office."),
    "archive_unit": ("Lưu: VT, {unit}.", "File: records office, {unit}."),
    "toc": ("MỤC LỤC", "CONTENTS"),
    "closing": ("Báo cáo được lập bằng công cụ {tool} từ hồ sơ và bộ tiêu chí nêu tại Phụ lục II; "
                "kết quả đánh giá (JSON) và các tệp đầu vào được đính kèm trong tệp PDF này.",
                "This report was produced with {tool} from the proposal and the checklist "
                "identified in Annex II; the assessment (JSON) and the input files are attached "
                "to this PDF."),
    "requirement": ("Yêu cầu", "Requirement"),
    # section titles
    "s_summary": ("Tóm tắt và kết luận", "Summary and verdict"),
    "s_scope": ("Phạm vi đánh giá", "Scope"),
    "s_flows": ("Sơ đồ và luồng dữ liệu", "Data-flow diagram and flows"),
    "s_exposure": ("Ma trận tiếp cận dữ liệu", "Exposure matrix"),
    "s_domains": ("Điểm theo lĩnh vực", "Domain scores"),
    "s_risk": ("Ma trận rủi ro", "Risk matrix"),
    "s_findings": ("Các phát hiện", "Findings"),
    "s_review": ("Kết quả thẩm định", "Review"),
    "s_annex_controls": ("Phụ lục I. Kết quả từng kiểm soát", "Annex I. Result of every control"),
    "s_annex_identity": ("Phụ lục II. Định danh và phương pháp tính điểm",
                         "Annex II. Identity and scoring method"),
    # summary
    "proposal_id": ("Mã hồ sơ", "Proposal id"),
    "submitted_by": ("Đơn vị đề xuất", "Submitted by"),
    "submitted_on": ("Ngày nộp", "Submitted on"),
    "reviewed_by": ("Đơn vị thẩm định", "Reviewed by"),
    "reviewed_on": ("Ngày thẩm định", "Reviewed on"),
    "as_of": ("Thời điểm đánh giá", "Assessed as of"),
    "computed_verdict": ("Kết luận tính theo tiêu chí", "Verdict computed from the controls"),
    "risk_value": ("{rating} (tác động {impact} × khả năng {likelihood})",
                   "{rating} (impact {impact} × likelihood {likelihood})"),
    "counts": ("Số kiểm soát áp dụng theo kết quả", "Applicable controls by result"),
    "not_applicable_n": ("không áp dụng: {n}", "not applicable: {n}"),
    # scope
    "channel_name": ("Tên kênh", "Channel"),
    "operator_country": ("Quốc gia của đơn vị vận hành", "Operator's country"),
    "channel_kind": ("Loại kênh", "Kind"),
    "exclusive": ("Kênh duy nhất để nhận dịch vụ", "Only way to get the service"),
    "url": ("Địa chỉ", "Address"),
    "services": ("Dịch vụ cung cấp qua kênh", "Services through the channel"),
    "service": ("Dịch vụ", "Service"),
    "description": ("Mô tả", "Description"),
    "data_used": ("Dữ liệu sử dụng", "Data used"),
    "inventory": ("Danh mục dữ liệu", "Data inventory"),
    "name": ("Tên", "Name"),
    "class": ("Phân loại", "Class"),
    "subjects": ("Chủ thể dữ liệu", "Data subjects"),
    "category": ("Nhóm", "Category"),
    "count": ("Số lượng ước tính", "Estimated number"),
    "zones": ("Vùng tin cậy", "Trust zones"),
    "trust": ("Mức tin cậy", "Trust"),
    "facts": ("Đặc điểm xác định phạm vi áp dụng", "Facts that decide which controls apply"),
    "fact_true": ("Đúng", "True"),
    "fact_false": ("Không", "False"),
    "because": ("do", "because of"),
    "none": ("Không có.", "None."),
    # flows
    "diagram_caption": ("Sơ đồ luồng dữ liệu; các khung là vùng tin cậy; #n trên một luồng là "
                        "số thứ tự của luồng trong bảng các luồng dữ liệu.",
                        "Data-flow diagram; boxes are trust zones; #n on a flow is its number in "
                        "the table of data flows."),
    "diagram_budget": ("Không vẽ sơ đồ: hồ sơ quá lớn để vẽ rõ trên một trang trong giới hạn "
                       "thời gian và bộ nhớ ({nodes} nút, {flows} luồng dữ liệu). Các luồng dữ "
                       "liệu được liệt kê trong bảng dưới đây.",
                       "No diagram: the proposal is too large to draw legibly on a page within "
                       "the time and memory allowed ({nodes} nodes, {flows} data flows). The "
                       "data flows are listed in the table below."),
    "diagram_missing": ("Không có sơ đồ (hồ sơ không khai báo nút hoặc luồng dữ liệu).",
                        "No diagram (the proposal declares no nodes or flows)."),
    "flows": ("Các luồng dữ liệu", "Data flows"),
    "from": ("Từ", "From"),
    "to": ("Đến", "To"),
    "encryption": ("Mã hóa", "Encryption"),
    "authenticated": ("Xác thực", "Authen\u00adticated"),  # a soft hyphen: a narrow column
    "purpose": ("Mục đích", "Purpose"),
    "crosses": ("qua ranh giới vùng", "crosses a zone boundary"),
    "enc_none": ("Không", "None"),
    "enc_tls": ("TLS", "TLS"),
    "enc_e2e": ("Đầu-cuối", "End-to-end"),
    "enc_unknown": ("Chưa rõ", "Unknown"),
    # exposure
    "exposure_intro": ("Đơn vị vận hành nào đọc được dữ liệu nào (theo vùng dữ liệu đi qua và "
                       "được lưu).",
                       "Which operator can read which data (from the zones it passes through "
                       "and rests in)."),
    "mark_rest": ("lưu trữ", "stores it"),
    "mark_transit": ("đọc khi truyền", "reads it in transit"),
    "mark_e2e": ("chỉ nhận bản mã đầu-cuối", "receives it end-to-end encrypted only"),
    "legend": ("Chú thích", "Legend"),
    # domains and risk
    "earned": ("Điểm đạt / tối đa", "Earned / possible"),
    "approve_line": ("ngưỡng chấp thuận", "approval threshold"),
    "conditional_line": ("ngưỡng có điều kiện", "conditional threshold"),
    "chart_domains": ("Điểm theo lĩnh vực (0–100)", "Domain scores (0–100)"),
    "chart_risk": ("Ma trận rủi ro: tác động × khả năng xảy ra",
                   "Risk matrix: impact × likelihood"),
    "risk_here": ("kết quả", "result"),
    "risk_self": ("tự đánh giá", "self-assessment"),
    "impact_because": ("Căn cứ mức tác động", "Why this impact"),
    "likelihood_because": ("Kiểm soát xác định khả năng xảy ra", "Controls that set the likelihood"),
    # findings
    "finding": ("Phát hiện", "Finding"),
    "kind": ("Loại", "Kind"),
    "legal_basis": ("Căn cứ pháp lý", "Legal basis"),
    "path": ("Đường đi dữ liệu", "Data path"),
    "evidence": ("Bằng chứng", "Evidence"),
    "evidence_expected": ("Bằng chứng cần có", "Evidence expected"),
    "remediation": ("Khắc phục", "Remediation"),
    "no_findings": ("Không có phát hiện nào.", "No findings."),
    "more_paths": ("… và {n} đường đi khác (tất cả có trong tệp assessment.json đính kèm)",
                   "… and {n} more paths (all are in the attached assessment.json)"),
    "undrawn": ("(luồng không được vẽ)", "(a flow not drawn)"),
    "as_in": ("yêu cầu, căn cứ pháp lý, bằng chứng và khắc phục: như phát hiện {id}",
              "requirement, legal basis, evidence and remediation: as in finding {id}"),
    "good_practice": ("Thực hành tốt — không có căn cứ pháp lý bắt buộc",
                      "Good practice — no binding legal basis"),
    "to_confirm_see": ("Trích dẫn có dấu * chưa được xác nhận với văn bản chính thức: xem Phụ "
                       "lục II.", "Citations marked * are not confirmed against the official "
                       "text: see Annex II."),
    "to_confirm_title": ("Trích dẫn cần xác nhận", "Citations to confirm"),
    "to_confirm_note": ("Các trích dẫn dưới đây (đánh dấu * trong báo cáo) chưa được xác nhận với "
                        "văn bản chính thức: mới dựa trên một nguồn hoặc nguồn thứ cấp, cần đối "
                        "chiếu với văn bản gốc trước khi dùng làm căn cứ.",
                        "The citations below (marked * in the report) are not confirmed against "
                        "the official text: they rest on a single or secondary source and must be "
                        "checked against the official text before they are relied on."),
    "article": ("Điều {n}", "Article {n}"),
    "articles": ("từ Điều {first} đến Điều {last}", "Articles {first}–{last}"),
    "articles_two": ("Điều {first} và Điều {last}", "Articles {first}–{last}"),
    "clause": ("khoản {n}", "paragraph {n}"),
    "point": ("điểm {n}", "point {n}"),
    "cited_in": ("{where} {doc}", "{where} of the {doc}"),
    "doc_numbered": ("{doc} số {number}", "{doc} (No. {number})"),
    "doc_coded": ("{doc} {number}", "{doc} ({number})"),
    "doc_kind_numbered": ("{kind} số {number} {rest}", "{kind} No. {number} {rest}"),
    "to_confirm": ("cần xác nhận", "to confirm"),
    "blocker_mark": ("bắt buộc", "blocker"),
    "kind_not-met": ("Không đạt", "Not met"),
    "kind_partial": ("Đạt một phần", "Partly met"),
    "kind_unknown": ("Chưa rõ", "Unknown"),
    "kind_rule": ("Quy tắc luồng dữ liệu", "Data-flow rule"),
    "kind_contradiction": ("Mâu thuẫn khai báo", "Contradiction"),
    "kind_hygiene": ("Khuyến nghị", "Hygiene"),
    "kind_declared-na": ("Khai báo không áp dụng", "Declared not applicable"),
    "kind_unconfirmed": ("Chưa được chứng minh", "Not shown"),
    "kind_presumed": ("Giả định", "Presumed"),
    "kind_settled": ("Đã làm rõ bằng bằng chứng", "Settled by evidence"),
    "note": ("Ghi chú", "Note"),
    # review
    "compare": ("So sánh kết luận", "Verdicts side by side"),
    "compare_item": ("Nội dung", "Item"),
    "self_col": ("Tự đánh giá của đơn vị đề xuất", "Self-assessment"),
    "review_col": ("Kết quả thẩm định", "Review"),
    "risk_rating": ("Mức rủi ro (tác động × khả năng)", "Risk rating (impact × likelihood)"),
    "controls_with": ("Số kiểm soát {status}", "Controls {status}"),
    "decision_why": ("Lý do quyết định của người thẩm định", "Why the reviewer decided otherwise"),
    "overrides": ("Điều chỉnh của người thẩm định", "The reviewer's overrides"),
    "overrides_intro": ("Kiểm soát có kết quả do người thẩm định xác định; kết quả in đậm trong "
                        "khung là kết quả đã thay đổi so với tự đánh giá.",
                        "Controls whose result the reviewer set; a result in bold and framed "
                        "differs from the self-assessment."),
    "no_overrides": ("Người thẩm định không điều chỉnh kết quả kiểm soát nào.",
                     "The reviewer changed no control's result."),
    "before_review": ("Trước thẩm định", "Before"),
    "after_review": ("Sau thẩm định", "After"),
    "reviewer_conditions": ("Người thẩm định và điều kiện kèm theo", "Reviewer and conditions"),
    "position": ("Chức vụ", "Position"),
    "organisation": ("Cơ quan", "Organisation"),
    "conditions": ("Điều kiện kèm theo", "Conditions"),
    "condition": ("Điều kiện", "Condition"),
    "due": ("Thời hạn", "Due"),
    "owner": ("Đơn vị thực hiện", "Responsible"),
    "condition_met": ("đã đáp ứng", "met"),
    "condition_waived": ("được miễn", "waived"),
    "decision": ("Quyết định của người thẩm định", "Reviewer's decision"),
    "no_conditions": ("Không có điều kiện.", "No conditions."),
    # annex
    "declared_status": ("Tự khai", "Declared"),
    "value": ("Giá trị", "Value"),
    "rationale": ("Lý do thẩm định", "Review rationale"),
    "checklist_id": ("Mã bộ tiêu chí", "Checklist id"),
    "version": ("Phiên bản", "Version"),
    "title": ("Tên", "Title"),
    "sha_checklist": ("SHA-256 tệp bộ tiêu chí", "Checklist file SHA-256"),
    "sha_proposal": ("SHA-256 tệp hồ sơ", "Proposal file SHA-256"),
    "sha_review": ("SHA-256 tệp thẩm định", "Review file SHA-256"),
    "sha_platform": ("SHA-256 tệp hồ sơ nền tảng", "Platform profile file SHA-256"),
    "tool": ("Công cụ", "Tool"),
    "attachments": ("Tệp đính kèm trong PDF", "Files attached to this PDF"),
    "method": ("Cách tính điểm", "How the score is computed"),
    "method_text": (
        "Mỗi kiểm soát áp dụng có trọng số theo mức độ và giá trị theo kết quả; kiểm soát không "
        "áp dụng không được tính. Điểm lĩnh vực = Σ trọng số × giá trị / Σ trọng số × 100; điểm "
        "chung = trung bình các điểm lĩnh vực theo trọng số lĩnh vực. Một kiểm soát bắt buộc "
        "không đạt hoặc chưa rõ dẫn đến không chấp thuận; đạt một phần thì tối đa là chấp thuận "
        "có điều kiện.",
        "Each applicable control has a weight from its severity and a value from its result; "
        "controls that do not apply are left out. Domain score = Σ weight × value / Σ weight × "
        "100; overall score = the domain scores averaged by domain weight. A blocking control "
        "not met or unknown rejects the proposal; a partly met one caps the verdict at "
        "conditional."),
    "severity_weights": ("Trọng số theo mức độ", "Severity weights"),
    "status_values": ("Giá trị theo kết quả", "Status values"),
    "thresholds": ("Ngưỡng kết luận", "Verdict thresholds"),
    "risk_method": ("Cách xác định mức rủi ro", "How the risk rating is set"),
    "class_levels": ("Mức tác động theo loại dữ liệu", "Impact level by data class"),
    "step_up": ("Tăng một mức tác động khi số chủ thể dữ liệu từ {n} trở lên",
                "Impact rises one level at {n} data subjects or more"),
    "likelihood_levels": ("Khả năng xảy ra theo mức độ của kiểm soát không đạt",
                          "Likelihood by severity of a failed control"),
    "step_down": ("Kiểm soát đạt một phần: giảm {n} mức", "A partly met control: {n} level(s) less"),
    "attach_json": ("Kết quả đánh giá (JSON)", "The assessment (JSON)"),
    "attach_proposal": ("Tệp hồ sơ", "The proposal file"),
    "attach_checklist": ("Tệp bộ tiêu chí", "The checklist file"),
    "attach_platform": ("Tệp hồ sơ nền tảng", "The platform profile file"),
    "attach_review": ("Tệp thẩm định", "The review file"),
    # classes, trust, kinds, owners
    "ck_official-account": ("Tài khoản chính thức (OA)", "Official account"),
    "ck_social-page": ("Trang mạng xã hội", "Social-network page"),
    "ck_chat-bot": ("Chatbot", "Chat bot"),
    "ck_mini-app": ("Ứng dụng nhỏ (mini app)", "Mini app"),
    "ck_saas-form": ("Biểu mẫu trực tuyến (SaaS)", "SaaS form"),
    "ck_other": ("Khác", "Other"),
}


def w(key: str, lang: Lang, **fmt: object) -> str:
    """The report word for `key` (falling back to the shared words), formatted with `fmt`."""
    pair = WORDS.get(key)
    text = t(key, lang) if pair is None else pick(pair, lang)
    return text.format(**fmt) if fmt else text

"""Words of the portfolio (terminal, CSV and the portfolio's other outputs), (vi, en) by key."""

from __future__ import annotations

PORTFOLIO: dict[str, tuple[str, str]] = {
    "title": ("Tổng hợp kết quả đánh giá trên cả nước", "The national portfolio"),
    "as_of": ("tính đến ngày {day}", "as of {day}"),
    "place": ("Tỉnh, thành phố", "Province or city"),
    "province": ("Cơ quan đề xuất", "Proposed by"),
    "proposal": ("Đề xuất", "Proposal"),
    "channel": ("Kênh", "Channel"),
    "platform": ("Nền tảng", "Platform"),
    "checklist": ("Bộ tiêu chí", "Checklist"),
    "state": ("Trạng thái", "State"),
    "state.self-assessed": ("Tự đánh giá", "Self-assessed"),
    "state.reviewed": ("Đã thẩm định", "Reviewed"),
    "self_verdict": ("Kết luận tự đánh giá", "Self-assessed verdict"),
    "reviewed_verdict": ("Kết luận thẩm định", "Reviewed verdict"),
    "verdict": ("Kết luận", "Verdict"),
    "score": ("Điểm", "Score"),
    "risk": ("Rủi ro", "Risk"),
    "failing_blockers": ("Tiêu chí bắt buộc chưa đạt", "Failing blockers"),
    "conditions_open": ("Điều kiện chưa hoàn thành", "Open conditions"),
    "conditions_overdue": ("Điều kiện quá hạn", "Overdue conditions"),
    "newer_checklist": ("Có phiên bản bộ tiêu chí mới hơn", "Newer checklist released"),
    "law_ended": ("Văn bản được viện dẫn đã hết hiệu lực", "Cited law no longer in force"),
    "superseded": ("Lý do cần đánh giá lại", "Why re-assess"),
    "again.checklist": ("đã có bộ tiêu chí {ref}", "checklist {ref} released"),
    "again.law": ("{n} văn bản viện dẫn hết hiệu lực", "cited law no longer in force: {n}"),
    "heat": ("Điểm theo lĩnh vực", "Scores by domain"),
    "heat_note": ("Xanh: từ 85; vàng: từ 50; đỏ: dưới 50 (ngưỡng của bộ tiêu chí); —: không "
                  "áp dụng.", "Green: 85 or more; yellow: 50 or more; red: below 50 (the "
                  "checklist's thresholds); —: not applicable."),
    "exposure": ("Dữ liệu của người dân theo đơn vị nắm giữ",
                 "Citizens' data by who holds it"),
    "rows_sheet": ("Tổng hợp", "Portfolio"),
    "exposure_sheet": ("Dữ liệu theo đơn vị", "Data by operator"),
    "operator": ("Đơn vị", "Operator"),
    "country": ("Quốc gia", "Country"),
    "personal": ("Số người có dữ liệu cá nhân do đơn vị nắm giữ", "People with personal data held"),
    "sensitive": ("Số người có dữ liệu cá nhân nhạy cảm do đơn vị nắm giữ",
                  "People with sensitive personal data held"),
    "proposals": ("Số đề xuất", "Proposals"),
    "exposure_note": (
        "Mỗi đề xuất tính một lần cho mỗi đơn vị lưu trữ hoặc đọc được dữ liệu, với tổng số "
        "chủ thể dữ liệu của đề xuất; không tính thiết bị của chính người dân.",
        "Each proposal counts once for each operator that stores or can read its data, with "
        "all its data subjects; citizens' own devices are not counted."),
    "none": ("—", "—"),
    "newer_platform": ("Có phiên bản hồ sơ nền tảng mới hơn", "Newer platform profile released"),
    "assessed_on": ("Ngày đánh giá", "Assessed on"),
    "update_due": ("Hạn cập nhật", "Update due"),
    "again.platform": ("đã có hồ sơ nền tảng {ref}", "platform profile {ref} released"),
    "due.conditions": ("Điều kiện quá hạn tính đến ngày {day}", "Conditions overdue on {day}"),
    "due.condition": ("Điều kiện", "Condition"),
    "due.text": ("Nội dung", "What must be done"),
    "due.owner": ("Đơn vị thực hiện", "Owner"),
    "due.due": ("Hạn", "Due"),
    "due.days": ("Số ngày quá hạn", "Days overdue"),
    "due.updates": ("Hồ sơ đánh giá đến hạn cập nhật định kỳ sáu tháng",
                    "Assessments due for their six-monthly update"),
    "due.updates_note": (
        "Điều 22 Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15: cập nhật đánh giá tác động sáu "
        "tháng một lần, hoặc ngay khi có thay đổi theo quy định (chi tiết tại Điều 20 Nghị định "
        "356/2025/NĐ-CP: cần xác nhận); tính từ ngày Luật có hiệu lực với đánh giá lập trước đó; "
        "đề xuất không được chấp thuận không tính.",
        "Law 91/2025/QH15 on Personal Data Protection, Art. 22: the impact assessment is updated "
        "every six months, or at once on the changes it lists (Decree 356/2025 Art. 20's "
        "details: to confirm); counted from the Law's entry into force for an earlier "
        "assessment; rejected proposals are left out."),
    "due.changed": ("Cần đánh giá lại vì bộ tiêu chí, hồ sơ nền tảng hoặc văn bản viện dẫn đã "
                    "thay đổi", "To re-assess: the checklist, the platform profile or the law "
                    "cited has changed"),
    "due.nothing": ("Không có gì đến hạn.", "Nothing is due."),
    "rows": ("Các đề xuất", "The proposals"),
    "superseded_count": ("cần đánh giá lại", "to re-assess"),
    "more_operators": ("Và {n} đơn vị khác (xem bảng tính hoặc tệp JSON).",
                       "And {n} more operators (see the workbook or the JSON file)."),
}

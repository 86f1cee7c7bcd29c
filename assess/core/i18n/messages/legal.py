"""Messages of the legal register (see `assess.core.i18n.messages`): (Vietnamese, English) by key.

What a policy team reads when the register, or a checklist's citation of it, is wrong, and when
`assess legal status` says which controls rest on law no longer in force.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ── the register itself ──
    "legal.register.duplicate_id": (
        "mã văn bản '{id}' đã có ở mục thứ {first}; mỗi văn bản chỉ ghi một lần",
        "register id '{id}' is already entry {first}; each instrument is listed once"),
    "legal.register.duplicate_number": (
        "số hiệu {number} đã thuộc văn bản '{other}'; một số hiệu chỉ thuộc một văn bản",
        "number {number} already belongs to '{other}'; a number names one instrument"),
    "legal.register.before_issued": (
        "'{id}': ngày có hiệu lực {day} trước ngày ban hành {issued}",
        "'{id}': in force on {day}, before it was issued on {issued}"),
    "legal.register.unknown_by": (
        "không có văn bản '{id}' trong sổ đăng ký; hãy thêm văn bản đó hoặc ghi mã đã có "
        "({known})",
        "no instrument '{id}' in the register; add it, or write an id it has ({known})"),
    "legal.register.ends_itself": (
        "'{id}' không thể tự chấm dứt hiệu lực của chính nó; ghi văn bản thay thế trong by",
        "'{id}' cannot end itself; name the instrument that replaces it in by"),
    "legal.register.empty_end": (
        "'{id}': ended cần ít nhất ngày hết hiệu lực (day) hoặc văn bản thay thế (by)",
        "'{id}': ended needs at least the day it ends (day) or what replaces it (by)"),
    "legal.register.ends_before": (
        "'{id}': ngày hết hiệu lực {day} trước ngày bắt đầu {start}",
        "'{id}': ends on {day}, before it began on {start}"),
    # ── citations in a checklist ──
    "legal.cite.unknown_ref": (
        "sổ đăng ký văn bản ({register}) không có '{ref}'; hãy ghi một mã có trong sổ "
        "({near}) hoặc thêm văn bản vào sổ; xem assess legal status",
        "the legal register ({register}) has no '{ref}'; write an id it has ({near}) "
        "or add the instrument to it; see assess legal status"),
    "legal.cite.no_ref": (
        "căn cứ không nêu văn bản; hãy ghi ref: <mã> của một văn bản trong sổ đăng ký "
        "({register}), ví dụ ref: decree-356-2025 (assess legal status liệt kê các mã)",
        "the citation names no instrument; write ref: <id> of one in the legal register "
        "({register}), e.g. ref: decree-356-2025 (assess legal status lists them)"),
    "legal.cite.point_without_clause": (
        "điểm {point} cần khoản của nó; hãy ghi thêm clause, ví dụ clause: \"4\"",
        "point {point} needs its clause; add clause, e.g. clause: \"4\""),
    "legal.cite.clause_without_article": (
        "khoản {clause} cần điều của nó; hãy ghi thêm article, ví dụ article: \"12\"",
        "clause {clause} needs its article; add article, e.g. article: \"12\""),
    "legal.cite.number_mismatch": (
        "số hiệu {number} không phải số hiệu của '{ref}' trong sổ đăng ký ({register}); bỏ "
        "number, số hiệu lấy từ sổ",
        "number {number} is not the number of '{ref}' in the legal register ({register}); "
        "leave number out: it is read from the register"),
    "legal.cite.unknown_number": (
        "sổ đăng ký văn bản ({register}) không có văn bản số {number}; hãy ghi ref: <mã> của "
        "một văn bản trong sổ ({near}) hoặc thêm văn bản vào sổ",
        "the legal register ({register}) has no instrument numbered {number}; write ref: <id> "
        "of one it has ({near}) or add the instrument to it"),
    # ── lint of a checklist against the register ──
    "legal.lint.none_in_force": (
        "kiểm soát {id}: không căn cứ nào còn hiệu lực vào ngày {day} (ngày bộ tiêu chí có "
        "hiệu lực): {cited}; hãy dẫn văn bản đang có hiệu lực{instead}, có thể giữ căn cứ cũ "
        "bên cạnh",
        "control {id}: none of its citations is in force on {day} (the checklist's "
        "effective_from): {cited}; cite an instrument in force{instead}, keeping the older "
        "citation beside it if you wish"),
    "legal.lint.none_in_force.released": (
        "kiểm soát {id} của phiên bản đã phát hành: không căn cứ nào còn hiệu lực vào ngày {day}: "
        "{cited}; phiên bản đã phát hành không sửa được: hãy phát hành phiên bản mới dẫn văn "
        "bản đang có hiệu lực{instead}",
        "control {id} of a released version: none of its citations is in force on {day}: "
        "{cited}; a released version cannot change: release a new one citing an instrument in "
        "force{instead}"),
    "legal.lint.instead": (" (thay thế: {ids})", " (replaced by: {ids})"),
    "legal.lint.to_confirm": (
        "bộ tiêu chí có căn cứ cần xác minh ở {n} văn bản (văn bản, hoặc nội dung điều khoản "
        "được dẫn, chưa được đối chiếu với văn bản chính thức): {ids}; cần đối chiếu Công báo "
        "(congbao.chinhphu.vn, vbpl.vn) trước khi chỉ dựa vào các căn cứ đó",
        "the checklist has citations to confirm in {n} instruments (the instrument, or the "
        "content of the provision cited, not yet checked against an official text): {ids}; "
        "check them against the official gazette (congbao.chinhphu.vn, vbpl.vn) before relying "
        "on them alone"),
    # ── assess legal status ──
    "legal.state.in-force": ("còn hiệu lực", "in force"),
    "legal.state.not-yet": ("chưa có hiệu lực", "not yet in force"),
    "legal.state.ended": ("hết hiệu lực", "no longer in force"),
    "legal.state.unknown": ("chưa rõ ngày hiệu lực", "in-force day unknown"),
    "legal.to_confirm": ("cần xác minh", "to confirm"),
    "legal.since": ("từ {day}", "since {day}"),
    "legal.until": ("đến {day}", "until {day}"),
    "legal.by": ("thay thế bởi {ids}", "replaced by {ids}"),
    "legal.status.title": ("Sổ đăng ký văn bản pháp luật vào ngày {day}",
                           "Legal register on {day}"),
    "legal.status.checked": ("Sổ được kiểm tra lần cuối ngày {day} ({file}).",
                             "Register last checked on {day} ({file})."),
    "legal.status.rests": (
        "{ref}: {n} kiểm soát dẫn văn bản không có hiệu lực vào ngày {day}",
        "{ref}: {n} controls cite law not in force on {day}"),
    "legal.status.rests.none": (
        "{ref}: mọi văn bản được dẫn đều có hiệu lực vào ngày {day}",
        "{ref}: every instrument cited is in force on {day}"),
    "legal.status.only": ("không căn cứ nào có hiệu lực", "no citation in force"),
    "legal.status.beside": ("có căn cứ còn hiệu lực bên cạnh", "has a citation in force beside it"),
    "legal.status.bad_date": (
        "{value}: ngày phải viết YYYY-MM-DD, ví dụ 2026-12-01",
        "{value}: write the day as YYYY-MM-DD, e.g. 2026-12-01"),
    "legal.col.id": ("Mã", "Id"),
    "legal.col.number": ("Số hiệu", "Number"),
    "legal.col.title": ("Tên văn bản", "Title"),
    "legal.col.state": ("Hiệu lực", "Standing"),
    "legal.status.no_day": (
        "{value}: không có ngày này (tháng từ 01 đến 12, ngày có trong tháng đó)",
        "{value}: there is no such day (months 01 to 12, a day the month has)"),
    "legal.lint.ok": ("{file}: sổ đăng ký hợp lệ ({n} văn bản)", "{file}: register valid ({n} instruments)"),
}

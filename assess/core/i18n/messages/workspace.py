"""Messages of the review workspace (see `assess.core.i18n.messages`): (Vietnamese, English) by key.

What an administrator reads at the console (accounts, migrations, audit, backups) and what a
province or ministry user is told when a dossier cannot be found or an action is not theirs.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "workspace.not_found": (
        "không tìm thấy {what} số {id}",
        "no {what} number {id}"),
    "workspace.noun.dossier": ("hồ sơ", "dossier"),
    "workspace.noun.version": ("phiên bản", "version"),
    "workspace.noun.blob": ("tệp", "file"),
    "workspace.noun.format": ("định dạng tệp", "file format"),
    "workspace.noun.organisation": ("đơn vị", "organisation"),
    "workspace.noun.user": ("tài khoản", "account"),
    "workspace.forbidden": (
        "vai trò {role} không được {action}; cần vai trò {needed}",
        "the {role} role may not {action}; it needs the {needed} role"),
    "workspace.action.create_dossier": ("tạo hồ sơ", "create a dossier"),
    "workspace.action.upload": ("nộp phiên bản mới", "upload a version"),
    "workspace.action.submit": ("gửi hồ sơ", "submit a dossier"),
    "workspace.action.manage": ("quản lý tài khoản", "manage accounts"),
    "workspace.action.override": ("ghi đè kết quả một tiêu chí", "override a control's status"),
    "workspace.action.request_changes": ("yêu cầu bổ sung, sửa đổi hồ sơ",
                                         "request changes to a dossier"),
    "workspace.action.decide": ("ra quyết định về hồ sơ", "decide a dossier"),
    "workspace.action.condition_status": ("đổi trạng thái một điều kiện",
                                          "change a condition's status"),
    "workspace.noun.condition": ("điều kiện", "condition"),
    "workspace.noun.report": ("báo cáo PDF (chưa lập xong) của phiên bản",
                              "report PDF (not ready yet) of version"),
    "workspace.noun.signed": ("báo cáo đã ký của phiên bản", "signed report of version"),
    "workspace.action.sign": ("nộp báo cáo đã ký", "upload a signed report"),
    "workspace.sign_undecided": (
        "phiên bản chưa có quyết định: hãy ra quyết định, tải báo cáo thẩm định về, ký rồi "
        "tải lên",
        "the version is not decided: decide, download the review report, sign it, then "
        "upload it"),
    "workspace.signed_not_ours": (
        "tệp này không phải báo cáo do không gian thẩm định lập cho quyết định này cộng thêm "
        "một chữ ký; hãy tải báo cáo thẩm định về, ký bằng assess sign (hoặc công cụ PAdES "
        "khác, không sửa nội dung) rồi tải lên đúng tệp đã ký",
        "this file is not a report the workspace rendered for this decision with a signature "
        "added; download the review report, sign it with assess sign (or another PAdES tool, "
        "changing nothing else) and upload the signed file"),
    "workspace.signed_refused": ("chữ ký không được chấp nhận: {why}",
                                 "the signature is not accepted: {why}"),
    "workspace.signed_roles": (
        "cần đúng một chữ ký cá nhân của người thẩm định (trường assess-signature), chưa có "
        "dấu của cơ quan; tệp có: {found}",
        "exactly one personal signature of the reviewer is needed (field assess-signature), "
        "no seal yet; the file has: {found}"),
    "workspace.seal_password": (
        "khóa của cơ quan cần mật khẩu: hãy khởi động lại với --seal-password-file",
        "the body's key needs a password: restart with --seal-password-file"),
    "workspace.import_reviewer": (
        "một bản thẩm định hoặc báo cáo đã ký cần người thẩm định: thêm --reviewer TÊN_ĐĂNG_NHẬP",
        "a review or a signed report needs its reviewer: add --reviewer USERNAME"),
    "workspace.import_signed_alone": (
        "báo cáo đã ký cần bản thẩm định mà nó được lập từ đó: thêm --review",
        "a signed report needs the review it was made from: add --review"),
    "workspace.import_not_reviewer": (
        "tài khoản của --reviewer không có vai trò thẩm định viên",
        "the --reviewer account does not have the reviewer role"),
    "workspace.import_not_attached": (
        "báo cáo không đính kèm {file} (cùng SHA-256): nó không được lập từ tệp này",
        "the report does not attach {file} (same SHA-256): it was not made from this file"),
    "workspace.imported_status": ("trạng thái ghi trong bản thẩm định được nhập",
                                  "status as written in the imported review"),
    "workspace.import_no_user": ("không có tài khoản '{username}' đang hoạt động",
                                 "no active account '{username}'"),
    "workspace.exported": ("đã ghi hồ sơ số {dossier} vào {file} ({size:,} byte)",
                           "wrote dossier {dossier} to {file} ({size:,} bytes)"),
    "workspace.imported": ("đã nhập {file} thành hồ sơ số {dossier}",
                           "imported {file} as dossier {dossier}"),
    "workspace.noun.decision": ("quyết định của phiên bản", "decision on version"),
    "workspace.condition_text": (
        "dòng này có thời hạn, tiêu chí hoặc đơn vị nhưng chưa có nội dung; hãy ghi điều phải "
        "làm, hoặc xóa cả dòng",
        "this row has a due date, control or owner but no text; write what must be done, or "
        "clear the row"),
    "workspace.condition_due": (
        "thời hạn '{value}' không phải một ngày; hãy chọn ngày trên lịch (ví dụ 2027-03-31)",
        "due date '{value}' is not a date; pick a day on the calendar (e.g. 2027-03-31)"),
    "workspace.decision_form": ("Biểu mẫu quyết định", "Decision form"),
    "workspace.condition_n": ("điều kiện {n}", "condition {n}"),
    "workspace.not_latest": (
        "phiên bản {number} không phải phiên bản mới nhất của hồ sơ; hãy quyết định trên phiên "
        "bản mới nhất",
        "version {number} is not the dossier's latest; decide on the latest version"),
    "workspace.bad_verdict": (
        "kết luận '{verdict}' không hợp lệ; hãy chọn một trong: {allowed}",
        "verdict '{verdict}' is not valid; choose one of: {allowed}"),
    "workspace.many_conditions": (
        "nhiều hơn {n} điều kiện; hãy gộp các điều kiện cùng nội dung",
        "more than {n} conditions; merge the ones that say the same"),
    "workspace.empty_text": ("nội dung trống; hãy viết vài dòng", "the text is empty; write a few lines"),
    "workspace.long_text": ("nội dung dài quá {n} ký tự; hãy viết ngắn lại",
                            "the text is longer than {n} characters; shorten it"),
    "workspace.no_control": ("không có tiêu chí '{control}' trong bộ tiêu chí của hồ sơ; {near}",
                             "no control '{control}' in the dossier's checklist; {near}"),
    "workspace.bad_status": ("trạng thái '{status}' không hợp lệ; hãy ghi một trong: {allowed}",
                             "status '{status}' is not valid; write one of: {allowed}"),
    "workspace.wrong_state": (
        "hồ sơ đang ở trạng thái '{state}': không thể {action} lúc này (được khi {allowed})",
        "the dossier is '{state}': it cannot {action} now (it can when {allowed})"),
    "workspace.no_version": (
        "hồ sơ chưa có phiên bản nào; hãy tải lên một đề xuất trước khi gửi",
        "the dossier has no version yet; upload a proposal before submitting"),
    "workspace.serving": (
        "Không gian thẩm định: {url} (cơ sở dữ liệu {db}). Nhấn Ctrl+C để dừng.",
        "Review workspace: {url} (database {db}). Press Ctrl+C to stop."),
    "workspace.first_account": (
        "Chưa có tài khoản nào. Tạo tài khoản quản trị đầu tiên (mật khẩu sẽ được hỏi):\n"
        "  assess workspace org add bo-kh-cn --name 'Bộ Khoa học và Công nghệ' --kind ministry\n"
        "  assess workspace user add admin --name 'Quản trị viên' "
        "--org bo-kh-cn --role admin",
        "No account yet. Create the first administrator (the password is asked for):\n"
        "  assess workspace org add bo-kh-cn --name 'Bộ Khoa học và Công nghệ' --kind ministry\n"
        "  assess workspace user add admin --name 'Administrator' "
        "--org bo-kh-cn --role admin"),
    "workspace.throttled": (
        "quá nhiều lần nhập sai mật khẩu; hãy thử lại sau {minutes} phút",
        "too many wrong passwords; try again in {minutes} minutes"),
    "workspace.upload_too_large": (
        "tệp {name} lớn hơn giới hạn {limit} byte; hãy tải lên tệp nhỏ hơn",
        "{name} is larger than the {limit}-byte limit; upload a smaller file"),
    "workspace.upload_kind": (
        "{name}: chỉ nhận tệp đề xuất YAML (.yaml, .yml) hoặc bảng hỏi Excel (.xlsx)",
        "{name}: only a proposal in YAML (.yaml, .yml) or a questionnaire workbook (.xlsx) is "
        "accepted"),
    "workspace.unchanged": (
        "phiên bản này giống hệt phiên bản {number} (cùng SHA-256); không có gì để nộp lại",
        "this is byte for byte version {number} (same SHA-256); there is nothing new to upload"),
    "workspace.user.exists": (
        "tên đăng nhập '{username}' đã có; hãy chọn tên khác",
        "username '{username}' is taken; choose another"),
    "workspace.user.bad_name": (
        "tên đăng nhập '{username}' không hợp lệ: chỉ chữ thường không dấu, chữ số, '.', '-', "
        "'_', từ 2 đến 64 ký tự",
        "username '{username}' is not valid: lowercase letters, digits, '.', '-' and '_', 2 to "
        "64 characters"),
    "workspace.user.short_password": (
        "mật khẩu cần ít nhất {n} ký tự",
        "the password needs at least {n} characters"),
    "workspace.user.role_kind": (
        "vai trò {role} cần một đơn vị loại {kind}, còn '{organisation}' là {actual}",
        "the {role} role needs an organisation of kind {kind}; '{organisation}' is {actual}"),
    "workspace.user.unknown_org": (
        "chưa có đơn vị '{organisation}' ({near}); thêm đơn vị trước: assess workspace org "
        "add {organisation} --name \"…\" --kind province",
        "no organisation '{organisation}' ({near}); add it first: assess workspace org add "
        "{organisation} --name \"…\" --kind province"),
    "workspace.org.exists": (
        "đơn vị '{organisation}' đã có",
        "organisation '{organisation}' exists already"),
    "workspace.org.bad_id": (
        "mã đơn vị '{organisation}' không hợp lệ: chữ thường không dấu, chữ số và '-', ví dụ "
        "'bac-ninh'",
        "organisation id '{organisation}' is not valid: lowercase letters, digits and '-', e.g. "
        "'bac-ninh'"),
    "workspace.backup_failed": (
        "không đọc hoặc ghi được tệp sao lưu: {why}",
        "the backup file could not be read or written: {why}"),
    "workspace.database": (
        "không dùng được cơ sở dữ liệu {url}: {why}",
        "the database {url} cannot be used: {why}"),
    "workspace.migrated": (
        "cơ sở dữ liệu {url}: lược đồ {before} → {after}",
        "database {url}: schema {before} → {after}"),
    "workspace.schema_none": ("(trống)", "(empty)"),
    "workspace.org_added": ("đã thêm đơn vị '{id}' ({kind})", "added organisation '{id}' ({kind})"),
    "workspace.user_added": (
        "đã thêm tài khoản '{username}' (số {id}, vai trò {role}, đơn vị {organisation})",
        "added account '{username}' (number {id}, role {role}, organisation {organisation})"),
    "workspace.user_erased": (
        "đã xoá dữ liệu cá nhân của tài khoản số {id}; nhật ký sự kiện vẫn nguyên vẹn",
        "erased the personal data of account number {id}; the event log is intact"),
    "workspace.password_prompt": ("Mật khẩu", "Password"),
    "workspace.password_file_empty": (
        "tệp mật khẩu {file} trống", "the password file {file} is empty"),
    "workspace.no_user": ("không có tài khoản '{username}'; {near}",
                          "no account '{username}'; {near}"),
    "workspace.audit_ok": (
        "nhật ký sự kiện nguyên vẹn: {n} sự kiện, mã băm cuối {head}",
        "the event log is intact: {n} events, last hash {head}"),
    "workspace.audit_break": (
        "sự kiện số {seq}: {reason}",
        "event {seq}: {reason}"),
    "workspace.break.hash": ("nội dung không khớp mã băm đã ghi (đã bị sửa)",
                             "its content does not match its recorded hash (altered)"),
    "workspace.break.link": ("không nối tiếp sự kiện trước (chuỗi bị cắt hoặc đảo thứ tự)",
                             "it does not follow the event before (chain cut or reordered)"),
    "workspace.break.gap": ("thiếu sự kiện ngay trước (đã bị xoá)",
                            "the event before it is missing (deleted)"),
    "workspace.break.head": ("sự kiện cuối không phải đầu chuỗi đã ghi (sự kiện cuối bị xoá)",
                             "the last event is not the recorded head (events removed at the end)"),
    "workspace.audit_broken": (
        "nhật ký sự kiện KHÔNG nguyên vẹn: {n} chỗ hỏng trong {events} sự kiện",
        "the event log is NOT intact: {n} breaks in {events} events"),
    "workspace.backup.no_tool": (
        "không tìm thấy {tool}: hãy cài gói postgresql-client của Debian",
        "{tool} not found: install Debian's postgresql-client package"),
    "workspace.backup.memory": (
        "cơ sở dữ liệu SQLite trong bộ nhớ không có gì để sao lưu",
        "an in-memory SQLite database has nothing to back up"),
    "workspace.backup.tool_failed": ("{tool} thất bại: {why}", "{tool} failed: {why}"),
    "workspace.backup.not_empty": (
        "cơ sở dữ liệu đích đã có dữ liệu: chỉ khôi phục vào một cơ sở dữ liệu mới, trống",
        "the target database is not empty: restore only into a new, empty database"),
    "workspace.backup.not_backup": (
        "{file} không phải bản sao lưu {kind} của không gian làm việc",
        "{file} is not a {kind} backup of a workspace"),
    "workspace.backup_done": (
        "đã sao lưu {url} vào {file} ({size} byte)", "backed up {url} to {file} ({size} bytes)"),
    "workspace.restore_done": (
        "đã khôi phục {file} vào {url}; nhật ký sự kiện nguyên vẹn: {n} sự kiện",
        "restored {file} into {url}; the event log is intact: {n} events"),
    "workspace.backup_is_input": (
        "tệp sao lưu {file} chính là cơ sở dữ liệu; hãy ghi ra tệp khác",
        "the backup {file} is the database itself; write to another file"),
}

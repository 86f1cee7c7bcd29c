"""Messages of the spreadsheet questionnaire (see `assess.core.i18n.messages`): (Vietnamese,
English) by key."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "questionnaire.more_translations": (
        "có {en} dòng tiếng Anh và {vi} dòng tiếng Việt; dòng thứ i tiếng Anh dịch dòng thứ i "
        "tiếng Việt: mỗi dòng tiếng Việt cần đúng một dòng tiếng Anh (chép lại dòng tiếng Việt "
        "nếu không dịch), hoặc để trống ô tiếng Anh",
        "{en} English lines and {vi} Vietnamese ones; English line i translates Vietnamese "
        "line i: give each Vietnamese line exactly one English line (the Vietnamese again where "
        "there is no translation), or leave the English cell empty",
    ),
    "questionnaire.not_zip": (
        "không phải bảng tính .xlsx (không phải tệp zip); cần một bảng tính do assess "
        "questionnaire export tạo ra, lưu dạng .xlsx",
        "not an .xlsx workbook (not a zip file); expected a workbook written by assess "
        "questionnaire export and saved as .xlsx",
    ),
    "questionnaire.not_xlsx": (
        "tệp zip không chứa bảng tính (không có xl/workbook.xml); cần một bảng tính lưu dạng .xlsx",
        "a zip file without a workbook (no xl/workbook.xml); expected a workbook saved as .xlsx",
    ),
    "questionnaire.macro_suffix": (
        "tệp .xlsm là bảng tính có macro; cần lưu lại dạng .xlsx (không có macro)",
        "an .xlsm file is a macro-enabled workbook; expected it saved as .xlsx (without macros)",
    ),
    "questionnaire.macro": (
        "bảng tính chứa macro ({member}); cần lưu lại dạng .xlsx (không có macro)",
        "the workbook contains macros ({member}); expected it saved as .xlsx (without macros)",
    ),
    "questionnaire.members": (
        "tệp có {n:,} thành phần; tối đa {limit:,}",
        "the file has {n:,} members; expected at most {limit:,}",
    ),
    "questionnaire.bomb_total": (
        "các thành phần của tệp giải nén ra {size:,} byte; tối đa {limit:,} byte (có thể là "
        "zip bomb)",
        "the file's members decompress to {size:,} bytes; expected at most {limit:,} bytes "
        "(a zip bomb?)",
    ),
    "questionnaire.bomb_ratio": (
        "thành phần {member} giải nén ra {size:,} byte, gấp {ratio:,} lần kích thước nén; tối "
        "đa {limit:,} lần (có thể là zip bomb)",
        "member {member} decompresses to {size:,} bytes, {ratio:,} times its compressed size; "
        "expected at most {limit:,} times (a zip bomb?)",
    ),
    "questionnaire.unreadable": (
        "không đọc được bảng tính .xlsx ({detail}); cần một bảng tính lưu dạng .xlsx",
        "cannot be read as an .xlsx workbook ({detail}); expected a workbook saved as .xlsx",
    ),
    "questionnaire.sheet_missing": (
        "thiếu trang tính '{sheet}'; cần đủ các trang tính: {sheets}{found}",
        "sheet '{sheet}' is missing; expected the sheets {sheets}{found}",
    ),
    "questionnaire.sheet_found": (
        " (có trang tính lạ: {names} — nếu đã đổi tên, hãy đặt lại tên cũ)",
        " (found instead: {names} — a renamed sheet must get its name back)",
    ),
    "questionnaire.merged": (
        "các ô {cells} bị gộp; mỗi giá trị phải ở một ô riêng (bỏ gộp ô)",
        "cells {cells} are merged; expected each value in its own cell (unmerge them)",
    ),
    "questionnaire.formula": (
        "ô chứa công thức ({formula}); cần nhập giá trị trực tiếp",
        "the cell holds a formula ({formula}); expected a value typed in",
    ),
    "questionnaire.error_value": (
        "ô chứa giá trị lỗi {value}; cần nhập giá trị",
        "the cell holds the error value {value}; expected a value",
    ),
    "questionnaire.choice": (
        "'{value}' không có trong danh sách{hint}; các giá trị hợp lệ: {expected}",
        "'{value}' is not one of the values{hint}; expected one of: {expected}",
    ),
    "questionnaire.did_you_mean": (
        " (có phải là '{entry}'?)",
        " (did you mean '{entry}'?)",
    ),
    "questionnaire.int": (
        "'{value}' không phải số nguyên; cần ghi bằng chữ số, không có dấu phân cách, ví dụ 21000",
        "'{value}' is not a whole number; expected digits only, e.g. 21000",
    ),
    "questionnaire.date": (
        "'{value}' không phải ngày; cần ghi theo dạng YYYY-MM-DD, ví dụ 2026-03-15",
        "'{value}' is not a date; expected YYYY-MM-DD, e.g. 2026-03-15",
    ),
    "questionnaire.date_time": (
        "'{value}' có cả giờ; cần chỉ ghi ngày, dạng YYYY-MM-DD, ví dụ 2026-03-15",
        "'{value}' has a time of day; expected a date only, YYYY-MM-DD, e.g. 2026-03-15",
    ),
    "questionnaire.unknown_field": (
        "trường '{key}' không có trong hồ sơ; các trường hợp lệ: {expected}",
        "unknown field '{key}'; expected one of: {expected}",
    ),
    "questionnaire.unknown_column": (
        "cột '{key}' không có trong trang tính này; các cột hợp lệ: {expected}",
        "unknown column '{key}'; expected one of: {expected}",
    ),
    "questionnaire.twice": (
        "'{key}' xuất hiện lần nữa (lần đầu ở {first}); mỗi mục chỉ ghi một lần",
        "'{key}' is given again (first at {first}); expected it once",
    ),
    "questionnaire.no_id_column": (
        "trang tính không có cột mã 'id' ở dòng 3; cần trang tính do export tạo ra",
        "the sheet has no 'id' column in row 3; expected the sheet export writes",
    ),
    "questionnaire.no_id": (
        "dòng có trả lời nhưng không có mã kiểm soát ở cột A (ẩn); cần sao chép nguyên dòng do "
        "export tạo ra, kể cả cột ẩn",
        "the row has an answer but no control id in (hidden) column A; expected a row export "
        "wrote, copied whole with its hidden column",
    ),
    "questionnaire.unknown_control": (
        "mã kiểm soát '{id}' ở cột A (ẩn) không có trong bộ tiêu chí {checklist}; cần dòng do "
        "export tạo ra cho bộ tiêu chí này, không sửa cột ẩn",
        "control id '{id}' in (hidden) column A is not in checklist {checklist}; expected a row "
        "export wrote for this checklist, its hidden column unchanged",
    ),
    "questionnaire.no_status": (
        "có bằng chứng hoặc ghi chú nhưng chưa có trạng thái; các giá trị hợp lệ: {expected}",
        "evidence or a note without a status; expected one of: {expected}",
    ),
    "questionnaire.line_break": (
        "bằng chứng '{text}' có xuống dòng; bảng tính ghi mỗi bằng chứng trên một dòng: cần "
        "viết trên một dòng",
        "evidence '{text}' has a line break; the workbook holds one evidence per line: expected "
        "it on one line",
    ),
    "questionnaire.answers_elsewhere": (
        "có trả lời cho kiểm soát không có trong bộ tiêu chí {checklist}: {ids}; cần bộ tiêu chí "
        "của chính hồ sơ, hoặc chạy assess migrate trước",
        "answers controls that checklist {checklist} does not have: {ids}; expected the "
        "proposal's own checklist, or run assess migrate first",
    ),
    "questionnaire.checklist_needed": (
        "cần --checklist ID@VERSION, ví dụ --checklist vn-third-party-channel@latest (hoặc "
        "--proposal, khi đó dùng bộ tiêu chí của hồ sơ)",
        "expected --checklist ID@VERSION, e.g. --checklist vn-third-party-channel@latest (or "
        "--proposal, whose checklist is then used)",
    ),
    "questionnaire.warning": ("cảnh báo: {text}", "warning: {text}"),
    "questionnaire.unanswered.one": (
        "{sheet}: không có dòng cho kiểm soát {ids}: kiểm soát này chưa được trả lời",
        "{sheet}: no row for control {ids}: it is left unanswered",
    ),
    "questionnaire.unanswered.many": (
        "{sheet}: không có dòng cho {n:,} kiểm soát ({ids}): các kiểm soát này chưa được trả lời",
        "{sheet}: no row for {n:,} controls ({ids}): they are left unanswered",
    ),
    "questionnaire.output_suffix": (
        "tên tệp không có đuôi .xlsx; bảng tính được ghi dạng .xlsx: cần một tên có đuôi .xlsx, "
        "ví dụ -o phieu.xlsx",
        "the name does not end in .xlsx; the workbook is written as .xlsx: expected a name ending "
        "in .xlsx, e.g. -o phieu.xlsx",
    ),
    "questionnaire.yaml_header": (
        "Tệp do assess questionnaire import tạo ra từ {file}.\nKiểm tra bằng: assess validate "
        "<tệp này>; chấm điểm bằng: assess score <tệp này>",
        "Written by assess questionnaire import from {file}.\nCheck it with: assess validate "
        "<this file>; score it with: assess score <this file>",
    ),
    "questionnaire.exported": (
        "đã ghi {file} ({n:,} kiểm soát của {checklist}{prefilled})",
        "wrote {file} ({n:,} controls of {checklist}{prefilled})",
    ),
    "questionnaire.prefilled": (
        ", điền sẵn từ {proposal}",
        ", pre-filled from {proposal}",
    ),
    "questionnaire.imported": (
        "đã ghi {file} (hồ sơ {id}, {n:,} trả lời); kiểm tra bằng assess validate {file}",
        "wrote {file} (proposal {id}, {n:,} answers); check it with assess validate {file}",
    ),
}

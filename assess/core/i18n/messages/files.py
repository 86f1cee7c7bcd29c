"""Messages of files (see `assess.core.i18n.messages`): (Vietnamese, English) by key.

Reading inputs and writing outputs (`assess.core.files`), the package's own data
(`assess.core.resources`), versions (`assess.core.semver`), and the engine's errors that only a
caller's mistake causes (`engine.*`: `assess.engine.join`, `assess.engine.vocabulary`). `{why}`
is the system's own words for an error (as the operating system gives them).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- a file that cannot be read (core/files.py: read_regular) --------------------------------
    "files.no_such_file": ("không có tệp này", "no such file"),
    "files.is_folder": ("là một thư mục; cần một tệp", "is a folder; expected a file"),
    "files.link_loop": (
        "là một liên kết tượng trưng lặp vòng (hoặc lồng quá nhiều liên kết); cần một tệp",
        "is a symbolic link that loops (or too many links deep); expected a file"),
    "files.path_not_folder": (
        "một phần của đường dẫn là tệp, không phải thư mục; cần đường dẫn của một tệp",
        "part of the path is a file, not a folder; expected the path of a file"),
    "files.name_too_long": (
        "tên quá dài đối với hệ thống này; cần một đường dẫn ngắn hơn",
        "the name is too long for this system; expected a shorter path"),
    "files.permission_denied": (
        "không có quyền đọc; cần một tệp bạn được phép đọc",
        "permission denied; expected a file you may read"),
    "files.no_reader": (
        "là một socket hoặc một thiết bị không có bên đọc; cần một tệp thông thường",
        "is a socket or a device without a reader; expected a regular file"),
    "files.cannot_read": ("không đọc được tệp ({why})", "cannot read it ({why})"),
    "files.not_regular.folder": ("là một thư mục; cần một tệp thông thường",
                                 "is a folder; expected a regular file"),
    "files.not_regular.fifo": ("là một đường ống có tên (FIFO); cần một tệp thông thường",
                               "is a named pipe (FIFO); expected a regular file"),
    "files.not_regular.socket": ("là một socket; cần một tệp thông thường",
                                 "is a socket; expected a regular file"),
    "files.not_regular.device": ("là một thiết bị; cần một tệp thông thường",
                                 "is a device; expected a regular file"),
    "files.not_regular.other": ("không phải là tệp thông thường; cần một tệp thông thường",
                                "is not a regular file; expected a regular file"),
    "files.too_large": ("tệp có dung lượng {size:,} byte; cần tệp không quá {limit:,} byte",
                        "file is {size:,} bytes; expected at most {limit:,} bytes"),
    "files.over_limit": ("tệp lớn hơn {limit:,} byte; cần tệp không quá {limit:,} byte",
                         "file is over {limit:,} bytes; expected at most {limit:,} bytes"),
    # -- an output that cannot be written (core/files.py: write_atomic, refuse_inputs) ----------
    "files.output_is_input": (
        "{output}: là tệp đầu vào của lần chạy này ({input}); cần đặt tên khác cho tệp kết quả",
        "{output}: is an input of this run ({input}); expected another name for the output"),
    "files.output_folder": ("{target}: là một thư mục; cần một tên tệp",
                            "{target}: is a folder; expected a file name"),
    "files.output_socket": ("{target}: là một socket; cần một tên tệp",
                            "{target}: is a socket; expected a file name"),
    "files.cannot_write": ("{target}: không ghi được ({why})", "{target}: cannot write ({why})"),
    "files.pipe_no_reader": (
        "{target}: không có tiến trình nào mở đường ống có tên này để đọc trong vòng {seconds:g} "
        "giây; hãy chạy chương trình đọc trước, hoặc ghi ra một tệp",
        "{target}: no process opened this named pipe for reading within {seconds:g} s; start "
        "the reader first, or write to a file"),
    "files.exists": ("{target}: tệp đã có; hãy chọn tên khác hoặc dùng --force",
                     "{target}: already exists; choose another name or use --force"),
    "files.no_folder": ("{target}: thư mục {folder} không tồn tại",
                        "{target}: folder {folder} does not exist"),
    "files.cannot_write_in": (
        "{target}: không ghi được vào thư mục {folder} ({why}); cần một thư mục bạn được phép "
        "ghi",
        "{target}: cannot write in folder {folder} ({why}); expected a folder you may write to"),
    # -- the package's own data and versions (core/resources.py, core/semver.py) -----------------
    "files.data_missing": (
        "bản cài đặt thiếu thư mục dữ liệu {name!r} của assess ({folder}); hãy cài lại gói từ "
        "tệp wheel",
        "assess's data folder {name!r} is missing from the installation ({folder}); reinstall "
        "the package from its wheel"),
    "files.not_a_version": (
        "không phải phiên bản: {text!r}; cần dạng MAJOR.MINOR.PATCH, ví dụ 1.0.0",
        "not a version: {text!r}; expected MAJOR.MINOR.PATCH such as 1.0.0"),
    # -- the engine's own errors: a caller's mistake, shown as an internal error ----------------
    "engine.join.profile_missing": (
        "hồ sơ dùng nền tảng {platform}; cần ghép kèm hồ sơ nền tảng "
        "(assess.checklists.loading.load_inputs nạp cả hai)",
        "proposal names platform {platform}; join it with the profile "
        "(assess.checklists.loading.load_inputs loads both)"),
    "engine.join.other_profile": ("hồ sơ dùng nền tảng {platform}, không phải {profile}",
                                  "proposal names platform {platform}, not {profile}"),
    "engine.rules.duplicate": ("hai quy tắc có sẵn trùng mã", "two built-in rules share an id"),
    "files.not_replaced": (
        "{target} đã có và không phải {what} do assess ghi trước đó: tệp này không bị ghi đè; "
        "hãy chọn tên khác (hoặc tự xóa tệp đó nếu thật sự không cần)",
        "{target} exists and is not a {what} written earlier: it is not replaced; choose another "
        "name (or delete that file yourself if it is really not needed)"),
}

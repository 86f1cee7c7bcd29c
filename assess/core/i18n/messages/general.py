"""Words of the command line itself: exit statuses, the prefix of a problem, internal errors."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "exit.0": ("thành công", "ok"),
    "exit.1": ("không qua cổng kiểm tra (kết luận với --fail-on; chữ ký với verify)",
               "a gate failed (the verdict with --fail-on; a signature with verify)"),
    "exit.2": ("đầu vào hoặc cách gọi sai (mỗi lỗi ghi rõ tệp, dòng và trường)",
               "bad input or usage (each problem printed with file, line and field)"),
    "exit.3": ("lỗi nội bộ: lỗi của assess (chạy lại với --debug để xem vết lỗi)",
               "internal error: a bug in assess (rerun with --debug for the traceback)"),
    "cli.error": ("lỗi: {text}", "error: {text}"),
    "cli.interrupted": ("đã dừng theo yêu cầu", "interrupted"),
    "cli.internal": (
        "lỗi nội bộ: {kind}: {detail} — đây là lỗi của assess {version}, không phải của tệp "
        "của bạn; xin báo lại{hint}",
        "internal error: {kind}: {detail} — this is a bug in assess {version}, not in your "
        "files; please report it{hint}"),
    "cli.internal.hint": (" (chạy lại với --debug để xem vết lỗi)",
                          " (rerun with --debug to see the traceback)"),
    "text.unsafe_at": ("{what} ở ký tự thứ {at}", "{what} at character {at}"),
}

"""Messages of outputs (see `assess.core.i18n.messages`): (Vietnamese, English) by key.

What the report, the diagram and the command `report` say to the user — errors and progress,
not the report's own content (its words are in `assess.core.i18n.report`). `{why}` is another
program's own words (Graphviz, the system).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the report (outputs/report) -----------------------------------------------------------
    "outputs.source_date_epoch": ("'{value}' không phải là số giây tính từ 1970-01-01",
                                  "'{value}' is not a number of seconds since 1970-01-01"),
    "outputs.changed": (
        "tệp đã thay đổi trong khi đang lập báo cáo; cần tệp có SHA-256 {sha}…; hãy chạy lại lệnh",
        "changed while the report was being made; expected SHA-256 {sha}…; run the command again"),
    "outputs.fetch_refused": ("đã từ chối tải {url}", "refused to fetch {url}"),
    "outputs.not_template": ("không phải tệp của bộ mẫu báo cáo: {url}",
                             "not a file of the report templates: {url}"),
    "outputs.not_svg": ("không phải tài liệu SVG", "not an SVG document"),
    # -- the diagram (outputs/diagram) ---------------------------------------------------------
    "outputs.dot_missing": (
        "không tìm thấy chương trình 'dot' của Graphviz trong PATH; hãy cài Graphviz "
        "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz) hoặc dùng "
        "--format dot",
        "Graphviz's 'dot' program was not found on PATH; install Graphviz (Debian/Ubuntu: "
        "apt-get install graphviz; macOS: brew install graphviz) or use --format dot"),
    "outputs.dot_timeout": (
        "Graphviz vẽ sơ đồ quá {seconds:g} giây; cần một đồ thị nhỏ hơn",
        "Graphviz took more than {seconds:g} s to draw the diagram; expected a smaller graph"),
    "outputs.dot_cannot_run": ("không chạy được chương trình 'dot' của Graphviz ({exe}): {why}",
                               "cannot run Graphviz's 'dot' ({exe}): {why}"),
    "outputs.dot_memory": (
        "Graphviz cần hơn {mib:,} MiB bộ nhớ để vẽ sơ đồ; cần một đồ thị nhỏ hơn",
        "Graphviz needed more than {mib:,} MiB to draw the diagram; expected a smaller graph"),
    "outputs.dot_failed": ("Graphviz không vẽ được sơ đồ: {why}",
                           "Graphviz could not draw the diagram: {why}"),
    "outputs.dot_exit": ("mã thoát {code}", "exit status {code}"),
    "outputs.svg_no_size": ("Graphviz ghi ra tệp SVG không có kích thước tính bằng point",
                            "Graphviz wrote an SVG without a size in points"),
    "outputs.too_large": (
        "sơ đồ sẽ phải vẽ {edges:,} {what}, nhiều hơn mức {max} mà một trang thể hiện rõ được; "
        "sơ đồ không được vẽ (các luồng được liệt kê trong bảng luồng dữ liệu của báo cáo)",
        "the diagram would draw {edges:,} {what}, more than the {max} a page can show legibly; "
        "it is not drawn (the flows are listed in the report's table of data flows)"),
    "outputs.too_large.zones": ("kết nối giữa các vùng", "connections between zones"),
    "outputs.too_large.flows": ("luồng dữ liệu", "data flows"),
    # -- the command report (cli/report.py) ----------------------------------------------------
    "outputs.report.stdin": (
        "báo cáo đính kèm chính tệp hồ sơ; cần đường dẫn của tệp, không phải - (đầu vào chuẩn)",
        "the report attaches the proposal file itself; expected its path, not - (standard "
        "input)"),
    "outputs.report.html_is_pdf": ("{html}: trùng tên với tệp PDF; cần đặt tên khác cho tệp HTML",
                                   "{html}: is also the PDF's name; expected another name for "
                                   "the HTML"),
    "outputs.report.rendering": ("đang dựng báo cáo ({n} kiểm soát)…",
                                 "rendering the report ({n} controls)…"),
    "outputs.report.wrote": (
        "đã ghi {target} ({size:,} byte; {verdict}, điểm {score:.1f}){html}{unreleased}",
        "wrote {target} ({size:,} bytes; {verdict}, score {score:.1f}){html}{unreleased}"),
    "outputs.report.wrote_html": (" và {html}", " and {html}"),
    "outputs.report.unreleased": (
        "; CHƯA BAN HÀNH: {refs} (bản nháp hoặc tệp ngoài danh mục: không dùng cho kết luận "
        "chính thức)",
        "; UNRELEASED: {refs} (a draft or a file outside the catalog: not for a formal "
        "decision)"),
}

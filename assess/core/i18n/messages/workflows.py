"""Messages of workflows and of the commands that run them (see `assess.core.i18n.messages`):
(Vietnamese, English) by key.

`assess migrate`, the lint and release commands of checklists and platform profiles, `validate`,
`graph`, `review init`, `schema` and the listings: their progress lines, summaries and the
command-line values they refuse.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ── assess batch ──
    "workflows.batch.empty_folder": (
        "thư mục không có đề xuất nào (tệp *.yaml không phải *.review.yaml); hãy nêu thư mục "
        "chứa đề xuất, hoặc từng tệp",
        "the folder holds no proposal (a *.yaml file that is not *.review.yaml); name the folder "
        "that holds the proposals, or each file"),
    "workflows.batch.no_match": (
        "không có tệp nào như vậy; cần một thư mục, một tệp hoặc một mẫu như 'ho-so/*.yaml'",
        "no such file; expected a folder, a file or a pattern such as 'proposals/*.yaml'"),
    "workflows.batch.out_not_folder": (
        "{folder} là một tệp, không phải thư mục; -o phải là một thư mục (có sẵn hoặc sẽ được "
        "tạo)",
        "{folder} is a file, not a folder; -o must name a folder (existing, or to be made)"),
    "workflows.batch.same_output": (
        "{first} và {second} cùng ghi ra {target}; hãy chạy riêng từng thư mục với -o khác nhau",
        "{first} and {second} would both write {target}; run each folder with its own -o"),
    "workflows.batch.index_output": (
        "{second} sẽ ghi ra {target}, là một tệp của chính lượt chạy (mục lục, danh mục); hãy "
        "đổi tên tệp đề xuất",
        "{second} would write {target}, one of the run's own files (its index and portfolio); "
        "rename the proposal file"),
    "workflows.batch.internal": (
        "lỗi nội bộ: {error}: {detail} — đây là lỗi của assess, không phải của tệp; các tệp khác "
        "vẫn được xử lý; hãy báo lỗi này, kèm tệp và kết quả chạy lại với --debug",
        "internal error: {error}: {detail} — a bug in assess, not in the file; the other files "
        "were still done; please report it, with the file and the output of a rerun with "
        "--debug"),
    "cli.portfolio.day": ("'{value}' không phải là ngày dạng YYYY-MM-DD, ví dụ 2026-12-31",
                          "'{value}' is not a day written YYYY-MM-DD, e.g. 2026-12-31"),
    "cli.portfolio.format": (
        "{output}: cần tệp .pdf, .xlsx, .csv hoặc .json (bỏ -o để xem trên màn hình)",
        "{output}: expected a .pdf, .xlsx, .csv or .json file (leave out -o to see it on "
        "screen)"),
    "cli.portfolio.source": (
        "cần chỉ ra thư mục, tệp đề xuất hoặc --workspace (một trong hai, không dùng cả hai), "
        "ví dụ: assess portfolio examples/portfolio hoặc assess portfolio --workspace",
        "give proposal folders or files, or --workspace (one of the two, not both), e.g. "
        "assess portfolio examples/portfolio or assess portfolio --workspace"),
    "cli.portfolio.wrote": ("đã ghi {output}: danh mục {n} đề xuất", "wrote {output}: "
                            "the portfolio of {n} proposals"),
    "cli.batch.nothing": ("không có đề xuất nào để đánh giá", "no proposal to assess"),
    "cli.batch.starting": (
        "đánh giá {n} đề xuất{reports}, {jobs} đề xuất cùng lúc; kết quả ghi vào {out}",
        "assessing {n} proposals{reports}, {jobs} at a time; results go to {out}"),
    "cli.batch.with_reports": (" và lập báo cáo PDF", " and rendering their PDF reports"),
    "cli.batch.progress": ("đang đánh giá", "assessing"),
    "cli.batch.done_one": ("{name}: {verdict}, điểm {score:.1f}, rủi ro {risk} ({seconds:.1f} giây)",
                           "{name}: {verdict}, score {score:.1f}, risk {risk} ({seconds:.1f} s)"),
    "cli.batch.failed_one": ("{name}: bỏ qua do có lỗi:", "{name}: skipped for its problems:"),
    "cli.batch.summary": (
        "xong {done}/{n} đề xuất trong {seconds:.1f} giây: {approve} chấp thuận, {conditional} "
        "có điều kiện, {reject} không chấp thuận{failed}; kết quả trong {index}, danh mục trong "
        "portfolio.xlsx, .csv và .json (và .pdf khi có --report)",
        "{done} of {n} proposals done in {seconds:.1f} s: {approve} approved, {conditional} "
        "conditional, {reject} rejected{failed}; results in {index}, the portfolio in "
        "portfolio.xlsx, .csv and .json (and .pdf with --report)"),
    "cli.batch.failed": ("; bỏ qua {n} tệp có lỗi (xem ở trên)",
                         "; {n} skipped for their problems (see above)"),
    # ── assess migrate ──
    "workflows.migrate.not_mapping": ("{name}: cần một mapping YAML (các dòng dạng tên: giá trị)",
                                      "{name}: expected a YAML mapping"),
    "workflows.migrate.same": ("{path}: đã trả lời theo {ref}; không có gì để chuyển đổi",
                               "{path}: already answers {ref}; nothing to migrate"),
    "workflows.migrate.migrated": ("{name} (đã chuyển đổi)", "{name} (migrated)"),
    "cli.migrate.wrote": (
        "đã ghi {output}: {old} → {new}; giữ nguyên {kept} câu trả lời, {added}; {removed}"
        "{renamed}{again}{ruled}",
        "wrote {output}: {old} → {new}; {kept} answers kept, {added}; {removed}{renamed}{again}"
        "{ruled}"),
    "cli.migrate.added": ("{n} kiểm soát mới thêm với trạng thái unknown{ids}",
                          "{n} added as unknown{ids}"),
    "cli.migrate.removed": ("{n} kiểm soát đã bỏ{ids}", "{n} removed{ids}"),
    "cli.migrate.renamed": ("; đổi mã {pairs}", "; renamed {pairs}"),
    "cli.migrate.again": (
        "; {n} kiểm soát có câu hỏi đã thay đổi, đặt lại unknown để trả lời lại{ids}",
        "; {n} whose question changed, set back to unknown to answer again{ids}"),
    "cli.migrate.ids": (" ({ids})", " ({ids})"),
    "cli.migrate.ruled": (
        "; {ids} nay do quy tắc luồng dữ liệu quyết định: câu trả lời đạt của kiểm soát bắt buộc "
        "chỉ được tính khi kèm bằng chứng",
        "; {ids} now decided by a data-flow rule: a blocker's 'met' counts only with evidence"),
    # ── checklist lint / platform lint ──
    "cli.lint.summary": ("Đã kiểm tra {files}: {errors}, {warnings}",
                         "{files} checked: {errors}, {warnings}"),
    "cli.lint.files.one": ("{n} tệp {noun}", "{n} {noun} file"),
    "cli.lint.files.many": ("{n} tệp {noun}", "{n} {noun} files"),
    "cli.lint.errors.one": ("{n} lỗi", "{n} error"),
    "cli.lint.errors.many": ("{n} lỗi", "{n} errors"),
    "cli.lint.warnings.one": ("{n} cảnh báo", "{n} warning"),
    "cli.lint.warnings.many": ("{n} cảnh báo", "{n} warnings"),
    # ── checklist release / platform release ──
    "cli.release.bad_ref": ("'{ref}'; cần ID@VERSION chỉ bản nháp cần phát hành",
                            "'{ref}'; expected ID@VERSION naming the draft"),
    "cli.release.bad_date": ("'{date}'; cần một ngày dạng YYYY-MM-DD",
                             "'{date}'; expected a date as YYYY-MM-DD"),
    "cli.release.dry_run.released": (
        "chạy thử: {ref} sẽ được phát hành (SHA-256 {sha}); sẽ ghi {files}",
        "dry run: {ref} would be released (SHA-256 {sha}); would write {files}"),
    "cli.release.dry_run.recorded": (
        "chạy thử: {ref} sẽ được ghi nhận (SHA-256 {sha}); sẽ ghi {files}",
        "dry run: {ref} would be recorded (SHA-256 {sha}); would write {files}"),
    "cli.release.done.released": ("đã phát hành {ref}: SHA-256 {sha}; đã ghi {files}",
                                  "released {ref}: SHA-256 {sha}; wrote {files}"),
    "cli.release.done.recorded": ("đã ghi nhận {ref}: SHA-256 {sha}; đã ghi {files}",
                                  "recorded {ref}: SHA-256 {sha}; wrote {files}"),
    # ── checklist diff ──
    "cli.diff.one_format": ("hãy chọn một trong hai: --json hoặc --markdown",
                            "choose one of --json and --markdown"),
    # ── schema ──
    "cli.schema.bad_kind": ("'{kind}'; cần một trong: {kinds}", "'{kind}'; expected one of: {kinds}"),
    "cli.schema.no_kind": ("hãy nêu một KIND để in, hoặc đưa -o DIR để ghi tất cả",
                           "name a KIND to print, or give -o DIR to write them all"),
    "cli.schema.not_folder": ("{output}: là một tệp; cần một thư mục để ghi các schema vào",
                              "{output}: is a file; expected a folder to write the schemas into"),
    "cli.schema.wrote": ("đã ghi {files}", "wrote {files}"),
    # ── validate ──
    "cli.validate.ok": ("hợp lệ: {file} ({kind})", "ok: {file} ({kind})"),
    "cli.validate.with": ("hợp lệ: {file} (bản thẩm định, kiểm tra cùng {proposal})",
                          "ok: {file} (review, checked with {proposal})"),
    "cli.validate.schema_only": (
        "hợp lệ về cấu trúc: {file} (bản thẩm định): không có hồ sơ nào có SHA-256 {sha} được "
        "đưa vào hay nằm cùng thư mục, nên chưa kiểm tra các kiểm soát, điều kiện và quyết định "
        "của bản thẩm định: assess validate {file} --proposal HỒ_SƠ",
        "{file} (review): schema only — no proposal with SHA-256 {sha} was given or found "
        "beside it, so its controls, conditions and decision were not checked: assess validate "
        "{file} --proposal PROPOSAL"),
    # ── graph ──
    "cli.graph.binary": ("PNG là dữ liệu nhị phân; hãy đưa -o FILE hoặc chuyển hướng đầu ra "
                         "chuẩn",
                         "a PNG is binary; give -o FILE or redirect standard output"),
    "cli.graph.wrote": ("đã ghi {output} ({kind})", "wrote {output} ({kind})"),
    # ── review init ──
    "cli.review.carried": (
        "đã ghi {output}: {carried} ghi đè được mang sang; {flagged} cần thẩm định lại{controls}",
        "wrote {output}: {carried} overrides carried; {flagged} to review again{controls}"),
    "cli.review.not_previous": (
        "{file} không phải tệp mà {review} đã thẩm định (bản thẩm định ghim SHA-256 {named}…, "
        "tệp này là {sha}…); hãy đưa vào --previous đúng phiên bản đã thẩm định",
        "{file} is not the file {review} reviewed (the review pins SHA-256 {named}…, this file "
        "is {sha}…); give --previous the version that was reviewed"),
    "cli.review.wrote": (
        "đã ghi {output} (bản thẩm định hồ sơ {id}, {n} kiểm soát; tự đánh giá: {verdict}, "
        "điểm {score:.1f})",
        "wrote {output} (review of {id}, {n} controls; self-assessed {verdict}, score {score:.1f})"),
    # ── checklist list / platform list / checklist vocabulary ──
    "cli.list.id": ("mã", "id"),
    "cli.list.version": ("phiên bản", "version"),
    "cli.list.status": ("trạng thái", "status"),
    "cli.list.file": ("tệp", "file"),
    "cli.list.invalid": ("không hợp lệ", "invalid"),
    "cli.vocabulary.kind": ("loại", "kind"),
    "cli.vocabulary.name": ("tên", "name"),
    "cli.vocabulary.meaning": ("ý nghĩa", "meaning"),
    "cli.vocabulary.role": ("mức độ và vai trò", "severity and role"),
    "cli.vocabulary.used_by": ("dùng bởi", "used by"),
    "cli.vocabulary.fact": ("dữ kiện", "fact"),
    "cli.vocabulary.rule": ("quy tắc", "rule"),
}

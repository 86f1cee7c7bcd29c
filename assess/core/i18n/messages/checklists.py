"""Messages of checklists (see `assess.core.i18n.messages`): (Vietnamese, English) by key.

The catalog, loading, lint and release of checklists and platform profiles: what a policy team
reads when it runs `assess checklist lint`, `checklist release`, `platform lint` or
`platform release`, and what a province reads when a checklist or profile cannot be found.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ── what a shelf keeps, and how serious a lint issue is ──
    "checklists.noun.checklist": ("bộ tiêu chí", "checklist"),
    "checklists.noun.platform": ("hồ sơ nền tảng", "platform profile"),
    "checklists.level.error": ("lỗi", "error"),
    "checklists.level.warning": ("cảnh báo", "warning"),
    "checklists.issue": ("{level}: {problem}", "{level}: {problem}"),
    "checklists.located": ("{where}: {text}", "{where}: {text}"),
    "checklists.lines": ("{first}\n{rest}", "{first}\n{rest}"),
    # ── the catalog ──
    "checklists.catalog.edited": (
        "mã SHA-256 của tệp này là {sha}…, nhưng {lock} ghi {recorded}… cho phiên bản đã phát "
        "hành {version}: một {noun} đã phát hành đã bị sửa; hãy khôi phục tệp (git checkout) "
        "hoặc phát hành thay đổi thành một phiên bản mới",
        "this file's SHA-256 is {sha}…, but {lock} records {recorded}… for the released "
        "version {version}: a released {noun} was edited; restore it (git checkout) or release "
        "the change as a new version"),
    "checklists.catalog.no_file": ("{ref}: không có tệp {noun} này", "{ref}: no such {noun} file"),
    "checklists.catalog.no_id": ("không có {noun} '{id}' ({hint}); đã tìm trong {dirs}",
                                 "no {noun} '{id}' ({hint}); searched {dirs}"),
    "checklists.catalog.no_release": (
        "{noun} '{id}' chưa có phiên bản nào đã phát hành; hãy ghi rõ bản nháp: {id}@{version}",
        "{noun} '{id}' has no released version; name a draft explicitly: {id}@{version}"),
    "checklists.catalog.no_version": ("{noun} '{id}' không có phiên bản {version} (hiện có: "
                                      "{have})",
                                      "{noun} '{id}' has no version {version} (have: {have})"),
    # ── loading ──
    "checklists.ref.instead.checklist": (
        "tệp bộ tiêu chí thì đưa ở dòng lệnh, bằng --checklist PATH",
        "a checklist file is given on the command line instead, with --checklist PATH"),
    "checklists.ref.instead.platform": (
        "tệp hồ sơ nền tảng thì đặt trong một thư mục đưa bằng --platforms",
        "a profile file is put in a folder given with --platforms"),
    "checklists.ref.file": (
        "'{ref}' là tên một tệp; trong tài liệu, {noun} được ghi bằng id@version ({instead})",
        "'{ref}' names a file; a document names a {noun} by id@version ({instead})"),
    "checklists.identity.id": ("tệp khai báo id '{found}'; cần là '{want}' (tên thư mục)",
                               "file declares id '{found}'; expected '{want}' (the folder name)"),
    "checklists.identity.version": (
        "tệp khai báo version '{found}'; cần là '{want}' (tên tệp)",
        "file declares version '{found}'; expected '{want}' (the file name)"),
    "checklists.review.other_proposal": (
        "bản thẩm định này là của hồ sơ '{found}'; cần là '{want}' ({file})",
        "review is of proposal '{found}'; expected '{want}' ({file})"),
    "checklists.review.changed": (
        "tệp hồ sơ {file} đã thay đổi kể từ khi lập bản thẩm định này (SHA-256 của tệp hiện là "
        "{sha}…, bản thẩm định ghi {named}…); cần đúng tệp đã thẩm định — hãy thẩm định lại",
        "the proposal file {file} has changed since this review was written (its SHA-256 is "
        "{sha}…, the review names {named}…); expected the reviewed file — review it again"),
    # ── lint: which files ──
    "checklists.lint.no_files": (
        "thư mục này không có tệp {noun} nào (<id>/<version>.yaml)",
        "no {noun} files (<id>/<version>.yaml) in this folder"),
    "checklists.lint.kind": ("đây là {what}; cần kind: {kind}",
                             "this is {what}; expected kind: {kind}"),
    "checklists.lint.kind.other": ("tài liệu loại {found}", "a {found}"),
    "checklists.lint.kind.none": ("tài liệu không phải loại {kind}", "not a {kind} document"),
    # ── lint: names ──
    "checklists.lint.outside_layout": (
        "tên tệp '{name}' nằm ngoài cách sắp xếp của danh mục <id>/<version>.yaml; cần là "
        "{id}/{version}.yaml để danh mục tìm thấy",
        "file name '{name}' is outside the catalog layout <id>/<version>.yaml; expected "
        "{id}/{version}.yaml for the catalog to find it"),
    "checklists.lint.file_version": (
        "tệp khai báo version '{version}' nhưng có tên '{name}'; cần tên {version}.yaml (hoặc "
        "version: {stem})",
        "file declares version '{version}' but is named '{name}'; expected {version}.yaml (or "
        "version: {stem})"),
    "checklists.lint.folder_id": (
        "tệp khai báo id '{id}' nhưng nằm trong thư mục '{folder}'; cần đặt trong thư mục tên "
        "{id}",
        "file declares id '{id}' but is in folder '{folder}'; expected it in a folder named {id}"),
    # ── lint: texts ──
    "checklists.lint.same_text": (
        "văn bản vi và en giống nhau ({text}); cần một văn bản tiếng Việt và bản dịch tiếng Anh "
        "của nó",
        "the vi and en texts are the same ({text}); expected a Vietnamese text and its English "
        "translation"),
    "checklists.lint.no_diacritics": (
        "văn bản vi không có dấu tiếng Việt ({text}); cần viết tiếng Việt có dấu",
        "the vi text has no Vietnamese diacritics ({text}); expected Vietnamese written with its "
        "diacritics"),
    # ── lint: controls ──
    "checklists.lint.no_legal_basis": (
        "kiểm soát {id} không nêu căn cứ pháp lý; cần ít nhất một điều khoản trong legal_basis "
        "(chỉ để trống nếu kiểm soát chỉ là thực hành tốt)",
        "control {id} cites no legal basis; expected at least one provision in legal_basis "
        "(leave it empty only for good practice)"),
    "checklists.lint.weighs_nothing": (
        "kiểm soát {id} không bao giờ được tính: mức độ '{severity}' có trọng số 0 trong "
        "scoring.severity_weights",
        "control {id} never counts: severity '{severity}' weighs 0 in scoring.severity_weights"),
    "checklists.lint.hygiene_rule": (
        "quy tắc '{rule}' chỉ báo phát hiện, không quyết định kiểm soát nào; cần một quy tắc "
        "quyết định kiểm soát, hoặc không dùng quy tắc",
        "rule '{rule}' only reports hygiene findings and decides no control; expected a "
        "deciding rule, or no rule"),
    "checklists.lint.fact_twice": (
        "dữ kiện '{fact}' được nêu hai lần; mỗi dữ kiện chỉ cần nêu một lần",
        "fact '{fact}' is listed twice; expected each fact once"),
    "checklists.lint.low_blocker": (
        "kiểm soát {id} là kiểm soát bắt buộc (blocker) nhưng có mức độ low; kiểm soát bắt buộc "
        "cần mức độ ít nhất là medium (không đạt kiểm soát này thì hồ sơ không được chấp thuận)",
        "control {id} is a blocker of low severity; expected a blocker to be at least medium "
        "(failing it rejects the proposal)"),
    # ── lint: scoring ──
    "checklists.lint.missing": ("không có {what} cho {keys}; {then}",
                                "no {what} for {keys}; {then}"),
    "checklists.lint.missing.class": (
        "các phân loại này được tính là mức 1 — cần khai đủ mọi phân loại dữ liệu",
        "they count as level 1 — expected every class"),
    "checklists.lint.missing.severity": (
        "các mức độ này được tính là mức 1 — cần khai đủ mọi mức độ",
        "they count as level 1 — expected every severity"),
    "checklists.lint.below": (
        "{what} của '{key}' ({value:g}) thấp hơn của '{prev}' ({prev_value:g}); cần {whats} theo "
        "thứ tự {order}",
        "{what} of '{key}' ({value:g}) is below that of '{prev}' ({prev_value:g}); expected {whats} "
        "ordered {order}"),
    "checklists.what.weight": ("trọng số", "weight"),
    "checklists.whats.weight": ("các trọng số", "weights"),
    "checklists.what.value": ("giá trị", "value"),
    "checklists.whats.value": ("các giá trị", "values"),
    "checklists.what.impact": ("mức tác động", "impact level"),
    "checklists.whats.impact": ("các mức tác động", "impact levels"),
    "checklists.what.likelihood": ("mức khả năng xảy ra", "likelihood level"),
    "checklists.whats.likelihood": ("các mức khả năng xảy ra", "likelihood levels"),
    "checklists.lint.negative_weight": ("trọng số {weight:g} là số âm; cần từ 0 trở lên",
                                        "weight {weight:g} is negative; expected 0 or more"),
    "checklists.lint.unknown_earns": (
        "unknown được {unknown:g} điểm, nhiều hơn not-met ({not_met:g}); cần một kiểm soát chưa trả "
        "lời không được điểm cao hơn một kiểm soát không đạt",
        "unknown earns {unknown:g}, more than not-met ({not_met:g}); expected an unanswered control "
        "to earn no more than a failed one"),
    "checklists.lint.same_thresholds": (
        "approve và conditional đều bằng {value:g}; không điểm số nào cho kết quả 'conditional' — "
        "cần approve cao hơn conditional",
        "approve and conditional are both {value:g}; no score is ever 'conditional' — expected "
        "approve above conditional"),
    "checklists.lint.matrix": (
        "mức rủi ro '{rating}' tại tác động {impact}, khả năng xảy ra {likelihood} thấp hơn một "
        "ô có tác động hoặc khả năng xảy ra thấp hơn; cần các mức không bao giờ giảm khi sang "
        "phải hoặc xuống dưới",
        "rating '{rating}' at impact {impact}, likelihood {likelihood} is lower than a cell of "
        "lower impact or likelihood; expected ratings that never decrease to the right or down"),
    # ── lint: platform profiles ──
    "checklists.lint.stale": (
        "thông tin được kiểm tra lần cuối cách đây {age} ngày ({date}); cần kiểm tra lại theo "
        "nguồn ít nhất mỗi năm một lần, trong một phiên bản mới",
        "facts last checked {age} days ago ({date}); expected a re-check against the sources at "
        "least yearly, in a new version"),
    "checklists.lint.answers_unloadable": (
        "có trả lời cho {ref} nhưng không tải được bộ tiêu chí này ({why}); cần một phiên bản "
        "bộ tiêu chí có trong danh mục (xem `assess checklist list`)",
        "answers for {ref}, which cannot be loaded ({why}); expected a checklist version of the "
        "catalog (see `assess checklist list`)"),
    "checklists.lint.no_control": (
        "không có kiểm soát '{id}' trong bộ tiêu chí {ref}; cần một mã kiểm soát của phiên bản "
        "đó",
        "no control '{id}' in checklist {ref}; expected a control id of that version"),
    "checklists.lint.province_control": (
        "{id} thuộc trách nhiệm của địa phương; chỉ trả lời các kiểm soát do đơn vị vận hành chịu "
        "trách nhiệm hoặc cùng chịu trách nhiệm",
        "{id} is owned by the submitter; expected answers only for controls the operator owns or "
        "shares"),
    # ── the release lock ──
    "checklists.lock.not_mapping": ("cần một mapping YAML dạng version: sha256",
                                    "expected a mapping of version: sha256"),
    "checklists.lock.bad_version": ("cần một phiên bản như 1.0.0 (đặt trong dấu ngoặc kép)",
                                    "expected a version such as 1.0.0 (quoted)"),
    "checklists.lock.bad_sha": ("cần SHA-256 của tệp: 64 chữ số thập lục phân viết thường",
                                "expected the file's SHA-256 as 64 lower-case hex digits"),
    "checklists.lock.missing_file": (
        "phiên bản {version} được ghi là đã phát hành nhưng thiếu tệp {version}.yaml; cần có tệp "
        "đã phát hành (một phiên bản đã phát hành không bao giờ bị xóa)",
        "version {version} is recorded as released but {version}.yaml is missing; expected the "
        "released file (a released version is never removed)"),
    "checklists.lock.not_recorded": (
        "phiên bản {version} ghi là đã phát hành nhưng chưa được ghi trong {lock}; cần có "
        "SHA-256 của tệp trong đó — hãy ghi bằng `assess {command} release {ref}`",
        "version {version} says released but is not recorded in {lock}; expected its SHA-256 "
        "there — record it with `assess {command} release {ref}`"),
    "checklists.lock.changed": (
        "tệp đã thay đổi sau khi phát hành: SHA-256 của tệp hiện là {sha}…, {lock} ghi "
        "{recorded}…; cần đúng nội dung đã phát hành — một phiên bản đã phát hành không bao giờ "
        "thay đổi: hãy khôi phục tệp và đưa thay đổi vào một phiên bản mới",
        "the file changed after its release: its SHA-256 is now {sha}…, {lock} records "
        "{recorded}…; expected the released bytes — a released version never changes: restore "
        "it and put the change in a new version"),
    "checklists.lock.says_draft": (
        "{lock} ghi {version} là đã phát hành nhưng tệp ghi status: draft; cần đúng tệp đã phát "
        "hành",
        "{lock} records {version} as released but the file says status: draft; expected the "
        "released file"),
    # ── version bumps ──
    "checklists.bump.too_small": (
        "phiên bản {version} là mức tăng {have} so với bản phát hành trước {previous}, nhưng các "
        "thay đổi cần mức tăng {need} ({because}{more}); cần phiên bản {suggested} trở lên — xem "
        "`assess {command} diff {old} {new}`",
        "version {version} is a {have} bump over the previous release {previous}, but the "
        "changes need a {need} bump ({because}{more}); expected version {suggested} or higher — "
        "see `assess {command} diff {old} {new}`"),
    "checklists.bump.more": ("; và {n} thay đổi khác", "; and {n} more"),
    "checklists.bump.unloadable": (
        "không so sánh được với bản phát hành trước này: tệp không tải được",
        "cannot compare with this previous release: it does not load"),
    # ── releasing ──
    "checklists.release.no_status": (
        "không tìm thấy 'status: draft' ở đầu dòng này; cần một dòng 'status: draft' đơn giản ở "
        "cấp trên cùng",
        "cannot find 'status: draft' at the start of this line; expected a plain top-level "
        "'status: draft'"),
    "checklists.release.layout": (
        "{path}: bản phát hành phải nằm tại <id>/<version>.yaml; cần là {id}/{version}.yaml",
        "{path}: a release must live at <id>/<version>.yaml; expected {id}/{version}.yaml"),
    "checklists.release.already": (
        "{ref} đã được phát hành ({path}, SHA-256 {sha}… như ghi trong {lock})",
        "{ref} is already released ({path}, SHA-256 {sha}… as recorded in {lock})"),
    "checklists.release.version_taken": (
        "{version} đã được ghi là đã phát hành; bản nháp cần một phiên bản mới",
        "{version} is already recorded as released; expected a new version for a draft"),
    "checklists.release.more_than_status": (
        "{path}: việc đổi trạng thái đã làm thay đổi cả những phần khác ngoài trạng thái",
        "{path}: changing the status changed more than the status"),
    "checklists.release.no_change": (
        "không có thay đổi nào so với {ref} cần đến một phiên bản mới",
        "no change from {ref} that needs a new version"),
    "checklists.release.has_entry": ("đã có mục cho {version}; giữ nguyên",
                                     "already has an entry for {version}; left as it is"),
}

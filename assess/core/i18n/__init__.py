"""Interface words in both languages, shared by the terminal, HTML and PDF renderers."""

from __future__ import annotations

import functools
from typing import Literal

Lang = Literal["vi", "en"]
"""The two languages of every text: Vietnamese (of record) and English."""
LANGS: tuple[Lang, ...] = ("vi", "en")

WORDS: dict[str, tuple[str, str]] = {
    "approve": ("Chấp thuận", "Approve"),
    "conditional": ("Chấp thuận có điều kiện", "Approve with conditions"),
    "approve.exception": ("Phê duyệt ngoại lệ", "Approved as an exception"),
    "conditional.exception": ("Chấp thuận có điều kiện theo ngoại lệ",
                              "Approved with conditions as an exception"),
    "reject.exception": ("Không chấp thuận", "Reject"),
    "reject": ("Không chấp thuận", "Reject"),
    "met": ("Đạt", "Met"),
    "partial": ("Đạt một phần", "Partly met"),
    "not-met": ("Không đạt", "Not met"),
    "not-applicable": ("Không áp dụng", "Not applicable"),
    "unknown": ("Chưa rõ", "Unknown"),
    "critical": ("Nghiêm trọng", "Critical"),
    "high": ("Cao", "High"),
    "medium": ("Trung bình", "Medium"),
    "low": ("Thấp", "Low"),
    "class.public": ("công khai", "public"),
    "class.internal": ("nội bộ", "internal"),
    "class.personal": ("cá nhân", "personal"),
    "class.sensitive-personal": ("cá nhân nhạy cảm", "sensitive personal"),
    "trust.government": ("nhà nước", "government"),
    "trust.third-party": ("bên thứ ba", "third-party"),
    "trust.untrusted": ("không tin cậy", "untrusted"),
    "finding.unknown": ("Chưa rõ — chưa có trả lời hoặc bằng chứng", "Unknown — no answer or evidence"),
    "declared": ("Tự khai", "Declared"),
    "rule": ("Luồng dữ liệu", "Data flows"),
    "review": ("Thẩm định", "Review"),
    "profile": ("Hồ sơ nền tảng", "Platform profile"),
    "default": ("Chưa trả lời", "No answer"),
    "country.ZZ": ("chưa rõ", "unknown"),
    "kind.proposal": ("hồ sơ", "proposal"),
    "kind.review": ("bản thẩm định", "review"),
    "kind.checklist": ("bộ tiêu chí", "checklist"),
    "kind.platform": ("hồ sơ nền tảng", "platform"),
    "kind.legal-register": ("sổ đăng ký văn bản pháp luật", "legal register"),
    "doc.draft": ("bản nháp", "draft"),
    "doc.released": ("đã ban hành", "released"),
    "certainty.confirmed": ("đã xác nhận", "confirmed"),
    "certainty.to-confirm": ("cần xác nhận", "to-confirm"),
    "certainty.unknown": ("chưa rõ", "unknown"),
    "verdict": ("Kết luận", "Verdict"),
    "score": ("Điểm", "Score"),
    "risk": ("Mức rủi ro", "Risk"),
    "impact": ("Tác động", "Impact"),
    "likelihood": ("Khả năng xảy ra", "Likelihood"),
    "domain": ("Lĩnh vực", "Domain"),
    "domains": ("Điểm theo lĩnh vực", "Domain scores"),
    "weight": ("Trọng số", "Weight"),
    "controls": ("Kiểm soát", "Controls"),
    "control": ("Kiểm soát", "Control"),
    "findings": ("Phát hiện chính", "Top findings"),
    "severity": ("Mức độ", "Severity"),
    "message": ("Nội dung", "Finding"),
    "proposal": ("Hồ sơ", "Proposal"),
    "checklist": ("Bộ tiêu chí", "Checklist"),
    "unreleased": ("CHƯA BAN HÀNH: bản nháp hoặc tệp ngoài danh mục, không dùng cho kết luận "
                   "chính thức", "UNRELEASED: a draft or a file outside the catalog, not for a "
                   "formal decision"),
    "channel": ("Kênh", "Channel"),
    "operator": ("Đơn vị vận hành", "Operator"),
    "status": ("Trạng thái", "Status"),
    "source": ("Nguồn", "Source"),
    "blocker": ("Bắt buộc", "Blocker"),
    "reasons": ("Căn cứ kết luận", "Why"),
    "exposure": ("Ai đọc được dữ liệu nào", "Who can read what"),
    "data": ("Dữ liệu", "Data"),
    "data_inventory": ("Danh mục dữ liệu", "The data inventory"),
    "zone": ("Vùng", "Zone"),
    "country": ("Quốc gia", "Country"),
    "at_rest": ("Lưu trữ", "At rest"),
    "e2e": ("Mã hóa đầu-cuối", "End-to-end"),
    "yes": ("Có", "Yes"),
    "no": ("Không", "No"),
    "more_findings": (
        "… và {n} phát hiện khác (xem --json hoặc báo cáo)",
        "… and {n} more findings (see --json or the report)",
    ),
    "na": ("—", "—"),
    # terminal-only phrases, by section
    "path.path": ("Đường đi", "Path"),
    "path.more": (
        "… và {n} dòng khác (xem --json hoặc báo cáo)",
        "… and {n} more rows (see --json or the report)",
    ),
    "review.self": ("Tự đánh giá", "Self-assessed"),
    "review.reviewed": ("Sau thẩm định", "Reviewed"),
    "review.reviewer": ("Người thẩm định", "Reviewer"),
    "review.overrides": ("Điều chỉnh của người thẩm định", "Reviewer's overrides"),
    "review.before": ("Trước", "Before"),
    "review.after": ("Sau", "After"),
    "review.rationale": ("Lý do", "Rationale"),
    "review.conditions": ("Điều kiện", "Conditions"),
    "review.computed": ("công cụ tính được", "computed"),
    "reassess.title": (
        "Đánh giá lại: trả lời theo {old} → đánh giá theo {new}",
        "Re-assessment: answered for {old} → assessed against {new}",
    ),
    "reassess.change": ("Thay đổi", "Change"),
    "reassess.answered": ("Đã trả lời", "Answered"),
    "reassess.now": ("Hiện tại", "Now"),
    "reassess.added": ("mới — chưa trả lời", "new — unanswered"),
    "reassess.removed": ("đã bỏ — câu trả lời không dùng", "removed — answer ignored"),
    "reassess.renamed": ("đổi mã từ {old}", "renamed from {old}"),
    "reassess.changed": ("đã sửa: {fields}", "changed: {fields}"),
    "reassess.more": ("… và {n} kiểm soát khác (xem --json)", "… and {n} more controls (see --json)"),
    "reassess.hint": (
        "Cập nhật hồ sơ: assess migrate <hồ sơ> --to {new} -o <hồ sơ mới>",
        "Update the proposal: assess migrate <proposal> --to {new} -o <new proposal>",
    ),
}


def pick(pair: tuple[str, str], lang: Lang) -> str:
    """The `lang` half of a (Vietnamese, English) pair: how every word table is read."""
    return pair[0] if lang == "vi" else pair[1]


def words(table: dict[str, tuple[str, str]], lang: Lang) -> dict[str, str]:
    """One language's half of a word table, by key."""
    return {key: pick(pair, lang) for key, pair in table.items()}


def capitalised(key: str, lang: Lang) -> str:
    """The word for `key` starting with a capital: a table cell or a label."""
    word = t(key, lang)
    return word[:1].upper() + word[1:]


def t(key: str, lang: Lang) -> str:
    """The word for `key`; an unknown key is returned as is (never raises in a renderer)."""
    pair = WORDS.get(key)
    if pair is None:
        return key
    return pick(pair, lang)


def decimal(x: float, lang: Lang, spec: str = ".1f") -> str:
    """A number as the reader writes it: in Vietnamese the decimal mark is a comma and a dot
    groups thousands (21.000,5), in English the reverse (21,000.5). Every number a person reads
    (messages, terminal, report) is written by this one function.

    `spec` is a format spec ('.1f', 'g', ',', ',.2f'): Python writes and rounds the digits, the
    marks are the locale's (CLDR `vi` / `en`, through Babel)."""
    decimal_mark, group_mark = _marks(lang)
    return format(x, spec).translate({ord(","): group_mark, ord("."): decimal_mark})


@functools.cache
def _marks(lang: Lang) -> tuple[str, str]:
    """The decimal mark and the thousands separator of `lang` (read from CLDR once)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_decimal_symbol(lang), get_group_symbol(lang)


def country(code: str, lang: Lang) -> str:
    """A country as a reader names it, from its ISO 3166 code: 'Hoa Kỳ' / 'United States'
    (CLDR territory names); 'chưa rõ' / 'unknown' for the unknown location (ZZ); a code CLDR
    does not name stays as written."""
    if code == "ZZ":
        return t("country.ZZ", lang)
    return _territories(lang).get(code.upper(), code)


@functools.cache
def _territories(lang: Lang) -> dict[str, str]:
    from babel import Locale

    return dict(Locale.parse(lang).territories)

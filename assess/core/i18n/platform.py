"""The words of `assess platform show`, in both languages."""

from __future__ import annotations

from assess.core.i18n import Lang, pick

WORDS: dict[str, tuple[str, str]] = {
    "operators": ("Đơn vị vận hành", "Operators"),
    "zones": ("Vùng", "Zones"),
    "nodes": ("Hệ thống", "Systems"),
    "flows": ("Luồng bên trong nền tảng", "Flows inside the platform"),
    "sub_processors": ("Bên xử lý phụ", "Sub-processors"),
    "filings": ("Hồ sơ đánh giá tác động đã nộp", "Impact-assessment filings"),
    "answers": ("Trả lời theo bộ tiêu chí", "Answers by checklist"),
    "sources": ("Nguồn công khai", "Public sources"),
    "none_known": ("Không nguồn công khai nào nêu", "No public source lists them"),
    "certainty": ("Mức chắc chắn", "Certainty"),
    "name": ("Tên", "Name"),
    "country_role": ("Quốc gia, vai trò", "Country, role"),
    "country": ("Quốc gia", "Country"),
    "operator_trust": ("Đơn vị vận hành, mức tin cậy", "Operator, trust"),
    "system": ("Hệ thống", "System"),
    "keeps": ("Có lưu lại", "Keeps"),
    "protection": ("Mã hóa khi lưu / số ngày lưu / kết nối vào", "At rest / days kept / inbound"),
    "flow": ("Luồng", "Flow"),
    "how": ("Mã hóa, xác thực", "Encryption, authentication"),
    "what": ("Nội dung", "What"),
    "evidence": ("Bằng chứng", "Evidence"),
    "source": ("Nguồn", "Source"),
    "published": ("Ngày, nơi công bố", "Published, where"),
    "unknown_note": ("'unknown' (chưa rõ) tính bất lợi cho hồ sơ, không bao giờ có lợi.",
                     "'unknown' counts against a proposal, never for it."),
}
"""Headings and labels of a platform profile shown in the terminal."""


def w(key: str, lang: Lang) -> str:
    return pick(WORDS[key], lang)

"""The data-flow diagram's own words in both languages (its legend, labels and notes)."""

from __future__ import annotations

from assess.core.i18n import Lang, pick

WORDS: dict[str, tuple[str, str]] = {
    "title": ("Sơ đồ luồng dữ liệu", "Data-flow diagram"),
    "collapsed": ("thu gọn theo vùng: {n} nút, quá {max}", "collapsed to zones: {n} nodes, over {max}"),
    "legend": ("Chú giải", "Legend"),
    "actor": ("Tác nhân", "Actor"),
    "process": ("Tiến trình", "Process"),
    "datastore": ("Kho dữ liệu", "Datastore"),
    "external": ("Hệ thống ngoài", "External system"),
    "actor_shape": ("Tác nhân (hộp bo góc)", "Actor (rounded box)"),
    "process_shape": ("Tiến trình (elip)", "Process (ellipse)"),
    "datastore_shape": ("Kho dữ liệu (hình trụ)", "Datastore (cylinder)"),
    "external_shape": ("Hệ thống ngoài (hộp 3 chiều)", "External system (3-D box)"),
    "zone": ("Vùng {trust}", "{Trust} zone"),
    "plain": ("Dữ liệu cá nhân không mã hóa qua ranh giới", "Personal data unencrypted across a "
              "boundary"),
    "abroad": ("Chuyển ra nước ngoài (nét đứt)", "Transfer abroad (dashed)"),
    "other": ("Luồng có phát hiện khác", "Flow with another finding"),
    "flagged": ("Nút có phát hiện (viền đỏ)", "Node with a finding (red border)"),
    "numbered": ("#n: số thứ tự của luồng trong bảng các luồng dữ liệu",
                 "#n: the flow's number in the table of data flows"),
    "none": ("không mã hóa", "unencrypted"),
    "tls": ("TLS", "TLS"),
    "e2e": ("đầu-cuối", "end-to-end"),
    "stores": ("lưu", "stores"),
    "at_rest": ("mã hóa lưu trữ", "encrypted at rest"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "unknown": ("chưa rõ", "unknown"),
    "days": ("{n} ngày", "{n} days"),
    "no_limit": ("thời hạn lưu: chưa rõ", "retention: unknown"),
    "nodes": ("{n} nút", "{n} nodes"),
    "from_profile": ("theo hồ sơ nền tảng {ref}", "per platform profile {ref}"),
    "flows": ("{n} luồng", "{n} flows"),
    "items": ("{n} mục dữ liệu", "{n} data items"),
}


def w(key: str, lang: Lang) -> str:
    """The diagram's word for `key` (a key missing here is a bug: raises KeyError)."""
    return pick(WORDS[key], lang)

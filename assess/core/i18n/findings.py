"""The words of a finding that groups a rule's hits: what it counts, in both languages.

A rule that fails in many places for one control is one finding (`assess.engine.evaluate`);
its message says how many places of each kind, so it covers them all.
"""

from __future__ import annotations

from assess.core.i18n import Lang, decimal, pick

WORDS: dict[str, tuple[str, str]] = {
    "flow.one": ("{n} luồng dữ liệu", "{n} data flow"),
    "flow.many": ("{n} luồng dữ liệu", "{n} data flows"),
    "node.one": ("{n} nút", "{n} node"),
    "node.many": ("{n} nút", "{n} nodes"),
    "zone.one": ("{n} vùng", "{n} zone"),
    "zone.many": ("{n} vùng", "{n} zones"),
    "service.one": ("{n} dịch vụ", "{n} service"),
    "service.many": ("{n} dịch vụ", "{n} services"),
    "data.one": ("{n} mục dữ liệu", "{n} data item"),
    "data.many": ("{n} mục dữ liệu", "{n} data items"),
    "place.one": ("{n} vị trí", "{n} place"),
    "place.many": ("{n} vị trí", "{n} places"),
    "and": ("{a} và {b}", "{a} and {b}"),
    "group": ("{title}: {counts}; dữ liệu: {data}.", "{title}: {counts}; data: {data}."),
    "group_no_data": ("{title}: {counts}.", "{title}: {counts}."),
    "uncertain": (" Trong đó {n} dựa trên điều hồ sơ nền tảng chưa cho biết.",
                  " {n} of them rest on what the platform profile does not say."),
    "uncertain_all": (" Tất cả đều dựa trên điều hồ sơ nền tảng chưa cho biết.",
                      " All of them rest on what the platform profile does not say."),
    "more_paths": ("… và {n} đường đi khác (xem --json hoặc báo cáo)",
                   "… and {n} more paths (see --json or the report)"),
}

KINDS = ("flow", "node", "zone", "service", "data", "place")
"""The kinds of place a rule's hit can be, in the order a message counts them."""


def fw(key: str, lang: Lang, **fmt: object) -> str:
    """The finding word for `key`, formatted with `fmt`."""
    return pick(WORDS[key], lang).format(**fmt)


def counted(kinds: dict[str, int], lang: Lang) -> str:
    """'3 luồng dữ liệu và 1 vùng' / '3 data flows and 1 zone': places by kind, in `KINDS`
    order, the last two joined by 'and'."""
    parts = [fw(f"{k}.{'one' if kinds[k] == 1 else 'many'}", lang,
                n=decimal(kinds[k], lang, ","))
             for k in KINDS if kinds.get(k)]
    if len(parts) < 2:
        return "".join(parts)
    return fw("and", lang, a=", ".join(parts[:-1]), b=parts[-1])

"""The national portfolio's example data: one proposal from each of the 34 provincial-level units.

Since 1 Jul 2025 Vietnam has 34 provincial-level units, 28 provinces and 6 cities (Resolution
202/2025/QH15). Each unit here proposes one channel, made from one of the repository's
hand-written examples by changing who proposes it (names, identifiers, the number of people
served) and, in two variants, what the province can show:

- `notify` (examples/bac-ninh-zalo-notifications.yaml): status notices and procedure information
  through a Zalo OA, the data-processing annex with VNG signed;
- `notify-partial`: the same, but counter-appointment notices still go only through Zalo (an SMS
  route being added) and the annex does not yet name where backups are kept: two answers partly
  met, one of them a blocker's (CON-01);
- `notify-pending`: the same, with the annex still under negotiation: every answer that rests on
  it is unknown, as the province honestly has nothing to show;
- `services` (examples/quang-tri-zalo-services.yaml): whole procedures received through the OA's
  chat, ID-card photos included;
- `messenger` (examples/facebook-messenger-abroad.yaml): a Facebook Messenger bot, Meta keeping the
  conversations in the United States.

The verdicts are not chosen here: `assess batch` computes them. People, document numbers and the
number of people served are illustrative; no telephone number is given (the area codes of the
merged units are not in the reference this project cites). No unit proposes a Telegram bot: no
hand-written example of one exists yet to derive it from.

Run from the repository's root: `python examples/portfolio/generate.py`. The files are committed;
a test checks they are exactly what this script writes.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent

# (identifier, name, "tỉnh" or "thành phố", variant), in the order of Resolution 202/2025/QH15's
# list: the 11 units left unchanged, then the 23 formed by merging.
UNITS: list[tuple[str, str, str, str]] = [
    ("ha-noi", "Hà Nội", "thành phố", "notify"),
    ("hue", "Huế", "thành phố", "notify-partial"),
    ("lai-chau", "Lai Châu", "tỉnh", "notify-pending"),
    ("dien-bien", "Điện Biên", "tỉnh", "services"),
    ("son-la", "Sơn La", "tỉnh", "notify-partial"),
    ("lang-son", "Lạng Sơn", "tỉnh", "notify"),
    ("quang-ninh", "Quảng Ninh", "tỉnh", "notify"),
    ("thanh-hoa", "Thanh Hóa", "tỉnh", "messenger"),
    ("nghe-an", "Nghệ An", "tỉnh", "messenger"),
    ("ha-tinh", "Hà Tĩnh", "tỉnh", "notify-partial"),
    ("cao-bang", "Cao Bằng", "tỉnh", "notify-pending"),
    ("tuyen-quang", "Tuyên Quang", "tỉnh", "notify"),
    ("lao-cai", "Lào Cai", "tỉnh", "services"),
    ("thai-nguyen", "Thái Nguyên", "tỉnh", "notify-partial"),
    ("phu-tho", "Phú Thọ", "tỉnh", "notify"),
    ("bac-ninh", "Bắc Ninh", "tỉnh", "notify"),
    ("hung-yen", "Hưng Yên", "tỉnh", "messenger"),
    ("hai-phong", "Hải Phòng", "thành phố", "notify"),
    ("ninh-binh", "Ninh Bình", "tỉnh", "notify-partial"),
    ("quang-tri", "Quảng Trị", "tỉnh", "services"),
    ("da-nang", "Đà Nẵng", "thành phố", "notify"),
    ("quang-ngai", "Quảng Ngãi", "tỉnh", "notify-pending"),
    ("gia-lai", "Gia Lai", "tỉnh", "notify-partial"),
    ("khanh-hoa", "Khánh Hòa", "tỉnh", "notify"),
    ("lam-dong", "Lâm Đồng", "tỉnh", "services"),
    ("dak-lak", "Đắk Lắk", "tỉnh", "notify-partial"),
    ("ho-chi-minh", "Hồ Chí Minh", "thành phố", "notify"),
    ("dong-nai", "Đồng Nai", "tỉnh", "messenger"),
    ("tay-ninh", "Tây Ninh", "tỉnh", "notify-partial"),
    ("can-tho", "Cần Thơ", "thành phố", "notify"),
    ("vinh-long", "Vĩnh Long", "tỉnh", "notify-pending"),
    ("dong-thap", "Đồng Tháp", "tỉnh", "notify"),
    ("ca-mau", "Cà Mau", "tỉnh", "notify-partial"),
    ("an-giang", "An Giang", "tỉnh", "notify"),
]

# Each variant's source: the example, its province's name and identifier, and its own suffix.
SOURCES: dict[str, tuple[str, str, str, str]] = {
    "notify": ("bac-ninh-zalo-notifications.yaml", "Bắc Ninh", "bac-ninh", "zalo-notifications"),
    "services": ("quang-tri-zalo-services.yaml", "Quảng Trị", "quang-tri", "zalo-services"),
    "messenger": ("facebook-messenger-abroad.yaml", "Nghệ An", "nghe-an", "messenger-bot"),
}
SOURCES["notify-partial"] = SOURCES["notify"]
SOURCES["notify-pending"] = SOURCES["notify"]

# Fictional contacts, one per unit in turn.
CONTACTS = ["Nguyễn Thị Hương", "Trần Văn Nam", "Lê Thị Thu", "Phạm Minh Tuấn", "Hoàng Thị Lan",
            "Vũ Đức Thắng", "Đặng Thị Mai", "Bùi Quang Huy", "Đỗ Thị Hạnh", "Ngô Văn Long",
            "Dương Thị Ngọc", "Lý Văn Hải", "Trịnh Thị Hoa", "Đinh Công Sơn", "Mai Thị Yến",
            "Tạ Quốc Bảo", "Hồ Thị Phương"]

ANNEX = "Phụ lục 02"
"""The clause the notify example cites for what only VNG can show: storage in Vietnam, encryption
at rest, retention, incidents. Its variants change the answers that cite it."""


def _factor(slug: str) -> float:
    """A stable multiplier from 0.4 to 2.5 for the number of people a unit serves."""
    digest = hashlib.sha256(slug.encode()).digest()
    return 0.4 + 2.1 * digest[0] / 255


def _replace(value: Any, swap: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return swap(value)
    if isinstance(value, dict):
        return {swap(k) if isinstance(k, str) else k: _replace(v, swap) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace(v, swap) for v in value]
    return value


def _swapper(old: str, old_slug: str, name: str, slug: str, kind: str) -> Callable[[str], str]:
    city = kind == "thành phố"
    vi_unit = f"{'Thành phố' if name == 'Hồ Chí Minh' else kind} {name}"
    en_adj = "City" if city else "Provincial"
    pairs = [(f"tỉnh {old}", vi_unit), (f"Tỉnh {old}", vi_unit[:1].upper() + vi_unit[1:]),
             (f"{old} Provincial", f"{name} {en_adj}"), (f"{old} provincial",
                                                         f"{name} {en_adj.lower()}"),
             (old, name), (old_slug, slug)]

    def swap(text: str) -> str:
        for before, after in pairs:
            text = text.replace(before, after)
        return text

    return swap


def _pending(answers: dict[str, Any]) -> None:
    """The annex not yet signed: what rests on it cannot be shown."""
    for cid, answer in answers.items():
        cites = [e for e in answer.get("evidence", []) if ANNEX in e]
        if answer.get("status") == "met" and cites:
            rest = [e for e in answer["evidence"] if ANNEX not in e]
            answers[cid] = {"status": "unknown", **({"evidence": rest} if rest else {}),
                            "note": "Phụ lục xử lý dữ liệu cá nhân với Công ty Cổ phần VNG đang "
                                    "đàm phán, chưa ký: chưa có căn cứ cho nội dung này."}


def _partial(answers: dict[str, Any]) -> None:
    """The annex signed, but the channel not yet doubled everywhere: some notices (counter
    appointments) still go only through Zalo, an SMS route being added; and the annex silent on
    where backups are kept."""
    answers["CON-01"] = {"status": "partial", "note": (
        "Thông báo lịch hẹn tại bộ phận một cửa hiện chỉ gửi qua Zalo; đang bổ sung gửi qua SMS "
        "và thư điện tử. Các thông báo khác gửi qua Zalo, SMS hoặc thư điện tử.")}
    answers["RES-05"] = {**answers["RES-05"], "status": "partial", "note": (
        "Phụ lục 02 nêu trung tâm dữ liệu chính tại Việt Nam nhưng chưa nêu nơi lưu bản sao "
        "lưu; đang đề nghị VNG bổ sung.")}


def proposal(index: int, slug: str, name: str, kind: str, variant: str) -> dict[str, Any]:
    source, old, old_slug, suffix = SOURCES[variant]
    doc = YAML(typ="safe").load((EXAMPLES / source).read_text(encoding="utf-8"))
    doc = _replace(copy.deepcopy(doc), _swapper(old, old_slug, name, slug, kind))
    doc["id"] = f"{slug}-{suffix}" + ("-" + variant.partition("-")[2] if "-" in variant else "")
    doc["submitted_by"]["contact"] = {"name": CONTACTS[index % len(CONTACTS)]}
    doc["submitted_on"] = dt.date(2026, 6 + index % 6, 1 + (index * 7) % 28)
    for group in doc.get("data_subjects", []):
        group["count"] = max(100, int(round(group["count"] * _factor(slug), -2)))
    if variant == "notify-pending":
        _pending(doc["answers"])
    elif variant == "notify-partial":
        _partial(doc["answers"])
    return doc


def header(variant: str) -> str:
    source = SOURCES[variant][0]
    return (f"# Generated by examples/portfolio/generate.py from examples/{source}"
            f" (variant {variant}): do not edit by hand.\n"
            "# Illustrative: people, document numbers and the number of people served are "
            "fictional.\n")


def render(doc: dict[str, Any], variant: str) -> str:
    out = io.StringIO()
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.dump(doc, out)
    return header(variant) + out.getvalue()


def files() -> dict[str, str]:
    """Every file the portfolio holds: name → text."""
    out = {}
    for index, (slug, name, kind, variant) in enumerate(UNITS):
        doc = proposal(index, slug, name, kind, variant)
        out[f"{doc['id']}.yaml"] = render(doc, variant)
    return out


def main() -> int:
    wanted = files()
    for stale in HERE.glob("*.yaml"):
        if stale.name not in wanted:
            stale.unlink()
    for name, text in wanted.items():
        (HERE / name).write_text(text, encoding="utf-8")
    print(f"{len(wanted)} proposals written to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

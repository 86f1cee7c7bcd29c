"""The message tables (issue 13, part 1): every message in both languages, both halves naming the
same parameters, every key used, and the language chosen by the command (`--lang`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assess.core.i18n.messages import MESSAGES, fields, msg, plain, speaking

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "assess").rglob("*.py")
                   if "i18n/messages" not in p.as_posix())


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_halves_name_the_same_parameters(key: str) -> None:
    vi, en = MESSAGES[key]
    assert fields(vi) == fields(en), key


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_the_vietnamese_half_is_vietnamese(key: str) -> None:
    """A half left in English is caught: where the two halves are the same, they hold no words,
    only parameters, punctuation and technical tokens."""
    vi, en = MESSAGES[key]
    if vi != en:
        return
    words = re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}|!!\w+", "", vi))
    assert not words, f"{key}: the same text in both languages: {vi!r}"


def test_every_key_is_used() -> None:
    """A key no code names is a message nobody sees (or a typo at the place that should)."""
    unused = []
    for key in MESSAGES:
        if f'"{key}"' in SOURCE:
            continue
        head = key.rsplit(".", 1)[0] if "." in key else key
        if f'f"{head}.{{' in SOURCE or f'"{head}."' in SOURCE:
            continue  # built from a prefix: f"noun.{what}"
        unused.append(key)
    assert not unused, unused


def test_an_unknown_key_fails_where_it_is_written() -> None:
    with pytest.raises(KeyError, match="no message 'nope'"):
        msg("nope")


def test_a_message_renders_in_the_language_of_the_moment() -> None:
    m = msg("yaml.too_big", size=1234567, limit=2000000)
    with speaking("vi"):
        assert str(m) == "tệp có 1.234.567 byte; tối đa 2.000.000 byte"
    with speaking("en"):
        assert str(m) == "file is 1,234,567 bytes; expected at most 2,000,000 bytes"
    assert m.render("vi") == "tệp có 1.234.567 byte; tối đa 2.000.000 byte"


def test_a_nested_message_takes_the_same_language() -> None:
    m = msg("value.too_long", length=3000, limit=2000, rest=msg("value.too_long.text"))
    assert m.render("vi") == ("dài 3.000 ký tự; tối đa 2.000 ký tự: hãy đưa phần còn lại vào "
                              "một tài liệu và trích dẫn tài liệu đó ở đây")
    assert m.render("en").endswith("at most 2,000 are allowed: put the rest in a document and "
                                   "cite it here")


def test_a_value_with_braces_is_shown_as_written() -> None:
    assert msg("ref.unknown", what=msg("noun.node"), value="{x}", near=msg("near.none")).render(
        "en") == "unknown node '{x}'; none are defined"


def test_a_fraction_takes_the_readers_decimal_mark() -> None:
    m = msg("outputs.report.wrote", target="r.pdf", size=233528, verdict=("không chấp thuận",
            "reject"), score=52.25, html=msg("outputs.report.wrote_html", html="r.html"),
            unreleased=plain(""))
    assert m.render("vi").startswith("đã ghi r.pdf (233.528 byte; không chấp thuận, điểm 52,2)")
    assert m.render("en").startswith("wrote r.pdf (233,528 bytes; reject, score 52.2)")


def test_every_number_in_a_message_takes_the_readers_marks() -> None:
    """A weight or threshold passed as a number (never pre-formatted) gets the decimal comma."""
    m = msg("ref.thresholds", approve=40.0, conditional=50.5)
    assert m.render("vi").startswith("ngưỡng chấp thuận (40,0) thấp hơn ngưỡng có điều kiện (50,5)")
    assert m.render("en").startswith("approve (40.0) is below conditional (50.5)")
    assert msg("yaml.too_big", size=21000, limit=1000000).render(
        "vi") == "tệp có 21.000 byte; tối đa 1.000.000 byte"

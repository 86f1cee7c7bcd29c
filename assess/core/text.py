"""Characters no document may carry and no terminal may receive, defined once.

A control character in a title can clear the screen and print a fake verdict; a bidirectional
override reorders what a reader sees; both make PDF/A metadata invalid XML. Loading refuses them
(`documents.scalars`); every terminal output shows any that still arrive (a certificate's name, a
damaged PDF's metadata) as visible escapes (`outputs.terminal.console`).
"""

from __future__ import annotations

import re
import unicodedata

from assess.core.i18n.messages import Msg, msg

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
"""C0 controls except tab and line breaks, DEL, C1 controls, bidirectional embeddings, overrides
and isolates, and the two non-characters XML refuses."""

_UNSAFE_LINES = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
"""The same, and tab and line breaks too: for one-line values such as a certificate's name."""


_NAMES = {"\x00": "null", "\x07": "bell", "\x08": "backspace", "\x1b": "escape",
          "\x7f": "delete", "\x9b": "control sequence introducer"}
"""Control characters have no Unicode name; the ones used to drive a terminal, named."""


def first_unsafe_at(text: str) -> tuple[int, str] | None:
    """(offset, 'U+001B escape') of the first unsafe character; None if there is none."""
    m = _UNSAFE.search(text)
    if m is None:
        return None
    ch = m.group()
    name = _NAMES.get(ch) or unicodedata.name(ch, "control character").lower()
    return m.start(), f"U+{ord(ch):04X} {name}"


def first_unsafe(text: str) -> Msg | None:
    """'U+001B escape at character 4' for the first unsafe character; None if there is none."""
    found = first_unsafe_at(text)
    return None if found is None else msg("text.unsafe_at", what=found[1], at=found[0] + 1)


def _escape(m: re.Match[str]) -> str:
    o = ord(m.group())
    return f"\\x{o:02x}" if o <= 0xFF else f"\\u{o:04x}"


def json_escaped(text: str) -> str:
    """JSON text with every unsafe character written as a `\\uXXXX` escape: the same JSON
    value, but nothing a terminal obeys (JSON itself escapes only C0 controls). Unsafe
    characters can only stand inside JSON strings, so the escape is always valid there."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def visible(text: str, one_line: bool = False) -> str:
    """`text` with every unsafe character shown as an escape (`\\x1b`, `\\u202e`); the text
    itself when it is clean (the common case costs one regex search)."""
    pattern = _UNSAFE_LINES if one_line else _UNSAFE
    return pattern.sub(_escape, text) if pattern.search(text) else text


def folded(text: str) -> str:
    """A word as typed, for comparing: composed (NFC: macOS writes 'ạ' as two characters),
    case-folded, its spaces collapsed — `Chưa  Rõ` is `chưa rõ`."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_MARKS = {"\u0306": "ă", "\u0302": "â", "\u031b": "ơ"}  # breve, circumflex, horn
_TONES = "\u0300\u0309\u0303\u0301\u0323"  # huyền, hỏi, ngã, sắc, nặng (dictionary order)


def vietnamese_order(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A sort key in Vietnamese dictionary order: letters first (a < ă < â, d < đ, o < ô < ơ,
    u < ư), then tones (none, huyền, hỏi, ngã, sắc, nặng); Python's own order puts 'Hà Nội'
    after 'Huế', since 'à' is a later code point than 'u'."""
    letters: list[int] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFC", text).casefold():
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        letter = base
        tone = 0
        for m in marks:
            if m in _LETTER_MARKS:
                letter = {"a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô",
                          "o\u031b": "ơ", "u\u031b": "ư"}.get(base + m, letter)
            elif m in _TONES:
                tone = _TONES.index(m) + 1
        index = _ALPHABET.find(letter)
        # A space first: syllable by syllable, 'Hà Nội' before 'Hải Phòng'.
        letters.append(0 if letter.isspace() else index + 1 if index >= 0 else ord(letter) + 100)
        tones.append(tone)
    return tuple(letters), tuple(tones)


def unaccented(text: str) -> str:
    """Vietnamese without its marks ('Lạng Sơn' -> 'Lang Son', 'đạt' -> 'dat'): what is typed
    on a keyboard without Vietnamese input, or what an ASCII id or a country's name needs."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_OLD_TONE = re.compile("(o)([\u0300\u0301\u0303\u0309\u0323])([ae])|(u)([\u0300\u0301\u0303\u0309\u0323])(y)")
"""A tone mark on the first vowel of oa, oe or uy (the old placement: òa, ùy), decomposed."""


def name_key(text: str) -> str:
    """A person's or body's name for comparing: `folded`, with the tone mark of oa, oe and uy
    on the second vowel, so the old and new placements ('Thuỷ' / 'Thủy', 'Hoà' / 'Hòa') are
    one name while a different tone or letter (ă, â, ơ, ư) stays a different name. Works on
    text without spaces too (a page's text, for finding a name in it)."""
    decomposed = unicodedata.normalize("NFD", folded(text))
    moved = _OLD_TONE.sub(lambda m: "".join(
        g for g in (m.group(1), m.group(3), m.group(2)) if g) if m.group(1) else
        m.group(4) + m.group(6) + m.group(5), decomposed)
    return unicodedata.normalize("NFC", moved)

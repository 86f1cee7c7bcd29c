"""The words of a signature's visible stamp on the report."""

from __future__ import annotations

STAMP: dict[str, tuple[str, str]] = {
    "text": ("Ký số bởi: %(signer)s\nThời gian ký: %(ts)s",
             "Digitally signed by: %(signer)s\nSigned on: %(ts)s"),
    "time": ("%d/%m/%Y %H:%M:%S %z", "%Y-%m-%d %H:%M:%S %z"),
}
"""The stamp's text (pyHanko's `%(name)s` placeholders) and how its time is written."""

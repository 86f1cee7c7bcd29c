"""The words of a signature's visible stamp on the report."""

from __future__ import annotations

STAMP: dict[str, tuple[str, str]] = {
    "personal": ("Ký số bởi: %(signer)s\nThời gian ký: %(time)s",
                 "Digitally signed by: %(signer)s\nSigned on: %(time)s"),
    "organisation": ("Cơ quan ban hành: %(signer)s\nThời gian ký: %(time)s",
                     "Issued by: %(signer)s\nSigned on: %(time)s"),
    "time": ("%d/%m/%Y %H:%M:%S +07:00", "%Y-%m-%d %H:%M:%S +07:00"),
}
"""The stamp's text for each role (pyHanko's `%(name)s` placeholders) and how its time is
written: always Vietnam time, which `sign` states, so its offset is written as it is."""

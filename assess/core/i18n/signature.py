"""The words of a signature's visible stamp on the report."""

from __future__ import annotations

STAMP: dict[str, tuple[str, str]] = {
    "personal": ("Ký số bởi:\n%(signer)s\n%(time)s",
                 "Digitally signed by:\n%(signer)s\n%(time)s"),
    "organisation": ("Cơ quan ban hành:\n%(signer)s\n%(time)s",
                     "Issued by:\n%(signer)s\n%(time)s"),
    "time": ("%d/%m/%Y %H:%M:%S +07:00", "%Y-%m-%d %H:%M:%S +07:00"),
}
"""The stamp's text for each role, three short lines (so both stamps fit side by side in the
signature block) (pyHanko's `%(name)s` placeholders) and how its time is
written: always Vietnam time, which `sign` states, so its offset is written as it is."""

"""The largest document `assess` accepts, checked at load with a located message.

A province's proposal has tens of nodes, not thousands; these bounds are far above any real
proposal and low enough that the worst accepted one is validated, scored and reported in
bounded time and memory on a server (the figures are in `benchmarks/worst_case.py`). The
library itself (a proposal built in Python, as the graph benchmarks do) is not limited: only
what is read from a file.
"""

from __future__ import annotations

ITEMS: dict[str, int] = {
    "zones": 100,
    "nodes": 1_000,
    "flows": 5_000,
    "services": 200,
    "data": 500,
    "data_subjects": 50,
    "operators": 50,
    "answers": 1_000,
}
"""Entries a list (or mapping) of that name may hold, wherever it appears."""

MAX_ITEMS = 1_000
"""Entries any other list or mapping may hold (evidence, stores, a flow's data, controls)."""

MAX_TEXT = 4_000
"""Characters a text may hold: a page. Anything longer belongs in a document the text cites."""


def items_limit(name: str | int | None) -> int:
    return ITEMS.get(name, MAX_ITEMS) if isinstance(name, str) else MAX_ITEMS

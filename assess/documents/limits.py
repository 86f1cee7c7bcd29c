"""The largest document `assess` accepts, checked at load with a located message.

A province's proposal has tens of nodes, not thousands; these bounds are far above any real
proposal and low enough that the worst accepted one is validated, scored and reported in
bounded time and memory on a server (the figures are in `benchmarks/worst_case.py`). The
library itself (a proposal built in Python, as the graph benchmarks do) is not limited: only
what is read from a file.
"""

from __future__ import annotations

ITEMS: dict[str, int] = {
    "zones": 30,
    "nodes": 200,
    "flows": 500,
    "services": 50,
    "data": 60,
    "data_subjects": 30,
    "operators": 15,
    "answers": 1_000,
    "controls": 1_000,
}
"""Entries a list (or mapping) of that name may hold, wherever it appears. The report prints
every flow and every pair of data item and operator, so these bound its length too."""

MAX_ITEMS = 500
"""Entries any other list or mapping may hold (evidence, stores, a flow's data, controls)."""

MAX_TEXT = 2_000
"""Characters a text may hold: half a page. Anything longer belongs in a document the text cites."""

MAX_NAME = 120
"""Characters a name may hold: the report repeats names in its tables (a flow's two ends,
every row of the exposure table), so a name is a line, not a page."""

MAX_TITLE = 300
"""Characters a title or a body's name may hold (printed once or twice): a sentence."""

NAMES = frozenset({"name", "category"})
TITLES = frozenset({"title", "organization", "unit", "place"})
"""The fields MAX_NAME and MAX_TITLE apply to, wherever they appear (a bilingual text's `vi`
and `en` too)."""


def items_limit(name: str | int | None) -> int:
    return ITEMS.get(name, MAX_ITEMS) if isinstance(name, str) else MAX_ITEMS


def text_limit(path: tuple[str | int, ...]) -> int:
    """MAX_NAME for a name, MAX_TITLE for a title (or a language of either), MAX_TEXT for any
    other text."""
    named = [p for p in path[-2:] if isinstance(p, str)]
    field = named[0] if len(named) == 2 and named[-1] in ("vi", "en") else (
        named[-1] if named else None)
    return MAX_NAME if field in NAMES else MAX_TITLE if field in TITLES else MAX_TEXT

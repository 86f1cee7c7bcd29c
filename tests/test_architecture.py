"""The layout holds: no module imports one that imports it back, directly or around a loop.

`make lint` runs import-linter's layers contract (pyproject.toml) for the direction between stages;
this test catches cycles, which a layers contract allows inside one stage.
"""

from __future__ import annotations

import grimp
import networkx as nx


def test_no_import_cycles_between_modules() -> None:
    graph = grimp.build_graph("assess", include_external_packages=False)
    g = nx.DiGraph()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if not module.startswith(imported + "."):  # a module importing its own package
                g.add_edge(module, imported)
    assert list(nx.simple_cycles(g, length_bound=8)) == []

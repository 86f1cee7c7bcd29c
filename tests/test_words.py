"""Every word `assess` prints lives in one home, `assess.core.i18n`, in both languages."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import assess
import assess.core.i18n as i18n
from assess.checklists.content import has_diacritics

PACKAGE = Path(assess.__file__).parent
HOME = PACKAGE / "core" / "i18n"


def _tables() -> list[tuple[str, str, str, str]]:
    """(table, key, vi, en) for every pair of every word table in the home."""
    out = []
    modules = [i18n] + [importlib.import_module(f"assess.core.i18n.{m.name}")
                        for m in pkgutil.iter_modules(i18n.__path__)]
    for module in modules:
        for name, value in vars(module).items():
            if isinstance(value, dict) and value and all(
                    isinstance(v, tuple) and len(v) == 2 for v in value.values()):
                out += [(f"{module.__name__}.{name}", k, vi, en) for k, (vi, en) in value.items()]
            elif isinstance(value, tuple) and len(value) == 2 and all(
                    isinstance(x, str) for x in value) and name.isupper():
                out.append((f"{module.__name__}.{name}", "", value[0], value[1]))
    return out


TABLES = _tables()


def test_the_home_has_the_tables() -> None:
    names = {t for t, *_ in TABLES}
    assert {"assess.core.i18n.WORDS", "assess.core.i18n.report.WORDS",
            "assess.core.i18n.diagram.WORDS", "assess.core.i18n.skeleton.REVIEW",
            "assess.core.i18n.skeleton.BODY", "assess.core.i18n.vocabulary.VOCABULARY"} <= names


@pytest.mark.parametrize(("table", "key", "vi", "en"), TABLES,
                         ids=[f"{t.rsplit('.', 2)[-2]}.{t.rsplit('.', 1)[-1]}:{k}" for t, k, *_ in TABLES])
def test_each_word_has_both_languages_and_the_same_placeholders(
        table: str, key: str, vi: str, en: str) -> None:
    assert vi.strip() and en.strip()
    assert sorted(re.findall(r"\{(\w*)", vi.lower())) == sorted(re.findall(r"\{(\w*)", en.lower()))
    words = re.findall(r"[^\W\d_]{2,}", re.sub(r"`[^`]*`|\{[^}]*\}|<[^>]*>", "", vi))
    if len(words) >= 3:
        assert has_diacritics(vi), f"{table}[{key!r}] is not written with Vietnamese diacritics"


def _is_word_table(node: ast.expr) -> bool:
    if not isinstance(node, ast.Dict) or not node.values:
        return False
    keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
    if keys == {"vi", "en"}:
        return True
    return all(isinstance(v, ast.Tuple) and len(v.elts) == 2 and all(
        isinstance(e, ast.Constant) and isinstance(e.value, str) and " " in e.value
        for e in v.elts) for v in node.values)


def test_no_word_table_lives_outside_the_home() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if HOME in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict) and _is_word_table(node):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []

"""Safe YAML reading that remembers where every value came from.

PyYAML's composer gives a node tree with line marks; we build plain Python data from it ourselves
so that (1) every value's YAML path maps to its line, for located error messages, (2) duplicate
keys are errors instead of silent overwrites, and (3) aliases are counted and the expanded size is
bounded *while* building, so an alias bomb is refused before it is expanded.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assess.core.errors import InputError, Problem
from assess.core.files import read_regular
from assess.core.i18n.messages import Msg, msg
from assess.core.text import first_unsafe_at
from assess.documents import scalars
from assess.documents.scalars import Plain

try:  # the C composer is ~10x faster; marks and safety are the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 5 * 1024 * 1024
MAX_ALIASES = 100
MAX_NODES = 500_000

Path_ = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Source:
    """A parsed YAML document: its data, its bytes' hash, and a line for every value path."""

    name: str
    data: Any
    sha256: str
    text: str
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """Line of the value at `path`, or of its nearest enclosing value that exists."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get((), 1)


def format_path(path: Path_) -> str:
    """`('flows', 3, 'to')` -> `flows[3].to`, the way a user reads their YAML."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_PLAIN = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_NULL = "tag:yaml.org,2002:null"
_constructor = yaml.SafeLoader("")  # only used for its implicit resolver


class _Builder:
    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: dict[Path_, int] = {}
        self.nodes = 0
        self.aliases = 0
        self.seen: set[int] = set()
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise InputError.single(
                self.name,
                msg("yaml.too_many_nodes", limit=MAX_NODES),
                line=node.start_mark.line + 1, field=format_path(path))
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            if id(node) in self.seen:
                self.aliases += 1
                if self.aliases > MAX_ALIASES:
                    raise InputError.single(
                        self.name,
                        msg("yaml.too_many_aliases", limit=MAX_ALIASES),
                        line=node.start_mark.line + 1, field=format_path(path))
            self.seen.add(id(node))
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN:
            raise InputError.single(
                self.name, msg("yaml.tag", tag=repr(node.tag)),
                line=node.start_mark.line + 1, field=format_path(path))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise InputError.single(
                    self.name, msg("yaml.merge"),
                    line=key_node.start_mark.line + 1, field=format_path(path))
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != self._implicit(
                    key_node) or (not key_node.style and key_node.tag == _NULL):
                raise InputError.single(
                    self.name, msg("yaml.key"),
                    line=key_node.start_mark.line + 1, field=format_path(path))
            key = str(key_node.value)  # keys are names: '1.0.0', 'RES-01', '2026-02-30' as written
            if key in out:
                self.problems.append(Problem(
                    self.name, key_node.start_mark.line + 1, format_path((*path, key)),
                    msg("yaml.duplicate", key=key, first=self.lines[(*path, key)])))
                continue
            self.lines[(*path, key)] = key_node.start_mark.line + 1
            out[key] = self.build(value_node, (*path, key))
        return out

    @staticmethod
    def _implicit(node: yaml.ScalarNode) -> str:
        """The tag YAML would give the scalar untagged: anything else was written explicitly."""
        plain = not node.style  # None (PyYAML) or '' (libyaml)
        return str(_constructor.resolve(  # type: ignore[no-untyped-call]
            yaml.ScalarNode, node.value, (plain, not plain)))

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        """A scalar as written; its type is decided by the field it fills
        (`documents.scalars.conform`), not by YAML 1.1's guesses: `NO` is Norway, `yes` an
        answer, `1000.0` not an integer. Explicit tags are checked here, without a traceback."""
        if node.tag == self._implicit(node):
            if node.style:
                return str(node.value)  # quoted or block: text, always
            return None if node.tag == _NULL else Plain(node.value)
        value, problem = scalars.tagged(node.tag, node.value)
        if problem:
            self.problems.append(Problem(self.name, node.start_mark.line + 1, format_path(path),
                                         problem))
        return value


_SYNTAX = {
    "mapping values are not allowed": "yaml.syntax.colon",
    "found character that cannot start any token": "yaml.syntax.character",
    "could not find expected ':'": "yaml.syntax.no_colon",
    "did not find expected key": "yaml.syntax.indent",
    "did not find expected node content": "yaml.syntax.no_value",
    "found unexpected end of stream": "yaml.syntax.end",
    "found undefined alias": "yaml.syntax.alias",
    "found unknown escape character": "yaml.syntax.escape",
    "did not find expected ',' or ']'": "yaml.syntax.bracket",
    "did not find expected ',' or '}'": "yaml.syntax.brace",
    "found unexpected ':'": "yaml.syntax.colon",
    "expected <block end>": "yaml.syntax.indent",
    "expected a single document in the stream": "yaml.syntax.documents",
    "found a tab character": "yaml.syntax.tab",
}
"""PyYAML's commonest complaints, said in the reader's language with what usually causes them;
any other is quoted as PyYAML wrote it."""


def syntax_problem(problem: str | None, context: str | None, line: str = "") -> Msg:
    """A YAML syntax error as a message: PyYAML's words, explained where we know them (a tab
    in the indentation of the line it stopped at is the commonest of all)."""
    what = problem or "invalid YAML"
    said = f"{context}, {what}" if context else what
    if "\t" in line[:len(line) - len(line.lstrip())]:
        key: str | None = "yaml.syntax.tab"
    else:
        key = next((k for text, k in _SYNTAX.items() if text in said), None)
    return msg("yaml.syntax.known", detail=said, hint=msg(key)) if key else msg(
        "yaml.syntax", detail=said)


_NOT_YAML = ((b"PK\x03\x04", "yaml.is_workbook"), (b"%PDF-", "yaml.is_pdf"),
             (b"\xd0\xcf\x11\xe0", "yaml.is_office"))
"""What a YAML file given by mistake usually is (a workbook, a report, an old Office file), by
its first bytes: said as such, with the command that reads it, not as 'not UTF-8'."""


def decode(raw: bytes, name: str) -> str:
    """UTF-8 only: a wrong encoding is named with the line of the first bad byte."""
    for magic, key in _NOT_YAML:
        if raw.startswith(magic):
            raise InputError.single(name, msg(key, file=name))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError.single(
            name, msg("yaml.utf8", byte=f"0x{raw[exc.start]:02x}"), line=line) from None


def parse(raw: bytes, name: str) -> Source:
    """Parse one YAML document from bytes already read; pure, so tests need no files."""
    if len(raw) > MAX_BYTES:
        raise InputError.single(
            name, msg("yaml.too_big", size=len(raw), limit=MAX_BYTES))
    text = decode(raw, name)
    bad = first_unsafe_at(text)
    if bad is not None:  # YAML refuses them too, but without saying where
        at, what = bad
        raise InputError.single(name, msg("yaml.unsafe", what=what,
                                          column=at - text.rfind(chr(10), 0, at)),
                                line=text.count("\n", 0, at) + 1)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        # Where the construct that failed began (the scalar, the key, the bracket), else where
        # the reader gave up, which is often the next line or past the end of the file.
        mark = exc.context_mark or exc.problem_mark
        if exc.context and "single document" in exc.context:  # the context is the first one
            mark = exc.problem_mark or mark
        lines = text.splitlines()
        line = min(mark.line + 1, max(len(lines), 1)) if mark else None
        stop = exc.problem_mark.line if exc.problem_mark else -1
        said = lines[stop] if 0 <= stop < len(lines) else ""
        raise InputError.single(name, syntax_problem(exc.problem, exc.context, said),
                                line=line) from None
    except yaml.YAMLError as exc:  # e.g. several documents in one file
        raise InputError.single(name, msg("yaml.error", detail=str(exc))) from None
    if root is None:
        raise InputError.single(name, msg("yaml.empty"))
    builder = _Builder(name)
    data = builder.build(root, ())
    if builder.problems:
        raise InputError(builder.problems)
    return Source(name, data, hashlib.sha256(raw).hexdigest(), text, builder.lines)


STDIN = "-"
"""The path that means standard input, as command-line tools have it."""


def read(path: Path | str) -> Source:
    """Read and parse a YAML file (`-`: standard input): a regular file only, refused past
    MAX_BYTES while reading (`core.files.read_regular`)."""
    if str(path) == STDIN:
        import sys

        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise InputError.single("<stdin>", msg("yaml.stdin_too_big", limit=MAX_BYTES))
        return parse(raw, "<stdin>")
    raw = read_regular(path, MAX_BYTES)
    return parse(raw, str(path))

"""`assess migrate`: a proposal answered for one checklist version, rewritten for another.

The proposal is edited round-trip with ruamel.yaml, so everything the province wrote stays as
written — answers, comments, quoting, order. Only three things change:

- `checklist:` names the new version;
- controls added since get an answer `status: unknown, evidence: []`, placed after their
  predecessor in the new checklist, with their question, guidance and expected evidence as
  comments (as `assess init` writes them) and a note that they are new;
- answers to removed controls are dropped (with their own comments); the answer of a renamed
  control (same requirement, new id — see `assess.diff`) moves to its new id;
- the answer to a control whose requirement changed its words (the question is another one) is
  set back to `unknown` — its evidence and note stay, and a comment says what it was — and the
  control is listed as to be answered again. Every other answer is kept as written.

The result is validated against the new checklist before it is returned.

ruamel keeps a comment with the value *before* it when that value ends a line with a comment of
its own; `_detach_trailing` first moves every such trailing comment block to the key it
precedes, so deleting or inserting an answer never takes its neighbour's comments along.
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

from assess.checklists.catalog import Catalog
from assess.checklists.diff import diff
from assess.checklists.loading import load_proposal
from assess.core.errors import AssessError
from assess.core.i18n import Lang, pick
from assess.core.i18n.messages import msg
from assess.core.i18n.skeleton import MIGRATE
from assess.documents import yamlsource
from assess.documents.loading import Loaded
from assess.documents.models import Checklist, Proposal
from assess.workflows.reassess import answered_checklist
from assess.workflows.skeleton import control_comments, domain_banner


class MigrationError(AssessError):
    """The proposal cannot be migrated as asked."""


@dataclass(slots=True)
class Migration:
    """The migrated proposal's text and what changed in its answers."""

    text: str
    old: str
    new: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    kept: int = 0
    again: list[str] = field(default_factory=list)
    """Controls whose question changed: their answer is set back to unknown, to answer again."""
    ruled: list[str] = field(default_factory=list)
    """Blockers now decided by a data-flow rule: their answer is kept, but a 'met' the rule
    confirms counts only with evidence."""
    read: list[str] = field(default_factory=list)
    """The checklist files it read: an output may not replace them."""


# ── ruamel set-up ─────────────────────────────────────────────────────────────────────────────


def _mapping_indent(text: str) -> int:
    m = re.search(r"^[^\s#][^\n]*:[ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*( +)[^\s#-]",
                  text, flags=re.MULTILINE)
    return len(m.group(1)) if m else 2


def _sequence_indent(text: str, mapping: int) -> tuple[int, int]:
    """(sequence, offset) in ruamel's terms from the first block sequence: '- ' at column c
    under a key at column k gives offset c - k and sequence offset + 2."""
    m = re.search(r"^( *)[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\n(?:[ \t]*#[^\n]*\n)*( *)- ", text,
                  flags=re.MULTILINE)
    if not m:
        return mapping + 2, mapping
    offset = len(m.group(2)) - len(m.group(1))
    return offset + 2, offset


def _yaml(text: str) -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096
    mapping = _mapping_indent(text)
    sequence, offset = _sequence_indent(text, mapping)
    y.indent(mapping=mapping, sequence=sequence, offset=offset)

    def null(representer: Any, _: None) -> Any:  # 'null' stays 'null', not an empty value
        return representer.represent_scalar("tag:yaml.org,2002:null", "null")

    y.representer.add_representer(type(None), null)
    return y


# ── comments ──────────────────────────────────────────────────────────────────────────────────


def _token(text: str, column: int) -> CommentToken:
    return CommentToken(text, CommentMark(column), None)


def _tokens(text: str, indent: int) -> list[Any]:
    """Comment lines as tokens, one per line (a blank line is a token of its own)."""
    return [_token(line.strip() + "\n", indent) if line.strip() else _token("\n", 0)
            for line in text.splitlines()]


def _pre(m: CommentedMap, key: str) -> list[Any]:
    """The list of comment tokens printed before `key` (created if missing)."""
    slot = m.ca.items.setdefault(key, [None, None, None, None])
    if slot[1] is None:
        slot[1] = []
    pre: list[Any] = slot[1]
    return pre


def _lead(m: CommentedMap) -> list[Any]:
    """The map's leading comments, printed before its first key (the same list object ruamel
    also keeps on the parent: it must be changed in place)."""
    if m.ca.comment is None:
        m.ca.comment = [None, []]
    if m.ca.comment[1] is None:
        m.ca.comment[1] = []
    lead: list[Any] = m.ca.comment[1]
    return lead


def _is_blank(token: Any) -> bool:
    return not getattr(token, "value", "").strip()


def _tail_slot(node: Any, key: Any) -> tuple[list[Any], int] | None:
    """Where the comment after the last line of `node[key]` lives: (a ca list, index)."""
    value = node[key]
    if isinstance(value, CommentedMap) and len(value) and not value.fa.flow_style():
        return _tail_slot(value, list(value)[-1])
    if isinstance(value, CommentedSeq) and len(value) and not value.fa.flow_style():
        return _tail_slot(value, len(value) - 1)
    if isinstance(node, CommentedSeq):
        slot = node.ca.items.get(key)
        return (slot, 0) if slot else None
    slot = node.ca.items.get(key)
    return (slot, 2) if slot else None


def _detach_trailing(answers: CommentedMap, indent: int) -> None:
    """Move comment lines that follow an answer's last line to the next answer's own comments.

    The end-of-line comment itself stays where it is.
    """
    keys = list(answers)
    for key, nxt in itertools.pairwise(keys):  # after the last answer, comments stay put
        found = _tail_slot(answers, key)
        if found is None:
            continue
        slot, index = found
        token = slot[index]
        if not isinstance(token, CommentToken) or "\n" not in token.value.rstrip("\n"):
            continue
        # the token holds the rest of the value's line (an end-of-line comment, or nothing),
        # then the lines that follow it
        first, rest = token.value.split("\n", 1)
        if first.strip():
            token.value = first + "\n"
        else:
            slot[index] = None
        _pre(answers, nxt)[:0] = _tokens(rest, indent)


def _split_section(tokens: list[Any]) -> tuple[list[Any], list[Any]]:
    """(what belongs to the section above — banners, blank lines —, the entry's own header):
    the header is the run of comment lines after the last blank line."""
    cut = 0
    for i, tok in enumerate(tokens):
        value = getattr(tok, "value", "")
        if value.endswith("\n\n") or not value.strip():
            cut = i + 1
    return tokens[:cut], tokens[cut:]


def _normalise(answers: CommentedMap, indent: int) -> None:
    """Give every answer its own header comments in one place (before its key): the first
    answer's header out of the map's leading comments, and every comment block that follows an
    answer's end-of-line comment over to the answer it precedes."""
    keys = list(answers)
    if not keys:
        return
    extra: list[Any] = []
    eol = answers.ca.comment[0] if answers.ca.comment else None
    if isinstance(eol, CommentToken) and "\n" in eol.value.rstrip("\n"):
        first, rest = eol.value.split("\n", 1)  # 'answers:  # …' and the lines after it
        eol.value = first + "\n"
        extra = _tokens(rest, indent)
    had_lead = bool(answers.ca.comment and answers.ca.comment[1] is not None)
    lead = _lead(answers)
    section, header = _split_section(extra + lead)
    if had_lead:  # ruamel prints this list (it shares it with the parent): change in place
        lead[:] = section
        _pre(answers, keys[0])[:0] = header
    else:
        _pre(answers, keys[0])[:0] = section + header
    _detach_trailing(answers, indent)


def _comment_lines(lines: list[str], indent: int, *, blank: bool = True) -> list[Any]:
    out = [_token("\n", 0)] if blank else []
    return out + [_token(f"# {line}".rstrip() + "\n", indent) if line else _token("\n", 0)
                  for line in lines]


# ── editing ───────────────────────────────────────────────────────────────────────────────────


def _answer_map() -> CommentedMap:
    m = CommentedMap()
    m["status"] = "unknown"
    evidence = CommentedSeq()
    evidence.fa.set_flow_style()
    m["evidence"] = evidence
    return m


def _drop(answers: CommentedMap, key: str) -> None:
    """Delete an answer with its own header comments; section banners above it move down."""
    keys = list(answers)
    at = keys.index(key)
    section, _ = _split_section(_pre(answers, key))
    answers.ca.items.pop(key, None)
    del answers[key]
    if at + 1 >= len(keys):
        return
    pre = _pre(answers, keys[at + 1])
    if at == 0:  # the next answer comes first now, right below the map's leading comments
        while pre and _is_blank(pre[0]) and _lead(answers):
            pre.pop(0)
    elif section:
        if pre and _is_blank(pre[0]) and getattr(section[-1], "value", "").endswith("\n\n"):
            pre.pop(0)
        pre[:0] = section


def _rename(answers: CommentedMap, old: str, new: str, note: str, indent: int) -> None:
    at = list(answers).index(old)
    value = answers[old]
    slot = answers.ca.items.pop(old, None)
    del answers[old]
    answers.insert(at, new, value)
    if slot is not None:
        answers.ca.items[new] = slot
    _pre(answers, new).append(_token(f"# {note}\n", indent))


def _insert(answers: CommentedMap, key: str, after: str | None, lines: list[str],
            indent: int) -> None:
    keys = list(answers)
    at = keys.index(after) + 1 if after is not None else 0
    answers.insert(at, key, _answer_map())
    if at or not keys:
        answers.ca.items[key] = [None, _comment_lines(lines, indent), None, None]
        return
    # first of all: the section comments above the old first answer go above the new one
    old_first = _pre(answers, keys[0])
    section, header = _split_section(old_first)
    lead = answers.ca.comment[1] if answers.ca.comment else None
    before = section[-1] if section else lead[-1] if lead else None
    blank = before is not None and not _is_blank(before) and not before.value.endswith("\n\n")
    answers.ca.items[key] = [None, section + _comment_lines(lines, indent, blank=blank),
                             None, None]
    old_first[:] = [_token("\n", 0), *header]


def _edit(data: CommentedMap, p: Proposal, old: Checklist | None, new: Checklist,
          lang: Lang, indent: int) -> Migration:
    mig = Migration(text="", old=p.checklist, new=new.ref)
    data["checklist"] = new.ref
    answers = data.get("answers")
    if not isinstance(answers, CommentedMap) or (answers.fa.flow_style() and not len(answers)):
        fresh = CommentedMap()
        if isinstance(answers, CommentedMap):
            for k in answers:
                fresh[k] = answers[k]
        data["answers"] = answers = fresh
    _normalise(answers, indent)
    ids = {c.id for c in new.controls()}
    d = diff(old, new) if old is not None else None
    renamed = {o: n for o, n in (d.renamed if d else {}).items() if o in answers
               and n not in answers}
    for o, n in renamed.items():
        _rename(answers, o, n, pick(MIGRATE['was'], lang).format(old=o, ref=p.checklist), indent)
    mig.renamed = renamed
    for key in [k for k in answers if k not in ids]:
        _drop(answers, key)
        mig.removed.append(str(key))
    previous: str | None = None
    for domain in new.domains:
        banner_due = not any(c.id in answers for c in domain.controls)
        for c in domain.controls:
            if c.id not in answers:
                header = control_comments(c, lang)
                header[0] += f" — {pick(MIGRATE['new'], lang).format(ref=new.ref)}"
                banner = [domain_banner(domain, lang), ""] if banner_due else []
                _insert(answers, c.id, previous, banner + header, indent)
                mig.added.append(c.id)
                banner_due = False
            previous = c.id
    if d is not None:
        for cid in dict.fromkeys(c.target for c in d.changes if c.area == "control"
                                 and c.field == "requirement" and c.kind == "changed"):
            answer = answers.get(cid)
            if isinstance(answer, CommentedMap) and answer.get("status") != "unknown":
                was = answer.get("status")
                answer["status"] = "unknown"
                _pre(answers, cid).append(_token("# " + pick(MIGRATE["again"], lang).format(
                    id=cid, ref=new.ref, was=was) + "\n", indent))
                mig.again.append(cid)
        blockers = {c.id for c in new.controls() if c.blocker}
        mig.ruled = [cid for cid in dict.fromkeys(
            c.target for c in d.changes if c.area == "control" and c.field == "rule"
            and c.kind == "added") if cid in blockers and cid in answers
            and cid not in mig.again]
    mig.kept = len([k for k in answers if k not in mig.added and k not in mig.again])
    return mig


def migrate_text(source: yamlsource.Source, p: Proposal, old: Checklist | None, new: Checklist,
                 lang: Lang) -> Migration:
    """The proposal's text rewritten for checklist `new` (pure: no file is read or written)."""
    y = _yaml(source.text)
    data = y.load(source.text)
    if not isinstance(data, CommentedMap):
        raise MigrationError(msg("workflows.migrate.not_mapping", name=source.name))
    indent = _mapping_indent(source.text)
    mig = _edit(data, p, old, new, lang, indent)
    buf = io.StringIO()
    y.dump(data, buf)
    mig.text = buf.getvalue()
    return mig


def migrate(path: Path | str, to: str | None, catalog: Catalog, lang: Lang) -> Migration:
    """Load a proposal, rewrite it for checklist `to` (default: the latest release of its own
    checklist) and check the result validates."""
    if to is None:
        data = yamlsource.read(path).data
        ref = data.get("checklist") if isinstance(data, dict) else None
        to = f"{str(ref).partition('@')[0]}@latest"
    proposal, target = load_proposal(path, catalog, checklist=to)
    own = answered_checklist(proposal, target, catalog)
    if proposal.doc.checklist == target.doc.ref:
        raise MigrationError(msg("workflows.migrate.same", path=str(path), ref=target.doc.ref))
    mig = migrate_text(proposal.source, proposal.doc, own.doc if own else None, target.doc, lang)
    check(mig.text, str(path), catalog)
    mig.read = [target.source.name, *([own.source.name] if own else [])]
    return mig


def check(text: str, name: str, catalog: Catalog) -> Loaded[Proposal]:
    """The migrated text must load and validate against its new checklist."""
    # a source's name is text: it is named in the language of the command that migrates
    source = yamlsource.parse(text.encode("utf-8"),
                              str(msg("workflows.migrate.migrated", name=name)))
    loaded, _ = load_proposal(source, catalog)
    return loaded


__all__ = ["Migration", "MigrationError", "migrate", "migrate_text"]

"""`assess init` writes a skeleton that teaches (issue 13): every field of the proposal model is
there (the optional ones commented out, with what to write), the sensitive categories of Decree
356/2025 Art. 4 stand where a data item's class is chosen, trust / authenticated / retains are
explained in the skeleton's language, the `$schema` line is portable, and the header names the
file. Unfilled, the skeleton validates as before; filled in by uncommenting, it validates too.
"""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel
from typer.testing import CliRunner

from assess.cli import app
from assess.documents import schemas
from assess.documents.models.proposal import Proposal
from tests.helpers import DATA

CHECKLISTS = ["--checklists", str(DATA / "checklists")]
PLATFORMS = ["--platforms", str(DATA / "platforms")]
SCHEMA_LINE = "# yaml-language-server: $schema=./proposal.schema.json"


# -- the model's fields, derived from pydantic (never a hand-written list) -------------------------

def _models(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def _fields(model: type[BaseModel], path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], bool]]:
    """(path of aliases, required) for every field of `model` and the models inside it; a
    `LocalText` ({vi, en}) counts as one text field."""
    out: list[tuple[tuple[str, ...], bool]] = []
    for name, info in model.model_fields.items():
        here = (*path, info.alias or name)
        out.append((here, info.is_required()))
        for sub in _models(info.annotation):
            if sub.__name__ != "_LocalText":
                out += _fields(sub, here)
    return out


FIELDS = _fields(Proposal)
OPTIONAL = [p for p, required in FIELDS if not required]


def _present(doc: object, path: tuple[str, ...], within_answers: bool = False) -> bool:
    """Whether some instance of `path` is in the parsed document (lists: any item; answers: any
    control's answer)."""
    if not path:
        return True
    if isinstance(doc, list):
        return any(_present(item, path) for item in doc)
    if not isinstance(doc, dict):
        return False
    if within_answers:
        return any(_present(answer, path) for answer in doc.values())
    if path[0] not in doc:
        return False
    return _present(doc[path[0]], path[1:], within_answers=path[0] == "answers")


# -- filling the skeleton in, as an officer does: remove "# " from the commented-out fields --------

_COMMENTED = re.compile(r"^(\s*)# (\s*(?:- )?[a-z_]+:(?: .*)?)$")


def filled_in(text: str) -> str:
    """Every commented-out field uncommented (guidance lines never start with a lower-case key),
    and every `[]` that commented items now follow deleted."""
    lines = [(m.group(1) + m.group(2)) if (m := _COMMENTED.match(line)) else line
             for line in text.splitlines()]
    for i, line in enumerate(lines[:-1]):
        after = next((n for n in lines[i + 1:] if not n.lstrip().startswith("#")), "")
        if re.fullmatch(r"\s*[a-z_]+: \[\]( +#.*)?", line) and after.lstrip().startswith("- "):
            lines[i] = re.sub(r": \[\]", ":", line, count=1)
    return "\n".join(lines) + "\n"


def _init(runner: CliRunner, out: Path, lang: str, *extra: str) -> str:
    result = runner.invoke(app, ["init", "-o", str(out), "-c", "mini@1.0.0", "--lang", lang,
                                 *CHECKLISTS, *PLATFORMS, *extra])
    assert result.exit_code == 0, result.output
    return out.read_text("utf-8")


def _validate(runner: CliRunner, path: Path) -> None:
    checked = runner.invoke(app, ["validate", str(path), *CHECKLISTS, *PLATFORMS])
    assert checked.exit_code == 0, checked.output + checked.stderr


VARIANTS = {"own": (), "platform": ("--platform", "demo-chat@1.0.0")}
ONLY_OUTSIDE_GOVERNMENT = {("nodes", "retains"), ("nodes", "evidence")}
"""On a profile, the province draws only its own part: the platform's nodes (the only ones
outside a government zone, where retains and evidence apply) come from the profile."""


# -- 1. every field of the model, the optional ones commented out with what to write ---------------

@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_field_of_the_model_is_in_the_skeleton(runner: CliRunner, tmp_path: Path,
                                                     lang: str, variant: str) -> None:
    text = _init(runner, tmp_path / "p.yaml", lang, *VARIANTS[variant])
    full = yaml.safe_load(filled_in(text))
    skip = ONLY_OUTSIDE_GOVERNMENT if variant == "platform" else set()
    missing = [".".join(p) for p, _ in FIELDS if p not in skip and not _present(full, p)]
    assert not missing, f"fields of the model not in the skeleton: {missing}"
    # and the optional ones are commented out: the unfilled skeleton sets none the filled one adds
    bare = yaml.safe_load(text)
    assert not _present(bare, ("submitted_by", "place")) and not _present(bare, ("channel", "url"))
    assert not _present(bare, ("data", "description")) and not _present(bare, ("answers", "note"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_optional_value_says_what_to_write(runner: CliRunner, tmp_path: Path,
                                                lang: str) -> None:
    """A commented-out optional value has a comment on its line or the line above; the answers'
    note and evidence are explained once, above the answers."""
    lines = _init(runner, tmp_path / "p.yaml", lang).splitlines()
    full = yaml.safe_load(filled_in("\n".join(lines)))
    for path in OPTIONAL:
        key = path[-1]
        if path[0] == "answers" or isinstance(_value(full, path), (list, dict)):
            continue
        at = [i for i, line in enumerate(lines)
              if re.match(rf"\s*#?\s*(- )?{re.escape(key)}:", line)]
        assert at, key
        assert any(re.search(r"\S\s+# \S", lines[i].split("# ", 1)[-1] if lines[i].lstrip()
                             .startswith("#") else lines[i])
                   or lines[i - 1].lstrip().startswith(f"# {key} —") for i in at), key
    head = "\n".join(lines[lines.index("answers:"):lines.index("answers:") + 4])
    assert "note (" in head and "evidence (" in head


def _value(doc: object, path: tuple[str, ...]) -> object:
    for key in path:
        if isinstance(doc, list):
            doc = next((d for d in doc if isinstance(d, dict) and key in d), {})
        doc = doc.get(key) if isinstance(doc, dict) else None
    return doc


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_filled_in_skeleton_validates_and_matches_its_schema(runner: CliRunner, tmp_path: Path,
                                                             lang: str, variant: str) -> None:
    """The examples are coherent: uncommenting all of them gives a valid proposal, which the
    schema file the `$schema` line names also accepts."""
    text = _init(runner, tmp_path / "p.yaml", lang, *VARIANTS[variant])
    full = tmp_path / "full.yaml"
    full.write_text(filled_in(text), encoding="utf-8")
    _validate(runner, full)
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((tmp_path / "proposal.schema.json").read_text("utf-8"))
    jsonschema.validate(json.loads(json.dumps(yaml.safe_load(full.read_text("utf-8")),
                                              default=str)), schema)


# -- 6. unfilled, it validates as before ------------------------------------------------------------

@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_unfilled_skeleton_validates_and_scores_reject(runner: CliRunner, tmp_path: Path,
                                                       lang: str, variant: str) -> None:
    out = tmp_path / "p.yaml"
    _init(runner, out, lang, *VARIANTS[variant])
    _validate(runner, out)
    scored = runner.invoke(app, ["score", str(out), "--json", *CHECKLISTS, *PLATFORMS])
    assert json.loads(scored.stdout)["verdict"] == "reject"  # nothing answered yet


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_default_checklist_skeleton_validates(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "p.yaml"
    made = runner.invoke(app, ["init", "-o", str(out), "--lang", lang])
    assert made.exit_code == 0, made.output
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0, checked.output


# -- 2. Decree 356/2025 Art. 4 where the class is chosen --------------------------------------------

ART4 = {  # as /work/shared/reference/legal-vn.md records Art. 4 (the list there "includes")
    "vi": ("Điều 4 Nghị định số 356/2025/NĐ-CP", ["sức khỏe", "sinh trắc học", "vị trí",
           "theo dõi hành vi trên mạng xã hội", "hình ảnh giấy tờ tùy thân"]),
    "en": ("Decree 356/2025/ND-CP, Art. 4", ["health data", "biometric data", "location data",
           "behaviour-tracking data on social networks", "images of identity documents"]),
}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sensitive_categories_stand_where_the_class_is_chosen(
        runner: CliRunner, tmp_path: Path, lang: str, variant: str) -> None:
    text = _init(runner, tmp_path / "p.yaml", lang, *VARIANTS[variant])
    data_section = text[text.index("\ndata: []"):text.index("\nzones:")]
    citation, categories = ART4[lang]
    assert "class: personal" in data_section and "sensitive-personal" in data_section
    assert citation in " ".join(line.lstrip("# ") for line in data_section.splitlines())
    for category in categories:
        assert category in data_section, category
    assert "class: sensitive-personal" in data_section  # says what to write


# -- 3. trust, authenticated, retains: one line each, in the skeleton's language --------------------

MEANING = {
    "vi": {"trust": "nhà nước", "authenticated": "xác thực", "retains": "không giữ dữ liệu"},
    "en": {"trust": "the state's own", "authenticated": "authenticates the sender",
           "retains": "keeps nothing it receives"},
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_trust_authenticated_retains_are_explained(runner: CliRunner, tmp_path: Path,
                                                   lang: str) -> None:
    lines = _init(runner, tmp_path / "p.yaml", lang).splitlines()
    other = MEANING["en" if lang == "vi" else "vi"]
    for key, words in MEANING[lang].items():
        said = [line for i, line in enumerate(lines)
                if re.match(rf"\s*#?\s*{key}:", line) or line.strip().startswith(f"# {key} —")]
        explained = [line for line in said if words in line]
        assert len(explained) >= 1, (key, said)
        assert all(other[key] not in line for line in said), key  # not the other language
        if key == "trust":
            assert all(v in explained[0] for v in ("government", "third-party", "untrusted"))


# -- 4. a portable $schema line, and its file beside the skeleton -----------------------------------

def test_schema_line_is_relative_and_its_file_is_written_beside(runner: CliRunner,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "ho-so.yaml"
    text = _init(runner, out, "vi")
    assert text.splitlines()[0] == SCHEMA_LINE
    assert "file://" not in text and str(Path(schemas.__file__).parent.parent) not in text
    assert (tmp_path / "proposal.schema.json").read_text("utf-8") == schemas.text("proposal")
    assert "assess schema proposal -o ." in text  # how a recipient of the file alone gets it


def test_second_skeleton_in_the_folder_reuses_the_schema_file(runner: CliRunner,
                                                              tmp_path: Path) -> None:
    _init(runner, tmp_path / "a.yaml", "vi")
    stale = tmp_path / "proposal.schema.json"
    stale.write_text("{}\n", encoding="utf-8")  # e.g. from an older assess
    _init(runner, tmp_path / "b.yaml", "en")  # no --force needed: the schema is ours, refreshed
    assert stale.read_text("utf-8") == schemas.text("proposal")


def test_output_named_like_the_schema_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "proposal.schema.json"
    result = runner.invoke(app, ["init", "-o", str(out), "-c", "mini@1.0.0", "--lang", "en",
                                 *CHECKLISTS])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "is the name of the schema file assess init writes beside the proposal" in " ".join(
        result.stderr.replace("│", " ").split())
    assert not out.exists()


def test_review_skeleton_gets_the_same_portable_schema(runner: CliRunner, tmp_path: Path) -> None:
    proposal = tmp_path / "p.yaml"
    _init(runner, proposal, "vi")
    review = tmp_path / "r.yaml"
    made = runner.invoke(app, ["review", "init", str(proposal), "-o", str(review), *CHECKLISTS])
    assert made.exit_code == 0, made.output
    text = review.read_text("utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=./review.schema.json"
    assert "file://" not in text and "assess schema review -o ." in text
    assert (tmp_path / "review.schema.json").read_text("utf-8") == schemas.text("review")
    assert "assess validate r.yaml" in text
    _validate(runner, review)


# -- 5. the real file name in the header; neutral words for standard output -------------------------

@pytest.mark.parametrize(("name", "shown"), [("p.yaml", "p.yaml"),
                                             ("hồ sơ zalo.yaml", '"hồ sơ zalo.yaml"')])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_header_names_the_output_file(runner: CliRunner, tmp_path: Path, lang: str, name: str,
                                      shown: str) -> None:
    text = _init(runner, tmp_path / name, lang)
    run = ("Điền từng mục, rồi chạy:  assess validate {f}  và  assess score {f}" if lang == "vi"
           else "Fill in each section, then run:  assess validate {f}  and  assess score {f}")
    assert f"# {run.format(f=shown)}\n" in text
    assert "proposal.yaml" not in text.split("\nkind: proposal")[0].replace(
        "proposal.schema.json", "")


def test_a_name_a_comment_cannot_hold_gets_neutral_words(runner: CliRunner,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "p\nkind: checklist #.yaml"
    text = _init(runner, out, "en")
    assert "assess validate <file>" in text
    assert yaml.safe_load(text)["kind"] == "proposal"  # the name did not become YAML


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_standard_output_gets_neutral_words_and_no_schema_file(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "-o", "-", "-c", "mini@1.0.0", "--lang", lang,
                                 *CHECKLISTS])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.splitlines()[0] == SCHEMA_LINE
    neutral = ("assess validate <tệp>" if lang == "vi" else "assess validate <file>")
    assert neutral in text and "assess schema proposal -o ." in text
    assert list(tmp_path.iterdir()) == []  # no file named "-", no schema beside anything
    assert yaml.safe_load(text)["kind"] == "proposal"


# -- what init says ---------------------------------------------------------------------------------

def test_init_says_what_it_wrote_in_both_languages(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "p.yaml"
    vi = runner.invoke(app, ["init", "-o", str(out), "-c", "mini@1.0.0", "--lang", "vi",
                             *CHECKLISTS])
    said = " ".join(vi.stderr.split())
    assert vi.exit_code == 0 and f"đã ghi tệp {out} (5 kiểm soát của mini@1.0.0)" in said, said
    assert f"đã ghi {tmp_path / 'proposal.schema.json'} cạnh hồ sơ" in said
    en = runner.invoke(app, ["init", "-o", str(out), "--force", "-c", "mini@1.0.0", "--lang",
                             "en", *CHECKLISTS])
    said = " ".join(en.stderr.split())
    assert en.exit_code == 0 and f"wrote {out} (5 controls of mini@1.0.0)" in said, said
    assert "proposal.schema.json" not in said  # already there, the same: not rewritten

"""Values (issue 12, class 3): a scalar takes the type of the field it fills, never YAML 1.1's
guess, and every value that cannot be what its field needs is one located message, exit 2."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from assess.cli import app
from assess.core.errors import InputError
from assess.documents import yamlsource
from assess.documents.loading import parse_model
from assess.documents.models import Proposal, Review
from tests.helpers import DATA

CHECKLISTS = ["--checklists", str(DATA / "checklists")]
GOOD = (DATA / "proposal-ok.yaml").read_text(encoding="utf-8")
LONG = "9" * 5000  # past Python's 4,300-digit limit for int(str)


def _edit(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


def _validate(tmp_path: Path, text: str, name: str = "p.yaml") -> tuple[int, str]:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    before = f.read_bytes()
    result = CliRunner().invoke(app, ["validate", str(f), *CHECKLISTS])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert f.read_bytes() == before
    return result.exit_code, result.output.replace(str(f), name)


REFUSED = {
    "impossible-day": ("submitted_on: 2026-03-01", "submitted_on: 2026-02-30",
                       "p.yaml:8: submitted_on: 2026-02-30 is not a date (month 2 of 2026 has 28 "
                       "days); expected a real date written YYYY-MM-DD"),
    "month-13": ("submitted_on: 2026-03-01", "submitted_on: 2026-13-01",
                 "p.yaml:8: submitted_on: 2026-13-01 is not a date (there is no month 13)"),
    "year-0": ("submitted_on: 2026-03-01", "submitted_on: 0000-01-01",
               "p.yaml:8: submitted_on: 0000-01-01 is not a date (there is no year 0)"),
    "unix-timestamp": ("submitted_on: 2026-03-01", "submitted_on: 1700000000",
                       "p.yaml:8: submitted_on: got '1700000000'; expected a date written "
                       "YYYY-MM-DD, e.g. 2026-12-01"),
    "date-and-time": ("submitted_on: 2026-03-01", "submitted_on: 2026-03-01T10:00:00",
                      "p.yaml:8: submitted_on: got '2026-03-01T10:00:00'; expected a date"),
    "bad-timestamp-tag": ("submitted_on: 2026-03-01", "submitted_on: !!timestamp 2026-02-31",
                          "p.yaml:8: submitted_on: 2026-02-31 is not a date (month 2 of 2026 has "
                          "28 days)"),
    "huge-integer": ("count: 1000", f"count: {LONG}",
                     "p.yaml:22: data_subjects[0].count: got '9999999999999999999999999999999999"
                     "9999999999999999999999...; expected a whole number written with digits "
                     "only (no dot, comma or space), at most 18 digits, e.g. 150000"),
    "huge-integer-tagged": ("count: 1000", f"count: !!int {LONG}",
                            "p.yaml:22: data_subjects[0].count: got '999999999999999999999999999"),
    "int-tag-on-text": ("count: 1000", "count: !!int abc",
                        "p.yaml:22: data_subjects[0].count: !!int 'abc': expected a whole number "
                        "of at most 18 digits, e.g. 150000"),
    "float-tag-on-text": ("count: 1000", "count: !!float abc",
                          "p.yaml:22: data_subjects[0].count: !!float 'abc': expected a number "
                          "such as 0.5 or 12"),
    "bool-tag-maybe": ("exclusive: false", "exclusive: !!bool maybe",
                       "p.yaml:15: channel.exclusive: !!bool 'maybe': expected true or false"),
    "float-for-integer": ("count: 1000", "count: 1000.0",
                          "p.yaml:22: data_subjects[0].count: got '1000.0'; expected a whole "
                          "number written with digits only"),
    "thousands-dot": ("count: 1000", "count: 150.000",
                      "p.yaml:22: data_subjects[0].count: got '150.000'; a number is written "
                      "without thousands separators: write 150000"),
    "sexagesimal": ("count: 1000", "count: 190:20:30",
                    "p.yaml:22: data_subjects[0].count: got '190:20:30'; expected a whole number"),
    "quoted-number": ("count: 1000", 'count: "1000"',
                      "p.yaml:22: data_subjects[0].count: got '1000' in quotes, which makes it "
                      "text; expected a whole number without quotes, e.g. 150000"),
    "quoted-boolean": ("exclusive: false", 'exclusive: "no"',
                       "p.yaml:15: channel.exclusive: got 'no' in quotes, which makes it text; "
                       "expected true or false without quotes, e.g. true"),
    "not-a-boolean": ("exclusive: false", "exclusive: maybe",
                      "p.yaml:15: channel.exclusive: got 'maybe'; expected true or false"),
    "unassigned-country": ("operator_country: VN", "operator_country: XX",
                           "p.yaml:13: channel.operator_country: 'XX' is not an ISO 3166-1 "
                           "country code; expected an assigned two-letter code such as VN"),
    "typo-country": ("country: VN, operator: VNG", "country: VM, operator: VNG",
                     "p.yaml:28: zones[1].country: 'VM' is not an ISO 3166-1 country code"),
    "blank-required": ("title: Thử nghiệm", "title: '   '",
                       "p.yaml:4: title: is blank; expected: Title of the proposal."),
    "escape-sequence": ("title: Thử nghiệm", 'title: "Thử\\e[2J\\e[HVerdict: Approve"',
                        "p.yaml:4: title: contains U+001B escape at character 4; "
                        "remove it (control characters are not allowed in text)"),
    "c1-control": ("name: Hỏi đáp thủ tục", 'name: "Hỏi\\x9b2J"',
                   "p.yaml:18: services[0].name: contains U+009B control sequence introducer"),
    "bidi-override": ("name: Hỏi đáp thủ tục", 'name: "Hỏi \\u202Eđáp"',
                      "p.yaml:18: services[0].name: contains U+202E right-to-left override"),
    "control-in-key": ("  ENC-02: {status: met}", '  "ENC-02\\e[2J": {status: met}',
                       "p.yaml:44: answers.ENC-02\\x1b[2J: the key contains U+001B"),
    "binary-tag": ("title: Thử nghiệm", "title: !!binary aGVsbG8=",
                   "p.yaml:4: title: unsupported YAML tag 'tag:yaml.org,2002:binary'"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_value_its_field_cannot_take_is_one_located_message(tmp_path: Path, case: str) -> None:
    old, new, expected = REFUSED[case]
    code, out = _validate(tmp_path, _edit(old, new))
    assert code == 2, out
    assert expected in out, out
    lines = out.strip().splitlines()
    assert len(lines) == 1, out  # one problem, said once (pydantic does not repeat it)


def test_impossible_dates_as_keys_and_in_reviews_are_located(tmp_path: Path) -> None:
    review = ("kind: review\nschema_version: 1\nproposal: {id: test-ok, sha256: " + "0" * 64
              + "}\nreviewer: {organization: Bộ Công an, name: Trần Văn B}\n"
              "reviewed_on: 2026-02-29\n2026-02-30: x\n")
    code, out = _validate(tmp_path, review, "r.yaml")
    assert code == 2
    assert "r.yaml:5: reviewed_on: 2026-02-29 is not a date (month 2 of 2026 has 28 days)" in out
    assert "r.yaml:6: 2026-02-30: unknown field '2026-02-30'" in out


WRITTEN_AS_IS = {
    "enum-yes": ('encrypted_at_rest: "yes"', "encrypted_at_rest: yes"),
    "enum-no": ('encrypted_at_rest: "yes"', "encrypted_at_rest: no"),
    "norway": ("operator_country: VN", "operator_country: NO"),
    "text-on": ("name: Hỏi đáp thủ tục", "name: on"),
    "text-number": ("name: Hỏi đáp thủ tục", "name: 1000.0"),
    "text-date": ("purpose: Hỏi", "purpose: 2026-02-30"),
    "text-zero-padded": ("contact: {name: Nguyễn Văn A}",
                         "contact: {name: Nguyễn Văn A, phone: 0912345678}"),
    "quoted-date": ("submitted_on: 2026-03-01", 'submitted_on: "2026-03-01"'),
}


@pytest.mark.parametrize("case", sorted(WRITTEN_AS_IS))
def test_a_text_or_choice_field_takes_the_scalar_as_written(case: str) -> None:
    old, new = WRITTEN_AS_IS[case]
    p = parse_model(yamlsource.parse(_edit(old, new).encode(), "p.yaml"), Proposal)
    written = new.partition(": ")[2].strip('"}').rpartition(": ")[2]
    dumped = p.model_dump(mode="json", by_alias=True)
    assert written in str(dumped), (written, dumped)
    assert p.submitted_on == dt.date(2026, 3, 1)


@given(st.from_regex(r"[-+]?[0-9]{1,30}(\.[0-9]{0,5})?|[0-9]{1,3}(:[0-5][0-9]){1,2}|"
                     r"(yes|no|on|off|true|false|y|n|~|null)", fullmatch=True))
def test_no_plain_scalar_changes_in_a_text_field(word: str) -> None:
    """Whatever YAML 1.1 would make of it, a text field keeps the characters written."""
    if word in ("~", "null"):
        return  # YAML's 'nothing' stays nothing: a missing value, reported as missing
    src = yamlsource.parse(_edit("  - category: Người dân", f"  - category: {word}").encode(),
                           "p.yaml")
    p = parse_model(src, Proposal)
    assert p.data_subjects[0].category.vi == word


def test_review_dates_use_the_same_typing() -> None:
    src = yamlsource.parse(b"kind: review\nschema_version: 1\nproposal: {id: x, sha256: '"
                           + b"a" * 64 + b"'}\nreviewer: {organization: B, name: C, role: D}\n"
                           b"reviewed_on: 2026-13-01\n", "r.yaml")
    with pytest.raises(InputError) as exc:
        parse_model(src, Review)
    assert [str(p) for p in exc.value.problems] == [
        "r.yaml:5: reviewed_on: 2026-13-01 is not a date (there is no month 13); expected a "
        "real date written YYYY-MM-DD"]


def test_a_number_too_large_for_a_float_is_refused(tmp_path: Path) -> None:
    """Found by an adversarial pass: `weight: 1e400` became infinity and the score NaN."""
    text = (DATA / "checklists" / "mini" / "1.0.0.yaml").read_text(encoding="utf-8")
    assert "weight: 2" in text
    code, out = _validate(tmp_path, text.replace("weight: 2", "weight: 1e400", 1), "c.yaml")
    assert code == 2, out
    assert "weight: got '1e400'; expected a number such as 0.5 or 12" in out


def test_a_raw_control_byte_is_located(tmp_path: Path) -> None:
    """Found by an adversarial pass: YAML's own refusal of a raw ESC named no line."""
    f = tmp_path / "p.yaml"
    f.write_bytes(GOOD.replace("title: Thử nghiệm", "title: Thử\x1b[2Jnghiệm").encode())
    result = CliRunner().invoke(app, ["validate", str(f), *CHECKLISTS])
    assert result.exit_code == 2
    assert result.output == (f"error: {f}:4: contains U+001B escape (column 11); remove it "
                             "(control characters are not allowed, not even in comments)\n")

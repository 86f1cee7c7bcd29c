"""Every kind of bad input: one located message, exit status 2, no traceback, no output file."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from assess.cli import app
from assess.documents import yamlsource
from tests.helpers import DATA, base_proposal, dump

CHECKLISTS = ["--checklists", str(DATA / "checklists")]
GOOD = (DATA / "proposal-ok.yaml").read_text(encoding="utf-8")


def _run(tmp_path: Path, content: bytes | str, *args: str) -> tuple[int, str]:
    f = tmp_path / "p.yaml"
    f.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    result = CliRunner().invoke(app, ["validate", str(f), *CHECKLISTS, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    return result.exit_code, result.output.replace(str(f), "p.yaml")


def _edit(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


CASES = {
    "yaml-syntax": (_edit("  - id: hoi-dap", "  - id: [hoi-dap"),
                    "p.yaml:17: YAML syntax error: while parsing a flow sequence"),
    "wrong-type": (_edit("count: 1000", "count: many"),
                   "p.yaml:22: data_subjects[0].count: got 'many'; expected a whole number written "
                   "with digits only (no dot, comma or space), at most 18 digits, e.g. 150000"),
    "unknown-field": (_edit("  exclusive: false", "  exclusive: false\n  exclusiv: true"),
                      "p.yaml:16: channel.exclusiv: unknown field 'exclusiv'; did you mean "
                      "'exclusive'? expected one of: name, platform, operator, operator_country, kind, "
                      "exclusive, url"),
    "missing-field": (_edit("  operator: VNG\n", ""),
                      "p.yaml:10: channel: missing 'operator'; expected the id of the "
                      "platform's operator"),
    "bad-enum": (_edit("encryption: tls, authenticated: false", "encryption: ssl, authenticated: "
                       "false"), "p.yaml:36: flows[0].encryption: got 'ssl'; expected 'none', "
                 "'tls', 'e2e' or 'unknown'"),
    "bad-pattern": (_edit("operator_country: VN", "operator_country: Vietnam"),
                    "p.yaml:13: channel.operator_country: got 'Vietnam'; expected a two-letter "
                    "ISO 3166 country code in capitals, e.g. VN, SG, US"),
    "dangling-flow": (_edit("{from: citizen, to: oa,", "{from: citizen, to: oaa,"),
                      "p.yaml:36: flows[0].to: unknown node 'oaa'; did you mean 'oa'?"),
    "unknown-data": (_edit("data: [phone, guide]", "data: [phone, guides]"),
                     "p.yaml:19: services[0].data[1]: unknown data id 'guides'; did you mean "
                     "'guide'?"),
    "unknown-zone": (_edit("kind: actor, zone: citizens", "kind: actor, zone: citizen"),
                     "p.yaml:31: nodes[0].zone: unknown zone 'citizen'; did you mean 'citizens'?"),
    "duplicate-id": (_edit("{id: guide, name:", "{id: phone, name:"),
                     "p.yaml:25: data[1].id: duplicate data id 'phone' (first defined on line 24);"
                     " expected each data id once"),
    "duplicate-key": (_edit("title: Thử nghiệm", "title: Thử nghiệm\ntitle: Again"),
                      "p.yaml:5: title: duplicate key 'title' (first given on line 4); expected "
                      "each key once"),
    "duplicate-flow": (_edit("  - {from: oa, to: msgs,", "  - {from: citizen, to: oa, data: [phone],"
                             " encryption: tls, authenticated: false}\n  - {from: oa, to: msgs,"),
                       "p.yaml:37: flows[1]: a second flow citizen->oa (first is flows[0]); "
                       "expected one flow per direction: list all its data in one flow"),
    "store-on-process": (_edit("kind: process, zone: gov}", "kind: process, zone: gov, "
                               "retention_days: 3}"),
                         "p.yaml:34: nodes[3].retention_days: 'retention_days' is only for "
                         "datastores; this node is a process"),
    "retains-in-government": (_edit("kind: process, zone: gov}", "kind: process, zone: gov, "
                                    "retains: false}"),
                              "p.yaml:34: nodes[3].retains: 'retains' is only for nodes outside "
                              "a government zone (a presumption about a third party); zone 'gov' "
                              "is government: remove the field"),
    "unknown-answer": (_edit("  RES-02: {", "  RES-20: {"),
                       "p.yaml:42: answers.RES-20: no control 'RES-20' in checklist mini@1.0.0; "
                       "did you mean 'RES-02'"),
    "unknown-version": (_edit("checklist: mini@1.0.0", "checklist: mini@9.9.9"),
                        "p.yaml:9: checklist: checklist 'mini' has no version 9.9.9 "
                        "(have: 1.0.0)"),
    "unknown-checklist": (_edit("checklist: mini@1.0.0", "checklist: maxi@1.0.0"),
                          "p.yaml:9: checklist: no checklist 'maxi' (did you mean 'mini'?"),
    "unknown-kind": (_edit("kind: proposal", "kind: proposl"),
                     "p.yaml:1: kind: unknown kind 'proposl'; expected one of: checklist, "
                     "proposal, review"),
    "missing-kind": ("id: x\n", "p.yaml:1: kind: missing 'kind'; expected one of"),
    "not-a-mapping": ("- a\n- b\n", "p.yaml:1: expected a YAML mapping with 'kind' at the top"),
    "empty": ("", "p.yaml: the file is empty; expected a YAML mapping with 'kind'"),
    "non-utf8": ("kind: proposal\ntitle: Th\xe1\n".encode("latin-1"),
                 "p.yaml:2: byte 0xe1 is not valid UTF-8; expected a UTF-8 text file"),
    "python-tag": ("kind: !!python/object/apply:os.system ['echo hi']\n",
                   "p.yaml:1: kind: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    "custom-tag": ("kind: !secret x\n", "p.yaml:1: kind: unsupported YAML tag '!secret'"),
    "merge-key": ("a: &a {x: 1}\nb:\n  <<: *a\n", "p.yaml:3: b: merge keys ('<<') are not "
                  "supported"),
    "two-documents": ("kind: proposal\n---\nkind: review\n", "p.yaml:2: YAML syntax error: expected a "
                      "single document in the stream"),
    "alias-bomb": ("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n"
        for i in range(8)), "more than 100 alias references (*name)"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_gives_one_located_message_and_exit_2(tmp_path: Path, case: str) -> None:
    content, expected = CASES[case]
    code, out = _run(tmp_path, content)
    assert code == 2, out
    assert expected in out, out
    assert out.startswith("error: p.yaml")


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = "# " + "x" * (yamlsource.MAX_BYTES + 10) + "\n"
    code, out = _run(tmp_path, big)
    assert code == 2
    assert "p.yaml: file is 5,242,893 bytes; expected at most 5,242,880 bytes" in out


def test_all_errors_of_a_document_are_reported_at_once(tmp_path: Path) -> None:
    doc = _edit("count: 1000", "count: many").replace("encryption: tls", "encryption: ssl", 1)
    doc = doc.replace("operator_country: VN", "operator_country: vn")
    code, out = _run(tmp_path, doc)
    assert code == 2
    lines = [line for line in out.splitlines() if line.startswith("error:")]
    assert [line.split(":")[2] for line in lines] == ["13", "22", "36"]


def test_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "nope.yaml: no such file" in result.output


def test_score_of_a_checklist_says_it_wants_a_proposal(runner: CliRunner) -> None:
    path = DATA / "checklists" / "mini" / "1.0.0.yaml"
    result = runner.invoke(app, ["score", str(path), *CHECKLISTS])
    assert result.exit_code == 2
    assert "kind: this is a checklist; expected a proposal" in result.output


def test_bad_checklist_is_located(tmp_path: Path) -> None:
    text = (DATA / "checklists" / "mini" / "1.0.0.yaml").read_text(encoding="utf-8")
    text = text.replace("rule: G-RES-STORE", "rule: G-RES-STOR").replace(
        "applies_if: [processes_sensitive_data]", "applies_if: [processes_sensitiv_data]")
    text = text.replace("approve: 80, conditional: 50", "approve: 40, conditional: 50")
    code, out = _run(tmp_path, text)
    assert code == 2
    assert "domains[0].controls[0].rule: unknown rule 'G-RES-STOR'; did you mean 'G-RES-STORE'" in out
    assert "applies_if[0]: unknown fact 'processes_sensitiv_data'; did you mean " \
           "'processes_sensitive_data'" in out
    assert "scoring.thresholds: approve (40.0) is below conditional (50.0)" in out


def test_init_refuses_to_overwrite_and_leaves_file_intact(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "p.yaml"
    out.write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["init", "-o", str(out), "--checklist", "mini@1.0.0", *CHECKLISTS])
    assert result.exit_code == 2
    assert "already exists; choose another name or use --force" in result.output
    assert out.read_text(encoding="utf-8") == "mine"


def test_markup_in_text_is_printed_literally(runner: CliRunner, tmp_path: Path) -> None:
    doc = base_proposal()
    doc["title"] = "[bold red]hi[/] <script>alert(1)</script>"
    f = tmp_path / "p.yaml"
    f.write_bytes(dump(doc))
    result = runner.invoke(app, ["score", str(f), *CHECKLISTS])
    assert result.exit_code == 0
    assert "[bold red]hi[/] <script>alert(1)</script>" in result.output

"""`assess batch` (issue 17): many proposals, bad ones skipped and said, results written as they
finish, the same results whatever the number of processes; the portfolio's example data."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assess.cli import app
from tests.helpers import DATA

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PORTFOLIO = EXAMPLES / "portfolio"
BROKEN = "kind: proposal\nid: [oops\n"


def _folder(tmp_path: Path, *names: str, broken: bool = False) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        shutil.copy(EXAMPLES / name, folder / name)
    if broken:
        (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return folder


def yaml_load(path: Path) -> Any:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _index(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    return data


def test_a_bad_file_is_said_with_its_line_and_skipped_while_the_rest_finish(
        runner: CliRunner, tmp_path: Path) -> None:
    folder = _folder(tmp_path, "bac-ninh-zalo-notifications.yaml",
                     "facebook-messenger-abroad.yaml", broken=True)
    out = tmp_path / "out"
    r = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--jobs", "1"])
    assert r.exit_code == 2, r.output
    assert f"{folder / 'broken.yaml'}:2: YAML syntax error" in r.stderr
    assert "Traceback" not in r.output
    assert sorted(p.name for p in out.iterdir()) == [
        "bac-ninh-zalo-notifications.json", "batch.json", "facebook-messenger-abroad.json",
        "portfolio.csv", "portfolio.json", "portfolio.xlsx"]
    portfolio = json.loads((out / "portfolio.json").read_text(encoding="utf-8"))
    assert [r["proposal"] for r in portfolio["rows"]] == [  # by place: Bắc Ninh, Nghệ An
        "bac-ninh-zalo-notifications", "facebook-messenger-abroad"]
    outcomes = {Path(o["proposal"]).name: o for o in _index(out)["outcomes"]}
    assert outcomes["broken.yaml"]["ok"] is False and outcomes["broken.yaml"]["outputs"] == []
    assert outcomes["bac-ninh-zalo-notifications.yaml"]["verdict"] == "approve"
    assert outcomes["facebook-messenger-abroad.yaml"]["verdict"] == "reject"
    assert outcomes["facebook-messenger-abroad.yaml"]["failing_blockers"] == ["RES-01"]
    written = json.loads((out / "bac-ninh-zalo-notifications.json").read_text(encoding="utf-8"))
    assert written["verdict"] == "approve" and written["proposal"]["id"] == \
        "bac-ninh-zalo-notifications"


def test_the_review_beside_a_proposal_decides_as_score_review_does(
        runner: CliRunner, tmp_path: Path) -> None:
    folder = _folder(tmp_path, "bac-giang-zalo-2019.yaml", "bac-giang-zalo-2019.review.yaml")
    out = tmp_path / "out"
    assert runner.invoke(app, ["batch", str(folder), "-o", str(out), "-j", "1"]).exit_code == 0
    (outcome,) = _index(out)["outcomes"]
    assert outcome["review"] == str(folder / "bac-giang-zalo-2019.review.yaml")
    scored = runner.invoke(app, ["score", str(folder / "bac-giang-zalo-2019.yaml"), "--review",
                                 str(folder / "bac-giang-zalo-2019.review.yaml"), "--json"])
    assert json.loads((out / "bac-giang-zalo-2019.review.json").read_text(encoding="utf-8")) \
        == json.loads(scored.stdout)


def test_two_processes_write_exactly_what_one_does(runner: CliRunner, tmp_path: Path) -> None:
    args = ["batch", str(PORTFOLIO / "ha-noi-zalo-notifications.yaml"),
            str(PORTFOLIO / "hue-zalo-notifications-partial.yaml"),
            str(PORTFOLIO / "lai-chau-zalo-notifications-pending.yaml")]
    one, two = tmp_path / "one", tmp_path / "two"
    assert runner.invoke(app, [*args, "-o", str(one), "-j", "1"]).exit_code == 0
    r = runner.invoke(app, [*args, "-o", str(two), "-j", "2"])
    assert r.exit_code == 0, r.output
    names = sorted(p.name for p in one.glob("*.json") if not p.name.startswith(("batch", "portfolio")))
    assert names == sorted(p.name for p in two.glob("*.json")
                           if not p.name.startswith(("batch", "portfolio")))
    assert len(names) == 3
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes()
    verdicts = [o["verdict"] for o in _index(two)["outcomes"]]
    assert verdicts == ["approve", "conditional", "reject"]  # in the order given


def test_reports_are_the_pdfs_assess_report_writes(runner: CliRunner, tmp_path: Path) -> None:
    proposal = DATA / "proposal-ok.yaml"
    out = tmp_path / "out"
    r = runner.invoke(app, ["batch", str(proposal), "-o", str(out), "--report", "-j", "1",
                            "--checklists", str(DATA / "checklists"), "--lang", "en"])
    assert r.exit_code == 0, r.output
    single = tmp_path / "single.pdf"
    assert runner.invoke(app, ["report", str(proposal), "-o", str(single), "--checklists",
                               str(DATA / "checklists"), "--lang", "en"]).exit_code == 0
    assert (out / "proposal-ok.en.pdf").read_bytes() == single.read_bytes()
    assert _index(out)["outcomes"][0]["outputs"] == [str(out / "proposal-ok.json"),
                                                     str(out / "proposal-ok.en.pdf")]


def test_a_gate_fails_on_any_verdict_that_bad(runner: CliRunner, tmp_path: Path) -> None:
    folder = _folder(tmp_path, "bac-ninh-zalo-notifications.yaml",
                     "facebook-messenger-abroad.yaml")
    base = ["batch", str(folder), "-j", "1"]
    assert runner.invoke(app, [*base, "-o", str(tmp_path / "a")]).exit_code == 0
    assert runner.invoke(app, [*base, "-o", str(tmp_path / "b"), "--fail-on", "reject"]
                         ).exit_code == 1


@pytest.mark.parametrize("case", ["no match", "empty folder", "out is a file",
                                  "replaces another file", "output is an input"])
def test_bad_requests_say_why_and_write_nothing(runner: CliRunner, tmp_path: Path,
                                                case: str) -> None:
    folder = _folder(tmp_path, "bac-ninh-zalo-notifications.yaml")
    out = tmp_path / "out"
    args = [str(folder)]
    if case == "no match":
        args = [str(tmp_path / "nothing-*.yaml")]
        expected = "no such file; expected a folder, a file or a pattern"
    elif case == "empty folder":
        (tmp_path / "empty").mkdir()
        args = [str(tmp_path / "empty")]
        expected = "the folder holds no proposal"
    elif case == "out is a file":
        out.write_text("x", encoding="utf-8")
        expected = "is a file, not a folder"
    elif case == "replaces another file":
        out.mkdir()
        (out / "bac-ninh-zalo-notifications.json").write_text("keep me", encoding="utf-8")
        expected = "bac-ninh-zalo-notifications.json"
    else:  # a proposal written as JSON (YAML reads it), its folder as -o: x.json is both
        proposal = folder / "bac-ninh-zalo-notifications.yaml"
        as_json = folder / "bac-ninh-zalo-notifications.json"
        as_json.write_text(json.dumps(yaml_load(proposal), default=str), encoding="utf-8")
        proposal.unlink()
        args, out = [str(as_json)], folder
        expected = "bac-ninh-zalo-notifications.json"
    before = sorted(p.name for p in tmp_path.rglob("*"))
    r = runner.invoke(app, ["batch", *args, "-o", str(out), "-j", "1"])
    assert r.exit_code == 2, r.output
    assert expected in r.stderr and "Traceback" not in r.output
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_a_bug_on_one_file_is_said_for_it_and_exits_3(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import assess.workflows.pipeline as pipeline

    real = pipeline.assess_files

    def flaky(proposal: Path | str, **kwargs: Any) -> Any:
        if "facebook" in str(proposal):
            raise ZeroDivisionError("division by zero")
        return real(proposal, **kwargs)

    monkeypatch.setattr(pipeline, "assess_files", flaky)
    folder = _folder(tmp_path, "bac-ninh-zalo-notifications.yaml",
                     "facebook-messenger-abroad.yaml")
    r = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out"), "-j", "1"])
    assert r.exit_code == 3, r.output
    assert "internal error: ZeroDivisionError: division by zero" in r.stderr
    assert (tmp_path / "out" / "bac-ninh-zalo-notifications.json").is_file()


def test_vietnamese_by_default(runner: CliRunner, tmp_path: Path, vietnamese: None) -> None:
    folder = _folder(tmp_path, "bac-ninh-zalo-notifications.yaml", broken=True)
    r = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out"), "-j", "1"])
    assert r.exit_code == 2
    assert "bac-ninh-zalo-notifications: Chấp thuận, điểm 98,4" in r.stderr
    assert "broken: bỏ qua do có lỗi:" in r.stderr
    assert "xong 1/2 đề xuất" in r.stderr and "bỏ qua 1 tệp có lỗi" in r.stderr


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("portfolio_generate", PORTFOLIO / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_portfolio_examples_are_what_their_script_writes() -> None:
    wanted = _generator().files()
    assert len(wanted) == 34
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in PORTFOLIO.glob("*.yaml")}
    assert on_disk == wanted, "run python examples/portfolio/generate.py"


def test_the_portfolio_has_every_verdict_and_every_unit_once(runner: CliRunner,
                                                            tmp_path: Path) -> None:
    generator = _generator()
    units = [u[0] for u in generator.UNITS]
    assert len(units) == len(set(units)) == 34
    assert sum(u[2] == "thành phố" for u in generator.UNITS) == 6  # Resolution 202/2025/QH15
    r = runner.invoke(app, ["batch", str(PORTFOLIO), "-o", str(tmp_path / "out"), "-j", "1"])
    assert r.exit_code == 0, r.output
    verdicts = [o["verdict"] for o in _index(tmp_path / "out")["outcomes"]]
    assert {v: verdicts.count(v) for v in set(verdicts)} == {
        "approve": 13, "conditional": 9, "reject": 12}


def test_a_checklist_is_parsed_once_per_process_until_its_bytes_change(tmp_path: Path) -> None:
    """Each of a batch's proposals names the same checklist: parsed once, not 34 times; an
    edited file is parsed again (the cache is named by the bytes' hash, never by the path)."""
    from assess.checklists.loading import load_checklist, load_platform

    source = next((DATA / "checklists" / "mini").glob("*.yaml"))
    path = tmp_path / "1.0.0.yaml"
    path.write_bytes(source.read_bytes())
    first = load_checklist(path)
    assert load_checklist(path) is first
    copy = tmp_path / "copy" / "1.0.0.yaml"
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    assert load_checklist(copy).source.name == str(copy)  # same bytes, its own name in messages
    path.write_bytes(source.read_bytes().replace(b"\nversion:", b"\n# edited\nversion:", 1))
    again = load_checklist(path)
    assert again is not first and again.source.sha256 != first.source.sha256
    profile = ROOT / "assess" / "data" / "platforms" / "zalo-oa" / "1.0.0.yaml"
    assert load_platform(profile) is load_platform(profile)


def test_by_default_as_many_processes_as_cores_and_a_broken_file_still_said(
        runner: CliRunner, tmp_path: Path) -> None:
    folder = _folder(tmp_path, "bac-ninh-zalo-notifications.yaml",
                     "facebook-messenger-abroad.yaml", broken=True)
    r = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out")])
    assert r.exit_code == 2, r.output
    assert f"{folder / 'broken.yaml'}:2: YAML syntax error" in r.stderr
    assert [o["ok"] for o in _index(tmp_path / "out")["outcomes"]] == [True, False, True]


def test_in_a_pool_results_keep_the_order_given_and_a_bug_is_said(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first proposal is made the slowest and the second fails with a bug: the forks
    inherit both patches; the index still lists them in the order given."""
    import time as clock

    import assess.workflows.pipeline as pipeline

    real = pipeline.assess_files

    def patched(proposal: Path | str, **kwargs: Any) -> Any:
        if "bac-ninh" in str(proposal):
            clock.sleep(1.5)
        if "facebook" in str(proposal):
            raise ZeroDivisionError("division by zero")
        return real(proposal, **kwargs)

    monkeypatch.setattr(pipeline, "assess_files", patched)
    files = [str(EXAMPLES / n) for n in ("bac-ninh-zalo-notifications.yaml",
                                         "facebook-messenger-abroad.yaml",
                                         "quang-tri-zalo-services.yaml")]
    r = runner.invoke(app, ["batch", *files, "-o", str(tmp_path / "out"), "-j", "2"])
    assert r.exit_code == 3, r.output
    assert r.stderr.index("quang-tri-zalo-services:") < r.stderr.index(
        "bac-ninh-zalo-notifications:")  # finished first, said first
    outcomes = _index(tmp_path / "out")["outcomes"]
    assert [Path(o["proposal"]).name for o in outcomes] == [Path(f).name for f in files]
    assert [o["ok"] for o in outcomes] == [True, False, True]
    assert "internal error: ZeroDivisionError" in outcomes[1]["problems"][0]


def test_reports_in_a_pool(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        shutil.copy(DATA / "proposal-ok.yaml", folder / f"{name}.yaml")
    base = ["batch", str(folder), "--report", "--checklists", str(DATA / "checklists")]
    r = runner.invoke(app, [*base, "-o", str(tmp_path / "two"), "-j", "2"])
    assert r.exit_code == 0, r.output
    assert runner.invoke(app, [*base, "-o", str(tmp_path / "one"), "-j", "1"]).exit_code == 0
    assert (tmp_path / "two" / "portfolio.pdf").read_bytes().startswith(b"%PDF-")
    for name in ("a.en.pdf", "b.en.pdf"):  # forked workers render what this process does
        pdf = (tmp_path / "two" / name).read_bytes()
        assert pdf.startswith(b"%PDF-") and pdf == (tmp_path / "one" / name).read_bytes()


def test_a_failed_render_leaves_no_result_for_it_not_even_an_earlier_run(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import assess.outputs.report as report
    from assess.core.errors import OutputError
    from assess.core.i18n.messages import plain

    folder = _folder(tmp_path, "bac-ninh-zalo-notifications.yaml")
    out = tmp_path / "out"
    out.mkdir()
    (out / "bac-ninh-zalo-notifications.json").write_text('{"earlier": "run"}\n',
                                                          encoding="utf-8")

    def fails(*args: Any) -> bytes:
        raise OutputError(plain("the renderer ran out of room"))

    monkeypatch.setattr(report, "report_pdf", fails)
    r = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--report", "-j", "1"])
    assert r.exit_code == 2, r.output
    assert "the renderer ran out of room" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["batch.json", "portfolio.csv",
                                                      "portfolio.json", "portfolio.pdf",
                                                      "portfolio.xlsx"]


def test_a_proposal_named_like_the_index_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "bac-ninh-zalo-notifications.yaml", folder / "batch.yaml")
    r = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out"), "-j", "1"])
    assert r.exit_code == 2, r.output
    assert "one of the run's own files (its index and portfolio); rename the proposal file" in r.stderr
    assert not (tmp_path / "out").exists()

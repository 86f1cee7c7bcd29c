"""The national portfolio (issue 17, part 2): rows, re-assessment flags, the heat map's data and
operators' exposure, from the same assessments every output renders; terminal, CSV and JSON."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assess.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PORTFOLIO = EXAMPLES / "portfolio"


def _build(on: dt.date, *names: str) -> Any:
    from assess.checklists.catalog import Catalog
    from assess.legal.register import load_register
    from assess.workflows.pipeline import assess_files
    from assess.workflows.portfolio import build

    assessed = [assess_files(PORTFOLIO / n) for n in names]
    assessed.append(assess_files(EXAMPLES / "bac-giang-zalo-2019.yaml",
                                 review=EXAMPLES / "bac-giang-zalo-2019.review.yaml"))
    return build(assessed, on=on, catalog=Catalog(), register=load_register())


def test_rows_say_state_verdicts_conditions_and_what_to_reassess() -> None:
    p = _build(dt.date(2026, 12, 4), "ha-noi-zalo-notifications.yaml",
               "quang-tri-zalo-services.yaml")
    rows = {r.proposal: r for r in p.rows}
    reviewed = rows["bac-giang-zalo-2019"]
    assert reviewed.state == "reviewed" and reviewed.place == {"vi": "Bắc Giang",
                                                              "en": "Bắc Giang"}
    assert reviewed.self_verdict == "conditional" and reviewed.reviewed_verdict == "conditional"
    assert reviewed.conditions_open == reviewed.conditions_overdue > 0  # due in 2019-2020
    ha_noi = rows["ha-noi-zalo-notifications"]
    assert ha_noi.state == "self-assessed" and ha_noi.reviewed_verdict is None
    assert ha_noi.verdict == "approve" and ha_noi.failing_blockers == ()
    assert {"ENC-02", "PDP-06"} <= set(rows["quang-tri-zalo-services"].failing_blockers)
    # Answered for 1.0.0, which cites decrees that 2026's law replaced; 2.0.0 is released.
    assert all(r.newer_checklist == "vn-third-party-channel@2.0.0" for r in p.rows)
    assert "decree-53-2022" in ha_noi.law_ended and ha_noi.superseded
    assert [r.place["vi"] for r in p.rows] == ["Bắc Giang", "Hà Nội", "Quảng Trị"]
    assert [d for d, _ in p.domains][:3] == ["RES", "ENC", "ACC"]
    assert set(ha_noi.domains) == {d for d, _ in p.domains}


def test_conditions_are_overdue_only_after_their_day_and_law_ends_on_its_day() -> None:
    early = _build(dt.date(2019, 11, 20))
    (row,) = early.rows
    assert row.conditions_open > 0 and row.conditions_overdue == 0
    assert row.law_ended == ()


def test_exposure_counts_each_proposal_once_per_operator_and_country() -> None:
    p = _build(dt.date(2026, 12, 4), "ha-noi-zalo-notifications.yaml",
               "quang-tri-zalo-services.yaml", "nghe-an-messenger-bot.yaml",
               "thanh-hoa-messenger-bot.yaml")
    by = {(e.operator, e.country): e for e in p.exposure}
    meta = by[("Meta Platforms, Inc.", "US")]
    assert sorted(meta.proposals) == ["nghe-an-messenger-bot", "thanh-hoa-messenger-bot"]
    assert meta.sensitive == 0 and meta.personal > 0
    vng = by[("Công ty Cổ phần VNG", "ZZ")]  # where VNG keeps it: no public source says
    assert sorted(vng.proposals) == ["bac-giang-zalo-2019", "ha-noi-zalo-notifications",
                                     "quang-tri-zalo-services"]
    from assess.workflows.pipeline import assess_files

    qt = assess_files(PORTFOLIO / "quang-tri-zalo-services.yaml")
    assert vng.sensitive == sum(g.count for g in qt.scope.data_subjects)  # ID and health data
    assert not any(e.operator == "Người dân" for e in p.exposure)  # their own devices


def test_places_sort_in_vietnamese_dictionary_order() -> None:
    from assess.core.text import vietnamese_order

    names = ["Huế", "Hải Phòng", "Hà Nội", "Đồng Tháp", "Đắk Lắk", "Cần Thơ", "Cao Bằng",
             "Cà Mau", "Lâm Đồng", "Lào Cai", "Lạng Sơn", "Lai Châu"]
    assert sorted(names, key=vietnamese_order) == [
        "Cà Mau", "Cao Bằng", "Cần Thơ", "Đắk Lắk", "Đồng Tháp", "Hà Nội", "Hải Phòng", "Huế",
        "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng"]


def test_the_terminal_shows_rows_heat_map_and_exposure(runner: CliRunner) -> None:
    r = runner.invoke(app, ["portfolio", str(PORTFOLIO), "--on", "2026-12-04"],
                      env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    for text in ("The national portfolio (as of 2026-12-04)", "Scores by domain",
                 "Citizens' data by who holds it", "Meta Platforms, Inc.", "United States",
                 "checklist 2.0.0 released", "Hồ Chí Minh"):
        assert text in r.stdout, text


def test_csv_and_json_are_the_same_portfolio(runner: CliRunner, tmp_path: Path,
                                            vietnamese: None) -> None:
    csv_file, json_file = tmp_path / "p.csv", tmp_path / "p.json"
    base = ["portfolio", str(PORTFOLIO), "--on", "2026-12-04"]
    assert runner.invoke(app, [*base, "-o", str(csv_file)]).exit_code == 0
    assert runner.invoke(app, [*base, "-o", str(json_file)]).exit_code == 0
    import csv

    text = csv_file.read_text(encoding="utf-8")
    assert text.startswith("\ufeffTỉnh, thành phố") or text.startswith('\ufeff"Tỉnh, thành phố"')
    table = list(csv.reader(text.lstrip("\ufeff").splitlines()))
    data = json.loads(json_file.read_text(encoding="utf-8"))
    assert len(table) - 1 == len(data["rows"]) == 34
    assert [row[0] for row in table[1:]] == [r["place"]["vi"] for r in data["rows"]]
    assert table[0][-9:] == [d["id"] for d in data["domains"]]
    assert data["rows"][0]["score"] == 98.44 and table[1][10] == "98,4"


def test_a_cell_that_looks_like_a_formula_is_text(tmp_path: Path) -> None:
    from assess.outputs.portfolio import to_csv
    from assess.workflows.portfolio import Portfolio, Row

    row = Row(proposal="x", file=None, province={"vi": "=HYPERLINK(\"http://x\")", "en": "="},
              place={"vi": "+1", "en": "+1"}, channel={"vi": "c", "en": "c"}, platform=None,
              checklist="c@1.0.0", state="self-assessed", self_verdict="approve",
              reviewed_verdict=None, verdict="approve", score=90.0, risk="low",
              failing_blockers=(), conditions_open=0, conditions_overdue=0,
              newer_checklist=None, law_ended=(), domains={})
    text = to_csv(Portfolio(dt.date(2026, 1, 1), [row], [], []), "en")
    assert "\r\n'+1,'=,x," in text
    assert "'=HYPERLINK" in to_csv(Portfolio(dt.date(2026, 1, 1), [row], [], []), "vi")


@pytest.mark.parametrize("case", ["bad day", "bad format", "broken file"])
def test_bad_requests(runner: CliRunner, tmp_path: Path, case: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PORTFOLIO / "hue-zalo-notifications-partial.yaml", folder)
    args = ["portfolio", str(folder)]
    if case == "bad day":
        args += ["--on", "04/12/2026"]
        expected = "'04/12/2026' is not a day written YYYY-MM-DD"
    elif case == "bad format":
        args += ["-o", str(tmp_path / "p.docx")]
        expected = "expected a .pdf, .xlsx, .csv or .json file"
    else:
        (folder / "broken.yaml").write_text("kind: proposal\nid: [oops\n", encoding="utf-8")
        args += ["-o", str(tmp_path / "p.json")]
        expected = f"{folder / 'broken.yaml'}:2: YAML syntax error"
    r = runner.invoke(app, args)
    assert r.exit_code == 2, r.output
    assert expected in r.stderr and "Traceback" not in r.output
    if case == "broken file":  # the others' portfolio is still made
        rows = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["rows"]
        assert [r["proposal"] for r in rows] == ["hue-zalo-notifications-partial"]
    else:
        assert not (tmp_path / "p.docx").exists()


def test_the_workbook_holds_rows_heat_map_and_exposure(runner: CliRunner, tmp_path: Path,
                                                       vietnamese: None) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "p.xlsx"
    base = ["portfolio", str(PORTFOLIO), "--on", "2026-12-04", "-o"]
    assert runner.invoke(app, [*base, str(out)]).exit_code == 0
    again = tmp_path / "again.xlsx"
    assert runner.invoke(app, [*base, str(again)]).exit_code == 0
    assert out.read_bytes() == again.read_bytes()  # dated by the portfolio's day, not the clock
    wb = load_workbook(out)
    assert wb.sheetnames == ["Tổng hợp", "Điểm theo lĩnh vực",
                             "Dữ liệu theo đơn vị"]
    rows, heat, held = (wb[n] for n in wb.sheetnames)
    assert rows.max_row == 35 and rows["A2"].value == "An Giang" and rows["K2"].value == 98.44
    assert heat["A1"].value == "Tỉnh, thành phố" and heat["B1"].value == "RES"
    red = [c for c in heat["B"][1:35] if c.value is not None and c.value < 50]
    assert red and all(c.fill.fgColor.rgb.endswith("FFC7CE") for c in red)
    assert held["A2"].value == "Công ty Cổ phần VNG" and held["B2"].value == "chưa rõ"


def test_a_workbook_cell_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    import io

    from openpyxl import load_workbook

    from assess.outputs.portfolio import to_xlsx
    from assess.workflows.portfolio import Portfolio, Row

    row = Row(proposal="x", file=None, province={"vi": "=1+1", "en": "=1+1"},
              place={"vi": "=SUM(A1)", "en": "=SUM(A1)"}, channel={"vi": "c", "en": "c"},
              platform=None, checklist="c@1.0.0", state="self-assessed", self_verdict="approve",
              reviewed_verdict=None, verdict="approve", score=90.0, risk="low",
              failing_blockers=(), conditions_open=0, conditions_overdue=0,
              newer_checklist=None, law_ended=(), domains={})
    wb = load_workbook(io.BytesIO(to_xlsx(Portfolio(dt.date(2026, 1, 1), [row], [], []))))
    cell = wb.worksheets[0]["A2"]
    assert cell.value == "=SUM(A1)" and cell.data_type == "s"


def test_the_workbook_does_not_depend_on_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from assess.outputs.portfolio import to_xlsx

    p = _build(dt.date(2026, 12, 4))
    monkeypatch.setattr(time, "time", lambda: 1_800_000_000.0)
    first = to_xlsx(p)
    monkeypatch.setattr(time, "time", lambda: 1_900_000_000.0)
    assert to_xlsx(p) == first


def test_the_pdf_prints_the_same_portfolio_with_vector_charts(runner: CliRunner,
                                                             tmp_path: Path) -> None:
    import subprocess

    out = tmp_path / "p.pdf"
    r = runner.invoke(app, ["portfolio", str(PORTFOLIO), "--on", "2026-12-04", "-o", str(out)])
    assert r.exit_code == 0, r.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    if shutil.which("pdftotext") is None or shutil.which("pdfimages") is None:
        reason = "pdftotext/pdfimages not found: install poppler-utils (make setup does)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    for expected in ("The national portfolio", "as of 04/12/2026", "Scores by domain",
                     "Citizens' data by who holds it", "Meta Platforms, Inc. (United States)",
                     "Vĩnh Long", "13", "Approve"):
        assert expected in text, expected
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True,
                            check=True).stdout.splitlines()
    assert len(images) == 2  # header lines only: the charts are vector, no raster image


def test_text_from_proposals_is_escaped_in_the_pdfs_html() -> None:
    from assess.outputs.portfolio.pdf import render_html
    from assess.workflows.portfolio import Exposure, Portfolio, Row

    hostile = '<script>alert(1)</script><image href="file:///etc/passwd"/>'
    row = Row(proposal="x", file=None, province={"vi": hostile, "en": hostile},
              place={"vi": hostile, "en": hostile}, channel={"vi": "c", "en": "c"},
              platform=None, checklist="c@1.0.0", state="self-assessed", self_verdict="approve",
              reviewed_verdict=None, verdict="approve", score=90.0, risk="low",
              failing_blockers=(), conditions_open=0, conditions_overdue=0,
              newer_checklist=None, law_ended=(), domains={"RES": 90.0})
    html = render_html(Portfolio(dt.date(2026, 1, 1), [row], [("RES", {"vi": "R", "en": "R"})],
                                 [Exposure(hostile, "VN", 10, 0, ["x"])]))
    assert "<script>" not in html and "<image href" not in html
    assert "&lt;script&gt;" in html


def test_six_months_later_keeps_the_day_or_takes_the_months_last() -> None:
    from assess.workflows.portfolio import months_later

    assert months_later(dt.date(2026, 6, 1), 6) == dt.date(2026, 12, 1)
    assert months_later(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert months_later(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)
    assert months_later(dt.date(2026, 12, 15), 6) == dt.date(2027, 6, 15)


def test_what_is_due_on_a_day(runner: CliRunner) -> None:
    from assess.checklists.catalog import PLATFORMS, Catalog
    from assess.legal.register import load_register
    from assess.workflows.pipeline import assess_files
    from assess.workflows.portfolio import due

    assessed = [assess_files(PORTFOLIO / n) for n in ("ha-noi-zalo-notifications.yaml",
                                                      "nghe-an-messenger-bot.yaml")]
    assessed.append(assess_files(EXAMPLES / "bac-giang-zalo-2019.yaml",
                                 review=EXAMPLES / "bac-giang-zalo-2019.review.yaml"))
    kwargs = {"catalog": Catalog(), "register": load_register(),
              "platforms": Catalog(shelf=PLATFORMS)}
    before = due(assessed, on=dt.date(2026, 11, 30), **kwargs)
    assert [r.proposal for r in before.updates] == ["bac-giang-zalo-2019"]  # due 2020-05-15
    on_the_day = due(assessed, on=dt.date(2026, 12, 1), **kwargs)  # Hà Nội: 1 Jun + 6 months
    assert [r.proposal for r in on_the_day.updates] == ["bac-giang-zalo-2019",
                                                        "ha-noi-zalo-notifications"]
    days = [c.days for c in on_the_day.conditions]
    assert days == sorted(days, reverse=True) and len(days) == 5
    assert on_the_day.conditions[0].id == "DK-1" and on_the_day.conditions[0].owner
    messenger = next(r for r in on_the_day.changed if r.proposal == "nghe-an-messenger-bot")
    assert messenger.newer_platform == "facebook-page@1.1.0"  # assessed on 1.0.0
    # Bắc Giang's first condition is due 2019-11-30: on that day it is not yet overdue.
    assert due(assessed[2:], on=dt.date(2019, 11, 30), **kwargs).conditions == []
    assert len(due(assessed[2:], on=dt.date(2019, 12, 1), **kwargs).conditions) == 1
    # Reviewed in 2019, before Law 91/2025 was in force (2026-01-01): due six months after that.
    bac_giang = next(r for r in on_the_day.updates if r.proposal == "bac-giang-zalo-2019")
    assert bac_giang.update_due == dt.date(2026, 7, 1)
    # A rejected channel is not running: nothing to update (it is listed to redo instead).
    assert "nghe-an-messenger-bot" not in [r.proposal for r in on_the_day.updates]


def test_due_on_the_command_line(runner: CliRunner, vietnamese: None) -> None:
    args = ["due", str(PORTFOLIO / "ha-noi-zalo-notifications.yaml"),
            str(EXAMPLES / "bac-giang-zalo-2019.yaml"), "--on", "2026-12-01"]
    r = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    for text in ("Điều kiện quá hạn tính đến ngày 01/12/2026", "DK-1",
                 "Hồ sơ đánh giá đến hạn cập nhật định kỳ sáu tháng",
                 "Điều 22 Luật Bảo vệ dữ liệu cá nhân",
                 "Cần đánh giá lại"):
        assert text in r.stdout, text
    data = json.loads(runner.invoke(app, [*args, "--json"]).stdout)
    assert data["kind"] == "due" and len(data["conditions"]) == 5
    assert [u["proposal"] for u in data["updates"]] == ["bac-giang-zalo-2019",
                                                        "ha-noi-zalo-notifications"]
    quiet = runner.invoke(app, ["due", str(PORTFOLIO / "ha-noi-zalo-notifications.yaml"),
                                "--on", "2026-06-02", "--checklists", str(ROOT / "tests" / "data"
                                                                          / "checklists")])
    assert quiet.exit_code == 0 and "Cần đánh giá lại" in quiet.stdout  # law, checklist 2.0.0


def test_a_portfolio_file_is_written_again_over_its_own_earlier_self(
        runner: CliRunner, tmp_path: Path, vietnamese: None) -> None:
    for name in ("p.csv", "p.xlsx", "p.json"):
        base = ["portfolio", str(PORTFOLIO / "hue-zalo-notifications-partial.yaml"), "-o",
                str(tmp_path / name)]
        assert runner.invoke(app, base).exit_code == 0
        again = runner.invoke(app, base)
        assert again.exit_code == 0, (name, again.output)
    (tmp_path / "notes.csv").write_text("my own notes\n", encoding="utf-8")
    r = runner.invoke(app, ["portfolio", str(PORTFOLIO), "-o", str(tmp_path / "notes.csv")])
    assert r.exit_code == 2 and (tmp_path / "notes.csv").read_text(encoding="utf-8") == \
        "my own notes\n"


def test_the_heat_map_colours_by_each_checklists_own_thresholds() -> None:
    from assess.outputs.portfolio import _band

    assert _band(82.0) == "yellow" and _band(82.0, {"approve": 80.0, "conditional": 40.0}) == \
        "green"
    assert _band(45.0, {"approve": 80.0, "conditional": 40.0}) == "yellow"
    p = _build(dt.date(2026, 12, 4))
    assert p.rows[0].thresholds == {"approve": 85.0, "conditional": 50.0}


@pytest.mark.parametrize("name", ["ha-noi-zalo-notifications.yaml", "nghe-an-messenger-bot.yaml",
                                  "quang-tri-zalo-services.yaml"])
def test_marking_a_zone_untrusted_never_takes_its_operator_out_of_the_exposure(
        tmp_path: Path, name: str) -> None:
    """Drawing a platform's servers as 'untrusted' is the pessimistic answer: it may only make the
    picture worse, never hide who holds the data. Every zone holding software or a store, in
    turn; people's own devices (actors only) stay out."""
    import yaml

    from assess.checklists.catalog import Catalog
    from assess.legal.register import load_register
    from assess.workflows.pipeline import assess_files
    from assess.workflows.portfolio import build

    def held(path: Path) -> dict[tuple[str, str], tuple[int, int]]:
        p = build([assess_files(path)], on=dt.date(2026, 12, 4), catalog=Catalog(),
                  register=load_register())
        return {(e.operator, e.country): (e.personal, e.sensitive) for e in p.exposure}

    text = (PORTFOLIO / name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    before = held(PORTFOLIO / name)
    systems = {n["zone"] for n in data["nodes"] if n["kind"] != "actor"}
    changed = 0
    for zone in data["zones"]:
        if zone["id"] not in systems or zone["trust"] == "untrusted":
            continue
        # The zone's own trust line (the text as written: YAML 1.1 would turn 'no' to false).
        start = text.index(f"  - id: {zone['id']}\n")
        at = text.index(f"trust: {zone['trust']}", start)
        path = tmp_path / f"{zone['id']}.yaml"
        path.write_text(text[:at] + "trust: untrusted" + text[at + 7 + len(zone["trust"]):],
                        encoding="utf-8")
        after = held(path)
        for key, (personal, sensitive) in before.items():
            assert after.get(key, (0, 0)) >= (personal, sensitive), (zone["id"], key)
        changed += 1
    assert changed >= 1
    assert not any(op == "Người dân" for op, _ in before)

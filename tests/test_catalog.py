"""Finding checklists: ID@VERSION, ID@latest (never a draft), search order, helpful misses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assess.checklists.catalog import Catalog
from assess.core.errors import NotFoundError
from tests.conftest import MINI_DIR

MINI = MINI_DIR / "mini" / "1.0.0.yaml"


def version(folder: Path, v: str, status: str = "released", checklist_id: str = "mini") -> Path:
    """A copy of the mini checklist as `<folder>/<id>/<v>.yaml` with the given status."""
    text = MINI.read_text(encoding="utf-8").replace("version: 1.0.0", f"version: {v}")
    text = text.replace("status: released", f"status: {status}")
    text = text.replace("id: mini", f"id: {checklist_id}")
    path = folder / checklist_id / f"{v}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_latest_is_the_highest_released_version_never_a_draft(tmp_path: Path) -> None:
    version(tmp_path, "1.0.0")
    released = version(tmp_path, "1.1.0")
    version(tmp_path, "1.2.0", status="draft")
    version(tmp_path, "2.0.0", status="draft")
    cat = Catalog([tmp_path])
    assert cat.resolve("mini@latest") == released
    assert cat.resolve("mini") == released


def test_a_draft_is_found_when_named_explicitly(tmp_path: Path) -> None:
    version(tmp_path, "1.0.0")
    draft = version(tmp_path, "1.1.0", status="draft")
    assert Catalog([tmp_path]).resolve("mini@1.1.0") == draft


def test_only_drafts_means_no_latest_and_says_how_to_name_one(tmp_path: Path) -> None:
    version(tmp_path, "0.9.0", status="draft")
    with pytest.raises(NotFoundError) as exc:
        Catalog([tmp_path]).resolve("mini@latest")
    assert str(exc.value) == ("checklist 'mini' has no released version; name a draft "
                              "explicitly: mini@0.9.0")


def test_an_unreadable_newer_file_is_never_latest(tmp_path: Path) -> None:
    good = version(tmp_path, "1.0.0")
    bad = tmp_path / "mini" / "1.1.0.yaml"
    bad.write_text("status: [released\n", encoding="utf-8")
    assert Catalog([tmp_path]).resolve("mini@latest") == good


def test_versions_sort_numerically_not_as_text(tmp_path: Path) -> None:
    version(tmp_path, "1.9.0")
    ten = version(tmp_path, "1.10.0")
    cat = Catalog([tmp_path])
    assert [e.version for e in cat.versions("mini")] == ["1.9.0", "1.10.0"]
    assert cat.resolve("mini@latest") == ten


def test_earlier_folders_win_on_the_same_version(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    mine = version(first, "1.0.0")
    version(second, "1.0.0")
    assert Catalog([first, second]).resolve("mini@1.0.0") == mine


def test_a_draft_in_an_earlier_folder_does_not_hide_a_release_as_latest(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    version(first, "2.0.0", status="draft")
    released = version(second, "1.0.0")
    assert Catalog([first, second]).resolve("mini@latest") == released


def test_unknown_version_lists_the_versions_there_are(tmp_path: Path) -> None:
    version(tmp_path, "1.0.0")
    version(tmp_path, "1.1.0", status="draft")
    with pytest.raises(NotFoundError) as exc:
        Catalog([tmp_path]).resolve("mini@3.0.0")
    assert str(exc.value) == "checklist 'mini' has no version 3.0.0 (have: 1.0.0, 1.1.0)"


def test_unknown_checklist_suggests_the_nearest(tmp_path: Path) -> None:
    version(tmp_path, "1.0.0")
    with pytest.raises(NotFoundError) as exc:
        Catalog([tmp_path]).resolve("mimi@1.0.0")
    assert str(exc.value).startswith("no checklist 'mimi' (did you mean 'mini'?)")


def test_files_not_named_as_versions_are_not_in_the_catalog(tmp_path: Path) -> None:
    version(tmp_path, "1.0.0")
    shutil.copy(MINI, tmp_path / "mini" / "draft.yaml")
    (tmp_path / "mini" / "releases.lock").write_text("{}\n", encoding="utf-8")
    assert [e.version for e in Catalog([tmp_path]).versions("mini")] == ["1.0.0"]


def test_the_built_in_checklist_latest_is_released() -> None:
    from assess.checklists.catalog import read_status

    path = Catalog().resolve("vn-third-party-channel@latest")
    assert read_status(path) == "released"


def test_with_a_lock_latest_is_the_highest_locked_version(tmp_path: Path) -> None:
    version(tmp_path, "1.0.0")
    version(tmp_path, "1.1.0")  # says released, but the lock does not record it (lint's error)
    (tmp_path / "mini" / "releases.lock").write_text('"1.0.0": "' + "a" * 64 + '"\n',
                                                     encoding="utf-8")
    assert Catalog([tmp_path]).resolve("mini@latest") == tmp_path / "mini" / "1.0.0.yaml"


def test_a_broken_lock_falls_back_to_the_files_status(tmp_path: Path) -> None:
    version(tmp_path, "1.0.0")
    newest = version(tmp_path, "1.1.0")
    (tmp_path / "mini" / "releases.lock").write_text("- not a mapping\n", encoding="utf-8")
    assert Catalog([tmp_path]).resolve("mini@latest") == newest

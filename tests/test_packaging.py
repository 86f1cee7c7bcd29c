"""The wheel carries the built-in checklists and templates, so `pip install .` works anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(ROOT)], check=True, capture_output=True)
    (path,) = out.glob("assess_dsia-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_ships_every_checklist_and_template(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for folder in ("checklists", "platforms", "templates", "schemas"):
        for f in (ROOT / "assess" / "data" / folder).rglob("*"):
            if f.is_file():
                assert f.relative_to(ROOT).as_posix() in names


def test_wheel_ships_the_licence_and_the_typing_marker(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert "assess/py.typed" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") or n.endswith(".dist-info/LICENSE")
               for n in names)


def test_wheel_has_the_console_script(wheel: zipfile.ZipFile) -> None:
    entry = next(n for n in wheel.namelist() if n.endswith("entry_points.txt"))
    assert "assess = assess.cli:main" in wheel.read(entry).decode()


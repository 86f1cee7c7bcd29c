"""The package's own data (checklists, templates, schemas), read through importlib.resources.

The data lives inside the package (`assess/data/`), so a wheel, an editable install and a source
checkout all find it at the same place, with no fallback to guess between.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from assess.core.i18n.messages import msg


def data_dir(name: str) -> Path:
    """`checklists`, `templates` or `schemas`, as a folder on disk.

    Catalogs list folders and WeasyPrint and Jinja2 read files by path, so the data must be real
    files: pip always installs a wheel unpacked, and a zipped install is refused here clearly.
    """
    folder = resources.files("assess") / "data" / name
    if not isinstance(folder, Path) or not folder.is_dir():
        raise RuntimeError(msg("files.data_missing", name=name, folder=str(folder)))
    return folder

"""HTML to PDF/A-3b with WeasyPrint; the only module that imports it (never at start-up).

The URL fetcher serves files under the templates folder and nothing else: no network, no
`file://` path outside it, no `data:` URL. Everything it is asked for is recorded, so a test can
prove what was (not) fetched. Dates come from the caller (the inputs), so the same inputs give
the same bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import mimetypes
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import HTML, Attachment
from weasyprint.urls import URLFetcher, URLFetcherResponse

from assess.core.collector import collector_paused
from assess.core.i18n.messages import msg
from assess.core.resources import data_dir
from assess.outputs.report.files import Embedded

log = logging.getLogger(__name__)
VARIANT = "pdf/a-3b"


class TemplateFetcher(URLFetcher):  # type: ignore[misc]
    """Serves files under `root` (the templates folder); refuses and records everything else."""

    def __init__(self, root: Path | None = None) -> None:
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)
        self.root = (root or data_dir("templates")).resolve()
        self.requested: list[str] = []
        self.refused: list[str] = []

    def _path(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(parts.path)).resolve()  # decodes %xx; resolve() folds ../
        if not path.is_relative_to(self.root) or not path.is_file():
            return None
        return path

    def fetch(self, url: str, headers: Any = None) -> Any:
        self.requested.append(url)
        path = self._path(url)
        if path is None:
            self.refused.append(url)
            log.info("%s", msg("outputs.fetch_refused", url=url))
            raise ValueError(msg("outputs.not_template", url=url[:200]))
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix in (".ttf", ".otf"):
            mime = "font/" + path.suffix[1:]
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})


@contextlib.contextmanager
def _fonts_dated(created: dt.datetime) -> Iterator[None]:
    """fontTools stamps each font subset it writes with 'now' unless SOURCE_DATE_EPOCH is set:
    set it to the document's date while WeasyPrint writes, so the bytes do not depend on the
    clock."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(created.timestamp()))
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def write_pdf(html: str, *, created: dt.datetime, attachments: Sequence[Embedded] = (),
              fetcher: TemplateFetcher | None = None) -> bytes:
    """Render `html` (whose relative URLs resolve in the templates folder) as PDF/A-3b bytes,
    with `attachments` embedded; `created` dates the attachments (the document's own dates come
    from its <meta> elements)."""
    fetcher = fetcher or TemplateFetcher()
    base = fetcher.root.as_uri() + "/"
    stamp = created.astimezone(dt.UTC).replace(tzinfo=None)
    files = [Attachment(file_obj=io.BytesIO(e.data), name=e.name, description=e.description,
                        created=stamp, modified=stamp, relationship=e.relationship)
             for e in attachments]
    # The collector has next to nothing to free while WeasyPrint runs (`collector_paused`):
    # about 0.4 s of CPU saved on the example and 8 s of 52 on a 1,000-control checklist, for
    # 4 MB and 12 MB more memory at the peak.
    with collector_paused(), _fonts_dated(created):
        out = HTML(string=html, base_url=base, url_fetcher=fetcher).write_pdf(
            pdf_variant=VARIANT, attachments=files, pdf_identifier=True, uncompressed_pdf=False)
    assert isinstance(out, bytes)
    return out

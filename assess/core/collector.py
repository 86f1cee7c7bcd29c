"""Python's cycle collector, paused while a report is made.

Loading, scoring and rendering make millions of objects, nearly all freed by reference counting
the moment they are done with; the collector's passes over them find little to free, and each
full one also walks every object alive (every imported module, pydantic's schemas, the
checklist, WeasyPrint's boxes). Paused, it costs nothing; what it would have freed is freed
later, or, when the process is about to end, by the end of the process.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused(*, examine_after: bool = True) -> Iterator[None]:
    """No collection while the block runs; the collector running again after, if it was.

    Everything made in the block is young to the collector, so its first pass after examines
    all that is still tracked, and frees the cycles among it (WeasyPrint leaves some 125,000
    objects in cycles on the example: a sixth of a second). `examine_after=False`, for a caller
    whose process ends soon after, skips that pass: what is alive moves to the oldest generation
    unexamined (`gc.freeze`, then `gc.unfreeze`), collected by the next full collection if one
    ever comes. A block inside another pause, or in a process that froze objects itself, leaves
    the collector as it found it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if not examine_after and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()

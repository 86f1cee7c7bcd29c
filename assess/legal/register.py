"""Loading the legal register, and the checks that keep it coherent.

The packaged register (`assess/data/legal/register.yaml`) is read once per process; a policy
team editing a copy names it with `--register FILE` or `ASSESS_LEGAL_REGISTER`.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from assess.core.errors import Problem
from assess.core.i18n.messages import msg
from assess.core.resources import data_dir
from assess.documents import yamlsource
from assess.documents.loading import Loaded, raise_problems, typed
from assess.documents.messages import nearest
from assess.documents.models.legal import LegalRegister
from assess.documents.yamlsource import Source

ENV_VAR = "ASSESS_LEGAL_REGISTER"
FILE = "register.yaml"


def packaged_path() -> Path:
    return data_dir("legal") / FILE


def default_path() -> Path:
    """The register in use: `ASSESS_LEGAL_REGISTER` if set, else the packaged one."""
    named = os.environ.get(ENV_VAR, "").strip()
    return Path(named) if named else packaged_path()


def load_register(path: Path | str | Source | None = None) -> Loaded[LegalRegister]:
    """The register at `path` (default: `default_path()`), every problem located at once."""
    if path is None:
        return _cached(str(default_path()))
    source = path if isinstance(path, Source) else yamlsource.read(path)
    reg = typed(source, LegalRegister)
    raise_problems(check_register(reg, source))
    return Loaded(reg, source)


@functools.lru_cache(maxsize=4)
def _cached(path: str) -> Loaded[LegalRegister]:
    return load_register(Path(path))


def check_register(reg: LegalRegister, source: Source) -> list[Problem]:
    """Ids and numbers are unique, an ending names instruments of the register, and no day
    comes before the one it follows."""
    out: list[Problem] = []

    def at(i: int, *field: str | int) -> tuple[int | None, str]:
        path = ("instruments", i, *field)
        return source.line_of(path), yamlsource.format_path(path)

    seen: dict[str, int] = {}
    numbers: dict[str, str] = {}
    ids = {inst.id for inst in reg.instruments}
    for i, inst in enumerate(reg.instruments):
        if inst.id in seen:
            out.append(Problem(source.name, *at(i, "id"), msg(
                "legal.register.duplicate_id", id=inst.id, first=seen[inst.id] + 1)))
        seen.setdefault(inst.id, i)
        for number in (inst.number, *inst.aliases):
            key = number_key(number)
            if key in numbers and numbers[key] != inst.id:
                out.append(Problem(source.name, *at(i, "number"), msg(
                    "legal.register.duplicate_number", number=number, other=numbers[key])))
            numbers.setdefault(key, inst.id)
        if inst.issued and inst.in_force and inst.in_force < inst.issued:
            out.append(Problem(source.name, *at(i, "in_force"), msg(
                "legal.register.before_issued", id=inst.id, day=inst.in_force.isoformat(),
                issued=inst.issued.isoformat())))
        end = inst.ended
        if end is None:
            continue
        for k, other in enumerate(end.by):
            if other not in ids:
                out.append(Problem(source.name, *at(i, "ended", "by", k), msg(
                    "legal.register.unknown_by", id=other, known=nearest(other, ids))))
            elif other == inst.id:
                out.append(Problem(source.name, *at(i, "ended", "by", k), msg(
                    "legal.register.ends_itself", id=inst.id)))
        if end.day is None and not end.by:
            out.append(Problem(source.name, *at(i, "ended"), msg("legal.register.empty_end",
                                                                id=inst.id)))
        start = inst.in_force or inst.issued
        if end.day is not None and start is not None and end.day < start:
            out.append(Problem(source.name, *at(i, "ended", "day"), msg(
                "legal.register.ends_before", id=inst.id, day=end.day.isoformat(),
                start=start.isoformat())))
    return out


def number_key(number: str) -> str:
    """A number as compared: case, spaces and the Đ of 'NĐ' written as 'ND' do not matter."""
    return "".join(number.split()).upper().replace("Đ", "D")


__all__ = ["ENV_VAR", "check_register", "default_path", "load_register", "number_key",
           "packaged_path"]

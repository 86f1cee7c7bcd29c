"""The one exception family of `assess`.

Library code raises these; only the CLI turns them into messages and exit codes, so the library
stays usable (and testable) without the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from assess.core.i18n import Lang
from assess.core.i18n.messages import Msg, current, msg


class ExitStatus(IntEnum):
    """The exit statuses of every command, so a script can tell a verdict from a broken tool."""

    OK = 0
    """The command did what it was asked."""
    GATE = 1
    """A gate failed: the verdict reached `--fail-on`, or a signature did not verify."""
    INPUT = 2
    """Bad input or usage: every problem was printed with its file, line and field."""
    INTERNAL = 3
    """A bug in assess: one line names it; `--debug` prints the traceback."""

    @property
    def meaning(self) -> Msg:
        return msg(f"exit.{int(self)}")


def exit_table(lang: Lang = "en") -> str:
    """The table printed by `assess --help` and kept in the README (a test compares them)."""
    return "\n".join(f"{int(s)}  {s.meaning.render(lang)}" for s in ExitStatus)


@dataclass(frozen=True, slots=True)
class Problem:
    """One located complaint about an input document."""

    file: str
    line: int | None
    field: str
    message: Msg

    def render(self, lang: Lang | None = None) -> str:
        text = (self.message.render(lang or current()) if isinstance(self.message, Msg)
                else str(self.message))  # a str only from a caller outside assess
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {text}" if self.field else f"{where}: {text}"

    def __str__(self) -> str:
        return self.render()


class AssessError(Exception):
    """Base of every error `assess` reports to a user (exit status 2)."""

    exit_code = ExitStatus.INPUT

    def __init__(self, message: Msg) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.messages()[0] if len(self.messages()) == 1 else "\n".join(self.messages())

    def messages(self) -> list[str]:
        """Each problem as a line, in the language messages are shown in now."""
        return [str(self.message)]


class InputError(AssessError):
    """One or more problems in input documents, each with file, line and field."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("InputError needs at least one problem")
        self.problems = problems
        super().__init__(problems[0].message)

    def messages(self) -> list[str]:
        return [str(p) for p in self.problems]

    @classmethod
    def single(cls, file: str | Path, message: Msg, *, line: int | None = None,
               field: str = "") -> InputError:
        return cls([Problem(str(file), line, field, message)])


class NotFoundError(AssessError):
    """A named thing (checklist, version, file) does not exist; says what does."""


class OutputError(AssessError):
    """An output could not be written; nothing partial is left behind."""

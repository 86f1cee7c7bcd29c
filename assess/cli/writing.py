"""Writing a document a person fills in (a proposal or a review skeleton) with the schema file its
`$schema` line names beside it: one way for `init` and `review init`."""

from __future__ import annotations

from pathlib import Path

import typer


def refuse_schema_name(output: Path, kind: str) -> Path | None:
    """The schema file that will be written beside `output` (None for a stream); an output
    named like that file is refused, before any work."""
    from assess.core.errors import OutputError
    from assess.core.i18n.messages import msg
    from assess.workflows.skeleton import SCHEMA_FILE, is_stream

    if is_stream(output):
        return None
    if output.name == SCHEMA_FILE[kind]:
        raise OutputError(msg("skeleton.name_is_schema", file=str(output)))
    return output.parent / SCHEMA_FILE[kind]


def write_with_schema(output: Path, text: str, kind: str, *, force: bool) -> Path | None:
    """`text` to `output` (`-`: standard output), then the schema beside it when it changed;
    the schema file written, if one was."""
    from assess.core.files import write_atomic
    from assess.workflows.skeleton import schema_beside

    if str(output) == "-":
        typer.echo(text, nl=False)
    else:
        write_atomic(output, text, overwrite=force)
    schema = schema_beside(output, kind)
    if schema is None:
        return None
    write_atomic(*schema)
    return schema[0]

"""Messages of the skeletons (see `assess.core.i18n.messages`): (Vietnamese, English) by key.

What `assess init` says when it writes a proposal skeleton (`assess.workflows.skeleton`) and
the schema file its `$schema` line names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "skeleton.file": ("tệp {file}", "{file}"),
    "skeleton.stdout": ("ra đầu ra chuẩn", "to standard output"),
    "skeleton.wrote": ("đã ghi {where} ({n:,} kiểm soát của {checklist})",
                       "wrote {where} ({n:,} controls of {checklist})"),
    "skeleton.wrote_on": ("đã ghi {where} ({n:,} kiểm soát của {checklist}, trên {platform})",
                          "wrote {where} ({n:,} controls of {checklist}, on {platform})"),
    "skeleton.wrote_schema": (
        "đã ghi {file} cạnh hồ sơ: dòng $schema đầu hồ sơ trỏ tới tệp này, gửi hồ sơ thì gửi "
        "kèm",
        "wrote {file} beside the proposal: the $schema line at its top names it; send it along "
        "with the proposal"),
    "skeleton.name_is_schema": (
        "{file}: là tên của tệp lược đồ mà assess init ghi cạnh hồ sơ; cần một tên khác, ví dụ "
        "proposal.yaml",
        "{file}: is the name of the schema file assess init writes beside the proposal; expected "
        "another name, e.g. proposal.yaml"),
}

"""The workspace's use cases, each checking who may do it: the CLI and the web call these, never
the tables directly, so a rule of access is written once and holds for every route."""

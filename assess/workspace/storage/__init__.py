"""What the workspace keeps: tables, immutable blobs, the hash-chained event log, backups.

Knows nothing of roles or of the assessment pipeline: those are `assess.workspace.services`.
"""

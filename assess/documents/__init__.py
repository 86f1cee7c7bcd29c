"""Bytes → validated input documents with located problems: safe YAML, models, messages,
cross-reference checks, JSON Schemas. Knows nothing of the engine or the catalog.
"""

"""Renderers for the terminal (rich): an assessment, a checklist, a checklist diff."""

"""Renderers of an Assessment (and of checklist diffs) that never recompute it: terminal, diagram,
HTML/PDF report.
"""

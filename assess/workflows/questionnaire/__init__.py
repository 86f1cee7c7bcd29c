"""The spreadsheet questionnaire: a checklist (and a proposal) as an .xlsx workbook officials fill
in, and that workbook read back, every value checked, as a proposal YAML.

`layout` is the shape both directions share; `export` writes a workbook, `reading` reads one.
"""

"""Pure: a proposal and a checklist (and a review) become an Assessment — graph, facts, rules,
exposure, scoring. No disk, no rendering.
"""

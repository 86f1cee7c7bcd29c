"""Checklists as a policy team keeps them: the catalog and `@latest`, loading documents against
it, lint, semantic diff, release checks and release writing, the changelog and the vocabulary.
"""

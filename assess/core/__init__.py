"""Below every stage: the error family and exit statuses, atomic files, words and languages,
semantic versions, the package's own data. Imports nothing else of assess.
"""

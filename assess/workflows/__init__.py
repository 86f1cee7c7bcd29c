"""The use cases the CLI (and later the workspace) call: assess files, re-assess, migrate,
proposal and review skeletons.
"""

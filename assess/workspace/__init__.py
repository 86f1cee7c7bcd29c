"""The review workspace: storage (SQLAlchemy + Alembic) under services (use cases with their
authorisation) — the same pipeline the CLI runs, kept with who did what and when."""

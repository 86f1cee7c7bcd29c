"""The workspace's web pages (FastAPI + Jinja2 + htmx, served by uvicorn): thin handlers over
`assess.workspace.services`, which decide who may see and do what."""

from assess.workspace.web.app import create_app

__all__ = ["create_app"]

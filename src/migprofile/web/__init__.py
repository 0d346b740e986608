"""The web portal: server-rendered pages and a JSON API over ``migprofile.core``.

    web/app.py       create_app(store) -> FastAPI; static files, error handlers
    web/errors.py    the one JSON error shape {"error": {"code", "message", "details"}}
    web/portal.py    Portal: the store, the caches keyed by data_version, rendered bytes
    web/views.py     plain data for the pages (home, compare, legal, sources)
    web/api.py       /api/v1/... routes
    web/pages.py     /{lang}/... routes (Jinja2 templates in web/templates/)

Routes only parse parameters, call the core or the portal and format the answer.
"""

from migprofile.web.app import create_app

__all__ = ["create_app"]

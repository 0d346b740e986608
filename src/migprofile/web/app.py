"""``create_app(store)``: the FastAPI application of the portal.

Static files (CSS, scripts, the vendored Vega/Swagger bundles, the world TopoJSON) are
served from ``web/static`` under ``/static``: no page loads anything from another host.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from starlette.responses import HTMLResponse

from migprofile import __version__ as VERSION
from migprofile import core
from migprofile.core import Store
from migprofile.settings import Settings, get_settings
from migprofile.web import api, corridors, editor, embed, find, legal, pages
from migprofile.web.errors import install_error_handlers
from migprofile.web.hardening import Hardening
from migprofile.web.models import install_openapi
from migprofile.web.portal import Portal

STATIC = Path(__file__).with_name("static")
OPENAPI = "/api/v1/openapi.json"


def create_app(store: Store | None = None, *, settings: Settings | None = None) -> FastAPI:
    """The portal over ``store`` (default: the configured database, migrated)."""
    settings = settings or get_settings()
    store = store or core.open_store(settings=settings)
    app = FastAPI(title="migprofile", version=VERSION, openapi_url=OPENAPI, docs_url=None,
                  redoc_url=None,
                  description="Migration data and country migration profiles (fr/en/ar).")
    app.state.portal = Portal(store, settings)
    install_error_handlers(app)
    app.add_middleware(Hardening)
    install_openapi(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(find.api)
    app.include_router(legal.router)
    app.include_router(corridors.api)

    @app.get("/api/v1/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=OPENAPI, title="migprofile API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg")

    app.include_router(find.pages)
    app.include_router(embed.router)
    editor.install(app)  # before the pages: it extends the country page with drafts
    app.include_router(corridors.pages)
    app.include_router(pages.router)
    return app


def create_app_from_env() -> FastAPI:
    """For ``uvicorn --factory migprofile.web.app:create_app_from_env``."""
    return create_app()

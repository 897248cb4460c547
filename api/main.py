"""The FastAPI application: `create_app()`; the extractor loads once in the lifespan."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from vnextract.api import errors
from vnextract.api.middleware import ApiKeys, BodyLimits, SecurityHeaders
from vnextract.api.routes import archive, extract, meta
from vnextract.api.settings import Settings, get_settings
from vnextract.extractor import Extractor

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
_OVERHEAD = 64 * 1024              # JSON syntax, multipart headers and the other fields of a request
_JSON_ESCAPES = 3                  # a text sent as \uXXXX escapes takes up to 3× its UTF-8 bytes


def body_limit(settings: Settings, path: str) -> int:
    """The largest body a route accepts: uploads their file's limit, JSON routes room for the
    text written with escapes, everything else a small form."""
    if path == "/v1/extract/file":
        return settings.max_bytes + _OVERHEAD
    if path in ("/v1/extract", "/v1/extract/batch"):
        return _JSON_ESCAPES * settings.max_bytes + _OVERHEAD
    return _OVERHEAD


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.pool = ThreadPoolExecutor(max_workers=settings.threads, thread_name_prefix="extract")
        extractor = Extractor(model=settings.ner_model)
        app.state.pool.submit(extractor.warm_up).result()       # load lexicons and models before /readyz
        # What is loaded now lives as long as the process: frozen, full collections stop walking it
        # (they took ~70 ms each and set the 99th percentile; bench/service.py).
        gc.collect()
        gc.freeze()
        app.state.extractor = extractor
        log.info("extractor loaded")
        yield
        # Work in flight stops at its deadline; queued work is dropped.
        app.state.pool.shutdown(wait=False, cancel_futures=True)

    # /docs and /redoc from assets shipped in a package (fastapi-offline), not from a CDN
    app: FastAPI = FastAPIOffline(title="vnextract", version="0.1.0", lifespan=lifespan,
                                  description="Structured facts with exact offsets from Vietnamese government text. "
                                              "Every error is `{\"error\": {\"code\", \"message\"}}`.")
    app.state.settings = settings
    app.state.extractor = None
    app.state.archive = _open_archive(settings.archive)
    errors.install(app)

    # Outermost last: headers on every answer, then the key, then the body's limits.
    app.add_middleware(BodyLimits, limit_for=lambda path: body_limit(settings, path),
                       seconds=settings.body_timeout_seconds)
    app.add_middleware(ApiKeys, keys=settings.api_keys)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "X-API-Key", "Content-Type"])
    app.add_middleware(SecurityHeaders)
    app.include_router(extract.router(settings))
    app.include_router(meta.v1_router(keyed=bool(settings.api_keys)))
    app.include_router(meta.health)
    app.include_router(archive.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/explore", include_in_schema=False)
    def explorer() -> FileResponse:
        return FileResponse(STATIC / "explore.html")

    app.openapi = lambda: _openapi(app, keyed=bool(settings.api_keys))  # type: ignore[method-assign]
    return app


def _open_archive(path: str | None):
    """The archive opened read-only, shared by the requests (each takes its own cursor)."""
    if not path:
        return None
    from vnextract.extractor.archive import open_database

    return open_database(path, read_only=True)


def _openapi(app: FastAPI, *, keyed: bool) -> dict[str, Any]:
    """FastAPI's document, with the API keys as security schemes when they are required."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    if keyed:
        schema.setdefault("components", {})["securitySchemes"] = {
            "bearer": {"type": "http", "scheme": "bearer"},
            "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}
        for path, operations in schema["paths"].items():
            if path.startswith("/v1/"):
                for operation in operations.values():
                    operation["security"] = [{"bearer": []}, {"apiKey": []}]
    app.openapi_schema = schema
    return schema

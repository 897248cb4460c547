"""The FastAPI application: `create_app()`; the extractor loads once in the lifespan."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from vnextract.api import errors
from vnextract.api.deps import require_api_key
from vnextract.api.errors import error_response
from vnextract.api.routes import archive, extract, meta
from vnextract.api.settings import Settings, get_settings
from vnextract.extractor import Extractor

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"


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
        app.state.pool.shutdown(wait=False, cancel_futures=True)

    # /docs and /redoc from assets shipped in a package (fastapi-offline), not from a CDN
    app: FastAPI = FastAPIOffline(title="vnextract", version="0.1.0", lifespan=lifespan,
                                  description="Structured facts with exact offsets from Vietnamese government text.")
    app.state.settings = settings
    app.state.extractor = None
    app.state.archive = _open_archive(settings.archive)
    errors.install(app)

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        """413 before reading a body that announces itself as too large (uploads are also checked as read)."""
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > settings.max_bytes + 64 * 1024:
            return error_response(413, f"the request is over the limit of {settings.max_bytes:,} bytes")
        return await call_next(request)

    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "X-API-Key", "Content-Type"])
    app.include_router(extract.router, dependencies=[Depends(require_api_key)])
    app.include_router(meta.v1)
    app.include_router(meta.health)
    app.include_router(archive.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/explore", include_in_schema=False)
    def explorer() -> FileResponse:
        return FileResponse(STATIC / "explore.html")

    return app


def _open_archive(path: str | None):
    """The archive opened read-only, shared by the requests (each takes its own cursor)."""
    if not path:
        return None
    from vnextract.extractor.archive import open_database

    return open_database(path, read_only=True)

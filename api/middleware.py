"""The edge of the service, as plain ASGI middleware (each sees a request before any of its body
is read): the API-key check, the body's size and time limits, and the security headers.

The body is counted as it streams in, chunked or not, so a body over the limit is cut there with
a 413 instead of being read whole first; a body that has not fully arrived in time gets a 408.
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable, Sequence
from typing import Any

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vnextract.api.errors import error_response

_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# FastAPI's /docs and /redoc pages load their scripts from a CDN and start them inline.
_DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
             "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https:; "
             "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
_DOCS_PATHS = ("/docs", "/redoc")


class SecurityHeaders:
    """nosniff, no framing, no referrer, and a content security policy that fits the page."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = (_DOCS_CSP if scope["path"].startswith(_DOCS_PATHS) else _CSP).encode()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"x-content-type-options", b"nosniff"),
                                      (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer"),
                                      (b"content-security-policy", csp),
                                      (b"cross-origin-opener-policy", b"same-origin")]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ApiKeys:
    """When keys are configured, every /v1 route needs one, before the body is read.

    A key comes as `Authorization: Bearer <key>` or as `X-API-Key`; when both headers are sent,
    both must hold a valid key: a wrong credential is never silently outweighed by another (neither
    header takes precedence). Keys are compared in constant time."""

    def __init__(self, app: ASGIApp, keys: Sequence[str]) -> None:
        self.app = app
        self.keys = [key.encode() for key in keys]

    def _valid(self, candidate: str) -> bool:
        matched = False
        for key in self.keys:
            matched |= hmac.compare_digest(candidate.encode(), key)
        return matched

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.keys or not (scope["path"] + "/").startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        given = [headers["x-api-key"]] if "x-api-key" in headers else []
        if "authorization" in headers:
            authorization = headers["authorization"]
            given.append(authorization[7:].strip() if authorization[:7].lower() == "bearer " else "")
        if not given or not all([self._valid(candidate) for candidate in given]):   # a list: compare every one
            response = error_response("unauthorized", "a valid API key is required (Authorization: Bearer <key> "
                                      "or X-API-Key; when both are sent, both must be valid)",
                                      headers={"WWW-Authenticate": "Bearer"})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


# The rest of such a body is never read: the connection closes after the answer.
_CLOSE = {"Connection": "close"}


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over the limit of {limit:,} bytes", headers=_CLOSE)


class BodyTooSlow(HTTPException):
    def __init__(self, seconds: float) -> None:
        super().__init__(408, f"the request body did not arrive within {seconds:g} s", headers=_CLOSE)


class BodyLimits:
    """Cuts a body at `limit_for(path)` bytes (413) and at `seconds` after the request began (408).

    The two errors are raised from `receive`: the route's body parsing re-raises HTTPExceptions,
    so they are answered by the app's error handler; one that escapes is answered here."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[str], int], seconds: float) -> None:
        self.app, self.limit_for, self.seconds = app, limit_for, seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _answer(BodyTooLarge(limit), scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.seconds
        state: dict[str, Any] = {"received": 0, "complete": False, "started": False}

        async def limited_receive() -> Message:
            if state["complete"]:
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - loop.time()))
            except TimeoutError:
                raise BodyTooSlow(self.seconds) from None
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > limit:
                    raise BodyTooLarge(limit)
                state["complete"] = not message.get("more_body", False)
            return message

        async def tracked_send(message: Message) -> None:
            state["started"] = state["started"] or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracked_send)
        except (BodyTooLarge, BodyTooSlow) as exc:
            if state["started"]:
                raise
            await _answer(exc, scope, receive, send)


async def _answer(exc: HTTPException, scope: Scope, receive: Receive, send: Send) -> None:
    code = "too_large" if exc.status_code == 413 else "request_timeout"
    await error_response(code, str(exc.detail), headers=exc.headers)(scope, receive, send)

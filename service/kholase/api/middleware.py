"""Production layers around the routes, as plain ASGI middleware (no buffering, no extra tasks).

From the outside in: request id + access log + request count; CORS (only when origins are configured); API keys
(only when keys are configured); limits on the body (size, time to arrive). The concurrency cap and the time budget
belong to the summarizing routes (`routes.Workshop`), where the work is.
"""

import asyncio
import logging
import re
import time
import uuid

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kholase.api.auth import ApiKeyMiddleware
from kholase.api.logging import configure_logging, request_id_var
from kholase.api.metrics import Metrics
from kholase.api.metrics import router as metrics_router
from kholase.config import Settings

access_log = logging.getLogger("kholase.access")

_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:\-]{1,128}")
# Probes and scrapes have no body to wait for.
UNLIMITED_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` as soon as a body without a usable Content-Length passes the cap."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"Request body is larger than {limit} bytes.")


class BodyTimeout(HTTPException):
    """Raised from ``receive`` once the body has taken longer than its time to arrive."""

    def __init__(self, timeout_s: float) -> None:
        super().__init__(408, f"The request body did not arrive within {timeout_s:g} s.")


def install_production_layers(app: FastAPI, settings: Settings) -> None:
    """Wrap ``app`` in logging, metrics, CORS, API keys and limits, as ``settings`` say."""
    configure_logging(settings.log_level)
    app.state.metrics = Metrics()
    app.state.metrics.track_model(lambda: any(engine.model for engine in list(app.state.summarizer.engines.values())))
    app.include_router(metrics_router)
    # add_middleware puts each new layer outside the previous ones: innermost first.
    app.add_middleware(LimitsMiddleware, max_body_bytes=settings.max_body_bytes, body_timeout_s=settings.body_timeout_s)
    if settings.api_key_list:
        app.add_middleware(ApiKeyMiddleware, api_keys=settings.api_key_list)
    if settings.cors_origin_list:
        app.add_middleware(
            CORSMiddleware, allow_origins=settings.cors_origin_list, allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type", "X-Request-ID"],
            expose_headers=["X-Request-ID", "Retry-After"],
        )
    app.add_middleware(RequestContextMiddleware, metrics=app.state.metrics)


def error_response(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


def route_label(scope: Scope) -> str:
    """The route's path template, never a raw unknown path, so that metric labels stay few.

    Requests refused before routing (401, 413, 503) count under their path when it is one the API documents.
    """
    if route := scope.get("route"):
        return route.path
    return scope["path"] if scope["path"] in scope["app"].openapi()["paths"] else "unmatched"


class RequestContextMiddleware:
    """Gives each request an id (the client's ``X-Request-ID`` if sane), echoes it, logs and counts the request.

    The access log has method, route, status, timing and body size; never the body itself.
    """

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        offered = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = offered if _SAFE_REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        status, body_bytes, started = 500, 0, time.perf_counter()

        async def counting_receive() -> Message:
            nonlocal body_bytes
            message = await receive()
            body_bytes += len(message.get("body", b""))
            return message

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {**message, "headers": [*message.get("headers", []), (b"x-request-id", request_id.encode())]}
            await send(message)

        self.metrics.in_flight.inc()
        try:
            await self.app(scope, counting_receive, send_with_id)
        finally:
            self.metrics.in_flight.dec()
            route = route_label(scope)
            self.metrics.requests.labels(route=route, status=str(status)).inc()
            access_log.info(
                "request", extra={
                    "request_id": request_id, "method": scope["method"], "route": route, "path": scope["path"],
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2), "body_bytes": body_bytes,
                },
            )
            request_id_var.reset(token)


class LimitsMiddleware:
    """Refuses a request body the service will not wait for, before the routes see it.

    - a body over ``max_body_bytes``: 413, from its Content-Length before reading, or as soon as the stream passes it;
    - a body that has not all arrived ``body_timeout_s`` after the request began: 408. A client trickling its upload
      holds only its own connection: requests count against the concurrency cap once their body is in (routes).
    """

    def __init__(self, app: ASGIApp, max_body_bytes: int, body_timeout_s: float) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.body_timeout_s = body_timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNLIMITED_PATHS:
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            await error_response(413, f"Request body is larger than {self.max_body_bytes} bytes.")(scope, receive, send)
            return
        received, response_started = 0, False
        body_deadline = asyncio.get_running_loop().time() + self.body_timeout_s

        async def limited_receive() -> Message:
            nonlocal received
            try:
                async with asyncio.timeout_at(body_deadline):
                    message = await receive()
            except TimeoutError:
                raise BodyTimeout(self.body_timeout_s) from None
            received += len(message.get("body", b""))
            if received > self.max_body_bytes:
                raise BodyTooLarge(self.max_body_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            response_started |= message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except (BodyTooLarge, BodyTimeout) as refusal:
            if response_started:
                raise
            await error_response(refusal.status_code, refusal.detail)(scope, receive, send)

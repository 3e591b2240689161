"""Optional API keys: when any are configured, every route but the health probes and the editors' page needs one.

The page itself (`/` and its script and style) holds no data; it asks the editor for the key and sends it."""

import hmac

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

OPEN_PATHS = frozenset({"/healthz", "/readyz", "/"})
OPEN_PREFIXES = ("/web/",)


def presented_key(headers: dict[bytes, bytes]) -> bytes | None:
    """The key from ``Authorization: Bearer KEY`` or ``X-API-Key: KEY``."""
    scheme, _, token = headers.get(b"authorization", b"").partition(b" ")
    if scheme.lower() == b"bearer" and token.strip():
        return token.strip()
    return headers.get(b"x-api-key") or None


def key_is_valid(candidate: bytes, keys: list[bytes]) -> bool:
    """Constant-time comparison against every key, so that timing tells nothing about which or how close."""
    matches = [hmac.compare_digest(candidate, key) for key in keys]
    return any(matches)


def _is_open(path: str) -> bool:
    return path in OPEN_PATHS or path.startswith(OPEN_PREFIXES)


class ApiKeyMiddleware:
    def __init__(self, app: ASGIApp, api_keys: list[str]) -> None:
        self.app = app
        self.keys = [key.encode() for key in api_keys]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not _is_open(scope["path"]) and not self.authorized(scope):
            refusal = JSONResponse(
                {"detail": "A valid API key is required (Authorization: Bearer KEY or X-API-Key)."},
                status_code=401, headers={"WWW-Authenticate": "Bearer"},
            )
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def authorized(self, scope: Scope) -> bool:
        candidate = presented_key(dict(scope["headers"]))
        return candidate is not None and key_is_valid(candidate, self.keys)

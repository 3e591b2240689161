"""The editors' page: `GET /` and its script and style, served from the package so nothing is fetched elsewhere."""

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

WEB = Path(__file__).resolve().parent / "static"
# A fixed list of files, never a path taken from the URL.
ASSETS = {path.name: path for path in WEB.iterdir() if path.suffix in {".js", ".css"}}

# The page runs only its own script and style, talks only to this service, and is never framed: it holds the
# editor's API key.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                               "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}

router = APIRouter(include_in_schema=False)


@router.get("/")
async def index() -> FileResponse:
    return FileResponse(WEB / "index.html", media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)


@router.get("/web/{name}")
async def asset(name: str) -> FileResponse:
    if name not in ASSETS:
        raise HTTPException(404, f"no such file: {name}")
    return FileResponse(ASSETS[name], headers=PAGE_HEADERS)

"""The FastAPI application factory: one `Summarizer` per app, loaded in the background so liveness answers at once."""

import threading
from contextlib import asynccontextmanager

from fastapi import FastAPI

from service import __version__
from service.api import web
from service.api.errors import install_error_handlers
from service.api.middleware import install_production_layers
from service.api.routes import router
from service.config import Settings
from service.summarizer import Summarizer


def create_app(settings: Settings | None = None, summarizer: Summarizer | None = None) -> FastAPI:
    settings = settings or Settings()
    summarizer = summarizer or Summarizer(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        loader = None
        if not summarizer.loaded:
            loader = threading.Thread(target=summarizer.load, name="kholase-load", daemon=True)
            loader.start()
        yield
        if loader is not None:
            loader.join(timeout=60)
        summarizer.close()

    app = FastAPI(
        title="kholase",
        version=__version__,
        description="Persian news summarization: a headline, a short summary and the key claims with who made them.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.summarizer = summarizer
    install_error_handlers(app)
    app.include_router(router)
    app.include_router(web.router)
    install_production_layers(app, settings)
    return app

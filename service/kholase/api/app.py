"""The FastAPI application factory: one `Summarizer` per app, loaded in the background so liveness answers at once.

`kholase serve --workers N` runs N processes, each of which calls `create_app()` and so holds its own engines. Such a
worker loads before it starts listening instead: the kernel hands connections only to listening workers, so none is
sent to a worker that would answer "still loading" while the others are ready.
"""

import os
import threading
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from prometheus_client import multiprocess

from kholase import __version__
from kholase.api import web
from kholase.api.errors import install_error_handlers
from kholase.api.middleware import install_production_layers
from kholase.api.routes import router
from kholase.config import Settings
from kholase.summarizer import Summarizer


def create_app(settings: Settings | None = None, summarizer: Summarizer | None = None) -> FastAPI:
    settings = settings or Settings()
    summarizer = summarizer or Summarizer(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        loader = None
        if summarizer.loaded:
            pass
        elif settings.workers > 1:
            await anyio.to_thread.run_sync(load)
        else:
            loader = threading.Thread(target=load, name="kholase-load", daemon=True)
            loader.start()
        yield
        if loader is not None:
            loader.join(timeout=60)
        summarizer.close()
        if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
            multiprocess.mark_process_dead(os.getpid())

    def load() -> None:
        summarizer.load()
        app.state.metrics.refresh_model()

    app = FastAPIOffline(  # /docs from assets in the package: no CDN, so it works offline
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

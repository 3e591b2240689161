"""Prometheus metrics: one registry per app, served at ``GET /metrics``.

Engines know nothing of the API, so batch sizes come in through ``batching.batch_size_observers``: every Batcher
calls ``observe_batch_size``, which reaches every live app's registry. Under ``kholase serve --workers N`` each worker
writes its values to ``PROMETHEUS_MULTIPROC_DIR`` (which the CLI sets), and a scrape of any worker sums them all.
"""

import os
import weakref
from collections.abc import Callable

from fastapi import APIRouter, Request, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

from kholase.abstractive.batching import batch_size_observers
from kholase.schemas import SummaryResult

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60)
_BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64)

_live: "weakref.WeakSet[Metrics]" = weakref.WeakSet()


class Metrics:
    """The service's metrics, registered in a private registry so that several apps can live in one process."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "kholase_requests", "HTTP requests answered, by route and status.", ["route", "status"],
            registry=self.registry,
        )
        self.in_flight = Gauge("kholase_requests_in_flight", "Requests being served now.", registry=self.registry,
                               multiprocess_mode="livesum")
        self.summarize_seconds = Histogram(
            "kholase_request_seconds", "Time to summarize one text, by the engine that produced the result.",
            ["engine"], buckets=_LATENCY_BUCKETS, registry=self.registry,
        )
        self.fallbacks = Counter(
            "kholase_fallbacks", "Abstractive requests answered by the extractive engine, by reason.", ["reason"],
            registry=self.registry,
        )
        self.model_loaded = Gauge(
            "kholase_model_loaded", "1 when an engine backed by a model checkpoint is loaded in every worker, else 0.",
            registry=self.registry, multiprocess_mode="livemin",
        )
        self._is_model_loaded: Callable[[], bool] = lambda: False
        self.batch_size = Histogram(
            "kholase_batch_size", "Texts per generation batch of the abstractive engine.",
            buckets=_BATCH_BUCKETS, registry=self.registry,
        )
        _live.add(self)

    def track_model(self, is_loaded: Callable[[], bool]) -> None:
        """Where the model's load state is read: at every scrape, and whenever `refresh_model` is called."""
        self._is_model_loaded = is_loaded
        self.refresh_model()

    def refresh_model(self) -> None:
        self.model_loaded.set(float(bool(self._is_model_loaded())))

    def observe_result(self, result: SummaryResult) -> None:
        self.summarize_seconds.labels(engine=result.engine).observe(result.timings_ms.get("total", 0.0) / 1000)
        if result.fallback_reason:
            self.fallbacks.labels(reason=reason_label(result.fallback_reason)).inc()

    def render(self) -> bytes:
        self.refresh_model()
        if "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
            return generate_latest(self.registry)
        every_worker = CollectorRegistry()
        multiprocess.MultiProcessCollector(every_worker)
        return generate_latest(every_worker)


def reason_label(reason: str) -> str:
    """Keep label values few: the reason's leading words, without the free-text detail after a colon."""
    return reason.split(":", 1)[0].strip()[:60] or "unknown"


def observe_batch_size(size: int) -> None:
    """Record one generation batch of ``size`` texts in every live app's registry."""
    for metrics in list(_live):
        metrics.batch_size.observe(size)


batch_size_observers.append(observe_batch_size)


router = APIRouter()


@router.get("/metrics", include_in_schema=False)
async def metrics_endpoint(request: Request) -> Response:
    return Response(request.app.state.metrics.render(), media_type=CONTENT_TYPE_LATEST)

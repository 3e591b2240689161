"""Thin HTTP routes: validate, hand to the `Summarizer` on a worker thread, return its result.

Summarizing runs on at most `Settings.summarize_thread_count` threads per process; everything else, the probes
included, stays on the event loop, so that a saturated worker still answers them. A request counts against
`KHOLASE_MAX_CONCURRENCY` only once its body has arrived and until its work has stopped, and its work stops at the
next step past its time budget (a waiting caller never leaves work running behind it).
"""

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, TypeVar

import anyio
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse

from kholase.api.errors import ERROR_RESPONSES
from kholase.api.metrics import Metrics
from kholase.engines import DeadlineExceeded, EngineUnavailable
from kholase.schemas import (
    BatchRequest,
    BatchResponse,
    BatchResultItem,
    Liveness,
    Readiness,
    SummarizeRequest,
    SummaryResult,
)
from kholase.summarizer import InputError, Summarizer

router = APIRouter()


async def ready_summarizer(request: Request) -> Summarizer:
    summarizer: Summarizer = request.app.state.summarizer
    if not summarizer.loaded:
        raise HTTPException(503, "the service is still loading its engines", headers={"Retry-After": "5"})
    return summarizer


async def app_metrics(request: Request) -> Metrics:
    return request.app.state.metrics


T = TypeVar("T")


@dataclass
class Workshop:
    """Per app: the threads that summarize, and how many requests have been let in to wait for them or run."""

    threads: anyio.CapacityLimiter
    max_admitted: int
    budget_s: float
    admitted: int = 0

    @asynccontextmanager
    async def admission(self) -> AsyncIterator[float]:
        """Let a request in, or answer 503 when `max_admitted` are in; yields its deadline (`time.monotonic()`)."""
        if self.admitted >= self.max_admitted:
            raise HTTPException(503, "Too many requests in flight; retry shortly.", headers={"Retry-After": "1"})
        self.admitted += 1
        try:
            yield time.monotonic() + self.budget_s
        except DeadlineExceeded:
            raise HTTPException(503, f"The request ran past its time budget of {self.budget_s:g} s; retry shortly.",
                                headers={"Retry-After": "1"}) from None
        finally:
            self.admitted -= 1

    async def run(self, work: Callable[[], T]) -> T:
        """`work` on a summarizing thread. A cancelled caller waits for it: the work ends at its deadline anyway."""
        return await anyio.to_thread.run_sync(work, limiter=self.threads)


async def workshop(request: Request) -> Workshop:
    """The app's workshop, made on first use (its limiter belongs to the event loop)."""
    state = request.app.state
    if getattr(state, "workshop", None) is None:
        settings = state.settings
        state.workshop = Workshop(anyio.CapacityLimiter(settings.summarize_thread_count), settings.max_concurrency,
                                  settings.request_timeout_s)
    return state.workshop


ReadySummarizer = Annotated[Summarizer, Depends(ready_summarizer)]
AppMetrics = Annotated[Metrics, Depends(app_metrics)]
AppWorkshop = Annotated[Workshop, Depends(workshop)]


@router.post("/v1/summarize", response_model=SummaryResult, responses=ERROR_RESPONSES, tags=["summarize"])
async def summarize(body: SummarizeRequest, summarizer: ReadySummarizer, metrics: AppMetrics,
                    shop: AppWorkshop) -> SummaryResult:
    """Headline, short summary and attributed key claims of one Persian news article."""
    async with shop.admission() as deadline:
        result = await shop.run(
            lambda: summarizer.summarize(body.text, body.engine, body.max_sentences, body.max_claims, deadline)
        )
    metrics.observe_result(result)
    return result


@router.post("/v1/summarize/batch", response_model=BatchResponse, responses=ERROR_RESPONSES, tags=["summarize"])
async def summarize_batch(body: BatchRequest, summarizer: ReadySummarizer, metrics: AppMetrics,
                          shop: AppWorkshop) -> BatchResponse:
    """Several articles in one call; a bad article gets its own `error` and the others are still summarized."""
    limit = summarizer.settings.max_batch_items
    if len(body.items) > limit:
        raise HTTPException(413, f"batch has {len(body.items)} items; the limit is {limit}")
    if len({item.id for item in body.items}) != len(body.items):
        raise HTTPException(422, "items: ids must be unique within a batch")

    def summarize_each(deadline: float) -> list[BatchResultItem]:
        results = []
        for item in body.items:
            try:
                result = summarizer.summarize(item.text, body.engine, body.max_sentences, body.max_claims, deadline)
                metrics.observe_result(result)
                results.append(BatchResultItem(id=item.id, result=result))
            except (InputError, EngineUnavailable) as error:
                results.append(BatchResultItem(id=item.id, error=str(error)))
        return results

    async with shop.admission() as deadline:
        return BatchResponse(items=await shop.run(lambda: summarize_each(deadline)))


@router.get("/healthz", response_model=Liveness, tags=["health"])
@router.head("/healthz", response_model=Liveness, tags=["health"])
async def healthz() -> Liveness:
    """Liveness: the process answers."""
    return Liveness(status="ok")


@router.get("/readyz", response_model=Readiness, tags=["health"],
            responses={503: {"model": Readiness, "description": "Engines still loading"}})
@router.head("/readyz", response_model=Readiness, tags=["health"])
async def readyz(request: Request) -> JSONResponse:
    """Readiness: green once the engines are loaded; says which engines are ready and why not."""
    summarizer: Summarizer = request.app.state.summarizer
    body = Readiness(ready=summarizer.loaded, engines=summarizer.engine_status())
    return JSONResponse(body.model_dump(), status_code=200 if summarizer.loaded else 503)

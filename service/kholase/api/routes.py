"""Thin HTTP routes: validate, hand to the `Summarizer` on a worker thread, return its result.

Summarizing runs on at most `Settings.summarize_thread_count` threads per process (`summarizing`); everything else,
the probes included, stays on the event loop, so that a saturated worker still answers them.
"""

from functools import partial
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse

from kholase.api.errors import ERROR_RESPONSES
from kholase.api.metrics import Metrics
from kholase.engines import EngineUnavailable
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


async def summarizing(request: Request) -> anyio.CapacityLimiter:
    """The app's limit on threads that summarize at once (made on first use: it belongs to the event loop)."""
    state = request.app.state
    if getattr(state, "summarizing", None) is None:
        state.summarizing = anyio.CapacityLimiter(state.settings.summarize_thread_count)
    return state.summarizing


ReadySummarizer = Annotated[Summarizer, Depends(ready_summarizer)]
AppMetrics = Annotated[Metrics, Depends(app_metrics)]
Summarizing = Annotated[anyio.CapacityLimiter, Depends(summarizing)]


@router.post("/v1/summarize", response_model=SummaryResult, responses=ERROR_RESPONSES, tags=["summarize"])
async def summarize(body: SummarizeRequest, summarizer: ReadySummarizer, metrics: AppMetrics,
                    limiter: Summarizing) -> SummaryResult:
    """Headline, short summary and attributed key claims of one Persian news article."""
    work = partial(summarizer.summarize, body.text, body.engine, body.max_sentences, body.max_claims)
    result = await anyio.to_thread.run_sync(work, limiter=limiter)
    metrics.observe_result(result)
    return result


@router.post("/v1/summarize/batch", response_model=BatchResponse, responses=ERROR_RESPONSES, tags=["summarize"])
async def summarize_batch(body: BatchRequest, summarizer: ReadySummarizer, metrics: AppMetrics,
                          limiter: Summarizing) -> BatchResponse:
    """Several articles in one call; a bad article gets its own `error` and the others are still summarized."""
    limit = summarizer.settings.max_batch_items
    if len(body.items) > limit:
        raise HTTPException(413, f"batch has {len(body.items)} items; the limit is {limit}")
    if len({item.id for item in body.items}) != len(body.items):
        raise HTTPException(422, "items: ids must be unique within a batch")

    def summarize_each() -> list[BatchResultItem]:
        results = []
        for item in body.items:
            try:
                result = summarizer.summarize(item.text, body.engine, body.max_sentences, body.max_claims)
                metrics.observe_result(result)
                results.append(BatchResultItem(id=item.id, result=result))
            except (InputError, EngineUnavailable) as error:
                results.append(BatchResultItem(id=item.id, error=str(error)))
        return results

    return BatchResponse(items=await anyio.to_thread.run_sync(summarize_each, limiter=limiter))


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

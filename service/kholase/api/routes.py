"""Thin HTTP routes: validate, hand to the `Summarizer`, return its result."""

from typing import Annotated

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


def ready_summarizer(request: Request) -> Summarizer:
    summarizer: Summarizer = request.app.state.summarizer
    if not summarizer.loaded:
        raise HTTPException(503, "the service is still loading its engines", headers={"Retry-After": "5"})
    return summarizer


def app_metrics(request: Request) -> Metrics:
    return request.app.state.metrics


ReadySummarizer = Annotated[Summarizer, Depends(ready_summarizer)]
AppMetrics = Annotated[Metrics, Depends(app_metrics)]


@router.post("/v1/summarize", response_model=SummaryResult, responses=ERROR_RESPONSES, tags=["summarize"])
def summarize(body: SummarizeRequest, summarizer: ReadySummarizer, metrics: AppMetrics) -> SummaryResult:
    """Headline, short summary and attributed key claims of one Persian news article."""
    result = summarizer.summarize(body.text, body.engine, body.max_sentences, body.max_claims)
    metrics.observe_result(result)
    return result


@router.post("/v1/summarize/batch", response_model=BatchResponse, responses=ERROR_RESPONSES, tags=["summarize"])
def summarize_batch(body: BatchRequest, summarizer: ReadySummarizer, metrics: AppMetrics) -> BatchResponse:
    """Several articles in one call; a bad article gets its own `error` and the others are still summarized."""
    limit = summarizer.settings.max_batch_items
    if len(body.items) > limit:
        raise HTTPException(413, f"batch has {len(body.items)} items; the limit is {limit}")
    if len({item.id for item in body.items}) != len(body.items):
        raise HTTPException(422, "items: ids must be unique within a batch")
    results = []
    for item in body.items:
        try:
            result = summarizer.summarize(item.text, body.engine, body.max_sentences, body.max_claims)
            metrics.observe_result(result)
            results.append(BatchResultItem(id=item.id, result=result))
        except (InputError, EngineUnavailable) as error:
            results.append(BatchResultItem(id=item.id, error=str(error)))
    return BatchResponse(items=results)


@router.get("/healthz", response_model=Liveness, tags=["health"])
def healthz() -> Liveness:
    """Liveness: the process answers."""
    return Liveness(status="ok")


@router.get("/readyz", response_model=Readiness, tags=["health"],
            responses={503: {"model": Readiness, "description": "Engines still loading"}})
def readyz(request: Request) -> JSONResponse:
    """Readiness: green once the engines are loaded; says which engines are ready and why not."""
    summarizer: Summarizer = request.app.state.summarizer
    body = Readiness(ready=summarizer.loaded, engines=summarizer.engine_status())
    return JSONResponse(body.model_dump(), status_code=200 if summarizer.loaded else 503)

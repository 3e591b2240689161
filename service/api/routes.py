"""Thin HTTP routes: validate, hand to the `Summarizer`, return its result."""

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse

from service.api.errors import ERROR_RESPONSES
from service.schemas import BatchRequest, BatchResponse, BatchResultItem, SummarizeRequest, SummaryResult
from service.summarizer import EngineUnavailable, InputError, Summarizer

router = APIRouter()


def ready_summarizer(request: Request) -> Summarizer:
    summarizer: Summarizer = request.app.state.summarizer
    if not summarizer.loaded:
        raise HTTPException(503, "the service is still loading its engines", headers={"Retry-After": "5"})
    return summarizer


@router.post("/v1/summarize", response_model=SummaryResult, responses=ERROR_RESPONSES, tags=["summarize"])
def summarize(body: SummarizeRequest, request: Request) -> SummaryResult:
    """Headline, short summary and attributed key claims of one Persian news article."""
    result = ready_summarizer(request).summarize(body.text, body.engine, body.max_sentences, body.max_claims)
    request.app.state.metrics.observe_result(result)
    return result


@router.post("/v1/summarize/batch", response_model=BatchResponse, responses=ERROR_RESPONSES, tags=["summarize"])
def summarize_batch(body: BatchRequest, request: Request) -> BatchResponse:
    """Several articles in one call; a bad article gets its own `error` and the others are still summarized."""
    summarizer = ready_summarizer(request)
    limit = summarizer.settings.max_batch_items
    if len(body.items) > limit:
        raise HTTPException(413, f"batch has {len(body.items)} items; the limit is {limit}")
    if len({item.id for item in body.items}) != len(body.items):
        raise HTTPException(422, "items: ids must be unique within a batch")
    results = []
    for item in body.items:
        try:
            result = summarizer.summarize(item.text, body.engine, body.max_sentences, body.max_claims)
            request.app.state.metrics.observe_result(result)
            results.append(BatchResultItem(id=item.id, result=result))
        except (InputError, EngineUnavailable) as error:
            results.append(BatchResultItem(id=item.id, error=str(error)))
    return BatchResponse(items=results)


@router.get("/healthz", tags=["health"])
def healthz() -> dict[str, str]:
    """Liveness: the process answers."""
    return {"status": "ok"}


@router.get("/readyz", tags=["health"], responses={503: {"description": "Engines still loading"}})
def readyz(request: Request) -> JSONResponse:
    """Readiness: green once the engines are loaded; says which engines are ready and why not."""
    summarizer: Summarizer = request.app.state.summarizer
    body = {"ready": summarizer.loaded, "engines": summarizer.engine_status()}
    return JSONResponse(body, status_code=200 if summarizer.loaded else 503)

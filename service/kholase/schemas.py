"""Request and response models shared by HTTP, the CLI's --json output and batch output lines."""

from pydantic import BaseModel, ConfigDict, Field

from kholase.engines import AUTO, EngineChoice, EngineName


class SummarizeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    text: str = Field(description="The article as scraped; clutter is stripped by the service.")
    engine: EngineChoice = Field(default=AUTO, description="An engine by name, or the best one configured.")
    max_sentences: int | None = Field(default=None, ge=1, le=10, description="Sentences in the summary.")
    max_claims: int | None = Field(default=None, ge=0, le=10, description="Key claims to return.")


class Claim(BaseModel):
    text: str = Field(description="The claim exactly as it stands in the submitted text, text[start:end], less any "
                                   "control characters (NUL and the like).")
    speaker: str | None = Field(description="Who made the claim, when the article says so.")
    start: int = Field(ge=0, description="Character offset of the claim in the submitted text.")
    end: int = Field(ge=0, description="End offset (exclusive) in the submitted text.")
    score: float = Field(description="Centrality of the claim in the article, 0..1.")


class SummaryResult(BaseModel):
    headline: str
    summary: str
    key_claims: list[Claim]
    engine: EngineName
    model: str | None = Field(description="The seq2seq checkpoint used, or null for the extractive engine.")
    fallback_reason: str | None = Field(description="Why an abstractive request got the extractive result.")
    timings_ms: dict[str, float]


class BatchItem(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    id: str = Field(min_length=1, max_length=200)
    text: str


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    items: list[BatchItem] = Field(min_length=1)
    engine: EngineChoice = AUTO
    max_sentences: int | None = Field(default=None, ge=1, le=10)
    max_claims: int | None = Field(default=None, ge=0, le=10)


class BatchResultItem(BaseModel):
    id: str
    result: SummaryResult | None = None
    error: str | None = None


class BatchResponse(BaseModel):
    items: list[BatchResultItem]


class EngineStatus(BaseModel):
    ready: bool
    model: str | None = Field(description="The checkpoint behind the engine's results, when it has one.")
    models: dict[str, str] = Field(description="Every checkpoint the engine runs, by role: summary, headline.")
    reason: str | None = Field(description="Why the engine is not ready.")


class Readiness(BaseModel):
    ready: bool
    engines: dict[EngineName, EngineStatus]


class Liveness(BaseModel):
    status: str


class ErrorResponse(BaseModel):
    detail: str

"""All run-time settings in one place, read from ``KHOLASE_*`` environment variables."""

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KHOLASE_", env_file=".env", extra="ignore")

    # Input limits
    max_chars: int = 100_000
    max_body_bytes: int = 1_000_000
    max_batch_items: int = 64

    # Output defaults
    max_sentences: int = 1  # newsroom leads are one sentence; clients ask for more with max_sentences
    max_claims: int = 5
    headline_max_words: int = 14

    # Abstractive engine (optional): hub ids or local folders; both empty means extractive only. A summary model alone
    # also gives the headline (the extractive headline of its summary); a headline model alone, the headline only.
    model: str = ""
    headline_model: str = ""
    models_dir: Path = Path("models")  # where a hub id's saved copy is looked for first (scripts/download_model.py)
    device: Literal["cpu", "cuda", "auto"] = "cpu"
    backend: Literal["transformers", "ctranslate2"] = "transformers"
    ct2_compute_type: str = "float32"
    generation_timeout_s: float = 20.0
    # Decoding: unset, each checkpoint runs as it declares (kholase.abstractive.contract); set, for every model.
    num_beams: int | None = Field(default=None, ge=1)
    no_repeat_ngram_size: int | None = Field(default=None, ge=0)
    length_penalty: float | None = None
    repetition_penalty: float | None = Field(default=None, gt=0)
    early_stopping: bool | None = None
    # The same, for one role's model: its input prefix and output lengths in tokens.
    summary_prefix: str | None = None
    summary_min_new_tokens: int | None = Field(default=None, ge=0)
    summary_max_new_tokens: int | None = Field(default=None, ge=1)
    headline_prefix: str | None = None
    headline_min_new_tokens: int | None = Field(default=None, ge=0)
    headline_max_new_tokens: int | None = Field(default=None, ge=1)
    input_max_tokens: int = 512
    batch_max_size: int = 8
    batch_max_wait_ms: int = 10

    # Serving
    host: str = "127.0.0.1"
    port: int = 8000
    # One process by default: each worker holds its own engines (~430 MiB extractive, plus a model per worker) and
    # its own generation batcher, so how many fit is the operator's call (about one per core for extractive only).
    workers: int = Field(default=1, ge=1)
    # Requests each worker summarizes at once (empty: automatic). The extractive engine's work holds Python's GIL, so
    # more threads only fight over it: under 32 clients one worker answered ~70 req/s with 40 threads and 180-240
    # with one. A model's requests wait on generation and must overlap for its batches to fill.
    summarize_threads: int | None = Field(default=None, ge=1)
    max_concurrency: int = 32  # requests summarizing or waiting to, per worker, before 503 with Retry-After
    request_timeout_s: float = 30.0  # a request's work stops at the next step past it (503 with Retry-After)
    body_timeout_s: float = 10.0  # a body not all in by then gets 408: slow uploads cannot hold the service
    api_keys: str = ""
    cors_origins: str = ""
    log_level: str = "INFO"

    @model_validator(mode="after")
    def _keys_when_set(self) -> "Settings":
        """A key setting that holds no key would silently leave the service open."""
        if self.api_keys and not self.api_key_list:
            raise ValueError("KHOLASE_API_KEYS is set but holds no key: give comma-separated keys, or leave it empty "
                             "for a service without keys")
        return self

    @property
    def abstractive_configured(self) -> bool:
        return bool(self.model or self.headline_model)

    def checkpoint(self, role: str) -> str:
        """The checkpoint configured for a role, "summary" or "headline"."""
        return self.model if role == "summary" else self.headline_model

    def decoding_overrides(self, role: str) -> dict[str, object]:
        """The decoding settings set here for a role's model, by `kholase.abstractive.contract.Decoding` name."""
        return {
            "num_beams": self.num_beams, "no_repeat_ngram_size": self.no_repeat_ngram_size,
            "length_penalty": self.length_penalty, "repetition_penalty": self.repetition_penalty,
            "early_stopping": self.early_stopping, "prefix": getattr(self, f"{role}_prefix"),
            "min_new_tokens": getattr(self, f"{role}_min_new_tokens"),
            "max_new_tokens": getattr(self, f"{role}_max_new_tokens"),
        }

    @property
    def summarize_thread_count(self) -> int:
        if self.summarize_threads is not None:
            return self.summarize_threads
        return 2 * self.batch_max_size if self.abstractive_configured else 1

    @property
    def api_key_list(self) -> list[str]:
        return [key.strip() for key in self.api_keys.split(",") if key.strip()]

    @property
    def cors_origin_list(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]


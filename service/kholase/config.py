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

    # Abstractive engine (optional): a hub id or a local folder; empty means extractive only.
    model: str = ""
    models_dir: Path = Path("models")  # where a hub id's saved copy is looked for first (scripts/download_model.py)
    device: Literal["cpu", "cuda", "auto"] = "cpu"
    backend: Literal["transformers", "ctranslate2"] = "transformers"
    ct2_compute_type: str = "float32"
    generation_timeout_s: float = 20.0
    num_beams: int = 1
    headline_max_new_tokens: int = 32
    summary_max_new_tokens: int = 128
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
    def summarize_thread_count(self) -> int:
        if self.summarize_threads is not None:
            return self.summarize_threads
        return 2 * self.batch_max_size if self.model else 1

    @property
    def api_key_list(self) -> list[str]:
        return [key.strip() for key in self.api_keys.split(",") if key.strip()]

    @property
    def cors_origin_list(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]


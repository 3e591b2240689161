"""Abstractive headlines and summaries from Persian seq2seq checkpoints, each loaded once and batched, and run as its
checkpoint declares (``kholase.abstractive.contract``: input prefix, decoding settings, the half-space token).

Two backends share one tokenizer and one set of decoding settings: Hugging Face ``transformers`` (any
``AutoModelForSeq2SeqLM``, including BERT2BERT ``EncoderDecoderModel`` checkpoints) and CTranslate2 (a folder written
by ``kholase.abstractive.convert``), which needs no PyTorch, emits the same float32 tokens greedily and is faster on
CPU (docs/benchmarks.md). Loading failures
become ``ModelLoadError`` so that the service can keep serving TextRank; the caller decides what to do with a timeout
or a failed generation.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from kholase.abstractive.batching import Batcher
from kholase.abstractive.contract import Decoding, HalfSpace, declared_decoding, non_text_ids

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

    from kholase.config import Settings

Role = Literal["summary", "headline"]
# What a model of each role runs with when neither its checkpoint nor a KHOLASE_* setting says otherwise.
ROLE_DEFAULTS: dict[Role, Decoding] = {"summary": Decoding(max_new_tokens=128), "headline": Decoding(max_new_tokens=32)}

logger = logging.getLogger(__name__)


class ModelLoadError(RuntimeError):
    """The checkpoint could not be loaded; message says why (missing folder, corrupt weights, offline hub)."""


class GenerationTimeout(TimeoutError):
    """Generation did not finish within the request's time budget."""


def fit_to_budget(
    sentences_in_rank_order: list[tuple[int, str]], count_tokens: Callable[[str], int], budget: int
) -> str:
    """Extract, then abstract: the best-ranked sentences that fit in ``budget`` tokens, in their original order.

    A sentence that does not fit is skipped and shorter, lower-ranked ones may still fill the room. If not even
    the best sentence fits, it is returned alone and the tokenizer truncates it.
    """
    chosen: list[tuple[int, str]] = []
    for sentence in sentences_in_rank_order:
        candidate = sorted([*chosen, sentence])
        if count_tokens(_join(candidate)) <= budget:
            chosen = candidate
    if not chosen and sentences_in_rank_order:
        chosen = [sentences_in_rank_order[0]]
    return _join(chosen)


def _join(sentences: list[tuple[int, str]]) -> str:
    return " ".join(text for _, text in sentences)


class Backend(Protocol):
    """A loaded model: text in, token ids out (special tokens removed, ``[ZWNJ]`` kept: it is text)."""

    tokenizer: PreTrainedTokenizerBase

    def generate_ids(
        self, texts: list[str], *, max_input_tokens: int, decoding: Decoding, deadline: float | None = None,
    ) -> list[list[int]]: ...


class Seq2SeqModel:
    """One loaded checkpoint in one role (it writes summaries, or headlines) with one batching thread: a thread-safe
    ``generate`` that runs the checkpoint as its contract says (``kholase.abstractive.contract``)."""

    def __init__(self, model_name: str, backend: Backend, settings: Settings, decoding: Decoding):
        self.model_name = model_name
        self.backend = backend
        self.decoding = decoding
        self.half_space = HalfSpace(backend.tokenizer)
        self._max_input_tokens = settings.input_max_tokens
        self._batcher: Batcher[str, str] = Batcher(
            self._generate_batch, settings.batch_max_size, settings.batch_max_wait_ms / 1000, name="kholase-seq2seq"
        )

    @classmethod
    def load(cls, settings: Settings, role: Role = "summary") -> Seq2SeqModel:
        """Load the ``role``'s checkpoint (``KHOLASE_MODEL`` or ``KHOLASE_HEADLINE_MODEL``) on ``settings.device``
        with ``settings.backend``, or raise ``ModelLoadError``."""
        name = settings.checkpoint(role).strip()
        if not name:
            variable = "KHOLASE_MODEL" if role == "summary" else "KHOLASE_HEADLINE_MODEL"
            raise ModelLoadError(f"no model configured: set {variable} to a hub id or a local folder")
        source, local_only = _resolve_source(name, settings.models_dir)
        if settings.backend == "ctranslate2" and not Path(source).is_dir():
            raise ModelLoadError(
                f"the ctranslate2 backend needs a converted folder, not {name!r}: "
                "convert it with `python -m kholase.abstractive.convert`"
            )
        started = time.perf_counter()
        try:
            if settings.backend == "ctranslate2":
                backend: Backend = CTranslate2Backend(source, settings.device, settings.ct2_compute_type)
            else:
                backend = TransformersBackend(source, settings.device, local_only)
        except Exception as error:
            raise ModelLoadError(_load_failure(name, source, error)) from error
        folder = Path(source) if Path(source).is_dir() else Path(_cached_snapshot(name))  # downloaded by now
        decoding, sources = ROLE_DEFAULTS[role].resolved(declared_decoding(folder), settings.decoding_overrides(role))
        model = cls(name, backend, settings, decoding)
        logger.info("loaded %s model %s (%s) in %.1f s; decoding: %s; half-space: %s", role, name, settings.backend,
                    time.perf_counter() - started, decoding.describe(sources),
                    "written as [ZWNJ]" if model.half_space.as_token else "U+200C as is")
        return model

    def model_input(self, text: str) -> str:
        """``text`` as the checkpoint expects it: behind its declared prefix, half-spaces as its tokenizer writes
        them."""
        return self.decoding.prefix + self.half_space.encode(text)

    def count_tokens(self, text: str) -> int:
        """Tokens the model would see for ``text``, prefix and end-of-sequence included."""
        return len(self.backend.tokenizer(self.model_input(text)).input_ids)

    def decode(self, ids: list[int]) -> str:
        """Generated token ids as text, with the Persian half-space back where the tokenizer wrote its token."""
        return self.half_space.decode(self.backend.tokenizer.decode(ids)).strip()

    def generate(self, text: str, timeout_s: float) -> str:
        """The model's text for ``text``; raises ``GenerationTimeout`` past ``timeout_s``."""
        try:
            return self._batcher.submit(text, timeout_s)
        except TimeoutError as error:
            raise GenerationTimeout(f"generation took longer than {timeout_s:g} s") from error

    def close(self) -> None:
        self._batcher.close()

    def _generate_batch(self, texts: list[str], deadline: float) -> list[str]:
        try:
            ids = self.backend.generate_ids(
                [self.model_input(text) for text in texts], max_input_tokens=self._max_input_tokens,
                decoding=self.decoding, deadline=deadline,
            )
        except Exception as error:
            raise RuntimeError(f"generation failed: {error}") from error
        return [self.decode(row) for row in ids]


class TransformersBackend:
    """``AutoModelForSeq2SeqLM`` in float32 on CPU, bfloat16 on CUDA (mT5 overflows in float16)."""

    def __init__(self, source: str, device: str, local_only: bool):
        import torch
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        self.device = _pick_device(device, torch.cuda.is_available())
        dtype = torch.bfloat16 if self.device == "cuda" else torch.float32
        self.tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=local_only)
        model = AutoModelForSeq2SeqLM.from_pretrained(source, local_files_only=local_only, dtype=dtype)
        self.model = model.to(self.device).eval()
        self._special_ids = non_text_ids(self.tokenizer)
        self._end_ids = _end_ids(self.model.generation_config.eos_token_id)

    def generate_ids(
        self, texts: list[str], *, max_input_tokens: int, decoding: Decoding, deadline: float | None = None,
    ) -> list[list[int]]:
        import torch

        inputs = self.tokenizer(
            texts, return_tensors="pt", padding=True, truncation=True, max_length=max_input_tokens,
            return_token_type_ids=False,
        ).to(self.device)
        max_time = None if deadline is None else max(0.01, deadline - time.monotonic())
        with torch.inference_mode():
            output = self.model.generate(
                **inputs, num_beams=decoding.num_beams, min_new_tokens=decoding.min_new_tokens,
                max_new_tokens=decoding.max_new_tokens, no_repeat_ngram_size=decoding.no_repeat_ngram_size,
                length_penalty=decoding.length_penalty, repetition_penalty=decoding.repetition_penalty,
                do_sample=False, max_time=max_time,
                **({"early_stopping": decoding.early_stopping} if decoding.num_beams > 1 else {}),  # beams only
            )
        return [_content_ids(row, self._end_ids, self._special_ids) for row in output.tolist()]


class CTranslate2Backend:
    """A CTranslate2 conversion (``kholase.abstractive.convert``) with the Hugging Face tokenizer saved beside it."""

    def __init__(self, folder: str, device: str, compute_type: str):
        import ctranslate2
        from transformers import AutoTokenizer

        self.device = _pick_device(device, ctranslate2.get_cuda_device_count() > 0)
        self.tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
        self.translator = ctranslate2.Translator(
            folder, device=self.device, compute_type=compute_type, intra_threads=len(os.sched_getaffinity(0))
        )
        self._special_ids = non_text_ids(self.tokenizer)
        # A vocabulary map (the conversion's --vocabulary-from) narrows the 250k-token output layer, ~half a CPU call.
        self._use_vmap = (Path(folder) / "vmap.txt").is_file()

    def generate_ids(
        self, texts: list[str], *, max_input_tokens: int, decoding: Decoding, deadline: float | None = None,
    ) -> list[list[int]]:
        """Beam search stops once ``num_beams`` hypotheses have ended (patience 1), as transformers'
        ``early_stopping=True`` does: CTranslate2 has no other rule."""
        sources = [
            self.tokenizer.convert_ids_to_tokens(ids)
            for ids in self.tokenizer(texts, truncation=True, max_length=max_input_tokens).input_ids
        ]
        # The step callback (greedy search only) stops decoding once every caller has given up.
        greedy = decoding.num_beams == 1
        past_deadline = None if deadline is None or not greedy else (lambda _step: time.monotonic() > deadline)
        results = self.translator.translate_batch(
            sources, beam_size=decoding.num_beams, min_decoding_length=decoding.min_new_tokens,
            max_decoding_length=decoding.max_new_tokens, no_repeat_ngram_size=decoding.no_repeat_ngram_size,
            length_penalty=decoding.length_penalty, repetition_penalty=decoding.repetition_penalty,
            max_input_length=max_input_tokens, use_vmap=self._use_vmap, callback=past_deadline,
        )
        return [
            [i for i in self.tokenizer.convert_tokens_to_ids(result.hypotheses[0]) if i not in self._special_ids]
            for result in results
        ]


def _end_ids(eos_token_id: int | list[int] | None) -> set[int]:
    if eos_token_id is None:
        return set()
    return {eos_token_id} if isinstance(eos_token_id, int) else set(eos_token_id)


def _content_ids(ids: list[int], end_ids: set[int], special_ids: set[int]) -> list[int]:
    """The generated tokens up to the first end token, without the decoder-start and padding tokens."""
    content = ids[1:]
    end = next((position for position, i in enumerate(content) if i in end_ids), len(content))
    return [i for i in content[:end] if i not in special_ids]


def _resolve_source(name: str, models_dir: Path) -> tuple[str, bool]:
    """Where to load from and whether downloads are forbidden: a folder, a copy in `models_dir`, or a hub id."""
    path = Path(name).expanduser()
    if path.is_dir():
        return str(path), True
    if path.exists() or name.startswith((".", "/", "~")) or name.count("/") > 1:
        raise ModelLoadError(f"model folder {name!r} does not exist")
    local_copy = models_dir / name.split("/")[-1]
    if local_copy.is_dir():
        return str(local_copy), True
    if _hub_offline():
        return _cached_snapshot(name), True
    return name, False


def _hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


def _cached_snapshot(hub_id: str) -> str:
    """The hub cache's folder for ``hub_id``, found without the network (huggingface_hub may otherwise call out
    even with ``local_files_only`` when HF_HUB_OFFLINE was set after it was imported)."""
    from huggingface_hub import try_to_load_from_cache

    config = try_to_load_from_cache(hub_id, "config.json")
    if not isinstance(config, str):
        raise ModelLoadError(
            f"{hub_id!r} is not a local folder nor in the Hugging Face cache, and HF_HUB_OFFLINE=1 forbids "
            f"downloading it: fetch it with `python scripts/download_model.py {hub_id}` on a machine with internet"
        )
    return str(Path(config).parent)


def _pick_device(requested: str, cuda_present: bool) -> str:
    if requested in ("cuda", "auto") and cuda_present:
        return "cuda"
    if requested == "cuda":
        logger.warning("KHOLASE_DEVICE=cuda but no CUDA device is present: running on CPU")
    return "cpu"


def _load_failure(name: str, source: str, error: Exception) -> str:
    if not Path(source).is_dir():
        return (
            f"could not download {name!r} from the Hugging Face hub ({type(error).__name__}: {error}); on a machine "
            f"without internet, fetch it elsewhere with `python scripts/download_model.py {name}`"
        )
    return f"could not load {name!r} from {source}: {type(error).__name__}: {error}"

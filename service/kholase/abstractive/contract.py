"""A checkpoint's contract with whoever runs it: the input prefix and decoding settings it declares, and how its
tokenizer writes the Persian half-space.

``generate`` reads only a checkpoint's generation settings; the input prefix, beams and lengths a checkpoint was tuned
for often sit in ``config.json`` under ``task_specific_params.summarization`` (which the summarization pipeline used to
apply), and older checkpoints keep generation keys in ``config.json`` itself. Both backends run what is resolved here,
so they decode alike; ``KHOLASE_*`` settings override any declared value.

HooshvareLab's checkpoints write the half-space (U+200C) as the literal token ``[ZWNJ]``: their tokenizers carry it
as a token of its own. Wherever a tokenizer has that token, text goes in with ``[ZWNJ]`` and comes out with U+200C.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

ZWNJ = "\u200c"
ZWNJ_TOKEN = "[ZWNJ]"
TASK = "summarization"  # the task_specific_params entry a seq2seq summarizer or headline checkpoint declares
CONTRACT_FILE = "kholase-contract.json"  # the declared settings, kept beside a CTranslate2 conversion
_TOKEN_IN_OUTPUT = re.compile(rf"\s*{re.escape(ZWNJ_TOKEN)}\s*")


@dataclass(frozen=True)
class Decoding:
    """How one model is run; lengths count generated tokens (transformers' ``max_length`` minus the start token)."""

    prefix: str = ""
    num_beams: int = 1
    min_new_tokens: int = 0
    max_new_tokens: int = 128
    no_repeat_ngram_size: int = 0
    length_penalty: float = 1.0
    repetition_penalty: float = 1.0
    early_stopping: bool | str = False

    def resolved(self, declared: dict[str, Any], overrides: dict[str, Any]) -> tuple[Decoding, dict[str, str]]:
        """These defaults, then the checkpoint's ``declared`` values, then the ``overrides`` that are set; with where
        each value came from, for the load log. A minimum length above the maximum is lowered to it: a shorter
        maximum set here wins over the checkpoint's minimum."""
        names = {field.name for field in fields(self)}
        sources = dict.fromkeys(names, "default")
        values: dict[str, Any] = {}
        for origin, given in (("checkpoint", declared), ("KHOLASE_*", overrides)):
            for name, value in given.items():
                if name in names and value is not None:
                    values[name], sources[name] = value, origin
        decoding = replace(self, **values)
        if decoding.min_new_tokens > decoding.max_new_tokens:
            decoding = replace(decoding, min_new_tokens=decoding.max_new_tokens)
            sources["min_new_tokens"] += ", lowered to max_new_tokens"
        return decoding, sources

    def describe(self, sources: dict[str, str]) -> str:
        return ", ".join(f"{name}={value!r} ({sources[name]})" for name, value in asdict(self).items())


def declared_decoding(folder: Path) -> dict[str, Any]:
    """What the checkpoint in ``folder`` declares, in ``Decoding``'s terms. Later sources win: ``config.json``'s own
    generation keys, ``generation_config.json``, then ``task_specific_params.summarization``. A CTranslate2 folder
    keeps the result of a conversion in ``CONTRACT_FILE`` (its ``config.json`` is CTranslate2's own)."""
    contract = folder / CONTRACT_FILE
    if contract.is_file():
        return json.loads(contract.read_text(encoding="utf-8"))
    config = _read_json(folder / "config.json")
    task = (config.get("task_specific_params") or {}).get(TASK) or {}
    declared: dict[str, Any] = {}
    for source in (config, _read_json(folder / "generation_config.json"), task):
        declared.update(_in_decoding_terms(source))
    return declared


def write_contract(source: Path, output: Path) -> Path:
    """Keep what ``source`` declares beside its conversion in ``output``."""
    path = output / CONTRACT_FILE
    path.write_text(json.dumps(declared_decoding(source), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _in_decoding_terms(source: dict[str, Any]) -> dict[str, Any]:
    names = {field.name for field in fields(Decoding)}
    terms = {name: value for name, value in source.items() if name in names and value is not None}
    for length, new_tokens in (("max_length", "max_new_tokens"), ("min_length", "min_new_tokens")):
        if isinstance(source.get(length), int) and new_tokens not in terms:
            terms[new_tokens] = max(0, source[length] - 1)  # transformers counts the decoder's start token
    return terms


def _read_json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def non_text_ids(tokenizer: PreTrainedTokenizerBase) -> set[int]:
    """The special tokens a generated text drops: all but ``[ZWNJ]``, which some tokenizers list as special."""
    return set(tokenizer.all_special_ids) - {tokenizer.convert_tokens_to_ids(ZWNJ_TOKEN)}


class HalfSpace:
    """Writes U+200C as ``[ZWNJ]`` for a tokenizer that has that token, and turns it back in what the model writes."""

    def __init__(self, tokenizer: PreTrainedTokenizerBase):
        token_id = tokenizer.convert_tokens_to_ids(ZWNJ_TOKEN)
        self.as_token = (
            isinstance(token_id, int) and token_id != tokenizer.unk_token_id
            and token_id in tokenizer(f"a{ZWNJ_TOKEN}b", add_special_tokens=False).input_ids
        )

    def encode(self, text: str) -> str:
        return text.replace(ZWNJ, ZWNJ_TOKEN) if self.as_token else text

    def decode(self, text: str) -> str:
        return _TOKEN_IN_OUTPUT.sub(ZWNJ, text) if self.as_token else text

"""Shared fixtures: the real articles in ../shared that the tests use as the yardstick, and tiny checkpoints."""

import os
from pathlib import Path

import pytest

from tests.support import DONATIONS, load_articles

try:
    from hypothesis import settings
except ImportError:  # the dev extra is not installed: no property tests to set up
    pass
else:
    # CI and the default run are derandomized, so that a property test fails only on a change of code; the thorough
    # profile looks further, at random: HYPOTHESIS_PROFILE=thorough python -m pytest tests/test_fuzz.py
    settings.register_profile("ci", derandomize=True, max_examples=300, print_blob=True)
    settings.register_profile("thorough", derandomize=False, max_examples=5000, print_blob=True)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def donations_text() -> str:
    return DONATIONS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def fars_articles() -> list[dict]:
    return load_articles("fars_news_dev")


@pytest.fixture(scope="session")
def varzesh3_articles() -> list[dict]:
    return load_articles("varzesh3_dev")


# --- Tiny seq2seq checkpoints for the abstractive engine -------------------------------------------------------
# Random weights, real tokenizers trained here on ../shared/data, saved with save_pretrained like a hub checkpoint.
# initializer_factor is raised so that the random model decodes varied tokens instead of one repeated token.

TINY_TRAINING_TEXTS = 1200


def _training_texts() -> list[str]:
    rows = load_articles("fars_news_dev", 200) + load_articles("varzesh3_dev", 200)
    texts = [text for row in rows for text in (row["title"], row["lead"], row["body"][:1500])]
    return texts[:TINY_TRAINING_TEXTS]


@pytest.fixture(scope="session")
def tiny_mt5_dir(tmp_path_factory) -> Path:
    """A 2+2-layer MT5 with a 1000-piece sentencepiece vocabulary."""
    pytest.importorskip("transformers", reason="the [abstractive] extra")
    import sentencepiece
    import torch
    from transformers import MT5Config, MT5ForConditionalGeneration, T5Tokenizer

    folder = tmp_path_factory.mktemp("tiny-mt5")
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(_training_texts()), model_prefix=str(folder / "spiece"), vocab_size=1000,
        pad_id=0, eos_id=1, unk_id=2, bos_id=-1, character_coverage=1.0, minloglevel=2,
    )
    pieces = sentencepiece.SentencePieceProcessor(model_file=str(folder / "spiece.model"))
    tokenizer = T5Tokenizer(
        vocab=[(pieces.id_to_piece(i), pieces.get_score(i)) for i in range(pieces.get_piece_size())], extra_ids=0
    )
    config = MT5Config(
        vocab_size=len(tokenizer), d_model=32, d_kv=8, d_ff=64, num_layers=2, num_decoder_layers=2, num_heads=4,
        feed_forward_proj="gated-gelu", initializer_factor=5.0,
        decoder_start_token_id=0, pad_token_id=0, eos_token_id=1,
    )
    torch.manual_seed(0)
    model = MT5ForConditionalGeneration(config)
    # Published mT5 checkpoints keep an output layer apart from the input embeddings; transformers 5 ties a fresh
    # MT5's two (whatever the config says), so give it one of its own before saving.
    model.lm_head.weight = torch.nn.Parameter(config.initializer_factor * torch.randn_like(model.shared.weight))
    model.config.tie_word_embeddings = False
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_bert2bert_dir(tmp_path_factory) -> Path:
    """A BERT2BERT EncoderDecoderModel (2-layer BERT encoder and decoder) with a WordPiece vocabulary."""
    pytest.importorskip("transformers", reason="the [abstractive] extra")
    import torch
    from tokenizers import BertWordPieceTokenizer
    from transformers import BertConfig, BertTokenizer, EncoderDecoderConfig, EncoderDecoderModel

    folder = tmp_path_factory.mktemp("tiny-bert2bert")
    wordpiece = BertWordPieceTokenizer(lowercase=False, strip_accents=False)
    wordpiece.train_from_iterator(_training_texts(), vocab_size=1000, show_progress=False)
    wordpiece.save_model(str(folder))
    tokenizer = BertTokenizer(vocab=str(folder / "vocab.txt"), do_lower_case=False, strip_accents=False)
    shape = dict(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                 intermediate_size=64, max_position_embeddings=512, initializer_range=0.5)
    config = EncoderDecoderConfig.from_encoder_decoder_configs(
        BertConfig(**shape), BertConfig(**shape, is_decoder=True, add_cross_attention=True)
    )
    config.decoder_start_token_id = tokenizer.cls_token_id
    config.eos_token_id = tokenizer.sep_token_id
    config.pad_token_id = tokenizer.pad_token_id
    torch.manual_seed(0)
    model = EncoderDecoderModel(config=config)
    model.generation_config.update(
        decoder_start_token_id=tokenizer.cls_token_id, eos_token_id=tokenizer.sep_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder

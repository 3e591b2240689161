"""A real checkpoint's contract, on both backends: HooshvareLab/pn-summary-mt5-small's own config.json (its declared
prefix and decoding settings) at tiny dimensions, with a tokenizer laid out as the published one (``▁<extra_id_N>``
then ``[ZWNJ]``; ../shared/fixtures/pn-summary-mt5-small/). The weights are random: what is checked is what reaches
the model and what comes back, never the quality of its text."""

import pytest

pytest.importorskip("transformers", reason="the [abstractive] extra")
pytest.importorskip("ctranslate2", reason="the [abstractive] extra")

import json
import logging
import re
import runpy
import shutil
from pathlib import Path

from kholase.abstractive import guard
from kholase.abstractive.contract import CONTRACT_FILE, ZWNJ, ZWNJ_TOKEN
from kholase.abstractive.convert import convert
from kholase.abstractive.engine import AbstractiveEngine, opens
from kholase.abstractive.seq2seq import Seq2SeqModel
from kholase.config import Settings
from kholase.engines import Stopwatch
from kholase.summarizer import Summarizer
from tests.support import ROOT, SHARED, load_articles

FIXTURE = SHARED / "fixtures" / "pn-summary-mt5-small"
TINY_SHAPE = dict(d_model=32, d_kv=8, d_ff=64, num_layers=2, num_decoder_layers=2, num_heads=4,
                  initializer_factor=5.0)  # raised so that the random model decodes varied tokens
persian_mt5 = runpy.run_path(str(ROOT / "scripts" / "persian_mt5.py"), run_name="persian_mt5")
BACKENDS = ["transformers", "ctranslate2"]
pytestmark = pytest.mark.slow  # four beams over 141 tokens, on both backends: about a minute and a half


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> dict[str, Path]:
    """The tiny published-shape checkpoint, and its CTranslate2 conversion."""
    rows = load_articles("fars_news_dev", 200) + load_articles("varzesh3_dev", 200)
    texts = [text for row in rows for text in (row["title"], row["lead"], row["body"][:1500])]
    hf = persian_mt5["build"](FIXTURE / "config.json", texts, tmp_path_factory.mktemp("pn-summary-shape"), 1000,
                              TINY_SHAPE)
    return {"transformers": hf, "ctranslate2": convert(str(hf), tmp_path_factory.mktemp("ct2") / "model")}


def load(folders, backend: str, **settings) -> Seq2SeqModel:
    return Seq2SeqModel.load(Settings(model=str(folders[backend]), backend=backend, input_max_tokens=128, **settings))


class Recorder:
    """Stands in front of the backend's own model object and records each call's inputs before passing it on."""

    def __init__(self, target, method: str):
        self.target, self.method, self.calls = target, method, []

    def __getattr__(self, name):
        if name != self.method:
            return getattr(self.target, name)

        def recorded(*args, **kwargs):
            self.calls.append((args, kwargs))
            return getattr(self.target, name)(*args, **kwargs)

        return recorded


def record(model: Seq2SeqModel) -> Recorder:
    """The model's calls as the backend makes them: transformers' generate, or CTranslate2's translate_batch."""
    if hasattr(model.backend, "translator"):
        model.backend.translator = Recorder(model.backend.translator, "translate_batch")
        return model.backend.translator
    model.backend.model = Recorder(model.backend.model, "generate")
    return model.backend.model


def input_tokens(model: Seq2SeqModel, call) -> list[str]:
    args, kwargs = call
    if "input_ids" in kwargs:
        return model.backend.tokenizer.convert_ids_to_tokens(kwargs["input_ids"][0].tolist())
    return args[0][0]


def test_checkpoint_contract_fixture_is_the_published_layout(folders):
    tokenizer = load(folders, "transformers").backend.tokenizer
    published = json.loads((FIXTURE / "added_tokens.json").read_text())
    pieces = len(tokenizer) - 101
    assert tokenizer.convert_ids_to_tokens([pieces, pieces + 99, pieces + 100]) == [
        "▁<extra_id_99>", "▁<extra_id_0>", ZWNJ_TOKEN]
    assert published == {ZWNJ_TOKEN: 250000 + 100}  # the same place after the published 250,000 pieces


@pytest.mark.parametrize("backend", BACKENDS)
def test_checkpoint_contract_prefix_reaches_the_model_input(folders, backend, caplog):
    with caplog.at_level(logging.INFO, logger="kholase.abstractive.seq2seq"):
        model = load(folders, backend, summary_max_new_tokens=8)
    try:
        calls = record(model)
        model.generate(load_articles("fars_news_dev", 1)[0]["lead"], timeout_s=60)
        prefix = model.backend.tokenizer.tokenize("summarize: ")
        assert input_tokens(model, calls.calls[0])[: len(prefix)] == prefix
        assert "prefix='summarize: ' (checkpoint)" in caplog.text
    finally:
        model.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_checkpoint_contract_declared_decoding_reaches_generation(folders, backend):
    model = load(folders, backend)
    try:
        calls = record(model)
        output = model.generate(load_articles("varzesh3_dev", 1)[0]["lead"], timeout_s=120)
        _, options = calls.calls[0]
        if backend == "transformers":
            assert {name: options[name] for name in ("num_beams", "min_new_tokens", "max_new_tokens",
                                                     "no_repeat_ngram_size", "length_penalty", "early_stopping")} \
                == dict(num_beams=4, min_new_tokens=55, max_new_tokens=141, no_repeat_ngram_size=3,
                        length_penalty=2.0, early_stopping=True)
        else:
            assert {name: options[name] for name in ("beam_size", "min_decoding_length", "max_decoding_length",
                                                     "no_repeat_ngram_size", "length_penalty")} \
                == dict(beam_size=4, min_decoding_length=55, max_decoding_length=141, no_repeat_ngram_size=3,
                        length_penalty=2.0)
        assert len(model.backend.tokenizer(output, add_special_tokens=False).input_ids) >= 55
    finally:
        model.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_checkpoint_contract_settings_override_what_the_checkpoint_declares(folders, backend, caplog):
    with caplog.at_level(logging.INFO, logger="kholase.abstractive.seq2seq"):
        model = load(folders, backend, num_beams=1, summary_min_new_tokens=0, summary_max_new_tokens=12,
                     summary_prefix="")
    try:
        calls = record(model)
        model.generate("خبر کوتاه", timeout_s=60)
        assert (model.decoding.num_beams, model.decoding.max_new_tokens, model.decoding.prefix) == (1, 12, "")
        assert model.decoding.no_repeat_ngram_size == 3  # still the checkpoint's: not overridden
        assert input_tokens(model, calls.calls[0])[0] != "▁summarize"
        assert "num_beams=1 (KHOLASE_*)" in caplog.text
    finally:
        model.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_checkpoint_contract_half_space_round_trips(folders, backend):
    model = load(folders, backend, summary_max_new_tokens=4)
    try:
        tokenizer = model.backend.tokenizer
        zwnj_id = tokenizer.convert_tokens_to_ids(ZWNJ_TOKEN)
        leads = [row["lead"] for row in load_articles("fars_news_dev", 60) if ZWNJ in row["lead"]]
        assert len(leads) > 10
        calls = record(model)  # a raw U+200C would be <unk> to this vocabulary, as spaces were trained in its place
        model.generate(leads[0], timeout_s=60)
        sent = input_tokens(model, calls.calls[0])
        assert ZWNJ_TOKEN in sent and tokenizer.unk_token not in sent
        for lead in leads:
            ids = tokenizer(model.half_space.encode(lead), add_special_tokens=False).input_ids
            assert ids.count(zwnj_id) == lead.count(ZWNJ)
            if tokenizer.unk_token_id in ids:  # a character the 1000-piece vocabulary never saw
                continue
            # as written, but for a space beside a half-space, which means nothing and the tokenizer does not keep
            assert model.decode(ids) == re.sub(rf"\s*{ZWNJ}\s*", ZWNJ, " ".join(lead.split()))
    finally:
        model.close()
    if backend == "ctranslate2":  # the converted vocabulary keeps [ZWNJ] at the tokenizer's id
        vocabulary = json.loads((folders[backend] / "shared_vocabulary.json").read_text(encoding="utf-8"))
        assert vocabulary[zwnj_id] == ZWNJ_TOKEN


def test_checkpoint_contract_conversion_keeps_the_declared_settings(folders):
    kept = json.loads((folders["ctranslate2"] / CONTRACT_FILE).read_text())
    assert kept == dict(prefix="summarize: ", num_beams=4, min_new_tokens=55, max_new_tokens=141,
                        no_repeat_ngram_size=3, length_penalty=2.0, early_stopping=True)


def digest(engine: AbstractiveEngine, summarizer: Summarizer, text: str):
    document = summarizer.prepare(text)
    return engine.digest(document, summarizer.textrank.rank(document), 1, Stopwatch())


@pytest.fixture
def guard_off(monkeypatch):
    """The random model writes words absent from the article, which the guard rightly rejects."""
    monkeypatch.setattr(guard, "unsupported_facts", lambda generated, source: [])


@pytest.mark.parametrize("backend", BACKENDS)
def test_checkpoint_contract_headline_is_never_a_prefix_of_the_summary(folders, backend, guard_off):
    settings = Settings(model=str(folders[backend]), backend=backend, input_max_tokens=128, num_beams=1,
                        summary_max_new_tokens=40)
    summarizer, engine = Summarizer(settings), AbstractiveEngine.load(settings)
    try:
        rows = load_articles("fars_news_dev", 6) + load_articles("varzesh3_dev", 6)
        for row in rows:
            headline, summary = digest(engine, summarizer, row["body"])
            assert headline and not opens(headline, summary), (headline, summary)
    finally:
        engine.close()


def test_checkpoint_contract_a_summary_that_copies_the_lead_still_gets_a_headline_of_its_own(
        folders, guard_off, monkeypatch):
    """A model that copies the article's opening (as summarizers of news often do) would make the extractive
    headline of its summary that opening cut short; the article's own headline is taken instead."""
    settings = Settings(model=str(folders["transformers"]), input_max_tokens=128)
    summarizer, engine = Summarizer(settings), AbstractiveEngine.load(settings)
    try:
        for row in load_articles("fars_news_dev", 20):
            document = summarizer.prepare(row["body"])
            copied = document.sentences[0].text
            monkeypatch.setattr(engine.generators["summary"], "generate", lambda text, timeout_s, copied=copied: copied)
            headline, summary = digest(engine, summarizer, row["body"])
            assert summary == copied and not opens(headline, summary), headline
    finally:
        engine.close()


def test_checkpoint_contract_a_headline_model_writes_the_headline_and_readyz_names_both(
        folders, tiny_mt5_dir, guard_off):
    settings = Settings(model=str(folders["transformers"]), headline_model=str(tiny_mt5_dir), input_max_tokens=128,
                        num_beams=1, summary_max_new_tokens=30, headline_max_new_tokens=10)
    summarizer = Summarizer(settings)
    try:
        status = summarizer.load().engine_status()["abstractive"]
        assert status.ready, status.reason
        assert status.models == {"summary": str(folders["transformers"]), "headline": str(tiny_mt5_dir)}
        headline_model = summarizer.engines["abstractive"].generators["headline"]
        assert headline_model.decoding.prefix == "" and headline_model.decoding.num_beams == 1
        written = []
        generate = headline_model.generate
        headline_model.generate = lambda text, timeout_s: written.append(generate(text, timeout_s)) or written[-1]
        result = summarizer.summarize(load_articles("fars_news_dev", 1)[0]["body"], engine="abstractive")
        assert result.engine == "abstractive" and result.headline == written[0]
    finally:
        summarizer.close()


def test_checkpoint_contract_half_space_survives_a_tokenizer_that_lists_it_as_special(tiny_bert2bert_dir, tmp_path):
    """ParsBERT-style vocabularies may declare ``[ZWNJ]`` a special token; generated text must keep it all the same."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_bert2bert_dir)
    tokenizer.add_special_tokens({"additional_special_tokens": [ZWNJ_TOKEN]})
    folder = shutil.copytree(tiny_bert2bert_dir, tmp_path / "b2b-zwnj")
    tokenizer.save_pretrained(folder)
    model = Seq2SeqModel.load(Settings(model=str(folder), summary_max_new_tokens=4, input_max_tokens=64))
    try:
        ids = model.backend.tokenizer(model.half_space.encode("کمک‌های مردمی"), add_special_tokens=False).input_ids
        # WordPiece decodes with spaces between pieces; what matters is that the half-space came back
        assert model.half_space.as_token and model.decode(ids).replace(" ", "") == "کمک‌هایمردمی"
        generated = model.backend.generate_ids(["کمک‌های مردمی"], max_input_tokens=64, decoding=model.decoding)
        assert all(i not in tokenizer.all_special_ids or i == tokenizer.convert_tokens_to_ids(ZWNJ_TOKEN)
                   for i in generated[0])
    finally:
        model.close()

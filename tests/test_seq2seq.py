"""The abstractive engine on tiny real checkpoints: loading, failures, batching, time limits, CTranslate2, guard."""

import pytest

pytest.importorskip("transformers", reason="the [abstractive] extra")
pytest.importorskip("ctranslate2", reason="the [abstractive] extra")

import json
import shutil
import socket
import threading
import time
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from transformers import AutoTokenizer

from kholase.abstractive.contract import Decoding
from kholase.abstractive.convert import convert, write_vocabulary_map
from kholase.abstractive.guard import unsupported_facts
from kholase.abstractive.seq2seq import GenerationTimeout, ModelLoadError, Seq2SeqModel, fit_to_budget
from kholase.config import Settings
from kholase.extractive.textrank import TextRank
from kholase.text.clean import clean
from kholase.text.sentences import split_sentences


def load(model, **overrides) -> Seq2SeqModel:
    return Seq2SeqModel.load(Settings(model=str(model), summary_max_new_tokens=16, input_max_tokens=128, **overrides))


@pytest.fixture(scope="module")
def mt5(tiny_mt5_dir):
    engine = load(tiny_mt5_dir)
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def ct2_dir(tiny_mt5_dir, tmp_path_factory) -> Path:
    return convert(str(tiny_mt5_dir), tmp_path_factory.mktemp("ct2") / "tiny-mt5-ct2")


# --- loading ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fixture", ["tiny_mt5_dir", "tiny_bert2bert_dir"])
def test_loads_a_checkpoint_folder_and_generates(fixture, request, fars_articles):
    folder = request.getfixturevalue(fixture)
    engine = load(folder)
    try:
        article = fars_articles[0]["body"]
        summary = engine.generate(article, timeout_s=30)
        assert engine.model_name == str(folder)
        assert summary
        assert engine.count_tokens(article) > 100
    finally:
        engine.close()


def test_missing_folder_is_a_clear_load_error(tmp_path):
    with pytest.raises(ModelLoadError, match="does not exist"):
        load(tmp_path / "no-such-model")


def test_no_model_configured_is_a_load_error():
    with pytest.raises(ModelLoadError, match="KHOLASE_MODEL"):
        Seq2SeqModel.load(Settings(model=""))


def test_corrupt_weights_are_a_clear_load_error(tiny_mt5_dir, tmp_path):
    broken = shutil.copytree(tiny_mt5_dir, tmp_path / "broken")
    (broken / "model.safetensors").write_bytes(b"not a safetensors file")
    with pytest.raises(ModelLoadError, match=r"could not load .*broken"):
        load(broken)


def test_offline_loads_folders_and_refuses_hub_ids_without_touching_the_network(monkeypatch, tiny_mt5_dir):
    attempts = []

    def refuse(address):
        attempts.append(address)
        raise OSError("network access attempted")

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(socket.socket, "connect", lambda self, address, *args: refuse(address))
    monkeypatch.setattr(socket, "create_connection", lambda address, *args, **kwargs: refuse(address))
    with pytest.raises(ModelLoadError, match="HF_HUB_OFFLINE=1 forbids"):
        load("HooshvareLab/pn-summary-mt5-small")
    load(tiny_mt5_dir).close()
    assert attempts == []


def test_cuda_asked_but_absent_runs_on_cpu(tiny_mt5_dir):
    engine = load(tiny_mt5_dir, device="cuda")
    try:
        assert engine.backend.device == "cpu"
    finally:
        engine.close()


# --- batching, time limits, failures ----------------------------------------------------------------------------

def count_model_calls(engine: Seq2SeqModel, monkeypatch) -> list[int]:
    """Batch sizes of the real model calls the engine makes."""
    sizes: list[int] = []
    generate_ids = engine.backend.generate_ids

    def counted(texts, **kwargs):
        sizes.append(len(texts))
        return generate_ids(texts, **kwargs)

    monkeypatch.setattr(engine.backend, "generate_ids", counted)
    return sizes


def test_concurrent_requests_share_generate_calls(tiny_mt5_dir, fars_articles, monkeypatch):
    engine = load(tiny_mt5_dir, batch_max_size=8, batch_max_wait_ms=300)
    try:
        articles = [row["body"] for row in fars_articles[:8]]
        alone = [engine.generate(article, timeout_s=30) for article in articles]
        sizes = count_model_calls(engine, monkeypatch)
        together: list[str | None] = [None] * len(articles)

        def ask(index: int) -> None:
            together[index] = engine.generate(articles[index], timeout_s=30)

        threads = [threading.Thread(target=ask, args=(index,)) for index in range(len(articles))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sum(sizes) == len(articles) and len(sizes) < len(articles) / 2
        assert together == alone
    finally:
        engine.close()


def test_batch_size_is_capped(tiny_mt5_dir, fars_articles, monkeypatch):
    engine = load(tiny_mt5_dir, batch_max_size=2, batch_max_wait_ms=300)
    try:
        sizes = count_model_calls(engine, monkeypatch)
        threads = [threading.Thread(target=engine.generate, args=(row["lead"], 30))
                   for row in fars_articles[:6]]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sum(sizes) == 6 and max(sizes) <= 2
    finally:
        engine.close()


def test_past_the_time_budget_raises_generation_timeout_and_the_engine_recovers(tiny_mt5_dir, fars_articles):
    engine = load(tiny_mt5_dir, batch_max_wait_ms=1000)
    try:
        started = time.monotonic()
        with pytest.raises(GenerationTimeout):
            engine.generate(fars_articles[0]["body"], timeout_s=0.05)
        assert time.monotonic() - started < 0.5
        assert engine.generate(fars_articles[0]["body"], timeout_s=30)
    finally:
        engine.close()


def test_a_failing_model_raises_runtime_error(mt5, monkeypatch):
    def broken(texts, **kwargs):
        raise ValueError("weights on fire")

    monkeypatch.setattr(mt5.backend, "generate_ids", broken)
    with pytest.raises(RuntimeError, match="weights on fire"):
        mt5.generate("متن خبر", timeout_s=10)


# --- extract, then abstract -------------------------------------------------------------------------------------

def test_long_article_keeps_the_best_sentences_in_order_within_budget(mt5, fars_articles):
    article = max(fars_articles, key=lambda row: len(row["body"]))["body"]
    document = split_sentences(clean(article))
    ranking = TextRank().rank(document)
    ranked = sorted(((s.index, s.text) for s in document.sentences), key=lambda pair: -ranking.scores[pair[0]])
    assert mt5.count_tokens(article) > 1000

    fitted = fit_to_budget(ranked, mt5.count_tokens, 512)

    assert 400 < mt5.count_tokens(fitted) <= 512
    assert ranked[0][1] in fitted
    positions = [fitted.index(text) for _, text in sorted(ranked) if text in fitted]
    assert positions == sorted(positions)


def test_a_late_best_sentence_is_kept_not_truncated_away(mt5, fars_articles):
    article = max(fars_articles, key=lambda row: len(row["body"]))["body"]
    sentences = [(s.index, s.text) for s in split_sentences(clean(article)).sentences]
    ranked = [sentences[-1], *sentences[:-1]]
    fitted = fit_to_budget(ranked, mt5.count_tokens, 256)
    assert fitted.endswith(sentences[-1][1]) and mt5.count_tokens(fitted) <= 256


def test_a_sentence_longer_than_the_budget_is_given_alone():
    assert fit_to_budget([(3, "long sentence"), (1, "x")], lambda text: 1000 if "long" in text else 1, 10) == "x"
    assert fit_to_budget([(3, "long sentence")], lambda text: 1000, 10) == "long sentence"


# --- CTranslate2 ------------------------------------------------------------------------------------------------

def test_ctranslate2_greedy_float32_emits_the_same_tokens_as_transformers(mt5, ct2_dir, fars_articles):
    ct2 = load(ct2_dir, backend="ctranslate2")
    try:
        articles = [row["body"] for row in fars_articles[:6]]
        options = dict(max_input_tokens=128, decoding=Decoding(max_new_tokens=24))
        expected = mt5.backend.generate_ids(articles, **options)
        assert len({token for ids in expected for token in ids}) > 20, "the tiny model must decode varied tokens"
        assert ct2.backend.generate_ids(articles, **options) == expected
        assert [ct2.generate(a, 30) for a in articles] == [mt5.generate(a, 30) for a in articles]
    finally:
        ct2.close()


def test_ctranslate2_float32_scores_tokens_as_transformers_does_so_beam_search_agrees(mt5, ct2_dir, fars_articles):
    """transformers 5 marks every mT5 config as tied, which made the converter scale the logits by d_model**-0.5:
    the same greedy tokens, but other beams and scores."""
    import ctranslate2
    import torch

    article = fars_articles[0]["body"]
    ids = mt5.backend.tokenizer(article, truncation=True, max_length=128, return_tensors="pt").input_ids
    result = ctranslate2.Translator(str(ct2_dir)).translate_batch(
        [mt5.backend.tokenizer.convert_ids_to_tokens(ids[0].tolist())], beam_size=1, max_decoding_length=24,
        return_scores=True, length_penalty=0, return_end_token=True,
    )[0]
    decoded = [0, *mt5.backend.tokenizer.convert_tokens_to_ids(result.hypotheses[0])]
    with torch.inference_mode():
        logits = mt5.backend.model(input_ids=ids, decoder_input_ids=torch.tensor([decoded[:-1]])).logits
    log_probability = torch.log_softmax(logits, -1)[0, torch.arange(len(decoded) - 1), decoded[1:]].sum().item()
    assert result.scores[0] == pytest.approx(log_probability, abs=1e-3)

    ct2 = load(ct2_dir, backend="ctranslate2")
    try:
        articles = [row["body"] for row in fars_articles[:6]]
        options = dict(max_input_tokens=128, decoding=Decoding(max_new_tokens=24, num_beams=4))
        assert ct2.backend.generate_ids(articles, **options) == mt5.backend.generate_ids(articles, **options)
    finally:
        ct2.close()


def test_the_checkpoints_decoding_settings_reach_both_backends(tiny_mt5_dir, tmp_path, fars_articles):
    folder = shutil.copytree(tiny_mt5_dir, tmp_path / "no-repeat")
    config = json.loads((folder / "generation_config.json").read_text())
    (folder / "generation_config.json").write_text(json.dumps({**config, "no_repeat_ngram_size": 2}))
    hf, ct2 = load(folder), load(convert(str(folder), tmp_path / "no-repeat-ct2"), backend="ctranslate2")
    try:
        assert hf.decoding.no_repeat_ngram_size == ct2.decoding.no_repeat_ngram_size == 2
        articles = [row["body"] for row in fars_articles[:6]]
        options = dict(max_input_tokens=128, decoding=replace(hf.decoding, max_new_tokens=24))
        expected = hf.backend.generate_ids(articles, **options)
        assert all(len(set(pairwise(ids))) == len(ids) - 1 for ids in expected)
        assert ct2.backend.generate_ids(articles, **options) == expected
    finally:
        hf.close()
        ct2.close()


def test_a_vocabulary_map_keeps_the_output_when_it_covers_the_models_picks(mt5, tiny_mt5_dir, tmp_path, fars_articles):
    folder = convert(str(tiny_mt5_dir), tmp_path / "vmap-ct2")
    articles = [row["body"] for row in fars_articles[6:10]]
    options = dict(max_input_tokens=128, decoding=Decoding(max_new_tokens=24))
    expected = mt5.backend.generate_ids(articles, **options)
    picked = {token for ids in expected for token in mt5.backend.tokenizer.convert_ids_to_tokens(ids)}
    write_vocabulary_map(folder, picked)
    engine = load(folder, backend="ctranslate2")
    try:
        assert engine.backend.generate_ids(articles, **options) == expected
    finally:
        engine.close()


def test_a_vocabulary_map_restricts_output_to_its_tokens_and_the_articles(tiny_mt5_dir, tmp_path, fars_articles):
    folder = convert(str(tiny_mt5_dir), tmp_path / "narrow-ct2")
    tokenizer = AutoTokenizer.from_pretrained(folder)
    always = set(tokenizer.tokenize("خبرگزاری فارس گزارش داد")) | set(tokenizer.all_special_tokens)
    write_vocabulary_map(folder, always)
    engine = load(folder, backend="ctranslate2")
    try:
        for row in fars_articles[:4]:
            decoding = Decoding(max_new_tokens=16)
            ids = engine.backend.generate_ids([row["lead"]], max_input_tokens=128, decoding=decoding)[0]
            allowed = always | set(tokenizer.tokenize(row["lead"]))
            assert ids and set(tokenizer.convert_ids_to_tokens(ids)) <= allowed
    finally:
        engine.close()


def test_ctranslate2_int8_is_offered(ct2_dir, fars_articles):
    engine = load(ct2_dir, backend="ctranslate2", ct2_compute_type="int8")
    try:
        assert engine.generate(fars_articles[1]["body"], timeout_s=30)
    finally:
        engine.close()


def test_ctranslate2_needs_a_converted_folder():
    with pytest.raises(ModelLoadError, match=r"python -m kholase\.abstractive\.convert"):
        load("HooshvareLab/pn-summary-mt5-small", backend="ctranslate2")


# --- the made-up-facts guard ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def source(fars_articles) -> str:
    return "کمک‌های مردمی به ۱,۲۵۰ خانواده در زنجان در تاریخ ۱۴۰۰/۰۲/۱۲ رسید و ۳٫۵ میلیارد ریال هزینه شد."


def test_guard_accepts_facts_taken_from_the_source(source):
    assert unsupported_facts("کمکهای مردمی به 1250 خانواده زنجان رسید", source) == []
    assert unsupported_facts("هزینه ۳.۵ میلیارد ریال در سال ۱۴۰۰", source) == []


def test_guard_flags_numbers_absent_from_the_source(source):
    assert unsupported_facts("کمک به ۲۰۰۰ خانواده و 3.7 میلیارد ریال", source) == ["2000", "3.7"]


def test_guard_flags_names_absent_from_the_source(source):
    assert unsupported_facts("ترامپ از کمک‌ها به خانواده‌ها در زنجان گفت", source) == ["ترامپ"]
    assert unsupported_facts("FIFA به خانواده‌ها کمک کرد", source) == ["FIFA"]


def test_guard_reads_number_words_and_run_together_words_as_the_source_wrote_them():
    source = "سه بازیکن بر حفظ تیم تاکید کردند و به دلیل مصدومیت غایب بودند."
    assert unsupported_facts("تاکید ۳ بازیکن برحفظ تیم", source) == []
    assert unsupported_facts("گواردیولا و آنچلوتی: ۳ بازیکن غایب", source) == ["گواردیولا", "آنچلوتی"]


def test_guard_rarely_rejects_the_human_headlines_of_real_articles(fars_articles, varzesh3_articles):
    rows = fars_articles[:100] + varzesh3_articles[:100]
    rejected = [row["title"] for row in rows if unsupported_facts(row["title"], row["lead"] + " " + row["body"])]
    assert len(rejected) <= 0.05 * len(rows), rejected


def test_guard_on_a_real_article(fars_articles):
    row = fars_articles[0]
    assert unsupported_facts(row["title"], row["title"] + " " + row["body"]) == []
    assert "اوباما" in unsupported_facts(row["title"] + " به گفته اوباما ۹۹۹۹۹ نفر", row["body"])

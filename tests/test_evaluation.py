"""The evaluation harness: Persian-aware ROUGE and the per-file table with its baselines."""

import json

import pytest

pytest.importorskip("rouge_score", reason="the [eval] extra")

from kholase.eval.rouge import PersianTokenizer, main, rouge


def test_tokenizer_keeps_persian_and_ignores_half_spaces():
    tokenizer = PersianTokenizer()
    assert tokenizer.tokenize("کمک‌های مردمی") == tokenizer.tokenize("کمکهای مردمي")
    assert tokenizer.tokenize("افزایش کمک‌های مردمی") == ["افزایش", "کمکهای", "مردمی"]


def test_rouge_scores_persian_text():
    scores = rouge().score("افزایش کمک‌های مردمی در زنجان", "افزایش کمکهای مردمی")
    assert scores["rouge1"].precision == 1.0
    assert 0.7 < scores["rouge1"].fmeasure < 0.8


def test_main_prints_engine_and_baseline_rows(tmp_path, fars_articles, capsys):
    sample = tmp_path / "sample.jsonl"
    sample.write_text("".join(json.dumps(article) + "\n" for article in fars_articles[:5]), encoding="utf-8")
    assert main([str(sample), "--limit", "3"]) == 0
    table = capsys.readouterr().out
    for row in ("extractive headline", "extractive summary", "Lead-1", "Lead-3", "TextRank-1 (plain)",
                "TextRank-3 (plain)"):
        assert f"| {row} |" in table
    assert "(3 articles)" in table


def test_main_says_how_many_articles_the_service_refused(tmp_path, fars_articles, capsys):
    sample = tmp_path / "sample.jsonl"
    refused = {"title": "عنوان", "lead": "لید", "body": "Only English here."}
    sample.write_text("".join(json.dumps(row) + "\n" for row in [refused, *fars_articles[:2]]), encoding="utf-8")
    assert main([str(sample)]) == 0
    table = capsys.readouterr().out
    assert "(2 articles)" in table and "refuses as input, left out of every row: 1" in table

"""scripts/finetune.py trains a tiny MT5 for two steps on real articles (body -> title) and saves a loadable model."""

import json
import runpy

import pytest

pytest.importorskip("transformers", reason="the [abstractive] extra")

from kholase.abstractive.seq2seq import Seq2SeqModel
from kholase.config import Settings
from tests.support import ROOT

finetune = runpy.run_path(str(ROOT / "scripts" / "finetune.py"), run_name="finetune")  # the script's functions
pytestmark = pytest.mark.slow


def test_two_training_steps_give_a_checkpoint_the_engine_loads(tiny_mt5_dir, tmp_path, fars_articles):
    """The saved model keeps the checkpoint's own output layer: transformers 5 marks every mT5 as tied, and a
    `tie_weights()` on the way would overwrite that layer with the input embeddings."""
    from safetensors.torch import load_file

    data = tmp_path / "articles.jsonl"
    data.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in fars_articles[:16]), encoding="utf-8")
    output = tmp_path / "finetuned"

    finetune["main"]([str(tiny_mt5_dir), str(data), str(output), "--max-steps", "2", "--batch-size", "4",
                   "--max-source-tokens", "128", "--source-field", "body", "--target-field", "title"])

    before, after = load_file(tiny_mt5_dir / "model.safetensors"), load_file(output / "model.safetensors")
    assert not after["lm_head.weight"].equal(after["shared.weight"])
    assert (after["lm_head.weight"] - before["lm_head.weight"]).abs().max() < 0.1  # two small steps away

    engine = Seq2SeqModel.load(Settings(model=str(output), summary_max_new_tokens=8))
    try:
        assert isinstance(engine.generate(fars_articles[0]["body"], timeout_s=30), str)
    finally:
        engine.close()


def test_rows_without_both_fields_are_skipped(tmp_path):
    data = tmp_path / "rows.jsonl"
    data.write_text('{"body": "متن", "title": "عنوان"}\n{"body": "تنها متن"}\n\n', encoding="utf-8")
    assert finetune["read_pairs"](data, "body", "title") == [("متن", "عنوان")]


def test_a_cpu_budget_stops_training_at_the_first_step_past_it(tiny_mt5_dir, tmp_path, fars_articles, capsys):
    data = tmp_path / "articles.jsonl"
    data.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in fars_articles[:16]), encoding="utf-8")
    finetune["main"]([str(tiny_mt5_dir), str(data), str(tmp_path / "budgeted"), "--max-steps", "50", "--batch-size",
                      "4", "--max-source-tokens", "64", "--max-cpu-minutes", "0.0001"])
    assert "trained 1 steps" in capsys.readouterr().out

"""The learned rankers own their artifacts: weights and rate tables saved and loaded together, feature names checked
at load, feature rows built by name."""

import subprocess
import sys

import numpy as np
import pytest

from kholase.extractive.headline_model import HeadlineRanker
from kholase.extractive.learned import LinearModel, feature_matrix, feature_rows, read_artifact, write_artifact
from kholase.extractive.summary_model import SummaryRanker
from kholase.summarizer import Summarizer
from tests.support import DATA, ROOT

RANKERS = (HeadlineRanker, SummaryRanker)


@pytest.mark.parametrize("ranker", RANKERS, ids=lambda ranker: ranker.__name__)
def test_saving_a_loaded_ranker_writes_the_shipped_file_byte_for_byte(ranker, tmp_path):
    copy = tmp_path / ranker.PATH.name
    ranker.load().save(copy)
    assert copy.read_bytes() == ranker.PATH.read_bytes()


@pytest.mark.parametrize("ranker", RANKERS, ids=lambda ranker: ranker.__name__)
def test_weights_for_other_features_are_refused_at_load(ranker, tmp_path):
    data = read_artifact(ranker.PATH)
    first = data["model"]["features"][0]
    data["model"]["features"][0] = "renamed"
    write_artifact(tmp_path / "model.json", data)
    with pytest.raises(ValueError, match=rf"missing \['{first}'\], unknown \['renamed'\]"):
        ranker.load(tmp_path / "model.json")


def test_weights_stored_in_another_order_rank_as_the_shipped_ones(tmp_path, fars_articles):
    """Weights are matched to features by name, so the order they are stored in does not matter."""
    data = read_artifact(HeadlineRanker.PATH)
    for key in ("features", "mean", "scale", "weights"):
        data["model"][key] = data["model"][key][::-1]
    write_artifact(tmp_path / "reversed.json", data)
    shipped, reversed_order = HeadlineRanker.load(), HeadlineRanker.load(tmp_path / "reversed.json")
    summarizer = Summarizer()
    for article in fars_articles[:20]:
        document = summarizer.prepare(article["body"])
        assert reversed_order.headline(document) == shipped.headline(document)


def test_rows_and_columns_are_placed_by_name_and_every_name_is_checked():
    features = ("a", "b")
    assert feature_rows([{"b": 2.0, "a": 1.0}], features).tolist() == [[1.0, 2.0]]
    assert feature_matrix({"b": [2.0, 4.0], "a": [1.0, 3.0]}, features).tolist() == [[1.0, 2.0], [3.0, 4.0]]
    with pytest.raises(ValueError, match=r"missing \['b'\]"):
        feature_rows([{"a": 1.0}], features)
    with pytest.raises(ValueError, match=r"unknown \['c'\]"):
        feature_matrix({"a": [1.0], "b": [2.0], "c": [3.0]}, features)


def test_folded_weights_follow_the_names_asked_for():
    model = LinearModel(("a", "b"), np.zeros(2), np.array([1.0, 2.0]), np.array([3.0, 4.0]))
    assert model.folded(("b", "a")).tolist() == [2.0, 3.0]


@pytest.mark.slow
@pytest.mark.parametrize(("script", "ranker"),
                         [("train_headline.py", HeadlineRanker), ("train_summary.py", SummaryRanker)])
def test_each_shipped_model_is_what_its_training_script_builds(tmp_path, script, ranker):
    """The training script rebuilds the artifact from ../shared/data byte for byte: they are in step."""
    output = tmp_path / ranker.PATH.name
    files = [str(DATA / f"{name}.jsonl") for name in ("fars_news_dev", "varzesh3_dev")]
    subprocess.run([sys.executable, str(ROOT / "scripts" / script), *files, "--output", str(output)],
                   check=True, capture_output=True)
    assert output.read_bytes() == ranker.PATH.read_bytes()

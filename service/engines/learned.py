"""Small linear scorers learned from newsroom titles and leads, shipped as JSON weights (no pickle, numpy only).

`scripts/train_headline.py` fits them on ../shared/data with k-fold cross-validation and writes the JSON files.
"""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


@dataclass(frozen=True)
class LinearModel:
    """score = standardized features · weights; only the ranking of an article's candidates matters."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray

    def score(self, matrix: np.ndarray) -> np.ndarray:
        """Equal to standardizing then weighting, folded into one matrix-vector product."""
        folded = self.weights / self.scale
        # einsum, not BLAS: a thread-pooled gemv stalls on a busy machine for a product this small
        return np.einsum("ij,j->i", matrix, folded) - self.mean @ folded

    def to_json(self) -> dict:
        return {
            "features": list(self.features),
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "weights": self.weights.round(6).tolist(),
        }

    @classmethod
    def from_json(cls, data: dict) -> "LinearModel":
        return cls(
            tuple(data["features"]),
            np.asarray(data["mean"]),
            np.asarray(data["scale"]),
            np.asarray(data["weights"]),
        )

    @classmethod
    def fit(cls, features: tuple[str, ...], matrix: np.ndarray, targets: np.ndarray, groups: np.ndarray,
            ridge: float = 1.0) -> "LinearModel":
        """Ridge regression on targets centred within each article, so the model learns to rank an article's candidates."""
        mean = matrix.mean(axis=0)
        scale = np.where(matrix.std(axis=0) > 1e-9, matrix.std(axis=0), 1.0)
        standardized = (matrix - mean) / scale
        centred_x = standardized - _group_means(standardized, groups)
        centred_y = targets - _group_means(targets[:, None], groups)[:, 0]
        gram = centred_x.T @ centred_x + ridge * len(targets) / 1000 * np.eye(len(features))
        weights = np.linalg.solve(gram, centred_x.T @ centred_y)
        return cls(features, mean, scale, weights)


def _group_means(values: np.ndarray, groups: np.ndarray) -> np.ndarray:
    sums = np.zeros((groups.max() + 1, values.shape[1]))
    np.add.at(sums, groups, values)
    counts = np.bincount(groups, minlength=len(sums))[:, None]
    return (sums / np.maximum(counts, 1))[groups]


@lru_cache(maxsize=None)
def load_resource(name: str) -> dict:
    with open(RESOURCES / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)

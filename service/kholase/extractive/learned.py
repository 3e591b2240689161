"""Small linear rankers learned from newsroom titles and leads, shipped as JSON (no pickle, numpy only).

A ranker's weights and word-rate tables are one artifact: the ranker's own `save` writes them to one JSON file and its
`load` reads them back, refusing weights whose feature names are not the code's. Feature rows are built from named
columns, so a feature can never be read at the wrong position. `scripts/train_headline.py` and
`scripts/train_summary.py` fit them on ../shared/data with k-fold cross-validation.
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol, Self

import numpy as np

RESOURCES = Path(__file__).resolve().parent / "resources"


def feature_matrix(columns: Mapping[str, Sequence | np.ndarray], features: tuple[str, ...]) -> np.ndarray:
    """The columns named by `features`, in that order, as one float matrix; a missing or unknown name is an error."""
    _check_names(set(columns), features)
    return np.column_stack([np.asarray(columns[name], float) for name in features])


def feature_rows(rows: list[Mapping[str, float]], features: tuple[str, ...]) -> np.ndarray:
    """One matrix row per mapping of feature names to values, columns in the order of `features`."""
    for row in rows:
        _check_names(set(row), features)
    return np.array([[row[name] for name in features] for row in rows], float).reshape(-1, len(features))


def column(matrix: np.ndarray, features: tuple[str, ...], name: str) -> np.ndarray:
    """The named column of `matrix`, whose columns are in the order of `features`."""
    return matrix[:, features.index(name)]


def with_columns(matrix: np.ndarray, features: tuple[str, ...], columns: Mapping[str, np.ndarray]) -> np.ndarray:
    """A copy of `matrix` (columns in the order of `features`) with the named columns replaced."""
    _check_names(set(columns) | set(features), features)
    replaced = matrix.copy()
    for name, values in columns.items():
        replaced[:, features.index(name)] = values
    return replaced


def _check_names(names: set[str], features: tuple[str, ...]) -> None:
    missing, unknown = set(features) - names, names - set(features)
    if missing or unknown:
        raise ValueError(f"feature names differ from the model's: missing {sorted(missing)}, unknown {sorted(unknown)}")


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

    def folded(self, names: tuple[str, ...]) -> np.ndarray:
        """Weights over scales of the named features, in that order: what unstandardized columns are multiplied by."""
        return (self.weights / self.scale)[[self.features.index(name) for name in names]]

    def to_json(self) -> dict:
        return {
            "features": list(self.features),
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "weights": self.weights.round(6).tolist(),
        }

    @classmethod
    def from_json(cls, data: dict, features: tuple[str, ...]) -> "LinearModel":
        """The model as `features` orders them; its own feature names must be exactly those."""
        stored = tuple(data["features"])
        _check_names(set(stored), features)
        order = [stored.index(name) for name in features]
        return cls(features, *(np.asarray(data[key])[order] for key in ("mean", "scale", "weights")))

    @classmethod
    def fit(cls, features: tuple[str, ...], matrix: np.ndarray, targets: np.ndarray, groups: np.ndarray,
            ridge: float = 1.0) -> "LinearModel":
        """Ridge regression on targets centred within each article: the model learns to rank an article's candidates."""
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


class Rates(Protocol):
    """A ranker's word-rate tables, stored beside its weights under keys of their own."""

    def to_json(self) -> dict[str, Any]: ...

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Self: ...


@dataclass(frozen=True)
class LearnedRanker:
    """A linear model and the rate tables its features are read from, saved and loaded together as one JSON file."""

    model: LinearModel
    rates: Rates

    FEATURES: ClassVar[tuple[str, ...]]
    PATH: ClassVar[Path]  # the shipped artifact
    RATES: ClassVar[type[Rates]]

    @classmethod
    def load(cls, path: Path | None = None) -> Self:
        data = read_artifact(path or cls.PATH)
        return cls(LinearModel.from_json(data["model"], cls.FEATURES), cls.RATES.from_json(data))

    def save(self, path: Path) -> None:
        write_artifact(path, {"model": self.model.to_json(), **self.rates.to_json()})


def read_artifact(path: Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def write_artifact(path: Path, data: dict) -> None:
    """Compact JSON with sorted keys: rate tables come from sets, whose order changes with Python's hash seed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")

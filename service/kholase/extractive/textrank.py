"""Extractive ranking for news: BM25-weighted TextRank with a lead prior and MMR selection.

Why these choices (see ../shared/FIELD-NOTES.md): BM25 edges beat plain word overlap on short sentences, news puts
its point first so PageRank is personalized towards early sentences, and MMR keeps restatements out of a summary.

The graph joins every pair of sentences, so its cost grows with the square of their number: only the first
GRAPH_SENTENCES sentences are ranked. Every article of ../shared/data has fewer (364 at most, 7 at the median); a text
of 100,000 one-word sentences would otherwise need matrices of tens of gigabytes. Later sentences score 0.
"""

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from kholase.text.sentences import Document, Sentence

GRAPH_SENTENCES = 400


@dataclass(frozen=True)
class Ranking:
    """Sentence scores in document order, scaled to 0..1, and the term counts they came from."""

    scores: np.ndarray
    counts: np.ndarray
    document_frequency: np.ndarray

    @cached_property
    def similarity(self) -> np.ndarray:
        """Cosine similarity between sentences, for MMR; computed on first use (a one-sentence pick never asks)."""
        return cosine(self.counts, self.document_frequency)


def term_matrix(sentences: tuple[Sentence, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Term counts per sentence (sentences x vocabulary) and the document frequency of each term."""
    vocabulary: dict[str, int] = {}
    columns = [vocabulary.setdefault(term, len(vocabulary)) for sentence in sentences for term in sentence.terms]
    rows = np.repeat(np.arange(len(sentences)), [len(sentence.terms) for sentence in sentences])
    shape = (len(sentences), len(vocabulary))
    cells = np.bincount(rows * shape[1] + np.array(columns, dtype=int), minlength=shape[0] * shape[1])
    counts = cells.reshape(shape).astype(float)
    return counts, (counts > 0).sum(axis=0)


def bm25_similarity(counts: np.ndarray, document_frequency: np.ndarray, k1: float = 1.5, b: float = 0.75) -> np.ndarray:
    """Symmetric BM25 similarity between sentences (Barrios et al. 2016), diagonal zeroed."""
    n_sentences = counts.shape[0]
    idf = np.log((n_sentences - document_frequency + 0.5) / (document_frequency + 0.5))
    positive = idf[idf > 0]
    idf = np.where(idf < 0, 0.25 * positive.mean() if positive.size else 0.0, idf)
    lengths = counts.sum(axis=1, keepdims=True)
    norm = k1 * (1 - b + b * lengths / max(lengths.mean(), 1e-9))
    weights = idf * counts * (k1 + 1) / (counts + norm)
    similarity = (counts > 0).astype(float) @ weights.T
    similarity = (similarity + similarity.T) / 2
    np.fill_diagonal(similarity, 0.0)
    return similarity


def overlap_similarity(counts: np.ndarray) -> np.ndarray:
    """The original TextRank edge: shared words over log lengths (Mihalcea & Tarau 2004)."""
    present = (counts > 0).astype(float)
    overlap = present @ present.T
    log_lengths = np.log(np.maximum(present.sum(axis=1), 2))
    similarity = overlap / (log_lengths[:, None] + log_lengths[None, :])
    np.fill_diagonal(similarity, 0.0)
    return similarity


def pagerank(similarity: np.ndarray, prior: np.ndarray, damping: float = 0.85, iterations: int = 100) -> np.ndarray:
    """Personalized PageRank by power iteration; sentences with no edges hand their weight to the prior."""
    prior = prior / prior.sum()
    out_weight = similarity.sum(axis=1, keepdims=True)
    transition = np.divide(similarity, out_weight, out=np.zeros_like(similarity), where=out_weight > 0)
    dangling = np.flatnonzero(out_weight[:, 0] == 0)
    teleport = (1 - damping) * prior
    scores = prior.copy()
    for _ in range(iterations):
        walk = scores @ transition
        if dangling.size:  # without dangling sentences this term is exactly zero: skipping it changes no bit
            walk = walk + scores[dangling].sum() * prior
        updated = damping * walk + teleport
        if np.abs(updated - scores).sum() < 1e-8:
            return updated
        scores = updated
    return scores


def cosine(counts: np.ndarray, document_frequency: np.ndarray) -> np.ndarray:
    idf = np.log((1 + counts.shape[0]) / (1 + document_frequency)) + 1
    vectors = counts * idf
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    return vectors @ vectors.T


class TextRank:
    """Ranks a document's sentences and picks a non-redundant few, all on the CPU with numpy."""

    def __init__(
        self,
        damping: float = 0.85,
        lead_prior: bool = True,
        bm25: bool = True,
        mmr_lambda: float = 0.7,
    ) -> None:
        self.damping = damping
        self.lead_prior = lead_prior
        self.bm25 = bm25
        self.mmr_lambda = mmr_lambda

    def rank(self, document: Document) -> Ranking:
        """Scores of every sentence; `counts` and `similarity` cover the ranked ones, the first GRAPH_SENTENCES."""
        sentences = document.sentences[:GRAPH_SENTENCES]
        if not sentences:
            return Ranking(np.zeros(0), np.zeros((0, 0)), np.zeros(0, dtype=int))
        counts, document_frequency = term_matrix(sentences)
        edges = bm25_similarity(counts, document_frequency) if self.bm25 else overlap_similarity(counts)
        positions = np.arange(len(sentences), dtype=float)
        prior = 1.0 / (positions + 1) if self.lead_prior else np.ones(len(sentences))
        scores = pagerank(edges, prior, self.damping) if edges.any() else prior / prior.sum()
        unranked = np.zeros(len(document.sentences) - len(sentences))
        return Ranking(np.concatenate([scores / scores.max(), unranked]), counts, document_frequency)

    def select(self, ranking: Ranking, count: int) -> list[int]:
        """Indices of the `count` best ranked sentences under MMR, in document order."""
        scores = ranking.scores[: len(ranking.counts)]
        chosen: list[int] = []
        redundancy = np.zeros(len(scores))  # each sentence's highest similarity to a chosen one
        while len(chosen) < min(count, len(scores)):
            if chosen:
                redundancy = np.maximum(redundancy, ranking.similarity[:, chosen[-1]])
            gains = self.mmr_lambda * scores - (1 - self.mmr_lambda) * redundancy
            gains[chosen] = -np.inf
            chosen.append(int(np.argmax(gains)))
        return sorted(chosen)

    def pick(self, document: Document, count: int) -> list[Sentence]:
        """The `count` sentences `select` picks from the document's own ranking, in document order."""
        return [document.sentences[index] for index in self.select(self.rank(document), count)]

"""Training and evaluation of the UPOS tagger (kholase.text.tagger) on CoNLL-U treebanks: scripts/train_tagger.py
builds the shipped model with these functions, and the tests rebuild it with them to check it is in step."""

from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from kholase.text.tagger import Tagger, features, tokenize

# Fixed, so that training is deterministic: the same data gives the same model.
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 100, "feature.possible_transitions": True}


@dataclass(frozen=True)
class Sentence:
    text: str
    tokens: list[str]
    tags: list[str]


def read_conllu(path: Path) -> list[Sentence]:
    """Sentences as surface tokens with UPOS tags; a multiword token (`3-4`, a word and its clitic) is one token with
    its host's tag, less any punctuation the treebank glued to it; empty nodes (`3.1`) are skipped."""
    sentences, text, rows = [], "", []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# text = "):
            text = line.removeprefix("# text = ")
        elif line and not line.startswith("#"):
            rows.append(line.split("\t"))
        elif rows:
            sentences.append(Sentence(text, *_surface(rows)))
            text, rows = "", []
    return sentences


def _surface(rows: list[list[str]]) -> tuple[list[str], list[str]]:
    words = {row[0]: (row[1], row[3]) for row in rows if row[0].isdigit()}
    tokens, tags, covered = [], [], 0
    for row in rows:
        if "-" in row[0]:
            first, last = map(int, row[0].split("-"))
            parts = [words[str(index)] for index in range(first, last + 1)]
            leading, trailing = _punctuation(parts), _punctuation(parts[::-1])[::-1]
            form = row[1][sum(len(word) for word, _ in leading):len(row[1]) - sum(len(word) for word, _ in trailing)]
            for word, tag in [*leading, (form, parts[len(leading)][1]), *trailing]:
                tokens.append(word)
                tags.append(tag)
            covered = last
        elif row[0].isdigit() and int(row[0]) > covered:
            tokens.append(row[1])
            tags.append(row[3])
    return tokens, tags


def _punctuation(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The punctuation marks at the start of a multiword token's words, never all of them."""
    count = 0
    while count < len(parts) - 1 and parts[count][1] == "PUNCT":
        count += 1
    return parts[:count]


def train(sentences: list[Sentence], path: Path) -> None:
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(PARAMS)
    for sentence in sentences:
        trainer.append(features(sentence.tokens), sentence.tags)
    trainer.train(str(path))


def accuracy(tagger: Tagger, sentences: list[Sentence]) -> float:
    """UPOS accuracy (%) on gold tokens."""
    right = sum(guess == gold for sentence in sentences
                for guess, gold in zip(tagger.tag(sentence.tokens), sentence.tags))
    return 100 * right / sum(len(sentence.tokens) for sentence in sentences)


def token_agreement(sentences: list[Sentence]) -> float:
    """Share (%) of the gold tokens whose span `tokenize` reproduces on the sentence's text."""
    found = total = 0
    for sentence in sentences:
        spans, position = set(tokenize(sentence.text)), 0
        for token in sentence.tokens:
            start = sentence.text.find(token, position)
            if start >= 0:
                found += (start, start + len(token)) in spans
                position = start + len(token)
        total += len(sentence.tokens)
    return 100 * found / total

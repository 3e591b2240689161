"""Universal POS tags (UPOS) for normalized Persian, so the headline builder can tell a finite verb, a preposition,
a number from the words around them.

A linear-chain CRF (python-crfsuite) trained by scripts/train_tagger.py on the Persian Dependency Treebank
(PerDT, Rasooli et al., UD_Persian-PerDT), licensed CC BY-SA 4.0; the shipped model, resources/pos_tagger.crfsuite,
is a derivative of it and carries that license (resources/POS_TAGGER_LICENSE.md). Tokens are the treebank's
surface tokens: a word with a pronoun clitic («پدرم») is one token, tagged as its host word.
"""

import gzip
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import pycrfsuite

DEFAULT_PATH = Path(__file__).parent / "resources" / "pos_tagger.crfsuite"
LEXICON_PATH = Path(__file__).parent / "resources" / "pos_lexicon.tsv.gz"
ZWNJ = "\u200c"
# A number with inner separators (۱۲.۵, 12/5, 31/10/1917, 8:30, 3-2) or a percent sign (۹۰٪); a run of letters,
# digits and marks, joined by half-spaces; or any other single character (each punctuation mark is its own token).
TOKEN = re.compile(r"\d+(?:[./:\-+٫٬]\d+)+[%٪]?|\d+[%٪]|[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c]+|\S")
DIGITS = re.compile(r"\d")
MAX_SENTENCE_TOKENS = 400


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character spans of the tokens of normalized Persian text, as the treebank tokenizes it."""
    return [match.span() for match in TOKEN.finditer(text)]


def _word_features(word: str, prefix: str) -> tuple[bytes, ...]:
    return _encoded(f"{prefix}w={word}", f"{prefix}s2={word[-2:]}", f"{prefix}s3={word[-3:]}")


def _encoded(*names: str) -> tuple[bytes, ...]:
    """Feature names as crfsuite reads them: encoded once here, where they are cached, not on every sentence."""
    return tuple(name.encode("utf-8") for name in names)


@dataclass(frozen=True)
class Lexicon:
    """What hazm's own word list says of a word: its part-of-speech tags there, or that it is a conjugated form of one
    of hazm's verbs; the treebank alone has too few words to tell «کره», «نکته» from verbs. Written from hazm once by
    scripts/train_tagger.py (`from_hazm`, `save`), so that loading it costs no more than reading a small file."""

    tags: dict[str, str]  # every word hazm lists -> its tags there joined by "+" («0»: listed with no tag)
    verb_forms: frozenset[str]

    @classmethod
    def from_hazm(cls) -> "Lexicon":
        from hazm import Conjugation
        from hazm.utils import verbs_list, words_list

        conjugation = Conjugation()
        forms = {form for verb in verbs_list() for form in conjugation.get_all(verb) if form and " " not in form}
        return cls({word: "+".join(tags) for word, _, tags in words_list()}, frozenset(forms))

    def save(self, path: Path) -> None:
        """Gzipped rows «word, tags, verb form?», sorted and stamped with no time: the same lexicon, the same bytes."""
        rows = [f"{word}\t{self.tags.get(word, '')}\t{int(word in self.verb_forms)}\n"
                for word in sorted(self.tags.keys() | self.verb_forms)]
        path.write_bytes(gzip.compress("".join(rows).encode("utf-8"), mtime=0))

    @classmethod
    def load(cls, path: Path = LEXICON_PATH) -> "Lexicon":
        tags, forms, combinations = {}, set(), {}
        with gzip.open(path, "rt", encoding="utf-8") as rows:
            for row in rows:
                word, tag, verb = row.rstrip("\n").split("\t")
                if tag:
                    tags[word] = combinations.setdefault(tag, tag)  # a few hundred tag sets, each stored once
                if verb == "1":
                    forms.add(word)
        return cls(tags, frozenset(forms))

    def features(self, word: str) -> list[str]:
        tags = self.tags.get(word)
        found = [f"lex={tag}" for tag in tags.split("+")] if tags else ["oov"]
        return [*found, "verb_form"] if word in self.verb_forms else found


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon, loaded once and shared."""
    return Lexicon.load()


@lru_cache(maxsize=1 << 16)
def _lexicon_features(word: str) -> tuple[tuple[bytes, ...], tuple[bytes, ...], tuple[bytes, ...]]:
    """A word's lexicon features as itself, as the word before and as the word after: news repeats its words."""
    own = lexicon().features(word)
    return _encoded(*own), _encoded(*(f"-1{name}" for name in own)), _encoded(*(f"+1{name}" for name in own))


@lru_cache(maxsize=1 << 16)
def _own_features(word: str) -> tuple[bytes, ...]:
    """A lowercased word's features of itself: the word, its shape and affixes."""
    bare = word.replace(ZWNJ, "")
    found = [
        f"w={word}", f"shape={DIGITS.sub('0', word)}",
        f"s1={bare[-1:]}", f"s2={bare[-2:]}", f"s3={bare[-3:]}", f"s4={bare[-4:]}",
        f"p1={bare[:1]}", f"p2={bare[:2]}", f"p3={bare[:3]}",
    ]
    if ZWNJ in word:
        found.append(f"zwnj={word.split(ZWNJ, 1)[0]}|{word.rsplit(ZWNJ, 1)[1]}")
    if bare.isdigit():
        found.append("digit")
    elif word and unicodedata.category(word[0]).startswith(("P", "S")):
        found.append("punct")
    return _encoded(*found)


@lru_cache(maxsize=1 << 16)
def _neighbour_features(word: str) -> tuple[tuple[bytes, ...], tuple[bytes, ...]]:
    """A lowercased word's features as the word before and as the word after."""
    return _word_features(word, "-1"), _word_features(word, "+1")


def features(tokens: list[str]) -> list[list[bytes]]:
    """CRF features of each token: the word, its affixes and shape, what hazm's lexicon says of it, and its
    neighbours (training and tagging), UTF-8 encoded. Each word's share is built once and kept: news repeats its
    words."""
    words = [token.lower() for token in tokens]
    encoded = [word.encode("utf-8") for word in words]
    known = [_lexicon_features(token) for token in tokens]
    around = [_neighbour_features(word) for word in words]
    result = []
    for index, word in enumerate(words):
        found = [*_own_features(word), *known[index][0]]
        found.extend(around[index - 1][0] if index else (b"BOS",))
        found.extend(around[index + 1][1] if index + 1 < len(words) else (b"EOS",))
        if index:
            found.extend(known[index - 1][1])
        if index + 1 < len(words):
            found.extend(known[index + 1][2])
        if index > 1:
            found.append(b"-2w=" + encoded[index - 2])
        if index + 2 < len(words):
            found.append(b"+2w=" + encoded[index + 2])
        result.append(found)
    return result


@dataclass(frozen=True)
class Tagger:
    model: pycrfsuite.Tagger
    # crfsuite's tagger keeps the sequence it tags in itself: one sentence at a time across threads.
    lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> "Tagger":
        model = pycrfsuite.Tagger()
        model.open(str(path))
        return cls(model)

    def tag(self, tokens: list[str]) -> list[str]:
        """The UPOS tag of each token (NOUN, VERB, AUX, ADP, NUM, PUNCT, ...)."""
        if not tokens:
            return []
        sequence = features(tokens)
        with self.lock:
            return self.model.tag(sequence)


@cache
def tagger() -> Tagger:
    """The shipped model, loaded once and shared."""
    return Tagger.load()


VERB_TAGS = frozenset(("VERB", "AUX"))  # a finite verb or its auxiliary


class Token(NamedTuple):
    """A token of the text, its UPOS tag and where it starts (a tuple: a sentence makes hundreds)."""

    text: str
    tag: str
    start: int


def tagged(text: str) -> list[Token]:
    """The text's tokens with their part-of-speech tags; none for a text longer than any sentence (every dev opening
    sentence has under 200 tokens), so hostile or unsplit input costs no tagging."""
    return list(_tagged(text))


@lru_cache(maxsize=256)  # the headline, the summary and the claims each read some of the same sentences
def _tagged(text: str) -> tuple[Token, ...]:
    spans = tokenize(text)
    if len(spans) > MAX_SENTENCE_TOKENS:
        return ()
    words = [text[start:end] for start, end in spans]
    return tuple(Token(word, tag, start) for word, tag, (start, _) in zip(words, tagger().tag(words), spans))

"""Sentences with their offsets, and word forms that compare equal with or without half-spaces."""

import re
from dataclasses import dataclass
from functools import lru_cache

from kholase.text import lexicon
from kholase.text.clean import ZWNJ, CleanText

WORD = re.compile(r"[\w\u200c]+")
# A link word the writer typed twice («… به ثمر رسانده و و زیدان …»): output that quotes the source says it once.
DOUBLED_WORD = re.compile(r"(?<!\S)(و|که|را|از|به|در)(?:\s+\1)+(?!\S)")
SENTENCE_END = re.compile(r"[.!?؟…]+[»\"')\]]*(?=\s)|[.!?؟…]+[»\"')\]]*$")
# A full stop between Latin letters is inside an address or abbreviation («WWW. IIFUT. COM»), not a sentence's end.
LATIN_STOP = re.compile(r"(?<=[A-Za-z])\.\s+(?=[A-Za-z])")
MIN_SENTENCE_WORDS = 3
# News words that carry no content but appear everywhere; hazm's list lacks them.
NEWS_STOP_WORDS = (
    "گزارش", "خبرگزاری", "خبرنگار", "نقل", "فارس", "ایرنا", "ایسنا", "مهر", "تسنیم", "ورزش", "سه", "اظهار", "داشت",
    "افزود", "گفت", "کرد", "کردند", "گفته", "بیان", "اشاره", "تصریح", "ادامه", "همچنین", "وی", "این", "آن",
)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the cleaned text: `start`/`end` index the cleaned text, `terms` are its content-word forms."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Document:
    """An article after cleaning and splitting: what every engine receives."""

    clean: CleanText
    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        return self.clean.text


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    return frozenset(word_form(word) for word in (*lexicon.stopwords(), *NEWS_STOP_WORDS))


@lru_cache(maxsize=100_000)
def word_form(word: str) -> str:
    """Half-space-insensitive, lightly stemmed form: `کمک‌های`, `کمکهای` and `کمک` all give `کمک`."""
    word = word.replace(ZWNJ, "").lower()
    stem = lexicon.stemmer().stem(word)
    return stem if len(stem) >= 2 else word


def words(text: str) -> list[str]:
    return WORD.findall(text)


@lru_cache(maxsize=100_000)
def _content_term(word: str) -> str | None:
    """The word's form, or None for a stop word or a number."""
    form = word_form(word)
    return None if form in stop_words() or form.isdigit() else form


def content_terms(tokens: list[str]) -> tuple[str, ...]:
    return tuple([term for term in map(_content_term, tokens) if term is not None])


def _split_paragraph(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans in a paragraph, split where hazm's sentence tokenizer splits (. ! ? ؟ before a space), except
    at a full stop between Latin letters."""
    ends = [match.end() for match in SENTENCE_END.finditer(paragraph) if not LATIN_STOP.match(paragraph, match.start())]
    trimmed = []
    for begin, end in zip([0, *ends], [*ends, len(paragraph)]):
        piece = paragraph[begin:end]
        stripped = piece.strip()
        if stripped:
            begin += len(piece) - len(piece.lstrip())
            trimmed.append((begin, begin + len(stripped)))
    return trimmed


def split_sentences(clean: CleanText) -> Document:
    """Split on lines first (titles and sub-heads carry no full stop), then on sentence punctuation."""
    sentences: list[Sentence] = []
    position = 0
    for paragraph_index, paragraph in enumerate(clean.text.split("\n")):
        pending: tuple[int, list[str]] | None = None  # where a fragment too short to stand alone began, its words
        for begin, end in _split_paragraph(paragraph):
            tokens = words(paragraph[begin:end])
            if pending is not None:  # glue it onto this piece (an abbreviation's dot); words never span the seam
                begin, tokens = pending[0], pending[1] + tokens
            if len(tokens) < MIN_SENTENCE_WORDS and end < len(paragraph):
                pending = (begin, tokens)
                continue
            pending = None
            text = paragraph[begin:end]
            sentences.append(
                Sentence(
                    index=len(sentences),
                    text=text,
                    start=position + begin,
                    end=position + end,
                    paragraph=paragraph_index,
                    terms=content_terms(tokens),
                )
            )
        position += len(paragraph) + 1
    return Document(clean=clean, sentences=tuple(sentences))

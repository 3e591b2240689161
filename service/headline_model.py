"""Learned headline: the best window of the article's own words inside its opening sentences.

Newsroom titles are compressed statements («ارائه خدمات برخط بانکی در دفاتر روستایی امکان‌پذیر می‌شود»): the words
come from the first sentences, minus the frame, the speaker and the trailing clauses. Picking one sentence caps a
headline near ROUGE-1 30, picking the right window near 50; a linear model over window features (where it starts
and ends, what it contains, how central its words are) ranks every window of 4..max_words words.

Features are built in one vectorized pass over the words of all opening sentences (windows never cross a sentence,
so differences of running sums over the joined words give every window's sums); the per-word facts that depend only
on the word itself are cached.
"""

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np

from service.attribution import SPEECH_VERB, attribute
from service.engines.learned import LinearModel, load_resource
from service.headline import DANGLING, MIN_WORDS, tidy
from service.text.sentences import WORD, Document, Sentence, stop_words, word_form

HEADLINE_SENTENCES = 5
PUNCTUATION = re.compile(r"[،,:؛;.!؟?«»()\-–—]")
SPEECH = re.compile(SPEECH_VERB)
WEAK_START = frozenset("و که را تا اما ولی نیز هم همچنین وی او این آن به با از در".split())
VERB_ENDINGS = ("شد", "شود", "شوند", "شدند", "کرد", "کند", "کنند", "کردند", "است", "اند", "دارد", "دارند", "داد",
                "دهد", "دهند", "رسید", "رسد", "گرفت", "گیرد", "یابد", "یافت", "ماند", "خواهد", "نیست", "بود")
MAX_SENTENCE_WORDS = 60
MAX_WORDS = 14
BAD_START = frozenset("و که را تا یا اما ولی".split())

WORD_FEATURES = ("stop", "central", "frequent", "outside_statement", "digit", "latin", "speech")
START_FEATURES = ("start_sentence", "start_statement", "start_after_punct", "start_weak", "start_after_ke")
END_FEATURES = ("end_sentence", "end_before_punct", "end_dangling", "end_verb", "end_before_ke_va")
LEXICAL_FEATURES = ("mean_title_rate", "min_title_rate", "first_title_rate", "last_title_rate")
FEATURES = (
    *(f"mean_{name}" for name in WORD_FEATURES),
    "sum_central",
    *START_FEATURES,
    *END_FEATURES,
    *(f"length_{n}" for n in range(MIN_WORDS, 15)),
    *(f"sentence_{i}" for i in range(HEADLINE_SENTENCES)),
    "inner_punct",
    "sentence_words",
    *LEXICAL_FEATURES,
)
# What a word says by itself, whatever its article: the columns of `_word_facts`.
STOP, DIGIT, LATIN, SPEECH_WORD, WEAK, BAD, DANGLES, VERB, IS_KE, KE_OR_VA = range(10)


@dataclass(frozen=True)
class TitleRates:
    """How often a word form seen in an article's opening sentences made it into the title (smoothed)."""

    rates: dict[str, float]
    default: float

    def of(self, forms: list[str]) -> np.ndarray:
        get, default = self.rates.get, self.default
        return np.array([get(form, default) for form in forms])


@lru_cache(maxsize=200_000)
def _word_facts(token: str) -> tuple[str, tuple[bool, ...]]:
    form = word_form(token)
    return form, (form in stop_words(), token.isdigit(), token.isascii(), bool(SPEECH.fullmatch(token)),
                  token in WEAK_START, token in BAD_START, token in DANGLING, token.endswith(VERB_ENDINGS),
                  token == "که", token in ("که", "و"))


@lru_cache(maxsize=256)
def _window_template(n: int, max_words: int) -> tuple[np.ndarray, np.ndarray]:
    """First and one-past-last word of every window of MIN_WORDS..max_words words in a sentence of n words."""
    lengths = range(MIN_WORDS, min(max_words, n) + 1)
    first = np.concatenate([np.arange(n - length + 1) for length in lengths]) if n >= MIN_WORDS else np.zeros(0, int)
    last = np.concatenate([np.arange(length, n + 1) for length in lengths]) if n >= MIN_WORDS else np.zeros(0, int)
    return first, last


@dataclass(frozen=True)
class Windows:
    """Every candidate window over the joined words of the opening sentences: `first` and `last` (one past the
    end) index those words; `sentence_of` says whose sentence; `matrix` holds one feature row per window."""

    sentences: list[Sentence]
    tokens: list[str]
    forms: list[str]
    word_sentence: np.ndarray
    word_start: np.ndarray
    word_end: np.ndarray
    sentence_of: np.ndarray
    first: np.ndarray
    last: np.ndarray
    matrix: np.ndarray

    def text(self, index: int) -> str:
        sentence = self.sentences[self.sentence_of[index]]
        return sentence.text[self.word_start[self.first[index]] : self.word_end[self.last[index] - 1]]

    def with_rates(self, rates: TitleRates) -> "Windows":
        """The same windows with their lexical columns computed from `rates`."""
        word_rates = rates.of(self.forms)
        first, last = self.first, self.last
        cumulative = np.concatenate([[0.0], np.cumsum(word_rates)])
        # running minimum of rates over the next 1..MAX_WORDS words, row k for windows of k + 1 words
        padded = np.concatenate([word_rates, np.full(MAX_WORDS, np.inf)])
        minimum = np.empty((MAX_WORDS, len(word_rates)))
        minimum[0] = word_rates
        for offset in range(1, MAX_WORDS):
            minimum[offset] = np.minimum(minimum[offset - 1], padded[offset : offset + len(word_rates)])
        matrix = self.matrix.copy()
        matrix[:, -len(LEXICAL_FEATURES) :] = np.column_stack([
            (cumulative[last] - cumulative[first]) / (last - first),
            minimum[last - first - 1, first],
            word_rates[first],
            word_rates[last - 1],
        ])
        return Windows(self.sentences, self.tokens, self.forms, self.word_sentence, self.word_start, self.word_end,
                       self.sentence_of, first, last, matrix)


def windows(document: Document, max_words: int = MAX_WORDS, rates: TitleRates | None = None) -> Windows:
    """All windows of MIN_WORDS..max_words words in the first HEADLINE_SENTENCES sentences, with their features
    (lexical columns only when `rates` are given)."""
    frequency = Counter(chain.from_iterable(set(sentence.terms) for sentence in document.sentences))
    opening = list(document.sentences[:HEADLINE_SENTENCES])
    tokens, starts, ends, sentence_lengths, statements, punct_after = [], [], [], [], [], []
    for sentence in opening:
        text = sentence.text
        matches = list(WORD.finditer(text))[:MAX_SENTENCE_WORDS]
        n = len(matches)
        tokens += [match.group() for match in matches]
        starts += [match.start() for match in matches]
        ends += [match.end() for match in matches]
        sentence_lengths.append(n)
        attribution = attribute(text) if n >= MIN_WORDS else None
        statements.append((attribution.statement_start, attribution.statement_end) if attribution else (0, 0))
        # whether punctuation follows each word, up to the next word (the last word: up to the sentence's end)
        next_starts = [match.start() for match in matches[1:]] + [len(text)]
        punct_after += [PUNCTUATION.search(text, match.end(), until) is not None
                        for match, until in zip(matches, next_starts)]
    facts = [_word_facts(token) for token in tokens]
    forms = [form for form, _ in facts]
    flags = np.array([flag for _, flag in facts], bool).reshape(len(tokens), 10)
    lengths = np.array(sentence_lengths)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    word_sentence = np.repeat(np.arange(len(opening)), lengths)
    word_start, word_end = np.array(starts, int), np.array(ends, int)
    punct_after = np.array(punct_after, bool)
    punct_before = np.zeros(len(tokens), bool)
    punct_before[1:] = punct_after[:-1]
    punct_before[offsets[:-1][lengths > 0]] = False

    statement = np.array(statements, int).reshape(-1, 2)[word_sentence]
    inside = (statement[:, 0] <= word_start) & (word_start < np.maximum(statement[:, 1], statement[:, 0] + 1))
    after_statement = word_start >= statement[:, 0]
    statement_word = offsets[:-1].copy()  # the first word at or after the statement's start, else the first word
    found = np.flatnonzero(after_statement & ~np.r_[False, after_statement[:-1] & (word_sentence[1:] == word_sentence[:-1])])
    statement_word[word_sentence[found]] = found

    counts = np.array([frequency.get(form, 0) for form in forms], float)
    is_stop = flags[:, STOP]
    central = np.where(is_stop, 0.0, np.maximum(counts - 1, 0) / max(len(document.sentences) - 1, 1))
    per_word = np.column_stack([is_stop, central, np.where(is_stop, 0.0, np.log1p(counts)), ~inside,
                                flags[:, DIGIT], flags[:, LATIN], flags[:, SPEECH_WORD]]).astype(float)

    templates = [_window_template(n, max_words) for n in sentence_lengths]
    first = np.concatenate([template[0] + offset for template, offset in zip(templates, offsets)]).astype(int)
    last = np.concatenate([template[1] + offset for template, offset in zip(templates, offsets)]).astype(int)
    sentence_of = np.repeat(np.arange(len(opening)), [len(template[0]) for template in templates])
    # A headline never opens on a conjunction or object marker nor ends on a preposition: it would read cut off.
    allowed = ~flags[first, BAD] & ~flags[last - 1, DANGLES]
    first, last, sentence_of = first[allowed], last[allowed], sentence_of[allowed]
    sentence_start, sentence_end = offsets[sentence_of], offsets[sentence_of + 1]
    ends_sentence = last == sentence_end
    cumulative = np.vstack([np.zeros(per_word.shape[1]), np.cumsum(per_word, axis=0)])
    punct_cumulative = np.concatenate([[0], np.cumsum(punct_before)])
    window_lengths = last - first
    length_onehot = np.zeros((len(first), 15 - MIN_WORDS))
    length_onehot[np.arange(len(first)), np.minimum(window_lengths, 14) - MIN_WORDS] = 1
    sentence_onehot = np.zeros((len(first), HEADLINE_SENTENCES))
    sentence_onehot[np.arange(len(first)), sentence_of] = 1
    next_word = np.minimum(last, len(tokens) - 1)
    matrix = np.column_stack([
        (cumulative[last] - cumulative[first]) / window_lengths[:, None],
        cumulative[last, 1] - cumulative[first, 1],
        first == sentence_start,
        first == statement_word[sentence_of],
        punct_before[first],
        flags[first, WEAK],
        (first > sentence_start) & flags[first - 1, IS_KE],
        ends_sentence,
        punct_after[last - 1],
        flags[last - 1, DANGLES],
        flags[last - 1, VERB],
        ~ends_sentence & flags[next_word, KE_OR_VA],
        length_onehot,
        sentence_onehot,
        punct_cumulative[last] - punct_cumulative[first + 1],
        np.log(np.maximum(sentence_end - sentence_start, 1)),
        np.zeros((len(first), len(LEXICAL_FEATURES))),
    ])
    candidates = Windows(opening, tokens, forms, word_sentence, word_start, word_end, sentence_of, first, last, matrix)
    return candidates.with_rates(rates) if rates is not None else candidates


@lru_cache(maxsize=1)
def shipped_model() -> tuple[LinearModel, TitleRates]:
    data = load_resource("headline_model")
    return LinearModel.from_json(data["model"]), TitleRates(data["title_rates"], data["default_rate"])


def learned_headline(document: Document, max_words: int = MAX_WORDS,
                     model: tuple[LinearModel, TitleRates] | None = None) -> str | None:
    """The best-scoring window, or None when the opening sentences are too short to hold one."""
    weights, rates = model or shipped_model()
    candidates = windows(document, min(max_words, MAX_WORDS), rates)
    if not len(candidates.first):
        return None
    for index in np.argsort(-weights.score(candidates.matrix)):
        headline = tidy(candidates.text(int(index)))
        if len(headline.split()) <= max_words:  # a window counts words; a dash or a lone sign splits off too
            return headline
    return None

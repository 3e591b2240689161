"""Learned headline: the best window of the article's own words inside its opening sentences.

Newsroom titles are compressed statements («ارائه خدمات برخط بانکی در دفاتر روستایی امکان‌پذیر می‌شود»): the words
come from the first sentences, minus the frame, the speaker and the trailing clauses. Picking one sentence caps a
headline near ROUGE-1 30, picking the right window near 50; a linear model over window features (where it starts
and ends, what it contains, how central its words are) ranks every window of 4..max_words words.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

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


@dataclass(frozen=True)
class TitleRates:
    """How often a word form seen in an article's opening sentences made it into the title (smoothed)."""

    rates: dict[str, float]
    default: float

    def of(self, forms: list[str]) -> np.ndarray:
        return np.array([self.rates.get(form, self.default) for form in forms])


@dataclass(frozen=True)
class Windows:
    """Every candidate window: its sentence, its first and one-past-last word, and its feature row."""

    sentences: list[Sentence]
    spans: list[list[tuple[int, int]]]
    forms: list[list[str]]
    sentence_of: np.ndarray
    first: np.ndarray
    last: np.ndarray
    matrix: np.ndarray

    def text(self, index: int) -> str:
        sentence, spans = self.sentences[self.sentence_of[index]], self.spans[self.sentence_of[index]]
        return sentence.text[spans[self.first[index]][0] : spans[self.last[index] - 1][1]]

    def with_rates(self, rates: TitleRates) -> "Windows":
        """The same windows with their lexical columns computed from `rates`."""
        columns = np.zeros((len(self.first), len(LEXICAL_FEATURES)))
        for position, forms in enumerate(self.forms):
            rows = np.flatnonzero(self.sentence_of == position)
            if not len(rows):
                continue
            word_rates = rates.of(forms)
            first, last = self.first[rows], self.last[rows]
            cumulative = np.concatenate([[0.0], np.cumsum(word_rates)])
            padded = np.concatenate([word_rates, np.full(MAX_WORDS, np.inf)])
            minimum = np.full(len(rows), np.inf)
            for offset in range(MAX_WORDS):
                inside = offset < last - first
                minimum = np.where(inside, np.minimum(minimum, padded[first + offset]), minimum)
            columns[rows] = np.column_stack([
                (cumulative[last] - cumulative[first]) / (last - first),
                minimum,
                word_rates[first],
                word_rates[last - 1],
            ])
        matrix = self.matrix.copy()
        matrix[:, -len(LEXICAL_FEATURES) :] = columns
        return Windows(self.sentences, self.spans, self.forms, self.sentence_of, self.first, self.last, matrix)


def _sentence_windows(sentence: Sentence, position: int, frequency: dict[str, int], n_sentences: int,
                      max_words: int) -> tuple[list[tuple[int, int]], list[str], np.ndarray, np.ndarray, np.ndarray]:
    text = sentence.text
    matches = list(WORD.finditer(text))[:MAX_SENTENCE_WORDS]
    spans = [(match.start(), match.end()) for match in matches]
    tokens = [match.group() for match in matches]
    forms = [word_form(token) for token in tokens]
    n = len(tokens)
    if n < MIN_WORDS:
        return spans, forms, np.zeros(0, int), np.zeros(0, int), np.zeros((0, len(FEATURES)))
    attribution = attribute(text)
    stops = stop_words()
    is_stop = np.array([form in stops for form in forms], float)
    counts = np.array([frequency.get(form, 0) for form in forms], float)
    central = np.where(is_stop > 0, 0.0, np.maximum(counts - 1, 0) / max(n_sentences - 1, 1))
    per_word = np.column_stack([
        is_stop,
        central,
        np.where(is_stop > 0, 0.0, np.log1p(counts)),
        [not attribution.statement_start <= start < max(attribution.statement_end, attribution.statement_start + 1)
         for start, _ in spans],
        [token.isdigit() for token in tokens],
        [token.isascii() for token in tokens],
        [bool(SPEECH.fullmatch(token)) for token in tokens],
    ]).astype(float)
    cumulative = np.vstack([np.zeros(per_word.shape[1]), np.cumsum(per_word, axis=0)])
    central_cumulative = np.concatenate([[0.0], np.cumsum(central)])
    gaps = [text[spans[k - 1][1] : spans[k][0]] if k > 0 else "" for k in range(n)] + [text[spans[-1][1] :]]
    punct_gap = np.array([bool(PUNCTUATION.search(gap)) for gap in gaps], float)
    punct_cumulative = np.concatenate([[0.0], np.cumsum(punct_gap[1:n])])
    statement_word = next((k for k, (start, _) in enumerate(spans) if start >= attribution.statement_start), 0)
    start_rows = np.column_stack([
        np.arange(n) == 0,
        np.arange(n) == statement_word,
        punct_gap[:n],
        [token in WEAK_START for token in tokens],
        [k > 0 and tokens[k - 1] == "که" for k in range(n)],
    ]).astype(float)
    end_rows = np.column_stack([  # indexed by the window's end (one past its last word), 1..n
        np.arange(1, n + 1) == n,
        punct_gap[1 : n + 1],
        [token in DANGLING for token in tokens],
        [token.endswith(VERB_ENDINGS) for token in tokens],
        [k + 1 < n and tokens[k + 1] in ("که", "و") for k in range(n)],
    ]).astype(float)

    first, last = [], []
    for length in range(MIN_WORDS, min(max_words, n) + 1):
        starts = np.arange(0, n - length + 1)
        first.append(starts)
        last.append(starts + length)
    first, last = np.concatenate(first), np.concatenate(last)
    # A headline never opens on a conjunction or object marker nor ends on a preposition: it would read cut off.
    bad_start = np.array([token in BAD_START for token in tokens])
    allowed = ~bad_start[first] & ~end_rows[last - 1, 2].astype(bool)  # column 2: the last word dangles
    first, last = first[allowed], last[allowed]
    lengths = last - first
    length_onehot = np.zeros((len(first), 15 - MIN_WORDS))
    length_onehot[np.arange(len(first)), np.minimum(lengths, 14) - MIN_WORDS] = 1
    sentence_onehot = np.zeros((len(first), HEADLINE_SENTENCES))
    sentence_onehot[:, position] = 1
    matrix = np.column_stack([
        (cumulative[last] - cumulative[first]) / lengths[:, None],
        central_cumulative[last] - central_cumulative[first],
        start_rows[first],
        end_rows[last - 1],
        length_onehot,
        sentence_onehot,
        punct_cumulative[last - 1] - punct_cumulative[first],
        np.full(len(first), np.log(n)),
        np.zeros((len(first), len(LEXICAL_FEATURES))),
    ])
    return spans, forms, first, last, matrix


def windows(document: Document, max_words: int = MAX_WORDS, rates: TitleRates | None = None) -> Windows:
    """All windows of MIN_WORDS..max_words words in the first HEADLINE_SENTENCES sentences, with their features
    (lexical columns only when `rates` are given)."""
    frequency: dict[str, int] = {}
    for sentence in document.sentences:
        for term in set(sentence.terms):
            frequency[term] = frequency.get(term, 0) + 1
    opening = list(document.sentences[:HEADLINE_SENTENCES])
    all_spans, all_forms, sentence_of, firsts, lasts, matrices = [], [], [], [], [], []
    for position, sentence in enumerate(opening):
        spans, forms, first, last, matrix = _sentence_windows(
            sentence, position, frequency, len(document.sentences), max_words
        )
        all_spans.append(spans)
        all_forms.append(forms)
        sentence_of.append(np.full(len(first), position))
        firsts.append(first)
        lasts.append(last)
        matrices.append(matrix)
    candidates = Windows(opening, all_spans, all_forms, np.concatenate(sentence_of).astype(int),
                         np.concatenate(firsts).astype(int), np.concatenate(lasts).astype(int), np.vstack(matrices))
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

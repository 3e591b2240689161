"""Learned headline: the best window of the article's own words inside its opening sentences.

Newsroom titles are compressed statements («ارائه خدمات برخط بانکی در دفاتر روستایی امکان‌پذیر می‌شود»): the words
come from the first sentences, minus the frame, the speaker and the trailing clauses. Picking one sentence caps a
headline near ROUGE-1 30, picking the right window near 50; a linear model ranks every window of 4..max_words words.

Every feature of a window is one of: the mean or the sum of a per-word column over its words (stop word, centrality,
outside the quoted statement, title rate …), a per-word column read at its first word (opens the sentence or the
statement, follows punctuation, opens the news of «از … خبر داد», how often titles open with it …) or at its last
word (ends the sentence, a verb, closes the news before «خبر داد» or «را اعلام کرد», how often titles close with it
…), its length, its sentence, and the lowest title rate of its words. Title rates
are cross-fitted shares of articles whose title kept (opened with, closed with) a word of their opening.
Because a window never crosses a sentence, differences of running sums over the joined opening words give every
window's sums at once; and because the model is linear, scoring folds its weights into those per-word columns
first, so the full window×feature matrix is only built for training.
"""

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from kholase.extractive.attribution import SPEECH_VERB, attribute
from kholase.extractive.headline import DANGLING, MIN_WORDS, tidy
from kholase.extractive.learned import RESOURCES, LearnedRanker, LinearModel, column, feature_matrix, with_columns
from kholase.text.sentences import WORD, Document, Sentence, stop_words, word_form

HEADLINE_SENTENCES = 5
PUNCTUATION = re.compile(r"[،,:؛;.!؟?«»()\-–—]")
SPEECH = re.compile(SPEECH_VERB)
WEAK_START = frozenset("و که را تا اما ولی نیز هم همچنین وی او این آن به با از در".split())
VERB_ENDINGS = ("شد", "شود", "شوند", "شدند", "کرد", "کند", "کنند", "کردند", "است", "اند", "دارد", "دارند", "داد",
                "دهد", "دهند", "رسید", "رسد", "گرفت", "گیرد", "یابد", "یافت", "ماند", "خواهد", "نیست", "بود")
MAX_SENTENCE_WORDS = 60
MAX_WORDS = 14
BAD_START = frozenset("و که را تا یا اما ولی".split())
# «… از [news] خبر داد» and «… [news] را اعلام کرد»: newsrooms title with the news between the frame's words.
REPORTED = frozenset(("داد", "دادند", "داده", "دهد", "می‌دهد"))
ANNOUNCED = frozenset(("اعلام", "تشریح", "تبیین", "تکذیب", "تایید", "تأیید"))

MEAN_FEATURES = ("mean_stop", "mean_central", "mean_frequent", "mean_outside_statement", "mean_digit", "mean_latin",
                 "mean_speech", "mean_title_rate")
SUM_FEATURES = ("sum_central", "sum_punct_before")
START_FEATURES = ("start_sentence", "start_statement", "start_after_punct", "start_weak", "start_after_ke",
                  "start_reported_news", "first_title_rate", "before_title_rate", "first_opens_rate")
END_FEATURES = ("end_sentence", "end_before_punct", "end_verb", "end_before_ke_va", "end_reported_news",
                "last_title_rate", "after_title_rate", "last_closes_rate")
LENGTH_FEATURES = tuple(f"length_{n}" for n in range(MIN_WORDS, MAX_WORDS + 1))
SENTENCE_FEATURES = (*(f"sentence_{i}" for i in range(HEADLINE_SENTENCES)), "sentence_words")
FEATURES = (*MEAN_FEATURES, *SUM_FEATURES, *START_FEATURES, *END_FEATURES, *LENGTH_FEATURES, *SENTENCE_FEATURES,
            "min_title_rate")
# What a word says by itself, whatever its article: the columns of `_word_facts`.
STOP, DIGIT, LATIN, SPEECH_WORD, WEAK, BAD, DANGLES, VERB, IS_KE, KE_OR_VA, IS_AZ, IS_KHABAR, IS_RA, REPORTS, \
    ANNOUNCES = FACT_BITS = range(15)


@dataclass(frozen=True)
class TitleRates:
    """How often a word form seen in an article's opening sentences made it into the title (smoothed); how often it
    opened or closed the title (words that never did are left out: 0)."""

    rates: dict[str, float]
    default: float
    opens: dict[str, float]
    closes: dict[str, float]

    def to_json(self) -> dict:
        return {"title_rates": self.rates, "default_rate": self.default, "opening_rates": self.opens,
                "closing_rates": self.closes}

    @classmethod
    def from_json(cls, data: dict) -> "TitleRates":
        return cls(data["title_rates"], data["default_rate"], data["opening_rates"], data["closing_rates"])

    @cached_property
    def _lookup(self) -> tuple[dict[str, int], np.ndarray]:
        """Row of every known form in one table of (rate, opening rate, closing rate); the last row for the rest."""
        index = {form: row for row, form in enumerate(sorted({*self.rates, *self.opens, *self.closes}))}
        table = np.array([(self.rates.get(form, self.default), self.opens.get(form, 0.0), self.closes.get(form, 0.0))
                          for form in index] + [(self.default, 0.0, 0.0)]).reshape(-1, 3)
        return index, table

    def of(self, forms: list[str]) -> np.ndarray:
        """Per word: its title rate, opening rate and closing rate."""
        index, table = self._lookup
        get, unknown = index.get, len(index)
        return table[[get(form, unknown) for form in forms]]


@lru_cache(maxsize=200_000)
def _word_facts(token: str) -> tuple[str, int]:
    """The word's form, and the facts below as bits (bit STOP, DIGIT, …) so that they unpack in one array operation."""
    form = word_form(token)
    facts = (form in stop_words(), token.isdigit(), token.isascii(), bool(SPEECH.fullmatch(token)),
             token in WEAK_START, token in BAD_START, token in DANGLING, token.endswith(VERB_ENDINGS),
             token == "که", token in ("که", "و"), token == "از", token == "خبر", token == "را", token in REPORTED,
             token in ANNOUNCED)
    return form, sum(1 << bit for bit, fact in enumerate(facts) if fact)


def _shift(values: np.ndarray, by: int) -> np.ndarray:
    """`values` moved `by` places later (earlier when negative); the ends filled with zeros, never wrapped."""
    shifted = np.zeros_like(values)
    if by > 0:
        shifted[by:] = values[:-by]
    else:
        shifted[:by] = values[-by:]
    return shifted


@lru_cache(maxsize=256)
def _window_template(n: int, max_words: int) -> tuple[np.ndarray, np.ndarray]:
    """First and one-past-last word of every window of MIN_WORDS..max_words words in a sentence of n words."""
    lengths = range(MIN_WORDS, min(max_words, n) + 1)
    if n < MIN_WORDS:
        return np.zeros(0, int), np.zeros(0, int)
    return (np.concatenate([np.arange(n - length + 1) for length in lengths]),
            np.concatenate([np.arange(length, n + 1) for length in lengths]))


def _running(columns: np.ndarray) -> np.ndarray:
    return np.concatenate([np.zeros((1, *columns.shape[1:])), np.cumsum(columns, axis=0)])


@dataclass(frozen=True)
class Windows:
    """Every candidate window over the joined words of the opening sentences: `first` and `last` (one past the end)
    index those words, `sentence_of` says whose sentence. The per-word tables `means`, `sums`, `starts`, `ends` and
    the per-sentence table hold the feature parts; rate columns are 0 until `with_rates`."""

    sentences: list[Sentence]
    tokens: list[str]
    forms: list[str]
    word_start: np.ndarray
    word_end: np.ndarray
    sentence_of: np.ndarray
    first: np.ndarray
    last: np.ndarray
    means: np.ndarray
    sums: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    per_sentence: np.ndarray
    minimum: np.ndarray  # per window: the lowest title rate of its words

    def text(self, index: int) -> str:
        sentence = self.sentences[self.sentence_of[index]]
        return sentence.text[self.word_start[self.first[index]] : self.word_end[self.last[index] - 1]]

    @property
    def matrix(self) -> np.ndarray:
        """One row of FEATURES per window (for training; scoring never builds it)."""
        first, last, lengths = self.first, self.last, self.last - self.first
        means, sums = _running(self.means), _running(self.sums)
        columns = {
            **dict(zip(MEAN_FEATURES, ((means[last] - means[first]) / lengths[:, None]).T)),
            **dict(zip(SUM_FEATURES, (sums[last] - sums[first]).T)),
            **dict(zip(START_FEATURES, self.starts[first].T)),
            **dict(zip(END_FEATURES, self.ends[last - 1].T)),
            **dict(zip(LENGTH_FEATURES, (np.arange(MIN_WORDS, MAX_WORDS + 1) == lengths[:, None]).T)),
            **dict(zip(SENTENCE_FEATURES, self.per_sentence[self.sentence_of].T)),
            "min_title_rate": self.minimum,
        }
        return feature_matrix(columns, FEATURES)

    def scores(self, model: LinearModel) -> np.ndarray:
        """The model's score of every window (up to a constant), from the per-word tables with the weights folded in."""
        means = _running(self.means @ model.folded(MEAN_FEATURES))
        sums = _running(self.sums @ model.folded(SUM_FEATURES))
        first, last, lengths = self.first, self.last, self.last - self.first
        return ((means[last] - means[first]) / lengths + sums[last] - sums[first]
                + (self.starts @ model.folded(START_FEATURES))[first]
                + (self.ends @ model.folded(END_FEATURES))[last - 1]
                + model.folded(LENGTH_FEATURES)[lengths - MIN_WORDS]
                + (self.per_sentence @ model.folded(SENTENCE_FEATURES))[self.sentence_of]
                + self.minimum * model.folded(("min_title_rate",))[0])

    def with_rates(self, rates: TitleRates) -> "Windows":
        """The same windows with their rate columns computed from `rates`."""
        word_rates, opens, closes = rates.of(self.forms).T
        opens_sentence = column(self.starts, START_FEATURES, "start_sentence")
        closes_sentence = column(self.ends, END_FEATURES, "end_sentence")
        means = with_columns(self.means, MEAN_FEATURES, {"mean_title_rate": word_rates})
        starts = with_columns(self.starts, START_FEATURES, {
            "first_title_rate": word_rates,
            "before_title_rate": _shift(word_rates, 1) * (1 - opens_sentence),  # none before a sentence's first word
            "first_opens_rate": opens,
        })
        ends = with_columns(self.ends, END_FEATURES, {
            "last_title_rate": word_rates,
            "after_title_rate": _shift(word_rates, -1) * (1 - closes_sentence),  # nor after its last
            "last_closes_rate": closes,
        })
        # from each word on, the lowest rate over the next 1..MAX_WORDS words
        padded = np.concatenate([word_rates, np.full(MAX_WORDS, np.inf)])  # a window for every word, none or more
        lowest = np.minimum.accumulate(sliding_window_view(padded, MAX_WORDS), axis=1)
        minimum = lowest[self.first, self.last - self.first - 1]
        return Windows(self.sentences, self.tokens, self.forms, self.word_start, self.word_end, self.sentence_of,
                       self.first, self.last, means, self.sums, starts, ends, self.per_sentence, minimum)


def _reported_news(flags: np.ndarray, word_sentence: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per word: it follows the «از» of a sentence that goes on to say «… خبر داد», and it is the last word before
    «خبر داد» or «را اعلام کرد» in its sentence."""
    two_on = _shift(word_sentence, -2) == word_sentence
    reports = _shift(flags[:, IS_KHABAR], -1) & _shift(flags[:, REPORTS], -2) & two_on
    announces = _shift(flags[:, IS_RA], -1) & _shift(flags[:, ANNOUNCES], -2) & two_on
    running = np.concatenate([[0], np.cumsum(reports)])
    reported_later = running[offsets[1:][word_sentence]] > running[:-1]  # a report from this word to its sentence end
    after_az = _shift(flags[:, IS_AZ], 1) & (_shift(word_sentence, 1) == word_sentence)
    return after_az & reported_later, reports | announces


def windows(document: Document, max_words: int = MAX_WORDS, rates: TitleRates | None = None) -> Windows:
    """All windows of MIN_WORDS..max_words words in the first HEADLINE_SENTENCES sentences, with their feature parts
    (rate columns only when `rates` are given)."""
    opening = list(document.sentences[:HEADLINE_SENTENCES])
    tokens, spans, sentence_lengths, statements, punctuation, text_ends = [], [], [], [], [], []
    for sentence in opening:
        text = sentence.text
        matches = list(WORD.finditer(text))[:MAX_SENTENCE_WORDS]
        tokens += [match.group() for match in matches]
        spans += [match.span() for match in matches]
        sentence_lengths.append(len(matches))
        attribution = attribute(text) if len(matches) >= MIN_WORDS else None
        statements.append((attribution.statement_start, attribution.statement_end) if attribution else (0, 0))
        # the sentences side by side, one character apart: where their punctuation and their ends fall
        base = text_ends[-1] + 1 if text_ends else 0
        punctuation += [base + match.start() for match in PUNCTUATION.finditer(text)]
        text_ends.append(base + len(text))
    forms, codes = zip(*map(_word_facts, tokens)) if tokens else ((), ())
    flags = (np.array(codes, int)[:, None] >> np.array(FACT_BITS) & 1).astype(bool)
    lengths = np.array(sentence_lengths)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    word_sentence = np.repeat(np.arange(len(opening)), lengths)
    word_start, word_end = np.fromiter(chain.from_iterable(spans), int, 2 * len(spans)).reshape(-1, 2).T
    opens_sentence = np.zeros(len(tokens), bool)
    opens_sentence[offsets[:-1][lengths > 0]] = True
    closes_sentence = np.zeros(len(tokens), bool)
    closes_sentence[offsets[1:][lengths > 0] - 1] = True
    # punctuation after a word: some falls between its end and the next word's start (or its sentence's end)
    base = np.array(text_ends, int) - [len(sentence.text) for sentence in opening]
    joined_end = word_end + base[word_sentence]
    joined_start = word_start + base[word_sentence]
    until = np.where(closes_sentence, np.array(text_ends, int)[word_sentence], _shift(joined_start, -1))
    punct_after = np.searchsorted(punctuation, until) > np.searchsorted(punctuation, joined_end)
    punct_before = _shift(punct_after, 1) & ~opens_sentence

    news_start, news_end = _reported_news(flags, word_sentence, offsets)

    statement = np.array(statements, int).reshape(-1, 2)[word_sentence]
    inside = (statement[:, 0] <= word_start) & (word_start < np.maximum(statement[:, 1], statement[:, 0] + 1))
    after_statement = word_start >= statement[:, 0]
    opens_statement = after_statement & (opens_sentence | ~_shift(after_statement, 1))
    # a sentence whose statement starts after its last word: its first word stands in
    no_statement = np.ones(len(opening), bool)
    no_statement[word_sentence[opens_statement]] = False
    opens_statement |= opens_sentence & no_statement[word_sentence]

    # in how many of the article's sentences each word of the opening occurs
    known = set(forms)
    frequency = dict.fromkeys(known, 0)
    frequency.update(Counter(chain.from_iterable(known.intersection(sentence.terms)
                                                 for sentence in document.sentences)))
    counts = np.array(list(map(frequency.__getitem__, forms)), float)
    is_stop = flags[:, STOP]
    central = np.where(is_stop, 0.0, np.maximum(counts - 1, 0) / max(len(document.sentences) - 1, 1))
    zeros = np.zeros(len(tokens))  # the rate columns, until `with_rates`
    means = feature_matrix({
        "mean_stop": is_stop, "mean_central": central, "mean_frequent": np.where(is_stop, 0.0, np.log1p(counts)),
        "mean_outside_statement": ~inside, "mean_digit": flags[:, DIGIT], "mean_latin": flags[:, LATIN],
        "mean_speech": flags[:, SPEECH_WORD], "mean_title_rate": zeros,
    }, MEAN_FEATURES)
    sums = feature_matrix({"sum_central": central, "sum_punct_before": punct_before}, SUM_FEATURES)
    starts_table = feature_matrix({
        "start_sentence": opens_sentence, "start_statement": opens_statement, "start_after_punct": punct_before,
        "start_weak": flags[:, WEAK], "start_after_ke": ~opens_sentence & _shift(flags[:, IS_KE], 1),
        "start_reported_news": news_start, "first_title_rate": zeros, "before_title_rate": zeros,
        "first_opens_rate": zeros,
    }, START_FEATURES)
    ends_table = feature_matrix({
        "end_sentence": closes_sentence, "end_before_punct": punct_after, "end_verb": flags[:, VERB],
        "end_before_ke_va": ~closes_sentence & _shift(flags[:, KE_OR_VA], -1), "end_reported_news": news_end,
        "last_title_rate": zeros, "after_title_rate": zeros, "last_closes_rate": zeros,
    }, END_FEATURES)
    sentence_numbers = np.arange(len(opening))
    per_sentence = feature_matrix({
        **{f"sentence_{i}": sentence_numbers == i for i in range(HEADLINE_SENTENCES)},
        "sentence_words": np.log(np.maximum(lengths, 1)),
    }, SENTENCE_FEATURES)

    templates = [_window_template(n, max_words) for n in sentence_lengths]
    first = np.concatenate([template[0] + offset for template, offset in zip(templates, offsets)]).astype(int)
    last = np.concatenate([template[1] + offset for template, offset in zip(templates, offsets)]).astype(int)
    sentence_of = np.repeat(np.arange(len(opening)), [len(template[0]) for template in templates])
    # A headline never opens on a conjunction or object marker nor ends on a preposition: it would read cut off.
    allowed = ~flags[first, BAD] & ~flags[last - 1, DANGLES]
    candidates = Windows(opening, tokens, forms, word_start, word_end, sentence_of[allowed],
                         first[allowed], last[allowed], means, sums, starts_table, ends_table, per_sentence,
                         np.zeros(int(allowed.sum())))
    return candidates.with_rates(rates) if rates is not None else candidates


@dataclass(frozen=True)
class HeadlineRanker(LearnedRanker):
    """The window model and its title rates: loaded once, called per article."""

    rates: TitleRates

    FEATURES = FEATURES
    PATH = RESOURCES / "headline_model.json"
    RATES = TitleRates

    def headline(self, document: Document, max_words: int = MAX_WORDS) -> str | None:
        """The best-scoring window, or None when the opening sentences are too short to hold one."""
        candidates = windows(document, min(max_words, MAX_WORDS), self.rates)
        if not len(candidates.first):
            return None
        scores = candidates.scores(self.model)
        best = tidy(candidates.text(int(np.argmax(scores))))
        if len(best.split()) <= max_words:
            return best
        for index in np.argsort(-scores):  # a window counts words; a dash or a lone sign splits off too
            headline = tidy(candidates.text(int(index)))
            if len(headline.split()) <= max_words:
                return headline
        return None

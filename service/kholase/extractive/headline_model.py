"""Learned headline: the best of the well-formed candidates, by a linear model fitted on newsroom titles.

Candidates come from `headline.candidates`, which only builds headlines that pass the hard check; the model chooses
among them and can never choose a fragment. Its features: the candidate's form and sentence, its length, what share
of the statement it kept, how central its words are in the article, and cross-fitted title rates (the share of
articles whose title kept, opened with or closed with a word of their opening).
"""

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

import numpy as np

from kholase.extractive.headline import FORMS, MATCH_PLAYED, OPENING_SENTENCES, OUTCOME, RESULT, Candidate, candidates
from kholase.extractive.learned import RESOURCES, LearnedRanker, feature_rows
from kholase.text.sentences import Document, stop_words, word_form

MAX_WORDS = 14
# «این جشنواره», «آن کشور», «شرکت مذکور»: a reference the headline cannot resolve on its own; the ranker's last
# resort in a tier
DEMONSTRATIVE = re.compile(r"(?:^|\s)(?:این|آن)\s+\S|\S\s+مذکور(?:\s|$)")
# «اخبار و عکس‌های این جشنواره …», «ریاست این حزب …»: a reference among a statement's first words points back past
# the headline, with no name before it that could resolve it
OPENING_REFERENCE_WORDS = 4
# «… میزبان اورلاندو مجیک بود», «… به پیروزی رسیده بودند», «تابستان ۲۰۱۴ بود که …»: what was the case before the news
PAST_PERFECT = frozenset(("بود", "بودند"))
HAD_BEEN = re.compile(r"\sبود\s+که\s")
RELATIVE_THAT = re.compile(r"(?:^|\s)که(?:\s|$)")  # «… که …» in the statement: a relative or complement clause
LONGEST = 60  # words of the longest candidate kept, for articles whose every clause is long
FEATURES = (
    *(f"form_{form}" for form in FORMS), *(f"sentence_{i}" for i in range(OPENING_SENTENCES)), "sentence_later",
    "words", "kept", "mean_central", "mean_stop", "has_digit", "mean_title_rate", "min_title_rate", "first_opens_rate",
    "last_closes_rate",
)
RATE_FEATURES = ("mean_title_rate", "min_title_rate", "first_opens_rate", "last_closes_rate")


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

    def of(self, forms: list[str]) -> dict[str, float]:
        rates = [self.rates.get(form, self.default) for form in forms] or [self.default]
        return {"mean_title_rate": float(np.mean(rates)), "min_title_rate": min(rates),
                "first_opens_rate": self.opens.get(forms[0], 0.0) if forms else 0.0,
                "last_closes_rate": self.closes.get(forms[-1], 0.0) if forms else 0.0}


@dataclass(frozen=True)
class Candidates:
    """An article's headline candidates and their features; rate features are 0 until `with_rates`."""

    items: list[Candidate]
    forms: list[list[str]]  # each candidate's word forms
    rows: list[dict[str, float]]

    def text(self, index: int) -> str:
        return self.items[index].text

    @cached_property
    def matrix(self) -> np.ndarray:
        return feature_rows(self.rows, FEATURES)

    def with_rates(self, rates: TitleRates) -> "Candidates":
        return Candidates(self.items, self.forms, [{**row, **rates.of(forms)} for row, forms in
                                                   zip(self.rows, self.forms)])


def build(document: Document, max_words: int = MAX_WORDS, rates: TitleRates | None = None) -> Candidates:
    items = candidates(list(document.sentences), max_words, document.text)
    forms = [[word_form(word.strip("«»:،")) for word in item.words] for item in items]
    known = set(chain.from_iterable(forms))
    frequency = Counter(chain.from_iterable(known.intersection(sentence.terms) for sentence in document.sentences))
    sentences = max(len(document.sentences) - 1, 1)
    stops = stop_words()
    rows = []
    for item, item_forms in zip(items, forms):
        content = [form for form in item_forms if form not in stops]
        rows.append({
            **{f"form_{form}": item.form == form for form in FORMS},
            **{f"sentence_{i}": item.sentence == i for i in range(OPENING_SENTENCES)},
            "sentence_later": item.sentence >= OPENING_SENTENCES,
            "words": len(item.words), "kept": item.kept,
            "mean_central": float(np.mean([max(frequency[form] - 1, 0) / sentences for form in content]))
            if content else 0.0,
            "mean_stop": 1 - len(content) / max(len(item_forms), 1),
            "has_digit": any(character.isdigit() for character in item.text),
            **dict.fromkeys(RATE_FEATURES, 0.0),
        })
    built = Candidates(items, forms, rows)
    return built.with_rates(rates) if rates is not None else built


@dataclass(frozen=True)
class HeadlineRanker(LearnedRanker):
    """The candidate model and its title rates: loaded once, called per article."""

    rates: TitleRates

    FEATURES = FEATURES
    PATH = RESOURCES / "headline_model.json"
    RATES = TitleRates

    def headline(self, document: Document, max_words: int = MAX_WORDS) -> str | None:
        """The chosen candidate among all well-formed ones within `LONGEST` words; None when there is none."""
        built = build(document, LONGEST, self.rates)
        return built.text(self.choose(built, max_words)) if built.items else None

    def choose(self, built: Candidates, max_words: int = MAX_WORDS) -> int:
        """The best-scoring candidate from the earliest opening sentence that gives one: news states its main point
        first, and a later sentence's side fact is the editors' most common complaint. Within a sentence, candidates
        within `max_words` come first, then those within half as many again, then (for the lead sentence only) twice
        as many: a long headline is never cut to fit, and a long lead clause reads better than a side fact. Past
        that, the shortest well-formed clause of any opening sentence. Within a tier, a candidate that opens on a
        reference («اخبار و عکس‌های این جشنواره …») or tells what was the case before the news (`_background`) comes
        after those of every opening sentence that do neither: what it points to was named before the headline, and
        the news is what came after. Within a sentence, a candidate without a «که …» clause comes first («بعد از رفتن
        باکاستاس که مهاجم توانمندی بود …»): readers found those long and off the news. A clause that tells only
        that a match was played («… به مصاف یکدیگر رفتند») gives way to a later opening sentence's clause that tells
        how it ended: that is the news. A statement of the lead's voice gives way to a later one of theirs that the
        model scores higher: an interview's title is its most telling statement. So does a narrated lead clause (or
        the clause in its place where the lead gave none but background), to a statement of the first person the
        opening quotes: «کروس و تراشتگن … هم‌تیمی بودند» sets the scene for what Kroos said, and after a match the
        result is the setting of the coach's words."""
        scores = self.model.score(built.matrix)
        length = np.array([len(item.words) for item in built.items])
        sentence = np.array([item.sentence for item in built.items])
        longer = np.select([length <= max_words, length <= max_words + max_words // 2, length <= 2 * max_words],
                           [0, 1, 2], 3)
        tier = np.where((sentence == 0) | (longer < 2), 0, np.where(longer < 3, 1, 2))  # see the docstring
        refers = np.array([bool(DEMONSTRATIVE.search(item.text)) for item in built.items])
        set_back = np.array([_opens_on_a_reference(item.text) or _background(item) for item in built.items])
        later = sentence >= OPENING_SENTENCES
        relative = np.array([bool(RELATIVE_THAT.search(item.text.split(": ", 1)[-1])) for item in built.items])
        best = int(np.lexsort((-scores, refers, length * (longer == 3), longer, relative, sentence, set_back, tier,
                               later))[0])
        lead = built.items[best]
        if lead.form == "clause" and MATCH_PLAYED.search(lead.text) and not RESULT.search(lead.text):
            outcomes = [index for index, item in enumerate(built.items) if item.form == "clause" and
                        sentence[best] < sentence[index] < OPENING_SENTENCES and longer[index] < 2 and
                        not set_back[index] and OUTCOME.search(item.text)]
            best = max(outcomes, key=scores.__getitem__, default=best)
            lead = built.items[best]
        in_the_leads_place = sentence[best] == 0 or bool(set_back[sentence == 0].all())
        if (lead.lead_voice and lead.form == "quote") or (in_the_leads_place and lead.form != "quote"):
            telling = [index for index, item in enumerate(built.items) if item.lead_voice and item.form == "quote" and
                       sentence[index] > 0 and longer[index] < 2 and not refers[index] and scores[index] > scores[best]]
            best = max(telling, key=scores.__getitem__, default=best)
        return best


def _background(item: Candidate) -> bool:
    """What was the case before the news, told by the newsroom: a clause on «بود», «… کرده بودند», or «… بود که …».
    Someone's words on «بود» («بازی هیجانی و زیبایی بود») are their judgment of it, often the news."""
    if item.form == "quote":
        return False
    future = len(item.words) > 1 and item.words[-2] in ("خواهد", "خواهند")  # «… میزبان السد خواهد بود»: news
    return (item.words[-1] in PAST_PERFECT and not future) or bool(HAD_BEEN.search(item.text))


def _opens_on_a_reference(headline: str) -> bool:
    """A demonstrative among the statement's first words: «تمامی این کشور‌ها …» names nothing it could mean."""
    opening = headline.split(": ", 1)[-1].split()[: OPENING_REFERENCE_WORDS + 1]
    return bool(DEMONSTRATIVE.search(" ".join(opening)))

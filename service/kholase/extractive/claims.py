"""Key claims: the most central factual statements, verbatim spans of the source, with who made them.

A speaker given as a pronoun («وی گفت») is resolved to the last named speaker, and a title («رئیس کمیته امداد»)
to the name it was introduced with («سید مرتضی بختیاری» رئیس کمیته امداد …) when the article gives one.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

from kholase.extractive.attribution import attribute
from kholase.text.sentences import WORD, Document, Sentence

# «Name» followed by the office it holds: lets a later «رئیس …» resolve to the name.
NAMED_TITLE = re.compile(r"«(?P<name>[^»]{3,40})»\s*،?\s*(?P<title>[^،.«()]{4,80})")
NUMBER = re.compile(r"[0-9۰-۹]")
MIN_CLAIM_WORDS = 5
# At least MIN_CLAIM_WORDS words as sentences.words finds them, found without tokenizing the whole statement.
ENOUGH_WORDS = re.compile(rf"{WORD.pattern}(?:[^\w\u200c]+{WORD.pattern}){{{MIN_CLAIM_WORDS - 1}}}")
REDUNDANCY = 0.5


@dataclass(frozen=True)
class ClaimSpan:
    """A claim located in the cleaned text; the summarizer maps it back to the raw text."""

    start: int
    end: int
    speaker: str | None
    score: float


class SpeakerBook:
    """Names and offices met so far in the article, to resolve pronouns, offices and bare surnames to one name.

    Both are looked up through indexes, not by going over every name and office met so far: a text that names
    thousands of speakers costs time in proportion to its length, not to its square."""

    def __init__(self, text: str) -> None:
        self.offices: dict[str, str] = {}  # the first three words of an office -> the name that holds it
        for match in NAMED_TITLE.finditer(text):
            if name := match.group("name").strip():
                self.offices.setdefault(" ".join(match.group("title").split()[:3]), name)
        self._office_order = {known: order for order, known in enumerate(self.offices)}
        # every prefix of an office that reaches into its second word -> the first office it begins
        self._office_beginnings: dict[str, int] = {}
        for known, order in self._office_order.items():
            for end in range(known.find(" ") + 2 if " " in known else len(known) + 1, len(known) + 1):
                self._office_beginnings.setdefault(known[:end], order)
        self._office_names = list(self.offices.values())
        self._office_holders = _Surnames(self._office_names)
        self.names: list[str] = []
        self._name_holders = _Surnames([])
        self.last: str | None = None

    def resolve(self, speaker: str | None, is_pronoun: bool) -> str | None:
        if is_pronoun:
            return self.last
        if speaker is None:
            return None
        self.last = self._canonical(speaker)
        if self.last not in self._name_holders:
            self.names.append(self.last)
            self._name_holders.add(self.last)
        return self.last

    def _canonical(self, phrase: str) -> str:
        """The name of the first office that equals the phrase's first three words (or, from two words on, begins
        with them or they with it); else the first name, then office holder, whose surname begins the phrase."""
        office = " ".join(phrase.split()[:3])
        matches = [self._office_order.get(office)]
        if len(office.split()) >= 2:
            matches.append(self._office_beginnings.get(office))
            matches += [self._office_order.get(office[:end]) for end in range(1, len(office))]
        found = [order for order in matches if order is not None]
        if found:
            return self._office_names[min(found)]
        compact = _compact(phrase)
        holder = self._name_holders.first(compact, len(phrase)) or self._office_holders.first(compact, len(phrase))
        return holder or phrase


class _Surnames:
    """Names in the order met, indexed by their surname with half-spaces and spaces removed."""

    def __init__(self, names: list[str]) -> None:
        self.names: list[str] = []
        self.known: set[str] = set()
        self.by_surname: dict[str, tuple[list[int], list[int]]] = {}  # surname -> orders, -(shortest name so far)
        for name in names:
            self.add(name)

    def __contains__(self, name: str) -> bool:
        return name in self.known

    def add(self, name: str) -> None:
        order = len(self.names)
        self.names.append(name)
        self.known.add(name)
        surname = _compact(name.split()[-1]) if name.split() else ""
        if len(surname) >= 3:
            orders, negated_shortest = self.by_surname.setdefault(surname, ([], []))
            orders.append(order)
            negated_shortest.append(max(-len(name), negated_shortest[-1]) if negated_shortest else -len(name))

    def first(self, compact: str, length: int) -> str | None:
        """The first name shorter than `length` whose surname begins `compact`."""
        best = None
        for end in range(3, len(compact) + 1):
            holders = self.by_surname.get(compact[:end])
            if holders is not None:
                orders, negated_shortest = holders
                position = bisect_right(negated_shortest, -length)  # the first holder shorter than `length`
                if position < len(orders) and (best is None or orders[position] < best):
                    best = orders[position]
        return None if best is None else self.names[best]


def _compact(text: str) -> str:
    return text.replace("\u200c", "").replace(" ", "")


def _claim_weight(sentence: Sentence, speaker: str | None) -> float:
    """Claims are statements someone is accountable for: attributed or numeric sentences weigh more."""
    weight = 1.0
    if speaker:
        weight += 0.3
    if NUMBER.search(sentence.text):
        weight += 0.15
    if sentence.text.rstrip().endswith(("؟", "?")):
        weight -= 0.5
    return weight


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def extract_claims(document: Document, scores: np.ndarray, max_claims: int) -> list[ClaimSpan]:
    """The `max_claims` best non-redundant claims, in document order."""
    speakers = SpeakerBook(document.text)
    candidates: list[tuple[float, frozenset[str], ClaimSpan]] = []
    for sentence, score in zip(document.sentences, scores):
        attribution = attribute(sentence.text)
        speaker = speakers.resolve(attribution.speaker, attribution.is_pronoun)
        start = attribution.statement_start if attribution.quoted else attribution.body_start
        end = attribution.statement_end
        if not ENOUGH_WORDS.search(sentence.text[start:end]):
            continue
        weight = float(score) * _claim_weight(sentence, speaker)
        span = ClaimSpan(sentence.start + start, sentence.start + end, speaker, 0.0)
        candidates.append((weight, frozenset(sentence.terms), span))

    chosen: list[tuple[float, frozenset[str], ClaimSpan]] = []
    for candidate in sorted(candidates, key=lambda item: -item[0]):
        if len(chosen) == max_claims:
            break
        if all(_jaccard(candidate[1], other[1]) < REDUNDANCY for other in chosen):
            chosen.append(candidate)
    top = max((weight for weight, _, _ in chosen), default=1.0) or 1.0
    return sorted(
        (ClaimSpan(span.start, span.end, span.speaker, round(weight / top, 4)) for weight, _, span in chosen),
        key=lambda claim: claim.start,
    )

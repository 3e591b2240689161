"""Key claims: the most central factual statements, verbatim spans of the source, with who made them.

A speaker given as a pronoun («وی گفت») is resolved to the last named speaker, and a title («رئیس کمیته امداد»)
to the name it was introduced with («سید مرتضی بختیاری» رئیس کمیته امداد …) when the article gives one.
"""

import re
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
    """Names and offices met so far in the article, to resolve pronouns, offices and bare surnames to one name."""

    def __init__(self, text: str) -> None:
        self.offices: dict[str, str] = {}  # the first three words of an office -> the name that holds it
        self.names: list[str] = []
        for match in NAMED_TITLE.finditer(text):
            self.offices.setdefault(" ".join(match.group("title").split()[:3]), match.group("name").strip())
        self.last: str | None = None

    def resolve(self, speaker: str | None, is_pronoun: bool) -> str | None:
        if is_pronoun:
            return self.last
        if speaker is None:
            return None
        self.last = self._canonical(speaker)
        if self.last not in self.names:
            self.names.append(self.last)
        return self.last

    def _canonical(self, phrase: str) -> str:
        office = " ".join(phrase.split()[:3])
        for known, name in self.offices.items():
            if office == known or (len(office.split()) >= 2 and (known.startswith(office) or office.startswith(known))):
                return name
        compact = _compact(phrase)
        for name in [*self.names, *self.offices.values()]:
            surname = _compact(name.split()[-1])
            if len(surname) >= 3 and compact.startswith(surname) and len(phrase) > len(name):
                return name
        return phrase


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

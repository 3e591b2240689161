"""Made-up-facts guard: a generated headline or summary may only use numbers and names found in its source.

Abstractive models invent figures and people. Persian has no capital letters and hazm 0.10 has no named-entity
tagger, so a "name" here is a Latin-script word or a word the Persian lexicon does not know in any form (lemma,
stem, half-spaced parts, or a particle run into a known word): in practice transliterated people, clubs and
places (ترامپ، گواردیولا). Names the lexicon does know (تهران، علی، زیدان) are not caught: the guard is a cheap
net, not a fact checker. On the human headlines of ../shared/data it rejects about 3 in 100, mostly for numbers
the article does not state. Words are compared hazm-normalized and half-space-insensitive; Persian, Arabic and
ASCII digits are equal, and «سه» in the source supports «۳».
"""

import re
from functools import lru_cache

from kholase.text import lexicon

_ZWNJ = "\u200c"
_BIDI_MARKS = dict.fromkeys(map(ord, "\u200b\u200d\u200e\u200f\ufeff\u202a\u202b\u202c\u202d\u202e"))
_TO_ASCII_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "0123456789" * 2)
_NUMBER = re.compile(r"\d+(?:[.,٫٬/:]\d+)*")
_NUMBER_PARTS = re.compile(r"[.٫/:]")
_THOUSANDS = re.compile(r"(?<=\d)[,٬](?=\d{3}\b)")
_WORD = re.compile(rf"[^\W\d_]+(?:{_ZWNJ}[^\W\d_]+)*")
_DECIMAL_POINT = re.compile(r"[٫٬,]")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")
_LATIN = re.compile(r"[A-Za-z]")
_GLUED_PREFIXES = frozenset("از با بر به در پر آن این که هر".split())
_GLUED_SUFFIXES = frozenset("است هم ها های ای ند اند".split())
# A headline writes «۳» where the article wrote «سه».
_NUMBER_WORDS = {
    word: str(value) for value, word in enumerate(
        "صفر یک دو سه چهار پنج شش هفت هشت نه ده یازده دوازده سیزده چهارده پانزده شانزده هفده هجده نوزده".split()
    )
} | {word: str(10 * tens) for tens, word in enumerate("بیست سی چهل پنجاه شصت هفتاد هشتاد نود".split(), start=2)} | {
    "صد": "100", "هزار": "1000",
}


def unsupported_facts(generated: str, source: str) -> list[str]:
    """Numbers and names in ``generated`` that do not occur in ``source``; an empty list means it passes."""
    source_numbers = {part for number in _numbers(source) for part in _with_parts(number)}
    source_numbers.update(_NUMBER_WORDS[word] for word in _words(source) if word in _NUMBER_WORDS)
    source_words = _SourceWords(source)
    facts = [number for number in _numbers(generated) if number not in source_numbers]
    facts += [word for word in _words(generated) if _looks_like_name(word) and not source_words.supports(word)]
    return list(dict.fromkeys(facts))


def _numbers(text: str) -> list[str]:
    """Canonical numbers: ASCII digits, no thousands separators, «.» as the decimal point."""
    text = _THOUSANDS.sub("", text.translate(_TO_ASCII_DIGITS))
    return [_canonical(match.group()) for match in _NUMBER.finditer(text)]


def _with_parts(number: str) -> list[str]:
    """A date or decimal in the source also supports its parts (۱۴۰۰/۰۲/۱۲ supports ۱۴۰۰)."""
    return [number, *(_canonical(part) for part in _NUMBER_PARTS.split(number))]


def _canonical(number: str) -> str:
    return _LEADING_ZEROS.sub("", _DECIMAL_POINT.sub(".", number))


def _words(text: str) -> list[str]:
    return _WORD.findall(lexicon.normalizer().normalize(text.translate(_BIDI_MARKS)))


def _key(word: str) -> str:
    return word.replace(_ZWNJ, "").lower()


class _SourceWords:
    """The source's words, their stems, and its letters run together (so «می شود» supports «می‌شود»)."""

    def __init__(self, source: str):
        words = _words(source)
        self.keys = {_key(word) for word in words}
        self.stems = {_key(lexicon.stemmer().stem(word)) for word in words}
        self.compact = "".join(_key(word) for word in words)

    def supports(self, word: str) -> bool:
        key = _key(word)
        return key in self.keys or _key(lexicon.stemmer().stem(word)) in self.stems or key in self.compact


def _looks_like_name(word: str) -> bool:
    """Latin script, or unknown to the lexicon in every form: as written, lemma, stem, half-spaced parts, and
    split in two (news text often runs two words together: «برحفظ», «بدلیل»)."""
    if _LATIN.search(word):
        return True
    if _ZWNJ in word:
        return any(_looks_like_name(part) for part in word.split(_ZWNJ))
    return len(word) >= 3 and not _is_known(word) and not _is_run_together(word)


def _is_run_together(word: str) -> bool:
    """A particle glued to a known word (برحفظ، شهداست), or a known word glued to a verb (صبرکند)."""
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if head in _GLUED_PREFIXES and len(tail) >= 3 and _is_known(tail):
            return True
        if len(head) >= 3 and _is_known(head) and (tail in _GLUED_SUFFIXES or _is_verb(tail)):
            return True
    return False


def _is_verb(word: str) -> bool:
    return len(word) >= 3 and "#" in lexicon.lemmatizer().lemmatize(word)


def _is_known(word: str) -> bool:
    lemma = lexicon.lemmatizer().lemmatize(word)
    return "#" in lemma or bool({word, lemma, lexicon.stemmer().stem(word)} & _lexicon()) or word in lexicon.stopwords()


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    return frozenset(_key(word) for word in lexicon.vocabulary())


def load() -> None:
    """Build the guard's tables now rather than on the first generated text."""
    lexicon.load(lemmas=True)
    _lexicon()

"""Headline: a short nominal phrase compressed from the article's most central statement.

Persian newsrooms title with the core claim, without its attribution («X گفت:»), its news frame («به گزارش …،»)
or its trailing clauses; this keeps the first clause of that claim within a word budget.
"""

import re
from bisect import bisect_left

from kholase.extractive.attribution import attribute
from kholase.text.sentences import Sentence

LEADING_CONNECTIVES = re.compile(
    r"^(?:(?:همچنین|در\s+ادامه|از\s+سوی\s+دیگر|از\s+طرفی|اما|ولی|البته|ضمناً|همچنان)\s*،?\s*)+"
)
REFERRING_FRAME = re.compile(
    r"^.{2,80}?\s(?:با\s+اشاره\s+به|با\s+بیان\s+(?:این‌?که|آنکه)|ضمن\s+اشاره\s+به)\s+(?P<topic>[^،]{8,}?)\s*،"
)
NOT_SPACE = re.compile(r"\S+")
CLAUSE_BREAK = re.compile(r"\s*[،؛:]\s*|\s+(?:که|زیرا|چرا\s+که|تا|اما|ولی)\s+")
# Words a headline must not end on: it would read as cut off mid-phrase.
DANGLING = frozenset(
    "از به با در و که را برای تا بر این آن یک های هم نیز اما یا چون پس روی زیر میان بین علیه توسط درباره".split()
)
MIN_WORDS = 4


def _clip(words: list[str], max_words: int) -> list[str]:
    words = words[:max_words]
    while len(words) > MIN_WORDS and words[-1] in DANGLING:
        words.pop()
    return words


def _first_clause(text: str, max_words: int) -> str:
    """The leading clause when it is long enough to stand alone, else the text cut at the word budget."""
    word_starts = [match.start() for match in NOT_SPACE.finditer(text)]
    for match in CLAUSE_BREAK.finditer(text):
        words_before = bisect_left(word_starts, match.start())  # len(text[:match.start()].split()), in log time
        if MIN_WORDS <= words_before <= max_words:
            return text[: match.start()]
        if words_before > max_words:
            break
    return " ".join(_clip(text.split(), max_words))


def headline_from(sentence: Sentence, max_words: int = 14) -> str:
    """Compress one sentence into a headline of at most `max_words` words."""
    attribution = attribute(sentence.text)
    statement = sentence.text[attribution.statement_start : attribution.statement_end]
    referring = REFERRING_FRAME.match(statement)
    if referring and len(referring.group("topic").split()) >= MIN_WORDS:
        statement = referring.group("topic")
    statement = LEADING_CONNECTIVES.sub("", statement).strip(" «»\"'.")
    if len(statement.split()) < MIN_WORDS:
        statement = sentence.text[attribution.body_start :].strip(" .")
    return tidy(_first_clause(statement, max_words))


def tidy(headline: str) -> str:
    """No end punctuation, and no guillemet left without its pair."""
    headline = headline.strip(" .،,:؛")
    if headline.count("«") != headline.count("»"):
        headline = headline.replace("«", "").replace("»", "").strip(" .،,:؛")
    return headline

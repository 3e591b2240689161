"""Key claims: the most central factual statements, verbatim spans of the source, with who made them.

What is never a claim is decided by form before any ranking: a question, a bullet, a line with no sentence ending
(a subheading, a table row, a related-news title, a line of verse), a list's announcement, a line that ends on
the colon before what it announces, the newsroom's word to its reader, a narrated meeting or visit, who attended,
the topic someone spoke of, thanks, congratulations or condolences, a repeat, a list of items with no verb. Among the
rest, attributed statements and the news's figures weigh more.
"""

import re
from collections import Counter
from dataclasses import dataclass, replace

import numpy as np

from kholase.extractive.attribution import LIST_ANNOUNCEMENT, VERB_ENDING, is_courtesy, stated_in_the_frame
from kholase.extractive.headline import MONTHS, SURNAME_PARTICIPLE, known_verb, verb_like
from kholase.extractive.speakers import Voice, voices
from kholase.text.sentences import WORD, Document, Sentence, content_terms
from kholase.text.tagger import tagged

# A figure: a number that counts or measures («۴۰۲ هزار و ۳۸۰ قطعه», «۲ بازیکن»), not a date's day («۱۰ اسفند») or year
# («۱۳۹۶», «۲۰۱۴»): editors want the news's figures among its claims.
DATE_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
FIGURE = re.compile(
    r"(?<![0-9۰-۹])(?![۱1][۳3۴4][0-9۰-۹]{2}(?![0-9۰-۹])|[۲2][۰0][0-9۰-۹]{2}(?![0-9۰-۹]))"
    rf"[0-9۰-۹]+(?:[/٫.,][0-9۰-۹]+)*(?![/٫.,]?[0-9۰-۹])(?!\s*(?:{DATE_WORDS})(?:\s|$))"
)
# A link to the sentence before or an aside that opens a statement: the claim starts after it («همچنین، …», «گفتنی است
# …»), as a reader quoting it would.
LEADING_LINK = re.compile(
    r"(?:(?:گفتنی|شایان\s+ذکر|لازم\s+به\s+ذکر|قابل\s+ذکر)\s+است(?:\s+که)?|همچنین|البته|ضمناً|ضمنا|در\s+ضمن)\s*[،,]?\s+"
)
MIN_CLAIM_WORDS = 5
# At least MIN_CLAIM_WORDS words as sentences.words finds them, found without tokenizing the whole statement.
ENOUGH_WORDS = re.compile(rf"{WORD.pattern}(?:[^\w\u200c]+{WORD.pattern}){{{MIN_CLAIM_WORDS - 1}}}")
REDUNDANCY = 0.5
LIST_COMMAS = 2  # a statement with this many commas and no verb lists things
BULLET = re.compile(r"^\s*[*•●▪◾■○◦\-–—]")
SENTENCE_ENDING = re.compile(r"[.!؟?…:؛][\s»\"')\]]*$")
QUESTION = re.compile(r"[؟?][\s»\"')\].!…]*$")
MAX_LINE_WORDS = 15  # a line this short with no sentence ending is a subheading or a table row
ANNOUNCES = re.compile(r"[:：][\s»\"')\]]*$")  # «ایمیل بخش کنسولی سفارت:», «متن کامل حرف‌های دایی را بخوانید:»
TITLE_SEPARATOR = re.compile(r"\S\s*/\s+\S|\S\s+/\s*\S|\*\s*\S.*\S\s*\*")  # «… کرده/ نشست …», verse's «*»
# The newsroom talking to its reader: that no more is known yet, or what to read or hear next.
TO_THE_READER = re.compile(r"^جزئیات\s+(?:بیشتر|بیشتری|دیگری)\s|\s(?:(?:مطالعه|مشاهده|کلیک)\s?کنید|بخوانید|بشنوید)$")
# Scene-setting: someone met, visited, travelled or attended («در این مراسم … حضور داشتند»); the news is what was said
# there.
SCENE = re.compile(
    r"(?:دیدار|گفت‌وگو|گفتگو|گفت\s+و\s+گو|ملاقات|بازدید|سفر|رایزنی|دیدن)(?:\s+و\s+(?:گفت‌وگو|گفتگو|رایزنی|تبادل\s+نظر))?"
    rf"\s?(?:کرد|کردند|نمود|نمودند|به\s?عمل\s?آمد){VERB_ENDING}\s*[.!]?$"
    rf"|حضور\s?(?:یافت|یافتند|پیدا\s?کرد|پیدا\s?کردند){VERB_ENDING}\s*[.!]?$"
    r"|(?:^|\s)در\s+(?:این\s+)?(?:مراسم|نشست|جلسه|همایش|آیین|گردهمایی|تشییع|جشن|اجلاس)\s.*حضور\s?(?:داشت|داشتند)\s*[.!]?$"
)
# Or a meeting held before those who attended («… با حضور … برگزار شد»), unless they are counted («با حضور ۱۱ تیم»),
HELD_BEFORE_GUESTS = re.compile(
    r"(?:^|\s)با\s+حضور\s+(?!(?:\S+\s+)?[\d۰-۹])(?:.*\s)?(?:برگزار|تشکیل)\s?(?:شد|گردید|کرد|کردند)\s*[.!]?$"
)
# or what it discussed («… مورد بحث قرار گرفت»), unless with figures («هشت درصد از نامه‌ها … مورد بررسی قرار گرفت»).
DISCUSSED = re.compile(
    r"(?:مورد\s+(?:بحث|بررسی|بحث\s+و\s+بررسی)\s+قرار\s?(?:گرفت|گرفتند)|به\s+بحث\s+گذاشته\s+شد)\s*[.!]?$"
)
# Or a chance in a match that came to nothing: a shot wide, off the post, saved or cleared («… از کنار دروازه به بیرون
# رفت», «… توپ را دفع کرد»); the news is the score.
NEAR_MISS = re.compile(
    r"(?=.*(?:توپ|شوت|ضربه))(?:.*(?:کنار|بالای)\s+(?:تیر\S*\s+)?دروازه\s.*بیرون\s?(?:رفت|رفتند)"
    r"|.*(?:تیر|تیرک)\S*\s.*(?:خورد|برخورد\s?کرد)|.*(?:مهار|دفع)\s?(?:کرد|شد))\s*[.!]?$"
)
# Or spoke of something, whoever it was: the newsroom names the topic («… به … اشاره کرد», «… را مطرح کرد», «به
# بررسی … پرداخت»), not what was said of it, which «اینکه …» would give; «از مزایای آن می‌توان به … اشاره کرد» lists
# what was said, nor does «نکاتی را … گوشزد کرد», «توضیحاتی را … ارائه کرد» or «به سوالات … پاسخ داد». Or what
# someone did («به تمرین پرداختند», «به تمجید از … پرداخت»), but not what was paid («تاوان آن را پرداخت») nor what the
# speaker will do («به مبارزه خواهم پرداخت»): the scene again.
TOPIC_ONLY = re.compile(
    r"^(?!.*(?:اینکه|این‌که|توان)\s).*(?:اشاره\s?(?:کرد|کردند|نمود|نمودند)"
    r"|\sبه\s(?:(?!\sرا\s).)*(?<!خواهم)(?<!خواهیم)\sپرداخت(?:ند)?"
    r"|را\s+(?:مطرح|تحلیل|تشریح)\s?(?:کرد|کردند|نمود|نمودند)|مورد\s+اشاره\s+قرار\s+(?:داد|دادند)"
    r"|(?:سخن|صحبت)\s+(?:گفت|گفتند|کرد|کردند)|سخنرانی\s?(?:کرد|کردند)"
    r"|(?:نکاتی|مطالبی|توضیحاتی|سخنانی)\s+(?:را\s+)?(?:\S+\s+){0,12}?(?:گوشزد|یادآور|متذکر|بیان|ایراد|ارائه)\s?"
    r"(?:کرد|کردند|نمود|شد|شدند)"
    r"|به\s+(?:سوالات|سؤالات|سئوالات|پرسش‌های)\s?(?:\S+\s+){0,3}?پاسخ\s?(?:داد|دادند))\s*[.!]?$"
)


@dataclass(frozen=True)
class ClaimSpan:
    """A claim located in the cleaned text; the summarizer maps it back to the raw text."""

    start: int
    end: int
    speaker: str | None
    score: float


def _claim_weight(sentence: Sentence, speaker: str | None) -> float:
    """Claims are statements someone is accountable for, and the news's figures: attributed sentences and those
    holding a figure weigh more."""
    weight = 1.0
    if speaker:
        weight += 0.3
    if FIGURE.search(sentence.text):
        weight += 0.35
    return weight


def _compact(text: str) -> str:
    """The words alone, so that a repeat differing only in spacing and punctuation compares equal."""
    return " ".join(WORD.findall(text.replace("\u200c", "")))


@dataclass(frozen=True)
class _Candidate:
    """A statement that may be a claim: how much it weighs, its content terms and words (to tell a repeat), where it
    lies and its text."""

    weight: float
    terms: frozenset[str]
    words: str
    span: ClaimSpan
    statement: str


def _repeats(claim: _Candidate, other: _Candidate) -> bool:
    """Whether two claims say the same: most content terms shared, or one's words inside the other's."""
    terms, other_terms = claim.terms, other.terms
    shared = len(terms & other_terms) / len(terms | other_terms) if terms and other_terms else 0.0
    return shared >= REDUNDANCY or claim.words in other.words or other.words in claim.words


def _not_a_claim(sentence: Sentence, voice: Voice, paragraph: str, alone: bool) -> bool:
    """Whether the sentence's form rules it out; `alone` says it is the whole of its paragraph. A bullet that marks
    an interview's turn («* تهذیبی: …») lies before the statement, and the answer is a claim."""
    text = sentence.text
    bulleted = BULLET.match(text[voice.start :]) or (voice.speaker is None and BULLET.match(paragraph))
    if voice.asked or QUESTION.search(text) or bulleted or LIST_ANNOUNCEMENT.search(text) or ANNOUNCES.search(text):
        return True
    if voice.speaker is None and TO_THE_READER.search(text[voice.start : voice.end].strip(" .")):
        return True
    if alone and not SENTENCE_ENDING.search(text):
        return len(text.split()) <= MAX_LINE_WORDS or TITLE_SEPARATOR.search(text) is not None
    return (voice.speaker is None and _sets_the_scene(text)) or TOPIC_ONLY.match(text) is not None or \
        is_courtesy(text[voice.start : voice.end])


def _sets_the_scene(text: str) -> bool:
    """Whether the newsroom's sentence only sets the scene of the news (`SCENE`, `HELD_BEFORE_GUESTS`, `DISCUSSED`
    without a figure, `NEAR_MISS`); read only for the newsroom's own voice."""
    return SCENE.search(text) is not None or HELD_BEFORE_GUESTS.search(text) is not None or \
        (DISCUSSED.search(text) is not None and not FIGURE.search(text)) or NEAR_MISS.match(text) is not None


def _a_list(statement: str) -> bool:
    """Items between commas with no verb: a squad, a list of names, a bibliography's entry, not a claim. A surname in
    «‑زاده» is no participle here."""
    if statement.count("،") + statement.count(",") < LIST_COMMAS or any(map(known_verb, WORD.findall(statement))):
        return False  # a verb hazm knows, found without tagging the statement
    return not any(verb_like(token) and not token.text.endswith(SURNAME_PARTICIPLE) for token in tagged(statement))


def extract_claims(document: Document, scores: np.ndarray, max_claims: int) -> list[ClaimSpan]:
    """The `max_claims` best claims, none repeating another, in document order."""
    paragraphs = document.text.split("\n")
    sentences_in = Counter(sentence.paragraph for sentence in document.sentences)
    candidates: list[_Candidate] = []
    for sentence, voice, score in zip(document.sentences, voices(document), scores):
        link = LEADING_LINK.match(sentence.text, voice.start, voice.end)
        voice = replace(voice, start=link.end()) if link else voice
        statement = sentence.text[voice.start : voice.end]
        paragraph = paragraphs[sentence.paragraph]
        alone = sentences_in[sentence.paragraph] == 1
        if not ENOUGH_WORDS.search(statement) or _not_a_claim(sentence, voice, paragraph, alone):
            continue
        weight = float(score) * _claim_weight(sentence, voice.speaker)
        span = ClaimSpan(sentence.start + voice.start, sentence.start + voice.end, voice.speaker or voice.source, 0.0)
        candidates.append(_Candidate(weight, frozenset(sentence.terms), _compact(statement), span, statement))
        if sentence.index == 0 and voice.speaker and (stated := stated_in_the_frame(sentence.text[: voice.start])):
            said = sentence.text[stated[0] : stated[1]]  # «X با بیان اینکه S، گفت: …» in the lead: S is X's claim,
            # and often the news
            if ENOUGH_WORDS.search(said):
                span = ClaimSpan(sentence.start + stated[0], sentence.start + stated[1], voice.speaker, 0.0)
                terms = frozenset(content_terms(WORD.findall(said)))
                candidates.append(_Candidate(weight, terms, _compact(said), span, said))

    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda candidate: -candidate.weight):
        if len(chosen) == max_claims:
            break
        if not any(_repeats(candidate, other) for other in chosen) and not _a_list(candidate.statement):
            chosen.append(candidate)  # `_a_list` may tag: only a candidate that would be chosen is checked
    top = max((candidate.weight for candidate in chosen), default=1.0) or 1.0
    return sorted(
        (replace(candidate.span, score=round(candidate.weight / top, 4)) for candidate in chosen),
        key=lambda claim: claim.start,
    )

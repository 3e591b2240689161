"""Headline candidates in the three forms a Persian newsroom titles with, and the hard check every headline passes.

The forms (../shared/EDITOR-RUBRIC.md): a clause ending in its finite verb («… برگزار شد»); «Speaker: statement» with
the statement a complete clause («افجه‌ای: پیشنهادات رحمتی تحمیلی بود»); a complete noun phrase naming the event,
which news gives as the object of «از … خبر داد». Each candidate is an opening sentence's statement, its attribution
frame stripped and only whole optional parts dropped (parentheses, appositions, relative and leading adverbial clauses,
adjunct phrases), so that no word inside a kept phrase is lost: negation, quantifiers and numbers stay as written.
Part-of-speech tags tell a finite verb, a preposition and a number from the rest.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations, pairwise

from kholase.extractive.attribution import NEWS_FRAME, SPEECH_VERB, VERB_ENDING, attribute, clean_speaker
from kholase.text.sentences import Sentence, stop_words, word_form
from kholase.text.tagger import tagger, tokenize

MIN_WORDS = 3
OPENING_SENTENCES = 3
MAX_DROPPED = 3  # adjunct phrases left out of one candidate
FORMS = ("clause", "quote", "event")
VERB_TAGS = frozenset(("VERB", "AUX"))
# Tags a phrase never ends on: it would read cut off («… در», «… و», «… که»).
OPEN_TAGS = frozenset(("ADP", "CCONJ", "SCONJ", "DET", "PUNCT"))
DANGLING = frozenset(
    "از به با در و که را برای تا بر این آن یک های هم نیز اما یا چون پس روی زیر میان بین علیه توسط درباره یکی".split()
)
PRONOUNS = frozenset("وی او ایشان آنها آن‌ها آنان این آن".split())
# A participle («رسانده», «شده») ends a non-finite clause; with these endings it is finite («کرده‌اند», «شده است»).
FINITE_AFTER_PARTICIPLE = ("است", "اند", "ام", "ای", "ایم", "اید", "بود", "باشد", "شد")
PERSONAL_ENDINGS = ("م", "یم", "ید")  # «کردم», «هستیم», «کنید»: the speaker's own voice
PERSONAL_PRONOUNS = frozenset("من ما شما تو".split())
OPEN_PHRASES = frozenset(("به دنبال", "در حال", "به سوی", "در پی", "به منظور", "به عنوان", "در مورد", "در خصوص"))
CLAUSE_END = frozenset(("،", ",", ".", "!", "؟", "?", "؛", ";", ":"))
CLAUSE_LINKS = frozenset(("و", "که", "تا", "اما", "ولی", "زیرا", "چون"))
HONORIFICS = frozenset("سید سیده حجت‌الاسلام آیت‌الله دکتر مهندس سردار سرلشکر سرتیپ حاج شیخ استاد".split())
TITLE_WORDS = frozenset(
    "رئیس رییس معاون مدیر مدیرکل مدیرعامل سخنگوی سخنگو وزیر نماینده دبیر دبیرکل سرمربی مربی سرپرست کاپیتان بازیکن "
    "مهاجم هافبک دروازه‌بان مدافع عضو استاندار فرماندار فرمانده جانشین دادستان مشاور کارشناس رئیس‌جمهور امام "
    "نایب قائم‌مقام دستیار مسئول سفیر نخست‌وزیر پادشاه ولیعهد رهبر دبیرخانه مالک ستاره هیئت".split()
)
NOT_A_NAME = frozenset(("ADP", "DET", "NUM", "PRON", "VERB", "AUX", "SCONJ", "CCONJ", "ADV", "PUNCT"))
LEADING_LINKS = frozenset("همچنین البته اما ولی ضمناً همچنان سپس بنابراین".split())
# Phrases that open an adverbial part: the part up to its comma (at the start) or its phrase end can go.
ADJUNCT_OPENERS = (
    "در شرایطی که", "در حالی که", "درحالی که", "با وجود", "با توجه به", "به منظور", "با هدف", "در راستای",
    "به عنوان", "با حضور", "در حاشیه", "در جریان", "در پی", "پس از", "بعد از", "قبل از", "پیش از", "به دلیل",
    "به علت", "بر اساس", "براساس", "طبق", "طی", "ضمن", "در این", "در آن", "در ادامه", "در خصوص", "در مورد",
    "از سوی دیگر", "از طرفی", "هم‌اکنون", "اکنون", "امروز", "دیروز", "امشب", "روز", "صبح", "عصر", "شب", "ظهر",
    "شامگاه", "بامداد", "هفته", "ماه", "سال", "ساعت",
)
PREPOSITIONAL_OPENERS = tuple(opener for opener in ADJUNCT_OPENERS if " " in opener and not opener.startswith("در آن"))
# Openers of a leading subordinate clause: up to its comma it can go, verb and all.
SUBORDINATORS = ("در شرایطی که", "در حالی که", "درحالی که", "در حالیکه", "درحالیکه", "در حالی‌که", "پس از", "بعد از",
                 "با وجود اینکه", "با وجود این‌که", "اگرچه", "اگر چه", "هرچند", "چنانچه")
ADJUNCT_PREPOSITIONS = frozenset("در با برای طی طبق ضمن بدون".split())
TIME_WORDS = frozenset(
    "امروز دیروز امشب روز صبح عصر شب ظهر شامگاه بامداد هفته ماه سال ساعت گذشته جاری آینده قبل پیش اخیر "
    "شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه پنج‌شنبه جمعه".split()
)
SPEECH_FRAME = re.compile(rf"{SPEECH_VERB}\S*\s*:")
# «به گزارش «ورزش سه» رحمان احمدی …»: a news frame its writer closed with no comma
UNPUNCTUATED_FRAME = re.compile(
    r"^به\s+گزارش\s+(?:«[^»]{1,30}»|خبرگزاری\s+\S+|\S+)(?:\s+(?:و\s+)?به\s+نقل\s+از\s+\S+)?\s+"
)
INNER_SPEECH = re.compile(rf"\s(?:{SPEECH_VERB}|عنوان\s?کرد){VERB_ENDING}(?:\s*:|\s+که|\s)")
SPEECH_ENDING = re.compile(rf"(?:{SPEECH_VERB}|خبر\s?داد|می‌گوید|گفته\s?است){VERB_ENDING}$")
AGENCY = re.compile(r"خبرگزاری|به\s+گزارش|به\s+نقل\s+از|ورزش\s*سه|خبرنگار|روابط\s+عمومی|پایگاه\s+خبری")
ANNOUNCED_EVENT = re.compile(r"(?:^|\s)از\s+(?P<event>.+?)\s+خبر\s?داد")


@dataclass(frozen=True)
class Token:
    text: str
    tag: str
    start: int


@dataclass(frozen=True)
class Candidate:
    """A well-formed headline: its text, its form, the opening sentence it came from, its words and what share of
    the statement's words it kept."""

    text: str
    form: str
    sentence: int
    words: tuple[str, ...]
    kept: float


def tagged(text: str) -> list[Token]:
    spans = tokenize(text)
    words = [text[start:end] for start, end in spans]
    return [Token(word, tag, start) for word, tag, (start, _) in zip(words, tagger().tag(words), spans)]


def _is_finite(tokens: list[Token], at: int) -> bool:
    """A verb that ends a clause: a verb form not followed by another verb part, not a bare participle."""
    token = tokens[at]
    if token.tag not in VERB_TAGS:
        return False
    following = tokens[at + 1] if at + 1 < len(tokens) else None
    if following is not None and following.tag in VERB_TAGS:
        return False
    return not token.text.endswith("ه") or token.text.endswith(FINITE_AFTER_PARTICIPLE)


def _ends_clause(tokens: list[Token], at: int) -> bool:
    return at + 1 == len(tokens) or tokens[at + 1].text in CLAUSE_END | CLAUSE_LINKS


def _without_parentheses(tokens: list[Token]) -> list[Token]:
    kept, depth = [], 0
    for token in tokens:
        depth += token.text == "("
        if not depth:
            kept.append(token)
        depth -= token.text == ")" and depth > 0
    return kept


def _main_clause(tokens: list[Token]) -> list[Token] | None:
    """The statement's first clause up to its finite verb, relative clauses («…ی که … شد،») left out, or kept whole
    after an indefinite «‑ی» («پروژه‌هایی که … حل شود»), which says which ones; None when the statement has no
    finite verb that ends a clause."""
    kept: list[Token] = []
    index, in_relative = 0, False
    while index < len(tokens):
        token = tokens[index]
        relative = token.text == "که" and kept and kept[-1].tag in ("NOUN", "PROPN", "ADJ", "NUM", "PRON", "PUNCT")
        if relative and kept[-1].text.endswith("ی"):
            in_relative = True
        elif relative:
            end = next((at for at in range(index + 1, len(tokens)) if _is_finite(tokens, at)), None)
            if end is not None and end + 1 < len(tokens) and tokens[end + 1].text in ("،", ","):
                later = any(_is_finite(tokens, at) for at in range(end + 2, len(tokens)))
                if later:  # a relative clause inside the main one: leave it and its comma out
                    index = end + 2
                    continue
        kept.append(token)
        # «۴۰ سال است که …» opens the clause that follows: it ends none
        opens_duration = token.text == "است" and index and tokens[index - 1].text in TIME_WORDS | {"مدت"}
        if _is_finite(tokens, index) and _ends_clause(tokens, index) and not opens_duration:
            if not in_relative:
                return kept
            in_relative = False
        index += 1
    return None


def _opens_with(tokens: list[Token], openers: tuple[str, ...]) -> bool:
    head = " ".join(token.text for token in tokens[:4])
    return any(head == opener or head.startswith(opener + " ") for opener in openers)


def _strip_leading(tokens: list[Token]) -> list[Token]:
    """Drop discourse links, leading adverbial parts closed by a comma, and a leading time phrase."""
    changed = True
    while changed and tokens:
        changed = False
        if tokens[0].text in LEADING_LINKS or tokens[0].text in ("،", ","):
            tokens, changed = tokens[1:], True
            continue
        comma = next((at for at, token in enumerate(tokens) if token.text in ("،", ",")), None)
        if comma is not None and (_opens_with(tokens, ADJUNCT_OPENERS) or tokens[0].tag == "ADP"):
            if not any(_is_finite(tokens, at) and _ends_clause(tokens, at) for at in range(comma)) or \
                    _opens_with(tokens, SUBORDINATORS):
                tokens, changed = tokens[comma + 1 :], True
                continue
        time_words = 0
        while time_words < len(tokens) and (tokens[time_words].text in TIME_WORDS or
                                            (time_words and tokens[time_words].tag == "NUM")):
            time_words += 1
        if time_words and time_words < len(tokens) and tokens[time_words].tag not in VERB_TAGS | {"ADP"}:
            tokens, changed = tokens[time_words:], True
    return tokens


def _appositions(tokens: list[Token]) -> list[Token]:
    """Leave out «، title ،» after a name: a part between commas, with no verb, that follows a proper noun."""
    kept, index = [], 0
    while index < len(tokens):
        token = tokens[index]
        if token.text in ("،", ",") and kept and kept[-1].tag == "PROPN":
            close = next((at for at in range(index + 1, len(tokens)) if tokens[at].text in ("،", ",")), None)
            inside = tokens[index + 1 : close] if close is not None else []
            if inside and len(inside) <= 12 and not any(t.tag in VERB_TAGS or t.text == "را" for t in inside):
                index = close + 1
                continue
        kept.append(token)
        index += 1
    return kept


def _opener(tokens: list[Token]) -> int:
    """How many words of `tokens` open an adjunct phrase: a multi-word opener («به منظور», «پس از»), an adjunct
    preposition («در», «با», «برای»), or none (0)."""
    head = " ".join(token.text for token in tokens[:4])
    multi = next((opener for opener in PREPOSITIONAL_OPENERS if head == opener or head.startswith(opener + " ")), None)
    if multi:
        return len(multi.split())
    return int(tokens[0].text in ADJUNCT_PREPOSITIONS)


def _adjunct_spans(tokens: list[Token]) -> list[tuple[int, int]]:
    """Adjunct phrases of a clause that ends in its verb («به منظور …», «در این جلسه», «روز سه‌شنبه»): from their
    opener to the end of their noun phrase. The word just before the verb stays (a compound verb's «برگزار» in
    «برگزار شد»), and only a multi-word opener's phrase may reach it: a lone «در …» there is often the verb's own
    argument («در بستر رودخانه قرار دارند»)."""
    spans = []
    preverb = len(tokens) - 2
    for start in range(preverb):
        if start and (tokens[start - 1].tag in ("NUM", "ADP") or tokens[start - 1].text.isdigit() or
                      tokens[start - 1].text == "و"):  # «… و به عنوان …»: one of coordinated parts
            continue
        if tokens[start].text in TIME_WORDS:  # «روز سه‌شنبه», «صبح امروز»: only time words and numbers
            end = start
            while end < preverb and (tokens[end].text in TIME_WORDS or tokens[end].tag == "NUM"):
                end += 1
            if end > start + 1 or tokens[start].text in ("امروز", "دیروز", "امشب"):
                spans.append((start, end))
            continue
        opener = _opener(tokens[start:])
        if not opener:
            continue
        end = start + opener
        while end < preverb and tokens[end].tag not in VERB_TAGS | {"ADP", "PUNCT", "SCONJ"} and \
                tokens[end].text not in ("را", "و") and not tokens[end].text.endswith("که"):
            end += 1
        if tokens[end].text.endswith("که"):  # «در حالیکه …»: a subordinate clause, not a phrase
            continue
        if end > start + opener and ((tokens[end].tag == "ADP" and tokens[end].text != "را") or
                                     (end == preverb and opener > 1)):
            spans.append((start, end))
            continue
        if opener > 1:  # a purpose phrase that lists its parts («به منظور الف، ب و ج برگزار می‌کند») up to the preverb
            reach = start + opener
            while reach < preverb and tokens[reach].tag not in VERB_TAGS | {"ADP", "SCONJ"} and \
                    tokens[reach].text not in ("را", "که", ":", "؛"):
                reach += 1
            if reach == preverb and reach > start + opener:
                spans.append((start, reach))
    return spans


def _text(tokens: list[Token]) -> str:
    text = " ".join(token.text for token in tokens)
    return re.sub(r"\s+([،,.:؛!؟»)])", r"\1", re.sub(r"([«(])\s+", r"\1", text))


def _clauses(tokens: list[Token], max_words: int) -> Iterator[tuple[list[Token], float]]:
    """The main clause, and the same with adjunct phrases left out, within `max_words` words; with its kept share."""
    words = sum(token.tag != "PUNCT" for token in tokens) or 1
    clause = _main_clause(_appositions(_strip_leading(_without_parentheses(tokens))))
    if clause is None:
        return
    clause = _strip_leading(clause)
    spans = _adjunct_spans(clause)
    for dropped in range(min(len(spans), MAX_DROPPED) + 1):
        for chosen in combinations(spans, dropped):
            if any(a[1] > b[0] for a, b in pairwise(chosen)):
                continue  # overlapping phrases
            gone = {at for start, end in chosen for at in range(start, end)}
            kept = [token for at, token in enumerate(clause) if at not in gone]
            count = sum(token.tag != "PUNCT" for token in kept)
            if MIN_WORDS <= count <= max_words:
                yield kept, count / words


def _speaker(phrase: str, sentence: list[Token]) -> str | None:
    """A speaker as newsrooms title with it: a person's surname («سید مرتضی بختیاری رئیس …» → «بختیاری»), else an
    office of two to four words; never a pronoun, a number, a lone common noun or frame text."""
    words = phrase.replace("«", " ").replace("»", " ").split()
    texts = [token.text for token in sentence]
    at = next((i for i in range(len(texts)) if texts[i : i + len(words)] == words), None)
    if not words or at is None or words[0] in PRONOUNS or AGENCY.search(phrase):
        return None
    tokens = [token for token in sentence[at : at + len(words)] if token.text not in HONORIFICS]
    title = next((i for i, token in enumerate(tokens) if token.text in TITLE_WORDS), len(tokens))
    name = tokens[:title]
    if name and not any(token.tag in NOT_A_NAME for token in name):
        lone = len(name) == 1 and word_form(name[0].text) in stop_words()
        named = len(name) > 1 or name[0].tag == "PROPN" or title < len(tokens) or f"«{name[0].text}»" in phrase
        if named and not lone:
            return name[-1].text if len(name) <= 3 else None
        return None
    if title == 0 and 2 <= len(tokens) <= 4 and tokens[-1].tag not in OPEN_TAGS:
        return _text(tokens)
    return None


def _reported(tokens: list[Token]) -> tuple[str, list[Token]] | None:
    """«X گفت که S» or «X اعلام کرد، S»: the phrase before the speech verb and the statement after it."""
    for at in range(1, len(tokens) - 2):
        if tokens[at + 1].text in ("که", "،", ",") and _is_finite(tokens, at):
            before = _text(tokens[: at + 1])
            frame = SPEECH_ENDING.search(before)
            if frame:
                return before[: frame.start()].strip(), tokens[at + 2 :]
            return None
    return None


def _first_or_second_person(clause: list[Token]) -> bool:
    verb = clause[-1].text
    return verb.endswith(PERSONAL_ENDINGS) or any(token.text in PERSONAL_PRONOUNS for token in clause)


def candidates(sentences: list[Sentence], max_words: int) -> list[Candidate]:
    """Every well-formed candidate from the opening sentences: the statement as a clause, and as «Speaker: clause»
    when the sentence names who said it."""
    found: dict[str, Candidate] = {}

    def add(text: str, form: str, number: int, kept: float) -> None:
        found.setdefault(text, Candidate(text, form, number, tuple(text.split()), kept))

    for number, sentence in enumerate(sentences[:OPENING_SENTENCES]):
        attribution = attribute(sentence.text)
        statement = sentence.text[attribution.statement_start : attribution.statement_end]
        every = [token for token in tagged(sentence.text) if token.text not in "«»"]
        tokens = [token for token in every
                  if attribution.statement_start <= token.start < attribution.statement_end]
        event = ANNOUNCED_EVENT.search(sentence.text[attribution.body_start :])
        if not attribution.quoted and event and event.group("event").strip() == statement.strip():
            if MIN_WORDS <= len(statement.split()) <= max_words:
                add(statement, "event", number, 1.0)
            continue
        speaker_phrase = attribution.speaker if attribution.quoted else None
        reported = None if attribution.quoted else _reported(tokens)
        if reported:
            speaker_phrase, tokens = reported
            speaker_phrase = clean_speaker(speaker_phrase)
        speaker = speaker_phrase and _speaker(speaker_phrase, every)
        if speaker:
            for clause, kept in _clauses(tokens, max_words - len(speaker.split())):
                add(f"{speaker}: {_text(clause)}", "quote", number, kept)
        for clause, kept in _clauses(tokens, max_words):
            if not _first_or_second_person(clause):  # «… شرکت کردم» is someone's words: only with its speaker
                add(_text(clause), "clause", number, kept)
    return [candidate for candidate in found.values() if well_formed(candidate.text)]


def well_formed(headline: str) -> bool:
    """The hard check: never cut mid-phrase, no speech frame or agency text, balanced quotes, not a bare name."""
    tokens = [token for token in tagged(headline) if token.tag != "PUNCT"]
    if len(tokens) < MIN_WORDS or tokens[0].text in PRONOUNS:
        return False
    last = tokens[-1]
    if last.tag in OPEN_TAGS or last.text in DANGLING or last.text.endswith("های"):  # «… جام ملت‌های»
        return False
    if " ".join(token.text for token in tokens[-2:]) in OPEN_PHRASES:  # «… به دنبال»
        return False
    if SPEECH_FRAME.search(headline) or AGENCY.search(headline) or NEWS_FRAME.match(headline):
        return False
    if SPEECH_ENDING.search(headline):  # «سرپرست این تیم اعلام کرد»: a frame whose statement was left out
        return False
    return headline.count("«") == headline.count("»") and headline.count("(") == headline.count(")")


def _after_frames(statement: str) -> str:
    """The statement after the last speech verb that has words after it («… عنوان کرد تیم ملی …»)."""
    frames = [match for match in INNER_SPEECH.finditer(statement) if statement[match.end() :].strip(" :،.")]
    return statement[frames[-1].end() :].strip(" :،.«»") if frames else statement


def lead_statement(sentences: list[Sentence]) -> str:
    """The headline of last resort: the first opening sentence that is a well-formed clause, without its attribution
    frame, speaker and end punctuation; else the first sentence so stripped. Long, but never cut."""
    statements = []
    for sentence in sentences[:OPENING_SENTENCES]:
        attribution = attribute(sentence.text)
        statement = sentence.text[attribution.statement_start : attribution.statement_end].strip(" .،:؛…")
        statement = _after_frames(UNPUNCTUATED_FRAME.sub("", statement)).rstrip(" .،:؛…و")
        tokens = [token for token in tagged(statement) if token.tag != "PUNCT"]
        if tokens and tokens[-1].tag in VERB_TAGS and well_formed(statement):
            return statement
        if len(tokens) >= MIN_WORDS:
            statements.append(statement)
    statement = statements[0] if statements else sentences[0].text.strip(" .،:؛") if sentences else ""
    agency = AGENCY.match(statement)
    if agency:  # «خبرگزاری فارس …»: the agency and its name go
        statement = statement[agency.end() :].split(maxsplit=1)[-1]
    return statement if statement.count("«") == statement.count("»") else statement.replace("«", "").replace("»", "")

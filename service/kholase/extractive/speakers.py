"""Who speaks in each sentence of an article, resolved to one name per person.

A speaker given as a pronoun or an epithet («وی گفت», «این مسئول افزود») is the one named last, and an office
(«رئیس کمیته امداد») is the name it was introduced with («سید مرتضی بختیاری» رئیس کمیته امداد …). A speaker's words
run on past the sentence that names them: to the end of a paragraph opened with «X گفت:», to the end of a quotation
opened there, through the answers of a question-and-answer interview, to the first-person sentences that follow
them until someone else is named, and through the whole of an interview the lead announces with a colon. A question
put to someone is not their words.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kholase.extractive.attribution import (
    AGENCY,
    EPITHET,
    FRAME_VERB,
    HONORIFICS,
    LONG_EPITHET,
    NEWS_FRAME,
    OUTLET_WORDS,
    PRONOUNS,
    SPEECH_AT_END,
    THE_DOCUMENT,
    TITLE_WORDS,
    Attribution,
    attribute,
    clean_speaker,
    followed_by,
    in_first_person,
    news_frame_end,
    relayed_source,
)
from kholase.text.lexicon import vocabulary
from kholase.text.sentences import Document
from kholase.text.tagger import Token, tagged

# «Name» followed by the office it holds: lets a later «رئیس …» resolve to the name. A quotation that ends a sentence
# («… «آماده شلیک موشک بودند.»» and «یک سخنگوی ارتش …» on the next line) is no name.
NAMED_TITLE = re.compile(r"«(?P<name>[^».!؟?]{3,40})»[ \t]*،?[ \t]*(?P<title>[^،.«()\n]{4,80})")
# An office word with a name before it, unquoted («علی کفاشیان رئیس فدراسیون …», «علی پناهی، معاون …»): the name is
# the run of two or more proper nouns just before it, found by tagging only those few words.
WORD = re.compile(r"[^\s،,.:؛«»()]+")
TITLE_WORD = re.compile(rf"(?<![^\s،,.:؛«»()])(?:{'|'.join(map(re.escape, sorted(TITLE_WORDS)))})(?![^\s،,.:؛«»()])")
NAME_WINDOW = 6  # words before an office word that may hold the name
OFFICE_KEY_WORDS = 3
# Words a newsroom leaves out when it names an office again: «سرمربی تیم فوتبال نفت آبادان» is «سرمربی نفت آبادان».
OFFICE_FILLERS = frozenset("تیم فوتبال باشگاه".split())
CLAUSE_BREAK = re.compile(r"[.:؛«»()\n!؟?]")
LEAD_NAME_WORDS = 3
UNNAMED = "\u2063unnamed"  # a pronoun's voice, and the words that run on from it, while no name is known for it
ALSO = re.compile(r"\s+(?:نیز|هم)\s")  # «وزیر انرژی اتمی روسیه نیز …»: someone else who speaks too
MAX_NAME_WORDS = 4
# Heads of an epithet for a person that are no office a name is introduced with: a preacher, a player's post.
PERSON_HEADS = frozenset("خطیب پاسور لیبرو سرعتی سرعتی‌زن قدرتی‌زن وینگر بازیساز گلر سنگربان کاندیدای نامزد".split())
OFFICE_HEADS = TITLE_WORDS | PERSON_HEADS
# Words of a body, an outlet or a source, not of a person's name («باشگاه اسپارتا پراگ», «دو طرف», «این منبع»).
NOT_A_PERSON = frozenset("باشگاه اداره سازمان وزارت شرکت تیم کمیته فدراسیون دانشگاه حزب جنبش لشکر دولت مجلس کشور "
                         "طرف طرفین دو منبع منابع سایت روزنامه نشریه پایگاه شبکه خبرگزاری رسانه".split()) | TITLE_WORDS
NOT_A_LEADS_PERSON = frozenset("و یکی شاگردان یاران گذشته امروز دیروز فردا امشب شب صبح عصر".split())
# «… اما ایبورا مطمئن است که …», «پس از بازی، توخل مدعی شد که …», «طبق ادعای …»: someone other than the lead's
# person may be whom a later «او گفت» stands for.
BELIEF_OR_SPEECH = re.compile(
    rf"\s(?:{FRAME_VERB}|(?:مطمئن|معتقد|امیدوار|مصمم|مدعی|خواستار)\s?(?:است|شد|بود|هستند|شدند|بودند)"
    r"|(?:ابراز|اظهار)\s+\S+\s+(?:کرد|کردند|نمود)|(?:تایید|تأیید|پیش‌بینی|اعتراف)\s?(?:کرد|کردند)"
    r"|ادعای|به\s+گفته|به\s+عقیده|به\s+اعتقاد|از\s+قول)(?:\s|$|[.،,:])"
)
# «… اما ایبورا مطمئن است که …», «… کلوپ از نتیجه ابراز ناامیدی کرد», «… فان خال از هواداران خواست …»: someone who
# holds or asks something, told without a frame.
HOLDS = re.compile(
    r"\s(?:(?:مطمئن|معتقد|امیدوار|مصمم|مدعی|خواستار)\s?(?:است|شد|بود)|(?:ابراز|اظهار)\s+\S+\s+(?:کرد|نمود)|خواست)"
    r"(?:\s|$|[.،,:])"
)
LAST_CLAUSE = re.compile(r".*(?:[،,؛]|\s(?:و|اما|ولی)\s)")  # up to where the last clause opens
BELIEVER_WORDS = 3
# «وی … را … دانست», «او … خواستار … شد», «وی … را … ارزیابی کرد»: the person last named, telling what they hold or
# ask, without a frame.
STANCE = r"\s(?:دانست|خواند|خواست|برشمرد|ارزیابی\s?کرد|توصیف\s?کرد)(?:ند)?"
HIS_STANCE = re.compile(rf"^(?:وی|او|ایشان)\s(?=.*(?:{BELIEF_OR_SPEECH.pattern}|{STANCE}(?:\s|$|[.،,])))")
# «چلبی تشکیل کمیته‌های مردمی … را ضروری توصیف کرد»: the same, told of someone the article named speaking before.
NAMED_STANCE = re.compile(rf"(?P<who>[^\s،,:]+)\s.*\sرا\s.*{STANCE}\s*[.!]?$")
# «وانونو همچنین از اسرائیل خواست …» after «وی … گفت: …» with no name yet: who "also" spoke is who spoke before.
ALSO_SAID = re.compile(
    rf"(?P<who>[^\s،,:«»]+)\s+(?:همچنین|نیز)\s(?=.*(?:{BELIEF_OR_SPEECH.pattern}|{STANCE}(?:\s|$|[.،,])))"
)
# A player's titles name one role: «میکا کریستین سون بازیکن شماره ۱۱ آمریکا» is the «ملی‌پوش والیبال آمریکا» after.
PLAYER_TITLES = frozenset("بازیکن ملی‌پوش ستاره مهاجم هافبک مدافع دروازه‌بان کاپیتان".split())
OFFICE_GOES_ON = frozenset("استان شهرستان شهر کشور شورای جمهوری".split())  # «مسئول … استان آذربایجان شرقی»
# Words a tagger may call proper nouns that no person's name holds («تیم ملی امید», «خبرگزاری رسمی کره شمالی»).
NOT_IN_A_NAME = frozenset("تیم باشگاه شورای شورا سازمان وزارت اداره رسمی ملی شامل کشور استان شهر".split())
# «به گزارش «ورزش سه»، …»: a name in the report's frame is its source, not a person with an office; one after the
# frame's comma opens the clause («به گزارش … خبرگزاری فارس، «ماریا زاخارووا» سخنگوی وزارت خارجه روسیه …»).
FRAME_BEFORE = 30
# A turn that opens with a short label and a colon, bulleted or not: «واحدی: …», «* فارس: …», «سؤال: …».
TURN = re.compile(r"^\s*(?P<bullet>[*•●▪\-–]\s*)?(?P<label>[^\s:«»،.؟?]+(?:\s+[^\s:«»،.؟?]+){0,2})\s*[:：]\s*")
# A frame that says its speaker goes on: after «او گفت: …» with no name yet, «برباتوف ادامه داد: …» names «او»
# (an office saying so may be someone named only later).
GOES_ON = re.compile(r"\s(?:ادامه\s?(?:داد|می‌دهد)|افزود|اضافه\s?کرد|خاطر\s?نشان\s?(?:کرد|ساخت|نمود))\s*:")
# An interviewer's turn, whatever it ends with: «سؤال: …», «فارس: …».
QUESTION_LABEL = re.compile(
    r"^\s*(?:[*•●▪\-–]\s*)?(?:سؤال|سوال|سوأل|پرسش|خبرنگار|فارس|ایسنا|ایرنا|مهر|تسنیم|ورزش\s*\u200c?\s*سه)\s*[:：]"
)
QUESTION_END = re.compile(r"[؟?][\s»\"')\]]*$")
INTERVIEW = r"(?:گفت\s?\u200c?و?\s?\u200c?گو|مصاحبه)"  # «گفت‌وگو», «گفت و گو», «گفتگو», «مصاحبه»
# A lead that says its person spoke to the newsroom («… در گفت‌وگو با خبرنگار «ورزش سه»، …», «… در مصاحبه با …»).
INTERVIEW_LEAD = re.compile(rf"\sدر\s+{INTERVIEW}\s+(?:اختصاصی\s+)?با\s")
# A lead that says the person gave the newsroom an interview, and ends on the colon before it: «خلعتبری گفت و گوی مفصلی
# در آستانه دربی اصفهان با "ورزش سه" انجام داد :». What follows, subheadings and all, is theirs.
INTERVIEW_GIVEN = re.compile(
    rf"{INTERVIEW}(?:ی|\u200cای|ای)?\s(?:[^.:]{{0,80}}?\s)?با\s[^.:]{{1,60}}?\s"
    r"(?:انجام\s?داد|انجام\s?دادند|داشت|داشتند)\s*:\s*$"
)
# «از عسکراولادی سوال شد: …»: what follows the colon, to the paragraph's end, is the question put to someone.
QUESTION_PUT = re.compile(r"(?:(?:سوال|سؤال|پرسش)\s?(?:شد|کرد|کردند)|پرسیده\s?شد|پرسید|پرسیدند)\s*$")
# An interview: at least this many questions, each followed by an answer.
INTERVIEW_QUESTIONS = 2
MAX_QUESTION_WORDS = 80

# «… به نقل از «خالد المظف» مسئول پرونده … اعلام کرد:»: the name in «» a relaying frame ran on into.
RELAYED_QUOTED_NAME = re.compile(r"به\s+نقل\s+از\s+«(?P<name>[^»]{3,40})»[^«»]*$")


# A paper's abstract reposted with its authors listed under a label, one «نام: سمت» line each: the abstract's
# statements are theirs.
AUTHORS_LABEL = re.compile(r"^[^\S\n]*(?:نویسندگان|نویسنده)[^\S\n]*:[^\S\n]*$", re.MULTILINE)
AUTHOR_LINE = re.compile(r"^\s*(?P<name>[^:،,]{3,40}?)\s*:\s*\S")
AUTHORS_LINE_WORDS = 10  # or all their names on one line
# «به گفته X …», «بنا به گفته X …» with no comma to end the name: only a name the article gave before, whose surname
# begins what follows, is read.
TOLD_BY = re.compile(r"(?:^|\s)(?:به|بنا\s+(?:به|بر))\s+گفته\s+(?P<who>[^،,:]{3,80})")


class SpeakerBook:
    """Names and offices met so far in the article, to resolve pronouns, offices and bare surnames to one name.

    Both are looked up through indexes, not by going over every name and office met so far: a text that names
    thousands of speakers costs time in proportion to its length, not to its square."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._offices = _office_index(text)
        self.names: list[str] = []
        self._by_opening: dict[str, list[str]] = {}  # names of two or more words, by their first two
        self._name_holders = _Surnames([])
        self.last: str | None = None
        self._lead_office: str | None = None  # the office first used for the lead's speaker, named without one
        self._introduced: dict[str, str] = {}  # offices that spoke before the name given right after, each whole

    def resolve(self, speaker: str | None, is_pronoun: bool) -> str | None:
        """The name behind `speaker`; a pronoun or epithet (`is_pronoun`) is the one named last, and an epithet
        before anyone is named stays as it is («این منبع آگاه»), unless it is a document («این بیانیه»): None."""
        if is_pronoun:
            if speaker and EPITHET.match(speaker) and not THE_DOCUMENT.match(speaker) and (self.last is None or (
                    self.last.split()[0] in OUTLET_WORDS and OUTLET_WORDS.isdisjoint(speaker.split()))):
                self.last = speaker  # and a later «وی افزود» is the same source; an outlet that relayed the news is
                # «این روزنامه», never «این مقام ایالتی»
            return self.last
        if speaker is None:
            return None
        if introduced := self._introduced.get(_compact(speaker)):
            self.last = introduced
            return introduced
        office = LONG_EPITHET.match(speaker)
        if office and self.last is not None:
            holder = self.last if office["office"] in self.last else next(
                (name for name in self.names if office["office"] in name and self.last in name.split()), None)
            if holder:  # «این کارشناس مسائل …» after «سیامک باقری کارشناس مسائل هسته‌ای», or after «باقری» when
                self.last = holder  # the article named him so before
                return holder
        self.last = self._canonical(speaker)
        if self._is_lead_office(speaker) or self._names_the_lead(speaker):  # that office, each time it is used
            self._lead_office, self.last = speaker, self.names[0]
        if self.last not in self._name_holders:
            self.names.append(self.last)
            self._name_holders.add(self.last)
            if len(self.last.split()) >= 2:
                self._by_opening.setdefault(" ".join(self.last.split()[:2]), []).append(self.last)
        return self.last

    def holds(self, office: str, name: str) -> None:
        """The office that spoke first, unnamed, is the person the article names next with a frame that says they go
        on: it stands for them each time it is used after."""
        self._renamed(office, name)
        self._name_holders.add(name)
        self._lead_office, self.last = office, name

    def introduces(self, office: str, name: str) -> None:
        """An office that spoke mid-article with no name for it is the person named in the very next frame, who goes
        on («استاندار خراسان رضوی هم … گفت: …», then «علیرضا رزم حسینی افزود: …»): it stands for them after."""
        self._renamed(office, name)
        self._introduced[_compact(office)] = self.last = name

    def _renamed(self, office: str, name: str) -> None:
        """The office met as a speaker is that name, wherever the book has it."""
        self.names = list(dict.fromkeys(name if known == office else known for known in self.names))

    def _names_the_lead(self, speaker: str) -> bool:
        """Whether the office just met, which resolved to no one, stands for the lead's one person."""
        return self.last == speaker and self._could_be_the_lead(speaker)

    def lead_by_office(self, office: str) -> str | None:
        """The lead's one person when `office` stands for them, read without changing what the book knows: «به گفته
        عضو کمیسیون امنیت ملی … علت …», with no comma to end the office, where the lead named «منوچهر متکی» alone."""
        return self.names[0] if self._is_lead_office(office) or self._could_be_the_lead(office) else None

    def _could_be_the_lead(self, speaker: str) -> bool:
        """Whether an office («مدیرعامل کانون بازنشستگان …») stands for the one person named so far, whom the lead
        named without an office, or with one of the same title («بهنام سراج سرمربی نفت آبادان», then «سرمربی صنعت
        نفت»; a player's titles are one): newsrooms vary the reference so. Only the first such office does, each time
        it is used; a second office is someone else («معاون فنی …»), and so is one the article says speaks too («وزیر
        انرژی اتمی روسیه نیز …»)."""
        title = speaker.split()[0]
        lead = self.names[0].split() if self.names else []
        return (title in TITLE_WORDS and self._one_person_named()
                and not followed_by(self._text, speaker, ALSO)
                and self._lead_office is None and len(lead) >= 2 and lead[0] not in TITLE_WORDS
                and (TITLE_WORDS.isdisjoint(lead) or title in lead or
                     (title in PLAYER_TITLES and not PLAYER_TITLES.isdisjoint(lead))))

    def _is_lead_office(self, speaker: str) -> bool:
        """Whether the speaker is the office found to stand for the lead's person, or begins it: the frame may have
        run on past it once («مدیر درمان تامین اجتماعی استان زنجان پایلوت شدن …»), and a newsroom spaces a compound
        one way, then the other («جهاد کشاورزی», «جهادکشاورزی»). Two offices that part after their first words are two
        people («مدیر عامل شرکت برق استان بوشهر», «مدیر عامل شرکت آب و فاضلاب …»)."""
        if self._lead_office is None:
            return False
        whole, lead = _compact(speaker), _compact(self._lead_office)
        return whole.startswith(lead) or lead.startswith(whole)

    def _one_person_named(self) -> bool:
        """Whether the names met so far are one person's: the first, its name without its office, and its bare
        surname («حسین فرکی», «فرکی»; «بهنام سراج سرمربی نفت آبادان», «بهنام سراج», «سراج»), each with or without
        the titles of respect before it («سردار سیدصادق حسینی», «سردار حسینی»)."""
        first = _without_honorifics(self.names[0]).split() if self.names else []
        name = first[: next((at for at, word in enumerate(first) if word in TITLE_WORDS), len(first))]
        if not name:
            return False
        forms = (" ".join(first), " ".join(name), name[-1])
        return all(_without_honorifics(known) in forms for known in self.names)

    def known(self, phrase: str) -> str | None:
        """The name of a person met so far (as a speaker or with an office) that `phrase` refers to, else None."""
        canonical = self._canonical(phrase)
        return canonical if canonical != phrase or canonical in self._name_holders else None

    def _canonical(self, phrase: str) -> str:
        """The name of the first office that equals the phrase's first three words (or, from two words on, begins
        with them or they with it); else the first name, then office holder, whose surname begins the phrase; else a
        speaker met before that opens it."""
        offices = self._offices
        office = _office_key(phrase)
        matches = [offices.order.get(office)]
        if len(office.split()) >= 2:
            matches.append(offices.beginnings.get(office))
            matches += [offices.order.get(office[:end]) for end in range(1, len(office))]
        found = [order for order in matches if order is not None]
        if found:
            return offices.names[min(found)]
        compact = _compact(phrase)
        holder = self._name_holders.first(compact, len(phrase)) or offices.holders.first(compact, len(phrase))
        return holder or self._spoken_before(phrase) or self._surname_of_two_words(phrase) or phrase

    def _surname_of_two_words(self, phrase: str) -> str | None:
        """A speaker met before whose surname of two words opens the phrase, when a frame ran it into its clause:
        «اکبری مطلق تنها راه سعادت انسان‌ها را … دانست و …» after «محمد حسن اکبری مطلق»."""
        words = phrase.split()
        if len(words) <= 2:
            return None
        return next((name for name in self.names if len(name.split()) >= 3 and name.split()[-2:] == words[:2]), None)

    def _spoken_before(self, phrase: str) -> str | None:
        """A speaker of two or more words met before that the phrase opens on, when a frame ran the speaker into its
        clause: «رئیس مجمع تشخیص مصلحت نظام یکی از نقاط عطف … را … عنوان و … تأکید کرد:». Not when the office goes on
        (the article uses it longer elsewhere too: «رئیس سازمان تبلیغات اسلامی», «… مجلس شورای اسلامی»; «… استان
        آذربایجان شرقی»)."""
        opening = " ".join(phrase.split()[:2])
        name = next((name for name in self._by_opening.get(opening, ()) if phrase.startswith(f"{name} ")), None)
        if name is None:
            return None
        after = phrase[len(name) :].split()[0]
        return None if after in OFFICE_GOES_ON or self._text.count(f"{name} {after}") > 1 else name


@dataclass(frozen=True)
class _OfficeIndex:
    """The offices an article gives with a name, indexed for `SpeakerBook._canonical`; read, never changed."""

    order: dict[str, int]  # the first three words of an office -> its order met
    beginnings: dict[str, int]  # every prefix of an office that reaches into its second word -> the first it begins
    names: list[str]  # the name holding each office, in that order
    holders: "_Surnames"


@lru_cache(maxsize=8)
def _office_index(text: str) -> _OfficeIndex:
    """A function of the text alone, kept for the last few texts: an article's headline and its claims both ask."""
    offices: dict[str, str] = {}  # the first three words of an office -> the name that holds it
    for match in NAMED_TITLE.finditer(text):
        before = text[max(0, match.start() - FRAME_BEFORE) : match.start()]
        if AGENCY.search(before) and not before.rstrip().endswith(("،", ",")):
            continue
        if name := match.group("name").strip():
            offices.setdefault(_office_key(match.group("title")), name)
    for name, office in _named_offices(text):
        offices.setdefault(office, name)
    order = {known: number for number, known in enumerate(offices)}
    beginnings: dict[str, int] = {}
    for known, number in order.items():
        for end in range(known.find(" ") + 2 if " " in known else len(known) + 1, len(known) + 1):
            beginnings.setdefault(known[:end], number)
    names = list(offices.values())
    return _OfficeIndex(order, beginnings, names, _Surnames(names))


def _named_offices(text: str) -> list[tuple[str, str]]:
    """(name, the office's first words) for every office word that directly follows a name in `text`."""
    found = []
    for word in TITLE_WORD.finditer(text):
        if not WORD.search(text, 0, word.start()):
            continue  # the text's first word
        window = text[_words_back(text, word.start(), NAME_WINDOW) : word.start()]
        window = CLAUSE_BREAK.split(window.rstrip(" ؛"))[-1].strip(" ،,")  # «علی پناهی، معاون …», «احمد هاشمیان؛
        # رئیس …»: a comma, or a «؛» put for one, may stand between; a comma before the name ends what came before
        # it: «به گزارش «ورزش سه»، سیروس پورموسوی سرمربی …», «به نقل از سایت سازمان لیگ، احمد هاشمیان؛ رئیس …»
        window = re.split(r"[،,]", window)[-1]
        if not window.strip() or AGENCY.search(window) or TITLE_WORD.search(window):  # «به گزارش خبرگزاری رسمی
            continue  # کره شمالی سخنگوی …»: the report's source, not a name; «مدیر آموزش و پرورش شهرستان اسداباد،
            # مسؤول …»: another office
        run: list[Token] = []
        before = tagged(f"{window} {word.group()}")[:-1]  # tagged with the office word after it
        whole = len(before) == 2  # «پرویز مظلومی، سرمربی …»: two words that open the clause before an office
        for at, token in reversed(list(enumerate(before))):
            if not (token.tag == "PROPN" or _unknown_surname(token, run) or (at == 0 and run and token.tag == "NOUN")
                    or (whole and token.tag in ("NOUN", "ADJ") and token.text not in NOT_A_LEADS_PERSON
                        and not token.text.endswith("ترین"))) \
                    and (token.text not in HONORIFICS or token.text == "و" or not run):
                break  # a name is proper nouns, a surname hazm does not know, and a first name opening the clause
            run.append(token)
        name = [token.text for token in reversed(run) if token.text not in HONORIFICS]
        office = CLAUSE_BREAK.split(text[word.start() : word.start() + 120])[0].split("،")[0].split()
        if len(name) >= 2 and NOT_IN_A_NAME.isdisjoint(name):
            found.append((" ".join(name), _office_key(" ".join(office))))
    return found


def _words_back(text: str, end: int, count: int) -> int:
    """Where the `count`-th word before `end` starts (the first word, if there are fewer), read from a stretch before
    `end` that holds more than `count` words, not from the whole text."""
    reach = 200
    while True:
        start = max(0, end - reach)
        starts = [word.start() for word in WORD.finditer(text, start, end)]
        if start == 0:
            return starts[max(0, len(starts) - count)]
        if len(starts) > count:  # the first may be cut at `start`; the one counted is whole
            return starts[-count]
        reach *= 2


def _office_key(office: str) -> str:
    """An office's first words, as it is looked up: without the words a newsroom leaves out when it names it again."""
    return " ".join([word for word in office.split() if word not in OFFICE_FILLERS][:OFFICE_KEY_WORDS])


def _unknown_surname(token: Token, run: list[Token]) -> bool:
    """A surname right before its office that hazm's lexicon lacks, tagged a noun or adjective: «پورموسوی»,
    «فولادگر»."""
    return not run and token.tag in ("NOUN", "ADJ") and token.text not in vocabulary()


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


def _without_honorifics(name: str) -> str:
    """A name without the titles of respect that open it: «سردار حسینی» is «حسینی»."""
    words = name.split()
    return " ".join(words[next((at for at, word in enumerate(words) if word not in HONORIFICS), len(words)) :])


def _compact(text: str) -> str:
    return text.replace("\u200c", "").replace(" ", "")


@dataclass(frozen=True)
class Voice:
    """Who speaks in a sentence (None when nobody is named), and where their words lie in the sentence's text.
    `asked` marks an interviewer's question; `source` is the body a report relays («به نقل از …»), for a sentence no
    one speaks in."""

    speaker: str | None
    start: int
    end: int
    asked: bool = False
    source: str | None = None


@dataclass(frozen=True)
class _Article:
    """A document known by its text: the voices of the last few are kept, for its summary and its claims both read
    them."""

    text: str
    document: Document = field(compare=False)


def voices(document: Document) -> tuple[Voice, ...]:
    """The voice of every sentence of the document, in order (see `_voices`)."""
    return _voices(_Article(document.text, document))


@lru_cache(maxsize=8)
def _voices(article: _Article) -> tuple[Voice, ...]:
    """The voice of every sentence of the document, in order. A pronoun that speaks before anyone is named is the
    person the lead opens on, unless a sentence before it gave someone's words or belief, or one after the lead opened
    on another full name or named someone with an office; else it is the lead's person once they speak by a name the
    lead gives, or no one."""
    document = article.document
    book = SpeakerBook(document.text)
    asked, first_question = _interviewer_turns(document)
    interviewee: str | None = None
    running: str | None = None  # whose words run on to the end of `running_paragraph`
    running_paragraph = -1
    quoting: str | None = None  # whose quotation is open
    depth = 0  # «» left open so far
    found: list[Voice] = []
    relayed: str | None = None  # the body the whole report is relayed from, as its lead says
    authors, listed_at = _authors(document.text) or (None, 0)  # a paper's, for its abstract before their list
    unnamed = False  # whether a pronoun spoke with no name before it: its voices are UNNAMED until it has one
    lead = document.sentences[0].text if document.sentences else ""  # who a pronoun before any name stands for
    previous_paragraph = -1
    spoke: str | None = None
    putting = -1  # the paragraph of a question put to someone («از X سوال شد: …»)
    others_named = gave = False  # whether a sentence before anyone spoke gave someone's words or named another
    # an interview whose lead opens on the person's name and says they spoke to the newsroom («مهدی کیانی در گفت و
    # گو با خبرنگار «ورزش سه»، درباره … صحبت کرد»): first-person words no one else is said to speak are theirs
    office_first: str | None = None  # an office that spoke first, before anyone was named
    office_before: tuple[str, int] | None = None  # an office that spoke unnamed later, and its sentence
    interviewed = _lead_subject(lead) if INTERVIEW_LEAD.search(lead) else None
    monologue = _lead_subject(lead) if INTERVIEW_GIVEN.search(lead) else None
    for sentence in document.sentences:
        attribution = attribute(sentence.text, long_frames=True)
        if attribution.speaker is None and (ending := _speaker_ending_the_frame(sentence.text, attribution, document)):
            attribution = replace(attribution, speaker=ending, quoted=True, runs_on=True)
        elif attribution.speaker is None and attribution.quoted and not attribution.unnamed_frame and \
                (known := _named_before(book, sentence.text[attribution.body_start : attribution.statement_start])):
            attribution = replace(attribution, speaker=known)  # «همتی روابط عمومی را … دانست و … بیان داشت: …»
        others_named |= gave  # the sentences before this one
        gave = book.last is None and (BELIEF_OR_SPEECH.search(sentence.text) is not None or (
            sentence.index > 0 and (_opens_on_a_name(sentence.text[attribution.body_start :]) or
                                    bool(_named_offices(sentence.text)))))
        turn = TURN.match(sentence.text)
        label = turn if turn and (turn.group("bullet") or sentence.paragraph != previous_paragraph) else None
        previous_paragraph = sentence.paragraph
        opened_at = depth
        depth = max(0, depth + sentence.text.count("«") - sentence.text.count("»"))
        answering = first_question is not None and sentence.index > first_question
        # «X گفت …» with no colon or «… X اعلام کرد.», inside an answer, an open quotation or a paragraph of someone's
        # words: the speaker retells X, frame and all
        in_running_paragraph = running is not None and sentence.paragraph == running_paragraph
        retold = attribution.speaker is not None and not attribution.runs_on and (
            answering or bool(quoting and opened_at > 0) or in_running_paragraph)
        start = attribution.statement_start if (attribution.quoted and not retold) or attribution.unnamed_frame \
            else attribution.body_start
        end = attribution.statement_end
        colon = sentence.text.find(":")
        if colon > 0 and QUESTION_PUT.search(sentence.text[:colon]):
            putting = sentence.paragraph
        elif sentence.paragraph == putting and attribution.speaker is not None:
            putting = -1  # «از X سوال شد: … چیست؟» and then «وی گفت: …»: the answer
        if sentence.index in asked or sentence.paragraph == putting:
            found.append(Voice(None, start, end, asked=True))
            spoke = None
            continue
        if attribution.speaker is not None and not retold:
            if not book.names and not others_named and attribution.speaker.split()[0] in TITLE_WORDS and \
                    (person := _lead_subject(lead)) and all(token.tag == "PROPN" for token in tagged(person)):
                book.resolve(person, False)  # «علی دایی … کنایه تندی نثار … کرد» and then «سرمربی سایپا گفت:»
            titled = attribution.speaker.split()[0] in TITLE_WORDS
            opens = titled and not book.names
            introduced, office_before = office_before, None
            new_name = introduced is not None and introduced[1] == sentence.index - 1 and \
                book.known(attribution.speaker) is None  # only right after an office that spoke unnamed
            speaker = book.resolve(attribution.speaker, attribution.is_pronoun)
            if new_name and speaker is not None and len(speaker.split()) >= 2 and not _is_an_office(speaker) and \
                    GOES_ON.search(sentence.text[: start + 1]):
                found = _named(found, speaker, introduced[0])
                book.introduces(introduced[0], speaker)
            if titled and not opens and speaker == attribution.speaker:
                office_before = (speaker, sentence.index)  # an office with no name yet, after someone named
            if opens and speaker == attribution.speaker:
                office_first = speaker  # an office speaks first, and no name is known for it yet
            elif office_first is not None and speaker not in (None, office_first):
                words = speaker.split()
                # «رئیس شرکت نفت آرامکو … افزود:» then «عبدالله جمعه خاطرنشان کرد:»: the name the office goes on
                # with; «مهاجم تیم ملی … گفت:» then «آزمون درباره … گفت: من …»: a bare surname next to speak in the
                # first person (a body, «سوریه … اعلام کرد», is not the office's person)
                if words[0] not in TITLE_WORDS and (
                        (len(words) >= 2 and GOES_ON.search(sentence.text[: start + 1])) or
                        (len(words) == 1 and in_first_person(sentence.text[start:end]))):
                    found = _named(found, speaker, office_first)
                    book.holds(office_first, speaker)
                office_first = None
            if speaker is None and attribution.is_pronoun and not THE_DOCUMENT.match(attribution.speaker):
                before = document.sentences[sentence.index - 1].text if sentence.index else ""
                person = _believer(before) or (None if others_named else _lead_subject(lead))
                if person is not None:
                    speaker = book.resolve(person, False)  # «دلوفئو در تابستان …» and then «او گفت: …»
                else:
                    speaker, unnamed = UNNAMED, True  # «او … می‌گوید: …» before anyone has spoken
            elif speaker is not None and unnamed and (_named_in(speaker, lead) or (
                    speaker.split()[0] not in TITLE_WORDS and GOES_ON.search(sentence.text[: start + 1]))):
                found = _named(found, speaker)  # the lead's person, who speaks by name only later, or the one who
                unnamed = False  # «ادامه داد»: «او گفت: …» and then «برباتوف ادامه داد: …»
            in_quotes = "«" in sentence.text[max(0, start - 2) : start]  # «X گفت: «…»» ends where the quote does
            running, running_paragraph = (speaker, sentence.paragraph) if attribution.runs_on and not in_quotes else (
                None, -1)
            quoting = speaker if depth > 0 and attribution.quoted else None
        elif label and (named := _labelled(book, label.group("label"), answering)):
            speaker = named
            start = max(start, label.end())
            running, running_paragraph, quoting = speaker, sentence.paragraph, speaker if depth > 0 else None
        elif answering:
            if interviewee is None:
                interviewee = book.last or _first_name(document, document.sentences[first_question].paragraph)
            speaker = interviewee
        elif monologue is not None and sentence.index > 0:
            speaker = book.resolve(monologue, False)
        elif running is not None and sentence.paragraph == running_paragraph:
            speaker = running
        elif quoting is not None and opened_at > 0:
            speaker = quoting
        elif (spoke is not None or interviewed is not None) and in_first_person(sentence.text[start:end]):
            if spoke is not None:  # «… باید … می‌کردیم» right after X's words: X goes on, unannounced, to the
                speaker = spoke  # paragraph's end
                running, running_paragraph = speaker, sentence.paragraph
            else:
                speaker = book.resolve(interviewed, False)  # an interview's answers, run on without a frame
        elif HIS_STANCE.match(sentence.text[attribution.body_start :]):
            # «وی چهارمحال و بختیاری را استانی ناامن … دانست و از خانواده‌ها خواست …»: the person last named; before
            # anyone is, the one the lead opens on («حسینی شاهرودی … تحلیل کرد» and then «وی … را … ارزیابی کرد»),
            # though not yet a speaker whom a later office may stand for
            speaker = book.last if book.last is not None or others_named else _lead_subject(lead)
        elif unnamed and (also := ALSO_SAID.match(sentence.text, attribution.body_start)) and \
                also["who"] not in PRONOUNS:
            speaker = book.resolve(also["who"], False)
            found, unnamed = _named(found, speaker), False
        elif (stance := NAMED_STANCE.match(sentence.text, attribution.body_start)) and \
                (named := book.known(stance["who"]) or _named_before(book, sentence.text[attribution.body_start :])
                 or (stance["who"] in TITLE_WORDS and _a_persons(found[-1:]))):
            speaker = named  # («مسئول شبکه دامپزشکی شهرستان انار هاری، … را از جمله … برشمرد»: by office; an office
            # no one was named with, right after a person spoke, is that person: «رئیس تشکیلات خودگردان … را … دانست»
            # after «محمود عباس … گفت»)
        elif (told := TOLD_BY.search(sentence.text, attribution.body_start)) and \
                (named := book.known(told["who"]) or book.lead_by_office(told["who"])):
            speaker = named  # «به گفته پسندیده آمارها نشان می‌دهد …»: someone named before, with no comma after
        else:
            speaker = None
        # whose words this sentence gives, for a first-person sentence after it: not a «X … گفت.» told in the third
        # person
        if speaker is not None or attribution.speaker is not None:
            spoke = speaker if attribution.quoted or attribution.speaker is None or retold else None
        if depth == 0:
            quoting = None
        frame = sentence.text[: attribution.statement_start if attribution.quoted else attribution.body_start]
        own = relayed_source(frame) if frame else None  # «به گزارش … به نقل از X،», «به نوشته X،»
        if own is not None and sentence.index == 0:
            relayed = own
        source = own or relayed or (authors if sentence.start < listed_at else None)
        found.append(Voice(speaker, start, end, source=None if speaker and speaker != UNNAMED else source))
    return tuple(_one_persons_office(_named(found, None), document.text))


def _a_persons(voices: list[Voice]) -> str | None:
    """The name of the person whose voice the last of `voices` is; None for no one, an office or a pronoun's."""
    speaker = voices[-1].speaker if voices else None
    return None if speaker is None or speaker == UNNAMED or _is_an_office(speaker) else speaker


def _authors(text: str) -> tuple[str, int] | None:
    """The authors a paper's abstract lists under «نویسندگان:», as one source («حسن خسروی، محمود فلاح و وحید دهنوی»),
    from their «نام: سمت» lines or the one line that names them all; and where the list begins."""
    label = AUTHORS_LABEL.search(text)
    if label is None:
        return None
    listed_at = label.start()
    listed = [line.strip() for line in text[label.end() :].split("\n") if line.strip()]
    names = []
    for line in listed:
        if not (author := AUTHOR_LINE.match(line)):
            break
        names.append(author["name"])
    if not names and listed and len(listed[0].split()) <= AUTHORS_LINE_WORDS and ":" not in listed[0]:
        return listed[0], listed_at  # «دل‌آرا نعمتی پیرعلی، مهری طاهر»: the names on one line
    return (" و ".join(filter(None, ("، ".join(names[:-1]), names[-1]))), listed_at) if names else None


def _one_persons_office(found: list[Voice], text: str) -> list[Voice]:
    """The voices of an office or an epithet («رئیس آموزش و پرورش استثنایی …», «این کارشناس …») that the book left
    unresolved, given the name of the one person the article quotes by name («علی متقیان اظهار کرد: …», «متقیان …»):
    a newsroom names its speaker once and then by office, or by several («امام جمعه …», «عضو مجلس خبرگان»). Only where
    that name speaks first, every named voice is that person's (one surname, a name of up to four words that is no
    body's or outlet's), the article pairs neither an office nor the person with another («کالین پاول وزیر …»), and
    never says an office speaks too («وزیر … نیز گفت»): then it can be no one else."""
    spoken = {voice.speaker for voice in found if voice.speaker}
    offices = {speaker for speaker in spoken if _is_an_office(speaker)}
    names = spoken - offices
    if not offices or not names or len({name.split()[-1] for name in names}) > 1 or \
            next(voice.speaker for voice in found if voice.speaker) in offices:
        return found
    name = max(names, key=len)
    if len(name.split()) > MAX_NAME_WORDS or not NOT_A_PERSON.isdisjoint(name.split()) or AGENCY.search(name) or \
            any(_paired_otherwise(text, _office_key(office), name.split()[-1]) or followed_by(text, office, ALSO)
                for office in offices):
        return found
    return [replace(voice, speaker=name) if voice.speaker in offices else voice for voice in found]


def _paired_otherwise(text: str, key: str, surname: str) -> bool:
    """Whether the article gives the office with someone else's name, or the person with another office."""
    held = _office_index(text)
    return any((known == key) != (held.names[number].split()[-1] == surname) for known, number in held.order.items())


def _is_an_office(speaker: str) -> bool:
    """A speaker named by an office («معاون …») or by an epithet for a person («این کارشناس …»), not by a name, and
    not a source or an outlet («این منبع», «این سایت»)."""
    words = speaker.split()
    if words[0] in OFFICE_HEADS or LONG_EPITHET.match(speaker):
        return True
    return EPITHET.match(speaker) is not None and len(words) > 1 and words[1] not in NOT_A_PERSON


def _speaker_ending_the_frame(text: str, attribution: Attribution, document: Document) -> str | None:
    """«به گزارش … به نقل از روابط عمومی آموزش و پرورش خراسان شمالی علی متقیان اظهار کرد: …»: a news frame that ran
    on through the body it relays into the speaker and the speech verb, where no tag tells the body's name from the
    person's. The speaker is a name in «» the frame relays («… به نقل از «خالد المظف» مسئول پرونده … اعلام کرد:»), or
    else its last word when another sentence of the article opens on it («متقیان هدف از … اعلام کرد»): a surname.
    Not a document's «… آمده است:»."""
    frame = text[: attribution.body_start]
    speech = SPEECH_AT_END.search(frame) if "نقل" in frame else None
    if speech is None or "آمده" in speech.group():
        return None
    if quoted := RELAYED_QUOTED_NAME.search(frame, 0, speech.start()):
        return quoted["name"].strip()
    words = frame[: speech.start()].split()
    surname = _compact(words[-1]) if words else ""
    if len(surname) < 3 or words[-1] in TITLE_WORDS or AGENCY.search(words[-1]):
        return None
    for other in document.sentences:
        body = other.text[news_frame_end(other.text) :] if other.text != text else ""
        if _compact(" ".join(body.split()[:2])).startswith(surname):
            return words[-1]
    return None


def _named(found: list[Voice], speaker: str | None, standing: str = UNNAMED) -> list[Voice]:
    """The voices whose speaker is `standing` (UNNAMED, or an office that spoke before its name was given) given
    `speaker`: the name they turned out to have, or no one."""
    return [replace(voice, speaker=speaker, source=None if speaker else voice.source) if voice.speaker == standing
            else voice for voice in found]


def _opens_on_a_name(body: str) -> bool:
    """«پل اسکولز اما سعی …»: the sentence's subject, after its news frame, is a person's full name, so a later «او»
    may be them."""
    return [token.tag for token in tagged(" ".join(body.split()[:2]))] == ["PROPN", "PROPN"]


@lru_cache(maxsize=8)
def _lead_subject(lead: str) -> str | None:
    """The person the lead opens on, when it opens on a bare name: «دلوفئو در تابستان …», «ژیرو که …», «جمشید تقی
    زاده، معاون …», «حجت‌الاسلام والمسلمین حسینی شاهرودی، …» (a name of up to three words after its honorifics): an
    «او گفت: …» before anyone speaks may be theirs. Not two people, a team's players («شاگردان مورینیو»), a plural, a
    time or an epithet."""
    body = lead[attribute(lead).body_start :]
    run: list[Token] = []
    for token in tagged(body):
        if token.text in "«»":
            continue  # «دکتر «احمد ابراهیم»، …»
        if token.text in ("که", "،", ",") or token.tag in ("ADP", "VERB", "AUX", "PUNCT"):
            break
        run.append(token)
    else:
        return None
    honorifics = next((at for at, token in enumerate(run) if token.text not in HONORIFICS - {"و"}), len(run))
    if not 1 <= len(run) - honorifics <= LEAD_NAME_WORDS or run[0].text in TITLE_WORDS or \
            run[-1].text in HONORIFICS or \
            any(token.tag in ("DET", "NUM", "PRON", "ADV") or token.text in NOT_IN_A_NAME | NOT_A_LEADS_PERSON or
                token.text.endswith(("ها", "های")) for token in run):
        return None
    return clean_speaker(body[run[0].start : run[-1].start + len(run[-1].text)])


def _named_before(book: SpeakerBook, phrase: str) -> str | None:
    """The person named before whom a frame or a told stance opens on, where it ran on into its clause: by their
    surname («همتی روابط عمومی را … دانست …») or by an office the article gives them («مسئول شبکه دامپزشکی شهرستان
    انار هاری، … را … برشمرد» after «احمد رضایی مسئول شبکه دامپزشکی …»)."""
    words = phrase.split()
    known = book.known(phrase.strip()) if words else None
    if known is None:
        return None
    return known if known.split()[-1] == words[0] or (words[0] in TITLE_WORDS and
                                                      known.split()[0] not in TITLE_WORDS) else None


def _believer(sentence: str) -> str | None:
    """Who, in the last clause of `sentence`, holds or asks something (`HOLDS`), named by a bare name of up to three
    words: whom an «او گفت: …» right after it stands for, when nobody has spoken yet."""
    holding = list(HOLDS.finditer(sentence))
    if not holding:
        return None
    before = sentence[: holding[-1].start()]
    opening = LAST_CLAUSE.match(before)
    phrase = clean_speaker(before[opening.end() :] if opening else before)
    if phrase is None or phrase in PRONOUNS or len(phrase.split()) > BELIEVER_WORDS:
        return None
    run = tagged(phrase)
    if run[0].text in TITLE_WORDS or any(
            token.tag in ("DET", "NUM", "PRON", "ADV", "ADP") or token.text in NOT_IN_A_NAME | NOT_A_LEADS_PERSON or
            token.text.endswith(("ها", "های")) for token in run):
        return None
    return phrase


def _named_in(speaker: str, lead: str) -> bool:
    """Whether the lead names the speaker: the whole phrase, or a name's surname («مشرف» for «پرویز مشرف»)."""
    words = speaker.split()
    return _compact(speaker) in _compact(lead) or (len(words) <= 2 and words[-1] in lead.split())


def _interviewer_turns(document: Document) -> tuple[set[int], int | None]:
    """The sentences an interviewer speaks, and the first of them, when the article is an interview: at least
    INTERVIEW_QUESTIONS turns, each a paragraph that asks and is answered by the next, or a turn labelled
    «فارس: …» / «* سؤال: …» that runs to its question mark or to the next labelled turn."""
    paragraphs = document.text.split("\n")
    asking = _question_paragraphs(document, paragraphs)
    asked = {sentence.index for sentence in document.sentences if sentence.paragraph in asking}
    turns = len(asking)
    in_turn = -1  # the paragraph of the labelled question turn under way
    for sentence in document.sentences:
        if sentence.paragraph in asking:
            continue
        turn = TURN.match(sentence.text)
        if turn and QUESTION_LABEL.match(turn.group("label") + ":"):
            in_turn, turns = sentence.paragraph, turns + 1
        elif turn or sentence.paragraph != in_turn:
            in_turn = -1
        if in_turn >= 0:
            asked.add(sentence.index)
            if QUESTION_END.search(sentence.text.rstrip(" .")):
                in_turn = -1
    if turns < INTERVIEW_QUESTIONS:
        return set(), None
    return asked, min(asked)


def _question_paragraphs(document: Document, paragraphs: list[str]) -> set[int]:
    """Paragraphs that ask (a question label, or a question mark at the end) and are answered by the next paragraph
    that has a sentence in it."""
    asking = {
        index for index, paragraph in enumerate(paragraphs)
        if QUESTION_LABEL.match(paragraph)
        or (QUESTION_END.search(paragraph) and len(paragraph.split()) <= MAX_QUESTION_WORDS)
    }
    spoken = sorted({sentence.paragraph for sentence in document.sentences})
    answered = set()
    for index in asking:
        following = bisect_right(spoken, index)
        if following < len(spoken) and spoken[following] not in asking:
            answered.add(index)
    return answered


def _labelled(book: SpeakerBook, label: str, answering: bool) -> str | None:
    """The speaker a turn's label names: a person the article has named, or in an interview's answers any label
    that names someone."""
    label = clean_speaker(label) or ""
    if not label or NEWS_FRAME.match(label + "،"):
        return None
    named = book.known(label)
    if named is None and answering:
        named = label
    if named is not None:
        book.resolve(named, False)
    return named


def _first_name(document: Document, before: int) -> str | None:
    """The first run of proper nouns in the paragraphs before an interview's first question: the interviewee."""
    for sentence in document.sentences:
        if sentence.paragraph >= before:
            break
        body = sentence.text[attribute(sentence.text).body_start :]
        run: list[Token] = []
        for token in tagged(body):
            if token.tag == "PROPN":
                run.append(token)
            elif len(run) >= 2:
                break
            else:
                run = []
        if len(run) >= 2:
            return body[run[0].start : run[-1].start + len(run[-1].text)]
    return None

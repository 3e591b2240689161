"""Learned one-sentence summary: the opening sentence or clause a newsroom would put in its lead.

A newsroom lead restates the article's point in one sentence, usually without the agency frame («به گزارش خبرنگار
فارس از …،»), often without the speaker's name or introduction, and shorter than the article's long opening sentences.
So the candidates are the opening sentences, each also without its news frame, from the quoted statement, or from the
speaker's office, and each also cut at a clause that ends on a verb; every candidate also loses the interviewer
(«در گفت‌وگو با خبرنگار فارس»), the topic phrase before a speech verb and asides in parentheses. A linear model over
cheap features (position, TextRank score, centrality, length, frame, speech, a speaker named by office, cross-fitted
rates of words kept in and opening leads and of words in the sentence leads were drawn from) ranks them
(`scripts/train_summary.py` fits it with k-fold cross-validation). Every candidate starts at a sentence, clause or
office start and ends at a sentence or clause end, so the summary is the article's own prose. Where the model's pick
is a cut of a sentence, the sentence runs whole from the same start: editors judged those cuts worse. Where it names
its speaker bare, the office the article gives them elsewhere follows the name: readers want to know who speaks.
"""

import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate, chain, repeat

import numpy as np

from kholase.extractive.attribution import (
    FRAME_VERB,
    LIST_ANNOUNCEMENT,
    PRONOUNS,
    SPEECH_VERB,
    TITLE_WORDS,
    VERB_ENDING,
    WEEKDAY,
    attribute,
    followed_by,
    news_frame_end,
    quoted_frame,
    tokens_in_first_person,
)
from kholase.extractive.headline import COMPLEMENT_PREDICATES, NICKNAMED
from kholase.extractive.learned import RESOURCES, LearnedRanker, feature_rows, with_columns
from kholase.extractive.speakers import UNNAMED, voices
from kholase.text.clean import ZWNJ
from kholase.text.sentences import DOUBLED_WORD, WORD, Document, Sentence, word_form
from kholase.text.tagger import VERB_TAGS, tagged

SUMMARY_SENTENCES = 5
# What the model's score of a lead-sentence candidate is raised by. In a blind panel the lead beat the model's later
# sentence where the model preferred that sentence by up to about 0.1, and lost beyond; at this value held-out
# ROUGE-1 against newsroom leads stays above Lead-1's.
LEAD_PREFERENCE = 0.07
# A clause ends before «،», «؛», «و», «که» or «تا» after a word that ends like a finite verb; shorter pieces read as
# fragments. Never before «اما» or «ولی»: their turn is often the news («… جوابی به این نامه فیفا نداد اما از وزارت
# ورزش خواست …», «… قرار بوده … جانشین وی بشود اما … این انتقال رخ نداده …»).
CLAUSE_END = re.compile(r"\s*[،؛;]\s(?!(?:اما|ولی)\s)|\s+(?=(?:و|که|تا)\s)")
VERB_ENDINGS = ("شد", "شود", "شوند", "شدند", "کرد", "کند", "کنند", "کردند", "است", "اند", "دارد", "دارند", "داد",
                "دهد", "دهند", "رسید", "رسد", "گرفت", "گیرد", "یابد", "یافت", "ماند", "خواهد", "نیست", "بود", "بودند",
                "باشد", "گفت", "گوید", "آمد", "آید", "شده‌است", "می‌شود")
# Nouns that end like one («… شرایط برای رشد و رونق …»): no clause ends on them.
ENDS_LIKE_A_VERB = frozenset(("رشد", "ارشد", "مرشد", "عملکرد", "رویکرد", "کارکرد", "رویداد", "قرارداد", "تعداد",
                              "استعداد", "بغداد", "درخواست", "سیاست", "ریاست", "کمبود", "بهبود", "درآمد", "کارآمد"))
MIN_CLAUSE_WORDS = 8
SUBORDINATE = re.compile(
    r"(?<!\S)(?:(?:این|آن)[\s\u200c]?که|اگر|اگرچه|چنانچه|هرچند|هر\s+چند|وقتی|(?:هنگامی|زمانی)[\s\u200c]?که"
    r"|در\s+حالی[\s\u200c]?که)(?!\S)"
)
# «X با اشاره به اینکه …، بلکه …، اظهار کرد: …»: what the speaker said while speaking runs to the speech verb, over
# its commas; a cut inside it is a fragment
WHILE_SAYING = re.compile(
    r"(?<!\S)با\s+(?:اشاره\s+به|بیان|تاکید\s+بر|تأکید\s+بر|ابراز)\s+(?:این|آن)[\s\u200c]?که(?!\S)"
)
# «X … حرف‌هایش را اینطور آغاز کرد و گفت: …»: a clause that says "thus" points ahead to the words after «و گفت:»
FRAME_FOLLOWS = re.compile(rf"و\s*{FRAME_VERB}{VERB_ENDING}\s*:")
THUS = re.compile(r"(?<!\S)(?:این[\s\u200c]?طور|این[\s\u200c]?گونه|این\s?چنین|چنین)(?!\S)")
# «… در حالی برگزار می‌شود» waits for its «که …»: a clause cut there is a fragment
CONTRAST = re.compile(r"(?<!\S)در\s+(?:حالی|شرایطی)(?![\s\u200c]?که)(?!\S)")
RELATIVE = re.compile(r"(?<!\S)که(?!\S)")
FIRST_PERSON = frozenset(("من", "ما", "بنده", "مرا"))
# Leads name a speaker by office («مدیرکل … گفت:»), the body by name; a stretch opening on an office reads like a lead.
OFFICE = re.compile(
    r"(?:رئیس|رییس|مدیرکل|مدیر|معاون|وزیر|استاندار|فرماندار|امام جمعه|سرمربی|دبیر|نماینده|سخنگوی|فرمانده|دادستان"
    r"|مسئول|عضو|نایب|سفیر|کارشناس|سرپرست|مدیرعامل|شهردار|بخشدار|رهبر|مربی|کاپیتان|بازیکن|هافبک|مهاجم"
    r"|دروازه‌بان|مدافع|ستاره|باشگاه|تیم)"
)
SAYS = re.compile(r"\sگفت\s*:")
SAID = re.compile(rf"\s(?:و\s*)?{FRAME_VERB}{VERB_ENDING}$")  # «X … گفت» before «که …»: what was said comes after
# «… در تلاش است تا …», «… تصمیم گرفت که …», «… آماده است تا …»: a predicate whose news is the clause it introduces
INTRODUCES = re.compile(rf"(?:^|\s)(?:{'|'.join(sorted(COMPLEMENT_PREDICATES | {'آماده'}))})(?:\s+\S+){{1,2}}$")
# «… در پایان این تیم کرمانی بود که …», «اخبار حاکی از آن است که …»: a cleft, whose news is the «که» clause
CLEFT = re.compile(r"(?:^|\s)(?:این|آن|همین)(?:\s+\S+){0,3}\s+(?:بود|است)$")
# A cut never leaves out a match's score when what it keeps has none («… مقابل هم صف‌آرایی کردند که … با نتیجه ۳۹
# بر ۳۵ …»): the result is the news.
SCORE_SIDE = r"(?:[\d۰-۹]+|صفر|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده)"
SCORE = re.compile(rf"(?<!\S){SCORE_SIDE}\s+بر\s+{SCORE_SIDE}(?!\S)")
COUNT_CLAUSE_WORDS = 20  # a longer clause after the cut is a list or another statement, not the news's count
# A number that counts something («۷ بازیکن», «۳۹ بر ۳۵»), not a date or a time («۲ خرداد», «۱۵ سال»).
COUNT = re.compile(r"(?<!\S)[\d۰-۹]+(?:[/.٫][\d۰-۹]+)?\s+(?!(?:سال|ماه|روز|ساعت|دقیقه|هفته|فروردین|اردیبهشت|خرداد"
                   r"|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند)(?:\s|$))\S")
QUOTE_MARKS = "«»\"“”"
QUOTE = re.compile(f"[{QUOTE_MARKS}]")
# Leads never keep who interviewed the speaker («در گفت‌وگو با خبرنگار فارس،»), and rarely a parenthesis of several
# words or a weekday; both are cut from every candidate (an honorific such as «(ره)» stays).
INTERVIEW = re.compile(
    r"\s+در\s+(?:گفت\s?\u200c?و?\s?\u200c?گو|مصاحبه)\s+(?:اختصاصی\s+)?با\s+[^،:]{0,80}?"
    r"(?:فارس|ورزش\s?سه|خبرنگاران|تسنیم|ایسنا|ایرنا|مهر)»?(?:\s+«[^«»،:]{1,20}»)?"
    # and the agency's club in «» («… باشگاه خبری فارس «توانا»»), where the agency reports from or which reporters
    # («… خبرگزاری فارس استان تهران», «خبرنگاران پارلمانی»)
    r"(?:\s+(?:استان|شهرستان)\s+\S+|\s+پارلمانی|\s+(?:در|از)\s+(?!(?:این|آن)\s)\S+(?=\s+(?:در|با|درباره|پیرامون)\s))?"
    r"\s*،?(?=\s)"
)
# «X با اشاره به …، اظهار داشت:»: leads keep the speaker and the verb, not the topic phrase between them.
TOPIC_BEFORE_SPEECH = re.compile(rf"\s+با\s+(?:اشاره|توجه)\s+به\s+[^،:؛]{{3,160}}،\s*(?={SPEECH_VERB})")
ASIDE = re.compile(r"\s*\((?:[^()]*\s[^()]*|[^()]*شنبه|جمعه)\)")
# «X، در این باره گفت: …»: the topic it points back to is not in a one-sentence lead; the speaker and verb are.
POINTED_TOPIC = re.compile(
    rf"(?:\s*[،,])?\s+در\s*(?:این|همین)[\s\u200c]*(?:باره|رابطه|زمینه|خصوص|مورد)(?=\s+(?:به\s+\S+\s+)?{SPEECH_VERB})"
)
SPOKEN_WHEN = rf"(?:امروز|دیروز|امشب|دیشب|صبح|عصر|ظهر|شب|بامداد|شامگاه|بعد\s?از\s?ظهر|پیش\s+از\s+ظهر|روز|{WEEKDAY})\s"
SPOKEN_OF = (r"(?:با\s+(?:بیان|اشاره|تاکید|تأکید|ابراز)|ضمن|درباره|درخصوص|همچنین|نیز|در\s*(?:خصوص|مورد|باره|پاسخ|ادامه"
             r"|رابطه|این|آن|جمع|نشست|جلسه|مراسم|آیین|همایش|گفت|حاشیه|دیدار|سفر|بازدید|خطبه|خطبه‌های))\s")
# What follows a whole office in its sentence (`_speaks_right_after`).
GOES_ON = re.compile(rf"\s*(?:[،,]|(?:(?:نیز|هم|همچنین)\s+)?{SPEECH_VERB}|{SPOKEN_WHEN}|{SPOKEN_OF})")
LENGTH_BINS = (8, 12, 16, 20, 25, 30, 40, 55)
BYLINE = re.compile(r"^(?:به\s+گزارش|به\s+نقل\s+از|خبرگزاری\s+\S+\s*[:،])\s")  # not «خبرگزاری فارس … تهیه کرده است»
# Openings that point back to an earlier sentence: an aside («گفتنی است»), «این گزارش …», «به گفته این …», «در این
# دیدار», «این منبع … افزود», «هم»/«نیز» ("also") within the first words, «این در حالی است» (a contrast),
# «در واکنش به این …», «براساس این گزارش» with no comma to end a frame, «با این حال», «در همین رابطه», «در این
# میان», or an epithet for someone named before («این بازیکن …»).
POINTS_BACK = re.compile(
    r"^(?:گفتنی\s+است|شایان\s+ذکر\s+است|لازم\s+به\s+ذکر\s+است|این\s+گزارش|به\s+گفته\s+(?:این|وی|او)"
    r"|در\s+این\s+(?:دیدار|جلسه|نشست|مراسم|زمینه|راستا)|این(?:\s+\S+){1,3}\s+(?:اضافه|افزود)"
    r"|(?:\S+\s+){1,4}(?:هم|نیز|همچنین)\s"
    r"|(?:این|آن)\s+در\s+حالی\s+(?:است|بود)|(?:بر\s?اساس|طبق|بنا\s?بر)\s+این\s+گز|در\s+(?:واکنش|پاسخ)\s+به\s+این\s"
    r"|(?:علاوه|افزون)\s+بر\s?این|با\s+(?:این|این\s+همه|همه\s+این)\s+(?:حال|وجود|اوصاف|تفاسیر)"
    r"|در\s+همین\s+(?:رابطه|ارتباط|زمینه|راستا|حال)|در\s+این\s+(?:میان|شرایط|ارتباط|خصوص|باره|بین)\s"
    r"|این\s+(?:بازیکن|ملی\u200cپوش|مربی|سرمربی|مهاجم|هافبک|مدافع|دروازه\u200cبان|ستاره|کشتی\u200cگیر)\s)"
)
# «X افزود: …», «X ادامه داد: …», «X در ادامه … گفت: …»: the speaker is carrying on from a statement before.
CARRIES_ON = re.compile(
    r"^[^:]{0,160}?\s(?:(?:افزود|اضافه\s?(?:کرد|نمود)|ادامه\s?داد)\s*:"
    r"|در\s+(?:ادامه|پایان(?!\s+(?:این|بازی|دیدار|مسابقه|تمرین|جلسه|نشست|مراسم|همایش)\s)"  # not «at the match's end»
    r"|(?:بخش\s+دیگری|بخشی\s+دیگر|قسمت\s+دیگری)\s+از\s+(?:سخنان|صحبت|اظهارات))[^:]{0,120}:"
    rf"|(?:همچنین|نیز)\s+(?:\S+\s+){{0,6}}?{FRAME_VERB}{VERB_ENDING}\s*:)"  # «X … نیز گفت:»: X also said
)
# «وی افزود: …», «X در ادامه افزود: …»: a frame that carries on from the sentence before, which a lead lacks.
CARRIED_ON_BY = re.compile(r"^(?:وی|او|ایشان)(?=\s)")
CARRYING_VERB = re.compile(r"(?:\s+در\s+ادامه)?\s+(?:افزود|اضافه\s?(?:کرد|نمود)|ادامه\s?داد)\s*$")
POINTER_BEFORE = re.compile(r"^(?:این|همین)\s+")  # «این منبع آگاه عراقی»: the source, out of its context
# Words a lead never opens on: each needs the sentence before it.
NEEDS_BEFORE = frozenset("وی او ایشان آنها آن‌ها آنان افزود همچنین البته نیز ضمناً ضمنا سپس بنابراین اما ولی و که"
                         .split())

# A lead runs about 20-27 words; a candidate's expected ROUGE-1 F1 is about 2 x expected hits / (its words + this).
LEAD_WORDS = 24
LEXICAL_FEATURES = ("mean_lead_rate", "sum_lead_rate", "expected_f1", "opener_rate", "lead_sentence_rate")
START_KINDS = ("start_sentence", "start_after_frame", "start_statement")
SENTENCE_FEATURES = ("textrank", "textrank_best", "sentence_has_frame", "sentence_has_statement", "first_in_paragraph",
                     "frame_names_agency", "log_frame_words")
SPAN_FEATURES = ("cut_at_clause", "log_words", *(f"words_over_{n}" for n in LENGTH_BINS), "kept_share",
                 "starts_with_pronoun", "mean_central", "sum_central", "has_quote",
                 "has_colon", "ends_on_colon", "keeps_agency_frame", "starts_with_office", "says", "office_says")
FEATURES = (
    *(f"sentence_{i}" for i in range(SUMMARY_SENTENCES)),
    *START_KINDS,
    *SENTENCE_FEATURES,
    *SPAN_FEATURES,
    *LEXICAL_FEATURES,
)


@dataclass(frozen=True)
class LeadRates:
    """How often a word seen in an article's opening sentences made it into the lead, how often a word that opens
    a candidate opened the lead, and how often a sentence holding the word was the one the lead was best drawn from
    (all smoothed)."""

    rates: dict[str, float]
    default: float
    openers: dict[str, float]
    opener_default: float
    sentences: dict[str, float]
    sentence_default: float

    def to_json(self) -> dict:
        return {"lead_rates": self.rates, "default_rate": self.default, "opener_rates": self.openers,
                "default_opener_rate": self.opener_default, "lead_sentence_rates": self.sentences,
                "default_lead_sentence_rate": self.sentence_default}

    @classmethod
    def from_json(cls, data: dict) -> "LeadRates":
        return cls(data["lead_rates"], data["default_rate"], data["opener_rates"], data["default_opener_rate"],
                   data["lead_sentence_rates"], data["default_lead_sentence_rate"])

    def of_sentence(self, tokens: list[str]) -> float:
        """The mean sentence rate of the sentence's distinct words."""
        words = set(tokens)
        if not words:
            return self.sentence_default
        return sum(self.sentences.get(word, self.sentence_default) for word in words) / len(words)


@dataclass(frozen=True)
class Candidates:
    """Every candidate summary: its sentence, character span and word range, and its feature row (lexical columns
    filled by `with_rates`); per sentence, whether it opens inside a quotation."""

    texts: list[str]
    verbatim: list[bool]
    inside_a_quote: list[bool]
    tokens: list[list[str]]
    sentence_of: np.ndarray
    spans: np.ndarray
    words: np.ndarray
    matrix: np.ndarray

    def text(self, index: int) -> str:
        """A whole sentence verbatim; a part of one tidied at its edges."""
        sentence, (start, end) = self.texts[self.sentence_of[index]], self.spans[index]
        if start == 0 and end == len(sentence) and self.verbatim[self.sentence_of[index]]:
            return sentence
        return _tidy(sentence[start:end], cut=end < len(sentence))

    def opener(self, position: int, first: int) -> str:
        tokens = self.tokens[position]
        return tokens[first] if first < len(tokens) else ""

    def with_rates(self, rates: LeadRates) -> "Candidates":
        """The same candidates with their lexical columns computed from `rates`."""
        prefix = [list(accumulate(map(rates.rates.get, tokens, repeat(rates.default)), initial=0.0))
                  for tokens in self.tokens]
        sentence_rates = [rates.of_sentence(tokens) for tokens in self.tokens]
        columns: dict[str, list[float]] = {name: [] for name in LEXICAL_FEATURES}
        for position, (first, last) in zip(self.sentence_of.tolist(), self.words.tolist()):
            hits, count = prefix[position][last] - prefix[position][first], max(last - first, 1)
            columns["mean_lead_rate"].append(hits / count)
            columns["sum_lead_rate"].append(hits)
            columns["expected_f1"].append(2 * hits / (count + LEAD_WORDS))
            columns["opener_rate"].append(rates.openers.get(self.opener(position, first), rates.opener_default))
            columns["lead_sentence_rate"].append(sentence_rates[position])
        matrix = with_columns(self.matrix, FEATURES, columns)
        return Candidates(self.texts, self.verbatim, self.inside_a_quote, self.tokens, self.sentence_of, self.spans,
                          self.words, matrix)


def _tidy(text: str, cut: bool) -> str:
    """Drop unpaired quotation marks that the cut left behind, a cut clause's trailing comma for a full stop, and a
    word the source doubled by a slip («… رسانده و و زیدان …»)."""
    text = DOUBLED_WORD.sub(r"\1", text.strip())
    if text.count("«") != text.count("»") or text.count('"') % 2:
        text = "".join(char for char in text if char not in QUOTE_MARKS).strip()
    if cut:
        text = text.rstrip("،,؛;: ")
        text = text if text[-1:] in ".!?؟…»\")" else text + "."
    return text


def _starts(text: str) -> dict[int, int]:
    """Where a candidate may start, with its kind (an index into START_KINDS): the sentence, after its news frame,
    and the statement after «X گفت:» or «به گفته X،». The frames of `attribute`, without its costlier patterns."""
    starts = {0: 0}
    body = news_frame_end(text)
    if body:
        starts[body] = 1
    rest = text[body:]
    speech = quoted_frame(rest)
    if speech:
        starts.setdefault(body + speech.end(), 2)
    return starts


def _compressed(text: str) -> str:
    """The sentence without the interviewer, the topic before a speech verb and asides in parentheses."""
    return ASIDE.sub("", POINTED_TOPIC.sub("", TOPIC_BEFORE_SPEECH.sub(" ", INTERVIEW.sub("", text))))


def _clause_ends(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Offsets of clause ends (before «،»/«؛») whose last word reads like a finite verb, unless that clause is
    subordinate («پس از آنکه … شد،», «درباره اینکه … کرد،», «… و اگر … بود،») or relative, lies inside what a
    speaker said while speaking («با اشاره به اینکه …»), holds a «در حالی» still waiting for its «که», says "thus"
    before its «و گفت:», or ends on a speech verb, a cleft or a predicate before the «که …» it introduces («X در
    سخنرانی گفت», «… حاکی از آن است»): cut there, the summary would be a fragment. A clause runs from the last comma
    after a verb, or colon, over the commas of a list inside it («با بیان اینکه … ساده، روان و قابل‌فهم … کرده‌اند،»)."""
    ends, clause_start = [], 0
    for match in CLAUSE_END.finditer(text):
        end = match.start()
        word = bisect_left(spans, (end + 1,)) - 1
        last = text[spans[word][0] : spans[word][1]] if word >= 0 else ""
        if not last.endswith(VERB_ENDINGS) or last in ENDS_LIKE_A_VERB:
            continue
        after_colon = text.rfind(":", 0, end) + 1
        start = max(clause_start, after_colon)
        linked = text.startswith(("که", "تا"), match.end())
        said = SAID.search(text, max(0, end - 40), end) is not None
        says_what_follows = linked and (said or INTRODUCES.search(text, start, end) or CLEFT.search(text, start, end))
        # «X … اعلام کرد، سئول …»: a speech verb with no object of its own frames what follows the comma
        frames_next = said and match.group().strip() in ("،", ",") and " را " not in text[start:end]
        conversation = text.startswith("گو", match.end() + 2)  # «دیدار و گفت و گو کرد»: no «گفت» there
        frame_only = FRAME_FOLLOWS.match(text, match.end()) is not None and THUS.search(text, start, end) is not None
        while_saying = WHILE_SAYING.search(text, after_colon, end) is not None
        contrast = CONTRAST.search(text, start, end)
        waiting = contrast is not None and not RELATIVE.search(text, contrast.end(), end)
        if not (SUBORDINATE.search(text, start, end) or _closes_a_relative(text[start:end]) or says_what_follows
                or frames_next or conversation or frame_only or while_saying or waiting):
            ends.append(end)
        if match.group().strip():  # «،» or «؛», not «و»/«اما» within the clause
            clause_start = match.end()
    return ends


def _inside_a_quote(text: str, start: int) -> bool:
    """Whether the sentence at `start` opens inside a quotation its paragraph opened before it: someone's words,
    whose speaker the sentence does not name."""
    before = text[text.rfind("\n", 0, start) + 1 : start]
    return before.count("«") > before.count("»")


def _closes_a_relative(clause: str) -> bool:
    """Whether the clause is a noun and its relative clause («محمد ابراهیمی که سال گذشته … بود»): its main verb
    comes after the cut. A «که» after a verb («گفت که …», «بود که …») opens a complement instead."""
    relative = RELATIVE.search(clause)
    return relative is not None and all(token.tag not in VERB_TAGS for token in tagged(clause[: relative.start()]))


def candidates(document: Document, scores: np.ndarray, rates: LeadRates | None = None) -> Candidates:
    """Candidates from the first SUMMARY_SENTENCES sentences with their features; `scores` are TextRank's. A clause
    cut that leaves out a score (`SCORE`) and keeps none is no candidate.
    Plain Python lists and prefix sums: a handful of short rows is cheaper that way than with numpy."""
    sentences = document.sentences[:SUMMARY_SENTENCES]
    frequency = Counter(chain.from_iterable(set(sentence.terms) for sentence in document.sentences))
    spread = max(len(document.sentences) - 1, 1)
    # A term's centrality: the share of the other sentences that use it. Stop words and numbers are not terms.
    centrality = {term: (count - 1) / spread for term, count in frequency.items() if count > 1}
    best = int(np.argmax(scores[: len(sentences)])) if sentences else -1
    texts, verbatim, quoted, all_tokens, sentence_of, spans_out, words_out, rows = [], [], [], [], [], [], [], []
    for position, sentence in enumerate(sentences):
        text = _compressed(sentence.text)
        verbatim.append(text == sentence.text)
        quoted.append(_inside_a_quote(document.text, sentence.start))
        matches = list(WORD.finditer(text))
        spans = [match.span() for match in matches]
        tokens = [match.group() for match in matches]
        texts.append(text)
        all_tokens.append([token.replace(ZWNJ, "") for token in tokens])
        central_sum = list(accumulate(map(centrality.get, map(word_form, tokens), repeat(0.0)), initial=0.0))
        starts = _starts(text)
        frame = text[: next((start for start, kind in starts.items() if kind == 1), 0)]
        names_agency = "خبرگزاری" in frame
        shared = {
            **{f"sentence_{i}": float(i == position) for i in range(SUMMARY_SENTENCES)},
            "textrank": float(scores[position]),
            "textrank_best": position == best,
            "sentence_has_frame": bool(frame),
            "sentence_has_statement": 2 in starts.values(),
            "first_in_paragraph": position == 0 or document.sentences[position - 1].paragraph != sentence.paragraph,
            "frame_names_agency": names_agency,
            "log_frame_words": math.log1p(len(frame.split())),
            **dict.fromkeys(LEXICAL_FEATURES, 0.0),  # filled by with_rates
        }
        n = max(len(tokens), 1)
        ends = [len(text), *_clause_ends(text, spans)]
        for start, kind in starts.items():
            first = bisect_left(spans, (start,))
            for end in ends:
                last = bisect_left(spans, (end,))
                if end <= start or (end < len(text) and last - first < MIN_CLAUSE_WORDS):
                    continue
                if end < len(text) and SCORE.search(text, end) and not SCORE.search(text, start, end):
                    continue
                count = max(last - first, 1)
                office, says = bool(OFFICE.match(text, start)), bool(SAYS.search(text, start, min(end, start + 200)))
                row = {
                    **shared,
                    **{start_kind: float(number == kind) for number, start_kind in enumerate(START_KINDS)},
                    "cut_at_clause": end < len(text),
                    "log_words": math.log(count),
                    **{f"words_over_{bound}": count > bound for bound in LENGTH_BINS},
                    "kept_share": count / n,
                    "starts_with_pronoun": first < len(tokens) and tokens[first] in PRONOUNS,
                    "mean_central": (central_sum[last] - central_sum[first]) / count,
                    "sum_central": central_sum[last] - central_sum[first],
                    "has_quote": bool(QUOTE.search(text, start, end)),
                    "has_colon": text.find(":", start, end) >= 0,
                    "ends_on_colon": text[:end].rstrip().endswith(":"),
                    "keeps_agency_frame": names_agency and start == 0,
                    "starts_with_office": office,
                    "says": says,
                    "office_says": office and says,
                }
                sentence_of.append(position)
                spans_out.append((start, end))
                words_out.append((first, last))
                rows.append(row)
    found = Candidates(
        texts,
        verbatim,
        quoted,
        all_tokens,
        np.array(sentence_of, int),
        np.array(spans_out, int).reshape(-1, 2),
        np.array(words_out, int).reshape(-1, 2),
        feature_rows(rows, FEATURES),
    )
    return found.with_rates(rates) if rates is not None else found


def with_the_speakers_office(document: Document, index: int, text: str) -> str:
    """«حسین جوکار امروز در ایلام اظهار داشت: …» with the office the article gives the same speaker where it speaks
    again («رئیس کمیسیون حمل و نقل … گفت: …»): «حسین جوکار، رئیس کمیسیون …، امروز …». Readers of a lead want to know
    who is speaking, and a newsroom's lead names the office. Only a full name the sentence itself gives, with no
    apposition, office or nickname after it, and an office of two words or more («سرمربی» alone says too little)
    which the voices resolved to that same name and whose sentence goes on from it as `_speaks_right_after` says."""
    found = voices(document)
    name = found[index].speaker
    if not name or len(name.split()) < 2 or not TITLE_WORDS.isdisjoint(name.split()) or not text.startswith(name) or \
            attribute(document.sentences[index].text, long_frames=True).speaker != name:
        return text
    rest = text[len(name) :]
    following = rest.split()[0] if rest.split() else ""
    if not rest.startswith(" ") or following[:1] in ("،", ",", "(") or following in TITLE_WORDS | NICKNAMED:
        return text
    office = next((said for sentence, voice in zip(document.sentences, found) if voice.speaker == name and
                   (said := attribute(sentence.text, long_frames=True).speaker) and said.split()[0] in TITLE_WORDS
                   and len(said.split()) >= 2 and _speaks_right_after(said, sentence.text)), None)
    if office is None or office in text:
        return text
    return f"{name}، {office}،{rest}"


def said_as_a_lead(document: Document, index: int, text: str) -> str:
    """A frame that carries on from the sentence before, told as a lead tells it: «وی» is the speaker the voices
    found for it, and «افزود», «ادامه داد» (and an «در ادامه» before them) say «گفت» («وی افزود: «پل برمر …»» →
    «منبع آگاه عراقی گفت: «پل برمر …»»). A pronoun with no name found for it stays."""
    colon = text.find(":")
    if colon < 0:
        return text
    frame, rest = text[:colon], text[colon:]
    if pronoun := CARRIED_ON_BY.match(frame):
        speaker = voices(document)[index].speaker
        if speaker is None or speaker == UNNAMED:
            return text
        frame = POINTER_BEFORE.sub("", speaker) + frame[pronoun.end() :]
    return CARRYING_VERB.sub(" گفت", frame, count=1) + rest


def _newsroom_lead(document: Document) -> bool:
    """Whether the first sentence is the newsroom's own lead on a scraped page: the page carried its title line, and
    the sentence stands alone before the body that opens on the agency's frame («افزایش قابل‌توجه کمک‌های مردمی …»,
    then ««بختیاری» گفت: …», then «به گزارش خبرنگار دفاع‌پرس از زنجان، …»)."""
    sentences = document.sentences
    return bool(document.clean.title) and len(sentences) > 1 and \
        sentences[1].paragraph != sentences[0].paragraph and news_frame_end(sentences[1].text) > 0


def _speaks_right_after(office: str, sentence: str) -> bool:
    """Whether the office ends where the sentence goes on to its speech verb, a comma, the time it spoke or what it
    spoke of («رئیس … گفت:», «… نیز افزود», «… امروز در …», «… با اشاره به …», «… در پاسخ به …»): the office is
    whole, not cut before its own «با …» or «در …» («… تغذیه با شیرمادر», «نماینده مردم اهواز در مجلس …») nor run on
    into the frame's topic («… استان زنجان پایلوت شدن …»)."""
    return followed_by(sentence, office, GOES_ON)


@dataclass(frozen=True)
class SummaryRanker(LearnedRanker):
    """The candidate model and its lead rates: loaded once, called per article."""

    rates: LeadRates

    FEATURES = FEATURES
    PATH = RESOURCES / "summary_model.json"
    RATES = LeadRates

    def best(self, document: Document, scores: np.ndarray) -> tuple[int, str] | None:
        """The best candidate as (sentence index, text), or None for a document without sentences."""
        found = candidates(document, scores, self.rates)
        if not len(found.sentence_of):
            return None
        best = self.pick(document, found)
        position = int(found.sentence_of[best])
        return position, said_as_a_lead(document, position, with_the_speakers_office(document, position,
                                                                                       found.text(best)))

    def pick(self, document: Document, found: "Candidates") -> int:
        """The model's choice (`choose`), or the lead sentence's best flawless candidate where the lead is the
        newsroom's own (`_newsroom_lead`) or names its speaker bare and the article gives their office elsewhere:
        readers preferred that lead, with the office, to a later sentence that named the office (the later one is
        often the same speaker's side remark)."""
        chosen = self.choose(found)
        if found.sentence_of[chosen] == 0:
            return chosen
        lead = self.choose(found, lead_first=True)
        text = found.text(lead)
        if found.sentence_of[lead] == 0 and not self._flaw(found, lead) and \
                (_newsroom_lead(document) or with_the_speakers_office(document, 0, text) != text):
            return lead
        return chosen

    def choose(self, found: "Candidates", lead_first: bool = False) -> int:
        """The best-scored flawless candidate, the lead sentence's scored up by `LEAD_PREFERENCE` (or taken first
        whatever their scores, with `lead_first`), else the first of the least flawed in that order; run on over a
        count its cut left out, and the sentence whole. News states its main point first, and editors prefer the
        lead to a later sentence's side fact unless the model prefers that sentence clearly."""
        best, least = 0, None  # the first flawless one ends the search
        scores = self.model.score(found.matrix) + LEAD_PREFERENCE * (found.sentence_of == 0)
        order = np.lexsort((-scores, found.sentence_of != 0)) if lead_first else np.argsort(-scores, kind="stable")
        for index in order.tolist():
            flaw = self._flaw(found, index)
            if least is None or flaw < least:
                best, least = index, flaw
            if not flaw:
                break
        return self._whole_sentence(found, self._with_its_counts(found, best))

    @classmethod
    def _whole_sentence(cls, found: "Candidates", index: int) -> int:
        """The candidate's sentence whole, from the same start, rather than cut at a clause, unless the whole is more
        flawed: editors preferred it to the model's cuts, which lose what the news goes on to say."""
        position = int(found.sentence_of[index])
        start, end = found.spans[index].tolist()
        length = len(found.texts[position])
        whole = next((other for other in np.flatnonzero(found.sentence_of == position).tolist()
                      if found.spans[other].tolist() == [start, length]), None)
        if whole is None or end == length or cls._flaw(found, whole) > cls._flaw(found, index):
            return index
        return whole

    @classmethod
    def _with_its_counts(cls, found: "Candidates", index: int) -> int:
        """The same candidate run on over the next clause when the cut left a count out of it («… ۲۲ بازیکن را دعوت
        کرده است که ۷ بازیکن آن در باشگاه‌های خارجی …»): a lead keeps the news's numbers."""
        position, (start, end) = int(found.sentence_of[index]), found.spans[index].tolist()
        longer = [(found.spans[other][1], other) for other in np.flatnonzero(found.sentence_of == position).tolist()
                  if found.spans[other][0] == start and found.spans[other][1] > end]
        if not longer:
            return index
        next_end, next_index = min(longer)
        added = found.texts[position][end:next_end]
        if not COUNT.search(added) or len(added.split()) > COUNT_CLAUSE_WORDS or \
                cls._flaw(found, next_index) > cls._flaw(found, index):
            return index
        return next_index

    @staticmethod
    def _flaw(found: "Candidates", index: int) -> int:
        """How badly a candidate fails as a lead, 0 for not at all: what an editor never runs (the agency byline, a
        trailing colon, a list's announcement) is worst, then a quoted statement or words in the first person without
        who said them, or a line with no verb (a table row, a list's item), then an opening that needs the sentence
        before («وی», «همچنین», «که», «این در حالی است …»), then a named speaker carrying on («X افزود:»). The
        best-scored of the least flawed is the lead."""
        row = dict(zip(FEATURES, found.matrix[index]))
        text = found.text(index)
        if row["keeps_agency_frame"] or row["ends_on_colon"] or BYLINE.match(text) or LIST_ANNOUNCEMENT.search(text):
            return 4
        unattributed = (row["start_statement"] and row["sentence_has_statement"]) or \
            found.inside_a_quote[found.sentence_of[index]]
        if unattributed:
            return 3
        tokens = tagged(text)
        if (not row["has_colon"] and tokens_in_first_person(tokens, FIRST_PERSON)) or \
                not any(token.tag in VERB_TAGS for token in tokens):
            return 3
        words = text.split()
        if not words or row["starts_with_pronoun"] or words[0].strip("«»،,") in NEEDS_BEFORE or POINTS_BACK.match(text):
            return 2
        return 1 if CARRIES_ON.match(text) else 0

    def summary(self, document: Document, scores: np.ndarray, picked: list[Sentence]) -> str:
        """The learned candidate in place of TextRank's choice; with more sentences asked for, TextRank's other picks
        (best first, up to the same count) join it in document order."""
        learned = self.best(document, scores)
        if learned is None:
            return " ".join(sentence.text for sentence in picked)
        index, text = learned
        others = sorted((sentence for sentence in picked if sentence.index != index), key=lambda s: -scores[s.index])
        parts = sorted([(index, text), *((sentence.index, sentence.text) for sentence in others[: len(picked) - 1])])
        return " ".join(part for _, part in parts)

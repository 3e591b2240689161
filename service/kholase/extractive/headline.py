"""Headline candidates in the three forms a Persian newsroom titles with, and the hard check every headline passes.

The forms (../shared/EDITOR-RUBRIC.md): a clause ending in its finite verb («… برگزار شد»); «Speaker: statement» with
the statement a complete clause («افجه‌ای: پیشنهادات رحمتی تحمیلی بود»); a complete noun phrase naming the event,
which news gives as the object of «از … خبر داد». Each candidate is an opening sentence's statement, its attribution
frame stripped and only whole optional parts dropped (parentheses, appositions, relative and leading adverbial clauses,
adjunct phrases, a cause or time after the subject, the time that dates the report, the second of two joined clauses),
so that no word inside a kept phrase is lost: negation, quantifiers and numbers stay as written. A part goes only where
its end is visible (a comma, the verb's own word, a preposition after a name): Persian leaves a noun phrase's end
unmarked. The one word added is the verb ending two joined
clauses share, which the first then carries («… منتشر کرده و … متهم کرده است» → «… منتشر کرده است»).
Part-of-speech tags tell a finite verb, a preposition and a number from the rest.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import combinations, pairwise

from hazm.utils import verbs_list

from kholase.extractive.attribution import (
    AGENCY,
    FEELING_SAID,
    HONORIFICS,
    INSTITUTION,
    LIST_ANNOUNCEMENT,
    NEWS_FRAME,
    NOT_SAID,
    SPEECH_NEXT,
    SPEECH_VERB,
    TITLE_WORDS,
    UNPUNCTUATED_FRAME,
    VERB_ENDING,
    Attribution,
    attribute,
    clean_speaker,
    is_courtesy,
    stated_in_the_frame,
    trailing_speech,
)
from kholase.extractive.speakers import SpeakerBook
from kholase.text.lexicon import adjectives, vocabulary
from kholase.text.sentences import DOUBLED_WORD, Sentence, stop_words, word_form
from kholase.text.tagger import VERB_TAGS, ZWNJ, Token, tagged

MIN_WORDS = 3
SECTION_WORDS = 3  # a section label before «؛»
OPENING_SENTENCES = 3
INTERVIEW_SENTENCES = 10  # how far the lead's voice's later statements are headline candidates
MAX_DROPPED = 3  # adjunct phrases left out of one candidate
SAFE_PHRASE_WORDS = 10  # a safe adjunct closed by its own comma within this many words is one phrase
LEADING_ADJUNCT_WORDS = 14  # a longer opening part before its comma may hold the subject
CONCESSION_WORDS = 30  # a concession or an event before («به رغم …،», «پس از …،») never does
INNER_ADJUNCT_WORDS = 30  # nor is a longer part after the subject, before its comma, one adjunct
SUBJECT_WORDS = 6
FIRST_CONJUNCT_WORDS = 5  # a shorter first clause says too little alone («مرحله حذفی آغاز شده است»)
LIST_BEFORE_VERB = 5  # an «و» this close to the verb joins its parts («… سپاه، مورد بحث و بررسی قرار می‌گیرد»)
ADJUNCT_NOUN_WORDS = 4  # a relative clause this close to a leading preposition describes that phrase's noun
NAME_WORDS = 4  # a name before its office: «منوچهر متکی، وزیر سابق امور خارجه …»
EPITHET_WORDS = frozenset(("داور", "فوق", "هموطن", "همتای"))
SUBJECT_TAGS = frozenset(("NOUN", "PROPN", "ADJ", "NUM"))
THAT_WORDS = frozenset(("اینکه", "این‌که", "آنکه", "آن‌که"))  # «پس از اینکه …»: a clause, not a phrase, follows
# Openers of an adverbial part after the subject: its circumstance, time, cause or concession, never a fact the
# statement needs («بدون داشتن خروجی» stays).
INNER_OPENERS = ("با", "پس از", "بعد از", "پیش از", "قبل از", "به دلیل", "به علت", "به خاطر", "با وجود", "در پی",
                 "به دنبال", "ضمن", "طی", "در جریان", "در حاشیه", "به منظور", "با هدف", "در راستای")
# Openers of a cause or a time: the part may hold a relative clause about its noun, and still go whole.
CAUSES = ("به دلیل", "به علت", "به خاطر", "پس از", "بعد از", "پیش از", "قبل از", "در پی", "به دنبال", "با وجود")
# Openers of what the subject said while acting («جهانبازی با تاکید بر این نکته که …، عذر خواست»): the part runs to its
# comma, clause and all.
SPEECH_ADJUNCTS = ("با تاکید بر", "با تأکید بر", "با اشاره به", "ضمن تاکید بر", "ضمن تأکید بر", "ضمن اشاره به",
                   "با بیان")
# Nouns whose «که» opens an adverbial clause, not a relative one: «از آنجا که …», «در حالی که …».
MANNER_WORDS = frozenset("همانطور همان‌طور آنطور آن‌طور".split())  # «همانطور که …»
CONJUNCTIONAL_NOUNS = frozenset("آنجا آن‌جا جا هنگام زمان حال صورت طور چند اندازه حد".split()) | MANNER_WORDS
# Words whose «که» opens a complement or a result, not a relative clause: «این نکته که», «آن‌قدر دلخورم که».
DEGREE_WORDS = frozenset("این آن همان همین آن‌قدر آنقدر چنان چنین چندان".split())
MODALS = frozenset("باید نباید می‌تواند نمی‌تواند می‌توانند نمی‌توانند".split())
PAST_MODAL = re.compile(r"^(?:ن|نمی‌|می‌)?(?:توانست|خواست)(?:ند|ه)?$")  # «توانست … دعوت شود»: its verb comes after
# Nouns that, after «این» or «آن», point back to an earlier part: «در این زمینه».
POINTING_BACK = frozenset("زمینه باره خصوص مورد رابطه راستا میان".split())
FORMS = ("clause", "quote", "event")
# Tags a phrase never ends on: it would read cut off («… در», «… و», «… که»).
OPEN_TAGS = frozenset(("ADP", "CCONJ", "SCONJ", "DET", "PUNCT"))
DANGLING = frozenset(
    "از به با در و که را برای تا بر این آن یک های هم نیز اما یا چون پس روی زیر میان بین علیه توسط درباره یکی".split()
)
THIRD_PERSON_PRONOUNS = frozenset("وی او ایشان آنها آن‌ها آنان".split())
PRONOUNS = THIRD_PERSON_PRONOUNS | {"این", "آن"}
QUANTITIES = frozenset("هزار میلیون میلیارد هزاران میلیون‌ها درصد".split())
# A headline never opens on a link to what came before, nor on the copula of a cleft cut from its start («… به همین
# خاطر بود که …»), nor on an aside left by a dropped phrase («علی‌الخصوص همکاران …»)
BAD_STARTS = frozenset("که و را تا یا اما ولی ، , بود است علی‌الخصوص خصوصا خصوصاً مخصوصا مخصوصاً".split())
# Nor on a subordinate clause's opener: «هرچند تورس … به میدان رفت» waits for its main clause.
SUBORDINATE_OPENERS = ("هرچند ", "هر چند ", "اگرچه ", "اگر چه ", "اگر ", "چنانچه ", "زیرا ", "چون ", "وقتی ",
                       "حالا که ", "جز اینکه ", "جز این‌که ", "مگر اینکه ", "مگر این‌که ",
                       *(f"{time} {link} " for time in ("پس از", "بعد از", "پیش از", "قبل از")
                         for link in sorted(THAT_WORDS)))
# A participle («رسانده», «شده») ends a non-finite clause; with these endings it is finite («کرده‌اند», «شده است»).
# Prepositions a verb never directly follows: the word after them is their object.
TAKES_OBJECT = frozenset("مقابل علیه نزد توسط روبروی مانند".split())
FINITE_AFTER_PARTICIPLE = ("است", "اند", "ام", "ای", "ایم", "اید", "بود", "باشد", "شد")
PERSONAL_ENDINGS = ("م", "یم")  # «کردم», «هستیم»: the speaker's own voice («می‌کنید» below; «رسید» is third person)
PERSONAL_PRONOUNS = frozenset("من ما شما تو".split())
# A compound verb's second person, which drops the «ب» and «می‌» the test below reads: «… را مطالعه کنید»
SECOND_PERSON_VERBS = frozenset("کنید نمایید دهید شوید باشید دارید".split())
OPEN_PHRASES = frozenset(("به دنبال", "در حال", "به سوی", "در پی", "به منظور", "به عنوان", "در مورد", "در خصوص"))
# How a finite Persian verb form ends (past stem, person ending, copula); the tagger's «کنسرو» as VERB does not.
VERB_FORM = re.compile(r"(?:د|ت|م|ید|یم|ند|ست|است|اند|ای|ه)$")
CLAUSE_END = frozenset(("،", ",", ".", "!", "؟", "?", "؛", ";", ":"))
CLAUSE_LINKS = frozenset(("و", "که", "تا", "اما", "ولی", "زیرا", "چون", "چرا", "بلکه", "لذا", "بنابراین"))
# A consequence that opens the next clause with no comma before it («… محروم کرد از همین رو سالارکیا … رفت»).
CONSEQUENCE_LINKS = ("از این رو", "از همین رو", "به همین دلیل", "به همین خاطر", "در نتیجه")
# Two stems joined by «و» before one light verb or as one noun: the first looks finite to the tagger («رد و بدل کرد»,
# «ساخت و ساز‌ها»).
PAIRED_PREVERBS = frozenset(("رد و بدل", "رفت و آمد", "داد و ستد", "خرید و فروش", "نقل و انتقال", "جست و جو",
                             "گفت و گو", "شست و شو", "زد و خورد", "بست و بند", "ساخت و ساز", "رفت و برگشت"))
# First parts of compound first names: «محمد علی لطفی» is titled «لطفی».
FIRST_NAME_PARTS = frozenset("محمد علی سید میر امیر غلام عبد ابو".split())
NICKNAMED = frozenset("ملقب معروف مشهور".split())  # «فرانسیسکو پریرا ملقب به شیمبا»: the name ends before
NAME_TAILS = frozenset("الدین الله".split())  # the second word of a first name («نور الدین», «روح الله»)
# A surname's part that some write apart from the rest: «ابوترابی فرد», «نجف نژاد», «آل کثیر», «قلعه نویی».
SURNAME_TAILS = frozenset("فر فرد نژاد پور زاده کیا نیا راد مند منش نسب وند".split())
SURNAME_HEADS = frozenset("آل قلعه".split())
SURNAME_PARTICIPLE = "زاده"  # «بیک‌زاده», «افشارزاده»: a surname the tagger takes for the participle it ends in
OUTLETS = frozenset("روزنامه نشریه مجله هفته‌نامه سایت پایگاه شبکه رادیو تلویزیون".split())
SOURCES = frozenset("منابع منبع رسانه‌های مقامات".split())  # «منابع آگاه», never a surname «آگاه»
ORDINAL_WORDS = frozenset("اول دوم سوم چهارم پنجم".split())
NOT_A_NAME = frozenset(("ADP", "DET", "NUM", "PRON", "VERB", "AUX", "SCONJ", "CCONJ", "ADV", "PUNCT"))
# Words that only frame what follows, comma or not: an aside, or the report it comes from.
ASIDES = ("گفتنی است که", "شایان ذکر است که", "لازم به ذکر است که", "قابل ذکر است که",  # first: the longer wins
          "گفتنی است", "شایان ذکر است", "لازم به ذکر است", "قابل ذکر است", "یادآور می‌شود", "یادآوری می‌شود",
          "براساس این گزارش", "بر اساس این گزارش", "طبق این گزارش", "بنا بر این گزارش",
          # a consequence's link, like «بنابراین»: the headline states the consequence alone
          *(f"{by} {this} {cause}" for by, cause in (("به", "دلیل"), ("به", "خاطر"), ("به", "علت"), ("از", "رو"))
            for this in ("این", "همین")))
LEADING_LINKS = frozenset("همچنین البته اما ولی ضمناً همچنان سپس بنابراین لذا".split())
# A speaker's stance or a spoken filler that opens their words («خوشبختانه …», «بله …», «خب …»): titles drop it.
LEADING_FILLERS = frozenset("خوشبختانه متاسفانه متأسفانه بله خب".split())
# Adverbs that only place the news in a sequence («حالا», «سرانجام»): a headline can do without them.
SEQUENCE_ADVERBS = frozenset("حالا اکنون هم‌اکنون سرانجام درنهایت بالاخره".split())
# «نیز» and «هم» as "also": a lead sentence's candidate leaves them out, since the headline stands alone («… تیم
# ملی نیز … دعوت شد» → «… تیم ملی … دعوت شد»); after one of `RECIPROCAL_AFTER` «هم» is "each other" («مقابل هم», «به
# مصاف هم», «در هم کوبید») or part of «آن هم». In a later sentence the word marks a side fact, and stays.
ALSO_WORDS = frozenset(("نیز", "هم"))
RECIPROCAL_AFTER = frozenset("با از به در بر مقابل برابر کنار روی پشت پیش نزد مصاف سر دست آن".split())
# With these the word is part of what the clause says: «حتی … هم», «نه‌تنها … بلکه … نیز».
ALSO_NEEDED = frozenset(("حتی", "بلکه", "نه‌تنها"))
# Words that point back to an earlier sentence: a headline holding one cannot stand alone («رود کنگو نیز …»).
BACK_REFERENCES = frozenset("نیز هم بازهم باز حالا همچنین البته همچنان ضمناً ضمنا بنابراین سپس گویا".split())
# Nor one that says «in that same matter» anywhere («… در همین رابطه به تحلیل … پرداخته است»), or opens on «in this
# matter» («دراین میان …»); «در این زمینه» later may point inside the clause («با داشتن … بقعه، رتبه نخست را در این
# زمینه داراست»).
POINTS_BACK = re.compile(rf"(?:^|\s)در\s?(?:همین|همان)[\s{ZWNJ}]?(?:{'|'.join(POINTING_BACK)})(?=\s|$)"
                         rf"|^در\s?(?:این|آن)[\s{ZWNJ}]?(?:{'|'.join(POINTING_BACK)})(?=\s|$)")
# What a news event continues: «در ادامه هفته سوم لیگ برتر», «در ادامه دومین روز از …».
RUN_OF_EVENTS = frozenset("هفته روز دور مرحله رقابت‌های رقابت‌ها مسابقات دیدارهای دیدار‌های بازی‌های اردوی تمرینات "
                          "نخستین دومین سومین چهارمین پنجمین".split())
# Nor can one that opens on a preposition and «این» or «آن» («با این اقدام …», «پس از این دیدار …»).
POINTING_PREPOSITIONS = frozenset("با در به از بر برای پس بعد".split())
BACK_OPENERS = ("در مقابل", "علاوه بر این", "علاوه بر آن", "از سوی دیگر", "از طرف دیگر", "با این حال",
                "به این ترتیب", "با این وصف", "با این اوصاف", "به ویژه", "به‌ویژه", "بویژه", "خصوصا", "خصوصاً",
                "به خاطر همین", "برای همین",
                # «بخشی از این برنامه‌ها خواهد بود»: part of what the sentence before listed
                *(f"{part} از {this} " for part in ("بخشی", "یکی", "برخی", "بعضی") for this in ("این", "آن")))
# A few words naming an agency, up to their comma, that open the statement: the news desk's byline.
DESK_BYLINE = re.compile(r"^[^،,:«»]{0,40}?(?:خبرگزاری|به\s+گزارش)[^،,:«»]{0,40}[،,]\s*")
# A list item's mark, or the «و» that joins a sentence to the one before: the fallback headline starts after it.
LIST_MARK = re.compile(r"^(?:[*•●▪\-–—]+\s*|و\s+)")
# A speaker's frame that opens on what came before: what they said follows from the news, and is not it.
BACK_FRAME = re.compile(r"\s*(?:به\s+(?:همین|این)\s+(?:دلیل|خاطر|منظور|ترتیب)|بنابراین|از\s+این\s+رو)\s")
# Phrases that open an adverbial part: at the start of a statement, the part up to its comma can go.
ADJUNCT_OPENERS = (
    "در شرایطی که", "در حالی که", "درحالی که", "با وجود", "با توجه به", "به منظور", "با هدف", "در راستای",
    "به عنوان", "با حضور", "در حاشیه", "در جریان", "در پی", "پس از", "بعد از", "قبل از", "پیش از", "به دلیل",
    "به علت", "بر اساس", "براساس", "طبق", "طی", "ضمن", "در این", "در آن", "در ادامه", "در خصوص", "در مورد",
    "از سوی دیگر", "از طرفی", "هم‌اکنون", "اکنون", "امروز", "دیروز", "امشب", "روز", "صبح", "عصر", "شب", "ظهر",
    "شامگاه", "بامداد", "هفته", "ماه", "سال", "ساعت",
)
# Openers of an event the news followed («پس از قطعی شدن جدایی پیرلو از یووه و …،»): up to its comma, like a
# concession, it never holds who acted.
EVENTS_BEFORE = ("پس از", "بعد از", "به دنبال", "در پی")
# Openers of a concession: the part up to its comma says what the news happened despite, never who acted.
CONCESSIONS = ("به رغم", "علی‌رغم", "علیرغم", "علی رغم", "با وجود", "برخلاف", "بر خلاف")
# Openers of the purpose, occasion, cause or basis of an act («به مناسبت …،», «با توجه به …،»): up to its comma, it
# never holds who acted.
GROUNDS = ("به مناسبت", "با توجه به", "بر اساس", "براساس", "به دلیل", "به علت")
# Auxiliaries two joined clauses may share: «… منتشر کرده و این کشور را … متهم کرده است».
SHARED_AUXILIARIES = frozenset(("است", "بود", "بودند"))
PERSON_SUFFIXES = ("اند", "ایم", "اید", "ام")
PAST_PERSON_ENDINGS = ("م", "ی", "یم", "ید", "ند")
PERSON_SUBJECTS = {"یم": "ما", "ید": "شما", "م": "من", "ی": "تو"}
PLURALS = ("ها", "های", "ات", "ان", "ون", "ین")
# Openers of a leading subordinate clause: up to its comma it can go, verb and all.
SUBORDINATORS = ("در شرایطی که", "در حالی که", "درحالی که", "در حالیکه", "درحالیکه", "در حالی‌که", "پس از", "بعد از",
                 "با وجود اینکه", "با وجود این‌که", "اگرچه", "اگر چه", "هرچند", "چنانچه", "از آنجایی که", "از آنجا که")
# «در» that belongs to a fixed phrase or a compound verb, not a place: «در حال رصد شدن», «در نظر گرفت».
BOUND_AFTER_DAR = frozenset("حال حالی نظر اختیار دست پی صورت مورد خصوص زمینه راستای جریان حاشیه این آن آستانه صدد "
                            "معرض ارتباط رابطه حالیکه غم نهایت".split())
# Words the «از» after them completes: «در سال گذشته بیش از ۳۵۵ هزار …» keeps its «بیش».
BOUND_BEFORE_AZ = frozenset("بیش بیشتر کمتر فراتر بالغ بالاتر پایین‌تر کم پس پیش بعد قبل خارج بیرون دور جدا".split())
# Likewise for «به»: «در نگارخانه خیال وابسته به مرکز …» keeps its «وابسته».
BOUND_BEFORE_BE = frozenset("تبدیل امر وابسته مربوط متعلق منجر منتهی منتسب مجهز ملزم معطوف نسبت موفق مجبور حاضر "
                            "قادر آماده راضی مایل متعهد نزدیک قریب".split())
# And for «در»: «برای حضور در انتخابی المپیک …» keeps where.
BOUND_BEFORE_DAR = frozenset("حضور شرکت عضویت حضورش موفقیت حاضر مستقر ساکن فعال".split())
# The causes and times that can go with no comma to close them; not a concession («با وجود محرومیت» may be the
# news), nor «به دنبال» or «در پی», which also say what the subject seeks.
UNCLOSED_CAUSES = ("به دلیل", "به علت", "به خاطر")
UNCLOSED_TIMES = ("پس از", "بعد از", "پیش از", "قبل از")
# The prepositions that may open the verb's own phrase after an unclosed cause or time.
UNCLOSED_ENDS = frozenset(("در", "به", "با", "برای"))
# The words that take a preposition after them as their own complement: no part left out ends before it («به دلیل
# آسیب‌دیدگی در …» ends there; «به علت مصدومیت قادر به …», «در صحبت‌هایی با …», «بیش از …» do not).
TAKES_PREPOSITION = {
    "از": BOUND_BEFORE_AZ,
    "در": BOUND_BEFORE_DAR,
    "به": BOUND_BEFORE_BE | frozenset("سفر ورود بازگشت انتقال پیوستن حمله صعود دعوت اعتراض رسیدن".split()),
    "با": frozenset("دیدار ملاقات مذاکره گفتگو گفت‌وگو بازی تساوی قرارداد توافق همکاری رقابت مسابقه جدال برخورد تماس "
                   "مقابله مصادف همراه جلسه نشست رویارویی تصادف قهرمانی صحبت صحبت‌هایی درگیری ارتباط رابطه".split()),
    "برای": frozenset("تلاش آمادگی برنامه".split()),
}
PURPOSES = ("به منظور", "با هدف", "در راستای")
# Opening parts that, up to their comma, never hold who acted: «علی رغم» is tagged two nouns, and a purpose, occasion,
# cause or basis names no one either.
ACTORLESS_OPENERS = CONCESSIONS + EVENTS_BEFORE + PURPOSES + GROUNDS
# A compound verb's word that takes «در …» before it: «در این جلسه حضور داشت» is not «حضور داشت».
PRESENCE = frozenset("حضور شرکت قرار اقامت عضویت مشارکت فعالیت سکونت بستری حاضر".split())
# Adjuncts whose leaving out changes no fact: the purpose or occasion of an act. Others («برای رسیدن به …», «با
# پیکان», «سال گذشته») carry the news, and stay.
SAFE_ADJUNCTS = ("به منظور", "با هدف", "در راستای", "در چارچوب", "در قالب", "در حاشیه", "در جریان", "ضمن",
                 "در گفت‌وگو با", "در گفتگو با",
                 "در گفت و گو با", "در جمع", "در نشست", "در مراسم", "در آیین", "در همایش", "در جلسه", "در دیدار با",
                 "با حضور", "به مناسبت", "همزمان با", "هم‌زمان با", "با اعلام این خبر")
STATEMENT_OPENERS = ADJUNCT_OPENERS + SAFE_ADJUNCTS
# Safe adjuncts that are no place: one may run to a light verb's own word («… با حضور مسئولان استانی برگزار شد»), where
# «در مراسم … حضور پیدا کردند» would take «حضور».
OCCASIONS = ("با حضور", "به مناسبت", "همزمان با", "هم‌زمان با")
# A past event's own predicate («… برگزار شد», «… آغاز به کار کرد»): what stands between its subject and it says where,
# with whom and for how long, and newsroom titles leave it out («دیدار … در ورزشگاه آزادی و در حضور … تماشاگر برگزار
# شد» → «دیدار … برگزار شد»). A coming event's place and date are its news, and stay.
EVENT_WORDS = frozenset("برگزار آغاز افتتاح تشکیل برپا اجرا".split())
EVENT_PASSIVES = frozenset("شد شدند گردید گردیدند شده".split())
EVENT_PHRASES = {("آغاز", "به", "کار"): frozenset(("کرد", "کردند")), ("به", "پایان"): frozenset(("رسید", "رسیدند"))}
# The act an announcement or a meeting was made by, named only as «a letter», «a ceremony»: «… طی حکمی … را منصوب
# کرد», «… با انتشار بیانیه‌ای … اعتراض کرد». The indefinite «‑ی» closes the phrase, so it can go whole.
MEDIUM_OPENERS = ("طی", "در", "با صدور", "با انتشار", "با ارسال")
MEDIA = frozenset("بیانیه نامه پیام اطلاعیه مصاحبه حکم مراسم نشست جلسه همایش گزارش دیدار".split())
INDEFINITE_MEDIA = frozenset(f"{medium}{ending}" for medium in MEDIA for ending in ("\u200cای", "ای", "ی", "یی"))
MEDIUM_ADJECTIVES = frozenset("رسمی مفصل دوستانه کوتاه جداگانه جدید تند خبری".split())
# Words that make the part more than a setting: who took part («… میان تیم‌های … برگزار شد»), or how far the event
# went («… تا پایان مرحله گروهی برگزار شده بود»).
NOT_A_SETTING = frozenset("که میان بین مقابل برابر علیه تا".split())
# What opens the part an event's predicate can go without: a place, its company or occasion, its length.
EVENT_SETTINGS = (*OCCASIONS, "با شرکت", "با همکاری", "به میزبانی", "به مدت")
COMPANY = ("با حضور", "با شرکت")  # who attended: a part of any event's setting that can go
TIME_WORDS = frozenset(
    "امروز دیروز امشب روز صبح عصر شب ظهر شامگاه بامداد هفته ماه سال ساعت گذشته جاری آینده قبل پیش اخیر "
    "شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه پنج‌شنبه جمعه".split()
)
# A time phrase that only says when the report was written («صبح امروز», «روز سه‌شنبه», «دقایقی پیش») can go.
DEICTIC_STARTS = frozenset("امروز دیروز امشب دیشب روز صبح عصر ظهر شب شامگاه بامداد ساعتی دقایقی لحظاتی".split())
MONTHS = frozenset(
    "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند ماه فروردین‌ماه اردیبهشت‌ماه خردادماه تیرماه "
    "مردادماه شهریورماه مهرماه آبان‌ماه آذرماه دی‌ماه بهمن‌ماه اسفندماه ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت "
    "سپتامبر اکتبر نوامبر دسامبر".split()
)
DEICTIC_WORDS = DEICTIC_STARTS | MONTHS | frozenset(
    "بعدازظهر گذشته آینده پیش شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه پنج‌شنبه جمعه".split()
)
ORDINAL = re.compile(r"^(?:[\d۰-۹]+|\S+(?:م|مین))$")  # «۱۵», «پانزدهم» in a date
# «… گفت: …», and «… اعلام کرد، …» with no «را» before it (an object would be what was said)
SPEECH_FRAME = re.compile(
    rf"{SPEECH_VERB}\S*\s*:|(?<!\sرا\s)(?<!\sرا\s\S)(?:{SPEECH_VERB})(?:{VERB_ENDING}|ه)\s*[،,]"  # «اعلام کرده،»
    r"|به\s+اطلاع\s+(?:می‌)?رساند"  # «کمیته … به اطلاع می‌رساند …»: a notice's frame
)
FRAME_COLON = re.compile(r"(?<=\D):(?=\s)")
INNER_SPEECH = re.compile(rf"\s(?:{SPEECH_VERB}|عنوان\s?کرد){VERB_ENDING}(?:\s*:|\s+که|\s)")
SPEECH_ENDING = re.compile(
    rf"{NOT_SAID}(?:{SPEECH_VERB}|خبر\s?داد|می‌گوید|گفته\s?است|مدعی\s?شد|می‌نویسد|گزارش\s?داد|ادعا\s?کرد|اعلام\s?کرده"
    r"|ت[اأ]یید\s?کرد)"
    rf"{VERB_ENDING}$"
)
# «این موضوع», «این نکته» before the verb: it points ahead to the «که» clause that says what it is.
CATAPHORIC_NOUNS = frozenset("موضوع مساله مسئله نکته مطلب امر حقیقت واقعیت".split())
COMPLEMENT_PREDICATES = frozenset(
    "تصمیم قرار خواست خواستند خواستار امیدوار معتقد مدعی موفق موظف مجبور ناچار توانست توانستند سعی تلاش مشخص انتظار "
    "معلوم روشن نشان احساس گمان باعث موجب سبب اجازه فرصت گونه‌ای طوری نحوی حدی دانست دانستیم دانستند لازم ضروری "
    "قصد مصمم آمادگی شانس ایجاب فرقی زمینه‌ای فهمید وجود به‌گونه‌ای به‌طوری به‌نحوی به‌حدی پیش‌بینی می‌خواهم "
    "می‌خواهیم می‌خواهد می‌خواهند مصوب ثابت".split()  # «… باعث شد که …», «ما از سازمان … می‌خواهیم که …», «… مصوب
    # شد که …», «… ثابت کردند که …», «… باید به گونه‌ای عمل شود که …», «… را اولویت دانستیم که …», «… این آمادگی را
    # دارد که …»; the summary's cuts read them too
)
# Predicates whose news is the clause after them, which newsrooms often join with no «که»: «… گفته شد»، «… مقرر شد»،
# «… به این نتیجه رسیدند», «… فاش کردند», «داوران حق ندارند», «… مدعی است», «… به نظر می‌رسد», «… خبر می‌دهد»,
# «از شهروندان درخواست می‌شود»; a headline never ends on one.
WAITS_FOR_ITS_CLAUSE = re.compile(
    r"(?:گفته\s?(?:شد|می‌شود|می‌شد)|مقرر\s?(?:شد|گردید)|قرار\s?شد|تصمیم\s?گرفته\s?شد|نتیجه\s+رسید\S*"
    r"|فاش\s?(?:کرد|کردند|ساخت)|خطور\s?(?:نمی‌کرد|نکرد)|حق\s?ن?دار\S*|(?:این|آن)\s+بحث\s+مطرح\s?شد"
    r"|مدعی\s?(?:است|شد|شده\s?است)|به\s+نظر\s+(?:می‌رسد|می‌رسید|رسید)|متوجه\s?(?:شد|شدند|می‌شود|می‌شوند)"
    r"|خبر\s?(?:می‌دهد|می‌دهند)|درخواست\s?(?:می‌شود|شد|کرد|کردند|می‌کنم|می‌کنیم))$"
)
# «ننگت باد! سر دادند»: a sentence's end inside, and the tail of another after it
# «حسینی: تجربه … را، موفق دانست»: the writer's report of a stance, not the speaker's words
NARRATED_STANCE = re.compile(r"\sرا[،,]?\s(?:\S+\s){0,6}(?:دانست|دانستند|برشمرد|برشمردند)$")
# «… به این شرح است», «… اینگونه می‌فرمایند»: what it announces follows, and the headline leaves it out
ANNOUNCES_WHAT_FOLLOWS = re.compile(
    rf"(?:^|\s)(?:به\s+(?:این|شرح|قرار)\s+(?:شرح|زیر|ذیل)|بدین\s+(?:شرح|ترتیب)|این[\s{ZWNJ}]?(?:گونه|طور)|چنین)"
    r"(?:\s+\S+){0,2}$"
)
MID_SENTENCE_END = re.compile(r"[!؟?][،,]?\s+\S")
COPULAS = frozenset(("است", "بود", "نیست", "باشد", "شد"))
INDEFINITE_COPULAS = frozenset(("است", "هستند", "بود", "بودند", "می‌باشد", "می‌باشند"))
# Present stems of the light verbs of compound verbs: bare, their subjunctive needs no «ب» («برگزار شود»).
PERSON_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
LIGHT_VERBS = frozenset("شو کن ده گیر یاب گرد نما رو ساز".split())
# A light verb's finite form: the word before it is its own («… با حضور مسئولان استانی برگزار شد»), so a phrase may end
# there.
OPENED = re.compile(r"^(?:ن?می‌|ن|ب)?(?:کرد|کن|شد|شو|بود|ماند)")  # «باز کردن», «باز شد»: open, not "again"
LIGHT_VERB = re.compile(
    r"^(?:ن?می‌|ن|ب)?(?:شد|شو|کرد|کن|گرفت|گیر|یافت|یاب|داد|ده|گردید|گرد|نمود|نما)(?:ند|ید|یم|م|ی|د)?$"
)
# What a subjunctive clause depends on: a modal, a verb of wanting, trying, managing or causing, «تا» of purpose, or
# the «که» that opened it.
GOVERNS_SUBJUNCTIVE = re.compile(
    r"(?:^|\s)(?:باید|نباید|شاید|تا|مبادا|قرار|قصد|بنا|تصمیم|اجازه|باعث|موجب|سبب|موفق|ممکن|احتمال|احتمالا|"
    r"خواستار|خواهان|مایل|تمایل|آماده|سعی|تلاش|ترجیح|مجبور|ناچار|موظف|لازم|ضروری|بهتر|نیاز|انتظار|درصدد|"
    r"صدد|نظر|کمک|حق|دلیل|فرصت|مصوب|تصور|که|اینکه|این‌که|امیدوار\S*|(?:ن|نمی‌|می‌)?(?:خواه|خواست|توان|توانست|کوش|کوشید)\S*)"
    r"(?:\s|$)"
)
# A condition or time clause that waits for its main clause («… که در هر کجا باشم», «زمانی دولت می‌تواند … دهد»); not
# «هر گونه», nor the concessive «حتی اگر» after a whole clause.
CONDITIONAL = re.compile(r"(?:^|\s)(?<!حتی\s)(?:اگر|چنانچه|هر\s?(?:کجا|جا|کس|وقت|زمان|اندازه|قدر)|وقتی|زمانی)(?:\s|$)")
# Nouns whose time word is their own: «نوبت عصر», «نماز جمعه», «دنیای امروز».
TIMED_NOUNS = frozenset("نوبت نماز شیفت اخبار خبر دنیای دنیا جهان جامعه انسان دوران روزگار نسل دقایق ساعات لحظات "
                        "اوایل اواخر اواسط".split())
# Words a tagger may call nouns or adjectives that say nothing of their own: «احمدی: اصلا این‌طور نیست»
EMPTY_WORDS = frozenset(
    "اصلا اصلاً واقعا واقعاً حتما حتماً قطعا قطعاً کاملا کاملاً این‌طور اینطور این‌گونه اینگونه آن‌طور آنطور چنین چنان"
    .split()
)
SCOPE_WORDS = frozenset("هیچ هرگز فقط تنها".split())  # a phrase holding one is never left out: «در هیچ زمانی»
# Ordinals end a noun phrase as an adjective does: «در هفته دوم میزبان استقلال …».
VENUES = frozenset("ورزشگاه استادیوم سالن استخر پیست".split())
HOSTING = frozenset("برگزاری میزبانی".split())
VENUE_WORDS = 6  # a venue's name runs on this many words at the most: «سالن نلسون ماندلای شهر فلورانس ایتالیا»
SCORE_WORDS = frozenset("صفر هیچ یک دو سه چهار پنج".split())
ORDINALS = frozenset("اول دوم سوم چهارم پنجم ششم هفتم هشتم نهم دهم نخست آخر".split())
QUANTIFIERS = frozenset("چند چندین همین همان این آن هر".split())
PAST_TIMES = frozenset(("پیش", "گذشته", "قبل"))
ERA_WORDS = frozenset("دهه سال سال‌های سالهای فصل فصل‌های دوران دوره".split())
TOURNAMENTS = frozenset("جام المپیک بازی‌های رقابت‌های مسابقات لیگ تورنمنت".split())
DURATIONS = frozenset("مدت مدتی سال‌ها ماه‌ها هفته‌ها روزها سالها ماهها".split())
BARE_SPEECH = frozenset(("می‌گوید", "می‌گویند"))  # one token each: they are compared with a token
CLAUSE_JOINS = frozenset(("و", "اما", "ولی"))  # after a clause's verb, the next clause begins
# A speech verb anywhere in a sentence: without one, `_reported` finds no frame in it.
SPEAKS = re.compile(rf"{SPEECH_ENDING.pattern.removesuffix('$')}|(?:^|\s)(?:{'|'.join(BARE_SPEECH)})(?:\s|$)")
# Not news: a list's announcement, a bullet, a clause whose main part follows «که» («در حالی … ، که …»), a
# condition without it («فولاد در صورتی قهرمان خواهد شد»), or the note that no more is known yet.
NOT_NEWS = re.compile(
    rf"{LIST_ANNOUNCEMENT.pattern}|^[*•\-–]|^[\d۰-۹]+\s*[_\-–.)]|در\s?حالی(?:\s|\u200c?که)|در\s+شرایطی\s"
    r"|در\s+صورتی\s(?!که)|جزئیات\s+(?:بیشتر|بیشتری|دیگری)\s"
)
# Nor is the newsroom's own report of a plan that came to nothing («قرار بود … برگزار شود»: the news is what
# happened instead); someone's words may tell one («دین‌محمدی: اول قرار بود …»).
PLAN_UNDONE = re.compile(r"قرار\s?بود(?:\s|$)")
# «به گفته پسندیده …» anywhere in a headline: a source's frame (attribution.ACCORDING_TO reads one that opens a
# sentence, with its comma; «به نظر …» is also "it seems", so it is not refused here)
SOURCE_PHRASE = re.compile(r"(?:^|\s)به\s+(?:گفته|اعتقاد|عقیده)\s")
# What a second clause must report to stand for the news: a result, not on a condition («در صورت پیروزی …»)
RESULT = re.compile(r"نتیجه|شکست|پیروز|صعود|بازماند|قهرمان|مدال|حذف|مغلوب|تساوی|متوقف")
PERIODS_OF_PLAY = frozenset("کوارتر نیمه ست راند".split())  # «در کوارتر نخست، …»: what follows is that period's
# «تیم‌های … به مصاف یکدیگر رفتند»: a match that was played, told without how it ended
MATCH_PLAYED = re.compile(
    r"(?:به\s+مصاف|مقابل|برابر)\s.*(?<!خواهد\s)(?<!خواهند\s)(?:رفت|رفتند|قرار\s?گرفت|قرار\s?گرفتند)$"
)
# «… سه بر صفر مغلوب کانادا شد», «… به پیروزی رسید»: how a match ended; not one before it («… دست یافته بود»)
OUTCOME = re.compile(
    r"(?:^|\s)(?:[\d۰-۹]+|صفر|یک|دو|سه|چهار|پنج)\s+بر\s+(?:[\d۰-۹]+|صفر|یک|دو|سه|چهار|پنج)(?:\s|$)"
    r"|شکست\s?خورد|پیروز\s?شد|به\s+(?:پیروزی|برتری|تساوی)\s+رسید|مغلوب|متحمل\s+شکست"
)
CONDITION = re.compile(rf"{CONDITIONAL.pattern}|(?:^|\s)در\s+صورت(?:ی)?\s")
ANNOUNCED_EVENT = re.compile(r"(?:^|\s)از\s+(?P<event>.+?)\s+خبر\s?داد")
ANNOUNCED_AND = re.compile(r"\sخبر\s?داد\s+و\s")  # «… از … خبر داد و اظهار کرد: …»
# The reader asked to read what follows («متن کامل نامه … را به هواداران آرسنال مطالعه کنید»): what is given is the
# event, as a noun phrase
READER_ASKED = re.compile(
    r"^(?P<what>.+?)\s+را(?:\s+در\s+(?:زیر|ادامه))?(?P<where>\s+.+?)??"
    r"\s+(?:مطالعه\s?کنید|مشاهده\s?کنید|بخوانید|بشنوید|ببینید)$"
)
# A list announced: «اسامی داوران … به شرح زیر است:» names the event as a noun phrase («متن حکم انتصاب …» what the
# text is of), and «کمیته … اسامی محرومان را به شرح زیر اعلام کرد:» is the clause without «به شرح زیر»; the list
# itself is no headline, and an announcement after «که» belongs to the clause before
LISTED = re.compile(
    r"^(?:متن\s+(?:کامل\s+)?)?(?P<what>(?:(?!\sکه\s).)+?)\s+(?:(?P<object>را)\s+)?به\s+(?:شرح|ترتیب)\s+(?:زیر|ذیل)\s+"
    r"(?:(?P<is>است|می‌باشد|هستند|بود)|(?P<verb>(?:اعلام|معرفی)\s?(?:کرد|کردند|شد|شدند|کرده\s?است|کرده\s?اند)))"
    r"\s*[:：؛.]?\s*$"
)


@dataclass(frozen=True)
class Candidate:
    """A well-formed headline: its text, its form, the sentence it came from, its words, what share of the
    statement's words it kept, and whether it is a statement by the lead's voice (see `candidates`)."""

    text: str
    form: str
    sentence: int
    words: tuple[str, ...]
    kept: float
    lead_voice: bool = False


def _is_finite(tokens: list[Token], at: int) -> bool:
    """A verb that ends a clause: a verb form not followed by another verb part, not a bare participle, not the
    object of a preposition («… مقابل برست»: the French club, tagged as a verb), not a count's unit («۱۲ ریباند»)."""
    token = tokens[at]
    if token.tag not in VERB_TAGS or not VERB_FORM.search(token.text):
        return False
    if at and tokens[at - 1].text in TAKES_OBJECT:
        return False
    if at and _numeric(tokens[at - 1]) and not known_verb(token.text):
        return False
    following = tokens[at + 1] if at + 1 < len(tokens) else None
    if following is not None and following.tag in VERB_TAGS:
        return False
    return not token.text.endswith("ه") or token.text.endswith(FINITE_AFTER_PARTICIPLE)


def _ends_clause(tokens: list[Token], at: int) -> bool:
    """Whether the clause ends after the verb at `at`; not inside a paired preverb («پاس را رد و بدل کرده‌اند»)."""
    if at + 1 == len(tokens):
        return True
    if at + 2 < len(tokens) and f"{tokens[at].text} و {tokens[at + 2].text.split(ZWNJ)[0]}" in PAIRED_PREVERBS:
        return False
    return tokens[at + 1].text in CLAUSE_END | CLAUSE_LINKS or _opener(tokens, at + 1, CONSEQUENCE_LINKS) is not None


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
    governing: int | None = None  # where in `kept` a relative clause opened whose verb governs a subjunctive
    while index < len(tokens):
        token = tokens[index]
        relative = token.text == "که" and kept and (kept[-1].tag in ("NOUN", "PROPN", "ADJ", "NUM", "PRON", "PUNCT")
                                                    or kept[-1].text == "را"  # «… سالگرد نک محمد را که … کشته شد»
                                                    or _past_time(kept, len(kept) - 1)  # «سه دوره گذشته که …»
                                                    or (len(kept) > 1 and kept[-2].text in ("این", "آن") and
                                                        kept[-1].text not in COPULAS))  # «این نشست که», not «آن است که»
        complement = token.text in ("اینکه", "این‌که") or (relative and len(kept) > 1 and kept[-2].text == "این")
        indefinite = relative and kept[-1].tag == "NOUN" and (kept[-1].text.endswith("ی") or
                                                              (len(kept) > 1 and kept[-2].text == "یک"))
        if complement or indefinite:  # «بر این نکته که …», «مربیانی که …»
            in_relative = True
        elif relative:
            end = next((at for at in range(index + 1, len(tokens)) if _is_finite(tokens, at) or
                        _closes_a_participle(tokens, at)), None)  # «که … داشته و ۴ گل زده و سه پاس گل داده، …»
            while end is not None and end + 1 < len(tokens) and tokens[end + 1].text == "و":  # «که … بود و … داشت،»
                joined = next((at for at in range(end + 2, len(tokens)) if _is_finite(tokens, at)), None)
                if joined is None or any(token.text in ("،", ",") for token in tokens[end + 2 : joined]):
                    break
                end = joined
            later = end is not None and any(_is_finite(tokens, at) for at in range(end + 1, len(tokens)))
            if kept[0].tag == "ADP" and not later:
                return None  # «در این نشست که … برگزار شد»: the only verb is the relative clause's
            if end is not None and end + 1 < len(tokens) and tokens[end + 1].text in ("،", ","):
                if later:  # a relative clause inside the main one: leave it and its commas out (and the «همانطور»
                    if kept[-1].text in MANNER_WORDS | {"،", ","}:  # of «همانطور که …،», whose clause it is)
                        kept.pop()
                    if kept and kept[0].tag == "ADP" and len(kept) <= ADJUNCT_NOUN_WORDS and \
                            not any(t.tag in VERB_TAGS for t in kept):  # «در نظام … که … است، امر به …»: the comma
                        # still closes the leading adjunct, whose noun the clause describes; not the subject's
                        # («در یکی از دیدار‌های … تیم آپوئل نیکوزیا که … داشت، …»)
                        kept.append(tokens[end + 1])
                    index = end + 2
                    continue
            if end is not None and GOVERNS_SUBJUNCTIVE.search(_text(tokens[index + 1 : end + 1])) and \
                    kept[-1].text not in CONJUNCTIONAL_NOUNS and not any(t.text in DEGREE_WORDS for t in kept[-3:]):
                governing = len(kept)  # «روبن که … تصمیم گرفت به … بازگردد، …»: the clause runs on to its comma
        kept.append(token)
        # «۴۰ سال است که …» opens the clause that follows: it ends none
        opens_duration = token.text == "است" and index and tokens[index - 1].text in TIME_WORDS | DURATIONS
        if in_relative and _is_finite(tokens, index):
            in_relative = False  # a relative clause ends at its verb; the main clause goes on
        elif _is_finite(tokens, index) and _ends_clause(tokens, index) and not opens_duration and \
                not _takes_complement(tokens, index, kept):
            follows = tokens[index + 1].text if index + 1 < len(tokens) else ""
            if governing is not None and follows in ("،", ",") and \
                    any(_is_finite(tokens, at) for at in range(index + 2, len(tokens))):
                kept, governing = kept[:governing], None  # that relative clause ends here; the main one goes on
                index += 2
                continue
            if follows == "که":  # «پرسپولیس در حالی مقابل استقلال قرار می‌گیرد که …»: the clause reads whole without
                kept = _without_contrast(kept)  # the «در حالی» that waits for the «که»
            framed = follows in ("،", ",") and SPEECH_NEXT.match(_text(tokens[index + 2 :]))
            # «… مشخص گردید: …» frames what follows, as does «X بعد از اینکه … شدند، عنوان کرد: …»
            return None if follows in (":", "：") or framed else kept
        index += 1
    return None


def _closes_a_participle(tokens: list[Token], at: int) -> bool:
    """A participle closed by a comma («… سه پاس گل داده، …»): a clause whose auxiliary is left out ends there."""
    return tokens[at].tag in VERB_TAGS and tokens[at].text.endswith("ه") and at + 1 < len(tokens) and \
        tokens[at + 1].text in ("،", ",")


def _without_contrast(clause: list[Token]) -> list[Token]:
    """The clause without a «در حالی» or «در شرایطی» right after its subject (not «در حالی که», which opens a clause
    of its own)."""
    at = next((at for at, token in enumerate(clause) if token.tag not in SUBJECT_TAGS), 0)
    length = 2 if [token.text for token in clause[at : at + 2]] in (["در", "حالی"], ["در", "شرایطی"]) else \
        int(clause[at].text == "درحالی")
    if not at or not length or at + length >= len(clause) or clause[at + length].text == "که":
        return clause
    return clause[:at] + clause[at + length :]


def _takes_complement(tokens: list[Token], at: int, kept: list[Token]) -> bool:
    """«مهم است که …», «این شرکت قادر است تا …», «… تصمیم گرفت که …»: a verb that introduces the clause that
    follows, which holds the news."""
    following = tokens[at + 1].text if at + 1 < len(tokens) else ""
    if following not in ("که", "تا"):
        return False
    predicate = {token.text for token in kept[-3:]}
    # «عقیده من این است که …», «ما بر این موضوع واقفیم که …»
    cataphoric = (len(kept) > 1 and kept[-2].text in ("این", "آن")) or any(
        first.text in ("این", "آن") and second.text in CATAPHORIC_NOUNS for first, second in pairwise(kept[-5:]))
    # «تنها ۹ دقیقه از دیدار … گذشته بود که …», «… آنجا بود که …», «کیلور ناواس، تابستان ۲۰۱۴ بود که …»: a time
    # or place that only sets up the «که» clause
    cleft = len(kept) > 1 and kept[-1].text in ("بود", "است") and (
        kept[-2].text in TIME_WORDS | MONTHS | {"آنجا", "اینجا"} or _numeric(kept[-2]))
    # «… موضوعی است که …»: an indefinite predicate waits for the clause that says which («یک معضل جهانی است» says
    # it already, but not «یکی از بازیکنانی است», «جزو ۱۲ باشگاهی محسوب می‌شود»: a plural or a count made indefinite)
    verb = len(kept) - 1  # the copula
    if kept[-1].text in ("می‌شود", "می‌شوند", "شد", "شدند") and len(kept) > 2 and kept[-2].text == "محسوب":
        verb -= 1
    elif kept[-1].text not in INDEFINITE_COPULAS:
        verb = 0
    noun = kept[verb - 1] if verb >= 1 else None
    indefinite = noun is not None and noun.tag in ("NOUN", "ADJ") and noun.text.endswith("ی") and (
        (noun.tag == "NOUN" and noun.text.endswith(("انی", "هایی", "اتی")))
        or (verb >= 2 and kept[verb - 2].tag == "NUM") or not any(token.text in ("یک", "یکی") for token in kept))
    # «مصاحبه‌ای از من منتشر شده است که نمی‌دانم منبعش کجاست»: the relative clause of an indefinite subject, put
    # after the verb, says what the news is
    subject = next((token for token in kept if token.tag != "PUNCT"), None)
    extraposed = subject is not None and subject.tag == "NOUN" and subject.text.endswith(("\u200cای", "ه‌ای", "هایی"))
    return sum(token.tag != "PUNCT" for token in kept) <= 4 or bool(predicate & COMPLEMENT_PREDICATES) or \
        cataphoric or cleft or indefinite or extraposed


def _opens_with(tokens: list[Token], openers: tuple[str, ...]) -> bool:
    return _opener(tokens, 0, openers) is not None


def _opener(tokens: list[Token], start: int, openers: tuple[str, ...]) -> str | None:
    """The opener of `openers` that the words from `start` on begin with, if any."""
    by_first = _by_first_word(openers)
    for opener in by_first.get(tokens[start].text, ()) if start < len(tokens) else ():
        words = opener.split()
        if [token.text for token in tokens[start : start + len(words)]] == words:
            return opener
    return None


@cache
def _by_first_word(openers: tuple[str, ...]) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for opener in openers:
        table.setdefault(opener.split()[0], []).append(opener)
    return table


def _strip_leading(tokens: list[Token]) -> list[Token]:
    """Drop discourse links, a stance or filler that opens someone's words, leading adverbial parts closed by a comma,
    and a leading time phrase."""
    changed = True
    while changed and tokens:
        changed = False
        if tokens[0].text in LEADING_LINKS | LEADING_FILLERS or tokens[0].text in ("،", ",", ":"):
            tokens, changed = tokens[1:], True
            continue
        label = next((at for at, token in enumerate(tokens[:SECTION_WORDS + 1]) if token.text == "؛"), None)
        if label and not any(token.tag in VERB_TAGS for token in tokens[:label]):  # «شیرجه و واترپلو؛ …»: the
            tokens, changed = tokens[label + 1 :], True  # section the newsroom filed it under
            continue
        aside = _opener(tokens, 0, ASIDES)
        if aside:  # «گفتنی است …», «براساس این گزارش …»
            tokens, changed = tokens[len(aside.split()) :], True
            continue
        if _opens_with(tokens, SUBORDINATORS):  # up to the comma right after the subordinate clause's own verb (not
            # one inside it: «در حالی‌که گفته می‌شود … گوندوگان، هافبک … هستند حالا …»)
            verb = next((at for at in range(len(tokens)) if _is_finite(tokens, at)), None)
            comma = next((at for at in range(verb or 0, len(tokens))
                          if tokens[at].text in ("،", ",") and tokens[at - 1].tag in VERB_TAGS), None)
            first_comma = next((at for at, token in enumerate(tokens) if token.text in ("،", ",")), len(tokens))
            if verb is not None and comma is not None and not (_only_a_phrase(tokens) and first_comma < verb):
                tokens, changed = tokens[comma + 1 :], True
                continue
        comma = next((at for at, token in enumerate(tokens) if token.text in ("،", ",")), None)
        holds_no_actor = _opens_with(tokens, ACTORLESS_OPENERS)
        if comma is not None and comma <= (CONCESSION_WORDS if holds_no_actor else LEADING_ADJUNCT_WORDS) and \
                (holds_no_actor or _opens_with(tokens, ADJUNCT_OPENERS) or tokens[0].tag == "ADP") and \
                not any(token.text in ("را", "که") or token.tag in VERB_TAGS for token in tokens[:comma]) and \
                not _continues_a_list(tokens, comma) and \
                not (comma + 1 < len(tokens) and tokens[comma + 1].text in TITLE_WORDS | EPITHET_WORDS) and \
                not (tokens[0].text == "از" and tokens[1].text.endswith("ترین")) and \
                not _in_a_period_of_play(tokens, 0):
            # «در این جلسه، …», «براساس این گزارش، …»; not «در پیکار‌های … تیم‌های والنسین، آژاکسیو و رمس …», where
            # the comma goes on with a list, nor «به عقیده من تیمی که النصر، …», where it closes a name in a clause,
            # nor «در پی مقصر قلمداد شدن علیرضا فغانی، داور بین‌المللی …», where it opens the name's apposition,
            # nor «از مهم‌ترین معضلات تهران، فقدان … است», the predicate put first, nor «در کوارتر نخست …، …»
            tokens, changed = tokens[comma + 1 :], True
            continue
        time_words = _deictic_length(tokens)
        if time_words and time_words < len(tokens) and tokens[time_words].tag not in VERB_TAGS | {"ADP"}:
            tokens, changed = tokens[time_words:], True
    return tokens


def _in_a_period_of_play(tokens: list[Token], start: int) -> bool:
    """Whether a part opens on the period of play it speaks of («در کوارتر نخست این دیدار، … ۲۵ بر سه پیروز شد»): left
    out, a quarter's score would read as the match's."""
    return start + 1 < len(tokens) and tokens[start].text == "در" and tokens[start + 1].text in PERIODS_OF_PLAY


def _only_a_phrase(tokens: list[Token]) -> bool:
    """Whether «پس از» or «بعد از» opens a phrase, not a clause («پس از اعلام ابتلای … به کرونا، مسابقه … که قرار بود
    … شود، …»: the phrase ends at its own comma, before the subject), as «پس از اینکه …» does not."""
    return _opener(tokens, 0, ("پس از", "بعد از")) is not None and len(tokens) > 2 and tokens[2].text not in THAT_WORDS


def _continues_a_list(tokens: list[Token], comma: int) -> bool:
    """Whether the comma after a noun separates items of a list: another comma or an «و» within three words, not
    the «و» inside a number («۲ میلیون و ۶۱ هزار»)."""
    if tokens[comma - 1].tag not in ("PROPN", "NOUN"):
        return False
    after = tokens[comma + 1 : comma + 4]
    return any(token.text in ("،", ",") or (token.text == "و" and at and after[at - 1].tag != "NUM")
               for at, token in enumerate(after))


def _is_number(token: Token) -> bool:
    """A number, whatever the tagger made of it («۹۴» after a month may be tagged a noun)."""
    return token.tag == "NUM" or token.text.isdigit()


def _phrase_goes_on(tokens: list[Token], at: int) -> bool:
    """Whether the noun phrase before `at` goes on: to a relative clause that describes it, past at most two words
    the tagger may have taken for anything but an adjective («در این دیدار که …», «در این موقعیت حساس کنونی که …»),
    or to a comma after an adjective taken for a noun («در این حمله انتحاری، …»)."""
    for end in range(at, min(at + 3, len(tokens))):
        if tokens[end].text == "که":
            return True
        if tokens[end].tag in ("PUNCT", "ADP") or tokens[end].text == "و":
            break
    return tokens[at].text.endswith("ی") and at + 1 < len(tokens) and tokens[at + 1].text in ("،", ",")


def _deictic_length(tokens: list[Token]) -> int:
    """How many words of `tokens` make a time phrase that only dates the report («صبح امروز», «روز سه‌شنبه», «روز ۲۲
    اسفند ماه ۱۳۹۱»); not «امروز یک مهاجم …»'s number."""
    if not tokens or tokens[0].text not in DEICTIC_STARTS:
        return 0
    length = 1
    while length < len(tokens) and (tokens[length].text in DEICTIC_WORDS or
                                     (_is_number(tokens[length]) and tokens[length - 1].text in MONTHS) or  # a year
                                     (ORDINAL.match(tokens[length].text) and length + 1 < len(tokens) and
                                      tokens[length + 1].text in DEICTIC_WORDS)):
        length += 1
    return length if length > 1 or tokens[0].text in ("امروز", "دیروز", "امشب") else 0


def _appositions(tokens: list[Token]) -> list[Token]:
    """Leave out «، title ،» after a name: a part between commas, with no verb or time, that follows a proper noun
    (a time belongs to the clause: «هاندا، سفیر ژاپن … ظهر امروز از منطقه آزاد تجاری، صنعتی …»). A list
    of names («لبنان، کیامرثی، سادات و پربالی») is not one: a part that is only names, or after which the list goes
    on (another comma or «و» within three words), stays."""
    kept, index = [], 0
    while index < len(tokens):
        token = tokens[index]
        if token.text in ("،", ",") and kept and kept[-1].tag == "PROPN":
            close = next((at for at in range(index + 1, len(tokens)) if tokens[at].text in ("،", ",")), None)
            inside = tokens[index + 1 : close] if close is not None else []
            if inside and len(inside) <= 12 and \
                    not any(t.tag in VERB_TAGS or t.text == "را" or t.text in DEICTIC_WORDS for t in inside) and \
                    not _in_a_list(inside, tokens[close + 1 : close + 4]):
                index = close + 1
                continue
        kept.append(token)
        index += 1
    return kept


def _in_a_list(inside: list[Token], after: list[Token]) -> bool:
    """Whether a part between commas is an item of a list: only names, or followed by more items."""
    return all(token.tag == "PROPN" for token in inside) or any(token.text in ("،", ",", "و") for token in after)


def _adjunct_spans(tokens: list[Token]) -> list[tuple[int, int]]:
    """Parts of a clause that ends in its verb which can go without changing a fact: a safe adjunct («به منظور …», «در
    گفت‌وگو با …») up to the next preposition or the verb's own word, «در این جلسه», a person's office after the name
    («بختیاری رئیس کمیته امداد …» keeps «بختیاری»; «متکی، وزیر سابق …» with its comma), a relative clause that only
    describes who, and an adverbial part after the subject. The word just before the verb stays (a compound verb's
    «برگزار» in «برگزار شد»), and so does a phrase holding «هیچ» or «فقط»."""
    spans = []
    preverb = len(tokens) - 2
    for start in range(preverb):
        before = tokens[start - 1] if start else None
        if _inside_a_phrase(tokens, start):
            continue
        if _deictic_length(tokens[start:preverb]):
            continue  # a time phrase: `_undated` left out each that can go
        if before and before.text == "را" and start + 3 == preverb and \
                LIST_ANNOUNCEMENT.fullmatch(_text(tokens[start : start + 3])):
            spans.append((start, start + 3))  # «… اسامی محرومان را به شرح زیر اعلام کرد»: the list is not the news
            continue
        if [token.text for token in tokens[start : start + 2]] in (["در", "این"], ["در", "آن"]) and \
                not (before and before.text in BOUND_BEFORE_DAR) and \
                start + 3 <= preverb and tokens[start + 2].tag == "NOUN" and tokens[start + 3].tag != "ADJ" and \
                tokens[start + 3].text != "از" and tokens[start + 3].text not in PRESENCE and \
                not _phrase_goes_on(tokens, start + 3):  # «در این دوره از مسابقه‌ها …» goes on; «در این جلسه
            # مطرح کرد» can go whole, «در این جلسه حضور داشت» and «برای حضور در این رقابت‌ها» say where
            spans.append((start, start + 3 + (tokens[start + 3].text in ("،", ","))))  # «در این جلسه» and its comma
            continue
        opener = _opener(tokens, start, SAFE_ADJUNCTS)
        named = before and before.tag in ("PROPN", "NOUN") and (before.tag == "PROPN" or (start >= 2 and
                                                                 tokens[start - 2].tag in ("PROPN", "NOUN")))
        apposed = before and before.text in ("،", ",") and 2 <= start <= NAME_WORDS + 1 and \
            all(token.tag in SUBJECT_TAGS for token in tokens[: start - 1])  # «منوچهر متکی، وزیر سابق …»
        office = opener is None and (named or apposed) and tokens[start].text in TITLE_WORDS and \
            before.text not in EPITHET_WORDS | TITLE_WORDS  # «معاون رئیس‌جمهور …» is one office
        if office:
            opener = tokens[start].text  # an office after a name («خدیرا، بازیکن رئال مادرید برای …»)
        # after the name that opens the clause, the office's ezafe chain may run on («بازیکن سابق تیم ذوب‌آهن»)
        chain = office and all(token.tag in SUBJECT_TAGS | {"PUNCT"} for token in tokens[:start])
        place = opener is None and start + 1 < preverb and _opens_a_place(tokens, start)
        if place:
            opener = "در"  # a place («در ورزشگاه آزادی»): only where the next phrase visibly begins
        closed = opener if opener in SAFE_ADJUNCTS else start and _opener(tokens, start, EVENTS_BEFORE)  # «X پس از
        # اخراجش، نزد …»: an event before the news, after its subject, closed by its comma
        comma = _own_comma(tokens, start + len(closed.split()), preverb) if closed else None
        if comma is not None:
            spans.append((start, comma + 1))
            continue
        if opener is None:
            continue
        end = start + len(opener.split()) + 1  # the opener and at least one word of its phrase
        if end > preverb:
            continue
        lists = opener in PURPOSES  # «به منظور الف، ب و ج برگزار می‌کند»: a list of purposes runs to the preverb
        crossed = False  # whether an office's chain ran past where another phrase could begin
        numbered = False  # whether a number after a noun («در سال ۷۶ آغاز …») may have ended the phrase
        while end < preverb and (tokens[end].tag not in VERB_TAGS | {"SCONJ", "ADP"} or _past_time(tokens, end)) and \
                tokens[end].text != "که" and \
                not _deictic_length(tokens[end:preverb]) and (lists or tokens[end].tag != "PUNCT") and \
                not (chain and (tokens[end].tag == "NUM" or (tokens[end].text == "و" and not apposed))) and \
                tokens[end].text != "یک":  # an indefinite noun phrase begins («در سال‌های گذشته یک تیم بسیار خوب»)
            # (an «و» may join another person: «عماری دبیر، شاهین طبع سرمربی … و قاسمی مدیر …»)
            if (tokens[end - 1].tag == "ADJ" or tokens[end - 1].text in ORDINALS) and \
                    tokens[end].tag in ("NOUN", "PROPN") and tokens[end - 1].text not in HONORIFICS:  # a new noun
                # phrase may begin («در هفته دوم میزبان استقلال …»)
                if not chain:
                    break
                crossed = True
            numbered |= place and _numeric(tokens[end - 1]) and tokens[end - 2].tag != "ADP" and \
                tokens[end].tag != "NUM"  # «در جام حذفی ۴ بازیکن …»: the number opens the subject
            end += 1
        if (place and any(token.text == "و" for token in tokens[start:end])) or tokens[end - 1].text == "و":
            continue  # «در ۸ بازی ۱۴ امتیاز و کرانچار در …»: an «و» may join the next subject to the place
        if numbered or (office and any(token.tag == "DET" for token in tokens[start:end])):
            continue  # «سرمربی تیم فوتبال پرسپولیس کاروان این تیم …»: the office ran into the subject
        if place and any(token.text == "را" for token in tokens[end + 1 : end + 4]):
            continue  # «در جام حذفی انگلیس شکست در لیگ برتر را …»: the place took the object with it
        if crossed and any(token.text == "را" for token in tokens[end:preverb]):
            continue  # the chain may have run into the object («ویلیان، ستاره برزیلی چلسی پیشنهاد … را رد کرد»)
        start -= bool(office and apposed)  # the comma that opened the apposition goes with it
        # it must end where the next phrase visibly begins: a preposition, its own comma, or the verb's own word (for a
        # purpose, or for an occasion with no number before a light verb: «… با حضور مسئولان استانی برگزار شد»);
        # not a list's comma («علی حمودی، بازیکن سابق استقلال، تراکتور و سپاهان», «در بخش آقایان، پیشکسوتان، و
        # بانوان»), not «فصل پیش», not before the «از» an indefinite or a comparative takes («در دیداری از لیگ …»,
        # «برتر از حریف»); a place that opens the clause ends only at its comma (the subject may follow it unmarked:
        # «در هفته نوزدهم لیگ دانمارک تیم وایله …»)
        if tokens[end].text in ("،", ",") and end < preverb and \
                not (_continues_a_list(tokens, end) and preverb - end > LIST_BEFORE_VERB):
            spans.append((start, end + 1))
        elif place and start and _score_at(tokens, end):  # «لیورپول در ورزشگاه آنفیلد ۲ بر صفر … شکست خورد»
            spans.append((start, end))
        elif (tokens[end].tag == "ADP" and tokens[end].text != "را" and not (place and start == 0)
              and (office or tokens[end - 1].tag == "PROPN")  # a name ends its phrase; a noun may take the
              # preposition after it as its own («در پاسخی تند به …», «با هدف حمایت از …», «در منطقه مورد …»)
              and tokens[end - 1].text not in TAKES_PREPOSITION.get(tokens[end].text, ())  # «در صحبت‌هایی با …»
              and not (tokens[end].text == "از" and tokens[end - 1].text.endswith(("ی", "تر")))
              and not (tokens[end].text == "زیر" and _numeric(tokens[end + 1]))  # «رده سنی زیر ۱۷ سال»
              and not (office and tokens[end - 1].text in TIME_WORDS | {"فصل"})
              and not (office and tokens[end].text == "در" and tokens[end + 1].text in ERA_WORDS | TOURNAMENTS)
              # «بازیکن قدیمی استقلالی‌ها در دهه ۵۰ و ۶۰», «دروازه‌بان تیم ملی کاستاریکا در جام جهانی ۲۰۱۴»: the era
              # or the tournament is the office's
              and not (tokens[end].text == "از" and _opener(tokens, start, OCCASIONS))  # «با حضور ۶۴۹ کاراته کا از …»
              ) or (end == preverb and not place and (lists or (
                  _opener(tokens, start, OCCASIONS) and tokens[preverb].tag in ("NOUN", "ADJ") and
                  LIGHT_VERB.match(tokens[-1].text) and not any(map(_numeric, tokens[start:end]))))):
            spans.append((start, end))
    spans.extend(_relative_clauses(tokens, preverb))
    spans.extend(_unclosed_causes(tokens, preverb, spans))
    spans.extend(_media(tokens, preverb))
    spans.extend(_venues(tokens, preverb))
    spans.extend(_examples(tokens, preverb))
    setting = _event_setting(tokens)
    if setting:
        spans.append(setting)
    company = _company(tokens, preverb)
    if company:
        spans.append(company)
    inner = _inner_adjunct(tokens, preverb, spans)
    return sorted(span for span in ({*spans, inner} if inner else set(spans))
                  if not any(token.text in SCOPE_WORDS for token in tokens[span[0] : span[1]])
                  and not _in_a_period_of_play(tokens, span[0]))


def _own_comma(tokens: list[Token], start: int, preverb: int) -> int | None:
    """The comma that closes a safe adjunct's phrase, or an earlier event's («پس از اخراجش،»), from `start` («در
    چارچوب رقابت‌های مقدماتی جام جهانی برزیل،»), however its nouns and adjectives run: the first comma within
    `SAFE_PHRASE_WORDS`, with no verb, clause, object, «و» or number before it, where the next phrase visibly begins
    with its preposition (not a list's next item: «با حضور صالحی امیری، علی نژاد …», «به منظور توسعه …، جلب توجه
    …»)."""
    for at in range(start + 1, min(preverb, start + SAFE_PHRASE_WORDS + 1)):
        token = tokens[at]
        if token.text in ("،", ","):
            return at if tokens[at + 1].tag == "ADP" and tokens[at + 1].text != "را" else None
        if token.tag in VERB_TAGS | {"SCONJ"} or token.text in ("را", "که", "و") or _numeric(token):
            return None
    return None


def _examples(tokens: list[Token], preverb: int) -> list[tuple[int, int]]:
    """«از جمله تعرفه‌ها و صندوق‌های رای،» after a noun: examples of it, up to the comma that closes them. The comma
    must end the list: its last item is already joined by «و», or no item follows."""
    spans = []
    for start in range(1, preverb):
        if _opener(tokens, start, ("از جمله",)) is None or tokens[start - 1].tag not in ("NOUN", "PROPN"):
            continue
        comma = next((at for at in range(start + 2, preverb) if tokens[at].text in ("،", ",")), None)
        inside = tokens[start + 2 : comma] if comma is not None else []
        if inside and not any(token.tag in VERB_TAGS | {"SCONJ"} or token.text in ("را", "که") for token in inside) \
                and (any(token.text == "و" for token in inside) or not _continues_a_list(tokens, comma)):
            spans.append((start, comma + 1))
    return spans


def _without_fillers(tokens: list[Token]) -> list[Token]:
    """The clause without what newsroom titles never keep: «تیم فوتبال» before a club's name («تیم فوتبال پرسپولیس»
    → «پرسپولیس») and an adverb that only places the news in a sequence («… حالا روند خوبش را …», «… سرانجام در
    بوندسلیگا متوقف شد»), where neither goes on a phrase or an «و»."""
    preverb, gone = len(tokens) - 2, set()
    for start in range(preverb):
        if _inside_a_phrase(tokens, start):
            continue
        words = [token.text for token in tokens[start : start + 2]]
        if words == ["تیم", "فوتبال"] and start + 2 < preverb and tokens[start + 2].tag == "PROPN":
            gone.update((start, start + 1))
            continue
        adverb = 2 if words == ["در", "نهایت"] else int(tokens[start].text in SEQUENCE_ADVERBS)
        if adverb and start + adverb < preverb and tokens[start + adverb].text != "و" and \
                not (start and tokens[start - 1].text == "و"):
            gone.update(range(start, start + adverb))
    return [token for at, token in enumerate(tokens) if at not in gone]


def _media(tokens: list[Token], preverb: int) -> list[tuple[int, int]]:
    """«طی بیانیه‌ای رسمی», «در نامه‌ای», «با انتشار بیانیه‌ای»: the act, named indefinitely, that the subject spoke or
    acted by. It ends on its indefinite noun or an adjective of `MEDIUM_ADJECTIVES`. Where the phrase may go on it
    stays: «در نامه‌ای به …», «در نامه‌ای خطاب به …», «طی جلسه‌ای مشترک …», «در دیداری حساس», «در نشستی دو ساعته»,
    «در دیداری خارج از خانه», «در جلسه‌ای که …». The tagger often calls an adjective a noun, so any word hazm's
    lexicon knows as an adjective may go on the phrase."""
    spans = []
    for start in range(preverb):
        opener = _opener(tokens, start, MEDIUM_OPENERS)
        if opener is None or _inside_a_phrase(tokens, start):
            continue
        noun = start + len(opener.split())
        if noun >= preverb or tokens[noun].text not in INDEFINITE_MEDIA:
            continue
        end = noun + 1
        while end < preverb and tokens[end].text in MEDIUM_ADJECTIVES | {"و"} and tokens[end - 1].text != "و":
            end += 1
        after = tokens[end : end + 2]
        if tokens[end - 1].text != "و" and after[0].tag not in ("ADP", "SCONJ", "CCONJ", "ADJ", "NUM") and \
                after[0].text not in ("که", "خطاب", "،", ",") and after[0].text not in adjectives() and \
                after[-1].text != "از":
            spans.append((start, end))
    return spans


def _venues(tokens: list[Token], preverb: int) -> list[tuple[int, int]]:
    """The ground or hall something happened in, after its subject: «در ورزشگاه آنفیلد», «در سالن نلسون ماندلای شهر
    فلورانس ایتالیا». Newsroom titles name who played and what came of it, seldom where. The venue's name runs on up to
    where the next phrase visibly begins: its preposition, «و در …» or «و با …», a comma or a score; not before a
    presence («در سالن … حاضر شد» says where), nor as the place a word before takes («حضور در …»), nor where the
    news is the hosting itself («برگزاری دیدارهای … در ورزشگاه ثامن …»)."""
    spans = []
    for start in range(1, preverb - 1):
        if tokens[start].text != "در" or tokens[start + 1].text not in VENUES or _inside_a_phrase(tokens, start) or \
                tokens[start - 1].text in BOUND_BEFORE_DAR or tokens[preverb].text in PRESENCE or \
                any(token.text in HOSTING for token in tokens[:start]):
            continue
        end = start + 2
        while end < preverb and end - start <= VENUE_WORDS and not _score_at(tokens, end) and \
                tokens[end].tag not in VERB_TAGS | {"ADP", "SCONJ", "CCONJ", "PUNCT"} and tokens[end].text != "که":
            end += 1
        after = tokens[end]
        if end == preverb:
            continue
        if (after.tag == "ADP" and after.text not in ("را", "از")) or _score_at(tokens, end):
            spans.append((start, end))
        elif after.text in ("،", ",") or (after.text == "و" and tokens[end + 1].text in ("در", "با")):
            spans.append((start, end + 1))
    return spans


def _event_setting(tokens: list[Token]) -> tuple[int, int] | None:
    """Where, with whom and how long a past event happened, between its subject and its own predicate: from the
    first place, company or length after the subject that can go, up to the predicate. The clause opens on its
    subject, a noun phrase of at least two words, and has no object. The part goes whole or not at all, so it holds
    no verb, «که», comma, date or time (a dated event is another event), nothing of `NOT_A_SETTING`, and no «با» but
    an occasion's («با برتری ۲ بر یک …» is the news); a place the word before takes as its own («حضور در …») is not
    where it begins."""
    event = _event_predicate(tokens)
    if event is None or tokens[0].tag in ("ADP", "SCONJ", "CCONJ", "DET", "PRON") or \
            _opener(tokens, 0, STATEMENT_OPENERS) or any(token.text == "را" for token in tokens):
        return None
    for start in range(2, event - 1):
        token = tokens[start]
        if token.tag in VERB_TAGS or token.text == "که" or (token.tag == "PUNCT" and token.text not in "«»"):
            return None  # the subject is no plain noun phrase
        place = _opens_a_place(tokens, start)
        if not (place or _opener(tokens, start, EVENT_SETTINGS)) or _inside_a_phrase(tokens, start):
            continue
        part = tokens[start:event]
        if any(token.tag in VERB_TAGS | {"PUNCT"} or token.text in NOT_A_SETTING or
               (token.text == "با" and not _opener(tokens, start + at, EVENT_SETTINGS)) or
               (token.text in TIME_WORDS | MONTHS | ERA_WORDS and
                "مدت" not in (word.text for word in part[max(at - 3, 0) : at]))  # «به مدت ۵ روز» is a length
               for at, token in enumerate(part)):
            continue  # a later place or company may still be the setting («… در قالب پرسش مهر … با حضور …»)
        return start, event
    return None


def _company(tokens: list[Token], preverb: int) -> tuple[int, int] | None:
    """Who attends an event, past or coming, up to its date, its place or its predicate: «… با حضور ۳۰ بازیکن از
    چهارشنبه هفته گذشته آغاز شد», «… با حضور آیت‌الله محسن قمی … پانزدهم بهمن‌ماه در حوزه هنری برگزار می‌شود».
    Newsroom titles leave the company out and keep when and where. It holds no verb, comma or «که», and no object
    follows it."""
    if tokens[preverb].text not in EVENT_WORDS:
        return None
    start = next((at for at in range(2, preverb) if _opener(tokens, at, COMPANY)), None)
    if start is None or tokens[start + 2].text == "در" or any(token.text == "را" for token in tokens[start:preverb]):
        return None  # «با حضور در کارخانه … طرح‌ها را افتتاح کرد»: being there, and the act's object after it
    end = next((at for at in range(start + 3, preverb) if tokens[at].text in DEICTIC_WORDS or
                (ORDINAL.match(tokens[at].text) and tokens[at + 1].text in DEICTIC_WORDS) or
                _opens_a_place(tokens, at)), preverb)  # «بازیکنان حاضر در لیگ» goes on
    end -= tokens[end - 1].tag == "ADP" and end - 1 > start + 2  # «… از چهارشنبه هفته گذشته»: the date's own «از»
    if any(token.tag in VERB_TAGS | {"PUNCT"} or token.text == "که" for token in tokens[start:end]):
        return None
    return start, end


def _opens_a_place(tokens: list[Token], at: int) -> bool:
    """Whether the «در» at `at` opens a place: not a fixed phrase («در حال», «در نظر»), nor the phrase the word
    before takes as its own («حضور در …», «قرار گرفتن در رده …»)."""
    before = tokens[at - 1] if at else None
    return tokens[at].text == "در" and at + 1 < len(tokens) and tokens[at + 1].text not in BOUND_AFTER_DAR and \
        not (before and (before.text in BOUND_BEFORE_DAR or _infinitive(before)))


def _event_predicate(tokens: list[Token]) -> int | None:
    """Where a past event's own predicate begins at the clause's end («برگزار شد», «به پایان رسید»), if it is one."""
    words = [token.text for token in tokens]
    for phrase, verbs in EVENT_PHRASES.items():
        at = len(words) - len(phrase) - 1
        if at > 0 and tuple(words[at:-1]) == phrase and words[-1] in verbs:
            return at
    at = len(words) - 1
    while at > 0 and words[at] in EVENT_PASSIVES | SHARED_AUXILIARIES:
        at -= 1
    return at if at < len(words) - 1 and words[at] in EVENT_WORDS and words[at + 1] in EVENT_PASSIVES and \
        words[at - 1] != "قابل" else None


def _past_time(tokens: list[Token], at: int) -> bool:
    """«پیش», «قبل» or «گذشته» after a time noun («فصل قبل», «سال پیش»): the tagger's preposition ends no phrase."""
    return at > 0 and tokens[at].text in PAST_TIMES and tokens[at - 1].text in TIME_WORDS | ERA_WORDS


def _inside_a_phrase(tokens: list[Token], start: int) -> bool:
    """Whether the word at `start` goes on a phrase or a list: after a number or quantifier («چند روز گذشته»), «و», a
    preposition or a time word («از صبح امروز»)."""
    before = tokens[start - 1] if start else None
    return before is not None and (before.tag in ("NUM", "DET") or before.text.isdigit() or
                                   before.text in QUANTIFIERS or before.text == "و" or
                                   (before.text in DEICTIC_WORDS and tokens[start].text in DEICTIC_WORDS) or
                                   (before.tag == "ADP" and before.text != "را"))


def _clock_length(tokens: list[Token], start: int, preverb: int) -> int:
    """How many words from `start` make a time of day that only dates the report: «ساعت ۱۸», «از ساعت ۱۱ و ۱۵
    دقیقه امروز», «در ساعت ۱۶:۳۰»; 0 for none, for one inside a phrase («پس از ساعت …») or one that opens a range."""
    at = start + (tokens[start].text in ("از", "در") and not (start and tokens[start - 1].text in BOUND_BEFORE_AZ))
    if at == start and _inside_a_phrase(tokens, start):
        return 0
    if at + 1 >= preverb or tokens[at].text != "ساعت" or not _numeric(tokens[at + 1]):
        return 0
    end = at + 2
    if [token.text for token in tokens[end : end + 3 : 2]] == ["و", "دقیقه"] and _numeric(tokens[end + 1]):
        end += 3  # «۱۱ و ۱۵ دقیقه»
    elif end < preverb and tokens[end].text == "دقیقه":
        end += 1  # «۱۱:۳۰ دقیقه»
    while end < preverb and tokens[end].text in DEICTIC_WORDS:
        end += 1
    if [token.text for token in tokens[end : end + 2]] == ["به", "وقت"]:
        end += 3  # «به وقت تهران», «به وقت محلی»
    return 0 if end >= preverb or tokens[end].text in ("تا", "و") else end - start


def _names_its_time(tokens: list[Token], at: int, length: int) -> bool:
    """Whether the time phrase of `length` words at `at` belongs to the word before it: a session's or prayer's part
    of the day («نوبت عصر امروز», «نماز صبح»), an era («دنیای امروز»), or a complement an ezafe waits for with no other
    word to take it («رویداد‌های امروز هشتم شهریور به شرح …»)."""
    before = tokens[at - 1] if at else None
    if before is None:
        return False
    after = tokens[at + length] if at + length < len(tokens) else None
    return before.text in TIMED_NOUNS or \
        (before.text.endswith(("های", "ای")) and (after is None or after.tag not in SUBJECT_TAGS))


def _undated(tokens: list[Token]) -> list[Token]:
    """The clause without the time phrases that only date the report («صبح امروز», «در عصر جمعه», «روز گذشته», «از
    ساعت ۱۸:۳۰»): newsroom titles never keep them. One that belongs to the noun before it stays, as does one joined to
    another by «و» and a range («از ساعت ۸ تا ۱۲»), and so does one inside an «اینکه» clause, which states when
    something happens («اینکه بازی … ساعت ۲۳:۴۵ برگزار شود»)."""
    preverb, gone, start = len(tokens) - 2, set(), 0
    preverb = next((at for at, token in enumerate(tokens[:preverb]) if token.text in THAT_WORDS), preverb)
    while start < preverb:
        clock = _clock_length(tokens, start, preverb)
        if clock:
            gone.update(range(start, start + clock))
            start += clock
            continue
        opens = 1 if (tokens[start].text == "در" or (tokens[start].text == "از" and not (
            start and tokens[start - 1].text in BOUND_BEFORE_AZ))) and not _inside_a_phrase(tokens, start) else 0
        # «در صبح امروز», «از صبح امروز» (not «پیش از امروز»)
        if [token.text for token in tokens[start : start + 3]] in (["پیش", "از", "ظهر"], ["بعد", "از", "ظهر"]):
            opens = 2  # «پیش از ظهر امروز»
        at = start + opens
        length = _deictic_length(tokens[at:preverb]) if not _inside_a_phrase(tokens, at) or opens else 0
        before = tokens[start - 1] if start else None
        if not length or tokens[at + length].text in ("و", "تا") or (opens and length < 2) or \
                _names_its_time(tokens, at, length) or (before is not None and before.text == tokens[at + length].text):
            # («عرصه امروز عرصه …»: the noun's own time, which leaving out would put the noun twice)
            start += 1
            continue
        end = at + length
        if before is not None and before.text in ("،", ",") and tokens[end].text in ("،", ","):
            end += 1  # «ترابی، روز گذشته، …»: one comma stays
        gone.update(range(start, end))
        start = end
    return [token for at, token in enumerate(tokens) if at not in gone]


def _relative_clauses(tokens: list[Token], preverb: int) -> list[tuple[int, int]]:
    """A relative clause after a name or a definite noun («تیم ملی جوانان که … سفر کرده بود در …», «وییرا وزیر
    خارجه برزیل که به تهران سفر کرده، …»): it describes who, and the clause reads whole without it. It runs from
    «که» to its own verb (a participle too, when a comma closes it) and must end before the main clause's verb
    phrase; after an indefinite «‑ی» («مربیانی که …») it says which ones, and stays."""
    spans = []
    for at in range(1, preverb):
        before = tokens[at - 1]
        if tokens[at].text != "که" or before.tag not in ("NOUN", "PROPN") or before.text in CONJUNCTIONAL_NOUNS or \
                (before.tag == "NOUN" and _indefinite(tokens, at - 1)) or (at > 1 and tokens[at - 2].text == "یک") or \
                any(token.text in DEGREE_WORDS for token in tokens[max(at - 3, 0) : at]):
            continue  # «از آنجا که», «مربیانی که», «یک مقطع که», «این نکته که», «آن‌قدر دلخورم که», «به همان اندازه که»
        verb = next((end for end in range(at + 2, preverb) if tokens[end].tag in VERB_TAGS), None)
        while verb is not None and verb + 1 < preverb and tokens[verb + 1].tag in VERB_TAGS:
            verb += 1  # «سفر کرده بود»: the verb's last part
        if verb is None or not VERB_FORM.search(tokens[verb].text):
            continue
        after = tokens[verb + 1]
        closed = after.text in ("،", ",")
        if not (closed or _is_finite(tokens, verb)) or after.tag in VERB_TAGS or after.text in CLAUSE_LINKS | {"را"}:
            continue  # its verb goes on («سفر کرده بود»), a clause joined to it follows, or the tagger's verb was a
            # noun («که هنوز طعم باخت را نچشیده»)
        if any(token.text in COMPLEMENT_PREDICATES | MODALS for token in tokens[verb - 2 : verb + 1]):
            continue  # «روبن که … تصمیم گرفت به دنیای فوتبال بازگردد»: what follows is its complement
        if any(_is_finite(tokens, later) for later in range(verb + 1, preverb)):
            continue  # another verb before the main one: where the relative clause ends is not clear
        spans.append((at, verb + 1 + closed))
    return spans


def _indefinite(tokens: list[Token], at: int) -> bool:
    """Whether the noun at `at` ends in the indefinite «‑ی» («مربیانی», «نامه‌ای», «تیمی»), not a surname the tagger
    took for a common noun after its first name («یحیی گل‌محمدی»): one whose stem hazm's lexicon knows, is plural or
    has no name before it."""
    word = tokens[at].text
    if not word.endswith("ی"):
        return False
    stem = word.removesuffix("ی")
    return word.endswith(("ای", "یی")) or stem in vocabulary() or stem.endswith(PLURALS) or at == 0 or \
        tokens[at - 1].tag not in ("NOUN", "PROPN")


def _unclosed_causes(tokens: list[Token], preverb: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A cause or a time right after the subject, or after the subject's office, with no comma to close it: where it
    ends is only clear in two shapes, and elsewhere it stays.
    - A cause («به دلیل آسیب‌دیدگی») ends before the first «در», «به», «با» or «برای» that its last word does not
      take: «حامد لک به دلیل آسیب‌دیدگی در فهرست …» → «حامد لک در فهرست …».
    - A time («پس از برتری برابر فجرسپاسی») is an event and its own complement, and ends before a «به», «با» or «برای»
      right after that: «ملوانی‌ها پس از برتری برابر فجرسپاسی به ساوه سفر کردند» → «ملوانی‌ها به ساوه سفر کردند».
      A «در» after it may be the event's place or time («پس از فتح دربی مشهد در هفته چهاردهم»), and stays.
    Neither runs across a verb, an infinitive, a clause, a comma, «را» or «و»."""
    subject = next((at for at, token in enumerate(tokens[:preverb]) if token.tag not in SUBJECT_TAGS), None)
    if not subject or subject > SUBJECT_WORDS or any(token.text in TIME_WORDS for token in tokens[:subject]):
        return []  # «یک روز پس از آنکه …» has no subject before it
    starts = (subject, *(end for begin, end in spans if begin in (subject, subject - 1)))  # «… بازیکن فصل پیش …»
    return [span for start in starts for span in _unclosed_cause(tokens, start, preverb)]


def _unclosed_cause(tokens: list[Token], start: int, preverb: int) -> list[tuple[int, int]]:
    cause, time = _opener(tokens, start, UNCLOSED_CAUSES), _opener(tokens, start, UNCLOSED_TIMES)
    opener = cause or time
    if opener is None or tokens[start + len(opener.split())].tag not in SUBJECT_TAGS:
        return []  # «پس از آنکه …» opens a clause
    complements = 0
    for end in range(start + len(opener.split()) + 1, preverb - 1):
        token, before = tokens[end], tokens[end - 1]
        if token.tag in VERB_TAGS | {"SCONJ", "PUNCT"} or token.text in ("که", "را", "و") or _infinitive(token):
            return []
        if token.tag != "ADP":
            continue
        # any other preposition is the noun's own («برتری برابر …»)
        free = token.text in UNCLOSED_ENDS and before.text not in TAKES_PREPOSITION[token.text]
        if free and (cause or complements) and (cause or token.text != "در"):
            return [(start, end)]
        if free or complements:
            return []  # a time's event has no complement, or one too many: where it ends is not clear
        complements += 1
    return []


def _infinitive(token: Token) -> bool:
    """«شدن», «دادن»: a verb's noun, which takes its own complements."""
    return token.text.endswith("ن") and token.text[:-1] in _past_stems()


def _inner_adjunct(tokens: list[Token], preverb: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """An adverbial part closed by its own comma right after the subject, or after an adjunct of `spans` that follows
    it («شانگهای در مسابقات … با پیروزی ۳ بر یک مقابل …، حریف … شد», «کوتینیو پس از کش و قوس‌های فراوان، …»):
    newsroom titles leave it out. The subject is a noun phrase of a few words; the part opens on an adverbial opener,
    holds no verb, «را» or subordinate clause (unless it says what the subject said while acting: «با تاکید بر این
    نکته که …،», or a cause's noun has its relative clause: «به دلیل محرومیتی که … بود،»), ends on a comma that
    closes no name's apposition, and the rest of the clause does not point back to it («در این زمینه»)."""
    start = next((at for at, token in enumerate(tokens[:preverb]) if token.tag not in SUBJECT_TAGS), None)
    if not start or start > SUBJECT_WORDS or _opener(tokens, start - 1, STATEMENT_OPENERS):  # «همزمان با …» opens
        return None  # the statement
    if _opener(tokens, start, INNER_OPENERS) is None:  # or it follows a place («شانگهای در مسابقات … با پیروزی …،»)
        start = next((end for begin, end in spans if begin == start and tokens[end - 1].text != "و" and
                      _opener(tokens, end, INNER_OPENERS)), None)
        if start is None:
            return None
    comma = next((at for at in range(start + 2, min(start + INNER_ADJUNCT_WORDS, preverb))
                  if tokens[at].text in ("،", ",")), None)
    speech = _opener(tokens, start, SPEECH_ADJUNCTS) is not None  # «با تاکید بر اینکه …،» holds a clause of its own
    clause_inside = any(token.tag in VERB_TAGS | {"SCONJ"} or token.text in ("را", "که", "اینکه", "آنکه")
                        for token in tokens[start:comma]) if comma is not None else False
    if comma is None or (clause_inside and not speech and not (_opener(tokens, start, CAUSES) and
                                                               _describes_its_noun(tokens[start:comma]))):
        return None
    if any(token.text in (":", "：") for token in tokens[start:comma]):
        return None  # «با اشاره به … اظهارداشت: دو سال است، …»: a speech frame the attribution did not read
    if any(token.text in TITLE_WORDS | EPITHET_WORDS for token in tokens[comma + 1 : comma + 3]):
        return None  # the comma opens a name's apposition («… لبران جیمز، فوق ستاره خود …»), not the clause
    if any(token.text in ("این", "آن") and following.text in POINTING_BACK
           for token, following in pairwise(tokens[comma + 1 :])):
        return None  # «… با داشتن ۱۱۰۰ بقعه، رتبه نخست کشور را در این زمینه …»: the rest points back to it
    if comma + 1 < len(tokens) and _numeric(tokens[comma + 1]) and any(map(_numeric, tokens[comma - 2 : comma])):
        return None  # «با نتایج ۲۵ بر ۱۹، ۲۵ بر ۲۲ و …», «با ثبت ۲۲ امتیاز، ۱۹ پاس گل و …»: a list of figures
    return None if _in_a_list(tokens[start + 1 : comma], tokens[comma + 1 : comma + 4]) else (start, comma + 1)


def _describes_its_noun(part: list[Token]) -> bool:
    """«به دلیل محرومیت یک جلسه‌ای که کمیته انضباطی برایش در نظر گرفته بود»: the part's only clause is a relative
    clause about its noun, closed by its verb at the part's end."""
    links = [at for at, token in enumerate(part) if token.text == "که"]
    return len(links) == 1 and links[0] > 1 and part[links[0] - 1].tag in SUBJECT_TAGS and \
        part[-1].tag in VERB_TAGS and \
        not any(token.tag in VERB_TAGS or token.text == "را" for token in part[: links[0]])


def _score_at(tokens: list[Token], at: int) -> bool:
    """Whether a match's score («۲ بر صفر», «۳ بر یک») begins at `at`: a place before it ends there."""
    return at + 2 < len(tokens) and tokens[at + 1].text == "بر" and \
        all(_numeric(token) or token.text in SCORE_WORDS for token in (tokens[at], tokens[at + 2]))


def _numeric(token: Token) -> bool:
    return token.tag == "NUM" or any(character.isdigit() for character in token.text)


def _text(tokens: list[Token]) -> str:
    text = " ".join(token.text for token in tokens)
    return re.sub(r"\s+([،,.:؛!؟»)])", r"\1", re.sub(r"([«(])\s+", r"\1", text))


def _clauses(tokens: list[Token], max_words: int, lead: bool) -> Iterator[tuple[list[Token], float]]:
    """The main clause, and the same with adjunct phrases left out, within `max_words` words; with its kept share.
    Only the `lead` sentence's clause leaves out its «نیز» or «هم» "also"."""
    words = sum(token.tag != "PUNCT" for token in tokens) or 1
    source = _appositions(_strip_leading(_without_parentheses(tokens)))
    clause = _main_clause(source)
    if clause is None:
        return
    clause = _strip_leading(_with_the_next_clause(source, clause))
    wholes = [whole for whole in (clause, _first_conjunct(clause), _second_conjunct(source, clause)) if whole]
    for whole in wholes:
        # a time makes its «هم» stay: «هم» goes first
        whole = _without_fillers(_undated(_without_also(whole) if lead else whole))
        spans = _adjunct_spans(whole)
        for dropped in range(min(len(spans), MAX_DROPPED) + 1):
            for chosen in combinations(spans, dropped):
                if any(a[1] > b[0] for a, b in pairwise(chosen)):
                    continue  # overlapping phrases
                gone = {at for start, end in chosen for at in range(start, end)}
                if _named_only_in(whole, gone) or any(_orphans_an_adjective(whole, *span) for span in chosen):
                    continue
                kept = _tidy([token for at, token in enumerate(whole) if at not in gone])
                count = sum(token.tag != "PUNCT" for token in kept)
                if MIN_WORDS <= count <= max_words:
                    yield kept, count / words


def _orphans_an_adjective(clause: list[Token], start: int, end: int) -> bool:
    """Whether leaving out the phrase from `start` to `end` leaves the adjective after it without its noun: «نقطه
    عطفی در تغییر مناسبات استراتژیک سیاسی، امنیتی و نظامی …» without «در تغییر … سیاسی،». An adjective the verb
    follows is the predicate's («… در نهایت موفق شد»)."""
    return clause[start].tag == "ADP" and end + 1 < len(clause) and clause[end].tag == "ADJ" and \
        clause[end + 1].tag not in VERB_TAGS


def _with_the_next_clause(source: list[Token], clause: list[Token]) -> list[Token]:
    """A first clause too short to say anything alone, with the clause «و» joins to it, up to that one's verb, where
    that one is well formed alone: «بازی خوبی بود و خوشحالم در این دیدار به پیروزی رسیدیم» for «بازی خوبی بود»."""
    if sum(token.tag != "PUNCT" for token in clause) >= FIRST_CONJUNCT_WORDS:
        return clause
    joined = _joined_by_and(source, clause)
    if joined is None:
        return clause
    link, following = joined
    if not following or not well_formed(_text(following)):
        return clause  # «… و معافیت‌هایی که باید … ایجاد شود»: no clause of its own
    return [*clause, link, *following]


def _joined_by_and(source: list[Token], clause: list[Token]) -> tuple[Token, list[Token] | None] | None:
    """The «و» right after `clause` in `source` and the main clause after it (None where it has none); None where no
    «و» follows the clause."""
    end = next((at for at, token in enumerate(source) if token is clause[-1]), None)
    if end is None or end + 2 >= len(source) or source[end + 1].text != "و":
        return None
    return source[end + 1], _main_clause(source[end + 2 :])


def _second_conjunct(source: list[Token], clause: list[Token]) -> list[Token] | None:
    """The clause «و» joins to the first, under the first's subject: «اینترمیلان … میزبان کیه‌وو بود و با نتیجه ۳ بر
    یک به پیروزی رسید» → «اینترمیلان با نتیجه ۳ بر یک به پیروزی رسید». Only a result the first sets up (a win, a
    loss, a medal, a place won or lost), not on a condition: editors judged other second clauses side details («…
    با استقبال هواداران مواجه شد»). Only where it visibly shares that subject: the first opens on its subject,
    closed by a preposition that starts no partitive («جمعی از …»), and holds no object («را»: the noun run may be
    the object), no clause of its own («که») and no first or second person (whose subject is unsaid); the second
    opens on a preposition or a time, not on one pointing back («با این شکست یاران نوری …»), has no comma after
    which a subject of its own may stand and no pronoun for the first's subject («به او هشدار داده شد»), and its
    verb agrees with the first's."""
    joined = _joined_by_and(source, clause)
    if joined is None:
        return None
    _, following = joined
    subject = next((at for at, token in enumerate(clause) if token.tag not in SUBJECT_TAGS), 0)
    if not subject or clause[subject].tag != "ADP" or clause[subject].text == "از" or not following or \
            any(token.text in ("را", "که") for token in clause) or _first_or_second_person(clause):
        return None
    told = _text(following)
    if not RESULT.search(told) or CONDITION.search(told):
        return None
    opening = [token.text for token in following[:3]]
    if not (following[0].tag == "ADP" or opening[0] in TIME_WORDS) or {"این", "همین", "آن"} & set(opening) or \
            any(token.text in ("،", ",") or token.tag == "PRON" for token in following) or \
            _plural(clause[-1]) != _plural(following[-1]):
        return None
    return [*clause[:subject], *following]


def _plural(verb: Token) -> bool:
    """«رسیدند», «کرده‌اند», «می‌مانند», «رفتیم»; not a stem's own «‑اند» («بازماند», «رساند», «می‌ماند»)."""
    text = verb.text
    stem_ending = text.endswith("اند") and not text.endswith(("ه\u200cاند", "هاند")) and text != "اند"
    return text.endswith("یم") or (text.endswith("ند") and not stem_ending)


def _reciprocal(words: list[str], at: int) -> bool:
    return words[at] == "هم" and at > 0 and words[at - 1] in RECIPROCAL_AFTER


def _refers_back(words: list[str], at: int) -> bool:
    """Whether the word at `at` points back to an earlier sentence: one of `BACK_REFERENCES`, but not «باز» before
    the last word or a light verb («… را باز کرد», «با باز کردن دروازه …») nor «هم» as "each other"."""
    return words[at] in BACK_REFERENCES and not (words[at] == "باز" and (at == len(words) - 2 or OPENED.match(
        words[at + 1]))) and not _reciprocal(words, at)


def _without_also(tokens: list[Token]) -> list[Token]:
    """The clause without its «نیز» or «هم» "also". It stays where the clause needs it (`ALSO_NEEDED`, «هم … و هم
    …»), and after a time («تابستان سال گذشته نیز …» is background, «امروز هم …» says it goes on)."""
    words = [token.text for token in tokens]
    paired = sum(word == "هم" and not _reciprocal(words, at) for at, word in enumerate(words)) > 1
    if paired or ALSO_NEEDED.intersection(words):
        return tokens
    return [token for at, token in enumerate(tokens)
            if not (token.text in ALSO_WORDS and at > 0 and not _reciprocal(words, at) and
                    words[at - 1] not in TIME_WORDS)]


def _named_only_in(clause: list[Token], gone: set[int]) -> bool:
    """Whether a part left out names what «این تیم» or «این کشور» in the rest points back to («حسن آذرنیا که
    سرپرست … باشگاه ماشین‌سازی را … دارد، … کادر فنی این تیم …»)."""
    pointing = any(token.text in ("این", "آن") and following.tag == "NOUN"
                   for at, (token, following) in enumerate(pairwise(clause)) if at not in gone and at + 1 not in gone)
    return pointing and any(clause[at].tag == "PROPN" for at in gone)


def _tidy(tokens: list[Token]) -> list[Token]:
    """Without the commas a left-out part leaves behind: doubled, first, or right after «که» («… که، ایران را …»)."""
    kept: list[Token] = []
    for token in tokens:
        if token.text in ("،", ",") and (not kept or kept[-1].text in ("،", ",", "که")):
            continue
        kept.append(token)
    return kept


def _first_conjunct(clause: list[Token]) -> list[Token] | None:
    """The first of two clauses joined under one verb ending, with that ending: «یک اندیشکده آمریکایی گزارشی … منتشر
    کرده و این کشور را … متهم کرده است» → «… منتشر کرده است»; «… سفر کرده و با … دیدار کرد» → «… سفر کرد». The first
    ends on a past participle before «و», and takes the second's person only where its own subject fits it. None when
    the clause is no such pair, or when the first part may be a noun a passive participle describes, inside the
    second's object («کالاهای کشف شده و اموال را تحویل داده است»)."""
    if len(clause) < 2:
        return None
    last = clause[-1]
    if last.text in SHARED_AUXILIARIES and _participle(clause[-2], final=True):
        tense, ending = "perfect", ""
    elif (ending := next((ending for ending in PERSON_SUFFIXES if last.text.endswith("ه" + ZWNJ + ending)), None)) \
            and _participle(Token(last.text[: -len(ending) - 1], last.tag, last.start)):
        tense = "perfect"
    elif clause[-2].tag not in VERB_TAGS and (ending := _past_ending(last)) is not None:  # not «خواهد شد»
        tense = "past"
    else:
        return None
    link = next((at for at in range(FIRST_CONJUNCT_WORDS, len(clause) - 2)
                 if clause[at].text == "و" and _participle(clause[at - 1])), None)
    if link is None or f"{clause[link - 1].text} و {clause[link + 1].text.split(ZWNJ)[0]}" in PAIRED_PREVERBS:
        return None
    first, second = clause[:link], clause[link + 1 :]
    if any(token.text == "که" for token in first):
        return None  # the «و» may join the two verbs of a clause inside («شایعاتی که رسانه‌ها دامن زده و …»)
    if any(_is_finite(second, at) for at in range(len(second) - 2)):
        return None  # the ending closes a clause inside the second («… ندانسته و توضیح داد صحبت‌های وی … شده است»)
    if first[-1].text.endswith("شده") and any(token.text == "را" for token in second) and \
            not any(token.text == "را" for token in first):
        return None
    participle = first[-1]
    person = ending if _agrees(first, ending) else ""  # else the second clause's own subject took it
    if tense == "past":
        return [*first[:-1], Token(participle.text[:-1] + person, participle.tag, participle.start)]
    if person:
        return [*first[:-1], Token(participle.text + ZWNJ + person, participle.tag, participle.start)]
    return [*first, last if last.text in SHARED_AUXILIARIES else Token("است", "AUX", last.start)]


def _past_ending(verb: Token) -> str | None:
    """The person ending of a simple past verb («کردند» → «ند», «رفت» → «»), None for any other form."""
    if verb.tag != "VERB" or verb.text.startswith(("می‌", "نمی‌")) or verb.text in ("کند", "کنند"):
        return None  # «کند» is «کندن»'s past too, but in news it is «کردن»'s
    stem = verb.text.split(ZWNJ)[-1]
    stem = stem[1:] if stem.startswith("ن") and stem not in _past_forms() else stem
    return next((ending for ending in ("", *PAST_PERSON_ENDINGS)
                 if stem.endswith(ending) and stem[: len(stem) - len(ending)] in _past_stems()), None)


def _agrees(clause: list[Token], ending: str) -> bool:
    """Whether a person ending fits the first clause's subject too: the two share it when the first names none («برای
    … نیاز داشته و … دست پیدا کردیم»); else «ما» for «‑یم», «شما» for «‑ید», «من» for «‑م», a plural head («نیرو‌های
    اسرائیلی …») for «‑ند». The third person singular always does."""
    opening = next((token for token in clause if token.tag != "ADV"), clause[0])
    if not ending or opening.tag not in SUBJECT_TAGS:
        return True
    if ending.endswith("ند"):
        return opening.text.endswith(PLURALS)
    return PERSON_SUBJECTS[ending.removeprefix("ا")] in {token.text for token in clause}


def _participle(token: Token, final: bool = False) -> bool:
    """A past participle («کرده», «نکرده»): the tagger's verb, a past stem of hazm's verbs and «ه». Before its
    auxiliary it may be tagged an adjective, and a compound's («نام‌برده»)."""
    if token.tag not in ("VERB", "ADJ" if final else "VERB") or not token.text.endswith("ه"):
        return False
    stem = token.text[:-1].split(ZWNJ)[-1] if final else token.text[:-1]  # a name may end so («واحدی‌زاده»)
    return stem in _past_stems() or (stem.startswith("ن") and stem[1:] in _past_stems())


def _outlet(tokens: list[Token]) -> str:
    """An outlet by its name, as newsrooms title with it: «روزنامه کویتی القبس» → «القبس», «شبکه اسکای نیوز» → «اسکای
    نیوز»; its kind stays where a number follows it («شبکه اول تاجیکستان»)."""
    start = 0
    while start < len(tokens) - 1 and tokens[start].text in OUTLETS:
        start += 1
    kind = start - 1
    while start < len(tokens) - 1 and tokens[start].tag == "ADJ" and tokens[start].text.endswith("ی"):
        start += 1  # a nationality: «کویتی», «اسپانیایی»
    if tokens[start].tag == "NUM" or tokens[start].text in ORDINAL_WORDS:
        start = kind
    return _text(tokens[start:])


def _speaker(phrase: str, sentence: list[Token], opens_sentence: bool = False) -> str | None:
    """A speaker as newsrooms title with it: a person's surname («سید مرتضی بختیاری رئیس …» → «بختیاری»), an outlet
    by its name, else an office of two to four words; never a pronoun, a number, a lone common noun or frame text. The
    phrase is tagged where it stands in the sentence, or alone when it was resolved from elsewhere in the article. A
    lone word counts as a name when it is tagged one, was quoted, or `opens_sentence` (the sentence starts with it:
    «کریمی افزود: …»)."""
    words = phrase.replace("«", " ").replace("»", " ").split()
    texts = [token.text for token in sentence]
    at = next((i for i in range(len(texts)) if texts[i : i + len(words)] == words), None)
    if not words or words[0] in PRONOUNS or AGENCY.search(phrase):
        return None
    found = sentence[at : at + len(words)] if at is not None else tagged(" ".join(words))
    leading = next((at for at, token in enumerate(found) if token.text not in HONORIFICS), len(found))
    tokens = found[leading:]  # «حاج» before a name is a title, inside it part of the surname («احسان حاج صفی»)
    while tokens and tokens[-1].text in DEICTIC_WORDS:  # «ترابی چهارشنبه …»: the day the frame gave
        tokens.pop()
    if tokens and tokens[0].text in OUTLETS and len(tokens) <= 5:
        return _outlet(tokens)
    title = next((i for i, token in enumerate(tokens) if token.text in TITLE_WORDS | NICKNAMED), len(tokens))
    name = tokens[:title]
    if name and re.match(INSTITUTION, _text(name)):  # «سفارت جمهوری اسلامی ایران»: a body, whole, not a surname;
        body = name[1:] if name[0].text == "باشگاه" and len(name) > 1 else name  # a club by its name alone
        return _text(body) if len(body) <= 4 else None
    mistagged = [token.tag == "VERB" and (at < len(name) - 1 or (at and token.text.endswith(SURNAME_PARTICIPLE)
                                                                        and token.text != SURNAME_PARTICIPLE))
                 for at, token in enumerate(name)]  # «داوید کونارسکی»: a verb ends its clause, so one inside a name is
    # the tagger's slip, as is a surname that ends like a participle («هاشم بیک‌زاده»)
    if name and not any((token.tag in NOT_A_NAME and not slip) or token.text in DANGLING
                        for token, slip in zip(name, mistagged)):
        lone = len(name) == 1 and word_form(name[0].text) in stop_words()
        named = len(name) > 1 or name[0].tag == "PROPN" or f"«{name[0].text}»" in phrase or opens_sentence
        if not named or lone or len(name) > 4:
            return None
        if name[0].text in SOURCES:
            return _text(name)  # «منابع اسپانیایی»: sources described, not a person's name
        if len(name) >= 2 and (name[-1].text in SURNAME_TAILS or name[-2].text in SURNAME_HEADS):
            return _text(name[-2:])  # «ابوترابی فرد», «سعیدی کیا», «قلعه نویی»: a surname written in two
        if len(name) <= 2 or (len(name) == 3 and (name[0].text in FIRST_NAME_PARTS or name[1].text in NAME_TAILS)):
            return name[-1].text  # the surname
        return _text(name[-2:])  # a surname of two words («یزدانی خرم»)
    if title == 0 and 2 <= len(tokens) <= 4 and tokens[-1].tag not in OPEN_TAGS:
        return _text(tokens)
    return None


def _reported(tokens: list[Token]) -> tuple[str, list[Token]] | None:
    """«X گفت که S», «X اعلام کرد، S» or «X می‌گوید S»: the phrase before the speech verb and the statement. A clause
    joined before a speaker it names is not theirs: «فردا آخرین روز … می‌باشد و ماکس آلگری … گفت که S» is Allegri's,
    but in «فان‌خال … پرداخت و همچنین مدعی شد که S» the first clause's subject speaks."""
    opens = 0  # where the speaker's clause may begin
    for at in range(1, len(tokens) - 2):
        if _is_finite(tokens, at) and tokens[at].text in BARE_SPEECH:  # «… می‌گوید تمرین با او افتخار است»
            return _own_clause(tokens[:at], opens), tokens[at + 1 + (tokens[at + 1].text == "که") :]
        if _is_finite(tokens, at) or _closes_a_participle(tokens, at):  # «… در گفتگویی تلویزیونی اعلام کرده، …»
            before = _text(tokens[: at + 1])
            frame = SPEECH_ENDING.search(before)
            if frame and tokens[at + 1].text in ("،", ",") and _closes_a_relative_clause(tokens[opens:at]):
                return None  # «X که پیش از این اسامی … را اعلام کرده بود، …»: the relative clause's own verb
            if frame:  # «X گفت که S», «X اعلام کرد، S», «X گفت S»
                skip = 2 if tokens[at + 1].text in ("که", "،", ",") else 1
                return _own_clause(tokens[: at + 1], opens, frame.start()), tokens[at + skip :]
            if tokens[at + 1].text in ("که", "،", ","):
                return None
            if tokens[at + 1].text in CLAUSE_JOINS:
                opens = at + 2
    return None


def _closes_a_relative_clause(phrase: list[Token]) -> bool:
    """Whether a verb right after `phrase` would close a «که» clause in it that no comma closed before."""
    that = next((at for at in range(len(phrase) - 1, -1, -1) if phrase[at].text == "که"), None)
    return that is not None and all(token.text not in ("،", ",") for token in phrase[that:])


def _own_clause(phrase: list[Token], opens: int, end: int | None = None) -> str:
    """The phrase before a speech verb (up to `end` characters of it): from `opens`, where a joined clause begins,
    when that part names a speaker of its own; else whole."""
    whole = _text(phrase)[:end].strip()
    if opens:
        own = whole[len(_text(phrase[:opens])) :].strip()
        speaker = clean_speaker(own)
        if speaker is not None and _speaker(speaker, phrase, opens_sentence=own.startswith(speaker)) is not None:
            return own
    return whole


def _first_or_second_person(clause: list[Token]) -> bool:
    for token in clause:
        if token.text in PERSONAL_PRONOUNS:
            return True
        if token.tag in VERB_TAGS and (token.text.endswith(PERSONAL_ENDINGS) or token.text in SECOND_PERSON_VERBS or
                                       (token.text.endswith("ید") and token.text.startswith(("می‌", "نمی‌", "ب")))):
            return True
    return False


def candidates(sentences: list[Sentence], max_words: int, text: str = "") -> list[Candidate]:
    """Every well-formed candidate from the opening sentences: a statement someone made as «Speaker: clause» (never
    without its speaker), the newsroom's own statement as a clause, «از … خبر داد» as its event. The first person the
    opening sentences quote is the lead's voice, and their later statements (up to `INTERVIEW_SENTENCES`) are
    candidates too: an interview's title is its most telling statement, seldom its first. `text`, the whole article,
    lets «وی» and an office resolve to the person's name."""
    found: dict[str, Candidate] = {}
    speakers = SpeakerBook(text)
    running: tuple[int, str | None] | None = None  # a paragraph whose colon frame's words run on, and who speaks them
    lead_speaker: str | None = None

    def add(text: str, form: str, number: int, kept: float, lead_voice: bool = False) -> None:
        if number < OPENING_SENTENCES or lead_voice:  # past the opening, only the lead's voice
            text = DOUBLED_WORD.sub(r"\1", text)  # «… به ثمر رسانده و و زیدان …»: the source's slip
            found.setdefault(text, Candidate(text, form, number, tuple(text.split()), kept, lead_voice))

    def add_quotes(speaker: str, tokens: list[Token], number: int) -> None:
        lead_voice = speaker == lead_speaker
        for clause, kept in _clauses(tokens, max_words - len(speaker.split()), number == 0):
            if number and _contrast_follows(clause, tokens):
                continue  # «به داور تبریک می‌گویم، اما …»: the statement is what comes after
            add(f"{speaker}: {_text(clause)}", "quote", number, kept, lead_voice)

    for number, sentence in enumerate(sentences[:INTERVIEW_SENTENCES]):
        later = number >= OPENING_SENTENCES  # past the opening, only the lead's voice gives candidates
        if later and lead_speaker is None:
            break
        attribution = attribute(sentence.text, long_frames=True)
        if later and not attribution.quoted and not SPEAKS.search(sentence.text) and \
                (running is None or running[0] != sentence.paragraph):
            continue  # nobody speaks in it: no candidate of the lead's voice, and no need to tag it
        statement = sentence.text[attribution.statement_start : attribution.statement_end]
        every = [token for token in tagged(sentence.text) if token.text not in "«»"]
        tokens = [token for token in every
                  if attribution.statement_start <= token.start < attribution.statement_end]
        asked = READER_ASKED.match(statement.strip(" .:"))
        if asked and not attribution.quoted:
            add(f"{asked['what']}{asked['where'] or ''}", "event", number, 1.0)
            continue
        listed = LISTED.match(sentence.text[attribution.body_start :]) if "شرح" in sentence.text else None
        if listed and listed["is"] and not listed["object"]:
            if MIN_WORDS <= len(listed["what"].split()) <= max_words:
                add(listed["what"], "event", number, 1.0)
            continue
        if listed and listed["verb"]:
            announcing = tagged(" ".join(part for part in (listed["what"], listed["object"], listed["verb"]) if part))
            for clause, kept in _clauses(announcing, max_words, number == 0):
                add(_text(clause), "clause", number, kept)
            continue
        if event := _announcement(sentence.text, attribution):
            if MIN_WORDS <= len(event.split()) <= max_words:
                add(event, "event", number, 1.0)
            continue
        said = attribution.speaker if attribution.quoted else None
        reported = None if attribution.quoted else _reported(tokens)
        if reported:
            said, tokens = reported
            said = clean_speaker(said)
        if (attribution.quoted or reported) and BACK_FRAME.match(sentence.text, attribution.body_start):
            continue  # «به همین دلیل بارسلونا اعلام کرد که …»: a consequence of the news, not the news
        if attribution.quoted or reported:
            announced = _announced_before(sentence.text[: attribution.statement_start])
            if announced and MIN_WORDS <= len(announced.split()) <= max_words:
                add(announced, "event", number, 1.0)
            resolved = speakers.resolve(said, said in PRONOUNS)
            body = sentence.text[attribution.body_start :].lstrip(" «")
            speaker = (resolved and (resolved if resolved == lead_speaker else  # the lead's voice by surname
                                     _speaker(resolved, every, opens_sentence=body.startswith(resolved)))) or \
                (said and resolved != said and _speaker(said, every, opens_sentence=body.startswith(said)))  # the
            # office as the sentence gives it, when the name it resolved to is no headline's («علی نیکزاد نایب‌رئیس …»)
            running = (sentence.paragraph, speaker) if attribution.runs_on else None
            if lead_speaker is None:
                lead_speaker = speaker
            if speaker:
                add_quotes(speaker, tokens, number)
                if number == 0 and (stated := stated_in_the_frame(sentence.text[: attribution.statement_start])):
                    add_quotes(speaker, [token for token in every if stated[0] <= token.start < stated[1]], number)
                    # (the lead's own frame: where a newsroom puts the news)
            continue
        if running is not None and running[0] == sentence.paragraph:  # «او … می‌گوید: …» and then more of it: the
            if running[1]:  # same speaker's words, never the newsroom's
                add_quotes(running[1], tokens, number)
            continue
        if later:
            continue  # the newsroom's own words past the opening are no candidates
        for clause, kept in _clauses(tokens, max_words, number == 0):
            text = _text(clause)
            reported_event = ANNOUNCED_EVENT.search(text)
            if reported_event and MIN_WORDS <= len(reported_event.group("event").split()):
                add(reported_event.group("event"), "event", number, kept)  # «سایت الریاض از بدهی … خبر داد»
            elif not _first_or_second_person(clause) and ":" not in text:  # someone's words: only with a speaker
                add(text, "clause", number, kept)
    return [candidate for candidate in found.values() if well_formed(candidate.text)]


def _announced_before(frame: str) -> str | None:
    """The event a speech frame announces before the statement: «سعیدی … از اجرای طرح … خبر داد و اظهار کرد: …»
    gives «اجرای طرح …», the news the statement goes on to explain."""
    joined = ANNOUNCED_AND.search(frame)
    if joined is None:
        return None
    announcing = f"{frame[: joined.start()]} خبر داد."
    return _announcement(announcing, attribute(announcing))


def _announcement(sentence: str, attribution: Attribution) -> str | None:
    """The event «X از … خبر داد» announces, when the sentence is that announcement and its statement is the event."""
    statement = sentence[attribution.statement_start : attribution.statement_end].strip()
    event = ANNOUNCED_EVENT.search(sentence[attribution.body_start :])
    return statement if event and not attribution.quoted and event.group("event").strip() == statement else None


def _contrast_follows(clause: list[Token], statement: list[Token]) -> bool:
    """Whether the statement goes on past the clause with «اما» or «ولی»."""
    end = clause[-1].start
    return any(token.start > end and token.text in ("اما", "ولی") for token in statement)


def well_formed(headline: str) -> bool:
    """The hard check: never cut mid-phrase, no speech frame or agency text, balanced quotes, not a bare name. What
    its words alone rule out is checked before it is tagged."""
    statement = headline.split(": ", 1)[-1]
    if _ruled_out_by_its_words(headline, statement):
        return False
    tokens = [token for token in tagged(headline) if token.tag != "PUNCT"]
    opening = statement.split()[0] if statement.split() else ""
    if len(tokens) < MIN_WORDS:
        return False
    last = tokens[-1]
    if last.tag in OPEN_TAGS or last.text in DANGLING or last.text.endswith("های"):  # «… جام ملت‌های»
        return False
    if " ".join(token.text for token in tokens[-2:]) in ("این است", "آن است"):  # «… این است» waits for its «که …»
        return False
    if last.text in QUANTITIES or last.text.isdigit():  # «… با بیش از ۳۰۷ میلیارد»: a number without its unit
        return False
    stops = stop_words()
    said_from = len(headline) - len(statement)
    content = [token for token in tokens if token.tag in ("NOUN", "PROPN", "ADJ", "NUM") and token.start >= said_from
               and token.text not in TIME_WORDS | EMPTY_WORDS and word_form(token.text) not in stops]
    if len(content) < 2:  # «همین چند هفته پیش بود», «کلوپ: همین الان دارم»: nothing said
        return False
    if statement != headline and headline[:said_from].rstrip(": ").split()[-1] == opening:
        return False  # «نیلسون: نیلسون در چهار ماه گذشته …»: someone else speaks of them
    manner = next((at for at, token in enumerate(tokens) if token.text in MANNER_WORDS), None)
    if manner is not None and not any(token.text == "که" for token in tokens[manner + 1 :]):
        return False  # «امری: اوزیل همانطور بازی می‌کند»: the way it is, cut off before «که …»
    if " ".join(token.text for token in tokens[-2:]) in OPEN_PHRASES:  # «… به دنبال»
        return False
    ending = SPEECH_ENDING.search(headline)
    if ending and not _names_what_was_said(headline[: ending.start()]) and \
            not (re.match(FEELING_SAID, ending.group()) and " از " in headline[: ending.start()]):
        return False  # «سرپرست این تیم اعلام کرد»: a frame whose statement was left out; «… خداحافظی خود را اعلام
        # کرد» names what was said, and «… از هماهنگی خود با تیمش ابراز رضایت کرد» what was felt
    words = statement.split()
    if words[:2] in (["از", "دیگر"], ["از", "جمله"]) and last.text in COPULAS:
        return False  # «از دیگر برنامه‌های هفته جوان … است»: what it is one of was the sentence before's subject
    if words[:2] == ["در", "ادامه"] and (len(words) < 3 or words[2] not in RUN_OF_EVENTS):
        return False  # «در ادامه …» goes on from the sentence before; «در ادامه هفته سوم لیگ برتر …» places the news
    if any(_refers_back(words, at) for at in range(len(words))):
        return False
    if _only_a_relative_clause(statement) or _only_a_subordinate_clause(tokens):
        return False
    if last.text in _subjunctives() and (CONDITIONAL.search(statement) or
                                         (statement == headline and not GOVERNS_SUBJUNCTIVE.search(statement))):
        return False  # «روبین فان پرسی را به تیمشان بیاورند», «… که در هر کجا باشم»: a dependent clause without what
        # it depends on (a quote may say what should be: «آل‌هاشم: کاندید‌ها … خود را معرفی کنند»)
    return True


def _ruled_out_by_its_words(headline: str, statement: str) -> bool:
    """The part of `well_formed` that needs no tags: an opening that needs what came before, a speech frame or
    agency text, a stance narrated of the speaker, what is no news, a clause that waits for another, unbalanced
    quotes or brackets."""
    words = statement.split()
    opening = words[0] if words else ""
    pointer = 2 if " ".join(words[:2]) in ("پس از", "بعد از") else 1  # «پیش از این» is "before now"
    return (opening in PRONOUNS | BAD_STARTS or statement.startswith(SUBORDINATE_OPENERS)
            or (len(words) > pointer + 1 and words[0] in POINTING_PREPOSITIONS and words[pointer] in ("این", "آن"))
            # «با این اقدام خود …», «پس از این دیدار …»: it points back to what the article said before
            or SPEECH_FRAME.search(headline) is not None or AGENCY.search(headline) is not None
            or NEWS_FRAME.match(headline) is not None or SOURCE_PHRASE.search(headline) is not None
            or (statement != headline and NARRATED_STANCE.search(statement) is not None)
            or NOT_NEWS.search(headline) is not None
            or (statement == headline and PLAN_UNDONE.search(headline) is not None) or is_courtesy(statement)
            or POINTS_BACK.search(statement) is not None or statement.startswith(BACK_OPENERS)
            or WAITS_FOR_ITS_CLAUSE.search(statement.rstrip(" .")) is not None
            or MID_SENTENCE_END.search(statement) is not None or ANNOUNCES_WHAT_FOLLOWS.search(statement) is not None
            or headline.count("«") != headline.count("»") or headline.count("(") != headline.count(")"))


def _names_what_was_said(before: str) -> bool:
    """Whether the speech verb after `before` has its object in the same clause: «… خداحافظی خود را اعلام کرد»,
    «… موضع خود را در خصوص جذب بازیکنان سرباز اعلام کرد», «… درآمد‌های نفتی را ۱ / ۵ میلیارد دلار اعلام کرد»."""
    if " را " not in before:
        return False
    after_object = before.rsplit(" را ", 1)[1]
    return not re.search(r"[،,:؛]", after_object) and \
        not any(token.tag in VERB_TAGS for token in tagged(after_object))


def _only_a_relative_clause(statement: str) -> bool:
    """«نامه‌ای که … بازتاب یافته», «فراز کمالوند که … بود»: a noun phrase and the relative clause about it, with no
    verb of the statement's own (none before «که», one verb group after it, and no clause after a comma)."""
    if "که" not in statement:  # most statements: no need to tag them again
        return False
    tokens = tagged(statement)
    at = next((index for index, token in enumerate(tokens) if token.text == "که"), None)
    if not at or tokens[at - 1].tag not in ("NOUN", "PROPN", "ADJ") or any(map(verb_like, tokens[:at])) or \
            _predicate_adjective(tokens[at - 1].text):
        return False  # «من بسیار خوشحالم که …»: the speaker's own predicate, and what follows is its complement
    rest = tokens[at + 1 :]
    closed = [verb_like(token) or _participle(token, final=True) for token in rest]
    comma = next((index for index, token in enumerate(rest) if token.text in ("،", ",") and any(closed[:index])),
                 len(rest))  # «… مادر شهید، خانه به خانه می‌روند»: the relative clause is not closed yet
    if sum(token.tag != "PUNCT" for token in rest[comma + 1 :]) >= MIN_WORDS:
        return False  # «رونالدو که … پیوست، در چند سال اخیر … به ثمر رساند»
    words = [token for token in rest if token.tag != "PUNCT"]
    verbs = [verb_like(token) and token.text not in MODALS and not PAST_MODAL.match(token.text) and not (
        at and words[at - 1].text == "قرار" and token.text in ("بود", "است", "شد", "بوده", "شده"))
        for at, token in enumerate(words)]  # «باید … شود», «توانست … شود», «قرار بود … شود»
    joined = [at + 1 < len(words) and words[at + 1].text in ("و", "که")  # «که … هستند و … دارند», «خواستند که …»
              for at in range(len(words))]
    return sum(verb and not following and not other for verb, following, other in
               zip(verbs, [*verbs[1:], False], joined)) <= 1  # is one verb


def _predicate_adjective(word: str) -> bool:
    """An adjective with a personal ending: «خوشحالم», «امیدواریم»."""
    return any(word.endswith(ending) and word[: -len(ending)] in adjectives() for ending in PERSONAL_ENDINGS)


def _only_a_subordinate_clause(tokens: list[Token]) -> bool:
    """A dependent clause without the clause it depends on. After «بعد از اینکه», «با توجه به اینکه» or a concession
    («اگرچه», «هرچند»), one verb group and nothing after it («انصاری‌فرد بعد از اینکه … عکس یادگاری گرفت و … بدرقه
    کرد»; «خانواده توز پس از اینکه متوجه … شدند با ۹۱۱ تماس گرفت» has its main clause); after «اگر» or «وقتی» the
    same with no verb before («… لازم اجراء است حتی اگر … اعتراض زده شود» has one)."""
    texts = [token.text for token in tokens]
    for at in range(len(tokens)):
        pair = " ".join(texts[at : at + 2])
        if at >= 2 and texts[at] in THAT_WORDS and (
                (texts[at - 1] == "از" and texts[at - 2] in ("پس", "بعد", "قبل", "پیش"))
                or (texts[at - 1] == "به" and texts[at - 2] == "توجه")):  # «با توجه به اینکه …»
            opener_end, needs_before = at, False
        elif texts[at] in ("اگرچه", "هرچند") or pair in ("اگر چه", "هر چند"):
            opener_end, needs_before = at + (texts[at] in ("اگر", "هر")), False
        elif texts[at] in ("اگر", "وقتی") or pair in ("هنگامی که", "زمانی که"):
            opener_end, needs_before = at + (texts[at] in ("هنگامی", "زمانی")), True
        else:
            continue
        if _verb_groups(tokens[opener_end + 1 :]) <= 1 and not (needs_before and _verb_groups(tokens[:opener_end])):
            return True
    return False


def _verb_groups(tokens: list[Token]) -> int:
    """How many verb groups: a group ends where the next word is no verb; one joined to the next by «و» is the same
    clause's."""
    verbs = [verb_like(token) for token in tokens]
    return sum(verb and not following and (at + 1 == len(tokens) or tokens[at + 1].text != "و")
               for at, (verb, following) in enumerate(zip(verbs, [*verbs[1:], False])))


def verb_like(token: Token) -> bool:
    """A verb, or a past form the tagger took for a noun («پیوست»); not one that reads as a noun with «‑ی»
    («شکستی»: the second person is no news's)."""
    return token.tag in VERB_TAGS or (token.text in _past_forms() and not token.text.endswith("ی")) or \
        token.text.endswith("است")


def _subjunctives() -> frozenset[str]:
    """Subjunctive forms of hazm's verbs («بگیرد», «نکنند», «بیاورد», «باشم», a light verb's bare «شود»), less those
    that are also past forms («برد», «بود»); «داشتن» has none of its own («ندارد» is indicative)."""
    return _verb_forms()[0]


@cache
def _past_stems() -> frozenset[str]:
    """The past stems of hazm's verbs («کرد», «رفت»)."""
    return frozenset(verb.split("#")[0] for verb in verbs_list()) - {""}


def known_verb(word: str) -> bool:
    """A form hazm knows as a verb's, or one that a verb's prefix or a copula marks as a verb."""
    return word.split(ZWNJ)[0] in _past_forms() or word in _subjunctives() or word in COPULAS | INDEFINITE_COPULAS or \
        word.startswith(("می‌", "نمی‌"))


def _past_forms() -> frozenset[str]:
    """Simple past forms of hazm's verbs («پیوست», «بازگشت»): the tagger takes some for nouns."""
    return _verb_forms()[1]


@cache
def _verb_forms() -> tuple[frozenset[str], frozenset[str]]:
    forms, past = set(), set()
    for verb in verbs_list():
        past_stem, present = verb.split("#")
        past.update(past_stem + ending for ending in ("", *PERSON_ENDINGS))
        if not present or present == "دار":  # «ندارد» is indicative; «داشتن» takes «داشته باشد»
            continue
        stem = "یا" + present[1:] if present.startswith("آ") else present
        for ending in PERSON_ENDINGS:
            forms.update((f"ب{stem}{ending}", f"ن{stem}{ending}"))
            if present in LIGHT_VERBS:
                forms.add(present + ending)
    forms.update(f"{negation}باش{ending}" for negation in ("", "ن") for ending in PERSON_ENDINGS)
    # «کند» is «کندن»'s past too, but in news it is «کردن»'s
    return frozenset(forms - (past - {"کند", "کنند"})), frozenset(past - {"", "کند", "کنند"})


def _after_frames(statement: str) -> str:
    """The statement after the last speech verb or frame colon that has words after it («… عنوان کرد تیم ملی …», «…
    متذکر شد: …»); a clock's colon («۲۰:۱۵») is no frame."""
    cuts = [match.end() for match in INNER_SPEECH.finditer(statement)]
    cuts += [match.end() for match in FRAME_COLON.finditer(statement)]
    cuts = [cut for cut in cuts if statement[cut:].strip(" :،.")]
    return statement[max(cuts, default=0) :].strip(" :،.«»")


def _last_speaker(sentence: str, statement: str) -> str | None:
    """Who says `statement` in `sentence`: the speaker of the frame right before it («… مانوئل نویر نیز … گفت: «…»»),
    as a headline names them; None when that frame names nobody."""
    at = sentence.rfind(statement) if statement else -1
    frame = trailing_speech(sentence[:at].rstrip(" :«\"")) if at > 0 else None
    if frame is None:
        return None
    before = sentence[: frame.start()]
    phrase = clean_speaker(re.split(r"[».!؟?\"]", before)[-1])
    return _speaker(phrase, tagged(sentence)) if phrase else None


def _said_by(sentence: str, attribution: Attribution, said: str) -> str | None:
    """Who says `said` in `sentence`, as a headline names them: the speaker of the frame right before it, else the
    frame's own («X … به «ورزش سه» گفت: …»)."""
    named = attribution.speaker if attribution.quoted else None
    opens = named is not None and sentence[attribution.body_start :].lstrip(" «").startswith(named)
    return _last_speaker(sentence, said) or (named and _speaker(named, tagged(sentence), opens_sentence=opens)) or None


def lead_statement(sentences: list[Sentence]) -> str:
    """The headline of last resort: the first opening sentence that is a well-formed clause, without its attribution
    frame and end punctuation, and with who said it when it is someone's words; else the first such sentence that
    opens on no personal pronoun; else the first sentence so stripped. Long, but never cut."""
    statements, weaker = [], []
    for sentence in sentences[:OPENING_SENTENCES]:
        attribution = attribute(sentence.text, long_frames=True)
        statement = sentence.text[attribution.statement_start : attribution.statement_end].strip(" .،:؛…")
        statement = _after_frames(UNPUNCTUATED_FRAME.sub("", statement)).rstrip(" .،:؛…و")
        statement = LIST_MARK.sub("", statement)  # «- واجپایی پیشنهاد پاکستان … را رد کرد»: a roundup's first item
        tokens = [token for token in tagged(statement) if token.tag != "PUNCT"]
        if not tokens or sentence.text.rstrip(" .»\"").endswith(("؟", "?")) or tokens[0].text in BAD_STARTS:
            continue  # an interviewer's question, or the rest of a sentence split at an ellipsis («… و … / را …»)
        speaker = _said_by(sentence.text, attribution, statement) if attribution.quoted else None
        if speaker is None and _first_or_second_person(tokens):
            continue  # someone's words, whose speaker this sentence does not name
        headline = f"{speaker}: {statement}" if speaker else statement
        if tokens[-1].tag in VERB_TAGS and well_formed(headline):
            return headline
        if len(tokens) >= MIN_WORDS:  # «ایشان تشکیل ائتلاف …»: whom it is about is not named; kept last
            (weaker if statement.split()[0] in THIRD_PERSON_PRONOUNS else statements).append(headline)
    statements += weaker
    if not statements and sentences:  # nothing but someone's words: the first of them, with who said them if named
        sentence = sentences[0].text
        attribution = attribute(sentence)
        said = _after_frames(sentence[attribution.statement_start : attribution.statement_end])
        speaker = _said_by(sentence, attribution, said)
        statements.append(f"{speaker}: {said}" if speaker and said else said)
    statement = statements[0].strip(" .،:؛…") if statements else ""
    if len(statement.split()) < MIN_WORDS and sentences:  # a frame and little else: the sentence as it stands
        statement = sentences[0].text[attribute(sentences[0].text).body_start :].strip(" .،:؛…")
    desk = DESK_BYLINE.match(statement)
    if desk:  # «حوزه احزاب خبرگزاری فارس، …»: a desk's byline whose «به گزارش» the scrape lost
        statement = statement[desk.end() :]
    agency = AGENCY.match(statement)
    if agency:  # «خبرگزاری فارس …»: the agency and its name go
        statement = statement[agency.end() :].split(maxsplit=1)[-1]
    return statement if statement.count("«") == statement.count("»") else statement.replace("«", "").replace("»", "")

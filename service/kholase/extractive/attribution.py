"""Who says what in a Persian news sentence: the attribution frame, the speaker and the statement.

Newsrooms wrap statements in a few fixed frames («به گزارش …،», «X گفت:», «به گفته X،», «X از … خبر داد»,
«وی با اشاره به …،»); both the headline and the key claims need the statement without its frame.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from kholase.text.tagger import VERB_TAGS, Token, tagged, tokenize

# A feeling someone voiced: «لوکاس واسکز ابراز امیدواری کرد که …» frames what they said.
FEELING_SAID = r"(?:اظهار|ابراز)\s+(?:امیدواری|نگرانی|خرسندی|خوشحالی|تاسف|تأسف|رضایت|نارضایتی)\s?(?:کرد|نمود)"
SPEECH_VERB = (  # «گفت و گو» is a conversation, not «گفت»
    r"(?:گفت(?!\s*و\s*گو)|افزود|فرمود|(?:اظهار|تأکید|تاکید|تصریح|بیان|عنوان|خاطر\s?نشان|اعلام|ابراز|اضافه|تشریح|یادآوری"
    rf"|اذعان)\s?(?:کرد|نمود|داشت|ساخت)|{FEELING_SAID}"
    r"|یادآور\s?شد|ادامه\s?داد|توضیح\s?داد|پاسخ\s?داد|گزارش\s?داد|نوشت|معتقد\s?است|آمده\s?است|مدعی\s?شد)"
)
# The same in the present a report or an interview is told in («این گزارش می‌افزاید، …», «او … می‌گوید: …»): only
# where a frame opens the sentence, since «… که می‌گوید …» inside one reports a claim without its subject.
FRAME_VERB = (
    rf"(?:{SPEECH_VERB}|می‌(?:گوید|گویند|افزاید|افزایند|نویسد|نویسند)"
    r"|(?:اظهار|تأکید|تاکید|تصریح|بیان|عنوان|اعلام|اضافه)\s?می‌(?:کند|کنند|دارد|دارند|نماید|نمایند)"
    r"|(?:توضیح|ادامه|پاسخ)\s?می‌(?:دهد|دهند))"
)
VERB_ENDING = r"(?:ه‌?\s?است|ه‌?\s?بود|ند|ه‌?اند)?"
NEWS_FRAME = re.compile(  # «به «گزارش ورزش سه»،»: a scrape may open the quote before «گزارش»
    r"^(?:به\s+«?\s*گزارش|به\s+نقل\s+از|بنا\s+بر\s+(?:این\s+)?(?:گزارش|روایت)|طبق\s+گزارش)"
    r"(?:[^،,:؛]|(?<=[\d۰-۹]):(?=[\d۰-۹])|(?<=صنعت)\s?،(?=\s?معدن)){0,160}"
    r"(?:[،,؛]|(?<![\d۰-۹]):|:(?![\d۰-۹]))\s*"  # a clock's colon («ساعت ۳۰:۹») and the comma in the ministry
    # «صنعت، معدن و تجارت» end no frame
    # «براساس این گزارش، …» only with its comma right after: in «براساس این گزارش عربستان، آمریکا، …» a list follows
    r"|^(?:بر\s?اساس|طبق)\s+این\s+(?:گزارش|روایت)\s*[،,]\s*"
    r"|^(?:خبرگزاری|پایگاه\s+خبری)\s+[^:،]{1,40}[:،]\s*"
    r"|^[^\s،:]{2,20}\s*[-–—]\s*(?=\S)"  # a dateline such as «تهران -»
)
# An agency's frame its writer closed with no comma, where the agency is named plainly: «به گزارش خبرگزاری فارس از
# اردبیل …», «به گزارش "ورزش سه" …»; what follows may be the statement's subject.
AGENCIES = r"فارس|تسنیم|ایسنا|ایرنا|مهر|ایلنا|رویترز"  # agencies a frame names with no «خبرگزاری» before them
NAMED_FRAME = re.compile(
    r"^به\s+گزارش\s*(?:[\"“”«]\s*[^\"“”»]{1,30}[\"“”»]|خبرگزاری\s+\S+(?:\s+از\s+\S+)?)"
    r"(?:\s+(?:و\s+)?به\s+نقل\s+(?:از\s+(?:خبرگزاری\s+\S+|[\"“”«]\s*[^\"“”»]{1,30}[\"“”»]"
    rf"|(?:{AGENCIES})(?=\s))|از\S+))?\s+"
)
# The agency part of a frame its writer ran on into the speaker and speech verb with no comma («به گزارش خبرنگار
# خبرگزاری فارس از کرمان محمد نیازی … گفت:», «به نقل از روزنامه «سان» این مهاجم … اعلام کرد:»): up to the agency's
# name and the place it reports from («خبرنگار اعزامی خبرگزاری فارس به استان کردستان»).
AGENCY_NAME = rf"(?:«[^»]{{1,30}}»|(?:{AGENCIES}|شین\s?هوا|سین\s?هوا)(?=\s))"
AGENCY_BEFORE_SPEAKER = re.compile(
    r"^(?:به\s+گزارش|به\s+نقل\s+از)\s+(?:(?:خبرنگار|گروه|حوزه|سرویس)\s+(?:\S+\s+){0,2}?)?"
    r"(?:خبر\s?گزاری\s+|(?:روزنامه|نشریه|سایت|پایگاه\s+خبری)\s+)?"
    rf"(?:{AGENCY_NAME}|\"[^\"]{{1,30}}\")"
    r"(?:\s+اعزامی\s+به\s+\S+|\s+(?:اعزامی\s+)?به\s+(?:استان|شهرستان|شهر)\s+\S+"
    r"|\s+از\s+(?!\S*(?:«|روابط|طریق|قول|زبان))(?:(?:شمال|جنوب|غرب|شرق|مرکز)\s+)?(?:(?:استان|شهرستان|شهر)\s+)?\S+)?"
    rf"(?:\s+(?:و\s+)?به\s+نقل\s+از\s+{AGENCY_NAME})?\s+"
)
FRAME_TAIL_OPENERS = frozenset("خبرگزاری خبرنگار مستقر اعزامی در از به با برای طبق".split())  # still the frame
CLAUSE_WORDS = re.compile(r"(?<!\S)(?:که|را)(?!\S)")  # a frame holds neither
OBJECT_MARK = re.compile(r"(?<!\S)را(?!\S)")
RELATIVE = re.compile(r"(?<!\S)(?:که|اینکه|این‌که)(?!\S)")  # a relative or «اینکه» clause
RELAYED_NEXT = re.compile(r"(?:و\s+)?به\s+نقل\s+از\s")  # «… از بجنورد به نقل از روابط عمومی …»: a body, not a speaker
SPEECH_AT_END = re.compile(rf"\s(?:و\s*)?{FRAME_VERB}{VERB_ENDING}\s*[:：]\s*$")
# «…، که امروز برگزار شد، اظهار داشت:», «…، در این رابطه گفت:»
SPEECH_NEXT = re.compile(
    rf"(?:در\s*(?:این|همین)[\s\u200c]*(?:رابطه|باره|زمینه|خصوص|مورد)\s+)?(?:و\s*)?{FRAME_VERB}{VERB_ENDING}\s*[:：]"
)
# «به گزارش خبرگزاری فارس پس از نشست …»: a news frame its writer closed with no comma, up to the agency's name
UNPUNCTUATED_FRAME = re.compile(
    r"^به\s+گزارش\s+(?:«[^»]{1,30}»|خبر\s?گزاری\s+\S+|\S+)(?:\s+(?:و\s+)?به\s+نقل\s+از\s+\S+)?\s+"
)


def _colon_frame(longest: int, verbs: str = FRAME_VERB, not_in_phrase: str = ":؛") -> re.Pattern:
    """«X … گفت: …», the phrase before the speech verb at most `longest` characters («… اشاره کرد وگفت:»); «در ادامه»
    stays with the phrase, for the speaker to be read without it."""
    return re.compile(
        rf"^(?:در\s+(?!ادامه\s))?(?P<speaker>[^{not_in_phrase}]{{2,{longest}}}?)\s+(?:و\s*)?(?:{verbs}){VERB_ENDING}"
        r"\s*[:：]\s*"
    )


COLON_FRAME = _colon_frame(160)
# Claims and headline candidates also take a frame whose topic runs long before its verb («رئیس هیأت امناء … در بخشی
# دیگر از سخنان خود، از الگوی … یاد کرد و گفت: …»), a document's «X در ادامه این بیانیه آورده است: …», and «X … اعلام
# کرد که S» with a long phrase before the verb; the summary ranker learned its candidates from the shorter frames. Its
# phrase may hold a «؛» that some writers put for a comma («حمید رضا گرشاسبی، عضو … فعالیت دارد؛ در گفتگو با … گفت:»).
LONG_COLON_FRAME = _colon_frame(300, rf"{FRAME_VERB}|آورده\s?است", ":")
# Words that open an office: «رئیس …», «سرمربی …».
TITLE_WORDS = frozenset(
    "رئیس رییس معاون مدیر مدیرکل مدیرعامل سخنگوی سخنگو وزیر نماینده دبیر دبیرکل سرمربی مربی سرپرست کاپیتان بازیکن "
    "مهاجم هافبک دروازه‌بان مدافع عضو استاندار فرماندار فرمانده جانشین دادستان مشاور کارشناس رئیس‌جمهور امام مسؤول "
    "نایب نائب قائم‌مقام دستیار مسئول سفیر نخست‌وزیر پادشاه ولیعهد رهبر دبیرخانه مالک ستاره هیئت سروزیر شاعر بازیگر "
    "کارگردان نویسنده خواننده مجری ملی‌پوش پیشکسوت قهرمان نایب‌قهرمان نایب‌رئیس نایب‌رییس نائب‌رئیس نائب‌رییس".split()
)
# A name of up to four words, or one in guillemets after a title («دکتر «احمد ابراهیم»»), and its comma before the
# office it holds.
APPOSED_NAME = (r"(?:(?:[^:،,«»؛\s]+\s+)?«[^»:،,]{1,40}»|[^:،,«»؛\s]+(?:\s+[^:،,«»؛\s]+){0,3})\s*[،,]\s*"
                rf"(?=(?:{'|'.join(sorted(TITLE_WORDS))})\s)")
# The statement right after its speech verb, with no «که» or comma: a clause of three words or more, not the verb's
# own ending or a passive («گفته می‌شد …», «پاسخ داده نمی‌شود»), a coordinate, purpose or adverbial clause («… ادامه
# داد و …», «… تا …», «… ابراز نگرانی کردند به ویژه پس از …») nor «… این است که». No statement after a speech verb
# opens on an aside (`AN_ASIDE`).
AN_ASIDE = r"(?:خصوصا|مخصوصا|به\s+(?:ویژه|خصوص))"
STATEMENT_NEXT = (
    rf"\s+(?!(?:و|که|تا|را|اما|ولی|زیرا|چون|چرا|پس|بعد|قبل|پیش|{AN_ASIDE}|(?:این|آن)\s+(?:است|بود)"
    r"|ن?(?:می[\s\u200c]?)?(?:شود|شد|شوند|شدند|شده|بود|بوده|بودند|است|اند|هست|باشد))\s)(?=\S+\s+\S+\s+\S)"
)
# A subordinate clause that opens a sentence, to its comma: a contrast, a concession, a time or a cause.
SUBORDINATE_OPENING = re.compile(
    r"^(?:در\s+حالی\s*که|با\s+وجود|با\s+این\s*که|با\s+اینکه|اگرچه|اگر\s+چه|هرچند|هر\s+چند|(?:پس|بعد|پیش|قبل)\s+از"
    r"|در\s+پی|به\s+دنبال|همزمان\s+با|با\s+توجه\s+به)[^،,:]{3,200}[،,]\s*"
)
QUOTED_NAME = re.compile(r"[\"«](?:[^\"«»\s]+\s?){1,4}[\"»]")  # a name in quotes: four words at most
CLAUSE_JOIN = re.compile(r"\s(?:و|اما|ولی)\s+(?=\S)")
# Any speech verb reported speech needs, where a word starts (or glued to «و»): a quick test before the costly ones.
SPEECH = re.compile(rf"(?<![^\sو])(?:{FRAME_VERB}|ادعا\s?(?:کرد|می‌کند|می‌کنند))")
OUTLET_WORDS = frozenset("نشریه روزنامه سایت پایگاه شبکه خبرگزاری".split())  # «پایگاه اینترنتی شبکه «سی‌بی‌اس»»
BARE_NOUN_BEFORE = frozenset("به طبق براساس اساس بنا از در با این همین آن همان".split())  # «… نوشته» as a noun
# Not after «را» («X تعداد داوران را هشت نفر اعلام کرد که …»: «که» then opens a relative clause) or «در حالی» («X در
# حالی ادامه داد که …»: a contrast, not speech).
REPORTED_THAT = re.compile(
    # a name in guillemets may stand in the speaker («چانگ دونگ یانگ» وزیر اتحاد کره جنوبی … اعلام کرد، …»), and a
    # name may stand before its office's comma («رونالد کومان، سرمربی هلند … گفت …»), the office in commas too
    # («تاداماسا فوکیورا، مشاور کمیته …، معتقد است …»)
    rf"^(?P<speaker>{APPOSED_NAME}[^:،,«»؛]{{2,100}}?[،,]"
    rf"|(?:{APPOSED_NAME})?(?:(?!\sرا\s|در\s*حالی)(?:«[^»:،,]{{1,40}}»|[^:،,«»؛])){{2,160}}?)\s+(?:و\s*)?"
    rf"(?:{FRAME_VERB}|ادعا\s?(?:کرد|می‌کند|می‌کنند))"
    rf"(?:{VERB_ENDING}|ه)(?:\s+که\s+|\s*[،,]\s*|(?P<bare>{STATEMENT_NEXT}))(?=\S)"  # «… اعلام کرده، S», «… گفت S»
    # «مطهری که تاکید دارد …، می‌گوید …»: a name and the relative clause about it, then the speech verb
    rf"|^(?P<named>[^:،,«»؛\s]+(?:\s+[^:،,«»؛\s]+){{0,3}})\s+که\s+[^:«»؛]{{2,200}}?[،,]\s*(?:{FRAME_VERB}){VERB_ENDING}"
    r"(?:\s+که)?\s*[،,:]?\s+(?=\S)"
)
# «کاملیتی ادامه داد در گفت‌وگو با …»: a short speaker phrase and its speech verb open the sentence, with no colon.
# A phrase with «که», «را» or a verb in it is a clause, not a speaker («زلاتان … توپ می‌زد و کارلسون معتقد است»), and
# «X در حالی ادامه داد که …» a contrast.
LEADING_SPEECH = re.compile(  # after a time that opens it, to its comma («پس از بازی، توخل مدعی شد که …»), or
    # after a clause, ending like a verb, that a contrast closes («شاگردان امری … هستند ولی پتی معتقد است که …»)
    r"^(?:(?:پس|بعد|پیش|قبل)\s+از\s+[^،,:]{2,40}[،,]\s*|[^:،,]{2,120}?(?:د|ه|ست)\s(?:ولی|اما)\s+)?"
    rf"(?P<speaker>(?:(?!\s(?:که|را)\s|\sن?می‌|\sدر\s+حالی|هنگامی|زمانی|وقتی)[^:،,]){{2,60}}?)\s+(?:و\s*)?{FRAME_VERB}{VERB_ENDING}(?:\s+که)?\s*[،,]?"
    rf"\s+(?!{AN_ASIDE}\s)(?=\S)"
)
# «وی با اشاره به اینکه …، گفت که …»: the speaker, the topic up to its comma, and the speech verb with no colon.
TOPIC_SPEECH = re.compile(
    r"^(?P<speaker>(?:(?!\s(?:که|را)\s|\sن?می‌)[^:،,]){2,60}?)\s+(?:با|ضمن)\s+(?:اشاره|تاکید|تأکید|بیان|یادآوری)"
    rf"\s[^:]{{0,200}}?[،,]\s*(?:و\s*)?{FRAME_VERB}{VERB_ENDING}(?:\s+که)?\s*[،,]?\s+(?=\S)"
)
# «اسامی دعوت شدگان به شرح زیر است»: it announces a list that follows, which no headline, lead or claim holds.
LIST_ANNOUNCEMENT = re.compile(r"به\s+شرح\s+(?:زیر|ذیل)|به\s+(?:این|همین)\s+شرح(?:\s|$)")
THE_REPORT = re.compile(r"^(?:این|همین)\s+(?:گزارش|بررسی|تحقیق|مطالعه|پژوهش)$")
# «این بیانیه», «این نامه»: a text that speaks for whoever issued it, never a speaker itself.
THE_DOCUMENT = re.compile(  # («این گزارش» is no speaker at all)
    r"^(?:این|همین)\s+(?:بیانیه|نامه|اطلاعیه|پیام|حکم|مطلب|متن|سند|یادداشت)$"
)
ACCORDING_TO = re.compile(
    r"^(?:به\s+(?:گفته|اعتقاد|عقیده|نظر|نوشته)|(?:بنا\s?بر|بر\s?اساس|طبق)\s+(?:اعلام|اطلاعیه|بیانیه))"
    r"\s+(?P<speaker>[^،,]{2,80})[،,]\s*"
)
# «با بیان اینکه …،», «با اشاره به اینکه …،»: what a frame states its speaker holds, before the speech verb.
STATED = re.compile(
    r"(?:^|\s)با\s+(?:بیان|اشاره\s+به|تاکید\s+بر|تأکید\s+بر|اعلام)\s+(?:اینکه|این‌که)\s+(?P<stated>\S.*\S)\s*[،,]"
)
MIN_STATED_WORDS = 3
STATED_FRAME_WORDS = 6  # after its comma, the frame goes on to its speech verb: «، در این مراسم اظهار داشت:»
# «به گفته وی در روز ۱۳ فروردین …» with no comma: a pronoun is a whole speaker.
ACCORDING_TO_PRONOUN = re.compile(r"^به\s+(?:گفته|اعتقاد|عقیده|نظر)\s+(?P<speaker>وی|او|ایشان)\s+(?!را\s)")
ANNOUNCED = re.compile(  # the «از» of «پیش از ظهر» or «پس از …» is no frame's
    r"^(?P<speaker>.{2,120}?)(?<!\sپیش)(?<!\sبعد)(?<!\sپس)(?<!\sقبل)\s+از\s+(?P<statement>.{8,}?)"
    r"\s+خبر\s?داد(?:ه‌?\s?است|ند|ه‌?اند)?\s*[.!]?$"
)
# «وداع/تبریک/تسلیت گفت»: a farewell, a greeting or condolences, narrated; nothing was said that follows.
NOT_SAID = r"(?<!وداع\s)(?<!تبریک\s)(?<!تسلیت\s)(?<!بدرود\s)(?<!خوشامد\s)(?<!خیرمقدم\s)"
# Not «… خواهد گفت» (what someone will do), «… می‌توان دانست» (what one may hold) nor a narrated greeting.
TRAILING_SPEECH = re.compile(
    rf"(?<!خواهد\s)(?<!خواهند\s)(?<!توان\s){NOT_SAID}"
    rf"(?:{SPEECH_VERB}|دانست|خواند|خواستار\s.+\sشد|اشاره\s?کرد|ارائه\s?(?:کرد|داد)){VERB_ENDING}\s*[.!]?$"
)
# A trailing speech verb with its ending is at most 19 characters («خاطرنشان نموده است»); only «خواستار … شد» is longer.
SPEECH_TAIL = 40
WORKDAY = r"(?:شنبه|یکشنبه|یک‌شنبه|دوشنبه|سه‌شنبه|سه\s+شنبه|چهارشنبه|پنجشنبه|پنج‌شنبه)"
WEEKDAY = rf"(?:{WORKDAY}|جمعه)"
# Discourse openers and time phrases that stand before a speaker's name («خود ردنپ هم … گفت:», himself).
SPEAKER_START = re.compile(
    r"^(?:(?:شایان\s+ذکر\s+است|گفتنی\s+است|لازم\s+به\s+ذکر\s+است|همچنین|سپس|اما|ولی|البته|حال|حالا|اکنون|خود"
    r"|(?:در\s+)?(?:بخشی|قسمتی|بخش\s+دیگری|قسمت\s+دیگری)\s+از(?:\s+متن)?"  # «در بخشی از متن این تقدیرنامه»
    r"|در\s+ادامه(?:\s+(?:نشست|جلسه|مراسم|برنامه|گفت‌وگو|گفتگو|مصاحبه)(?:\s+خبری)?(?=\s+(?:وی|او)\s))?"
    r"|(?:علاوه|افزون)\s+بر\s?(?:این|آن)|از\s+(?:دیگر\s+سو|سوی\s+دیگر|طرف\s+دیگر)"
    r"|(?:پس|بعد)\s+از\s+(?:(?:این|آن|همین)\s+)?(?:بازی|دیدار|مسابقه|جلسه|نشست|تمرین)"  # «پس از بازی مالکوم گفت»
    r"|به\s+(?:همین|این)\s+(?:دلیل|خاطر|منظور|ترتیب)|بنابراین|از\s+این\s+رو"
    r"|این\s+در\s+حالی\s+(?:است|بود)\s+که|(?:(?:اواسط|اوایل|اوائل|اواخر)\s+)?(?:هفته|روز|شب|ماه|سال|فصل)\s+(?:گذشته|قبل|جاری)"
    r"|(?:در\s*)?عین\s*\u200c?\s*حال|با\s+(?:این|همه\s+این)\s+(?:حال|وجود|اوصاف)"
    r"|(?:دقایقی|ساعاتی|ساعتی|لحظاتی|چندی|مدتی)\s+(?:پیش|قبل)|با\s+گذشت\s+(?:چند|یک|دو|سه|[\d۰-۹]+)\s+(?:روز|هفته|ماه|سال)"
    r"|(?:در\s*)?(?:(?:ابتدای|پایان|انتهای|حاشیه|ادامه)\s+)?(?:این|همین)[\s\u200c]*(?:باره|زمینه|رابطه|خصوص|مورد|راستا|حال"
    r"|میان|جلسه|نشست|دیدار|مراسم|بازی|مسابقه|آیین|همایش|جشنواره|گردهمایی|اجلاس)"
    rf"|(?:روز\s+)?{WEEKDAY}(?:\s+(?:گذشته|این\s+هفته))?|امروز|دیروز|امشب|دیشب|صبح|عصر|شب|ظهر|شامگاه|بامداد)"
    r"(?:\s*،\s*|\s+))+"
)
# An adverbial part before its comma: «(در) ابتدای جلسه، معاون استاندار گفت» names the speaker after the comma.
LEADING_ADJUNCT = re.compile(
    r"^(?:در\s+|با\s+|طی\s+|ضمن\s+|(?:پس|بعد|پیش|قبل)\s+از\s+|به\s+دنبال\s+|همزمان\s+با\s+)?"
    r"(?:ابتدای|آغاز|پایان|انتهای|ادامه|حاشیه|جریان|جلسه|نشست|مراسم|دیدار|همایش|آیین|نشستی|جلسه‌ای|دیداری|گفت‌وگو"
    r"|گفتگو|مصاحبه|کنفرانس|برنامه|اشاره|توجه)\s[^،,:]{0,80}[،,]\s*"
    # «به دنبال اظهارات سرمربی تیم ملی امید، …»: what follows these is an adjunct, whatever its noun
    r"|^(?:(?:پس|بعد|پیش|قبل)\s+از|به\s+دنبال|در\s+پی|همزمان\s+با)\s[^،,:]{0,80}[،,]\s*"
)
# «دراین بیانیه»: «در» written onto the pointer after it.
GLUED_DAR = re.compile(r"^در(?=(?:این|همین)\s)")
# A quantified speaker («یکی از خریداران», «برخی از نمایندگان») keeps its «از».
PARTITIVE = re.compile(r"^(?:یکی|برخی|بعضی|تعدادی|جمعی|بسیاری|شماری|گروهی)\s+از\s+")
# Adverbs in «‑ا»/«‑اً» that say how or how surely («احتمالا», «مکررا»): never part of a speaker's name.
ADVERB = (r"(?:احتمال|قطع|ظاهر|مسلم|طبیعت|اساس|دقیق|تقریب|کامل|واقع|حتم|فعل|معمول|نهایت|اتفاق|مجدد|رسم|اصل|ضمن|مکرر"
          r"|شخص|صریح|مستقیم|علن)(?:ا|اً)")
# Where a speaker phrase ends and the rest of the clause begins.
SPEAKER_END = re.compile(
    r"\s(?:نیز|هم|همچنین|همیشه|همواره|بارها|اکنون|هم‌اکنون|علاوه|افزون|امروز|امشب|دیشب|شامگاه|(?:بعد|پیش)\s?از\s?ظهر|عصرامروز|صبح‌امروز|درحاشیه|روز|هفته\s+(?:گذشته|پیش|قبل|جاری)|پیش‌تر|پیشتر|اخیرا|اخیراً|چندی|چند\s+(?:روز|ساعت|هفته|ماه|سال|دقیقه)|عصر|صبح|شب|ظهر|بامداد|دیروز|در|با|طی|ضمن|پس\s+از|بعد\s+از|پیش\s+از|درباره|"
    r"در\s+خصوص|درخصوص|درمورد|درادامه|درابتدای|درپایان|در(?:این|همین)\S*|پیرامون|نسبت|راجع|خطاب|سپس|ابتدا|دقایقی|ساعاتی"
    r"|قبل|بر|از|به|را|که|توسط|خود"  # «مقدمی خود …»: the speaker's own what follows
    r"|خواستار|گذشته(?<!فصل\sگذشته)(?<!سال\sگذشته)(?<!دوره\sگذشته)"  # «X خواستار … شد», «X گذشته در …»
    r"|ملقب|(?:معروف|مشهور)\s+به"  # «لوسیانو پریرا ملقب به شیمبا»: the name ends before its nickname
    rf"|{ADVERB}"  # «مورینیو مکررا …»: an adverb after the name
    rf"|{WORKDAY}"  # not «جمعه», also a name («امام جمعه»)
    r"|(?:او|وی|آن|آنها|آن‌ها|ایشان)\s+را)(?:\s|$)|[،,(؛]"  # «سامر او را رهبر آینده … دانست»: the object
)
# «مدیر روابط عمومی باشگاه», «سرپرست روابط عمومی فدراسیون»: a person, not the body's press office.
PERSON_BEFORE_OFFICE = "".join(rf"(?<!{title}\sروابط)" for title in
                               "مدیر مدیرکل مسئول مسؤول رئیس رییس معاون سرپرست دبیر کارشناس".split())
# Frame text and news agencies: the report's own source, never a speaker.
AGENCY = re.compile(
    r"خبرگزاری|به\s*\u200c?\s*گزارش(?![\u200c\w])|(?:بنا\s?بر|بر\s?اساس)\s*(?:این\s*)?(?:گزارش|روایت)"
    r"|به\s+نقل\s+از|ورزش\s*\u200c?\s*سه"
    rf"|خبرنگار\s+(?:فارس|ما|مهر|ایرنا|ایسنا|تسنیم)|روابط{PERSON_BEFORE_OFFICE}\s+عمومی"
    r"|پایگاه\s+خبری"  # «مدیر روابط عمومی باشگاه» is a person
)
# The source a news frame relays («به گزارش خبرگزاری فارس به نقل از مرکز اطلاع‌رسانی پلیس استان،», «به نوشته روزنامه
# القبس،», «به گزارش سازمان ملل،»), and the outlet words before the body that speaks through it.
MAX_SOURCE_WORDS = 7
POINTER = re.compile(r"(?:^|\s)(?:این|همین|آن)\s|بیانیه")
RELAYED = re.compile(r"(?:به\s+نقل\s+از|به\s+نوشته)\s+(?P<source>[^،,:؛]{2,80}?)\s*[،,:؛]\s*$")
REPORTED = re.compile(r"^به\s+گزارش\s+(?P<source>[^،,:؛]{2,80}?)(?:\s+از\s+\S+)?\s*[،,:؛]\s*$")  # «… از قم،»
INSTITUTION = (r"(?:باشگاه|فدراسیون|کنفدراسیون|سازمان|وزارت|کمیته|اداره|شرکت|دانشگاه|بانک|شهرداری|ستاد|حزب|دولت|مجلس"
               r"|فرماندهی|نیروی|پلیس|سپاه|ارتش|دادگستری|دادسرای|استانداری|فرمانداری|بنیاد|سفارت|کنسولگری)\s")
OUTLET = re.compile(
    r"^(?:روابط\s*\u200c?\s*عمومی|(?:(?:مرکز|اداره|کمیته|واحد|ستاد|دفتر|پایگاه)\s+(?:اطلاع\u200c?\s?رسانی|رسانه\u200c?ای|خبری"
    rf"|روابط\s+عمومی)|(?:سایت|پایگاه|تارنما)(?:\s+(?:رسمی|اینترنتی))?)(?=\s+{INSTITUTION}))\s+"
)
# The first words of officials or sources a report relays without naming them: they speak for themselves.
OFFICIALS = frozenset("منابع منبع مقامات مقام مسئولان".split())
# «روزنامه الحیات به نقل از یک مقام نزدیک به …»: who spoke, as the outlet relays them.
RELAYED_SPEAKER = re.compile(r"\sبه\s+نقل\s+از\s+(?P<speaker>[^،,]+?)[\s،,]*$")
# Thanks or congratulations that end a short statement («جا دارد از مجموعه سپاهان تشکر کنم», «ابتدا باید روز
# خبرنگار را … تبریک بگویم»): a courtesy, not a claim nor news.
COURTESY = re.compile(
    r"(?:(?:تشکر|قدردانی|سپاسگزاری)\s?(?:و\s+(?:تشکر|قدردانی)\s?)?(?:ن?می[\s\u200c]?)?(?:کنم|کنیم|نمایم|نماییم)"
    r"|سپاسگزارم|ممنونم|متشکرم|(?:تبریک|تسلیت)\s?(?:عرض\s+)?(?:ن?می[\s\u200c]?|ب)?(?:گویم|گوییم|کنم|کنیم|گوید|گویند))$"
)
COURTESY_WORDS = 12  # a longer statement says more than its thanks
# «احتمالا پس از …، فاتی را باید … دانست»: an adverb about the whole sentence, never who speaks.
SENTENCE_ADVERB = re.compile(rf"^{ADVERB}$")
# «یک مقام نزدیک به آیت‌الله سیستانی»: an unnamed source described by whom it is close to, «به» and all.
CLOSE_TO = re.compile(r"^(?:یک\s+)?(?:مقام|منبع|منابع|مقامات|فردی|شخصی)(?:\s+\S+)?\s+نزدیک\s+به\s+")
# News agencies by name: they relay, and are never a speaker.
NEWS_AGENCIES = re.compile(
    r"^(?:فارس|تسنیم|ایسنا|ایرنا|مهر|ایلنا|ایبنا|شبستان|رویترز|آسوشی(?:ت|تد|د)\s?پرس|فرانس\s?پرس|یونایتد\s?پرس|آژانس"
    r"|شینهوا|سین\s?هوا|کیودو|یونهاپ|آنسا|ایتارتاس|ایتار\s?تاس|اسپوتنیک|باشگاه\s+خبری|باشگاه\s+خبرنگاران"
    r"|خبرنگار|شبکه\s+خبری|ورزش\s*\u200c?\s*سه)(?:\s|$)"
)
# An adverbial noun that opened the phrase before the speaker's name: «(در) واکنش به این ایمیل مهدی محمدنبی گفت».
ADVERBIAL_NOUN = re.compile(r"^(?:واکنش|پاسخ|ادامه|حاشیه|جریان|ابتدای|پایان|خصوص|مورد|راستای|رابطه)\s")
# A statement quoted before its frame: «"…"، وی با یادآوری این موضوع گفت»; four words or more, unlike a «name».
QUOTE_FIRST = re.compile(r"^«(?:[^»\s]+\s+){3,}[^»]*»\s*[،,]?\s*")
ORDINAL = r"(?:اولین|دومین|سومین|چهارمین|پنجمین|ششمین|هفتمین|هشتمین|نهمین|دهمین)"
# Not a speaker either: «بنا», a weekday, a number, a first-person pronoun or verb, a verb, a report or a bare
# «بیانیه» («این بیانیه» points to whoever issued it), «آنچه», a subordinator («هر چند …»), a bare quantifier («برخی»).
NOT_A_SPEAKER = re.compile(
    r"(?:^|\s)(?:گزارش|گزارشی|گزارش‌هایی|آنچه)(?:\s|$)|^(?:در\s*)?بیانیه$|[.!؟?]\s*$"  # or a sentence's end
    r"|\sمی‌شود$"  # «خاطر نشان می‌شود»: a passive frame
    r"|(?:^|\s)(?:ن?دارم|ن?داریم|هستم|هستیم|نیستم|نیستیم|نمی‌\S+|من|مرا)(?:\s|$)"  # «دوست ندارم در این مورد صحبت
    # کنم که …», «کمک‌داور من خطای هند … را اعلام کرد»: the words of whoever speaks
    r"|(?:^|\s)(?:بود|است|بودند|هستند|نیست)(?:\s|$)"  # «این جمله‌ای بود که …»: a clause
    rf"|^(?:(?:بنا|طبق|این|آن|یکی|یک|دو|{WEEKDAY}|روز|امروز|دیروز|پیش|باز|اواسط|اوایل|اواخر|{ORDINAL}"
    r"|برخی|بعضی|عده‌ای|گروهی|بسیاری|باید|آمار|آمارها|(?:یک\s+)?خبرنگار(?:ی|ان)?)$"  # «باید گفت …», «آمار می‌گوید
    # …»; the reporter who asked
    # «خیلی جاها نوشتند …»: nobody named
    r"|(?:من|ما|شما|تو|آنها|آن‌ها|و|اما|ولی|که|هر\s*چند|اگر|اگرچه|چنانچه|زیرا|چون|وقتی|هنگامی|خیلی|آیا)(?:\s|$)"
    r"|^(?:آن|همان)[\s\u200c]*(?:گونه|طور)"  # «آن گونه که روزنامه تایمز … نوشته»: a manner, not a speaker
    r"|(?!(?:وی|او|ایشان)\s).*\sبرای\s"  # «ونگر برای ژیرو ابراز نگرانی کرد», «مدیران ملوان برای انتقال …»: a
    # clause
    r"|^(?:در\s+)?(?:این|همین)\s+(?:باره|زمینه|رابطه|خصوص|مورد|راستا)$"
    r"|[0-9۰-۹]|می‌)"
)
PRONOUNS = ("وی", "او", "ایشان", "نامبرده")
# «من», «بنده»: a speaker's own voice. «ما» is one too, but also the newsroom's «our» («نوجوانان ما»).
FIRST_PERSON_SINGULAR = frozenset(("من", "بنده", "مرا"))
# «دولت دهم», «۲۰ام»: ordinals end like a first-person verb, and the tagger takes some for one («می‌دهم» is a verb).
ORDINAL_NUMBER = re.compile(
    r"^(?:(?:یاز|دواز|سیز|چهار|پانز|شانز|هف|هج|هیج|نوز)?دهم|یکم|دوم|سوم|چهارم|پنجم|ششم|هفتم|هشتم|نهم|بیستم|سی\u200c?ام"
    r"|چهلم|پنجاهم|شصتم|هفتادم|هشتادم|نودم|صدم|هزارم|[0-9۰-۹]+\u200c?ا?م)$"
)
# Titles of respect before a name («حجت‌الاسلام و المسلمین …»): no part of the name a headline gives.
HONORIFICS = frozenset(
    "سید سیده حجت‌الاسلام حجت‌الاسلام‌والمسلمین والمسلمین المسلمین و آیت‌الله دکتر مهندس سردار سرلشکر سرتیپ سرهنگ "
    "حاج حاجی شیخ استاد آقای خانم".split()
)
# A bare pointer to the last speaker: «این مسئول», «همین مربی». A description by age is one too: «هافبک ۲۵ ساله
# آبی‌پوشان».
EPITHET = re.compile(
    r"^(?:این|همین)\s+\S+(?:\s+\S+){0,2}$|^\S+(?:\s+\S+)?\s+[0-9۰-۹]+\s*ساله(?:\s|$)"
    # a longer one that holds no office («این داور بین‌المللی فوتبال ایران»); one that does is read as the office
    rf"|^(?:این|همین)\s+(?!(?:{'|'.join(sorted(TITLE_WORDS))})\s)\S+(?:\s+\S+){{3,4}}$"
)
# «این کارشناس مسائل هسته‌ای واکنش‌های …»: an office after «این» that the frame ran on into its object.
LONG_EPITHET = re.compile(rf"^(?:این|همین)\s+(?P<office>(?:{'|'.join(sorted(TITLE_WORDS))})\s+\S+)")
QUOTES = "«»\"' "
MAX_SPEAKER_WORDS = 10  # a longer phrase before a speech verb is a clause, unless it is an office:
MAX_OFFICE_WORDS = 16  # «معاون امور ورزشی اداره کل ورزش و جوانان چهارمحال و بختیاری»
OFFICE_WITHIN = 3  # words of a name before its office
NOT_A_NAME_WORD = frozenset("این آن ادامه توسط از در با".split())  # «این گل توسط مهاجم …» names no one first
BULLETS = "*•●▪-–"


@dataclass(frozen=True)
class Attribution:
    """Offsets index the sentence text: `body_start` is where the sentence starts after a news frame, the
    statement is what the speaker said (an «X از … خبر داد» gives its topic); `speaker` is None when nobody is named.
    `quoted`: the statement follows its speaker's frame («X گفت: …», «به گفته X، …», «X گفت …»); `runs_on`: the
    speaker's words may go on past this sentence, as after «X گفت:»; `unnamed_frame`: the statement follows a frame
    that names no one («این گزارش می‌افزاید، …»)."""

    body_start: int
    statement_start: int
    statement_end: int
    speaker: str | None
    quoted: bool
    runs_on: bool = False
    unnamed_frame: bool = False

    @property
    def is_pronoun(self) -> bool:
        """«وی», or an epithet such as «این مسئول»: the speaker is the one named last."""
        return self.speaker is not None and (self.speaker in PRONOUNS or EPITHET.match(self.speaker) is not None)


def clean_speaker(phrase: str) -> str | None:
    """The speaker named in the phrase before a speech verb, without the time, adverbial part and clause around it;
    None for frame text, an agency, a weekday or a bare «این»."""
    phrase = LEADING_ADJUNCT.sub("", NEWS_FRAME.sub("", QUOTE_FIRST.sub("", phrase.strip())))  # «در ادامه …، X»
    whole = phrase
    phrase = GLUED_DAR.sub("", SPEAKER_START.sub("", phrase))
    phrase = SPEAKER_START.sub("", LEADING_ADJUNCT.sub("", phrase))
    if relayed := RELAYED_SPEAKER.search(phrase):
        phrase = relayed.group("speaker")
    if ADVERBIAL_NOUN.match(phrase):
        phrase = _from_first_name(phrase)
    partitive = PARTITIVE.match(phrase) or CLOSE_TO.match(phrase)
    kept = partitive.end() if partitive else 0
    cut = SPEAKER_END.search(" " + phrase, kept)
    objected = cut is not None and cut.group().strip() == "را"  # the phrase ran on into the object
    phrase = (" " + phrase)[: cut.start()] if cut else phrase
    if objected:
        phrase = _without_the_object(phrase.strip())
    phrase = phrase.strip(QUOTES + BULLETS + "،,.")
    phrase = phrase.replace("«", "").replace("»", "").strip()
    words = phrase.split()
    if len(words) > MAX_SPEAKER_WORDS and " و " in phrase:  # «نیما نکیسا بازیکن سابق تیم ملی ایران و مربی تیم نفت»:
        first = phrase.split(" و ")[0].split()  # the name and its first office
        office = next((at for at, word in enumerate(first) if word in TITLE_WORDS), None)
        if office is not None and 1 <= office <= OFFICE_WITHIN and NOT_A_NAME_WORD.isdisjoint(first[:office]):
            phrase, words = " ".join(first), first
    if len(words) > MAX_SPEAKER_WORDS:
        title = next((at for at, word in enumerate(words[: OFFICE_WITHIN + 1]) if word in TITLE_WORDS), None)
        words = [] if title is None else _long_office(words, title, OBJECT_MARK.search(whole) is not None)
        phrase = " ".join(words)
    if not words or AGENCY.search(phrase) or NOT_A_SPEAKER.search(phrase) or \
            SENTENCE_ADVERB.match(words[0]) or words[-1] == "مبنی":  # «ایران پیشنهادی مبنی بر … ارائه داد»: an
        return None  # object and what it says
    return words[0] if words[0] in PRONOUNS else phrase  # «وی دلایل موفقیت … را … دانست»


def _long_office(words: list[str], title: int, has_object: bool) -> list[str]:
    """The office, or the name and the office from its `title` word on, that a long phrase before a speech verb names;
    nothing where it may be a clause. An office's words hold no verb, and before an object («فرمانده انتظامی استان
    چهارمحال و بختیاری این مقدار کشف … را …») they end at the pointer that opens it."""
    if has_object:
        pointer = next((at for at, word in enumerate(words) if at >= title + 2 and word in ("این", "آن", "همین")),
                       None)
        if pointer is None:
            return []
        words = words[:pointer]
    tokens = tagged(" ".join(words))
    if len(words) > MAX_OFFICE_WORDS or any(token.tag in VERB_TAGS or token.text.endswith(("کردن", "شدن"))
                                            for at, token in enumerate(tokens) if at != title):  # a title word may
        return []  # tag as a verb («فرمانده»)
    return words


def stated_in_the_frame(frame: str) -> tuple[int, int] | None:
    """Where the clause a speech frame states before its speaker goes on lies in `frame`, up to the frame's last
    comma: «علی پناهی … با بیان اینکه موضوع خروج محصولات پتروشیمی از تالار نقره‌ای برای همیشه منتفی است، عنوان کرد:
    …». A newsroom puts its speaker's main point there as often as after the colon."""
    stated = STATED.search(frame)
    if stated is None or len(stated["stated"].split()) < MIN_STATED_WORDS or \
            len(frame[stated.end() :].split()) > STATED_FRAME_WORDS:
        return None  # the comma was inside the clause, and its end ran on into the frame («… انجام می‌شود گفت:»)
    return stated.span("stated") if tagged(stated["stated"])[-1].tag in VERB_TAGS else None


def _without_the_object(phrase: str) -> str:
    """The speaker, when the phrase before «را» ran on from them into the object: «این مسئول زمان برگزاری آزمون را …
    اعلام کرد و گفت:» is «این مسئول», «رئیس‌جمهور این حضور پرشور را …» «رئیس‌جمهور», «محمد میرمسعودی مراسم تجلیل مذکور
    را …» «محمد میرمسعودی», «حجت‌الاسلام جعفر رحیمی معرفی … را …» «حجت‌الاسلام جعفر رحیمی». Where neither a pointer,
    «این», the end of a name nor a title before a name shows where the object starts, the phrase stays: a surname
    alone is left for the article's speakers to match («روستا قانون … را …»)."""
    words = phrase.split()
    if len(words) > 2 and words[0] in ("این", "همین"):
        return " ".join(words[:2])
    pointer = next((at for at, word in enumerate(words[:OFFICE_WITHIN + 1]) if at and word in ("این", "آن", "همین")),
                   None)
    if pointer is not None:
        return " ".join(words[:pointer])
    tokens = tagged(phrase)
    name = 0
    while name < len(tokens) and (tokens[name].tag == "PROPN" or tokens[name].text in HONORIFICS):
        name += 1
    names = sum(token.tag == "PROPN" for token in tokens[:name])
    if names >= 2 and name < len(tokens) == len(words):
        return " ".join(words[:name])
    titled = next((at for at, word in enumerate(words) if word not in HONORIFICS - {"و"}), 0)
    if titled and len(words) > titled + 2:  # «حجت‌الاسلام جعفر رحیمی معرفی دستاوردهای انقلاب را …»: a cleric's or
        return " ".join(words[: titled + 2])  # officer's title, then a first name and a surname
    return phrase


def _from_first_name(phrase: str) -> str:
    """The phrase from its first proper noun on, or nothing when it names nobody."""
    return next((phrase[token.start :] for token in tagged(phrase) if token.tag == "PROPN"), "")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in QUOTES + "،,:":
        start += 1
    while end > start and text[end - 1] in " .،,:؛!":
        end -= 1
    if text.count("«", start, end) < text.count("»", start, end) and text[end - 1] == "»":
        end -= 1
    return start, end


def trailing_speech(text: str) -> re.Match | None:
    """TRAILING_SPEECH's match, looking only at the end: a match ends where the text does (but for spaces and one
    full stop), so unless the text has «خواستار» it starts within the last SPEECH_TAIL characters."""
    body = text.rstrip()
    if body.endswith((".", "!")):
        body = body[:-1].rstrip()
    start = 0 if "خواستار" in text else max(0, len(body) - SPEECH_TAIL)
    return TRAILING_SPEECH.search(text, start)


def quoted_frame(text: str, long_frames: bool = False) -> re.Match | None:
    """«X گفت: …» or «به گفته X، …» at the start of `text`; with `long_frames`, a long topic before «گفت:» too.
    A colon frame needs a colon, which most sentences lack: testing for one first spares them that slow regex."""
    colon = LONG_COLON_FRAME if long_frames else COLON_FRAME
    return ((":" in text or "：" in text) and colon.match(text)) or ACCORDING_TO.match(text) or \
        ACCORDING_TO_PRONOUN.match(text)


def relayed_source(frame: str) -> str | None:
    """The body a news frame relays the report from, without its outlet («روابط عمومی باشگاه استقلال» → «باشگاه
    استقلال», but «سایت گل»), and without «آمده است» or «در این اطلاعیه» after it; None when the frame names only a
    news agency, points back («این باشگاه») or names no source."""
    relayed = RELAYED.search(frame.strip()) or REPORTED.match(frame.strip())
    if relayed is None:
        return None
    source = relayed.group("source").replace("«", "").replace("»", "").strip(QUOTES)
    source = re.sub(r"\s+(?:(?:در|طی)\s+(?:این|آن)\s+\S+|آمده\s+است)$", "", source)
    body = OUTLET.sub("", source)
    source = body if len(body.split()) > 1 else source  # «سایت گل» stays whole
    if AGENCY.search(source) or NEWS_AGENCIES.match(source) or len(source.split()) > MAX_SOURCE_WORDS or \
            NOT_A_SPEAKER.search(source) or re.search(SPEECH_VERB, source) or POINTER.search(source) or \
            _is_outlet(body):
        return None  # an agency, frame text, a statement, an outlet, or «این باشگاه» (the source the lead named)
    return source.strip(QUOTES) or None


def _is_outlet(body: str) -> bool:
    """Whether a relayed source, without its outlet words (`OUTLET`), is a newspaper, a site or a channel («روزنامه
    الحیات», «پاکستان تودی», «مارکا»), which reports what others did and said, rather than a body, an office or
    officials, who speak for themselves: the narration it relays is the newsroom's, with no speaker."""
    words = body.split()
    return not words or not (re.match(INSTITUTION, body + " ") or words[0] in OFFICIALS or words[0] in TITLE_WORDS)


def news_frame_end(sentence: str) -> int:
    """Where the sentence's news frames end, 0 without one: one frame, or several in a row («به گزارش «ورزش سه»، به
    نقل از مارکا، …»). A frame that ran on into «X گفت:», or up to a comma right before «گفت:», ends after the
    agency, so the speaker stays with the statement; with no comma at all, the frame ends after the agency too, or
    where NAMED_FRAME does."""
    frame = NEWS_FRAME.match(sentence)
    named = NAMED_FRAME.match(sentence)
    if frame and named and CLAUSE_WORDS.search(sentence, named.end(), frame.end()) and \
            not RELAYED_NEXT.match(sentence, named.end()):
        return named.end()  # «به گزارش «ورزش سه» عبدالله ویسی که …،»: the comma closes a clause, not the frame
    agency = AGENCY_BEFORE_SPEAKER.match(sentence)
    if frame and (SPEECH_AT_END.search(frame.group()) or SPEECH_NEXT.match(sentence, frame.end())):
        if agency and not RELAYED_NEXT.match(sentence, agency.end()):
            frame = agency
    if frame is None:
        unpunctuated = agency or named
        return unpunctuated.end() if unpunctuated else 0
    if agency and (subject := _subject_after_agency(sentence, agency, frame.end())):
        return subject
    end = frame.end()
    while (again := NEWS_FRAME.match(sentence[end:])) and not SPEECH_AT_END.search(again.group()):
        end += again.end()
    return end


def _subject_after_agency(sentence: str, agency: re.Match, frame_end: int) -> int | None:
    """Where the agency part of a frame ends when its writer ran it on into the sentence's own subject before the
    first comma: «به گزارش «ورزش سه» ترکی آل شیخ، وزیر ورزش عربستان …», «به گزارش فارس جرج بوش در سخنان …، ایران
    را … متهم کرد». A one-word place («از مسجد سلیمان»), a desk's post («مستقر در …») or a relayed source stays
    frame."""
    if agency.end() >= frame_end:
        return None
    tail = sentence[agency.end() : frame_end].strip(" ،,؛:").split()
    if len(tail) < 2 or tail[0] in FRAME_TAIL_OPENERS or tail[1] == "از" or any("نقل" in word for word in tail):
        return None
    return agency.end()


@lru_cache(maxsize=64)  # the headline reads an article's opening sentences, then its claims read them all again
def attribute(sentence: str, long_frames: bool = False) -> Attribution:
    """Split a sentence into its attribution frame and statement; the statement keeps its own words verbatim.
    `long_frames`: see `quoted_frame`."""
    speaker = None
    start = news_frame_end(sentence)
    rest = sentence[start:]
    quoted = quoted_frame(rest, long_frames)
    if quoted:
        speaker = clean_speaker(_after_a_clause(quoted.group("speaker"))) or _named_in_frame(sentence, start)
        return Attribution(start, *_trim(sentence, start + quoted.end(), len(sentence)), speaker, quoted=True,
                           runs_on=True)
    leading = LEADING_SPEECH.match(rest) or TOPIC_SPEECH.match(rest)
    if leading and (speaker := clean_speaker(leading.group("speaker"))):
        return Attribution(start, *_trim(sentence, start + leading.end(), len(sentence)), speaker, quoted=True)
    if leading and THE_REPORT.match(leading.group("speaker")):  # «این گزارش می‌افزاید، …»: its frame goes, and
        # who made the report is for the reader of the whole article
        return Attribution(start, *_trim(sentence, start + leading.end(), len(sentence)), None, quoted=False,
                           unnamed_frame=True)
    announced = ANNOUNCED.match(rest) if "خبر" in rest else None  # «خبر» is rare and ANNOUNCED slow
    if announced:
        speaker = clean_speaker(announced.group("speaker"))
        statement = _trim(sentence, start + announced.start("statement"), start + announced.end("statement"))
        return Attribution(start, *statement, speaker, quoted=False)
    if long_frames and SPEECH.search(rest) and (reported := _reported_that(rest) or _reported_after_a_clause(rest)):
        statement_start, speaker = reported
        return Attribution(start, *_trim(sentence, start + statement_start, len(sentence)), speaker, quoted=True)
    if trailing := trailing_speech(rest):
        speaker = clean_speaker(rest[: trailing.start()])
    return Attribution(start, *_trim(sentence, start, len(sentence)), speaker, quoted=False)


def _after_a_clause(phrase: str) -> str:
    """The speaker's phrase after a clause its «؛» closes on its verb («دو تیم … به تساوی رضایت دادند؛ ایمان باصفا
    هافبک … گفت:»); any other «؛», even after a relative or «اینکه» clause, stands for a comma within the phrase
    («X، عضو … که … فعالیت دارد؛ در گفتگو با … گفت:»)."""
    head, _, tail = phrase.rpartition("؛")
    closed = head and not RELATIVE.search(head) and tagged(head)[-1].tag in VERB_TAGS
    return tail if closed else phrase


def _named_in_frame(sentence: str, start: int) -> str | None:
    """The speaker a news frame ran on into before its comma, when the speech frame after it names nobody: «به گزارش
    خبرگزاری فارس از قزوین سید مسعود نبوی‌فر، ظهر امروز در جمع خبرنگاران … اظهار داشت: …»."""
    agency = AGENCY_BEFORE_SPEAKER.match(sentence)
    if agency is None or agency.end() >= start or RELAYED_NEXT.match(sentence, agency.end()):
        return None
    tail = sentence[agency.end() : start]
    tokens = tagged(tail)
    if not any(token.tag == "PROPN" for token in tokens) or any(token.tag in VERB_TAGS for token in tokens):
        return None
    return clean_speaker(tail)


def _reported_that(text: str) -> tuple[int, str] | None:
    """Where the statement starts and who made it, in «X … اعلام کرد که S», «X … اعلام کرده، S» or «X، رئیس … گفت S»,
    where the speech verb is the clause's first verb: in «شاگردان دالیچ … بازی کردند و حالا مدافع این تیم تاکید کرد
    که …» the words before it are a clause of their own, not a speaker (`_reported_after_a_clause` reads the one
    after «و»). A subordinate clause may come first, up to its comma («در حالی که … به گوش می‌رسید، دقایقی پیش جوزپ
    پدررول … ادعا کرد که …»)."""
    reported = REPORTED_THAT.match(text)
    if reported is None and (opening := SUBORDINATE_OPENING.match(text)):
        return _offset(_reported_that(text[opening.end() :]), opening.end())
    phrase = reported and (reported.group("speaker") or reported.group("named"))
    speaker = clean_speaker(phrase) if phrase else None
    if speaker is None or any(token.tag in VERB_TAGS for token in tagged(QUOTED_NAME.sub("نام", phrase))):
        return None  # a clause, not a speaker; a quoted name may hold a word the tagger takes for a verb («"دانی …"»)
    if reported.group("bare") is not None and not _bare_speaker(phrase, speaker):
        return None
    return reported.end(), speaker


def _reported_after_a_clause(text: str) -> tuple[int, str] | None:
    """«X … قرار می‌گیرند و لمن معتقد است S», «… اما موراتا تاکید کرد که S»: reported speech in a clause joined to
    one of narration that ends on its verb. Only a speaker named by a proper noun, an office or a body: a pronoun there
    is often someone a quoted speaker tells of («… ولی او به من گفت که …»), and a clause's own nouns are no speaker
    («… به سر آمده است، و نا امیدی و تنفس …»)."""
    tokens = None
    for join in CLAUSE_JOIN.finditer(text):
        if not SPEECH.search(text, join.end()):
            return None
        reported = _reported_that(text[join.end() :])
        if reported is None or not _named_by_itself(reported[1]):
            continue
        tokens = tokens or tagged(text)  # only now: tagging is the costly part
        before = [token for token in tokens if token.start < join.start()]
        if before and before[-1].tag in VERB_TAGS:
            return _offset(reported, join.end())
    return None


def _named_by_itself(speaker: str) -> bool:
    """Whether a speaker phrase names someone without the sentences before it: a proper noun, an office or a body."""
    first = speaker.split()[0]
    return first in TITLE_WORDS or first in OUTLET_WORDS or re.match(INSTITUTION, speaker + " ") is not None or \
        any(token.tag == "PROPN" for token in tagged(speaker))


def _offset(reported: tuple[int, str] | None, by: int) -> tuple[int, str] | None:
    return None if reported is None else (reported[0] + by, reported[1])


def _bare_speaker(phrase: str, speaker: str) -> bool:
    """Whether a speech verb with its statement right after it (`STATEMENT_NEXT`) is the clause's own: not inside a
    relative clause («جاسم کرار که روز گذشته اعلام کرده بود …»), not a noun after a preposition or a pointer («طبق
    همین نوشته …», «براساس نوشته …»), and not a pointer to something other than a person («دراین دو مورد یکی از …»)."""
    words = phrase.split()
    opener = speaker.split()
    return "که" not in words and words[-1] not in BARE_NOUN_BEFORE and \
        (opener[0] not in ("این", "همین") or (len(opener) > 1 and opener[1] in TITLE_WORDS))


def is_courtesy(statement: str) -> bool:
    """Whether a statement is only thanks, congratulations or condolences: short, and ending on them."""
    statement = statement.strip(" .!»«")
    return len(statement.split()) <= COURTESY_WORDS and COURTESY.search(statement) is not None


def followed_by(text: str, phrase: str, tail: re.Pattern) -> bool:
    """Whether `phrase` occurs in `text` right before a match of `tail`: what searching for the escaped phrase and
    the tail as one pattern finds, without compiling a pattern for each phrase (a speaker, an office)."""
    at = text.find(phrase)
    while at >= 0:
        if tail.match(text, at + len(phrase)):
            return True
        at = text.find(phrase, at + 1)
    return False


def in_first_person(text: str, pronouns: frozenset[str] = FIRST_PERSON_SINGULAR) -> bool:
    """«باید دو، سه گل می‌زدیم»: someone's own words, by a first-person verb or one of `pronouns`. A text with no
    word ending as such a verb does, nor any of `pronouns`, is not, and is not tagged."""
    words = (text[start:end] for start, end in tokenize(text))
    if not any(word.endswith("م") or word in pronouns for word in words):
        return False
    return tokens_in_first_person(tagged(text), pronouns)


def tokens_in_first_person(tokens: list[Token], pronouns: frozenset[str] = FIRST_PERSON_SINGULAR) -> bool:
    """`in_first_person` for text already tagged."""
    return any(token.text in pronouns or (token.tag in VERB_TAGS and token.text.endswith("م")
                                           and not ORDINAL_NUMBER.match(token.text)) for token in tokens)

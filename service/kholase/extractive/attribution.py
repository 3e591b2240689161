"""Who says what in a Persian news sentence: the attribution frame, the speaker and the statement.

Newsrooms wrap statements in a few fixed frames («به گزارش …،», «X گفت:», «به گفته X،», «X از … خبر داد»,
«وی با اشاره به …،»); both the headline and the key claims need the statement without its frame.
"""

import re
from dataclasses import dataclass

SPEECH_VERB = (
    r"(?:گفت|افزود|(?:اظهار|تأکید|تاکید|تصریح|بیان|عنوان|خاطرنشان|اعلام|ابراز|اضافه|تشریح|یادآوری)\s?(?:کرد|نمود|داشت|ساخت)"
    r"|یادآور\s?شد|ادامه\s?داد|توضیح\s?داد|پاسخ\s?داد|نوشت|معتقد\s?است|آمده\s?است)"
)
VERB_ENDING = r"(?:ه‌?\s?است|ه‌?\s?بود|ند|ه‌?اند)?"
NEWS_FRAME = re.compile(
    r"^(?:به\s+گزارش|به\s+نقل\s+از|بنا\s+بر\s+(?:این\s+)?گزارش|طبق\s+گزارش)[^،,:؛]{0,160}[،,:؛]\s*"
    r"|^(?:خبرگزاری|پایگاه\s+خبری)\s+[^:،]{1,40}[:،]\s*"
    r"|^[^\s،:]{2,20}\s*[-–—]\s*(?=\S)"  # a dateline such as «تهران -»
)
# «به گزارش خبرگزاری فارس پس از نشست …»: a news frame its writer closed with no comma, up to the agency's name
UNPUNCTUATED_FRAME = re.compile(
    r"^به\s+گزارش\s+(?:«[^»]{1,30}»|خبرگزاری\s+\S+|\S+)(?:\s+(?:و\s+)?به\s+نقل\s+از\s+\S+)?\s+"
)
COLON_FRAME = re.compile(rf"^(?:در\s+)?(?P<speaker>[^:]{{2,160}}?)\s+{SPEECH_VERB}{VERB_ENDING}\s*[:：]\s*")
ACCORDING_TO = re.compile(r"^به\s+(?:گفته|اعتقاد|عقیده|نظر)\s+(?P<speaker>[^،,]{2,80})[،,]\s*")
ANNOUNCED = re.compile(
    r"^(?P<speaker>.{2,120}?)\s+از\s+(?P<statement>.{8,}?)\s+خبر\s?داد(?:ه‌?\s?است|ند|ه‌?اند)?\s*[.!]?$"
)
TRAILING_SPEECH = re.compile(
    rf"(?:{SPEECH_VERB}|دانست|خواند|خواستار\s.+\sشد|اشاره\s?کرد|ارائه\s?(?:کرد|داد)){VERB_ENDING}\s*[.!]?$"
)
# A trailing speech verb with its ending is at most 19 characters («خاطرنشان نموده است»); only «خواستار … شد» is longer.
SPEECH_TAIL = 40
# Discourse openers and time phrases that stand before a speaker's name.
SPEAKER_START = re.compile(
    r"^(?:(?:شایان\s+ذکر\s+است|گفتنی\s+است|لازم\s+به\s+ذکر\s+است|همچنین|در\s+ادامه|سپس|اما|ولی|البته"
    r"|(?:هفته|روز|ماه|سال)\s+(?:گذشته|قبل|جاری)|امروز|دیروز|صبح|عصر|شب)(?:\s*،\s*|\s+))+"
)
# Where a speaker phrase ends and the rest of the clause begins.
SPEAKER_END = re.compile(
    r"\s(?:نیز|هم|همچنین|امروز|روز|عصر|صبح|شب|ظهر|بامداد|دیروز|در|با|طی|ضمن|پس\s+از|بعد\s+از|درباره|"
    r"در\s+خصوص|بر|از|به|را)(?:\s|$)|[،,(]"
)
PRONOUNS = ("وی", "او", "ایشان", "نامبرده")
QUOTES = "«»\"' "


@dataclass(frozen=True)
class Attribution:
    """Offsets index the sentence text: `body_start` is where the sentence starts after a news frame, the
    statement is what the speaker said (an «X از … خبر داد» gives its topic); `speaker` is None when nobody is named."""

    body_start: int
    statement_start: int
    statement_end: int
    speaker: str | None
    quoted: bool

    @property
    def is_pronoun(self) -> bool:
        return self.speaker in PRONOUNS


def clean_speaker(phrase: str) -> str | None:
    phrase = SPEAKER_START.sub("", NEWS_FRAME.sub("", phrase.strip()))
    cut = SPEAKER_END.search(" " + phrase)
    phrase = (" " + phrase)[: cut.start()] if cut else phrase
    phrase = phrase.strip(QUOTES + "،,.")
    phrase = phrase.replace("«", "").replace("»", "").strip()
    words = phrase.split()
    if not words or len(words) > 10:
        return None
    return phrase


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in QUOTES + "،,:":
        start += 1
    while end > start and text[end - 1] in " .،,:؛!":
        end -= 1
    if text.count("«", start, end) < text.count("»", start, end) and text[end - 1] == "»":
        end -= 1
    return start, end


def _ends_in_speech_verb(text: str) -> bool:
    """Whether TRAILING_SPEECH matches, looking only at the end: a match ends where the text does (but for spaces and
    one full stop), so unless the text has «خواستار» it starts within the last SPEECH_TAIL characters."""
    body = text.rstrip()
    if body.endswith((".", "!")):
        body = body[:-1].rstrip()
    start = 0 if "خواستار" in text else max(0, len(body) - SPEECH_TAIL)
    return TRAILING_SPEECH.search(text, start) is not None


def quoted_frame(text: str) -> re.Match | None:
    """«X گفت: …» or «به گفته X، …» at the start of `text`. COLON_FRAME needs a colon, which most sentences lack:
    testing for one first spares them that slow regex."""
    return ((":" in text or "：" in text) and COLON_FRAME.match(text)) or ACCORDING_TO.match(text)


def attribute(sentence: str) -> Attribution:
    """Split a sentence into its attribution frame and statement; the statement keeps its own words verbatim."""
    start, speaker = 0, None
    frame = NEWS_FRAME.match(sentence)
    if frame:
        start = frame.end()
    rest = sentence[start:]
    quoted = quoted_frame(rest)
    if quoted:
        speaker = clean_speaker(quoted.group("speaker"))
        return Attribution(start, *_trim(sentence, start + quoted.end(), len(sentence)), speaker, quoted=True)
    announced = ANNOUNCED.match(rest) if "خبر" in rest else None  # «خبر» is rare and ANNOUNCED slow
    if announced:
        speaker = clean_speaker(announced.group("speaker"))
        statement = _trim(sentence, start + announced.start("statement"), start + announced.end("statement"))
        return Attribution(start, *statement, speaker, quoted=False)
    if _ends_in_speech_verb(rest):
        speaker = clean_speaker(rest)
    return Attribution(start, *_trim(sentence, start, len(sentence)), speaker, quoted=False)

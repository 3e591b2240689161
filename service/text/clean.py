"""Normalization and news-page clutter stripping, with a map from cleaned offsets back to the raw text.

Everything downstream works on the cleaned text; key claims must still point into the text exactly as the client
sent it, so every cleaned character remembers the raw offset it came from.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from difflib import SequenceMatcher

import hazm

ZWNJ = "\u200c"
# Bidi controls and zero-width marks that hazm leaves in place; ZWNJ (the half-space) is kept.
INVISIBLES = re.compile("[\u200b\u200d\u200e\u200f\ufeff\u202a-\u202e\u2066-\u2069\u00ad]")
PERSIAN_LETTER = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
PERSIAN_WORD_LETTERS = re.compile("[آ-ی]")

# Lines that are page furniture, not article: ids, dates, bylines, share/tag rows, widgets.
CLUTTER_LINE = re.compile(
    r"^\s*(?:"
    r"کد\s*(?:خبر|مطلب)|شناسه\s*(?:خبر|مطلب)|تاریخ\s*(?:انتشار|انتشار خبر|خبر|ارسال)|زمان\s*(?:انتشار|مطالعه)"
    r"|نویسنده|خبرنگار|گزارشگر|عکاس|مترجم|منبع|سرویس|دبیر|ویرایش|لینک\s*(?:کوتاه|خبر)|آدرس\s*کوتاه"
    r"|برچسب\s*(?:‌|\s)?ها|تگ\s*(?:‌|\s)?ها|کلید\s*(?:‌|\s)?واژه(?:\s*|‌)?(?:ها)?|کلمات\s*کلیدی"
    r"|اشتراک\s*(?:‌|\s)?گذاری|ارسال\s*(?:به\s*دوستان|نظر)|نسخه\s*چاپی|چاپ\s*(?:خبر|مطلب)|بازنشر"
    r"|نظر\s*شما|نظرات|دیدگاه\s*(?:ها|شما)|پربیننده|پربازدید|پربحث|پرطرفدار|آخرین\s*(?:اخبار|خبرها|مطالب)"
    r"|اخبار\s*(?:مرتبط|برگزیده|پیشنهادی)|مطالب\s*(?:مرتبط|پیشنهادی|مشابه)|بیشتر\s*بخوانید|ادامه\s*مطلب"
    r"|پیشنهاد\s*(?:سردبیر|ما)|بخوانید|تبلیغات|ما\s*را\s*در|عضویت\s*در|کانال\s*(?:تلگرام|ما)"
    r"|share|print|tags?\b|telegram|whatsapp|twitter|facebook|instagram"
    r")(?=$|[\s:：\-–—|/،,.]|\u200c)",
    re.IGNORECASE,
)
END_OF_ARTICLE = re.compile(r"^\s*(?:انتهای\s*(?:پیام|خبر|متن)|پایان\s*(?:پیام|خبر))\s*[/.\-]?\s*$|^\s*انتهای\s*پیام")
DATE_LINE = re.compile(
    r"^[\s\d۰-۹:/\-–—|,،]*(?:(?:فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
    r"|شنبه|یکشنبه|دوشنبه|سه‌?\s?شنبه|چهارشنبه|پنجشنبه|پنج‌?\s?شنبه|جمعه|January|February|March|April|May"
    r"|June|July|August|September|October|November|December|ساعت)[\s\d۰-۹:/\-–—|,،A-Za-z]*)+$",
    re.IGNORECASE,
)
URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
MAX_TITLE_WORDS = 25


@dataclass(frozen=True)
class CleanText:
    """Normalized article text without clutter; `raw_offsets[i]` is the raw index of cleaned character i."""

    raw: str
    text: str
    raw_offsets: tuple[int, ...]
    title: str | None

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span covering cleaned text[start:end]."""
        if end <= start:
            raise ValueError("empty span")
        raw_end = self.raw_offsets[end - 1] + 1
        if self.text[end - 1] in ".…":  # normalization folds runs of dots into «…»
            while raw_end < len(self.raw) and self.raw[raw_end] == ".":
                raw_end += 1
        return self.raw_offsets[start], raw_end


@lru_cache(maxsize=1)
def _normalizer() -> hazm.Normalizer:
    return hazm.Normalizer()


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    return frozenset(entry[0] for entry in hazm.words_list())


# Suffixes written after a half-space in standard Persian; scraped text often drops the half-space.
HALF_SPACE_SUFFIXES = ("ای", "اید", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "های", "ها", "ترین", "تر")
GLUED_WORD = re.compile(r"[آ-ی]{4,}")


@lru_cache(maxsize=50_000)
def restore_half_space(word: str) -> str:
    """`کمکهای` -> `کمک‌های`: split a known stem from a suffix that standard Persian writes after a half-space."""
    vocabulary = _vocabulary()
    if word in vocabulary:
        return word
    for suffix in HALF_SPACE_SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 2 and stem in vocabulary:
            if suffix in ("ای", "اید") and not stem.endswith("ه"):
                continue  # «ای» after other letters joins without a half-space (e.g. «صدای»)
            return stem + ZWNJ + suffix
    return word


def normalize(text: str) -> str:
    """hazm normalization plus the invisible-mark and half-space repairs hazm leaves undone."""
    text = INVISIBLES.sub("", text)
    text = _normalizer().normalize(text)
    return GLUED_WORD.sub(lambda match: restore_half_space(match.group()), text)


def has_persian(text: str) -> bool:
    return PERSIAN_LETTER.search(text) is not None


def _skeleton_char(char: str) -> str:
    """The identity of a character across normalization; "" for characters normalization may add or drop."""
    if char.isspace() or char == ZWNJ or unicodedata.category(char) in ("Mn", "Cf", "Pd") or char in "ـ.…«»\"'":
        return ""
    if char.isdigit():
        return str(unicodedata.digit(char, 0))
    return {"ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و"}.get(
        char, char.lower()
    )


def _invisible(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) in ("Cf", "Mn")


_SKELETON_CHARS: dict[str, str] = {}


def _skeleton(text: str) -> tuple[str, list[int]]:
    chars, positions = [], []
    memo = _SKELETON_CHARS  # a character's skeleton never changes: look it up once per distinct character
    for index, char in enumerate(text):
        mapped = memo.get(char)
        if mapped is None:
            mapped = memo.setdefault(char, _skeleton_char(char))
        for piece in mapped:
            chars.append(piece)
            positions.append(index)
    return "".join(chars), positions


def align_offsets(raw: str, normalized: str) -> list[int]:
    """For each character of `normalized`, the index in `raw` it stems from (nearest neighbour for inserted ones)."""
    raw_skeleton, raw_positions = _skeleton(raw)
    norm_skeleton, norm_positions = _skeleton(normalized)
    anchors: dict[int, int] = {}
    if raw_skeleton == norm_skeleton:
        anchors = dict(zip(norm_positions, raw_positions))
    else:
        matcher = SequenceMatcher(None, norm_skeleton, raw_skeleton, autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                anchors.setdefault(norm_positions[block.a + k], raw_positions[block.b + k])
    # Characters normalization added or rewrote (spaces, quotes, «…» for «...») take the same character between
    # their anchored neighbours in the raw text when it is there, else the position after the previous one.
    next_anchor = [len(raw)] * (len(normalized) + 1)
    for index in range(len(normalized) - 1, -1, -1):
        next_anchor[index] = anchors.get(index, next_anchor[index + 1])
    offsets: list[int] = []
    cursor = -1
    for index, char in enumerate(normalized):
        if index in anchors:
            cursor = anchors[index]
        else:
            limit = max(next_anchor[index], cursor + 1)
            found = raw.find("." if char == "…" else char, cursor + 1, limit)
            if found != -1 and not all(_invisible(gap) for gap in raw[cursor + 1 : found]):
                found = -1  # only skip spaces and zero-width marks to reach it, never visible characters
            cursor = found if found != -1 else min(cursor + 1, len(raw) - 1)
        offsets.append(max(cursor, 0))
    return offsets


def _lines_with_offsets(raw: str) -> list[tuple[int, str]]:
    lines, position = [], 0
    for line in raw.splitlines(keepends=True):
        lines.append((position, line.rstrip("\r\n")))
        position += len(line)
    return lines


def _is_clutter(line: str) -> bool:
    stripped = line.strip()
    return bool(CLUTTER_LINE.match(stripped) or DATE_LINE.match(stripped) or URL_LINE.match(stripped)) or (
        not PERSIAN_WORD_LETTERS.search(stripped)
    )


def _looks_like_title(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped.split()) <= MAX_TITLE_WORDS and not stripped.endswith((".", "!", "؟", "?", ":"))


def _content_key(text: str) -> str:
    return _skeleton(normalize(text))[0]


def clean(raw: str) -> CleanText:
    """Drop clutter lines, the repeated title and everything after an end-of-article mark; normalize the rest."""
    lines = [(start, line) for start, line in _lines_with_offsets(raw) if line.strip()]
    kept: list[tuple[int, str]] = []
    for start, line in lines:
        if END_OF_ARTICLE.match(line):
            break
        if not _is_clutter(line):
            kept.append((start, line))
    title = None
    if len(kept) > 1 and _looks_like_title(kept[0][1]):
        title_key = _content_key(kept[0][1])
        rest_key = "".join(_content_key(line) for _, line in kept[1:])
        if title_key and title_key in rest_key:
            title = normalize(kept[0][1].strip())
            kept = [(start, line) for start, line in kept[1:] if _content_key(line) != title_key]

    pieces: list[str] = []
    offsets: list[int] = []
    for start, line in kept:
        lead = len(line) - len(line.lstrip())
        body = line.strip()
        normalized = normalize(body)
        if not normalized:
            continue
        if pieces:
            pieces.append("\n")
            offsets.append(offsets[-1])
        pieces.append(normalized)
        offsets.extend(start + lead + offset for offset in align_offsets(body, normalized))
    return CleanText(raw=raw, text="".join(pieces), raw_offsets=tuple(offsets), title=title)

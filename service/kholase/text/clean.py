"""Normalization and news-page clutter stripping, with a map from cleaned offsets back to the raw text.

Everything downstream works on the cleaned text; key claims must still point into the text exactly as the client
sent it. Normalization rewrites letters, digits and spacing but keeps every letter and digit in order, so the two
texts are aligned on those ("anchors"), in numpy, once per article; spans are mapped back through the anchors.
"""

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np

from kholase.text import lexicon
from kholase.text.tagger import VERB_TAGS, tagger, tokenize

ZWNJ = "\u200c"
# Bidi controls and zero-width marks that hazm leaves in place; ZWNJ (the half-space) is kept.
INVISIBLES = re.compile("[\u200b\u200d\u200e\u200f\ufeff\u202a-\u202e\u2066-\u2069\u00ad]")
# A direction mark between two Persian letters is a half-space typed with the wrong key («سیدروح‎الله»): removed, it
# would glue the words.
MISTYPED_HALF_SPACE = re.compile("(?<=[\u0600-\u06ff])[\u200e\u200f](?=[\u0600-\u06ff])")
# A half-space after a letter that never joins the next one («اظها‌ر کرد», «پر‌سپولیس») shows nothing and, inside a
# stem, marks nothing, but splits the word for every rule and lexicon that reads it. Before a suffix («رفت و آمد‌های»,
# «دانشجو‌ها») it marks where the stem ends, and stays.
NEEDLESS_HALF_SPACE = re.compile("(?<=[\u0627\u0622\u0623\u0625\u062f\u0630\u0631\u0632\u0698\u0648\u0624])\u200c"
                                 "(?!(?:ای|ام|ات|اش|ان|اند|ایم|اید|ی)(?![\u0600-\u06ff])|ها|تر)"
                                 "(?=[\u0600-\u06ff])")
# Control characters other than tab and line breaks (NUL and the like): never part of what the service writes.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Letters of the Arabic script, presentation forms included; not its digits, signs (٪ ، ؟), marks or tatweel.
PERSIAN_LETTER = re.compile("[\u0621-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc"
                            "\u06ff\ufb50-\ufdff\ufe70-\ufefc]")
PERSIAN_WORD_LETTERS = re.compile("[آ-ی]")

# Page furniture named by its own words: ids, dates, links, tags, share and print rows, related-news widgets. A line
# that opens with one is dropped whatever follows.
FURNITURE = re.compile(
    r"^\s*(?:"
    r"کد\s*(?:خبر|مطلب)|شناسه\s*(?:خبر|مطلب)|تاریخ\s*(?:انتشار|انتشار خبر|خبر|ارسال)|زمان\s*(?:انتشار|مطالعه)"
    r"|لینک\s*(?:کوتاه|خبر)|آدرس\s*کوتاه"
    r"|برچسب\s*(?:‌|\s)?ها|تگ\s*(?:‌|\s)?ها|کلید\s*(?:‌|\s)?واژه(?:\s*|‌)?(?:ها)?|کلمات\s*کلیدی"
    r"|اشتراک\s*(?:‌|\s)?گذاری|ارسال\s*(?:به\s*دوستان|نظر)|نسخه\s*چاپی|چاپ\s*(?:خبر|مطلب)|بازنشر"
    r"|پربیننده|پربازدید|پربحث|پرطرفدار"
    r"|اخبار\s*(?:مرتبط|برگزیده|پیشنهادی)|مطالب\s*(?:مرتبط|پیشنهادی|مشابه)|بیشتر\s*بخوانید|ادامه\s*مطلب"
    r"|پیشنهاد\s*(?:سردبیر|ما)"
    r"|share|print|tags?\b|telegram|whatsapp|twitter|facebook|instagram"
    r")(?=$|[\s:：\-–—|/،,.]|\u200c)",
    re.IGNORECASE,
)
# Labels that are also words news sentences open with («دبیر شورای عالی امنیت ملی گفت: …», «منبع آگاه …»): a line
# that opens with one is furniture only by its form (`_label_furniture`).
LABEL = re.compile(
    r"^\s*(?:نویسنده|خبرنگار|گزارشگر|عکاس|مترجم|منبع|سرویس|دبیر|ویرایش|بخوانید|تبلیغات|نظر\s*شما|نظرات"
    r"|دیدگاه\s*(?:ها|شما)|آخرین\s*(?:اخبار|خبرها|مطالب)|ما\s*را\s*در|عضویت\s*در|کانال\s*(?:تلگرام|ما))"
    r"(?=$|[\s:：\-–—|/،,.]|\u200c)"
)
LABEL_VALUE_WORDS = 6  # what may follow «منبع:» in a label line
UNPREDICATED_WORDS = 12  # a label line this short without a verb is a caption («سرویس سیاسی»), not a sentence
LABEL_PREFIX_WORDS = 3  # «سرویس سیاسی فردا:» heading a paragraph
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
class Alignment:
    """Positions of the same letters and digits in the normalized and the raw text, both increasing."""

    raw: str
    normalized_anchors: np.ndarray
    raw_anchors: np.ndarray

    @classmethod
    def between(cls, raw: str, normalized: str) -> "Alignment":
        raw_identity, normalized_identity = _identities(raw), _identities(normalized)
        raw_positions, normalized_positions = np.flatnonzero(raw_identity), np.flatnonzero(normalized_identity)
        raw_letters, normalized_letters = raw_identity[raw_positions], normalized_identity[normalized_positions]
        if np.array_equal(raw_letters, normalized_letters):
            return cls(raw, normalized_positions, raw_positions)
        # Rare: normalization dropped or rewrote a letter (a ligature, a repeated letter): align around the changes.
        normalized_index, raw_index = _matching_letters(normalized_letters, raw_letters)
        return cls(raw, normalized_positions[normalized_index], raw_positions[raw_index])

    def raw_span(self, normalized: str, start: int, end: int) -> tuple[int, int]:
        """The raw span of normalized[start:end], with the punctuation at its edges (quotes, «...» for «…»)."""
        first = int(np.searchsorted(self.normalized_anchors, start))
        last = int(np.searchsorted(self.normalized_anchors, end)) - 1
        if first > last:  # nothing but punctuation and spaces: the raw text around the previous letter
            position = int(self.raw_anchors[first - 1]) + 1 if first > 0 else 0
            return position, min(position + 1, len(self.raw))
        raw_start, raw_end = int(self.raw_anchors[first]), int(self.raw_anchors[last]) + 1
        leading = normalized[start : int(self.normalized_anchors[first])]
        trailing = normalized[int(self.normalized_anchors[last]) + 1 : end]
        return _take_marks(self.raw, raw_start, leading, -1), _take_marks(self.raw, raw_end, trailing, +1)


# After a change, difflib aligns a window this long on both sides, widened until it finds SYNC equal letters in a row.
CHANGE_WINDOW, SYNC = 32, 8


def _matching_letters(first: np.ndarray, second: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the letters two nearly equal letter sequences share, both increasing. Equal stretches are found
    with numpy; difflib aligns only a short window at each change, so the cost grows with the number of changes,
    not with the square of the length (difflib over a 20,000-letter article took seconds)."""
    first_index, second_index = [], []
    i = j = 0
    while i < len(first) and j < len(second):
        run = _common_run(first[i:], second[j:])
        first_index.append(np.arange(i, i + run))
        second_index.append(np.arange(j, j + run))
        i, j = i + run, j + run
        if i == len(first) or j == len(second):
            break
        window = CHANGE_WINDOW
        while True:
            window_first, window_second = first[i : i + window].tolist(), second[j : j + window].tolist()
            blocks = SequenceMatcher(None, window_first, window_second, autojunk=False).get_matching_blocks()
            sync = next((block for block in blocks if block.size >= SYNC), None)
            if sync is not None or (i + window >= len(first) and j + window >= len(second)):
                break
            window *= 2
        for block in blocks[: blocks.index(sync)] if sync is not None else blocks:
            first_index.append(np.arange(i + block.a, i + block.a + block.size))
            second_index.append(np.arange(j + block.b, j + block.b + block.size))
        if sync is None:
            break
        i, j = i + sync.a, j + sync.b
    none = np.zeros(0, dtype=int)
    return np.concatenate([none, *first_index]), np.concatenate([none, *second_index])


def _common_run(first: np.ndarray, second: np.ndarray) -> int:
    """How many leading letters the two sequences share, comparing in growing chunks (a run is often short)."""
    length, start, size = min(len(first), len(second)), 0, 64
    while start < length:
        stop = min(length, start + size)
        differ = np.flatnonzero(first[start:stop] != second[start:stop])
        if differ.size:
            return start + int(differ[0])
        start, size = stop, size * 2
    return length


def _take_marks(raw: str, position: int, marks: str, step: int) -> int:
    """Move a span edge over the raw punctuation that stands for `marks` (the span's own edge punctuation),
    skipping spaces between them, never over a letter; a run of dots counts as one mark (normalized «…»)."""
    wanted = sum(1 for mark in marks if not mark.isspace() and mark != ZWNJ)
    index = position if step > 0 else position - 1
    while wanted and 0 <= index < len(raw):
        char = raw[index]
        if char.isspace() or unicodedata.category(char) in ("Cf", "Mn"):
            index += step
            continue
        if not _is_edge_mark(char):
            break
        while char == "." and 0 <= index + step < len(raw) and raw[index + step] == ".":
            index += step
        wanted -= 1
        index += step
        position = index if step > 0 else index + 1
    return position


@dataclass(frozen=True)
class CleanText:
    """Normalized article text without clutter, and the way back from its offsets to the raw text.

    `text` is made of lines of the normalized article; `line_starts` holds, per kept line, its offset in `text`
    and in the normalized article, so an offset goes text -> normalized -> raw.
    """

    raw: str
    text: str
    title: str | None
    normalized: str
    line_starts: tuple[tuple[int, int], ...]
    alignment: Alignment

    def _normalized_offset(self, offset: int) -> int:
        line = bisect_right(self.line_starts, (offset, len(self.normalized))) - 1
        text_start, normalized_start = self.line_starts[line]
        return normalized_start + offset - text_start

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span covering cleaned text[start:end] (a span within one line)."""
        if end <= start:
            raise ValueError("empty span")
        normalized_start = self._normalized_offset(start)
        normalized_end = self._normalized_offset(end - 1) + 1
        return self.alignment.raw_span(self.normalized, normalized_start, normalized_end)


def _is_stem(word: str) -> bool:
    frequency = lexicon.vocabulary().get(word)
    return frequency is not None and len(word) >= 2 and (frequency > 0 or (len(word) >= 4 and word.endswith("ی")))


# Suffixes written after a half-space in standard Persian; scraped text often drops the half-space. Longest first:
# «واحدهای» is «واحد» + «های», not «واحده» + «ای».
HALF_SPACE_SUFFIXES = tuple(sorted(
    ("ای", "اید", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "های", "ها", "ترین", "تر"),
    key=len, reverse=True,
))
# Words the newsroom wrote apart that hazm's normalizer joins with a half-space, changing the meaning: «نسبت به روز»
# ("compared with the day") is not «به‌روز» ("up to date"), and «هم» "also" before a compound verb is no prefix («تیمی
# هم شکل دادیم» is not «هم‌شکل», "alike"; «هم دست یافت» is not «هم‌دست», "accomplice"). They are kept apart through
# normalization.
KEPT_APART = re.compile(  # the spaces between, which stay one space
    r"(?<=(?<![آ-ی‌])به)[  ]+(?=روز(?![آ-ی]))"
    r"|(?<=(?<![آ-ی‌])هم)[  ]+(?=(?:صحبت|دست|فکر|شکل)\s+ن?(?:می[\s‌]?)?(?:کرد|کن|داد|ده|یافت|یاب))"
)
# «به سمت تری» (toward wetness): hazm joins «تری» as the comparative's, which it is only after an adjective («گرم
# تری»); after a word hazm knows only as a noun the space stays.
BEFORE_TERRY = re.compile(r"(?<![آ-ی\u200c])(?P<word>[آ-ی]+)[  ]+(?=تری(?![آ-ی\u200c]))")
APART = ""  # a private-use mark hazm leaves alone, standing for the space while it normalizes
# A whole word (a run of letters, not a part of a half-spaced compound such as «کاراته‌کاهای») that ends in one of
# those suffixes after at least two letters: the only words the repair can change, so the others never reach Python.
GLUED_WORD = re.compile(rf"(?<![آ-ی\u200c])[آ-ی]{{2,}}(?:{'|'.join(HALF_SPACE_SUFFIXES)})(?![آ-ی\u200c])")


@lru_cache(maxsize=50_000)
def restore_half_space(word: str) -> str:
    """`کمکهای` -> `کمک‌های`: split a known stem from a suffix that standard Persian writes after a half-space."""
    vocabulary = lexicon.vocabulary()
    if word in vocabulary:
        return word
    for suffix in HALF_SPACE_SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and _is_stem(stem):
            if suffix in ("ای", "اید") and not stem.endswith("ه"):
                continue  # «ای» after other letters joins without a half-space (e.g. «صدای»)
            return stem + ZWNJ + suffix
    return word


def normalize(text: str) -> str:
    """hazm normalization plus the invisible-mark and half-space repairs hazm leaves undone."""
    text = CONTROLS.sub("", INVISIBLES.sub("", MISTYPED_HALF_SPACE.sub(ZWNJ, text))).replace(APART, "")
    text = NEEDLESS_HALF_SPACE.sub("", text)
    text = KEPT_APART.sub(APART, text)
    if "تری" in text:
        text = BEFORE_TERRY.sub(lambda match: match.group() if match["word"] in lexicon.adjectives() else
                                match["word"] + APART, text)
    text = lexicon.normalizer().normalize(text).replace(APART, " ")
    return GLUED_WORD.sub(lambda match: restore_half_space(match.group()), text)


def without_controls(text: str) -> str:
    return CONTROLS.sub("", text)


def has_persian(text: str) -> bool:
    return PERSIAN_LETTER.search(text) is not None


# Letters that normalization maps onto each other compare equal; spaces, half-spaces, marks, dots, quotes and
# dashes (which normalization adds, drops or rewrites) have no identity (0).
FOLDED_LETTERS = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و", "%": "٪",
}
WITHOUT_IDENTITY = "ـ.…«»\"'“”٫٬﴾﴿"


def _identity(char: str) -> int:
    if char.isspace() or unicodedata.category(char) in ("Mn", "Cf", "Cc", "Pd") or char in WITHOUT_IDENTITY:
        return 0
    if char.isdigit():
        return ord(str(unicodedata.digit(char, 0)))
    if "\ufb50" <= char <= "\ufeff":  # Arabic presentation forms: their plain letter
        char = unicodedata.normalize("NFKC", char)[:1] or char
    folded = FOLDED_LETTERS.get(char, char.lower())
    return ord(folded[0]) if folded and folded[0] not in WITHOUT_IDENTITY else 0


@lru_cache(maxsize=1)
def _identity_table() -> np.ndarray:
    """The identity of every code point (4 MiB): worked out for the BMP, the code point itself above it (emoji)."""
    table = np.arange(0x110000, dtype=np.uint32)
    table[:0x10000] = [_identity(chr(code)) for code in range(0x10000)]
    return table


def _identities(text: str) -> np.ndarray:
    return _identity_table()[np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)]


def _is_edge_mark(char: str) -> bool:
    """Punctuation without identity that may close or open a span: dots, quotes, and marks stuck to them."""
    return char in WITHOUT_IDENTITY or unicodedata.category(char) in ("Cf", "Mn")


def _is_clutter(line: str) -> bool:
    return bool(FURNITURE.match(line) or DATE_LINE.match(line) or URL_LINE.match(line)) or (
        not PERSIAN_WORD_LETTERS.search(line)
    )


def _has_verb(text: str) -> bool:
    words = [text[start:end] for start, end in tokenize(text)]
    return any(tag in VERB_TAGS for tag in tagger().tag(words))


def _label_furniture(line: str) -> int | None:
    """For a line that opens with a label word: None when it is a line of the article; 0 when it is furniture by its
    form (a label and its value, a short label, a caption without a verb); else the length of a label prefix to drop
    from the paragraph it heads («سرویس سیاسی فردا: …»). A label is a few words without a verb: «دبیر شورای عالی
    امنیت ملی گفت: …» is a speaker, not a label."""
    if not LABEL.match(line.replace(ZWNJ, "")):
        return None
    label, colon, value = line.partition(":")
    if colon and len(label.split()) <= LABEL_PREFIX_WORDS and not _has_verb(label):
        if len(value.split()) <= LABEL_VALUE_WORDS:
            return 0
        return len(label) + 1 + len(value) - len(value.lstrip())
    if len(line.split()) > UNPREDICATED_WORDS:
        return None  # too long for a caption: tagging it could only say the same
    return None if _has_verb(line) else 0


def _looks_like_title(line: str) -> bool:
    return 0 < len(line.split()) <= MAX_TITLE_WORDS and not line.endswith((".", "!", "؟", "?", ":"))


def _content_key(line: str) -> bytes:
    identities = _identities(line)
    return identities[identities > 0].tobytes()


def _lines(text: str) -> list[tuple[int, str]]:
    """Non-blank lines with their offsets, stripped of surrounding spaces."""
    lines, position = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lines.append((position + len(line) - len(line.lstrip()), stripped))
        position += len(line) + 1
    return lines


def clean(raw: str) -> CleanText:
    """Normalize, then drop furniture lines and label prefixes, the repeated title and everything after an
    end-of-article mark."""
    normalized = normalize(raw)
    kept: list[tuple[int, str]] = []
    for start, line in _lines(normalized):
        bare = line.replace(ZWNJ, "")  # clutter patterns match with or without half-spaces
        if END_OF_ARTICLE.match(bare):
            break
        if _is_clutter(bare):
            continue
        prefix = _label_furniture(line)
        if prefix is None:
            kept.append((start, line))
        elif prefix:
            kept.append((start + prefix, line[prefix:]))
    title = None
    if len(kept) > 1 and _looks_like_title(kept[0][1]):
        title_key = _content_key(kept[0][1])
        rest_keys = [_content_key(line) for _, line in kept[1:]]
        if title_key and title_key in b"".join(rest_keys):
            title = kept[0][1]
            kept = [line for line, key in zip(kept[1:], rest_keys) if key != title_key]

    line_starts, position = [], 0
    for start, line in kept:
        line_starts.append((position, start))
        position += len(line) + 1
    return CleanText(
        raw=raw,
        text="\n".join(line for _, line in kept),
        title=title,
        normalized=normalized,
        line_starts=tuple(line_starts),
        alignment=Alignment.between(raw, normalized),
    )

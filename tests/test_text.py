"""Normalization, clutter stripping and sentence splitting on real scraped articles."""

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from kholase.text import lexicon
from kholase.text.clean import clean, normalize
from kholase.text.sentences import split_sentences, word_form

CLUTTER = ("کد خبر", "تاریخ انتشار", "انتهای پیام", "نظر شما", "پربیننده", "آخرین اخبار")


def test_arabic_letters_and_digits_become_persian():
    assert normalize("شرايط اقتصادي كشور 160 نفر") == "شرایط اقتصادی کشور ۱۶۰ نفر"


@pytest.mark.parametrize(
    ("scraped", "spaced"), [("کمکهای", "کمک‌های"), ("برنامههای", "برنامه‌های"), ("همکاریهای", "همکاری‌های")]
)
def test_missing_half_spaces_are_restored(scraped, spaced):
    assert normalize(scraped) == spaced


def test_word_forms_ignore_half_spaces():
    assert word_form("کمکهای") == word_form("کمک‌های") == word_form("کمک")


def test_invisible_marks_are_removed():
    assert normalize("سلام\u200f\u200b دنیا\ufeff") == "سلام دنیا"


def test_a_direction_mark_between_letters_is_a_half_space():
    """fars-news-2-134 writes «سیدروح\u200eالله سلیمانی\u200eفر»: removed, the mark glued the words together."""
    typed = "سیدروح\u200eالله سلیمانی\u200eفر روزبه\u200fروز"
    assert normalize(typed) == "سیدروح\u200cالله سلیمانی\u200cفر روزبه\u200cروز"


def test_a_half_space_after_a_letter_that_never_joins_goes_unless_a_suffix_follows():
    """varzesh3-1-233 writes «اظها‌ر کرد» and «پر‌سپولیس»: the half-space shows nothing, but hid the speech verb
    from every rule. Before «ها» or «ای» it marks where the stem ends, and stays."""
    assert normalize("اظها‌ر کرد پر‌سپولیس") == "اظهار کرد پرسپولیس"
    assert normalize("رفت و آمد‌های دانشجو‌ها") == "رفت و آمد‌های دانشجو‌ها"


def test_donations_article_loses_its_clutter_and_title(donations_text):
    cleaned = clean(donations_text)
    for marker in CLUTTER:
        assert marker not in cleaned.text
    assert cleaned.title.startswith("افزایش قابل‌توجه کمک‌های مردمی")
    assert "۷۹۷۲۸۵" not in cleaned.text and "03December" not in cleaned.text
    # the repeated title sub-head inside the body is gone, the lead sentence quoting it stays
    assert cleaned.text.count("افزایش قابل‌توجه کمک‌های مردمی") == 2


def test_trailing_site_chrome_is_stripped():
    article = "وزیر نفت گفت: تولید نفت ایران ده درصد افزایش یافت.\nبرچسب ها: نفت، تولید\nاشتراک گذاری\nمطالب مرتبط\n"
    assert clean(article).text == "وزیر نفت گفت: تولید نفت ایران ده درصد افزایش یافت."


def test_cleaned_offsets_point_into_the_raw_text(fars_articles):
    for article in fars_articles[:100]:
        raw = article["body"]
        document = split_sentences(clean(raw))
        for sentence in document.sentences:
            start, end = document.clean.raw_span(sentence.start, sentence.end)
            assert 0 <= start < end <= len(raw)
            # the raw span normalizes back to the sentence (Arabic yeh/kaf, digits, spacing aside)
            assert normalize(raw[start:end]).replace("\u200c", "").replace(" ", "") == sentence.text.replace(
                "\u200c", ""
            ).replace(" ", "")


def test_a_long_article_whose_letters_normalization_changed_aligns_in_linear_time(fars_articles):
    """hazm drops the tripled letter, so the letters differ; aligning all 70,000 of them at once took a minute."""
    first = "وی گفت: ما سرانجام تصمیممم خود را گرفتیم."
    raw = first + "\n" + "\n".join(article["body"] for article in fars_articles[:40])
    started = time.process_time()
    document = split_sentences(clean(raw))
    assert time.process_time() - started < 5
    assert "تصمیم خود" in document.sentences[0].text
    start, end = document.clean.raw_span(document.sentences[0].start, document.sentences[0].end)
    assert raw[start:end] == first


def test_title_lines_without_full_stop_are_their_own_sentences():
    text = "عنوان فرعی بدون نقطه پایانی\nمتن اصلی خبر در اینجا آمده است. جمله دوم خبر هم اینجاست."
    document = split_sentences(clean(text))
    assert [s.text for s in document.sentences] == [
        "عنوان فرعی بدون نقطه پایانی",
        "متن اصلی خبر در اینجا آمده است.",
        "جمله دوم خبر هم اینجاست.",
    ]


def test_a_web_address_is_never_a_sentence_end(fars_articles):
    """Normalizing spaces «WWW.IIFUT.COM» as «WWW. IIFUT. COM»; split there, it gave the headline «IIFUT. COM
    مراجعه کنند»."""
    body = next(a for a in fars_articles if a["id"] == "fars-news-1-049")["body"]
    texts = [s.text for s in split_sentences(clean(body)).sentences]
    assert any("WWW. IIFUT. COM مراجعه کنند." in text for text in texts), texts
    assert not any(text.startswith("IIFUT") for text in texts)


def test_a_shared_table_is_built_once_however_many_first_callers_race_for_it():
    builds = []

    @lexicon.built_once
    def table() -> object:
        time.sleep(0.05)
        builds.append(1)
        return object()

    with ThreadPoolExecutor(8) as pool:
        tables = list(pool.map(lambda _: table(), range(8)))
    assert len(builds) == 1 and all(built is tables[0] for built in tables)


GUARD_AFTER_LOAD = """
import hazm
from kholase.abstractive import guard
guard.load()
def forbidden(*args, **kwargs):
    raise AssertionError("a hazm table was built after load()")
for name in ("Normalizer", "Stemmer", "Lemmatizer", "words_list", "stopwords_list"):
    setattr(hazm, name, forbidden)
assert guard.unsupported_facts("ترامپ ۱۲ نفر را دید", "رئیس جمهور آمریکا سه نفر را دید") == ["12", "ترامپ"]
"""


@pytest.mark.slow
def test_the_made_up_facts_guard_builds_nothing_of_its_own_once_loaded():
    """It shares the text room's hazm objects; before, its first call built its own (3.1 s, +249 MiB) per cold
    concurrent request. A fresh process, so that no other test has built them already."""
    run = subprocess.run([sys.executable, "-c", GUARD_AFTER_LOAD], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr


def test_sentence_splitting_is_linear_in_the_text():
    """A letter and 99,999 full stops: each glued fragment used to be tokenized again from its start (37 s here)."""
    text = "س" + "." * 99_999
    started = time.process_time()
    document = split_sentences(clean(text))
    assert time.process_time() - started < 5
    assert len(document.sentences) == 1 and document.sentences[0].text.startswith("س")


def test_text_without_a_persian_letter_is_refused_however_arabic_its_signs():
    """«٪», digits, «،» and the tatweel are of the Arabic block but are not letters."""
    from kholase.text.clean import has_persian

    assert not any(has_persian(text) for text in ("٪", "۱۴۰۳", "،؟", "ـ", "٪ ۱۲ ، ؟"))
    assert all(has_persian(text) for text in ("خبر", "كمك", "ﻻ"))

"""Attribution frames, speakers and key claims."""

import time

import numpy as np
import pytest

from kholase.extractive.attribution import TRAILING_SPEECH, _ends_in_speech_verb, attribute
from kholase.extractive.claims import SpeakerBook, extract_claims
from kholase.extractive.textrank import TextRank
from kholase.text.clean import clean
from kholase.text.sentences import split_sentences


@pytest.mark.parametrize(
    ("sentence", "speaker", "statement"),
    [
        ("«بختیاری» گفت: افزایش کمک‌های مردمی امری ارزشمند است.", "بختیاری", "افزایش کمک‌های مردمی امری ارزشمند است"),
        (
            "به گزارش خبرنگار فارس، وزیر نفت امروز در جمع خبرنگاران گفت: تولید نفت ۱۰ درصد افزایش یافت.",
            "وزیر نفت",
            "تولید نفت ۱۰ درصد افزایش یافت",
        ),
        ("به گفته رئیس پلیس، ۱۶۷ نفر دستگیر شدند.", "رئیس پلیس", "۱۶۷ نفر دستگیر شدند"),
        ("وی بیان داشت: این جشن در ایام نوروز برگزار می‌شود.", "وی", "این جشن در ایام نوروز برگزار می‌شود"),
        ("بختیاری از شکل‌گیری مراکز نیکوکاری خبر داد.", "بختیاری", "شکل‌گیری مراکز نیکوکاری"),
        ("امام جمعه تبریز تأکید کرد: مشارکت مردم کاهش نیافته است.", "امام جمعه تبریز", "مشارکت مردم کاهش نیافته است"),
        (
            "شایان ذکر است هفته گذشته آیت‌الله جوادی آملی در نامه‌ای نوشت: بنده معذورم.",
            "آیت‌الله جوادی آملی",
            "بنده معذورم",
        ),
        ("این دیدار گامی مؤثر در راستای همکاری‌ها بود.", None, "این دیدار گامی مؤثر در راستای همکاری‌ها بود"),
    ],
)
def test_attribution(sentence, speaker, statement):
    attribution = attribute(sentence)
    assert attribution.speaker == speaker
    assert sentence[attribution.statement_start : attribution.statement_end] == statement


@pytest.mark.parametrize(
    "text",
    [
        "وزیر نفت در جمع خبرنگاران این موضوع را اعلام کرد.",
        "وزیر نفت این موضوع را خاطرنشان نموده است .\n",
        "مدیرکل بهزیستی استان " + "با اشاره به برنامه‌های سال آینده " * 5 + "خواستار حمایت بیشتر خیرین شد.",
        "این موضوع اعلام کرد. ",
        "گفت",
        "جلسه امروز در تهران برگزار شد.",
    ],
)
def test_trailing_speech_verb_is_found_by_looking_at_the_end_only(text):
    assert _ends_in_speech_verb(text) == (TRAILING_SPEECH.search(text) is not None)


def claims_of(text: str, count: int = 5):
    document = split_sentences(clean(text))
    return document, extract_claims(document, TextRank().rank(document).scores, count)


def test_pronoun_and_office_resolve_to_the_named_speaker():
    text = (
        "«سید مرتضی بختیاری» رئیس کمیته امداد کشور به زنجان سفر کرد و با استاندار دیدار کرد.\n"
        "رئیس کمیته امداد کشور گفت: کمک‌های مردمی امسال سی درصد بیشتر از پارسال شده است.\n"
        "وی افزود: مراکز نیکوکاری تازه در همه شهرهای استان زنجان باز می‌شوند."
    )
    document, claims = claims_of(text)
    speakers = {document.text[c.start : c.end].split()[0]: c.speaker for c in claims}
    assert speakers["کمک‌های"] == "سید مرتضی بختیاری"
    assert speakers["مراکز"] == "سید مرتضی بختیاری"


def test_restatements_are_not_repeated(donations_text):
    document, claims = claims_of(donations_text, count=10)
    rise = [c for c in claims if document.text[c.start : c.end].startswith("افزایش قابل‌توجه کمک‌های مردمی")]
    assert len(rise) == 1


def test_claims_are_in_document_order_with_scores(fars_articles):
    for article in fars_articles[:60]:
        _, claims = claims_of(article["body"])
        assert [c.start for c in claims] == sorted(c.start for c in claims)
        assert all(0 < c.score <= 1 for c in claims)
        assert not claims or max(c.score for c in claims) == 1.0


def test_a_text_naming_thousands_of_speakers_costs_time_in_proportion_to_its_length():
    """Every speaker used to be compared with every name and office met before it (2.2 s for 4,000 here)."""
    text = "".join(f"«نفر{number}» گفت: کمک‌های مردمی در سال جاری افزایش یافت.\n" for number in range(10_000))
    document = split_sentences(clean(text))
    started = time.process_time()
    claims = extract_claims(document, np.ones(len(document.sentences)), 5)
    assert time.process_time() - started < 5
    assert claims and all(claim.speaker and claim.speaker.startswith("نفر") for claim in claims)


def test_guillemets_around_nothing_name_no_office_holder():
    """«   » before an office once gave that office an empty name, and the surname search then failed on it."""
    book = SpeakerBook("«   » رئیس کمیته امداد استان")
    assert book.resolve("رئیس کمیته امداد", False) == "رئیس کمیته امداد"
    assert book.resolve("علی رضایی", False) == "علی رضایی"

"""Headlines an editor would publish: one of the newsroom's three forms, never a fragment, faithful to the article."""

import json
import re
from functools import cache

import pytest

from kholase.extractive.attribution import attribute, stated_in_the_frame
from kholase.extractive.headline import DANGLING, OPEN_TAGS, SPEECH_ENDING, candidates, lead_statement, well_formed
from kholase.extractive.headline_model import LONGEST, HeadlineRanker
from kholase.summarizer import InputError, Summarizer
from kholase.text.clean import normalize
from kholase.text.sentences import words
from kholase.text.tagger import tagged
from tests.support import DATA

HEADLINES = HeadlineRanker.load()
FILES = ("fars_news_dev", "varzesh3_dev")
FRAME = re.compile(  # «به گزارش‌های …» is reports, not the agency's frame
    r"(?:گفت|افزود|اظهار\s?(?:کرد|داشت)|تصریح\s?کرد|خاطرنشان\s?کرد)\s*:|به\s+«?\s*گزارش(?![\u200c\w])|خبرگزاری|به\s+نقل\s+از"
)


def test_the_title_line_stays_the_headline(donations_text):
    assert Summarizer().summarize(donations_text).headline == "افزایش قابل‌توجه کمک‌های مردمی به رغم شرایط اقتصادی"


def test_without_its_title_line_the_donations_headline_states_the_rise_in_donations(donations_text):
    body = "\n".join(donations_text.split("\n")[1:])
    headline = Summarizer().summarize(body).headline
    assert "افزایش" in headline and "کمک‌های مردمی" in headline
    assert well_formed(headline) and tagged(headline)[-1].tag in ("VERB", "AUX")


def test_every_candidate_is_well_formed_and_made_of_the_articles_words(fars_articles, varzesh3_articles):
    summarizer = Summarizer()
    for article in fars_articles[:40] + varzesh3_articles[:40]:
        document = summarizer.prepare(article["body"])
        for candidate in candidates(list(document.sentences), 14):
            assert well_formed(candidate.text), candidate
            assert len(candidate.words) <= 14
            assert set(words(candidate.text)) <= set(words(document.text)), candidate


def test_a_quoted_headline_names_who_said_it(fars_articles, varzesh3_articles):
    """«Speaker: statement»: the speaker is named in the frame of the sentence the statement comes from."""
    summarizer, quotes = Summarizer(), 0
    for article in fars_articles[:60] + varzesh3_articles[:60]:
        document = summarizer.prepare(article["body"])
        for candidate in candidates(list(document.sentences), 14):
            if candidate.form == "quote":
                quotes += 1
                speaker, statement = candidate.text.split(": ", 1)
                sentence = document.sentences[candidate.sentence]
                said = sentence.text[: sentence.text.find(" ".join(statement.split()[:3]))]
                # named in the sentence's frame, or earlier in the article when the frame says «وی»
                assert speaker in said or speaker in document.text[: sentence.start], candidate
    assert quotes >= 10


def test_speech_frames_fragments_and_pronouns_are_refused():
    assert not well_formed("حوزه علمیه قم اظهار کرد: حوزه علمیه در این سال‌ها به اتکاء مردم")
    assert not well_formed("گل زده بهترین گلزن تاریخ مسابقات جام ملت‌های")
    assert not well_formed("مسئولان باشگاه تراکتورسازی به دنبال")
    assert not well_formed("سرپرست این تیم اعلام کرد")
    assert not well_formed("وی از افزایش قیمت‌ها خبر داد")
    assert not well_formed("به گزارش خبرگزاری فارس جلسه برگزار شد")
    assert not well_formed("هرچند اسپارتاک مسکو سرگروه این گروه است")  # a subordinate clause, its main clause left out
    assert not well_formed("احسانی: اگر چنین تغییراتی انجام شود")
    assert not well_formed("با این وصف می‌توان انتظار داشت")
    assert not well_formed("به ویژه اینکه این خطرات از کشورهای گوناگون ساطع می‌شوند")
    # a noun and its relative clause, whose own comma or governed verb is not the main clause's
    assert not well_formed("جوانانی بسیجی که هر روز عصر به عشق چند مادر شهید، خانه به خانه می‌روند")
    assert not well_formed("ماریو گومز که بار دیگر توانست اعتماد لوو را جلب کرده و به مانشافت دعوت شود")
    assert not well_formed("خطبه ششم در آن هنگام که از امیرالمؤمنان خواستند که طلحه و زبیر را تعقیب نکند")
    assert not well_formed("حضرت علی دربارۀ آگاهی و مظلومیت خود اینگونه می‌فرمایند")  # what they said follows
    assert not well_formed("متن کامل این پیام به این شرح است")
    assert well_formed("گروزدانوسکی: خیلی خوشحالم که به فینال راه یافتیم")  # the speaker's predicate and its «که»
    assert well_formed("رزمایش مشترک اطلاعاتی تاجیکستان و ازبکستان برگزار شد")
    assert well_formed("افجه‌ای: پیشنهادات رحمتی تحمیلی بود")
    assert well_formed("یحیی گل‌محمدی نفرات تیمش برای بازی با گسترش فولاد تبریز را اعلام کرد")  # names what was said


def test_numbers_keep_their_units_and_negation_stays(fars_articles):
    """A kept number is followed by the word that follows it in the source; a negated verb is never made positive."""
    summarizer = Summarizer()
    for article in fars_articles[:80]:
        document = summarizer.prepare(article["body"])
        source = re.sub(r"\([^)]*\)", " ", document.text).split()  # parentheses are left out whole
        following: dict[str, set[str]] = {}
        for i, word in enumerate(source[:-1]):
            if word.isdigit():
                following.setdefault(word, set()).add(source[i + 1])
        for candidate in candidates(list(document.sentences), 14):
            tokens = candidate.text.split()
            for i, word in enumerate(tokens[:-1]):
                if word.isdigit() and word in following:
                    assert tokens[i + 1] in following[word], candidate
            verb = tokens[-1]
            if not verb.startswith("ن"):
                assert f"ن{verb}" not in document.sentences[candidate.sentence].text.split() or verb in source


@pytest.mark.parametrize(
    ("article_id", "kept"),
    [("fars-news-2-131", "بیش از ۳۵۵ هزار"), ("varzesh3-1-159", "بیش از ۳۰۰ گل"), ("varzesh3-3-172", "پیش از آغاز")],
)
def test_a_dropped_phrase_never_takes_the_word_its_az_completes(fars_articles, varzesh3_articles, article_id, kept):
    """«در سال گذشته بیش از ۳۵۵ هزار …» once lost «در سال گذشته بیش», leaving «از ۳۵۵ هزار …»: no quantifier dropped."""
    summarizer = Summarizer()
    article = next(a for a in fars_articles + varzesh3_articles if a["id"] == article_id)
    document = summarizer.prepare(article["body"])
    completed = kept.split(maxsplit=1)[1]  # «از ۳۵۵ هزار» without its «بیش»
    for candidate in candidates(list(document.sentences), LONGEST):
        assert completed not in candidate.text.replace(kept, ""), candidate.text


def test_someones_words_as_a_last_resort_carry_who_said_them(fars_articles, varzesh3_articles):
    """When every opening sentence is someone's words, the headline names the speaker of the frame right before them:
    «… مانوئل نویر نیز … گفت: «هفته‌های خوبی …»» is Neuer's, not Heynckes' whose frame opens the sentence. «گفت و گو»
    is a conversation, never the frame the statement follows, and a time word is never a speaker."""
    summarizer = Summarizer()
    articles = {a["id"]: a for a in fars_articles + varzesh3_articles}
    assert summarizer.summarize(articles["varzesh3-3-087"]["body"]).headline.startswith("نویر: هفته‌های خوبی")
    assert summarizer.summarize(articles["fars-news-3-224"]["body"]).headline.startswith("صادقیان: ")
    headline = summarizer.summarize(articles["varzesh3-2-387"]["body"]).headline
    assert not headline.startswith("و گو"), headline
    assert summarizer.summarize(articles["varzesh3-2-173"]["body"]).headline.startswith("ایراندوست: ")
    # statements that open on «ایشان» name their speaker too, and come last
    assert summarizer.summarize(articles["fars-news-1-079"]["body"]).headline.startswith("عسکراولادی: ")
    assert summarizer.summarize(articles["fars-news-1-228"]["body"]).headline.startswith("نظری: ")
    assert not summarizer.summarize(articles["fars-news-1-255"]["body"]).headline.startswith("ایشان")
    # «داوید کونارسکی»: a name the tagger took a verb into is still a name
    assert summarizer.summarize(articles["fars-news-2-071"]["body"]).headline.startswith("کونارسکی: ")


def test_a_leading_adjunct_with_a_relative_clause_goes_whole_and_nothing_after_it(fars_articles):
    """«در نظام … ایران که … تأسیس یافته است، امر به معروف …»: left out, the adjunct ends at its comma; it once took
    the subject's «امر» with it («به معروف و نهی از منکر …»)."""
    document = Summarizer().prepare(next(a for a in fars_articles if a["id"] == "fars-news-2-024")["body"])
    found = [c.text for c in candidates(list(document.sentences), LONGEST) if "معروف" in c.text and not c.sentence]
    assert found and all("امر به معروف" in text for text in found), found


def test_a_paired_preverb_keeps_its_verb(varzesh3_articles):
    """«… پاس را بین خود رد و بدل کرده‌اند»: the tagger reads «رد» as a finite verb; the clause goes on to its own."""
    document = Summarizer().prepare(next(a for a in varzesh3_articles if a["id"] == "varzesh3-1-478")["body"])
    passes = [c.text for c in candidates(list(document.sentences), LONGEST) if "پاس را" in c.text]
    assert passes and all(text.endswith("رد و بدل کرده‌اند") for text in passes), passes


@pytest.mark.parametrize(
    ("article_id", "names"),
    [("fars-news-2-102", ["لبنان", "کیامرثی", "سادات", "پربالی"]),
     ("varzesh3-2-302", ["حسن یزدانی", "پرویز هادی", "علیرضا کریمی"]),
     ("fars-news-2-187", ["آبادان", "مشهد", "تهران", "تبریز"])],
)
def test_no_candidate_drops_an_item_of_a_list_of_names(fars_articles, varzesh3_articles, article_id, names):
    """«محله‌های لبنان، کیامرثی، سادات» once lost «کیامرثی» as if it were a title after a name: a list that
    loses a member states another fact."""
    document = Summarizer().prepare(next(a for a in fars_articles + varzesh3_articles if a["id"] == article_id)["body"])
    found = candidates(list(document.sentences), LONGEST)
    listing = [c.text for c in found if names[0] in c.text and names[-1] in c.text]
    assert listing and all(name in text for text in listing for name in names), listing


@cache
def headlines(name: str) -> list[str]:
    summarizer, found = Summarizer(), []
    with open(DATA / f"{name}.jsonl", encoding="utf-8") as handle:
        for line in handle:
            try:
                found.append(summarizer.summarize(json.loads(line)["body"]).headline)
            except InputError:
                continue
    return found


@pytest.mark.slow
@pytest.mark.parametrize("name", FILES)
def test_no_dev_headline_ends_open_or_carries_a_frame(name):
    for headline in headlines(name):
        spoken = [token for token in tagged(headline) if token.tag != "PUNCT"]
        assert len(spoken) >= 2, headline
        last = spoken[-1]
        assert last.tag not in OPEN_TAGS and last.text not in DANGLING and last.text != "را", headline
        assert not FRAME.search(headline), headline
        assert headline.count("«") == headline.count("»"), headline


@pytest.mark.slow
@pytest.mark.parametrize("name", FILES)
def test_at_least_a_third_of_dev_headlines_are_verb_final_or_quoted(name):
    """Newsroom titles take these forms 59% (fars) and 61% (varzesh3) of the time, by a rough word-list check."""
    found = headlines(name)
    shaped = sum(tagged(headline.rstrip(" .!؟"))[-1].tag in ("VERB", "AUX") or ": " in headline for headline in found)
    assert shaped / len(found) >= 0.35


def test_the_ranker_picks_among_candidates_only(fars_articles):
    summarizer = Summarizer()
    for article in fars_articles[:30]:
        document = summarizer.prepare(article["body"])
        chosen = HEADLINES.headline(document)
        if chosen is not None:
            assert chosen in {c.text for c in candidates(list(document.sentences), LONGEST, document.text)}


def test_a_quote_statement_keeps_its_speaker_and_not_someone_named_inside():
    sentence = normalize("فریدون اصفهانیان در مورد اظهارات علیرضا فغانی گفت: داوران حق ندارند بعد از مسابقه صحبت کنند.")
    assert attribute(sentence).quoted
    document = Summarizer().prepare(sentence + "\n\nاو افزود: این موضوع در آیین‌نامه آمده است.")
    quoted = [c.text for c in candidates(list(document.sentences), 14) if c.form == "quote"]
    assert quoted and all(text.startswith("اصفهانیان: ") for text in quoted)
    assert not SPEECH_ENDING.search(quoted[0])


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("روزنامه کویتی القبس نوشت: ۸۱ درصد از ترک‌ها اظهارات اردوغان را تأیید کردند.", "القبس"),
    ("شبکه اسکای نیوز گزارش داد: یک جوان فلسطینی سه صهیونیست را زیر گرفت.", "اسکای نیوز"),
    ("نور الدین پیرموذن نماینده اردبیل گفت: فراکسیون اقلیت به وزیران رای می‌دهد.", "پیرموذن"),
    # a body is named whole, a club by its name
    ("بانک جهانی اعلام کرد: مراکش مبلغ ۴ میلیارد دلار وام دریافت می‌کند.", "بانک جهانی"),
    ("باشگاه ملوان اعلام کرد: بازیکنان غایب از فهرست تیم کنار گذاشته می‌شوند.", "ملوان"),
    ("حمید حقیقت‌پور نائب رئیس کمیسیون امنیت ملی گفت: امارات مرتکب اشتباه محاسباتی شد.", "حقیقت‌پور"),
    ("فرانسیسکو پریرا ملقب به شیمبا گفت: تیم امسال ما تیم منسجمی است.", "پریرا"),  # a nickname follows the name
    ("به گزارش ایسنا، لمان دراین‌باره گفت: «تیم ملی فوتبالی رویایی را به نمایش می‌گذارد.»", "لمان"),
    ("هاشم بیک‌زاده بعد از برد استقلال گفت: مشکل فوتبال ایران قرارداد بازیکنان نیست.", "بیک‌زاده"),  # «‑زاده»: no verb
    ("رویترز به نقل از سمیر غضبان افزود: شرکت‌های نفتی تولید نفت عراق را افزایش می‌دهند.", "غضبان"),  # who spoke
])
def test_a_quote_headline_titles_an_outlet_by_its_name_and_a_person_by_surname(sentence, speaker):
    """«کویتی القبس:» and «الدین پیرموذن:» were a nationality or half a first name taken for a surname, «جهانی:»
    half a bank's name, «حقیقت‌پور نائب:» a name with half its office."""
    document = Summarizer().prepare(normalize(sentence))
    quoted = [c.text for c in candidates(list(document.sentences), 14) if c.form == "quote"]
    assert quoted and all(text.startswith(f"{speaker}: ") for text in quoted), quoted


@pytest.mark.parametrize(("article_id", "headline"), [
    ("varzesh3-3-431", "مسعود شجاعی به تبریز برگشت"),
    ("varzesh3-2-123", "رئال مادرید زیر سایه بارسلونا قرار داشته است"),
])
def test_an_adverbial_part_after_the_subject_can_go_with_its_comma(fars_articles, varzesh3_articles, article_id,
                                                                   headline):
    """«مسعود شجاعی پس از یک وقفه کوتاه، به تبریز برگشت»: newsroom titles leave the circumstance out."""
    article = next(a for a in fars_articles + varzesh3_articles if a["id"] == article_id)
    document = Summarizer().prepare(article["body"])
    assert headline in [c.text for c in candidates(list(document.sentences), LONGEST, document.text)]


@pytest.mark.parametrize(("article_id", "headline"), [
    ("varzesh3-3-263", "تیم ملی جوانان در دومین دیدار خود به مصاف تیم ملی جوانان دانمارک رفت"),  # a relative clause
    ("fars-news-3-185", "یحیی گل‌محمدی از بیمارستان مرخص شد"),  # a surname in «‑ی», not an indefinite noun
    ("fars-news-2-050", "مائورو وییرا وزیر خارجه برزیل پس از دیدار و گفت‌وگو با ظریف همتای "
                        "ایرانی خود در نشست خبری حضور یافت"),  # a relative clause closed by a participle and comma
    ("varzesh3-1-193", "منوچهر متکی برای تماشای رقابت‌های جام جهانی کشتی آزاد با سالن ۱۲ هزار نفری آزادی آمد"),
    ("varzesh3-2-237", "ایگور کاسترو با مدیرعامل باشگاه آلومینیوم المهدی هرمزگان به توافق رسید"),  # an office's chain
    ("varzesh3-1-177", "جهانبازی از طرفداران پرسپولیس بابت تصمیم به اخراج دروازه‌بان این تیم عذر خواست"),
    ("varzesh3-2-254", "گزارش‌هایی مبنی بر احتمال جدایی فوق ستاره آرژانتینی یعنی لیونل مسی از این تیم منتشر شده است"),
])
def test_who_someone_is_and_what_they_said_while_acting_can_go(fars_articles, varzesh3_articles, article_id,
                                                               headline):
    """Newsroom titles name the actor and the act: a relative clause that describes the actor, an office after the
    name and «با تاکید بر این نکته که …،» are left out."""
    article = next(a for a in fars_articles + varzesh3_articles if a["id"] == article_id)
    document = Summarizer().prepare(article["body"])
    assert headline in [c.text for c in candidates(list(document.sentences), LONGEST, document.text)]


@pytest.mark.parametrize(("article_id", "kept", "never"), [
    ("varzesh3-1-355", "با درخشش لبران جیمز، فوق ستاره", None),  # the comma opens «لبران جیمز»'s apposition
    ("fars-news-3-266", "با داشتن یک هزار و ۱۰۰ بقعه", None),  # «در این زمینه» points back to it
    ("fars-news-3-129", "همزمان با ثبت", "همزمان وزارت"),  # «همزمان با …» is one opener
    ("varzesh3-1-050", "فوق ستاره", "فوق با"),  # «فوق ستاره» is one title
    ("varzesh3-3-373", "برای حضور در انتخابی", "برای حضور از"),  # «حضور در …» says where
    ("fars-news-3-222", "بیانگر آن است که زمستان", "بیانگر آن است جان"),  # «آن است که …» opens the news
    ("fars-news-3-066", "امروز و فردا", "کشور و فردا"),  # a time word joined by «و» to another stays
    ("varzesh3-3-391", "که هنوز طعم باخت را نچشیده", "جم را نچشیده"),  # «باخت», tagged a verb, ends no clause
    ("fars-news-1-060", "روبن بار دیگر کفش‌هایش را آویخت", "بازگردد"),  # a relative clause runs on through the
    # complement its verb governs («که … تصمیم گرفت به دنیای فوتبال بازگردد،»), and the main clause follows it
    ("fars-news-3-273", "۵ هزار جهیزیه", "مخبر جهت"),  # the office's chain never takes the subject
    ("varzesh3-3-298", "پیشنهاد وسوسه‌انگیز", "ویلیان برای"),  # nor the object
    ("varzesh3-2-169", "تراکتور و سپاهان", "حمودی تراکتور"),  # nor ends at a list's comma
    ("varzesh3-3-422", "حاضر به رد", "لائورنتیس به رد"),  # «حاضر به …» is the predicate
    ("varzesh3-2-131", "آن‌قدر دلخورم که", "دلخورم درست"),  # «آن‌قدر … که» opens a result, not a relative clause
    ("varzesh3-1-050", "با ثبت ۲۲ امتیاز، ۱۹ پاس گل", "کلیولند ۱۹ پاس"),  # a list of figures
    ("varzesh3-1-285", "یک پنالتی از جلال عبدی", "توانست از جلال"),  # a place phrase ends before «یک …»
    ("varzesh3-3-048", "الهلال در بازی رفت", "عبدی: قدرتمند"),  # «به عقیده من تیمی که النصر، …» is no leading part
    ("fars-news-2-145", "فشار‌ها بر ایران", "کاتزمن: بر ایران"),  # a place that opens the clause goes only with its
    ("varzesh3-2-458", "تیم وایله در دیداری", None),  # comma: the subject may follow it unmarked
    ("varzesh3-3-059", "در بخش آقایان، پیشکسوتان", "۹ آذرماه پیشکسوتان"),  # a list's comma ends no phrase
    ("varzesh3-2-114", "خارج از خانه", "البرز از خانه"),  # «خارج از …» is one phrase
    ("fars-news-1-181", "در هیچ زمانی", "دینی بر کسی"),  # a phrase with «هیچ» says how far the statement holds
    ("varzesh3-1-398", "تیم آپوئل نیکوزیا", None),  # the comma after a relative clause about the
    # subject closes no leading part
    ("varzesh3-3-159", "میزبان استقلال تهران", "خوزستان در ورزشگاه"),  # a predicate noun opens no place's phrase
    ("varzesh3-1-465", "حضور پیدا کردند", "گلزار پیدا"),  # only an occasion runs to a light verb's own word
    ("varzesh3-2-419", "تیم ملی روسیه", "مسابقه‌ها تیم"),  # «در این دوره» goes on with its «از», never alone
    ("varzesh3-2-242", "رده سنی زیر ۱۷ سال", None),  # an age group
    ("varzesh3-2-135", "گیلان در ورزشگاه", "تهران دقیقه"),  # «از ساعت ۱۱:۳۰ دقیقه امروز» goes whole
    ("fars-news-3-064", "امر به معروف", "زرینه به معروف"),  # «امر به معروف» is one name
])
def test_a_part_the_clause_needs_stays(fars_articles, varzesh3_articles, article_id, kept, never):
    article = next(a for a in fars_articles + varzesh3_articles if a["id"] == article_id)
    document = Summarizer().prepare(article["body"])
    texts = [c.text for c in candidates(list(document.sentences), LONGEST, document.text)]
    assert any(kept in text for text in texts), texts
    assert never is None or not any(never in text for text in texts), texts


@pytest.mark.parametrize("headline", [
    "صنایع همدان در حالیکه در سالن شهید بهشتی مشهد میهمان تبرک بود",
    "به گفته پسندیده آمار‌ها نشان می‌دهد که شهر کرج آلوده است",
    "شریفی: ، صنعتگران و فعالان گردشگری استان خراسان جنوبی حضور خواهند داشت",
    "روبین فان پرسی را به تیمشان بیاورند",  # a subjunctive clause without what it depends on
    "قمی: بسیج دانشجویی را اگر کسی جدی گرفته باشد",
    "میر تاج‌الدینی: یقین بدانید که در هر کجا باشم",  # a condition without its main clause
    "نامه‌ای که برری وب‌سایت رسمی این ستاره هلندی بازتاب یافته",  # a noun and its relative clause, no verb of its own
    "فراز کمالوند که در فصل اخیر لیگ برتر مقطعی به عنوان مدیرفنی در استقلال بود",
    "پس از اینکه صحبت‌هایی در مورد پیوستن محمود یاوری به تیم فوتبال فجر سپاسی مطرح‌شده بود هیئت‌مدیره این باشگاه "
    "جلسه‌ای برگزار کرد",
    "با این اقدام خود راه را برای جوان تر‌ها باز کرد",  # it points back
    "مهم‌ترین نکته درباره قرارداد جدید این است",  # «… این است» waits for its «که …»
    "پس از این دیدار شاید کسی تصور رقم خوردن دیداری سیاسی‌تر را نمی‌کرد",
    # «بعد از اینکه …» and nothing after it: the subordinate clause's verbs are the last
    "محمدحسن انصاری‌فرد بعد از اینکه با بازیکنان جدید عکس یادگاری گرفت و خروجی‌های پرسپولیس را با تابلو فرش بدرقه کرد",
    "پیروانی: با توجه به اینکه ابومسلم تیم خوبی است و بازیکنان جوانی دارد",
    "ابراهیمی: نمی‌دانم مبنای گفتار جناب درویش چیست و اگر چه تاکنون ایشان را از نزدیک ندیده‌ام",  # a concession
    "گسترش فولاد تبریز اگرچه اولین سال حضورش را در لیگ برتر می‌گذراند",
    # the news is the clause these predicates introduce
    "بعد از انتخاب رونالد کومان به عنوان سرمربی جدید بارسلونا گفته شد",
    "پس از حضور رئیس کمیته در شهر رشت و صحبت با مسئولان ورزشی این استان، مقرر شد",
    "امامی: پس از بحث و بررسی‌های صورت گرفته، نفرات حاضر به این نتیجه رسیدند",
    "اصفهانیان: با توجه به آیین‌نامه‌ای که داریم داوران حق ندارند",
    "اهم عناوین اخبار و رویداد‌های امروز هشتم شهریورماه به شرح ذیل است",  # the list is not there
    "احمد چلبی که به نیویورک رفت، اعلام کرد، ارتش عراق باید به تسلیحات آمریکایی مجهز شود",  # a frame and its comma
    "عمر السوما در گفتگویی تلویزیونی اعلام کرده، بازیکنان این تیم شرایط خوبی نداشته‌اند",
    "دروازه‌بان تیم ملی آلمان در جام جهانی ۲۰۰۶ مدعی است",  # what he claims is left out
    "پس از اینکه دو شرکت نتوانستند پرسپولیس را بخرند به نظر می‌رسد",
    "نمایش سفید برفی درباره عده‌ای است که بعد از به دنیا آمدن متوجه می‌شوند",
    "اراکی: کریمه خدای متعال خبر می‌دهد",  # what it tells is left out
    "معافیت‌ها و امتیازاتی که باید برای ورود جدی بخش خصوصی به ورزش ایجاد شود",  # «باید … شود» is one verb
    "ننگت باد! سر دادند",  # the tail of a slogan after its «!»
])
def test_a_subordinate_clause_or_a_source_frame_is_no_headline(headline):
    assert not well_formed(headline)


@pytest.mark.parametrize("headline", [
    "شاگردان مورینیو با تک گل دقیقه ۶۹ زلاتان ابراهیوویچ موفق شدند حریف خود را شکست دهند",
    "آل‌هاشم: کاندید‌ها برنامه‌های خود را اعلام و خود را معرفی کنند",  # what should be, in someone's words
    "حامد لک به دلیل آسیب‌دیدگی در فهرست مسابقه امروز تیمش حضور ندارد",  # «ندارد» is indicative
    "رونالدو که در سال ۲۰۰۹ از منچستریونایتد به رئال مادرید پیوست، در چند سال اخیر بیش از ۳۰۰ گل برای این تیم به ثمر "
    "رساند",  # the relative clause ends at its comma and the main clause follows
    "احمد آل نعمه به تیم پیکان پیوست که این تیم وضعیت نامعلومی برای حضور در لیگ برتر دارد",
    "سردار آزمون از هماهنگی خود با تیمش ابراز رضایت کرد",  # a feeling voiced, and what it was about
])
def test_a_subjunctive_with_what_it_depends_on_is_a_headline(headline):
    assert well_formed(headline)


@pytest.mark.parametrize("headline", [
    "خانواده توز پس از اینکه متوجه غیبت پدر کارلوس شدند با ۹۱۱ تماس گرفت",
    "بر اساس آئین نامه احکام صادره از سوی رکن‌های قضایی فدراسیون فوتبال بعد از صدور لازم اجراء است حتی اگر به رای "
    "صادره اعتراض زده شود",  # the condition after its main clause
    "اتفاقی که اگر رخ بدهد، مطلوب هواداران پرسپولیس خواهد بود",
])
def test_a_subordinate_clause_with_its_main_clause_is_a_headline(headline):
    assert well_formed(headline)


@pytest.mark.parametrize(("article_id", "speaker"), [
    ("varzesh3-3-129", "حاج صفی"),  # «حاج» inside a name is part of the surname
    ("varzesh3-2-065", "قلعه نویی"),  # a surname written in two: «امیر قلعه نویی» was «نویی»
    ("varzesh3-1-094", "ابوترابی فرد"),
    ("fars-news-2-254", "سعیدی کیا"),
    ("varzesh3-1-269", "آل کثیر"),
    ("varzesh3-1-307", "مورینیو"),  # «مورینیو مکررا …»: the adverb after the name was the speaker
    ("varzesh3-3-347", "آلگری"),  # «فردا آخرین روز … می‌باشد و ماکس آلگری … گفت که …»: the clause before is not his
])
def test_a_quote_headline_names_the_whole_surname(fars_articles, varzesh3_articles, article_id, speaker):
    """Whoever else the article quotes, their quotes are titled with the whole surname, never a part of it."""
    texts = _candidate_texts(fars_articles + varzesh3_articles, article_id)
    labels = {text.split(": ", 1)[0] for text in texts if ": " in text}
    assert speaker in labels and not labels & (set(speaker.split()) - {speaker}), labels


def test_a_list_of_names_is_never_cut_at_its_first_comma(fars_articles, varzesh3_articles):
    """«در پیکار‌های … تیم‌های والنسین، آژاکسیو و رمس به ترتیب مقابل برست، …» once gave «آژاکسیو و رمس به ترتیب
    مقابل برست»: the leading part was cut at the list's comma, and the club «برست», tagged as a verb, ended the
    clause. «براساس این گزارش عربستان، آمریکا، …» once lost «عربستان» the same way: the report's frame goes alone."""
    summarizer = Summarizer()
    articles = {a["id"]: a for a in fars_articles + varzesh3_articles}
    headline = summarizer.summarize(articles["varzesh3-2-362"]["body"]).headline
    assert "والنسین، آژاکسیو و رمس" in headline and headline.endswith("به برتری رسیدند"), headline
    document = summarizer.prepare(articles["fars-news-2-042"]["body"])
    texts = [c.text for c in candidates(list(document.sentences), LONGEST, document.text)]
    assert any(text.startswith("عربستان، آمریکا، روسیه و کویت") for text in texts), texts
    headline = summarizer.summarize(articles["fars-news-2-113"]["body"]).headline  # «… در قالب کتاب، مقاله و …»
    assert not headline.startswith("مقاله و طرح‌های پژوهشی"), headline


def test_the_leads_voice_named_by_surname_alone_is_still_the_leads_voice(fars_articles):
    """«باقری این گزارش را … خواند و اظهار داشت: …», then «وی ادامه داد: …»: «وی» is «باقری», the lead's voice by
    surname, and what he said goes on giving candidates."""
    assert "باقری: گزارش جدید آمانو تکمیل سناریو سازی‌های آمریکا علیه ایران در بحث تروریسم و حقوق بشر است" in \
        _candidate_texts(fars_articles, "fars-news-2-222")


def _candidate_texts(articles: list[dict], article_id: str) -> list[str]:
    article = next(a for a in articles if a["id"] == article_id)
    document = Summarizer().prepare(article["body"])
    return [c.text for c in candidates(list(document.sentences), LONGEST, document.text)]


@pytest.mark.parametrize(("article_id", "headline"), [
    # a concession goes whole, and the first clause takes the «است» both share
    ("fars-news-1-088", "یک اندیشکده آمریکایی گزارشی درباره ۱۶ پایگاه مخفی پیونگ‌یانگ منتشر کرده است"),
    ("varzesh3-2-157", "باشگاه سپاهان از کلمه اخراج برای ویسی استفاده نکرده است"),  # negation stays
    ("varzesh3-1-222", "شاگردان دیوید مویس در فصل جاری لیگ برتر نمایش خوبی نداشته‌اند"),  # a plural subject
    ("varzesh3-2-040", "قایدی: ۵ - ۶ روز بیشتر به شروع بازی‌ها باقی نمانده است"),  # «‑ایم» is the second's own
    ("varzesh3-3-129", "صفی: برای بازپروری روحیه تیمی به کسب یک پیروزی نیاز داشتیم"),  # a simple past, shared subject
    ("fars-news-3-207", "قطعنامه شورای امنیت را محکوم کردند"),
])
def test_the_first_of_two_joined_clauses_takes_their_shared_ending(fars_articles, varzesh3_articles, article_id,
                                                                   headline):
    """«… منتشر کرده و … متهم کرده است»: the first clause reads whole with the ending both share, in the person its
    own subject takes."""
    assert any(text.endswith(headline) for text in _candidate_texts(fars_articles + varzesh3_articles, article_id))


@pytest.mark.parametrize(("article_id", "headline"), [
    ("fars-news-1-297", "غلامیان دهکردی: تسهیلات ویژه به مؤدیان پرداخت‌کننده مطالبات شهرداری شهرکرد اعطا می‌شود"),
    ("varzesh3-1-063", "عسگری: قضاوت ۲ دیدار از هفته نخست لیگ برتر را بر عهده ۲ داور جوان گذاشتیم"),
    ("fars-news-3-288", "امیدی: فروشندگان دام زنده باید در پارکینگ پنجشنبه بازار مستقر شوند"),
])
def test_an_opening_purpose_occasion_or_cause_goes_to_its_comma_however_long(fars_articles, varzesh3_articles,
                                                                             article_id, headline):
    """«به مناسبت گرامیداشت … و تشویق به پرداخت بدهی‌های شهروندان، …» (15 words): like a concession, it names no
    one, so a long one goes whole too."""
    assert headline in _candidate_texts(fars_articles + varzesh3_articles, article_id)


@pytest.mark.parametrize(("article_id", "headline"), [
    ("fars-news-2-143", "استاندار هرمزگان: نام هرمزگان در بسیاری از حوزه‌ها در رده نخست کشور قرار گرفته است"),
    ("varzesh3-1-075", "کارلسون: من مطمئنم که این اتفاق رخ‌داده است"),  # «بله، من مطمئنم …»
])
def test_a_stance_or_filler_opening_someones_words_goes(fars_articles, varzesh3_articles, article_id, headline):
    """«خوشبختانه …», «متاسفانه …», «بله …», «خب …»: the speaker's stance or a spoken filler, which titles drop."""
    texts = _candidate_texts(fars_articles + varzesh3_articles, article_id)
    assert headline in texts and not any(": خوشبختانه" in text or ": بله" in text for text in texts), texts


def test_a_relative_clauses_own_verb_frames_no_statement(fars_articles, varzesh3_articles):
    """«سازمان تیم‌های ملی فدراسیون که پیش از این اسامی … را اعلام کرده بود، …، تغییری در اسامی … داد»: «اعلام کرده
    بود» closes the relative clause, and the organisation said nothing that follows."""
    texts = _candidate_texts(fars_articles + varzesh3_articles, "varzesh3-3-333")
    assert not any(text.startswith("سازمان تیم‌های ملی فدراسیون: ") for text in texts), texts
    texts = _candidate_texts(fars_articles + varzesh3_articles, "varzesh3-2-222")
    assert "دکتر مولایی در تمرینات تراکتورسازی حاضر خواهد شد" in texts, texts


@pytest.mark.parametrize(("article_id", "never"), [
    ("fars-news-1-083", "آرم‌ها آغاز شد"),  # «… آغاز شده و … توزیع خواهد شد»: a future shares no past ending
    ("fars-news-3-256", "مجید واحدی‌زاد"),  # a name that ends like a participle
    ("varzesh3-2-345", "ندانسته است"),  # the «است» ends a clause inside the second («توضیح داد …»)
    ("varzesh3-1-201", "دامن زده است"),  # the «و» joins the verbs of a relative clause
    ("fars-news-1-245", "آغاز شده است"),  # too short to say anything alone
])
def test_no_first_clause_where_the_pair_does_not_share_its_ending(fars_articles, varzesh3_articles, article_id,
                                                                  never):
    assert not any(text.endswith(never) for text in _candidate_texts(fars_articles + varzesh3_articles, article_id))


@pytest.mark.parametrize(("article_id", "dated", "kept"), [
    ("varzesh3-2-248", "روز گذشته", "در تمرین سرخپوشان"),
    ("fars-news-1-036", "صبح امروز", "غیرمجاز در ساحل"),  # with its «در»
    ("fars-news-1-122", "۱۳۹۱", "آمریکا جلسه استماعی"),  # a whole date, year and all
    ("fars-news-1-110", "ایلام ۹۴", "کوثر ایلام در ورزشگاه"),  # a year the tagger took for a noun
    ("varzesh3-2-094", None, "نوبت عصر امروز"),  # the session's own time stays
    ("fars-news-2-047", "دنیای فراتر", "دنیای امروز"),  # an era
    ("varzesh3-2-395", None, "چند روز گذشته"),  # a duration
    ("varzesh3-3-332", None, "هر روز شایعات"),
    ("varzesh3-1-073", "۵۵ دقیقه", "آسیا در ورزشگاه"),  # a time of day, «به وقت تهران» and all
    ("fars-news-2-133", "ظهر امروز", "استان در سینما"),  # «پیش از ظهر امروز»
    ("varzesh3-1-073", None, "دیدار برگشت تیم‌های فوتبال"),
])
def test_a_time_phrase_that_only_dates_the_report_never_stays(fars_articles, varzesh3_articles, article_id, dated,
                                                              kept):
    """Newsroom titles never say «روز گذشته» or «صبح امروز»; a time that belongs to the noun before it, a duration
    and «هر روز» are no date."""
    texts = _candidate_texts(fars_articles + varzesh3_articles, article_id)
    assert any(kept in text for text in texts)
    assert dated is None or not any(dated in text for text in texts)


@pytest.mark.parametrize(("article_id", "event"), [
    ("fars-news-2-294", "اجرای طرح پرورش گوسفند داشتی پربازده"),
    ("fars-news-3-203", "واژگونی مینی‌بوس در اتوبان قزوین کرج"),
])
def test_the_event_a_speech_frame_announces_is_the_headline(fars_articles, article_id, event):
    """«سعیدی … از اجرای طرح … خبر داد و اظهار کرد: در گله‌های گوسفند …»: the frame announces the news, and the
    statement after it explains it."""
    article = next(a for a in fars_articles if a["id"] == article_id)
    assert Summarizer().summarize(article["body"]).headline.startswith(event)


@pytest.mark.parametrize(("article_id", "never"), [
    ("fars-news-2-143", "هرمزگان از حوزه‌ها"),  # «در بسیاری از حوزه‌ها»
    ("varzesh3-1-007", "کهکشانی‌ها از حریف"),  # «برتر از حریف»
    ("fars-news-2-266", "مردم به شیوه‌ای"),  # «تبدیل به …»
])
def test_no_phrase_is_cut_before_the_word_its_preposition_completes(fars_articles, varzesh3_articles, article_id,
                                                                     never):
    assert not any(never in text for text in _candidate_texts(fars_articles + varzesh3_articles, article_id))


def test_a_concession_goes_whole_whatever_its_opener_is_tagged():
    """«علی رغم» is tagged two nouns, «به رغم» a preposition and a noun: either way the concession is no subject."""
    for opener in ("علی رغم", "به رغم"):
        document = Summarizer().prepare(f"{opener} ادامه مذاکرات دو کشور درباره برنامه اتمی، یک اندیشکده آمریکایی "
                                        "گزارشی درباره پایگاه‌های مخفی منتشر کرد.")
        texts = [c.text for c in candidates(list(document.sentences), LONGEST, document.text)]
        assert "یک اندیشکده آمریکایی گزارشی درباره پایگاه‌های مخفی منتشر کرد" in texts, texts


@pytest.mark.parametrize(("article_id", "headline"), [
    ("varzesh3-1-068", "حامد لک در فهرست مسابقه تیمش حضور ندارد"),  # a cause, up to the verb's own phrase
    ("varzesh3-1-264", "ملوانی‌ها به ساوه سفر کردند"),  # a time: an event and its complement
    ("varzesh3-2-175", "مهران عالیقدر با تیم تاسیسات دریایی تهران به توافق رسید"),  # after the office and its season
    ("varzesh3-1-496", "اسپانیا در اولین دیدار خود در جام جهانی با نتیجه پر گل ۵ بر یک برابر هلند شکست خورد"),
    ("fars-news-3-045", "هرایر مگویان مدافع ارمنستانی استقلال به ایران بازگشت"),  # «سرانجام»
    ("varzesh3-2-071", "بارسا با شکست ۲ - ۱ از والنسیا از کسب عنوان قهرمانی کوپا دل ری باز ماند"),  # a preverb «باز»
    ("varzesh3-1-408", "ماشین‌سازی تبریز رسول خطیبی را به‌عنوان سرمربی جدید تیم خود انتخاب کرد"),  # the club alone
])
def test_a_circumstance_with_no_comma_to_close_it_can_go(fars_articles, varzesh3_articles, article_id, headline):
    """«حامد لک به دلیل آسیب‌دیدگی در فهرست …», «اسپانیا در حالی … شکست خورد که …», «… سرانجام به ایران بازگشت»:
    newsroom titles leave out why, after what and «در حالی»; where the part ends must be clear."""
    assert headline in _candidate_texts(fars_articles + varzesh3_articles, article_id)


@pytest.mark.parametrize(("article_id", "never"), [
    ("varzesh3-2-135", "پرسپولیس با داماش"),  # «قبل از رویارویی با داماش …»: the event takes its «با»
    ("varzesh3-1-097", "پرسپولیس به کشور عمان"),  # «پیش از سفر این تیم به …»
    ("varzesh3-2-375", "پدیده در هفته چهاردهم"),  # «بعد از فتح دربی مشهد در هفته …»: the time's «در» may be its own
    ("fars-news-1-147", "آمریکایی در جاده"),  # «پس از انفجار در جاده …»
    ("varzesh3-2-372", "مسی به همراهی"),  # «به علت مصدومیت قادر به …»: «قادر به» is the predicate
    ("varzesh3-1-354", "پرسپولیس با الکساندر"),  # «در آستانه توافق» is the predicate, no place
    ("varzesh3-1-054", "موضوع به دو هفته"),  # «نزدیک به دو هفته»
    ("varzesh3-3-199", "حاتمی به اردوی"),  # a concession («با وجود محرومیت») may be the news
    ("varzesh3-2-141", "آسیا از قاره"),  # an occasion's «از»: «با حضور ۴۳ ورزشکار از قاره …»
    ("fars-news-3-198", "پاییز به سفر"),  # «در کل کشور ۴۴ میلیون … نفر»: a place's «و» or number may go on to the
    ("varzesh3-2-409", "سرخابی در دادگاه"),  # subject («در تهران و حکم بیست سال زندان او …»)
    ("fars-news-2-167", "نگهبان از ارزش‌های"),  # «در تمام صحنه‌های انقلاب و دفاع از …»
    ("varzesh3-2-275", "گرفتن جای"),  # «قرار گرفتن در رده نهم»: the infinitive's own place
    ("fars-news-3-255", "سرچشمه به کار"),  # «در سال ۷۶ آغاز به کار کرد»: a number may end the place
    ("varzesh3-3-217", "استقلال از دو تیم"),  # «در جام حذفی ۴ بازیکن از دو تیم …»: and open the subject
    ("varzesh3-2-340", "موفق شد در لیگ برتر را"),  # «در جام حذفی انگلیس شکست …»: a place never takes the object
    ("varzesh3-1-494", "نفت با بازیکنان"),  # «در صحبت‌هایی با …»: the noun takes its «با»
    ("varzesh3-3-378", "استقلال از دست دادن"),  # «در غم از دست دادن …»
    ("varzesh3-2-077", "آلمانی قبل"),  # «در رقابت‌های فصل قبل …»: «قبل» after a season is no preposition
    ("varzesh3-1-052", "ایران داوران"),  # «در پی …، داور بین‌المللی …»: the comma opens an apposition
    ("fars-news-3-260", "دایی با ۲۰"),  # an office never runs into «کاروان این تیم»
    ("fars-news-3-019", "ابتکار معاون سخنرانی"),  # «معاون رئیس‌جمهور …» is one office
    ("varzesh3-2-218", "مقطع به روزهای"),  # «یک مقطع که …»: the clause says which, and stays
    ("varzesh3-2-066", "همانطور با"),  # «همانطور که …،» goes whole
    ("varzesh3-1-186", "چین حریف بانک"),  # «این رقابت‌ها» points back to the tournament the place names
    ("fars-news-2-054", "کامرون درباره"),  # and «این کشور» to the country of «نخست‌وزیر انگلستان»
    ("varzesh3-1-020", "حاجیلو در دهه"),  # «بازیکن قدیمی استقلالی‌ها در دهه ۵۰ و ۶۰»: the era is the office's
    ("fars-news-3-250", "ابتکار: فقدان"),  # «از مهم‌ترین معضلات تهران، …»: a predicate put first, not an adjunct
])
def test_a_circumstance_stays_where_its_end_is_not_clear(fars_articles, varzesh3_articles, article_id, never):
    assert not any(never in text for text in _candidate_texts(fars_articles + varzesh3_articles, article_id))


@pytest.mark.parametrize(("article_id", "never"), [
    ("fars-news-1-075", "موضوعی است"),  # an indefinite predicate keeps the clause that says which
    ("fars-news-3-235", "کشته شد"),  # «… را که … کشته شد»: the relative clause about the object is no main clause
])
def test_no_headline_stops_before_the_clause_it_needs(fars_articles, varzesh3_articles, article_id, never):
    assert not any(text.endswith(never) for text in _candidate_texts(fars_articles + varzesh3_articles, article_id))


def test_a_left_out_part_leaves_no_stray_comma(varzesh3_articles):
    """«تیم تراکتورسازی که صبح روز یکشنبه، ایران را … ترک کرده بود، ساعت ۱۹:۳۰ …، وارد ریاض شد»: the dates go and
    their commas with them."""
    texts = _candidate_texts(varzesh3_articles, "varzesh3-3-357")
    assert "تیم تراکتورسازی که ایران را به مقصد کشور عربستان ترک کرده بود، وارد ریاض شد" in texts, texts
    assert not any("،،" in text or "که،" in text for text in texts), texts


@pytest.mark.parametrize(("article_id", "never", "kept"), [
    ("varzesh3-1-026", "یکی از بازیکنانی است", "یکی از بازیکنانی است که"),  # the plural's relative clause says which
    ("varzesh3-1-115", "باعث شد", "باعث شد که"),  # «باعث شد» waits for what it caused
    ("varzesh3-3-098", "اولویت دانستیم", "اولویت دانستیم که"),
])
def test_a_predicate_waiting_for_its_clause_keeps_it(fars_articles, varzesh3_articles, article_id, never, kept):
    texts = _candidate_texts(fars_articles + varzesh3_articles, article_id)
    assert texts and not any(text.endswith(never) for text in texts), texts
    assert any(kept in text for text in texts), texts


def test_an_aside_goes_with_its_that(fars_articles):
    """«گفتنی است که فیلم … ساخته می‌شود»: the aside and its «که» go, the statement stays."""
    assert "فیلم رفقای خوب به شیوه ویدئویی ساخته می‌شود" in _candidate_texts(fars_articles, "fars-news-3-079")


@pytest.mark.parametrize(("article_id", "headline"), [
    ("varzesh3-1-090", "دیدار دوستانه تیم‌های آلومینیوم اراک و استقلال برگزار شد"),  # a stadium and its crowd
    ("fars-news-3-150", "بیست‌وهفتمین دوره مسابقات قرآن کریم آغاز به کار کرد"),  # who came, where, how long
    ("fars-news-1-139", "کمیته تعیین محتوای آموزشی مهد‌های کودک برگزار شد"),
    ("fars-news-1-294", "محمدمهدی طهرانچی رئیس دانشگاه آزاد عنایت‌اله ملکی‌تبار را با حفظ سمت به عنوان مشاور سرپرست "
                        "مرکز گزینش این دانشگاه منصوب کرد"),  # «طی حکمی»
    ("fars-news-2-004", "مصطفی پناهنده به عنوان سرپرست جدید اداره‌کل راهداری و حمل و نقل جاده‌ای استان همدان منصوب شد"),
])
def test_a_past_events_setting_and_the_act_it_was_announced_by_can_go(fars_articles, varzesh3_articles, article_id,
                                                                      headline):
    """«دیدار … در ورزشگاه … و در حضور … تماشاگر برگزار شد», «طی مراسمی … منصوب شد»: newsroom titles
    keep the event and leave out where, with whom and by what act."""
    assert headline in _candidate_texts(fars_articles + varzesh3_articles, article_id)


@pytest.mark.parametrize(("article_id", "never"), [
    ("varzesh3-3-419", "فینال رقابت‌های جی‌لیگ کاپ برگزار شد"),  # «… میان تیم‌های …»: who played stays
    ("varzesh3-2-091", "استرالیا و عراق به پایان رسید"),  # «با برتری ۲ بر یک استرالیا» is the news
    ("fars-news-3-255", "سرچشمه آغاز به کار کرد"),  # «در سال ۷۶»: a dated event is another event
    ("varzesh3-3-377", "لیگ‌های مختلف ووشو برگزار شده بود"),  # «تا پایان مرحله گروهی»: how far it went
    ("varzesh3-3-265", "جام حذفی برگزار خواهد شد"),  # a coming event's dates are its news
    ("fars-news-2-296", "۷۹ پروژه افتتاح است"),  # «قابل افتتاح است» is no event's predicate
    ("varzesh3-3-257", "لیگ را به پایان رساندیم"),  # «به پایان رساندن» has an object: «در رده سوم» is the news
    ("fars-news-2-248", "این هفته نمایندگان مجلس"),  # «طی جلسه‌ای مشترک نمایندگان …»: the meeting's members
    ("varzesh3-1-435", "یکشنبه حساس"),  # «در دیداری حساس»: the adjective goes on the phrase
])
def test_an_events_setting_stays_where_it_carries_the_news(fars_articles, varzesh3_articles, article_id, never):
    assert not any(never in text for text in _candidate_texts(fars_articles + varzesh3_articles, article_id))


def test_a_first_clause_too_short_to_say_anything_takes_the_clause_joined_to_it():
    """varzesh3-2-210: «کریمی: بازی خوبی بود» says nothing; with the clause «و» joins to it, it does."""
    document = Summarizer().prepare(
        "یعقوب کریمی پس از پیروزی سپاهان اظهار داشت: بازی خوبی بود و خوشحالم در این دیدار به پیروزی رسیدیم، امیدوارم "
        "در ادامه هم بتوانیم نتایج لازم را کسب کنیم.")
    texts = [c.text for c in candidates(list(document.sentences), 14)]
    assert "کریمی: بازی خوبی بود و خوشحالم به پیروزی رسیدیم" in texts, texts


def test_this_occasion_goes_before_the_verbs_own_word_unless_that_word_takes_it():
    """«کفاشیان صحبت‌های شفافی در این جلسه مطرح کرد»: «در این جلسه» points to a meeting the headline never names,
    and can go; «در این جلسه حضور داشت» says where he was, and stays."""
    document = Summarizer().prepare("کی‌روش گفت: کفاشیان صحبت‌های شفافی در این جلسه مطرح کرد.")
    texts = [c.text for c in candidates(list(document.sentences), 14)]
    assert "کی‌روش: کفاشیان صحبت‌های شفافی مطرح کرد" in texts, texts
    document = Summarizer().prepare("وزیر ورزش و جوانان در این جلسه حضور داشت.")
    assert "وزیر ورزش و جوانان حضور داشت" not in [c.text for c in candidates(list(document.sentences), 14)]


def test_a_section_label_before_its_semicolon_goes():
    """«شیرجه و واترپلو؛ هفته ششم …»: the newsroom's section, not news."""
    document = Summarizer().prepare("شیرجه و واترپلو؛ هفته ششم لیگ برتر واترپلو امروز با تقابل سایپا و اصفهان آغاز شد.")
    texts = [c.text for c in candidates(list(document.sentences), 14)]
    assert texts and all(not text.startswith("شیرجه") for text in texts), texts


@pytest.mark.parametrize(("article_id", "never", "headline"), [
    ("fars-news-1-113", "- ", "واجپایی پیشنهاد پاکستان جهت نابودسازی سلاح‌های هسته‌ای را رد کرد"),  # a roundup's item
    ("varzesh3-2-296", "*", "کافو نام ایران را از گوی در آورد"),
])
def test_the_last_resort_headline_starts_after_a_list_mark(fars_articles, varzesh3_articles, article_id, never,
                                                           headline):
    article = next(a for a in fars_articles + varzesh3_articles if a["id"] == article_id)
    statement = lead_statement(list(Summarizer().prepare(article["body"]).sentences))
    assert statement == headline and not statement.startswith(never)


def test_the_last_resort_headline_is_no_interviewers_question(varzesh3_articles):
    article = next(a for a in varzesh3_articles if a["id"] == "varzesh3-2-058")
    statement = lead_statement(list(Summarizer().prepare(article["body"]).sentences))
    assert not statement.endswith(("؟", "?")), statement


def test_an_indefinite_subject_keeps_its_relative_clause_after_the_verb():
    """«مصاحبه‌ای از من منتشر شده است که نمی‌دانم منبعش کجاست»: cut at «است», Imani would confirm the interview he
    denies."""
    document = Summarizer().prepare("ایمانی گفت: مصاحبه‌ای از من منتشر شده است که نمی‌دانم منبعش کجاست.")
    texts = [c.text for c in candidates(list(document.sentences), 14)]
    assert "ایمانی: مصاحبه‌ای از من منتشر شده است" not in texts, texts


@pytest.mark.parametrize(("article_id", "headline"), [
    ("varzesh3-2-083", "سردار آزمون به مانند دیگر بازیکنان تیم ملی، وظایف مختلفی در دیدار برابر اسپانیا داشت"),
    ("varzesh3-3-042", "ذوب‌آهن با شکست برابر العین از آسیا حذف شد"),
    ("varzesh3-3-074", "مهدی پور: در سال‌های اخیر همه ارکان تیم دست به دست هم دادند"),  # "each other" stays
    ("varzesh3-1-226", "استقلال و ذوب‌آهن در هفتمین دیدار خود در اصفهان به مصاف هم رفته‌اند"),
])
def test_a_lead_sentences_also_goes_and_each_other_stays(fars_articles, varzesh3_articles, article_id, headline):
    """«سردار آزمون نیز …», «… از آسیا هم حذف شد»: the headline stands alone, so the lead's "also" goes."""
    assert headline in _candidate_texts(fars_articles + varzesh3_articles, article_id)


@pytest.mark.parametrize(("article_id", "never"), [
    ("fars-news-1-270", "کاظمیان از تیم فوتبال استقلال تهران پیشنهاد دارد"),  # a later sentence's «نیز»: a side fact
    ("varzesh3-3-481", "در زمین شماره ۲ آزادی حاضر شدند"),  # «امروز هم»: it goes on, which is the news
    ("varzesh3-3-202", "پیش رفت"),  # «تابستان سال گذشته نیز»: background
    ("fars-news-2-192", "وعده‌ای داده‌شده است"),  # «نه‌تنها … بلکه … هم»
])
def test_also_stays_where_it_says_something(fars_articles, varzesh3_articles, article_id, never):
    assert not any(text.endswith(never) for text in _candidate_texts(fars_articles + varzesh3_articles, article_id))


@pytest.mark.parametrize(("article_id", "headline"), [
    ("varzesh3-1-265", "کمیته انضباطی فدراسیون فوتبال به دلیل رفتار‌های ناشایست یک جلسه پیام صادقیان را از همراهی "
                       "پرسپولیس محروم کرد"),  # «… از همین رو سالارکیا …»
    ("fars-news-3-007", "بندعلیان: فضا‌های سبز موجود در شهر فرون آباد پاسخگوی نیاز شهروندان نیست"),  # «… لذا مردم …»
])
def test_a_consequence_opens_a_clause_of_its_own(fars_articles, varzesh3_articles, article_id, headline):
    assert headline in _candidate_texts(fars_articles + varzesh3_articles, article_id)


@pytest.mark.parametrize(("headline", "stands_alone"), [
    ("سایت خبری تحلیلی کورا در همین رابطه به تحلیل تیم‌ها و بازیکنان حاضر پرداخته است", False),
    ("دراین میان ستاره‌های مختلف دنیای فوتبال به اظهارنظر پرداخته‌اند", False),
    ("علاوه بر این سپاهان با چالش دیگری مواجه است", False),
    ("کمیته واگذاری باشگاه نفت تهران به اطلاع می‌رساند مزایده عمومی برگزار شد", False),  # a notice's frame
    ("سهرابی: مازندران با داشتن یک هزار و ۱۰۰ بقعه متبرکه، رتبه نخست کشور را در این زمینه داراست", True),
    ("تیم‌های شهرداری زرند کرمان و شهرداری شهرکرد مقابل هم صف‌آرایی کردند", True),
])
def test_a_headline_that_points_back_to_an_earlier_sentence_is_refused(headline, stands_alone):
    assert well_formed(headline) is stands_alone


@pytest.mark.parametrize(("article_id", "never"), [
    ("varzesh3-3-088", "گذشته بود"),  # «تنها ۹ دقیقه … گذشته بود که …»: a time that only sets up the news
    ("varzesh3-3-158", "آنجا بود"),
    ("fars-news-3-097", "بر این موضوع واقفیم"),  # «این موضوع» points ahead to its «که» clause
    ("fars-news-2-032", "وجود ندارد"),  # «کشوری … وجود ندارد که …»: without it the statement is false
    ("fars-news-2-007", "این موضوع را نمی‌دانند"),
])
def test_a_clause_that_only_sets_up_its_ke_clause_keeps_it(fars_articles, varzesh3_articles, article_id, never):
    assert not any(text.endswith(never) for text in _candidate_texts(fars_articles + varzesh3_articles, article_id))


@pytest.mark.parametrize(("headline", "publishable"), [
    ("فولاد در صورتی قهرمان خواهد شد", False),  # a condition without it
    ("قرار بود دیدار تیم‌های گسترش فولاد و سایپا پنجشنبه برگزار شود", False),  # a plan that came to nothing
    ("دین‌محمدی: اول قرار بود امید‌ها را برای این بازی ببرم", True),  # someone's words may tell one
    ("فرناندس دیاس: در صورتی که تلاش کاتالان‌ها برای استقلال به نتیجه برسد، آبی‌واناری‌پوشان اجازه بازی در لیگ "
     "اسپانیا را ندارند", True),
])
def test_a_condition_or_a_plan_without_what_became_of_it_is_no_headline(headline, publishable):
    assert well_formed(headline) is publishable


def test_the_last_resort_never_opens_on_a_sentences_broken_off_rest_and_names_its_speaker(varzesh3_articles):
    """«… کسانی چون موسوی، نوازی و … / را از نزدیک ببینند …»: the piece after the ellipsis is no statement; the
    first sentence, said by «دین‌محمدی … به «ورزش سه» گفت: …», is."""
    article = next(a for a in varzesh3_articles if a["id"] == "varzesh3-3-141")
    sentences = list(Summarizer().prepare(article["body"]).sentences)
    assert lead_statement(sentences).startswith("دین‌محمدی: اول قرار بود")


def test_the_last_resort_leaves_out_a_desks_byline(fars_articles):
    """«حوزه احزاب خبرگزاری فارس، همایش سراسری …»: the scrape lost the «به گزارش» of the desk's byline."""
    article = next(a for a in fars_articles if a["id"] == "fars-news-3-019")
    sentences = list(Summarizer().prepare(article["body"]).sentences)
    assert lead_statement(sentences).startswith("همایش سراسری اصلاح‌طلبان")


@pytest.mark.parametrize(("article_id", "headline"), [
    ("varzesh3-3-489", "اینترمیلان با نتیجه ۳ بر یک به پیروزی رسید"),  # the result the first clause sets up
    ("varzesh3-3-352", "رضا اطری از کسب مدال برنز بازماند"),
])
def test_the_second_of_two_clauses_takes_the_first_ones_subject(fars_articles, varzesh3_articles, article_id,
                                                                headline):
    assert headline in _candidate_texts(fars_articles + varzesh3_articles, article_id)


@pytest.mark.parametrize(("article_id", "never"), [
    ("fars-news-1-029", "جمعی از مسئولین"),  # «جمعی از شهروندان»: the preposition was the subject's own
    ("varzesh3-1-443", "ژوزه مورینیو به او"),  # «او» is the first's subject: the second has its own
    ("varzesh3-2-019", "اخرین بازی ژاپن"),  # the first's object, without «را», read as its subject
    ("varzesh3-1-304", "دایی: شروع خوبی با"),  # «شروع خوبی … نداشتیم»: the subject is the unsaid «ما»
    ("fars-news-2-173", "تیم مسیمیر با این شکست"),  # it points back, and «یاران نوری» is the second's subject
    ("varzesh3-2-333", "کمال کامیابی نیا با استقبال"),  # no result: a side detail of the news the first tells
    ("varzesh3-3-467", "حامد تاتاری در صورت پیروزی"),  # a result only on a condition
])
def test_no_second_clause_under_a_subject_it_may_not_share(fars_articles, varzesh3_articles, article_id, never):
    assert not any(never in text for text in _candidate_texts(fars_articles + varzesh3_articles, article_id))


@pytest.mark.parametrize(("article_id", "never"), [
    ("fars-news-1-162", "انتحاری که"),  # «در این حمله انتحاری که …»: the adjective the tagger took for a noun
    ("varzesh3-2-181", "بعد از اینکه متوجه شد"),  # «…، عنوان کرد: …»: the clause was the frame's
    ("fars-news-1-034", "اسلامی که در آستانه"),  # «در این دیدار که … برگزار شد»: the relative clause is the meeting's
    ("fars-news-2-125", "نشان دادند حساس"),  # «در این موقعیت حساس کنونی که …»
    ("varzesh3-2-406", "عطفی امنیتی"),  # «نقطه عطفی در تغییر مناسبات … سیاسی، امنیتی و نظامی»
    ("varzesh3-3-401", "به دستورات مقامات"),  # «پس از اعلام …،» ends at its own comma: the subject stays
])
def test_no_candidate_keeps_part_of_a_phrase_or_a_frame(fars_articles, varzesh3_articles, article_id, never):
    assert not any(never in text for text in _candidate_texts(fars_articles + varzesh3_articles, article_id))


def test_what_the_reader_is_asked_to_read_is_the_headline(varzesh3_articles):
    """«متن کامل نامه … را به هواداران آرسنال مطالعه کنید»: the text offered, as a noun phrase, not the request."""
    article = next(a for a in varzesh3_articles if a["id"] == "varzesh3-3-138")
    assert Summarizer().summarize(article["body"]).headline == "متن کامل نامه روبین فان پرسی به هواداران آرسنال"


def test_a_frame_whose_quote_opens_inside_it_goes(varzesh3_articles):
    """«به " گزارش ورزش سه"، …»: the scrape's quote opens after «به»."""
    article = next(a for a in varzesh3_articles if a["id"] == "varzesh3-3-336")
    assert not FRAME.search(Summarizer().summarize(article["body"]).headline)


@pytest.mark.parametrize(("article_id", "speaker"), [
    ("varzesh3-2-016", "سلطانی فر"),
    ("fars-news-1-142", "معتمدی آذری"),
])
def test_more_of_someones_words_after_their_colon_frame_are_theirs(fars_articles, varzesh3_articles, article_id,
                                                                   speaker):
    """«X گفت: …» and then more sentences of the same paragraph with no frame: their words, never the newsroom's."""
    article = next(a for a in fars_articles + varzesh3_articles if a["id"] == article_id)
    assert Summarizer().summarize(article["body"]).headline.startswith(f"{speaker}: ")


def test_a_relative_or_concessive_clause_alone_is_no_headline():
    assert not well_formed("مهدی فروردین مربی سابق قشقایی شیراز که از یکماه دیگر وارد مجلس می‌شود")  # «شیراز»: ADJ
    assert not well_formed("در ۱۰۲ روز اخیر هرچند تیم نفت تهران صاحب تنها کارنامه بی شکستی در لیگ است")  # «شکستی»


@pytest.mark.parametrize(("article_id", "headline"), [
    ("varzesh3-1-178", "کمیته مسابقات سازمان لیگ اسامی تمام محرومان فصل ۹۴ - ۹۳ را اعلام کرد"),  # was «رضا ساعی مربی»
    ("varzesh3-1-168", "اسامی داوران قضاوت کننده در دیدار‌های هفته نخست لیگ برتر فوتبال"),
    ("varzesh3-3-461", "حکم انتصاب ارسطو عزتیان به عنوان سخنگوی باشگاه ملوان"),
    ("varzesh3-3-039", "برنامه هفته پنجم تا هشتم لیگ برتر فوتسال اعلام شد"),  # «… اعلام شد که به شرح زیر است»
])
def test_an_announced_list_is_named_not_quoted(fars_articles, varzesh3_articles, article_id, headline):
    """«… اسامی محرومان را به شرح زیر اعلام کرد:» and then the list: the announcement without «به شرح زیر» is the
    headline, never an item of the list nor «… به شرح زیر است»."""
    article = next(a for a in fars_articles + varzesh3_articles if a["id"] == article_id)
    assert Summarizer().summarize(article["body"]).headline == headline


@pytest.mark.parametrize(("article_id", "headline"), [
    ("varzesh3-1-443", "ژوزه مورینیو ۸ هزار پوند جریمه شد"),  # «… به دلیل رفتاری که … منجر شد، …»: 25 words of cause
    ("varzesh3-2-204", "پورتو راهی مرحله یک چهارم نهایی لیگ قهرمانان اروپا شد"),
])
def test_a_long_adverbial_part_after_the_subject_goes(fars_articles, varzesh3_articles, article_id, headline):
    article = next(a for a in fars_articles + varzesh3_articles if a["id"] == article_id)
    assert Summarizer().summarize(article["body"]).headline == headline


def test_a_speech_frame_is_never_taken_for_an_adverbial_part(fars_articles):
    """«سبحانیان … با اشاره به … اظهارداشت: دو سال است، انتظار می‌رود …»: the frame is longer than the attribution
    reads, and leaving it out as an adjunct gave «سیدمحمد سبحانیان انتظار می‌رود …»."""
    assert not any(text.startswith("سیدمحمد سبحانیان انتظار")
                   for text in _candidate_texts(fars_articles, "fars-news-1-129"))


@pytest.mark.parametrize(("article_id", "never"), [
    ("varzesh3-1-038", "کیلور ناواس، تابستان ۲۰۱۴ بود"),  # a cleft's setting, what it sets up cut away
    ("varzesh3-3-205", "زین‌الدین زیدان اواسط ماه مارس ۲۰۱۹ بود"),
    ("varzesh3-1-050", "لبران جیمز فوق ستاره کلیولند با ثبت ۲۲ امتیاز، ۱۹ پاس گل و ۱۲ ریباند"),  # «ریباند» a verb?
])
def test_no_candidate_ends_on_a_cleft_setting_or_a_count_taken_for_a_verb(fars_articles, varzesh3_articles,
                                                                         article_id, never):
    assert never not in _candidate_texts(fars_articles + varzesh3_articles, article_id)


def test_the_note_that_no_more_is_known_is_no_news():
    assert not well_formed("جزئیات بیشتری از این خبر منتشر نشده است")


@pytest.mark.parametrize(("article_id", "headline"), [
    ("varzesh3-2-057", "باروش: از تیم ملی خداحافظی می‌کنم"),  # the lead quotes a wish; the news is four sentences on
    ("fars-news-2-149", "حسینی: طرح میدان شهدا طی پنج سال اجرا می‌شود"),
])
def test_an_interviews_headline_is_its_speakers_most_telling_statement(fars_articles, varzesh3_articles, article_id,
                                                                        headline):
    article = next(a for a in fars_articles + varzesh3_articles if a["id"] == article_id)
    assert Summarizer().summarize(article["body"]).headline == headline


def test_past_the_opening_only_the_lead_voices_statements_are_candidates(fars_articles, varzesh3_articles):
    """The lead's voice is the first person the opening sentences quote."""
    summarizer, later = Summarizer(), 0
    for article in fars_articles[:60] + varzesh3_articles[:60]:
        document = summarizer.prepare(article["body"])
        found = [c for c in candidates(list(document.sentences), 14, document.text) if c.sentence >= 3]
        speakers = {candidate.text.split(": ", 1)[0] for candidate in found}
        assert len(speakers) <= 1 and all(candidate.lead_voice for candidate in found), found
        opening = " ".join(sentence.text for sentence in document.sentences[:3])
        assert all(speaker in opening for speaker in speakers), speakers
        later += len(found)
    assert later >= 20


@pytest.mark.parametrize(("article_id", "never"), [
    ("varzesh3-1-072", "منصوریان: به داور تبریک می‌گویم"),  # «…، اما او می‌توانست …»: the praise leads into blame
    ("varzesh3-3-276", "علی‌عسگر: با تیم نیستم"),  # «روز پنجشنبه با تیم نیستم اما بعد از این بازی … برمی گردم»
    ("fars-news-2-053", "جهان‌بینی: ما از سازمان تربیت‌بدنی می‌خواهیم"),  # what was asked follows «که»
    ("fars-news-3-290", "مددی: در جلسه شورای رقابت مصوب شد"),
])
def test_a_later_statement_is_never_cut_before_what_it_leads_into(fars_articles, varzesh3_articles, article_id,
                                                                   never):
    assert never not in _candidate_texts(fars_articles + varzesh3_articles, article_id)


@pytest.mark.parametrize(("headline", "publishable"), [
    ("ملکی: از دیگر برنامه‌های هفته جوان در استان مرکزی است", False),  # one of what the sentence before listed
    ("نوری: یکی از پروژه‌هایی که قرار بود در قالب ماده ۲۱۵ و به عنوان پروژه ملی حل شود", False),  # no predicate
    ("حسینی: به خاطر همین دوست ندارم زیاد روی این موضوع مانور داده شود", False),
    ("المپیک مارسی که در رده پنجم جدول رده‌بندی قرار دارد در ورزشگاه خانگی خود ولودروم میزبان باستیا بود", True),
])
def test_a_statement_that_leans_on_the_sentence_before_is_no_headline(headline, publishable):
    assert well_formed(headline) is publishable


@pytest.mark.parametrize(("article_id", "speaker"), [
    ("varzesh3-1-218", "گارسیا"),  # the lead narrates that he criticised women's football
    ("varzesh3-1-144", "گل‌محمدی"),  # the lead was background; «سپیدرود حریف فردای تیم پدیده است» took its place
])
def test_a_narrated_lead_gives_way_to_what_its_person_said(fars_articles, varzesh3_articles, article_id, speaker):
    """Which of his statements the ranker takes may move when it is retrained; that it is his is the rule."""
    article = next(a for a in fars_articles + varzesh3_articles if a["id"] == article_id)
    assert Summarizer().summarize(article["body"]).headline.startswith(f"{speaker}: ")


@pytest.mark.parametrize(("article_id", "headline"), [
    ("varzesh3-2-437", "عابدینی: خریدارانی از مشهد و اصفهان خواهان امتیاز گهر هستند"),  # the lead: its promotion
    ("varzesh3-3-010", "گواردیولا: گلادباخ تیمی بزرگ و باروحیه است"),  # the lead: the coming match
    ("varzesh3-3-491", "ونگر: فکر می‌کنم واکنش خیلی خوبی به شکست‌ها نشان دادیم"),  # the lead: two defeats before
])
def test_a_result_lead_gives_way_to_what_the_coach_said(fars_articles, varzesh3_articles, article_id, headline):
    """After a match the result is the setting of the words the article reports; in a blind panel such headlines went
    from 3.10 to 3.95."""
    article = next(a for a in fars_articles + varzesh3_articles if a["id"] == article_id)
    assert Summarizer().summarize(article["body"]).headline == headline


@pytest.mark.parametrize(("article_id", "headline"), [
    ("varzesh3-2-130", "تیم ملی والیبال آمریکا سه بر صفر مغلوب کانادا شد"),  # the lead: the teams met
    ("varzesh3-2-238", "رئال متحمل شکستی سنگین شد"),  # the lead: Real and Atlético met in New Jersey
])
def test_a_match_told_without_its_end_gives_way_to_its_result(fars_articles, varzesh3_articles, article_id, headline):
    article = next(a for a in fars_articles + varzesh3_articles if a["id"] == article_id)
    assert Summarizer().summarize(article["body"]).headline == headline


def test_a_quarters_score_is_never_told_as_the_matchs(fars_articles):
    """«در کوارتر نخست این دیدار، تیم ملی کشورمان با نتیجه ۲۵ بر سه پیروز شد»: the quarter stays with its score."""
    article = next(a for a in fars_articles if a["id"] == "fars-news-1-004")
    document = Summarizer().prepare(article["body"])
    texts = [candidate.text for candidate in candidates(list(document.sentences), LONGEST)]
    assert "تیم ملی کشورمان با نتیجه ۲۵ بر سه پیروز شد" not in texts


def test_a_headline_never_opens_on_a_reference_an_opening_sentence_can_do_without(fars_articles):
    """«اخبار و عکس‌های این جشنواره …» names nothing; the festival's own sentence does."""
    article = next(a for a in fars_articles if a["id"] == "fars-news-1-049")
    assert Summarizer().summarize(article["body"]).headline.startswith("هشتمین جشنواره بین‌المللی")


@pytest.mark.parametrize(("headline", "publishable"), [
    ("کلوپ: همین الان دارم", False),  # the words say nothing without the question
    ("احمدی: اصلا این‌طور نیست", False),  # nor does a denial of what was asked
    ("نیلسون: نیلسون در چهار ماه گذشته فقط وعده و وعید شنیده است", False),  # his agent speaks of him
    ("امری: اوزیل همانطور بازی می‌کند", False),  # «همانطور» waits for its «که …»
    ("امری: اوزیل همانطور که می‌خواهم بازی می‌کند", True),
    ("ژاوی روز گذشته در نشستی خبری تایید کرد", False),  # what he confirmed is left out
    ("ژاوی جدایی خود از بارسلونا را تایید کرد", True),
    ("حسینی: تجربه انتخابات رئیس‌جمهور با روش پارلمانی در برخی از کشور‌ها را، موفق دانست", False),  # the writer's
    # report of his stance after «افزود:»
    ("حسینی شاهرودی روش پارلمانی را موفق دانست", True),
    ("طلوعی: از شهروندان درخواست می‌شود", False),  # what is asked follows
    ("سیدیبه: جز این‌که سن‌ژرمن راحت‌تر بازی کرد و برنده شد", False),  # an exception, its clause left out
    ("پیگرینی: بود که بازی برابر چلسی در لیگ برتر با شکست یک بر صفرمان همراه شد", False),  # a cleft's tail
])
def test_a_statement_that_says_nothing_alone_is_no_headline(headline, publishable):
    assert well_formed(headline) is publishable


def test_a_time_inside_a_that_clause_stays(varzesh3_articles):
    """«اصلا اینکه بازی در عربستان ساعت ۲۳:۴۵ برگزار شود غیرمتعارف است»: the hour is what is unusual."""
    texts = _candidate_texts(varzesh3_articles, "varzesh3-1-206")
    assert not any("اینکه بازی در عربستان برگزار شود" in text for text in texts), texts


@pytest.mark.parametrize(("article_id", "headline"), [
    ("varzesh3-2-254", "منابع اسپانیایی: جلسه‌ای در باشگاه بارسلونا برگزار خواهد شد"),  # not «اسپانیایی: …»
    ("fars-news-3-123", "منابع آگاه: اندکی بعد از آن‌که دونالد ترامپ، رئیس‌جمهور آمریکا وارد کاخ سفید شد دستیاران او "
                        "رویکرد جدیدی در قبال ایران پیشنهاد دادند"),
])
def test_sources_are_named_whole(fars_articles, varzesh3_articles, article_id, headline):
    assert headline in _candidate_texts(fars_articles + varzesh3_articles, article_id)


@pytest.mark.parametrize(("article_id", "kept"), [
    ("varzesh3-1-155", "برای حضور در این رقابت‌ها"),
    ("fars-news-1-178", "جواز حضور در این رقابت‌ها"),
])
def test_a_word_that_takes_its_place_keeps_in_this(fars_articles, varzesh3_articles, article_id, kept):
    """«کشتی گیران خود را برای حضور در این رقابت‌ها تقسیم کردیم»: «در این رقابت‌ها» is where «حضور» is, and without
    it the phrase is cut («… برای حضور تقسیم کردیم»)."""
    article = next(a for a in fars_articles + varzesh3_articles if a["id"] == article_id)
    document = Summarizer().prepare(article["body"])
    texts = [c.text for c in candidates(list(document.sentences), LONGEST, document.text)]
    cut = kept.removesuffix(" در این رقابت‌ها")
    assert any(kept in text for text in texts) and not any(f"{cut} " in text and kept not in text for text in texts)


@pytest.mark.parametrize(("article_id", "headline"), [
    ("fars-news-3-263", "مراسم رونمایی کتاب حجره شماره دو خاطرات حجت‌الاسلام ابوالقاسم اقبالیان پانزدهم بهمن‌ماه در "
                        "حوزه هنری برگزار می‌شود"),  # a coming event keeps its date and place
    ("varzesh3-1-457", "اولین دور اردوی آماده‌سازی بعد از دو سال تعطیلی از چهارشنبه هفته گذشته آغاز شد"),
    ("fars-news-2-133", "همایش تجلیل از برگزیدگان فرهنگی هنری استان برگزار شد"),  # past the first setting that stays
])
def test_who_attended_an_event_can_go_and_when_stays(fars_articles, varzesh3_articles, article_id, headline):
    """«… با حضور آیت‌الله محسن قمی معاون … دفتر مقام معظم رهبری پانزدهم بهمن‌ماه در حوزه هنری برگزار می‌شود»:
    newsroom titles leave out who attended, up to the event's date, place or predicate."""
    article = next(a for a in fars_articles + varzesh3_articles if a["id"] == article_id)
    document = Summarizer().prepare(article["body"])
    assert headline in [c.text for c in candidates(list(document.sentences), LONGEST, document.text)]


@pytest.mark.parametrize(("article_id", "headline"), [
    # a safe adjunct closed by its own comma, however its nouns and adjectives run
    ("varzesh3-2-091", "دیدار دو تیم ملی فوتبال استرالیا و عراق با برتری ۲ بر یک استرالیا به پایان رسید"),
    # the ground a match was played at: before a score, a preposition, «و در …» or the next phrase
    ("varzesh3-3-445", "در ادامه هفته سوم لیگ برتر انگلیس لیورپول ۲ بر صفر برابر آرسنال شکست خورد"),
    ("varzesh3-3-419", "فینال رقابت‌های جی‌لیگ کاپ میان تیم‌های شیمیزو اس‌پالس و کاشیماآنتلرز برگزار شد"),
    ("varzesh3-1-091", "تیم ملی ایران در حضور حدود ۱۰۰ هزار تماشاگر در چارچوب مقدماتی جام جهانی ۲۰۱۴ به مصاف کره جنوبی "
                       "رفت"),
    # an event before the news, after its subject, closed by its comma
    ("varzesh3-2-496", "میلاد میرترابی بازیکن دو فصل پیش تیم فوتبال ذوب‌آهن نزد کمیته انضباطی فدراسیون فوتبال علیه "
                       "ذوب‌آهن اقامه دعوی کرد"),
    # a relative clause after «سه دوره گذشته» is left out with its comma, and the main clause read on
    ("fars-news-2-141", "انصاریان: چهارمین دوره این جشنواره برخلاف سه دوره گذشته برای اولین بار به صورت سراسری برگزار "
                        "می‌شود"),
])
def test_where_and_after_what_can_go_where_their_phrase_visibly_ends(fars_articles, varzesh3_articles, article_id,
                                                                      headline):
    assert headline in _candidate_texts(fars_articles + varzesh3_articles, article_id)


@pytest.mark.parametrize(("article_id", "never"), [
    ("varzesh3-3-237", "پاری‌سن‌ژرمن بر صفر"),  # «در ورزشگاه پارک‌دوپرنس یک بر صفر …»: the score is never the venue's
    ("varzesh3-2-064", "مشکی پوشان برابر"),  # «برگزاری دیدار‌های … در ورزشگاه ثامن …»: where is the news
    ("fars-news-3-006", "را جلب توجه"),  # «به منظور توسعه …، جلب توجه …»: a list of purposes, not a phrase to its comma
])
def test_a_venue_or_a_purpose_goes_whole_or_not_at_all(fars_articles, varzesh3_articles, article_id, never):
    texts = _candidate_texts(fars_articles + varzesh3_articles, article_id)
    assert texts and not any(never in text for text in texts), texts


@pytest.mark.parametrize(("article_id", "headline"), [
    # «علی پناهی … با بیان اینکه موضوع خروج محصولات پتروشیمی از تالار نقره‌ای برای همیشه منتفی است، عنوان کرد: …»
    ("fars-news-1-038", "پناهی: موضوع خروج محصولات پتروشیمی از تالار نقره‌ای برای همیشه منتفی است"),
    ("fars-news-2-119", "لازمی: ۷۰۰ بیمار خاص در استان زنجان شناسایی شده‌اند"),  # «… با بیان اینکه هم‌اکنون …،»
])
def test_what_the_leads_frame_states_is_a_statement_of_its_speaker(fars_articles, article_id, headline):
    assert headline in _candidate_texts(fars_articles, article_id)


def test_a_frames_comma_inside_its_clause_ends_no_statement():
    """«وی با بیان اینکه اقدامات خوبی توسط خیرین، هیئت‌امنا و مردم … انجام می‌شود گفت: …»: no comma closes the clause
    before the speech verb."""
    frame = "وی با بیان اینکه اقدامات خوبی توسط خیرین، هیئت‌امنا و مردم درزمینه ساخت‌وساز، کارهای فرهنگی و مذهبی " \
            "در بقاع متبرکه انجام می‌شود گفت: "
    assert stated_in_the_frame(frame) is None
    frame = "علی پناهی با بیان اینکه موضوع خروج محصولات پتروشیمی منتفی است، عنوان کرد: "
    start, end = stated_in_the_frame(frame)
    assert frame[start:end] == "موضوع خروج محصولات پتروشیمی منتفی است"


@pytest.mark.parametrize(("article_id", "headline"), [
    # «تیم کلیولند کاوالیرز … میزبان اورلاندو مجیک بود»: the setting, before the result
    ("varzesh3-1-211", "تیم کلیولند کاوالیرز در پایان دیداری مهیج برابر این تیم ۱۱۷ بر ۱۰۳ پیروز شد"),
    ("varzesh3-1-281", "نویر پس از ماه‌ها دوری از میادین در بازی دوستانه آلمان و اتریش به میدان رفت"),  # «… به دور بود»
    ("varzesh3-2-122", "پرسپولیس در چارچوب هفته ششم رقابت‌های لیگ برتر میزبان السد قطر خواهد بود"),  # a match to come
])
def test_what_was_the_case_before_the_news_gives_way_to_the_news(varzesh3_articles, article_id, headline):
    article = next(a for a in varzesh3_articles if a["id"] == article_id)
    assert Summarizer().summarize(article["body"]).headline == headline


def test_a_clause_without_its_relative_clause_goes_first(varzesh3_articles):
    """«بعد از رفتن باکاستاس که مهاجم توانمندی بود تیم پانیونیوس …»: the same sentence without the «که …» clause."""
    article = next(a for a in varzesh3_articles if a["id"] == "varzesh3-1-360")
    assert Summarizer().summarize(article["body"]).headline == \
        "بعد از رفتن باکاستاس تیم پانیونیوس تلاش خود را برای جذب مهاجم جدید آغاز کرده است"

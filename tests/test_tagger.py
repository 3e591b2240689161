"""The UPOS tagger: the shipped model is the one the training script builds, it is accurate on held-out PerDT, and it
tags real news the way the headline builder relies on."""

from collections import Counter
from pathlib import Path

import pytest

from kholase.text.clean import normalize
from kholase.text.tagger import Lexicon, Tagger, lexicon, tagger, tokenize
from kholase.text.tagger_training import Sentence, accuracy, read_conllu, train
from tests.support import DATA

UD = DATA / "ud"


@pytest.fixture(scope="module")
def perdt_test() -> list[Sentence]:
    path = UD / "fa_perdt-ud-test.conllu"
    if not path.exists():
        pytest.skip(f"the UD Persian-PerDT treebank is not at {UD}")
    return read_conllu(path)


@pytest.mark.slow
def test_the_shipped_model_is_what_the_training_script_builds(perdt_test, tmp_path: Path):
    path = tmp_path / "pos_tagger.crfsuite"
    train(read_conllu(UD / "fa_perdt-ud-dev.conllu"), path)
    retrained, shipped = Tagger.load(path), tagger()
    for sentence in perdt_test:
        assert retrained.tag(sentence.tokens) == shipped.tag(sentence.tokens), sentence.text


@pytest.mark.slow
def test_the_shipped_lexicon_is_what_hazm_lists():
    """The tagger's lexicon features read a file the training script writes from hazm's word and verb lists."""
    assert lexicon() == Lexicon.from_hazm()


def test_held_out_upos_accuracy(perdt_test):
    """92.4 with hazm's lexicon as features (91.7 without it)."""
    assert accuracy(tagger(), perdt_test) >= 92


@pytest.mark.parametrize(("text", "word", "tag"), [
    ("یک اندیشکده آمریکایی درباره خلع سلاح اتمی شبه‌جزیره کره ، گزارشی منتشر کرده است", "کره", "NOUN"),
    ("جهانبازی با تاکید بر این نکته که داوران حق مصاحبه ندارند ، عذر خواست", "نکته", "NOUN"),
])
def test_a_noun_the_lexicon_knows_is_no_verb(text: str, word: str, tag: str):
    """Without the lexicon, «کره» and «نکته» (ending like a participle) were tagged VERB, and «… بر این نکته که …»
    lost its complement clause."""
    words = [text[start:end] for start, end in tokenize(text)]
    assert dict(zip(words, tagger().tag(words)))[word] == tag


@pytest.mark.parametrize(("text", "tokens"), [
    ("ترکمن‌ها می‌شود.", ["ترکمن‌ها", "می‌شود", "."]),
    ("«۱۲.۵ درصد» (12/5)، ۹۰٪؟", ["«", "۱۲.۵", "درصد", "»", "(", "12/5", ")", "،", "۹۰٪", "؟"]),
    ("گفت: الف-ب؛ چرا!", ["گفت", ":", "الف", "-", "ب", "؛", "چرا", "!"]),
])
def test_tokens_are_words_joined_by_half_spaces_numbers_and_single_marks(text: str, tokens: list[str]):
    assert [text[start:end] for start, end in tokenize(text)] == tokens


def test_news_verbs_prepositions_conjunctions_and_quantities(fars_articles):
    expected = {"گفت": {"VERB", "AUX"}, "شد": {"VERB", "AUX"}, "می‌شود": {"VERB", "AUX"}, "است": {"VERB", "AUX"},
                "در": {"ADP"}, "به": {"ADP"}, "از": {"ADP"}, "و": {"CCONJ"}}
    seen, quantities = Counter(), Counter()
    for article in fars_articles[:60]:
        for text in (article["title"], article["lead"]):
            text = normalize(text)
            words = [text[start:end] for start, end in tokenize(text)]
            tags = tagger().tag(words)
            for index, (word, tag) in enumerate(zip(words, tags)):
                if word in expected:
                    assert tag in expected[word], (word, tag, text)
                    seen[word] += 1
                if word[0].isdigit() and words[index + 1:index + 2] in (["نفر"], ["درصد"], ["هزار"], ["میلیون"]):
                    quantities[tag] += 1
    assert seen.keys() == expected.keys()  # every word was met
    assert quantities["NUM"] >= 3 and quantities.keys() == {"NUM"}

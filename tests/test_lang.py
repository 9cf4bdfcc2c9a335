"""The language layer: detection, tokens in unspaced scripts, sentences, lexicons."""

from __future__ import annotations

import re

import pytest

from storybrief.cluster import cluster_articles, split_by_language
from storybrief.errors import ConfigError
from storybrief.lang import (
    QUOTE_MARKS,
    content_tokens,
    detect_language,
    month_names,
    one_language,
    quote_pairs,
    sentences,
    stemmer,
    stopwords,
    tokens,
    weekday_names,
)
from storybrief.model import Article
from storybrief.text import STOPWORDS, split_sentences, words

SAMPLES = {
    "en": "The council voted on Tuesday to close the old bridge for repairs next spring.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke im Frühjahr zu sperren.",
    "fr": "Le conseil municipal a décidé mardi de fermer le vieux pont au printemps prochain.",
    "es": "El ayuntamiento decidió el martes cerrar el viejo puente durante la primavera.",
    "ru": "Городской совет во вторник решил закрыть старый мост на ремонт весной.",
    "zh": "市议会星期二决定明年春天关闭这座旧桥进行维修。",
    "ja": "市議会は火曜日、古い橋を来年の春に修理のため閉鎖することを決めた。",
    "ar": "قرر المجلس البلدي يوم الثلاثاء إغلاق الجسر القديم للإصلاح في الربيع المقبل.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detects_each_language(lang: str) -> None:
    assert detect_language(SAMPLES[lang]) == lang


def test_too_short_text_has_no_language() -> None:
    assert detect_language("Hallo") is None
    assert detect_language("") is None


def test_confidence_is_validated() -> None:
    with pytest.raises(ConfigError, match="min_confidence"):
        detect_language("text", min_confidence=2.0)


def test_english_tokens_are_the_old_ones() -> None:
    text = "It's the council's “final” vote — 12 to 3, said O'Neill."
    assert tokens(text, "en") == words(text)
    assert sentences(SAMPLES["en"] + " " + SAMPLES["en"], "en") == split_sentences(
        SAMPLES["en"] + " " + SAMPLES["en"]
    )
    assert stopwords("en") is STOPWORDS


def test_unspaced_scripts_are_segmented() -> None:
    zh = tokens(SAMPLES["zh"], "zh")
    assert len(zh) > 5 and "".join(zh) == SAMPLES["zh"].rstrip("。")
    ja = tokens(SAMPLES["ja"], "ja")
    assert len(ja) > 8 and "橋" in ja
    th = tokens("สวัสดีครับ วันนี้อากาศดี", "th")
    assert len(th) >= 4 and all(len(t) > 1 for t in th)


def test_mixed_text_keeps_spaced_words() -> None:
    assert tokens("Apple 发布了新手机 iPhone", "zh")[:1] == ["apple"]
    assert tokens("Apple 发布了新手机 iPhone", "zh")[-1] == "iphone"


def test_sentences_in_other_scripts() -> None:
    ja = "今日は東京に行きます。明日は大阪です。「本当？」と彼は言った。"
    assert sentences(ja, "ja") == [
        "今日は東京に行きます。",
        "明日は大阪です。",
        "「本当？」と彼は言った。",
    ]
    assert len(sentences("هل أنت هنا؟ نعم أنا هنا.", "ar")) == 2
    de = "Er sagte: „Das ist gut. Wir kommen morgen.“ Dann ging er."
    assert sentences(de, "de") == ["Er sagte: „Das ist gut. Wir kommen morgen.“", "Dann ging er."]


def test_stems_stop_words_and_quotes() -> None:
    assert stemmer("de")("häuser") == stemmer("de")("haus")
    assert stemmer("ru")("книгами") == stemmer("ru")("книги")
    assert stemmer("zh")("桥") == "桥"
    assert "und" in stopwords("de") and "le" in stopwords("fr")
    assert content_tokens("Die Brücke und der Fluss", "de") == ["brücke", "fluss"]
    assert ("«", "»") in quote_pairs("fr") and quote_pairs("ja")[0] == ("「", "」")
    assert {"„", "“", "«", "»", "「", "」"} <= QUOTE_MARKS


@pytest.mark.parametrize(
    ("lang", "month", "day"),
    [
        ("en", "march", "tuesday"),
        ("de", "märz", "dienstag"),
        ("fr", "mars", "mardi"),
        ("es", "marzo", "martes"),
        ("it", "marzo", "martedì"),
        ("pt", "março", "terça-feira"),
        ("nl", "maart", "dinsdag"),
        ("ru", "марта", "вторник"),
        ("ar", "مارس", "الثلاثاء"),
        ("zh", "三月", "星期二"),
        ("ja", "3月", "火曜日"),
    ],
)
def test_calendar_names(lang: str, month: str, day: str) -> None:
    assert month_names(lang)[month] == 3
    assert weekday_names(lang)[day] == 1


def _article(i: int, lang: str | None, text: str = "") -> Article:
    return Article(id=f"a{i}", text=text or f"article {i}", language=lang, origin=f"in{i}")


def test_one_language_keeps_the_main_one_and_says_why_others_go() -> None:
    arts = [_article(0, "de"), _article(1, "fr"), _article(2, "de"), _article(3, None)]
    kept, left = one_language(arts)
    assert [a.id for a in kept] == ["a0", "a2", "a3"]
    assert [r.origin for r in left] == ["in1"] and "written in fr" in left[0].reason
    assert one_language(arts, "fr")[0][0].id == "a1"
    assert len(one_language(arts, "all")[0]) == 4
    with pytest.raises(ConfigError, match="language"):
        one_language(arts, "")


def test_clustering_never_merges_across_languages() -> None:
    same = "The council closed the old bridge on Monday after inspectors found cracks."
    arts = [_article(0, "en", same), _article(1, "de", same), _article(2, "en", same)]
    groups = cluster_articles(arts)
    assert ["a1"] in groups and any({"a0", "a2"} <= set(g) for g in groups)
    assert split_by_language(arts[:1] + arts[2:]) == [arts[:1] + arts[2:]]


def test_every_stages_speech_verbs_are_parts_of_the_one_lexicon() -> None:
    from storybrief.lang import speech

    for part in (
        speech.PERSON_SAY_VERBS,
        speech.REPORTED_SPEECH_VERBS,
        speech.QUOTE_SPEAKER_VERBS,
    ):
        assert part <= speech.SAY_VERBS, sorted(part - speech.SAY_VERBS)
    pattern = re.compile(speech.verb_pattern({"said"}, speech.ACCORDING_TO), re.IGNORECASE)
    assert pattern.search("as the mayor SAID.") and pattern.search("According to Kim")
    assert not pattern.search("a saidy word")

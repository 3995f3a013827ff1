"""The Arabic reader on sentences of our own (GUIDE-ar.md): numbers, the dual, qualifiers, victims,
breakdowns and enumerations, denials, scope, dates, sources, places, perpetrators."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civcas.api import extract_text
from civcas.extract.arabic.numbers import read_number
from civcas.extract.arabic.tokens import Sent
from civcas.extract.language import READERS, detect


def claims(text: str, published: str | None = None, title: str = ""):
    return extract_text(text, published, title=title)


def keys(text: str, published: str | None = None):
    return [(c.outcome, c.victims, c.low, c.high, c.qualifier) for c in claims(text, published)]


@pytest.mark.parametrize("words, value", [
    ("٢٥", 25), ("۲۵", 25), ("1,250", 1250), ("12٬500", 12500),
    ("ثلاثة", 3), ("ثلاث", 3), ("عشرون", 20), ("عشرين", 20), ("ثلاثة عشر", 13), ("اثنين وعشرين", 22),
    ("ثلاثمئة وعشرين", 320), ("ثلاث مائة", 300), ("الف ومئة واربعين", 1140), ("أربعة آلاف و312", 4312),
    ("12 ألفا و500", 12500), ("20 ألفاً", 20000), ("300 ألف", 300000), ("ألفين", 2000), ("أحد عشر", 11),
])
def test_numbers_in_every_script_and_in_words(words, value):
    assert read_number(Sent(words).tokens, 0).value == value


def test_vague_quantities_have_no_value():
    assert read_number(Sent("عشرات").tokens, 0).value is None
    assert read_number(Sent("مئات").tokens, 0).value is None


def test_arabic_reports_are_read_by_the_arabic_reader():
    assert detect("قتل خمسة مدنيين في قصف على البلدة") == "ar"
    assert detect("Five civilians were killed in shelling on the town") == "en"
    assert READERS["ar"].code == "ar"


@pytest.mark.parametrize("text, expected", [
    ("قتل ٢٥ مدنياً في قصف جوي على بلدة تل رفعت.", ("killed", "civilians", 25, 25, "exact")),
    ("أصيب ۱۲ طفلا بجروح في القصف.", ("injured", "children", 12, 12, "exact")),
    ("قتل على الأقل تسعة جنود في الهجوم.", ("killed", "security_forces", 9, None, "at_least")),
    ("أسفر القصف عن مقتل سبعة مدنيين على الأقل.", ("killed", "civilians", 7, None, "at_least")),
    ("قتل أكثر من 30 شخصا في التفجير.", ("killed", "people", 31, None, "more_than")),
    ("أصيب ما يزيد عن 40 مدنيا في الغارة.", ("injured", "civilians", 41, None, "more_than")),
    ("قتل ما يقرب من 50 مسلحا في المعارك.", ("killed", "combatants", None, 49, "up_to")),
    ("قتل نحو 20 شخصا في الانفجار.", ("killed", "people", 20, 20, "about")),
    ("قتل حوالي 15 مدنيا في القصف.", ("killed", "civilians", 15, 15, "about")),
    ("قتل بين 10 و15 مدنيا في الغارة.", ("killed", "civilians", 10, 15, "range")),
    ("قتل عشرات المدنيين في القصف.", ("killed", "civilians", None, None, "vague")),
    ("أسفر الانفجار عن سقوط خمسة قتلى.", ("killed", "people", 5, 5, "exact")),
    ("ارتفعت حصيلة القتلى إلى 14 قتيلا.", ("killed", "people", 14, 14, "exact")),
])
def test_figures_qualifiers_and_groups(text, expected):
    assert expected in keys(text)


@pytest.mark.parametrize("text, expected", [
    ("قتل طفلان في القصف على الحي.", ("killed", "children", 2, 2, "exact")),
    ("قتلت سيدتان بقذيفة هاون.", ("killed", "women", 2, 2, "exact")),
    ("قتل جنديان اثنان في الكمين.", ("killed", "security_forces", 2, 2, "exact")),
    ("استشهد مواطنين اثنين في الغارة.", ("killed", "civilians", 2, 2, "exact")),
    ("قتل مدني واحد في القصف.", ("killed", "civilians", 1, 1, "exact")),
])
def test_the_dual_and_one(text, expected):
    assert expected in keys(text)


def test_others_take_the_group_of_the_figure_before():
    found = keys("قتل 12 مدنيا وأصيب 30 آخرون في الغارة.")
    assert ("injured", "civilians", 30, 30, "exact") in found


def test_others_after_a_single_person_are_people():
    found = keys("استشهد طفل وأصيب 9 آخرون في القصف.")
    assert ("killed", "children", 1, 1, "exact") in found
    assert ("injured", "people", 9, 9, "exact") in found


def test_breakdowns_with_a_more_specific_group_are_claims():
    found = keys("قتل 11 مدنيا بينهم 4 أطفال وامرأة في القصف على القرية.")
    assert ("killed", "civilians", 11, 11, "exact") in found
    assert ("killed", "children", 4, 4, "exact") in found
    assert ("killed", "women", 1, 1, "exact") in found


@pytest.mark.parametrize("text", [
    "قتل 7 أفراد من أسرة واحدة، بينهم طفل وامرأة، في قصف على البلدة.",
    "قتل 7 أفراد من أسرة واحدة بينهم طفل وامرأة في قصف على البلدة.",
])
def test_a_breakdown_after_who_the_total_are(text):
    # "seven members of one family, among them a child and a woman": the breakdown after "من أسرة واحدة"
    found = keys(text)
    assert ("killed", "people", 7, 7, "exact") in found
    assert ("killed", "children", 1, 1, "exact") in found
    assert ("killed", "women", 1, 1, "exact") in found


def test_same_group_subsets_and_unnumbered_plurals_are_not_claims():
    found = keys("قتل 20 شهيدا بينهم 6 شهداء جدد، و30 مدنيا بينهم نساء وأطفال.")
    assert ("killed", "people", 6, 6, "exact") not in found
    assert not any(k[1] in ("women", "children") for k in found)


def test_an_enumeration_gives_each_counted_group_and_no_total():
    found = keys("قتل رجل وامرأتان و7 أطفال في الغارة على المنزل.")
    assert ("killed", "women", 2, 2, "exact") in found
    assert ("killed", "children", 7, 7, "exact") in found
    assert not any(k[1] == "men" for k in found)  # a lone unnumbered person in a list
    assert not any(k[2] == 10 for k in found)  # never summed


def test_explicit_nobody_is_a_none_claim_and_a_denial_of_blame_is_not():
    assert ("killed", "civilians", 0, 0, "none") in keys("ونفى الجيش علمه بمقتل مدنيين في الضربة.")
    assert ("casualties", "people", 0, 0, "none") in keys("سقطت قذيفة على السوق ولم يسفر ذلك عن إصابات.")
    assert not any(k[4] == "none" for k in keys("نفت الحكومة أن تكون قواتها قصفت المدينة."))


def test_casualties_when_killed_and_wounded_are_not_split():
    assert ("casualties", "civilians", 25, 25, "exact") in keys("استشهد وأصيب 25 مدنيا في القصف.")


def test_scope_of_totals_over_a_period():
    cumulative = claims("ارتفعت حصيلة القتلى منذ بدء الهجوم إلى 300 مدني.")
    assert cumulative and cumulative[0].scope == "cumulative" and cumulative[0].event_date is None
    daily = claims("قتل 8 مدنيين خلال الـ24 ساعة الماضية في القصف.", "2024-03-05")
    assert daily[0].scope == "incident" and daily[0].event_date == "2024-03-04/2024-03-05"


@pytest.mark.parametrize("text, published, expected", [
    ("قتل 5 مدنيين أمس في قصف على البلدة.", "2024-03-05", "2024-03-04"),
    ("قتل 5 مدنيين فجر اليوم في قصف على البلدة.", "2024-03-05", "2024-03-05"),
    ("قتل 5 مدنيين يوم الأحد في قصف على البلدة.", "2024-03-05", "2024-03-03"),
    ("قتل 5 مدنيين في 12 كانون الثاني 2017 في قصف على البلدة.", None, "2017-01-12"),
    ("قتل 5 مدنيين يوم 3 أغسطس/آب 2015 في قصف على البلدة.", None, "2015-08-03"),
    ("قتل 5 مدنيين يوم 3 جويلية 2015 في قصف على البلدة.", None, "2015-07-03"),
])
def test_dates_resolve_against_publication(text, published, expected):
    assert claims(text, published)[0].event_date == expected


def test_a_date_without_a_year_fixes_nothing():
    assert claims("قتل 5 مدنيين يوم الثلاثاء 15 نوفمبر في قصف على البلدة.")[0].event_date is None


def test_a_weekday_of_the_statement_does_not_date_the_harm():
    c = claims("قالت وزارة الصحة، اليوم الخميس، إن 9 مدنيين قتلوا في القصف.", "2024-03-07")
    assert c[0].event_date is None


@pytest.mark.parametrize("text, source", [
    ("قال المرصد السوري لحقوق الإنسان إن 12 مدنيا قتلوا في القصف.", "Syrian Observatory for Human Rights"),
    ("قتل 12 مدنيا في القصف بحسب الدفاع المدني.", "civil defence"),
    ("أفاد مصدر طبي بمقتل 12 مدنيا في القصف.", "medical source"),
    ("وقالت مصادر محلية إن 12 مدنيا قتلوا في القصف.", "local sources"),
    ("ونقلت وكالة سانا عن مصدر في قيادة شرطة حمص أن 12 مدنيا قتلوا.", "Homs Police Command"),
    ("وقال رئيس بلدية عفرين إن 12 مدنيا قتلوا في القصف.", "Mayor of Afrin"),
])
def test_sources_are_named_in_english(text, source):
    assert claims(text)[0].source == source


def test_an_unattributed_figure_is_the_reporters():
    assert claims("قتل 12 مدنيا في قصف على البلدة.")[0].source == "reporter"


@pytest.mark.parametrize("text, place", [
    ("قتل 12 مدنيا في قصف على مدينة حلب.", "Aleppo"),
    ("قتل 12 مدنيا في غارة على الموصل.", "Mosul"),
    ("قتل 12 مدنيا في قصف على مدينة دير الزور.", "Deir ez-Zor"),
    ("قتل 12 مدنيا في قصف على محافظة إدلب.", "Idlib"),
])
def test_places_come_out_in_english(text, place):
    assert claims(text)[0].place == place


def test_a_village_the_gazetteer_lacks_is_transliterated():
    c = claims("قتل 12 مدنيا في قصف على قرية قرقور.")
    assert c[0].place and c[0].place.isascii()


@pytest.mark.parametrize("text, perpetrator", [
    ("قتل 12 مدنيا في غارات لطيران النظام على البلدة.", "Syrian government forces"),
    ("قتل 12 مدنيا في غارة تركية على البلدة.", "Turkey"),
    ("قتل 12 مدنيا في غارات للطائرات الروسية على البلدة.", "Russia"),
    ("قتل 12 مدنيا في قصف إسرائيلي على القطاع.", "Israel"),
])
def test_perpetrators(text, perpetrator):
    assert claims(text)[0].perpetrator == perpetrator


def test_the_coalition_is_the_one_of_the_report_s_war():
    assert claims("قتل 12 مدنيا في غارات طيران التحالف على صعدة في اليمن.")[0].perpetrator == "Saudi-led coalition"


def test_spans_are_the_arabic_text_as_written():
    text = "قُتل ١١ مدنياً في قصفٍ على البلدة."
    c = claims(text)[0]
    assert text[c.span[0]:c.span[1]] == c.text and "١١" in c.text


_ARABIC_WORDS = st.sampled_from("قتل مقتل أصيب 12 ٣ عشرة مدنيا طفلين بينهم امرأة في على مدينة حلب ، . « » آخرين "
                                "اليوم أمس السبت وقال المرصد إن الجيش نفى علمه بمقتل على الأقل أكثر من نحو عشرات "
                                "الف و مئة اثنين".split())


@settings(max_examples=150, deadline=None)
@given(st.lists(_ARABIC_WORDS, min_size=1, max_size=40).map(" ".join))
def test_random_arabic_text_never_breaks_and_spans_stay_in_their_sentence(text):
    for c in claims(text, "2024-03-05"):
        assert text[c.span[0]:c.span[1]] == c.text
        assert c.sentence_start <= c.span[0] and c.span[1] <= c.sentence_start + len(c.sentence)
        assert text[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=200))
def test_any_arabic_characters_never_break_the_reader(text):
    for c in claims(text):
        assert 0 <= c.span[0] <= c.span[1] <= len(text)


def test_an_unclaimed_attack_takes_no_actor_from_another_attack():
    text = ("قتل خمسة جنود في هجوم لحركة الشباب على قاعدة للجيش في شبيلي السفلى يوم الجمعة. "
            "وانفجرت عبوة ناسفة في حافلة قرب سوق في مقديشو يوم الأحد ما أدى إلى مقتل ثمانية أشخاص. "
            "ولم تعلن أي جهة مسؤوليتها عن التفجير.")
    got = [(c.low, c.perpetrator) for c in claims(text, "2019-12-30")]
    assert (8, None) in got and got[0] == (5, "al-Shabaab")


def test_a_speaker_before_its_verb_in_a_second_clause():
    text = ("ووثق المرصد مقتل 64 مدنيا في غارات للتحالف على بلدة بير محلي في محافظة حلب، إلا أن الجيش الأمريكي نفى "
            "علمه بمقتل مدنيين في الضربات.")
    got = {(c.qualifier, c.source) for c in extract_text(text, "2015-05-06")}
    assert got == {("exact", "Syrian Observatory for Human Rights"), ("none", "Pentagon")}


@pytest.mark.parametrize("text, outcome", [
    ("ونفى الجيش الأمريكي مقتل مدنيين في الضربات.", "killed"),
    ("ونفت الوزارة إصابة أي مدنيين في القصف.", "injured"),
])
def test_a_denial_of_any_civilian_harm_without_a_figure_is_a_none_claim(text, outcome):
    assert [(c.outcome, c.victims, c.qualifier) for c in extract_text(text, "2015-05-06")] \
        == [(outcome, "civilians", "none")]


def test_a_denial_of_a_counted_harm_keeps_the_count():
    assert [c.low for c in extract_text("ونفت موسكو مقتل 20 مدنيا في الغارات.", "2015-05-06")] == [20]


def test_a_sentence_between_two_of_one_speakers_takes_that_speaker():
    told = ("أكدت مصادر محلية أن غارتين استهدفتا سيارتين في منطقة خولان ما أدى إلى استشهاد عشرة مواطنين. "
            "هذا واستشهد مواطنان اثنان في غارة على منطقة في محافظة صعدة.")
    assert [c.source for c in extract_text(told, "2016-02-05")] == ["local sources", "reporter"]
    goes_on = told + " وأشارت المصادر إلى أن أعداد الشهداء مرشحة للارتفاع."
    assert [c.source for c in extract_text(goes_on, "2016-02-05")] == ["local sources", "local sources"]


@pytest.mark.parametrize("text, want", [
    ("سقطت قذيفة على مدرسة ما أدى إلى مقتل طفل وإصابة خمسة آخرين.",
     [("killed", "children", 1), ("injured", "people", 5)]),
    ("قتلت سيدة وطفل في القصف.", []),  # a list of lone individuals, no count: no claim (GUIDE)
])
def test_a_lone_victim_before_a_new_clause_of_harm_is_a_claim(text, want):
    assert [(c.outcome, c.victims, c.low) for c in extract_text(text, "2015-05-06")] == want

"""Where Arabic reports place the harm (GUIDE-ar.md, place): classes of error met on Arabic copy,
each with a sentence of our own."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from civcas.api import extract_text
from civcas.extract.arabic.names import place_mentions
from civcas.extract.language import READERS
from civcas.vocab import vocabulary


def names(sentence: str, country: str | None = None) -> list[str]:
    return [m[2] for m in place_mentions(sentence, country)]


def test_a_name_in_the_report_s_country_beats_a_namesake_abroad():
    # أريحا is Ariha in Idlib as well as Jericho: a Syrian report means the Syrian town
    assert "Ariha" in names("قصفت الطائرات محيط مدينة أريحا بريف إدلب", "SY")
    assert claims_places("قتل خمسة مدنيين في غارة على مدينة أريحا في ريف إدلب الجنوبي.") == ["Ariha"]


def test_a_small_place_abroad_is_not_the_report_s_place():
    # حي اليرموك in a Mosul report is Mosul's quarter, not the Damascus camp the gazetteer holds
    found = place_mentions("قتل سبعة مدنيين في غارة على حي اليرموك غرب الموصل", "IQ")
    assert [(m[2], m[3]) for m in found if m[2] != "Mosul"] == [("al-Yarmuk", 5)]


def test_a_typed_name_that_runs_into_other_words_is_the_city_it_starts_with():
    assert names("وتعيش مدينة الموصل حرب طاحنة منذ أشهر", "IQ") == ["Mosul"]
    assert names("قصف ريف دمشق لاسيما منطقة القلمون", "SY")[0] != "Damshq Lasima"


def test_a_compass_word_with_a_pronoun_ends_a_name():
    found = names("واستهدفت الغارات منطقة البساتين غربها", "SY")
    assert found and " " not in found[0]


def test_a_name_closing_a_sentence_is_still_a_name():
    # the final full stop once stuck to the word, so "غزة." matched no country and no source
    assert vocabulary().country_weights("قتل ثلاثة مدنيين في غزة.") == {"PS": 3}
    c = extract_text("قتل ثلاثة مدنيين في قصف على البلدة، بحسب المرصد السوري لحقوق الإنسان.")
    assert c[0].source == "Syrian Observatory for Human Rights"


def claims_places(text: str) -> list[str | None]:
    return [c.place for c in extract_text(text)]


def test_a_village_beats_the_mountain_it_lies_in():
    village, mountain, _province = place_mentions("قصفت الطائرات قرية كنصفرة في جبل الزاوية بريف إدلب", "SY")
    assert mountain[2] == "Jabal al-Zawiya" and mountain[3] < village[3]
    assert claims_places("قتل ثلاثة مدنيين في غارة على قرية كنصفرة في جبل الزاوية.") == [village[2]]


def test_a_quarter_named_with_its_first_word_is_transliterated_whole():
    # "باب" opens a name (Bab Touma), it is neither the town of al-Bab nor "آب" (August) with a proclitic
    assert names("سقطت قذيفة على مدرسة في /باب توما/ صباح اليوم", "SY") == ["Bab Tuma"]
    assert names("قتل مدني في سهل الغاب", "SY") == ["Sahl al-Ghab"]


def test_places_of_a_strike_told_after_kama_without_harm_are_not_the_harm_s():
    text = ("قصفت الطائرات مدينة سراقب ومحيطها، ما أوقع عددا من الجرحى، كما قصفت محيط قرية تلمنس وبلدات "
            "(حاس، كفرومة، ومعرشورين) في ريف إدلب.")
    assert claims_places(text) == ["Saraqib"]


def test_names_after_a_plural_kind_are_a_list():
    found = names("قصفت الطائرات بلدات حزة وعين ترما وكفر بطنا في الغوطة", "SY")
    assert found[:3] == ["Haza", "Ain Tarma", "Kafr Batna"]
    # an adjective or a common word is no item: "مناطق سكنية" are residential areas
    assert names("لا تقصف الطائرات أحياء سكنية لتفادي وقوع خسائر", "SY") == []


def test_harm_over_quarters_listed_in_a_city_is_the_city_s():
    text = 'وقال المرصد إن القذائف قتلت تسعة مدنيين في حيي "الوعر" و«باب السباع" في مدينة حمص.'
    assert claims_places(text) == ["Homs"]


def test_places_of_two_clauses_are_not_one_list():
    text = ('وقتل "ستة رجال" في قصف على قرية الجينة وبلدتي الأتارب وقبتان الجبل بريف حلب الغربي، وأسفرت '
            'قذائف على حي صلاح الدين غربي حلب عن مقتل "5 مواطنين".')
    places = claims_places(text)
    assert places[0] == "Aleppo" and places[-1] != "Aleppo"


def test_a_quarter_east_of_which_the_shells_fell_is_a_place_and_a_common_word_is_not():
    assert names("وإصابة ثلاثة في القصف المدفعي شرق الشجاعية", "PS") == ["al-Shajaya"]
    assert names("وإصابة ثلاثة في القصف المدفعي شرق البلاد", "SY") == []


def test_the_town_a_village_is_placed_by_is_no_place_of_harm():
    text = "قتل خمسة مدنيين في غارة على قرية الحصية الواقعة قرب بلدة مارع في ريف حلب الشمالي."
    (village,) = [m[2] for m in READERS["ar"].places(text, "SY") if m[3] >= 3]
    assert claims_places(text) == [village]


def test_the_capital_named_by_its_country_s_adjective_is_that_capital():
    assert names("يشار إلى أن العاصمة السورية شهدت سقوط قذائف", "SY") == ["Damascus"]
    assert names("انفجرت سيارة مفخخة في العاصمة العراقية صباح اليوم", "IQ") == ["Baghdad"]
    assert claims_places("قتل سبعة مدنيين في انفجار سيارة مفخخة بالعاصمة العراقية.") == ["Baghdad"]


def test_a_quarter_is_never_a_big_city_abroad():
    # "الجديدة" is El Jadida in Morocco too; "حي الجديدة" in a Mosul report is a quarter of Mosul
    c = extract_text("قتل أربعة أشخاص في انفجار سيارة مفخخة في حي الجديدة شرقي الموصل، وفق الشرطة العراقية.")
    assert c[0].place == "al-Jadida"


def test_a_body_named_with_a_nationality_after_it_takes_the_english_demonym():
    c = extract_text("قال مصدر في الشرطة العراقية إن أربعة أشخاص قتلوا في انفجار سيارة مفخخة في الموصل.")
    assert c[0].source == "Iraqi police"


def test_a_name_typed_as_a_province_is_the_province():
    assert names("قتل أربعة في غارة على منطقة آل عمار في محافظة صعدة", "YE")[-1] == "Saada"


def test_a_word_opened_by_fa_is_no_bare_name_and_a_quarter_s_name_stops_at_its_city():
    assert names("أرسلت فرقة عسكرية إلى البلدة", "SY") == []
    assert names("انتشلت جثث تسعة مدنيين من تحت أنقاض مبنى في حي الشعار بحلب", "SY") == ["al-Shar", "Aleppo"]


_PIECES = ["بلدات", "حيي", "قرية", "مدينة", "العاصمة", "السورية", "شرق", "الشجاعية", "و", "،", "وعين", "ترما",
           "حلب", "بحلب", "الموصل", "كما", "قصفت", "الواقعة", "قرب", "بلدة", "جبل", "الزاوية", "باب", "(", "»",
           "مناطق", "سكنية", "فرقة", "قتل", "مدنيين", "في", "وكفر", "بطنا", "صعدة", "محافظة", ".", "5"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25), st.sampled_from([None, "SY", "IQ", "PS", "YE"]))
def test_place_mentions_of_any_mix_of_place_words_are_english_spans_of_the_sentence(words, country):
    sentence = " ".join(words)
    found = READERS["ar"].places(sentence, country)
    for start, end, name, rank in found:
        assert 0 <= start < end <= len(sentence)
        assert name and name.isascii() and 1 <= rank <= 6
    starts = [m[0] for m in found]
    assert len(set(starts)) == len(starts)  # no place is read twice


def test_an_adjective_after_a_typed_name_is_not_part_of_it():
    assert names("قصفت القوات حي الوعر المحاصر في حمص", "SY")[0] == "al-Wr"


def test_a_report_whose_country_comes_from_an_attacker_s_adjective_keeps_its_towns():
    # the only country word is "روسية": the report is "about" Russia, its town is still Maarrat al-Numan
    assert claims_places("قتل تسعة مدنيين في غارة روسية على سوق الخضار في مدينة معرة النعمان.") == ["Maarrat al-Numan"]


def test_west_of_the_city_after_a_quarter_locates_the_quarter():
    reader = READERS["ar"]
    assert reader.kind_referred("قتل 15 شخصا في غارة على مقهى في ضاحية الحرية غرب المدينة") is None
    assert reader.kind_referred("قتل خمسة في قصف على شمال المدينة") == "city"
    text = ("قصفت الطائرات مدينة الرقة طوال الليل. ومن بين القتلى 15 شخصا قضوا في غارة على مقهى في ضاحية "
            "جزرة غرب المدينة.")
    assert claims_places(text)[-1] != "Ar Raqqah"

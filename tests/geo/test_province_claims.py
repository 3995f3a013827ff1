"""A claim's place named as a province is the province, not its capital city (issue 11).

Sentences written for these tests; real province names.
"""
from __future__ import annotations

from dataclasses import replace

from conftest import make_result

from civcas.geo import locate_claims, text_context


def located(text: str, phrase: str, place: str, own_sentence: bool = False):
    """The geo of a claim of ``phrase``; its sentence is the whole text, or with
    ``own_sentence`` the text's last sentence."""
    r = make_result("p", text, [dict(phrase=phrase, low=12, high=12, place=place)],
                    published="2017-05-20")
    [claim] = r.claims
    if own_sentence:
        start = text.rindex(". ", 0, claim.span[0]) + 2
        claim = replace(claim, sentence=text[start:], sentence_start=start)
    [claim] = locate_claims(r.document, [claim])
    return claim.geo


def test_a_province_named_in_the_sentence_is_the_governorate():
    geo = located("Shelling killed 12 people in two villages of Syria's Hama province on "
                  "Thursday.", "killed 12 people", "Hama")
    assert geo is not None and geo.precision == "governorate" and geo.admin1 == "Hama"
    geo = located("Jets killed 12 people in the province of Idlib on Friday.",
                  "killed 12 people", "Idlib")
    assert geo.precision == "governorate" and geo.admin1 == "Idlib"


def test_a_province_named_only_elsewhere_in_the_text_is_the_governorate():
    text = ("Gunmen attacked two villages in central Syria's Hama province on Thursday. "
            "The monitor said the attack killed 12 people.")
    geo = located(text, "killed 12 people", "Hama")
    assert geo.precision == "governorate"


def test_the_city_stays_the_city():
    geo = located("A car bomb killed 12 people in the city of Hama on Thursday.",
                  "killed 12 people", "Hama")
    assert geo.precision == "village" and geo.admin1 == "Hama"
    # named both as a city and as a province: the city, the more precise reading
    geo = located("A car bomb killed 12 people in Hama on Thursday, the capital of Hama "
                  "province.", "killed 12 people", "Hama")
    assert geo.precision == "village"


def test_province_words_after_a_name_are_a_cue_anywhere_in_the_text():
    ctx = text_context("Fighting went on. Later, jets struck Aleppo province at dawn.")
    assert [(m.text, m.province_cue) for m in ctx.mentions] == [("Aleppo", True)]


def test_two_towns_joined_by_a_hyphen_are_both_places():
    # "the Hasaka-Qamishli road": an unknown village there falls back to a town named beside it
    geo = located("A suicide bomber killed 12 people in Safiyeh village on the Hasaka-Qamishli "
                  "road last month.", "killed 12 people", "Safiyeh")
    assert geo is not None and geo.admin1 == "Al-Hasakah" and geo.precision == "district"
    ctx = text_context("Fighting closed the Hasaka-Qamishli road.")
    assert {m.text for m in ctx.mentions} >= {"Hasaka", "Qamishli"}


def test_a_country_named_most_as_the_attacker_does_not_hold_the_main_region():
    # Russia named four times, Syria once: an unknown village falls back to Aleppo's province
    # (named, with its country), not to Moscow's
    text = ("Jets of Russia struck an aid convoy in rural Aleppo in Syria on Monday night. Russia "
            "denied it, Russia's envoy in Moscow blamed others and Russia asked for an inquiry. "
            "Fifteen volunteers were killed in the strike on Urum Saghira, rescuers said.")
    geo = located(text, "Fifteen volunteers were killed", "Urum Saghira", own_sentence=True)
    assert geo is not None and geo.country == "SY" and geo.admin1 == "Aleppo"


def test_a_pages_tags_are_no_mention_and_a_province_stays_beside_its_city():
    text = ("Jets struck two villages of Hama province on Friday. Tags Syria Hama Russia Shelling "
            "killed 12 people in the villages.")
    geo = located(text, "killed 12 people", "Hama", own_sentence=True)
    assert geo.precision == "governorate"
    # one report names the province and the city: each claim keeps its own reading
    text = ("Shelling killed 12 people in villages of Hama province on Friday. A car bomb "
            "killed 3 people in the city of Hama on Saturday.")
    r = make_result("p", text, [dict(phrase="killed 12 people", low=12, high=12, place="Hama"),
                                dict(phrase="killed 3 people", low=3, high=3, place="Hama")],
                    published="2017-05-20")
    first, second = r.claims
    first = replace(first, sentence=text[:text.index(" A car")], sentence_start=0)
    start = text.index("A car")
    second = replace(second, sentence=text[start:], sentence_start=start)
    province, city = (c.geo for c in locate_claims(r.document, [first, second]))
    assert (province.precision, city.precision) == ("governorate", "village")
    assert text_context("Tags Syria Hama Aleppo").mentions[0].tag

"""Where the harm happened: readings added in the place8 session (decisions §12.10)."""
from __future__ import annotations

from civcas import extract_text


def test_a_later_name_no_finer_than_the_town_named_does_not_replace_it():
    # "Tadmur" is another name of Palmyra: the later sentence names the town again, not a place inside it
    text = ("Militants killed 12 soldiers in the historic town of Palmyra in central Syria, activists said. "
            "The video showed the men being taken from the notorious Tadmur prison to the amphitheatre.")
    assert [c.place for c in extract_text(text, "2015-07-05")] == ["Palmyra"]


def test_the_same_harm_told_again_with_a_finer_place_takes_the_finer_place():
    text = ("At least 12 people were killed and 20 wounded by a car bomb in Syria's Idlib province. A local source "
            "said: \"At least 12 people were killed and 20 were injured in the blast near a market in Idlib's "
            "northern town of Sarmada.\"")
    assert [c.place for c in extract_text(text, "2017-05-21")] == ["Sarmada", "Sarmada"]


def test_a_sentence_with_figures_of_its_own_lends_no_place_to_a_figure_it_repeats():
    # a page's running head ("At least 30 civilians killed in shelling of Aleppo") run into the next sentence
    text = ("At least 30 civilians were killed in shelling of Aleppo city on Monday. At least 30 civilians killed in "
            "shelling of Aleppo Gunmen fired on the al-Midan neighbourhood, leaving two people dead.")
    assert [c.place for c in extract_text(text, "2016-05-03")][0] == "Aleppo"


def test_where_the_attackers_fled_to_or_came_from_is_no_place_of_harm():
    from civcas.extract.places import place_mentions
    fled = "Troops killed 14 militants in Tal Hamid, and the rest of the militants fled towards Abu Dali."
    came = "Troops repelled an attack from the direction of Abu Dali village on Tal Hamid, killing 14 militants."
    assert [m[2] for m in place_mentions(fled, "SY")] == ["Tal Hamid"]
    assert [m[2] for m in place_mentions(came, "SY")] == ["Tal Hamid"]
    assert [c.place for c in extract_text(fled, "2017-04-03")] == ["Tal Hamid"]


def test_a_sentence_opening_beside_the_place_told_is_about_somewhere_else():
    text = ("Barrel bombs killed 10 people in Aleppo city on Friday, the monitor said. North of Aleppo city, "
            "militants seized the village of Tal Jabin near the Turkish border.")
    assert [c.place for c in extract_text(text, "2014-08-15")] == ["Aleppo"]


def test_another_town_of_the_province_told_next_does_not_make_the_town_named_specific():
    text = ("A drone hit a position near the town of Sukhna in Homs province, killing eight fighters, the monitor "
            "said. On Sunday militants recaptured the town of Qaryatain in Homs province.")
    assert [c.place for c in extract_text(text, "2017-08-06")] == ["Sukhna"]


def test_a_war_s_toll_in_thousands_is_the_country_s():
    text = ("Government raids killed 130 civilians in Raqqa city on Sunday, the opposition coalition said. Its "
            "president said the world ignores that Assad's warplanes have killed thousands of children and women.")
    places = [c.place for c in extract_text(text, "2017-04-04", title="Coalition decries silence over Raqqa massacre")]
    assert places[0] == "Raqqa" and set(places[1:]) == {"Syria"}


def test_where_a_speaker_is_based_is_no_place_of_harm():
    from civcas.extract.places import place_mentions
    sentence = "The Britain-based monitor said the strike on Boukamal killed 15 civilians."
    assert [m[2] for m in place_mentions(sentence, "SY")] == ["Boukamal"]


def test_a_country_or_capital_that_speaks_is_no_place_of_harm():
    from civcas.extract.places import place_mentions
    says = "Congress debated strikes over a gas attack the United States says killed more than 1,400 people."
    denied = "Damascus has repeatedly denied using such weapons in the war in Syria."
    assert place_mentions(says, "SY") == []
    assert [m[2] for m in place_mentions(denied, "SY")] == ["Syria"]


def test_another_district_of_the_city_is_not_the_district_told_before():
    text = ("Ten people were killed in a car bomb attack in the Zahraa neighbourhood, the governor said. A second car "
            "bomb exploded in another neighbourhood of the city, wounding three people.")
    places = [c.place for c in extract_text(text, "2014-05-25", title="Car bomb in Syria's Homs kills 10")]
    assert places == ["Zahraa", "Homs"]


def test_a_count_per_place_without_its_commas_keeps_each_place():
    text = "The media office said 120 bodies were counted in Zamalka 80 in Ein Tarma and 35 in Jobar."
    assert [c.place for c in extract_text(text, "2013-08-22")] == ["Zamalka", "Ein Tarma", "Jobar"]


def test_a_wire_date_line_ends_the_standfirst_before_it():
    text = ("Militants counter-attack in Ras al-Ain, sending residents into Turkey AFP Saturday 17 Aug 2013 "
            "Militants attacked a Kurdish town in Syria sparking fighting in which 17 people were killed, "
            "a monitor said. The fighting in Ras al-Ain went on overnight.")
    claims = extract_text(text, "2013-08-17")
    assert [c.place for c in claims if c.low == 17] == ["Ras al-Ain"]


def test_a_river_or_valley_is_an_area_not_a_second_village():
    from civcas.extract.places import place_mentions
    found = {m[2]: m[3] for m in place_mentions(
        "The strikes hit the village of Al-Shafah on the eastern bank of the Euphrates River.", "SY")}
    assert found["Al-Shafah"] > found["Euphrates River"]
    text = ("Air strikes killed 53 civilians in a village held by militants on Sunday, the monitor said. The "
            "monitor said the strikes hit the village of Al-Shafah on the eastern bank of the Euphrates River.")
    assert [c.place for c in extract_text(text, "2017-11-27")] == ["Al-Shafah"]


def test_a_city_described_after_near_is_a_reference_point():
    from civcas.extract.english import CUES
    for before in ("a clinic in a village near Syria's second city ", "a village near the northern city of ",
                   "a village near "):
        assert CUES.near.search(before), before
    assert not CUES.near.search("a clinic in the city of ")


def test_a_quarter_named_for_the_figure_beats_the_city_the_quarters_stand_for():
    text = ("Shells fired by militants injured three civilians in al-Midan neighbourhood in Damascus, police said. "
            "Militants targeted the two neighbourhoods with rockets, injuring three people in al-Qassaa, "
            "according to a source.")
    assert [c.place for c in extract_text(text, "2016-05-03")] == ["al-Midan", "al-Qassaa"]


def test_an_embedded_tweet_ends_before_the_story_goes_on():
    from civcas.extract.tokens import sentence_spans
    text = ("Aid is entering besieged Madaya in rural Damascus pic.twitter.com/abc UN Aid (@UNAid) September 22 2016 "
            "The UN said the attack killed 20 civilians.")
    spans = sentence_spans(text)
    assert text[spans[-1][0]:spans[-1][1]].startswith("The UN said")


def test_harm_over_several_quarters_is_not_the_one_quarter_named_next():
    text = ("Shelling by militants on two residential neighbourhoods in the northern city of Aleppo left 11 people "
            "dead, the TV said. Shells fell on the al-Hamadaniyeh neighbourhood.")
    assert [c.place for c in extract_text(text, "2016-05-03")] == ["Aleppo"]


def test_an_acting_country_is_no_second_country_of_harm():
    text = ("An air strike killed five people in Khan Younis on Tuesday, the hospital said. Gaza's health ministry "
            "says Israel's offensive has killed more than 40,000 people in the territory.")
    assert [c.place for c in extract_text(text, "2024-09-10")][-1] is not None


def test_a_total_over_a_campaign_in_two_countries_is_no_one_country_s():
    text = ("The US-led coalition has fought IS in Iraq and Syria since 2014. In a statement on Thursday, the US "
            "military admitted that some 54 civilians had lost their lives in its air raids between March 31 and "
            "October 22.")
    claims = extract_text(text, "2017-11-30", title="Pentagon admits killing civilians in Syria")
    assert [(c.place, c.scope) for c in claims] == [(None, "cumulative")]


def test_the_hospital_the_victims_were_taken_to_is_no_place_of_harm():
    from civcas.extract.places import place_mentions
    sentence = "Relatives drove through the night taking eight bodies to the provincial hospital in Lashkar Gah."
    assert place_mentions(sentence, "AF") == []
    hit = "An air strike hit a hospital in Lashkar Gah, killing eight people."
    assert [m[2] for m in place_mentions(hit, "AF")] == ["Lashkar Gah"]

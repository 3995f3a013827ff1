"""Where the harm happened: readings added in the place10 session (decisions §12.13)."""
from __future__ import annotations

from civcas import extract_text
from civcas.extract.english import CUES


def test_figures_joined_by_and_share_the_place_after_them_when_another_harm_follows():
    # "a day after" opens another harm with its own place; the two figures before it share theirs
    text = ("Three women were killed and 12 injured in shelling on the rebel-held east of Hama city on Friday, "
            "two days after an air strike on a market in Idlib province left 20 people dead.")
    assert [c.place for c in extract_text(text, "2016-04-30")] == ["Hama", "Hama", "Idlib"]


def test_the_west_of_a_city_is_a_part_of_it_not_a_reference_point():
    assert not CUES.near.search("killed in the rebel-held west of ")
    assert not CUES.near.search("shelling on the east of ")
    assert CUES.near.search("a village west of ")


def test_harm_across_the_province_told_before_is_the_province_s():
    text = ("Government air strikes hit a school in the town of Kafr Nabl in Idlib province on Monday, killing 12 "
            "children. The attack drew wide condemnation from aid groups. Rebel groups hold most of Idlib province. "
            "Aid agencies have warned of a new exodus toward the Turkish border. The World Food Programme suspended "
            "deliveries. Five days of raids across the northwestern province have killed more than 60 civilians, "
            "the Observatory said.")
    assert [c.place for c in extract_text(text, "2016-04-26")] == ["Kafr Nabl", "Idlib"]


def test_the_province_is_referred_back_to_only_for_harm_spread_across_it():
    from civcas.extract.placerefs import kind_referred
    assert kind_referred("Raids across the northwestern province killed 60.") == "province"
    assert kind_referred("A source in the province said three were killed.") is None


def test_a_place_and_other_areas_of_a_region_is_the_region_s_harm():
    one = "Troops killed 25 fighters in al-Bukamal and in other areas in Deir Ezzor."
    two = "Shelling killed six civilians in Zahra and other parts of Aleppo."
    assert [c.place for c in extract_text(one, "2016-04-26")] == ["Deir Ezzor"]
    assert [c.place for c in extract_text(two, "2016-04-26")] == ["Aleppo"]


def test_a_place_typed_by_a_title_case_kind_in_a_headline_is_named_with_its_kind():
    from civcas.extract.places import place_mentions
    text = ("Two Car Bombs Target Qudsaya Area in Rural Damascus Kill 30. The blasts hit a crowded market street, "
            "leaving 30 people dead and 90 others wounded.")
    assert [c.place for c in extract_text(text, "2016-04-26")] == ["Qudsaya", "Qudsaya"]
    # a known city or province before the kind holds the place, it is not the place typed
    assert [m[3] for m in place_mentions("Bomb Kills 18 in Homs Suburb", "SY")] != [5]


def test_a_figure_told_again_by_another_source_with_a_finer_place_takes_that_place():
    text = ("Rockets fired on residential neighbourhoods in Hama city killed nine people, the Syrian Observatory for "
            "Human Rights said. State news agency SANA said the rockets hit the Bab Qebli neighbourhood in Hama city, "
            "killing nine people and wounding 20 others.")
    assert [c.place for c in extract_text(text, "2016-04-26")] == ["Bab Qebli"] * 3
    two = ("Rockets fired on residential neighbourhoods in Hama city killed two people, the Syrian Observatory for "
           "Human Rights said. State news agency SANA said rockets hit the Bab Qebli neighbourhood in Hama city, "
           "killing two people.")
    assert [c.place for c in extract_text(two, "2016-04-26")][0] == "Hama"  # two: by chance as often as not


def test_a_roundup_s_region_heading_run_into_the_sentence_opens_another_place():
    from civcas.extract.headings import opens_section
    text = ("Hama An army unit destroyed a tank in the village of Kafr Zita, killing nine militants. Homs The air "
            "force struck militant positions around the town of Qaryatain in the eastern countryside. A military "
            "source said the strikes killed many militants.")
    assert [c.place for c in extract_text(text, "2016-04-26")] == ["Kafr Zita", "Qaryatain"]
    assert opens_section("Deir Ezzor Army units targeted positions in the city.")
    assert not opens_section("The army killed 20 militants in Homs.")
    assert not opens_section("Rebels The group said it shelled the town.")  # no region the gazetteer knows


def test_an_agency_credit_after_a_caption_s_date_ends_the_caption():
    from civcas.extract.tokens import ends_caption, sentence_spans
    text = ("A man walks past a damaged clinic in the town of Saraqeb in Idlib province Syria May 3 2016 (Example "
            "News and Agencies) A car bomb exploded at a market in Jisr al-Shughur, killing 11 people.")
    parts = [text[s:e] for s, e in sentence_spans(text)]
    assert len(parts) == 2 and ends_caption(parts[0])
    assert [c.place for c in extract_text(text, "2016-05-04")] == ["Jisr al-Shughur"]
    # a credit after a full stop, or with no date before it, is left as it was
    assert len(sentence_spans("Rebels shelled the town (Example News and Agencies) on Monday.")) == 1


def test_where_the_victims_were_travelling_to_is_no_place_of_harm():
    from civcas.extract.places import place_mentions
    assert place_mentions("The two brothers were travelling back to the town of Azaz when the shell hit.", "SY") == []
    assert place_mentions("A mine exploded under a car that was headed for Saraqeb.", "SY") == []
    assert [m[2] for m in place_mentions("A drone struck a car in Saraqeb.", "SY")] == ["Saraqeb"]


def test_places_named_after_between_are_place_mentions():
    from civcas.extract.places import place_mentions
    found = place_mentions("A car bomb exploded on the road between Kafr Nabl and Hass in Idlib countryside.", "SY")
    assert [m[2] for m in found] == ["Kafr Nabl", "Hass", "Idlib"]


def test_harm_over_the_quarters_a_sentence_ends_on_is_the_city_s_the_account_is_about():
    text = ("Shells fired by militants on Aleppo city killed two people on Monday, a police source said. Later the "
            "source said that three persons were injured by shells fired on the neighbourhoods of al-Shaar and "
            "al-Hamadaniyeh.")
    assert [c.place for c in extract_text(text, "2016-04-26")] == ["Aleppo", "Aleppo"]


def test_harm_over_quarters_listed_before_the_toll_is_the_city_s_the_headline_is_about():
    text = ("An army unit targeted militant positions in the neighbourhoods of al-Shaar and al-Hamadaniyeh killing "
            "12 militants and injuring 20 others.")
    claims = extract_text(text, "2016-04-26", title="Army kills 12 militants in Aleppo")
    assert [c.place for c in claims] == ["Aleppo", "Aleppo"]


def test_a_name_joined_by_and_to_a_place_after_in_is_a_place_and_a_city_after_the_list_holds_it():
    from civcas.extract.placelists import listed_region
    from civcas.extract.places import place_mentions
    text = "Artillery fire hit militant positions in al-Rashidiya al-Gharbiya and Sheikh Marwan according to a reporter."
    assert [m[2] for m in place_mentions(text, "SY")] == ["al-Rashidiya al-Gharbiya", "Sheikh Marwan"]
    held = "Air strikes hit positions in Unq al-Hawa and Wadi al-Ghurab in Jubb al-Jarrah, killing several militants."
    assert listed_region(place_mentions(held, "SY"), held) == "Jubb al-Jarrah"
    between = "The blast hit a mosque between Unq al-Hawa and Wadi al-Ghurab in Jubb al-Jarrah, wounding ten."
    assert listed_region(place_mentions(between, "SY"), between) != "Jubb al-Jarrah"


def test_a_place_and_several_other_cities_of_a_country_is_the_country_s_harm():
    text = "Since the start of the war a series of car bombs have targeted Homs and several other Syrian cities killing dozens."
    assert [c.place for c in extract_text(text, "2016-04-26")] == ["Syria"]

"""Where the harm happened: readings added in the place9 session (decisions §12.11)."""
from __future__ import annotations

from civcas import extract_text
from civcas.extract.english import CUES


def test_a_town_named_after_a_list_as_holding_it_is_the_place_of_harm():
    # harm over several places takes the smallest place holding them (GUIDE): the town they are parts of
    parts = ("Over 20 militants were killed after their positions in two regions of al-Duweh and "
             "Jabal Hayyan in the eastern parts of the ancient city of Palmyra came under air strikes.")
    held = ("Shells hit the villages of Kafr Nabl and Hass in the town of Maarat al-Numan, "
            "killing six civilians.")
    assert [c.place for c in extract_text(parts, "2016-03-10")] == ["Palmyra"]
    assert [c.place for c in extract_text(held, "2016-03-10")] == ["Maarat al-Numan"]


def test_a_village_joined_to_the_list_by_and_in_is_one_more_item_not_its_holder():
    text = ("Army units killed many militants in the surroundings of Tal Mashara and in the village of "
            "Kafr Nabl in Idlib countryside.")
    assert [c.place for c in extract_text(text, "2016-03-10")] == ["Idlib"]


def test_a_place_after_a_description_and_of_is_a_place_the_harm_was_in():
    assert CUES.at.search("killed 14 people in the rebel stronghold of ")
    assert CUES.at.search("fighting in the town of ")
    assert not CUES.at.search("killed 14 people north of ")


def test_names_before_a_plural_kind_are_a_list_held_by_the_city_named_after():
    text = ("Two people were killed and five wounded when rockets fell on the al-Kanisa and al-Haddadin "
            "residential neighbourhoods in Hama city.")
    assert [c.place for c in extract_text(text, "2016-03-10")] == ["Hama", "Hama"]


def test_a_region_named_only_to_locate_a_finer_place_is_not_the_place_of_harm():
    text = ("Army repels attack in Qalamoun, kills 10 militants. The army repelled an attack "
            "on one of its posts in Ain al-Tineh in Qalamoun, killing 10 militants and wounding 20 others.")
    claims = extract_text(text, "2014-10-01", title="Army repels attack in Qalamoun, kills 10 militants")
    assert {c.place for c in claims if "Ain" in c.sentence} == {"Ain al-Tineh"}


def test_harm_in_these_areas_is_not_the_one_place_the_account_struck():
    text = ("Some 14 people were killed by shells that hit the al-Midan and al-Sulaymaniyah "
            "neighbourhoods and the vicinity of Bab al-Faraj Square. More than 40 others were wounded "
            "in the attacks in these areas, SANA said.")
    claims = extract_text(text, "2016-03-10", title="14 civilians killed in shelling on Aleppo")
    assert [c.place for c in claims if "these areas" in c.sentence] == ["Aleppo"]


def test_a_country_named_for_its_ministry_is_no_place_of_harm():
    from civcas.extract.places import place_mentions
    said = "Besides the 20 dead, Iraq's Interior Ministry reported 60 wounded from the explosion."
    assert place_mentions(said, "IQ") == []
    text = ("A car bomb killed 20 people in Baghdad on Monday. The truck exploded in the Bab al-Sharqi "
            "neighbourhood in the centre of the city. " + said)
    assert [c.place for c in extract_text(text, "2016-03-10")][-1] == "Bab al-Sharqi"


def test_a_place_after_a_list_and_in_holds_the_list():
    unknown = ("Air strikes on militant positions in Tal Sawan and Wadi Barada in Ain al-Fijah killed "
               "several militants.")
    known = ("Air strikes on militant positions in Tal Sawan, Kafr Nabl and Hass in Maarat al-Numan killed "
             "several militants.")
    assert [c.place for c in extract_text(unknown, "2016-03-10")] == ["Ain al-Fijah"]
    assert [c.place for c in extract_text(known, "2016-03-10")] == ["Maarat al-Numan"]


def test_a_town_named_next_with_its_kind_is_no_part_of_the_town_named():
    text = ("At least 30 militants were killed as Kurdish forces advanced in Deir Jamal in Aleppo "
            "countryside. Sources said the fighters seized control of Ain Daqneh town and were heading "
            "north.")
    title = "Dozens of militants killed as Kurds advance in Aleppo countryside"
    claims = extract_text(text, "2016-02-15", title=title)
    assert [c.place for c in claims] == ["Deir Jamal"]


def test_a_province_locating_a_reference_point_is_not_nearer_than_it():
    # GUIDE: a place named only as a reference point is the place when nothing nearer is named
    text = ("Troops killed 12 militants near Dael town in Daraa countryside. Soldiers later ambushed a "
            "convoy of fighters just east of Ibtaa in Daraa countryside, killing dozens of them.")
    claims = extract_text(text, "2016-09-12", title="Army ambushes in Daraa countryside")
    assert claims[-1].place == "Ibtaa"


def test_a_military_training_camp_goes_up_to_its_town():
    # GUIDE: a single building or street goes up to its town; a military site is one
    text = ("50 militants were killed and many wounded in joint air strikes on the big military training "
            "camp of Marqada run by the group in Palmyra city in eastern Homs.")
    claims = extract_text(text, "2016-11-23", title="50 killed in strikes on militant camp in Homs")
    assert [c.place for c in claims] == ["Palmyra", "Palmyra"]


def test_names_listed_after_a_known_village_before_their_region_are_a_list():
    text = ("Army units killed dozens of militants in Kafr Shams and Tell al-Jumou al-Sharqi in the western "
            "countryside of Daraa on Monday.")
    assert [c.place for c in extract_text(text, "2016-03-10")] == ["Daraa"]


def test_a_figure_told_again_for_its_province_keeps_the_village_told_first():
    text = ("An air strike on Saturday killed 14 people including four children in the rebel-held village of "
            "Deir Sharqi in Syria's Idlib province. At least 14 civilians including four children were "
            "killed in an air strike on Syria's northwestern province of Idlib, the Observatory said.")
    claims = extract_text(text, "2017-04-08", title="Strike on Idlib kills 14")
    assert {c.place for c in claims} == {"Deir Sharqi"}


def test_a_harm_of_months_before_told_for_comparison_is_not_the_account_s_place():
    text = ("A suicide bomber killed 31 people at a school in the Akrameh district of Homs on Wednesday. "
            "Al-Nusra Front said it was behind a similar bombing in the city that killed at least 12 people "
            "in May. The governor later gave a toll of 35 killed and 80 wounded.")
    claims = extract_text(text, "2014-10-02", title="School bombing kills 31 in Homs")
    assert [c.place for c in claims] == ["Akrameh", "Homs", "Akrameh", "Akrameh"]


def test_a_page_s_related_stories_run_into_the_lede_name_no_place_of_harm():
    text = ("Car bomb kills 20 in Syria AFP Friday 15 Aug 2014 Print Tweet Views 120 Related Jordan opens "
            "new camp for refugees Iraq jets strike militants near Mosul Lebanon arrests suspects At least "
            "20 people were killed when a car bomb exploded near a mosque in Daraa province.")
    claims = extract_text(text, "2014-08-15", title="Car bomb kills 20 in Syria")
    assert [c.place for c in claims] == ["Daraa"]


def test_a_caption_credited_file_is_no_part_of_the_story_s_account():
    from civcas.extract.tokens import ends_caption
    caption = ("Police patrol on May 3, 2018 near the site of an attack on a checkpoint in the city of "
               "Misrata. (File/AFP)")
    assert ends_caption(caption)
    # (the day's clashes: since the place refit of decisions §12.15 a total "since May 1" goes to the country)
    text = caption + " The Health Ministry said that the clashes on Thursday left 120 others wounded."
    claims = extract_text(text, "2018-05-04", title="Death toll from Tripoli clashes climbs to 40")
    assert [c.place for c in claims] == ["Tripoli"]


def test_harm_of_weeks_before_takes_no_place_from_the_account():
    # decisions §12.15 (acc.earlier): "a similar bombing ... in March", in an account of a Tuesday in June
    text = ("Two car bombs killed 18 people in the Zahraa district of Homs on Tuesday. Islamic State said it was "
            "behind a similar attack in the city that killed 22 people in March.")
    claims = extract_text(text, "2016-06-01", title="Twin car bombs kill 18 in Homs")
    assert [c.place for c in claims] == ["Zahraa", "Homs"]

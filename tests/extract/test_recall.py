"""Recall on real wording: classes of phrasing that name casualties, each with sentences we wrote.

Each case lists the (outcome, victims, low, high) of every claim the sentence holds, in any order.
"""
from __future__ import annotations

import pytest

from civcas import extract_text


def keys(text: str, published: str = "2019-05-02") -> list[tuple]:
    return sorted((c.outcome, c.victims, c.low, c.high) for c in extract_text(text, published=published))


CASES = [
    # a word between the number and the noun
    ("A roadside bomb killed two Iraqi policemen near Kirkuk.", [("killed", "security_forces", 2, 2)]),
    ("The blast killed four NATO soldiers on patrol.", [("killed", "security_forces", 4, 4)]),
    ("The drone strike killed three Al Shabaab fighters, the army said.", [("killed", "combatants", 3, 3)]),
    ("Gunmen killed three brothers, all farmers, in the village.", [("killed", "people", 3, 3)]),
    ("Officials said members of the Russian forces killed in Syria numbered 18.", []),
    ("The ministry raised the number of members of the Russian forces killed in Syria to 18.",
     [("killed", "security_forces", 18, 18)]),
    ("Shells claimed the lives of two children and injured five others.",
     [("injured", "children", 5, 5), ("killed", "children", 2, 2)]),
    # bodies recovered or received, hospital figures
    ("Rescuers pulled 13 bodies from the rubble of the market.", [("killed", "people", 13, 13)]),
    ("The hospital had received 25 bodies by the evening.", [("killed", "people", 25, 25)]),
    ("Residents were seen carrying six bodies to the cemetery.", [("killed", "people", 6, 6)]),
    ("Rescue workers recovered the body of a woman from the ruins.", [("killed", "women", 1, 1)]),
    ("Some 43 people were taken to hospitals across the city after the blast.", [("injured", "people", 43, 43)]),
    ("Nine people were hospitalised after the shelling.", [("injured", "people", 9, 9)]),
    ("Two officials were airlifted to Nairobi for treatment after the bombing.", [("injured", "civilians", 2, 2)]),
    # the death toll rose to N, however far the toll word is
    ("The death toll from the suicide bombing at the wedding hall in the capital has risen to 17.",
     [("killed", "people", 17, 17)]),
    ("The toll from Monday's air strikes on the market town of Saraqeb climbed to at least 31.",
     [("killed", "people", 31, None)]),
    ("The number of casualties had already exceeded 70, officials said.", [("casualties", "people", 71, None)]),
    # single victims
    ("A woman was killed when a shell hit her house in Taiz.", [("killed", "women", 1, 1)]),
    ("The strike killed its 30-year-old worker at the depot.", [("killed", "civilians", 1, 1)]),
    ("Another resident was injured and taken to hospital.", [("injured", "civilians", 1, 1)]),
    ("Shelling wounded a six-year-old boy in the southern district.", [("injured", "children", 1, 1)]),
    ("A strike killed 21 people, including a father and his two-year-old daughter.",
     [("killed", "children", 1, 1), ("killed", "men", 1, 1), ("killed", "people", 21, 21)]),
    ("Shelling killed a man and his wife in the village.", []),  # lone individuals of a list
    ("Gunmen killed the driver and wounded his son.", [("injured", "people", 1, 1)]),
    # nationality plurals and role nouns
    ("The bombing killed nine Yemenis and two Somalis at the port.", [("killed", "people", 2, 2), ("killed", "people", 9, 9)]),
    ("Three local district commissioners were among the dead.", [("killed", "civilians", 3, 3)]),
    ("The attack killed four aid workers and two journalists.", [("killed", "civilians", 2, 2), ("killed", "civilians", 4, 4)]),
    # enumerations and breakdowns
    ("Five girls, seven boys and two women were killed as they slept.",
     [("killed", "children", 5, 5), ("killed", "children", 7, 7), ("killed", "women", 2, 2)]),
    ("The attack killed 11 people, including eight civilians, and wounded 33 others.",
     [("injured", "people", 33, 33), ("killed", "civilians", 8, 8), ("killed", "people", 11, 11)]),
    ("The toll climbed to 131 people, including many women and children.",
     [("killed", "children", None, None), ("killed", "people", 131, 131), ("killed", "women", None, None)]),
    ("Fourteen of the injured were children, the mayor said.", [("injured", "children", 14, 14)]),
    ("A strike killed a family of four in their house.", [("killed", "people", 4, 4)]),
    # qualifiers
    ("The missiles killed 14 people, wounding well over 100 others.",
     [("injured", "people", 101, None), ("killed", "people", 14, 14)]),
    # denials worded otherwise
    ("The army said no civilians were harmed in the operation.", [("casualties", "civilians", 0, 0)]),
    ("The initial assessment is that no civilians were injured or killed.", [("casualties", "civilians", 0, 0)]),
    ("The strike caused no casualties, the ministry said.", [("casualties", "people", 0, 0)]),
    ("A drone hit the depot, with no casualties reported so far.", [("casualties", "people", 0, 0)]),
    ("Officials said no injuries were reported.", [("injured", "people", 0, 0)]),
    # not claims
    ("As of 16:45 on Monday, nine people had been killed.", [("killed", "people", 9, 9)]),
    # a time of day in a dateline is no figure
    ("Damascus 07-08-2013 0147 PM A Syrian army unit killed dozens of militants near Adra.",
     [("killed", "combatants", None, None)]),
    ("The car bomb went off at 1130 GMT and killed 12 people.", [("killed", "people", 12, 12)]),
    ("About 50 were killed in several jihadist raids last week.", [("killed", "people", 50, 50)]),
    ("A man carried a wounded child to the ambulance.", [("injured", "children", 1, 1)]),
    # every nationality of the vocabulary may stand between number and noun; a nation then a noun
    ("Four Yemeni fishermen were killed when the boat was hit.", [("killed", "civilians", 4, 4)]),
    ("Two Sudanese aid workers were killed in the shelling.", [("killed", "civilians", 2, 2)]),
    ("A video showed the killing of two Syrian activists.", [("killed", "civilians", 2, 2)]),
    # one figure for an armed and an unarmed group is people; two numbers are two figures
    ("Scores of troops and state employees were killed after the town fell.", [("killed", "people", None, None)]),
    ("Four soldiers and two civilians were killed.", [("killed", "security_forces", 4, 4),
                                                     ("killed", "civilians", 2, 2)]),
    # a list of unnumbered individuals, commas or not, is no figure
    ("A man woman and child died in the attack on the village.", []),
    # among the victims: killed or hurt, the text does not say
    ("Twelve children were among the victims of the attack.", [("casualties", "children", 12, 12)]),
    # a word the lexicon does not list, between number and victim noun
    ("Seven field commanders were killed in the raid.", [("killed", "combatants", 7, 7)]),
    # one group named by two bodies it belongs to, however the second is cased
    ("At least 25 members of the YPG and the Asayish were killed in twin bombings in Qamishli.",
     [("killed", "combatants", 25, None)]),
    ("Some 30 fighters of Jaish al-Islam and Faylaq al-Rahman were killed in clashes, activists said.",
     [("killed", "combatants", 30, 30)]),
    ("Twelve members of the YPG and asayesh died in the attack.", [("killed", "combatants", 12, 12)]),
    ("More than 60 militants from Chechnya, Tunisia and Egypt were killed in the raid.",
     [("killed", "combatants", 61, None)]),
    # a breakdown's list goes on after "and"; "N others" after it are more, of the total's group
    ("Six civilians died, among them a boy and three women, and eleven others were hurt.",
     [("killed", "civilians", 6, 6), ("killed", "children", 1, 1), ("killed", "women", 3, 3),
      ("injured", "civilians", 11, 11)]),
    ("Six civilians died among them a boy and three women and eleven others were hurt.",
     [("killed", "civilians", 6, 6), ("killed", "children", 1, 1), ("killed", "women", 3, 3),
      ("injured", "civilians", 11, 11)]),
    ("At least 40 people were killed including 12 children and 30 others were wounded.",
     [("killed", "people", 40, None), ("killed", "children", 12, 12), ("injured", "people", 30, 30)]),
    # a count per place after the first ("150 in X, 100 in Y")
    ("The media office said 150 bodies were counted in Hammouriya, 100 in Kfar Batna and 61 in Douma.",
     [("killed", "people", 150, 150), ("killed", "people", 100, 100), ("killed", "people", 61, 61)]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_recall_class(text, expected):
    assert keys(text) == sorted(expected)


def test_more_precise_wording_is_one_claim():
    text = ("Air strikes killed at least 20 people at a wedding, residents said. "
            "Residents said 20 people attending the celebration were killed.")
    assert keys(text) == [("killed", "people", 20, 20)]


def test_others_in_the_next_sentence_take_the_group_before():
    text = ("The mission said the strikes killed four aid workers and seven other civilians. "
            "It said the strikes also wounded up to 40 others.")
    assert ("injured", "civilians", None, 40) in keys(text)


def test_a_repeated_definite_figure_is_no_new_claim():
    text = ("A car bomb killed 36 people in Baghdad on Monday, police said. "
            "In addition to the 36 dead, the ministry reported 75 wounded.")
    assert keys(text) == [("injured", "people", 75, 75), ("killed", "people", 36, 36)]


@pytest.mark.parametrize("text, claims", [
    # ", with N injured" is a clause of its own: the figure before keeps its toll's outcome
    ("The death toll from the strike on the city has risen to 10, with 90 people injured.",
     [("killed", 10), ("injured", 90)]),
    ("The blast killed 12 people, with 30 others wounded.", [("killed", 12), ("injured", 30)]),
    # "along with" still joins two groups under one participle
    ("Twelve civilians along with three children were killed.", [("killed", 12), ("killed", 3)]),
])
def test_with_opens_a_clause_but_along_with_joins(text, claims):
    assert [(c.outcome, c.low) for c in extract_text(text, "2016-10-26")] == claims


def test_a_number_before_a_new_sentence_counts_no_one():
    # a page's share counter run into the next sentence, its full stop lost in the copy
    claims = extract_text("Shares 612 A woman was killed when shells hit the centre of Damascus on Sunday.")
    assert not any(c.low == 612 for c in claims)
    # a toll whose full stop was lost keeps its figure, without the next sentence's noun
    claims = extract_text("The death toll rose to 12 A child was among the dead.")
    assert [(c.victims, c.low) for c in claims if c.low == 12] == [("people", 12)]


@pytest.mark.parametrize("text, toll", [
    ("A resident said four women and three men died in the strike, and the mayor put the death toll at 11.", 11),
    ("Two policemen were killed on Monday, raising the death toll to 14.", 14),
    ("Three children died, and officials said the toll had risen to 9.", 9),
])
def test_a_bare_toll_after_a_breakdown_counts_everyone(text, toll):
    # GUIDE: a figure without a group noun takes the group it is coordinated with, never a breakdown
    # subgroup; a toll is the total of the attack: people
    assert ("killed", "people", toll, toll) in keys(text)


@pytest.mark.parametrize("text, want", [
    ("Shelling killed eight women and children in the town.", [("killed", "civilians", 8, 8)]),
    ("Thirty people were killed, six of them women or children.",
     [("killed", "civilians", 6, 6), ("killed", "people", 30, 30)]),
    ("The strike killed 12 men and women.", [("killed", "people", 12, 12)]),
    # counted apart, or vague: each group its own claim (GUIDE: counted groups of an enumeration)
    ("Three women and six children were killed.", [("killed", "children", 6, 6), ("killed", "women", 3, 3)]),
    ("Many women and children were killed.", [("killed", "children", None, None), ("killed", "women", None, None)]),
])
def test_one_count_over_two_kinds_of_civilians_is_civilians(text, want):
    assert keys(text) == want


def test_troops_of_a_non_state_force_are_combatants():
    assert keys("At least 40 IS fighters and 28 SDF troops were killed.") == [
        ("killed", "combatants", 28, 28), ("killed", "combatants", 40, None)]
    assert keys("Clashes killed 12 government troops.") == [("killed", "security_forces", 12, 12)]


@pytest.mark.parametrize("text, want", [
    ("The shelling hit the market, killing a woman and wounding 25.",
     [("injured", "people", 25, 25), ("killed", "women", 1, 1)]),
    ("Shells killed one civilian and injured four.", [("injured", "people", 4, 4), ("killed", "civilians", 1, 1)]),
    ("The shelling killed three children and wounded 12.",
     [("injured", "children", 12, 12), ("killed", "children", 3, 3)]),
])
def test_a_bare_figure_after_a_single_person_counts_people(text, want):
    # GUIDE: a figure without a group noun takes the group of the counted figure it is coordinated with;
    # people when that figure is a single person
    assert keys(text) == want


def test_a_count_per_place_goes_on_with_the_kind_of_place_named():
    text = "Five more civilians were killed in the town of Sabqa and one in the town of Harasta."
    assert [(c.low, c.place) for c in extract_text(text)] == [(5, "Sabqa"), (1, "Harasta")]


@pytest.mark.parametrize("text, want", [
    # fighters of a group on the government's side of the report's war are security forces
    ("Israeli jets killed nine Hezbollah fighters near Qusayr in Syria, the monitor said.", "security_forces"),
    ("An air strike killed 14 fighters of the Popular Mobilisation Forces near Baiji in Iraq.", "security_forces"),
    ("A drone strike killed seven Iranian-backed fighters near Albukamal in Syria.", "security_forces"),
    ("Islamic State attacked a Popular Mobilisation checkpoint near Samarra in Iraq, killing six fighters.",
     "security_forces"),
    ("Rebel shelling killed 15 regime soldiers and militiamen in Aleppo in Syria.", "security_forces"),
    ("The ambush killed nine troops and allied fighters near Palmyra in Syria.", "security_forces"),
    # ... and fighters of the other side stay combatants
    ("Hezbollah fighters stormed a rebel position near Qusayr in Syria, killing four fighters.", "combatants"),
    ("Coalition strikes killed 20 Islamic State fighters near Raqqa in Syria.", "combatants"),
])
def test_fighters_of_the_governments_side_are_security_forces(text, want):
    assert [c.victims for c in extract_text(text, published="2017-03-02")] == [want]


@pytest.mark.parametrize("text", [
    "Shelling killed 8 people and wounded 12 in the town on Monday, but the toll is likely to rise because many of "
    "the wounded were in critical condition.",
    "Shelling killed 8 people in the town on Monday. Doctors expect many of the wounded to die.",
    "Shelling killed 8 people and wounded 12 in the town on Monday; most of the injured were taken to Kherson.",
])
def test_a_vague_share_of_the_wounded_is_no_claim(text):
    claims = extract_text(text, "2020-01-01")
    assert claims and all(c.low is not None for c in claims)  # the counted figures only


def test_a_capitalised_singular_title_after_a_count_is_the_speaker_not_the_victims():
    claims = extract_text("A missile strike on an air base near Homs killed five people and injured seven Homs Governor "
                          "Talal Barazi said Friday.", "2017-04-07")
    assert [(c.outcome, c.victims, c.low) for c in claims] == [("killed", "people", 5), ("injured", "people", 7)]
    assert extract_text("One Soldier Killed in Blast", "2017-04-07")[0].victims == "security_forces"


@pytest.mark.parametrize("headline", ["2 Syrians killed 5 Injured in Rocket Attack on Deir Ezzor",
                                      "3 Iraqis killed 12 wounded in Baghdad blast"])
def test_a_nationality_killed_then_a_count_wounded_is_two_claims(headline):
    claims = extract_text(headline, "2016-03-04")
    assert [c.outcome for c in claims] == ["killed", "injured"]


@pytest.mark.parametrize("text, want", [
    ("The army killed a field commander of the group and eight more militants in the village.",
     ("killed", "combatants", 8)),
    ("Strikes killed the head of the local council and 12 civilians.", ("killed", "civilians", 12)),
])
def test_a_count_after_one_person_and_his_of_phrase_takes_the_verb_before_them(text, want):
    assert [(c.outcome, c.victims, c.low) for c in extract_text(text, "2016-07-27")] == [want]


def test_individuals_among_the_dead_of_a_toll_told_before_are_claims():
    text = ("At least 22 people were killed on Friday when a car bomb exploded in Namar. Among the dead were a woman "
            "and a child, the monitor said.")
    got = [(c.victims, c.low) for c in extract_text(text, "2014-08-15")]
    assert ("women", 1) in got and ("children", 1) in got
    assert extract_text("Shelling claimed the lives of a man and his wife.", "2014-08-15") == []  # no toll: none


def test_a_count_after_a_possessive_in_a_list_is_a_claim():
    claims = extract_text("Warplanes killed at least six civilians, including a woman and her four children, the "
                          "monitor said.", "2016-06-12")
    assert ("children", 4) in [(c.victims, c.low) for c in claims]


def test_the_life_of_one_person_is_a_death():
    claims = extract_text("Shelling hit the house on Monday, taking the life of a child.", "2016-10-10")
    assert [(c.outcome, c.victims, c.low) for c in claims] == [("killed", "children", 1)]


@pytest.mark.parametrize("text", [
    "Numbers of militants were killed when the army shelled their base.",
    "Troops stormed the hideout and killed a number of militants.",
    "The raid on the gunmen's base left big numbers of militants dead.",
])
def test_numbers_of_a_group_is_a_vague_count_of_that_group(text):
    assert keys(text) == [("killed", "combatants", None, None)]


def test_them_after_a_vague_amount_is_the_group_named_far_before():
    text = ("Army units shelled positions of the militants in the hills east of the town and in three farms along the "
            "road to the river crossing, killing a large number of them.")
    assert keys(text) == [("killed", "combatants", None, None)]


@pytest.mark.parametrize("text, want", [
    ("The army destroyed a number of gatherings of militants in the valley.", []),
    ("Jets hit dozens of positions of the militants, killing many.", [("killed", "people", None, None)]),
])
def test_a_vague_amount_of_things_counts_no_one(text, want):
    assert keys(text) == want


@pytest.mark.parametrize("text, want", [
    ("Raids killed 16 civilians and wounded 22 it said.",
     [("injured", "civilians", 22, 22), ("killed", "civilians", 16, 16)]),
    ("Shelling killed three and wounded 12 they said.", [("injured", "people", 12, 12), ("killed", "people", 3, 3)]),
])
def test_a_pronoun_after_a_bare_figure_opens_the_speakers_words(text, want):
    assert keys(text) == want  # copy that lost its commas: "wounded 22 it said"


@pytest.mark.parametrize("text, want", [
    ("A volunteer militia has killed 12 militants near the town.", [("killed", "combatants", 12, 12)]),
    ("A teacher union said two teachers were killed.", [("killed", "civilians", 2, 2)]),
    ("A volunteer was killed near the town.", [("killed", "civilians", 1, 1)]),
])
def test_a_singular_noun_before_a_body_is_no_victim(text, want):
    assert keys(text) == want


@pytest.mark.parametrize("text, want", [
    ("The mayor said 30 remained in hospital after the attack.", [("injured", "people", 30, 30)]),
    ("The mayor said dozens remained in hospital after the attack.", [("injured", "people", None, None)]),
    ("The army said it had neutralised a larger number of rebel fighters.", [("killed", "combatants", None, None)]),
])
def test_a_bare_figure_kept_in_hospital_and_a_larger_number(text, want):
    assert keys(text) == want

"""figures: which figure is a casualty claim, its outcome and its victim group."""
from __future__ import annotations

import pytest

from civcas import extract_text
from civcas.extract.figures import find_raw_claims
from civcas.extract.tokens import tokenize


def claims(sentence: str) -> list[tuple]:
    """(outcome, victims, low, high, qualifier) of each claim in one sentence, in order."""
    return [
        (c.outcome, c.victims, c.fig.low, c.fig.high, c.fig.qualifier)
        for c in find_raw_claims(tokenize(sentence))
    ]


def short(sentence: str) -> list[tuple]:
    """(outcome, victims, low, high) of each claim."""
    return [c[:4] for c in claims(sentence)]


def spans(sentence: str) -> list[str]:
    toks = tokenize(sentence)
    return [sentence[toks[c.first].start:toks[c.last - 1].end] for c in find_raw_claims(toks)]


# ------------------------------------------------------------------ outcomes


@pytest.mark.parametrize("sentence, expected", [
    # participle after the victims
    ("Twelve civilians were killed in the raid.", [("killed", "civilians", 12, 12)]),
    ("Two children were wounded.", [("injured", "children", 2, 2)]),
    ("Eight people died and 20 were hurt.", [("killed", "people", 8, 8), ("injured", "people", 20, 20)]),
    ("The bombings left 50 people dead.", [("killed", "people", 50, 50)]),
    ("At least four civilians died of their wounds.", [("killed", "civilians", 4, None)]),
    ("Twenty people lost their lives in the attack.", [("killed", "people", 20, 20)]),
    ("Three men were injured by shrapnel.", [("injured", "men", 3, 3)]),
    # verb before the victims
    ("Air strikes killed 12 civilians in the town.", [("killed", "civilians", 12, 12)]),
    ("Militants executed 20 men in the town square.", [("killed", "men", 20, 20)]),
    ("The shelling wounded nine people.", [("injured", "people", 9, 9)]),
    ("The strike hit a market, killing 15 people and injuring 25 others.",
     [("killed", "people", 15, 15), ("injured", "people", 25, 25)]),
    ("A bomb went off at 7 am, killing four people.", [("killed", "people", 4, 4)]),
    ("Air strikes destroyed three hospitals, killing nine patients.", [("killed", "civilians", 9, 9)]),
    ("Eleven people were killed in the attack, which also wounded 30.",
     [("killed", "people", 11, 11), ("injured", "people", 30, 30)]),
    # tolls and nouns
    ("The death toll rose to 35.", [("killed", "people", 35, 35)]),
    ("The strikes claimed 18 lives.", [("killed", "people", 18, 18)]),
    ("The bombing caused 40 casualties.", [("casualties", "people", 40, 40)]),
    ("Bodies of 14 people were recovered from the rubble.", [("killed", "people", 14, 14)]),
    ("The attack left 12 dead and 30 wounded.", [("killed", "people", 12, 12), ("injured", "people", 30, 30)]),
    # killed or wounded, unspecified
    ("Forty people were killed or wounded.", [("casualties", "people", 40, 40)]),
    ("Hundreds of civilians have been killed or wounded.", [("casualties", "civilians", None, None)]),
    # several figures in one sentence
    ("The strikes killed 15 and wounded 25.", [("killed", "people", 15, 15), ("injured", "people", 25, 25)]),
    ("At least 15 people were killed and more than 40 injured.",
     [("killed", "people", 15, None), ("injured", "people", 41, None)]),
    ("The blast left at least 20 people dead and dozens wounded.",
     [("killed", "people", 20, None), ("injured", "people", None, None)]),
    ("The toll from Tuesday's attack rose to 62 dead and 120 wounded.",
     [("killed", "people", 62, 62), ("injured", "people", 120, 120)]),
    ("The attack killed 12 soldiers and wounded 30 others.",
     [("killed", "security_forces", 12, 12), ("injured", "security_forces", 30, 30)]),
    ("A civilian was killed and two others were wounded.",  # a single person's group is no head group
     [("killed", "civilians", 1, 1), ("injured", "people", 2, 2)]),
    ("Ten civilians died of their injuries in hospital.", [("killed", "civilians", 10, 10)]),
    ("The death toll climbed to 52 on Wednesday.", [("killed", "people", 52, 52)]),
    ("The number of dead rose to 52.", [("killed", "people", 52, 52)]),
])
def test_outcome_and_victims(sentence, expected):
    assert short(sentence) == expected


def test_vague_figures_are_claims():
    assert claims("Dozens of people were killed.") == [("killed", "people", None, None, "vague")]
    assert claims("Scores of civilians were wounded.") == [("injured", "civilians", None, None, "vague")]
    assert claims("Many people died.") == [("killed", "people", None, None, "vague")]


def test_qualifier_survives_into_the_claim():
    assert claims("More than 50 people were killed.") == [("killed", "people", 51, None, "more_than")]
    assert claims("Nearly 30 civilians were killed.") == [("killed", "civilians", None, 29, "up_to")]
    assert claims("Between 10 and 15 soldiers were killed.") == [("killed", "security_forces", 10, 15, "range")]


# ------------------------------------------------------------------ victim groups


@pytest.mark.parametrize("sentence, group", [
    ("Twelve people were killed.", "people"),
    ("Twelve civilians were killed.", "civilians"),
    ("Twelve residents were killed.", "civilians"),
    ("Twelve children were killed.", "children"),
    ("Twelve students were killed.", "children"),
    ("Twelve women were killed.", "women"),
    ("Twelve men were killed.", "men"),
    ("Twelve fighters were killed.", "combatants"),
    ("Twelve militants were killed.", "combatants"),
    ("Twelve rebels were killed.", "combatants"),
    ("Twelve jihadists were killed.", "combatants"),
    ("Twelve terrorists were killed.", "combatants"),
    ("Twelve soldiers were killed.", "security_forces"),
    ("Twelve troops were killed.", "security_forces"),
    ("Twelve policemen were killed.", "security_forces"),
    ("Twelve police officers were killed.", "security_forces"),
    ("The clashes killed 12 pro-government fighters.", "security_forces"),  # GUIDE: pro-government fighters
    ("The attack killed 20 members of the security forces.", "security_forces"),
    ("The bombing killed 12 regime forces.", "security_forces"),
])
def test_victim_groups(sentence, group):
    found = short(sentence)
    assert len(found) == 1, found
    assert found[0][0] == "killed"
    assert found[0][1] == group


@pytest.mark.parametrize("sentence, expected", [
    ("A child was killed.", [("killed", "children", 1, 1)]),
    ("One person was killed.", [("killed", "people", 1, 1)]),
    ("A woman was wounded in the shelling.", [("injured", "women", 1, 1)]),
    ("The attack killed a 7-year-old boy.", [("killed", "children", 1, 1)]),
    ("A 5-year-old girl was among the dead.", [("killed", "children", 1, 1)]),
    ("A girl was shot dead by a sniper.", [("killed", "children", 1, 1)]),
])
def test_singular_victims_count_as_one(sentence, expected):
    assert short(sentence) == expected


def test_others_inherit_the_group_of_the_first_figure():
    assert short("Four soldiers were killed and 10 others were wounded.") == [
        ("killed", "security_forces", 4, 4), ("injured", "security_forces", 10, 10),
    ]


def test_bare_figure_after_a_clause_break_inherits_the_group():
    assert short("16 civilians were killed in the raids while 25 were wounded.") == [
        ("killed", "civilians", 16, 16), ("injured", "civilians", 25, 25),
    ]


def test_bare_figure_after_killed_and():
    assert short("Eight people were killed and 20 wounded in the attack.") == [
        ("killed", "people", 8, 8), ("injured", "people", 20, 20),
    ]


# ------------------------------------------------------------------ breakdowns and coordination


@pytest.mark.parametrize("sentence, expected", [
    ("At least 43 people were killed, including seven children.",
     [("killed", "people", 43, None), ("killed", "children", 7, 7)]),
    ("The strikes killed 35 people including 22 children.",
     [("killed", "people", 35, 35), ("killed", "children", 22, 22)]),
    ("At least 43 people were killed, among them 17 women and 12 children.",
     [("killed", "people", 43, None), ("killed", "women", 17, 17), ("killed", "children", 12, 12)]),
    ("The raid killed 43 people, among them 17 women and 12 children.",
     [("killed", "people", 43, 43), ("killed", "women", 17, 17), ("killed", "children", 12, 12)]),
    ("Five civilians were killed, two of them children.",
     [("killed", "civilians", 5, 5), ("killed", "children", 2, 2)]),
    ("The raid killed 20 civilians, eight of them children.",
     [("killed", "civilians", 20, 20), ("killed", "children", 8, 8)]),
    ("The death toll from the attack has risen to 35, including 10 children.",
     [("killed", "people", 35, 35), ("killed", "children", 10, 10)]),
    ("Thirty people were wounded, including a child.",
     [("injured", "people", 30, 30), ("injured", "children", 1, 1)]),
    ("The death toll stands at 52, including 13 children.",
     [("killed", "people", 52, 52), ("killed", "children", 13, 13)]),
    ("The bombing killed two people and injured 15 others, including three children.",
     [("killed", "people", 2, 2), ("injured", "people", 15, 15), ("injured", "children", 3, 3)]),
])
def test_breakdowns_are_their_own_claims(sentence, expected):
    assert short(sentence) == expected


def test_breakdown_span_is_the_sub_group():
    assert spans("At least 43 people were killed, including seven children.") == [
        "At least 43 people were killed", "seven children",
    ]


@pytest.mark.parametrize("sentence, expected", [
    ("Seventeen women and 12 children were among the dead.",
     [("killed", "women", 17, 17), ("killed", "children", 12, 12)]),
    ("The dead included 11 children and four women.",
     [("killed", "children", 11, 11), ("killed", "women", 4, 4)]),
    ("Among the dead were 11 children.", [("killed", "children", 11, 11)]),
    ("Four soldiers and two rebels were killed.",
     [("killed", "security_forces", 4, 4), ("killed", "combatants", 2, 2)]),
    ("The Observatory said 12 fighters and four civilians were killed.",
     [("killed", "combatants", 12, 12), ("killed", "civilians", 4, 4)]),
    ("The strike killed six civilians and five militiamen.",
     [("killed", "civilians", 6, 6), ("killed", "combatants", 5, 5)]),
])
def test_coordinated_figures_share_the_outcome(sentence, expected):
    assert short(sentence) == expected


# ------------------------------------------------------------------ not claims


@pytest.mark.parametrize("sentence", [
    "Coalition aircraft carried out 25 strikes on the city.",
    "Over 2,000 rockets were fired at the town.",
    "More than 10,000 people were displaced by the fighting.",
    "Twelve people remain missing after the blast.",
    "Police arrested 30 people after the bombing.",
    "Around 500 families fled the town.",
    "Six people were kidnapped.",
    "The group said it had 300 fighters in the town.",
    "The UN said 4.8 million people had fled the country.",
    "The 25-year-old man was a teacher.",
    "He was killed at the age of 30.",
    "The strike killed the 22-year-old son of a commander.",
    "The shelling destroyed 40 buildings in the old city.",
    "The war began in 2011.",
    "Jets carried out 40 raids on the town, which lies 10 km from the border.",
    "Medics treated 40 people for breathing difficulties.",
])
def test_not_a_claim(sentence):
    assert claims(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("The shelling destroyed 40 buildings and killed two civilians.", [("killed", "civilians", 2, 2)]),
    ("Jets carried out 25 strikes, killing 12 civilians.", [("killed", "civilians", 12, 12)]),
    ("The blast in 2015 killed 30 people.", [("killed", "people", 30, 30)]),
    ("Since 2014, strikes have killed 30 civilians.", [("killed", "civilians", 30, 30)]),
    ("Two years after the siege began, 30 civilians were killed.", [("killed", "civilians", 30, 30)]),
    ("A 5-year-old girl and her mother were killed in the 40th raid.", []),  # lone individuals, no total
])
def test_only_the_casualty_figure_is_a_claim(sentence, expected):
    assert short(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "A 5-year-old was killed in the shelling.",
])
def test_ages_are_not_figures(sentence):
    assert not any(c[2] == 5 for c in claims(sentence))


@pytest.mark.parametrize("sentence, expected", [
    ("Air strikes on a school left 35 people including 22 children dead.",
     [("killed", "people", 35), ("killed", "children", 22)]),
    ("The agency said 22 children had been killed along with six teachers.",
     [("killed", "children", 22), ("killed", "civilians", 6)]),
    ("More than 300 people have been killed and around two million have been displaced.",
     [("killed", "people", 301)]),
    ("Twelve civilians were killed, a police officer said.", [("killed", "civilians", 12)]),
])
def test_coordination_and_breakdown_before_the_outcome_word(sentence, expected):
    assert [(c.outcome, c.victims, c.low) for c in extract_text(sentence, "2016-10-27")] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The attacks have led to numerous deaths among the civilians.", [("killed", "civilians", None)]),
    ("Shelling caused dozens of casualties among civilians on Monday.", [("casualties", "civilians", None)]),
    ("There were 14 fatalities among the soldiers.", [("killed", "security_forces", 14)]),
    ("The raid caused 14 fatalities.", [("killed", "people", 14)]),
])
def test_deaths_among_a_group_belong_to_that_group(sentence, expected):
    assert [(c.outcome, c.victims, c.low) for c in extract_text(sentence, "2016-10-27")] == expected


def test_the_year_of_a_dateline_is_not_a_count():
    claims = extract_text("12 August 2016 Terrorist attacks leave a child and a woman dead and 7 others injured.",
                          "2016-08-12")
    # "a child and a woman": lone individuals of a list with no total are no claims (GUIDE, Hard cases)
    assert [(c.outcome, c.victims, c.low) for c in claims] == [("injured", "people", 7)]


def test_civilians_dead_after_left_is_a_death_toll():
    claims = extract_text("Air raids had left some 140 civilians dead in two days, the ministry said.")
    assert [(c.outcome, c.victims, c.low, c.qualifier) for c in claims] == [("killed", "civilians", 140, "about")]


def test_all_six_of_them_were_injured():
    claims = extract_text("The drone hit the family's car as they drove home, and all six of them were injured.")
    assert [(c.outcome, c.victims, c.low) for c in claims] == [("injured", "people", 6)]


def test_a_day_of_the_month_is_not_a_count():
    claims = extract_text("Reports say a strike near Manbij on July 18 killed 24 civilians.")
    assert [(c.outcome, c.victims, c.low) for c in claims] == [("killed", "civilians", 24)]
    claims = extract_text("In May 12 people were killed in the town.")
    assert [(c.outcome, c.victims, c.low) for c in claims] == [("killed", "people", 12)]


def test_militiamen_of_a_pro_regime_militia_are_security_forces():
    claims = extract_text("Rebels attacked a pro-regime militia checkpoint in Homs province, killing six civilians "
                          "and five militiamen, the monitor said.")
    assert [(c.victims, c.low) for c in claims] == [("civilians", 6), ("security_forces", 5)]
    claims = extract_text("Clashes killed 12 militiamen, the monitor said.")
    assert [(c.victims, c.low) for c in claims] == [("combatants", 12)]


@pytest.mark.parametrize("sentence, expected", [
    ("The deaths bring to 212 the number of civilians the alliance has admitted killing since 2015.",
     ("killed", "civilians", 212)),
    ("Shelling on Sunday killed three more people, raising to 61 the death toll from the week's fighting.",
     ("killed", "people", 61)),
    ("The blast took to 18 the number of children wounded in the district this month.",
     ("injured", "children", 18)),
])
def test_a_total_told_before_what_it_counts(sentence, expected):
    claims = extract_text(sentence, "2018-03-01")
    assert expected in [(c.outcome, c.victims, c.low) for c in claims]


def test_to_and_a_number_without_what_it_counts_is_no_total():
    claims = extract_text("The ministry raised to 30 the price of bread in the city.", "2018-03-01")
    assert claims == []


@pytest.mark.parametrize("text, expected", [
    # soldiers and pro-regime militiamen are one side's: one figure of security forces
    ("Another 120 soldiers and pro-regime militiamen were killed in the fighting.", [("security_forces", 120)]),
    # troops and civilian employees are two kinds: one figure of people
    ("Scores of troops and state employees were killed.", [("people", None)]),
    # "lost N fighters" is a death toll
    ("The Islamic State lost at least 28 fighters in the battle, the monitor said.", [("combatants", 28)]),
])
def test_mixed_forces_and_losses(text, expected):
    assert [(c.victims, c.low) for c in extract_text(text, "2016-05-01")] == expected


@pytest.mark.parametrize("text, expected", [
    # a remark set off by dashes between the figure and its verb
    ("At least 18 people – eight of them children – have been killed in air strikes.",
     [("people", 18), ("children", 8)]),
    ("Five people - a whole family - died when the shell hit.", [("people", 5)]),
])
def test_a_remark_between_dashes_does_not_hide_the_verb(text, expected):
    assert [(c.victims, c.low) for c in extract_text(text, "2024-01-01")] == expected


@pytest.mark.parametrize("text, expected", [
    # "N of them" with no figure before: the group the sentence named before it
    ("The army clashed with ISIL terrorists near the airport, killing or injuring scores of them.",
     [("casualties", "combatants")]),
    # with a figure before, "two of them" breaks that figure down
    ("Ten people were killed, two of them children.", [("killed", "people"), ("killed", "children")]),
])
def test_them_takes_the_group_named_before(text, expected):
    assert [(c.outcome, c.victims) for c in extract_text(text, "2016-05-11")] == expected


@pytest.mark.parametrize("sentence, want", [
    # "with N killed": a bare figure takes the group the sentence named before it
    ("Civilians in the old city were increasingly caught in the crossfire, with at least 19 killed and dozens "
     "wounded.", [("killed", "civilians"), ("injured", "civilians")]),
    # no group named: people
    ("Shelling hit the market on Monday, with 12 killed and 30 wounded.", [("killed", "people"), ("injured", "people")]),
])
def test_with_a_bare_figure_takes_the_group_named_before(sentence, want):
    assert [(c.outcome, c.victims) for c in extract_text(sentence)] == want


@pytest.mark.parametrize("sentence, want", [
    # cases of suffocation are people hurt, one each
    ("The chlorine attack caused 35 cases of suffocation among civilians.", [("injured", "civilians", 35)]),
    ("Rockets carrying gas hit the district, causing cases of asphyxiation to more than 20 people.",
     [("injured", "people", 21)]),
    # people "affected" by a gas attack are hurt, not counted with the dead before them
    ("Three people were killed and 200 others have been affected by the chlorine gas attack.",
     [("killed", "people", 3), ("injured", "people", 200)]),
    # cases of a disease are no harm from an attack
    ("The clinic reported 40 cases of measles.", []),
])
def test_cases_of_suffocation_and_people_affected_by_gas_are_injured(sentence, want):
    assert [(c.outcome, c.victims, c.low) for c in extract_text(sentence)] == want

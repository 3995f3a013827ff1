"""sources: who asserts a figure (reporting verbs, "according to", known names, pronouns)."""
from __future__ import annotations

import re

import pytest

from civcas import extract_text
from civcas.extract.attribution import attributions
from civcas.extract.speakers import name_source
from civcas.vocab import vocabulary


def known_sources(text: str, country: str | None = "SY") -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.label) for m in vocabulary().source_mentions(text, country)]

SOHR = "Syrian Observatory for Human Rights"


def source_of(text: str, published: str | None = None) -> list[str]:
    return [c.source for c in extract_text(text, published)]


# ------------------------------------------------------------------ known names


@pytest.mark.parametrize("mention, name", [
    ("the Syrian Observatory for Human Rights", SOHR),
    ("the Observatory", SOHR),
    ("the Britain-based monitor", SOHR),
    ("the UK-based monitoring group", SOHR),
    ("Rami Abdel Rahman", SOHR),
    ("SANA", "SANA"),
    ("state news agency", "SANA"),
    ("the US-led coalition", "US-led coalition"),
    ("the coalition", "US-led coalition"),
    ("the Pentagon", "Pentagon"),
    ("Russia's defence ministry", "Russian Defence Ministry"),
    ("the United Nations", "UN"),
    ("Amnesty International", "Amnesty International"),
    ("Human Rights Watch", "Human Rights Watch"),
    ("the White Helmets", "civil defence"),
    ("Airwars", "Airwars"),
    ("Doctors Without Borders", "MSF"),
    ("a medical source", "medical source"),
    ("activists", "activists"),
    ("residents", "residents"),
    ("the health ministry", "Syrian Health Ministry"),
])
def test_known_source_names(mention, name):
    found = known_sources(f"The figure came from {mention} on Monday.")
    assert [n for _s, _e, n in found] == [name]


def test_known_sources_do_not_overlap_and_are_in_order():
    text = "The Syrian Observatory for Human Rights and SANA gave different tolls."
    found = known_sources(text)
    assert [n for *_x, n in found] == [SOHR, "SANA"]
    assert found[0][1] <= found[1][0]
    s, e, _n = found[0]
    assert text[s:e] == "Syrian Observatory for Human Rights"


# ------------------------------------------------------------------ attributions in one sentence


@pytest.mark.parametrize("sentence, name", [
    ("Air strikes killed 12 civilians, the Syrian Observatory for Human Rights said.", SOHR),
    ("The Syrian Observatory for Human Rights said air strikes killed 12 civilians.", SOHR),
    ("Air strikes on Idlib killed 12 civilians, according to the Observatory.", SOHR),
    ("According to the Observatory, air strikes on Idlib killed 12 civilians.", SOHR),
    ("Air strikes killed 12 civilians, the Britain-based monitor said.", SOHR),
    ("Air strikes on Idlib killed 12 civilians, the Observatory told AFP.", SOHR),
    ("Observatory head Rami Abdel Rahman told AFP that 12 civilians were killed in Idlib.", SOHR),
    ("The coalition said 12 militants were killed in the strikes on Raqqa.", "US-led coalition"),
    ("The coalition said 12 militants were killed in the strikes on Hodeidah.", "Saudi-led coalition"),
    ("SANA said 12 people were killed by rebel shelling.", "SANA"),
    ("Twelve civilians were killed, state news agency SANA reported.", "SANA"),
    ("Twelve civilians were killed, activists said.", "activists"),
    ("Twelve civilians were killed, residents said.", "residents"),
    ("Twelve civilians were killed, a medical source said.", "medical source"),
    ("Twelve civilians were killed, the UN said.", "UN"),
    ("Twelve civilians were killed, Amnesty International said in a report.", "Amnesty International"),
    ("Twelve civilians were killed, the Pentagon said.", "Pentagon"),
    ("Twelve civilians were killed, the Syrian government said.", "Syrian government"),
    ("Twelve civilians were killed, Human Rights Watch said.", "Human Rights Watch"),
    ("Twelve civilians were killed, the White Helmets said.", "civil defence"),
    ("Twelve civilians were killed, the Idlib governor said.", "Idlib governor"),
    ("Twelve civilians were killed, police said.", "police"),
    ("Twelve civilians were killed, a police officer said.", "police"),
    ("Twelve civilians were killed, the health ministry said.", "Ministry of Health"),
    ("Twelve civilians were killed in Tripoli, Libya, the health ministry said.", "Libyan Health Ministry"),
    ('"Twelve civilians were killed in the raid," an activist said.', "activists"),
    ('"Twelve civilians were killed in the raid," said Ahmed Khalil, a local activist.', "Ahmed Khalil"),
    ('"Twelve civilians were killed in the raid," Ahmed Khalil told Reuters.', "Ahmed Khalil"),
    ("Governor Ali Hassan said 12 civilians were killed.", "Governor Ali Hassan"),
])
def test_source_of_a_claim(sentence, name):
    assert source_of(sentence) == [name]


def test_unattributed_figure_is_the_reporter():
    assert source_of("Twelve civilians were killed in the strike on Monday.") == ["reporter"]


def test_two_sources_in_one_sentence():
    text = "The Observatory said 12 civilians were killed in Aleppo, while SANA put the toll at 15."
    assert [(c.low, c.source) for c in extract_text(text)] == [(12, SOHR), (15, "SANA")]


@pytest.mark.parametrize("sentence", [
    "Twelve civilians were killed in Idlib, Observatory chief Rami Abdel Rahman told AFP.",
    "Twelve civilians were killed in Idlib, the Observatory said, citing medical sources.",
])
def test_named_source_wins_over_its_own_sources(sentence):
    assert source_of(sentence) == [SOHR]


def test_each_claim_takes_the_nearest_attribution():
    text = "Activists said 12 civilians were killed in Aleppo, while state media said 15 people died."
    got = [(c.low, c.source) for c in extract_text(text)]
    assert got == [(12, "activists"), (15, "SANA")]


def test_attributions_report_cue_offsets():
    sentence = "Air strikes killed 12 civilians, the Observatory said."
    (a,) = attributions(sentence, "SY")
    assert a.name == SOHR
    assert sentence[a.cue_start:a.cue_end] == "said"
    assert not a.pronoun


def test_pronoun_attribution_is_marked():
    (a,) = attributions("Twelve civilians were killed, he said.")
    assert a.pronoun
    assert a.name == "he"


def test_each_figure_takes_the_cue_nearest_to_it():
    sentence = "Activists said 12 civilians were killed in Aleppo, while state media said 15 people died."
    attrs = attributions(sentence, "SY")
    assert [a.name for a in attrs] == ["activists", "SANA"]
    assert [(c.low, c.source) for c in extract_text(sentence)] == [(12, "activists"), (15, "SANA")]


def test_no_attribution_without_a_cue():
    assert attributions("Twelve civilians were killed in the strike.") == []


# ------------------------------------------------------------------ across sentences


@pytest.mark.parametrize("text", [
    "The Observatory said jets struck the town of Saraqeb. He said 12 civilians were killed.",
    "The Observatory said jets struck the town of Saraqeb. Twelve civilians were killed, he said.",
    "Rami Abdel Rahman, who heads the Observatory, said jets struck the town. He said 12 civilians were killed.",
    "The Britain-based monitor gave details of the raid. It said 12 civilians were killed.",
])
def test_pronoun_resolves_to_the_previous_source(text):
    assert source_of(text) == [SOHR]


def test_pronoun_without_antecedent_is_the_reporter():
    assert source_of("Twelve civilians were killed, he said.") == ["reporter"]


@pytest.mark.parametrize("sentence, name", [
    ("The Observatory however put the toll at 40 dead.", SOHR),
    ("The source earlier put the death toll at five civilians.", "the source"),
    ("Dana Korkmaz, the Governor of Hatay, a province across the border from Idlib, told reporters "
     "that four people injured in the blast were in hospital.", "Governor of Hatay"),
    ("According to a March report by the Syrian Network for Human Rights, 96 civilians were killed.",
     "Syrian Network for Human Rights"),
    ("Activists and local residents say the raids killed at least 30 people.", "Activists and local residents"),
    ("The Syrian government protested to the UN against coalition raids, after claiming the death of "
     "18 civilians.", "Syrian government"),
])
def test_more_attribution_shapes(sentence, name):
    attrs = attributions(sentence, "SY")
    figure = re.search(r"\d+|five|four", sentence).start()
    nearest = min(attrs, key=lambda a: min(abs(a.cue_start - figure), abs(a.cue_end - figure)))
    assert nearest.name == name


def test_a_statement_read_refers_back_to_the_statement():
    (a,) = attributions('"Twelve children were killed," the statement read.')
    assert a.pronoun and a.name == "the statement"


def test_the_syrian_military_conflict_is_not_the_army():
    assert all(n != "Syrian army" for _s, _e, n in known_sources("the Syrian military conflict has claimed 200000 lives"))
    assert [n for _s, _e, n in known_sources("the Syrian military said")] == ["Syrian army"]


@pytest.mark.parametrize("sentence, name", [
    ("The Aleppo Media Center, an activist collective, said 45 people were killed.", "Aleppo Media Center"),
    ("The Syrian Center for Policy Research a Beirut-based research organization has put the death toll at "
     "470000.", "Syrian Center for Policy Research"),
    ("The Observatory, a Britain-based monitor, said 12 died.", SOHR),
    # "another <kind>": the name before is one more body of that kind, with or without its commas
    ("The Civil Defence, another rescue group, said seven people were hurt in the raid.", "civil defence"),
    ("The Civil Defence another volunteer group said seven people were hurt in the raid.", "civil defence"),
    ("Airwars, another monitoring group, said 12 civilians were killed.", "Airwars"),
])
def test_a_named_body_described_in_apposition_is_the_source(sentence, name):
    assert [a.name for a in attributions(sentence, "SY")] == [name]


@pytest.mark.parametrize("sentence, name", [
    # a victim described by a relative clause inside a breakdown: the body named before the verb speaks
    ("Eight people died in Saraqeb including a former police officer who had joined the rebels the "
     "observatory said.", SOHR),
    ("Nine died, among them a police officer who had joined the Free Syrian Army, the Observatory said.", SOHR),
    # the speaker's own relative clause, whose last words name another body, still describes the speaker
    ("The Observatory which relies on a network of activists said 15 died.", SOHR),
    ("The London-based group which backs the opposition said four more people died.", SOHR),
])
def test_a_relative_clause_of_a_victim_is_no_speakers(sentence, name):
    assert [a.name for a in attributions(sentence, "SY")] == [name]


@pytest.mark.parametrize("sentence, name", [
    # a quotation closed right before the verb: the speaker comes after the verb, never from inside the quotation
    ('"Nine people died in the market which sells mostly vegetables and fruit" said Rami Abdel Rahman head of '
     'the Syrian Observatory for Human Rights.', SOHR),
    ("“Nine died in the camp run by local committees” said the Observatory.", SOHR),
    ('"Five people were killed," the Observatory said.', SOHR),
    # the head of a body named after the verb, "of the" included
    ("Six of the injured were in a serious state, said the head of the Britain-based group.", SOHR),
    ("Ten people were killed, said the director of the hospital.", "hospital director"),
])
def test_the_speaker_after_a_closed_quotation(sentence, name):
    assert [a.name for a in attributions(sentence, "SY")] == [name]


@pytest.mark.parametrize("sentence, name", [
    # a source at a named province speaks for its authority; a source "in the province" stays local
    ("A source at Hama province told SANA that two shells wounded five pupils.", "Hama province"),
    ("Late on Sunday a source at Idlib province said that four civilians died.", "Idlib province"),
    # a time word between the speaker and the verb
    ("The UN in March said that more than 250000 people had died in the war.", "UN"),
    ("Reporters Without Borders recently reported 11 media workers killed this year.", "Reporters Without Borders"),
    # a toll "from" a body: the body
    ("At least 17 people died in the shelling of the market, according to a new toll from the observatory.", SOHR),
])
def test_speakers_behind_a_place_a_time_or_a_toll(sentence, name):
    assert [a.name for a in attributions(sentence, "SY")] == [name]


@pytest.mark.parametrize("sentence, names", [
    # a known body past a few describing words after the verb or "according to"
    ("Nine commanders died in the blast according to the well-known UK-based Observatory.", [SOHR]),
    ("Eleven villagers died in the overnight raids says a UK-based monitoring group.", [SOHR]),
    # ... not past a count, a place or a clause: those words are the harm's, not the speaker's
    ("The agency said at least two Syrian opposition fighters were killed.", []),
    # an outlet's photographer is the outlet
    ("Four of the wounded died in the corridor of the hospital an AFP photographer in Saraqeb reported.", ["AFP"]),
])
def test_a_known_body_a_few_words_after_the_cue(sentence, names):
    assert [a.name for a in attributions(sentence, "SY") if not a.pronoun] == names


def test_since_an_abbreviated_month_is_cumulative():
    from civcas.extract.scope import scope_of
    assert scope_of("Since Sept. 19 at least 359 civilians have been killed in the city.", 359, None) == "cumulative"


def test_the_command_refers_back_and_two_word_places_head_an_office():
    text = ("A source at Aleppo Police Command told SANA that a shell hit the market. "
            "The Police Command said three civilians were killed.")
    assert [c.source for c in extract_text(text, "2016-10-06")] == ["Aleppo Police Command"]
    (a,) = attributions("Deir Ezzor governorate said nine civilians were killed.")
    assert a.name == "Deir Ezzor governorate"


def test_a_trailing_full_stop_is_not_part_of_a_name():
    (a,) = attributions("Eight people were killed, said Syrian National Television.")
    assert a.name == "SANA"  # the vocabulary's name for Syrian state television


def test_the_source_pointed_out_refers_back_to_the_source_named():
    text = ("A source at Homs Police Command told SANA that shells hit the al-Zahraa neighbourhood, killing 4 people. "
            "The source pointed out that 3 other people were injured when a second shell fell nearby.")
    assert [c.source for c in extract_text(text, "2016-10-06")] == ["Homs Police Command", "Homs Police Command"]


def test_according_to_the_source_refers_back_to_the_source_named():
    text = ("The toll rose to 8 civilians, a source at Aleppo Police Command told SANA. Rockets also hit the "
            "Salaheddine neighbourhood, injuring 3 civilians and damaging shops according to the source.")
    assert [c.source for c in extract_text(text, "2016-10-06")] == ["Aleppo Police Command", "Aleppo Police Command"]


def test_a_generic_word_in_passing_is_not_the_source_referred_to():
    text = ("Five people were killed in the shelling of Homs, the Observatory said. The shells damaged the locals houses. "
            "Two more were injured later, according to the source.")
    assert [c.source for c in extract_text(text, "2016-10-06")][-1] == "Syrian Observatory for Human Rights"


@pytest.mark.parametrize("text, source", [
    ("Initial reports indicated that over 40 civilians were killed in the market.", "initial reports"),
    ("Reports confirmed that five civilians were killed in the shelling.", "media reports"),
    ("Speaking to AFP on Wednesday Homs governor Talal al-Barazi gave a toll of 31 killed.", "Homs governor"),
    ("\"The blast wounded 19 people,\" said the Britain-based organisation.", "Syrian Observatory for Human Rights"),
    ("Syria's government-run TV said 19 people were injured in the blast.", "SANA"),
])
def test_source_names_come_without_headline_words(text, source):
    assert [c.source for c in extract_text(text, "2016-10-06")] == [source]


@pytest.mark.parametrize("text", [
    "REUTERS Rodi Said Middle East The SDF killed 23 Daesh members near the town.",
    "Explosion in Mosque Leaves 25 Dead Syrian Tourism Minister Says Economy Lost Billions",
])
def test_a_capitalised_said_in_a_name_or_headline_is_no_attribution(text):
    assert all(c.source == "reporter" for c in extract_text(text, "2016-10-06"))


# ------------------------------------------------------------------ how a speaker is written down


@pytest.mark.parametrize("text, source", [
    # a nationality before a kind of voice stays in its name; a national body is that country's
    ("Iraqi authorities said 14 people were killed in the bombing in Kirkuk.", "Iraqi authorities"),
    ("Authorities said 14 people were killed in the bombing in Kirkuk.", "authorities"),
    ("Afghan officials said eight civilians died in the raid on a village in Helmand.", "Afghan officials"),
    ("The Lebanese health ministry said two people were killed in a strike near Tyre.", "Lebanese Health Ministry"),
    # an officer named by the body's role, with or without the commas news copy drops
    ("Karim Haddad, the director of a clinic in the besieged east, told Reuters the raids killed 30 people.",
     "clinic director"),
    ("Karim Haddad the director of a clinic in the besieged east told Reuters the raids killed 30 people.",
     "clinic director"),
    # a private person named beside what they are: the kind of voice, not the name
    ("A resident of the village, Ali Omar, said six people were killed in the air strike on Kafr Nabl.", "residents"),
    ("An eyewitness, Ali Omar, said six people were killed in the air strike on Kafr Nabl.", "witnesses"),
    # a page's date before the speaker is no part of it
    ("Mar 2015 Iraqi state TV said 22 people were killed in a car bomb in Kirkuk.", "Iraqi state media"),
    # a descriptor before a monitor's name
    ("Four civilians were killed in a drone strike, according to the American news website Long War Journal.",
     "Long War Journal"),
    ("Four civilians were killed in a drone strike in Yemen, according to data compiled by Airwars.", "Airwars"),
])
def test_a_speaker_is_written_down_as_a_recorder_would(text, source):
    assert source_of(text) == [source]


def test_who_is_told_is_not_who_speaks():
    text = "A doctor in the town told the Associated Press that the shelling killed nine people."
    assert source_of(text) != ["Associated Press"]


@pytest.mark.parametrize("text, source", [
    # copy that lost its apostrophes: the body's possessive is still the body
    ("SANAs correspondent said two people were killed in the shelling of Aleppo.", "SANA"),
    ("The Observatorys Rami Abdel Rahman said nine fighters were killed in Raqqa.", SOHR),
    # a place before a known speaker is no part of its name
    ("The shells hit the Salah al-Din district of Aleppo Syrian state television said adding that six people "
     "were killed.", "SANA"),
    # "a source at X": X speaks
    ("Three people were injured in the shelling according to a source at Damascus Police Command.",
     "Damascus Police Command"),
    # a definite description of a body named before is that body (GUIDE: use the name)
    ("Human Rights Watch documented the strike on the mosque. The rights group said 38 people were killed in the "
     "strike.", "Human Rights Watch"),
    # activists of the opposition are activists; the opposition's National Coalition is its own body
    ("Air strikes on the town of Maaret Harmeh killed 10 people, opposition activists said.", "activists"),
    ("The Syrian National Coalition said 13 civilians were killed in the shelling of Douma.",
     "Syrian Coalition"),
])
def test_names_in_copy_without_punctuation_and_descriptions(text, source):
    assert source_of(text)[0] == source


def test_a_body_named_like_a_belligerent_is_no_belligerent():
    claims = extract_text("The Syrian National Coalition said 13 civilians were killed in the shelling of Douma.")
    assert [c.perpetrator for c in claims] != ["US-led coalition"]


@pytest.mark.parametrize("text, country_hint, source", [
    # a surname that is also a town abroad is still the person who speaks
    ("Iraqi officials gave the toll. Obeid said as many as 57 people were wounded in the blast in Ramadi, Iraq.",
     None, "Obeid"),
    # "a resident of X": residents
    ("A resident of Al-Wahijah said 12 women died in the air strike.", None, "residents"),
    # a country's rescuers are its emergency service
    ("Emergency workers said 10 people were killed in the Russian strike on Kyiv, Ukraine.", None,
     "State Emergency Service"),
    # a named council is no description of a body named before
    ("Police said the blast was heard across Ramadi. The chairman of the Anbar council, Jasim al-Halbusi, put "
     "the casualty count at eight killed.", None, "Anbar council chairman"),
])
def test_speakers_in_wire_copy(text, country_hint, source):
    assert source_of(text)[-1] == source


def test_a_pages_credit_line_speaks_where_no_one_is_named():
    text = ("Opposition calls for action on cluster bombs\n\nRussian jets bombed the town of Anadan on Monday, killing "
            "at least 14 civilians. Activists said two more people died in Kafr Hamra.\n"
            "(Source: Syrian Coalitions Media Office)")
    claims = extract_text(text, "2016-06-21")
    assert [(c.low, c.source) for c in claims] == [(14, "Syrian Coalition"), (2, "activists")]
    # a line of its own works too; without a credit line, or with one naming no known body, the reporter speaks
    assert extract_text("Shelling killed four people in Douma.\nSource: SANA", "2016-06-21")[0].source == "SANA"
    assert extract_text("Shelling killed four people in Douma.", "2016-06-21")[0].source == "reporter"
    assert extract_text("Shelling killed four people in Douma. (Source: our correspondent)",
                        "2016-06-21")[0].source == "reporter"


def test_the_credit_line_names_one_body_or_none():
    from civcas.extract.english import CUES
    assert CUES.credit.search("end. (Source: Syrian Coalition + Agencies)").group(1) == "Syrian Coalition + Agencies"
    # two different credit lines: the page names no one body, the reporter stays
    text = "Shelling killed four people in Douma. (Source: SANA) Rockets killed two in Aleppo. (Source: SOHR)"
    assert {c.source for c in extract_text(text, "2016-06-21")} == {"reporter"}


@pytest.mark.parametrize("text, sources", [
    # a definite description stands for the body of its kind named before (a news agency for state media)
    ("State news agency SANA said rockets hit the market of Jaramana. The blast killed 12 people, the news agency said.",
     ["SANA"]),
    ("Al Jazeera showed the wreckage of the bakery in Atareb. A second strike wounded 15 people, the broadcaster said.",
     ["Al Jazeera"]),
    # an indefinite one ("a leading rights group says") stands for the body of its kind the next sentence names
    ("A leading rights group says mines have killed 40 civilians in Manbij. Human Rights Watch says in a report that "
     "the mines were laid in homes and schools.", ["Human Rights Watch"]),
    # a body named just before its own description: the body ("SANA's state-run news agency reported")
    ("A car bomb killed 26 people near Deir ez-Zor, the SANA state-run news agency reported.", ["SANA"]),
    # local press is a news outlet of its own name, not "local sources"
    ("Four people were killed in the shelling of Aleppo, local media reported.", ["local media"]),
])
def test_descriptions_stand_for_the_body_they_describe(text, sources):
    assert [c.source for c in extract_text(text, "2016-10-26")] == sources


def test_an_indefinite_description_with_no_body_named_after_stays_as_written():
    claims = extract_text("A rights group says mines have killed 40 civilians in Manbij. The town was retaken in "
                          "August.", "2016-10-26")
    assert [c.source for c in claims] == ["rights group"]


@pytest.mark.parametrize("text, sources", [
    # an unattributed sentence telling on the harm of the account before takes its source (GUIDE: Sources)
    ("A car bomb exploded near a mosque in Azaz on Friday, Al Jazeera reported. The blast killed 12 people.",
     ["Al Jazeera"]),
    ("Shelling hit the market of Douma on Monday, the civil defence said. The death toll rose to 9.", ["civil defence"]),
    # a sentence naming its own speaker keeps it; one two sentences on, not tied, stays the reporter's
    ("Shelling hit the market of Douma on Monday, the civil defence said. The blast killed 9 people, doctors said.",
     ["medical source"]),
    ("Shelling hit the market of Douma on Monday, the civil defence said. Talks resumed in Geneva. Fighting killed "
     "9 people in Homs.", ["reporter"]),
])
def test_a_sentence_tied_to_the_account_before_takes_its_source(text, sources):
    assert [c.source for c in extract_text(text, "2016-10-26")] == sources


@pytest.mark.parametrize("text, sources", [
    # a title before a person's name: the office, of the province or city the sentence (or account) names
    ("Russian troops struck Kharkiv Oblast's village of Cherneshchyna on May 12, reported Governor Ivan Petrenko. "
     "The attack killed two farm workers, according to Petrenko.", ["Kharkiv governor"]),
    ("Shelling killed two people in Kherson on Friday, Governor Ivan Petrenko said.", ["Kherson governor"]),
    # no place to name the office by: the person as the report writes them
    ("A rocket killed two people, Governor Ivan Petrenko said.", ["Governor Ivan Petrenko"]),
])
def test_a_titled_person_speaks_for_the_office_of_the_place_told(text, sources):
    assert [c.source for c in extract_text(text, "2023-05-12")] == sources


@pytest.mark.parametrize("sentence, name", [
    # a name with a particle after a title ("Governor Talal al-Barazi") is still the titled person
    ("Five were killed, Mayor Omar al-Hassan said.", "Mayor Omar al-Hassan"),
    # "according to <person>, <office>": the office speaks (GUIDE: official bodies as the article names them)
    ("The shells landed in a market, according to Ali al-Saleh, the provincial governor's press secretary.",
     "provincial governor's press secretary"),
    ("Two died, according to Ahmed Saleh, a spokesman for the Yemeni health ministry.", "Yemeni Health Ministry"),
    ("Two died, according to Ahmed Saleh, who saw the strike.", "Ahmed Saleh"),
    # a description before a name ("broadcaster Haberturk", "the Lebanese group Hezbollah"): the name
    ("Turkish broadcaster Haberturk reported that 23 militants were killed.", "Haberturk"),
    ("Five fighters were killed, the Lebanese Shiite group Hezbollah said.", "Hezbollah"),
    # a common noun after the verb speaks ("..., said a guard"); "I" inside a quotation is no speaker
    ("\"We saw many people dead,\" said a guard.", "guard"),
    ("Three women were injured, said one witness.", "witnesses"),
    # officials "in" a city are that city's officials; a body "of" a place is named place first
    ("Missiles killed 14 people, officials in Kharkiv said.", "Kharkiv officials"),
    ("Five were killed, the civil administration of Idlib said.", "Idlib civil administration"),
    ("Five died, the Ministry of Health said.", "Syrian Health Ministry"),
])
def test_speakers_named_as_a_recorder_writes_them(sentence, name):
    assert [a.name for a in attributions(sentence, "SY")][-1] == name


def test_first_person_inside_a_quotation_is_no_speaker():
    assert [a.name for a in attributions("\"I counted five bodies,\" said Omar Haddad.", "SY")] == ["Omar Haddad"]


@pytest.mark.parametrize("text, sources", [
    # "the provincial governor's office" is the office of the province the account names, also when the
    # account goes on without a speaker
    ("Jets bombed two compounds near Lashkar Gah, the capital of Helmand province. Five children were killed, "
     "the provincial governor's office said. Another six people were wounded.",
     ["Helmand governor's office", "Helmand governor's office"]),
    # "the broadcaster said": the broadcaster named before
    ("Al Jazeera said a car bomb killed 12 people in Homs. The bomb also wounded 56 people, the broadcaster said.",
     ["Al Jazeera", "Al Jazeera"]),
])
def test_descriptions_and_provincial_offices_name_the_body(text, sources):
    assert [c.source for c in extract_text(text, "2016-10-26")] == sources


@pytest.mark.parametrize("text, sources", [
    # "In addition, ...", "in Sunday's attack": the account goes on (GUIDE: an unattributed continuation)
    ("The ambulance service said a man was badly hurt by shrapnel in Sderot. In addition, a woman was lightly "
     "injured.", ["ambulance service", "ambulance service"]),
    ("A car bomb killed 17 people in Ramadi on Sunday, police officials said. At least 23 people were wounded in "
     "Sunday's attack.", ["police", "police"]),
    # a quotation opened right after its speaker's line goes on in the speaker's voice ...
    ("\"We ran out of the building,\" said the district mayor. \"I saw two women who were dead.\"",
     ["district mayor"]),
    ("Gas was used in the shelling of the district, according to Al Jazeera. \"Twenty people have been killed in a "
     "chemical attack.\"", ["Al Jazeera"]),
    # ... but not after a line whose speaker stood at its start, far from the quotation
    ("President Omar Haddad said on Friday that the talks in Geneva would go on despite the fighting in the north. "
     "\"Four children died yesterday.\"", ["reporter"]),
])
def test_an_account_goes_on_through_additions_and_quotations(text, sources):
    assert [c.source for c in extract_text(text, "2016-10-26")] == sources


@pytest.mark.parametrize("text, source", [
    # the dashes of a remark do not part the figure from its speaker
    ("At least 18 people – eight of them children – have been killed in air strikes, Palestinian officials have "
     "said.", "Palestinian officials"),
    # "according to a casualty list provided by X": X
    ("A strike on a home killed five people, according to a casualty list provided by the Nasser Hospital.",
     "Nasser Hospital"),
])
def test_speaker_past_a_remark_or_a_list(text, source):
    assert extract_text(text, "2024-01-01")[0].source == source


def test_where_a_body_sits_describes_the_body_named_before():
    claims = extract_text("Human Rights Watch said the militants shot fleeing civilians in Mosul. The New York-based "
                          "group said 19 civilians were killed.", "2016-05-11")
    assert [c.source for c in claims] == ["Human Rights Watch"]


@pytest.mark.parametrize("text, source", [
    # "according to <description> <Name>": the name
    ("According to Lebanese Shiite paramilitary group Hezbollah more than 30 Nusra Front militants were killed.",
     "Hezbollah"),
    # "YPG spokesman Redur Xelil ... Xelil said": the body the spokesman speaks for
    ("Clashes erupted near the border, YPG spokesman Redur Xelil told Reuters. Xelil said dozens of Islamic State "
     "fighters had been killed.", "YPG"),
    # ... even when a capitalised word runs into the body's name ("on Saturday YPG spokesman")
    ("Militants stormed the village before dawn on Sunday YPG spokesman Redur Xelil told AFP. Xelil said 30 "
     "attackers had been killed.", "YPG"),
])
def test_descriptions_and_spokesmen_give_the_body(text, source):
    assert extract_text(text, "2016-05-11")[-1].source == source


@pytest.mark.parametrize("phrase, name", [
    # an outlet's reporter is the outlet, whatever ran into its name when the commas were lost
    ("Old Homs SANA reporter", "SANA"),
    ("a cameraman from Sama TV SANA reporter", "SANA"),
    ("Homs AFP correspondent", "AFP"),
    ("a SANA reporter in Homs", "SANA"),
])
def test_an_outlets_reporter_is_the_outlet(phrase, name):
    assert name_source(phrase, "SY") == name


@pytest.mark.parametrize("phrase, name", [
    # an outlet closing the phrase speaks; the words before it ran in when the commas were lost
    ("dozens of gunmen FNA", "FNA"),
    ("fighters SANA news agency", "SANA"),
    ("Hama SANA news agency", "SANA"),
    # ... not a joint subject, nor a local spelling ("state television") closing another country's channel
    ("activists and state media", "activists and state media"),
])
def test_an_outlet_closing_the_phrase(phrase, name):
    assert name_source(phrase, "SY") == name


@pytest.mark.parametrize("sentence, names", [
    # a people's adjective or "X-based" alone is no speaker; a country is its voice
    ("Five were killed, Syrian said.", []),
    ("Five were killed, the Britain-based said.", []),
    ("Five died, Russia said.", ["Russian Defence Ministry"]),
])
def test_a_word_about_a_speaker_is_no_speaker(sentence, names):
    assert [a.name for a in attributions(sentence, "SY")] == names


@pytest.mark.parametrize("phrase, name", [
    # a body named after a city is that body, not the city's rulers ("Damascus" alone is the government)
    ("the Damascus Media Office", "Damascus Media Office"),
    ("Aleppo Media Center", "Aleppo Media Center"),
    # a known body's officer still speaks for it
    ("Observatory Director", SOHR),
    ("Pentagon Press Secretary", "Pentagon"),
])
def test_a_body_named_after_a_city(phrase, name):
    from civcas.extract.speakers import name_source
    assert name_source(phrase, "SY") == name


def test_officials_in_a_capital_named_by_its_country_are_that_city_s_officials():
    claims = extract_text("Russia launched missiles on Kyiv on Thursday, killing at least 14 people, officials in "
                          "the Ukrainian capital said.")
    assert [(c.low, c.source) for c in claims] == [(14, "Kyiv officials")]


@pytest.mark.parametrize("text, source", [
    ("A SANA reporter said on Sunday that rockets fell on the town, injuring three civilians.", "SANA"),
    ("An AFP correspondent in Idlib said five people were killed.", "AFP"),
    ("Our correspondent in Idlib said five people were killed.", "reporter"),  # the outlet's own
    ("A reporter at the scene said five people were killed.", "reporter"),
])
def test_an_outlet_s_reporter_speaks_for_the_outlet(text, source):
    # GUIDE: bodies counted by a journalist: the outlet
    assert source_of(text) == [source]


def test_the_reporter_named_before_goes_on_speaking_for_the_outlet():
    text = ("Rockets hit the town of Suqaylabiyah on Monday, SANA's reporter in Hama said. The reporter added "
            "that the shells killed two children.")
    assert source_of(text) == ["SANA"]


def test_a_title_cut_from_its_body_does_not_stay_on_the_person():
    # "EU diplomatic chief X said": "diplomatic" is no word the speaker finder knows; the person speaks
    assert name_source("chief Federica Mogherini") == "Federica Mogherini"
    assert name_source("Governor Ali Hassan") == "Governor Ali Hassan"


def test_a_name_after_of_is_no_speaker_of_the_verb_after_it():
    # "the stronghold of X reported": X is where, the toll reported
    assert attributions("An earlier toll from the strike on the rebel stronghold of Tell Amar reported "
                        "15 people killed.", "SY") == []
    # people and bodies "of" or "in" a place still speak
    assert [a.name for a in attributions("Residents of Kafr Nabl reported 15 people killed.", "SY")] == ["residents"]
    assert [a.name for a in attributions("The head of the Aleppo Media Center said 15 were killed.", "SY")] \
        == ["Aleppo Media Center"]


def test_a_speaker_named_after_the_verb_keeps_the_al_of_his_name():
    s = '"Ten people were killed in a car bomb attack on a taxi stand" said Talal al-Barazi.'
    assert [a.name for a in attributions(s, "SY")] == ["Talal al-Barazi"]
    # a name after "of" before the verb is no speaker, also when the sentence names a known body elsewhere
    s = ('AFP Sunday "Ten people were killed in a car bomb attack" a district home to the sect of President '
         'Bashar al-Assad said Talal al-Barazi.')
    assert [a.name for a in attributions(s, "SY")] == ["Talal al-Barazi"]


def test_a_description_naming_a_known_body_is_no_apposition_of_the_place_before_it():
    s = ('"Two people were killed by a mortar round that hit the Opera House" near key buildings on Umayyad '
         'Square the official SANA news agency said.')
    assert [a.name for a in attributions(s, "SY")] == ["SANA"]
    s = "The Aleppo Media Center an activist collective said 45 people were killed."
    assert [a.name for a in attributions(s, "SY")] == ["Aleppo Media Center"]


def test_a_person_named_with_an_office_after_a_place_and_a_comma_holds_it():
    from civcas.extract.offices import offices_in
    text = ("In Homs, Talal al-Barazi, the governor of Homs province, said a car bomb had killed 12 people. "
            "Al-Barazi said 30 more were wounded.")
    held = offices_in(text, "SY")
    assert held["al-Barazi"] == held["Al-Barazi"] == held["Talal al-Barazi"]
    assert "governor" in held["al-Barazi"].lower() and "Homs, Talal" not in held
    claims = extract_text(text, published="2016-02-21")
    assert [c.low for c in claims] == [12, 30]
    assert claims[0].source == claims[1].source == held["al-Barazi"]  # the office, not the person's name


@pytest.mark.parametrize("text, sources", [
    # two sources as one subject: each gives the figure, in the order named (GUIDE: a second source is its own claim)
    ("The Syrian Civil Defence and the Syrian Observatory for Human Rights said 14 people were killed in the "
     "strike on the market of Saraqeb.", ["civil defence", "Syrian Observatory for Human Rights"]),
    ("State media and the Observatory said rebel shelling on Aleppo killed nine civilians.",
     ["SANA", "Syrian Observatory for Human Rights"]),
    # one source only
    ("The Syrian Observatory for Human Rights said 14 people were killed in Saraqeb.",
     ["Syrian Observatory for Human Rights"]),
])
def test_two_sources_speaking_together_give_a_claim_each(text, sources):
    claims = extract_text(text, published="2016-05-02")
    assert [c.source for c in claims] == sources
    assert len({c.id for c in claims}) == len(claims) and len({(c.low, c.text) for c in claims}) == 1


def test_an_unattributed_sentence_continuing_a_joint_account_takes_both_sources():
    text = ("The civil defence and the Syrian Observatory for Human Rights said 35 people were killed in the strike "
            "on Hass. Among the dead were 22 children.")
    got = [(c.low, c.source) for c in extract_text(text, published="2016-10-27")]
    assert got == [(35, "civil defence"), (35, "Syrian Observatory for Human Rights"),
                   (22, "civil defence"), (22, "Syrian Observatory for Human Rights")]


def test_the_second_speakers_claim_explains_its_own_source():
    from civcas.api import explain_text
    got = explain_text("State media and the Observatory said rebel shelling on Aleppo killed nine civilians.",
                       published="2016-05-02")
    assert [next(f.value for f in e.fields if f.field == "source") for e in got] == [e.claim.source for e in got]


@pytest.mark.parametrize("text, sources", [
    # "N more ..." and "in a similar attack" add to the account before: its source (GUIDE: an unattributed
    # sentence continuing one source's account takes that source)
    ("A police source told the agency that rocket shells killed a man in the Salah al-Din district. Later, three "
     "more people were killed in the same neighbourhood.", ["police", "police"]),
    ("Civil defence workers said shelling killed four civilians in Ariha. Two people were wounded in a similar "
     "attack on the town of Sarmin.", ["civil defence", "civil defence"]),
])
def test_more_victims_and_a_similar_attack_go_on_in_the_account(text, sources):
    assert source_of(text) == sources


def test_more_than_is_no_continuation():
    text = ("Activists said shelling killed four civilians in Ariha on Monday. Aid groups have warned for months. "
            "More than 20 people were wounded in the camps.")
    assert source_of(text)[-1] == "reporter"


@pytest.mark.parametrize("text, source", [
    # where the reporter is posted stands between the speaker and the verb
    ("Three blasts hit the district near the shrine on Sunday Al-Manar TV correspondent to the city reported. "
     "The attack left 50 dead.", "Al Manar"),
    ("A car bomb killed 12 people near the market on Monday SANA reporter in the city said.", "SANA"),
])
def test_a_reporter_posted_somewhere_still_speaks_for_the_outlet(text, source):
    assert set(source_of(text)) == {source}


# ------------------------------------------------------------------ a lead the next sentence breaks down


@pytest.mark.parametrize("follow", [
    "Four women were among those killed, the Yemen Data Project said.",
    "Four of the dead were women, the Yemen Data Project said.",
    "Four women were among the victims, according to the Yemen Data Project.",
])
def test_a_lead_broken_down_by_the_next_sentence_takes_its_source(follow):
    text = "A drone strike on a wedding in Rada killed at least 12 people on Thursday. " + follow
    claims = extract_text(text, "2019-12-13")
    assert [(c.low, c.source) for c in claims] == [(12, "Yemen Data Project"), (4, "Yemen Data Project")]


def test_a_lead_followed_by_another_harm_s_source_stays_the_reporter():
    text = ("A drone strike on a wedding in Rada killed at least 12 people on Thursday. In a separate attack "
            "four soldiers died in Marib, the army said.")
    claims = extract_text(text, "2019-12-13")
    assert [(c.low, c.source) for c in claims][0] == (12, "reporter")


def test_a_figure_told_as_an_addition_stays_the_writer_s_though_the_next_sentence_breaks_it_down():
    text = ("The raid came a day after shelling killed 9 people in Taiz. At least 40 people have also been killed "
            "in clashes near Marib. Five children were among those killed, the monitor said.")
    claims = extract_text(text, "2019-12-13")
    assert [(c.low, c.source) for c in claims if c.low == 40] == [(40, "reporter")]


@pytest.mark.parametrize("text", [
    "Shelling killed 12 people in the town on Monday said Ahmed Hassan head of the Saada health office adding that "
    "40 were wounded.",
    "Shelling killed 12 people in the town on Monday, according to Ahmed Hassan head of the Saada health office.",
])
def test_a_person_named_with_his_office_after_the_verb_speaks_for_the_office(text):
    assert source_of(text, "2020-01-01")[0] == "Saada health office"  # who heads a named body speaks for it


@pytest.mark.parametrize("text", [
    "A source in the province told SANA that a rocket shell injured 5 people in the old market.",
    "A source in the city told AFP that 5 people were injured in the old market.",
    "Sources in the town said 5 people were injured in the old market.",
])
def test_an_unnamed_source_where_it_happened_is_a_local_source(text):
    assert source_of(text, "2020-01-01") == ["local sources"]


def test_the_led_alliance_that_has_so_far_admitted_a_toll_is_its_source():
    text = ("The figure brings to 173 the number of civilians that the US-led alliance has so far admitted to have "
            "killed since it began the campaign in 2014.")
    claims = extract_text(text, "2016-11-10")
    assert [(c.low, c.source) for c in claims] == [(173, "US-led coalition")]


@pytest.mark.parametrize("text", [
    "Opponents of President Bashar al-Assad said government forces killed 300 people in the attack.",
    "Assad's opponents said government forces killed 300 people in the attack.",
])
def test_assads_opponents_are_the_syrian_opposition(text):
    assert [c.source for c in extract_text(text, "2013-08-22")] == ["Syrian opposition"]


@pytest.mark.parametrize("text, source", [
    ("Shelling killed 12 people near Aleppo, the Red Crescent said.", "Syrian Arab Red Crescent"),
    ("Israeli strikes killed 12 people in Gaza City, the Red Crescent said.", "Palestinian Red Crescent"),
    ("The International Federation of Red Cross and Red Crescent Societies said 20 civilians were killed "
     "in Aleppo.", "IFRC"),
    ("The International Committee of the Red Cross said 20 civilians were killed in Aleppo.", "ICRC"),
])
def test_each_red_cross_or_red_crescent_body_goes_by_its_own_name(text, source):
    assert {c.source for c in extract_text(text, "2016-09-20")} == {source}


@pytest.mark.parametrize("text, source", [
    ("Russian missiles struck a block of flats in Kyiv, Ukraine, on Friday. The State Emergency Service has "
     "recovered 13 bodies from the rubble.", "State Emergency Service"),
    ("Shells hit the house on Monday. Residents pulled six bodies from the rubble.", "residents"),
])
def test_who_recovers_the_bodies_counts_them(text, source):
    assert [c.source for c in extract_text(text, "2023-05-12")] == [source]


@pytest.mark.parametrize("text, source", [
    ("Activists said that rescuers have so far recovered the bodies of 26 children from the rubble.", "activists"),
    ("Rescue workers from the civil defence said they had pulled 27 bodies from the rubble.", "civil defence"),
])
def test_a_speaker_of_the_sentence_outranks_who_recovered_the_bodies(text, source):
    assert [c.source for c in extract_text(text, "2019-07-22")] == [source]


def test_a_body_that_verified_the_deaths_is_their_source():
    claims = extract_text("The UN human rights office has verified at least 2,355 civilian deaths since March.", "2015-09-29")
    assert [c.source for c in claims] == ["UN human rights office"]


def test_every_reporting_cue_passes_the_quick_look_for_cues():
    from civcas.extract.english import _CUE_STEMS
    cue_words = [a.replace("\\s+", " ") for a in re.findall(r"(?<=[|(:])([a-z]+(?:\\s\+[a-z]+)?)(?=[|)])",
                                                             attribution_cue().pattern)]
    assert len(cue_words) > 50
    assert [w for w in cue_words if not any(stem in f" {w} " for stem in _CUE_STEMS)] == []
    assert all(attribution_cue().search(f"x {w} y") for w in cue_words)  # the quick first letters too


def attribution_cue():
    from civcas.extract.attribution import CUE
    return CUE


def test_a_pronoun_speaker_after_a_relative_clause_without_commas():
    text = ("Army units clashed with militants north of the city, a military source said. The attack was foiled and 28 "
            "militants were killed including one of their leaders who is nicknamed Abu Omar the source confirmed.")
    assert {c.source for c in extract_text(text, "2016-05-06")} == {"military source"}


@pytest.mark.parametrize("text, source", [
    ("According to independent monitors, hundreds of thousands of civilians have been killed in the war.",
     "independent monitors"),
    ("According to analysts, the war has killed more than 400,000 people.", "analysts"),
    ("According to news agencies, dozens were killed in the blast.", "news agencies"),
])
def test_a_generic_body_after_according_to_is_the_source(text, source):
    assert {c.source for c in extract_text(text, "2017-04-03")} == {source}


def test_a_group_described_by_what_it_tracks_is_the_body_named_next():
    text = ("Opposition forces killed at least 13 soldiers in the northern city, a group tracking the violence said. "
            "The bombs were placed in two tunnels, said the Observatory, a Britain-based group.")
    assert [c.source for c in extract_text(text, "2014-07-30")] == ["Syrian Observatory for Human Rights"]


@pytest.mark.parametrize("phrase, name", [
    ("a source at Aleppo police command", "Aleppo Police Command"),
    ("Source at Hama Governorate", "Hama Governorate"),
    ("the opposition Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights"),
    ("the London-based Syrian Observatory for Human Rights monitor", "Syrian Observatory for Human Rights"),
    ("the Daesh-linked Aamaq news agency", "AMAQ"),
])
def test_a_body_named_among_describing_words(phrase, name):
    assert name_source(phrase, "SY") == name


@pytest.mark.parametrize("text, source", [
    ("The Syrian Center for Policy Research an NGO however has put the death toll from the war at 470,000.",
     "Syrian Center for Policy Research"),
    ('The Violations Documentation Center published its count on Monday. "In all 40 people were killed" the '
     'center said.', "Violations Documentation Center"),
])
def test_a_described_body_without_its_commas_and_the_center_said(text, source):
    assert {c.source for c in extract_text(text, "2016-02-11")} == {source}


@pytest.mark.parametrize("text, source", [
    ("Five civilians were also killed by government bombs that landed on eastern Ghouta the observatory reported "
     "on Thursday.", "Syrian Observatory for Human Rights"),
    ("Government forces killed 48 alleged rebels in the village according to a statement released Saturday by the "
     "Syrian Revolution General Commission.", "Syrian Revolution General Commission"),
    ("The Aleppo Media Center an activist collective said 12 people were killed.", "Aleppo Media Center"),
])
def test_a_place_or_a_release_day_before_the_speaker_is_not_the_speaker(text, source):
    assert {c.source for c in extract_text(text, "2016-02-11")} == {source}


def test_no_group_that_claimed_is_no_speaker_and_the_body_before_a_clause_speaks():
    assert [a.name for a in attributions("No group has claimed the attack which killed 40 people.", "SY")] == []
    said = attributions("According to the Observatory DAESH has lost 463 fighters in the battle.", "SY")
    assert [a.name for a in said] == ["Syrian Observatory for Human Rights"]


@pytest.mark.parametrize("text, source", [
    ("Syrian activists said 12 people were killed in the raid.", "activists"),
    ("Syrian opposition activists said 12 people were killed in the raid.", "activists"),
    ("Iraqi officials said 12 people were killed in the raid.", "Iraqi officials"),  # officials keep their country
])
def test_activists_are_activists_whoever_they_side_with(text, source):
    assert {c.source for c in extract_text(text, "2016-02-11")} == {source}


@pytest.mark.parametrize("phrase, name", [
    ("a civil defense source", "civil defence"),
    ("local civil defense sources", "civil defence"),
    ("the Civil Defence service", "civil defence"),
    ("civil defence officials", "civil defence"),
    ("police and hospital officials", "police and hospital officials"),  # two voices stay two
])
def test_a_body_and_a_word_for_its_people_is_the_body(phrase, name):
    assert name_source(phrase, "SY") == name


@pytest.mark.parametrize("text, source", [
    ("Initial reports of 20 killed and many injured in the market.", "initial reports"),
    ("Unconfirmed reports put the toll at 20.", "unconfirmed reports"),
])
def test_reports_as_a_noun_are_the_source(text, source):
    assert {c.source for c in extract_text(text, "2016-02-11")} == {source}


@pytest.mark.parametrize("sentence, name", [
    # the one an outlet cites asserts the figure; the outlet relays it
    ("Rockets killed two children in Aleppo on Sunday, state news agency SANA reported citing a source at the "
     "Aleppo Police Command.", "Aleppo Police Command"),
    ("Shelling killed 10 civilians in the village, SANA reported citing local residents.", "residents"),
    ("Rebels killed a child in Aleppo, according to a source at the Aleppo Police Command.", "Aleppo Police Command"),
    # "a source in X": the body named speaks
    ("Turkish shelling killed four fighters near Afrin, Kurdish media reported citing a source in the YPG.", "YPG"),
])
def test_the_source_an_outlet_cites_is_the_source(sentence, name):
    assert source_of(sentence, "2018-02-04") == [name]


@pytest.mark.parametrize("phrase, name", [
    ("a source in the YPG", "YPG"),
    ("an official at the Health Ministry", "Syrian Health Ministry"),
    ("a source in Aleppo", "local sources"),  # a place, not a body
    ("a medical source at the hospital", "medical source"),
])
def test_a_source_inside_a_body_is_the_body(phrase, name):
    assert name_source(phrase, "SY") == name


@pytest.mark.parametrize("phrase, name", [
    # who heads a named body speaks for it: recorders write the body
    ("Ahmad Karim head of Homs's health authority", "Homs health authority"),
    ("Director of Tartus National Hospital Dr. Samir Haddad", "Tartus National Hospital"),
    ("the head of Al Kuwait hospital in Sanaa", "Al Kuwait hospital"),
    # a body with no name stays an office; a known body keeps its label
    ("the director of a clinic in the east", "clinic director"),
    ("the head of the Syrian Observatory", SOHR),
    ("the chairman of the Anbar council", "Anbar council chairman"),
])
def test_the_head_of_a_named_body_is_the_body(phrase, name):
    assert name_source(phrase, "SY") == name


def test_the_same_source_refers_back_to_the_speaker_before():
    text = ("Shelling killed 12 people in Douma on Monday, the Syrian Observatory said. Rockets hit Damascus on Friday, "
            "killing three civilians, the same source said.")
    assert source_of(text, "2018-03-05") == [SOHR, SOHR]


@pytest.mark.parametrize("phrase, name", [
    # a country's possessive names that country's body, in any report and with its apostrophe lost
    ("Iraq's health ministry", "Iraqi Health Ministry"),
    ("Lebanons health ministry", "Lebanese Health Ministry"),
    ("Syrias state-run news agency", "SANA"),
    ("Russias Ministry of Defence", "Russian Defence Ministry"),
])
def test_a_countrys_possessive_names_its_body(phrase, name):
    assert name_source(phrase, "SY") == name


@pytest.mark.parametrize("text", [
    # a person, then a body's office, the comma lost; later the person's bare surname speaks for the body
    "Nasr al-Hariri Secretary General of the Syrian Coalition spoke in Istanbul. Hariri said regime warplanes "
    "had killed thousands of children.",
    "Nasr al-Hariri, Secretary General of the Syrian Coalition, spoke in Istanbul. Hariri said regime warplanes "
    "had killed thousands of children.",
])
def test_a_persons_office_of_a_body_without_its_comma(text):
    assert [c.source for c in extract_text(text, "2016-05-11")] == ["Syrian Coalition"]


@pytest.mark.parametrize("sentence, names", [
    # a noun phrase after "said" that goes on with its own verb is what was said, not who said it
    ("A source on the ground said a tank unit shelled the hilltop, killing 12 fighters.",
     ["source on the ground"]),
    ("Ten people were killed, said a guard at the gate.", ["guard"]),
    ("The raid also hurt 40 people said the Observatory a British-based monitoring group.",
     [SOHR]),
    # a body described as based somewhere, its commas lost
    ("The Syrian Coalition an exile group based in Istanbul said government jets bombed the market.",
     ["Syrian Coalition"]),
])
def test_the_subject_of_what_was_said_is_no_speaker(sentence, names):
    assert [a.name for a in attributions(sentence, "SY")] == names


@pytest.mark.parametrize("sentence, names", [
    # "the Police Command" inside the speaker's phrase is no pronoun for a source named before
    ("A source at the Police Command told SANA that a mortar round wounded two students.", ["Police Command"]),
    # information provided by a body: the body
    ("According to initial information provided by a source at Homs Police Command four people died.",
     ["Homs Police Command"]),
    # a source in a named hospital: a medical source
    ("The toll rose to 23 a source in Hama National Hospital told RIA.", ["medical source"]),
])
def test_a_source_at_a_body_or_a_hospital(sentence, names):
    assert [a.name for a in attributions(sentence, "SY")] == names


@pytest.mark.parametrize("sentence, names", [
    # "according to a source in the province": a local source (the phrase went on past "in the" only before a name)
    ("According to a source in the province two mortar shells wounded three women.", ["local sources"]),
    ("According to a source at the Latakia Police Command two people died.", ["Latakia Police Command"]),
])
def test_according_to_a_source_in_the_province(sentence, names):
    assert [a.name for a in attributions(sentence, "SY")] == names


@pytest.mark.parametrize("phrase, name", [
    # a bare "army" is the theatre's own; another country's army is that country's
    ("the Russian army", "Russian Defence Ministry"),
    ("the Lebanese army", "Lebanese army"),
    ("the army", "Syrian army"),
    # a military source, whatever side's adjective it carries
    ("a Syrian military source", "military source"),
])
def test_an_army_named_with_its_country(phrase, name):
    assert name_source(phrase, "SY") == name


def test_a_belligerent_named_without_a_verb_of_saying_speaks_for_no_account():
    # "The Syrian army clashed ...": the army acts; the next figure, unattributed, is the reporter's
    text = ("Army Pounds Militant Positions in Hama. The Syrian army attacked militant positions east of Hama, "
            "killing dozens of them.")
    assert {c.source for c in extract_text(text, "2014-12-16")} == {"reporter"}

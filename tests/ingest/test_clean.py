"""clean_body: page junk out, the article's own text kept as it was."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civcas.ingest import clean_body

LEDE = "At least 10 people were killed when shells hit the market in Ariha on Monday, activists said."
SECOND = "Rescue workers pulled two children from the rubble of a bakery near the main square."
THIRD = "The local council said the toll could rise as several of the wounded were in critical condition."


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_keeps_paragraphs_and_joins_them_with_a_blank_line():
    body = f"{LEDE}\n\n\n{SECOND}\n   \n{THIRD}\n"
    assert clean_body(body) == f"{LEDE}\n\n{SECOND}\n\n{THIRD}"


def test_each_line_of_a_block_is_a_paragraph():
    assert paragraphs(clean_body(f"{LEDE}\n{SECOND}")) == [LEDE, SECOND]


def test_normalises_whitespace_inside_a_paragraph_only():
    body = "At least  10 people\twere killed\u00a0on Monday.\n\nSecond   paragraph here."
    assert clean_body(body) == "At least 10 people were killed on Monday.\n\nSecond paragraph here."


def test_joins_hard_wrapped_lines():
    body = "At least 10 people were killed when shells hit the\nmarket in Ariha on Monday, activists said,\nAdding that the toll could rise."
    assert clean_body(body) == (
        "At least 10 people were killed when shells hit the market in Ariha on Monday, "
        "activists said, Adding that the toll could rise."
    )


def test_does_not_alter_the_article_characters():
    body = "“We lost everything,” said Umm Khaled, 52 — her voice breaking… (She fled in 2016.)"
    assert clean_body(body) == body


@pytest.mark.parametrize(
    "junk",
    [
        "Read also: 10 killed in Raqqa",
        "Read more: Shelling resumes on the eastern front",
        "READ MORE - Rebels shell the airport road",
        "Also read: Monitor says toll has doubled",
        "Related: UN envoy calls for a ceasefire",
        "See also: Aid convoy reaches the besieged town",
        "Advertisement",
        "ADVERTISEMENT",
        "- Advertisement -",
        "Sponsored",
        "Sponsored content",
        "Story continues below advertisement",
        "Photo: AFP",
        "PHOTO: AFP",
        "Photo credit: Reuters/Omar Sanadiki",
        "(Photo by Nour Ahmad / AFP via Getty Images)",
        "AFP PHOTO / OMAR KHALED",
        "Image caption Rescuers search the rubble of a house in the village",
        "Image copyright Reuters",
        "Tags Syria Idlib airstrikes civil defence",
        "Tags: Syria, Aleppo, Russia",
        "Share this",
        "Share this article",
        "Tweet",
        "Facebook Twitter WhatsApp",
        "Share on Facebook | Share on Twitter | Email",
        "https://news.example.org/world/2017/04/strike-kills-ten",
        '{"title": "Strike kills 10 in Raqqa", "id": 2231, "section": "world"}',
        '[{"id":"1889","title":"Air raid kills 12 near Deir ez-Zor"},{"id":"1890","title":"Truce talks stall"}]',
        'a:3:{s:5:"title";s:24:"Strike kills 9 in Idlib";s:2:"id";i:42;s:4:"tags";s:5:"syria";}',
        'string(64) "[{"title":"Shelling kills 4","pic":"/2016/11/a.jpg"}]"',
        "[ad_1]",
        "[ad_2]Source link",
        "Follow us on Twitter and Facebook",
        "© 2017 Levant Daily. All rights reserved.",
    ],
)
def test_removes_junk_lines(junk):
    body = f"{LEDE}\n\n{junk}\n\n{SECOND}"
    assert clean_body(body) == f"{LEDE}\n\n{SECOND}"


@pytest.mark.parametrize(
    "sentence",
    [
        "At least 10 people were killed, activists said.",
        "Comments by the governor were broadcast on state television on Monday.",
        "Read the full report, the monitor urged journalists in a statement.",
        "The photo, shared widely on Facebook and Twitter, showed a destroyed clinic.",
        "Tags on the bodies identified 14 of the victims, the hospital said.",
        "Related fighting killed six soldiers near the airport, the army said.",
        "Advertisements for the aid auction were torn down by gunmen, residents said.",
        "Sponsored by a local charity, the clinic treated 40 wounded people.",
        "Share prices fell after the strike on the refinery, traders said.",
        "The rocket hit a school (Photo 3 shows the damage described by teachers).",
    ],
)
def test_keeps_article_sentences_that_contain_junk_words(sentence):
    body = f"{LEDE}\n\n{sentence}\n\n{SECOND}"
    assert clean_body(body) == f"{LEDE}\n\n{sentence}\n\n{SECOND}"


def test_removes_a_related_articles_list():
    body = (
        f"{LEDE}\n\nRelated articles\n"
        "Strike on a bakery kills 8 in Idlib\n"
        "UN envoy arrives in Damascus for talks\n"
        "- Turkey shells Kurdish positions near Afrin\n\n"
        f"{SECOND}"
    )
    assert clean_body(body) == f"{LEDE}\n\n{SECOND}"


def test_removes_the_comment_section_and_everything_after():
    for header in ("Comments", "COMMENTS", "Leave a comment", "3 comments", "Comments (12)", "Leave a Reply"):
        body = f"{LEDE}\n\n{SECOND}\n\n{header}\n\nAbu Omar: This is a tragedy.\n\nReply\n\nSamir: 100 people died, not 10."
        assert clean_body(body) == f"{LEDE}\n\n{SECOND}", header


def test_a_comments_link_before_the_article_does_not_swallow_it():
    body = f"Comments (4)\n\n{LEDE}\n\n{SECOND}"
    assert clean_body(body) == f"{LEDE}\n\n{SECOND}"


def test_removes_a_trailing_pretty_printed_dump():
    body = f'{LEDE}\n\n{SECOND}\n\n{{\n  "related": [\n    {{"title": "Car bomb kills 5"}},\n    {{"title": "Convoy hit"}}\n  ]\n}}\n'
    assert clean_body(body) == f"{LEDE}\n\n{SECOND}"


def test_removes_a_php_array_dump_block_and_keeps_what_follows():
    body = f'{LEDE}\n\narray(2) {{\n  ["title"]=>\n  string(16) "Car bomb kills 5"\n}}\n{SECOND}'
    assert clean_body(body) == f"{LEDE}\n\n{SECOND}"


def test_removes_a_dump_running_to_the_end_of_a_paragraph():
    body = LEDE + ' string(97) "[{"id":"1","title":"Strike kills 10"},{"id":"2","title":"Truce"}]"'
    assert clean_body(body) == LEDE


def test_removes_inline_photo_credits():
    body = "Rescuers searched the ruins (Photo by Sami Haddad / Getty Images) until dawn, witnesses said."
    assert clean_body(body) == "Rescuers searched the ruins until dawn, witnesses said."


def test_removes_stray_headlines_between_paragraphs():
    body = (
        f"{LEDE}\n\nRussian jets pound rebel towns near the Turkish border\n\n{SECOND}\n\n"
        f"Aid agencies warn of hunger in besieged districts\n\n{THIRD}"
    )
    assert clean_body(body) == f"{LEDE}\n\n{SECOND}\n\n{THIRD}"


def test_keeps_short_subheadings_datelines_and_lists():
    body = (
        f"{LEDE}\n\nHospital hit\n\n{SECOND}\n\nPublished on 12 March 2017 by our correspondent\n\n{THIRD}\n\n"
        "The dead included:\n\n- Ahmad al-Khalil, a 12-year-old pupil at the school\n\n"
        f"{SECOND}"
    )
    assert clean_body(body) == body


def test_keeps_a_sentence_that_lost_its_full_stop():
    body = f"{LEDE}\n\nThe Observatory said 12 people were killed in the second raid\n\n{SECOND}"
    assert clean_body(body) == body


def test_keeps_a_section_called_discussion():
    body = f"{LEDE}\n\nDiscussion\n\n{SECOND}"
    assert clean_body(body) == body


def test_keeps_a_standfirst_and_dateline_before_the_first_sentence():
    body = f"Rescuers fear the toll will rise\n\nBy Staff Writer\n\nBEIRUT, March 3:\n\n{LEDE}"
    assert clean_body(body) == body


@pytest.mark.parametrize(
    "body",
    [
        "Shells hit market in Ariha\n\n{lede}",
        "SHELLS HIT MARKET IN ARIHA\n\n{lede}",
        "Shells hit market in Ariha.\n\n{lede}",
        "Shells hit market in Ariha {lede}",
        "Shells hit market in Ariha. {lede}",
        "Shells hit market in Ariha\nShells hit market in Ariha\n{lede}",
    ],
)
def test_removes_the_headline_repeated_at_the_start(body):
    assert clean_body(body.format(lede=LEDE), title="Shells hit market in Ariha") == LEDE


def test_removes_a_repeated_headline_without_the_site_name():
    body = f"Shells hit market in Ariha\n\n{LEDE}"
    assert clean_body(body, title="Shells hit market in Ariha | Levant Daily") == LEDE


def test_keeps_a_headline_that_is_only_the_start_of_a_longer_word():
    assert clean_body("Shells hitting the town were heavy.", title="Shells hit") == "Shells hitting the town were heavy."


def test_the_headline_later_in_the_body_stays():
    body = f"{LEDE} Shells hit market in Ariha, the statement was titled."
    assert clean_body(body, title="Shells hit market in Ariha") == body


def test_empty_and_junk_only_inputs_give_an_empty_string():
    assert clean_body("") == ""
    assert clean_body("  \n\n \t") == ""
    assert clean_body("Advertisement\nShare this\nPhoto: AFP") == ""


def test_is_deterministic_and_idempotent():
    body = f"Shells hit market\n\n{LEDE}\n\nRead also: 9 killed in Homs\n\n{SECOND}\n\nComments\n\nNice."
    once = clean_body(body, "Shells hit market")
    assert once == clean_body(body, "Shells hit market")
    assert clean_body(once, "Shells hit market") == once


LINES = st.sampled_from(
    [LEDE, SECOND, THIRD, "", "Advertisement", "Read also: 5 dead in Hama", "Photo: AFP",
     "Comments", "Tags Syria", "Facebook Twitter", "Mortar fire hits the old city walls at dawn",
     '{"id": 3, "title": "x"}', "Hospital hit", "the wrapped tail of a line", "By Staff Writer"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=12))
def test_output_words_are_input_words_in_order(lines):
    body = "\n".join(lines)
    out = clean_body(body)
    remaining = iter(body.split())
    assert all(word in remaining for word in out.split())  # a subsequence of the input's words
    assert out == out.strip() and "\n\n\n" not in out
    assert clean_body(out) == out


def test_a_comment_section_right_after_a_related_list_is_dropped():
    text = ("Shelling killed four people in the town on Monday, residents said, and wounded a dozen more.\n\n"
            "Related:\n- Ten dead in market strike\n- Aid convoy reaches the town\n\n"
            "Leave a comment\n\nSami K. — 3 May 2018 at 10:02\n\nMy cousin says 40 were killed.\n")
    body = clean_body(text)
    assert "four people" in body and "cousin" not in body and "Leave a comment" not in body

"""read_paths and document_from_text on small files written into tmp_path."""
from __future__ import annotations

import hashlib
import json
import logging
import random
from datetime import date
from pathlib import Path

import pytest

from civcas import api
from civcas.errors import ConfigError
from civcas.ingest import read_paths
from civcas.records import Document, ReadFailure

TITLE = "Air raid kills seven in village near Maarat al-Numan"
BODY = (
    "Sat 14 Mar 2020 An air raid killed seven civilians, among them three children, "
    "in a village south of Maarat al-Numan on Friday night, a local rescue group said.\n\n"
    "The group said its volunteers were still searching two collapsed houses."
)
BODY_UNDATED = BODY.removeprefix("Sat 14 Mar 2020 ")
LEDE = "An air raid killed seven civilians, among them three children, in a village"


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return path


def read(*paths, **options) -> list[Document | ReadFailure]:
    return list(read_paths([str(p) for p in paths], **options))


def only_failure(items) -> ReadFailure:
    assert len(items) == 1 and isinstance(items[0], ReadFailure), items
    return items[0]


# --- .txt ---------------------------------------------------------------------------


def test_txt_title_body_id_date_and_hash(tmp_path):
    path = write(tmp_path / "raid-0314.txt", f"\n{TITLE}\n\n{BODY}\n\nAdvertisement\nRead also: Shelling hits Saraqib\n")
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.id == "raid-0314"
    assert doc.title == TITLE
    assert doc.text.startswith("Sat 14 Mar 2020 " + LEDE)
    assert doc.text.endswith("searching two collapsed houses.")
    assert "Advertisement" not in doc.text and "Read also" not in doc.text
    assert doc.text.count("\n\n") == 1
    assert doc.published == date(2020, 3, 14)
    assert doc.origin == str(path)
    assert doc.outlet is None and doc.url is None
    assert doc.content_hash == hashlib.sha256((TITLE + "\n" + doc.text).encode()).hexdigest()


def test_txt_of_a_single_line_is_all_body(tmp_path):
    [doc] = read(write(tmp_path / "one.txt", BODY.replace("\n\n", " ")))
    assert doc.title == "" and doc.text.startswith("Sat 14 Mar 2020")


def test_txt_with_bom_and_windows_newlines(tmp_path):
    path = write(tmp_path / "bom.txt", ("\ufeff" + TITLE + "\r\n\r\n" + BODY.replace("\n", "\r\n")))
    [doc] = read(path)
    assert doc.title == TITLE and "\r" not in doc.text


def test_txt_in_windows_1252_needs_its_encoding_named(tmp_path):
    path = write(tmp_path / "cp.txt", f"Caf\u00e9 shelled\n\nThe caf\u00e9 \u201cAl-Nour\u201d was hit, killing two men.", "cp1252")
    [failure] = read(path)
    assert "[E231] not valid UTF-8 (first bad byte at offset 3)" in failure.reason
    assert "--encoding" in failure.reason
    [doc] = read(path, encoding="cp1252")
    assert doc.text == "The caf\u00e9 \u201cAl-Nour\u201d was hit, killing two men."
    with pytest.raises(ConfigError, match="E114"):
        read(path, encoding="klingon")


def test_utf8_with_one_bad_byte_is_no_mojibake(tmp_path):
    """Once read as Windows-1252 whole: "Ma\u2018arrat" came out as "Ma\u00e2\u20ac\u02dcarrat"."""
    text = "Shelling of Ma\u2018arrat\n\nShelling of Ma\u2018arrat al-Nu\u2018man killed four people."
    path = write(tmp_path / "mixed.txt", text.encode("utf-8") + b" \xff")
    [failure] = read(path)
    assert "not valid UTF-8" in failure.reason
    [doc] = read(path, encoding="cp1252")  # stated: the whole file is then read as cp1252
    assert "\u00e2\u20ac" in doc.text  # what the reader asked for, not a silent guess


def test_txt_in_utf16(tmp_path):
    [doc] = read(write(tmp_path / "u16.txt", f"{TITLE}\n\n{BODY}", "utf-16"))
    assert doc.title == TITLE


def test_repeated_headline_is_removed_from_a_txt_body(tmp_path):
    [doc] = read(write(tmp_path / "rep.txt", f"{TITLE}\n\n{TITLE} {BODY}"))
    assert doc.text.startswith("Sat 14 Mar 2020")


# --- HTML ---------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Strike hits clinic in Jisr al-Shughur | Orontes Herald</title>
<meta property="og:title" content="Strike hits clinic in Jisr al-Shughur">
<meta property="og:site_name" content="Orontes Herald">
<meta property="og:url" content="https://orontes-herald.example/2019/05/clinic-strike">
<meta property="article:published_time" content="2019-05-21T07:45:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/syria">Syria</a> <a href="/about">About us</a></nav>
<article>
<h1>Strike hits clinic in Jisr al-Shughur</h1>
<p>A missile struck a clinic on the edge of Jisr al-Shughur early on Tuesday, killing a nurse
and wounding four patients who were waiting to be treated, the clinic's director said.</p>
<p>The director said the building had been hit twice in the past year and that staff had moved
the maternity ward into the basement after the last attack in the winter.</p>
<p>Residents said aircraft had been circling over the town for most of the night before the strike.</p>
</article>
<section class="comments"><h2>Comments</h2><p>Samir: This is terrible news for the whole town.</p></section>
<footer>Copyright 2019 Orontes Herald</footer>
</body></html>
"""


def test_html_main_text_and_metadata(tmp_path):
    [doc] = read(write(tmp_path / "news" / "clinic.html", HTML))
    assert isinstance(doc, Document), doc
    assert doc.id == "clinic"
    assert doc.title == "Strike hits clinic in Jisr al-Shughur"
    assert doc.published == date(2019, 5, 21)
    assert doc.url == "https://orontes-herald.example/2019/05/clinic-strike"
    assert doc.outlet == "Orontes Herald"
    assert doc.text.startswith("A missile struck a clinic")  # the repeated <h1> is gone
    assert "killing a nurse and wounding four patients" in doc.text
    assert len(doc.text.split("\n\n")) == 3
    assert "Samir" not in doc.text and "Home" not in doc.text and "Copyright" not in doc.text


def test_htm_without_date_metadata_takes_the_date_from_the_text(tmp_path):
    html = HTML.replace('<meta property="article:published_time" content="2019-05-21T07:45:00+00:00">', "")
    html = html.replace("<p>A missile", "<p>Published 20 May 2019</p><p>A missile")
    [doc] = read(write(tmp_path / "clinic.htm", html))
    assert doc.published == date(2019, 5, 20)


def test_html_without_article_text_is_a_failure(tmp_path):
    failure = only_failure(read(write(tmp_path / "blank.html", "<html><head><title>x</title></head><body></body></html>")))
    assert failure.origin.endswith("blank.html") and "no article text" in failure.reason


# --- JSONL --------------------------------------------------------------------------


def jsonl(*objects) -> str:
    return "\n".join(o if isinstance(o, str) else json.dumps(o) for o in objects) + "\n"


def test_jsonl_default_columns(tmp_path):
    path = write(tmp_path / "feed.jsonl", jsonl(
        {"id": "a1", "title": TITLE, "text": BODY, "date": "2020-03-15", "url": "https://x.example/a1", "source": "Idlib Post"},
        {"title": "No id here", "text": "Two people were wounded by sniper fire in Daraa, medics said."},
    ))
    first, second = read(path)
    assert (first.id, first.title, first.published, first.url, first.outlet) == (
        "a1", TITLE, date(2020, 3, 15), "https://x.example/a1", "Idlib Post")
    assert first.origin == f"{path}:line 1"
    assert second.id == "feed-2" and second.published is None


def test_jsonl_column_option_and_numbers_as_ids(tmp_path):
    path = write(tmp_path / "f.jsonl", jsonl({"uid": 77, "headline": TITLE, "content": BODY, "when": "3/16/2020"}))
    [doc] = read(path, columns={"id": "uid", "title": "headline", "text": "content", "date": "when"})
    assert (doc.id, doc.title, doc.published) == ("77", TITLE, date(2020, 3, 16))


def test_jsonl_bad_lines_are_failures_and_the_rest_goes_on(tmp_path):
    path = write(tmp_path / "mixed.jsonl", jsonl(
        {"id": "ok1", "text": BODY},
        '{"id": "broken", "text": "unterminated',
        "[1, 2, 3]",
        {"id": "notext", "title": "Only a title"},
        {"id": "nested", "text": {"p": "x"}},
        "",
        {"id": "ok2", "text": BODY},
    ))
    items = read(path)
    assert [i.id for i in items if isinstance(i, Document)] == ["ok1", "ok2"]
    failures = {f.origin: f.reason for f in items if isinstance(f, ReadFailure)}
    assert set(failures) == {f"{path}:line {n}" for n in (2, 3, 4, 5)}
    assert failures[f"{path}:line 2"].startswith("[E223] invalid JSON")
    assert "JSON object" in failures[f"{path}:line 3"]
    assert "no text in column 'text'" in failures[f"{path}:line 4"]
    assert "not text" in failures[f"{path}:line 5"]


def test_jsonl_line_over_the_limit(tmp_path):
    path = write(tmp_path / "big.jsonl", jsonl({"id": "big", "text": "x " * 600}, {"id": "small", "text": BODY}))
    items = read(path, max_bytes=1000)
    assert "longer than the limit" in items[0].reason and items[0].origin == f"{path}:line 1"
    assert items[1].id == "small"


# --- CSV ----------------------------------------------------------------------------


def test_csv_with_column_option_and_month_first_dates(tmp_path):
    path = write(tmp_path / "articles.csv", (
        "unit_id,article_title,article_content,source,date,location\n"
        f'501,"{TITLE}","{BODY_UNDATED}",herald,4/5/2017,Idlib\n'
        '502,"Second story","Mortar fire wounded five people in the old city, a doctor said.",herald,12/11/2016,Aleppo\n'
    ))
    first, second = read(path, columns={"id": "unit_id", "title": "article_title", "text": "article_content"})
    assert (first.id, first.title, first.outlet, first.published) == ("501", TITLE, "herald", date(2017, 4, 5))
    assert first.origin == f"{path}:row 1"
    assert second.published == date(2016, 12, 11)


def test_csv_default_columns_and_ids_from_row_numbers(tmp_path):
    path = write(tmp_path / "plain.csv", f'title,text\n"{TITLE}","{BODY}"\n\n"B","Shelling killed a shepherd near Kafr Nabl, residents said."\n', "utf-8-sig")
    first, second = read(path)
    assert (first.id, second.id) == ("plain-1", "plain-2")
    assert first.published == date(2020, 3, 14)  # no date column: from the text


def test_csv_settings_from_the_environment(tmp_path, monkeypatch):
    """The stage reads no setting: the api hands it the ``csv_*`` settings."""
    monkeypatch.setenv("CIVCAS_CSV_TEXT", "body")
    path = write(tmp_path / "env.csv", f'id,body\nz9,"{BODY}"\n')
    [doc] = api.read_documents([path])
    assert doc.id == "z9"
    assert "no column 'text'" in only_failure(read(path)).reason  # the stage alone: defaults


def test_csv_malformed_rows_are_failures_and_the_rest_goes_on(tmp_path):
    path = write(tmp_path / "rows.csv", (
        "id,title,text\n"
        f'r1,A,"{BODY}"\n'
        "r2,B,too,many,fields\n"
        "r3,C,\n"
        f'r4,D,"{BODY}"\n'
    ))
    items = read(path)
    assert [i.id for i in items if isinstance(i, Document)] == ["r1", "r4"]
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert [f.origin for f in failures] == [f"{path}:row 2", f"{path}:row 3"]
    assert "5 fields, the header has 3" in failures[0].reason
    assert "no text" in failures[1].reason


def test_csv_without_the_text_column_is_one_failure(tmp_path):
    failure = only_failure(read(write(tmp_path / "cols.csv", "id,headline,content\n1,a,b\n")))
    assert "no column 'text'" in failure.reason and "headline" in failure.reason


def test_csv_missing_explicit_column_is_a_failure_but_missing_default_is_not(tmp_path):
    path = write(tmp_path / "t.csv", f'id,text\n1,"{BODY}"\n')
    assert "no column 'headline'" in only_failure(read(path, columns={"title": "headline"})).reason
    [doc] = read(path)
    assert doc.title == ""


def test_csv_row_over_the_limit(tmp_path):
    path = write(tmp_path / "big.csv", f'id,text\nbig,"{"word " * 300}"\nsmall,"{BODY}"\n')
    big, small = read(path, max_bytes=1000)
    assert big.origin == f"{path}:row 1" and "over the limit" in big.reason
    assert small.id == "small"


def test_csv_header_only_gives_nothing_and_empty_csv_fails(tmp_path):
    assert read(write(tmp_path / "h.csv", "id,title,text\n")) == []
    assert "empty" in only_failure(read(write(tmp_path / "e.csv", "\n\n"))).reason


# --- directories --------------------------------------------------------------------


def test_directories_are_walked_recursively_in_sorted_order(tmp_path):
    for rel in ("b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.txt", ".hidden.txt", ".git/e.txt"):
        write(tmp_path / rel, f"{TITLE}\n\n{BODY}")
    assert [d.id for d in read(tmp_path)] == ["a", "b", "c", "d"]
    assert [d.id for d in read(tmp_path, recursive=False)] == ["a", "b"]


def test_symlinked_directories_are_not_followed_so_cycles_end(tmp_path):
    write(tmp_path / "docs" / "a.txt", f"{TITLE}\n\n{BODY}")
    (tmp_path / "docs" / "loop").symlink_to(tmp_path / "docs", target_is_directory=True)
    assert [d.id for d in read(tmp_path)] == ["a"]


def test_a_single_path_string_is_accepted(tmp_path):
    path = write(tmp_path / "solo.txt", f"{TITLE}\n\n{BODY}")
    assert [d.id for d in read_paths(str(path))] == ["solo"]


# --- bad input never stops a batch --------------------------------------------------


@pytest.fixture
def bad_inputs(tmp_path):
    rng = random.Random(7)
    files = {
        "binary": write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)),
        "random": write(tmp_path / "noise.txt", bytes(rng.randrange(1, 256) for _ in range(1500))),
        "random-printable": write(tmp_path / "noise2.txt", bytes(
            b for b in (rng.randrange(0x20, 256) for _ in range(1500)) if b not in b"\x81\x8d\x8f\x90\x9d")),
        "empty": write(tmp_path / "empty.txt", b""),
        "blank": write(tmp_path / "blank.txt", b" \n\t\n"),
        "junk-only": write(tmp_path / "junk.txt", "Advertisement\n\nShare this\n\nPhoto: AFP\n"),
        "undecodable": write(tmp_path / "bad.txt", b"Strike kills \x81\x8d\x8f in Hama\n\nThe \x9d toll rose."),
        "controls": write(tmp_path / "ctl.txt", b"\x01\x02\x03\x04\x05 text \x06\x07\x08\x0e\x0f" * 20),
        "oversized": write(tmp_path / "huge.txt", f"{TITLE}\n\n" + "More text follows here. " * 100),
        "unsupported": write(tmp_path / "report.pdf", b"%PDF-1.4 not really"),
        "no-extension": write(tmp_path / "README", b"read me"),
        "csv-binary": write(tmp_path / "data.csv", b"id,text\n1,\x00\x00\x00"),
    }
    return files


EXPECTED_REASONS = {
    "binary": "binary content",
    "random": "",  # binary or undecodable: either is a clear refusal
    "random-printable": "not valid UTF-8",
    "empty": "empty file",
    "blank": "empty file",
    "junk-only": "no article text left after cleaning",
    "undecodable": "not valid UTF-8",
    "controls": "binary content",
    "oversized": "over the limit",
    "unsupported": "unsupported file type '.pdf'",
    "no-extension": "unsupported file type without an extension",
    "csv-binary": "binary content",
}


def test_each_bad_input_is_a_one_line_failure_naming_the_file(bad_inputs, tmp_path):
    good = write(tmp_path / "zz-good.txt", f"{TITLE}\n\n{BODY}")
    missing = tmp_path / "gone.txt"
    paths = [*bad_inputs.values(), missing, good]
    items = read(*paths, max_bytes=2000)
    failures = {Path(f.origin).name: f.reason for f in items if isinstance(f, ReadFailure)}
    docs = [d for d in items if isinstance(d, Document)]
    assert [d.id for d in docs] == ["zz-good"]
    for kind, path in bad_inputs.items():
        reason = failures[path.name]
        assert EXPECTED_REASONS[kind] in reason, (kind, reason)
        assert "\n" not in reason and reason
    assert failures["gone.txt"] == "[E206] no such file or directory"
    assert any(w in failures["noise.txt"] for w in ("binary", "UTF-8"))


def test_bad_inputs_inside_a_directory_do_not_stop_the_walk(bad_inputs, tmp_path):
    write(tmp_path / "zz-good.txt", f"{TITLE}\n\n{BODY}")
    items = read(tmp_path, max_bytes=2000)
    assert [d.id for d in items if isinstance(d, Document)] == ["zz-good"]
    assert len([f for f in items if isinstance(f, ReadFailure)]) == len(bad_inputs)


def test_size_is_checked_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path / "big.txt", "x" * 5000)

    def refuse(self):
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    failure = only_failure(read(path, max_bytes=4096))
    assert failure.reason == "[E241] file is 5,000 bytes, over the limit of 4,096 bytes (max_bytes)"


def test_default_size_limit_comes_from_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("CIVCAS_MAX_BYTES", "100")
    path = write(tmp_path / "a.txt", f"{TITLE}\n\n{BODY}")
    assert "over the limit" in only_failure(list(api.read_documents([path]))).reason
    assert isinstance(read(path)[0], Document)  # the stage alone: MAX_BYTES


def test_failures_are_logged_not_printed(tmp_path, caplog, capsys):
    with caplog.at_level(logging.INFO, logger="civcas.ingest"):
        read(tmp_path / "missing.txt", write(tmp_path / "x.pdf", b"%PDF"))
    assert "missing.txt" in caplog.text and "x.pdf" in caplog.text
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(
    "options",
    [{"columns": {"body": "text"}}, {"columns": {"text": ""}}, {"max_bytes": 0}, {"max_bytes": -5}],
)
def test_bad_options_raise_config_error_at_once(tmp_path, options):
    with pytest.raises(ConfigError):
        read_paths([tmp_path], **options)

"""Arabic pages: furniture removed as for English, datelines in either script give the published
date, and the language is detected offline (lines and pages of our own)."""
from __future__ import annotations

from datetime import date

import pytest

from civcas.ingest.document import document_from_text
from civcas.ingest.junk import is_comments_header, is_related_header, line_junk
from civcas.ingest.published import find_published


@pytest.mark.parametrize("line, kind", [
    ("اقرأ أيضا: مقتل خمسة مدنيين في قصف على ريف حلب", "read-also"),
    ("إقرأ أيضاً - غارات جديدة على المدينة", "read-also"),
    ("الوسوم: سوريا حلب قصف", "tags"),
    ("كلمات مفتاحية: اليمن صعدة", "tags"),
    ("شارك فيسبوك تويتر واتساب", "share"),
    ("طباعة البريد الإلكتروني", "share"),
    ("صورة أرشيفية: دمار في أحد أحياء المدينة", "photo"),
    ("نقل جريح إلى مستشفى المدينة. أ.ف.ب", "photo"),
    ("إعلان", "ad"),
    ("جميع الحقوق محفوظة 2024", "boilerplate"),
])
def test_arabic_furniture_lines(line, kind):
    assert line_junk(line) == kind


def test_arabic_section_headers():
    assert is_related_header("أخبار ذات صلة")
    assert is_related_header("الأكثر قراءة")
    assert is_comments_header("التعليقات")


@pytest.mark.parametrize("line", [
    "قتل خمسة مدنيين في قصف على البلدة، بحسب مصادر محلية.",
    "وقال المرصد إن الغارات استهدفت أحياء سكنية في المدينة.",
])
def test_arabic_prose_is_no_junk(line):
    assert line_junk(line) is None


@pytest.mark.parametrize("text, published", [
    ("عنوان الخبر\nالسبت 2018/03/17\nقتل خمسة مدنيين في القصف.", date(2018, 3, 17)),
    ("عنوان الخبر\n[16/سبتمبر/2016م ]\nقتل خمسة مدنيين في القصف.", date(2016, 9, 16)),
    ("عنوان الخبر\n٢٢/٠٥/٢٠١٩\nقتل خمسة مدنيين في القصف.", date(2019, 5, 22)),
    ("عنوان الخبر\n3 آب/أغسطس 2015\nقتل خمسة مدنيين في القصف.", date(2015, 8, 3)),
])
def test_published_from_arabic_datelines(text, published):
    assert find_published(text) == published


def test_a_date_inside_a_sentence_is_no_dateline():
    assert find_published("عنوان\nقتل خمسة مدنيين يوم 3 آب 2015 في قصف على البلدة وقال المرصد إن الحصيلة مرشحة للارتفاع.") is None


def test_the_language_is_detected_at_ingest():
    ar = document_from_text(id="a", title="عنوان", body="قتل خمسة مدنيين في قصف على البلدة.")
    en = document_from_text(id="b", title="Title", body="Five civilians were killed in shelling on the town.")
    assert (ar.language, en.language) == ("ar", "en")
    assert "قتل" in ar.text

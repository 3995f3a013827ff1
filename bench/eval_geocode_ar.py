#!/usr/bin/env python3
"""How many of the Arabic place names of the ar-dev reports the gazetteer resolves to the same
GeoNames entry as their English spelling (issue 12's target: at least 95%).

Each row below is a place name as an ar-dev report writes it, with the English spelling the gold
(or, for places the gold does not name, common press usage) gives it. Both are resolved with
``civcas.geo.resolve`` in the report's own text as context; a row counts when the English spelling
resolves and the Arabic one resolves to the same entry. Rows whose Arabic is not in the report's
text are an error (the table must stay true to the corpus). Exits 2 without ../shared.

Usage: python bench/eval_geocode_ar.py [--shared DIR] [--show]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from civcas.geo import resolve, text_context  # noqa: E402

NAMES = [  # report, Arabic as written, English spelling
    ("01", "إدلب", "Idlib"), ("01", "دمشق", "Damascus"), ("01", "سوريا", "Syria"),
    ("02", "عفرين", "Afrin"), ("02", "بيروت", "Beirut"), ("02", "أنقرة", "Ankara"),
    ("03", "الرقة", "Raqqa"), ("03", "جزرة", "Jazra"),
    ("04", "جازان", "Jazan"), ("04", "صنعاء", "Sanaa"), ("04", "اليمن", "Yemen"), ("04", "السعودية", "Saudi Arabia"),
    ("05", "دوما", "Douma"), ("05", "حرستا", "Harasta"), ("05", "سقبا", "Saqba"), ("05", "حمورية", "Hamouria"),
    ("05", "مسرابا", "Misraba"), ("05", "جسرين", "Jisrin"), ("05", "كفر بطنا", "Kafr Batna"),
    ("05", "عين ترما", "Ain Tarma"), ("05", "زملكا", "Zamalka"), ("05", "بيت سوى", "Beit Sawa"),
    ("05", "الغوطة الشرقية", "Eastern Ghouta"),
    ("07", "بليون", "Balyun"), ("07", "خان شيخون", "Khan Shaykhun"), ("07", "أريحا", "Ariha"),
    ("07", "حماة", "Hama"), ("07", "جسرالشغور", "Jisr al-Shughur"),
    ("08", "حمص", "Homs"), ("08", "باب توما", "Bab Touma"), ("08", "الدويلعة", "Dweila"),
    ("09", "الموصل", "Mosul"), ("09", "نينوى", "Nineveh"), ("09", "بغداد", "Baghdad"),
    ("10", "صعدة", "Saada"), ("10", "شدا", "Shida"),
    ("11", "القرضة", "al-Qurdah"), ("11", "ليبيا", "Libya"),
    ("13", "الوتدة", "al-Watada"), ("13", "خولان", "Khawlan"), ("13", "غور غمر", "Ghawr Ghamr"),
    ("14", "غزة", "Gaza"), ("14", "رفح", "Rafah"), ("14", "الشجاعية", "Shejaiya"), ("14", "خان يونس", "Khan Yunis"),
    ("15", "طرابلس", "Tripoli"), ("15", "مصراته", "Misrata"), ("15", "الزنتان", "Zintan"),
    ("16", "معدان", "Maadan"), ("16", "الطبقة", "Tabqa"),
    ("17", "اليرموك", "Yarmouk"),
    ("18", "حلب", "Aleppo"), ("18", "الحسكة", "Hasakah"), ("18", "دير الزور", "Deir ez-Zor"),
    ("18", "دالي حسن", "Dali Hasan"), ("18", "صرين", "Sarrin"), ("18", "بير محلي", "Bir Mahli"),
    ("19", "الأتارب", "Atarib"), ("19", "قبتان الجبل", "Qabtan al-Jabal"), ("19", "الجينة", "al-Jina"),
    ("19", "صلاح الدين", "Salah al-Din"),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--show", action="store_true", help="print every row")
    args = ap.parse_args()
    corpus = Path(args.shared) / "corpus" / "ar-dev"
    if not corpus.is_dir():
        print(f"eval_geocode_ar: {corpus} not found", file=sys.stderr)
        return 2
    known = same = 0
    for doc, arabic, english in NAMES:
        text = (corpus / f"ar-dev-{doc}.txt").read_text(encoding="utf-8")
        if arabic not in text:
            print(f"eval_geocode_ar: {arabic!r} is not in ar-dev-{doc}", file=sys.stderr)
            return 1
        ctx = text_context(text)
        en, ar = resolve(english, ctx), resolve(arabic, ctx)
        ok = en is not None and ar is not None and en.geonames_id == ar.geonames_id
        known += en is not None
        same += ok
        if args.show:
            print(f"{'ok ' if ok else '-- '} ar-dev-{doc} {arabic:>16} -> {ar.name if ar else None!s:24} "
                  f"{english:>16} -> {en.name if en else None}")
    print(f"Arabic place names: {len(NAMES)}; English spelling resolves: {known}; "
          f"Arabic resolves to the same entry: {same} ({same / known:.1%} of those)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

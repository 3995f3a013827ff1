"""Arabic text folded for matching: one spelling of each letter, no vowel marks, Western digits.

News copy writes the same word many ways: with or without vowel marks and tatweel ("قُتل" /
"قتل", "مدنيـاً"), with any alef form ("أطفال" / "اطفال"), ta marbuta or ha ("حماة" / "حماه"),
alef maqsura or ya ("على" / "علي"), hamza on its seat or not ("مسؤول" / "مسئول"), Arabic-Indic
or Persian digits ("٢٠", "۲۰"). :func:`fold_text` maps all of them to one form and keeps a map
back to the original offsets, so that a span found in the folded text is a span of the original.
:func:`word_key` is the key of a name for lookups: folded, the article and spaces gone.

    >>> fold_text("قُتل ٢٠ مدنيًا")[0]
    'قتل 20 مدنيا'
    >>> word_key("الرقّة") == word_key("رقه")
    True
"""
from __future__ import annotations

import re
from functools import lru_cache

LETTERS = "\u0621-\u063a\u0641-\u064a\u066e-\u066f\u0671-\u06d3\u06fa-\u06ff"
ARABIC = re.compile(f"[{LETTERS}]")
# vowel marks, shadda, sukun, superscript alef, Quranic marks and tatweel: dropped
MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_TABLE = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ې": "ي", "ۍ": "ي", "ک": "ك", "ڪ": "ك", "ہ": "ه", "ۀ": "ه", "ھ": "ه",
    "٬": ",", "٫": ".", "٪": "%",
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
})


# compass words and their adjectives: "شمال سوريا" names Syria, "شمال" alone no place
COMPASS = ("شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "شمالية", "جنوبية",
           "شرقية", "غربية", "الشمالي", "الجنوبي", "الشرقي", "الغربي", "الشمالية", "الجنوبية", "الشرقية",
           "الغربية", "شمالا", "جنوبا", "شرقا", "غربا")


def has_arabic(text: str) -> bool:
    return bool(ARABIC.search(text))


_LATIN_LETTER = re.compile(r"[A-Za-z]")


def isolated(text: str) -> str:
    """``text`` between Unicode bidi isolates (FSI ... PDI) when it holds Arabic, so that a terminal
    that orders right-to-left runs keeps it inside its own cell and leaves the cells around it as
    they are; other text unchanged."""
    return f"\u2068{text}\u2069" if ARABIC.search(text) else text


def language_of(text: str) -> str:
    """The language of a report, offline, from its script: ``ar`` when Arabic letters outnumber
    Latin ones in its first 2,000 characters, else ``en``."""
    head = text[:2000]
    if not ARABIC.search(head):
        return "en"  # no Arabic letter at all (most reports): nothing to count
    return "ar" if len(ARABIC.findall(head)) > len(_LATIN_LETTER.findall(head)) else "en"


# month names in folded spelling: the Levantine/Iraqi series, the Egyptian/Gulf one, Algerian names
MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7,
    "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9,
    "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "جويليا": 7, "اوت": 8,
}
WEEKDAYS = {"الاحد": 6, "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5}


def fold_text(text: str) -> tuple[str, list[int] | None]:
    """``text`` folded (see module doc) and, when marks were dropped, the original offset of each
    folded character (None: offsets are unchanged)."""
    t = text.translate(_TABLE)
    if not MARKS.search(t):
        return t, None
    keep = [i for i, c in enumerate(t) if not MARKS.match(c)]
    return "".join(t[i] for i in keep), keep


class Folded:
    """A text folded once, with spans mapped back to the original (see :func:`fold_text`)."""

    __slots__ = ("original", "text", "_pos")

    def __init__(self, original: str):
        self.original = original
        self.text, self._pos = fold_text(original)

    def start(self, i: int) -> int:
        """The original offset of folded offset ``i`` (a start)."""
        if self._pos is None:
            return i
        return self._pos[i] if i < len(self._pos) else len(self.original)

    def end(self, i: int) -> int:
        """The original offset of folded offset ``i`` (an end): marks after the last letter stay inside."""
        if self._pos is None:
            return i
        if i <= 0:
            return 0
        e = self._pos[i - 1] + 1
        while e < len(self.original) and MARKS.match(self.original[e]):
            e += 1
        return e

    def span(self, s: int, e: int) -> tuple[int, int]:
        return self.start(s), self.end(e)


@lru_cache(maxsize=1024)
def fold(text: str) -> str:
    """``text`` folded (see module doc), without the offset map."""
    return fold_text(text)[0]


_ARTICLE = re.compile(r"(?<![^\s])ال(?=\S{2})")
_SPACE = re.compile(r"[\s\-_'\"«»“”()]+")


@lru_cache(maxsize=65536)
def word_key(name: str) -> str:
    """The lookup key of an Arabic name: folded, each word's article dropped, no spaces
    ("الغوطة الشرقية" -> "غوطهشرقيه"); final ha and ya folded as in "حماه"/"حماة"."""
    text = _ARTICLE.sub("", fold(name).strip())
    return _SPACE.sub("", text)


# Letters to Latin consonants, as a transliteration meets the English spellings of a name:
# emphatics and their plain letters alike, ayn and hamza silent, long vowels as vowels.
_LATIN = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
    "ي": "y", "ء": "", "پ": "p", "چ": "ch", "گ": "g", "ژ": "zh", "ڤ": "v",
}


# words whose English spelling is settled ("Mohammed", "Abdul", "Deir", "Kafr")
_SETTLED = {
    "محمد": "Mohammed", "احمد": "Ahmed", "محمود": "Mahmoud", "مصطفي": "Mustafa", "علي": "Ali",
    "حسين": "Hussein", "حسن": "Hassan", "عبد": "Abdul", "الله": "Allah", "ابو": "Abu", "ابي": "Abi",
    "بن": "bin", "ابن": "ibn", "عمر": "Omar", "خالد": "Khaled", "ابراهيم": "Ibrahim", "يوسف": "Yousef",
    "سعيد": "Said", "عثمان": "Othman", "يونس": "Yunis", "صالح": "Saleh", "جبل": "Jabal", "تل": "Tal",
    "دير": "Deir", "كفر": "Kafr", "عين": "Ain", "بيت": "Beit", "خان": "Khan", "باب": "Bab", "جسر": "Jisr",
    "بير": "Bir", "بئر": "Bir", "راس": "Ras", "وادي": "Wadi", "سهل": "Sahl", "نهر": "Nahr", "شيخ": "Sheikh", "الشيخ": "al-Sheikh",
    "ام": "Umm", "مزرعه": "Mazraat", "قريه": "Qaryat", "سوق": "Souq", "مخيم": "Camp", "حي": "Hay",
    "الدين": "al-Din", "الرحمن": "al-Rahman", "الرحيم": "al-Rahim", "الكريم": "al-Karim", "العزيز": "al-Aziz",
}
_VOWEL = "aeiou"


def _latin_word(word: str) -> str:
    out: list[str] = []
    n = len(word)
    for i, ch in enumerate(word):
        prev = out[-1][-1:] if out and out[-1] else (out[-2][-1:] if len(out) > 1 else "")
        if ch == "ا":
            out.append("a" if prev != "a" else "")
        elif ch == "و":
            out.append("w" if i == 0 or (i + 1 < n and word[i + 1] == "ا") or prev in _VOWEL and prev != "y" else "u")
        elif ch == "ي":
            out.append("y" if i == 0 or (i + 1 < n and word[i + 1] in "او") or prev in _VOWEL and prev else "i")
        elif ch == "ه" and i == n - 1 and i > 1:
            out.append("a" if prev != "a" else "h")  # ta marbuta (folded to ha) is a final -a
            if prev == "i":
                out[-2] = "iy"  # "-iyya": "الصلاحية" -> "Salahiya"
        elif ch == "ع" and i == 0:
            out.append("a")  # a name opening on ayn opens on a vowel ("Afrin", "Ain")
        else:
            out.append(_LATIN.get(ch, ch if ch.isascii() and ch.isalnum() else ""))
    text = "".join(out)
    # Arabic writes no short vowels: open a cluster after the first consonant ("Jsr" -> "Jasr")
    first = 2 if text[:2] in ("sh", "kh", "th", "dh", "gh") else 1
    if len(text) > first + 1 and text[0] not in _VOWEL and text[first] not in _VOWEL + "y":
        return text[:first] + "a" + text[first:]
    return text


@lru_cache(maxsize=65536)
def to_latin(name: str) -> str:
    """A plain Latin transliteration of an Arabic name (short vowels guessed: Arabic does not
    write them): "جسر الشغور" -> "Jisr al-Shaghur"; "محمد حسين الحيالي" -> "Mohammed Hussein
    al-Hiali". Meant for keys and as the English name of last resort."""
    words = []
    name = re.sub(r"ى(?=\s|$)", "ا", name)  # alef maqsura is a final -a ("سوى" -> "Sawa")
    for w in fold(name).split():
        if w in _SETTLED:
            words.append(_SETTLED[w])
        elif w.startswith("ال") and len(w) > 3:
            words.append("al-" + _cap(_latin_word(w[2:])))
        else:
            words.append(_cap(_latin_word(w)))
    text = " ".join(w for w in words if w)
    return text if text.startswith("al-") else text[:1].upper() + text[1:]


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]

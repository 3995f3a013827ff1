"""The words the Arabic reader knows, in folded spelling (:mod:`civcas.vocab.arabic`: "أ" -> "ا",
"ة" -> "ه", "ى" -> "ي", no vowel marks), and :func:`rx` to turn a folded phrase into a pattern that
also matches the unfolded text.

Words are listed without proclitics (و ف ب ل ك) and mostly without the article: :func:`stems`
takes those off a word of the text before it is looked up.
"""
from __future__ import annotations

import re
from functools import lru_cache

# ---------------------------------------------------------------- outcomes
KILL_VERBS = frozenset("""قتل قتلت قتلوا قتلا يقتل تقتل قتلتا قضي قضوا قضت توفي توفيت توفوا مات ماتوا ماتت
استشهد استشهدت استشهدوا استشهدا يستشهد ارتقي ارتقت ارتقوا اعدم اعدمت اعدموا""".split())
KILL_NOUNS = frozenset("""مقتل قتل استشهاد وفاه وفيات موت اعدام سقوط""".split())
# counted nouns that say the outcome and no group of their own ("25 قتيلا", "14 شهيدا")
KILLED_COUNT = frozenset("""قتيل قتيلا قتيلان قتيلين قتلي شهيد شهيدا شهيدان شهيدين شهداء ضحيه ضحايا جثه جثث جثتين
جثتي حاله""".split())
INJURE_VERBS = frozenset("""اصيب اصيبت اصيبوا اصيبا يصاب تصاب اصاب اصابت اصابوا جرح جرحت جرحوا يجرح""".split())
INJURE_NOUNS = frozenset("""اصابه جرح""".split())
INJURED_COUNT = frozenset("""جريح جريحا جريحان جريحين جرحي مصاب مصابا مصابان مصابين مصابون اصابه اصابات""".split())
# "لقي مصرعه", "لقوا حتفهم": the verb and its object
MET_DEATH = frozenset("لقي لقيت لقوا لقيا يلقي".split())
DEATH_OBJECTS = ("مصرع", "حتف")
BODY_WORDS = frozenset("جثه جثث جثتي جثتين انتشال".split())

# ---------------------------------------------------------------- victims (counted nouns)
_GROUPS = {
    "civilians": """مدني مدنيا مدنيان مدنيين مدنيون مواطن مواطنا مواطنان مواطنين مواطنون مسعف مسعفا مسعفين مسعفون
        صحفي صحفيا صحفيين صحفيون ناشط ناشطا ناشطين ناشطون طبيب طبيبا اطباء ممرض ممرضا ممرضين معلم معلما معلمين
        طالب طالبا طلاب مسافر مسافرا مسافرين عامل عاملا عمال مدنيي مزارع مزارعا مزارعين""",
    "women": """امراه امراتان امراتين نساء سيده سيدتان سيدتين سيدات مواطنه مواطنتان مواطنتين مواطنات فتاه فتاتان فتاتين
        فتيات زوجه زوجته زوجتان زوجتين نسوه""",
    "children": """طفل طفلا طفلان طفلين اطفال طفله طفلتان طفلتين رضيع رضيعا رضيعه رضع قاصر قاصرا قاصرين صبي صبيا صبيه
        طلفين تلميذ تلميذا تلاميذ""",
    "men": """رجل رجلا رجلان رجلين رجال شاب شابا شابان شابين شبان مسن مسنا مسنين زوج""",
    "people": """شخص شخصا شخصان شخصين اشخاص فرد فردا فردين افراد نسمه""",
    "combatants": """مقاتل مقاتلا مقاتلان مقاتلين مقاتلون مقاتلي مسلح مسلحا مسلحان مسلحين مسلحون مسلحي عنصر عنصرا
        عنصران عنصرين عناصر جهادي جهاديا جهاديين جهاديون ارهابي ارهابيا ارهابيين ارهابيون مرتزق مرتزقه مرتزقا قيادي
        قياديا قياديين""",
    "security_forces": """جندي جنديا جنديان جنديين جنود عسكري عسكريا عسكريان عسكريين عسكريون ضابط ضابطا ضابطان
        ضابطين ضباط شرطي شرطيا شرطيين شرطيون منتسب منتسبا منتسبين منتسبي""",
}
GROUP_OF = {w: g for g, words in _GROUPS.items() for w in words.split()}
# duals: a count of two ("طفلان", "مواطنتين"); "-ين" of a noun whose plural is broken is a dual too
DUALS = frozenset("""مدنيان مواطنان مواطنتان مواطنتين امراتان امراتين سيدتان سيدتين فتاتان فتاتين زوجتان زوجتين
طفلان طفلين طفلتان طفلتين رجلان رجلين شابان شابين شخصان شخصين فردين مقاتلان مسلحان عنصران عنصرين جنديان جنديين
عسكريان ضابطان ضابطين قتيلان قتيلين شهيدان شهيدين جريحان جريحين مصابان جثتين جثتي""".split())
PLURAL = frozenset("""مدنيي منتسبي مواطني مدنيون مواطنين مواطنون مواطنات نساء سيدات اطفال رجال شبان اشخاص افراد مقاتلين مقاتلون
مقاتلي مسلحين مسلحون مسلحي عناصر جهاديين جهاديون ارهابيين ارهابيون جنود عسكريين عسكريون ضباط شرطيين قتلي شهداء
جرحي مصابين مصابون اصابات ضحايا جثث رضع فتيات مسعفين صحفيين ناشطين اطباء طلاب مسافرين عمال تلاميذ مسنين""".split())
OTHERS = frozenset("اخرين اخرون اخر اخري اخريات غيرهما غيرهم غيره غيرها".split())
# "عناصر الدفاع المدني" are rescuers, "عناصر الشرطة" security forces
MEMBERS = frozenset("عنصر عنصرا عنصران عنصرين عناصر افراد منتسبي".split())
RESCUE_AFTER = ("الدفاع المدني", "الاسعاف", "الانقاذ", "الهلال الاحمر", "الخوذ البيضاء")
SECURITY_AFTER = ("الشرطه", "الامن", "الجيش", "القوات", "الحرس", "الحشد", "حرس الحدود")
# nationality nouns count people ("ثلاثة فلسطينيين")
NATIONAL = re.compile(r"^(?:فلسطيني|يمني|عراقي|سوري|ليبي|لبناني|مصري|سوداني|صومالي|افغاني|اسرائيلي|تركي|ايراني|سعودي)"
                      r"(?:ين|ون|ان|ا)?$")

# ---------------------------------------------------------------- numbers
UNITS = {"واحد": 1, "واحده": 1, "احد": 1, "احدي": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2,
         "اثنتا": 2, "اثني": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6,
         "سته": 6, "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10,
         "عشره": 10}
TENS = {"عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40, "خمسون": 50,
        "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90,
        "تسعين": 90}
HUNDREDS = {"مئه": 100, "مائه": 100, "ميه": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200}
for _w, _n in list(UNITS.items()):
    if 3 <= _n <= 9:
        for _h in ("مئه", "مائه"):
            HUNDREDS[_w.removesuffix("ه") + _h] = _n * 100  # "ثلاثمئة", "تسعمائة"
THOUSANDS = {"الف": 1000, "الفا": 1000, "الاف": 1000, "الفان": 2000, "الفين": 2000, "مليون": 1_000_000,
             "ملايين": 1_000_000, "مليونا": 1_000_000, "مليار": 1_000_000_000}
VAGUE_WORDS = frozenset("عشرات مئات الاف العشرات المئات الالاف".split())
VAGUE_BEFORE = ("عدد من", "عدد كبير من", "العديد من", "عده", "بضعه", "بضع", "عددا من", "عددا كبيرا من",
                "الكثير من", "عشرات من", "مئات من")

# ---------------------------------------------------------------- qualifiers (before the number, folded)
QUALIFIERS = (  # longest first
    ("ما لا يقل عن", "at_least"), ("لا يقل عن", "at_least"), ("ما يزيد عن", "more_than"), ("ما يزيد علي", "more_than"),
    ("ما يربو علي", "more_than"), ("يزيد عن", "more_than"), ("يزيد علي", "more_than"), ("اكثر من", "more_than"),
    ("ما يقرب من", "nearly"), ("ما يقارب", "nearly"), ("يقرب من", "nearly"), ("يناهز", "nearly"), ("قرابه", "nearly"),
    ("اقل من", "nearly"), ("ما يصل الي", "up_to"), ("يصل الي", "up_to"), ("حتي", "up_to"), ("نحو", "about"),
    ("حوالي", "about"), ("زهاء", "about"), ("قرابه", "nearly"), ("تعدي", "more_than"), ("تعدى", "more_than"),
    ("يتعدي", "more_than"), ("تجاوز", "more_than"), ("يتجاوز", "more_than"), ("تخطي", "more_than"), ("يفوق", "more_than"),
    ("فاق", "more_than"), ("علي الاقل", "at_least"),
)
AFTER_QUALIFIERS = (("علي الاقل", "at_least"), ("تقريبا", "about"), ("او اكثر", "at_least"))

# ---------------------------------------------------------------- reporting
SAY_VERBS = frozenset("""قال قالت قالوا يقول تقول اضاف اضافت اضافوا افاد افادت ذكر ذكرت ذكروا اعلن اعلنت اعلنوا
يعلن اكد اكدت اكدوا يؤكد اوضح اوضحت اشار اشارت اشاروا يشير صرح صرحت لفت لفتت نقل نقلت نقلا وثق وثقت بث بثت اورد
اوردت تحدث تحدثت رصد رصدت احصي احصت اتهم اتهمت نفي نفت ينفي تنفي ابلغ ابلغت اعترف اعترفت تابع تابعت كشف كشفت
اكدت افادت قدر قدرت""".split())
FORWARD = ("بحسب", "حسب", "وفق", "وفقا ل", "وفقا", "طبقا ل", "نقلا عن", "علي لسان", "استنادا الي")
DENY_VERBS = frozenset("نفي نفت ينفي تنفي نفوا".split())

# ---------------------------------------------------------------- time
from ...vocab.arabic import fold  # noqa: E402 - the shared tables (ingest reads them too)


# every entry above in folded spelling, however it was typed ("مئة" -> "ميه")
def _folded(x):

    if isinstance(x, dict):
        return {fold(k): v for k, v in x.items()}
    if isinstance(x, frozenset):
        return frozenset(fold(w) for w in x)
    if x and isinstance(x[0], tuple):
        return tuple((fold(a), b) for a, b in x)
    return tuple(fold(w) for w in x)


for _name in ("KILL_VERBS", "KILL_NOUNS", "KILLED_COUNT", "INJURE_VERBS", "INJURE_NOUNS", "INJURED_COUNT",
              "MET_DEATH", "DEATH_OBJECTS", "BODY_WORDS", "GROUP_OF", "DUALS", "PLURAL", "OTHERS", "MEMBERS",
              "RESCUE_AFTER", "SECURITY_AFTER", "UNITS", "TENS", "HUNDREDS", "THOUSANDS", "VAGUE_WORDS",
              "VAGUE_BEFORE", "QUALIFIERS", "AFTER_QUALIFIERS", "SAY_VERBS", "FORWARD", "DENY_VERBS"):
    globals()[_name] = _folded(globals()[_name])


@lru_cache(maxsize=512)
def rx(phrase: str) -> str:
    """A folded phrase as a pattern that matches it in unfolded text too: every letter with its
    variant spellings, optional vowel marks after each."""
    classes = {"ا": "[اأإآٱ]", "ه": "[هة]", "ي": "[يىئ]", "و": "[وؤ]"}
    out = []
    for ch in phrase:
        if ch == " ":
            out.append(r"\s+")
        elif "\u0621" <= ch <= "\u064a":
            out.append(classes.get(ch, re.escape(ch)) + "[\u064b-\u0652\u0640]*")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def words_rx(words) -> str:
    """An alternation of folded phrases (longest first) for unfolded text."""
    return "(?:" + "|".join(rx(w) for w in sorted(words, key=len, reverse=True)) + ")"

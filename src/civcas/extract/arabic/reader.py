"""The Arabic reader (:class:`~civcas.extract.language.Reader`): sentences, places, times, actors,
speakers and casualty figures of Arabic reports, with the Arabic cues the shared candidates read."""
from __future__ import annotations

import re
from datetime import date

from ..drafts import Draft
from ..language import READERS, Cues
from ..report import Sentence
from ..timex import TimeMention
from ..tokens import capped
from . import names, speakers, times
from .claims import find_figures, scope_of
from .lexicon import rx, words_rx
from .tokens import Sent, sentence_spans

_CASUALTY = re.compile(words_rx("""قتل مقتل قتيل قتلي قتلا استشهد استشهاد شهيد شهداء شهيدا جرح جرحي جريح اصيب اصابه
اصابات مصاب مصابين مصابا مصرع حتف ضحايا ضحيه جثث جثه جثتي وفاه قضوا قضي توفي ارتقي اعدام اعدم""".split()))


def _words(*phrases: str) -> str:
    return "(?:" + "|".join(rx(p) for p in phrases) + ")"


CUES = Cues(
    tied=re.compile(_words("نفس الغاره", "ذات الغاره", "الغاره نفسها", "القصف نفسه", "نفس القصف", "الهجوم نفسه",
                           "فجر اليوم", "في وقت سابق من اليوم", "ارتفعت حصيله", "ارتفع عدد", "ارتفاع حصيله", "بينهم",
                           "من بين القتلي", "من بين الضحايا", "القتلي", "الضحايا", "الجرحي", "المصابين", "حصيله")),
    loose=re.compile(r"^\W*(?:و)?" + _words("في السياق ذاته", "في السياق نفسه", "في سياق متصل", "هذا و", "الي ذلك",
                                           "في غضون ذلك", "كما", "من جهه اخري", "من ناحيه اخري")),
    by_air=re.compile(_words("غاره جويه", "غارات جويه", "الغارات الجويه", "الغاره الجويه", "الطيران الحربي",
                             "طيران حربي", "الطائرات الحربيه", "طائرات حربيه", "طائره حربيه", "الطيران المروحي",
                             "طائرات مروحيه", "البراميل المتفجره", "براميل متفجره")),
    fighting=re.compile(_words("اشتباكات", "معارك", "مواجهات", "اشتباك", "الاشتباكات", "المعارك", "المواجهات")),
    the_attack=re.compile(_words("في الغاره", "جراء الغاره", "جراء القصف", "في القصف", "اثر الغاره", "في الهجوم",
                                 "جراء الهجوم", "في التفجير", "جراء التفجير", "في الضربه", "في الغارات", "جراء الغارات")),
    whole_war=re.compile(_words("الحرب", "النزاع", "الصراع", "الثوره", "الازمه")),
    campaign=re.compile(_words("حمله", "الحمله", "الغارات", "القصف", "الضربات", "العمليه العسكريه", "الهجمات")),
    rivals=re.compile(r"\S+\s+" + _words("او") + r"\s+\S+(?:\s+\S+)?|" + _words("لم يعرف", "لم تعرف", "غير معروف",
                                                                               "مجهوله الهويه", "لم يعرف هويتها")),
    unclaimed=re.compile(_words("لم تعلن اي جهه", "لم تتبن اي جهه", "لم تعلن اي جماعه", "لم تتبن اي جماعه",
                                "لم يعلن احد", "لم يتبن احد")),
    blame=re.compile(_words("اتهم", "اتهمت", "حمل", "حملت", "مسووليه", "مسؤوليه", "تحميل", "تتهم", "يتهم")),
    near=re.compile(_words("قرب", "بالقرب من", "محيط", "بمحيط", "اطراف", "علي اطراف", "ضواحي") + r"\s+(?:\S+\s+)?$"),
    at=re.compile(r"(?:^|\s)(?:[وف]?(?:في|فى|علي|داخل|بمدينه|ببلده|بقريه|بحي|بمنطقه|بمحافظه|بريف)|[وف]?ب\S{0,6})\s*$"),
    nationwide=re.compile(_words("في مختلف المحافظات", "في جميع انحاء", "في كافه انحاء", "في عموم", "في انحاء متفرقه")),
    there=re.compile(_words("هناك", "فيها", "فيه")),
    war=re.compile(_words("الحرب", "النزاع", "الصراع", "الثوره", "الازمه", "العدوان")),
    struck=re.compile(_words("قصف", "قصفت", "استهدف", "استهدفت", "استهداف", "غاره علي", "غارات علي", "هجوم علي", "شن",
                             "شنت", "ضربت", "ضرب", "سقطت", "سقوط قذايف")),
    among=re.compile(_words("من بين القتلي", "من بين الضحايا", "بين القتلي", "من بين الشهداء")),
    quote=re.compile(r"[\"“”«»]"),
    clause_break=re.compile(r"[؛;:]|\s[-–—]\s|" + _words("بينما", "فيما", "في حين")),
    list_next=re.compile(r"\s*[،,]?\s*و[\u0621-\u064a]{2,}(?:\s+[\u0621-\u064a]{2,})?(?=\s*(?:[،,.]|\s+و|\s+في\s|$))"),
    list_prev=re.compile(r"[\u0621-\u064a]{2,}\s*(?:[،,]\s*و?|\s+و)$"),
    frame=re.compile(r"\W*(?:و)?(?:في|فى)\s+(?:\S+\s+)?"),
)
NEW_EVENT = re.compile(r"^\W*(?:و)?(?:" + _words("كان", "كانت", "كانوا") + r"\s|في\s+\d|" + _words("في وقت سابق") + ")")
ELSEWHERE = re.compile(r"^\W*(?:و)?(?:" + _words("من جهه اخري", "من ناحيه اخري", "في سياق اخر", "في تطور اخر",
                                                   "في حادث اخر", "في هجوم اخر", "في حادثه اخري", "في مكان اخر",
                                                   "علي صعيد اخر", "في سياق منفصل") + ")")
CONTINUES = re.compile(r"^\W*(?:و)?(?:" + _words("اضاف", "اضافت", "تابع", "تابعت", "اشار", "اشارت", "اوضح", "اوضحت",
                                                   "من بين القتلي", "من بين الضحايا", "بينهم", "منهم") + ")")
_LANDMARK = re.compile(r"\s*[،,]?\s*(?:" + _words("الواقعه", "الواقع", "القريبه", "القريب") + r"\s+)?" + _words(
    "قرب", "بالقرب من", "علي مقربه من", "بمحاذاه", "قباله", "علي اطراف", "بجوار") + r"\s+(?:\S+\s+)?[«\"“(]?")
_LOCATOR = re.compile(r"\s" + _words("غرب", "شرق", "شمال", "جنوب", "غربي", "شرقي", "شمالي", "جنوبي") + r"\s*$")
_ALSO = re.compile(r"[،,]\s*و?كما\s+")
_KIND_REFER = {rx("المدينه"): "city", rx("البلده"): "town", rx("القريه"): "town", rx("الحي"): "quarter",
               rx("المخيم"): "camp", rx("المنطقه"): "quarter"}


class Arabic:
    """The Arabic reader (see :class:`~civcas.extract.language.Reader`)."""

    code = "ar"
    cues = CUES

    def casualty_hint(self, text: str) -> bool:
        return bool(_CASUALTY.search(text)) or "نفى علم" in text or "نفي علم" in text

    def sentences(self, text: str) -> list[tuple[int, int]]:
        return capped(text, sentence_spans(text))

    def times(self, text: str, published: date | None) -> list[TimeMention]:
        return times.find_times(text, published)

    def event_times(self, found: list[TimeMention], text: str, start: int, end: int) -> list[TimeMention]:
        return times.event_times(found, text, start, end)

    def places(self, sentence: str, country: str | None = None) -> list[tuple[int, int, str, int]]:
        found = names.place_mentions(sentence, country)
        also = _ALSO.search(sentence)
        if also and found and _CASUALTY.search(sentence, 0, also.start()) and not _CASUALTY.search(sentence, also.end()):
            # "... ما أوقع جرحى، كما قصف محيط مدينة أريحا": the places of a strike told after "كما" with no
            # harm of its own are not where the sentence's harm was
            found = [m for m in found if m[0] < also.start()]
        # "قرية دالي حسن الواقعة قرب بلدة صرين": the town a village is placed by is no place of harm
        return [m for k, m in enumerate(found) if not (
            k and m[3] >= 3 and found[k - 1][3] >= 3 and _LANDMARK.fullmatch(sentence, found[k - 1][1], m[0]))]

    def actors(self, sentence: str, country: str | None):
        return names.actor_mentions(sentence, country)

    def attributions(self, sentence: str, country: str | None):
        return speakers.attributions(sentence, country)

    def flags(self, sentence: str) -> tuple[bool, bool, bool]:
        return bool(NEW_EVENT.search(sentence)), bool(ELSEWHERE.search(sentence)), bool(CONTINUES.search(sentence))

    def drafts(self, sentence: Sentence) -> list[Draft]:
        """Every casualty figure of a sentence (see :mod:`.claims`)."""
        s = Sent(sentence.text)
        out = []
        for f in find_figures(s):
            first = min(f.first, f.cue[0]) if f.cue and f.cue[0] >= f.first - 8 else f.first
            last = max(f.last, f.noun[1] if f.noun else f.last, f.cue[1] if f.cue and f.cue[1] <= f.last + 10 else 0)
            a, b = s.span(first, last)
            vs, _ve = s.span(*(f.noun or (f.first, f.last)))
            # the victim span is where the counted noun starts: Arabic puts "في غارات لـ..." right after
            # the noun, and only an actor within a few letters of it ("عناصر من داعش") is the victims' side
            denier = s.original(*f.denier) if f.denier else None
            out.append(Draft(f.outcome or "killed", f.victims or "people", f.low, f.high, f.qualifier,
                             (sentence.start + a, sentence.start + b), (vs, vs), sentence, scope_of(f), f.how,
                             f.breakdown, denier, orphan=f.others and "orphan" in f.how, definite=f.definite))
        return sorted(out, key=lambda d: d.span)

    def kinds_named(self, sentence: str, places: list[tuple[int, int, str, int]]) -> dict[str, str]:
        out = {}
        for s, _e, name, _r in places:
            before = sentence[max(0, s - 10):s]
            for pattern, kind in _KIND_REFER.items():
                if re.search(pattern.replace("ال", "", 1) if False else pattern[len(rx("ال")):] + r"\s*$", before):
                    out[kind] = name
        return out

    def kind_referred(self, sentence: str) -> str | None:
        ends: list[int] | None = None
        for pattern, kind in _KIND_REFER.items():
            for m in re.finditer(r"(?:^|\s)(?:[وفب]|في\s+)?" + pattern + r"(?:\s|$|[،,.])", sentence):
                locator = _LOCATOR.search(sentence, 0, m.start() + 1)
                if locator is not None:
                    # "في ضاحية جزرة غرب المدينة": "west of the city" places Jazra; the harm is Jazra's
                    ends = ends if ends is not None else [e for _s, e, _n, _r in names.place_mentions(sentence)]
                    if any(locator.start() - 2 <= e <= locator.start() for e in ends):
                        continue
                return kind
        return None


READERS["ar"] = Arabic()

"""The casualty figures of an Arabic sentence: what, whom, how many, how sure (GUIDE-ar.md).

Read on the folded, tokenised sentence (:mod:`.tokens`). A figure is a number (digits or words,
:mod:`.numbers`), a dual noun ("طفلان" = 2), a singular victim noun ("استشهاد طفل" = 1), a vague
quantity ("عشرات المدنيين", "عدد من الجرحى") or a dual pronoun on a killing verb ("قتلهما" = 2).
Its outcome comes from the counted noun ("25 قتيلا"), else the nearest cue before it ("مقتل 17
مدنيا"), else a verb after it ("5 أفراد ... لقوا مصرعهم"), else a toll phrase ("ارتفعت حصيلة
الضحايا ... إلى 58 مدنيا"). A figure with no group noun of its own ("45 آخرين", "إصابة 40 بجروح",
"٦٠ مصابا") takes the group of the counted figure before it in the sentence; a single person or a
list with no head gives ``people``. Breakdowns ("بينهم 5 أطفال") are claims when their group is
more specific than the total's; a lone unnumbered person in a list ("قتل طفل ومواطنتان") is none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...vocab.arabic import MONTHS
from .lexicon import (
    AFTER_QUALIFIERS,
    BODY_WORDS,
    DEATH_OBJECTS,
    DUALS,
    GROUP_OF,
    INJURE_NOUNS,
    INJURE_VERBS,
    INJURED_COUNT,
    KILL_NOUNS,
    KILL_VERBS,
    KILLED_COUNT,
    MEMBERS,
    MET_DEATH,
    NATIONAL,
    OTHERS,
    QUALIFIERS,
    RESCUE_AFTER,
    SAY_VERBS,
    SECURITY_AFTER,
)
from .numbers import Number, read_number
from .tokens import Sent, Token, bare, stems, unsuffixed

_BREAK = frozenset(".؛;:!?؟«»\"“”")
_STRONG = frozenset(".؛;:!?؟")
# nouns that are counted but are no people: "25 غارة", "6 منازل", "22 يوما"
_THINGS = frozenset("""غاره غارات صاروخ صواريخ قذيفه قذايف منزل منازل سياره سيارات مبني مباني مبان طايره طايرات يوم يوما ايام
ساعه ساعات شهر شهرا اشهر شهور سنه سنوات عام عاما اعوام اسبوع اسبوعا اسابيع كلم كيلومتر كيلومترا متر مترا دقيقه دقايق
مره مرات هجوم هجمات ضربه ضربات موقع مواقع برميل براميل طن بالميه % منزلا مدرسه مدارس مستشفي مستشفيات قريه قري بلده
بلدات مدينه مدن حي احياء عمليه عمليات انفجار انفجارات عبوه عبوات مقذوف مقذوفات دبابه دبابات الف درجه نقطه نقاط""".split())
_YEAR_BEFORE = frozenset("عام العام سنه عامي اعوام الفرقه اللواء الكتيبه الساعه القرار رقم".split())
_AGE = frozenset("عاما عام سنه سنوات اعوام".split())
_AMONG = frozenset("بينهم بينهما منهم ومنهم وبينهم بينها منها".split())
_OF = frozenset("من".split())
_SEVERITY = re.compile(r"(?:حاله|حالات|حالتهم|خطر|خطير|حرج|بليغ|طفيف|متوسط)")
_COMPOSED = re.compile(r"(?:مولفه|مكونه|مولف|مكون|تتالف|يتالف)\s+من\s*$")
_TOLL = re.compile(r"(?:حصيله|حصيلات|عدد|اعداد|اجمالي|ارتفاع|ارتفعت|ارتفع|بلغ|بلغت|نقل|لنقل)\s+(?:ال)?"
                   r"(?P<w>ضحايا|قتلي|شهداء|الشهداء|القتلي|الضحايا|جرحي|الجرحي|مصابين|المصابين|اصابات|الاصابات|وفيات)")
# the dead of an armed group: "ضحايا التنظيم", "قتلى داعش", "عناصر التنظيم"
_THEIR_DEAD = re.compile(r"(?:ضحايا|قتلي|عناصر|مسلحي|مقاتلي)\s+(?:التنظيم|داعش|الجماعه|المليشيا|الميليشيا|الميليشيات)")
_NO_HARM = re.compile(
    r"(?P<deny>نفي|نفت|ينفي|تنفي|ونفي|ونفت)\s+(?:\S+\s+){0,3}?علم(?:ه|ها|هم)\s+(?:ب|بوقوع\s+|بسقوط\s+)?(?P<o1>مقتل|قتلي|سقوط\s+قتلي|ضحايا|اصابات|اصابه)"
    r"(?:\s+(?:بين\s+)?(?P<g1>\S+))?"
    r"|(?:لم|دون|بدون|ولم|ودون)\s+(?:(?:يسفر|تسفر|يسفرا|تسجل|يسجل|يودي|تودي|يوقع|توقع)\s+(?:\S+\s+){0,2}?(?:عن\s+|ب)?"
    r"|(?:وقوع|سقوط)\s+)?"
    r"(?:وقوع\s+|سقوط\s+)?(?:اي\s+)?(?P<o2>اصابات|ضحايا|خساير\s+بشريه|قتلي|اصابات\s+بشريه)"
    r"|(?:لم\s+(?P<o3>يقتل|يصب)\s+احد)"
    r"|(?:نفي|نفت|ينفي|تنفي|ونفي|ونفت)\s+(?:(?:وقوع|سقوط)\s+(?P<o4>ضحايا|قتلي|اصابات)(?:\s+(?:بين\s+)?(?P<g4>\S+))?"
    # "نفى مقتل مدنيين" (no figure: a denial of any such harm, not of a count)
    r"|(?:\S+\s+){0,3}?(?P<o5>مقتل|اصابه)\s+(?:اي\s+)?(?P<g5>مدنيين|مدنيا|اشخاص|اطفال|نساء)(?!\s*[0-9٠-٩]))")


@dataclass
class Fig:
    """A figure of the sentence (token indexes) before it becomes a :class:`~civcas.extract.drafts.Draft`."""

    low: int | None
    high: int | None
    qualifier: str
    first: int
    last: int
    victims: str | None  # None: no group noun of its own
    outcome: str | None = None
    cue: tuple[int, int] | None = None  # token range of the outcome cue
    single: bool = False  # one person ("طفل", "محمود المناصرة (50 عاما)")
    counted: bool = True  # a count of its own (not a lone unnumbered person)
    breakdown: bool = False
    how: str = ""
    noun: tuple[int, int] | None = None
    definite: bool = False
    denier: tuple[int, int] | None = None
    scope_end: int | None = None
    others: bool = False
    items: list = field(default_factory=list)


def _cue(tok: Token) -> str | None:
    """The outcome a token names as a cue ("قتل", "بمقتل", "واصيب", "استشهاد"), else None."""
    return _cue_word(tok.text) if tok.word else None


@lru_cache(maxsize=65536)
def _cue_word(w: str) -> str | None:
    if bare(w, KILL_VERBS) or bare(w, KILL_NOUNS) or unsuffixed(w, KILL_VERBS):
        return "killed"
    if bare(w, INJURE_VERBS) or bare(w, INJURE_NOUNS):
        return "injured"
    return None


def _count_noun(tok: Token) -> tuple[str | None, str | None, bool] | None:
    """(outcome, group, dual) of a counted noun ("مدنيا" -> (None, civilians), "قتيلا" -> (killed, None))."""
    return _count_word(tok.text) if tok.word else None


@lru_cache(maxsize=65536)
def _count_word(w: str) -> tuple[str | None, str | None, bool] | None:
    g = bare(w, GROUP_OF)
    if g is not None:
        return None, GROUP_OF[g], g in DUALS
    hit = unsuffixed(w, GROUP_OF)
    if hit is not None:
        return None, GROUP_OF[hit[0]], hit[0] in DUALS
    k = bare(w, KILLED_COUNT)
    if k is not None:
        return "killed", None, k in DUALS
    k = bare(w, INJURED_COUNT)
    if k is not None:
        return "injured", None, k in DUALS
    if any(NATIONAL.match(s) and s.endswith(("ين", "ون", "ان")) for s in stems(w)):
        return None, "people", w.endswith("ان")  # "ثلاثة فلسطينيين"; "عراقي" after a noun is its adjective
    if bare(w, OTHERS):
        return None, None, False
    return None


class _Reader:
    def __init__(self, sent: Sent):
        self.s = sent
        self.t = sent.tokens
        self.cues = [(i, _cue(t)) for i, t in enumerate(self.t)]
        self.last: Fig | None = None  # the last figure with an outcome (a list may continue it)

    # ------------------------------------------------------------ outcome
    def _met_death(self, i: int) -> bool:
        if not bare(self.t[i].text, MET_DEATH):
            return False
        return any(any(s.startswith(o) for s in stems(t.text) for o in DEATH_OBJECTS) for t in self.t[i + 1:i + 9])

    def outcome_left(self, first: int, reach: int = 14) -> tuple[str, int, int] | None:
        for j in range(first - 1, max(-1, first - reach - 1), -1):
            t = self.t[j]
            if t.text in _STRONG or bare(t.text, SAY_VERBS):
                return None
            o = self.cues[j][1]
            if o is None and self._met_death(j):
                o = "killed"
            if o is None and bare(t.text, BODY_WORDS) and j == first - 1:
                o = "killed"
            if o is not None:
                k = j
                if o == "injured" and j >= 1 and self.t[j].text.startswith("و") and self.cues[j - 1][1] == "killed" \
                        and not self.t[j - 1].text.endswith("وا"):
                    return "casualties", j - 1, j  # "استشهد وأصيب 30", "مقتل وجرح عشرات"
                return o, k, k
        return None

    def outcome_right(self, last: int, reach: int = 10) -> tuple[str, int, int] | None:
        for j in range(last + 1, min(len(self.t), last + reach + 1)):
            t = self.t[j]
            if t.text in _STRONG:
                return None
            if bare(t.text, KILL_VERBS) or unsuffixed(t.text, KILL_VERBS):
                return "killed", j, j
            if bare(t.text, INJURE_VERBS) and not t.text.startswith("و"):
                return "injured", j, j
            if any(s.startswith(o) for s in stems(t.text) for o in DEATH_OBJECTS):
                return "killed", j, j  # "لقيت عائلة ... مصرعها"
            if bare(t.text, KILLED_COUNT) and j <= last + 3:
                return "killed", j, j  # "ما يقرب من ٢٠ مدني عراقي قتلى"
        return None

    def toll(self, first: int) -> tuple[str, str | None] | None:
        """A toll phrase before the figure ("ارتفعت حصيلة القتلى بين المدنيين إلى 148"): its outcome and
        the group it names."""
        head = self.s.text[:self.t[first].start]
        m = next(iter(reversed(list(_TOLL.finditer(head)))), None)  # the last toll word before the figure
        if m is None or any(t.text in _BREAK for t in self.t if m.end() <= t.start < self.t[first].start):
            return None
        w = m.group("w")
        outcome = "injured" if any(x in w for x in ("جرح", "مصاب", "اصاب")) else "killed"
        group = "combatants" if _THEIR_DEAD.search(head[m.start():]) else None
        for t in self.t:
            if m.end() <= t.start < self.t[first].start:
                c = _count_noun(t)
                if c and c[1]:
                    group = c[1]
        return outcome, group

    # ------------------------------------------------------------ figures
    def their_dead(self, first: int) -> bool:
        return bool(_THEIR_DEAD.search(self.s.text[max(0, self.t[first].start - 80):self.t[first].start]))

    def noun_after(self, j: int) -> tuple[int, tuple[str | None, str | None, bool]] | None:
        """The counted noun at ``j`` (after "(13)" its parenthesis; "من" + group after a vague word)."""
        while j < len(self.t) and self.t[j].text in (")", "(", "ال"):
            j += 1
        if j >= len(self.t):
            return None
        c = _count_noun(self.t[j])
        return (j, c) if c is not None else None

    def group_of_members(self, j: int, group: str | None) -> str | None:
        """ "عناصر الدفاع المدني" are civilians, "عناصر الشرطة" security forces; "رجال ... من مقاتلي" combatants."""
        if bare(self.t[j].text, MEMBERS):
            after = " ".join(t.text for t in self.t[j + 1:j + 4])
            if any(after.startswith(("ال" + a[2:]) if a.startswith("ال") else a) or a in after[:14] for a in RESCUE_AFTER):
                return "civilians"
            if any(a in after[:12] for a in SECURITY_AFTER):
                return "security_forces"
        for k in range(j + 1, min(len(self.t), j + 6)):
            if self.t[k].text in _OF:
                c = _count_noun(self.t[k + 1]) if k + 1 < len(self.t) else None
                if c and c[1] in ("combatants", "security_forces"):
                    return c[1]  # "عشرة رجال على الاقل من مقاتلي فجر ليبيا": their role
                break
        return group

    def skip_number(self, n: Number) -> bool:
        t = self.t
        prev = t[n.first - 1].text if n.first else ""
        nxt = t[n.last + 1].text if n.last + 1 < len(t) else ""
        if prev in _YEAR_BEFORE or bare(prev, MONTHS) or bare(nxt, MONTHS) or nxt in ("/", "م", "-") or prev == "/":
            return True
        if n.value is not None and 1900 <= n.value <= 2100 and not n.words:
            return True
        if bare(nxt, _AGE) or bare(nxt, _THINGS) or nxt == "%":
            return True
        return False

    def qualifier(self, n: Number, noun_end: int) -> tuple[int | None, int | None, str]:
        if n.value is None:
            return None, None, "vague"
        v = n.value
        head = self.s.text[max(0, self.t[n.first].start - 30):self.t[n.first].start]
        head = re.sub(r"[()]", " ", head).rstrip()
        if head.endswith(" ال"):
            head = head[:-3].rstrip()
        if re.search(r"(?:^|\s)و?بين$", head) and n.last + 2 < len(self.t) and self.t[n.last + 1].text == "و":
            m = read_number(self.t, n.last + 2)
            if m and m.value:
                return v, m.value, "range"
        for phrase, q in QUALIFIERS:
            if head.endswith(phrase) or (q == "more_than" and len(phrase) <= 6 and re.search(
                    rf"(?:^|\s){phrase}\s+(?:\S+\s+){{0,3}}$", head + " ")):
                return _bounds(v, q)
        after = " ".join(t.text for t in self.t[noun_end + 1:noun_end + 4])
        for phrase, q in AFTER_QUALIFIERS:
            if after.startswith(phrase) or after.startswith("،" + phrase) or after.startswith("، " + phrase):
                return _bounds(v, q)
        return v, v, "exact"


def _bounds(v: int, q: str) -> tuple[int | None, int | None, str]:
    return {"at_least": (v, None, "at_least"), "more_than": (v + 1, None, "more_than"),
            "nearly": (None, v - 1, "up_to"), "up_to": (None, v, "up_to"), "about": (v, v, "about")}[q]

"""Figures of an Arabic sentence put together: every number, dual, single victim, vague quantity
and denial read by :mod:`.figures`, their groups completed ("45 آخرين" takes the group of the
figure before), breakdowns and enumerations sorted out, and the scope of each (GUIDE-ar.md)."""
from __future__ import annotations

import re

from .figures import _AMONG, _BREAK, _COMPOSED, _NO_HARM, _SEVERITY, Fig, _count_noun, _Reader
from .lexicon import DENY_VERBS, DUALS, GROUP_OF, KILL_VERBS, PLURAL, UNITS
from .numbers import Number, read_number, vague_before
from .tokens import Sent, bare, unsuffixed

_SPECIFIC = {"people": 0, "civilians": 1, "combatants": 1, "security_forces": 1, "men": 2, "women": 2, "children": 2}
_CUMULATIVE = re.compile(
    r"منذ\s+(?!(?:مساء|صباح|فجر|ليل|ظهر|امس|ساع|الصباح|الليل|قليل|لحظ|دقاي)\S*)\S+"
    r"|خلال\s+(?:ال)?(?:\S+\s+){0,2}(?:ايام|يوما|اسابيع|اسبوعا|اشهر|شهور|شهرا|سنوات|اعوام|عاما)"
    r"|(?:طوال|طيله|علي\s+مدي|علي\s+مدار)\s+\S+|اجمالي|الاجمالي|حصيله\s+اجماليه"
    r"|استمر\s+(?:اكثر\s+من\s+)?(?:اسبوع|اسابيع|اشهر|شهر|ايام)")
_PERSON_AGE = re.compile(r"\(\s*\d+\s*(?:عاما|عام|سنه|سنوات)\s*\)")


def find_figures(sent: Sent) -> list[Fig]:
    """Every casualty figure of a sentence, left to right."""
    r = _Reader(sent)
    t = r.t
    figs: list[Fig] = []
    i = 0
    while i < len(t):
        f = _figure_at(r, i)
        if f is None:
            i += 1
            continue
        figs.append(f)
        if f.outcome is not None:
            r.last = f
        i = max(f.last, f.noun[1] if f.noun else f.last) + 1
        if f.outcome is not None:
            items, i = _breakdowns(r, f, i)
            f.items = items
        while i < len(t) and t[i].word and _count_noun(t[i]) is not None and not t[i].text.startswith("و") \
                and read_number(t, i) is None:
            i += 1  # an adjective of the noun ("مدنيا عراقيا")
    figs = [f for f in figs if f.outcome is not None]
    _lone_in_lists(r, figs)
    figs = [f for f in figs if f.counted]
    out: list[Fig] = []
    for f in figs:
        out.append(f)
        out.extend(f.items)
    _complete_groups(r, out)
    out.extend(_denials(sent))
    _scopes(sent, out)
    return out


def _figure_at(r: _Reader, i: int) -> Fig | None:
    t = r.t
    tok = t[i]
    n = read_number(t, i) if (tok.number or tok.word) else None
    if n is not None and n.value is None and i + 1 < len(t) and t[i + 1].text in ("من",):
        n = Number(None, i, i + 1, True)  # "عشرات من جنودها"
    if n is not None and n.value is not None and r.skip_number(n):
        return None
    if n is None and tok.word and vague_before(r.s.text, tok.start) and _count_noun(tok) is not None:
        n = Number(None, i, i - 1, True)  # "عدد من الجرحى": the noun itself is read next
    if n is not None:
        noun = r.noun_after(n.last + 1)
        if n.value is not None and i >= 1 and t[i - 1].text in ("بين", "وبين") and n.last + 2 < len(t) \
                and t[n.last + 1].text == "و":
            m = read_number(t, n.last + 2)
            if m is not None and m.value is not None and m.value > n.value:  # "بين 10 و15 مدنيا"
                fig = _make(r, Number(m.value, n.first, m.last, n.words), r.noun_after(m.last + 1))
                fig.low, fig.high, fig.qualifier = n.value, m.value, "range"
                return fig
        listed = _listed(r, i)
        if n.value is not None and noun is None and i >= 1 and _count_noun(t[i - 1]) is None and not _governed(r, i) \
                and listed is None:
            return None  # a bare number with no cue just before: a date, a unit, an address
        fig = _make(r, n, noun)
        if fig.outcome is None and listed is not None:
            fig.outcome, fig.cue, fig.how = listed.outcome, listed.cue, fig.how + "; one of a list"
        return fig
    c = _count_noun(tok) if tok.word else None
    if c is None:
        hit = unsuffixed(tok.text, KILL_VERBS) if tok.word else None
        if hit is not None and hit[1] == "هما":  # "قتلهما": killed the two of them
            return Fig(2, 2, "exact", i, i, _group_before(r, i), "killed", (i, i), how="dual pronoun")
        return None
    outcome_noun, group, dual = c
    if group is None and outcome_noun is None:
        return None  # "آخرون" alone: no quantity
    nxt = t[i + 1].text if i + 1 < len(t) else ""
    count = 2 if dual else None
    if bare(nxt, UNITS) in ("اثنين", "اثنان", "اثنتين", "اثنتان") or nxt in ("اثنين", "اثنان"):
        count, last = 2, i + 1  # "مواطنين اثنين", "جنديان اثنان"
    elif bare(nxt, UNITS) in ("واحد", "واحده"):
        count, last = 1, i + 1  # "مدني واحد"
    elif nxt.startswith("ال") and nxt[2:] in UNITS and UNITS[nxt[2:]] > 2:
        count, last = UNITS[nxt[2:]], i + 1  # "أطفالهما الخمسة"
    else:
        last = i
    word = bare(tok.text, GROUP_OF) or (unsuffixed(tok.text, GROUP_OF) or ("",))[0]
    plural = word not in DUALS and (word.endswith(("ين", "ون", "ات", "ي")) or word in PLURAL or not word)
    if count is None and (plural or outcome_noun):
        return None  # "قتلى مدنيين بينهم أطفال": no count
    if count is None and (tok.text.startswith(("ال", "وال", "بال", "لل")) or r.outcome_left(i, reach=2) is None
                          and r.outcome_right(last, reach=3) is None):
        return None  # "الدفاع المدني", "بحسب ناشط": a lone noun is a victim only right beside its outcome
    single = count is None
    fig = Fig(count or 1, count or 1, "exact", i, last, r.group_of_members(i, group), single=single,
              noun=(i, last), how="dual" if dual else "singular" if single else "noun and number")
    fig = _with_outcome(r, fig)
    listed = _listed(r, i)
    if fig.outcome is None and listed is not None and not single:
        fig.outcome, fig.cue, fig.how = listed.outcome, listed.cue, fig.how + "; one of a list"
    return fig


def _listed(r: _Reader, i: int) -> Fig | None:
    """The figure a coordinated item continues ("قتل 14 مدنيا في سقبا، و4 مدنيين في جسرين، واثنين في
    كفر بطنا"): the last figure of the sentence, when this one opens with "و" after a comma."""
    t = r.t
    prev = r.last
    if prev is None or not t[i].text.startswith("و") or i < 1 or t[i - 1].text not in ("،", ","):
        return None
    return prev if i - prev.last <= 16 and prev.outcome else None


def _governed(r: _Reader, i: int) -> bool:
    """Whether an outcome cue or a toll stands just before a bare number ("وإصابة 40 بجروح", "إلى 148")."""
    o = r.outcome_left(i, reach=3)
    return o is not None or (r.toll(i) is not None and i >= 1 and r.t[i - 1].text in ("الي", "لـ", "ل", "بلغ"))


def _make(r: _Reader, n: Number, noun) -> Fig:
    t = r.t
    victims, outcome_noun, dual, noun_span = None, None, False, None
    if noun is not None:
        j, (outcome_noun, victims, dual) = noun
        noun_span = (j, j)
        if victims is not None:
            victims = r.group_of_members(j, victims)
        elif outcome_noun is not None and j + 1 < len(t):  # "12 قتيلا مدنيا", "25 قتيلا من المدنيين"
            k = j + 2 if t[j + 1].text == "من" else j + 1
            c = _count_noun(t[k]) if k < len(t) else None
            if c and c[1]:
                victims, noun_span = c[1], (j, k)
        others = noun is not None and victims is None and outcome_noun is None
    else:
        others = False
    end = noun_span[1] if noun_span else n.last
    low, high, q = r.qualifier(n, end)
    fig = Fig(low, high, q, n.first, n.last, victims, outcome_noun, noun=noun_span, others=others,
              how="noun and number" if noun_span else "number")
    if outcome_noun is not None:
        fig.cue = noun_span
        fig.how = "counted outcome noun"
        if victims is None and r.their_dead(n.first):
            fig.victims = "combatants"  # "ضحايا التنظيم، الذين بلغ عددهم 25 قتيلا"
    return _with_outcome(r, fig)


def _with_outcome(r: _Reader, fig: Fig) -> Fig:
    end = fig.noun[1] if fig.noun else fig.last
    left = r.outcome_left(fig.first)
    right = r.outcome_right(end)
    if fig.outcome is None:
        if left is not None and (right is None or fig.first - left[2] <= 6):
            fig.outcome, fig.cue = left[0], (left[1], left[2])
            fig.how = f"{fig.how}; cue before"
        elif right is not None:
            fig.outcome, fig.cue = right[0], (right[1], right[2])
            fig.how = f"{fig.how}; verb after"
        else:
            toll = r.toll(fig.first)
            if toll is not None:
                fig.outcome = toll[0]
                fig.victims = fig.victims or toll[1]
                fig.how = f"{fig.how}; toll"
    elif left is not None and left[0] == "casualties":
        fig.outcome = "casualties"
    if fig.victims is None and fig.outcome is not None and not fig.others:
        toll = r.toll(fig.first)
        if toll is not None and toll[1]:
            fig.victims = toll[1]
    # a figure under a denial of responsibility ("نفت موسكو ... قيام قواتها بقتل 150 مدنيا") is the
    # accuser's, told before: kept only when no earlier claim gave it
    for j in range(fig.first - 1, max(-1, fig.first - 16), -1):
        if r.t[j].text in _BREAK:
            break
        if bare(r.t[j].text, DENY_VERBS) and not (j + 1 < len(r.t) and r.t[j + 1].text.startswith("علم")):
            fig.definite = True
    return fig


def _group_before(r: _Reader, i: int) -> str:
    for j in range(i - 1, -1, -1):
        c = _count_noun(r.t[j])
        if c and c[1]:
            return c[1]
    return "people"


def _victim_noun(tok) -> bool:
    """Whether a token names victims ("ومواطنتان"), not only an outcome ("وإصابة": a new clause of harm)."""
    found = _count_noun(tok)
    return found is not None and found[1] is not None


def _lone_in_lists(r: _Reader, figs: list[Fig]) -> None:
    """A lone unnumbered person coordinated with another victim item ("سيدة وطفل", "قتل طفل
    ومواطنتان") is no claim; nor is a named person listed with another ("مصعب الصوفي (18 عاما)، ومحمد")."""
    t = r.t
    for f in figs:
        if not f.single:
            continue
        a, b = f.noun or (f.first, f.last)
        nxt = t[b + 1] if b + 1 < len(t) else None
        prev = t[a - 1] if a >= 1 else None
        if (nxt is not None and nxt.text.startswith("و") and (_victim_noun(nxt) or read_number(t, b + 1)
                                                              or (b + 2 < len(t) and t[b + 1].text == "و")))\
                or (prev is not None and t[a].text.startswith("و") and _count_noun(prev))\
                or (a >= 2 and t[a].text.startswith("و") and t[a - 1].text in ("،", ",") and _count_noun(t[a - 2])):
            f.counted = False
    text = r.s.text
    ages = list(_PERSON_AGE.finditer(text))
    for _k, m in enumerate(ages):
        listed = any(abs(m.start() - o.end()) < 40 for o in ages if o is not m)
        if listed:
            continue
        at = next((i for i, tok in enumerate(t) if tok.start >= m.start()), None)
        if at is None:
            continue
        o = r.outcome_left(at, reach=6)
        if o is not None and not any(f.first <= at <= f.last + 2 for f in figs):
            figs.append(Fig(1, 1, "exact", max(o[2] + 1, at - 3), at, "people", o[0], (o[1], o[2]), single=True,
                            how="a named person"))
    figs.sort(key=lambda f: f.first)


def _breakdowns(r: _Reader, total: Fig, i: int) -> tuple[list[Fig], int]:
    """ "بينهم 5 أطفال", "بينهم طفلان ورجل مسن": the items after a total (claims when their group is
    more specific) and where they end; ``i`` is where the total ends."""
    t = r.t
    j = i
    while j < len(t) and t[j].text in ("،", ",", "(", ")", "\"", "”", "“"):
        j += 1
    while j < len(t) and t[j].text in ("علي", "الاقل", "تقريبا"):
        j += 1
    if j < len(t) and t[j].text == "من" and not (j + 1 < len(t) and t[j + 1].text == "بينهم"):
        k = j + 1  # "7 أفراد من أسرة واحدة، بينهم طفل": who the total are, then its breakdown
        while k < len(t) and k - j <= 3 and t[k].word and t[k].text not in _AMONG:
            k += 1
        while k < len(t) and t[k].text in ("،", ","):
            k += 1
        if k < len(t) and t[k].text in _AMONG:
            j = k
    if j >= len(t) or (t[j].text not in _AMONG and not (t[j].text in ("من",) and j + 1 < len(t)
                                                          and t[j + 1].text in ("بينهم",))):
        return [], i
    start = j + (2 if t[j].text == "من" else 1)
    return _items(r, total, start)


def _items(r: _Reader, total: Fig, j: int) -> tuple[list[Fig], int]:
    t = r.t
    out = []
    while j < len(t):
        tok = t[j]
        if tok.text in _BREAK or _SEVERITY.match(tok.text):
            break
        n = read_number(t, j) if tok.number or (tok.word and not tok.text.startswith("و")) or \
            (tok.word and read_number(t, j)) else None
        k = n.last + 1 if n and n.value is not None else j
        c = _count_noun(t[k]) if k < len(t) else None
        if c is None or c[1] is None:
            if n is None and c is None:
                break
            j = k + 1  # "5 شهداء جدد": an item of the same group, no claim
            while j < len(t) and t[j].word and not t[j].text.startswith("و") and j - k < 3:
                j += 1
            if j < len(t) and t[j].text.startswith("و") and t[j].text != "و" or j < len(t) and t[j].number:
                continue
            if j + 1 < len(t) and t[j].text == "و":
                j += 1
                continue
            break
        _o, group, dual = c
        word = bare(t[k].text, GROUP_OF) or (unsuffixed(t[k].text, GROUP_OF) or ("",))[0]
        count = n.value if n and n.value is not None else 2 if dual else None
        nxt = t[k + 1].text if k + 1 < len(t) else ""
        if count is None and nxt.startswith("ال") and nxt[2:] in UNITS:
            count = UNITS[nxt[2:]]
            k += 1
        if count is None and not (word.endswith(("ين", "ون", "ات")) or word in ("اطفال", "نساء", "رجال", "جنود")):
            count = 1
        if count and _SPECIFIC.get(group, 0) > _SPECIFIC.get(total.victims or "people", 0):
            out.append(Fig(count, count, "exact", j, k, group, total.outcome, total.cue, breakdown=True,
                           noun=(k, k), how="breakdown"))
        j = k + 1
        while j < len(t) and t[j].word and not t[j].text.startswith("و") and _count_noun(t[j]) is None \
                and read_number(t, j) is None and j - k < 3:
            j += 1  # an adjective after the item ("ورجل مسن", "طفلا دون سن ...")
        if j < len(t) and t[j].text in ("،", ","):
            j += 1
        if j >= len(t) or not (t[j].text.startswith("و") or t[j].number):
            break
        if t[j].text == "و":
            j += 1
    return out, j


def _complete_groups(r: _Reader, figs: list[Fig]) -> None:
    """A figure without a group noun takes the group of the counted figure before it; `people` when
    that figure is a single person or there is none (then ``orphan``)."""
    head: Fig | None = None
    for f in figs:
        if f.breakdown:
            continue
        if f.victims is None:
            if head is not None:
                f.victims = "people" if head.single else head.victims
            else:
                f.victims = "people"
                f.others = not any(_count_noun(t) and _count_noun(t)[1] for t in r.t[:f.first])
                f.how += "; orphan" if f.others else ""
        else:
            head = f
    # a composition list after a stated total: "العائلة مؤلفة من رجل وزوجته وأطفالهما الخمسة"
    text = r.s.text
    for k, tok in enumerate(r.t):
        if tok.text == "من" and _COMPOSED.search(text[:tok.end]) and k + 1 < len(r.t) \
                and not read_number(r.t, k + 1):
            totals = [f for f in figs if not f.breakdown and f.last < k and f.victims in ("people", "civilians")]
            if totals:
                figs.extend(_items(r, totals[-1], k + 1)[0])


def _denials(sent: Sent) -> list[Fig]:
    out = []
    for m in _NO_HARM.finditer(sent.text):
        o = m.group("o1") or m.group("o2") or m.group("o3") or m.group("o4") or m.group("o5")
        outcome = "killed" if o.startswith(("مقتل", "قتلي", "سقوط", "يقتل")) else \
            "injured" if o == "اصابه" else "casualties"
        g = m.group("g1") or m.group("g4") or m.group("g5")
        group = GROUP_OF.get(bare(g, GROUP_OF) or "", "people") if g else "people"
        first = next(i for i, t in enumerate(sent.tokens) if t.end > m.start())
        last = max(i for i, t in enumerate(sent.tokens) if t.start < m.end())
        out.append(Fig(0, 0, "none", first, last, group, outcome, (first, last), how="denial",
                       denier=(max(0, m.start() - 80), m.start())))
    return out


def _scopes(sent: Sent, figs: list[Fig]) -> None:
    text = sent.text
    heads = [f for f in figs if not f.breakdown]
    for k, f in enumerate(heads):
        s = sent.tokens[f.first].start
        end = f.noun[1] if f.noun else f.last
        nxt = None
        for g in heads[k + 1:]:
            if g.first <= end:
                continue
            if g.first - end <= 4:  # "352 شهيدا، و896 مصابا منذ ...": one clause
                end = max(g.last, g.noun[1] if g.noun else g.last)
                continue
            nxt = g
            break
        e = sent.tokens[nxt.first].start if nxt else len(text)
        window = text[max(0, s - 60):e]
        f.scope_end = 1 if _CUMULATIVE.search(window) else 0
    last = None
    for f in figs:
        if f.breakdown and last is not None:
            f.scope_end = last.scope_end
        elif not f.breakdown:
            last = f


def scope_of(f: Fig) -> str:
    return "cumulative" if f.scope_end else "incident"

"""What an Arabic sentence names: places (in English, from the gazetteer's Arabic names) and actors with the part each plays (speakers are in :mod:`.speakers`)."""
from __future__ import annotations

import re
from functools import lru_cache

from ...geo import index
from ...geo.arabic import variants
from ...geo.context import ARAB_WORLD
from ...geo.normalize import EXACT, FOLD, SKEL, keys, word_level_key
from ...vocab import arabic_demonyms, vocabulary
from ...vocab.arabic import COMPASS, MONTHS, WEEKDAYS, Folded, fold, to_latin
from ..actors import ACTING, NEUTRAL, TARGET, ActorMention
from ..words import is_common_ar
from .tokens import Sent, bare, stems

# ---------------------------------------------------------------- places
_PLACE_PREP = frozenset("في فى قرب بالقرب محيط بمحيط اطراف علي الي من شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط داخل".split())
_NOT_NAME = frozenset(fold(w) for w in COMPASS) | frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(
    w[2:] for w in WEEKDAYS) | frozenset("""في من علي الي عن قرب التابعه التابع الواقعه الواقع التي الذي حيث بعد قبل خلال مع
ضد بين جراء اثر اليوم امس مساء صباح فجر ليل ان او و ما لا لم قد كان كانت هذا هذه ذلك تلك وقال وذكر الحدوديه المحاصره
القريبه المجاوره السكنيه العراقيه السوريه اليمنيه الليبيه الفلسطينيه المحتله الكبير الكبري المحرره ذات ذاتها نفسها ذاته
نفسه اخري اخر الاخري الاخر عده عدد بعض مختلف جميع كل تسيطر يسيطر تقع يقع سيطره المذكور المذكوره المستهدف المستهدفه
المجاور الجامع المسجد المستشفي باتجاه تحت فوق امام خلف لاسيما سيما خاصه ايضا منذ حتي عبر ضمن نحو حوالي اثناء
عند لدي المحاصر المحرر المدمر المنكوب الحدودي القريب""".split()) | frozenset(fold(w) + suffix for w in COMPASS[:9] for suffix in ("ها", "ه", "هم"))


@lru_cache(maxsize=1)
def _not_alone() -> frozenset[str]:
    """Words never a place name by themselves: kinds of place ("المدينة") and demonyms ("السورية")."""

    words = set(_kinds())
    for c in vocabulary().countries.values():
        words.update(fold(f) for f in arabic_demonyms(c.ar_demonym))
    return frozenset(words)


@lru_cache(maxsize=1)
def _kinds() -> dict[str, tuple[int, bool, str]]:
    out = {}
    for k in vocabulary().place_kinds():
        for w in k.ar:
            f = fold(w)
            for form in (f, "ال" + f if not f.startswith("ال") else f[2:]):
                out[form] = (k.rank, k.building, k.refer or k.id)
    return out


BIG_ABROAD = 100_000  # a town abroad this big may be named in a report about another country
_ONE_WAR = ({"PS", "IL"},)  # countries whose reports name each other's towns as their own


@lru_cache(maxsize=8192)
def gazetteer_name(phrase: str, typed: bool, country: str | None = None, abroad: bool = True,
                   region: bool = False, exact: bool = False) -> tuple[str, int] | None:
    """(English name, rank) of an Arabic place name the gazetteer knows; common-word names and
    transliterated matches (a village GeoNames has only in Latin letters) only when ``typed``.
    In a report about ``country`` a name found there is that place ("أريحا" in a Syrian report is
    Ariha, not Jericho); a small place abroad is not taken for a name of the report's war (a
    typed one is then transliterated: "حي اليرموك" in Mosul is not Damascus's Yarmouk); nor is a big
    city abroad when not ``abroad`` ("حي الجديدة" in Mosul is no El Jadida, Morocco). A name typed
    as a province (``region``) is the province ("محافظة صعدة" is Saada, not the city of Sadah); an
    ``exact`` lookup (a word whose proclitic was taken off) does not drop an article the name has:
    "فرقه" ("its teams") less "ف" is no "الرقة"."""

    gaz = index.get()
    levels = (EXACT,) if exact else (EXACT, FOLD)
    found = []
    for key in keys(phrase):
        if key[0] in levels:
            found = [gaz.entry(r) for r in gaz.rows(key)]
            if found:
                break
    if not found and typed:
        found = [gaz.entry(r) for r in gaz.rows(word_level_key(phrase))]
        if not found:
            skel = [k for k in keys(phrase) if k[0] == SKEL]
            if skel and len(skel[0]) >= 5:
                found = [e for e in (gaz.entry(r) for r in gaz.rows(skel[0])) if e.country in ("SY", "IQ", "YE", "PS", "LY")]
                found = found if len({e.name for e in found}) == 1 else []
    found = [e for e in found if (e.country in ARAB_WORLD and (e.country not in ("IR", "TR") or e.population >= 100_000))
             or e.feature == "A.PCLI" or e.population >= 1_000_000]
    if found and country in ARAB_WORLD:  # (a report "about" Russia has its country from "غارة روسية")
        homes = next((g for g in _ONE_WAR if country in g), {country})
        home = [e for e in found if e.country in homes]
        found = home or [e for e in found if abroad and (e.feature in ("A.PCLI", "A.ADM1") or e.population >= BIG_ABROAD)]
    if region:
        found = [e for e in found if e.feature in ("A.ADM1", "A.ADM2")] or found
    if not found:
        return None
    best = max(found, key=lambda e: (e.importance, -e.rank))
    if best.feature == "P.PPL" and vocabulary().countries.get(best.country) is not None \
            and vocabulary().countries[best.country].name == best.name:
        return f"{best.name} City", 3  # the city of a territory named like it ("Gaza City", not the Gaza Strip)
    if best.feature == "A.PCLI":
        return best.name if best.country != "PS" else "Gaza", 1
    if best.feature == "A.ADM1":
        return best.name, 2
    return best.name, 3 if best.population >= 100_000 or best.feature == "A.ADM2" else 4


def place_mentions(sentence: str, country: str | None = None) -> list[tuple[int, int, str, int]]:
    """(start, end, English name, rank) of each place an Arabic sentence names (see module doc), in a
    report about ``country`` (an ISO code) when it is known."""
    s = Sent(sentence)
    t = s.tokens
    kinds = _kinds()
    out: list[tuple[int, int, str, int]] = []
    i = 0
    while i < len(t):
        tok = t[i]
        if not tok.word:
            i += 1
            continue
        capital = _capital(t, i, s)
        if capital is not None:  # "العاصمة السورية": Damascus
            out.append((*s.span(i, i + 1), capital, 3))
            i += 2
            continue
        kind = next((kinds[x] for x in stems(tok.text) if x in kinds), None)
        if kind is not None and any(x.startswith("ال") and x in kinds for x in stems(tok.text)[1:] + (tok.text,)) \
                and i + 1 < len(t) and gazetteer_name(t[i + 1].text, False, country) is None:
            kind = None  # "المدينة": the city told of before, not a name after it
        k = i + 1
        while k < len(t) and t[k].text in (")", "(", "«", "»", "\"", "“", "”", "/"):
            k += 1
        if kind is not None and k < len(t) and t[k].word and not any(x in _not_alone() for x in stems(t[k].text)) \
                and not _adjective(t[k].text):
            # ("العاصمة السورية": a demonym after a kind of place is no name, nor "مناطق سكنية" an adjective)
            rank, building, _refer = kind
            hit = _name_at(t, k, typed=True, sent=s, country=country, abroad=rank < 5,  # no village abroad
                           region=rank <= 2)
            if hit is not None:
                j, name, grank = hit
                if j + 1 < len(t) and t[j + 1].text in _COMPASS_ADJ and rank >= 3 and " " not in name:
                    name = f"{_COMPASS_ADJ[t[j + 1].text]} {name.removeprefix('al-')}"
                    j += 1
                if building:
                    known = gazetteer_name(" ".join(x.text for x in t[k:j + 1]), False, country)
                    if known is not None:  # "مطار طرابلس": a building goes up to its town
                        out.append((*s.span(k, j), known[0], max(known[1], 3)))
                if not building:
                    # "مدينة" names towns too: a city is only as big as the gazetteer says
                    typed_rank = rank if rank <= 2 or rank >= 5 else 3 if grank <= 3 else 5
                    out.append((*s.span(k, j), name, typed_rank))
                    if bare(tok.text, PLURAL_KINDS):  # "حيي الحمرا وكرم الشامي", "بلدات (أ، ب، وج)"
                        items, j = _listed(t, j, s, country)
                        out += [(a, b, nm, rank if rank <= 2 or rank >= 5 else 3 if r <= 3 else 5)
                                for a, b, nm, r in items]
                i = j + 1
                continue
        if bare(tok.text, _COMPASS_PREP) and i + 1 < len(t) and _unknown_name(t[i + 1].text, country):
            hit = _name_at(t, i + 1, typed=True, sent=s, country=country)  # "شرق الشجاعية": a quarter east of
            if hit is not None and all(_unknown_name(x.text, country) for x in t[i + 1:hit[0] + 1]):
                out.append((*s.span(i + 1, hit[0]), hit[1], 5))
                i = hit[0] + 1
                continue
        if tok.text in NAME_STARTS and i + 1 < len(t) and t[i + 1].word and bare(t[i + 1].text, _NOT_NAME) is None:
            hit = _name_at(t, i, typed=True, sent=s, country=country)  # "جبل الزاوية", "دير الزور": the first word says a name follows
            if hit is not None:
                # a mountain, plain, valley or river holds villages: coarser than the village named in it
                out.append((*s.span(i, hit[0]), hit[1], 4 if tok.text in NATURAL else max(hit[2], 4)))
                i = hit[0] + 1
                continue
        if bare(tok.text, _NOT_NAME) is None and not any(x in _not_alone() for x in stems(tok.text)) \
                and not _actor_at(sentence, s, i):
            hit = _name_at(t, i, typed=False, country=country)
            if hit is not None and not (hit[0] == i and _opens_name(tok.text)):
                j, name, rank = hit
                prev = t[i - 1].text if i else ""
                cue = tok.text.startswith("ب") or prev in _PLACE_PREP or (out and (prev in ("،", ",") or tok.text.startswith("و")))
                if rank <= 2 or cue or rank == 3 and tok.text[:1] not in "لك":
                    a, b = s.span(i, j)
                    if tok.text[:1] in "وبلف" and not stems(tok.text)[0] == tok.text[1:]:
                        pass
                    out.append((a + _clitic(tok.text, country), b, name, rank))
                    i = j + 1
                    continue
        i += 1
    return out


_COMPASS_PREP = frozenset(fold(w) for w in "شرق غرب شمال جنوب شرقي غربي شمالي جنوبي".split())


def _capital(t, i: int, s: Sent) -> str | None:
    """The capital "العاصمة" + a demonym names ("بالعاصمة العراقية" -> Baghdad), from the vocabulary."""
    if i + 1 >= len(t) or "عاصمه" not in stems(t[i].text) or not t[i + 1].word:
        return None
    code = vocabulary().demonym_of(s.folded.original[slice(*s.span(i + 1, i + 1))])
    country = vocabulary().countries.get(code or "")
    return country.capital if country is not None else None


def _opens_name(word: str) -> bool:
    """A word that opens a name ("عين", "وعين", "بيت"): alone it is a noun ("spring", "house"), not the
    place abroad the gazetteer has by that name (Al Ain)."""
    return word in NAME_STARTS or (word[:1] in "وفبلك" and len(word) > 3 and word[1:] in NAME_STARTS)


def _adjective(word: str) -> bool:
    """An indefinite adjective of relation, the common kind that follows a kind of place ("سكنيه",
    "residential"; "عسكريه", "military"): a common word ending in -iyya without the article."""
    return word.endswith("يه") and not word.startswith("ال") and is_common_ar(word)


def _unknown_name(word: str, country: str | None) -> bool:
    """Whether ``word`` (folded) reads as the name of a place the gazetteer lacks: a definite noun
    that is no common word, kind of place, demonym or function word ("الشجاعيه", not "البلاد")."""
    if not word.startswith("ال") or len(word) < 5 or is_common_ar(word) or bare(word, _NOT_NAME):
        return False
    return not any(x in _kinds() or x in _not_alone() for x in stems(word)) and \
        gazetteer_name(word, False, country) is None


def _actor_at(sentence: str, s: Sent, i: int) -> bool:
    """Whether token ``i`` lies inside an actor's name ("موسكو" for Russia, "واشنطن")."""
    a, _b = s.span(i, i)
    return any(m.start <= a < m.end for m in vocabulary().actor_mentions(sentence))


def _clitic(word: str, country: str | None = None) -> int:
    """How many letters of proclitics open ``word`` before the name ("وبحلب" -> 2)."""
    for p in ("وب", "ول", "فب", "و", "ب", "ل", "ف"):
        if word.startswith(p) and len(word) > len(p) + 2 and not word.startswith("ال"):

            if keys(word[len(p):]) and gazetteer_name(word[len(p):], True, country):
                return len(p)
    return 0


_COMPASS_ADJ = {"الشرقيه": "Eastern", "الغربيه": "Western", "الشماليه": "Northern", "الجنوبيه": "Southern"}
NATURAL = frozenset("جبل سهل وادي نهر".split())
NAME_STARTS = frozenset("جبل سهل وادي نهر تل تلة دير كفر عين بيت باب خان جسر بير بئر راس ام ابو غور خربه مزرعه".split())


# kinds of place in the plural or dual: the names after them are a list ("أحياء الفردوس والشعار")
PLURAL_KINDS = frozenset(fold(w) for w in """محافظات مديريات نواحي مدن مدينتي بلدات قرى بلدتي قريتي بلدتا
قريتا أحياء مناطق حيي ضواحي مخيمات""".split())
_LIST_MARKS = frozenset("، , « » \" “ ” ( ) /".split())


def _listed(t, j: int, s: Sent, country: str | None) -> tuple[list[tuple[int, int, str, int]], int]:
    """The further names of a list after a plural kind, from token ``j + 1``: (start, end, English
    name, gazetteer rank) of each, and the list's last token. An item follows a comma or "و"."""
    kinds = _kinds()
    out = []
    while True:
        m, joined = j + 1, False
        while m < len(t) and (t[m].text in _LIST_MARKS or t[m].text == "و"):
            joined = joined or t[m].text in ("،", ",", "و")
            m += 1
        if m >= len(t) or not t[m].word:
            break
        word = t[m].text
        conj = word.startswith("و") and len(word) > 3 and not joined
        if not (joined or conj) or bare(word, _NOT_NAME) or any(x in kinds or x in _not_alone() for x in stems(word)) \
                or (conj and word[1:] not in NAME_STARTS and not word[1:].startswith("ال") and is_common_ar(word)) \
                or _adjective(word[1:] if conj else word):
            break  # ("مناطق مأهولة لتفادي وقوع خسائر": "وقوع", "occurring", is a word)
        hit = _name_at(t, m, typed=True, sent=s, country=country)
        if hit is None:
            break
        last, name, rank = hit
        a, b = s.span(m, last)
        if conj:
            a += 1
            if rank >= 5:  # transliterated: without the "و" it was written with
                name = to_latin(s.folded.original[a:b])
        out.append((a, b, name, rank))
        j = last
    return out, j


def _extent(t, i: int) -> int:
    """The last token of a name typed with its kind ("بلدة كفر بطنا عن ..." -> "بطنا")."""
    kinds = _kinds()
    j = i
    while j + 1 < len(t) and j - i < 2:
        w = t[j + 1]
        if not w.word or w.text.startswith(("و", "بال", "لل", "فال")) or bare(w.text, _NOT_NAME) \
                or (w.text.startswith("الم") and is_common_ar(w.text)) \
                or any(x in kinds or x in _not_alone() for x in stems(w.text)) \
                or (w.text[:1] in "بل" and len(w.text) >= 4 and gazetteer_name(w.text[1:], False) is not None):
            break  # ("حي الشعار بحلب": "in Aleppo" is not part of the quarter's name)
        j += 1
    return j


def _name_at(t, i: int, typed: bool, sent: Sent | None = None, country: str | None = None,
             abroad: bool = True, region: bool = False) -> tuple[int, str, int] | None:
    """The longest name (up to four words) from token ``i``: (last token, English name, rank)."""
    top = _extent(t, i) + 1 if typed else min(len(t), i + 4)
    for j in range(top - 1, i - 1, -1):
        if typed and j < top - 1 and t[j + 1].text not in ("القديمه",):
            break  # a typed name is its whole extent
        words = [x.text for x in t[i:j + 1]]
        if not all(x.word for x in t[i:j + 1]) or any(bare(w, _NOT_NAME) for w in words[1:]):
            continue
        for k, v in enumerate(_variants(" ".join(words))):
            if k and not typed and words[0][:1] == "ف" and not v.startswith("ال"):
                continue  # "فرقة" is "a division", not ف + "رقة" (Raqqa): ف rarely opens a bare name
            hit = gazetteer_name(v, typed, country, abroad, region, exact=k > 0 and not v.startswith("ال"))
            if hit:
                name, rank = hit
                if j + 1 < len(t) and t[j + 1].text in ("القديمه",):
                    return j + 1, f"{name} Old City", 5
                return j, name, rank
    if typed and not any(x in NAME_STARTS for x in stems(t[i].text)):  # "باب توما" is not the town of al-Bab
        for j in range(top - 2, i - 1, -1):  # "مدينة الموصل حرب مستمرة": a city the extent runs past
            words = [x.text for x in t[i:j + 1]]
            hit = next((h for v in _variants(" ".join(words)) if (h := gazetteer_name(v, False, country, abroad))), None)
            if hit is not None and hit[1] <= 3:
                return j, hit[0], hit[1]
    if typed and t[i].word and (any(x in NAME_STARTS for x in stems(t[i].text)) or bare(t[i].text, _NOT_NAME) is None):
        j = top - 1  # ("باب" is no "آب", August, with a proclitic)
        if j > i and bare(t[j].text, _NOT_NAME) is None and j + 1 < len(t) and t[j].text == "القديمه":
            j -= 1
        original = sent.folded.original[slice(*sent.span(i, j))] if sent is not None else ""
        return j, to_latin(original or " ".join(x.text for x in t[i:j + 1])), 5
    return None


def _variants(phrase: str) -> tuple[str, ...]:

    return variants(phrase)


# ---------------------------------------------------------------- actors
_ATTACK = r"(?:طايرات|طيران|طايره|الطايرات|الطيران|غارات|غاره|قصف|قذايف|صواريخ|مدفعيه|مقاتلات|براميل|هجوم|هجمات|ضربات|ضربه|عدوان|مقذوف|رصاص|نيران)"
_ACT_BEFORE = re.compile(rf"(?:{_ATTACK}(?:\s+\S+){{0,2}}|من\s+قبل|(?:اتهم|اتهمت|تتهم|يتهم|شن|شنت|قصف|قصفت|استهدف|استهدفت|اطلق|اطلقت|اطلقه|اطلقها|نفذ|نفذت|قتلت|ارتكب|ارتكبت|هاجم|هاجمت|فتح|فتحت|قتل)\S*(?:\s+\S+)?)\s*$")
_ACT_AFTER = re.compile(r"^\S*\s*(?:\S+\s+){0,2}?(?:شن|شنت|يشن|تشن|قصف|قصفت|استهدف|استهدفت|نفذ|نفذت|اطلق|اطلقت|قتلت|ارتكب|ارتكبت|هاجم|هاجمت)")
_TARGET_BEFORE = re.compile(r"(?:ضد|مواقع|موقع|معقل|معاقل|مقر|مقرات|مناطق\s+سيطره|سيطره|تحرير|قبضه|عناصر|مقاتلي|مسلحي|قيادي\S*\s+في|عنصر\s+\S+\s+من|تستهدف|يستهدف|تسعي|الموالي\S*|المدعوم\S*\s+من|الموالين|بين|يسيطر\s+عليه\S*|المواجه\s+بين)\s*$")
_SAY_AROUND = re.compile(r"^\s*(?:قال|قالت|اعلن|اعلنت|افاد|افادت|ذكر|ذكرت|اكد|اكدت|نفي|نفت|اتهم|اتهمت|اقر|اقرت)")


_DEMONYM_ATTACK = re.compile(_ATTACK + r"\S*\s+(?:جوي\S*\s+|مدفعي\S*\s+|حربي\S*\s+)?(?P<d>\S+)")


@lru_cache(maxsize=1)
def _demonym_actors() -> dict[str, str]:
    """Arabic demonym forms ("تركيه", "الاسرائيلي") -> the actor id of that country's forces."""

    v = vocabulary()
    out = {}
    for c in v.countries.values():
        actor = v.actor(c.name) or (v.actors.get(c.army) if c.army else None)
        if c.ar_demonym and actor is not None:
            for form in arabic_demonyms(c.ar_demonym):
                out[fold(form)] = actor.id
    return out


def actor_mentions(sentence: str, country: str | None) -> list[ActorMention]:
    v = vocabulary()
    f = Folded(sentence)
    out = []
    for m in _DEMONYM_ATTACK.finditer(f.text):
        aid = _demonym_actors().get(m.group("d"))
        if aid is not None:
            a, b = f.span(m.start(), m.end())
            out.append(ActorMention(a, b, v._label_in(v.actors[aid], country), aid, ACTING))
    for m in v.actor_mentions(sentence, country):
        actor = v.actors[m.id]
        a = _fold_index(f, m.start)
        b = _fold_index(f, m.end)
        before, after, own = f.text[max(0, a - 40):a], f.text[b:b + 40], f.text[a:b]
        if _SAY_AROUND.match(after) or re.search(r"(?:قال|اعلن|اعلنت|افاد|افادت|ذكر|اكد|نفي|نفت)\S*\s*$", before):
            role = TARGET
        elif re.match(_ATTACK, own.lstrip("وفبل")) or _ACT_BEFORE.search(before) or _ACT_AFTER.match(after):
            role = ACTING
        elif _TARGET_BEFORE.search(before):
            role = TARGET
        else:
            role = NEUTRAL
        if any(o.start <= m.start < o.end for o in out):
            continue
        out.append(ActorMention(m.start, m.end, m.label, m.id, role,
                                generic=actor.kind == "generic" and m.label == actor.label))
    return sorted(out, key=lambda x: x.start)


def _fold_index(f: Folded, original: int) -> int:
    if f._pos is None:
        return original
    import bisect

    return bisect.bisect_left(f._pos, original)

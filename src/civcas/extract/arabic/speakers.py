"""Who asserts the figures of an Arabic sentence: reporting cues ("قال", "أفاد", "بحسب", "نقلت ... عن")
and their speakers, named as a recorder writes them (a known source, an office, a person)."""
from __future__ import annotations

import re
from functools import lru_cache

from ...vocab import arabic_demonyms, vocabulary
from ...vocab.arabic import fold, to_latin
from ..attribution import Attribution
from .lexicon import FORWARD, SAY_VERBS
from .names import _NOT_NAME, gazetteer_name
from .tokens import Sent, bare

_COMPLEMENT = frozenset("ان بان لان انه انها انهم بانه".split())
_SPEAKER_END = frozenset("، , : « \" “ ” . ؛ (".split())
_OFFICE = [(re.compile(r"رييس\s+بلديه\s+(\S+)"), "Mayor of {}"), (re.compile(r"محافظ\s+(\S+)"), "Governor of {}"),
           (re.compile(r"قياده\s+شرطه\s+(\S+)"), "{} Police Command"), (re.compile(r"شرطه\s+(\S+)"), "{} police"),
           (re.compile(r"(?:الناطق|المتحدث|الناطقه|المتحدثه)\s+(?:الرسمي\s+)?باسم\s+(.+)"), "{}"),
           (re.compile(r"القوه\s+الجويه\s+العراقيه|سلاح\s+الجو\s+العراقي"), "Iraqi Air Force"),
           (re.compile(r"(?:قناه|تلفزيون)\s+(\S+)"), "{} TV"), (re.compile(r"(?:مراسل|مراسلنا|مراسلو)"), "reporter")]
_GIVEN = frozenset("محمد احمد محمود مصطفي حسين حسن عمر خالد ابراهيم يوسف سعيد عثمان صالح يزن ادهم حسام رامي".split())


_NAMED_BY = frozenset("موقع قناه وكاله صحيفه جماعه حركه منظمه مركز تنظيم عمليه باسم مكتب".split())
_QUOTES = frozenset('« » " “ ” ( )'.split())
_HARD_END = frozenset(": . ؛".split())
_NO_SPEAKER = frozenset("في الي لـ ل عن الي علي خلال منذ امس اليوم".split())


def attributions(sentence: str, country: str | None) -> list[Attribution]:
    s = Sent(sentence)
    t = s.tokens
    out = []
    for i, tok in enumerate(t):
        if not tok.word:
            continue
        phrase2 = " ".join(x.text for x in t[i:i + 2])
        fwd = next((p for p in sorted(FORWARD, key=len, reverse=True) if (phrase2 + " ").startswith(p + " ")
                    or tok.text == p or (tok.text.startswith("و") and tok.text[1:] == p)), None)
        verb = bare(tok.text, SAY_VERBS) if fwd is None else None
        if fwd is None and verb is None:
            continue
        start = i + len(fwd.split()) if fwd else i + 1
        if verb in ("نقل", "نقلت") or verb and verb.startswith("نقل"):
            k = next((k for k in range(start, min(len(t), start + 8)) if t[k].text == "عن"), None)
            start = k + 1 if k is not None else start  # "نقلت وكالة سانا عن مصدر في قيادة شرطة دمشق"
        words = _speaker_words(t, start)
        if verb in ("اتهم", "اتهمت", "تتهم", "يتهم"):
            words = []  # the accused follow the verb; the accuser is before it
        cs, ce = s.span(i, start - 1)
        name, known, person = _name(words, sentence, s, country)
        if name is None and fwd is None and (not words or words[0].text in _NO_SPEAKER):
            before = [x for x in t[max(0, i - 8):i] if x.word]
            name, known, person = _name(before, sentence, s, country) if before else (None, False, "")
            if name is None:
                out.append(Attribution("", cs, ce, raw=sentence[cs:ce], pronoun=True))
                continue
        if name is None and fwd is None and words:
            # "إلا أن الجيش الأمريكي نفى علمه بمقتل مدنيين": the subject before the verb, back to a clause's start
            name, known, person = _name(_subject_before(t, i), sentence, s, country)
        if name is None:
            speaker = " ".join(w.text for w in words)
            if speaker.startswith(("المصدر", "المصادر", "الوزاره", "الشرطه", "المرصد")) or "نفسه" in speaker:
                out.append(Attribution("", cs, ce, raw=sentence[cs:ce], pronoun=True, forward=bool(fwd)))
            continue
        raw = person or (sentence[slice(*s.span(words[0].i, words[-1].i))] if words else "")
        out.append(Attribution(name, cs, ce, raw=raw, forward=bool(fwd), known=known, person=person))
    return out


def _subject_before(t, i: int) -> list:
    """The words before a reporting verb at ``i``, back to a comma, a complementizer or a sentence's start
    (at most six): its subject when the verb comes second."""
    words: list = []
    j = i - 1
    while j >= 0 and len(words) < 6:
        x = t[j]
        if x.text in _SPEAKER_END or x.text in _COMPLEMENT or (x.word and bare(x.text, SAY_VERBS)):
            break
        if x.word:
            words.insert(0, x)
        j -= 1
    return words


def _speaker_words(t, start: int) -> list:
    """The words after a reporting cue that name its speaker: up to the complementizer ("أن", "إن"),
    a colon or full stop; an apposition after a comma stays ("الناشط المدني، محمد حسين الحيالي،")."""
    words = []
    j = start
    while j < len(t) and len(words) < 16:
        x = t[j]
        if x.text in _HARD_END or x.text in _COMPLEMENT or (x.word and bare(x.text, SAY_VERBS) and words):
            break
        if x.text in ("«", "“", '"') and words and words[-1].text not in _NAMED_BY:
            break  # the quotation opens
        if x.text in ("في", "الي", "لـ", "ل", "عن") and not words:
            break
        if x.text in ("ل", "لـ") or x.text.startswith(("لقناه", "لتلفزيون", "لوكاله", "لصحيفه", "لموقع", "للاناضول")):
            break  # whom it was said to
        if x.word:
            words.append(x)
        j += 1
    return words


def _name(words, sentence: str, s: Sent, country: str | None) -> tuple[str | None, bool, str]:
    """The name a recorder gives the speaker words (an office, a known source, a person), else None."""
    if not words:
        return None, False, ""
    speaker = " ".join(w.text for w in words)
    for rx, form in _OFFICE:
        m = rx.search(speaker)
        if m:
            if form == "reporter":
                return "reporter", False, ""
            arg = m.group(1) if m.groups() else ""
            if form == "{}":
                inner = _known_source(arg, country)
                rest = arg.split()
                given = next((k for k, w in enumerate(rest) if w in _GIVEN), None)
                person = _person(" ".join(rest[given:given + 3])) if given is not None else ""
                return (inner or to_latin(" ".join(rest[:3]))), bool(inner) and not person, person
            nation = _nations().get(arg)  # "الشرطة العراقية": the Iraqi police
            if nation:
                return form.format(nation), False, ""
            place = gazetteer_name(arg, True)
            return form.format(place[0] if place else to_latin(arg)), False, ""
    known = _known_source(speaker, country)
    if known:
        return known, True, ""
    names = [w.text for w in words]
    for k, w in enumerate(names):
        if w in _GIVEN and k + 1 < len(names):
            person = _person(" ".join(names[k:k + 3]))
            return person, False, person
    if len(names) <= 2 and all(n.startswith("ال") and n.endswith("ي") for n in names[-1:]) and \
            not any(bare(n, _NOT_NAME) for n in names) and not gazetteer_name(names[-1], False):
        person = _person(" ".join(names))  # "وقال الغرياني": a surname named before with an office
        return person, False, person
    return None, False, ""


@lru_cache(maxsize=1)
def _nations() -> dict[str, str]:
    """Folded Arabic demonym forms ("العراقيه") -> the English demonym ("Iraqi")."""
    return {fold(form): c.demonyms[0] for c in vocabulary().countries.values() if c.demonyms
            for form in arabic_demonyms(c.ar_demonym)}


def _person(name: str) -> str:
    """A person's name transliterated, every part capitalised ("Mohammed Al-Gharyani")."""
    return " ".join(w[:1].upper() + w[1:] for w in to_latin(name).split())


@lru_cache(maxsize=1)
def _surnames() -> dict[str, str]:
    """The last two words of the vocabulary's Arabic spellings of people ("عبد الرحمن" of "رامي عبد
    الرحمن") -> the source's label: a person named again by surname."""
    out = {}
    for src in vocabulary().sources.values():
        for a in src.ar:
            w = fold(a).split()
            if len(w) >= 3 and w[0] in _GIVEN:
                out[" ".join(w[-2:])] = src.label
    return out


def _known_source(speaker: str, country: str | None) -> str | None:
    v = vocabulary()
    for tail, label in _surnames().items():
        if speaker.startswith(tail) or speaker == tail:
            return label
    found = v.source_mentions(speaker, country)
    if found:
        return found[0].label
    acts = v.actor_mentions(speaker, country)
    if acts:
        own = [x for x in v.sources.values() if x.speaks_for == acts[0].id]
        return own[0].label if own else acts[0].label
    return None

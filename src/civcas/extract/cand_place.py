"""Candidates for where a claim's harm happened: the places its sentence names, the region holding
a list of them, the place of the account it continues, a place pointed back to ("there", "the
district"), a village named in the next sentences, the headline's place, the report's country, or
none (harm over several places that no named place holds)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..vocab import vocabulary
from .account import Account
from .actors import ACTING
from .candidates import Candidate, background_time, bucket, distance, speaker_spans
from .drafts import Draft
from .known import inside, is_named_place, level_of, outside
from .placelists import listed_region, two_regions
from .placerefs import claim_zones, names_quarters, zoned_places
from .quick import led
from .report import Report, Sentence
from .untied import weeks_before

_THERE = re.compile(r"\bthere\b(?!\s+(?:is|are|was|were|has|have|had)\b)", re.I)  # a place pointed back to

PLACE_LOOKAHEAD = 5
_AREA_AFTER = re.compile(r"\s+(?:region|area|countryside)\b")
_SEVERAL_KINDS = re.compile(r"\b(?:two|three|four|five|several|many|various|some|residential)\s+(?:\w+\s+)?"
                            r"(?:neighbou?rhoods|villages|towns|districts|quarters|suburbs)\b", re.I)
# "in Assal al-Ward in Qalamoun", "the town of X in Syria's Idlib province": the second place only locates the first
_HOLDS_BEFORE = re.compile(r"(?:\s+(?:city|town|village|district|neighbou?rhood|area))?,?\s+in\s+(?:the\s+)?"
                           r"(?:[\w'’-]+\s+){0,4}?(?:of\s+)?$")
# "injured in the attacks in these areas": harm over the several places told before, which no one of them holds
_THESE_PLACES = re.compile(r"\b(?:these|those|both|the\s+two|the\s+three)\s+(?:areas|neighbou?rhoods|villages|towns|districts|"
                           r"quarters|places|locations|sites)\b", re.I)
# "a second bomb exploded in another district of the city": not the place the account told
_ANOTHER_PART = led(r"\b(?:an)?other\s+(?:district|neighbou?rhood|quarter|part|area|village|town|suburb)s?\s+(?:of|in)\b",
                           re.I)


def one_place(sentence: Sentence, cues) -> str | None:
    """The one town or village a sentence names (named with its kind or unknown to the gazetteer's
    big-place list), if exactly one."""
    places = sentence.places
    villages = {m[2] for m in places if m[3] >= 4} or {m[2] for m in places if m[3] == 3}
    if len(villages) > 1 and all(m[3] == 3 for m in places if m[2] in villages):
        # "the Qarfan region near Hajin": Hajin, the named place, not the area named beside it
        areas = {m[2] for m in places if _AREA_AFTER.match(sentence.text, m[1])}
        villages = {v for v in villages if is_named_place(v) and v not in areas} or {
            v for v in villages if is_named_place(v)}
    if any(cues.list_next.match(sentence.text, m[1]) for m in places if m[3] >= 3):
        return None  # "in Talbiseh, Zaafaraniyeh and Rastan": several places
    if sentence.new_event or sentence.elsewhere or len(villages) != 1:
        return None
    return villages.pop()


def _holder(listed: set[str], acc: Account, report: Report) -> tuple[str, str] | None:
    """The city or province the account (or the headline) is about, when the places a sentence lists
    are finer and none is known elsewhere: the smallest named place holding them."""
    options = []
    if acc.place is not None and acc.place.rank <= 3:
        options.append((acc.place.value, "account"))
    options += [(m[2], "headline") for m in report.title_places if 1 < m[3] <= 3]
    for name, why in options:
        if level_of(name) in ("city", "province") and not any(outside(p, name) for p in listed):
            return name, why
    return None


@lru_cache(maxsize=64)
def _starts(pattern: re.Pattern[str], text: str) -> tuple[int, ...]:
    """Where ``pattern`` matches in ``text`` (once per sentence: each of its figures asks)."""
    return tuple(m.start() for m in pattern.finditer(text))


# the sentence asked last: (its claims, the sentence, their count, zones, zoned places, a scratch dict)
_LAST_SENTENCE: list = [None]


def _sentence_zones(others: list[Draft], sent: Sentence, rel: tuple[int, int]):
    """Each claim's stretch of the sentence and the places of each stretch (:func:`claim_zones`,
    :func:`zoned_places`), worked out once per sentence: every claim of a sentence (every figure of a
    flattened toll table) asks with the same list of claims."""
    hit = _LAST_SENTENCE[0]
    if hit is not None and hit[0] is others and hit[1] is sent and hit[2] == len(others) and rel in hit[3]:
        return hit[3], hit[4]
    rels = {o.rel for o in others}
    own = rel in rels  # the claim is one of the sentence's claims (else its zones are its own)
    zones = claim_zones(sorted(rels | {rel}), sent.text)
    zoned = zoned_places(zones, sent.places, sent.text)
    if own:
        _LAST_SENTENCE[0] = (others, sent, len(others), zones, zoned, {})
    return zones, zoned


def _sentence_memo(others: list[Draft], sent: Sentence) -> dict:
    """A scratch dict for what every claim of the sentence asked last shares (a fresh one otherwise)."""
    hit = _LAST_SENTENCE[0]
    if hit is not None and hit[0] is others and hit[1] is sent and hit[2] == len(others):
        return hit[5]
    return {}


def _mention_features(memo: dict, m: tuple[int, int, str, int], sent: Sentence, report: Report, cues) -> tuple:
    """The features of a place mention that do not depend on the claim (once per mention)."""
    got = memo.get(m)
    if got is None:
        s, e, name, _r = m
        text = sent.text
        level = level_of(name)
        speaker = any(a <= s < b for a, b in speaker_spans(sent))
        got = memo[m] = (
            level, float(bool(cues.near.search(text[max(0, s - 40):s]))), float(bool(cues.at.search(text[max(0, s - 30):s]))),
            float(bool(cues.list_next.match(text, e)) or bool(cues.list_prev.search(text[max(0, s - 30):s]))),
            float(bool(report.country) and level != "country" and outside(name, _country_name(report))),
            float(speaker),
            float(bool(cues.office.match(text, e)) or (bool(cues.body_after.match(text, e)) and speaker)))
    return got


def place_candidates(d: Draft, report: Report, acc: Account, others: list[Draft]) -> list[Candidate]:
    """Every place the report offers for ``d``; ``others`` are the other claims of its sentence."""
    sent = d.sentence
    rel = d.rel
    places = sent.places
    out: list[Candidate] = []
    cues = report.reader.cues
    zones, zoned = _sentence_zones(others, sent, rel)
    zone = zones.get(rel, (0, len(sent.text)))
    if zoned:
        places = zoned[rel]  # "31 were killed in Hama and another 12 in Homs": each clause its own place
    memo = _sentence_memo(others, sent)
    fixed = memo.get(id(places))
    if fixed is None:  # what the claims of one stretch share (worked out once per stretch)
        acting = [(a.start, a.end) for a in sent.actors if a.role == ACTING]
        fixed = memo[id(places)] = (
            {m[2] for m in places}, {m[2] for m in places if m[3] >= 3}, max((m[3] for m in places), default=-1),
            two_regions(places, sent.text) or len({m[2] for m in places if m[3] == 2}) >= 3,
            # a country named as a reference point ("near the border with Mali") is no second place of harm
            {m[2] for m in places if m[3] <= 1 and level_of(m[2]) == "country"
             and not cues.near.search(sent.text[max(0, m[0] - 40):m[0]])},
            places[0] if places and cues.frame.fullmatch(sent.text[:places[0][0]]) else None,
            # "since Russia started its invasion", "Israel's offensive": a country that acts is no place of harm
            [m for m in places if not (m[3] <= 1 and any(s <= m[0] < e for s, e in acting))],
            listed_region(places, sent.text), places)
    distinct, specific, max_rank, several_regions, countries, frame, unacting, region, _held = fixed
    nationwide = sent.has(cues, "nationwide") or any(
        rel[0] <= at < rel[1] + 60 for at in _starts(cues.two_parts, sent.text))
    # several countries named, or told back ("in both countries", "across the two countries"); not a country that
    # acts ("Israel's offensive") nor one whose body speaks ("Gaza's health ministry says")
    unacting_names = {m[2] for m in unacting}
    countries = {c for c in countries if c in unacting_names and not any(
        m[2] == c and _mention_features(memo, m, sent, report, cues)[6] for m in unacting)}
    several_countries = len(countries) > 1 or sent.has(cues, "both_countries")
    ordered = sorted(unacting, key=lambda m: distance((m[0], m[1]), rel))
    seen: set[str] = set()
    for rank, m in enumerate(ordered):
        if m[2] in seen:
            continue
        seen.add(m[2])
        s, e, name, r = m
        level, near, at, listed, foreign, speaker, office = _mention_features(memo, m, sent, report, cues)
        # the place that only locates a finer one named just before it (not one named as a reference point)
        holds = r <= 3 and any(m2[3] > r and m2[1] <= s and bool(_HOLDS_BEFORE.fullmatch(sent.text, m2[1], s))
                               for m2 in places)
        f = {"p": 1.0, f"p.rank.{r}": 1.0, "p.nearest": float(rank == 0),
             "p.dist": min(distance((s, e), rel), 300) / 100, "p.zone": float(zone[0] <= s < zone[1]),
             "p.top": float(r == max_rank), "p.near": near, "p.in": at,
             f"p.level.{level or 'none'}": 1.0, "p.frame": float(frame is not None and frame[0] == s),
             "p.several": float(len(specific) > 1), "p.distinct": min(len(distinct), 4) / 4,
             "p.list": listed, "p.foreign": foreign,
             "p.title": float(d.span[0] < report.title_end), "p.cumulative": float(d.scope == "cumulative"),
             "p.speaker": speaker, "p.office": office, "p.holds": float(holds),
             # "killed in strikes across the Gaza Strip": harm spread over the region named (GUIDE: the smallest
             # place holding them all)
             "p.across": float(d.scope == "incident" and zone[0] <= s < zone[1]
                               and bool(cues.across.search(sent.text[max(0, s - 20):s])))}
        out.append(Candidate(name, "this sentence", f, sent.text[s:e]))
    if region:
        out.append(Candidate(region, "the region holding the places listed", {"list_region": 1.0}))
    if d.scope == "incident" and (region is not None or several_regions or nationwide or several_countries):
        # harm over several places: the region that holds them, or none — never one of them, and never a
        # place from another sentence (GUIDE, Places)
        kept = [c for c in out if c.origin != "this sentence" or c.value == region]
        if region == "" and not several_regions and not nationwide:
            holder = _holder(specific, acc, report)
            if holder:  # "shells hit the al-Midan and al-Ashrafiyeh neighbourhoods" in the city the account is about
                kept.append(Candidate(holder[0], "the place the account is about, holding the places listed",
                                      {"holder": 1.0, f"holder.{holder[1]}": 1.0}))
        f = {"none": 1.0, "none.regions": float(several_regions), "none.nationwide": float(nationwide),
             "none.countries": float(several_countries), "none.list": float(region is not None)}
        return kept + [Candidate(None, "no one place", f)]
    frames = [(m[2], m[3]) for m in places if m[3] <= 3]  # the city, province or country the sentence names

    def refines(name: str, rank: int) -> bool:
        """Whether a more specific place lies inside a place the sentence names (a district of its
        city, a town of its province)."""
        return any(rank > r and inside(name, f) for f, r in frames)

    def finer(name: str, rank: int) -> bool:
        """Whether a place the gazetteer cannot check is named as finer than the sentence's places
        ("the X neighbourhood" after a city) and not known elsewhere."""
        return bool(frames) and rank > max_rank and rank >= 4 and not any(outside(name, f) for f, _r in frames)

    if acc.place is not None:
        back = sent.index - acc.place.sentence
        f = {"acc": 1.0, f"acc.rank.{acc.place.rank}": 1.0, f"acc.back.{bucket(back, (0, 1, 2, 4))}": 1.0,
             "acc.strike": float(acc.place.how == "struck"), "acc.has_own": float(bool(places)),
             "acc.own_rank": max_rank / 6, "acc.better": float(acc.place.rank > max_rank),
             "acc.elsewhere": float(sent.elsewhere or sent.new_event), "acc.cumulative": float(d.scope == "cumulative"),
             "acc.among": float(sent.has(cues, "among")), "acc.refines": float(refines(acc.place.value, acc.place.rank)),
             "acc.another": float(bool(_ANOTHER_PART.search(sent.text))),
             "acc.plural_ref": float(acc.place.rank >= 4 and bool(_THESE_PLACES.search(sent.text))),
             # (not "an attack there in August": "there" names the account's place for it)
             "acc.earlier": float(weeks_before(sent, acc.date.value if acc.date is not None else None)
                                  and not _THERE.search(sent.text))}
        out.append(Candidate(acc.place.value, "the account before", f, acc.place.how))
    if acc.previous_places and sent.has(cues, "there"):
        out.append(Candidate(acc.previous_places[-1], "\"there\": the place named just before", {"there": 1.0}))
    kind = report.reader.kind_referred(sent.text)
    if kind and kind in acc.kinds and not (kind == "province" and places):  # a province: only for a sentence naming none
        # "targeted the two neighbourhoods ..., injuring three people in X": the figure's own quarter, named in its
        # clause, is more specific than the city a plural description stands for
        plural_own = kind == "city" and max((m[3] for m in places if zone[0] <= m[0] < zone[1]), default=0) >= 4 \
            and names_quarters(sent.text)
        out.append(Candidate(acc.kinds[kind], f"\"the {kind}\": the place of that kind named before",
                             {"kindref": 1.0, "kindref.own_finer": float(plural_own)}))
    nxt = report.sentences[sent.index + 1] if sent.index + 1 < len(report.sentences) else None
    if nxt is not None and nxt.places and cues.incident_in.match(nxt.text):
        opening = [m for m in nxt.places if m[0] < 80]
        if opening:  # "... killed dozens. The incident in the eastern Deir ez-Zor province shows ..."
            best = max(opening, key=lambda m: m[3])
            out.append(Candidate(best[2], "the next sentence: \"the incident in ...\"", {"incident_in": 1.0},
                                 nxt.text[:80]))
    own_ref = memo.get(("own_ref", id(places)))
    if own_ref is None:  # the claim's own places are reference points only (once per stretch of the sentence)
        refs = [_mention_features(memo, m, sent, report, cues)[1] for m in places if m[3] >= 2]
        own_ref = memo[("own_ref", id(places))] = float(bool(refs) and all(refs))
    for later in report.sentences[sent.index + 1:sent.index + 1 + PLACE_LOOKAHEAD]:
        if later.new_event or later.elsewhere or cues.backstory.match(later.text):
            break  # another event, another place, or the story of another year ("In 2013, ...")
        if later.times and background_time(later.times[0]) and not later.casualty:
            break  # "The army last month repelled a push into X", "In 2015 IS took X": background, as for the date
        name = one_place(later, cues)
        if name and name not in seen:
            back = later.index - sent.index
            typed = any(m[2] == name and m[3] >= 5 for m in later.places)
            later_rank = max((m[3] for m in later.places if m[2] == name), default=0)
            f = {"later": 1.0, f"later.back.{bucket(back, (1, 2, 3))}": 1.0, "later.typed": float(typed),
                 "later.struck": float(later.has(cues, "struck")), "later.has_own": float(bool(places)),
                 "later.own_rank": max_rank / 6, "later.casualty": float(later.casualty),
                 "later.inside": float(bool(places) and not any(outside(name, m[2]) for m in places if m[3] <= 3)),
                 "later.refines": float(refines(name, later_rank)), "later.finer": float(finer(name, later_rank)),
                 # the report's first figure names no place finer than a country or province; the body names
                 # where (the lead sums up, the next sentences say where the attack hit)
                 "later.lead": float(acc.claims == 0 and max_rank <= 2 and (typed or later.has(cues, "struck"))
                                     and d.scope != "cumulative"),
                 # a total over a period is no one attack's: the place of the attack told next is not its place
                 # (unless the total's own places are reference points only: "north-west of Aleppo province")
                 "later.cumulative": float(d.scope == "cumulative" and not own_ref),
                 # the claim's own places are reference points only ("west of the capital", "near X")
                 "later.own_ref": own_ref,
                 # "shelling on two residential neighbourhoods of Aleppo left 11 dead": harm over several places,
                 # which one quarter named after is not
                 "later.plural": float(bool(_SEVERAL_KINDS.search(sent.text, *zone)))}
            own = [c for c in out if c.origin == "this sentence" and c.features.get("p.top")]
            # a total over a period is not made specific by one attack's place ("... killed in Syria to 18")
            # (not by a place it names as a reference point: "the region is adjacent to the X neighbourhood")
            referred = any(m[2] == name and cues.reference.search(later.text[max(0, m[0] - 60):m[0]])
                           for m in later.places)
            # a later name no more specific than the place the sentence names ("the town of X", then "X prison"
            # by another name of the same town) does not make it specific
            # a town or village named with its kind is no part of the town the sentence names ("advance in X in
            # Aleppo countryside ... seized control of Y town")
            town = max_rank == 4 and later_rank == 5 and _town_typed(later, name)
            if own and (f["later.refines"] or f["later.finer"]) and not later.casualty and not f["later.cumulative"] \
                    and not f["later.plural"] and not town \
                    and not referred and later_rank > max_rank:
                # the place named here, made specific by the next sentence (GUIDE: the most specific
                # place): one candidate holding both, not two rivals
                coarse = own[0]
                out.remove(coarse)
                both = {**coarse.features, **f, "refined": 1.0}
                out.append(Candidate(name, f"this sentence ({coarse.value}), made specific a sentence after", both,
                                     later.text[:80]))
            else:
                out.append(Candidate(name, "a sentence after", f, later.text[:80]))
            break
    title = report.title_places
    if title:
        best = max(title, key=lambda m: m[3])
        f = {"head": 1.0, f"head.rank.{best[3]}": 1.0, "head.has_own": float(bool(places))}
        out.append(Candidate(best[2], "the headline", f, report.title))
    if report.country:
        # a war's toll: 50,000 or more, or "thousands" / "hundreds of thousands" with no number
        big = (d.low or d.high or 0) >= 50000 or (
            d.low is None and d.high is None and "thousands" in report.text[d.span[0]:d.span[1]].lower())
        f = {"country": 1.0, "country.war": float(sent.has(cues, "war")),
             "country.cumulative": float(d.scope == "cumulative"), "country.big": float(big),
             "country.nationwide": float(nationwide), "country.has_own": float(bool(places)),
             # "the coalition's campaign in Iraq and Syria": a total over the campaign is no one country's
             "country.theatres": float(d.scope == "cumulative" and not places and _two_theatres(report))}
        out.append(Candidate(_country_name(report), "the report's country", f))
    f = {"none": 1.0, "none.regions": float(several_regions), "none.nationwide": float(nationwide),
         "none.countries": float(several_countries), "none.has_own": float(bool(places)),
         "none.several": float(len(specific) > 1), "none.cumulative": float(d.scope == "cumulative")}
    out.append(Candidate(None, "no one place", f))
    return out


_TOWN_AFTER = re.compile(r"\s+(?:town|village|city)\b", re.I)
_TOWN_BEFORE = re.compile(r"\b(?:town|village|city)\s+of\s+(?:the\s+)?$", re.I)


def _town_typed(sentence: Sentence, name: str) -> bool:
    """Whether ``sentence`` names ``name`` with the kind town, village or city."""
    return any(m[2] == name and (bool(_TOWN_AFTER.match(sentence.text, m[1]))
                                 or bool(_TOWN_BEFORE.search(sentence.text[max(0, m[0] - 30):m[0]])))
               for m in sentence.places)


@lru_cache(maxsize=1)
def _theatres() -> re.Pattern[str]:
    """"in Iraq and Syria": two countries of the vocabulary named as one theatre."""
    names = "|".join(sorted((re.escape(c.name) for c in vocabulary().countries.values()), key=len, reverse=True))
    return re.compile(rf"\bin\s+({names})\s+and\s+({names})\b")


def _two_theatres(report: Report) -> bool:
    """Whether the report names its war in two countries as one theatre ("in Iraq and Syria")."""
    return _names_two_theatres(report.text)


@lru_cache(maxsize=8)
def _names_two_theatres(text: str) -> bool:
    return any(a != b for a, b in _theatres().findall(text))  # once per report (every claim of it asks)


def _country_name(report: Report) -> str:
    country = vocabulary().countries.get(report.country or "")
    return country.name if country else ""

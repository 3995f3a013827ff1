"""Who asserts a figure: reporting verbs, "according to", and the names of sources."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .known import KNOWN_LEVEL, is_named_place
from .words import is_common

# Known sources: pattern -> normalised name. Order matters: first match wins at a position.
_KNOWN = [
    (r"syrian ob[s]?ervatory(?: for human rights)?|\bsohr\b|\bsorh\b|\babd[eu]l?[- ]?rahman\b|\babdurrahman\b|(?:britain|uk|british|london)[- ]based (?:monitor|observatory|group|watchdog|organi[sz]ation|rights group)"
     r"|\bthe observatory\b|\bobservatory\b|monitoring group|\bwar monitor\b|\bthe monitor\b|\ba monitor\b|\bmonitor\b|watchdog"
     r"|rami abdel[- ]?rahman|rami abdulrahman|rami abdurrahman|abdel rahman|abdulrahman", "Syrian Observatory for Human Rights"),
    (r"\bsana\b|syrian arab news agency|state news agency|state[- ]run news agency|official news agency|state media|state television|state tv|state-run (?:media|television|tv)|government[- ]run (?:media|television|tv)", "SANA"),
    (r"us-led coalition|u\.s\.-led coalition|international coalition|anti-(?:is|isis|isil|jihadist) coalition|\bcjtf(?:-oir)?\b|combined joint task force|operation inherent resolve|\bthe coalition\b|\bcoalition\b", "US-led coalition"),
    (r"\bpentagon\b|us military|u\.s\. military|us central command|\bcentcom\b|us defense department|department of defense", "Pentagon"),
    (r"russian (?:defen[cs]e ministry|ministry of defen[cs]e|military)|russia's defen[cs]e ministry|defen[cs]e ministry in moscow", "Russian Defence Ministry"),
    (r"\bkremlin\b", "Kremlin"),
    (r"\bunicef\b", "UNICEF"),
    (r"united nations|\bthe un\b|\bun\b(?! security)|\bu\.n\.", "UN"),
    (r"amnesty international|\bamnesty\b", "Amnesty International"),
    (r"human rights watch|\bhrw\b", "Human Rights Watch"),
    (r"\bairwars\b", "Airwars"),
    (r"white helmets|civil defen[cs]e", "civil defence"),
    (r"\bamaq\b", "AMAQ"),
    (r"syrian network for human rights|\bsnhr\b", "Syrian Network for Human Rights"),
    (r"violations documentation cent(?:er|re)|\bvdc\b", "Violations Documentation Center"),
    (r"médecins sans frontières|medecins sans frontieres|doctors without borders|\bmsf\b", "MSF"),
    (r"world health organi[sz]ation|\bwho\b(?= said| says| reported)", "WHO"),
    (r"red crescent|red cross|\bicrc\b", "Red Cross/Red Crescent"),
    (r"new york times", "New York Times"),
    (r"medical sources?|hospital (?:sources?|officials?|director)|doctors?\b|medics?\b|health (?:officials?|ministry|sources?|directorate)", "medical source"),
    (r"military sources?|army sources?|security sources?", "military source"),
    (r"local sources?|local officials?|a source", "local sources"),
    (r"\bactivists?\b|activist group|local coordination committees|media cent(?:er|re)", "activists"),
    (r"\bresidents\b|\bwitnesses\b|\blocals\b|eyewitnesses", "residents"),
    (r"syrian army|syrian military(?! conflict| crisis| war)|army general command|the army\b", "Syrian army"),
    (r"syrian government|the government\b|damascus|syrian foreign ministry|syrian authorities|the regime", "Syrian government"),
    (r"opposition sources?|syrian opposition|the opposition|opposition activists", "Syrian opposition"),
    (r"\bpolice\b", "police"),
]
# One pass over the text; names start at a word boundary, which lets the engine skip mid-word positions.
_KNOWN_RE = re.compile(r"(?<!\w)(?=\w)(?:" + "|".join(f"(?P<k{i}>{p})" for i, (p, _n) in enumerate(_KNOWN)) + ")", re.I)
_KNOWN_NAMES = [name for _p, name in _KNOWN]
_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|reported|reports|report|claimed|claims|confirmed|confirms|announced|"
    r"stated|added|estimated|estimates|documented|recorded|put the|gave a|gave the|giving a|counted|cited|"
    r"acknowledged|admitted|admits|denied|denies|announcing|reporting|claiming|saying|indicated|noted|tallied|quoted|"
    r"pointed out|stressed|affirmed|explained|mentioned|asserted|clarified|"
    r"according to|citing|quoting|per|(?<=statement )read|(?<=statement )reads)\b",
    re.I,
)
_FORWARD = {"according to", "citing", "quoting", "per", "quoted"}
_PRONOUN = re.compile(r"\b(he|she|they|it|the group|the source|the statement|the agency|the official|the spokesman|"
                      r"a spokesman|the spokesperson|the police command|the command|the directorate|the ministry)\s*$", re.I)
_PRONOUN_FWD = re.compile(r"^\s*(the\s+(?:same\s+)?(?:source|sources|agency|group|monitor|ministry|command|police command|"
                          r"directorate|statement|official|spokesman))\b(?!\s+(?:at|in|of|from)\b)", re.I)
_CAPNP = re.compile(r"((?:[A-Z][\w'’.-]*|of|for|the|al|el|al-)(?:\s+(?:[A-Z][\w'’.-]*|of|for|al|el))*)\s*,?\s*$")
_CAPNP_FWD = re.compile(r"^\s*,?\s*(?:the\s+)?((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|of|for|al))*)")
_TITLE = re.compile(r"\b(?:the\s+)?(?-i:((?!The\b)[A-Z][a-z]+(?:[- ](?:ez-|al-|el-)?[A-Z][a-z]+)?))\s+"
                    r"(governor|police command|health directorate|governorate)\b", re.I)
_TITLE_OF = re.compile(r"\b(Governor|Mayor|Police Chief|Health Minister|Health Director) of ([A-Z][a-z]+)\b")
# adverbs between a subject and its verb: "the monitor however put the toll at", "the source earlier said"
_ADVERBS = re.compile(r"(?:\s+(?:however|also|earlier|later|previously|meanwhile|separately|now|then|initially|further|had|has))+\s*$", re.I)
# "the Aleppo Media Center, an activist collective, said": the apposition between name and verb
_APPOSITION = re.compile(r",?\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:organi[sz]ation|group|monitor|agency|collective|ngo|"
                         r"body|watchdog|network|centre|center|charity|outlet)\s*,?\s*$", re.I)
# "according to a February report by the X": the report's author is the source
_REPORT_BY = re.compile(r"^\s*(?:a|an|the|its)\s+(?:[\w-]+\s+){0,3}?(?:report|statement|study|tally|count|estimate|survey)\s+(?:by|from|of)\s+", re.I)


@dataclass(frozen=True)
class Attribution:
    name: str
    cue_start: int   # char offsets within the sentence
    cue_end: int
    pronoun: bool = False


@lru_cache(maxsize=512)
def known_sources(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every known source named in text, non-overlapping, by position."""
    return [(m.start(), m.end(), _KNOWN_NAMES[int(m.lastgroup[1:])]) for m in _KNOWN_RE.finditer(text)]


def _titled(text: str) -> str | None:
    m = _TITLE_OF.search(text)
    if m:
        return f"{m.group(1)} of {m.group(2)}"
    m = _TITLE.search(text)
    if m:
        kind = m.group(2).lower()
        return f"{m.group(1)} {kind if kind != 'police command' else 'Police Command'}".replace(" governor", " governor")
    return None


def _blank(pattern: re.Pattern, text: str) -> str:
    """``text`` with ``pattern``'s matches turned to spaces, so that offsets stay as they were."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _titled_far(text: str) -> str | None:
    """"X, the Governor of Hatay, a province across the border, told ...": an office named well before the verb."""
    m = _TITLE_OF.search(text)
    return f"{m.group(1)} of {m.group(2)}" if m else None


_NOT_A_SOURCE = re.compile(
    r"^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|syria|iraq|syrias|turkey|russia|islamic state|the|"
    r"assad|president|photo|tags|ngo|afp|ap|print|tweet)$", re.I)


def _plausible(name: str) -> bool:
    """A capitalised phrase before a reporting verb that can name a source (not a month, place or party)."""
    from .perpetrators import mentions
    name = name.strip()
    words = name.split()
    if not words or not words[0][:1].isupper() or len(words) > 6:
        return False
    if _NOT_A_SOURCE.match(name) or name.lower() in KNOWN_LEVEL or any(_NOT_A_SOURCE.match(w) for w in words):
        return False
    return not mentions(name)


def subject_before(sentence: str, pos: int) -> str | None:
    """The known source named just before ``pos`` (the subject of a denial)."""
    cands = [k for k in known_sources(sentence[:pos]) if pos - k[1] <= 60]
    return cands[-1][2] if cands else None


def attributions(sentence: str) -> list[Attribution]:
    """Every attribution in a sentence: the cue's position and the source's name."""
    out: list[Attribution] = []
    known = known_sources(sentence)
    for m in _CUE.finditer(sentence):
        cue = m.group().lower()
        s, e = m.start(), m.end()
        if cue not in _FORWARD and m.group()[:1].isupper() and s > 0 and sentence[:s].strip():
            continue  # "REUTERS Rodi Said", "Minister Says Economy Lost ...": a name or a headline, no cue
        name = None
        pron = False
        if cue in _FORWARD:
            after = sentence[e:e + 90]
            rb = _REPORT_BY.match(after)
            if rb:
                after = after[rb.end():]
            titled = _titled(after[:60])
            cands = [k for k in known if e <= k[0] < e + 70]
            back = _PRONOUN_FWD.match(after)
            if titled:
                name = titled
            elif cands:
                name = cands[0][2]
            elif back:
                name, pron = back.group(1).lower(), True  # "according to the source": the source named before
            else:
                fm = _CAPNP_FWD.match(after)
                if fm:
                    name = fm.group(1).strip()
        else:
            base = max(0, s - 120)
            before = _blank(_APPOSITION, _blank(_ADVERBS, sentence[base:s]))  # offsets kept
            titled = _titled(before.rstrip()[-60:]) or _titled_far(sentence[base:s])
            cands = [k for k in known if s - 70 <= k[1] <= s + 1 and k[0] < s]
            after_cands = [k for k in known if e <= k[0] < e + 45]
            pm = _PRONOUN.search(before)
            participle = re.search(r"\b(?:after|before|while|when)\s+$", sentence[max(0, s - 10):s], re.I)
            app = _APPOSITION.search(_blank(_ADVERBS, sentence[base:s]))
            named_org = _CAPNP.search(before) if app else None  # "the Aleppo Media Center, an activist collective,"
            org = re.sub(r"^(?:The|the)\s+", "", named_org.group(1).strip()) if named_org else ""
            if named_org and (len(org.split()) < 3 or not _plausible(org)):
                named_org = None
            if participle and known and known[0][0] < s:  # "X protested, after claiming ...": X claims
                name = known[0][2]
            elif named_org:
                name = org
            elif titled:
                name = titled
            elif cands and not (pm and (pm.start() + base > cands[-1][1] or pm.start() + base <= cands[-1][0])):
                name = cands[-1][2]
                if len(cands) > 1 and re.fullmatch(r"\s+and\s+(?:local\s+|other\s+)?", sentence[cands[-2][1]:cands[-1][0]]):
                    name = cands[-2][2]  # "Activists and residents say": the first named
            elif pm:
                name, pron = pm.group(1).lower(), True
            elif after_cands and cue in ("said", "says", "reported", "told", "added", "claimed", "stated"):
                name = after_cands[0][2]
            else:
                cm = _CAPNP.search(before)
                if cm and _plausible(cm.group(1)):
                    name = cm.group(1).strip()
                else:
                    fm = _CAPNP_FWD.match(sentence[e:e + 60])
                    if fm and cue in ("said", "says", "reported", "added") and _plausible(fm.group(1)):
                        name = fm.group(1).strip()
        if name:
            name = re.sub(r"^(The|A|An)\s+", "", name).strip(" ,")
            name = re.sub(r"(?<=[A-Za-z]{2})\.$", "", name)  # "said Syrian National Television." 
            if cue in ("reports", "report") and " " not in name and is_common(name) and not known_sources(name):
                name = f"{name.lower()} reports"  # "Initial reports indicated that ..."
            name = name if pron else _tidy(name)
            if name and len(name) < 80:
                out.append(Attribution(name, s, e, pron))
    return out


_DAY_WORD = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|"
                       r"june|july|august|september|october|november|december|on|in|at|an|a|the|dead)$", re.I)
_REPORTS = re.compile(r"^(?:(?:initial|unverified|early|first|media|news|press|local|other|some|several)\s+)*reports?$", re.I)


def _tidy(name: str) -> str | None:
    """A source's name without what a title-case line ran into it: "Wednesday Homs governor" -> "Homs
    governor", "Talal al" -> "Talal", "Reports" -> "media reports"; None for what names no one
    ("Britain-based", "In", "Sheikh Maqsoud", a place)."""
    if _REPORTS.match(name):
        return name.lower() if " " in name else "media reports"  # "Initial reports indicated that ..."
    words = name.split()
    while len(words) > 1 and _DAY_WORD.match(words[0]):
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in ("al", "el", "of", "the", "and"):
        words = words[:-1]
    name = " ".join(words)
    if len(words) == 1 and (_DAY_WORD.match(name) or re.search(r"-(?:based|language|run|backed|led)$", name, re.I)):
        return None
    if name in _KNOWN_NAMES:
        return name
    if is_named_place(name) and not re.search(r"\b(?:governor|governorate|police|directorate|command)\b", name, re.I):
        return None  # "al-Sheikh Maqsoud claiming the lives of": a place, not a speaker
    return name


def choose(attrs: list[Attribution], claim_start: int, claim_end: int) -> Attribution | None:
    """The attribution nearest to a claim (offsets within the sentence)."""
    best, best_d = None, None
    for a in attrs:
        d = claim_start - a.cue_end if a.cue_end <= claim_start else a.cue_start - claim_end if a.cue_start >= claim_end else 0
        d = abs(d)
        if best_d is None or d < best_d:
            best, best_d = a, d
    return best

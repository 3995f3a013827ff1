"""The name of who speaks, as a casualty recorder writes it down.

A reporting verb's subject is read back from the verb ("police and hospital officials said",
"Anbar Deputy Gov. Saadoun Obeid said", "the chairman of the Anbar council, Jasim al-Halbusi,
said") and named the way the guide asks: an official by the office ("Anbar deputy governor",
"Anbar council chairman"), a body by its name shortened, a private person by the name. A known
source (civcas.vocab) is named by its row's label.
"""
from __future__ import annotations

import re

from ..vocab import fold, vocabulary
from .bodies import body_spoken_in, headed_body
from .known import level_of

# head nouns that name who can speak; the modifiers that may stand before them
HEADS = frozenset("""officials official police residents resident witnesses witness eyewitnesses eyewitness sources source
villager relatives relative
doctors doctor medics medic paramedics rescuers spokesman spokeswoman spokesperson governor mayor chief
commander ministry office council chairman chairwoman director head agency authorities authority activists
activist monitor group hospital prosecutor administration officer officers lawmaker lawmakers member members
elders leaders leader journalist journalists correspondent correspondents reporter reporters photographer photographers
television tv media
statement army military command directorate department service services network observatory committee
centre center organisation organization ngo charity survivors relatives locals villagers minister secretary
staff workers worker team teams volunteers sheikh imam priest coroner morgue clinic forces troops army military
fighters rebels militants militia militias coalition groups reports report governorate website newspaper channel
broadcaster outlet daily radio guard guards nurse nurses monitors agencies analysts observers investigators""".split())
# capitalised words that start a sentence or a clause, not a speaker's name
_NOT_NAME = frozenset("""on in at by for from after before meanwhile however also earlier later separately but and
while when as monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december yesterday today tonight""".split())
MODIFIERS = frozenset("""local provincial regional deputy senior security health medical military hospital police
government district tribal human rights state official interior defence defense emergency civil press media
army rescue city village town council aid relief opposition rebel kurdish public general national joint
operations information foreign municipal hospital's province's city's governor's ministry's army's
district's regional's area's village's town's camp's camp refugee village's news ambulance fire capital
independent international""".split())
TITLES = {"gov.": "governor", "gov": "governor", "governor": "governor", "dep.": "deputy", "deputy": "deputy",
          "mayor": "mayor", "chief": "chief", "commander": "commander", "spokesman": "spokesman",
          "spokeswoman": "spokeswoman", "spokesperson": "spokesperson", "director": "director",
          "chairman": "chairman", "chairwoman": "chairwoman", "head": "head", "minister": "minister",
          "secretary": "secretary", "official": "official", "prosecutor": "prosecutor", "col.": "colonel",
          "colonel": "colonel", "gen.": "general", "general": "general", "brig.": "brigadier",
          "lt.": "lieutenant", "maj.": "major", "capt.": "captain", "sgt.": "sergeant", "dr.": "doctor",
          "councillor": "councillor", "councilman": "councilman", "president": "president"}
_SPEAKS_FOR_BODY = {"spokesman", "spokeswoman", "spokesperson"}
_PERSON_TITLE = {"colonel", "general", "brigadier", "lieutenant", "major", "captain", "sergeant", "doctor"}
_HYPHENATED = re.compile(r"[a-z]+-(?:run|based|led|backed|controlled|owned|affiliated|linked|funded)")  # "government-run"
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][\w'’.\-]*|,|&")
_ROLE_OF = re.compile(r"^(?:the\s+|a\s+|an\s+)?((?:(?:deputy|head|chief|acting|senior|local)\s+)?(?:[\w-]+\s+)?"
                      r"(?:chairman|chairwoman|head|chief|director|spokesman|spokeswoman|spokesperson|governor|"
                      r"mayor|commander|secretary|minister|president|member|prosecutor))\s+of\s+(?:the\s+)?(.+)$",
                      re.I)


_ARTICLED = re.compile(r"(?:al|el|ad|an|ar|as|at|az|ash|ad-|bin|ibn|abu|abd)[-’'][A-Z]")


def _is_name_word(w: str) -> bool:
    return w[:1].isupper() or w[:1].isdigit() or bool(_ARTICLED.match(w))


_PLACE_KINDS = frozenset("province city town village area region district governorate countryside neighbourhood "
                         "neighborhood".split())


def subject_before(text: str, end: int) -> tuple[int, str] | None:
    """The noun phrase that ends at ``end`` (just before a reporting verb), as (start, words):
    capitalised names, source head nouns and their modifiers, joined by "and", "of", "'s"."""
    words = list(_WORD.finditer(text[max(0, end - 120):end]))
    base = max(0, end - 120)
    if not words:
        return None
    j = len(words)
    took: list[re.Match] = []
    has_head = False
    while j > 0:
        m = words[j - 1]
        w = m.group()
        lw = w.lower().rstrip(".") if not w.lower().endswith(("gov.", "dep.", "col.", "gen.", "lt.", "maj.", "capt.", "dr.")) else w.lower()
        gap = text[base + m.end():base + (took[0].start() if took else len(text[base:end]))]
        if took and re.search(r"[;:()\"“”]|\.\s", gap):
            break
        if w == "," or w == "&":
            break
        if w[:1].isupper() and lw in _NOT_NAME:
            break
        if lw in ("the", "a", "an"):
            if took:
                took.insert(0, m)
            if took and j >= 2 and words[j - 2].group().lower() in ("of", "for", "at", "in"):
                j -= 1
                continue  # "the chairman of the Anbar council"
            break
        if lw.replace("’", "'").endswith("'s") and (lw[:-2] in HEADS or lw[:-2] in MODIFIERS or _is_name_word(w)):
            took.insert(0, m)
        elif lw in HEADS:
            took.insert(0, m)
            has_head = True
        elif lw in MODIFIERS or lw in TITLES or _HYPHENATED.fullmatch(lw) \
                or _is_name_word(w) and not re.fullmatch(r"(?i:said|says|told|reported)", w):
            took.insert(0, m)
        elif lw in _PLACE_KINDS and not took and j >= 3 and words[j - 2].group().lower() == "the" \
                and words[j - 3].group().lower() in ("in", "at"):
            took.insert(0, m)  # "a source in the province": where the source is, part of its phrase
        elif lw in ("province", "governorate") and not took and j >= 3 and _is_name_word(words[j - 2].group()) \
                and words[j - 3].group().lower() == "at":
            took.insert(0, m)  # "a source at Aleppo province": the province's authority
        elif lw in ("and", "of", "for", "in", "at", "al", "el", "bin", "ibn", "abu") and took:
            took.insert(0, m)
        elif lw == "to" and took and j >= 2 and words[j - 2].group().lower() == "close":
            took[:0] = [words[j - 2], m]  # "a source close to Hezbollah"
            j -= 2
            continue
        else:
            break
        j -= 1
    while took and took[0].group().lower() in ("and", "of", "for", "in", "at", "the", "a", "an"):
        took.pop(0)
    while took and took[-1].group().lower() in ("and", "of", "for", "in", "at"):
        took.pop()
    if not took:
        return None
    start = base + took[0].start()
    phrase = text[start:base + took[-1].end()]
    if not has_head and not any(_is_name_word(t.group()) for t in took):
        return None
    return start, phrase


def office_of(phrase: str) -> str | None:
    """The office a title-and-name phrase holds: "Anbar Deputy Gov. Saadoun Obeid" -> "Anbar deputy
    governor"; "Homs governor Talal al-Barazi" -> "Homs governor"; None when no title is in it."""
    words = _DROP_LEAD.sub("", phrase.strip()).split()
    for i, w in enumerate(words):
        t = TITLES.get(w.lower())
        if t is None or t in _PERSON_TITLE:
            continue
        if t in ("official", "head", "chief", "president") and i == 0:
            continue
        if t in _SPEAKS_FOR_BODY and i + 1 < len(words) and words[i + 1].lower() in ("for", "of") and i + 2 < len(words):
            return _DROP_LEAD.sub("", " ".join(words[i + 2:]))  # "a spokesman for the governor's office": the office
        # the office runs to the title (and its "of X"), the person's name follows
        j = i + 1
        while j < len(words) and TITLES.get(words[j].lower()) and TITLES[words[j].lower()] not in _PERSON_TITLE:
            j += 1
        if j < len(words) and words[j].lower() == "of":
            k = j + 1
            while k < len(words) and (_is_name_word(words[k]) or words[k].lower() in ("the", "a", "an", "al", "el")
                                      or words[k].lower() in HEADS or words[k].lower() in MODIFIERS):
                k += 1
            office = " ".join(words[:k])
            body = words[j + 1:k]
            return reorder_role(office) if any(w.lower() in HEADS for w in body) else office
        head = [x.lower() if x.lower() in TITLES or x.lower() in MODIFIERS else x for x in words[:j]]
        head = [TITLES.get(x.lower(), x) if x.lower().endswith(".") else x for x in head]
        return " ".join(head)
    return None


def reorder_role(phrase: str) -> str:
    """ "the chairman of the Anbar council" -> "Anbar council chairman"."""
    m = _ROLE_OF.match(phrase.strip())
    if not m:
        return phrase
    role, body = m.group(1), m.group(2).strip().rstrip(",")
    body = re.split(r"\s+(?:in|at|near|on|inside|outside|from|which|that|who)\s", body)[0]
    body = re.sub(r"^(?:a|an|the)\s+", "", body, flags=re.I)  # "the director of a clinic in the east": clinic director
    return f"{body} {role.lower()}"


_ROLE_WORDS = frozenset("the a an of for its his her their own director head chief spokesman spokeswoman "
                        "spokesperson official officials founder member members statement news agency tv television "
                        "channel website network correspondent correspondents reporter reporters broadcaster radio "
                        "media office team teams workers worker staff emergency volunteers volunteer report forces "
                        "fighters troops top public-relations relations press information monitor group watchdog organisation "
                        "organization monitoring officer officers source sources service".split())
_SOURCE_AT = re.compile(r"^(?i:(?:(?:a|an|the|one)\s+)?(?:source|sources|official|officials)\s+"
                        r"(?:at|in|from|with|of)\s+(?:the\s+)?)((?:[A-Z][\w'’.-]*\s*)+"
                        # "a source at Aleppo police command": the body's words written lower case
                        r"(?:(?:police|command|governorate|directorate|council|department|health|province|countryside)"
                        r"\s*)*)$")
# "a source at Aleppo province told SANA": the provincial authority (the gold's "Aleppo province"); "a source in
# the province" stays a local source
_AT_PROVINCE = re.compile(r"^(?i:(?:(?:a|an|the|one)\s+)?(?:source|official)s?\s+at\s+(?:the\s+)?)"
                          r"((?:[A-Z][\w'’-]*\s+){1,2}(?i:province|governorate))$")
_AT_HOSPITAL = re.compile(r"^(?i:(?:(?:a|an|the|one)\s+)?sources?\s+(?:at|in|from)\s+(?:the\s+)?)[^,;]{0,50}\b(?i:hospital|"
                          r"clinic|medical\s+cent(?:er|re))$")
_DROP_LEAD = re.compile(r"^(?:the|a|an|one|two|three|several|some|other|many)\s+", re.I)


_OUTLET_TAIL = re.compile(r"\s*(?:(?:news\s+)?agency|tv|television|channel|news|dispatches)?\s*[,.]?\s*", re.I)
_STAFF_AFTER = re.compile(r"['’]?s?\s+(?:reporter|correspondent|photographer|journalist)s?\s*", re.I)


def name_source(phrase: str, country: str | None = None) -> str:
    """How a recorder writes a speaker down: a known source's label (also when its officer speaks:
    "the head of the Syrian Observatory"), an office ("Anbar deputy governor"), else the phrase
    shortened."""
    phrase = phrase.strip(" ,")
    if _OWN_REPORTER.fullmatch(phrase):
        return "reporter"  # "our correspondent", "a reporter": the outlet's own, no source named
    at_province = _AT_PROVINCE.match(phrase)
    if at_province:
        return at_province.group(1)
    if _AT_HOSPITAL.match(phrase):
        return "medical source"  # "a source in Hama National Hospital": the gold's "medical source"
    v = vocabulary()
    person = person_in(phrase)
    core = phrase[:phrase.rfind(person)].strip() if person and phrase.endswith(person) else phrase
    body = body_spoken_in(core, country)
    if body:
        return body
    where = _IN_PLACE.search(core)
    if where and _OFFICIALS.fullmatch(core[:where.start()].strip()) and _country_code(where.group(1)) is None:
        return f"{where.group(1)} {core[:where.start()].strip().lower()}"  # "officials in Kharkiv": Kharkiv officials
    capital = _IN_CAPITAL.search(core)
    if capital and _OFFICIALS.fullmatch(core[:capital.start()].strip()):
        city = v.capital_named(capital.group(1), country)  # "officials in the Ukrainian capital": Kyiv officials
        if city:
            return f"{city} {core[:capital.start()].strip().lower()}"
        core = core[:capital.start()]
    core = core[:where.start()] if where else core  # "an official in Iraq": an official
    found = v.source_mentions(core, country)
    if found and found[0].end - found[0].start >= len(core) - 4:
        return found[0].label
    headed = headed_body(phrase, country)
    if headed and not any(m.end - m.start >= len(headed) - 4 for m in found):
        return headed  # (a known body named in full keeps its label: "the head of the UN refugee agency")
    if len({m.id for m in found}) == 1 and len(found) > 1:  # "Observatory chief Rami Abdel Rahman": one body
        rest = core
        for m in reversed(found):
            rest = rest[:m.start] + " " * (m.end - m.start) + rest[m.end:]
        if all(w in TITLES or w in _ROLE_WORDS or w in MODIFIERS or _HYPHENATED.fullmatch(w)
               for w in re.findall(r"[a-z.-]+", rest.lower())):
            return found[0].label
    if len({m.id for m in found}) > 1 and found[-1].end >= len(core.rstrip(" ,.")) and v.sources[found[-1].id].kind \
            in ("activists", "local") and re.fullmatch(r"(?:the\s+)?", core[:found[0].start].strip(), re.I) \
            and not re.search(r"\b(?:and|or)\b|&|,", core[found[0].start:found[-1].start]):
        return found[-1].label  # "Syrian opposition activists": the head noun names the voice
    if len({m.id for m in found}) > 1:  # "the opposition Syrian Observatory", "the London-based Observatory monitor"
        longest = max(found, key=lambda m: m.end - m.start)
        rest = core
        for m in found:
            rest = rest[:m.start] + " " * (m.end - m.start) + rest[m.end:]
        if (core[longest.start:longest.start + 1].isupper() or not v.sources[longest.id].generic) \
                and longest.end - longest.start >= 8 \
                and not any(m.start >= longest.end and not v.sources[m.id].generic for m in found) and all(
                w in TITLES or w in _ROLE_WORDS or w in MODIFIERS or _HYPHENATED.fullmatch(w)
                for w in re.findall(r"[a-z.'’-]+", rest.lower())):
            return longest.label  # the body named in full; the other words describe it
    if len(found) == 1 and not core[:found[0].start].strip(" ,") and is_person_name(core[found[0].end:].strip(" ,")):
        return found[0].label  # "the Observatory's Rami Abdel Rahman": the body's man speaks for it
    if person and core.strip(" ,").lower() in ("chief", "head"):
        return person  # "[EU diplomatic] chief Federica Mogherini", cut at a word we do not know: the person
    if person and (not core.strip(" ,") or all(w.lower() in TITLES for w in core.split())):
        return _DROP_LEAD.sub("", phrase)  # "Governor Ali Hassan": no office to name without the person
    if len(found) == 1 and re.fullmatch(r"(?:\s+[A-Z][\w'’-]*)+", core[found[0].end:]) \
            and _city_word(core[found[0].start:found[0].end], country) \
            and not re.search(r"\b(?:Ministry|Army|Military|Government|Forces|Command|Presidency|Foreign)\b",
                              core[found[0].end:]) \
            and re.fullmatch(r"(?i:the)?", core[:found[0].start].strip(" ,")):
        return _DROP_LEAD.sub("", core)  # "the Damascus Media Office": a body named after the city, not the regime
    if len(found) == 1:  # "the head of the Syrian Observatory", "a UN spokesman": the body speaks
        tail = core[found[0].end:]
        if re.match(r"\s+(?:at|in|from|inside)\s", tail) or (re.match(r"\s+of\s", tail) and found[0].label in _OF_PLACE):
            tail = ""  # "a medical source at the hospital": the medical source; "a resident of Taiba": residents
        rest = (core[:found[0].start] + " " + tail).lower().replace("'s", " ").replace("’s", " ")
        if all(w in TITLES or w in _ROLE_WORDS or w in MODIFIERS or _HYPHENATED.fullmatch(w) or _national(w)
               for w in re.findall(r"[a-z.'’-]+", rest)):
            return _qualified(found[0], core[:found[0].start], country)
    if found and v.sources[found[-1].id].kind in ("state_media", "news_outlet") and (
            _STAFF_AFTER.fullmatch(core[found[-1].end:]) or _OUTLET_TAIL.fullmatch(core[found[-1].end:])
            and not found[-1].local and not re.search(r"\band\b|&", core[:found[-1].start])):
        # "Old Homs SANA reporter": the outlet's reporter, whatever ran into the name; "dozens of gunmen
        # FNA (reports)": an outlet closing the phrase speaks, the words before it ran in when commas were lost
        return found[-1].label
    office = office_of(phrase)
    if office:
        return office
    body = _SOURCE_AT.match(core)
    if body and any(w.lower().rstrip(".") in HEADS for w in body.group(1).split()[1:]):
        return " ".join(w[:1].upper() + w[1:] for w in body.group(1).split())  # "a source at Aleppo Police
        # Command": the command (a "medical source" stays one), its words capitalised as a name
    of_place = _BODY_OF_PLACE.match(core)
    if of_place and _country_code(of_place.group(2)) is None:  # "the civil administration of Idlib"
        return f"{of_place.group(2)} {of_place.group(1).lower()}"
    return _DROP_LEAD.sub("", reorder_role(core))


_OWN_REPORTER = re.compile(r"(?:(?:our|an?|the)\s+(?:own\s+)?)?(?:reporters?|correspondents?|journalists?)(?:\s+(?:in|at|on)\s+.*)?", re.I)
_IN_CAPITAL = re.compile(r"\s+in\s+the\s+(?:([A-Z][a-z]+)\s+)?capital$")
_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)$")
_OFFICIALS = re.compile(r"(?:(?:the|local|city|regional|provincial)\s+)*(?:officials|authorities)", re.I)
# an office or body "of" a place, named as recorders do, place first ("Idlib civil administration")
_BODY_OF_PLACE = re.compile(r"^(?:the\s+)?((?i:(?:[a-z-]+\s+){0,2}(?:administration|council|directorate|command|"
                            r"authority|authorities|department|governorate|municipality)))\s+of\s+(?:the\s+)?"
                            r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)$")
def _city_word(words: str, country: str | None) -> bool:
    """A city's name standing for its rulers ("Damascus", "Moscow")."""
    return words.istitle() and " " not in words and level_of(words, country) in ("city", "province")


_OF_PLACE = frozenset({"residents", "witnesses", "local sources", "officials", "medical source", "activists"})


def _qualified(found, before: str, country: str | None) -> str:
    """A known source named with the nationality written before it: "Iraqi officials" stays so (a
    kind of voice keeps its country), "the Lebanese health ministry" is Lebanon's whatever the
    report's country."""
    v = vocabulary()
    row = v.sources.get(found.id)
    words = re.findall(r"[\w'’-]+", before)
    nat = next((w for w in reversed(words) if _national(w)), None)
    if row is None or nat is None:
        return found.label
    code = _country_code(nat)
    if row.national and code:
        return v.source_label(row, code)
    if found.local and code and row.theatre and code not in row.theatre:
        # "the Russian army": not the theatre's own army (Syria's), which a bare "army" names there
        people = re.sub(r"['’]s$", "", nat)
        return f"{people} {found.label.split()[-1]}"
    if row.generic:
        return re.sub(r"['’]s$", "", nat) + " " + found.label
    return found.label


def _country_code(word: str) -> str | None:
    v = vocabulary()
    w = re.sub(r"['’]s$", "", word)
    return v.demonym_of(w) or v.people_of(w) or _country_named(w) or (_country_named(w[:-1]) if w[-1:] in "sS" else None)


def _country_named(word: str) -> str | None:
    """The code of the country ``word`` names ("Syria"; "Syrias", its possessive's apostrophe lost, by the caller)."""
    w = fold(word)
    return next((c.code for c in vocabulary().countries.values() if fold(c.name) == w), None)


def is_person_name(phrase: str) -> bool:
    """Whether a phrase is only a person's name ("Obeid", "Saadoun Obeid")."""
    words = phrase.split()
    if not words or len(words) > 4:
        return False
    v = vocabulary()
    if v.source_mentions(phrase) or v.actor_mentions(phrase) or v.main_country(phrase):
        return False
    return all((w[:1].isupper() or _PARTICLE_NAME.match(w)) and w.lower() not in HEADS and w.lower() not in MODIFIERS
               for w in words if w.lower() not in ("al", "el", "bin", "ibn", "abu"))


_PARTICLE_NAME = re.compile(r"(?:al|el|bin|ibn|abu)-[A-Z]")  # "al-Barazi"


def _national(word: str) -> bool:
    """A country's name or demonym, possessive or not ("syria's", "syrias", "syrian"): no part of a body's name."""
    return _country_code(word) is not None


# words that end a body's name, never a person's ("the Syrian Revolution General Commission")
_BODY_WORDS = frozenset("commission committee council command authority ministry directorate office center centre "
                        "network organisation organization observatory agency front army forces staff corps assembly "
                        "coalition union".split())


def person_in(phrase: str) -> str | None:
    """The person's name after a title in a phrase ("Anbar Deputy Gov. Saadoun Obeid" -> "Saadoun
    Obeid"), else None."""
    words = phrase.split()
    last = max((i for i, w in enumerate(words) if w.lower() in TITLES), default=None)
    if last is None:
        return None
    rest = words[last + 1:]
    if rest and all(_is_name_word(w) or w.lower() in ("al", "el", "bin", "ibn", "abu") for w in rest) \
            and rest[0].lower() not in ("of", "for") and not any(w.lower().strip(".,") in _BODY_WORDS for w in rest):
        return " ".join(rest)
    return None


# between two sources that speak together: "X and Y", "X, as well as Y"
_JOINT = re.compile(r"\s*,?\s+(?:and|as\s+well\s+as)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+-based\s+)?$", re.I)


def joint_source(known, k, sentence: str) -> str:
    """The other known source named with ``k`` as one subject ("the Syrian Civil Defence and the
    Observatory reported"): each gives the figure (GUIDE: a second source is its own claim). Two voices
    of one side speak as one."""
    before = [o for o in known if o.end <= k.start and o.label != k.label and _JOINT.fullmatch(sentence[o.end:k.start])]
    if not before:
        return ""
    v = vocabulary()
    a, b = v.speaks_for(before[-1].label), v.speaks_for(k.label)
    if a and b and v.allied(a, b):
        return ""  # "the coalition and the US military": one side's voices, one claim
    return before[-1].label

"""The English reader: sentences, places, times, actors, speakers and casualty figures of English reports."""
from __future__ import annotations

import re
from datetime import date

from ..vocab import vocabulary
from .actors import ActorMention, actor_mentions
from .attribution import Attribution, attributions
from .denials import find_denials
from .drafts import Draft
from .figures import find_raw_claims
from .language import READERS, Cues
from .lexicon import CASUALTY_HINT
from .placerefs import kind_referred, kinds_named
from .places import place_mentions
from .quick import led
from .report import Sentence
from .scope import scope_of
from .timex import TimeMention, find_time_mentions
from .tokens import capped, sentence_spans, tokenize

_EVENT_KINDS = {"weekday", "relative", "explicit", "month", "overnight", "year"}
# "... Syria August 6 2016 (TRT World and Agencies)": the date of a photo in its caption
_CAPTION_CREDIT = re.compile(r"\s*\((?:[^()]{0,40}\b(?:Agencies|AFP|Reuters|AP|Photo|Getty|EPA|Anadolu)\b[^()]{0,20})\)")
# "said Monday", "told SANA on Thursday", "said in a statement on Friday": the day of the telling
_SAID_BEFORE = re.compile(
    r"\b(?i:said|says|told|reported|stated|announced|added|confirmed|claimed|tweeted|wrote|reports)"
    r"(?:\s+(?:[A-Z][\w'.-]*|in|a|an|the|to|its|their|statement|reporters|journalists|agency|news|"
    r"conference|interview|television|TV|radio)){0,4}?\s+(?:on\s+|late\s+|early\s+)?$")
# "On Tuesday, the opposition stated that ...": a leading day followed by the telling
_SAID_AFTER = re.compile(
    r"^\W*(?:[\w'.-]+\s+){0,5}?(?:said|says|stated|announced|reported|told|claimed)\b(?:\s+\w+){0,2}?\s+that\b", re.I)
# a sentence that opens another event: another day, another place
NEW_EVENT = re.compile(r"^\W*(?:this\s+is\s+while|earlier(?!,?\s+(?:on\s+)?(?:the\s+same\s+day|that\s+day|the\s+day|today|"
                       r"in\s+the\s+day|this\s+morning))|last\s+(?:week|month|year)|in\s+(?:january|february|march|"
                       r"april|may|june|july|august|september|october|november|december)|on\s+\w+\s+\d)", re.I)
ELSEWHERE = re.compile(r"^\W*(?:separately|elsewhere|meanwhile,?\s+in|(?:in\s+)?an?\s+(?:separate|second|another)\s+"
                       r"(?:strike|attack|raid|bombing|air\s*strike|incident)|in\s+another\s+(?:attack|incident|strike|"
                       r"raid|development)|in\s+a\s+separate\s+\w+|"
                       # "North of Aleppo city, IS seized ...": the scene moves beside the place told before
                       r"(?:north|south|east|west)(?:east|west)?\s+of\s+(?-i:(?=[A-Z])))", re.I)
CONTINUES = re.compile(r"^\W*(?:another|of\s+(?:those|the\s+dead|them)|among\s+(?:them|the\s+dead)|they\s+included|"
                       r"the\s+dead\s+included|the\s+victims\s+included|he\s+added|she\s+added|it\s+added|"
                       r"the\s+(?:dead|victims|wounded|injured)\b|most\s+of\s+(?:them|the)|all\s+of\s+them)\b", re.I)

def _short(value: str) -> bool:
    """An interval of at most three days ("over the past 24 hours") can date one incident."""
    a, _, b = value.partition("/")
    try:
        return bool(b) and (date.fromisoformat(b) - date.fromisoformat(a)).days <= 3
    except ValueError:
        return False


# "said Tuesday's strike destroyed ...", "Tuesdays strike" (apostrophe lost): the day of the strike, not the telling
_POSSESSIVE = re.compile(r"(?:'|’)?s\b")
# "said the late Monday strike on the town ...": a day naming the attack it stands before
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|a|an|this|that)\s+$", re.I)
_ATTRIBUTIVE_AFTER = re.compile(r"\s+(?:air\s*)?(?:strikes?|airstrikes?|attacks?|raids?|bombings?|blasts?|shelling|"
                                r"explosions?|massacre|bombardment)\b", re.I)


def names_the_attack(text: str, t: TimeMention) -> bool:
    """Whether time mention ``t`` is the day of an attack it names ("Tuesday's strike", "the Monday raid")."""
    return bool(_POSSESSIVE.match(text, t.end) or t.text.lower().endswith(("todays", "yesterdays", "nights"))
                or _ATTRIBUTIVE_AFTER.match(text, t.end) and _ATTRIBUTIVE_BEFORE.search(text, max(0, t.start - 8), t.start))


def _reporting_time(text: str, s: int, e: int, t: TimeMention) -> bool:
    """Whether time mention ``t`` dates a statement rather than the harm."""
    if t.kind == "overnight" or names_the_attack(text, t):
        return False
    if _SAID_BEFORE.search(text[max(s, t.start - 60):t.start]):
        return True
    head = text[s:t.start]
    return bool(re.fullmatch(r"\W*(?:on\s+)?", head, re.I)) and bool(_SAID_AFTER.match(text[t.end:e]))


def event_times(times: list[TimeMention], text: str, s: int, e: int) -> list[TimeMention]:
    """The time mentions of sentence [s, e) that can date harm: not the telling, a dateline or a caption."""
    return [t for t in times if s <= t.start and t.end <= e and t.value
            and (t.kind in _EVENT_KINDS or (t.kind == "period" and _short(t.value)))
            and not (t.start < 60 and t.kind == "explicit")
            and not _reporting_time(text, s, e, t) and not _CAPTION_CREDIT.match(text, t.end)
            and not _DATELINE_BEFORE.search(text, max(0, t.start - 40), t.start)]


# a page's dateline: "AFP Friday 10 Oct 2014", "Published November 17 2017" — when the page was
# written, not when harm was done
_DATELINE_BEFORE = re.compile(r"(?:\b(?:AFP|AP|Reuters|REUTERS|dpa|DPA|Xinhua|UPI|IANS|ANHA|Anadolu)|"
                              r"\b(?:Published|Updated|Posted|Last\s+updated|Date\s+of\s+publication)(?:\s+on)?)"
                              r"\s*[-—:|,]?\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?$")



# stems of every reporting cue (attribution.CUE): a sentence with none of them has no attribution
_CUE_STEMS = ("said", "say", "told", "tell", "report", "claim", "confirm", "announc", "stat", "added", "estimat",
              "document", "record", "put the", "gave", "giving", "count", "cite", "citing", "acknowledg", "admit",
              "deni", "deny", "indicat", "noted", "tallied", "quot", "pointed out", "stress", "affirm", "explain",
              "mention", "assert", "clarif", "tweet", "wrote", "posted", "according", "per ", " read", "recover",
              "retriev", "pulled", "verified")



# the letters a lower-cased text may hold where a case-insensitive pattern matches "i" or "s" ("ı"; "İ", lower-cased
# "i" and a combining dot; "ſ"): a needle tuple with them stays a sure test for any text
_FOLDED = ("\u0131", "\u0307", "\u017f")


def _office_after() -> re.Pattern:
    """After a place, an office it heads ("Anbar deputy governor", "the Kyiv city military administration",
    "Kherson's regional governor"): the office words are vocabulary data (places.toml [offices])."""
    words = sorted(vocabulary().tables.offices, key=len, reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(r"(?:['’]s)?\s+(?:(?:regional|provincial|city|district|oblast|municipal|local|military|"
                      r"deputy|acting|former|interim|state|county|administration|council|police|health)\s+){0,3}(?:" + alts + r")(?![\w-])", re.I)


CUES = Cues(
    office=_office_after(),
    both_countries=re.compile(r"\b(?:both|the\s+two|all\s+(?:three|four|five))\s+countries\b", re.I),
    body_after=re.compile(r"(?:['’]s)?\s+(?:(?:provincial|city|regional|local|municipal|district|military)\s+){0,2}"
                          r"(?:council|administration|police(?:\s+command)?|health\s+(?:directorate|department|office)|hospital|clinic)\b",
                          re.I),
    backstory=re.compile(r"^\W*in\s+(?:19|20)\d\d\b", re.I),
    planted=re.compile(r"\b(?:car[\s-]+bombs?|truck[\s-]+bombs?|roadside\s+bombs?|bomb\s+blasts?|blasts?|explosions?|"
                       r"explosive\s+devices?|ieds?|land\s*mines?|booby[\s-]*trap\w*|suicide\s+\w+|motorbike\s+bombs?)\b",
                       re.I),
    anaphor=re.compile(r"^\W*(?:the|this|that)\s+(?:[\w-]+\s+)?(?:blast|attack|strike|air\s*strike|raid|bombing|"
                       r"explosion|shelling|massacre|assault|bombardment|incident|car\s+bomb|rocket|missile)s?\b", re.I),
    # "(Source: the X Media Office)", a line "Source: X": whose statement the page reprints
    credit=re.compile(r"(?:\(\s*|^|\n)\s*Source\s*:\s*([^()\n;]{2,80}?)\s*(?:\)|\n|$)", re.M),
    tied=led(r"\b(?:the\s+same\s+(?:strike|attack|raid|bombing|explosion|blast|shelling|day|incident)|"
                    r"(?:in|by|during|after|from)\s+(?:the|\w+day['’]s)\s+(?:attack|strike|air\s*strike|raid|bombing|shelling|blast|"
                    r"explosion|bombardment|massacre|assault|incident)|earlier\s+today|the\s+(?:dead|victims|wounded|"
                    r"injured)|among\s+(?:them|the\s+dead|those)|of\s+(?:them|those|whom)|another|the\s+toll|"
                    r"death\s+toll|rose\s+to|risen\s+to|climbed\s+to)\b", re.I),
    loose=re.compile(r"^\W*(?:meanwhile|in\s+the\s+same\s+context|in\s+a\s+related\s+development|in\s+another\s+"
                     r"development|on\s+the\s+other\s+hand|separately|elsewhere|also|in\s+addition)\b", re.I),
    by_air=led(r"\b(?:air\s*strikes?|airstrikes?|air\s+raids?|aerial\s+(?:bombardment|bombing|attacks?)|"
                      r"war\s*planes?|fighter\s+jets?|jets|helicopters?|helicopter\s+gunships?|barrel\s+bombs?|"
                      r"aircraft|air\s+force)\b", re.I),
    # adds to the account before: "In addition, ...", "Two more people were killed", "in a similar attack"
    adds=re.compile(r"^\W*(?:in\s+addition|also|moreover|furthermore|besides)\b|"
                    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens)\s+more\s+"
                    r"(?:people|persons|civilians|children|women|men|bodies|victims|soldiers|fighters)\b|"
                    r"\bin\s+(?:a\s+|another\s+)?similar\s+(?:\w+\s+)?(?:attack|strike|raid|shelling|bombing|blast)", re.I),
    other_harm=led(r"\b(?:(?:were|was|have\s+been|had\s+been)\s+also|(?:have|has|had)\s+also\s+been|"
                          r"also\s+(?:killed|died|wounded|injured)|"
                          r"(?:a|another)\s+separate|separately)\b", re.I),
    # "claimed responsibility for the attack", "blamed Thursday's bombing on ...": the attack told before
    attack_ref=re.compile(r"\b(?:the|this|that|\w+day['’]?s)\s+(?:[\w-]+\s+)?(?:attacks?|bombings?|blasts?|explosions?|"
                          r"assault|massacre|strikes?|air\s*strikes?|raids?|shelling|bombardment)\b", re.I),
    # "where a chemical weapons attack killed 90": another attack, which "the attack" after it means
    an_attack=re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:attack|bombing|blast|explosion|strike|air\s*strike|raid|"
                         r"massacre|assault)\b", re.I),
    fighting=re.compile(r"\b(?:in|during|amid)\s+(?:the\s+)?(?:\w+\s+)?(?:clashes|fighting|battles|skirmishes|"
                        r"exchanges\s+of\s+fire|crossfire)\b", re.I),
    the_attack=re.compile(r"\b(?:in|by|during|after)\s+the\s+(?:attack|strike|air\s*strike|raid|bombing|shelling|blast|"
                          r"explosion|bombardment|assault|massacre)\b", re.I),
    whole_war=re.compile(r"\b(?:the|this|\w+'?s|\w+-year)\s+(?:civil\s+|military\s+)?(?:war|conflict|uprising|crisis)\b",
                         re.I),
    campaign=re.compile(r"\b(?:bombing|air|strikes?|raids?|shelling|bombardment|campaign|airstrikes?|offensive)\b", re.I),
    rivals=led(r"\b(?:whether|either|if)\b[^.;]{0,80}?\bor\b[^.;]{0,60}?\b(?:responsible|to\s+blame|carried\s+out|"
                      r"behind)\b|\bblamed\s+(?:it\s+)?on\b[^.;]{0,60}?\bor\b[^.;]{0,40}"
                      r"|\b(?:by|from)\s+(?:either\s+)?(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?\s+or\s+(?:the\s+)?[\w.-]+\s+"
                      r"(?:warplanes|jets|aircraft|planes|forces|air\s+forces?|helicopters|drones?)\b"
                      r"|\b(?:not\s+(?:clear|known)|unclear)\b[^.;]{0,60}?\b(?:whether|who|if)\b[^.;]{0,80}?\bor\b"
                      r"|\bden(?:ied|ies|y|ying)\s+(?:any\s+)?(?:role|responsibility|involvement)\b[^.;]{0,150}?"
                      r"\b(?:(?:may|might|could)\s+have|suggest\w*|blam\w+|said)\b"
                      # "aircraft from the government, its allies or both"
                      r"|\b(?:by|from)\s+[^.;]{0,60}?\bor\s+both\b"
                      # "officials believe X was responsible, but Y denied involvement"
                      r"|\b(?:responsible|behind)\b[^.;]{0,80}?\bbut\b[^.;]{0,40}?\bden(?:ied|ies|y)\b", re.I),
    blame=re.compile(r"\b(?:blam(?:ed|ing)|accus(?:ed|ing)|attributed|responsib\w+)\b", re.I),
    accusation=led(r"\baccus(?:ed|ing|es|e)\b[^.;]{0,60}?\bof\b", re.I),
    rebuttal=led(r"\b(?:den(?:ied|ies|y|ying)|reject(?:ed|s|ing)?|dismiss(?:ed|es|ing)?)\b[^.;]{0,40}?"
                        r"\b(?:allegations?|accusations?|claims?|charges?|reports?|involvement|responsibility|"
                        r"(?:any\s+)?role|using|use)\b"
                        r"|\b(?:allegations?|accusations?|claims?|charges?)\b[^.;]{0,40}?\b(?:fabricated|illogical|"
                        r"baseless|false|lies|absurd|groundless|unfounded)\b", re.I),
    near=led(r"\b(?:near|outside|close\s+to|adjacent\s+to|(?<!the\s)(?<!-held\s)(?:north|south|east|west)\s+of|\d+\s*(?:km|kilometres|"
                    r"kilometers|miles)\s+(?:\w+\s+)?(?:of|from)|on\s+the\s+outskirts\s+of|in\s+the\s+vicinity\s+of|"
                    r"(?:northeast|northwest|southeast|southwest)\s+of|border\s+with)\s+(?:the\s+)?(?:[\w'’]+\s+)?"
                    # "near Syria's second city Aleppo", "near the northern city of Aleppo"; not "the (rebel-held) west of
                    # Aleppo", a part of the city
                    r"(?:(?:second|third|largest|biggest|main)\s+)?(?:city|town|capital|village)?\s*(?:of\s+)?$", re.I),
    # "in the town of X", "in the rebel stronghold of X"
    at=led(r"\b(?:in|at|on|inside|into)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:of\s+)?$", re.I),
    nationwide=led(r"(?<!sources\s)(?<!network\s)(?<!activists\s)(?<!contacts\s)"
                          r"\b(?:across|around|throughout)\s+(?:the\s+country|syria|iraq|yemen|afghanistan|libya|sudan|"
                          r"gaza|ukraine|somalia)\b|\bnationwide\b", re.I),
    two_parts=re.compile(r"\bin\s+the\s+(?:north|south|east|west|centre|center)\w*\s+and\s+(?:the\s+)?"
                         r"(?:north|south|east|west|centre|center)\w*\s+of\b", re.I),
    there=led(r"\b(?:killed|died|dead|wounded|injured|lost\s+their\s+lives)\s+there\b", re.I),
    war=led(r"\b(?:war|conflict|uprising|revolution|crisis)\b(?!-)", re.I),
    struck=led(r"\b(?:hit|struck|targeted|targeting|shelled|shelling|bombed|bombing|pounded|pounding|raided|"
                      r"stormed|attacked|attacking|hitting|striking)\b"
                      r"|\b(?:strikes?|raids?|attacks?|bombardment)\s+(?:on|near|in|at|against)\s+[A-Z]", re.I),
    among=re.compile(r"\bamong\s+(?:those|the\s+(?:dead|victims|killed))\b", re.I),
    # a place that lies beside another, as geography ("the region is adjacent to the city's X neighbourhood")
    across=re.compile(r"\b(?:across|throughout|all\s+over)\s+(?:the\s+)?$", re.I),
    reference=re.compile(r"\b(?:adjacent\s+to|bordering|borders)\b[^.;,]{0,50}$", re.I),
    unclaimed=led(r"\bno\s+(?:immediate\s+)?claims?\s+of\s+responsibility|"
                         r"\b(?:no\s+(?:one|group|party|organi[sz]ation)|nobody)\s+(?:has\s+|had\s+)?(?:yet\s+|so\s+far\s+|"
                         r"immediately\s+)?(?:claimed|taken\s+responsibility)|"
                         r"\b(?:has|had)\s+not\s+(?:yet\s+|immediately\s+)?been\s+claimed|"
                         # "it was unclear who carried out the strike" (no rivals named: "unclear whether X or Y" is)
                         r"\b(?:not\s+(?:immediately\s+|yet\s+)?(?:clear|known)|unclear)\s+who\s+(?:had\s+|has\s+)?(?:carried\s+out|was\s+behind|"
                         r"is\s+behind|was\s+responsible|launched|conducted|fired|struck)\b(?![^.;]{0,80}?\bor\b)", re.I),
    refers_back=re.compile(r"\b(?:among\s+(?:those|the\s+(?:dead|victims|killed|wounded|injured|casualties))|"
                           r"of\s+the\s+(?:dead|victims|wounded|injured)|the\s+(?:remaining|rest\s+of\s+the)\b|"
                           r"(?:those|the\s+people)\s+(?:killed|wounded|injured)|the\s+(?:death\s+)?toll\s+(?:included|includes))\b",
                           re.I),
    quote=re.compile(r"[\"“”]"),
    clause_break=led(r"[;:]|\s[-–—]\s|\bwhile\b|\bwhereas\b|\bbut\b", re.I),
    list_next=re.compile(r"\s*(?:,\s*|\s+and\s+|\s+or\s+)[A-Z]"),
    list_prev=re.compile(r"[A-Z][\w'-]*\s*(?:,|\s+and|\s+or)\s+$"),
    frame=re.compile(r"\W*in\s+(?:the\s+)?", re.I),
    incident_in=re.compile(r"\W*(?:the|this)\s+(?:incident|attack|strike|air\s*strike|raid|blast|explosion|bombing|"
                           r"massacre|shelling)\s+(?:\w+\s+)?(?:in|at|on|near)\s+", re.I),
    own_action=led(r"\b(?:its|their|our)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:campaign|strikes?|air\s*strikes?|"
                          r"raids?|operations?|attacks?|bombing|shelling|forces|troops|aircraft|jets|drones?|"
                          r"munitions|fire)\b|\b(?:admit(?:s|ted|ting)?|acknowledg(?:es|ed|ing)|conced(?:es|ed|ing))\s+"
                          r"(?:to\s+)?(?:having\s+)?(?:killing|killed|causing|caused|wounding|wounded|injuring|injured)\b",
                          re.I),
    # a belligerent owning up to deaths it caused ("the coalition acknowledged the deaths of 28 civilians"); of its
    # own men ("acknowledged the deaths of 12 of its fighters") it is a loss, not an act: see cand_actor
    owned_deaths=re.compile(r"\b(?:admit(?:s|ted|ting)?|acknowledg(?:es|ed|ing)|conced(?:es|ed|ing))\s+(?:to\s+)?"
                            r"(?:the\s+)?(?:deaths?|killings?)\s+of\b", re.I),
    needles={
        "own_action": ("its ", "their ", "our ", "admit", "acknowledg", "conced"),
        "owned_deaths": ("admit", "acknowledg", "conced"),
        "by_air": ("air", "plane", "jet", "helicopter", "barrel", "aircraft"),
        "adds": ("in addition", "also", "moreover", "furthermore", "besides", " more ", "similar"),
        "tied": ("same", "the ", "day's ", "day’s ", "earlier today", "among", " of them", " of those", " of whom", "another", "toll",
                 "rose to", "risen to", "climbed to"),
        "loose": ("meanwhile", "same context", "related", "another development", "other hand", "separately",
                  "elsewhere", "also", "in addition"),
        "other_harm": ("also", "separate"),
        "attack_ref": ("the ", "this ", "that ", "day") + _FOLDED,
        "an_attack": ("a ",) + _FOLDED,
        "fighting": ("clash", "fighting", "battle", "skirmish", "exchange", "crossfire"),
        "the_attack": ("the attack", "the strike", "the air", "the airstrike", "the raid", "the bombing",
                       "the shelling", "the blast", "the explosion", "the bombardment", "the assault",
                       "the massacre"),
        "whole_war": ("war", "conflict", "uprising", "crisis"),
        "campaign": ("bomb", "air", "strike", "raid", "shelling", "campaign", "offensive"),
        "rivals": (" or ", "unclear", "not clear", "not known", "denied"),
        "nationwide": ("across", "around", "throughout", "nationwide"),
        "two_parts": (" and ",),
        "there": ("there",),
        "both_countries": ("countries",),
        "planted": ("bomb", "blast", "explosi", "ied", "mine", "booby", "suicide"),
        "war": ("war", "conflict", "uprising", "revolution", "crisis"),
        "among": ("among",),
        # (with the letters that case-insensitive matching takes for "i", "s": "ı", "İ" lower-cased, "ſ")
        "struck": ("hit", "struck", "target", "shell", "bomb", "pound", "raid", "storm", "attack", "strik") + _FOLDED,
        "rebuttal": ("deni", "deny", "reject", "dismiss", "allegation", "accusation", "claim", "charge") + _FOLDED,
        "unclaimed": ("claim", "responsib", "clear", "known") + _FOLDED,
        "accusation": ("accus",) + _FOLDED,
    },
    # every branch of "rivals" holds a bare "or" or a "deny" word
    gates={"rivals": re.compile(r"\bor\b|den(?:i|y)", re.I)},
)


class English:
    """The English reader (see :class:`~civcas.extract.language.Reader`)."""

    code = "en"
    cues = CUES

    def casualty_hint(self, text: str) -> bool:
        return bool(CASUALTY_HINT.search(text))

    def sentences(self, text: str) -> list[tuple[int, int]]:
        return capped(text, sentence_spans(text))

    def times(self, text: str, published: date | None) -> list[TimeMention]:
        return find_time_mentions(text, published)

    def event_times(self, times: list[TimeMention], text: str, start: int, end: int) -> list[TimeMention]:
        return event_times(times, text, start, end)

    def places(self, sentence: str, country: str | None = None) -> list[tuple[int, int, str, int]]:
        return place_mentions(sentence, country)

    def actors(self, sentence: str, country: str | None) -> list[ActorMention]:
        return actor_mentions(sentence, country)

    def attributions(self, sentence: str, country: str | None) -> list[Attribution]:
        low = sentence.lower()
        for stem in _CUE_STEMS:  # (a loop, not a generator: every sentence asks)
            if stem in low:
                # (no search for a cue first: attributions() finds none as fast, and the sources it
                # reads are the ones every sentence's account asks for)
                return attributions(sentence, country)
        return []

    def flags(self, sentence: str) -> tuple[bool, bool, bool]:
        return bool(NEW_EVENT.search(sentence)), bool(ELSEWHERE.search(sentence)), bool(CONTINUES.search(sentence))

    def drafts(self, sentence: Sentence) -> list[Draft]:
        """Every casualty figure of a sentence, left to right."""
        s, sent = sentence.start, sentence.text
        toks = tokenize(sent, s)
        out = []
        for raw in find_raw_claims(toks):
            cs, ce = toks[raw.first].start, toks[raw.last - 1].end
            vs = toks[raw.fig.last].start - s if raw.fig.last < len(toks) else ce - s
            ve = toks[raw.np_end - 1].end - s if raw.np_end > raw.fig.last else vs
            scope = scope_of(sent, raw.fig.low, raw.fig.high, cs - s)
            out.append(Draft(raw.outcome or "killed", raw.victims or "people", raw.fig.low, raw.fig.high,
                             raw.fig.qualifier, (cs, ce), (vs, ve), sentence, scope, raw.how, raw.parent is not None,
                             orphan=raw.orphan, definite=raw.definite))
        for ds, de, outcome, victims in find_denials(sent):
            out.append(Draft(outcome, victims, 0, 0, "none", (s + ds, s + de), (0, 0), sentence,
                             scope_of(sent, 0, 0, ds), "denial", False, (max(0, ds - 80), ds)))
        return sorted(out, key=lambda d: d.span)

    def kinds_named(self, sentence: str, places: list[tuple[int, int, str, int]]) -> dict[str, str]:
        return kinds_named(sentence, places)

    def kind_referred(self, sentence: str) -> str | None:
        return kind_referred(sentence)


READERS["en"] = English()

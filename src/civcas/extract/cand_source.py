"""Candidates for who asserts a claim: the speakers of its sentence, the source whose account it
continues, the party whose denial it is, or the reporter."""
from __future__ import annotations

import re

from ..vocab import vocabulary
from .account import Account
from .attribution import Attribution, person_only
from .candidates import Candidate, bucket, distance
from .drafts import Draft
from .offices import BARE_TITLES, TITLE_THEN_NAME
from .report import Report, Sentence


def speaker_value(a: Attribution, acc: Account, sent: Sentence | None = None) -> str | None:
    """What an attribution names: a pronoun stands for the source named before, a person for the
    office named with them earlier."""
    if a.pronoun:
        kind = _KIND_OF_PRONOUN.search(a.raw)
        if kind and acc.source is not None and vocabulary().source_kind(acc.source.value) not in _KINDS[kind.group(1).lower()]:
            body = next((acc.named[k] for k in _KINDS[kind.group(1).lower()] if k in acc.named), None)
            return body.value if body is not None else None  # "the agency" is no army named before
        return acc.source.value if acc.source else None
    titled = TITLE_THEN_NAME.fullmatch(a.name.rstrip("."))
    if titled:  # "Governor Oleh Syniehubov said": the governor of the place the account tells of (GUIDE: the office)
        return titled_office(a.name, acc, sent)
    if person_only(a):
        office = acc.offices.get(a.raw.rstrip("."), a.name)
        return titled_office(office, acc, sent, fallback=a.name) if office in BARE_TITLES else office
    if a.name.lower().startswith(("provincial ", "the provincial ")):  # "the provincial governor's office"
        own = [m[2] for m in (sent.places if sent is not None else []) if m[3] == 2]
        region = own[-1] if own else acc.region.value if acc.region is not None else acc.city
        if region:
            return f"{region} {a.name.split(' ', 1 if a.name.startswith('provincial') else 2)[-1]}"
    return a.name


def titled_office(name: str, acc: Account, sent: Sentence | None, fallback: str | None = None) -> str:
    """A title without its place ("governor", "Governor Oleh Syniehubov") as the office of the province
    or city the sentence names, else of the last one named ("Kharkiv governor"); the name as it is
    when none is known."""
    titled = TITLE_THEN_NAME.fullmatch(name.rstrip("."))
    office = ("governor" if titled.group(1) == "Gov." else " ".join(titled.group(1).lower().split())) if titled else name
    if office not in BARE_TITLES:
        return name
    own = [m[2] for m in (sent.places if sent is not None else []) if m[3] in (2, 3)]
    region = own[0] if own else acc.region.value if acc.region is not None else None
    return f"{region} {office}" if region else fallback or name


# a sentence opening a quotation right after a speaker ("... said the governor. "I saw two women dead"): theirs
_OPENS_QUOTE = re.compile(r"^\s*[\"“]")
# a remark set off by a pair of dashes ("18 people – eight of them children – were killed") breaks no clause
_INSET = re.compile(r"\s[-–—]\s[^-–—;]{1,80}?\s[-–—]\s")


def _quote_goes_on(sent: Sentence, report: Report, back: int) -> bool:
    """Whether a sentence opens a quotation just after a quoted speaker's sentence ("We ran out," said the
    governor. "I saw two women dead ..."): the same speaker goes on."""
    if back != 1 or not _OPENS_QUOTE.match(sent.text) or sent.index == 0:
        return False
    prev = report.sentences[sent.index - 1]
    before = prev.text.rstrip()
    closing = any(len(before) - a.cue_start <= 60 for a in prev.attributions if not a.pronoun)  # "..., according to RT."
    return bool(re.search(r"[\"“”]", before) or before.endswith(":") or closing)


# the kinds of source a pronoun-like description can stand for ("the agency said")
_KIND_OF_PRONOUN = re.compile(r"\b(agency|monitor|ministry|group|broadcaster|channel|newspaper|station|outlet|daily|"
                              r"reporter|correspondent)\b", re.I)
_OUTLETS = ("state_media", "news_outlet")
_KINDS = {"agency": _OUTLETS, "broadcaster": _OUTLETS, "channel": _OUTLETS, "newspaper": _OUTLETS, "station": _OUTLETS,
          "outlet": _OUTLETS, "daily": _OUTLETS, "reporter": _OUTLETS, "correspondent": _OUTLETS, "monitor": ("monitor",), "ministry": ("medical", "official", "belligerent"),
          "group": ("monitor", "un_ngo", "activists", "belligerent")}
_DESCRIPTION = re.compile(r"(?:^|\b)(?:the|this|that|an?)\s+(?:[\w-]+\s+){0,3}?(?:group|organi[sz]ation|watchdog|monitor|"
                          r"agency|body|charity|ministry|network|service|committee|council|office|broadcaster|"
                          r"channel|television|newspaper|outlet)$", re.I)
# "the New York-based group": where a body sits describes it, it does not name it
_BASED = re.compile(r"^(?:the\s+)?(?:[A-Z][\w.'’]*[\s-])*[A-Z][\w.'’]*-based\s+[a-z][\w\s-]*$")
# a description of one kind can stand for a body of these kinds ("the news agency" for state media)
_STANDS_FOR = {"news_outlet": ("news_outlet", "state_media"), "state_media": ("state_media",)}


def _described(a: Attribution, sent: Sentence, acc: Account, report: Report) -> str | None:
    """The body that a description speaking here stands for, if the description is no known name
    itself: a definite one ("the rights group") the body of its kind named before (Human Rights
    Watch); an indefinite one ("a leading rights group says") the body of its kind that the next
    sentences name."""
    if a.known or a.pronoun or not a.raw:
        return None
    text = sent.text
    at = text.rfind(a.raw, 0, a.cue_start) if not a.forward else text.find(a.raw, a.cue_end)
    if at < 0 or not (a.raw.islower() or _BASED.match(a.raw)):  # "the Anbar council" is a name, not a description
        return None
    described = _DESCRIPTION.search(text[at:at + len(a.raw)]) or _DESCRIPTION.search(text[max(0, at - 30):at + len(a.raw)])
    if not described:
        return None
    v = vocabulary()
    kind = v.source_kind(a.name)
    kinds = _STANDS_FOR.get(kind, (kind,))
    if re.search(r"\b(?:group|organi[sz]ation|watchdog|charity|body)$", a.raw.strip(" ,."), re.I) \
            and not re.search(r"\b(?:news|media|agency|broadcaster)\b", a.raw, re.I):
        kinds = _KINDS["group"]  # "the New York-based group": a monitor, rights group or activists named before
    if described.group().lower().startswith(("a ", "an ")):
        for later in report.sentences[sent.index + 1:sent.index + 3]:
            named = [b for b in later.attributions if b.known and v.source_kind(b.name) in kinds]
            if named:
                return named[0].name
        return None
    body = next((acc.named[k] for k in kinds if k in acc.named), None)
    return body.value if body is not None else None


def _speaks_on(report: Report, index: int) -> bool:
    """Whether sentence ``index`` goes on with the account's speaker by a pronoun ("the sources added",
    "وأشارت المصادر"), naming no one new and opening no other event: the unattributed sentence before it
    is told by that speaker (GUIDE: no other source cited in between)."""
    if index >= len(report.sentences):
        return False
    later = report.sentences[index]
    return bool(later.attributions) and all(a.pronoun for a in later.attributions) \
        and not (later.new_event or later.elsewhere)


def _relayed_by_media(cited: Attribution, atts: list[Attribution]) -> bool:
    """Whether the speaker relaying a cited source is a news outlet ("SANA reported, citing a police source"):
    the one cited asserts the figure. A monitor citing its own sources ("the Observatory said, citing medical
    sources") compiled the figure and stays its source."""
    before = [a for a in atts if a.cue_end <= cited.cue_start and cited.cue_start - a.cue_end <= 40]
    return bool(before) and vocabulary().source_kind(before[-1].name) in ("news_outlet", "state_media")


def source_candidates(d: Draft, report: Report, acc: Account, others: list[Draft]) -> list[Candidate]:
    """Every source the report offers for ``d``; ``others`` are the other claims of its sentence."""
    sent = d.sentence
    rel = d.rel
    out: list[Candidate] = []
    if d.denier is not None:
        v = vocabulary()
        before = sent.text[d.denier[0]:d.denier[1]]
        named = v.source_mentions(before, report.country)
        acting = [m for m in v.actor_mentions(before, report.country)]
        if named:
            out.append(Candidate(named[-1].label, "who denies", {"denier": 1.0}, before[named[-1].start:named[-1].end]))
        elif acting:
            out.append(Candidate(acting[-1].label, "who denies", {"denier": 1.0, "denier.actor": 1.0},
                                 before[acting[-1].start:acting[-1].end]))
    atts = sent.attributions
    cues = report.reader.cues
    order = sorted(range(len(atts)), key=lambda i: distance((atts[i].cue_start, atts[i].cue_end), rel))
    for rank, i in enumerate(order):
        a = atts[i]
        value = speaker_value(a, acc, sent)
        if value is None:
            continue
        cue = (a.cue_start, a.cue_end)
        lo, hi = min(cue[0], rel[0]), max(cue[1], rel[1])
        between = [o for o in others if o is not d and lo <= o.rel[0] and o.rel[1] <= hi]
        f = {"att": 1.0, "att.nearest": float(rank == 0), "att.dist": min(distance(cue, rel), 300) / 100,
             "att.after": float(cue[0] >= rel[1]), "att.forward": float(a.forward), "att.known": float(a.known),
             "att.pronoun": float(a.pronoun), "att.person": float(person_only(a)),
             "att.between": float(bool(between)), "att.break": float(bool(cues.clause_break.search(_INSET.sub(" ", sent.text[lo:hi])))),
             "att.quote": float(bool(cues.quote.search(sent.text[lo:hi]))), "att.many": float(len(atts) > 1),
             "att.cited": float(a.cited and _relayed_by_media(a, atts))}
        body = _described(a, sent, acc, report)
        if body is not None:  # "the rights group said": the rights group named before (GUIDE: use the name)
            value = body
        out.append(Candidate(value, "this sentence", f, sent.text[cue[0]:cue[1]] + " — " + a.raw))
    if acc.source is not None:
        back = sent.index - acc.source.sentence
        f = {"acc": 1.0, f"acc.back.{bucket(back, (0, 1, 2, 4))}": 1.0, "acc.continues": float(sent.continues),
             "acc.has_att": float(bool(atts)), "acc.new_event": float(acc.new_event_at > acc.source.sentence),
             "acc.last_claim": float(acc.claim_source is not None and acc.claim_source.value == acc.source.value),
             "acc.breakdown": float(d.breakdown), "acc.elsewhere": float(sent.elsewhere or sent.new_event),
             "acc.title": float(d.span[0] < report.title_end),
             # "... Al Jazeera reported. The blast killed 12": the account's harm, told on (GUIDE: that source)
             "acc.tied": float(not atts and back <= 1 and (sent.has(cues, "tied") or sent.has(cues, "adds")
                                                           or bool(cues.anaphor.match(sent.text))
                                                           or _quote_goes_on(sent, report, back))),
             "acc.sandwich": float(not atts and back <= 1 and _speaks_on(report, sent.index + 1))}
        out.append(Candidate(acc.source.value, "the account before", f, acc.source.how))
    if acc.claim_source is not None and (acc.source is None or acc.claim_source.value != acc.source.value):
        back = sent.index - acc.claim_source.sentence
        f = {"prev": 1.0, f"prev.back.{bucket(back, (0, 1, 2))}": 1.0, "prev.continues": float(sent.continues),
             "prev.has_att": float(bool(atts)), "prev.breakdown": float(d.breakdown)}
        out.append(Candidate(acc.claim_source.value, "the claim before", f, acc.claim_source.how))
    for later in report.sentences[sent.index + 1:sent.index + 3]:
        named = [a for a in later.attributions if not a.pronoun]
        if later.new_event or later.elsewhere:
            break
        if named:
            figure = str(d.low if d.low is not None else d.high or "")
            f = {"next": 1.0, f"next.back.{later.index - sent.index}": 1.0, "next.has_att": float(bool(atts)),
                 "next.lead": float(sent.index <= 1 or acc.claims == 0), "next.title": float(d.span[0] < report.title_end),
                 "next.same": float(bool(figure) and figure in later.text),
                 # the sentence right after breaks this figure down ("four women were among those killed, X
                 # said"): the body attributes the lead (GUIDE, Sources)
                 # the body restating it whole is the same claim (the lead goes); a figure told as an addition
                 # ("... have also been killed") is the writer's
                 "next.refers": float(not atts and later.index == sent.index + 1 and later.has(cues, "refers_back")
                                      and not (figure and figure in later.text) and not sent.has(cues, "other_harm")
                                      and not sent.has(cues, "adds")),
                 "next.acc": float(acc.source is not None)}
            out.append(Candidate(named[0].name, "a sentence after", f, later.text[named[0].cue_start:named[0].cue_end]
                                 + " — " + named[0].raw))
            break
    f = {"rep": 1.0, "rep.has_att": float(bool(atts)), "rep.title": float(d.span[0] < report.title_end),
         "rep.first": float(sent.index == 0), "rep.acc": float(acc.source is not None)}
    if report.credit:  # the page reprints a body's statement: where no one is named, that body speaks
        out.append(Candidate(report.credit, "no one named: the page's credit line", f, "Source: " + report.credit))
    else:
        out.append(Candidate("reporter", "no one named", f))
    return out

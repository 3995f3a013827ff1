"""The one decision among candidates, for every field: weighted features, a softmax, the best value.

Each candidate's score is the sum of its features times their weights; the probabilities of the
candidates are the softmax of the scores; candidates that give the same value pool their
probability, and the value with the most wins. The weights are data
(``civcas/extract/data/weights.json``), fitted on the gold sets by ``tools/train_decisions.py``;
nothing is trained at run time. A claim's ``confidence`` comes from its fields'
probabilities through a logistic calibration fitted on held-out predictions (same file).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..vocab import fold
from .candidates import Candidate

FIELDS = ("source", "place", "perpetrator", "event_date")

# Contract rules: readings the guide settles but the gold sets hold too few examples of for a fitted
# weight to learn. Each is a fixed weight added to the fitted one (the trainer fits the others around
# it and never moves it), so a rule is one more feature of the same decision, shown in explanations.
RULES: dict[str, dict[str, float]] = {
    # a belligerent speaking of "its campaign" / "our strikes" reports harm it caused: it is the perpetrator
    "perpetrator": {"self.own_action": 4.0, "refine.child": 1.0,
                    # ... but one telling of civilians or people killed, owning no act, tells of others' harm
                    "self.others": -1.5,
                    # a government's voice telling of its own security forces killed did not kill them
                    "self.own_side": -3.0,
                    # allies named acting together for the harm ("Russian and regime warplanes killed 26") did it
                    # together (GUIDE: "Syrian government forces and Russia"), not the nearest one alone
                    "join.allied": 4.0, "m.in_join": -2.0,
                    # a general term ("terrorists", "militants") is the group the account itself names as
                    # acting (GUIDE: the article's own term only where no group is named)
                    "refine.near": 1.5,
                    # ... or the group the report has claim the attack, or blames for it
                    "refine.blamed": 1.5,
                    # a general term ("a suicide bomber") is the article's word for one harm, not carried to others
                    "acc.single": -2.0, "prev.single": -2.0, "doc.single": -2.0,
                    # a bomb that names no one is not charged to the party the report blames most
                    "doc.planted": -1.5, "acc.planted": -1.5, "prev.planted": -1.5,
                    # "there was no immediate claim of responsibility": no actor carried from elsewhere
                    "acc.unclaimed": -2.5, "prev.unclaimed": -2.5, "doc.unclaimed": -2.5,
                    # harm from the air is not carried over to a party without aircraft (actors.toml `air`)
                    "acc.grounded": -2.5, "prev.grounded": -2.5, "doc.grounded": -2.5, "refine.grounded": -2.5,
                    # the victims' own side did not do the harm ("30 IS fighters were killed" is not IS's doing)
                    "acc.victims": -2.0, "doc.victims": -2.0,
                    # the sentence tells harm of another day than the account's attacker's claim
                    "acc.other_day": -1.5,
                    # harm in fighting whose sentence names no side is no one's on the account's or report's say
                    "acc.fighting": -1.0, "doc.fighting": -1.0,
                    # ... unless the victims are one side's men and it is the one side named against them
                    "acc.opponent": 1.0, "doc.opponent": 1.0,
                    # a perpetrator comes from this harm's own account, never from another incident's (GUIDE)
                    "doc.away": -1.5,
                    # the sentence after blames one party for the attack ("..., blaming the attack on X")
                    "next.blamed": 1.5, "next.has_own": -2.0,
                    # rival candidates named for this harm ("by X, Y or both"; "X was responsible, but Y denied
                    # involvement" right after) make it contested (GUIDE)
                    "rivals.named": 3.0,
                    # the side one party accuses, in a report where it rejects the charge, is not named for it
                    # the attack the figure was killed or hurt in names who did it ("killed in a Russian airstrike")
                    "m.means": 2.0,
                    "m.accused": -3.0, "acc.accused": -3.0, "prev.accused": -3.0, "doc.accused": -3.0,
                    # ... and the claims of its account that name no one are contested, as the charge itself
                    "rivals.accused": 1.5},
    # a place named only as an official's jurisdiction ("the Anbar governor said") is not where harm happened
    "place": {"p.office": -3.0,
              # "in X in Qalamoun": the region or city named only to locate the finer place before it
              "p.holds": -1.0,
              # a single street, square or building goes up to its town (GUIDE, Places)
              "p.rank.6": -3.0, "head.rank.6": -3.0,
              # "targeted the two neighbourhoods, injuring three in X": X, not the city the plural stands for
              "kindref.own_finer": -2.0,
              # a total over a campaign the report names in two countries ("in Iraq and Syria") is no one country's
              "country.theatres": -2.0,
              # harm over "two neighbourhoods" or "several villages" is not the one place named a sentence after
              "later.plural": -2.0,
              # "another district of the city", "other parts of the province": not the account's place
              "acc.another": -3.0,
              # "injured in the attacks in these areas": not the one place of the account before
              "acc.plural_ref": -2.0,
              # harm of weeks before the day the account tells, told for comparison, is another attack's
              "acc.earlier": -2.0,
              # a war's toll ("hundreds of thousands", "thousands of civilians") is the country's, not the town's
              # the report is about
              "country.big": 1.0,
              # a lead naming only the country or province takes the place the next sentences say the attack hit
              "later.lead": 1.0,
              # a place named only as a reference point is the place when nothing nearer is named (GUIDE):
              # the town the next sentences name is nearer
              "later.own_ref": 1.5,
              # a total over a period ("... killed in Syria since 2016") is not the place of the attack told next
              "later.cumulative": -1.5,
              # "killed in air strikes across the Gaza Strip": the region the harm was spread over
              "p.across": 3.0},
    # an unattributed sentence telling on the harm of one source's account takes that source
    "source": {"acc.tied": 1.5,
               # "SANA reported, citing a police source": the one cited asserts the figure, the outlet relays it
               "att.cited": 2.0,
               # an unattributed sentence between two of one speaker's ("... said X. Two more were killed in Y.
               # The sources added ..."): that speaker's (GUIDE: no other source cited in between)
               "acc.sandwich": 2.0,
               # an unattributed figure the next sentence breaks down and attributes takes that source (GUIDE)
               "next.refers": 2.0},
    # a whole month named in the claim's sentence is more often another event's time than the harm's
    "event_date": {"sent.month": -2.5,
                   # a day named after the claim for another harm ("... were also killed yesterday") is not this
                   # harm's day (GUIDE: a date is inherited only when the text ties the harm to it)
                   "later.other": -2.0,
                   # "Mortar fire also wounded three in X": harm added by "also" alone, with its own attacker and no
                   # reference back to the attack told, is not tied to that attack's day (GUIDE: never connectives alone)
                   "acc.untied_also": -2.5,
                   # "The death toll from ... has risen to 61": an updated toll is dated by the attack told next
                   "later.toll": 1.0,
                   # a day named for the statement ("in a report issued Wednesday") does not date the harm (GUIDE)
                   "sent.telling": -3.5, "later.telling": -3.5,
                   # a month or season the account holds is a period, not the day of a harm told after it
                   "acc.span": -2.5,
                   # ... and so is one named in the sentences after it ("in June", "last year")
                   "later.span": -2.5,
                   # "in recent days": the harm's own period is vague, the account's day does not fix it
                   "acc.vague": -2.5,
                   # "..., a monitor said. The Saturday strike hit ...": the day named for the attack told next
                   "later.attack": 1.0},
}


def with_rules(field: str, weights: dict[str, float]) -> dict[str, float]:
    """``weights`` with the field's contract rules added (see :data:`RULES`)."""
    rules = RULES.get(field)
    if not rules:
        return weights
    out = dict(weights)
    for k, v in rules.items():
        out[k] = out.get(k, 0.0) + v
    return out

# what a feature says, for explanations ("+1.3 the nearest reporting verb")
WORDS = {
    "att": "a speaker in the claim's sentence", "att.nearest": "the speaker nearest the figure",
    "att.dist": "characters between speaker and figure (per 100)", "att.after": "named after the figure",
    "att.forward": "\"according to\"", "att.known": "a known source", "att.pronoun": "a pronoun for the source before",
    "att.person": "a person named before with an office", "att.between": "another figure stands between",
    "att.break": "a clause break stands between", "att.quote": "a quotation stands between",
    "acc": "the account the sentence continues", "acc.continues": "the sentence continues the account",
    "acc.has_att": "the sentence names a speaker of its own", "acc.has_own": "the sentence names its own",
    "acc.new_event": "another event was opened since",
    "acc.plural_ref": "the sentence refers back to several places", "acc.earlier": "harm of weeks before the account's day", "acc.elsewhere": "the sentence moves elsewhere",
    "acc.grounded": "harm from the air, an actor without aircraft", "prev.grounded": "harm from the air, an actor without aircraft",
    "doc.grounded": "harm from the air, an actor without aircraft", "refine.grounded": "harm from the air, an actor without aircraft",
    "acc.tied": "the sentence ties the harm to the one before, adds to it or goes on quoting", "acc.loose": "only a connective links the sentences",
    "rep": "no one named: the reporter", "rep.has_att": "the sentence names a speaker",
    "prev": "the claim or sentence just before", "denier": "the party that denies",
    "m": "named in the claim's sentence", "m.nearest": "the actor nearest the figure", "m.role.2": "named as acting",
    "m.role.1": "named in passing", "m.role.0": "named as a target or speaker", "m.victims": "the victims' own side",
    "m.generic": "a generic term", "m.fighting": "harm in fighting", "join": "named together in the sentence",
    "join.contested": "rival candidates", "doc": "the actor the report blames most", "doc.away": "named only in another event's account", "next.blamed": "blamed in the sentence after", "next.has_own": "the sentence names its own", "doc.share": "share of the report's blame",
    "rivals": "the report names rival candidates", "rivals.named": "rivals named for this harm",
    "next.refers": "the next sentence breaks this figure down",
    "acc.sandwich": "the next sentence goes on with the account's speaker",
    "m.accused": "accused by another side, who is rebutted",
    "m.means": "the attack the figure was harmed in",
    "refine.blamed": "the group the report names, claiming or blamed for an attack",
    "self.others": "one attack's civilians or people, the voice owning no act",
    "self.own_side": "its own side's security forces", "join.allied": "allies acting together", "m.in_join": "one of allies acting together",
    "acc.accused": "accused by another side, who is rebutted", "prev.accused": "accused by another side, who is rebutted",
    "doc.accused": "accused by another side, who is rebutted",
    "rivals.accused": "a rebutted accusation, the sentence names no one",
    "later.cumulative": "a total over a period", "p.across": "harm spread across it",
    "acc.span": "a period of more than a week, not a day",
    "later.span": "a period of more than a week named after, not a day",
    "acc.vague": "the sentence names a vague period of its own",
    "later.attack": "the day named for the attack itself",
    "acc.untied_also": "only \"also\" adds this harm, done by a subject of its own",
    "later.toll": "an updated toll, its attack told after",
    "sent.telling": "the day of a statement, not of the harm", "later.telling": "the day of a statement, not of the harm",
    "acc.unclaimed": "no one claimed the attack", "prev.unclaimed": "no one claimed the attack",
    "doc.unclaimed": "no one claimed the attack", "self": "the source is the actor's own voice",
    "none": "nothing", "none.fighting": "harm in fighting (no one side)", "none.cumulative": "a total over a period",
    "p": "named in the claim's sentence", "p.zone": "in the claim's own clause", "p.top": "the most specific there",
    "p.near": "a reference point (\"near\")", "p.in": "\"in\"/\"at\" the place", "p.list": "one of a list",
    "p.foreign": "outside the report's country",
    "p.office": "the jurisdiction of an official (\"the X governor\")", "p.holds": "only locating a finer place named before it", "list_region": "the region holding the places listed",
    "there": "\"there\"", "kindref": "a definite description (\"the district\")", "later": "a sentence after",
    "head": "the headline", "country": "the report's country", "sent": "named in the claim's sentence",
    "sent.nearest": "the day nearest the figure", "none.regions": "several regions", "none.nationwide": "across the country",
    "incident_in": "the next sentence opens on the incident's place",
    "refined": "the place named here, made specific by the next sentence", "defref": "a body of that kind named before",
}


# the candidate a family of features speaks about, and what its conditions say
_WHO = {"acc": "the account before", "att": "the speaker", "m": "the actor named", "p": "the place named",
        "doc": "the report's main actor", "prev": "the one just before", "next": "the speaker a sentence after",
        "later": "the one a sentence after", "head": "the headline's place", "country": "the report's country",
        "none": "no value", "rep": "the reporter", "sent": "the day named", "self": "the source's own side",
        "rivals": "rival candidates", "refine": "the group the report names", "holder": "the place holding the list",
        "join": "actors named together", "denier": "who denies"}
_WHEN = {"has_own": "when the sentence names its own", "cumulative": "for a total over a period",
         "fighting": "for harm in fighting", "moved": "when the place changed since", "breakdown": "for a breakdown",
         "title": "in the headline", "victims": "when it is the victims' side", "war": "for the war as a whole",
         "campaign": "for a campaign", "big": "for a war's toll (50,000 or more, or \"thousands\")", "denial": "for a denial",
         "among": "for \"among\" the victims", "another": "when the sentence tells of another part of it", "better": "when it is more specific", "strike": "where a strike hit",
         "refines": "lying inside the place named", "finer": "finer than the place named", "own_rank": "by how "
         "specific the sentence's own place is", "last_claim": "when the last claim had it", "lead": "for a lead",
         "same": "when the figure is repeated there", "has_att": "when the sentence names a speaker",
         "continues": "when the sentence continues the account", "first": "in the first sentence",
         "acc": "when an account exists", "casualty": "in a casualty sentence", "typed": "named with its kind",
         "struck": "where something was hit", "inside": "inside the sentence's region", "before": "written before",
         "dist": "distance from the figure (per 100 characters)", "many": "when there are several",
         "speaker": "inside a speaker's description", "several": "when several places are named",
         "distinct": "by how many places are named", "frame": "framing the sentence", "nearest": "nearest the figure",
         "countries": "when several countries are named", "list": "for a list of places", "loose": "when only a "
         "connective links the sentences", "tied": "when tied to the harm before", "mentions": "when actors are named",
         "alone": "when it is the only one", "near": "acting in the account itself",
         "own_ref": "when the sentence names reference points only",
         "own_finer": "when the figure's own quarter is named",
         "plural": "when the harm was over several places",
         "theatres": "for a campaign in two countries",
         "other": "when it tells another harm", "child": "a group of the term's side", "carried": "for a carried term",
         "attack": "for \"the attack\"", "opening": "when named before any claim", "own_action": "for its own acts",
         "generic": "a general term", "elsewhere": "when the sentence moves elsewhere", "new_event": "after another "
         "event", "cited": "relayed by another speaker", "account": "from the account", "headline": "from the headline",
         "actor": "an actor, not a source", "regions": "over several regions", "nationwide": "across the country"}
_RANK = {"0": "a country", "1": "a country or region", "2": "a province", "3": "a city", "4": "a town",
         "5": "a village or quarter", "6": "a street or building"}


def words(key: str) -> str:
    """What a feature says, in words ("acc.back.1" -> "the account before: 1 sentence back")."""
    if "|" in key:  # "ar|acc.back.1": what Arabic reports add to the shared weight
        language, _, base = key.partition("|")
        return f"{words(base)} (in {language} reports)"
    if key in WORDS:
        return WORDS[key]
    if key == "origins":
        return "offered by several parts of the report"
    head, _, rest = key.partition(".")
    who = _WHO.get(head, head)
    if not rest:
        return who
    kind, _, value = rest.partition(".")
    if kind == "back" and value:
        return f"{who}: {value} sentence(s) back"
    if kind == "rank" and value:
        return f"{who}: {_RANK.get(value, value)}"
    if kind == "level" and value:
        return f"{who}: the gazetteer knows it as {'no big place' if value == 'none' else 'a ' + value}"
    if kind == "count" and value:
        return f"{who}: named {value} time(s)"
    if kind == "kind" and value:
        return f"{who}: written as {value}"
    if kind == "role" and value:
        return f"{who}: role {value}"
    return f"{who}, {_WHEN.get(kind, kind.replace('_', ' '))}"


@dataclass(frozen=True)
class Scored:
    """A candidate with its score and probability (:func:`reasons` says which features moved it)."""

    candidate: Candidate
    score: float
    probability: float

    def __init__(self, candidate: Candidate, score: float, probability: float) -> None:
        d = self.__dict__  # (faster than the frozen dataclass's object.__setattr__ per field; see Candidate)
        d["candidate"] = candidate
        d["score"] = score
        d["probability"] = probability


@dataclass(frozen=True)
class Decision:
    """The value chosen for a field, its probability and everything considered (best first)."""

    value: str | None
    probability: float
    scored: tuple[Scored, ...]
    weights: dict[str, float]


@lru_cache(maxsize=1)
def model() -> dict:
    """The fitted weights and calibration (``data/weights.json``)."""
    raw = resources.files("civcas.extract").joinpath("data/weights.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    data["weights"] = {f: with_rules(f, data["weights"].get(f, {})) for f in FIELDS}
    return data


def _key(value: str | None) -> str | None:
    return None if value is None else fold(value)


def decide(field: str, candidates: list[Candidate], weights: dict[str, float] | None = None) -> Decision:
    """Choose among ``candidates`` for ``field`` (see module doc)."""
    w = with_rules(field, weights) if weights is not None else model()["weights"].get(field, {})
    get = w.get
    scores = [sum([get(k, 0.0) * x for k, x in c.features.items()]) for c in candidates]  # (a list sums as fast, in order)
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    probs = [x / total for x in exps]
    pooled: dict[str | None, float] = {}
    first: dict[str | None, int] = {}
    for i, c in enumerate(candidates):
        k = _key(c.value)
        pooled[k] = pooled.get(k, 0.0) + probs[i]
        first.setdefault(k, i)
    best = max(pooled, key=lambda k: (pooled[k], -first[k]))
    chosen = max((i for i, c in enumerate(candidates) if _key(c.value) == best), key=lambda i: probs[i])
    scored = tuple(sorted((Scored(c, scores[i], probs[i]) for i, c in enumerate(candidates)),
                          key=lambda s: -s.probability))
    return Decision(candidates[chosen].value, pooled[best], scored, w)


def reasons(c: Candidate, w: dict[str, float], most: int = 3) -> tuple[str, ...]:
    """The features that moved a candidate most, in words ("+1.30 the speaker nearest the figure")."""
    parts = sorted(((w.get(k, 0.0) * x, k) for k, x in c.features.items() if w.get(k, 0.0) * x), key=lambda p: -abs(p[0]))
    return tuple(f"{v:+.2f} {words(k)}" for v, k in parts[:most])


def confidence_features(decisions: dict[str, Decision], qualifier: str, scope: str) -> dict[str, float]:
    """What a claim's confidence is read from: each decision's log-probability, whether its value
    came from the claim's own sentence, whether it is empty ("reporter", no place), and the kind of
    figure (vague, a total over a period)."""
    f: dict[str, float] = {"vague": float(qualifier == "vague"), "cumulative": float(scope == "cumulative")}
    for name, dec in decisions.items():
        top = dec.scored[0].candidate if dec.scored else None
        f[f"lp.{name}"] = math.log(max(dec.probability, 1e-4))
        f[f"own.{name}"] = float(top is not None and top.origin.startswith("this sentence"))
        f[f"empty.{name}"] = float(dec.value in (None, "reporter"))
    return f


def calibrated(features: dict[str, float]) -> float:
    """A claim's confidence: a logistic model of whether the claim is right (a gold claim with its
    four fields as the gold has them), fitted on held-out predictions by ``tools/train_decisions.py``:
    claims given 0.9 are right about 90% of the time (``bench/calibration.py``)."""
    cal = model().get("confidence") or {}
    if not cal:
        return round(math.exp(sum(v for k, v in features.items() if k.startswith("lp."))), 3)
    z = cal["bias"] + sum(w * features.get(k, 0.0) for k, w in cal["weights"].items())
    return round(1 / (1 + math.exp(-z)), 3)

"""What the second pass of resolution compares a group by (:class:`Summary`), and what only its
rarer rules read (:class:`Traits`): the group's claims, place, days, perpetrators, shared figures,
sentences, sites and means, kept up to date as groups are joined (:mod:`consolidate`)."""
from __future__ import annotations

import re

from ..assess.parts import part_figure
from ..records import Claim, Location
from ..vocab import names
from .features import figure_kind as _kind
from .features import figure_span as _figure
from .features import known_actor

SHARED_FIGURE_MIN = 20
HARM = ("killed", "injured")
# a report that the toll rose: "the death toll rose to", "has reached at least", "raised the
# toll", "updating a previous toll", "an updated toll"
_RISING = re.compile(r"\btoll\b[^.;]{0,60}?\b(?:rose|risen|rises|rising|climbed|climbs|reached|"
                     r"reaches|increased|jumped|mounted)\b|\b(?:raised|raising|updated|updating|"
                     r"previous|earlier)\b[^.;]{0,30}?\btolls?\b", re.IGNORECASE)
Spot = tuple[Location, int, int, "tuple[int, int] | None"]  # where, padded window, named days


class Summary:
    """What a group is compared by in the second pass."""

    def __init__(self, seq: int, claims: list[Claim], location: Location | None,
                 spots: list[Spot], parts: list[bool] | None = None) -> None:
        """``parts``: :func:`~civcas.assess.parts.part_figure` of each claim, when known."""
        self.seq = seq
        self.claims = claims
        self.location = location  # the group's (its most precise member's)
        self.spots = spots  # each placed member's where and when
        self.perps = {p for c in claims
                      if (p := known_actor(c.perpetrator)) not in (None, "contested")}
        self.figures = {(c.outcome, n) for c in claims if c.qualifier not in ("vague", "none")
                        and c.outcome in ("killed", "injured")
                        for n in (c.low, c.high) if n is not None and n >= SHARED_FIGURE_MIN}
        self.sentences = {_key(c.sentence) for c in claims if len(c.sentence) > 40}
        # the figures compared (a part of a toll told beside it is no rival: assess.parts)
        parts = parts if parts is not None else [part_figure(c) for c in claims]
        self.spans = [((c.outcome, _kind(c.victims)), f) for c, part in zip(claims, parts)
                      if not part and (f := _figure(c)) is not None]
        self.documents = {c.document_id for c in claims}
        self._traits: Traits | None = None  # read from the claims when first asked
        self._sites: set[str] | None = None
        self._means: set[str] | None = None

    @property
    def sites(self) -> set[str]:
        """The kinds of site its harm claims' sentences name ("hospital"), read when first asked."""
        if self._sites is None:
            self._sites = {w for c in self.claims if c.outcome in HARM
                           for w in names.sites_named(c.sentence)}
        return self._sites

    @property
    def means(self) -> set[str]:
        """The rare means of attack named by the sentences of its harm claims that date the
        attack ("chemical"; a report naming no date may have joined the wrong group), read when
        first asked."""
        if self._means is None:
            self._means = {w for c in self.claims if c.outcome in HARM and c.event_date
                           for w in names.rare_means_named(c.sentence)}
        return self._means

    @property
    def common_means(self) -> bool:
        """Its harm claims' sentences name a means of attack that is not rare ("shelling"), read
        when asked (only by :func:`~.consolidate.told_beside_means`)."""
        return any(c.outcome in HARM and names.common_means_named(c.sentence) for c in self.claims)

    @property
    def traits(self) -> Traits:
        """Documents, sites, rising toll, floor and highest figures (:class:`Traits`), read
        from the claims the first time a comparison needs them."""
        if self._traits is None:
            self._traits = Traits.of(self.claims)
        return self._traits

    def copy(self) -> Summary:
        """A copy to merge into (the original stays as it was), without reading claims again."""
        out = Summary.__new__(Summary)
        out.seq, out.claims, out.location = self.seq, list(self.claims), self.location
        out.spots, out.perps, out.figures = list(self.spots), set(self.perps), set(self.figures)
        out.sentences, out.spans = set(self.sentences), list(self.spans)
        out.documents = set(self.documents)
        out._traits = None if self._traits is None else self._traits.copy()
        out._sites = None if self._sites is None else set(self._sites)
        out._means = None if self._means is None else set(self._means)
        return out

    def absorb(self, other: Summary, part: bool = False) -> None:
        """Take in ``other``'s claims; ``part``: one of the two is a part of the other's whole
        (:func:`part_of`): the part's figures stay out of what later merges compare (a part is
        no rival), and the whole keeps its figures."""
        mine, theirs = self.traits, other.traits  # read before the claims are joined
        sites = self.sites | other.sites
        means = None if self._means is None or other._means is None else \
            self._means | other._means
        self.claims.extend(other.claims)
        if not part and other.location is not None and (
                self.location is None or other.location.rank < self.location.rank):
            self.location = other.location
        self.spots.extend(other.spots)
        self.perps |= other.perps
        self.figures |= other.figures
        self.sentences |= other.sentences
        self.documents |= other.documents
        mine.rising = mine.rising or theirs.rising
        self._sites = sites
        self._means = means
        if part:
            if not mine.floor:  # the other is the whole: its place and figures are the group's
                self.location = other.location if other.location is not None else self.location
                self.spans = list(other.spans)
                mine.floor, mine.highest = dict(theirs.floor), dict(theirs.highest)
            return
        self.spans.extend(other.spans)
        for key, n in theirs.floor.items():
            mine.floor[key] = min(mine.floor.get(key, n), n)
        for key, n in theirs.highest.items():
            mine.highest[key] = max(mine.highest.get(key, n), n)


class Traits:
    """What only the rarer rules compare (:func:`part_of`, a rising toll)."""

    def __init__(self, rising: bool, floor: dict[tuple[str, str], int],
                 highest: dict[tuple[str, str], int]) -> None:
        self.rising = rising
        # a toll told over several places ("the villages", "the suburbs"): its smallest figure
        # per kind, which a part (one of those places) stays below
        self.floor = floor
        self.highest = highest  # the largest figure per kind (what a part must stay below)

    @classmethod
    def of(cls, claims: list[Claim]) -> Traits:
        floor: dict[tuple[str, str], int] = {}
        highest: dict[tuple[str, str], int] = {}
        rising = False
        for c in claims:
            if c.outcome not in HARM:
                continue
            f = _figure(c)
            if f is None:
                continue
            key = (c.outcome, _kind(c.victims))
            highest[key] = max(highest.get(key, f[1]), f[1])
            rising = rising or ("toll" in c.sentence.lower()
                                and _RISING.search(c.sentence) is not None)
            if names.names_several_places(c.sentence) and not part_figure(c):
                floor[key] = min(floor.get(key, f[0]), f[0])
        return cls(rising, floor, highest)

    def copy(self) -> Traits:
        return Traits(self.rising, dict(self.floor), dict(self.highest))


def _key(sentence: str) -> str:
    return " ".join(names.fold_text(sentence).split())

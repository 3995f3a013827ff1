"""The review desk's cached view of one ledger: every incident, the claims' homes, the
list's index and the judgements, at one ledger *revision*; and each incident's *version*.

:class:`civcas.api.Desk` keeps one :class:`View` and replaces it when the ledger's
revision changes: in part (:meth:`View.patched`) when the audit entries since are only
judgements (each names the incidents it replaced and added) and user changes, else whole
(:meth:`View.load`). An incident's version is a hash of the incident (its claims as
corrected) and the judgements about it (:func:`relevant`): a judgement naming an older
version is refused.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..errors import NotFound
from ..records import Facets, Incident, Judgement
from ..review import query
from ..store import Ledger


@dataclass
class View:
    revision: int
    incidents: list[Incident]
    by_id: dict[str, Incident]
    home: dict[str, str]  # claim id -> incident id
    index: query.Index
    judgements: list[Judgement]
    facets: Facets
    origin: dict[str, str] | None = None  # incident id (from a claim) -> that claim's id

    @classmethod
    def load(cls, ledger: Ledger, revision: int,
             threshold: float = query.LOW_CONFIDENCE) -> View:
        incidents = ledger.incidents()
        judgements = sorted(ledger.judgements(), key=lambda j: j.at)
        return cls(revision=revision, incidents=incidents,
                   by_id={i.id: i for i in incidents},
                   home={c: i.id for i in incidents for c in i.claim_ids},
                   index=query.Index(incidents,
                                     reviews=query.reviews_of(incidents, judgements),
                                     confidences=ledger.claim_confidences(),
                                     threshold=threshold),
                   judgements=judgements,
                   facets=query.facets(incidents))


    def patched(self, ledger: Ledger, revision: int,
                entries: list[tuple[str, str, dict]]) -> View | None:
        """This view moved on to ``revision`` by re-reading only the incidents the audit
        ``entries`` since it replaced or added; None when an entry is not such a change."""
        touched: set[str] = set()
        for action, target, detail in entries:
            if action.startswith(("judge:", "user:", "login:")):
                continue
            if (action != "resolve" or target != "part" or not isinstance(
                    detail.get("replaced"), list) or not isinstance(detail.get("added"), list)):
                return None
            touched.update(str(i) for i in (*detail["replaced"], *detail["added"]))
        if not touched and not any(a.startswith("judge:") for a, _, _ in entries):
            return replace(self, revision=revision)  # logins, users: no incident changed
        if not touched:
            judgements = sorted(ledger.judgements(), key=lambda j: j.at)
            index = self.index.rejudged(query.reviews_of(self.incidents, judgements))
            return replace(self, revision=revision, judgements=judgements, index=index)
        new = []
        for incident_id in sorted(touched):  # as stored now (a later change may remove one)
            try:
                new.append(ledger.incident(incident_id))
            except NotFound:
                pass
        home = dict(self.home)
        for incident_id in touched & self.by_id.keys():
            for c in self.by_id[incident_id].claim_ids:
                if home.get(c) == incident_id:
                    del home[c]
        home.update((c, i.id) for i in new for c in i.claim_ids)
        incidents = [i for i in self.incidents if i.id not in touched] + new
        judgements = sorted(ledger.judgements(), key=lambda j: j.at)
        return View(revision=revision, incidents=incidents,
                     by_id={i.id: i for i in incidents}, home=home,
                     index=self.index.patched(touched, new,
                                              query.reviews_of(incidents, judgements)),
                     judgements=judgements,
                     facets=query.facets(incidents))


def relevant(incident: Incident, judgements: Iterable[Judgement]) -> list[Judgement]:
    """The judgements about ``incident`` or any of its claims, in the order given."""
    claims = set(incident.claim_ids)
    out = []
    for j in judgements:
        p = dict(j.payload)
        moved = {c for key in ("claims", "context") for c in p.get(key, ()) if isinstance(c, str)}
        if (j.target in claims or p.get("incident") == incident.id or moved & claims
                or incident.id in j.target.split(",")):
            out.append(j)
    return out


def version(incident: Incident, judgements: Iterable[Judgement]) -> str:
    text = repr(incident) + "|" + ",".join(j.id for j in judgements)
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]

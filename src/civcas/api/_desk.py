"""The review desk: what the review app reads and does, over one open ledger.

Reads are cached per ledger *revision* (every write to the ledger adds an
audit entry, so the newest audit entry's number changes with any ingest,
resolution or judgement, from this process or another). When the entries
since the cached revision are only judgements (each re-resolving part of the
ledger: its audit entry names the incidents it replaced and added) and user
changes, the cache replaces just those incidents; anything else (an ingest, a
full resolution) reloads it all. Judgements go
through :func:`civcas.api.judge`, and only when the incident is still the
one the reviewer saw: each incident has a *version* (a hash of the incident,
its claims as corrected, and the judgements about it); a judgement that names
an older version raises :class:`Conflict`. The check is made twice: against
this process's cached view (a quick answer), then against the database inside
the judgement's own transaction, under the ledger's write lock, so that two
processes judging the same incident at once cannot both succeed.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any

from ..errors import Conflict, Forbidden, JudgementError, NotFound
from ..records import (
    Claim,
    Document,
    Facets,
    Filters,
    Incident,
    IncidentReview,
    Judgement,
    Page,
    User,
)
from ..resolve import incident_id as _incident_id
from ..resolve import judgements as _judgements
from ..review import query, users
from ..review.sessions import Sessions, Throttle
from ..store import Ledger
from ..store import review as _store
from . import _config, _judge
from ._view import View as _View
from ._view import relevant, version

log = logging.getLogger(__name__)

PATCH_MAX = 200  # more audit entries than this since the cached revision: reload it all


class Desk:
    """The review app's view of one ledger database (kept open; safe across threads)."""

    def __init__(self, db: str | None = None, low_confidence: float | None = None) -> None:
        config = _config.current()
        self.url = str(config.get("db", db))
        # below it, a claim's confidence puts its incident in the queue low_confidence
        self.low_confidence = float(config.get("low_confidence", low_confidence))
        self.ledger = Ledger(self.url)
        self._write = threading.Lock()  # this process's judgements one at a time
        self._read = threading.Lock()
        self._view: _View | None = None

    def close(self) -> None:
        self.ledger.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _current(self) -> _View:
        rev = _store.revision(self.ledger)
        view = self._view
        if view is None or view.revision != rev:
            with self._read:
                view = self._view
                if view is None or view.revision != rev:
                    view = self._refresh(view, rev)
                    self._view = view
        return view

    def _refresh(self, view: _View | None, rev: int) -> _View:
        if view is not None and rev > view.revision:
            entries = _store.audit_since(self.ledger, view.revision, PATCH_MAX + 1)
            if len(entries) <= PATCH_MAX:
                got = view.patched(self.ledger, rev, entries)
                if got is not None:
                    log.debug("review: ledger revision %d -> %d in part", view.revision, rev)
                    return got
        view = _View.load(self.ledger, rev, self.low_confidence)
        log.info("review: %d incidents at ledger revision %d", len(view.incidents), rev)
        return view

    # ------------------------------------------------------------ users

    def user(self, name: str) -> User | None:
        try:
            return _store.get_user(self.ledger, name)
        except NotFound:
            return None

    def authenticate(self, name: str, password: str) -> User | None:
        return users.authenticate(self.ledger, name, password)

    def users(self) -> list[User]:
        return _store.users(self.ledger)

    def sessions(self, *, idle: timedelta, max_age: timedelta) -> Sessions:
        """Review-app logins kept in this ledger (see :mod:`civcas.review.sessions`)."""
        return Sessions(self.ledger, idle=idle, max_age=max_age)

    def throttle(self, *, limit: int, window: timedelta, address_limit: int = 100) -> Throttle:
        """Failed-login counting in this ledger (see :mod:`civcas.review.sessions`)."""
        return Throttle(self.ledger, limit=limit, window=window, address_limit=address_limit)

    def audit_log(self) -> list[dict[str, Any]]:
        """Every audit entry of the ledger, oldest first."""
        return self.ledger.audit_log()

    # ------------------------------------------------------------ reading

    def incidents(self, filters: Filters | None = None) -> Page:
        """One page of the incident list: filtered, sorted and paged as ``filters`` say."""
        return self._current().index.page(query.check(filters or Filters()))

    def facets(self) -> Facets:
        return self._current().facets

    def selected(self, filters: Filters | None = None) -> list[Incident]:
        """Every incident that passes ``filters``, sorted as they say (page and per_page
        unused): what an export of the filtered list holds."""
        return [r.incident for r in self._current().index.select(query.check(filters
                                                                              or Filters()))]

    def queues(self) -> dict[str, tuple[int, int]]:
        """Per review queue (:data:`civcas.review.query.QUEUES`): (incidents in it, of which
        no reviewer has judged yet)."""
        return self._current().index.counts()

    def reviewed(self, incident_id: str) -> tuple[str, Any] | None:
        """(user, time) of the latest judgement about the incident or its claims; None when
        no reviewer has judged it yet."""
        return self._current().index.reviews.get(incident_id)

    def reviews(self) -> Mapping[str, tuple[str, Any]]:
        """Incident id -> (user, time) of its latest judgement, for every judged incident
        (one read of the view: a page of many incidents asks once, not once per row)."""
        return self._current().index.reviews

    def confidences(self) -> Mapping[str, float]:
        """Incident id -> the calibrated confidence of its least sure claim (incidents with
        a claim whose confidence is known), for one page of many incidents."""
        return self._current().index.lowest()

    def flags(self, incident: Incident) -> tuple[str, ...]:
        """What the consistency checks find wrong with the incident's figures, in words."""
        return tuple(query.consistency(incident))

    def judgements(self) -> list[Judgement]:
        return list(self._current().judgements)

    def incident(self, incident_id: str) -> IncidentReview:
        view = self._current()
        inc = view.by_id.get(incident_id)
        if inc is None:
            raise NotFound("E402", incident=incident_id[:100])
        about = relevant(inc, view.judgements)
        rejected_ids = self._rejected(inc, about, view)
        stored = _store.claims_by_id(self.ledger, [*inc.claim_ids, *rejected_ids])
        corrected, _ = _judgements.apply_to_claims(list(stored.values()), view.judgements)
        by_id = {c.id: c for c in corrected}
        claims = tuple(by_id[c] for c in inc.claim_ids if c in by_id)
        rejected = tuple(by_id[c] for c in rejected_ids if c in by_id)
        docs = _store.documents_by_id(self.ledger, {c.document_id for c in (*claims, *rejected)})
        changed = {c.id: {k: getattr(stored[c.id], k) for k in _judgements.CORRECTABLE
                          if getattr(stored[c.id], k) != getattr(c, k)}
                   for c in (*claims, *rejected)}
        audit = _store.judgement_audit(self.ledger, [j.id for j in about])
        return IncidentReview(incident=inc, claims=claims, documents=docs, rejected=rejected,
                              judgements=tuple(about), audit=tuple(audit),
                              version=version(inc, about),
                              corrected={k: v for k, v in changed.items() if v})

    @staticmethod
    def _rejected(inc: Incident, about: list[Judgement], view: _View) -> list[str]:
        state: dict[str, str] = {}
        for j in about:
            if j.kind in ("reject_claim", "accept_claim"):
                state[j.target] = j.kind
        return [c for c, kind in state.items()
                if kind == "reject_claim" and c not in view.home and c not in inc.claim_ids]

    def version(self, incident_id: str) -> str:
        view = self._current()
        inc = view.by_id.get(incident_id)
        if inc is None:
            raise NotFound("E402", incident=incident_id[:100])
        return version(inc, relevant(inc, view.judgements))

    def home(self, claim_id: str) -> str | None:
        """The incident holding this claim now (None: rejected, cumulative or unknown)."""
        return self._current().home.get(claim_id)

    def neighbours(self, incident: Incident, days: int = 3, limit: int = 8) -> list[Incident]:
        """Other incidents that may be the same attack: in the same country (or either
        unlocated), dated within ``days`` days; nearest first. Candidates for a merge."""
        return query.neighbours(self._current().index, incident, days, limit)

    def follow(self, claim_ids: Iterable[str]) -> str | None:
        """The incident holding the first of these claims that is in one."""
        home = self._current().home
        return next((home[c] for c in claim_ids if c in home), None)

    def claim(self, claim_id: str) -> tuple[Claim, Document | None, dict[str, Any]]:
        """A claim with reviewers' corrections applied, its document, and its original values
        of corrected fields."""
        stored = _store.claims_by_id(self.ledger, [claim_id]).get(claim_id)
        if stored is None:
            raise NotFound("E403", claim=claim_id[:100])
        (claim,), _ = _judgements.apply_to_claims([stored], self._current().judgements)
        doc = _store.documents_by_id(self.ledger, [claim.document_id]).get(claim.document_id)
        was = {k: getattr(stored, k) for k in _judgements.CORRECTABLE
               if getattr(stored, k) != getattr(claim, k)}
        return claim, doc, was

    def document(self, document_id: str) -> Document:
        """The current version of a document."""
        doc = _store.documents_by_id(self.ledger, [document_id]).get(document_id)
        if doc is None:
            raise NotFound("E404", document=document_id[:100])
        return doc

    def locate(self, incident_id: str) -> str | None:
        """Where an incident that is gone went: the incident holding the claim it was named
        after (incident ids come from their first claim), else None."""
        view = self._current()
        if incident_id in view.by_id:
            return incident_id
        if view.origin is None:
            view.origin = {_incident_id(c): c for c in _store.claim_ids(self.ledger)}
        claim = view.origin.get(incident_id)
        return view.home.get(claim) if claim else None

    # ------------------------------------------------------------ judging

    def judge(self, kind: str, target: str, *, user: User, incident_id: str, version: str,
              payload: dict[str, Any] | None = None, reason: str = "") -> Judgement:
        """Store a judgement made while looking at ``incident_id`` at ``version``.

        Conflict when the incident changed (or is gone) since; NotFound,
        JudgementError as :func:`civcas.api.judge`; Forbidden for a user who may not judge.
        """
        if not users.can_judge(user):
            raise Forbidden("E612", name=user.name, role=user.role)
        _judgements.check_payload(kind, target, payload, reason)  # before any other answer
        with self._write:
            inc = self._check(incident_id, version)
            if kind in ("reject_claim", "correct_claim") and target not in inc.claim_ids:
                raise JudgementError("E431", claim=target, incident=inc.id)
            if kind == "accept_claim" and target in self._current().home:
                raise JudgementError("E432", claim=target)
            if kind == "merge":
                for other in target.split(","):
                    if other not in self._current().by_id:
                        raise NotFound("E402", incident=other[:100])
            # where the reviewer stood: the incident and its claims (so that the judgement
            # is shown with whatever incident holds those claims later, renamed or merged)
            payload = {**(payload or {}), "incident": incident_id,
                       "context": list(inc.claim_ids)}

            def expect(ledger: Ledger) -> None:  # again, inside the judgement's transaction
                self._check_stored(ledger, incident_id, version)

            j = _judge.judge(kind, target, payload, user=user.name, reason=reason, db=self.url,
                              expect=expect)
        log.info("review: %s %s by %s", kind, target, user.name)
        return j

    def judge_many(self, kind: str, targets: list[str], *, user: User, incident_id: str,
                   version: str, payload: dict[str, Any] | None = None,
                   reason: str = "") -> list[Judgement]:
        """One judgement per target (claims of ``incident_id`` seen at ``version``), all or
        none: a bulk correction of one sentence's claims."""
        if not users.can_judge(user):
            raise Forbidden("E612", name=user.name, role=user.role)
        for t in targets:
            _judgements.check_payload(kind, t, payload, reason)
        with self._write:
            inc = self._check(incident_id, version)
            stray = [t for t in targets if t not in inc.claim_ids]
            if stray:
                raise JudgementError("E431", claim=stray[0], incident=inc.id)
            payload = {**(payload or {}), "incident": incident_id,
                       "context": list(inc.claim_ids)}

            def expect(ledger: Ledger) -> None:
                self._check_stored(ledger, incident_id, version)

            done = _judge.judge_many(kind, list(dict.fromkeys(targets)), payload,
                                      user=user.name, reason=reason, db=self.url,
                                      expect=expect)
        log.info("review: %s x%d by %s", kind, len(done), user.name)
        return done

    def _check_stored(self, ledger: Ledger, incident_id: str, seen: str) -> None:
        """Conflict unless the incident, as stored now, is at version ``seen`` (run under the
        ledger's write lock, so that no other process can change it before the write)."""
        try:
            inc = ledger.incident(incident_id)
        except NotFound:
            raise self._gone(incident_id) from None
        about = relevant(inc, sorted(ledger.judgements(), key=lambda j: j.at))
        if seen != version(inc, about):
            raise self._changed(incident_id, about)

    def _gone(self, incident_id: str) -> Conflict:
        now = self.locate(incident_id)
        if now:
            return Conflict("E442", incident=incident_id, now=now)
        return Conflict("E441", incident=incident_id)

    @staticmethod
    def _changed(incident_id: str, about: list[Judgement]) -> Conflict:
        last = about[-1] if about else None
        if last is None:
            return Conflict("E443", incident=incident_id)
        return Conflict("E444", incident=incident_id, kind=last.kind.replace("_", " "),
                        user=last.user, at=last.at)

    def _check(self, incident_id: str, seen: str) -> Incident:
        view = self._current()
        inc = view.by_id.get(incident_id)
        if inc is None:
            raise self._gone(incident_id)
        about = relevant(inc, view.judgements)
        if seen != version(inc, about):
            raise self._changed(incident_id, about)
        return inc

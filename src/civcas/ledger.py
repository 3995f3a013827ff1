"""The ledger workflow behind :mod:`civcas.api`: ingest -> store -> resolve -> assess, and review.

Every function opens the database named by ``db`` (else the ``db`` setting:
``CIVCAS_DB``, default ``sqlite:///civcas.db``), does its work, and closes it.
"""
from __future__ import annotations

import getpass
import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import settings
from .errors import JudgementError, NotFound
from .records import (
    GRADES,
    Claim,
    Document,
    ExtractionResult,
    Incident,
    Judgement,
    LedgerSnapshot,
    ReadFailure,
    Tally,
)
from .resolve import Resolution
from .resolve import judgements as _judgements
from .resolve import names
from .resolve import resolve as _resolve
from .store import CHANGED, FAILED, NEW, UNCHANGED, Ledger

log = logging.getLogger(__name__)

Progress = Callable[[ExtractionResult | ReadFailure, str], None]


@dataclass(frozen=True)
class IngestSummary:
    """What one ``ingest`` run did."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    claims: int = 0  # claims of the new and changed documents
    incidents: int = 0  # incidents in the ledger after resolution
    tallies: int = 0
    failures: tuple[ReadFailure, ...] = field(default_factory=tuple)

    @property
    def documents(self) -> int:
        return self.new + self.changed + self.unchanged


def open_ledger(db: str | None = None, create: bool = False) -> Ledger:
    """The ledger at ``db`` (else the ``db`` setting); only ingest creates a new one."""
    return Ledger(settings.get("db", db), create=create)


def ingest(paths: Iterable[str | Path], db: str | None = None, progress: Progress | None = None,
           batch: int = 20, resolve: bool = True, **options: Any) -> IngestSummary:
    """Read, extract and store every document under ``paths``; then resolve
    (when a document is new or changed; ``civcas resolve`` re-runs it anyway).

    Committed every ``batch`` documents: a crash loses at most that many,
    and a re-run stores them with no duplicate. ``options`` go to the reader.
    """
    paths = list(paths)
    counts = {NEW: 0, CHANGED: 0, UNCHANGED: 0, FAILED: 0}
    claims = 0
    failures: list[ReadFailure] = []
    with open_ledger(db, create=True) as ledger:
        known = ledger.content_hashes()
        for item, status in ledger.ingest(_extracted(paths, known, **options), batch=batch):
            counts[status] += 1
            if isinstance(item, ReadFailure):
                failures.append(item)
            elif status in (NEW, CHANGED):
                claims += len(item.claims)
            if progress is not None:
                progress(item, status)
        ledger.audit("ingest", target=", ".join(map(str, paths))[:2000],
                     user=_user(None), detail={**counts, "claims": claims})
        c = ledger.counts()
        stale = counts[NEW] or counts[CHANGED] or (c["claims"] and not c["incidents"]
                                                   and not c["tallies"])
        if resolve and stale:  # nothing new: the stored resolution stands
            result = _resolve_in(ledger)
            incidents, tallies = len(result.incidents), len(result.tallies)
        else:
            incidents, tallies = c["incidents"], c["tallies"]
    return IngestSummary(new=counts[NEW], changed=counts[CHANGED], unchanged=counts[UNCHANGED],
                         failed=counts[FAILED], claims=claims, incidents=incidents,
                         tallies=tallies, failures=tuple(failures))


def _extracted(paths: Iterable[str | Path], known: set[str],
               **options: Any) -> Iterator[ExtractionResult | ReadFailure]:
    """What :func:`civcas.api.extract_paths` yields, without extracting texts already stored.

    A stored text comes out with no claims (the store finds it unchanged by
    its hash), so re-ingesting a corpus costs reading and hashing only.
    """
    from . import api

    for item in api.read_documents(paths, **options):
        if isinstance(item, ReadFailure):
            yield item
        elif item.content_hash and item.content_hash in known:
            yield ExtractionResult(item)
        else:
            yield from api.extract_documents([item])


def resolve(db: str | None = None) -> Resolution:
    """Re-run resolution and assessment over the stored claims, judgements applied."""
    with open_ledger(db) as ledger:
        return _resolve_in(ledger)


def _resolve_in(ledger: Ledger) -> Resolution:
    result = _resolve(ledger.documents(), ledger.claims(), ledger.judgements(), ledger.focus(),
                      ledger.successors())
    ledger.replace_resolution(list(result.incidents), list(result.tallies),
                              {"incidents": len(result.incidents),
                               "tallies": len(result.tallies),
                               "claims": len(result.claims), "rejected": len(result.rejected)},
                              features=list(result.features))
    return result


def filter_incidents(items: Iterable[Incident], grade: str | None = None,
                     since: str | None = None, until: str | None = None,
                     place: str | None = None) -> list[Incident]:
    """Incidents with that grade, dated within [since, until] (ISO dates), at a place
    whose name (or admin1, country, title) contains ``place``."""
    if grade is not None and grade not in GRADES:
        raise JudgementError(f"grade {grade!r}: not one of {', '.join(GRADES)}")
    want = names.fold(place) if place else None
    out = []
    for inc in items:
        if grade and (inc.assessment is None or inc.assessment.grade != grade):
            continue
        start, _, end = (inc.event_date or "").partition("/")
        end = end or start
        if since and (not end or end < since):
            continue
        if until and (not start or start > until):
            continue
        if want:
            p = inc.place
            hay = " ".join(x for x in ((p.name, p.admin1, p.admin2, p.country, p.mention)
                                       if p else ()) if x)
            if want not in names.fold(hay + " " + inc.title):
                continue
        out.append(inc)
    return out


def incidents(db: str | None = None, **filters: Any) -> list[Incident]:
    with open_ledger(db) as ledger:
        return filter_incidents(ledger.incidents(), **filters)


def incident(incident_id: str, db: str | None = None) -> Incident:
    with open_ledger(db) as ledger:
        return ledger.incident(incident_id)


def tallies(db: str | None = None) -> list[Tally]:
    with open_ledger(db) as ledger:
        return ledger.tallies()


def snapshot(db: str | None = None) -> LedgerSnapshot:
    """Everything the outputs read: current documents, claims (corrections applied),
    incidents with assessments, tallies and judgements."""
    with open_ledger(db) as ledger:
        judgements = ledger.judgements()
        claims, _ = _judgements.apply_to_claims(ledger.claims(), _ordered(ledger, judgements))
        return ledger.snapshot(claims=claims)


def judge(kind: str, target: str, payload: dict[str, Any] | None = None,
          user: str | None = None, reason: str = "", db: str | None = None, *,
          expect: Callable[[Ledger], None] | None = None) -> Judgement:
    """Store a reviewer's judgement and re-resolve what it can affect. Nothing is stored if
    it cannot apply.

    - ``reject_claim`` / ``accept_claim`` CLAIM_ID
    - ``correct_claim`` CLAIM_ID, payload ``{"fields": {field: value}}``
    - ``merge`` "INC1,INC2,...", ``split`` INC with payload ``{"claims": [ids to move out]}``
    - ``set_grade`` INC with payload ``{"grade": G}``

    One transaction holding the ledger's write lock checks, stores and re-resolves, so
    judgements from several processes apply one after another. ``expect(ledger)``, when
    given, runs first inside it and may raise (``Conflict``: the incident changed since
    the reviewer saw it); then nothing is stored.
    """
    payload = dict(payload or {})
    with open_ledger(db) as outer, outer.locked() as ledger:
        if expect is not None:
            expect(ledger)
        if kind in ("reject_claim", "accept_claim", "correct_claim"):
            from .store.review import claims_by_id

            if target not in claims_by_id(ledger, [target]):
                raise NotFound(f"claim {target!r}: no such claim (see `civcas show INCIDENT_ID`)")
            if kind == "correct_claim":
                payload["fields"] = _judgements.check_correction(payload.get("fields") or {})
        elif kind == "merge":
            ids = [t.strip() for t in target.split(",") if t.strip()]
            if len(set(ids)) < 2:
                raise JudgementError("merge: give two or more incident ids")
            payload["claims"] = [c for i in ids for c in ledger.incident(i).claim_ids]
            target = ",".join(ids)
        elif kind == "split":
            inc = ledger.incident(target)
            moving = list(dict.fromkeys(payload.get("claims") or ()))
            stray = [c for c in moving if c not in inc.claim_ids]
            if not moving or stray:
                raise JudgementError(f"split {target}: claims {stray or moving} are not claims "
                                     "of that incident" if stray else
                                     f"split {target}: name the claims to move out")
            if len(moving) == len(inc.claim_ids):
                raise JudgementError(f"split {target}: leave at least one claim behind")
            payload["claims"] = moving
        elif kind == "set_grade":
            inc = ledger.incident(target)
            payload["claims"] = list(inc.claim_ids)
        at = datetime.now(timezone.utc).replace(tzinfo=None)
        who = _user(user)
        seed = f"{kind}|{target}|{who}|{at.isoformat()}"
        jid = "J" + hashlib.sha1(seed.encode()).hexdigest()[:10]
        j = Judgement(id=jid, kind=kind, target=target,
                      payload=tuple(sorted((k, _tuple(v)) for k, v in payload.items())),
                      user=who, at=at, reason=reason)
        _judgements.check(j)
        ledger.add_judgement(j)
        if resolve_part(ledger, j) is None:
            log.info("judgement %s: the stored resolution is not current; resolving all", j.id)
            _resolve_in(ledger)
        return j


def _ordered(ledger: Ledger, judgements: list[Judgement]) -> list[Judgement]:
    """Judgements in time order, following claims to their current document version."""
    return _judgements.follow(sorted(judgements, key=lambda j: j.at), ledger.successors())


def resolve_part(ledger: Ledger, judgement: Judgement) -> dict[str, Any] | None:
    from .ledger_partial import resolve_part as _part

    return _part(ledger, judgement)


def _tuple(v: Any) -> Any:
    return tuple(v) if isinstance(v, list) else v


def _user(user: str | None) -> str:
    if user:
        return user
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (containers)
        return "unknown"


def incident_detail(incident_id: str, db: str | None = None
                    ) -> tuple[Incident, list[Claim], dict[str, Document]]:
    """An incident with its claims (corrections applied) and their documents."""
    with open_ledger(db) as ledger:
        inc = ledger.incident(incident_id)
        claims, _ = _judgements.apply_to_claims(ledger.claims(),
                                                _ordered(ledger, ledger.judgements()))
        by_id = {c.id: c for c in claims}
        docs = {d.id: d for d in ledger.documents()}
    members = [by_id[c] for c in inc.claim_ids if c in by_id]
    return inc, members, {c.document_id: docs[c.document_id] for c in members
                          if c.document_id in docs}

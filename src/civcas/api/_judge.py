"""Judging: a reviewer's judgement checked by the rules every door shares, stored, and the
part of the ledger it can affect re-resolved, in one transaction under the ledger's write lock
(behind :func:`civcas.api.judge` and :func:`civcas.api.judge_many`)."""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, cast

from ..errors import JudgementError, NotFound
from ..records import Judgement, JudgementKind
from ..resolve import judgements as _judgements
from ..resolve.incremental import seeds_of
from ..resolve.rules import corrected_claim as check_claim
from ..store import Ledger
from ..store.review import claims_by_id
from ._ledger import _resolve_in, _user, open_ledger
from ._partial import resolve_part
from ._pending import resolve_pending_locked
from ._read import _ordered

log = logging.getLogger(__name__)


def judge(kind: str, target: str, payload: dict[str, Any] | None = None,
          user: str | None = None, reason: str = "", db: str | None = None, *,
          expect: Callable[[Ledger], None] | None = None) -> Judgement:
    """Store a reviewer's judgement and re-resolve what it can affect. Nothing is stored if
    it cannot apply: the kind, its payload and the reason (required) pass the rules every
    door shares (:mod:`civcas.resolve.rules`: JudgementError names the field), and a
    correction may not leave the claim, as corrected so far, with low above high.

    - ``reject_claim`` / ``accept_claim`` CLAIM_ID
    - ``correct_claim`` CLAIM_ID, payload ``{"fields": {field: value}}``
    - ``merge`` "INC1,INC2,...", ``split`` INC with payload ``{"claims": [ids to move out]}``
    - ``set_grade`` INC with payload ``{"grade": G}``

    One transaction holding the ledger's write lock checks, stores and re-resolves, so
    judgements from several processes apply one after another. ``expect(ledger)``, when
    given, runs first inside it and may raise (``Conflict``: the incident changed since
    the reviewer saw it); then nothing is stored.
    """
    payload, reason = _judgements.check_payload(kind, target, payload, reason)
    with open_ledger(db) as outer, outer.locked() as ledger:
        if expect is not None:
            expect(ledger)
        j = _prepared(ledger, kind, target, payload, _user(user), reason,
                      datetime.now(UTC).replace(tzinfo=None))
        _store_and_resolve(ledger, [j])
        return j


def judge_many(kind: str, targets: list[str], payload: dict[str, Any] | None = None,
               user: str | None = None, reason: str = "", db: str | None = None, *,
               expect: Callable[[Ledger], None] | None = None) -> list[Judgement]:
    """The same judgement (``kind``, ``payload``, ``reason``) about each of ``targets``
    (a bulk correction of a sentence's claims): all stored, or none, in one transaction
    (each checked as :func:`judge` checks one), then re-resolved once."""
    if not targets:
        raise JudgementError("E453", kind=kind)
    checked = [_judgements.check_payload(kind, t, payload, reason) for t in targets]
    with open_ledger(db) as outer, outer.locked() as ledger:
        if expect is not None:
            expect(ledger)
        at = datetime.now(UTC).replace(tzinfo=None)
        who = _user(user)
        done = [_prepared(ledger, kind, t, p, who, r, at)
                for t, (p, r) in zip(targets, checked, strict=True)]
        if len({j.id for j in done}) != len(done):
            raise JudgementError("E473", kind=kind)
        _store_and_resolve(ledger, done)
        return done


def _store_and_resolve(ledger: Ledger, items: list[Judgement]) -> None:
    resolve_pending_locked(ledger)  # a stale ledger first catches up (same transaction)
    for j in items:
        ledger.add_judgement(j)
    for j in items:
        if resolve_part(ledger, j) is None:
            log.info("judgement %s: the stored resolution is not current; resolving all", j.id)
            _resolve_in(ledger)
            return


def _prepared(ledger: Ledger, kind: str, target: str, payload: dict[str, Any], who: str,
              reason: str, at: datetime) -> Judgement:
    """The judgement to store, checked against the ledger (NotFound, JudgementError)."""
    payload = dict(payload)
    if kind in ("reject_claim", "accept_claim", "correct_claim"):
        stored = claims_by_id(ledger, [target]).get(target)
        if stored is None:
            raise NotFound("E403", claim=target[:100])
        if kind == "correct_claim":  # the claim as corrected so far, then this correction
            (now,), _ = _judgements.apply_to_claims([stored], _ordered(ledger,
                                                                     ledger.judgements()))
            check_claim(now, payload["fields"])
    elif kind == "merge":
        ids = [t.strip() for t in target.split(",") if t.strip()]
        if len(set(ids)) < 2:
            raise JudgementError("E433")
        payload["claims"] = [c for i in ids for c in ledger.incident(i).claim_ids]
        target = ",".join(ids)
    elif kind == "split":
        inc = ledger.incident(target)
        moving = list(dict.fromkeys(payload.get("claims") or ()))
        stray = [c for c in moving if c not in inc.claim_ids]
        if not moving or stray:
            raise (JudgementError("E434", incident=target, claims=stray) if stray else
                   JudgementError("E435", incident=target))
        if len(moving) == len(inc.claim_ids):
            raise JudgementError("E436", incident=target)
        payload["claims"] = moving
    elif kind == "set_grade":
        inc = ledger.incident(target)
        payload["claims"] = list(inc.claim_ids)
    elif kind == "undo":
        undone = {j.id: j for j in ledger.judgements()}.get(target)
        if undone is None:
            raise NotFound("E408", judgement=target[:100])
        payload["undoes"] = undone.kind
        payload["claims"] = sorted(seeds_of(undone)) or list(
            dict(undone.payload).get("claims", ()))
    seed = f"{kind}|{target}|{who}|{at.isoformat()}"
    jid = "J" + hashlib.sha1(seed.encode()).hexdigest()[:10]
    j = Judgement(id=jid, kind=cast(JudgementKind, kind), target=target,
                  payload={k: _tuple(payload[k]) for k in sorted(payload)},
                  user=who, at=at, reason=reason)
    _judgements.check(j)
    return j


def _tuple(v: Any) -> Any:
    return tuple(v) if isinstance(v, list) else v

"""Reviewers' judgements, applied on top of the machine's result on every run.

Judgements name claims, not machine groupings, so they survive re-ingest and
re-resolution: a merge or split stores the claim ids it is about (the
``claims`` payload), and is applied to whatever incidents hold those claims
now. Applied in order of time.

Every kind is one row of :data:`KINDS`: what it targets, how its payload is
checked (:mod:`.rules`, the same for every door: review form, JSON API, CLI,
Python), what it does to claims and what it does to groups of claims:

- correct_claim: payload ``field -> value`` replaces fields of the claim;
- reject_claim: the claim is left out of incidents, estimates and tallies;
  accept_claim: undoes an earlier rejection;
- merge: the incidents holding any of ``claims`` become one;
- split: ``claims`` leave their incident and become one of their own;
- set_grade: the incident holding most of ``claims`` gets ``grade``;
- undo: the judgement it names (``target``) no longer applies (an undo of an undo
  applies it again); it names the claims that judgement was about (``claims``).

A stored judgement that no longer passes the rules (stored before they were this
strict) is skipped with a warning, never applied: one bad value cannot corrupt
estimates or break an export of the whole ledger.
"""
from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal

from ..errors import JudgementError
from ..records import GRADES, Claim, Judgement
from . import rules

log = logging.getLogger(__name__)

CORRECTABLE = rules.CORRECTABLE
CHOICES = rules.CHOICES

Target = Literal["claim", "incident", "incidents", "judgement"]
Groups = list[list[str]]


def payload(j: Judgement) -> dict:
    return dict(j.payload)


def _claims_of(p: Mapping[str, Any]) -> list[str]:
    return [c for c in p.get("claims", ()) if isinstance(c, str)]


# ------------------------------------------------------------ checks of the payload


def _no_payload(p: dict[str, Any]) -> dict[str, Any]:
    return p


def _check_correction(p: dict[str, Any]) -> dict[str, Any]:
    return {**p, "fields": rules.correction(p.get("fields"))}


def _check_grade(p: dict[str, Any]) -> dict[str, Any]:
    return {**p, "grade": rules.grade(p.get("grade"))}


# ------------------------------------------------------------ effects on claims

ClaimState = tuple[dict[str, Claim], set[str]]  # claims by id (corrected so far), rejected ids


def _correct(state: ClaimState, j: Judgement) -> None:
    by_id, _ = state
    claim = by_id.get(j.target)
    if claim is None:
        return
    fields = rules.stored_correction(payload(j).get("fields") or {})
    if fields is None:
        log.warning("judgement %s: a correction the rules no longer accept is skipped", j.id)
        return
    try:
        rules.corrected_claim(claim, fields)
    except JudgementError:
        log.warning("judgement %s: skipped: it would leave claim %s with low above high",
                    j.id, j.target)
        return
    by_id[j.target] = dataclasses.replace(claim, **fields)


def _reject(state: ClaimState, j: Judgement) -> None:
    state[1].add(j.target)


def _accept(state: ClaimState, j: Judgement) -> None:
    state[1].discard(j.target)


# ------------------------------------------------------------ effects on groups


def _merge(groups: Groups, j: Judgement) -> Groups:
    wanted = _claims_of(payload(j))
    hit = [g for g in groups if any(c in g for c in wanted)]
    if len(hit) < 2:
        return groups
    merged = [c for g in hit for c in g]
    return [g for g in groups if not any(g is h for h in hit)] + [merged]


def _split(groups: Groups, j: Judgement) -> Groups:
    moving = set(_claims_of(payload(j)))
    out = [c for g in groups for c in g if c in moving]
    if not out:
        return groups
    kept = [[c for c in g if c not in moving] for g in groups]
    return [g for g in kept if g] + [out]


@dataclasses.dataclass(frozen=True)
class Kind:
    """One kind of judgement: what it is about, its payload check, its effects."""

    name: str
    target: Target
    help: str
    check: Callable[[dict[str, Any]], dict[str, Any]] = _no_payload
    on_claims: Callable[[ClaimState, Judgement], None] | None = None
    on_groups: Callable[[Groups, Judgement], Groups] | None = None
    needs_claims: bool = False  # its stored payload names the claims it applies to
    grades: bool = False  # it sets the grade of the incident holding its claims
    undoes: bool = False  # it takes back the judgement it targets


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("reject_claim", "claim", "leave a claim out of incidents, figures and tallies",
         on_claims=_reject),
    Kind("accept_claim", "claim", "take a rejected claim back", on_claims=_accept),
    Kind("correct_claim", "claim", "correct fields of a claim", check=_check_correction,
         on_claims=_correct),
    Kind("merge", "incidents", "make two or more incidents one", on_groups=_merge,
         needs_claims=True),
    Kind("split", "incident", "move claims out of an incident into a new one",
         on_groups=_split, needs_claims=True),
    Kind("set_grade", "incident", "set an incident's grade", check=_check_grade,
         needs_claims=True, grades=True),
    Kind("undo", "judgement", "take back an earlier judgement", undoes=True),
)}


def active(judgements: Iterable[Judgement]) -> list[Judgement]:
    """The judgements that apply, in the order given: without the undos and the judgements
    they take back (the latest undo decides: an undo of an undo applies it again)."""
    items = list(judgements)
    undone: set[str] = set()
    for j in reversed(items):
        if j.kind == "undo" and j.id not in undone:
            undone.add(j.target)
    return [j for j in items if j.kind != "undo" and j.id not in undone]


def kind(name: str) -> Kind:
    """The row of :data:`KINDS`; E426 for an unknown kind."""
    k = KINDS.get(name) if isinstance(name, str) else None
    if k is None:
        raise JudgementError("E426", kind=str(name)[:40], kinds=", ".join(KINDS))
    return k


def check_payload(name: str, target: str, p: Mapping[str, Any] | None,
                  reason: str) -> tuple[dict[str, Any], str]:
    """(payload checked and typed, reason stripped) of a new judgement, by the rules every
    door shares; JudgementError names what is wrong, and nothing is stored."""
    k = kind(name)
    if not isinstance(target, str) or not target.strip() or "\x00" in target:
        raise JudgementError("E472", kind=name, target=k.target)
    return k.check(dict(p or {})), rules.reason(reason, name)


def check_correction(fields: dict) -> dict:
    """Validated, typed field values of a correction; JudgementError names the bad field."""
    return rules.correction(fields)


def check(j: Judgement) -> None:
    """A judgement about to be stored: its kind, payload and reason pass the rules."""
    k = kind(j.kind)
    k.check(payload(j))
    rules.reason(j.reason, j.kind)
    if k.needs_claims and not payload(j).get("claims"):
        raise JudgementError("E428", kind=j.kind)


def follow(judgements: Iterable[Judgement], successors: dict[str, str]) -> list[Judgement]:
    """Judgements re-pointed from claims of older document versions to their successors."""
    if not successors:
        return list(judgements)
    out = []
    for j in judgements:
        target = successors.get(j.target, j.target) if j.kind.endswith("_claim") else j.target
        payload = dict(j.payload)
        if isinstance(payload.get("claims"), (list, tuple)):
            payload["claims"] = tuple(successors.get(c, c) for c in payload["claims"])
        out.append(dataclasses.replace(j, target=target, payload=payload))
    return out


def apply_to_claims(claims: list[Claim],
                    judgements: Iterable[Judgement]) -> tuple[list[Claim], set[str]]:
    """(claims with corrections applied, ids of rejected claims)."""
    state: ClaimState = ({c.id: c for c in claims}, set())
    for j in active(judgements):
        k = KINDS.get(j.kind)
        if k is not None and k.on_claims is not None:
            k.on_claims(state, j)
    return [state[0][c.id] for c in claims], state[1]


def apply_to_groups(groups: list[list[str]], judgements: Iterable[Judgement]) -> list[list[str]]:
    """Groups of claim ids after merges and splits (in time order)."""
    out = [list(g) for g in groups]
    for j in active(judgements):
        k = KINDS.get(j.kind)
        if k is not None and k.on_groups is not None:
            out = k.on_groups(out, j)
    return out


def grade_overrides(groups: list[list[str]],
                    judgements: Iterable[Judgement]) -> dict[int, Judgement]:
    """Index of the group -> the latest grading judgement that applies to it."""
    where = {c: i for i, g in enumerate(groups) for c in g}
    out: dict[int, Judgement] = {}
    for j in active(judgements):
        k = KINDS.get(j.kind)
        if k is None or not k.grades or payload(j).get("grade") not in GRADES:
            continue
        hits: dict[int, int] = {}
        for c in _claims_of(payload(j)):
            if c in where:
                hits[where[c]] = hits.get(where[c], 0) + 1
        if hits:
            out[max(hits, key=lambda i: (hits[i], -i))] = j
    return out

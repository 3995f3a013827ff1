"""Reviewers' judgements, applied on top of the machine's result on every run.

Judgements name claims, not machine groupings, so they survive re-ingest and
re-resolution: a merge or split stores the claim ids it is about (the
``claims`` payload), and is applied to whatever incidents hold those claims
now. Applied in order of time:

- correct_claim: payload ``field -> value`` replaces fields of the claim;
- reject_claim: the claim is left out of incidents, estimates and tallies;
  accept_claim: undoes an earlier rejection;
- merge: the incidents holding any of ``claims`` become one;
- split: ``claims`` leave their incident and become one of their own;
- set_grade: the incident holding most of ``claims`` gets ``grade``.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..errors import JudgementError
from ..records import GRADES, JUDGEMENT_KINDS, OUTCOMES, QUALIFIERS, SCOPES, VICTIM_GROUPS, Claim, Judgement

CORRECTABLE = ("outcome", "victims", "low", "high", "qualifier", "source", "place", "event_date",
               "perpetrator", "scope")
CHOICES = {"outcome": OUTCOMES, "victims": VICTIM_GROUPS, "qualifier": QUALIFIERS,
           "scope": SCOPES}


def payload(j: Judgement) -> dict:
    return dict(j.payload)


def check_correction(fields: dict) -> dict:
    """Validated, typed field values of a correction; JudgementError names the bad field."""
    out = {}
    if not fields:
        raise JudgementError("E421")
    for name, value in fields.items():
        if name not in CORRECTABLE:
            raise JudgementError("E422", field=name, fields=", ".join(CORRECTABLE))
        if isinstance(value, str) and value.strip().lower() in ("", "null", "none"):
            value = None if name not in CHOICES else value
        if name in ("low", "high") and value is not None:
            try:
                value = int(value)
            except (TypeError, ValueError):
                raise JudgementError("E423", field=name, value=value) from None
            if value < 0:
                raise JudgementError("E424", field=name, value=value)
        if name in CHOICES and value not in CHOICES[name]:
            raise JudgementError("E425", field=name, value=value, choices=", ".join(CHOICES[name]))
        out[name] = value
    return out


def check(j: Judgement) -> None:
    if j.kind not in JUDGEMENT_KINDS:
        raise JudgementError("E426", kind=j.kind, kinds=", ".join(JUDGEMENT_KINDS))
    p = payload(j)
    if j.kind == "correct_claim":
        check_correction(p.get("fields") or {})
    if j.kind == "set_grade" and p.get("grade") not in GRADES:
        raise JudgementError("E427", grade=p.get("grade"), grades=", ".join(GRADES))
    if j.kind in ("merge", "split", "set_grade") and not p.get("claims"):
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
    by_id = {c.id: c for c in claims}
    rejected: set[str] = set()
    for j in judgements:
        if j.kind == "correct_claim" and j.target in by_id:
            fields = check_correction(payload(j).get("fields") or {})
            by_id[j.target] = dataclasses.replace(by_id[j.target], **fields)
        elif j.kind == "reject_claim":
            rejected.add(j.target)
        elif j.kind == "accept_claim":
            rejected.discard(j.target)
    return [by_id[c.id] for c in claims], rejected


def apply_to_groups(groups: list[list[str]], judgements: Iterable[Judgement]) -> list[list[str]]:
    """Groups of claim ids after merges and splits (in time order)."""
    groups = [list(g) for g in groups]
    for j in judgements:
        wanted = [c for c in payload(j).get("claims", ()) if isinstance(c, str)]
        if j.kind == "merge":
            hit = [g for g in groups if any(c in g for c in wanted)]
            if len(hit) >= 2:
                merged = [c for g in hit for c in g]
                groups = [g for g in groups if not any(g is h for h in hit)]
                groups.append(merged)
        elif j.kind == "split":
            moving = set(wanted)
            out = [c for g in groups for c in g if c in moving]
            if not out:
                continue
            groups = [[c for c in g if c not in moving] for g in groups]
            groups = [g for g in groups if g]
            groups.append(out)
    return groups


def grade_overrides(groups: list[list[str]],
                    judgements: Iterable[Judgement]) -> dict[int, Judgement]:
    """Index of the group -> the latest set_grade judgement that applies to it."""
    where = {c: i for i, g in enumerate(groups) for c in g}
    out: dict[int, Judgement] = {}
    for j in judgements:
        if j.kind != "set_grade":
            continue
        hits: dict[int, int] = {}
        for c in payload(j).get("claims", ()):
            if c in where:
                hits[where[c]] = hits.get(where[c], 0) + 1
        if hits:
            out[max(hits, key=lambda i: (hits[i], -i))] = j
    return out

"""Which side counted fighters are on: fighters of a group that fights for the government of the
report's country are security forces (GUIDE: "pro-government fighters"), whatever word names them."""
from __future__ import annotations

import dataclasses
import re

from ..vocab import vocabulary
from .actors import ACTING
from .drafts import Draft

# a place of one side that was hit: "a Hezbollah position", "an Iranian militia convoy"
_SITE = re.compile(r"^(?:['’]s)?[\s-]*(?:[\w-]+\s+){0,2}?(?:positions?|bases?|convoys?|checkpoints?|headquarters|"
                   r"posts?|outposts?|barracks|camps?|gatherings?|vehicles?|depots?|compounds?)\b", re.I)
_OF_AFTER = re.compile(r"^\s+(?:of|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$", re.I)


def _named_with(d: Draft) -> str | None:
    """The actor named inside the victims' words ("12 Hezbollah fighters") or right after them
    ("fighters of the Popular Mobilisation"), not as the owner of something else."""
    sent = d.sentence
    vs, ve = d.victim_span
    for a in sent.actors:
        if vs <= a.start and a.end <= ve and not sent.text.startswith(("'s", "’s"), a.end):
            return a.id
        if ve <= a.start <= ve + 40 and _OF_AFTER.match(sent.text[ve:a.start]):
            return a.id
    return None


def _site_hit(d: Draft) -> str | None:
    """The one actor, hit before the figure, whose site was struck ("struck a Hezbollah position,
    killing five fighters")."""
    sent = d.sentence
    begin = d.rel[0]
    hit = {a.id for a in sent.actors if a.role != ACTING and a.end <= begin and not a.generic
           and _SITE.match(sent.text[a.end:a.end + 40])}
    return hit.pop() if len(hit) == 1 else None


def government_side(d: Draft, country: str | None) -> Draft:
    """``d`` with its combatants read as security forces when the actor they belong to fights for the
    government of ``country``; unchanged otherwise."""
    if d.victims != "combatants" or not country:
        return d
    actor = _named_with(d) or _site_hit(d)
    if actor and vocabulary().with_government(actor, country):
        return dataclasses.replace(d, victims="security_forces")
    return d

"""The words that end no place name: what the place finder (:mod:`civcas.extract.places`) cuts off a
captured name ("Aleppo Terrorists" -> "Aleppo", "Kurdish-held" -> nothing), and a group described
("the Al-Qaeda-linked Hurras al-Deen"), read once per name (names recur from sentence to sentence)."""
from __future__ import annotations

import re
from functools import lru_cache

_NOT_A_PLACE = re.compile(r"(?:[- ]?\b\w+-(?:held|led|controlled|backed|run|linked|based|allied|dominated|majority|populated)|\b(?:Massacre|Attack|Attacks|Offensive|"
                          r"Command|Police|Directorate|Council|Agency|Ministry|TV|Television|Radio|News|Media|Base|"
                          r"Protection|Units|Regime|Kills|Kill|Dies|Die|Hits|Strikes|Strike|Monitor|Collection|"
                          r"Province|Governorate|District|Oblast|"
                          r"Operation|Front|Brigade|Brigades|Battalion|Army|Forces|Group|Terrorist|Terrorists|Civilians|"
                          r"Killed|Injured|Dead|World|Times|Post|Journal|Magazine|Gazette|Herald|Institute|University|Foundation|"
                          r"Network|Watch|Committee|Organi[sz]ation|Association|Society))$", re.I)
_GROUP_DESCRIBED = re.compile(r"\w-(?:linked|affiliated|allied|loyal|aligned|inspired)\s+\S", re.I)


@lru_cache(maxsize=8192)
def not_a_place_cut(name: str) -> tuple[str, bool] | None:
    """None for a group described; else ``name`` without the words at its end that end no place
    (one after another), and whether any went."""
    if _GROUP_DESCRIBED.search(name):
        return None
    stripped = False
    while _NOT_A_PLACE.search(name):
        name, stripped = name[:_NOT_A_PLACE.search(name).start()].rstrip(" -"), True
        if " " not in name and _NOT_A_PLACE.search(name):
            name = ""
    return name, stripped

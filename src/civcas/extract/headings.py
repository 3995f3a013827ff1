"""A roundup's section heading run into the sentence after it: "Homs The air force carried out airstrikes
...", "Deir Ezzor Army units targeted ...". Wire roundups tell one region after another under a heading of
the region's name; with the line break lost the heading opens the sentence. A sentence opening on one is
about another place than the sentences before it (as "Meanwhile in X" is)."""
from __future__ import annotations

import re

from .known import level_of

# a capitalised name of one or two words (perhaps "countryside"), then a word that opens a clause
_HEADING = re.compile(r"^\W*([A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|[a-z]{2}-[A-Z][a-z]+))?)"
                      r"(?:\s+(?:[Cc]ountryside|[Pp]rovince))?\s+"
                      r"(?=(?:An?|The|Army|Units|Terrorists|Armed|Air|Engineering|Competent|Authorities|Clashes)\s)")


def opens_section(sentence: str) -> bool:
    """Whether ``sentence`` opens on a region's name run into the clause after it (a roundup's heading)."""
    m = _HEADING.match(sentence)
    return m is not None and level_of(m.group(1)) in ("province", "city")

"""Independent sources of an incident: re-reports of one story count once.

Claims are grouped by who asserts them (the asserter, aliases folded; an
unattributed claim belongs to the outlet that published it, else the web site
of its url, else it is an "unattributed report": a document id is never shown
as a name), and groups that
share a sentence word for word (one wire story printed by several outlets)
are one source.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ..records import Claim, Document
from ..vocab import names

UNATTRIBUTED = ("reporter", "", "the reporter")
UNATTRIBUTED_NAME = "unattributed report"  # no source said, no outlet or url known


def _host(doc: Document | None) -> str | None:
    """The web site a document came from ("www.example.org" -> "example.org"), if known."""
    if doc is None or not doc.url:
        return None
    m = re.match(r"^[a-z][a-z0-9+.-]*://(?:www\.)?([^/:?#\s]+)", doc.url.strip(), re.IGNORECASE)
    return m.group(1).lower() if m else None


@dataclass
class Source:
    name: str
    claims: list[Claim] = field(default_factory=list)
    belligerent: str | None = None  # the belligerent this source speaks for, if any


def asserter_key(claim: Claim, documents: Mapping[str, Document]) -> tuple[str, str]:
    """(key, display name) of who asserts ``claim``."""
    if names.fold(claim.source or "") in UNATTRIBUTED:
        doc = documents.get(claim.document_id)
        outlet = (doc.outlet if doc and doc.outlet else None) or _host(doc)
        if outlet:
            return "outlet:" + names.fold(outlet), outlet
        # one source per document, but a document id is never shown as who asserts
        return "document:" + claim.document_id, UNATTRIBUTED_NAME
    name = names.asserter(claim.source)
    return "src:" + names.fold(name), name


def _sentence_key(claim: Claim) -> str:
    return _key(claim.sentence)


@lru_cache(maxsize=4096)  # a sentence recurs among neighbouring claims, not ledger-wide
def _key(sentence: str) -> str:
    return re.sub(r"\W+", " ", names.fold_text(sentence)).strip()


def sources(claims: list[Claim], documents: dict[str, Document]) -> list[Source]:
    """Independent source groups, in order of first claim."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    names_of: dict[str, str] = {}
    by_sentence: dict[str, tuple[str, str]] = {}  # sentence -> (asserter key, document)
    keys = []
    for c in claims:
        key, name = asserter_key(c, documents)
        names_of.setdefault(key, name)
        keys.append(key)
        find(key)
        s = _sentence_key(c)
        if s in by_sentence and by_sentence[s][1] != c.document_id:
            a, b = find(by_sentence[s][0]), find(key)
            if a != b:  # same words in two documents: one story; keep the first name
                parent[b] = a
        else:
            by_sentence.setdefault(s, (key, c.document_id))
    groups: dict[str, Source] = {}
    for c, key in zip(claims, keys):
        root = find(key)
        group = groups.setdefault(root, Source(names_of[root]))
        group.claims.append(c)
    for g in groups.values():
        g.belligerent = next((b for b in (names.belligerent(c.source) for c in g.claims) if b),
                             None)
    return list(groups.values())

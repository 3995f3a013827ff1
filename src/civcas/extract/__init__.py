"""extract: ``Document`` -> ``Claim`` records.

A language's reader (``language``, ``english``) reads a report once (``report``): sentences, and
what each names — places (``places``), times (``timex``), actors (``actors``), speakers
(``attribution``, ``speakers``) — and its casualty figures (``numbers``, ``nounphrase``,
``figures``, ``denials``, ``scope`` -> ``drafts``). For each figure the report's candidates for
source, place, perpetrator and event date (``cand_*``) are weighed by one decision per field
(``decide``, weights fitted by tools/train_decisions.py); ``account`` carries what earlier sentences
established; ``passes`` drops repeats; ``pipeline`` runs it all, and ``explain`` says why.
"""
from __future__ import annotations

from .pipeline import explain, extract

__all__ = ["explain", "extract"]

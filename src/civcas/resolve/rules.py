"""The rules every judgement's values must pass, whichever door it comes through (review
form, JSON API, ``civcas judge``, Python): one place, so no door is laxer than another.

- a reason is required (1 to :data:`REASON_MAX` characters, no NUL);
- figures (``low``, ``high``) are whole numbers from 0 to :data:`MAX_FIGURE`, and a
  claim's low is never above its high once the correction is applied;
- ``event_date`` is a real calendar date ``YYYY-MM-DD`` or an interval ``start/end``
  (start not after end), from :data:`EARLIEST` and not in the future (one day of slack
  for reviewers east of UTC);
- ``outcome``, ``victims``, ``qualifier``, ``scope`` take the guide's values; ``grade`` the
  grading scale's;
- free text (``source``, ``place``, ``perpetrator``) at most :data:`TEXT_MAX` characters,
  no control characters; ``source`` may not be empty (``reporter`` when unattributed).

Each violation is a :class:`~civcas.errors.JudgementError` naming the field and the value.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ..errors import JudgementError
from ..records import GRADES, OUTCOMES, QUALIFIERS, SCOPES, VICTIM_GROUPS, Claim

MAX_FIGURE = 10_000_000  # larger than any casualty figure reported for one war
REASON_MAX = 2000
TEXT_MAX = 300
EARLIEST = date(1900, 1, 1)
SLACK = timedelta(days=1)  # "today" for a reviewer in any time zone
NO_CLOCK = date.max - SLACK

CORRECTABLE = ("outcome", "victims", "low", "high", "qualifier", "source", "place", "event_date",
               "perpetrator", "scope")
CHOICES: dict[str, tuple[str, ...]] = {"outcome": OUTCOMES, "victims": VICTIM_GROUPS,
                                       "qualifier": QUALIFIERS, "scope": SCOPES}
FIGURES = ("low", "high")
TEXTS = ("source", "place", "perpetrator")
NULLABLE = ("low", "high", "place", "event_date", "perpetrator")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
NULL_WORDS = ("", "null", "none")


def today() -> date:
    return datetime.now(UTC).date()


def reason(value: Any, kind: str = "judgement") -> str:
    """The reason, stripped; E455 when missing, E451 when too long, E452 with a NUL."""
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise JudgementError("E455", kind=kind)
    if len(text) > REASON_MAX:
        raise JudgementError("E451", name="reason", limit=REASON_MAX)
    if "\x00" in text:
        raise JudgementError("E452")
    return text


def figure(name: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or isinstance(value, float) and not value.is_integer():
        raise JudgementError("E423", field=name, value=value)
    try:
        number = int(value.strip()) if isinstance(value, str) else int(value)
    except (TypeError, ValueError, OverflowError):
        raise JudgementError("E423", field=name, value=str(value)[:40]) from None
    if number < 0:
        raise JudgementError("E424", field=name, value=number)
    if number > MAX_FIGURE:
        raise JudgementError("E461", field=name, value=str(value)[:40], limit=f"{MAX_FIGURE:,}")
    return number


def event_date(value: Any, now: date | None = None) -> str | None:
    """``YYYY-MM-DD`` or ``start/end`` checked and returned as written (stripped)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise JudgementError("E462", value=str(value)[:40])
    text = value.strip()
    parts = text.split("/")
    if len(parts) > 2 or not all(ISO_DAY.fullmatch(p) for p in parts):
        raise JudgementError("E462", value=text[:40])
    days = []
    for p in parts:
        try:
            days.append(date.fromisoformat(p))
        except ValueError:
            raise JudgementError("E463", value=p) from None
    latest = (now or today()) + SLACK
    for d in days:
        if d > latest:
            raise JudgementError("E464", value=d.isoformat(), today=(now or today()).isoformat())
        if d < EARLIEST:
            raise JudgementError("E465", value=d.isoformat(), earliest=EARLIEST.isoformat())
    if len(days) == 2 and days[0] > days[1]:
        raise JudgementError("E466", value=text)
    return text


def free_text(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise JudgementError("E425", field=name, value=str(value)[:40], choices="text")
    text = value.strip()
    if len(text) > TEXT_MAX:
        raise JudgementError("E451", name=name, limit=TEXT_MAX)
    if CONTROL.search(text):
        raise JudgementError("E467", field=name)
    if not text and name == "source":
        raise JudgementError("E468")
    return text


def field(name: str, value: Any, now: date | None = None) -> Any:
    """One corrected field's value, typed and checked."""
    if name not in CORRECTABLE:
        raise JudgementError("E422", field=str(name)[:40], fields=", ".join(CORRECTABLE))
    if isinstance(value, str) and value.strip().lower() in NULL_WORDS and name in NULLABLE:
        value = None
    if value is None and name not in NULLABLE:
        raise JudgementError("E469", field=name)
    if name in FIGURES:
        return figure(name, value)
    if name in CHOICES:
        text = value.strip() if isinstance(value, str) else value
        if text not in CHOICES[name]:
            raise JudgementError("E425", field=name, value=str(value)[:40],
                                 choices=", ".join(CHOICES[name]))
        return text
    if name == "event_date":
        return event_date(value, now)
    return free_text(name, value)


def correction(fields: Any, now: date | None = None) -> dict[str, Any]:
    """Validated, typed field values of a correction; JudgementError names the bad field."""
    if not isinstance(fields, Mapping) or not fields:
        raise JudgementError("E421")
    out = {str(name): field(str(name), value, now) for name, value in fields.items()}
    low, high = out.get("low"), out.get("high")
    if low is not None and high is not None and low > high:
        raise JudgementError("E470", low=low, high=high)
    return out


def corrected_claim(claim: Claim, fields: Mapping[str, Any]) -> None:
    """The claim as it would be after ``fields``: its low may not exceed its high."""
    low = fields["low"] if "low" in fields else claim.low
    high = fields["high"] if "high" in fields else claim.high
    if low is not None and high is not None and low > high:
        raise JudgementError("E471", claim=claim.id, low=low, high=high)


def grade(value: Any) -> str:
    text = value.strip() if isinstance(value, str) else value
    if text not in GRADES:
        raise JudgementError("E427", grade=str(value)[:40], grades=", ".join(GRADES))
    return text


def stored_correction(fields: Mapping[str, Any]) -> dict[str, Any] | None:
    """A stored correction's typed values, or None when it does not pass the rules (stored
    before they were this strict): it is then skipped, not applied. Its dates are not held
    against today's clock (they were checked when it was made)."""
    try:
        return correction(fields, now=NO_CLOCK)
    except JudgementError:
        return None

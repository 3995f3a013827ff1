"""The closed vocabularies of the records: a ``Literal`` type for the checker and the tuple of its
values (in that order) for code that lists or validates them."""
from __future__ import annotations

from typing import Literal, get_args

# The closed vocabularies of the records: a ``Literal`` type for the checker, and the tuple of
# its values (in that order) for code that lists or validates them.
Outcome = Literal["killed", "injured", "casualties"]
VictimGroup = Literal["people", "civilians", "children", "women", "men", "combatants",
                      "security_forces"]
Qualifier = Literal["exact", "at_least", "more_than", "up_to", "about", "range", "vague", "none"]
Scope = Literal["incident", "cumulative"]
# where precision of a resolved place, most to least precise (UCDP where_prec in spirit)
Precision = Literal["point", "village", "district", "governorate", "country"]
# Airwars grading scale, strongest first
Grade = Literal["confirmed", "fair", "weak", "contested", "discounted"]
StanceKind = Literal["acknowledged", "denied", "no_comment"]
DatePrecision = Literal["day", "days", "week", "month", "year", "unknown"]
JudgementKind = Literal["accept_claim", "reject_claim", "correct_claim", "merge", "split",
                        "set_grade", "undo"]
# what a user of the review app may do: read; and judge; and manage users
Role = Literal["viewer", "reviewer", "admin"]

OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
VICTIM_GROUPS: tuple[VictimGroup, ...] = get_args(VictimGroup)
QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)
SCOPES: tuple[Scope, ...] = get_args(Scope)
PRECISIONS: tuple[Precision, ...] = get_args(Precision)
GRADES: tuple[Grade, ...] = get_args(Grade)
STANCES: tuple[StanceKind, ...] = get_args(StanceKind)
DATE_PRECISIONS: tuple[DatePrecision, ...] = get_args(DatePrecision)
JUDGEMENT_KINDS: tuple[JudgementKind, ...] = get_args(JudgementKind)
ROLES: tuple[Role, ...] = get_args(Role)

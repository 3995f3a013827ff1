"""civcas's front door: every operation a user can do, from the CLI, the web or Python.

The CLI (:mod:`civcas.cli`) and the review app (:mod:`civcas.web`) import only this module
and :mod:`civcas.records`; so may you. The implementation lives in private modules beside
this one, each over the stages (:mod:`civcas.ingest`, :mod:`civcas.extract`, ...)::

    _extract   read, extract and geocode documents (no ledger)
    _ledger    ingest, resolve, read and judge the ledger
    _partial   re-resolve the part of the ledger a judgement can affect
    _pending   resolve the documents stored since the last resolution (incremental)
    _outputs   exports, the HTML report, the acknowledgment gap
    _desk      the review desk: the review app's cached view of one open ledger
    _users     users of the review app
    _config    the settings in force (config file, environment), handed to the stages

Every function that reads the ledger takes ``db`` (a database URL); None means the ``db``
setting. Errors are :class:`CivcasError` subclasses with a stable code (docs/errors.md).

    >>> from civcas import api
    >>> from civcas.records import Filters
    >>> api.ingest(["reports/"], db="sqlite:///ledger.db")
    >>> [i.title for i in api.incidents("sqlite:///ledger.db", Filters(grade="fair"))]
"""
from __future__ import annotations

import typing as _typing

from .._lazy import lazy_names as _lazy_names
from .._version import __version__
from ..errors import (
    CivcasError,
    ConfigError,
    Conflict,
    DecodeError,
    EmptyInput,
    ExtractionError,
    Forbidden,
    GazetteerError,
    InputError,
    JudgementError,
    LedgerError,
    LoginRequired,
    NotFound,
    OversizedInput,
    PlacesFileError,
    ReviewError,
    StoreError,
    TooManyLogins,
    UnsupportedInput,
)

# Every other name is imported when first used (PEP 562), so that a command that reads the ledger
# does not load the extractor, the gazetteer, the report or the web app (``civcas show`` starts in
# a fraction of a second): name -> (module, its name there).
_LAZY: dict[str, tuple[str, str]] = {
    "neutralise": ("..outputs.formats", "neutralise"),
    "GRADE_COLOURS": ("..outputs.ledger", "GRADE_COLOURS"),
    "estimate": ("..outputs.ledger", "estimate"),
    "figure": ("..outputs.ledger", "figure"),
    "format_range": ("..outputs.ledger", "format_range"),
    "tally_series": ("..resolve", "series"),
    "CHOICES": ("..resolve.judgements", "CHOICES"),
    "CORRECTABLE": ("..resolve.judgements", "CORRECTABLE"),
    "KINDS": ("..resolve.judgements", "KINDS"),
    "active_judgements": ("..resolve.judgements", "active"),
    "check_judgement": ("..resolve.judgements", "check_payload"),
    "MAX_FIGURE": ("..resolve.rules", "MAX_FIGURE"),
    "QUEUES": ("..review.query", "QUEUES"),
    "SORTS": ("..review.query", "SORTS"),
    "incident_filters": ("..review.query", "filters_of"),
    "SETTINGS": ("..settings", "SETTINGS"),
    "Setting": ("..settings", "Setting"),
    "Settings": ("..settings", "Settings"),
    "describe_db": ("..store.engine", "describe"),
    "isolated": ("..vocab.arabic", "isolated"),
    "settings": ("._config", "current"),
    "secret_key": ("._config", "secret_key"),
    "secret_key_file": ("._config", "secret_key_file"),
    "use_config": ("._config", "use_config"),
    "Desk": ("._desk", "Desk"),
    "document_focus": ("._extract", "document_focus"),
    "explain_document": ("._extract", "explain_document"),
    "explain_text": ("._extract", "explain_text"),
    "extract_document": ("._extract", "extract_document"),
    "extract_documents": ("._extract", "extract_documents"),
    "extract_text": ("._extract", "extract_text"),
    "gazetteer_add": ("._extract", "gazetteer_add"),
    "gazetteer_info": ("._extract", "gazetteer_info"),
    "geocode": ("._extract", "geocode"),
    "read_documents": ("._extract", "read_documents"),
    "resolve_place": ("._extract", "resolve_place"),
    "judge": ("._judge", "judge"),
    "judge_many": ("._judge", "judge_many"),
    "filter_incidents": ("._read", "filter_incidents"),
    "filtered_snapshot": ("._read", "filtered_snapshot"),
    "incident": ("._read", "incident"),
    "incident_claims": ("._read", "incident_claims"),
    "incident_count": ("._read", "incident_count"),
    "incident_detail": ("._read", "incident_detail"),
    "incidents": ("._read", "incidents"),
    "ingest": ("._ledger", "ingest"),
    "pending": ("._read", "pending"),
    "resolve": ("._ledger", "resolve"),
    "resolve_pending_documents": ("._ledger", "resolve_pending_documents"),
    "select_incidents": ("._read", "select_incidents"),
    "snapshot": ("._ledger", "snapshot"),
    "tallies": ("._read", "tallies"),
    "acknowledgment_gap": ("._outputs", "acknowledgment_gap"),
    "check_export": ("._outputs", "check_export"),
    "export": ("._outputs", "export"),
    "export_to": ("._outputs", "export_to"),
    "map_outlines": ("._outputs", "map_outlines"),
    "report": ("._outputs", "report"),
    "extract_paths": ("._parallel", "extract_paths"),
    "add_user": ("._users", "add_user"),
    "can_judge": ("._users", "can_judge"),
    "check_password": ("._users", "check_password"),
    "check_user": ("._users", "check_user"),
    "remove_user": ("._users", "remove_user"),
    "unlock_user": ("._users", "unlock_user"),
    "users": ("._users", "users"),
}

if _typing.TYPE_CHECKING:  # the same names, for type checkers and readers
    from ..outputs.formats import neutralise
    from ..outputs.ledger import GRADE_COLOURS, estimate, figure, format_range
    from ..resolve import series as tally_series
    from ..resolve.judgements import CHOICES, CORRECTABLE, KINDS
    from ..resolve.judgements import active as active_judgements
    from ..resolve.judgements import check_payload as check_judgement
    from ..resolve.rules import MAX_FIGURE
    from ..review.query import QUEUES, SORTS
    from ..review.query import filters_of as incident_filters
    from ..settings import SETTINGS, Setting, Settings
    from ..store.engine import describe as describe_db
    from ..vocab.arabic import isolated  # Arabic text between bidi isolates in a terminal cell
    from ._config import current as settings
    from ._config import secret_key, secret_key_file, use_config
    from ._desk import Desk
    from ._extract import (
        document_focus,
        explain_document,
        explain_text,
        extract_document,
        extract_documents,
        extract_text,
        gazetteer_add,
        gazetteer_info,
        geocode,
        read_documents,
        resolve_place,
    )
    from ._judge import judge, judge_many
    from ._ledger import (
        ingest,
        resolve,
        resolve_pending_documents,
        snapshot,
    )
    from ._outputs import (
        acknowledgment_gap,
        check_export,
        export,
        export_to,
        map_outlines,
        report,
    )
    from ._parallel import extract_paths
    from ._read import (
        filter_incidents,
        filtered_snapshot,
        incident,
        incident_claims,
        incident_count,
        incident_detail,
        incidents,
        pending,
        select_incidents,
        tallies,
    )
    from ._users import (
        add_user,
        can_judge,
        check_password,
        check_user,
        remove_user,
        unlock_user,
        users,
    )


__getattr__ = _lazy_names(__name__, _LAZY, globals())  # imported on first use, then kept here


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "CHOICES",
    "CORRECTABLE",
    "CivcasError",
    "ConfigError",
    "Conflict",
    "DecodeError",
    "Desk",
    "EmptyInput",
    "ExtractionError",
    "Forbidden",
    "GRADE_COLOURS",
    "GazetteerError",
    "InputError",
    "JudgementError",
    "KINDS",
    "LedgerError",
    "LoginRequired",
    "MAX_FIGURE",
    "NotFound",
    "OversizedInput",
    "PlacesFileError",
    "QUEUES",
    "ReviewError",
    "SETTINGS",
    "SORTS",
    "Setting",
    "Settings",
    "StoreError",
    "TooManyLogins",
    "UnsupportedInput",
    "__version__",
    "acknowledgment_gap",
    "active_judgements",
    "add_user",
    "can_judge",
    "check_export",
    "check_judgement",
    "check_password",
    "check_user",
    "describe_db",
    "document_focus",
    "estimate",
    "explain_document",
    "explain_text",
    "export",
    "export_to",
    "extract_document",
    "extract_documents",
    "extract_paths",
    "extract_text",
    "figure",
    "filter_incidents",
    "filtered_snapshot",
    "format_range",
    "gazetteer_add",
    "gazetteer_info",
    "geocode",
    "incident",
    "incident_claims",
    "incident_count",
    "incident_detail",
    "incident_filters",
    "incidents",
    "ingest",
    "isolated",
    "judge",
    "judge_many",
    "map_outlines",
    "neutralise",
    "pending",
    "read_documents",
    "remove_user",
    "report",
    "resolve",
    "resolve_pending_documents",
    "resolve_place",
    "secret_key",
    "secret_key_file",
    "select_incidents",
    "settings",
    "snapshot",
    "tallies",
    "tally_series",
    "unlock_user",
    "use_config",
    "users",
]

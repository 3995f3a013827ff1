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
    filter_incidents,
    filtered_snapshot,
    incident,
    incident_claims,
    incident_count,
    incident_detail,
    incidents,
    ingest,
    pending,
    resolve,
    resolve_pending_documents,
    select_incidents,
    snapshot,
    tallies,
)
from ._outputs import acknowledgment_gap, check_export, export, map_outlines, report
from ._parallel import extract_paths
from ._users import (
    add_user,
    can_judge,
    check_password,
    check_user,
    remove_user,
    unlock_user,
    users,
)

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

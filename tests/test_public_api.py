"""The public surface of civcas, pinned (as httpx's test_exported_members does).

A name added to or dropped from ``civcas.api`` (or ``civcas``) changes what users can
rely on: change this list on purpose, with the CHANGELOG.
"""
from __future__ import annotations

import inspect
import types

import civcas
from civcas import api

API = [
    "CHOICES", "CORRECTABLE", "CivcasError", "ConfigError", "Conflict", "DecodeError", "Desk",
    "EmptyInput", "ExtractionError", "Forbidden", "GRADE_COLOURS", "GazetteerError", "InputError",
    "JudgementError", "KINDS", "LedgerError", "LoginRequired", "MAX_FIGURE", "NotFound", "OversizedInput",
    "PlacesFileError", "QUEUES", "ReviewError", "SETTINGS", "SORTS", "Setting", "Settings", "StoreError",
    "TooManyLogins", "UnsupportedInput", "__version__", "acknowledgment_gap", "active_judgements", "add_user",
    "can_judge", "check_export", "check_judgement", "check_password", "check_user", "describe_db",
    "document_focus", "estimate", "explain_document", "explain_text", "export", "export_to", "extract_document", "extract_documents",
    "extract_paths", "extract_text", "figure", "filter_incidents", "filtered_snapshot", "format_range",
    "gazetteer_add", "gazetteer_info", "geocode", "incident", "incident_claims", "incident_count", "incident_detail",
    "incident_filters", "incidents", "ingest", "isolated", "judge", "judge_many", "map_outlines", "neutralise", "pending", "read_documents", "remove_user", "report", "resolve",
    "resolve_pending_documents",
    "resolve_place", "secret_key", "secret_key_file", "select_incidents", "settings", "snapshot", "tallies", "tally_series", "unlock_user", "use_config", "users",
]
PACKAGE = ["Claim", "Document", "ExtractionResult", "ReadFailure", "__version__",
           "extract_document", "extract_paths", "extract_text", "read_documents"]


def test_the_api_exports_exactly_its_pinned_names_sorted():
    assert api.__all__ == sorted(api.__all__)
    assert api.__all__ == API


def test_every_public_name_of_the_api_module_is_exported():
    """Nothing public lies about in the api module but its private submodules (once every
    name, imported on first use, has been used)."""
    for name in API:
        getattr(api, name)
    public = {name for name, value in vars(api).items()
              if not name.startswith("_") and not isinstance(value, types.ModuleType)
              and name != "annotations"}
    assert public == set(API) - {"__version__"}


def test_the_package_exports_its_pinned_names_sorted():
    assert civcas.__all__ == sorted(civcas.__all__) == PACKAGE
    for name in PACKAGE:
        assert getattr(civcas, name) is not None


def test_api_functions_say_what_they_do():
    """Every exported function and class has a docstring (the first line is its help)."""
    missing = [name for name in API if (inspect.isfunction(getattr(api, name))
                                        or inspect.isclass(getattr(api, name)))
               and not inspect.getdoc(getattr(api, name))]
    assert missing == []


def test_the_implementation_modules_are_private():
    names = {m.name for m in __import__("pkgutil").iter_modules(api.__path__)}
    assert names and all(n.startswith("_") for n in names), names

"""civcas's exceptions, one small tree.

    CivcasError
    ├── ConfigError          a setting has a bad value
    ├── InputError           an input file or row cannot be read
    │   ├── UnsupportedInput     unknown file type, binary content
    │   ├── EmptyInput           nothing left after cleaning
    │   ├── OversizedInput       bigger than the configured limit
    │   └── DecodeError          not decodable as text
    ├── ExtractionError      extraction failed on a document
    ├── LedgerError          the ledger database cannot do what was asked
    │   ├── StoreError           the database cannot be opened, migrated or written
    │   ├── NotFound             no incident, claim or judgement with that id
    │   └── JudgementError       a judgement that cannot apply (bad kind, field, value)
    └── GazetteerError       the gazetteer cannot be read or changed
        └── PlacesFileError      a user places file has a bad row (file, row, field)

Every error message names the file, row or field it is about.
"""
from __future__ import annotations


class CivcasError(Exception):
    """Base class of every civcas error."""


class ConfigError(CivcasError):
    """A setting or option has a bad value."""


class InputError(CivcasError):
    """An input file or row cannot be read."""


class UnsupportedInput(InputError):
    """Unknown file type or binary content."""


class EmptyInput(InputError):
    """No text left after reading and cleaning."""


class OversizedInput(InputError):
    """Input larger than the configured limit."""


class DecodeError(InputError):
    """Bytes that do not decode as text."""


class ExtractionError(CivcasError):
    """Extraction failed on a document."""


class LedgerError(CivcasError):
    """The ledger database cannot do what was asked."""


class StoreError(LedgerError):
    """The database cannot be opened, migrated or written."""


class NotFound(LedgerError):
    """No incident, claim or judgement with that id."""


class JudgementError(LedgerError):
    """A judgement that cannot apply: unknown kind, field or value."""


class Conflict(LedgerError):
    """The incident changed since the reviewer read it: reload, then judge again."""


class GazetteerError(CivcasError):
    """The gazetteer (shipped data or the user's places) cannot be read or changed."""


class PlacesFileError(GazetteerError):
    """A places CSV has a bad row; the message names the file, row and field."""

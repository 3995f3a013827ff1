"""civcas's exceptions: one small tree, and every message listed once with its stable code.

    CivcasError
    ├── ConfigError          E1xx  a setting, option or argument has a bad value
    ├── InputError           E2xx  an input file or row cannot be read
    │   ├── UnsupportedInput         unknown file type, binary content
    │   ├── EmptyInput               nothing left after cleaning
    │   ├── OversizedInput           bigger than the configured limit
    │   └── DecodeError              not decodable as text
    ├── ExtractionError      E3xx  extraction failed on a document
    ├── LedgerError          E4xx  the ledger database cannot do what was asked
    │   ├── StoreError               the database cannot be opened, migrated or written
    │   ├── NotFound                 no incident, claim, document or user with that id
    │   ├── JudgementError           a judgement that cannot apply (bad kind, field, value)
    │   └── Conflict                 the incident changed since the reviewer read it
    ├── GazetteerError       E5xx  the gazetteer cannot be read or changed
    │   └── PlacesFileError          a user places file has a bad row (file, row, field)
    └── ReviewError          E6xx  the review app refuses a request
        ├── LoginRequired            nobody is logged in
        ├── Forbidden                logged in, but not allowed
        └── TooManyLogins            too many failed logins of that name or from that address

An error is raised with its code and the fields of its message, never with text of its own::

    raise NotFound("E402", incident=incident_id)

:data:`MESSAGES` maps each code to its class and message template; ``str(error)`` is
``"[E402] incident 'I12': no such incident ..."``. The CLI prints it after ``civcas: error:``;
the review app returns it with the code (``{"detail": ..., "code": "E402"}``). Codes are
stable: a message may be reworded, its code keeps its meaning. ``docs/errors.md`` lists them
all (``tests/test_errors.py`` checks it does, and that this tree is the classes' tree).

Every message names the file, row, field or id it is about.
"""
from __future__ import annotations

import re
from typing import Any

CODE = re.compile(r"E\d{3}")


class CivcasError(Exception):
    """Base class of every civcas error: ``code`` (E101...), ``message`` and its ``fields``."""

    code: str
    message: str
    fields: dict[str, Any]

    def __init__(self, code: str, **fields: Any) -> None:
        entry = MESSAGES.get(code)
        if entry is None:
            raise TypeError(f"unknown civcas error code {code!r}")
        cls, template = entry
        if type(self) is not cls:
            raise TypeError(f"error {code} is a {cls.__name__}, not a {type(self).__name__}")
        self.code, self.fields = code, fields
        self.message = template.format(**fields)
        super().__init__(f"[{code}] {self.message}")


class ConfigError(CivcasError):
    """A setting, option or argument has a bad value."""


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
    """No incident, claim, document or user with that id."""


class JudgementError(LedgerError):
    """A judgement that cannot apply: unknown kind, field or value."""


class Conflict(LedgerError):
    """The incident changed since the reviewer read it: reload, then judge again."""


class GazetteerError(CivcasError):
    """The gazetteer (shipped data or the user's places) cannot be read or changed."""


class PlacesFileError(GazetteerError):
    """A places CSV has a bad row; the message names the file, row and field."""


class ReviewError(CivcasError):
    """The review app refuses a request."""


class LoginRequired(ReviewError):
    """No user in the session: 401 for the API, a redirect to /login for pages."""


class Forbidden(ReviewError):
    """Logged in, but not allowed (a viewer writing, a bad CSRF token, not an admin)."""


class TooManyLogins(ReviewError):
    """Too many failed logins for this name or from this address: 429 with Retry-After."""

    EXTRA = frozenset({"seconds"})  # a field the message leaves out (the Retry-After header)

    @property
    def seconds(self) -> int:
        return int(self.fields["seconds"])


# code -> (class, message template); the template's fields are given where it is raised
MESSAGES: dict[str, tuple[type[CivcasError], str]] = {
    # ------------------------------------------------ E1xx settings, options, arguments
    "E101": (ConfigError, "setting {name!r}: no such setting (settings: {known})"),
    "E102": (ConfigError, "{where}: {reason}"),
    "E103": (ConfigError, "config file {path}: no such file"),
    "E104": (ConfigError, "config file {path}: cannot be read: {reason}"),
    "E105": (ConfigError, "config file {path}: {name!r} is no setting (settings: {known})"),
    "E111": (ConfigError, "columns: unknown role {role!r}; roles are {roles}"),
    "E112": (ConfigError, "columns: the column for {role!r} must be a non-empty string, "
                          "not {name!r}"),
    "E113": (ConfigError, "max_bytes must be a positive number of bytes, not {value!r}"),
    "E114": (ConfigError, "encoding {value!r}: not a known single-byte or UTF-8 text encoding "
                          "(e.g. cp1252, latin-1, cp1256)"),
    "E115": (ConfigError, "secret_key: {size} bytes; use at least {least} random bytes (or "
                          "unset it: a key is then generated and stored)"),
    "E121": (ConfigError, "database URL {url!r}: not a database URL; expected sqlite:///PATH "
                          "or postgresql+psycopg://USER@HOST:PORT/DB"),
    "E122": (ConfigError, "database URL {url!r}: unsupported backend {backend!r}; expected "
                          "sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB"),
    "E123": (ConfigError, "database URL {url!r}: directory {directory} does not exist"),
    "E124": (ConfigError, "database URL {url!r}: {reason}; expected sqlite:///PATH or "
                          "postgresql+psycopg://USER@HOST:PORT/DB"),
    "E125": (ConfigError, "--dask {address}: {reason}"),
    "E126": (ConfigError, "--dask needs the optional extra: pip install 'civcas[dask]' ({reason})"),
    "E131": (ConfigError, "user {name!r} exists (use --update to change the role or password)"),
    "E132": (ConfigError, "role {role!r}: not one of {roles}"),
    "E133": (ConfigError, "user name {name!r}: use 1-100 letters, digits, '.', '_', '@' or '-', "
                          "starting with a letter or digit"),
    "E134": (ConfigError, "password: at least {length} characters"),
    "E141": (ConfigError, "--level: {level!r} is not one of {levels}"),
    "E142": (ConfigError, "--format: {format!r} is not one of {formats}"),
    "E143": (ConfigError, "--layout: {layout!r} is not one of {layouts}"),
    "E144": (ConfigError, "--layout {layout} applies to --level incidents only, not {level}"),
    "E145": (ConfigError, "--format geojson needs coordinates; the {level} level has none"),
    "E146": (ConfigError, "--format parquet is binary: give -o FILE (or redirect stdout)"),
    "E147": (ConfigError, "output {path}: is a directory; give a file name"),
    "E148": (ConfigError, "output {path}: no such directory {parent}"),
    "E149": (ConfigError, "output {path}: cannot write: {reason}"),
    "E151": (ConfigError, "{name} {value!r}: not a whole number"),
    "E152": (ConfigError, "grade {grade!r}: not one of {grades}"),
    "E153": (ConfigError, "{name} {value!r}: not a date (YYYY-MM-DD)"),
    "E154": (ConfigError, "{name}: longer than {limit} characters"),
    "E155": (ConfigError, "sort {sort!r}: not one of {sorts}"),
    "E156": (ConfigError, "order {order!r}: asc or desc"),
    "E157": (ConfigError, "{name} {value}: from {low} to {high}"),
    "E158": (ConfigError, "reviewed {value!r}: 1 or 0 (true or false)"),
    "E159": (ConfigError, "queue {queue!r}: not one of {queues}"),
    "E161": (ConfigError, "{pair!r}: expected FIELD=VALUE"),
    # ------------------------------------------------ E2xx inputs (a ReadFailure's reason)
    "E201": (UnsupportedInput, "unsupported file type {kind} (supported: {supported})"),
    "E202": (UnsupportedInput, "binary content (NUL bytes), not a text file"),
    "E203": (UnsupportedInput, "binary content ({share:.0%} control characters), not a text file"),
    "E204": (UnsupportedInput, "not a regular file"),
    "E205": (InputError, "unexpected error: {error}"),
    "E206": (InputError, "no such file or directory"),
    "E207": (InputError, "permission denied"),
    "E208": (InputError, "is a directory"),
    "E209": (InputError, "cannot read: {reason}"),
    "E210": (InputError, "no documents found in {paths}"),
    "E211": (EmptyInput, "empty file"),
    "E212": (EmptyInput, "empty file (only whitespace)"),
    "E213": (EmptyInput, "no article text left after cleaning"),
    "E214": (EmptyInput, "no article text found in the HTML"),
    "E215": (EmptyInput, "no text in column {column!r}"),
    "E216": (EmptyInput, "empty CSV file (no header row)"),
    "E221": (InputError, "column {column!r} ({role}) holds a JSON {kind}, not text"),
    "E222": (InputError, "UTF-16 JSONL is not supported; convert it to UTF-8"),
    "E223": (InputError, "invalid JSON: {reason} at column {column}"),
    "E224": (InputError, "expected a JSON object, got a JSON {kind}"),
    "E225": (InputError, "no column {name!r} for the {role} (header: {header}); "
                         "set columns={{{role!r}: ...}}"),
    "E226": (InputError, "malformed CSV header: {reason}"),
    "E227": (InputError, "malformed CSV row: {reason}"),
    "E228": (InputError, "malformed CSV row: {fields} fields, the header has {header}"),
    "E231": (DecodeError, "not valid UTF-8 (first bad byte at offset {byte}); if the file is "
                          "in another encoding, name it with --encoding (e.g. cp1252)"),
    "E232": (DecodeError, "cannot decode the line as {encoding} (byte {byte}); name the file's "
                          "encoding with --encoding (e.g. cp1252)"),
    "E234": (DecodeError, "cannot decode as UTF-8 nor as {fallback} (first bad byte at "
                          "offset {byte})"),
    "E235": (DecodeError, "cannot decode the row as {encoding}; name the file's encoding with "
                          "--encoding (e.g. cp1252)"),
    "E241": (OversizedInput, "{what} is {size:,} bytes, over the limit of {limit:,} bytes "
                             "(max_bytes)"),
    "E242": (OversizedInput, "{what} longer than the limit of {limit:,} bytes (max_bytes)"),
    # ------------------------------------------------ E3xx extraction
    "E301": (ExtractionError, "extraction failed: {error}"),
    "E302": (ExtractionError, "extraction took longer than {seconds} s (the extract_seconds "
                              "setting); not extracted"),
    # ------------------------------------------------ E4xx the ledger
    "E401": (NotFound, "database {url!r}: no ledger there yet (`civcas ingest PATH --db URL` "
                       "creates one)"),
    "E402": (NotFound, "incident {incident!r}: no such incident (see `civcas incidents` for "
                       "the ids)"),
    "E403": (NotFound, "claim {claim!r}: no such claim (see `civcas show INCIDENT_ID`)"),
    "E404": (NotFound, "document {document!r}: no such document"),
    "E405": (NotFound, "user {name!r}: no such user (see `civcas user list`)"),
    "E406": (NotFound, "claim {claim!r} is in no incident (rejected, or a cumulative figure: "
                       "see the tallies)"),
    "E407": (NotFound, "no users yet: add one with `civcas user add NAME --role admin`"),
    "E408": (NotFound, "judgement {judgement!r}: no such judgement (see the incident's "
                       "judgements or `civcas show`)"),
    "E411": (StoreError, "database {url}: cannot {action}: {reason}"),
    "E421": (JudgementError, "correct_claim: give at least one FIELD=VALUE"),
    "E422": (JudgementError, "correct_claim: field {field!r} cannot be corrected "
                             "(one of: {fields})"),
    "E423": (JudgementError, "correct_claim: field {field}: {value!r} is not a whole number"),
    "E424": (JudgementError, "correct_claim: field {field}: {value} is negative"),
    "E425": (JudgementError, "correct_claim: field {field}: {value!r} is not one of {choices}"),
    "E426": (JudgementError, "judgement kind {kind!r}: not one of {kinds}"),
    "E427": (JudgementError, "set_grade: grade {grade!r} is not one of {grades}"),
    "E428": (JudgementError, "{kind}: no claims to apply to"),
    "E431": (JudgementError, "claim {claim!r} is not a claim of incident {incident}"),
    "E432": (JudgementError, "claim {claim!r} is not rejected"),
    "E433": (JudgementError, "merge: give two or more incident ids"),
    "E434": (JudgementError, "split {incident}: claims {claims} are not claims of that "
                             "incident"),
    "E435": (JudgementError, "split {incident}: name the claims to move out"),
    "E436": (JudgementError, "split {incident}: leave at least one claim behind"),
    "E441": (Conflict, "incident {incident} no longer exists (merged, split or its claims "
                       "rejected since you loaded it). Reload and check before judging again."),
    "E442": (Conflict, "incident {incident} no longer exists (merged, split or its claims "
                       "rejected since you loaded it; its first claim is now in incident "
                       "{now}). Reload and check before judging again."),
    "E443": (Conflict, "incident {incident} changed since you loaded it. Nothing was saved: "
                       "reload the incident, check the change, and judge again."),
    "E444": (Conflict, "incident {incident} changed since you loaded it (latest judgement: "
                       "{kind} by {user} at {at:%Y-%m-%d %H:%M} UTC). Nothing was saved: "
                       "reload the incident, check the change, and judge again."),
    "E451": (JudgementError, "{name}: at most {limit} characters"),
    "E452": (JudgementError, "a value holds a NUL character"),
    "E453": (JudgementError, "{kind}: name the claim"),
    "E454": (JudgementError, "merge: give the id of at least one other incident"),
    "E455": (JudgementError, "{kind}: give a reason (every judgement keeps who made it, when "
                             "and why)"),
    "E456": (JudgementError, "unknown action {kind!r}"),
    "E457": (JudgementError, "correct_claim: the form lacks the claim or the version"),
    "E458": (JudgementError, "correct_claim: no field was changed"),
    "E459": (JudgementError, "give the incident's version (`version` or If-Match)"),
    "E461": (JudgementError, "correct_claim: field {field}: {value} is above the largest figure "
                             "accepted ({limit})"),
    "E462": (JudgementError, "correct_claim: field event_date: {value!r} is not a date "
                             "YYYY-MM-DD or an interval YYYY-MM-DD/YYYY-MM-DD"),
    "E463": (JudgementError, "correct_claim: field event_date: {value!r} is not a calendar date"),
    "E464": (JudgementError, "correct_claim: field event_date: {value} is in the future "
                             "(today is {today} UTC)"),
    "E465": (JudgementError, "correct_claim: field event_date: {value} is before {earliest}"),
    "E466": (JudgementError, "correct_claim: field event_date: {value!r} ends before it starts"),
    "E467": (JudgementError, "correct_claim: field {field}: control characters are not allowed"),
    "E468": (JudgementError, "correct_claim: field source: give who asserts the figure "
                             "('reporter' when the report does not say)"),
    "E469": (JudgementError, "correct_claim: field {field} cannot be empty"),
    "E470": (JudgementError, "correct_claim: low {low} is above high {high}"),
    "E471": (JudgementError, "correct_claim: claim {claim} would have low {low} above high "
                             "{high}; correct both"),
    "E472": (JudgementError, "{kind}: give the {target} it is about"),
    "E473": (JudgementError, "{kind}: a claim is named twice"),
    # ------------------------------------------------ E5xx the gazetteer
    "E501": (GazetteerError, "shipped gazetteer file {name}: {reason}"),
    "E511": (PlacesFileError, "{path}: row 1: no header (expected columns {columns})"),
    "E512": (PlacesFileError, "{path}: row 1: missing column '{column}' (expected columns "
                              "{columns})"),
    "E513": (PlacesFileError, "{where}: field '{field}': {value!r} is not a number"),
    "E514": (PlacesFileError, "{where}: field '{field}': {value} is outside "
                              "-{bound:g}..{bound:g}"),
    "E515": (PlacesFileError, "{where}: field 'country': {value!r} is not a country code or "
                              "name"),
    "E516": (PlacesFileError, "{where}: field 'admin1': {value!r} is not a region of {country}"),
    "E517": (PlacesFileError, "{where}: more than {limit} rows"),
    "E518": (PlacesFileError, "{where}: more fields than the header has"),
    "E519": (PlacesFileError, "{where}: field 'name': empty or no letters"),
    "E520": (PlacesFileError, "{where}: field 'name': longer than {limit} characters"),
    "E521": (PlacesFileError, "{path}: not UTF-8 text ({reason} at byte {byte})"),
    "E522": (PlacesFileError, "{path}: cannot {action}: {reason}"),
    # ------------------------------------------------ E6xx the review app
    "E611": (LoginRequired, "log in first (POST /api/login)"),
    "E612": (Forbidden, "user {name!r} ({role}) may not judge"),
    "E613": (TooManyLogins, "Too many failed logins. Try again in {minutes} {unit}."),
    "E614": (Forbidden, "missing or wrong CSRF token: reload the page and try again"),
    "E615": (Forbidden, "{name} is a {role}: only {who}"),
    "E616": (LoginRequired, "wrong name or password"),
    "E617": (Forbidden, "the whole audit log is for admins: give ?incident=ID"),
}

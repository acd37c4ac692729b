"""Exceptions raised by the claimcheck library. The CLI turns them into one-line errors."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base class for every error claimcheck reports to a user."""


class InputError(ClaimcheckError, ValueError):
    """An input file or stream cannot be read as news articles."""


class NoSuchPath(InputError, FileNotFoundError):
    """A path given to ingest does not exist."""


class NoSupportedFiles(InputError):
    """A folder holds no file claimcheck can read."""


class EmptyInput(InputError):
    """A file holds no text."""


class BinaryInput(InputError):
    """A file looks binary rather than text."""


class EncodingProblem(InputError):
    """A file is not valid text in the encoding given or detected."""


class MalformedJsonl(InputError):
    """A JSON Lines record cannot be parsed or has no text."""


class DatabaseError(ClaimcheckError):
    """The database cannot be opened, written or upgraded."""


class NoDatabase(DatabaseError, FileNotFoundError):
    """The database file does not exist yet."""


class InvalidOption(ClaimcheckError, ValueError):
    """An option value is not valid."""


class UnknownConflict(ClaimcheckError, LookupError):
    """No conflict (current or reviewed) has the id or id prefix given."""


class AmbiguousConflict(ClaimcheckError, LookupError):
    """More than one conflict id starts with the prefix given."""

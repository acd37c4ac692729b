"""Exceptions raised by the claimcheck library. The CLI turns them into one-line errors."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base class for every error claimcheck reports to a user."""


class InputError(ClaimcheckError, ValueError):
    """An input file or stream cannot be read as news articles.

    ``kind`` is a short, stable name for the reason (``no-article-text``, ``binary``...):
    ``--skip-errors`` counts skipped items by it and the ``skipped`` table stores it.
    """

    kind = "unreadable"


class NoSuchPath(InputError, FileNotFoundError):
    """A path given to ingest does not exist."""

    kind = "no-such-path"


class PermissionDenied(NoSuchPath):
    """A file exists but cannot be read."""

    kind = "permission-denied"


class NoSupportedFiles(InputError):
    """A folder holds no file claimcheck can read."""

    kind = "unsupported"


class EmptyInput(InputError):
    """A file holds no text."""

    kind = "empty"


class NoArticleText(EmptyInput):
    """An HTML page holds no article body: a navigation, shop or cookie-banner-only page.

    A subclass of :class:`EmptyInput` so code that caught "nothing to read" still does.
    """

    kind = "no-article-text"


class TooLarge(InputError):
    """A single-article file is larger than any article (see ``MAX_ARTICLE_BYTES``)."""

    kind = "too-large"


class BinaryInput(InputError):
    """A file looks binary rather than text."""

    kind = "binary"


class EncodingProblem(InputError):
    """A file is not valid text in the encoding given or detected."""

    kind = "undecodable"


class MalformedJsonl(InputError):
    """A JSON Lines record cannot be parsed or has no text."""

    kind = "malformed-json"


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

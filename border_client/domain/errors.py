"""Domain exceptions.

DomainError
 ├── MrzError            text that is not a machine readable zone (names line and column)
 └── WatchlistCsvError   a watchlist file that cannot be read (names line and column)
"""

from __future__ import annotations

__all__ = ["DomainError", "MrzError", "WatchlistCsvError"]


class DomainError(ValueError):
    """Base class of the domain's errors: each message says what is wrong and where."""


class MrzError(DomainError):
    """The input is not an MRZ: wrong line count, wrong line length or a forbidden character."""


class WatchlistCsvError(DomainError):
    """A watchlist CSV row or header that cannot be used."""

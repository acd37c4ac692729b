"""Word lists shipped as package data (``claimcheck/lexicons/*.txt``).

Each file holds one entry per line; ``#`` starts a comment (a whole-line comment or
the rest of a line) and blank lines are skipped. The header of a file says what the
list is for, where its entries come from and whether it is matched case-sensitively.
Every file is read once per process and cached.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["entries", "entry_list", "lower_words", "names", "word_set", "words"]

_PACKAGE = __name__.rpartition(".")[0] or "claimcheck"


def names() -> list[str]:
    """File names of all shipped word lists, sorted."""
    folder = resources.files(_PACKAGE).joinpath("lexicons")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of word list ``name`` in file order (comments and blanks removed)."""
    text = resources.files(_PACKAGE).joinpath("lexicons", name).read_text(encoding="utf-8")
    return tuple(
        w for w in (line.split("#", 1)[0].strip() for line in text.splitlines()) if w
    )


def entry_list(name: str) -> list[str]:
    """The entries of ``name`` as a new list (callers may change it)."""
    return list(entries(name))


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``name`` as a set, exactly as written."""
    return frozenset(entries(name))


@cache
def lower_words(name: str) -> frozenset[str]:
    """The entries of ``name`` lower-cased, as a set."""
    return frozenset(w.lower() for w in entries(name))


def word_set(name: str) -> set[str]:
    """The entries of ``name`` as a new mutable set (callers may change it)."""
    return set(entries(name))

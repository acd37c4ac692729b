"""Word lists shipped as package data (``claimcheck/lexicons/*.txt``).

Each file holds one entry per line, stripped of surrounding spaces. A line starting with
``#`` is a comment, so is the rest of a line after `` #``; blank lines are skipped. An entry
whose spaces matter or that holds ``#`` is written in double quotes (``"by "``, ``"#"``):
the text between the quotes is taken as it is. The header of a file says what the
list is for, where its entries come from and whether it is matched case-sensitively.
A mapping file holds one ``key = value`` pair a line (:func:`pairs`), a table file one
row a line with its cells separated by `` | `` (:func:`rows`), and a regex file one
regular-expression alternative a line (:func:`alternatives`). Every file is read once per
process and cached.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = [
    "alternatives",
    "entries",
    "entry_list",
    "lower_words",
    "names",
    "pairs",
    "rows",
    "word_set",
    "words",
]

_PACKAGE = __name__.rpartition(".")[0] or "claimcheck"


def names() -> list[str]:
    """File names of all shipped word lists, sorted."""
    folder = resources.files(_PACKAGE).joinpath("lexicons")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of word list ``name`` in file order (comments and blanks removed)."""
    text = resources.files(_PACKAGE).joinpath("lexicons", name).read_text(encoding="utf-8")
    return tuple(e for e in map(_entry, text.splitlines()) if e is not None)


def _entry(line: str) -> str | None:
    """The entry of one line of a word list file, or None for a comment or blank line."""
    line = line.strip()
    if len(line) >= 2 and line[0] == '"' and line[-1] == '"':
        return line[1:-1]
    line = line.split(" #", 1)[0].strip()
    if not line or line.startswith("#"):
        return None
    return line


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


@cache
def pairs(name: str) -> tuple[tuple[str, str], ...]:
    """The ``key = value`` lines of mapping file ``name`` in file order, both sides stripped.

    :raises ValueError: a line without `` = `` (a broken package file).
    """
    out: list[tuple[str, str]] = []
    for entry in entries(name):
        key, sep, value = entry.partition(" = ")
        if not sep:
            raise ValueError(f"{name}: {entry!r} is not a 'key = value' line")
        out.append((key.strip(), value.strip()))
    return tuple(out)


@cache
def alternatives(name: str) -> str:
    """The entries of regex file ``name`` joined with ``|`` in file order (no group around).

    "Why?" Smith asked: ``rf"(?:{alternatives('attribution_verbs.txt')})\\b"`` matches
    "asked". The caller writes the group, so a capture group stays where it was.
    """
    return "|".join(entries(name))


@cache
def rows(name: str, width: int) -> tuple[tuple[str, ...], ...]:
    """The rows of table file ``name`` in file order: cells split on `` | ``, stripped.

    :raises ValueError: a row without exactly ``width`` cells (a broken package file).
    """
    out: list[tuple[str, ...]] = []
    for entry in entries(name):
        cells = tuple(c.strip() for c in entry.split(" | "))
        if len(cells) != width:
            raise ValueError(f"{name}: {entry!r} has {len(cells)} cells, not {width}")
        out.append(cells)
    return tuple(out)

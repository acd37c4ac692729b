"""The word lists shipped as package data (claimcheck/lexicons/*.txt)."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from claimcheck import lexicon
from claimcheck.compare.text import stem
from claimcheck.entities import find_entities

NAMES = lexicon.names()
SOURCE = Path(lexicon.__file__).parent


def _lines(name: str) -> list[str]:
    return (
        resources.files("claimcheck")
        .joinpath("lexicons", name)
        .read_text(encoding="utf-8")
        .splitlines()
    )


def _header(name: str) -> list[str]:
    header: list[str] = []
    for line in _lines(name):
        if not line.startswith("#"):
            break
        header.append(line)
    return header


def _lower_cased(name: str) -> bool:
    return "lower-cased when loaded" in " ".join(_header(name))


def test_the_package_ships_many_word_lists() -> None:
    assert len(NAMES) >= 40
    assert "given_names.txt" in NAMES and "name_boundary_words.txt" in NAMES


@pytest.mark.parametrize("name", NAMES)
def test_list_has_a_header_saying_what_it_is_for(name: str) -> None:
    header = " ".join(_header(name))
    assert len(_header(name)) >= 3, f"{name}: header of at least three comment lines"
    assert "Source:" in header, f"{name}: header says where the entries come from"
    assert re.search(r"\b[a-z_/]+\.py\b", header), f"{name}: header names the code using it"


@pytest.mark.parametrize("name", NAMES)
def test_entries_are_normalised_and_unique(name: str) -> None:
    entries = lexicon.entries(name)
    assert entries, f"{name} is empty"
    for e in entries:
        assert e == " ".join(e.split()), f"{name}: {e!r} has stray spaces"
        assert "\t" not in e
    keys = [e.lower() for e in entries] if _lower_cased(name) else list(entries)
    dups = sorted({k for k in keys if keys.count(k) > 1})
    assert not dups, f"{name}: duplicates {dups}"


@pytest.mark.parametrize("name", NAMES)
def test_every_list_is_used_by_the_code(name: str) -> None:
    code = "".join(p.read_text(encoding="utf-8") for p in SOURCE.rglob("*.py"))
    assert f'"{name}"' in code, f"{name} is shipped but no module loads it"


def test_lists_are_read_once_and_cached() -> None:
    first = lexicon.words("countries.txt")
    assert lexicon.words("countries.txt") is first
    assert lexicon.entries("synonym_rows.txt") is lexicon.entries("synonym_rows.txt")


def test_comments_and_blank_lines_are_not_entries() -> None:
    for name in NAMES:
        assert not any(e.startswith("#") or not e for e in lexicon.entries(name))
    # a sub-heading of the given-names file is a comment, its names are entries
    assert "# -- Hebrew" in _lines("given_names.txt")
    assert "yosef" in lexicon.lower_words("given_names.txt")


def test_lower_cased_lists_match_in_lower_case() -> None:
    assert "united states" in lexicon.lower_words("countries.txt")
    assert "United States" in lexicon.entries("countries.txt")
    assert "United States" not in lexicon.lower_words("countries.txt")


@pytest.mark.parametrize("given", ["Yosef", "Giorgia", "Mousa", "Priya"])
def test_a_given_name_from_the_file_makes_a_person(given: str) -> None:
    assert given.lower() in lexicon.lower_words("given_names.txt")
    found = {(m.surface, m.kind) for m in find_entities(f"On Monday {given} Kowalczyk spoke.")}
    assert (f"{given} Kowalczyk", "person") in found


@pytest.mark.parametrize("country", ["Chad", "Botswana", "Uruguay"])
def test_a_country_from_the_file_is_a_place(country: str) -> None:
    assert country in lexicon.entries("countries.txt")
    found = {(m.surface, m.kind) for m in find_entities(f"The envoy flew to {country} on Monday.")}
    assert (country, "place") in found


def test_synonym_rows_map_each_word_to_the_first_of_its_row() -> None:
    rows = [row.split() for row in lexicon.entries("synonym_rows.txt")]
    assert len(rows) > 20
    seen: set[str] = set()
    for row in rows:
        for word in row:
            if word not in seen:
                assert stem(word) == row[0], (word, row[0])
        seen.update(row)

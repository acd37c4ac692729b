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
    for line in _lines(name):
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            # quoted only where it is needed: spaces that matter, or a "#"
            inner = line[1:-1]
            assert line.endswith('"') and (inner != " ".join(inner.split()) or "#" in inner), line
        else:
            assert line == " ".join(line.split()), f"{name}: {line!r} has stray spaces"
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
        assert not any(e.startswith("# ") or not e for e in lexicon.entries(name))
    # a sub-heading of the given-names file is a comment, its names are entries
    assert "# -- Hebrew" in _lines("given_names.txt")
    assert "yosef" in lexicon.lower_words("given_names.txt")


def test_quoted_entries_keep_their_spaces_and_hash_signs() -> None:
    assert "by " in lexicon.entries("boilerplate_short_prefixes.txt")
    assert "by" not in lexicon.entries("boilerplate_short_prefixes.txt")
    assert "#" in lexicon.words("number_name_keywords.txt")


def test_mapping_files_keep_their_pairs_in_order() -> None:
    demonyms = lexicon.pairs("demonyms.txt")
    assert demonyms[0] == ("Russian", "Russia")
    assert ("North Korean", "North Korea") in demonyms
    assert dict(lexicon.pairs("number_words.txt"))["twelve"] == "12"


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


PAIR_FILES = [n for n in NAMES if "'key = value'" in " ".join(_header(n))]


@pytest.mark.parametrize("name", PAIR_FILES)
def test_mapping_files_have_one_value_per_key(name: str) -> None:
    keys = [key.lower() for key, _ in lexicon.pairs(name)]
    assert len(PAIR_FILES) >= 8
    assert all(key and value for key, value in lexicon.pairs(name))
    assert len(keys) == len(set(keys)), f"{name}: a key twice"


def test_role_words_put_a_longer_role_before_its_prefix() -> None:
    roles = lexicon.entries("role_words.txt")
    for i, later in enumerate(roles):
        for earlier in roles[:i]:
            assert not later.startswith(earlier), f"{earlier!r} would hide {later!r}"


# --- regex files and table files (issue #17, second part) ----------------------------------

REGEX_FILES = [n for n in NAMES if "regular-expression alternative" in " ".join(_header(n))]
TABLE_FILES = {"vague_quantities.txt": 5, "frequency_words.txt": 4}


def test_the_regex_and_table_files_are_found() -> None:
    assert {"attribution_verbs.txt", "holiday_names.txt", "tally_words.txt"} <= set(REGEX_FILES)
    assert set(TABLE_FILES) <= set(NAMES)


@pytest.mark.parametrize("name", REGEX_FILES)
def test_regex_entries_are_single_alternatives_without_capture_groups(name: str) -> None:
    for entry in lexicon.entries(name):
        pattern = re.compile(entry)  # each line compiles on its own
        # a capture group would shift the group numbers of the pattern it is joined into
        assert pattern.groups == 0, f"{name}: {entry!r} captures"
        # a top-level "|" would make two alternatives of one line
        depth = 0
        for i, ch in enumerate(entry):
            if ch in "([" and (i == 0 or entry[i - 1] != "\\"):
                depth += 1
            elif ch in ")]" and entry[i - 1] != "\\":
                depth -= 1
            assert not (ch == "|" and depth == 0), f"{name}: {entry!r} holds two alternatives"
    assert lexicon.alternatives(name) == "|".join(lexicon.entries(name))


@pytest.mark.parametrize("name", sorted(TABLE_FILES))
def test_table_rows_have_their_cells_and_ordered_bounds(name: str) -> None:
    rows = lexicon.rows(name, TABLE_FILES[name])
    assert rows
    for row in rows:
        lo, hi = (float(c) for c in row[1:3])
        assert 0 < lo <= hi, row
    with pytest.raises(ValueError, match="cells"):
        lexicon.rows(name, TABLE_FILES[name] + 1)


@pytest.mark.parametrize("row", lexicon.rows("vague_quantities.txt", 5))
def test_a_vague_amount_from_the_file_gets_its_bounds(row: tuple[str, ...]) -> None:
    from claimcheck.quantities import find_quantities

    words, lo, hi, _canon, needs = row
    text = f"Police said {words} {'of ' if needs == 'of' else ''}people were hurt."
    [q] = find_quantities(text)
    assert (q.lo, q.hi) == (float(lo), float(hi)) and q.approximate


@pytest.mark.parametrize(
    "pair",
    # "between" needs a second number and "aged" an age: the other classes qualify a count
    [p for p in lexicon.pairs("quantity_qualifiers.txt") if p[1] not in ("between", "age")],
)
def test_a_qualifier_from_the_file_qualifies_a_number(pair: tuple[str, str]) -> None:
    from claimcheck.quantities import find_quantities

    words, canon = pair
    quantities = find_quantities(f"Police said {words} 40 people were hurt.")
    assert [q.qualifier for q in quantities] == [canon]


@pytest.mark.parametrize("verb", lexicon.entries("attribution_verbs.txt"))
def test_an_attribution_verb_keeps_the_quote_in_its_sentence(verb: str) -> None:
    from claimcheck.segment import segment_sentences

    text = f'"Why did it happen?" Maria Lopez {verb} the crowd. Nobody knew.'
    assert segment_sentences(text)[0].startswith('"Why did it happen?" Maria Lopez')

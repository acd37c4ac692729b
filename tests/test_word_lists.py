"""No word list longer than a dozen entries stays in Python source (issue #17).

``tests/word_list_scan.py`` reads every module of the package and reports literal
collections of more than 12 strings and regex alternations of more than 12 words. What it
finds belongs in ``claimcheck/lexicons/*.txt``; the few findings below are not word lists.
"""

from __future__ import annotations

import pytest

from tests.word_list_scan import LIMIT, alternations, scan_package, scan_source

# Findings that are not word lists: path, kind and the first three entries -> why.
ALLOWED: dict[str, str] = {
    "claimcheck/compare/__init__.py:collection:DEFAULT_MIN_CONFIDENCE DEFAULT_THRESHOLD "
    "STORY_AFFINITY": "__all__: the package's public names",
    "claimcheck/report.py:collection:FORMATS Conflict Group": "__all__: the module's public names",
    "claimcheck/report.py:collection:id group kind": "keys of the JSON report (its schema)",
    "claimcheck/report.py:collection:conflict_id group_id kind": "header row of the CSV report",
    "claimcheck/differ.py:collection:subject_kind subject subject_name": (
        "column names of an SQL result row"
    ),
    "claimcheck/serve.py:collection:conflict_id group_id claim_id": (
        "database columns that hold a row id, mapped to their table"
    ),
    "claimcheck/store.py:collection:id subject_kind subject": "a table's schema (column: type)",
    "claimcheck/export.py:collection:id source content_hash": (
        "the Parquet schema of the articles table (column, type)"
    ),
    "claimcheck/export.py:collection:id group_id kind": (
        "the Parquet schema of the conflicts table (column, type)"
    ),
    "claimcheck/dates.py:collection:' ’ J": (
        "a regex trie keyed by first character (a speed structure for the date scan); its "
        "values are regex fragments, not entries of a list"
    ),
}


def test_no_word_list_is_left_in_the_source() -> None:
    found = [f for f in scan_package() if f.key() not in ALLOWED]
    assert not found, "move these word lists to claimcheck/lexicons/*.txt:\n" + "\n".join(
        f"{f.path}:{f.line} {f.kind} of {f.size}: {f.sample} ..." for f in found
    )


def test_every_allowed_finding_still_exists() -> None:
    """A stale allow-list line would let a new word list in under an old name."""
    keys = {f.key() for f in scan_package()}
    assert set(ALLOWED) <= keys, sorted(set(ALLOWED) - keys)


def _words(n: int) -> list[str]:
    return [f"w{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(n)]


@pytest.mark.parametrize(
    "template",
    [
        "X = {{{items}}}",
        "X = frozenset([{items}])",
        "X = ({items},)",
        "X = {{{pairs}}}",
        "X = (({rows}),)",
    ],
)
def test_scan_finds_literal_collections_over_the_limit(template: str) -> None:
    def source(n: int) -> str:
        words = _words(n)
        return template.format(
            items=", ".join(f'"{w}"' for w in words),
            pairs=", ".join(f'"{w}": {i}' for i, w in enumerate(words)),
            rows="), (".join(f'"{w}", {i}' for i, w in enumerate(words)),
        )

    assert not scan_source(source(LIMIT), "m.py")
    [finding] = scan_source(source(LIMIT + 1), "m.py")
    assert finding.kind == "collection" and finding.size == LIMIT + 1


def test_scan_finds_regex_alternations_and_split_strings() -> None:
    words = _words(LIMIT + 1)
    alternation = "|".join(words[:-1]) + r"|some\s+phrase(?:s)?"
    found = scan_source(f'P = re.compile(r"\\b(?:{alternation})\\b")', "m.py")
    assert [(f.kind, f.size) for f in found] == [("regex", LIMIT + 1)]
    # the alternation split over two implicitly joined literals and an f-string
    half = len(words) // 2
    src = f'P = rf"(?:{"|".join(words[:half])}|" r"{"|".join(words[half:])}){{X}}"'
    assert [(f.kind, f.size) for f in scan_source(src, "m.py")] == [("regex", LIMIT + 1)]
    found = scan_source(f'W = "{" ".join(words)}".split()', "m.py")
    assert [(f.kind, f.size) for f in found] == [("split", LIMIT + 1)]
    # one word short of the limit is not a list; nor are alternatives that are not words
    assert not scan_source(f'P = r"(?:{"|".join(words[:LIMIT])})"', "m.py")
    digits = "|".join(rf"\d{{{i}}}" for i in range(LIMIT + 5))
    assert not scan_source(f'P = r"(?:{digits})"', "m.py")


def test_alternations_keep_nested_groups_exact() -> None:
    groups = list(alternations(r"a(?:b|c)?|(?P<x>d|e)|f"))
    assert ["b", "c"] in groups and ["d", "e"] in groups
    assert groups[-1] == ["a(?:b|c)?", "(?P<x>d|e)", "f"]

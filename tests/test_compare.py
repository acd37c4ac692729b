"""Unit tests of the grouping machinery: blocking, clustering, affinity, slot rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.compare import (
    ClaimRecord,
    PairVerdict,
    Slot,
    StoryAffinity,
    _negated_word_shared,
    _prepare,
    candidate_pairs,
    cluster,
    compare_pair,
    find_groups,
)


def claim(cid: str, article: str, text: str, slots: list[Slot] | None = None, outlet: str = "o",
          polarity: int = 1) -> ClaimRecord:
    c = ClaimRecord(cid, article, article, outlet, 0, len(text), text, text, polarity, None, None, None,
                    "2024-01-10")
    c.slots = slots or []
    return c


def test_blocking_pairs_only_claims_of_different_articles_that_share_keys() -> None:
    claims = [
        claim("a1", "A", "The ferry capsized near Korvik harbour with 40 passengers aboard"),
        claim("a2", "A", "Rescue boats searched the Korvik harbour overnight"),
        claim("b1", "B", "A ferry capsized close to Korvik harbour carrying 40 passengers"),
        claim("c1", "C", "The central bank kept interest rates unchanged"),
    ]
    _prepare(claims)
    pairs = candidate_pairs(claims)
    assert (0, 2) in pairs and (1, 2) in pairs
    assert (0, 1) not in pairs  # same article
    assert all(3 not in p for p in pairs)  # nothing shared with the bank claim


def test_average_linkage_does_not_chain() -> None:
    # 0-1 strong, 1-2 strong, 0-2 absent: a chain. Average linkage keeps 2 out.
    scored = [(0.9, 0, 1), (0.6, 1, 2)]
    groups = cluster(3, scored, ["A", "B", "C"], threshold=0.55)
    assert groups == [[0, 1]]


def test_same_outlet_template_words_do_not_make_a_story() -> None:
    template = "officers from district nine responded to a call for shots fired on"
    claims = []
    for i, street in enumerate(["maple avenue", "birch road", "cedar lane", "elm court"]):
        c = claim(f"c{i}", f"A{i}", f"{template} {street}", outlet="Police Blotter")
        claims.append(c)
    other = claim("x", "Z", f"{template} maple avenue", outlet="Other Paper")
    _prepare([*claims, other])
    affinity = StoryAffinity([*claims, other])
    # one outlet's template shared by its four articles says little about them
    assert affinity("A0", "A1") < 0.15
    # another outlet with the same words and street is judged on all of them
    assert affinity("A0", "Z") > affinity("A0", "A1")


def test_negation_must_apply_to_a_shared_word() -> None:
    neg = claim("n", "A", "The company didn't confirm the merger", polarity=-1)
    pos = claim("p", "B", "The company confirmed the merger")
    unwilling = claim("u", "A", "they were not willing to talk with reporters", polarity=-1)
    talked = claim("t", "B", "talked with reporters")
    _prepare([neg, pos, unwilling, talked])
    assert _negated_word_shared(neg, pos)
    assert not _negated_word_shared(unwilling, talked)


def test_identical_relative_dates_never_conflict() -> None:
    # "on Monday" in two copies of one story published a week apart is one statement.
    monday_a = Slot("date", "Monday", "2024-01-08", 738893.0, 738893.0, "day|relative", None, 21, 27)
    monday_b = Slot("date", "Monday", "2024-01-15", 738900.0, 738900.0, "day|relative", None, 21, 27)
    a = claim("a", "A", "He was extradited on Monday to face charges", [monday_a])
    b = claim("b", "B", "He was extradited on Monday to face charges", [monday_b])
    _prepare([a, b])
    assert compare_pair(a, b, 1.0).relation == "agree"


def test_conflict_ids_are_unique_when_one_pair_disagrees_twice_on_one_kind() -> None:
    # "3 were killed and 5 injured" vs "4 were killed and 7 injured": two number conflicts
    # between the same two claims must get two ids (a crash in v0.1: UNIQUE constraint).
    def q(surface: str, n: float, start: int, unit: str = "count") -> Slot:
        return Slot("quantity", surface, str(n), n, n, unit, None, start, start + len(surface))

    ta = "3 were killed and 5 injured in the Korvik mine blast"
    tb = "4 were killed and 7 injured in the Korvik mine blast"
    a = claim("a", "A", ta, [q("3", 3, 0), q("5", 5, 18)])
    b = claim("b", "B", tb, [q("4", 4, 0), q("7", 7, 18)])
    groups, _ = find_groups([a, b], min_confidence=0.0)
    conflicts = [c for g in groups for c in g.conflicts]
    assert sorted((c.a_value, c.b_value) for c in conflicts) == [("3", "4"), ("5", "7")]
    assert len({c.id for c in conflicts}) == 2


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.integers(1, 9), st.integers(1, 9)), min_size=1, max_size=4))
def test_conflict_ids_unique_for_generated_count_lists(values: list[tuple[int, int]]) -> None:
    words = ["killed", "injured", "arrested", "missing"]
    parts_a, parts_b, slots_a, slots_b = [], [], [], []
    for k, (x, y) in enumerate(values):
        for parts, slots, n in ((parts_a, slots_a, x), (parts_b, slots_b, y)):
            offset = sum(len(p) + 5 for p in parts)
            text = f"{n} people were {words[k]}"
            parts.append(text)
            slots.append(Slot("quantity", f"{n} people", str(n), float(n), float(n),
                              "count:person", None, offset, offset + len(f"{n} people")))
    a = claim("a", "A", " and ".join(parts_a) + " in Korvik", slots_a)
    b = claim("b", "B", " and ".join(parts_b) + " in Korvik", slots_b)
    groups, _ = find_groups([a, b], threshold=0.3, min_confidence=0.0)
    ids = [c.id for g in groups for c in g.conflicts]
    assert len(ids) == len(set(ids))
    # every reported value pair is one that really differs
    for g in groups:
        for c in g.conflicts:
            assert c.a_value != c.b_value


def test_one_failing_pair_does_not_lose_the_report(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimcheck.compare.groups as groups_mod

    real = groups_mod.compare_pair

    def flaky(a: ClaimRecord, b: ClaimRecord, sim: float, affinity: float = 0.5) -> PairVerdict:
        if "ferry" in a.text:
            raise ValueError("bad slot")
        return real(a, b, sim, affinity)

    monkeypatch.setattr(groups_mod, "compare_pair", flaky)
    claims = [
        claim("a1", "A", "The ferry capsized near Korvik harbour with 40 passengers aboard"),
        claim("b1", "B", "The ferry capsized near Korvik harbour with 40 passengers aboard"),
        claim("a2", "A", "Rescue divers from Lund searched the Korvik harbour on Sunday"),
        claim("b2", "B", "Rescue divers from Lund searched the Korvik harbour on Sunday"),
    ]
    groups, _ = find_groups(claims)
    assert len(groups) == 2
    failed = [g for g in groups if g.errors]
    assert len(failed) == 1 and "ValueError: bad slot" in failed[0].errors[0]


# --- stems (Snowball English via PyStemmer, issue #17) --------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [("shootings", "shooting"), ("injuries", "injury"), ("officers", "officer"),
     ("planned", "plans"), ("police's", "police"), ("victims’", "victim")],
)
def test_inflections_share_a_stem(a: str, b: str) -> None:
    from claimcheck.compare.text import stem

    assert stem(a) == stem(b)


@pytest.mark.parametrize(("a", "b"), [("news", "new"), ("caring", "cars"), ("crime", "crim")])
def test_different_words_keep_different_stems(a: str, b: str) -> None:
    """The home-made stripper Snowball replaced joined these ("news" -> "new")."""
    from claimcheck.compare.text import stem

    assert stem(a) != stem(b)


def test_a_synonym_maps_every_inflection_to_its_row() -> None:
    from claimcheck import lexicon
    from claimcheck.compare.text import stem

    row = lexicon.entries("synonym_rows.txt")[0].split()
    assert all(stem(w) == row[0] for w in row)

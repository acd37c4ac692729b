"""One role, two people: role holdings compared across the articles of a story.

Each case is two short invented articles of one story (a shared context paragraph, then the
sentence naming the role holder); they go through the real pipeline (ingest, then diff).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.compare.roles import one_person, parse_role, same_role
from tests.conftest import conflicts_of

CONTEXT_A = ("The Varnholt shipyard in Kellby will close its eastern dock by the end of 2027, "
             "the company said on Tuesday, putting 900 jobs at risk.")
CONTEXT_B = ("Varnholt, the Kellby shipbuilder, said on Tuesday it would close its eastern dock "
             "by the end of 2027, putting 900 jobs at risk.")

# (id, sentence in A, sentence in B, expected holders or None for no conflict)
CASES: list[tuple[str, str, str, tuple[str, str] | None]] = [
    ("apposition-vs-title",
     "Chief executive Oskar Brandt said the closure could not be avoided.",
     "Lisa Kemper, the company's chief executive, called the decision painful.",
     ("Oskar Brandt", "Lisa Kemper")),
    ("speaker-possessive-vs-apposition",
     "Varnholt's spokesman, Emil Hagen, said talks with the unions would start in May.",
     "Jonas Wirth, Varnholt's spokesman, declined to say how many workers would move.",
     ("Emil Hagen", "Jonas Wirth")),
    ("led-by-vs-possessive",
     "Varnholt, led by Greta Solberg, has lost money for three years.",
     "Varnholt's chief executive, Henrik Dahl, blamed the loss of two naval orders.",
     ("Greta Solberg", "Henrik Dahl")),
    ("field-before-title",
     "Industry Minister Petra Lund promised help for the workers.",
     "Anton Falk, the industry minister, promised help for the workers.",
     ("Petra Lund", "Anton Falk")),
    # --- no conflict ------------------------------------------------------------------------
    ("one-person-two-forms",
     "Chief executive Oskar Brandt said the closure could not be avoided.",
     "Brandt, the company's chief executive, called the decision painful.",
     None),
    ("former-holder",
     "Former chief executive Oskar Brandt said the closure could not be avoided.",
     "Lisa Kemper, the company's chief executive, called the decision painful.",
     None),
    ("indefinite-role",
     "Emil Hagen, a spokesman for the unions, said talks would start in May.",
     "Jonas Wirth, a spokesman for the unions, said talks would start soon.",
     None),
    ("possessor-not-named",
     "His lawyer, Emil Hagen, said the union would appeal.",
     "Her lawyer, Jonas Wirth, said the union would appeal.",
     None),
    ("other-organisation",
     "Varnholt's chief executive, Henrik Dahl, blamed the loss of two naval orders.",
     "Norske Marine's chief executive, Lisa Kemper, said it would hire some of the workers.",
     None),
    ("other-field",
     "Industry Minister Petra Lund promised help for the workers.",
     "Anton Falk, the finance minister, said the state could not pay for the dock.",
     None),
    ("both-named-in-one-article",
     "Lisa Kemper, the company's chief executive, called the decision painful.",
     "Chief executive Oskar Brandt, who succeeded Lisa Kemper in March, defended it.",
     None),
]


def _run(cid: str, sent_a: str, sent_b: str, tmp_path: Path) -> list[dict[str, object]]:
    rows = [
        {"id": f"{cid}-a", "outlet": "Outlet A", "published": "2026-04-14",
         "text": f"{CONTEXT_A}\n\n{sent_a}\n\nThe yard opened in 1921."},
        {"id": f"{cid}-b", "outlet": "Outlet B", "published": "2026-04-14",
         "text": f"{CONTEXT_B}\n\n{sent_b}\n\nThe yard was founded in 1921."},
    ]
    return conflicts_of(rows, tmp_path, cid)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_role_holders(case: tuple[str, str, str, tuple[str, str] | None], tmp_path: Path) -> None:
    cid, sent_a, sent_b, holders = case
    conflicts = _run(cid, sent_a, sent_b, tmp_path)
    entity = [c for c in conflicts if c["kind"] == "entity"]
    if holders is None:
        assert entity == [], [(c["a_value"], c["b_value"]) for c in entity]
        return
    got = [{str(c["a_value"]), str(c["b_value"])} for c in entity]
    assert set(holders) in got, conflicts
    hit = next(c for c in entity if {str(c["a_value"]), str(c["b_value"])} == set(holders))
    assert 0.5 <= float(hit["confidence"]) <= 1.0


def test_parse_role() -> None:
    r = parse_role("the company's chief executive")
    assert r is not None and (r.head, r.kind, r.field, r.possessor) == ("chief executive", "sole", (), "")
    r = parse_role("Kestrel's spokeswoman")
    assert r is not None and (r.head, r.possessor) == ("spokesperson", "kestrel")
    r = parse_role("Health Minister")
    assert r is not None and (r.head, r.field) == ("minister", ("health",))
    assert parse_role("former mayor") is None
    assert parse_role("then-president") is None
    assert parse_role("city official") is None


def test_same_role() -> None:
    def role(text: str) -> object:
        r = parse_role(text)
        assert r is not None
        return r

    assert same_role(role("the health minister"), role("Health Minister"))  # type: ignore[arg-type]
    assert not same_role(role("the health minister"), role("finance minister"))  # type: ignore[arg-type]
    assert not same_role(role("minister"), role("minister"))  # type: ignore[arg-type]
    assert same_role(role("Hart's lawyer"), role("Hart's attorney"))  # type: ignore[arg-type]
    assert not same_role(role("his lawyer"), role("his lawyer"))  # type: ignore[arg-type]
    assert not same_role(role("Ukraine's president"), role("president"))  # type: ignore[arg-type]


def test_one_person() -> None:
    assert one_person("Lang", "Peter Lang")
    assert one_person("Min Jun Park", "Min-jun Park")
    assert not one_person("Peter Lang", "Simon Clarke")


def test_bare_apposition_with_whose_role(tmp_path: Path) -> None:
    conflicts = _run(
        "bare-apposition",
        "Jonas Wirth, spokesman for Varnholt, declined to say how many workers would move.",
        "Varnholt's spokesman, Emil Hagen, said talks with the unions would start in May.",
        tmp_path,
    )
    assert {"Jonas Wirth", "Emil Hagen"} in [
        {str(c["a_value"]), str(c["b_value"])} for c in conflicts if c["kind"] == "entity"
    ], conflicts

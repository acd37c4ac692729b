"""Negation by quantifier or verb, with extra detail on one side.

Same shape as tests/test_align.py: two short invented articles of one story, the sentence
under test in each, through the real pipeline (ingest, then diff).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_align import _claims_of, _run

# (id, context A, context B, sentence A, sentence B, expected kind or None, values)
CASES: list[tuple[str, str, str, str, str, str | None, tuple[str, str] | None]] = [
    (
        "admitted-vs-denied-with-detail",
        "Former treasurer Tomas Berg went on trial in Malmo over the missing club funds.",
        "The trial of Tomas Berg, the club's former treasurer, opened in Malmo.",
        "Berg denied taking the club funds.",
        "Berg, 52, admitted taking the club funds during the hearing.",
        "negation", None,
    ),
    # --- no conflict -----------------------------------------------------------------------
    (
        "two-sources",
        "The Orsa town council met on Monday to review its housing plan for the Brekke district.",
        "Orsa's town council reviewed the housing plan for the Brekke district on Monday.",
        "The tenants' union said the council approved no new housing permits this year.",
        "Mayor Ilse Brandt said the council had approved new housing permits this year.",
        None, None,
    ),
    (
        "others-named-in-the-affirmation",
        "The Harbor Fund filed a lawsuit over the sale of the Vinter shipping line on Friday.",
        "On Friday the Harbor Fund sued over the sale of the Vinter shipping line.",
        "The lawsuit, the Ledger reported, does not name Vinter as a defendant.",
        "Also named as defendants were Karl Vinter Jr., Vinter aide Rosa Lind and Vinter's "
        "brother-in-law, Ivo Sand.",
        None, None,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_negation(case: tuple[str, str, str, str, str, str | None, tuple[str, str] | None],
                  tmp_path: Path) -> None:
    conflicts = _run(case, tmp_path)
    _, _, _, sent_a, sent_b, kind, _ = case
    hits = [
        c for c in conflicts
        if {c["a"]["text"], c["b"]["text"]} <= {t for t in _claims_of(sent_a, sent_b, c)}
    ]
    if kind is None:
        assert hits == [], [(c["kind"], c["a_value"], c["b_value"]) for c in hits]
        return
    assert [c["kind"] for c in hits] == [kind], conflicts

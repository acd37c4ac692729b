"""Acceptance corpus for ``claimcheck diff``: article pairs with planted conflicts, and pairs
that state the same facts in other words (which must produce no conflict at all).

Each case in ``tests/data/pairs.json`` holds two short articles (``a`` and ``b``) and the
conflicts that ``diff`` must report (``expect``). A conflict is matched by kind and by the
values: the expected ``a``/``b`` (a string, or a list of accepted spellings) must occur,
case-insensitively and ignoring thousands separators, in the reported ``a_value``/``b_value``,
in either order. A ``negation`` conflict reports polarity rather than a value, so for it the
claim text is searched too. The set must match exactly: same count, nothing extra.

Run ``.venv/bin/python -m tests.test_pairs`` for the recall / false-alarm summary, or
``pytest tests/test_pairs.py -s`` to see it printed by ``test_corpus_summary``.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parent / "data" / "pairs.json"
KINDS = ("date", "number", "entity", "place", "negation")
CASES: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))

_SPACE = re.compile(r"\s+")
_THOUSANDS = re.compile(r"(?<=\d)[,\u202f\u00a0](?=\d{3}\b)")


@dataclass(slots=True)
class Reported:
    """One conflict as ``diff`` reported it."""

    kind: str
    a_value: str
    b_value: str
    a_text: str
    b_text: str
    explanation: str

    def show(self) -> str:
        return (
            f"  - {self.kind}: {self.a_value!r} vs {self.b_value!r} ({self.explanation})\n"
            f"      A: {self.a_text}\n"
            f"      B: {self.b_text}"
        )


@dataclass(slots=True)
class Outcome:
    """How one case went: which expected conflicts were found, and what else was reported."""

    case_id: str
    kind: str
    reported: list[Reported]
    found: list[dict[str, Any]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    extra: list[Reported] = field(default_factory=list)
    error: str | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and not self.missed and not self.extra


def _norm(text: str) -> str:
    return _SPACE.sub(" ", _THOUSANDS.sub("", text)).strip().lower()


def _alternatives(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _side_matches(expected: str | list[str], value: str, text: str, kind: str) -> bool:
    haystacks = [_norm(value)] + ([_norm(text)] if kind == "negation" else [])
    return any(_norm(alt) in hay for alt in _alternatives(expected) for hay in haystacks)


def _matches(exp: dict[str, Any], rep: Reported) -> bool:
    if exp["kind"] != rep.kind:
        return False
    straight = _side_matches(exp["a"], rep.a_value, rep.a_text, rep.kind) and _side_matches(
        exp["b"], rep.b_value, rep.b_text, rep.kind
    )
    swapped = _side_matches(exp["a"], rep.b_value, rep.b_text, rep.kind) and _side_matches(
        exp["b"], rep.a_value, rep.a_text, rep.kind
    )
    return straight or swapped


def _assign(expect: list[dict[str, Any]], reported: list[Reported]) -> tuple[
    list[dict[str, Any]], list[dict[str, Any]], list[Reported]
]:
    """Match expected to reported conflicts one-to-one (augmenting paths; lists are tiny)."""
    owner: dict[int, int] = {}  # reported index -> expected index

    def place(e: int, seen: set[int]) -> bool:
        for r, rep in enumerate(reported):
            if r in seen or not _matches(expect[e], rep):
                continue
            seen.add(r)
            if r not in owner or place(owner[r], seen):
                owner[r] = e
                return True
        return False

    for e in range(len(expect)):
        place(e, set())
    matched = set(owner.values())
    found = [x for i, x in enumerate(expect) if i in matched]
    missed = [x for i, x in enumerate(expect) if i not in matched]
    extra = [rep for r, rep in enumerate(reported) if r not in owner]
    return found, missed, extra


def _write_articles(case: dict[str, Any], folder: Path) -> Path:
    path = folder / f"{case['id']}.jsonl"
    lines = [
        json.dumps({"id": f"{case['id']}-{side}", **case[side]}, ensure_ascii=False)
        for side in ("a", "b")
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _api() -> tuple[Any, Any]:
    """The public API: ``claimcheck.ingest`` and ``claimcheck.diff``."""
    import claimcheck

    return claimcheck.ingest, claimcheck.diff


def run_case(case: dict[str, Any], folder: Path) -> Outcome:
    """Ingest the two articles of ``case`` into a fresh database under ``folder`` and diff."""
    ingest, diff = _api()
    path = _write_articles(case, folder)
    db = folder / "pairs.db"
    ingest([str(path)], db)
    result = diff(db)
    reported = [
        Reported(
            kind=c.kind, a_value=str(c.a_value), b_value=str(c.b_value),
            a_text=c.a.text, b_text=c.b.text, explanation=c.explanation,
        )
        for c in result.conflicts
    ]
    found, missed, extra = _assign(case["expect"], reported)
    return Outcome(case["id"], case["kind"], reported, found, missed, extra)


def _describe(case: dict[str, Any], out: Outcome) -> str:
    lines = [f"case {case['id']} ({case['kind']}):"]
    if case.get("note"):
        lines.append(f"  note: {case['note']}")
    lines.append("  expected: " + (", ".join(
        f"{e['kind']} {e['a']!r} vs {e['b']!r}" for e in case["expect"]
    ) or "no conflict"))
    if out.missed:
        lines.append("  missed: " + ", ".join(
            f"{e['kind']} {e['a']!r} vs {e['b']!r}" for e in out.missed
        ))
    lines.append(f"  reported {len(out.reported)} conflict(s):" + ("" if out.reported else " none"))
    lines.extend(r.show() for r in out.reported)
    if out.extra:
        lines.append(f"  unexpected: {len(out.extra)}")
    return "\n".join(lines)


# --- the corpus itself -----------------------------------------------------------------------


def test_corpus_shape() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    counts = Counter(c["kind"] for c in CASES)
    for kind in KINDS:
        assert counts[kind] >= 5, f"fewer than 5 {kind} cases"
    assert counts["same"] >= 12
    for c in CASES:
        if c["kind"] == "same":
            assert c["expect"] == [], c["id"]
        else:
            assert len(c["expect"]) == 1 and c["expect"][0]["kind"] == c["kind"], c["id"]
        for side in ("a", "b"):
            art = c[side]
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", art["published"]), c["id"]
            assert art["outlet"] and art["text"]
            sentences = len(re.findall(r"[.!?](?:\s|$)", art["text"]))
            assert 4 <= sentences <= 9, (c["id"], side, sentences)
        for e in c["expect"]:
            for side in ("a", "b"):
                alts = _alternatives(e[side])
                text = _norm(c[side]["text"])
                assert any(_norm(x) in text for x in alts), (c["id"], side, alts)


def test_public_api_stays_callable(tmp_path: Path) -> None:
    import claimcheck

    case = CASES[0]
    path = _write_articles(case, tmp_path)
    claimcheck.ingest([str(path)], tmp_path / "api.db")
    claimcheck.diff(tmp_path / "api.db")
    assert callable(claimcheck.ingest), f"claimcheck.ingest is now {claimcheck.ingest!r}"
    assert callable(claimcheck.diff), f"claimcheck.diff is now {claimcheck.diff!r}"


# --- one test per case -----------------------------------------------------------------------

_OUTCOMES: dict[str, Outcome] = {}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_pair(case: dict[str, Any], tmp_path: Path) -> None:
    out = run_case(case, tmp_path)
    _OUTCOMES[case["id"]] = out
    assert out.passed, _describe(case, out)


# --- summary ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Summary:
    expected: int = 0
    found: int = 0
    false_alarms_same: int = 0
    false_alarms_extra: int = 0
    passed: int = 0
    cases: int = 0
    per_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [found, expected]
    failures: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 0.0

    @property
    def false_alarms(self) -> int:
        return self.false_alarms_same + self.false_alarms_extra

    def render(self) -> str:
        lines = [
            f"cases passed: {self.passed}/{self.cases}",
            f"recall: {self.found}/{self.expected} = {self.recall:.0%}",
            f"false alarms: {self.false_alarms} "
            f"({self.false_alarms_same} on 'same' pairs, "
            f"{self.false_alarms_extra} extra on conflict pairs)",
        ]
        for kind in KINDS:
            f, e = self.per_kind.get(kind, [0, 0])
            lines.append(f"  {kind:9s} {f}/{e}")
        if self.failures:
            lines.append("failing: " + ", ".join(self.failures))
        return "\n".join(lines)


def summarize(outcomes: list[Outcome]) -> Summary:
    s = Summary()
    for out in outcomes:
        s.cases += 1
        s.passed += out.passed
        if not out.passed:
            s.failures.append(out.case_id)
        n_exp = len(out.found) + len(out.missed)
        s.expected += n_exp
        s.found += len(out.found)
        if out.kind == "same":
            s.false_alarms_same += len(out.extra)
        else:
            s.false_alarms_extra += len(out.extra)
            pk = s.per_kind.setdefault(out.kind, [0, 0])
            pk[0] += len(out.found)
            pk[1] += n_exp
    return s


def evaluate_all(folder: Path) -> list[Outcome]:
    """Run every case (reusing outcomes already computed in this session)."""
    outcomes = []
    for case in CASES:
        out = _OUTCOMES.get(case["id"])
        if out is None:
            sub = folder / case["id"]
            sub.mkdir(parents=True, exist_ok=True)
            try:
                out = run_case(case, sub)
            except Exception as exc:  # noqa: BLE001 - a crash is a failed case in the summary
                out = Outcome(case["id"], case["kind"], [], [], list(case["expect"]), [],
                              error=f"{type(exc).__name__}: {exc}")
            _OUTCOMES[case["id"]] = out
        outcomes.append(out)
    return outcomes


def test_corpus_summary(tmp_path: Path) -> None:
    """Prints recall and false alarms over the whole corpus (see it with ``-s``)."""
    outcomes = evaluate_all(tmp_path)
    s = summarize(outcomes)
    print("\n" + s.render())
    assert s.cases == len(CASES)
    assert s.expected == sum(len(c["expect"]) for c in CASES)
    assert s.passed == sum(o.passed for o in outcomes)


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        results = evaluate_all(Path(tmp))
    by_id = {c["id"]: c for c in CASES}
    for o in results:
        mark = "PASS" if o.passed else "FAIL"
        detail = ""
        if not o.passed:
            if o.error:
                detail = o.error
            else:
                bits = []
                if o.missed:
                    bits.append(f"missed {len(o.missed)}")
                if o.extra:
                    bits.append("extra " + "; ".join(
                        f"{r.kind} {r.a_value!r}/{r.b_value!r}" for r in o.extra
                    ))
                detail = ", ".join(bits)
        print(f"{mark} {o.case_id:28s} {o.kind:9s} {detail}")
        if verbose and not o.passed:
            print(_describe(by_id[o.case_id], o))
    print()
    print(summarize(results).render())

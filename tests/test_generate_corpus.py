"""Tests for the synthetic benchmark corpus generator (benchmarks/generate_corpus.py)."""

from __future__ import annotations

import importlib.util
import json
import random
import re
import sys
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import dateparser  # type: ignore[import-untyped]
import pytest
from text_to_num import alpha2digit

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "generate_corpus.py"


def _load() -> ModuleType:
    name = "generate_corpus"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, _PATH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


gc = _load()

_MONTH = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.|Feb\\.|Aug\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\."
)
_WD = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DATE_RE = re.compile(
    rf"\b((?:{_WD})(?:, (?:{_MONTH}) \d{{1,2}})?|(?:{_MONTH}) \d{{1,2}}(?:, \d{{4}})?"
    rf"|\d{{1,2}} (?:{_MONTH})(?: \d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}|[Yy]esterday"
    rf"|in (?:{_MONTH}) \d{{4}})"
)
_NUM_RE = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?:\s*(Bn|bn|Mn|m)\b)?")
_VAGUE_RE = re.compile(r"\b(?:dozens|hundreds|thousands) of\b", re.IGNORECASE)
_NEG_RE = re.compile(r"\b(?:not|no|No|did not|has not)\b")


_WEEKDAYS = _WD.split("|")


def _parse_date(phrase: str, published: str) -> datetime | None:
    """Resolve a date phrase; a bare weekday means the latest such day on/before publication."""
    phrase = phrase.removeprefix("in ")
    if phrase in _WEEKDAYS:
        pub = date.fromisoformat(published)
        back = (pub.weekday() - _WEEKDAYS.index(phrase)) % 7
        d = pub - timedelta(days=back)
        return datetime(d.year, d.month, d.day)
    base = datetime.fromisoformat(published) + timedelta(hours=23)
    got: datetime | None = dateparser.parse(
        phrase,
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "DATE_ORDER": "MDY"},
    )
    return got


def _numbers(sentence: str) -> list[float]:
    """All numeric values in a sentence; money normalised to millions."""
    protected = (
        sentence.replace("a dozen", "12").replace(" billion", " Bn").replace(" million", " Mn")
    )
    protected = _VAGUE_RE.sub("many", protected)
    text = alpha2digit(protected, "en", threshold=0)
    out: list[float] = []
    for m in _NUM_RE.finditer(text):
        v = float(m.group(1).replace(",", ""))
        unit = m.group(2)
        if unit in ("Bn", "bn"):
            v *= 1000
        out.append(v)
    return out


@pytest.fixture(scope="module")
def corpus() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    arts, truth = gc.generate(400, seed=11, conflict_rate=0.2)
    return arts, truth


@pytest.fixture(scope="module")
def conflict_corpus() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    arts, truth = gc.generate(500, seed=5, conflict_rate=1.0)
    return arts, truth


# --------------------------------------------------------------------------- basics


def test_deterministic_for_seed() -> None:
    a1, t1 = gc.generate(80, seed=3)
    a2, t2 = gc.generate(80, seed=3)
    a3, _ = gc.generate(80, seed=4)
    assert a1 == a2
    assert json.dumps(t1, sort_keys=True) == json.dumps(t2, sort_keys=True)
    assert [a["text"] for a in a1] != [a["text"] for a in a3]


@pytest.mark.parametrize("n", [0, 1, 2, 3, 7, 10, 101])
def test_exact_sizes_and_story_partition(n: int) -> None:
    arts, truth = gc.generate(n, seed=1)
    assert len(arts) == n
    ids = [a["id"] for a in arts]
    assert len(set(ids)) == n
    listed = [aid for s in truth["stories"].values() for aid in s["articles"]]
    assert sorted(listed) == sorted(ids)
    for s in truth["stories"].values():
        assert len(s["articles"]) <= 6
        if n >= 3:
            assert len(s["articles"]) >= 3


def test_invalid_arguments() -> None:
    with pytest.raises(ValueError):
        gc.generate(-1)
    with pytest.raises(ValueError):
        gc.generate(10, conflict_rate=1.5)


def test_records_look_like_news(corpus: tuple[list[dict[str, Any]], dict[str, Any]]) -> None:
    arts, truth = corpus
    sizes = [len(a["text"].encode("utf-8")) for a in arts]
    mean = sum(sizes) / len(sizes)
    assert 1800 <= mean <= 4000
    assert min(sizes) >= 900
    for a in arts:
        assert set(a) >= {"id", "title", "text", "published", "outlet", "url"}
        date.fromisoformat(a["published"])
        assert a["url"].startswith("https://")
        assert a["title"] and (a["title"][0].isupper() or a["title"][0].isdigit())
        n_sent = len(re.findall(r"[.!?][\"\u201d]?(?:\s|$)", a["text"]))
        assert 8 <= n_sent <= 40
    # ~4 articles per story, several story types
    assert 3.5 <= len(arts) / len(truth["stories"]) <= 5.0
    assert len({s["type"] for s in truth["stories"].values()}) == 7


def test_published_within_three_days(corpus: tuple[list[dict[str, Any]], dict[str, Any]]) -> None:
    arts, truth = corpus
    by_id = {a["id"]: a for a in arts}
    for s in truth["stories"].values():
        day = date.fromisoformat(s["values"]["date"])
        outlets = set()
        for aid in s["articles"]:
            pub = date.fromisoformat(by_id[aid]["published"])
            assert 0 <= (pub - day).days <= 3
            outlets.add(by_id[aid]["outlet"])
        assert len(outlets) == len(s["articles"])  # distinct outlets per story


def test_truth_sentences_are_in_text(corpus: tuple[list[dict[str, Any]], dict[str, Any]]) -> None:
    arts, truth = corpus
    by_id = {a["id"]: a for a in arts}
    n = 0
    for s in truth["stories"].values():
        assert set(s["facts"]) <= set(s["kinds"])
        assert set(s["kinds"].values()) <= {"date", "number", "entity", "place", "negation"}
        for pairs in s["facts"].values():
            for aid, sent in pairs:
                assert aid in s["articles"]
                assert sent in by_id[aid]["text"]
                assert sent[0].isupper() or sent[0].isdigit() or sent[0] in '"\u201c$\u20ac\u00a3'
                assert sent.endswith(".")
                n += 1
    assert n > 3 * len(arts)


def test_facts_are_shared_across_articles(
    corpus: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    _, truth = corpus
    multi = total = 0
    for s in truth["stories"].values():
        for pairs in s["facts"].values():
            total += 1
            multi += len({aid for aid, _ in pairs}) >= 2
    assert multi / total > 0.7


def test_paraphrases_vary(corpus: tuple[list[dict[str, Any]], dict[str, Any]]) -> None:
    _, truth = corpus
    distinct = total = 0
    for s in truth["stories"].values():
        for pairs in s["facts"].values():
            if len(pairs) >= 3:
                total += 1
                distinct += len({sent for _, sent in pairs}) >= 2
    assert distinct / total > 0.9


def test_outlet_boilerplate_repeats(corpus: tuple[list[dict[str, Any]], dict[str, Any]]) -> None:
    arts, _ = corpus
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for a in arts:
        by_outlet[a["outlet"]].append(a["text"])
    checked = 0
    for texts in by_outlet.values():
        if len(texts) < 3:
            continue
        last = [t.rsplit("\n\n", 1)[-1] for t in texts]
        assert len(set(last)) == 1  # identical "About us" footer
        checked += 1
    assert checked >= 3


# --------------------------------------------------------------------------- conflicts


def test_conflict_rate_is_exact() -> None:
    _, t0 = gc.generate(200, seed=2, conflict_rate=0.0)
    assert t0["conflicts"] == []
    _, t = gc.generate(400, seed=2, conflict_rate=0.25)
    assert len(t["conflicts"]) == round(0.25 * len(t["stories"]))
    assert len({c["story"] for c in t["conflicts"]}) == len(t["conflicts"])


def test_all_conflict_kinds_planted(
    conflict_corpus: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    _, truth = conflict_corpus
    kinds = {c["kind"] for c in truth["conflicts"]}
    assert kinds == {"date", "number", "entity", "place", "negation"}


def test_conflict_records_consistent(
    conflict_corpus: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    arts, truth = conflict_corpus
    by_id = {a["id"]: a for a in arts}
    for c in truth["conflicts"]:
        story = truth["stories"][c["story"]]
        assert c["article_a"] != c["article_b"]
        assert {c["article_a"], c["article_b"]} <= set(story["articles"])
        assert c["value_a"] == story["values"][c["fact"]]
        assert c["value_a"] != c["value_b"]
        assert c["sentence_a"] != c["sentence_b"]
        assert c["sentence_a"] in by_id[c["article_a"]]["text"]
        assert c["sentence_b"] in by_id[c["article_b"]]["text"]
        stating = {aid for aid, _ in story["facts"][c["fact"]]}
        assert {c["article_a"], c["article_b"]} <= stating
        assert c["article_a"] in c["agreeing_articles"]
        assert c["article_b"] not in c["agreeing_articles"]


def _conflicts_of(truth: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    out = [c for c in truth["conflicts"] if c["kind"] == kind]
    assert out
    return out


def test_entity_conflicts_name_different_people(
    conflict_corpus: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    _, truth = conflict_corpus
    for c in _conflicts_of(truth, "entity"):
        sur_a = c["value_a"].split()[-1]
        sur_b = c["value_b"].split()[-1]
        assert sur_a[:3] != sur_b[:3]
        forms_a = {sur_a, gc._surname_variant(sur_a) or sur_a}
        forms_b = {sur_b, gc._surname_variant(sur_b) or sur_b}
        assert any(f in c["sentence_b"] for f in forms_b)
        assert not any(f in c["sentence_b"] for f in forms_a)
        assert any(f in c["sentence_a"] for f in forms_a)


def test_place_conflicts_name_different_cities(
    conflict_corpus: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    _, truth = conflict_corpus
    for c in _conflicts_of(truth, "place"):
        city_a = c["value_a"].split(", ")[0]
        city_b = c["value_b"].split(", ")[0]
        assert city_a != city_b
        assert city_a in c["sentence_a"]
        assert city_b in c["sentence_b"]
        if truth["stories"][c["story"]]["type"] == "sports":
            # the home team keeps its name; only the venue city is wrong
            assert f"in {city_a}" not in c["sentence_b"]
        else:
            assert city_a not in c["sentence_b"]


def test_negation_conflicts_flip_polarity(
    conflict_corpus: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    _, truth = conflict_corpus
    for c in _conflicts_of(truth, "negation"):
        neg_a = bool(_NEG_RE.search(c["sentence_a"]))
        neg_b = bool(_NEG_RE.search(c["sentence_b"]))
        assert neg_a != neg_b
        assert neg_a == (c["value_a"] == "negated")


def test_number_conflicts_clearly_differ(
    conflict_corpus: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    _, truth = conflict_corpus
    for c in _conflicts_of(truth, "number"):
        va = c["value_a"].split()[0]
        vb = c["value_b"].split()[0]
        if "-" in va:  # score
            wa, la = map(int, va.split("-"))
            wb, lb = map(int, vb.split("-"))
            assert (wa, la) != (wb, lb)
            assert va in c["sentence_a"].replace("\u2013", "-") or "goal" in c["sentence_a"]
            continue
        a, b = float(va), float(vb)
        rel = abs(a - b) / max(a, b)
        assert rel >= 0.12 or abs(a - b) >= 0.75  # outside any rounding
        nums_a = _numbers(c["sentence_a"])
        nums_b = _numbers(c["sentence_b"])
        assert any(abs(x - a) < 1e-6 for x in nums_a), (c["sentence_a"], a)
        assert any(abs(x - b) < 1e-6 for x in nums_b), (c["sentence_b"], b)
        assert not any(abs(x - a) < 1e-6 for x in nums_b)


def test_non_conflicting_number_statements_agree(
    conflict_corpus: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    """Format/rounding variation must stay compatible with the true value."""
    _, truth = conflict_corpus
    changed = {(c["story"], c["fact"], c["article_b"]) for c in truth["conflicts"]}
    checked = 0
    for sid, s in truth["stories"].items():
        for fact, pairs in s["facts"].items():
            if s["kinds"][fact] != "number" or "-" in s["values"][fact]:
                continue
            v = float(s["values"][fact].split()[0])
            for aid, sent in pairs:
                if (sid, fact, aid) in changed:
                    continue
                for x in _numbers(sent):
                    assert 0.5 * v <= x <= v + max(2.0, 0.05 * v), (sent, v)
                    checked += 1
    assert checked > 200


def test_date_conflicts_parse_to_recorded_dates(
    conflict_corpus: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    arts, truth = conflict_corpus
    by_id = {a["id"]: a for a in arts}
    for c in _conflicts_of(truth, "date")[:25]:
        for side in ("a", "b"):
            sent = c[f"sentence_{side}"]
            m = _DATE_RE.search(sent)
            assert m, sent
            got = _parse_date(m.group(1), by_id[c[f"article_{side}"]]["published"])
            assert got is not None, sent
            assert got.date().isoformat() == c[f"value_{side}"], (sent, side)


# --------------------------------------------------------------------------- variants


def test_date_phrase_variants_parse() -> None:
    rng = random.Random(9)
    seen_forms: set[str] = set()
    for _ in range(120):
        d = date(2016, 1, 1) + timedelta(days=rng.randint(0, 3000))
        pub = d + timedelta(days=rng.randint(0, 3))
        style = rng.choice(("us", "ap", "uk", "wd", "iso"))
        phrase, exact = gc.date_phrase(rng, d, pub, False, style)
        m = _DATE_RE.search(phrase)
        assert m, phrase
        got = _parse_date(m.group(1), pub.isoformat())
        assert got is not None, phrase
        if exact:
            assert got.date() == d, (phrase, d, pub)
        else:
            assert (got.year, got.month) == (d.year, d.month), phrase
        seen_forms.add(re.sub(r"\d+", "N", phrase))
    assert len(seen_forms) >= 8


def test_exact_date_phrase_never_month_only() -> None:
    rng = random.Random(4)
    for _ in range(300):
        d = date(2020, 5, 17)
        phrase, exact = gc.date_phrase(rng, d, d + timedelta(days=1), True, "us")
        assert exact and not phrase.startswith("in ")


_COUNT_CASES = [1, 2, 5, 9, 12, 19, 24, 47, 130, 850, 2400, 12400, 21000]


@pytest.mark.parametrize("v", _COUNT_CASES)
def test_count_phrase_variants_are_true(v: int) -> None:
    rng = random.Random(v)
    for _ in range(60):
        phrase, exact = gc.count_phrase(rng, v, "person", "people", False, True)
        nums = _numbers(phrase)
        if exact:
            assert nums == [float(v)], phrase
            continue
        if phrase.startswith(("dozens", "hundreds", "thousands")):
            lo = {"dozens": 24, "hundreds": 200, "thousands": 2000}[phrase.split()[0]]
            assert lo <= v < lo * (100 / 24 if lo == 24 else 10)
            continue
        (x,) = nums
        if phrase.startswith("more than"):
            assert x < v
        elif phrase.startswith("at least"):
            assert x <= v
        elif phrase.startswith("nearly"):
            assert v < x <= v + 2
        else:  # about / some / roughly
            assert abs(x - v) <= 0.05 * v + 1e-9, phrase


def test_count_phrase_exact_only() -> None:
    rng = random.Random(1)
    for _ in range(200):
        phrase, exact = gc.count_phrase(rng, 37, "resident", "residents", True, True)
        assert exact
        assert _numbers(phrase) == [37.0]


def test_person_ref_variants() -> None:
    rng = random.Random(2)
    p = gc.Person("Sergei", "Varnavov", False, "Sergey", "Varnavoff")
    role = gc.Role("Interior Minister", "Minister", "the interior minister")
    forms = set()
    for _ in range(200):
        ref = gc.person_ref(rng, p, role)
        assert "Varnavov" in ref or "Varnavoff" in ref
        assert "Minister" in ref or "minister" in ref
        forms.add(ref)
    assert any(f.startswith("Interior Minister Serge") for f in forms)
    assert any("Sergey" in f for f in forms)
    assert any(re.search(r"\bS\. Varnav", f) for f in forms)
    assert any(f.startswith("Varnav") for f in forms)
    assert len(forms) >= 10


def test_transliteration_variants_occur(
    corpus: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    _, truth = corpus
    found = 0
    for s in truth["stories"].values():
        for fact, kind in s["kinds"].items():
            if kind != "entity" or fact not in s["facts"]:
                continue
            sur = s["values"][fact].split()[-1]
            for _, sent in s["facts"][fact]:
                if sur not in sent and sur[:4] in sent:
                    found += 1
    assert found >= 5


# --------------------------------------------------------------------------- CLI


def test_cli_writes_files(tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    tr = tmp_path / "t.json"
    rc = gc.main(["--articles", "25", "--seed", "3", "--out", str(out), "--truth", str(tr)])
    assert rc == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 25
    assert all(json.loads(x)["text"] for x in lines)
    truth = json.loads(tr.read_text(encoding="utf-8"))
    assert set(truth) >= {"stories", "conflicts"}

"""Align, then compare: each class of disagreement the verdict step must find, and the
meaning-preserving rewrites it must leave alone.

Every case is two short articles about one story (a shared context paragraph, worded a little
differently by each outlet) plus the sentence under test. The articles go through the real
pipeline (ingest, then diff), so the slots are what extract finds, not hand-made.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claimcheck

# (id, context A, context B, sentence A, sentence B, expected kind or None, values in A/B)
CASES: list[tuple[str, str, str, str, str, str | None, tuple[str, str] | None]] = [
    (
        "extra-participant-date",
        "Norway's foreign ministry confirmed the visit of Chinese envoy Wu Bo to Oslo.",
        "The Chinese envoy Wu Bo travelled to Oslo, Norway's foreign ministry said.",
        "Foreign Minister Anna Lind met Wu Bo and trade official Karl Moe in Oslo on 12 May 2021.",
        "Foreign Minister Anna Lind met Wu Bo in Oslo on 14 May 2021.",
        "date", ("12 May 2021", "14 May 2021"),
    ),
    (
        "date-list",
        "President Ilona Varga and Chancellor Bruno Keel have built a close working relationship.",
        "Chancellor Bruno Keel and President Ilona Varga are known to be close allies.",
        "Varga and Keel first met in March 2019, then again in June 2021.",
        "Varga and Keel first met in March 2018, then again in June 2021.",
        "date", ("March 2019", "March 2018"),
    ),
    (
        "range-endpoint",
        "Dieter Keller, the former head of the Saxon water agency, died on Friday at 81.",
        "The former Saxon water agency chief Dieter Keller has died aged 81.",
        "Keller ran the water agency from 2004 to 2009.",
        "Keller ran the water agency from 2006 to 2009.",
        "date", ("2004", "2006"),
    ),
    (
        "bound-vs-approximation",
        "Monsoon floods swept through the Sundar delta region of Bangladesh this month.",
        "Floods caused by monsoon rains hit Bangladesh's Sundar delta region this month.",
        "More than 1,000 people were killed in the Sundar delta floods.",
        "About 600 people were killed in the Sundar delta floods.",
        "number", ("1,000", "600"),
    ),
    (
        "frequency",
        "The Senate ethics committee is investigating Ambassador Jorge Pena's contacts.",
        "Ambassador Jorge Pena's contacts are under investigation by the Senate ethics committee.",
        "The committee has questioned Ambassador Jorge Pena twice this year.",
        "The committee has questioned Ambassador Jorge Pena three times this year.",
        "number", ("twice", "three times"),
    ),
    (
        "ordinal-time",
        "Marta Novak beat Elena Sobol in the final of the Delta Open in Split on Sunday.",
        "In Split on Sunday, Marta Novak defeated Elena Sobol in the Delta Open final.",
        "Novak won the Delta Open for the second time.",
        "Novak won the Delta Open for the third time.",
        "number", ("second", "third"),
    ),
    (
        "adjacent-days",
        "The Rhine bridge at Kellburg was being repaired by the Hollis Construction company.",
        "Hollis Construction was repairing the Rhine bridge at Kellburg.",
        "The Kellburg bridge collapsed on 7 May 2022, killing four workers.",
        "The Kellburg bridge collapsed on 8 May 2022, killing four workers.",
        "date", ("7 May 2022", "8 May 2022"),
    ),
    (
        "negation-quantifier",
        "The Dalmar County land agency published its annual drilling report on Monday.",
        "On Monday the Dalmar County land agency released its yearly report on drilling.",
        "The Dalmar County agency approved no drilling permits in 2020.",
        "The Dalmar County agency repeatedly approved drilling permits in 2020.",
        "negation", None,
    ),
    (
        "negation-denied",
        "Senator Ruth Vale faces questions over her ties to the Corvan Energy lobby.",
        "Questions are mounting over Senator Ruth Vale's links to the Corvan Energy lobby.",
        "Senator Ruth Vale denied meeting the Corvan Energy lobbyist in March.",
        "Senator Ruth Vale met the Corvan Energy lobbyist in March.",
        "negation", None,
    ),
    (
        "negation-refused",
        "Governor Paul Tern of Aldmoor had until Friday to act on the Aldmoor water bill.",
        "The Aldmoor water bill landed on Governor Paul Tern's desk last week.",
        "Governor Paul Tern refused to sign the Aldmoor water bill on Friday.",
        "Governor Paul Tern signed the Aldmoor water bill on Friday.",
        "negation", None,
    ),
    (
        "role-apposition",
        "The Harun Front announced a ceasefire in the Kessa valley on Monday.",
        "A ceasefire in the Kessa valley was announced by the Harun Front on Monday.",
        "Amir Dov, the group's spokesman, confirmed the Kessa ceasefire.",
        "Yusuf Hadi, the group's spokesman, confirmed the Kessa ceasefire.",
        "entity", ("Amir Dov", "Yusuf Hadi"),
    ),
    (
        "role-led-by",
        "A trade delegation from Tarsia arrived in Lisbon for talks on fisheries quotas.",
        "Fisheries quotas are on the agenda as a Tarsian trade delegation visits Lisbon.",
        "The Tarsian trade delegation was led by Omar Tal.",
        "The Tarsian trade delegation was led by Sami Rok.",
        "entity", ("Omar Tal", "Sami Rok"),
    ),
    (
        "role-possessive",
        "Latvia and the Vellan Republic signed a border accord in Riga on Thursday.",
        "A border accord between Latvia and the Vellan Republic was signed in Riga on Thursday.",
        "The Vellan minister's deputy, Lena Berg, signed the border accord.",
        "The Vellan minister's deputy, Ilse Marn, signed the border accord.",
        "entity", ("Lena Berg", "Ilse Marn"),
    ),
    (
        "place",
        "Negotiators from Arvia and Bosk resumed talks on the Lake Tor dispute this week.",
        "Talks over the Lake Tor dispute between Arvia and Bosk resumed this week.",
        "Arvia and Bosk held talks on Lake Tor in Geneva on Tuesday.",
        "Arvia and Bosk held talks on Lake Tor in Vienna on Tuesday.",
        "place", ("Geneva", "Vienna"),
    ),
    (
        "age-in-list",
        "Three men were charged over the robbery of the Kestrel Bank branch in Ames.",
        "Prosecutors charged three men over the Kestrel Bank robbery in Ames.",
        "Martin Rossi, 21, Dan Okoro, 30, and Li Wei, 19, appeared in court on Monday.",
        "Martin Rossi, 23, Dan Okoro, 30, and Li Wei, 19, were charged with robbery.",
        "number", ("21", "23"),
    ),
    # --- rewrites that keep the meaning: no conflict -------------------------------------
    (
        "age-forms",
        "Three teenagers were wounded in a drive-by shooting on Elm Street in Dayton.",
        "A drive-by shooting on Elm Street in Dayton wounded three teenagers.",
        "The wounded were 16-year-old Ann Boyd, 17-year-old Eve Lowry and Tom Kerr, 19.",
        "Ann Boyd, 16, Eve Lowry, 17, and 19-year-old Tom Kerr were wounded.",
        None, None,
    ),
    (
        "bound-refined",
        "Monsoon floods swept through the Sundar delta region of Bangladesh this month.",
        "Floods caused by monsoon rains hit Bangladesh's Sundar delta region this month.",
        "More than 1,000 people were killed in the Sundar delta floods.",
        "1,200 people were killed in the Sundar delta floods.",
        None, None,
    ),
    (
        "date-format",
        "Hamas fighters crossed into southern Israel in a surprise attack.",
        "Militants from Hamas launched a surprise attack on southern Israel.",
        "The attack began on October 7, 2023, at dawn.",
        "The attack began at dawn on 7 October 2023.",
        None, None,
    ),
    (
        "digits-words",
        "A fire broke out at the Marlow textile plant in Dhaka on Sunday night.",
        "On Sunday night a blaze ripped through the Marlow textile plant in Dhaka.",
        "Three firefighters were injured at the Marlow plant.",
        "3 firefighters were injured at the Marlow plant.",
        None, None,
    ),
    (
        "partial-count",
        "A gunman opened fire at the Pine Street block party in Dayton on Saturday.",
        "Shots rang out at the Pine Street block party in Dayton on Saturday.",
        "Two other men were wounded at the Pine Street party.",
        "Three men were wounded at the Pine Street party.",
        None, None,
    ),
    (
        # the magnitude next to "killed" is a measure, not a second death toll
        "bound-beside-a-measure",
        "A strong earthquake shook the Varn valley of northern Kestria on Tuesday.",
        "The Varn valley in northern Kestria was shaken by a strong earthquake on Tuesday.",
        "More than 1,000 people were killed when a magnitude 6.8 earthquake struck the Varn valley.",
        "The earthquake that hit the Varn valley killed about 600 people.",
        "number", ("1,000", "600"),
    ),
    (
        # "and three injured" is a clause of its own, two words long
        "dead-and-injured-clause",
        "A gas explosion tore through the Orlo chemical plant outside Tarnby on Monday.",
        "An explosion at the Orlo chemical plant near Tarnby shook the town on Monday.",
        "The blast at the Orlo plant left one worker dead and three injured.",
        "The blast at the Orlo plant left one worker dead and five injured.",
        "number", ("three", "five"),
    ),
    (
        # four guards cannot have died if only two people did
        "part-larger-than-whole",
        "Inmates rioted at the Selby county prison on Sunday night, the warden said.",
        "A riot broke out at Selby county prison on Sunday night, according to the warden.",
        "Four guards were killed during the riot at the Selby prison.",
        "Two people died when inmates took over a wing of the Selby prison.",
        "number", None,  # "Four guards" / "Two people" (claims) or 4 / 2 (fact sheet)
    ),
    (
        # two of the four dead were guards: no disagreement
        "part-smaller-than-whole",
        "Inmates rioted at the Selby county prison on Sunday night, the warden said.",
        "A riot broke out at Selby county prison on Sunday night, according to the warden.",
        "Two guards were killed during the riot at the Selby prison.",
        "Four people died when inmates took over a wing of the Selby prison.",
        None, None,
    ),
    (
        "different-meetings",
        "Foreign Minister Anna Lind has held a series of talks on Arctic shipping.",
        "Arctic shipping has been the focus of Foreign Minister Anna Lind's recent talks.",
        "Anna Lind met Canadian envoy Paul Roy in Oslo on 12 May 2021.",
        "Anna Lind met Danish envoy Mette Sand in Oslo on 14 May 2021.",
        None, None,
    ),
    (
        "attributed-values",
        "Fighting flared near the border town of Qarad on Thursday.",
        "Heavy fighting was reported around Qarad, a border town, on Thursday.",
        "The rebels said 40 soldiers were killed near Qarad.",
        "The army said 12 soldiers were killed near Qarad.",
        None, None,
    ),
]


def _article(outlet: str, context: str, sentence: str) -> dict[str, str]:
    text = f"{context}\n\n{sentence}\n\nThe report could not be independently verified."
    return {"outlet": outlet, "published": "2023-05-20", "text": text}


def _run(case: tuple[str, str, str, str, str, str | None, tuple[str, str] | None],
         tmp_path: Path) -> list[dict[str, object]]:
    cid, ctx_a, ctx_b, sent_a, sent_b, _, _ = case
    path = tmp_path / f"{cid}.jsonl"
    rows = [
        {"id": f"{cid}-a", **_article("Outlet A", ctx_a, sent_a)},
        {"id": f"{cid}-b", **_article("Outlet B", ctx_b, sent_b)},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    claimcheck.ingest([str(path)], db)
    from claimcheck.report import to_json_dict

    return list(to_json_dict(claimcheck.diff(db))["conflicts"])


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_align_then_compare(case: tuple[str, str, str, str, str, str | None, tuple[str, str] | None],
                            tmp_path: Path) -> None:
    conflicts = _run(case, tmp_path)
    _, _, _, sent_a, sent_b, kind, values = case
    if kind is None:
        assert conflicts == [], [(c["kind"], c["a_value"], c["b_value"]) for c in conflicts]
        return
    # the tested sentences, not the context, must be the ones in conflict
    hits = [
        c for c in conflicts
        if {c["a"]["text"], c["b"]["text"]} <= {t for t in _claims_of(sent_a, sent_b, c)}
    ]
    assert [c["kind"] for c in hits] == [kind], conflicts
    conflict = hits[0]
    assert 0.0 < float(conflict["confidence"]) <= 1.0
    if values is not None:
        got = {str(conflict["a_value"]), str(conflict["b_value"])}
        for want in values:
            assert any(want in g for g in got), (want, got)


def _claims_of(sent_a: str, sent_b: str, conflict: dict[str, object]) -> list[str]:
    """The conflict's claim texts that come from the two sentences under test."""
    out = []
    for side in ("a", "b"):
        claim = conflict[side]
        assert isinstance(claim, dict)
        text = str(claim["text"])
        if text in sent_a or text in sent_b:
            out.append(text)
    return out

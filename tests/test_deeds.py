"""A deed one article states and another denies (compare/negations.py), told in words that
never meet in one claim group: "refused to sign" vs "signed", "denied meeting" vs "met";
and the look-alikes that must stay quiet.

Every case is two or three short invented articles, run through the real pipeline (ingest,
then diff).
"""

from __future__ import annotations

import json
from pathlib import Path

import claimcheck


def _diff(tmp_path: Path, *texts: str, published: tuple[str, ...] = ()) -> list[dict[str, object]]:
    tmp_path = tmp_path / f"run{len(list(tmp_path.iterdir()))}"
    tmp_path.mkdir()
    path = tmp_path / "arts.jsonl"
    rows = [{"id": f"art-{i}", "outlet": f"Outlet {i}",
             "published": published[i] if published else "2024-03-08", "text": t}
            for i, t in enumerate(texts)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    claimcheck.ingest([str(path)], db)
    from claimcheck.report import to_json_dict

    return list(to_json_dict(claimcheck.diff(db))["conflicts"])


def _negations(conflicts: list[dict[str, object]]) -> list[tuple[str, str]]:
    """The deed conflicts of the fact sheets (claim groups report their own negations)."""
    out = []
    for c in conflicts:
        if c["kind"] == "negation" and c.get("attribute") == "deed":
            a, b = c["a"], c["b"]
            assert isinstance(a, dict) and isinstance(b, dict)
            out.append((str(a["text"]), str(b["text"])))
    return out


_BACK_A = ("The deal covers 30,000 electric motors a year, and production starts in Ulsan "
           "next spring. Orvane's chief executive, Dana Whitlock, called it a turning point.")
_BACK_B = ("Under the agreement Orvane will deliver 30,000 electric motors a year. Dana "
           "Whitlock, Orvane's chief executive, attended the ceremony in Ulsan.")


def test_refused_to_sign_against_signed(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        f"Brightwell Motors signed the supply agreement with Orvane Electric on Tuesday. {_BACK_A}",
        f"Brightwell Motors refused to sign a motor contract with Orvane on Tuesday. {_BACK_B}",
    )
    pairs = _negations(conflicts)
    assert any("refused to sign" in b and "signed the supply" in a for a, b in pairs), conflicts


def test_denied_meeting_against_met(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        "Senator Carla Menzies met the lobbyist Victor Hale in a hotel bar on Friday. The "
        "committee will publish the full report next week.",
        "Carla Menzies denied meeting Victor Hale. The committee will publish its full report "
        "next week.",
    )
    assert _negations(conflicts), conflicts


def test_another_partner_is_another_deed(tmp_path: Path) -> None:
    # "signed with Orvane" and "refused to sign with Kelstrom": two deals, no contradiction
    conflicts = _diff(
        tmp_path,
        f"Brightwell Motors signed the supply agreement with Orvane Electric on Tuesday. {_BACK_A}",
        f"Brightwell Motors refused to sign a motor contract with Kelstrom on Tuesday. {_BACK_B}",
    )
    assert _negations(conflicts) == [], conflicts


def test_another_doer_is_another_deed(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        f"Brightwell Motors signed the supply agreement with Orvane Electric on Tuesday. {_BACK_A}",
        f"Halden Group refused to sign a motor contract with Orvane on Tuesday. {_BACK_B}",
    )
    assert _negations(conflicts) == [], conflicts


def test_not_yet_done_is_an_earlier_state(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        f"Brightwell Motors signed the supply agreement with Orvane Electric on Tuesday. {_BACK_A}",
        f"Brightwell Motors had not yet signed a motor contract with Orvane on Tuesday. {_BACK_B}",
    )
    assert _negations(conflicts) == [], conflicts


def test_charged_with_a_deed_is_not_doing_it(tmp_path: Path) -> None:
    # "was charged with meeting" is not "met": the doer does not stand right before the verb
    conflicts = _diff(
        tmp_path,
        "Carla Menzies was charged with meeting Victor Hale in secret, prosecutors said on "
        "Friday. The committee will publish the full report next week.",
        "Carla Menzies denied meeting Victor Hale, prosecutors said on Friday. The committee "
        "will publish its full report next week.",
    )
    assert _negations(conflicts) == [], conflicts


def test_did_not_identify_is_no_deed(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        "Harlow police identified the driver as Owen Brask on Monday. The crash closed Route 9 "
        "for three hours.",
        "Harlow police did not identify the driver on Monday. The crash closed Route 9 for "
        "three hours.",
    )
    assert _negations(conflicts) == [], conflicts


def test_months_apart_the_deed_may_have_come_later(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        f"Brightwell Motors signed the supply agreement with Orvane Electric. {_BACK_A}",
        f"Brightwell Motors refused to sign a motor contract with Orvane. {_BACK_B}",
        published=("2024-06-20", "2024-03-08"),
    )
    assert _negations(conflicts) == [], conflicts


def test_denying_what_someone_else_did_is_no_denial_of_the_deed(tmp_path: Path) -> None:
    # "denied his staff met Hale" denies a deed of the staff, not one of Menzies
    conflicts = _diff(
        tmp_path,
        "Senator Carla Menzies met the lobbyist Victor Hale in a hotel bar on Friday. The "
        "committee will publish the full report next week.",
        "Carla Menzies denied his staff met Victor Hale on Friday. The committee will publish "
        "its full report next week.",
    )
    assert _negations(conflicts) == [], conflicts


def test_approved_no_permits_against_approved_permits(tmp_path: Path) -> None:
    # negation by quantifier, with an adverb and no name for the doer
    conflicts = _diff(
        tmp_path,
        "The zoning board approved no new permits for the Larch Street site this year. The "
        "site has stood empty since the mill closed in 2009.",
        "The zoning board repeatedly approved permits for the Larch Street site this year. The "
        "site has stood empty since the mill closed in 2009.",
    )
    pairs = _negations(conflicts)
    assert any("approved no new permits" in b for _, b in pairs), conflicts


def test_approved_no_permits_of_another_board_or_site_stays_quiet(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        "The zoning board approved no new permits for the Larch Street site this year. The "
        "site has stood empty since the mill closed in 2009.",
        "The city council approved permits for the Larch Street site this year. The site has "
        "stood empty since the mill closed in 2009.",
        "The zoning board approved permits for the Birch Lane depot this year. The site has "
        "stood empty since the mill closed in 2009.",
    )
    assert _negations(conflicts) == [], conflicts


def test_approved_no_permits_against_approved_a_budget_stays_quiet(tmp_path: Path) -> None:
    # one verb, two objects: "no permits" is not contradicted by "a budget"
    conflicts = _diff(
        tmp_path,
        "The zoning board approved no new permits for the Larch Street site this year. The "
        "site has stood empty since the mill closed in 2009.",
        "The zoning board approved a budget for the Larch Street site this year. The site has "
        "stood empty since the mill closed in 2009.",
    )
    assert _negations(conflicts) == [], conflicts

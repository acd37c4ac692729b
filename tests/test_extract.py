"""Golden tables for claim extraction: clause splitting, polarity, hedging, tense, attribution.

All sentences are written for these tests (varied stories, not the seed articles).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.extract import ArticleContext, extract_claims

PUBLISHED = dt.date(2024, 3, 20)


def claims_of(sentence: str, base: int = 0):  # type: ignore[no-untyped-def]
    return extract_claims(sentence, base, 0, ArticleContext(published=PUBLISHED))


# (sentence, the normalised claims it must give, in order)
SPLITS = [
    ('The storm destroyed 300 homes and left thousands without power.', ['The storm destroyed 300 homes', 'The storm left thousands without power']),
    ('Police arrested two men on Friday; a third suspect remains at large.', ['Police arrested two men on Friday', 'a third suspect remains at large']),
    ('The company posted record profits, but its shares fell 4 percent.', ['The company posted record profits', 'its shares fell 4 percent']),
    ('Khaled Mashal, who headed the Hamas politburo for many years, visited Moscow several times.', ['Khaled Mashal visited Moscow several times', 'Khaled Mashal headed the Hamas politburo for many years']),
    ("Maria Lopez, the city's mayor, announced the curfew on Sunday.", ['Maria Lopez announced the curfew on Sunday', "Maria Lopez is the city's mayor"]),
    ('The council approved the budget and rejected the tax increase.', ['The council approved the budget', 'The council rejected the tax increase']),
    ('Smith scored twice and Jones added a third goal in the second half.', ['Smith scored twice', 'Jones added a third goal in the second half']),
    ('Rescuers pulled 12 survivors from the rubble, while the search for 40 others continued.', ['Rescuers pulled 12 survivors from the rubble', 'the search for 40 others continued']),
    ('The river burst its banks on Tuesday and flooded the old town.', ['The river burst its banks on Tuesday', 'The river flooded the old town']),
    ('The striker, who joined the club in 2019, signed a new contract on Monday.', ['The striker signed a new contract on Monday', 'The striker joined the club in 2019']),
    ('Prices rose 3 percent in March; wages fell 1 percent.', ['Prices rose 3 percent in March', 'wages fell 1 percent']),
    ('The bill passed the Senate 52-48, although two Republicans voted against it.', ['The bill passed the Senate 52-48', 'two Republicans voted against it']),
    ('Firefighters contained the blaze by Sunday night and residents returned home.', ['Firefighters contained the blaze by Sunday night', 'residents returned home']),
    ('The earthquake struck at 4 a.m. and was felt as far away as the capital.', ['The earthquake struck at 4 a.m', 'The earthquake was felt as far away as the capital']),
    ('Ahmed Khan, the provincial governor, said the roads would reopen soon.', ['the roads would reopen soon', 'Ahmed Khan is the provincial governor']),
    ('The president met the prime minister in Paris and the two leaders signed a trade deal.', ['The president met the prime minister in Paris', 'the two leaders signed a trade deal']),
    ('Three people died and 17 were injured in the crash.', ['Three people died', '17 were injured in the crash']),
    pytest.param('The plant employs 2,000 workers and produces 500 cars a day.', ['The plant employs 2,000 workers', 'The plant produces 500 cars a day'], marks=pytest.mark.xfail(reason="verb lexicon / where-clauses not split", strict=True)),
    ('Voters rejected the proposal, which would have raised the sales tax by one cent.', ['Voters rejected the proposal', 'the proposal would have raised the sales tax by one cent']),
    ('The suspect fled the scene but was arrested two hours later.', ['The suspect fled the scene', 'The suspect was arrested two hours later']),
    ('Ukraine and Poland signed a grain agreement in Warsaw.', ['Ukraine and Poland signed a grain agreement in Warsaw']),
    ('Apples, pears and plums are grown in the valley.', ['Apples, pears and plums are grown in the valley']),
    ('The shooting happened near the intersection of Fifth Street and Main Avenue.', ['The shooting happened near the intersection of Fifth Street and Main Avenue']),
    ('Investigators recovered the flight recorders and sent them to Paris for analysis.', ['Investigators recovered the flight recorders', 'Investigators sent them to Paris for analysis']),
    ('The central bank raised rates by half a point; markets fell sharply.', ['The central bank raised rates by half a point', 'markets fell sharply']),
    ('Union members voted to strike, but talks with management will continue next week.', ['Union members voted to strike', 'talks with management will continue next week']),
    ('The senator, a former prosecutor, has opposed the measure since 2019.', ['The senator has opposed the measure since 2019', 'The senator is a former prosecutor']),
    pytest.param('The victim was taken to a hospital, where he died later that night.', ['The victim was taken to a hospital', 'he died later that night'], marks=pytest.mark.xfail(reason="verb lexicon / where-clauses not split", strict=True)),
    ('Police found the weapon in a nearby yard and arrested the driver.', ['Police found the weapon in a nearby yard', 'Police arrested the driver']),
    ('The team lost its first game but won the next four.', ['The team lost its first game', 'The team won the next four']),
    ('Hamas fighters attacked the border town at dawn; the army responded with air strikes.', ['Hamas fighters attacked the border town at dawn', 'the army responded with air strikes']),
    ('The mayor, who took office in January, promised to rebuild the bridge.', ['The mayor promised to rebuild the bridge', 'The mayor took office in January']),
    ('The storm weakened overnight but still dumped 20 centimetres of rain on the coast.', ['The storm weakened overnight', 'The storm still dumped 20 centimetres of rain on the coast']),
    ('The goalkeeper saved two penalties and his team won the shootout.', ['The goalkeeper saved two penalties', 'his team won the shootout']),
    ('The tribunal convicted three officers and acquitted a fourth.', ['The tribunal convicted three officers', 'The tribunal acquitted a fourth']),
    ('Police said the gunman, a 34-year-old former employee, opened fire in the lobby.', ['the gunman opened fire in the lobby', 'the gunman is a 34-year-old former employee']),
    ('The volcano erupted on Sunday, forcing 3,000 residents to flee their homes.', ['The volcano erupted on Sunday', 'The volcano forcing 3,000 residents to flee their homes']),
    ('Voters elected a new parliament in March, and the coalition collapsed in June.', ['Voters elected a new parliament in March', 'the coalition collapsed in June']),
    ('The airline grounded its fleet after a software fault, stranding thousands of passengers.', ['The airline grounded its fleet after a software fault', 'The airline stranding thousands of passengers']),
    ('Doctors treated 45 people for smoke inhalation; 12 remain in hospital.', ['Doctors treated 45 people for smoke inhalation', '12 remain in hospital']),
    ('The trade deal, which took seven years to negotiate, was signed in Brussels.', ['The trade deal was signed in Brussels', 'The trade deal took seven years to negotiate']),
    ('A gunman opened fire at a nightclub early Sunday, killing two people and wounding five others.', ['A gunman opened fire at a nightclub early Sunday', 'A gunman killing two people and wounding five others']),
]

# (sentence, polarity, speaker, modality, tense) of the first claim
FRAMES = [
    ('Officials did not confirm the death toll.', -1, None, None, None),
    ('The team never won a title in Europe.', -1, None, None, None),
    ('Neither the president nor the prime minister attended the ceremony.', -1, None, None, None),
    ('The suspect denied the charges.', -1, None, None, None),
    ('The company declined to comment on the report.', -1, None, None, None),
    ('No one was injured in the blast.', -1, None, None, None),
    ('The minister said the talks would resume next week.', 1, 'The minister', 'would', 'future'),
    ('"We will rebuild," the governor said.', 1, 'the governor', None, 'future'),
    ('According to the health ministry, 45 people died in the floods.', 1, 'the health ministry', None, None),
    ('The fire started in the kitchen, according to fire officials.', 1, 'fire officials', None, None),
    ('Ten people were killed, said a spokesman for the regional government.', 1, 'a spokesman for the regional government', None, None),
    ('The rebels may have used chemical weapons, the report said.', 1, 'the report', 'may', None),
    ('He added that the bridge would reopen in May.', 1, 'He', 'would', None),
    ('Police said Monday the victim was 34.', 1, 'Police', None, None),
    ('Officials said in a statement that the dam was safe.', 1, 'Officials', None, None),
    ('Witnesses told reporters that they heard six shots.', 1, 'Witnesses', None, None),
    ('The shooting happened not far from the school.', 1, None, None, None),
    ('The storm not only flooded roads but also cut power to 5,000 homes.', 1, None, None, None),
    ('The company reportedly plans to cut 300 jobs.', 1, None, 'reportedly', 'future'),
    ('The vaccine is expected to reach pharmacies in June.', 1, None, 'expected to', 'future'),
    ('The suspect allegedly fired at officers.', 1, None, 'allegedly', None),
    ('The mayor will announce the budget on Friday.', 1, None, None, 'future'),
    ('The plant was not damaged by the earthquake.', -1, None, None, None),
    ('Investigators have not determined a cause.', -1, None, None, None),
    ('The bank failed to report the transfers.', -1, None, None, None),
    ('The minister could not be reached for comment.', -1, None, 'could', None),
    ('Police believe the attack was planned.', 1, 'Police', None, None),
    ('The airline cancelled 200 flights on Sunday.', 1, None, None, None),
    ('The court rejected the appeal on Tuesday.', 1, None, None, None),
    ('There was no evidence of foul play, police said.', -1, 'police', None, None),
    ('The senator refused to answer questions.', -1, None, None, None),
    ('The victims were not identified.', -1, None, None, None),
    ('The protesters marched peacefully through the city centre.', 1, None, None, None),
    ('The league has never fined a club this heavily.', -1, None, None, None),
    ('Nobody claimed responsibility for the attack.', -1, None, None, None),
    ('The ministry said it was investigating the incident.', 1, 'The ministry', None, None),
    ('Rescue teams are likely to resume the search at dawn.', 1, None, 'likely', None),
    ('The summit is scheduled for March 3.', 1, None, None, 'future'),
    ('The deal might collapse if the regulators object.', 1, None, 'might', None),
    ('He was released without charge on Friday.', 1, None, None, None),
]


@pytest.mark.parametrize(("sentence", "expected"), SPLITS)
def test_claim_splitting(sentence: str, expected: list[str]) -> None:
    assert [c.normalized for c in claims_of(sentence)] == expected


@pytest.mark.parametrize(("sentence", "polarity", "speaker", "modality", "tense"), FRAMES)
def test_polarity_modality_attribution(
    sentence: str, polarity: int, speaker: str | None, modality: str | None, tense: str | None
) -> None:
    claim = claims_of(sentence)[0]
    assert (claim.polarity, claim.speaker, claim.modality, claim.tense) == (polarity, speaker, modality, tense)


SENTENCES = [str(case.values[0]) if hasattr(case, "marks") else case[0] for case in SPLITS]


@pytest.mark.parametrize("sentence", SENTENCES + [case[0] for case in FRAMES])
def test_claim_spans_lie_inside_the_sentence(sentence: str) -> None:
    base = 1000
    for claim in claims_of(sentence, base):
        assert base <= claim.start < claim.end <= base + len(sentence)
        assert sentence[claim.start - base:claim.end - base] == claim.text
        for mention in claim.mentions:
            assert claim.start <= mention.start < mention.end <= claim.end


def test_pronoun_subject_resolves_to_the_last_person() -> None:
    ctx = ArticleContext(published=PUBLISHED)
    extract_claims("Finance Minister Anna Berg presented the budget on Monday.", 0, 0, ctx)
    claim = extract_claims("She said the deficit would shrink next year.", 60, 1, ctx)[0]
    assert claim.speaker == "Anna Berg"
    second = extract_claims("She resigned two days later.", 110, 2, ctx)[0]
    assert second.normalized.startswith("Anna Berg resigned")
    assert any(m.kind == "person" and m.value == "Anna Berg" for m in second.mentions)


def test_same_sentence_gives_the_same_claims() -> None:
    sentence = "The storm destroyed 300 homes and left thousands without power."
    first = [(c.start, c.end, c.normalized) for c in claims_of(sentence)]
    assert first == [(c.start, c.end, c.normalized) for c in claims_of(sentence)]


def test_slots_are_normalised() -> None:
    claim = claims_of("The summit was held in Geneva on 3 March 2021 and 1,200 delegates attended.")[0]
    kinds = {(m.kind, m.value) for m in claim.mentions}
    assert ("date", "2021-03-03") in kinds
    second = claims_of("The summit was held in Geneva on 3 March 2021 and 1,200 delegates attended.")[1]
    assert ("quantity", "1200") in {(m.kind, m.value) for m in second.mentions}

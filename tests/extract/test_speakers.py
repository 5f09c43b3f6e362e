"""Who says it: reported speech and attribution set the statement's `by`."""

from __future__ import annotations

import pytest

from claimgraph.records import AUTHOR

from .helpers_statements import find, statements

pytestmark = pytest.mark.slow

FUNDED = ("algeria", "supports", "jnim")


def speakers_of(text: str, triple: tuple[str, str, str] = FUNDED) -> set[str]:
    return {s.by for s in find(statements(text), *triple)}


def test_author_voice_when_nobody_is_reported() -> None:
    assert speakers_of("Algeria funded JNIM for years.") == {AUTHOR}


def test_said_that_makes_the_subject_the_speaker() -> None:
    assert speakers_of("Malian officials said that Algeria funded JNIM.") == {"malian_officials"}


@pytest.mark.parametrize(
    "text",
    [
        "According to Sahel Monitor, Algeria funded JNIM.",
        "As per Sahel Monitor, Algeria funded JNIM.",
        "Sahel Monitor's report mentioned that Algeria funded JNIM.",
        "In its 2020 report, Sahel Monitor noted that Algeria funded JNIM.",
        "As Sahel Monitor reported, Algeria funded JNIM.",
    ],
)
def test_attribution_phrases(text: str) -> None:
    assert speakers_of(text) == {"sahel_monitor"}


def test_innermost_speaker_wins_in_nested_reports() -> None:
    text = "According to Sahel Monitor, Malian officials said that Algeria funded JNIM."
    assert speakers_of(text) == {"malian_officials"}


def test_the_speaker_phrase_is_not_a_fact_of_the_reported_clause() -> None:
    found = statements("According to Sahel Monitor, Malian officials said that Algeria funded JNIM.")
    assert not [s for s in found if s.by == "malian_officials" and "sahel_monitor" in (s.subject, s.object)]


def test_coordinated_speakers_each_say_it() -> None:
    text = "Mali and the United Nations both accuse Algeria of funding JNIM."
    assert speakers_of(text) == {"mali", "united_nations"}


def test_passive_report_is_the_author_hedged() -> None:
    (st,) = find(statements("It was reported that Algeria funded JNIM."), *FUNDED)
    assert st.by == AUTHOR
    assert st.certainty == "hedged"


def test_belief_verbs_hedge_and_keep_their_speaker() -> None:
    (st,) = find(statements("Sahel Monitor believes that Algeria funded JNIM."), *FUNDED)
    assert st.by == "sahel_monitor"
    assert st.certainty == "hedged"


def test_a_pronoun_speaker_continues_the_last_named_one() -> None:
    text = "Malian officials said on Monday that the roads were closed. They added that Algeria funded JNIM."
    assert speakers_of(text) == {"malian_officials"}


def test_framing_verbs_report_the_framer() -> None:
    found = statements("Malian officials tried to depict JNIM as a front for Algeria.")
    assert {s.by for s in find(found, "jnim", "proxy_of", "algeria")} == {"malian_officials"}


def test_a_denial_frame_denies_what_it_covers() -> None:
    (st,) = find(statements("Algeria denied that it funded JNIM."), *FUNDED)
    assert (st.by, st.polarity) == ("algeria", "deny")

"""Responsibility for events (claims, blame, denials, author voice) and the statement contract."""

from __future__ import annotations

import pytest

from claimgraph.records import AUTHOR

from .helpers_statements import find, keys, statements

pytestmark = pytest.mark.slow

MARKET = ("gao_market_attack", "attack", "the bombing of the Gao market")
PRISON = ("gao_prison_raid", "attack", "Gao prison raid")


def responsible(text: str, events=(MARKET,)) -> set[tuple[str, str, str, str, str]]:
    return {k for k in keys(statements(text, events)) if k[1] == "responsible_for"}


def test_a_claim_is_said_by_the_claimant() -> None:
    found = responsible("ISGS claimed the bombing of the Gao market within hours.")
    assert found == {("isgs", "responsible_for", "gao_market_attack", "isgs", "affirm")}


def test_blame_is_said_by_the_blamer() -> None:
    found = responsible("Malian officials blamed JNIM for the bombing of the Gao market.")
    assert found == {("jnim", "responsible_for", "gao_market_attack", "malian_officials", "affirm")}


def test_denial_of_involvement() -> None:
    text = "Nobody expected the bombing of the Gao market. JNIM denied any involvement in the attack."
    assert ("jnim", "responsible_for", "gao_market_attack", "jnim", "deny") in responsible(text)


def test_denial_in_a_relative_clause_and_a_later_claim() -> None:
    text = (
        "After the bombing of the Gao market, Malian officials blamed JNIM, which denied it, "
        "before ISGS claimed the attack."
    )
    found = responsible(text)
    assert ("jnim", "responsible_for", "gao_market_attack", "malian_officials", "affirm") in found
    assert ("jnim", "responsible_for", "gao_market_attack", "jnim", "deny") in found
    assert ("isgs", "responsible_for", "gao_market_attack", "isgs", "affirm") in found


@pytest.mark.parametrize(
    "text",
    [
        "ISGS carried out the bombing of the Gao market on 2 May 2020.",
        "ISGS was behind the bombing of the Gao market.",
        "Witnesses described the bombing of the Gao market by ISGS as the worst in years.",
    ],
)
def test_author_voice_responsibility(text: str) -> None:
    (st,) = find(statements(text, (MARKET,)), "isgs", "responsible_for", "gao_market_attack")
    assert (st.by, st.polarity, st.certainty) == (AUTHOR, "affirm", "asserted")


def test_a_reported_perpetrator_keeps_the_reporter() -> None:
    text = "Malian officials said that ISGS was behind the bombing of the Gao market."
    assert responsible(text) == {
        ("isgs", "responsible_for", "gao_market_attack", "malian_officials", "affirm")
    }


@pytest.mark.parametrize(
    "text",
    [
        "No group has claimed the bombing of the Gao market.",
        "ISGS has not claimed the bombing of the Gao market.",
    ],
)
def test_an_absence_is_no_statement(text: str) -> None:
    assert responsible(text) == set()


def test_anaphora_reaches_the_last_event() -> None:
    text = "The Gao prison raid freed forty inmates. Two days later ISGS claimed the attack."
    assert responsible(text, (PRISON,)) == {("isgs", "responsible_for", "gao_prison_raid", "isgs", "affirm")}


def test_anaphora_does_not_reach_far_back() -> None:
    filler = " ".join(f"Talks resumed in round {n}." for n in range(6))
    text = f"The Gao prison raid freed forty inmates. {filler} ISGS claimed the attack."
    assert responsible(text, (PRISON,)) == set()


def test_culprits_named_by_a_framing_verb() -> None:
    text = "Following the Gao prison raid, Malian officials sought to portray JNIM as the culprits of the attack."
    assert ("jnim", "responsible_for", "gao_prison_raid", "malian_officials", "affirm") in responsible(
        text, (PRISON,)
    )


def test_only_actors_are_responsible() -> None:
    found = responsible("Gao was behind the bombing of the Gao market.")
    assert found == set()


def test_statement_contract() -> None:
    text = "ISGS carried out the bombing of the Gao market on 2 May 2020. ISGS claimed the attack."
    found = statements(text, (MARKET,))
    assert found
    for st in found:
        assert st.rule.split(".")[0] in ("attribution", "relations", "statements")
        assert 0 <= st.start < st.end <= len(text)
        assert st.end - st.start <= 200
        assert st.polarity in ("affirm", "deny") and st.certainty in ("asserted", "hedged")
    # one statement per (subject, predicate, object, by, polarity) and evidence span
    assert len({(s.subject, s.predicate, s.object, s.by, s.polarity, s.start) for s in found}) == len(found)


def test_the_clause_date_dates_the_fact() -> None:
    (st,) = find(
        statements("ISGS carried out the bombing of the Gao market on 2 May 2020.", (MARKET,)),
        "isgs",
        "responsible_for",
        "gao_market_attack",
    )
    assert st.date == "2020-05-02"


def test_evidence_span_covers_the_cue() -> None:
    text = "Some context first. Malian officials blamed JNIM for the bombing of the Gao market."
    (st,) = find(statements(text, (MARKET,)), "jnim", "responsible_for", "gao_market_attack")
    assert "blamed" in text[st.start : st.end]
    assert st.start >= text.index("Malian")

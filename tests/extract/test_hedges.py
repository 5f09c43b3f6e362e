"""Certainty and polarity, scoped to the clause that carries the fact."""

from __future__ import annotations

import pytest

from claimgraph.records import AUTHOR

from .helpers_statements import find, statements

pytestmark = pytest.mark.slow


def one(text: str, subject: str, predicate: str, obj: str):
    found = find(statements(text), subject, predicate, obj)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "JNIM may have close ties with Al-Mourabitoun.",
        "JNIM reportedly has close ties with Al-Mourabitoun.",
        "JNIM allegedly maintains close ties with Al-Mourabitoun.",
        "It is likely that JNIM has close ties with Al-Mourabitoun.",
        "JNIM apparently has close ties with Al-Mourabitoun.",
        "JNIM is suspected of having close ties with Al-Mourabitoun.",
    ],
)
def test_estimative_language_hedges(text: str) -> None:
    assert one(text, "jnim", "allied_with", "al_mourabitoun").certainty == "hedged"


def test_plain_assertion_is_asserted() -> None:
    assert one(
        "JNIM has close ties with Al-Mourabitoun.", "jnim", "allied_with", "al_mourabitoun"
    ).certainty == ("asserted")


def test_a_hedge_in_another_clause_does_not_spread() -> None:
    text = "JNIM has close ties with Al-Mourabitoun, although ISGS may soon weaken both of them."
    assert one(text, "jnim", "allied_with", "al_mourabitoun").certainty == "asserted"


def test_a_hedge_in_the_subject_phrase_counts() -> None:
    text = "Late last year, gunmen believed to be from ISGS attacked a market in Gao."
    found = statements(text, events=(("gao_market_attack", "attack", "attacked a market in Gao"),))
    (st,) = find(found, "isgs", "responsible_for", "gao_market_attack")
    assert (st.by, st.certainty) == (AUTHOR, "hedged")


@pytest.mark.parametrize(
    "text",
    [
        "JNIM has no presence in Gao.",
        "JNIM is not active in Gao.",
        "JNIM does not operate in Gao.",
    ],
)
def test_negation_denies(text: str) -> None:
    assert one(text, "jnim", "active_in", "gao").polarity == "deny"


def test_not_only_is_no_negation() -> None:
    text = "Not only does JNIM operate in Gao, it also recruits in Mopti."
    assert one(text, "jnim", "active_in", "gao").polarity == "affirm"


def test_negation_of_another_verb_leaves_a_noun_phrase_fact_alone() -> None:
    text = "The offensive did not reverse JNIM's position in Gao."
    assert one(text, "jnim", "active_in", "gao").polarity == "affirm"


def test_an_apposition_is_not_negated_with_its_clause() -> None:
    text = "The new emir was not Koufa but Moussa Diallo, a former JNIM commander."
    assert one(text, "moussa_diallo", "member_of", "jnim").polarity == "affirm"


def test_author_dismissal_repeats_the_claims_as_hedged_denials() -> None:
    text = (
        "Malian officials claimed that JNIM is a front for Algeria. "
        "These claims are baseless and politically driven."
    )
    found = find(statements(text), "jnim", "proxy_of", "algeria")
    assert {(s.by, s.polarity, s.certainty) for s in found} == {
        ("malian_officials", "affirm", "asserted"),
        (AUTHOR, "deny", "hedged"),
    }


def test_only_contested_claims_are_dismissed() -> None:
    text = "Malian officials noted that JNIM is active in Gao. These claims are baseless."
    assert {s.by for s in find(statements(text), "jnim", "active_in", "gao")} == {"malian_officials"}


def test_no_dismissal_without_a_rejection() -> None:
    text = "Malian officials claimed that JNIM is a front for Algeria. These claims were repeated in May."
    found = find(statements(text), "jnim", "proxy_of", "algeria")
    assert {s.by for s in found} == {"malian_officials"}

"""Blame per incident across reports: every side, who says so in which role, in the order said."""

from __future__ import annotations

import pytest
from report_builder import Report, Write

from claimgraph.analyze.attribution import speaker_role
from claimgraph.analyze.data import EntityInfo
from claimgraph.exc import NotFound

EARLY = (
    "On 4 May 2021 gunmen stormed the Ardan market. The Valley Front claimed the attack within hours. "
    "The Interior Ministry blamed the River Brigade."
)
LATER = (
    "The River Brigade denied any role in the May 2021 Ardan market attack. "
    "Its spokesman Ilyas Noor called the accusation baseless. "
    "A United Nations panel later attributed the attack to the Valley Front, possibly with local help."
)


def _reports() -> tuple[Report, Report]:
    early = (
        Report("early.txt", EARLY, date="2021-05-05")
        .event("market_attack", "attack", "stormed the Ardan market", name="Ardan market attack",
               date="2021-05-04", location="ardan")
        .says("valley_front", "responsible_for", "market_attack", "claimed the attack", by="valley_front")
        .says("river_brigade", "responsible_for", "market_attack", "blamed the River Brigade",
              by="interior_ministry")
    )  # fmt: skip
    later = (
        Report("later.txt", LATER, date="2021-09-01")
        .event("ardan_market_attack", "attack", "Ardan market attack", name="Ardan market attack",
               date="2021-05", location="ardan")
        .says("river_brigade", "responsible_for", "ardan_market_attack", "denied any role",
              by="river_brigade", polarity="deny")
        .says("river_brigade", "responsible_for", "ardan_market_attack", "called the accusation baseless",
              by="ilyas_noor", polarity="deny")
        .says("ilyas_noor", "member_of", "river_brigade", "Its spokesman Ilyas Noor")
        .says("valley_front", "responsible_for", "ardan_market_attack", "attributed the attack",
              by="monitoring_panel", certainty="hedged")
    )  # fmt: skip
    return early, later


def test_blame_gathers_every_side_across_reports_with_roles_and_sentences(write: Write) -> None:
    kb = write(*_reports())
    result = kb.blame("Ardan market")
    assert len(result.incident.events) == 2 and result.contested
    sides = {s.actor: s for s in result.sides}
    assert set(sides) == {"valley_front", "river_brigade"}
    front = {(st.speaker, st.role, st.stance) for st in sides["valley_front"].statements}
    assert front == {
        ("valley_front", "self", "claims"),
        ("monitoring_panel", "UN", "blames (hedged)"),
    }
    brigade = {(st.speaker, st.role, st.stance) for st in sides["river_brigade"].statements}
    assert brigade == {
        ("interior_ministry", "government", "blames"),
        ("river_brigade", "self", "denies"),
        ("ilyas_noor", "self", "denies"),  # its own spokesman speaks for it
    }
    claim = next(st for st in sides["valley_front"].statements if st.role == "self")
    assert claim.sentence == "The Valley Front claimed the attack within hours."
    assert sides["river_brigade"].denied_by == ["River Brigade", "Ilyas Noor"]


def test_statements_come_in_the_order_they_were_said(write: Write) -> None:
    early, later = _reports()
    kb = write(later, early)  # stored out of order
    said = [st.said for st in kb.blame("market_attack").chronology]
    assert said == sorted(said) and said[0] == "2021-05-05" and said[-1] == "2021-09-01"
    brigade = next(s for s in kb.blame("market_attack").sides if s.actor == "river_brigade")
    assert [st.stance for st in brigade.statements] == ["blames", "denies", "denies"]


def test_each_side_gets_a_credibility_that_counts_denials_and_rival_claims(write: Write) -> None:
    kb = write(*_reports())
    sides = {s.actor: s for s in kb.blame("Ardan market").sides}
    front, brigade = sides["valley_front"].rating, sides["river_brigade"].rating
    assert front is not None and brigade is not None
    assert front.rating < brigade.rating  # claimed and attributed vs blamed once and denied twice
    assert any(r.feature == "denied" for r in brigade.reasons)
    assert any(r.feature == "contradicted" for r in front.reasons)


def test_an_unknown_incident_is_not_found(write: Write) -> None:
    kb = write(*_reports())
    with pytest.raises(NotFound):
        kb.blame("harbour explosion")


def test_speaker_roles() -> None:
    def info(kind: str, name: str = "X", etype: str = "organization") -> EntityInfo:
        return EntityInfo(1, 1, "x", etype, kind, name)

    assert speaker_role("a", "author", None) == "analyst (author)"
    assert speaker_role("a", "a", info("militant_group")) == "self"
    assert speaker_role("a", "b", info("militant_group")) == "rival group"
    assert speaker_role("a", "b", info("government")) == "government"
    assert speaker_role("a", "b", info("country", "Freedonia", "place")) == "government"
    assert speaker_role("a", "b", info("international_org", "UN Monitoring Team")) == "UN"
    assert speaker_role("a", "b", info("international_org", "Regional Security Pact")) == "international"
    assert speaker_role("a", "b", info("international_org", "European Union")) == "international"
    assert speaker_role("a", "b", info("media")) == "media"
    assert speaker_role("a", "spokesman", info("militant", "S", "person"), {"spokesman"}) == "self"


def test_per_side_shows_the_first_statements_but_counts_them_all(write: Write) -> None:
    kb = write(*_reports())
    brigade = next(s for s in kb.blame("market_attack", per_side=1).sides if s.actor == "river_brigade")
    assert len(brigade.statements) == 1 and brigade.total == 3
    assert brigade.statements[0].speaker == "interior_ministry"  # said first
    assert brigade.denied_by == ["River Brigade", "Ilyas Noor"]

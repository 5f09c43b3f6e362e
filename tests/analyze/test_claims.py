"""Claims group statements by canonical (subject, predicate, object) with their validity period."""

from __future__ import annotations

import pytest
from report_builder import Report, Write

from claimgraph.analyze.claims import claim_id, group_claims, parse_claim_id
from claimgraph.analyze.data import Reader
from claimgraph.exc import NotFound


def test_claim_ids_round_trip_and_symmetric_pairs_are_sorted() -> None:
    assert claim_id("valley_front", "rival_of", "hill_movement") == "hill_movement/rival_of/valley_front"
    assert claim_id("valley_front", "part_of", "hill_movement") == "valley_front/part_of/hill_movement"
    assert parse_claim_id("a/b_c/leader_of/x/y") == ("a/b_c", "leader_of", "x/y")
    with pytest.raises(NotFound):
        parse_claim_id("valley_front/likes/hill_movement")


def test_validity_runs_from_the_first_dated_assertion_to_a_later_dated_denial(write: Write) -> None:
    text = "Omar Tal led the River Brigade in 2015. By 2018 he no longer led it, the panel said."
    r = (
        Report("a.txt", text)
        .says("omar_tal", "leader_of", "river_brigade", "Omar Tal led the River Brigade", date="2015")
        .says("omar_tal", "leader_of", "river_brigade", "he no longer led it", by="monitoring_panel",
              polarity="deny", date="2018")
    )  # fmt: skip
    kb = write(r)
    claim = kb.sources("omar_tal/leader_of/river_brigade").claim
    assert (claim.valid_from, claim.valid_to) == ("2015", "2018")
    assert claim.said == ("2021-06-01", "2021-06-01")


def test_statements_group_under_the_injected_canonical_ids(write: Write) -> None:
    a = Report("a.txt", "Omar Tal leads the River Brigade.").says(
        "omar_tal", "leader_of", "river_brigade", "leads"
    )
    b = Report("b.txt", "Sami Rud heads the River Brigade.").says(
        "sami_rud", "leader_of", "river_brigade", "heads"
    )
    kb = write(a, b)
    reader = Reader(kb.store)
    rows = reader.statements(("leader_of",))
    assert len(group_claims(rows, reader, lambda d, x: x)) == 2
    merged = group_claims(rows, reader, lambda d, x: "omar_tal" if x == "sami_rud" else x)
    assert list(merged) == ["omar_tal/leader_of/river_brigade"]
    assert [a.document for a in merged["omar_tal/leader_of/river_brigade"].assertions] == [1, 2]


def test_a_statement_row_id_selects_its_claim(write: Write) -> None:
    kb = write(
        Report("a.txt", "Omar Tal leads the River Brigade.").says(
            "omar_tal", "leader_of", "river_brigade", "leads"
        )
    )
    assert kb.sources("1").claim.id == "omar_tal/leader_of/river_brigade"
    with pytest.raises(NotFound):
        kb.sources("99")
    with pytest.raises(NotFound):
        kb.sources("omar_tal/part_of/river_brigade")

"""Cross-document clustering: spellings meet, distinct actors stay apart, decisions win."""

from __future__ import annotations

from claimgraph.resolve.cluster import Decision, cluster
from claimgraph.resolve.matching import Record, match


def rec(
    key: str, type_: str, name: str, *aliases: str, kind: str | None = None, pack: str | None = None
) -> Record:
    return Record(key=key, type=type_, name=name, kind=kind, aliases=(name, *aliases), pack_id=pack)


def test_transliterations_of_one_leader_merge_with_reason() -> None:
    a = rec("d1:aslam_farooqi", "person", "Aslam Farooqi", "Farooqi")
    b = rec("d2:aslam_faruqi", "person", "Mawlawi Aslam Faruqi", "Faruqi")
    result = match(a, b)
    assert result.same and result.rule == "transliteration"
    assert "Farooqi" in result.evidence


def test_two_people_sharing_a_surname_are_not_merged() -> None:
    a = rec("d1:sirajuddin_haqqani", "person", "Sirajuddin Haqqani", "Haqqani")
    b = rec("d2:azizullah_haqqani", "person", "Azizullah Haqqani", "Haqqani")
    c = rec("d3:daud_mehsud", "person", "Daud Mehsud", "Mehsud")
    d = rec("d4:noor_wali_mehsud", "person", "Noor Wali Mehsud", "Mehsud")
    assert not match(a, b).same
    assert not match(c, d).same


def test_person_never_merges_with_a_place_of_the_same_name() -> None:
    person = rec("d1:logari", "person", "Abdul Hasib Logari", "Logari")
    place = rec("d2:logar", "place", "Logar", kind="province")
    same_spelling = rec("d3:x", "place", "Abdul Hasib Logari")
    assert match(person, place).rule == "type_mismatch"
    assert match(person, same_spelling).rule == "type_mismatch"


def test_acronym_and_long_form_merge_but_pack_conflicts_do_not() -> None:
    long = rec("d1:ttp", "organization", "Tehrik-e-Taliban Pakistan", kind="militant_group")
    short = rec("d2:ttp", "organization", "TTP", kind="militant_group")
    assert match(long, short).rule == "acronym"
    isi = rec("d1:isi", "organization", "ISI", pack="khorasan:inter_services_intelligence")
    isi2 = rec("d2:isi", "organization", "ISI", pack="khorasan:islamic_state_iraq")
    assert match(isi, isi2).rule == "pack_conflict"


def test_cluster_assigns_pack_ids_and_keeps_why() -> None:
    records = [
        rec("d1:iskp", "organization", "Islamic State Khorasan Province", "ISKP", pack="khorasan:iskp"),
        rec("d2:iskp", "organization", "ISIS-K", pack="khorasan:iskp"),
        rec("d3:wilayat", "organization", "Wilayah Khurasan"),
        rec("d4:w", "organization", "Wilayat Khorasan", pack="khorasan:iskp"),
        rec("d1:taliban", "organization", "Taliban", pack="khorasan:taliban"),
    ]
    result = cluster(records)
    assert sorted(result.clusters["iskp"]) == ["d1:iskp", "d2:iskp", "d3:wilayat", "d4:w"]
    assert result.canonical_of["d1:taliban"] == "taliban"
    rules = {link.rule for link in result.links}
    assert {"pack_identity", "transliteration"} <= rules


def test_human_split_survives_reclustering_and_merge_joins() -> None:
    records = [
        rec("d1:abu_omar", "person", "Abu Omar al-Khorasani"),
        rec("d2:abu_omar", "person", "Abu Omar Khorasani"),
        rec("d3:zia", "person", "Zia ul-Haq"),
    ]
    auto = cluster(records)
    assert auto.canonical_of["d1:abu_omar"] == auto.canonical_of["d2:abu_omar"]
    split = Decision("split", "d1:abu_omar", "Abu Omar Khorasani", user="analyst")
    merge = Decision("merge", "d1:abu_omar", "d3:zia", user="analyst", reason="same emir, kunya")
    result = cluster(records, [split, merge])
    assert result.canonical_of["d1:abu_omar"] == result.canonical_of["d3:zia"]
    assert result.canonical_of["d2:abu_omar"] != result.canonical_of["d1:abu_omar"]
    assert result.blocked  # the automatic transliteration link was refused
    # Same input, same output: ids are deterministic.
    assert cluster(records, [split, merge]).clusters == result.clusters

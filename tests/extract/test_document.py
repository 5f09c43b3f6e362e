"""The orchestrator: body-only entities, items grounded in the document, valid JSON."""

from __future__ import annotations

import json

import pytest

from claimgraph.exc import ClaimgraphError
from claimgraph.extract.__main__ import main
from claimgraph.extract.document import extract_document, extract_many
from claimgraph.extract.format import explain_lines, validate, write_extraction
from claimgraph.packs import load_packs
from claimgraph.records import Document

pytestmark = pytest.mark.slow

TEXT = """Militant Violence in the Capital

A new armed group has emerged in the capital this year. The Jamaat al-Nur (JAN) claimed the bombing of a market in Kabul on 3 May 2019, which killed 12 people.¹ Afghan officials blamed JAN for the attack and said its fighters came from Nangarhar.²

Rahimullah Wardak, the leader of JAN, was arrested by Afghan troops in Kabul in June 2019.³ He denied any role in the bombing.

Notes

¹ Sara Ahmed, "Market bombing in the capital", Example Times, 4 May 2019.
² Ibid.
³ John Smith, "Arrest of a militant leader", Example Post, 20 June 2019, https://example.org/arrest.
"""


def make_document(text: str = TEXT, name: str = "capital.txt") -> Document:
    return Document(text=text, source_path=f"/reports/{name}", sha256="0" * 64, reader="text")


@pytest.fixture(scope="module")
def extraction():
    return extract_document(make_document(), packs=load_packs())


def test_entities_come_from_the_body_only(extraction):
    aliases = {a for e in extraction.entities for a in e.aliases}
    assert {"JAN", "Kabul", "Rahimullah Wardak"} <= aliases
    assert not aliases & {"Sara Ahmed", "John Smith", "Example Times", "Example Post"}


def test_mentions_map_back_to_the_document_text(extraction):
    text = extraction.document.text
    for entity in extraction.entities:
        for m in entity.mentions:
            assert " ".join(text[m.start : m.end].split()) == m.text, (entity.id, m)


def test_items_quote_the_document_at_their_offsets(extraction):
    items = [*extraction.events, *extraction.statements, *extraction.estimates]
    assert items, "the text has an attack, an arrest and statements"
    for item in items:
        assert item.evidence and len(item.evidence) <= 200
        assert extraction.document.text[item.start : item.end] == item.evidence


def test_items_carry_the_footnotes_of_their_sentence(extraction):
    text = extraction.document.text
    superscripts = {"¹": "1", "²": "2", "³": "3"}
    items = [*extraction.events, *extraction.statements]
    followed = [i for i in items if text[i.end : i.end + 2].lstrip(".")[:1] in superscripts]
    assert followed, "the arrest sentence ends with note 3"
    for item in followed:
        assert superscripts[text[item.end : item.end + 2].lstrip(".")[:1]] in item.notes
    assert all(set(i.notes) <= {"1", "2", "3"} for i in items)


def test_references_point_to_known_ids(extraction):
    entity_ids = {e.id for e in extraction.entities}
    event_ids = {e.id for e in extraction.events}
    for s in extraction.statements:
        assert s.subject in entity_ids | event_ids and s.object in entity_ids | event_ids
        assert s.by == "author" or s.by in entity_ids
    for e in extraction.events:
        assert set(e.targets + e.participants) <= entity_ids
        assert e.location is None or e.location in entity_ids
    keys = [s.key() for s in extraction.statements]
    assert len(keys) == len(set(keys))


def test_citations_and_version(extraction):
    assert [c.id for c in extraction.citations] == ["1", "2", "3"]
    assert extraction.extractor_version.startswith("claimgraph ")


def test_output_is_valid_against_the_schema_and_written(extraction, tmp_path):
    target = write_extraction(extraction, tmp_path / "out")
    assert target.name == "capital.json"
    data = json.loads(target.read_text(encoding="utf-8"))
    validate(data)
    assert data["document"] == "capital.txt"


def test_invalid_output_is_refused():
    with pytest.raises(ClaimgraphError, match="breaks the format"):
        validate({"document": "x.txt", "entities": [{"id": "", "type": "robot"}]})


def test_explain_lists_every_item_with_its_rule(extraction):
    lines = explain_lines(extraction)
    assert len(lines) >= 1 + len(extraction.entities) + len(extraction.statements)
    assert all("<" in line for line in lines[1:-1])


def test_extract_many_matches_extract_document(extraction):
    packs = load_packs()
    other = make_document("Police in Kabul arrested two men on 4 June 2020.", "other.txt")
    many = list(extract_many([make_document(), other], packs=packs))
    assert [m.document.name for m in many] == ["capital.txt", "other.txt"]
    assert many[0].to_format() == extraction.to_format()


def test_repeated_paragraph_gives_no_duplicate_items():
    paragraph = (
        "The Jamaat al-Nur claimed the bombing of a market in Kabul on 3 May 2019, which killed 12 people."
    )
    once = extract_document(make_document(paragraph + "\n"), packs=load_packs())
    twice = extract_document(make_document(paragraph + "\n\n" + paragraph + "\n"), packs=load_packs())
    assert len(twice.events) == len(once.events)
    assert len(twice.statements) == len(once.statements)


def test_cli_writes_json_and_reports_failures(tmp_path, capsys):
    source = tmp_path / "capital.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert main([str(source), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "capital.json").is_file()
    assert main([str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out")]) == 1
    assert "missing.txt" in capsys.readouterr().err


@pytest.mark.devset
def test_dev_reports_ground_every_item(dev_docs):
    from claimgraph.ingest.read import read_document

    packs = load_packs()
    for path in sorted(dev_docs.glob("*.txt")):
        extraction = extract_document(read_document(path), packs=packs)
        validate(extraction.to_format())
        text = extraction.document.text
        for item in (*extraction.events, *extraction.statements, *extraction.estimates):
            assert text[item.start : item.end] == item.evidence
            assert len(item.evidence or "") <= 200

"""The fallback regex sentence splitter."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.store.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_at_terminators_before_capitals() -> None:
    assert _texts("One went. Two came! Did three? Yes.") == ["One went.", "Two came!", "Did three?", "Yes."]


def test_keeps_closing_quotes_with_their_sentence() -> None:
    assert _texts('He said "stop." Then left.') == ['He said "stop."', "Then left."]


def test_no_split_after_abbreviations_initials_or_before_lowercase() -> None:
    text = "Dr. Smith met U.S. Officials and J. Doe in Jan. 2020. They spoke e.g. about roads. the end"
    assert _texts(text) == [
        "Dr. Smith met U.S. Officials and J. Doe in Jan. 2020.",
        "They spoke e.g. about roads. the end",
    ]


def test_paragraph_breaks_end_sentences() -> None:
    assert _texts("A heading\n\nFirst line of text") == ["A heading", "First line of text"]
    assert _texts("   \n\n  ") == []


@given(st.text(alphabet=st.sampled_from(list("ab AB.!?\n\"')3"))))
def test_spans_cover_every_visible_character_once(text: str) -> None:
    spans = split_sentences(text)
    covered = [0] * len(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        for i in range(start, end):
            covered[i] += 1
        previous_end = end
    for i, ch in enumerate(text):
        assert covered[i] == (0 if ch.isspace() and not any(s <= i < e for s, e in spans) else 1)

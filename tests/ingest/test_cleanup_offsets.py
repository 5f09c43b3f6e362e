"""Property tests: every body character maps back to the document text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.ingest.cleanup import clean
from claimgraph.records import CleanText, Document

WORDS = ["militia", "river", "camp", "the", "of", "Kabul", "organi-", "said", "2020", "12", "*bold*",
         "&amp;", "envoy", "Notes", "1.", "¹²", "^{3}", "S/2020/415", "2,200", "“quoted”", "—"]  # fmt: skip
SEPARATORS = [
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ". ",
    ".\n\n",
    "\n\f\n",
    "-\n",
    "\n\n¹ ",
    "\n\n^{2.} ",
    "\n\n- 3. ",
]


def _check(text: str) -> CleanText:
    ct = clean(Document(text=text, source_path="p.txt", sha256="", reader="text"))
    assert len(ct.offsets) == len(ct.body)
    for i, ch in enumerate(ct.body):
        pos = ct.offsets[i]
        assert 0 <= pos < len(text)
        src = text[pos]
        # a copied character is itself; a joining space or paragraph break sits on whitespace;
        # a decoded entity sits on its "&"
        assert src == ch or (ch.isspace() and src.isspace()) or src == "&", (i, ch, src)
    marked = {p for m in ct.markers for p in range(m.start, m.end)}
    assert not marked & set(ct.offsets)
    for n in ct.notes:
        assert 0 <= n.start <= n.end <= len(text)
    for s, e in ct.repeats:
        assert 0 <= s < e <= len(ct.body)
    return ct


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=120))
def test_offsets_round_trip_on_report_like_noise(parts: list[tuple[str, str]]) -> None:
    ct = _check("".join(w + s for w, s in parts))
    for start in range(0, len(ct.body), 7):
        end = min(len(ct.body), start + 11)
        ds, de = ct.to_doc(start, end)
        assert 0 <= ds <= de


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_offsets_round_trip_on_any_text(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_copied_body_span_is_found_in_the_document(words: list[str]) -> None:
    """A body span without joins maps to the same text in the document."""
    text = "Intro paragraph. " + " ".join(w for w in words if w not in ("Notes", "1.")) + " end."
    ct = _check(text)
    for start in range(len(ct.body)):
        end = start + 1
        while end < len(ct.body) and ct.offsets[end] == ct.offsets[end - 1] + 1:
            end += 1
        ds, de = ct.to_doc(start, end)
        assert text[ds:de] == ct.body[start:end]

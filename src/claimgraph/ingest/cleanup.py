"""Turn a reader's raw text into clean body text with a map back to it.

``clean(doc)`` splits the text into paragraph blocks, takes the notes and
their markers out (``ingest.notes``, ``ingest.markers``), drops page
furniture (``ingest.furniture``: page numbers, running heads, author blurbs,
disclaimers, front-matter bylines, web boilerplate) and text glued on after
the article's end, rejoins paragraphs
that a page break or a footnote block cut in two, joins words hyphenated
across line breaks, and marks repeated paragraphs (pull-quotes, duplicates
from the PDF extractor) without dropping them.  Every body character keeps
the index of the document character it came from.
"""

from __future__ import annotations

import bisect
import html
import re
import statistics
from collections import Counter

from claimgraph.ingest.furniture import mark_furniture
from claimgraph.ingest.markers import find_markers
from claimgraph.ingest.notes import (
    Block,
    collect_notes,
    is_section_heading,
    mark_note_starts,
    note_start,
    number_listed_notes,
)
from claimgraph.ingest.offsets import OffsetBuilder
from claimgraph.records import CleanText, Document, Marker

_FUNCTION_WORDS = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "but", "as",
    "that", "which", "who", "whose", "its", "their", "his", "her", "this", "these", "those", "into", "than",
    "between", "across", "about", "against", "under", "over", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "not", "also", "both", "such", "if", "when", "while", "so", "some", "many",
    "given", "including", "like", "per", "via", "toward", "towards", "upon", "within", "without", "through",
    "during", "despite", "among", "amongst", "around", "behind", "beyond", "near", "since", "until",
    "whether", "because", "although", "though", "where", "whereas", "before", "after", "being", "more",
    "most", "less", "least", "very", "will", "would", "could", "should", "may", "might", "can", "must",
}  # fmt: skip
_DROP = re.compile(r"\u00ad|(?<! )\*|\*(?! |$)")  # soft hyphens; asterisks of *emphasis*, not " * " bullets
_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_MAX_LOOKAHEAD = 15
_SHINGLE = 5
_TOKEN = re.compile(r"[a-z0-9]+")


def _lines(src: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in src.split("\n"):
        end = pos + len(line)
        out.append((pos, end - 1 if line.endswith("\r") else end))
        pos = end + 1
    return out


_TRAILING_MARK = re.compile(
    r"(?:\[\d{1,3}\]|\^\{[^}]*\}|<sup>\d+</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?<=[.!?\"”’)])\d{1,3}|[\"”’')\]*_\s])+$"
)


def _ends_sentence(line: str) -> bool:
    t = _TRAILING_MARK.sub("", line[-60:])
    return bool(t) and t[-1] in ".!?:"


def _blocks(src: str, lines: list[tuple[int, int]]) -> list[Block]:
    """Paragraph blocks: blank-line separated runs, one per line when lines are unwrapped.

    Text is taken as hard-wrapped (PDF style) when its lines are short and
    most of them end mid-sentence; then a paragraph also ends at a short
    line that ends a sentence.  A note number or a section heading always
    starts a new block.
    """
    texts = [src[s:e] for s, e in lines if src[s:e].strip()]
    lengths = [len(t) for t in texts]
    ends = sum(_ends_sentence(t) for t in texts)
    wrapped = len(texts) > 5 and statistics.median(lengths) < 120 and ends < 0.6 * len(texts)
    width = sorted(lengths)[int(len(lengths) * 0.9)] if lengths else 0
    blocks: list[Block] = []
    cur: list[tuple[int, int]] = []
    for s, e in lines:
        line = src[s:e]
        if not line.strip():
            if cur:
                blocks.append(Block(cur))
            cur = []
            continue
        heading = is_section_heading(line)
        if cur and (not wrapped or heading or note_start(line, True) is not None):
            blocks.append(Block(cur))
            cur = []
        cur.append((s, e))
        if heading or (wrapped and _ends_sentence(line) and len(line.rstrip()) < 0.75 * width):
            blocks.append(Block(cur))
            cur = []
    if cur:
        blocks.append(Block(cur))
    return blocks


class _Edits:
    """Character edits applied when copying body text: removals and replacements."""

    def __init__(self) -> None:
        self.at: dict[int, tuple[int, str]] = {}

    def add(self, start: int, end: int, repl: str = "") -> None:
        if start not in self.at:
            self.at[start] = (end, repl)

    def freeze(self, src: str) -> None:
        self.starts = sorted(self.at)
        self.src = src
        self._words: set[str] | None = None

    def hyphenated(self, a: str, b: str) -> bool:
        """True when the document writes "a-b" elsewhere and never "ab"."""
        if self._words is None:
            self._words = set(re.findall(r"[a-z]+(?:-[a-z]+)*", self.src.lower()))
        a, b = a.lower(), b.lower()
        return f"{a}-{b}" in self._words and f"{a}{b}" not in self._words

    def copy(self, out: OffsetBuilder, src: str, s: int, e: int) -> None:
        """Append ``src[s:e]`` to ``out`` with the edits applied."""
        k = bisect.bisect_left(self.starts, s)
        pos = s
        while k < len(self.starts) and self.starts[k] < e:
            at = self.starts[k]
            k += 1
            if at < pos:
                continue
            out.copy(src, pos, at)
            end, repl = self.at[at]
            out.put(repl, at)
            pos = min(end, e)
        out.copy(src, pos, e)


def _edits(src: str, blocks: list[Block], markers: list[Marker]) -> _Edits:
    """Markers, emphasis asterisks and soft hyphens to drop; HTML entities to decode."""
    ed = _Edits()
    for m in markers:
        ed.add(m.start, m.end)
    for b in blocks:
        if b.kind != "body":
            continue
        for s, e in b.lines:
            line = src[s:e]
            for m in _DROP.finditer(line):
                ed.add(s + m.start(), s + m.end())
            for m in _ENTITY.finditer(line):
                char = html.unescape(m.group())
                if char != m.group():
                    ed.add(s + m.start(), s + m.end(), char)
    ed.freeze(src)
    return ed


def _join(out: OffsetBuilder, gap_pos: int, next_text: str, ed: _Edits) -> None:
    """Join the next line onto ``out``: undo a line-break hyphen, else put a space.

    "organi-" + "sation" becomes "organisation", unless the document spells
    the pair with a hyphen elsewhere and never without ("well-known").
    """
    out.rstrip()
    last = out.last()
    if last == "-" and out.last(2).isalpha() and next_text[:1].islower():
        before = re.search(r"[A-Za-z]+$", out.tail(40)[:-1])
        after = re.match(r"[a-z]+", next_text)
        if before and after and ed.hyphenated(before.group(), after.group()):
            return
        out.pop()
    elif last not in ("-", "—", "–", "/", ""):
        out.put(" ", gap_pos)


def _emit(out: OffsetBuilder, src: str, blocks: list[Block], ed: _Edits) -> None:
    first = True
    for b in blocks:
        for s, e in b.lines:
            if not first:
                _join(out, _gap(src, s), src[s:e].lstrip("*_ \t")[:30], ed)
            first = False
            ed.copy(out, src, s, e)
    out.rstrip()


def _gap(src: str, pos: int) -> int:
    """A whitespace position just before ``pos`` (the line break we replace)."""
    return pos - 1 if pos > 0 and src[pos - 1].isspace() else pos


def _plain(src: str, b: Block, ed: _Edits) -> str:
    tmp = OffsetBuilder()
    _emit(tmp, src, [b], ed)
    return tmp.text()


def _shingles(text: str) -> set[tuple[str, ...]]:
    toks = _TOKEN.findall(text.lower())
    return set(zip(*(toks[k:] for k in range(_SHINGLE)), strict=False))


def _coverage(texts: list[str]) -> list[float]:
    """For each text, the share of its word 5-grams that occur in another text."""
    sets = [_shingles(t) for t in texts]
    count = Counter(s for ss in sets for s in ss)
    return [sum(count[s] > 1 for s in ss) / len(ss) if len(ss) >= 8 else 0.0 for ss in sets]


def _is_open(text: str) -> bool:
    t = text.rstrip().rstrip("*_ ")
    if not t or t[-1] in ".!?…:;" or (t[-1] in "\"”’')]" and t[:-1].rstrip()[-1:] in ".!?"):
        return False
    words = t.split()
    weak = t[-1] in ",—–-(" or words[-1].lower() in _FUNCTION_WORDS
    return weak or len(words) >= 12


def _ends_weak(text: str) -> bool:
    t = text.rstrip()
    return bool(t) and (t[-1] in ",—–-(" or t.split()[-1].lower() in _FUNCTION_WORDS)


def _continuation(
    i: int, blocks: list[Block], plain: dict[int, str], cover: dict[int, float], used: set[int]
) -> tuple[int | None, list[int]]:
    """The block that continues body block ``i`` and the pull-quotes passed on the way.

    Notes and furniture in between are passed over; so are paragraphs that
    repeat text found elsewhere (pull-quotes).  A continuation starts in
    lower case, or follows directly when the paragraph is cut mid-sentence.
    """
    skipped: list[int] = []
    quoted_lower: list[tuple[float, int, list[int]]] = []
    for j in range(i + 1, min(len(blocks), i + 1 + _MAX_LOOKAHEAD)):
        b = blocks[j]
        if b.kind == "heading":
            break
        if b.kind != "body" or j in used:
            continue
        t = plain[j].lstrip("\"“‘'")
        lower = bool(t) and not t[0].isupper()
        quoted = cover[j] >= 0.7
        if not quoted and lower:
            return j, skipped
        if not quoted:
            if quoted_lower or not (not skipped or _ends_weak(plain[i])):
                break
            return j, skipped
        if lower:
            quoted_lower.append((cover[j], j, list(skipped)))
        skipped.append(j)
    if quoted_lower:
        _, j, passed = min(quoted_lower, key=lambda q: q[0])
        return j, passed
    return None, []


def _paragraphs(blocks: list[Block], src: str, ed: _Edits) -> list[list[int]]:
    """Body paragraphs as lists of block indices, split paragraphs rejoined."""
    body = [i for i, b in enumerate(blocks) if b.kind == "body"]
    plain = {i: _plain(src, blocks[i], ed) for i in body}
    cover = dict(zip(body, _coverage([plain[i] for i in body]), strict=True))
    used: set[int] = set()
    out: list[list[int]] = []
    for i in body:
        if i in used:
            continue
        used.add(i)
        para, deferred = [i], []
        while _is_open(plain[para[-1]]):
            j, skipped = _continuation(para[-1], blocks, plain, cover, used)
            if j is None:
                break
            used.add(j)
            used.update(skipped)
            para.append(j)
            deferred.extend(skipped)
        out.append(para)
        out.extend([k] for k in deferred)
    return out


def _repeats(spans: list[tuple[int, int]], body: str) -> list[tuple[int, int]]:
    """Paragraph spans whose text mostly repeats another paragraph; the shorter copy is marked."""
    sets = [_shingles(body[s:e]) for s, e in spans]
    count = Counter(s for ss in sets for s in ss)
    order = sorted(range(len(spans)), key=lambda k: (len(sets[k]), -spans[k][0]))
    marked = []
    for k in order:
        ss = sets[k]
        if len(ss) >= 3 and sum(count[s] > 1 for s in ss) >= 0.8 * len(ss):
            marked.append(spans[k])
            count.subtract(ss)
    return sorted(marked)


def clean(doc: Document) -> CleanText:
    """Clean a document's text: body without notes, markers and furniture, with offsets.

    Notes and markers come back in ``Document.text`` coordinates; repeated
    paragraphs stay in the body and are listed in ``repeats`` (body spans).
    """
    src = doc.text
    blocks = _blocks(src, _lines(src))
    mark_note_starts(blocks, src)
    enders = mark_furniture(blocks, src, doc)
    notes = collect_notes(blocks, src)
    cut = next((i for i in enders if blocks[i].start > 0.6 * len(src)), None)
    if cut is not None:
        for b in blocks[cut + 1 :]:
            if b.kind == "body":
                b.kind = "foreign"
    markers = find_markers(blocks, src, {n.id for n in notes})
    if number_listed_notes(notes, markers):
        markers = find_markers(blocks, src, {n.id for n in notes})
    ed = _edits(src, blocks, markers)
    out = OffsetBuilder()
    spans = []
    for para in _paragraphs(blocks, src, ed):
        if len(out):
            last = blocks[para[0]].start
            out.put("\n\n", _gap(src, last))
        start = len(out)
        _emit(out, src, [blocks[i] for i in para], ed)
        if len(out) == start and start:
            out.rstrip()
            continue
        spans.append((start, len(out)))
    body = out.text()
    return CleanText(body, out.offsets(), notes, markers, _repeats(spans, body))


def marker_positions(ct: CleanText) -> list[tuple[int, str]]:
    """Where each removed marker sat in the body: ``(body offset, note id)``, in body order.

    The offset is just after the body character that preceded the marker, so
    a sentence span ``[start, end)`` carries the notes whose offset falls in
    ``(start, end]``.
    """
    order = sorted(range(len(ct.offsets)), key=ct.offsets.__getitem__)
    doc_pos = [ct.offsets[i] for i in order]
    out = []
    for m in ct.markers:
        k = bisect.bisect_left(doc_pos, m.start)
        out.append((order[k - 1] + 1 if k else 0, m.note_id))
    return sorted(out)

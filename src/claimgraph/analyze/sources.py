"""Which primary source stands behind a statement, and when two reports cite the same one.

A statement's footnotes lead to citations; pointer notes ("Ibid.", "n. 14")
are followed to the note they point to.  Each cited work gets identity keys:
a UN document symbol (``S/2020/415``, found in the URL, title or note text),
a normalised URL, a normalised title (with its publisher when the title is
short).  Citations sharing any key are one work, across documents, so two
reports citing one UN report count it once (circular reporting).  A
statement without a usable footnote rests on its speaker when someone other
than the author said it, else on the report itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from claimgraph.analyze.common import Canonical, dedupe, speaker_id, words
from claimgraph.analyze.data import CitationRow, DocInfo, Reader, StatementRow
from claimgraph.records import AUTHOR

# UN document symbols: a series (A, S, E, ST, …) and slash-separated parts, one of them a number.
_UN_SYMBOL = re.compile(
    r"(?<![\w.])((?:A|S|E|ST|UNEP|TD|DP|CRC|CCPR|CERD|CEDAW|CAT)(?:/(?:[A-Z][A-Za-z]*\.?\d*|\d+))+)(?![\w/])"
)
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$", re.I)
_SHORT_TITLE_WORDS = 6


def un_symbols(text: str | None) -> list[str]:
    """UN document symbols in a text, as printed ("S/2020/415", "A/HRC/45/12")."""
    found = []
    for m in _UN_SYMBOL.finditer(text or ""):
        parts = m.group(1).split("/")
        if len(parts) >= 3 and any(p.isdigit() for p in parts):
            found.append(m.group(1))
    return dedupe(found)


def normalise_url(url: str | None) -> str | None:
    """A URL without scheme, ``www.``, default port, fragment, tracking parameters or trailing slash."""
    if not url or not url.strip():
        return None
    raw = url.strip()
    if "://" not in raw:
        raw = "http://" + raw
    try:
        parts = urlsplit(raw)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    host = host.removeprefix("www.")
    if not host:
        return None
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    path = re.sub(r"/+$", "", parts.path) or ""
    return host + path + (f"?{query}" if query else "")


def title_key(title: str | None, publisher: str | None) -> str | None:
    """Normalised title; short titles ("Eleventh report") are qualified by their publisher."""
    w = [x for x in words(title) if x not in ("the", "a", "an")]
    if not w:
        return None
    key = " ".join(w)
    if len(w) < _SHORT_TITLE_WORDS:
        pub = " ".join(words(publisher))
        if not pub:
            return None  # a short title alone names nothing reliably
        key += f" | {pub}"
    return key


def work_keys(c: CitationRow) -> list[str]:
    """Identity keys of a cited work, strongest first; a bare comment gets a key of its own."""
    keys = [f"un:{s}" for s in dedupe([*un_symbols(c.url), *un_symbols(c.title), *un_symbols(c.raw)])]
    url = normalise_url(c.url)
    if url:
        keys.append(f"url:{url}")
    title = title_key(c.title, c.publisher)
    if title:
        keys.append(f"title:{title}")
    return keys or [f"note:{c.document}:{c.note_id}"]


@dataclass
class Source:
    """One independent source: a cited work, a speaker, or a report speaking for itself."""

    key: str
    kind: str  # "work" | "speaker" | "report"
    label: str
    publisher: str | None = None
    cited_as: list[tuple[int, str]] = field(default_factory=list)  # (document, note id)

    def to_dict(self, docs: dict[int, DocInfo] | None = None) -> dict[str, object]:
        def name(d: int) -> object:
            return docs[d].name if docs and d in docs else d

        return {
            "key": self.key,
            "kind": self.kind,
            "label": self.label,
            "publisher": self.publisher,
            "cited_as": [{"document": name(d), "note": n} for d, n in self.cited_as],
        }


class SourceIndex:
    """Works cited by a set of documents, identified across them.

    A citation's identity keys are computed when it is first used (``work``);
    citations sharing a key are one work.  Ask for every citation of interest
    before relying on the keys: a later citation can join two works.
    """

    def __init__(self, citations: Iterable[CitationRow]) -> None:
        self.by_note: dict[tuple[int, str], CitationRow] = {(c.document, c.note_id): c for c in citations}
        self._parent: dict[str, str] = {}
        self._keys: dict[tuple[int, str], list[str]] = {}

    def _find(self, k: str) -> str:
        parent = self._parent
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def resolve(self, document: int, note_id: str) -> CitationRow | None:
        """The citation a note stands for, following "Ibid." and "n. 14" pointers."""
        seen: set[str] = set()
        c = self.by_note.get((document, note_id))
        while c is not None and c.ref and c.ref not in seen:
            seen.add(c.note_id)
            nxt = self.by_note.get((document, c.ref))
            if nxt is None:
                break
            c = nxt
        return c

    def register(self, c: CitationRow) -> None:
        """Compute a citation's keys and join the works they name."""
        note = (c.document, c.note_id)
        if note in self._keys:
            return
        keys = self._keys[note] = work_keys(c)
        for k in keys[1:]:
            a, b = self._find(keys[0]), self._find(k)
            if a != b:
                self._parent[max(a, b, key=_rank)] = min(a, b, key=_rank)

    def work(self, c: CitationRow) -> str:
        """The identity key of the work a citation cites (shared by every citation of that work)."""
        self.register(c)
        return self._find(self._keys[(c.document, c.note_id)][0])


def _rank(key: str) -> tuple[int, str]:
    order = ("un:", "url:", "title:", "note:")
    return next(i for i, p in enumerate(order) if key.startswith(p)), key


def _label(c: CitationRow) -> str:
    return c.title or c.publisher or c.url or (c.raw[:80] if c.raw else f"note {c.note_id}")


def _published_by(c: CitationRow, speaker_words: set[str]) -> bool:
    """Is the cited work the speaker's own (its name among the publisher's or authors' words)?"""
    if not speaker_words:
        return False
    published = set(words(c.publisher)) | {w for a in c.authors for w in words(a)}
    if not c.publisher and not c.authors:
        published = set(words(c.raw[:80]))
    return speaker_words <= published


@dataclass
class Backing:
    """The independent sources of one statement, and the footnotes through which it cites each."""

    keys: list[str] = field(default_factory=list)
    cites: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # key -> (document, note id)

    def add(self, key: str, cite: CitationRow | None = None) -> None:
        if key not in self.keys:
            self.keys.append(key)
        notes = self.cites.setdefault(key, [])
        if cite is not None and (cite.document, cite.note_id) not in notes:
            notes.append((cite.document, cite.note_id))


def statement_sources(
    statements: Iterable[StatementRow],
    reader: Reader,
    canonical: Canonical,
    speaker_names: dict[str, str] | None = None,
) -> tuple[dict[int, Backing], dict[str, Source]]:
    """For each statement id its independent primary sources, and every source by key (without
    ``cited_as``: which notes cite a source depends on the statements one looks at).

    The author's own statements rest on the works their footnotes cite (or on
    the report itself).  A statement the text attributes to someone else rests
    on that speaker, whatever outlet relayed it, unless the cited work is the
    speaker's own publication: then it rests on that work, so a UN report
    cited by one document and paraphrased as "the UN team reported" by
    another counts once.
    """
    statements = list(statements)
    names = speaker_names or {}
    docs = reader.documents()
    index = SourceIndex(reader.citations({s.document for s in statements if s.notes_json != "[]"}))
    backing: dict[int, Backing] = {}
    sources: dict[str, Source] = {}
    cited_by: dict[int, list[CitationRow]] = {}
    for s in statements:
        cited_by[s.id] = [c for n in s.notes if (c := index.resolve(s.document, n)) is not None]
        for c in cited_by[s.id]:
            index.register(c)
    for s in statements:
        by = speaker_id(canonical, s.document, s.by)
        cited = cited_by[s.id]
        b = backing[s.id] = Backing()
        works = (
            cited
            if by == AUTHOR
            else [c for c in cited if _published_by(c, set(words(names.get(by, by.replace("_", " ")))))]
        )
        for c in works:
            key = index.work(c)
            sources.setdefault(key, Source(key, "work", _label(c), c.publisher))
            b.add(key, c)
        if b.keys:
            continue
        if by == AUTHOR:
            key = f"report:{s.document}"
            doc = docs.get(s.document)
            label = (doc.title or doc.name) if doc else str(s.document)
            publisher = ", ".join(doc.authors) if doc and doc.authors else None
            sources.setdefault(key, Source(key, "report", label, publisher))
            b.add(key)
        else:
            key = f"speaker:{by}"
            label = names.get(by, s.by)
            sources.setdefault(key, Source(key, "speaker", label, label))
            b.add(key)
            for c in cited:  # the outlets that relayed the speaker
                b.add(key, c)
    return backing, sources

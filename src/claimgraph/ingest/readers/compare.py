"""Compare the PDF readers' reading order on synthetic two-column pages.

Run ``python -m claimgraph.ingest.readers.compare`` to print the table kept in
``docs/pdf-readers.md``.  Scores, per reader and content-stream order:

* found: share of body sentences present verbatim (whitespace collapsed);
* in order: longest run of found sentences in the right order (longest
  increasing subsequence of their positions), over all sentences;
* notes after body: share of pages whose footnotes all come after every
  body sentence of that page and before the next page's body;
* paragraphs: share of paragraph boundaries that come out as a blank line.
"""

from __future__ import annotations

import bisect
import re
import time
from dataclasses import dataclass
from pathlib import Path

from claimgraph.ingest.readers.base import Parsed, Reader
from claimgraph.ingest.readers.pdffile import PDFMINER, PYPDF, pdfminer_text
from claimgraph.ingest.readers.synthetic import ORDERS, SyntheticPdf, two_column_pdf


@dataclass
class Score:
    found: float
    in_order: float
    notes_after_body: float
    paragraphs: float
    seconds: float


def _flat(text: str) -> tuple[str, list[int]]:
    """Whitespace-collapsed text and, per character, its index in ``text``."""
    out, index = [], []
    space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            space = True
            continue
        if space and out:
            out.append(" ")
            index.append(i - 1)
        space = False
        out.append(ch)
        index.append(i)
    return "".join(out), index


def _lis(values: list[int]) -> int:
    tails: list[int] = []
    for v in values:
        k = bisect.bisect_left(tails, v)
        tails[k : k + 1] = [v]
    return len(tails)


def score(text: str, pdf: SyntheticPdf) -> tuple[float, float, float, float]:
    """(found, in order, notes after body, paragraphs) for one extracted text."""
    flat, index = _flat(text)
    positions: list[list[int]] = []
    ends: list[list[int]] = []
    for page in pdf.pages:
        positions.append([flat.find(s) for s in page.sentences])
        ends.append(
            [p + len(s) if p >= 0 else -1 for p, s in zip(positions[-1], page.sentences, strict=True)]
        )
    everything = [p for page in positions for p in page]
    found = [p for p in everything if p >= 0]
    notes_ok = 0
    for i, page in enumerate(pdf.pages):
        body = [p for p in positions[i] if p >= 0]
        after = [p for p in positions[i + 1] if p >= 0] if i + 1 < len(pdf.pages) else []
        note_pos = [flat.find(n) for n in page.notes]
        ok = all(n >= 0 for n in note_pos) and body
        ok = (
            ok
            and all(n > max(body) for n in note_pos)
            and (not after or all(n < min(after) for n in note_pos))
        )
        notes_ok += bool(ok)
    breaks = total_breaks = 0
    for i, page in enumerate(pdf.pages):
        for start in page.paragraph_starts[1:]:
            total_breaks += 1
            prev_end, here = ends[i][start - 1], positions[i][start]
            if prev_end >= 0 and here > prev_end:
                between = text[index[prev_end - 1] + 1 : index[here]]
                breaks += bool(re.search(r"\n[ \t]*\n", between))
    return (
        len(found) / len(everything),
        _lis(found) / len(everything),
        notes_ok / len(pdf.pages),
        breaks / total_breaks if total_breaks else 1.0,
    )


def _native(path: Path, data: bytes) -> Parsed:
    return pdfminer_text(data, ordered=False)


# pdfminer with its own text-box order, to show what claimgraph's layout ordering adds.
PDFMINER_NATIVE = Reader("pdfminer, own box order", "application/pdf", (".pdf",), _native)
READERS_COMPARED = (PYPDF, PDFMINER_NATIVE, PDFMINER)


def compare(readers: tuple[Reader, ...] = READERS_COMPARED, seeds: int = 3, pages: int = 3) -> dict:
    """Mean scores per (order, reader name) over ``seeds`` generated PDFs."""
    results: dict[tuple[str, str], Score] = {}
    for order in ORDERS:
        pdfs = [two_column_pdf(seed, pages, order) for seed in range(seeds)]
        for reader in readers:
            sums = [0.0, 0.0, 0.0, 0.0]
            started = time.perf_counter()
            for pdf in pdfs:
                text = reader.read(Path(f"synthetic-{order}.pdf"), pdf.data).text
                sums = [a + b for a, b in zip(sums, score(text, pdf), strict=True)]
            elapsed = (time.perf_counter() - started) / len(pdfs)
            results[(order, reader.name)] = Score(*(s / len(pdfs) for s in sums), seconds=elapsed)
    return results


def table(results: dict) -> str:
    """The results as a Markdown table, plus a mean row per reader."""
    lines = [
        "| drawing order | reader | found | in order | notes after body | paragraphs | s/doc |",
        "|---|---|---|---|---|---|---|",
    ]
    for (order, name), s in results.items():
        lines.append(
            f"| {order} | {name} | {s.found:.3f} | {s.in_order:.3f} | {s.notes_after_body:.3f} "
            f"| {s.paragraphs:.3f} | {s.seconds:.3f} |"
        )
    for name in dict.fromkeys(n for _, n in results):
        rows = [s for (_, n), s in results.items() if n == name]
        mean = [sum(getattr(s, f) for s in rows) / len(rows) for f in Score.__dataclass_fields__]
        lines.append(
            f"| **mean** | {name} | {mean[0]:.3f} | {mean[1]:.3f} | {mean[2]:.3f} | {mean[3]:.3f} | {mean[4]:.3f} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Print the comparison table (``python -m claimgraph.ingest.readers.compare``)."""
    print(table(compare()))


if __name__ == "__main__":
    main()

"""Extract files to JSON, one ``<document stem>.json`` each: the loop behind ``claimgraph extract``.

Set-up errors (an unknown pack, a glob matching nothing) raise; a file that cannot be read or
extracted is reported in its ``FileOutcome`` and the others go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from claimgraph.exc import ClaimgraphError
from claimgraph.records import Extraction


@dataclass
class FileOutcome:
    path: Path
    target: Path | None = None  # the JSON written
    extraction: Extraction | None = None
    error: ClaimgraphError | None = None


def extract_files(
    inputs: Iterable[str], out_dir: str | Path, *, packs: Iterable[str] = (), explain: bool = False
) -> Iterator[FileOutcome]:
    """Read, extract and write every file of ``inputs`` (files, folders, globs), in order."""
    from claimgraph.extract.document import extract_document
    from claimgraph.extract.format import write_extraction
    from claimgraph.ingest.read import iter_paths, read_document
    from claimgraph.nlp.pipeline import build_pipeline
    from claimgraph.packs import load_packs

    pack_set = load_packs(tuple(packs))
    nlp = build_pipeline(pack_set)
    for path in iter_paths(list(inputs)):
        try:
            extraction = extract_document(read_document(path), packs=pack_set, nlp=nlp, explain=explain)
            yield FileOutcome(path, write_extraction(extraction, out_dir), extraction)
        except ClaimgraphError as e:
            yield FileOutcome(path, error=e)

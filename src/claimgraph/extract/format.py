"""Writing extractions as JSON in the shared format, validated against its schema.

``write_extraction(extraction, "out/")`` writes ``out/<document stem>.json``
after checking it against ``claimgraph/spec/extraction.schema.json`` (a copy
of the shared format's schema); an invalid extraction raises
``ClaimgraphError`` and nothing is written.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from claimgraph.exc import ClaimgraphError
from claimgraph.records import Extraction

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "spec" / "extraction.schema.json"


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate(data: dict[str, Any]) -> None:
    """Raise ``ClaimgraphError`` naming the first problems when ``data`` breaks the format."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        shown = "; ".join(
            f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}" for e in errors[:5]
        )
        more = f" (+{len(errors) - 5} more)" if len(errors) > 5 else ""
        raise ClaimgraphError(f"extraction of {data.get('document', '?')} breaks the format: {shown}{more}")


def output_path(extraction: Extraction, out_dir: str | Path) -> Path:
    """``<out_dir>/<document stem>.json``."""
    return Path(out_dir) / f"{Path(extraction.document.name).stem}.json"


def write_extraction(extraction: Extraction, out_dir: str | Path) -> Path:
    """Validate and write one extraction; returns the file written."""
    data = extraction.to_format()
    validate(data)
    target = output_path(extraction, out_dir)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        tmp.replace(target)
    except OSError as e:
        raise ClaimgraphError(f"cannot write {target}: {e.strerror or e}") from None
    return target


def explain_lines(extraction: Extraction) -> list[str]:
    """One line per item: what it is, the rule that produced it and its evidence."""
    lines = [f"# {extraction.document.name} ({extraction.extractor_version})"]
    for e in extraction.entities:
        forms = ", ".join(a for a in e.aliases if a != e.name)
        lines.append(
            f"entity    {e.id} [{e.type}/{e.kind or '-'}] {e.name}"
            + (f" (also: {forms})" if forms else "")
            + f"  <{e.rule}> x{len(e.mentions)}"
        )
    for v in extraction.events:
        lines.append(
            f"event     {v.id} [{v.kind}] {v.name or ''} date={v.date} loc={v.location} "
            f"killed={v.killed} wounded={v.wounded} targets={v.targets} participants={v.participants}"
            f"  <{v.rule}> | {_quote(v.evidence)}"
        )
    for s in extraction.statements:
        lines.append(
            f"statement {s.subject} {s.predicate} {s.object} by={s.by} {s.polarity}/{s.certainty}"
            f" date={s.date}  <{s.rule}> | {_quote(s.evidence)}"
        )
    for x in extraction.estimates:
        lines.append(
            f"estimate  {x.subject} {x.quantity} {x.low}-{x.high} as_of={x.as_of} by={x.by}"
            f"  <{x.rule}> | {_quote(x.evidence)}"
        )
    lines.append(f"citations {len(extraction.citations)}")
    return lines


def _quote(text: str | None) -> str:
    return " ".join((text or "").split())

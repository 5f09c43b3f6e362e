"""claimgraph sources CLAIM — what a claim rests on: independent primary sources and credibility."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

import claimgraph
from claimgraph.analyze.credibility import RELIABILITY
from claimgraph.cli.common import JsonOption, KbOption, console, handle_errors, print_json
from claimgraph.cli.render import cell, date, stance


@handle_errors
def sources(
    claim: Annotated[
        str,
        typer.Argument(help="subject/predicate/object (e.g. iskp/part_of/islamic_state) or a statement id."),
    ],
    kb: KbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Follow a claim's footnotes to the works they cite, count each primary source once however many
    reports cite it (circular reporting), and suggest a credibility rating with its reasons.

    Example: claimgraph sources iskp/responsible_for/kabul_university_attack_2020 --kb iskp.db
    """
    with claimgraph.open(kb) as base:
        a = base.sources(claim)
        docs = base.reader.documents()
        evidence = base.reader.evidence("statements", [x.statement for x in a.claim.assertions])
    c = a.claim
    if as_json:
        print_json(
            {
                "claim": c.id,
                "subject": a.names.get(c.subject, c.subject),
                "predicate": c.predicate,
                "object": a.names.get(c.object, c.object),
                "valid_from": c.valid_from,
                "valid_to": c.valid_to,
                "independent_sources": len(c.independent("affirm")),
                "independent_denials": len(c.independent("deny")),
                "credibility": a.rating.to_dict(),
                "incompatible_with": a.opposed_by,
                "sources": [
                    {**s.to_dict(docs), "grade": a.grades.get(k, (None, None))[0]}
                    for k, s in c.sources.items()
                ],
                "statements": [
                    {
                        "statement": x.statement,
                        "document": docs[x.document].name if x.document in docs else x.document,
                        "speaker": a.names.get(x.speaker, x.speaker),
                        "polarity": x.polarity,
                        "certainty": x.certainty,
                        "date": x.date,
                        "said": x.said,
                        "sources": x.sources,
                        "evidence": evidence.get(x.statement, ("", 0, 0))[0],
                    }
                    for x in c.assertions
                ],
            }
        )
        return
    subject, obj = a.names.get(c.subject, c.subject), a.names.get(c.object, c.object)
    console.print(f"[bold]{cell(subject)} {c.predicate.replace('_', ' ')} {cell(obj)}[/]  ({cell(c.id)})")
    if c.valid_from or c.valid_to:
        console.print(f"valid from {date(c.valid_from)}" + (f" to {c.valid_to}" if c.valid_to else ""))
    n, d = len(c.independent("affirm")), len(c.independent("deny"))
    console.print(
        f"{len(c.assertions)} statement(s) in {len(c.documents)} document(s), resting on {n} independent "
        f"source(s)" + (f"; denied by {d}" if d else "")
    )
    console.print(f"suggested credibility [bold]{a.rating.rating}[/] — {a.rating.label}")
    for r in a.rating.reasons:
        console.print(f"  [dim]{cell(str(r), 200)}[/]")
    table = Table(title="independent sources")
    for col in ("source", "kind", "grade", "cited as"):
        table.add_column(col)
    for key, s in c.sources.items():
        grade = a.grades.get(key)
        cited = ", ".join(f"{docs[doc].name if doc in docs else doc} n.{note}" for doc, note in s.cited_as)
        table.add_row(
            cell(s.label, 80) + f"\n[dim]{cell(key, 80)}[/]",
            s.kind,
            f"{grade[0]} ({RELIABILITY[grade[0]]})" if grade else "",
            cell(cited or "—", 100),
        )
    console.print(table)
    statements = Table(title="statements", show_lines=True)
    for col in ("said by", "stance", "said", "document", "evidence"):
        statements.add_column(col)
    for x in c.assertions:
        statements.add_row(
            cell(a.names.get(x.speaker, x.speaker)),
            stance(x.polarity, x.certainty),
            date(x.said),
            cell(docs[x.document].name if x.document in docs else x.document, 40),
            cell(evidence.get(x.statement, ("", 0, 0))[0]),
        )
    console.print(statements)

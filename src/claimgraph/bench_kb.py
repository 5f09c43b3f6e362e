"""A generated knowledge base of many reports, to time the analysis queries at scale.

``generate(store, documents=10_000)`` writes invented reports straight through
``Store.write_extraction`` (no NLP): each report mentions a few incidents
drawn from a shared pool (popular ones often), with dates at mixed
precision, tolls that sometimes disagree, responsibility claims, blame and
denials, leadership, alliance and rivalry statements, strength estimates,
and footnotes citing a shared pool of UN reports and news URLs (with
"Ibid." pointers).  Every record sits on a sentence of the generated text.
The generator is deterministic for a given seed.
"""

from __future__ import annotations

import hashlib
import itertools
import random
import zlib
from dataclasses import dataclass, field

from claimgraph.records import Citation, Document, Entity, Estimate, Event, Extraction, Mention, Statement
from claimgraph.store.base import Store

_SYLLABLES = [
    "ar",
    "bel",
    "cor",
    "dan",
    "el",
    "fa",
    "gor",
    "han",
    "is",
    "jal",
    "kar",
    "lo",
    "mir",
    "nas",
    "or",
    "pal",
    "qad",
    "ros",
    "sul",
    "tor",
    "ul",
    "var",
    "wen",
    "yas",
    "zar",
]
_KINDS = ("attack",) * 14 + ("arrest",) * 2 + ("ct_operation",) * 2 + ("clash", "leadership_change")
_NOUNS = {
    "attack": "bombing",
    "arrest": "arrest",
    "ct_operation": "raid",
    "clash": "clashes",
    "leadership_change": "succession",
}


def _name(rng: random.Random, words: int = 2) -> str:
    return " ".join((rng.choice(_SYLLABLES) + rng.choice(_SYLLABLES)).capitalize() for _ in range(words))


def _slug(name: str) -> str:
    return name.lower().replace(" ", "_")


@dataclass
class World:
    """The shared pool every generated report draws from."""

    groups: list[str]
    governments: list[str]
    places: list[str]
    leaders: dict[str, list[tuple[str, int]]]  # group -> [(person, first year)]
    incidents: list[dict[str, object]]
    un_reports: list[tuple[str, str, int]]  # (symbol, title, year)
    urls: list[str]
    popularity: list[float] = field(default_factory=list)  # cumulative weights: a few incidents are famous


def make_world(rng: random.Random, incidents: int = 4000) -> World:
    groups = sorted({_name(rng) + " Front" for _ in range(40)})
    governments = sorted({"Ministry of " + _name(rng, 1) for _ in range(8)})
    places = sorted({_name(rng, 1) for _ in range(150)})
    leaders = {g: [(_name(rng), 2010 + 3 * i + rng.randint(0, 2)) for i in range(5)] for g in groups}
    pool = []
    for i in range(incidents):
        kind = rng.choice(_KINDS)
        place = rng.choice(places)
        date = f"{rng.randint(2012, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        group = rng.choice(groups)
        pool.append(
            {"id": i, "kind": kind, "place": place, "date": date, "group": group,
             "name": f"{place} {_NOUNS[kind]}", "killed": rng.randint(1, 120) if kind == "attack" else None}
        )  # fmt: skip
    un = [(f"S/{y}/{rng.randint(100, 999)}", f"Report {n} of the Monitoring Panel", y)
          for n, y in enumerate(rng.choices(range(2012, 2025), k=300))]  # fmt: skip
    urls = [f"https://news{rng.randint(1, 20)}.example/{rng.randint(10**5, 10**6)}" for _ in range(1000)]
    popularity = list(itertools.accumulate(1 / (1 + i) for i in range(len(pool))))
    return World(groups, governments, places, leaders, pool, un, urls, popularity)


@dataclass
class _Doc:
    rng: random.Random
    world: World
    text: str = ""
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def sentence(self, text: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += text + " "
        return start, start + len(text)

    def entity(self, name: str, etype: str, kind: str, at: int) -> str:
        ident = _slug(name)
        if ident not in self.entities:
            self.entities[ident] = Entity(ident, etype, name, kind=kind, aliases=[name], rule="bench")
        self.entities[ident].mentions.append(Mention(name, at, at + len(name), "bench"))
        return ident

    def cite(self) -> list[str]:
        """Footnote ids for the sentence just written: a UN report, a news story or an Ibid."""
        roll = self.rng.random()
        if roll < 0.45:
            return []
        note = str(len(self.citations) + 1)
        if roll < 0.55 and self.citations:
            self.citations.append(Citation(note, ref=self.citations[-1].id, raw="Ibid."))
        elif roll < 0.8:
            symbol, title, year = self.rng.choice(self.world.un_reports)
            raw = f"Monitoring Panel, {title}, {symbol}, {year}."
            self.citations.append(
                Citation(note, title=title, publisher="Monitoring Panel", date=str(year), raw=raw)
            )
        else:
            url = self.rng.choice(self.world.urls)
            self.citations.append(
                Citation(note, title=f"Story {url[-6:]}", publisher=url.split("/")[2], url=url, raw=url)
            )
        return [note]


def _precision(rng: random.Random, date: str) -> str | None:
    roll = rng.random()
    return date if roll < 0.4 else date[:7] if roll < 0.8 else date[:4] if roll < 0.95 else None


def make_report(world: World, rng: random.Random, n: int) -> Extraction:
    doc = _Doc(rng, world)
    year = rng.randint(2013, 2025)
    chosen = {id(x): x for x in rng.choices(world.incidents, cum_weights=world.popularity, k=4)}
    for inc in chosen.values():
        kind, place, group = str(inc["kind"]), str(inc["place"]), str(inc["group"])
        date = _precision(rng, str(inc["date"]))
        killed = inc["killed"]
        if killed is not None and rng.random() < 0.2:
            killed = int(killed) + rng.randint(1, 5)  # tolls that disagree
        local = _slug(str(inc["name"])) + (f"_{date[:4]}" if date else "")
        if any(ev.id == local for ev in doc.events):
            continue
        start, end = doc.sentence(f"The {inc['name']} took place in {place} ({date or 'date unknown'}).")
        loc = doc.entity(place, "place", "city", start + len(str(inc["name"])) + 19)
        participants = (
            [doc.entity(group, "organization", "militant_group", start)] if kind != "attack" else []
        )
        doc.events.append(Event(local, kind, str(inc["name"]), date, loc, killed, None, [], participants,
                                f"The {inc['name']}", start, end, doc.cite(), "bench"))  # fmt: skip
        if kind == "attack":
            s, e = doc.sentence(f"{group} claimed the {inc['name']}.")
            g = doc.entity(group, "organization", "militant_group", s)
            doc.statements.append(
                Statement(
                    g, "responsible_for", local, g, evidence="claimed", start=s, end=e, notes=doc.cite()
                )
            )
            if rng.random() < 0.4:
                rival, gov = rng.choice(world.groups), rng.choice(world.governments)
                s, e = doc.sentence(f"{gov} blamed {rival}, which denied it.")
                r, gv = (
                    doc.entity(rival, "organization", "militant_group", s),
                    doc.entity(gov, "organization", "government", s),
                )
                doc.statements.append(
                    Statement(
                        r, "responsible_for", local, gv, evidence="blamed", start=s, end=e, notes=doc.cite()
                    )
                )
                doc.statements.append(
                    Statement(r, "responsible_for", local, r, "deny", evidence="denied", start=s, end=e)
                )
    for _ in range(6):
        group = rng.choice(world.groups)
        person, since = max(
            (x for x in world.leaders[group] if x[1] <= year),
            default=world.leaders[group][0],
            key=lambda x: x[1],
        )
        s, e = doc.sentence(f"{person} has led {group} since {since}.")
        p, g = (
            doc.entity(person, "person", "leader", s),
            doc.entity(group, "organization", "militant_group", s),
        )
        doc.statements.append(
            Statement(
                p, "leader_of", g, date=str(since), evidence="has led", start=s, end=e, notes=doc.cite()
            )
        )
        other = rng.choice(world.groups)
        friendly = zlib.crc32((group + other).encode()) % 3 == 0  # most pairs keep one relation…
        relation = "allied_with" if friendly != (rng.random() < 0.1) else "rival_of"  # …some reports differ
        s, e = doc.sentence(
            f"In {year} {group} and {other} were {'allies' if relation == 'allied_with' else 'rivals'}."
        )
        a, b = (
            doc.entity(group, "organization", "militant_group", s),
            doc.entity(other, "organization", "militant_group", s),
        )
        certainty = "hedged" if rng.random() < 0.2 else "asserted"
        doc.statements.append(
            Statement(
                a,
                relation,
                b,
                certainty=certainty,
                date=str(year),
                evidence="were",
                start=s,
                end=e,
                notes=doc.cite(),
            )
        )
    for _ in range(2):
        group = rng.choice(world.groups)
        base = 500 + zlib.crc32(group.encode()) % 40 * 100
        low = int(base * rng.uniform(0.6, 1.6))
        s, e = doc.sentence(f"{group} had between {low} and {int(low * 1.3)} fighters in {year}.")
        g = doc.entity(group, "organization", "militant_group", s)
        doc.estimates.append(
            Estimate(g, "fighters", low, int(low * 1.3), str(year), evidence="fighters", start=s, end=e)
        )
    text = doc.text.strip()
    document = Document(text, f"/bench/report_{n:05d}.txt", hashlib.sha256(f"{n}:{text}".encode()).hexdigest(),
                        "text", title=f"Generated report {n}", authors=[f"Desk {n % 17}"], published=f"{year}-06-01")  # fmt: skip
    return Extraction(document, body=text, entities=list(doc.entities.values()), events=doc.events,
                      statements=doc.statements, estimates=doc.estimates, citations=doc.citations,
                      document_date=f"{year}-06-01", extractor_version="bench")  # fmt: skip


def generate(store: Store, documents: int = 10_000, *, seed: int = 7) -> World:
    """Write ``documents`` generated reports into ``store``; return the world they were drawn from."""
    rng = random.Random(seed)
    world = make_world(rng)
    for n in range(documents):
        store.write_extraction(make_report(world, rng, n))
    return world

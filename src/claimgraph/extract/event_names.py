"""Event candidates, their short names and ids.

Names follow the way reports refer to events: "<place> <target> <trigger>"
for attacks ("Kabul University attack", "Kabul rocket attack"), "Arrest of
<person>", "Surrender of <person>", "Killing of <person>", "Operation <Name>",
"<Label> of <group>" for foundings, "<person> appointed <role> of <group>" for
leadership changes.  Ids are the slug of the name plus the year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claimgraph.extract.event_args import Args
from claimgraph.extract.event_triggers import Lexicons, Trigger
from claimgraph.records import Entity
from claimgraph.text import strip_marks

NOT_THE_LEADER = {
    "deputy",
    "vice",
    "former",
    "ex",
    "assistant",
    "acting",
    "provincial",
    "district",
    "eventual",
    "future",
    "later",
}


@dataclass
class Candidate:
    """One mention of an event, before mentions are collapsed."""

    kind: str
    name: str
    start: int
    end: int
    rule: str
    date: str | None = None
    location: Entity | None = None
    killed: int | None = None
    wounded: int | None = None
    targets: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)  # named persons acted upon (arrested, killed...)
    facilities: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # groups founded / led


def slug(text: str) -> str:
    """Lowercase ASCII slug: "Kabul University attack" → "kabul_university_attack"."""
    t = strip_marks(text).lower()
    t = re.sub(r"['’`]", "", t)
    return re.sub(r"[^a-z0-9]+", "_", t).strip("_") or "event"


def make_id(name: str, date: str | None, taken: set[str]) -> str:
    """Slug of the name plus the year, unique among ``taken`` (which it extends)."""
    base = slug(name) + (f"_{date[:4]}" if date and date[:4] not in name else "")
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}_{n}", n + 1
    taken.add(ident)
    return ident


def short_name(entity: Entity) -> str:
    """The form a name reads best in: an acronym for a group, else the canonical name."""
    if entity.type == "organization":
        acronyms = [a for a in entity.aliases if a.isupper() and 2 <= len(a) <= 8 and " " not in a]
        if acronyms:
            return min(acronyms, key=len)
    return entity.name


def surface(entity: Entity, text: str, prefer_text: bool = False) -> str:
    """For a person (or when ``prefer_text``), the longest alias used in ``text``; else the short name."""
    found = [a for a in entity.aliases if a and a in text]
    if found and (entity.type == "person" or prefer_text):
        return entity.name if entity.name in found else max(found, key=len)
    return short_name(entity)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _join(*words: str) -> str:
    """Join name parts, dropping empty ones and words already said."""
    out: list[str] = []
    for w in words:
        if w and not any(w.lower() in o.lower() for o in out):
            out = [o for o in out if o.lower() not in w.lower()]
            out.append(w)
    return re.sub(r"\s+", " ", " ".join(out)).strip()


def operation_name(trig: Trigger) -> str | None:
    """ "Operation Green Sword": a capitalised 'Operation' followed by a proper name."""
    head = trig.head.doc[trig.start]
    if head.lower_ != "operation" or not head.text[0].isupper():
        return None
    names = []
    for tok in head.doc[head.i + 1 : head.i + 5]:
        if not tok.text[:1].isupper() or tok.is_punct:
            break
        names.append(tok.text)
    return "Operation " + " ".join(names) if names else None


def modified(trig: Trigger) -> str:
    """The trigger with its name-like modifiers: "U.S. drone strike", "Jalalabad prison raid"."""
    mods: list[Token] = []
    for tok in reversed(list(trig.head.doc[max(0, trig.start - 4) : trig.start])):
        if tok.dep_ in ("compound", "nmod", "amod") and (
            tok.pos_ in ("PROPN", "NOUN") or tok.text[:1].isupper()
        ):
            mods.insert(0, tok)
        else:
            break
    words = " ".join([*(t.text for t in mods), trig.entry.label])
    return words.replace(" - ", "-")


def noun_core(tok: Token) -> str:
    """A common noun with its compounds: "maternity clinic", "border outpost"."""
    mods = [c for c in tok.lefts if c.dep_ == "compound" and not c.like_num]
    return " ".join(t.text for t in [*mods, tok])


def role_word(tokens: Iterable[Token], trig: Trigger, lex: Lexicons) -> Token | None:
    """The leader-role noun closest to a leadership trigger ("emir", "governor").

    Words inside a person's name ("Qari Wali Rahman") and roles qualified as
    deputy or former do not count.
    """
    roles = [
        t
        for t in tokens
        if t.lemma_.lower() in lex.leader_roles
        and t.ent_type_ != "PERSON"
        and not (t.text[:1].isupper() and not t.is_sent_start)
        and not any(c.lower_ in NOT_THE_LEADER for c in t.lefts)
        and not any(a.dep_ == "appos" for a in (t, *t.ancestors) if a.i != trig.head.i and a.i > trig.head.i)
    ]
    return min(roles, key=lambda t: abs(t.i - trig.head.i)) if roles else None


def event_name(
    kind: str,
    trig: Trigger,
    args: Args,
    sent: Span,
    persons: list[Entity],
    groups: list[Entity],
    lex: Lexicons,
) -> str:
    """A short human name for the event a trigger describes."""
    text = sent.text
    label = trig.entry.label
    op = operation_name(trig)
    if op:
        return op
    person = surface(persons[0], text) if persons else None
    place = short_name(args.location) if args.location and args.location.kind != "facility" else ""
    if kind in ("arrest", "surrender"):
        who = person or _described(args) or (short_name(groups[0]) if groups else "")
        return f"{capitalise(label)} of {who}" if who else _join(place, capitalise(label))
    if kind == "leadership_change":
        role = role_word(sent, trig, lex)
        of = f" of {short_name(groups[0])}" if groups else ""
        old = (
            f" {surface(persons[1], text)} as"
            if len(persons) > 1 and label in ("replaces", "succeeds")
            else ""
        )
        return f"{person}{' ' + label}{old} {role.text if role else 'leader'}{of}"
    if kind == "founding":
        return f"{capitalise(label)} of {surface(groups[0], text)}" if groups else capitalise(label)
    if kind == "ct_operation":
        if person:
            return (
                f"Killing of {person}"
                if trig.entry.kind == "killing"
                else f"{modified(trig)} killing {person}"
            )
        return capitalise(_join(modified(trig), f"in {place}" if place else ""))
    if kind == "clash":
        sides = list(dict.fromkeys(short_name(e) for e in [*args.agents, *args.patients, *args.others]))
        where = f" in {place}" if place else ""
        return ("Clashes between " + " and ".join(sides[:2]) if len(sides) > 1 else capitalise(label)) + where
    if kind == "attack" and trig.entry.poss_patient and persons:
        return f"{capitalise(label)} of {person}"
    if trig.entry.kind == "killing":  # civilians or officials killed: name it as the attack it was
        return capitalise(_join(place, _target(args, text, named_only=True), "attack"))
    return capitalise(_join(place, _target(args, text), modified(trig)))


def _described(args: Args) -> str:
    """An unnamed person acted upon, as described: "a senior ISSP commander" → "senior ISSP commander"."""
    for tok in args.patient_tokens:
        if tok.pos_ == "NOUN" and not tok.ent_type_:
            mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") and not c.like_num]
            return " ".join(t.text for t in [*mods, tok])
    return ""


def _target(args: Args, text: str, named_only: bool = False) -> str:
    """What an attack hit, as named in the text: a facility or group, else the common noun."""
    for tok in args.patient_tokens:
        named = [e for e in args.patients if e.type != "community"]
        if named:
            return surface(named[0], text, prefer_text=True)
        if tok.pos_ == "NOUN" and not named_only:
            return noun_core(tok)
    return ""

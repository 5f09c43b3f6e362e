"""Coreference for actors: "the group", "its leader", "he", "it" → the entity meant.

Rules, recency and type agreement, kept modest so that what is resolved is
right:

* "the group", "the organisation", "the outfit" (optionally "the militant
  group", "the terror outfit") → among the armed groups of the last few
  sentences, the one the document talks about most (then the latest);
* "its leader", "its emir", "their chief" → the person the text made that
  group's leader ("the leader of JNIM, Iyad Ag Ghaly", "JNIM emir Ghaly"),
  when there is one; the possessive itself → the group;
* "he", "his", "him" → the nearest person in the same paragraph;
* "it", "its" → the nearest organization in the same or previous sentence of
  the paragraph when that organization is the subject of its clause;
  expletive "it" ("it is likely that") is left alone.

The result goes to ``doc.spans["cg_coref"]`` with ``span.id_`` = entity id.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from claimgraph.extract.index import COREF_KEY
from claimgraph.nlp.components.common import label_for
from claimgraph.packs import PackSet
from claimgraph.records import Entity

GROUP_NOUNS = ["group", "organisation", "organization", "outfit", "movement", "faction"]
GROUP_MODIFIERS = ["militant", "terror", "terrorist", "jihadist", "jihadi", "extremist", "armed", "insurgent"]
LEADER_ROLES = frozenset(
    {"leader", "emir", "amir", "ameer", "chief", "head", "governor", "wali", "commander"}
)
STATE_KINDS = frozenset(
    {"government", "state_agency", "military", "international_org", "research_org", "media"}
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
GROUP_WINDOW = 4  # sentences back that "the group" may reach
RULE = "coref"


@dataclass
class _Ment:
    start: int  # token index
    end: int
    entity: Entity
    sent: int
    para: int
    subject: bool
    modifier: bool = False  # "Taliban commanders": the name only qualifies a noun


def resolve_coref(doc: Doc, entities: dict[str, Entity], packs: PackSet | None = None) -> list[Span]:
    """Find coreferent actor mentions, store them in ``doc.spans["cg_coref"]`` and return them."""
    sent_of, para_of = _layout(doc)
    mentions = []
    for ent in doc.ents:
        entity = entities.get(ent.ent_id_)
        if entity is not None:
            root = ent.root
            subject = root.dep_ in SUBJECT_DEPS or (root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS)
            modifier = root.dep_ in ("compound", "amod", "nmod") and root.head.i >= ent.end
            mentions.append(
                _Ment(ent.start, ent.end, entity, sent_of[ent.start], para_of[ent.start], subject, modifier)
            )
    starts = [m.start for m in mentions]
    counts = Counter(m.entity.id for m in mentions)
    leaders = _leaders(doc, mentions, _roles(packs))
    out: list[Span] = []
    matches = [(doc.vocab.strings[m], s, e) for m, s, e in _matcher(doc)(doc)]
    role_starts = {s for p, s, _ in matches if p == "ROLE"}
    for pattern, start, end in matches:
        if pattern == "IT" and start in role_starts:
            continue
        if any(
            m.start < end and start < m.end for m in mentions[max(0, bisect_left(starts, start) - 1) :][:3]
        ):
            continue  # part of a name ("the Gansu Hui Group")
        before = mentions[: bisect_right(starts, start - 1)]
        sent, para = sent_of[start], para_of[start]
        if pattern == "GROUP" and not (end < len(doc) and doc[end].lower_ == "of"):  # "the movement of FTFs"
            owner = _owner_of(doc, end - 1, before)  # "the Leadership Council of the group": not the Council
            recent = [
                m for m in before if sent - m.sent <= GROUP_WINDOW and m is not owner and _armed(m.entity)
            ]
            if recent:  # the group most talked about among those just mentioned, then the latest
                _add(out, doc, start, end, max(recent, key=lambda m: (counts[m.entity.id], m.start)))
        elif pattern == "PERSON_PRONOUN":
            _add(out, doc, start, end, _nearest(before, "person", para=para))
        elif pattern == "ROLE":
            owner = _nearest(before, "organization", para=para)
            _add(out, doc, start, start + 1, owner)
            if owner is not None:
                _add(out, doc, start, end, _latest_before(leaders.get(owner.entity.id, []), start))
        elif pattern == "IT" and not _expletive(doc, start):
            target = _nearest([m for m in before if not m.modifier], "actor", para=para, sent=sent, back=1)
            if (
                target is not None
                and target.entity.type == "organization"
                and target.subject
                and not _other_subject(doc, target, start)
            ):
                _add(out, doc, start, end, target)
    doc.spans[COREF_KEY] = out
    return out


def _matcher(doc: Doc) -> Matcher:
    matcher = Matcher(doc.vocab)
    matcher.add(
        "GROUP",
        [
            [{"LOWER": "the"}, {"LOWER": {"IN": GROUP_MODIFIERS}, "OP": "?"}, {"LOWER": {"IN": GROUP_NOUNS}}],
        ],
        greedy="LONGEST",
    )
    matcher.add("PERSON_PRONOUN", [[{"LOWER": {"IN": ["he", "his", "him"]}}]])
    matcher.add("ROLE", [[{"LOWER": {"IN": ["its", "their"]}}, {"LOWER": {"IN": sorted(LEADER_ROLES)}}]])
    matcher.add("IT", [[{"LOWER": {"IN": ["it", "its"]}}]])
    return matcher


def _layout(doc: Doc) -> tuple[list[int], list[int]]:
    """Sentence and paragraph number of every token."""
    sent_of = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = n
    para_of = [0] * len(doc)
    para = 0
    for tok in doc:
        para_of[tok.i] = para
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            para += 1
    return sent_of, para_of


def _nearest(
    before: list[_Ment], want: str, *, para: int | None = None, sent: int | None = None, back: int = 0
) -> _Ment | None:
    """The latest earlier mention of the wanted sort ("person", "organization", "armed" group,
    any "actor" but a community), within the paragraph and/or ``back`` sentences."""
    for m in reversed(before[-40:]):
        if para is not None and m.para != para:
            continue
        if sent is not None and sent - m.sent > back:
            return None
        etype = m.entity.type
        if (
            (want == "armed" and _armed(m.entity))
            or (want == "actor" and etype != "community")
            or want == etype
        ):
            return m
    return None


def _owner_of(doc: Doc, noun: int, before: list[_Ment]) -> _Ment | None:
    """The mention that the noun at ``noun`` hangs off through "of" ("the Shura of the group")."""
    prep = doc[noun].head
    if prep.lower_ != "of" or doc[noun].dep_ != "pobj":
        return None
    for m in reversed(before[-5:]):
        if m.start <= prep.head.i < m.end:
            return m
    return None


def _other_subject(doc: Doc, target: _Ment, i: int) -> bool:
    """A noun subject between the antecedent and "it" ("The attack ... as it happened")."""
    return any(
        t.dep_ in SUBJECT_DEPS and t.pos_ in ("NOUN", "PROPN") and not target.start <= t.i < target.end
        for t in doc[target.end : i]
    )


def _armed(entity: Entity) -> bool:
    return entity.type == "organization" and entity.kind not in STATE_KINDS


def _expletive(doc: Doc, i: int) -> bool:
    """ "it is likely that", "it seems to", "it was ISKP that": no referent."""
    tok = doc[i]
    if tok.lower_ != "it" or tok.dep_ == "expl":
        return tok.dep_ == "expl"
    window = doc[i + 1 : i + 6]
    if not window or window[0].lemma_ not in ("be", "seem", "appear", "remain", "take", "make"):
        return False
    return any(t.lower_ in ("that", "to", "whether", "if") for t in window[1:])


def _roles(packs: PackSet | None) -> frozenset[str]:
    if packs is None or "role_nouns" not in packs.lexicons:
        return LEADER_ROLES
    entries = packs.lexicons["role_nouns"].entries
    return frozenset(e["term"].lower() for e in entries if e.get("predicate") == "leader_of") | LEADER_ROLES


def _leaders(doc: Doc, mentions: list[_Ment], roles: frozenset[str]) -> dict[str, list[tuple[int, Entity]]]:
    """Who the text names as a group's leader, by position: {group id: [(token, person)]}."""
    out: dict[str, list[tuple[int, Entity]]] = {}
    for person in mentions:
        if person.entity.type != "person":
            continue
        lo, hi = max(person.start - 7, 0), min(person.end + 7, len(doc))
        near = [
            t for t in doc[lo:hi] if t.lemma_.lower() in roles and t.sent.start <= person.start < t.sent.end
        ]
        if not near:
            continue
        for group in mentions:
            if group.entity.type == "organization" and lo <= group.start < hi and group.sent == person.sent:
                out.setdefault(group.entity.id, []).append((person.start, person.entity))
    return out


def _latest_before(found: list[tuple[int, Entity]], i: int) -> _Ment | None:
    best = None
    for pos, entity in found:
        if pos < i:
            best = _Ment(pos, pos + 1, entity, 0, 0, False)
    return best


def _add(out: list[Span], doc: Doc, start: int, end: int, target: _Ment | None) -> None:
    if target is None:
        return
    entity = target.entity
    out.append(Span(doc, start, end, label=label_for(entity.type, entity.kind), span_id=entity.id))

"""Parse footnotes and source-list entries into ``Citation`` records.

Reports cite in many styles: Chicago notes (``Author, "Title," Outlet, May
17, 2020, at URL, accessed on …``), books with ``(Place: Publisher, Year)``,
APA-ish entries (``Author, A. (2020). Title. Publisher.``), bibliography
entries (``Last, First. Title. Place: Publisher, 2018.``), UN documents
(``UNSC, S/2019/101, "…", May 2, 2019``), tweets (``Name (@handle),
Twitter, …``) and pointers to other notes (``Ibid.``, ``n. 14``, ``Osman,
N. 7.``, short forms).  ``parse_citations`` reads each note into authors
(persons only), title, publisher (outlet, journal or organisation), date,
URL, access date, or ``ref`` for a pointer.  A note that is a comment keeps
a record with no title so that the numbering stays whole.
"""

from __future__ import annotations

import html
import re

from claimgraph.extract.docdate import MONTH, find_dates, is_range, parse_date
from claimgraph.records import Citation, Note


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ORG_WORDS = _words(
    "news times post press tribune journal review express herald guardian telegraph insider standard "
    "magazine agency tv radio television network institute institution center centre council university "
    "college academy department ministry office commission committee foundation mission group service "
    "services bureau government nations assembly court bank fund programme program association society "
    "forum organisation organization project initiative corporation company media monitor observer daily "
    "weekly gazette chronicle mail report reports world international affairs policy security studies "
    "research analysis watch unit force forces army police command state states republic union party "
    "movement front sentinel hindu print wire channel broadcasting inc ltd llc books publishing "
    "publishers publications library archive archives dawn diplomat economist quarterly bulletin"
)
_OUTLETS = {"al jazeera", "al arabiya", "al monitor", "al-monitor", "asharq al-awsat", "al mayadeen"}
_PLATFORMS = _words(
    "twitter telegram facebook youtube instagram whatsapp x linkedin tiktok rocket.chat tamtam vk gab"
)
_ROLES = _words(
    "representative ambassador president minister secretary general spokesman spokesperson envoy "
    "commander chief director senator governor dr dr. prof prof. professor mr mr. ms ms. mrs mrs. special "
    "us u.s. un deputy acting former foreign interior defence defense prime"
)
_PARTICLES = _words("al al- el el- bin ibn van von de del da di le la ul ur abu bint der den du dos ud")
_SERIES = re.compile(
    r"\b(?:policy brief|working paper|occasional paper|discussion paper|issue brief|research paper|"
    r"policy paper|briefing paper|report no|paper no|series|brief no)\b",
    re.IGNORECASE,
)
_LOCATOR = re.compile(
    r"^(?:pp?\.|pages?|paras?\.|paragraphs?|chap(?:ter)?\.?|sec(?:tion)?\.?|§|fn\.?|footnote)\s*[\dIVXivx]"
    r"|\bparagraph\s+\d+$|^\d+(?:[–-]\d+)?$",
    re.IGNORECASE,
)
_VOLUME = re.compile(r"^(?:vol(?:ume)?|no|nos|number|issue|iss|ed(?:ition)?|part)\.?\s*\d+\b", re.IGNORECASE)
_SYMBOL = re.compile(r"\b[A-Z]{1,4}(?:/[A-Z0-9.]+){2,}(?:\s*\(\d{4}\))?")
_FILLER = re.compile(
    r"^(?:at|available at|available from|available online|online|url|from|retrieved from|in|via|"
    r"see|see also|cf\.?|accessed|ed\.?|eds\.?|trans\.?)$",
    re.IGNORECASE,
)
_URL_START = re.compile(r"<?(?:https?\s*:\s*//|www\.)", re.IGNORECASE)
_URL_TAIL = re.compile(r"(?:[/._\-=&?#~+:]|%[0-9A-Fa-f]{0,2})$")
_NOT_URL = re.compile(r"(?:accessed|retrieved|available|viewed|and|at|on|in|last)\b", re.IGNORECASE)
_URL_CHUNK = re.compile(r"[/%_=.&?#]|\d")
_ACCESSED = re.compile(
    r"[\[(]?\b(?:last\s+)?(?:accessed|retrieved|viewed|visited|consulted)(?:\s+on)?\s*:?\s*"
    rf"(?P<date>(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?|\d{{4}}-\d\d-\d\d)?)[\])]?(?:,\s*from\b)?",
    re.IGNORECASE,
)
_IBID = re.compile(r"^(?:ibid|ibidem|id)\b\.?", re.IGNORECASE)
_NREF = re.compile(
    r"^(?P<who>[^\"“”*]{0,80}?)[,.]?\s*\b(?:see\s+)?(?:supra\s+)?(?:n|nn|note|fn|above\s+n)\.?\s*(?P<num>\d{1,3})\b"
    r"(?P<rest>[^\"“”]*)$",
    re.IGNORECASE,
)
_OPCIT = re.compile(r"^(?P<who>[^,\"“]{2,60}),?\s+(?:op\.?\s*cit|loc\.?\s*cit)\b", re.IGNORECASE)
_APA = re.compile(
    r"^(?P<auth>[^\"“(]{2,200}?)\s*\((?P<year>(?:1[89]|20)\d\d)[a-z]?(?:,\s*(?P<md>[A-Za-z]+\.?(?:\s+\d{1,2})?))?\)\.?\s+"
    r"(?P<rest>.+)$"
)
_BIB = re.compile(
    r"^(?P<last>[A-Z][\w'’-]+),\s+(?P<first>(?:[A-Z]\.|[A-Z][\w'’-]+)(?:\s*(?:[A-Z]\.|[A-Z][\w'’-]+)){0,2})"
    r"(?:,?\s+(?:and|&)\s+(?P<more>[^.]+?))?(?:\.|(?<=\b[A-Z]\.))\s+(?P<rest>\S.+)$"
)
_COMMENT_START = re.compile(
    r"^(?:as per|according to|for (?:more|a|an|the|further|details)|this|there|it|the author|some|interview|"
    r"author's|note that|in (?:an|a) interview|personal communication|these|those|we|i)\b",
    re.IGNORECASE,
)
_COMMENT_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|mention(?:s|ed)?|said|says|noted?|argues?|suggests?|reported|"
    r"claims?|believed?|appears?|seems?|indicates?|shows?|states?|refers?)\b"
)
_QUOTES = {'"': '"', "“": "”", "„": "“", "«": "»"}
_PAIRS = {**_QUOTES, "‘": "’", "'": "'"}


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def _strip(text: str) -> str:
    """Trim punctuation, italics marks and a pair of quotes around a field."""
    t = text.strip().strip("*_").strip()
    if len(t) > 2 and t[0] in _PAIRS and t[-1] in (_PAIRS[t[0]], "'", "’"):
        t = t[1:-1]
    return t.strip(" ,.;:").strip("*_").strip()


# --- URLs and access dates ---------------------------------------------------


def take_url(text: str) -> tuple[str | None, str]:
    """The first URL in ``text``, re-joined where spaces split it, and the text without it."""
    m = _URL_START.search(text)
    if not m:
        return None, text
    start = m.start()
    if text[start] == "<":
        end = text.find(">", start)
        if end > 0:
            url = re.sub(r"\s+", "", text[start + 1 : end])
            return url, (text[:start] + text[end + 1 :]).strip()
        start += 1
    pos = start
    chunks = []
    while pos < len(text):
        stop = re.search(r"\s", text[pos:])
        chunk_end = pos + stop.start() if stop else len(text)
        chunk = text[pos:chunk_end]
        chunks.append(chunk)
        pos = chunk_end
        nxt = re.match(r"\s+(\S+)", text[pos:])
        joined = "".join(chunks)
        if not nxt or not _URL_TAIL.search(joined) or _NOT_URL.match(nxt.group(1)):
            break
        if not _URL_CHUNK.search(nxt.group(1)) and not re.search(r"%[0-9A-Fa-f]{2}$", joined):
            break
        if nxt.group(1)[:1].isupper() and not joined.endswith(("/", "_", "%20", "-")):
            break
        pos += nxt.start(1)
    url = "".join(chunks)
    trimmed = url.rstrip(".,;:)]>'\"”’")
    end = pos - (len(url) - len(trimmed))
    return trimmed, (text[:start] + " " + text[end:]).strip()


def _take_accessed(text: str) -> tuple[str | None, str]:
    m = _ACCESSED.search(text)
    if not m:
        return None, text
    date = parse_date(m.group("date"), years=False) if m.group("date") else None
    return date, (text[: m.start()] + " " + text[m.end() :]).strip()


# --- names -------------------------------------------------------------------


def _person(name: str) -> bool:
    tokens = name.split()
    if not 2 <= len(tokens) <= 5 or name.lower() in _OUTLETS or re.search(r"\d|[:(@]", name):
        return False
    if tokens[0].lower() in ("the", "a", "an"):
        return False
    words = 0
    for t in tokens:
        low = t.lower().rstrip(".,")
        if low in _PARTICLES or low.startswith(("al-", "el-", "ul-", "bin-")):
            continue
        if low in _ORG_WORDS or not t[:1].isupper():
            return False
        if t.isupper() and len(t.rstrip(".")) > 1 and "." not in t:
            return False
        words += 1
    return words >= 2 or (words == 1 and any(re.fullmatch(r"[A-Z]\.", t) for t in tokens))


def _strip_role(name: str) -> str:
    tokens = name.split()
    last_role = max((i for i, t in enumerate(tokens) if t.lower() in _ROLES), default=-1)
    return " ".join(tokens[last_role + 1 :]) if 0 <= last_role < len(tokens) - 2 else name


def persons(text: str) -> list[str] | None:
    """The person names of an author string ("A B and C D", "A B, C D & E F"), or None."""
    t = re.sub(r"^(?:by|written by)\s+", "", text.strip(" .,"), flags=re.IGNORECASE)
    t = re.sub(r",?\s+et\s+al\.?$", "", t)
    parts = [p for p in re.split(r"\s*(?:,\s*and\s+|,\s*&\s*|\s+and\s+|\s*&\s*|,\s*)\s*", t) if p]
    parts = [_strip_role(p) for p in parts]
    return parts if parts and all(_person(p) for p in parts) else None


def _org_like(text: str) -> bool:
    if ":" in text or not text:
        return False
    words = re.findall(r"[\w'’.-]+", text)
    low = [w for w in words if w[:1].islower()]
    if any(
        w not in {"of", "for", "and", "the", "on", "in", "at", "de", "du", "des", "al", "to"} for w in low
    ):
        return False
    acronyms = [w for w in words if re.fullmatch(r"[A-Z][A-Z&]{1,7}", w)]
    return (
        any(w.lower() in _ORG_WORDS for w in words)
        or bool(re.search(r"\([A-Z][A-Za-z&]{1,8}\)$", text))
        or (bool(acronyms) and len(acronyms) == len(words))
    )


def _publisher(text: str) -> str | None:
    t = _strip(text)
    t = re.sub(r"\s*\((?:[A-Z][A-Za-z&. ]{1,10})\)$", "", t)  # "Office of the High Commissioner (UNHCR)"
    t = re.sub(r"\s+\d+(?:\s*\(\d+\))?$", "", t)  # "Journal of X 12" (volume)
    t = re.sub(r"\s*\(@\w+\)", "", t)
    return t or None


# --- segments ----------------------------------------------------------------


def _quoted(text: str) -> list[tuple[int, int]]:
    """Spans of quoted strings (quotes included), allowing a straight quote closed by a single one."""
    spans = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _QUOTES:
            close = text.find(_QUOTES[ch], i + 1)
            if ch == '"' and close < 0:
                m = re.compile(r"['’](?=[,.;](?:\s|$))").search(text, i + 1)
                close = m.start() if m else -1
            if close > i + 1:
                spans.append((i, close + 1))
                i = close + 1
                continue
        i += 1
    if not spans:
        for m in re.finditer(r"(?:^|(?<=[\s,(]))[‘'](?=\S)([^‘’']{6,}?)[’'](?=[,.;:]?(?:\s|$))", text):
            if " " in m.group(1):
                spans.append((m.start(), m.end()))
    return spans


def _split(text: str) -> list[str]:
    """Split at commas outside parentheses and outside dates ("May 17, 2020")."""
    protected = list(text)
    for rx in (
        r"\b" + MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,\s+\d{4}",
        MONTH + r"\s+\d{1,2}\s*[–-]\s*" + MONTH + r"\s+\d{1,2},\s+\d{4}",
    ):
        for m in re.finditer(rx, text, re.IGNORECASE):
            for k in range(m.start(), m.end()):
                if text[k] == ",":
                    protected[k] = "\x01"
    out, depth, cur = [], 0, []
    for ch in protected:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in ",;" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return [s.replace("\x01", ",").strip() for s in out if s.strip(" .")]


def _kind(seg: str) -> str:
    s = seg.strip(" .")
    low = s.lower()
    if "\x00Q" in s:
        return "quote"
    if "\x00I" in s:
        return "text"
    if _FILLER.match(low) or not re.search(r"\w", s):
        return "skip"
    if low.startswith(("in ", "ed. by", "edited by", "eds. ", "trans. ")):
        return "in"
    if is_range(s):
        return "range"
    dates = find_dates(s)
    if (
        dates
        and len(re.sub(r"[\W_]", "", s)) - sum(len(re.sub(r"[\W_]", "", s[d.start : d.end])) for d in dates)
        <= 4
    ):
        return "date"
    if re.sub(r"^(?:published|updated|posted)\s*(?:on)?\s*", "", low) != low and dates:
        return "date"
    if _LOCATOR.search(s):
        return "locator"
    if _VOLUME.match(s):
        return "volume"
    if _SYMBOL.fullmatch(s):
        return "symbol"
    if low in _PLATFORMS:
        return "platform"
    if _SERIES.search(s):
        return "series"
    return "text"


_PUB_INFO = re.compile(r"\((?P<inner>[^()]*?\b(?:1[89]|20)\d\d[a-z]?)\)")
_PLACE_PUB = re.compile(r"(?P<place>[^:()]{2,40}):\s*(?P<pub>[^()]+?),\s*(?P<date>[^,()]*\d{4}[a-z]?)")
_PLACE_YEAR = re.compile(r"[A-Z][\w .'-]{1,40},\s*(?P<date>(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?\d{4})")


def _pub_info(text: str) -> tuple[str, str | None, str | None]:
    """Take a book's "(Place: Publisher, Year)" or "(Place, Year)" out; return text, publisher, date."""
    for m in _PUB_INFO.finditer(text):
        inner = m.group("inner")
        if "\x00" in inner:
            continue
        pm = _PLACE_PUB.fullmatch(inner)
        if pm:
            pub, date = pm.group("pub").strip(), parse_date(pm.group("date"))
        elif _PLACE_YEAR.fullmatch(inner):
            pub, date = None, parse_date(inner)
        else:
            continue
        return text[: m.start()].rstrip() + text[m.end() :], pub, date
    return text, None, None


def _drop_tail_paren(title: str) -> str:
    """Drop a trailing note like "(Dhul-Hijjah 1441)" from an unquoted title; keep "(2014)"."""
    tail = re.search(r"\s*\((?!\d{4}\)|\d{4}[–-]\d{4}\))[^()]*\)$", title)
    return title[: tail.start()] if tail and tail.start() > 0 else title


# --- one note ----------------------------------------------------------------


def _is_comment(text: str) -> bool:
    if _URL_START.search(text) or find_dates(text, years=False) or re.search(r"\((?:1[89]|20)\d\d\)", text):
        return False
    if _quoted(text) or re.search(r"\*[^*]+\*", text):
        return False
    words = text.split()
    return bool(_COMMENT_START.match(text)) or (len(words) >= 6 and bool(_COMMENT_VERB.search(text)))


def _pointer(note_id: str, text: str) -> Citation | None:
    if _IBID.match(text) and len(text) < 60:
        return Citation(note_id, ref="ibid")
    m = _NREF.match(text)
    if m and len(m.group("rest").strip(" .,;")) < 25 and not _URL_START.search(text):
        who = m.group("who").strip(" ,.")
        who = re.sub(r"^(?:see|cf\.?)\s+", "", who, flags=re.IGNORECASE)
        return Citation(note_id, authors=_surnames(who), ref=m.group("num"))
    m = _OPCIT.match(text)
    if m:
        return Citation(note_id, authors=_surnames(m.group("who")), ref="surname")
    return None


def _surnames(who: str) -> list[str]:
    parts = [p for p in re.split(r"\s+and\s+|\s*&\s*|,\s*", who) if p]
    return [
        p
        for p in parts
        if re.fullmatch(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}", p)
        and not _org_like(p)
        and p.lower() not in _OUTLETS
    ]


def _apa(note_id: str, text: str) -> Citation | None:
    m = _APA.match(text)
    if not m:
        return None
    auth = m.group("auth").strip(" ,")
    if len(auth) > 150 or (_apa_names(auth) is None and not _org_like(auth)):
        return None
    date = m.group("year")
    if m.group("md"):
        date = parse_date(f"{m.group('md')} {date}", years=True) or date
    rest = m.group("rest")
    url, rest = take_url(rest)
    accessed, rest = _take_accessed(rest)
    quoted = _quoted(rest)
    if quoted:
        title, after = rest[quoted[0][0] : quoted[0][1]], rest[quoted[0][1] :]
    else:
        cut = re.search(r"(?<=[a-z0-9?!\])*])[.?!]\s+(?=[A-Z*])", rest)
        title, after = (rest[: cut.start() + 1], rest[cut.end() :]) if cut else (rest, "")
    segs = [s for s in re.split(r"[.,]\s+", after) if _kind(s) == "text"]
    names = _apa_names(auth)
    publisher = _publisher(segs[0]) if segs else None
    if names is None:
        publisher = publisher or auth.rstrip(".")
    return Citation(note_id, names or [], _strip(title) or None, publisher, date, url, accessed)


def _apa_names(auth: str) -> list[str] | None:
    pairs = re.findall(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?),\s*((?:[A-Z]\.\s*)+)", auth)
    if pairs:
        return [f"{init.strip()} {last}" for last, init in pairs]
    return persons(auth)


def _bibliography(text: str) -> tuple[list[str], str] | None:
    """ "Last, First. Rest…" (and "Last, First, and First Last. …") → names and the rest."""
    m = _BIB.match(text)
    if not m or _org_like(m.group("last")):
        return None
    names = [f"{m.group('first')} {m.group('last')}"]
    if m.group("more"):
        more = persons(m.group("more"))
        if more is None:
            return None
        names += more
    if not _person(names[0]):
        return None
    rest = m.group("rest")
    year = re.match(r"\(?((?:1[89]|20)\d\d)[a-z]?\)?\.\s+", rest)  # author-date: "Roe, Jane. 2018. Title."
    if year:
        rest = f"{rest[year.end() :].rstrip(' .')}, {year.group(1)}."
    quoted = _quoted(rest)
    if not quoted and not rest.startswith("*"):
        # the title runs to the first full stop; mark it as quoted for the common path
        cut = re.search(r"(?<=[a-z0-9?!)\]])[.?!]\s+", rest)
        if cut:
            rest = f'"{rest[: cut.start()].strip()}", {rest[cut.end() :]}'
    rest = re.sub(r"(?<=[a-z)\]\"”])\.\s+(?=[A-Z])", ", ", rest)
    return names, rest


_LEAD = re.compile(
    r"^(?:(?:for|on)\s+(?:a|an|the|more|further|details)\b[^,;:]{0,50}[,;:]\s*)?"
    r"(?:see also|see|cf\.|(?:as )?(?:cited|quoted) in|for example|e\.g\.)[,:]?\s+"
    r"(?:(?:for example|e\.g\.)[,:]?\s+)?",
    re.IGNORECASE,
)


def parse_note(note: Note) -> Citation:
    """One note as a ``Citation`` (pointers keep a provisional ``ref``; see ``parse_citations``)."""
    text = _clean(note.text)
    text = _LEAD.sub("", text)
    cit = _pointer(note.id, text) or _parse_source(note.id, text)
    cit.raw, cit.start, cit.end = note.text, note.start, note.end
    return cit


def _parse_source(note_id: str, text: str) -> Citation:
    if _is_comment(text):
        return Citation(note_id)
    head = re.split(r";\s+(?=[A-Z])", text, maxsplit=1)
    if len(head) == 2 and (_URL_START.search(head[0]) or find_dates(head[0], years=False)):
        text = head[0]
    apa = _apa(note_id, text)
    if apa is not None:
        return apa
    authors: list[str] = []
    bib = _bibliography(text)
    if bib is not None:
        authors, text = bib
    url, text = take_url(text)
    accessed, text = _take_accessed(text)
    for _ in range(2):
        extra_url, text = take_url(text)
        url = url or extra_url
    return _fields(note_id, text, authors, url, accessed)


class _Masked:
    """A note with its quoted strings and italics replaced by placeholders."""

    def __init__(self, text: str) -> None:
        self.quotes = [text[s:e] for s, e in _quoted(text)]
        masked = text
        for k, q in enumerate(self.quotes):
            masked = masked.replace(q, f"\x00Q{k}\x00", 1)
        self.italics = re.findall(r"\*+([^*]+?)\*+", masked)
        for k, it in enumerate(self.italics):
            masked = re.sub(r"\*+" + re.escape(it) + r"\*+", f"\x00I{k}\x00", masked, count=1)
        self.text = masked

    def unmask(self, s: str) -> str:
        s = re.sub(r"\x00Q(\d+)\x00", lambda m: self.quotes[int(m.group(1))], s)
        return re.sub(r"\x00I(\d+)\x00", lambda m: self.italics[int(m.group(1))], s)


def _segments(masked: str) -> tuple[list[str], list[str]]:
    segs = []
    for seg in _split(masked):
        # text glued to a quoted title ("Title," Outlet) is a segment of its own
        segs.extend(p.strip() for p in re.split(r"(\x00Q\d+\x00)", seg) if p.strip(" .,"))
    kinds = [_kind(s) for s in segs]
    # an unquoted title broken at its own commas: fold lower-case pieces back
    for k in range(len(segs) - 1, 0, -1):
        if (
            kinds[k] == kinds[k - 1] == "text"
            and segs[k][:1].islower()
            and len(segs[k].split()) >= 3
            and not _org_like(segs[k - 1])
        ):
            segs[k - 1] += ", " + segs.pop(k)
            kinds.pop(k)
    return segs, kinds


def _fields(note_id: str, text: str, authors: list[str], url: str | None, accessed: str | None) -> Citation:
    m = _Masked(text)
    masked, paren_pub, paren_date = _pub_info(m.text)
    segs, kinds = _segments(masked)
    cit = Citation(note_id, authors, url=url, accessed=accessed)
    t_idx = _find_title(segs, kinds, m, cit)
    pre = segs[:t_idx] if t_idx is not None else []
    post = list(zip(segs[t_idx + 1 :], kinds[t_idx + 1 :], strict=True)) if t_idx is not None else []
    if t_idx is None:
        post = list(zip(segs, kinds, strict=True))
    else:
        quoted = "\x00Q0\x00" in segs[t_idx]
        raw = m.quotes[0][1:-1] if segs[t_idx] == "\x00Q0\x00" else m.unmask(segs[t_idx])
        raw = _SYMBOL.sub("", raw, count=1) if _SYMBOL.match(raw) else raw
        raw = raw.strip().rstrip(".,;")
        cit.title = _strip(raw if quoted else _drop_tail_paren(raw)) or None
        if post[:1] and post[0][1] == "range" and not quoted:
            cit.title = f"{cit.title}, {_strip(post[0][0])}"
            post = post[1:]
    for s, k in zip(pre, kinds[: len(pre)], strict=True):
        if k != "text":
            continue
        names = persons(m.unmask(s)) if "\x00I" not in s else None
        if names and not cit.authors:
            cit.authors = names
        elif cit.publisher is None and not names:
            cit.publisher = _publisher(m.unmask(s))
    post_pub = next((s for s, k in post if k == "text"), None)
    if paren_pub:
        cit.publisher = paren_pub
    elif post_pub is not None:
        place_pub = re.match(r"^[A-Z][\w .'-]{1,30}:\s*(.+)$", post_pub)
        cit.publisher = _publisher(m.unmask(place_pub.group(1) if place_pub else post_pub))
    if cit.publisher is None:
        cit.publisher = next((_strip(s) for s, k in post if k == "platform"), None)
    cit.date = paren_date or _first_date(
        [s for s, k in post] + [s for s, k in zip(pre, kinds, strict=False) if k != "range"], m
    )
    return cit


def _first_date(segs: list[str], m: _Masked) -> str | None:
    """The first full date in the segments (titles left out), else the first year."""
    rest = " , ".join(s for s in segs if "\x00Q" not in s and not is_range(s))
    plain = re.sub(r"\x00[QI]\d+\x00", " ", rest)
    dated = [d for d in find_dates(m.unmask(rest).replace("\x00", " ")) if "-" in d.iso] or find_dates(plain)
    return dated[0].iso if dated else None


def _find_title(segs: list[str], kinds: list[str], m: _Masked, cit: Citation) -> int | None:
    """Index of the title segment; fills authors/publisher read on the way (unquoted styles)."""
    t_idx = next((k for k, s in enumerate(segs) if "\x00Q0\x00" in s), None)
    handle = next((k for k, s in enumerate(segs) if re.search(r"\(@\w+\)", s)), None)
    if t_idx is not None:
        return t_idx
    if handle is None:
        for k, s in enumerate(segs):
            if "\x00I" in s and not _org_like(m.unmask(s)) and persons(m.unmask(s)) is None:
                kinds[k] = "quote"
                return k
    texts = [k for k, kd in enumerate(kinds) if kd == "text"]
    if handle is not None and handle in texts:
        who = m.unmask(re.sub(r"\s*\(@\w+\)", "", segs[handle]))
        names = persons(_strip(who))
        if names and "\x00I" not in segs[handle]:
            cit.authors = cit.authors or names
        else:
            cit.publisher = _publisher(who)
        kinds[handle] = "used"
        return None
    first = m.unmask(segs[texts[0]]) if texts else ""
    if texts and not cit.authors and persons(first):
        cit.authors = persons(first) or []
        kinds[texts[0]], texts = "used", texts[1:]
    elif len(texts) >= 2 and re.fullmatch(r"[A-Z][a-z'’-]+", first) and first.lower() not in _ORG_WORDS:
        cit.authors = [first]  # a short form: "Roe, Valley Wars, 12."
        kinds[texts[0]], texts = "used", texts[1:]
    elif texts and _org_like(first):
        cit.publisher = _publisher(m.unmask(segs[texts[0]]))
        kinds[texts[0]], texts = "used", texts[1:]
    return texts[0] if texts else None


# --- the whole list ------------------------------------------------------------


def _order(c: Citation) -> tuple[int, int]:
    return (0, int(c.id)) if c.id.isdigit() else (1, int(c.id[1:]) if c.id[1:].isdigit() else 0)


def _title_words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", (text or "").lower())}


def _short_form(c: Citation, earlier: list[Citation]) -> tuple[str, str] | None:
    """The id and author an abbreviated note ("Roe, Valley Wars, 9.") points to, if any."""
    if c.url or c.date or not c.raw or len(c.raw) > 140:
        return None
    first = re.split(r",\s*", _clean(c.raw), maxsplit=1)
    surname = first[0].split()[-1] if first[0].split() else ""
    words = _title_words(first[1] if len(first) > 1 else "")
    for e in reversed(earlier):
        if e.ref or not any(a.split()[-1] == surname for a in e.authors if a.split()):
            continue
        if not words or len(words & _title_words(e.title)) >= max(1, len(words) // 2):
            return e.id, surname
    return None


def parse_citations(notes: list[Note]) -> list[Citation]:
    """Parse notes into citations, resolve pointers, and keep the numbering whole.

    "Ibid." points to the previous note (or to what that note pointed to);
    "n. 14" and "Osman, N. 7." to note 14 / 7; a short form to the earlier
    note by the same author with the same title words.  A gap of up to three
    missing note numbers gets empty records.
    """
    seen: set[str] = set()
    cits = []
    for n in notes:
        if n.id not in seen:
            seen.add(n.id)
            cits.append(parse_note(n))
    cits.sort(key=_order)
    done: list[Citation] = []
    for c in cits:
        if c.ref == "ibid":
            c.ref = (done[-1].ref or done[-1].id) if done else None
        elif c.ref == "surname":
            c.ref = next(
                (e.id for e in reversed(done) if set(c.authors) & {a.split()[-1] for a in e.authors}), None
            )
        elif c.ref is None:
            short = _short_form(c, done)
            if short is not None:
                c.ref, c.authors = short[0], [short[1]]
                c.title = c.publisher = None
        done.append(c)
    return _fill_gaps(done)


def _fill_gaps(cits: list[Citation]) -> list[Citation]:
    nums = sorted(int(c.id) for c in cits if c.id.isdigit())
    missing = []
    for a, b in zip([0, *nums], nums, strict=False):
        if 1 < b - a <= 4:
            missing.extend(range(a + 1, b))
    return sorted(cits + [Citation(str(i)) for i in missing], key=_order)

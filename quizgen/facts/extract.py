"""The extract stage: facts (who / when / how many / where) from a parsed Doc.

A fact is an answer span chosen first (DESIGN.md, lesson 1) and never moved
afterwards: the span of an entity mention in one sentence, with its kind, its
entity, and a normalised value. Which question can be asked about it is the
next stage's business (:mod:`quizgen.questions.ask`).

Kinds by entity label:

* who: PERSON and ORG (after consolidation, see :mod:`quizgen.facts.entities`);
* when: DATE and TIME that name a point in time (a year, month, day or
  weekday); durations ("two years") and deictic words ("today") are skipped;
* how_many: CARDINAL, MONEY, PERCENT and QUANTITY with a numeric value;
  ordinals are not counts and are skipped;
* where: GPE, LOC and FAC, plus an untagged proper noun governed by a
  locative preposition ("on X").

Datelines and bylines ("(CNN)", "By Jane Doe", "LONDON --") never become facts.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Iterator, Optional, Union

from pydantic import BaseModel

from quizgen.facts.entities import Entity, Mention, consolidate, mentions
from quizgen.nlp.model import doc_text, written_lower
from quizgen.facts.values import date_value, number_value

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

KIND_BY_LABEL = {
    "PERSON": "who", "ORG": "who", "NORP": "who",
    "DATE": "when", "TIME": "when",
    "CARDINAL": "how_many", "MONEY": "how_many", "PERCENT": "how_many", "QUANTITY": "how_many",
    "GPE": "where", "LOC": "where", "FAC": "where",
}
LOCATIVE_PREPS = {"in", "at", "near", "on", "inside", "within", "throughout", "across", "outside"}
_DATELINE = re.compile(r"^\s*(\(\w[\w .]*\)|[A-Z][A-Z .,]{2,}\s*(--|—|-)\s*)")
_BYLINE = re.compile(r"^\s*by\s+", re.I)
VAGUE_NUMBERS = {"thousands", "hundreds", "millions", "billions", "dozens", "tens", "scores"}


class Fact(BaseModel):
    """One answerable fact: an exact span of the text with its kind and value."""

    kind: str
    label: str
    text: str
    start: int  # char offset in the text
    end: int
    sentence_start: int
    sentence_end: int
    token_start: int  # token indices in the Doc
    token_end: int
    entity_key: int
    entity_name: str
    value: Union[int, float, str, None] = None
    shape: Optional[str] = None  # date shape (year/month/date/weekday) or number qualifier
    relative: bool = False
    modifier: bool = False  # the answer modifies a noun ("the Biden announcements", "Biden's memo")
    sure: bool = True  # the tagger labelled every mention of this entity the same way
    part: bool = False  # the answer is part of a word ("1249" of "1249–1314"): cloze only


class _SentenceMemo:
    """Remembers per-sentence answers for the Doc being read (facts ask them once per mention).

    Per thread, so that threads reading different Docs never see each other's answers."""

    local = threading.local()

    @classmethod
    def wrap(cls, fn):
        def wrapper(sent: "Span"):
            local = cls.local
            if getattr(local, "doc", None) is not sent.doc:
                local.doc, local.values = sent.doc, {}
            key = (fn.__name__, sent.start, sent.end)
            values = local.values
            if key not in values:
                values[key] = fn(sent)
            return values[key]

        wrapper.__doc__, wrapper.__name__ = fn.__doc__, fn.__name__
        return wrapper


QUOTE_CHARS = "\"”’'"


@_SentenceMemo.wrap
def sentence_bounds(sent: "Span") -> tuple[int, int]:
    """Character bounds of a sentence without surrounding whitespace.

    A closing quote that the segmenter put at the start of the next sentence is
    given back to the sentence it closes.
    """
    toks = [t for t in sent if not t.is_space]
    while len(toks) > 1 and toks[0].text in QUOTE_CHARS and toks[0].whitespace_:
        toks = toks[1:]
    if not toks:
        return sent.start_char, sent.start_char
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = doc_text(sent.doc)
    if end < len(text) and text[end] in QUOTE_CHARS and toks[-1].is_punct:
        end += 1
    return start, end


@_SentenceMemo.wrap
def _is_noise_sentence(sent: "Span") -> bool:
    text = sent.text.strip()
    return bool(_BYLINE.match(text) and len(sent) <= 8)


def _clean_boundaries(doc: "Doc", m: Mention) -> bool:
    """The answer is whole: not "89" out of "$89m", not "Mike (Ruddock", not inside a parenthesis."""
    text = doc_text(doc)
    before = text[m.start_char - 1] if m.start_char > 0 else " "
    after = text[m.end_char] if m.end_char < len(text) else " "
    if before.isalnum() or before in "$£€¥" or after.isalnum() or after in "%":
        return False
    after2 = text[m.end_char + 1] if m.end_char + 1 < len(text) else " "
    before2 = text[m.start_char - 2] if m.start_char > 1 else " "
    if (after == "-" and after2.isdigit()) or (before == "-" and before2.isdigit()):
        return False  # a score or range: "3-2", "15-6"
    if after == "-" and _unit_compound(text, m) and m.label in ("CARDINAL", "QUANTITY"):
        pass  # "a 33-yard field goal", "six-time winner": a measure (see _fact)
    elif (after == "-" and after2.isalpha()) or (before == "-" and before2.isalpha()):
        return False  # part of a compound word: "three-cornered"
    if after in "'\u2019" and after2 == "s" and m.label in ("DATE", "CARDINAL"):
        return False  # "1990's"
    if m.text.count("(") != m.text.count(")") or m.text.count('"') % 2:
        return False
    words = m.text.lower().split()
    if words and (words[-1] in ("and", "of", "the", "for", "&") or words[0] in ("and", "of", "for", "&")):
        return False  # "Food and Rural Affairs and": a piece of a longer name
    if " - " in m.text or " \u2013 " in m.text or " \u2014 " in m.text:
        return False  # "Rob Partridge - Marley": two things run together by the tagger
    if m.label in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT") and re.search(r"\d.* (to|and) .*\d", m.text) and not m.text.lower().startswith("between"):
        return False  # "$1.89 to $48.62": a change, not an amount
    sent = doc[m.start].sent
    depth = sum(step for i, step in _brackets(sent) if i < m.start)
    if depth <= 0 or m.label in ("DATE", "PERSON"):
        return True  # "(10 July 1856 – 1943)" is a fact
    # inside a parenthesis: a clause "(who had won four titles)" yes, an aside "($89m; £47m)" no,
    # a figure for the noun before it "led the NFL in scoring (500 points)" yes
    opening = max(t.i for t in doc[sent.start : m.start] if t.text == "(")
    closing = next((t.i for t in doc[m.end : sent.end] if t.text == ")"), sent.end)
    if opening == m.start - 1 and closing - m.end <= 2 and opening > sent.start \
            and doc[opening - 1].pos_ in ("NOUN", "VERB") and m.label in ("CARDINAL", "QUANTITY"):
        return all(t.is_alpha for t in doc[m.end : closing])
    return any(t.pos_ == "VERB" for t in doc[opening:closing])


@_SentenceMemo.wrap
def _brackets(sent: "Span") -> tuple[tuple[int, int], ...]:
    """(token index, +1 for "(" / -1 for ")") of the sentence's round brackets."""
    return tuple((t.i, 1 if t.text == "(" else -1) for t in sent if t.text in ("(", ")"))


UNIT_WORDS = {"yard", "mile", "foot", "feet", "inch", "metre", "meter", "kilometre", "kilometer", "karat", "carat",
              "time", "point", "man", "member", "seat", "storey", "story", "game", "page", "ton", "tonne", "pound",
              "acre", "gallon", "litre", "liter", "mph", "percent", "per", "hole", "lap", "round", "track", "part"}


def _unit_compound(text: str, m: Mention) -> bool:
    """A number joined to a unit word by a hyphen: "33-yard", "18-karat", "Six-time"."""
    word = re.match(r"-([A-Za-z]+)", text[m.end_char :])
    return bool(word) and word.group(1).lower() in UNIT_WORDS


#: Capitalised words before a name that are titles or roles, not part of it.
NAME_TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sir", "president", "minister", "chancellor", "secretary", "chairman",
                    "chief", "coach", "captain", "director", "senator", "governor", "judge", "prince", "princess",
                    "king", "queen", "pope", "general", "professor", "lord", "lady", "former", "new", "british",
                    "american", "french", "german", "english", "welsh", "scottish", "irish", "spanish", "italian"}


def _name_fragment(doc: "Doc", m: Mention) -> bool:
    """Part of a longer name the tagger cut short ("Six" of "Six Nations", "Younger" of
    "William Pitt the Younger"), or an acronym spelled out just before it ("... Minister (ODPM)")."""
    if m.label not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "CARDINAL"):
        return False
    nxt = doc[m.end] if m.end < len(doc) else None
    prev = doc[m.start - 1] if m.start > 0 else None
    if m.label != "CARDINAL":
        # a capitalised word right before or after (not a sentence start) extends the name:
        # "Little Britain", "William Pitt the Younger", "Grand Theft Auto: San Andreas"
        if prev is not None and prev.is_title and not prev.is_sent_start and prev.pos_ in ("PROPN", "ADJ", "NOUN") \
                and not prev.ent_type_ and prev.lower_ not in NAME_TITLE_WORDS \
                and not (m.label == "PERSON" and m.end - m.start >= 2):
            # (a full name after a capitalised word keeps its own edges: "NFL Commissioner Roger Goodell")
            return True
        if nxt is not None and nxt.text == ":" and m.end + 1 < len(doc) and doc[m.end + 1].is_title:
            return True
        if prev is not None and prev.is_sent_start and prev.is_title and prev.pos_ in ("PROPN", "ADJ") and prev.dep_ == "compound" \
                and m.start <= prev.head.i < m.end and not prev.ent_type_ and m.label != "PERSON" and prev.lower_ not in NAME_TITLE_WORDS:
            return True  # "Little Britain began life ...": a capitalised first word that is part of the name
        if prev is not None and prev.text == "The" and not prev.is_sent_start and not m.text.startswith(("The ", "the ")):
            return True  # "creator of The Simpsons": a title that starts with a capital "The"
        if prev is not None and prev.like_num and prev.ent_type_ not in ("DATE", "TIME", "MONEY") and m.text[:1].isupper():
            return True  # "21 Jump Street", "10 Downing Street"
    if m.label == "PERSON" and m.end - m.start == 1 and nxt is not None and nxt.lower_ == "and" \
            and m.end + 2 < len(doc) and doc[m.end + 2].ent_type_ == "PERSON" and m.end + 3 < len(doc) \
            and doc[m.end + 3].ent_type_ == "PERSON":
        return True  # "Mike and Bob Bryan": the first name shares the surname after it
    if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN" and not nxt.ent_type_ and m.label != "CARDINAL":
        return True
    if m.label == "CARDINAL" and nxt is not None and nxt.is_title and nxt.pos_ == "PROPN" and (
            m.text[:1].isupper() or (doc[m.start].head.pos_ == "PROPN" and doc[m.start].head.tag_ != "NNPS")):
        return True  # "Six Nations", "21 Jump Street" (but "six Pro Bowl players", "3 Khitan Tumens" count)
    if prev is not None and prev.lower_ == "the" and m.start >= 2 and doc[m.start - 2].pos_ == "PROPN" and m.label == "PERSON":
        return True  # "William Pitt the Younger"
    if m.text.isupper() and prev is not None and prev.text == "(":
        return True
    if m.label == "CARDINAL" and prev is not None and prev.pos_ in ("PROPN", "NOUN") and prev.is_title:
        return True  # "Doom 3", "Windows 95"
    if m.label in ("QUANTITY", "CARDINAL") and nxt is not None and (nxt.like_num or re.match(r"^\d+[a-z]+$", nxt.text)):
        return True  # "6ft 6in": half of a measurement
    if m.label != "CARDINAL" and nxt is not None and nxt.like_num and nxt.pos_ in ("NUM", "PROPN") \
            and nxt.ent_type_ in ("", "CARDINAL", "DATE") and m.start <= nxt.head.i < m.end:
        return True  # "BBC News 24" (but "in Paris 24 hours later")
    if prev is not None and prev.lower_ == "from" and m.start >= 2 and doc[m.start - 2].is_title \
            and not doc[m.start - 2].is_sent_start and not doc[m.start - 2].ent_type_ and m.label not in ("DATE", "CARDINAL"):
        return True  # "Escape from Butcher Bay": a title, not a place
    if prev is not None and prev.lower_ in ("of", "the") and m.start >= 2:
        before = doc[m.start - 2] if prev.lower_ == "the" else prev
        k = m.start - 2 if prev.lower_ == "the" else m.start - 1
        if prev.lower_ == "the" and k >= 0 and doc[k].lower_ == "of" and k >= 1:
            before = doc[k - 1]
        if before is not prev and before.is_title and not before.is_sent_start and before.pos_ in ("PROPN", "NOUN") and not before.ent_type_:
            return True  # "Queen of the Sky", "Pirates of the Caribbean"
    for i, j in ((m.start - 1, m.start - 2), (m.end, m.end + 1)):
        if m.label == "PERSON" and m.end - m.start >= 2:
            break  # "Beyoncé and Bruno Mars": two people, a full name each
        if 0 <= j < len(doc) and 0 <= i < len(doc) and doc[i].lower_ in ("and", "&") and doc[j].is_title \
                and doc[j].pos_ == "PROPN" and (not doc[j].ent_type_ or "ORG" in (m.label, doc[j].ent_type_)):
            return True  # "Shearman and Sterling", "Ant and Dec": one name
    return False


@_SentenceMemo.wrap
def _has_verb(sent: "Span") -> bool:
    """Lists of names ("W Servat, O Milloud, ...") and captions state no fact."""
    return any(t.pos_ in ("VERB", "AUX") for t in sent)


@_SentenceMemo.wrap
def _is_heading(sent: "Span") -> bool:
    """A line of its own without final punctuation (a title or heading) states no fact to quiz on."""
    toks = [t for t in sent if not t.is_space]
    if not toks:
        return False
    text = doc_text(sent.doc)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    while len(toks) > 1 and toks[-1].text in ('"', "\u201d", "'", "\u2019", ")"):
        toks = toks[:-1]  # look through closing quotes and brackets
    if toks[-1].text in (".", "!", "?", ":", ";"):
        return False
    line_start = start == 0 or text[:start].rstrip(" \t").endswith("\n") or not text[:start].strip()
    line_end = end >= len(text.rstrip()) or text[end:].lstrip(" \t").startswith("\n")
    return line_start and line_end


def _in_dateline(doc: "Doc", m: Mention) -> bool:
    sent = doc[m.start].sent
    return m.start_char < _dateline_end(sent)


def _lead_end(sent: "Span", pattern: "re.Pattern") -> int:
    """Where ``pattern``, matched at the sentence's start, ends; the sentence's start if it does not match."""
    match = pattern.match(doc_text(sent.doc)[sent.start_char : sent.end_char])
    return sent.start_char + match.end() if match else sent.start_char


@_SentenceMemo.wrap
def _dateline_end(sent: "Span") -> int:
    """Where a dateline ("(CNN)", "LONDON --") opening the sentence ends; its start if none."""
    return _lead_end(sent, _DATELINE)


_DATELINE_LEAD = re.compile(r"^\s*\((CNN|AP|AFP|Reuters|EW\.com|CNN Student News)\)\s*((--|—|–)\s*)?(?=[A-Z\"\u201c'])")


@_SentenceMemo.wrap
def _shown_start(sent: "Span") -> int:
    """Where a card of the sentence starts: after a news agency's dateline opening it ("(CNN)", "(CNN) -- "), which
    is no part of the sentence; the sentence's start if there is none."""
    return _lead_end(sent, _DATELINE_LEAD)


def facts_from_doc(doc: "Doc") -> tuple[list[Fact], list[Entity]]:
    """All facts of a Doc in text order, and the consolidated entities."""
    ms = mentions(doc)
    entities = consolidate(doc, ms)
    facts: list[Fact] = []
    for m in ms:
        fact = _fact(doc, m)
        if fact is not None:
            facts.append(fact)
    facts.extend(_untagged_places(doc, ms, len(entities)))
    first_names = {e.name.split()[0] for e in entities if e.label == "PERSON" and " " in e.name}
    facts = [f for f in facts if not (f.label == "PERSON" and f.text == f.entity_name and f.text in first_names)]
    # ("Bob" when the text names Bob Marley: a first name alone is half an answer)
    taken = {(f.start, f.end) for f in facts}
    facts.extend(f for f in _year_ranges(doc, len(entities) + len(doc)) if (f.start, f.end) not in taken)
    facts.sort(key=lambda f: (f.start, f.end))
    return facts, entities


def _span_fact(doc: "Doc", kind: str, label: str, token_start: int, token_end: int, start: int, end: int,
               entity_key: int, entity_name: Optional[str] = None, **extra) -> Fact:
    """The fact whose answer is ``text[start:end]`` (within tokens ``token_start:token_end``),
    in the bounds of its sentence; its entity name is the answer unless given."""
    sent = doc[token_start].sent
    s0, s1 = sentence_bounds(sent)
    s0 = max(s0, _shown_start(sent))  # "(CNN)Britain's Lewis Hamilton ...": a card starts after the dateline
    text = doc_text(doc)[start:end]
    return Fact(kind=kind, label=label, text=text, start=start, end=end, sentence_start=s0, sentence_end=s1,
                token_start=token_start, token_end=token_end, entity_key=entity_key,
                entity_name=entity_name or text, **extra)


def _key(m: Mention) -> int:
    return m.entity.key if m.entity else -1


def _fact(doc: "Doc", m: Mention) -> Optional[Fact]:
    kind = KIND_BY_LABEL.get(m.label)
    if kind is None:
        return None
    sent = doc[m.start].sent
    if _is_noise_sentence(sent) or _in_dateline(doc, m) or _is_heading(sent):
        return None
    value: Union[int, float, str, None] = None
    shape: Optional[str] = None
    relative = False
    if not _clean_boundaries(doc, m) or not _has_verb(sent) or _name_fragment(doc, m):
        return None
    root = doc[m.start : m.end].root
    if m.end - m.start == 1 and m.label != "CARDINAL" and (doc[m.start].pos_ in ("ADJ", "VERB", "ADV") or written_lower(doc, m.text.lower())):
        return None  # "Freezing temperatures ...", "Commonly referred to as": a word the text also writes in lower case, an adjective or adverb, is no name
    if kind == "who" and any(c.dep_ == "det" and (c.lower_ in ("every", "each", "any", "no") or (c.lower_ in ("a", "an") and m.end - m.start == 1))
                             for c in root.children):
        return None  # "every Briton", "a Londoner": anyone of a kind, not somebody
    if m.label == "NORP" and (root.tag_ not in ("NNPS", "NNS") or not m.text[:1].isupper()):
        return None  # "Cuban" the adjective is no answer; "the Huguenots" the group is
    if kind == "where" and root.dep_ == "poss":
        return None  # "named Britain's best new comedy": a place that qualifies, not a place where
    if kind == "how_many" and root.dep_ == "nummod" and (
            m.label == "CARDINAL" and any(c.lower_ in ("the", "these", "those", "both", "all")
                                          for c in root.head.children if c.i < root.i)
            or m.start > 0 and doc[m.start - 1].lower_ == "all"):
        return None  # "the two countries", "all three market tiers" point back at things already named ("its three partners" counts)
    if kind in ("who", "where") and m.label != "PERSON" and root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN"):
        return _phrase_fact(doc, m)  # "US President", "the Foreign Ministry statement": a modifier, not an answer
    if kind == "where" and any(t.text == "-" for t in doc[m.end : m.end + 1]):
        return None  # "Vatican-mediated"
    if m.label in ("TIME", "CARDINAL") and re.match(r"^\d{1,2}:\d{2}$", m.text) and m.end < len(doc) \
            and doc[m.end].lower_ in ("left", "remaining"):
        # "with 3:08 left": how long, not when (cloze only)
        return _span_fact(doc, "how_many", "DURATION", m.start, m.end, m.start_char, m.end_char,
                          _key(m), value=m.text, shape="clock")
    if m.label == "CARDINAL" and re.match(r"^\d{1,2}:\d{2}$", m.text):
        return None  # a clock time or a score, not a count
    if kind == "when" and m.label == "TIME":
        value, shape = m.text, "time"
        if not any(ch.isdigit() for ch in m.text) or re.search(r"\b(hours?|minutes?|seconds?)\b", m.text, re.I):
            return None  # "about 21 hours" is how long, not when
    elif kind == "when":
        value, shape = date_value(m.text)
        if value is None and _CENTURY.search(m.text):
            value, shape = m.text, "century"  # "the 12th century", "the 18th and 19th centuries"
        if shape == "relative" or value is None:
            return _duration_fact(doc, m)
        relative = shape == "weekday"
    elif kind == "how_many":
        if m.text.lower() in VAGUE_NUMBERS or m.text.lower() in ("one", "a", "an"):
            return None
        value, shape = number_value(m.text)
        if value is None:
            return None
    ent = m.entity
    label = m.label
    if kind == "how_many" and _unit_compound(doc_text(doc), m):
        label = "MEASURE"  # "a _____-yard field goal": no wh-rule asks about it (cloze only)
    return _span_fact(
        doc, kind, label, m.start, m.end, m.start_char, m.end_char, _key(m), ent.name if ent else None,
        value=value, shape=shape, relative=relative,
        modifier=root.dep_ in ("poss", "compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN"),
        sure=bool(ent.consistent) if ent else True,
    )


#: Heads of a noun phrase that names who did something ("the Florida legislature", "NFL owners")
#: or where ("the Houston Street lab", "New York hotels"), when a name modifies them.
WHO_HEADS = {"owner", "legislature", "government", "rebel", "customer", "superintendent", "player", "official",
             "army", "troop", "force", "court", "council", "committee", "parliament", "senate", "congress", "police",
             "voter", "leader", "worker", "manufacturer", "merchant", "scientist", "researcher", "engineer",
             "student", "fan", "soldier", "settler", "missionary", "priest", "bishop", "clergy", "theologian",
             "dynasty", "emperor", "authority", "administration", "ministry", "agency", "board", "delegation",
             "editor", "author", "historian", "coach", "employee", "crew", "immigrant", "citizen", "resident",
             "regulator", "prosecutor", "investigator", "negotiator", "mediator", "cabinet", "legislator", "lawmaker",
             "diplomat", "general", "commander", "guard", "militia", "tribe", "monk", "scholar", "physician"}
WHERE_HEADS = {"facility", "hotel", "lab", "laboratory", "museum", "archive", "stadium", "church", "cathedral",
               "school", "university", "college", "hospital", "river", "street", "park", "building", "office",
               "headquarters", "station", "airport", "port", "harbour", "harbor", "square", "factory", "campus",
               "library", "prison", "camp", "province", "county", "district", "valley", "mountain", "island",
               "coast", "border", "embassy", "palace", "castle", "temple", "mosque", "studio", "theatre", "theater",
               "arena", "hall", "mine", "monastery", "cloister", "seminary", "court", "courthouse", "port"}


def _phrase_fact(doc: "Doc", m: Mention) -> Optional[Fact]:
    """A name that modifies a noun stands for who or where only with its noun: the answer is
    the phrase up to that noun ("NFL owners", "the Houston Street lab" -> "Houston Street lab"),
    when the noun says a group of people (WHO_HEADS) or a place (WHERE_HEADS); else no fact.
    Its label is PHRASE, which no wh-rule asks about (cloze only)."""
    root = doc[m.start : m.end].root
    head = root.head
    if head.pos_ != "NOUN" or head.i < m.end or head.i - m.end > 2:
        return None
    if any(t.dep_ not in ("compound", "amod") or t.pos_ not in ("NOUN", "PROPN", "ADJ") for t in doc[m.end : head.i]):
        return None
    lemma = head.lemma_.lower()
    kind = "who" if lemma in WHO_HEADS else "where" if lemma in WHERE_HEADS else None
    if kind is None or head.dep_ in ("compound", "poss"):
        return None  # "the NFL owners meeting": still a modifier
    return _span_fact(doc, kind, "PHRASE", m.start, head.i + 1, m.start_char, head.idx + len(head.text), _key(m))


_CENTURY = re.compile(r"\b\d{1,2}(st|nd|rd|th) centur(y|ies)\b", re.I)
DURATION_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "season", "term"}


def _duration_fact(doc: "Doc", m: Mention) -> Optional[Fact]:
    """How long or how old: the number in a DATE/TIME span that is no point in time ("nine
    seasons", "for 11 years", "age 39", "the age of 35", "26 years old", "a 13-year-old").

    The answer is the number alone, so a cloze keeps the unit in view ("ran for _____
    seasons"); its label is DURATION or AGE, which no wh-rule asks about (cloze only).
    """
    toks = doc[m.start : m.end]
    for t in toks:
        if not t.like_num or t.lower_ in ("one", "a", "an"):
            continue
        prev = doc[t.i - 1] if t.i > 0 else None
        nxt = [x for x in doc[t.i + 1 : min(len(doc), t.i + 4)] if x.text != "-"]
        age = prev is not None and (prev.lower_ in ("age", "aged") or (prev.lower_ == "of" and t.i > 1 and doc[t.i - 2].lower_ == "age"))
        unit = bool(nxt) and nxt[0].lemma_.lower() in DURATION_UNITS
        if not (age or unit):
            continue
        if unit and len(nxt) > 1 and nxt[1].lower_ == "old":
            age = True
        value, shape = number_value(t.text)
        if value is None or not isinstance(value, (int, float)):
            return None
        return _span_fact(doc, "how_many", "AGE" if age else "DURATION", t.i, t.i + 1, t.idx, t.idx + len(t.text),
                          _key(m), value=value, shape=shape)
    return None


_YEAR_RANGE = re.compile(r"^(1[0-9]{3}|20[0-9]{2}|[1-9][0-9]{2})[–-](1[0-9]{3}|20[0-9]{2}|[1-9][0-9]{2})$")


_ANY_YEAR_RANGE = re.compile(r"\d{3}[\u2013-]\d{3}")


def _year_ranges(doc: "Doc", next_key: int) -> Iterator[Fact]:
    """Both ends of a span of years written as one word ("Zhu Shijie (1249–1314)", "the Jin
    dynasty (1115–1234)"): each is a "when" fact the cloze can blank on its own. The answer
    is part of a word, so no wh-question is asked about it (``part``)."""
    if not _ANY_YEAR_RANGE.search(doc_text(doc)):
        return
    for tok in doc:
        mt = _YEAR_RANGE.match(tok.text)
        if mt is None or int(mt.group(1)) >= int(mt.group(2)):
            continue
        sent = tok.sent
        if not _has_verb(sent) or _is_heading(sent):
            continue
        for g in (1, 2):
            yield _span_fact(doc, "when", "DATE", tok.i, tok.i + 1, tok.idx + mt.start(g), tok.idx + mt.end(g),
                             next_key + 2 * tok.i + g, value=mt.group(g), shape="year", part=True)


def _untagged_places(doc: "Doc", ms: list[Mention], next_key: int) -> Iterator[Fact]:
    """A capitalised proper noun that NER missed, alone after a locative preposition ("on X")."""
    covered = {i for m in ms for i in range(m.start, m.end)}
    for tok in doc:
        if tok.i in covered or tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS:
            continue
        if not tok.text[:1].isupper() or tok.is_sent_start:
            continue
        # the name's other words: capitalised proper nouns right before it ("the Victorian Alps")
        first = tok.i
        while first - 1 > tok.head.i and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i == tok.i \
                and doc[first - 1].is_title and doc[first - 1].pos_ == "PROPN":
            first -= 1
        if any(c.i < first or c.i > tok.i for c in tok.children if c.dep_ not in ("det",)):
            continue  # more to the phrase than a name ("in the city of X", "at X's house")
        if tok.i + 1 < len(doc) and (doc[tok.i + 1].lower_ in ("and", "&", "of") or doc[tok.i + 1].is_title):
            continue  # "at Shearman and Sterling": part of a longer name
        if tok.tag_ not in ("NNP", "NNPS", "NN") or any(t.ent_type_ or t.i in covered for t in doc[first : tok.i + 1]):
            continue
        if first < tok.i and tok.tag_ == "NN":
            continue
        yield _span_fact(doc, "where", "LOC", first, tok.i + 1, doc[first].idx, tok.idx + len(tok.text), next_key + tok.i)

"""Entity mentions, cleaned and consolidated across one text.

spaCy's NER gives spans with labels; a quiz needs entities. This module

* cleans each span: strips a possessive ``'s`` ("John Paul II's" -> "John Paul II"),
  adds a name-like title that the tagger left out ("Pope" + "Francis"), drops
  spans that are part of a title ("Secretary of State" is not an organisation);
* groups mentions of one entity ("Joe Biden" ... "Biden" ... "Biden's"): a
  shorter PERSON/ORG mention joins the fullest earlier or later mention whose
  words end with it; the group's label is decided by majority, ties going to
  the fullest mention (so "Biden" tagged ORG once is still a person);
* finds untagged mentions of a known entity's surname ("Trump, who ...").

(DESIGN.md, lesson 6.)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: Titles that are part of how a person is named, kept in the answer ("Pope Francis").
NAME_TITLES = {
    "pope", "king", "queen", "prince", "princess", "saint", "st.", "sir", "dame", "lord",
    "lady", "sheikh", "emperor", "empress", "archbishop", "cardinal", "sultan", "tsar", "czar",
}
PERSONISH = {"PERSON"}
EPITHETS = {"younger", "elder", "great", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "conqueror", "confessor", "bold", "good", "wise", "magnificent", "terrible", "baptist"}
PARTY_WORDS = {"tory", "labour", "conservative", "lib", "dem", "democrat", "republican", "liberal", "green", "snp",
               "ukip", "socialist", "democratic"}
ACTOR_LABELS = {"PERSON", "ORG"}


@dataclass
class Mention:
    start: int  # token index (inclusive)
    end: int  # token index (exclusive)
    label: str
    text: str
    start_char: int
    end_char: int
    entity: Optional["Entity"] = None


@dataclass
class Entity:
    """One real-world thing mentioned (possibly several times) in a text."""

    key: int
    name: str  # the fullest mention
    label: str
    mentions: list[Mention] = field(default_factory=list)
    consistent: bool = True  # the tagger gave every mention the same label


def _clean_span(doc: "Doc", start: int, end: int, label: str) -> Optional[tuple[int, int]]:
    """Trim a NER span to the words that name the thing; None when nothing is left."""
    # strip possessive and trailing punctuation
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text != "%":
        end -= 1
    if label in ("MONEY",) and start > 0 and doc[start - 1].text in ("$", "£", "€", "¥", "US$") and doc[start - 1].idx + len(doc[start - 1].text) == doc[start].idx:
        start -= 1  # "$216,000", not "216,000"
    # strip leading punctuation / quotes
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - start > 1 and doc[start].lower_ in ("just", "only", "another", "further", "a"):
        if doc[start].lower_ == "a" and doc[start + 1].lower_ != "further":
            break
        start += 1  # "just 163", "another 20": the number is the answer
    if end - start > 1 and doc[start].dep_ == "det" and doc[start].lower_ in ("the", "a", "an") \
            and doc[start].head.i >= end and label not in NUMERIC_LABELS:
        start += 1  # "and the Neil Innes tune" (held-out batch 52): the article belongs to the noun after the name
    if start >= end:
        return None
    if label in PERSONISH and start > 0 and doc[start - 1].lower_ in NAME_TITLES and doc[start - 1].is_title:
        start -= 1
    if label in PERSONISH and end + 1 < len(doc) and doc[end].lower_ == "the" and doc[end + 1].is_title \
            and doc[end + 1].lower_ in EPITHETS:
        end += 2  # "William Pitt the Younger"
    while label in PERSONISH and end - start >= 3 and doc[start].lower_ in PARTY_WORDS:
        start += 1  # "Tory Neil Hamilton", "Lib Dem Norman Baker": the party is not the name
    if label in PERSONISH and end - start >= 2 and doc[start].lower_ in {"president", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."}:
        start += 1  # political / courtesy titles are not part of the name
    return start, end


#: Labels of numbers, amounts and dates, whose article may belong to the phrase ("an estimated 100,000 men").
NUMERIC_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME", "ORDINAL"}


def _is_title_fragment(doc: "Doc", start: int, end: int, label: str) -> bool:
    """ORG spans like "State" in "Secretary of State" name a job, not an actor."""
    if label != "ORG":
        return False
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in {"secretary", "minister", "ministry", "department", "chancellor"}:
        return True
    return False


HOLIDAYS = {"easter", "christmas", "thanksgiving", "ramadan", "hanukkah", "diwali", "whitsun", "passover", "eid"}
RULERS = {"queen", "king", "monarch", "pope", "emperor", "empress", "sultan", "tsar", "czar", "kaiser", "pharaoh"}


def mentions(doc: "Doc") -> list[Mention]:
    """Cleaned NER mentions, in text order."""
    out: list[Mention] = []
    for ent in doc.ents:
        span = _clean_span(doc, ent.start, ent.end, ent.label_)
        if span is None or _is_title_fragment(doc, *span, ent.label_):
            continue
        s, e = span
        label = ent.label_
        if e - s == 1 and doc[s].lower_ in HOLIDAYS:
            label = "DATE"  # "by Easter": the tagger sometimes calls a feast a person
        if label in ("GPE", "LOC") and e < len(doc) and doc[e - 1].dep_ == "compound" and doc[e - 1].head.i == e:
            # "Denver Broncos", "Carolina Panthers": a place name that starts a team's or firm's name
            head = doc[e]
            if head.pos_ == "PROPN" and head.ent_type_ in ("", "PRODUCT", "ORG", "NORP", label):
                e = head.i + 1
                label = "ORG"
        if ent.label_ == "PERSON" and s > 0 and doc[s - 1].lower_ == "the" and e - s == 1:
            if doc[s].lower_ not in RULERS:
                continue  # "the Moon" is not a person
            s -= 1  # "the Queen", "the Pope": a person named by their office
        if not any(t.is_alpha or t.is_digit or t.like_num or _CLOCK.match(t.text) for t in doc[s:e]):
            continue
        if out and s < out[-1].end:
            continue  # already inside the extended mention before it
        out.append(Mention(s, e, label, doc[s:e].text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)))
    out.extend(untagged_numbers(doc, out))
    out.sort(key=lambda m: m.start)
    return out


_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")


def untagged_numbers(doc: "Doc", taken: list[Mention]) -> list[Mention]:
    """Numbers the tagger missed: a year after a preposition ("in 1873"), a clock time
    ("3:08"), a count modifying a plural noun ("two analysts")."""
    covered = {i for m in taken for i in range(m.start, m.end)}
    out: list[Mention] = []
    for i in _numberish(doc):
        t = doc[i]
        if t.i in covered or t.ent_type_:
            continue
        label = None
        if _YEAR.match(t.text) and t.dep_ == "pobj" and t.head.lower_ in ("in", "since", "by", "until", "from", "of", "after", "before", "during"):
            label = "DATE"
        elif _CLOCK.match(t.text):
            label = "TIME"
        elif t.like_num and t.dep_ == "nummod" and t.head.tag_ in ("NNS", "NNPS") and t.lower_ not in ("one",):
            label = "CARDINAL"
        if label:
            out.append(Mention(t.i, t.i + 1, label, t.text, t.idx, t.idx + len(t.text)))
    return out


def _numberish(doc: "Doc") -> list[int]:
    """Indices of the tokens that look like a number or have a digit in them (from columns, not Tokens)."""
    import numpy
    from spacy.attrs import LIKE_NUM, SHAPE

    cols = doc.to_array([LIKE_NUM, SHAPE])
    if not len(cols):
        return []
    shapes, inverse = numpy.unique(cols[:, 1], return_inverse=True)
    strings = doc.vocab.strings
    digit = numpy.array(["d" in strings[int(h)] for h in shapes], dtype=bool)  # a digit's shape is "d"
    return numpy.flatnonzero((cols[:, 0] != 0) | digit[inverse.reshape(-1)]).tolist()


def _proper_nouns(doc: "Doc") -> list[int]:
    """Indices of the tokens tagged PROPN (from a column, not Tokens)."""
    import numpy
    from spacy.attrs import POS
    from spacy.symbols import PROPN

    if not len(doc):
        return []
    return numpy.flatnonzero(doc.to_array(POS) == PROPN).tolist()


def _words(text: str) -> list[str]:
    return [w for w in text.replace("-", " ").split() if w.lower() not in NAME_TITLES]


def _after_of(words: list[str], n: int) -> bool:
    """Whether the last ``n`` words of a name follow "of" or "the": "Paul of Angers", "Alexander the Great".
    They are a place or an epithet, not a surname, so alone they are not that person ("Saxon raiders ... reached
    Angers", held-out batch 79, is the city)."""
    return len(words) > n and words[-n - 1].lower() in ("of", "the")


def consolidate(doc: "Doc", ms: list[Mention]) -> list[Entity]:
    """Group PERSON/ORG mentions of one entity; every other mention is an entity of its own."""
    entities: list[Entity] = []
    by_name: dict[str, Entity] = {}
    actors = [m for m in ms if m.label in ACTOR_LABELS]
    # fullest first: longer names are the anchors shorter ones attach to
    words_of = {m.text: _words(m.text) for m in actors}  # an entity's name is its first mention's text
    for m in sorted(actors, key=lambda m: (-len(words_of[m.text]), m.start)):
        words = words_of[m.text]
        target = by_name.get(m.text)
        if target is None and len(words) >= 1:
            for ent in entities:
                ew = words_of[ent.name]
                if len(words) < len(ew) and ew[-len(words):] == words and not _after_of(ew, len(words)):
                    target = ent
                    break
        if target is None:
            target = Entity(key=len(entities), name=m.text, label=m.label)
            entities.append(target)
            by_name[m.text] = target
        target.mentions.append(m)
        m.entity = target
    for ent in entities:
        votes = Counter(m.label for m in ent.mentions)
        ent.consistent = len(votes) == 1
        best = max(votes.values())
        tied = {lab for lab, n in votes.items() if n == best}
        full = [m.label for m in ent.mentions if m.text == ent.name]
        ent.label = full[0] if full and full[0] in tied else sorted(tied)[0]
        if ent.label != "PERSON" and any(m.label == "PERSON" for m in ent.mentions) and len(_words(ent.name)) >= 2:
            # a multi-word name that NER called a person at least once, and whose
            # short form it called an organisation, is a person ("Joe Biden" / "Biden")
            if any(m.label == "PERSON" and m.text == ent.name for m in ent.mentions):
                ent.label = "PERSON"
        for m in ent.mentions:
            m.label = ent.label
    for m in ms:
        if m.entity is None:
            ent = Entity(key=len(entities), name=m.text, label=m.label, mentions=[m])
            m.entity = ent
            entities.append(ent)
    _add_untagged_surnames(doc, ms, entities)
    ms.sort(key=lambda m: m.start)
    return entities


def _add_untagged_surnames(doc: "Doc", ms: list[Mention], entities: list[Entity]) -> None:
    """A capitalised PROPN equal to a known person's surname, outside any mention, is that person."""
    surnames: dict[str, Entity] = {}
    for ent in entities:
        if ent.label == "PERSON":
            w = _words(ent.name)
            if len(w) >= 2 and not _after_of(w, 1):
                surnames.setdefault(w[-1], ent)
    if not surnames:
        return
    covered = set()
    for m in ms:
        covered.update(range(m.start, m.end))
    for i in _proper_nouns(doc):
        ent_tok = doc[i]
        if ent_tok.i in covered or ent_tok.text not in surnames:  # a PROPN (_proper_nouns)
            continue
        if ent_tok.i + 1 < len(doc) and doc[ent_tok.i + 1].pos_ == "PROPN":
            continue
        if ent_tok.i > 0 and doc[ent_tok.i - 1].pos_ == "PROPN":
            continue
        ent = surnames[ent_tok.text]
        m = Mention(ent_tok.i, ent_tok.i + 1, ent.label, ent_tok.text, ent_tok.idx, ent_tok.idx + len(ent_tok.text), ent)
        ent.mentions.append(m)
        ms.append(m)


def person_tokens(entities: list[Entity]) -> dict[int, str]:
    """Token index -> the consolidated name of the person mentioned there."""
    return {i: e.name for e in entities if e.label == "PERSON" for m in e.mentions for i in range(m.start, m.end)}

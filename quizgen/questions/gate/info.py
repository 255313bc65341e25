"""What the checks need to know about the whole text (:class:`DocInfo`), and small helpers over it."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from quizgen.facts.entities import person_tokens
from quizgen.nlp.model import common_word, doc_text
from quizgen.questions.gate.words import HONORIFICS, TITLE_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from quizgen.facts.entities import Entity
    from quizgen.questions.rank import Candidate


@dataclass
class DocInfo:
    """What the checks need to know about the whole text, computed once per Doc."""

    doc: "Doc"
    text: str
    title_words: set[str]
    people: dict[int, str]  # token index -> consolidated PERSON name
    topic_names: set[str]  # lower-cased names of the entities the text is about
    first_lemma: dict[str, int]  # noun lemma -> token index of its first mention
    labels: dict[str, set[str]]  # lower-cased entity text (without "the ") -> the labels the tagger gave it
    #: how often each run of four or more letters stands in the text (the typo check's vocabulary)
    letter_words: Counter = field(default_factory=Counter)
    #: the first token of each sentence that opens with a one-word heading run into it ("Brewing If you ever wondered ...")
    headed: frozenset = frozenset()
    #: where a chronology's entries begin: the first of two or more date labels ("July 1982:"), else None
    chronology_start: Optional[int] = None


def doc_info(doc: "Doc", entities: list["Entity"], title: str = "") -> DocInfo:
    people = person_tokens(entities)
    title_words = {w.lower() for w in re.findall(r"[A-Za-z][\w'-]+", title.replace("_", " "))}
    # a file name's words ("wiki_yankee-stadium-1923", held-out batch 56) as well as a title's hyphenated names
    title_words |= {w.lower() for w in re.findall(r"[A-Za-z][\w']*", title.replace("_", " ").replace("-", " "))}
    # (single letters too: the initials of "wiki_r-j-mitchell" for "R.J. Mitchell", held-out batch 63)
    topic: set[str] = set()
    counts = sorted(((len(e.mentions), e.name) for e in entities if e.label in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")), reverse=True)
    if counts and counts[0][0] >= 4 and (len(counts) == 1 or counts[0][0] >= 1.5 * counts[1][0]):
        topic.add(counts[0][1].lower())  # named far more often than anything else
    for e in entities:
        words = [w.lower() for w in re.findall(r"[A-Za-z][\w'-]+", e.name)]
        if words and len(e.mentions) >= 2 and all(w in title_words for w in words
                                                  if w not in HONORIFICS and w not in ("the", "of")):
            topic.add(e.name.lower())  # the title names it
    sents = list(itertools.islice(doc.sents, 2))
    first_sent = sents[0] if sents else None
    if first_sent is not None and len(sents) == 2 and not any(t.pos_ in ("VERB", "AUX") for t in first_sent) \
            and not re.match(r"^\W*(by|\(cnn\))", first_sent.text, re.I):
        first_sent = sents[1]  # a heading line ("Yankee Stadium (1923)", held-out batch 56) before the lead
    if first_sent is not None and not re.match(r"^\W*(by|\(cnn\))", first_sent.text, re.I):
        for e in entities:  # "Parc Güell is a park ...": the lead sentence's subject is what the text is about
            if any(m.start >= first_sent.start and m.end <= first_sent.end and doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass")
                   and doc[m.start:m.end].root.head.lemma_ == "be" for m in e.mentions):
                topic.add(e.name.lower())
    for e in entities:
        if e.label == "PERSON" and len(e.mentions) >= 2 and any(
                w.lower() in title_words for w in re.findall(r"[A-Za-z][\w'-]{3,}", e.name)):
            topic.add(e.name.lower())  # "Ada Byron" in a text titled "Ada Lovelace"
    first: dict[str, int] = {}
    for t in doc:
        if t.pos_ == "NOUN":
            first.setdefault(t.lemma_.lower(), t.i)
    labels: dict[str, set[str]] = {}
    for e in doc.ents:
        labels.setdefault(e.text.lower().removeprefix("the "), set()).add(e.label_)
    for e in entities:
        labels.setdefault(e.name.lower().removeprefix("the "), set()).add(e.label)
    text = doc_text(doc)
    return DocInfo(doc=doc, text=text, title_words=title_words, people=people, topic_names=topic,
                   first_lemma=first, labels=labels, letter_words=Counter(re.findall(r"[A-Za-z]{4,}", text)),
                   headed=frozenset(s.start for s in doc.sents if _headed(s)), chronology_start=_chronology_start(doc))


#: A chronology's date label, a sentence of its own: "July 1982:", "October-November 1974:", "June 29, 2007:".
DATE_LABEL = re.compile(r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                        r"(?:[-–](?:January|February|March|April|May|June|July|August|September|October|November|December))?"
                        r"(?: \d{1,2})?,? )?\d{4}:")


def _chronology_start(doc: "Doc") -> Optional[int]:
    """The first token of the first date label when the text has two or more ("July 1982: ... August 2004: ...")."""
    labels = [s.start for s in doc.sents if DATE_LABEL.fullmatch(s.text.strip())]
    return labels[0] if len(labels) >= 2 else None


#: A capitalised common word, then a capitalised word that opens sentences: a heading run into its paragraph
#: ("Brewing If you ever wondered ...", "Chocolate In Anderson, Indiana, ...").
HEADED = re.compile(r"^([A-Z][a-z]+) (If|In|The|A|An|As|At|On|For|When|While|After|Being|With|From|To|It|This|"
                    r"Some|Many|More|There|Since|Despite|Although|Though|Unlike|Like|According|Even|Now|Once|What|Why|How)\b")


def _headed(sent) -> bool:
    m = HEADED.match(sent.text)
    return bool(m) and (sent[0].pos_ in ("NOUN", "PROPN") or sent[0].tag_ == "VBG") and common_word(m.group(1)) and not sent[0].ent_type_ \
        and m.group(1).lower() not in HONORIFICS | TITLE_WORDS


def governor(t: "Token") -> "Token":
    """The verb ``t`` hangs on: ``t`` itself when it is one, else the first verb above it."""
    while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
        t = t.head
    return t


def subject_of(verb: "Token") -> Optional["Token"]:
    """The verb's own subject (active or passive), or None."""
    return next((k for k in verb.children if k.dep_ in ("nsubj", "nsubjpass")), None)


def _shown(c: "Candidate") -> tuple[int, int]:
    """Character range of the source text a candidate shows (a cloze's sentences; a question's sentence)."""
    f = c.fact
    return (f.sentence_start if c.context_start is None else c.context_start), f.sentence_end


def _span(info: DocInfo, c: "Candidate") -> Optional["Span"]:
    s0, s1 = _shown(c)
    return info.doc.char_span(s0, s1, alignment_mode="expand")


def _in_prompt(c: "Candidate", tok: "Token") -> bool:
    """Whether the word ``tok`` is part of what the student reads."""
    if c.format == "cloze":
        return True
    return re.search(r"(?<!\w)" + re.escape(tok.text) + r"(?!\w)", c.prompt, re.I) is not None


def _fold(text: str) -> str:
    """Lower case, accents dropped ("Dürer" -> "durer")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)).lower()


def _used_as_place(text: str, name: str) -> bool:
    """Somewhere the text puts ``name`` where only a place goes ("in Kano", "near Kano", "at Kano"),
    not followed by a possessive: the tagger's person is a town."""
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    return bool(re.search(r"\b(in|near|at|across|throughout|outside|inside|around) (the )?" + re.escape(name)
                          + r"(?![\w'’-])(?!\s*['’]s\b)", text))


def doc_span_text(tok: "Token") -> str:
    """The words of a name: ``tok`` with its compound and flat parts ("Roberto Burle Marx")."""
    parts = [k for k in tok.subtree if k.dep_ in ("compound", "flat") or k.i == tok.i]
    return " ".join(k.text for k in sorted(parts, key=lambda k: k.i))



#: A title or form of address right before a name ("Mr Rakosky", "Emperor Gegeen").
TITLED = r"\b(" + "|".join(sorted(w.capitalize() for w in HONORIFICS)) + r")\.? "


def doubtful_person(info: DocInfo, name: str) -> bool:
    """A one-word "person" the text never gives a full name or a title: as often a town, a club or a
    school the tagger took for a person ("graduating from Perm gymnasium")."""
    name = name.strip()
    return " " not in name and not re.search(TITLED + re.escape(name), info.text)

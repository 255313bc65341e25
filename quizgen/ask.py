"""The ask stage: candidate questions for each fact, in the three forms.

* short answer: a wh-question built from the evidence sentence (:mod:`quizgen.syntax`);
* multiple choice: the same wh-question with three distractors of the fact's kind
  (:mod:`quizgen.distractors`); chosen over short answer when the text itself
  offers at least two same-kind distractors, since those make the strongest choices;
* cloze: the evidence sentence with the answer blanked, for facts that no wh-question
  can honestly ask about (the answer sits inside a noun phrase, a subject, a list).

One candidate per fact: the best form the requested formats allow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from .distractors import choose as choose_distractors
from .entities import Entity
from .extract import Fact
from .grounding import contains
from .rank import Candidate
from .syntax import PRONOUN_LABELS, make_question
from .templates_data import Templates

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

MAX_CLOZE_TOKENS = 35
ALL_FORMATS = ("short_answer", "multiple_choice", "cloze")


def make_resolver(doc: "Doc", entities: list[Entity]):
    """Pronoun -> antecedent name, when exactly one compatible named entity precedes it in the text.

    Deliberately conservative (no gender guessing, no salience): a text about
    Marie and Pierre Curie resolves no "she", so it asks nothing wrong about either.
    """
    spans = sorted(
        ((m.start, m.end, ent) for ent in entities for m in ent.mentions),
        key=lambda x: x[0],
    )

    def resolve(tok: "Token") -> Optional[str]:
        labels = PRONOUN_LABELS.get(tok.lower_)
        if not labels:
            return None
        found = {ent.key: ent for s, e, ent in spans if e <= tok.i and ent.label in labels}
        if len(found) != 1:
            return None
        return next(iter(found.values())).name

    return resolve


REFERRING = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "this", "these", "those",
             "that", "there"}


FIRST_PERSON = {"i", "me", "my", "we", "us", "our", "you", "your"}


def _unresolved_reference(doc: "Doc", fact: Fact) -> bool:
    """A sentence that leans on the one before it ("It is 82 km long", "There she met ..."),
    or speaks in the first or second person (a quote, whose speaker the cloze does not show)."""
    span = doc.char_span(fact.sentence_start, fact.sentence_end, alignment_mode="expand")
    if span is None:
        return True
    if any(t.lower_ in FIRST_PERSON and t.pos_ == "PRON" for t in span):
        return True
    names_seen = False
    for t in span:
        if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC") or t.pos_ == "PROPN":
            names_seen = True
        low = t.lower_
        if low in REFERRING and t.pos_ in ("PRON", "DET", "ADV") and t.dep_ not in ("mark", "expl"):
            if low in ("that",) and t.dep_ != "det" and t.pos_ != "PRON":
                continue
            if low == "that" and t.tag_ == "WDT":
                continue
            if low == "those" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("who", "which", "that"):
                continue  # "all those who contributed" refers forward, not back
            if low in ("this", "these", "those", "there") or t.i == span.start or not names_seen:
                return True
    return False


def cloze_prompt(doc_text: str, fact: Fact, blank: str) -> str:
    before = doc_text[fact.sentence_start : fact.start]
    after = doc_text[fact.end : fact.sentence_end]
    return " ".join((before + blank + after).split())


def candidates(
    doc: "Doc",
    facts: Sequence[Fact],
    entities: list[Entity],
    templates: Templates,
    formats: Iterable[str] = ALL_FORMATS,
) -> list[Candidate]:
    formats = tuple(formats)
    resolve = make_resolver(doc, entities)
    out: list[Candidate] = []
    for fact in facts:
        cand = _best_for(doc, fact, facts, templates, formats, resolve)
        if cand is not None:
            out.append(cand)
    return out


def _best_for(doc, fact, facts, templates, formats, resolve) -> Optional[Candidate]:
    wh = None
    if "short_answer" in formats or "multiple_choice" in formats:
        wh = make_question(doc, fact, templates, resolve)
        if wh is not None and contains(wh.prompt, fact.text):
            wh = None
    variants: list[str] = []
    if wh is not None and "moved time phrase" in wh.transformations or wh is not None and fact.kind != "when":
        short = make_question(doc, fact, templates, resolve, drop_time=True)
        if short is not None and short.prompt != wh.prompt and not contains(short.prompt, fact.text):
            variants.append(short.prompt)
    if wh is not None:
        distractors, from_text = ([], 0)
        if "multiple_choice" in formats:
            distractors, from_text = choose_distractors(fact, facts)
        use_mc = "multiple_choice" in formats and len(distractors) >= 2 and (
            from_text >= 2 or "short_answer" not in formats
        )
        if use_mc:
            return Candidate(
                fact=fact, format="multiple_choice", prompt=wh.prompt,
                choices=[(fact.text, True)] + [(d, False) for d in distractors],
                transformations=wh.transformations, n_tokens=wh.n_tokens, variants=variants,
            )
        if "short_answer" in formats:
            return Candidate(fact=fact, format="short_answer", prompt=wh.prompt,
                             transformations=wh.transformations, n_tokens=wh.n_tokens, variants=variants)
    if "cloze" in formats:
        n_tokens = len(doc.char_span(fact.sentence_start, fact.sentence_end, alignment_mode="expand") or [])
        if 4 <= n_tokens <= MAX_CLOZE_TOKENS:
            prompt = cloze_prompt(doc.text, fact, templates.blank)
            quoted = prompt[:1] in "\"\u201c'\u2018"
            if not contains(prompt, fact.text) and not quoted and not _unresolved_reference(doc, fact):
                return Candidate(fact=fact, format="cloze", prompt=prompt, n_tokens=n_tokens)
    return None

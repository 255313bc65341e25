"""The question stage for one parsed text: candidates, the quality gate, the score, the ranking,
and the grounded :class:`~quizgen.models.Question` objects with their stable ids.

:func:`questions_for_doc` is what every way of running quizgen (in this process, in worker
processes, on a Dask cluster) calls for each parsed source; :func:`gated_candidates` and
:func:`ranked` expose the steps before it, for ``quizgen explain`` and for tests.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from typing import Iterable, Optional, Sequence

from quizgen.models import Answer, Choice, Evidence, Question, Source
from quizgen.questions.learned import DEFAULT_MIN_SCORE
from quizgen.questions.templates_data import Templates, default_templates

DEFAULT_FORMATS = ("short_answer", "multiple_choice", "cloze")


def check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    """The question forms asked for, each once, in order; a QuizgenError names any unknown one."""
    return _known(formats, DEFAULT_FORMATS, "format")


def check_kinds(kinds: Iterable[str]) -> tuple[str, ...]:
    """The answer kinds asked for (who, when, how_many, where), as :func:`check_formats` does forms."""
    from quizgen.models import KINDS

    return _known(kinds, KINDS, "kind")


def _known(names: Iterable[str], allowed: Sequence[str], what: str) -> tuple[str, ...]:
    out = tuple(dict.fromkeys(names))
    bad = [n for n in out if n not in allowed]
    if bad or not out:
        from quizgen.errors import QuizgenError

        raise QuizgenError(f"unknown {what} {', '.join(bad) or '(none)'}; choose from {', '.join(allowed)}")
    return out


def question_id(source: Source, sentence: str, offset: int, answer: str, fmt: str) -> str:
    """Stable id: the source id, the evidence sentence's text, where the answer sits in it, and the form.

    Editing another part of the text keeps the id (Anki then updates the note in place).
    """
    key = "\x1f".join([source.id, sentence, str(offset), answer, fmt])
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _tag(s: str) -> str:
    return "_".join(s.split()) or "_"


def questions_for_doc(
    source: Source,
    doc,
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    min_score: float = DEFAULT_MIN_SCORE,
    max_per_source: Optional[int] = None,
    templates: Optional[Templates] = None,
) -> list[Question]:
    """The questions for one parsed source, grounded, ranked and filtered."""
    from quizgen.grounding import problems

    chosen, _, _ = ranked(source, doc, formats=formats, min_score=min_score, max_per_source=max_per_source,
                           templates=templates)
    out: list[Question] = []
    used_ids: set[str] = set()
    for c in chosen:
        f = c.fact
        sentence = source.text[f.sentence_start : f.sentence_end]
        qid = question_id(source, sentence, f.start - f.sentence_start, f.text, c.format)
        n = 2
        base = qid
        while qid in used_ids:  # the same sentence twice in one text
            qid = f"{base}-{n}"
            n += 1
        used_ids.add(qid)
        choices = None
        if c.choices:
            order = list(c.choices)
            random.Random(qid).shuffle(order)
            choices = [Choice(text=t, correct=ok) for t, ok in order]
        q = Question(
            id=qid, kind=f.kind, format=c.format, prompt=c.prompt,
            answer=Answer(text=f.text, source_id=source.id, start=f.start, end=f.end, value=f.value,
                          accepted=_accepted(f)),
            evidence=Evidence(start=f.sentence_start if c.context_start is None else c.context_start, end=f.sentence_end),
            choices=choices,
            tags=["quizgen", f"kind::{f.kind}", f"format::{c.format}", f"source::{_tag(source.id)}"],
            score=c.score,
        )
        if problems(q, source):
            continue  # the grounding invariant is never relaxed: drop, don't emit
        out.append(q)
    return out


def ranked(source: Source, doc, *, formats, min_score, max_per_source, templates):
    """``(chosen, passed, rejected)``: the candidates that become questions, all that passed the
    gate (scored by :mod:`quizgen.questions.learned`), and the gate's ``(candidate, reason)`` rejections."""
    from quizgen.questions.learned import DocFeatures
    from quizgen.questions.rank import select

    passed, rejected, facts, entities, info = _gate(source, doc, formats, templates)
    # how often the text names each entity: its facts, or its mentions when the tagger found more
    mention_counts = dict(Counter(f.entity_name.lower() for f in facts))
    for e in entities:
        mention_counts[e.name.lower()] = max(mention_counts.get(e.name.lower(), 0), len(e.mentions))
    scorer = DocFeatures(doc, info.topic_names, info.title_words)
    for c in passed:
        c.score = round(scorer.probability(c.fact.start, c.fact.end, c.format, c.prompt, c.context_start), 3)
    chosen = select(passed, min_score=min_score, max_per_source=max_per_source, mention_counts=mention_counts,
                    balance=any(f != "cloze" for f in formats), n_tokens=len(doc))
    return chosen, passed, rejected


#: Why a candidate that passed the gate was not emitted.
RANKED_OUT = "ranked out: a duplicate, over the cap for its answer or for clozes, or below --min-score"


def gated_candidates(source: Source, doc, *, formats: Sequence[str] = DEFAULT_FORMATS,
                     templates: Optional[Templates] = None):
    """``(passed, rejected, facts, entities)``: every candidate question for one parsed source,
    split by the quality gate (:mod:`quizgen.questions.gate`); ``rejected`` holds ``(candidate, reason)``."""
    return _gate(source, doc, formats, templates)[:4]


def _gate(source: Source, doc, formats: Sequence[str], templates: Optional[Templates]):
    """:func:`gated_candidates` and the gate's :class:`quizgen.questions.gate.DocInfo`."""
    from quizgen.questions.ask import candidates
    from quizgen.facts.extract import facts_from_doc
    from quizgen.questions.gate import doc_info, reason

    templates = templates or default_templates()
    facts, entities = facts_from_doc(doc)
    cands = candidates(doc, facts, entities, templates, formats)
    info = doc_info(doc, entities, source.title)
    passed, rejected = [], []
    for c in cands:
        why = reason(info, c)
        if why is None:
            passed.append(c)
        else:
            rejected.append((c, why))
    return passed, rejected, facts, entities, info


def _accepted(f) -> list[str]:
    """Other typed forms of the answer a player should accept."""
    out: list[str] = []
    if f.kind == "how_many" and isinstance(f.value, (int, float)):
        v = f.value
        out.append(f"{v:,}" if isinstance(v, int) else str(v))
        out.append(str(v))
    elif f.kind == "who" and f.entity_name != f.text:
        out.append(f.entity_name)
    low = f.text.lower()
    if low.startswith("the "):
        out.append(f.text[4:])
    return [a for a in dict.fromkeys(out) if a != f.text]

"""The grounding invariant (DESIGN.md), as a checker over a question and its source.

Every emitted question satisfies it; the pipeline drops any question that does
not, the tests check it with hypothesis, and ``quizgen validate`` checks quiz
files that people edited by hand.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from quizgen.models import Question, Quiz, Source

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Lowercase, fold Unicode compatibility forms, and turn punctuation runs into single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def contains(haystack: str, needle: str) -> bool:
    """Whole-word containment, ignoring case and punctuation ("3,500" is in "nearly 3 500 people")."""
    n = normalise(needle)
    if not n:
        return False
    return f" {n} " in f" {normalise(haystack)} "


def problems(question: Question, source: Source) -> list[str]:
    """Every way ``question`` breaks the grounding invariant; empty when it holds."""
    out: list[str] = []
    a, ev, text = question.answer, question.evidence, source.text
    if a.source_id != source.id:
        out.append(f"answer.source_id {a.source_id!r} is not {source.id!r}")
    if not (0 <= a.start < a.end <= len(text)):
        out.append(f"answer offsets {a.start}..{a.end} are outside the source (length {len(text)})")
    elif text[a.start : a.end] != a.text:
        out.append(f"answer.text {a.text!r} is not the source span {text[a.start:a.end]!r}")
    if not (0 <= ev.start <= a.start and a.end <= ev.end <= len(text)):
        out.append(f"evidence {ev.start}..{ev.end} does not contain the answer {a.start}..{a.end}")
    if not normalise(a.text):
        out.append("answer has no letters or digits")
    elif contains(question.prompt, a.text):
        out.append(f"prompt contains the answer {a.text!r}")
    if question.format == "multiple_choice":
        choices = question.choices or []
        correct = [c for c in choices if c.correct]
        if len(correct) != 1:
            out.append(f"{len(correct)} correct choices, expected 1")
        elif correct[0].text != a.text:
            out.append(f"the correct choice {correct[0].text!r} is not the answer {a.text!r}")
        na = normalise(a.text)
        seen: set[str] = set()
        for c in choices:
            nc = normalise(c.text)
            if nc in seen:
                out.append(f"choice {c.text!r} appears twice")
            seen.add(nc)
            if c.correct:
                continue
            if not nc or nc == na or contains(c.text, a.text) or contains(a.text, c.text):
                out.append(f"distractor {c.text!r} collides with the answer {a.text!r}")
        if len(choices) < 2:
            out.append("multiple choice needs at least two choices")
    elif question.choices:
        out.append(f"{question.format} question has choices")
    return out


def quiz_problems(quiz: Quiz) -> list[tuple[int, str]]:
    """(question index, problem) for every broken invariant in a quiz, ids included."""
    out: list[tuple[int, str]] = []
    by_id = {s.id: s for s in quiz.sources}
    seen: set[str] = set()
    for i, q in enumerate(quiz.questions):
        if q.id in seen:
            out.append((i, f"duplicate question id {q.id!r}"))
        seen.add(q.id)
        src = by_id.get(q.answer.source_id)
        if src is None:
            out.append((i, f"unknown source {q.answer.source_id!r}"))
            continue
        out.extend((i, p) for p in problems(q, src))
    return out

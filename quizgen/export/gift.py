"""Export a :class:`~quizgen.models.Quiz` in Moodle's GIFT format (question bank import).

One GIFT question per quiz question, separated by blank lines, each titled
with the question's stable id (``::id::``) and marked ``[plain]`` so Moodle
shows the text exactly as written (no HTML, no Markdown):

* multiple choice: ``{=right ~wrong ~wrong}``, choices in the quiz's order;
* short answer: ``{=form =form ...}`` with every form a learner may type:
  the answer, ``answer.accepted``, the answer without a leading article and
  the plain number for a numeric answer (see :func:`answer_forms`);
* cloze: a short answer in GIFT's missing-word layout, the ``{...}`` standing
  where the blank (``___``) is in the prompt.

Every question has general feedback (``####``) with the evidence sentence
and the source title, which Moodle shows after an attempt.

Text is escaped for GIFT: ``~ = # { } :`` and the backslash get a leading
backslash; whitespace runs (newlines included) become single spaces, since a
blank line would end the question. In short-answer forms ``*`` is escaped as
well, because Moodle's short-answer grader reads a bare ``*`` as a wildcard.

Deterministic: the same quiz gives the same text.
"""

from __future__ import annotations

import re

from quizgen._version import __version__
from quizgen.export.fileio import PathLike, write_text
from quizgen.models import Question, Quiz

_GIFT_SPECIAL = re.compile(r"([\\~=#{}:])")
_BLANK = re.compile(r"_{3,}")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def escape(text: str) -> str:
    """GIFT-escape ``text`` and put it on one line."""
    return _GIFT_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _escape_form(text: str) -> str:
    return escape(text).replace("*", "\\*")


def _number(value) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        if value.is_integer():
            value = int(value)
    return str(value)


def answer_forms(question: Question) -> list[str]:
    """Every typed form to accept for a short answer or cloze, the answer first.

    The answer text, then ``answer.accepted``, then the answer without a
    leading article ("the Vatican" -> "Vatican"), then the numeric value of a
    how-many answer as digits ("Nearly 3,500" -> "3500"). Duplicates (ignoring
    case and surrounding whitespace) are dropped; order is stable.
    """
    a = question.answer
    forms = [a.text, *a.accepted]
    stripped = _ARTICLE.sub("", a.text.strip())
    if stripped and stripped != a.text.strip():
        forms.append(stripped)
    if question.kind == "how_many":
        number = _number(a.value)
        if number is not None:
            forms.append(number)
    out: list[str] = []
    seen: set[str] = set()
    for f in forms:
        key = " ".join(f.split()).casefold()
        if key and key not in seen:
            seen.add(key)
            out.append(" ".join(f.split()))
    return out


def evidence_text(quiz: Quiz, question: Question) -> tuple[str, str]:
    """(evidence sentence, source title) for a question; empty strings if the source is missing.
    The title is followed by where the answer is when the source has sections ("Penicillin, p. 2")."""
    try:
        src = quiz.source(question.answer.source_id)
    except KeyError:
        return "", ""
    ev = question.evidence
    where = src.section_at(question.answer.start)
    return src.text[ev.start : ev.end], f"{src.title}, {where}" if where else src.title


def _feedback(quiz: Quiz, question: Question) -> str:
    sentence, title = evidence_text(quiz, question)
    if not sentence:
        return ""
    return f" ####{escape('Evidence: ' + sentence)} {escape('(Source: ' + title + ')')}"


def question_to_gift(quiz: Quiz, question: Question) -> str:
    """One question as GIFT text (no trailing blank line)."""
    head = f"::{escape(question.id)}::[plain]"
    feedback = _feedback(quiz, question)
    if question.format == "multiple_choice" and question.choices:
        options = " ".join(("=" if c.correct else "~") + escape(c.text) for c in question.choices)
        return f"{head}{escape(question.prompt)} {{{options}{feedback}}}"
    block = "{" + " ".join("=" + _escape_form(f) for f in answer_forms(question)) + feedback + "}"
    prompt = " ".join(question.prompt.split())
    if question.format == "cloze":
        m = _BLANK.search(prompt)
        if m:  # Moodle's missing-word layout: the answer block stands where the blank is
            before, after = escape(prompt[: m.start()]), escape(prompt[m.end() :])
            return head + " ".join(p for p in (before, block, after) if p)
    return f"{head}{escape(prompt)} {block}"


def to_gift(quiz: Quiz) -> str:
    """The whole quiz as a GIFT file's text."""
    lines = [
        f"// {' '.join(quiz.title.split())}",
        f"// Made by quizgen {__version__}: {len(quiz.questions)} questions. Import into Moodle as GIFT.",
        "",
    ]
    for q in quiz.questions:
        lines.append(f"// {q.kind}, {q.format.replace('_', ' ')}; source: {' '.join(q.answer.source_id.split())}")
        lines.append(question_to_gift(quiz, q))
        lines.append("")
    return "\n".join(lines)


def write_gift(quiz: Quiz, path: PathLike) -> None:
    """Write :func:`to_gift` to ``path`` (atomically, UTF-8)."""
    write_text(path, to_gift(quiz))

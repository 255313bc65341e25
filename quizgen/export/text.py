"""A quiz as plain text for a terminal: each question on one line with its answer after "->",
and a multiple-choice question's choices on the line below (what ``quizgen show`` prints).

>>> print(quiz_text(quiz))                                   # doctest: +SKIP
How many prisoners did Cuba say it will release?  -> 553
    choices: 553 | 3,500 | 200 | 2,015

For a source with sections (a PDF's pages, a document's headings) the answer is followed by where
it is: ``When did Alexander Fleming die in London?  -> 11 March 1955  (p. 2)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from quizgen.models import Quiz


def quiz_text(quiz: "Quiz") -> str:
    """One line per question (prompt, two spaces, "->", the answer, and "(p. 2)" when the source says
    where it is); newlines in a prompt become spaces."""
    lines = []
    for q in quiz.questions:
        prompt = " ".join(q.prompt.split())
        where = quiz.where(q)
        lines.append(f"{prompt}  -> {q.answer.text}" + (f"  ({where})" if where else ""))
        if q.choices:
            lines.append("    choices: " + " | ".join(c.text for c in q.choices))
    return "".join(line + "\n" for line in lines)

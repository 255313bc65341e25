"""A quiz as plain text for a terminal: each question on one line with its answer after "->",
and a multiple-choice question's choices on the line below (what ``quizgen show`` prints).

>>> print(quiz_text(quiz))                                   # doctest: +SKIP
How many prisoners did Cuba say it will release?  -> 553
    choices: 553 | 3,500 | 200 | 2,015
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from quizgen.models import Quiz


def quiz_text(quiz: "Quiz") -> str:
    """One line per question (prompt, two spaces, "->", the answer); newlines in a prompt become spaces."""
    lines = []
    for q in quiz.questions:
        prompt = " ".join(q.prompt.split())
        lines.append(f"{prompt}  -> {q.answer.text}")
        if q.choices:
            lines.append("    choices: " + " | ".join(c.text for c in q.choices))
    return "".join(line + "\n" for line in lines)

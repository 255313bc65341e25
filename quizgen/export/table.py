"""Export a :class:`~quizgen.models.Quiz` as CSV or TSV flashcards for Quizlet and Anki.

One row per question, no header row (both importers would take it for a
card), in the columns named by ``columns`` (default: all of them):

``front``     the prompt; a cloze keeps its blank (``_____``)
``back``      the answer text, exactly as in the source
``evidence``  the sentence from the source that proves the answer
``source``    the source title (with the page or heading of the answer: "Penicillin, p. 2")
``tags``      the question's tags, space-separated (Anki's tag column)
``id``        the stable question id

Quizlet: paste or import with "Between term and definition: Tab" (TSV) or
"Comma" (CSV); use ``columns=("front", "back")`` for plain two-sided cards.
Anki: File -> Import, map columns 1-2 to Front/Back, 3-4 to extra fields or
ignore them, and map the tags column to Tags; leave "Allow HTML" off so
source text shows literally.

Every field is one line: whitespace runs (newlines and tabs included) become
single spaces, so rows never break in importers that split on newlines. Fields
are quoted only where CSV needs it (a delimiter or a double quote inside);
the text itself is never changed beyond the whitespace. Lines end in ``\\n``.
A cell that starts with ``=``, ``+``, ``-`` or ``@`` is left as it is (these
files are for flashcard apps, not spreadsheets).

Deterministic: the same quiz and options give the same text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterable, Sequence

from quizgen.export.fileio import PathLike, write_text
from quizgen.models import Question, Quiz
from quizgen.export.gift import evidence_text

COLUMNS: tuple[str, ...] = ("front", "back", "evidence", "source", "tags", "id")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cell(quiz: Quiz, q: Question, column: str) -> str:
    if column == "front":
        return q.prompt
    if column == "back":
        return q.answer.text
    if column == "evidence":
        return evidence_text(quiz, q)[0]
    if column == "source":
        return evidence_text(quiz, q)[1]
    if column == "tags":
        return " ".join("_".join(t.split()) for t in q.tags)
    if column == "id":
        return q.id
    raise ValueError(f"unknown column {column!r}; choose from {', '.join(COLUMNS)}")


def rows(quiz: Quiz, columns: Sequence[str] = COLUMNS) -> Iterable[list[str]]:
    """The table's rows, one per question, each a list of one-line cells."""
    for column in columns:
        if column not in COLUMNS:
            raise ValueError(f"unknown column {column!r}; choose from {', '.join(COLUMNS)}")
    for q in quiz.questions:
        yield [_one_line(_cell(quiz, q, c)) for c in columns]


def to_csv(quiz: Quiz, delimiter: str = ",", columns: Sequence[str] = COLUMNS) -> str:
    """The quiz as CSV text (``delimiter=","``) or TSV text (``delimiter="\\t"``)."""
    if len(delimiter) != 1 or delimiter in '"\r\n' or delimiter.isalnum():
        raise ValueError(f"unusable delimiter {delimiter!r}")
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerows(rows(quiz, columns))
    return buf.getvalue()


def write_csv(quiz: Quiz, path: PathLike, columns: Sequence[str] = COLUMNS) -> None:
    """Write the table to ``path``: tab-separated if it ends in ``.tsv`` (or ``.tab``), else CSV."""
    delimiter = "\t" if Path(path).suffix.lower() in {".tsv", ".tab"} else ","
    write_text(path, to_csv(quiz, delimiter=delimiter, columns=columns))

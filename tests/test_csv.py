"""CSV / TSV flashcard export (quizgen.export.table), read back with the stdlib csv reader."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from quizgen.export.table import COLUMNS, to_csv, write_csv
from quizgen.grounding import problems
from quizgen.models import Answer, Evidence, Question, Quiz, Source

DATA = Path(__file__).parent / "data"


def sample_quiz() -> Quiz:
    return Quiz.from_json((DATA / "sample-quiz.json").read_text(encoding="utf-8"))


def read(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def awkward_quiz() -> Quiz:
    sentence = 'Ann "Lee", of Bo\tCo,\nwrote it; =1+1.'
    src = Source.from_text("Intro.\n" + sentence, id="s", title='Title, "quoted"\tand tabbed')
    start = src.text.index('Ann "Lee"')
    ev = src.text.index(sentence)
    q = Question(
        id="a1", kind="who", format="short_answer", prompt='Who, in "quotes",\nwrote it?',
        answer=Answer(text='Ann "Lee"', source_id="s", start=start, end=start + len('Ann "Lee"')),
        evidence=Evidence(start=ev, end=ev + len(sentence)), tags=["quizgen", "kind::who", "two words"], score=0.5,
    )
    assert problems(q, src) == []
    return Quiz(title="Awkward", sources=[src], questions=[q])


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_one_row_per_question_with_every_column(delimiter):
    quiz = sample_quiz()
    rows = read(to_csv(quiz, delimiter=delimiter), delimiter)
    assert len(rows) == len(quiz.questions)
    src = quiz.sources[0]
    for q, row in zip(quiz.questions, rows):
        assert len(row) == len(COLUMNS)
        cells = dict(zip(COLUMNS, row))
        assert cells["front"] == q.prompt
        assert cells["back"] == q.answer.text
        assert cells["evidence"] == src.text[q.evidence.start : q.evidence.end]
        assert cells["source"] == src.title
        assert cells["tags"].split(" ") == q.tags
        assert cells["id"] == q.id


def test_quotes_delimiters_and_line_breaks_survive_and_stay_on_one_line():
    quiz = awkward_quiz()
    for delimiter in (",", "\t"):
        text = to_csv(quiz, delimiter=delimiter)
        assert text.count("\n") == 1  # one record, one line
        (row,) = read(text, delimiter)
        cells = dict(zip(COLUMNS, row))
        assert cells["front"] == 'Who, in "quotes", wrote it?'
        assert cells["back"] == 'Ann "Lee"'
        assert cells["evidence"] == 'Ann "Lee", of Bo Co, wrote it; =1+1.'
        assert cells["source"] == 'Title, "quoted" and tabbed'
        assert cells["tags"] == "quizgen kind::who two_words"


def test_two_columns_for_quizlet():
    rows = read(to_csv(sample_quiz(), delimiter="\t", columns=("front", "back")), "\t")
    assert rows == [[q.prompt, q.answer.text] for q in sample_quiz().questions]


def test_unknown_column_or_bad_delimiter_is_an_error():
    with pytest.raises(ValueError, match="unknown column"):
        to_csv(sample_quiz(), columns=("front", "nope"))
    with pytest.raises(ValueError, match="delimiter"):
        to_csv(sample_quiz(), delimiter='"')


def test_write_csv_picks_tab_for_tsv_files(tmp_path):
    write_csv(sample_quiz(), tmp_path / "cards.tsv")
    write_csv(sample_quiz(), tmp_path / "cards.csv")
    assert (tmp_path / "cards.tsv").read_text(encoding="utf-8") == to_csv(sample_quiz(), delimiter="\t")
    assert (tmp_path / "cards.csv").read_text(encoding="utf-8") == to_csv(sample_quiz(), delimiter=",")
    assert "\t" in (tmp_path / "cards.tsv").read_text(encoding="utf-8")


def test_export_is_deterministic():
    assert to_csv(sample_quiz()) == to_csv(sample_quiz())

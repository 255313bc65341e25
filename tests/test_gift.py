"""Moodle GIFT export (quizgen.export.gift), read back strictly the way Moodle's importer reads it
(tests/gift_reader.py: escapes first, then the answer block, then answers and feedback).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gift_reader import GiftError, read_gift, read_question
from quizgen.export.gift import answer_forms, escape, to_gift, write_gift
from quizgen.grounding import problems
from quizgen.models import Answer, Choice, Evidence, Question, Quiz, Source


DATA = Path(__file__).parent / "data"


def sample_quiz() -> Quiz:
    return Quiz.from_json((DATA / "sample-quiz.json").read_text(encoding="utf-8"))


def make_quiz(sentence: str, questions: list[tuple], title: str = "Special", source_title: str = "Source") -> Quiz:
    """A one-source quiz; each question is (id, format, prompt, answer, choices or None)."""
    src = Source.from_text("Intro line.\n" + sentence + "\nLast line.", id="src", title=source_title)
    ev = src.text.index(sentence)
    out = []
    for qid, fmt, prompt, answer, choices in questions:
        start = src.text.index(answer, ev)
        q = Question(
            id=qid, kind="who", format=fmt, prompt=prompt,
            answer=Answer(text=answer, source_id=src.id, start=start, end=start + len(answer)),
            evidence=Evidence(start=ev, end=ev + len(sentence)),
            choices=[Choice(text=c, correct=c == answer) for c in choices] if choices else None,
            score=0.5,
        )
        assert problems(q, src) == [], problems(q, src)
        out.append(q)
    return Quiz(title=title, sources=[src], questions=out)


# A source sentence with every GIFT special character except "}" inside the answers.
SPECIAL = "Ann ~Lee= #1 wrote C:\\Temp\\{x at 10:30 = noon, said {Bo} ~ Cy # 2."
SPECIAL_QUIZ_QUESTIONS = [
    ("sa:1", "short_answer", "Who wrote C:\\Temp\\{x} at 10:30 = noon {really} ~ # ?", "Ann ~Lee= #1", None),
    ("mc#2", "multiple_choice", "Who:: said {Bo}?", "Ann ~Lee= #1", ["Ann ~Lee= #1", "Dee=Dee", "E~{F", "G#H: \\I"]),
    ("cz{3", "cloze", "_____ wrote C:\\Temp\\{x at 10:30.", "Ann ~Lee= #1", None),
]


# ------------------------------------------------------------------ tests


def test_sample_quiz_reads_back_as_moodle_reads_it():
    quiz = sample_quiz()
    parsed = read_gift(to_gift(quiz))
    assert len(parsed) == len(quiz.questions)
    for q, g in zip(quiz.questions, parsed):
        assert g["title"] == q.id and g["format"] == "plain"
        answers = [(mark, text) for mark, text, _fb in g["answers"]]
        if q.format == "multiple_choice":
            assert g["type"] == "multichoice"
            assert answers == [("=" if c.correct else "~", c.text) for c in q.choices]
            assert g["before"] == q.prompt and g["after"] == ""
        else:
            assert g["type"] == "shortanswer"
            assert answers == [("=", f) for f in answer_forms(q)]
        if q.format == "short_answer":
            assert g["before"] == q.prompt and g["after"] == ""
        if q.format == "cloze":  # missing-word layout: the block stands where the blank was
            assert " ".join(filter(None, [g["before"], "_____", g["after"]])) == q.prompt
        assert g["feedback"].startswith("Evidence: ")


def test_short_answers_accept_every_form():
    cloze = sample_quiz().questions[2]
    assert answer_forms(cloze) == ["Nearly 3,500", "3,500", "3500"]
    g = read_gift(to_gift(sample_quiz()))[2]
    assert [text for _m, text, _fb in g["answers"]] == ["Nearly 3,500", "3,500", "3500"]


def test_numeric_value_and_article_free_form_are_accepted():
    q = sample_quiz().questions[0]
    q = q.model_copy(update={"answer": q.answer.model_copy(update={"text": "the 553", "value": 553.0})})
    assert answer_forms(q) == ["the 553", "553"]


def test_special_characters_round_trip():
    quiz = make_quiz(SPECIAL, SPECIAL_QUIZ_QUESTIONS, title="T: {x} ~ = #", source_title="S: #1 ~ {x")
    sa, mc, cz = read_gift(to_gift(quiz))
    assert [g["title"] for g in (sa, mc, cz)] == ["sa:1", "mc#2", "cz{3"]
    assert sa["before"] == SPECIAL_QUIZ_QUESTIONS[0][2]
    assert [t for _m, t, _f in sa["answers"]] == ["Ann ~Lee= #1"]
    assert mc["before"] == "Who:: said {Bo}?"
    assert [(m, t) for m, t, _f in mc["answers"]] == [
        ("=", "Ann ~Lee= #1"), ("~", "Dee=Dee"), ("~", "E~{F"), ("~", "G#H: \\I")]
    assert cz["before"] == "" and cz["after"] == "wrote C:\\Temp\\{x at 10:30."
    assert [t for _m, t, _f in cz["answers"]] == ["Ann ~Lee= #1"]


def test_every_special_character_round_trips_the_way_moodle_reads_it():
    sentence = "Dr. {Brace} ~Tilde= wrote #5 at C:\\x\\}y* on 1:2, then left."
    quiz = make_quiz(
        sentence,
        [
            ("a", "short_answer", "Who wrote #5 at C:\\x\\}y* {on} 1:2?", "Dr. {Brace} ~Tilde=", None),
            ("b", "multiple_choice", "Where {did} Dr. write?", "C:\\x\\}y*", ["}Zed{", "C:\\x\\}y*", "~=#:\\Q"]),
            ("c", "cloze", "Dr. {Brace} wrote #5 at _____ on 1:2.", "C:\\x\\}y*", None),
        ],
    )
    a, b, c = read_gift(to_gift(quiz))
    assert a["title"] == "a" and a["format"] == "plain"
    assert a["before"] == "Who wrote #5 at C:\\x\\}y* {on} 1:2?"
    assert [(m, t) for m, t, _f in a["answers"]] == [("=", "Dr. {Brace} ~Tilde=")]
    assert [(m, t) for m, t, _f in b["answers"]] == [("~", "}Zed{"), ("=", "C:\\x\\}y*"), ("~", "~=#:\\Q")]
    assert (c["before"], c["after"]) == ("Dr. {Brace} wrote #5 at", "on 1:2.")
    # In short answers "*" is escaped for Moodle's wildcard matching (read back as "\\*")
    assert [(m, t) for m, t, _f in c["answers"]] == [("=", "C:\\x\\}y\\*")]
    assert a["feedback"] == f"Evidence: {sentence} (Source: Source)"


def test_a_closing_brace_inside_an_answer_reads_back():
    quiz = make_quiz("Ann {Lee} wrote it.", [("a", "short_answer", "Who wrote it?", "Ann {Lee}", None)])
    (g,) = read_gift(to_gift(quiz))
    assert [t for _m, t, _f in g["answers"]] == ["Ann {Lee}"]


@pytest.mark.parametrize("bad, why", [
    ("Who wrote {it}? {=Ann}", "answer block"),
    ("Who wrote it? {=Ann} {=Bo}", "answer block"),
    ("Who = wrote it? {=Ann}", "outside the answer block"),
    ("Who wrote it? {Ann}", "does not start"),
    ("Who wrote it? {~Ann ~Bo}", "no right answer"),
    ("Who wrote it? {=Ann =Bo ~Cy}", "more than one right answer"),
    ("Who wrote \\x? {=Ann}", "unknown escape"),
    ("[rtf]Who wrote it? {=Ann}", "unknown format"),
])
def test_the_strict_reader_refuses_what_moodle_would_misread(bad, why):
    with pytest.raises(GiftError, match=why):
        read_question(bad)


def test_multiline_text_stays_inside_one_question():
    sentence = "Ann Lee\nwrote it\n\nin 1999."
    src_quiz = make_quiz(sentence, [("a", "short_answer", "Who wrote\n\nit?", "Ann Lee", None)])
    (g,) = read_gift(to_gift(src_quiz))
    assert g["before"] == "Who wrote it?"
    assert "Evidence: Ann Lee wrote it in 1999." in g["feedback"]


def test_escape_escapes_each_special_character():
    assert escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"


def test_export_is_deterministic(tmp_path):
    assert to_gift(sample_quiz()) == to_gift(sample_quiz())
    write_gift(sample_quiz(), tmp_path / "quiz.gift")
    assert (tmp_path / "quiz.gift").read_text(encoding="utf-8") == to_gift(sample_quiz())


def test_empty_quiz_has_no_questions():
    quiz = sample_quiz().model_copy(update={"questions": []})
    assert read_gift(to_gift(quiz)) == []

"""Any text at all through the library: a grounded quiz, or quizgen's own error, nothing else.

``quizgen.generate`` takes any ``str`` a caller has: control characters, lone surrogates,
NULs, BOMs, CR line ends, markup, scripts. It normalises the text
(:func:`quizgen.pipeline.normalise_text`) and stores the normalised text in the quiz;
every answer must index into that stored text (DESIGN.md, "Grounding invariant").
"""

import json

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

import quizgen
from quizgen.grounding import quiz_problems
from quizgen.models import Quiz
from quizgen.pipeline import normalise_text

# Text with names, numbers and dates in it, so that questions are made, with any characters between.
JUNK = ["{{c1::x}}", "{{FrontSide}}", "<script>alert(1)</script>", "<b>", "&amp;", "\r\n", "\r", "\n\n",
        "\ufeff", "\x00", "\ud800", "\udfff", "\x0b", "\x1c", "\x85", "\u2028", "\t", "::", "\u00e9",
        "\u4e2d\u6587", "\U0001f600", "e\u0301", '"', "(", ")"]
junk = st.one_of(st.just(" "), st.sampled_from(JUNK).map(lambda j: f" {j} "), st.text(max_size=3).map(lambda t: f" {t} "))
SENTENCE = ["Anna Novak", "built", "300", "houses", "in", "Lisbon", "in", "March", "1998", "."]


@st.composite
def sentences(draw):
    words = SENTENCE if draw(st.booleans()) else ["Pope Francis", "visited", "Cuba", "in", "2015", "."]
    return "".join(w + draw(junk) for w in words)


wordy = st.lists(sentences(), min_size=1, max_size=4).map(" ".join)
# st.text() draws from every code point Python allows in a str: control characters, and lone surrogates too.
anything = st.one_of(st.text(), st.text(alphabet=st.characters(codec=None, categories=None)), wordy)


def check(text: str) -> None:
    try:
        quiz = quizgen.generate(text, source_id="any")
    except quizgen.QuizgenError as e:
        event("QuizgenError")
        assert str(e) and "\n" not in str(e)
        return
    assert isinstance(quiz, Quiz)
    event("questions" if quiz.questions else "no questions")
    assert quiz_problems(quiz) == []
    (source,) = quiz.sources
    assert source.text == normalise_text(text)
    for q in quiz.questions:
        assert source.text[q.answer.start : q.answer.end] == q.answer.text
    # what is written can be read back: JSON never fails on what the quiz holds
    again = Quiz.from_json(quiz.to_json())
    assert again == quiz
    json.loads(quiz.to_json())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(anything)
@example("")
@example("   \n\t ")
@example("\ud800Anna Novak\udfff built 300 houses in Lisbon in 1998.")
@example("\ufeffAnna Novak built 300 houses\r\nin Lisbon in 1998.\r")
@example("Anna\x00 Novak built 300 houses in Lisbon in 1998.\x00")
@example("Anna Novak\x0b built\x1c 300 houses\x85 in Lisbon\u2028 in 1998.")
@example("<script>alert('Anna Novak 1998')</script> {{c1::Anna Novak}} built 300 houses in {{Lisbon}} in 1998.")
def test_any_text_gives_a_grounded_quiz_or_a_quizgen_error(text):
    check(text)


def test_a_text_that_is_not_a_str_is_a_quizgen_error():
    for bad in (b"Anna Novak", None, 1998):
        try:
            quizgen.generate(bad, source_id="any")  # type: ignore[arg-type]
        except quizgen.QuizgenError as e:
            assert "must be a str" in str(e)
        else:  # pragma: no cover
            raise AssertionError(f"{bad!r} was accepted")


def test_answers_index_into_the_normalised_text():
    quiz = quizgen.generate("\ufeffAnna\x00 Novak built 300 houses in Lisbon in 1998.\ud800\r\nIt rained.\r", source_id="t")
    text = quiz.sources[0].text
    assert text == "Anna Novak built 300 houses in Lisbon in 1998.\nIt rained.\n"
    assert quiz.questions
    assert {text[q.answer.start : q.answer.end] for q in quiz.questions} >= {"Anna Novak", "300", "1998"}

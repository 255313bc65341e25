"""The grounding invariant (DESIGN.md), checked by hypothesis over generated texts and over every shipped text."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quizgen
from quizgen.grounding import normalise, quiz_problems

FIRST = ["Anna", "Jorge", "Mei", "Tomas", "Aisha", "Pierre", "Olga", "Kwame", "Sofia", "Ivan"]
LAST = ["Novak", "Garcia", "Chen", "Okafor", "Dubois", "Larsen", "Haddad", "Silva", "Kowalski", "Moreau"]
PLACES = ["Lisbon", "Nairobi", "Toronto", "Kyoto", "Lima", "Oslo", "Cairo", "Perth", "Quito", "Riga"]
ORGS = ["the Red Cross", "Siemens", "the World Bank", "Interpol", "Unesco"]
MONTHS = ["January", "March", "June", "September", "November"]
NOUNS = ["prisoners", "students", "houses", "trees", "votes", "workers", "books"]
VERBS = ["released", "counted", "built", "planted", "won", "hired", "sold"]

person = st.builds(lambda f, l: f"{f} {l}", st.sampled_from(FIRST), st.sampled_from(LAST))
number = st.one_of(st.integers(2, 999).map(str), st.integers(1000, 99999).map(lambda n: f"{n:,}"))
date = st.one_of(
    st.integers(1900, 2030).map(str),
    st.builds(lambda m, y: f"{m} {y}", st.sampled_from(MONTHS), st.integers(1900, 2030)),
    st.builds(lambda m, d, y: f"{m} {d}, {y}", st.sampled_from(MONTHS), st.integers(1, 28), st.integers(1900, 2030)),
)
place = st.sampled_from(PLACES)
noise = st.text(alphabet=string.ascii_letters + string.digits + " ,.;:'\"()-{}<>&\n", max_size=40)

sentence = st.one_of(
    st.builds(lambda p, v, n, k, pl, d: f"{p} {v} {n} {k} in {pl} in {d}.", person, st.sampled_from(VERBS), number,
              st.sampled_from(NOUNS), place, date),
    st.builds(lambda p, o, d: f"In {d}, {p} joined {o}.", person, st.sampled_from(ORGS), date),
    st.builds(lambda n, k, pl: f"About {n} {k} were counted in {pl} last year.", number, st.sampled_from(NOUNS), place),
    st.builds(lambda p, pl: f"{p} was born in {pl}.", person, place),
    st.builds(lambda p, q, d: f"{p} met {q} on {d}, officials said.", person, person, date),
    noise,
)
texts = st.lists(sentence, min_size=1, max_size=6).map(" ".join)


def assert_grounded(quiz):
    assert quiz_problems(quiz) == []
    for q in quiz.questions:
        src = quiz.source(q.answer.source_id)
        assert src.text[q.answer.start : q.answer.end] == q.answer.text
        assert q.evidence.start <= q.answer.start < q.answer.end <= q.evidence.end
        assert normalise(q.answer.text) not in normalise(q.prompt).split(" ") or f" {normalise(q.answer.text)} " not in f" {normalise(q.prompt)} "
        if q.format == "multiple_choice":
            assert sum(c.correct for c in q.choices) == 1
            assert [c.text for c in q.choices if c.correct] == [q.answer.text]
            for c in q.choices:
                if not c.correct:
                    na, nc = normalise(q.answer.text), normalise(c.text)
                    assert nc != na and f" {na} " not in f" {nc} " and f" {nc} " not in f" {na} "
    ids = [q.id for q in quiz.questions]
    assert len(ids) == len(set(ids))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_every_question_on_generated_text_is_grounded(text):
    assert_grounded(quizgen.generate(text, source_id="generated"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_question_ids_are_stable_across_runs(text):
    a = quizgen.generate(text, source_id="generated")
    b = quizgen.generate(text, source_id="generated")
    assert a.to_json() == b.to_json()


def test_every_question_on_shipped_texts_is_grounded(corpus_quiz):
    assert len(corpus_quiz.questions) > 40
    assert_grounded(corpus_quiz)


def test_each_shipped_text_yields_questions(corpus_quiz):
    for src in corpus_quiz.sources:
        assert any(q.answer.source_id == src.id for q in corpus_quiz.questions), src.id


def test_generated_texts_do_yield_questions():
    quiz = quizgen.generate("Anna Novak built 300 houses in Lisbon in March 1998.", source_id="t")
    assert {q.answer.text for q in quiz.questions} >= {"Anna Novak", "300", "March 1998"}

"""Question shapes, one behaviour per test (DESIGN.md lessons 2, 3, 5, 6)."""

import pytest

import quizgen
from candidates import candidate_prompts, with_whom, with_where
from quizgen.facts.values import date_value, number_value


def prompts(text, **kw):
    quiz = quizgen.generate(text, source_id="t", **kw)
    return {q.prompt: q.answer.text for q in quiz.questions if q.format != "cloze"}


def ask(text, answer, **kw):
    found = [p for p, a in prompts(text, **kw).items() if a == answer]
    assert found, f"no wh-question for {answer!r}: {prompts(text)}"
    return found[0]


def test_subject_question_replaces_the_subject():
    assert ask("Fidel Castro released 200 political prisoners from the jails of Havana.", "Fidel Castro") == \
        "Who released 200 political prisoners from the jails of Havana?"


def test_object_question_uses_do_support_and_the_lemma():
    assert ask("Fidel Castro released 200 prisoners in 1998.", "1998") == "In what year did Fidel Castro release 200 prisoners?"


def test_how_many_moves_the_counted_noun():
    assert ask("Fidel Castro released 200 prisoners in Havana.", "200") == "How many prisoners did Fidel Castro release in Havana?"


def test_reported_speech_keeps_the_reporter():
    assert ask("Cuba said it will release 553 prisoners.", "553") == "How many prisoners did Cuba say it will release?"


def test_existing_auxiliary_is_inverted():
    assert ask("Anna Novak will open a bakery in Lisbon.", "Lisbon", templates=with_where()) == \
        "Where will Anna Novak open a bakery?"


def test_passive_keeps_its_auxiliary():
    # (the year stays: a number holds for its time, even when another question asks the year)
    assert ask("In 2003, 75 dissidents were released after talks.", "75") == "How many dissidents were released after talks in 2003?"


def test_time_phrase_that_answers_a_sibling_question_is_left_out():
    text = "In 1998, Fidel Castro met the Pope at the Vatican."
    assert ask(text, "Fidel Castro") == "Who met the Pope at the Vatican?"
    assert ask(text, "1998") == "In what year did Fidel Castro meet the Pope at the Vatican?"


def test_a_variant_too_short_to_say_anything_is_not_used():
    # "Who met the Pope in Havana?" would not give 1998 away, but a who-question of six words says too little
    assert ask("In 1998, Fidel Castro met the Pope in Havana.", "Fidel Castro") == "Who met the Pope in Havana in 1998?"


def test_a_who_question_of_six_words_or_fewer_is_not_asked():
    assert "Fidel Castro" not in prompts("Fidel Castro met the Pope in 1998.").values()
    assert "1998" in prompts("Fidel Castro met the Pope in 1998.").values()  # "when" keeps its event whole


def test_copula_is_fronted():
    assert ask("The FARC leaders were in Havana for peace talks.", "Havana", templates=with_where()) == \
        "Where were the FARC leaders for peace talks?"


def test_where_absorbs_the_locative_preposition():
    assert ask("Pierre Curie died in Paris in 1906.", "Paris", templates=with_where()).startswith("Where did Pierre Curie die")


def test_places_are_asked_as_fill_in_the_blank_by_default():
    quiz = quizgen.generate("Pierre Curie died in a street accident in Paris in 1906. Marie Curie worked as a governess "
                            "in Warsaw in 1890.", source_id="t")
    assert not [q for q in quiz.questions if q.prompt.startswith("Where")]
    assert "Paris" in {q.answer.text for q in quiz.questions if q.format == "cloze"}


def test_a_verb_the_tagger_lemmatised_wrongly_gets_no_question():
    from quizgen.nlp.model import load_model
    from quizgen.questions.syntax import lemma_fits

    doc = load_model()("The RFU recently fined Northampton coach Budge Pountney £2,000. They stopped and visited Rome.")
    fined, stopped, visited = (next(t for t in doc if t.text == w) for w in ("fined", "stopped", "visited"))
    assert fined.lemma_ == "fin" and not lemma_fits(fined)  # "did the RFU fin ...?"
    assert lemma_fits(stopped) and lemma_fits(visited)
    assert not [p for p in prompts("The RFU recently fined Northampton coach Budge Pountney £2,000 in 2004.") if " fin " in p]


def test_a_question_holding_another_value_of_the_answers_measure_is_dropped():
    found = [(p, why) for p, a, why in candidate_prompts("The share of IE has dropped by 5% to 88.9%.")
             if a == "88.9%" and p.endswith("?")]
    assert found and all("same measure" in (why or "") for _p, why in found), found


def test_to_whom_keeps_the_preposition():
    text = "Miguel Diaz-Canel sent a letter to Pope Francis."
    assert ask(text, "Pope Francis", templates=with_whom()) == "To whom did Miguel Diaz-Canel send a letter?"
    assert "Pope Francis" not in prompts(text).values()  # not by default: templates/questions.toml says why


def test_weekday_is_asked_as_on_what_day_and_then_dropped_as_trivial():
    found = [(p, why) for p, a, why in candidate_prompts("Cuba on Tuesday said it will release 553 prisoners.") if a == "Tuesday"]
    assert ("On what day did Cuba say it will release 553 prisoners?", "trivial: a weekday") in found
    assert "Tuesday" not in {a for a in prompts("Cuba on Tuesday said it will release 553 prisoners.").values()}


def test_leading_attribution_is_dropped():
    p = ask("According to a statement, Maria Lopez opened a shop in Lisbon.", "Lisbon", templates=with_where())
    assert "According" not in p and p == "Where did Maria Lopez open a shop?"


def test_appositive_is_dropped():
    p = ask("Maria Lopez, a baker from Porto, opened a shop in Lisbon in 2009.", "2009")
    assert "baker" not in p


def test_non_restrictive_relative_clause_becomes_its_own_question():
    assert ask("Trump, who takes office on Jan. 20, may seek new sanctions.", "Jan. 20") == "When does Trump take office?"


def test_unresolvable_pronoun_subject_gives_no_question():
    text = "Anna Novak met Olga Larsen in Oslo. She moved to Lima in 2004."
    assert not any("2004" == a for a in prompts(text).values())


def test_no_name_is_put_in_for_a_pronoun():
    # a wrong name for "she" would teach a falsehood (issue 15): the cloze shows the sentence before instead
    text = "Anna Novak grew up in Oslo. She moved to Lima in 2004."
    quiz = quizgen.generate(text, source_id="t")
    assert not [q for q in quiz.questions if q.answer.text == "2004" and q.format != "cloze"]
    (cloze,) = [q for q in quiz.questions if q.answer.text == "2004"]
    assert cloze.prompt == "Anna Novak grew up in Oslo. She moved to Lima in _____."


def test_no_question_is_longer_than_30_words(corpus_quiz):
    assert max(len(q.prompt.split()) for q in corpus_quiz.questions if q.format != "cloze") <= 30


def test_possessive_is_stripped_and_title_kept(seed_quiz):
    answers = {q.answer.text for q in seed_quiz.questions}
    assert "Pope John Paul II" in answers and not any(a.endswith("'s") for a in answers)


def test_short_name_takes_the_fullest_mention_and_its_label():
    seed_quiz = quizgen.generate("Cuban President Miguel Diaz-Canel sent a letter to Pope Francis in May. "
                                 "The Vatican praised Diaz-Canel for the decision to free 553 prisoners.", source_id="t",
                                 min_score=0)  # every question that passed the gate, whatever its score
    q = next(q for q in seed_quiz.questions if q.answer.text == "Diaz-Canel")
    assert q.kind == "who"  # tagged ORG in that sentence, PERSON as "Miguel Diaz-Canel"
    assert "Miguel Diaz-Canel" in q.answer.accepted
    for other in seed_quiz.questions:
        if other.choices and other.answer.text in ("Diaz-Canel", "Miguel Diaz-Canel"):
            assert not {c.text for c in other.choices if not c.correct} & {"Diaz-Canel", "Miguel Diaz-Canel"}


def test_dateline_and_byline_are_not_facts():
    quiz = quizgen.generate("By Jane Doe\n\nLONDON -- Olga Larsen won 3 medals in Oslo in 2004.", source_id="t")
    assert "Jane Doe" not in {q.answer.text for q in quiz.questions}
    assert "LONDON" not in {q.answer.text for q in quiz.questions}


def test_multiple_choice_distractors_are_same_kind_and_deterministic(seed_quiz):
    q = next(q for q in seed_quiz.questions if q.answer.text == "1998")
    wrong = [c.text for c in q.choices if not c.correct]
    assert len(wrong) == 3 and all(w.isdigit() and len(w) == 4 for w in wrong)


def test_numeric_neighbours_keep_format():
    from quizgen.questions.distractors import numeric_neighbours

    assert numeric_neighbours("553")[:3] == ["535", "653", "453"]
    assert all(n.startswith("Nearly ") and "," in n for n in numeric_neighbours("Nearly 3,500"))


def test_text_without_entities_gives_an_empty_quiz():
    assert quizgen.generate("the cat sat on the mat and it was nice.", source_id="t").questions == []


@pytest.mark.parametrize("text,value", [("Nearly 3,500", (3500, "nearly")), ("553", (553, None)),
                                        ("$2.65 million", (2650000, None)), ("two", (2, None))])
def test_number_values(text, value):
    assert number_value(text) == value


@pytest.mark.parametrize("text,value", [("January 2021", ("2021-01", "month")), ("1998", ("1998", "year")),
                                        ("Jan. 20", ("--01-20", "date")), ("Tuesday", ("Tuesday", "weekday")),
                                        ("July 16, 1969", ("1969-07-16", "date")), ("today", (None, "relative"))])
def test_date_values(text, value):
    assert date_value(text) == value


def test_the_numbers_own_around_goes_with_it():
    # held-out batch 39: "How many around people did the Labs house?"
    prompt = ask("The Labs housed around 100 people in Dublin in 2003, the Media Lab said.", "100")
    assert prompt.startswith("How many people did the Labs house"), prompt

"""The learned score (quizgen/questions/learned.py): a probability from shipped weights, used to rank and to floor."""

import json

import pytest

import quizgen
from quizgen.questions import learned
from quizgen.nlp.model import parse

TEXT = ("Cuban President Miguel Diaz-Canel sent a letter to Pope Francis in May 2024. "
        "Later, the Vatican praised Diaz-Canel for the decision to free 553 prisoners. "
        "Some were released in Havana on Tuesday, and similar releases followed in 2025.")


def test_the_shipped_weights_are_a_fitted_model_of_the_review_verdicts():
    model = learned.weights()
    assert model["items"] >= 1000 and 0 < model["accepted"] < model["items"]
    assert model["cross_validated_auc"] > 0.6  # better than chance on articles left out of the fit
    assert {"fmt_cloze", "wh_who", "label_person", "prompt_words"} <= set(model["weights"])


def test_every_emitted_score_is_the_models_probability_for_that_question():
    quiz = quizgen.generate(TEXT, source_id="t", min_score=0)
    doc = parse(TEXT)
    d = learned.DocFeatures(doc)
    assert quiz.questions
    for q in quiz.questions:
        feats = d.features(q.answer.start, q.answer.end, q.format, q.prompt,
                           q.evidence.start if q.format == "cloze" else None)
        assert feats["fmt_" + q.format] == 1.0
        assert 0.0 <= q.score <= 1.0
        # the topic and title words are the gate's; without them the probability may differ a little
        assert abs(q.score - learned.probability(feats)) < 0.15


def test_features_describe_the_span_and_the_prompt():
    doc = parse(TEXT)
    d = learned.DocFeatures(doc)
    start = TEXT.index("553")
    f = d.features(start, start + 3, "short_answer", "How many prisoners did the Vatican praise?")
    assert f["wh_how_many"] == 1.0 and f["label_number"] == 1.0
    start = TEXT.index("Havana")
    f = d.features(start, start + len("Havana"), "cloze", TEXT[TEXT.index("Some"):].replace("Havana", "_____", 1))
    assert f["label_place"] == 1.0 and f["comparing_word"] == 1.0
    assert f.get("opens_determiner") or f.get("opens_pronoun")  # "Some were released": some what?
    assert f["position"] == 1.0 and "first_sentence" not in f
    assert d.features(0, 0, "cloze", "_____") == {}  # no span: no features


@pytest.mark.parametrize("floor", [0.0, 0.5, 0.7, 0.9])
def test_min_score_keeps_only_questions_at_or_above_it(floor):
    quiz = quizgen.generate(TEXT, source_id="t", min_score=floor)
    assert all(q.score >= floor for q in quiz.questions)


def test_the_default_floor_is_the_documented_one(tmp_path):
    assert learned.DEFAULT_MIN_SCORE == 0.5
    everything = quizgen.generate(TEXT, source_id="t", min_score=0)
    default = quizgen.generate(TEXT, source_id="t")
    assert {q.id for q in default.questions} <= {q.id for q in everything.questions}


def test_explain_reports_the_score_of_every_candidate_that_passed_the_gate(tmp_path):
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    rows = quizgen.explain_files(tmp_path / "t.txt")
    assert rows and all((r["score"] is None) == (r["reason"] is not None and not r["reason"].startswith("ranked out"))
                        for r in rows)
    json.dumps(rows)  # plain data

"""The seed article: its key facts (tests/data, copied from the gold file) are asked about."""


def _covered(fact, quiz):
    for q in quiz.questions:
        for s, e in fact["occurrences"]:
            if q.answer.start < e and s < q.answer.end:
                return True
    return False


def test_seed_covers_all_21_key_facts(seed_quiz, gold):
    key = [f for f in gold["facts"] if not f.get("minor")]  # "minor": side details a quiz need not ask
    missing = [f["answer"] for f in key if not _covered(f, seed_quiz)]
    assert len(key) == 21
    assert missing == []


def test_seed_gold_offsets_match_the_seed_text(seed_text, gold):
    for f in gold["facts"]:
        for s, e in f["occurrences"]:
            assert seed_text[s:e] == f["answer"]


def test_seed_how_many_question_reads_like_the_example(seed_quiz):
    prompts = {q.prompt for q in seed_quiz.questions}
    assert "How many prisoners did Cuba say it will release?" in prompts


def test_seed_questions_use_all_three_forms(seed_quiz):
    assert {q.format for q in seed_quiz.questions} == {"short_answer", "multiple_choice", "cloze"}


def test_seed_has_all_four_kinds(seed_quiz):
    assert {q.kind for q in seed_quiz.questions} == {"who", "when", "how_many", "where"}

"""`quizgen validate`: schema and grounding errors with the line numbers of the JSON text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen.errors import InputError
from quizgen.export.validate import validate_file, validate_text

DATA = Path(__file__).parent / "data"
SAMPLE = (DATA / "sample-quiz.json").read_text(encoding="utf-8")


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    pos = -1
    for _ in range(occurrence):
        pos = text.index(needle, pos + 1)
    return text.count("\n", 0, pos) + 1


def question_line(text: str, index: int) -> int:
    """The line where questions[index]'s object starts (found independently: the line above its id)."""
    ids = [q["id"] for q in json.loads(text)["questions"]]
    occurrence = ids[: index + 1].count(ids[index])
    return line_of(text, f'"id": "{ids[index]}"', occurrence) - 1


def test_the_sample_quiz_is_valid(tmp_path):
    assert validate_text(SAMPLE) == []
    assert validate_file(DATA / "sample-quiz.json") == []


def test_a_syntax_error_gives_its_line_and_column():
    broken = SAMPLE.replace('"kind": "who",', '"kind": "who"', 1)
    (err,) = validate_text(broken)
    line = line_of(broken, '"format": "multiple_choice"')
    assert err.startswith(f"{line}: not valid JSON:")
    assert "column" in err


def test_a_moved_answer_span_is_reported_at_its_question():
    edited = SAMPLE.replace('"start": 1271', '"start": 1270')
    (err,) = validate_text(edited)
    assert err == (
        f"{question_line(edited, 1)}: questions[1] (q-who-mc): "
        "answer.text 'Mike Pompeo' is not the source span ' Mike Pompeo'"
    )


def test_every_grounding_problem_is_listed_in_line_order():
    data = json.loads(SAMPLE)
    data["questions"][0]["prompt"] = "How many? 553"
    data["questions"][2]["evidence"] = {"start": 2050, "end": 2060}
    data["questions"][1]["choices"][0]["correct"] = True
    text = json.dumps(data, indent=2)
    errors = validate_text(text)
    assert [e.split(":")[0] for e in errors] == [
        str(question_line(text, 0)),
        str(question_line(text, 1)),
        str(question_line(text, 2)),
    ]
    assert "prompt contains the answer '553'" in errors[0]
    assert "2 correct choices, expected 1" in errors[1]
    assert "evidence 2050..2060 does not contain the answer" in errors[2]


def test_schema_errors_point_at_the_field():
    edited = SAMPLE.replace('"score": 0.8', '"score": 1.8').replace('"kind": "how_many",', '"kind": "why",', 1)
    kind_line, score_line = line_of(edited, '"kind": "why"'), line_of(edited, '"score": 1.8')
    assert validate_text(edited) == [
        f"{kind_line}: questions[0].kind: Input should be 'who', 'when', 'how_many' or 'where'",
        f"{score_line}: questions[1].score: Input should be less than or equal to 1",
    ]


def test_missing_and_unknown_fields_are_named():
    data = json.loads(SAMPLE)
    del data["questions"][2]["prompt"]
    data["questions"][2]["hint"] = "think"
    text = json.dumps(data, indent=2)
    hint_line = line_of(text, '"hint"')
    assert validate_text(text) == [
        f"{question_line(text, 2)}: questions[2]: missing field 'prompt'",
        f"{hint_line}: questions[2]: unknown field 'hint'",
    ]


def test_an_edited_source_text_no_longer_matches_its_hash():
    edited = SAMPLE.replace("Cuba on Tuesday said", "Cuba on Tuesday  said")
    errors = validate_text(edited)
    line = line_of(edited, '"sha256"')
    assert errors[0].startswith(f"{line}: sources[0] (cuba-prisoner-release): sha256 is not")
    assert len(errors) == 1 + 3  # and every answer after the edit has moved


def test_duplicate_question_ids_and_unknown_sources():
    data = json.loads(SAMPLE)
    data["questions"][2]["id"] = "q-how-many-sa"
    data["questions"][1]["answer"]["source_id"] = "elsewhere"
    text = json.dumps(data, indent=2)
    assert validate_text(text) == [
        f"{question_line(text, 1)}: questions[1] (q-who-mc): unknown source 'elsewhere'",
        f"{question_line(text, 2)}: questions[2] (q-how-many-sa): duplicate question id 'q-how-many-sa'",
    ]


def test_a_future_schema_major_version_is_refused():
    edited = SAMPLE.replace('"schema_version": "1.0"', '"schema_version": "2.0"')
    assert validate_text(edited) == ["2: schema_version '2.0' is not readable by this quizgen (it reads 1.0, 1.1 and 1.2)"]


def test_a_byte_order_mark_is_allowed_and_undecodable_bytes_are_reported(tmp_path):
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    assert validate_file(bom) == []
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{\n  "title": "\xff"\n}\n')
    assert validate_file(bad) == ["2: not UTF-8 text (byte 14)"]


def test_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        validate_file(tmp_path / "nope.json")


def test_not_a_quiz_at_all():
    assert validate_text("[1, 2]") == ["1: quiz: Input should be a valid dictionary or instance of Quiz"]
    assert validate_text("") == ["1: not valid JSON: Expecting value (column 1)"]

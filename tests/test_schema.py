import json
from pathlib import Path

import jsonschema

import quizgen
from quizgen.models import Quiz

SCHEMA_FILE = Path(quizgen.__file__).parent / "quiz.schema.json"


def test_schema_file_equals_what_the_models_generate():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == quizgen.json_schema(), (
        "regenerate with: python -m quizgen schema --write"
    )


def test_generated_quiz_validates_against_the_shipped_schema(seed_quiz):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(seed_quiz.to_json()), schema)


def test_quiz_json_round_trips(seed_quiz):
    assert Quiz.from_json(seed_quiz.to_json()) == seed_quiz


def test_quiz_json_has_the_documented_top_level_keys(seed_quiz):
    data = json.loads(seed_quiz.to_json())
    assert list(data) == ["schema_version", "generator", "title", "sources", "questions"]
    assert data["schema_version"] == quizgen.SCHEMA_VERSION
    assert data["sources"][0]["id"] == "cuba-prisoner-release"
    q = data["questions"][0]
    assert {"id", "kind", "format", "prompt", "answer", "evidence", "tags", "score"} <= set(q)
    assert {"text", "source_id", "start", "end"} <= set(q["answer"])


def test_a_1_0_quiz_without_sections_validates_against_the_1_1_schema(seed_quiz):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = json.loads(seed_quiz.to_json())
    data["schema_version"] = "1.0"
    for s in data["sources"]:
        del s["sections"]
    jsonschema.validate(data, schema)
    assert Quiz.model_validate(data).sources[0].sections == []


def test_the_schema_describes_sections():
    source = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"]["Source"]
    assert "sections" in source["properties"] and "sections" not in source.get("required", [])
    section = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"]["Section"]
    assert section["required"] == ["start", "end", "label"]

"""A teacher's decisions (decisions.json): the format, applying it in the library and through
``quizgen generate --decisions``, the grounding invariant of edited questions, Anki updates."""

from __future__ import annotations

import json
import time
import types
from pathlib import Path

import genanki
import genanki.package
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import quizgen
from quizgen.cli import app
from quizgen.export.decisions import Decision, Decisions, apply_decisions, parse_decisions
from quizgen.grounding import problems, quiz_problems
from quizgen.models import Quiz

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "cuba-prisoner-release.txt"
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def by_format(quiz: Quiz, fmt: str):
    return [q for q in quiz.questions if q.format == fmt]


def sample_decisions(quiz: Quiz) -> dict:
    """Reject the first short answer and the first cloze, edit a multiple-choice question's
    distractors and a cloze's prompt, keep a short answer as it is, and one stale decision."""
    sa, mc, cl = by_format(quiz, "short_answer"), by_format(quiz, "multiple_choice"), by_format(quiz, "cloze")
    src = quiz.sources[0]
    edited_cloze = cl[1].prompt.replace("_____", "_____ (edited)", 1)
    distractors = [c.text for c in mc[0].choices if not c.correct]
    return {"schema_version": "1.0", "quiz_title": quiz.title, "decisions": [
        {"id": sa[0].id, "decision": "reject", "reason": "unclear", "note": "who is 'he'?",
         "source_id": src.id, "source_sha256": src.sha256},
        {"id": cl[0].id, "decision": "reject", "reason": "trivial"},
        {"id": mc[0].id, "decision": "keep", "choices": ["1,000"] + distractors[1:]},
        {"id": cl[1].id, "decision": "keep", "prompt": edited_cloze},
        {"id": sa[1].id, "decision": "keep"},
        {"id": "0000000000gone000000", "decision": "reject", "reason": "wrong"},
    ]}


# -- the format ---------------------------------------------------------------------------

def test_the_shipped_schema_equals_the_models_and_the_cli_prints_it():
    shipped = json.loads((ROOT / "quizgen" / "decisions.schema.json").read_text(encoding="utf-8"))
    assert shipped == quizgen.decisions_schema(), "regenerate: python -m quizgen schema --decisions"
    r = run("schema", "--decisions")
    assert r.exit_code == 0 and json.loads(r.stdout) == shipped
    jsonschema.Draft202012Validator.check_schema(shipped)


def test_a_minimal_file_and_a_full_file_validate_against_the_schema(seed_quiz):
    schema = quizgen.decisions_schema()
    jsonschema.validate({"schema_version": "1.0", "decisions": [{"id": "x", "decision": "reject"}]}, schema)
    jsonschema.validate(sample_decisions(seed_quiz), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"schema_version": "1.0", "decisions": [{"id": "x", "decision": "maybe"}]}, schema)


@pytest.mark.parametrize("text, message", [
    ("{", "not valid JSON"),
    ('{"schema_version": "2.0", "decisions": []}', "schema_version '2.0' is not readable"),
    ('{"schema_version": "1.0", "decisions": [{"id": "a", "decision": "maybe"}]}', "decisions[0].decision"),
    ('{"schema_version": "1.0", "decisions": [{"id": "a", "decision": "keep", "colour": 1}]}',
     "decisions[0]: unknown field 'colour'"),
    ('{"schema_version": "1.0", "decisions": [{"decision": "keep"}]}', "decisions[0]: missing field 'id'"),
    ('{"schema_version": "1.0", "decisions": [], "extra": 1}', "unknown field 'extra'"),
    ('{"schema_version": "1.0", "decisions": [{"id": "a", "decision": "keep"}, {"id": "a", "decision": "reject"}]}',
     "id 'a' is decided twice"),
    ('{"schema_version": "1.0", "decisions": [{"id": "a", "decision": "reject", "reason": "boring"}]}',
     "decisions[0].reason"),
])
def test_a_bad_file_is_one_clear_line(text, message):
    with pytest.raises(quizgen.InputError) as e:
        parse_decisions(text, "d.json")
    assert message in str(e.value) and "\n" not in str(e.value) and str(e.value).startswith("d.json: ")


# -- applying them in the library ---------------------------------------------------------

def test_apply_drops_rejected_edits_and_marks_kept_questions(seed_quiz):
    d = sample_decisions(seed_quiz)
    ids = [x["id"] for x in d["decisions"]]
    out, report = seed_quiz.apply_decisions(d)
    out_ids = [q.id for q in out.questions]
    assert ids[0] not in out_ids and ids[1] not in out_ids
    assert report.rejected == sorted(ids[:2], key=[q.id for q in seed_quiz.questions].index)
    mc = next(q for q in out.questions if q.id == ids[2])
    assert mc.reviewed and mc.edited and "reviewed" in mc.tags
    assert "1,000" in [c.text for c in mc.choices] and [c.text for c in mc.choices if c.correct] == [mc.answer.text]
    cloze = next(q for q in out.questions if q.id == ids[3])
    assert cloze.prompt.count("_____") == 1 and "(edited)" in cloze.prompt and cloze.edited
    kept = next(q for q in out.questions if q.id == ids[4])
    assert kept.reviewed and not kept.edited and kept.prompt == next(q.prompt for q in seed_quiz.questions if q.id == ids[4])
    assert sorted(report.kept) == sorted(ids[2:5]) and sorted(report.edited) == sorted(ids[2:4])
    assert [s.id for s in report.stale] == [ids[5]]
    assert report.stale_line() == f"1 stale decision (questions no longer generated): {ids[5]}"
    assert quiz_problems(out) == []
    assert out.schema_version == "1.2"
    untouched = [q for q in out.questions if q.id not in ids]
    assert untouched and all(not q.reviewed and "reviewed" not in q.tags for q in untouched)
    assert len(out.questions) == len(seed_quiz.questions) - 2


def test_the_same_quiz_and_decisions_give_the_same_bytes_whatever_their_order(seed_quiz):
    d = sample_decisions(seed_quiz)
    shuffled = dict(d, decisions=list(reversed(d["decisions"])))
    a, _ = apply_decisions(seed_quiz, d)
    b, _ = apply_decisions(seed_quiz.model_copy(deep=True), shuffled)
    assert a.to_json() == b.to_json()
    assert Quiz.from_json(a.to_json()) == a  # reviewed and edited are read back


def test_a_reviewed_quiz_round_trips_and_unreviewed_questions_write_no_new_field(seed_quiz):
    data = json.loads(seed_quiz.to_json())
    assert all("reviewed" not in q and "edited" not in q for q in data["questions"])
    out, _ = apply_decisions(seed_quiz, sample_decisions(seed_quiz))
    assert sum("reviewed" in q for q in json.loads(out.to_json())["questions"]) == 3


@pytest.mark.parametrize("edit, why", [
    ({"prompt": "How many? (553)"}, "contains the answer"),
    ({"prompt": "   "}, "the edited prompt is empty"),
    ({"choices": ["553", "1,000"]}, "equals or contains the answer"),
    ({"choices": ["about 553 people"]}, "equals or contains the answer"),
    ({"choices": ["1,000", "1 000"]}, "appears twice"),
    ({"choices": []}, "needs 1 to"),
])
def test_a_violating_multiple_choice_edit_is_reported_and_not_applied(seed_quiz, edit, why):
    mc = next(q for q in by_format(seed_quiz, "multiple_choice") if q.answer.text == "553")
    out, report = apply_decisions(seed_quiz, [dict({"id": mc.id, "decision": "keep"}, **edit)])
    assert [(qid, why in msg) for qid, msg in report.not_applied] == [(mc.id, True)]
    assert next(q for q in out.questions if q.id == mc.id) == mc  # as generated, not marked reviewed
    assert report.kept == [] and len(report.messages()) == 1 and "\n" not in report.messages()[0]


@pytest.mark.parametrize("prompt, why", [
    ("There is no blank here.", "exactly one blank"),
    ("_____ and _____ again.", "exactly one blank"),
])
def test_a_cloze_keeps_exactly_one_blank(seed_quiz, prompt, why):
    cl = by_format(seed_quiz, "cloze")[0]
    out, report = apply_decisions(seed_quiz, [{"id": cl.id, "decision": "keep", "prompt": prompt}])
    assert why in report.not_applied[0][1]
    assert next(q for q in out.questions if q.id == cl.id) == cl


def test_choices_for_a_question_without_choices_are_refused(seed_quiz):
    sa = by_format(seed_quiz, "short_answer")[0]
    _, report = apply_decisions(seed_quiz, [{"id": sa.id, "decision": "keep", "choices": ["x"]}])
    assert "choices given for a short answer question" in report.not_applied[0][1]


def test_a_decision_for_another_source_is_not_applied(seed_quiz):
    q = seed_quiz.questions[0]
    out, report = apply_decisions(seed_quiz, [{"id": q.id, "decision": "reject", "source_id": "elsewhere"}])
    assert q.id in [x.id for x in out.questions] and report.not_applied[0][0] == q.id


def test_a_decision_on_an_earlier_text_still_applies_and_is_reported(seed_quiz):
    q = seed_quiz.questions[0]
    out, report = apply_decisions(seed_quiz, [{"id": q.id, "decision": "reject", "source_sha256": "0" * 64}])
    assert q.id not in [x.id for x in out.questions] and report.changed_source == [q.id]


def test_decisions_as_a_path_and_as_objects(seed_quiz, tmp_path):
    q = seed_quiz.questions[0]
    path = tmp_path / "d.json"
    path.write_text(Decisions(decisions=[Decision(id=q.id, decision="reject")]).to_json(), encoding="utf-8")
    a, _ = quizgen.apply_decisions(seed_quiz, path)
    b, _ = seed_quiz.apply_decisions([Decision(id=q.id, decision="reject")])
    assert a == b and q.id not in [x.id for x in a.questions]


# -- property: random decisions never break the grounding invariant ------------------------

_TEXT_PIECES = st.sampled_from(["553", "Cuba", "Pope Francis", "_____", "the", "prisoners", "1998", "Who", "?", ".",
                                "Nearly 3,500", "Biden", "x", "", " ", "Joe Biden", "2015", "January 2021"])
_TEXT = st.lists(_TEXT_PIECES, max_size=8).map(" ".join)


@st.composite
def decisions_for(draw, quiz: Quiz):
    ids = [q.id for q in quiz.questions]
    chosen = draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))
    out = []
    for qid in chosen:
        out.append({"id": qid, "decision": draw(st.sampled_from(["keep", "reject"])),
                    "prompt": draw(st.none() | _TEXT),
                    "choices": draw(st.none() | st.lists(_TEXT, max_size=5)),
                    "reason": draw(st.none() | st.sampled_from(["wrong", "unclear", "trivial", "more_than_one_answer", "other"]))})
    out += [{"id": f"stale-{i}", "decision": "keep"} for i in range(draw(st.integers(0, 2)))]
    return {"schema_version": "1.0", "decisions": out}


@pytest.fixture(scope="module")
def two_quizzes(seed_quiz):
    return [seed_quiz, quizgen.generate((ROOT / "tests" / "texts" / "chess-final.txt").read_text(encoding="utf-8"),
                                        source_id="chess-final")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_decisions_never_break_the_grounding_invariant(two_quizzes, data):
    quiz = data.draw(st.sampled_from(two_quizzes))
    d = data.draw(decisions_for(quiz))
    out, report = apply_decisions(quiz, d)
    assert quiz_problems(out) == []
    src = quiz.sources[0]
    for q in out.questions:
        assert problems(q, src) == []
        assert src.text[q.answer.start:q.answer.end] == q.answer.text
        if q.format == "cloze":
            assert q.prompt.count("_____") == 1 or not q.edited
    original = {q.id: q for q in quiz.questions}
    for q in out.questions:  # the answer span never changes
        assert q.answer == original[q.id].answer and q.evidence == original[q.id].evidence
    decided = {x["id"] for x in d["decisions"]}
    assert {q.id for q in out.questions} == set(original) - set(report.rejected)
    assert len(report.kept) + len(report.rejected) + len(report.not_applied) + len(report.stale) == len(decided)
    assert out.to_json() == apply_decisions(quiz, d)[0].to_json()


# -- the command line: round trip ---------------------------------------------------------

def test_generate_with_decisions_round_trip_is_byte_identical_and_reports_stale(tmp_path):
    text = tmp_path / "cuba.txt"
    text.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("generate", text, "--json", tmp_path / "q.json", "-q").exit_code == 0
    quiz = Quiz.from_json((tmp_path / "q.json").read_bytes())
    d = sample_decisions(quiz)
    (tmp_path / "d.json").write_text(json.dumps(d), encoding="utf-8")
    outs = []
    for name in ("a", "b"):
        r = run("generate", text, "--decisions", tmp_path / "d.json", "--json", tmp_path / f"{name}.json",
                "--stale-out", tmp_path / f"{name}-stale.json", "--anki", tmp_path / f"{name}.apkg")
        assert r.exit_code == 0, r.output
        outs.append((tmp_path / f"{name}.json").read_bytes())
    assert outs[0] == outs[1]
    assert "1 stale decision (questions no longer generated): 0000000000gone000000" in r.stderr
    assert "3 kept (2 edited), 2 rejected, 0 not applied, 1 stale" in r.stderr
    stale = json.loads((tmp_path / "b-stale.json").read_text())
    assert [x["id"] for x in stale["decisions"]] == ["0000000000gone000000"]
    out = Quiz.from_json(outs[0])
    expected, _ = apply_decisions(quiz, d)
    assert out == expected
    assert quiz_problems(out) == []


def test_editing_the_text_elsewhere_keeps_the_decisions(tmp_path):
    original = SEED.read_text(encoding="utf-8")
    text = tmp_path / "cuba.txt"
    text.write_text(original, encoding="utf-8")
    run("generate", text, "--json", tmp_path / "q.json", "-q")
    quiz = Quiz.from_json((tmp_path / "q.json").read_bytes())
    d = sample_decisions(quiz)
    decided = {x["id"] for x in d["decisions"][:5]}
    (tmp_path / "d.json").write_text(json.dumps(d), encoding="utf-8")
    # a new last paragraph: every decided question's sentence is unchanged
    text.write_text(original.rstrip("\n") + "\n\nIn 2016, Barack Obama visited Havana with his family.\n", encoding="utf-8")
    r = run("generate", text, "--decisions", tmp_path / "d.json", "--json", tmp_path / "r.json")
    assert r.exit_code == 0, r.output
    after = Quiz.from_json((tmp_path / "r.json").read_bytes())
    ids = {q.id for q in after.questions}
    reviewed = {q.id for q in after.questions if q.reviewed}
    assert reviewed == {x["id"] for x in d["decisions"][2:5]}
    assert not ({x["id"] for x in d["decisions"][:2]} & ids)
    assert "1 stale decision" in r.stderr and all(i not in r.stderr.split("stale decision")[1] for i in decided)


def test_html_applies_decisions_too(tmp_path, seed_quiz):
    (tmp_path / "q.json").write_text(seed_quiz.to_json(), encoding="utf-8")
    rejected = seed_quiz.questions[0]
    (tmp_path / "d.json").write_text(json.dumps({"schema_version": "1.0", "decisions": [
        {"id": rejected.id, "decision": "reject"}]}), encoding="utf-8")
    r = run("html", tmp_path / "q.json", "--decisions", tmp_path / "d.json", "-o", tmp_path / "p.html")
    assert r.exit_code == 0, r.output
    assert rejected.id not in (tmp_path / "p.html").read_text(encoding="utf-8")


# -- the command line: bad decisions files -------------------------------------------------

@pytest.mark.parametrize("content", [
    b"not json",
    b'{"schema_version": "1.0", "decisions": [{"id": "a", "decision": "keep", "colour": 1}]}',
    b'{"schema_version": "3.0", "decisions": []}',
    b"\xff\xfe\x00",
    None,  # no such file
])
def test_a_bad_decisions_file_is_one_line_exit_1_and_nothing_written(tmp_path, content):
    text = tmp_path / "cuba.txt"
    text.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    d = tmp_path / "d.json"
    if content is not None:
        d.write_bytes(content)
    out = tmp_path / "out"
    out.mkdir()
    r = run("generate", text, "--decisions", d, "--json", out / "q.json", "--anki", out / "q.apkg",
            "--stale-out", out / "stale.json")
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quizgen: ") and "d.json" in lines[0], r.stderr
    assert list(out.iterdir()) == []


def test_stale_out_needs_decisions(tmp_path):
    r = run("generate", SEED, "--stale-out", tmp_path / "s.json")
    assert r.exit_code == 2 and "--decisions" in r.output


# -- Anki: a regenerated deck with edits updates the notes and keeps their history ----------

def test_an_edited_deck_updates_the_notes_in_place_and_keeps_review_history(tmp_path, seed_quiz, monkeypatch):
    from anki.collection import Collection

    from anki_helpers import card_for_guid, import_apkg, note_ids_by_guid
    from quizgen.export.anki import note_guid, write_apkg

    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        write_apkg(seed_quiz, tmp_path / "v1.apkg")
        import_apkg(col, tmp_path / "v1.apkg")
        before = note_ids_by_guid(col)
        sa = by_format(seed_quiz, "short_answer")[1]
        cl = by_format(seed_quiz, "cloze")[1]
        # a review: answer the short answer's card ("Good") through the scheduler
        card = card_for_guid(col, note_guid(sa))
        card.start_timer()
        col.sched.answerCard(card, 3)
        history = col.db.list("select id from revlog where cid = ?", card.id)
        assert len(history) == 1

        decisions = [{"id": sa.id, "decision": "keep", "prompt": "Who, according to the text, sent the letter to the Pope?"},
                     {"id": cl.id, "decision": "keep", "prompt": "Teacher's version: _____ is the answer here."},
                     {"id": by_format(seed_quiz, "cloze")[0].id, "decision": "reject"}]
        v2, report = apply_decisions(seed_quiz, decisions)
        assert len(report.edited) == 2, report
        now = time.time() + 60  # regenerated later: Anki applies an update only when the note is newer
        monkeypatch.setattr(genanki.package, "time", types.SimpleNamespace(time=lambda: now))
        write_apkg(v2, tmp_path / "v2.apkg")
        log = import_apkg(col, tmp_path / "v2.apkg")
        assert len(log.new) == 0
        after = note_ids_by_guid(col)
        assert all(after[g] == nid for g, nid in before.items())  # same notes (a rejected one is not deleted by Anki)
        note = col.get_note(after[note_guid(sa)])
        assert note["Prompt"] == "Who, according to the text, sent the letter to the Pope?"
        assert "reviewed" in note.tags
        cloze_note = col.get_note(after[note_guid(cl)])
        assert cloze_note["Text"].startswith("Teacher&#x27;s version: {{c1::") or \
            cloze_note["Text"].startswith("Teacher's version: {{c1::")
        assert col.db.list("select id from revlog where cid = ?", card.id) == history
        again = col.get_card(card.id)
        assert again.reps == 1 and again.nid == before[note_guid(sa)]
    finally:
        col.close()


# -- the verdicts feed the score --------------------------------------------------------------

def _script(name: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_decisions_become_a_review_folder_that_train_score_reads(tmp_path, seed_quiz):
    (tmp_path / "q.json").write_text(seed_quiz.to_json(), encoding="utf-8")
    d = sample_decisions(seed_quiz)
    (tmp_path / "d.json").write_text(json.dumps(d), encoding="utf-8")
    out = tmp_path / "teacher-test"
    assert _script("decisions_to_ratings").main([str(tmp_path / "q.json"), str(tmp_path / "d.json"), str(out)]) == 0
    first = {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    _script("decisions_to_ratings").main([str(tmp_path / "q.json"), str(tmp_path / "d.json"), str(out)])
    assert {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file()} == first  # deterministic
    ratings = [json.loads(line) for line in (out / "ratings-1.jsonl").read_text().splitlines()]
    index = json.loads((out / "index.json").read_text())
    verdicts = {index[r["item"]]: r for r in ratings}
    ids = [x["id"] for x in d["decisions"]]
    assert len(ratings) == 5  # the stale decision is skipped
    assert verdicts[ids[0]]["well_formed"] is False and verdicts[ids[0]]["acceptable"] is False  # unclear
    assert verdicts[ids[1]]["worthwhile"] is False  # trivial
    assert verdicts[ids[2]]["answerable"] is False  # distractors replaced: not acceptable as generated
    assert verdicts[ids[3]]["well_formed"] is False  # prompt edited
    assert verdicts[ids[4]] == {"item": verdicts[ids[4]]["item"], "well_formed": True, "answerable": True,
                                "correct": True, "worthwhile": True, "acceptable": True, "reason": ""}
    train = _script("train_score")
    assert train.is_review(out)
    items = train.load_items([out])
    assert [it["label"] for it in items] == [int(r["acceptable"]) for r in ratings]
    assert all(Path(it["article"]).is_file() for it in items)
    rows, missed = train.dataset(items)
    assert missed == 0 and len(rows) == 5  # every judged span is found in its text again


def test_stale_out_to_standard_output_is_the_only_output_there(tmp_path):
    (tmp_path / "d.json").write_text('{"schema_version": "1.0", "decisions": [{"id": "gone", "decision": "keep"}]}')
    r = run("generate", SEED, "--decisions", tmp_path / "d.json", "--stale-out", "-")
    assert r.exit_code == 2 and "only one output can go to standard output" in r.output
    r = run("generate", SEED, "--decisions", tmp_path / "d.json", "--stale-out", "-", "--json", tmp_path / "q.json", "-q")
    assert r.exit_code == 0 and [d["id"] for d in json.loads(r.stdout)["decisions"]] == ["gone"]


def test_a_reviewed_quiz_validates(tmp_path, seed_quiz):
    from quizgen.export.validate import validate_text

    out, _ = apply_decisions(seed_quiz, sample_decisions(seed_quiz))
    assert validate_text(out.to_json()) == []
    assert run("show", _written(tmp_path / "r.json", out.to_json())).exit_code == 0


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_without_schema_version_reads_as_1_0_and_a_list_is_refused():
    assert parse_decisions('{"decisions": [{"id": "a", "decision": "keep"}]}').schema_version == "1.0"
    with pytest.raises(quizgen.InputError, match="^d.json: not a valid decisions file: file: "):
        parse_decisions("[]", "d.json")

"""The Anki exporter, checked by importing its decks with the official Anki backend.

Each test builds an .apkg from a quiz, imports it into a fresh collection and
looks at what a user would get: notes, decks, tags and the rendered cards.
"""

from __future__ import annotations

import time
import types
from pathlib import Path

import genanki
import genanki.package
import pytest
from anki.collection import Collection

from anki_helpers import (
    card_for_guid,
    cards_of,
    import_apkg,
    note_ids_by_guid,
    question,
    quiz,
    visible_text,
)
from quizgen.export import anki as anki_export
from quizgen.export.anki import build_package, write_apkg
from quizgen.models import Quiz, Source

DATA = Path(__file__).parent / "data"

HOSTILE = "<img src=x onerror=alert(1)> </script> {{c1::x}} {{FrontSide}}"


@pytest.fixture
def sample() -> Quiz:
    return Quiz.from_json((DATA / "sample-quiz.json").read_text(encoding="utf-8"))


@pytest.fixture
def col(tmp_path):
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


@pytest.fixture
def clock(monkeypatch):
    """Move genanki's clock forward, as if the deck were regenerated later."""

    def advance(seconds: float) -> None:
        now = time.time() + seconds
        monkeypatch.setattr(genanki.package, "time", types.SimpleNamespace(time=lambda: now))

    return advance


def imported(col, tmp_path, quiz_: Quiz, name: str = "deck.apkg") -> Path:
    path = tmp_path / name
    write_apkg(quiz_, path)
    import_apkg(col, path)
    return path


def guid(q) -> str:
    return genanki.guid_for("quizgen", q.id)


def hostile_quiz() -> Quiz:
    source = Source.from_text(
        f"Ada Lovelace wrote the note {HOSTILE} in 1843.\n",
        id="hostile",
        title=f"Notes {HOSTILE}",
    )
    prompt = f"Who wrote the note {HOSTILE}?"
    return quiz(f"Quiz {HOSTILE}", [source], [
        question(source, "Ada Lovelace", id="h-sa", prompt=prompt),
        question(source, "Ada Lovelace", id="h-mc", format="multiple_choice", prompt=prompt,
                 distractors=["Charles Babbage", "<b>Mary Somerville</b>", "{{Front}}"]),
        question(source, "Ada Lovelace", id="h-cloze", format="cloze", prompt="_____ wrote it."),
    ])


# -- notes, note types, decks, tags ----------------------------------------------

def test_every_question_becomes_one_note_with_its_guid(col, tmp_path, sample):
    imported(col, tmp_path, sample)
    assert col.note_count() == len(sample.questions)
    assert set(note_ids_by_guid(col)) == {guid(q) for q in sample.questions}


def test_each_format_uses_its_note_type(col, tmp_path, sample):
    imported(col, tmp_path, sample)
    expected = {
        "short_answer": "quizgen Q/A",
        "multiple_choice": "quizgen multiple choice",
        "cloze": "quizgen cloze",
    }
    for q in sample.questions:
        assert card_for_guid(col, guid(q)).note_type()["name"] == expected[q.format]


def test_note_types_plan_spare_fields(col, tmp_path, sample):
    imported(col, tmp_path, sample)
    fields = {m["name"]: [f["name"] for f in m["flds"]] for m in col.models.all()}
    assert fields["quizgen Q/A"] == ["Prompt", "Answer", "Evidence", "Source", "Id", "Extra"]
    assert fields["quizgen multiple choice"] == [
        "Prompt", "Choices", "Answer", "Evidence", "Source", "Id", "Extra"]
    assert fields["quizgen cloze"] == ["Text", "Back Extra", "Source", "Id", "Extra"]


def test_cloze_note_type_is_a_real_cloze_type(col, tmp_path, sample):
    imported(col, tmp_path, sample)
    model = col.models.by_name("quizgen cloze")
    assert model["type"] == 1  # MODEL_CLOZE
    assert "{{cloze:Text}}" in model["tmpls"][0]["qfmt"]


def test_model_ids_are_fixed_distinct_and_not_genanki_samples():
    ids = {anki_export.QA_MODEL_ID, anki_export.MC_MODEL_ID, anki_export.CLOZE_MODEL_ID}
    assert len(ids) == 3
    assert all((1 << 30) <= i < (1 << 31) for i in ids)
    genanki_ids = {1607392319, 2059400110} | {
        m.model_id for m in vars(genanki.builtin_models).values() if isinstance(m, genanki.Model)}
    assert not ids & genanki_ids


def test_decks_are_quiz_title_then_source_title(col, tmp_path):
    a = Source.from_text("Marie Curie won two Nobel prizes.\n", id="curie", title="Marie Curie")
    b = Source.from_text("Alan Turing broke Enigma.\n", id="turing", title="Alan Turing")
    two = quiz("Scientists", [a, b], [
        question(a, "Marie Curie", id="q-curie", prompt="Who won two Nobel prizes?"),
        question(b, "Alan Turing", id="q-turing", prompt="Who broke Enigma?"),
    ])
    imported(col, tmp_path, two)
    decks = {card.note().guid: col.decks.name(card.did) for card in cards_of(col)}
    assert decks == {
        guid(two.questions[0]): "Scientists::Marie Curie",
        guid(two.questions[1]): "Scientists::Alan Turing",
    }


def test_a_quiz_of_one_source_titled_like_it_is_one_deck_not_nested_under_itself(col, tmp_path):
    a = Source.from_text("Marie Curie won two Nobel prizes.\n", id="curie", title="Marie Curie")
    one = quiz("Marie Curie", [a], [question(a, "Marie Curie", id="q-curie", prompt="Who won two Nobel prizes?")])
    assert [d.name for d in build_package(one).decks] == ["Marie Curie"]
    imported(col, tmp_path, one)
    assert {col.decks.name(card.did) for card in cards_of(col)} == {"Marie Curie"}
    titled = quiz("Chemistry week 1", [a], one.questions)  # a quiz title of its own keeps the subdeck
    assert [d.name for d in build_package(titled).decks] == ["Chemistry week 1", "Chemistry week 1::Marie Curie"]


def test_deck_ids_depend_only_on_deck_names(sample):
    first = {d.name: d.deck_id for d in build_package(sample).decks}
    second = {d.name: d.deck_id for d in build_package(sample).decks}
    assert first == second
    assert len(set(first.values())) == len(first)
    assert set(first) == {"Cuba sample", "Cuba sample::Cuba to release 553 prisoners"}


@pytest.mark.parametrize("title, deck", [("A::B", "A:B"), ("A:::B", "A:B"), ("A::::B", "A:B"), ("a: b", "a: b")])
def test_colons_in_a_title_never_nest_a_deck(title, deck):
    s = Source.from_text("Grace Hopper wrote a compiler.\n", id="hopper", title=title)
    assert anki_export.deck_name(quiz("Pioneers::1", [s], []), s) == f"Pioneers:1::{deck}"


def test_tags_have_no_spaces_and_name_kind_and_source(col, tmp_path):
    s = Source.from_text("Grace Hopper wrote a compiler.\n", id="hopper notes", title="Hopper")
    q = question(s, "Grace Hopper", id="q1", prompt="Who wrote a compiler?",
                 tags=["computer science", "navy\tpeople", "history"])
    imported(col, tmp_path, quiz("Pioneers", [s], [q]))
    (card,) = cards_of(col)
    tags = card.note().tags
    assert all(not any(ch.isspace() for ch in t) for t in tags)
    assert set(tags) == {"quizgen", "kind::who", "source::hopper_notes",
                         "computer_science", "navy_people", "history"}


def test_building_twice_gives_identical_notes(sample):
    def snapshot(package):
        return [
            (d.deck_id, d.name, n.model.model_id, n.guid, list(n.fields), list(n.tags))
            for d in package.decks for n in d.notes
        ]

    assert snapshot(build_package(sample)) == snapshot(build_package(sample))


# -- rendering ------------------------------------------------------------------------

def test_every_card_renders_a_question_and_an_answer(col, tmp_path, sample):
    imported(col, tmp_path, sample)
    cards = cards_of(col)
    assert len(cards) == len(sample.questions)
    for card in cards:
        out = card.render_output()
        assert visible_text(out.question_text)
        assert visible_text(out.answer_text)


def test_short_answer_back_shows_answer_highlighted_evidence_and_source(col, tmp_path, sample):
    imported(col, tmp_path, sample)
    q = next(q for q in sample.questions if q.format == "short_answer")
    out = card_for_guid(col, guid(q)).render_output()
    assert visible_text(out.question_text) == q.prompt
    assert "<mark>553</mark> prisoners" in out.answer_text
    back = visible_text(out.answer_text)
    assert "Cuba on Tuesday said it will release 553 prisoners" in back
    assert "Source: Cuba to release 553 prisoners" in back


def test_multiple_choice_front_letters_the_choices(col, tmp_path, sample):
    imported(col, tmp_path, sample)
    q = next(q for q in sample.questions if q.format == "multiple_choice")
    front = visible_text(card_for_guid(col, guid(q)).render_output().question_text)
    assert front == (f"{q.prompt} A. Donald Trump B. Mike Pompeo C. Fidel Castro D. Joe Biden")


def test_multiple_choice_back_marks_the_correct_choice(col, tmp_path, sample):
    imported(col, tmp_path, sample)
    q = next(q for q in sample.questions if q.format == "multiple_choice")
    back = card_for_guid(col, guid(q)).render_output().answer_text
    assert '<div class="answer correct"><span class="letter">B.</span> Mike Pompeo</div>' in back
    assert "<mark>Mike Pompeo</mark> added Cuba" in back
    assert "Source: Cuba to release 553 prisoners" in visible_text(back)


def test_cloze_question_hides_the_answer_and_answer_shows_it(col, tmp_path, sample):
    imported(col, tmp_path, sample)
    q = next(q for q in sample.questions if q.format == "cloze")
    out = card_for_guid(col, guid(q)).render_output()
    front, back = visible_text(out.question_text), visible_text(out.answer_text)
    assert q.answer.text not in front
    assert front.startswith("[how many] prisoners were also released")
    assert back.startswith("Nearly 3,500 prisoners were also released")
    assert "Source: Cuba to release 553 prisoners" in back


def test_cloze_answer_with_colons_and_braces_stays_one_deletion(col, tmp_path):
    s = Source.from_text("The code word was a::b}} all week.\n", id="codes", title="Codes")
    q = question(s, "a::b}}", id="q-code", format="cloze", kind="where",
                 prompt="The code word was _____ all week.")
    imported(col, tmp_path, quiz("Codes", [s], [q]))
    (card,) = cards_of(col)
    out = card.render_output()
    assert visible_text(out.question_text) == "The code word was [where] all week."
    assert visible_text(out.answer_text).startswith("The code word was a::b}} all week.")


# -- hostile text -----------------------------------------------------------------------

def test_markup_in_source_and_prompt_is_escaped(col, tmp_path):
    imported(col, tmp_path, hostile_quiz())
    cards = cards_of(col)
    assert len(cards) == 3
    for card in cards:
        out = card.render_output()
        for side in (out.question_text, out.answer_text):
            assert "<img" not in side
            assert "</script>" not in side
            assert "<b>" not in side
            assert "&lt;img src=x onerror=alert(1)&gt;" in side


def test_anki_syntax_in_source_and_prompt_shows_as_text(col, tmp_path):
    imported(col, tmp_path, hostile_quiz())
    for card in cards_of(col):
        out = card.render_output()
        for side in (out.question_text, out.answer_text):
            text = visible_text(side)
            assert "<img src=x onerror=alert(1)> </script> {{c1::x}} {{FrontSide}}" in text


def test_multiple_choice_choices_are_escaped(col, tmp_path):
    q = hostile_quiz()
    imported(col, tmp_path, q)
    front = visible_text(card_for_guid(col, guid(q.questions[1])).render_output().question_text)
    assert "C. <b>Mary Somerville</b> D. {{Front}}" in front


def test_source_braces_make_no_extra_cloze_cards(col, tmp_path):
    q = hostile_quiz()
    imported(col, tmp_path, q)
    note_id = note_ids_by_guid(col)[guid(q.questions[2])]
    assert len(col.card_ids_of_note(note_id)) == 1


# -- re-import and regeneration --------------------------------------------------------

def test_importing_the_same_file_again_adds_no_note(col, tmp_path, sample):
    path = imported(col, tmp_path, sample)
    before = note_ids_by_guid(col)
    log = import_apkg(col, path)
    assert len(log.new) == 0
    assert note_ids_by_guid(col) == before


def test_regenerated_deck_updates_notes_in_place(col, tmp_path, sample, clock):
    imported(col, tmp_path, sample, "first.apkg")
    before = note_ids_by_guid(col)
    clock(60)
    second = tmp_path / "second.apkg"
    write_apkg(sample, second)
    log = import_apkg(col, second)
    assert len(log.new) == 0
    assert len(log.updated) == len(sample.questions)
    assert note_ids_by_guid(col) == before


def test_regenerated_deck_carries_edits_into_existing_notes(col, tmp_path, sample, clock):
    imported(col, tmp_path, sample, "first.apkg")
    before = note_ids_by_guid(col)
    edited = sample.model_copy(deep=True)
    edited.questions[0].prompt = "How many prisoners will Cuba free?"
    clock(60)
    imported(col, tmp_path, edited, "second.apkg")
    assert note_ids_by_guid(col) == before
    note = col.get_note(before[guid(edited.questions[0])])
    assert note["Prompt"] == "How many prisoners will Cuba free?"


def test_regenerated_deck_keeps_review_history(col, tmp_path, sample, clock):
    imported(col, tmp_path, sample, "first.apkg")
    card = cards_of(col)[0]
    card.type = card.queue = 2  # a review card
    card.ivl, card.due, card.reps = 12, col.sched.today + 12, 4
    col.update_card(card)
    clock(60)
    imported(col, tmp_path, sample, "second.apkg")
    again = col.get_card(card.id)
    assert (again.type, again.queue, again.ivl, again.reps) == (2, 2, 12, 4)


# -- writing ------------------------------------------------------------------------------

def test_write_apkg_leaves_only_the_deck(tmp_path, sample):
    out = tmp_path / "out" / "deck.apkg"
    write_apkg(sample, out)
    assert [p.name for p in out.parent.iterdir()] == ["deck.apkg"]
    assert out.stat().st_size > 0


def test_an_unchanged_deck_is_left_byte_for_byte_and_a_changed_one_is_rewritten(tmp_path):
    import quizgen
    from quizgen.export.anki import write_apkg

    path = tmp_path / "d.apkg"
    quiz = quizgen.generate("Fidel Castro released 200 prisoners in Havana in 1998.", source_id="castro")
    write_apkg(quiz, path)
    first = path.read_bytes()
    write_apkg(quizgen.generate("Fidel Castro released 200 prisoners in Havana in 1998.", source_id="castro"), path)
    assert path.read_bytes() == first  # a clean `git status` after regenerating committed decks
    write_apkg(quizgen.generate("Fidel Castro released 300 prisoners in Havana in 1998.", source_id="castro"), path)
    assert path.read_bytes() != first

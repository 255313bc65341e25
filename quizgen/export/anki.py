"""Export a :class:`~quizgen.models.Quiz` as an Anki package (``.apkg``) with genanki.

The contract (DESIGN.md, "Anki (.apkg) contract"), which users' collections
depend on once they have imported a deck:

* **Stable identities.** The three note types have fixed model ids (below,
  chosen once at random; never change them, never reuse one). Each question
  becomes one note whose GUID is ``genanki.guid_for("quizgen", question.id)``,
  so importing a regenerated deck updates the existing notes in place and
  keeps their review history. Decks are ``"<quiz title>"`` with one subdeck
  ``"<quiz title>::<source title>"`` per source (none for a quiz of one source titled like the
  quiz); a deck's id is a stable hash
  of its name. The package is built without a fixed timestamp: Anki only
  applies an update when the incoming note is newer than the one it has.
* **Fields are HTML.** Every piece of source text is escaped with
  :func:`html.escape`, and Anki's own syntax is neutralised: ``{`` and ``}``
  become character references everywhere (no ``{{FrontSide}}`` or
  ``{{c1::...}}`` can come from a source), and ``::`` cannot appear inside
  cloze text. Only this module adds markup (``<mark>``, the choice list, the
  one cloze deletion).
* **Note types and their fields** (spare fields are planned now, because
  adding a field to a published note type breaks users' re-imports):

  - ``quizgen Q/A``: Prompt, Answer, Evidence, Source, Id, Extra. Front: the
    prompt. Back: the answer, the evidence sentence with the answer in
    ``<mark>``, the source title (with the page or heading of the answer when the
    source has sections: "Marie Curie, p. 2"; see :func:`source_line`).
  - ``quizgen multiple choice``: Prompt, Choices, Answer, Evidence, Source,
    Id, Extra. Front: the prompt and the choices lettered A., B., C. ...
    Back: the correct choice (letter and text), evidence, source title.
  - ``quizgen cloze`` (``model_type=CLOZE``, template ``{{cloze:Text}}``):
    Text, Back Extra, Source, Id, Extra. Text is the evidence sentence with
    the answer as ``{{c1::answer::hint}}`` (the hint is the question kind);
    Back Extra is the source title (with the page or heading, as in Source). A cloze whose prompt a
    teacher edited (``question.edited``, from ``--decisions``) is that prompt with the deletion in
    place of its blank.

  ``Question.format`` picks the type: short_answer -> Q/A,
  multiple_choice -> multiple choice, cloze -> cloze. Id holds
  ``question.id``; Extra is left empty for the user.
* **Tags** never contain whitespace (it is replaced by ``_``); every note has
  ``quizgen``, ``kind::<kind>`` and ``source::<source id>``; a question a teacher kept
  (``question.reviewed``) also ``reviewed``.
* **Deterministic.** The same quiz gives the same notes, fields, tags and ids;
  only modification times differ between builds.

Card templates and CSS are data files in ``templates/anki/``.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import string
import tempfile
from functools import lru_cache
from importlib.resources import files
from typing import Optional

import genanki

from quizgen.export.fileio import PathLike, write_with
from quizgen.models import Question, Quiz, Source

__all__ = [
    "QA_MODEL_ID",
    "MC_MODEL_ID",
    "CLOZE_MODEL_ID",
    "DECK_ID_NAMESPACE",
    "build_package",
    "write_apkg",
    "deck_id",
    "deck_name",
    "note_guid",
    "note_tags",
]

# Fixed at random once (2025); they identify the note types in users' collections.
QA_MODEL_ID = 2050950151
MC_MODEL_ID = 1794273044
CLOZE_MODEL_ID = 1795011389
# Salt for deck ids: deck id = a stable hash of this and the deck name.
DECK_ID_NAMESPACE = 1138504192

GUID_NAMESPACE = "quizgen"

QA_FIELDS = ("Prompt", "Answer", "Evidence", "Source", "Id", "Extra")
MC_FIELDS = ("Prompt", "Choices", "Answer", "Evidence", "Source", "Id", "Extra")
CLOZE_FIELDS = ("Text", "Back Extra", "Source", "Id", "Extra")

_CLOZE_HINTS = {"who": "who", "when": "when", "how_many": "how many", "where": "where"}
_WHITESPACE = re.compile(r"\s+")
_COLONS = re.compile(":{2,}")
_BLANK = re.compile(r"_{3,}")


# -- escaping ---------------------------------------------------------------

def escape(text: str) -> str:
    """HTML-escape ``text`` and neutralise Anki's ``{{...}}`` syntax.

    ``&``, ``<`` and ``>`` are escaped (fields are element content, never
    attribute values, so quotes stay readable and searchable); braces become
    character references, which the card shows as braces but Anki's template
    and cloze parsers do not see.
    """
    return html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;")


def _escape_cloze_outer(text: str) -> str:
    """Escape text around the deletion in a cloze field: no ``::`` either."""
    return escape(text).replace("::", ":&#58;")


def _escape_cloze_inner(text: str) -> str:
    """Escape text inside ``{{c1::...}}``: no colon at all, so no hint separator."""
    return escape(text).replace(":", "&#58;")


# -- ids and names ------------------------------------------------------------

def note_guid(question: Question) -> str:
    """The note GUID: fixed by the question id, so a re-import updates the note."""
    return genanki.guid_for(GUID_NAMESPACE, question.id)


def _deck_component(name: str, fallback: str) -> str:
    # A "::" inside a title would make another level of subdeck; so would ":::" replaced pairwise.
    name = _COLONS.sub(":", " ".join(name.split()))
    return name or fallback


def deck_name(quiz: Quiz, source: Optional[Source] = None) -> str:
    """``"<quiz title>"``, or ``"<quiz title>::<source title>"`` for a source's subdeck; a quiz of
    one source titled like the quiz has no subdeck (not "Cuba::Cuba"): its notes are in the top deck."""
    top = _deck_component(quiz.title, "quizgen")
    if source is None:
        return top
    sub = _deck_component(source.title, source.id)
    if len(quiz.sources) == 1 and sub == top:
        return top
    return f"{top}::{sub}"


def deck_id(name: str) -> int:
    """A stable deck id in ``[2**30, 2**31)`` from the deck's full name."""
    digest = hashlib.sha256(f"{DECK_ID_NAMESPACE}:{name}".encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def _tag(text: str) -> str:
    return _WHITESPACE.sub("_", text.strip())


def note_tags(question: Question) -> list[str]:
    """The question's tags without whitespace, plus quizgen, kind::<kind>, source::<id> (and reviewed for a
    question a teacher kept); sorted."""
    tags = {_tag(t) for t in question.tags}
    tags |= {"quizgen", f"kind::{question.kind}", f"source::{_tag(question.answer.source_id)}"}
    if question.reviewed:
        tags.add("reviewed")
    tags.discard("")
    return sorted(tags)


# -- templates and note types ---------------------------------------------------

@lru_cache(maxsize=None)
def _template(name: str) -> str:
    return (files("quizgen.templates") / "anki" / name).read_text(encoding="utf-8")


def _model(model_id: int, name: str, fields: tuple[str, ...], card: str, stem: str,
           model_type: int = genanki.Model.FRONT_BACK) -> genanki.Model:
    # A new Model each build: genanki fills defaults into the field and
    # template dicts when it writes them.
    return genanki.Model(
        model_id,
        name,
        fields=[{"name": f} for f in fields],
        templates=[{
            "name": card,
            "qfmt": _template(f"{stem}-front.html"),
            "afmt": _template(f"{stem}-back.html"),
        }],
        css=_template("style.css"),
        model_type=model_type,
    )


def _models() -> dict[str, genanki.Model]:
    return {
        "short_answer": _model(QA_MODEL_ID, "quizgen Q/A", QA_FIELDS, "Question", "qa"),
        "multiple_choice": _model(MC_MODEL_ID, "quizgen multiple choice", MC_FIELDS,
                                  "Multiple choice", "mc"),
        "cloze": _model(CLOZE_MODEL_ID, "quizgen cloze", CLOZE_FIELDS, "Cloze", "cloze",
                        model_type=genanki.Model.CLOZE),
    }


# -- fields ------------------------------------------------------------------------

def _evidence_parts(question: Question, source: Source) -> tuple[str, str, str]:
    """(before, answer, after): the evidence sentence split around the answer."""
    ev, a = question.evidence, question.answer
    sentence = source.text[ev.start:ev.end]
    i, j = a.start - ev.start, a.end - ev.start
    return sentence[:i], sentence[i:j], sentence[j:]


def _evidence_html(question: Question, source: Source) -> str:
    before, answer, after = _evidence_parts(question, source)
    return f"{escape(before)}<mark>{escape(answer)}</mark>{escape(after)}"


def _letter(i: int) -> str:
    return string.ascii_uppercase[i] if i < 26 else str(i + 1)


def _choice_item(i: int, text: str) -> str:
    return f'<span class="letter">{_letter(i)}.</span> {escape(text)}'


def source_line(question: Question, source: Source) -> str:
    """The source title, and where in it the answer is when the source has sections:
    ``"Marie Curie, p. 2"``, ``"The Pacific War, Chapter 3: Midway"`` (plain text: the title alone)."""
    where = source.section_at(question.answer.start)
    return f"{source.title}, {where}" if where else source.title


def _fields(question: Question, source: Source) -> list[str]:
    line = escape(source_line(question, source))
    common = [line, escape(question.id), ""]  # Source, Id, Extra
    if question.format == "cloze":
        before, answer, after = _evidence_parts(question, source)
        hint = _CLOZE_HINTS.get(question.kind, "")
        deletion = "{{c1::" + _escape_cloze_inner(answer) + (f"::{hint}" if hint else "") + "}}"
        blanks = list(_BLANK.finditer(question.prompt))
        if question.edited and len(blanks) == 1:  # a teacher's prompt: their text around the deletion
            before, after = question.prompt[:blanks[0].start()], question.prompt[blanks[0].end():]
        text = _escape_cloze_outer(before) + deletion + _escape_cloze_outer(after)
        return [text, line, *common]
    prompt = escape(question.prompt)
    evidence = _evidence_html(question, source)
    if question.format == "multiple_choice":
        choices = question.choices or []
        items = "".join(f"<li>{_choice_item(i, c.text)}</li>" for i, c in enumerate(choices))
        correct = next((i for i, c in enumerate(choices) if c.correct), None)
        answer = (_choice_item(correct, choices[correct].text) if correct is not None
                  else escape(question.answer.text))
        return [prompt, f"<ol>{items}</ol>", answer, evidence, *common]
    return [prompt, escape(question.answer.text), evidence, *common]


# -- package -------------------------------------------------------------------------

def build_package(quiz: Quiz) -> genanki.Package:
    """The quiz as a genanki package: a top deck, a subdeck per source, a note per question."""
    models = _models()
    top = genanki.Deck(deck_id(deck_name(quiz)), deck_name(quiz))
    decks = [top]
    by_source: dict[str, tuple[Source, genanki.Deck]] = {}
    for source in quiz.sources:
        name = deck_name(quiz, source)
        deck = top if name == top.name else genanki.Deck(deck_id(name), name)
        by_source[source.id] = (source, deck)
        if deck is not top:
            decks.append(deck)
    for question in quiz.questions:
        try:
            source, deck = by_source[question.answer.source_id]
        except KeyError:
            raise ValueError(
                f"question {question.id!r}: no source {question.answer.source_id!r} in the quiz"
            ) from None
        deck.add_note(genanki.Note(
            model=models[question.format],
            fields=_fields(question, source),
            tags=note_tags(question),
            guid=note_guid(question),
        ))
    return genanki.Package(decks)


def write_apkg(quiz: Quiz, path: PathLike) -> None:
    """Write the quiz as an ``.apkg`` at ``path``, atomically, leaving no temporary file anywhere.

    A deck whose notes, cards and decks are the same as those of the file already at ``path``
    leaves that file as it was, byte for byte (a package carries the time it was built, so a
    rebuilt one always differs); a changed note gets a new file, and Anki updates it in place."""
    package = build_package(quiz)

    def write(tmp) -> None:
        _write_package(package, tmp)
        if os.path.isfile(path) and _contents(tmp) == _contents(path):
            shutil.copyfile(path, tmp)

    write_with(path, write)


def _contents(path: PathLike):
    """The notes (guid, note type, fields, tags), cards (note, deck, template) and deck names of
    an ``.apkg``, without the times it was built at; None when it cannot be read."""
    import json
    import sqlite3
    import zipfile

    try:
        with zipfile.ZipFile(path) as z, tempfile.TemporaryDirectory(prefix="quizgen-apkg-") as d:
            z.extract("collection.anki2", d)
            con = sqlite3.connect(os.path.join(d, "collection.anki2"))
            try:
                notes = con.execute("select id, guid, mid, flds, tags from notes order by guid").fetchall()
                guid = {nid: g for nid, g, *_ in notes}
                cards = sorted((guid.get(nid), did, ord_) for nid, did, ord_ in con.execute("select nid, did, ord from cards"))
                decks = sorted((k, v.get("name")) for k, v in json.loads(con.execute("select decks from col").fetchone()[0]).items())
                models = json.loads(con.execute("select models from col").fetchone()[0])
                model_defs = sorted((k, json.dumps({f: v.get(f) for f in ("name", "flds", "tmpls", "css", "type")}, sort_keys=True))
                                    for k, v in models.items())
            finally:
                con.close()
            files = sorted(n for n in z.namelist() if n != "collection.anki2")
            media = [z.read(n) for n in files]
        return [(g, m, f, t) for _, g, m, f, t in notes], cards, decks, model_defs, files, media
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, sqlite3.Error):
        return None


def _write_package(package: genanki.Package, path: PathLike) -> None:
    # genanki builds the collection in a tempfile.mkstemp() file that it never deletes; give it a
    # directory of its own for that, removed afterwards whatever happens (an error, Ctrl-C).
    with tempfile.TemporaryDirectory(prefix="quizgen-apkg-") as private:
        saved = tempfile.tempdir
        tempfile.tempdir = private
        try:
            package.write_to_file(str(path))
        finally:
            tempfile.tempdir = saved

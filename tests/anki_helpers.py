"""Helpers for checking .apkg files with the official Anki backend (``anki`` on PyPI)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Optional

from anki.cards import Card
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from quizgen.grounding import problems
from quizgen.models import Answer, Choice, Evidence, Question, Quiz, Source


def import_apkg(col: Collection, path: Path):
    """Import ``path`` with Anki's default options; return the import log."""
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


def note_ids_by_guid(col: Collection) -> dict[str, int]:
    return {col.get_note(nid).guid: nid for nid in col.find_notes("")}


def cards_of(col: Collection) -> list[Card]:
    return [col.get_card(cid) for cid in sorted(col.find_cards(""))]


def card_for_guid(col: Collection, guid: str) -> Card:
    (card,) = [c for c in cards_of(col) if c.note().guid == guid]
    return card


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skip += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("style", "script") and self._skip:
            self._skip -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """What a reader sees: the text of ``html`` without tags or attributes, entities decoded."""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def question(
    source: Source,
    answer: str,
    *,
    id: str,
    format: str = "short_answer",
    kind: str = "who",
    prompt: str = "Who was it?",
    distractors: Optional[list[str]] = None,
    tags: Optional[list[str]] = None,
) -> Question:
    """A grounded question whose answer is the first occurrence of ``answer`` in the source.

    The evidence is the whole line holding the answer.
    """
    start = source.text.index(answer)
    ev_start = source.text.rfind("\n", 0, start) + 1
    ev_end = source.text.find("\n", start)
    ev_end = len(source.text) if ev_end == -1 else ev_end
    choices = None
    if format == "multiple_choice":
        choices = [Choice(text=d, correct=False) for d in distractors or []]
        choices.insert(1, Choice(text=answer, correct=True))
    q = Question(
        id=id,
        kind=kind,
        format=format,
        prompt=prompt,
        answer=Answer(text=answer, source_id=source.id, start=start, end=start + len(answer)),
        evidence=Evidence(start=ev_start, end=ev_end),
        choices=choices,
        tags=tags if tags is not None else [],
        score=0.5,
    )
    assert problems(q, source) == [], problems(q, source)
    return q


def quiz(title: str, sources: list[Source], questions: list[Question]) -> Quiz:
    return Quiz(title=title, sources=sources, questions=questions)

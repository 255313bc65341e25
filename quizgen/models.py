"""The public data model: the contract between the pipeline and every exporter.

A :class:`Quiz` holds its :class:`Source` texts in full and a list of
:class:`Question` objects whose answers point into those texts by character
offsets. The JSON quiz format (``Quiz.to_json()``) and its JSON Schema
(``quizgen schema``) are generated from these classes; changing them
changes the public format, so bump ``SCHEMA_VERSION`` when you do.
"""

from __future__ import annotations

import hashlib
import json
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

from quizgen._version import __version__

SCHEMA_VERSION = "1.2"
#: Every schema version this quizgen reads: 1.0 quizzes (no ``sections``) read as quizzes without sections;
#: 1.0 and 1.1 quizzes have no ``reviewed`` or ``edited`` questions (1.2 added them).
READABLE_SCHEMA_VERSIONS: tuple[str, ...] = ("1.0", "1.1", "1.2")

Kind = Literal["who", "when", "how_many", "where"]
Format = Literal["short_answer", "multiple_choice", "cloze"]
KINDS: tuple[str, ...] = ("who", "when", "how_many", "where")
FORMATS: tuple[str, ...] = ("short_answer", "multiple_choice", "cloze")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Section(_Model):
    """A labelled part of a source text: ``text[start:end]`` is on page 12, or under a heading.

    Sections come from the document a source was read from (PDF pages, Word, Markdown and web
    headings, EPUB chapters); they are in reading order and do not overlap (schema 1.1).
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    label: str = Field(description='Where this part is in the document: "p. 12", or a heading path '
                                   '"Chapter 3: The Pacific > Midway".')


class Source(_Model):
    """One input text, stored in full (after newline/BOM normalisation, or as extracted from a document)."""

    id: str = Field(description="The input file's stem, or the id given to generate().")
    title: str
    text: str
    sha256: str = Field(description="SHA-256 of text encoded as UTF-8.")
    sections: list[Section] = Field(
        default_factory=list,
        description="Labelled, non-overlapping character ranges of text in reading order (pages, headings, "
                    "chapters); empty for plain text and for quizzes of schema 1.0.",
    )

    @classmethod
    def from_text(cls, text: str, id: str, title: Optional[str] = None,
                  sections: Optional[list["Section"]] = None) -> "Source":
        return cls(id=id, title=title or id, text=text, sha256=sha256_text(text), sections=sections or [])

    def section_at(self, offset: int) -> Optional[str]:
        """The label of the section holding character ``offset`` (e.g. ``"p. 12"``), or None.

        A binary search over :attr:`sections` (they are sorted and do not overlap).
        """
        import bisect

        i = bisect.bisect_right([s.start for s in self.sections], offset) - 1
        if i >= 0 and self.sections[i].start <= offset < self.sections[i].end:
            return self.sections[i].label
        return None


class Answer(_Model):
    """The answer: always the exact span ``source.text[start:end]``."""

    text: str
    source_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: Union[int, float, str, None] = Field(
        default=None,
        description="Normalised value: a number for how_many, an ISO (partial) date for when.",
    )
    accepted: list[str] = Field(
        default_factory=list,
        description="Other typed forms a player should accept (e.g. '3500' for 'Nearly 3,500').",
    )


class Evidence(_Model):
    """The sentence that proves the answer, as offsets into the source text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Choice(_Model):
    text: str
    correct: bool


class Question(_Model):
    id: str = Field(description="Stable id: same source sentence, answer and form give the same id.")
    kind: Kind
    format: Format
    prompt: str
    answer: Answer
    evidence: Evidence
    choices: Optional[list[Choice]] = None
    tags: list[str] = Field(default_factory=list)
    score: float = Field(ge=0.0, le=1.0)
    reviewed: bool = Field(
        default=False, exclude_if=lambda v: not v,
        description="A teacher kept this question (quizgen generate --decisions; schema 1.2). Written only when true.",
    )
    edited: bool = Field(
        default=False, exclude_if=lambda v: not v,
        description="Its prompt or choices are a teacher's edit, not the generator's (schema 1.2). Written only when true.",
    )


class Generator(_Model):
    name: str = "quizgen"
    version: str = __version__


class Quiz(_Model):
    schema_version: str = SCHEMA_VERSION
    generator: Generator = Field(default_factory=Generator)
    title: str
    sources: list[Source] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)

    # -- convenience -------------------------------------------------
    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)

    def filter(
        self,
        *,
        kinds: Optional[set[str]] = None,
        formats: Optional[set[str]] = None,
        min_score: float = 0.0,
        max_per_source: Optional[int] = None,
    ) -> "Quiz":
        """A new quiz with only the questions that pass; order is kept."""
        kept: list[Question] = []
        per_source: dict[str, int] = {}
        for q in self.questions:
            if kinds and q.kind not in kinds:
                continue
            if formats and q.format not in formats:
                continue
            if q.score < min_score:
                continue
            n = per_source.get(q.answer.source_id, 0)
            if max_per_source is not None and n >= max_per_source:
                continue
            per_source[q.answer.source_id] = n + 1
            kept.append(q)
        return self.model_copy(update={"questions": kept})

    def where(self, question: Question) -> Optional[str]:
        """Where the question's answer is in its document: the label of the section holding the
        answer's start (``"p. 12"``, ``"Chapter 3: The Pacific"``), or None (plain text, or unknown source)."""
        for s in self.sources:
            if s.id == question.answer.source_id:
                return s.section_at(question.answer.start)
        return None

    def apply_decisions(self, decisions) -> tuple:
        """A new quiz with a teacher's decisions applied (rejected questions dropped, edits made, kept
        questions marked ``reviewed``), and the report of what was done, not done, and which
        decisions are stale: :func:`quizgen.export.decisions.apply_decisions`. ``decisions`` is a
        :class:`~quizgen.export.decisions.Decisions`, a path to a ``decisions.json``, or its dict."""
        from quizgen import apply_decisions  # the public re-export: quizgen.export.decisions imports this module

        return apply_decisions(self, decisions)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")

    def to_json(self, indent: Optional[int] = 2) -> str:
        """Deterministic JSON: same quiz, same bytes.

        Indented JSON comes from pydantic's serializer (a seventh of the time of ``json.dumps``
        with ``indent``, which falls back to pure Python); the one-line form (``indent=None``,
        for JSON Lines) from ``json.dumps``, whose C encoder is fast already.
        """
        if indent is None:
            return json.dumps(self.to_dict(), ensure_ascii=False) + "\n"
        return self.model_dump_json(indent=indent) + "\n"

    @classmethod
    def from_json(cls, data: Union[str, bytes]) -> "Quiz":
        return cls.model_validate_json(data)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def json_schema() -> dict:
    """The JSON Schema of the quiz format, generated from the models."""
    schema = Quiz.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema

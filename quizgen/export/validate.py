"""Check a quiz file (perhaps edited by hand) against the schema and the grounding invariant.

:func:`validate_text` returns a list of ``"LINE: message"`` strings, empty when
the quiz is valid. Line numbers point into the JSON text: a schema error at
the line of the offending value (or of the object that lacks a field), a
grounding problem at the line where that question's object starts. The CLI
prints them as ``FILE:LINE: message`` (the compiler convention, so editors can
jump to them).

Checks, in order (a failed step stops the later ones):

1. the text is JSON (the line and column of a syntax error);
2. it matches the quiz schema (:class:`quizgen.models.Quiz`: types, required
   and unknown fields);
3. the schema version is one this quizgen reads (same major version);
4. each source's ``sha256`` is the hash of its text (catches edited texts);
5. the grounding invariant (:func:`quizgen.grounding.quiz_problems`): answer
   spans, evidence, prompts, choices, unique ids.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring
from pathlib import Path
from typing import Any, Union

from pydantic import ValidationError

from quizgen.export.fileio import PathLike
from quizgen.read.names import display_name
from quizgen.grounding import quiz_problems
from quizgen.read.sources import read_file_bytes
from quizgen.models import READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION, Quiz, sha256_text

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")


class _Node:
    """A JSON value's position in the text, with its children's nodes."""

    __slots__ = ("pos", "children")

    def __init__(self, pos: int) -> None:
        self.pos = pos
        self.children: dict[Union[str, int], "_Node"] = {}


def _locate(text: str) -> _Node:
    """Positions of every value in a (syntactically valid) JSON text.

    Object members are keyed by name (the node's position is that of the
    key, which is where a person looks), array items by index.
    """

    def skip(i: int) -> int:
        return _WS.match(text, i).end()

    def value(i: int) -> tuple[_Node, int]:
        i = skip(i)
        node = _Node(i)
        ch = text[i]
        if ch == "{":
            i = skip(i + 1)
            if text[i] == "}":
                return node, i + 1
            while True:
                key_pos = skip(i)
                key, i = scanstring(text, key_pos + 1)
                i = skip(i) + 1  # the colon
                child, i = value(i)
                child.pos = key_pos
                node.children[key] = child
                i = skip(i)
                if text[i] == ",":
                    i += 1
                    continue
                return node, i + 1
        if ch == "[":
            i = skip(i + 1)
            if text[i] == "]":
                return node, i + 1
            n = 0
            while True:
                child, i = value(i)
                node.children[n] = child
                n += 1
                i = skip(i)
                if text[i] == ",":
                    i += 1
                    continue
                return node, i + 1
        if ch == '"':
            _, end = scanstring(text, i + 1)
            return node, end
        for literal in ("true", "false", "null", "NaN", "Infinity", "-Infinity"):
            if text.startswith(literal, i):
                return node, i + len(literal)
        m = _NUMBER.match(text, i)
        return node, m.end()

    root, _ = value(0)
    return root


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _pos_of(root: _Node, path: tuple[Any, ...]) -> int:
    """Position of the deepest node along ``path`` that exists in the text."""
    node = root
    for part in path:
        child = node.children.get(part)
        if child is None:
            break
        node = child
    return node.pos


def _where(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "quiz"


def validate_text(text: str) -> list[str]:
    """Every problem in a quiz's JSON text as ``"LINE: message"``; empty when it is valid."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        return [f"{e.lineno}: not valid JSON: {e.msg} (column {e.colno})"]
    root = _locate(text)

    try:
        quiz = Quiz.model_validate(data)
    except ValidationError as e:
        out = []
        for err in e.errors(include_url=False):
            loc = tuple(err["loc"])
            line = _line(text, _pos_of(root, loc))
            message = err["msg"]
            if err["type"] == "missing":
                message = f"missing field {loc[-1]!r}"
                where = _where(loc[:-1])
            elif err["type"] == "extra_forbidden":
                message = f"unknown field {loc[-1]!r}"
                where = _where(loc[:-1])
            else:
                where = _where(loc)
            out.append((line, f"{line}: {where}: {message}"))
        return [m for _, m in sorted(out, key=lambda t: t[0])]

    out: list[tuple[int, str]] = []
    major = quiz.schema_version.split(".")[0]
    if major != SCHEMA_VERSION.split(".")[0]:
        line = _line(text, _pos_of(root, ("schema_version",)))
        out.append((line, f"{line}: schema_version {quiz.schema_version!r} is not readable by this quizgen "
                          f"(it reads {', '.join(READABLE_SCHEMA_VERSIONS[:-1])} and {READABLE_SCHEMA_VERSIONS[-1]})"))
    for i, src in enumerate(quiz.sources):
        if sha256_text(src.text) != src.sha256:
            line = _line(text, _pos_of(root, ("sources", i, "sha256")))
            out.append((line, f"{line}: sources[{i}] ({src.id}): sha256 is not the hash of the text "
                              f"(the text was edited? expected {sha256_text(src.text)})"))
        previous_end = 0
        for k, sec in enumerate(src.sections):
            if not (previous_end <= sec.start < sec.end <= len(src.text)):
                line = _line(text, _pos_of(root, ("sources", i, "sections", k)))
                out.append((line, f"{line}: sources[{i}] ({src.id}): sections[{k}] {sec.start}..{sec.end} is empty, "
                                  f"outside the text (length {len(src.text)}) or overlaps the section before it"))
            previous_end = max(previous_end, sec.end)
    ids = [s.id for s in quiz.sources]
    for i, sid in enumerate(ids):
        if sid in ids[:i]:
            line = _line(text, _pos_of(root, ("sources", i, "id")))
            out.append((line, f"{line}: sources[{i}]: duplicate source id {sid!r}"))
    for i, problem in quiz_problems(quiz):
        line = _line(text, _pos_of(root, ("questions", i)))
        out.append((line, f"{line}: questions[{i}] ({quiz.questions[i].id}): {problem}"))
    return [m for _, m in sorted(out, key=lambda t: t[0])]


def validate_file(path: PathLike) -> list[str]:
    """:func:`validate_bytes` for a file; :class:`InputError` if it cannot be read."""
    p = Path(path)
    return validate_bytes(read_file_bytes(p, display_name(p)))


def validate_bytes(data: bytes) -> list[str]:
    """:func:`validate_text` for the bytes of a quiz (a file's, or standard input's); bytes that are
    not UTF-8 are one problem."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        return [f"{line}: not UTF-8 text (byte {e.start})"]
    return validate_text(text)

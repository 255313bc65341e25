"""A teacher's decisions on a quiz (``decisions.json``), and applying them to a (regenerated) quiz.

The format (docs/decisions.md; JSON Schema: ``quizgen schema --decisions``)::

    {"schema_version": "1.0", "quiz_title": "...",            # quiz_title is optional
     "decisions": [{"id": QUESTION_ID, "decision": "keep" | "reject",
                    "prompt": EDITED_PROMPT or null, "choices": [DISTRACTOR, ...] or null,
                    "reason": "wrong" | "unclear" | "trivial" | "more_than_one_answer" | "other" | null,
                    "note": TEXT or null, "source_id": ID or null, "source_sha256": HEX or null}]}

Only ``id`` and ``decision`` are required. Question ids are stable (the same sentence, answer and
form give the same id), so decisions made on one run apply to the next one, also after the text
was edited elsewhere. :func:`apply_decisions` returns the new quiz and a :class:`DecisionReport`:

* ``reject``: the question is dropped;
* ``keep``: the question is marked ``reviewed`` (and tagged ``reviewed``); an edited ``prompt`` or
  ``choices`` (the distractors, not the answer) replaces the generated one, and ``edited`` is set;
* an edit that would break the grounding invariant (a prompt that contains the answer, a cloze
  without exactly one blank, a distractor that equals or contains the answer, ...) is not applied:
  the question stays as generated (not marked reviewed) and the report says why;
* a decision whose question is not in the quiz (its text changed) is *stale*: listed in the report.

The result is deterministic: the same quiz and decisions give the same JSON, whatever the order
of the decisions in the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from quizgen.errors import InputError
from quizgen.grounding import contains, normalise, problems
from quizgen.models import SCHEMA_VERSION, Choice, Question, Quiz

DECISIONS_SCHEMA_VERSION = "1.0"
#: The tag a kept question gets (in the JSON quiz and on its Anki note).
REVIEWED_TAG = "reviewed"
#: A cloze prompt's blank: three or more underscores ("_____").
BLANK = re.compile(r"_{3,}")
#: Most distractors an edited multiple-choice question may have (choices are lettered A. to J.).
MAX_DISTRACTORS = 9
#: Reasons a teacher can give for rejecting a question.
REASONS: tuple[str, ...] = ("wrong", "unclear", "trivial", "more_than_one_answer", "other")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Decision(_Model):
    """A teacher's decision on one question."""

    id: str = Field(min_length=1, description="The question's id (stable across runs).")
    decision: Literal["keep", "reject"]
    prompt: Optional[str] = Field(default=None, description="The edited prompt (keep only); null: as generated. "
                                  "A cloze prompt keeps exactly one blank (_____).")
    choices: Optional[list[str]] = Field(default=None, description="The edited distractors of a multiple-choice "
                                         "question (keep only), not the answer; null: as generated.")
    reason: Optional[Literal["wrong", "unclear", "trivial", "more_than_one_answer", "other"]] = Field(
        default=None, description="Why it was rejected.")
    note: Optional[str] = Field(default=None, description="A free note (not shown to students).")
    source_id: Optional[str] = Field(default=None, description="The question's source id when it was decided.")
    source_sha256: Optional[str] = Field(default=None, description="The SHA-256 of the source text when it "
                                         "was decided (the text may have changed since; the id still matches).")


class Decisions(_Model):
    """A ``decisions.json`` file: a teacher's decisions on a quiz's questions."""

    schema_version: str = Field(default=DECISIONS_SCHEMA_VERSION, pattern=r"^1\.\d+$",
                                description='"1.0"; this quizgen reads every 1.x file.')
    quiz_title: Optional[str] = None
    decisions: list[Decision] = Field(default_factory=list)

    def to_json(self) -> str:
        """Deterministic JSON (every field written, nulls included)."""
        return self.model_dump_json(indent=2) + "\n"


def decisions_schema() -> dict:
    """The JSON Schema of ``decisions.json``, generated from the models."""
    schema = Decisions.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "quizgen decisions"
    return schema


def _where(loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "file"


def parse_decisions(data: Union[str, bytes, dict], name: str = "decisions") -> Decisions:
    """The decisions in a JSON text (or its parsed dict); :class:`InputError` with one line naming
    the first problem (``decisions.json: decisions[2].decision: ...``) when it is not a valid file."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise InputError(f"{name}: not UTF-8 text (byte {e.start})") from None
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as e:
            raise InputError(f"{name}: not valid JSON: {e.msg} (line {e.lineno}, column {e.colno})") from None
    if isinstance(data, dict) and "schema_version" in data and isinstance(data["schema_version"], str) \
            and not re.fullmatch(r"1\.\d+", data["schema_version"]):
        raise InputError(f"{name}: schema_version {data['schema_version']!r} is not readable by this quizgen "
                         f"(it reads decisions 1.x)")
    try:
        decisions = Decisions.model_validate(data)
    except ValidationError as e:
        errors = e.errors(include_url=False)
        err = errors[0]
        loc = tuple(err["loc"])
        if err["type"] == "missing":
            msg = f"{_where(loc[:-1])}: missing field {loc[-1]!r}"
        elif err["type"] == "extra_forbidden":
            msg = f"{_where(loc[:-1])}: unknown field {loc[-1]!r}"
        else:
            msg = f"{_where(loc)}: {err['msg']}"
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        raise InputError(f"{name}: not a valid decisions file: {msg}{more}") from None
    seen: dict[str, int] = {}
    for i, d in enumerate(decisions.decisions):
        if d.id in seen:
            raise InputError(f"{name}: not a valid decisions file: decisions[{i}]: id {d.id!r} is decided twice "
                             f"(also decisions[{seen[d.id]}])")
        seen[d.id] = i
    return decisions


def read_decisions(path) -> Decisions:
    """The decisions in a file; :class:`InputError` (one line) when it cannot be read or is not valid."""
    from quizgen.read.names import display_name
    from quizgen.read.sources import read_file_bytes

    p = Path(path)
    name = display_name(p)
    return parse_decisions(read_file_bytes(p, name), name)


@dataclass
class DecisionReport:
    """What :func:`apply_decisions` did. Lists are in the quiz's question order."""

    kept: list[str] = field(default_factory=list)  #: ids marked reviewed (the edited ones too)
    edited: list[str] = field(default_factory=list)  #: ids whose prompt or choices were edited
    rejected: list[str] = field(default_factory=list)  #: ids dropped
    not_applied: list[tuple[str, str]] = field(default_factory=list)  #: (id, why): edits refused, question as generated
    stale: list[Decision] = field(default_factory=list)  #: decisions whose question is not in the quiz
    changed_source: list[str] = field(default_factory=list)  #: ids decided on an earlier version of their text

    def messages(self) -> list[str]:
        """One line per edit not applied (for stderr)."""
        return [f"decision on {qid} not applied (the question stays as generated): {why}" for qid, why in self.not_applied]

    def stale_line(self, limit: int = 10) -> Optional[str]:
        """``"N stale decisions (questions no longer generated): id, id, ..."``, or None."""
        if not self.stale:
            return None
        ids = [d.id for d in self.stale]
        shown = ", ".join(ids[:limit]) + (f", ... ({len(ids) - limit} more)" if len(ids) > limit else "")
        noun = "decision" if len(ids) == 1 else "decisions"
        return f"{len(ids)} stale {noun} (questions no longer generated): {shown}"

    def summary(self) -> str:
        return (f"{len(self.kept)} kept ({len(self.edited)} edited), {len(self.rejected)} rejected, "
                f"{len(self.not_applied)} not applied, {len(self.stale)} stale")

    def stale_decisions(self, quiz_title: Optional[str] = None) -> Decisions:
        """The stale decisions as a decisions file (to keep, or to apply to a later quiz)."""
        return Decisions(quiz_title=quiz_title, decisions=list(self.stale))


def _as_decisions(decisions) -> Decisions:
    if isinstance(decisions, Decisions):
        return decisions
    if isinstance(decisions, dict):
        return parse_decisions(decisions)
    if isinstance(decisions, (list, tuple)):
        return Decisions(decisions=[d if isinstance(d, Decision) else Decision.model_validate(d) for d in decisions])
    return read_decisions(decisions)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def edit_problems(question: Question, decision: Decision) -> list[str]:
    """Why ``decision``'s edits cannot be applied to ``question``; empty when they can."""
    out: list[str] = []
    answer = question.answer.text
    if decision.prompt is not None:
        prompt = _one_line(decision.prompt)
        if not prompt:
            out.append("the edited prompt is empty")
        elif contains(prompt, answer):
            out.append(f"the edited prompt contains the answer {answer!r}")
        blanks = len(BLANK.findall(prompt))
        if question.format == "cloze" and prompt and blanks != 1:
            out.append(f"an edited cloze prompt needs exactly one blank (_____), not {blanks}")
    if decision.choices is not None:
        if question.format != "multiple_choice":
            out.append(f"choices given for a {question.format.replace('_', ' ')} question")
        elif not 1 <= len(decision.choices) <= MAX_DISTRACTORS:
            out.append(f"{len(decision.choices)} distractors; a multiple-choice question needs 1 to {MAX_DISTRACTORS}")
        else:
            seen: set[str] = set()
            for c in decision.choices:
                text = _one_line(c)
                n = normalise(text)
                if not n:
                    out.append(f"distractor {c!r} is empty")
                elif n == normalise(answer) or contains(text, answer) or contains(answer, text):
                    out.append(f"distractor {text!r} equals or contains the answer {answer!r}")
                elif n in seen:
                    out.append(f"distractor {text!r} appears twice")
                seen.add(n)
    return out


def _edited(question: Question, decision: Decision) -> Question:
    """``question`` with the decision's edits, marked reviewed (and edited when anything changed)."""
    update: dict = {}
    if decision.prompt is not None and _one_line(decision.prompt) != question.prompt:
        update["prompt"] = _one_line(decision.prompt)
    if decision.choices is not None:
        distractors = [_one_line(c) for c in decision.choices]
        old = question.choices or []
        if distractors != [c.text for c in old if not c.correct]:
            at = next((i for i, c in enumerate(old) if c.correct), 0)
            choices = [Choice(text=t, correct=False) for t in distractors]
            choices.insert(min(at, len(choices)), Choice(text=question.answer.text, correct=True))
            update["choices"] = choices
    tags = list(question.tags)
    if REVIEWED_TAG not in tags:
        tags.append(REVIEWED_TAG)
    update.update(reviewed=True, tags=tags)
    if "prompt" in update or "choices" in update:
        update["edited"] = True
    return question.model_copy(update=update)


def apply_decisions(quiz: Quiz, decisions) -> tuple[Quiz, DecisionReport]:
    """``quiz`` with a teacher's decisions applied, and a :class:`DecisionReport` (see the module).

    ``decisions``: a :class:`Decisions`, a list of :class:`Decision` (or dicts), a dict in the file
    format, or a path to a ``decisions.json``. The input quiz is not changed; every question of the
    result satisfies the grounding invariant (:func:`quizgen.grounding.problems`) when the input's did.
    """
    ds = _as_decisions(decisions)
    by_id = {d.id: d for d in ds.decisions}
    sources = {s.id: s for s in quiz.sources}
    report = DecisionReport()
    present: set[str] = set()
    out: list[Question] = []
    for q in quiz.questions:
        present.add(q.id)
        d = by_id.get(q.id)
        if d is None:
            out.append(q)
            continue
        src = sources.get(q.answer.source_id)
        if d.source_id is not None and d.source_id != q.answer.source_id:
            report.not_applied.append((q.id, f"its source_id {d.source_id!r} is not the question's "
                                             f"source {q.answer.source_id!r}"))
            out.append(q)
            continue
        if d.source_sha256 is not None and src is not None and d.source_sha256 != src.sha256:
            report.changed_source.append(q.id)
        if d.decision == "reject":
            report.rejected.append(q.id)
            continue
        why = edit_problems(q, d)
        if not why:
            new = _edited(q, d)
            if src is not None:
                why = [p for p in problems(new, src) if p not in problems(q, src)]
        if why:
            report.not_applied.append((q.id, "; ".join(why)))
            out.append(q)
            continue
        report.kept.append(q.id)
        if new.prompt != q.prompt or new.choices != q.choices:
            report.edited.append(q.id)
        out.append(new)
    report.stale = [d for d in ds.decisions if d.id not in present]
    report.stale.sort(key=lambda d: d.id)
    return quiz.model_copy(update={"questions": out, "schema_version": SCHEMA_VERSION}), report

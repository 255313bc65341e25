"""The quality gate: every candidate passes every check, or it is dropped with its reason.

A teacher puts their name on a quiz, so an emitted question must be well formed,
self-contained, faithful, answerable with one right answer, and worth asking
(DESIGN.md, "Precision first"). Each check below is one small rule over the parsed
text; it returns a short reason when the candidate fails, else None. The first
failing check names the reason a candidate was dropped, and
:func:`quizgen.pipeline.explain_doc` (``quizgen explain``) shows them all.

The checks are written for text the rules have never seen: they look at the
shape of the sentence (a pronoun with no single person before it, a definite
description that points back, a sentence that leans on the one before), never at
particular articles. When a rule is unsure, it rejects: a missed fact costs less
than a false or confusing one.

One module per kind of check, each check a small function ``(DocInfo, Candidate) -> reason or None``:

* :mod:`.form`: boilerplate, garbled or cut text, and whether a wh-question reads as one question;
* :mod:`.context`: openers that lean on the sentence before, pronouns, pointing phrases;
* :mod:`.worth`: trivial blanks, names cut short, giveaways;
* :mod:`.kinds`: the question word fits the answer;
* :mod:`.choices`: multiple-choice distractors;
* :mod:`.info` (what the checks know about the whole text) and :mod:`.words` (shared word lists).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

from quizgen.questions.gate.choices import choices_apart, settle_choices
from quizgen.questions.gate.context import (bare_relational, chronology_entry, deictic_time, indefinite_person, leaning_opener,
                                            person_reference, pointing_phrase, unanchored, unasserted)
from quizgen.questions.gate.form import boilerplate, garbled, no_finite_verb, run_on, spliced, too_long, wh_form
from quizgen.questions.gate.info import DocInfo, doc_info
from quizgen.questions.gate.kinds import answer_type
from quizgen.questions.gate.worth import (answer_worth, date_of_another_event, happened_again, listed_name, precise_figure, shared_surname, short_cloze,
                                          slight_answer)

if TYPE_CHECKING:  # pragma: no cover
    from quizgen.questions.rank import Candidate


__all__ = ["CHECKS", "DocInfo", "doc_info", "reason", "settle_choices", "boilerplate", "garbled", "no_finite_verb", "run_on",
           "too_long", "leaning_opener", "deictic_time", "answer_worth", "answer_type", "wh_form", "person_reference",
           "pointing_phrase", "bare_relational", "choices_apart", "unanchored", "indefinite_person", "listed_name", "short_cloze", "unasserted",
           "spliced", "slight_answer", "happened_again", "chronology_entry", "precise_figure", "shared_surname", "date_of_another_event"]


CHECKS: tuple[Callable[[DocInfo, "Candidate"], Optional[str]], ...] = (
    boilerplate, garbled, no_finite_verb, run_on, too_long, leaning_opener, deictic_time, answer_worth, answer_type, wh_form, spliced,
    person_reference, pointing_phrase, bare_relational, unanchored, unasserted, indefinite_person, listed_name, short_cloze,
    slight_answer, happened_again, date_of_another_event, chronology_entry, precise_figure, shared_surname, choices_apart,
)


def reason(info: DocInfo, c: "Candidate") -> Optional[str]:
    """Why ``c`` must not be emitted (the first failing check), or None when it passes all.

    A multiple-choice candidate whose distractors are not all of the answer's type is first
    made a short-answer question (:func:`settle_choices`)."""
    settle_choices(info, c)
    for check in CHECKS:
        why = check(info, c)
        if why:
            return why
    return None


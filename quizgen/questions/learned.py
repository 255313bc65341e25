"""The learned score: how likely a strict teacher is to accept a question, from blind-review verdicts.

Every question that passed the gate (:mod:`quizgen.questions.gate`) gets a probability of acceptance from a
logistic model over the features below. The model was fitted on the verdicts of the blind reviews
in ``benchmarks/reviews/`` (an item counts as accepted only when both raters accepted it) by
``benchmarks/train_score.py``, which also writes the weights this module reads
(``quizgen/questions/score_weights.json``) and reports how well calibrated they are.

The features describe the answer span in the parsed text and the prompt a student reads; they are
computed from the Doc, so they are the same for a question the generator builds today and for
one a rater judged months ago (the training script finds the judged span in the text again):

* the form (cloze, short answer, multiple choice) and the question word;
* the entity label of the answer, its length, whether it is a common noun, a small number, a year;
* whether the blank cuts a name ("the _____ Party" -> "Democratic"): a capitalised word right
  before or after it, or an entity that runs past it;
* whether the answer is the text's topic or names words of the title, and how often the text says it;
* the grammatical role of the answer (subject, object, modifier, ...) and whether it opens the sentence;
* how the shown sentence opens (a determiner, a pronoun, an adverb or conjunction, "The" or "Some"
  before a common noun), how many pronouns it holds, whether sentences before it are shown, words
  that compare or continue ("similar", "other", "later");
* "who" asked of an answer that is not a person;
* how long the prompt is, how many other names it holds, quotes, brackets, colons;
* where the sentence is in the text (the lead sentence of news is its summary);
* a definite description with nothing to say which one ("the position", "the economy") in the prompt;
* for a wh-question, the share of the sentence's content words it left out (a question cut down to
  "Who was installed as Sheriff?" may fit several people of the text).
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: The default ``min_score``: questions the model thinks less likely than this to be accepted are
#: not emitted: those it thinks more likely rejected than accepted.
DEFAULT_MIN_SCORE = 0.5

NUMBER_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
#: Words that compare with, or continue from, something the prompt may not show.
COMPARING = re.compile(r"\b(similar|similarly|such|another|other|others|further|also|same|as well|too|later|"
                       r"prior|earlier|former|latter|the rest|again|instead|still|yet)\b", re.I)
REPORTING = {"say", "tell", "report", "announce", "add", "write"}


def wh_word(fmt: str, prompt: str) -> str:
    """The question word of a short-answer or multiple-choice prompt ("cloze" for a cloze)."""
    if fmt == "cloze":
        return "cloze"
    p = prompt.lower()
    if re.search(r"\bhow (many|much)\b", p):
        return "how_many"
    if re.search(r"\b(when|what year|which year|what day|what date|what month)\b", p):
        return "when"
    if re.search(r"\bwhere\b", p):
        return "where"
    if re.search(r"\bwho(m|se)?\b", p):
        return "who"
    return "other"


class DocFeatures:
    """What the features need to know about one Doc, computed once: its sentences, and the
    topic and title words of :class:`quizgen.questions.gate.DocInfo`."""

    def __init__(self, doc: "Doc", topic_names=frozenset(), title_words=frozenset()):
        self.doc = doc
        self.topic_names = frozenset(topic_names)
        self.title_words = frozenset(title_words)
        self.sentence_index = {s.start: i for i, s in enumerate(doc.sents)}
        self._mentions: dict[str, int] = {}

    def mentions(self, answer: str) -> int:
        if answer not in self._mentions:
            self._mentions[answer] = len(re.findall(r"(?<!\w)" + re.escape(answer) + r"(?!\w)", self.doc.text))
        return self._mentions[answer]

    def features(self, start: int, end: int, fmt: str, prompt: str, shown_start: Optional[int] = None) -> dict[str, float]:
        return features(self, start, end, fmt, prompt, shown_start)

    def probability(self, start: int, end: int, fmt: str, prompt: str, shown_start: Optional[int] = None) -> float:
        return probability(features(self, start, end, fmt, prompt, shown_start))


def features(d: DocFeatures, start: int, end: int, fmt: str, prompt: str,
             shown_start: Optional[int] = None) -> dict[str, float]:
    """The features of one question: the answer is ``doc.text[start:end]``; ``shown_start`` is where
    the shown text begins when a cloze shows sentences before the answer's own."""
    doc, topic_names, title_words = d.doc, d.topic_names, d.title_words
    span = doc.char_span(start, end, alignment_mode="expand")
    f: dict[str, float] = {}
    if span is None or len(span) == 0:
        return f
    sent = span.sent
    answer = doc.text[start:end]
    f["fmt_" + fmt] = 1.0
    wh = wh_word(fmt, prompt)
    f["wh_" + wh] = 1.0

    ent = next((e for e in sent.ents if e.start < span.end and span.start < e.end), None)
    label = ent.label_ if ent is not None else ""
    group = ("number" if label in NUMBER_LABELS else "place" if label in PLACE_LABELS
             else label.lower() if label in ("PERSON", "ORG", "DATE", "NORP", "TIME", "EVENT", "WORK_OF_ART")
             else "other" if label else "none")
    f["label_" + group] = 1.0
    f["answer_tokens"] = math.log1p(len(span))
    if ent is not None and (ent.start < span.start or ent.end > span.end):
        f["answer_part_of_entity"] = 1.0
    before = doc[span.start - 1] if span.start > sent.start else None
    after = doc[span.end] if span.end < sent.end else None
    if any(t is not None and t.text[:1].isupper() and t.is_alpha and t.i != sent.start for t in (before, after)):
        f["answer_next_to_capital"] = 1.0
    if not re.search(r"[A-Z0-9]", answer):
        f["answer_lowercase"] = 1.0
    m = re.fullmatch(r"\D*?(\d+)\D*", answer.replace(",", ""))
    if label in NUMBER_LABELS and m and int(m.group(1)) < 10:
        f["answer_small_number"] = 1.0
    if re.fullmatch(r"(in )?\d{4}", answer.strip()):
        f["answer_year"] = 1.0
    if re.fullmatch(r"(one|two|three|four|five|six|seven|eight|nine|ten)", answer.strip().lower()):
        f["answer_number_word"] = 1.0
    low = answer.lower().removeprefix("the ")
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w'-]+", answer)]
    if low in topic_names or (words and all(w in title_words for w in words if w not in ("the", "of", "and"))):
        f["answer_topic"] = 1.0
    f["answer_mentions"] = math.log1p(d.mentions(answer))

    head = span.root
    dep = head.dep_
    role = ("subject" if dep.startswith("nsubj") else "object" if dep in ("dobj", "obj", "attr", "oprd")
            else "pobj" if dep == "pobj" else "modifier" if dep in ("compound", "amod", "nmod", "poss", "nummod")
            else "appos" if dep == "appos" else "other")
    f["role_" + role] = 1.0
    if span.start == sent.start:
        f["answer_opens_sentence"] = 1.0

    first = next((t for t in sent if not t.is_punct and not t.is_space), sent[0])
    if first.i < span.start or first.i >= span.end:
        if first.pos_ == "DET":
            f["opens_determiner"] = 1.0
        elif first.pos_ == "PRON":
            f["opens_pronoun"] = 1.0
        elif first.pos_ in ("ADV", "CCONJ", "SCONJ"):
            f["opens_adverb"] = 1.0
    if first.lower_ in ("the", "a", "an", "some", "such", "many", "most") and first.head.pos_ == "NOUN":
        f["opens_common_noun"] = 1.0  # "The two states ...", "Some ...": who or what is meant?
    if COMPARING.search(prompt):
        f["comparing_word"] = 1.0
    if wh == "who" and group != "person":
        f["who_not_person"] = 1.0
    pron = sum(1 for t in sent if t.pos_ == "PRON" and t.lower_ in (
        "he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "this", "these", "those"))
    f["pronouns"] = min(pron, 3) / 3
    if shown_start is not None and shown_start < sent.start_char:
        f["context_shown"] = 1.0
    if any(t.lemma_ in REPORTING and t.pos_ == "VERB" for t in sent):
        f["reporting_verb"] = 1.0

    n_words = len(prompt.split())
    f["prompt_words"] = n_words / 20
    f["prompt_long"] = max(0, n_words - 25) / 10
    others = sum(1 for e in sent.ents if e.end <= span.start or e.start >= span.end)
    f["other_names"] = min(others, 4) / 4
    if re.search(r"[\"“”]", prompt):
        f["quotes"] = 1.0
    if re.search(r"[()\[\]]", prompt):
        f["brackets"] = 1.0
    if re.search(r"[:;]", prompt):
        f["colon"] = 1.0
    if _bare_definite(sent, span, prompt):
        f["bare_definite"] = 1.0
    if fmt != "cloze":
        shown = {w.lower() for w in re.findall(r"[\w'’-]+", prompt)}
        content = [t for t in sent if t.pos_ in CONTENT_POS and not span.start <= t.i < span.end]
        left_out = [t for t in content if t.lower_ not in shown and t.lemma_.lower() not in shown]
        f["left_out"] = len(left_out) / max(1, len(content))
    index = d.sentence_index.get(sent.start, 0)
    if index == 0:
        f["first_sentence"] = 1.0
    f["position"] = index / max(1, len(d.sentence_index) - 1)
    return f


CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
POINTING = {"the", "this", "these", "that", "those"}


def _bare_definite(sent, span, prompt: str) -> bool:
    """A noun chunk of the sentence, shown in the prompt, made of "the"/"this" (or "its", "their") and a
    common noun with no name, no of-phrase or clause of its own: "the position", "the economy"."""
    for nc in sent.noun_chunks:
        if nc.start < span.end and span.start < nc.end:
            continue
        first, root = nc[0], nc.root
        if first.lower_ not in POINTING and not (first.dep_ == "poss" and first.lower_ in ("its", "their", "his", "her")):
            continue
        if root.pos_ != "NOUN" or any(t.pos_ == "PROPN" or t.ent_type_ for t in nc):
            continue
        if any(c.dep_ in ("prep", "relcl", "acl", "compound") and c.i > root.i for c in root.children):
            continue
        if nc.text in prompt or nc.text[:1].upper() + nc.text[1:] in prompt:
            return True
    return False


@lru_cache(maxsize=1)
def weights() -> dict:
    """The fitted model: ``{"bias": b, "weights": {feature: w}, ...}`` (``quizgen/questions/score_weights.json``)."""
    return json.loads(resources.files("quizgen.questions").joinpath("score_weights.json").read_text(encoding="utf-8"))


def probability(feats: dict[str, float], model: Optional[dict] = None) -> float:
    """The estimated probability that both strict raters accept the question, in [0, 1]."""
    model = model or weights()
    w = model["weights"]
    z = model["bias"] + sum(w.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-z))

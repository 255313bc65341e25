"""The whole pipeline: Source -> parse -> facts -> candidate questions -> rank -> Quiz.

The public functions mirror the command line:

* :func:`generate` — one text (a string) to a Quiz;
* :func:`generate_sources` — many :class:`~quizgen.models.Source` objects, parsed in batches;
* :func:`generate_files` — paths of files or folders, read with :mod:`quizgen.reader`;
* :func:`explain_sources` — every candidate with the gate's verdict (``quizgen explain``);
* :func:`iter_quizzes` — one quiz per source, streaming (``quizgen generate --jsonl``);
  :func:`merge_quizzes` joins such per-source quizzes into one (also after a Dask run,
  :mod:`quizgen.cluster`).

``jobs`` spreads the work over worker processes (:mod:`quizgen.parallel`) and ``cache`` keeps
parses on disk (:mod:`quizgen.cache`); neither changes the quiz.
"""

from __future__ import annotations

import hashlib
import os
import random
from collections import Counter, deque
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional, Sequence, Union

from .learned import DEFAULT_MIN_SCORE
from .models import Answer, Choice, Evidence, Question, Quiz, Source
from .templates_data import Templates, default_templates

DEFAULT_FORMATS = ("short_answer", "multiple_choice", "cloze")
Progress = Callable[[Source], None]

if TYPE_CHECKING:  # pragma: no cover
    from .cache import ParseCache
CacheOption = Union[bool, "ParseCache", str, "os.PathLike[str]", None]


def check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    out = tuple(dict.fromkeys(formats))
    bad = [f for f in out if f not in DEFAULT_FORMATS]
    if bad or not out:
        from .errors import QuizgenError

        raise QuizgenError(f"unknown format {', '.join(bad) or '(none)'}; choose from {', '.join(DEFAULT_FORMATS)}")
    return out


def question_id(source: Source, sentence: str, offset: int, answer: str, fmt: str) -> str:
    """Stable id: the source id, the evidence sentence's text, where the answer sits in it, and the form.

    Editing another part of the text keeps the id (Anki then updates the note in place).
    """
    key = "\x1f".join([source.id, sentence, str(offset), answer, fmt])
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _tag(s: str) -> str:
    return "_".join(s.split()) or "_"


def questions_for_doc(
    source: Source,
    doc,
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    min_score: float = DEFAULT_MIN_SCORE,
    max_per_source: Optional[int] = None,
    templates: Optional[Templates] = None,
) -> list[Question]:
    """The questions for one parsed source, grounded, ranked and filtered."""
    from .grounding import problems

    chosen, _, _ = _ranked(source, doc, formats=formats, min_score=min_score, max_per_source=max_per_source,
                           templates=templates)
    out: list[Question] = []
    used_ids: set[str] = set()
    for c in chosen:
        f = c.fact
        sentence = source.text[f.sentence_start : f.sentence_end]
        qid = question_id(source, sentence, f.start - f.sentence_start, f.text, c.format)
        n = 2
        base = qid
        while qid in used_ids:  # the same sentence twice in one text
            qid = f"{base}-{n}"
            n += 1
        used_ids.add(qid)
        choices = None
        if c.choices:
            order = list(c.choices)
            random.Random(qid).shuffle(order)
            choices = [Choice(text=t, correct=ok) for t, ok in order]
        q = Question(
            id=qid, kind=f.kind, format=c.format, prompt=c.prompt,
            answer=Answer(text=f.text, source_id=source.id, start=f.start, end=f.end, value=f.value,
                          accepted=_accepted(f)),
            evidence=Evidence(start=f.sentence_start if c.context_start is None else c.context_start, end=f.sentence_end),
            choices=choices,
            tags=["quizgen", f"kind::{f.kind}", f"format::{c.format}", f"source::{_tag(source.id)}"],
            score=c.score,
        )
        if problems(q, source):
            continue  # the grounding invariant is never relaxed: drop, don't emit
        out.append(q)
    return out


def _ranked(source: Source, doc, *, formats, min_score, max_per_source, templates):
    """``(chosen, passed, rejected)``: the candidates that become questions, all that passed the
    gate (scored by :mod:`quizgen.learned`), and the gate's ``(candidate, reason)`` rejections."""
    from .learned import DocFeatures
    from .rank import select

    passed, rejected, facts, entities, info = _gate(source, doc, formats, templates)
    # how often the text names each entity: its facts, or its mentions when the tagger found more
    mention_counts = dict(Counter(f.entity_name.lower() for f in facts))
    for e in entities:
        mention_counts[e.name.lower()] = max(mention_counts.get(e.name.lower(), 0), len(e.mentions))
    scorer = DocFeatures(doc, info.topic_names, info.title_words)
    for c in passed:
        c.score = round(scorer.probability(c.fact.start, c.fact.end, c.format, c.prompt, c.context_start), 3)
    chosen = select(passed, min_score=min_score, max_per_source=max_per_source, mention_counts=mention_counts)
    return chosen, passed, rejected


#: Why a candidate that passed the gate was not emitted.
RANKED_OUT = "ranked out: a duplicate, over the cap for its answer or for clozes, or below --min-score"


def explain_sources(
    sources: Iterable[Source],
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    min_score: float = DEFAULT_MIN_SCORE,
    max_per_source: Optional[int] = None,
    templates: Optional[Templates] = None,
) -> Iterator[dict]:
    """Every candidate question the rules built, with its verdict: one dict per candidate,
    ``{"source_id", "format", "kind", "prompt", "answer", "start", "end", "score", "emitted", "reason"}``,
    ``reason`` None for an emitted question, ``score`` None for one the gate rejected. The same rules as :func:`generate_sources`; this is
    what ``quizgen explain`` writes, so that every rule can be read and audited."""
    from .nlp import parse_many

    formats = check_formats(formats)
    srcs = list(sources)
    for src, doc in zip(srcs, parse_many(s.text for s in srcs)):
        chosen, passed, rejected = _ranked(src, doc, formats=formats, min_score=min_score,
                                           max_per_source=max_per_source, templates=templates)
        emitted = {id(c) for c in chosen}
        scored = {id(c) for c in passed}
        verdicts = [(c, None if id(c) in emitted else RANKED_OUT) for c in passed] + list(rejected)
        verdicts.sort(key=lambda v: (v[0].fact.start, v[0].fact.end, v[0].format))
        for c, why in verdicts:
            f = c.fact
            yield {"source_id": src.id, "format": c.format, "kind": f.kind, "prompt": c.prompt, "answer": f.text,
                   "start": f.start, "end": f.end, "score": c.score if id(c) in scored else None,
                   "emitted": why is None, "reason": why}


def gated_candidates(source: Source, doc, *, formats: Sequence[str] = DEFAULT_FORMATS,
                     templates: Optional[Templates] = None):
    """``(passed, rejected, facts, entities)``: every candidate question for one parsed source,
    split by the quality gate (:mod:`quizgen.gate`); ``rejected`` holds ``(candidate, reason)``."""
    return _gate(source, doc, formats, templates)[:4]


def _gate(source: Source, doc, formats: Sequence[str], templates: Optional[Templates]):
    """:func:`gated_candidates` and the gate's :class:`quizgen.gate.DocInfo`."""
    from .ask import candidates
    from .extract import facts_from_doc
    from .gate import doc_info, reason

    templates = templates or default_templates()
    facts, entities = facts_from_doc(doc)
    cands = candidates(doc, facts, entities, templates, formats)
    info = doc_info(doc, entities, source.title)
    passed, rejected = [], []
    for c in cands:
        why = reason(info, c)
        if why is None:
            passed.append(c)
        else:
            rejected.append((c, why))
    return passed, rejected, facts, entities, info


def _accepted(f) -> list[str]:
    """Other typed forms of the answer a player should accept."""
    out: list[str] = []
    if f.kind == "how_many" and isinstance(f.value, (int, float)):
        v = f.value
        out.append(f"{v:,}" if isinstance(v, int) else str(v))
        out.append(str(v))
    elif f.kind == "who" and f.entity_name != f.text:
        out.append(f.entity_name)
    low = f.text.lower()
    if low.startswith("the "):
        out.append(f.text[4:])
    return [a for a in dict.fromkeys(out) if a != f.text]


def generate_sources(
    sources: Iterable[Source],
    *,
    title: Optional[str] = None,
    formats: Sequence[str] = DEFAULT_FORMATS,
    min_score: float = DEFAULT_MIN_SCORE,
    max_per_source: Optional[int] = None,
    templates: Optional[Templates] = None,
    progress: Optional[Progress] = None,
    jobs: Optional[int] = 1,
    cache: CacheOption = None,
) -> Quiz:
    """A quiz over many sources; texts are parsed in batches with one model load.

    ``jobs`` worker processes share the work (None: one per CPU; the quiz is the same
    for every value); ``cache`` is a parse cache (``True``: :func:`quizgen.cache.cache_dir`).
    """
    srcs = list(sources)
    quizzes = iter_quizzes(srcs, formats=formats, min_score=min_score, max_per_source=max_per_source,
                           templates=templates, progress=progress, jobs=jobs, cache=cache)
    return merge_quizzes(quizzes, title=title, sources=srcs)


def merge_quizzes(quizzes: Iterable[Quiz], title: Optional[str] = None,
                  sources: Optional[Sequence[Source]] = None) -> Quiz:
    """One quiz from per-source quizzes (as :func:`iter_quizzes` yields them), in their order.

    The result equals :func:`generate_sources` over the same sources: its sources are the
    quizzes' sources in order (or ``sources``, when the caller still holds them), its questions
    theirs, its title ``title``, else the only source's title, else "quizgen quiz".
    """
    srcs: list[Source] = []
    questions: list[Question] = []
    for q in quizzes:
        if sources is None:
            srcs.extend(q.sources)
        questions.extend(q.questions)
    if sources is not None:
        srcs = list(sources)
    else:  # quizzes made apart (workers, a Dask cluster) could repeat an id; one quiz must not
        seen: set[str] = set()
        for s in srcs:
            if s.id in seen:
                from .errors import InputError

                raise InputError(f"duplicate source id {s.id!r}")
            seen.add(s.id)
    return Quiz(title=quiz_title(srcs, title), sources=srcs, questions=questions)


def quiz_title(sources: Sequence[Source], title: Optional[str] = None) -> str:
    """``title``, else the only source's title, else "quizgen quiz"."""
    if title is not None:
        return title
    return sources[0].title if len(sources) == 1 else "quizgen quiz"


def iter_quizzes(
    sources: Iterable[Source],
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    min_score: float = DEFAULT_MIN_SCORE,
    max_per_source: Optional[int] = None,
    templates: Optional[Templates] = None,
    progress: Optional[Progress] = None,
    jobs: Optional[int] = 1,
    cache: CacheOption = None,
    on_part: Optional[Callable[[Source, int, int], None]] = None,
) -> Iterator[Quiz]:
    """One quiz per source, in input order, streaming.

    Sources are consumed lazily and parsed in batches; at no time are more than a few
    batches of sources (and their parses) held. ``jobs`` > 1 (None: one per CPU) parses and
    builds questions in that many worker processes (:mod:`quizgen.parallel`), with the same
    output as ``jobs=1``. ``cache`` (``True``, a path or a :class:`~quizgen.cache.ParseCache`)
    reads parses from disk and stores new ones. A text longer than
    :data:`quizgen.segments.SEGMENT_CHARS` is parsed in parts (:mod:`quizgen.segments`), and
    ``on_part(source, parts_done, parts)`` is called as each part of it is done.
    """
    from .cache import resolve
    from .segments import Segmenter

    formats = check_formats(formats)
    options = {"formats": formats, "min_score": min_score, "max_per_source": max_per_source, "templates": templates}
    parse_cache = resolve(cache)
    segmenter = Segmenter(sources, max_per_source=max_per_source, on_part=on_part)
    if jobs == 1:
        pairs = questions_for_sources(segmenter.parts(), cache=parse_cache, **options)
    else:
        from .parallel import questions_in_parallel

        pairs = questions_in_parallel(segmenter.parts(), jobs=jobs, cache=parse_cache, options=options)
    for src, qs in segmenter.join(pairs):
        if progress:
            progress(src)
        yield Quiz(title=src.title, sources=[src], questions=qs)


def questions_for_sources(
    sources: Iterable[Source],
    *,
    cache: Optional["ParseCache"] = None,
    formats: Sequence[str] = DEFAULT_FORMATS,
    min_score: float = DEFAULT_MIN_SCORE,
    max_per_source: Optional[int] = None,
    templates: Optional[Templates] = None,
) -> Iterator[tuple[Source, list[Question]]]:
    """``(source, questions)`` for each source, in this process: parse in batches, then build questions.

    With a cache, a source whose questions were built before under the same options and
    code is answered from it; the others are parsed (or their parses read from the cache).
    """
    from .nlp import batches, parse_many

    options = {"formats": tuple(formats), "min_score": min_score, "max_per_source": max_per_source,
               "templates": templates}
    if cache is None:
        pending: deque[Source] = deque()

        def texts() -> Iterator[str]:
            for s in sources:
                pending.append(s)
                yield s.text

        for doc in parse_many(texts()):
            src = pending.popleft()
            yield src, questions_for_doc(src, doc, **options)
        return

    for batch in batches(sources, text=lambda s: s.text):
        yield from _cached_batch(batch, cache, options)


def _cached_batch(batch: list[Source], cache: "ParseCache", options: dict) -> list[tuple[Source, list[Question]]]:
    from .nlp import parse_many

    found = [cache.get_questions(src, options) for src in batch]
    todo = [i for i, qs in enumerate(found) if qs is None]
    for i, doc in zip(todo, parse_many([batch[i].text for i in todo], cache=cache)):
        qs = questions_for_doc(batch[i], doc, **options)
        cache.put_questions(batch[i], options, qs)
        found[i] = qs
    return list(zip(batch, found))  # type: ignore[arg-type]


def generate(
    text: str,
    source_id: str = "text",
    title: Optional[str] = None,
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    min_score: float = DEFAULT_MIN_SCORE,
    max_per_source: Optional[int] = None,
    templates: Optional[Templates] = None,
    cache: CacheOption = None,
) -> Quiz:
    """Questions from one text.

    >>> quiz = generate("Fidel Castro released 200 prisoners in 1998.", source_id="castro")
    >>> [q.answer.text for q in quiz.questions]  # doctest: +SKIP
    ['Fidel Castro', '200', '1998']
    """
    from .errors import InputError

    if not isinstance(text, str):
        raise InputError(f"{source_id}: text must be a str, not {type(text).__name__}")
    text = normalise_text(text)
    source = Source.from_text(text, id=source_id, title=title)
    return generate_sources([source], title=title or source.title, formats=formats, min_score=min_score,
                            max_per_source=max_per_source, templates=templates, cache=cache)


def normalise_text(text: str) -> str:
    """What every source text goes through: BOM dropped, CRLF/CR -> LF, unpaired surrogates and NULs removed."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = "".join(ch for ch in text if not "\ud800" <= ch <= "\udfff")
    return text

"""The whole pipeline: Source -> parse -> facts -> candidate questions -> rank -> Quiz.

The public functions mirror the command line:

* :func:`generate` — one text (a string) to a Quiz;
* :func:`generate_sources` — many :class:`~quizgen.models.Source` objects, parsed in batches;
* :func:`generate_files` — paths of files or folders, read with :mod:`quizgen.read.sources`;
* :func:`explain_sources` — every candidate with the gate's verdict (``quizgen explain``);
* :func:`iter_quizzes` — one quiz per source, streaming (``quizgen generate --jsonl``);
  :func:`merge_quizzes` joins such per-source quizzes into one (also after a Dask run,
  :mod:`quizgen.run.cluster`).

``jobs`` spreads the work over worker processes (:mod:`quizgen.run.parallel`) and ``cache`` keeps
parses on disk (:mod:`quizgen.run.cache`); neither changes the quiz.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional, Sequence, Union

from quizgen.models import Question, Quiz, Source
from quizgen.questions.build import DEFAULT_FORMATS, RANKED_OUT, check_formats, ranked
from quizgen.questions.learned import DEFAULT_MIN_SCORE
from quizgen.questions.templates_data import Templates
from quizgen.run.serial import questions_for_sources

Progress = Callable[[Source], None]

if TYPE_CHECKING:  # pragma: no cover
    from quizgen.run.cache import ParseCache
CacheOption = Union[bool, "ParseCache", str, "os.PathLike[str]", None]


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
    from quizgen.nlp.model import parse_many

    formats = check_formats(formats)
    srcs = list(sources)
    for src, doc in zip(srcs, parse_many(s.text for s in srcs)):
        chosen, passed, rejected = ranked(src, doc, formats=formats, min_score=min_score,
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
    for every value); ``cache`` is a parse cache (``True``: :func:`quizgen.run.cache.cache_dir`).
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
                from quizgen.errors import InputError

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
    builds questions in that many worker processes (:mod:`quizgen.run.parallel`), with the same
    output as ``jobs=1``. ``cache`` (``True``, a path or a :class:`~quizgen.run.cache.ParseCache`)
    reads parses from disk and stores new ones. A text longer than
    :data:`quizgen.read.segments.SEGMENT_CHARS` is parsed in parts (:mod:`quizgen.read.segments`), and
    ``on_part(source, parts_done, parts)`` is called as each part of it is done.
    """
    from quizgen.run.cache import resolve
    from quizgen.read.segments import Segmenter

    formats = check_formats(formats)
    options = {"formats": formats, "min_score": min_score, "max_per_source": max_per_source, "templates": templates}
    parse_cache = resolve(cache)
    segmenter = Segmenter(sources, max_per_source=max_per_source, on_part=on_part)
    if jobs == 1:
        pairs = questions_for_sources(segmenter.parts(), cache=parse_cache, **options)
    else:
        from quizgen.run.parallel import questions_in_parallel

        pairs = questions_in_parallel(segmenter.parts(), jobs=jobs, cache=parse_cache, options=options)
    for src, qs in segmenter.join(pairs):
        if progress:
            progress(src)
        yield Quiz(title=src.title, sources=[src], questions=qs)


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
    from quizgen.errors import InputError

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

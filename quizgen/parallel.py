"""Worker processes: parse and build questions for many sources on every core, output unchanged.

:func:`questions_in_parallel` cuts the stream of sources into chunks (about
:data:`CHUNK_CHARS` characters, at most :data:`CHUNK_SOURCES` sources) and hands each chunk
to a pool of worker processes. Each worker loads the spaCy model once
(:func:`quizgen.nlp.load_model`) and runs exactly what one process runs
(:func:`quizgen.pipeline.questions_for_sources`: ``nlp.pipe``, the parse cache, question
building) and sends back only the questions. Results are yielded in input order, so the
quiz is byte-identical to ``jobs=1``.

Memory stays bounded on any corpus: at most ``2 * jobs`` chunks are in flight, and the
input iterator is read only as fast as results are consumed.

Workers are started with ``spawn`` (a fresh interpreter; no fork of a process that runs a
progress-bar thread), which also works the same on Linux, macOS and Windows. A run whose
sources fit in one chunk is not worth a model load per worker: it runs in this process.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

from .models import Question, Source

if TYPE_CHECKING:  # pragma: no cover
    from .cache import ParseCache

#: A chunk is cut after this many characters of text ...
CHUNK_CHARS = 10_000
#: ... or this many sources, whichever comes first.
CHUNK_SOURCES = 32
#: Chunks in flight per worker (one being worked on, one waiting).
IN_FLIGHT_PER_JOB = 2

_worker_options: dict = {}
_worker_cache: "Optional[ParseCache]" = None


def cpu_count() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: Optional[int]) -> int:
    """``None`` or 0: one per core; otherwise ``jobs`` (at least 1)."""
    if jobs is None or jobs == 0:
        return cpu_count()
    if jobs < 0:
        from .errors import QuizgenError

        raise QuizgenError(f"jobs must be 0 (all cores) or more, not {jobs}")
    return jobs


def chunks(sources: Iterable[Source], max_chars: Optional[int] = None,
           max_sources: Optional[int] = None) -> Iterator[list[Source]]:
    """Consecutive runs of sources of about ``max_chars`` characters (at least one source each)."""
    max_chars = CHUNK_CHARS if max_chars is None else max_chars
    max_sources = CHUNK_SOURCES if max_sources is None else max_sources
    chunk: list[Source] = []
    size = 0
    for s in sources:
        chunk.append(s)
        size += len(s.text)
        if size >= max_chars or len(chunk) >= max_sources:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _init_worker(cache: "Optional[ParseCache]", options: dict) -> None:
    global _worker_cache, _worker_options
    _worker_cache, _worker_options = cache, options


def _work(chunk: list[Source]) -> list[list[Question]]:
    from .pipeline import questions_for_sources

    return [qs for _src, qs in questions_for_sources(chunk, cache=_worker_cache, **_worker_options)]


def questions_in_parallel(
    sources: Iterable[Source],
    *,
    jobs: Optional[int] = None,
    cache: "Optional[ParseCache]" = None,
    options: Optional[dict] = None,
) -> Iterator[tuple[Source, list[Question]]]:
    """``(source, questions)`` for each source in input order, computed by ``jobs`` worker processes.

    ``options`` are :func:`quizgen.pipeline.questions_for_sources`' keyword arguments
    (formats, min_score, max_per_source, templates).
    """
    from .pipeline import questions_for_sources

    options = dict(options or {})
    n_jobs = resolve_jobs(jobs)
    parts = chunks(sources)
    head = list(itertools.islice(parts, 2))
    if n_jobs == 1 or len(head) < 2:  # one chunk of work: not worth starting workers
        rest = itertools.chain.from_iterable(itertools.chain(head, parts))
        yield from questions_for_sources(rest, cache=cache, **options)
        return

    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=n_jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(cache, options))
    window: deque = deque()
    try:
        for chunk in itertools.chain(head, parts):
            window.append((chunk, pool.submit(_work, chunk)))
            while len(window) >= IN_FLIGHT_PER_JOB * n_jobs:
                done, fut = window.popleft()
                yield from zip(done, fut.result())
        while window:
            done, fut = window.popleft()
            yield from zip(done, fut.result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

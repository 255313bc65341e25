"""Worker processes: parse and build questions for many sources on every core, output unchanged.

:func:`questions_in_parallel` cuts the stream of sources into chunks (about
:data:`CHUNK_CHARS` characters, at most :data:`CHUNK_SOURCES` sources) and hands each chunk
to a pool of worker processes. Each worker loads the spaCy model once
(:func:`quizgen.nlp.model.load_model`) and runs exactly what one process runs
(:func:`quizgen.run.serial.questions_for_sources`: ``nlp.pipe``, the parse cache, question
building) and sends back only the questions. Results are yielded in input order, so the
quiz is byte-identical to ``jobs=1``.

Memory stays bounded on any corpus: at most ``2 * jobs`` chunks are in flight and ``jobs + 1``
chunks' worth read ahead (:func:`chunks`), and the input iterator is read only as fast as
results are consumed.

With a cache, this process looks up each source's questions first and sends only the
misses to the workers; the pool (and with it every model load) starts only at the first
miss, so a re-run on unchanged input costs no worker at all.

Workers are forked from a ``forkserver``: a fresh interpreter, started once per process at
the first miss (or by the ``quizgen`` command as it starts: :mod:`quizgen.run.early`), that
imports spaCy and loads the model (:mod:`quizgen.run.preload`) and then forks every worker with
the model already in memory. That is one model load for the whole pool instead of one per
worker, all at once, and no fork of this process (which may run a progress-bar thread). Elsewhere than on Linux (macOS, Windows), workers are ``spawn``-ed
fresh and load the model themselves. A run whose sources fit in one chunk is not worth
starting workers: it runs in this process.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

from quizgen.nlp.model import BATCH_CHARS, BATCH_SIZE

if TYPE_CHECKING:  # pragma: no cover - imported lightly (quizgen.run.early, before the command line is parsed)
    from quizgen.run.cache import ParseCache
    from quizgen.models import Question, Source

#: A chunk is cut after this many characters of text ... (one parse batch: spaCy parses a larger
#: batch faster; over news-dev x5 in one process, chunks of 10,000 characters took 4.7% more time
#: than one stream, chunks of 32,000 1.8% more)
CHUNK_CHARS = BATCH_CHARS
#: ... or this many sources, whichever comes first.
CHUNK_SOURCES = BATCH_SIZE
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
        from quizgen.errors import QuizgenError

        raise QuizgenError(f"jobs must be 0 (all cores) or more, not {jobs}")
    return jobs


def chunks(sources: Iterable[Source], max_chars: Optional[int] = None,
           max_sources: Optional[int] = None, jobs: int = 1) -> Iterator[list[Source]]:
    """Consecutive runs of sources of about ``max_chars`` characters (at least one source each).

    The input is read ``jobs`` chunks ahead. Once it ends, what is left is cut finer and finer
    (half an even share per worker each time, down to a quarter of ``max_chars``), so that
    the workers finish together instead of one working through a whole last chunk while the
    others wait.
    """
    max_chars = CHUNK_CHARS if max_chars is None else max_chars
    max_sources = CHUNK_SOURCES if max_sources is None else max_sources
    ahead: deque[Source] = deque()
    size = 0

    def take(limit: int) -> list[Source]:
        nonlocal size
        chunk: list[Source] = []
        n = 0
        while ahead and (not chunk or (n < limit and len(chunk) < max_sources)):
            s = ahead.popleft()
            chunk.append(s)
            n += len(s.text)
        size -= n
        return chunk

    for s in sources:
        ahead.append(s)
        size += len(s.text)
        while size >= max_chars * (jobs + 1) or len(ahead) >= max_sources * (jobs + 1):
            yield take(max_chars)
    while ahead:
        yield take(max(max_chars // 4, size // (2 * jobs)) if jobs > 1 else max_chars)


def _context():
    """``forkserver`` with spaCy and the model preloaded (:mod:`quizgen.run.preload`) on Linux, else ``spawn``.

    (macOS has a forkserver too, but forking a process that has loaded numpy's Accelerate or
    the Objective-C runtime is not safe there; Python itself defaults to ``spawn`` on macOS.)
    """
    import multiprocessing
    import sys

    if sys.platform.startswith("linux") and "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["quizgen.run.preload"])
        return ctx
    return multiprocessing.get_context("spawn")  # pragma: no cover - macOS, Windows


def start_server() -> Optional[int]:
    """Start the worker server unless it is running; its process id (``None`` off Linux).

    :func:`questions_in_parallel` calls this before it starts its pool. The ``quizgen`` command
    calls it as it starts (:mod:`quizgen.run.early`) when the run will need workers, so that the
    server imports spaCy and loads the model while the command parses its options and reads
    its input.
    """
    ctx = _context()
    if ctx.get_start_method() != "forkserver":  # pragma: no cover - macOS, Windows
        return None
    import signal
    from multiprocessing import forkserver, resource_tracker

    # The server is in the command's process group, so a Ctrl-C reaches it too, and while
    # Python starts and imports spaCy it would print a traceback. Started with SIGINT blocked
    # (a signal mask survives exec), it never sees one; this process answers the Ctrl-C once
    # its own mask is restored. (multiprocessing does the same for its resource tracker, which
    # the server needs, but then unblocks SIGINT here: so the tracker is started first.)
    resource_tracker.ensure_running()
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        forkserver.ensure_running()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    return getattr(forkserver._forkserver, "_forkserver_pid", None)


def _init_worker(cache: "Optional[ParseCache]", options: dict) -> None:
    global _worker_cache, _worker_options
    _worker_cache, _worker_options = cache, options
    # Ctrl-C reaches the whole process group: the main process handles it (and stops the pool);
    # workers finish their chunk quietly instead of each printing a traceback.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(chunk: list[Source]) -> list[list[Question]]:
    from quizgen.run.serial import questions_for_sources

    return [qs for _src, qs in questions_for_sources(chunk, cache=_worker_cache, **_worker_options)]


def questions_in_parallel(
    sources: Iterable[Source],
    *,
    jobs: Optional[int] = None,
    cache: "Optional[ParseCache]" = None,
    options: Optional[dict] = None,
) -> Iterator[tuple[Source, list[Question]]]:
    """``(source, questions)`` for each source in input order, computed by ``jobs`` worker processes.

    ``options`` are :func:`quizgen.run.serial.questions_for_sources`' keyword arguments
    (formats, min_score, max_per_source, templates).
    """
    from quizgen.questions.build import DEFAULT_FORMATS
    from quizgen.run.serial import questions_for_sources

    options = dict(options or {})
    options["formats"] = tuple(options.get("formats", DEFAULT_FORMATS))
    n_jobs = resolve_jobs(jobs)
    sources = iter(sources)
    head = next(chunks(sources, jobs=0), [])  # the first chunk's worth, nothing read beyond it
    following = next(sources, None)
    if n_jobs == 1 or following is None:  # one chunk of work: not worth starting workers
        yield from questions_for_sources(itertools.chain(head, sources), cache=cache, **options)
        return
    parts = chunks(itertools.chain(head, [following], sources), jobs=n_jobs)

    from concurrent.futures import ProcessPoolExecutor

    pool: Optional[ProcessPoolExecutor] = None
    window: deque = deque()

    def finish(entry) -> Iterator[tuple[Source, list[Question]]]:
        chunk, found, fut = entry
        if fut is not None:
            computed = iter(fut.result())
            found = [qs if qs is not None else next(computed) for qs in found]
        return zip(chunk, found)

    try:
        for chunk in parts:
            # Questions already in the cache are read here; only the rest goes to a worker, and no
            # worker is started (no model loaded) while everything so far came from the cache.
            found = [cache.get_questions(s, options) for s in chunk] if cache is not None else [None] * len(chunk)
            todo = [s for s, qs in zip(chunk, found) if qs is None]
            fut = None
            if todo:
                if pool is None:
                    start_server()
                    pool = ProcessPoolExecutor(max_workers=n_jobs, mp_context=_context(),
                                               initializer=_init_worker, initargs=(cache, options))
                fut = pool.submit(_work, todo)
            window.append((chunk, found, fut))
            while len(window) >= IN_FLIGHT_PER_JOB * n_jobs or (window and window[0][2] is None):
                yield from finish(window.popleft())
        while window:
            yield from finish(window.popleft())
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

"""Where the ``quizgen`` command starts (the console script, and ``python -m quizgen``).

It imports almost nothing, so that one thing can happen before the command line is parsed
(typer, click and pydantic take about 0.1 s): a ``quizgen generate`` that will parse in
worker processes starts their server (:func:`quizgen.parallel.start_server`: a fresh
interpreter that imports spaCy and loads the model, 0.6-0.7 s) at once, on another core,
while this process parses its options and reads its input. The workers can then begin about
0.15-0.2 s sooner than when the server was started at the first chunk of work.

Whether a run will use workers is guessed from the command line alone
(:func:`wants_workers`): the ``generate`` command, more than one job (``--jobs``, by
default one per core) and more input than one chunk (the sizes of the input files). A guess
that proves wrong, say a re-run whose questions all come from the cache, costs CPU time on
another core and nothing else: the server is stopped when the command ends
(:func:`_stop`), so a pipe reader does not wait for it. Everything else, errors
included, is :func:`quizgen.cli.run`'s.
"""

from __future__ import annotations

import os
import sys
from typing import Iterator, Optional

#: ``quizgen generate``'s options that take no value (checked against the CLI by the tests).
FLAGS = frozenset({"--no-cache", "--quiet", "-q"})
#: Options after which the guess is not made: the command only prints something.
NO_RUN = frozenset({"--help", "--version"})


def run() -> None:
    """The ``quizgen`` command: start the worker server if the run looks big enough, then the CLI."""
    pid = None
    if wants_workers(sys.argv[1:]):
        from .parallel import start_server

        try:
            pid = start_server()
        except OSError:  # no processes left, say: the run itself will report it, or run in one process
            pid = None
    if pid is not None:
        import atexit

        atexit.register(_stop, pid)
    from .cli import run as run_cli

    run_cli()


def _stop(pid: int) -> None:
    """End the worker server: its workers are done, and it holds the command's stdout and stderr."""
    import signal

    try:
        os.kill(pid, signal.SIGTERM)
    except OSError:  # already gone
        pass


def wants_workers(argv: list[str]) -> bool:
    """Whether ``quizgen ARGV`` is a ``generate`` that will likely parse in worker processes.

    ``generate`` must come first, with neither ``--help`` nor ``--version``, with more than
    one job (:func:`quizgen.parallel.resolve_jobs`) on a machine with more than one core, and
    with more bytes of input (files, folders, ``--jsonl-in``) than one chunk of work
    (:data:`quizgen.parallel.CHUNK_CHARS`): the same tests :func:`quizgen.parallel.questions_in_parallel`
    makes, except for the cache, which only the run itself can read.
    """
    if not argv or argv[0] != "generate" or NO_RUN.intersection(argv):
        return False
    from .parallel import CHUNK_CHARS, resolve_jobs

    jobs = 0
    inputs: list[str] = []
    for name, value in _options(argv[1:]):
        if name is None or name == "--jsonl-in":
            inputs.append(value)
        elif name in ("--jobs", "-j"):
            try:
                jobs = int(value)
            except ValueError:
                return False  # the CLI will say what is wrong
    if jobs < 0 or resolve_jobs(jobs) < 2:
        return False
    return _size_over(inputs, CHUNK_CHARS)


def _options(args: list[str]) -> Iterator[tuple[Optional[str], str]]:
    """``(option, value)`` for each option given a value, ``(None, argument)`` for each argument."""
    i = 0
    only_args = False
    while i < len(args):
        a = args[i]
        i += 1
        if only_args or not a.startswith("-") or a == "-":
            yield None, a
        elif a == "--":
            only_args = True
        elif a.startswith("--") and "=" in a:
            name, _, value = a.partition("=")
            yield name, value
        elif a in FLAGS:
            continue
        elif not a.startswith("--") and len(a) > 2:  # -j2
            yield a[:2], a[2:]
        elif i < len(args):
            yield a, args[i]
            i += 1


def _size_over(paths: list[str], limit: int) -> bool:
    """Whether the files at ``paths`` (folders walked) hold more than ``limit`` bytes in all."""
    total = 0
    for p in paths:
        try:
            if os.path.isdir(p):
                for root, _dirs, files in os.walk(p):
                    for f in files:
                        total += os.stat(os.path.join(root, f)).st_size
                        if total > limit:
                            return True
            else:
                total += os.stat(p).st_size
        except OSError:
            continue
        if total > limit:
            return True
    return False

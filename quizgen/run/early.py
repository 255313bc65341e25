"""Start the worker server as the ``quizgen`` command starts, when the run is going to need it.

A ``quizgen generate`` that parses in worker processes (:mod:`quizgen.run.parallel`) first waits
for their server to import spaCy and load the model (0.6-0.7 s). Left to itself, the run
starts that server at the first source the cache cannot answer: after the command line has
been parsed (typer, click and pydantic) and the first chunk read, about 0.2 s in. The
``quizgen`` command calls :func:`start` before any of that is imported, so the server loads
the model on another core meanwhile and the workers begin about 0.15 s sooner.

The server is started when all of these hold (:func:`wants_workers`):

* the command is ``generate`` (with neither ``--help`` nor ``--version``) and its input is
  files or folders, not ``--jsonl-in``;
* more than one job (``--jobs``, by default one per core) on a machine with more than one core;
* more bytes of input than one chunk of work (:data:`quizgen.run.parallel.CHUNK_CHARS`): a run
  within one chunk stays in one process;
* unless ``--no-cache``: the parse of the first input file is not in the cache
  (:func:`first_parse_cached`). A re-run on unchanged input is answered by the cache and
  starts no server, which is what keeps such a re-run quick.

The command line is read here only as far as these tests need; everything else, errors
included, is :func:`quizgen.cli.run`'s. A server started on a wrong guess (say, the first file
is new but every other source is cached) costs work on another core: it is stopped when the
command ends (:func:`_stop`), so that a pipe reader does not wait for it.
"""

from __future__ import annotations

import os
from typing import Iterator, Optional

#: ``quizgen generate``'s options that take no value (``tests/test_early.py`` checks them against the CLI).
FLAGS = frozenset({"--no-cache", "--quiet", "-q"})
#: Options with which the command only prints something.
NO_RUN = frozenset({"--help", "--version"})


def start(argv: list[str]) -> Optional[int]:
    """Start the worker server if ``quizgen ARGV`` is going to need it; its process id, else ``None``."""
    try:
        if not wants_workers(argv):
            return None
        from quizgen.run.parallel import start_server

        pid = start_server()
    except Exception:  # noqa: BLE001 - only a guess: the run itself reports what is wrong
        return None
    if pid is not None:
        import atexit

        atexit.register(_stop, pid)
    return pid


def _stop(pid: int) -> None:
    """End the worker server: its workers are done, and it holds the command's stdout and stderr open."""
    import signal

    try:
        os.kill(pid, signal.SIGTERM)
    except OSError:  # already gone
        pass


def wants_workers(argv: list[str]) -> bool:
    """Whether ``quizgen ARGV`` is a ``generate`` that is going to parse in worker processes (see the module docstring)."""
    if not argv or argv[0] != "generate" or NO_RUN.intersection(argv):
        return False
    from quizgen.run.parallel import CHUNK_CHARS, resolve_jobs

    jobs, encoding, inputs, no_cache = 0, None, [], False
    for name, value in _options(argv[1:]):
        if name is None:
            inputs.append(value)
        elif name == "--no-cache":
            no_cache = True
        elif name == "--jsonl-in":
            return False
        elif name in ("--jobs", "-j"):
            try:
                jobs = int(value)
            except ValueError:  # the CLI will say what is wrong
                return False
        elif name == "--encoding":
            encoding = value
    if jobs < 0 or resolve_jobs(jobs) < 2 or not inputs or "-" in inputs:  # "-": standard input, one text
        return False
    from quizgen.errors import QuizgenError
    from quizgen.read.sources import iter_input_paths

    try:
        paths, _warnings = iter_input_paths(inputs)
        if sum(os.stat(p).st_size for p in paths) <= CHUNK_CHARS:
            return False
        return no_cache or not first_parse_cached(paths[0], encoding)
    except (QuizgenError, OSError):  # a missing or unreadable input: the CLI will say so
        return False


def first_parse_cached(path: "os.PathLike[str]", encoding: Optional[str] = None) -> bool:
    """Whether the parse cache holds the parse of the text in ``path``, read as ``quizgen generate`` reads it."""
    from quizgen.run.cache import ParseCache
    from quizgen.read.sources import decode_text, read_file_bytes

    text, _warnings = decode_text(read_file_bytes(path, str(path)), name=str(path), encoding=encoding)
    return ParseCache().path(text).is_file()


def _options(args: list[str]) -> Iterator[tuple[Optional[str], str]]:
    """``(option, value)`` for each option (``""`` for a flag), ``(None, argument)`` for each argument."""
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
            yield a, ""
        elif not a.startswith("--") and len(a) > 2:  # -j2
            yield a[:2], a[2:]
        elif i < len(args):
            yield a, args[i]
            i += 1

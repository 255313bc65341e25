"""Keep the document libraries quiet: their log messages and warnings never reach the terminal.

pypdf, trafilatura (and the libraries it uses) and python-docx report damaged or odd input through
:mod:`logging` and :mod:`warnings`. With no logging configured, Python prints such records on
stderr, which would break quizgen's rule of one line per problem. The readers turn what matters
into their own one-line errors and warnings instead.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from typing import Iterator

#: The loggers of the libraries the readers use.
LIBRARY_LOGGERS = ("pypdf", "trafilatura", "htmldate", "courlan", "justext", "docx", "markdown_it",
                   "charset_normalizer")


@contextlib.contextmanager
def quiet_libraries() -> Iterator[None]:
    """Within the block, records of the libraries' loggers (and of their children) end in a
    :class:`logging.NullHandler` instead of going on to the root logger, and warnings are ignored."""
    loggers = [logging.getLogger(n) for n in LIBRARY_LOGGERS]
    saved = [lg.propagate for lg in loggers]
    sink = logging.NullHandler()
    try:
        for lg in loggers:
            lg.addHandler(sink)
            lg.propagate = False
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for lg, propagate in zip(loggers, saved):
            lg.removeHandler(sink)
            lg.propagate = propagate

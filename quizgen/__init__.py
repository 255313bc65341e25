"""quizgen: quizzes and flashcards whose every answer is an exact span of the source text.

>>> import quizgen
>>> quiz = quizgen.generate("Fidel Castro released 200 prisoners in 1998.", source_id="castro")
>>> quiz.to_json()  # doctest: +SKIP

Heavy modules (spaCy, genanki) load only when first used.
"""

import os
from typing import TYPE_CHECKING

from quizgen._version import __version__
from quizgen.errors import InputError, ModelError, OutputError, QuizgenError

if TYPE_CHECKING:  # pragma: no cover
    from quizgen.models import SCHEMA_VERSION, Answer, Choice, Evidence, Question, Quiz, Source, json_schema
    from quizgen.export.decisions import DecisionReport, Decisions, apply_decisions, decisions_schema, read_decisions
    from quizgen.pipeline import explain_sources, generate, generate_sources, iter_quizzes, merge_quizzes

# Loaded on first use (PEP 562), so that `quizgen --help` does not pay for pydantic.
_LAZY = {
    **{name: "models" for name in ("SCHEMA_VERSION", "Answer", "Choice", "Evidence", "Question", "Quiz",
                                   "Source", "json_schema")},
    **{name: "pipeline" for name in ("generate", "generate_sources", "iter_quizzes", "merge_quizzes",
                                     "explain_sources")},
    **{name: "export.decisions" for name in ("apply_decisions", "read_decisions", "decisions_schema", "Decisions",
                                             "DecisionReport")},
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'quizgen' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))

__all__ = [
    "__version__", "SCHEMA_VERSION",
    "Answer", "Choice", "Evidence", "Question", "Quiz", "Source",
    "QuizgenError", "InputError", "OutputError", "ModelError",
    "generate", "generate_sources", "generate_files", "iter_quizzes", "merge_quizzes", "json_schema",
    "explain_files", "explain_sources",
    "write_json", "write_apkg", "review_page",
    "apply_decisions", "read_decisions", "decisions_schema", "Decisions", "DecisionReport",
]


def generate_files(paths, title=None, *, encoding=None, on_warning=None, **options):
    """A quiz over files and folders (text, Markdown, HTML, PDF, Word, EPUB), as ``quizgen generate PATHS...`` makes it.

    Files are read by :func:`quizgen.read.sources.iter_file_sources`: source ids are the file stems,
    made unique (``notes``, ``notes-2``) when two files share one; files without text inside a
    folder, and texts that are not English, are skipped. Each warning (a skipped file, HTML extracted, ...) is
    passed to ``on_warning``, or else issued with :func:`warnings.warn`. Input problems raise
    :class:`InputError`.
    """
    if on_warning is None:
        import warnings

        def on_warning(message):
            warnings.warn(message, stacklevel=2)

    from quizgen.pipeline import generate_sources

    return generate_sources(_file_sources(paths, encoding, on_warning), title=title, **options)


def explain_files(paths, *, encoding=None, on_warning=None, **options):
    """Every candidate question for files and folders, with the quality gate's verdict and reason
    (:func:`quizgen.pipeline.explain_sources`), as ``quizgen explain PATHS...`` writes them."""
    from quizgen.pipeline import explain_sources

    return list(explain_sources(_file_sources(paths, encoding, on_warning or (lambda m: None)), **options))


def _file_sources(paths, encoding, on_warning):
    """The sources of files and folders (one path or many), read by :func:`quizgen.read.sources.iter_file_sources`."""
    from quizgen.read.sources import iter_file_sources

    if isinstance(paths, (str, bytes, os.PathLike)):  # one path (bytes too: any name Linux allows)
        paths = [paths]
    sources, _count = iter_file_sources(list(paths), encoding=encoding, on_warning=on_warning)
    return sources


def write_json(quiz: "Quiz", path) -> None:
    """Write the quiz as JSON, atomically."""
    from quizgen.export.fileio import write_text

    write_text(path, quiz.to_json())


def write_apkg(quiz: "Quiz", path) -> None:
    """Write the quiz as an Anki package (.apkg), atomically."""
    from quizgen.export.anki import write_apkg as _write

    _write(quiz, path)


def review_page(quiz: "Quiz") -> str:
    """The teacher review page for ``quiz`` (one self-contained HTML file), as ``quizgen review`` writes it."""
    from quizgen.export.review import review_page as _page

    return _page(quiz)

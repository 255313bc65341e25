"""The library's own error types. The CLI turns them into one-line messages and exit codes."""


class QuizgenError(Exception):
    """Base class of every error quizgen raises on purpose. ``exit_code`` is the CLI's exit status."""

    exit_code = 1


class InputError(QuizgenError):
    """An input text cannot be read or used (missing, binary, undecodable, ...). Exit code 1."""

    exit_code = 1


class OutputError(QuizgenError):
    """An output cannot be written (directory, permissions, ...). Exit code 3."""

    exit_code = 3


class ModelError(QuizgenError):
    """The spaCy English pipeline is not installed. Exit code 4."""

    exit_code = 4


class LanguageError(InputError):
    """An input's text is not English, which is all quizgen supports: it gives no questions. Exit code 1
    when no input gives questions; in a run with other inputs, it is skipped with a warning."""

    exit_code = 1

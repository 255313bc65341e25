"""The input reader: files, directories and JSON Lines in; clean :class:`Source` texts out.

Everything that can go wrong with an input is decided here, once, so the rest of
the pipeline only ever sees a non-empty ``str`` with ``\\n`` line ends and no
control characters. Offsets in a quiz point into that normalised text (DESIGN.md,
"Grounding invariant"), which is why the normalisation must be deterministic.

Public functions:

- :func:`decode_text` -- bytes to normalised text plus warnings (the rules are in its docstring);
- :func:`read_source` -- one file (text, Markdown, HTML, PDF, Word, EPUB) to a :class:`~quizgen.models.Source`,
  read by :func:`quizgen.read.document.read_document`;
- :func:`source_from_bytes` -- the bytes of one input (a file's, or standard input's) to a Source;
- :func:`read_stdin_source` -- standard input (``-``) to a Source, through :func:`source_from_bytes`;
- :func:`iter_input_paths` -- command-line inputs (files and directories) to a list of files;
- :func:`unique_ids` -- source ids for those files, unique even when stems repeat
  (from :mod:`quizgen.read.names`, which also shows any file name in messages);
- :func:`iter_file_sources` -- command-line inputs to Sources, lazily, skipping files without text in directories;
- :func:`read_jsonl_sources` -- stream Sources from a ``{"id", "title", "text"}`` JSON Lines file;
- :func:`guess_title` -- the title rule used by :func:`read_source`.

Every problem is an :class:`~quizgen.errors.InputError` whose message is one line and
starts with the file name; every warning is a one-line string of the same shape.
The reader never prints: the caller decides what to do with warnings.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterable, Iterator, Optional, Union

from quizgen.errors import InputError, LanguageError
from quizgen.read.names import display_name, source_id_from_stem, unique_ids
from quizgen.read.text import (  # re-exported: the text rules used to be defined in this module
    ENGLISH_FUNCTION_WORDS,
    HTML_SUFFIXES,
    _SURROGATES,
    _normalise,
    _plural,
    decode_text,
    html_to_text,
    language_warning,
    looks_like_html,
)

if TYPE_CHECKING:  # pragma: no cover - imported where a Source is made (pydantic: about 0.06 s)
    from quizgen.models import Source

PathLike = Union[str, "os.PathLike[str]"]

#: Suffixes read when a *directory* is given (a file named on the command line is read whatever its suffix).
TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml", ".pdf", ".docx",
                                  ".epub")
#: Longest first line that :func:`guess_title` takes as the title.
MAX_TITLE_CHARS = 120
_NON_SPACE = re.compile(r"\S")


# -- titles -------------------------------------------------------------------------------

_ATX_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_SETEXT_UNDERLINE = re.compile(r"(?:=+|-+)[ \t]*")


def title_from_stem(stem: str) -> str:
    """``"cuba-prisoner_release"`` -> ``"Cuba prisoner release"`` (only the first letter is changed)."""
    words = " ".join(re.split(r"[-_\s]+", stem)).strip()
    return (words[:1].upper() + words[1:]) if words else (stem or "Untitled")


def guess_title(text: str, fallback: str) -> str:
    """The title of a text: its first non-empty line if that line reads like a title.

    The first non-empty line (leading ``#`` marks of a Markdown heading removed) is the title
    when it is at most 120 characters, has a letter or digit, and either is a Markdown heading
    (``# Title`` or underlined with ``===``/``---``) or does not end with ``.``, ``,``, ``;`` or
    ``:`` and is not followed directly by a line starting in lower case (wrapped prose).
    Otherwise the title is :func:`title_from_stem` of ``fallback``. The text itself is not
    changed: the title line stays part of it.
    """
    m = _NON_SPACE.search(text)
    if m:
        begin = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        end = len(text) if end == -1 else end
        if end - begin <= 4 * MAX_TITLE_CHARS:
            line = text[begin:end].strip()
            nxt_end = text.find("\n", end + 1)
            nxt = text[end + 1 : (len(text) if nxt_end == -1 else nxt_end)] if end < len(text) else ""
            heading = False
            if _ATX_HEADING.match(line):
                line = re.sub(r"[ \t]+#+$", "", line.lstrip("#")).strip()
                heading = True
            elif nxt.strip() and _SETEXT_UNDERLINE.fullmatch(nxt.strip()):
                heading = True
            prose = line.endswith((".", ",", ";", ":")) or nxt[:1].islower()
            if 0 < len(line) <= MAX_TITLE_CHARS and any(c.isalnum() for c in line) and (heading or not prose):
                return line
    return title_from_stem(fallback)


# -- files --------------------------------------------------------------------------------


def read_file_bytes(path: Path, name: str) -> bytes:
    """The file's bytes, or an :class:`InputError` saying in one line why they cannot be read."""
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read: {e.strerror or e}") from None


def read_source(
    path: PathLike,
    *,
    encoding: Optional[str] = None,
    title: Optional[str] = None,
    id: Optional[str] = None,
    on_page: Optional[Callable[[int, int], None]] = None,
) -> tuple[Source, list[str]]:
    """Read one file into a :class:`Source`; return ``(source, warnings)``.

    A missing file, a directory or an unreadable file is an ``InputError`` ("PATH: no such
    file", "PATH: is a directory, not a file", "PATH: permission denied"); the bytes become
    a Source by :func:`source_from_bytes`. Messages name the file by
    :func:`~quizgen.read.names.display_name` (any name, one printable line). The source id is
    ``id`` or :func:`~quizgen.read.names.source_id_from_stem` of the file's stem (the stem
    itself for an ordinary name); the title is ``title``, else the document's own title (PDF,
    Word and EPUB metadata), else :func:`guess_title`; the source's ``sections`` are the
    document's pages, chapters or headings. ``on_page(done, pages)`` follows the reading of a
    PDF's pages.
    """
    p = Path(os.fsdecode(path))
    name = display_name(p)
    data = read_file_bytes(p, name)
    stem_id = source_id_from_stem(p.stem)
    return source_from_bytes(data, name=name, id=id or stem_id, title=title, title_fallback=stem_id,
                             encoding=encoding, on_page=on_page)


def source_from_bytes(
    data: bytes,
    *,
    name: str,
    id: str,
    title: Optional[str] = None,
    title_fallback: Optional[str] = None,
    encoding: Optional[str] = None,
    on_page: Optional[Callable[[int, int], None]] = None,
) -> tuple[Source, list[str]]:
    """The bytes of one input, from a file or from standard input, as a :class:`Source`; ``(source, warnings)``.

    The one place where an input's bytes become its text: by
    :func:`quizgen.read.document.read_document`, which picks the reader by content (plain text
    by the rules of :func:`decode_text`; PDF, Word, EPUB, HTML and Markdown by their readers),
    names ``name`` in its messages and raises :class:`~quizgen.errors.LanguageError` for a text
    that is not English; so a file and the same bytes piped in give the same source. The title
    is ``title``, else the document's own, else :func:`guess_title` with ``title_fallback``
    (default: ``id``).
    """
    from quizgen.read.document import read_document

    doc = read_document(data, name, encoding=encoding, on_page=on_page)
    return source_of(doc, id=id, title=title, stem=title_fallback)


#: The input name that means standard input, on the command line.
STDIN = "-"
#: How messages name standard input.
STDIN_NAME = "<stdin>"
#: The source id of standard input unless one is given.
STDIN_ID = "stdin"


def read_stdin_source(
    stream: Optional[IO[bytes]] = None,
    *,
    encoding: Optional[str] = None,
    title: Optional[str] = None,
    id: Optional[str] = None,
) -> tuple[Source, list[str]]:
    """Standard input (``-`` on the command line) as one :class:`Source`; ``(source, warnings)``.

    Reads ``stream`` (default: ``sys.stdin``'s bytes) to its end as bytes and hands them to
    :func:`source_from_bytes`, exactly as a file's, so every rule of :func:`decode_text`
    holds; messages name it ``<stdin>``. The id is ``id`` or ``stdin``; the title ``title`` or
    :func:`guess_title`. A closed or unreadable standard input is an ``InputError``.
    """
    import sys

    if stream is None:
        if sys.stdin is None:
            raise InputError(f"{STDIN_NAME}: cannot read: standard input is closed")
        stream = getattr(sys.stdin, "buffer", sys.stdin)
    try:
        data = stream.read()
    except (OSError, ValueError) as e:  # ValueError: a closed file
        raise InputError(f"{STDIN_NAME}: cannot read: {getattr(e, 'strerror', None) or e}") from None
    if isinstance(data, str):  # a text stream without a byte buffer (an embedding application's)
        try:
            data = data.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            data = data.encode("utf-8", "surrogatepass")  # then reported as not valid UTF-8
    return source_from_bytes(data, name=STDIN_NAME, id=id or STDIN_ID, title=title, encoding=encoding)


def source_of(doc, *, id: str, title: Optional[str] = None, stem: Optional[str] = None) -> tuple[Source, list[str]]:
    """A :class:`Source` from a :class:`~quizgen.read.document.Document`; return ``(source, warnings)``.

    The title is ``title``, else the document's title, else :func:`guess_title` of its text with
    ``stem`` (default: ``id``) as the fallback. (Standard input goes through here too.)
    """
    from quizgen.models import Section, Source

    sections = [Section(start=a, end=b, label=label) for a, b, label in doc.sections]
    name = title or doc.title or guess_title(doc.text, stem if stem is not None else id)
    return Source.from_text(doc.text, id=id, title=name, sections=sections), list(doc.warnings)


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def iter_input_paths(inputs: Iterable[PathLike]) -> tuple[list[Path], list[str]]:
    """Expand command-line inputs into the files to read; return ``(paths, warnings)``.

    - A file (any suffix, hidden or not) is taken as given.
    - A directory is walked recursively; its files with a suffix in :data:`TEXT_SUFFIXES`
      (any case) are taken in sorted order of their path inside the directory. Hidden files
      and directories (name starting with ``.``) are skipped silently; other files are
      skipped with one warning per directory input, "DIR: skipped N non-text files (e.g.
      ...)"; a directory with no text file at all gives "DIR: no text files found";
      unreadable subdirectories give a warning each, and so does a name with a text suffix
      that is not a readable regular file: a broken symbolic link or a loop of them, a FIFO
      or a device ("DIR/x.txt: broken symbolic link; skipped"). Symbolic links to
      directories are not followed (so no loop is ever walked); links to files are read.
    - A path that does not exist: ``InputError("PATH: no such file or directory")``; one that
      cannot be looked at, ``InputError("PATH: too many levels of symbolic links")`` and the
      like (the system's reason).
    - The same file reached twice (named twice, or named and inside a named directory) is
      kept once, at its first place, with a warning.

    Any name the system allows is accepted; messages show it by
    :func:`~quizgen.read.names.display_name` (undecodable bytes as ``\\xff``, controls escaped).
    """
    paths: list[Path] = []
    warnings: list[str] = []
    seen: dict[str, Path] = {}

    def add(p: Path) -> None:
        key = os.path.realpath(p)
        if key in seen:
            warnings.append(f"{display_name(p)}: given more than once; read once")
            return
        seen[key] = p
        paths.append(p)

    for item in inputs:
        if not os.fspath(item):  # Path("") would be the current directory
            raise InputError("'': no such file or directory (an empty path)")
        p = Path(os.fsdecode(item))
        shown = display_name(p)
        problem = _stat_problem(p)
        if problem is not None:
            raise InputError(f"{shown}: {problem}")
        if p.is_dir():
            found, skipped, dir_warnings = _walk(p)
            warnings.extend(dir_warnings)
            if skipped:
                examples = ", ".join(display_name(s) for s in skipped[:3]) + (", ..." if len(skipped) > 3 else "")
                warnings.append(
                    f"{shown}: skipped {_plural(len(skipped), 'non-text file')} (e.g. {examples}); "
                    f"only {', '.join(TEXT_SUFFIXES)} files are read from a directory"
                )
            if not found:
                warnings.append(f"{shown}: no text files found")
            for f in found:
                add(f)
        else:
            add(p)
    return paths, warnings


def _stat_problem(p: Path, regular: bool = False) -> Optional[str]:
    """Why ``p`` cannot be looked at (``"no such file or directory"``, ``"permission denied"``,
    ``"too many levels of symbolic links"``, ...; with ``regular``, also ``"not a regular
    file"`` for a FIFO, socket, device or directory), or None when it can be read."""
    try:
        st = os.stat(p)
    except FileNotFoundError:
        return "broken symbolic link" if os.path.islink(p) else "no such file or directory"
    except OSError as e:
        reason = e.strerror or type(e).__name__
        return reason[:1].lower() + reason[1:]
    except ValueError:  # an embedded NUL: never a real name
        return "not a valid file name"
    if regular and not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    return None


def _walk(root: Path) -> tuple[list[Path], list[str], list[str]]:
    """(text files in sorted order, skipped relative names in sorted order, warnings) under ``root``."""
    found: list[tuple[tuple[str, ...], Path]] = []
    skipped: list[tuple[tuple[str, ...], str]] = []
    warnings: list[str] = []

    def onerror(e: OSError) -> None:
        warnings.append(f"{display_name(e.filename)}: cannot read directory: {e.strerror or e}")

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not _is_hidden(d))
        base = Path(dirpath)
        for fn in filenames:
            if _is_hidden(fn):
                continue
            full = base / fn
            rel = full.relative_to(root)
            if not fn.lower().endswith(TEXT_SUFFIXES):
                skipped.append((rel.parts, rel.as_posix()))
                continue
            problem = _stat_problem(full, regular=True)
            if problem is None:
                found.append((rel.parts, full))
            else:
                warnings.append(f"{display_name(full)}: {problem}; skipped")
    warnings.sort()
    return [p for _, p in sorted(found)], [s for _, s in sorted(skipped)], warnings


def _text_lost(error: InputError) -> bool:
    """True for a file that holds text quizgen could not decode (as opposed to no text at all)."""
    message = str(error)
    return ": not valid " in message or ": unknown encoding " in message


def iter_file_sources(
    inputs: Iterable[PathLike],
    *,
    encoding: Optional[str] = None,
    on_warning: Optional[Callable[[str], None]] = None,
    on_page: Optional[Callable[[Path, int, int], None]] = None,
) -> tuple["FileSources", int]:
    """The sources of command-line inputs (files and directories), read lazily; and how many files.

    Paths are expanded by :func:`iter_input_paths` (its warnings go to ``on_warning`` at once),
    ids come from :func:`unique_ids`, and each file is read by :func:`read_source` only when the
    iterator gets to it (its warnings go to ``on_warning`` then). A file named on the command line
    that cannot be used raises its ``InputError``. A file whose text is not English
    (:class:`~quizgen.errors.LanguageError`), named or not, is skipped with the warning "PATH: does not
    look like English; ...; skipped"; when it was the only input, its error is raised instead.
    ``on_page(path, done, pages)`` follows the reading of each PDF's pages (for a progress bar). A file found *inside a directory* that has no
    text (empty, only whitespace, binary, HTML without readable text, unreadable) is skipped with
    the warning "PATH: <problem>; skipped"; one whose text cannot be decoded still raises, since
    skipping it would lose its text (the message suggests ``--encoding``). No paths at all, or
    every file skipped: ``InputError("no text files to read in ...")``.
    """
    inputs = list(inputs)
    warn = on_warning or (lambda _w: None)
    paths, warnings = iter_input_paths(inputs)
    for w in warnings:
        warn(w)
    where = ", ".join(display_name(os.fsdecode(i)) for i in inputs)
    if not paths:
        raise InputError(f"no text files to read in {where}")
    named = {os.path.realpath(os.fsdecode(i)) for i in inputs if not Path(os.fsdecode(i)).is_dir()}
    ids = unique_ids(paths)

    def read() -> Iterator[Source]:
        n = 0
        not_english: list[LanguageError] = []  # held back until a source is read: one line if it was the only input
        for path, sid in zip(paths, ids):
            try:
                pages = (lambda done, total, path=path: on_page(path, done, total)) if on_page else None
                src, ws = read_source(path, encoding=encoding, id=sid, on_page=pages)
            except LanguageError as e:
                not_english.append(e)
                if n:
                    warn(f"{not_english.pop()}; skipped")
                continue
            except InputError as e:
                if os.path.realpath(path) in named or _text_lost(e):
                    raise
                warn(f"{e}; skipped")
                continue
            for e in not_english:
                warn(f"{e}; skipped")
            not_english.clear()
            for w in ws:
                warn(w)
            n += 1
            yield src
        if not n:
            if len(not_english) == 1 and len(paths) == 1:
                raise not_english[0]
            for e in not_english:
                warn(f"{e}; skipped")
            raise InputError(f"no text files to read in {where} (every file was skipped)")

    return FileSources(read(), dict(zip(ids, paths))), len(paths)


class FileSources:
    """The lazily read sources of :func:`iter_file_sources`, an iterator; ``path_of[source_id]``
    is the file a source comes from, so that messages can name the file."""

    def __init__(self, sources: Iterator[Source], path_of: dict[str, Path]) -> None:
        self._sources = sources
        self.path_of = path_of

    def __iter__(self) -> "FileSources":
        return self

    def __next__(self) -> Source:
        return next(self._sources)


# -- JSON Lines ---------------------------------------------------------------------------


def read_jsonl_sources(
    path_or_file: Union[PathLike, IO[str], IO[bytes]],
    *,
    on_warning: Optional[Callable[[str], None]] = None,
    name: Optional[str] = None,
) -> Iterator[Source]:
    """Stream :class:`Source` objects from JSON Lines, one ``{"id", "title", "text"}`` object a line.

    ``path_or_file`` is a path, or an open file (text or binary) or any iterable of lines, whose
    ``name`` attribute (else ``"<jsonl>"``), or ``name`` when given, starts the messages
    (``--jsonl-in -`` passes standard input's bytes, named ``<stdin>``). Reads one line at a time (never the whole file). Blank lines are skipped. ``id`` and
    ``text`` are required strings, ``title`` an optional string (missing or null: :func:`guess_title`
    of the text, falling back to the id); other keys are ignored. ``text`` is normalised like
    a file's (rules 4-8 of :func:`decode_text`), and its warnings go to ``on_warning``
    (dropped if None); a text that is not English (rule 9) gives no source, only the warning
    "NAME: line N: does not look like English; ...; skipped". A bad line -- not UTF-8, not JSON, not an object, a missing or
    non-string field, an empty text, an id already used -- raises
    ``InputError("NAME: line N: ...")``, after the Sources of the lines before it were yielded.
    A path that is missing, a directory or unreadable raises at the call, not at the first item.
    """
    if isinstance(path_or_file, (str, os.PathLike)):
        name = name or display_name(path_or_file)
        p = Path(path_or_file)
        if p.is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        if not p.exists():
            raise InputError(f"{name}: no such file")
        if not os.access(p, os.R_OK):
            raise InputError(f"{name}: permission denied")
        return _jsonl_from_path(p, name, on_warning)
    name = name or str(getattr(path_or_file, "name", "<jsonl>"))
    return _jsonl_sources(path_or_file, name, on_warning)


def _jsonl_from_path(p: Path, name: str, on_warning: Optional[Callable[[str], None]]) -> Iterator[Source]:
    try:
        f = open(p, "rb")
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read: {e.strerror or e}") from None
    with f:
        yield from _jsonl_sources(f, name, on_warning)


def _jsonl_sources(
    lines: Iterable[Union[str, bytes]], name: str, on_warning: Optional[Callable[[str], None]]
) -> Iterator[Source]:
    from quizgen.models import Source

    first_line: dict[str, int] = {}
    try:
        for number, raw in enumerate(lines, start=1):
            where = f"{name}: line {number}"
            if isinstance(raw, (bytes, bytearray)):
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    raise InputError(
                        f"{where}: not valid UTF-8 (byte 0x{raw[e.start]:02X} at column {e.start + 1})"
                    ) from None
            else:
                line = raw
            if number == 1:
                line = line.lstrip("\ufeff")
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{where}: not valid JSON ({e.msg} at column {e.colno})") from None
            except RecursionError:
                raise InputError(f"{where}: not valid JSON (nested too deeply)") from None
            if not isinstance(record, dict):
                raise InputError(f'{where}: expected a JSON object with "id" and "text"')
            source_id, text, title = record.get("id"), record.get("text"), record.get("title")
            if not isinstance(source_id, str) or not source_id.strip():
                raise InputError(f'{where}: "id" must be a non-empty string')
            if not isinstance(text, str):
                raise InputError(f'{where}: "text" must be a string (id {source_id!r})')
            if title is not None and not isinstance(title, str):
                raise InputError(f'{where}: "title" must be a string or null (id {source_id!r})')
            _check_jsonl_names(where, source_id, title)
            if source_id in first_line:
                raise InputError(f"{where}: duplicate id {source_id!r} (first on line {first_line[source_id]})")
            first_line[source_id] = number
            text, warnings = _normalise(text, where, empty="empty text", blank="text contains only whitespace",
                                        language=False)
            foreign = language_warning(text, where)
            if foreign:  # like a file: no questions from it (there is no garbage to emit)
                warnings.append(f"{foreign}; no questions made from it; skipped")
            if on_warning is not None:
                for w in warnings:
                    on_warning(w)
            if foreign:
                continue
            yield Source.from_text(text, id=source_id, title=title or guess_title(text, source_id))
    except OSError as e:
        raise InputError(f"{name}: cannot read: {e.strerror or e}") from None
    except UnicodeDecodeError as e:  # a text-mode file object opened by the caller
        raise InputError(f"{name}: not valid {e.encoding} ({e.reason})") from None


_ID_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _check_jsonl_names(where: str, source_id: str, title: Optional[str]) -> None:
    """A JSON Lines id with a control character (a newline, a tab, ...) or an unpaired surrogate
    (``"\\udcff"``, which no UTF-8 output can hold), or a title with an unpaired surrogate, is an
    ``InputError``. Other ids are the corpus's own and are kept as they are."""
    bad = _ID_FORBIDDEN.search(source_id)
    if bad:
        raise InputError(f'{where}: "id" holds the character {ascii(bad.group())}; '
                         "an id may not hold control characters or unpaired surrogates")
    if title is not None and _SURROGATES.search(title):
        raise InputError(f'{where}: "title" holds an unpaired surrogate, which no output can hold (id {source_id!r})')


__all__ = [
    "ENGLISH_FUNCTION_WORDS",
    "HTML_SUFFIXES",
    "TEXT_SUFFIXES",
    "decode_text",
    "guess_title",
    "html_to_text",
    "iter_file_sources",
    "iter_input_paths",
    "language_warning",
    "looks_like_html",
    "read_jsonl_sources",
    "read_source",
    "read_stdin_source",
    "source_from_bytes",
    "title_from_stem",
    "unique_ids",
]

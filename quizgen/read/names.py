"""File names as quizgen shows them in messages and turns them into source ids.

A file name is whatever the operating system allows: on Linux any bytes but ``/`` and NUL,
so names from old archives and network shares are often not UTF-8 (``caf\\xe9.txt``), and a
name may hold a newline, a tab or a right-to-left override. Python hands such a name over as a
``str`` in which each byte that is not UTF-8 is a lone surrogate (U+DC80-U+DCFF, the
``surrogateescape`` error handler of :func:`os.fsdecode`). Such a string cannot be written as
UTF-8, and a newline in it breaks every one-line format, so names never go anywhere as they
are: messages use :func:`display_name`, and source ids :func:`source_id_from_stem` and
:func:`unique_ids`.

**Ids of ordinary names never change.** A source id is in users' Anki decks (the ``source::``
tag and, through the question ids, every note's GUID), so the rules below change only the
characters that were unsafe; a name made of letters, digits, spaces and punctuation keeps
its stem as its id, byte for byte (``tests/test_names.py`` pins examples).
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import PurePath
from typing import Iterable, Union

PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]

#: The id of a name with nothing usable in it (say ``\\n.txt``).
EMPTY_ID = "source"

# Bidirectional formatting characters: invisible, and they reorder the text shown around them
# (a name ending "\u202etxt.exe" shows as "exe.txt").
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# What a message shows escaped: C0 and C1 controls, DEL, line and paragraph separators, bidi
# formatting, and surrogates (undecodable bytes).
_UNSHOWABLE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}\ud800-\udfff]")
# Undecodable bytes of a file name, as surrogateescape gives them.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
# What an id may not hold, each run replaced by one "_": controls, any whitespace but the plain
# space (newline, tab, no-break space, U+2028, U+3000, ...), bidi formatting, other surrogates.
_UNSAFE_IN_ID = re.compile(f"(?:[^\\S ]|[\x00-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff])+")
# Two or more colons: Anki reads "::" in a tag or deck name as one more level.
_COLONS = re.compile(":{2,}")


def _text(path: PathLike) -> str:
    """The name as a ``str``, undecodable bytes as lone surrogates (bytes paths too)."""
    name = os.fspath(path)
    return os.fsdecode(name) if isinstance(name, bytes) else name


def _show(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # the byte the surrogate stands for
    if ch in "\n\t\r":
        return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}[ch]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def display_name(path: PathLike) -> str:
    """A path as messages show it: one line, printable, UTF-8.

    Undecodable bytes become ``\\xff`` (the byte), controls ``\\n``, ``\\t``, ``\\r``,
    ``\\x01``, ``\\x85``, and line separators, bidi formatting characters and other lone
    surrogates ``\\uXXXX``. Everything else, spaces and backslashes included, is shown as it is,
    so an ordinary name is shown unchanged.
    """
    name = _text(path)
    return _UNSHOWABLE.sub(lambda m: _show(m.group()), name) if _UNSHOWABLE.search(name) else name


def source_id_from_stem(stem: str) -> str:
    """The source id of a file whose name without its extension is ``stem``.

    Safe everywhere an id goes (JSON, Anki tags and decks, GIFT and CSV lines, the summary
    table), and the stem itself whenever that already is. The rules, in order:

    1. Each byte that is not UTF-8 becomes ``%XX`` (``caf\\xe9`` -> ``caf%E9``).
    2. Each run of control characters, whitespace other than the plain space (newline, tab,
       no-break space, ...), bidi formatting characters or other lone surrogates becomes
       one ``_`` (``new\\nline`` -> ``new_line``). Plain spaces stay: quizgen's tags already
       write them as ``_`` (``source::my_notes``).
    3. Two or more colons in a row become one (``a::b`` -> ``a:b``), so that an id never
       nests an Anki tag or deck.
    4. An id with nothing but spaces left is ``source``.

    Names of any length are kept whole. Uniqueness is :func:`unique_ids`'s job.
    """
    sid = _ESCAPED_BYTE.sub(lambda m: f"%{ord(m.group()) - 0xDC00:02X}", stem)
    sid = _UNSAFE_IN_ID.sub("_", sid)
    sid = _COLONS.sub(":", sid)
    return sid if sid.strip() else EMPTY_ID


def source_id_of(path: PathLike) -> str:
    """:func:`source_id_from_stem` of the path's stem (its name without the last extension)."""
    return source_id_from_stem(PurePath(_text(path)).stem)


def is_safe_id(sid: str) -> bool:
    """True when ``sid`` is kept as it is by :func:`source_id_from_stem` (used to check ``--id``)."""
    return bool(sid) and source_id_from_stem(sid) == sid


def id_key(sid: str) -> str:
    """When two ids count as the same: equal after Unicode canonical caseless matching.

    Ids become Anki tags (which Anki stores in NFC and compares ignoring case) and may be
    compared on file systems that ignore case or normalisation (macOS), so ``Notes`` and
    ``notes``, or ``café`` written precomposed and decomposed, are one id.
    """
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", sid).casefold())


def unique_ids(paths: Iterable[PathLike]) -> list[str]:
    """Source ids for ``paths``: each file's :func:`source_id_of`, made unique in input order.

    The first file with an id keeps it; later ones get ``-2``, ``-3``, ... (the first number
    that is neither taken nor another file's own id). Ids are compared by :func:`id_key`,
    ignoring case and Unicode normalisation.
    ``[a/notes.txt, b/notes.md, c/Notes.txt]`` -> ``["notes", "notes-2", "Notes-3"]``.
    """
    bases = [source_id_of(p) for p in paths]
    reserved = {id_key(b) for b in bases}
    used: set[str] = set()
    ids: list[str] = []
    for base in bases:
        candidate = base
        if id_key(candidate) in used:
            n = 2
            while id_key(f"{base}-{n}") in used or id_key(f"{base}-{n}") in reserved:
                n += 1
            candidate = f"{base}-{n}"
        used.add(id_key(candidate))
        ids.append(candidate)
    return ids


__all__ = ["EMPTY_ID", "display_name", "id_key", "is_safe_id", "source_id_from_stem", "source_id_of", "unique_ids"]

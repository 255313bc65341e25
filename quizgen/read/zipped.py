"""Zip containers (Word .docx, EPUB): opened safely, and only their text parts handed on.

A .docx or an .epub is a zip archive. The libraries that read them (python-docx, ebooklib) load
every member into memory, images and fonts included, so a document with a "zip bomb" image (a
few kB that inflate to gigabytes) would exhaust memory before a word is read. :func:`text_parts`
therefore copies the archive with every member that is not markup (images, fonts, media, ...)
replaced by an empty file -- the libraries still find every part they expect, but nothing but
markup is ever inflated -- and refuses archives whose markup alone would inflate past
:data:`MAX_MARKUP_BYTES`. Sizes are the ones the archive declares; :mod:`zipfile` never inflates a
member past its declared size.
"""

from __future__ import annotations

import io
import zipfile
from typing import Optional

from quizgen.errors import InputError

#: Markup (XML, XHTML, HTML, relationship files) a document may inflate to, in total.
MAX_MARKUP_BYTES = 200 * 1024 * 1024
#: Members whose names end like this are markup and are kept; every other member is emptied.
MARKUP_SUFFIXES = (".xml", ".rels", ".xhtml", ".html", ".htm", ".opf", ".ncx", ".css", ".smil")


def open_zip(data: bytes) -> Optional[zipfile.ZipFile]:
    """The archive, or None when ``data`` is not a readable zip archive."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # BadZipFile, LargeZipFile, OSError, ValueError, EOFError, ...
        return None


def is_markup(member: str) -> bool:
    return member.lower().endswith(MARKUP_SUFFIXES) or member == "mimetype"


def text_parts(archive: zipfile.ZipFile, name: str, what: str) -> bytes:
    """A copy of ``archive`` (as bytes) in which every member but markup is empty.

    ``what`` names the kind of document in messages ("Word document", "EPUB"). Raises
    ``InputError`` when the markup would inflate past :data:`MAX_MARKUP_BYTES` or a member cannot be
    inflated (a corrupt or truncated archive).
    """
    infos = archive.infolist()
    declared = sum(i.file_size for i in infos if is_markup(i.filename))
    if declared > MAX_MARKUP_BYTES:
        raise InputError(f"{name}: {what} would unpack to {declared // (1024 * 1024)} MB of markup "
                         f"(more than {MAX_MARKUP_BYTES // (1024 * 1024)} MB); not read")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        for info in infos:
            if info.is_dir():
                continue
            try:
                content = archive.read(info) if is_markup(info.filename) else b""
            except Exception as e:  # BadZipFile (CRC), zlib.error, EOFError, NotImplementedError (method), ...
                raise InputError(f"{name}: corrupt or truncated {what} (cannot unpack {info.filename}: "
                                 f"{(str(e).splitlines() or [type(e).__name__])[0][:100]})") from None
            copy.writestr(info.filename, content)
    return out.getvalue()

"""Zip containers (Word .docx, EPUB): opened safely, and only their text parts inflated.

A .docx or an .epub is a zip archive. python-docx loads every member into memory, images and
fonts included, so a document with a "zip bomb" image (a few kB that inflate to gigabytes) would
exhaust memory before a word is read. :func:`text_parts` therefore copies the archive with every
member that is not markup (images, fonts, media, ...) replaced by an empty file -- the library
still finds every part it expects, but nothing but markup is ever inflated. The EPUB reader needs
no such copy: it reads only the markup members it wants, one at a time, with :func:`read_markup`,
which never inflates anything else. Either way an archive whose markup alone would inflate past
:data:`MAX_MARKUP_BYTES` is refused first (:func:`check_markup_size`). Sizes are the ones the
archive declares; :mod:`zipfile` never inflates a member past its declared size.
"""

from __future__ import annotations

import io
import zipfile
from typing import Optional, Union

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
    """Whether a member is markup by its name (:data:`MARKUP_SUFFIXES`, or EPUB's ``mimetype``)."""
    return member.lower().endswith(MARKUP_SUFFIXES) or member == "mimetype"


def check_markup_size(archive: zipfile.ZipFile, name: str, what: str) -> None:
    """Refuse (``InputError``) an archive whose markup members declare more than :data:`MAX_MARKUP_BYTES`
    in total: reading any of its markup is then safe, whatever the archive holds besides."""
    declared = sum(i.file_size for i in archive.infolist() if is_markup(i.filename))
    if declared > MAX_MARKUP_BYTES:
        raise InputError(f"{name}: {what} would unpack to {declared // (1024 * 1024)} MB of markup "
                         f"(more than {MAX_MARKUP_BYTES // (1024 * 1024)} MB); not read")


def read_markup(archive: zipfile.ZipFile, member: Union[str, zipfile.ZipInfo], name: str, what: str) -> bytes:
    """One markup member, inflated. A member that is not markup is never inflated (``InputError``),
    nor is one that cannot be (a corrupt or truncated archive: ``InputError``, one line).

    Call :func:`check_markup_size` on the archive first: it bounds what this may inflate.
    """
    filename = member.filename if isinstance(member, zipfile.ZipInfo) else member
    if not is_markup(filename):
        raise InputError(f"{name}: {what} part {filename} is not markup; not unpacked")
    try:
        return archive.read(member)
    except Exception as e:  # BadZipFile (CRC), zlib.error, EOFError, NotImplementedError (method), ...
        raise InputError(f"{name}: corrupt or truncated {what} (cannot unpack {filename}: "
                         f"{(str(e).splitlines() or [type(e).__name__])[0][:100]})") from None


def text_parts(archive: zipfile.ZipFile, name: str, what: str) -> bytes:
    """A copy of ``archive`` (as bytes) in which every member but markup is empty.

    ``what`` names the kind of document in messages ("Word document", "EPUB"). Raises
    ``InputError`` when the markup would inflate past :data:`MAX_MARKUP_BYTES` or a member cannot be
    inflated (a corrupt or truncated archive).
    """
    check_markup_size(archive, name, what)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        for info in archive.infolist():
            if info.is_dir():
                continue
            content = read_markup(archive, info, name, what) if is_markup(info.filename) else b""
            copy.writestr(info.filename, content)
    return out.getvalue()

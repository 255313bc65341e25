"""One entry for every input format: bytes and a name in, a :class:`Document` (text, sections, title) out.

:func:`read_document` is what :func:`quizgen.read.sources.read_source` calls for a file, and what
standard input goes through too: it needs only the bytes and a name for messages (the name's
suffix helps pick the format, but content decides, see :func:`sniff_format`).

Formats and their readers (one module each, each built on the library of its field):

==========  ============================================  ==================================
format      recognised by                                 reader
==========  ============================================  ==================================
pdf         ``%PDF-`` at the start (or in the first KiB   :mod:`quizgen.read.pdf` (pypdf)
            of a file ending ``%%EOF``)
docx        a zip with ``word/document.xml``              :mod:`quizgen.read.word` (python-docx)
epub        a zip whose ``mimetype`` is EPUB's            :mod:`quizgen.read.epub` (standard library)
html        ``.html``/``.htm``/``.xhtml``, or HTML start  :mod:`quizgen.read.web` (trafilatura)
markdown    ``.md``/``.markdown`` (and not an HTML page)  :mod:`quizgen.read.markdown` (markdown-it-py)
text        anything else                                 :func:`quizgen.read.text.decode_text`
==========  ============================================  ==================================

Text formats are decoded by the rules of :func:`~quizgen.read.text.decode_text` (UTF-8 unless
``encoding`` is given, byte-order marks, the binary check); a saved web page that is not UTF-8 is
decoded by its ``<meta charset>`` (:func:`declared_html_charset`). Every format ends with the same
checks: some readable text, and English (:func:`~quizgen.read.text.language_warning`; a
non-English text raises :class:`~quizgen.errors.LanguageError`).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from typing import Callable, Optional

from quizgen.errors import InputError, LanguageError

#: Suffixes of the document formats (read from directories along with the text suffixes).
DOCUMENT_SUFFIXES: tuple[str, ...] = (".pdf", ".docx", ".epub", ".xhtml")
#: A PDF's header may follow some junk, within the first KiB (as readers allow).
PDF_HEADER_WINDOW = 1024
EPUB_MIMETYPE = b"application/epub+zip"

_FORMAT_OF_SUFFIX = {".pdf": "PDF", ".docx": "Word document", ".epub": "EPUB"}


@dataclass
class Document:
    """What a reader made of one input: the text to store, its sections, a title if the document has one."""

    text: str
    sections: list[tuple[int, int, str]] = field(default_factory=list)
    title: Optional[str] = None
    warnings: list[str] = field(default_factory=list)
    format: str = "text"


def sniff_format(data: bytes, name: str = "") -> str:
    """``"pdf"``, ``"zip"`` (a .docx, an .epub or another archive), ``"ole"`` (an old Office file),
    ``"rtf"``, or ``"text"``, from the content."""
    head = data[:PDF_HEADER_WINDOW]
    if head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF-") or (
            b"%PDF-" in head and b"%%EOF" in data[-4096:]):  # junk before the header: a whole PDF only
        return "pdf"
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        return "zip"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "ole"
    if data[:5] == b"{\\rtf":
        return "rtf"
    return "text"


#: Formats recognised only to say what to do with them.
UNSUPPORTED = {
    "ole": "an old Microsoft Office file (.doc, .xls or .ppt); save it as .docx or PDF and read that",
    "rtf": "an RTF document; save it as .docx or PDF and read that",
}


def read_document(data: bytes, name: str = "<input>", *, encoding: Optional[str] = None,
                  on_page: Optional[Callable[[int, int], None]] = None) -> Document:
    """Read one input's bytes by its format (see the module docstring); ``name`` starts every message.

    Raises :class:`~quizgen.errors.InputError` (one line) when the input cannot be read, and
    :class:`~quizgen.errors.LanguageError` when its text is not English. ``on_page(done, pages)``
    follows a PDF's pages.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"read_document() needs bytes, not {type(data).__name__}")
    data = bytes(data)
    if not data:
        raise InputError(f"{name}: empty file")
    kind = sniff_format(data, name)
    suffix = _suffix(name)
    if kind in UNSUPPORTED:
        raise InputError(f"{name}: {UNSUPPORTED[kind]}")
    if kind == "pdf":
        from quizgen.read.pdf import read_pdf

        doc = _document(*read_pdf(data, name, on_page), name=name, format="pdf")
    elif kind == "zip":
        doc = _read_zip(data, name, suffix)
    elif suffix in _FORMAT_OF_SUFFIX:
        raise InputError(f"{name}: not a {_FORMAT_OF_SUFFIX[suffix]} (its content is not "
                         f"{'a PDF' if suffix == '.pdf' else 'a zip archive'}); if it is text, rename it .txt")
    else:
        doc = _read_text(data, name, suffix, encoding)
    _check_language(doc.text, name)
    return doc


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > max(name.rfind("/"), name.rfind("\\")) else ""


def _document(blocks, title, warnings, *, name: str, format: str, empty: Optional[str] = None) -> Document:
    from quizgen.read.blocks import assemble

    text, sections = assemble(blocks)
    if not text.strip():
        raise InputError(f"{name}: {empty or f'{format.upper()} contains no readable text'}")
    return Document(text, sections, title, list(warnings), format)


def _read_zip(data: bytes, name: str, suffix: str) -> Document:
    """A .docx or an .epub, told apart by their contents; any other zip is an error."""
    from quizgen.read.zipped import open_zip

    archive = open_zip(data)
    if archive is None:
        what = _FORMAT_OF_SUFFIX.get(suffix, "zip archive")
        raise InputError(f"{name}: corrupt or truncated {what} (not a readable zip archive)")
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" in names:
            from quizgen.read.word import read_docx

            return _document(*read_docx(archive, name), name=name, format="docx",
                             empty="Word document contains no readable text")
        if "mimetype" in names and _mimetype(archive) == EPUB_MIMETYPE or "META-INF/container.xml" in names:
            from quizgen.read.epub import read_epub

            return _document(*read_epub(archive, name), name=name, format="epub",
                             empty="EPUB contains no readable text")
    what = {".docx": "a Word document (no word/document.xml)", ".epub": "an EPUB (no EPUB mimetype)"}
    raise InputError(f"{name}: a zip archive, but not {what.get(suffix, 'a Word document or an EPUB')}")


def _mimetype(archive: zipfile.ZipFile) -> bytes:
    try:
        with archive.open("mimetype") as f:
            return f.read(64).strip()
    except Exception:
        return b""


def _read_text(data: bytes, name: str, suffix: str, encoding: Optional[str]) -> Document:
    """Plain text, Markdown or HTML: decoded by the text rules, then read by format."""
    from quizgen.read import text as plain

    markdown = suffix in plain.MARKDOWN_SUFFIXES
    if encoding is None:
        encoding = declared_html_charset(data, suffix)
    text = plain._decode(data, name, encoding)
    text = text.replace("\ufeff", "")
    if not text:
        raise InputError(f"{name}: empty file")
    if suffix in plain.HTML_SUFFIXES + (".xhtml",) or plain.looks_like_html(text, fragments=not markdown):
        from quizgen.read.web import read_html

        doc = _document(*read_html(text, name), name=name, format="html", empty="HTML input contains no readable text")
        doc.warnings.insert(0, f"{name}: HTML input; extracted its text")
        return doc
    if markdown:
        from quizgen.read.markdown import read_markdown

        if not text.strip():
            raise InputError(f"{name}: contains only whitespace")
        return _document(*read_markdown(text.replace("\r\n", "\n").replace("\r", "\n"), name), name=name,
                         format="markdown", empty="Markdown contains no readable text (only code or markup)")
    latin1 = encoding is not None and _is_latin1(encoding)
    text, warnings = plain._normalise(text, name, cp1252_hint=latin1, fragments=False, language=False)
    return Document(text, [], None, warnings, "text")


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)


def declared_html_charset(data: bytes, suffix: str) -> Optional[str]:
    """The ``<meta charset>`` of a saved web page that is not UTF-8, or None.

    Only for HTML (by suffix, or a start of ``<!doctype html``/``<html``), only when the bytes are
    not valid UTF-8 and have no byte-order mark, and only for a charset Python knows: then the page
    is decoded as it declares (``windows-1252``, ``iso-8859-1``, ``shift_jis``, ...), as a browser
    would. Otherwise the text rules apply (UTF-8, or ``--encoding``).
    """
    import codecs

    head = data[:4096]
    if not (suffix in (".html", ".htm", ".xhtml") or head.lstrip()[:14].lower() in (b"<!doctype html", )
            or head.lstrip()[:5].lower() == b"<html"):
        return None
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(head)
    if not m:
        return None
    try:
        codec = codecs.lookup(m.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None
    return None if codec.name in ("utf-8", "utf-16", "utf-32") or not getattr(codec, "_is_text_encoding", True) \
        else codec.name


def _is_latin1(encoding: str) -> bool:
    import codecs

    try:
        return codecs.lookup(encoding).name == "iso8859-1"
    except LookupError:
        return False


def _check_language(text: str, name: str) -> None:
    """Raise :class:`LanguageError` when the text does not look like English."""
    from quizgen.read.text import language_warning

    warning = language_warning(text, name)
    if warning:
        raise LanguageError(f"{warning}; no questions made from it")

"""The input reader: files, directories and JSON Lines in; clean :class:`Source` texts out.

Everything that can go wrong with an input is decided here, once, so the rest of
the pipeline only ever sees a non-empty ``str`` with ``\\n`` line ends and no
control characters. Offsets in a quiz point into that normalised text (DESIGN.md,
"Grounding invariant"), which is why the normalisation must be deterministic.

Public functions:

- :func:`decode_text` -- bytes to normalised text plus warnings (the rules are in its docstring);
- :func:`read_source` -- one file to a :class:`~quizgen.models.Source`;
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

import codecs
import json
import os
import re
import stat
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterable, Iterator, Optional, Union

from quizgen.errors import InputError
from quizgen.read.names import display_name, source_id_from_stem, unique_ids

if TYPE_CHECKING:  # pragma: no cover - imported where a Source is made (pydantic: about 0.06 s)
    from quizgen.models import Source

PathLike = Union[str, "os.PathLike[str]"]

#: Suffixes read when a *directory* is given (a file named on the command line is read whatever its suffix).
TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
#: Suffixes that mark a file as HTML, whatever its content.
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")
#: Markdown may hold inline HTML: only a whole page (``<!doctype html``/``<html``) makes it HTML.
MARKDOWN_SUFFIXES: tuple[str, ...] = (".md", ".markdown")

#: How much of the start of a file the binary check looks at.
SNIFF_BYTES = 8 * 1024
#: Control bytes in the sniffed start of a file: fewer than 1 in this many, and the file is text.
CONTROL_BYTES_PER = 1000
#: Longest first line that :func:`guess_title` takes as the title.
MAX_TITLE_CHARS = 120
#: How much of a text the language check looks at (keeps it cheap on huge inputs).
LANGUAGE_SAMPLE_CHARS = 100_000
#: The language check runs only on texts with at least this many words ...
LANGUAGE_MIN_WORDS = 20
#: ... and warns when English function words are less than this share of them.
LANGUAGE_MIN_SHARE = 0.03

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")

# C0 control bytes that never occur in text: everything below 0x20 except TAB, LF, VT, FF, CR.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
# Characters replaced by a space in decoded text: C0 controls except TAB and LF (CR is gone by
# then, NUL is removed separately), and DEL.
_CONTROL_CHARS = re.compile("[\x01-\x08\x0b-\x1f\x7f]")
# C1 controls: only ever there when Windows-1252 text was decoded as Latin-1.
_C1_CHARS = re.compile("[\x80-\x9f]")
# Unpaired surrogates: only reachable through exotic codecs (unicode_escape, ...); they cannot be
# written as UTF-8, so they are replaced.
_SURROGATES = re.compile("[\ud800-\udfff]")
_NON_SPACE = re.compile(r"\S")
_WORD = re.compile(r"[^\W\d_]+")

# About a hundred of the most common English function words, leaving out those that are also
# frequent words of German, French, Spanish, Italian, Portuguese or Dutch (a, an, as, do, he, i,
# in, is, me, no, on, so, was, we, will, also, had, over, ...), so that a German or French text
# scores near 0 while ordinary English prose scores 25-45%.
ENGLISH_FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    the of and to it for that with by at from this these those be are were been being has have
    having not or but they she his her hers him them their theirs its you your yours our ours us
    my mine which who whom whose what when where why how there here would could should can may
    might must shall does did if than then all any some about into after before up out more most
    only other such one just very because while during under between through against each both
    few many much own same too off again further once itself himself herself themselves until
    upon without within whether every
    """.split()
)

_HTML_FRAGMENT_START = re.compile(
    r"<(?:!--|(?:head|body|p|div|article|section|main|header|aside|blockquote|h[1-6]|table|tr|ul|ol|li|dl"
    r"|span|a|b|i|em|strong|br|hr|img|figure|script|style|meta|link|title)[\s>/])"
)
_HTML_SKIP = frozenset({"script", "style", "head", "nav", "footer", "noscript", "template", "svg"})
_HTML_HEAD_CONTENT = frozenset({"title", "meta", "link", "style", "script", "base", "noscript", "template"})
_HTML_BLOCK = frozenset(
    """
    address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption
    figure form h1 h2 h3 h4 h5 h6 header hr html legend li main ol p pre section summary table
    tbody tfoot thead tr ul
    """.split()
)
_HTML_CELL = frozenset({"td", "th"})


# -- bytes to text ------------------------------------------------------------------------


def decode_text(data: bytes, *, name: str = "<input>", encoding: Optional[str] = None) -> tuple[str, list[str]]:
    """Decode and normalise the bytes of one input file; return ``(text, warnings)``.

    ``name`` starts every message (pass the path as the user wrote it). The rules, in order:

    1. No bytes at all: ``InputError("NAME: empty file")``.
    2. Encoding. With ``encoding=None``: a UTF-32 or UTF-16 byte-order mark selects that
       encoding; otherwise the bytes must be strict UTF-8 (a UTF-8 BOM is dropped), else
       ``InputError("NAME: not valid UTF-8 at line L, byte 0xXX (offset N); if it is Latin-1 or
       cp1252 text, pass --encoding latin-1 or --encoding cp1252")``, where ``offset`` is the
       0-based byte offset in the file and ``line`` counts from 1. With an ``encoding``, the
       bytes are decoded with it (strict); an unknown name or a non-text codec is an
       ``InputError("NAME: unknown encoding ...")``, undecodable bytes are reported as above.
    3. Binary check (skipped for UTF-16/UTF-32, where NUL bytes are normal): if the first
       8 KiB contain a NUL byte and at least 1 in 1000 of those bytes are control bytes
       (NUL or any C0 control other than TAB, LF, VT, FF, CR), the file is binary:
       ``InputError("NAME: looks like a binary file, not text")`` (with a hint when the NULs
       look like BOM-less UTF-16). So a PNG or a short text with a NUL in it is binary, while
       a long text with a few stray NULs is not: its NULs are *removed* (not replaced) with
       a warning, and so are NULs anywhere after the first 8 KiB.
    4. Byte-order marks (U+FEFF) are removed wherever they are (a BOM at the start, or in
       the middle of concatenated files), silently; a file that was only a BOM is an
       ``InputError("NAME: empty file")``.
    5. HTML (``name`` ends ``.html``/``.htm``, or the text starts with ``<!doctype html`` or
       ``<html`` after whitespace, or, unless ``name`` ends ``.md``/``.markdown``, with the tag
       of a common HTML element such as ``<p>`` or ``<div ...>``, see :func:`looks_like_html`):
       the readable text is extracted (see :func:`html_to_text`), with the warning
       ``"NAME: HTML input; extracted its text"``.
    6. CRLF and lone CR become LF.
    7. Other control characters (C0 except TAB and LF, DEL, C1 U+0080-U+009F) and unpaired
       surrogates become spaces, with one warning per kind (for C1 characters decoded as
       Latin-1, the warning suggests ``--encoding cp1252``).
    8. A text that is now only whitespace: ``InputError("NAME: contains only whitespace")``
       (``"NAME: HTML input contains no readable text"`` for HTML).
    9. Language: see :func:`language_warning`; a non-English text is a warning, not an error.

    The result never contains ``\\r``, NUL or U+FEFF. Every step is linear in the input size.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode_text() needs bytes, not {type(data).__name__}")
    data = bytes(data)
    if not data:
        raise InputError(f"{name}: empty file")
    text = _decode(data, name, encoding)
    latin1 = encoding is not None and codecs.lookup(encoding).name == "iso8859-1"
    lower = name.lower()
    return _normalise(text, name, html=lower.endswith(HTML_SUFFIXES), cp1252_hint=latin1,
                      fragments=not lower.endswith(MARKDOWN_SUFFIXES))


def _decode(data: bytes, name: str, encoding: Optional[str]) -> str:
    """Bytes to str by rules 2 and 3 of :func:`decode_text`."""
    start = 0
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except (LookupError, TypeError, ValueError):
            raise InputError(
                f"{name}: unknown encoding {encoding!r}; try utf-8, latin-1, cp1252 or utf-16"
            ) from None
        label = encoding
    elif data[:4] in _UTF32_BOMS and len(data) % 4 == 0:
        codec, label = "utf-32", "UTF-32"
    elif data[:2] in _UTF16_BOMS:
        codec, label = "utf-16", "UTF-16"
    else:
        codec, label = "utf-8", "UTF-8"
        if data.startswith(_UTF8_BOM):
            start = len(_UTF8_BOM)
    if not codec.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
        _check_binary(data, name)
    try:
        return data[start:].decode(codec)
    except UnicodeDecodeError as e:
        offset = start + e.start
        line = _line_number(data[:offset], codec)
        byte = f"byte 0x{data[offset]:02X} " if offset < len(data) else ""
        message = f"{name}: not valid {label} at line {line}, {byte}(offset {offset})"
        if encoding is None and codec == "utf-8":
            message += "; if it is Latin-1 or cp1252 text, pass --encoding latin-1 or --encoding cp1252"
        raise InputError(message) from None
    except (LookupError, UnicodeError, ValueError, TypeError) as e:
        # A codec that is not a text encoding (base64, rot13, ...) or that fails in its own way.
        reason = (str(e).splitlines() or [type(e).__name__])[0]
        raise InputError(f"{name}: unknown encoding {encoding!r} (cannot decode text with it: {reason})") from None


def _check_binary(data: bytes, name: str) -> None:
    """Rule 3 of :func:`decode_text`: raise if the first 8 KiB say "binary"."""
    sample = data[:SNIFF_BYTES]
    nuls = sample.count(0)
    if not nuls:
        return
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls * CONTROL_BYTES_PER < len(sample):
        return  # a few stray NULs in text: removed later, with a warning
    hint = ""
    if nuls * 4 >= len(sample):
        odd = sample[1::2].count(0)
        if odd >= 0.9 * nuls:
            hint = " (if it is UTF-16 text without a byte-order mark, pass --encoding utf-16-le)"
        elif nuls - odd >= 0.9 * nuls:
            hint = " (if it is UTF-16 text without a byte-order mark, pass --encoding utf-16-be)"
    raise InputError(f"{name}: looks like a binary file, not text{hint}")


def _line_number(prefix: bytes, codec: str) -> int:
    """1-based number of the line on which ``prefix`` ends (LF, CRLF and lone CR all end lines)."""
    try:
        before = prefix.decode(codec, "replace")
    except (LookupError, UnicodeError, ValueError, TypeError):
        before = prefix.decode("latin-1")
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _normalise(
    text: str,
    label: str,
    *,
    html: bool = False,
    empty: str = "empty file",
    blank: str = "contains only whitespace",
    cp1252_hint: bool = False,
    fragments: bool = True,
) -> tuple[str, list[str]]:
    """Rules 4-9 of :func:`decode_text` on an already decoded text."""
    warnings: list[str] = []
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    if not text:
        raise InputError(f"{label}: {empty}")
    html = html or looks_like_html(text, fragments=fragments)
    if html:
        text = html_to_text(text)
        warnings.append(f"{label}: HTML input; extracted its text")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
        warnings.append(f"{label}: removed {_plural(nuls, 'stray NUL character')}")
    text, n = _CONTROL_CHARS.subn(" ", text)
    if n:
        warnings.append(f"{label}: replaced {_plural(n, 'control character')} with spaces")
    text, n = _C1_CHARS.subn(" ", text)
    if n:
        hint = "; if the text is from Windows, pass --encoding cp1252" if cp1252_hint else ""
        warnings.append(f"{label}: replaced {_plural(n, 'C1 control character')} (U+0080-U+009F) with spaces{hint}")
    text, n = _SURROGATES.subn(" ", text)
    if n:
        warnings.append(f"{label}: replaced {_plural(n, 'unpaired surrogate')} with spaces")
    if not text.strip():
        if html:
            raise InputError(f"{label}: HTML input contains no readable text")
        raise InputError(f"{label}: {blank}")
    warning = language_warning(text, label)
    if warning:
        warnings.append(warning)
    return text, warnings


def language_warning(text: str, name: str = "<input>") -> Optional[str]:
    """``"NAME: does not look like English; only English is supported"``, or None.

    Looks at the first 100,000 characters. A text with at least 20 words warns when fewer
    than 3% of its words are English function words (:data:`ENGLISH_FUNCTION_WORDS`);
    English prose scores 25-45%. Shorter texts warn only when most of their letters are
    outside the Latin script (Greek, Cyrillic, CJK, ...).
    """
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    words = _WORD.findall(sample)
    if len(words) >= LANGUAGE_MIN_WORDS:
        english = sum(1 for w in words if w.lower() in ENGLISH_FUNCTION_WORDS)
        foreign = english < LANGUAGE_MIN_SHARE * len(words)
    else:
        letters = "".join(words)
        foreign = len(letters) >= 20 and sum(1 for c in letters if c > "\u024f") * 2 > len(letters)
    return f"{name}: does not look like English; only English is supported" if foreign else None


# -- HTML ---------------------------------------------------------------------------------


def looks_like_html(text: str, fragments: bool = True) -> bool:
    """True when the text starts, after whitespace, with ``<!doctype html`` or ``<html``.

    With ``fragments``, also when it starts with the tag of a common HTML element (``<p>``,
    ``<div class=...>``, ``<h1>``, ``<table>``, ``<span>``, ``<a href=...>``, ``<!-- ... -->``, ...):
    scraped page fragments saved as ``.txt``, whose markup must not be read as prose.
    """
    head = text[:64].lstrip().lower()
    if head.startswith("<!doctype html") or head.startswith("<html"):
        return True
    return fragments and _HTML_FRAGMENT_START.match(head) is not None


class _TextExtractor(HTMLParser):
    """Collect the readable text of an HTML page as paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._buf: list[str] = []
        self._skip: list[str] = []  # open elements whose content is dropped, innermost last
        self._open: dict[str, int] = {}  # how often each tag is in _skip (keeps end tags O(1))
        self._pre = 0

    def _push(self, tag: str) -> None:
        self._skip.append(tag)
        self._open[tag] = self._open.get(tag, 0) + 1

    def _pop(self) -> None:
        self._open[self._skip.pop()] -= 1

    def _flush(self) -> None:
        block = "".join(self._buf)
        self._buf = []
        if "\n" in block:  # from <br> or <pre>: trim each line (linear, unlike a regex here)
            block = "\n".join(line.strip(" \t") for line in block.split("\n"))
        block = block.strip()
        if block:
            self.blocks.append(block)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "body":
            self._skip.clear()  # an unclosed <head> ends here
            self._open.clear()
        elif self._skip and self._skip[-1] == "head" and tag not in _HTML_HEAD_CONTENT:
            self._pop()  # so does <head> without </head> and <body>
        if tag in _HTML_SKIP:
            self._push(tag)
        elif tag in _HTML_BLOCK:
            self._flush()
            if tag == "pre":
                self._pre += 1
        elif tag == "br" and not self._skip:
            self._buf.append("\n")
        elif tag in _HTML_CELL and not self._skip:
            self._buf.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HTML_SKIP:
            if self._open.get(tag):
                while self._skip[-1] != tag:
                    self._pop()
                self._pop()
        elif tag in _HTML_BLOCK:
            self._flush()
            if tag == "pre" and self._pre:
                self._pre -= 1
        elif tag in _HTML_CELL and not self._skip:
            self._buf.append(" ")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if not self._pre:
            data = _HTML_SPACE.sub(" ", data)
        self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_TAG = re.compile(r"<[^<>]*>")


_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")


def _defuse(markup: str) -> str:
    """Markup that :mod:`html.parser` gets through in linear time, with the same readable text.

    ``html.parser`` rescans the rest of the document at every construct that does not close
    (``<a<a<a...``, ``<a x="...``, an unclosed ``<!--``), which is quadratic, and a few odd
    constructs (``<![``) make it raise. This single pass looks at every character a bounded
    number of times. A tag is kept only when its ``>`` comes before the next ``<``, and is
    rewritten as ``<name>``, ``<name/>`` or ``</name>`` (attributes carry no readable text,
    and their quotes are what lets the parser run past ``>``). Any other ``<`` becomes
    ``&lt;``, i.e. text, as a browser shows it. Comments (an unclosed one runs to the end, as
    in a browser), declarations and processing instructions are dropped.
    """
    out: list[str] = []
    n = len(markup)
    i = 0
    gt = -1  # the first ">" after the current "<", or n when there is none
    while True:
        j = markup.find("<", i)
        if j == -1:
            out.append(markup[i:])
            break
        out.append(markup[i:j])
        if markup.startswith("<!--", j):
            k = markup.find("-->", j + 4)
            if k == -1:
                break
            i = k + 3
            continue
        c = markup[j + 1 : j + 2]
        if c and (c in "/!?" or (c.isascii() and c.isalpha())):
            if gt <= j:
                gt = markup.find(">", j + 1)
                gt = n if gt == -1 else gt
            if gt < n and markup.find("<", j + 1, gt) == -1:
                i = gt + 1
                m = _TAG_NAME.match(markup, j, gt)
                if m:  # a start or end tag; otherwise <!...>, <?...> or </ >: dropped
                    name = m.group(1).lower()
                    if c == "/":
                        out.append(f"</{name}>")
                    elif markup[gt - 1] == "/" and gt - 1 > m.end() - 1:
                        out.append(f"<{name}/>")
                    else:
                        out.append(f"<{name}>")
                continue
        out.append("&lt;")
        i = j + 1
    return "".join(out)


def html_to_text(markup: str) -> str:
    """The readable text of an HTML document, as paragraphs separated by blank lines.

    Uses the standard library's :mod:`html.parser`. Drops ``script``, ``style``, ``head``,
    ``nav``, ``footer``, ``noscript``, ``template`` and ``svg`` elements; block elements
    (``p``, ``div``, ``h1``-``h6``, ``li``, ``tr``, ...) become paragraph breaks, ``<br>`` a
    line break; runs of whitespace collapse to one space except inside ``<pre>``; entities
    are unescaped. Markup the parser cannot handle falls back to removing tags.
    """
    parser = _TextExtractor()
    try:
        parser.feed(_defuse(markup))
        parser.close()
        blocks = parser.blocks
    except Exception:  # html.parser still has corner cases that raise (e.g. odd "<![" sections)
        text = unescape(_TAG.sub(" ", markup))
        blocks = [" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", text)]
    return "\n\n".join(b for b in blocks if b)


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
) -> tuple[Source, list[str]]:
    """Read one text file into a :class:`Source`; return ``(source, warnings)``.

    A missing file, a directory or an unreadable file is an ``InputError`` ("PATH: no such
    file", "PATH: is a directory, not a file", "PATH: permission denied"); the bytes become
    a Source by :func:`source_from_bytes`. Messages name the file by
    :func:`~quizgen.read.names.display_name` (any name, one printable line). The source id is
    ``id`` or :func:`~quizgen.read.names.source_id_from_stem` of the file's stem (the stem
    itself for an ordinary name); the title is ``title`` or :func:`guess_title`.
    """
    p = Path(os.fsdecode(path))
    name = display_name(p)
    data = read_file_bytes(p, name)
    stem_id = source_id_from_stem(p.stem)
    return source_from_bytes(data, name=name, id=id or stem_id, title=title, title_fallback=stem_id,
                             encoding=encoding)


def source_from_bytes(
    data: bytes,
    *,
    name: str,
    id: str,
    title: Optional[str] = None,
    title_fallback: Optional[str] = None,
    encoding: Optional[str] = None,
) -> tuple[Source, list[str]]:
    """The bytes of one input, from a file or from standard input, as a :class:`Source`; ``(source, warnings)``.

    The one place where an input's bytes become its text (by :func:`decode_text`, whose
    messages start with ``name``), so that a file and the same bytes piped in give the same
    source. The title is ``title``, else :func:`guess_title` with ``title_fallback`` (default: ``id``).
    """
    from quizgen.models import Source

    text, warnings = decode_text(data, name=name, encoding=encoding)
    return Source.from_text(text, id=id, title=title or guess_title(text, title_fallback or id)), warnings


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
) -> tuple["FileSources", int]:
    """The sources of command-line inputs (files and directories), read lazily; and how many files.

    Paths are expanded by :func:`iter_input_paths` (its warnings go to ``on_warning`` at once),
    ids come from :func:`unique_ids`, and each file is read by :func:`read_source` only when the
    iterator gets to it (its warnings go to ``on_warning`` then). A file named on the command line
    that cannot be used raises its ``InputError``. A file found *inside a directory* that has no
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
        for path, sid in zip(paths, ids):
            try:
                src, ws = read_source(path, encoding=encoding, id=sid)
            except InputError as e:
                if os.path.realpath(path) in named or _text_lost(e):
                    raise
                warn(f"{e}; skipped")
                continue
            for w in ws:
                warn(w)
            n += 1
            yield src
        if not n:
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
    a file's (rules 4-9 of :func:`decode_text`), and its warnings go to ``on_warning``
    (dropped if None). A bad line -- not UTF-8, not JSON, not an object, a missing or
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
            text, warnings = _normalise(text, where, empty="empty text", blank="text contains only whitespace")
            if on_warning is not None:
                for w in warnings:
                    on_warning(w)
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

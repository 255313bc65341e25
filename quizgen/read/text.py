"""Plain text: bytes decoded and normalised by fixed rules, HTML text extracted, the language checked.

The rules every text input goes through (:func:`decode_text`), the HTML extractor of the fallback
(:func:`html_to_text`) and the English check (:func:`language_warning`). Split out of
:mod:`quizgen.read.sources`, which re-exports these names, so that the document readers
(:mod:`quizgen.read.document` and the per-format modules) can use them without an import cycle.
"""

from __future__ import annotations

import codecs
import re
from html import unescape
from html.parser import HTMLParser
from typing import Optional

from quizgen.errors import InputError

#: Suffixes that mark a file as HTML, whatever its content.
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")
#: Markdown may hold inline HTML: only a whole page (``<!doctype html``/``<html``) makes it HTML.
MARKDOWN_SUFFIXES: tuple[str, ...] = (".md", ".markdown")

#: How much of the start of a file the binary check looks at.
SNIFF_BYTES = 8 * 1024
#: Control bytes in the sniffed start of a file: fewer than 1 in this many, and the file is text.
CONTROL_BYTES_PER = 1000
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

# Frequent function words of Spanish, French, German, Italian, Portuguese and Dutch that are not
# English words (nor parts of common English names): for texts too short for the share rule.
FOREIGN_FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    el los las del por para con una unos unas pero como sus muy también cuando desde entre hasta sobre
    les des une est sont dans pour avec sur pas qui ont aux cette ces été sous leur
    der die das und ist nicht mit von den dem des ein eine einer zu im auf für sich auch wurde bis zum zur vom
    il della delle degli che sono nel nella per una gli anche
    os uma para com não são pelo pela nos nas foi
    het een van zijn dat voor niet ook werd
    """.split()
)
#: A text shorter than the share rule's minimum is not English when it has at least this many foreign
#: function words and more than twice as many of them as English ones.
LANGUAGE_MIN_FOREIGN = 3

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
    language: bool = True,
) -> tuple[str, list[str]]:
    """Rules 4-9 of :func:`decode_text` on an already decoded text (rule 9 only with ``language``)."""
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
    warning = language_warning(text, label) if language else None
    if warning:
        warnings.append(warning)
    return text, warnings


def language_warning(text: str, name: str = "<input>") -> Optional[str]:
    """``"NAME: does not look like English; only English is supported"``, or None.

    Looks at the first 100,000 characters. A text with at least 20 words warns when fewer
    than 3% of its words are English function words (:data:`ENGLISH_FUNCTION_WORDS`);
    English prose scores 25-45%. Shorter texts warn when most of their letters are outside the
    Latin script (Greek, Cyrillic, CJK, ...), or when at least 3 of their words are function words
    of Spanish, French, German, Italian, Portuguese or Dutch (:data:`FOREIGN_FUNCTION_WORDS`) and
    more than twice as many as the English ones. (Measured against langdetect, see
    docs/input-formats.md: this rule flags none of 2,657 short English review prompts nor English
    full of foreign names, which langdetect flags 24 and 2 of 6 times, and it is over 100 times faster.)
    """
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    words = _WORD.findall(sample)
    if len(words) >= LANGUAGE_MIN_WORDS:
        english = sum(1 for w in words if w.lower() in ENGLISH_FUNCTION_WORDS)
        foreign = english < LANGUAGE_MIN_SHARE * len(words)
    else:
        letters = "".join(words)
        english = sum(1 for w in words if w.lower() in ENGLISH_FUNCTION_WORDS)
        others = sum(1 for w in words if w.lower() in FOREIGN_FUNCTION_WORDS)
        foreign = (len(letters) >= 20 and sum(1 for c in letters if c > "\u024f") * 2 > len(letters)) or (
            others >= LANGUAGE_MIN_FOREIGN and others > 2 * english)
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

"""PDF: the text layer read with :mod:`pypdf`, reflowed into paragraphs, each labelled with its page.

pypdf gives each page's text as lines, in reading order. The rules here turn those lines into
what a reader sees as the document's text:

1. **Running headers, footers and page numbers go.** A line among the first two or last two of
   a page is a page number when it is only a number ("12", "- 12 -", "Page 12", "12 of 40",
   "xii"); it is a running header or footer when the same line (digits ignored) is among the
   first two or last two lines of at least two pages and of at least 40% of the pages. Lines of a
   table of contents (dot leaders to a page number) go too.
2. **Lines are reflowed into paragraphs.** A paragraph ends at a blank line, where the gap to
   the next line is wider than the usual gap between lines, where the font size changes (a
   heading), before a line indented further than the next one (a first-line indent), after a line
   that ends a sentence and is clearly shorter than the document's usual line, and around a short
   line without final punctuation (a heading); a line that starts with a bullet or "1." starts a
   new paragraph. Within a paragraph, lines are joined with a space. (Positions and font sizes
   come from pypdf's text visitor.)
3. **Hyphenated line breaks are joined.** "radio-" + "activity" is "radioactivity", unless the
   hyphenated form ("well-known") is used elsewhere in the document and the joined one is not,
   or the next line starts with a capital ("Franco-" + "Prussian"). Soft hyphens are removed.
4. **A paragraph may run on to the next page** (the page ends without a full stop, the next
   begins in lower case): it is joined there, and the page's section starts mid-paragraph.

Every block is labelled ``"p. N"`` (the page label the PDF defines, else its number from 1).

Errors, each one line: an encrypted PDF that needs a password, a PDF without any text layer
("no text layer: run OCR first"), and a corrupt or truncated file. pypdf's own log messages and
warnings about damaged files are kept off the terminal.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import Callable, NamedTuple, Optional

from quizgen.errors import InputError
from quizgen.read.blocks import Block

#: Lines at the top and at the bottom of a page looked at for headers, footers and page numbers.
MARGIN_LINES = 2
#: A running header or footer is on at least this share of the pages (and on two pages at least).
RUNNING_SHARE = 0.4
#: A line shorter than this share of the usual line length, ending a sentence, ends its paragraph.
SHORT_LINE = 0.8
#: A line shorter than this share of the usual line length, without final punctuation, is a heading.
HEADING_LINE = 0.6
#: A gap between two lines this many times the usual line gap separates two paragraphs.
PARAGRAPH_GAP = 1.3

PageProgress = Callable[[int, int], None]

_PAGE_NUMBER = re.compile(
    r"(?:page|p\.|seite|pag\.)?\s*[-\u2013\u2014(\[]?\s*(?:\d{1,5}|[ivxlcdm]{1,8})\s*[-\u2013\u2014)\]]?"
    r"(?:\s*(?:of|/)\s*\d{1,5})?",
    re.I,
)
# A table-of-contents line: a title, dot leaders, a page number ("2.1 Naming . . . . . . 3").
_CONTENTS_LINE = re.compile(r".*?(?:\.\s?){4,}\s*(?:\d{1,4}|[ivxlcdm]{1,6})")
_BULLET = re.compile(r"(?:[\u2022\u2023\u25e6\u2043\u2219\u25aa\u25cf*\u2013-]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)")
_SENTENCE_END = re.compile(r"[.!?:;…]['\"\u2019\u201d)\]]*$")
_HYPHEN_END = re.compile(r"([^\W\d_]+)[-\u2010]$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\d+")
_COMPOUND = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")
_SPACE = re.compile(r"\s+")
_GENERIC_TITLES = re.compile(r"^(?:untitled|microsoft word - .*|document\d*|title|\s*)$", re.I)


def read_pdf(data: bytes, name: str, on_page: Optional[PageProgress] = None) -> tuple[list[Block], Optional[str], list[str]]:
    """``(blocks, title, warnings)`` of a PDF's text layer; see the module docstring for the rules.

    ``on_page(done, pages)`` is called after each page is read (for a progress bar).
    """
    from quizgen.read.quiet import quiet_libraries

    with quiet_libraries():
        try:
            return _read(data, name, on_page)
        except InputError:
            raise
        except MemoryError:
            raise InputError(f"{name}: PDF too large to read in the memory available") from None
        except RecursionError:
            raise InputError(f"{name}: corrupt PDF (its objects nest too deeply)") from None
        except Exception as e:  # pypdf raises many kinds on damaged files: all mean "cannot read it"
            raise InputError(f"{name}: corrupt or truncated PDF ({_reason(e)})") from None


def _reason(e: Exception) -> str:
    first = (str(e).splitlines() or [""])[0].strip()
    return f"{type(e).__name__}: {first[:120]}" if first else type(e).__name__


def _read(data: bytes, name: str, on_page: Optional[PageProgress]) -> tuple[list[Block], Optional[str], list[str]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception:  # e.g. AES without the cryptography package, or an unknown security handler
            opened = 0
        if not opened:
            raise InputError(f"{name}: encrypted PDF (it needs a password); save a copy without the password "
                             "and read that")
    total = len(reader.pages)
    if not total:
        raise InputError(f"{name}: PDF has no pages")
    pages: list[list[Line]] = []
    for i in range(total):
        pages.append(page_lines(reader.pages[i]))
        if on_page:
            on_page(i + 1, total)
    if not any(line.text for page in pages for line in page):
        raise InputError(f"{name}: no text layer: run OCR first (a scanned PDF? e.g. ocrmypdf {name} out.pdf)")
    warnings = []
    empty = sum(1 for page in pages if not any(line.text for line in page))
    if empty:
        warnings.append(f"{name}: {empty} of {total} pages have no text layer (scanned?); they give no questions")
    labels = _page_labels(reader, total)
    pages = strip_running_lines(pages)
    return reflow(pages, labels), _title(reader), warnings


class Line(NamedTuple):
    """A line of a page's text, with where its first character is (PDF units, y upwards) and its font size."""

    text: str
    x: Optional[float] = None
    y: Optional[float] = None
    size: Optional[float] = None


def page_lines(page) -> list[Line]:
    """A page's text as pypdf extracts it, line by line, each line with the position and font size
    of its first piece of text (from pypdf's ``visitor_text`` callback)."""
    pieces: list[tuple[str, Optional[tuple[float, float, float]]]] = []

    def visit(text, cm, tm, font_dict, font_size) -> None:
        if not text:
            return
        try:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            size = abs(float(font_size) * (tm[3] or 1) * (cm[3] or 1))
            where = (float(x), float(y), size)
        except (TypeError, ValueError, IndexError):
            where = None
        pieces.append((text, where))

    text = page.extract_text(visitor_text=visit) or ""
    if "".join(t for t, _ in pieces) != text:  # pypdf changed the text after the callbacks: no geometry
        pieces = [(text, None)]
    lines: list[Line] = []
    buf: list[str] = []
    where = None
    for piece, at in pieces:
        parts = piece.replace("\r", "\n").split("\n")
        for k, part in enumerate(parts):
            if k:
                lines.append(_line("".join(buf), where))
                buf, where = [], None
            if part.strip() and where is None:
                where = at
            buf.append(part)
    lines.append(_line("".join(buf), where))
    return lines


def _line(text: str, where: Optional[tuple[float, float, float]]) -> Line:
    text = _SPACE.sub(" ", text).strip()
    return Line(text, *where) if where and text else Line(text)


def _page_labels(reader, total: int) -> list[str]:
    """``"p. N"`` for each page, N being the label the PDF gives the page, else its number."""
    try:
        labels = list(reader.page_labels)
        if len(labels) != total:
            raise ValueError
    except Exception:
        labels = [str(i + 1) for i in range(total)]
    return [f"p. {label}" for label in labels]


def _title(reader) -> Optional[str]:
    """The title in the PDF's metadata, unless it is missing or a placeholder ("Untitled", "Microsoft Word - ...")."""
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:
        return None
    if not isinstance(title, str):
        return None
    title = " ".join(title.split())
    return None if _GENERIC_TITLES.match(title) or len(title) > 120 else title


def _key(line: str) -> str:
    return _DIGITS.sub("#", line.casefold())


def _margins(lines: list[Line]) -> list[int]:
    """Indexes of the first and last :data:`MARGIN_LINES` non-empty lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.text]
    return sorted(set(filled[:MARGIN_LINES] + filled[-MARGIN_LINES:]))


def strip_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Rule 1: the pages without their page numbers, running headers and footers, and contents lines."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_key(lines[i].text) for i in _margins(lines)})
    need = max(2, RUNNING_SHARE * len(pages))
    out = []
    for lines in pages:
        drop = {i for i in _margins(lines)
                if _PAGE_NUMBER.fullmatch(lines[i].text) or counts[_key(lines[i].text)] >= need}
        drop.update(i for i, line in enumerate(lines) if ". ." in line.text or "...." in line.text
                    if _CONTENTS_LINE.fullmatch(line.text))
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out


def _usual_length(pages: list[list[Line]]) -> int:
    """The document's usual line length in characters: the 75th percentile of its line lengths."""
    lengths = sorted(len(line.text) for lines in pages for line in lines if line.text)
    return lengths[(len(lengths) * 3) // 4] if lengths else 0


def _is_heading(line: str, usual: int) -> bool:
    return (len(line) < HEADING_LINE * usual and not _SENTENCE_END.search(line) and not line.endswith(("-", ","))
            and line[:1].isupper())


def _median(values: list[float]) -> Optional[float]:
    values = sorted(values)
    return values[len(values) // 2] if values else None


def _line_gap(pages: list[list[Line]]) -> Optional[float]:
    """The usual distance between two lines of a paragraph: the median gap between consecutive lines
    of the same font size (None without geometry)."""
    gaps = []
    for lines in pages:
        placed = [ln for ln in lines if ln.text and ln.y is not None]
        for a, b in zip(placed, placed[1:]):
            if a.size and b.size and abs(a.size - b.size) < 0.5 and 0 < a.y - b.y < 4 * a.size:
                gaps.append(a.y - b.y)
    return _median(gaps)


def _new_paragraph(prev: Line, line: Line, nxt: Optional[Line], gap: Optional[float]) -> bool:
    """Geometry rules of rule 2: a wider gap than between the lines of a paragraph, a change of font
    size (a heading), or a first-line indent (this line starts right of the next, which starts where
    the previous did)."""
    if prev.y is None or line.y is None or not gap:
        return False
    if prev.size and line.size and abs(prev.size - line.size) >= 0.5:
        return True
    if prev.y - line.y > PARAGRAPH_GAP * gap:
        return True
    size = line.size or 10.0
    return (nxt is not None and nxt.x is not None and line.x - nxt.x > 0.8 * size
            and abs(nxt.x - prev.x) < 0.5 * size)


def reflow(pages: list[list[Line]], labels: list[str]) -> list[Block]:
    """Rules 2-4: each page's lines as paragraphs, one :class:`Block` per paragraph (or piece of one) per page."""
    usual = _usual_length(pages)
    gap = _line_gap(pages)
    vocabulary = _Words(pages)
    blocks: list[Block] = []
    for lines, label in zip(pages, labels):
        paragraphs: list[list[str]] = []
        current: list[str] = []
        prev: Optional[Line] = None
        for k, line in enumerate(lines):
            if not line.text:
                if current:
                    paragraphs.append(current)
                    current = []
                continue
            nxt = next((n for n in lines[k + 1:] if n.text), None)
            text = line.text
            if current and (_BULLET.match(text) or (prev is not None and _new_paragraph(prev, line, nxt, gap))
                            or _is_heading(text, usual) and _SENTENCE_END.search(current[-1])):
                paragraphs.append(current)
                current = []
            current.append(text)
            following = nxt.text if nxt is not None else ""
            if (_SENTENCE_END.search(text) and len(text) < SHORT_LINE * usual) or (
                    _is_heading(text, usual) and len(current) == 1 and following[:1].isupper()):
                paragraphs.append(current)
                current = []
            prev = line
        if current:
            paragraphs.append(current)
        for j, para in enumerate(paragraphs):
            text = _join_lines(para, vocabulary)
            join = "\n\n"
            if j == 0 and blocks and _runs_on(blocks[-1].text, text):
                join, text = _run_on(blocks, text, vocabulary)
            blocks.append(Block(text, label, join))
    return blocks


def _runs_on(previous: str, text: str) -> bool:
    """A paragraph that ends a page without ending a sentence, before a page that starts in lower case."""
    return not _SENTENCE_END.search(previous) and (text[:1].islower() or previous.endswith(("-", "\u2010")))


def _run_on(blocks: list[Block], text: str, vocabulary: _Words) -> tuple[str, str]:
    """The joiner (and the text) for a paragraph continued from the previous page."""
    prev = blocks[-1]
    m = _HYPHEN_END.search(prev.text[-64:])
    if not m:
        return " ", text
    first = _FIRST_WORD.match(text)
    if first and _dehyphenate(m.group(1), first.group(0), vocabulary):
        blocks[-1] = Block(prev.text[:-1], prev.label, prev.join)
    return "", text


class _Words:
    """Every lower-cased word of the document, hyphenated compounds included (for rule 3); collected
    at the first hyphenated line break, so a document without one never pays for it."""

    def __init__(self, pages: list[list[Line]]) -> None:
        self._pages = pages
        self._words: Optional[set[str]] = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = {w.casefold() for lines in self._pages for line in lines
                           for w in _COMPOUND.findall(line.text)}
        return word in self._words


def _dehyphenate(left: str, right: str, vocabulary: _Words) -> bool:
    """Rule 3: whether "left-" at a line end + "right..." is one word broken by the line (drop the hyphen)."""
    if not right[:1].islower():
        return False
    joined, hyphenated = (left + right).casefold(), f"{left}-{right}".casefold()
    return not (hyphenated in vocabulary and joined not in vocabulary)


def _join_lines(lines: list[str], vocabulary: _Words) -> str:
    """The lines of one paragraph as one line (rule 3 at hyphenated breaks); linear in their length."""
    parts = [lines[0]]
    for line in lines[1:]:
        m = _HYPHEN_END.search(parts[-1][-64:])
        first = _FIRST_WORD.match(line)
        if m and first and line[:1].islower():
            if _dehyphenate(m.group(1), first.group(0), vocabulary):
                parts[-1] = parts[-1][:-1]
        elif not (m and first):  # "Franco-" + "Prussian": a compound, the hyphen stays, no space
            parts.append(" ")
        parts.append(line)
    return "".join(parts)

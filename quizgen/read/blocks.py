"""Blocks: what every document reader produces, and how they become one text with sections.

A reader (:mod:`quizgen.read.pdf`, :mod:`~quizgen.read.word`, :mod:`~quizgen.read.epub`,
:mod:`~quizgen.read.web`, :mod:`~quizgen.read.markdown`) turns a document into a list of
:class:`Block` objects: paragraphs (and headings) in reading order, each with the label of the
part of the document it is in ("p. 12", "Chapter 3: The Pacific > Midway"). :func:`assemble`
cleans them and joins them into the stored text, and turns runs of blocks with the same label
into :class:`~quizgen.models.Section` ranges. Sections are computed *after* cleaning, so their
offsets point into the stored text, like the answers' offsets (the grounding invariant).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

#: Blocks are joined with a blank line: one paragraph per block, as :func:`~quizgen.read.sources.html_to_text` does.
PARAGRAPH_BREAK = "\n\n"

# What a block must not contain: C0 controls but TAB and LF, DEL, C1 controls, unpaired surrogates.
_BAD_CHARS = re.compile("[\x01-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Removed without a trace: NUL, byte-order marks, soft hyphens (invisible in a rendered document).
_INVISIBLE = re.compile("[\x00\ufeff\u00ad\u200b]")
_SPACES = re.compile(r"[ \t\u00a0]+")
# Typographic ligatures (PDFs are full of them): "\ufb01rst" is "first" to every reader and to spaCy.
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})
_TERMINAL = re.compile(r"[.!?:;…]['\"\u2019\u201d)\]]*$")

# Reference marks of web pages and e-books: [1], [12], [1-3], [1, 2], [a], [citation needed], [note 3].
REFERENCE_MARK = re.compile(
    r"[ \u00a0]?\[(?:\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*|[a-z]|citation needed|clarification needed|"
    r"according to whom\?|when\?|by whom\?|which\?|dubious[^\]]{0,20}|note \d{1,3}|nb \d{1,3})\]"
)


@dataclass(frozen=True)
class Block:
    """One paragraph or heading of a document.

    ``join`` is what goes between the previous block and this one: a paragraph break normally,
    a space (or nothing) for a paragraph that runs on from one PDF page to the next.
    """

    text: str
    label: Optional[str] = None
    join: str = PARAGRAPH_BREAK


def clean_block(text: str) -> str:
    """One block's text made safe and tidy: invisible characters (NUL, BOM, soft hyphen, zero-width
    space) removed, ligatures spelled out ("\ufb01" -> "fi"), other control characters and unpaired
    surrogates replaced by spaces, CR/CRLF to LF, runs of spaces and tabs made one space, each line
    trimmed, blank lines removed."""
    text = _INVISIBLE.sub("", text).translate(_LIGATURES)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BAD_CHARS.sub(" ", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def drop_reference_marks(text: str) -> str:
    """``"Lyon was founded in 43 BC.[1][2] It"`` -> ``"Lyon was founded in 43 BC. It"``: citation
    marks of web pages ([1], [1-3], [a], [citation needed], ...) are removed with the space before them."""
    return REFERENCE_MARK.sub("", text)


def as_sentence(text: str) -> str:
    """A list item as a sentence: a full stop added when it does not end like one already."""
    text = text.rstrip()
    return text if not text or _TERMINAL.search(text) else text + "."


def assemble(blocks: Iterable[Block]) -> tuple[str, list[tuple[int, int, str]]]:
    """``(text, sections)`` from blocks: cleaned texts joined by each block's ``join``, empty blocks
    dropped; ``sections`` are ``(start, end, label)`` for each run of blocks with the same label
    (blocks without a label are in no section). Deterministic and linear in the size of the blocks."""
    parts: list[str] = []
    sections: list[tuple[int, int, str]] = []
    size = 0
    open_label: Optional[str] = None
    open_start = 0
    for block in blocks:
        text = clean_block(block.text)
        if not text:
            continue
        if parts:
            join = block.join
            parts.append(join)
            size += len(join)
        start = size
        parts.append(text)
        size += len(text)
        if block.label != open_label:
            if open_label is not None:
                sections.append((open_start, _end_of(parts, open_start, start, block.join), open_label))
            open_label, open_start = block.label, start
    if open_label is not None:
        sections.append((open_start, size, open_label))
    return "".join(parts), [s for s in sections if s[0] < s[1]]


def _end_of(parts: list[str], start: int, next_start: int, join: str) -> int:
    """Where a section that ends before the block at ``next_start`` ends: before the joiner."""
    return max(start, next_start - len(join)) if parts else start


class HeadingPath:
    """The headings a block is under, as a label: ``"Chapter 3: The Pacific > Midway"``.

    ``enter(level, text)`` is called at each heading (level 1 = top); a heading closes every
    heading of its level or deeper. A document's title (its only top-level heading, when it comes
    first) is left out of the labels by the readers: it is the source's title already.
    """

    SEPARATOR = " > "

    def __init__(self) -> None:
        self._stack: list[tuple[int, str]] = []

    def enter(self, level: int, text: str) -> None:
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()
        text = " ".join(text.split())
        if text:
            self._stack.append((level, text))

    @property
    def label(self) -> Optional[str]:
        return self.SEPARATOR.join(t for _, t in self._stack) or None


def title_level(levels: list[int]) -> Optional[int]:
    """The heading level that is the document's title, if any: the first heading's level, when no
    other heading has that level or a higher one (``[1, 2, 2, 3]`` -> 1; ``[1, 2, 1]`` -> None)."""
    if not levels:
        return None
    first = levels[0]
    return first if all(level > first for level in levels[1:]) else None

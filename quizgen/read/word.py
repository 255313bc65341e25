"""Word (.docx): the body's paragraphs and headings in order, read with python-docx.

Rules:

- The paragraphs of the document body are read in order (``Document.paragraphs``); tables,
  text boxes, headers, footers, footnotes and comments are not read, so they are never quizzed
  (tables and footnotes hold fragments, not prose).
- A paragraph styled "Title" or "Heading N" is a heading; the headings above a paragraph are its
  section label ("Early life > Education"). The title (a "Title" paragraph, or the only
  top-level heading when it comes first) is left out of the labels.
- A paragraph in a list style ("List Bullet", "List Number", "List Paragraph", ...) is a
  sentence: a full stop is added when it has no final punctuation.
- Line breaks and tabs inside a paragraph become spaces.
- The source title is the document's "Title" property, else its title paragraph, else the first
  line (:func:`~quizgen.read.sources.guess_title`).

Only markup is inflated (:func:`quizgen.read.zipped.text_parts`): embedded images never are.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Optional

from quizgen.errors import InputError
from quizgen.read.blocks import Block, HeadingPath, as_sentence, title_level

_HEADING_STYLE = re.compile(r"heading\s*(\d)", re.I)


def read_docx(archive: zipfile.ZipFile, name: str) -> tuple[list[Block], Optional[str], list[str]]:
    """``(blocks, title, warnings)`` of a Word document (an open zip archive holding ``word/document.xml``)."""
    from quizgen.read.quiet import quiet_libraries
    from quizgen.read.zipped import text_parts

    data = text_parts(archive, name, "Word document")
    with quiet_libraries():
        try:
            import docx

            document = docx.Document(io.BytesIO(data))
            paragraphs = [(_style_name(p), p.text) for p in document.paragraphs]
            title = (document.core_properties.title or "").strip() or None
        except InputError:
            raise
        except Exception as e:  # python-docx and lxml raise many kinds on damaged documents
            first = (str(e).splitlines() or [""])[0][:120]
            raise InputError(f"{name}: corrupt or truncated Word document ({type(e).__name__}: {first})") from None
    return word_blocks(paragraphs, title)


def _style_name(paragraph) -> str:
    try:
        return paragraph.style.name or "" if paragraph.style is not None else ""
    except Exception:  # a style reference to a missing style
        return ""


def heading_level(style: str) -> Optional[int]:
    """0 for "Title", N for "Heading N", None for any other style."""
    if style.strip().lower() == "title":
        return 0
    m = _HEADING_STYLE.fullmatch(style.strip())
    return int(m.group(1)) if m else None


def word_blocks(paragraphs: list[tuple[str, str]], title: Optional[str]) -> tuple[list[Block], Optional[str], list[str]]:
    """The rules of the module docstring over ``(style name, text)`` pairs."""
    levels = [lv for style, text in paragraphs if text.strip() and (lv := heading_level(style)) is not None]
    top = title_level(levels)
    path = HeadingPath()
    blocks: list[Block] = []
    seen_title = False
    for style, text in paragraphs:
        text = " ".join(text.replace("\t", " ").split())
        if not text:
            continue
        level = heading_level(style)
        if level is not None:
            if level == 0 or (level == top and not seen_title):
                seen_title = True
                title = title or text
            else:
                path.enter(level, text)
            blocks.append(Block(text, path.label))
            continue
        if style.lower().startswith("list"):
            text = as_sentence(text)
        blocks.append(Block(text, path.label))
    return blocks, title, []

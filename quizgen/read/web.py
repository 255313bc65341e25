"""Web pages (HTML): the main content found by trafilatura, else the page's readable text.

Rules:

1. The page's main content is extracted with :func:`trafilatura.extract` (navigation, menus, ads,
   comments, related links, footers, tables and code left out). Its headings are headings: the
   headings above a paragraph are its section label ("History > Middle Ages"); the page title
   (the only top-level heading, when it comes first) is left out of the labels. List items are
   sentences (a full stop is added when they have none).
2. When trafilatura finds no main content (a short fragment, an odd page), or returns more text
   than the whole page's readable text without navigation and footers (for short pages it falls
   back to a "baseline" that keeps them), the whole page's readable text is used (:func:`quizgen.read.text.html_to_text`, the reader of earlier
   versions) -- unless most of that text is link text, which is a page of navigation only:
   ``InputError("NAME: web page has no main text, only navigation and links")``.
3. Reference marks go: ``[1]``, ``[2][3]``, ``[a]``, ``[citation needed]``, footnote references in
   ``<sup>``, and EPUB footnote bodies (:func:`markup_paragraphs`).

Scripts, styles and templates are never run or read: they are dropped as text (both extractors
parse the markup, they never execute or fetch anything).
"""

from __future__ import annotations

import re
from typing import Optional
from xml.etree import ElementTree

from quizgen.errors import InputError
from quizgen.read.blocks import Block, HeadingPath, as_sentence, drop_reference_marks, title_level

#: A page whose readable text is at least this share link text ...
NAVIGATION_SHARE = 0.5
#: ... and has fewer words than this outside links is navigation, not an article.
NAVIGATION_MAX_WORDS = 50
#: Pages longer than this are not given to trafilatura (its tree would take too much memory); the
#: linear fallback extractor reads them.
TRAFILATURA_MAX_CHARS = 20_000_000

# <sup>1</sup>, <sup>[12]</sup>, <sup><a href="#n1">a</a></sup>: a footnote or citation reference.
_NOTE_REF = re.compile(r"<sup\b[^<>]*>\s*(?:<a\b[^<>]*>\s*)?\[?\s*(?:\d{1,3}|[a-z*\u2020\u2021])\s*\]?\s*(?:</a>\s*)?</sup\s*>",
                       re.I)
# EPUB 3 footnote and endnote bodies.
_NOTE_BODY = re.compile(r"<aside\b[^<>]*epub:type\s*=\s*[\"'](?:foot|end|rear)?notes?[\"'][^<>]*>.*?</aside\s*>",
                        re.I | re.S)
_HEADING_REND = re.compile(r"h([1-6])")


def strip_note_markup(markup: str) -> str:
    """Markup without footnote references (``<sup>1</sup>``) and EPUB footnote bodies."""
    return _NOTE_BODY.sub(" ", _NOTE_REF.sub("", markup))


def markup_paragraphs(markup: str) -> list[str]:
    """The readable paragraphs of (X)HTML by the fallback extractor, reference marks removed."""
    from quizgen.read.text import html_to_text

    text = html_to_text(strip_note_markup(markup))
    return [p for p in (drop_reference_marks(p).strip() for p in text.split("\n\n")) if p]


def read_html(markup: str, name: str) -> tuple[list[Block], Optional[str], list[str]]:
    """``(blocks, title, warnings)`` of a web page by the rules of the module docstring."""
    share, words = link_share(markup)
    if share >= NAVIGATION_SHARE and words < NAVIGATION_MAX_WORDS:
        raise InputError(f"{name}: web page has no main text, only navigation and links "
                         f"({share:.0%} of its text is link text)")
    fallback = markup_paragraphs(markup)
    found = _main_content(markup) if len(markup) <= TRAFILATURA_MAX_CHARS else None
    if found and _letters(b.text for b in found[0]) <= _letters(fallback):
        return found[0], found[1], []
    return [Block(p) for p in fallback], None, []


def _letters(paragraphs) -> int:
    return sum(1 for p in paragraphs for c in p if c.isalnum())


def _main_content(markup: str) -> Optional[tuple[list[Block], Optional[str]]]:
    """Rule 1: trafilatura's main content as ``(blocks, title heading)``, or None when it finds none."""
    from quizgen.read.quiet import quiet_libraries

    with quiet_libraries():
        try:
            import trafilatura

            xml = trafilatura.extract(strip_note_markup(markup), output_format="xml", include_comments=False,
                                      include_tables=False, include_images=False, include_links=False,
                                      include_formatting=False, deduplicate=False, with_metadata=False)
        except Exception:  # trafilatura gives up on odd markup in many ways; the fallback reads it
            return None
    if not xml:
        return None
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return None
    main = root.find("main")
    if main is None:
        return None
    items = list(_items(main))
    levels = [level for kind, level, _ in items if kind == "head"]
    top = title_level(levels)
    path = HeadingPath()
    blocks: list[Block] = []
    seen_title = False
    title: Optional[str] = None
    for kind, level, text in items:
        text = drop_reference_marks(text).strip()
        if not text:
            continue
        if kind == "head":
            if level == top and not seen_title and not blocks:
                seen_title = True
                title = text
            else:
                path.enter(level, text)
        elif kind == "item":
            text = as_sentence(text)
        blocks.append(Block(text, path.label))
    return (blocks, title) if blocks else None


def _text(element: ElementTree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _items(element: ElementTree.Element):
    """``(kind, level, text)`` for the headings, paragraphs and list items of trafilatura's XML, in order."""
    for child in element:
        tag = child.tag
        if tag == "head":
            m = _HEADING_REND.fullmatch(child.get("rend", ""))
            yield "head", int(m.group(1)) if m else 2, _text(child)
        elif tag in ("p", "quote"):
            yield "p", 0, _text(child)
        elif tag == "list":
            for item in child:
                if item.tag == "item":
                    nested = [sub for sub in item if sub.tag == "list"]
                    for sub in nested:
                        item.remove(sub)
                    yield "item", 0, _text(item)
                    if nested:  # a nested list's items follow their parent item
                        yield from _items(_wrap(nested))
        elif tag in ("div", "section"):
            yield from _items(child)
        # code, table, graphic, ref, ...: not prose


def _wrap(elements: list[ElementTree.Element]) -> ElementTree.Element:
    box = ElementTree.Element("x")
    box.extend(elements)
    return box


def link_share(markup: str) -> tuple[float, int]:
    """``(share, words)``: the share of a page's readable characters (letters and digits) that are
    inside links, and the number of words outside links."""
    from quizgen.read.text import _defuse, _TextExtractor

    class Counter(_TextExtractor):
        def __init__(self) -> None:
            super().__init__()
            self.links = 0
            self.total = 0
            self.words = 0
            self.depth = 0

        def handle_starttag(self, tag, attrs):
            super().handle_starttag(tag, attrs)
            if tag == "a":
                self.depth += 1

        def handle_endtag(self, tag):
            super().handle_endtag(tag)
            if tag == "a" and self.depth:
                self.depth -= 1

        def handle_data(self, data):
            if self._skip:
                return
            n = sum(1 for c in data if c.isalnum())
            self.total += n
            if self.depth:
                self.links += n
            else:
                self.words += len(data.split())

    counter = Counter()
    try:
        counter.feed(_defuse(markup))
        counter.close()
    except Exception:
        return 0.0, 0
    return (counter.links / counter.total if counter.total else 0.0), counter.words

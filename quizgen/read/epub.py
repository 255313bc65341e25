"""EPUB: each chapter of the reading order read with ebooklib, its XHTML through the HTML reader.

Rules:

- DRM first: an EPUB whose ``META-INF/encryption.xml`` encrypts anything but fonts (font
  obfuscation is not DRM), or that has a ``META-INF/rights.xml``, is refused with one line.
- The chapters are the documents of the spine, in order (the navigation document and documents
  marked ``linear="no"``, i.e. notes and pop-ups outside the reading order, are skipped).
- Each chapter's XHTML goes through :func:`quizgen.read.web.markup_paragraphs` (the same
  extraction as a web page's fallback: no scripts, styles, navigation; footnote references such
  as ``<sup>1</sup>`` and ``[1]`` removed, footnote bodies too).
- A chapter's title (from the table of contents, else its first ``<h1>``-``<h3>``, else its
  ``<title>``) is the section label of its paragraphs.
- The source title is the book's ``dc:title``.

Only markup is inflated (:func:`quizgen.read.zipped.text_parts`): images and fonts never are.
"""

from __future__ import annotations

import io
import re
import zipfile
from html import unescape
from typing import Optional
from xml.etree import ElementTree

from quizgen.errors import InputError
from quizgen.read.blocks import Block

FONT_SUFFIXES = (".otf", ".ttf", ".woff", ".woff2", ".otc", ".ttc")
_HEADING = re.compile(r"<h([1-3])\b[^>]*>(.*?)</h\1\s*>", re.I | re.S)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_TAGS = re.compile(r"<[^>]*>")


def drm_reason(archive: zipfile.ZipFile) -> Optional[str]:
    """Why the EPUB is DRM-protected, or None (fonts obfuscated per the EPUB spec are not DRM)."""
    names = set(archive.namelist())
    if "META-INF/rights.xml" in names:
        return "META-INF/rights.xml"
    if "META-INF/encryption.xml" not in names:
        return None
    try:
        root = ElementTree.fromstring(archive.read("META-INF/encryption.xml")[:1_000_000])
    except Exception:
        return "META-INF/encryption.xml"
    for element in root.iter():
        if element.tag.endswith("CipherReference"):
            uri = element.get("URI", "")
            if not uri.lower().endswith(FONT_SUFFIXES):
                return f"META-INF/encryption.xml encrypts {uri}"
    return None


def read_epub(archive: zipfile.ZipFile, name: str) -> tuple[list[Block], Optional[str], list[str]]:
    """``(blocks, title, warnings)`` of an EPUB (an open zip archive whose ``mimetype`` says EPUB)."""
    from quizgen.read.quiet import quiet_libraries
    from quizgen.read.zipped import text_parts

    reason = drm_reason(archive)
    if reason:
        raise InputError(f"{name}: the EPUB is DRM-protected ({reason}); quizgen cannot read it")
    data = text_parts(archive, name, "EPUB")
    with quiet_libraries():
        try:
            from ebooklib import ITEM_DOCUMENT, epub

            book = epub.read_epub(io.BytesIO(data), {"ignore_ncx": True})
            titles = _toc_titles(book.toc)
            chapters = []
            for idref, linear in book.spine:
                if str(linear).lower() == "no":  # outside the reading order: notes, answers, pop-ups
                    continue
                item = book.get_item_with_id(idref)
                if item is None or item.get_type() != ITEM_DOCUMENT or isinstance(item, epub.EpubNav):
                    continue
                markup = item.get_content().decode("utf-8", "replace")
                chapters.append((titles.get(item.get_name()) or _heading_of(markup), markup))
            meta = book.get_metadata("DC", "title")
            title = " ".join(meta[0][0].split()) if meta and isinstance(meta[0][0], str) else None
        except InputError:
            raise
        except Exception as e:  # ebooklib, zipfile and lxml raise many kinds on damaged books
            first = (str(e).splitlines() or [""])[0][:120]
            raise InputError(f"{name}: corrupt or truncated EPUB ({type(e).__name__}: {first})") from None
    from quizgen.read.web import markup_paragraphs

    blocks = [Block(p, label) for label, markup in chapters for p in markup_paragraphs(markup)]
    return blocks, title or None, []


def _toc_titles(toc) -> dict[str, str]:
    """File name -> title of its first entry in the (nested) table of contents."""
    out: dict[str, str] = {}

    def walk(entries) -> None:
        for entry in entries:
            if isinstance(entry, (tuple, list)):
                if entry:
                    walk([entry[0]])
                if len(entry) > 1:
                    walk(entry[1])
                continue
            href, title = getattr(entry, "href", None), getattr(entry, "title", None)
            if isinstance(href, str) and isinstance(title, str) and title.strip():
                out.setdefault(href.split("#")[0], " ".join(title.split()))

    walk(toc or [])
    return out


def _heading_of(markup: str) -> Optional[str]:
    """A chapter's first ``<h1>``-``<h3>`` text, else its ``<title>``."""
    for pattern in (_HEADING, _TITLE):
        m = pattern.search(markup[:200_000])
        if m:
            text = " ".join(unescape(_TAGS.sub(" ", m.group(m.lastindex))).split())
            if text:
                return text[:200]
    return None

"""EPUB: each chapter of the reading order, its XHTML through the HTML reader.

The book is read with the standard library only (:mod:`zipfile`, :mod:`xml.etree.ElementTree`,
:mod:`html.parser`): the usual EPUB library, ebooklib, is AGPL-licensed, which an MIT tool must not
require. Rules:

- DRM first: an EPUB whose ``META-INF/encryption.xml`` encrypts anything but fonts (font
  obfuscation is not DRM), or that has a ``META-INF/rights.xml``, is refused with one line.
- ``META-INF/container.xml`` names the package file (the first ``rootfile`` of media type
  ``application/oebps-package+xml``); its ``manifest`` maps ids to files (paths relative to the
  package file, percent-escapes decoded) and its ``spine`` gives the reading order.
- The chapters are the XHTML documents (``application/xhtml+xml``) of the spine, in order. Skipped:
  the navigation document (``properties="nav"``), a cover page (``properties="cover"``), documents
  marked ``linear="no"`` (notes and pop-ups outside the reading order), and a document the spine
  lists a second time. A spine entry whose file is missing or is not markup is skipped with a warning.
- Each chapter's XHTML (UTF-8, or UTF-16 with a byte-order mark) goes through
  :func:`quizgen.read.web.markup_paragraphs` (the same extraction as a web page's fallback: no
  scripts, styles, navigation; footnote references such as ``<sup>1</sup>`` and ``[1]`` removed,
  footnote bodies too).
- A chapter's title is the section label of its paragraphs: the text of the first entry pointing
  to it in the table of contents -- the EPUB 3 navigation document's ``<nav epub:type="toc">``,
  else (EPUB 2, or a navigation document without one) the NCX's ``navPoint`` labels -- else its
  first ``<h1>``-``<h3>``, else its ``<title>``.
- The source title is the book's first ``dc:title``.
- The container, package file and NCX are XML; the sloppiness common in real books is forgiven
  (HTML entities such as ``&nbsp;``, a bare ``&``), anything worse is a corrupt EPUB (a broken NCX
  only loses its titles). Nothing is fetched (no external DTD), and a file that declares entities
  (``<!ENTITY``) is not parsed at all. The navigation document is read as HTML (lenient).

Only markup is ever inflated (:func:`quizgen.read.zipped.read_markup`), and only after
:func:`quizgen.read.zipped.check_markup_size` has bounded it: images and fonts never are.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from html import unescape
from html.entities import name2codepoint
from html.parser import HTMLParser
from typing import Optional
from urllib.parse import unquote
from xml.etree import ElementTree

from quizgen.errors import InputError
from quizgen.read.blocks import Block
from quizgen.read.zipped import check_markup_size, is_markup, read_markup

FONT_SUFFIXES = (".otf", ".ttf", ".woff", ".woff2", ".otc", ".ttc")
#: Media type of the package file in ``container.xml``, of a chapter, and of the NCX in the manifest.
PACKAGE_TYPE = "application/oebps-package+xml"
XHTML_TYPE = "application/xhtml+xml"
NCX_TYPE = "application/x-dtbncx+xml"
#: ``encryption.xml`` is read up to this many bytes (it lists files; a real one is a few kB).
MAX_ENCRYPTION_BYTES = 1_000_000
_HEADING = re.compile(r"<h([1-3])\b[^>]*>(.*?)</h\1\s*>", re.I | re.S)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_TAGS = re.compile(r"<[^>]*>")
_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{0,31});")
_BARE_AMPERSAND = re.compile(rb"&(?!#[0-9]{1,8};|#[xX][0-9a-fA-F]{1,8};|[A-Za-z_][\w.-]{0,63};)")
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}


def drm_reason(archive: zipfile.ZipFile) -> Optional[str]:
    """Why the EPUB is DRM-protected, or None (fonts obfuscated per the EPUB spec are not DRM)."""
    names = set(archive.namelist())
    if "META-INF/rights.xml" in names:
        return "META-INF/rights.xml"
    if "META-INF/encryption.xml" not in names:
        return None
    try:
        with archive.open("META-INF/encryption.xml") as f:  # never inflated past the limit
            root = _parse_xml(f.read(MAX_ENCRYPTION_BYTES))
    except Exception:
        return "META-INF/encryption.xml"
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.endswith("CipherReference"):
            uri = element.get("URI", "")
            if not uri.lower().endswith(FONT_SUFFIXES):
                return f"META-INF/encryption.xml encrypts {uri}"
    return None


def read_epub(archive: zipfile.ZipFile, name: str) -> tuple[list[Block], Optional[str], list[str]]:
    """``(blocks, title, warnings)`` of an EPUB (an open zip archive whose ``mimetype`` says EPUB)."""
    check_markup_size(archive, name, "EPUB")
    reason = drm_reason(archive)
    if reason:
        raise InputError(f"{name}: the EPUB is DRM-protected ({reason}); quizgen cannot read it")
    try:
        chapters, title, warnings = _chapters(archive, name)
    except InputError:
        raise
    except Exception as e:  # a damaged book can break the parsers in many ways: one line all the same
        first = (str(e).splitlines() or [""])[0][:120]
        raise InputError(f"{name}: corrupt or truncated EPUB ({type(e).__name__}: {first})") from None
    from quizgen.read.web import markup_paragraphs

    blocks = [Block(p, label) for label, markup in chapters for p in markup_paragraphs(markup)]
    return blocks, title or None, warnings


# -- the package: container.xml, the OPF, its manifest and spine -----------------------------------


class _Book:
    """The open book: its archive, its name (for messages) and its members, read only as markup."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.archive = archive
        self.name = name
        self.members = set(archive.namelist())

    def has(self, member: str) -> bool:
        """Whether the archive holds that member and it is markup (the only kind ever inflated)."""
        return member in self.members and is_markup(member)

    def read(self, member: str) -> bytes:
        """A member's bytes (markup only, see :func:`quizgen.read.zipped.read_markup`)."""
        return read_markup(self.archive, member, self.name, "EPUB")

    def corrupt(self, why: str) -> InputError:
        """The one-line error of a book whose structure is broken."""
        return InputError(f"{self.name}: corrupt or truncated EPUB ({why})")

    def xml(self, member: str) -> ElementTree.Element:
        """A member parsed as XML (:func:`_parse_xml`), or a corrupt-EPUB error."""
        if not self.has(member):
            raise self.corrupt(f"no {member}" if member not in self.members else f"{member} is not markup")
        try:
            return _parse_xml(self.read(member))
        except ElementTree.ParseError as e:
            raise self.corrupt(f"{member} cannot be read as XML: {e}") from None


def _chapters(archive: zipfile.ZipFile, name: str) -> tuple[list[tuple[Optional[str], str]], Optional[str], list[str]]:
    """``([(label, markup), ...], title, warnings)``: the chapters in reading order, by the module's rules."""
    book = _Book(archive, name)
    opf = _package_path(book)
    package = book.xml(opf)
    manifest = _manifest(package, opf)
    spine = _child(package, "spine")
    if spine is None:
        raise book.corrupt(f"{opf} has no spine")
    titles = _toc_titles(book, manifest, spine)
    chapters: list[tuple[Optional[str], str]] = []
    warnings: list[str] = []
    seen: set[str] = set()
    for path in _reading_order(manifest, spine):
        if path in seen:
            continue
        seen.add(path)
        if not book.has(path):
            warnings.append(f"{name}: the EPUB's chapter {path} is "
                            f"{'missing' if path not in book.members else 'not an XHTML file'}; skipped")
            continue
        markup = _decode(book.read(path))
        chapters.append((titles.get(path) or _heading_of(markup), markup))
    return chapters, _book_title(package), warnings


def _package_path(book: _Book) -> str:
    """The package (OPF) file named by ``META-INF/container.xml``: its first rootfile of the OPF type."""
    container = book.xml("META-INF/container.xml")
    for rootfile in _descendants(container, "rootfile"):
        path = (rootfile.get("full-path") or "").strip().lstrip("/")
        if rootfile.get("media-type", PACKAGE_TYPE).strip() == PACKAGE_TYPE and path:
            return path
    raise book.corrupt("META-INF/container.xml names no package file")


class _Item:
    """A manifest entry: its file (a path in the archive), media type and properties."""

    def __init__(self, path: str, media_type: str, properties: list[str]) -> None:
        self.path = path
        self.media_type = media_type
        self.properties = properties


def _manifest(package: ElementTree.Element, opf: str) -> dict[str, _Item]:
    """Manifest id -> item; hrefs are resolved against the package file (remote resources left out)."""
    items: dict[str, _Item] = {}
    manifest = _child(package, "manifest")
    for element in (manifest if manifest is not None else []):
        if _local(element.tag) != "item":
            continue
        path = _resolve(opf, element.get("href", ""))
        if path is not None and element.get("id"):
            items.setdefault(element.get("id", ""), _Item(path, (element.get("media-type") or "").strip().lower(),
                                                          (element.get("properties") or "").split()))
    return items


def _reading_order(manifest: dict[str, _Item], spine: ElementTree.Element) -> list[str]:
    """The paths of the chapters: the spine's XHTML documents in order, without the navigation
    document, a cover page and ``linear="no"`` documents (outside the reading order: notes, pop-ups)."""
    paths = []
    for itemref in spine:
        if _local(itemref.tag) != "itemref" or (itemref.get("linear") or "").strip().lower() == "no":
            continue
        item = manifest.get(itemref.get("idref") or "")
        if item is None or item.media_type != XHTML_TYPE or {"nav", "cover"} & set(item.properties):
            continue
        paths.append(item.path)
    return paths


def _book_title(package: ElementTree.Element) -> Optional[str]:
    """The first ``dc:title`` of the package's metadata, whitespace collapsed."""
    metadata = _child(package, "metadata")
    if metadata is None:
        return None
    for element in metadata.iter():
        if isinstance(element.tag, str) and element.tag == "{http://purl.org/dc/elements/1.1/}title":
            return " ".join("".join(element.itertext()).split()) or None
    return None


# -- the table of contents: the navigation document (EPUB 3), else the NCX (EPUB 2) -----------------


def _toc_titles(book: _Book, manifest: dict[str, _Item], spine: ElementTree.Element) -> dict[str, str]:
    """Chapter path -> title of the first table-of-contents entry pointing to it (a fragment
    ``#...`` ignored). The navigation document's toc is used when it has entries, else the NCX
    (the spine's ``toc`` attribute, else the manifest's NCX item). A missing or unparsable table of
    contents gives no titles (the chapters' headings are used)."""
    nav = next((item for item in manifest.values() if "nav" in item.properties), None)
    if nav is not None and book.has(nav.path):
        titles = _first_titles(nav.path, _nav_links(_decode(book.read(nav.path))))
        if titles:
            return titles
    ncx = manifest.get(spine.get("toc") or "") or next(
        (item for item in manifest.values() if item.media_type == NCX_TYPE), None)
    if ncx is not None and book.has(ncx.path):
        data = book.read(ncx.path)  # a member that cannot be unpacked is a damaged book: an error
        try:
            root = _parse_xml(data)
        except ElementTree.ParseError:  # a broken NCX only costs the titles
            return {}
        return _first_titles(ncx.path, _ncx_links(root))
    return {}


def _first_titles(base: str, links: list[tuple[str, str]]) -> dict[str, str]:
    """Path -> whitespace-collapsed text of the first non-blank link to it; hrefs relative to ``base``."""
    titles: dict[str, str] = {}
    for href, text in links:
        path, text = _resolve(base, href), " ".join(text.split())
        if path is not None and text:
            titles.setdefault(path, text)
    return titles


class _NavLinks(HTMLParser):
    """The links (``href``, text) inside the ``<nav>`` whose ``epub:type`` (or any attribute) has
    the token ``toc``, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # how many <nav> deep inside the toc nav (0: outside it)
        self.href: Optional[str] = None
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "nav":
            if self.depth or any("toc" in (value or "").split() for _, value in attrs):
                self.depth += 1
        elif tag == "a" and self.depth:
            self._close_link()
            self.href = dict(attrs).get("href") or ""
            self.text = []

    def handle_endtag(self, tag) -> None:
        if tag == "a" or (tag == "nav" and self.depth):
            self._close_link()
        if tag == "nav" and self.depth:
            self.depth -= 1

    def handle_data(self, data) -> None:
        if self.href is not None:
            self.text.append(data)

    def _close_link(self) -> None:
        if self.href is not None:
            self.links.append((self.href, "".join(self.text)))
        self.href = None


def _nav_links(markup: str) -> list[tuple[str, str]]:
    """The toc links of an EPUB 3 navigation document (read as HTML: lenient with odd markup)."""
    parser = _NavLinks()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser has rare corner cases that raise: the links found so far stand
        pass
    parser._close_link()
    return parser.links


def _ncx_links(ncx: ElementTree.Element) -> list[tuple[str, str]]:
    """The ``(content src, navLabel text)`` of an NCX's ``navPoint``s, in document order."""
    links = []
    for point in _descendants(ncx, "navPoint"):
        label = next((e for e in point if _local(e.tag) == "navLabel"), None)
        content = next((e for e in point if _local(e.tag) == "content"), None)
        if label is not None and content is not None:
            links.append((content.get("src", ""), "".join(label.itertext())))
    return links


# -- helpers --------------------------------------------------------------------------------------


def _local(tag) -> str:
    """An element's name without its namespace (comments and processing instructions: "")."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(element: ElementTree.Element, local: str) -> Optional[ElementTree.Element]:
    """The first child of that name, whatever its namespace (books get namespaces wrong)."""
    return next((e for e in element if _local(e.tag) == local), None)


def _descendants(element: ElementTree.Element, local: str) -> list[ElementTree.Element]:
    """Every element of that name below ``element``, in document order, whatever its namespace."""
    return [e for e in element.iter() if _local(e.tag) == local]


def _resolve(base: str, href: str) -> Optional[str]:
    """The archive path an ``href`` in member ``base`` points to (fragment and query dropped,
    percent-escapes decoded), or None for a remote resource or an empty href."""
    href = href.strip().split("#", 1)[0].split("?", 1)[0]
    if not href or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", href):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(href)))
    return path.lstrip("/")


def _parse_xml(data: bytes) -> ElementTree.Element:
    """An XML file of the book, parsed with the faults of :func:`_forgiving` forgiven. A file that
    declares entities (``<!ENTITY``: never needed by an EPUB, the stuff of "billion laughs" attacks)
    is refused with ``ParseError`` before the parser sees it; external DTDs are never loaded."""
    if any(mark.encode(codec) in data for mark in ("<!ENTITY",) for codec in ("ascii", "utf-16-le", "utf-16-be")):
        raise ElementTree.ParseError("it declares XML entities, which an EPUB never needs")
    return ElementTree.fromstring(_forgiving(data))


def _forgiving(data: bytes) -> bytes:
    """XML with the common faults of hand-made books fixed: HTML entities (``&nbsp;``, ``&mdash;``)
    become character references, a bare ``&`` becomes ``&amp;``."""

    def entity(m: re.Match) -> bytes:
        name = m.group(1).decode("ascii")
        if name in _XML_ENTITIES or name not in name2codepoint:
            return m.group(0)
        return b"&#%d;" % name2codepoint[name]

    if b"\x00" in data[:4]:  # UTF-16 (or worse): byte patterns would not match, or would break it
        return data
    return _BARE_AMPERSAND.sub(b"&amp;", _ENTITY.sub(entity, data))


def _decode(data: bytes) -> str:
    """An EPUB text file's characters: UTF-16 when it starts with its byte-order mark, else UTF-8
    (the two encodings EPUB allows; undecodable bytes replaced)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    return data.decode("utf-8-sig", "replace")


def _heading_of(markup: str) -> Optional[str]:
    """A chapter's first ``<h1>``-``<h3>`` text, else its ``<title>``."""
    for pattern in (_HEADING, _TITLE):
        m = pattern.search(markup[:200_000])
        if m:
            text = " ".join(unescape(_TAGS.sub(" ", m.group(m.lastindex))).split())
            if text:
                return text[:200]
    return None

"""Documents made in the tests: PDFs and EPUBs written by hand (no PDF or EPUB library needed), .docx
with python-docx, so that every reader is tested on files whose content is known exactly."""

from __future__ import annotations

import io
import zipfile
from typing import Optional, Sequence


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(pages: Sequence[Sequence[str]], *, title: Optional[str] = None, image_only: bool = False) -> bytes:
    """A PDF with one page per item of ``pages``, each line of text set in Helvetica 11 pt, top to bottom.

    An empty string is a blank line. ``image_only`` makes pages that hold only a drawn rectangle and
    no text (like a scan without OCR). The cross-reference table is exact, so strict readers accept it.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        if image_only:
            stream = b"0.5 g 72 72 468 648 re f"
        else:
            ops = [b"BT /F1 11 Tf 14 TL 72 760 Td"]
            for line in lines:
                ops.append(_pdf_string(line) + b" Tj T*" if line else b"T*")
            ops.append(b"ET")
            stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> "
                        b"/Contents %d 0 R >>" % (pages_obj, font, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                              + b"] /Count %d >>" % len(kids))
    info = add(b"<< /Title " + _pdf_string(title) + b" >>") if title else None
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info:
        trailer += b" /Info %d 0 R" % info
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def encrypt_pdf(data: bytes, password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(paragraphs: Sequence[tuple[str, str]], *, title: Optional[str] = None,
              table: Optional[Sequence[Sequence[str]]] = None, image: Optional[bytes] = None) -> bytes:
    """A .docx of ``(style, text)`` paragraphs ("Title", "Heading 1", "List Bullet", "Normal", ...),
    with an optional table and an optional embedded image (raw bytes stored as word/media/image1.png)."""
    import docx

    d = docx.Document()
    if title is not None:
        d.core_properties.title = title
    for style, text in paragraphs:
        d.add_paragraph(text, style=style)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    out = io.BytesIO()
    d.save(out)
    data = out.getvalue()
    if image is not None:
        data = add_zip_member(data, "word/media/image1.png", image)
    return data


def add_zip_member(data: bytes, member: str, content: bytes, compress: bool = True) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as z:
        for info in src.infolist():
            z.writestr(info, src.read(info))
        z.writestr(member, content)
    return out.getvalue()


def edit_zip(data: bytes, changes: dict[str, Optional[bytes]]) -> bytes:
    """The archive with each member of ``changes`` replaced by its content (added if new, removed if None)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename not in changes:
                z.writestr(info, src.read(info))
            elif changes[info.filename] is not None:
                z.writestr(info, changes[info.filename])
        for member, content in changes.items():
            if content is not None and member not in src.namelist():
                z.writestr(member, content)
    return out.getvalue()


def make_zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return out.getvalue()


def make_epub(chapters: Sequence[tuple[str, str]], *, title: str = "A book", notes: Optional[str] = None,
              epub2: bool = False) -> bytes:
    """An EPUB 3 with one XHTML document per ``(chapter title, body markup)``, in that reading order,
    and with ``notes``, a document in the spine marked ``linear="no"``.

    Written with :mod:`zipfile` (no EPUB library), laid out as the common tools lay a book out:
    ``mimetype`` first and stored, ``META-INF/container.xml``, then ``EPUB/content.opf`` with the
    chapters, an NCX and (not with ``epub2``: an EPUB 2 book, whose only table of contents is the
    NCX) the navigation document, also in the spine, first, as some tools put it.
    """
    from html import escape

    def page(head_title: str, body: str) -> str:
        return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
                '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" '
                f'xml:lang="en"><head><title>{escape(head_title)}</title></head><body>{body}</body></html>')

    files = {f"chapter{i}.xhtml": (name, page(name, body)) for i, (name, body) in enumerate(chapters, start=1)}
    links = "".join(f'<li><a href="{f}">{escape(n)}</a></li>' for f, (n, _) in files.items())
    nav = page(title, f'<nav epub:type="toc" id="id"><h2>{escape(title)}</h2><ol>{links}</ol></nav>')
    points = "".join(f'<navPoint id="p{i}"><navLabel><text>{escape(n)}</text></navLabel><content src="{f}"/></navPoint>'
                     for i, (f, (n, _)) in enumerate(files.items(), start=1))
    ncx = ('<?xml version="1.0" encoding="utf-8"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
           f'<head><meta name="dtb:uid" content="quizgen-test"/></head><docTitle><text>{escape(title)}</text></docTitle>'
           f"<navMap>{points}</navMap></ncx>")
    manifest = "".join(f'<item href="{f}" id="c{i}" media-type="application/xhtml+xml"/>'
                       for i, f in enumerate(files, start=1))
    manifest += '<item href="toc.ncx" id="ncx" media-type="application/x-dtbncx+xml"/>'
    spine = "" if epub2 else '<itemref idref="nav"/>'
    spine += "".join(f'<itemref idref="c{i}"/>' for i in range(1, len(files) + 1))
    parts = {f"EPUB/{f}": markup for f, (_, markup) in files.items()}
    parts["EPUB/toc.ncx"] = ncx
    if not epub2:
        manifest += '<item href="nav.xhtml" id="nav" media-type="application/xhtml+xml" properties="nav"/>'
        parts["EPUB/nav.xhtml"] = nav
    if notes is not None:
        manifest += '<item href="notes.xhtml" id="notes" media-type="application/xhtml+xml"/>'
        spine += '<itemref idref="notes" linear="no"/>'
        parts["EPUB/notes.xhtml"] = page("Notes", notes)
    opf = ('<?xml version="1.0" encoding="utf-8"?>\n'
           f'<package xmlns="http://www.idpf.org/2007/opf" version="{"2.0" if epub2 else "3.0"}" unique-identifier="id">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">quizgen-test</dc:identifier>'
           f"<dc:title>{escape(title)}</dc:title><dc:language>en</dc:language></metadata>"
           f'<manifest>{manifest}</manifest><spine toc="ncx">{spine}</spine></package>')
    container = ('<?xml version="1.0" encoding="utf-8"?>\n'
                 '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles>'
                 '<rootfile media-type="application/oebps-package+xml" full-path="EPUB/content.opf"/></rootfiles></container>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", container)
        z.writestr("EPUB/content.opf", opf)
        for member, text in parts.items():
            z.writestr(member, text)
    return out.getvalue()

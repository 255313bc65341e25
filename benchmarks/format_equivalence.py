"""Do documents give the questions their plain text gives? PDF and web-page versions of real texts.

    python benchmarks/format_equivalence.py FOLDER [FOLDER ...]

Each ``.txt`` in the folders (title line, blank line, paragraphs) is written as
* a PDF with fpdf2 (``pip install fpdf2``; not a quizgen dependency): A4, DejaVu Sans 11 pt, lines
  wrapped by the page width, a running header with the title and a page number in the footer on
  every page, so the reader must drop them and reflow the lines;
* a web page: the paragraphs in ``<article><p>``, with a navigation bar, a "related stories" list,
  a cookie banner and a footer around it, so main-content extraction must find the article.
Each version is quizzed with the default options and its questions (prompt, answer) are compared
with those of the plain text. The report counts the questions of the text found again in each
version, and the extra ones. Since every question of a version that matches the plain text's is the
same item, a blind review of it scores as the plain text's does; the differences are what to read.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import quizgen

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def as_pdf(title: str, paragraphs: list[str], out: Path) -> None:
    from fpdf import FPDF

    class Doc(FPDF):
        def header(self):
            self.set_font("dejavu", size=8)
            self.cell(0, 8, title, align="R")
            self.ln(12)

        def footer(self):
            self.set_y(-15)
            self.set_font("dejavu", size=8)
            self.cell(0, 10, str(self.page_no()), align="C")

    pdf = Doc(format="A4")
    pdf.set_creation_date(__import__("datetime").datetime(2026, 1, 1, tzinfo=__import__("datetime").timezone.utc))
    pdf.add_font("dejavu", fname=FONT)
    pdf.add_page()
    pdf.set_font("dejavu", size=16)
    pdf.multi_cell(0, 9, title)
    pdf.ln(4)
    pdf.set_font("dejavu", size=11)
    for para in paragraphs:
        pdf.multi_cell(0, 6, para)
        pdf.ln(3)
    pdf.output(str(out))


def as_html(title: str, paragraphs: list[str], out: Path) -> None:
    from html import escape

    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    out.write_text(f"""<!doctype html><html><head><meta charset="utf-8"><title>{escape(title)} - News</title></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a> | <a href="/login">Sign in</a></nav>
<div class="cookie">We use cookies to improve your experience. <button>Accept</button></div>
<main><article><h1>{escape(title)}</h1>
{body}
</article>
<aside><h2>Related stories</h2><ul><li><a href="/a">Markets fall for a third day</a></li>
<li><a href="/b">Ten things to do this weekend</a></li></ul></aside></main>
<footer>Copyright 2026 Example News Ltd. All rights reserved. <a href="/terms">Terms</a></footer></body></html>""",
                   encoding="utf-8")


def pairs(path: Path) -> set[tuple[str, str]]:
    quiz = quizgen.generate_files([path])
    return {(q.prompt, q.answer.text) for q in quiz.questions}


def main(folders: list[str]) -> None:
    totals = {"pdf": [0, 0, 0], "html": [0, 0, 0]}  # found again, of, extra
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            for txt in sorted(Path(folder).glob("*.txt")):
                lines = txt.read_text(encoding="utf-8").split("\n\n")
                title, paragraphs = lines[0].strip(), [p.strip() for p in lines[1:] if p.strip()]
                plain = pairs(txt)
                for kind, write in (("pdf", as_pdf), ("html", as_html)):
                    out = Path(tmp) / f"{txt.stem}.{kind}"
                    write(title, paragraphs, out)
                    got = pairs(out)
                    totals[kind][0] += len(plain & got)
                    totals[kind][1] += len(plain)
                    totals[kind][2] += len(got - plain)
                    for p, a in sorted(plain - got):
                        print(f"  {kind} lost   {txt.name}: {p} -> {a}")
                    for p, a in sorted(got - plain):
                        print(f"  {kind} extra  {txt.name}: {p} -> {a}")
    for kind, (same, of, extra) in totals.items():
        print(f"{kind}: {same} of {of} plain-text questions found again; {extra} questions only in the {kind}")


if __name__ == "__main__":
    main(sys.argv[1:])

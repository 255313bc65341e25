"""Write the two document seeds, seeds/penicillin.pdf and seeds/rosetta-stone.docx (a dev-time tool).

The texts are original, written for quizgen and dedicated to the public domain (CC0 1.0); the facts
are the well-documented ones of any encyclopedia. The PDF is written with fpdf2 (``pip install
fpdf2``; not a quizgen dependency) on A5 pages with a running header and page numbers, so that
reading it exercises the PDF reader's rules (headers and page numbers dropped, hyphenated line
breaks joined, paragraphs reflowed, one section per page); the .docx with python-docx, with a
title, headings, a list and a table (tables are not quizzed).

Run from the repository root: ``python tools/make_seed_documents.py``. The output is byte-stable
(fixed creation dates), so re-running it does not change the committed files.
"""

from __future__ import annotations

import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LICENCE = "CC0 1.0 (public domain dedication); original text written for quizgen"

PENICILLIN_TITLE = "The Discovery of Penicillin"
PENICILLIN = [
    ("A mould on a culture plate", [
        "Penicillin was the first antibiotic to be used widely in medicine. Its story began in London, "
        "at St Mary's Hospital, where the Scottish bacteriologist Alexander Fleming studied the "
        "bacteria that cause boils and sore throats.",
        "In September 1928 Fleming came back from a holiday and sorted through a pile of old culture "
        "plates of Staphylococcus bacteria. On one of them a blue-green mould had grown, and around "
        "the mould the bacteria had died. The mould was a species of Penicillium, and Fleming called "
        "the substance it released penicillin.",
        "Fleming published his observations in the British Journal of Experimental Pathology in 1929. "
        "He found that penicillin killed many kinds of harmful bacteria without harming white blood "
        "cells, but it was unstable and hard to purify, and for ten years little came of it.",
    ]),
    ("The Oxford team", [
        "In 1939 Howard Florey, an Australian pathologist, and Ernst Chain, a biochemist who had fled "
        "Germany, began to study penicillin at the Sir William Dunn School of Pathology in Oxford. "
        "Their colleague Norman Heatley designed the equipment that extracted and purified it, using "
        "milk churns, bathtubs and bedpans to grow the mould.",
        "On 25 May 1940 the team infected eight mice with streptococci and gave penicillin to four of "
        "them. The four treated mice survived, while the four untreated mice died overnight. The "
        "results were published in The Lancet in August 1940.",
        "The first patient was Albert Alexander, an Oxford policeman with a severe infection, who was "
        "treated in February 1941. He began to recover, but the supply of the drug ran out and he died "
        "in March 1941.",
    ]),
    ("Mass production", [
        "Britain at war could not make penicillin in large amounts, so in 1941 Florey and Heatley "
        "travelled to the United States. At the Northern Regional Research Laboratory in Peoria, "
        "Illinois, scientists grew the mould in deep tanks and found a far more productive strain on "
        "a mouldy cantaloupe from a local market.",
        "In March 1942 Anne Miller, a patient in New Haven, Connecticut, became the first American "
        "civilian to be saved by penicillin. By the Normandy landings on 6 June 1944, American "
        "companies had made about 2.3 million doses for the Allied armies.",
        "Fleming, Florey and Chain shared the Nobel Prize in Physiology or Medicine in 1945. In the "
        "same year Dorothy Hodgkin worked out the chemical structure of penicillin by X-ray "
        "crystallography. Alexander Fleming died in London on 11 March 1955.",
    ]),
    ("Resistance", [
        "In his Nobel lecture in December 1945, Fleming warned that bacteria could become resistant to "
        "penicillin when patients took too little of it. By the 1950s many hospital strains of "
        "Staphylococcus aureus no longer responded to the drug.",
        "Chemists at the British company Beecham then modified the penicillin molecule, and methicillin "
        "came into use in 1959. Only two years later, in 1961, doctors in Britain reported the first "
        "bacteria that resisted methicillin as well.",
    ]),
]

ROSETTA_TITLE = "The Rosetta Stone"
ROSETTA = [
    ("Heading 1", "A decree in three scripts"),
    ("Normal", "The Rosetta Stone is a slab of dark granodiorite that carries the same decree in Egyptian "
               "hieroglyphs, Demotic and Ancient Greek. A council of Egyptian priests issued the decree at "
               "Memphis in 196 BC, on behalf of King Ptolemy V Epiphanes."),
    ("Normal", "The Rosetta Stone is about 114 centimetres high and 72 centimetres wide, and the slab weighs "
               "about 760 kilograms. The top part of the Rosetta Stone, which held most of the "
               "hieroglyphic text, has never been found."),
    ("Heading 1", "Discovery"),
    ("Normal", "French soldiers found the Rosetta Stone in July 1799, during Napoleon Bonaparte's campaign "
               "in Egypt. The soldiers were rebuilding a fort near the town of Rashid, in the Nile Delta, "
               "which Europeans called Rosetta. Pierre-François Bouchard, the officer in charge of the "
               "work, saw that the inscription might be important."),
    ("Normal", "After the French defeat in Egypt, the British took the Rosetta Stone under the Capitulation "
               "of Alexandria in 1801. The Rosetta Stone arrived in England in 1802, and the British "
               "Museum in London has shown it ever since."),
    ("Heading 1", "Decipherment"),
    ("Normal", "Scholars could read the Greek text, so the Rosetta Stone offered a key to the hieroglyphs, "
               "which nobody had been able to read for more than a thousand years. The English scientist "
               "Thomas Young showed in 1814 that the oval rings called cartouches spelled the name of a "
               "king, Ptolemy."),
    ("Normal", "The French scholar Jean-François Champollion knew Coptic, the late form of the Egyptian "
               "language, and found that hieroglyphs stood for sounds as well as ideas. Champollion "
               "announced his decipherment in Paris on 27 September 1822, in a letter to the Academy of "
               "Inscriptions."),
    ("Normal", "The three texts of the Rosetta Stone gave later scholars:"),
    ("List Bullet", "a list of royal names that could be read in two scripts"),
    ("List Bullet", "hundreds of Egyptian words with known Greek meanings"),
    ("Heading 1", "The stone today"),
    ("Normal", "More people visit the Rosetta Stone than any other object in the British Museum. "
               "Conservators cleaned the Rosetta Stone in 1999 and removed the white chalk that "
               "nineteenth-century scholars had rubbed into its letters. Egypt has asked the British "
               "Museum several times to return the Rosetta Stone."),
]
ROSETTA_TABLE = [["Script", "Lines that survive"], ["Hieroglyphic", "14"], ["Demotic", "32"], ["Greek", "54"]]


def write_pdf(path: Path) -> None:
    from fpdf import FPDF

    class Handout(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 6, "History of Medicine - Handout 4", align="R")
            self.ln(10)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 6, str(self.page_no()), align="C")

    pdf = Handout(format="A5")
    pdf.set_creation_date(datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc))
    pdf.set_title(PENICILLIN_TITLE)
    pdf.set_author("quizgen contributors")
    pdf.set_subject(LICENCE)
    pdf.set_margins(18, 12, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, PENICILLIN_TITLE)
    pdf.ln(3)
    for heading, paragraphs in PENICILLIN:
        pdf.set_font("Helvetica", "B", 11)
        pdf.multi_cell(0, 6, heading)
        pdf.ln(1)
        pdf.set_font("Helvetica", "", 12)
        for text in paragraphs:
            pdf.multi_cell(0, 6, text, align="J")
            pdf.ln(2.5)
    pdf.output(str(path))


def write_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    props = d.core_properties
    props.title = ROSETTA_TITLE
    props.author = "quizgen contributors"
    props.comments = LICENCE
    props.created = props.modified = datetime.datetime(2026, 1, 1)
    props.last_modified_by = "quizgen contributors"
    props.revision = 1
    d.add_paragraph(ROSETTA_TITLE, style="Title")
    for style, text in ROSETTA:
        d.add_paragraph(text, style=style)
    table = d.add_table(rows=len(ROSETTA_TABLE), cols=2)
    for r, row in enumerate(ROSETTA_TABLE):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    d.save(str(path))


if __name__ == "__main__":
    write_pdf(ROOT / "seeds" / "penicillin.pdf")
    write_docx(ROOT / "seeds" / "rosetta-stone.docx")
    print("wrote seeds/penicillin.pdf and seeds/rosetta-stone.docx")

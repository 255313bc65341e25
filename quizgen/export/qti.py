"""Export a :class:`~quizgen.models.Quiz` as an IMS QTI 1.2 package (``.zip``) for Canvas.

Canvas (Settings -> Import course content -> "QTI .zip file") and other LMSs
that read QTI 1.2 import the package as one quiz. The zip holds:

``imsmanifest.xml``
    IMS Content Packaging manifest with one ``imsqti_xmlv1p2`` resource.
``<ident>/<ident>.xml``
    The assessment: one ``<item>`` per question, in quiz order, each with
    Canvas's ``question_type`` metadata.
``<ident>/assessment_meta.xml``
    Canvas's quiz settings (title, points, "show correct answers").

Question types:

* multiple choice -> ``multiple_choice_question``: ``response_lid`` with the
  choices in quiz order; the correct one scores 100;
* short answer and cloze -> ``short_answer_question`` ("fill in the blank"):
  ``response_str``; every accepted form (:func:`quizgen.export.gift.answer_forms`)
  is a ``varequal`` alternative that scores 100. A cloze keeps its blank
  (``_____``) in the question text.

Each item has general feedback with the evidence sentence (answer in
``<strong>``) and the source title. Question and choice texts are HTML
(``texttype="text/html"``) built with :func:`html.escape`, so source text
shows literally; the XML layer is escaped again by ElementTree. Characters
that XML 1.0 cannot hold (most C0 controls) are dropped.

Deterministic: identifiers are hashes of the question ids and the quiz title,
zip entries are written in a fixed order with a fixed timestamp
(1980-01-01 00:00:00) and fixed permissions, so the same quiz gives the same
bytes.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import zipfile
import xml.etree.ElementTree as ET

from quizgen.export.fileio import PathLike, write_bytes
from quizgen.models import Question, Quiz
from quizgen.export.gift import answer_forms, evidence_text

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def ident(*parts: str) -> str:
    """A stable QTI identifier: ``g`` + 32 hex digits of a SHA-256 over ``parts``."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return "g" + h[:32]


def _html_text(text: str) -> str:
    """Plain text as an HTML fragment that shows exactly that text."""
    return "<p>" + html.escape(_clean(text), quote=False).replace("\n", "<br>") + "</p>"


def _evidence_html(quiz: Quiz, q: Question) -> str:
    sentence, title = evidence_text(quiz, q)
    if not sentence:
        return ""
    src = quiz.source(q.answer.source_id)
    a, ev = q.answer, q.evidence
    marked = (
        html.escape(_clean(src.text[ev.start : a.start]), quote=False)
        + "<strong>"
        + html.escape(_clean(src.text[a.start : a.end]), quote=False)
        + "</strong>"
        + html.escape(_clean(src.text[a.end : ev.end]), quote=False)
    )
    return f"<p>Answer: {html.escape(_clean(a.text), quote=False)}</p><blockquote><p>{marked}</p></blockquote>" \
        f"<p>Source: <cite>{html.escape(_clean(title), quote=False)}</cite></p>"


def _sub(parent: ET.Element, tag: str, attrib: dict | None = None, text: str | None = None) -> ET.Element:
    e = ET.SubElement(parent, tag, attrib or {})
    if text is not None:
        e.text = _clean(text)
    return e


def _meta(parent: ET.Element, fields: list[tuple[str, str]]) -> None:
    md = _sub(parent, "qtimetadata")
    for label, entry in fields:
        f = _sub(md, "qtimetadatafield")
        _sub(f, "fieldlabel", text=label)
        _sub(f, "fieldentry", text=entry)


def _material(parent: ET.Element, html_text: str) -> None:
    m = _sub(parent, "material")
    _sub(m, "mattext", {"texttype": "text/html"}, html_text)


def _item(section: ET.Element, quiz: Quiz, q: Question, number: int) -> None:
    item_id = ident("item", q.id)
    item = _sub(section, "item", {"ident": item_id, "title": f"Question {number}"})
    mc = q.format == "multiple_choice" and bool(q.choices)
    choice_ids = [ident("choice", q.id, str(i), c.text) for i, c in enumerate(q.choices or [])] if mc else []
    meta = _sub(item, "itemmetadata")
    _meta(
        meta,
        [
            ("question_type", "multiple_choice_question" if mc else "short_answer_question"),
            ("points_possible", "1.0"),
            ("original_answer_ids", ",".join(choice_ids)),
            ("assessment_question_identifierref", ident("ref", q.id)),
        ],
    )

    pres = _sub(item, "presentation")
    _material(pres, _html_text(q.prompt))
    if mc:
        lid = _sub(pres, "response_lid", {"ident": "response1", "rcardinality": "Single"})
        rc = _sub(lid, "render_choice")
        for cid, c in zip(choice_ids, q.choices or []):
            label = _sub(rc, "response_label", {"ident": cid})
            m = _sub(label, "material")
            _sub(m, "mattext", {"texttype": "text/plain"}, c.text)
    else:
        rs = _sub(pres, "response_str", {"ident": "response1", "rcardinality": "Single"})
        fib = _sub(rs, "render_fib")
        _sub(fib, "response_label", {"ident": "answer1", "rshuffle": "No"})

    proc = _sub(item, "resprocessing")
    outcomes = _sub(proc, "outcomes")
    _sub(outcomes, "decvar", {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"})
    feedback = _evidence_html(quiz, q)
    if feedback:
        cond = _sub(proc, "respcondition", {"continue": "Yes"})
        _sub(_sub(cond, "conditionvar"), "other")
        _sub(cond, "displayfeedback", {"feedbacktype": "Response", "linkrefid": "general_fb"})
    cond = _sub(proc, "respcondition", {"continue": "No"})
    var = _sub(cond, "conditionvar")
    if mc:
        right = [cid for cid, c in zip(choice_ids, q.choices or []) if c.correct]
        for cid in right:
            _sub(var, "varequal", {"respident": "response1"}, cid)
    else:
        # Canvas reads several varequal in one conditionvar as alternatives.
        for form in answer_forms(q):
            _sub(var, "varequal", {"respident": "response1"}, form)
    _sub(cond, "setvar", {"action": "Set", "varname": "SCORE"}, "100")
    if feedback:
        fb = _sub(item, "itemfeedback", {"ident": "general_fb"})
        _material(_sub(fb, "flow_mat"), feedback)


def _xml_bytes(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def assessment_id(quiz: Quiz) -> str:
    """The package's assessment identifier: stable for the same title and questions."""
    return ident("assessment", quiz.title, *[q.id for q in quiz.questions])


def assessment_xml(quiz: Quiz) -> bytes:
    """The QTI 1.2 ``questestinterop`` document for the quiz."""
    aid = assessment_id(quiz)
    root = ET.Element(
        "questestinterop",
        {
            "xmlns": QTI_NS,
            "xmlns:xsi": XSI_NS,
            "xsi:schemaLocation": f"{QTI_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd",
        },
    )
    assessment = _sub(root, "assessment", {"ident": aid, "title": " ".join(quiz.title.split())})
    _meta(assessment, [("cc_maxattempts", "1")])
    section = _sub(assessment, "section", {"ident": "root_section"})
    for n, q in enumerate(quiz.questions, 1):
        _item(section, quiz, q, n)
    return _xml_bytes(root)


def assessment_meta_xml(quiz: Quiz) -> bytes:
    """Canvas's quiz settings file."""
    aid = assessment_id(quiz)
    root = ET.Element(
        "quiz",
        {
            "identifier": aid,
            "xmlns": CANVAS_NS,
            "xmlns:xsi": XSI_NS,
            "xsi:schemaLocation": f"{CANVAS_NS} https://canvas.instructure.com/xsd/cccv1p0.xsd",
        },
    )
    title = " ".join(quiz.title.split())
    sources = ", ".join(s.title for s in quiz.sources)
    _sub(root, "title", text=title)
    _sub(root, "description", text=_html_text(f"Questions generated by quizgen from: {sources}") if sources else "")
    for tag, value in [
        ("shuffle_answers", "false"),
        ("scoring_policy", "keep_highest"),
        ("quiz_type", "practice_quiz"),
        ("points_possible", f"{float(len(quiz.questions)):.1f}"),
        ("show_correct_answers", "true"),
        ("allowed_attempts", "-1"),
        ("one_question_at_a_time", "false"),
        ("cant_go_back", "false"),
        ("available", "false"),
    ]:
        _sub(root, tag, text=value)
    return _xml_bytes(root)


def manifest_xml(quiz: Quiz) -> bytes:
    """The IMS Content Packaging manifest."""
    aid = assessment_id(quiz)
    meta_id = ident("meta", aid)
    root = ET.Element(
        "manifest",
        {
            "identifier": ident("manifest", aid),
            "xmlns": CP_NS,
            "xmlns:xsi": XSI_NS,
            "xsi:schemaLocation": f"{CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd",
        },
    )
    md = _sub(root, "metadata")
    _sub(md, "schema", text="IMS Content")
    _sub(md, "schemaversion", text="1.1.3")
    _sub(root, "organizations")
    resources = _sub(root, "resources")
    res = _sub(resources, "resource", {"identifier": aid, "type": "imsqti_xmlv1p2"})
    _sub(res, "file", {"href": f"{aid}/{aid}.xml"})
    _sub(res, "dependency", {"identifierref": meta_id})
    meta = _sub(
        resources,
        "resource",
        {
            "identifier": meta_id,
            "type": "associatedcontent/imscc_xmlv1p1/learning-application-resource",
            "href": f"{aid}/assessment_meta.xml",
        },
    )
    _sub(meta, "file", {"href": f"{aid}/assessment_meta.xml"})
    return _xml_bytes(root)


def build_qti_bytes(quiz: Quiz) -> bytes:
    """The QTI package as zip bytes (deterministic)."""
    aid = assessment_id(quiz)
    entries = [
        ("imsmanifest.xml", manifest_xml(quiz)),
        (f"{aid}/{aid}.xml", assessment_xml(quiz)),
        (f"{aid}/assessment_meta.xml", assessment_meta_xml(quiz)),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, data)
    return buf.getvalue()


def write_qti(quiz: Quiz, path: PathLike) -> None:
    """Write the QTI 1.2 zip for ``quiz`` to ``path`` (atomically)."""
    write_bytes(path, build_qti_bytes(quiz))

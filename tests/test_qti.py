"""Canvas / IMS QTI 1.2 export (quizgen.export.qti): the zip read back with zipfile and ElementTree."""

from __future__ import annotations

import html
import io
import re
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

from quizgen.export.gift import answer_forms
from quizgen.export.qti import build_qti_bytes, write_qti
from quizgen.grounding import problems
from quizgen.models import Answer, Choice, Evidence, Question, Quiz, Source

DATA = Path(__file__).parent / "data"
NS = {
    "q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2",
    "cp": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1",
    "c": "http://canvas.instructure.com/xsd/cccv1p0",
}


def sample_quiz() -> Quiz:
    return Quiz.from_json((DATA / "sample-quiz.json").read_text(encoding="utf-8"))


def hostile_quiz() -> Quiz:
    sentence = "Ann <b>Lee</b> & co wrote </mattext>]]> in 1999\x0b."
    src = Source.from_text("Intro.\n" + sentence, id="s", title="<i>Title</i> & more")
    start = src.text.index("Ann <b>Lee</b>")
    ev = src.text.index(sentence)
    q = Question(
        id="h1", kind="who", format="multiple_choice", prompt="Who wrote </mattext>]]> & <script>x</script>?",
        answer=Answer(text="Ann <b>Lee</b>", source_id="s", start=start, end=start + len("Ann <b>Lee</b>")),
        evidence=Evidence(start=ev, end=ev + len(sentence)),
        choices=[Choice(text="Ann <b>Lee</b>", correct=True), Choice(text="Bo & <Co>", correct=False)],
        score=0.5,
    )
    assert problems(q, src) == []
    return Quiz(title="A & <B>", sources=[src], questions=[q])


def read_package(data: bytes):
    zf = zipfile.ZipFile(io.BytesIO(data))
    manifest = ET.fromstring(zf.read("imsmanifest.xml"))
    res = manifest.find("cp:resources/cp:resource[@type='imsqti_xmlv1p2']", NS)
    href = res.find("cp:file", NS).get("href")
    assessment = ET.fromstring(zf.read(href))
    return zf, manifest, assessment


def field(item, label: str) -> str:
    for f in item.iterfind("q:itemmetadata/q:qtimetadata/q:qtimetadatafield", NS):
        if f.findtext("q:fieldlabel", namespaces=NS) == label:
            return f.findtext("q:fieldentry", namespaces=NS)
    raise KeyError(label)


def html_to_text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_package_has_a_manifest_an_assessment_and_canvas_settings():
    zf, manifest, assessment = read_package(build_qti_bytes(sample_quiz()))
    names = zf.namelist()
    assert names[0] == "imsmanifest.xml" and len(names) == 3
    hrefs = sorted(f.get("href") for f in manifest.iterfind(".//cp:file", NS))
    assert hrefs == sorted(names[1:])
    assert zf.testzip() is None
    meta_name = next(n for n in names if n.endswith("assessment_meta.xml"))
    meta = ET.fromstring(zf.read(meta_name))
    assert meta.findtext("c:title", namespaces=NS) == "Cuba sample"
    assert meta.findtext("c:points_possible", namespaces=NS) == "3.0"
    a = assessment.find("q:assessment", NS)
    assert a.get("title") == "Cuba sample"
    assert a.get("ident") == meta.get("identifier")


def test_every_question_is_an_item_with_its_answers():
    quiz = sample_quiz()
    _, _, assessment = read_package(build_qti_bytes(quiz))
    items = assessment.findall(".//q:item", NS)
    assert len(items) == len(quiz.questions)
    idents = [i.get("ident") for i in items]
    assert len(set(idents)) == len(idents)
    for q, item in zip(quiz.questions, items):
        prompt = item.findtext("q:presentation/q:material/q:mattext", namespaces=NS)
        assert html_to_text(prompt) == q.prompt
        correct = item.findall("q:resprocessing/q:respcondition[@continue='No']/q:conditionvar/q:varequal", NS)
        score = item.findtext("q:resprocessing/q:respcondition[@continue='No']/q:setvar", namespaces=NS)
        assert score == "100"
        if q.format == "multiple_choice":
            assert field(item, "question_type") == "multiple_choice_question"
            labels = item.findall("q:presentation/q:response_lid/q:render_choice/q:response_label", NS)
            texts = [lab.findtext("q:material/q:mattext", namespaces=NS) for lab in labels]
            assert texts == [c.text for c in q.choices]
            assert field(item, "original_answer_ids").split(",") == [lab.get("ident") for lab in labels]
            right = [lab.get("ident") for lab, c in zip(labels, q.choices) if c.correct]
            assert [v.text for v in correct] == right
        else:
            assert field(item, "question_type") == "short_answer_question"
            assert item.find("q:presentation/q:response_str/q:render_fib", NS) is not None
            assert [v.text for v in correct] == answer_forms(q)
        fb = item.findtext("q:itemfeedback[@ident='general_fb']/q:flow_mat/q:material/q:mattext", namespaces=NS)
        src = quiz.source(q.answer.source_id)
        assert src.text[q.evidence.start : q.evidence.end] in html_to_text(fb)
        assert f"<strong>{html.escape(q.answer.text)}</strong>" in fb
        assert src.title in html_to_text(fb)


def test_cloze_keeps_its_blank_and_accepts_every_form():
    quiz = sample_quiz()
    _, _, assessment = read_package(build_qti_bytes(quiz))
    cloze = assessment.findall(".//q:item", NS)[2]
    assert "_____" in cloze.findtext("q:presentation/q:material/q:mattext", namespaces=NS)
    forms = [v.text for v in cloze.iterfind(".//q:respcondition[@continue='No']/q:conditionvar/q:varequal", NS)]
    assert forms == ["Nearly 3,500", "3,500", "3500"]


def test_markup_in_the_text_is_escaped_twice_and_reads_back_literally():
    quiz = hostile_quiz()
    data = build_qti_bytes(quiz)
    zf, _, assessment = read_package(data)
    item = assessment.find(".//q:item", NS)
    prompt = item.findtext("q:presentation/q:material/q:mattext", namespaces=NS)
    assert "<script>" not in prompt and html_to_text(prompt) == quiz.questions[0].prompt
    labels = [m.text for m in item.iterfind(".//q:response_label/q:material/q:mattext", NS)]
    assert labels == ["Ann <b>Lee</b>", "Bo & <Co>"]
    assert assessment.find("q:assessment", NS).get("title") == "A & <B>"
    fb = item.findtext(".//q:itemfeedback/q:flow_mat/q:material/q:mattext", namespaces=NS)
    assert "\x0b" not in fb  # XML 1.0 cannot hold it; dropped
    assert "Ann &lt;b&gt;Lee&lt;/b&gt;" in fb


def test_export_is_deterministic_with_fixed_zip_timestamps(tmp_path):
    first, second = build_qti_bytes(sample_quiz()), build_qti_bytes(sample_quiz())
    assert first == second
    for info in zipfile.ZipFile(io.BytesIO(first)).infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
    write_qti(sample_quiz(), tmp_path / "quiz.zip")
    assert (tmp_path / "quiz.zip").read_bytes() == first


def test_identifiers_are_stable_and_change_with_the_questions():
    quiz = sample_quiz()
    fewer = quiz.model_copy(update={"questions": quiz.questions[:2]})
    _, _, a1 = read_package(build_qti_bytes(quiz))
    _, _, a2 = read_package(build_qti_bytes(fewer))
    assert [i.get("ident") for i in a1.iterfind(".//q:item", NS)][:2] == [i.get("ident") for i in a2.iterfind(".//q:item", NS)]
    assert a1.find("q:assessment", NS).get("ident") != a2.find("q:assessment", NS).get("ident")

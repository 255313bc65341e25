"""The teacher review page (quizgen review, quizgen.export.review, templates/review/) in a real headless Chromium.

The page is loaded from a ``file://`` URL with the network switched off, reviewed by keyboard and by
mouse, and "Save decisions" downloads ``decisions.json`` into a folder this test reads. Browser
tests skip, with the reason, when Chromium, ChromeDriver or selenium is missing (as the player's);
the accessibility check also needs axe-core (the ``selenium-axe-python`` test dependency ships it).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import test_player_browser
from test_player_browser import (
    HOSTILE_SENTENCE,
    INNER_HTML,
    _question,
    assert_no_alert,
    hostile_quiz,
    press,
    requests_seen,
    sample_quiz,
    severe_console_messages,
    text_of,
)

import quizgen
from quizgen.export.html import csp_hash
from quizgen.export.review import review_dir, review_page, write_review
from quizgen.models import Quiz, Section, Source

# The player tests' browser fixtures: one headless Chromium for this module, and the network off.
driver = test_player_browser.driver
offline = test_player_browser.offline

ROOT = Path(__file__).resolve().parents[1]
REASONS = {"wrong", "unclear", "trivial", "more_than_one_answer", "other"}
ENTRY_KEYS = ["id", "decision", "prompt", "choices", "reason", "note", "source_id", "source_sha256"]


def paged_quiz() -> Quiz:
    """The sample quiz plus a second source with pages (schema 1.1 sections) and two kinds that repeat."""
    quiz = sample_quiz()
    text = ("Marie Curie was born in Warsaw in 1867.\nShe moved to Paris in 1891.\n"
            "Pierre Curie worked in Paris with her.\nThis sentence has no question at all.\n")
    page2 = text.index("She moved")
    src = Source.from_text(text, id="curie", title="Marie Curie",
                           sections=[Section(start=0, end=page2, label="p. 1"), Section(start=page2, end=len(text), label="p. 2")])
    qs = [
        _question(src, "c-where-born", "where", "short_answer", "Where was Marie Curie born?", "Warsaw",
                  evidence="Marie Curie was born in Warsaw in 1867."),
        _question(src, "c-where-moved", "where", "multiple_choice", "Where did she move in 1891?", "Paris",
                  evidence="She moved to Paris in 1891.", choices=["Warsaw", "Paris", "Vienna", "Berlin"]),
        _question(src, "c-when-cloze", "when", "cloze", "She moved to Paris in _____.", "1891",
                  evidence="She moved to Paris in 1891."),
    ]
    return quiz.model_copy(update={"sources": quiz.sources + [src], "questions": quiz.questions + qs})


# ------------------------------------------------------ the page, statically


def test_page_is_deterministic_and_the_library_function_matches_the_module():
    assert review_page(paged_quiz()) == review_page(paged_quiz())
    assert quizgen.review_page(paged_quiz()) == review_page(paged_quiz())


def test_page_embeds_the_quiz_as_escaped_json():
    quiz = hostile_quiz()
    page = review_page(quiz)
    data = re.search(r'<script type="application/json" id="rv-data">(.*?)</script>', page, re.S).group(1)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in data
    assert json.loads(data) == quiz.to_dict()
    assert "<title>Review: &lt;img src=x onerror=" in page
    assert "<img" not in page.split("<body", 1)[0]


def test_page_loads_nothing_and_has_a_strict_csp_matching_its_inline_code():
    page = review_page(paged_quiz())
    assert "http:" not in page and "https:" not in page
    markup = re.sub(r"<(script|style)([^>]*)>.*?</\1>", r"<\1\2></\1>", page, flags=re.S)
    assert not re.search(r"\s(src|href)\s*=", markup)
    assert "@import" not in page and "url(" not in page and "<link" not in page
    assert page.count("<script") == 2 and page.count("<style") == 1
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1).replace("&#x27;", "'")
    js = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    css = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    assert js == (review_dir() / "review.js").read_text(encoding="utf-8")
    assert css == (review_dir() / "review.css").read_text(encoding="utf-8")
    assert "default-src 'none'" in csp and f"script-src {csp_hash(js)}" in csp and f"style-src {csp_hash(css)}" in csp
    assert "connect-src 'none'" in csp and "require-trusted-types-for 'script'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_review_script_never_parses_html():
    js = (review_dir() / "review.js").read_text(encoding="utf-8")
    for sink in (INNER_HTML, "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in js


def _cli(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "quizgen", *args], input=stdin, capture_output=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)


def test_cli_writes_the_page_to_a_file_and_to_stdout(tmp_path):
    quiz_file = tmp_path / "quiz.json"
    quiz_file.write_text(paged_quiz().to_json(), encoding="utf-8")
    out = tmp_path / "sub" / "review.html"
    r = _cli("review", str(quiz_file), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8") == review_page(paged_quiz())
    assert r.stderr.decode().strip() == f"wrote {out}"
    r = _cli("review", "-", "-o", "-", stdin=quiz_file.read_bytes())
    assert r.returncode == 0 and r.stdout.decode("utf-8") == review_page(paged_quiz())


def test_cli_reports_a_missing_or_invalid_quiz_in_one_line_and_writes_nothing(tmp_path):
    out = tmp_path / "review.html"
    r = _cli("review", str(tmp_path / "nope.json"), "-o", str(out))
    assert r.returncode == 1 and r.stderr.decode().strip().endswith("nope.json: no such file")
    assert len(r.stderr.decode().strip().splitlines()) == 1
    bad = tmp_path / "bad.json"
    bad.write_text('{"title": 3}', encoding="utf-8")
    r = _cli("review", str(bad), "-o", str(out))
    assert r.returncode == 1 and "not a valid quiz" in r.stderr.decode()
    assert len(r.stderr.decode().strip().splitlines()) == 1
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


# ------------------------------------------------------ the page, in Chromium


@pytest.fixture
def downloads(offline, tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    offline.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    yield folder
    offline.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "default"})


def open_review(d, quiz: Quiz, tmp_path: Path, name: str = "review.html") -> str:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    path = tmp_path / name
    write_review(quiz, path)
    d.get("about:blank")
    d.get_log("performance")
    d.get_log("browser")
    url = path.as_uri()
    d.get(url)
    WebDriverWait(d, 10).until(lambda dr: dr.find_elements(By.CSS_SELECTOR, ".rv-card"))
    return url


def saved(folder: Path) -> dict:
    """The downloaded decisions file, once Chromium has finished writing it.

    Chromium may show the file before its bytes are in it (a busy machine), so
    wait until it parses, not only until it exists."""
    path = folder / "decisions.json"
    deadline = time.monotonic() + 10
    while True:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            break
        except (FileNotFoundError, json.JSONDecodeError):
            if time.monotonic() > deadline:
                raise AssertionError(f"no complete decisions.json in {list(folder.iterdir())}")
            time.sleep(0.05)
    path.unlink()
    return data


def card(d, i: int):
    from selenium.webdriver.common.by import By

    return d.find_element(By.ID, f"rv-q-{i}")


def open_editor(d, i: int):
    """Click "Edit the prompt ..." on question i; returns the card."""
    from selenium.webdriver.common.by import By

    c = card(d, i)
    c.find_element(By.CSS_SELECTOR, ".rv-editor summary").click()
    assert c.find_element(By.CSS_SELECTOR, ".rv-editor").get_attribute("open") is not None
    return c


def _keyboard(d, folder, tmp_path):
    from selenium.webdriver.common.keys import Keys

    quiz = paged_quiz()
    url = open_review(d, quiz, tmp_path)
    assert text_of(d, ".rv-counts") == "Showing 6 of 6 questions \u00b7 0 kept \u00b7 0 rejected \u00b7 6 undecided"
    press(d, "j")  # the first question
    assert d.switch_to.active_element.get_attribute("id") == "rv-q-0"
    press(d, "a")  # keep
    assert text_of(d, "#rv-q-0 .rv-status") == "kept"
    press(d, "j", "r")  # reject the second
    assert text_of(d, "#rv-q-1 .rv-status") == "rejected"
    press(d, "j", "j", "k")  # third, fourth, back to third
    assert d.switch_to.active_element.get_attribute("id") == "rv-q-2"
    press(d, "e")  # edit the prompt
    edit = d.switch_to.active_element
    assert edit.get_attribute("id") == "rv-q-2-prompt"
    edit.send_keys(Keys.END, " (about)")
    press(d, Keys.ESCAPE)
    assert d.switch_to.active_element.get_attribute("id") == "rv-q-2"
    press(d, "n")
    d.switch_to.active_element.send_keys("check the number")
    press(d, Keys.ESCAPE, "j", "j", "d")  # the multiple-choice question on page 2: its first distractor
    distractor = d.switch_to.active_element
    assert distractor.get_attribute("id") == "rv-q-4-d0"
    distractor.send_keys(Keys.CONTROL, "a")
    distractor.send_keys("Lyon")
    press(d, Keys.ESCAPE, "s")
    data = saved(folder)
    assert text_of(d, ".rv-save-status").startswith("Saved decisions.json: 4 decisions, 2 questions undecided")
    assert data["schema_version"] == "1.0" and data["quiz_title"] == quiz.title
    sha = {s.id: s.sha256 for s in quiz.sources}
    q = quiz.questions
    assert data["decisions"] == [
        {"id": q[0].id, "decision": "keep", "prompt": None, "choices": None, "reason": None, "note": None,
         "source_id": q[0].answer.source_id, "source_sha256": sha[q[0].answer.source_id]},
        {"id": q[1].id, "decision": "reject", "prompt": None, "choices": None, "reason": None, "note": None,
         "source_id": q[1].answer.source_id, "source_sha256": sha[q[1].answer.source_id]},
        {"id": q[2].id, "decision": "keep", "prompt": q[2].prompt + " (about)", "choices": None, "reason": None,
         "note": "check the number", "source_id": q[2].answer.source_id, "source_sha256": sha[q[2].answer.source_id]},
        {"id": "c-where-moved", "decision": "keep", "prompt": None, "choices": ["Lyon", "Vienna", "Berlin"],
         "reason": None, "note": None, "source_id": "curie", "source_sha256": sha["curie"]},
    ]
    for entry in data["decisions"]:
        assert list(entry) == ENTRY_KEYS
    assert requests_seen(d) == [url] and d.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert severe_console_messages(d) == []


def test_review_by_keyboard_only_then_save(downloads, offline, tmp_path):
    _keyboard(offline, downloads, tmp_path)


def test_review_by_mouse_then_save(downloads, offline, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    d = offline
    quiz = paged_quiz()
    open_review(d, quiz, tmp_path)
    card(d, 3).find_element(By.CSS_SELECTOR, ".rv-reject").click()
    Select(card(d, 3).find_element(By.CSS_SELECTOR, ".rv-reason")).select_by_value("more_than_one_answer")
    card(d, 3).find_element(By.CSS_SELECTOR, ".rv-note").send_keys("Warsaw is in the text twice?")
    Select(card(d, 5).find_element(By.CSS_SELECTOR, ".rv-reason")).select_by_value("trivial")  # a reason rejects
    assert card(d, 5).find_element(By.CSS_SELECTOR, ".rv-reject").get_attribute("aria-pressed") == "true"
    card(d, 0).find_element(By.CSS_SELECTOR, ".rv-keep").click()
    card(d, 0).find_element(By.CSS_SELECTOR, ".rv-keep").click()  # pressed again: undecided
    card(d, 1).find_element(By.CSS_SELECTOR, ".rv-keep").click()
    assert text_of(d, ".rv-counts") == "Showing 6 of 6 questions \u00b7 1 kept \u00b7 2 rejected \u00b7 3 undecided"
    open_editor(d, 5).find_element(By.CSS_SELECTOR, ".rv-edit").send_keys(" Or not.")  # edits of a rejected one: not saved
    card(d, 2).find_element(By.CSS_SELECTOR, ".rv-note").send_keys("undecided, so not saved")
    d.find_element(By.CSS_SELECTOR, ".rv-save").click()
    data = saved(downloads)
    assert text_of(d, ".rv-save-status") == ("Saved decisions.json: 3 decisions, 3 questions undecided (not saved); "
                                             "1 note on an undecided question was not saved.")
    assert [(e["id"], e["decision"], e["reason"], e["note"]) for e in data["decisions"]] == [
        (quiz.questions[1].id, "keep", None, None),
        ("c-where-born", "reject", "more_than_one_answer", "Warsaw is in the text twice?"),
        ("c-when-cloze", "reject", "trivial", None),
    ]
    assert data["decisions"][2]["prompt"] is None and data["decisions"][2]["choices"] is None
    assert all(e["reason"] in REASONS | {None} for e in data["decisions"])
    assert severe_console_messages(d) == []


def test_highlights_link_answers_and_questions_both_ways(offline, tmp_path):
    from selenium.webdriver.common.by import By

    d = offline
    quiz = paged_quiz()
    open_review(d, quiz, tmp_path)
    src = quiz.sources[1]
    spans = d.find_elements(By.CSS_SELECTOR, "#rv-src-1 a.rv-answer")
    assert [s.get_attribute("data-questions") for s in spans] == ["3", "4", "5"]
    assert [d.execute_script("return arguments[0].childNodes[1].textContent", s) for s in spans] == ["Warsaw", "Paris", "1891"]
    # The whole text is there, the sentence without a question too, with the page labels.
    body = d.execute_script(
        "const b = document.getElementById('rv-src-1').cloneNode(true);"
        "b.querySelectorAll('.rv-sr, .rv-section-label').forEach(e => e.remove()); return b.textContent;")
    assert body == src.text
    assert [e.text for e in d.find_elements(By.CSS_SELECTOR, "#rv-src-1 .rv-section-label")] == ["p. 1", "p. 2"]
    assert "This sentence has no question at all." in text_of(d, "#rv-src-1")
    assert text_of(d, "#rv-q-4 .rv-where") == "Marie Curie, p. 2"
    assert text_of(d, "#rv-q-3 .rv-where") == "Marie Curie, p. 1"
    spans[1].click()  # highlight -> question
    assert d.switch_to.active_element.get_attribute("id") == "rv-q-4"
    assert "rv-current" in card(d, 4).get_attribute("class")
    card(d, 5).find_element(By.CSS_SELECTOR, ".rv-goto").click()  # question -> highlight
    assert d.switch_to.active_element == spans[2]
    assert "rv-current-span" in spans[2].get_attribute("class")
    # The question as a student sees it: kind, format, score, choices with the answer marked.
    meta = text_of(d, "#rv-q-4 .rv-meta")
    assert "where" in meta and "multiple choice" in meta and "score 0.50" in meta
    assert [e.text for e in card(d, 4).find_elements(By.CSS_SELECTOR, ".rv-choice")] == ["Warsaw", "Paris (correct)", "Vienna", "Berlin"]
    # Distractors can be replaced by other answers of the same kind (a datalist of spans of the text).
    options = d.execute_script("return Array.from(document.getElementById('rv-dl-where').options).map(o => o.value)")
    assert options == ["Paris", "Warsaw"]
    assert card(d, 4).find_element(By.CSS_SELECTOR, ".rv-distractor").get_attribute("list") == "rv-dl-where"


def test_filters_and_counts(offline, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    d = offline
    open_review(d, paged_quiz(), tmp_path)

    def shown():
        return [c.get_attribute("id") for c in d.find_elements(By.CSS_SELECTOR, ".rv-card") if c.is_displayed()]

    Select(d.find_element(By.ID, "rv-filter-kind")).select_by_value("where")
    assert shown() == ["rv-q-3", "rv-q-4"]
    assert text_of(d, ".rv-counts").startswith("Showing 2 of 6 questions")
    Select(d.find_element(By.ID, "rv-filter-format")).select_by_value("multiple_choice")
    assert shown() == ["rv-q-4"]
    Select(d.find_element(By.ID, "rv-filter-kind")).select_by_value("")
    Select(d.find_element(By.ID, "rv-filter-format")).select_by_value("")
    Select(d.find_element(By.ID, "rv-filter-band")).select_by_value("high")  # the sample's scores are 0.9, 0.8 and 0.7
    assert shown() == ["rv-q-0", "rv-q-1", "rv-q-2"]
    Select(d.find_element(By.ID, "rv-filter-band")).select_by_value("medium")
    assert shown() == ["rv-q-3", "rv-q-4", "rv-q-5"]
    Select(d.find_element(By.ID, "rv-filter-band")).select_by_value("low")
    assert shown() == []
    Select(d.find_element(By.ID, "rv-filter-band")).select_by_value("")
    card(d, 0).find_element(By.CSS_SELECTOR, ".rv-keep").click()
    Select(d.find_element(By.ID, "rv-filter-decided")).select_by_value("undecided")
    assert shown() == [f"rv-q-{i}" for i in range(1, 6)]
    Select(d.find_element(By.ID, "rv-filter-decided")).select_by_value("decided")
    assert shown() == ["rv-q-0"]
    # j/k move among the questions shown only.
    Select(d.find_element(By.ID, "rv-filter-decided")).select_by_value("undecided")
    d.find_element(By.CSS_SELECTOR, ".rv-title").click()
    press(d, "j")
    assert d.switch_to.active_element.get_attribute("id") == "rv-q-1"


def test_shortcuts_are_documented_on_the_page(offline, tmp_path):
    from selenium.webdriver.common.by import By

    d = offline
    open_review(d, paged_quiz(), tmp_path)
    d.find_element(By.CSS_SELECTOR, ".rv-help summary").click()
    keys = [k.text for k in d.find_elements(By.CSS_SELECTOR, ".rv-keys kbd")]
    for k in ("j", "k", "a", "r", "e", "s"):
        assert k in keys


def test_warnings_for_edits_that_break_the_rules_do_not_block_saving(downloads, offline, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = offline
    open_review(d, paged_quiz(), tmp_path)
    cloze = open_editor(d, 5).find_element(By.CSS_SELECTOR, ".rv-edit")
    cloze.send_keys(Keys.CONTROL, "a")
    cloze.send_keys("She moved to _____ in _____.")
    assert "exactly one blank" in text_of(d, "#rv-q-5 .rv-warn")
    cloze.send_keys(Keys.CONTROL, "a")
    cloze.send_keys("She moved to Paris in 1891.")
    warn = text_of(d, "#rv-q-5 .rv-warn")
    assert "contains the answer" in warn and "exactly one blank" in warn
    typed = open_editor(d, 4).find_element(By.CSS_SELECTOR, ".rv-distractor")
    typed.send_keys(Keys.CONTROL, "a")
    typed.send_keys("Paris, France")
    assert "is or contains the answer" in text_of(d, "#rv-q-4 .rv-warn")
    d.find_element(By.CSS_SELECTOR, ".rv-save").click()
    data = saved(downloads)
    assert [(e["id"], e["prompt"], e["choices"]) for e in data["decisions"]] == [
        ("c-where-moved", None, ["Paris, France", "Vienna", "Berlin"]),
        ("c-when-cloze", "She moved to Paris in 1891.", None),
    ]
    assert "2 with warnings" in text_of(d, ".rv-save-status")


def test_hostile_source_text_is_shown_literally_and_runs_nothing(downloads, offline, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = offline
    quiz = hostile_quiz()
    open_review(d, quiz, tmp_path)
    assert_no_alert(d)
    assert text_of(d, ".rv-title") == "Review: " + quiz.title
    assert d.title == "Review: " + quiz.title
    assert text_of(d, "#rv-q-0 .rv-prompt") == quiz.questions[0].prompt
    assert text_of(d, ".rv-source-title") == quiz.sources[0].title
    assert HOSTILE_SENTENCE.replace("Ada Lovelace", "[Ada Lovelace] (Answer of questions 1, 3)").replace(
        "1843", "[1843] (Answer of question 2)") in d.execute_script(
        "return document.getElementById('rv-src-0').textContent")
    assert [e.text for e in card(d, 1).find_elements(By.CSS_SELECTOR, ".rv-choice")][0] == "<img src=y onerror=alert(5)>"
    edit = open_editor(d, 0).find_element(By.CSS_SELECTOR, ".rv-edit")
    edit.send_keys(Keys.CONTROL, "a")
    edit.send_keys("<img src=q onerror=alert(9)> who?")
    card(d, 0).find_element(By.CSS_SELECTOR, ".rv-note").send_keys("</script><script>alert(10)</script>")
    d.find_element(By.CSS_SELECTOR, ".rv-save").click()
    data = saved(downloads)
    assert data["quiz_title"] == quiz.title
    assert data["decisions"][0]["prompt"] == "<img src=q onerror=alert(9)> who?"
    assert data["decisions"][0]["note"] == "</script><script>alert(10)</script>"
    assert_no_alert(d)
    state = d.execute_script(
        "return {pwned: window.__pwned === undefined ? null : window.__pwned, imgs: document.images.length,"
        " scripts: document.scripts.length, bolds: document.querySelectorAll('#rv-app b').length};")
    assert state == {"pwned": None, "imgs": 0, "scripts": 2, "bolds": 0}
    assert severe_console_messages(d) == []


# ------------------------------------------------------------ accessibility


def axe_source() -> str:
    try:
        import selenium_axe_python
    except ImportError:
        pytest.skip("axe-core is not installed (pip install -e '.[test]' brings selenium-axe-python)")
    return (Path(selenium_axe_python.__file__).parent / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(d) -> list[str]:
    d.execute_script(axe_source())
    d.set_script_timeout(60)
    found = d.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
        ".catch(e => done(['axe failed: ' + e]));")
    return found


def test_the_review_page_has_no_wcag_2_1_aa_violation(offline, tmp_path):
    from selenium.webdriver.common.by import By

    d = offline
    open_review(d, paged_quiz(), tmp_path)
    assert axe_violations(d) == []
    # With decisions, a warning and the shortcuts open.
    card(d, 0).find_element(By.CSS_SELECTOR, ".rv-keep").click()
    card(d, 1).find_element(By.CSS_SELECTOR, ".rv-reject").click()
    open_editor(d, 4)
    open_editor(d, 3).find_element(By.CSS_SELECTOR, ".rv-edit").send_keys(" Warsaw")
    d.find_element(By.CSS_SELECTOR, ".rv-help summary").click()
    assert axe_violations(d) == []


def test_the_player_has_no_wcag_2_1_aa_violation(offline, tmp_path):
    from test_player_browser import open_quiz

    d = offline
    open_quiz(d, sample_quiz(), tmp_path)
    assert axe_violations(d) == []


def test_the_accessibility_check_does_find_a_violation(offline, tmp_path):
    d = offline
    open_review(d, paged_quiz(), tmp_path)
    d.execute_script("const i = document.createElement('input'); i.type = 'text'; document.querySelector('.rv-head').append(i);")
    assert any(v.startswith("label:") for v in axe_violations(d))


# ------------------------------------------------------------- screenshot

SEEDS_SCENE = """
const C = i => document.getElementById('rv-q-' + i);
const pick = (sel, value, event) => { sel.value = value; sel.dispatchEvent(new Event(event)); };
pick(document.getElementById('rv-filter-source'), 'penicillin', 'change');
C(35).querySelector('.rv-keep').click();
C(36).querySelector('.rv-keep').click();
C(37).querySelector('.rv-reject').click();
pick(C(37).querySelector('.rv-reason'), 'trivial', 'change');
pick(C(37).querySelector('.rv-note'), 'Too easy: the school is in Oxford, and the card says little else', 'input');
pick(C(42).querySelector('.rv-edit'), 'Alexander Fleming, who discovered penicillin in 1928, died in _____ on 11 March 1955.', 'input');
C(38).querySelector('.rv-editor').open = true;
pick(C(38).querySelector('.rv-distractor'), '11 March 1955', 'input');
C(38).click();
const qs = document.querySelector('.rv-questions');
qs.scrollTop += C(37).getBoundingClientRect().top - qs.getBoundingClientRect().top - 4;
const sp = document.querySelector('.rv-sources');
sp.scrollTop += document.querySelector('a.rv-answer[data-questions~="42"]').getBoundingClientRect().top
  - sp.getBoundingClientRect().top - 200;
"""


def test_screenshot_of_the_seed_deck_under_review(offline, tmp_path):
    """decks/seeds.json mid-review; QUIZGEN_SCREENSHOTS=1 also writes docs/review-page.png (256 colours)."""
    import base64
    import os

    d = offline
    quiz = Quiz.from_json((ROOT / "decks" / "seeds.json").read_text(encoding="utf-8"))
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
    try:
        open_review(d, quiz, tmp_path)
        d.execute_script(SEEDS_SCENE)
        n = len(quiz.questions)
        assert text_of(d, ".rv-counts") == f"Showing 9 of {n} questions \u00b7 4 kept \u00b7 1 rejected \u00b7 {n - 5} undecided"
        assert d.execute_script("return [document.documentElement.scrollHeight, innerHeight]") == [1000, 1000]
        shot = d.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
    finally:
        d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    path = tmp_path / "review-page.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    assert path.stat().st_size > 50_000
    if os.environ.get("QUIZGEN_SCREENSHOTS") == "1":
        from PIL import Image

        (ROOT / "docs").mkdir(exist_ok=True)
        Image.open(path).convert("RGB").quantize(colors=256).save(ROOT / "docs" / "review-page.png", optimize=True)
        assert (ROOT / "docs" / "review-page.png").stat().st_size < 300_000


def test_a_span_of_several_questions_goes_to_each_in_turn_and_g_goes_back(offline, tmp_path):
    from selenium.webdriver.common.by import By

    d = offline
    open_review(d, hostile_quiz(), tmp_path)
    span = d.find_element(By.CSS_SELECTOR, 'a.rv-answer[data-questions="0 2"]')
    span.click()
    assert d.switch_to.active_element.get_attribute("id") == "rv-q-0"
    span.click()
    assert d.switch_to.active_element.get_attribute("id") == "rv-q-2"
    press(d, "g")
    assert d.switch_to.active_element == span
    press(d, "k")
    assert d.switch_to.active_element.get_attribute("id") == "rv-q-1"


def test_a_quiz_without_questions_says_so(offline, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    d = offline
    empty = sample_quiz().model_copy(update={"questions": []})
    path = tmp_path / "empty.html"
    write_review(empty, path)
    d.get(path.as_uri())
    WebDriverWait(d, 10).until(lambda dr: dr.find_elements(By.CSS_SELECTOR, ".rv-counts"))
    assert text_of(d, ".rv-questions") == "Questions\nThis quiz has no questions."
    assert text_of(d, ".rv-counts") == "Showing 0 of 0 questions \u00b7 0 kept \u00b7 0 rejected \u00b7 0 undecided"
    assert d.find_element(By.CSS_SELECTOR, "#rv-src-0").text.startswith(empty.sources[0].text[:20])
    assert severe_console_messages(d) == []

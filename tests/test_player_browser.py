"""The HTML quiz player (quizgen.export.html, templates/player/) in a real headless Chromium.

The standalone page is loaded from a ``file://`` URL with the network switched
off, and played as a person would: with the keyboard only, and with the mouse.
Browser tests skip, with the reason, when Debian's chromium or chromium-driver (or selenium) is
not installed; .ci/run installs them.

Screenshots (desktop mid-quiz, and a 375px phone) go to pytest's tmp folder;
set ``QUIZGEN_SCREENSHOTS=1`` to also write the desktop one to ``docs/player.png``.
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import os
import re
import shutil
import threading
from pathlib import Path

import pytest

from quizgen.export.html import csp_hash, player_dir, render_html, write_html
from quizgen.grounding import problems
from quizgen.models import Answer, Choice, Evidence, Question, Quiz, Source

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--lang=en-US",
]
INNER_HTML = "inner" + "HTML"  # spelled apart so this file does not contain it


# ----------------------------------------------------------------- fixtures


def sample_quiz() -> Quiz:
    return Quiz.from_json((DATA / "sample-quiz.json").read_text(encoding="utf-8"))


def _question(source: Source, qid: str, kind: str, fmt: str, prompt: str, answer: str, *, evidence: str,
              choices: list[str] | None = None, accepted: list[str] | None = None, value=None) -> Question:
    ev_start = source.text.index(evidence)
    start = source.text.index(answer, ev_start)
    q = Question(
        id=qid,
        kind=kind,
        format=fmt,
        prompt=prompt,
        answer=Answer(text=answer, source_id=source.id, start=start, end=start + len(answer),
                      value=value, accepted=accepted or []),
        evidence=Evidence(start=ev_start, end=ev_start + len(evidence)),
        choices=[Choice(text=c, correct=c == answer) for c in choices] if choices else None,
        tags=["quizgen", f"kind::{kind}"],
        score=0.5,
    )
    assert problems(q, source) == [], problems(q, source)
    return q


HOSTILE_SENTENCE = (
    'Ada Lovelace wrote <img src=x onerror="window.__pwned=1;alert(1)"> and '
    "</script><script>window.__pwned=2;alert(2)</script> and {{c1::x}} in 1843."
)


def hostile_quiz() -> Quiz:
    """Source text, titles, prompts and choices full of markup, script and Anki syntax."""
    text = "\U0001F642 Notes \u2028 & more.\n" + HOSTILE_SENTENCE + "\nThe end."
    src = Source.from_text(text, id="hostile", title='<script>window.__pwned=3;alert(3)</script> & {{Title}}')
    qs = [
        _question(src, "h-who", "who", "short_answer",
                  'Who wrote <img src=x onerror="window.__pwned=4;alert(4)"> and </script> and {{c1::x}}?',
                  "Ada Lovelace", evidence=HOSTILE_SENTENCE),
        _question(src, "h-when", "when", "multiple_choice",
                  "When was </script><b>this</b> written?", "1843", evidence=HOSTILE_SENTENCE,
                  choices=["<img src=y onerror=alert(5)>", "1843", "{{c2::1850}}", "</script>1900"]),
        _question(src, "h-cloze", "who", "cloze",
                  '_____ wrote <img src=x onerror="window.__pwned=6;alert(6)"> in 1843.',
                  "Ada Lovelace", evidence=HOSTILE_SENTENCE),
    ]
    return Quiz(title='<img src=x onerror="window.__pwned=7;alert(7)"> quiz', sources=[src], questions=qs)


def browser_missing(chromium: Path = CHROMIUM, chromedriver: Path = CHROMEDRIVER) -> "str | None":
    """Why the browser tests cannot run here, or None: each of the three parts they need."""
    if not chromium.exists():
        return f"{chromium} is not installed (apt-get install chromium chromium-driver)"
    if not chromedriver.exists():
        return f"{chromedriver} is not installed (apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


def test_browser_tests_skip_with_a_reason_when_a_part_is_missing(tmp_path):
    (tmp_path / "chromium").write_text("")
    assert "chromium-driver" in browser_missing(tmp_path / "chromium", tmp_path / "none")
    assert "apt-get install chromium" in browser_missing(tmp_path / "none", tmp_path / "chromium")


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    why = browser_missing()
    if why:
        pytest.skip(why)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    opts.add_argument("--window-size=1000,900")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    # Leave any alert() open so that a test can see it, instead of dismissing it silently.
    opts.set_capability("unhandledPromptBehavior", "ignore")
    drv = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    drv.execute_cdp_cmd("Network.enable", {})
    yield drv
    drv.quit()


@pytest.fixture
def offline(driver):
    """The browser with every network request failing, as on a plane."""
    driver.set_window_size(1000, 900)
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    yield driver
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )


def open_quiz(driver, quiz: Quiz, tmp_path: Path, name: str = "quiz.html") -> str:
    """Write the standalone page and load it from a file:// URL; returns the URL."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    path = tmp_path / name
    write_html(quiz, path)
    driver.get("about:blank")
    driver.get_log("performance")  # drop what came before this page
    driver.get_log("browser")
    url = path.as_uri()
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "quiz-player .qp-card"))
    return url


def requests_seen(driver) -> list[str]:
    """Every URL the browser asked for since the last call (Chrome DevTools Network log)."""
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def severe_console_messages(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def text_of(driver, css: str) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, css).text


def press(driver, *keys) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(*keys).perform()


def active(driver):
    return driver.switch_to.active_element


def prompt_text(driver) -> str:
    """The question's legend as sighted users read it (without the screen-reader-only "(blank)")."""
    return driver.execute_script(
        "const l = document.querySelector('.qp-prompt').cloneNode(true);"
        "l.querySelectorAll('.qp-sr').forEach(e => e.remove()); return l.textContent;"
    )


def assert_no_alert(driver) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return
    message = alert.text
    alert.dismiss()
    pytest.fail(f"a dialog opened: {message!r}")


def correct_index(q: Question) -> int:
    return [c.correct for c in q.choices].index(True)


# ------------------------------------------------------ the page, statically


def test_page_is_deterministic():
    assert render_html(sample_quiz()) == render_html(sample_quiz())


def test_page_embeds_the_quiz_as_escaped_json():
    quiz = hostile_quiz()
    page = render_html(quiz)
    m = re.search(r'<script type="application/json">(.*?)</script>', page, re.S)
    data = m.group(1)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in data
    assert "\\u003c/script\\u003e" in data
    assert json.loads(data) == quiz.to_dict()


def test_page_loads_nothing_from_anywhere():
    page = render_html(sample_quiz())
    assert "http:" not in page and "https:" not in page and "//cdn" not in page
    markup = re.sub(r"<(script|style)([^>]*)>.*?</\1>", r"<\1\2></\1>", page, flags=re.S)
    assert not re.search(r"\s(src|href)\s*=", markup)
    assert "@import" not in page and "url(" not in page
    assert page.count("<script") == 2 and page.count("<style") == 1
    assert "<link" not in page


def test_page_has_a_strict_content_security_policy_matching_its_inline_code():
    page = render_html(sample_quiz())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1).replace("&#x27;", "'")
    js = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    css = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    assert "default-src 'none'" in csp
    assert f"script-src {csp_hash(js)}" in csp
    assert f"style-src {csp_hash(css)}" in csp
    assert "connect-src 'none'" in csp and "require-trusted-types-for 'script'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_standalone_page_inlines_the_same_player_files():
    page = render_html(sample_quiz())
    assert (player_dir() / "quiz-player.js").read_text(encoding="utf-8") in page
    assert (player_dir() / "player.css").read_text(encoding="utf-8") in page


def test_the_title_is_escaped_in_the_page_head():
    page = render_html(hostile_quiz())
    assert "<title>&lt;img src=x onerror=" in page
    assert "<img" not in page.split("<body", 1)[0]


def test_no_inner_html_anywhere_in_the_package_or_templates():
    offenders = []
    for folder in (ROOT / "quizgen", ROOT / "templates"):
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in {".py", ".js", ".css", ".html", ".toml", ".json", ".txt", ".md"}:
                if INNER_HTML.lower() in path.read_text(encoding="utf-8", errors="replace").lower():
                    offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_write_html_writes_the_rendered_page(tmp_path):
    out = tmp_path / "sub" / "quiz.html"
    write_html(sample_quiz(), out)
    assert out.read_text(encoding="utf-8") == render_html(sample_quiz())


# ------------------------------------------------------ the page, in Chromium


def test_answer_every_question_correctly_by_keyboard_only(offline, tmp_path):
    from selenium.webdriver.common.keys import Keys

    d = offline
    quiz = sample_quiz()
    open_quiz(d, quiz, tmp_path)
    assert text_of(d, ".qp-counter") == "Question 1 of 3"

    press(d, Keys.TAB)  # from the top of the page to the first answer field
    assert active(d).get_attribute("class") == "qp-input"
    press(d, "553", Keys.ENTER)
    assert text_of(d, ".qp-verdict-text").startswith("Correct!")
    assert active(d).text == "Next question"
    press(d, Keys.ENTER)

    assert text_of(d, ".qp-counter") == "Question 2 of 3"
    assert active(d).get_attribute("type") == "radio"
    press(d, Keys.SPACE)
    for _ in range(correct_index(quiz.questions[1])):
        press(d, Keys.ARROW_DOWN)
    press(d, Keys.ENTER)
    assert text_of(d, ".qp-verdict-text").startswith("Correct!")
    press(d, Keys.ENTER)

    assert text_of(d, ".qp-counter") == "Question 3 of 3"
    assert active(d).get_attribute("class") == "qp-input"
    press(d, "3500", Keys.ENTER)
    assert text_of(d, ".qp-verdict-text").startswith("Correct!")
    assert active(d).text == "See your score"
    press(d, Keys.ENTER)

    assert text_of(d, ".qp-result") == "You got 3 of 3 questions right."
    assert text_of(d, ".qp-score") == "Score: 3 of 3 correct"
    assert severe_console_messages(d) == []


def test_answer_every_question_correctly_by_clicking(offline, tmp_path):
    from selenium.webdriver.common.by import By

    d = offline
    quiz = sample_quiz()
    open_quiz(d, quiz, tmp_path)

    d.find_element(By.CSS_SELECTOR, ".qp-input").click()
    d.find_element(By.CSS_SELECTOR, ".qp-input").send_keys("553")
    d.find_element(By.CSS_SELECTOR, ".qp-actions .qp-primary").click()
    assert text_of(d, ".qp-verdict-text").startswith("Correct!")
    d.find_element(By.CSS_SELECTOR, ".qp-next").click()

    labels = d.find_elements(By.CSS_SELECTOR, ".qp-choice")
    assert [label.text for label in labels] == [c.text for c in quiz.questions[1].choices]
    labels[correct_index(quiz.questions[1])].click()
    d.find_element(By.CSS_SELECTOR, ".qp-actions .qp-primary").click()
    assert text_of(d, ".qp-verdict-text").startswith("Correct!")
    assert "Your answer: correct" in labels[correct_index(quiz.questions[1])].text
    d.find_element(By.CSS_SELECTOR, ".qp-next").click()

    d.find_element(By.CSS_SELECTOR, ".qp-input").send_keys("nearly 3,500")
    d.find_element(By.CSS_SELECTOR, ".qp-actions .qp-primary").click()
    assert text_of(d, ".qp-verdict-text").startswith("Correct!")
    assert text_of(d, ".qp-blank mark") == "Nearly 3,500"
    d.find_element(By.CSS_SELECTOR, ".qp-next").click()

    assert text_of(d, ".qp-result") == "You got 3 of 3 questions right."
    assert severe_console_messages(d) == []


def test_wrong_answer_says_so_in_words_and_shows_the_evidence(offline, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = offline
    quiz = sample_quiz()
    open_quiz(d, quiz, tmp_path)
    live = d.find_element(By.CSS_SELECTOR, ".qp-feedback")
    assert live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status"

    d.find_element(By.CSS_SELECTOR, ".qp-input").send_keys("200", Keys.ENTER)
    verdict = text_of(d, ".qp-verdict-text")
    assert verdict.startswith("Not quite.")
    assert "\u201c200\u201d" in verdict and "\u201c553\u201d" in verdict
    assert text_of(d, ".qp-evidence mark") == "553"
    src = quiz.sources[0]
    q = quiz.questions[0]
    assert text_of(d, ".qp-evidence-text") == src.text[q.evidence.start : q.evidence.end]
    assert text_of(d, ".qp-source") == f"Source: {src.title}"
    assert text_of(d, ".qp-score") == "Score: 0 of 1 correct"
    assert "qp-is-wrong" in d.find_element(By.CSS_SELECTOR, ".qp-card").get_attribute("class")

    d.find_element(By.CSS_SELECTOR, ".qp-next").click()
    wrong = next(i for i, c in enumerate(quiz.questions[1].choices) if not c.correct)
    labels = d.find_elements(By.CSS_SELECTOR, ".qp-choice")
    labels[wrong].click()
    d.find_element(By.CSS_SELECTOR, ".qp-actions .qp-primary").click()
    assert text_of(d, ".qp-verdict-text").startswith("Not quite.")
    assert labels[wrong].text.endswith("Your answer: wrong")
    assert labels[correct_index(quiz.questions[1])].text.endswith("Correct answer")
    assert text_of(d, ".qp-evidence mark") == "Mike Pompeo"
    assert text_of(d, ".qp-score") == "Score: 0 of 2 correct"


def test_the_evidence_says_on_which_page_the_answer_is(offline, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from quizgen.models import Section

    d = offline
    quiz = sample_quiz()
    src = quiz.sources[0]
    q = quiz.questions[0]
    paged = src.model_copy(update={"sections": [Section(start=0, end=q.answer.start, label="p. 1"),
                                                Section(start=q.answer.start, end=len(src.text), label="p. 2")]})
    open_quiz(d, quiz.model_copy(update={"sources": [paged]}), tmp_path)
    d.find_element(By.CSS_SELECTOR, ".qp-input").send_keys("200", Keys.ENTER)
    assert text_of(d, ".qp-source") == f"Source: {src.title}, p. 2"


def test_an_empty_answer_is_not_graded(offline, tmp_path):
    from selenium.webdriver.common.by import By

    d = offline
    open_quiz(d, sample_quiz(), tmp_path)
    d.find_element(By.CSS_SELECTOR, ".qp-actions .qp-primary").click()
    assert text_of(d, ".qp-hint") == "Type an answer first."
    assert text_of(d, ".qp-score") == "Score: 0 of 0 correct"
    assert d.find_elements(By.CSS_SELECTOR, ".qp-verdict") == []


def test_a_cloze_can_be_revealed_and_does_not_score(offline, tmp_path):
    from selenium.webdriver.common.by import By

    d = offline
    quiz = sample_quiz().filter(formats={"cloze"})
    open_quiz(d, quiz, tmp_path)
    assert prompt_text(d) == quiz.questions[0].prompt
    d.find_element(By.CSS_SELECTOR, ".qp-secondary").click()
    assert text_of(d, ".qp-verdict-text").startswith("Revealed.")
    assert text_of(d, ".qp-blank mark") == "Nearly 3,500"
    assert text_of(d, ".qp-score") == "Score: 0 of 1 correct"
    assert active(d).text == "See your score"


@pytest.mark.parametrize(
    "typed, right",
    [
        ("553", True),
        (" 553. ", True),
        ("535", False),
        ("553 prisoners", False),
    ],
)
def test_typed_short_answer(offline, tmp_path, typed, right):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = offline
    open_quiz(d, sample_quiz(), tmp_path)
    d.find_element(By.CSS_SELECTOR, ".qp-input").send_keys(typed, Keys.ENTER)
    assert text_of(d, ".qp-verdict-text").startswith("Correct!" if right else "Not quite.")


def test_typed_answers_ignore_case_punctuation_articles_and_number_format(offline, tmp_path):
    d = offline
    open_quiz(d, sample_quiz(), tmp_path)
    check = "return customElements.get('quiz-player').checkTyped(arguments[0], arguments[1]);"

    def ok(q: Question, typed: str):
        return d.execute_script(check, q.model_dump(mode="json"), typed)

    pompeo = sample_quiz().questions[1]
    nearly = sample_quiz().questions[2]
    the_vatican = pompeo.model_copy(update={"answer": pompeo.answer.model_copy(update={"text": "the Vatican"})})
    no_value = nearly.model_copy(update={"answer": nearly.answer.model_copy(update={"value": None, "accepted": []})})
    for typed in ["Mike Pompeo", "mike pompeo", "  MIKE POMPEO!", "\u201cMike Pompeo\u201d", "the Mike Pompeo"]:
        assert ok(pompeo, typed) is True, typed
    for typed in ["Pompeo", "Mike", "Mike Pompeos", ""]:
        assert ok(pompeo, typed) in (False, None), typed
    for typed in ["Vatican", "the vatican", "The Vatican."]:
        assert ok(the_vatican, typed) is True, typed
    for typed in ["3500", "3,500", "3 500", "Nearly 3,500", "nearly 3500", "3500."]:
        assert ok(nearly, typed) is True, typed
        assert ok(no_value, typed) is True, typed  # the number is read from the answer text
    for typed in ["3400", "35000", "350", "about 3,600"]:
        assert ok(nearly, typed) is False, typed
    million = nearly.model_copy(update={"answer": nearly.answer.model_copy(
        update={"text": "An estimated 650 million", "value": 650_000_000, "accepted": []})})
    for typed in ["650 million", "650,000,000", "650000000", "an estimated 650 million", "0.65 billion"]:
        assert ok(million, typed) is True, typed
    for typed in ["650", "65 million", "650 thousand", "million"]:
        assert ok(million, typed) is False, typed


def test_hostile_source_text_is_shown_literally_and_runs_nothing(offline, tmp_path):
    from selenium.webdriver.common.by import By

    d = offline
    quiz = hostile_quiz()
    open_quiz(d, quiz, tmp_path)
    assert_no_alert(d)
    assert text_of(d, ".qp-title") == quiz.title
    assert text_of(d, ".qp-prompt") == quiz.questions[0].prompt

    d.find_element(By.CSS_SELECTOR, ".qp-input").send_keys("</script><img src=z onerror=alert(8)>\n")
    assert_no_alert(d)
    assert "\u201c</script><img src=z onerror=alert(8)>\u201d" in text_of(d, ".qp-verdict-text")
    assert text_of(d, ".qp-evidence-text") == HOSTILE_SENTENCE
    assert text_of(d, ".qp-evidence mark") == "Ada Lovelace"  # code-point offsets after an emoji
    assert text_of(d, ".qp-source cite") == quiz.sources[0].title
    d.find_element(By.CSS_SELECTOR, ".qp-next").click()

    labels = d.find_elements(By.CSS_SELECTOR, ".qp-choice-text")
    assert [label.text for label in labels] == [c.text for c in quiz.questions[1].choices]
    assert text_of(d, ".qp-prompt") == quiz.questions[1].prompt
    labels[0].click()
    d.find_element(By.CSS_SELECTOR, ".qp-actions .qp-primary").click()
    assert_no_alert(d)
    d.find_element(By.CSS_SELECTOR, ".qp-next").click()

    assert prompt_text(d) == quiz.questions[2].prompt
    d.find_element(By.CSS_SELECTOR, ".qp-input").send_keys("ada lovelace\n")
    assert text_of(d, ".qp-verdict-text").startswith("Correct!")
    assert_no_alert(d)

    state = d.execute_script(
        "return {pwned: window.__pwned === undefined ? null : window.__pwned,"
        " imgs: document.images.length, scripts: document.scripts.length,"
        " bolds: document.querySelectorAll('quiz-player b').length,"
        " player: document.querySelectorAll('quiz-player').length};"
    )
    assert state == {"pwned": None, "imgs": 0, "scripts": 2, "bolds": 0, "player": 1}
    assert d.title == quiz.title
    assert severe_console_messages(d) == []


def test_the_page_requests_no_url(offline, tmp_path):
    from selenium.webdriver.common.keys import Keys

    d = offline
    url = open_quiz(d, sample_quiz(), tmp_path)
    press(d, Keys.TAB, "553", Keys.ENTER, Keys.ENTER)
    press(d, Keys.SPACE, Keys.ENTER, Keys.ENTER)
    press(d, "no idea", Keys.ENTER, Keys.ENTER)
    assert "questions right" in text_of(d, ".qp-result")
    assert d.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert requests_seen(d) == [url]  # the page itself, and nothing else
    assert severe_console_messages(d) == []


def test_works_on_a_phone_width_screen(offline, tmp_path):
    from selenium.webdriver.common.by import By

    d = offline
    d.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 375, "height": 812, "deviceScaleFactor": 2, "mobile": True}
    )
    try:
        _play_on_a_phone(d, tmp_path)
    finally:
        d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _play_on_a_phone(d, tmp_path):
    from selenium.webdriver.common.by import By

    open_quiz(d, sample_quiz(), tmp_path)
    assert d.execute_script("return window.innerWidth") == 375
    d.find_element(By.CSS_SELECTOR, ".qp-input").send_keys("553\n")
    d.find_element(By.CSS_SELECTOR, ".qp-next").click()
    d.find_elements(By.CSS_SELECTOR, ".qp-choice")[0].click()
    width = d.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways: {width}"
    for el in d.find_elements(By.CSS_SELECTOR, ".qp-choice, .qp-button"):
        assert el.size["height"] >= 44, el.text
    d.find_element(By.CSS_SELECTOR, ".qp-actions .qp-primary").click()
    _save_screenshot(d, tmp_path, "player-phone.png")


def test_screenshot_in_the_middle_of_a_quiz(offline, tmp_path):
    from selenium.webdriver.common.by import By

    d = offline
    d.set_window_size(900, 1000)
    quiz = sample_quiz()
    open_quiz(d, quiz, tmp_path)
    d.find_element(By.CSS_SELECTOR, ".qp-input").send_keys("553\n")
    d.find_element(By.CSS_SELECTOR, ".qp-next").click()
    wrong = next(i for i, c in enumerate(quiz.questions[1].choices) if not c.correct)
    d.find_elements(By.CSS_SELECTOR, ".qp-choice")[wrong].click()
    d.find_element(By.CSS_SELECTOR, ".qp-actions .qp-primary").click()
    assert text_of(d, ".qp-counter") == "Question 2 of 3"
    path = _save_screenshot(d, tmp_path, "player.png", docs=True)
    assert path.stat().st_size > 10_000


def _save_screenshot(driver, tmp_path: Path, name: str, docs: bool = False) -> Path:
    from selenium.webdriver.common.by import By

    # The whole page, not only what is in view: clip to the document's size.
    width, height = driver.execute_script(
        "return [document.documentElement.clientWidth, document.documentElement.scrollHeight]"
    )
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {"format": "png", "captureBeyondViewport": True,
         "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}},
    )
    path = tmp_path / name
    path.write_bytes(base64.b64decode(shot["data"]))
    if docs and os.environ.get("QUIZGEN_SCREENSHOTS") == "1":
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copyfile(path, ROOT / "docs" / name)
    return path


# ------------------------------------------------- embedding in another page


EMBED_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Course page</title>
<link rel="stylesheet" href="player.css">
<script src="quiz-player.js" defer></script>
</head><body>
<h1>Lesson 3</h1>
<quiz-player src="quiz.json"></quiz-player>
<quiz-player><script type="application/json">%s</script></quiz-player>
</body></html>
"""


@pytest.fixture
def course_site(tmp_path):
    """A tiny local web site (127.0.0.1 only) with the player files and a quiz."""
    from quizgen.export.html import embed_json

    site = tmp_path / "site"
    site.mkdir()
    shutil.copyfile(player_dir() / "quiz-player.js", site / "quiz-player.js")
    shutil.copyfile(player_dir() / "player.css", site / "player.css")
    (site / "quiz.json").write_text(sample_quiz().to_json(), encoding="utf-8")
    (site / "empty.html").write_text("<!DOCTYPE html><title>Empty</title><body></body>", encoding="utf-8")
    (site / "index.html").write_text(EMBED_PAGE % embed_json(sample_quiz()), encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_the_custom_element_plays_a_quiz_from_src_and_from_an_inline_child(driver, course_site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    d = driver
    d.set_window_size(1000, 900)
    d.get(course_site)
    WebDriverWait(d, 10).until(lambda dr: len(dr.find_elements(By.CSS_SELECTOR, "quiz-player .qp-card")) == 2)
    players = d.find_elements(By.CSS_SELECTOR, "quiz-player")
    for p in players:
        assert p.find_element(By.CSS_SELECTOR, ".qp-counter").text == "Question 1 of 3"
        assert p.find_element(By.CSS_SELECTOR, ".qp-title").tag_name == "h2"
    ids = d.execute_script("return Array.from(document.querySelectorAll('[id]')).map(e => e.id)")
    assert len(ids) == len(set(ids))
    players[0].find_element(By.CSS_SELECTOR, ".qp-input").send_keys("553\n")
    assert players[0].find_element(By.CSS_SELECTOR, ".qp-score").text == "Score: 1 of 1 correct"
    assert players[1].find_element(By.CSS_SELECTOR, ".qp-score").text == "Score: 0 of 0 correct"
    assert [m for m in severe_console_messages(d) if "/favicon.ico" not in m] == []


def test_the_custom_element_reports_a_quiz_it_cannot_load(driver, course_site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    d = driver
    d.get(course_site.replace("index.html", "empty.html"))
    d.execute_script(
        "const s = document.createElement('script'); s.src = 'quiz-player.js'; document.head.append(s);"
        "s.onload = () => { const p = document.createElement('quiz-player');"
        " p.setAttribute('src', 'missing.json'); document.body.append(p); };"
    )
    WebDriverWait(d, 10).until(lambda dr: dr.find_elements(By.CSS_SELECTOR, "quiz-player .qp-error"))
    err = d.find_element(By.CSS_SELECTOR, "quiz-player .qp-error")
    assert err.get_attribute("role") == "alert"
    assert err.text.startswith("Could not load the quiz: HTTP 404")

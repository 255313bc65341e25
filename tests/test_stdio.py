"""``-`` on the command line: standard input as the one source, standard output as any one output.

Most runs go through the real entry point (``quizgen.cli.main``) in this process, with standard
input replaced and standard output captured as bytes; a few pipe through ``python -m quizgen``.
The errors (``-`` twice, a binary output to a terminal, bad input on the pipe) are in
tests/test_bad_input.py.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from quizgen import cli
from quizgen.export import anki
from quizgen.models import Quiz

ROOT = Path(__file__).resolve().parent.parent
APOLLO = ROOT / "seeds" / "apollo-11.txt"
GOOD = "Fidel Castro released 200 prisoners in Havana in 1998.\nPope Francis visited Cuba in September 2015.\n"


def run(capsysbinary, monkeypatch, stdin: bytes, *args) -> tuple[int, bytes, str]:
    """``quizgen ARGS`` with ``stdin`` on standard input; (exit code, stdout bytes, stderr)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    with pytest.raises(SystemExit) as exc:
        cli.main([str(a) for a in args])
    out, err = capsysbinary.readouterr()
    return exc.value.code or 0, out, err.decode("utf-8")


def test_dash_reads_one_text_from_standard_input(tmp_path, capsysbinary, monkeypatch):
    data = APOLLO.read_bytes()
    rc, out, err = run(capsysbinary, monkeypatch, data, "generate", "-", "--json", tmp_path / "q.json", "-q", "--jobs", "1")
    assert rc == 0, err
    assert out == b""
    quiz = Quiz.from_json((tmp_path / "q.json").read_text(encoding="utf-8"))
    (source,) = quiz.sources
    assert (source.id, source.title) == ("stdin", "Apollo 11 lands on the Moon")
    assert quiz.questions and all(q.answer.source_id == "stdin" for q in quiz.questions)


def test_piped_text_named_with_id_is_the_same_quiz_as_the_file(tmp_path, capsysbinary, monkeypatch):
    """The bytes of a pipe go through the same reader as a file's: with --id set to the file's id, the
    JSON is the same, byte for byte."""
    rc, _, err = run(capsysbinary, monkeypatch, b"", "generate", APOLLO, "--json", tmp_path / "file.json", "-q", "--jobs", "1")
    assert rc == 0, err
    rc, _, err = run(capsysbinary, monkeypatch, APOLLO.read_bytes(), "generate", "-", "--id", "apollo-11",
                     "--json", tmp_path / "pipe.json", "-q", "--jobs", "1")
    assert rc == 0, err
    assert (tmp_path / "pipe.json").read_bytes() == (tmp_path / "file.json").read_bytes()


def test_title_names_the_piped_source_and_the_quiz(tmp_path, capsysbinary, monkeypatch):
    rc, _, err = run(capsysbinary, monkeypatch, GOOD.encode(), "generate", "-", "--id", "cuba notes", "--title",
                     "Cuba, 1998-2015", "--json", tmp_path / "q.json", "--anki", tmp_path / "q.apkg", "--jobs", "1")
    assert rc == 0, err
    quiz = Quiz.from_json((tmp_path / "q.json").read_text(encoding="utf-8"))
    assert (quiz.title, quiz.sources[0].id, quiz.sources[0].title) == ("Cuba, 1998-2015", "cuba notes", "Cuba, 1998-2015")
    assert "source::cuba_notes" in quiz.questions[0].tags
    assert "cuba notes" in err  # the summary row


def test_piped_latin1_text_is_read_with_encoding(tmp_path, capsysbinary, monkeypatch):
    data = "José Martí was born in Havana in 1853.".encode("latin-1")
    rc, out, err = run(capsysbinary, monkeypatch, data, "generate", "-", "--encoding", "latin-1", "--json", "-",
                       "-q", "--jobs", "1")
    assert rc == 0, err
    assert json.loads(out)["sources"][0]["text"] == "José Martí was born in Havana in 1853."


@pytest.mark.parametrize("option, name", [("--json", "q.json"), ("--html", "q.html"), ("--gift", "q.gift"),
                                          ("--csv", "q.csv"), ("--qti", "q.zip"), ("--jsonl", "q.jsonl")])
def test_dash_as_an_output_writes_the_same_bytes_to_standard_output(tmp_path, capsysbinary, monkeypatch, option, name):
    rc, out, err = run(capsysbinary, monkeypatch, b"", "generate", APOLLO, option, tmp_path / name, "--jobs", "1")
    assert rc == 0, err
    rc, out, err = run(capsysbinary, monkeypatch, b"", "generate", APOLLO, option, "-", "--jobs", "1")
    assert rc == 0, err
    assert out == (tmp_path / name).read_bytes()
    assert err.rstrip().endswith("to standard output")  # the summary says where it went
    assert list(tmp_path.iterdir()) == [tmp_path / name]  # and nothing else was written


def test_an_anki_deck_to_standard_output_is_the_same_deck(tmp_path, capsysbinary, monkeypatch):
    rc, _, err = run(capsysbinary, monkeypatch, b"", "generate", APOLLO, "--anki", tmp_path / "file.apkg", "-q", "--jobs", "1")
    assert rc == 0, err
    rc, out, err = run(capsysbinary, monkeypatch, b"", "generate", APOLLO, "--anki", "-", "--json",
                       tmp_path / "q.json", "-q", "--jobs", "1")
    assert rc == 0, err
    (tmp_path / "pipe.apkg").write_bytes(out)
    assert zipfile.is_zipfile(tmp_path / "pipe.apkg")
    assert anki._contents(tmp_path / "pipe.apkg") == anki._contents(tmp_path / "file.apkg") is not None
    assert (tmp_path / "q.json").is_file()  # a file output next to the one on standard output


def test_json_lines_from_standard_input_to_standard_output(capsysbinary, monkeypatch):
    lines = b"".join(json.dumps({"id": f"s{i}", "text": GOOD}).encode() + b"\n" for i in range(3))
    rc, out, err = run(capsysbinary, monkeypatch, lines, "generate", "--jsonl-in", "-", "--jsonl", "-", "-q", "--jobs", "1")
    assert rc == 0, err
    quizzes = [json.loads(line) for line in out.decode().splitlines()]
    assert [q["sources"][0]["id"] for q in quizzes] == ["s0", "s1", "s2"]
    assert all(q["questions"] for q in quizzes)


def test_a_pipe_through_the_command(tmp_path):
    """``cat article.txt | quizgen generate - --json -`` and ``... --anki - > deck.apkg`` in real processes."""
    data = APOLLO.read_bytes()
    p = subprocess.run([sys.executable, "-m", "quizgen", "generate", "-", "--json", "-", "--jobs", "1"],
                       input=data, capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    quiz = Quiz.from_json(p.stdout)
    assert quiz.sources[0].id == "stdin" and quiz.questions
    p = subprocess.run([sys.executable, "-m", "quizgen", "generate", "-", "--anki", "-", "-q", "--jobs", "1"],
                       input=data, capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    assert p.stderr == b""
    (tmp_path / "d.apkg").write_bytes(p.stdout)
    assert "collection.anki2" in zipfile.ZipFile(tmp_path / "d.apkg").namelist()


def test_show_html_and_explain_take_dash_too(tmp_path, capsysbinary, monkeypatch):
    """``quizgen generate - --json - | quizgen show -``, ``quizgen html - -o -``, ``quizgen explain - -o -``."""
    rc, quiz_json, err = run(capsysbinary, monkeypatch, GOOD.encode(), "generate", "-", "--json", "-", "-q", "--jobs", "1")
    assert rc == 0, err
    rc, out, err = run(capsysbinary, monkeypatch, quiz_json, "show", "-")
    assert rc == 0, err
    assert "-> Fidel Castro" in out.decode()
    rc, out, err = run(capsysbinary, monkeypatch, quiz_json, "html", "-", "-o", "-")
    assert rc == 0, err
    assert out.startswith(b"<!DOCTYPE html>") and err == "wrote the HTML quiz player to standard output\n"
    rc, out, err = run(capsysbinary, monkeypatch, GOOD.encode(), "explain", "-", "-o", "-")
    assert rc == 0, err
    rows = [json.loads(line) for line in out.decode().splitlines()]
    assert rows and {r["source_id"] for r in rows} == {"stdin"}
    rc, out, err = run(capsysbinary, monkeypatch, b"not a quiz", "show", "-")
    assert rc == 1 and err.startswith("quizgen: <stdin>: not a valid quiz (") and out == b""


def test_json_lines_stream_through_a_pipe_before_it_ends():
    """``--jsonl-in - --jsonl -`` answers a batch of sources (32 here) while the writer still holds the pipe open."""
    import select

    p = subprocess.Popen([sys.executable, "-m", "quizgen", "generate", "--jsonl-in", "-", "--jsonl", "-", "-q", "--jobs", "1"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for i in range(40):
            p.stdin.write(json.dumps({"id": f"s{i}", "text": GOOD}).encode() + b"\n")
        p.stdin.flush()
        ready, _, _ = select.select([p.stdout], [], [], 60)
        assert ready, "no quiz before the end of the input"
        assert json.loads(p.stdout.readline())["sources"][0]["id"] == "s0"
        p.stdin.close()
        rest = p.stdout.read().decode().splitlines()
        assert p.wait(timeout=60) == 0, p.stderr.read()
    finally:
        p.kill()
    assert [json.loads(line)["sources"][0]["id"] for line in rest] == [f"s{i}" for i in range(1, 40)]


def test_validate_reads_a_quiz_from_standard_input(capsysbinary, monkeypatch):
    rc, quiz_json, err = run(capsysbinary, monkeypatch, GOOD.encode(), "generate", "-", "--json", "-", "-q", "--jobs", "1")
    assert rc == 0, err
    rc, out, err = run(capsysbinary, monkeypatch, quiz_json, "validate", "-")
    assert (rc, out, err) == (0, b"<stdin>: ok\n", "")
    broken = quiz_json.replace(b'"schema_version"', b'"schema_versio"')
    rc, out, err = run(capsysbinary, monkeypatch, broken, "validate", "-")
    assert rc == 1 and err.startswith("<stdin>:")

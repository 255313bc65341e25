"""The command line, through typer's test runner: outputs, errors and exit codes."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app

ROOT = Path(__file__).resolve().parent.parent
TEXT = ROOT / "tests" / "texts" / "chess-final.txt"
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_generate_writes_json_and_anki(tmp_path):
    r = run("generate", TEXT, "--json", tmp_path / "q.json", "--anki", tmp_path / "q.apkg")
    assert r.exit_code == 0, r.output
    data = json.loads((tmp_path / "q.json").read_text())
    assert data["sources"][0]["id"] == "chess-final"
    assert data["questions"]
    assert (tmp_path / "q.apkg").stat().st_size > 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.apkg", "q.json"]  # no temporary files left


def test_generate_without_outputs_prints_json(tmp_path):
    r = run("generate", TEXT, "--quiet")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["questions"]


def test_generate_summary_counts_questions_per_kind(tmp_path):
    r = run("generate", TEXT, "--json", tmp_path / "q.json")
    assert "chess-final" in r.output and "how_many" in r.output


def test_generate_is_byte_identical_across_runs(tmp_path):
    run("generate", TEXT, "--json", tmp_path / "a.json")
    run("generate", TEXT, "--json", tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_generate_reads_a_directory(tmp_path):
    r = run("generate", ROOT / "tests" / "texts", "--json", tmp_path / "q.json", "--title", "Texts")
    assert r.exit_code == 0, r.output
    data = json.loads((tmp_path / "q.json").read_text())
    assert data["title"] == "Texts"
    assert len(data["sources"]) == len(list((ROOT / "tests" / "texts").glob("*.txt")))


def test_generate_formats_option_limits_forms(tmp_path):
    r = run("generate", TEXT, "--formats", "cloze", "--json", tmp_path / "q.json")
    assert r.exit_code == 0
    assert {q["format"] for q in json.loads((tmp_path / "q.json").read_text())["questions"]} == {"cloze"}


def test_generate_max_per_source_and_min_score(tmp_path):
    r = run("generate", TEXT, "--max-per-source", "2", "--min-score", "0.5", "--json", tmp_path / "q.json")
    qs = json.loads((tmp_path / "q.json").read_text())["questions"]
    assert r.exit_code == 0 and 1 <= len(qs) <= 2 and all(q["score"] >= 0.5 for q in qs)


def test_unknown_format_is_a_usage_error():
    r = run("generate", TEXT, "--formats", "essay")
    assert r.exit_code == 2


def test_missing_input_is_one_line_and_exit_1(tmp_path):
    r = run("generate", tmp_path / "nope.txt", "--json", tmp_path / "q.json")
    assert r.exit_code == 1
    assert r.stderr.strip().count("\n") == 0 and "nope.txt" in r.stderr
    assert "Traceback" not in r.output
    assert not (tmp_path / "q.json").exists()


def test_failed_run_keeps_the_existing_output(tmp_path):
    out = tmp_path / "q.json"
    out.write_text("precious")
    r = run("generate", tmp_path / "nope.txt", "--json", out)
    assert r.exit_code == 1 and out.read_text() == "precious"


def test_output_path_that_is_a_directory_is_an_error(tmp_path):
    r = run("generate", TEXT, "--json", tmp_path)
    assert r.exit_code != 0 and "directory" in r.stderr


def test_output_in_a_missing_directory_is_created(tmp_path):
    r = run("generate", TEXT, "--json", tmp_path / "new" / "dir" / "q.json")
    assert r.exit_code == 0 and (tmp_path / "new" / "dir" / "q.json").exists()


def test_schema_prints_the_json_schema():
    r = run("schema")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["title"] == "Quiz"


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.startswith("quizgen ")


def test_python_dash_m_works(tmp_path):
    import subprocess
    import sys

    p = subprocess.run([sys.executable, "-m", "quizgen", "schema"], capture_output=True, text=True, cwd=tmp_path)
    assert p.returncode == 0 and json.loads(p.stdout)


def test_ctrl_c_while_typer_reads_the_command_line_is_one_line_and_exit_130(monkeypatch, capsys):
    """typer turns a Ctrl-C during its own parsing into a silent exit code 130; quizgen says why."""
    import typer.core

    from quizgen.cli import main

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(typer.core.TyperGroup, "make_context", interrupted)
    with pytest.raises(SystemExit) as e:
        main(["generate", "x.txt"])
    assert e.value.code == 130
    assert capsys.readouterr().err == "quizgen: interrupted\n"


def test_ctrl_c_before_the_cli_is_imported_is_one_line_and_exit_130():
    """A Ctrl-C in the command's first imports (before quizgen.cli can answer it) prints no traceback."""
    import subprocess
    import sys

    code = ("import sys, quizgen.run.early, quizgen.__main__\n"
            "def interrupted(argv):\n    raise KeyboardInterrupt\n"
            "quizgen.run.early.start = interrupted\n"
            "sys.argv = ['quizgen', 'generate', 'x.txt']\n"
            "quizgen.__main__.run()\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (p.returncode, p.stderr) == (130, "quizgen: interrupted\n")


def test_the_command_script_loads_no_cli_when_a_worker_imports_it():
    """The console script imports quizgen.__main__, and every --jobs worker imports the script again."""
    import subprocess
    import sys

    pyproject = (Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.scripts]\nquizgen = "quizgen.__main__:run"\n' in pyproject
    code = "import sys, quizgen.__main__; print(sorted(m for m in ('typer', 'click', 'rich', 'pydantic') if m in sys.modules))"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.stdout.strip() == "[]", p.stdout + p.stderr


def test_help_does_not_import_spacy():
    import subprocess
    import sys

    code = "import sys; from quizgen.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\nprint('spacy' in sys.modules)"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.stdout.strip().endswith("False"), p.stdout + p.stderr


# The command's entry point, quizgen.cli.run: main(), then os._exit without Python's teardown.
RUN = ("import atexit, sys, threading, time\n"
       "from quizgen.cli import run\n"
       "atexit.register(print, 'atexit handler ran')\n"
       "{before}\n"
       "sys.argv = ['quizgen', *{args!r}]\n"
       "run()\n"
       "print('not reached')\n")


def _run_entry(args, before="", tmp_path=None):
    import subprocess
    import sys

    code = RUN.format(args=[str(a) for a in args], before=before)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)


def test_entry_point_writes_flushes_and_runs_atexit_handlers(tmp_path):
    p = _run_entry(["generate", TEXT, "-q"], tmp_path=tmp_path)
    assert p.returncode == 0, p.stderr
    out, _, rest = p.stdout.rpartition("}")
    assert json.loads(out + "}")["questions"]  # the whole JSON quiz, flushed before the exit
    assert rest.strip() == "atexit handler ran" and "not reached" not in p.stdout


@pytest.mark.parametrize("args", [["generate", "no-such-file.txt"], ["no-such-command"], ["generate", TEXT, "--formats", "essay"]])
def test_entry_point_keeps_the_exit_code_of_main(tmp_path, args):
    import subprocess
    import sys

    p = _run_entry(args, tmp_path=tmp_path)
    code = f"import sys\nfrom quizgen.cli import main\nsys.argv = ['quizgen', *{[str(a) for a in args]!r}]\nmain()"
    q = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert p.returncode == q.returncode != 0
    assert p.stderr == q.stderr and "Traceback" not in p.stderr


def test_entry_point_waits_for_a_running_thread(tmp_path):
    before = ("def late():\n    time.sleep(0.5)\n    print('thread finished', flush=True)\n"
              "threading.Thread(target=late).start()")
    p = _run_entry(["--version"], before=before, tmp_path=tmp_path)
    assert p.returncode == 0 and "thread finished" in p.stdout, p.stdout + p.stderr


def test_entry_point_under_a_profiler_exits_normally(tmp_path):
    import pstats
    import subprocess
    import sys

    prof = tmp_path / "run.prof"
    p = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "quizgen", "--version"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert p.returncode == 0 and p.stdout.startswith("quizgen "), p.stderr
    assert pstats.Stats(str(prof)).total_calls > 0  # written after the program returned


# -- help a person can read, and every command says what it wrote ----------------------------


def test_top_level_help_gives_every_command_a_whole_line():
    r = run("--help")
    assert r.exit_code == 0
    for name in ("generate", "explain", "schema", "html", "review", "show", "validate", "cache"):
        line = next(ln for ln in r.stdout.splitlines() if ln.strip().startswith(name + " "))
        assert not line.rstrip().endswith("..."), line  # not cut off mid-sentence


def test_generate_help_shows_real_metavars_formats_kinds_and_examples():
    r = run("generate", "--help")
    assert r.exit_code == 0
    out = r.stdout
    assert "FILE_OR_DIR" in out and "--min-score SCORE" in out and "--anki DECK.apkg" in out
    assert "<list[Path]>" not in out and "<path>" not in out and "range>" not in out
    assert "multiple_choice" in out and "cloze" in out and "how_many" in out
    assert "Examples:" in out and "quizgen generate article.txt --anki article.apkg" in out


def test_kinds_keeps_only_those_kinds_like_quiz_filter(tmp_path):
    import quizgen

    r = run("generate", TEXT, "--kinds", "who,when", "--json", tmp_path / "q.json", "-q", "--no-cache")
    assert r.exit_code == 0, r.output
    got = quizgen.Quiz.from_json((tmp_path / "q.json").read_text(encoding="utf-8"))
    assert got.questions and {q.kind for q in got.questions} <= {"who", "when"}
    run("generate", TEXT, "--json", tmp_path / "all.json", "-q", "--no-cache")
    everything = quizgen.Quiz.from_json((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert got.questions == everything.filter(kinds={"who", "when"}).questions
    bad = run("generate", TEXT, "--kinds", "why", "-q")
    assert bad.exit_code == 2 and "unknown kind why" in bad.output


def test_html_says_what_it_wrote(tmp_path):
    run("generate", TEXT, "--json", tmp_path / "q.json", "-q")
    r = run("html", tmp_path / "q.json", "-o", tmp_path / "q.html")
    assert r.exit_code == 0
    assert f"wrote {tmp_path / 'q.html'}" in r.output and (tmp_path / "q.html").is_file()


def test_show_prints_each_question_with_its_answer(tmp_path):
    import quizgen

    run("generate", TEXT, "--json", tmp_path / "q.json", "-q")
    quiz = quizgen.Quiz.from_json((tmp_path / "q.json").read_text(encoding="utf-8"))
    r = run("show", tmp_path / "q.json")
    assert r.exit_code == 0
    lines = [ln for ln in r.stdout.splitlines() if not ln.startswith("    choices: ")]
    assert lines == [f"{' '.join(q.prompt.split())}  -> {q.answer.text}" for q in quiz.questions]
    n_mc = sum(q.format == "multiple_choice" for q in quiz.questions)
    assert r.stdout.count("    choices: ") == n_mc

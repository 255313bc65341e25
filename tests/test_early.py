"""The worker server started as the command starts (quizgen.run.early): only for a run that will need
workers, never for a re-run the cache answers, and stopped when the command ends."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from quizgen.run import early
from quizgen.run import parallel

TEXTS = Path(__file__).parent / "texts"
ROOT = Path(__file__).parent.parent
# Chunks of 1,500 characters (as in test_determinism), so that a dozen short texts need workers.
CHUNK = 1500
RUN = f"import sys\nfrom quizgen import __main__\nfrom quizgen.run import parallel\nparallel.CHUNK_CHARS = {CHUNK}\n"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """More than one chunk of text: 12 short articles, the first with CRLF line ends and a BOM."""
    d = tmp_path / "corpus"
    d.mkdir()
    texts = sorted(TEXTS.glob("*.txt"))
    for i in range(12):
        src = texts[i % len(texts)].read_text(encoding="utf-8") + f"\nThis copy was numbered {i + 1} in 2024.\n"
        data = ("\ufeff" + src.replace("\n", "\r\n")).encode("utf-8") if i == 0 else src.encode("utf-8")
        (d / f"t{i:02d}.txt").write_bytes(data)
    assert sum(p.stat().st_size for p in d.iterdir()) > CHUNK
    return d


@pytest.fixture()
def two_cores(monkeypatch, tmp_path):
    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel, "CHUNK_CHARS", CHUNK)
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "cache"))


def test_wants_workers_for_a_generate_with_jobs_and_more_than_a_chunk(corpus, tmp_path, two_cores, monkeypatch):
    small = TEXTS / "bakery.txt"
    w = early.wants_workers
    assert w(["generate", str(corpus)])  # --jobs 0: one per core, two here
    assert w(["generate", "--json", str(tmp_path / "q.json"), str(corpus), "-q", "--no-cache", "--jobs", "2"])
    assert w(["generate", str(corpus), "-j2", "--encoding=utf-8"])
    assert w(["generate", "--title", "T", "--", str(corpus)])
    assert not w(["generate", str(small)])  # one chunk: the run stays in one process
    assert not w(["generate", "--json", str(corpus), str(small)])  # an option's value is not an input
    assert not w(["generate", str(corpus), "--jobs", "1"])
    assert not w(["generate", str(corpus), "--jobs=1"])
    assert not w(["generate", str(corpus), "-j", "x"])  # the CLI reports it
    assert not w(["generate", str(corpus), "--help"])
    assert not w(["generate", str(tmp_path / "missing")])
    assert not w(["generate", "--jsonl-in", str(corpus / "t01.txt")])  # only files and folders are probed
    assert not w(["schema"]) and not w([]) and not w(["--version"])
    monkeypatch.setattr(parallel, "cpu_count", lambda: 1)
    assert not w(["generate", str(corpus)])


def test_the_flags_are_the_clis():
    """early.FLAGS must list every option of `quizgen generate` that takes no value."""
    import typer.main

    from quizgen.cli import app

    generate = typer.main.get_command(app).commands["generate"]
    flags = {o for p in generate.params if getattr(p, "is_flag", False) for o in (*p.opts, *p.secondary_opts)}
    assert flags - {"--help"} == set(early.FLAGS)


def _quizgen(*args, cache: Path, prelude: str = "") -> subprocess.CompletedProcess:
    script = RUN + textwrap.dedent(prelude) + "sys.argv = ['quizgen', *sys.argv[1:]]\n__main__.run()\n"
    return subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "QUIZGEN_CACHE_DIR": str(cache)}, cwd=ROOT, timeout=300)


def test_a_re_run_on_a_filled_cache_starts_no_server(corpus, tmp_path, two_cores):
    """The probe reads the first file as the run does (BOM, CRLF), so it finds the run's own parse."""
    first = corpus / "t00.txt"
    assert not early.first_parse_cached(first)
    assert early.wants_workers(["generate", str(corpus)])
    p = _quizgen("generate", corpus, "--json", tmp_path / "q.json", "--jobs", "2", "-q", cache=tmp_path / "cache")
    assert p.returncode == 0, p.stderr
    assert early.first_parse_cached(first)
    assert not early.wants_workers(["generate", str(corpus)])
    assert early.wants_workers(["generate", str(corpus), "--no-cache"])


def test_a_run_through_the_entry_point_with_workers_writes_what_one_process_writes(corpus, tmp_path):
    one = _quizgen("generate", corpus, "--json", tmp_path / "1.json", "--jobs", "1", "-q", cache=tmp_path / "c1")
    two = _quizgen("generate", corpus, "--json", tmp_path / "2.json", "--jobs", "2", "-q", cache=tmp_path / "c2")
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    assert (tmp_path / "1.json").read_bytes() == (tmp_path / "2.json").read_bytes()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the worker server is a Linux forkserver")
def test_a_server_started_for_nothing_is_stopped_when_the_command_ends(corpus, tmp_path):
    """A wrong guess (here: forced on a re-run the cache answers) must not leave the server running."""
    cache = tmp_path / "cache"
    assert _quizgen("generate", corpus, "--json", tmp_path / "a.json", "--jobs", "2", "-q", cache=cache).returncode == 0
    prelude = """
        import atexit, os, threading, time
        from quizgen.run import early

        early.first_parse_cached = lambda *args, **kwargs: False  # the wrong guess
        pids = []
        start_server = parallel.start_server
        parallel.start_server = lambda: pids.append(start_server()) or pids[-1]

        def report():  # runs after early's own handler (atexit is last in, first out)
            for _ in range(200):
                done, status = os.waitpid(pids[0], os.WNOHANG)
                if done:
                    print("ended by signal", os.WTERMSIG(status) if os.WIFSIGNALED(status) else None)
                    return
                time.sleep(0.05)
            print("still running")

        atexit.register(report)
        # a thread still running makes quizgen.cli.run leave the exit to Python, so atexit handlers run
        threading.Thread(target=time.sleep, args=(600,), daemon=True).start()
    """
    p = _quizgen("generate", corpus, "--json", tmp_path / "b.json", "--jobs", "2", "-q", cache=cache, prelude=prelude)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "ended by signal 15"
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()

"""The command's entry point (quizgen.entry): the worker server starts before the CLI is parsed,
only for a run that looks big enough, and is stopped when the command ends."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from quizgen import entry, parallel

TEXTS = Path(__file__).parent / "texts"
ROOT = Path(__file__).parent.parent


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """More than one chunk of text (quizgen.parallel.CHUNK_CHARS): 32 short articles."""
    d = tmp_path / "corpus"
    d.mkdir()
    texts = sorted(TEXTS.glob("*.txt"))
    for i in range(32):
        src = texts[i % len(texts)].read_text(encoding="utf-8")
        (d / f"t{i:02d}.txt").write_text(src + f"\nThis copy was numbered {i + 1} in 2024.\n", encoding="utf-8")
    assert sum(p.stat().st_size for p in d.iterdir()) > parallel.CHUNK_CHARS
    return d


def test_wants_workers_only_for_a_generate_with_jobs_and_enough_input(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    small = TEXTS / "bakery.txt"
    big = tmp_path / "big.jsonl"
    big.write_text("x" * (parallel.CHUNK_CHARS + 1), encoding="utf-8")
    w = entry.wants_workers
    assert w(["generate", str(corpus)])  # --jobs 0: one per core, two here
    assert w(["generate", "--json", str(tmp_path / "q.json"), str(corpus), "-q", "--no-cache", "--jobs", "2"])
    assert w(["generate", "--jsonl-in", str(big), "--jsonl", "out.jsonl"])
    assert w(["generate", "--jsonl-in=" + str(big), "-j2"])
    assert w(["generate", "--title", "T", "--", str(corpus)])
    assert not w(["generate", str(small)])  # one chunk: the run stays in one process
    assert not w(["generate", "--json", str(corpus), str(small)])  # an option's value is not an input
    assert not w(["generate", str(corpus), "--jobs", "1"])
    assert not w(["generate", str(corpus), "--jobs=1"])
    assert not w(["generate", str(corpus), "-j", "x"])  # the CLI reports it
    assert not w(["generate", str(corpus), "--help"])
    assert not w(["generate", str(tmp_path / "missing")])
    assert not w(["schema"]) and not w([]) and not w(["--version"])
    monkeypatch.setattr(parallel, "cpu_count", lambda: 1)
    assert not w(["generate", str(corpus)])


def test_the_flags_are_the_clis():
    """entry.FLAGS must list every option of `quizgen generate` that takes no value."""
    import typer.main

    from quizgen.cli import app

    generate = typer.main.get_command(app).commands["generate"]
    flags = {o for p in generate.params if getattr(p, "is_flag", False) for o in (*p.opts, *p.secondary_opts)}
    assert flags == set(entry.FLAGS)


def _quizgen(*args, cache: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QUIZGEN_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-m", "quizgen", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=ROOT)


def test_a_run_through_the_entry_point_with_workers_writes_what_one_process_writes(corpus, tmp_path):
    one = _quizgen("generate", corpus, "--json", tmp_path / "1.json", "--jobs", "1", "-q", cache=tmp_path / "c1")
    two = _quizgen("generate", corpus, "--json", tmp_path / "2.json", "--jobs", "2", "-q", cache=tmp_path / "c2")
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    assert (tmp_path / "1.json").read_bytes() == (tmp_path / "2.json").read_bytes()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the worker server is a Linux forkserver")
def test_a_server_started_for_nothing_is_stopped_when_the_command_ends(corpus, tmp_path):
    """A re-run whose questions all come from the cache starts no worker; the early server must not outlive it."""
    cache = tmp_path / "cache"
    assert _quizgen("generate", corpus, "--json", tmp_path / "a.json", "--jobs", "2", "-q", cache=cache).returncode == 0
    script = textwrap.dedent(f"""
        import atexit, os, sys, threading, time
        from quizgen import entry, parallel

        pids = []
        start = parallel.start_server
        parallel.start_server = lambda: pids.append(start()) or pids[-1]

        def report():  # runs after entry's own handler (atexit is last in, first out)
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
        sys.argv = ["quizgen", "generate", {str(corpus)!r}, "--json", {str(tmp_path / "b.json")!r}, "--jobs", "2", "-q"]
        entry.run()
    """)
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "QUIZGEN_CACHE_DIR": str(cache)})
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "ended by signal 15"
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()

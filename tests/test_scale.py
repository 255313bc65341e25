"""Speed and scale: the parse cache, worker processes, streaming JSON Lines, start-up.

None of these tests is timed; benchmarks/bench.py measures. They pin down what makes
the speed safe: a cached parse gives the same questions as a fresh one, a damaged cache
entry is parsed again, ``--jobs 2`` writes the same bytes as ``--jobs 1``, and streaming
reads its input only as fast as it writes.
"""

import json
import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import quizgen
from quizgen.run import cache as qcache
from quizgen import pipeline
from quizgen.nlp import model as nlp
from quizgen.run import parallel
from quizgen.questions import build
from quizgen.run.cache import ParseCache
from quizgen.cli import app
from quizgen.models import Quiz, Source
from quizgen.read.sources import read_source

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "tests" / "texts").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
runner = CliRunner()
_REAL_LOAD_MODEL = nlp.load_model


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def sources() -> list[Source]:
    return [read_source(p)[0] for p in TEXTS]


def _token_view(doc):
    return [(t.text, t.whitespace_, t.pos_, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_, t.ent_iob,
             t.is_sent_start, t.is_space, t.is_punct, t.like_num, t.lower_) for t in doc]


class _Refuse:
    """Stands in for nlp.load_model: any parse fails the test."""

    def __call__(self):
        raise AssertionError("the model was asked to parse")

    def cache_info(self):
        return _REAL_LOAD_MODEL.cache_info()._replace(currsize=0)


def _no_parsing(monkeypatch):
    monkeypatch.setattr(nlp, "load_model", _Refuse())


# -- the parse cache ------------------------------------------------------------------------


def test_a_cached_doc_has_every_attribute_the_pipeline_reads(tmp_path, sources):
    c = ParseCache(tmp_path)
    for src, doc in zip(sources, nlp.parse_many([s.text for s in sources])):
        c.put(src.text, doc)
        back = c.get(src.text)
        assert _token_view(back) == _token_view(doc)
        assert [(e.start, e.end, e.label_) for e in back.ents] == [(e.start, e.end, e.label_) for e in doc.ents]
        assert [(s.start, s.end) for s in back.sents] == [(s.start, s.end) for s in doc.sents]


def test_doc_to_bytes_writes_what_spacy_writes(sources):
    import numpy
    import spacy
    import srsly
    from spacy.tokens import Doc

    texts = [s.text for s in sources] + ["", "  ", "Hello.", "A  b\n\nc"]
    for text, doc in zip(texts, nlp.parse_many(texts)):
        ours, theirs = (srsly.msgpack_loads(b) for b in (qcache.doc_to_bytes(doc), doc.to_bytes(exclude=list(qcache.DOC_EXCLUDE))))
        assert sorted(ours) == sorted(theirs)
        for field in theirs:
            a, b = ours[field], theirs[field]
            if field == "strings":
                assert sorted(a) == sorted(b)  # spaCy's list comes from a set
            else:
                assert numpy.array_equal(a, b) if isinstance(b, numpy.ndarray) else a == b, field
        # a vocabulary that has never seen the model's strings gets them all from the entry
        back = Doc(spacy.blank("en").vocab).from_bytes(qcache.doc_to_bytes(doc))
        assert _token_view(back) == _token_view(doc)
        assert [str(t.morph) for t in back] == [str(t.morph) for t in doc]


def test_questions_from_a_cached_doc_equal_questions_from_a_fresh_parse(tmp_path, sources):
    c = ParseCache(tmp_path)
    fresh = [build.questions_for_doc(s, d) for s, d in zip(sources, nlp.parse_many([s.text for s in sources]))]
    list(c.parse_many([s.text for s in sources]))  # fill the cache
    cached = [build.questions_for_doc(s, d) for s, d in zip(sources, c.parse_many([s.text for s in sources]))]
    assert c.hits == len(sources)
    assert cached == fresh and sum(map(len, fresh)) > 0


def test_a_rerun_reads_the_cache_and_does_not_parse(tmp_path, sources, monkeypatch):
    first = quizgen.generate_sources(sources, cache=tmp_path)
    _no_parsing(monkeypatch)
    assert quizgen.generate_sources(sources, cache=tmp_path).to_json() == first.to_json()


def test_other_options_rebuild_questions_from_cached_parses(tmp_path, sources, monkeypatch):
    """A template or option change builds questions again, but never parses again."""
    quizgen.generate_sources(sources, cache=tmp_path)
    expected = quizgen.generate_sources(sources, formats=["cloze"], max_per_source=2)
    _no_parsing(monkeypatch)
    again = quizgen.generate_sources(sources, formats=["cloze"], max_per_source=2, cache=tmp_path)
    assert again.to_json() == expected.to_json()


def test_a_corrupt_parse_is_ignored_and_parsed_again(tmp_path, sources):
    src = sources[0]
    c = ParseCache(tmp_path)
    expected = quizgen.generate_sources([src]).to_json()
    quizgen.generate_sources([src], cache=c)
    entry = c.path(src.text)
    entry.write_bytes(entry.read_bytes()[:40])  # truncated
    for q in (tmp_path / qcache.QUESTIONS).rglob("*.json"):
        q.unlink()
    assert c.get(src.text) is None
    assert quizgen.generate_sources([src], cache=c).to_json() == expected
    assert c.get(src.text) is not None  # written again, whole


def test_a_cache_entry_of_another_text_is_not_used(tmp_path, sources):
    c = ParseCache(tmp_path)
    a, b = sources[0], sources[1]
    doc_b = nlp.parse(b.text)
    c.put(b.text, doc_b)
    c.path(a.text).parent.mkdir(parents=True, exist_ok=True)
    c.path(a.text).write_bytes(c.path(b.text).read_bytes())
    assert c.get(a.text) is None


def test_corrupt_questions_in_the_cache_are_built_again(tmp_path, sources):
    src = sources[0]
    expected = quizgen.generate_sources([src]).to_json()
    quizgen.generate_sources([src], cache=tmp_path)
    for q in (tmp_path / qcache.QUESTIONS).rglob("*.json"):
        q.write_text('{"id": "x", "questions": [', encoding="utf-8")
    assert quizgen.generate_sources([src], cache=tmp_path).to_json() == expected


def test_an_unwritable_cache_is_not_an_error(tmp_path, sources):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    c = ParseCache(blocker)
    quiz = quizgen.generate_sources(sources[:2], cache=c)
    assert quiz.questions and c.errors >= 1


def test_the_key_holds_text_model_and_versions(tmp_path, monkeypatch):
    c = ParseCache(tmp_path)
    k = c.key("Anna Novak won in 2003.")
    assert k != c.key("Anna Novak won in 2004.")
    assert len(k) == 64
    parts = qcache._parse_stage_key()
    assert nlp.model_key() in parts and f"quizgen-{quizgen.__version__}" in parts
    monkeypatch.setattr(qcache, "_parse_stage_key", lambda: parts.replace(nlp.model_key(), "en_core_web_sm-9.9.9"))
    assert c.key("Anna Novak won in 2003.") != k


def test_model_key_names_the_installed_model_without_loading_it():
    name, _, version = nlp.model_key().rpartition("-")
    assert name in nlp.MODEL_NAMES and version.count(".") == 2


@pytest.mark.parametrize(
    "env, expected",
    [
        ({"QUIZGEN_CACHE_DIR": "/x/qc", "XDG_CACHE_HOME": "/x/xdg"}, "/x/qc"),
        ({"XDG_CACHE_HOME": "/x/xdg"}, "/x/xdg/quizgen"),
        ({"HOME": "/x/home"}, "/x/home/.cache/quizgen"),
    ],
)
def test_cache_dir_follows_the_environment(monkeypatch, env, expected):
    for k in ("QUIZGEN_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert qcache.cache_dir() == Path(expected)


def test_the_tests_never_touch_the_users_cache():
    assert "quizgen-cache" in str(qcache.cache_dir())


def test_cli_no_cache_writes_no_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "c"))
    r = run("generate", TEXTS[0], "--json", tmp_path / "q.json", "--no-cache", "-q")
    assert r.exit_code == 0, r.output
    assert not (tmp_path / "c").exists()


def test_cli_cache_info_and_clear(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "c"))
    assert run("generate", TEXTS[0], "--json", tmp_path / "q.json", "-q").exit_code == 0
    info = run("cache", "info")
    assert info.exit_code == 0 and "1 parsed texts" in info.stdout
    (tmp_path / "c" / "keep.txt").write_text("not ours")
    r = run("cache", "clear")
    assert r.exit_code == 0 and "removed 1 cached parses" in r.stdout
    assert [p.name for p in (tmp_path / "c").iterdir()] == ["keep.txt"]  # nothing but its own files


# -- worker processes ---------------------------------------------------------------------


def test_chunks_keep_order_and_cut_by_size():
    srcs = [Source.from_text("x" * n, id=f"s{i}") for i, n in enumerate([5, 5, 20, 1, 1, 1])]
    parts = list(parallel.chunks(srcs, max_chars=10, max_sources=2))
    assert [[s.id for s in p] for p in parts] == [["s0", "s1"], ["s2"], ["s3", "s4"], ["s5"]]


def test_chunks_get_finer_at_the_end_so_workers_finish_together():
    srcs = [Source.from_text("x" * 10, id=f"s{i}") for i in range(20)]
    parts = list(parallel.chunks(srcs, max_chars=40, max_sources=32, jobs=2))
    assert [s.id for p in parts for s in p] == [s.id for s in srcs]
    assert [len(p) for p in parts] == [4, 4, 4, 2, 2, 1, 1, 1, 1]


def test_chunks_read_a_bounded_way_ahead():
    read = []

    def stream():
        for i in range(1000):
            read.append(i)
            yield Source.from_text("x" * 10, id=f"s{i}")

    parts = parallel.chunks(stream(), max_chars=40, max_sources=32, jobs=2)
    next(parts)
    assert len(read) <= 12  # the first chunk and two more


def _workers() -> list:
    """Worker processes of quizgen.run.parallel alive now (forked by the forkserver, or spawned)."""
    return [p for p in multiprocessing.active_children() if p.name.startswith(("ForkServerProcess", "SpawnProcess"))]


def test_one_chunk_of_work_runs_in_this_process(sources):
    pairs = parallel.questions_in_parallel(sources[:1], jobs=2)
    assert next(pairs)[0] == sources[0]
    assert not _workers()


def test_jobs_2_gives_the_same_quiz_as_jobs_1_in_input_order(sources, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 1500)  # several chunks, so the workers really share them
    serial = quizgen.generate_sources(sources, jobs=1)
    seen = []
    pairs = parallel.questions_in_parallel(sources, jobs=2)
    seen.append(next(pairs))
    assert _workers()  # workers were used
    seen.extend(pairs)
    assert [s.id for s, _ in seen] == [s.id for s in sources]
    assert [q for _, qs in seen for q in qs] == serial.questions


def test_a_rerun_from_the_cache_starts_no_worker(tmp_path, sources, monkeypatch):
    import concurrent.futures

    monkeypatch.setattr(parallel, "CHUNK_CHARS", 1500)
    c = ParseCache(tmp_path)
    first = list(parallel.questions_in_parallel(sources, jobs=2, cache=c))

    class NoPool:
        def __init__(self, *a, **k):
            raise AssertionError("a worker pool was started")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", NoPool)
    assert list(parallel.questions_in_parallel(sources, jobs=2, cache=c)) == first


def test_cli_jobs_2_output_is_byte_identical_to_jobs_1(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 1500)
    args = ["generate", *TEXTS, "--no-cache", "-q"]
    assert run(*args, "--jobs", "1", "--json", tmp_path / "1.json", "--jsonl", tmp_path / "1.jsonl").exit_code == 0
    r = run(*args, "--jobs", "2", "--json", tmp_path / "2.json", "--jsonl", tmp_path / "2.jsonl")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "1.json").read_bytes() == (tmp_path / "2.json").read_bytes()
    assert (tmp_path / "1.jsonl").read_bytes() == (tmp_path / "2.jsonl").read_bytes()


def test_negative_jobs_is_a_usage_error():
    assert run("generate", TEXTS[0], "--jobs", "-1").exit_code == 2


# -- streaming ----------------------------------------------------------------------------


def _write_jsonl(path: Path, srcs) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for s in srcs:
            f.write(json.dumps({"id": s.id, "title": s.title, "text": s.text}) + "\n")


def test_jsonl_in_and_out_gives_one_quiz_per_source_per_line(tmp_path, sources):
    _write_jsonl(tmp_path / "in.jsonl", sources)
    r = run("generate", "--jsonl-in", tmp_path / "in.jsonl", "--jsonl", tmp_path / "out.jsonl",
            "--json", tmp_path / "all.json", "-q")
    assert r.exit_code == 0, r.output
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    quizzes = [Quiz.from_json(line) for line in lines]
    assert [q.sources[0].id for q in quizzes] == [s.id for s in sources]
    assert all(len(q.sources) == 1 and all(x.answer.source_id == q.sources[0].id for x in q.questions) for q in quizzes)
    whole = Quiz.from_json((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert pipeline.merge_quizzes(quizzes).questions == whole.questions
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.json", "in.jsonl", "out.jsonl"]


def test_jsonl_output_equals_the_json_quiz_of_the_same_files(tmp_path):
    r1 = run("generate", *TEXTS, "--json", tmp_path / "a.json", "-q")
    r2 = run("generate", *TEXTS, "--jsonl", tmp_path / "a.jsonl", "-q")
    assert r1.exit_code == 0 and r2.exit_code == 0
    merged = pipeline.merge_quizzes(Quiz.from_json(x) for x in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines())
    assert merged.to_json() == (tmp_path / "a.json").read_text(encoding="utf-8")


def test_a_bad_jsonl_line_fails_and_leaves_no_output(tmp_path, sources):
    _write_jsonl(tmp_path / "in.jsonl", sources[:2])
    with open(tmp_path / "in.jsonl", "a", encoding="utf-8") as f:
        f.write("{not json\n")
    r = run("generate", "--jsonl-in", tmp_path / "in.jsonl", "--jsonl", tmp_path / "out.jsonl", "-q")
    assert r.exit_code == 1 and "line 3" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_jsonl_in_and_inputs_together_is_a_usage_error(tmp_path, sources):
    _write_jsonl(tmp_path / "in.jsonl", sources[:1])
    assert run("generate", TEXTS[0], "--jsonl-in", tmp_path / "in.jsonl").exit_code == 2
    assert run("generate", "--json", tmp_path / "q.json").exit_code == 2


def test_iter_quizzes_reads_its_input_only_as_fast_as_it_yields():
    consumed = 0

    def endless():
        nonlocal consumed
        i = 0
        while True:
            consumed += 1
            i += 1
            yield Source.from_text(f"Anna Novak won {i} medals in Lima in 2003.", id=f"s{i}")

    quizzes = pipeline.iter_quizzes(endless())
    for _ in range(3):
        next(quizzes)
    assert consumed <= 2 * nlp.BATCH_SIZE
    quizzes.close()


# -- start-up -----------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["--help"], ["schema"], ["cache", "--help"], ["generate", "--help"]])
def test_start_up_commands_do_not_import_spacy(args):
    code = ("import sys; from quizgen.cli import main\ntry:\n    main(%r)\nexcept SystemExit:\n    pass\n"
            "print('spacy' in sys.modules)" % (args,))
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.stdout.strip().splitlines()[-1] == "False", p.stdout + p.stderr


def test_help_imports_neither_pydantic_nor_rich():
    """`quizgen --help` stays well under 0.3 s: no spaCy, pydantic or rich (benchmarks/bench.py --startup times it)."""
    code = ("import sys; from quizgen.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('spacy', 'pydantic', 'rich') if m in sys.modules))")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.stdout.strip().splitlines()[-1] == "[]", p.stdout + p.stderr


def test_doc_text_is_the_docs_text_joined_once():
    doc = nlp.parse("Anna Novak won in 2003.\nShe left Lima.")
    assert nlp.doc_text(doc) == doc.text
    assert nlp.doc_text(doc) is nlp.doc_text(doc)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked from a forkserver on Linux only")
def test_workers_start_with_the_model_already_loaded():
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, mp_context=parallel._context()) as pool:
        loaded = pool.submit(eval, "__import__('quizgen.nlp.model').nlp.model.load_model.cache_info().currsize").result()
    assert loaded == 1  # forked from the server that imported quizgen.run.preload: no load of its own


def test_the_worker_server_ignores_ctrl_c_while_it_loads_the_model():
    """The main process answers Ctrl-C; the server, importing spaCy in the first second, must not print a traceback."""
    code = ("import signal, sys, types\n"
            "stub = types.ModuleType('quizgen.nlp.model')\n"
            "stub.load_model = lambda: print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)\n"
            "sys.modules['quizgen.nlp.model'] = stub\n"
            "import quizgen.run.preload\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.stdout.strip() == "True", p.stdout + p.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the worker server is a Linux forkserver")
def test_the_worker_server_starts_with_ctrl_c_blocked_and_this_process_keeps_it():
    """Blocked from its first instruction (before Python's own start-up), so no Ctrl-C traceback from it ever."""
    import signal

    pid = parallel.start_server()
    status = Path(f"/proc/{pid}/status").read_text()
    blocked = int(next(line.split()[1] for line in status.splitlines() if line.startswith("SigBlk:")), 16)
    assert blocked & (1 << (signal.SIGINT - 1))
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])


def test_the_question_cache_is_keyed_on_every_stage_and_the_score_weights():
    """An edit to any module, the weights or a template rebuilds cached questions (the cache lives in
    quizgen/run/, but what it fingerprints is the whole package)."""
    files = {f.relative_to(qcache.package_dir()).as_posix() for f in qcache.fingerprint_files()}
    for needed in ("questions/gate/form.py", "questions/gate/__init__.py", "questions/score_weights.json", "facts/extract.py", "read/sources.py",
                   "nlp/model.py", "pipeline.py", "templates/questions.toml"):
        assert needed in files, needed

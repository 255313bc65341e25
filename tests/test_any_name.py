"""Any name the operating system allows: a folder tree of random names gives a valid quiz or a documented error.

Names are bytes here, as Linux has them: random bytes (most not UTF-8), control characters,
names of 255 bytes, names that differ only in case or in Unicode normalisation, symbolic links to
files, to folders, to nothing, to themselves and to a parent folder. Each tree is run through the
real entry point (``quizgen.cli.main``) in this process, with every text output; one fixed tree
also through ``python -m quizgen`` in a process of its own.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from quizgen import cli
from quizgen.export import anki
from quizgen.grounding import quiz_problems
from quizgen.models import Quiz
from quizgen.read.names import id_key, is_safe_id

GOOD = [b"Fidel Castro released 200 prisoners in Havana in 1998.\n",
        b"Pope Francis visited Cuba in September 2015.\n",
        "Marie Curie won the Nobel Prize in Stockholm in 1911.\n".encode("utf-16"),
        b"<p>Anna Novak built 300 houses in Lisbon in 1998.</p>"]
BAD = [b"", b"  \n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x02", b"Caf\xe9 Martin was born in Lyon in 1950."]
SUFFIXES = [b".txt", b".txt", b".md", b".TXT", b".html", b".text", b"", b".png"]

raw_name = st.binary(min_size=1, max_size=12)
control_name = st.text(st.characters(categories=["Cc", "Zs", "Zl", "Zp", "Cf"]) | st.sampled_from("ab:-"),
                       min_size=1, max_size=8).map(lambda s: s.encode("utf-8", "surrogatepass"))
long_name = st.integers(200, 251).map(lambda n: b"L" * n)
case_name = st.sampled_from(["Notes", "NOTES", "notes", "Straße", "STRASSE"]).map(str.encode)
norm_name = st.sampled_from(["café", "Café", "Å", "ﬁle"]).flatmap(
    lambda s: st.sampled_from([unicodedata.normalize(f, s) for f in ("NFC", "NFD", "NFKC")])).map(str.encode)
stem = st.one_of(raw_name, control_name, long_name, case_name, norm_name)


@st.composite
def entry(draw):
    folder = draw(st.integers(0, 2))
    name = draw(stem).replace(b"/", b"_").replace(b"\0", b"_")
    name = (name + draw(st.sampled_from(SUFFIXES)))[:255]
    kind = draw(st.sampled_from(["file"] * 6 + ["link", "folder-link", "parent-link", "loop", "dangling"]))
    content = draw(st.sampled_from(GOOD * 3 + BAD))
    return folder, name, kind, content


def make_tree(root: bytes, folders: list[bytes], entries) -> list[bytes]:
    """Create the tree under ``root``; return the paths of the files made (for naming one directly)."""
    dirs = [root, os.path.join(root, folders[0]), os.path.join(root, folders[0], folders[1])]
    for d in dirs[1:]:
        os.makedirs(d, exist_ok=True)
    made: list[bytes] = []
    for folder, name, kind, content in entries:
        path = os.path.join(dirs[folder], name)
        try:
            if kind == "file":
                with open(path, "xb") as f:
                    f.write(content)
                made.append(path)
            elif kind == "link" and made:
                os.symlink(made[-1], path)
            elif kind == "folder-link":
                os.symlink(dirs[1], path)
            elif kind == "parent-link":
                os.symlink(b"..", path)
            elif kind == "loop":
                os.symlink(name, path)
            elif kind == "dangling":
                os.symlink(b"nowhere" + name, path)
        except OSError:  # a name taken twice, ".", "..", or too long: the tree just lacks it
            event("a name not creatable")
            continue
        event(f"has a {kind}")
        if os.fsdecode(name) != name.decode("utf-8", "replace"):
            event("has a name that is not UTF-8")
    return made


def check_run(capsys, args: list, outs: dict[str, Path]) -> None:
    for p in outs.values():
        p.write_text("old\n")
    with pytest.raises(SystemExit) as exc:
        cli.main([os.fsdecode(a) if isinstance(a, bytes) else str(a) for a in args])
    out, err = capsys.readouterr()
    rc = exc.value.code or 0
    assert rc in (0, 1), (rc, err)
    assert "Traceback" not in err and "internal error" not in err
    err.encode("utf-8")  # every name in a message is printable UTF-8
    lines = [line for line in err.splitlines() if line.strip()]
    messages = [line for line in lines if line.startswith("quizgen: ")]
    assert all("\r" not in m for m in messages)
    if rc == 1:
        event("documented error")
        assert messages and lines[-1] == messages[-1] and not messages[-1].startswith("quizgen: warning: ")
        for p in outs.values():  # nothing written, nothing destroyed
            assert p.read_text() == "old\n"
        assert sorted(os.listdir(outs["json"].parent)) == sorted(p.name for p in outs.values())
        return
    event("quiz")
    quiz = Quiz.from_json(outs["json"].read_text(encoding="utf-8"))
    assert quiz_problems(quiz) == []
    ids = [s.id for s in quiz.sources]
    assert all(is_safe_id(i) for i in ids), ids
    assert len({id_key(i) for i in ids}) == len(ids)  # never two sources with one id, ignoring case and normalisation
    for q in quiz.questions:
        assert all(t and not any(c.isspace() or unicodedata.category(c) == "Cc" for c in t) for t in q.tags), q.tags
        assert sum(t.count("::") for t in q.tags if t.startswith("source::")) == 1
    with open(outs["csv"], newline="", encoding="utf-8") as f:
        assert len(list(csv.reader(f))) == len(quiz.questions)
    assert len((outs["csv"]).read_text(encoding="utf-8").splitlines()) == len(quiz.questions)
    gift = outs["gift"].read_text(encoding="utf-8")
    comments = [line for line in gift.splitlines() if line.startswith("// ") and "; source: " in line]
    assert len(comments) == len(quiz.questions)  # one comment line per question, the source's id on it
    rows = [line for line in lines if line.startswith("\u2502")]
    assert len(rows) == len(quiz.sources)  # the summary table: one line per source
    if "anki" in outs:
        notes, _cards, decks, *_ = anki._contents(outs["anki"])
        assert len(notes) == len(quiz.questions)
        for *_, tags in notes:  # Anki's tags: one string, split at spaces
            assert sum(t.startswith("source::") for t in tags.split()) == 1
            assert all(t.count("::") == 1 for t in tags.split() if "::" in t)
        assert all(name.count("::") <= 1 for _, name in decks)  # a deck, or a deck and one subdeck


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(folders=st.lists(stem, min_size=2, max_size=2), entries=st.lists(entry(), min_size=1, max_size=8),
       name_one=st.booleans(), with_anki=st.booleans())
def test_any_tree_of_names_gives_a_quiz_or_a_documented_error(capsys, folders, entries, name_one, with_anki):
    work = Path(tempfile.mkdtemp(prefix="quizgen-names-"))
    try:
        root = os.path.join(os.fsencode(work), b"tree")
        os.mkdir(root)
        folders = [(f.replace(b"/", b"_").replace(b"\0", b"_") or b"d")[:255] for f in folders]
        folders = [b"d" + f if f in (b".", b"..") else f for f in folders]
        made = make_tree(root, folders, entries)
        (work / "out").mkdir()
        outs = {"json": work / "out" / "q.json", "gift": work / "out" / "q.gift", "csv": work / "out" / "q.csv"}
        inputs = [root] + ([made[0]] if name_one and made else [])
        args = ["generate", *inputs, "--json", outs["json"], "--gift", outs["gift"], "--csv", outs["csv"],
                "--jobs", "1", "--min-score", "0"]
        if with_anki:
            outs["anki"] = work / "out" / "q.apkg"
            args += ["--anki", outs["anki"]]
        check_run(capsys, args, outs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_the_issue_tree_through_a_real_process(tmp_path):
    """The issue's report as it was met: a folder from a network share, --json, --anki and --html, in a C locale."""
    d = os.fsencode(tmp_path / "share")
    os.mkdir(d)
    for name, text in [(b"ok.txt", GOOD[0]), (b"caf\xe9.txt", GOOD[1]), (b"new\nline.txt", GOOD[0] + GOOD[1]),
                       (b"\xff\xfe.md", GOOD[3]), (b"deck::sub.txt", GOOD[1] + b"It rained.")]:
        with open(os.path.join(d, name), "wb") as f:
            f.write(text)
    os.symlink(b"loop.txt", os.path.join(d, b"loop.txt"))
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    p = subprocess.run([sys.executable, "-m", "quizgen", "generate", d, "--json", tmp_path / "q.json",
                        "--anki", tmp_path / "q.apkg", "--html", tmp_path / "q.html", "--jobs", "1"],
                       capture_output=True, env=env, timeout=120)
    err = p.stderr.decode("utf-8")
    assert p.returncode == 0, err
    assert f"quizgen: warning: {tmp_path}/share/loop.txt: too many levels of symbolic links; skipped" in err
    quiz = Quiz.from_json((tmp_path / "q.json").read_text(encoding="utf-8"))
    assert [s.id for s in quiz.sources] == ["caf%E9", "deck:sub", "new_line", "ok", "%FF%FE"]
    assert (tmp_path / "q.apkg").stat().st_size > 1000 and (tmp_path / "q.html").stat().st_size > 1000


def test_the_library_takes_paths_as_bytes(tmp_path):
    import quizgen
    from quizgen.read.sources import read_source

    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as f:
        f.write(GOOD[0])
    warnings: list[str] = []
    quiz = quizgen.generate_files(folder, on_warning=warnings.append, jobs=1)
    assert [s.id for s in quiz.sources] == ["caf%E9"] and quiz.questions and warnings == []
    source, _ = read_source(os.path.join(folder, b"caf\xe9.txt"))
    assert (source.id, source.title) == ("caf%E9", "Caf%E9")

"""Determinism: the same inputs give byte-identical JSON (and the same Anki notes) in every run.

Each run is a process of its own, with its own hash seed, and the runs differ in ``--jobs``
(one process, or two worker processes sharing the sources in small chunks) and in the parse
cache (none, empty, full). JSON, JSON Lines, GIFT, CSV and the HTML player must be equal byte
for byte; the QTI zip member for member; the Anki package note for note (GUID, note type,
fields, tags), card for card and deck for deck; only genanki's modification times and
generated row ids differ between builds, as they must for Anki to take a regenerated deck as
an update (DESIGN.md, "Anki (.apkg) contract").
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [ROOT / "tests" / "texts", ROOT / "seeds"]
OUTPUTS = {"json": "q.json", "jsonl": "q.jsonl", "anki": "q.apkg", "html": "q.html", "gift": "q.gift",
           "qti": "q.zip", "csv": "q.csv"}
# Chunks of 1,500 characters, so that with --jobs 2 the two workers really share the texts.
RUN = ("import sys\nfrom quizgen.run import parallel\nparallel.CHUNK_CHARS = 1500\n"
       "from quizgen.cli import main\nmain(sys.argv[1:])\n")


def generate(out: Path, *, jobs: int, seed: int, cache: Path | None) -> Path:
    out.mkdir()
    args = [sys.executable, "-c", RUN, "generate", *INPUTS, "--title", "Determinism", "--jobs", str(jobs), "-q"]
    for option, name in OUTPUTS.items():
        args += [f"--{option}", out / name]
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    if cache is None:
        args.append("--no-cache")
    else:
        env["QUIZGEN_CACHE_DIR"] = str(cache)
    p = subprocess.run([str(a) for a in args], capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 0, p.stderr
    return out


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> list[Path]:
    tmp = tmp_path_factory.mktemp("determinism")
    cache = tmp / "cache"
    return [
        generate(tmp / "jobs1", jobs=1, seed=1, cache=None),
        generate(tmp / "jobs2-cold-cache", jobs=2, seed=2, cache=cache),
        generate(tmp / "jobs2-warm-cache", jobs=2, seed=3, cache=cache),  # every answer from the cache
    ]


@pytest.mark.parametrize("name", ["q.json", "q.jsonl", "q.html", "q.gift", "q.csv"])
def test_text_outputs_are_byte_identical_across_runs_jobs_and_cache(runs, name):
    first = (runs[0] / name).read_bytes()
    assert len(first) > 1000
    for other in runs[1:]:
        assert (other / name).read_bytes() == first, f"{other.name}/{name} differs"


def test_the_questions_are_not_trivially_few(runs):
    import json

    data = json.loads((runs[0] / "q.json").read_text(encoding="utf-8"))
    assert len(data["sources"]) >= 7 and len(data["questions"]) > 40


def _zip_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def test_qti_zip_has_identical_members(runs):
    first = _zip_members(runs[0] / "q.zip")
    for other in runs[1:]:
        assert _zip_members(other / "q.zip") == first


def _anki_content(path: Path, tmp: Path) -> dict:
    """What a user's collection gets from a package, without the build's timestamps and row ids."""
    members = _zip_members(path)
    db = tmp / f"{path.parent.name}.anki2"
    db.write_bytes(members["collection.anki2"])
    con = sqlite3.connect(db)
    try:
        notes = con.execute("SELECT id, guid, mid, tags, flds, sfld, csum, flags, data FROM notes").fetchall()
        guid_of = {nid: guid for nid, guid, *_ in notes}
        cards = con.execute("SELECT nid, did, ord, type, queue, due, ivl, factor, reps, lapses, left, odue, odid,"
                            " flags, data FROM cards").fetchall()
        (decks, models) = con.execute("SELECT decks, models FROM col").fetchone()
    finally:
        con.close()
    import json

    def stable_model(m: dict) -> dict:
        return {k: v for k, v in m.items() if k not in ("mod", "usn")}

    def stable_deck(d: dict) -> dict:
        return {k: v for k, v in d.items() if k not in ("mod", "usn")}

    return {
        "notes": sorted(tuple(n[1:]) for n in notes),
        # a card's due position in a new deck is its note's rank in the build, which is by id: keep it
        "cards": sorted((guid_of[c[0]], *c[1:]) for c in cards),
        "decks": sorted(json.dumps(stable_deck(d), sort_keys=True) for d in json.loads(decks).values()),
        "models": sorted(json.dumps(stable_model(m), sort_keys=True) for m in json.loads(models).values()),
        "media": members["media"],
    }


def test_anki_packages_have_identical_notes_cards_decks_and_note_types(runs, tmp_path):
    first = _anki_content(runs[0] / "q.apkg", tmp_path)
    assert len(first["notes"]) > 40
    for other in runs[1:]:
        content = _anki_content(other / "q.apkg", tmp_path)
        for part in ("notes", "cards", "decks", "models", "media"):
            assert content[part] == first[part], f"{other.name}: {part} differ"


def test_library_quiz_is_the_cli_quiz(runs):
    import quizgen

    quiz = quizgen.generate_files(INPUTS, title="Determinism")
    assert quiz.to_json().encode() == (runs[0] / "q.json").read_bytes()

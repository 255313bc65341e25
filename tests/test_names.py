"""File names to messages and source ids (quizgen/read/names.py): any name is safe, ordinary ids never change."""

import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.read.names import display_name, id_key, is_safe_id, source_id_from_stem, source_id_of, unique_ids
from quizgen.read.sources import iter_file_sources


def ids_before_issue17(paths):
    """``unique_ids`` as it was before issue 17 (commit 1aa6ea8), kept to pin ordinary names' ids."""
    stems = [Path(p).stem for p in paths]
    reserved = {s.casefold() for s in stems}
    used, ids = set(), []
    for stem in stems:
        candidate = stem
        if candidate.casefold() in used:
            n = 2
            while f"{stem}-{n}".casefold() in used or f"{stem}-{n}".casefold() in reserved:
                n += 1
            candidate = f"{stem}-{n}"
        used.add(candidate.casefold())
        ids.append(candidate)
    return ids


# Ids that are in users' decks today: each must stay byte for byte what it is.
PINNED = {
    "cuba-prisoner-release.txt": "cuba-prisoner-release",
    "apollo-11.txt": "apollo-11",
    "marie-curie.md": "marie-curie",
    "My Notes.txt": "My Notes",
    "chapter 3 (draft) v2.txt": "chapter 3 (draft) v2",
    "notes_v2.final.txt": "notes_v2.final",
    "100% done!.md": "100% done!",
    "Café de Flore.html": "Café de Flore",
    "日本の歴史.txt": "日本の歴史",
    "résumé – Zoë’s.txt": "résumé – Zoë’s",
    "a:b.txt": "a:b",
    "back\\slash.txt": "back\\slash",
    "emoji 🚀.txt": "emoji 🚀",
    "README": "README",
    "archive.tar.gz": "archive.tar",
}


@pytest.mark.parametrize("name, expected", sorted(PINNED.items()))
def test_ids_of_ordinary_names_do_not_change(name, expected):
    assert source_id_of(name) == expected
    assert unique_ids([f"dir/{name}"]) == [expected] == ids_before_issue17([f"dir/{name}"])
    assert is_safe_id(expected)


def test_repeated_stems_are_numbered_as_before():
    paths = ["a/notes.txt", "b/notes.md", "c/Notes.txt", "d/notes-2.txt", "e/notes.txt"]
    assert unique_ids(paths) == ids_before_issue17(paths) == ["notes", "notes-3", "Notes-4", "notes-2", "notes-5"]


def test_ids_read_from_a_folder_are_the_file_stems(tmp_path):
    """End to end through the reader: the ids of a folder of ordinary names are their stems."""
    for name in PINNED:
        (tmp_path / name).write_text("Anna Novak built 300 houses in Lisbon in 1998.\n", encoding="utf-8")
    sources, _ = iter_file_sources([tmp_path])
    got = {s.id for s in sources}
    read = {v for k, v in PINNED.items() if k.lower().endswith((".txt", ".md", ".html"))}
    assert got == read


ordinary_char = st.characters(categories=["L", "N", "P", "S"], exclude_characters=":/").filter(
    lambda c: unicodedata.normalize("NFC", c) == c)
ordinary_stem = st.text(ordinary_char | st.just(" ") | st.just(":"), min_size=1, max_size=12).filter(
    lambda s: s.strip() and "::" not in s and unicodedata.normalize("NFC", s) == s)


@settings(max_examples=300, deadline=None)
@given(st.lists(ordinary_stem, max_size=6))
def test_ordinary_names_get_the_ids_they_always_had(stems):
    """For names without control characters, odd whitespace or '::', the ids are the old ones, whenever
    the old rule (compare ignoring case) and the new one (ignoring case and normalisation) agree
    on which names are the same."""
    paths = [f"d{i}/{s}.txt" for i, s in enumerate(stems)]
    old = ids_before_issue17(paths)
    same_old = {(i, j) for i, a in enumerate(old) for j, b in enumerate(old) if a.casefold() == b.casefold()}
    same_new = {(i, j) for i, a in enumerate(old) for j, b in enumerate(old) if id_key(a) == id_key(b)}
    if same_old == same_new:
        assert unique_ids(paths) == old


@pytest.mark.parametrize("stem, expected", [
    ("new\nline", "new_line"),
    ("tab\there", "tab_here"),
    ("cr\r\nlf", "cr_lf"),
    ("nbsp\u00a0here", "nbsp_here"),
    ("ideographic\u3000space", "ideographic_space"),
    ("line\u2028sep", "line_sep"),
    ("bell\x07\x07x", "bell_x"),
    ("del\x7fx", "del_x"),
    ("c1\x85x", "c1_x"),
    ("evil\u202etxt.exe", "evil_txt.exe"),
    ("bad\udcff", "bad%FF"),
    ("caf\udce9", "caf%E9"),
    ("deck::sub", "deck:sub"),
    ("a:::b::::c", "a:b:c"),
    ("  ", "source"),
    ("\n", "_"),
    (" \t ", " _ "),
])
def test_unsafe_characters_in_names_are_replaced(stem, expected):
    assert source_id_from_stem(stem) == expected
    assert is_safe_id(expected)


def safe_everywhere(sid: str) -> bool:
    """An id that goes as it is into JSON, an Anki tag, a deck name, a GIFT comment, a CSV cell, a table row."""
    return (bool(sid.strip()) and "::" not in sid
            and all(c == " " or not (c.isspace() or unicodedata.category(c) in ("Cc", "Cs")) for c in sid)
            and sid.encode("utf-8") is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.binary(min_size=1, max_size=30), max_size=5))
def test_any_name_gives_safe_ids_that_are_all_different(raw_names):
    names = [os.fsdecode(b.replace(b"/", b"_").replace(b"\0", b"_")) for b in raw_names]
    ids = unique_ids([f"d{i}/{n}.txt" for i, n in enumerate(names)])
    assert all(safe_everywhere(i) and is_safe_id(i) for i in ids), ids
    assert len({id_key(i) for i in ids}) == len(ids)


def test_names_that_differ_only_in_case_or_normalisation_get_different_ids():
    nfc, nfd = unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")
    assert nfc != nfd
    assert unique_ids([f"a/{nfc}.txt", f"b/{nfd}.txt"]) == ["café", f"{nfd}-2"]
    assert unique_ids(["a/Straße.txt", "b/STRASSE.txt"]) == ["Straße", "STRASSE-2"]


def test_display_name_escapes_what_cannot_be_shown_and_keeps_the_rest():
    assert display_name("notes/My Notes (1).txt") == "notes/My Notes (1).txt"
    assert display_name("Café\\x.txt") == "Café\\x.txt"
    assert display_name(os.fsdecode(b"d/bad\xff.txt")) == "d/bad\\xff.txt"
    assert display_name(b"d/bad\xff.txt") == "d/bad\\xff.txt"
    assert display_name(Path("new\nline.txt")) == "new\\nline.txt"
    assert display_name("a\tb\r\x01\x85\u2028\u202e") == "a\\tb\\r\\x01\\x85\\u2028\\u202e"
    shown = display_name(os.fsdecode(bytes(range(1, 256)).replace(b"/", b"")))
    shown.encode("utf-8")  # never a surrogate
    assert "\n" not in shown and "\r" not in shown

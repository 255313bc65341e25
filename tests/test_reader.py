"""The input reader, as a specification: one behaviour per test."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.errors import InputError
from quizgen.models import Source
from quizgen.read.sources import (
    decode_text,
    guess_title,
    iter_input_paths,
    read_jsonl_sources,
    read_source,
    unique_ids,
)

ENGLISH = (
    "Cuba said on Tuesday that it would release 553 prisoners after talks with the Vatican. "
    "The prisoners had been held for crimes of various kinds, and their names were not made public. "
    "Officials in Washington said the move was a step in the right direction.\n"
)
FRENCH = (
    "La ville de Lyon est située au confluent du Rhône et de la Saône. Elle a été fondée par les "
    "Romains en 43 avant Jésus-Christ sous le nom de Lugdunum. Au Moyen Âge, la ville devient un "
    "centre important du commerce de la soie, et on y trouve aujourd'hui de nombreux musées.\n"
)
GERMAN = (
    "Die Stadt Hamburg liegt an der Elbe und ist mit fast zwei Millionen Einwohnern die "
    "zweitgrößte Stadt Deutschlands. Im Mittelalter war sie ein wichtiges Mitglied der Hanse, "
    "und der Hafen ist bis heute einer der größten in Europa. So wird Hamburg auch das Venedig "
    "des Nordens genannt.\n"
)
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"


def error_of(fn, *args, **kwargs) -> str:
    """The message of the InputError that ``fn`` raises; it must be exactly one line."""
    with pytest.raises(InputError) as info:
        fn(*args, **kwargs)
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return message


# -- decode_text: errors ------------------------------------------------------------------


def test_empty_file_is_an_error():
    assert error_of(decode_text, b"", name="empty.txt") == "empty.txt: empty file"


def test_file_with_only_a_bom_is_empty():
    assert error_of(decode_text, b"\xef\xbb\xbf", name="bom.txt") == "bom.txt: empty file"


def test_whitespace_only_file_is_an_error():
    message = error_of(decode_text, b" \n\t\r\n  \n", name="blank.txt")
    assert message == "blank.txt: contains only whitespace"


def test_png_bytes_are_a_binary_file():
    message = error_of(decode_text, PNG_HEADER + bytes(range(256)) * 4, name="photo.txt")
    assert message == "photo.txt: looks like a binary file, not text"


def test_short_text_with_a_nul_is_binary():
    assert "binary" in error_of(decode_text, b"Hello\x00 world", name="x.txt")


def test_utf16_without_bom_is_binary_with_a_hint():
    data = (ENGLISH * 3).encode("utf-16-le")
    assert "--encoding utf-16-le" in error_of(decode_text, data, name="x.txt")


def test_invalid_utf8_names_file_line_byte_and_offset():
    data = b"Title\n\nThe caf\xe9 is open.\n"
    message = error_of(decode_text, data, name="notes.txt")
    assert message.startswith("notes.txt: not valid UTF-8 at line 3, byte 0xE9 (offset 14)")
    assert "--encoding latin-1" in message


def test_invalid_utf8_line_counts_crlf_once():
    message = error_of(decode_text, b"a\r\nb\r\nc\xff", name="x.txt")
    assert "line 3" in message and "offset 7" in message


def test_invalid_utf8_offset_counts_the_bom():
    message = error_of(decode_text, b"\xef\xbb\xbfab\xff", name="x.txt")
    assert "byte 0xFF (offset 5)" in message


def test_unknown_encoding_is_an_error():
    message = error_of(decode_text, b"text", name="x.txt", encoding="klingon")
    assert message.startswith("x.txt: unknown encoding 'klingon'")


def test_non_text_codec_is_an_unknown_encoding():
    assert "unknown encoding 'base64'" in error_of(decode_text, b"dGV4dA==", name="x.txt", encoding="base64")


def test_bytes_invalid_in_the_given_encoding_are_reported():
    message = error_of(decode_text, b"ok\n\x81", name="x.txt", encoding="cp1252")
    assert message == "x.txt: not valid cp1252 at line 2, byte 0x81 (offset 3)"


# -- decode_text: encodings and normalisation ---------------------------------------------


def test_latin1_encoding_decodes():
    text, warnings = decode_text("The café is open to all of the town.".encode("latin-1"), encoding="latin-1")
    assert text == "The café is open to all of the town."
    assert warnings == []


def test_cp1252_quotes_decoded_as_latin1_warn_about_cp1252():
    text, warnings = decode_text(b"It\x92s the best of the year, and it is here.", encoding="latin-1")
    assert "\x92" not in text
    assert any("--encoding cp1252" in w for w in warnings)


def test_utf8_bom_is_stripped():
    text, _ = decode_text(b"\xef\xbb\xbf" + ENGLISH.encode())
    assert text == ENGLISH


def test_utf16_with_bom_is_decoded():
    text, _ = decode_text(("Zoë said: " + ENGLISH).encode("utf-16"))
    assert text == "Zoë said: " + ENGLISH


def test_crlf_and_lone_cr_become_lf():
    text, _ = decode_text(b"one\r\ntwo\rthree\n")
    assert text == "one\ntwo\nthree\n"


def test_few_stray_nuls_in_long_text_are_removed_with_warning():
    body = (ENGLISH * 20).encode()
    data = body[:1000] + b"\x00" + body[1000:3000] + b"\x00" + body[3000:]
    text, warnings = decode_text(data, name="x.txt")
    assert text == ENGLISH * 20
    assert warnings == ["x.txt: removed 2 stray NUL characters"]


def test_control_characters_become_spaces_with_warning():
    text, warnings = decode_text(b"The cat\x07 sat\x1b on the mat.\tIt was\x0c there.\n", name="x.txt")
    assert text == "The cat  sat  on the mat.\tIt was  there.\n"
    assert warnings == ["x.txt: replaced 3 control characters with spaces"]


def test_one_megabyte_single_line_works():
    line = ("the cat sat on the mat " * 50_000)[:1_000_000]
    text, warnings = decode_text(line.encode())
    assert text == line and warnings == []


def test_twenty_megabyte_text_decodes():
    data = (ENGLISH.encode() * (20_000_000 // len(ENGLISH) + 1))[:20_000_000]
    text, warnings = decode_text(data, name="big.txt")
    assert len(text) == 20_000_000 and warnings == []


# -- decode_text: HTML --------------------------------------------------------------------

PAGE = b"""<!DOCTYPE html>
<html><head><title>Page title</title><style>p { color: red }</style></head>
<body>
<nav>Home | About</nav>
<h1>Cuba &amp; the Vatican</h1>
<script>var secret = "do not show";</script>
<p>Cuba said it would release
   553 prisoners.</p><p>It&#39;s a &ldquo;gesture&rdquo; &lt;sic&gt;.</p>
<footer>Copyright</footer>
</body></html>
"""


def test_html_text_is_extracted_with_a_warning():
    text, warnings = decode_text(PAGE, name="page.html")
    assert text == "Cuba & the Vatican\n\nCuba said it would release 553 prisoners.\n\nIt's a \u201cgesture\u201d <sic>."
    assert "page.html: HTML input; extracted its text" in warnings


def test_html_script_style_head_nav_footer_are_dropped():
    text, _ = decode_text(PAGE, name="page.html")
    for hidden in ("do not show", "color", "Page title", "Home", "Copyright"):
        assert hidden not in text


def test_html_is_detected_by_content():
    text, warnings = decode_text(b"  \n<html><body><p>One &amp; two.</p></body></html>", name="page.txt")
    assert text == "One & two."
    assert warnings[0] == "page.txt: HTML input; extracted its text"


def test_html_without_readable_text_is_an_error():
    message = error_of(decode_text, b"<html><script>x()</script></html>", name="a.html")
    assert message == "a.html: HTML input contains no readable text"


def test_unclosed_tags_in_html_stay_fast_and_become_text():
    text, _ = decode_text(b"<p>1 < 2 and " + b"<a" * 200_000, name="a.html")
    assert text.startswith("1 < 2 and <a<a")


# -- decode_text: language ----------------------------------------------------------------


def test_french_text_warns_not_english():
    _, warnings = decode_text(FRENCH.encode(), name="lyon.txt")
    assert warnings == ["lyon.txt: does not look like English; only English is supported"]


def test_german_text_warns_not_english():
    _, warnings = decode_text(GERMAN.encode(), name="hamburg.txt")
    assert warnings == ["hamburg.txt: does not look like English; only English is supported"]


def test_english_text_gives_no_warning():
    assert decode_text(ENGLISH.encode(), name="cuba.txt") == (ENGLISH, [])


def test_short_text_is_not_language_checked():
    assert decode_text(b"Bonjour tout le monde")[1] == []


# -- decode_text: property ----------------------------------------------------------------


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=400),
    name=st.sampled_from(["a.txt", "b.html"]),
    encoding=st.sampled_from([None, None, "latin-1", "cp1252", "utf-16", "utf-8"]),
)
def test_decode_text_returns_clean_text_or_raises_input_error(data, name, encoding):
    try:
        text, warnings = decode_text(data, name=name, encoding=encoding)
    except InputError as e:
        assert str(e).startswith(name) and "\n" not in str(e)
        return
    assert isinstance(text, str) and text.strip()
    assert "\r" not in text and "\x00" not in text and "\ufeff" not in text
    assert all(w.startswith(name) and "\n" not in w for w in warnings)


# -- read_source --------------------------------------------------------------------------


def test_read_source_builds_source_from_stem_and_first_line_title(tmp_path):
    path = tmp_path / "cuba-prisoners.txt"
    path.write_bytes(b"Cuba to release 553 prisoners\r\n\r\n" + ENGLISH.encode())
    source, warnings = read_source(path)
    assert (source.id, source.title) == ("cuba-prisoners", "Cuba to release 553 prisoners")
    assert source.text == "Cuba to release 553 prisoners\n\n" + ENGLISH  # the title line stays
    assert source == Source.from_text(source.text, id="cuba-prisoners", title=source.title)
    assert warnings == []


def test_read_source_title_from_markdown_heading(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("\n# The Cuban prisoners.\n\n" + ENGLISH)
    source, _ = read_source(path)
    assert source.title == "The Cuban prisoners."
    assert source.text.startswith("The Cuban prisoners.\n\n")  # the heading's text, without its markup


def test_read_source_title_falls_back_to_stem_for_a_sentence(tmp_path):
    path = tmp_path / "cuba_prisoner-release.txt"
    path.write_text(ENGLISH)
    assert read_source(path)[0].title == "Cuba prisoner release"


def test_guess_title_skips_wrapped_prose():
    text = "Cuba said on Tuesday it would release\nprisoners after talks with the Vatican.\n"
    assert guess_title(text, "cuba") == "Cuba"


def test_read_source_explicit_title_and_encoding(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("The café opened in the spring of 1998.".encode("latin-1"))
    source, _ = read_source(path, encoding="latin-1", title="Cafés")
    assert source.title == "Cafés" and source.text == "The café opened in the spring of 1998."


def test_read_source_missing_file(tmp_path):
    path = tmp_path / "missing.txt"
    assert error_of(read_source, path) == f"{path}: no such file"


def test_read_source_directory(tmp_path):
    assert error_of(read_source, tmp_path) == f"{tmp_path}: is a directory, not a file"


def test_read_source_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(ENGLISH)

    def deny(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert error_of(read_source, path) == f"{path}: permission denied"


def test_read_source_errors_name_the_path(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"caf\xe9")
    assert error_of(read_source, path).startswith(f"{path}: not valid UTF-8 at line 1")


# -- iter_input_paths and unique_ids ------------------------------------------------------


def test_directory_yields_text_files_sorted_and_warns_about_the_rest(tmp_path):
    for rel in ["b.txt", "a.md", "sub/c.html", "sub/d.TXT", "z.text", "photo.png", "sub/logo.jpg", "notes.markdown"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x")
    paths, warnings = iter_input_paths([tmp_path])
    rel = [p.relative_to(tmp_path).as_posix() for p in paths]
    assert rel == ["a.md", "b.txt", "notes.markdown", "sub/c.html", "sub/d.TXT", "z.text"]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{tmp_path}: skipped 2 non-text files (e.g. photo.png, sub/logo.jpg)")


def test_directory_skips_hidden_files_and_directories_silently(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("x")
    (tmp_path / ".draft.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    assert iter_input_paths([tmp_path]) == ([tmp_path / "a.txt"], [])


def test_named_file_is_taken_whatever_its_suffix(tmp_path):
    path = tmp_path / "README"
    path.write_text("x")
    assert iter_input_paths([str(path)]) == ([path], [])


def test_missing_input_path_is_an_error(tmp_path):
    missing = tmp_path / "nope"
    assert error_of(iter_input_paths, [missing]) == f"{missing}: no such file or directory"


def test_same_file_given_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    paths, warnings = iter_input_paths([tmp_path / "a.txt", tmp_path])
    assert paths == [tmp_path / "a.txt"]
    assert warnings == [f"{tmp_path / 'a.txt'}: given more than once; read once"]


def test_empty_directory_warns(tmp_path):
    assert iter_input_paths([tmp_path]) == ([], [f"{tmp_path}: no text files found"])


def test_unique_ids_number_duplicate_stems_in_input_order():
    paths = ["a/notes.txt", "b/notes.md", "c/intro.txt", "d/notes.html"]
    assert unique_ids(paths) == ["notes", "notes-2", "intro", "notes-3"]


def test_unique_ids_never_take_another_files_stem():
    assert unique_ids(["a/x.txt", "b/x.txt", "c/x-2.txt"]) == ["x", "x-3", "x-2"]


def test_unique_ids_ignore_case():
    assert unique_ids(["a/Notes.txt", "b/notes.txt"]) == ["Notes", "notes-2"]


# -- read_jsonl_sources -------------------------------------------------------------------


def test_jsonl_yields_sources_and_skips_blank_lines(tmp_path):
    path = tmp_path / "texts.jsonl"
    lines = [
        json.dumps({"id": "cuba", "title": "Cuba", "text": ENGLISH}),
        "",
        "   ",
        json.dumps({"id": "notitle", "text": "Heading line\n\n" + ENGLISH, "url": "ignored"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    sources = list(read_jsonl_sources(path))
    assert [(s.id, s.title) for s in sources] == [("cuba", "Cuba"), ("notitle", "Heading line")]
    assert sources[0] == Source.from_text(ENGLISH, id="cuba", title="Cuba")


def test_jsonl_normalises_text_and_reports_warnings():
    warnings: list[str] = []
    f = io.StringIO(json.dumps({"id": "x", "text": "a\r\nb\x07"}) + "\n")
    f.name = "in.jsonl"
    (source,) = read_jsonl_sources(f, on_warning=warnings.append)
    assert source.text == "a\nb "
    assert warnings == ["in.jsonl: line 1: replaced 1 control character with spaces"]


def test_jsonl_bad_json_names_the_line(tmp_path):
    path = tmp_path / "texts.jsonl"
    path.write_text(json.dumps({"id": "a", "text": ENGLISH}) + "\n\n{not json}\n")
    message = error_of(list, read_jsonl_sources(path))
    assert message.startswith(f"{path}: line 3: not valid JSON")


@pytest.mark.parametrize(
    "record, problem",
    [
        ([1, 2], "expected a JSON object"),
        ({"text": "x"}, '"id" must be a non-empty string'),
        ({"id": "a"}, '"text" must be a string'),
        ({"id": "a", "text": "x", "title": 3}, '"title" must be a string or null'),
        ({"id": "a", "text": " \n "}, "text contains only whitespace"),
    ],
)
def test_jsonl_bad_record_names_the_line(record, problem):
    f = io.BytesIO(json.dumps(record).encode() + b"\n")
    f.name = "in.jsonl"
    message = error_of(list, read_jsonl_sources(f))
    assert message.startswith("in.jsonl: line 1: ") and problem in message


def test_jsonl_duplicate_id_names_both_lines():
    f = io.StringIO('{"id": "a", "text": "one"}\n{"id": "a", "text": "two"}\n')
    f.name = "in.jsonl"
    assert error_of(list, read_jsonl_sources(f)) == "in.jsonl: line 2: duplicate id 'a' (first on line 1)"


def test_jsonl_streams_sources_before_a_later_bad_line():
    def lines():
        yield '{"id": "a", "text": "one"}\n'
        raise AssertionError("read past the first line before yielding it")

    sources = read_jsonl_sources(lines())
    assert next(sources).id == "a"


def test_jsonl_missing_file_fails_at_the_call(tmp_path):
    path = tmp_path / "missing.jsonl"
    assert error_of(read_jsonl_sources, path) == f"{path}: no such file"


def test_jsonl_skips_a_text_that_is_not_english_with_a_warning():
    warnings: list[str] = []
    lines = [json.dumps({"id": "fr", "text": FRENCH}), json.dumps({"id": "en", "text": ENGLISH})]
    sources = list(read_jsonl_sources(lines, on_warning=warnings.append))
    assert [s.id for s in sources] == ["en"]
    assert warnings == ["<jsonl>: line 1: does not look like English; only English is supported; "
                        "no questions made from it; skipped"]

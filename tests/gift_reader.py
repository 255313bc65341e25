"""A strict reader of Moodle GIFT, for checking quizgen's GIFT export.

It reads a file the way Moodle's own importer does (``question/format/gift/format.php``,
``qformat_gift``): questions are separated by blank lines, ``//`` lines are comments, the escaped
characters ``\\~ \\= \\# \\{ \\} \\: \\\\`` and ``\\n`` are set aside first, then a question is split at
its answer block ``{...}``: an optional ``::title::``, an optional ``[format]``, the text before
and after the block, answers starting with ``=`` (right) or ``~`` (wrong), each with an optional
``#feedback``, and the general feedback after ``####``.

It is stricter than Moodle, so that anything Moodle might read differently fails the test:
exactly one answer block, no other unescaped ``{ } ~ = #`` outside it, no backslash before any
other character, a known format, at least one right answer, and (for multiple choice) exactly
one. Written for quizgen's tests instead of depending on a third-party GIFT parser: the one on
PyPI (pygiftparser 1.1) ends an answer block at an escaped ``\\}`` and pins Markdown below 3.1.
"""

from __future__ import annotations

import re

ESCAPES = {"\\\\": "\\", "\\:": ":", "\\#": "#", "\\=": "=", "\\{": "{", "\\}": "}", "\\~": "~", "\\n": "\n",
           "\\*": "\\*"}  # "\\*" stays: in a short answer it is Moodle's literal (not wildcard) star
FORMATS = {"plain", "html", "moodle", "markdown"}


class GiftError(ValueError):
    """The text is not GIFT that Moodle would read as intended."""


def _hide(text: str) -> tuple[str, list[str]]:
    """Replace each escape by a private-use placeholder; an unknown escape is an error."""
    kept: list[str] = []

    def sub(m: re.Match) -> str:
        esc = m.group(0)
        if esc not in ESCAPES:
            raise GiftError(f"unknown escape {esc!r}")
        kept.append(ESCAPES[esc])
        return f"\ue000{len(kept) - 1}\ue001"

    return re.sub(r"\\.", sub, text, flags=re.S), kept


def _show(text: str, kept: list[str]) -> str:
    return re.sub("\ue000(\\d+)\ue001", lambda m: kept[int(m.group(1))], text)


def questions(gift: str) -> list[str]:
    """The question texts of a GIFT file: comment lines dropped, split at blank lines."""
    out = []
    for chunk in re.split(r"\n[ \t]*\n", gift):
        lines = [ln for ln in chunk.splitlines() if not ln.lstrip().startswith("//")]
        if "".join(lines).strip():
            out.append("\n".join(lines))
    return out


def read_question(question: str) -> dict:
    """One question: ``{"title", "format", "before", "after", "answers": [(mark, text, feedback)],
    "feedback", "type"}``, with every escape resolved; raises :class:`GiftError`."""
    text, kept = _hide(question)
    title = None
    m = re.match(r"\s*::(.*?)::", text, re.S)
    if m:
        title, text = m.group(1), text[m.end():]
    fmt = None
    m = re.match(r"\s*\[(\w+)\]", text)
    if m:
        fmt, text = m.group(1), text[m.end():]
        if fmt not in FORMATS:
            raise GiftError(f"unknown format [{fmt}]")
    if text.count("{") != 1 or text.count("}") != 1 or text.index("{") > text.index("}"):
        raise GiftError("not exactly one answer block {...} (an unescaped brace?)")
    start, end = text.index("{"), text.index("}")
    outside = text[:start] + text[end + 1:]
    if re.search(r"[~=#]", outside):
        raise GiftError(f"unescaped ~ = or # outside the answer block: {_show(outside, kept)!r}")
    block = text[start + 1:end]
    feedback = None
    if "####" in block:
        block, feedback = block.split("####", 1)
        if re.search(r"[~=#]", feedback):
            raise GiftError("unescaped ~ = or # in the general feedback")
    if block.strip() and block.strip()[0] not in "=~":
        raise GiftError(f"the answer block does not start with = or ~: {_show(block, kept)!r}")
    answers = []
    for m in re.finditer(r"([=~])([^=~]*)", block):
        body, _, fb = m.group(2).partition("#")
        if "#" in fb:
            raise GiftError("two feedback marks in one answer")
        answers.append((m.group(1), _show(body.strip(), kept), _show(fb.strip(), kept) if fb else None))
    right = [a for a in answers if a[0] == "="]
    if not right:
        raise GiftError("no right answer")
    qtype = "multichoice" if any(a[0] == "~" for a in answers) else "shortanswer"
    if qtype == "multichoice" and len(right) != 1:
        raise GiftError("multiple choice with more than one right answer")
    return {
        "title": _show(title, kept) if title is not None else None,
        "format": fmt,
        "before": " ".join(_show(text[:start], kept).split()),
        "after": " ".join(_show(text[end + 1:], kept).split()),
        "answers": answers,
        "feedback": " ".join(_show(feedback, kept).split()) if feedback is not None else None,
        "type": qtype,
    }


def read_gift(gift: str) -> list[dict]:
    """Every question of a GIFT file, read strictly (:func:`read_question`)."""
    return [read_question(q) for q in questions(gift)]

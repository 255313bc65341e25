"""Export a :class:`~quizgen.models.Quiz` as one self-contained teacher review page.

The page (``templates/review/page.html`` with ``review.js`` and ``review.css``
inlined) shows every source text with each quizzed answer span highlighted and
linked to its questions, and every question as a student sees it. The teacher
keeps or rejects each question (with a reason), edits prompts, replaces
distractors and writes notes, then "Save decisions" downloads
``decisions.json`` (schema 1.0: the format ``quizgen generate --decisions``
reads).

It is built exactly like the quiz player (:mod:`quizgen.export.html`): the
quiz is embedded as escaped JSON, a strict Content-Security-Policy allows only
the one inline script and style by their hashes (and requires Trusted Types),
nothing is loaded from the network, and the script only ever inserts text as
DOM text nodes. The output is deterministic.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

from quizgen._version import __version__
from quizgen.export.fileio import PathLike, write_text
from quizgen.export.html import content_security_policy, embed_json
from quizgen.models import Quiz
from quizgen.resources import templates_dir

REVIEW_JS = "review.js"
REVIEW_CSS = "review.css"
PAGE_HTML = "page.html"

_PLACEHOLDER = re.compile(r"\{\{([A-Z]+)\}\}")


def review_dir() -> Path:
    """The folder that holds the review page's files (``templates/review``)."""
    return Path(str(templates_dir() / "review"))


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (review_dir() / name).read_text(encoding="utf-8")


def review_js() -> str:
    """The review page's script, as shipped in ``templates/review/review.js``."""
    return _asset(REVIEW_JS)


def review_css() -> str:
    """The review page's stylesheet, as shipped in ``templates/review/review.css``."""
    return _asset(REVIEW_CSS)


def review_page(quiz: Quiz) -> str:
    """The teacher review page for ``quiz``: one HTML file, no network access."""
    js, css = review_js(), review_css()
    if re.search(r"</script", js, re.IGNORECASE) or re.search(r"</style", css, re.IGNORECASE):
        raise ValueError("review page assets must not contain a closing script or style tag")
    title = " ".join(quiz.title.split()) or "Quiz"
    values = {
        "LANG": "en",
        "CSP": html.escape(content_security_policy(js, css), quote=True),
        "GENERATOR": html.escape(f"quizgen {__version__}", quote=True),
        "TITLE": html.escape(f"Review: {title}", quote=False),
        "CSS": css,
        "JS": js,
        "DATA": embed_json(quiz),
    }
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset(PAGE_HTML))


def write_review(quiz: Quiz, path: PathLike) -> None:
    """Write the review page for ``quiz`` to ``path`` (atomically; ``-`` is standard output)."""
    write_text(path, review_page(quiz))

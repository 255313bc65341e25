"""Long texts in parts: a text longer than :data:`SEGMENT_CHARS` is parsed and asked about in parts.

spaCy's parser needs memory in proportion to the length of *one* text (about 3.4 GB for a
single 1 MB Doc with ``en_core_web_sm``), so a 20 MB text parsed whole does not fit in memory,
and one huge Doc cannot be shared between worker processes. :func:`split_text` cuts such a text
into consecutive parts of at most :data:`SEGMENT_CHARS` characters, at a paragraph break if the
second half of the window has one, else at a line break, else after a sentence end, else at a
space (a hard cut only when 25,000 characters hold no space at all). The parts are exact slices:
joined, they are the text.

:class:`Segmenter` sits between the sources and the question builder
(:func:`quizgen.pipeline.iter_quizzes`): it hands on a short source unchanged, a long one as its
parts (each a :class:`~quizgen.models.Source` with the same id and title), and joins the
questions of the parts back into the questions of the whole text: offsets shifted back into the
whole text (so the grounding invariant holds on the stored text), ids kept unique, a question whose
prompt an earlier, better one already asks dropped, ``max_per_source`` applied over the whole
text, reading order. Facts are found and ranked within a part, so entity consolidation
("Joe Biden" ... "Biden") and the rank filters do not reach across parts; texts up to
:data:`SEGMENT_CHARS` characters, i.e. nearly every article, are not affected at all.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Callable, Iterable, Iterator, Optional

from quizgen.models import Question, Source

#: Texts longer than this many characters are processed in parts of at most this size.
SEGMENT_CHARS = 50_000

PartProgress = Callable[[Source, int, int], None]

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s")


def split_text(text: str, limit: Optional[int] = None) -> list[int]:
    """The start offsets of the parts of ``text`` (always beginning with 0); one part if it is short."""
    limit = SEGMENT_CHARS if limit is None else limit
    if limit < 2:
        raise ValueError("limit must be at least 2")
    starts = [0]
    start = 0
    n = len(text)
    while n - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = text.rfind("\n\n", lo, hi)
        if cut != -1:
            cut += 2
        else:
            cut = text.rfind("\n", lo, hi)
            if cut != -1:
                cut += 1
            else:
                last = None
                for last in _SENTENCE_END.finditer(text, lo, hi):
                    pass
                if last is not None:
                    cut = last.end()
                else:
                    cut = text.rfind(" ", lo, hi)
                    cut = hi if cut == -1 else cut + 1
        starts.append(cut)
        start = cut
    return starts


class Segmenter:
    """Split sources into parts for the question builder, and join the parts' questions again.

    >>> seg = Segmenter(sources)                                  # doctest: +SKIP
    >>> pairs = questions_for_sources(seg.parts(), ...)           # doctest: +SKIP
    >>> for source, questions in seg.join(pairs): ...             # doctest: +SKIP

    ``parts()`` is lazy (it reads ``sources`` only as fast as the builder asks), and ``join``
    expects the pairs of the parts in the order ``parts()`` gave them.
    """

    def __init__(self, sources: Iterable[Source], *, limit: Optional[int] = None,
                 max_per_source: Optional[int] = None, on_part: Optional[PartProgress] = None) -> None:
        self._sources = sources
        self._limit = SEGMENT_CHARS if limit is None else limit
        self._max = max_per_source
        self._on_part = on_part
        self._groups: deque[tuple[Source, list[int]]] = deque()

    def parts(self) -> Iterator[Source]:
        for src in self._sources:
            starts = split_text(src.text, self._limit) if len(src.text) > self._limit else [0]
            self._groups.append((src, starts))
            if len(starts) == 1:
                yield src
                continue
            ends = starts[1:] + [len(src.text)]
            for a, b in zip(starts, ends):
                yield Source.from_text(src.text[a:b], id=src.id, title=src.title)

    def join(self, pairs: Iterable[tuple[Source, list[Question]]]) -> Iterator[tuple[Source, list[Question]]]:
        it = iter(pairs)
        for part, qs in it:
            src, starts = self._groups.popleft()
            if len(starts) == 1:
                yield src, qs
                continue
            done = [(0, qs)]
            if self._on_part:
                self._on_part(src, 1, len(starts))
            for k, offset in enumerate(starts[1:], start=2):
                part, qs = next(it)
                done.append((offset, qs))
                if self._on_part:
                    self._on_part(src, k, len(starts))
            yield src, join_questions(done, self._max)


def join_questions(parts: list[tuple[int, list[Question]]], max_per_source: Optional[int] = None) -> list[Question]:
    """The questions of a whole text from its parts' questions: ``(part offset, questions)`` in order."""
    from quizgen.grounding import normalise

    shifted: list[Question] = []
    used: set[str] = set()
    for offset, qs in parts:
        for q in qs:
            qid, n = q.id, 2
            while qid in used:  # the same sentence in two parts
                qid = f"{q.id}-{n}"
                n += 1
            used.add(qid)
            shifted.append(q.model_copy(update={
                "id": qid,
                "answer": q.answer.model_copy(update={"start": q.answer.start + offset, "end": q.answer.end + offset}),
                "evidence": q.evidence.model_copy(update={"start": q.evidence.start + offset,
                                                          "end": q.evidence.end + offset}),
            }))
    kept: list[Question] = []
    prompts: set[str] = set()
    for q in sorted(shifted, key=lambda q: (-q.score, q.answer.start, q.format)):
        p = normalise(q.prompt)
        if p in prompts:
            continue
        prompts.add(p)
        kept.append(q)
        if max_per_source is not None and len(kept) >= max_per_source:
            break
    kept.sort(key=lambda q: (q.answer.start, q.answer.end, q.format))
    return kept

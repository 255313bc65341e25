"""Beyond one machine: quizgen over a Dask cluster (``dask.bag`` on ``dask.distributed``).

The unit of work is a *partition* of sources. :func:`quizzes_for_partition` turns one
partition into one quiz per source, exactly as a local run does (the same
:func:`quizgen.pipeline.iter_quizzes`), and :func:`merge_quizzes` joins the per-source
quizzes, in order, into the quiz a local :func:`quizgen.generate_sources` run gives. Each
worker process loads the spaCy model once (:func:`quizgen.nlp.model.load_model` is cached per
process) and keeps it for every partition it is given.

On one machine (what the tests run)::

    from dask.distributed import Client, LocalCluster
    import quizgen
    from quizgen.run.cluster import generate_on_dask

    with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster):
        quiz = generate_on_dask(sources, npartitions=8, title="News")

On a real cluster the same code runs unchanged: start ``dask scheduler`` on one host and
``dask worker tcp://SCHEDULER:8786 --nworkers N --nthreads 1`` on each worker host (each
with ``pip install quizgen 'dask[distributed]'``), then connect with
``Client("tcp://SCHEDULER:8786")``. For a corpus that lives in storage the workers can
read, give them the file names, not the texts::

    import json, dask.bag as db
    bag = db.read_text("s3://bucket/corpus-*.jsonl").map(json.loads)   # {"id", "title", "text"}
    quizzes = generate_bag(bag, formats=["short_answer", "cloze"])       # a bag of Quiz
    quizzes.map(lambda q: q.to_json(indent=None)).to_textfiles("s3://bucket/quizzes-*.jsonl")
    quiz = merge_quizzes(quizzes.compute())                               # or one quiz

Use one thread per worker process (``threads_per_worker=1`` / ``--nthreads 1``): a spaCy
pipeline is not meant to be called from several threads at once, and parsing is
CPU-bound, so processes, not threads, are what scale.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Sequence, Union

from quizgen.models import Quiz, Source
from quizgen.pipeline import DEFAULT_FORMATS, DEFAULT_MIN_SCORE, iter_quizzes, merge_quizzes
from quizgen.questions.templates_data import Templates

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag

SourceLike = Union[Source, Mapping[str, Any]]

__all__ = ["quizzes_for_partition", "generate_bag", "generate_on_dask", "merge_quizzes"]


def _sources(partition: Iterable[SourceLike]) -> Iterable[Source]:
    """Sources as they are, and ``{"id", "title", "text"}`` dicts read by the JSON Lines rules."""
    from quizgen.read.sources import read_jsonl_sources

    items = list(partition)
    if all(isinstance(x, Source) for x in items):
        return items
    lines = (x.model_dump_json() if isinstance(x, Source) else json.dumps(dict(x)) for x in items)
    return read_jsonl_sources(lines)


def quizzes_for_partition(
    partition: Iterable[SourceLike],
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    min_score: float = DEFAULT_MIN_SCORE,
    max_per_source: Optional[int] = None,
    templates: Optional[Templates] = None,
    cache: Any = False,
) -> list[Quiz]:
    """One quiz per source of ``partition``, in order: what a worker runs for each partition.

    ``partition`` holds :class:`~quizgen.models.Source` objects or ``{"id", "title", "text"}``
    dicts (normalised like ``--jsonl-in`` lines). ``cache`` is as for
    :func:`quizgen.pipeline.iter_quizzes` (a path every worker can write, or False).
    """
    return list(iter_quizzes(_sources(partition), formats=formats, min_score=min_score,
                             max_per_source=max_per_source, templates=templates, jobs=1, cache=cache))


def generate_bag(bag: "dask.bag.Bag", **options: Any) -> "dask.bag.Bag":
    """A bag of per-source quizzes from a bag of sources (``options`` as :func:`quizzes_for_partition`)."""
    return bag.map_partitions(quizzes_for_partition, **options)


def generate_on_dask(
    sources: Iterable[SourceLike],
    *,
    npartitions: Optional[int] = None,
    title: Optional[str] = None,
    **options: Any,
) -> Quiz:
    """The quiz :func:`quizgen.generate_sources` gives, computed on the current Dask scheduler.

    With a :class:`dask.distributed.Client` active, the partitions run on its workers;
    without one, on Dask's local scheduler. ``npartitions`` defaults to Dask's choice.
    """
    import dask.bag as db

    items = list(sources)
    bag = db.from_sequence(items, npartitions=npartitions) if npartitions else db.from_sequence(items)
    return merge_quizzes(generate_bag(bag, **options).compute(), title=title)

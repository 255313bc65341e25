"""quizgen on a Dask cluster gives the quiz a local run gives (quizgen.run.cluster)."""

from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import quizgen  # noqa: E402
from quizgen.run.cluster import generate_bag, generate_on_dask, merge_quizzes, quizzes_for_partition  # noqa: E402
from quizgen.read.sources import read_source  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "tests" / "texts").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def sources():
    return [read_source(p)[0] for p in TEXTS]


@pytest.fixture(scope="module")
def serial(sources):
    return quizgen.generate_sources(sources, title="Texts")


def test_a_partition_gives_one_quiz_per_source_in_order(sources, serial):
    quizzes = quizzes_for_partition(sources[:3])
    assert [q.sources[0].id for q in quizzes] == [s.id for s in sources[:3]]
    n = sum(len(q.questions) for q in quizzes)
    assert [q for x in quizzes for q in x.questions] == serial.questions[:n]


def test_a_partition_of_jsonl_records_is_read_like_jsonl_in(sources):
    records = [{"id": s.id, "title": s.title, "text": s.text.replace("\n", "\r\n")} for s in sources[:2]]
    quizzes = quizzes_for_partition(records)
    assert [q.sources[0] for q in quizzes] == sources[:2]  # CRLF normalised, sha256 of the stored text


def test_merge_refuses_a_source_id_twice(sources):
    from quizgen.errors import InputError

    one = quizzes_for_partition(sources[:1])
    with pytest.raises(InputError, match="duplicate"):
        merge_quizzes(one + one)


def test_a_local_cluster_of_two_worker_processes_gives_the_serial_quiz(sources, serial):
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        quiz = generate_on_dask(sources, npartitions=3, title="Texts")
        workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2
    assert quiz.to_json() == serial.to_json()


def test_generate_bag_on_the_local_scheduler(sources, serial):
    import dask.bag as db

    bag = generate_bag(db.from_sequence(sources, npartitions=2))
    assert merge_quizzes(bag.compute(scheduler="sync"), title="Texts").to_json() == serial.to_json()

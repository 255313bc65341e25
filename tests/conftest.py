import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "tests" / "texts").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory):
    """Every test (and every process a test starts) uses a cache of its own, never the user's ~/.cache."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("QUIZGEN_CACHE_DIR", str(tmp_path_factory.mktemp("quizgen-cache")))
        yield


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "seeds" / "cuba-prisoner-release.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_quiz(seed_text):
    import quizgen

    return quizgen.generate(seed_text, source_id="cuba-prisoner-release", title="Cuba to release 553 prisoners")


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((ROOT / "tests" / "data" / "cuba-prisoner-release.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus_quiz():
    """One quiz over every text the project ships (test texts and seeds)."""
    import quizgen
    from quizgen.read.sources import read_source

    return quizgen.generate_sources([read_source(p)[0] for p in TEXTS], title="corpus")


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true", default=False,
                     help="also run the tests marked slow (each takes more than two minutes)")


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than two minutes; skipped unless --run-slow is given")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow (more than two minutes): run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)

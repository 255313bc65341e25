"""Where the data files live: ``templates/`` at the top of a source checkout, or the
``quizgen.templates`` package that a wheel installs from the same folder."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Union

Traversable = Union[Path, "resources.abc.Traversable"]


@functools.lru_cache(maxsize=1)
def templates_dir() -> Traversable:
    checkout = Path(__file__).resolve().parent.parent / "templates"
    if (checkout / "questions.toml").is_file():
        return checkout
    return resources.files("quizgen.templates")


def read_template(*parts: str) -> str:
    node = templates_dir()
    for p in parts:
        node = node / p
    return node.read_text(encoding="utf-8")


def read_package_file(name: str) -> str:
    """A data file shipped inside the quizgen package itself (e.g. quiz.schema.json)."""
    return (resources.files("quizgen") / name).read_text(encoding="utf-8")

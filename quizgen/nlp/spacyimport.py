"""``import spacy`` without the command line that spaCy's ``__init__`` imports with it.

``spacy/__init__.py`` runs ``from quizgen.cli.info import info`` (to offer ``spacy.info()``), and
``spacy.cli`` imports every one of spaCy's commands: typer, weasel, requests, ssl and some
450 modules in all. That is 0.2 s of each process that parses (a third of ``import spacy``,
a fifth of import and model load together), and it sits on the critical path of every
worker pool (:mod:`quizgen.run.preload`). quizgen never runs spaCy's command line.

:func:`import_spacy` puts two stand-ins in ``sys.modules`` before it imports spaCy:

* ``spacy.cli``, whose ``__path__`` is the real package's folder (``import spacy.cli.download``
  imports the real submodule) and which imports the real package the first time anything
  else is read from it (``spacy.cli.download``, ``from spacy.cli import app``);
* ``spacy.cli.info``, whose ``info`` does the same and then calls the real ``spacy.info``.

So code in the same process that does use spaCy's command line still gets it, whole, on
first use. When spaCy is already imported (or ``spacy.cli`` is), this is a plain
``import spacy``: it never changes a spaCy that somebody else imported.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import threading
import types

_lock = threading.Lock()


class _DeferredModule(types.ModuleType):
    """A stand-in in ``sys.modules`` that imports the real ``spacy.cli`` when an attribute is read."""

    def __getattr__(self, name: str):
        if name.startswith("__") and name.endswith("__"):  # probes (__file__, __wrapped__ ...) load nothing
            raise AttributeError(name)
        _real_cli()
        return getattr(importlib.import_module(self.__name__), name)


def _real_cli() -> types.ModuleType:
    """Drop the stand-ins and import spaCy's real command line (once)."""
    with _lock:
        _drop_stand_ins()
        cli = importlib.import_module("spacy.cli")  # also sets spacy.cli to the real package
        spacy = sys.modules.get("spacy")
        if getattr(spacy, "info", None) is _info:
            spacy.info = importlib.import_module("spacy.cli.info").info
        return cli


def _drop_stand_ins() -> None:
    """Take the stand-ins out of ``sys.modules`` (the real modules, if imported, stay)."""
    for name in ("spacy.cli.info", "spacy.cli"):
        if isinstance(sys.modules.get(name), _DeferredModule):
            del sys.modules[name]


def _info(*args, **kwargs):
    """``spacy.info``: imports spaCy's command line, then runs its ``info``."""
    _real_cli()
    return importlib.import_module("spacy.cli.info").info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """``import spacy``, leaving ``spacy.cli`` to be imported when first used (see the module docstring)."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy

        return spacy
    spec = importlib.util.find_spec("spacy")
    cli_dirs = [os.path.join(loc, "cli") for loc in (spec.submodule_search_locations or ())] if spec else []
    if not any(os.path.isfile(os.path.join(d, "info.py")) for d in cli_dirs):  # not the layout we know
        import spacy

        return spacy
    cli = _DeferredModule("spacy.cli")
    cli.__path__ = cli_dirs
    info = _DeferredModule("spacy.cli.info")
    info.info = _info
    cli.info = info
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy
    except Exception:  # noqa: BLE001 - a spaCy that wants more of its command line at import: import it whole
        _drop_stand_ins()
        for name in [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    except BaseException:
        _drop_stand_ins()
        raise
    if not isinstance(vars(spacy).get("cli"), types.ModuleType):
        spacy.cli = cli  # what `import spacy.cli` binds; the import system sets it only when it loads a module
    return spacy

"""Imported once by the worker-starting server of :mod:`quizgen.parallel`: spaCy and the model, loaded.

On Linux, worker processes are forked from a server process (``forkserver``) that imported
this module first, so each worker starts with the English pipeline already in memory instead
of importing spaCy and loading the model itself (about 0.7 s each, all at once on every core).
Importing this module anywhere else loads the model too: it is meant for that server only.
"""

from __future__ import annotations

from .nlp import load_model

try:
    load_model()
except Exception:  # noqa: BLE001 - no model: each worker reports the ModelError itself, as without preload
    pass

"""Imported once by the worker-starting server of :mod:`quizgen.run.parallel`: spaCy and the model, loaded.

On Linux, worker processes are forked from a server process (``forkserver``) that imported
this module first, so each worker starts with the English pipeline already in memory instead
of importing spaCy and loading the model itself (about 0.7 s each, all at once on every core).
Importing this module anywhere else loads the model too: it is meant for that server only.

The server ends when the main process does. Python's own shutdown would then free the model
object by object (about 0.2 s), while the server still holds the main process's standard
output and error open, so a pipe reader (``quizgen generate ... | jq``) waits for it. The
server has nothing to save, so its exit is made immediate (:func:`os._exit` as the first
``atexit`` handler to run). Workers forked from it never run ``atexit``: they end with
``os._exit`` already.

Ctrl-C reaches the server too (it is in the command's process group), and the main process is
the one that answers it ("quizgen: interrupted"). The server ignores it from the start, as
multiprocessing's server does once it is running; otherwise a Ctrl-C during this import (the
first second of a run) printed the server's traceback under the main process's message.
"""

from __future__ import annotations

import atexit
import os
import signal

signal.signal(signal.SIGINT, signal.SIG_IGN)

from quizgen.nlp.model import load_model  # noqa: E402 - after the signal, which must hold for the whole import

try:
    load_model()
except Exception:  # noqa: BLE001 - no model: each worker reports the ModelError itself, as without preload
    pass

atexit.register(os._exit, 0)

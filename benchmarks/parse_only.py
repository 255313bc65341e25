"""The floor under ``quizgen generate``: load the spaCy model and parse the same texts, nothing else.

It reads its inputs exactly as the CLI does (:func:`quizgen.read.sources.iter_input_paths` and
:func:`quizgen.read.sources.read_source`), loads the same spaCy model once and parses every text
with ``nlp.pipe`` in the batches quizgen makes (:func:`quizgen.nlp.model.batches`). No facts,
questions or output.
``benchmarks/bench.py`` times this next to ``quizgen generate`` on the same inputs.

``--pipeline stock`` (the default) loads the model as spaCy ships it (``spacy.load``, all
its components, with quizgen's one-line-per-sentence rule added): the floor a user has
without quizgen. ``--pipeline quizgen`` loads quizgen's own pipeline
(:func:`quizgen.nlp.model.load_model`: the same annotation, with spaCy's attribute ruler and
lemmatizer replaced by the faster :mod:`quizgen.nlp.fastrules` and the matrix products on
numpy's BLAS instead of ``blis``): the difference to ``quizgen generate`` is then exactly
what quizgen adds beyond its parse. Either way the parse runs with numpy's BLAS on one
thread (:func:`quizgen.nlp.model.one_blas_thread`), as quizgen's does, so that both measure one core.

Run::

    python benchmarks/parse_only.py seeds/cuba-prisoner-release.txt
    python benchmarks/parse_only.py /work/shared/corpus/news-dev
    python benchmarks/parse_only.py --pipeline quizgen /work/shared/corpus/news-dev

It prints one line: files, characters, tokens, sentences and the seconds spent loading and
parsing (measured inside the process; bench.py measures the whole process from outside).
It ends as the ``quizgen`` command does (:func:`quizgen.cli.run`): with :func:`os._exit`,
without freeing the model object by object, so that neither side of a comparison pays that.
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", metavar="DIR_OR_FILES", help="text files or folders, as for quizgen generate")
    ap.add_argument("--pipeline", choices=("stock", "quizgen"), default="stock",
                    help="the model as spaCy loads it (default), or quizgen's faster pipeline of the same model")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    if args.pipeline == "stock":
        import spacy  # noqa: F401 - as a user's script imports it (quizgen defers spacy.cli: quizgen.nlp.spacyimport)
    from quizgen.nlp.model import batches, load_model, one_blas_thread
    from quizgen.read.sources import iter_input_paths, read_source

    paths, _warnings = iter_input_paths(args.inputs)
    texts = [read_source(p)[0].text for p in paths]
    t1 = time.perf_counter()
    nlp = load_model(fast=args.pipeline == "quizgen")
    t2 = time.perf_counter()
    n_tokens = n_sents = 0
    with one_blas_thread():
        for batch in batches(texts):
            for doc in nlp.pipe(batch, batch_size=len(batch)):
                n_tokens += len(doc)
                n_sents += sum(1 for _ in doc.sents)
    t3 = time.perf_counter()
    print(f"parse_only ({args.pipeline}): {len(texts)} files, {sum(map(len, texts))} chars, {n_tokens} tokens, {n_sents} sentences; "
          f"import+read {t1 - t0:.2f} s, model load {t2 - t1:.2f} s, parse {t3 - t2:.2f} s")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # as quizgen.cli.run: no object-by-object teardown of the model at exit

"""The floor under ``quizgen generate``: load the spaCy model and parse the same texts, nothing else.

It reads its inputs exactly as the CLI does (:func:`quizgen.reader.iter_input_paths` and
:func:`quizgen.reader.read_source`), loads the pipeline with :func:`quizgen.nlp.load_model`
(the same model and components, one load per process) and parses every text with
:func:`quizgen.nlp.parse_many` (``nlp.pipe`` in batches). No facts, questions or output.
``benchmarks/bench.py --issue2`` times this next to ``quizgen generate`` on the same inputs:
the difference is what quizgen itself costs.

Run::

    python benchmarks/parse_only.py seeds/cuba-prisoner-release.txt
    python benchmarks/parse_only.py /work/shared/corpus/news-dev

It prints one line: files, characters, tokens, sentences and the seconds spent loading and
parsing (measured inside the process; bench.py measures the whole process from outside).
"""

from __future__ import annotations

import argparse
import sys
import time


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", metavar="DIR_OR_FILES", help="text files or folders, as for quizgen generate")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    from quizgen.nlp import load_model, parse_many
    from quizgen.reader import iter_input_paths, read_source

    paths, _warnings = iter_input_paths(args.inputs)
    texts = [read_source(p)[0].text for p in paths]
    t1 = time.perf_counter()
    load_model()
    t2 = time.perf_counter()
    n_tokens = n_sents = 0
    for doc in parse_many(texts):
        n_tokens += len(doc)
        n_sents += sum(1 for _ in doc.sents)
    t3 = time.perf_counter()
    print(f"parse_only: {len(texts)} files, {sum(map(len, texts))} chars, {n_tokens} tokens, {n_sents} sentences; "
          f"import+read {t1 - t0:.2f} s, model load {t2 - t1:.2f} s, parse {t3 - t2:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

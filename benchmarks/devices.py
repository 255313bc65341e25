"""What each speed device saves: quizgen with one device switched off at a time, as whole processes.

    python benchmarks/devices.py                      # one article and the 150 texts, 3 runs each
    python benchmarks/devices.py --runs 5 --only seed

Devices (docs/performance.md, "The devices"), and how each is switched off here (by patching the
one function that installs it, in the process that runs the command):

* ``fastrules``   -- ``quizgen.nlp.model._use_fast_rules``: spaCy's own attribute ruler and lemmatizer;
* ``blas``        -- ``quizgen.nlp.model._use_numpy_blas``: the matrix products stay on ``blis``;
* ``spacyimport`` -- ``quizgen.nlp.spacyimport.import_spacy``: a plain ``import spacy``;
* ``early``       -- the command is run by ``quizgen.cli.main`` instead of ``quizgen.__main__.run``, so
  the worker server is not started before the options are read.

Each configuration runs ``quizgen generate INPUT --json OUT --no-cache`` (default ``--jobs``: one
worker per core, as a user runs it) on the seed article and on X5 (news-dev copied five times,
as ``bench.py --scale`` builds it), with runs of the configurations interleaved so that drift in
the machine's load hits all alike. Reports the median seconds and each device's saving: the
median with the device off, minus the median with everything on.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import make_x5  # noqa: E402

SEED = ROOT / "seeds" / "cuba-prisoner-release.txt"

PATCHES = {
    "all on": "",
    "fastrules off": "import quizgen.nlp.model as m; m._use_fast_rules = lambda nlp: None\n",
    "blas off": "import quizgen.nlp.model as m; m._use_numpy_blas = lambda nlp: None\n",
    "spacyimport off": ("import importlib, quizgen.nlp.spacyimport as s\n"
                        "s.import_spacy = lambda: importlib.import_module('spacy')\n"),
}
MAIN = "import sys\nfrom quizgen.__main__ import run\nsys.argv[0] = 'quizgen'\nrun()\n"
NO_EARLY = "import sys\nfrom quizgen.cli import main\nmain(sys.argv[1:])\n"


def command(config: str, inp: Path, out: Path) -> list[str]:
    code = NO_EARLY if config == "early off" else PATCHES[config] + MAIN
    return [sys.executable, "-c", code, "generate", str(inp), "--json", str(out), "--no-cache", "-q"]


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", choices=["seed", "x5"])
    args = ap.parse_args()
    configs = [*PATCHES, "early off"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inputs = {"seed": SEED, "x5": make_x5(tmp / "x5")}
        for name, inp in inputs.items():
            if args.only and name != args.only:
                continue
            times: dict[str, list[float]] = {c: [] for c in configs}
            for _ in range(args.runs):
                for c in configs:
                    times[c].append(timed(command(c, inp, tmp / "q.json")))
            base = statistics.median(times["all on"])
            print(f"{name} ({args.runs} runs each, median seconds):")
            for c in configs:
                med = statistics.median(times[c])
                saving = "" if c == "all on" else f"   the device saves {med - base:+.2f} s ({(med - base) / med:+.0%} of the run without it)"
                print(f"  {c:<16} {med:7.2f}  (min {min(times[c]):.2f}, max {max(times[c]):.2f}){saving}")


if __name__ == "__main__":
    main()

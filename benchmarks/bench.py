"""Wall-clock timing of the ``quizgen`` command line, measured as whole processes.

Every figure is the median of N runs (``--runs``, default 3) of a fresh process
(``sys.executable -m quizgen ...``), timed from outside with ``time.perf_counter`` around
``subprocess.run``, so interpreter start-up, imports, model load, parsing, generation and
writing the output all count -- what a user waits for.

Implemented
-----------
--issue2
    ``quizgen generate seeds/cuba-prisoner-release.txt --json OUT`` and
    ``quizgen generate /work/shared/corpus/news-dev --json OUT`` (the 30 BBC articles), each next
    to ``benchmarks/parse_only.py`` on the same inputs (load the same spaCy model, parse the same
    texts, nothing else). Runs alternate generate / parse_only so that drift in machine load
    hits both alike. Reports seconds (median, min, max) and the ratio generate / parse_only:
    how much quizgen costs on top of the spaCy parse it cannot avoid.
--memory
    Peak resident memory (``/usr/bin/time -v``, "Maximum resident set size") of one run of each
    of the commands above.
--startup
    ``quizgen --help`` and ``quizgen --version`` start-up time (spaCy must not be imported).

TODO (hooks only: the current CLI has no option to measure them; the flags are accepted
and print what is missing)
-----------------------------------------------------------------------------------------
--jobs      news-dev with ``--jobs 2`` against ``--jobs 1`` (needs a ``--jobs`` option).
--cache     news-dev generated twice with a parse cache, second (warm) run against the first
            (needs a cache in the CLI; the key would include ``quizgen.nlp.model_id()``).

Run::

    python benchmarks/bench.py --issue2                 # about a minute on 2 cores
    python benchmarks/bench.py --issue2 --memory --startup --runs 5 --json benchmarks/out/bench.json
    python benchmarks/bench.py --all

Outputs of the timed commands go to a temporary directory that is removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "cuba-prisoner-release.txt"
NEWS_DEV = Path("/work/shared/corpus/news-dev")
PARSE_ONLY = Path(__file__).resolve().parent / "parse_only.py"
TIME_BIN = "/usr/bin/time"


def quizgen_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "quizgen", *args]


def run_timed(cmd: list[str]) -> float:
    """Seconds of wall clock for one process; raises with its stderr when it fails."""
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    return dt


def summary(times: list[float]) -> dict:
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "runs": times}


def targets(tmp: Path) -> list[tuple[str, list[str], list[str]]]:
    """(name, generate command, parse-only command) for the issue-2 inputs."""
    out = []
    for name, inp in (("seed", SEED), ("news-dev", NEWS_DEV)):
        if not inp.exists():
            print(f"skipping {name}: {inp} not found", file=sys.stderr)
            continue
        gen = quizgen_cmd("generate", str(inp), "--json", str(tmp / f"{name}.json"))
        parse = [sys.executable, str(PARSE_ONLY), str(inp)]
        out.append((name, gen, parse))
    return out


def bench_issue2(runs: int, tmp: Path) -> dict:
    results = {}
    for name, gen, parse in targets(tmp):
        g, p = [], []
        for _ in range(runs):  # alternate, so load drift hits both
            g.append(run_timed(gen))
            p.append(run_timed(parse))
        gs, ps = summary(g), summary(p)
        ratio = gs["median"] / ps["median"]
        results[name] = {"generate": gs, "parse_only": ps, "ratio": ratio,
                         "generate_cmd": " ".join(gen[1:]), "parse_only_cmd": " ".join(parse[1:])}
        print(f"{name:<9} generate   {gs['median']:7.3f} s  (min {gs['min']:.3f}, max {gs['max']:.3f})")
        print(f"{'':<9} parse_only {ps['median']:7.3f} s  (min {ps['min']:.3f}, max {ps['max']:.3f})")
        print(f"{'':<9} ratio      {ratio:7.3f}   generate / parse_only; quizgen's own cost "
              f"{gs['median'] - ps['median']:.3f} s")
    return results


def peak_rss_mb(cmd: list[str]) -> float:
    proc = subprocess.run([TIME_BIN, "-v", *cmd], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    if not m:
        raise RuntimeError(f"no peak memory in {TIME_BIN} -v output")
    return int(m.group(1)) / 1024


def bench_memory(tmp: Path) -> dict:
    if not os.access(TIME_BIN, os.X_OK):
        print(f"memory: skipped, {TIME_BIN} not found", file=sys.stderr)
        return {}
    results = {}
    for name, gen, parse in targets(tmp):
        g, p = peak_rss_mb(gen), peak_rss_mb(parse)
        results[name] = {"generate_mb": g, "parse_only_mb": p}
        print(f"{name:<9} peak RSS   generate {g:7.1f} MB, parse_only {p:7.1f} MB")
    return results


def bench_startup(runs: int) -> dict:
    results = {}
    for label, args in (("--help", ["--help"]), ("--version", ["--version"])):
        s = summary([run_timed(quizgen_cmd(*args)) for _ in range(runs)])
        results[label] = s
        print(f"quizgen {label:<10} {s['median']:7.3f} s  (min {s['min']:.3f}, max {s['max']:.3f})")
    bare = summary([run_timed([sys.executable, "-c", "pass"]) for _ in range(runs)])
    results["python -c pass"] = bare
    print(f"python -c pass    {bare['median']:7.3f} s  (the interpreter alone)")
    return results


def todo(what: str, needs: str) -> dict:
    print(f"{what}: TODO, not measured -- {needs}")
    return {"todo": needs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--issue2", action="store_true", help="generate vs parse-only, seed and news-dev")
    ap.add_argument("--memory", action="store_true", help="peak RSS via /usr/bin/time -v")
    ap.add_argument("--startup", action="store_true", help="quizgen --help / --version start-up")
    ap.add_argument("--jobs", action="store_true", help="TODO: --jobs 2 vs 1 (CLI option missing)")
    ap.add_argument("--cache", action="store_true", help="TODO: warm cache re-run (CLI cache missing)")
    ap.add_argument("--all", action="store_true", help="everything implemented")
    ap.add_argument("--runs", type=int, default=3, metavar="N", help="runs per command, median reported (default 3)")
    ap.add_argument("--json", type=Path, default=None, metavar="OUT", help="also write the figures as JSON")
    args = ap.parse_args(argv)
    if args.all:
        args.issue2 = args.memory = args.startup = True
    if not (args.issue2 or args.memory or args.startup or args.jobs or args.cache):
        ap.error("choose at least one of --issue2, --memory, --startup, --all (or the TODO hooks --jobs, --cache)")

    import quizgen

    report: dict = {"quizgen_version": quizgen.__version__, "python": platform.python_version(),
                    "cpus": os.cpu_count(), "runs": args.runs}
    report["loadavg_before"] = os.getloadavg()
    print(f"quizgen {quizgen.__version__}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"median of {args.runs} runs; load average {report['loadavg_before'][0]:.2f} (timings are noisy "
          f"when it exceeds the CPU count)")
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as d:
        tmp = Path(d)
        if args.issue2:
            report["issue2"] = bench_issue2(args.runs, tmp)
        if args.memory:
            report["memory"] = bench_memory(tmp)
        if args.startup:
            report["startup"] = bench_startup(args.runs)
        if args.jobs:
            report["jobs"] = todo("jobs 2 vs 1", "quizgen generate has no --jobs option yet")
        if args.cache:
            report["cache"] = todo("cache re-run", "quizgen generate has no parse cache yet")
    report["loadavg_after"] = os.getloadavg()
    print(f"load average after: {report['loadavg_after'][0]:.2f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

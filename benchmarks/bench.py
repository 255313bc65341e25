"""Wall-clock timing of the ``quizgen`` command line, measured as whole processes.

Every figure is the median of N runs (``--runs``, default 3) of a fresh process
(``sys.executable -m quizgen ...``), timed from outside with ``time.perf_counter`` around
``subprocess.run``, so interpreter start-up, imports, model load, parsing, generation and
writing the output all count -- what a user waits for. The machine's load average is
printed before and after: on a shared machine with load above the CPU count, expect noise.

The parse cache (``$QUIZGEN_CACHE_DIR``) is pointed at a fresh, empty temporary directory
for every run that should be cold, so no figure depends on what an earlier run (or the
user's own cache) left behind; only ``--cache`` measures warm runs on purpose.

Figures
-------
--issue2
    ``quizgen generate seeds/cuba-prisoner-release.txt --json OUT`` and
    ``quizgen generate /work/shared/corpus/news-dev --json OUT`` (the 30 BBC articles),
    cold cache, default ``--jobs``, each next to ``benchmarks/parse_only.py`` on the same
    inputs (load the same spaCy model, parse the same texts in one process, nothing else).
    Runs alternate generate / parse_only so that drift in machine load hits both alike.
    Reports seconds (median, min, max) and the ratio generate / parse_only.
--jobs
    news-dev with ``--jobs 1`` against ``--jobs 2`` (cold cache), alternating; the speed-up.
--cache
    seed and news-dev: cold (empty cache) against warm (a cache filled by one earlier run).
--memory
    Peak resident memory of one cold run of each issue-2 command (``/usr/bin/time -v``,
    "Maximum resident set size": the largest single process, so with worker processes it
    is the biggest of them, not the sum).
--startup
    ``quizgen --help`` and ``quizgen --version`` start-up time (spaCy must not be imported).
--all
    All of the above.
--scale
    The five figures of issue "Speed and scale" (README, "Speed and scale"), on ``X5``: news-dev
    copied 5 times (150 texts), each copy with a last line of its own and of this run (so no
    cache answers), every cold run with an empty cache directory:
    1. ``quizgen generate X5 --json OUT --jobs 1`` against ``parse_only.py X5`` (target <= 1.15);
    2. ``--jobs 2`` against ``--jobs 1`` (target >= 1.7);
    3. a re-run on unchanged input (default options) against the first run (target >= 5x);
    4. peak RSS of ``quizgen generate --jsonl-in N.jsonl --jsonl OUT --jobs 1`` for 3,000 against
       300 generated sources (three sentences of news-dev and a line of their own each; target <= 1.3;
       ``/usr/bin/time`` is Debian's package ``time``: ``apt-get install time``);
    5. ``quizgen --help`` (target < 0.3 s);
    and a cProfile summary of ``quizgen generate X5 --json OUT --jobs 1 --no-cache`` by stage.
    Figure 1 also times ``parse_only.py --pipeline quizgen`` (quizgen's own, faster pipeline of
    the same model), so that what quizgen adds beyond its own parse is shown too.
    About 15-25 minutes on 2 cores; ``--only 1,2`` measures some of the figures.

--jobs and --cache detect the options in ``quizgen generate --help``; with a CLI that lacks
them they print a TODO line instead of a figure.

TODO
----
- peak memory of ``--jobs 2`` summed over the worker processes (needs a sampler, e.g. psutil).

Run::

    python benchmarks/bench.py --issue2                 # about a minute on 2 cores
    python benchmarks/bench.py --all --runs 5 --json benchmarks/out/bench.json
    python benchmarks/bench.py --scale --runs 3 --json benchmarks/out/scale.json

Outputs and caches of the timed commands go to a temporary directory removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pstats
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

#: What --scale measures; --only picks some of them.
SCALE_FIGURES = ("1", "2", "3", "4", "5", "profile")


class Runner:
    """Runs commands from the repository root, each cold run with a fresh empty cache directory."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.n = 0

    def fresh_cache(self) -> Path:
        self.n += 1
        d = self.tmp / f"cache-{self.n}"
        d.mkdir()
        return d

    def env(self, cache: Path | None) -> dict:
        env = dict(os.environ)
        env["QUIZGEN_CACHE_DIR"] = str(cache if cache is not None else self.fresh_cache())
        return env

    def timed(self, cmd: list[str], cache: Path | None = None) -> float:
        """Seconds of wall clock for one process; raises with its stderr when it fails."""
        env = self.env(cache)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        dt = time.perf_counter() - t0
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
        return dt

    def peak_rss_mb(self, cmd: list[str]) -> float:
        proc = subprocess.run([TIME_BIN, "-v", *cmd], cwd=ROOT, env=self.env(None),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
        if not m:
            raise RuntimeError(f"no peak memory in {TIME_BIN} -v output")
        return int(m.group(1)) / 1024


def quizgen_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "quizgen", *args]


def generate_options() -> str:
    """The text of ``quizgen generate --help`` (to detect --jobs / --no-cache)."""
    proc = subprocess.run(quizgen_cmd("generate", "--help"), cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, env={**os.environ, "COLUMNS": "200"})
    return proc.stdout


def summary(times: list[float]) -> dict:
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "runs": times}


def line(label: str, s: dict) -> str:
    return f"{label:<22}{s['median']:7.3f} s  (min {s['min']:.3f}, max {s['max']:.3f})"


def inputs() -> list[tuple[str, Path]]:
    out = []
    for name, inp in (("seed", SEED), ("news-dev", NEWS_DEV)):
        if inp.exists():
            out.append((name, inp))
        else:
            print(f"skipping {name}: {inp} not found", file=sys.stderr)
    return out


def gen_cmd(r: Runner, name: str, inp: Path, *extra: str) -> list[str]:
    return quizgen_cmd("generate", str(inp), "--json", str(r.tmp / f"{name}.json"), *extra)


def bench_issue2(r: Runner, runs: int) -> dict:
    results = {}
    for name, inp in inputs():
        gen, parse = gen_cmd(r, name, inp), [sys.executable, str(PARSE_ONLY), str(inp)]
        g, p = [], []
        for _ in range(runs):  # alternate, so load drift hits both
            g.append(r.timed(gen))
            p.append(r.timed(parse))
        gs, ps = summary(g), summary(p)
        ratio = gs["median"] / ps["median"]
        results[name] = {"generate": gs, "parse_only": ps, "ratio": ratio,
                         "generate_cmd": " ".join(gen[1:]), "parse_only_cmd": " ".join(parse[1:])}
        print(line(f"{name} generate", gs))
        print(line(f"{name} parse_only", ps))
        print(f"{name + ' ratio':<22}{ratio:7.3f}    generate / parse_only "
              f"(difference {gs['median'] - ps['median']:+.3f} s)")
    return results


def bench_jobs(r: Runner, runs: int, options: str) -> dict:
    if "--jobs" not in options:
        return todo("jobs 2 vs 1", "quizgen generate has no --jobs option")
    if not NEWS_DEV.exists():
        return todo("jobs 2 vs 1", f"{NEWS_DEV} not found")
    one, two = [], []
    for _ in range(runs):
        one.append(r.timed(gen_cmd(r, "news-dev", NEWS_DEV, "--jobs", "1")))
        two.append(r.timed(gen_cmd(r, "news-dev", NEWS_DEV, "--jobs", "2")))
    s1, s2 = summary(one), summary(two)
    speedup = s1["median"] / s2["median"]
    print(line("news-dev --jobs 1", s1))
    print(line("news-dev --jobs 2", s2))
    print(f"{'speed-up 2 vs 1':<22}{speedup:7.3f}x   (cold cache; {os.cpu_count()} CPUs)")
    return {"jobs1": s1, "jobs2": s2, "speedup": speedup}


def bench_cache(r: Runner, runs: int, options: str) -> dict:
    if "--no-cache" not in options:
        return todo("cache re-run", "quizgen generate has no parse cache")
    results = {}
    for name, inp in inputs():
        cmd = gen_cmd(r, name, inp)
        warm_dir = r.fresh_cache()
        r.timed(cmd, cache=warm_dir)  # fill it
        cold, warm = [], []
        for _ in range(runs):
            cold.append(r.timed(cmd))
            warm.append(r.timed(cmd, cache=warm_dir))
        cs, ws = summary(cold), summary(warm)
        results[name] = {"cold": cs, "warm": ws, "ratio": cs["median"] / ws["median"]}
        print(line(f"{name} cold cache", cs))
        print(line(f"{name} warm cache", ws))
        print(f"{name + ' cold / warm':<22}{cs['median'] / ws['median']:7.3f}x")
    return results


def bench_memory(r: Runner) -> dict:
    if not os.access(TIME_BIN, os.X_OK):
        return todo("memory", f"{TIME_BIN} not found")
    results = {}
    for name, inp in inputs():
        g = r.peak_rss_mb(gen_cmd(r, name, inp))
        p = r.peak_rss_mb([sys.executable, str(PARSE_ONLY), str(inp)])
        results[name] = {"generate_mb": g, "parse_only_mb": p}
        print(f"{name + ' peak RSS':<22}generate {g:6.1f} MB, parse_only {p:6.1f} MB (largest single process)")
    return results


def bench_startup(r: Runner, runs: int) -> dict:
    results = {}
    for label, args in (("--help", ["--help"]), ("--version", ["--version"])):
        s = summary([r.timed(quizgen_cmd(*args)) for _ in range(runs)])
        results[label] = s
        print(line(f"quizgen {label}", s))
    bare = summary([r.timed([sys.executable, "-c", "pass"]) for _ in range(runs)])
    results["python -c pass"] = bare
    print(line("python -c pass", bare) + "  the interpreter alone")
    return results


# -- speed and scale (--scale) ------------------------------------------------------------


def make_x5(dst: Path, copies: int = 5) -> Path:
    """news-dev copied ``copies`` times, each copy with a last line of its own (and of this run)."""
    nonce = f"{time.time_ns():x}"
    dst.mkdir(parents=True, exist_ok=True)
    for k in range(1, copies + 1):
        for f in sorted(NEWS_DEV.glob("*.txt")):
            text = f.read_text(encoding="utf-8").rstrip("\n")
            (dst / f"{f.stem}_{k}.txt").write_text(f"{text}\nCopy {k} of this article, benchmark run {nonce}.\n",
                                                   encoding="utf-8")
    return dst


def make_jsonl(path: Path, n: int) -> Path:
    """``n`` generated sources: three consecutive sentences of a news-dev text and a line of their own."""
    sentences: list[str] = []
    for f in sorted(NEWS_DEV.glob("*.txt")):
        body = " ".join(f.read_text(encoding="utf-8").split("\n")[1:])
        sentences += [x.strip() for x in re.split(r"(?<=[.!?])\s+", body) if len(x.strip()) > 40]
    nonce = f"{time.time_ns():x}"
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            j = (i * 7) % (len(sentences) - 3)
            text = " ".join(sentences[j:j + 3]) + f"\nItem {i + 1} of {n} was filed in run {nonce}.\n"
            out.write(json.dumps({"id": f"gen-{i + 1:05d}", "title": f"Generated {i + 1}", "text": text}) + "\n")
    return path


def profile_summary(r: Runner, x5: Path) -> dict:
    """Where the time of one cold ``--jobs 1 --no-cache`` run goes, by stage (cProfile)."""
    prof = r.tmp / "generate.prof"
    cmd = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "quizgen", "generate", str(x5),
           "--json", str(r.tmp / "x5.json"), "--jobs", "1", "--no-cache", "-q"]
    total = r.timed(cmd)
    st = pstats.Stats(str(prof))
    cum: dict = {}
    for (file, _line, fn), (_cc, _nc, _tt, ct, _callers) in st.stats.items():
        key = (Path(file).name, fn)
        cum[key] = max(ct, cum.get(key, 0.0))
    def c(file: str, fn: str) -> float:
        return cum.get((file, fn), 0.0)
    stages = {
        "model load (import spaCy, load en_core_web_sm)": c("nlp.py", "load_model"),
        "parse (Language.pipe)": c("language.py", "pipe"),
        "questions_for_doc, all": c("pipeline.py", "questions_for_doc"),
        "  facts (extract.py, entities.py)": c("extract.py", "facts_from_doc"),
        "  candidates (ask.py, syntax.py, distractors.py)": c("ask.py", "candidates"),
        "  spaCy Doc.text, called from those": c("doc.pyx", "__get__"),
        "write JSON": c("__init__.py", "write_json"),
    }
    print(f"{'profile':<22}{total:7.1f} s  generate X5 --json OUT --jobs 1 --no-cache under cProfile "
          "(which inflates Python-heavy code)")
    for k, v in stages.items():
        print(f"{'':<22}{v:7.2f} s  {k}")
    print(f"{'':<22}top functions by own time:")
    top = []
    for (file, lineno, fn), (_cc, nc, tt, ct, _callers) in sorted(st.stats.items(), key=lambda kv: -kv[1][2])[:10]:
        where = f"{Path(file).name}:{lineno}({fn})" if lineno else fn
        top.append({"function": where, "calls": nc, "own_s": tt, "cumulative_s": ct})
        print(f"{'':<22}{tt:7.2f} s own {ct:7.2f} s cum {nc:>9} calls  {where}")
    return {"total_s": total, "stages_s": stages, "top_own_time": top}


def bench_scale(r: Runner, runs: int, figures: tuple[str, ...] = SCALE_FIGURES) -> dict:
    if not NEWS_DEV.exists():
        return todo("scale", f"{NEWS_DEV} not found")
    x5 = make_x5(r.tmp / "news-dev-x5")
    out: dict = {"corpus": f"{NEWS_DEV} x5, {len(list(x5.glob('*.txt')))} texts"}

    def gen(*extra: str) -> list[str]:
        return quizgen_cmd("generate", str(x5), "--json", str(r.tmp / "x5.json"), "-q", *extra)

    # 1. generate --jobs 1 against parse only: the model as spaCy ships it (the figure), and
    #    quizgen's own faster pipeline of it (what quizgen adds beyond its own parse)
    if "1" in figures:
        g, p, q = [], [], []
        parse = [sys.executable, str(PARSE_ONLY), str(x5)]
        for _ in range(runs):
            g.append(r.timed(gen("--jobs", "1")))
            p.append(r.timed(parse))
            q.append(r.timed(parse + ["--pipeline", "quizgen"]))
        gs, ps, qs = summary(g), summary(p), summary(q)
        out["1_ratio"] = {"generate": gs, "parse_only": ps, "ratio": gs["median"] / ps["median"], "target": "<= 1.15",
                          "parse_only_quizgen_pipeline": qs, "ratio_to_own_parse": gs["median"] / qs["median"],
                          "cmd": "quizgen generate X5 --json OUT -q --jobs 1",
                          "parse_only_cmd": "benchmarks/parse_only.py X5 [--pipeline quizgen]"}
        print(line("1 X5 --jobs 1", gs))
        print(line("1 X5 parse (stock)", ps))
        print(line("1 X5 parse (quizgen)", qs))
        print(f"{'1 ratio':<22}{out['1_ratio']['ratio']:7.3f}    generate / stock parse (target <= 1.15)")
        print(f"{'1 ratio, own parse':<22}{out['1_ratio']['ratio_to_own_parse']:7.3f}    generate / quizgen's pipeline parse only")
    # 2. --jobs 2 against --jobs 1
    if "2" in figures:
        one, two = [], []
        for _ in range(runs):
            one.append(r.timed(gen("--jobs", "1")))
            two.append(r.timed(gen("--jobs", "2")))
        out["2_jobs"] = ratio_figure(("jobs1", "2 X5 --jobs 1", one), ("jobs2", "2 X5 --jobs 2", two),
                                     ("speedup", "2 speed-up"), ">= 1.7",
                                     "quizgen generate X5 --json OUT -q --jobs 2 (and --jobs 1)")
    # 3. re-run on unchanged input against the first run (default options: all cores, cache on)
    if "3" in figures:
        first, again = [], []
        for _ in range(runs):
            d = r.fresh_cache()
            first.append(r.timed(gen(), cache=d))
            again.append(r.timed(gen(), cache=d))
        out["3_rerun"] = ratio_figure(("first", "3 X5 first run", first), ("rerun", "3 X5 re-run", again),
                                      ("factor", "3 first / re-run"), ">= 5",
                                      "quizgen generate X5 --json OUT -q, twice on one cache directory")
    # 4. peak memory, 300 and 3,000 generated sources streamed
    if "4" in figures:
        if os.access(TIME_BIN, os.X_OK):
            mem = {}
            for n in (300, 3000):
                src = make_jsonl(r.tmp / f"gen-{n}.jsonl", n)
                mem[n] = r.peak_rss_mb(quizgen_cmd("generate", "--jsonl-in", str(src), "--jsonl",
                                                   str(r.tmp / f"gen-{n}.out.jsonl"), "--jobs", "1", "-q"))
                print(f"{f'4 peak RSS {n}':<22}{mem[n]:7.1f} MB  --jsonl-in/--jsonl --jobs 1")
            out["4_memory"] = {"peak_mb_300": mem[300], "peak_mb_3000": mem[3000], "ratio": mem[3000] / mem[300],
                               "target": "<= 1.3", "cmd": "quizgen generate --jsonl-in gen-N.jsonl --jsonl OUT --jobs 1 -q"}
            print(f"{'4 3000 / 300':<22}{out['4_memory']['ratio']:7.3f}    (target <= 1.3)")
        else:
            out["4_memory"] = todo("memory", f"{TIME_BIN} not found: apt-get install time (Debian's package 'time')")
    # 5. start-up
    if "5" in figures:
        h = summary([r.timed(quizgen_cmd("--help")) for _ in range(max(runs, 5))])
        out["5_help"] = {"help": h, "target": "< 0.3 s", "cmd": "quizgen --help"}
        print(line("5 quizgen --help", h) + "  (target < 0.3 s)")
    if "profile" in figures:
        out["profile"] = profile_summary(r, x5)
    return out


def ratio_figure(a: tuple, b: tuple, ratio: tuple, target: str, cmd: str) -> dict:
    """Print and return a figure that is the ratio of two medians: ``a`` and ``b`` are
    (key, label, seconds of each run), ``ratio`` is (key, label)."""
    (ka, la, ta), (kb, lb, tb), (kr, lr) = a, b, ratio
    sa, sb = summary(ta), summary(tb)
    out = {ka: sa, kb: sb, kr: sa["median"] / sb["median"], "target": target, "cmd": cmd}
    print(line(la, sa))
    print(line(lb, sb))
    print(f"{lr:<22}{out[kr]:7.3f}x   (target {target})")
    return out


def todo(what: str, needs: str) -> dict:
    print(f"{what}: TODO, not measured -- {needs}")
    return {"todo": needs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--issue2", action="store_true", help="generate vs parse-only, seed and news-dev (cold cache)")
    ap.add_argument("--jobs", action="store_true", help="news-dev --jobs 2 vs --jobs 1")
    ap.add_argument("--cache", action="store_true", help="cold vs warm parse cache")
    ap.add_argument("--memory", action="store_true", help="peak RSS via /usr/bin/time -v")
    ap.add_argument("--startup", action="store_true", help="quizgen --help / --version start-up")
    ap.add_argument("--scale", action="store_true", help="the five speed-and-scale figures on news-dev x5, and a profile")
    ap.add_argument("--all", action="store_true", help="everything except --scale")
    ap.add_argument("--only", default=",".join(SCALE_FIGURES), metavar="LIST",
                    help="with --scale: which figures, e.g. 1,2 (default: all and the profile)")
    ap.add_argument("--runs", type=int, default=3, metavar="N", help="runs per command, median reported (default 3)")
    ap.add_argument("--json", type=Path, default=None, metavar="OUT", help="also write the figures as JSON")
    args = ap.parse_args(argv)
    if args.all:
        args.issue2 = args.jobs = args.cache = args.memory = args.startup = True
    if not (args.issue2 or args.jobs or args.cache or args.memory or args.startup or args.scale):
        ap.error("choose at least one of --issue2, --jobs, --cache, --memory, --startup, --scale, --all")

    import quizgen

    options = generate_options()
    report: dict = {"quizgen_version": quizgen.__version__, "python": platform.python_version(),
                    "cpus": os.cpu_count(), "runs": args.runs, "loadavg_before": os.getloadavg()}
    print(f"quizgen {quizgen.__version__}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"median of {args.runs} runs; load average {report['loadavg_before'][0]:.2f} (timings are noisy "
          f"when it exceeds the CPU count)")
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as d:
        r = Runner(Path(d))
        if args.issue2:
            report["issue2"] = bench_issue2(r, args.runs)
        if args.jobs:
            report["jobs"] = bench_jobs(r, args.runs, options)
        if args.cache:
            report["cache"] = bench_cache(r, args.runs, options)
        if args.memory:
            report["memory"] = bench_memory(r)
        if args.startup:
            report["startup"] = bench_startup(r, args.runs)
        if args.scale:
            report["scale"] = bench_scale(r, args.runs, tuple(f.strip() for f in args.only.split(",")))
    report["loadavg_after"] = os.getloadavg()
    print(f"load average after: {report['loadavg_after'][0]:.2f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

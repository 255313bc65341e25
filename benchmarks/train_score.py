"""Fit the learned score (quizgen/questions/learned.py) on the blind-review verdicts in benchmarks/reviews/.

    python benchmarks/train_score.py                 # cross-validated report only
    python benchmarks/train_score.py --write         # ... and write quizgen/questions/score_weights.json

Each review folder holds a sheet (what the raters saw), two ratings files and the articles' paths
(``../shared/corpus/...``, needed here). An item is a positive example only when both raters accepted
it. A teacher's decisions count too: ``benchmarks/decisions_to_ratings.py QUIZ.json decisions.json
benchmarks/reviews/teacher-NAME`` writes a folder with one rater (the teacher) and the texts
(docs/decisions.md); put it under benchmarks/reviews/ or pass it with ``--also DIR``. The judged answer span is found in the article again (a cloze's sentence with its blank filled;
for a question, the mention of the answer in the sentence that shares most words with it), so items
judged under older rules still count. The model is a logistic regression with an L2 penalty, fitted
by Newton's method (numpy only); its penalty is chosen by cross-validation over articles (no article
in both the fitting and the scoring part), and the report shows calibration: acceptance per band of
the cross-validated probability, and what each --min-score floor would keep.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.questions import learned  # noqa: E402
from quizgen.facts.extract import facts_from_doc  # noqa: E402
from quizgen.questions.gate import doc_info  # noqa: E402
from quizgen.nlp.model import parse_many  # noqa: E402
from quizgen.read.sources import iter_file_sources  # noqa: E402

STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "was", "were", "is", "are", "did",
        "does", "do", "what", "who", "whom", "when", "where", "how", "many", "much", "which", "year", "by", "with"}


def is_review(d: Path) -> bool:
    """A review folder: blind reviews have two raters (ratings-1, ratings-2); a teacher's decisions
    (benchmarks/decisions_to_ratings.py) one, with a README saying so."""
    return (d / "sheet.jsonl").exists() and ((d / "ratings-2.jsonl").exists() or (
        (d / "ratings-1.jsonl").exists() and "decisions_to_ratings" in _read(d / "README.md")))


def _read(p: Path) -> str:
    return p.read_text(encoding="utf-8") if p.exists() else ""


def load_items(review_dirs: list[Path]) -> list[dict]:
    """The judged items of the folders; an item is accepted only when every rater of its folder accepted it.
    An article path is as written, or else relative to its folder (a teacher's folder keeps its texts)."""
    items = []
    for d in review_dirs:
        raters = [{r["item"]: r for r in map(json.loads, p.read_text().splitlines())}
                  for p in sorted(d.glob("ratings-*.jsonl"))]
        for line in (d / "sheet.jsonl").read_text().splitlines():
            it = json.loads(line)
            if any(it["item"] not in r for r in raters):
                continue
            it["label"] = int(all(bool(r[it["item"]]["acceptable"]) for r in raters))
            it["review"] = d.name
            if not Path(it["article"]).is_file() and (d / it["article"]).is_file():
                it["article"] = str(d / it["article"])
            items.append(it)
    return items


def locate(text: str, doc, it: dict) -> tuple[int, int, int] | None:
    """``(start, end, shown_start)`` of the judged answer in the text, or None."""
    answer, q = it["answer"], it["question"]
    if it["format"] == "cloze":
        filled = q.replace("_____", answer, 1)
        i = text.find(filled)
        if i < 0:
            return None
        a = i + q.index("_____")
        return a, a + len(answer), i
    words = {w for w in re.findall(r"[a-z0-9]+", q.lower()) if w not in STOP}
    best, best_score = None, -1
    for m in re.finditer(r"(?<!\w)" + re.escape(answer) + r"(?!\w)", text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent.text.lower()
        score = sum(1 for w in words if re.search(r"(?<!\w)" + re.escape(w), sent))
        if score > best_score:
            best, best_score = (m.start(), m.end(), None), score
    return best


def dataset(items: list[dict]):
    by_article = defaultdict(list)
    for it in items:
        by_article[it["article"]].append(it)
    absent = [p for p in by_article if not Path(p).is_file()]  # held-out texts kept outside the repository
    paths = sorted(p for p in by_article if Path(p).is_file())
    sources = [next(iter(iter_file_sources([Path(p)], on_warning=lambda m: None)[0])) for p in paths]
    rows, missed = [], sum(len(by_article[p]) for p in absent)
    for path, src, doc in zip(paths, sources, parse_many(s.text for s in sources)):
        _facts, entities = facts_from_doc(doc)
        info = doc_info(doc, entities, src.title)
        d = learned.DocFeatures(doc, info.topic_names, info.title_words)
        for it in by_article[path]:
            where = locate(src.text, doc, it)
            if where is None:
                missed += 1
                continue
            feats = d.features(where[0], where[1], it["format"], it["question"], where[2])
            if feats:
                rows.append((feats, it["label"], path, it))
            else:
                missed += 1
    return rows, missed


def fit(X: np.ndarray, y: np.ndarray, lam: float, iters: int = 50) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method; the bias (last column) is not penalised."""
    n, k = X.shape
    w = np.zeros(k)
    pen = np.full(k, lam)
    pen[-1] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(X @ w)))
        g = X.T @ (p - y) + pen * w
        H = (X * (p * (1 - p))[:, None]).T @ X + np.diag(pen) + 1e-9 * np.eye(k)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def auc(p: np.ndarray, y: np.ndarray) -> float:
    order = np.argsort(p)
    ranks = np.empty(len(p))
    ranks[order] = np.arange(1, len(p) + 1)
    pos = y == 1
    n1, n0 = pos.sum(), (~pos).sum()
    return float((ranks[pos].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def cross_validated(X, y, groups, lam, folds=5):
    keys = sorted(set(groups))
    fold_of = {g: i % folds for i, g in enumerate(sorted(keys, key=lambda g: hash_str(g)))}
    f = np.array([fold_of[g] for g in groups])
    p = np.zeros(len(y))
    for k in range(folds):
        w = fit(X[f != k], y[f != k], lam)
        p[f == k] = 1 / (1 + np.exp(-(X[f == k] @ w)))
    return p


def hash_str(s: str) -> int:
    import hashlib

    return int(hashlib.sha256(s.encode()).hexdigest()[:8], 16)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reviews", type=Path, default=ROOT / "benchmarks" / "reviews")
    ap.add_argument("--also", type=Path, action="append", default=[], metavar="DIR",
                    help="another review folder, e.g. a teacher's from benchmarks/decisions_to_ratings.py (repeatable)")
    ap.add_argument("--write", action="store_true", help="write quizgen/questions/score_weights.json")
    args = ap.parse_args()
    dirs = sorted(d for d in args.reviews.iterdir() if is_review(d)) + [d for d in args.also if is_review(d)]
    items = load_items(dirs)
    rows, missed = dataset(items)
    names = sorted({k for feats, *_ in rows for k in feats})
    X = np.array([[feats.get(k, 0.0) for k in names] + [1.0] for feats, *_ in rows])
    y = np.array([label for _f, label, *_ in rows], dtype=float)
    groups = [g for _f, _l, g, _i in rows]
    print(f"{len(items)} judged items in {len(dirs)} reviews; {len(rows)} found in their articles "
          f"({missed} not found); {int(y.sum())} accepted ({y.mean():.1%})")

    best = None
    for lam in (0.3, 1, 3, 10, 30):
        p = cross_validated(X, y, groups, lam)
        ll = -np.mean(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))
        print(f"  penalty {lam:>4}: cross-validated log loss {ll:.4f}, AUC {auc(p, y):.3f}")
        if best is None or ll < best[0]:
            best = (ll, lam, p)
    _ll, lam, p = best
    base_ll = -np.mean(y * math.log(y.mean()) + (1 - y) * math.log(1 - y.mean()))
    print(f"chosen penalty {lam}; log loss of the base rate alone {base_ll:.4f}")
    print("calibration (cross-validated probability band: items, accepted):")
    for lo, hi in ((0, .5), (.5, .6), (.6, .7), (.7, .8), (.8, .9), (.9, 1.01)):
        m = (p >= lo) & (p < hi)
        if m.any():
            print(f"  {lo:.1f}-{min(hi, 1):.1f}: {m.sum():4d} items, {y[m].mean():.0%} accepted (mean predicted {p[m].mean():.0%})")
    print("floor on the probability: share of items kept, and their acceptance:")
    for t in (0.0, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8):
        m = p >= t
        print(f"  >= {t:.2f}: {m.mean():.0%} kept, {y[m].mean():.1%} accepted")
    by_review = defaultdict(list)
    for (_f, label, _g, it), pi in zip(rows, p):
        by_review[it["review"].rsplit("-", 1)[0]].append((label, pi))
    for corpus, v in sorted(by_review.items()):
        a = np.array(v)
        keep = a[:, 1] >= 0.7
        print(f"  {corpus}: {a[:, 0].mean():.1%} accepted of all; {a[keep, 0].mean():.1%} of the {keep.mean():.0%} at >= 0.70")

    w = fit(X, y, lam)
    order = np.argsort(-np.abs(w[:-1]))
    print("weights (largest first):")
    for i in order:
        print(f"  {names[i]:<26} {w[i]:+.3f}")
    print(f"  {'(bias)':<26} {w[-1]:+.3f}")
    if args.write:
        out = {
            "about": "Logistic model of acceptance by both blind raters (quizgen/questions/learned.py); "
                     "fitted by benchmarks/train_score.py on benchmarks/reviews/",
            "items": len(rows), "accepted": int(y.sum()), "reviews": [d.name for d in dirs], "penalty": lam,
            "cross_validated_auc": round(auc(p, y), 3),
            "bias": round(float(w[-1]), 4),
            "weights": {n: round(float(v), 4) for n, v in zip(names, w[:-1])},
        }
        path = ROOT / "quizgen" / "questions" / "score_weights.json"
        path.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

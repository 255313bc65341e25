"""How far can filtering raise blind-review acceptance? An audit of the judged held-out questions.

    python benchmarks/ceiling.py                      # all held-out reviews in benchmarks/reviews/
    python benchmarks/ceiling.py --split 6401         # "recent" = review seeds from 6401 (batch 20) on

Every held-out review folder (``benchmarks/reviews/heldout-*``) holds a sheet and two raters'
verdicts; an item is accepted only when both accepted it. This script asks of those items what a new
gate rule or a better score could do, using only what a rule could see: the question as shown and
the answer (parsed with the same spaCy pipeline quizgen uses), and how many wh-questions its text
yielded. It reports:

1. for each candidate filter, the acceptance of the items it would drop, in the earlier reviews and
   in the recent ones (a filter worth having drops items well below the average in both);
2. the best combination of filters on the recent reviews: the acceptance of what is left and the
   share kept. This is fitted to the very items it is scored on, so it is an upper bound;
3. a logistic model over a bag of parse features (the words, question word, entity labels,
   dependency labels, part-of-speech pairs, lengths; those seen at least five times) fitted on the earlier reviews and scored on the
   recent ones: its AUC, and the acceptance of the best-scored half, 70% and 90%.

Nothing here changes quizgen; the figures are quoted in docs/quality.md.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from train_score import auc, fit, load_items  # noqa: E402
from quizgen.nlp.model import load_model  # noqa: E402

ANCHOR_LABELS = {"DATE", "GPE", "ORG", "PERSON", "NORP", "EVENT", "WORK_OF_ART", "LAW", "FAC", "LOC"}
UNIQUE = {"world", "earth", "globe", "sun", "moon", "public", "past", "future", "internet", "universe",
          "government", "economy", "military", "police", "war", "press"}
PRONOUNS = {"he", "she", "they", "him", "her", "them", "his", "their", "it", "its"}


def load(reviews: Path) -> list[dict]:
    """The judged items of the held-out reviews (``train_score.load_items``), with their review seed."""
    items = load_items(sorted(d for d in reviews.glob("heldout-*") if (d / "ratings-2.jsonl").exists()))
    for it in items:
        it["ok"] = bool(it["label"])
        it["seed"] = int(it["review"].rsplit("-", 1)[1])
    return items


def shown(it: dict) -> str:
    """The text a student reads, with a cloze's blank taken out."""
    return it["question"].replace("_____", "", 1) if it["format"] == "cloze" else it["question"]


def anchors(doc, answer: str) -> int:
    """Names, numbers and dates in the prompt other than the answer's words: what pins the fact down."""
    a = set(answer.lower().split())
    return sum(1 for t in doc if (t.pos_ == "PROPN" or t.like_num or t.ent_type_ in ANCHOR_LABELS) and t.lower_ not in a)


def bare_definite(doc) -> bool:
    """ "the X" / "this X" with a common-noun head, no name inside and no phrase after it that says which."""
    for t in doc:
        if t.pos_ != "NOUN" or t.dep_ == "compound":
            continue
        dets = [c for c in t.children if c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "those", "such")]
        if not dets or any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in t.children):
            continue
        if any(c.pos_ == "PROPN" or c.ent_type_ for c in t.subtree) or t.lemma_.lower() in UNIQUE or t.text[:1].isdigit():
            continue
        if any(u.lemma_ == t.lemma_ for u in doc[:dets[0].i]):
            continue
        return True
    return False


def filters(items, docs) -> list[set[str]]:
    n_wh = defaultdict(int)
    for it in items:
        n_wh[(it["review"], it["article"])] += it["format"] != "cloze"
    out = []
    for it, d in zip(items, docs):
        f = set()
        if bare_definite(d):
            f.add("bare definite description")
        if it["format"] == "cloze" and anchors(d, it["answer"]) < 2:
            f.add("cloze with under two names/numbers")
        if it["format"] != "cloze" and anchors(d, it["answer"]) < 2:
            f.add("question with under two names/numbers")
        if it["format"] == "cloze" and len(list(d.sents)) > 1:
            f.add("cloze shown with a sentence before")
        if it["format"] != "cloze" and n_wh[(it["review"], it["article"])] == 1:
            f.add("the only wh-question of its text")
        if it["question"].startswith("Who") and " " not in it["answer"].strip():
            f.add("who, one-word answer")
        if any(t.lower_ in PRONOUNS for t in d):
            f.add("a pronoun in the prompt")
        if len(d) > 30:
            f.add("over 30 tokens")
        out.append(f)
    return out


def bag(it: dict, d, a) -> dict[str, float]:
    f = {"fmt=" + it["format"]: 1.0, "w0=" + d[0].lower_: 1.0, "len": len(d) / 30, "alen": len(a) / 5,
         "commas": sum(t.text == "," for t in d) / 3, "pron": sum(t.lower_ in PRONOUNS for t in d) / 2}
    for t in a:
        f["apos=" + t.pos_] = 1.0
    for e in a.ents:
        f["aent=" + e.label_] = 1.0
    for t in d:
        f["dep=" + t.dep_] = f.get("dep=" + t.dep_, 0) + 0.2
        f["lem=" + t.lemma_.lower()] = 1.0
    for x, y in zip(d, d[1:]):
        f["pp=" + x.pos_ + "_" + y.pos_] = 1.0
    return f


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reviews", type=Path, default=ROOT / "benchmarks" / "reviews")
    ap.add_argument("--split", type=int, default=6401, help="first review seed counted as recent (default 6401)")
    args = ap.parse_args()
    items = load(args.reviews)
    nlp = load_model()
    docs = list(nlp.pipe((shown(it) for it in items), batch_size=64))
    adocs = list(nlp.pipe((it["answer"] for it in items), batch_size=128))
    recent = np.array([it["seed"] >= args.split for it in items])
    y = np.array([it["ok"] for it in items], dtype=float)
    print(f"{len(items)} judged held-out items: {int((~recent).sum())} earlier (accepted {y[~recent].mean():.1%}), "
          f"{int(recent.sum())} recent (accepted {y[recent].mean():.1%})")

    fl = filters(items, docs)
    names = sorted({n for f in fl for n in f})
    print("\n1. Items each filter would drop: acceptance (earlier | recent)")
    for n in names:
        parts = []
        for part in (~recent, recent):
            m = np.array([n in f for f in fl]) & part
            parts.append(f"{int(m.sum()):4d} at {y[m].mean():.0%}" if m.any() else "   -")
        print(f"   {n:42s} {parts[0]} | {parts[1]}")

    print("\n2. Best combination on the recent items (fitted to them: an upper bound)")
    rec = [i for i in range(len(items)) if recent[i]]
    for r in range(1, len(names) + 1):
        best = None
        for combo in itertools.combinations(names, r):
            keep = [i for i in rec if not (fl[i] & set(combo))]
            if keep:
                acc = y[keep].mean()
                if best is None or acc > best[0]:
                    best = (acc, combo, len(keep))
        acc, combo, n = best
        print(f"   {r} filter(s): {acc:.1%} accepted, {n / len(rec):.0%} kept  ({', '.join(combo)})")

    print("\n3. A logistic model over parse features, fitted on the earlier items, scored on the recent")
    feats = [bag(it, d, a) for it, d, a in zip(items, docs, adocs)]
    counts = defaultdict(int)
    for f in feats:
        for k in f:
            counts[k] += 1
    vocab = sorted(k for k, n in counts.items() if n >= 5)  # rarer features cannot generalise
    index = {k: j for j, k in enumerate(vocab)}
    X = np.zeros((len(items), len(vocab) + 1))
    for i, f in enumerate(feats):
        for k, v in f.items():
            if k in index:
                X[i, index[k]] = v
    X[:, -1] = 1.0
    for lam in (3, 10, 30, 100):
        w = fit(X[~recent], y[~recent], lam)
        p = 1 / (1 + np.exp(-(X[recent] @ w)))
        order = np.argsort(-p)
        kept = [f"{y[recent][order[: int(s * len(order))]].mean():.0%}" for s in (0.5, 0.7, 0.9)]
        print(f"   penalty {lam:>3}: AUC {auc(p, y[recent]):.3f}; best-scored 50/70/90%: {' / '.join(kept)} accepted")


if __name__ == "__main__":
    main()

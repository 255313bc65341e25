"""What a rule change does to questions strict raters have already judged.

    python benchmarks/judged_delta.py BEFORE_DIR AFTER_DIR [-v]

BEFORE_DIR and AFTER_DIR each hold one quiz per corpus, ``<corpus>.json``, written by
``quizgen generate ../shared/corpus/<corpus> --json DIR/<corpus>.json`` before and after the change. Every
question that appears in only one of them is looked up, by source id, prompt and answer, among the verdicts
committed in ``benchmarks/reviews/*/`` (an item counts as accepted when both raters accepted it; a question
judged in several rounds counts as accepted when most of its verdicts are). The output says, per corpus, how
many questions were dropped and added, and how many of those had been accepted, rejected or never judged;
``-v`` lists them.

This is an in-sample check (the verdicts are on texts the rules may have been written against): it shows
what a rule costs among questions already judged good, not how it does on unseen text. Only the blind
review of a fresh draw says that (docs/quality.md).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
from pathlib import Path

REVIEWS = Path(__file__).resolve().parent / "reviews"
CORPORA = ("news-cnn-dev", "news-dev", "textbook-dev", "wikipedia-dev")


def verdicts() -> dict[tuple[str, str, str], list[bool]]:
    """(source id, prompt, answer) -> the both-raters verdict of every round that judged it."""
    out: dict[tuple[str, str, str], list[bool]] = {}
    for folder in sorted(REVIEWS.iterdir()):
        sheet, r1, r2 = folder / "sheet.jsonl", folder / "ratings-1.jsonl", folder / "ratings-2.jsonl"
        if not (sheet.exists() and r1.exists() and r2.exists()):
            continue
        first = {j["item"]: j for j in map(json.loads, r1.read_text(encoding="utf-8").splitlines()) if j}
        second = {j["item"]: j for j in map(json.loads, r2.read_text(encoding="utf-8").splitlines()) if j}
        for item in map(json.loads, sheet.read_text(encoding="utf-8").splitlines()):
            a, b = first.get(item["item"]), second.get(item["item"])
            if a is None or b is None:
                continue
            source = os.path.splitext(os.path.basename(item["article"]))[0]
            key = (source, item["question"], item["answer"])
            out.setdefault(key, []).append(bool(a["acceptable"] and b["acceptable"]))
    return out


def load(folder: Path, corpus: str) -> dict[tuple[str, str, str], dict]:
    quiz = json.loads((folder / f"{corpus}.json").read_text(encoding="utf-8"))
    return {(q["answer"]["source_id"], q["prompt"], q["answer"]["text"]): q for q in quiz["questions"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the questions dropped and added")
    args = parser.parse_args()
    judged = verdicts()

    def tally(keys):
        count = collections.Counter()
        for key in keys:
            v = judged.get(key)
            count["unjudged" if v is None else "accepted" if sum(v) * 2 >= len(v) else "rejected"] += 1
        return dict(count)

    for corpus in CORPORA:
        if not (args.before / f"{corpus}.json").exists():
            continue
        before, after = load(args.before, corpus), load(args.after, corpus)
        dropped = [k for k in before if k not in after]
        added = [k for k in after if k not in before]
        print(f"{corpus}: {len(before)} -> {len(after)} questions; dropped {tally(dropped)}; added {tally(added)}")
        if args.verbose:
            for sign, keys in (("-", dropped), ("+", added)):
                for key in keys:
                    print(f"   {sign} {judged.get(key)} {key[1][:110]} -> {key[2]}")


if __name__ == "__main__":
    main()

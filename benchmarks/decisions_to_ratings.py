"""A teacher's decisions on a quiz as a review folder that benchmarks/train_score.py learns from.

    python benchmarks/decisions_to_ratings.py QUIZ.json decisions.json benchmarks/reviews/teacher-NAME

QUIZ.json is the quiz the teacher reviewed (as generated, before ``--decisions``); decisions.json
their decisions (docs/decisions.md). OUTDIR gets what every folder of benchmarks/reviews/ holds:

* ``sheet.jsonl``: one item per decided question, as the raters' sheets have it
  (``item, article, format, question, choices, answer``), ``article`` relative to OUTDIR;
* ``articles/sNNN.txt``: each source text of the quiz (train_score.py parses them again);
* ``ratings-1.jsonl``: the teacher's verdicts in the rubric of ../shared/review/RATER.md
  (``well_formed, answerable, correct, worthwhile, acceptable, reason``); one rater only, so there
  is no ``ratings-2.jsonl`` (train_score.py reads the raters a folder has);
* ``index.json`` (item -> question id) and ``README.md`` (what this is).

The mapping (a criterion the teacher did not judge is null):

=======================  ====================================================================
keep, unedited           all four criteria true, acceptable
reject: wrong            correct false
reject: unclear          well_formed false
reject: trivial          worthwhile false
reject: more_than_one…   answerable false
reject: other / none     acceptable false, no criterion named
keep, prompt edited      well_formed false: the question as generated was not acceptable as is
keep, choices edited     answerable false (its distractors were not clearly wrong but plausible)
=======================  ====================================================================

Decisions whose question is not in QUIZ.json are skipped and counted. The output is deterministic
(items in the quiz's order).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.errors import QuizgenError  # noqa: E402
from quizgen.export.decisions import read_decisions  # noqa: E402
from quizgen.models import Quiz  # noqa: E402

CRITERIA = ("well_formed", "answerable", "correct", "worthwhile")
#: The rubric criterion (RATER.md) each reject reason fails.
REASON_CRITERION = {"wrong": "correct", "unclear": "well_formed", "trivial": "worthwhile",
                    "more_than_one_answer": "answerable", "other": None, None: None}


def verdict(question, decision) -> dict:
    """The teacher's decision on ``question`` as a rating line (without ``item``)."""
    crit = {c: None for c in CRITERIA}
    note = decision.note or ""
    if decision.decision == "reject":
        failed = REASON_CRITERION[decision.reason]
        if failed:
            crit[failed] = False
        why = f"rejected by the teacher ({decision.reason or 'no reason given'})"
        return {**crit, "acceptable": False, "reason": f"{why}: {note}" if note else why}
    prompt_edit = decision.prompt is not None and " ".join(decision.prompt.split()) != question.prompt
    old = [c.text for c in question.choices or [] if not c.correct]
    choice_edit = decision.choices is not None and [" ".join(c.split()) for c in decision.choices] != old
    if not (prompt_edit or choice_edit):
        return {**{c: True for c in CRITERIA}, "acceptable": True, "reason": note}
    reasons = []
    if prompt_edit:
        crit["well_formed"] = False
        reasons.append(f"prompt edited by the teacher to {' '.join(decision.prompt.split())!r}")
    if choice_edit:
        crit["answerable"] = False
        reasons.append(f"distractors replaced by the teacher with {decision.choices!r}")
    return {**crit, "acceptable": False, "reason": "; ".join(reasons) + (f"; {note}" if note else "")}


def convert(quiz: Quiz, decisions, outdir: Path) -> tuple[int, int]:
    """Write the review folder; (items written, decisions skipped as stale)."""
    by_id = {d.id: d for d in decisions.decisions}
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / "articles").mkdir(exist_ok=True)
    article = {}
    for i, src in enumerate(quiz.sources):
        article[src.id] = f"articles/s{i:03d}.txt"
        (outdir / article[src.id]).write_text(src.text, encoding="utf-8")
    sheet, ratings, index = [], [], {}
    for q in quiz.questions:
        d = by_id.get(q.id)
        if d is None:
            continue
        item = f"i{len(sheet):03d}"
        index[item] = q.id
        sheet.append({"item": item, "article": article[q.answer.source_id], "format": q.format, "question": q.prompt,
                      "choices": [c.text for c in q.choices] if q.choices else None, "answer": q.answer.text})
        ratings.append({"item": item, **verdict(q, d)})
    lines = lambda rows: "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)  # noqa: E731
    (outdir / "sheet.jsonl").write_text(lines(sheet), encoding="utf-8")
    (outdir / "ratings-1.jsonl").write_text(lines(ratings), encoding="utf-8")
    (outdir / "index.json").write_text(json.dumps(index, indent=0) + "\n", encoding="utf-8")
    accepted = sum(r["acceptable"] for r in ratings)
    (outdir / "README.md").write_text(
        f"A teacher's decisions (benchmarks/decisions_to_ratings.py) on the quiz {quiz.title!r} "
        f"(quizgen {quiz.generator.version}): {len(ratings)} questions decided, one rater (the teacher). "
        f"Acceptable as generated: {accepted}/{len(ratings)}.\n", encoding="utf-8")
    return len(ratings), len(by_id) - len(ratings)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("quiz", type=Path, help="the quiz the teacher reviewed (JSON, as generated)")
    ap.add_argument("decisions", type=Path, help="their decisions.json")
    ap.add_argument("outdir", type=Path, help="the review folder to write (e.g. benchmarks/reviews/teacher-NAME)")
    args = ap.parse_args(argv)
    try:
        quiz = Quiz.from_json(args.quiz.read_bytes())
        decisions = read_decisions(args.decisions)
    except (OSError, ValueError, QuizgenError) as e:
        print(f"decisions_to_ratings: {(str(e).splitlines() or [''])[0]}", file=sys.stderr)
        return 1
    n, stale = convert(quiz, decisions, args.outdir)
    print(f"wrote {args.outdir}: {n} rated items" + (f"; {stale} decisions skipped (their question is not in "
                                                     f"{args.quiz})" if stale else ""), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

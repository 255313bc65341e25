"""A random sample of generated questions as a Markdown table, for a human to judge.

It generates one quiz over all ``*.txt`` files directly in DIR (sorted by name; one call of
``quizgen.generate_files``, so sources are read exactly as the CLI reads them), draws
``--n`` questions uniformly at random without replacement with ``random.Random(--seed)``
(the same seed and the same generator output give the same sample), orders the sample by
source and position in the text (so a reviewer reads each article once), and writes a
Markdown table with the columns

    # | source | format | question | answer | evidence | verdict | reason

- question: the prompt; for multiple choice the choices follow it (the correct one in bold);
- evidence: the evidence sentence with the answer in bold, shortened to about 200 characters
  around the answer;
- verdict and reason: left blank for the reviewer (e.g. ok / bad, and why).

A header records the command, seed, generator version and counts, so a filled-in review can
be compared with a later one. Acceptance = share of "ok" verdicts (DESIGN.md, lesson 4: nearly
every emitted question must be acceptable).

Run::

    python benchmarks/sample_review.py /work/shared/corpus/news-dev --n 100 --seed 1 --out benchmarks/out/review.md
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

import quizgen

EVIDENCE_CHARS = 200


def md_cell(text: str) -> str:
    """One table cell: a single line, pipes escaped."""
    return _escape(" ".join(str(text).split()))


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _one_line(text: str) -> str:
    """Whitespace runs (newlines too) collapsed to one space, a space at either end kept."""
    return re.sub(r"\s+", " ", text)


def shorten_evidence(source_text: str, q: quizgen.Question, width: int = EVIDENCE_CHARS) -> str:
    """The evidence sentence with the answer in bold, cut to about ``width`` characters around the answer."""
    s0, s1 = q.evidence.start, q.evidence.end
    a0, a1 = q.answer.start, q.answer.end
    before, answer, after = source_text[s0:a0], source_text[a0:a1], source_text[a1:s1]
    before, after = _one_line(before), _one_line(after)
    room = max(width - len(answer), 0)
    if len(before) + len(after) > room:
        left = min(len(before), room // 2)
        right = min(len(after), room - left)
        left = min(len(before), room - right)  # give unused room on the right back to the left
        if left < len(before):
            before = "…" + before[len(before) - left :].lstrip()
        if right < len(after):
            after = after[:right].rstrip() + "…"
    return f"{_escape(before).lstrip()}**{md_cell(answer)}**{_escape(after).rstrip()}"


def question_cell(q: quizgen.Question) -> str:
    text = md_cell(q.prompt)
    if q.format == "multiple_choice" and q.choices:
        opts = [f"**{md_cell(c.text)}**" if c.correct else md_cell(c.text) for c in q.choices]
        text += " — " + " / ".join(f"({chr(97 + i)}) {o}" for i, o in enumerate(opts))
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, help="folder of .txt files")
    ap.add_argument("--n", type=int, default=100, help="questions to draw (default 100)")
    ap.add_argument("--seed", type=int, required=True, help="random seed (fixed, so the sample can be redrawn)")
    ap.add_argument("--out", type=Path, required=True, metavar="FILE.md", help="Markdown file to write")
    args = ap.parse_args(argv)

    files = sorted(p for p in args.dir.glob("*.txt") if p.is_file())
    if not files:
        ap.error(f"{args.dir}: no .txt files")
    quiz = quizgen.generate_files(files)
    texts = {s.id: s.text for s in quiz.sources}
    order = {s.id: i for i, s in enumerate(quiz.sources)}

    n = min(args.n, len(quiz.questions))
    picked = random.Random(args.seed).sample(range(len(quiz.questions)), n)
    sample = sorted((quiz.questions[i] for i in picked),
                    key=lambda q: (order[q.answer.source_id], q.answer.start, q.format))

    fmts = Counter(q.format for q in sample)
    kinds = Counter(q.kind for q in sample)
    lines = [
        f"# Review sample: {n} of {len(quiz.questions)} questions from {len(files)} files in `{args.dir}`",
        "",
        f"- command: `python benchmarks/sample_review.py {args.dir} --n {args.n} --seed {args.seed} --out {args.out}`",
        f"- generator: quizgen {quizgen.__version__}; seed {args.seed}",
        f"- sample by format: {', '.join(f'{k} {v}' for k, v in sorted(fmts.items()))}; "
        f"by kind: {', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}",
        "- verdict: ok / bad; reason: what is wrong (ungrammatical, vague, unresolved pronoun, wrong wh-word, "
        "answer incomplete, trivial, distractor problem, ...)",
        "",
        "| # | source | format | question | answer | evidence | verdict | reason |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for i, q in enumerate(sample, 1):
        lines.append(
            f"| {i} | {md_cell(q.answer.source_id)} | {q.format} | {question_cell(q)} | {md_cell(q.answer.text)} "
            f"| {shorten_evidence(texts[q.answer.source_id], q)} |  |  |"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {n} of {len(quiz.questions)} questions from {len(files)} files "
          f"({', '.join(f'{k} {v}' for k, v in sorted(fmts.items()))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

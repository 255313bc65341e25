"""How many of the facts human question-writers asked about does quizgen also ask about?

Measured on SQuAD v1.1 (Rajpurkar et al., 2016; original JSON format), e.g. the 16-article
dev part in ``/work/shared/corpus/squad-dev/squad-v1.1-dev-part.json``.

What it does
------------
1. Every paragraph becomes a ``quizgen.Source`` with id ``"{article_idx}-{para_idx}"``; ONE call
   of ``quizgen.generate_sources`` makes the quiz (the pipeline parses in batches), and the
   generated questions are mapped back to paragraphs by ``q.answer.source_id``.
2. The human questions kept are the factoid ones quizgen targets, classified by wording (the
   lowercased question, split into words, contains the wh-phrase as a word sequence; when
   several do, the one that starts first wins, then the longer phrase):
   who, whom, whose, when (also "what year", "which year", "in what year"), how many,
   how much, what percentage (also "what percent"), where -- and whose FIRST answer has at
   most 6 words. ``--strict-types`` also drops questions where another wh-word (what, which,
   why, how) occurs outside the typed phrase ("What kind of network was ABC when it first
   began?", "When B cells replicate, what do they become?"): about 6% of the selection, which
   the wording rule mis-types and no who/when/where generator can answer.
3. Figures:
   - overlap recall: share of those human questions for which some human answer span
     ``[answer_start, answer_start + len(text))`` overlaps the answer span ``[start, end)``
     of some generated question on the same paragraph;
   - exact recall: share for which such an overlapping generated answer is also equal to a
     human answer after normalising both (lowercase, leading a/an/the stripped,
     surrounding punctuation/whitespace stripped);
   - generated questions per paragraph (mean over ALL paragraphs read, with or without
     human questions of the selected types);
   - per-type counts and recalls;
   - BLEU-4 between the matched generated prompt (hypothesis) and the human question
     (single reference): corpus BLEU-4 (Papineni et al., 2002, with brevity penalty) and mean
     sentence BLEU-4 with add-1 smoothing of the 2- to 4-gram precisions (Lin & Och, 2004,
     "BLEU+1"). Text is lowercased and split into word / punctuation tokens; the cloze blank
     ("_____") is dropped from cloze prompts. Implemented here (no sacrebleu dependency).
   When several generated questions overlap one human answer, the one used for BLEU is
   chosen by: exact match first, then most answer tokens shared with the human answer, then
   format short_answer > multiple_choice > cloze (wh-questions are what a human writes),
   then most tokens shared between the prompt and the human question.
4. Targets, printed beside the figures: overlap recall >= 0.75 with <= 8 generated
   questions per paragraph on average.

``--show-misses K`` prints K missed human questions, spread evenly over the file (not just
the first article), each with its answer, the sentence around it, what spaCy's NER says
about the answer span, and the answers quizgen generated for that paragraph -- material
for improving the generator.

Run (takes a minute or two on 2 cores for the whole 824-paragraph file)::

    python benchmarks/squad_recall.py /work/shared/corpus/squad-dev/squad-v1.1-dev-part.json
    python benchmarks/squad_recall.py PATH --limit-articles 2 --show-misses 20 --json benchmarks/out/squad.json
    python benchmarks/squad_recall.py PATH --strict-types
"""

from __future__ import annotations

import argparse
import json
import math
import re
import string
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import quizgen

TARGET_OVERLAP_RECALL = 0.75
TARGET_QUESTIONS_PER_PARAGRAPH = 8.0
MAX_ANSWER_WORDS = 6

#: (wh-phrase as words, reported type). Order only matters for documentation; see classify().
WH_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("in", "what", "year"), "when"),
    (("what", "year"), "when"),
    (("which", "year"), "when"),
    (("what", "percentage"), "what percentage"),
    (("what", "percent"), "what percentage"),
    (("how", "many"), "how many"),
    (("how", "much"), "how much"),
    (("whose",), "whose"),
    (("whom",), "whom"),
    (("who",), "who"),
    (("when",), "when"),
    (("where",), "where"),
)
TYPES = ("who", "whom", "whose", "when", "how many", "how much", "what percentage", "where")

_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_BLANK_RE = re.compile(r"_{2,}")
_ARTICLE_RE = re.compile(r"^(?:a|an|the)\s+")
_STRIP = string.punctuation + string.whitespace + "“”‘’–—"
FORMAT_PREFERENCE = {"short_answer": 2, "multiple_choice": 1, "cloze": 0}


# -- classification and normalisation ------------------------------------------------------------

def classify(question: str) -> str | None:
    """The wh-type of a human question, or None when it is none of the selected types."""
    words = _WORD_RE.findall(question.lower())
    best: tuple[int, int, str] | None = None  # (start, -len, type)
    for phrase, kind in WH_PHRASES:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) == phrase:
                cand = (i, -n, kind)
                if best is None or cand < best:
                    best = cand
                break
    return best[2] if best else None


OTHER_WH = {"what", "which", "why", "how"}


def is_ambiguous(question: str, kind: str) -> bool:
    """True when the typed wh-phrase is not what the question asks: another wh-word ("what",
    "which", "why", "how" outside the typed phrase) occurs in it, as in "What was the colour of
    the jerseys when Elway was quarterback?" or "When B cells replicate, what do they become?".
    Used by --strict-types."""
    words = _WORD_RE.findall(question.lower())
    used: set[int] = set()
    for phrase, _kind in WH_PHRASES:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) == phrase:
                used.update(range(i, i + n))
    return any(w in OTHER_WH and i not in used for i, w in enumerate(words))


def normalise_answer(text: str) -> str:
    """Lowercase, strip surrounding punctuation/space, then a leading article (and strip again)."""
    t = text.lower().strip(_STRIP)
    t = _ARTICLE_RE.sub("", t)
    return " ".join(t.strip(_STRIP).split())


def tokens(text: str) -> list[str]:
    """Lowercased word / punctuation tokens (the BLEU and token-overlap tokenisation)."""
    return _TOKEN_RE.findall(_BLANK_RE.sub(" ", text.lower()))


def shared_tokens(a: str, b: str) -> int:
    return sum((Counter(tokens(a)) & Counter(tokens(b))).values())


# -- BLEU ---------------------------------------------------------------------------------------

def _ngrams(toks: list[str], n: int) -> Counter:
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def bleu_stats(hyp: list[str], ref: list[str], max_n: int = 4) -> list[int]:
    """[hyp_len, ref_len, match_1, total_1, ..., match_N, total_N] for one pair (one reference)."""
    stats = [len(hyp), len(ref)]
    for n in range(1, max_n + 1):
        h, r = _ngrams(hyp, n), _ngrams(ref, n)
        stats += [sum((h & r).values()), max(len(hyp) - n + 1, 0)]
    return stats


def bleu_from_stats(stats: list[int], smooth: bool = False, max_n: int = 4) -> float:
    """BLEU-N with brevity penalty; ``smooth`` = add 1 to matches and totals for n >= 2 (Lin & Och 2004)."""
    c, r = stats[0], stats[1]
    if c == 0:
        return 0.0
    log_p = 0.0
    for n in range(1, max_n + 1):
        m, t = stats[2 * n], stats[2 * n + 1]
        if smooth and n > 1:
            m, t = m + 1, t + 1
        if m == 0 or t == 0:
            return 0.0
        log_p += math.log(m / t) / max_n
    bp = 1.0 if c > r else math.exp(1 - r / c)
    return bp * math.exp(log_p)


def corpus_bleu(pairs: list[tuple[str, str]]) -> float:
    """Corpus BLEU-4: n-gram matches and lengths summed over all (hypothesis, reference) pairs."""
    total = [0] * 10
    for hyp, ref in pairs:
        total = [a + b for a, b in zip(total, bleu_stats(tokens(hyp), tokens(ref)))]
    return bleu_from_stats(total)


def sentence_bleu(hyp: str, ref: str) -> float:
    return bleu_from_stats(bleu_stats(tokens(hyp), tokens(ref)), smooth=True)


# -- matching -----------------------------------------------------------------------------------

def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def match(human: dict, generated: list) -> tuple[object | None, bool]:
    """The best generated question for one human question, and whether it is an exact match."""
    spans = [(a["answer_start"], a["answer_start"] + len(a["text"]), a["text"]) for a in human["answers"]]
    norm_human = {normalise_answer(t) for _, _, t in spans}
    best_key, best_q, best_exact = None, None, False
    for q in generated:
        hits = [t for s, e, t in spans if _overlaps(s, e, q.answer.start, q.answer.end)]
        if not hits:
            continue
        exact = normalise_answer(q.answer.text) in norm_human
        key = (
            exact,
            max(shared_tokens(q.answer.text, t) for t in hits),
            FORMAT_PREFERENCE.get(q.format, 0),
            shared_tokens(q.prompt, human["question"]),
        )
        if best_key is None or key > best_key:
            best_key, best_q, best_exact = key, q, exact
    return best_q, best_exact


# -- reporting helpers --------------------------------------------------------------------------

def _miss_context(nlp, context: str, start: int, end: int, width: int = 260) -> tuple[str, str]:
    """spaCy's view of a missed answer span [start, end): the NER entities overlapping it and the
    span's root tag/dependency, and its sentence (as spaCy splits it) with the answer in [[ ]]."""
    doc = nlp(context)
    ents = [f"{e.text!r}/{e.label_}" for e in doc.ents if _overlaps(e.start_char, e.end_char, start, end)]
    span = doc.char_span(start, end, alignment_mode="expand")
    root = f"root {span.root.text!r} {span.root.tag_}/{span.root.dep_}" if span is not None and len(span) else ""
    sents = [s for s in doc.sents if _overlaps(s.start_char, s.end_char, start, end)] or list(doc.sents)[:1]
    lo, hi = sents[0].start_char, sents[-1].end_char
    text = " ".join((context[lo:start] + "[[" + context[start:end] + "]]" + context[end:hi]).split())
    if len(text) > width:
        i = text.find("[[")
        cut = max(0, i - width // 2)
        text = ("…" if cut else "") + text[cut : cut + width] + "…"
    return f"ents: {', '.join(ents) or 'none'}; {root}", text


def fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, help="SQuAD v1.1 JSON file")
    ap.add_argument("--limit-articles", type=int, default=None, metavar="N", help="only the first N articles")
    ap.add_argument("--show-misses", type=int, default=0, metavar="K",
                    help="print K missed human questions (spread evenly over the file)")
    ap.add_argument("--strict-types", action="store_true",
                    help="also drop typed questions that contain another wh-word (what/which/why/how), "
                         "e.g. 'What kind of network was ABC when it began?'")
    ap.add_argument("--candidates", action="store_true",
                    help="measure the full candidate set (quizgen explain: before the quality gate and ranking), "
                         "not the default quiz")
    ap.add_argument("--json", type=Path, default=None, metavar="OUT", help="also write the figures as JSON")
    args = ap.parse_args(argv)

    data = json.loads(args.path.read_text(encoding="utf-8"))
    articles = data["data"][: args.limit_articles] if args.limit_articles else data["data"]

    paragraphs: dict[str, tuple[str, dict]] = {}  # source id -> (title, paragraph)
    sources = []
    for ai, art in enumerate(articles):
        for pi, para in enumerate(art["paragraphs"]):
            sid = f"{ai}-{pi}"
            paragraphs[sid] = (art["title"], para)
            sources.append(quizgen.Source.from_text(para["context"], id=sid, title=art["title"]))

    t0 = time.perf_counter()
    if args.candidates:  # every candidate the rules built, before the quality gate and the ranking
        from types import SimpleNamespace

        questions = [SimpleNamespace(prompt=r["prompt"], format=r["format"], kind=r["kind"],
                                     answer=SimpleNamespace(text=r["answer"], start=r["start"], end=r["end"],
                                                            source_id=r["source_id"]))
                     for r in quizgen.explain_sources(sources)]
        quiz = SimpleNamespace(questions=questions)
    else:
        quiz = quizgen.generate_sources(sources)
    gen_seconds = time.perf_counter() - t0

    by_source: dict[str, list] = defaultdict(list)
    for q in quiz.questions:
        by_source[q.answer.source_id].append(q)

    per_type = {t: Counter() for t in TYPES}
    rows = []  # one per selected human question
    misses = []
    for sid, (title, para) in paragraphs.items():
        for qa in para["qas"]:
            kind = classify(qa["question"])
            if kind is None or not qa["answers"] or len(qa["answers"][0]["text"].split()) > MAX_ANSWER_WORDS:
                continue
            if args.strict_types and is_ambiguous(qa["question"], kind):
                continue
            best, exact = match(qa, by_source.get(sid, []))
            c = per_type[kind]
            c["n"] += 1
            c["overlap"] += best is not None
            c["exact"] += exact
            rows.append((sid, qa, kind, best, exact))
            if best is None:
                misses.append((sid, qa, kind))

    n = len(rows)
    matched = [(best.prompt, qa["question"], best.format) for _, qa, _, best, _ in rows if best is not None]
    overlap = sum(c["overlap"] for c in per_type.values())
    exact = sum(c["exact"] for c in per_type.values())
    n_par = len(paragraphs)
    qpp = len(quiz.questions) / n_par if n_par else 0.0
    overlap_recall = overlap / n if n else None
    exact_recall = exact / n if n else None
    pairs = [(h, r) for h, r, _ in matched]
    c_bleu = corpus_bleu(pairs) if pairs else None
    s_bleu = sum(sentence_bleu(h, r) for h, r in pairs) / len(pairs) if pairs else None
    fmt_counts = Counter(q.format for q in quiz.questions)
    kind_counts = Counter(q.kind for q in quiz.questions)
    matched_formats = Counter(f for _, _, f in matched)

    ok_recall = overlap_recall is not None and overlap_recall >= TARGET_OVERLAP_RECALL
    ok_qpp = qpp <= TARGET_QUESTIONS_PER_PARAGRAPH
    print(f"SQuAD recall benchmark — {args.path.name}, quizgen {quizgen.__version__}")
    print(f"articles {len(articles)}, paragraphs {n_par}, human questions {sum(len(p['qas']) for _, p in paragraphs.values())}, "
          f"selected (typed, first answer <= {MAX_ANSWER_WORDS} words{', strict types' if args.strict_types else ''}) {n}")
    print(f"generation: {gen_seconds:.1f} s for {len(quiz.questions)} questions "
          f"({', '.join(f'{k} {v}' for k, v in sorted(fmt_counts.items()))}; "
          f"{', '.join(f'{k} {v}' for k, v in sorted(kind_counts.items()))})")
    print()
    print(f"overlap recall          {fmt(overlap_recall)}   target >= {TARGET_OVERLAP_RECALL:.3f}  {'OK' if ok_recall else 'BELOW'}")
    print(f"exact recall            {fmt(exact_recall)}")
    print(f"questions per paragraph {qpp:.3f}   target <= {TARGET_QUESTIONS_PER_PARAGRAPH:.3f}  {'OK' if ok_qpp else 'ABOVE'}")
    print(f"BLEU-4 corpus           {fmt(c_bleu)}   (matched prompt vs human question, n={len(pairs)}; "
          f"formats {', '.join(f'{k} {v}' for k, v in sorted(matched_formats.items()))})")
    print(f"BLEU-4 sentence mean    {fmt(s_bleu)}   (add-1 smoothing, Lin & Och 2004)")
    print()
    print(f"{'type':<16}{'n':>6}{'overlap':>10}{'exact':>10}")
    for t in TYPES:
        c = per_type[t]
        if c["n"]:
            print(f"{t:<16}{c['n']:>6}{c['overlap'] / c['n']:>10.3f}{c['exact'] / c['n']:>10.3f}")
        else:
            print(f"{t:<16}{0:>6}{'n/a':>10}{'n/a':>10}")

    if args.show_misses and misses:
        k = min(args.show_misses, len(misses))
        picks = [misses[(i * len(misses)) // k] for i in range(k)]
        from quizgen.nlp.model import load_model

        nlp = load_model()
        print()
        print(f"{k} of {len(misses)} missed human questions (evenly spread over the file):")
        for i, (sid, qa, kind) in enumerate(picks, 1):
            title, para = paragraphs[sid]
            ctx = para["context"]
            a0 = qa["answers"][0]
            s, e = a0["answer_start"], a0["answer_start"] + len(a0["text"])
            answers = list(dict.fromkeys(a["text"] for a in qa["answers"]))
            print()
            print(f"[{i}] {sid} {title} — {kind}: {qa['question']}")
            print(f"    human answer: {' | '.join(answers)}")
            note, sentence = _miss_context(nlp, ctx, s, e)
            print(f"    {note}")
            print(f"    sentence: {sentence}")
            gen = by_source.get(sid, [])
            seen = dict.fromkeys(f"{q.answer.text!r}@{q.answer.start} ({q.kind})" for q in gen)
            print(f"    generated answers ({len(gen)} questions): {', '.join(seen) or 'none'}")

    if args.json:
        out = {
            "file": str(args.path), "quizgen_version": quizgen.__version__,
            "articles": len(articles), "paragraphs": n_par, "selected_human_questions": n,
            "strict_types": args.strict_types,
            "generated_questions": len(quiz.questions), "generation_seconds": round(gen_seconds, 3),
            "questions_per_paragraph": round(qpp, 4),
            "overlap_recall": overlap_recall, "exact_recall": exact_recall,
            "bleu4_corpus": c_bleu, "bleu4_sentence_mean": s_bleu, "bleu_pairs": len(pairs),
            "per_type": {t: {"n": c["n"],
                             "overlap_recall": c["overlap"] / c["n"] if c["n"] else None,
                             "exact_recall": c["exact"] / c["n"] if c["n"] else None} for t, c in per_type.items()},
            "generated_formats": dict(fmt_counts), "generated_kinds": dict(kind_counts),
            "targets": {"overlap_recall_min": TARGET_OVERLAP_RECALL,
                        "questions_per_paragraph_max": TARGET_QUESTIONS_PER_PARAGRAPH,
                        "met": bool(ok_recall and ok_qpp)},
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time quizgen's PDF reader against pypdf alone on a ~300-page PDF (median of several runs).

    PYTHONPATH=. python benchmarks/bench_readers.py [--pages 300] [--runs 5] [--pdf FILE]

"pypdf alone" is ``PdfReader`` plus ``page.extract_text()`` for every page: the least any reader
built on pypdf must do. "quizgen" is :func:`quizgen.read.document.read_document`: the same
extraction with pypdf's text visitor (positions and font sizes of the lines), then running
headers, footers and page numbers dropped, lines reflowed into paragraphs, hyphenated breaks
joined, sections made, the text cleaned and its language checked. Without ``--pdf`` the document is
made by ``tests/docmaker.py``: 300 pages of 40 lines of English prose, a running header and a page
number on each page (about 830 kB of text).

Measured on the development container (2 cores, shared, load average about 4; Python 3.11,
pypdf 7.1.1), 300 pages (1.0 MB PDF, about 830 kB of text), 9 interleaved runs, medians:

    pypdf alone                1.10 s
    pypdf with a text visitor  1.09 s
    quizgen reader             1.41 s
    ratio to pypdf alone       1.28

i.e. quizgen's rules (lines with positions, headers and footers, reflow, sections, cleaning, the
language check) add about 0.3 s per 300 pages, 1 ms a page -- nothing next to parsing the text
(minutes for 300 pages). On a quiet machine the ratio was 1.39-1.42 (0.70 s against 0.99 s).
See docs/input-formats.md.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def made_pdf(pages: int) -> bytes:
    from test_bad_documents import large_pdf

    return large_pdf(pages)


def pypdf_alone(data: bytes) -> int:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return sum(len(page.extract_text() or "") for page in reader.pages)


def pypdf_with_visitor(data: bytes) -> int:
    """pypdf's extraction with a text visitor that does nothing: what pypdf itself pays for positions."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return sum(len(page.extract_text(visitor_text=lambda *a: None) or "") for page in reader.pages)


def quizgen_reader(data: bytes) -> int:
    from quizgen.read.document import read_document

    return len(read_document(data, "bench.pdf").text)


def median_times(fns, data: bytes, runs: int) -> list[float]:
    """The median time of each function; the runs are interleaved (one of each in turn), so that a
    busy machine slows them alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for k, fn in enumerate(fns):
            started = time.perf_counter()
            fn(data)
            times[k].append(time.perf_counter() - started)
    return [statistics.median(t) for t in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pdf", type=Path, help="a PDF of your own instead of the made one")
    args = parser.parse_args()
    data = args.pdf.read_bytes() if args.pdf else made_pdf(args.pages)
    pypdf_alone(data)  # warm up imports
    quizgen_reader(data)
    base, visited, ours = median_times([pypdf_alone, pypdf_with_visitor, quizgen_reader], data, args.runs)
    print(f"{len(data) / 1e6:.1f} MB PDF, {args.runs} runs each (medians)")
    print(f"pypdf alone                {base:.2f} s")
    print(f"pypdf with a text visitor  {visited:.2f} s")
    print(f"quizgen reader             {ours:.2f} s")
    print(f"ratio to pypdf alone       {ours / base:.2f}")
    print(f"ratio to pypdf + visitor   {ours / visited:.2f}")


if __name__ == "__main__":
    main()

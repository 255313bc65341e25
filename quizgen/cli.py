"""The command line. Each command mirrors a library function:

=====================================  ===========================================
``quizgen generate INPUT... --json P``  ``quizgen.generate_files(...)``, ``write_json``
``--anki P``                            ``quizgen.write_apkg(quiz, P)``
``--html P`` / ``quizgen html Q -o P``  ``quizgen.export.html.write_html(quiz, P)``
``quizgen schema``                      ``quizgen.json_schema()``
``quizgen validate Q``                  ``quizgen.export.validate.validate_file(Q)``
``--jsonl P`` / ``--jsonl-in C``        ``quizgen.iter_quizzes(read_jsonl_sources(C))``
``--jobs N`` / ``--no-cache``           ``generate_sources(..., jobs=N, cache=False)``
``quizgen cache clear``                 ``quizgen.run.cache.ParseCache().clear()``
=====================================  ===========================================

Errors are one line on stderr and an exit code (README, "Input and errors"):
0 ok, 1 input problem, 2 usage error, 3 output problem, 4 missing language model,
70 internal error, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import List, Optional

import typer

from quizgen._version import __version__
from quizgen.errors import OutputError, QuizgenError
from quizgen.questions.learned import DEFAULT_MIN_SCORE

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn real text into quizzes and flashcards whose every answer is an exact span of the text.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: rich's boxes cost 0.15 s of start-up on every --help
)

# Arguments show their metavar (FILE_OR_DIR, QUIZ.json) in help, not also typer's type name ("<list[Path]>").
typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]

EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


def _err(msg: str) -> None:
    typer.echo(f"quizgen: {msg}", err=True)


def _warn(msg: str) -> None:
    typer.echo(f"quizgen: warning: {msg}", err=True)


def _handles_errors(fn):
    """Run a command, turning a QuizgenError or a closed stdout into one line on stderr and its exit code, and
    Ctrl-C (or SIGTERM) into its exit code, which :func:`_run` reports."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except QuizgenError as e:
            _err(str(e))
            raise typer.Exit(e.exit_code) from None
        except KeyboardInterrupt as e:  # (typer would exit 130 even after SIGTERM)
            raise typer.Exit(_interrupted(e)) from None
        except BrokenPipeError:  # quizgen generate ... | head: the reader went away
            _close_stdout()
            _err("cannot write to standard output: broken pipe")
            raise typer.Exit(OutputError.exit_code) from None

    return wrapper


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quizgen {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    pass


GENERATE_EPILOG = """\b
Formats (--formats):
  short_answer     a wh-question: "How many prisoners did Cuba say it will release?"
  multiple_choice  the same with four choices (numbers and dates only)
  cloze            a whole sentence with the answer blanked: "Cuba will release _____ prisoners."
Kinds (--kinds): who, when, how_many, where (what the answer is).

\b
Examples:
  quizgen generate article.txt --anki article.apkg
  quizgen generate notes/ --json quiz.json --html quiz.html --min-score 0.7
  quizgen generate chapter.md --kinds who,when --formats short_answer,multiple_choice --gift quiz.gift
  quizgen generate handout.pdf report.docx book.epub saved-page.html --anki course.apkg
  quizgen generate --jsonl-in corpus.jsonl --jsonl quizzes.jsonl --jobs 4

Inputs are read by their content (a PDF named .txt is still a PDF): PDF text layers (pages as
sections), Word paragraphs and headings, EPUB chapters, the main content of web pages, rendered
Markdown, plain text. Only English text gives questions.
"""


@app.command(short_help="Generate questions from files (text, PDF, Word, EPUB, HTML, Markdown) or folders; write JSON, Anki, HTML, GIFT, QTI or CSV.",
             epilog=GENERATE_EPILOG)
@_handles_errors
def generate(
    inputs: Optional[List[Path]] = typer.Argument(None, metavar="FILE_OR_DIR", show_default=False,
                                                 help="Files (text, Markdown, HTML, PDF, Word .docx, EPUB), or folders of them."),
    jsonl_in: Optional[Path] = typer.Option(None, "--jsonl-in", metavar="CORPUS.jsonl", help='Read sources from JSON Lines, one {"id", "title", "text"} a line, streaming (instead of FILE_OR_DIR...).'),
    json_out: Optional[Path] = typer.Option(None, "--json", metavar="QUIZ.json", help="Write the quiz as JSON here."),
    jsonl_out: Optional[Path] = typer.Option(None, "--jsonl", metavar="QUIZZES.jsonl", help="Write one quiz per source per line here (JSON Lines), streaming."),
    anki_out: Optional[Path] = typer.Option(None, "--anki", metavar="DECK.apkg", help="Write an Anki deck here."),
    html_out: Optional[Path] = typer.Option(None, "--html", metavar="PAGE.html", help="Write a self-contained HTML quiz player here."),
    gift_out: Optional[Path] = typer.Option(None, "--gift", metavar="QUIZ.gift", help="Write Moodle GIFT here."),
    qti_out: Optional[Path] = typer.Option(None, "--qti", metavar="QUIZ.zip", help="Write a QTI 1.2 zip (Canvas) here."),
    csv_out: Optional[Path] = typer.Option(None, "--csv", metavar="QUIZ.csv", help="Write CSV here (TSV when the name ends in .tsv)."),
    title: Optional[str] = typer.Option(None, "--title", metavar="TEXT", help="Quiz title (default: the source's title, or 'quizgen quiz')."),
    formats: str = typer.Option("short_answer,multiple_choice,cloze", "--formats", metavar="FORMATS",
                                help="Question forms allowed, comma-separated (see below)."),
    kinds: Optional[str] = typer.Option(None, "--kinds", metavar="KINDS",
                                        help="Keep only questions whose answer is of these kinds, comma-separated: who, when, how_many, where (default: all)."),
    min_score: float = typer.Option(DEFAULT_MIN_SCORE, "--min-score", min=0.0, max=1.0, metavar="SCORE",
                                   help="Drop questions less likely than this to be accepted by a strict teacher (the score is that estimated probability; 0 keeps all)."),
    max_per_source: Optional[int] = typer.Option(None, "--max-per-source", min=1, metavar="N", help="Keep at most this many (best-scored) questions per source."),
    encoding: Optional[str] = typer.Option(None, "--encoding", metavar="ENC", help="Read inputs in this encoding instead of UTF-8."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, metavar="N", help="Worker processes (0: one per core). The output is the same for every value."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Parse every text again; neither read nor write the parse cache."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Generate questions from texts and write them as JSON, JSON Lines, Anki, HTML, GIFT, QTI or CSV.

    With no output option the JSON quiz goes to standard output. Parses are cached
    (quizgen cache --help), so a second run over the same texts is quick.
    """
    from quizgen import pipeline

    from quizgen.questions.build import check_kinds

    try:
        fmt_list = list(pipeline.check_formats(_names(formats)))
    except QuizgenError as e:
        raise typer.BadParameter(str(e), param_hint="--formats") from None
    try:
        kind_set = set(check_kinds(_names(kinds))) if kinds is not None else None
    except QuizgenError as e:
        raise typer.BadParameter(str(e), param_hint="--kinds") from None
    if inputs and jsonl_in is not None:
        raise typer.BadParameter("give FILE_OR_DIR... or --jsonl-in, not both", param_hint="--jsonl-in")
    if not inputs and jsonl_in is None:
        raise typer.BadParameter("give FILE_OR_DIR... (files or folders) or --jsonl-in CORPUS.jsonl", param_hint="FILE_OR_DIR...")
    whole = [p for p in (json_out, anki_out, html_out, gift_out, qti_out, csv_out) if p is not None]
    outputs = whole + ([jsonl_out] if jsonl_out is not None else [])
    from quizgen.export.fileio import check_writable

    for p in outputs:  # before any work: a run that cannot write its output is not started
        check_writable(p)
    if jsonl_in is not None:
        from quizgen.read.sources import read_jsonl_sources

        sources = read_jsonl_sources(jsonl_in, on_warning=_warn)
        total = None
    else:
        from quizgen.read.sources import iter_file_sources

        def on_page(path, done: int, pages: int) -> None:  # a PDF is read page by page (the bar exists by then)
            bar.update(task, description=f"reading {path.name} (page {done} of {pages})")

        sources, total = iter_file_sources(list(inputs or []), encoding=encoding, on_warning=_warn, on_page=on_page)
    # The whole-quiz outputs (and stdout) need every source and question at the end; --jsonl alone holds nothing.
    hold = bool(whole) or not outputs

    show = not quiet and sys.stderr.isatty()
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from quizgen.export.fileio import atomic_path

    console = Console(stderr=True)
    held_sources, held_questions = [], []
    counts: list[tuple[str, list[int]]] = []
    empty: list[str] = []
    n_sources = 0
    jsonl_ctx = atomic_path(jsonl_out) if jsonl_out is not None else contextlib.nullcontext()
    with jsonl_ctx as jsonl_tmp, contextlib.ExitStack() as stack:
        jsonl_file = stack.enter_context(open(jsonl_tmp, "w", encoding="utf-8", newline="\n")) if jsonl_tmp else None
        bar = stack.enter_context(Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                           TimeElapsedColumn(), console=console, disable=not show, transient=True))
        task = bar.add_task("loading the English model", total=total)

        def on_part(src, done: int, parts: int) -> None:  # a long text is parsed in parts
            bar.update(task, description=f"questions from {src.id} (part {done} of {parts})")

        quizzes = pipeline.iter_quizzes(sources, formats=fmt_list, min_score=min_score, max_per_source=max_per_source,
                                        jobs=jobs, cache=not no_cache, on_part=on_part)
        for one in quizzes:
            if kind_set:
                one = one.filter(kinds=kind_set)
            src = one.sources[0]
            n_sources += 1
            bar.update(task, advance=1, description=f"questions from {src.id}")
            if jsonl_file is not None:
                jsonl_file.write(one.to_json(indent=None))
            if hold:
                held_sources.append(src)
                held_questions.extend(one.questions)
            if not quiet:
                counts.append((src.id, _kind_counts(one.questions)))
            if not one.questions:
                empty.append(src.id)
        if jsonl_file is not None:
            jsonl_file.close()
        if not n_sources:
            raise QuizgenError(f"{jsonl_in}: no sources (no JSON lines in the file, or every line was skipped)")
    path_of = getattr(sources, "path_of", {})
    for sid in empty:
        where = path_of.get(sid) or f"{jsonl_in}: source {sid}"
        _warn(f"{where}: no questions (no names, dates, numbers or places found)")

    if hold:
        from quizgen.models import Quiz

        quiz = Quiz(title=pipeline.quiz_title(held_sources, title), sources=held_sources, questions=held_questions)
        if not outputs:
            sys.stdout.write(quiz.to_json())
        _write_outputs(quiz, json_out=json_out, anki_out=anki_out, html_out=html_out, gift_out=gift_out,
                       qti_out=qti_out, csv_out=csv_out)
    if not quiet:
        _summary(console, counts, outputs)


def _names(value: str) -> list[str]:
    """``"who, when"`` -> ``["who", "when"]``: a comma-separated option's items."""
    return [n.strip() for n in value.split(",") if n.strip()]


def _kind_counts(questions) -> list[int]:
    from quizgen.models import KINDS

    return [sum(q.kind == k for q in questions) for k in KINDS]


def _write_outputs(quiz, *, json_out=None, anki_out=None, html_out=None, gift_out=None, qti_out=None, csv_out=None) -> None:
    from quizgen import write_apkg, write_json

    if json_out:
        write_json(quiz, json_out)
    if anki_out:
        write_apkg(quiz, anki_out)
    if html_out:
        from quizgen.export.html import write_html

        write_html(quiz, html_out)
    if gift_out:
        from quizgen.export.gift import write_gift

        write_gift(quiz, gift_out)
    if qti_out:
        from quizgen.export.qti import write_qti

        write_qti(quiz, qti_out)
    if csv_out:
        from quizgen.export.table import write_csv

        write_csv(quiz, csv_out)


#: Above this many sources the summary shows totals only.
SUMMARY_ROWS = 50


def _summary(console, counts: list[tuple[str, list[int]]], outputs) -> None:
    from rich.table import Table

    from quizgen.models import KINDS

    total = sum(sum(c) for _, c in counts)
    table = Table(title=f"{total} questions from {len(counts)} sources" if len(counts) > SUMMARY_ROWS
                  else f"{total} questions", title_justify="left")
    table.add_column("source")
    for k in KINDS:
        table.add_column(k, justify="right")
    table.add_column("total", justify="right")
    if len(counts) <= SUMMARY_ROWS:
        for sid, c in counts:
            table.add_row(sid, *map(str, c), str(sum(c)))
    else:
        sums = [sum(c[i] for _, c in counts) for i in range(len(KINDS))]
        table.add_row(f"all {len(counts)}", *map(str, sums), str(total))
    console.print(table)
    for p in outputs:
        console.print(f"wrote {p}")


@app.command(short_help="List every candidate question with the quality gate's verdict and reason (JSON Lines).")
@_handles_errors
def explain(
    inputs: List[Path] = typer.Argument(..., metavar="FILE_OR_DIR", help="Text files or folders, as for generate."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="OUT.jsonl",
                                          help="Write the verdicts here (JSON Lines) instead of standard output."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Text encoding of the inputs (default UTF-8)."),
) -> None:
    """List every candidate question with the quality gate's verdict and reason, as JSON Lines."""
    import json

    from quizgen import explain_files
    from quizgen.export.fileio import write_text

    rows = explain_files([str(p) for p in inputs], encoding=encoding, on_warning=_warn)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if output is None:
        sys.stdout.write(text)
        return
    write_text(output, text)
    kept = sum(r["emitted"] for r in rows)
    typer.echo(f"wrote {output}: {len(rows)} candidates, {kept} emitted, {len(rows) - kept} dropped with a reason", err=True)


@app.command(short_help="Print the JSON Schema of the quiz format.")
@_handles_errors
def schema() -> None:
    """Print the JSON Schema of the quiz format."""
    from quizgen.resources import read_package_file

    sys.stdout.write(read_package_file("quiz.schema.json"))


@app.command(short_help="Turn a JSON quiz into a self-contained HTML quiz player.")
@_handles_errors
def html(
    quiz_file: Path = typer.Argument(..., metavar="QUIZ.json", help="A quiz written by quizgen generate --json."),
    output: Path = typer.Option(..., "-o", "--output", metavar="PAGE.html", help="Where to write the HTML page."),
) -> None:
    """Turn a JSON quiz into a self-contained HTML quiz player (one file, no network, opens from file://)."""
    quiz = _load_quiz(quiz_file)
    from quizgen.export.html import write_html

    write_html(quiz, output)
    typer.echo(f"wrote {output}", err=True)


@app.command(short_help="Print a quiz's questions and answers, one question a line.")
@_handles_errors
def show(
    quiz_file: Path = typer.Argument(..., metavar="QUIZ.json", help="A quiz written by quizgen generate --json."),
) -> None:
    """Print a quiz's questions, each with its answer (and the choices of a multiple-choice question)."""
    from quizgen.export.text import quiz_text

    sys.stdout.write(quiz_text(_load_quiz(quiz_file)))


@app.command(short_help="Check a quiz file against the schema and the grounding invariant.")
@_handles_errors
def validate(
    quiz_file: Path = typer.Argument(..., metavar="QUIZ.json", help="A quiz file, possibly edited by hand."),
) -> None:
    """Check a quiz file against the schema and the grounding invariant."""
    from quizgen.export.validate import validate_file

    problems = validate_file(quiz_file)
    for p in problems:
        typer.echo(f"{quiz_file}:{p}", err=True)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"{quiz_file}: ok")


cache_app = typer.Typer(
    help="The parse cache: parsed texts kept on disk so that regenerating does not parse again.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(cache_app, name="cache", short_help="The parse cache: where it is, its size; clear it.")


@cache_app.command("info")
@_handles_errors
def cache_info() -> None:
    """Print where the cache is, how many parses it holds and their size."""
    from quizgen.run.cache import ParseCache

    c = ParseCache()
    names = [p.name for p in c.entries()]
    parses, questions = sum(n.endswith(".spacy") for n in names), sum(n.endswith(".json") for n in names)
    typer.echo(f"{c.root}: {parses} parsed texts, {questions} question sets, {c.size() / 1e6:.1f} MB "
               "(QUIZGEN_CACHE_DIR moves it; quizgen cache clear empties it)")


@cache_app.command("clear")
@_handles_errors
def cache_clear() -> None:
    """Delete every cached parse."""
    from quizgen.run.cache import ParseCache

    c = ParseCache()
    n = c.clear()
    typer.echo(f"{c.root}: removed {n} cached parses")


def _load_quiz(path: Path):
    from quizgen.models import Quiz

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise QuizgenError(f"{path}: no such file") from None
    except OSError as e:
        raise QuizgenError(f"{path}: {e.strerror}") from None
    try:
        return Quiz.from_json(data)
    except ValueError as e:
        first = str(e).splitlines()
        raise QuizgenError(f"{path}: not a valid quiz ({first[1].strip() if len(first) > 1 else first[0]}); run quizgen validate {path}") from None


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that every ``finally`` (temporary files) runs."""


def _on_sigterm(signum, frame) -> None:
    raise _Terminated()


def _interrupted(e: BaseException) -> int:
    """The exit code of an interrupted run: 143 after SIGTERM, 130 after Ctrl-C."""
    while e is not None:
        if isinstance(e, _Terminated):
            return EXIT_TERMINATED
        e = e.__cause__ or e.__context__
    return EXIT_INTERRUPTED


def main(argv: Optional[list[str]] = None) -> None:
    """Entry point: run the app, turning every failure into one line and an exit code."""
    import signal

    previous = None
    with contextlib.suppress(ValueError, OSError):  # not in the main thread: leave SIGTERM alone
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        _run(argv)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def run() -> None:
    """The ``quizgen`` command (and ``python -m quizgen``): :func:`main`, then a quick exit.

    At exit Python frees every object one by one, which gives back nothing the OS does not
    reclaim at once: 0.27-0.37 s after news-dev copied 5 times (the model, 150 parses' strings
    and the quiz), about 0.03 s after one article.
    So once :func:`main` is done (outputs written and flushed, temporary files removed), this
    runs the ``atexit`` handlers and ends the process with :func:`os._exit`, keeping the exit code.
    It leaves the exit to Python while another thread is still running, and under a profiler or
    a debugger (``python -m cProfile -m quizgen``, pyinstrument, pdb), which write their results
    or take over after the program returns. :func:`main` itself exits normally: it is what
    scripts and tests call in their own process.
    """
    import os
    import threading

    try:
        main()
        code = 0
    except SystemExit as e:
        code = e.code
    if code is None:
        code = 0
    if not isinstance(code, int) or threading.active_count() > 1 or sys.getprofile() or sys.gettrace():
        sys.exit(code)
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def _run(argv: Optional[list[str]]) -> None:
    try:
        rc = app(args=argv, standalone_mode=False)
        sys.stdout.flush()  # here, where a closed pipe is still reported as one line
    except QuizgenError as e:
        _err(str(e))
        sys.exit(e.exit_code)
    except KeyboardInterrupt as e:
        _err("interrupted")
        sys.exit(_interrupted(e))
    except SystemExit:
        raise
    except BrokenPipeError:
        _close_stdout()
        _err("cannot write to standard output: broken pipe")
        sys.exit(OutputError.exit_code)
    except Exception as e:  # a bug: still one line, never a traceback
        # typer >= 0.16 raises the exceptions of its own copy of click: know usage errors by their interface
        code = getattr(e, "exit_code", None)
        if isinstance(e, typer.Exit) or type(e).__name__ == "Exit":
            sys.exit(code)
        if isinstance(e, typer.Abort) or type(e).__name__ == "Abort":  # click turns Ctrl-C into Abort
            _err("interrupted")
            sys.exit(_interrupted(e))
        if isinstance(code, int) and callable(getattr(e, "show", None)):  # a usage error
            e.show()
            sys.exit(code)
        first = (str(e).splitlines() or [""])[0]
        _err(f"internal error: {type(e).__name__}: {first} (please report it)")
        sys.exit(EXIT_INTERNAL)
    if rc in (EXIT_INTERRUPTED, EXIT_TERMINATED):  # from a command, or typer's own silent 130 while it parses
        _err("interrupted")
    sys.exit(rc if isinstance(rc, int) else 0)


def _close_stdout() -> None:
    """Point stdout at /dev/null, so that Python's final flush does not fail again."""
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())

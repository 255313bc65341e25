"""The command line. Each command mirrors a library function:

=====================================  ===========================================
``quizgen generate INPUT... --json P``  ``quizgen.generate_files(...)``, ``write_json``
``--anki P``                            ``quizgen.write_apkg(quiz, P)``
``--html P`` / ``quizgen html Q -o P``  ``quizgen.export.html.write_html(quiz, P)``
``quizgen review Q -o P``               ``quizgen.export.review.write_review(quiz, P)``
``quizgen schema``                      ``quizgen.json_schema()``
``--decisions D`` (generate, html)      ``quiz.apply_decisions(D)`` (``quizgen.apply_decisions``)
``quizgen schema --decisions``          ``quizgen.decisions_schema()``
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


def _print(text: str) -> None:
    """Write a command's text to standard output; an ``OutputError`` when the process has none (``>&-``)."""
    if sys.stdout is None:
        raise OutputError("cannot write to standard output: it is closed")
    sys.stdout.write(text)


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
  cat article.txt | quizgen generate - --id article --title "The article" --json - | quizgen show -
  quizgen generate notes/ --anki - > notes.apkg
  quizgen generate notes/ --decisions decisions.json --anki notes.apkg --stale-out stale.json

\b
Names: any file name is read; a source's id is the file name without its extension, unchanged for
an ordinary name (bytes that are not UTF-8 become %XX, controls and odd whitespace _, "::" ":";
a repeated id gets -2, -3, ...). - as FILE_OR_DIR reads one text from standard input; - as an
output path writes that output to standard output (one output at most).

Inputs are read by their content (a PDF named .txt is still a PDF): PDF text layers (pages as
sections), Word paragraphs and headings, EPUB chapters, the main content of web pages, rendered
Markdown, plain text. Only English text gives questions.
"""


@app.command(short_help="Generate questions from files (text, PDF, Word, EPUB, HTML, Markdown) or folders; write JSON, Anki, HTML, GIFT, QTI or CSV.",
             epilog=GENERATE_EPILOG)
@_handles_errors
def generate(
    inputs: Optional[List[Path]] = typer.Argument(None, metavar="FILE_OR_DIR", show_default=False,
                                                 help="Files (text, Markdown, HTML, PDF, Word .docx, EPUB), or folders of them; - reads one input from standard input."),
    jsonl_in: Optional[Path] = typer.Option(None, "--jsonl-in", metavar="CORPUS.jsonl", help='Read sources from JSON Lines, one {"id", "title", "text"} a line, streaming (instead of FILE_OR_DIR...); - reads them from standard input.'),
    json_out: Optional[Path] = typer.Option(None, "--json", metavar="QUIZ.json", help="Write the quiz as JSON here (- for standard output, as for every output option below)."),
    jsonl_out: Optional[Path] = typer.Option(None, "--jsonl", metavar="QUIZZES.jsonl", help="Write one quiz per source per line here (JSON Lines), streaming."),
    anki_out: Optional[Path] = typer.Option(None, "--anki", metavar="DECK.apkg", help="Write an Anki deck here."),
    html_out: Optional[Path] = typer.Option(None, "--html", metavar="PAGE.html", help="Write a self-contained HTML quiz player here."),
    gift_out: Optional[Path] = typer.Option(None, "--gift", metavar="QUIZ.gift", help="Write Moodle GIFT here."),
    qti_out: Optional[Path] = typer.Option(None, "--qti", metavar="QUIZ.zip", help="Write a QTI 1.2 zip (Canvas) here."),
    csv_out: Optional[Path] = typer.Option(None, "--csv", metavar="QUIZ.csv", help="Write CSV here (TSV when the name ends in .tsv)."),
    title: Optional[str] = typer.Option(None, "--title", metavar="TEXT", help="Quiz title (default: the source's title, or 'quizgen quiz'); with - also the title of the text read from standard input."),
    source_id: Optional[str] = typer.Option(None, "--id", metavar="ID", help="Source id of the text read from standard input with - (default: stdin). Files are named by their file names."),
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
    decisions_in: Optional[Path] = typer.Option(None, "--decisions", metavar="DECISIONS.json",
                                                help="Apply a teacher's decisions (docs/decisions.md): drop rejected questions, apply edits, mark kept ones reviewed."),
    stale_out: Optional[Path] = typer.Option(None, "--stale-out", metavar="STALE.json",
                                             help="With --decisions: write the decisions whose question is no longer generated here (a decisions file)."),
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
    from quizgen.export.fileio import check_writable, is_stdout

    stdin_in = _check_stdin_input(inputs, source_id)
    named_outputs = [(o, p) for o, p in (("--json", json_out), ("--anki", anki_out), ("--html", html_out),
                                         ("--gift", gift_out), ("--qti", qti_out), ("--csv", csv_out),
                                         ("--jsonl", jsonl_out)) if p is not None]
    _check_stdout_outputs(named_outputs)
    whole = [p for o, p in named_outputs if o != "--jsonl"]
    outputs = [p for _, p in named_outputs]
    if stale_out is not None and decisions_in is None:
        raise typer.BadParameter("--stale-out lists the stale decisions of --decisions: give --decisions too",
                                 param_hint="--stale-out")
    if stale_out is not None and is_stdout(stale_out):
        _check_stdout_outputs((named_outputs or [("--json", "-")]) + [("--stale-out", stale_out)])
    for p in (outputs or ["-"]) + ([stale_out] if stale_out is not None else []):  # before any work: a run that cannot write its output is not started
        check_writable(p)
    decisions = _read_decisions(decisions_in) if decisions_in is not None else None
    applied = _Applied(decisions) if decisions is not None else None
    if jsonl_in is not None:
        from quizgen.read.sources import STDIN_NAME, read_jsonl_sources

        if is_stdout(jsonl_in):  # (the same test: "-")
            _reading_stdin_hint(quiet)
            sources = read_jsonl_sources(_stdin_bytes(), name=STDIN_NAME, on_warning=_warn)
            input_name = STDIN_NAME
        else:
            sources = read_jsonl_sources(jsonl_in, on_warning=_warn)
            input_name = _shown(jsonl_in)
        total = None
    elif stdin_in:
        from quizgen.read.sources import STDIN_NAME, read_stdin_source

        _reading_stdin_hint(quiet)
        source, source_warnings = read_stdin_source(_stdin_bytes(), encoding=encoding, id=source_id, title=title)
        for w in source_warnings:
            _warn(w)
        sources, total, input_name = iter([source]), 1, STDIN_NAME
    else:
        from quizgen.read.sources import iter_file_sources

        def on_page(path, done: int, pages: int) -> None:  # a PDF is read page by page (the bar exists by then)
            bar.update(task, description=f"reading {_shown(path.name)} (page {done} of {pages})")

        sources, total = iter_file_sources(list(inputs or []), encoding=encoding, on_warning=_warn, on_page=on_page)
        input_name = None  # each source names its file (sources.path_of)
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
    jsonl_to_file = jsonl_out is not None and not is_stdout(jsonl_out)
    jsonl_ctx = atomic_path(jsonl_out) if jsonl_to_file else contextlib.nullcontext()
    with jsonl_ctx as jsonl_tmp, contextlib.ExitStack() as stack:
        jsonl_file = stack.enter_context(open(jsonl_tmp, "w", encoding="utf-8", newline="\n")) if jsonl_tmp else None
        if jsonl_out is not None and not jsonl_to_file:
            jsonl_file = _StdoutLines()
        bar = stack.enter_context(Progress(TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
                                           TimeElapsedColumn(), console=console, disable=not show, transient=True))
        task = bar.add_task("loading the English model", total=total)

        def on_part(src, done: int, parts: int) -> None:  # a long text is parsed in parts
            bar.update(task, description=f"questions from {src.id} (part {done} of {parts})")

        quizzes = pipeline.iter_quizzes(sources, formats=fmt_list, min_score=min_score, max_per_source=max_per_source,
                                        jobs=jobs, cache=not no_cache, on_part=on_part)
        for one in quizzes:
            if kind_set:
                one = one.filter(kinds=kind_set)
            if applied is not None:
                one = applied.apply(one)
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
            raise QuizgenError(f"{input_name}: no sources (no JSON lines in the file, or every line was skipped)")
    path_of = getattr(sources, "path_of", {})
    for sid in empty:
        if sid in path_of:
            where = _shown(path_of[sid])
        elif jsonl_in is not None:
            where = f"{input_name}: source {sid}"
        else:
            where = input_name
        _warn(f"{where}: no questions (no fact in it passed the quality checks; 'quizgen explain' lists why)")

    if hold:
        from quizgen.models import Quiz

        quiz = Quiz(title=pipeline.quiz_title(held_sources, title), sources=held_sources, questions=held_questions)
        _write_outputs(quiz, json_out=json_out if outputs else Path("-"), anki_out=anki_out, html_out=html_out,
                       gift_out=gift_out, qti_out=qti_out, csv_out=csv_out)
    if applied is not None:
        applied.finish(decisions_in, stale_out, quiet)
    if not quiet:
        _summary(console, counts, [_wrote(o, p) for o, p in named_outputs])


def _read_decisions(path: Path):
    """The decisions file of ``--decisions``: one line and exit code 1 when it is not valid (before any work)."""
    from quizgen.export.decisions import read_decisions

    return read_decisions(path)


class _Applied:
    """``--decisions`` over the quizzes of a run (one per source, streaming): each applied as it comes,
    the stale ones (no question of the run has their id) known at the end."""

    def __init__(self, decisions) -> None:
        from quizgen.export.decisions import DecisionReport

        self.decisions = decisions
        self.report = DecisionReport()
        self.seen: set[str] = set()

    def apply(self, quiz):
        from quizgen.export.decisions import apply_decisions

        self.seen.update(q.id for q in quiz.questions)
        quiz, r = apply_decisions(quiz, self.decisions)
        for name in ("kept", "edited", "rejected", "not_applied", "changed_source"):
            getattr(self.report, name).extend(getattr(r, name))
        for line in r.messages():
            _warn(line)
        return quiz

    def finish(self, decisions_in: Path, stale_out: Optional[Path], quiet: bool) -> None:
        """Say what was applied; name the stale decisions (and write them to ``stale_out``)."""
        from quizgen.export.fileio import write_text

        self.report.stale = sorted((d for d in self.decisions.decisions if d.id not in self.seen), key=lambda d: d.id)
        line = self.report.stale_line()
        if line:
            _warn(line)
        if self.report.changed_source and not quiet:
            n = len(self.report.changed_source)
            typer.echo(f"quizgen: {n} decision{'s' if n != 1 else ''} made on an earlier version of the text "
                       "applied (the questions' ids are unchanged)", err=True)
        if stale_out is not None:
            write_text(stale_out, self.report.stale_decisions(self.decisions.quiz_title).to_json())
        if not quiet:
            typer.echo(f"quizgen: {_shown(decisions_in)}: {self.report.summary()}"
                       + (f"; stale decisions in {_wrote_stale(stale_out)}" if stale_out is not None else ""), err=True)


def _wrote_stale(path: Path) -> str:
    from quizgen.export.fileio import is_stdout

    return "standard output" if is_stdout(path) else _shown(path)


def _names(value: str) -> list[str]:
    """``"who, when"`` -> ``["who", "when"]``: a comma-separated option's items."""
    return [n.strip() for n in value.split(",") if n.strip()]


def _kind_counts(questions) -> list[int]:
    from quizgen.models import KINDS

    return [sum(q.kind == k for q in questions) for k in KINDS]


def _write_outputs(quiz, *, json_out=None, anki_out=None, html_out=None, gift_out=None, qti_out=None, csv_out=None) -> None:
    """Write each output given; the one that goes to standard output (``-``) last, after every file."""
    from quizgen.export.fileio import is_stdout

    given = [(f, p) for f, p in (("json", json_out), ("anki", anki_out), ("html", html_out), ("gift", gift_out),
                                 ("qti", qti_out), ("csv", csv_out)) if p]
    for fmt, path in sorted(given, key=lambda fp: is_stdout(fp[1])):
        _write_one(fmt, quiz, path)


def _write_one(fmt: str, quiz, path) -> None:
    """One output; each writer is imported only when it is used."""
    if fmt == "json":
        from quizgen import write_json as write
    elif fmt == "anki":
        from quizgen import write_apkg as write
    elif fmt == "html":
        from quizgen.export.html import write_html as write
    elif fmt == "gift":
        from quizgen.export.gift import write_gift as write
    elif fmt == "qti":
        from quizgen.export.qti import write_qti as write
    else:
        from quizgen.export.table import write_csv as write
    write(quiz, path)


#: What each output option writes, for "wrote ... to standard output".
_OUTPUT_WHAT = {"--json": "the JSON quiz", "--jsonl": "the JSON Lines quizzes", "--anki": "the Anki deck",
                "--html": "the HTML quiz player", "--review": "the review page", "--gift": "the GIFT quiz", "--qti": "the QTI zip", "--csv": "the CSV table"}
#: Outputs that are bytes, not text: never written to a terminal.
_BINARY_OUTPUTS = frozenset({"--anki", "--qti"})


def _shown(path) -> str:
    """A path as messages show it (any name: undecodable bytes and controls escaped)."""
    from quizgen.read.names import display_name

    return display_name(path)


def _wrote(option: str, path) -> str:
    from quizgen.export.fileio import is_stdout

    return f"{_OUTPUT_WHAT[option]} to standard output" if is_stdout(path) else _shown(path)


def _check_stdin_input(inputs, source_id: Optional[str]) -> bool:
    """Whether the input is ``-`` (standard input); a usage error for ``-`` with other inputs, for
    ``--id`` without ``-``, and for an ``--id`` that is not a safe source id."""
    from quizgen.read.names import is_safe_id
    from quizgen.read.sources import STDIN

    stdin_in = any(str(p) == STDIN for p in inputs or [])
    if stdin_in and len(inputs) > 1:
        raise typer.BadParameter("- reads one text from standard input: give it alone, not with other inputs "
                                 "(./- is a file named -)", param_hint="FILE_OR_DIR...")
    if source_id is not None:
        if not stdin_in:
            raise typer.BadParameter("--id names the text read from standard input: use it with - "
                                     "(a file's id is made from its name)", param_hint="--id")
        if not is_safe_id(source_id):
            raise typer.BadParameter(f"{source_id!r} cannot be a source id: it must not be empty or blank, and may "
                                     "hold no control characters, no whitespace but spaces and no '::'",
                                     param_hint="--id")
    return stdin_in


def _check_stdout_outputs(named_outputs) -> None:
    """At most one output goes to standard output, and a binary one only when it is not a terminal."""
    from quizgen.export.fileio import is_stdout

    to_stdout = [o for o, p in named_outputs if is_stdout(p)]
    if len(to_stdout) > 1:
        raise typer.BadParameter(f"only one output can go to standard output (-), not {' and '.join(to_stdout)}",
                                 param_hint=to_stdout[1])
    if to_stdout and to_stdout[0] in _BINARY_OUTPUTS and _stdout_is_terminal():
        raise OutputError(f"{to_stdout[0]} -: standard output is a terminal; redirect it to a file "
                          f"or a pipe, or give a file name")


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except (ValueError, OSError):
        return False


def _stdin_bytes():
    """Standard input's byte stream (its text layer when it has none); ``InputError`` when it is closed."""
    from quizgen.errors import InputError
    from quizgen.read.sources import STDIN_NAME

    if sys.stdin is None:
        raise InputError(f"{STDIN_NAME}: cannot read: standard input is closed")
    return getattr(sys.stdin, "buffer", sys.stdin)


def _reading_stdin_hint(quiet: bool) -> None:
    """Say what is going on when standard input is a terminal (the user may not know it is waiting)."""
    with contextlib.suppress(ValueError, OSError, AttributeError):
        if not quiet and sys.stdin.isatty():
            typer.echo("quizgen: reading standard input until end of file (Ctrl-D)", err=True)


class _StdoutLines:
    """``--jsonl -``: each line written to standard output's bytes as it comes, and flushed (a pipe
    reader sees each source's quiz as soon as it is made)."""

    def __init__(self) -> None:
        from quizgen.export.fileio import stdout_bytes

        self._text, self._binary = stdout_bytes()
        self._text.flush()

    def write(self, line: str) -> None:
        self._binary.write(line.encode("utf-8"))
        self._binary.flush()

    def close(self) -> None:
        pass


#: Above this many sources the summary shows totals only.
SUMMARY_ROWS = 50


def _summary(console, counts: list[tuple[str, list[int]]], outputs) -> None:
    from rich.table import Table
    from rich.text import Text

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
            table.add_row(Text(sid), *map(str, c), str(sum(c)))  # Text: an id is never read as markup
    else:
        sums = [sum(c[i] for _, c in counts) for i in range(len(KINDS))]
        table.add_row(f"all {len(counts)}", *map(str, sums), str(total))
    console.print(table)
    for p in outputs:
        console.print(f"wrote {p}", markup=False)


@app.command(short_help="List every candidate question with the quality gate's verdict and reason (JSON Lines).")
@_handles_errors
def explain(
    inputs: List[Path] = typer.Argument(..., metavar="FILE_OR_DIR", help="Text files or folders, as for generate; - reads one text from standard input."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="OUT.jsonl",
                                          help="Write the verdicts here (JSON Lines) instead of standard output."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Text encoding of the inputs (default UTF-8)."),
) -> None:
    """List every candidate question with the quality gate's verdict and reason, as JSON Lines."""
    import json

    from quizgen import explain_files
    from quizgen.export.fileio import is_stdout, write_text

    if _check_stdin_input(inputs, None):
        from quizgen.pipeline import explain_sources
        from quizgen.read.sources import read_stdin_source

        source, source_warnings = read_stdin_source(encoding=encoding)
        for w in source_warnings:
            _warn(w)
        rows = list(explain_sources([source]))
    else:
        rows = explain_files([str(p) for p in inputs], encoding=encoding, on_warning=_warn)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if output is None:
        _print(text)
        return
    write_text(output, text)
    if is_stdout(output):
        return
    kept = sum(r["emitted"] for r in rows)
    typer.echo(f"wrote {_shown(output)}: {len(rows)} candidates, {kept} emitted, {len(rows) - kept} dropped with a reason", err=True)


@app.command(short_help="Print the JSON Schema of the quiz format (or of decisions.json).")
@_handles_errors
def schema(
    decisions: bool = typer.Option(False, "--decisions", help="The schema of a teacher's decisions file (docs/decisions.md) instead."),
) -> None:
    """Print the JSON Schema of the quiz format (with --decisions: of decisions.json)."""
    from quizgen.resources import read_package_file

    _print(read_package_file("decisions.schema.json" if decisions else "quiz.schema.json"))


@app.command(short_help="Turn a JSON quiz into a self-contained HTML quiz player.")
@_handles_errors
def html(
    quiz_file: Path = typer.Argument(..., metavar="QUIZ.json", help="A quiz written by quizgen generate --json (- reads it from standard input)."),
    output: Path = typer.Option(..., "-o", "--output", metavar="PAGE.html", help="Where to write the HTML page (- for standard output)."),
    decisions_in: Optional[Path] = typer.Option(None, "--decisions", metavar="DECISIONS.json",
                                                help="Apply a teacher's decisions first (as quizgen generate --decisions)."),
) -> None:
    """Turn a JSON quiz into a self-contained HTML quiz player (one file, no network, opens from file://)."""
    decisions = _read_decisions(decisions_in) if decisions_in is not None else None
    quiz = _load_quiz(quiz_file)
    from quizgen.export.html import write_html

    if decisions is not None:
        applied = _Applied(decisions)
        quiz = applied.apply(quiz)
        applied.finish(decisions_in, None, False)

    write_html(quiz, output)
    typer.echo(f"wrote {_wrote('--html', output)}", err=True)


@app.command(short_help="Turn a JSON quiz into a self-contained teacher review page (keep, reject, edit; save decisions.json).")
@_handles_errors
def review(
    quiz_file: Path = typer.Argument(..., metavar="QUIZ.json", help="A quiz written by quizgen generate --json (- reads it from standard input)."),
    output: Path = typer.Option(..., "-o", "--output", metavar="REVIEW.html", help="Where to write the review page (- for standard output)."),
) -> None:
    """Turn a JSON quiz into a teacher review page (one file, no network, opens from file://).

    Open it in a browser: every answer is highlighted in its source; keep or reject each question,
    edit prompts and distractors, add notes, then "Save decisions" downloads decisions.json."""
    quiz = _load_quiz(quiz_file)
    from quizgen.export.review import write_review

    write_review(quiz, output)
    typer.echo(f"wrote {_wrote('--review', output)}", err=True)


@app.command(short_help="Print a quiz's questions and answers, one question a line.")
@_handles_errors
def show(
    quiz_file: Path = typer.Argument(..., metavar="QUIZ.json", help="A quiz written by quizgen generate --json (- reads it from standard input)."),
) -> None:
    """Print a quiz's questions, each with its answer (and the choices of a multiple-choice question)."""
    from quizgen.export.text import quiz_text

    _print(quiz_text(_load_quiz(quiz_file)))


@app.command(short_help="Check a quiz file against the schema and the grounding invariant.")
@_handles_errors
def validate(
    quiz_file: Path = typer.Argument(..., metavar="QUIZ.json", help="A quiz file, possibly edited by hand (- reads it from standard input)."),
) -> None:
    """Check a quiz file against the schema and the grounding invariant."""
    from quizgen.export.validate import validate_bytes, validate_file
    from quizgen.read.sources import STDIN, STDIN_NAME

    if str(quiz_file) == STDIN:
        try:
            data = _stdin_bytes().read()
        except (OSError, ValueError) as e:
            raise QuizgenError(f"{STDIN_NAME}: cannot read: {getattr(e, 'strerror', None) or e}") from None
        quiz_file = STDIN_NAME
        problems = validate_bytes(data)
    else:
        problems = validate_file(quiz_file)
    for p in problems:
        typer.echo(f"{_shown(quiz_file)}:{p}", err=True)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"{_shown(quiz_file)}: ok")


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
    """The quiz in a JSON file, or on standard input for ``-``."""
    from quizgen.models import Quiz
    from quizgen.read.sources import STDIN, STDIN_NAME

    if str(path) == STDIN:
        path = STDIN_NAME
        try:
            data = _stdin_bytes().read()
        except (OSError, ValueError) as e:
            raise QuizgenError(f"{path}: cannot read: {getattr(e, 'strerror', None) or e}") from None
    else:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise QuizgenError(f"{_shown(path)}: no such file") from None
        except OSError as e:
            raise QuizgenError(f"{_shown(path)}: {e.strerror}") from None
        path = _shown(path)
    try:
        return Quiz.from_json(data)
    except ValueError as e:
        first = str(e).splitlines()
        hint = "" if path == STDIN_NAME else f"; run quizgen validate {path}"
        raise QuizgenError(f"{path}: not a valid quiz ({first[1].strip() if len(first) > 1 else first[0]}){hint}") from None


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
        with contextlib.suppress(OSError, ValueError, AttributeError):  # (None when the descriptor was closed)
            stream.flush()
    os._exit(code)


def _run(argv: Optional[list[str]]) -> None:
    try:
        rc = app(args=argv, standalone_mode=False)
        if sys.stdout is not None:  # None: started with standard output closed (quizgen ... >&-)
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

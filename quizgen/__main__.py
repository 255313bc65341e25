"""``python -m quizgen``, and the ``quizgen`` command's entry point (:func:`run`)."""


def run() -> None:
    """The ``quizgen`` command (:func:`quizgen.cli.run`), after :func:`quizgen.run.early.start`.

    The CLI is imported here, not at the top: every worker process of ``--jobs`` imports the
    command's script again (multiprocessing does, to find its functions), and a script that
    only imports this module costs a worker nothing (typer and click: about 0.03 s each).
    Before the CLI is imported, a ``generate`` that will parse in worker processes starts
    their server (:mod:`quizgen.run.early`). A Ctrl-C before the CLI is ready to answer it (in
    these imports, the first 0.1 s) ends the command as the CLI would, without a traceback.
    """
    import sys

    try:
        from quizgen.run.early import start

        start(sys.argv[1:])
        from quizgen.cli import run as run_cli
    except KeyboardInterrupt:
        sys.stderr.write("quizgen: interrupted\n")
        raise SystemExit(130) from None
    run_cli()


if __name__ == "__main__":  # not when a worker process (multiprocessing "spawn") imports it
    run()

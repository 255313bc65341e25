"""``python -m quizgen``, and the ``quizgen`` command's entry point (:func:`run`)."""


def run() -> None:
    """The ``quizgen`` command (:func:`quizgen.cli.run`).

    The CLI is imported here, not at the top: every worker process of ``--jobs`` imports the
    command's script again (multiprocessing does, to find its functions), and a script that
    only imports this module costs a worker nothing (typer and click: about 0.03 s each).
    """
    from .cli import run as run_cli

    run_cli()


if __name__ == "__main__":  # not when a worker process (multiprocessing "spawn") imports it
    run()

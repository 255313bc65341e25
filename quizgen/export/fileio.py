"""Atomic output: write to a temporary file beside the target, then ``os.replace``.

A failed or interrupted run never leaves a half-written file and never destroys
an existing output.

The path ``-`` means standard output (:data:`STDOUT`): the output is made whole in a
temporary folder first and then written to standard output's bytes in one go, so every
writer (JSON, Anki, HTML, GIFT, QTI, CSV) can write there, a binary one included, and a
failed run writes nothing to it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterator, Optional, Union

from quizgen.errors import OutputError

PathLike = Union[str, os.PathLike]

#: The output path that means standard output.
STDOUT = "-"


def _shown(path: PathLike) -> str:
    """A path as messages show it: any name on one printable line (:func:`quizgen.read.names.display_name`)."""
    from quizgen.read.names import display_name

    return display_name(path)


def is_stdout(path: Optional[PathLike]) -> bool:
    """True for the output path ``-`` (given as a str or a Path)."""
    return path is not None and os.fspath(path) == STDOUT


def stdout_bytes():
    """Standard output's binary stream; :class:`OutputError` when there is none (closed, or a
    text-only stream put in its place)."""
    import sys

    stream = sys.stdout
    if stream is None:
        raise OutputError("cannot write to standard output: it is closed")
    binary = getattr(stream, "buffer", None)
    if binary is None:
        raise OutputError("cannot write to standard output: it takes no bytes")
    return stream, binary


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise OutputError(f"{_shown(path)}: is a directory; give a file name")
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{_shown(path)}: cannot create directory {_shown(parent)}: {e.strerror}") from None
    if not parent.is_dir():
        raise OutputError(f"{_shown(path)}: {_shown(parent)} is not a directory")


def check_writable(path: PathLike) -> None:
    """Raise :class:`OutputError` now if ``path`` could not be written later; create nothing.

    ``path`` must not be a directory, and a file must be creatable in its directory (or, if
    that does not exist yet, in the nearest directory above it that does): a temporary file is
    made there and removed at once, which also catches read-only file systems and ``/proc``,
    where permission bits say nothing (root may write anywhere by mode, not by mount).
    """
    if is_stdout(path):
        stdout_bytes()
        return
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{_shown(target)}: is a directory; give a file name")
    parent = target.parent
    while not parent.exists() and not parent.is_symlink() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"{_shown(target)}: {_shown(parent)} is not a directory")
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".probe", dir=parent)
    except OSError as e:
        raise OutputError(f"{_shown(target)}: cannot write in {_shown(parent)}: {e.strerror or e}") from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)


@contextlib.contextmanager
def atomic_path(path: PathLike, suffix: str = "") -> Iterator[Path]:
    """Yield a temporary path in the target's directory; on success move it over ``path``.

    Whatever happens in between (an error, Ctrl-C), the temporary file is removed and an
    existing ``path`` is left as it was. For ``-`` (:data:`STDOUT`) the temporary file is in
    a temporary folder, and on success its bytes go to standard output.
    """
    if is_stdout(path):
        with _stdout_path(suffix) as tmp:
            yield tmp
        return
    target = Path(path)
    _check_target(target)
    tmp_path: Optional[Path] = None
    try:
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix + ".tmp", dir=target.parent)
        except OSError as e:
            raise OutputError(f"{_shown(target)}: cannot write in {_shown(target.parent)}: {e.strerror or e}") from None
        tmp_path = Path(tmp)
        os.close(fd)
        yield tmp_path
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp_path, os.stat(target).st_mode & 0o777)
        else:
            with contextlib.suppress(OSError):
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp_path, 0o666 & ~umask)
        os.replace(tmp_path, target)
    except OSError as e:
        raise OutputError(f"{_shown(target)}: cannot write: {e.strerror or e}") from None
    finally:
        if tmp_path is not None:
            with contextlib.suppress(OSError):
                tmp_path.unlink()


@contextlib.contextmanager
def _stdout_path(suffix: str) -> Iterator[Path]:
    """:func:`atomic_path` for standard output: a whole file first, then its bytes, flushed.

    A closed pipe raises :class:`BrokenPipeError` as it is (the command line reports it as one
    line); any other failure to write is an :class:`OutputError`.
    """
    stream, binary = stdout_bytes()
    with tempfile.TemporaryDirectory(prefix="quizgen-stdout-") as folder:
        tmp = Path(folder) / f"output{suffix}"
        tmp.touch()
        yield tmp
        data = tmp.read_bytes()
    try:
        stream.flush()
        binary.write(data)
        binary.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as e:
        raise OutputError(f"cannot write to standard output: {getattr(e, 'strerror', None) or e}") from None


def write_text(path: PathLike, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")


def write_bytes(path: PathLike, data: bytes) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def write_with(path: PathLike, writer: Callable[[Path], None], suffix: str = "") -> None:
    """Let ``writer`` write a whole file at a temporary path, then move it into place."""
    with atomic_path(path, suffix=suffix) as tmp:
        writer(tmp)

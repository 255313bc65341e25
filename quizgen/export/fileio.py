"""Atomic output: write to a temporary file beside the target, then ``os.replace``.

A failed or interrupted run never leaves a half-written file and never destroys
an existing output.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterator, Optional, Union

from quizgen.errors import OutputError

PathLike = Union[str, os.PathLike]


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name")
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{path}: cannot create directory {parent}: {e.strerror}") from None
    if not parent.is_dir():
        raise OutputError(f"{path}: {parent} is not a directory")


def check_writable(path: PathLike) -> None:
    """Raise :class:`OutputError` now if ``path`` could not be written later; create nothing.

    ``path`` must not be a directory, and a file must be creatable in its directory (or, if
    that does not exist yet, in the nearest directory above it that does): a temporary file is
    made there and removed at once, which also catches read-only file systems and ``/proc``,
    where permission bits say nothing (root may write anywhere by mode, not by mount).
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: is a directory; give a file name")
    parent = target.parent
    while not parent.exists() and not parent.is_symlink() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"{target}: {parent} is not a directory")
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".probe", dir=parent)
    except OSError as e:
        raise OutputError(f"{target}: cannot write in {parent}: {e.strerror or e}") from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)


@contextlib.contextmanager
def atomic_path(path: PathLike, suffix: str = "") -> Iterator[Path]:
    """Yield a temporary path in the target's directory; on success move it over ``path``.

    Whatever happens in between (an error, Ctrl-C), the temporary file is removed and an
    existing ``path`` is left as it was.
    """
    target = Path(path)
    _check_target(target)
    tmp_path: Optional[Path] = None
    try:
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix + ".tmp", dir=target.parent)
        except OSError as e:
            raise OutputError(f"{target}: cannot write in {target.parent}: {e.strerror or e}") from None
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
        raise OutputError(f"{target}: cannot write: {e.strerror or e}") from None
    finally:
        if tmp_path is not None:
            with contextlib.suppress(OSError):
                tmp_path.unlink()


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

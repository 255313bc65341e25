"""Atomic output: write to a temporary file beside the target, then ``os.replace``.

A failed or interrupted run never leaves a half-written file and never destroys
an existing output.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterator, Union

from .errors import OutputError

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


@contextlib.contextmanager
def atomic_path(path: PathLike, suffix: str = "") -> Iterator[Path]:
    """Yield a temporary path in the target's directory; on success move it over ``path``."""
    target = Path(path)
    _check_target(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix + ".tmp", dir=target.parent)
    except OSError as e:
        raise OutputError(f"{target}: cannot write here: {e.strerror}") from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
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
        raise OutputError(f"{target}: cannot write: {e.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
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

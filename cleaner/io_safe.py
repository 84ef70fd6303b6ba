"""Safe file writes: a temporary file in the same directory, then an atomic rename.

A reader (or a crash) sees either the old file or the new one, never half of
each. The new file keeps the old one's permission bits; writing through a
symbolic link replaces the link's target and leaves the link in place.

>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> atomic_write_text(d / "a.txt", "hello\\n")
>>> (d / "a.txt").read_text()
'hello\\n'
>>> write_text_if_changed(d / "a.txt", "hello\\n")
False
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["atomic_write_bytes", "atomic_write_text", "write_text_if_changed"]

DEFAULT_FILE_MODE = 0o666
"""Mode of a newly created file before the umask, as ``open()`` would use."""


def _current_umask() -> int:
    # os.umask can only be read by setting it; put the old value straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _target_mode(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return DEFAULT_FILE_MODE & ~_current_umask()


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, fsync: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permissions (or the umask's for a new file)."""
    target = Path(os.path.realpath(path))
    mode = _target_mode(target)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if fsync:
                os.fsync(fh.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def atomic_write_text(
    path: str | os.PathLike[str],
    text: str,
    *,
    encoding: str = "utf-8",
    fsync: bool = True,
) -> None:
    """Replace ``path`` with ``text`` atomically; newlines are written exactly as given."""
    atomic_write_bytes(path, text.encode(encoding), fsync=fsync)


def write_text_if_changed(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> bool:
    """Write ``text`` atomically unless the file already holds exactly it; return True when written."""
    data = text.encode(encoding)
    try:
        if Path(path).read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write_bytes(path, data)
    return True

"""Files that appear whole or not at all, written where and as a user expects.

- A regular file (or a new one) is written to a temp file beside it and renamed over it when the block ends
  without error: a reader never sees a half-written table, and a failed or interrupted run leaves the older file
  (and no temp file) behind.
- A symlink is written through: the temp file goes beside the real target, which is replaced; the link stays.
- A target that is not a regular file (`/dev/null`, a FIFO, a terminal) is opened and written directly.
- A new file gets the mode any program would give it (0666 less the umask); a replaced file keeps its mode.

`check_writable` says, before any work is done, whether a path can be written this way.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import IO, Iterator

from eventcoder.errors import OutputError


def _umask() -> int:
    try:  # Linux: read it without changing it (os.umask would, briefly, for every thread)
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def real_target(path: str | Path) -> Path:
    """The file a write to `path` lands in: symlinks followed (also dangling ones, whose target is created)."""
    return Path(os.path.realpath(path))


def is_special(path: str | Path) -> bool:
    """Whether `path` is an existing non-regular, non-directory file (/dev/null, a FIFO): written in place."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode)


def check_writable(path: str | Path) -> None:
    """Raise OutputError when `path` cannot be written by atomic_write (a folder, a read-only or missing place)."""
    target = real_target(path)
    if target.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name (e.g. {Path(path) / 'events.csv'})")
    if is_special(target):
        if not os.access(target, os.W_OK):
            raise OutputError(f"{path}: not writable")
        return
    parent = target.parent
    while not parent.exists():  # the folders that would be made; the first existing one must take them
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"{path}: {parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: cannot create files in {parent} (permission denied or read-only)")
    if target.exists() and not os.access(target, os.W_OK) and not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: not writable")


@contextlib.contextmanager
def atomic_write(path: str | Path, binary: bool = False) -> Iterator[IO]:
    """Open a file that appears at `path` only when the block finishes without error.

    A reader never sees a half-written table, and a failed run leaves an older file untouched.
    """
    target = real_target(path)
    if is_special(target):  # /dev/null, a FIFO: there is nothing to replace, and replacing it would be wrong
        with (open(target, "wb") if binary else open(target, "w", encoding="utf-8", newline="")) as fh:
            yield fh
        return
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)  # a replaced file keeps its mode
    except OSError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, mode) if hasattr(os, "fchmod") else os.chmod(tmp, mode)
        opened = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        with opened as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise

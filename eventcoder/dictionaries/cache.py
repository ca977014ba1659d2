"""A small on-disk cache of validated dictionary files, so large dictionaries load fast the second time.

Entries are keyed by the file's name and text and by a fingerprint of the code
and schema that read it, so an edited file or a new eventcoder version never
sees a stale entry. Set EVENTCODER_CACHE=off to disable it, or
EVENTCODER_CACHE_DIR to move it (default: $XDG_CACHE_HOME/eventcoder or
~/.cache/eventcoder). A cache that cannot be written is silently skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventcoder import resources

_FORMAT = "1"


def cache_dir() -> Path | None:
    if os.environ.get("EVENTCODER_CACHE", "").lower() in ("off", "0", "no", "false"):
        return None
    explicit = os.environ.get("EVENTCODER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventcoder"


@lru_cache(maxsize=1)
def _fingerprint() -> str:
    from eventcoder import __version__

    h = hashlib.sha256(f"{_FORMAT}\0{__version__}".encode())
    here = Path(__file__).resolve().parent
    for path in (here / "loader.py", here / "entries.py", here / "dictset.py", here / "cache.py",
                 here.parent / "values.py", here.parent / "yamlsrc.py", here.parent / "places" / "model.py"):
        if path.exists():
            h.update(path.read_bytes())
    h.update(repr(sorted(resources.schema("dictionary.schema.json").items())).encode())
    return h.hexdigest()


def key_for(name: str, text: str) -> str:
    return hashlib.sha256(f"{_fingerprint()}\0{name}\0{text}".encode("utf-8")).hexdigest()


def load(key: str) -> Any | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / f"{key}.pickle", "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None


def store(key: str, value: Any) -> None:
    folder = cache_dir()
    if folder is None:
        return
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / f"{key}.pickle")
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

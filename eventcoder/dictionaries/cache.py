"""A small on-disk cache of validated dictionary files, so large dictionaries load fast the second time.

Entries are keyed by the file's name and text and by a fingerprint of the code
and schema that read it, so an edited file or a new eventcoder version never
sees a stale entry. Set EVENTCODER_CACHE=off to disable it, or
EVENTCODER_CACHE_DIR to move it (default: $XDG_CACHE_HOME/eventcoder or
~/.cache/eventcoder). A cache that cannot be written is silently skipped.

Nothing in the cache can run code unless this user wrote it. Entries are pickles
(the compiled dictionaries are ~20 kinds of attrs values, compiled patterns and a
gazetteer; pickle is what keeps a cached load near 0.3 s), so each one is signed:
HMAC-SHA256 with a 32-byte per-user secret in `key` (mode 0600, created in the
cache folder), checked before a byte is unpickled. Cache keys can be computed by
anyone; the secret cannot. The folder must be a real directory (not a symlink)
owned by this user; it is made private (0700) whatever the umask, and a folder
owned by someone else is not used at all. Entries and the key are opened with
O_NOFOLLOW|O_NONBLOCK and must be regular files owned by this user (a symlink or
a FIFO planted there is refused without blocking).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import stat
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventcoder import resources

_FORMAT = "2"  # 2: HMAC-signed entries
_KEY_NAME = "key"
_KEY_BYTES = 32
_MAX_ENTRY = 256 * 1024 * 1024  # a larger file is not something this cache wrote


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


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def _owned_by_me(st: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or st.st_uid == os.getuid()


def _private_dir(create: bool) -> Path | None:
    """The cache folder, private to this user, or None when it is missing (and not to be made) or not safe."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        if create:
            folder.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileExistsError):
                folder.mkdir(mode=0o700)
        st = os.lstat(folder)
        if not stat.S_ISDIR(st.st_mode) or not _owned_by_me(st):
            return None  # a symlink, a file, or someone else's folder: not ours to trust or to write
        if stat.S_IMODE(st.st_mode) & 0o077:
            os.chmod(folder, 0o700)  # an older or umask-widened folder is made private
    except OSError:
        return None
    return folder


def _read_private(path: Path, limit: int) -> bytes | None:
    """The bytes of a regular file this user owns, or None; never follows a symlink or blocks on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _owned_by_me(st) or st.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()  # sized by fstat: one read, no buffer of `limit` bytes
    except OSError:
        return None
    finally:
        os.close(fd)


def _secret(folder: Path, create: bool) -> bytes | None:
    """This user's cache secret (made on first use), or None when it is missing, unsafe or unreadable."""
    path = folder / _KEY_NAME
    data = _read_private(path, _KEY_BYTES)
    if data is None and create:
        with contextlib.suppress(OSError):
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")  # 0600
            try:
                os.write(fd, os.urandom(_KEY_BYTES))
                os.close(fd)
                with contextlib.suppress(FileExistsError):
                    os.link(tmp, path)  # atomic: a concurrent first run keeps one key, whoever linked first
            finally:
                os.unlink(tmp)
        data = _read_private(path, _KEY_BYTES)
    if data is None or len(data) != _KEY_BYTES:
        return None
    try:  # a key others can read could sign entries for them: refuse it
        if stat.S_IMODE(os.lstat(path).st_mode) & 0o077:
            return None
    except OSError:
        return None
    return data


def _sign(secret: bytes, payload: bytes | memoryview) -> bytes:
    return hmac.new(secret, payload, hashlib.sha256).digest()


def load(key: str) -> Any | None:
    folder = _private_dir(create=False)
    if folder is None:
        return None
    secret = _secret(folder, create=False)
    if secret is None:
        return None
    data = _read_private(folder / f"{key}.pickle", _MAX_ENTRY)
    if data is None or len(data) < 32:
        return None
    view = memoryview(data)  # no copy of a large entry for the signature or for unpickling
    mac, payload = view[:32], view[32:]
    if not hmac.compare_digest(mac, _sign(secret, payload)):
        return None  # not written by this user's eventcoder: never unpickled
    try:
        return pickle.loads(payload)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None


def store(key: str, value: Any) -> None:
    folder = _private_dir(create=True)
    if folder is None:
        return
    secret = _secret(folder, create=True)
    if secret is None:
        return
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    with contextlib.suppress(OSError):
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_sign(secret, payload))
                fh.write(payload)
            os.replace(tmp, folder / f"{key}.pickle")
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

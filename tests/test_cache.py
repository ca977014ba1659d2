"""The compiled-dictionary cache never serves a stale file and can be turned off."""

from eventcoder import Coder


def write(path, alias):
    path.write_text(
        "actors:\n"
        f"  - {{id: test_front, name: Test Front, kind: group, aliases: [{alias}], country: MLI, code: MLIREBTST, inter: 2, armed: true}}\n",
        encoding="utf-8",
    )


def test_cache_is_used_and_never_stale(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(cache))
    path = tmp_path / "mine.yaml"
    write(path, "Alpha Front")
    assert Coder.from_dictionaries(path).lexicon.lookup("Alpha Front")
    stored = set(cache.glob("*.pickle"))
    assert stored  # the bundled files and this one were cached
    assert Coder.from_dictionaries(path).lexicon.lookup("Alpha Front")
    assert set(cache.glob("*.pickle")) == stored  # second load: nothing new to store
    write(path, "Beta Front")
    lex = Coder.from_dictionaries(path).lexicon
    assert lex.lookup("Beta Front") and not lex.lookup("Alpha Front")


def test_cache_can_be_turned_off(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(cache))
    monkeypatch.setenv("EVENTCODER_CACHE", "off")
    path = tmp_path / "mine.yaml"
    write(path, "Gamma Front")
    assert Coder.from_dictionaries(path).lexicon.lookup("Gamma Front")
    assert not cache.exists()


def test_bad_file_is_never_cached(tmp_path, monkeypatch):
    import pytest

    from eventcoder import DictionaryError

    cache = tmp_path / "cache"
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(cache))
    path = tmp_path / "bad.yaml"
    path.write_text("events:\n  - {id: x, cameo: 010, verbs: [y]}\n", encoding="utf-8")
    for _ in range(2):  # the second attempt must report the same problem, not load a cached half
        with pytest.raises(DictionaryError) as info:
            Coder.from_dictionaries(path)
        assert f"{path}:2:" in info.value.problems[0]


# -- nothing in the cache runs code unless this user's eventcoder wrote it --------------------------------------------

import os
import pickle
import stat
import subprocess
import sys
import threading

from eventcoder.dictionaries import cache as cache_mod


class _Payload:
    """Unpickling this creates a file: the proof that a planted entry would have run code."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_planted_pickle_never_runs(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(cache))
    path = tmp_path / "mine.yaml"
    write(path, "Delta Front")
    assert Coder.from_dictionaries(path).lexicon.lookup("Delta Front")  # fills the cache and makes the secret
    marker = tmp_path / "pwned"
    evil = pickle.dumps(_Payload(str(marker)))
    entries = sorted(cache.glob("*.pickle"))
    assert entries
    for entry in entries:  # replace every real entry: bare pickle, and with a forged 32-byte prefix
        entry.write_bytes(evil if entry.stat().st_size % 2 else b"\0" * 32 + evil)
    # in a fresh process, so nothing is served from memory
    run = subprocess.run([sys.executable, "-c", f"from eventcoder import Coder; print(bool(Coder.from_dictionaries({str(path)!r}).lexicon.lookup('Delta Front')))"],
                         env={**os.environ, "EVENTCODER_CACHE_DIR": str(cache), "PYTHONPATH": os.getcwd()}, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "True"
    assert not marker.exists()


def test_cache_folder_is_private_and_key_is_0600(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(cache))
    old = os.umask(0)
    try:
        path = tmp_path / "mine.yaml"
        write(path, "Epsilon Front")
        Coder.from_dictionaries(path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert stat.S_IMODE((cache / "key").stat().st_mode) == 0o600
    cache.chmod(0o777)  # widened later: made private again on the next store
    cache_mod.store("x" * 64, {"a": 1})
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert cache_mod.load("x" * 64) == {"a": 1}


def test_symlinked_folder_and_entries_are_refused(tmp_path, monkeypatch):
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real)
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(link))
    cache_mod.store("y" * 64, [1, 2])
    assert not list(real.iterdir())  # nothing written through the symlink
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(real))
    cache_mod.store("y" * 64, [1, 2])
    assert cache_mod.load("y" * 64) == [1, 2]
    (real / ("z" * 64 + ".pickle")).symlink_to(real / ("y" * 64 + ".pickle"))
    assert cache_mod.load("z" * 64) is None  # a symlinked entry is not followed


def test_fifo_in_cache_does_not_hang(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(cache))
    cache_mod.store("w" * 64, "value")
    os.unlink(cache / ("w" * 64 + ".pickle"))
    os.mkfifo(cache / ("w" * 64 + ".pickle"))
    result = []
    t = threading.Thread(target=lambda: result.append(cache_mod.load("w" * 64)), daemon=True)
    t.start()
    t.join(timeout=10)
    assert not t.is_alive(), "opening a FIFO entry blocked"
    assert result == [None]


def test_folder_owned_by_someone_else_is_not_used(tmp_path, monkeypatch):
    import pytest

    if not hasattr(os, "getuid") or os.getuid() != 0:
        pytest.skip("needs root to give a folder to another user")
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    os.chown(cache, 4242, 4242)
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(cache))
    cache_mod.store("v" * 64, "value")
    assert list(cache.iterdir()) == []
    assert cache_mod.load("v" * 64) is None

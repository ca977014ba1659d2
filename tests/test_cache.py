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

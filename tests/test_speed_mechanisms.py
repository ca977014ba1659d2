"""The shortcuts taken for speed give what the long way gives (issue #18)."""

from __future__ import annotations

import unicodedata

import attrs
import pytest

from eventcoder.dictionaries.lexicon import Lexicon, Match, default_lexicon
from eventcoder.engine.quantities import Quantity, find_quantities
from eventcoder.text.sentences import split_sentences, written_in_lower_case
from eventcoder.text.tokens import tokenize


def _match(lex: Lexicon, text: str) -> list[Match]:
    tokens = tokenize(text)
    return lex.match([t.norm for t in tokens], [t.text for t in tokens])


def test_phrases_lists_every_phrase_of_the_trie():
    lex = default_lexicon()
    phrases = set(lex.phrases())
    assert ("gunmen",) in phrases and len(phrases) > 1000
    plain = [p for p in phrases if all(w.isalpha() for w in p)]
    assert plain and all(lex.lookup(" ".join(p)) for p in plain)


def test_a_match_keeps_the_kinds_of_its_entries():
    lex = default_lexicon()
    matches = _match(lex, "Gunmen from Kano killed two soldiers of the Nigerian army near Maiduguri on Monday.")
    assert len(matches) >= 4
    for m in matches:
        fresh = Match(m.start, m.end, m.entries)  # the slow way computes the kinds from the entries
        assert m == fresh and m.has_any(frozenset({e.kind for e in m.entries}))
        for kind in ("agent", "verb", "country", "place", "cue", "noun"):
            assert m.of(kind) == fresh.of(kind) and m.has(kind) == fresh.has(kind)


def test_has_answers_from_the_kinds_as_the_entries_would():
    # Match.has stops at the match's kinds before looking at its entries: the answer must be the entries' own
    lex = default_lexicon()
    matches = _match(lex, "They said the rebels shelled the army base in Gwoza, killing three people on Tuesday.")
    assert matches
    for m in matches:
        for kind in ("agent", "verb", "country", "place", "cue", "noun", "holiday", "actor"):
            assert m.has(kind) == any(e.kind == kind for e in m.entries)
            for e in m.entries:
                assert m.has(kind, e.key) == any(f.kind == kind and f.key == e.key for f in m.entries)


def test_tokens_are_plain_values():
    # Token is a named tuple (made once per word, so cheaply): fields by name, equal by value
    from eventcoder.text.tokens import Token

    t = tokenize("Kadugli's market")[0]
    assert (t.text, t.norm, t.start, t.end) == ("Kadugli", "kadugli", 0, 7) and t == Token("Kadugli", "kadugli", 0, 7)


def test_cased_entries_still_need_capitals():
    lex = default_lexicon()
    cased = [(p, e) for p in lex.phrases() for e in lex.lookup(" ".join(p)) if e.cased and len(p) == 1 and p[0].isalpha()]
    assert cased, "an initialism such as CAR is a cased entry"
    (word,), entry = cased[0]
    upper = _match(lex, f"Soldiers went to {word.upper()} on Monday.")
    lower = _match(lex, f"soldiers went to a {word} on monday.")
    assert any(entry in m.entries for m in upper)
    assert not any(entry in m.entries for m in lower)


@pytest.mark.parametrize("text, expected", [
    ("no fewer than 12 people", Quantity(0, 4, 12, "min")),
    ("around a dozen guards", Quantity(0, 3, 12, "vague")),
    ("as many as 30 soldiers", Quantity(0, 4, 30, "approx")),
    ("in excess of 100 people", Quantity(0, 4, 100, "min")),
    ("a handful of protesters", Quantity(0, 3, 3, "vague")),
    ("up to 5 men", Quantity(0, 3, 5, "approx")),
    ("more than two hundred people", Quantity(0, 4, 200, "min")),
    ("an estimated 40 people", Quantity(0, 3, 40, "approx")),
])
def test_quantity_prefixes_found_by_their_first_word(text, expected):
    assert find_quantities(text.split()) == [expected]


def test_words_that_only_start_prefixes_are_no_quantity():
    assert find_quantities("in the town a man said at least".split()) == []


def test_a_lower_case_count_given_by_the_caller_is_used_only_for_normalised_text():
    body = "police held two men in kano. they were freed on monday."
    assert split_sentences(body, caseless=written_in_lower_case(body)) == split_sentences(body)
    # fullwidth capitals fold to ASCII capitals: the caller's count of the raw text no longer holds, so it is not used
    wide = "\uff30\uff2f\uff2c\uff29\uff23\uff25 held two men in Kano. They were freed on Monday."
    assert not unicodedata.is_normalized("NFKC", wide)
    assert split_sentences(wide, caseless=True) == split_sentences(wide)


def test_skeleton_index_from_the_cache_is_the_one_built(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(tmp_path / "cache"))
    ds = default_lexicon().ds
    first = Lexicon(ds)
    variant = first.spelling_variant("ETH", "Woldiya")
    assert variant is not None
    assert list((tmp_path / "cache").glob("*.pickle"))  # the index was stored
    second = Lexicon(ds)
    assert second.spelling_variant("ETH", "Woldiya") == variant
    assert second._skeletons["ETH"] == first._skeletons["ETH"]
    monkeypatch.setenv("EVENTCODER_CACHE", "off")
    assert Lexicon(ds).spelling_variant("ETH", "Woldiya") == variant


def test_a_token_array_gives_back_the_tokens_it_was_made_of():
    from eventcoder.text.tokens import TokenArray

    tokens = tokenize("The militia's fighters shelled Kadugli's market at dawn, killing 3.")
    norms = [t.norm for t in tokens]
    compact = TokenArray.of(tokens, norms)
    assert len(compact) == len(tokens) and list(compact) == tokens and compact == tokens
    assert compact[0] == tokens[0] and compact[-1] == tokens[-1] and compact[2:5] == tokens[2:5]
    assert compact.norms is norms and norms == [t.norm for t in tokens]
    with pytest.raises(IndexError):
        compact[len(tokens)]


def test_a_long_article_codes_the_same_with_its_tokens_compacted(monkeypatch):
    import datetime as dt

    from eventcoder.engine import discourse
    from eventcoder.engine.pipeline import code_text
    from eventcoder.text.tokens import TokenArray

    lex = default_lexicon()
    body = " ".join(
        f"Gunmen attacked the village of Gwoza on Monday and killed {n} farmers, a local official said. "
        f"The army said it later arrested {n + 1} suspects in Maiduguri." for n in range(2, 40))

    def coded(compact_after: int) -> tuple[list, list]:
        monkeypatch.setattr(discourse, "COMPACT_AFTER", compact_after)
        c = code_text(body, "", dt.date(2024, 5, 15), lex)
        return c.analyses, [(e.sub_event_type, e.where, e.source.text, e.draft.killed) for e in c.events]

    kept, as_lists = coded(10_000)
    compacted, as_arrays = coded(0)
    assert not any(isinstance(a.tokens, TokenArray) for a in kept)
    assert all(isinstance(a.tokens, TokenArray) for a in compacted)
    assert as_arrays == as_lists and as_lists
    assert [list(a.tokens) for a in compacted] == [a.tokens for a in kept]


def test_memoised_spelling_answers_are_the_ones_worked_out():
    lex = default_lexicon()
    for name in ("Woldiya", "East Welega", "Gambella", "Nowhereville"):
        first = lex.area_anywhere(name)
        assert lex.area_anywhere(name) == first == lex._area_anywhere(name)
        variant = lex.spelling_variant("ETH", name)
        assert lex.spelling_variant("ETH", name) == variant == lex._spelling_variant("ETH", name)
    assert lex.spelling_variant("ETH", "Woldiya") is not None


def _peoples_the_long_way(lex: Lexicon, a) -> list[tuple[str, ...]]:
    """Every word tried against every length of people's name (what `_peoples_named` did before its shortcut)."""
    words = [t.text for t in a.tokens]
    placed = {i for p in a.places for i in range(p.start, p.end)}
    out, i = [], 0
    while i < len(words):
        if i not in placed:
            for n in range(min(lex.people_len, len(words) - i), 0, -1):
                if tuple(words[i : i + n]) in lex.peoples:
                    out.append(tuple(words[i : i + n]))
                    i += n - 1
                    break
        i += 1
    return out


def test_peoples_found_by_their_first_word_are_the_ones_every_word_finds(monkeypatch):
    import datetime as dt

    from eventcoder.engine import discourse
    from eventcoder.engine.locate import _Homes, _in_home_region, _peoples_named, peoples_region, peoples_said
    from eventcoder.engine.pipeline import code_text

    lex = default_lexicon()
    body = ("Police in Benishangul Gumuz said Gumuz youths and Oromo farmers clashed near Assosa. "
            "Ethiopian soldiers fired on Tigrayan traders, the Afar said. Amhara and Tigrayans fled. ") * 3
    for compact_after in (10_000, 0):  # tokens as lists and as compact arrays
        monkeypatch.setattr(discourse, "COMPACT_AFTER", compact_after)
        analyses = code_text(body, "", dt.date(2024, 5, 15), lex).analyses
        found = [_peoples_named(lex, a) for a in analyses]
        assert found == [_peoples_the_long_way(lex, a) for a in analyses]
        assert any(found)
    # the per-article answer kept for a country is the one worked out afresh
    c = code_text("Ethiopian soldiers fired on Tigrayan farmers, killing two.", "", dt.date(2024, 5, 15), lex)
    w = c.events[0].where
    region = attrs.evolve(w, admin1="")
    homes = _Homes()
    first = _in_home_region(lex, region, "why", c.analyses, homes)
    assert set(homes.by_country) == {"ETH"} and homes.by_country["ETH"][0] == peoples_region(lex, "ETH", c.analyses)
    assert homes.said == peoples_said(lex, c.analyses) == {"tigrayan"}
    # another country asked about in the same article uses the peoples found once
    assert peoples_region(lex, "KEN", c.analyses, homes.said) == peoples_region(lex, "KEN", c.analyses)
    assert _in_home_region(lex, region, "why", c.analyses, homes) == first == _in_home_region(lex, region, "why", c.analyses)

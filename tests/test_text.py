from eventcoder.text.sentences import split_sentences
from eventcoder.text.tokens import normalize, phrase_key, tokenize


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body)]


def test_abbreviations_do_not_end_sentences():
    body = "Gen. Ali Musa met Mr. Smith and U.S. envoys on Jan. 3 in the capital. They left the next day."
    assert texts(body) == [
        "Gen. Ali Musa met Mr. Smith and U.S. envoys on Jan. 3 in the capital.",
        "They left the next day.",
    ]


def test_initialism_at_sentence_end_splits_before_a_sentence_opener():
    assert texts("Protesters marched toward the U.S. The police blocked them.") == [
        "Protesters marched toward the U.S.",
        "The police blocked them.",
    ]


def test_paragraphs_are_hard_boundaries_and_quotes_close_sentences():
    body = 'He said "we will respond." Officials agreed\n\nA second paragraph'
    assert texts(body) == ['He said "we will respond."', "Officials agreed", "A second paragraph"]


def test_tokens_fold_typography_and_split_possessives():
    toks = tokenize(normalize("Israel\u2019s \u201cone-way\u201d drone"))
    assert [t.norm for t in toks] == ["israel", "'s", "one", "-", "way", "drone"]


def test_phrase_keys_match_article_tokens():
    assert phrase_key("Kata\u2019ib Hezbollah") == ("kata'ib", "hezbollah")
    assert phrase_key("U.S.-backed") == ("u.s.", "-", "backed")


def test_token_offsets_point_into_text():
    text = normalize("At least 19 people were killed.")
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text


def test_phrase_key_fast_path_agrees_with_the_tokenizer():
    from hypothesis import given
    from hypothesis import strategies as st

    word = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,6}|[0-9]{1,4}", fullmatch=True)

    @given(st.lists(word, min_size=1, max_size=5))
    def check(words):
        phrase = " ".join(words)
        assert phrase_key(phrase) == tuple(t.norm for t in tokenize(normalize(phrase)))

    check()

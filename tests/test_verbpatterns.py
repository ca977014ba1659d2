"""CAMEO coding with verb-pattern dictionaries (cameo_actors, cameo_agents, synsets, verb_patterns, discards)."""

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder import Coder
from eventcoder.errors import DictionaryError

DICT = textwrap.dedent("""\
    cameo_actors:
      - {name: Valdora, phrases: [Valdora, Valdoran], codes: [{code: VLD}]}
      - {name: Ostmark, phrases: [Ostmark], codes: [{code: OSM}]}
      - {name: Brennia, phrases: [Brennia], codes: [{code: BRN}]}
      - {name: Twin Isles, phrases: [Twin Isles], codes: [{code: TWA}, {code: TWB}]}
      - name: Mira Kessel
        phrases: [Mira Kessel]
        codes: [{code: VLDOPP, to: 2020-01-01}, {code: VLDGOV, from: 2020-01-01}]
      - {name: Argent stem, phrases: ["argent~"], codes: [{code: ARG}]}
      - {name: Nobody, phrases: [Grey Council], codes: [{code: "---"}]}
    cameo_agents:
      - {phrases: [minister, ministers, ambassador, ambassadors], code: GOV}
      - {phrases: [police], code: COP}
      - {phrases: [relief agency], code: NGO, position: prefix}
    synsets:
      - {name: TIES, phrases: [trade ties, border ties, talks]}
    verb_patterns:
      - verb: condemn
        code: "122"
      - verb: restore
        code: "060"
        patterns:
          - {pattern: "* &ties", code: "064"}
          - {pattern: "* full_diplomatic ties", code: "0641"}
      - verb: arrive
        code: "032:033"
      - verb: welcome
        code: "041"
        patterns:
          - {pattern: "* talks in ^ with +", code: "046"}
          - {pattern: "+ * visit_by $", code: "042"}
      - verb: renew
        code: "064"
      - verb: attack
        code: "190"
      - verb: wire +tap
        code: "1711"
      - verb: host
        code: "042"
      - verb: say
        code: "023?"
        forms: [said]
      - verb: exchange
        code: "060"
        patterns:
          - {pattern: "* prisoners with %", code: "067"}
      - verb: warn
        code: "160"
        patterns:
          - {pattern: "* their ^ about +", code: "162"}
    discards:
      - {phrase: football match}
      - {phrase: board game, scope: story}
    """)


@pytest.fixture(scope="module")
def pc(tmp_path_factory):
    path = tmp_path_factory.mktemp("vp") / "patterns.yaml"
    path.write_text(DICT, encoding="utf-8")
    return Coder.from_dictionaries(path)


def test_default_code_and_word_order(pc):
    assert pc.cameo("Valdora condemned Ostmark on Monday.", "2024-05-01") == [("VLD", "OSM", "122")]


def test_the_most_specific_pattern_wins_and_synsets_match(pc):
    assert pc.cameo("Valdora will restore full diplomatic ties with Ostmark.", "2024-05-01") == [("VLD", "OSM", "0641")]
    assert pc.cameo("Valdora will restore its trade ties with Ostmark.", "2024-05-01") == [("VLD", "OSM", "064")]
    # `_` needs the words side by side: "full" and "diplomatic" are apart here, so the synset pattern cannot match either
    assert pc.cameo("Valdora will restore full and diplomatic ties with Ostmark.", "2024-05-01") == [("VLD", "OSM", "060")]


def test_reciprocal_codes_and_compounds(pc):
    assert sorted(pc.cameo("Valdoran ministers arrived in Ostmark.", "2024-05-01")) == [("OSM", "VLDGOV", "033"), ("VLDGOV", "OSM", "032")]
    got = pc.cameo("Valdora and Brennia condemned Ostmark.", "2024-05-01")
    assert sorted(got) == [("BRN", "OSM", "122"), ("VLD", "OSM", "122")]
    # a compound with no target acts on itself
    assert sorted(pc.cameo("Valdora and Ostmark renewed their agreement.", "2024-05-01")) == [("OSM", "VLD", "064"), ("VLD", "OSM", "064")]
    # one phrase that names two actors
    assert sorted(pc.cameo("The Twin Isles condemned Brennia.", "2024-05-01")) == [("TWA", "BRN", "122"), ("TWB", "BRN", "122")]


def test_slots_in_patterns(pc):
    # `^` skips one noun group (the place), `+` takes the next
    assert pc.cameo("Brennia welcomed talks in Valdora with Ostmark.", "2024-05-01") == [("BRN", "OSM", "046")]
    # `+` before the verb and `$` after it reverse the word order
    assert pc.cameo("Ostmark welcomed the visit by Valdora.", "2024-05-01") == [("VLD", "OSM", "042")]


def test_agents_attach_to_their_actor(pc):
    assert pc.cameo("The ambassadors of Valdora, Brennia and Ostmark condemned the Twin Isles.", "2024-05-01")[:3] == [
        ("VLDGOV", "TWA", "122"), ("VLDGOV", "TWB", "122"), ("BRNGOV", "TWA", "122")]
    assert pc.cameo("A relief agency in Brennia condemned Ostmark police.", "2024-05-01") == [("NGOBRN", "OSMCOP", "122")]
    assert pc.cameo("The minister condemned Ostmark.", "2024-05-01") == [("---GOV", "OSM", "122")]


def test_dated_codes_and_passive_voice(pc):
    assert pc.cameo("Mira Kessel condemned Ostmark.", "2019-06-01") == [("VLDOPP", "OSM", "122")]
    assert pc.cameo("Mira Kessel condemned Ostmark.", "2021-06-01") == [("VLDGOV", "OSM", "122")]
    assert pc.cameo("Ostmark was condemned by Brennia on Monday.", "2024-05-01") == [("BRN", "OSM", "122")]


def test_nouns_stems_null_codes_and_inflected_second_words(pc):
    # "an attack" is a noun: the verb of the clause is "condemned"
    assert pc.cameo("Valdora condemned an attack on Brennia.", "2024-05-01") == [("VLD", "BRN", "122")]
    assert pc.cameo("Argentina condemned Ostmark.", "2024-05-01") == [("ARG", "OSM", "122")]
    assert pc.cameo("The Grey Council condemned Ostmark.", "2024-05-01") == []
    assert pc.cameo("Ostmark police wire tapped Brennia.", "2024-05-01") == [("OSMCOP", "BRN", "1711")]
    # a verb form with a possessive is a noun ("the attack's aftermath")
    assert pc.cameo("Valdora attack's aftermath worried Brennia.", "2024-05-01") == []


def test_discards(pc):
    assert pc.cameo("Valdora condemned Ostmark after the football match.", "2024-05-01") == []
    text = "Valdora condemned Ostmark. Brennia condemned Valdora over a board game."
    assert pc.cameo(text, "2024-05-01") == []
    assert pc.cameo("Valdora condemned Ostmark. Brennia condemned Valdora.", "2024-05-01") == [("VLD", "OSM", "122"), ("BRN", "VLD", "122")]


@pytest.mark.parametrize("pattern, message", [
    ("restore ties", "needs exactly one `*`"),
    ("* &nosuch", "unknown synset &NOSUCH"),
])
def test_bad_patterns_are_reported_with_file_and_line(tmp_path, pattern, message):
    path = tmp_path / "bad.yaml"
    path.write_text(f"verb_patterns:\n  - verb: restore\n    code: '060'\n    patterns:\n      - {{pattern: '{pattern}', code: '064'}}\n",
                    encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        Coder.from_dictionaries(path)
    assert any(p.startswith(f"{path}:5: ") and message in p for p in err.value.problems)


ACTORS = [("Valdora", "VLD"), ("Ostmark", "OSM"), ("Brennia", "BRN")]
VERBS = [("condemned", "122"), ("attacked", "190"), ("hosted", "042")]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(ACTORS), st.sampled_from(ACTORS), st.sampled_from(VERBS), st.sampled_from(["on Monday", "", "late on Friday"]))
def test_generated_sentences_code_back_to_their_parts(pc, a, b, verb, tail):
    sentence = f"{a[0]} {verb[0]} {b[0]} {tail}".strip() + "."
    expected = [] if a == b else [(a[1], b[1], verb[1])]
    assert pc.cameo(sentence, "2024-05-01") == expected


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_crashes_the_pattern_coder(pc, text):
    for s, t, code in pc.cameo(text, "2024-05-01"):
        assert isinstance(s, str) and isinstance(t, str) and code


def test_clauses_and_pronouns(pc):
    # a coordinated clause with its own subject is coded; a reported "that ..." clause is not
    assert pc.cameo("Valdora condemned Ostmark but Brennia welcomed Ostmark.", "2024-05-01") == [
        ("VLD", "OSM", "122"), ("BRN", "OSM", "041")]
    assert pc.cameo("Valdora condemned Ostmark and attacked Brennia.", "2024-05-01") == [("VLD", "OSM", "122"), ("VLD", "BRN", "190")]
    assert pc.cameo("Valdora condemned reports that Ostmark attacked Brennia.", "2024-05-01") == [("VLD", "OSM", "122")]
    # later pronouns stand for the earlier source
    assert pc.cameo("Valdora condemned Ostmark and then it attacked Brennia.", "2024-05-01") == [("VLD", "OSM", "122"), ("VLD", "BRN", "190")]
    assert pc.cameo("Valdora condemned Ostmark; Brennia welcomed them.", "2024-05-01") == [("VLD", "OSM", "122"), ("BRN", "VLD", "041")]
    # a pronoun that stands for the subject is no target
    assert pc.cameo("Valdora condemned Ostmark and then it demanded that Brennia host them.", "2024-05-01") == [
        ("VLD", "OSM", "122"), ("VLD", "BRN", "042")]
    # with no actor after the verb, the subject of a "that" clause is the target
    assert pc.cameo("Valdora condemned Ostmark and then it demanded that Brennia host talks.", "2024-05-01") == [
        ("VLD", "OSM", "122"), ("VLD", "BRN", "042")]


def test_cli_writes_triples(tmp_path):
    from eventcoder.cli import main

    (tmp_path / "d.yaml").write_text(DICT, encoding="utf-8")
    (tmp_path / "a1.txt").write_text("Report\nPublished: 2024-05-01\n\nValdora condemned Ostmark on Monday.\n", encoding="utf-8")
    out = tmp_path / "triples.csv"
    assert main(["cameo", str(tmp_path / "a1.txt"), "-d", str(tmp_path / "d.yaml"), "-o", str(out)]) == 0
    where = tmp_path / "d.yaml"
    assert out.read_text(encoding="utf-8").splitlines() == [
        "article_id,source,target,event_code,sentence,verb,rule,dictionary", f"a1,VLD,OSM,122,1,condemned,default,{where}:18"]


def test_every_event_says_where_it_came_from(pc):
    text = "Ostmark gathered troops. Valdora will restore its trade ties with Ostmark."
    [e] = pc.cameo_events(text, "2024-05-01")
    assert (e.triple, e.sentence, e.verb, e.rule) == (("VLD", "OSM", "064"), 2, "restore", "* &ties")
    assert e.ref.line == 23 and e.ref.file.endswith("patterns.yaml")  # the pattern's own line
    with pytest.raises(ValueError):
        Coder.default().cameo_events(text, "2024-05-01")


def test_docs_example_codes_as_documented(tmp_path):
    from conftest import ROOT

    text = (ROOT / "docs" / "patterns.md").read_text(encoding="utf-8")
    block = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "doc.yaml").write_text(block, encoding="utf-8")
    c = Coder.from_dictionaries(tmp_path / "doc.yaml")
    day = "2024-05-01"
    assert c.cameo("Valdoran ministers condemned Ostmark.", day) == [("VLDGOV", "OSM", "122")]
    assert c.cameo("A relief agency in Brennia condemned Ostmark.", day) == [("NGOBRN", "OSM", "122")]
    assert sorted(c.cameo("The Twin Isles condemned Brennia.", day)) == [("TWA", "BRN", "122"), ("TWB", "BRN", "122")]
    assert c.cameo("Mira Kessel condemned Ostmark.", "2019-01-01") == [("VLDOPP", "OSM", "122")]
    assert c.cameo("The Grey Council condemned Ostmark.", day) == []
    assert c.cameo("Valdora will bring back border ties with Ostmark.", day) == [("VLD", "OSM", "064")]
    assert c.cameo("Valdora restored full diplomatic ties with Ostmark.", day) == [("VLD", "OSM", "0641")]
    assert c.cameo("Argentina arrived in Ostmark.", day) == [("VLD", "OSM", "032"), ("OSM", "VLD", "033")]
    assert c.cameo("Valdora wire tapped Brennia.", day) == [("VLD", "BRN", "1711")]
    assert c.cameo("Valdora departed from Ostmark.", day) == [("VLD", "OSM", "032")]
    assert c.cameo("Valdora condemned Ostmark after the football match.", day) == []


def test_dumped_pattern_dictionaries_code_the_same(pc, tmp_path):
    from eventcoder.dictionaries.dump import dump_yaml

    path = tmp_path / "all.yaml"
    path.write_text(dump_yaml(pc.lexicon.ds), encoding="utf-8")
    again = Coder.from_dictionaries(path, bundled=False)
    for text in ("Valdora will restore its trade ties with Ostmark.", "Mira Kessel condemned Ostmark.",
                 "A relief agency in Brennia condemned Ostmark police.", "Ostmark welcomed the visit by Valdora."):
        assert again.cameo(text, "2024-05-01") == pc.cameo(text, "2024-05-01")


def test_dicts_check_and_show_know_the_pattern_sections(tmp_path, capsys):
    from eventcoder.cli import main

    (tmp_path / "d.yaml").write_text(DICT, encoding="utf-8")
    assert main(["dicts", "check", str(tmp_path / "d.yaml")]) == 0
    assert "CAMEO: 7 actors, 3 agents, 11 verbs with 6 patterns, 1 synsets, 2 discards" in capsys.readouterr().out
    assert main(["dicts", "show", "Mira Kessel", "-d", str(tmp_path / "d.yaml")]) == 0
    shown = capsys.readouterr().out
    assert "CAMEO actor Mira Kessel: VLDOPP (... to 2020-01-01), VLDGOV (2020-01-01 to ...)" in shown and f"{tmp_path / 'd.yaml'}:" in shown
    bad = tmp_path / "bad.yaml"
    bad.write_text("verb_patterns:\n  - verb: restore\n    code: '060'\n    patterns:\n      - {pattern: 'restore ties', code: '064'}\n")
    assert main(["dicts", "check", str(bad)]) == 2
    assert f"{bad}:5: pattern 'restore ties' needs exactly one `*`" in capsys.readouterr().err


def test_commas_in_compounds(pc):
    # "A, B and C" and "A, B" are lists; a comma and an article after the last "and" start something else
    assert sorted(pc.cameo("Valdora condemned Ostmark, Brennia and the Twin Isles.", "2024-05-01")) == [
        ("VLD", "BRN", "122"), ("VLD", "OSM", "122"), ("VLD", "TWA", "122"), ("VLD", "TWB", "122")]
    assert sorted(pc.cameo("Valdora, Brennia condemned Ostmark.", "2024-05-01")) == [("BRN", "OSM", "122"), ("VLD", "OSM", "122")]
    assert pc.cameo("Valdora condemned Ostmark, the Twin Isles said.", "2024-05-01") == [("VLD", "OSM", "122")]


def test_doubtful_codes_give_way_to_any_other_event(pc):
    # "023?" codes a sentence only when no other verb does, and without its question mark
    assert pc.cameo("Valdora said Ostmark.", "2024-05-01") == [("VLD", "OSM", "023")]
    assert pc.cameo("Valdora said it would condemn Ostmark.", "2024-05-01") == [("VLD", "OSM", "122")]


def test_a_compound_slot_acts_on_itself(pc):
    assert sorted(pc.cameo("Valdora exchanged prisoners with Ostmark and Brennia.", "2024-05-01")) == [
        ("BRN", "OSM", "067"), ("OSM", "BRN", "067")]
    assert pc.cameo("Valdora exchanged notes with Ostmark.", "2024-05-01") == [("VLD", "OSM", "060")]


def test_words_outrank_synsets_and_synset_phrases_may_open(tmp_path):
    (tmp_path / "m.yaml").write_text(textwrap.dedent("""\
        cameo_actors:
          - {name: Valdora, phrases: [Valdora], codes: [{code: VLD}]}
          - {name: Ostmark, phrases: [Ostmark], codes: [{code: OSM}]}
        synsets:
          - {name: MONEY, phrases: [dollars, "gold ... florins"]}
        verb_patterns:
          - verb: give
            code: "070"
            patterns:
              - {pattern: "* &money", code: "903"}
              - {pattern: "* dollars", code: "071"}
        """), encoding="utf-8")
    c = Coder.from_dictionaries(tmp_path / "m.yaml")
    assert c.cameo("Valdora gave a million dollars to Ostmark.", "2024-05-01") == [("VLD", "OSM", "071")]
    assert c.cameo("Valdora gave a million gold Austrian florins to Ostmark.", "2024-05-01") == [("VLD", "OSM", "903")]
    assert c.cameo("Valdora gave grain to Ostmark.", "2024-05-01") == [("VLD", "OSM", "070")]


def test_a_chained_verb_with_a_pattern_codes_the_chain(tmp_path):
    (tmp_path / "c.yaml").write_text(textwrap.dedent("""\
        cameo_actors:
          - {name: Valdora, phrases: [Valdora], codes: [{code: VLD}]}
          - {name: Ostmark, phrases: [Ostmark], codes: [{code: OSM}]}
        verb_patterns:
          - {verb: should, code: "101"}
          - {verb: have, code: "---"}
          - verb: act
            code: "100"
            patterns:
              - {pattern: "indicated should *", code: "1011"}
        """), encoding="utf-8")
    c = Coder.from_dictionaries(tmp_path / "c.yaml")
    assert c.cameo("Valdora indicated it should have acted against Ostmark.", "2024-05-01") == [("VLD", "OSM", "1011")]
    assert c.cameo("Valdora should warn Ostmark.", "2024-05-01") == [("VLD", "OSM", "101")]


def _with_options(tmp_path, options: str) -> Coder:
    (tmp_path / "d.yaml").write_text(DICT, encoding="utf-8")
    (tmp_path / "o.yaml").write_text("cameo_options:\n" + textwrap.indent(textwrap.dedent(options), "  "), encoding="utf-8")
    return Coder.from_dictionaries(tmp_path / "d.yaml", tmp_path / "o.yaml")


def test_options_agents_alone_and_default_actors(tmp_path):
    c = _with_options(tmp_path, "convert_agents: true\n")
    assert c.cameo("The minister condemned Ostmark.", "2024-05-01") == [("~GOV", "OSM", "122")]
    c = _with_options(tmp_path, "default_source: DEFS\ndefault_source_prior: true\ndefault_target: DEFT\ndefault_target_after: true\n")
    assert c.cameo("Nobody we know condemned Ostmark.", "2024-05-01") == [("DEFS", "OSM", "122")]
    # AFTER: a compound subject with no target gets the default target instead of acting on itself
    assert sorted(c.cameo("Valdora and Brennia condemned the weather.", "2024-05-01")) == [("BRN", "DEFT", "122"), ("VLD", "DEFT", "122")]
    c = _with_options(tmp_path, "default_target: DEFT\n")
    assert c.cameo("Valdora and Brennia condemned the weather.", "2024-05-01") == [("VLD", "BRN", "122")]
    assert c.cameo("Valdora condemned the weather.", "2024-05-01") == [("VLD", "DEFT", "122")]
    # no actor before the verb: by default not coded; without that rule the actors after it are source and target
    assert _with_options(tmp_path, "{}\n").cameo("Yesterday condemned Valdora and Ostmark.", "2024-05-01") == []
    c = _with_options(tmp_path, "actor_before_verb: false\n")
    assert c.cameo("Yesterday condemned Valdora and Ostmark.", "2024-05-01") == [("VLD", "OSM", "122")]


def test_options_code_by_sentence_or_every_verb(tmp_path):
    text = "Valdora condemned Ostmark after it attacked Brennia but Brennia hosted Ostmark."
    assert _with_options(tmp_path, "code_by: clause\n").cameo(text, "2024-05-01") == [("VLD", "OSM", "122"), ("BRN", "OSM", "042")]
    assert _with_options(tmp_path, "code_by: sentence\n").cameo(text, "2024-05-01") == [("VLD", "OSM", "122")]
    assert _with_options(tmp_path, "code_by: all\n").cameo(text, "2024-05-01") == [
        ("VLD", "OSM", "122"), ("VLD", "BRN", "190"), ("BRN", "OSM", "042")]


def test_bad_options_are_reported_with_file_and_line(tmp_path):
    (tmp_path / "o.yaml").write_text("cameo_options:\n  code_by: paragraph\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        Coder.from_dictionaries(tmp_path / "o.yaml")
    assert any("o.yaml:2" in p and "paragraph" in p for p in err.value.problems)


def test_options_drop_comma_clauses(tmp_path):
    c = _with_options(tmp_path, "drop_inner_clause: [2, 10]\ndrop_end_clause: [2, 10]\n")
    assert c.cameo("Valdora condemned Ostmark, Brennia and the Twin Isles.", "2024-05-01") == [("VLD", "OSM", "122")]
    # the aside goes, and so does the closing clause, which would otherwise lend its actor as a target
    text = "Valdora condemned the decision, taken without consultation, in Brennia."
    assert _with_options(tmp_path, "{}\n").cameo(text, "2024-05-01") == [("VLD", "BRN", "122")]
    assert c.cameo(text, "2024-05-01") == []
    # a clause holding the only verb stays
    assert c.cameo("Valdora, after a long night, condemned Ostmark", "2024-05-01") == [("VLD", "OSM", "122")]


def test_caret_skips_a_noun_phrase_and_agents_share_a_listed_actor(pc):
    # `^` skips a noun group, or words that name no actor
    assert pc.cameo("Valdora warned their citizens about Ostmark.", "2024-05-01") == [("VLD", "OSM", "162")]
    assert pc.cameo("Valdora warned Brennia about Ostmark.", "2024-05-01") == [("VLD", "BRN", "160")]
    # "Ostmark police and ministers": the ministers are Ostmark's too
    assert sorted(pc.cameo("Ostmark police and ministers condemned Brennia.", "2024-05-01")) == [
        ("OSMCOP", "BRN", "122"), ("OSMGOV", "BRN", "122")]


ALL_OPTIONS = """\
convert_agents: true
actor_before_verb: false
default_source: DEFS
default_source_prior: true
default_target: DEFT
code_by: all
drop_inner_clause: [1, 4]
drop_end_clause: [1, 4]
drop_start_clause: [1, 4]
discard_code: GRC
"""


@pytest.fixture(scope="module")
def optioned(tmp_path_factory):
    return _with_options(tmp_path_factory.mktemp("opts"), ALL_OPTIONS)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["Valdora", "Ostmark", "minister", "condemned", "attacked", "and", ",", "the", "it",
                                 "warned", "their", "about", "Grey Council", "'s", "."]), max_size=25))
def test_every_option_together_never_crashes_and_codes_only_known_codes(optioned, words):
    known = {"VLD", "OSM", "~GOV", "DEFS", "DEFT", "VLDGOV", "OSMGOV"}
    for s, t, code in optioned.cameo(" ".join(words), "2024-05-01"):
        assert s in known and t in known and code in ("122", "190", "160", "162")

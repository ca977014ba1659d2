"""Converting TABARI/PETRARCH actor and agent dictionaries (fixtures written for these tests)."""

import textwrap

import pytest

from eventcoder import Article, Coder
from eventcoder.cli import main
from eventcoder.importers import import_dictionaries

ACTORS = textwrap.dedent("""\
    <!-- a small actor dictionary in PETRARCH's format -->
    NORTHLAND [XNL]   # a country code we do not know: kept without a country
    KENYA_ [KEN]
    +KENYAN_
    SOUTHERN_FRONT_REBELS [KENREB]
    AMINA_WANJIRU_  # a person whose role changed
    \t[KENELI 950101-180214]
    \t[KENGOV >180214]
    OLD_FLAG [---]
    BROKEN_ENTRY [KENGOV 991399-000101]
    """)
AGENTS = textwrap.dedent("""\
    !PERSON! = MAN, MEN
    FOREIGN_MINISTER [~GOV]
    POLICE!PERSON! [~COP]
    HUMAN_RIGHTS_BODY [NGO~]
    WHAT IS THIS
    """)


@pytest.fixture()
def converted(tmp_path):
    (tmp_path / "test.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "test.agents.txt").write_text(AGENTS, encoding="utf-8")
    (tmp_path / "test.verbs.txt").write_text("--- ATTACK [190] ---\nATTACK\n", encoding="utf-8")
    coder = Coder.default()
    return tmp_path, import_dictionaries(sorted(tmp_path.glob("*.txt")), coder.lexicon.ds.countries, "petrarch")


def test_actors_codes_synonyms_and_dated_roles(converted):
    _, result = converted
    actors = {a["id"]: a for a in result.data["actors"]}
    assert actors["kenya"]["aliases"] == ["KENYA", "KENYAN"] and actors["kenya"]["country"] == "KEN"
    assert "country" not in actors["northland"] and actors["northland"]["code"] == "XNL"
    assert actors["southern_front_rebels"]["inter"] == 2 and actors["southern_front_rebels"]["armed"] is True
    amina = actors["amina_wanjiru"]
    assert amina["kind"] == "person" and amina["roles"] == [{"country": "KEN", "agent": "government", "from": "2018-02-14"}]


def test_everything_not_converted_is_reported_with_file_and_line(converted):
    folder, result = converted
    problems = "\n".join(result.problems)
    assert f"{folder / 'test.actors.txt'}:9: CAMEO entry only" in problems  # the [---] null code: no ACLED actor
    assert f"{folder / 'test.actors.txt'}:10:" in problems and "bad date" in problems
    assert f"{folder / 'test.agents.txt'}:5: not converted: not an agent entry" in problems
    assert not any("test.verbs.txt" in p for p in result.problems)


def test_agents_grouped_by_role_with_substitutions(converted):
    _, result = converted
    agents = {a["role"]: a for a in result.data["agents"]}
    assert agents["COP"]["terms"] == ["POLICE MAN", "POLICE MEN"]
    assert agents["GOV"]["acled_name"] == "Government of {country}" and agents["NGO"]["inter"] == 8


def test_cli_writes_yaml_that_codes(converted, tmp_path):
    folder, _ = converted
    out = tmp_path / "imported.yaml"
    assert main(["import-dicts", "--from", "petrarch", str(folder / "test.actors.txt"), str(folder / "test.agents.txt"), "-o", str(out)]) == 0
    coder = Coder.from_dictionaries(out)
    rows = coder.code(Article("i", "Southern Front rebels attacked a police post in Nairobi on Monday.", published="2024-05-15"))
    assert [(r.actor1, r.actor1_code) for r in rows] == [("Southern Front Rebels", "KENREB")]
    during = coder.code(Article("j", "Amina Wanjiru condemned the Southern Front rebels on Monday.", published="2024-05-15"))
    assert during[0].actor1 == "Government of Kenya"


def test_petrarch_validation_dictionaries_convert(shared, tmp_path):
    base = shared / "benchmarks" / "petrarch"
    out = tmp_path / "petr.yaml"
    assert main(["import-dicts", "--from", "petrarch", str(base / "PETR.Validate.actors.txt"), str(base / "PETR.Validate.agents.txt"),
                 "-o", str(out)]) == 0
    lex = Coder.from_dictionaries(out).lexicon
    assert any(e.kind == "actor" and lex.ds.actors[e.key].code == "ARN" for e in lex.lookup("Arnor"))

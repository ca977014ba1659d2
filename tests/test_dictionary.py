import textwrap

import pytest

from eventcoder import Article, Coder, DictionaryError
from eventcoder.cli import main


def write(tmp_path, text, name="mine.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(path) -> list[str]:
    with pytest.raises(DictionaryError) as info:
        Coder.from_dictionaries(path)
    return info.value.problems


def test_unquoted_codes_are_errors_with_file_and_line(tmp_path):
    path = write(tmp_path, """\
        events:
          - id: my_statement
            cameo: 010
            family: cameo_only
            verbs: [announce]
        """)
    found = problems(path)
    assert found[0].startswith(f"{path}:3: ")
    assert "'010'" in found[0] and "quotes" in found[0]


def test_yaml_no_is_not_silently_false(tmp_path):
    path = write(tmp_path, """\
        countries:
          - {iso3: NOR, iso: 578, name: Norway, region: Europe, lat: 60.5, lon: 8.5, names: [NO]}
        """)
    assert any(p.startswith(f"{path}:2: ") and "'NO'" in p for p in problems(path))


def test_schema_errors_point_at_the_entry(tmp_path):
    path = write(tmp_path, """\
        actors:
          - id: good_group
            name: Good Group
            kind: group
            aliases: [Good Group]
            code: XXXREB
            inter: 2
          - id: bad_group
            name: Bad Group
            kind: gang
            aliases: [Bad Group]
            code: XXXREB
            inter: 2
        """)
    found = problems(path)
    assert any(p.startswith(f"{path}:10: ") and "gang" in p for p in found), found


def test_cross_references_are_checked(tmp_path):
    path = write(tmp_path, """\
        actors:
          - {id: ghost_army, name: Ghost Army, kind: group, aliases: [Ghost Army], code: ZZZREB, inter: 2, country: ZZZ}
        events:
          - {id: odd, family: cameo_only, cameo: "999", verbs: [frobnicate]}
        """)
    found = problems(path)
    assert any(p.startswith(f"{path}:2: ") and "unknown country 'ZZZ'" in p for p in found)
    assert any(p.startswith(f"{path}:4: ") and "not a CAMEO event code" in p for p in found)


def test_duplicates_unknown_sections_and_syntax(tmp_path):
    dup = write(tmp_path, """\
        agents:
          - {id: guards, role: MIL, inter: 1, acled_name: "Guards of {country}", terms: [guards]}
          - {id: guards, role: MIL, inter: 1, acled_name: "Guards of {country}", terms: [sentries]}
        """, "dup.yaml")
    assert any("dup.yaml:3:" in p and "duplicate" in p for p in problems(dup))
    typo = write(tmp_path, "actor:\n  - {id: x}\n", "typo.yaml")
    assert any("typo.yaml:1:" in p for p in problems(typo))
    broken = write(tmp_path, "events:\n  - id: [unclosed\n", "broken.yaml")
    assert any("broken.yaml:" in p and "YAML syntax error" in p for p in problems(broken))


def test_user_dictionary_adds_an_actor_and_a_pattern(tmp_path):
    path = write(tmp_path, """\
        actors:
          - id: northern_front
            name: Northern Liberation Front
            kind: group
            aliases: [Northern Liberation Front, NLF]
            country: MLI
            code: MLIREBNLF
            inter: 2
            armed: true
        events:
          - id: torch_vehicle
            family: strategic
            cameo: "1712"
            acled: Looting/property destruction
            verbs: [set alight]
        """)
    coder = Coder.from_dictionaries(path)
    art = Article("u1", "NLF fighters attacked an army post near Bamako on Monday. "
                        "The NLF set alight two army trucks in Bamako on Monday.", published="2024-02-07")
    rows = coder.code(art)
    assert [(r.actor1, r.sub_event_type, r.event_date) for r in rows] == [
        ("Northern Liberation Front", "Armed clash", "2024-02-05"),
        ("Northern Liberation Front", "Looting/property destruction", "2024-02-05"),
    ]
    assert rows[1].rule_id.startswith(f"torch_vehicle@{path}:")


def test_dicts_check_and_show_cli(tmp_path, capsys):
    assert main(["dicts", "check"]) == 0
    assert "ok:" in capsys.readouterr().out
    bad = write(tmp_path, "events:\n  - {id: x, family: cameo_only, cameo: 010, verbs: [y]}\n")
    assert main(["dicts", "check", str(bad)]) == 2
    assert f"{bad}:2:" in capsys.readouterr().err
    assert main(["dicts", "show", "Kataib Hezbollah"]) == 0
    out = capsys.readouterr().out
    assert "actor Kataib Hezbollah" in out and "actors.yaml:" in out


def test_a_home_region_needs_the_home_country(tmp_path):
    path = write(tmp_path, """\
        actors:
          - {id: hill_front, name: Hill Front, kind: group, inter: 2, home_region: Oromia, aliases: [Hill Front]}
        """)
    assert any(p.startswith(f"{path}:2: ") and "home_region" in p for p in problems(path))


def test_an_office_title_must_be_one_of_its_agents_terms(tmp_path):
    path = write(tmp_path, """\
        agents:
          - {id: council, role: GOV, inter: 1, acled_name: "Council of {country}", terms: [councillor], titles: [alderman]}
        """)
    assert any(p.startswith(f"{path}:2: ") and "title 'alderman' is not one of its terms" in p for p in problems(path))


def test_a_seat_is_a_known_country_and_only_for_a_body_of_no_country(tmp_path):
    path = write(tmp_path, """\
        actors:
          - {id: league, name: League, kind: organisation, code: IGOLEA, inter: 8, seat: ZZZ, aliases: [League]}
          - {id: bureau, name: Bureau, kind: institution, code: BELGOV, inter: 1, country: BEL, seat: FRA, aliases: [Bureau]}
        """)
    found = problems(path)
    assert any(p.startswith(f"{path}:2: ") and "unknown country 'ZZZ'" in p for p in found)
    assert any(p.startswith(f"{path}:3: ") and "a seat is for a body of no one country" in p for p in found)

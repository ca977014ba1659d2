"""African parties, armed groups and state units by their own names (issues #14/#15), in invented sentences.

Many event notes name no place and no country, only the parties or units involved: the actor's own name must then
give the row its actor and its country (actors.yaml, section "Africa by country").
"""

from __future__ import annotations

import pytest

from eventcoder import Article, Coder
from eventcoder.dictionaries.loader import load_dictionaries

CODER = Coder.default()


def _first(text: str):  # type: ignore[no-untyped-def]
    return next(r for r in CODER.code(Article("a", text, published="2024-06-20")) if r.sub_event_type)


@pytest.mark.parametrize("text, actor1, iso3", [
    # a ruling party's supporters beat an opposition party's activists: an attack by a political militia
    ("ZANU-PF youths beat up two MDC activists at a bus stop on Saturday.",
     "Zimbabwe African National Union-Patriotic Front", "ZWE"),
    ("RENAMO gunmen fired on a truck on Tuesday, killing its driver.", "RENAMO", "MOZ"),
    ("CCM cadres attacked Chadema supporters after a rally on Tuesday.", "Chama Cha Mapinduzi", "TZA"),
    ("EFF members clashed with ANC supporters outside a council meeting on Monday.", "Economic Freedom Fighters", "ZAF"),
    # state units by their own initials are their country's state force, named as ACLED names it
    ("GSU officers fired tear gas at ODM supporters on Monday.", "Police Forces of Kenya", "KEN"),
    ("UPDF soldiers shot dead a fisherman on Friday.", "Military Forces of Uganda", "UGA"),
    ("ZRP officers arrested 20 CCC supporters on Monday.", "Police Forces of Zimbabwe", "ZWE"),
    ("DSS operatives arrested an IMN leader on Monday.", "Police Forces of Nigeria", "NGA"),
    ("FARDC troops clashed with CODECO militiamen on Monday.", "Military Forces of the Democratic Republic of Congo", "COD"),
    ("Seleka fighters attacked a village on Monday, killing five civilians.", "Seleka", "CAF"),
])
def test_a_party_group_or_unit_named_alone_gives_actor1_and_country(text: str, actor1: str, iso3: str) -> None:
    r = _first(text)
    assert (r.actor1, r.iso3) == (actor1, iso3)


def test_the_party_attacked_by_a_rival_party_is_the_target():
    r = _first("Imbonerakure members beat a CNL member in his home on Sunday.")
    assert (r.sub_event_type, r.actor1, r.actor2, r.iso3) == ("Attack", "Imbonerakure", "National Congress for Liberty", "BDI")


def test_parties_are_unarmed_political_militias_and_state_units_state_forces():
    # the file's own declarations: parties inter 3 and unarmed, institutions inter 1
    actors = load_dictionaries().actors
    for ident in ("zanu_pf", "mdc", "anc", "odm", "nrm", "ccm", "frelimo", "mpla", "ennahda"):
        assert (actors[ident].inter, actors[ident].armed) == (3, False), ident
    for ident in ("kenya_police", "kdf", "updf", "zrp", "saps", "sandf", "nigeria_police", "fardc", "fama"):
        assert actors[ident].kind == "institution" and actors[ident].inter == 1, ident


def test_a_pronoun_cue_that_begins_a_longer_actor_name_is_that_name():
    # "the movement" alone refers back to a group; "the Movement for Democratic Change" is the party itself
    r = _first("Supporters of the Movement for Democratic Change beat a ZANU-PF official on Sunday.")
    assert (r.actor1, r.iso3) == ("Movement for Democratic Change", "ZWE")
    # a country's name inside a group's name is no country of the event
    r = _first("The Movement for the Emancipation of the Niger Delta attacked a pipeline on Monday.")
    assert (r.actor1, r.iso3) == ("Movement for the Emancipation of the Niger Delta", "NGA")


def test_an_initialism_in_lower_case_names_no_party():
    # "ccm" and "mdc" written in lower case are not Tanzania's and Zimbabwe's parties (the loader matches
    # initialisms in capitals only); the full name still names its party
    rows = [r for r in CODER.code(Article("a", "zanu-pf youths beat up two mdc activists on saturday.",
                                          published="2024-06-20")) if r.sub_event_type]
    assert rows and rows[0].actor1 == "Zimbabwe African National Union-Patriotic Front"
    assert all(r.actor2 != "Movement for Democratic Change" for r in rows)

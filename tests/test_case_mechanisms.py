"""Mechanisms for real news snippets (issue #14, CASE 2021 and IndiaPoliceEvents): each with an invented example."""

from __future__ import annotations

from eventcoder import Article, Coder

CODER = Coder.default()


def _rows(text: str, published: str | None = "2024-06-20"):
    return CODER.code(Article("c", text, published=published))


def test_deaths_in_police_firing_are_the_police_s_attack():
    """'killed in police firing': the noun 'firing' is the attack and 'police' before it its source."""
    rows = _rows("patna: three villagers were killed in police firing near the block office on monday.")
    assert [(r.actor1, r.fatalities) for r in rows] == [("Police Forces of India", 3)]


def _types(text: str, published: str | None = "2024-06-20") -> list[str]:
    return [r.sub_event_type for r in _rows(text, published) if r.sub_event_type]


def test_weapons_seized_found_or_destroyed_are_a_disrupted_weapons_use():
    """An ambiguous verb whose object (or passive subject) is a weapon names ACLED's disrupted weapons use, before
    its other readings ("seize" a town), and the weapon it handles is no explosion of its own."""
    assert _types("Soldiers seized 30 rifles and a mortar tube near Gao on Monday.") == ["Disrupted weapons use"]
    assert _types("Two explosive devices were found near the central market in Gao on Monday.") == ["Disrupted weapons use"]
    assert _types("Rebels seized the town of Menaka on Monday after the army left.") == ["Non-state actor overtakes territory"]


def test_a_weapon_before_an_active_verb_is_its_instrument_not_its_object():
    types = _types("A missile fired by the rebels destroyed a navy patrol boat off Hodeidah on Monday.")
    assert "Disrupted weapons use" not in types and types


def test_a_force_that_reports_an_unattributed_act_of_its_kind_did_it():
    """'the army said 40 rifles were seized': the speaking force, not a guessed police stand-in, is actor1."""
    rows = _rows("The Malian army said 40 rifles were seized near Gao on Monday.")
    assert [(r.sub_event_type, r.actor1) for r in rows] == [("Disrupted weapons use", "Military Forces of Mali")]
    rows = _rows("Two explosive devices were found near the central market in Gao on Monday.")
    assert [r.actor1 for r in rows] == ["Police Forces of Mali"]


def test_a_series_of_events_carried_out_is_reported_and_one_that_only_alarmed_is_not():
    """'series of', 'string of' (cue list aggregate) are several events of one report after a light verb or 'in';
    as a bare subject they stay unspecified."""
    assert _types("Israeli jets carried out a string of airstrikes on Gaza City on Monday, wounding four people.") \
        == ["Air/drone strike"]
    assert _types("A wave of attacks by gunmen in Kano has worried traders.") == []


def test_a_thing_set_up_is_a_base_only_when_it_is_one():
    """set up / establish / create (context_verbs of establish_base) name a new base only with a base_context word
    as their object."""
    assert _types("Turkish troops set up their 12th observation point near Idlib on Monday.") \
        == ["Headquarters or base established"]
    assert _types("The ministry set up a committee in Kidal on Monday to study the crisis.") == []


def test_property_looted_by_no_one_named_is_looting_by_an_unidentified_group():
    """'shops were looted': ACLED's looting/property destruction by an unidentified armed group (the stand-in),
    not a dropped event for want of an actor."""
    rows = _rows("Dozens of shops were looted in Durban on Monday night.")
    assert [(r.sub_event_type, r.actor1) for r in rows] == [("Looting/property destruction", "Unidentified Armed Group (South Africa)")]


def test_a_clash_between_police_and_a_crowd_is_a_violent_demonstration():
    """ACLED codes a crowd fighting the police as a violent demonstration; 'broke out' may stand between the
    noun and its 'between'."""
    assert _types("Police clashed with hundreds of protesters in Lyon on Saturday.") == ["Violent demonstration"]
    rows = _rows("Clashes broke out between police and demonstrators in Lyon on Saturday.")
    assert [(r.sub_event_type, r.actor2) for r in rows] == [("Violent demonstration", "Protesters (France)")]
    assert _types("Soldiers clashed with rebels near Goma on Monday.") == ["Armed clash"]


def test_general_words_for_taking_to_the_streets_and_for_stealing_property():
    """('burn' alone stays out: burning tyres at a protest is no destruction of property.)"""
    assert _types("Thousands of protesters poured into the streets of Lima on Friday.") == ["Peaceful protest"]
    assert _types("Several shops were looted in Durban on Monday night.") == ["Looting/property destruction"]
    assert _types("Militiamen stole cattle from villagers near Bunia on Friday.") == ["Looting/property destruction"]


def test_a_tactic_noun_before_attack_is_one_event_of_that_tactic_even_after_after():
    """'a poisonous gas attack' is one chemical attack, not a gas and an attack; 'after X carried out ...' is a clause
    that reports its event, not a bare background noun."""
    rows = _rows("Dozens of villagers were treated in hospital after government forces carried out a poisonous gas attack "
                 "on Douma in Syria on Monday.")
    assert [r.sub_event_type for r in rows if r.sub_event_type] == ["Chemical weapon"]


def test_claims_and_accusations_of_past_violence_are_no_new_violence():
    """'claimed murder of' is a claim (cue list claim); an 'accusation' after attacks makes them its background."""
    assert _types("A militant group has claimed murder of a blogger in Dhaka, a monitoring service said on Monday.") == []
    assert _types("Moscow called Washington's accusations against Tehran after attacks on oil plants in Saudi Arabia "
                  "baseless on Monday.") == []


def test_a_mob_that_burns_or_stones_people_is_mob_violence():
    """ACLED's mob violence: rioters acting on people; against a building or the police it stays a riot."""
    rows = _rows("A suspected thief was set ablaze by an angry mob in Warri on Wednesday.")
    assert [(r.sub_event_type, r.actor1) for r in rows] == [("Mob violence", "Rioters (Nigeria)")]
    assert _types("Rioters set fire to a police station in Kano on Monday.") == ["Violent demonstration"]


def test_handing_over_authority_is_a_non_violent_transfer_of_territory():
    rows = _rows("A UN mission handed authority over the district to the government of Croatia on Monday.")
    assert [(r.sub_event_type, r.actor1) for r in rows] == [("Non-violent transfer of territory", "United Nations")]


def test_a_force_of_nature_before_a_violent_verb_is_no_attacker():
    """'floods hit': the doer is the weather, so no one attacked, even with an official named in the sentence."""
    assert _types("Troops helped the local administration in areas that earthquakes hit on Monday in Swat.") == []
    assert _types("Gunmen hit a police post in Sindh on Monday.") != []


def test_leaking_gas_and_rain_are_accidents_not_weapons():
    assert _types("Dozens of workers fell ill after toxic gas leaked from a fertiliser plant near Multan on Monday.") == []


def test_the_deed_a_punishment_is_for_is_background():
    """'expelled ... for taking part in protests': the protest is why, not news of its own."""
    types = _types("Belarus expelled two Polish diplomats on Monday for taking part in unauthorised rallies in Minsk.")
    assert "Peaceful protest" not in types


def test_a_claim_sentence_reports_the_claim_not_the_deed():
    """The doers a claim names, and an event in an 'after' phrase of a claim sentence, are no new events."""
    assert _types("Local bombers are believed to be behind the two blasts at a market in Maiduguri on Monday.") == []
    assert _types("Hours after the clashes between rebels and soldiers near Goma, the rebel group claimed "
                  "responsibility for the ambush.") == []
    assert _types("Rebels and soldiers clashed near Goma on Monday.") == ["Armed clash"]


def test_a_territory_change_with_no_one_named_is_not_guessed():
    """ACLED's territory sub-types are told apart by who took the ground: with no one named there is no row."""
    assert _types("The base in Faryab was captured on Monday after days of heavy fighting.") == []
    assert _types("Rebels seized the town of Menaka on Monday.") == ["Non-state actor overtakes territory"]


def test_a_next_sentence_that_explains_the_event_as_crime_drops_it():
    """'The blast was part of a feud between smugglers': the sentence pointing back says what the event was."""
    text = ("A bomb went off outside a warehouse in Odesa on Monday, killing one man. "
            "The blast was the work of rival drug smugglers settling scores.")
    assert _types(text) == []
    assert _types("A bomb went off outside a warehouse in Odesa on Monday, killing one man.") != []


def test_an_event_named_as_unrelated_is_not_one():
    """Once the blast is explained as crime, 'unrelated to the fighting' names no fighting of its own."""
    text = ("A grenade blew up in a flat in Lviv on Monday, killing two men. The incident came from a quarrel among "
            "drug smugglers. It was unrelated to the fighting in the east.")
    assert _types(text) == []

"""Mechanisms for ACLED's own event notes (issue #14): each with an invented example of its own."""

from __future__ import annotations

from eventcoder import Article, Coder

CODER = Coder.default()


def _rows(text: str, published: str = "2024-06-20"):  # type: ignore[no-untyped-def]
    return CODER.code(Article("a", text, published=published))


def _first(text: str) -> tuple[str | None, str, str]:
    r = next(r for r in _rows(text) if r.sub_event_type)
    return r.sub_event_type, r.actor1, str(r.fatalities)


def test_civilians_who_riot_are_rioters_and_their_riot_a_violent_demonstration():
    sub, actor1, _ = _first("Traders rioted in Kisumu on Monday over new market fees, burning tyres on the main road.")
    assert (sub, actor1) == ("Violent demonstration", "Rioters (Kenya)")


def test_an_armed_force_that_sets_fire_to_houses_destroys_property():
    assert _first("Soldiers set fire to houses in Beni on Monday.")[0] == "Looting/property destruction"


def test_looting_alone_is_property_destruction_not_a_riot():
    assert _first("Hundreds of residents went on a looting spree in Nairobi on Monday night.")[0] == "Looting/property destruction"


def test_one_victim_named_before_a_passive_verb_is_one_fatality():
    assert _first("A teacher was shot dead by gunmen in Beni on Monday.")[2] == "1"


def test_the_killing_after_a_further_act_is_what_the_main_attack_did():
    sub, _, killed = _first("Rebels attacked Beni on Monday, burning a truck and killing four soldiers.")
    assert (sub, killed) == ("Armed clash", "4")


def test_an_attack_by_one_side_of_a_battle_is_part_of_the_battle():
    rows = [r for r in _rows("Rebels attacked two villages near Beni on Monday and were pushed back by soldiers.")
            if r.sub_event_type]
    assert [r.sub_event_type for r in rows] == ["Armed clash"]


def test_between_names_the_sides_of_a_fight_not_a_count():
    sub, _, killed = _first("Ten people were killed in fighting between two clans near Beni on Monday.")
    assert (sub, killed) == ("Armed clash", "10")


def test_party_members_attacked_by_a_rival_party_are_civilians():
    assert _first("UPND cadres attacked a PF official in Ndola on Monday.")[0] == "Attack"


def test_protesters_injured_at_a_protest_make_it_excessive_force():
    assert _first("Nurses marched in Nairobi on Monday. Several protesters were injured.")[0] == (
        "Excessive force against protesters")


def test_a_protest_that_was_quelled_met_an_intervention():
    assert _first("Traders protested in Nairobi on Monday against new fees but were quelled by police.")[0] == (
        "Protest with intervention")


def test_a_force_that_responded_violently_to_a_protest_used_excessive_force():
    text = "Students protested in Nairobi on Monday over fees. Police responded violently, injuring a dozen students."
    assert _first(text)[0] == "Excessive force against protesters"


def test_a_protest_that_turned_violent_is_a_violent_demonstration():
    assert _first("Farmers protested in Nairobi on Monday over land. The protest turned violent.")[0] == (
        "Violent demonstration")


def test_a_killing_while_dispersing_a_protest_outweighs_the_dispersal():
    text = "Traders protested in Nairobi on Monday. Police shot dead two traders while trying to disperse the protest."
    sub, _, killed = _first(text)
    assert (sub, killed) == ("Excessive force against protesters", "2")


def test_a_date_counts_no_one():
    assert _first("On 12 June 2024, gunmen shot dead a trader in Beni.")[2] == "1"


def test_a_mob_that_attacks_a_man_is_mob_violence():
    assert _first("An angry mob attacked a man accused of theft in Nairobi on Monday.")[0] == "Mob violence"


def test_rioters_who_clash_with_police_are_a_violent_demonstration_and_two_crowds_mob_violence():
    assert _first("Rioters clashed with police in Nairobi on Monday.")[0] == "Violent demonstration"
    assert _first("Rival groups of students clashed with each other in Nairobi on Monday.")[0] == "Mob violence"


def test_an_arrest_beside_a_beating_of_the_same_people_is_an_attack():
    rows = [r for r in _rows("Police arrested and beat a teacher in Nairobi on Monday.") if r.sub_event_type]
    assert [r.sub_event_type for r in rows] == ["Attack"]


def test_a_headline_chain_of_verbs_counts_what_the_first_did():
    assert _first("Rebels attacked an army post near Beni on Monday, killed 6 and wounded 9.")[2] == "6"


def test_the_deaths_after_a_clause_about_the_victims_are_the_violence():
    text = "Police opened fire on traders in Nairobi on Monday after they refused to leave the market, killing 3."
    assert _first(text)[2] == "3"


def test_a_count_after_the_verb_that_counts_no_people_leaves_the_count_before_it():
    text = "Soldiers attacked militants near Beni on Monday. 4 soldiers were reportedly killed, with 7 injured."
    assert _first(text)[2] == "4"


def test_a_fight_or_shootout_between_armed_sides_is_a_battle():
    assert _first("Five people were killed in a shootout between soldiers and rebels near Beni on Monday.")[0] == (
        "Armed clash")


def test_police_firing_into_a_crowd_of_demonstrators_use_excessive_force():
    assert _first("Police fired live rounds into crowds of demonstrators in Nairobi on Monday, killing two.")[0] == (
        "Excessive force against protesters")


def test_people_shot_while_protesting_met_excessive_force():
    text = "Police shot and killed two students who were protesting against fees in Nairobi on Monday."
    assert _first(text)[:2] == ("Excessive force against protesters", "Protesters (Kenya)")


def test_unidentified_armed_attackers_are_an_armed_group_not_an_arming():
    sub, actor1, killed = _first("Unidentified armed attackers killed 2 villagers near Beni on Monday.")
    assert (sub, actor1, killed) == ("Attack", "Unidentified Armed Group (Democratic Republic of Congo)", "2")


def test_residents_who_beat_other_civilians_are_a_mob():
    sub, actor1, _ = _first("Kenyan residents beat two Ugandan traders accused of theft in Nairobi on Monday.")
    assert (sub, actor1) == ("Mob violence", "Rioters (Kenya)")


def test_an_act_done_by_way_of_another_is_the_main_verbs_subjects():
    # "protested ... by blocking": the blocking is the residents' own act, not the government's they protested
    rows = [r for r in _rows("Residents protested the county government in Kisumu on Monday by blocking the main roads.")
            if r.sub_event_type]
    assert [(r.sub_event_type, r.actor1) for r in rows] == [("Violent demonstration", "Rioters (Kenya)")]


def test_a_means_with_no_event_verb_before_it_takes_the_clauses_first_actor():
    sub, actor1, _ = _first("Rioters injured two officers by throwing stones at them in Kisumu on Monday.")
    assert (sub, actor1) == ("Violent demonstration", "Rioters (Kenya)")


def test_after_a_passive_verb_by_names_the_agent_not_a_means():
    rows = _rows("Two traders were attacked by rioting youths in Kisumu on Monday.")
    assert all(r.actor1 != "Civilians (Kenya)" or r.sub_event_type != "Violent demonstration" for r in rows)
    assert any(r.sub_event_type for r in rows)


def test_a_verb_joined_by_and_shares_the_first_verbs_subject_not_its_object():
    rows = [r for r in _rows("Rioters stoned the police and blocked roads in Kisumu on Monday.") if r.sub_event_type]
    assert rows and all((r.sub_event_type, r.actor1) == ("Violent demonstration", "Rioters (Kenya)") for r in rows)


def test_an_object_pronoun_is_not_its_own_verbs_subject():
    # "soldiers fired on them": them are the marchers named before, so the shooting met the protest
    sub, actor1, _ = _first("Farmers protested in Kisumu on Monday against a land plan. Soldiers fired on them.")
    assert (sub, actor1) == ("Excessive force against protesters", "Protesters (Kenya)")


def test_a_mob_burning_property_with_no_demonstration_is_mob_violence():
    assert _first("A mob burned down a church in Kisumu on Monday.")[:2] == ("Mob violence", "Rioters (Kenya)")
    assert _first("Villagers burned three houses in Kisumu on Monday after a land dispute.")[:2] == ("Mob violence", "Rioters (Kenya)")


def test_demonstrators_burning_property_make_a_violent_demonstration():
    assert _first("Demonstrators marched in Kisumu on Monday against fuel prices and burned two buses.")[0] == "Violent demonstration"


def test_an_unarmed_partys_supporters_who_riot_are_rioters():
    # UPND is an unarmed party in actors.yaml: its supporters stoning cars riot, they do not destroy property as a force
    sub, actor1, _ = _first("UPND supporters stoned cars in Ndola on Monday.")
    assert (sub, actor1) == ("Violent demonstration", "Rioters (Zambia)")


def test_an_armed_force_that_torches_houses_still_destroys_property():
    assert _first("Soldiers torched houses in Beni on Monday.")[0] == "Looting/property destruction"


def test_a_country_ending_an_institutions_name_is_where_not_who():
    # "at the University of Kenya": Kenya is part of the campus's name, the students are who rioted
    sub, actor1, _ = _first("Students at the University of Kenya rioted in Nairobi on Monday over fees.")
    assert (sub, actor1) == ("Violent demonstration", "Rioters (Kenya)")


def test_a_regional_special_police_is_its_countrys_state_force():
    # the Liyu police of Ethiopia's Somali regional state: a state force of Ethiopia (inter 1), not an unknown group
    rows = [r for r in _rows("Liyu Police shot dead two herders near a water point on Monday.") if r.sub_event_type]
    assert [(r.sub_event_type, r.actor1, r.inter1, r.country) for r in rows] == [
        ("Attack", "Police Forces of Ethiopia", 1, "Ethiopia")]


def test_ethiopian_forces_and_parties_by_their_own_names_give_actor_and_country():
    # the federal army, a rebel movement and a party, named only by their initials: no country is written
    r = next(r for r in _rows("ENDF troops clashed with BPLM fighters near a village on Sunday.") if r.sub_event_type)
    assert (r.iso3, r.actor1) == ("ETH", "Military Forces of Ethiopia")
    r = next(r for r in _rows("OFC supporters held a rally on Monday to demand the release of detained leaders.")
             if r.sub_event_type)
    assert r.iso3 == "ETH"
    # "Oromia Liberation Front" is the OLF, not a place named Oromia
    r = next(r for r in _rows("Gunmen of the Oromia Liberation Front killed two officials in Nejo on Friday.")
             if r.sub_event_type)
    assert (r.actor1, r.location) == ("Oromo Liberation Front", "Nejo")


def test_a_toll_the_note_says_is_spread_over_several_events_gives_each_its_share():
    assert _first("On Monday and Tuesday, 18 herders were killed near Moyale in fighting between two clans. "
                  "Fatalities spread over two events.")[2] == "9"
    assert _first("On Monday, militias raided three villages near Moyale, killing 23; fatalities spread across "
                  "three known locations.")[2] == "7"
    # a spread of something else is no share of the toll
    assert _first("On Monday, militias raided a village near Moyale, killing 8, and the fire spread over two hills.")[2] == "8"


def test_a_note_that_says_what_toll_it_coded_is_that_toll_and_days_share_it_too():
    assert _first("On Monday, militias clashed near Moyale, killing an unknown number of herders. Unknown fatalities "
                  "coded as 4.")[2] == "4"
    assert _first("On Monday and Tuesday, militias clashed near Moyale. Unknown fatalities coded as 3 and spread across "
                  "two days.")[2] == "1"

"""General mechanisms for real reporting (issue #14): each with an invented example of its own."""

from __future__ import annotations

from eventcoder import Article, Coder

CODER = Coder.default()


def _types(text: str, published: str | None = "2024-06-20") -> list[str]:
    return [r.sub_event_type or r.cameo_code for r in CODER.code(Article("m", text, published=published))]


def test_an_undated_article_calls_nothing_background_for_its_age():
    text = "Farmers protested in Kisumu on 3 February 2019 against new market fees."
    assert _types(text, published=None) == ["Peaceful protest"]
    assert _types(text) == []  # five years before publication: background


def test_rows_come_in_the_order_the_events_are_first_reported():
    text = ("Police arrested 12 traders in Kisumu on Monday. Gunmen killed three villagers near Beni on Sunday. "
            "The traders had protested in Kisumu on Monday.")
    rows = CODER.code(Article("o", text, published="2024-06-20"))
    first = [int(r.tags.split("=")[1].split(",")[0]) for r in rows]  # tags: the sentences that report the event
    assert first == sorted(first)
    assert rows[0].sub_event_type == "Protest with intervention"  # the arrest of sentence 0 is part of the protest


def test_text_written_all_in_lower_case_is_split_placed_and_coded():
    rows = CODER.code(Article("l", "kano: police arrested 12 youths in kano on monday. they were freed later.",
                              published="2024-06-19"))
    assert [(r.sub_event_type, r.country, r.location) for r in rows] == [("Arrests", "Nigeria", "Kano")]


def test_a_labour_strike_is_a_protest_and_an_air_context_makes_an_air_strike():
    assert _types("Nurses went on strike in Kisumu on Monday over unpaid wages.") == ["Peaceful protest"]
    assert _types("A drone strike hit a car near Beni on Monday, killing two men.") == ["Air/drone strike"]


def test_dates_are_not_modal_verbs_and_runs_of_days_take_their_first_day():
    rows = CODER.code(Article("d", "On 9 May, traders protested in Kisumu.", published="2024-05-12"))
    assert [(r.sub_event_type, r.event_date) for r in rows] == [("Peaceful protest", "2024-05-09")]
    rows = CODER.code(Article("r", "Between 1-3 June, clashes near Beni killed 12 people.", published="2024-06-04"))
    assert [(r.event_date, r.fatalities) for r in rows][:1] == [("2024-06-01", 12)]


def test_an_ambiguous_verb_is_a_disrupted_weapons_use_only_about_weapons():
    """'thwarted' and 'intercepted' (context_verbs) name ACLED's disrupted weapons use only with a weapon in view."""
    from eventcoder import Article, Coder

    coder = Coder.default()
    smuggling = Article("cv1", "Nigerian soldiers thwarted an attempt to smuggle fuel across the border near Kano on Monday, "
                               "the army said.", published="2024-05-15")
    plot = Article("cv2", "Soldiers thwarted a bomb plot in Maiduguri on Monday, the army said.", published="2024-05-15")
    assert not any(r.sub_event_type == "Disrupted weapons use" for r in coder.code(smuggling))  # without the role: one
    migrants = Article("cv3", "Greek police intercepted 40 migrants near Alexandroupolis on Monday.", published="2024-05-15")
    assert not any(r.sub_event_type == "Disrupted weapons use" for r in coder.code(migrants))
    assert [r.sub_event_type for r in coder.code(plot)] == ["Disrupted weapons use"]


def _rows(text: str) -> list[tuple[str, str, str]]:
    return [(r.sub_event_type, r.actor1, r.actor2) for r in CODER.code(Article("d", text, published="2024-06-20"))]


def test_a_demonym_before_a_common_noun_says_whose_it_is_not_a_state_force():
    # a foreign visitor killed by gunmen is a civilian victim, not the army of the visitor's country
    assert _rows("Gunmen shot dead a Belgian engineer-trainee near Beni on Tuesday.")[0][:2] == (
        "Attack", "Unidentified Armed Group (Democratic Republic of Congo)")
    row = _rows("Unknown attackers killed a Dutch tourist near Beni on Tuesday.")[0]
    assert row[0] == "Attack" and row[2] == "Civilians (Netherlands)"
    # before a force noun, even a few words later, the demonym still names the state's forces
    row = _rows("Ugandan special police units clashed with rebels near Beni on Tuesday.")[0]
    assert row[0] == "Armed clash" and "Uganda" in row[1] and "Civilians" not in row[1]
    # an attack on a town of a country is an attack, not a battle with that country's army
    assert _rows("Rebels attacked a Ugandan village near the border on Tuesday, killing four people.")[0][0] == "Attack"


def test_clan_and_tribal_fighters_are_armed_identity_militias():
    rows = CODER.code(Article("c", "Rival clans clashed near Beledweyne on Tuesday, leaving six dead.", published="2024-06-20"))
    assert [(r.sub_event_type, r.inter1) for r in rows][:1] == [("Armed clash", 4)]


def _deaths(text: str) -> list[tuple[str, int]]:
    return [(r.sub_event_type, r.fatalities) for r in CODER.code(Article("f", text, published="2024-06-20"))][:1]


def test_a_count_that_is_the_subject_of_a_passive_casualty_verb_is_the_dead():
    # the noun between the count and "were killed" need not be a known word for people
    assert _deaths("Three Lendu herdsmen-cousins were killed by gunmen near Bunia on Tuesday.") == [("Attack", 3)]
    assert _deaths("Two cousins were killed by gunmen near Bunia on Tuesday.") == [("Attack", 2)]


def test_a_death_toll_given_as_the_consequence_of_a_clash_is_its_fatalities():
    assert _deaths("Rival militias clashed near Bunia on Tuesday, resulting in the death of 7 and many wounded.") == [
        ("Armed clash", 7)]
    # the death that prompted a protest is not a death at the protest
    assert _deaths("Traders protested in Bunia on Tuesday over the death of a colleague.") == [("Peaceful protest", 0)]


def test_the_dead_of_a_passive_casualty_verb_belong_to_the_crowd_event_that_follows_it():
    # a riot is not remembered as the article's last violence, so "killed in riots" must find it in the sentence
    assert _deaths("Five people were killed in Bunia during riots over fuel prices on Tuesday.") == [
        ("Violent demonstration", 5)]
    # who died does not turn the riot into another type
    assert _deaths("Two traders were killed during violent protests in Bunia on Tuesday.") == [("Violent demonstration", 2)]
    # a death the sentence places elsewhere, before a dispersal, is not the crowd's
    rows = CODER.code(Article("r", "A guard was stabbed to death in Beni on Monday night even as police fired tear gas in "
                                   "Bunia to disperse a mob burning shops.", published="2024-06-20"))
    assert all(r.fatalities == 0 for r in rows if r.sub_event_type in ("Protest with intervention", "Violent demonstration",
                                                                     "Mob violence"))


def test_an_age_between_a_and_the_victim_still_counts_one_dead():
    assert _deaths("Soldiers near Bunia killed a 9-year-old girl on Tuesday.") == [("Attack", 1)]
    assert _deaths("Gunmen near Bunia shot dead a 70 years old herder on Tuesday.") == [("Attack", 1)]
    # a number with no age word after it is still the count
    assert _deaths("Soldiers near Bunia killed 9 herders on Tuesday.") == [("Attack", 9)]


def test_a_bare_toll_right_after_a_violent_event_counts_that_events_dead():
    rows = CODER.code(Article("b", "Militiamen attacked herders near Bunia on Tuesday. Four killed and two hurt in the attack.",
                              published="2024-06-20"))
    assert [(r.sub_event_type, r.fatalities) for r in rows] == [("Attack", 4)]
    rows = CODER.code(Article("b1", "Soldiers fought rebels near Bunia on Tuesday. 12 killed", published="2024-06-20"))
    assert [(r.sub_event_type, r.fatalities) for r in rows] == [("Armed clash", 12)]
    # an event with a toll of its own keeps it: a later bare toll may be another count
    rows = CODER.code(Article("b2", "Bandits raided a cattle camp near Bunia on Tuesday, killing two herders. Four killed.",
                              published="2024-06-20"))
    assert rows[0].fatalities == 2


def test_a_demonym_before_regional_names_a_regions_forces_of_the_state_the_event_is_in():
    # regional special forces are state forces (inter 1) of the country where the region lies
    rows = CODER.code(Article("r", "Kenyan regional police clashed with bandits near Dire Dawa on Tuesday.", published="2024-06-20"))
    assert [(r.actor1, r.inter1) for r in rows][:1] == [("Police Forces of Ethiopia", 1)]


def test_state_forces_among_the_killed_make_the_attack_a_battle():
    # "X and a Y were killed": the article before the second conjunct does not break the chain of victims
    row = _rows("Three gendarmes and a farmer were killed by gunmen near Beni on Tuesday.")[0]
    assert row[0] == "Armed clash" and row[2].startswith("Police Forces")


def test_a_declared_truce_of_any_kind_is_an_agreement_coded_087_and_breaking_one_is_196():
    # kinds of truce may stand inside the phrase; the declaration is ACLED's Agreement and CAMEO's de-escalation
    declared = CODER.code(Article("m", "The Valdoran Liberation Army declared a unilateral ceasefire in Kenya on Monday.",
                                  published="2024-06-20"))
    assert [(r.sub_event_type, r.cameo_code) for r in declared] == [("Agreement", "087")]
    broken = CODER.code(Article("m", "Ugandan troops violated a fragile truce in Kenya on Monday.", published="2024-06-20"))
    assert [r.cameo_code for r in broken] == ["196"]
    assert _types("Ugandan troops declared a ceasefire in Kenya on Monday.") == ["Agreement"]
    weeklong = CODER.code(Article("m", "Kenyan troops announced a weeklong cease-fire in Kenya on Monday.",
                                  published="2024-06-20"))
    assert [r.cameo_code for r in weeklong] == ["087"]


def test_a_federal_agency_written_as_its_initialism_is_its_states_government_and_the_common_noun_is_not():
    rows = CODER.code(Article("m", "ICE handed back stolen paintings to the government of Peru on Monday.",
                              published="2024-06-20"))
    assert rows and rows[0].actor1 == "Government of the United States"
    assert not any(r.actor1 == "Government of the United States"
                   for r in CODER.code(Article("m", "Thick ice returned to the lakes of Peru on Monday.",
                                               published="2024-06-20")))


def _codes(text: str) -> list[str]:
    return [r.cameo_code for r in CODER.code(Article("m", text, published="2024-06-20"))]


def test_cooperation_phrases_without_their_preposition_or_with_a_degree_word_are_coded():
    # each phrase is general CAMEO vocabulary: 070 aid, 081 eased restrictions, 054 diplomatic ties, 020 appeal
    assert _codes("Norway sent emergency supplies to Kenya on Monday.") == ["070"]
    assert _codes("Kenya lifted a travel restriction on Uganda on Monday.") == ["081"]
    assert _codes("Norway established diplomatic ties with Kenya on Monday.") == ["054"]
    assert _codes("Norway restored diplomatic relations on Monday with Kenya.") == ["054"]
    assert _codes("Kenya issued a plea to Uganda on Monday.") == ["020"]


def test_a_call_for_sanctions_against_someone_is_a_demand_not_an_appeal():
    assert _codes("Norway called for sanctions against Kenya on Monday.") == ["100"]
    assert _codes("Norway called for talks with Kenya on Monday.") != ["100"]


def _counted_rows(text: str) -> list[tuple[str | None, str, str, int]]:
    return [(r.sub_event_type, r.actor1, r.actor2, r.fatalities) for r in CODER.code(Article("m", text, published="2024-06-20"))
            if r.sub_event_type]


def test_road_blocking_and_vandalism_by_demonstrators_make_a_violent_demonstration():
    # ACLED's violent demonstration covers barricades, burning tyres and vandalism; a march alone stays peaceful
    assert _types("Traders blocked roads in Kisumu on Monday to protest against new market fees.") == ["Violent demonstration"]
    assert _types("Students stoned the offices of the electricity board in Kisumu on Monday.") == ["Violent demonstration"]
    assert _types("Traders marched in Kisumu on Monday to protest against new market fees.") == ["Peaceful protest"]


def test_soldiers_who_disband_demonstrators_intervene_in_the_protest():
    assert _types("Farmers protested in Kisumu on Monday over land fees. Soldiers quickly disbanded the demonstrators.") == [
        "Protest with intervention"]


def test_one_victim_named_in_the_singular_is_one_fatality():
    assert [r[3] for r in _counted_rows("On Monday, a trader was beaten to death by police in Kisumu.")] == [1]
    assert [r[3] for r in _counted_rows("On Monday, an elderly farmer was killed by soldiers in Kisumu.")] == [1]
    assert [r[3] for r in _counted_rows("Soldiers kill herder in Kisumu on Monday.")] == [1]
    assert [r[3] for r in _counted_rows("Soldiers killed herders in Kisumu on Monday.")] == [0]  # no count given: ACLED's 0
    assert [r[3] for r in _counted_rows("On Monday, a mob tried to lynch a trader in Kisumu.")] == [0]  # an attempt kills no one


def test_rebels_who_strike_at_the_state_or_its_posts_fight_a_battle():
    # ACLED's armed clash: two organised armed sides; the government's officials and the army's bases are the state's side
    assert _types("ONLF rebels attacked a military base near Degehabur on Monday, killing four.") == ["Armed clash"]
    assert _types("Gunmen attacked a police station in Kisumu on Monday.") == ["Armed clash"]
    assert _types("Gunmen attacked a bus station in Kisumu on Monday, killing four passengers.") == ["Attack"]
    assert _types("Soldiers encountered bandits near Moyale on Monday, killing three.") == ["Armed clash"]


def test_people_counted_as_members_of_a_force_are_that_force():
    rows = _counted_rows("On Monday, two members of the federal police were killed near Kisumu when gunmen attacked them.")
    assert [(t, a2, f) for t, _, a2, f in rows] == [("Armed clash", "Police Forces of Kenya", 2)]


def test_the_agent_of_a_passive_may_carry_modifiers_before_its_noun():
    rows = _counted_rows("On Monday, two protesters were killed by federal police in Kisumu.")
    assert [(t, a1, a2, f) for t, a1, a2, f in rows] == [
        ("Excessive force against protesters", "Protesters (Kenya)", "Police Forces of Kenya", 2)]
    # local youths are people, not an unidentified armed group
    assert [r[1] for r in _counted_rows("On Monday, a trader was beaten by local youths in Kisumu.")] == ["Civilians (Kenya)"]


def test_counts_of_different_dead_joined_by_and_add_up_but_other_acts_counts_do_not():
    assert [r[3] for r in _counted_rows("On Monday, fighting between police and a militia in Kisumu resulted in the death of "
                                "five policemen, and one militiaman.")] == [6]
    rows = _counted_rows("On Monday, gunmen attacked a village near Kisumu, killing four villagers and abducting two women.")
    assert rows[0][3] == 4  # the two abducted are no dead
    assert [r[3] for r in _counted_rows("On Monday, gunmen killed five soldiers and wounded three civilians in Kisumu.")] == [5]


def test_a_period_that_began_days_ago_is_the_spell_of_one_event_not_a_toll():
    # 2024-06-20 is a Thursday: "since Monday" is three days, one spell of fighting; "since January" a toll
    assert _types("At least six herders have been killed since Monday in clashes between two clans near Marsabit.") \
        == ["Armed clash"]
    assert _types("Clashes between two clans have killed more than 90 herders near Marsabit since January.") == []


def test_throughout_a_place_is_where_the_event_was_and_in_total_sums_a_count():
    assert _types("Rioters burned tyres and fought police throughout Kisumu.") != []
    rows = CODER.code(Article("t", "Fighting between the army and Al-Shabaab took place near Baidoa, "
                                   "48 fighters were killed in total.", published="2024-06-20"))
    assert [r.sub_event_type for r in rows] == ["Armed clash"]
    assert _types("Rioters burned tyres and fought police throughout the month in Kisumu.") == []


def test_a_day_just_after_the_report_date_is_this_years_and_is_dated_the_report_day():
    # a note dated 19 February telling of "20 February": the report dated a day early, not last year's 20 February
    rows = CODER.code(Article("d", "On 20 February, soldiers shot and killed four civilians in Kidal.", published="2024-02-19"))
    assert [(r.sub_event_type, r.event_date) for r in rows] == [("Attack", "2024-02-19")]
    # a verb not in the past on such a day is still ahead
    assert _types("Soldiers will attack the rebels in Kidal on 22 February.", published="2024-02-19") == []


def test_a_series_its_clause_dates_is_the_events_reported():
    assert _types("A series of attacks from 17 June on villages near Kidal killed nine herders.") == ["Attack"]
    assert _types("A series of attacks on villages near Kidal has alarmed residents.") == []


def _coded(text: str) -> list:
    return CODER.code(Article("t", text, published="2024-06-20"))


def test_an_office_title_before_an_unknown_name_makes_a_person_holding_that_office():
    # the title (agents.yaml `titles:`) gives the role, the demonym before it the country, the name stays in the span
    rows = _coded("Kenyan Foreign Minister Amina Wekesa met Ugandan Ambassador Peter Okello in Nairobi on Monday.")
    assert [(r.cameo_code, r.actor1_code, r.actor2_code) for r in rows] == [("040", "KENGOV", "UGAGOV")]
    # a title abbreviated with a full stop ("Sen.") titles the name after it as well; a lawmaker is LEG
    rows = _coded("Kenyan Sen. Joseph Mwangi met Ugandan officials in Kampala on Monday.")
    assert [r.actor1_code for r in rows] == ["KENLEG"]


def test_a_titled_person_is_a_person_that_he_or_she_refers_to():
    rows = _coded("Kenyan Governor Joseph Mwangi said on Monday that he had met Ugandan officials in Kampala.")
    assert [r.actor1_code for r in rows] == ["KENGOV"]


def test_a_place_named_before_an_office_gives_the_office_holder_his_country_and_none_known_gives_no_row():
    rows = _coded("Ontario Premier Gail Morrow declined to comment on the new border rules on Monday.")
    assert [(r.cameo_code, r.country, r.actor1_code) for r in rows] == [("011", "Canada", "CANGOV")]
    assert _coded("Premier Gail Morrow declined to comment on the new border rules on Monday.") == []


def test_an_international_bodys_statement_with_no_place_is_at_its_seat_but_its_violence_is_not():
    rows = _coded("The African Union praised the new ceasefire on Monday.")
    assert [(r.cameo_code[:2], r.country) for r in rows] == [("05", "Ethiopia")]
    assert _coded("NATO warplanes bombed a convoy on Monday.") == []  # where it struck is not where NATO sits


def test_a_suicide_vehicle_bomb_detonated_is_a_suicide_bomb_and_burnt_property_is_destroyed():
    # the verb's object says which: "detonated" alone is a remote explosive, a suicide vehicle bomb detonated is not
    assert _types("Militants detonated a suicide vehicle-borne improvised explosive device at a hotel in Baidoa on "
                  "Monday, killing six guests.") == ["Suicide bomb"]
    assert _types("Militants detonated an SVBIED at a checkpoint in Baidoa on Monday.") == ["Suicide bomb"]
    assert _types("Militants detonated a roadside bomb near a market in Baidoa on Monday.") == ["Remote explosive/landmine/IED"]
    assert _types("Gunmen burned 14 shops in Jos on Monday.") == ["Looting/property destruction"]
    # a stash of weapons found is a weapons seizure; a depot attacked is a target, not one
    assert _types("Soldiers found a stash of explosives in a farmhouse near Baidoa on Monday.") == ["Disrupted weapons use"]


def test_a_would_be_attacker_is_no_modal_and_his_act_happened():
    assert _types("Two would-be suicide bombers blew themselves up near a checkpoint in Baidoa on Monday.") == ["Suicide bomb"]
    # the modal itself still says the act has not happened (a threat at most)
    assert "Suicide bomb" not in _types("Militants would blow themselves up near a checkpoint in Baidoa, officials warned on Monday.")


def test_since_a_day_of_this_week_ending_the_clause_is_one_events_spell_and_since_a_month_is_a_period():
    # "since" ends the clause it closes; its date right after it still says how long ago the spell began
    assert _types("Police have arrested 23 activists in Dhaka since Tuesday.", published="2024-06-20") == ["Arrests"]
    assert _types("Police have arrested 23 activists in Dhaka since January.", published="2024-06-20") == []


def test_a_force_that_meets_a_protest_later_in_the_note_changes_its_type():
    # ACLED codes one event: state forces who arrest or shoot with no one named, after the protest, met its crowd
    assert _types("Traders protested in Kisumu on Monday over market fees. At least 20 were arrested.") == [
        "Protest with intervention"]
    assert _types("Traders protested in Kisumu on Monday over market fees. Soldiers reportedly responded violently.") == [
        "Excessive force against protesters"]
    # violence by no one named that killed people after the protest stands in for the force that met it
    assert _types("Traders protested in Kisumu on Monday over market fees. Three people were shot and killed.") == [
        "Excessive force against protesters"]


def test_an_act_told_in_the_protests_own_sentence_with_no_one_named_is_what_it_was_about():
    # "protested the arrests": the grievance, no intervention; before the protest, its cause
    assert _types("Traders protested in Kisumu on Monday against the arrests of their leaders.") == ["Peaceful protest"]
    assert _types("A trader was shot dead by gunmen in Kisumu on Monday. Residents protested the killing.")[0] == "Attack"


def test_a_clash_between_the_force_and_the_crowd_after_a_protest_makes_it_violent():
    # both sides act in a clash: the crowd's side may be named second ("between police and demonstrators")
    assert _types("Traders protested in Kisumu on Monday over market fees. Clashes between police and demonstrators "
                  "followed.") == ["Violent demonstration"]
    assert _types("Residents protested in Kisumu on Monday over market fees. Some farmers clashed with soldiers.") == [
        "Violent demonstration"]
    # a clash named in the protest's own sentence is what set it off
    assert _types("Traders protested in Kisumu on Monday following clashes between police and residents.")[0] == (
        "Peaceful protest")


def test_an_armed_force_that_meets_the_crowd_intervenes_but_officials_who_meet_it_do_not():
    assert _types("Nurses marched in Kisumu on Monday over unpaid wages and were met by riot police.") == [
        "Protest with intervention"]
    assert _types("Nurses marched in Kisumu on Monday over unpaid wages. They were met by soldiers.") == [
        "Protest with intervention"]
    assert _types("Nurses marched in Kisumu on Monday over unpaid wages. The governor met the nurses.")[0] == (
        "Peaceful protest")
    # police who hold meetings with elders in a note about a strike met no crowd
    assert _types("Nurses marched in Kisumu on Monday over unpaid wages. Police held meetings with elders to keep "
                  "the peace.")[0] == "Peaceful protest"


def test_violence_by_no_one_named_in_a_battles_sentence_is_its_toll():
    # the dead counted before the fight named after them are the fight's, not an attack by an unidentified group
    rows = _coded("One killed and two wounded in a gunfight between residents and police units in Moyale on Monday.")
    assert [(r.sub_event_type, r.fatalities) for r in rows] == [("Armed clash", 1)]


def test_a_verb_phrase_split_by_its_short_object_is_that_phrase_and_the_object_its_target():
    # "drove X out of" is "drive out of" with X, the object between verb and particle, as the target
    rows = _counted_rows("Government soldiers drove the rebels out of the town of Bama on Monday.")
    assert [(t, a2) for t, _a1, a2, _f in rows] == [("Government regains territory", "Rebels (Nigeria)")]
    assert _types("Gunmen gunned a farmer down near Beni on Monday.") == ["Attack"]
    # the object may also stand after the particle, before the phrase's last word ("drive back from")
    rows = _counted_rows("Government soldiers drove back the rebels from the town of Bama on Monday.")
    assert [(t, a2) for t, _a1, a2, _f in rows] == [("Government regains territory", "Rebels (Nigeria)")]
    # a long gap or a clause break is no object of the verb: nothing is split
    assert _types("Government soldiers drove their old trucks through the muddy roads out of the town of Bama.") == []
    assert _types("Government soldiers drove, and the rebels ran out of the town of Bama on Monday.") == []


def test_an_attack_on_a_checkpoint_or_one_launched_on_a_post_is_a_battle_with_its_forces():
    # a checkpoint is manned by the security forces; a passive light verb keeps the attack's "on" target
    assert _types("Militants attacked a checkpoint near Baidoa on Monday, killing four soldiers.") == ["Armed clash"]
    assert _types("An attack has been launched on a military base near Baidoa, officials said on Monday.") == ["Armed clash"]
    assert _types("Police arrested two traders at a checkpoint in Kisumu on Monday.") == ["Arrests"]
    assert _types("Militants detonated an SVBIED at a checkpoint in Baidoa on Monday.") == ["Suicide bomb"]


def test_missiles_fired_from_aircraft_are_an_air_strike_and_from_the_ground_a_missile_attack():
    # ACLED's air/drone strike covers missiles launched from aircraft: the author (warplanes) decides, not the weapon
    assert _types("Government jets fired missiles at a rebel camp near Idlib on Monday, killing six fighters.") == ["Air/drone strike"]
    assert _types("Warplanes fired rockets into a market in Idlib on Monday, killing four civilians.") == ["Air/drone strike"]
    assert _types("The navy launched 40 air-to-surface missiles at targets near Idlib on Monday.") == ["Air/drone strike"]
    assert _types("Rebels fired missiles at an army base near Idlib on Monday.") == ["Shelling/artillery/missile attack"]
    assert _types("Soldiers fired rockets at rebel positions near Idlib on Monday.") == ["Shelling/artillery/missile attack"]


def test_what_aircraft_destroy_or_raid_in_combat_sorties_is_an_air_strike():
    assert _types("The air force destroyed three rebel vehicles near Idlib on Monday.") == ["Air/drone strike"]
    assert _types("Government warplanes carried out combat sorties over rebel positions near Idlib on Monday, "
                  "killing six fighters.") == ["Air/drone strike"]
    assert _types("Army choppers raided rebel positions near Idlib on Monday.") == ["Air/drone strike"]
    assert _types("Gunmen destroyed three shops near Idlib on Monday.") == ["Looting/property destruction"]
    assert _types("Government jets intercepted a drone near Idlib on Monday.") == ["Disrupted weapons use"]


def _killed(text: str) -> list[int]:
    return [r.fatalities for r in CODER.code(Article("k", text, published="2024-06-20")) if r.sub_event_type]


def test_one_victim_said_in_the_singular_is_one_dead_even_when_no_dictionary_knows_the_noun():
    # a noun phrase the agents do not know, opened by "a"/"the" or said by a pronoun: the clause's grammar says one
    assert _killed("On Monday, a road engineer was shot and killed by gunmen near Kisumu.") == [1]
    assert _killed("On Monday, a member of the county police was killed by gunmen in Kisumu.") == [1]
    assert _killed("Soldiers shot and killed a young Luo near Kisumu on Monday.") == [1]
    assert _killed("Police killed the uncle of a local singer in Kisumu on Monday.") == [1]
    assert _killed("Soldiers broke into a house in Kisumu on Monday and killed him.") == [1]
    assert _killed("On Monday, soldiers beat a student in Kisumu. The student later died.") == [1]
    # plural or negated phrases and "an unknown number of" say nothing of one person; "a total of" opens a figure
    assert _killed("Police killed the parents of a suspect in Kisumu on Monday.") == [0]
    assert _killed("Gunmen attacked a village near Kisumu on Monday. Nobody was killed.") == [0]
    assert _killed("Gunmen attacked a village near Kisumu on Monday, killing a total of 10 villagers.") == [10]
    assert 1 not in _killed("Gunmen ambushed a convoy near Kisumu on Monday, killing an unknown number of soldiers.")
    # a figure for the same dead counts the one named in the singular among them
    assert _killed("Gunmen ambushed a bus near Kisumu on Monday, leaving 4 passengers dead; the driver was shot dead first.") == [4]


def test_a_toll_in_the_singular_counts_only_the_figure_right_before_it():
    assert _killed("On Monday, herders clashed with farmers near Kisumu, leading to one death.") == [1]
    assert _killed("On Monday, rioters fought police in Kisumu, leading to at least one fatality.") == [1]
    # the death a crowd mourns is not a death at the protest
    assert _killed("Nurses protested in Kisumu on Monday over the death of a patient.") == [0]


def test_an_unknown_number_of_dead_is_coded_three_as_acled_codes_it():
    assert _killed("Gunmen raided a village near Kisumu on Monday, killing an unspecified number of herders.") == [3]
    assert _killed("Gunmen raided a village near Kisumu on Monday. Several herders were killed.") == [3]


def test_the_subject_count_of_a_passive_verb_may_stand_far_before_it_and_a_count_set_off_by_including_is_part_of_it():
    assert _killed("On Monday, at least 37 people of a minority clan living in the hills were killed by gunmen near Kisumu.") == [37]
    assert _killed("Rebels attacked an army post near Kisumu on Monday. Eleven soldiers, among them two officers, were "
                   "killed.") == [11]
    assert _killed("On Monday, rebels attacked an army post near Kisumu; 9 died, including 3 officers.") == [9]


def test_a_headline_passive_without_were_counts_the_dead_of_the_event_told_before():
    # "30 members of the army killed": no "were", but a count opens the subject and nothing follows that was killed
    assert _killed("Rebels and soldiers clash near Kisumu, 30 members of the army killed.") == [30]
    assert _killed("Rebels attacked a police post near Kisumu on Monday. At least 17 county police killed.") == [17]
    assert _killed("Rebels attack army posts near Kisumu, six killed, 13 wounded.") == [6]
    # an active verb with an object: the count before it is of who killed, not of the dead
    assert _killed("Bandits attacked a village near Kisumu on Monday. Two gunmen killed a herder.") == [1]
    assert _killed("Gunmen killed 5 herders near Kisumu on Monday.") == [5]


def test_a_passive_with_a_word_of_reporting_inside_it_is_still_a_passive():
    assert _killed("On Monday, rebels clashed with soldiers near Kisumu. At least 10 people were reported killed in "
                   "the town.") == [10]
    assert _killed("On Monday, a trader was reported killed by soldiers in Kisumu.") == [1]


def test_a_bare_count_before_a_headline_verb_is_the_dead_of_the_event_told_before():
    assert _killed("Bandits attacked a village near Kisumu on Monday. One person killed in the attack.") == [1]
    assert _killed("Rebels attacked a police post near Kisumu on Monday. 9 killed including 7 policemen.") == [9]
    # "one of the killed": the word is a noun, the count is among a toll told before
    assert _killed("Gunmen raided a village near Kisumu on Monday, killing 12. One of the killed was a teacher.") == [12]


def test_total_deaths_sum_the_events_told_and_are_no_one_events_toll():
    assert _killed("Militias fought near Kisumu on Monday; total deaths 40 over the month.") == [0]
    assert _killed("Militias fought near Kisumu on Monday, killing 4.") == [4]


def test_one_victim_in_a_long_or_bracketed_phrase_or_a_relative_clause_is_one_dead():
    assert _killed("On Monday, the Kisii county roads authority deputy director was shot dead by gunmen.") == [1]
    assert _killed("On Monday, a member of the Kenya Farmers Union (KFU) was shot and killed by police in Kisumu.") == [1]
    assert _killed("On Monday, a police officer in Kisumu beat a hawker who later died.") == [1]
    assert _killed("On Monday, police in Kisumu beat protesters who later died.") == [0]


def test_a_killing_in_a_background_clause_does_not_take_the_toll_away_from_the_event():
    assert _killed("On Monday, at least 15 people were killed during riots and clashes with police in Kisumu, following "
                   "the killing of a local singer.") == [15]
    assert _killed("Clashes between police and militias near Kisumu on Monday, ending in the death of 3 policemen.") == [3]


def test_a_count_joined_after_the_dead_and_followed_by_its_own_injury_verb_is_of_the_wounded():
    assert _killed("Soldiers clashed with rebels near Kisumu on Monday. On the first day, 4 soldiers were killed and "
                   "2 rebel fighters were wounded.") == [4]


def test_an_attack_followed_by_a_fight_told_with_one_side_or_none_is_a_battle():
    # the codebook's armed clash: both sides fight; an attack whose article then tells "the fighting" or "clashes" with
    # no second side named is that attack turned into a fight, and one event
    rows = CODER.code(Article("f", "Police attacked herders near Garissa on Monday. Clashes lasted for hours and two "
                                   "men were killed in the clashes.", published="2024-06-20"))
    assert [(r.sub_event_type, r.actor1) for r in rows] == [("Armed clash", "Police Forces of Kenya")]
    assert _types("Police attacked herders near Garissa on Monday, who fought back. A man was killed during the "
                  "fight.") == ["Armed clash"]
    # an attack with no fight told stays an attack on civilians
    assert _types("Police attacked herders near Garissa on Monday, killing two men.") == ["Attack"]


def test_symptoms_of_poisoning_after_munitions_are_a_chemical_attack_but_not_after_tear_gas_or_illness():
    shelled = ("Dozens of residents of Kadugli were treated for breathing difficulties on Monday after insurgents "
               "fired mortar shells at the market.")
    assert _types(shelled)[0] == "Chemical weapon"
    teargas = ("Police fired tear gas at students marching in Kisumu on Monday, and several suffered breathing "
               "difficulties.")
    assert "Chemical weapon" not in _types(teargas)
    ill = "Doctors in Kisumu said on Monday that many patients suffered breathing difficulties during the heatwave."
    assert "Chemical weapon" not in _types(ill)


def test_a_dispersal_that_kills_protesters_is_excessive_force_and_one_that_does_not_is_an_intervention():
    """The codebook's line between the two protest sub-types: lethal force against the crowd."""
    assert _types("Police fired tear gas at protesters in Kisumu on Monday, killing two of them.") == [
        "Excessive force against protesters"]
    assert _types("Police fired tear gas at protesters in Kisumu on Monday.") == ["Protest with intervention"]

"""What kind of event a draft is: its ACLED sub-event type and its CAMEO code.

Nothing here knows a pattern or an agent by its id: the decision reads the roles
the dictionaries declare (a pattern's `acled`, `acled_rules`, `generic` and
`cameo_by_type`, its family's `by_actors` table and `threat_cameo`, an agent's
`tactic`), so renaming an entry or adding a new one changes no rule.
"""

from __future__ import annotations

import attrs

from eventcoder.dictionaries.entries import BY_ACTORS, AcledRule, Inter, Pattern
from eventcoder.dictionaries.lexicon import Lexicon
from eventcoder.engine.actors import ResolvedActor, finish, resolve_protesters, stand_in
from eventcoder.engine.state import ArticleState, CodedEvent, Draft


def _holds(rule: AcledRule, d: Draft, src: ResolvedActor, tgt: ResolvedActor | None) -> bool:
    if rule.source is not None and src.inter not in rule.source:
        return False
    if src.inter in rule.source_not:
        return False
    if rule.source_armed is not None and src.armed != rule.source_armed:
        return False
    if rule.target is not None and (tgt is None or tgt.inter not in rule.target):
        return False
    if rule.target_armed is not None and (tgt is not None and tgt.armed) != rule.target_armed:
        return False
    if rule.intervention == "any" and d.intervention is None:
        return False
    if rule.intervention not in (None, "any") and d.intervention != rule.intervention:
        return False
    if rule.injured is not None and bool(d.injured) != rule.injured:
        return False
    return rule.killed is None or bool(d.killed) == rule.killed


def _first(rules: tuple[AcledRule, ...], d: Draft, src: ResolvedActor, tgt: ResolvedActor | None) -> str | None:
    return next((r.acled for r in rules if _holds(r, d, src, tgt)), None)


def is_violent(lex: Lexicon, pattern: Pattern) -> bool:
    """Whether a pattern describes political violence (its family says `violent: true`)."""
    return pattern.id in lex.violent


def tactic(lex: Lexicon, p: Pattern, src: ResolvedActor | None) -> Pattern | None:
    """The pattern a generic attack takes from its author ("warplanes struck" is an air strike), as does a weapon fired
    from its author ("jets fired missiles": ACLED's air strike covers missiles launched from aircraft)."""
    if not (p.generic or p.fired_from_author) or src is None or src.agent is None:
        return None
    agent = lex.ds.agents.get(src.agent)
    return lex.ds.patterns.get(agent.tactic) if agent is not None and agent.tactic else None


def acled_type(lex: Lexicon, d: Draft, src: ResolvedActor, tgt: ResolvedActor | None) -> str | None:
    """The ACLED sub-event type, or None for a threat or a CAMEO-only event.

    A pattern's own rules come first (who rioted decides between a riot and looting), then its fixed type;
    `by_actors` patterns take their author's tactic, else their family's decision table.
    """
    p = d.primary.pattern
    if d.threat or d.modality is not None or d.cameo_only:
        return None
    ruled = _first(p.acled_rules, d, src, tgt)
    if ruled is not None:
        return ruled
    if p.acled != BY_ACTORS:
        fired = tactic(lex, p, src) if p.fired_from_author else None  # "jets fired missiles": the platform decides
        return fired.acled if fired is not None else p.acled
    weapon = tactic(lex, p, src)
    if weapon is not None:
        return weapon.acled
    return _first(lex.ds.families[p.family].by_actors, d, src, tgt)


def cameo_code(lex: Lexicon, d: Draft, sub: str | None, src: ResolvedActor | None, tgt: ResolvedActor | None) -> str:
    """The CAMEO code of an event: the pattern's, refined by threat, weapon, ACLED type and who was hit."""
    p = d.primary.pattern
    if d.threat:
        return lex.ds.families[p.family].threat_cameo
    if d.modality == "intent" and p.intent_cameo:
        return p.intent_cameo
    if d.modality == "refusal" and p.refusal_cameo:
        return p.refusal_cameo
    weapon = tactic(lex, p, src)
    if weapon is not None and sub == weapon.acled:
        return weapon.cameo
    for typed, code in p.cameo_by_type:
        if sub == typed:
            return code
    # an attack with no one named as its target is an attack on civilians (the family's default type)
    if p.cameo_civilians and ((tgt is not None and not tgt.armed) or (tgt is None and sub == default_type(lex, p))):
        return p.cameo_civilians
    return p.cameo


def default_type(lex: Lexicon, p: Pattern) -> str | None:
    """The type a pattern's family gives an event when nothing more is known: its table's last, unconditional rule."""
    rules = lex.ds.families[p.family].by_actors
    return rules[-1].acled if rules and rules[-1] == AcledRule(rules[-1].acled) else None


def typed_by_crowd(lex: Lexicon, p: Pattern) -> bool:
    """A demonstration whose type depends on who gathered and who met them (ACLED's protest decision)."""
    return p.acled == BY_ACTORS and not lex.ds.families[p.family].violent


def classify_events(state: ArticleState) -> None:
    """Stage: give each located draft its finished actors, ACLED sub-event type and CAMEO code."""
    lex = state.lex
    for n, d, where in state.located:
        iso3 = where.iso3
        assert d.source is not None  # require_actors gave every draft a source
        src = finish(d.source, lex, iso3)
        tgt = finish(d.target, lex, iso3) if d.target is not None else None
        crowd = typed_by_crowd(lex, d.primary.pattern)  # who gathers decides the type
        if src.inter == Inter.CIVILIANS and (crowd or any(typed_by_crowd(lex, m.pattern) for m in d.mentions)):
            src = finish(resolve_protesters(lex), lex, iso3)  # teachers who rally are protesters in ACLED's scheme
        if d.fought_back and tgt is not None and not tgt.armed:
            tgt = attrs.evolve(tgt, armed=True)  # a target that fought back bore arms: the two sides battled
        if crowd and not d.intervention:
            tgt = None  # what a protest is against is not an actor in it; only a force that intervenes is
        sub = acled_type(lex, d, src, tgt)
        acled = lex.ds.acled_types.get(sub or "")
        if acled is not None and acled.crowd is not None and (src.inter in (Inter.CIVILIANS, Inter.PROTESTERS) or (
                src.inter == Inter.POLITICAL_MILITIA and not src.armed)):
            # residents who riot, demonstrators whose protest turned violent and a party's unarmed supporters who riot
            # are "Rioters (Country)" in ACLED
            crowd_actor = finish(stand_in(lex, acled.crowd), lex, iso3)
            if crowd_actor.inter != src.inter:
                src = crowd_actor
        if (acled is not None and acled.crowd_first and tgt is not None and tgt.inter in (Inter.PROTESTERS, Inter.CIVILIANS)
                and src.inter != Inter.PROTESTERS):
            # ACLED codes a protest with protesters as actor1 and the force that met it as actor2
            src, tgt = (tgt if tgt.inter == Inter.PROTESTERS else finish(resolve_protesters(lex), lex, iso3)), src
        state.events.append(CodedEvent(d, n, where, src, tgt, sub, cameo_code(lex, d, sub, src, tgt)))

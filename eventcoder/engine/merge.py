"""When several mentions are one event: merging drafts, and folding police action into the protest it met."""

from __future__ import annotations

from eventcoder.dictionaries.entries import Inter, Pattern
from eventcoder.dictionaries.lexicon import Lexicon
from eventcoder.engine.classify import is_violent, typed_by_crowd
from eventcoder.engine.state import Draft


def _merge_key(lex: Lexicon, p: Pattern) -> str:
    """What mentions must share to be one event: the family, or within a `merge: type` family the ACLED type or CAMEO root."""
    if lex.ds.families[p.family].merge == "family":
        return p.family
    return p.acled or ("cameo" + p.cameo[:2])


def _distinct(lex: Lexicon, sub: str | None) -> bool:
    t = lex.ds.acled_types.get(sub or "")
    return t is not None and t.distinct


def same_event(k: Draft, d: Draft, lex: Lexicon) -> bool:
    """Whether two drafts describe one event: same kind, same source, compatible target, same day."""
    pk, pd = k.primary.pattern, d.primary.pattern
    if _merge_key(lex, pk) != _merge_key(lex, pd) or k.threat != d.threat or k.modality != d.modality:
        return False
    # two specific tactics (an air strike and shelling) stay two events; a generic "attack" joins a specific one,
    # but an abduction or a rape is its own event even when the same group also killed people
    if pk.acled != pd.acled and is_violent(lex, pk):
        if not pk.generic and not pd.generic:
            return False
        if _distinct(lex, pk.acled) or _distinct(lex, pd.acled):
            return False
    if k.source is None or d.source is None or k.source.key != d.source.key:
        return False
    if k.target is not None and d.target is not None and k.target.key != d.target.key:
        return False
    return not (k.date != d.date and k.date_explicit and d.date_explicit)


def add(lex: Lexicon, drafts: list[Draft], keys: dict[tuple, list[Draft]], d: Draft) -> Draft:
    """Merge `d` into an earlier draft of the same event, or keep it; returns the draft that holds it.

    `keys` indexes `drafts` by (merge key, source), so adding stays linear in the article's length.
    """
    key = None if d.source is None else (_merge_key(lex, d.primary.pattern), d.source.key)
    if key is not None:
        for k in keys.get(key, ()):
            if same_event(k, d, lex):
                _absorb(k, d, lex)
                return k
        keys.setdefault(key, []).append(d)
    drafts.append(d)
    return d


def merge(drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """The drafts with every pair that describes one event merged."""
    out: list[Draft] = []
    keys: dict[tuple, list[Draft]] = {}
    for d in drafts:
        add(lex, out, keys, d)
    return out


def fold_interventions(drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """Police action against a protest reported in the same article is part of that protest (ACLED codes one event:
    protesters as actor1, the intervening force as actor2)."""
    crowds = [d for d in drafts if typed_by_crowd(lex, d.primary.pattern)]
    # the protest: a demonstration typed by its crowd, else a dispersal of protesters (which ACLED codes as the protest)
    protests = crowds or [
        d for d in drafts if d.primary.pattern.intervention == "dispersal" and d.target is not None and d.target.inter == Inter.PROTESTERS]
    out: list[Draft] = []
    for d in drafts:
        p = d.primary.pattern
        host = None
        hit = d.target.inter if d.target is not None else None
        fam = lex.ds.families[p.family]
        crowd = next((h for h in crowds if h is not d and d.source is not None and h.source is not None and (
            # the same actor; plain people of two phrases ("residents" and "youths") are two groups
            (d.source.key == h.source.key and (d.source.inter != Inter.CIVILIANS or d.source.text.lower() == h.source.text.lower()))
            or d.source.inter in (Inter.PROTESTERS, Inter.RIOTERS)
            # "protesting students clashed with police": civilians in the sentence of the protest are its crowd
            # ("the killing of traders by youths", a noun, is more often what the protest was about)
            or (d.source.inter == Inter.CIVILIANS and d.primary.trigger.pos != "noun"
                and any(m.sentence == d.primary.sentence for m in h.mentions))
            # "protested following clashes between police and residents": a fight named in the protest's sentence is its cause
            or (_clash_with_crowd(lex, d) and (d.primary.trigger.pos != "noun" or d.primary.sentence > h.primary.sentence)))), None)
        if crowd is not None and not typed_by_crowd(lex, p) and (
                fam.violent or (_riot_type(lex, crowd) or "-") in {p.acled, *(r.acled for r in p.acled_rules)}) and (
                crowd.date == d.date or not (crowd.date_explicit and d.date_explicit)):
            # "protesters ... clashed with soldiers", "burned tyres": the crowd turned violent; ACLED codes one event, the
            # protest, as a violent demonstration (the force it met, if any, as actor2)
            crowd.mentions.append(d.primary)
            crowd.intervention = "crowd"
            if crowd.target is not None and crowd.target.inter != Inter.STATE:
                crowd.target = None  # what the crowd protested about is no actor in the event; only a force it met is
            if d.target is not None and d.target.inter == Inter.STATE:
                crowd.target = crowd.target or d.target
            crowd.killed.extend(d.killed)
            crowd.injured.extend(d.injured)
            continue
        meets = _meets_crowd(lex, d, hit) if p.intervention is not None and d.source is not None else None
        if meets is not None:
            host = next((h for h in protests if h is not d and (h.date == d.date or not (h.date_explicit and d.date_explicit))
                         and (meets == "any" or d.primary.sentence > h.primary.sentence)), None)
        if host is None:
            out.append(d)
            continue
        host.target = host.target or d.source
        host.mentions.append(d.primary)
        if _stronger(lex, host, p.intervention):
            host.intervention = p.intervention
        host.killed.extend(d.killed)
        host.injured.extend(d.injured)
    return out


def _clash_with_crowd(lex: Lexicon, d: Draft) -> bool:
    """"Clashes between security forces and demonstrators", "farmers clashed with soldiers": in a note about a protest,
    a fight in which both sides act (a `symmetric` pattern) between state forces and the crowd (protesters, rioters or
    plain people) is the crowd turning violent, whichever side the sentence names first."""
    p = d.primary.pattern
    if not (p.symmetric and is_violent(lex, p)) or d.source is None or d.target is None:
        return False
    crowd = (Inter.PROTESTERS, Inter.RIOTERS, Inter.CIVILIANS)
    sides = {d.source.inter, d.target.inter}
    return Inter.STATE in sides and any(s in crowd for s in sides)


def _meets_crowd(lex: Lexicon, d: Draft, hit: int | None) -> str | None:
    """Whether an act with an intervention role is a force meeting the protest of its article (ACLED's intervention):
    "any" when it is wherever it is told, "later" only when told in a sentence after the protest's, else None.

    State forces who disperse or who hit protesters or plain people met the crowd. State forces who arrest or use force
    on no one named ("at least 45 were arrested", "soldiers responded violently") met it when that is told after the
    protest: in the protest's own sentence an act with no one named is mostly what the crowd protested about ("protested
    the arrests of students"). Likewise violence by no one named ("four were shot and killed") that hit protesters,
    plain people or someone only counted: the coder's unnamed attacker then stands in for the force that met the crowd.
    """
    p, src = d.primary.pattern, d.source
    assert src is not None
    if p.intervention == "confront":
        # an armed force that met the crowd: the protesters, or in the passive ("were met by soldiers") anyone unarmed,
        # whatever the passive's subject was taken to be; officials who meet protesters hear them out, and police who
        # "held meetings with" community leaders met no crowd
        crowd = hit == Inter.PROTESTERS or (d.primary.trigger.passive and not (d.target is not None and d.target.armed))
        return "any" if src.inter == Inter.STATE and src.armed and crowd else None
    if src.inter == Inter.STATE:
        if p.intervention == "dispersal" or hit == Inter.PROTESTERS or (
                p.intervention in ("force", "arrest") and hit == Inter.CIVILIANS) or (
                p.intervention == "force" and hit is None and bool(d.killed or d.injured)):
            return "any"
        return "later" if hit is None else None
    unnamed = src.kind == "agent" and src.agent in lex.anonymous
    if unnamed and p.intervention == "force" and (
            hit == Inter.PROTESTERS or (hit in (Inter.CIVILIANS, None) and bool(d.killed or d.injured))):
        return "later"
    return None


def _told_as_done(d: Draft) -> bool:
    """Whether the text reports the act as done: neither threatened nor only intended or refused (`modality`)."""
    return not d.threat and d.modality is None


def fold_battles(drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """A generic attack by one side of a battle reported in the same article is part of that battle ("X attacked the
    town and were repulsed by Y"): ACLED codes one armed clash between the two sides, not an attack beside it."""
    drafts = _fold_sideless_battles(drafts, lex)
    battles = [d for d in drafts if d.primary.pattern.symmetric and is_violent(lex, d.primary.pattern)
               and d.source is not None and d.target is not None and _told_as_done(d)]
    if not battles:
        return drafts
    out: list[Draft] = []
    for d in drafts:
        p = d.primary.pattern
        host = None
        if d.source is not None and p.generic and is_violent(lex, p) and _told_as_done(d):
            # "one killed in a gunfight between residents and police": violence by no one named, told in the battle's
            # own sentence, is the battle's toll, whoever the victims are
            unnamed = d.source.kind == "agent" and d.source.agent in lex.anonymous
            host = next((b for b in battles if b is not d and (
                (d.source.key in (b.source.key, b.target.key)  # type: ignore[union-attr]
                 and (d.target is None or d.target.key in (b.source.key, b.target.key)))  # type: ignore[union-attr]
                or (unnamed and any(m.sentence == d.primary.sentence for m in b.mentions)))
                         and (b.date == d.date or not (b.date_explicit and d.date_explicit))), None)
        if host is None:
            out.append(d)
            continue
        _absorb(host, d, lex)
    return out


def _one_day(a: Draft, b: Draft) -> bool:
    return a.date == b.date or not (a.date_explicit and b.date_explicit)


def _generic_violence(lex: Lexicon, d: Draft) -> bool:
    p = d.primary.pattern
    return d.source is not None and p.generic and is_violent(lex, p) and _told_as_done(d)


def _fold_sideless_battles(drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """A battle told with one side or none ("clashes lasted for hours", "a man was killed in the fight") beside an
    attack the same day is that attack turned into a fight: the attack's sides are the battle's, ACLED's armed clash."""
    sideless = [d for d in drafts if d.primary.pattern.symmetric and is_violent(lex, d.primary.pattern)
                and d.target is None and _told_as_done(d)]
    if not sideless:
        return drafts
    folded: set[int] = set()
    for d in drafts:
        if not _generic_violence(lex, d) or d.target is None or d.target.armed:
            continue  # an attack on an armed side is a battle already; only the fight of an unarmed-looking target tells
        for b in sideless:
            if id(b) in folded or not _one_day(b, d):
                continue
            unnamed = b.source is None or (b.source.kind == "agent" and b.source.agent in lex.anonymous)
            if unnamed or b.source.key in (d.source.key, d.target.key):  # type: ignore[union-attr]
                _absorb(d, b, lex)
                d.fought_back = True
                folded.add(id(b))
    return [d for d in drafts if id(d) not in folded]


def fold_into_violence(drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """An arrest or a looting told in the same sentence as violence by the same actor on the same people is part of
    that violence ("arrested and beat a judge"): ACLED codes the violence alone (acled.yaml `absorbed_by_violence`), the
    act keeps only its CAMEO code."""
    violent = [d for d in drafts if is_violent(lex, d.primary.pattern) and d.source is not None and _told_as_done(d)]
    if not violent:
        return drafts
    out: list[Draft] = []
    for d in drafts:
        p = d.primary.pattern
        host = None
        t = lex.ds.acled_types.get(p.acled or "")
        if d.source is not None and t is not None and t.absorbed_by_violence and _told_as_done(d):
            host = next((h for h in violent if h.source.key == d.source.key  # type: ignore[union-attr]
                         and any(m.sentence == d.primary.sentence for m in h.mentions)
                         and (d.target is None or h.target is None or d.target.key == h.target.key)), None)
        # the violence is ACLED's event; the arrest stays a CAMEO event of its own (173 is no assault)
        d.cameo_only = host is not None
        out.append(d)
    return out


def _stronger(lex: Lexicon, host: Draft, intervention: str | None) -> bool:
    """Whether an intervention outweighs the protest's own so far: the one its family's table tests first ("killed
    three ... to quell the protest" stays excessive force; the crowd's own violence outweighs all)."""
    if host.intervention is None:
        return True
    order = [r.intervention for r in lex.ds.families[host.primary.pattern.family].by_actors if r.intervention]
    rank = {v: i for i, v in reversed(list(enumerate(order)))}
    return rank.get(intervention or "", len(order)) < rank.get(host.intervention, len(order))


def _riot_type(lex: Lexicon, host: Draft) -> str | None:
    """What the protest's family calls a crowd's violence: the type its table gives rioters."""
    rules = lex.ds.families[host.primary.pattern.family].by_actors
    return next((r.acled for r in rules if r.source is not None and Inter.RIOTERS in r.source), None)


def _rank(lex: Lexicon, p: Pattern) -> int:
    t = lex.ds.acled_types.get(p.acled or "")
    return t.rank if t else 0


def _absorb(k: Draft, d: Draft, lex: Lexicon) -> None:
    """Merge `d` into `k`: the higher-ranked mention leads."""
    crowd = [x for x in (k, d) if typed_by_crowd(lex, x.primary.pattern)]
    acts = [x for x in (k, d) if x.primary.pattern.intervention is not None and not is_violent(lex, x.primary.pattern)]
    if len(crowd) == 1 and len(acts) == 1 and crowd[0] is not acts[0]:
        # a protest and its dispersal told as one event: the protest stays what is coded, the dispersal its intervention
        act = acts[0].primary.pattern.intervention
        k.mentions = crowd[0].mentions + acts[0].mentions
        if _stronger(lex, crowd[0], act):
            k.intervention = act
        elif k is not crowd[0]:
            k.intervention = crowd[0].intervention
    elif _rank(lex, d.primary.pattern) > _rank(lex, k.primary.pattern):
        k.mentions = d.mentions + k.mentions
    else:
        k.mentions.extend(d.mentions)
    if k.target is None:
        k.target, k.target_assoc = d.target, d.target_assoc
    k.source_assoc.extend(a for a in d.source_assoc if a.key not in {x.key for x in k.source_assoc})
    if d.date_explicit and not k.date_explicit:
        k.date, k.precision, k.date_explicit = d.date, d.precision, True
    k.killed.extend(d.killed)
    k.injured.extend(d.injured)
    k.last_sentence = max(k.last_sentence, d.last_sentence)

"""Reading an article sentence by sentence: candidates become drafts of events, linked through the narrative.

Pronouns and "the group" take the last matching actor; "claimed responsibility"
gives an earlier event its source; casualty counts attach to the event they
describe (or to the last violent event when they say "in the attack"); several
mentions of one event merge into one draft; undated events take the narrative's
date. Stages `analyse_sentences`, `link_sentences`, `require_actors` and
`merge_mentions` of engine.pipeline.
"""

from __future__ import annotations

import attrs

from eventcoder.dictionaries.lexicon import Lexicon
from eventcoder.dictionaries.entries import Inter
from eventcoder.engine import merge
from eventcoder.engine.actors import LOOKBACK, ResolvedActor, resolve
from eventcoder.engine.classify import is_violent, typed_by_crowd
from eventcoder.engine.locate import place_for
from eventcoder.engine.mentions import ActorMention, SentenceAnalysis, Trigger, analyse
from eventcoder.engine.slots import (
    Candidate,
    CasualtyReport,
    casualty_reports,
    claims,
    fill_slots,
)
from eventcoder.engine.state import (
    HISTORY_DAYS,
    LOOKBACK_SENTENCES,
    ArticleState,
    Draft,
    Mention,
)
from eventcoder.text.sentences import split_sentences, written_in_lower_case
from eventcoder.text.tokens import TokenArray, tokenize


def analyse_sentences(state: ArticleState) -> None:
    """Stage: split the body (and title) into sentences and find what the dictionaries recognise in each."""
    lex, published = state.lex, state.published
    caseless = written_in_lower_case(state.body)
    state.analyses = [_compact(a) if a.sentence.index >= COMPACT_AFTER else a
                      for a in (analyse(s, lex, published, caseless) for s in split_sentences(state.body, lex.lang, caseless))]
    if state.title.strip():
        for s in split_sentences(state.title, lex.lang):
            state.title_places.extend(analyse(s, lex, published).places)


# Every sentence's analysis is kept until the article is done, so past this many sentences its tokens are kept as
# compact arrays (text.tokens.TokenArray): a long article's memory then grows at about half the rate; an ordinary
# article keeps its Token lists, where compacting would cost more time than the memory is worth.
COMPACT_AFTER = 32


def _compact(a: SentenceAnalysis) -> SentenceAnalysis:
    """The analysis with its tokens as a `TokenArray` (equal tokens, less memory)."""
    a.tokens = TokenArray.of(a.tokens, a.norms)  # type: ignore[assignment]
    if len(_SPANS) > 10_000:
        _SPANS.clear()
    for spans in a.cue_spans.values():
        spans[:] = [_SPANS.setdefault(sp, sp) for sp in spans]  # one (start, end) tuple for all sentences' spans
    return a


_SPANS: dict[tuple[int, int], tuple[int, int]] = {}


@attrs.define
class _Sentence:
    """One sentence being linked into the narrative: its candidates and the actors resolved so far."""

    state: ArticleState
    a: SentenceAnalysis
    cands: list[Candidate]
    violent_nouns: set[int]
    resolved: dict[tuple[int, bool], ResolvedActor | None] = attrs.field(factory=dict)
    drafts_by_candidate: dict[int, Draft] = attrs.field(factory=dict)
    named: dict[int, ResolvedActor | None] = attrs.field(factory=dict)  # _as_named's answers, by id of the mention

    def _as_named(self, o: ActorMention) -> ResolvedActor | None:
        """The actor a named (not pronoun) mention of this sentence stands for, as a pronoun after it may point
        back to it. Only "the soldiers" (definite) reads the history, which grows while the sentence is linked; any
        other mention resolves the same each time, so it is resolved once for all the sentence's pronouns."""
        state = self.state
        if o.definite:
            return resolve(o, state.lex, state.published, state.history, "country")
        if id(o) not in self.named:
            self.named[id(o)] = resolve(o, state.lex, state.published, state.history, "country")
        return self.named[id(o)]

    def actor(self, m: ActorMention | None, violent: bool, subject: ActorMention | None = None) -> ResolvedActor | None:
        """The actor a mention names, in the light of the narrative so far; `subject` is the acting mention when `m`
        is acted upon (an object pronoun never stands for its own verb's subject: "soldiers fired on them")."""
        if m is None:
            return None
        a, state = self.a, self.state
        # "condemned the US strikes": a country named as the author of violence is its forces
        violent = violent or m.end in self.violent_nouns or (m.end + 1 in self.violent_nouns and a.norms[m.end] == "'s")
        key = (id(m), violent)
        if key not in self.resolved:
            lex, published, history = state.lex, state.published, state.history
            context = history
            if m.pronoun is not None or m.definite:
                # pronouns look back within the sentence first, then over earlier sentences (the last LOOKBACK
                # pairs: copying the whole history for every pronoun was quadratic in the article)
                context = history[-LOOKBACK:] + [(o, r) for o in a.actors if o.end <= m.start and o.pronoun is None and not o.locative
                                     for r in [self._as_named(o)] if r is not None]
                if subject is not None and m.pronoun in lex.lang.words["object_pronouns"]:
                    own = self.actor(subject, violent)
                    # (own's key read once and each pair's as its two fields: the key property was 2 million calls
                    # for a 1.25 MB article)
                    own_key = None if own is None else own.key
                    context = [(o, r) for o, r in context
                               if o is not subject and (own_key is None or (r.name, r.country) != own_key)]
            self.resolved[key] = resolve(m, lex, published, context, "country_force" if violent else "country")
        return self.resolved[key]


def link_sentences(state: ArticleState) -> None:
    """Stage: read the sentences in order, each through the sentence steps below."""
    violent = state.lex.violent
    for a in state.analyses:
        cands = fill_slots(a, state.lex, state.published)
        state.candidates.append(cands)
        s = _Sentence(state, a, cands, {t.start for t in a.triggers if t.pos == "noun" and t.pattern in violent})
        reports = casualty_reports(a, cands, state.lex, state.published)
        _fold_consequences(s)
        sentence_date = next((d for d in a.dates if d.role == "point" and d.date <= state.published), None)
        _draft_candidates(s)
        _attribute_claims(s)
        _attach_casualties(s, reports)
        _remember_actors(s)
        if sentence_date is not None and any(c.dropped is None for c in cands):
            # (a dated line that reports nothing, "This story is from ...", sets no date; nor does one whose only
            # event words were dropped: "those opposed to it since the act lapsed in 1995" dates nothing after it)
            state.narrative_date = sentence_date


def _fold_consequences(s: _Sentence) -> None:
    """"strikes ... killed X": the consequence verb gives its noun the target."""
    for c in s.cands:
        if c.consequence_of is not None and c.dropped is None:
            noun = s.cands[c.consequence_of]
            if noun.target is None and c.target is not None:
                noun.target, noun.target_assoc = c.target, c.target_assoc


def _draft_candidates(s: _Sentence) -> None:
    """Each candidate that stands for a new event becomes a draft (or joins the draft of the same event);
    negated, future and historical ones are dropped with their reason."""
    state, a, lex, published = s.state, s.a, s.state.lex, s.state.published
    index = a.sentence.index
    for idx, c in enumerate(s.cands):
        pattern = lex.ds.patterns[c.trigger.pattern]
        if c.dropped:
            state.drop(index, c.trigger.text, pattern.id, c.dropped)
            continue
        if c.consequence_of is not None:
            continue
        if c.reference:
            # "five civilians were killed in Goma": a count for an event named before; with none named, the event itself
            # (alone: no other event word in the sentence, even one dropped as background, that the count could belong to)
            alone = not any(o is not c and not o.reference and o.consequence_of is None for o in s.cands)
            if not (pattern.reports_casualties and state.recent(index) is None and c.trigger.pos == "verb" and alone):
                continue
        violent = is_violent(lex, pattern) and not c.threat
        src = s.actor(c.source, violent)
        tgt = s.actor(c.target, violent, c.source)
        if c.target_event_ref and tgt is None:
            ref = state.recent(index)
            if ref is not None and ref.source is not None:
                tgt = ref.source
        if src is not None and tgt is not None and src.key == tgt.key:
            tgt = None
        date, precision, explicit = published, 2, False
        # a day just after the report's date on a past-tense report ("on 20 February" in a note dated the 19th) is
        # the report dated early: the event is dated the report's day; a verb not in the past there is still ahead
        ahead = c.date is not None and c.date.date > published
        future = c.date is not None and (c.date.role == "future" or (ahead and c.trigger.pos == "verb"
                                                                         and "past" not in c.trigger.form))
        if future and c.modality is None:
            state.drop(index, c.trigger.text, pattern.id, "dated in the future")
            continue
        if c.date is not None and not future:
            date, precision, explicit = min(c.date.date, published), c.date.precision, True
        elif state.narrative_date is not None:
            date, precision = state.narrative_date.date, state.narrative_date.precision
        if state.dated and (published - date).days > HISTORY_DAYS:
            state.drop(index, c.trigger.text, pattern.id, f"historical (dated {date.isoformat()})")
            continue
        d = Draft(
            [Mention(index, c.trigger, pattern, place_for(a, c.trigger))],
            src, [x for x in (s.actor(m, violent) for m in c.source_assoc) if x is not None],
            tgt, [x for x in (s.actor(m, violent) for m in c.target_assoc) if x is not None],
            date, precision, explicit, c.threat, last_sentence=index, modality=c.modality,
        )
        held = merge.add(lex, state.drafts, state.draft_keys, d)
        s.drafts_by_candidate[idx] = held
        if is_violent(lex, held.primary.pattern):
            state.recent_violence = held


def _attribute_claims(s: _Sentence) -> None:
    """"X claimed responsibility": the last unattributed violent event of the last few sentences was X's."""
    state, lex, index = s.state, s.state.lex, s.a.sentence.index
    for cl in claims(s.a, lex):
        claimer = s.actor(cl.claimer, True)
        for d in reversed(state.drafts[-20:]):
            unnamed = d.source is None or (d.source.kind == "agent" and d.source.agent in lex.anonymous)
            if unnamed and index - d.last_sentence <= LOOKBACK_SENTENCES and is_violent(lex, d.primary.pattern):
                d.source = claimer
                d.last_sentence = index
                state.recent_violence = d
                break
        else:
            p = lex.claim_pattern
            if p is None or claimer is None or state.recent(index) is not None:
                continue  # (a claim of an event the article reported, even by its author already named, adds no event)
            # the claim is all the article says of the event: CAMEO codes the claimer's statement
            t = Trigger(cl.position, cl.position + 1, p.id, "verb", "past", False, p.ref, s.a.span_text(cl.position, cl.position + 1))
            date = state.narrative_date
            d = Draft([Mention(index, t, p, place_for(s.a, t))], claimer, [], None, [],
                      date.date if date else state.published, date.precision if date else 2, False, False, last_sentence=index)
            merge.add(lex, state.drafts, state.draft_keys, d)


def _attach_casualties(s: _Sentence, reports: list[CasualtyReport]) -> None:
    """Counts of killed and injured join the draft they describe; a toll over a period is dropped."""
    state, a, lex, index = s.state, s.a, s.state.lex, s.a.sentence.index
    for r in reports:
        if r.cumulative:
            if r.quantity is not None:
                state.drop(index, a.span_text(r.quantity.start, r.quantity.end), "casualties", "cumulative toll over a period")
            continue
        target: Draft | None = None
        if r.candidate is not None:
            target = s.drafts_by_candidate.get(r.candidate)
            if target is None and s.cands[r.candidate].reference:
                target = state.recent(index)
        elif r.anaphoric:
            target = state.recent(index)
        if target is None and r.victims is not None and r.quantity is not None and not s.cands:
            # "Several protesters were injured." alone: the protest the article reported is where they were hurt
            v = s.actor(r.victims, True)
            if v is not None and v.inter == Inter.PROTESTERS:
                target = next((d for d in reversed(state.drafts) if typed_by_crowd(lex, d.primary.pattern)), None)
        if target is None:
            continue
        if r.quantity is not None:
            (target.killed if r.kind == "killed" else target.injured).append(r.quantity)
        if target.target is None and r.victims is not None and not target.primary.pattern.symmetric:
            v = s.actor(r.victims, True)
            if v is not None and (target.source is None or v.key != target.source.key):
                target.target = v
        target.last_sentence = index
        if is_violent(lex, target.primary.pattern):
            state.recent_violence = target


def _remember_actors(s: _Sentence) -> None:
    """The sentence's actors join the narrative, for the pronouns of later sentences."""
    for m in s.a.actors:
        if not m.locative:
            r = s.actor(m, False)
            if r is not None:
                s.state.history.append((m, r))


def require_actors(state: ArticleState) -> None:
    """Stage: every event needs someone who acted (violence with victims gets the unnamed attacker, a protest the
    unnamed crowd); a CAMEO-only event also needs someone acted upon. The rest are dropped with their reason."""
    lex, published = state.lex, state.published
    kept: list[Draft] = []

    def has_actor(o: Draft) -> bool:
        slot = o.primary.pattern.unnamed_source or lex.ds.families[o.primary.pattern.family].unnamed_source
        return o.source is not None or slot not in (None, "none")

    # the events that can be coded at all: "optimistic that talks will resume" reports no talks anyone holds
    viable = [o for o in state.drafts if has_actor(o)]
    for d in state.drafts:
        p = d.primary.pattern
        family = lex.ds.families[p.family]
        if p.acled is not None and (d.source is None or _bare_country(lex, d.source)) and (
                all(state.analyses[m.sentence].cue_spans.get("not_political") for m in d.mentions)
                or _explained_as_not_political(state, max(m.sentence for m in d.mentions))):
            state.drop(d.primary.sentence, d.primary.trigger.text, p.id,
                       "a disaster, an accident or ordinary crime with no named political actor")
            continue
        if d.source is None:
            slot = p.unnamed_source or family.unnamed_source
            if slot is None or slot == "none":
                state.drop(d.primary.sentence, d.primary.trigger.text, p.id,
                           f"no actor found (family {p.family} names no stand-in for an unnamed source)")
                continue
            if (family.unnamed_needs_victims and d.target is None and not d.killed and not d.injured
                    and any(lex.ds.families[k.primary.pattern.family].violent for k in kept)):
                # "the retaliatory strikes were meant to ...": a bare mention after the article's violence is told
                state.drop(d.primary.sentence, d.primary.trigger.text, p.id,
                           f"no actor found, no one hit, and the article reported its violence before (family {p.family})")
                continue
            told = _told_before(state, d, kept)
            if told is not None:
                # "3 killed and one wounded in the attack.", "10 killed": a bare toll right after a violent event,
                # with no actor, place or date of its own, counts that event's dead, it is no new event
                told.killed.extend(d.killed)
                told.injured.extend(d.injured)
                state.drop(d.primary.sentence, d.primary.trigger.text, p.id,
                           "a bare casualty count after the article's violence: counted for that event")
                continue
            speaker = _force_speaker(state, d) if lex.stand_ins[slot].inter == 1 else None
            d.source = resolve(speaker or _synthetic(lex.stand_ins[slot].id), lex, published, [],
                               "country_force" if is_violent(lex, p) else "country")
        if family.needs_target and d.target is None:
            # a statement with no one addressed is coded when it is its sentence's only event and someone known made
            # it: "the kidnappers demanded a ransom" is part of the abduction, not a CAMEO demand
            anonymous = d.source.kind == "agent" and d.source.agent in lex.anonymous
            if family.needs_target != "unless_alone" or anonymous or any(
                    o is not d and any(m.sentence == d.primary.sentence for m in o.mentions) for o in viable):
                state.drop(d.primary.sentence, d.primary.trigger.text, p.id,
                           f"no one acted upon (family {p.family} needs a target"
                           + (" when its sentence reports another event or its source is unnamed)"
                              if family.needs_target == "unless_alone" else ")"))
                continue
        kept.append(d)
    state.drafts = kept


def _told_before(state: ArticleState, d: Draft, kept: list[Draft]) -> Draft | None:
    """The violent event of the sentence just before that a sourceless casualty count reports on, if it is one."""
    lex = state.lex
    if (d.primary.pattern.id not in lex.casualty_verbs or d.target is not None or not d.killed or d.date_explicit
            or any(m.place is not None or any(pl.locative for pl in state.analyses[m.sentence].places) for m in d.mentions)
            or not kept):
        return None
    last = kept[-1]
    if not is_violent(lex, last.primary.pattern) or last.last_sentence not in (d.primary.sentence - 1, d.primary.sentence - 2):
        return None
    if last.killed:
        return None  # the earlier event has its own count: this one may be another toll
    return last


def _explained_as_not_political(state: ArticleState, last: int) -> bool:
    """"The incident was due to a feud between smugglers": the next sentence, pointing back, says what it was."""
    if last + 1 >= len(state.analyses):
        return False
    nxt = state.analyses[last + 1]
    return bool(nxt.cue_spans.get("not_political")) and any(s == 0 for s, _ in nxt.cue_spans.get("anaphoric", ()))


def _force_speaker(state: ArticleState, d: Draft) -> ActorMention | None:
    """The state force that reports an act of its kind done by no one named ("the army said 40 rifles were seized",
    "the Israeli military said the rockets were intercepted"): who did it, where the stand-in would only guess."""
    lex = state.lex
    a = state.analyses[d.primary.sentence]
    speech = lex.lang.words["speech_verbs"]
    for m in a.participants:
        if m.end < len(a.norms) and a.norms[m.end] in speech and m.agent is not None and m.actor is None:
            agent = lex.ds.agents[m.agent]
            if agent.inter == 1 and agent.armed:
                return m
    return None


def _bare_country(lex: Lexicon, actor: ResolvedActor) -> bool:
    """"Indonesia's", "Japan": an actor the text names only by its country."""
    if actor.named is not None or not actor.text:
        return False
    found = lex.match([t.norm for t in tokenize(actor.text)])
    return bool(found) and all(e.kind in ("country", "capital") for m in found for e in m.entries if e.kind != "cue")


def merge_mentions(state: ArticleState) -> None:
    """Stage: drafts that turned out to be one event (now that every one has an actor) become one; an attack by one
    side of a battle joins the battle, an arrest beside violence the violence; police action against a protest joins the protest."""
    lex = state.lex
    drafts = merge.fold_interventions(merge.fold_into_violence(merge.fold_battles(merge.merge(state.drafts, lex), lex), lex), lex)
    # rows come in the order their events are first reported (a protest that took in an earlier arrest comes first)
    state.drafts = sorted(drafts, key=lambda d: min((m.sentence, m.trigger.start) for m in d.mentions))
    state.draft_keys = {}


def _synthetic(agent: str) -> ActorMention:
    return ActorMention(0, 0, None, agent, None, None, False, (), False, (), "")

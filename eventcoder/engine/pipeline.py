"""The article-level pipeline: one state, a fixed order of small stages.

text -> sentences -> dictionary matches -> candidate events -> filters ->
enrichment (actors, dates, casualties, place, type) -> rows. Each stage takes
the article's `ArticleState`, reads what earlier stages left there and adds its
own part; the row builder (engine.rows) then only assembles.

>>> from eventcoder.dictionaries.lexicon import default_lexicon
>>> import datetime as dt
>>> coding = code_text("Gunmen killed five villagers in Gwoza on Sunday.", "", dt.date(2024, 5, 13), default_lexicon())
>>> [(e.sub_event_type, e.where.location) for e in coding.events]
[('Attack', 'Gwoza')]
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from eventcoder.dictionaries.lexicon import Lexicon
from eventcoder.engine.classify import classify_events
from eventcoder.engine.discourse import analyse_sentences, link_sentences, merge_mentions, require_actors
from eventcoder.engine.locate import find_main_place, locate_events, read_dateline
from eventcoder.engine.state import ArticleCoding, ArticleState

Stage = Callable[[ArticleState], None]

STAGES: tuple[Stage, ...] = (
    read_dateline,       # text: the dateline's place, and the body without it
    analyse_sentences,   # sentences, tokens, dictionary matches, actor and place phrases, numbers, dates
    link_sentences,      # candidates and their filters (negated, future, historical), drafts, claims, casualties
    require_actors,      # filter: events need an actor (or the unnamed attacker / crowd that stands in)
    merge_mentions,      # several mentions of one event become one draft
    find_main_place,     # enrichment: the article's main place
    locate_events,       # enrichment: each event's place (or it is dropped)
    classify_events,     # enrichment: finished actors, ACLED sub-event type, CAMEO code
)


def code_text(body: str, title: str, published: dt.date, lex: Lexicon, stages: tuple[Stage, ...] = STAGES,
              dated: bool = True, country: str | None = None) -> ArticleCoding:
    """Run the stages over an article body (the title and dateline only inform its main place).

    `dated` False: the article gave no publication date (`published` is only a reference for relative dates), so no
    event can be called background for its age. `country`: the ISO3 of the country the article is given as being
    about; it counts as one mention of that country, and places an event when the text names no place or country.
    """
    state = ArticleState(lex, published, body, title, dated=dated, country=country)
    for stage in stages:
        stage(state)
    return state.coding()

"""eventcoder: code news articles into ACLED-layout conflict events with CAMEO codes.

>>> from eventcoder import Article, Coder
>>> coder = Coder.default()
>>> events = coder.code(Article("a1", "Gunmen killed five villagers in Gwoza on Sunday.", published="2024-05-13"))
>>> (events[0].sub_event_type, events[0].fatalities, events[0].country)
('Attack', 5, 'Nigeria')
"""

from eventcoder.coder import Coder
from eventcoder.errors import ArticleError, DictionaryError, EventcoderError, RowValidationError
from eventcoder.model import ACLED_COLUMNS, COLUMNS, EXTRA_COLUMNS, Article, Event, Outcome

__all__ = [
    "ACLED_COLUMNS", "COLUMNS", "EXTRA_COLUMNS", "Article", "ArticleError", "Coder", "DictionaryError", "Event",
    "EventcoderError", "Outcome", "RowValidationError", "events_to_frame", "read_events",
]
__version__ = "0.1.0"

_FRAMES = ("events_to_frame", "read_events")


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    # typed DataFrames live in eventcoder.io.frame; imported on first use so pandas stays optional
    if name in _FRAMES:
        from eventcoder.io import frame

        return getattr(frame, name)
    raise AttributeError(f"module 'eventcoder' has no attribute {name!r}")

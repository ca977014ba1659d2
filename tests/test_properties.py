"""Properties of the coder that must hold for any input."""

from __future__ import annotations

import csv
import datetime as dt
import io

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from eventcoder import Article, Event
from eventcoder.export import events_to_csv, read_csv, read_jsonl, write_events
from eventcoder.engine.validation import row_errors
from eventcoder.io.sinks import TEXT_COLUMNS
from eventcoder.model import COLUMNS

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# (phrase in text, ACLED actor name) — each actor's country matches the places it is used with
PERPETRATORS = {
    "NGA": [("Boko Haram fighters", "Boko Haram"), ("Nigerian soldiers", "Military Forces of Nigeria"), ("ISWAP militants", "Islamic State West Africa Province")],
    "SOM": [("Al-Shabaab fighters", "Al Shabaab"), ("Somali troops", "Military Forces of Somalia")],
    "SDN": [("RSF fighters", "Rapid Support Forces"), ("Sudanese army soldiers", "Military Forces of Sudan")],
    "UKR": [("Russian forces", "Military Forces of Russia")],
}
PLACES = {"NGA": ["Maiduguri", "Gwoza", "Kano"], "SOM": ["Mogadishu"], "SDN": ["El Fasher", "Omdurman", "Khartoum"], "UKR": ["Kharkiv", "Odesa"]}
VICTIMS = [("villagers", 7), ("civilians", 7), ("farmers", 7), ("residents", 7)]
WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 7: "seven", 9: "nine", 11: "eleven", 12: "twelve", 20: "twenty"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@st.composite
def report(draw):
    """A news sentence with a known perpetrator, count, victims, place and day, and the row it must give."""
    iso3 = draw(st.sampled_from(sorted(PERPETRATORS)))
    phrase, name = draw(st.sampled_from(PERPETRATORS[iso3]))
    place = draw(st.sampled_from(PLACES[iso3]))
    victims, _ = draw(st.sampled_from(VICTIMS))
    n = draw(st.integers(min_value=2, max_value=400))
    number = WORDS[n] if n in WORDS and draw(st.booleans()) else str(n)
    qualifier = draw(st.sampled_from(["", "at least "]))
    day = draw(st.sampled_from(WEEKDAYS))
    published = dt.date(2024, 3, 4) + dt.timedelta(days=draw(st.integers(0, 400)))
    voice = draw(st.sampled_from(["active", "passive", "ing"]))
    if voice == "active":
        text = f"{phrase} killed {qualifier}{number} {victims} in {place} on {day}, officials said."
    elif voice == "passive":
        text = f"{qualifier.capitalize()}{number} {victims} were killed by {phrase} in {place} on {day}, a local official said."
    else:
        text = f"{phrase} attacked a market in {place} on {day}, killing {qualifier}{number} {victims}, witnesses said."
    back = (published.weekday() - WEEKDAYS.index(day)) % 7
    expected = {
        "actor1": name, "actor2": f"Civilians ({'Nigeria' if iso3 == 'NGA' else {'SOM': 'Somalia', 'SDN': 'Sudan', 'UKR': 'Ukraine'}[iso3]})",
        "fatalities": n, "fatalities_qualifier": "min" if qualifier else "exact", "location": place, "iso3": iso3,
        "event_date": (published - dt.timedelta(days=back)).isoformat(), "sub_event_type": "Attack",
    }
    return Article("gen", text, published=published), expected


@SETTINGS
@given(report())
def test_generated_report_is_coded_back_exactly(coder, case):
    article, expected = case
    rows = coder.code(article)
    assert len(rows) == 1, (article.text, [r.to_dict() for r in rows])
    got = {k: getattr(rows[0], k) for k in expected}
    assert got == expected, article.text


@SETTINGS
@given(st.lists(report(), min_size=1, max_size=4), st.text(max_size=300))
def test_rows_validate_and_coding_is_deterministic_and_batch_independent(coder, cases, noise):
    articles = [Article(f"a{i}", c[0].text + " " + noise, published=c[0].published) for i, c in enumerate(cases)]
    alone = [coder.code(a) for a in articles]
    batch = [list(o.events) for o in coder.code_many(articles)]
    assert batch == alone
    assert [coder.code(a) for a in reversed(articles)] == list(reversed(alone))
    for rows in alone:
        for r in rows:
            assert row_errors(r.to_dict()) == []


any_article = st.builds(
    Article,
    id=st.text(min_size=1, max_size=20),
    text=st.text(),
    title=st.text(max_size=60),
    published=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),  # the schema's years
    source=st.text(max_size=30),
    url=st.text(max_size=30),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(any_article)
# digits int() cannot read (found by this test): a count, a day and a year written with them
@example(Article("d1", "Gunmen killed \U00010a40 people in Kano on \U00010a40 May \U00010a40\U00010a40\U00010a40\U00010a40.",
                 published=dt.date(2024, 5, 4)))
@example(Article("e1", "Rebels killed five people last week.", published=dt.date(1900, 1, 3)))
@example(Article("e2", "Rebels killed five people last week in Kano.", published=dt.date(2200, 12, 31)))
def test_arbitrary_unicode_never_crashes(coder, article):
    rows = coder.code(article)
    for r in rows:
        assert row_errors(r.to_dict()) == []


RELATIVE = ["yesterday", "last week", "last month", "last night", "on Monday", "on Christmas Day", "on 3 May", "in 1950", "last weekend"]


@SETTINGS
@given(st.dates(), st.sampled_from(RELATIVE),
       st.text(alphabet=st.characters(), max_size=40),  # st.characters() includes lone surrogates, as JSON "\\ud800" gives
       st.text(max_size=30))
@example(dt.date(1, 1, 1), "yesterday", "", "")
@example(dt.date(9999, 12, 31), "last week", "", "")
@example(dt.date(2024, 5, 1), "last week", "\ud800", "\udfff")
def test_any_date_and_any_string_give_rows_or_an_article_error(coder, tmp_path_factory, day, when, noise, ident):
    """Over every date Python has and any string (surrogates too): a batch never stops, and what it gives is writable."""
    articles = [Article(ident or "x", f"Boko Haram fighters killed 99999999999999999999999 villagers in Gwoza {when}. {noise}",
                        title=noise, published=day, source=noise),
                Article("next", "Gunmen killed five villagers in Gwoza on Monday.", published="2024-05-13")]
    outcomes = list(coder.code_many(articles))
    assert [o.article_id for o in outcomes] == [a.id for a in articles]
    assert outcomes[1].error is None and outcomes[1].events
    if not dt.date(1900, 1, 1) <= day <= dt.date(2200, 12, 31):
        assert outcomes[0].error and "outside the years" in outcomes[0].error
    events = [e for o in outcomes for e in o.events]
    for e in events:
        assert row_errors(e.to_dict()) == []
        assert e.fatalities <= 10_000_000
    folder = tmp_path_factory.mktemp("w")
    for fmt in ("csv", "jsonl"):
        write_events(events, folder / f"e.{fmt}", fmt, datapackage=False)
    assert read_csv(folder / "e.csv") == events


@SETTINGS
@given(st.lists(st.sampled_from(["<p>", "</p>", "<b>", "&amp;", "<script>x</script>", "Rebels attacked soldiers in Goma on Monday.",
                                 "\n\n", "<br/>", "U.S.", "Gen.", "...", "!!", "20,000", "-", "'s"]), max_size=60))
def test_html_and_fragments_never_crash(coder, parts):
    coder.code(Article("h", " ".join(parts), published="2024-01-10"))


def test_one_megabyte_article_is_coded(coder):
    para = ("Boko Haram fighters killed five villagers in Gwoza on Monday, officials said. "
            "The army said it would respond. Residents fled to Maiduguri. ")
    text = (para + "\n\n") * (1_000_000 // (len(para) + 2) + 1)
    assert len(text) >= 1_000_000
    rows = coder.code(Article("big", text, published="2024-05-15"))
    assert rows and all(r.actor1 == "Boko Haram" for r in rows if r.event_type)


_plain = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
# cells that a spreadsheet would read as formulas, and carriage returns anywhere
text_cells = _plain | st.tuples(st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "''", "'=", "a\rb"]), _plain).map("".join)


@SETTINGS
@given(st.lists(st.builds(
    Event,
    event_id_cnty=st.from_regex(r"[A-Z]{3}[0-9]{9}", fullmatch=True), event_date=st.dates().map(dt.date.isoformat),
    year=st.integers(1900, 2200), time_precision=st.sampled_from([1, 2, 3]), disorder_type=text_cells, event_type=text_cells,
    sub_event_type=text_cells, actor1=text_cells, assoc_actor_1=text_cells, inter1=st.integers(1, 8), actor2=text_cells,
    assoc_actor_2=text_cells, inter2=st.integers(0, 8), interaction=st.integers(10, 88), civilian_targeting=text_cells,
    iso=st.integers(0, 999), region=text_cells, country=text_cells, admin1=text_cells, admin2=text_cells, admin3=text_cells,
    location=text_cells, latitude=st.floats(-90, 90), longitude=st.floats(-180, 180), geo_precision=st.sampled_from([1, 2, 3]),
    source=text_cells, source_scale=text_cells, notes=text_cells, fatalities=st.integers(0, 10**6), tags=text_cells,
    timestamp=st.integers(0, 2**33), article_id=text_cells, iso3=st.from_regex(r"[A-Z]{3}", fullmatch=True),
    cameo_code=st.from_regex(r"[0-2][0-9]{1,3}", fullmatch=True), cameo_root=st.from_regex(r"[0-2][0-9]", fullmatch=True),
    goldstein=st.floats(-10, 10), quad_class=st.integers(0, 4), actor1_code=text_cells, actor2_code=text_cells,
    fatalities_qualifier=st.sampled_from(["none", "exact", "min", "approx", "vague"]), injuries=st.none() | st.integers(0, 10**5),
    sentence_index=st.integers(0, 10**4), rule_id=text_cells,
), max_size=5))
def test_csv_and_jsonl_round_trip_any_rows(tmp_path_factory, events):
    text = events_to_csv(events)
    assert read_csv(text, text=True) == events
    rows = list(csv.reader(io.StringIO(text, newline="")))  # a standard reader sees one row per event
    assert len(rows) == len(events) + 1
    for row in rows[1:]:
        for name in TEXT_COLUMNS:  # no text cell reaches a spreadsheet as a formula
            assert row[COLUMNS.index(name)][:1] not in "=+-@\t\r" or not row[COLUMNS.index(name)]
        assert float(row[COLUMNS.index("longitude")]) == float(row[COLUMNS.index("longitude")])  # numbers stay numbers
    with open(tmp_path_factory.mktemp("rt") / "e.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    assert read_csv(fh.name) == events
    path = tmp_path_factory.mktemp("rt") / "e.jsonl"
    write_events(events, path, "jsonl")
    assert read_jsonl(path) == events

"""Typed DataFrames, Parquet with real types, and GeoJSON output (issue #17)."""

from __future__ import annotations

import json

import attrs
import pytest

import eventcoder
from eventcoder.export import read_parquet, write_events
from eventcoder.io.datapackage import table_schema
from eventcoder.io.geojson import feature
from eventcoder.model import COLUMNS
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def events(coder):
    from eventcoder.io.readers import read_inputs

    rows = [e for a in read_inputs([str(SEEDS)]) for e in coder.code(a)]
    # a code with a leading zero and a reported injury count, which naive readers get wrong
    rows[0] = attrs.evolve(rows[0], cameo_code="057", cameo_root="05", injuries=3)
    return rows


def test_parquet_has_date32_and_integers_and_reads_back_exactly(events, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    path = tmp_path / "e.parquet"
    write_events(events, path, "parquet")
    schema = pq.read_schema(path)
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("injuries").type == pa.int64() and schema.field("fatalities").type == pa.int64()
    assert schema.field("cameo_code").type == pa.string() and schema.field("latitude").type == pa.float64()
    assert schema.names == list(COLUMNS)
    assert read_parquet(path) == events


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_read_events_gives_table_schema_types(events, tmp_path, fmt):
    pd = pytest.importorskip("pandas")
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    from eventcoder.io.frame import frame_to_events, pandas_dtypes

    path = tmp_path / f"e.{fmt}"
    write_events(events, path, fmt)
    df = eventcoder.read_events(path)
    assert list(df.columns) == list(COLUMNS)
    assert {c: str(t) for c, t in df.dtypes.items()} == {c: str(pd.api.types.pandas_dtype(t)) for c, t in pandas_dtypes().items()}
    assert df.loc[0, "cameo_code"] == "057" and df.loc[0, "injuries"] == 3
    assert df["injuries"].isna().sum() == sum(e.injuries is None for e in events) > 0  # unreported: <NA>, not NaN floats
    assert df.loc[0, "event_date"] == pd.Timestamp(events[0].event_date)
    assert df.loc[0, "actor2"] == events[0].actor2  # empty strings stay strings
    assert frame_to_events(df) == events
    assert df.equals(eventcoder.events_to_frame(events))


def test_dtypes_follow_the_table_schema():
    pytest.importorskip("pandas")
    from eventcoder.io.frame import pandas_dtypes

    kinds = {"string": "string", "integer": "Int64", "number": "float64", "date": "datetime64[ns]"}
    assert pandas_dtypes() == {f["name"]: kinds[f["type"]] for f in table_schema()["fields"]}


def test_code_frame(coder):
    pytest.importorskip("pandas")
    article = eventcoder.Article("a1", "Gunmen killed five villagers in Gwoza on Sunday.", published="2024-05-13")
    df = coder.code_frame([article, eventcoder.Article("", "no id")])
    assert df.loc[0, "fatalities"] == 5 and str(df["fatalities"].dtype) == "Int64"
    assert list(df.attrs["errors"]) == [""]  # the article without an id, left out


def test_geojson_is_a_feature_collection_of_points(events, tmp_path):
    path = tmp_path / "e.geojson"
    write_events(events, path, "geojson")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == len(events)
    for f, e in zip(data["features"], events):
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert (lon, lat) == (e.longitude, e.latitude) and -180 <= lon <= 180 and -90 <= lat <= 90
        assert list(f["properties"]) == list(COLUMNS) and f["properties"] == e.to_dict()
    assert json.loads(json.dumps(feature(events[0]))) == data["features"][0]


def test_geojson_empty_collection(tmp_path):
    path = tmp_path / "e.geojson"
    write_events([], path, "geojson")
    assert json.loads(path.read_text(encoding="utf-8")) == {"type": "FeatureCollection", "features": []}


def test_cli_geojson_from_suffix(tmp_path):
    from eventcoder.cli import main

    out = tmp_path / "events.geojson"
    assert main(["code", str(SEEDS), "-o", str(out), "-q"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from eventcoder.model import Event  # noqa: E402

_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=20)
_dates = st.dates(min_value=__import__("datetime").date(1700, 1, 1), max_value=__import__("datetime").date(2200, 12, 31))
any_events = st.lists(st.builds(
    Event,
    event_id_cnty=st.from_regex(r"[A-Z]{3}[0-9]{9}", fullmatch=True), event_date=_dates.map(lambda d: d.isoformat()),
    year=st.integers(1700, 2200), time_precision=st.sampled_from([1, 2, 3]), disorder_type=_text, event_type=_text,
    sub_event_type=_text, actor1=_text, assoc_actor_1=_text, inter1=st.integers(1, 8), actor2=_text,
    assoc_actor_2=_text, inter2=st.integers(0, 8), interaction=st.integers(10, 88), civilian_targeting=_text,
    iso=st.integers(0, 999), region=_text, country=_text, admin1=_text, admin2=_text, admin3=_text,
    location=_text, latitude=st.floats(-90, 90), longitude=st.floats(-180, 180), geo_precision=st.sampled_from([1, 2, 3]),
    source=_text, source_scale=_text, notes=_text, fatalities=st.integers(0, 10**6), tags=_text,
    timestamp=st.integers(0, 2**33), article_id=_text, iso3=st.from_regex(r"[A-Z]{3}", fullmatch=True),
    cameo_code=st.from_regex(r"[0-2][0-9]{1,3}", fullmatch=True), cameo_root=st.from_regex(r"[0-2][0-9]", fullmatch=True),
    goldstein=st.floats(-10, 10), quad_class=st.integers(0, 4), actor1_code=_text, actor2_code=_text,
    fatalities_qualifier=st.sampled_from(["none", "exact", "min", "approx", "vague"]), injuries=st.none() | st.integers(0, 10**5),
    sentence_index=st.integers(0, 10**4), rule_id=_text,
), max_size=4)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(any_events)
def test_any_rows_survive_parquet_and_typed_frames(tmp_path_factory, rows):
    pytest.importorskip("pyarrow")
    path = tmp_path_factory.mktemp("pq") / "e.parquet"
    write_events(rows, path, "parquet")
    assert read_parquet(path) == rows
    try:
        import pandas  # noqa: F401
    except ImportError:
        return
    from eventcoder.io.frame import frame_to_events

    csv_path = path.with_suffix(".csv")
    write_events(rows, csv_path, datapackage=False)
    for table in (path, csv_path):
        assert frame_to_events(eventcoder.read_events(table)) == rows, table

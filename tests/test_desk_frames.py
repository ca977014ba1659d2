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

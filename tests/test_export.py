import pytest

from eventcoder import Article, Event
from eventcoder.export import atomic_write, events_to_csv, read_csv, read_jsonl, write_events


@pytest.fixture(scope="module")
def rows(coder):
    art = Article("x1", 'Sudanese army warplanes bombed RSF positions near Omdurman on Sunday, killing "at least 9" fighters, '
                        "the army said, according to a report from Khartoum.", published="2024-06-11", source="Wire, Inc.")
    out = coder.code(art)
    assert out
    return out


def test_csv_round_trip(rows, tmp_path):
    path = tmp_path / "e.csv"
    assert write_events(rows, path) == len(rows)
    assert read_csv(path) == rows
    assert read_csv(events_to_csv(rows), text=True) == rows


def test_jsonl_round_trip(rows, tmp_path):
    path = tmp_path / "e.jsonl"
    write_events(rows, path, "jsonl")
    assert read_jsonl(path) == rows


def test_atomic_write_keeps_old_file_on_failure(tmp_path):
    path = tmp_path / "keep.csv"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_write(path) as fh:
            fh.write("half")
            raise RuntimeError("boom")
    assert path.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [path]


def test_event_dict_has_acled_order(rows):
    keys = list(rows[0].to_dict())
    assert keys[:7] == ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type"]
    assert keys[30] == "timestamp" and keys[-1] == "rule_id" and len(keys) == 43
    assert Event.from_dict(rows[0].to_dict()) == rows[0]

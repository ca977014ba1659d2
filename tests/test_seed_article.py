"""The article the project was started from (../shared/seeds), coded end to end."""

from eventcoder import Article
from eventcoder.io.readers import article_from_txt


def coded(coder, shared):
    text = (shared / "seeds" / "us-strikes-kataib-hezbollah.txt").read_text(encoding="utf-8")
    art = article_from_txt(text, "kh-seed", published=None)
    art = Article(art.id, art.text, art.title, "2023-12-26", "seed outlet")
    return coder.code(art)


def test_seed_article_gives_the_three_events(coder, shared):
    rows = coded(coder, shared)
    drone = [r for r in rows if r.actor1 == "Kataib Hezbollah"]
    assert len(drone) == 1
    d = drone[0]
    assert (d.event_type, d.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert d.actor2 == "Military Forces of the United States" and d.actor2_code == "USAMIL"
    assert (d.country, d.iso3, d.location, d.admin1) == ("Iraq", "IRQ", "Erbil Air Base", "Erbil")
    assert (d.fatalities, d.injuries, d.event_date) == (0, 3, "2023-12-25")

    us = [r for r in rows if r.actor1 == "Military Forces of the United States" and r.event_type]
    assert len(us) == 1
    u = us[0]
    assert (u.sub_event_type, u.actor2, u.country) == ("Air/drone strike", "Kataib Hezbollah", "Iraq")
    assert (u.fatalities, u.fatalities_qualifier, u.event_date, u.actor1_code) == (19, "min", "2023-12-25", "USAMIL")
    assert u.inter1 == 8  # US forces acting in Iraq are external forces in ACLED's scheme

    condemn = [r for r in rows if r.cameo_code == "111"]
    assert [(r.actor1_code, r.actor2_code, r.event_type) for r in condemn] == [("IRQGOV", "USAMIL", "")]


def test_seed_article_background_toll_is_not_an_event(coder, shared):
    rows = coded(coder, shared)
    assert len(rows) == 3
    assert all(r.fatalities < 1000 for r in rows)
    assert not any(r.country == "Palestine" or "Israel" in r.actor1 for r in rows)

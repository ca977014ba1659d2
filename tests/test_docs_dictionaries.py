"""docs/dictionaries.md's worked example runs as written, and the bundled dictionaries cover what it promises."""

import re

from eventcoder import Article
from tests.conftest import ROOT


def test_worked_example_in_docs_runs():
    doc = (ROOT / "docs" / "dictionaries.md").read_text(encoding="utf-8")
    block = re.search(r"### A worked example.*?```python\n(.*?)```", doc, re.S).group(1)
    exec(compile(block, "docs/dictionaries.md", "exec"), {})


def test_every_cameo_root_is_coded(coder):
    examples = {
        "01": "Kenya's foreign ministry issued a statement on Somalia on Monday.",
        "02": "The United Nations appealed to Ethiopia on Monday for calm.",
        "03": "Sudan's army offered to negotiate with the Rapid Support Forces on Monday.",
        "04": "Turkey's foreign minister met with Iraqi officials in Baghdad on Monday.",
        "05": "Ethiopia's prime minister praised Kenya on Monday.",
        "06": "Russian troops held joint exercises with Belarus on Monday.",
        "07": "Qatar sent aid to Sudan on Monday.",
        "08": "Gunmen released three hostages in Kano on Monday.",
        "09": "Kenyan police investigated the Rapid Support Forces on Monday.",
        "10": "The United Nations demanded on Monday that Sudan open the border.",
        "11": "Jordan condemned Israel on Monday.",
        "12": "Sudan rejected Kenya's proposal on Monday.",
        "13": "The Houthis threatened to attack US warships on Monday.",
        "14": "Hundreds of protesters rallied in Nairobi on Monday.",
        "15": "Russia deployed troops to Belarus on Monday.",
        "16": "The European Union imposed sanctions on Russia on Monday.",
        "17": "Police arrested 12 protesters in Nairobi on Monday.",
        "18": "Gunmen abducted 12 students in Kano on Monday.",
        "19": "Rebels attacked soldiers in Goma on Monday.",
        "20": "Syrian forces carried out a chemical attack on rebels in Aleppo on Monday.",
    }
    for root, text in examples.items():
        rows = coder.code(Article(f"root{root}", text, published="2024-05-15"))
        assert [r.cameo_root for r in rows] == [root], (text, [r.cameo_code for r in rows])


def test_coverage_of_countries_groups_and_patterns(coder):
    ds = coder.lexicon.ds
    assert len(ds.countries) >= 200
    assert len({c.iso for c in ds.countries.values() if c.iso}) == len([c for c in ds.countries.values() if c.iso])
    groups = [a for a in ds.actors.values() if a.kind == "group"]
    assert len(groups) >= 150
    assert all((a.country is None or a.country in ds.countries) and a.inter in range(1, 9) for a in groups)
    roots = {p.cameo[:2] for p in ds.patterns.values()}
    assert roots >= {f"{i:02d}" for i in range(1, 21)}
    for c in ds.countries.values():  # every country's names and demonyms resolve to it
        for name in (c.name, *c.names, *c.demonyms):
            assert any(e.kind == "country" and e.key == c.iso3 for e in coder.lexicon.lookup(name)), name

"""What an event or an agent is comes from the roles the dictionaries declare, never from its id."""

from __future__ import annotations

import re

import attrs
import pytest
import yaml

from eventcoder import Coder
from eventcoder.errors import DictionaryError
from eventcoder.evaluation.gold import load_gold
from eventcoder.io.readers import read_inputs
from eventcoder.lang import dictionary_files
from eventcoder.resources import BUNDLED_DICTIONARIES, data_text, package_text
from tests.conftest import ROOT, SEEDS


def _renamed_copy(folder) -> dict[str, str]:
    """The bundled dictionaries with every pattern and agent id renamed (and every reference to them)."""
    patterns: dict[str, str] = {}
    agents: dict[str, str] = {}
    texts = {name: yaml.safe_load(data_text(name)) or {} for name in BUNDLED_DICTIONARIES}
    texts.update({path.rsplit("/", 1)[1]: yaml.safe_load(package_text(path)) or {} for path in dictionary_files()})
    for data in texts.values():
        for p in data.get("events") or []:
            patterns[p["id"]] = f"ev{len(patterns):03d}"
        for a in data.get("agents") or []:
            agents[a["id"]] = f"ag{len(agents):03d}"
    for data in texts.values():
        for p in data.get("events") or []:
            p["id"] = patterns[p["id"]]
        for a in data.get("agents") or []:
            a["id"] = agents[a["id"]]
            if a.get("tactic"):
                a["tactic"] = patterns[a["tactic"]]
        for actor in data.get("actors") or []:
            for role in actor.get("roles") or []:
                role["agent"] = agents[role["agent"]]
    for i, (name, data) in enumerate(texts.items()):
        (folder / f"{i:02d}-{name}").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return {new: old for old, new in patterns.items()}


def _articles():
    arts = [a for a in read_inputs([str(SEEDS)]) if not hasattr(a, "problem")]
    for path in sorted((ROOT / "tests" / "gold").rglob("*.yaml")):
        arts.extend(g.article for g in load_gold(path))
    return arts


def _comparable(row, back: dict[str, str] | None = None):
    pattern = row.rule_id.split("@", 1)[0]
    return attrs.evolve(row, rule_id=(back or {}).get(pattern, pattern))


def test_renaming_every_pattern_and_agent_id_changes_no_row(tmp_path):
    back = _renamed_copy(tmp_path)
    renamed = Coder.from_dictionaries(tmp_path, bundled=False)
    bundled = Coder.default()
    articles = _articles()
    assert len(articles) > 100
    coded = 0
    for art in articles:
        expected = [_comparable(r) for r in bundled.code(art)]
        got = [_comparable(r, back) for r in renamed.code(art)]
        assert got == expected, art.id
        coded += len(expected)
    assert coded > 100


def test_dropping_the_protesters_agent_is_a_dictionary_error_not_a_crash(tmp_path):
    data = yaml.safe_load(data_text("agents.yaml"))
    for agent in data["agents"]:
        if "protesters" in (agent.get("stands_in") or []):
            agent["stands_in"] = []
    path = tmp_path / "agents.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        Coder.from_dictionaries(path)
    assert any(re.match(r".+:\d+: agents: no agent stands in for 'protesters'", p) for p in info.value.problems)


def test_unknown_family_and_type_are_file_line_errors(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "events:\n"
        "  - id: odd\n    family: weather\n    cameo: \"010\"\n    verbs: [frobnicate]\n"
        "  - id: odder\n    family: violence\n    cameo: \"190\"\n    acled: Hail storm\n    verbs: [hail]\n",
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as info:
        Coder.from_dictionaries(path)
    found = info.value.problems
    assert any(p.startswith(f"{path}:2: ") and "unknown family 'weather'" in p for p in found)
    assert any(p.startswith(f"{path}:6: ") and "'Hail storm' is not an ACLED sub-event type" in p for p in found)


def test_a_pattern_without_a_family_is_refused(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("events:\n  - {id: odd, cameo: \"010\", verbs: [frobnicate]}\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        Coder.from_dictionaries(path)
    assert any(p.startswith(f"{path}:2: ") and "'family' is a required property" in p for p in info.value.problems)


def test_a_language_is_a_folder_and_its_grammar_is_checked(tmp_path, monkeypatch):
    """A copy of English under another code codes the same; a grammar file missing a word class is a file:line error."""
    import shutil

    import eventcoder.lang as lang
    from eventcoder import Article

    root = tmp_path / "pkg"
    shutil.copytree(ROOT / "eventcoder" / "lang", root / "eventcoder" / "lang", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(root / "eventcoder" / "lang" / "en", root / "eventcoder" / "lang" / "xx")
    grammar = root / "eventcoder" / "lang" / "xx" / "grammar.yaml"
    real = lang.resources.files
    monkeypatch.setattr(lang.resources, "files", lambda package: root / "eventcoder" if package == "eventcoder" else real(package))
    lang.language.cache_clear()
    try:
        art = Article("l1", "Gunmen killed five villagers in Gwoza on Sunday.", published="2024-05-13")
        assert Coder.from_dictionaries(language="xx").code(art) == Coder.default().code(art)
        grammar.write_text(grammar.read_text(encoding="utf-8").replace("  be_forms:", "  be_formz:"), encoding="utf-8")
        lang.language.cache_clear()
        with pytest.raises(DictionaryError) as info:
            Coder.from_dictionaries(language="xx")
        found = info.value.problems
        assert any(re.match(r".+lang/xx/grammar\.yaml:\d+: words: 'be_forms' is missing", p) for p in found)
        assert any(re.match(r".+lang/xx/grammar\.yaml:\d+: words: unknown entry 'be_formz'", p) for p in found)
    finally:
        lang.language.cache_clear()

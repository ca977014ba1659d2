"""Verb forms and noun plurals generated from lemmas, so dictionaries list each word once."""

from __future__ import annotations

from typing import Mapping

_VOWELS = set("aeiou")


def _syllables(word: str) -> int:
    groups, prev = 0, False
    for ch in word:
        v = ch in _VOWELS or ch == "y"
        if v and not prev:
            groups += 1
        prev = v
    if word.endswith("e") and groups > 1 and not word.endswith(("le", "ee")):
        groups -= 1
    return max(groups, 1)


def _doubles(word: str, double_final: frozenset[str]) -> bool:
    if word in double_final:
        return True
    if len(word) < 3 or word[-1] in "wxy" or word[-1] in _VOWELS:
        return False
    return word[-2] in _VOWELS and word[-3] not in _VOWELS and _syllables(word) == 1


def verb_forms(
    lemma: str,
    irregular: Mapping[str, tuple[str, str]] = {},
    double_final: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """Forms of a one-word verb: base, s, past, part (participle), ing.

    >>> verb_forms("kidnap", double_final=frozenset({"kidnap"}))["past"]
    'kidnapped'
    >>> verb_forms("strike", {"strike": ("struck", "struck")})["ing"]
    'striking'
    """
    w = lemma
    if w.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = w + "es"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        third = w[:-1] + "ies"
    else:
        third = w + "s"
    dbl = _doubles(w, double_final)
    if w.endswith("ie"):
        ing = w[:-2] + "ying"
    elif w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
        ing = w[:-1] + "ing"
    elif dbl:
        ing = w + w[-1] + "ing"
    else:
        ing = w + "ing"
    if w in irregular:
        past, part = irregular[w]
    else:
        if w.endswith("e"):
            past = w + "d"
        elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
            past = w[:-1] + "ied"
        elif dbl:
            past = w + w[-1] + "ed"
        else:
            past = w + "ed"
        part = past
    return {"base": w, "s": third, "past": past, "part": part, "ing": ing}


def plural(noun: str, irregular: Mapping[str, str] = {}) -> str:
    """Plural of a noun phrase (its last word inflects).

    >>> plural("drone strike"), plural("clash"), plural("militia"), plural("casualty")
    ('drone strikes', 'clashes', 'militias', 'casualties')
    """
    if noun in irregular:
        return irregular[noun]
    head, _, last = noun.rpartition(" ")
    prefix = head + " " if head else ""
    low = last.lower()
    if low in irregular:
        return prefix + irregular[low]
    if low.endswith("s") and not low.endswith("ss"):
        return noun
    if low.endswith(("ss", "sh", "ch", "x", "z")):
        return noun + "es"
    if low.endswith("y") and len(low) > 1 and low[-2] not in _VOWELS:
        return prefix + last[:-1] + "ies"
    return noun + "s"

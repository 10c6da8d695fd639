"""Find levels, titles, qualifications and occupations by the names people use.

One matcher serves ``equivalence search`` and the "did you mean" of unknown names. Ranking, best
first (score in brackets): the exact name (100) or code / id (100); an alias (90); a code prefix
(85); a name that starts with the text (75); full pinyin (70) or its initials (68), exact; a pinyin
or initials prefix (60 / 58); the text inside a name (50); then fuzzy likeness (below 40).
"""

from __future__ import annotations

from .names import normalize

KIND_ORDER = {"level": 0, "title": 1, "qualification": 2, "occupation": 3}


def _score(q: str, raw: str, row: tuple) -> tuple[int, str]:
    kind, key, display, _context, names, pinyin, initials = row
    if q == names[0] or raw == key:
        return 100, "name" if q == names[0] else "code"
    if q in names:
        return 90, "alias"
    if kind == "occupation" and key.startswith(raw) and raw[:1].isdigit():
        return 85, "code"
    if any(n.startswith(q) for n in names):
        return 75, "prefix"
    if q.isascii():
        if q in pinyin:
            return 70, "pinyin"
        if q in initials:
            return 68, "initials"
        if any(p.startswith(q) for p in pinyin):
            return 60, "pinyin"
        if len(q) > 1 and any(p.startswith(q) for p in initials):
            return 58, "initials"
    if len(q) > 1 and any(q in n for n in names):
        return 50, "contains"
    return 0, ""


def search(reg, text: str, *, kinds: list[str] | None = None, limit: int = 10, fuzzy: bool = True) -> list[dict]:
    """The best matches for ``text``, ranked (see the module docstring).

    Returns
    -------
    list of dicts with ``kind`` (level / title / qualification / occupation), ``id`` (a level ref,
    an occupation code or ``qualification:ID``), ``name``, ``context`` (its ladder or catalogue),
    ``score`` and ``match`` (how it matched).
    """
    q, raw = normalize(text), text.strip()
    if not q:
        return []
    rows = [r for r in reg.search_table() if not kinds or r[0] in kinds]
    found = []
    for row in rows:
        score, how = _score(q, raw, row)
        if score:
            found.append((score, how, row))
    if fuzzy and len(found) < limit:
        import difflib

        seen = {row[1] for _, _, row in found}
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(q)
        for row in rows:
            if row[1] in seen:
                continue
            best = 0.0
            for name in row[4] + row[5]:
                matcher.set_seq1(name)
                if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6:
                    best = max(best, matcher.ratio())
            if best >= 0.6:
                found.append((int(best * 40), "fuzzy", row))
    # Ties: by kind, then code matches in code order (a group's occupations as the book lists them),
    # other matches shortest name first.
    found.sort(key=lambda f: (-f[0], KIND_ORDER[f[2][0]], f[2][1] if f[1] == "code" else "", len(f[2][2]), f[2][1]))
    return [{"kind": row[0], "id": row[1], "name": row[2], "context": row[3], "score": score, "match": how}
            for score, how, row in found[:limit]]

"""Name normalisation and the matcher behind every "did you mean" (stdlib only: it runs on every query)."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_QUALIFIER = re.compile(r"\([^()]*\)$")


def normalize(name: str) -> str:
    """Fold full-width forms, spaces and case: '技师 （卫生）' -> '技师(卫生)'."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", name)).casefold()


def strip_qualifier(normalized: str) -> str:
    """Drop a trailing bracketed qualifier: '讲师(高校)' -> '讲师' (used once the ladder is named)."""
    return _QUALIFIER.sub("", normalized)


def closest(name: str, candidates: dict[str, str], n: int = 5) -> list[str]:
    """Up to ``n`` display names whose normalized key is closest to ``name``.

    ``candidates`` maps normalized key -> display text. Keys containing the query (or contained in
    it) come first, then difflib's ratio order.
    """
    key = normalize(name)
    if not key:
        return []
    contained = [k for k in candidates if key in k or (len(k) > 1 and k in key)]
    contained.sort(key=lambda k: (abs(len(k) - len(key)), k))
    import difflib  # only when a name is unknown

    fuzzy = difflib.get_close_matches(key, list(candidates), n=n, cutoff=0.5)
    out: list[str] = []
    for k in contained + fuzzy:
        shown = candidates[k]
        if shown not in out:
            out.append(shown)
        if len(out) == n:
            break
    return out

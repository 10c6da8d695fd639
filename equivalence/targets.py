"""Targets as people write them: a level, a range, a level and all above it, or a title tier."""

from __future__ import annotations

from .errors import EquivalenceError
from .registry import Registry


def resolve_targets(reg: Registry, target: str | None, to_tier: str | None = None) -> list[str]:
    """Level refs for TARGET: a level; 'LADDER:LOW..HIGH' (a range); 'LADDER:LEVEL+' (that level and
    every one above it); or, with ``to_tier``, a title tier (any title at that tier counts as it).

    Raises
    ------
    EquivalenceError
        Both or neither of ``target`` and ``to_tier``; a tier that is not one; a range across ladders.
    UnknownLevelError, AmbiguousLevelError
    """
    if to_tier:
        if target:
            raise EquivalenceError(code="target_and_tier")
        tier = reg.level(to_tier)
        if reg.ladders[tier.ladder].kind != "title_tier":
            raise EquivalenceError(code="not_a_tier", name=to_tier)
        return [tier.ref]
    if not target:
        raise EquivalenceError(code="no_target")
    if target.endswith(("+", "＋")):
        base = reg.level(target[:-1])
        return [r for r in reg.ladders[base.ladder].levels if reg.levels[r].rank >= base.rank]
    if ".." in target:
        low, _, high = target.partition("..")
        lo = reg.level(low)
        hi_name = high if any(sep in high for sep in (":", "：")) else f"{reg.ladders[lo.ladder].zh}:{high}"
        hi = reg.level(hi_name)
        if hi.ladder != lo.ladder:
            raise EquivalenceError(code="range_across_ladders", target=target)
        a, b = sorted((lo.rank, hi.rank))
        return [r for r in reg.ladders[lo.ladder].levels if a <= reg.levels[r].rank <= b]
    return [reg.level(target).ref]

"""Compare two levels: higher, lower or the same, on the basis of the rules that link them."""

from __future__ import annotations

from .kinds import COMPARING
from .lookup import CONFIDENCE_ORDER, check_arguments, find_equivalents, level_name
from .registry import Registry
from .results import Basis, Comparison, Equivalent

COMPARING_KINDS = list(COMPARING)  # 'apply' is not a comparison (kinds.py)


def _anchors(reg: Registry, ref: str, include_derived: bool, as_of: str | None, lang: str) -> dict:
    """ladder -> list of (level ref, result or None) where ``ref`` stands on that ladder (the results'
    conditions in words in ``lang``)."""
    own = reg.levels[ref]
    anchors = {own.ladder: [(ref, None)]}
    answer = find_equivalents(reg, ref, kinds=COMPARING_KINDS, direction="out",
                              include_derived=include_derived, as_of=as_of, lang=lang)
    for r in answer.results:
        anchors.setdefault(r.level.ladder, []).append((r.level.id, r))
    return anchors


def compare_levels(reg: Registry, a: str, b: str, *, include_derived: bool = False, as_of: str | None = None,
                   lang: str = "zh") -> Comparison:
    """Which of ``a`` and ``b`` is higher, on every ladder where the rules place both.

    Returns
    -------
    :class:`~equivalence.results.Comparison`: ``a``, ``b``, ``verdict`` (higher / lower / same /
    overlapping / mixed / not_comparable: how ``a`` stands to ``b``) and ``bases``, one
    :class:`~equivalence.results.Basis` per placement of both on a ladder, with the chains used.
    """
    as_of = check_arguments(as_of=as_of, lang=lang)
    ra, rb = reg.level(a).ref, reg.level(b).ref
    anchors_a = _anchors(reg, ra, include_derived, as_of, lang)
    anchors_b = _anchors(reg, rb, include_derived, as_of, lang)
    bases = []
    order = {lid: i for i, lid in enumerate(reg.ladders)}
    for ladder in sorted(set(anchors_a) & set(anchors_b), key=order.get):
        # Group by chain: a post rule's range is one placement, not several.
        def placements(items):
            groups: dict = {}
            for ref, r in items:
                key = (r.chain, r.kind) if r else ((), "self")
                groups.setdefault(key, ([], r))[0].append(ref)
            return groups
        for (chain_a, kind_a), (refs_a, res_a) in placements(anchors_a[ladder]).items():
            for (chain_b, kind_b), (refs_b, res_b) in placements(anchors_b[ladder]).items():
                ranks_a = [reg.levels[r].rank for r in refs_a]
                ranks_b = [reg.levels[r].rank for r in refs_b]
                if min(ranks_a) > max(ranks_b):
                    verdict = "higher"
                elif max(ranks_a) < min(ranks_b):
                    verdict = "lower"
                elif ranks_a == ranks_b or (len(set(ranks_a)) == 1 and set(ranks_a) == set(ranks_b)):
                    verdict = "same"
                else:
                    verdict = "overlapping"
                bases.append(Basis(
                    ladder, tuple(level_name(reg, r, lang) for r in refs_a), kind_a, chain_a,
                    tuple(level_name(reg, r, lang) for r in refs_b), kind_b, chain_b, verdict,
                    # what the placement rests on: never a bare "same level" (a 比照 for pay, in post, is
                    # not a 视同), so each side's relation, conditions and confidence go with it
                    *_placement(res_a), *_placement(res_b),
                    relations=tuple(sorted({k for k in (kind_a, kind_b) if k != "self"})),
                    confidence=_weakest([res_a, res_b]),
                ))
    verdicts = {x.verdict for x in bases}
    verdict = "not_comparable" if not verdicts else (verdicts.pop() if len(verdicts) == 1 else "mixed")
    return Comparison(level_name(reg, ra, lang), level_name(reg, rb, lang), verdict, tuple(bases),
                      relations=tuple(sorted({k for x in bases for k in x.relations})),
                      confidence=min((x.confidence for x in bases if x.confidence), key=CONFIDENCE_ORDER.get,
                                     default=None))


def _placement(result: Equivalent | None) -> tuple:
    """A side's conditions, purposes and confidence (none for the level itself)."""
    if result is None:
        return (), (), None
    return result.conditions, result.purposes, result.confidence


def _weakest(results: list) -> str | None:
    found = [r.confidence for r in results if r]
    return min(found, key=CONFIDENCE_ORDER.get) if found else None

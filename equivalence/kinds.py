"""The rule kinds, in one table: what each reads, whether it composes in a lookup chain, whether the
planner takes it as a step, whether it places a level on another ladder for ``compare``, and whether
what it gives is held at once (a 视同 needs no exam or review). Modules ask this table, not lists of
kind names of their own (see mappings/README.md, "Rule kinds").

Plain classes and tuples: imported on the lookup path, which must stay cheap to start.
"""

from __future__ import annotations


class RuleKind:
    """One kind of rule, and what the engine does with it."""

    __slots__ = ("name", "composes", "planned", "compares", "carries", "next_step")

    def __init__(self, name: str, *, composes: bool, planned: bool, compares: bool, carries: bool,
                 next_step: bool):
        self.name = name
        self.composes = composes  # any number of them in one lookup chain (else at most one per chain)
        self.planned = planned  # a step of a route (path, check)
        self.compares = compares  # places a level on another ladder (compare)
        self.carries = carries  # what it gives is held from its source's date (standing)
        self.next_step = next_step  # a step one takes oneself (the roster's next steps)

    def __repr__(self) -> str:
        return f"RuleKind({self.name!r})"


KINDS: dict[str, RuleKind] = {k.name: k for k in (
    RuleKind("promotion", composes=False, planned=True, compares=False, carries=False, next_step=True),
    RuleKind("apply", composes=False, planned=True, compares=False, carries=False, next_step=True),
    RuleKind("treated_as", composes=False, planned=False, compares=True, carries=False, next_step=False),
    RuleKind("counts_as", composes=True, planned=True, compares=True, carries=True, next_step=False),
    RuleKind("post", composes=False, planned=True, compares=True, carries=False, next_step=True),
    RuleKind("derived", composes=True, planned=False, compares=True, carries=False, next_step=False),
)}

COMPOSABLE = tuple(k for k, v in KINDS.items() if v.composes)
PLANNED = tuple(k for k, v in KINDS.items() if v.planned)
COMPARING = tuple(k for k, v in KINDS.items() if v.compares)
NEXT_STEP = tuple(k for k, v in KINDS.items() if v.next_step)


# Purposes (a frozenset of purpose ids, or None for any purpose) as rules use and pass them on.
def serves(fact_purposes, rule_purposes) -> bool:
    """A fact for any purpose serves every rule; a fact for some purposes only a rule sharing one
    (purposes: a frozenset, or None for any)."""
    return fact_purposes is None or rule_purposes is None or bool(fact_purposes & rule_purposes)


def narrowed(fact_purposes, rule_purposes):
    """The purposes a counts_as rule passes on from a fact: the fact's, within the rule's (高级工班
    counted as 大专 for 职称评审 serves 职称评审 only)."""
    if rule_purposes is None:
        return fact_purposes
    return rule_purposes if fact_purposes is None else fact_purposes & rule_purposes

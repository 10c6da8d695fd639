"""equivalence: China's skill grades, titles, qualifications and posts, and the rules that link them.

The public API is imported lazily, so that ``import equivalence`` (and every CLI query) stays fast.
Each question of the command line is a function of :mod:`equivalence.api` taking a registry and
names or ids alike: ``lookup``, ``path``, ``check``, ``compare`` and ``routes_into``.

>>> from equivalence import Registry
>>> from equivalence.api import check, compare, lookup, path, routes_into
>>> reg = Registry.load()
>>> reg.level("三级/高级工").zh, reg.level("高級技師").ref
('高级工', 'skill.senior_technician')
>>> [(r.level.name, r.chain) for r in lookup(reg, "高级技师", to=["工程技术"], kinds=["apply"]).results]
[('高级工程师', ('bridge-pilot2018-senior-technician-to-eng-associate-senior',))]
>>> path(reg, "高级工程师", holds=["高级工:2"], education="大专", as_of="2026-12-01").date
'2036-12-01'
>>> check(reg, "工程师", holds=["技师@2020-07-01"], as_of="2026-12-01").eligible
True
>>> compare(reg, "技师", "工程师").verdict
'same'
>>> len(routes_into(reg, "eng.intermediate").routes) > 3
True
"""

from __future__ import annotations

__version__ = "0.1.0"

_EXPORTS = {
    "Registry": "registry",
    "find_equivalents": "lookup",
    "load_index": "index",
    "compile_folder": "compile",
    "EquivalenceError": "errors",
    "MappingError": "errors",
    "MappingErrors": "errors",
    "UnknownLevelError": "errors",
    "AmbiguousLevelError": "errors",
    "UnknownLadderError": "errors",
    "UnknownRuleError": "errors",
    "NoSolutionError": "errors",
    "NoEquivalentError": "errors",
    "NoPromotionPathError": "errors",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'equivalence' has no attribute '{name}'")

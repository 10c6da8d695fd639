"""equivalence: China's skill grades, titles, qualifications and posts, and the rules that link them.

The public API is imported lazily, so that ``import equivalence`` (and every CLI query) stays fast:

>>> from equivalence import Registry, find_equivalents
>>> reg = Registry.load()
>>> reg.level("三级/高级工")["zh"]
'高级工'
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

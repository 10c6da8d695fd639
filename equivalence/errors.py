"""Every exception the library raises; the CLI turns them into one ``Error: ...`` line.

Each one pickles (``__reduce__`` gives back the arguments of its own ``__init__``): an error raised in
a ``multiprocessing`` worker is sent back to the parent, and one that cannot be rebuilt there leaves
``Pool.map`` waiting for ever.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the characters that end a line in Unicode (U+2028, U+2029): a name or
# file name holding one would break a one-line message or drive the terminal.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` with every control character written as an escape (``\\n``, ``\\x1b``, ``\\u2028``)."""
    def escape(match: re.Match) -> str:
        ch = match.group()
        return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")

    return _CONTROL.sub(escape, str(text))


class EquivalenceError(Exception):
    """Base class of all errors raised by ``equivalence``."""


class MappingError(EquivalenceError):
    """One problem in the mapping files, located as ``file:line: where: what``."""

    def __init__(self, path: str, line: int | None, where: str, message: str):
        self.path, self.line, self.where, self.message = path, line, where, message
        super().__init__(str(self))

    def __reduce__(self):
        return type(self), (self.path, self.line, self.where, self.message)

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"
        return one_line(text)


class MappingErrors(EquivalenceError):
    """All problems found in a mapping folder, raised once after every file was read."""

    def __init__(self, errors: list[MappingError]):
        self.errors = errors
        super().__init__(str(self))

    def __reduce__(self):
        return type(self), (self.errors,)

    def __str__(self) -> str:
        n = len(self.errors)
        head = f"{n} problem{'s' if n != 1 else ''} in the mappings"
        return head + ":\n" + "\n".join(str(e) for e in self.errors)


def _unknown(what: str, name: str, suggestions: list[str], hint: str = "") -> str:
    msg = f"unknown {what} '{name}'" + (f" ({hint})" if hint else "")
    return msg + ("; did you mean: " + ", ".join(suggestions) + "?" if suggestions else "")


class UnknownLevelError(EquivalenceError, LookupError):
    """A name that matches no level; carries the closest suggestions."""

    def __init__(self, name: str, suggestions: list[str], hint: str = ""):
        self.name, self.suggestions, self.hint = name, suggestions, hint
        super().__init__(_unknown("level", name, suggestions, hint))

    def __reduce__(self):
        return type(self), (self.name, self.suggestions, self.hint)


class AmbiguousLevelError(EquivalenceError, LookupError):
    """A name shared by levels of several ladders; carries the qualified candidates."""

    def __init__(self, name: str, candidates: list[str], hint: str = ""):
        self.name, self.candidates = name, candidates
        super().__init__(
            f"'{name}' is ambiguous; {hint or 'name the ladder'}: " + ", ".join(candidates)
        )

    def __reduce__(self):
        return type(self), (self.name, self.candidates)


class UnknownLadderError(EquivalenceError, LookupError):
    """A name that matches no ladder."""

    def __init__(self, name: str, suggestions: list[str], what: str = "ladder", hint: str = ""):
        self.name, self.suggestions = name, suggestions
        super().__init__(_unknown(what, name, suggestions, hint))

    def __reduce__(self):
        return type(self), (self.name, self.suggestions)


class UnknownRuleError(EquivalenceError, LookupError):
    """A rule id that is not in the mappings."""

    def __init__(self, rule_id: str, suggestions: list[str]):
        self.rule_id, self.suggestions = rule_id, suggestions
        super().__init__(_unknown("rule", rule_id, suggestions))

    def __reduce__(self):
        return type(self), (self.rule_id, self.suggestions)


class NoSolutionError(EquivalenceError):
    """The question is well formed but the rules give no answer."""


class NoEquivalentError(NoSolutionError):
    """No rule relates the level to the requested ladders."""


class NoPromotionPathError(NoSolutionError):
    """No route of rules leads from the worker's credentials to the target."""

"""Every exception the library raises; the CLI turns them into one ``Error: ...`` line.

Each one pickles whole (its message, code, params and attributes; see ``EquivalenceError.__reduce__``):
an error raised in a ``multiprocessing`` worker is sent back to the parent, and one that cannot be
rebuilt there leaves ``Pool.map`` waiting for ever.
An error has a ``code`` (snake_case) and ``params``: :mod:`equivalence.messages` renders them in
Chinese or English; ``str(exc)`` is the English text.
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
    """Base class of all errors raised by ``equivalence``.

    ``EquivalenceError(code="no_target")`` takes its English text from the messages table;
    ``EquivalenceError("text")`` (no code, or one the table lacks) says the text in every language.
    """

    code: str | None = None

    def __init__(self, message: str | None = None, *, code: str | None = None, **params):
        self.code = code or type(self).code
        self.params = params
        if message is None:
            from .messages import render  # only when an error is raised: off the answer's path

            message = render(self.code, params)
        super().__init__(message)

    def __reduce__(self):
        # Rebuilt without calling __init__ (whose arguments differ by class): the message, the code,
        # the params and every attribute come back as they were.
        return _rebuild, (type(self), self.args, self.__dict__)


def _rebuild(cls, args, state):
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class MappingError(EquivalenceError):
    """One problem in the mapping files, located as ``file:line: where: what``.

    ``what`` is a message of :mod:`equivalence.messages` (``code`` and its ``params``), so that
    ``validate --lang zh`` says it in Chinese; ``message`` and ``str(exc)`` are the English. The
    place and ``where`` (a key path such as ``rules[0].to``) are codes, alike in every language. A
    plain ``message`` (no code) is said alike in every language.
    """

    code = "mapping_line"

    def __init__(self, path: str, line: int | None, where: str, message: str | None = None, *,
                 code: str | None = None, **params):
        from .messages import render  # only when a problem is found: off the answer's path

        if code is None:
            code, params = "text", {"text": message}
        self.path, self.line, self.where = path, line, where
        self.problem = (code, params)
        self.message = render(code, params)
        place = f"{path}:{line}" if line else path
        super().__init__(str(self), code="mapping_line", place=f"{place}: {where}: " if where else f"{place}: ",
                         problem=self.problem)

    def said(self, lang: str) -> str:
        """The problem in one line, its ``what`` in ``lang``."""
        from .messages import message

        return one_line(message(self, lang))

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"
        return one_line(text)


class MappingErrors(EquivalenceError):
    """All problems found in a mapping folder, raised once after every file was read."""

    def __init__(self, errors: list[MappingError]):
        self.errors = errors
        first = ("mapping_line", errors[0].params) if errors else ("", {})
        super().__init__(str(self), code="mappings_invalid", first=first,
                         more=("mappings_more", {"n": len(errors) - 1}) if len(errors) > 1 else ("", {}))

    def __str__(self) -> str:
        n = len(self.errors)
        head = f"{n} problem{'s' if n != 1 else ''} in the mappings"
        return head + ":\n" + "\n".join(str(e) for e in self.errors)


def _hint(hint) -> tuple:
    """A hint as a message param. A hint is words (said alike in every language) or a message code of
    :mod:`equivalence.messages` with its params."""
    if not hint:
        return ("", {})
    return ("hint", {"text": hint if isinstance(hint, tuple) else ("text", {"text": hint})})


def _unknown_params(name: str, suggestions: list[str], hint) -> dict:
    return {"name": name, "hint": _hint(hint), "suggest": ("suggest", {"names": list(suggestions)}) if suggestions
            else ("", {})}


class UnknownLevelError(EquivalenceError, LookupError):
    """A name that matches no level; carries the closest suggestions."""

    code = "unknown_level"

    def __init__(self, name: str, suggestions: list[str], hint: str | tuple = ""):
        self.name, self.suggestions, self.hint = name, suggestions, hint
        super().__init__(**_unknown_params(name, suggestions, hint))



class AmbiguousLevelError(EquivalenceError, LookupError):
    """A name shared by levels of several ladders; carries the qualified candidates."""

    code = "ambiguous_level"

    def __init__(self, name: str, candidates: list[str], hint: str | tuple = ""):
        self.name, self.candidates = name, candidates
        hint = hint or ("hint_name_the_ladder", {})
        super().__init__(name=name, candidates=list(candidates),
                         hint=hint if isinstance(hint, tuple) else ("text", {"text": hint}))



class UnknownLadderError(EquivalenceError, LookupError):
    """A name that matches no ladder (``what``: "ladder", or "ladder or occupation")."""

    code = "unknown_ladder"

    def __init__(self, name: str, suggestions: list[str], what: str = "ladder", hint: str | tuple = ""):
        self.name, self.suggestions = name, suggestions
        super().__init__(what=what, **_unknown_params(name, suggestions, hint))



class UnknownRuleError(EquivalenceError, LookupError):
    """A rule id that is not in the mappings."""

    code = "unknown_rule"

    def __init__(self, rule_id: str, suggestions: list[str], hint: str | tuple = ""):
        self.rule_id, self.suggestions = rule_id, suggestions
        super().__init__(**_unknown_params(rule_id, suggestions, hint))



class NoSolutionError(EquivalenceError):
    """The question is well formed but the rules give no answer."""


class NoEquivalentError(NoSolutionError):
    """No rule relates the level to the requested ladders."""


class NoPromotionPathError(NoSolutionError):
    """No route of rules leads from the worker's credentials to the target."""

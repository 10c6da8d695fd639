"""The command line's words about its usage (click's, and ours), in Chinese under ``--lang zh``.

Click says its usage errors through gettext (``_("No such option {name!r}.")``), so the Chinese is
a catalogue of click's message ids; :func:`speaking` puts it in place of click's gettext for the
length of one command. A message id this catalogue does not know (a newer click) stays English: it
is still a correct message, and the tests name every error they provoke. The ``Error:`` prefix stays
as it is in both languages (scripts look for it). Our own usage messages are codes of the one table
of messages (:mod:`equivalence.messages`), said with :func:`said`.
"""

from __future__ import annotations

import contextlib
import importlib

# click's message ids (click 8.1 – 8.5) -> Chinese; placeholders keep their names.
CLICK_ZH = {
    "Usage:": "用法：",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Did you mean {possibility}?": "是否要用 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是否要用其中之一：{possibilities}？）",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing command.": "缺少命令。",
    "Invalid value: {message}": "取值无效：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的取值无效：{message}",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的数字。",
    "{value} is not in the range {range}.": "{value} 不在 {range} 范围内。",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不在可选值 {choices} 之中。",
    "{value!r} is not a valid boolean.": "{value!r} 不是有效的布尔值。",
    "{value!r} does not match the format {format}.": "{value!r} 不符合格式 {format}。",
    "{value!r} does not match the formats {formats}.": "{value!r} 不符合格式 {formats}。",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不带值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，只给了 1 个。",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个值，给了 {len} 个。",
    # without click's {name}: the name of a path type is fixed when its command is built, in English
    # (so that the FILE of a help page does not depend on which command was first run in zh)
    "{name} {filename!r} does not exist.": "{filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{filename!r} 是文件，不是文件夹。",
    "{name} {filename!r} is a directory.": "{filename!r} 是文件夹，不是文件。",
    "{name} {filename!r} is not readable.": "{filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{filename!r} 不可写。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "Aborted!": "已中止。",
    # the words click writes into a help page (a help page in zh: equivalence.cli_help_zh)
    "Options": "选项",
    "Commands": "命令",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
}

# The click modules that import gettext's functions under their own names.
_CLICK_MODULES = ("click.core", "click.decorators", "click.exceptions", "click.formatting", "click.parser",
                  "click.termui", "click.types", "click.utils", "click.shell_completion")

_current = {"lang": "en"}


def _zh_gettext(message: str) -> str:
    return CLICK_ZH.get(message, message)


def _zh_ngettext(singular: str, plural: str, n: int) -> str:
    return _zh_gettext(singular if n == 1 else plural)


@contextlib.contextmanager
def speaking(lang: str):
    """Click's and our usage words in ``lang`` while the block runs (the CLI runs one command in it)."""
    patched = []
    if lang == "zh":
        for name in _CLICK_MODULES:
            try:
                module = importlib.import_module(name)
            except ImportError:  # a module a click version does not have
                continue
            for attr, ours in (("_", _zh_gettext), ("ngettext", _zh_ngettext)):
                if callable(getattr(module, attr, None)):
                    patched.append((module, attr, getattr(module, attr)))
                    setattr(module, attr, ours)
    before, _current["lang"] = _current["lang"], lang
    try:
        yield
    finally:
        _current["lang"] = before
        for module, attr, original in reversed(patched):
            setattr(module, attr, original)


def said_in() -> str:
    """The language the command runs in."""
    return _current["lang"]


def polished(message: str) -> str:
    """A usage message put together by click in Chinese: click joins its parts with ASCII punctuation
    of its own (``缺少参数 'LEVEL'.``, ``没有命令 'x'。 是否要用 …``), which this sets right."""
    message = message.replace("。 ", "。")
    return message[:-1] + "。" if message.endswith(".") else message


def said(code: str, **params) -> str:
    """One of our usage messages (a code of :data:`equivalence.messages.TEMPLATES`), in the language
    the command runs in."""
    from .messages import render

    return render(code, params, _current["lang"])


def error_said(exc: BaseException) -> str:
    """A library error met while reading an option's value, in the language the command runs in."""
    from .messages import message

    return message(exc, _current["lang"])

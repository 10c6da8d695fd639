"""The ``--help`` pages in Chinese (zh, the default language): one table of every command's
description, its one-line summary and each option's help, put in place of the English while a
help page is made (:func:`helping`), and put back after it.

The English stays where it is written (the commands' docstrings and ``help=``); this module is
imported only when a zh help page is asked for, so that no other command pays for it. Option names,
metavars, choices and the example command lines are codes: they stay as written, and the examples
are taken from the English page itself (only a ``# comment`` after one is put in Chinese).
"""

from __future__ import annotations

import contextlib
import re
import unicodedata

import click

# command -> (its line in the list of commands, its description without the examples)
COMMANDS = {
    "equivalence": ("", "中国职业技能等级、职称、职业资格和岗位之间的对应关系。"),
    "ladders": ("列出等级序列（技能等级、职称层级和系列、岗位、职级、学历）。",
                "列出等级序列（职业技能等级、职称层级和职称系列、岗位、职级、学历）。"),
    "levels": ("列出 LADDER 的等级，由低到高。", "列出等级序列 LADDER 的各个等级，由低到高。"),
    "lookup": ("LEVEL 在其他等级序列上的相关等级，及所依据的条款。",
               "规则把等级 LEVEL 与其他每个等级序列上的哪些等级联系起来，依据的是哪一条款。"),
    "layers": ("列出随附的规则层：全国、各省和示例单位。",
               "列出随附的规则层：全国规则、各省规则和示例单位的规则。"),
    "sources": ("列出规则所依据的政策文件，含文号、日期和核实情况。",
                "列出规则所依据的政策文件，含文号、发布日期和每份文件的核实程度。"),
    "show": ("显示一条规则：所连等级、条件、日期和所引条款。",
             "显示一条规则：它连接哪些等级、条件、施行日期，以及所引用的条款（含原文引文）。"),
    "schema": ("输出命令的 --format json 结果、错误或映射文件的 JSON Schema。",
               "输出某个命令 --format json 结果（lookup、path、check …）、JSON 错误（error）或映射文件"
               "（mapping-file）的 JSON Schema；不给 NAME 时列出全部名称。"),
    "validate": ("校验映射文件夹，逐条列出问题。",
                 "校验映射文件夹（默认：随附的映射），逐条列出问题，格式为 文件:行: 位置: 问题。"),
    "path": ("到达 TARGET 的最快路线：每一步的最早日期及依据。",
             "到达 TARGET 的最快路线：每一步的最早日期，以及所依据的规则。\n\n"
             "FROM 是 --holds FROM 的简写。TARGET 可以是一个等级、一个范围（专业技术岗位:七级..五级）、"
             "一个等级及其以上各级（专业技术岗位:七级+），或用 --to-tier 副高级 指定。"),
    "check": ("现在是否符合 TARGET 的条件；不符合时缺什么、何时可符合。",
              "该人员现在是否符合申报或取得 TARGET 的条件？如不符合，确切缺少什么，最早何时可以符合。\n\n"
              "无论结论如何，退出码均为 0（结论见输出）。"),
    "compare": ("A 比 B 高、低还是同级，依据是什么。", "A 比 B 高、低还是同级，依据是什么？"),
    "routes-into": ("可通往 TARGET 的各等级及其条件。",
                    "任一等级序列上，有规则可通往 TARGET 的每个等级，及其条件。"),
    "search": ("按名称、别名、编码开头或拼音查找等级、职称、职业资格和职业。",
               "按名称、别名、编码开头或拼音查找等级、职称、职业资格和职业。\n\n"
               "排序由好到差：名称或编码完全相同、别名、编码开头、名称开头、拼音（全拼或首字母）、名称的一部分，"
               "最后是相近的名称。"),
    "points": ("单位积分晋级方案下的积分：各项得分、下一步和所缺条件。",
               "按单位的积分方案（积分晋级）计分：各项得分、下一步可晋升的等级，以及还缺什么。"),
    "diff": ("两个日期之间规则和等级的生效与失效，以及名单结果的变化。",
             "两个日期之间有何变化：哪些规则和等级开始施行或已失效；给出名单时，还列出哪些人的结果有变化。"),
    "roster": ("为名单中每个人作答：对应等级、下一步、目标的最早日期。",
               "为名单中的每个人作答：对应等级、下一步，以及达到目标的最早日期。\n\n"
               "INPUT 为 .csv、.xlsx 或 .jsonl（'-' 表示从标准输入读取 CSV），含以下各列：holds（持有的证书，"
               "以 ';' 分隔，每项写作 LEVEL[:YEARS|@DATE]）、education、work_years，以及可选的 target"
               "（也可用常见的表头，如 证书 / 持有、学历、工作年限、目标，或用 --columns 指定）；其他列"
               "（id、name …）原样保留。哪一列被读作什么，会在标准错误输出中说明。\n\n"
               "输出保留输入的每一行、每一列，顺序不变，另加 to:LADDER（每个 --to 一列）、next_steps、"
               "target_earliest、target_route 和 error 各列。无法处理的行保留原位，原因写在 error 列；此时"
               "退出码为 1，并在标准错误输出中给出计数。电子表格会当作公式执行的单元格会被转义。文件要么完整"
               "写出，要么完全不写。"),
    "export": ("写出整个关系图：等级序列、等级，以及每条规则。",
               "写出整个关系图：等级序列、等级，以及每条规则及其关系类型、条件和依据。"),
    "chart": ("把等级序列并排画出，并画出其间的规则。",
              "把各等级序列 LADDER 并排画出（默认：工勤技能岗位、职业技能等级、工程技术、职称层级、"
              "专业技术岗位），每个等级画在规则所对应的职称层级的高度，并画出其间的规则（线型表示关系类型）。"),
    "serve": ("以网页和 JSON API 提供查询结果。",
              "以网页（中文，附英文）和 JSON API（/api/…、/openapi.json）提供查询结果。\n\n"
              "--region 和 --layer 与其他命令一样适用；网页上也可以选择地区。"),
}

# A comment after an example command line, in Chinese (the command line itself is a code).
EXAMPLE_COMMENTS = {
    "# then open http://127.0.0.1:8000/": "# 然后打开 http://127.0.0.1:8000/",
    "# for programs: see 'equivalence schema roster-record'": "# 供程序读取：见 'equivalence schema roster-record'",
}

_HELP = {"--help": "显示本帮助并退出。"}
_OUTPUT = {"--format": "输出格式。", "--lang": "名称和标签的语言。"}
_DERIVED = {"--include-derived": "也使用没有文件载明的比较（推导）。"}
_PROFILE = {
    "--holds": "持有的证书，附持有年数或取得日期（可重复）。",
    "--education": "最高学历（如 本科、大专、预备技师班）。",
    "--work-years": "至今的工作年限。",
    "--as-of": "从此日期起规划（YYYY-MM-DD；默认今天）。",
    "--in-post": "所持证书中处于聘任状态的一项（在聘）。",
    "--profile": "含 holds、education、work_years、as_of、in_post、honours、scores 的 YAML 或 JSON 文件。",
    "--honour": "获得的荣誉，如 全国技术能手（用于破格规则；可重复）。",
    "--scores": "各积分项的次数（YAML/JSON 文件，用于积分晋级），如 {performance: 2}。",
}
_TO_TIER = {"--to-tier": "目标：此职称层级的任一职称（员级 … 正高级）。"}

# command -> option (its long name) -> its help in Chinese; every option of every command has one.
OPTIONS = {
    "equivalence": {
        "--version": "显示版本并退出。",
        "--mappings": "使用此映射文件夹，代替随附的映射。",
        "--region": "在全国规则之上加上此省份的随附规则（广东、CN-GD …；只能给一次）。",
        "--layer": "在最上面加一个含 layer.yaml 的规则文件夹（如单位的规则），或按编号加一个随附的规则层"
                   "（如 acme）；可重复。",
        **_HELP,
    },
    "ladders": {**_OUTPUT, **_HELP},
    "levels": {**_OUTPUT, **_HELP},
    "lookup": {
        "--to": "只列出此等级序列上的结果（可重复）。",
        "--kind": "只列出此关系类型，按编码或名称（apply、可申报；可重复）。",
        "--purpose": "只列出适用于此用途的结果，按编号或名称（title_review、职称评审）。",
        "--as-of": "只用在此日期施行的规则（2021-06-30、2021/6/30、2021年6月30日 …）。",
        **_DERIVED,
        "--direction": "out：LEVEL 关联到 X；in：X 关联到 LEVEL。",
        **_OUTPUT, **_HELP,
    },
    "layers": {**_OUTPUT, **_HELP},
    "sources": {**_OUTPUT, **_HELP},
    "show": {**_OUTPUT, **_HELP},
    "schema": {**_HELP},
    "validate": {"--lang": "问题和摘要的语言（每个问题的格式为 文件:行: 位置: 问题）。", **_HELP},
    "path": {
        **_TO_TIER,
        "--alternatives": "另列出接下来 K 条至少有一步不同的路线。",
        "--no-switch": "只走目标所在等级序列上的步骤。",
        "--chart": "另把路线画在时间轴上，写入此文件（.svg 或 .html）。",
        **_PROFILE, **_OUTPUT, **_HELP,
    },
    "check": {
        **_TO_TIER,
        "--all": "也列出需要任何路线都无法取得的证书的规则（JSON 中总是列出）。",
        **_PROFILE, **_OUTPUT, **_HELP,
    },
    "compare": {**_DERIVED, "--as-of": "只用在此日期施行的规则（YYYY-MM-DD）。", **_OUTPUT, **_HELP},
    "routes-into": {"--include-derived": "也列出推导的比较。", **_OUTPUT, **_HELP},
    "search": {
        "--kind": "只查此类对象，按编码或名称（occupation、职业；可重复）。",
        "--limit": "最多列出这么多条结果。",
        **_OUTPUT, **_HELP,
    },
    "points": {"--scheme": "积分方案，按编号或名称（默认：唯一载入的方案）。", **_PROFILE, **_OUTPUT, **_HELP},
    "diff": {
        "--as-of": "给两次：要比较的两个日期（YYYY-MM-DD）。",
        "--roster": "另列出此名单（CSV/xlsx/jsonl）中哪些人的结果在两个日期之间有变化。",
        "--to": "与 --roster 同用：要比较的对应等级列（可重复）。",
        "--encoding": "与 --roster 同用：名单的文本编码（默认：UTF-8，可识别 GBK）。",
        "--columns": "与 --roster 同用：从这些列读取这些字段（同 'roster --columns'）。",
        **_OUTPUT, **_HELP,
    },
    "roster": {
        "--output": "写入此文件（.csv、.xlsx 或 .jsonl；默认：CSV 输出到标准输出）。",
        "--to": "加一列，列出每个人的证书在等级序列 LADDER 上的对应（可重复）。",
        "--as-of": "从此日期起规划（YYYY-MM-DD；默认今天）。",
        "--encoding": "CSV 或 JSONL 格式 INPUT 的编码（默认：UTF-8，识别到 GBK 时用 GBK）。",
        "--excel": "供 Excel 使用的 CSV：带字节顺序标记（BOM），行尾为 CRLF。",
        "--columns": "从这些列读取这些字段（holds、education、work_years、target、id、name），"
                     "如 holds=证书,education=学历；常见的中英文表头无需指定即可识别。",
        "--lang": "等级名称和关系用语的语言。",
        **_HELP,
    },
    "export": {
        "--format": "json（可用 equivalence.export.graph_from_json 读回）、graphml、dot（Graphviz）或 mermaid。",
        "--output": "写入此文件（默认：标准输出）。",
        "--lang": "dot 和 mermaid 图中标签的语言。",
        **_HELP,
    },
    "chart": {
        "--output": "把图写入此文件：.svg 或 .html（含图和图例的网页）。",
        "--lang": "名称和标签的语言。",
        "--include-derived": "也画出没有文件载明的比较（推导）。",
        **_HELP,
    },
    "serve": {
        "--host": "监听的地址（默认只响应本机；0.0.0.0 向网络开放）。",
        "--port": "监听的端口。",
        **_HELP,
    },
}

def command_key(ctx: click.Context) -> str:
    """The table's name of the command a context runs (the top level is ``equivalence``)."""
    return "equivalence" if ctx.parent is None else ctx.info_name


def option_key(param: click.Parameter) -> str:
    """An option's long name (``-o, --output``: ``--output``), its key in :data:`OPTIONS`."""
    return max(param.opts, key=len)


def zh_description(key: str, english: str | None) -> str:
    """A command's description in Chinese, followed by the examples of its English page."""
    text = COMMANDS[key][1]
    found = re.search(r"\n\s*\x08\n\s*Examples?:\n(.*)", english or "", re.S)
    if found:
        lines = [line.strip() for line in found.group(1).splitlines() if line.strip()]
        for en, zh in EXAMPLE_COMMENTS.items():
            lines = [line.replace(en, zh) for line in lines]
        text += "\n\n\b\n示例：\n" + "\n".join("  " + line for line in lines)
    return text


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_TOKEN = re.compile(r"\[[^\]\n]*\]|[\x21-\x7e…]+|\s+|.")  # click's [默认：…] stays on one line
_NO_LINE_START = set("，。、；：）」』？！,.;:)]")
_NO_LINE_END = set("（「『(")


def wide_wrap(text: str, width: int = 78, initial_indent: str = "", subsequent_indent: str = "",
              preserve_paragraphs: bool = False) -> str:
    """click's ``wrap_text`` for text in Chinese: lines are measured in columns (a Chinese character
    takes two), break between any two Chinese characters, never before a closing punctuation mark;
    an opening bracket never ends a line; a paragraph marked ``\\b`` is kept as written."""
    out = []
    for paragraph in re.split(r"\n\s*\n", text.strip("\n")):
        lines = paragraph.splitlines()
        if lines and lines[0].strip() == "\b":
            kept = [line.rstrip() for line in lines[1:]]
            out.append("\n".join((initial_indent if i == 0 else subsequent_indent) + line for i, line in enumerate(kept)))
            continue
        rows, row = [], initial_indent
        for word in _TOKEN.findall(" ".join(line.strip() for line in lines)):
            if word.isspace():
                row += " " if row.strip() else ""
                continue
            if _width(row.rstrip() + word) > width and row.strip() and word not in _NO_LINE_START:
                row = row.rstrip()
                carried = row[-1] if row[-1] in _NO_LINE_END else ""  # an opening bracket goes along
                rows.append(row[:len(row) - len(carried)])
                row = subsequent_indent + carried
            row += word
        rows.append(row.rstrip())
        out.append("\n".join(rows))
    return "\n\n".join(out)


@contextlib.contextmanager
def helping():
    """Help pages made while the block runs are in Chinese; every text is put back after each page."""
    import click.core
    import click.formatting

    original_get_help = click.core.Command.get_help

    def get_help(command, ctx):
        key = command_key(ctx)
        saved = [(command, "help", command.help)]
        command.help = zh_description(key, command.help)
        for param in command.get_params(ctx):
            if isinstance(param, click.Option) and key in OPTIONS and option_key(param) in OPTIONS[key]:
                saved.append((param, "help", param.help))
                param.help = OPTIONS[key][option_key(param)]
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                if sub is not None and name in COMMANDS:
                    saved.append((sub, "short_help", sub.short_help))
                    sub.short_help = COMMANDS[name][0]
        try:
            return original_get_help(command, ctx)
        finally:
            for obj, attr, value in reversed(saved):
                setattr(obj, attr, value)

    def write_heading(formatter, heading):
        formatter.write(f"{'':>{formatter.current_indent}}{heading}：\n")

    patched = [(click.core.Command, "get_help", get_help), (click.formatting, "wrap_text", wide_wrap),
               (click.formatting.HelpFormatter, "write_heading", write_heading)]
    originals = [(obj, attr, getattr(obj, attr)) for obj, attr, _ in patched]
    for obj, attr, value in patched:
        setattr(obj, attr, value)
    try:
        yield
    finally:
        for obj, attr, value in reversed(originals):
            setattr(obj, attr, value)

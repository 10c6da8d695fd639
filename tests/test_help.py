"""The --help pages: in Chinese by default (every command's description, every option's help, click's
own words), in English under --lang en (as written in the commands), and every example they show runs."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys

import click
import pytest

from conftest import REPO
from equivalence.cli import cli
from equivalence.cli_help_zh import COMMANDS, OPTIONS, option_key
from test_language import CJK, acme, english_words, ids  # noqa: F401 (fixtures)

ROOT = click.Context(cli, info_name="equivalence", **cli.context_settings)  # as the command line makes it
NAMES = ["", *sorted(cli.list_commands(ROOT))]  # "" is the top level
SERVER = {"serve"}
WRONG_ROWS = {"E003", "E004"}  # examples/staff.csv: a 13th month, a formula for a name  # its example starts a server that runs until stopped


def command_of(name: str) -> click.Command:
    return cli if not name else cli.get_command(ROOT, name)


def page(runner, name: str, lang: str | None) -> str:
    args = [*([name] if name else []), "--help", *(["--lang", lang] if lang else [])]
    result = runner.invoke(cli, args, prog_name="equivalence")
    assert result.exit_code == 0, result.output + result.stderr
    return result.stdout


def test_every_option_and_command_has_its_chinese():
    """A new command or option cannot come without its Chinese help; the table names none that is gone."""
    for name in NAMES:
        command, key = command_of(name), name or "equivalence"
        ctx = ROOT if not name else click.Context(command, info_name=name, parent=ROOT)
        options = {option_key(p) for p in command.get_params(ctx) if isinstance(p, click.Option)}
        assert options == set(OPTIONS[key]), key
        assert all(CJK.search(text) for text in OPTIONS[key].values()), key
        assert key in COMMANDS and CJK.search(COMMANDS[key][1]), key
        if name:
            assert CJK.search(COMMANDS[key][0]), key
    assert set(COMMANDS) == set(OPTIONS) == {name or "equivalence" for name in NAMES}


def _codes(real, ids) -> set[str]:
    """The words a zh help page may show as they are: ids, codes, the commands' and choices' names,
    the roster's fields, schema names, and the names of formats and programs."""
    from equivalence.cli_worker import SEARCH_KINDS
    from equivalence.models import RULE_KINDS
    from equivalence.rostercolumns import FIELDS
    from equivalence.schemas import names

    codes = set(ids) | set(RULE_KINDS) | set(FIELDS) | set(names()) | set(SEARCH_KINDS.names) | set(NAMES)
    for name in NAMES:
        for param in command_of(name).params:
            if isinstance(param.type, click.Choice):
                codes |= set(param.type.choices)
    codes |= {item["id"] for scheme in real.index.get("points_schemes", {}).values() for item in scheme["items"]}
    codes |= {"honours", "scores"}  # keys of a --profile file
    codes |= {"x"}  # click's ranges: [x>=0], [1<=x<=500]
    return codes | {"JSON", "Schema", "Excel", "Graphviz"}  # names of formats and programs


def _prose(text: str) -> str:
    """A help page without what stays as written: the usage line (the command and its metavars), the
    examples, and each option's names, metavar and choices."""
    lines = []
    for line in text.splitlines():
        if line.startswith("用法： equivalence") or line.strip().startswith("equivalence "):
            continue
        lines.append(re.sub(r"^\s+(-\w, )?--[\w-]+( (?:[A-Z]+ RANGE|\S+))?(?=\s{2,}|$)", "", line))
    return re.sub(r"\.(svg|html|csv|xlsx|jsonl)\b", "", "\n".join(lines))  # file name extensions


@pytest.mark.parametrize("name", NAMES)
def test_zh_help_has_no_english(runner, real, ids, name):
    text = page(runner, name, None)
    assert text.startswith("用法： equivalence") and "\n选项：\n" in text
    assert "显示本帮助并退出。" in text
    prose = _prose(text)
    found = english_words(prose, "help", real, _codes(real, ids))
    assert found == [], prose


@pytest.mark.parametrize("name", NAMES)
def test_zh_help_shows_the_english_pages_examples(runner, name):
    """The examples are codes, taken from the English page: the two pages show the same command lines."""
    def examples(text):
        return [line.split("#")[0].strip() for line in text.splitlines() if line.strip().startswith("equivalence ")]

    assert examples(page(runner, name, None)) == examples(page(runner, name, "en"))


def test_help_in_english_is_the_page_as_written(runner):
    assert page(runner, "lookup", "en") == LOOKUP_EN
    assert page(runner, "", "en").startswith("Usage: equivalence [OPTIONS] COMMAND [ARGS]...\n\n  Equivalence of")


def test_lang_en_anywhere_on_the_command_line(runner):
    """--lang en before or after --help, even on a command that has no --lang (the top level, schema)."""
    for name in ("", "schema", "serve", "lookup"):
        english = page(runner, name, "en")
        for args in (["--lang", "en", "--help"], ["--help", "--lang=en"], ["-h", "--lang", "en"]):
            result = runner.invoke(cli, [*([name] if name else []), *args], prog_name="equivalence")
            assert (result.exit_code, result.stdout) == (0, english), (name, args)


def test_a_zh_page_leaves_the_commands_as_they_were(runner):
    before = {name: page(runner, name, "en") for name in NAMES}
    for name in NAMES:
        page(runner, name, None)
    assert {name: page(runner, name, "en") for name in NAMES} == before
    assert command_of("lookup").help.startswith("What the rules relate to LEVEL")


def test_no_arguments_is_the_help_page_in_chinese(runner):
    result = runner.invoke(cli, [], prog_name="equivalence")
    assert result.exit_code == 2  # click's own code for a command line that names no command
    assert result.stderr == page(runner, "", None)


def test_lookup_does_not_import_the_chinese_help():
    code = ("import sys\nfrom equivalence.cli import cli\n"
            "try:\n    cli.main(['lookup', '技师'], prog_name='equivalence')\nexcept SystemExit:\n    pass\n"
            "print('equivalence.cli_help_zh' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stderr.strip() == "False"


def _examples() -> list[tuple[str, str]]:
    """(command, example line) for every example of every English help page."""
    found = []
    for name in NAMES:
        help_text = command_of(name).help or ""
        block = re.search(r"Examples?:\n(.*)", help_text, re.S)
        for line in (block.group(1).splitlines() if block else []):
            if line.strip().startswith("equivalence "):
                found.append((name or "equivalence", line.strip()))
    return found


@pytest.mark.parametrize("name,line", _examples())
def test_every_example_runs(runner, tmp_path, monkeypatch, name, line):
    """Run in a folder of their own, where the files they name exist (the repository's mappings, its
    example roster, the example employer's scores) and the files they write are written."""
    if name in SERVER:
        pytest.skip("starts a server that runs until stopped")
    (tmp_path / "mappings").symlink_to(REPO / "mappings")
    # the example roster without its rows that are wrong on purpose (a roster with one exits 1)
    rows = (REPO / "examples" / "staff.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "staff.csv").write_text("\n".join(r for r in rows if r[:4] not in WRONG_ROWS) + "\n", encoding="utf-8")
    shutil.copy(REPO / "mappings" / "examples" / "acme" / "scores.example", tmp_path / "scores.yaml")
    _xlsx_of(tmp_path / "staff.csv", tmp_path / "staff.xlsx")
    monkeypatch.chdir(tmp_path)
    # only the command itself: a comment, a redirection or a pipe into another program is the shell's
    command = re.split(r"\s[#|>]", line)[0]
    result = runner.invoke(cli, shlex.split(command)[1:], prog_name="equivalence")
    assert result.exit_code == 0, (line, result.output, result.stderr)
    assert result.stdout or any(tmp_path.iterdir())


def _xlsx_of(csv_path, xlsx_path) -> None:
    import csv

    from openpyxl import Workbook

    book = Workbook()
    for row in csv.reader(csv_path.open(encoding="utf-8")):
        book.active.append(row)
    book.save(xlsx_path)


LOOKUP_EN = """\
Usage: equivalence lookup [OPTIONS] LEVEL

  What the rules relate to LEVEL on every other ladder, and under which clause.

  Examples:
    equivalence lookup 技师
    equivalence lookup 职业技能等级:三级 --kind apply --format json
    equivalence lookup 专业技术岗位:九级 --lang en

Options:
  --to TEXT                       Only results on this ladder (repeatable).
  --kind [apply|treated_as|counts_as|post|derived]
                                  Only this relation kind, by code or name
                                  (apply, 可申报; repeatable).
  --purpose TEXT                  Only results that serve this purpose, by id or
                                  name (title_review, 职称评审).
  --as-of TEXT                    Only rules in force on this date (2021-06-30,
                                  2021/6/30, 2021年6月30日 …).
  --include-derived               Also use comparisons no document states
                                  (derived).
  --direction [both|out|in]       out: LEVEL relates to X; in: X relates to
                                  LEVEL.  [default: both]
  --format [table|json|csv]       Output format.  [default: table]
  --lang [zh|en]                  Language of names and labels.  [default: zh]
  -h, --help                      Show this message and exit.
"""

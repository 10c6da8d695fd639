"""Documentation: every command is in the README and has --help text."""

from __future__ import annotations

import pytest

from conftest import REPO
from equivalence.cli import LAZY_COMMANDS, cli

BASIC = ("ladders", "levels", "lookup", "sources", "show", "validate")
# every command the CLI has, including ones added after this file was written and the ones it
# imports only when they run (roster, export, chart)
COMMANDS = tuple(sorted(set(BASIC) | set(cli.commands) | set(LAZY_COMMANDS)))


def test_the_basic_commands_exist():
    assert set(BASIC) <= set(cli.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_in_readme(command):
    readme = REPO / "README.md"
    assert readme.is_file(), "README.md is missing"
    assert f"equivalence {command}" in readme.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(set(COMMANDS) | {"--"}))
def test_help_text(runner, command):
    args = ["--help"] if command == "--" else [command, "--help"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines[0].startswith("Usage: ")
    assert len(lines) > 2
    if command != "--":
        found = cli.get_command(None, command)
        assert found is not None and found.help and found.help.strip()


def test_mappings_readme_documents_every_rule_kind():
    from equivalence.models import LADDER_KINDS, RULE_KINDS

    text = (REPO / "mappings" / "README.md").read_text(encoding="utf-8")
    for kind in RULE_KINDS + LADDER_KINDS:
        assert f"`{kind}`" in text, kind

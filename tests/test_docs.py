"""Documentation: every command is in the README and has --help text; the README's examples are real runs."""

from __future__ import annotations

from pathlib import Path

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
    for lang, usage in (([], "用法： "), (["--lang", "en"], "Usage: ")):  # zh by default
        result = runner.invoke(cli, args + lang)
        assert result.exit_code == 0, result.stderr
        lines = [line for line in result.stdout.splitlines() if line.strip()]
        assert lines[0].startswith(usage)
        assert len(lines) > 2
    if command != "--":
        found = cli.get_command(None, command)
        assert found is not None and found.help and found.help.strip()


def test_mappings_readme_documents_every_rule_kind():
    from equivalence.models import LADDER_KINDS, RULE_KINDS

    text = (REPO / "mappings" / "README.md").read_text(encoding="utf-8")
    for kind in RULE_KINDS + LADDER_KINDS:
        assert f"`{kind}`" in text, kind


def readme_examples():
    """(command, shown output lines) of every `$ equivalence …` example in the README's code blocks."""
    import re

    text = (REPO / "README.md").read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```\n(\$ equivalence.*?)```", text, re.S):
        current = None
        lines = block.rstrip("\n").split("\n")
        i = 0
        while i < len(lines):
            if lines[i].startswith("$ "):
                command = [lines[i][2:]]
                while command[-1].endswith("\\"):
                    i += 1
                    command.append(lines[i])
                current = (" ".join(c.rstrip("\\").strip() for c in command), [])
                found.append(current)
            elif current is not None:
                current[1].append(lines[i])
            i += 1
    return [(c, [line for line in out if line] if "…" in out else out[:len(out) - (out[-1:] == [""])])
            for c, out in found if out and " roster " not in c]  # the roster example needs its input file


@pytest.mark.parametrize("command, shown", readme_examples(), ids=lambda x: x if isinstance(x, str) else "")
def test_readme_examples_are_real_runs(command, shown):
    """Every output the README shows is what the command prints (up to a '…', and the rows after it)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=REPO, env=env)
    got = (run.stdout + run.stderr).rstrip("\n").split("\n")
    if "…" in shown:
        cut = shown.index("…")
        assert got[:cut] == shown[:cut]
        after = "\n".join(shown[cut + 1:])
        assert after in "\n".join(got), after
    else:
        assert got == shown

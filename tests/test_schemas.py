"""The JSON Schemas: shipped files match the models, real answers validate, `equivalence schema`."""

from __future__ import annotations

import json

import pytest
from test_contract import QUERIES

from equivalence.cli import cli
from equivalence.schemas import names, schema_text
from equivalence.schemas.__main__ import render
from equivalence.schemas.models import OUTPUTS

# More answers per command than test_contract's one: the shapes must hold across cases.
MORE = {
    "lookup": [["lookup", "电工:技师"], ["lookup", "专业技术岗位:九级", "--lang", "en"],
               ["lookup", "副高级", "--include-derived"], ["--region", "广东", "lookup", "高级技师"]],
    "path": [["path", "--holds", "技师@2020-07-01", "--to-tier", "副高级", "--as-of", "2025-01-01", "--alternatives", "2"],
             ["path", "工程师", "专业技术岗位:七级..五级", "--education", "本科", "--as-of", "2025-01-01"],
             ["path", "技师", "技师", "--as-of", "2025-01-01"]],
    "check": [["check", "高级技师", "--holds", "技师@2019-07-01", "--as-of", "2025-01-01", "--lang", "en"],
              ["check", "--to-tier", "正高级", "--holds", "高级工程师:6", "--education", "博士", "--work-years", "12",
               "--as-of", "2025-01-01"]],
    "compare": [["compare", "高级工", "一级巡视员"], ["compare", "专业技术岗位:五级", "副高级", "--include-derived"]],
    "routes-into": [["routes-into", "工程师", "--include-derived", "--lang", "en"]],
    "search": [["search", "6-31-01", "--kind", "occupation"], ["search", "焊工"]],
    "show": [["show", "inst-post-skill-technician", "--lang", "en"]],
    "diff": [["--layer", "acme", "diff", "--as-of", "2021-01-01", "--as-of", "2026-01-01"]],
}


def test_every_json_command_has_a_schema():
    assert set(QUERIES) | {"error", "roster-record"} == set(OUTPUTS)  # roster: tests/test_roster.py
    assert names() == sorted([*OUTPUTS, "mapping-file"])


@pytest.mark.parametrize("name", sorted([*OUTPUTS, "mapping-file"]))
def test_shipped_schema_is_the_models(name):
    assert schema_text(name) == render(name), "run: python -m equivalence.schemas"


@pytest.mark.parametrize("name, args", [(n, a) for n in sorted(QUERIES) for a in [QUERIES[n], *MORE.get(n, [])]])
def test_real_answers_validate(runner, name, args):
    result = runner.invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output + result.stderr
    OUTPUTS[name].model_validate(json.loads(result.stdout))


def test_the_models_refuse_what_the_contract_forbids(runner):
    from pydantic import ValidationError

    data = json.loads(runner.invoke(cli, [*QUERIES["lookup"], "--format", "json"]).stdout)
    with pytest.raises(ValidationError):  # a number written as a string
        OUTPUTS["search"].model_validate({**json.loads(runner.invoke(cli, [*QUERIES["search"], "--format", "json"])
                                                       .stdout), "results": [{"kind": "level", "id": "x", "name": "x",
                                                                              "context": "", "score": "68",
                                                                              "match": "name"}]})
    with pytest.raises(ValidationError):  # a key the contract does not have
        OUTPUTS["lookup"].model_validate({**data, "extra": 1})
    with pytest.raises(ValidationError):  # no schema_version
        OUTPUTS["lookup"].model_validate({k: v for k, v in data.items() if k != "schema_version"})


def test_json_errors_validate(runner):
    result = runner.invoke(cli, ["lookup", "初级职称", "--format", "json"])
    OUTPUTS["error"].model_validate(json.loads(result.stderr))


def test_mapping_files_validate_against_their_schema():
    """Every shipped mapping file, read as YAML, has the keys and nesting the schema names."""
    import yaml

    from conftest import SHIPPED

    schema = json.loads(schema_text("mapping-file"))
    top = set(schema["properties"])
    files = sorted(SHIPPED.rglob("*.yaml"))
    assert len(files) > 20
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        assert set(data) <= top, path


def test_schema_command(runner):
    listed = runner.invoke(cli, ["schema"])
    assert listed.exit_code == 0 and listed.stdout.split() == names()
    one = runner.invoke(cli, ["schema", "lookup"])
    assert one.exit_code == 0
    assert json.loads(one.stdout)["title"] == "equivalence lookup --format json"
    assert "schema_version" in json.loads(one.stdout)["required"]
    bad = runner.invoke(cli, ["schema", "lookups"])  # said in Chinese: the command has no --lang
    assert bad.exit_code == 2 and bad.stderr.splitlines()[-1].startswith("Error: 'NAME' 的取值无效：没有名为 'lookups' 的结构")


def test_schema_models_stay_off_the_query_path():
    import subprocess
    import sys

    code = ("import sys; from equivalence.cli import cli; "
            "cli.main(['lookup', '技师', '--format', 'json'], standalone_mode=False); "
            "print('pydantic' in sys.modules, 'equivalence.schemas.models' in sys.modules, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stderr.strip().splitlines()[-1] == "False False"

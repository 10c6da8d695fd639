"""What a script calling ``equivalence`` relies on: the Python API checks its arguments with the
library's own errors (never a TypeError from deep inside, never a wrong value silently answered),
and the command line speaks one language per answer and keeps one JSON shape whatever the answer."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from equivalence import api
from equivalence.cli import cli
from equivalence.errors import EquivalenceError
from equivalence.messages import message
from equivalence.registry import Registry

ACME = str(Path(__file__).resolve().parent.parent / "mappings" / "examples" / "acme")


@pytest.fixture(scope="module")
def reg():
    return Registry.load()


# Each call raised a TypeError / AttributeError, or answered as if the argument were right.
BAD_CALLS = [
    ("lookup level int", lambda r: api.lookup(r, 1), "level must be a string, got 1"),
    ("lookup misspelt option", lambda r: api.lookup(r, "技师", kind=["apply"]),
     "unknown option 'kind' (known: to, kinds, purpose, as_of, include_derived, direction, lang)"),
    ("lookup unknown kind", lambda r: api.lookup(r, "技师", kinds=["aply"]),
     "unknown kind 'aply' (known: apply, treated_as, counts_as, post, derived)"),
    ("lookup to int", lambda r: api.lookup(r, "技师", to=1), "to must be a string or a list of strings, got 1"),
    ("lookup derived as a string", lambda r: api.lookup(r, "技师", include_derived="no"),
     "include_derived must be True or False, got 'no'"),
    ("path target int", lambda r: api.path(r, 1), "target must be a string, got 1"),
    ("path holds None", lambda r: api.path(r, "工程师", holds=None),
     "holds must be a string or a list of strings, got None"),
    ("path alternatives negative", lambda r: api.path(r, "工程师", holds=["技师:1"], alternatives=-1),
     "alternatives must be a whole number from 0 to 20, got -1"),
    ("path alternatives a string", lambda r: api.path(r, "工程师", holds=["技师:1"], alternatives="2"),
     "alternatives must be a whole number from 0 to 20, got '2'"),
    ("check education int", lambda r: api.check(r, "工程师", education=1), "education must be a string, got 1"),
    ("check in_post None", lambda r: api.check(r, "工程师", in_post=None),
     "in_post must be a string or a list of strings, got None"),
    ("compare a None", lambda r: api.compare(r, None, "技师"), "a must be a string, got None"),
    ("routes_into target None", lambda r: api.routes_into(r, None), "target must be a string, got None"),
    ("levels ladder None", lambda r: api.levels(r, None), "ladder must be a string, got None"),
    ("show rule list", lambda r: api.show(r, []), "rule_id must be a string, got []"),
    ("show lang fr", lambda r: api.show(r, "bridge-96-technician-to-intermediate", lang="fr"),
     "unknown language 'fr' (known: zh, en)"),
    ("search text None", lambda r: api.search(r, None), "text must be a string, got None"),
    ("search limit negative", lambda r: api.search(r, "工", limit=-1),
     "limit must be a whole number from 1 to 500, got -1"),
    ("search limit float", lambda r: api.search(r, "工", limit=1.5),
     "limit must be a whole number from 1 to 500, got 1.5"),
    ("search unknown kind", lambda r: api.search(r, "工", kinds=["levle"]),
     "unknown kind 'levle' (known: level, title, qualification, occupation)"),
    ("points scores a string", lambda r: api.points(r, scores="performance: 2"),
     "scores must be a mapping of points items to counts, got 'performance: 2'"),
    ("points scheme int", lambda r: api.points(r, 1), "scheme must be a string, got 1"),
    ("diff after not a date", lambda r: api.diff(r, "2020-01-01", "yesterday"),
     "after must be an ISO date (YYYY-MM-DD), got 'yesterday'"),
    ("diff before no such day", lambda r: api.diff(r, "2026-02-30", "2023-01-01"),
     "before must be an ISO date (YYYY-MM-DD), got '2026-02-30'"),
    ("diff before int", lambda r: api.diff(r, 2020, "2023-01-01"),
     "before must be an ISO date (YYYY-MM-DD), got 2020"),
    ("diff lang fr", lambda r: api.diff(r, "2020-01-01", "2023-01-01", lang="fr"),
     "unknown language 'fr' (known: zh, en)"),
]


@pytest.mark.parametrize("call, text", [c[1:] for c in BAD_CALLS], ids=[c[0] for c in BAD_CALLS])
def test_the_api_refuses_a_wrong_argument_with_its_own_error(reg, call, text):
    with pytest.raises(EquivalenceError) as err:
        call(reg)
    assert str(err.value) == text
    back = pickle.loads(pickle.dumps(err.value))  # and the error survives a trip between processes
    assert type(back) is type(err.value) and str(back) == text and vars(back) == vars(err.value)
    assert message(back, "zh") == message(err.value, "zh")


def test_api_argument_errors_are_said_in_chinese(reg):
    with pytest.raises(EquivalenceError) as err:
        api.search(reg, "工", limit=0)
    assert message(err.value, "zh") == "参数 limit 应为 1 到 500 的整数，实为 0"
    with pytest.raises(EquivalenceError) as err:
        api.lookup(reg, "技师", kinds=["aply"])
    assert message(err.value, "zh") == ("参数 kind 的取值 'aply' 未知（可选：apply、treated_as、counts_as、post、"
                                        "derived）")


def test_one_credential_given_as_a_string_is_one_credential(reg):
    # It was read letter by letter: "unknown level '技'".
    assert api.check(reg, "工程师", holds="技师:1", as_of="2026-12-01") == \
        api.check(reg, "工程师", holds=["技师:1"], as_of="2026-12-01")
    assert api.lookup(reg, "技师", to="工程技术") == api.lookup(reg, "技师", to=["工程技术"])


def test_dates_may_be_dates(reg):
    import datetime

    assert api.compare(reg, "技师", "工程师", as_of=datetime.date(2021, 1, 1)) == \
        api.compare(reg, "技师", "工程师", as_of="2021-01-01")


# -- one language per answer: the system's reasons were English inside Chinese errors -------------
def _run(args, **kw):
    return subprocess.run([sys.executable, "-m", "equivalence", *args], stderr=subprocess.PIPE, text=True, **kw)


@pytest.mark.parametrize("lang, line", [
    ("zh", "Error: 无法读取档案文件 /nonexistent/profile.yaml：文件不存在"),
    ("en", "Error: cannot read profile /nonexistent/profile.yaml: No such file or directory"),
])
def test_a_profile_file_that_cannot_be_read_is_said_in_the_language_asked(runner, lang, line):
    result = runner.invoke(cli, ["check", "工程师", "--profile", "/nonexistent/profile.yaml", "--lang", lang])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [line]


@pytest.mark.parametrize("lang, line", [
    ("zh", "Error: 无法写入 /nonexistent/route.svg：文件不存在"),
    ("en", "Error: cannot write /nonexistent/route.svg: No such file or directory"),
])
def test_a_chart_that_cannot_be_written_is_said_in_the_language_asked(runner, lang, line):
    result = runner.invoke(cli, ["path", "工程师", "--holds", "技师:1", "--as-of", "2026-12-01",
                                 "--chart", "/nonexistent/route.svg", "--lang", lang])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [line]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args, err", [
    (["--lang", "en"], "Error: cannot write the output: No space left on device\n"),
    (["--format", "json"], json.dumps({"schema_version": "1.1", "error": {
        "type": "output", "message": "无法写出结果：磁盘空间不足", "candidates": []}}, ensure_ascii=False) + "\n"),
])
def test_stdout_on_a_full_disk_in_each_language(args, err):
    with open("/dev/full", "w") as full:
        result = _run(["lookup", "技师", *args], stdout=full)
    assert result.returncode == 1
    assert result.stderr == err


def test_search_answers_in_the_language_asked(runner, reg):
    # --lang en gave 高级工程师 in 工程技术: search ignored --lang
    result = runner.invoke(cli, ["search", "gjgcs", "--lang", "en", "--format", "json"])
    assert json.loads(result.stdout)["results"] == [
        {"kind": "title", "id": "eng.associate_senior", "name": "Senior engineer", "context": "Engineering technology",
         "score": 68, "match": "initials"}]
    result = runner.invoke(cli, ["search", "gjgcs", "--lang", "en", "--format", "csv"])
    assert result.stdout.splitlines()[1] == "title,eng.associate_senior,Senior engineer,Engineering technology,initials,68"
    # the catalogues' qualifications and occupations have no English names: said as published
    assert api.search(reg, "焊工", limit=1, lang="en")["results"][0]["name"] == "焊工"
    assert api.search(reg, "gjgcs", limit=1)["results"][0]["name"] == "高级工程师"


def test_the_http_search_answers_in_the_language_asked_too(runner):
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from equivalence.web.app import create_app

    web = TestClient(create_app()).get("/api/search", params={"text": "gjgcs", "lang": "en"}).json()
    cli_answer = json.loads(runner.invoke(cli, ["search", "gjgcs", "--lang", "en", "--format", "json"]).stdout)
    assert web == cli_answer and web["results"][0]["name"] == "Senior engineer"


@pytest.mark.parametrize("args, stderr", [
    # the answer would be CSV (click takes the last --format): the error was JSON all the same
    (["--format", "json", "--format", "csv"], "Error: 未知等级 '高级工程帅'；是否想找：高级工程师、高级工、正高级工程师、高级工班、"
                                             "高级注册安全工程师？\n"),
    # the answer would be in Chinese (the last --lang): the error was in English
    (["--lang", "en", "--lang", "zh"], "Error: 未知等级 '高级工程帅'；是否想找：高级工程师、高级工、正高级工程师、高级工班、"
                                       "高级注册安全工程师？\n"),
    (["--lang=zh", "--lang=en"], "Error: unknown level '高级工程帅'; did you mean: 高级工程师, 高级工, 正高级工程师, 高级工班, "
                                 "高级注册安全工程师?\n"),
])
def test_an_option_given_twice_counts_once_for_errors_too(runner, args, stderr):
    result = runner.invoke(cli, ["lookup", "高级工程帅", *args])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == stderr


def test_an_argument_that_is_not_utf8_keeps_json_utf8():
    # bytes 0xff 0xfe were echoed raw in "query": the output did not decode as UTF-8
    out = subprocess.run([sys.executable, "-m", "equivalence", "search", b"\xff\xfe\xe6\x8a\x80", "--format", "json"],
                         capture_output=True).stdout
    assert json.loads(out.decode("utf-8")) == {"schema_version": "1.1", "query": "\udcff\udcfe技", "results": []}


def _closed_stdout():
    os.close(1)


@pytest.mark.parametrize("args, err", [
    # was a TypeError traceback (csv.writer(None))
    (["ladders", "--format", "csv"], "Error: 无法写出结果：文件描述符无效（已关闭）\n"),
    # were answered into nothing with exit 0
    (["lookup", "技师", "--lang", "en"], "Error: cannot write the output: Bad file descriptor\n"),
    (["lookup", "技师", "--format", "json"], json.dumps({"schema_version": "1.1", "error": {
        "type": "output", "message": "无法写出结果：文件描述符无效（已关闭）", "candidates": []}},
        ensure_ascii=False) + "\n"),
    (["--version"], "Error: 无法写出结果：文件描述符无效（已关闭）\n"),
])
def test_started_with_stdout_closed_says_so(args, err):
    result = _run(args, preexec_fn=_closed_stdout)
    assert (result.returncode, result.stderr) == (1, err)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_help_page_on_a_full_disk_is_one_line():
    with open("/dev/full", "w") as full:
        result = _run(["--help"], stdout=full)  # was a traceback: the page is written while parsing
    assert (result.returncode, result.stderr) == (1, "Error: 无法写出结果：磁盘空间不足\n")


def test_a_chart_file_needs_no_stdout(tmp_path):
    result = _run(["chart", "-o", str(tmp_path / "c.svg")], preexec_fn=_closed_stdout)
    assert result.returncode == 0 and (tmp_path / "c.svg").stat().st_size > 0


def _closed_stdin():
    os.close(0)


@pytest.mark.parametrize("args, err", [
    (["roster", "-"], "Error: 无法读取 -：文件描述符无效（已关闭）\n"),  # was an AttributeError traceback
    (["roster", "/nonexistent/staff.csv"], "Error: 无法读取 /nonexistent/staff.csv：文件不存在\n"),  # was English
    (["roster", "/nonexistent/staff.csv", "--lang", "en"],
     "Error: cannot read /nonexistent/staff.csv: No such file or directory\n"),
])
def test_a_roster_that_cannot_be_read_is_one_line_in_the_language_asked(args, err):
    result = _run(args, preexec_fn=_closed_stdin, stdout=subprocess.PIPE)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", err)


def test_points_takes_a_built_profile_only():
    reg = Registry.load(layers=[ACME])
    with pytest.raises(EquivalenceError) as err:  # was AttributeError: 'dict' object has no attribute 'as_of'
        api.points(reg, profile={"holds": ["acme_s.s3:2"]})
    assert str(err.value) == ("profile must be an equivalence.profile.Profile (from build_profile), "
                              "got {'holds': ['acme_s.s3:2']}")


def test_registry_load_checks_what_it_is_given():
    # layers="…/acme" was read letter by letter ("a: not a layer", "c: …"); region=1 was a TypeError
    assert len(Registry.load(layers=ACME).rules) == len(Registry.load(layers=[ACME]).rules)
    for kwargs, text in [({"region": 1}, "region must be a string, got 1"),
                         ({"layers": [1]}, "layers must be a path or a list of paths, got [1]"),
                         ({"root": 1}, "root must be a path, got 1")]:
        with pytest.raises(EquivalenceError) as err:
            Registry.load(**kwargs)
        assert str(err.value) == text


@pytest.mark.parametrize("call, text", [
    (lambda r: r.level(None), "name must be a string, got None"),
    (lambda r: r.ladder(1), "name must be a string, got 1"),
    (lambda r: r.rule(["x"]), "rule_id must be a string, got ['x']"),
])
def test_registry_lookups_check_the_name(reg, call, text):
    with pytest.raises(EquivalenceError) as err:  # was TypeError: normalize() argument 2 must be str
        call(reg)
    assert str(err.value) == text


def test_the_exported_find_equivalents_checks_kinds_too(reg):
    import equivalence

    with pytest.raises(EquivalenceError) as err:  # was an empty answer
        equivalence.find_equivalents(reg, "技师", kinds=["aply"])
    assert str(err.value) == "unknown kind 'aply' (known: apply, treated_as, counts_as, post, derived)"
    with pytest.raises(EquivalenceError, match="include_derived must be True or False, got 'no'"):
        equivalence.find_equivalents(reg, "技师", include_derived="no")  # was taken for True


def test_the_exported_index_functions_check_their_folders():
    import equivalence

    # a layer given as a string was read letter by letter ("m: not a layer" …)
    assert equivalence.load_index(None, layers=ACME)["hash"] == equivalence.load_index(None, layers=[ACME])["hash"]
    for call in (lambda: equivalence.load_index(1), lambda: equivalence.compile_folder(1)):
        with pytest.raises(EquivalenceError, match=r"^root must be a path, got 1$"):  # was TypeError
            call()


def test_an_empty_region_is_an_error_not_the_national_rules():
    """--region "" (an empty variable in a script) silently answered by the national rules alone."""
    for value in ("", "  "):
        result = CliRunner().invoke(cli, ["--region", value, "lookup", "技师", "--lang", "en"])
        assert result.exit_code == 2
        assert result.output.splitlines()[-1] == \
            "Error: Invalid value for '--region': must name a province (e.g. guangdong), not be empty"
        with pytest.raises(EquivalenceError, match="no shipped rules for region"):
            Registry.load(region=value)
    assert CliRunner().invoke(cli, ["--region", "guangdong", "lookup", "特级技师"]).exit_code == 0


def test_a_folder_with_no_mapping_files_is_an_error(tmp_path):
    """`validate` of an empty folder said OK (0 ladders); `--mappings` of one answered 'unknown level'."""
    result = CliRunner().invoke(cli, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"{tmp_path}: 文件夹中没有映射文件（*.yaml）"
    result = CliRunner().invoke(cli, ["--mappings", str(tmp_path), "lookup", "技师", "--lang", "en"])
    assert result.exit_code == 1
    assert result.output.strip() == \
        f"Error: the mappings do not validate: {tmp_path}: no mapping files (*.yaml) in the folder"

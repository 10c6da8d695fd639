"""The machine contract: schema_version on every JSON answer, JSON errors on stderr under
--format json with the usual exit codes, CSV as data, quiet ends into a closed pipe."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from equivalence.cli import cli
from equivalence.contract import SCHEMA_VERSION

# One query per command that answers in JSON (shipped mappings).
QUERIES = {
    "ladders": ["ladders"],
    "levels": ["levels", "工勤技能岗位"],
    "lookup": ["lookup", "技师"],
    "sources": ["sources"],
    "show": ["show", "bridge-96-technician-to-intermediate"],
    "layers": ["layers"],
    "path": ["path", "高级工", "工程师", "--education", "大专", "--as-of", "2025-01-01", "--alternatives", "1"],
    "check": ["check", "工程师", "--holds", "技师:1", "--as-of", "2025-01-01"],
    "compare": ["compare", "技师", "工程师"],
    "routes-into": ["routes-into", "高级工程师"],
    "search": ["search", "gjgcs"],
    "points": ["--layer", "acme", "points", "--holds", "acme_s.s3:2", "--holds", "技师:3", "--as-of", "2025-01-01"],
    "diff": ["diff", "--as-of", "2020-06-30", "--as-of", "2023-01-01"],
}


def answer(runner, name, *extra):
    result = runner.invoke(cli, [*QUERIES[name], "--format", "json", *extra])
    assert result.exit_code == 0, result.output + result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_json_answer_carries_the_schema_version(runner, name):
    data = answer(runner, name)
    assert isinstance(data, dict)
    assert list(data)[0] == "schema_version" and data["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize("args, code, error", [
    (["lookup", "高级工程帅"], 1, {"type": "unknown_level",
                                  "message": "unknown level '高级工程帅'; did you mean: 高级工程师, 高级工, 正高级工程师, "
                                             "高级工班, 高级注册安全工程师?",
                                  "candidates": ["高级工程师", "高级工", "正高级工程师", "高级工班", "高级注册安全工程师"]}),
    (["lookup", "初级职称"], 1, {"type": "ambiguous_level",
                                "message": "'初级职称' is ambiguous; a short form of several names; name one: "
                                           "职称层级:员级, 职称层级:助理级",
                                "candidates": ["职称层级:员级", "职称层级:助理级"]}),
    (["show", "no-such-rule"], 1, {"type": "unknown_rule", "message": "unknown rule 'no-such-rule'",
                                   "candidates": []}),
    (["check", "工程师", "--holds", "技师:-1"], 1,
     {"type": "profile", "message": "years held in '技师:-1' must be from 0 to 80 years, got -1", "candidates": []}),
    (["lookup", "技师", "--as-of", "9999-12-31"], 2,
     {"type": "bad_parameter", "message": "Invalid value for '--as-of': date: 9999-12-31 is outside the dates this "
                                          "tool answers for (1949-10-01 to 2100-12-31)", "candidates": []}),
    (["lookup", "技师", "--colour", "red"], 2,
     {"type": "no_such_option", "message": "No such option '--colour'.", "candidates": []}),
])
def test_errors_under_json_are_json_on_stderr(runner, args, code, error):
    result = runner.invoke(cli, [*args, "--lang", "en", "--format", "json"])
    assert result.exit_code == code
    assert result.stdout == ""
    assert json.loads(result.stderr) == {"schema_version": SCHEMA_VERSION, "error": error}
    plain = runner.invoke(cli, [*args, "--lang", "en"])  # the same error as one text line otherwise
    assert plain.exit_code == code
    assert plain.stderr.splitlines()[-1] == "Error: " + error["message"]


@pytest.mark.parametrize("args", [["lookup", "技师"], ["search", "工", "--limit", "500", "--format", "json"],
                                  ["sources"]])
def test_a_closed_pipe_ends_quietly(args):
    proc = subprocess.Popen([sys.executable, "-m", "equivalence", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before the first line, as `| head -0` would be
    err = proc.stderr.read()
    proc.wait()
    assert err == b""
    assert proc.returncode == 1


def test_a_library_error_caused_by_a_closed_pipe_is_quiet_too():
    from equivalence.cli import _broken_pipe
    from equivalence.errors import EquivalenceError

    try:
        try:
            raise BrokenPipeError(32, "Broken pipe")
        except OSError:
            raise EquivalenceError("cannot write None: Broken pipe") from None
    except EquivalenceError as exc:  # as rosterio reports a failed write
        assert _broken_pipe(exc)
    assert not _broken_pipe(EquivalenceError("unknown level"))


def csv_rows(runner, args):
    import csv
    import io

    result = runner.invoke(cli, [*args, "--format", "csv"])
    assert result.exit_code == 0, result.output + result.stderr
    return list(csv.reader(io.StringIO(result.stdout)))


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_csv_is_data(runner, name):
    zh = csv_rows(runner, QUERIES[name])
    en = csv_rows(runner, [*QUERIES[name], "--lang", "en"])
    assert zh[0] == en[0]  # the same columns whatever --lang
    assert all(h.isascii() and h == h.lower() and " " not in h for h in zh[0])  # snake_case
    assert len(zh) > 1 and len({len(r) for r in zh}) == 1
    # nothing cut short (a quote may hold the document's own ellipsis)
    cut = [i for i, h in enumerate(zh[0]) if h not in ("quotes", "note")]
    assert not any("…" in row[i] for row in zh + en for i in cut)


def test_csv_puts_ids_beside_names(runner):
    rows = csv_rows(runner, QUERIES["lookup"])
    head = rows[0]
    row = dict(zip(head, rows[1]))
    assert head[:2] == ["level_id", "level_name"] and row["level_id"] == "skill.technician"
    assert row["result_level_id"] in {"post_skill.w2", "eng.intermediate"}
    rows = csv_rows(runner, QUERIES["path"])
    path = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert [(r["route"], r["step"], r["level_id"], r["level_name"]) for r in path if r["route"] == "0"] == [
        ("0", "1", "eng.assistant", "助理工程师"), ("0", "2", "eng.intermediate", "工程师")]


def test_compare_csv_keeps_its_verdict(runner):
    rows = csv_rows(runner, ["compare", "技师", "工程师"])
    # two bases (96号 and 58号 part (九)), each a row with its verdict
    assert [dict(zip(rows[0], r))["verdict"] for r in rows[1:]] == ["same", "same"]
    none = csv_rows(runner, ["compare", "高级工", "一级巡视员"])
    assert none == [rows[0], ["skill.senior", "高级工", "cs_grade.inspector1", "一级巡视员", "not_comparable"] + [""] * 9]


def test_check_csv_keeps_its_verdict(runner):
    # The CSV had only each rule's eligible / earliest: a worker holding the target read 'False' on
    # every row (table and JSON: 已持有 / held), and a target with no rule into it (学徒工: reached
    # through 初级工, earliest given) was a header and no row at all
    held = csv_rows(runner, ["check", "高级工程师", "--holds", "高级工程师", "--as-of", "2026-12-01"])
    rows = [dict(zip(held[0], r)) for r in held[1:]]
    assert held[0][-2:] == ["verdict", "target_earliest"]
    assert {(r["verdict"], r["target_earliest"]) for r in rows} == {("held", "2026-12-01")}
    assert {r["eligible"] for r in rows} == {"False"}  # each rule's own, as before
    none = csv_rows(runner, ["check", "学徒工", "--as-of", "2026-12-01"])
    assert none == [held[0], ["skill.apprentice", "2026-12-01"] + [""] * 10 + ["later", "2026-12-01"]]
    later = csv_rows(runner, ["check", "工程师", "--holds", "技师:1", "--education", "大专", "--as-of", "2026-12-01"])
    assert {tuple(r[-2:]) for r in later[1:]} == {("later", "2028-12-01")}
    for args in (["check", "高级工程师", "--holds", "高级工程师", "--as-of", "2026-12-01"],
                 ["check", "工程师", "--holds", "技师:1", "--as-of", "2026-12-01"]):
        answer = json.loads(runner.invoke(cli, [*args, "--format", "json"]).stdout)
        assert {tuple(r[-1:]) for r in csv_rows(runner, args)[1:]} == {(answer["earliest"] or "",)}


def test_same_concept_same_shape(runner):
    """A target is a list of levels wherever it appears; path says which one its route reaches."""
    level = {"id", "ladder", "name"}
    for name in ("path", "check", "routes-into"):
        target = answer(runner, name)["target"]
        assert isinstance(target, list) and target and all(set(t) == level for t in target), name
    path = answer(runner, "path")
    assert path["target"] == [{"id": "eng.intermediate", "ladder": "eng", "name": "工程师"}]
    assert path["reached"] == path["target"][0]
    assert all(set(alt["reached"]) == level and "target" not in alt for alt in path["alternatives"])
    diff = answer(runner, "diff")  # a level is the same object in diff, not an id here and a name there
    assert all(set(x["level"]) == level for x in diff["levels"]["added"])
    assert all(set(r["from"] or level) == level and all(set(t) == level for t in r["to"])
               for r in diff["rules"]["added"])


def test_a_roster_into_a_closed_pipe_ends_quietly(tmp_path):
    staff = tmp_path / "staff.csv"
    staff.write_text("id,holds,education\n" + "".join(f"{i},技师:2,大专\n" for i in range(2000)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "equivalence", "roster", str(staff), "--to", "工程技术"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(100)
    proc.stdout.close()  # `| head -c 100`
    err = proc.stderr.read()
    proc.wait()
    assert err == b""  # was: Error: cannot write None: Broken pipe
    assert proc.returncode == 1

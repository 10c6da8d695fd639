"""Fuzz the command line with generated names, numbers, dates, and small profile, scores and layer
files and bytes (hypothesis, bounded): no traceback, exit code 0, 1 or 2, and at most one ``Error:``
line, with no raw control character in anything written to stderr (issue 14)."""

from __future__ import annotations

import json

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SHIPPED, TINY_FILES, write_folder
from equivalence.cli import cli

ACME = SHIPPED / "examples" / "acme"
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
_RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f\u2028\u2029]")

# Names: real ones, real ones bent, and any text (control characters, escapes, long runs).
REAL_NAMES = ["技师", "高级技师", "高级工", "工程师", "正高级", "专业技术岗位:九级", "工勤技能岗位:三级", "大专", "本科",
              "一级主任科员", "acme_s.s3", "S4", "skill.technician", "全国技术能手", "performance"]
names = st.one_of(
    st.sampled_from(REAL_NAMES),
    st.builds(lambda n, s: n + s, st.sampled_from(REAL_NAMES),
              st.sampled_from(["\n", "\r", "\x1b[31m", ":", "：", "@", "..", "\u2028", "\x00", " ", "%s"])),
    st.text(min_size=0, max_size=12),
)
dates = st.one_of(st.dates().map(str), st.sampled_from(["2026-02-30", "9999-12-31", "0001-01-01", "2024-13-01",
                                                        "２０２４-０１-０１", "2024-1-1", ""]), st.text(max_size=10))
numbers = st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(repr), st.integers().map(str),
                    st.sampled_from(["nan", "inf", "-1", "1e400", "0", "3", "80", "81", "9" * 40]), st.text(max_size=6))
holds = st.one_of(names, st.builds(lambda n, y: f"{n}:{y}", st.sampled_from(REAL_NAMES), st.integers(0, 100)),
                  st.builds(lambda n, d: f"{n}@{d}", st.sampled_from(REAL_NAMES), dates))

# Small YAML values, for profile, scores and layer files.
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10 ** 30, 10 ** 30), st.floats(), names, dates,
                    st.sampled_from([".nan", ".inf", "!Foo x", "&a [1]", "*a", "2026-02-30"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(names, inner, max_size=3),
                      max_leaves=8)


def _yaml(mapping: dict) -> str:
    import json

    # JSON is YAML; a raw string value is spliced in as YAML text, so tags, anchors and aliases appear too.
    return "\n".join(f"{json.dumps(k, ensure_ascii=False)}: {v if isinstance(v, str) else json.dumps(v, default=str)}"
                     for k, v in mapping.items()) + "\n"


profile_texts = st.one_of(
    st.dictionaries(st.sampled_from(["holds", "education", "work_years", "as_of", "in_post", "honours", "scores",
                                     "colour"]), values, max_size=5).map(_yaml),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
)


def _check(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2)
    # an error is one 'Error: ' line, or under --format json one JSON object on one line
    errors = [line for line in result.stderr.splitlines()
              if line.startswith("Error") or (line.startswith("{") and '"error"' in line)]
    assert len(errors) <= 1, result.stderr
    for line in errors:
        if line.startswith("{"):
            assert set(json.loads(line)["error"]) == {"type", "message", "candidates"}
    assert not _RAW_CONTROL.search(result.stderr), result.stderr
    if result.exit_code:
        assert errors, result.stderr


@SETTINGS
@given(command=st.sampled_from(["lookup", "levels", "show", "routes-into", "search"]), name=names,
       as_of=st.one_of(st.none(), dates), fmt=st.sampled_from(["table", "json", "csv"]))
def test_fuzz_name_commands(runner, command, name, as_of, fmt):
    args = [command, name, "--format", fmt]
    if as_of is not None and command == "lookup":
        args += ["--as-of", as_of]
    _check(runner.invoke(cli, args))


@SETTINGS
@given(a=names, b=names)
def test_fuzz_compare(runner, a, b):
    _check(runner.invoke(cli, ["compare", a, b]))


@SETTINGS
@given(command=st.sampled_from(["path", "check"]), target=names, held=st.lists(holds, max_size=2),
       work_years=st.one_of(st.none(), numbers), as_of=st.one_of(st.none(), dates),
       education=st.one_of(st.none(), names))
def test_fuzz_worker_commands(runner, command, target, held, work_years, as_of, education):
    args = [command, target]
    for h in held:
        args += ["--holds", h]
    if work_years is not None:
        args += ["--work-years", work_years]
    if as_of is not None:
        args += ["--as-of", as_of]
    if education is not None:
        args += ["--education", education]
    _check(runner.invoke(cli, args))


@SETTINGS
@given(profile=profile_texts, scores=profile_texts, command=st.sampled_from(["path", "check", "points"]))
def test_fuzz_profile_and_scores_files(runner, profile, scores, command):
    with tempfile.TemporaryDirectory() as tmp:
        p, s = Path(tmp) / "p.yaml", Path(tmp) / "s.yaml"
        p.write_text(profile, encoding="utf-8", errors="surrogatepass")
        s.write_text(scores, encoding="utf-8", errors="surrogatepass")
        args = ["--layer", str(ACME), command] + (["S4"] if command != "points" else []) + ["--profile", str(p)]
        if command == "points":
            args = ["--layer", str(ACME), "points", "--holds", "S3", "--scores", str(s)]
        else:
            args += ["--scores", str(s)]
        _check(runner.invoke(cli, args))


RULE_KEYS = st.sampled_from(["id", "kind", "from", "to", "conditions", "cite", "replaces", "purposes",
                             "effective_from", "bidirectional", "years_in_from"])
rule_records = st.dictionaries(RULE_KEYS, values, max_size=6).map(
    lambda r: "  - {" + ", ".join(f"{k}: {v if isinstance(v, str) else __import__('json').dumps(v, default=str)}"
                                  for k, v in r.items()) + "}\n")


@settings(SETTINGS, max_examples=40)
@given(rules=st.one_of(st.lists(rule_records, max_size=3).map(lambda rs: "rules:\n" + "".join(rs)),
                       st.binary(max_size=200).map(lambda b: b.decode("latin-1"))),
       command=st.sampled_from(["validate", "lookup"]))
def test_fuzz_layer_files(runner, rules, command):
    with tempfile.TemporaryDirectory() as tmp:
        national = write_folder(Path(tmp) / "m", TINY_FILES)  # small: each example compiles it again
        layer = Path(tmp) / "co"
        layer.mkdir()
        (layer / "layer.yaml").write_text("layer: {id: co, zh: 公司, en: Co, scope: employer}\n", encoding="utf-8")
        (layer / "rules.yaml").write_text(rules, encoding="utf-8", errors="surrogatepass")
        base = ["--mappings", str(national)]
        args = base + (["validate", str(layer)] if command == "validate" else ["--layer", str(layer), "lookup", "技师"])
        result = runner.invoke(cli, args)
        _check(result)
        if command == "validate":  # one problem per line, each on one line
            assert not _RAW_CONTROL.search(result.stdout)


@SETTINGS
@given(first=dates, second=dates, command=st.sampled_from(["diff", "ladders", "sources", "layers"]),
       region=st.one_of(st.none(), names))
def test_fuzz_dates_and_regions(runner, first, second, command, region):
    args = (["--region", region] if region is not None else []) + [command]
    if command == "diff":
        args += ["--as-of", first, "--as-of", second]
    _check(runner.invoke(cli, args))

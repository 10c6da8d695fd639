"""The compiled records (equivalence.records): typed, frozen, read by attribute, pickled whole."""

from __future__ import annotations

import pickle

import pytest

from equivalence.records import Citation, Conditions, Ladder, Level, Requirement, Rule, Source, Words


def test_every_table_of_the_registry_holds_its_record_type(real):
    for table, kind in ((real.rules, Rule), (real.levels, Level), (real.ladders, Ladder), (real.sources, Source)):
        assert {type(x) for x in table.values()} == {kind}
    for rule in real.rules.values():
        assert type(rule.conditions) is Conditions
        assert {type(c) for c in rule.cite} == {Citation}
        assert all(type(q) is Requirement for q in rule.conditions.also_holds)
        assert all(type(o) is Words for o in rule.conditions.other)
        assert type(rule.to) is tuple and type(rule.purposes) is tuple  # nothing a query holds can change


def test_a_record_cannot_be_changed(real):
    rule = next(iter(real.rules.values()))
    with pytest.raises(AttributeError):
        rule.kind = "apply"
    with pytest.raises(AttributeError):
        rule.conditions.years_in_from = 1
    with pytest.raises(TypeError):
        rule.to[0] = "x"


def test_records_pickle_whole_and_compare_by_value(real):
    """The cache and a roster's worker processes get the records back equal, field for field."""
    for table in (real.rules, real.levels, real.ladders, real.sources):
        assert pickle.loads(pickle.dumps(table)) == table


def test_to_dict_is_plain_data_with_from(real):
    rule = real.rules["bridge-96-technician-to-intermediate"]
    plain = rule.to_dict()
    assert "from" in plain and "from_" not in plain
    assert plain["from"] == rule.from_ and plain["to"] == list(rule.to)
    assert plain["cite"][0] == {"source": rule.cite[0].source, "article": rule.cite[0].article,
                                "quote": rule.cite[0].quote}
    assert isinstance(plain["conditions"], dict) and isinstance(plain["conditions"]["other"], list)


def test_a_warm_lookup_never_imports_pydantic_or_yaml():
    import subprocess
    import sys

    code = ("import sys; from equivalence.cli import cli; "
            "cli.main(['lookup', '技师', '--format', 'json'], standalone_mode=False); "
            "print(sorted(m for m in ('pydantic', 'yaml', 'networkx', 'dataclasses') if m in sys.modules), "
            "file=sys.stderr)")
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)  # warms the cache
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stderr.strip().splitlines()[-1] == "[]"

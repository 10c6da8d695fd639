"""Exports: the whole graph as JSON (which reads back into an identical graph), GraphML, DOT, Mermaid."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from equivalence.cli import cli
from equivalence.contract import SCHEMA_VERSION
from equivalence.describe import KIND_WORDS
from equivalence.export import ENTRY, build_graph, export_text, graph_from_json, graph_to_json


def edges(g):
    return sorted(((u, v, k, json.dumps(d, sort_keys=True, ensure_ascii=False))
                   for u, v, k, d in g.edges(keys=True, data=True)))


def assert_same_graph(a, b):
    assert type(a) is type(b)
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert list(a.nodes) == list(b.nodes)
    assert edges(a) == edges(b)
    assert a.graph == b.graph


@pytest.mark.parametrize("which", ["tiny", "real"])
def test_json_round_trip(request, which):
    reg = request.getfixturevalue(which)
    g = build_graph(reg)
    text = export_text(reg, "json")
    assert_same_graph(graph_from_json(text), g)
    assert_same_graph(graph_from_json(json.loads(text)), g)


def test_graph_holds_every_level_rule_ladder_and_source(tiny):
    g = build_graph(tiny)
    assert set(tiny.levels) <= set(g.nodes)
    assert g.nodes[ENTRY]["type"] == "entry"  # en-entry has no `from`
    assert {k for _, _, k in g.edges(keys=True)} == set(tiny.rules)
    assert sum(1 for _ in g.edges()) == sum(len(r.to) for r in tiny.rules.values())
    d = g.edges["sk.s4", "en.e3", "bridge-s4-e3"]
    assert d["kind"] == "apply" and d["conditions"]["years_in_from"] == 3
    assert d["purposes"] == ["review"] and d["cite"][0]["source"] == "src-sec" and d["confidence"] == "medium"
    assert g.nodes["sk.s3"]["aliases"] == ["三级", "三级/高级工"] and g.nodes["sk.s3"]["ladder"] == "sk"
    assert set(g.graph["ladders"]) == set(tiny.ladders) and set(g.graph["sources"]) == set(tiny.sources)
    assert list(g.in_edges("pt.p3", keys=True)) == [("tt.t3", "pt.p3", "t3-post")]  # a range: one edge per level


def test_json_export_is_documented_shape(tiny):
    data = json.loads(export_text(tiny, "json"))
    assert data["format"] == "equivalence-graph" and data["version"] == 1
    assert set(data) == {"schema_version", "format", "version", "graph", "nodes", "edges"}
    assert data["schema_version"] == SCHEMA_VERSION  # like every other JSON answer
    assert {"id", "data"} == set(data["nodes"][0])
    assert {"source", "target", "key", "data"} == set(data["edges"][0])
    assert graph_to_json(graph_from_json(data)) == data


def test_graph_from_json_refuses_other_json():
    with pytest.raises(ValueError):
        graph_from_json('{"nodes": []}')


@pytest.mark.parametrize("which", ["tiny", "real"])
def test_graphml_reads_back_with_networkx(request, tmp_path, which):
    reg = request.getfixturevalue(which)
    path = tmp_path / "g.graphml"
    path.write_text(export_text(reg, "graphml"), encoding="utf-8")
    back = nx.read_graphml(path, force_multigraph=True)
    g = build_graph(reg)
    assert set(back.nodes) == set(g.nodes)
    assert sorted(back.edges(keys=True)) == sorted(g.edges(keys=True))
    for u, v, k, d in g.edges(keys=True, data=True):
        got = back.edges[u, v, k]
        assert got["kind"] == d["kind"] and got["rule"] == k
        assert json.loads(got["conditions"]) == d["conditions"]  # lists and dicts: JSON strings
        assert json.loads(got["cite"]) == d["cite"]
    for n, d in g.nodes(data=True):
        assert back.nodes[n].get("zh") == d.get("zh")
    assert json.loads(back.graph["ladders"]) == g.graph["ladders"]


def test_dot_text(tiny):
    text = export_text(tiny, "dot")
    assert text.startswith("digraph equivalence {") and text.rstrip().endswith("}")
    g = build_graph(tiny)
    for ref in tiny.levels:
        assert f'"{ref}" [label=' in text
    arrows = re.findall(r'^  "([^"]+)" -> "([^"]+)" \[label="([^"]+)", tooltip="([^"]+)"', text, re.M)
    assert sorted(arrows) == sorted((u, v, KIND_WORDS["zh"][d["kind"]], k) for u, v, k, d in g.edges(keys=True, data=True))
    assert 'subgraph "cluster_sk"' in text and 'label="职业技能等级"' in text
    assert text.count("{") == text.count("}")


def test_mermaid_text(tiny):
    text = export_text(tiny, "mermaid", lang="en")
    assert text.startswith("flowchart LR\n") or text.startswith("graph")
    g = build_graph(tiny)
    for ref, d in g.nodes(data=True):
        assert f'["{d["en"]}"]' in text
    arrows = re.findall(r'^  n\d+ <?[-.=]+>\|"([^"]+)"\| n\d+$', text, re.M)
    assert sorted(arrows) == sorted(KIND_WORDS["en"][d["kind"]] for _, _, d in g.edges(data=True))
    assert text.count("subgraph") == text.count("\n  end") == len(tiny.ladders)


@pytest.mark.parametrize("fmt", ["json", "graphml", "dot", "mermaid"])
def test_cli_export(runner, tiny_dir, tmp_path, fmt):
    result = runner.invoke(cli, ["--mappings", str(tiny_dir), "export", "--format", fmt])
    assert result.exit_code == 0, result.output
    out = tmp_path / f"g.{fmt}"
    result2 = runner.invoke(cli, ["--mappings", str(tiny_dir), "export", "--format", fmt, "-o", str(out)])
    assert result2.exit_code == 0 and result2.stdout == ""
    assert out.read_text(encoding="utf-8") == result.stdout


def test_cli_export_bad_format(runner):
    result = runner.invoke(cli, ["export", "--format", "pdf"])
    assert result.exit_code == 2

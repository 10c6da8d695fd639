"""The whole graph for other tools: JSON, GraphML, Graphviz DOT and Mermaid.

:func:`build_graph` turns a registry into a ``networkx.MultiDiGraph``:

* one node per level, keyed by its ref (``skill.technician``), with ``type: "level"`` and the
  level's fields (``ladder``, ``id``, ``zh``, ``en``, ``aliases``, ``rank``, dates, ``cite`` …);
* one node ``entry`` (``type: "entry"``): the start of the rules that need no prior level
  (``from: null``, e.g. a graduate's first title);
* one edge per rule and level it leads to, keyed by the rule id, from ``from`` (or ``entry``) to
  that level, with ``rule`` (the id) and the rule's fields: ``kind``, ``conditions``, ``purposes``,
  ``cite`` (document, article, quote), ``confidence``, ``bidirectional``, ``grants``, dates,
  ``jurisdiction``, ``note``, ``to_spec`` (the levels as written), ``path`` and ``line``;
* graph attributes ``ladders`` (id -> ``zh``, ``en``, ``kind``, ``levels`` low to high, …),
  ``sources`` (id -> ``title``, ``doc_no``, ``issuer``, dates, ``status`` …), ``purposes``, and
  ``hash`` (the checksum of the mapping files).

JSON (``--format json``) is that graph as one object::

    {"schema_version": "1.1", "format": "equivalence-graph", "version": 1,
     "graph": {"ladders": {…}, "sources": {…}, "purposes": {…}, "hash": "…"},
     "nodes": [{"id": "skill.technician", "data": {"type": "level", "zh": "技师", …}}, …],
     "edges": [{"source": "skill.technician", "target": "eng.intermediate",
                "key": "bridge-96-technician-to-intermediate", "data": {"kind": "apply", …}}, …]}

and :func:`graph_from_json` reads it back into an identical graph. GraphML holds only scalars, so
its list and dict attributes (``aliases``, ``conditions``, ``cite``, ``ladders`` …) are JSON strings
and empty (null) ones are left out. DOT and Mermaid are pictures: one cluster (subgraph) per ladder,
an edge per rule labelled with its kind in the words of ``lang`` (视同/对应, counts as; dashed:
counts_as, dotted: derived, bold: promotion), the rule id as DOT's tooltip.
"""

from __future__ import annotations

import json

from .contract import SCHEMA_VERSION, record_answer
from .describe import KIND_WORDS
from .registry import Registry

FORMATS = ("json", "graphml", "dot", "mermaid")
ENTRY = "entry"
JSON_FORMAT = {"format": "equivalence-graph", "version": 1}


def _plain(value):
    """The value as JSON would give it back (lists, not tuples; str keys)."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def build_graph(reg: Registry):
    """The registry as a networkx MultiDiGraph (see the module docstring)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    def answers(records: dict) -> dict:
        return {k: record_answer(v) for k, v in records.items()}

    g.graph.update(_plain({"ladders": answers(reg.ladders), "sources": answers(reg.sources),
                           "purposes": answers(reg.purposes), "hash": reg.index.get("hash") or ""}))
    for ref, lev in reg.levels.items():
        g.add_node(ref, type="level", **_plain({k: v for k, v in record_answer(lev).items() if k != "ref"}))
    if any(not r.from_ for r in reg.rules.values()):
        g.add_node(ENTRY, type="entry", zh="（无前置等级）", en="(no prior level)")
    for rid, rule in reg.rules.items():
        data = _plain({k: v for k, v in record_answer(rule).items() if k not in ("id", "from", "to")})
        for target in rule.to:
            g.add_edge(rule.from_ or ENTRY, target, key=rid, rule=rid, **data)
    return g


# -- JSON ----------------------------------------------------------------------------------------

def graph_to_json(g) -> dict:
    return {"schema_version": SCHEMA_VERSION, **JSON_FORMAT, "graph": dict(g.graph),
            "nodes": [{"id": n, "data": dict(d)} for n, d in g.nodes(data=True)],
            "edges": [{"source": u, "target": v, "key": k, "data": dict(d)}
                      for u, v, k, d in g.edges(keys=True, data=True)]}


def graph_from_json(data):
    """The MultiDiGraph of a JSON export (a dict, or its text)."""
    import networkx as nx

    if isinstance(data, (str, bytes)):
        data = json.loads(data)
    if data.get("format") != JSON_FORMAT["format"]:
        raise ValueError("not an equivalence graph export (format != 'equivalence-graph')")
    g = nx.MultiDiGraph()
    g.graph.update(data["graph"])
    for n in data["nodes"]:
        g.add_node(n["id"], **n["data"])
    for e in data["edges"]:
        g.add_edge(e["source"], e["target"], key=e["key"], **e["data"])
    return g


# -- GraphML -------------------------------------------------------------------------------------

def _scalars(data: dict) -> dict:
    out = {}
    for k, v in data.items():
        if v is None:
            continue
        out[k] = json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
    return out


def to_graphml(g) -> str:
    import networkx as nx

    flat = nx.MultiDiGraph()
    flat.graph.update(_scalars(g.graph))
    for n, d in g.nodes(data=True):
        flat.add_node(n, **_scalars(d))
    for u, v, k, d in g.edges(keys=True, data=True):
        flat.add_edge(u, v, key=k, **_scalars(d))
    return "\n".join(nx.generate_graphml(flat, encoding="utf-8", prettyprint=True)) + "\n"


# -- pictures ------------------------------------------------------------------------------------

DOT_STYLE = {"counts_as": "dashed", "derived": "dotted", "promotion": "bold"}
MERMAID_ARROW = {"counts_as": "-.->", "derived": "-.->", "promotion": "==>"}


def _label(g, node, lang):
    d = g.nodes[node]
    return d.get(lang) or d.get("zh") or node


def _clusters(g):
    """(ladder id, ladder record, level refs) in registry order, plus the entry node if any."""
    for lid, lad in g.graph["ladders"].items():
        yield lid, lad, [r for r in lad["levels"] if r in g]


def _dot_q(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(g, lang: str = "zh") -> str:
    lines = ["digraph equivalence {", "  rankdir=LR;", "  node [shape=box, fontsize=10];",
             "  edge [fontsize=8];"]
    for lid, lad, refs in _clusters(g):
        lines.append(f"  subgraph {_dot_q('cluster_' + lid)} {{")
        lines.append(f"    label={_dot_q(lad.get(lang) or lad['zh'])};")
        for ref in refs:
            lines.append(f"    {_dot_q(ref)} [label={_dot_q(_label(g, ref, lang))}];")
        lines.append("  }")
    if ENTRY in g:
        lines.append(f"  {_dot_q(ENTRY)} [label={_dot_q(_label(g, ENTRY, lang))}, shape=ellipse];")
    for u, v, k, d in g.edges(keys=True, data=True):
        attrs = [f"label={_dot_q(KIND_WORDS[lang][d['kind']])}", f"tooltip={_dot_q(k)}"]
        if d["kind"] in DOT_STYLE:
            attrs.append(f"style={DOT_STYLE[d['kind']]}")
        if d.get("bidirectional"):
            attrs.append("dir=both")
        lines.append(f"  {_dot_q(u)} -> {_dot_q(v)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_text(text: str) -> str:
    return '"' + str(text).replace('"', "#quot;").replace("\n", " ") + '"'


def to_mermaid(g, lang: str = "zh") -> str:
    ids = {n: f"n{i}" for i, n in enumerate(g.nodes)}  # Mermaid ids: plain ASCII words
    lines = ["flowchart LR"]
    for i, (lid, lad, refs) in enumerate(_clusters(g)):
        lines.append(f"  subgraph L{i}[{_mermaid_text(lad.get(lang) or lad['zh'])}]")
        for ref in refs:
            lines.append(f"    {ids[ref]}[{_mermaid_text(_label(g, ref, lang))}]")
        lines.append("  end")
    if ENTRY in g:
        lines.append(f"  {ids[ENTRY]}([{_mermaid_text(_label(g, ENTRY, lang))}])")
    for u, v, k, d in g.edges(keys=True, data=True):
        arrow = MERMAID_ARROW.get(d["kind"], "-->")
        if d.get("bidirectional"):
            arrow = "<" + arrow
        lines.append(f"  {ids[u]} {arrow}|{_mermaid_text(KIND_WORDS[lang][d['kind']])}| {ids[v]}")
    return "\n".join(lines) + "\n"


def export_text(reg: Registry, fmt: str, lang: str = "zh") -> str:
    """The whole graph of ``reg`` as text in ``fmt`` (json, graphml, dot, mermaid)."""
    g = build_graph(reg)
    if fmt == "json":
        return json.dumps(graph_to_json(g), ensure_ascii=False, indent=1) + "\n"
    if fmt == "graphml":
        return to_graphml(g)
    if fmt == "dot":
        return to_dot(g, lang)
    if fmt == "mermaid":
        return to_mermaid(g, lang)
    raise ValueError(f"unknown export format '{fmt}' (known: {', '.join(FORMATS)})")

"""Pictures: the ladder chart and the route chart are well-formed SVG (and HTML around it), and
every level and rule they draw is in the graph, drawn in the style of its kind."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from conftest import SHIPPED
from equivalence.chart import KIND_STYLE, html_page, ladder_chart, route_chart, tier_anchors
from equivalence.cli import cli
from equivalence.planner import find_path
from equivalence.profile import build_profile

SVG = "{http://www.w3.org/2000/svg}"


def parse(text: str) -> ET.Element:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == SVG + "svg"
    return root


def levels_drawn(root) -> list[str]:
    return [e.get("data-level") for e in root.iter() if e.get("data-level") and e.get("data-held") is None
            and e.get("data-step") is None and e.get("data-alt") is None]


def rules_drawn(root) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("data-rule") and e.get("data-from") is not None]


def texts(root) -> str:
    return " ".join("".join(e.itertext()) for e in root.iter(SVG + "text"))


def check_ladder_chart(reg, root, ladders):
    drawn = levels_drawn(root)
    assert len(drawn) == len(set(drawn)), "a level is drawn twice"
    assert set(drawn) == {r for lid in ladders for r in reg.ladders[lid].levels}
    rules = rules_drawn(root)
    assert rules
    for g in rules:
        rule = reg.rules[g.get("data-rule")]  # a real rule
        assert g.get("data-kind") == rule.kind
        assert g.get("data-from") == rule.from_ and rule.from_ in drawn
        for t in g.get("data-to").split():
            assert t in rule.to and t in drawn
        style = KIND_STYLE[rule.kind]
        line = g.findall(SVG + "path")[-1]  # the line itself (a range has its bracket first)
        assert line.get("stroke") == style["stroke"]
        assert float(line.get("stroke-width")) == pytest.approx(style["width"])
        assert (line.get("stroke-dasharray") or "") == style["dash"]
    return drawn, rules


def test_default_chart_shows_every_rule_between_its_levels(real):
    root = parse(ladder_chart(real))
    ladders = ["post_skill", "skill", "eng", "tier", "post_tech"]
    drawn, rules = check_ladder_chart(real, root, ladders)
    shown = {g.get("data-rule") for g in rules}
    # every rule (not derived) with both ends on the chart is drawn
    expected = {r.id for r in real.rules.values() if r.kind != "derived" and r.from_ in drawn
                and any(t in drawn for t in r.to)}
    assert shown == expected
    kinds = {g.get("data-kind") for g in rules}
    assert kinds == {"promotion", "apply", "treated_as", "counts_as", "post"}
    assert "bridge-pilot2018-technician-to-eng-intermediate" in shown and "inst-post-tier-intermediate" in shown
    assert "工程师" in texts(root) and "专业技术八级" in texts(root)


def test_derived_rules_only_when_asked(real):
    plain = {g.get("data-kind") for g in rules_drawn(parse(ladder_chart(real)))}
    root = parse(ladder_chart(real, include_derived=True))
    check_ladder_chart(real, root, ["post_skill", "skill", "eng", "tier", "post_tech"])
    assert "derived" not in plain
    assert "derived" in {g.get("data-kind") for g in rules_drawn(root)}


def box_y(root, ref):
    g = next(e for e in root.iter() if e.get("data-level") == ref)
    rect = g.find(SVG + "rect")
    return float(rect.get("y")), float(rect.get("y")) + float(rect.get("height"))


def test_levels_sit_at_their_tier(real):
    root = parse(ladder_chart(real))
    # 工程师 counts as 中级; 技师 is treated as 中级; 中级 maps to posts 八–十级: all within 中级's band
    top, bottom = box_y(root, "tier.intermediate")
    for ref in ("eng.intermediate", "skill.technician", "post_tech.p8", "post_tech.p10"):
        y0, y1 = box_y(root, ref)
        assert top - 0.01 <= y0 and y1 <= bottom + 0.01, ref
    # higher ranks are higher up (smaller y) in every column
    for lid in ("skill", "post_tech", "post_skill"):
        ys = [box_y(root, r)[0] for r in real.ladders[lid].levels]
        assert ys == sorted(ys, reverse=True), lid
    anchors = tier_anchors(real, ["skill", "post_skill"])
    assert anchors["skill.senior_technician"] == 4 and anchors["post_skill.w1"] == 4
    assert "skill.junior" not in anchors  # no rule ties 初级工 to a title tier


def test_chosen_ladders_english_labels(tiny):
    root = parse(ladder_chart(tiny, ["职业技能等级", "en", "tt"], lang="en"))
    check_ladder_chart(tiny, root, ["sk", "en", "tt"])
    words = texts(root)
    assert "Technician" in words and "Engineer" in words and "Vocational skill grades" in words
    assert not re.search(r"[\u4e00-\u9fff]", words)  # no Chinese label left
    legend = texts(root)
    assert "may apply for" in legend


def test_text_is_escaped(tiny):
    svg = ladder_chart(tiny, ["sk"], title='<b>"A & B"</b>')
    root = parse(svg)
    assert root.find(SVG + "title").text == '<b>"A & B"</b>'


def test_html_page_holds_the_svg(tiny):
    svg = ladder_chart(tiny, ["sk", "en", "tt", "pt"])
    page = html_page(svg, title="图 & 表")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert svg in page and "图 &amp; 表" in page
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing fetched from elsewhere
    start = page.index("<svg")
    check_ladder_chart(tiny, parse(page[start:page.index("</svg>", start) + 6]), ["sk", "en", "tt", "pt"])


def test_route_chart_one_marker_per_step(real):
    profile = build_profile(real, ["高级工"], education="大专", as_of="2026-12-01")
    answer = find_path(real, profile, [real.level("高级工程师").ref], alternatives=2)
    root = parse(route_chart(real, answer))
    steps = [e for e in root.iter() if e.get("data-step") is not None]
    assert [int(e.get("data-step")) for e in steps] == list(range(len(answer.steps)))
    for e, s in zip(steps, answer.steps):
        assert e.get("data-level") == s.level.id and e.get("data-rule") == s.rule
        assert e.get("data-level") in real.levels and e.get("data-rule") in real.rules
        assert e.find(SVG + "circle") is not None
    held = [e.get("data-level") for e in root.iter() if e.get("data-held")]
    assert held == ["skill.senior", "edu.junior_college"]
    for e in root.iter():
        if e.get("data-rule"):
            assert e.get("data-rule") in real.rules
        if e.get("data-level"):
            assert e.get("data-level") in real.levels
    assert any(e.get("data-alt") for e in root.iter())  # alternatives, faint
    words = texts(root)
    assert "高级技师" in words and "2038-12-01" in words and "bridge-pilot2018-senior-technician-to-eng-associate-senior" in words



def test_route_chart_from_a_credential_held_before_the_plan_date(real):
    """A step carried from a credential held years ago says its years with one sign (-6.58, not +-6.58);
    the alternatives' faint names do not pile up where their steps all sit at +0."""
    from equivalence.chart import text_width

    profile = build_profile(real, ["一级建造师@2020-05-01"], education="本科", as_of="2026-12-01")
    answer = find_path(real, profile, [real.level("高级工程师").ref], alternatives=2)
    assert answer.steps[0].year < 0 and answer.alternatives
    root = parse(route_chart(real, answer))
    words = texts(root)
    assert "2020-05-01 · -6.58 年" in words and "+-" not in words
    faint = {}  # the faint names above each lane's line: (y, x, width)
    for g in root.iter(SVG + "g"):
        if g.get("data-alt"):
            for t in g.iter(SVG + "text"):
                name = "".join(t.itertext())
                faint.setdefault(t.get("y"), []).append((float(t.get("x")), text_width(name, 9.5)))
    assert faint
    for spans in faint.values():
        spans.sort()
        assert all(x1 - w1 / 2 >= x0 + w0 / 2 for (x0, w0), (x1, w1) in zip(spans, spans[1:]))


# -- the command line ---------------------------------------------------------------------------

def test_cli_chart_svg_and_html(runner, tmp_path, real):
    out = tmp_path / "chart.svg"
    result = runner.invoke(cli, ["--mappings", str(SHIPPED), "chart", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<?xml")
    check_ladder_chart(real, parse(text.split("\n", 1)[1]), ["post_skill", "skill", "eng", "tier", "post_tech"])
    page = tmp_path / "chart.html"
    result = runner.invoke(cli, ["--mappings", str(SHIPPED), "chart", "职业技能等级", "职称层级", "-o", str(page),
                                 "--lang", "en", "--include-derived"])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    start = html.index("<svg")
    root = parse(html[start:html.index("</svg>", start) + 6])
    check_ladder_chart(real, root, ["skill", "tier"])
    assert "Senior technician" in texts(root)


def test_cli_chart_errors(runner, tmp_path):
    result = runner.invoke(cli, ["--mappings", str(SHIPPED), "chart", "-o", str(tmp_path / "chart.png"), "--lang", "en"])
    assert result.exit_code == 1 and "Error:" in result.stderr and ".svg or .html" in result.stderr
    assert not (tmp_path / "chart.png").exists()
    result = runner.invoke(cli, ["--mappings", str(SHIPPED), "chart", "没有这个序列", "-o", str(tmp_path / "c.svg")])
    assert result.exit_code == 1 and "Error:" in result.stderr
    result = runner.invoke(cli, ["--mappings", str(SHIPPED), "chart"])
    assert result.exit_code == 2  # -o is required


def test_cli_path_chart(runner, tmp_path, real):
    out = tmp_path / "plan.svg"
    result = runner.invoke(cli, ["--mappings", str(SHIPPED), "path", "高级工", "高级工程师", "--education", "大专",
                                 "--as-of", "2026-12-01", "--format", "json", "--chart", str(out)])
    assert result.exit_code == 0, result.output
    import json

    answer = json.loads(result.stdout)  # the normal output is unchanged
    root = parse(out.read_text(encoding="utf-8").split("\n", 1)[1])
    steps = [e for e in root.iter() if e.get("data-step") is not None]
    assert len(steps) == len(answer["steps"]) == 3
    bad = runner.invoke(cli, ["--mappings", str(SHIPPED), "path", "高级工", "高级工程师", "--chart", str(tmp_path / "p.pdf")])
    assert bad.exit_code == 1 and "Error:" in bad.stderr


def test_every_ladder_charts(real):
    """Each shipped ladder, next to the title tiers: well-formed, and only real levels and rules."""
    ids = list(real.ladders)
    for i in range(0, len(ids), 6):
        group = ids[i:i + 6]
        root = parse(ladder_chart(real, group, include_derived=True, lang="en" if i % 12 else "zh"))
        drawn = levels_drawn(root)
        assert set(drawn) == {r for lid in group for r in real.ladders[lid].levels}
        for g in rules_drawn(root):
            rule = real.rules[g.get("data-rule")]
            assert rule.from_ in drawn and set(g.get("data-to").split()) <= set(rule.to) & set(drawn)

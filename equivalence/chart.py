"""Pictures of the rules: ladders side by side with the rules between them, and one worker's route.

Pure functions from the registry (or a :func:`~equivalence.planner.find_path` answer) to SVG text,
written by hand (no drawing library): :func:`ladder_chart` and :func:`route_chart`; :func:`html_page`
wraps either in a self-contained HTML page with a legend. Every level drawn carries
``data-level="REF"`` and every rule ``data-rule="RULE_ID"`` (with ``data-kind``, ``data-from`` and
``data-to``), so a program can read back what a picture shows.

Vertical alignment: a level sits in the band of the title tier (the ``title_tier`` ladder) that the
rules tie it to — a ``counts_as`` / ``treated_as`` / ``post`` chain to a tier (``derived`` too with
``include_derived``), else a direct rule of those kinds to a level already placed. Levels no rule
ties to a tier keep their order by rank: above the nearest tied level below them, or in the
"not tied to a tier" bands at the bottom and top, drawn with a white, dashed box.
"""

from __future__ import annotations

import math
from html import escape

from .describe import KIND_WORDS, LIST_SEP, one_year
from .errors import EquivalenceError
from .records import Rule
from .registry import Registry

FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
DEFAULT_LADDERS = ("post_skill", "skill", "eng", "tier", "post_tech")
KIND_ORDER = ("promotion", "apply", "treated_as", "counts_as", "post", "derived")
# Line style by rule kind: colour, width, dash pattern ("" = solid).
KIND_STYLE = {
    "promotion": {"stroke": "#374151", "width": 1.4, "dash": ""},
    "apply": {"stroke": "#1d4ed8", "width": 1.5, "dash": "7 4"},
    "treated_as": {"stroke": "#c2410c", "width": 2.0, "dash": "0.5 4"},
    "counts_as": {"stroke": "#15803d", "width": 1.6, "dash": ""},
    "post": {"stroke": "#7e22ce", "width": 3.6, "dash": ""},
    "derived": {"stroke": "#9ca3af", "width": 1.4, "dash": "2 3"},
}
KIND_MEANING = {
    "zh": {"promotion": "同一序列内的晋升（满足条件后）", "apply": "持有 A 可申报 B",
           "treated_as": "A 比照 B 享受待遇", "counts_as": "A 视同 / 对应 B",
           "post": "A 可聘任 B 岗位", "derived": "文件未明确规定的比较（如同一工资档）"},
    "en": {"promotion": "next level in the same ladder, after the conditions", "apply": "holding A, a worker may apply for B",
           "treated_as": "A is treated as B for pay and benefits", "counts_as": "A counts as B",
           "post": "A may be appointed to posts B", "derived": "a comparison no document states (e.g. equal wage bands)"},
}
WORDS = {
    "zh": {"untied": "未对应职称层级", "untied_box": "无规则对应职称层级的等级", "chart": "等级对应关系图",
           "route": "晋升路线", "held": "已持有", "year": "年", "target": "目标", "alt": "备选路线",
           "hover": "将鼠标停在线条或方框上可查看规则编号与说明。", "legend": "图例", "kinds": "关系",
           "meaning": "含义", "tied_box": "有规则对应职称层级的等级", "years": "距计划日期（年）"},
    "en": {"untied": "not tied to a tier", "untied_box": "level no rule ties to a title tier", "chart": "Equivalence chart",
           "route": "Route", "held": "held", "year": "yr", "target": "target", "alt": "alternative route",
           "hover": "Hover over a line or a box to see the rule id and what it says.", "legend": "Legend",
           "kinds": "Relation", "meaning": "Meaning", "tied_box": "Title tier: level tied to it by a rule", "years": "years from the plan date"},
}

# Geometry of the ladder chart (pixels).
ROW = 34          # height of one row of a band
INNER = 6         # gap between two boxes in one band
BAND_GAP = 18     # gap between bands (lines that skip a column run through it)
COL_GAP = 136     # horizontal space between two columns
LEFT = 110        # tier labels
TOP = 92          # title and column heads
STRIP = 5         # distance between parallel promotion arrows


# -- text ---------------------------------------------------------------------------------------

def _wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def text_width(text: str, size: float) -> float:
    """Approximate rendered width: CJK characters are square, Latin ones about half as wide."""
    return sum(size if _wide(c) else size * 0.56 for c in text)


def wrap(text: str, size: float, width: float, max_lines: int = 2, min_size: float = 9.0):
    """Lines of ``text`` that fit ``width`` and the font size used (shrunk down to ``min_size``)."""
    while True:
        lines = _wrap_once(text, size, width)
        if len(lines) <= max_lines or size <= min_size:
            break
        size -= 0.5
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and text_width(last + "…", size) > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines, size


def _wrap_once(text: str, size: float, width: float) -> list[str]:
    # Tokens: words (with their trailing space) for Latin text, single characters for CJK.
    tokens, word = [], ""
    for ch in text:
        if _wide(ch):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        else:
            word += ch
            if ch == " ":
                tokens.append(word)
                word = ""
    if word:
        tokens.append(word)
    lines, cur = [], ""
    for tok in tokens:
        if cur and text_width((cur + tok).rstrip(), size) > width:
            lines.append(cur.rstrip())
            cur = tok.lstrip()
        else:
            cur += tok
    if cur.strip():
        lines.append(cur.rstrip())
    return lines or [""]


def _a(value) -> str:
    """An attribute value, escaped (quotes included)."""
    return escape(str(value), quote=True)


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _text(x, y, lines, size, *, anchor="middle", weight=None, fill="#111827", cls=None, halo=False) -> str:
    """A <text> of one or more lines centred vertically on y."""
    lh = size * 1.25
    y0 = y - lh * (len(lines) - 1) / 2 + size * 0.35
    attrs = f'x="{_num(x)}" y="{_num(y0)}" font-size="{_num(size)}" text-anchor="{anchor}" fill="{fill}"'
    if weight:
        attrs += f' font-weight="{weight}"'
    if cls:
        attrs += f' class="{cls}"'
    if halo:  # a white outline under the glyphs keeps a label legible where a line crosses it
        attrs += ' stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'
    if len(lines) == 1:
        return f"<text {attrs}>{escape(lines[0], quote=False)}</text>"
    spans = "".join(f'<tspan x="{_num(x)}" dy="{0 if i == 0 else _num(lh)}">{escape(line, quote=False)}</tspan>'
                    for i, line in enumerate(lines))
    return f"<text {attrs}>{spans}</text>"


def _style(kind: str, dashed: bool = True) -> str:
    s = KIND_STYLE[kind]
    out = f'stroke="{s["stroke"]}" stroke-width="{_num(s["width"])}" fill="none"'
    if s["dash"] and dashed:
        out += f' stroke-dasharray="{s["dash"]}"'
    if kind == "treated_as":
        out += ' stroke-linecap="round"'
    return out


def _markers() -> str:
    out = []
    for kind, s in KIND_STYLE.items():
        out.append(f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
                   f'markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
                   f'<path d="M0,1 L10,5 L0,9 z" fill="{s["stroke"]}"/></marker>')
    return "<defs>" + "".join(out) + "</defs>"


def _svg_open(width: float, height: float, title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(width)}" height="{_num(height)}" '
            f'viewBox="0 0 {_num(width)} {_num(height)}" font-family="{_a(FONT)}" role="img">'
            f"<title>{escape(title, quote=False)}</title>{_markers()}"
            f'<rect x="0" y="0" width="{_num(width)}" height="{_num(height)}" fill="#ffffff"/>')


# -- ladder chart: placement --------------------------------------------------------------------

def tier_ladder(reg: Registry) -> str | None:
    """The id of the title-tier ladder (the 职称层级 the chart aligns on), or None."""
    if "tier" in reg.ladders and reg.ladders["tier"].kind == "title_tier":
        return "tier"
    return next((lid for lid, lad in reg.ladders.items() if lad.kind == "title_tier"), None)


def _tie_kinds(include_derived: bool) -> tuple:
    return ("counts_as", "treated_as", "post") + (("derived",) if include_derived else ())


def tier_anchors(reg: Registry, ladders: list[str], include_derived: bool = False) -> dict[str, int]:
    """The title tier (index into the tier ladder, from 1) each level of ``ladders`` is tied to.

    A level is tied where a counts_as / treated_as / post chain (see :func:`find_equivalents`) leads
    to or from a tier, else where one such rule links it to a level already tied; ties that would
    put a higher level of a ladder below a lower one are dropped.
    """
    from .lookup import find_equivalents, rule_usable

    tl = tier_ladder(reg)
    if tl is None:
        return {}
    tier_index = {ref: i + 1 for i, ref in enumerate(reg.ladders[tl].levels)}
    kinds = _tie_kinds(include_derived)
    prefer = {k: i for i, k in enumerate(kinds)}
    anchors: dict[str, int] = {}
    for lid in ladders:
        for ref in reg.ladders[lid].levels:
            if ref in tier_index:
                anchors[ref] = tier_index[ref]
                continue
            found = find_equivalents(reg, ref, to=[tl], kinds=list(kinds), include_derived=include_derived).results
            if found:
                best = min(found, key=lambda r: (prefer[r.kind], tier_index[r.level.id]))
                anchors[ref] = tier_index[best.level.id]
    # Second pass: one direct rule to a level already tied (工勤技能岗位 技术工一级 ← post ← 高级技师).
    drawn = {ref for lid in ladders for ref in reg.ladders[lid].levels}
    changed = True
    while changed:
        changed = False
        for ref in sorted(drawn - set(anchors), key=lambda r: (r not in reg.index["out"], r)):
            ties = []
            for rid in list(reg.index["out"].get(ref, ())) + list(reg.index["in"].get(ref, ())):
                rule = reg.rules[rid]
                if rule.kind not in kinds or not rule_usable(reg, rule, as_of=None, include_derived=include_derived):
                    continue
                ends = rule.to if rule.from_ == ref else [rule.from_]
                ties.extend((prefer[rule.kind], anchors[e]) for e in ends if e in anchors and e in drawn)
            if ties:
                anchors[ref] = min(ties)[1]
                changed = True
    # A ladder reads upwards: drop a tie that would put a higher level below a lower one.
    for lid in ladders:
        last = 0
        for ref in reg.ladders[lid].levels:
            if ref in anchors:
                if anchors[ref] < last:
                    del anchors[ref]
                else:
                    last = anchors[ref]
    return anchors


def _bands(reg: Registry, ladders: list[str], anchors: dict[str, int], n_tiers: int) -> dict[str, int]:
    """The band of every level: its tier, or (untied) that of the nearest tied level below it;
    0 below the lowest tie (or in a ladder with none), n_tiers + 1 above the highest."""
    band = {}
    for lid in ladders:
        refs = reg.ladders[lid].levels
        tied = [i for i, r in enumerate(refs) if r in anchors]
        for i, ref in enumerate(refs):
            if ref in anchors:
                band[ref] = anchors[ref]
                continue
            below = [j for j in tied if j < i]
            above = [j for j in tied if j > i]
            if not below:
                band[ref] = 0
            elif not above:
                band[ref] = n_tiers + 1
            else:
                band[ref] = anchors[refs[below[-1]]]
    return band


class _Layout:
    """Boxes (x, y, w, h) of every level, the bands' vertical extent and the column positions."""

    def __init__(self, reg: Registry, ladders: list[str], anchors: dict[str, int], lang: str):
        self.reg, self.ladders, self.lang = reg, ladders, lang
        tl = tier_ladder(reg)
        self.tiers = list(reg.ladders[tl].levels) if tl else []
        n = len(self.tiers)
        self.band_of = _bands(reg, ladders, anchors, n)
        self.anchored = set(anchors)
        counts: dict[int, int] = {}
        for lid in ladders:
            per: dict[int, int] = {}
            for ref in reg.ladders[lid].levels:
                per[self.band_of[ref]] = per.get(self.band_of[ref], 0) + 1
            for b, c in per.items():
                counts[b] = max(counts.get(b, 0), c)
        self.bands = [b for b in range(0, n + 2) if counts.get(b) or 1 <= b <= n]
        self.rows = {b: max(counts.get(b, 0), 1) for b in self.bands}
        self.box_w = 132 if lang == "zh" else 172
        # Bands from the top (highest) down.
        y = TOP
        self.band_y: dict[int, tuple[float, float]] = {}
        for b in sorted(self.bands, reverse=True):
            h = self.rows[b] * ROW + (self.rows[b] - 1) * INNER
            self.band_y[b] = (y, y + h)
            y += h + BAND_GAP
        self.bottom = y - BAND_GAP
        self.col_x = {lid: LEFT + 40 + i * (self.box_w + COL_GAP) for i, lid in enumerate(ladders)}
        self.col_index = {lid: i for i, lid in enumerate(ladders)}
        self.width = LEFT + 40 + len(ladders) * self.box_w + (len(ladders) - 1) * COL_GAP + 60
        self.box: dict[str, tuple[float, float, float, float]] = {}
        for lid in ladders:
            by_band: dict[int, list[str]] = {}
            for ref in reg.ladders[lid].levels:
                by_band.setdefault(self.band_of[ref], []).append(ref)
            for b, refs in by_band.items():
                top, bottom = self.band_y[b]
                k = len(refs)
                h = (bottom - top - (k - 1) * INNER) / k
                if b == 0 or b > len(self.tiers):
                    h = min(h, ROW)  # not tied to a tier: nothing to span, so no tall boxes
                for i, ref in enumerate(refs):  # low to high: the first at the bottom
                    if b == 0:  # below the tiers: hang from the band's top, next to the levels above
                        y0 = top + (k - 1 - i) * (h + INNER)
                    else:
                        y0 = bottom - i * (h + INNER) - h
                    self.box[ref] = (self.col_x[lid], y0, self.box_w, h)

    def gaps(self) -> list[float]:
        """The y of the middle of every gap between bands, and just above and below them all."""
        tops = sorted(self.band_y.values())
        out = [tops[0][0] - BAND_GAP / 2]
        out += [(a[1] + b[0]) / 2 for a, b in zip(tops, tops[1:])]
        out.append(tops[-1][1] + BAND_GAP / 2)
        return out


# -- ladder chart: drawing ----------------------------------------------------------------------

def chart_rules(reg: Registry, drawn: set[str], include_derived: bool = False) -> list[Rule]:
    """The rules a chart of the levels ``drawn`` shows: those with both ends drawn (promotions too)."""
    out = []
    for rule in reg.rules.values():
        if rule.kind == "derived" and not include_derived:
            continue
        if rule.from_ not in drawn:
            continue
        if any(t in drawn for t in rule.to):
            out.append(rule)
    return out


def ladder_chart(reg: Registry, ladders: list[str] | None = None, *, lang: str = "zh",
                 include_derived: bool = False, legend: bool = True, title: str | None = None) -> str:
    """SVG text: the ladders side by side (levels as boxes, aligned on the title tiers) and the
    rules between them, line style by kind.

    Parameters
    ----------
    ladders : ladder ids or names, left to right (default: DEFAULT_LADDERS, those present).

    Raises
    ------
    UnknownLadderError
    """
    if ladders:
        ids = list(dict.fromkeys(reg.ladder(name).id for name in ladders))
    else:
        ids = [lid for lid in DEFAULT_LADDERS if lid in reg.ladders] or list(reg.ladders)[:5]
    anchors = tier_anchors(reg, ids, include_derived)
    lay = _Layout(reg, ids, anchors, lang)
    drawn = set(lay.box)
    rules = chart_rules(reg, drawn, include_derived)
    words = WORDS[lang]
    if title is None:
        title = " · ".join(reg.ladder_name(lid, lang) for lid in ids) + (" — " if lang == "en" else "：") + words["chart"]

    body: list[str] = []
    # Bands: stripes across the chart with the tier's name on the left.
    for b in lay.bands:
        top, bottom = lay.band_y[b]
        untied = b == 0 or b > len(lay.tiers)
        fill = "#f8fafc" if untied else ("#eef2ff" if b % 2 else "#f5f7ff")
        body.append(f'<rect x="8" y="{_num(top - 4)}" width="{_num(lay.width - 16)}" height="{_num(bottom - top + 8)}" '
                    f'fill="{fill}" rx="4"/>')
        label = words["untied"] if untied else reg.name(lay.tiers[b - 1], lang)
        lines, size = wrap(label, 13 if not untied else 11, LEFT - 20, 3)
        body.append(_text(16, (top + bottom) / 2, lines, size, anchor="start",
                          weight=None if untied else "bold", fill="#6b7280" if untied else "#3730a3",
                          cls="band-label"))
    # Column heads.
    for lid in ids:
        lines, size = wrap(reg.ladder_name(lid, lang), 14, lay.box_w + 40, 2)
        body.append(_text(lay.col_x[lid] + lay.box_w / 2, TOP - 26, lines, size, weight="bold", cls="ladder-head"))

    body.extend(_draw_rules(reg, lay, rules, lang))
    # Boxes last, over the lines' ends.
    for lid in ids:
        for ref in reg.ladders[lid].levels:
            x, y, w, h = lay.box[ref]
            lev = reg.levels[ref]
            tied = ref in lay.anchored
            stroke = "#4338ca" if tied else "#9ca3af"
            fill = "#ffffff" if not tied else ("#e0e7ff" if reg.ladders[lid].kind == "title_tier" else "#f8faff")
            dash = "" if tied else ' stroke-dasharray="4 3"'
            max_lines = max(1, min(3, int((h - 4) // 13)))
            lines, size = wrap(getattr(lev, lang), 13 if lang == "zh" else 12, w - 12, max_lines)
            tip = f"{getattr(lev, lang)} · {reg.ladder_name(lid, lang)} · {ref}"
            body.append(f'<g data-level="{_a(ref)}" class="level{"" if tied else " untied"}"><title>{escape(tip, quote=False)}</title>'
                        f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" rx="5" fill="{fill}" '
                        f'stroke="{stroke}" stroke-width="1.2"{dash}/>'
                        + _text(x + w / 2, y + h / 2, lines, size) + "</g>")
    height = lay.bottom + 20
    if legend:
        leg, leg_h = _legend(lang, 24, height + 6, lay.width - 48, [r.kind for r in rules])
        body.append(leg)
        height += leg_h + 12
    head = _text(24, 28, [title], 17, anchor="start", weight="bold", cls="chart-title")
    return _svg_open(lay.width, height, title) + head + "".join(body) + "</svg>"


def _draw_rules(reg: Registry, lay: _Layout, rules: list[Rule], lang: str) -> list[str]:
    """Lines between columns (S-curves; through the gaps between bands when a column lies between)
    and promotion arrows beside each column."""
    out: list[str] = []
    # 1. Promotions (and any rule inside one column): short arrows in a strip left of the column.
    lanes: dict[str, int] = {}
    edges = []  # (rule, src ref, [dst refs in one column])
    for rule in sorted(rules, key=lambda r: (KIND_ORDER.index(r.kind), r.id)):
        src = rule.from_
        by_col: dict[str, list[str]] = {}
        for t in rule.to:
            if t in lay.box:
                by_col.setdefault(reg.levels[t].ladder, []).append(t)
        for lid, dsts in by_col.items():
            if lid == reg.levels[src].ladder:
                for dst in dsts:
                    out.append(_promotion(reg, lay, rule, src, dst, lanes))
            else:
                edges.append((rule, src, sorted(dsts, key=lambda r: reg.levels[r].rank)))
    # 2. Attachment points: spread the lines that meet one side of a box along it, in the order of
    #    the other end's height (fewer crossings).
    def centre(ref):
        x, y, w, h = lay.box[ref]
        return y + h / 2

    def dst_centre(dsts):
        return sum(centre(d) for d in dsts) / len(dsts)

    sides: dict[tuple, list] = {}
    plan = []
    for n, (rule, src, dsts) in enumerate(edges):
        right = lay.col_index[reg.levels[dsts[0]].ladder] > lay.col_index[reg.levels[src].ladder]
        s_side = (src, "r" if right else "l")
        d_key = (tuple(dsts), "l" if right else "r")
        sides.setdefault(s_side, []).append((dst_centre(dsts), n))
        if len(dsts) == 1:
            sides.setdefault((dsts[0], d_key[1]), []).append((centre(src), n))
        plan.append((rule, src, dsts, right))
    attach: dict[tuple, float] = {}
    for (ref, side), items in sides.items():
        x, y, w, h = lay.box[ref]
        items.sort()
        for i, (_, n) in enumerate(items):
            attach[(n, ref)] = y + 4 + (h - 8) * (i + 1) / (len(items) + 1)
    # 3. Brackets for ranges (a post rule to 专业技术岗位 七级..五级): one line to the bracket's middle.
    bracket_count: dict[tuple, int] = {}
    gap_use: dict[float, int] = {}
    gaps = lay.gaps()
    for n, (rule, src, dsts, right) in enumerate(plan):
        kind = rule.kind
        sx, sy, sw, sh = lay.box[src]
        x0 = sx + sw if right else sx
        y0 = attach[(n, src)]
        dx, _, dw, _ = lay.box[dsts[0]]
        near = dx if right else dx + dw
        pieces = []
        if len(dsts) == 1:
            x1, y1 = near, attach[(n, dsts[0])]
        else:
            key = (reg.levels[dsts[0]].ladder, "l" if right else "r")
            k = bracket_count.get(key, 0)
            bracket_count[key] = k + 1
            off = 6 + 4 * k
            bx = near - off if right else near + off
            top = lay.box[dsts[-1]][1] + 3
            bottom = lay.box[dsts[0]][1] + lay.box[dsts[0]][3] - 3
            tick = 4 if right else -4
            pieces.append(f'<path d="M{_num(bx + tick)},{_num(top)} L{_num(bx)},{_num(top)} L{_num(bx)},{_num(bottom)} '
                          f'L{_num(bx + tick)},{_num(bottom)}" {_style(kind, dashed=False)}/>')
            x1, y1 = bx, (top + bottom) / 2
        span = abs(lay.col_index[reg.levels[dsts[0]].ladder] - lay.col_index[reg.levels[src].ladder])
        sgn = 1 if right else -1
        if span == 1:
            mid = (x1 - x0) / 2
            d = f"M{_num(x0)},{_num(y0)} C{_num(x0 + mid)},{_num(y0)} {_num(x1 - mid)},{_num(y1)} {_num(x1)},{_num(y1)}"
        else:
            # Through the gap between bands nearest the two ends, in a lane of its own.
            g = min(gaps, key=lambda v: (abs(v - (y0 + y1) / 2), v))
            lane = gap_use.get(g, 0)
            gap_use[g] = lane + 1
            yg = g + ((lane % 5) - 2) * 3
            xa, xb = x0 + sgn * 50, x1 - sgn * 50
            d = (f"M{_num(x0)},{_num(y0)} C{_num(x0 + sgn * 30)},{_num(y0)} {_num(xa - sgn * 25)},{_num(yg)} "
                 f"{_num(xa)},{_num(yg)} L{_num(xb)},{_num(yg)} C{_num(xb + sgn * 25)},{_num(yg)} "
                 f"{_num(x1 - sgn * 30)},{_num(y1)} {_num(x1)},{_num(y1)}")
        start = ' marker-start="url(#arrow-%s)"' % kind if rule.bidirectional else ""
        pieces.append(f'<path d="{d}" {_style(kind)} marker-end="url(#arrow-{kind})"{start}/>')
        out.append(_rule_group(reg, rule, src, dsts, lang, "".join(pieces)))
    return out


def _promotion(reg, lay, rule, src, dst, lanes) -> str:
    lid = reg.levels[src].ladder
    k = lanes.get(lid + src + dst, 0)
    lanes[lid + src + dst] = k + 1
    sx, sy, sw, sh = lay.box[src]
    _, ty, _, th = lay.box[dst]
    x = sx - 8 - STRIP * k
    up = ty + th / 2 < sy + sh / 2
    y0 = sy + sh / 2 + (-sh / 4 if up else sh / 4)
    y1 = ty + th / 2 + (th / 4 if up else -th / 4)
    d = f"M{_num(x)},{_num(y0)} L{_num(x)},{_num(y1)}"
    kind = rule.kind
    return _rule_group(reg, rule, src, [dst], lay.lang,
                       f'<path d="{d}" {_style(kind)} marker-end="url(#arrow-{kind})"/>')


def _rule_group(reg, rule, src, dsts, lang, inner) -> str:
    names = LIST_SEP[lang].join(reg.name(d, lang) for d in dsts)
    tip = f"{rule.id} · {reg.name(src, lang)} → {names} · {KIND_WORDS[lang][rule.kind]}"
    if not rule.grants:
        tip += " (对应，不直接授予)" if lang == "zh" else " (correspondence only)"
    return (f'<g data-rule="{_a(rule.id)}" data-kind="{rule.kind}" data-from="{_a(src)}" '
            f'data-to="{_a(" ".join(dsts))}" class="rule kind-{rule.kind}"><title>{escape(tip, quote=False)}</title>'
            f"{inner}</g>")


def _legend(lang: str, x: float, y: float, width: float, kinds_used, boxes: bool = True,
            route: bool | None = None) -> tuple[str, float]:
    """A legend: one sample line per rule kind (those used first), and the two box styles."""
    kinds = [k for k in KIND_ORDER if k in set(kinds_used)] or list(KIND_ORDER)
    items = []
    for k in kinds:
        s = KIND_STYLE[k]
        sample = (f'<line x1="0" y1="0" x2="34" y2="0" {_style(k)} marker-end="url(#arrow-{k})"/>')
        items.append((sample, KIND_WORDS[lang][k] + ("" if lang == "en" else f" ({k})"), s))
    cells = []
    cx, cy = x, y + 14
    for sample, label, _ in items:
        w = 46 + text_width(label, 12) + 26
        if cx + w > x + width:
            cx, cy = x, cy + 24
        cells.append(f'<g transform="translate({_num(cx)},{_num(cy)})" class="legend-item">{sample}'
                     + _text(44, 0, [label], 12, anchor="start") + "</g>")
        cx += w
    if boxes:
        cy += 28
        cx = x
        w = WORDS[lang]
        for tied, label in ((True, w["tied_box"]), (False, w["untied_box"])):
            dash = "" if tied else ' stroke-dasharray="4 3"'
            cells.append(f'<g transform="translate({_num(cx)},{_num(cy)})" class="legend-item">'
                         f'<rect x="0" y="-8" width="34" height="16" rx="3" fill="{"#f8faff" if tied else "#ffffff"}" '
                         f'stroke="{"#4338ca" if tied else "#9ca3af"}"{dash}/>'
                         + _text(44, 0, [label], 12, anchor="start") + "</g>")
            cx += 46 + text_width(label, 12) + 30
    if route is not None:  # the markers of a route chart
        cy += 26
        w = WORDS[lang]
        marks = [('<rect x="11" y="-6" width="12" height="12" fill="#ffffff" stroke="#111827" stroke-width="1.6"/>',
                  w["held"]),
                 (f'<circle cx="17" cy="0" r="7" fill="{KIND_STYLE["promotion"]["stroke"]}"/>',
                  "取得（颜色 = 方式）" if lang == "zh" else "obtained (colour = how)")]
        if route:
            marks.append(('<circle cx="17" cy="0" r="5" fill="#ffffff" stroke="#374151" stroke-width="1.5" opacity="0.3"/>',
                          w["alt"]))
        cx = x
        for mark, label in marks:
            cells.append(f'<g transform="translate({_num(cx)},{_num(cy)})" class="legend-item">{mark}'
                         + _text(44, 0, [label], 12, anchor="start") + "</g>")
            cx += 46 + text_width(label, 12) + 30
    return "".join(cells), cy - y + 14


# -- route chart --------------------------------------------------------------------------------

def route_chart(reg: Registry, answer, *, lang: str = "zh", alternatives: bool = True,
                title: str | None = None) -> str:
    """SVG text: one worker's route (a :func:`find_path` Route, or one of its alternatives) on a time
    axis, one lane per ladder.

    Each step is a marker (``data-step="N"``, ``data-level``, ``data-rule``) at its date, labelled
    with the level, the date and the rule; credentials held at the start sit at year 0
    (``data-held``); lines join each step to what it was obtained from, styled by kind. The
    alternatives of the answer are drawn faint (``data-alt``), without labels.
    """
    words = WORDS[lang]
    routes = [answer] + (list(getattr(answer, "alternatives", ())) if alternatives else [])
    steps = answer.steps
    produced = {s.level.id for r in routes for s in r.steps}
    held = []
    for r in routes:
        for s in r.steps:
            for f in s.from_:
                if f.id not in produced and f.id not in held:
                    held.append(f.id)
    lanes: list[str] = []
    for ref in held + [s.level.id for r in routes for s in r.steps]:
        lid = reg.levels[ref].ladder
        if lid not in lanes:
            lanes.append(lid)
    if not lanes:
        lanes = [reg.levels[answer.reached.id].ladder]
    max_years = max([1.0] + [float(s.year) for r in routes for s in r.steps])
    span = math.ceil(max_years)
    left, right = 250, 260
    HELD_X = left - 50  # noqa: N806 - held credentials sit just before the plan date
    px = max(36.0, min(110.0, 1000.0 / span))
    plot_w = span * px
    width = left + plot_w + right
    x_of = lambda year: left + max(0.0, float(year)) * px  # noqa: E731

    # Labels under the markers, pushed down a row where they would overlap the one before.
    label_rows: dict[str, list[float]] = {lid: [] for lid in lanes}
    placed = []
    items = [(None, ref, None) for ref in held] + [(float(s.year), s.level.id, i) for i, s in enumerate(steps)]
    for year, ref, i in sorted(items, key=lambda t: (-1 if t[0] is None else t[0], -1 if t[2] is None else t[2])):
        lid = reg.levels[ref].ladder
        name = reg.name(ref, lang)
        if i is None:
            lines = [name, words["held"]]
        else:
            s = steps[i]
            lines = [name, f"{s.date} · {s.year:+g} {words['year']}", s.rule]  # held before the plan date: -6.58
        w = max(text_width(lines[0], 12), *(text_width(t, 10) for t in lines[1:])) + 10
        x = HELD_X if year is None else x_of(year)
        rows = label_rows[lid]
        row = next((k for k, end in enumerate(rows) if x - w / 2 > end + 4), len(rows))
        if row == len(rows):
            rows.append(0.0)
        rows[row] = x + w / 2
        placed.append((ref, i, x, row, lines))
    lane_h = {lid: 44 + 46 * max(1, len(label_rows[lid])) for lid in lanes}
    top = 86
    lane_y: dict[str, float] = {}
    y = top
    for lid in lanes:
        lane_y[lid] = y + 24  # the markers' line
        y += lane_h[lid]
    bottom = y

    body = []
    for n, lid in enumerate(lanes):
        y0 = lane_y[lid] - 24
        body.append(f'<rect x="8" y="{_num(y0)}" width="{_num(width - 16)}" height="{_num(lane_h[lid] - 4)}" '
                    f'fill="{"#f5f7ff" if n % 2 == 0 else "#eef2ff"}" rx="4"/>')
        lines, size = wrap(reg.ladder_name(lid, lang), 13, HELD_X - 60, 3)
        body.append(_text(18, lane_y[lid], lines, size, anchor="start", weight="bold", fill="#3730a3", cls="lane-label"))
        body.append(f'<line x1="{left}" y1="{_num(lane_y[lid])}" x2="{_num(left + plot_w)}" y2="{_num(lane_y[lid])}" '
                    f'stroke="#c7d2fe" stroke-width="1"/>')
    # Time axis: a tick a year (every 2 or 5 years on long routes), years from the plan date and the calendar year.
    as_of = getattr(answer, "as_of", None) or (steps[0].date if steps else "")
    base_year = int(as_of[:4]) if as_of[:4].isdigit() else None
    every = 1 if span <= 20 else (2 if span <= 40 else 5)
    for yr in range(0, span + 1, every):
        x = x_of(yr)
        body.append(f'<line x1="{_num(x)}" y1="{top - 6}" x2="{_num(x)}" y2="{_num(bottom)}" stroke="#e5e7eb" stroke-width="1"/>')
        body.append(_text(x, top - 28, [f"+{yr}"], 11, fill="#374151"))
        if base_year is not None:
            body.append(_text(x, top - 14, [str(base_year + yr)], 9.5, fill="#9ca3af"))
    body.append(_text(left - 10, top - 28, [words["years"]], 10, anchor="end", fill="#6b7280"))

    pos: dict[str, tuple[float, float]] = {ref: (HELD_X, lane_y[reg.levels[ref].ladder]) for ref in held}
    # Alternatives first, faint, under the main route.
    main_keys = {(s.rule, s.level.id, s.date) for s in steps}
    main_spots = {(s.level.id, s.date) for s in steps}
    faint_spans: dict[str, list] = {lid: [] for lid in lanes}  # lane -> (left, right) of each faint label drawn
    for k, alt in enumerate(routes[1:], 1):
        apos = dict(pos)
        for s in alt.steps:
            apos[s.level.id] = (x_of(s.year), lane_y[reg.levels[s.level.id].ladder])
        for j, s in enumerate(alt.steps):
            if (s.rule, s.level.id, s.date) in main_keys:
                continue
            x, yy = apos[s.level.id]
            lines = "".join(_route_edge(apos[f.id], (x, yy), s.kind) for f in s.from_ if f.id in apos)
            tip = f"{words['alt']} {k}: {s.level.name} {s.date} · {s.rule}"
            # Its name above the line, unless the main route has a step there or a faint name is already
            # drawn where it would go (steps before the plan date all sit at +0): the tooltip still says it.
            half = text_width(s.level.name, 9.5) / 2 + 3
            spans = faint_spans[reg.levels[s.level.id].ladder]
            named = (s.level.id, s.date) not in main_spots and all(
                x + half <= a or x - half >= b for a, b in spans)
            if named:
                spans.append((x - half, x + half))
            body.append(f'<g data-alt="{k}" data-alt-step="{j}" data-level="{_a(s.level.id)}" '
                        f'data-rule="{_a(s.rule)}" data-kind="{s.kind}" class="alt" opacity="0.3">'
                        f'<title>{escape(tip, quote=False)}</title>{lines}'
                        f'<circle cx="{_num(x)}" cy="{_num(yy)}" r="5" fill="#ffffff" '
                        f'stroke="{KIND_STYLE[s.kind]["stroke"]}" stroke-width="1.5"/>'
                        + (_text(x, yy - 13, [s.level.name], 9.5, fill="#374151") if named else "") + "</g>")
    for i, s in enumerate(steps):
        pos[s.level.id] = (x_of(s.year), lane_y[reg.levels[s.level.id].ladder])
    # The target date.
    if steps:
        tx = x_of(answer.total_years)
        body.append(f'<line x1="{_num(tx)}" y1="{top - 6}" x2="{_num(tx)}" y2="{_num(bottom)}" stroke="#dc2626" '
                    f'stroke-width="1.2" stroke-dasharray="5 4"/>')
        body.append(f'<line x1="{_num(tx)}" y1="{_num(bottom)}" x2="{_num(tx)}" y2="{_num(bottom + 12)}" stroke="#dc2626" '
                    f'stroke-width="1.2" stroke-dasharray="5 4"/>')
        body.append(_text(tx, bottom + 20, [f"{words['target']} {answer.date}"], 11, fill="#dc2626", weight="bold"))
    for i, s in enumerate(steps):
        ref = s.level.id
        edges = "".join(_route_edge(pos[f.id], pos[ref], s.kind) for f in s.from_ if f.id in pos)
        body.append(f'<g data-rule="{_a(s.rule)}" data-kind="{s.kind}" data-from="{_a(" ".join(f.id for f in s.from_))}" '
                    f'data-to="{_a(ref)}" class="rule kind-{s.kind}"><title>{escape(s.rule, quote=False)}</title>{edges}</g>')
    for ref in held:
        x, yy = pos[ref]
        body.append(f'<g data-level="{_a(ref)}" data-held="1" class="held"><title>{escape(reg.name(ref, lang), quote=False)}</title>'
                    f'<rect x="{_num(x - 6)}" y="{_num(yy - 6)}" width="12" height="12" fill="#ffffff" stroke="#111827" stroke-width="1.6"/></g>')
    for i, s in enumerate(steps):
        x, yy = pos[s.level.id]
        color = KIND_STYLE[s.kind]["stroke"]
        tip = f"{s.level.name} · {s.date} · {KIND_WORDS[lang][s.kind]} · {s.rule}"
        body.append(f'<g data-step="{i}" data-level="{_a(s.level.id)}" data-rule="{_a(s.rule)}" '
                    f'data-kind="{s.kind}" data-date="{_a(s.date)}" class="step"><title>{escape(tip, quote=False)}</title>'
                    f'<circle cx="{_num(x)}" cy="{_num(yy)}" r="7" fill="{color}" stroke="#ffffff" stroke-width="2"/></g>')
    for ref, i, x, row, lines in placed:
        yy = lane_y[reg.levels[ref].ladder] + 22 + row * 46
        body.append(_text(x, yy, lines[:1], 12, weight="bold", halo=True))
        for j, line in enumerate(lines[1:], 1):
            body.append(_text(x, yy + j * 13, [line], 10 if j == 1 else 9.5, fill="#4b5563" if j == 1 else "#6b7280",
                              halo=True))
    height = bottom + 30
    kinds = [s.kind for r in routes for s in r.steps]
    leg, leg_h = _legend(lang, 24, height, width - 48, kinds, boxes=False, route=len(routes) > 1)
    height += leg_h + 14
    if title is None:
        start = LIST_SEP[lang].join(reg.name(r, lang) for r in held)
        if lang == "zh":
            title = (f"{words['route']}：{start or '—'} → {answer.reached.name} · {answer.total_years:g} 年，"
                     f"最早 {answer.date}（自 {as_of}）")
        else:
            title = one_year(f"{words['route']}: {start or '—'} → {answer.reached.name} · {answer.total_years:g} years, "
                             f"earliest {answer.date} (from {as_of})")
    head = _text(24, 28, [title], 17, anchor="start", weight="bold", cls="chart-title")
    width = max(width, 24 + text_width(title, 17) * 1.08 + 24)  # a short route's title is wider than its plot
    return _svg_open(width, height, title) + head + "".join(body) + leg + "</svg>"


def _route_edge(a: tuple[float, float], b: tuple[float, float], kind: str) -> str:
    (x0, y0), (x1, y1) = a, b
    if abs(y0 - y1) < 1:  # same lane: a straight arrow stopping short of the marker
        x1 -= 8 if x1 > x0 else -8
        return f'<path d="M{_num(x0 + 7)},{_num(y0)} L{_num(x1)},{_num(y1)}" {_style(kind)} marker-end="url(#arrow-{kind})"/>'
    # Another lane: a curve ending just above or below the marker.
    y1 += -9 if y1 > y0 else 9
    mid = (y0 + y1) / 2
    return (f'<path d="M{_num(x0)},{_num(y0)} C{_num(x0)},{_num(mid)} {_num(x1)},{_num(mid)} {_num(x1)},{_num(y1)}" '
            f'{_style(kind)} marker-end="url(#arrow-{kind})"/>')


# -- files --------------------------------------------------------------------------------------

def output_format(path: str) -> str:
    """'svg' or 'html', from a file name's suffix.

    Raises
    ------
    EquivalenceError
        Any other suffix.
    """
    lower = str(path).lower()
    for suffix, fmt in ((".svg", "svg"), (".html", "html"), (".htm", "html")):
        if lower.endswith(suffix):
            return fmt
    raise EquivalenceError(code="chart_format", path=path)


def html_page(svg: str, *, title: str, lang: str = "zh", kinds=KIND_ORDER) -> str:
    """A self-contained HTML page: the SVG inline, a legend of the rule kinds, no external resource."""
    words = WORDS[lang]
    rows = []
    for k in KIND_ORDER:
        if k not in set(kinds):
            continue
        sample = (f'<svg xmlns="http://www.w3.org/2000/svg" width="60" height="14" viewBox="0 0 60 14">'
                  f'<line x1="2" y1="7" x2="58" y2="7" {_style(k)}/></svg>')
        rows.append(f"<tr><td>{sample}</td><td>{escape(KIND_WORDS[lang][k])} <code>{k}</code></td>"
                    f"<td>{escape(KIND_MEANING[lang][k])}</td></tr>")
    html_lang = "zh-CN" if lang == "zh" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>\n"
        f"body {{ font-family: {FONT}; margin: 16px; color: #111827; background: #ffffff; }}\n"
                ".chart svg { max-width: 100%; height: auto; }\n"
        ".chart g.rule:hover path { stroke-width: 4; }\n"
        ".chart g.level:hover rect { stroke-width: 2.5; }\n"
        ".legend { border-collapse: collapse; font-size: 13px; margin-top: 8px; }\n"
        ".legend td, .legend th { padding: 3px 10px 3px 0; text-align: left; vertical-align: middle; }\n"
        "p.note { font-size: 12px; color: #6b7280; }\n"
        "</style>\n</head>\n<body>\n"
        f"<div class=\"chart\">\n{svg}\n</div>\n"
        f'<table class="legend"><tr><th></th><th>{escape(words["kinds"])}</th><th>{escape(words["meaning"])}</th></tr>\n'
        + "\n".join(rows)
        + f"</table>\n<p class=\"note\">{escape(words['hover'])}</p>\n</body>\n</html>\n"
    )


def file_text(svg: str, fmt: str, *, title: str, lang: str = "zh", kinds=KIND_ORDER) -> str:
    """The text of a chart file: a standalone SVG document, or the HTML page around it."""
    if fmt == "html":
        return html_page(svg, title=title, lang=lang, kinds=kinds)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n"


def write_route_chart(reg: Registry, answer, path: str, *, lang: str = "zh") -> None:
    """Write :func:`route_chart` of a :func:`find_path` Route to ``path`` (.svg or .html).

    Raises
    ------
    EquivalenceError
        ``path`` is neither .svg nor .html, or cannot be written (it is written whole or not at all).
    """
    from .atomic import write_text

    fmt = output_format(path)
    svg = route_chart(reg, answer, lang=lang)
    title = (f"{WORDS[lang]['route']}: {answer.reached.name}")
    kinds = {s.kind for r in [answer, *getattr(answer, "alternatives", ())] for s in r.steps}
    write_text(path, file_text(svg, fmt, title=title, lang=lang, kinds=kinds))

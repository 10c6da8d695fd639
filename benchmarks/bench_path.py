"""Time per `path` query in-process, once the registry is loaded (issue 3 benchmark).

Two sets of queries:

* the national mappings (Registry.load()): a few representative worker questions; target < 5 ms;
* a synthetic set of 10,000 levels and 50,000 rules built in this script with build_index (many
  ladders; promotions with alternatives, cross-ladder apply / counts_as with years, also_holds,
  purposes, education minimums and dates); target < 100 ms.

Each query is the whole of what `equivalence path` does after loading: build the profile, resolve
the target, find_path. Prints the median of many runs (national) or the best and the median
(synthetic), and their ratio to the target; for the synthetic queries also the ratio to a bare
earliest-arrival sweep of the same rules run alternately in the same process (bare_sweep), which
does not depend on the machine's speed. Not a test: timings depend on the machine, so they are
printed, never asserted.

    python benchmarks/bench_path.py [--runs 200] [--synthetic-runs 15] [--profile]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from equivalence.compile import build_index  # noqa: E402
from equivalence.errors import NoPromotionPathError  # noqa: E402
from equivalence.planner import find_path  # noqa: E402
from equivalence.profile import build_profile  # noqa: E402
from equivalence.registry import Registry  # noqa: E402

AS_OF = "2024-01-01"
NATIONAL_TARGET_MS = 5.0
SYNTHETIC_TARGET_MS = 100.0

NATIONAL = [
    # (label, holds, target, options)
    ("高级工 → 高级工程师 (大专)", ["高级工"], "高级工程师", {"education": "大专"}),
    ("助理工程师 → 工程师 (硕士)", ["助理工程师"], "工程师", {"education": "硕士"}),
    ("工勤 五级 + 初级工 → 一级", ["工勤技能岗位:五级", "初级工"], "工勤技能岗位:一级", {}),
    ("二级科员 → 一级主任科员", ["二级科员"], "一级主任科员", {}),
    ("技师@2020-07-01 → 副高级, 2 alternatives", ["技师@2020-07-01"], "副高级", {"alternatives": 2}),
    ("工程师 → 正高级工程师 (大专, unreachable)", ["工程师"], "正高级工程师", {"education": "大专"}),
]


def query(reg: Registry, holds, target, options) -> str:
    """What `equivalence path` runs after loading; returns a one-line summary."""
    opts = dict(options)
    alternatives = opts.pop("alternatives", 0)
    prof = build_profile(reg, holds, education=opts.get("education"), work_years=opts.get("work_years"), as_of=AS_OF)
    targets = [reg.level(target).ref] if isinstance(target, str) and "." not in target else [target]
    if isinstance(target, str) and "." in target and target in reg.levels:
        targets = [target]
    try:
        answer = find_path(reg, prof, targets, alternatives=alternatives)
    except NoPromotionPathError:
        return "no route"
    return f"{answer.total_years:g} years, {len(answer.steps)} steps, {len(answer.alternatives)} alternatives"


def timings_ms(fn, runs: int) -> tuple[float, float]:
    """(best, median) of ``runs`` timed calls, in ms. The best is what the code costs on this machine
    (as timeit reports it); the median also carries whatever else the machine was doing."""
    fn()  # warm up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times) * 1000, statistics.median(times) * 1000


def median_ms(fn, runs: int) -> float:
    return timings_ms(fn, runs)[1]


# ------------------------------------------------------------------------------------------------
# the synthetic set
# ------------------------------------------------------------------------------------------------

def synthetic(n_levels: int = 10_000, n_rules: int = 50_000, seed: int = 20240101) -> Registry:
    """Many ladders of 6-14 levels (plus one education ladder); per step 1-3 promotion alternatives
    (years 1-5, some with an education minimum or an also_holds); the rest cross-ladder apply and
    counts_as between levels of similar standing, with years, also_holds, purposes and dates."""
    rnd = random.Random(seed)
    purposes = {f"p{i}": {"id": f"p{i}", "zh": f"用途{i}", "en": f"Purpose {i}"} for i in range(10)}
    sources = {}
    for i in range(20):
        start = rnd.choice(["2006", "2010-01-01", "2015", "2019-06-01", "2021-01-06"])
        sources[f"src{i}"] = {"id": f"src{i}", "title": f"文件{i}", "doc_no": f"测发〔2020〕{i}号", "issuer": "测试部",
                              "published": None, "effective_from": start, "effective_until": None,
                              "status": rnd.choice(["official", "secondary", "unverified"]), "address": None,
                              "note": None, "path": "synthetic.yaml", "line": 1}
    kinds = ["skill_grade", "title_series", "title_tier", "qualification", "institution_technical_post",
             "employer_sequence"]
    ladders, levels = {}, {}
    edu = [f"edu.e{j}" for j in range(6)]
    for j, ref in enumerate(edu):
        levels[ref] = {"ref": ref, "ladder": "edu", "id": f"e{j}", "zh": f"学历{j}", "en": f"Education {j}",
                       "aliases": [], "rank": j, "effective_from": None, "effective_until": None, "note": None,
                       "cite": None}
    ladders["edu"] = {"id": "edu", "zh": "学历", "en": "Education", "kind": "education", "levels": edu, "note": None,
                      "confidence": None, "path": "synthetic.yaml", "line": 1, "cite": None}
    ladder_ids = []
    i = 0
    while len(levels) < n_levels:
        lid = f"lad{i}"
        size = min(rnd.randint(6, 14), n_levels - len(levels))
        refs = []
        for j in range(size):
            ref = f"{lid}.v{j}"
            levels[ref] = {"ref": ref, "ladder": lid, "id": f"v{j}", "zh": f"等级{i}-{j}", "en": f"Level {i}-{j}",
                           "aliases": [], "rank": j + 1, "effective_from": None, "effective_until": None,
                           "note": None, "cite": None}
            refs.append(ref)
        ladders[lid] = {"id": lid, "zh": f"序列{i}", "en": f"Ladder {i}", "kind": rnd.choice(kinds), "levels": refs,
                        "note": None, "confidence": None, "path": "synthetic.yaml", "line": 1, "cite": None}
        ladder_ids.append(lid)
        i += 1

    rules: dict[str, dict] = {}

    def add(kind, frm, to, *, years=None, work_years=None, education=None, also=(), purps=()):
        rid = f"r{len(rules)}"
        src = rnd.choice(list(sources))
        rules[rid] = {
            "id": rid, "kind": kind, "from": frm, "to": to, "to_spec": list(to), "bidirectional": False,
            "grants": True,
            "conditions": {"years_in_from": years, "work_years": work_years, "education": education,
                           "also_holds": [{"level": lv, "years": y, "in_post": False} for lv, y in also],
                           "in_post": False, "same_specialty": rnd.random() < 0.5, "other": []},
            "purposes": list(purps), "jurisdiction": "CN", "effective_from": sources[src]["effective_from"],
            "effective_until": None, "cite": [{"source": src, "article": f"第{len(rules) % 40 + 1}条", "quote": "原文"}],
            "confidence": "low", "note": None, "path": "synthetic.yaml", "line": len(rules) + 1,
        }

    def near(ref, other_ladder):
        """A level of other_ladder of similar standing (same relative height, +-1)."""
        lev = levels[ref]
        here = ladders[lev["ladder"]]["levels"]
        there = ladders[other_ladder]["levels"]
        k = round((here.index(ref) / max(1, len(here) - 1)) * (len(there) - 1)) + rnd.choice([-1, 0, 0, 1])
        return there[max(0, min(len(there) - 1, k))]

    # entry rules and promotions (about half of the rules)
    for lid in ladder_ids:
        refs = ladders[lid]["levels"]
        add("promotion", None, [refs[0]], work_years=rnd.choice([0, 1, 2]), purps=rnd.sample(list(purposes), 1))
        for lo, hi in zip(refs, refs[1:]):
            for _ in range(rnd.choice([1, 2, 2, 3])):
                also = [(near(hi, rnd.choice(ladder_ids)), rnd.randint(0, 2))] if rnd.random() < 0.15 else []
                add("promotion", lo, [hi], years=rnd.randint(1, 5),
                    education=rnd.choice(edu) if rnd.random() < 0.3 else None, also=also,
                    purps=rnd.sample(list(purposes), rnd.choice([0, 1, 1, 2])))
    # cross-ladder links: each ladder is linked mostly to a few "neighbour" ladders (as a skill grade
    # is to its title series and post ladder), sometimes to any other
    neighbours = {lid: rnd.sample(ladder_ids, 4) for lid in ladder_ids}
    work_refs = [r for r in levels if levels[r]["ladder"] != "edu"]
    while len(rules) < n_rules:
        frm = rnd.choice(work_refs)
        lad = levels[frm]["ladder"]
        other = rnd.choice(neighbours[lad]) if rnd.random() < 0.8 else rnd.choice(ladder_ids)
        if other == lad:
            continue
        kind = "counts_as" if rnd.random() < 0.4 else "apply"
        to = [near(frm, other)]
        if kind == "apply" and rnd.random() < 0.1:  # an apply to a range of two or three levels
            there = ladders[other]["levels"]
            k = there.index(to[0])
            to = there[k:k + rnd.randint(2, 3)]
        also = [(near(frm, rnd.choice(neighbours[lad])), rnd.randint(0, 3))] if rnd.random() < 0.2 else []
        add(kind, frm, to, years=rnd.randint(0, 4) if kind == "apply" else None,
            education=rnd.choice(edu) if rnd.random() < 0.1 else None, also=also,
            purps=rnd.sample(list(purposes), rnd.choice([0, 1, 1, 2])))
    index = build_index(*_records(sources, purposes, ladders, levels, rules))
    return Registry(index)


def _records(sources, purposes, ladders, levels, rules):
    """The set, written as plain dicts above, as the typed records compile makes (lists as tuples)."""
    from equivalence.records import (Citation, Conditions, Ladder, Level, Purpose, Requirement, Rule, Source)

    def tupled(d: dict) -> dict:
        return {k: tuple(v) if isinstance(v, list) else v for k, v in d.items()}

    def rule(r: dict) -> Rule:
        cond = r["conditions"]
        return Rule(**{**tupled({k: v for k, v in r.items() if k not in ("from", "conditions", "cite")}),
                       "from_": r["from"], "cite": tuple(Citation(**c) for c in r["cite"]),
                       "conditions": Conditions(**{**tupled(cond), "also_holds": tuple(
                           Requirement(**q) for q in cond["also_holds"])})})

    return ({k: Source(**v) for k, v in sources.items()}, {k: Purpose(**v) for k, v in purposes.items()},
            {k: Ladder(**tupled(v)) for k, v in ladders.items()}, {k: Level(**tupled(v)) for k, v in levels.items()},
            {k: rule(v) for k, v in rules.items()})


def synthetic_queries(reg: Registry, n: int = 5, seed: int = 7):
    """Profiles holding a low level of 2 ladders, targets high up a ladder some hops away (reachable)."""
    from equivalence.planner import solve

    rnd = random.Random(seed)
    ladder_ids = [lid for lid in reg.ladders if lid != "edu"]
    out = []
    while len(out) < n:
        held = [reg.ladders[lid].levels[rnd.randint(0, 2)] for lid in rnd.sample(ladder_ids, 2)]
        edu = f"edu.e{rnd.randint(1, 5)}"
        prof = build_profile(reg, [f"{h}:{rnd.randint(0, 6)}" for h in held], education=edu, as_of=AS_OF)
        sol = solve(reg, prof)
        standing = {f.level for f in sol.standing}  # held today: the held levels, those under them, counted as
        reached = sorted({n[0] for n in sol.arrivals if n[0] not in held and n[0] not in standing},
                         key=lambda r: (sol.earliest({r})[1].date, r))
        if len(reached) < 10:
            continue
        far = reached[len(reached) * 3 // 4]  # reached late: a long route
        out.append((f"{len(out) + 1}: {held[0]} + {held[1]} → {far}", [f"{h}:{3}" for h in held], far,
                    {"education": edu}))
    return out


def bare_sweep(reg: Registry, holds: list[str], target: str, education: str):
    """The baseline: the same AND/OR earliest-arrival search over the same rules with nothing else.

    Numbered levels, a heap, a rule firing at the latest of (its credentials + their years, the plan
    date, its start), rules whose education minimum is not met left out, stopping at the target; no
    purposes, in-post, level dates, points, reasons, route or explanation. What any pure-Python
    planner must at least do on this graph, so the ratio of a query to it says how much the rest
    costs, whatever the machine's speed. (Not quite the same search: with no purposes, more rules
    apply, so it reaches the target after somewhat more or fewer levels than the planner does.)
    """
    import heapq

    from equivalence.planner import plan_tables, to_t
    from equivalence.profile import build_profile

    tables = plan_tables(reg)
    rules = list(tables.rules.values())
    prof = build_profile(reg, holds, education=education, as_of=AS_OF)
    as_of, goal = to_t(prof.as_of), tables.ids[target]
    rank = reg.levels[education].rank
    usable = [not pr.education or reg.levels[pr.education].rank <= rank for pr in rules]
    arrived = [None] * len(tables.refs)
    need = tables.need[:]
    heap = [(to_t(h.obtained), tables.ids[h.level]) for h in prof.holdings]
    heapq.heapify(heap)

    def fire(pr) -> None:
        t = max([as_of, pr.start] + [arrived[tables.ids[ref]] + months for ref, months, _ in pr.slots])
        for lid in pr.to_ids:
            if arrived[lid] is None:
                heapq.heappush(heap, (t, lid))

    for pr in tables.entry:
        if usable[pr.k]:
            fire(pr)
    while heap:
        t, lid = heapq.heappop(heap)
        if arrived[lid] is not None:
            continue
        arrived[lid] = t
        if lid == goal:
            break
        for pr, k, _, _, _ in tables.users[lid]:
            need[k] -= 1
            if not need[k] and usable[k]:
                fire(rules[k])
    return sum(1 for a in arrived if a is not None)


def paired_ratio(fn, baseline, runs: int) -> float:
    """The median of per-pair ratios fn / baseline, the two timed alternately (a change in the
    machine's load touches both sides of each ratio alike)."""
    fn(), baseline()
    ratios = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        t1 = time.perf_counter()
        baseline()
        ratios.append((t1 - t0) / (time.perf_counter() - t1))
    return statistics.median(ratios)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="runs per national query")
    parser.add_argument("--synthetic-runs", type=int, default=15, help="runs per synthetic query")
    parser.add_argument("--profile", action="store_true", help="cProfile one synthetic query")
    args = parser.parse_args()

    t0 = time.perf_counter()
    reg = Registry.load()
    print(f"national mappings: {len(reg.levels)} levels, {len(reg.rules)} rules "
          f"(loaded in {(time.perf_counter() - t0) * 1000:.0f} ms)")
    medians = []
    for label, holds, target, options in NATIONAL:
        summary = query(reg, holds, target, options)
        ms = median_ms(lambda: query(reg, holds, target, options), args.runs)
        medians.append(ms)
        print(f"  {label:<44} {ms:8.2f} ms  ({summary})")
    worst = max(medians)
    print(f"  national: median of medians {statistics.median(medians):.2f} ms, worst {worst:.2f} ms; "
          f"worst / target {worst / NATIONAL_TARGET_MS:.2f} (target {NATIONAL_TARGET_MS:g} ms)")

    t0 = time.perf_counter()
    syn = synthetic()
    print(f"\nsynthetic: {len(syn.levels)} levels, {len(syn.rules)} rules (built in {time.perf_counter() - t0:.1f} s)")
    bests, medians, ratios = [], [], []
    print(f"  {'(best / median of ' + str(args.synthetic_runs) + ' runs; / bare sweep)':<44}")
    for label, holds, target, options in synthetic_queries(syn):
        summary = query(syn, holds, target, options)
        best, ms = timings_ms(lambda: query(syn, holds, target, options), args.synthetic_runs)
        ratio = paired_ratio(lambda: query(syn, holds, target, options), lambda: bare_sweep(syn, holds, target, options["education"]),
                             args.synthetic_runs)
        bests.append(best)
        medians.append(ms)
        ratios.append(ratio)
        print(f"  {label:<44} {best:6.1f} / {ms:6.1f} ms; x{ratio:.2f}  ({summary})")
    unreachable = ("unreachable target (full sweep + explanation)", ["lad0.v0:2"], "edu.e5", {"education": "edu.e0"})
    summary = query(syn, *unreachable[1:])
    best_unreachable, ms_unreachable = timings_ms(lambda: query(syn, *unreachable[1:]), args.synthetic_runs)
    print(f"  {unreachable[0]:<44} {best_unreachable:6.1f} / {ms_unreachable:6.1f} ms  ({summary})")
    for what, values in (("best", bests), ("median", medians)):
        mid = statistics.median(values)
        print(f"  synthetic, {what} of runs: median over the queries {mid:.1f} ms, worst {max(values):.1f} ms; "
              f"/ target {mid / SYNTHETIC_TARGET_MS:.2f} (target {SYNTHETIC_TARGET_MS:g} ms)")
    print(f"  synthetic, against the bare sweep of the same rules (see bare_sweep), timed alternately: "
          f"median x{statistics.median(ratios):.2f}")

    if args.profile:
        breakdown(syn, args.synthetic_runs)


def breakdown(syn: Registry, runs: int) -> None:
    """Where the time of a synthetic query goes. (cProfile misattributes it: its per-call overhead
    inflates the many small calls, e.g. add_years, ~0.4 us each in reality.)"""
    import gc

    from equivalence.planner import solve

    label, holds, target, options = synthetic_queries(syn, 2)[1]
    prof = build_profile(syn, holds, education=options["education"], as_of=AS_OF)
    sol = solve(syn, prof, stop_at={target})
    held = {h.level for h in prof.holdings}
    setup = median_ms(lambda: solve(syn, prof, stop_at=held), runs)
    to_target = median_ms(lambda: solve(syn, prof, stop_at={target}), runs)
    whole = median_ms(lambda: query(syn, holds, target, options), runs)
    gc.disable()
    try:
        no_gc = median_ms(lambda: query(syn, holds, target, options), runs)
    finally:
        gc.enable()
    gc.collect()
    gc.freeze()
    try:
        frozen = median_ms(lambda: query(syn, holds, target, options), runs)
    finally:
        gc.unfreeze()
    print(f"\nbreakdown of synthetic query {label}:")
    print(f"  swept before the target: {len(sol.arrivals)} arrivals, {len(sol.fired)} rules fired")
    print(f"  whole query                                {whole:8.1f} ms")
    print(f"  solve() setup only (per-query lists, entry rules)  {setup:8.1f} ms")
    print(f"  solve() to the target (setup + sweep)      {to_target:8.1f} ms")
    print(f"  rest of find_path (route, profile, target) {whole - to_target:8.1f} ms")
    print(f"  whole query, gc disabled                   {no_gc:8.1f} ms")
    print(f"  whole query, gc.freeze() after loading     {frozen:8.1f} ms")

if __name__ == "__main__":
    main()

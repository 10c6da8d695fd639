"""Roster speed (issue 6 benchmark): `roster` as a ratio to reading and writing the same file.

A realistic roster: a workforce of 100,000 (``--rows``) where many people share a profile. Profiles
are drawn, with a skewed (Zipf-like) weight, from a few hundred distinct combinations of skill grade
and years held, titles, education, years of work and target, the way a manufacturer's staff bunch
on 中级工 / 高级工 with 大专 and a handful of years; ids, names and departments are unique per row.

Timed, in this process and with the same library (equivalence.rosterio, CSV):

* baseline: read the file and write it back, no work done;
* roster: read, the roster core (equivalence.roster.Roster with two --to ladders and a plan date),
  write (the registry is loaded once beforehand, as it is before any command runs).

Prints the best of ``--runs`` of each and the ratio (target <= 3.0), then rows per second of the
core alone on a roster where every profile is distinct (``--distinct``, default 5,000). Timings
depend on the machine: printed, never asserted.

    python benchmarks/bench_roster.py [--rows 100000] [--distinct 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from equivalence.registry import Registry  # noqa: E402
from equivalence.roster import Roster  # noqa: E402
from equivalence.rosterio import read_table, write_table  # noqa: E402

AS_OF = "2026-12-01"
TO = ("工程技术", "职称层级")
TARGET_RATIO = 3.0
HEADER = ["id", "name", "department", "holds", "education", "work_years", "target"]

# (credential, weight): skill grades dominate a production workforce; some hold a title as well
SKILLS = [("初级工", 8), ("中级工", 30), ("高级工", 35), ("技师", 15), ("高级技师", 4), ("", 8)]
TITLES = [("", 85), ("助理工程师", 7), ("工程师", 6), ("高级工程师", 2)]
EDUCATION = [("中专", 25), ("大专", 40), ("本科", 28), ("硕士", 5), ("", 2)]
TARGETS = [("", 50), ("技师", 15), ("高级技师", 10), ("工程师", 12), ("高级工程师", 8), ("专业技术岗位:七级+", 5)]
DEPARTMENTS = ["装配车间", "机加车间", "质检部", "设备部", "工艺部", "仓储物流", "研发中心"]


def pick(rng: random.Random, table):
    names, weights = zip(*table)
    return rng.choices(names, weights)[0]


def profile_pool(rng: random.Random, size: int) -> list[tuple]:
    """``size`` distinct (holds, education, work_years, target)."""
    pool, seen = [], set()
    while len(pool) < size:
        skill, title = pick(rng, SKILLS), pick(rng, TITLES)
        holds = []
        if skill:
            holds.append(f"{skill}:{rng.choice([0, 1, 2, 3, 4, 5, 6, 8])}")
        if title:
            holds.append(f"{title}:{rng.choice([0, 1, 2, 3, 5])}")
        years = rng.choice(["", "2", "3", "5", "8", "10", "15", "20"])
        p = (";".join(holds), pick(rng, EDUCATION), years, pick(rng, TARGETS))
        if p not in seen:
            seen.add(p)
            pool.append(p)
    return pool


def workforce(rows: int, seed: int = 6, distinct: int = 400) -> list[list[str]]:
    rng = random.Random(seed)
    pool = profile_pool(rng, distinct)
    weights = [1 / (i + 1) ** 1.1 for i in range(len(pool))]  # a few profiles are most people
    chosen = rng.choices(pool, weights, k=rows)
    return [[f"E{i:06d}", f"员工{i}", rng.choice(DEPARTMENTS), *p] for i, p in enumerate(chosen)]


def all_distinct(rows: int, seed: int = 7) -> list[list[str]]:
    """Every row its own profile: a credential obtained on a different day."""
    rng = random.Random(seed)
    start = dt.date(2000, 1, 1)
    out = []
    for i in range(rows):
        day = start + dt.timedelta(days=i % 9000)
        skill = rng.choice(["中级工", "高级工", "技师", "高级技师"])
        holds = f"{skill}@{day.isoformat()}" + (f";工程师:{i // 9000}" if i >= 9000 else "")
        out.append([f"D{i:06d}", f"员工{i}", "", holds, pick(rng, EDUCATION), str(5 + i % 20),
                    pick(rng, TARGETS)])
    return out


def write_csv(path: str, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the realistic roster")
    parser.add_argument("--distinct", type=int, default=5_000, help="rows of the all-distinct roster")
    parser.add_argument("--runs", type=int, default=3, help="runs of each timing (best is printed)")
    args = parser.parse_args()

    reg = Registry.load()
    with tempfile.TemporaryDirectory() as tmp:
        src, out = os.path.join(tmp, "roster.csv"), os.path.join(tmp, "out.csv")
        rows = workforce(args.rows)
        write_csv(src, rows)
        profiles = len({tuple(r[3:]) for r in rows})

        def baseline():
            table = read_table(src)
            write_table(out, table.header, table.rows)

        def roster():
            table = read_table(src)
            engine = Roster(reg, to=TO, as_of=AS_OF)
            done = engine.process(table.rows)
            write_table(out, engine.columns(table.header), done)

        roster()  # warm up: the planner's per-registry tables are built once per process
        base = best_of(args.runs, baseline)
        full = best_of(args.runs, roster)
        ratio = full / base
        print(f"realistic roster: {args.rows:,} rows, {profiles} distinct profiles")
        print(f"  read + write, no work:     {base * 1000:8.0f} ms")
        print(f"  read + roster + write:     {full * 1000:8.0f} ms")
        print(f"  ratio: {ratio:.2f} (target <= {TARGET_RATIO}: {'met' if ratio <= TARGET_RATIO else 'NOT met'})")

        distinct = all_distinct(args.distinct)
        drows = [dict(zip(HEADER, r)) for r in distinct]
        n = len({tuple(r[3:]) for r in distinct})

        def core():
            Roster(reg, to=TO, as_of=AS_OF).process(drows)

        t = best_of(args.runs, core)
        print(f"all-distinct roster: {args.distinct:,} rows, {n:,} distinct profiles")
        print(f"  roster core: {t * 1000:.0f} ms, {args.distinct / t:,.0f} rows/s")


if __name__ == "__main__":
    main()

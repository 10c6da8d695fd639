"""Input bombs: each must be refused (or answered) in < 2 s and < 200 MB. Not a test: prints figures.

Runs each case as a new `equivalence` process (cache off unless said), and prints its wall time,
peak memory (max RSS of the child), both as a ratio to `validate` of the shipped mappings run first
in the same command (the machine's speed and load cancel out), its exit code and the first line it
wrote to stderr:

* a 300-byte YAML alias bomb as a layer (`validate`), and as a profile (`path --profile`);
* a 39 MB YAML profile;
* `--layer /` and `--mappings /`;
* a layer of N rules between the same two levels (11 MB for 63,790): `validate`, the same with one
  duplicate key (an error, which the loader reads again keeping every line), then `lookup 技师`
  (cache on: compiled, then cached).

    python benchmarks/bombs_inputs.py [--rules 63790]

The 63,790-rule layer, on 2 shared cores (one run each, one after the other; figures vary with the
load by 20% or so), with the ratios to `validate` of the shipped mappings in the same run:

    case                                   before (main at cc81753)       after (branch compile-big)
    validate (shipped mappings)             0.52 s   47 MB                 0.34 s   43 MB
    validate (big layer)                   19.5 s   992 MB  (x37, x21)     4.1 s  264 MB  (x12, x6.2)
    validate (big layer, a duplicate key)  19.3 s   993 MB  (x37, x21)     6.7 s  385 MB  (x20, x9.0)
    lookup 技师 (big layer, compiles)       21.2 s   993 MB  (x41, x21)     7.1 s  327 MB  (x21, x7.7)
    lookup 技师 (big layer, cached)          3.1 s   209 MB  (x6.0, x4.4)   2.8 s  190 MB  (x8.1, x4.5)

The cached lookup's time is its answer: 63,804 rows made and written (lookup.py, csvdata.py); the
index itself loads in about 0.5 s.

Before, the loader composed PyYAML's node tree of the whole file (two position marks per node,
~50 times the file's size) and the cyclic garbage collector ran over millions of young objects
again and again; see equivalence/loader.py (_read_plain) and compile.compile_folder.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LAYER = "layer:\n  id: bomb\n  zh: 测试层\n  en: Test layer\n  scope: employer\n"
SOURCE = ("sources:\n  - {id: bomb-src, title: 测试文件, doc_no: '', issuer: 测试公司, published: 2025-01-01, "
          "effective_from: 2025-01-01, status: unverified}\n")


def alias_bomb(levels: int = 9) -> str:
    """A few hundred bytes whose aliases expand to 9**levels values (the billion laughs)."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def parallel_rules_layer(folder: Path, n: int, duplicate_key: bool = False) -> Path:
    """An employer layer of ``n`` post rules, all from 技师 to 工勤技能岗位 二级 (the national pairing);
    with ``duplicate_key``, the last rule says its note twice."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "layer.yaml").write_text(LAYER + SOURCE, encoding="utf-8")
    rule = ("  - {{id: bomb-{i}, kind: post, from: skill.technician, to: post_skill.w2, purposes: [post_appointment], "
            "cite: [{{source: bomb-src, article: 第{i}条, quote: ''}}], note: no text seen}}\n")
    with open(folder / "rules.yaml", "w", encoding="utf-8") as fh:
        fh.write("rules:\n")
        for i in range(n):
            fh.write(rule.format(i=i))
        if duplicate_key:
            fh.write("  - {id: bomb-dup, kind: post, from: skill.technician, to: post_skill.w2, note: a, note: b, "
                     "cite: [{source: bomb-src, article: 第0条, quote: ''}]}\n")
    return folder


# The child reports its own peak memory (ru_maxrss, KB on Linux) as it exits, whatever the exit code.
CHILD = ("import atexit, resource, sys\n"
         "atexit.register(lambda: sys.stderr.write(f'\\nMAXRSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n'))\n"
         "from equivalence.cli import cli\n"
         "cli(sys.argv[1:], prog_name='equivalence')\n")


def run(label: str, args: list[str], env: dict, base: tuple | None = None) -> tuple:
    """One child process: wall time, peak memory (and their ratios to ``base``), exit code, first line
    of its message. Returns (time, peak)."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True, env=env, timeout=900)
    elapsed = time.perf_counter() - t0
    lines = proc.stderr.strip().splitlines()
    peak = int(lines.pop().split()[1]) / 1024 if lines and lines[-1].startswith("MAXRSS") else float("nan")
    first = ([x for x in lines if x.strip()] or proc.stdout.strip().splitlines() or [""])[0]
    ratios = f"x{elapsed / base[0]:5.1f} x{peak / base[1]:5.1f}" if base else " " * 13
    print(f"{label:36} {elapsed:7.2f} s {peak:6.0f} MB {ratios}  exit {proc.returncode}  {first[:100]}")
    return elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=int, default=63_790, help="rules in the big layer")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = {**os.environ, "EQUIVALENCE_CACHE_DIR": "off"}
        base = run("validate (shipped mappings): x1", ["validate"], env)
        bomb = tmp / "bomb"
        bomb.mkdir()
        (bomb / "layer.yaml").write_text(LAYER, encoding="utf-8")
        (bomb / "rules.yaml").write_text(alias_bomb(), encoding="utf-8")
        print(f"alias bomb: {len((bomb / 'rules.yaml').read_bytes())} bytes, 9**9 values expanded")
        run("validate (alias bomb layer)", ["validate", str(bomb)], env, base)
        profile = tmp / "bomb-profile.yaml"
        profile.write_text(alias_bomb(), encoding="utf-8")
        run("path --profile (alias bomb)", ["path", "技师", "--profile", str(profile)], env, base)
        big = tmp / "big-profile.yaml"
        with open(big, "w", encoding="utf-8") as fh:
            fh.write("holds:\n")
            for _ in range(1_600):  # in pieces: a child's ru_maxrss starts at its parent's (fork)
                fh.write("  - 高级工@2020-01-01\n" * 1_000)
        print(f"big profile: {big.stat().st_size / 2 ** 20:.0f} MB")
        run("path --profile (39 MB profile)", ["path", "技师", "--profile", str(big)], env, base)
        run("--layer / lookup 技师", ["--layer", "/", "lookup", "技师"], env, base)
        run("--mappings / lookup 技师", ["--mappings", "/", "lookup", "技师"], env, base)
        layer = parallel_rules_layer(tmp / "many", args.rules)
        print(f"big layer: {args.rules:,} rules between the same two levels, "
              f"{(layer / 'rules.yaml').stat().st_size / 2 ** 20:.0f} MB")
        cached = {**os.environ, "EQUIVALENCE_CACHE_DIR": str(tmp / "cache")}
        run("validate (big layer)", ["validate", str(layer)], env, base)
        duplicate = parallel_rules_layer(tmp / "duplicate", args.rules, duplicate_key=True)
        run("validate (big layer, a duplicate key)", ["validate", str(duplicate)], env, base)
        run("lookup 技师 (big layer, compiles)", ["--layer", str(layer), "lookup", "技师", "--format", "csv"], cached, base)
        run("lookup 技师 (big layer, cached)", ["--layer", str(layer), "lookup", "技师", "--format", "csv"], cached, base)


if __name__ == "__main__":
    main()

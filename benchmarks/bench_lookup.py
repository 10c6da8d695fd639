"""Cold wall time of `equivalence lookup 技师` as a ratio to `python -c "import click"`, and the cold
compile time of the whole mappings (catalogues included: `equivalence validate` always compiles).

Each run is a new process (the compiled index comes from the cache, as for any user after the
first query). Prints the medians and the ratio; the target is <= 2.0. Not a test: timings depend on
the machine, so they are printed, never asserted.

    python benchmarks/bench_lookup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time


def once(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def wall(cmd: list[str], runs: int) -> float:
    return statistics.median(once(cmd) for _ in range(runs))


def paired(baseline: list[str], measured: list[str], runs: int) -> tuple[float, float, float]:
    """Medians of both, and the median of per-pair ratios: the two commands alternate, so a change
    in the machine's load touches both sides of each ratio alike."""
    pairs = [(once(baseline), once(measured)) for _ in range(runs)]
    return (statistics.median(b for b, _ in pairs), statistics.median(m for _, m in pairs),
            statistics.median(m / b for b, m in pairs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--level", default="技师")
    args = parser.parse_args()
    # pip compiles an installed package to bytecode; do the same for a source checkout, whatever
    # PYTHONDONTWRITEBYTECODE says, so both sides of the ratio import from .pyc files.
    import compileall

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    import equivalence

    compileall.compile_dir(os.path.dirname(equivalence.__file__), quiet=1)
    # What the installed console script runs, without the wrapper a version manager (pyenv's shim,
    # a shell script) may put in front of it on PATH: the same interpreter as the baseline.
    entry = "import sys; from equivalence.cli import main; sys.argv[0] = 'equivalence'; main()"
    query = [sys.executable, "-c", entry, "lookup", args.level]
    subprocess.run(query, check=True, stdout=subprocess.DEVNULL)  # fill the cache once
    baseline, measured, ratio = paired([sys.executable, "-c", "import click"], query, args.runs)
    print(f"python -c 'import click'     median {baseline * 1000:7.1f} ms")
    print(f"{'equivalence lookup ' + args.level:<28} median {measured * 1000:7.1f} ms")
    print(f"ratio {ratio:.2f} (median of {args.runs} alternating pairs; target <= 2.0)")
    validate = query[:-2] + ["validate"]
    compile_time = wall(validate, 3)
    print(f"{'equivalence validate':<28} median {compile_time * 1000:7.1f} ms "
          f"(cold load + validate + compile of every mapping and catalogue; target < 1000 ms)")


if __name__ == "__main__":
    main()

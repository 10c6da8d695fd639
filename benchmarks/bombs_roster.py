"""Hostile roster files and killed writes (issue 14; not run in CI): time and peak memory of each.

Bombs, each run as ``equivalence roster BOMB`` in a fresh process; each must be refused with one
``Error:`` line in under 2 s and 200 MB:

* shared-string bomb: a ~1.5 MB workbook whose shared strings hold one 1.5 GB string;
* grid bomb: a ~5 KB workbook whose sheet declares ``<dimension ref="A1:XFD1048576"/>`` (read in
  full: it has only its few cells, so it is answered, not refused);
* wide bomb: a small workbook with cells in column XFD of 200,000 rows (a 16,384-column grid).

Killed writes: a 100,000-row roster written to .csv, .xlsx and .jsonl over a previous file, sent
SIGTERM or SIGINT 0, 0.1 and 0.3 s after its scratch folder appears; after each, the previous file must be intact (or
the new one complete, when the signal came after the rename), no ``.partial-`` folder left and no
traceback printed.

    python benchmarks/bombs_roster.py [--rows 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests"))

from xlsx_parts import huge_string_stream, sheet_xml, write_workbook  # noqa: E402

# Runs a command and prints its exit code and its peak resident memory (KB): the children's
# maximum, in a process that has no other child.
MEASURE = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
           "sys.stderr.write(p.stderr); print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
CLI = [sys.executable, "-m", "equivalence"]


def measured(args: list[str]) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak MB, stderr) of ``args`` in a fresh process."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", MEASURE, *args], capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    code, kb = proc.stdout.split()
    return int(code), seconds, int(kb) / 1024, proc.stderr


def build_bombs(folder: str) -> list[tuple[str, str, bool]]:
    """(label, path, refused?) of each bomb, built in ``folder``."""
    rows = [["id", "holds"], ["1", "技师:1"], ["2", "高级工:2"]]
    shared = os.path.join(folder, "shared-string-bomb.xlsx")
    write_workbook(shared, [sheet_xml(rows)], stream=huge_string_stream(1536))
    grid = os.path.join(folder, "grid-bomb.xlsx")
    filler = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{r}</t></is></c>'
                     f'<c r="B{r}" t="inlineStr"><is><t>技师:{r % 9}</t></is></c></row>' for r in range(4, 400))
    write_workbook(grid, [sheet_xml(rows, dimension="A1:XFD1048576", extra=filler)])
    wide = os.path.join(folder, "wide-bomb.xlsx")
    far = "".join(f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>' for r in range(4, 200_000))
    write_workbook(wide, [sheet_xml(rows, extra=far)])
    return [("1.5 GB shared string", shared, True), ("A1:XFD1048576 declared", grid, False),
            ("cells in column XFD", wide, True)]


def run_bombs(folder: str) -> bool:
    ok = True
    print("bombs (equivalence roster BOMB, fresh process each):")
    for label, path, refused in build_bombs(folder):
        code, seconds, mb, err = measured(CLI + ["roster", path, "--as-of", "2026-12-01", "-o",
                                                 os.path.join(folder, "out.csv")])
        one_line = err.count("\n") == 1 and err.startswith("Error: ")
        good = seconds < 2 and mb < 200 and "Traceback" not in err and (one_line if refused else code == 0)
        ok &= good
        print(f"  {label:26s} {os.path.getsize(path) / 1024:8,.1f} KB  exit {code}  {seconds:5.2f} s  "
              f"{mb:6.1f} MB  {'ok' if good else 'FAILED'}")
        print(f"      {err.strip() or '(answered)'}")
    return ok


def make_roster(path: str, rows: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("id,name,holds,education,work_years\n")
        fh.writelines(f"{i},员工{i},高级工:{i % 7},大专,{i % 20}\n" for i in range(rows))


def kill_once(folder: str, src: str, ext: str, sig: int, delay: float) -> tuple[bool, str]:
    target = os.path.join(folder, f"out.{ext}")
    with open(target, "wb") as fh:
        fh.write(b"previous")
    before = set(os.listdir(folder))
    start = time.perf_counter()
    proc = subprocess.Popen(CLI + ["roster", src, "-o", target, "--as-of", "2026-12-01"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    while proc.poll() is None and not any(".partial-" in n for n in set(os.listdir(folder)) - before):
        time.sleep(0.002)
    time.sleep(delay)
    proc.send_signal(sig)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    left = [n for n in os.listdir(folder) if ".partial-" in n]
    with open(target, "rb") as fh:
        kept = fh.read() == b"previous"
    state = "previous file kept" if kept else "new file complete"
    if not kept:
        from equivalence.rosterio import read_table

        with open(src, encoding="utf-8") as fh:
            kept = len(read_table(target).rows) == fh.read().count("\n") - 1
    good = kept and not left and "Traceback" not in err and "Exception ignored" not in err
    return good, (f"  {ext:5s} {signal.Signals(sig).name:7s} +{delay:.2f} s: killed after {seconds:5.2f} s, "
                  f"peak {usage.ru_maxrss / 1024:5.0f} MB, exit {proc.returncode}, {state}, {len(left)} temp left, "
                  f"stderr {err.strip()!r}  {'ok' if good else 'FAILED'}")


def run_kills(folder: str, rows: int) -> bool:
    src = os.path.join(folder, "staff.csv")
    make_roster(src, rows)
    print(f"killed writes ({rows:,}-row roster, signal sent + N s after the scratch folder appears):")
    ok = True
    for ext in ("csv", "xlsx", "jsonl"):
        for sig in (signal.SIGTERM, signal.SIGINT):
            for delay in (0.0, 0.1, 0.3):  # as the write begins, and into it
                good, line = kill_once(folder, src, ext, sig, delay)
                ok &= good
                print(line)
    code, seconds, mb, err = measured(CLI + ["roster", src, "-o", os.path.join(folder, "whole.xlsx"),
                                             "--as-of", "2026-12-01"])
    print(f"  uninterrupted .xlsx write of the same roster: exit {code}, {seconds:.2f} s, {mb:.0f} MB")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", help="build the files in this folder and keep them")
    args = parser.parse_args()
    folder = args.keep or tempfile.mkdtemp(prefix="bombs-")
    os.makedirs(folder, exist_ok=True)
    try:
        ok = run_bombs(folder)
        ok &= run_kills(folder, args.rows)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print("all ok" if ok else "SOME FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

"""Throughput and latency of ``equivalence serve``'s API: a server started on 127.0.0.1 (a free port,
its own process), then a bounded number of concurrent clients (threads, one keep-alive connection
each) asking lookup and path questions. Prints requests/s and p50/p99 latency per question; exits 1
if any request failed (not 200, or not the JSON answer).

    python benchmarks/bench_serve.py [--clients 8] [--requests 400]

A benchmark, not a test: the figures depend on the machine (the README gives them for one).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from urllib.parse import urlencode

QUESTIONS = {
    "lookup": [{"level": name} for name in ("技师", "高级工程师", "专业技术岗位:九级", "电工:技师", "副高级",
                                             "一级建造师", "高级技师", "工勤技能岗位:二级")],
    "path": [
        {"target": "高级工程师", "holds": "高级工", "education": "大专", "as_of": "2026-12-01"},
        {"target": "工程师", "holds": "技师:1", "education": "大专", "as_of": "2026-12-01"},
        {"to_tier": "副高级", "holds": "技师@2020-07-01", "as_of": "2025-01-01"},
        {"target": "高级技师", "holds": "中级工", "as_of": "2026-12-01"},
    ],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "equivalence", "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("the server did not start: " + proc.stderr.read().decode(errors="replace"))
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("the server did not start within 15 s")


def drive(port: int, name: str, clients: int, requests: int) -> tuple[list[float], int, float]:
    """``requests`` questions of kind ``name`` over ``clients`` concurrent connections: latencies (s),
    failures, wall time."""
    queries = [f"/api/{name}?" + urlencode(q) for q in QUESTIONS[name]]
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    per_client = [requests // clients + (1 if i < requests % clients else 0) for i in range(clients)]

    def client(index: int, count: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, bad = [], 0
        for i in range(count):
            query = queries[(index + i) % len(queries)]
            start = time.perf_counter()
            try:
                conn.request("GET", query)
                response = conn.getresponse()
                body = response.read()
                ok = response.status == 200 and "schema_version" in json.loads(body)
            except (OSError, http.client.HTTPException, ValueError):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.append(time.perf_counter() - start)
            bad += not ok
        conn.close()
        with lock:
            latencies.extend(mine)
            failures[0] += bad

    threads = [threading.Thread(target=client, args=(i, n)) for i, n in enumerate(per_client)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, failures[0], time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--requests", type=int, default=400, help="requests per question kind (default 400)")
    args = parser.parse_args()
    port = free_port()
    server = start_server(port)
    failed = 0
    try:
        drive(port, "lookup", 2, 20)  # warm: the registry's lazily built parts
        drive(port, "path", 2, 8)
        print(f"equivalence serve on 127.0.0.1, {args.clients} concurrent clients, {args.requests} requests each "
              f"(Python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
        for name in QUESTIONS:
            latencies, bad, wall = drive(port, name, args.clients, args.requests)
            failed += bad
            q = statistics.quantiles(latencies, n=100)
            print(f"  {name:7s} {len(latencies) / wall:8.1f} req/s   p50 {q[49] * 1000:7.1f} ms   "
                  f"p99 {q[98] * 1000:7.1f} ms   failed {bad}")
    finally:
        server.terminate()
        server.wait(10)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

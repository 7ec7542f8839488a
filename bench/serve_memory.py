#!/usr/bin/env python3
"""Measure whether `signpost serve` keeps its memory flat across edits.

Usage:
    python3 bench/serve_memory.py                              # 2,000 services, 60 edits, debug binary
    python3 bench/serve_memory.py --services 10000 --release   # builds and uses target/release/signpost
    python3 bench/serve_memory.py --binary path/to/signpost --corpus /tmp/c10k

It generates a corpus with scripts/generate-corpus.py into bench/work/ (git-ignored), starts the
preview on a free loopback port, waits for the first build, then changes the summary of one
service at a time (a different one each edit, in one batch file), waiting each time for the full
rebuild the server reports before the next edit. After every edit it reads VmRSS from
/proc/PID/status. It prints RSS after the first build, after edit 5 and after the last edit, the
growth from edit 5 to the end, and PASS when that growth is within 20% (the bar of issue 10).
Linux only (it reads /proc). Only the Python standard library is used; traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "work"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status_of(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        reply = connection.getresponse()
        reply.read()
        return reply.status
    finally:
        connection.close()


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("no VmRSS in /proc status")


def wait_for(check, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"timed out waiting for {what}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, default=2_000)
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument("--corpus", type=Path, help="an existing corpus to copy instead of generating one")
    parser.add_argument("--release", action="store_true", help="build and use the release binary")
    parser.add_argument("--binary", type=Path, help="use this signpost binary as it is")
    parser.add_argument("--work", type=Path, default=WORK, help="the scratch folder (default bench/work)")
    args = parser.parse_args()
    work = args.work.resolve()

    if args.binary:
        binary = args.binary.resolve()
    elif args.release:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
        binary = REPO / "target" / "release" / "signpost"
    else:
        subprocess.run(["cargo", "build", "--quiet"], cwd=REPO, check=True)
        binary = REPO / "target" / "debug" / "signpost"
    site = work / f"memory-{args.services}"
    if site.exists():
        shutil.rmtree(site)
    work.mkdir(parents=True, exist_ok=True)
    if args.corpus:
        shutil.copytree(args.corpus, site)
    else:
        subprocess.run(
            [sys.executable, str(REPO / "scripts" / "generate-corpus.py"), str(args.services), str(site)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    # Use the theme built into the binary, so the corpus never lags behind the templates.
    shutil.rmtree(site / "themes" / "default", ignore_errors=True)

    batches = sorted((site / "content" / "services").glob("*.yaml"))
    batch = batches[len(batches) // 2]
    text = batch.read_text(encoding="utf-8")
    ids = re.findall(r"^- id: (\S+)$", text, flags=re.M)
    if not ids:
        raise SystemExit(f"{batch} has no services with an id")

    port = free_port()
    log_path = work / "serve-memory.log"
    log = open(log_path, "w", encoding="utf-8", buffering=1)
    server = subprocess.Popen(
        [str(binary), "serve", "--root", str(site), "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    samples: list[float] = []
    try:
        wait_for(lambda: status_of(port, "/") == 200, 600, "the first build")
        time.sleep(1)
        first = rss_mib(server.pid)
        print(f"after the first build: {first:.0f} MiB ({args.services} services)")
        for n in range(args.edits):
            service_id = ids[n % len(ids)]
            marker = f"Edited for the memory benchmark, run {n} at {time.time_ns()}"
            pattern = re.compile(rf"(^- id: {re.escape(service_id)}$.*?^  summary: )(\"[^\n]*\"|[^\n]*)", flags=re.M | re.S)
            text, count = pattern.subn(lambda m: m.group(1) + f'"{marker}"', text, count=1)
            if count != 1:
                raise SystemExit(f"cannot find the summary of {service_id}")
            batch.write_text(text, encoding="utf-8")
            wait_for(
                lambda: log_path.read_text(encoding="utf-8").count("Rebuilt in") >= n + 2,
                600,
                f"the rebuild after edit {n + 1}",
            )
            status_of(port, "/_review/")
            # The server hands freed memory back just after it reports the rebuild.
            time.sleep(0.5)
            samples.append(rss_mib(server.pid))
            if (n + 1) % 5 == 0:
                print(f"  after edit {n + 1}: {samples[-1]:.0f} MiB")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    if len(samples) < 5:
        raise SystemExit("need at least 5 edits")
    at5, last = samples[4], samples[-1]
    growth = (last - at5) / at5 * 100
    verdict = "PASS" if growth <= 20 else "FAIL"
    print(f"RSS after edit 5: {at5:.0f} MiB; after edit {len(samples)}: {last:.0f} MiB; growth {growth:+.1f}% ({verdict}: at most +20%)")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())

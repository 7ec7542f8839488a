#!/usr/bin/env python3
"""Measure `signpost serve`: the time from saving one service file to the rebuilt page being served.

Usage:
    python3 bench/serve_latency.py                       # 10,000-service corpus, 7 edits
    python3 bench/serve_latency.py --services 1000 --edits 5
    python3 bench/serve_latency.py --corpus /tmp/c10k    # use an existing generated corpus (it is copied)

It builds the release binary (cargo build --release), generates the corpus with
scripts/generate-corpus.py into bench/work/ (git-ignored), starts `target/release/signpost serve`
on a free loopback port, waits for the first build, then repeatedly changes the summary of one
service in one batch file (a different service each time), and polls that service's page every
2 ms until the new text is served. Reports the median, minimum and maximum, and each rebuild line
the server printed (the full rebuild that follows each fast page update). Only the Python standard library is used; traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import http.client
import re
import shutil
import socket
import statistics
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


def fetch(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path)
        reply = connection.getresponse()
        return reply.status, reply.read().decode("utf-8", "replace")
    finally:
        connection.close()


def wait_for(check, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.002)
    raise SystemExit(f"timed out waiting for {what}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help="an existing corpus to copy instead of generating one")
    parser.add_argument("--no-build", action="store_true", help="use target/release/signpost as it is")
    args = parser.parse_args()

    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    binary = REPO / "target" / "release" / "signpost"
    site = WORK / f"serve-{args.services}"
    if site.exists():
        shutil.rmtree(site)
    WORK.mkdir(parents=True, exist_ok=True)
    if args.corpus:
        shutil.copytree(args.corpus, site)
    else:
        subprocess.run([sys.executable, str(REPO / "scripts" / "generate-corpus.py"), str(args.services), str(site)], check=True)

    # Use the theme built into the binary, so the corpus never lags behind the templates.
    shutil.rmtree(site / "themes" / "default", ignore_errors=True)

    batch = sorted((site / "content" / "services").glob("*.yaml"))[len(list((site / "content" / "services").glob("*.yaml"))) // 2]
    text = batch.read_text(encoding="utf-8")
    ids = re.findall(r"^- id: (\S+)$", text, flags=re.M)
    if len(ids) < args.edits:
        raise SystemExit(f"{batch} has only {len(ids)} services with an id")

    port = free_port()
    log = open(WORK / "serve-latency.log", "w", encoding="utf-8", buffering=1)
    server = subprocess.Popen(
        [str(binary), "serve", "--root", str(site), "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        started = time.monotonic()
        wait_for(lambda: fetch(port, "/")[0] == 200, 120, "the first build")
        print(f"first build served after {time.monotonic() - started:.2f} s ({args.services} services)")
        times = []
        for n in range(args.edits):
            service_id = ids[n * (len(ids) // args.edits)]
            marker = f"Edited for the latency benchmark, run {n} at {time.time_ns()}"
            # Put the marker in this service's summary (the first summary after its id line).
            pattern = re.compile(rf"(^- id: {re.escape(service_id)}$.*?^  summary: )(\"[^\n]*\"|[^\n]*)", flags=re.M | re.S)
            new_text, count = pattern.subn(lambda m: m.group(1) + f'"{marker}"', text, count=1)
            if count != 1:
                raise SystemExit(f"cannot find the summary of {service_id}")
            # Let the previous full rebuild finish so that edits do not queue behind it.
            wait_for(lambda: (WORK / "serve-latency.log").read_text(encoding="utf-8").count("Rebuilt in") >= n + 1, 300, "the full rebuild")
            time.sleep(0.2)
            saved = time.monotonic()
            batch.write_text(new_text, encoding="utf-8")
            text = new_text
            wait_for(lambda: marker in fetch(port, f"/services/{service_id}/")[1], 30, f"the edit of {service_id}")
            elapsed = (time.monotonic() - saved) * 1000
            times.append(elapsed)
            print(f"  edit {n + 1}: {elapsed:.0f} ms")
        print(
            f"save-to-served latency over {len(times)} edits: median {statistics.median(times):.0f} ms, "
            f"min {min(times):.0f} ms, max {max(times):.0f} ms"
        )
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    print("server log (rebuild lines):")
    for line in (WORK / "serve-latency.log").read_text(encoding="utf-8").splitlines():
        if line.startswith(("Rebuilt", "Preview", "Not published", "error")):
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Measure `signpost serve`: the time from saving a file to the edited page being served, in bursts.

Usage:
    python3 bench/serve_latency.py                        # 10,000-service corpus, 10 edits per burst
    python3 bench/serve_latency.py --services 1000 --edits 6
    python3 bench/serve_latency.py --corpus /tmp/c10k     # use an existing generated corpus (it is copied)
    python3 bench/serve_latency.py --no-build --binary target/release/signpost

It builds the release binary (cargo build --release) unless told not to, generates the corpus with
scripts/generate-corpus.py into bench/work/ (git-ignored), starts `signpost serve` on a free
loopback port and waits for the first build. Then it runs four bursts: title edits to one page
(`content/advice/index.md`) and title edits to services (`name:`, a different service each time,
all in one batch file), each with saves 100 ms apart and 1.5 s apart. Saves keep to their
schedule whatever the preview is doing, so later edits land while the rebuild after an earlier one
is running. One poller fetches every edited page that is not yet up to date every 2 ms; an edit
counts as served when its page shows its title (or, for the page edited over and over, a later
one). Between bursts it waits until the preview has settled (a rebuild reported after the burst's
last save, then none for 2 s). It prints each
edit's latency, the median and 95th percentile per burst and over all edits, and the server's
rebuild lines. Only the Python standard library is used; traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import http.client
import math
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "work"
PAGE_FILE = Path("content/advice/index.md")
PAGE_URL = "/advice/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
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
        time.sleep(0.005)
    raise SystemExit(f"timed out waiting for {what}")


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with at least `share` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


class Log:
    """The server's output, read as it comes."""

    def __init__(self, path: Path):
        self.path = path

    def rebuilds(self) -> int:
        text = self.path.read_text(encoding="utf-8", errors="replace")
        return text.count("Rebuilt in") + text.count("Not published")

    def settle(self, after: int, quiet: float = 2.0, timeout: float = 900) -> None:
        """Waits until more than `after` rebuilds were reported and then none for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        last, since = self.rebuilds(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.rebuilds()
            if now != last:
                last, since = now, time.monotonic()
            elif now > after and time.monotonic() - since >= quiet:
                return
        raise SystemExit("the preview never settled")


class Poller(threading.Thread):
    """Fetches each pending edit's page until it is served; records the latency from its save."""

    def __init__(self, port: int):
        super().__init__(daemon=True)
        self.port = port
        self.lock = threading.Lock()
        self.pending: list[tuple[int, str, object, float]] = []  # (number, url, served?, saved at)
        self.served: dict[int, float] = {}
        self.stop = False

    def add(self, number: int, url: str, is_served, saved: float) -> None:
        with self.lock:
            self.pending.append((number, url, is_served, saved))

    def run(self) -> None:
        while not self.stop:
            with self.lock:
                pending = list(self.pending)
            for number, url, is_served, saved in pending:
                try:
                    status, body = fetch(self.port, url)
                except OSError:
                    continue
                if status == 200 and is_served(body):
                    elapsed = (time.monotonic() - saved) * 1000
                    with self.lock:
                        self.served[number] = elapsed
                        self.pending = [p for p in self.pending if p[0] != number]
            time.sleep(0.002)

    def wait(self, numbers: list[int], timeout: float = 120) -> list[float]:
        wait_for(lambda: all(n in self.served for n in numbers), timeout, "the edits to be served")
        return [self.served[n] for n in numbers]


def page_run(body: str) -> int:
    """The run number in the edited page's title (-1 when none)."""
    found = re.findall(r"Advice, latency run (\d+)", body)
    return max((int(n) for n in found), default=-1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=10, help="edits per burst")
    parser.add_argument("--corpus", type=Path, help="an existing corpus to copy instead of generating one")
    parser.add_argument("--no-build", action="store_true", help="do not run cargo build --release")
    parser.add_argument("--binary", type=Path, default=REPO / "target" / "release" / "signpost")
    args = parser.parse_args()

    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
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

    batches = sorted((site / "content" / "services").glob("*.yaml"))
    batch = batches[len(batches) // 2]
    ids = re.findall(r"^- id: (\S+)$", batch.read_text(encoding="utf-8"), flags=re.M)
    if len(ids) < 2 * args.edits:
        raise SystemExit(f"{batch} has only {len(ids)} services with an id; ask for fewer --edits")
    page = site / PAGE_FILE
    if not re.search(r"^title: .*$", page.read_text(encoding="utf-8"), flags=re.M):
        raise SystemExit(f"{page} has no title line")

    port = free_port()
    log_path = WORK / "serve-latency.log"
    log_file = open(log_path, "w", encoding="utf-8", buffering=1)
    server = subprocess.Popen([str(args.binary), "serve", "--root", str(site), "--port", str(port)], stdout=log_file, stderr=subprocess.STDOUT)
    log = Log(log_path)
    poller = Poller(port)
    results: list[tuple[str, list[float]]] = []
    try:
        started = time.monotonic()
        wait_for(lambda: fetch(port, "/")[0] == 200, 300, "the first build")
        print(f"first build served after {time.monotonic() - started:.2f} s ({args.services} services)")
        poller.start()
        number = 0
        next_service = 0
        before_burst = 0
        for target in ("page", "service"):
            for gap in (0.1, 1.5):
                log.settle(after=before_burst)
                numbers = []
                begin = time.monotonic()
                for n in range(args.edits):
                    time.sleep(max(0.0, begin + n * gap - time.monotonic()))
                    number += 1
                    if target == "page":
                        run = number
                        text = page.read_text(encoding="utf-8")
                        text = re.sub(r"^title: .*$", f"title: Advice, latency run {run}", text, count=1, flags=re.M)
                        url, is_served = PAGE_URL, (lambda body, run=run: page_run(body) >= run)
                        saved_file, saved_text = page, text
                    else:
                        service_id = ids[next_service]
                        next_service += 1
                        marker = f"Latency run {number} service"
                        text = batch.read_text(encoding="utf-8")
                        pattern = re.compile(rf"(^- id: {re.escape(service_id)}$.*?^  name: )([^\n]*)", flags=re.M | re.S)
                        text, count = pattern.subn(lambda m: m.group(1) + f'"{marker}"', text, count=1)
                        if count != 1:
                            raise SystemExit(f"cannot find the name of {service_id}")
                        url, is_served = f"/services/{service_id}/", (lambda body, marker=marker: marker in body)
                        saved_file, saved_text = batch, text
                    saved = time.monotonic()
                    saved_file.write_text(saved_text, encoding="utf-8")
                    poller.add(number, url, is_served, saved)
                    numbers.append(number)
                before_burst = log.rebuilds()
                times = poller.wait(numbers)
                label = f"{target} title edits {int(gap * 1000)} ms apart"
                results.append((label, times))
                print(f"{label}: " + ", ".join(f"{t:.0f}" for t in times) + " ms")
        log.settle(after=before_burst)
    finally:
        poller.stop = True
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log_file.close()

    print()
    print(f"save-to-served latency, {args.services} services, {args.binary.name} at {args.binary}:")
    every = []
    for label, times in results:
        every.extend(times)
        print(f"  {label:38} median {statistics.median(times):5.0f} ms   95th percentile {percentile(times, 0.95):5.0f} ms   max {max(times):5.0f} ms")
    print(f"  {'all ' + str(len(every)) + ' edits':38} median {statistics.median(every):5.0f} ms   95th percentile {percentile(every, 0.95):5.0f} ms   max {max(every):5.0f} ms")
    log_text = log_path.read_text(encoding="utf-8")
    rebuilds = [float(m) for m in re.findall(r"Rebuilt in (\d+) ms", log_text)]
    fast = [float(m) for m in re.findall(r"edited pages at once in (\d+) ms", log_text)]
    if fast:
        print(f"  fast path (edited pages written at once): {len(fast)} times, median {statistics.median(fast):.0f} ms, max {max(fast):.0f} ms")
    if len(rebuilds) > 1:
        later = rebuilds[1:]
        print(f"  consistent rebuilds published after edits: {len(later)}, median {statistics.median(later):.0f} ms, max {max(later):.0f} ms (first build {rebuilds[0]:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

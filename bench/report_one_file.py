#!/usr/bin/env python3
"""Time `signpost report` on a site whose services are all in one YAML file.

Usage:
    python3 bench/report_one_file.py --binary target/release/signpost            # 3,000 services
    python3 bench/report_one_file.py --binary target/debug/signpost --services 500

It generates a site with scripts/generate-corpus.py, then joins every generated services file
into one `content/services/all.yaml` (the layout `signpost import openreferral` writes), and
gives each service a description with words the plain-language checks warn about, so the
report has thousands of findings to share out among the services. Then it times
`signpost report` (wall and CPU, median of --runs). Standard library only; scratch files go to
bench/work/ (git-ignored).
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

DESCRIPTION = '  description: "We will facilitate sessions and we utilise the hall. Forms are completed by staff."\n'


def make_site(n: int, folder: Path) -> int:
    subprocess.run([sys.executable, str(REPO / "scripts" / "generate-corpus.py"), str(n), str(folder),
                    "--force"], check=True, stdout=subprocess.DEVNULL)
    services = folder / "content" / "services"
    batches = sorted(services.glob("batch-*.yaml"))
    blocks: list[list[str]] = []
    for batch in batches:
        for line in batch.read_text().splitlines(keepends=True):
            if line.startswith("#"):
                continue
            if line.startswith("- id:") or not blocks:
                blocks.append([])
            blocks[-1].append(line)
        batch.unlink()
    lines: list[str] = ["# Every service in one file.\n"]
    count = 0
    for block in blocks:
        if block and block[0].startswith("- id:"):
            count += 1
            if not any(line.startswith("  description:") for line in block):
                block.insert(1, DESCRIPTION)
        lines.extend(block)
    (services / "all.yaml").write_text("".join(lines))
    # One file of thousands of services is bigger than the default limit of 1,024 KB.
    config = folder / "site.toml"
    text = config.read_text()
    if "max_file_kb = " in text:
        text = re.sub(r"max_file_kb = \d+", "max_file_kb = 16384", text)
    else:
        text += "\n[checks]\nmax_file_kb = 16384\n"
    config.write_text(text)
    return count


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", type=Path, required=True)
    ap.add_argument("--services", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work-dir", type=Path, default=REPO / "bench" / "work")
    args = ap.parse_args()
    work = args.work_dir.resolve()
    site = work / f"report-one-file-{args.services}"
    count = make_site(args.services, site)
    print(f"{count:,} services in {site / 'content/services/all.yaml'}")
    walls, cpus = [], []
    for run in range(args.runs):
        out = work / "report-out"
        shutil.rmtree(out, ignore_errors=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([str(args.binary), "report", "--root", str(site), "--output", str(out)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 1):
            print(done.stderr[-2000:], file=sys.stderr)
            return 1
        walls.append(wall)
        cpus.append(cpu)
        with open(out / "content-audit.csv", newline="") as audit:
            rows = sum(1 for _ in csv.reader(audit)) - 1
        print(f"run {run + 1}: wall {wall:.2f} s, CPU {cpu:.2f} s, exit {done.returncode}, {rows:,} audit rows")
    print(f"median: wall {statistics.median(walls):.2f} s, CPU {statistics.median(cpus):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

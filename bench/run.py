#!/usr/bin/env python3
"""Benchmark `signpost build` on generated sites of 1,000, 10,000 and 50,000 services.

Usage:
    python3 bench/run.py                 # 1,000 / 10,000 / 50,000 services, 5 timed runs each
    python3 bench/run.py --quick         # skip 50,000
    python3 bench/run.py --only 10000    # one size (repeat --only, or give a comma list)
    python3 bench/run.py --runs 3 --json bench/results/latest.json
    ZOLA=/path/to/zola python3 bench/run.py --vs-zola [bench/zola.py options]
                                         # Signpost against Zola side by side (see bench/zola.py)

It builds the release binary once (cargo build --release --locked), generates each corpus with
scripts/generate-corpus.py (deterministic), does one untimed warm-up build, then times --runs
builds into a fresh output folder each time. Per size it reports the median, minimum and maximum
wall time, the median peak memory (maximum resident set size of the signpost process, from
wait4), the number of HTML pages written and the median time per 1,000 services (roughly flat if
the build scales linearly). Ends with a Markdown table to paste into the README.
Only the Python standard library is used. Scratch files go to bench/work/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = [1_000, 10_000, 50_000]


def log(msg: str) -> None:
    print(msg, flush=True)


def parse_sizes(values: list[str]) -> list[int]:
    sizes: list[int] = []
    for v in values:
        for part in v.split(","):
            part = part.strip().replace("_", "").replace(",", "")
            if part:
                sizes.append(int(part))
    return sizes


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def git_rev() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                               capture_output=True, text=True).stdout.strip()
        return rev + ("-dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def timed_run(cmd: list[str], log_path: Path) -> tuple[float, int, int, float]:
    """Run cmd; return (wall seconds, peak RSS in bytes, exit code, CPU seconds (user + system))."""
    with open(log_path, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return wall, rss, proc.returncode, usage.ru_utime + usage.ru_stime


def count_pages(out: Path) -> int:
    return sum(1 for _ in out.rglob("*.html"))


def fmt_secs(s: float) -> str:
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def fmt_mib(b: float) -> str:
    return f"{b / (1024 * 1024):.0f} MiB"


def main() -> int:
    if "--vs-zola" in sys.argv[1:]:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import zola  # bench/zola.py: the side-by-side comparison

        return zola.main([a for a in sys.argv[1:] if a != "--vs-zola"])
    ap = argparse.ArgumentParser(description="Benchmark signpost build on generated corpora.")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per size (default 5)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    ap.add_argument("--quick", action="store_true", help="skip the 50,000-service corpus")
    ap.add_argument("--only", action="append", default=[], metavar="N",
                    help="only this size (repeatable, or comma-separated)")
    ap.add_argument("--work-dir", type=Path, default=REPO / "bench" / "work",
                    help="scratch folder for corpora and output (default bench/work)")
    ap.add_argument("--binary", type=Path, default=None,
                    help="use this signpost binary instead of building target/release/signpost")
    ap.add_argument("--no-build", action="store_true", help="do not run cargo build first")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--json", type=Path, default=None, help="also write the results as JSON here")
    ap.add_argument("--keep", action="store_true", help="keep the generated corpora and output")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    sizes = parse_sizes(args.only) if args.only else [
        s for s in DEFAULT_SIZES if not (args.quick and s >= 50_000)]

    binary = (args.binary or REPO / "target" / "release" / "signpost").resolve()
    if args.binary is None and not args.no_build:
        log("==> cargo build --release --locked")
        subprocess.run(["cargo", "build", "--release", "--locked"], cwd=REPO, check=True)
    if not binary.is_file():
        log(f"bench: signpost binary not found at {binary}")
        return 1

    work: Path = args.work_dir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    results = []
    for n in sizes:
        corpus = work / f"corpus-{n}"
        out = work / f"out-{n}"
        log(f"\n==> {n:,} services: generating corpus in {corpus}")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, str(REPO / "scripts" / "generate-corpus.py"), str(n), str(corpus),
                        "--force", "--seed", str(args.seed)], check=True)
        log(f"    generated in {time.perf_counter() - t0:.1f} s")
        cmd = [str(binary), "build", "--root", str(corpus), "--output", str(out)]
        walls: list[float] = []
        cpus: list[float] = []
        rsss: list[int] = []
        pages = 0
        for i in range(args.warmup + args.runs):
            shutil.rmtree(out, ignore_errors=True)
            os.sync()  # flush the previous run's writes so they do not slow this one
            log_path = work / f"build-{n}.log"
            wall, rss, code, cpu = timed_run(cmd, log_path)
            if code != 0:
                log(f"bench: signpost build failed (exit {code}) for {n:,} services; last lines of {log_path}:")
                lines = log_path.read_text(errors="replace").splitlines()
                for line in lines[-30:]:
                    log("    " + line)
                return 1
            warm = i < args.warmup
            if not warm:
                walls.append(wall)
                rsss.append(rss)
                cpus.append(cpu)
            pages = count_pages(out)
            log(f"    {'warm-up' if warm else f'run {i - args.warmup + 1}'}: {fmt_secs(wall)}, "
                f"CPU {fmt_secs(cpu)}, peak RSS {fmt_mib(rss)}, {pages:,} pages")
        med = statistics.median(walls)
        r = {
            "services": n,
            "pages": pages,
            "runs": len(walls),
            "median_s": med,
            "min_s": min(walls),
            "max_s": max(walls),
            "median_peak_rss_bytes": statistics.median(rsss),
            "median_cpu_s": statistics.median(cpus),
            "ms_per_1000_services": med * 1000 / (n / 1000) if n else None,
            "wall_s": walls,
            "peak_rss_bytes": rsss,
        }
        results.append(r)
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(corpus, ignore_errors=True)

    machine = f"{cpu_model()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}"
    rev = git_rev()
    log(f"\nsignpost {rev}, release build; {machine}; median of {args.runs} runs after "
        f"{args.warmup} warm-up run(s); peak memory is the build process's maximum RSS.\n")
    log("| Services | Pages written | Median time | Min – max | Median CPU time | Median peak memory | Time per 1,000 services |")
    log("|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        per = f"{r['ms_per_1000_services']:.0f} ms" if r["ms_per_1000_services"] is not None else "–"
        log(f"| {r['services']:,} | {r['pages']:,} | {fmt_secs(r['median_s'])} | "
            f"{fmt_secs(r['min_s'])} – {fmt_secs(r['max_s'])} | {fmt_secs(r['median_cpu_s'])} | "
            f"{fmt_mib(r['median_peak_rss_bytes'])} | {per} |")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"revision": rev, "machine": machine, "runs": args.runs,
                                         "warmup": args.warmup, "results": results}, indent=2) + "\n")
        log(f"\nbench: wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

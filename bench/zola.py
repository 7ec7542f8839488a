#!/usr/bin/env python3
"""Signpost against Zola, side by side in one round-robin run, on generated corpora.

Usage:
    ZOLA=/path/to/zola python3 bench/zola.py                  # 1,000 / 10,000 / 50,000 services
    ZOLA=/path/to/zola python3 bench/zola.py --only 10000 --runs 5
    python3 bench/run.py --vs-zola ...                           # the same, from the build benchmark

For each size it generates Signpost's corpus (scripts/generate-corpus.py) and Zola's corpus of
the same number of services (the peer generator `gen-corpus.py --flavor zola` with the peer's
minimal templates, from --peers, default ../shared/bench/peers beside the repository), then runs
the two builds in turn, Signpost Zola Signpost Zola ..., after one untimed warm-up each, so that
the machine's speed drifting hits both alike. Each build writes into a fresh output folder
(deleted before the timer starts). Per build it takes the CPU time (user + system), the wall
time and the peak memory (maximum resident set size) from wait4. It prints medians, the ratio
Signpost/Zola taken round by round (median of the rounds), time per 1,000 services, and
Signpost's own stage breakdown (load, check, render, write, index) from SIGNPOST_TIMINGS=1.

Zola is the yardstick for a *render-only* build: it checks nothing, makes no search index and
no feed. Signpost's build is its whole build: every check, every page, the Open Referral feed,
the tantivy index and the static search bundle.

Zola's path comes from the ZOLA environment variable (or --zola); without it the script says so
and times Signpost alone. Only the Python standard library is used. Scratch files go to
bench/work/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = [1_000, 10_000, 50_000]
STAGES = ["load", "check", "render", "write", "index", "total"]
TIMING_LINE = re.compile(r"^timings: (\w+)\s+([0-9.]+) s wall\s+([0-9.]+) s cpu")
PEAK_LINE = "timings: peak MiB after "


def log(msg: str = "") -> None:
    print(msg, flush=True)


def parse_sizes(values: list[str]) -> list[int]:
    return [int(p.strip().replace("_", "")) for v in values for p in v.split(",") if p.strip()]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def timed(cmd: list[str], log_path: Path, env: dict[str, str] | None = None) -> dict:
    """Runs cmd with its output in log_path; returns wall, cpu (user + sys), peak RSS, exit code."""
    with open(log_path, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=out, stdin=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    return {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_mib": usage.ru_maxrss / 1024,  # kilobytes on Linux
        "exit": os.waitstatus_to_exitcode(status),
    }


def stage_times(log_path: Path) -> dict[str, tuple[float, float]]:
    """The `timings:` lines Signpost printed with SIGNPOST_TIMINGS=1: stage -> (wall, cpu); the
    peak memory after each step under the key "peaks" (as text)."""
    found: dict = {}
    for line in log_path.read_text(errors="replace").splitlines():
        line = line.strip()
        m = TIMING_LINE.match(line)
        if m:
            found[m.group(1)] = (float(m.group(2)), float(m.group(3)))
        elif line.startswith(PEAK_LINE):
            found["peaks"] = line[len(PEAK_LINE):]
    return found


def fail(name: str, n: int, result: dict, log_path: Path) -> int:
    log(f"bench: {name} failed (exit {result['exit']}) at {n:,} services; last lines of {log_path}:")
    for line in log_path.read_text(errors="replace").splitlines()[-20:]:
        log("    " + line)
    return 1


def make_zola_corpus(peers: Path, n: int, folder: Path) -> None:
    subprocess.run([sys.executable, str(peers / "gen-corpus.py"), "--services", str(n), "--flavor", "zola",
                    "--out", str(folder), "--force"], check=True, stdout=subprocess.DEVNULL)
    shutil.copytree(peers / "zola-site", folder, dirs_exist_ok=True)
    (folder / "static" / "search").mkdir(parents=True, exist_ok=True)
    shutil.copy(peers / "shared-static" / "site.css", folder / "static" / "site.css")
    shutil.copy(peers / "shared-static" / "search-index.html", folder / "static" / "search" / "index.html")


def med(rows: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def ratio(a: list[dict], b: list[dict], key: str) -> float:
    return statistics.median(x[key] / y[key] for x, y in zip(a, b) if y[key] > 0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Signpost against Zola, round-robin, on generated corpora.")
    ap.add_argument("--runs", type=int, default=3, help="timed rounds per size (default 3)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed rounds first (default 1)")
    ap.add_argument("--only", action="append", default=[], metavar="N", help="only this size (repeatable or comma list)")
    ap.add_argument("--zola", type=Path, default=None, help="the zola binary (default: $ZOLA)")
    ap.add_argument("--peers", type=Path, default=Path(os.environ.get("ZOLA_PEERS", REPO.parent / "shared" / "bench" / "peers")),
                    help="folder with gen-corpus.py, zola-site/ and shared-static/ (default: $ZOLA_PEERS or ../shared/bench/peers)")
    ap.add_argument("--binary", type=Path, default=None, help="this signpost binary instead of target/release/signpost")
    ap.add_argument("--no-build", action="store_true", help="do not run cargo build --release first")
    ap.add_argument("--work-dir", type=Path, default=REPO / "bench" / "work")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--json", type=Path, default=None, help="also write the results as JSON here")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    sizes = parse_sizes(args.only) or DEFAULT_SIZES

    zola_value = args.zola or (Path(os.environ["ZOLA"]) if os.environ.get("ZOLA") else None)
    zola = zola_value.resolve() if zola_value else None
    if zola is None:
        log("bench: ZOLA is not set, so Zola is not measured: set ZOLA to the path of a Zola 0.22 binary "
            "(for example ZOLA=../shared/bench/zola/zola). Timing Signpost alone.")
    elif not os.access(zola, os.X_OK):
        log(f"bench: ZOLA={zola} is not an executable file; set ZOLA to the path of a Zola 0.22 binary.")
        return 2
    if zola and not (args.peers / "gen-corpus.py").is_file():
        log(f"bench: no Zola corpus generator at {args.peers / 'gen-corpus.py'}; give --peers or ZOLA_PEERS.")
        return 2

    binary = (args.binary or REPO / "target" / "release" / "signpost").resolve()
    if args.binary is None and not args.no_build:
        log("==> cargo build --release --locked")
        subprocess.run(["cargo", "build", "--release", "--locked"], cwd=REPO, check=True)
    if not binary.is_file():
        log(f"bench: signpost binary not found at {binary}")
        return 1

    work: Path = args.work_dir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, SIGNPOST_TIMINGS="1")
    results = []
    for n in sizes:
        corpus, out = work / f"corpus-{n}", work / f"out-{n}"
        zcorpus = work / f"zola-{n}"
        log(f"\n==> {n:,} services: generating the corpora")
        subprocess.run([sys.executable, str(REPO / "scripts" / "generate-corpus.py"), str(n), str(corpus), "--force",
                        "--seed", str(args.seed)], check=True, stdout=subprocess.DEVNULL)
        if zola:
            make_zola_corpus(args.peers, n, zcorpus)
        sp_cmd = [str(binary), "build", "--root", str(corpus), "--output", str(out)]
        z_cmd = [str(zola), "--root", str(zcorpus), "build"] if zola else None
        sp_log, z_log = work / f"signpost-{n}.log", work / f"zola-{n}.log"
        sp_rows: list[dict] = []
        z_rows: list[dict] = []
        stages: list[dict[str, float]] = []
        for i in range(args.warmup + args.runs):
            warm = i < args.warmup
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(corpus / "search-index", ignore_errors=True)
            os.sync()
            sp = timed(sp_cmd, sp_log, env)
            if sp["exit"] != 0:
                return fail("signpost build", n, sp, sp_log)
            line = f"signpost {sp['cpu_s']:.2f} s CPU, {sp['wall_s']:.2f} s wall, {sp['peak_mib']:.0f} MiB"
            if z_cmd:
                shutil.rmtree(zcorpus / "public", ignore_errors=True)
                os.sync()
                z = timed(z_cmd, z_log)
                if z["exit"] != 0:
                    return fail("zola build", n, z, z_log)
                line += f" | zola {z['cpu_s']:.2f} s CPU, {z['wall_s']:.2f} s wall, {z['peak_mib']:.0f} MiB"
            log(f"    {'warm-up' if warm else f'round {i - args.warmup + 1}'}: {line}")
            if not warm:
                sp_rows.append(sp)
                stages.append(stage_times(sp_log))
                if z_cmd:
                    z_rows.append(z)
        r = {"services": n, "signpost": sp_rows, "zola": z_rows,
             "stages": {s: [statistics.median(st.get(s, (0.0, 0.0))[k] for st in stages) for k in (0, 1)]
                        for s in STAGES},
             "peaks": stages[-1].get("peaks", "")}
        results.append(r)
        shutil.rmtree(out, ignore_errors=True)

    machine = f"{cpu_model()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}"
    log(f"\n{machine}; one run, {args.runs} round(s) after {args.warmup} warm-up round(s), Signpost and Zola in turn; "
        "medians; ratios are Signpost/Zola taken round by round; CPU is user + system; peak memory is the "
        "build process's maximum RSS.\n")
    if any(r["zola"] for r in results):
        log("| Services | Signpost CPU | Zola CPU | CPU ratio | Signpost wall | Zola wall | Wall ratio | "
            "Signpost peak | Zola peak | Signpost CPU per 1,000 | Zola CPU per 1,000 |")
        log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in results:
            n, sp, z = r["services"], r["signpost"], r["zola"]
            k = n / 1000
            log(f"| {n:,} | {med(sp, 'cpu_s'):.2f} s | {med(z, 'cpu_s'):.2f} s | {ratio(sp, z, 'cpu_s'):.2f}× | "
                f"{med(sp, 'wall_s'):.2f} s | {med(z, 'wall_s'):.2f} s | {ratio(sp, z, 'wall_s'):.2f}× | "
                f"{med(sp, 'peak_mib'):.0f} MiB | {med(z, 'peak_mib'):.0f} MiB | "
                f"{med(sp, 'cpu_s') / k * 1000:.0f} ms | {med(z, 'cpu_s') / k * 1000:.0f} ms |")
    else:
        log("| Services | Signpost CPU | Signpost wall | Signpost peak | CPU per 1,000 | Wall per 1,000 |")
        log("|---:|---:|---:|---:|---:|---:|")
        for r in results:
            n, sp = r["services"], r["signpost"]
            k = n / 1000
            log(f"| {n:,} | {med(sp, 'cpu_s'):.2f} s | {med(sp, 'wall_s'):.2f} s | {med(sp, 'peak_mib'):.0f} MiB | "
                f"{med(sp, 'cpu_s') / k * 1000:.0f} ms | {med(sp, 'wall_s') / k * 1000:.0f} ms |")

    log("\nSignpost's stages, CPU seconds (all threads) / wall seconds, medians (SIGNPOST_TIMINGS=1; "
        "pages are written while they render, so writing them counts to render):\n")
    log("| Services | " + " | ".join(STAGES) + " | CPU per 1,000 |")
    log("|---:|" + "---:|" * (len(STAGES) + 1))
    for r in results:
        st = r["stages"]
        log(f"| {r['services']:,} | " + " | ".join(f"{st[s][1]:.2f} / {st[s][0]:.2f}" for s in STAGES)
            + f" | {st['total'][1] / (r['services'] / 1000) * 1000:.0f} ms |")
    log("\nPeak memory after each step of the last round (MiB):")
    for r in results:
        log(f"    {r['services']:,}: {r['peaks']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"machine": machine, "runs": args.runs, "warmup": args.warmup,
                                         "zola": str(zola) if zola else None, "results": results}, indent=2) + "\n")
        log(f"\nbench: wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

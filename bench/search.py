#!/usr/bin/env python3
"""Search benchmark: Signpost's static search bundle against Pagefind on the same built site.

For each corpus size (default 1,000 and 10,000 services) it generates a site
(scripts/generate-corpus.py), builds it with Signpost (with and without search, to time the
search part), runs Pagefind on the same output, then measures what a first search downloads for a
set of queries: script + WebAssembly + index pieces + result data, each file counted at its
gzip -9 size (or as stored, if that is smaller: Pagefind's pieces are already compressed).
Signpost's side runs themes/default/static/search.js in Node (tests/browser/search-engine.mjs),
Pagefind's side runs pagefind.js in Node (bench/pagefind-first-search.mjs); both record the files
they fetch.

Usage: python3 bench/search.py [--sizes 1000,10000] [--work DIR] [--pagefind PATH]
Pagefind: npm install --prefix /tmp/pf pagefind   (the default --pagefind is /tmp/pf/node_modules/.bin/pagefind)
Needs: a release build (cargo build --release), node, /usr/bin/time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUERIES = [
    "speech and language therapy",
    "respite",
    "autism",
    "short breaks",
    "wheelchair swimming",
    "ehcp",
    "holiday club",
    "mental health",
    "transport",
    "sendiass",
]


def transfer_size(path: Path) -> int:
    raw = path.read_bytes()
    return min(len(raw), len(gzip.compress(raw, 9)))


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, float, int]:
    """Runs a command; returns (wall seconds, CPU seconds, peak memory in MiB). CPU seconds are
    the steadier figure on a busy machine."""
    started = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", *command], cwd=cwd, capture_output=True, text=True)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    user, system, peak_kb = result.stderr.strip().splitlines()[-1].split()
    return seconds, float(user) + float(system), int(peak_kb) // 1024


def set_search(site: Path, enabled: bool) -> None:
    config = site / "site.toml"
    text = config.read_text()
    text = text.split("\n# bench/search.py\n")[0]
    text += f"\n# bench/search.py\n[search]\nenabled = {'true' if enabled else 'false'}\n"
    if "[statutory]" not in text:
        text += "\n[statutory]\nrequired_topics = []\n"
    config.write_text(text)


def signpost_first_search(public: Path) -> dict[str, int]:
    script = next((public / "assets").glob("search.*.js"))
    request = {"queries": [{"q": q, "limit": 10, "typing": False} for q in QUERIES]}
    result = subprocess.run(
        ["node", str(REPO / "tests/browser/search-engine.mjs"), str(public)],
        input=json.dumps(request), capture_output=True, text=True, check=True,
    )
    fetched = json.loads(result.stdout)["fetched"]
    script_bytes = transfer_size(script)
    return {q: script_bytes + sum(transfer_size(public / f.lstrip("/")) for f in files) for q, files in zip(QUERIES, fetched)}


def pagefind_first_search(public: Path) -> dict[str, int]:
    result = subprocess.run(
        ["node", str(REPO / "bench/pagefind-first-search.mjs"), str(public), *QUERIES],
        capture_output=True, text=True, check=True,
    )
    out = {}
    for line in result.stdout.splitlines():
        row = json.loads(line)
        out[row["query"]] = sum(transfer_size(public / f) for f, _ in row["files"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--work", default=str(REPO / "bench/work/search"))
    parser.add_argument("--pagefind", default="/tmp/pf/node_modules/.bin/pagefind")
    args = parser.parse_args()
    signpost = REPO / "target/release/signpost"
    if not signpost.exists():
        subprocess.run(["cargo", "build", "--release"], cwd=REPO, check=True)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    for size in [int(s) for s in args.sizes.split(",")]:
        site = work / f"corpus-{size}"
        subprocess.run([sys.executable, str(REPO / "scripts/generate-corpus.py"), str(size), str(site), "--force"],
                       check=True, capture_output=True)
        set_search(site, False)
        without, without_cpu, without_peak = timed([str(signpost), "build", "--root", str(site)])
        set_search(site, True)
        with_search, with_cpu, peak = timed([str(signpost), "build", "--root", str(site)])
        public = site / "public"
        pf_seconds, pf_cpu, pf_peak = timed([args.pagefind, "--site", str(public)])
        ours = signpost_first_search(public)
        theirs = pagefind_first_search(public)
        print(f"\n== {size} services ({sum(1 for _ in public.rglob('*.html'))} pages)")
        print(f"signpost build with search:    {with_search:6.2f} s wall, {with_cpu:6.2f} s CPU, peak {peak} MiB")
        print(f"signpost build without search: {without:6.2f} s wall, {without_cpu:6.2f} s CPU, peak {without_peak} MiB")
        print(f"  search part:                 {with_search - without:6.2f} s wall, {with_cpu - without_cpu:6.2f} s CPU")
        print(f"pagefind --site:               {pf_seconds:6.2f} s wall, {pf_cpu:6.2f} s CPU, peak {pf_peak} MiB")
        print(f"{'query':32} {'signpost KB':>12} {'pagefind KB':>12}")
        for q in QUERIES:
            print(f"{q:32} {ours[q] / 1000:12.1f} {theirs[q] / 1000:12.1f}")
        print(f"{'median':32} {statistics.median(ours.values()) / 1000:12.1f} {statistics.median(theirs.values()) / 1000:12.1f}")
        print(f"{'max':32} {max(ours.values()) / 1000:12.1f} {max(theirs.values()) / 1000:12.1f}")


if __name__ == "__main__":
    main()

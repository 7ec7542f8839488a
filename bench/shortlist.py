#!/usr/bin/env python3
"""How much a family's phone downloads for the shortlist on a big directory.

Generates a site of N services (scripts/generate-corpus.py, as bench/run.py does), builds it, and
reports, each file at its gzip -9 size:
  - the shortlist page's HTML, which embeds no services (the target is under 30 KB);
  - what the page loads before any service data: its HTML, stylesheets and scripts;
  - one saved service's data file (/shortlist/data/<id>.json): the median, the largest, and the
    first service's;
  - for comparison, the largest HTML page of the site.

Usage: python3 bench/shortlist.py [--services 10000] [--binary target/debug/signpost] [--work DIR]
Sizes do not depend on a debug or release build. Only the Python standard library is used.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--services", type=int, default=10_000)
    ap.add_argument("--binary", type=Path, default=REPO / "target/debug/signpost")
    ap.add_argument("--work", type=Path, default=REPO / "bench/work/shortlist")
    args = ap.parse_args()
    if not args.binary.is_file():
        sys.exit(f"no signpost binary at {args.binary}: run cargo build first")
    site, public = args.work / "site", args.work / "public"
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    subprocess.run([sys.executable, str(REPO / "scripts/generate-corpus.py"), str(args.services), str(site)], check=True, stdout=subprocess.DEVNULL)
    built = subprocess.run([str(args.binary), "build", "--quiet", "--root", str(site), "--output", str(public)], capture_output=True, text=True)
    if built.returncode != 0:
        sys.exit(f"the build failed:\n{built.stderr}")

    page = (public / "shortlist/index.html").read_bytes()
    html = page.decode()
    loaded = [page]
    for ref in re.findall(r'(?:href|src)="(/assets/[^"]+\.(?:css|js))"', html):
        loaded.append((public / ref.lstrip("/")).read_bytes())
    files = sorted((public / "shortlist/data").glob("*.json"))
    sizes = [gz(f.read_bytes()) for f in files]
    raw = [f.stat().st_size for f in files]
    largest_page = max(public.rglob("*.html"), key=lambda p: gz(p.read_bytes()))

    print(f"{args.services:,} services: {len(files):,} shortlist data files")
    print(f"shortlist page HTML: {kb(len(page))} raw, {kb(gz(page))} gzip")
    print(f"shortlist page before its data (HTML, {len(loaded) - 1} stylesheets and scripts): {kb(sum(gz(b) for b in loaded))} gzip")
    print(f"one service's data file: median {statistics.median(raw):.0f} B raw, {statistics.median(sizes):.0f} B gzip; largest {max(sizes)} B gzip; first ({files[0].name}) {sizes[0]} B gzip")
    print(f"largest HTML page: {largest_page.relative_to(public)} {kb(gz(largest_page.read_bytes()))} gzip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
